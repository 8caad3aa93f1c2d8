"""`govreport batch`: one report per unit from a county workbook, units failing independently."""
import json

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

from govreport.app import batch
from cli_support import run
from govreport.base.errors import InputError

YEAR = 2024
UNITS3 = ["翻江镇", "邹桥乡", "清溪镇"]
# The pack's default wording is a little short of the length check's minimum; tests about
# figures switch that check off so that "all good" means all figures are there.
QUIET = ("--disable", "length")


@pytest.fixture(scope="module")
def rows(pack, sample_workbook):
    """(name, measure unit, value, is percent) of every indicator the sample workbook gives,
    derived ones left to their formulas: enough for a report without gaps."""
    from govreport.statistics import import_workbook
    got = import_workbook(sample_workbook, pack.indicators)
    out = []
    for ind in pack.indicators:
        f = got.figures.get(ind.id)
        if f is not None and f.value is not None and not ind.formula:
            out.append((ind.name, ind.unit, f.value, ind.type == "pct"))
    assert len(out) >= 40
    return out


def value_for(k: int, value: float, pct: bool) -> float:
    """Unit k's figure: counts grow by k so every report is its own."""
    return value if pct else value + k


def columns_workbook(path, units, rows, title=f"临江县{YEAR}年各乡镇法治政府建设统计汇总表",
                     extra_header=(), bad=None):
    """One column per unit; `bad` maps a unit to the text typed in all its cells."""
    wb = Workbook()
    ws = wb.active
    ws.title = "统计"
    if title:
        ws.append([title])
    ws.append(["序号", "指标", "单位", *units, *extra_header])
    for i, (name, unit, value, pct) in enumerate(rows, 1):
        cells = []
        for k, u in enumerate(units):
            if bad and u in bad:
                cells.append(bad[u])
            else:
                v = value_for(k, value, pct)
                cells.append(v / 100 if pct else v)
        ws.append([i, name, unit, *cells, *([None] * len(extra_header))])
        if pct:
            for c in ws[ws.max_row][3:3 + len(units)]:
                c.number_format = "0.00%"
    wb.save(path)
    return path


def sheets_workbook(path, units, rows, extra_sheets=(), years=None):
    """One sheet per unit, each shaped like a township workbook (this year and last year);
    `years` maps a unit to the year its sheet is for."""
    wb = Workbook()
    wb.remove(wb.active)
    for name in extra_sheets:
        wb.create_sheet(name).append(["填表说明：各乡镇按本表填报。"])
    for k, unit in enumerate(units):
        ws = wb.create_sheet(unit)
        year = (years or {}).get(unit, YEAR)
        ws.append([f"{unit}{year}年法治政府建设统计表"])
        ws.append(["序号", "指标", "单位", f"{year}年", f"{year - 1}年", "备注"])
        for i, (name, measure, value, pct) in enumerate(rows, 1):
            v = value_for(k, value, pct)
            ws.append([i, name, measure, v / 100 if pct else v, v / 100 if pct else v, ""])
            if pct:
                ws.cell(ws.max_row, 4).number_format = "0.00%"
                ws.cell(ws.max_row, 5).number_format = "0.00%"
    wb.save(path)
    return path


def report_text(path) -> str:
    return "\n".join(p.text for p in Document(path).paragraphs)


def summary_rows(path) -> list[dict]:
    ws = load_workbook(path)["汇总"]
    values = list(ws.iter_rows(values_only=True))
    return [dict(zip(values[0], r)) for r in values[1:]]



# --- the two shapes ----------------------------------------------------------------------------

def test_one_column_per_unit_gives_one_report_per_unit_with_its_own_figures(tmp_path, rows,
                                                                           capsys):
    data = columns_workbook(tmp_path / "全县统计.xlsx", UNITS3, rows)
    code, out, _ = run(capsys, "batch", "--data", str(data), *QUIET, "-o", str(tmp_path / "out"))
    assert code == 0, out
    for k, unit in enumerate(UNITS3):
        report = tmp_path / "out" / f"{unit}{YEAR}年法治政府建设年度报告.docx"
        text = report_text(report)
        assert text.startswith(unit)
        assert f"调处矛盾纠纷{128 + k}起" in text
        assert "【缺：" not in text
    assert "[1/3] 翻江镇 ... 完成" in out and "[3/3] 清溪镇 ... 完成" in out
    assert [r["状态"] for r in summary_rows(tmp_path / "out" / "汇总.xlsx")] == ["完成"] * 3


