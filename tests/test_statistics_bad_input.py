"""Files that are no usable workbook: one line of Chinese naming the file, exit 2, nothing written."""
from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from cli_support import run
from govreport.base.errors import InputError
from govreport.statistics import import_workbook
from govreport.statistics import xlsx as xlsx_mod
from xlsxfix import read_parts, replace_in_part, write_parts

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"



def good_book(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "表"
    ws.append(["项目", "本年"])
    ws.append(["网格数", 86])
    wb.save(path)
    return path


def ole_file(path: Path, *streams: str) -> Path:
    """An OLE2 compound file header followed by directory entries naming the streams."""
    body = b"".join(s.encode("utf-16-le").ljust(64, b"\0") + b"\0" * 64 for s in streams)
    path.write_bytes(OLE + b"\0" * 504 + body + b"\0" * 512)
    return path


def _text(p: Path) -> Path:
    p.write_text("序号,项目,本年\n1,网格数,86\n", encoding="utf-8")
    return p


def _truncated(p: Path) -> Path:
    good_book(p)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    return p


def _empty(p: Path) -> Path:
    Workbook().save(p)
    return p


def _no_table(p: Path) -> Path:
    wb = Workbook()
    wb.active.append(["今年工作总结"])
    wb.active.append(["全年共开展活动若干次，成效明显。"])
    wb.save(p)
    return p


def _all_hidden(p: Path) -> Path:
    wb = Workbook()
    wb.active.append(["项目", "本年"])
    wb.create_sheet("二").sheet_state = "hidden"
    wb.save(p)
    replace_in_part(p, "xl/workbook.xml", b'state="visible"', b'state="hidden"')
    return p


def _docx(p: Path) -> Path:
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return p


def _zero(p: Path) -> Path:
    p.write_bytes(b"")
    return p


CASES = [
    # (file name, maker, words in the message)
    ("统计表.xlsx", _text, "不是 Excel 工作簿"),
    ("统计表.csv", _text, "文本表格"),
    ("统计表.xlsx", _truncated, "已损坏或不完整"),
    ("统计表.xlsx", _zero, "0 字节"),
    ("统计表.xls", lambda p: ole_file(p, "Root Entry", "Workbook"), "文件→另存为"),
    ("统计表.xls", lambda p: ole_file(p, "Root Entry", "Workbook"), "Excel 工作簿(*.xlsx)"),
    ("统计表.et", lambda p: ole_file(p, "Root Entry", "Workbook"), "WPS 表格格式"),
    ("统计表.et", _text, "WPS 表格格式"),
    ("统计表.xlsx", lambda p: ole_file(p, "Root Entry", "EncryptionInfo", "EncryptedPackage"),
     "打开密码"),
    ("统计表.xlsx", _empty, "是空的"),
    ("统计表.xlsx", _no_table, "没有找到统计表格"),
    ("统计表.xlsx", _all_hidden, "都已隐藏"),
    ("统计表.xlsx", _docx, "Word 文档"),
    ("~$统计表.xlsx", good_book, "临时文件"),
]


@pytest.mark.parametrize("name,make,words", CASES)
def test_bad_workbooks_raise_one_chinese_line_naming_the_file(pack, tmp_path, name, make, words):
    path = make(tmp_path / name)
    with pytest.raises(InputError) as err:
        import_workbook(path, pack.indicators)
    message = str(err.value)
    assert words in message
    assert path.name in message
    assert "\n" not in message and "Traceback" not in message


def test_a_directory_and_a_missing_file(pack, tmp_path):
    with pytest.raises(InputError, match="文件夹"):
        import_workbook(tmp_path, pack.indicators)
    with pytest.raises(InputError, match="找不到统计表"):
        import_workbook(tmp_path / "没有.xlsx", pack.indicators)


def test_a_workbook_locked_by_another_program(pack, tmp_path, monkeypatch):
    path = good_book(tmp_path / "统计表.xlsx")

    def locked(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(xlsx_mod, "open", locked, raising=False)
    with pytest.raises(InputError, match="占用") as err:
        import_workbook(path, pack.indicators)
    assert "统计表.xlsx" in str(err.value)


def test_a_damaged_sheet_is_named(pack, tmp_path):
    path = good_book(tmp_path / "统计表.xlsx")
    parts = read_parts(path)
    xml = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = xml[: xml.index(b"<row r=\"2\"") + 20]   # cut short
    write_parts(path, parts)
    with pytest.raises(InputError) as err:
        import_workbook(path, pack.indicators)
    assert "统计表.xlsx" in str(err.value) and "工作表“表”" in str(err.value)
    assert err.value.sheet == "表"


def test_a_renamed_xlsx_is_read_whatever_its_extension(pack, tmp_path):
    path = good_book(tmp_path / "统计表.xls")
    assert import_workbook(path, pack.indicators).figures["grids"].value == 86


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                     for i in range(1, 10))
          + b"]>")


