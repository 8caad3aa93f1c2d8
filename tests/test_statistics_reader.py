"""Importing statistics workbooks: tables found anywhere, labels matched, values read, nothing guessed."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from govreport.statistics import import_workbook
from govreport.statistics.labels import LabelIndex, normalise_label
from govreport.statistics.reader import parse_ref
from xlsxfix import cache_results, replace_in_part

DATA = Path(__file__).parent / "data"


def make_book(path: Path, sheets: dict[str, list[list]], formats: dict | None = None,
              merges: dict | None = None, hidden: tuple = (), hidden_rows: dict | None = None,
              hidden_columns: dict | None = None) -> Path:
    """A workbook with one sheet per entry; rows are lists of cell values (None = empty)."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, 1):
            for c, v in enumerate(row, 1):
                if v is not None:
                    ws.cell(r, c, v)
        for coord, fmt in (formats or {}).get(name, {}).items():
            ws[coord].number_format = fmt
        for rng in (merges or {}).get(name, ()):
            ws.merge_cells(rng)
        if name in hidden:
            ws.sheet_state = "hidden"
        for r in (hidden_rows or {}).get(name, ()):
            ws.row_dimensions[r].hidden = True
        for c in (hidden_columns or {}).get(name, ()):
            ws.column_dimensions[c].hidden = True
    wb.save(path)
    return path


@pytest.fixture
def book(tmp_path):
    counter = iter(range(1000))

    def _book(sheets, **kw):
        return make_book(tmp_path / f"统计表{next(counter)}.xlsx", sheets, **kw)
    return _book


def read(path, pack, **kw):
    return import_workbook(path, pack.indicators, **kw)


# --- finding the table ------------------------------------------------------------------------

@pytest.mark.parametrize("label_head,value_head", [
    ("指标", "本年"), ("项目", "本期"), ("指标名称", "今年"), ("工作内容", "数值"),
    ("项目", "2024年"), ("统计项目", "2024年度"), ("名称", "本年累计"), ("事项", "数量"),
])
def test_header_rows_are_found_by_their_words(book, pack, label_head, value_head):
    path = book({"表": [["序号", label_head, "单位", value_head], [1, "调处矛盾纠纷件数", "起", 128]]})
    r = read(path, pack)
    assert r.figures["disputes_handled"].value == 128
    assert r.figures["disputes_handled"].source == "表!D2"


def test_merged_title_and_fill_in_lines_above_the_header_are_skipped(book, pack):
    path = book({"普法": [
        ["白沙镇2024年法治宣传工作统计表"], ["填报单位：白沙镇司法所　　填报日期：2025年1月6日"], [],
        ["序号", "项目", "单位", "2024年", "2023年", "备注"],
        [1, "法治宣传活动场次", "场次", 26, 21, None],
        [2, "发放宣传资料份数", "份", 5320, 4800, "含手册"],
    ]}, merges={"普法": ["A1:F1", "A2:F2"]})
    r = read(path, pack)
    assert r.year == 2024
    assert (r.figures["publicity_events"].value, r.figures["publicity_events"].previous) == (26, 21)
    assert r.figures["leaflets"].source == "普法!D6"
    assert r.warnings == []


def test_year_columns_are_told_apart_by_their_years_not_their_order(book, pack):
    path = book({"表": [["项目", "2022年", "2023年", "2024年"], ["受理信访件数", 50, 47, 41]]})
    r = read(path, pack)
    assert r.year == 2024
    f = r.figures["petitions"]
    assert (f.value, f.previous, f.source) == (41, 47, "表!D2")
    r = read(path, pack, year=2023)
    f = r.figures["petitions"]
    assert (r.year, f.value, f.previous, f.source) == (2023, 47, 50, "表!C2")


def test_the_default_year_is_the_latest_in_any_header(book, pack):
    path = book({"甲": [["项目", "2023年", "2022年"], ["网格数", 80, 78]],
                 "乙": [["项目", "2024年", "2023年"], ["网格员人数", 92, 88]]})
    r = read(path, pack)
    assert r.year == 2024
    assert r.figures["grid_workers"].value == 92
    assert "grids" not in r.figures               # sheet 甲 has no 2024 column: not read
    assert any("甲" in w and "没有2024年的数据列" in w for w in r.warnings)


