"""`govreport stats-template` and `govreport stats show`: what the clerk fills in and what is read."""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from cli_support import run
from govreport.statistics import import_workbook
from govreport.statistics.summary import summarise

DATA = Path(__file__).parent / "data"



# --- stats-template ---------------------------------------------------------------------------

@pytest.fixture
def template(capsys, tmp_path) -> Path:
    out = tmp_path / "统计表.xlsx"
    code, stdout, _ = run(capsys, "stats-template", "-o", str(out), "--year", "2024", "--unit", "清溪镇")
    assert code == 0 and "已生成统计表" in stdout
    return out


def test_the_template_has_columns_themes_frozen_header_and_instructions(template, pack):
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames == ["统计表", "填表说明"]
    ws = wb["统计表"]
    assert ws["A1"].value == "清溪镇2024年法治政府建设统计表"
    assert [c.value for c in ws[2]] == ["指标", "单位", "本年（2024年）", "上年（2023年）", "口径说明"]
    assert ws.freeze_panes == "A3"
    names = [ws.cell(r, 1).value for r in range(3, ws.max_row + 1)]
    assert names[0] == "一、组织领导"
    plain = [i.name for i in pack.indicators if not i.derived]
    assert [n for n in names if n in plain] == plain            # every one, in pack order
    assert not any(i.name in names for i in pack.indicators if i.derived)
    help_text = "\n".join(c.value for c in wb["填表说明"]["A"] if c.value)
    assert "本年" in help_text and "另存为" in help_text and "学法考试参考率" in help_text


def test_the_template_validates_numbers_and_formats_rates(template, pack):
    ws = openpyxl.load_workbook(template)["统计表"]
    row = {ws.cell(r, 1).value: r for r in range(3, ws.max_row + 1)}
    rate = row["12345热线群众满意率"]
    assert ws.cell(rate, 3).number_format == "0.00%"
    covered = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    covered[(r, c)] = dv
    for ind in pack.indicators:
        if not ind.derived:
            for col in (3, 4):
                dv = covered[(row[ind.name], col)]
                assert dv.showErrorMessage and dv.error
                assert dv.type == ("decimal" if ind.type != "int" else "whole")
    assert covered[(rate, 3)].formula2 == "1"


def test_a_filled_template_imports_every_indicator_by_its_exact_name(template, pack):
    wb = openpyxl.load_workbook(template)
    ws = wb["统计表"]
    plain = {i.name: i for i in pack.indicators if not i.derived}
    for r in range(3, ws.max_row + 1):
        ind = plain.get(ws.cell(r, 1).value)
        if ind is not None:
            ws.cell(r, 3, 0.9652 if ind.is_percent else r * 10)
            ws.cell(r, 4, 0.95 if ind.is_percent else r * 9)
    wb.save(template)
    result = import_workbook(template, pack.indicators, year=2024)
    assert set(result.figures) == {i.id for i in plain.values()}
    assert all(m.how == "exact" for m in result.matches.values())
    assert all(m.source.startswith("统计表!C") for m in result.matches.values())
    assert result.unmatched == [] and result.warnings == []
    assert result.figures["hotline_satisfaction"].value == pytest.approx(96.52)
    derived = summarise(result, pack.indicators).figures
    assert derived.get("mediation_success_rate").value is not None


def test_an_empty_template_reads_without_complaint(template, pack):
    result = import_workbook(template, pack.indicators)
    assert result.year == 2024
    assert result.unmatched == [] and result.warnings == []
    assert all(f.value is None for f in result.figures.values())


def test_stats_template_refuses_another_extension_and_writes_nothing(capsys, tmp_path):
    code, _, err = run(capsys, "stats-template", "-o", str(tmp_path / "统计表.xls"))
    assert code == 2 and ".xlsx" in err
    assert list(tmp_path.iterdir()) == []


def test_stats_template_into_a_missing_folder_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "stats-template", "-o", str(tmp_path / "没有" / "统计表.xlsx"))
    assert code == 2 and err.startswith("错误：")


# --- stats show -------------------------------------------------------------------------------

def test_stats_show_prints_a_chinese_table_with_sources(capsys, sample_workbook):
    code, out, _ = run(capsys, "stats", "show", str(sample_workbook))
    assert code == 0
    assert "本年：2024年" in out
    line = next(x for x in out.splitlines() if x.startswith("党委会研究法治建设次数"))
    assert line.split()[1:5] == ["6", "5", "次", "组织与学法!D4"]
    assert "同义名称：表中为“中心组学法次数”" in out
    assert "调解成功率" in out and "公式计算" in out


