"""Which font profile this machine can render: look for the fonts each profile names.

The app never ships or downloads fonts (they are licensed). It only tells the clerk which of the
layout's font profiles (templates/layout/gbt9704.toml) is complete here, and which fonts are
missing. Fonts are recognised by the table in templates/layout/font_files.toml:

- font files in the usual folders: on Windows %WINDIR%\\Fonts and the per-user
  %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts (fonts installed without admin rights land there);
  on Linux the fontconfig folders. A file's family names are read from its own name table
  when it can be parsed (so a renamed file is still recognised), else its file name counts;
- family names that the system reports: `fc-list : family` where fontconfig is installed,
  the Windows registry's font list on Windows.

    report = check_fonts()
    report.recommended, report.explanation
"""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from govreport.base.datafiles import load_toml
from govreport.base import paths
from govreport.build.layout import Layout, load_layout

FONT_SUFFIXES = {".ttf", ".ttc", ".otf", ".otc"}

# Linux folders fontconfig reads by default; the per-user ones are added from $HOME/$XDG_DATA_HOME.
# WPS for Linux keeps some fonts of its own under /opt/kingsoft, which only WPS sees.
LINUX_SYSTEM_DIRS: tuple[str, ...] = ("/usr/share/fonts", "/usr/local/share/fonts",
                                      "/opt/kingsoft/wps-office/office6/fonts")


@dataclass(frozen=True)
class FontStatus:
    name: str
    present: bool
    where: str = ""            # a file path, "fc-list" or "注册表"; empty when missing


@dataclass(frozen=True)
class ProfileReport:
    id: str
    label: str
    fonts: tuple[FontStatus, ...]
    title_substitute: bool = False   # the title uses a stand-in for 小标宋 (bold 宋体)

    @property
    def missing(self) -> list[str]:
        return [f.name for f in self.fonts if not f.present]

    @property
    def present(self) -> list[str]:
        return [f.name for f in self.fonts if f.present]

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass
class FontReport:
    profiles: list[ProfileReport]
    recommended: str
    default: str
    explanation: str
    searched: list[Path] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)   # "fc-list", "注册表" when used

    def profile(self, pid: str) -> ProfileReport:
        return next(p for p in self.profiles if p.id == pid)

    @property
    def any_complete(self) -> bool:
        return any(p.complete for p in self.profiles)


# --- the table --------------------------------------------------------------------------

@dataclass(frozen=True)
class FontTable:
    files: dict[str, str]        # lower-case file name -> font name
    families: dict[str, str]     # normalised family name -> font name
    order: tuple[str, ...]       # recommendation order of profile ids


def _norm(family: str) -> str:
    return "".join(family.split()).casefold()


@cache
def load_font_table(path: Path | None = None) -> FontTable:
    path = path or paths.templates_dir() / "layout" / "font_files.toml"
    raw = load_toml(path)
    files: dict[str, str] = {}
    families: dict[str, str] = {}
    for name, entry in raw.get("fonts", {}).items():
        families[_norm(name)] = name
        for fam in entry.get("families", []):
            families[_norm(fam)] = name
        for f in entry.get("files", []):
            files[f.casefold()] = name
    order = tuple(raw.get("recommend", {}).get("order", []))
    return FontTable(files, families, order)


# --- where fonts are --------------------------------------------------------------------

def _is_windows(platform: str) -> bool:
    return platform.startswith("win")