def test_a_year_the_workbook_does_not_have_is_not_read_from_another_year(book, pack):
    path = book({"表": [["指标", "2023年", "2022年"], ["网格数", 80, 78]]})
    r = read(path, pack, year=2024)
    assert "grids" not in r.figures
    assert any("没有2024年的数据列" in w and "2022年、2023年" in w for w in r.warnings)


def test_a_title_naming_another_year_is_pointed_out_when_columns_say_only_benian(book, pack):
    path = book({"表": [["平安镇2023年统计表"], ["指标", "本年", "上年"], ["网格数", 80, 78]]})
    r = read(path, pack, year=2024)
    assert r.figures["grids"].value == 80
    assert any("标题是2023年" in w for w in r.warnings)


def test_two_header_rows_under_a_merged_year_pick_the_cumulative_column(book, pack):
    path = book({"月报": [
        ["序号", "工作项目", "2024年", None, "2023年", "上月"],
        [None, None, "本月", "累计", "累计", None],
        [1, "调处矛盾纠纷件数", 9, 131, 110, 12],
    ]}, merges={"月报": ["C1:D1", "A1:A2", "B1:B2", "F1:F2"]})
    r = read(path, pack)
    f = r.figures["disputes_handled"]
    assert (f.value, f.previous, f.source) == (131, 110, "月报!D3")


def test_a_group_header_row_above_the_label_row(book, pack):
    path = book({"表": [
        [None, None, "2024年", None, "2023年", None],
        ["序号", "项目", "本期", "累计", "本期", "累计"],
        [1, "联合执法次数", 3, 34, 2, 28],
    ]}, merges={"表": ["C1:D1", "E1:F1"]})
    f = read(path, pack).figures["joint_enforcement"]
    assert (f.value, f.previous, f.source) == (34, 28, "表!D3")


def test_a_monthly_column_and_last_month_are_never_last_year(book, pack):
    path = book({"表": [["项目", "本月", "本年累计", "上月", "去年同期"], ["联合执法次数", 3, 34, 4, 30]]})
    f = read(path, pack).figures["joint_enforcement"]
    assert (f.value, f.previous) == (34, 30)


def test_change_and_target_columns_are_not_values(book, pack):
    path = book({"表": [["项目", "同比增减", "目标", "本年", "上年"], ["网格数", -2, 100, 86, 88]]})
    f = read(path, pack).figures["grids"]
    assert (f.value, f.previous, f.source) == (86, 88, "表!D2")


def test_several_tables_on_one_sheet(book, pack):
    path = book({"综合": [
        ["一、普法"], ["项目", "本年", "上年"], ["法治宣传活动场次", 26, 21], [],
        ["二、信访"], ["序号", "指标", "单位", "2024年", "2023年"], [1, "受理信访件数", "件", 41, 47],
    ]})
    r = read(path, pack, year=2024)
    assert r.figures["publicity_events"].source == "综合!B3"
    assert r.figures["petitions"].source == "综合!D7"
    assert [t.header_row for t in r.tables] == [2, 6]


def test_years_typed_as_numbers_in_the_header(book, pack):
    path = book({"表": [["项目", 2023, 2024], ["网格数", 80, 86]]})
    f = read(path, pack).figures["grids"]
    assert (f.value, f.previous) == (86, 80)


def test_a_row_of_text_inside_a_table_does_not_start_a_new_table(book, pack):
    path = book({"表": [["项目", "本年", "上年"], ["网格数", 86, 80],
                       ["重点项目", "完成情况良好", None], ["网格员人数", 92, 88]]})
    r = read(path, pack)
    assert len(r.tables) == 1
    assert (r.figures["grid_workers"].value, r.figures["grid_workers"].previous) == (92, 88)


def test_a_category_column_merged_down_completes_short_labels(book, pack):
    path = book({"表": [
        ["项目", None, "本年"],
        ["12345热线", "受理工单数", 1246],
        [None, "办结工单数", 1213],
        [None, "群众满意率", "96.52%"],
        ["法律援助案件数", None, 11],
    ]}, merges={"表": ["A1:B1", "A2:A4"]})
    r = read(path, pack)
    assert r.figures["hotline_orders"].value == 1246
    assert r.figures["hotline_closed"].value == 1213
    assert r.matches["hotline_closed"].label == "12345热线 办结工单数"
    assert r.figures["hotline_satisfaction"].value == 96.52     # 群众满意率 alone is a synonym
    assert r.figures["legal_aid_cases"].value == 11