def test_one_sheet_per_unit_reads_each_sheet_like_a_township_workbook(tmp_path, rows, capsys):
    data = sheets_workbook(tmp_path / "全县统计.xlsx", UNITS3, rows, extra_sheets=["说明"])
    result = batch.run_batch(data, tmp_path / "out", disabled_checks="length")
    assert result.workbook.shape == "sheets"
    assert result.year == YEAR                      # from the sheets' year columns
    assert [u.unit for u in result.units] == UNITS3
    assert all(u.status == batch.STATUS_OK for u in result.units)
    text = report_text(tmp_path / "out" / f"邹桥乡{YEAR}年法治政府建设年度报告.docx")
    assert "调处矛盾纠纷129起" in text
    assert any("说明" in n for n in result.workbook.notes)


def test_a_sheet_with_a_default_name_is_no_unit(tmp_path, rows):
    data = sheets_workbook(tmp_path / "全县统计.xlsx", ["翻江镇", "Sheet2"], rows)
    result = batch.run_batch(data, tmp_path / "out", disabled_checks="length")
    assert [u.unit for u in result.units] == ["翻江镇"]
    assert any("Sheet2" in n and "不是单位名称" in n for n in result.workbook.notes)


def test_units_spread_over_theme_sheets_are_read_from_every_sheet(tmp_path, rows):
    """One sheet per theme, each with a column per unit; rows no indicator fits are noted once."""
    wb = Workbook()
    wb.remove(wb.active)
    half = len(rows) // 2
    for title, part in (("组织与普法", rows[:half]), ("执法与化解", rows[half:])):
        ws = wb.create_sheet(title)
        ws.append(["项目名称", "计量单位", *UNITS3[:2], "备注"])
        for name, unit, value, pct in part:
            ws.append([name, unit, *[(value / 100 if pct else value + k) for k in range(2)], ""])
            if pct:
                for c in ws[ws.max_row][2:4]:
                    c.number_format = "0.00%"
        ws.append(["乡镇自定的考核项目", "项", 3, 4, ""])
    wb.save(tmp_path / "全县.xlsx")
    result = batch.run_batch(tmp_path / "全县.xlsx", tmp_path / "out", year=YEAR,
                             disabled_checks="length")
    assert [u.status for u in result.units] == ["完成", "完成"]
    text = report_text(result.units[1].output)
    assert "调处矛盾纠纷129起" in text and "法律顾问覆盖率达到100%" in text
    unmatched = [n for n in result.workbook.notes if "乡镇自定的考核项目" in n]
    assert len(unmatched) == 2                      # once per sheet, not once per unit


def test_a_sheet_for_another_year_fails_alone_and_says_why(tmp_path, rows):
    data = sheets_workbook(tmp_path / "全县.xlsx", UNITS3, rows, years={"清溪镇": YEAR - 1})
    result = batch.run_batch(data, tmp_path / "out", disabled_checks="length")
    assert result.year == YEAR                       # what most sheets say
    assert [u.status for u in result.units] == ["完成", "完成", "失败"]
    assert "清溪镇" in result.units[2].error and f"{YEAR}年" in result.units[2].error


def test_the_year_comes_from_the_option_then_the_title_then_last_year(tmp_path, rows):
    data = columns_workbook(tmp_path / "全县.xlsx", UNITS3[:1], rows, title="临江县2023年统计汇总表")
    assert batch.run_batch(data, tmp_path / "a").year == 2023
    assert batch.run_batch(data, tmp_path / "b", year=2025).year == 2025
    assert (tmp_path / "b" / "翻江镇2025年法治政府建设年度报告.docx").exists()
    untitled = columns_workbook(tmp_path / "县.xlsx", UNITS3[:1], rows, title=None)
    from govreport.model.draft import default_year
    assert batch.run_batch(untitled, tmp_path / "c").year == default_year()