def font_dirs(platform: str | None = None) -> list[Path]:
    """The folders to look in on this platform (existing or not)."""
    platform = platform or sys.platform
    if _is_windows(platform):
        dirs = [Path(os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows")
                / "Fonts"]
        if local := os.environ.get("LOCALAPPDATA"):
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    home = Path(os.environ.get("HOME") or Path.home())
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    dirs = [Path(d) for d in LINUX_SYSTEM_DIRS]
    dirs += [data_home / "fonts", home / ".fonts"]
    if platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library" / "Fonts"]
    return dirs


def _font_files(dirs: list[Path], recursive: bool) -> list[Path]:
    out: list[Path] = []
    for d in dirs:
        try:
            if recursive:
                for root, _subdirs, names in os.walk(d):
                    out += [Path(root, n) for n in names if Path(n).suffix.lower() in FONT_SUFFIXES]
            else:
                out += [p for p in d.iterdir() if p.suffix.lower() in FONT_SUFFIXES]
        except OSError:
            continue            # a folder that is missing or unreadable holds nothing we can use
    return out


# --- family names from a font file's name table ------------------------------------------

def _decode_name(platform_id: int, encoding_id: int, raw: bytes) -> str | None:
    try:
        if platform_id == 0 or (platform_id == 3 and encoding_id in (0, 1, 10)):
            return raw.decode("utf-16-be")
        if platform_id == 3 and encoding_id == 3:     # Windows PRC: GB bytes in 16-bit units
            return raw.replace(b"\x00", b"").decode("gbk")
        if platform_id == 1 and encoding_id == 0:
            return raw.decode("mac_roman")
        if platform_id == 1 and encoding_id == 25:    # Mac simplified Chinese
            return raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return None


def _sfnt_families(fh, offset: int) -> set[str]:
    fh.seek(offset)
    head = fh.read(12)
    if len(head) < 12:
        return set()
    num_tables = struct.unpack(">H", head[4:6])[0]
    records = fh.read(16 * num_tables)
    for i in range(num_tables):
        tag, _checksum, table_off, length = struct.unpack(">4sIII", records[16 * i:16 * i + 16])
        if tag == b"name":
            break
    else:
        return set()
    fh.seek(table_off)
    table = fh.read(min(length, 1 << 20))
    _fmt, count, string_off = struct.unpack(">HHH", table[:6])
    names: set[str] = set()
    for i in range(count):
        rec = table[6 + 12 * i:18 + 12 * i]
        if len(rec) < 12:
            break
        pid, eid, _lang, nid, ln, off = struct.unpack(">HHHHHH", rec)
        if nid not in (1, 16):                        # family, typographic family
            continue
        start = string_off + off
        text = _decode_name(pid, eid, table[start:start + ln])
        if text and text.strip():
            names.add(text.strip())
    return names


def read_families(path: Path) -> set[str] | None:
    """The family names in a .ttf/.otf/.ttc file, or None when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            tag = fh.read(4)
            if tag == b"ttcf":
                _ver, count = struct.unpack(">II", fh.read(8))
                offsets = struct.unpack(f">{min(count, 64)}I", fh.read(4 * min(count, 64)))
                names: set[str] = set()
                for off in offsets:
                    names |= _sfnt_families(fh, off)
                return names or None
            if tag in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
                return _sfnt_families(fh, 0) or None
    except (OSError, struct.error, ValueError):
        return None
    return None


# --- family names the system reports -----------------------------------------------------

def fc_list_families() -> set[str] | None:
    """Family names from fontconfig's `fc-list : family`, or None without fontconfig."""
    exe = shutil.which("fc-list")
    if not exe:
        return None
    try:
        out = subprocess.run([exe, ":", "family"], capture_output=True, timeout=30,
                             check=False).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return None
    names: set[str] = set()
    for line in out.splitlines():
        # one font per line, its families comma-separated ("AR PL KaitiM GB,文鼎ＰＬ简中楷")
        for part in line.replace("\\,", "\0").split(","):
            if part := part.replace("\0", ",").strip():
                names.add(part)
    return names


def registry_value_families(value_name: str) -> set[str]:
    """'SimSun & NSimSun (TrueType)' -> {'SimSun', 'NSimSun'}: a Windows registry font entry."""
    name = value_name.strip()
    if name.endswith(")") and " (" in name:
        name = name[:name.rindex(" (")]
    return {part.strip() for part in name.split("&") if part.strip()}


def registry_families() -> set[str] | None:
    """Family names listed in the Windows registry (machine-wide and per-user installs)."""
    if sys.platform != "win32":
        return None
    import winreg
    key_path = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
    names: set[str] = set()
    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            with winreg.OpenKey(hive, key_path) as key:
                i = 0
                while True:
                    try:
                        value_name, _data, _type = winreg.EnumValue(key, i)
                    except OSError:
                        break
                    names |= registry_value_families(value_name)
                    i += 1
        except OSError:
            continue
    return names


# --- the check --------------------------------------------------------------------------

def installed_fonts(wanted: set[str], *, platform: str | None = None,
                    dirs: list[Path] | None = None,
                    table: FontTable | None = None) -> tuple[dict[str, str], list[Path], list[str]]:
    """Which of the wanted font names are installed: {name: where}, folders searched, sources."""
    platform = platform or sys.platform
    table = table or load_font_table()
    dirs = font_dirs(platform) if dirs is None else dirs
    found: dict[str, str] = {}
    sources: list[str] = []

    def note_families(families: set[str], where: str | Path) -> None:
        for fam in families:
            name = table.families.get(_norm(fam))
            if name in wanted and name not in found:
                found[name] = str(where)

    files = _font_files(dirs, recursive=not _is_windows(platform))
    # Files with a known name first: their own name table decides what they are, so Windows
    # XP's simfang.ttf counts as 仿宋_GB2312, not 仿宋. Other files are read only while something
    # is still missing, so a PC with everything needs no scan of its whole fonts folder.
    known = [p for p in files if p.name.casefold() in table.files]
    others = [p for p in files if p.name.casefold() not in table.files]
    for p in known:
        fams = read_families(p)
        if fams is None:
            name = table.files[p.name.casefold()]
            if name in wanted:
                found.setdefault(name, str(p))
        else:
            note_families(fams, p)

    system = (registry_families() if _is_windows(platform) else fc_list_families())
    if system is not None:
        label = "注册表" if _is_windows(platform) else "fc-list"
        sources.append(label)
        note_families(system, label)

    if not wanted <= found.keys():
        for p in others:
            if fams := read_families(p):
                note_families(fams, p)
            if wanted <= found.keys():
                break
    return found, dirs, sources


def _profile_fonts(layout: Layout, pid: str) -> list[str]:
    prof = layout.profile(pid)
    names = [prof.fonts[role] for role in prof.fonts]
    return list(dict.fromkeys(names))


def check_fonts(layout: Layout | None = None, *, platform: str | None = None,
                dirs: list[Path] | None = None) -> FontReport:
    """Report, for every font profile of the layout, which of its fonts this machine has."""
    layout = layout or load_layout()
    table = load_font_table()
    ids = layout.profile_ids()
    wanted = {n for pid in ids for n in _profile_fonts(layout, pid)}
    found, searched, sources = installed_fonts(wanted, platform=platform, dirs=dirs, table=table)
    reports = []
    for pid in ids:
        prof = layout.profile(pid)
        fonts = tuple(FontStatus(n, n in found, found.get(n, ""))
                      for n in _profile_fonts(layout, pid))
        reports.append(ProfileReport(pid, prof.label, fonts, prof.title_bold))
    default = layout.data["fonts"]["default"]
    recommended = recommend(reports, table.order, default)
    report = FontReport(reports, recommended, default, "", list(searched), sources)
    report.explanation = explain(report)
    return report


def recommend(reports: list[ProfileReport], order: tuple[str, ...], default: str) -> str:
    """The first complete profile in the preferred order; else the one with the most fonts here.

    With none of the fonts at all that is the first in the order (the official fonts): the
    report then at least shows right wherever it is opened on a PC that has them.
    """
    rank = {pid: i for i, pid in enumerate(order)}
    ranked = sorted(reports, key=lambda r: (rank.get(r.id, len(rank)), r.id != default))
    for r in ranked:
        if r.complete:
            return r.id
    return max(ranked, key=lambda r: len(r.present)).id


def explain(report: FontReport) -> str:
    """One paragraph in Chinese for the clerk: what is missing and which profile to choose."""
    rec = report.profile(report.recommended)
    default = report.profile(report.default)
    joined = "、".join
    if default.complete:
        return (f"本机已安装公文字体（{joined(default.present)}），建议使用默认字体方案"
                f"“{default.id}”，报告在本机和其他装有这些字体的电脑上显示一致。")
    head = f"本机未安装{joined(default.missing)}，"
    after = ("如果报告主要送到装有公文字体的电脑上打开或打印，也可以仍用默认方案"
             f"“{default.id}”：字体名称写在报告里，在那台电脑上打开时会自动使用正确字体，"
             "只是在本机显示为替代字体。")
    if rec.complete:
        sub = "（标题用宋体加粗代替方正小标宋简体）" if rec.title_substitute else ""
        return (f"{head}建议选用字体方案“{rec.id}”{sub}，本机能正确显示和打印；" + after)
    missing_rec = f"，仍缺{joined(rec.missing)}" if rec.missing and rec.id != default.id else ""
    return (f"{head}也没有哪个字体方案的字体齐全。建议选用“{rec.id}”{missing_rec}，"
            "缺少的字体由 Word 或 WPS 用相近字体代替显示；报告在装有公文字体的电脑上打开时会"
            "自动使用正确字体。本软件不附带、也不下载字体，如需安装请向单位信息化管理人员索取"
            "正版字体。")