@pytest.mark.parametrize("part,words", [
    ("xl/sharedStrings.xml", "不安全的 XML"), ("xl/worksheets/sheet1.xml", "不安全的 XML"),
    ("xl/workbook.xml", "无法读取"),       # openpyxl parses this part with entities left unresolved
])
def test_xml_entity_expansion_is_refused_not_expanded(pack, tmp_path, part, words):
    path = tmp_path / "统计表.xlsx"
    wb = Workbook()
    wb.active.title = "表"
    wb.active.append(["项目", "本年"])
    wb.active.append(["网格数", 86])
    wb.save(path)
    parts = read_parts(path)
    if part == "xl/sharedStrings.xml":
        parts["xl/worksheets/sheet1.xml"] = re.sub(
            rb'<c r="A2" t="(?:s|inlineStr)">.*?</c>', b'<c r="A2" t="s"><v>0</v></c>',
            parts["xl/worksheets/sheet1.xml"])
        parts[part] = LAUGHS + (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                                b'2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>')
        if b"sharedStrings" not in parts["[Content_Types].xml"]:
            parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
                b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                             b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                             b'</Types>')
            parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
                b"</Relationships>", b'<Relationship Type="http://schemas.openxmlformats.org/'
                                     b'officeDocument/2006/relationships/sharedStrings" '
                                     b'Target="sharedStrings.xml" Id="rId99"/></Relationships>')
    elif part == "xl/workbook.xml":
        parts[part] = LAUGHS + re.sub(rb'name="[^"]*"', b'name="&lol9;"', parts[part], count=1)
    else:
        xml, n = re.subn(rb'<c r="A2" t="(?:s|inlineStr)">.*?</c>',
                         b'<c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c>', parts[part])
        assert n == 1
        parts[part] = LAUGHS + xml
    write_parts(path, parts)
    start = time.perf_counter()
    with pytest.raises(InputError, match=words) as err:
        import_workbook(path, pack.indicators)
    assert time.perf_counter() - start < 5       # a billion "lol"s were never built
    assert "统计表.xlsx" in str(err.value)


# --- through the command line -----------------------------------------------------------------

@pytest.mark.parametrize("name,make,words", [CASES[0], CASES[3], CASES[4], CASES[8], CASES[9]])
def test_stats_show_exits_2_with_the_message(capsys, tmp_path, name, make, words):
    path = make(tmp_path / name)
    code, out, err = run(capsys, "stats", "show", str(path))
    assert code == 2
    assert out == ""
    assert err.startswith("错误：") and words in err and err.count("\n") == 1


def test_build_with_a_bad_workbook_writes_nothing(capsys, tmp_path):
    bad = _truncated(tmp_path / "统计表.xlsx")
    out = tmp_path / "报告.docx"
    code, _, err = run(capsys, "build", "--data", str(bad), "--unit", "翻江镇", "--year", "2024",
                       "-o", str(out), "--ledger")
    assert code == 2 and "已损坏" in err
    assert list(tmp_path.iterdir()) == [bad]


def test_stats_show_of_a_directory_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "stats", "show", str(tmp_path))
    assert code == 2 and "文件夹" in err