def test_hidden_sheets_are_ignored_and_said_so(book, pack):
    path = book({"表": [["项目", "本年"], ["网格数", 86]],
                 "旧数据": [["项目", "本年"], ["网格员人数", 999]]}, hidden=("旧数据",))
    r = read(path, pack)
    assert "grid_workers" not in r.figures
    assert r.hidden_sheets == ["旧数据"]
    assert any("旧数据" in w and "隐藏" in w for w in r.warnings)


def test_sheets_without_a_table_are_listed_not_warned_about(book, pack):
    path = book({"表": [["项目", "本年"], ["网格数", 86]], "说明": [["本表数据截至12月31日。"]]})
    r = read(path, pack)
    assert r.sheets_without_table == ["说明"]
    assert r.warnings == []


# --- matching labels ---------------------------------------------------------------------------

@pytest.mark.parametrize("label,fid,how", [
    ("调处矛盾纠纷件数", "disputes_handled", "exact"),
    ("  调处矛盾纠纷件数 ", "disputes_handled", "exact"),
    ("受理调解纠纷件数", "disputes_handled", "synonym"),
    ("调处矛盾纠纷（件）", "disputes_handled", "normalised"),
    ("调处矛盾纠纷", "disputes_handled", "synonym"),
    ("调处 矛盾 纠纷 件数", "disputes_handled", "normalised"),
    ("（三）调处矛盾纠纷件数", "disputes_handled", "normalised"),
    ("3.调处矛盾纠纷件数", "disputes_handled", "normalised"),
    ("①调处矛盾纠纷件数", "disputes_handled", "normalised"),
    ("其中：调解成功件数", "disputes_resolved", "normalised"),
    ("１２３４５热线受理工单数", "hotline_orders", "normalised"),
    ("村(社区)法律顾问覆盖率(%)", "village_counsel_coverage", "normalised"),
    ("网格员数", "grid_workers", "synonym"),
    ("网格员", "grid_workers", "normalised"),
    ("法治培训场次（场）", "law_training_sessions", "normalised"),
    ("开展法治宣传活动场次", "publicity_events", "normalised"),
])
def test_labels_match_exactly_then_by_synonym_then_loosely(pack, label, fid, how):
    assert LabelIndex.build(pack.indicators).match(label)[:2] == (fid, how)


@pytest.mark.parametrize("label", ["法治培训（次）", "法治培训"])
def test_a_label_that_fits_two_indicators_is_ambiguous(pack, label):
    fid, _, cands = LabelIndex.build(pack.indicators).match(label)
    assert fid is None
    assert set(cands) == {"law_training_sessions", "law_training_attendance"}


def test_normalising_ignores_width_blanks_brackets_numbering_and_measure_words():
    assert normalise_label("（一）调处矛盾纠纷（件）") == normalise_label("调处矛盾纠纷件数") == "调处矛盾纠纷"
    assert normalise_label("１２３４５热线受理工单数") == "12345热线受理工单"
    assert normalise_label("法治培训场次", strip_suffix=False) == "法治培训场次"


def test_an_ambiguous_row_is_never_bound_silently(book, pack):
    path = book({"表": [["项目", "本年"], ["法治培训（次）", 9]]})
    r = read(path, pack)
    assert "law_training_sessions" not in r.figures and "law_training_attendance" not in r.figures
    [u] = r.unmatched
    assert (u.sheet, u.cell, u.label, u.value) == ("表", "B2", "法治培训（次）", 9)
    assert set(u.candidates) == {"law_training_sessions", "law_training_attendance"}
    assert any("表!B2" in w and "未自动采用" in w for w in r.warnings)


def test_a_loose_match_is_kept_as_such(book, pack):
    path = book({"表": [["项目", "本年"], ["（一）网格数（个）", 86], ["网格总数", None]]})
    r = read(path, pack)
    assert r.matches["grids"].how == "normalised"
    assert r.matches["grids"].label == "（一）网格数（个）"


