"""The second report kind, 政府信息公开工作年度报告 (templates/xinxi-gongkai): six fixed parts,
three national tables in the body, their sums checked, read back by check."""
import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from cli_support import run
from govreport.model.pack import load_pack

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PACK = "xinxi-gongkai"
HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项"]


@pytest.fixture(scope="module")
def pack():
    return load_pack(PACK)


@pytest.fixture
def workbook(tmp_path, pack):
    """The example workbook (label/value layout of stats-template, filled so the sums hold)."""
    src = pack.demo_workbook()
    out = tmp_path / "统计表.xlsx"
    out.write_bytes(src.read_bytes())
    return out


def set_value(path: Path, name: str, value) -> None:
    """Write `value` in the 本年 column of the row whose label is `name` (adding the row)."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for row in ws.iter_rows(min_row=1):
        if row[0].value == name:
            row[2].value = value
            break
    else:
        ws.append([name, "件", value])
    wb.save(path)


def tables_of(docx: Path):
    with zipfile.ZipFile(docx) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(W + "body")
    return body.findall(W + "tbl"), body


def texts(tr) -> list[str]:
    return ["".join(t.text or "" for t in tc.iter(W + "t")) for tc in tr.findall(W + "tc")]


def test_build_gives_the_six_parts_in_order_and_the_three_tables_with_the_workbooks_numbers(
        capsys, workbook, tmp_path):
    out = tmp_path / "r.docx"
    code, stdout, err = run(capsys, "build", "--template", PACK, "--data", str(workbook),
                            "--unit", "青石镇", "--year", "2025", "-o", str(out))
    assert code == 0, stdout + err
    tables, body = tables_of(out)
    assert len(tables) == 3
    paras = ["".join(t.text or "" for t in p.iter(W + "t")) for p in body.findall(W + "p")]
    assert [p for p in paras if p[:2] in {h[:2] for h in HEADINGS}] == HEADINGS
    assert paras[0] + paras[1] == "青石镇人民政府2025年政府信息公开工作年度报告" or \
        "青石镇人民政府2025年政府信息公开工作年度报告" in "".join(paras[:3])
    a, b, c = tables
    rows_a = {texts(tr)[0]: texts(tr)[1:] for tr in a.findall(W + "tr")}
    assert rows_a["行政规范性文件"] == ["3", "1", "12"]
    assert rows_a["行政许可"] == ["45"]
    rows_b = [texts(tr) for tr in b.findall(W + "tr")]
    new = next(r for r in rows_b if r[0] == "一、本年新收政府信息公开申请数量")
    assert new[1:] == ["12", "3", "0", "0", "1", "0", "16"]           # 总计 computed
    total = next(r for r in rows_b if "（七）总计" in r)
    assert total[-7:] == ["12", "3", "0", "0", "1", "0", "16"]
    assert [tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in b.findall(W + "tr")][:4] == \
        [True, True, True, False]
    assert texts(c.findall(W + "tr")[-1])[:5] == ["1", "0", "0", "0", "1"]


def test_a_workbook_whose_table_b_does_not_add_up_exits_1_naming_the_column_and_both_sums(
        capsys, workbook, tmp_path):
    set_value(workbook, "结转下年度继续办理（自然人）", 4)
    code, stdout, err = run(capsys, "build", "--template", PACK, "--data", str(workbook),
                            "--unit", "青石镇", "--year", "2025", "-o", str(tmp_path / "r.docx"))
    assert code == 1
    line = next(ln for ln in (stdout + err).splitlines() if "第一项＋第二项" in ln)
    assert "自然人" in line and "为13" in line and "为16" in line


def test_a_total_in_the_workbook_that_differs_from_its_parts_is_named_with_both_numbers(
        capsys, workbook, tmp_path):
    set_value(workbook, "本年新收政府信息公开申请数量（总计）", 17)
    code, stdout, err = run(capsys, "build", "--template", PACK, "--data", str(workbook),
                            "--unit", "青石镇", "--year", "2025", "-o", str(tmp_path / "r.docx"))
    assert code == 1
    assert "本年新收政府信息公开申请数量（总计）”统计表填的是17，按公式计算为16" in stdout + err


def test_the_blank_statistics_workbook_of_this_kind_reads_back_every_cell(capsys, tmp_path, pack):
    out = tmp_path / "空白.xlsx"
    code, _o, err = run(capsys, "stats-template", "--template", PACK, "--year", "2025",
                        "-o", str(out))
    assert code == 0, err
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    assert "政府信息公开工作统计表" in ws["A1"].value
    names = {row[0].value for row in ws.iter_rows(min_row=1)}
    inputs = [i for i in pack.indicators if not i.derived]
    assert {i.name for i in inputs} <= names
    input_names = {i.name for i in inputs}
    for row in ws.iter_rows(min_row=1):
        if row[0].value in input_names:
            row[2].value = 1
    wb.save(out)
    from govreport.statistics import import_workbook
    got = import_workbook(out, pack.indicators, year=2025)
    assert {i.id for i in inputs} <= {fid for fid, f in got.figures.items() if f.value == 1}


def test_check_reads_a_report_of_this_kind_and_its_sums(capsys, workbook, tmp_path):
    out = tmp_path / "r.docx"
    run(capsys, "build", "--template", PACK, "--data", str(workbook), "--unit", "青石镇",
        "--year", "2025", "-o", str(out))
    from govreport.checks.sources import report_from_path
    report = report_from_path(out, load_pack(PACK))
    assert report.title == "青石镇人民政府2025年政府信息公开工作年度报告"
    assert [p.id for p in report.parts if p.heading] == ["zongti", "zhudong", "shenqing", "fuyi",
                                                        "wenti", "qita"]
    assert report.date == dt.date(2026, 1, 20) or report.date is not None
    code, stdout, err = run(capsys, "check", str(out), "--template", PACK, "--data", str(workbook))
    assert "缺少必备部分" not in stdout
    assert "勾稽关系" not in stdout


def test_a_report_missing_its_sixth_part_is_told_so_citing_the_national_format(pack):
    from govreport.app.starts import demo_draft
    from govreport.checks.run import check_draft
    draft = demo_draft(PACK)
    draft.sections = [s for s in draft.sections if s.id != "qita"]
    run_ = check_draft(draft)
    (f,) = [r.finding for r in run_.results if "其他需要报告的事项" in r.finding.message
            and r.finding.code == "section-order"]
    assert "国办公开办函〔2021〕30号" in f.message


def test_tables_of_the_2019_trial_format_pasted_in_are_an_error(pack):
    from govreport.app.starts import demo_draft
    from govreport.checks.run import check_draft
    from govreport.text.blocks import parse_text
    draft = demo_draft(PACK)
    zhudong = next(s for s in draft.sections if s.id == "zhudong")
    zhudong.blocks += parse_text("规章：本年新制作数量0件，本年新公开数量0件，对外公开总数量12件。")
    findings = [r.finding for r in check_draft(draft).results if r.finding.code == "stale-phrase"]
    assert any(f.level == "error" and "试行格式" in (f.message + (f.suggestion or ""))
               for f in findings), findings


def test_the_statistics_period_in_the_wrong_year_is_reported(pack):
    from govreport.app.starts import demo_draft
    from govreport.checks.run import check_draft
    from govreport.text.blocks import parse_text
    draft = demo_draft(PACK)
    intro = next(s for s in draft.sections if s.id == "shuoming")
    intro.blocks = parse_text("本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。")
    findings = [r.finding for r in check_draft(draft).results if r.finding.code == "year-mismatch"]
    assert any("2024" in f.message for f in findings), findings


def test_last_years_report_of_this_kind_imports_with_its_tables_made_again(capsys, workbook,
                                                                          tmp_path):
    out = tmp_path / "去年.docx"
    run(capsys, "build", "--template", PACK, "--data", str(workbook), "--unit", "青石镇",
        "--year", "2025", "-o", str(out))
    from govreport.importer import import_file, report_lines
    result = import_file(out, pack=load_pack(PACK))
    sections = {s.id: [b.to_text() for b in s.blocks] for s in result.draft.sections}
    assert result.draft.year == 2026 and result.draft.template == PACK
    assert sections["zhudong"] == ["主动公开政府信息情况如下表。", "【表：table_a】"]
    assert sections["shenqing"][-1] == "【表：table_b】"
    assert sections["fuyi"][-1] == "【表：table_c】"
    assert not any("｜" in t for texts in sections.values() for t in texts)
    lines = report_lines(result.report, load_pack(PACK))
    assert any("已换为模板的表格" in ln for ln in lines)


def test_batch_makes_one_report_of_this_kind_per_unit(capsys, tmp_path, pack):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["指标", "单位", "青石镇", "白沙乡"])
    ws.append(["本年新收政府信息公开申请数量（自然人）", "件", 5, 2])
    ws.append(["予以公开（自然人）", "件", 5, 2])
    ws.append(["行政许可本年处理决定数量", "件", 30, 12])
    wb.save(tmp_path / "全县.xlsx")
    out = tmp_path / "报告"
    code, stdout, err = run(capsys, "batch", "--template", PACK, "--data", str(tmp_path / "全县.xlsx"),
                            "--year", "2025", "-o", str(out))
    assert code in (0, 1), stdout + err
    for unit in ("青石镇", "白沙乡"):
        docx = out / f"{unit}2025年政府信息公开工作年度报告.docx"
        assert docx.exists(), sorted(p.name for p in out.iterdir())
        tables, _body = tables_of(docx)
        assert len(tables) == 3


def _workbook_for(pack, path: Path, year: int, values: dict[str, float]) -> Path:
    """The pack's blank workbook for `year`, every input cell 0 unless given in `values`."""
    from govreport.statistics.template import write_template
    write_template(pack, path, year, "青石镇")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    by_name = {i.name: i.id for i in pack.indicators if not i.derived}
    for row in ws.iter_rows(min_row=1):
        if row[0].value in by_name:
            row[2].value = values.get(by_name[row[0].value], 0)
    wb.save(path)
    return path


