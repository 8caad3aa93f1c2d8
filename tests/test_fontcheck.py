"""Font detection: which font profile a PC can render, from a fake fonts folder."""
import struct
import sys
import tomllib

import pytest

from govreport.build import fontcheck
from govreport.base import paths
from govreport.cli import main
from govreport.build.fontcheck import check_fonts, read_families, registry_value_families
from govreport.build.layout import load_layout

WIN_BUILTIN = ["simhei.ttf", "simsun.ttc", "simfang.ttf", "simkai.ttf"]
WIN_OFFICIAL = ["FZXBSJW.TTF", "仿宋_GB2312.ttf", "楷体_GB2312.ttf"]
GBK = ["FZXBSK.TTF", "FZFSK.TTF", "FZHTK.TTF", "FZKTK.TTF", "FZSSK.TTF"]


def sfnt(*families: str) -> bytes:
    """A minimal TrueType file holding only a name table with the given family names."""
    strings = b""
    records = b""
    for fam in families:
        raw = fam.encode("utf-16-be")
        records += struct.pack(">HHHHHH", 3, 1, 0x804, 1, len(raw), len(strings))
        strings += raw
    name = struct.pack(">HHH", 0, len(families), 6 + 12 * len(families)) + records + strings
    header = struct.pack(">IHHHH", 0x00010000, 1, 16, 0, 0)
    record = struct.pack(">4sIII", b"name", 0, 12 + 16, len(name))
    return header + record + name


def ttc(*fonts: bytes) -> bytes:
    """A font collection of the given single fonts (their table offsets rebased)."""
    head_len = 12 + 4 * len(fonts)
    out, offsets = b"", []
    for f in fonts:
        base = head_len + len(out)
        offsets.append(base)
        num = struct.unpack(">H", f[4:6])[0]
        tables = bytearray(f)
        for i in range(num):          # table offsets in a collection count from the file start
            pos = 12 + 16 * i + 8
            struct.pack_into(">I", tables, pos, struct.unpack(">I", f[pos:pos + 4])[0] + base)
        out += bytes(tables)
    return struct.pack(">4sII", b"ttcf", 0x00010000, len(fonts)) \
        + struct.pack(f">{len(fonts)}I", *offsets) + out


@pytest.fixture
def windows_pc(tmp_path, monkeypatch):
    """A Windows PC whose fonts folders are empty tmp folders; put(files) installs fonts."""
    windir, local = tmp_path / "Windows", tmp_path / "Local"
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    system = windir / "Fonts"
    per_user = local / "Microsoft" / "Windows" / "Fonts"

    def put(files, user=False, content=b"not parsed"):
        folder = per_user if user else system
        folder.mkdir(parents=True, exist_ok=True)
        for f in files:
            (folder / f).write_bytes(content)
        return folder
    put([])
    return put


@pytest.fixture
def linux_pc(tmp_path, monkeypatch):
    """A Linux desktop with one system fonts folder, a home folder and a fake fc-list."""
    system = tmp_path / "usr-share-fonts"
    system.mkdir()
    monkeypatch.setattr(fontcheck, "LINUX_SYSTEM_DIRS", (str(system),))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))

    def fc_list(*lines):
        script = bin_dir / "fc-list"
        body = "".join(f"printf '%s\\n' '{line}'\n" for line in lines)
        script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
        script.chmod(0o755)
    return system, fc_list


@pytest.mark.parametrize("files,recommended,complete,says", [
    (WIN_BUILTIN + WIN_OFFICIAL, "windows-gb2312", {"windows-gb2312", "windows-builtin"},
     "本机已安装公文字体"),
    (WIN_BUILTIN, "windows-builtin", {"windows-builtin"},
     "本机未安装方正小标宋简体、仿宋_GB2312、楷体_GB2312，建议选用字体方案“windows-builtin”"),
    (WIN_BUILTIN + GBK, "xinchuang-gbk", {"windows-builtin", "xinchuang-gbk"},
     "建议选用字体方案“xinchuang-gbk”"),
    (GBK, "xinchuang-gbk", {"xinchuang-gbk"}, "本机能正确显示和打印"),
    ([], "windows-gb2312", set(), "也没有哪个字体方案的字体齐全"),
    (["simhei.ttf", "simsun.ttc", "simfang.ttf"], "windows-builtin", set(), "仍缺楷体"),
])
def test_each_profile_outcome_on_a_windows_pc(windows_pc, files, recommended, complete, says):
    windows_pc(files)
    report = check_fonts(platform="win32")
    assert report.recommended == recommended
    assert {p.id for p in report.profiles if p.complete} == complete
    assert says in report.explanation
    assert report.any_complete == bool(complete)


def test_builtin_fonts_recommendation_tells_that_the_title_is_a_stand_in(windows_pc):
    windows_pc(WIN_BUILTIN)
    text = check_fonts(platform="win32").explanation
    assert "宋体加粗代替方正小标宋简体" in text
    assert "在那台电脑上打开时会自动使用正确字体" in text


def test_missing_fonts_are_listed_per_profile(windows_pc):
    windows_pc(WIN_BUILTIN + ["FZXBSJW.TTF"])
    report = check_fonts(platform="win32")
    assert report.profile("windows-gb2312").missing == ["仿宋_GB2312", "楷体_GB2312"]
    assert report.profile("windows-gb2312").present == ["方正小标宋简体", "黑体", "宋体"]
    assert report.profile("xinchuang-gbk").missing == ["方正小标宋_GBK", "方正仿宋_GBK",
                                                      "方正黑体_GBK", "方正楷体_GBK", "方正书宋_GBK"]