def test_rows_matching_one_indicator_with_different_values_are_not_used(book, pack):
    path = book({"甲": [["项目", "本年"], ["网格数", 86]], "乙": [["项目", "本年"], ["网格数", 90]]})
    r = read(path, pack)
    assert "grids" not in r.figures
    assert any("出现多次且数值不同" in w and "甲!B2" in w and "乙!B2" in w for w in r.warnings)


def test_the_same_figure_in_two_places_is_fine(book, pack):
    path = book({"甲": [["项目", "本年"], ["网格数", 86]], "乙": [["项目", "本年"], ["网格数", 86]]})
    r = read(path, pack)
    assert r.figures["grids"].source == "甲!B2"
    assert r.warnings == []


def test_an_exact_name_wins_over_a_loose_match_and_the_other_row_is_mentioned(book, pack):
    path = book({"表": [["项目", "本年"], ["网格数（个）", 90], ["网格数", 86]]})
    r = read(path, pack)
    assert (r.figures["grids"].value, r.matches["grids"].how) == (86, "exact")
    assert any("另有一处 表!B2" in w for w in r.warnings)


def test_rows_that_are_not_figures_are_not_listed_as_unmatched(book, pack):
    path = book({"表": [["项目", "本年", "备注"], ["一、普法宣传", None, None],
                       ["网格数", 86, None], ["注：数据截至12月31日", None, None],
                       ["工作亮点", "见附件", None], ["合计", 86, None]]})
    r = read(path, pack)
    assert [(u.cell, u.label, u.value) for u in r.unmatched] == [("B6", "合计", 86)]


# --- explicit bindings ------------------------------------------------------------------------

def test_a_binding_from_the_draft_overrides_the_label_match(book, pack):
    path = book({"普法": [["项目", "2024年", "2023年"], ["法治宣传活动场次", 26, 21],
                        ["普法活动（含线上）", 31, 25]]})
    r = read(path, pack, bindings={"publicity_events": "普法!B3"})
    f = r.figures["publicity_events"]
    assert (f.value, f.previous, f.source) == (31, 25, "普法!B3")
    assert r.matches["publicity_events"].how == "bound"
    assert all(u.cell != "B3" for u in r.unmatched)


@pytest.mark.parametrize("ref,parsed", [
    ("普法!D7", ("普法", 7, 4)), ("'普法 表'!$D$7", ("普法 表", 7, 4)),
    ("'It''s'!A1", ("It's", 1, 1)), ("D7", None), ("普法!7D", None), ("普法!", None),
])
def test_cell_references(ref, parsed):
    assert parse_ref(ref) == parsed


def test_a_binding_may_point_anywhere_even_outside_a_table_or_into_a_hidden_sheet(book, pack):
    path = book({"表": [["项目", "本年"], ["网格数", 86]], "底稿": [["随手记", None, 17]]},
                hidden=("底稿",))
    r = read(path, pack, bindings={"grid_workers": "底稿!C1"})
    assert r.figures["grid_workers"].value == 17


@pytest.mark.parametrize("ref,words", [
    ("没有的表!D7", "不存在"), ("普法D7", "写法不对"), ("表!Z99", "是空的"),
])
def test_a_stale_binding_is_reported_not_fatal(book, pack, ref, words):
    path = book({"表": [["项目", "本年"], ["网格数", 86]]})
    r = read(path, pack, bindings={"grid_workers": ref})
    assert r.figures["grids"].value == 86
    assert r.figures.get("grid_workers") is None or r.figures["grid_workers"].value is None
    assert any(words in w for w in r.warnings)


# --- values -----------------------------------------------------------------------------------

@pytest.mark.parametrize("cell,fmt,expected", [
    (1234, None, 1234), ("1,234", None, 1234), ("１２８", None, 128), ("１，２３４", None, 1234),
    ("5000余", None, 5000), ("300多", None, 300), ("约300", None, 300), ("1.8万", None, 18000),
    ("128件", None, 128), (" 45 ", None, 45), (12.5, None, 12.5), (0, None, 0),
])
def test_numbers_and_numeric_text(book, pack, cell, fmt, expected):
    path = book({"表": [["项目", "本年"], ["受理信访件数", cell]]},
                formats={"表": {"B2": fmt}} if fmt else None)
    assert read(path, pack).figures["petitions"].value == expected


