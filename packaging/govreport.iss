; Inno Setup 6 script: a per-user installer for dist\govreport (no admin rights needed).
; Build the app first (pyinstaller --noconfirm packaging\govreport.spec), then:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\govreport.iss
; Output: dist\govreport-<version>-setup.exe. Optional; not run in this repository's CI (Windows only).
; Saved as UTF-8 with BOM, which Inno Setup 6 needs for the Chinese text.

; The version comes from the built govreport.exe's version resource (made from __version__).
#define AppExe AddBackslash(SourcePath) + "..\dist\govreport\govreport.exe"
#define AppVersion GetVersionNumbersString(AppExe)
#define AppName "法治政府建设年度报告写作工具"

[Setup]
AppId={{BC5169F5-B2F9-47EB-8512-970F33B5E090}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=govreport
VersionInfoVersion={#AppVersion}
; Per-user by default: %LOCALAPPDATA%\Programs\govreport; an admin may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\govreport
DisableProgramGroupPage=yes
; Qt 6 and Python 3.11 need Windows 10 or 11, x64.
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=govreport-{#AppVersion}-setup
SetupIconFile=..\resources\icons\govreport.ico
UninstallDisplayIcon={app}\govreport.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
; ChineseSimplified.isl is an unofficial translation: put it into Inno Setup's Languages folder.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\govreport\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\法治政府建设年度报告"; Filename: "{app}\govreport.exe"
Name: "{autodesktop}\法治政府建设年度报告"; Filename: "{app}\govreport.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\govreport.exe"; Description: "{cm:LaunchProgram,法治政府建设年度报告}"; Flags: nowait postinstall skipifsilent