def test_fonts_installed_per_user_without_admin_rights_are_found(windows_pc):
    windows_pc(WIN_BUILTIN)
    folder = windows_pc(WIN_OFFICIAL, user=True)
    report = check_fonts(platform="win32")
    assert report.recommended == "windows-gb2312"
    where = {f.name: f.where for f in report.profile("windows-gb2312").fonts}
    assert where["方正小标宋简体"] == str(folder / "FZXBSJW.TTF")


def test_file_names_are_matched_without_regard_to_case(windows_pc):
    windows_pc(["SIMHEI.TTF", "SimSun.ttc", "SIMFANG.TTF", "SimKai.ttf"])
    assert check_fonts(platform="win32").recommended == "windows-builtin"


def test_a_renamed_font_file_is_recognised_by_its_family_name(windows_pc):
    windows_pc(WIN_BUILTIN)
    folder = windows_pc([])
    (folder / "小标宋(1).ttf").write_bytes(sfnt("FZXiaoBiaoSong-B05S", "方正小标宋简体"))
    (folder / "fs.ttf").write_bytes(sfnt("仿宋_GB2312"))
    (folder / "kt.TTF").write_bytes(sfnt("楷体_GB2312"))
    report = check_fonts(platform="win32")
    assert report.recommended == "windows-gb2312"
    assert report.profile("windows-gb2312").fonts[0].where.endswith("小标宋(1).ttf")


def test_windows_xp_simfang_counts_as_fangsong_gb2312_not_fangsong(windows_pc):
    folder = windows_pc(["simhei.ttf", "simsun.ttc", "simkai.ttf"])
    (folder / "simfang.ttf").write_bytes(sfnt("仿宋_GB2312", "FangSong_GB2312"))
    report = check_fonts(platform="win32")
    assert "仿宋" in report.profile("windows-builtin").missing
    assert "仿宋_GB2312" in report.profile("windows-gb2312").present


def test_a_font_collection_yields_every_family(tmp_path):
    path = tmp_path / "simsun.ttc"
    path.write_bytes(ttc(sfnt("宋体", "SimSun"), sfnt("新宋体", "NSimSun")))
    assert read_families(path) == {"宋体", "SimSun", "新宋体", "NSimSun"}


@pytest.mark.parametrize("content", [b"", b"junk", b"\x00\x01\x00\x00\x00\x05", b"ttcf\x00"])
def test_an_unreadable_font_file_gives_no_names_and_no_error(tmp_path, content):
    path = tmp_path / "x.ttf"
    path.write_bytes(content)
    assert read_families(path) is None


def test_linux_fonts_are_found_through_fc_list(linux_pc):
    _system, fc_list = linux_pc
    fc_list("DejaVu Sans", "方正小标宋_GBK,FZXiaoBiaoSong-B05", "FZFangSong-Z02",
            "方正黑体_GBK", "FZKai-Z03,方正楷体_GBK", "方正书宋_GBK")
    report = check_fonts(platform="linux")
    assert report.recommended == "xinchuang-gbk"
    assert {f.where for f in report.profile("xinchuang-gbk").fonts} == {"fc-list"}
    assert "fc-list" in report.sources
    assert "本机未安装方正小标宋简体" in report.explanation


def test_linux_without_fontconfig_finds_files_in_nested_font_folders(linux_pc, tmp_path):
    system, _fc_list = linux_pc                 # no fc-list written: not installed
    (system / "fz").mkdir()
    for f in GBK[:3]:
        (system / "fz" / f).write_bytes(b"x")
    user = tmp_path / "home" / ".local" / "share" / "fonts"
    user.mkdir(parents=True)
    for f in GBK[3:]:
        (user / f).write_bytes(b"x")
    report = check_fonts(platform="linux")
    assert report.sources == []
    assert report.recommended == "xinchuang-gbk"


@pytest.mark.parametrize("value,families", [
    ("SimSun & NSimSun (TrueType)", {"SimSun", "NSimSun"}),
    ("仿宋_GB2312 (TrueType)", {"仿宋_GB2312"}),
    ("方正小标宋简体", {"方正小标宋简体"}),
])
def test_windows_registry_font_entries_are_read_as_family_names(value, families):
    assert registry_value_families(value) == families


def test_every_font_of_every_profile_is_in_the_font_file_table():
    with open(paths.templates_dir() / "layout" / "font_files.toml", "rb") as fh:
        table = tomllib.load(fh)
    layout = load_layout()
    for pid in layout.profile_ids():
        for name in layout.profile(pid).fonts.values():
            assert table["fonts"][name]["files"], f"{pid}: {name} has no known files"
    assert set(table["recommend"]["order"]) == set(layout.profile_ids())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux font folders")
@pytest.mark.parametrize("files,code,recommended", [(GBK, 0, "xinchuang-gbk"),
                                                    ([], 1, "windows-gb2312")])
def test_fonts_command_prints_the_report_and_exit_code(linux_pc, capsys, files, code,
                                                       recommended):
    system, fc_list = linux_pc
    fc_list("DejaVu Sans")
    for f in files:
        (system / f).write_bytes(b"x")
    assert main(["fonts"]) == code
    out = capsys.readouterr().out
    assert f"建议字体方案：{recommended}" in out
    assert f"govreport build --fonts {recommended}" in out
    assert "windows-builtin" in out and "缺  楷体" in out