@pytest.mark.parametrize("cell,fmt,expected", [
    (0.9652, "0.00%", 96.52), (1, "0%", 100), (0.987, "0.0%", 98.7), ("95%", None, 95),
    ("９５％", None, 95), (93.84, None, 93.84), (93.84, '0.00"%"', 93.84), ("95%以上", None, 95),
])
def test_percentages_come_out_in_percent(book, pack, cell, fmt, expected):
    path = book({"表": [["项目", "本年"], ["12345热线群众满意率", cell]]},
                formats={"表": {"B2": fmt}} if fmt else None)
    r = read(path, pack)
    assert r.figures["hotline_satisfaction"].value == pytest.approx(expected)
    assert not any("填的是" in w for w in r.warnings)


def test_a_fraction_where_a_rate_belongs_is_read_as_percent_and_said_so(book, pack):
    path = book({"表": [["项目", "本年"], ["12345热线群众满意率", 0.9652]]})
    r = read(path, pack)
    assert r.figures["hotline_satisfaction"].value == pytest.approx(96.52)
    assert any("表!B2" in w and "按 96.52% 读取" in w for w in r.warnings)


def test_a_small_year_on_year_change_is_not_taken_for_a_fraction(book, pack):
    path = book({"表": [["项目", "本年"], ["调处矛盾纠纷件数同比变化", 0.5]]})
    r = read(path, pack)
    assert r.figures["disputes_handled_yoy"].value == 0.5
    assert r.warnings == []


def test_a_count_in_a_percent_cell_keeps_its_number_and_is_pointed_out(book, pack):
    path = book({"表": [["项目", "本年"], ["网格数", 86]]}, formats={"表": {"B2": "0%"}})
    r = read(path, pack)
    assert r.figures["grids"].value == 86
    assert any("不是比率" in w for w in r.warnings)


def test_an_approximate_figure_is_noted(book, pack):
    path = book({"表": [["项目", "本年"], ["发放宣传资料份数", "5000余"]]})
    r = read(path, pack)
    assert r.figures["leaflets"].value == 5000
    assert "5000余" in r.matches["leaflets"].note


@pytest.mark.parametrize("cell,words", [
    ("见附件", "不是数字"), ("#DIV/0!", "错误值"), (dt.date(2024, 5, 1), "日期"), (True, "逻辑值"),
])
def test_cells_that_hold_no_number_are_reported_with_their_cell(book, pack, cell, words):
    path = book({"表": [["项目", "本年"], ["受理信访件数", cell]]})
    r = read(path, pack)
    assert r.figures["petitions"].value is None
    assert any(w.startswith("表!B2") and words in w for w in r.warnings)


@pytest.mark.parametrize("cell", [None, "-", "—", "/", "无"])
def test_blank_cells_give_no_value_and_no_warning(book, pack, cell):
    path = book({"表": [["项目", "本年"], ["受理信访件数", cell], ["网格数", 86]]})
    r = read(path, pack)
    assert r.figures["petitions"].value is None
    assert r.figures["petitions"].source == "表!B2"
    assert r.warnings == []


def test_formulas_are_read_through_their_cached_values(book, pack):
    path = book({"表": [["项目", "本年", "上年"], ["其中：来信", 12, 15], ["其中：来访", 27, 31],
                       ["受理信访件数", "=B2+B3", "=C2+C3"], ["信访办结件数", 38, 45],
                       ["信访事项办结率", "=B5/B4", "=C5/C4"]]},
                formats={"表": {"B6": "0.0%", "C6": "0.0%"}})
    cache_results(path, {"表": {"B4": 39, "C4": 46, "B6": 38 / 39, "C6": 45 / 46}})
    r = read(path, pack)
    assert (r.figures["petitions"].value, r.figures["petitions"].previous) == (39, 46)
    assert r.figures["petition_close_rate"].value == pytest.approx(97.4359, abs=1e-3)
    assert r.warnings == []