def test_stats_show_json_is_the_documented_shape(capsys, sample_workbook, pack):
    code, out, _ = run(capsys, "stats", "show", str(sample_workbook), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"indicators", "unmatched", "warnings"}
    assert list(data["indicators"]) == [i.id for i in pack.indicators]
    for entry in data["indicators"].values():
        assert set(entry) == {"name", "value", "previous", "unit", "source", "match"}
    d = data["indicators"]
    assert d["disputes_handled"] == {"name": "调处矛盾纠纷件数", "value": 128, "previous": 110,
                                     "unit": "起", "source": "矛盾纠纷与信访!D5", "match": "exact"}
    assert d["hotline_satisfaction"]["value"] == 96.52 and d["hotline_satisfaction"]["unit"] == "%"
    assert d["mediation_success_rate"] == {
        "name": "调解成功率", "value": 97.6562, "previous": 96.3636, "unit": "%",
        "source": "公式计算", "match": "derived"}
    assert d["group_study_sessions"]["match"] == "synonym"
    assert data["unmatched"] == [] and data["warnings"] == []
    assert '"value": 128,' in out                          # whole numbers print as integers


def test_stats_show_year_chooses_which_column_is_this_year(capsys, sample_workbook):
    code, out, _ = run(capsys, "stats", "show", str(sample_workbook), "--year", "2023", "--json")
    d = json.loads(out)["indicators"]["disputes_handled"]
    assert (d["value"], d["previous"], d["source"]) == (110, None, "矛盾纠纷与信访!E5")


def test_stats_show_reports_unmatched_rows_and_warnings_with_exit_1(capsys):
    code, out, _ = run(capsys, "stats", "show", str(DATA / "司法所月报_2024年12月.xlsx"), "--json")
    assert code == 1
    data = json.loads(out)
    assert {"sheet": "12月汇总", "cell": "E11", "label": "7.法治培训（次）", "value": 9} \
        in data["unmatched"]
    assert any("未自动采用" in w for w in data["warnings"])
    assert data["indicators"]["disputes_handled"]["match"] == "normalised"


def test_stats_show_text_lists_unmatched_rows_and_warnings(capsys):
    code, out, _ = run(capsys, "stats", "show", str(DATA / "综治中心台账_2024.xlsx"))
    assert code == 1
    assert "综治工作!D11　“平安建设宣传覆盖率”　#DIV/0!" in out
    assert "工作表“原始数据”已隐藏" in out
    assert "没有找到表格的工作表：说明" in out


def test_derived_figures_and_their_problems_are_reported(capsys, tmp_path):
    path = tmp_path / "统计表.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["项目", "本年"])
    wb.active.append(["调处矛盾纠纷件数", 0])
    wb.active.append(["调解成功件数", 0])
    wb.active.append(["行政执法人员数", 12])
    wb.save(path)
    code, out, _ = run(capsys, "stats", "show", str(path), "--json")
    data = json.loads(out)
    assert code == 1
    assert any("调解成功率" in w and "分母为0" in w for w in data["warnings"])
    assert any("执法人员持证率" in w and "缺少持证执法人员数" in w for w in data["warnings"])
    assert data["indicators"]["mediation_success_rate"]["value"] is None


def test_stats_show_uses_the_bindings_of_a_draft(capsys, tmp_path, sample_workbook):
    from govreport.model import draft as draft_mod
    from govreport.model.pack import load_pack
    d = draft_mod.new_draft("清溪镇", 2024, load_pack())
    d.bindings = {"disputes_handled": "矛盾纠纷与信访!D6"}
    draft_mod.save(d, tmp_path / "草稿.json")
    code, out, _ = run(capsys, "stats", "show", str(sample_workbook), "--json",
                       "--draft", str(tmp_path / "草稿.json"))
    d = json.loads(out)["indicators"]["disputes_handled"]
    assert (d["value"], d["source"], d["match"]) == (125, "矛盾纠纷与信访!D6", "bound")


@pytest.mark.parametrize("args", [["stats"], ["stats", "show"], ["stats", "show", "x.xlsx", "--year", "24"],
                                  ["stats", "show", "x.xlsx", "--year", "今年"]])
def test_stats_usage_errors_exit_2(capsys, args):
    code, _, _ = run(capsys, *args)
    assert code == 2


@pytest.mark.parametrize("unit,title", [("甲\x01镇", "甲镇2024年法治政府建设统计表"),
                                        ('=HYPERLINK("x")', '=HYPERLINK("x")2024年法治政府建设统计表')])
def test_a_unit_name_is_written_as_plain_text_never_a_formula(capsys, tmp_path, unit, title):
    from openpyxl import load_workbook
    out = tmp_path / "统计表.xlsx"
    code, _, err = run(capsys, "stats-template", "--unit", unit, "--year", "2024", "-o", str(out))
    assert code == 0, err
    cell = load_workbook(out).worksheets[0]["A1"]
    assert (cell.value, cell.data_type) == (title, "s")