def test_a_total_column_is_not_a_unit(tmp_path, rows):
    data = columns_workbook(tmp_path / "全县.xlsx", UNITS3[:2], rows, extra_header=("全县合计",))
    result = batch.run_batch(data, tmp_path / "out")
    assert [u.unit for u in result.units] == UNITS3[:2]
    assert any("全县合计" in n for n in result.workbook.notes)


def test_a_column_of_numbers_without_a_unit_name_is_said_not_dropped_silently(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "统计"
    ws.append(["指标", "单位", "翻江镇", None, "邹桥乡"])
    ws.append(["调处矛盾纠纷件数", "起", 128, 97, 80])
    wb.save(tmp_path / "全县.xlsx")
    result = batch.run_batch(tmp_path / "全县.xlsx", tmp_path / "out", year=YEAR)
    assert [u.unit for u in result.units] == ["翻江镇", "邹桥乡"]
    assert any("D列有数字，但表头没有单位名称" in n for n in result.workbook.notes)


# --- units fail independently ---------------------------------------------------------------------

def test_a_bad_column_fails_alone_and_the_other_units_are_written(tmp_path, rows, capsys):
    data = columns_workbook(tmp_path / "全县统计.xlsx", UNITS3, rows, bad={"邹桥乡": "未报送"})
    code, out, err = run(capsys, "batch", "--data", str(data), *QUIET, "-o", str(tmp_path / "out"))
    assert code == 1
    assert "[2/3] 邹桥乡 ... 失败" in out
    written = sorted(p.name for p in (tmp_path / "out").glob("*.docx"))
    assert written == sorted(f"{u}{YEAR}年法治政府建设年度报告.docx" for u in ("翻江镇", "清溪镇"))
    summary = {r["单位"]: r for r in summary_rows(tmp_path / "out" / "汇总.xlsx")}
    assert summary["邹桥乡"]["状态"] == "失败"
    assert "邹桥乡" in summary["邹桥乡"]["说明"] and summary["邹桥乡"]["报告文件"] in (None, "")
    assert summary["翻江镇"]["状态"] == "完成"
    assert "1个单位" in err


def test_a_few_bad_cells_leave_gaps_named_in_the_summary(tmp_path, rows, capsys):
    wb_path = columns_workbook(tmp_path / "全县.xlsx", UNITS3[:2], rows)
    wb = load_workbook(wb_path)
    ws = wb["统计"]
    for r in ws.iter_rows(min_row=3):
        if r[1].value == "调处矛盾纠纷件数":
            r[4].value = "见附件"            # 邹桥乡's cell
        if r[1].value == "受理信访件数":
            r[4].value = "=SUM(D5:D6)"       # a formula never calculated (no cached result)
    wb.save(wb_path)
    code, out, _ = run(capsys, "batch", "--data", str(wb_path), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "[2/2] 邹桥乡 ... 完成（缺数据" in out
    summary = {r["单位"]: r for r in summary_rows(tmp_path / "out" / "汇总.xlsx")}
    assert "调处矛盾纠纷件数" in summary["邹桥乡"]["缺少的数据"]
    assert summary["邹桥乡"]["缺数据项数"] >= 1 and summary["邹桥乡"]["警告"] >= 1
    assert summary["邹桥乡"]["状态"] == batch.STATUS_ATTENTION
    assert summary["邹桥乡"]["检查错误"] >= 1          # the 审校 checks see the gap too
    assert summary["翻江镇"]["缺数据项数"] == 0 and summary["翻江镇"]["检查错误"] == 0
    detail = list(load_workbook(tmp_path / "out" / "汇总.xlsx")["明细"].iter_rows(values_only=True))
    assert any(r[0] == "邹桥乡" and "见附件" in (r[4] or "") for r in detail)
    assert any(r[0] == "邹桥乡" and "统计!E" in (r[4] or "") and "公式" in r[4] for r in detail)


@pytest.mark.parametrize("header,words", [
    (["翻江镇", "邹桥乡", "翻江镇"], "两列"),
    (["翻江镇", "邹桥/乡", "清溪镇"], "文件名"),
])
def test_a_unit_that_cannot_be_named_or_told_apart_fails_alone(tmp_path, rows, header, words):
    data = columns_workbook(tmp_path / "全县.xlsx", header, rows)
    result = batch.run_batch(data, tmp_path / "out")
    failed = [u for u in result.units if u.status == batch.STATUS_FAILED]
    assert len(failed) == 1 and words in failed[0].error
    assert sum(1 for u in result.units if u.output and u.output.exists()) == len(set(header)) - 1


def test_a_unit_whose_report_cannot_be_saved_fails_alone(tmp_path, rows, monkeypatch):
    data = columns_workbook(tmp_path / "全县.xlsx", UNITS3, rows)
    real_produce = batch.produce

    def produce(draft, output, **kw):
        if draft.unit == "邹桥乡":
            raise InputError("无法保存“邹桥乡…docx”：文件正被其他程序打开")
        return real_produce(draft, output, **kw)
    monkeypatch.setattr(batch, "produce", produce)
    result = batch.run_batch(data, tmp_path / "out", disabled_checks=["length"])
    assert [u.status for u in result.units] == ["完成", "失败", "完成"]
    assert "正被其他程序打开" in result.units[1].error


# --- 40 units ------------------------------------------------------------------------------------

def test_forty_units_give_forty_reports_and_a_forty_row_summary(tmp_path, rows, capsys):
    units = [f"第{i}镇" for i in range(1, 41)]
    data = columns_workbook(tmp_path / "全县.xlsx", units, rows)
    code, out, _ = run(capsys, "batch", "--data", str(data), *QUIET, "-o", str(tmp_path / "out"))
    assert code == 0
    assert len(list((tmp_path / "out").glob("*.docx"))) == 40
    assert "[40/40] 第40镇 ... 完成" in out
    summary = summary_rows(tmp_path / "out" / "汇总.xlsx")
    assert [r["单位"] for r in summary] == units
    assert summary[39]["报告文件"] == f"第40镇{YEAR}年法治政府建设年度报告.docx"
    assert "调处矛盾纠纷167起" in report_text(tmp_path / "out" / summary[39]["报告文件"])


# --- a common draft --------------------------------------------------------------------------------

def test_a_common_draft_lends_its_wording_with_each_units_name(tmp_path, rows, capsys):
    draft_path = tmp_path / "通用草稿.json"
    code, _, _ = run(capsys, "new", "--unit", "样板镇", "--year", str(YEAR), "-o", str(draft_path))
    assert code == 0
    d = json.loads(draft_path.read_text(encoding="utf-8"))
    d["signature"] = "样板镇人民政府"
    d["recipient"] = "中共临江县委、临江县人民政府"
    d["sections"][0]["blocks"].insert(0, {"type": "paragraph",
                                          "text": "样板镇党委高度重视法治建设，调处纠纷{{ disputes_handled }}起。"})
    d["figures"] = {"disputes_handled": {"value": 999, "source": "样板!D7"}}
    draft_path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    data = columns_workbook(tmp_path / "全县.xlsx", UNITS3[:2], rows)
    code, out, _ = run(capsys, "batch", "--data", str(data), "--draft", str(draft_path),
                       "-o", str(tmp_path / "out"))
    text = report_text(tmp_path / "out" / f"邹桥乡{YEAR}年法治政府建设年度报告.docx")
    assert "邹桥乡党委高度重视法治建设，调处纠纷129起。" in text     # the unit's own figure
    assert "邹桥乡人民政府" in text and "中共临江县委、临江县人民政府" in text
    assert "样板镇" not in text and "999" not in text


def test_unit_draft_sets_unit_and_year_and_drops_the_templates_own_figures(pack):
    from govreport.model.draft import new_draft
    from govreport.model.figures import Figure
    common = new_draft("样板镇", 2023, pack)
    common.title = "样板镇2023年法治政府建设年度报告"
    common.overrides = {"disputes_handled": Figure("disputes_handled", 5)}
    common.doc_number = "样政发〔2024〕1号"
    d = batch.unit_draft("翻江镇", 2024, pack, common)
    assert (d.unit, d.year, d.title) == ("翻江镇", 2024, "翻江镇2024年法治政府建设年度报告")
    assert d.overrides == {} and d.doc_number == ""
    assert d.date.startswith("2025")
    assert common.unit == "样板镇" and common.overrides      # the template is left as it was


# --- bad input: exit 2, nothing written ---------------------------------------------------------------

def test_bad_input_exits_2_with_one_chinese_line_and_writes_nothing(tmp_path, rows, capsys):
    no_units = tmp_path / "空表.xlsx"
    wb = Workbook()
    wb.active.append(["这是一张说明表"])
    wb.save(no_units)
    a_file = tmp_path / "文件.txt"
    a_file.write_text("x", encoding="utf-8")
    good = columns_workbook(tmp_path / "全县.xlsx", UNITS3, rows)
    bad_draft = tmp_path / "坏草稿.json"
    bad_draft.write_text("{", encoding="utf-8")
    cases = [
        (["--data", str(tmp_path / "不存在.xlsx")], "不存在.xlsx"),
        (["--data", str(no_units)], "空表.xlsx"),
        (["--data", str(a_file)], "文件.txt"),
        (["--data", str(good), "--draft", str(bad_draft)], "坏草稿.json"),
        (["--data", str(good), "--disable", "no-such-check"], "no-such-check"),
    ]
    for args, words in cases:
        out_dir = tmp_path / "out"
        code, stdout, stderr = run(capsys, "batch", *args, "-o", str(out_dir))
        assert code == 2, (args, stdout, stderr)
        assert stderr.startswith("错误：") and words in stderr and "Traceback" not in stderr
        assert not out_dir.exists()
    code, _, stderr = run(capsys, "batch", "--data", str(good), "-o", str(a_file))
    assert code == 2 and "文件" in stderr


def test_the_summary_replaces_an_old_one(tmp_path, rows):
    data = columns_workbook(tmp_path / "全县.xlsx", UNITS3[:1], rows)
    out = tmp_path / "out"
    out.mkdir()
    (out / "汇总.xlsx").write_bytes(b"old")
    result = batch.run_batch(data, out)
    assert [r["单位"] for r in summary_rows(result.summary)] == ["翻江镇"]
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []   # no temp files left


def test_each_report_can_carry_its_units_data_table(tmp_path, rows, capsys):
    data = columns_workbook(tmp_path / "全县.xlsx", UNITS3[:2], rows)
    code, out, _ = run(capsys, "batch", "--data", str(data), *QUIET, "--data-table",
                       "-o", str(tmp_path / "out"))
    assert code == 0, out
    tables = {}
    for unit in UNITS3[:2]:
        doc = Document(tmp_path / "out" / f"{unit}{YEAR}年法治政府建设年度报告.docx")
        [table] = doc.tables
        tables[unit] = {r.cells[1].text: r.cells[3].text for r in table.rows[1:]}
    # each unit's own figures: counts grow by k (value_for)
    assert int(tables[UNITS3[1]]["调处矛盾纠纷件数"]) == int(tables[UNITS3[0]]["调处矛盾纠纷件数"]) + 1


@pytest.mark.parametrize("name", ["甲/乙镇", "CON", "..", "丙镇."])
def test_a_unit_name_that_cannot_name_a_file_fails_alone(tmp_path, rows, name):
    data = columns_workbook(tmp_path / "全县.xlsx", ["翻江镇", name], rows)
    result = batch.run_batch(data, tmp_path / "out", disabled_checks="length")
    bad = next(u for u in result.units if u.unit == name)
    assert bad.status == batch.STATUS_FAILED and "文件名" in bad.error
    assert next(u for u in result.units if u.unit == "翻江镇").output.exists()