def test_a_formula_without_cached_value_is_reported_not_read_as_zero(book, pack):
    path = book({"表": [["项目", "本年"], ["其中：来信", 12], ["受理信访件数", "=B2*2"]]})
    r = read(path, pack)          # written by openpyxl, never opened in Excel: no result stored
    assert r.figures["petitions"].value is None
    assert r.matches["petitions"].problem
    assert any(w.startswith("表!B3") and "没有保存计算结果" in w for w in r.warnings)


def test_placeholder_results_of_a_workbook_marked_for_recalculation_are_not_trusted(book, pack):
    # XlsxWriter stores 0 as every formula's result and marks the workbook fullCalcOnLoad
    path = book({"表": [["项目", "本年"], ["其中：来信", 12], ["受理信访件数", "=B2*2"]]})
    cache_results(path, {"表": {"B3": 0}})
    replace_in_part(path, "xl/workbook.xml", b'<calcPr calcId="124519"',
                    b'<calcPr calcId="124519" fullCalcOnLoad="1"')
    r = read(path, pack)
    assert r.figures["petitions"].value is None
    assert any("表!B3" in w for w in r.warnings)


def test_an_error_cached_by_excel_is_reported(book, pack):
    path = book({"表": [["项目", "本年"], ["行政复议案件数", "=1/0"]]})
    cache_results(path, {"表": {"B2": "#DIV/0!"}})
    r = read(path, pack)
    assert r.figures["admin_reconsiderations"].value is None
    assert any("#DIV/0!" in w and "表!B2" in w for w in r.warnings)


# --- whole workbooks --------------------------------------------------------------------------

def test_the_bundled_sample_reads_completely(pack, sample_workbook):
    r = read(sample_workbook, pack)
    assert r.year == 2024
    assert len(r.figures) == 50
    assert r.unmatched == [] and r.warnings == []
    assert r.figures["hotline_satisfaction"].value == pytest.approx(96.52)
    assert r.matches["group_study_sessions"].how == "synonym"


def test_a_messy_sifasuo_monthly_summary(pack):
    r = read(DATA / "司法所月报_2024年12月.xlsx", pack)
    f = r.figures
    assert r.year == 2024
    assert [t.current for t in r.tables] == ["E列（2024年累计）"]
    assert [t.previous for t in r.tables] == ["F列（2023年累计）"]
    assert (f["disputes_handled"].value, f["disputes_handled"].previous) == (131, 110)
    assert f["disputes_resolved"].value == 127                 # typed as full-width digits
    assert f["leaflets"].value == 5000 and f["leaflets"].previous == 4200
    assert f["publicity_audience"].value == 11000              # a SUM, through its cached value
    assert f["community_corrections"].value == 9
    assert {u.label for u in r.unmatched} >= {"7.法治培训（次）", "6.解答群众法律咨询（人次）"}
    assert any("7.法治培训（次）" in w and "未自动采用" in w for w in r.warnings)
    assert all(m.how == "normalised" for m in r.matches.values())


def test_a_messy_zongzhi_ledger(pack):
    r = read(DATA / "综治中心台账_2024.xlsx", pack)
    f = r.figures
    assert r.year == 2024                                      # from the title: 今年/去年 columns
    assert (f["grids"].value, f["grid_workers"].value) == (64, 71)
    assert f["grid_events_closed_rate"].value == pytest.approx(96.2)      # 0.962 typed
    assert f["hotline_satisfaction"].value == pytest.approx(97.31)        # % cell
    assert f["mediation_success_rate"].value == pytest.approx(98.5)       # "98.5%"
    assert (f["petitions"].value, f["petitions"].previous) == (39, 46)    # second table, formula
    assert r.hidden_sheets == ["原始数据"] and "grid_workers" in f and f["grids"].value != 999
    assert r.sheets_without_table == ["说明"]
    assert ("综治工作", "D11", "#DIV/0!") in {(u.sheet, u.cell, u.value) for u in r.unmatched}
    assert any("综治工作!D5" in w and "96.2%" in w for w in r.warnings)