def test_last_years_tables_give_the_previous_values_and_the_carry_over_is_checked(
        capsys, workbook, tmp_path, pack):
    old = tmp_path / "2025.docx"
    run(capsys, "build", "--template", PACK, "--data", str(workbook), "--unit", "青石镇",
        "--year", "2025", "-o", str(old))
    from govreport.app.session import DraftSession
    from govreport.importer import import_file
    draft = import_file(old, pack=pack).draft
    assert draft.figures["b_forward_nat"].previous == 1          # last year's table, read back
    assert draft.figures["c_review_kept"].previous == 1          # the one-row table too
    assert draft.figures["b_new_biz"].previous == 3
    # this year: 2 carried over, though last year's report carried 1 into this year
    new = _workbook_for(pack, tmp_path / "2026.xlsx", 2026, {
        "b_new_nat": 11, "b_carried_nat": 2, "b_open_nat": 12, "b_forward_nat": 1})
    session = DraftSession(draft)
    session.apply_workbook(new, 2026)
    result = session.produce(tmp_path / "2026.docx")
    (f,) = [f for f in result.findings if f.code == "balance" and "自然人" in f.message]
    assert "上年结转政府信息公开申请数量为2" in f.message and "去年结转下年度继续办理为1" in f.message
    assert not [f for f in result.findings if f.code == "balance" and "第一项" in f.message]


