"""`govreport import`: a draft from last year's report, the report of what went where, exit codes."""
import shutil
from pathlib import Path

import docx
import pytest

from govreport.model import draft as draft_mod
from govreport.cli import main

CORPUS = Path(__file__).parent / "data" / "corpus"


def run(capsys, *args):
    try:
        code = main([str(a) for a in args])
    except SystemExit as e:
        code = e.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_writes_a_draft_and_shows_where_everything_went(capsys, tmp_path):
    out = tmp_path / "草稿.json"
    code, stdout, stderr = run(capsys, "import", CORPUS / "hunan-fanjiang-2024.txt", "-o", out)
    assert code == 0, stderr
    d = draft_mod.load(out)
    assert (d.unit, d.year) == ("翻江镇", 2025)
    assert "{{ disputes_handled }}" in d.section("achievements").text
    assert d.source_text and "扫一扫在手机打开当前页" in d.source_text
    for words in ("部分划分", "一、工作进展与成效 → 主要举措和成效", "字数去向（共2428字）", "合计2428字",
                  "已删除的网页杂项（5行）", "扫一扫在手机打开当前页", "改为数据引用（6处",
                  "调处各类矛盾纠纷128起", "128 → 今年的“调处矛盾纠纷件数”（原值128）",
                  "未应用，加 --roll-forward 应用",
                  "已生成草稿"):
        assert words in stdout, words


def test_roll_forward_is_applied_only_when_asked(capsys, tmp_path):
    src = CORPUS / "zouqiao-2023.txt"
    plain, rolled = tmp_path / "a.json", tmp_path / "b.json"
    run(capsys, "import", src, "-o", plain)
    code, stdout, _ = run(capsys, "import", src, "-o", rolled, "--roll-forward")
    assert code == 0 and "年份顺延（10处，已应用）" in stdout
    a, b = draft_mod.load(plain), draft_mod.load(rolled)
    assert a.title == "邹桥乡关于2023年法治政府建设工作情况汇报" and a.date == "2023-11-14"
    assert b.title == "邹桥乡关于2024年法治政府建设工作情况汇报" and b.date == "2024-11-14"
    assert b.section("plans").blocks[-1].text.endswith("确保2025年法治政府建设的顺利进行。")


def test_unit_and_year_can_be_given(capsys, tmp_path):
    out = tmp_path / "草稿.json"
    code, stdout, _ = run(capsys, "import", CORPUS / "template-xx-town.txt", "-o", out,
                          "--year", "2025", "--unit", "清溪镇", "--roll-forward")
    assert code == 0
    d = draft_mod.load(out)
    assert (d.unit, d.year) == ("清溪镇", 2025)
    assert d.section("preamble").blocks[0].text.startswith("2025年,清溪镇在区委区政府")


def test_a_part_put_in_other_or_merged_is_a_warning_exit_1(capsys, tmp_path):
    code, stdout, _ = run(capsys, "import", CORPUS / "chongqing-zhongshan-2020.txt",
                          "-o", tmp_path / "x.json")
    assert code == 1
    assert "警告" in stdout and "存在问题及下步打算" in stdout


def test_a_docx_is_imported(capsys, tmp_path):
    d = docx.Document()
    d.add_paragraph("清溪镇2024年法治政府建设年度报告", style="Title")
    d.add_paragraph("2024年，清溪镇扎实推进法治政府建设。现将有关情况报告如下：")
    d.add_heading("一、主要举措和成效", level=1)
    d.add_paragraph("全年调处矛盾纠纷128起。")
    src = tmp_path / "去年报告.docx"
    d.save(src)
    code, stdout, _ = run(capsys, "import", src, "-o", tmp_path / "x.json")
    assert code == 0 and "Word 文档" in stdout
    assert draft_mod.load(tmp_path / "x.json").section("achievements").blocks[0].text == \
        "全年调处矛盾纠纷{{ disputes_handled }}起。"


@pytest.mark.parametrize("make,extra,words", [
    (lambda p: p / "没有.docx", [], "找不到文件"),
    (lambda p: p, [], "文件夹"),
    (lambda p: _write(p / "x.docx", b"not a zip"), [], "不是有效的 Word 文档"),
    (lambda p: _copy(p, "template-xx-town.txt"), [], "--unit"),
])
def test_bad_input_exits_2_with_one_chinese_line_and_writes_nothing(capsys, tmp_path, make, extra, words):
    src = make(tmp_path)
    out = tmp_path / "草稿.json"
    code, stdout, stderr = run(capsys, "import", src, "-o", out, *extra)
    assert code == 2
    assert stderr.startswith("错误：") and words in stderr and stderr.count("\n") == 1
    assert not out.exists()


@pytest.mark.parametrize("year,words", [("25", "2000 到 2100"), ("二〇二五", "四位数字")])
def test_a_bad_year_is_a_usage_error_in_one_chinese_line(capsys, tmp_path, year, words):
    out = tmp_path / "草稿.json"
    code, _, stderr = run(capsys, "import", CORPUS / "hunan-fanjiang-2024.txt", "-o", out,
                          "--year", year)
    assert code == 2 and words in stderr and stderr.count("\n") == 1
    assert not out.exists()


def test_the_output_must_be_a_json_draft(capsys, tmp_path):
    code, _, stderr = run(capsys, "import", CORPUS / "hunan-fanjiang-2024.txt", "-o", tmp_path / "x.docx")
    assert code == 2 and ".json" in stderr


def test_import_is_listed_in_the_help(capsys):
    code, stdout, _ = run(capsys, "--help")
    assert code == 0 and "import" in stdout
    code, stdout, _ = run(capsys, "import", "--help")
    assert code == 0 and "--roll-forward" in stdout and "去年报告" in stdout


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def _copy(tmp, name):
    return Path(shutil.copy(CORPUS / name, tmp / name))