def test_rows_already_read_import_exactly_like_the_file(pack, sample_workbook):
    from govreport.statistics import import_rows
    from govreport.statistics.xlsx import Book, ReadBook, ReadSheet
    with Book(sample_workbook) as book:
        sheets = [ReadSheet(ws.title, list(book.rows(ws))) for ws in book.sheets]
        pct = book.percent_styles
    from_file = import_workbook(sample_workbook, pack.indicators)
    from_rows = import_rows(ReadBook(sample_workbook, sheets, pct), pack.indicators)
    assert from_rows.year == from_file.year == 2024
    assert {k: (f.value, f.previous, f.source) for k, f in from_rows.figures.items()} == \
        {k: (f.value, f.previous, f.source) for k, f in from_file.figures.items()}
    assert from_rows.warnings == from_file.warnings
    assert len(from_rows.figures) >= 40


# --- rows and columns the clerk hid ---------------------------------------------------------------

def test_a_hidden_row_gives_way_to_a_shown_row_of_the_same_indicator(book, pack):
    # last year's workbook reused: the old row hidden, a new one typed below it
    path = book({"表": [["指标", "本年"], ["调处矛盾纠纷件数", 97], ["法治宣传活动场次", 26],
                       ["调处矛盾纠纷件数", 128]]}, hidden_rows={"表": [2]})
    r = read(path, pack)
    assert r.figures["disputes_handled"].value == 128
    assert r.figures["disputes_handled"].source == "表!B4"
    assert r.warnings == []


def test_a_figure_read_from_a_hidden_row_is_pointed_out(book, pack):
    path = book({"表": [["指标", "本年"], ["调处矛盾纠纷件数", 97], ["法治宣传活动场次", 26]]},
                hidden_rows={"表": [2]})
    r = read(path, pack)
    assert r.figures["disputes_handled"].value == 97
    assert r.warnings == ["“调处矛盾纠纷件数”取自已隐藏的第2行（表!B2），"
                          "如这一行已不用，请在统计表中删除它或填入新的数据"]


def test_a_hidden_current_year_column_is_read_and_pointed_out(book, pack):
    path = book({"表": [["指标", "2023年", "2024年"], ["调处矛盾纠纷件数", 97, 128]]},
                hidden_columns={"表": ["C"]})
    r = read(path, pack)
    assert r.figures["disputes_handled"].value == 128
    assert any("“2024年”列（C列）已隐藏" in w for w in r.warnings), r.warnings


@pytest.mark.parametrize("hide", [False, True])
def test_a_blank_or_hidden_column_for_next_year_is_not_the_workbooks_year(book, pack, hide):
    path = book({"表": [["清溪镇2024年法治政府建设统计表"], ["指标", "2023年", "2024年", "2025年"],
                       ["调处矛盾纠纷件数", 110, 128, None]]},
                hidden_columns={"表": ["D"]} if hide else None)
    r = read(path, pack)
    assert (r.workbook_year, r.year) == (2024, 2024)
    assert r.figures["disputes_handled"].value == 128


@pytest.mark.parametrize("label,value,words", [
    ("调解成功件数", -3, "不应为负数"),
    ("法治培训参训人次", 8650.5, "应为整数"),
    ("村（社区）法律顾问覆盖率", 100.5, "0 到 100%"),
    ("调处矛盾纠纷件数", 1e308, "数值异常大"),
])
def test_an_implausible_figure_is_read_and_pointed_out(book, pack, label, value, words):
    path = book({"表": [["指标", "2024年"], [label, value]]})
    r = read(path, pack)
    fid = next(i.id for i in pack.indicators if i.name == label)
    assert r.figures[fid].value == value
    assert any(words in w and "表!B2" in w for w in r.warnings), r.warnings


def test_two_tables_side_by_side_are_both_read(book, pack):
    # a 台账 laid out in two blocks to fit the page
    path = book({"表": [["指标", "2024年", "2023年", None, "指标", "2024年", "2023年"],
                       ["调处矛盾纠纷件数", 128, 110, None, "法治宣传活动场次", 26, 21],
                       ["调解成功件数", 125, 106, None, "发放宣传资料份数", 5320, 4800]]})
    r = read(path, pack)
    got = {fid: (f.value, f.previous, f.source) for fid, f in r.figures.items()}
    assert got["disputes_handled"] == (128, 110, "表!B2")
    assert got["disputes_resolved"] == (125, 106, "表!B3")
    assert got["publicity_events"] == (26, 21, "表!F2")
    assert got["leaflets"] == (5320, 4800, "表!F3")
    assert len(r.tables) == 2 and r.warnings == []