# --- a workbook laid out like the published tables ---------------------------------------------

EXAMPLE = {
    "a_norms_made": 3, "a_norms_repealed": 1, "a_norms_valid": 12, "a_license": 45,
    "a_penalty": 8, "b_new_nat": 12, "b_new_biz": 3, "b_new_law": 1, "b_carried_nat": 1,
    "b_open_nat": 6, "b_open_biz": 2, "b_open_law": 1, "b_partial_nat": 2,
    "b_deny_third_nat": 1, "b_none_unheld_nat": 2, "b_none_unheld_biz": 1,
    "b_refuse_repeat_nat": 1, "b_forward_nat": 1, "c_review_kept": 1,
}


def _published(pack, path, **changes):
    """Every input cell of the three tables filled (0 unless EXAMPLE says), with the totals a
    clerk's sheet has (the example's own sums), laid out like the published tables."""
    from published_tables import write_published
    values = {i.id: 0 for i in pack.indicators if not i.derived}
    values.update(EXAMPLE)
    values.update(changes)
    values.update({"b_new_total": 16, "b_carried_total": 1, "b_result_nat": 12, "b_result_biz": 3,
                   "b_result_law": 1,
                   "b_result_total": 16, "b_forward_total": 1, "c_review_total": 1})
    return write_published(pack, path, values, 2025)


def test_a_workbook_laid_out_like_the_published_tables_fills_the_three_tables(
        capsys, pack, tmp_path):
    book = _published(pack, tmp_path / "青石镇2025年政务公开统计.xlsx")
    from govreport.statistics import import_workbook
    got = import_workbook(book, pack.indicators, year=2025)
    inputs = {i.id for i in pack.indicators if not i.derived}
    assert inputs <= {fid for fid, f in got.figures.items() if f.value is not None}
    assert got.figures["b_deny_third_nat"].value == 1
    assert got.figures["b_deny_third_nat"].source.endswith("!D12")   # its own cell, 4.保护第三方
    out = tmp_path / "r.docx"
    code, stdout, err = run(capsys, "build", "--template", PACK, "--data", str(book),
                            "--unit", "青石镇", "--year", "2025", "-o", str(out))
    assert code == 0, stdout + err
    b = tables_of(out)[0][1]
    rows_b = [texts(tr) for tr in b.findall(W + "tr")]
    assert next(r for r in rows_b if r[0] == "四、结转下年度继续办理")[1:] == \
        ["1", "0", "0", "0", "0", "0", "1"]


def test_a_published_layout_workbook_whose_table_does_not_add_up_exits_1(capsys, pack, tmp_path):
    book = _published(pack, tmp_path / "统计.xlsx", b_forward_nat=4)
    code, stdout, err = run(capsys, "build", "--template", PACK, "--data", str(book),
                            "--unit", "青石镇", "--year", "2025", "-o", str(tmp_path / "r.docx"))
    assert code == 1
    line = next(ln for ln in (stdout + err).splitlines() if "第一项＋第二项" in ln)
    assert "自然人" in line and "为13" in line and "为16" in line
