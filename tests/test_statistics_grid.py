"""Two-way (grid) tables: a sheet laid out like a published table is read cell by cell.

The workbooks are built here with openpyxl, shaped like tables B and C of the 政府信息公开工作
年度报告 (cut down to the test-grid pack's rows and columns): merged headers over three rows,
row labels in one to three columns, the group merged, written only on its first row, written in
a row of its own, or in one cell with its sub-row.
"""
from __future__ import annotations

import pytest
from openpyxl import Workbook

from govreport.statistics import import_workbook

TITLE = "表二"

# label cells of table B, merged over the label columns A:C, and the figures of
# 自然人 | 商业企业 | 其他 | 总计 (columns D:G)
B_ROWS = [
    ("一、本年新收政府信息公开申请数量", None, None, (5, 2, 1, 8)),
    ("二、上年结转政府信息公开申请数量", None, None, (1, 0, 0, 1)),
    ("三、本年度办理结果", "（一）予以公开", None, (3, 1, 0, 4)),
    (None, "（三）不予公开", "1.属于国家秘密", (0, 1, 0, 1)),
    (None, None, "2.其他法律行政法规禁止公开", (1, "—", None, 1)),
    (None, "（四）无法提供", "1.本机关不掌握相关政府信息", (2, 0, 0, 2)),
    (None, None, "2.没有现成信息需要另行制作", (0, 0, 0, 0)),
    ("四、结转下年度继续办理", None, None, (0, 0, 0, 0)),
]


def b_header(ws, top: int = 2, merged: bool = True, left: int = 4) -> int:
    """申请人情况 over 自然人 | 法人或其他组织 (商业企业 | 其他) | 总计, three rows; the
    first data row."""
    d, e, f, g = (chr(64 + left + i) for i in range(4))
    ws[f"{d}{top}"] = "申请人情况"
    ws[f"{d}{top + 1}"] = "自然人"
    ws[f"{e}{top + 1}"] = "法人或其他组织"
    ws[f"{g}{top + 1}"] = "总计"
    ws[f"{e}{top + 2}"] = "商业企业"
    ws[f"{f}{top + 2}"] = "其他"
    if merged:
        ws.merge_cells(f"{d}{top}:{g}{top}")
        ws.merge_cells(f"{d}{top + 1}:{d}{top + 2}")
        ws.merge_cells(f"{e}{top + 1}:{f}{top + 1}")
        ws.merge_cells(f"{g}{top + 1}:{g}{top + 2}")
        if left > 1:
            ws.merge_cells(f"A{top}:{chr(63 + left)}{top + 2}")
    return top + 3


def put(ws, row: int, first_col: int, values) -> None:
    for i, v in enumerate(values):
        if v is not None:
            ws.cell(row, first_col + i, v)


def table_b(path, merged: bool = True, rows=B_ROWS, total: int | None = None) -> None:
    """Table B with three label columns: merged like the published table, or (merged=False)
    each group written only on its first row."""
    wb = Workbook()
    ws = wb.active
    ws.title = TITLE
    ws["A1"] = "收到和处理政府信息公开申请情况"
    r = b_header(ws, merged=merged)
    starts = {}
    for a, b, c, values in rows:
        for col, text in ((1, a), (2, b), (3, c)):
            if text is not None:
                ws.cell(r, col, text)
                starts[col] = r
        put(ws, r, 4, values)
        if merged:
            if a and not b:
                ws.merge_cells(f"A{r}:C{r}")
            if b and not c:
                ws.merge_cells(f"B{r}:C{r}")
        r += 1
    if merged:          # the groups down over their sub-rows
        ws.merge_cells("A7:A11")
        ws.merge_cells("B8:B9")
        ws.merge_cells("B10:B11")
    if total is not None:
        ws["G5"] = total
    wb.save(path)


# the first rows of table B, as written in one label column
OPENING = [("一、本年新收政府信息公开申请数量", (5, 2, 1, 8)),
           ("三、本年度办理结果", ()),
           ("（一）予以公开", (3, 1, 0, 4))]


def read_one_column(tmp_path, labels: list[tuple[str, tuple]]):
    path = tmp_path / "one.xlsx"
    one_column(path, labels)
    return read(path)


def one_column(path, labels: list[tuple[str, tuple]]) -> None:
    """Table B with one label column (A) and the figures in B:E."""
    wb = Workbook()
    ws = wb.active
    ws.title = TITLE
    r = b_header(ws, top=1, merged=True, left=2)
    for label, values in labels:
        ws.cell(r, 1, label)
        put(ws, r, 2, values)
        r += 1
    wb.save(path)


def table_c(ws, top: int = 1, groups: bool = True, left: int = 1) -> int:
    """行政复议 (结果维持 | 总计) | 行政诉讼 › 未经复议直接起诉 / 复议后起诉 (结果维持 | 总计);
    with groups=False only the lowest header row."""
    row = top
    if groups:
        ws.cell(top, left, "行政复议")
        ws.merge_cells(start_row=top, start_column=left, end_row=top + 1, end_column=left + 1)
        ws.cell(top, left + 2, "行政诉讼")
        ws.merge_cells(start_row=top, start_column=left + 2, end_row=top, end_column=left + 5)
        for col, sub in ((left + 2, "未经复议直接起诉"), (left + 4, "复议后起诉")):
            ws.cell(top + 1, col, sub)
            ws.merge_cells(start_row=top + 1, start_column=col, end_row=top + 1, end_column=col + 1)
        row = top + 2
    for c in (left, left + 2, left + 4):
        ws.cell(row, c, "结果维持")
        ws.cell(row, c + 1, "总计")
    return row + 1


def read(path, pack_id: str = "test-grid", **kw):
    from govreport.model.pack import load_pack
    return import_workbook(path, load_pack(pack_id).indicators, **kw)


def read_book(wb, tmp_path, **kw):
    """Save a workbook built in the test and read it with the test-grid pack."""
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return read(path, **kw)


def figure(result, fid):
    f = result.figures[fid]
    return f.value, f.source


@pytest.fixture
def grid_pack(test_packs):
    return test_packs / "test-grid"


# --- every figure with its cell -----------------------------------------------------------------

def test_every_figure_of_a_table_merged_like_the_published_one_is_read_with_its_cell(
        grid_pack, tmp_path):
    path = tmp_path / "b.xlsx"
    table_b(path)
    r = read(path)
    expected = {"b_new_nat": (5, "表二!D5"), "b_new_biz": (2, "表二!E5"),
                "b_new_oth": (1, "表二!F5"), "b_new_total": (8, "表二!G5"),
                "b_open_nat": (3, "表二!D7"), "b_deny_secret_biz": (1, "表二!E8"),
                "b_deny_law_nat": (1, "表二!D9"), "b_none_held_total": (2, "表二!G10")}
    assert {fid: figure(r, fid) for fid in expected} == expected
    assert r.matches["b_deny_secret_biz"].how == "exact"
    assert r.matches["b_deny_secret_biz"].label == "1.属于国家秘密/商业企业"
    assert not r.warnings


def test_a_dash_and_a_blank_cell_are_missing_figures_and_zero_is_zero(grid_pack, tmp_path):
    path = tmp_path / "b.xlsx"
    table_b(path)
    r = read(path)
    assert figure(r, "b_deny_law_biz") == (None, "表二!E9")      # —
    assert figure(r, "b_deny_law_oth") == (None, "表二!F9")      # blank
    assert figure(r, "b_deny_secret_nat") == (0, "表二!D8")


def test_the_group_written_only_on_its_first_row_without_merges_reads_the_same(
        grid_pack, tmp_path):
    merged, plain = tmp_path / "merged.xlsx", tmp_path / "plain.xlsx"
    table_b(merged)
    table_b(plain, merged=False)
    a, b = read(merged), read(plain)
    assert {k: (f.value, f.source) for k, f in a.figures.items()} == \
        {k: (f.value, f.source) for k, f in b.figures.items()}
    assert len(b.figures) == 20
    assert not b.warnings


def test_rows_of_the_table_the_pack_has_no_indicator_for_are_unmatched_cells(
        grid_pack, tmp_path):
    path = tmp_path / "b.xlsx"
    table_b(path)
    r = read(path)
    cells = {(u.cell, u.label, u.value) for u in r.unmatched}
    assert ("D6", "二、上年结转政府信息公开申请数量/自然人", 1) in cells
    assert ("D11", "2.没有现成信息需要另行制作/自然人", 0) in cells
    assert all(u.sheet == TITLE for u in r.unmatched)


def test_a_group_and_its_sub_row_in_one_cell_are_read_as_two_labels(grid_pack, tmp_path):
    r = read_one_column(tmp_path, [
        *OPENING,
        ("（三）不予公开 1.属于国家秘密", (0, 1, 0, 1)),
        ("2.其他法律行政法规禁止公开", (1, 0, 0, 1)),
        ("（四）无法提供1.本机关不掌握相关政府信息", (2, 0, 0, 2)),
    ])
    expected = {"b_new_nat": (5, "表二!B4"), "b_open_biz": (1, "表二!C6"),
                "b_deny_secret_biz": (1, "表二!C7"), "b_deny_law_nat": (1, "表二!B8"),
                "b_none_held_nat": (2, "表二!B9")}
    assert {fid: figure(r, fid) for fid in expected} == expected


def test_sub_rows_under_a_group_in_a_row_of_its_own_take_the_group_from_their_numbering(
        grid_pack, tmp_path):
    r = read_one_column(tmp_path, [
        ("三、本年度办理结果", ()),
        ("（三）不予公开", ()),
        ("1.属于国家秘密", (0, 1, 0, 1)),
        ("2.其他法律行政法规禁止公开", (1, 0, 0, 1)),
        ("（四）无法提供", ()),
        ("1.本机关不掌握相关政府信息", (2, 0, 0, 2)),
    ])
    assert figure(r, "b_deny_secret_biz") == (1, "表二!C6")
    assert figure(r, "b_deny_law_total") == (1, "表二!E7")
    assert figure(r, "b_none_held_nat") == (2, "表二!B9")


def test_labels_written_differently_match_loosely(grid_pack, tmp_path):
    r = read_one_column(tmp_path, [("(一) 予以公开", (3, 1, 0, 4)),
                                   ("(三)不予公开", ()),
                                   ("1、属于国家秘密", (0, 1, 0, 1))])
    assert figure(r, "b_open_nat") == (3, "表二!B4")
    assert r.matches["b_open_nat"].how == "normalised"
    assert figure(r, "b_deny_secret_biz") == (1, "表二!C6")


# --- what is not taken ---------------------------------------------------------------------------

def test_a_row_under_the_wrong_group_is_not_taken(grid_pack, tmp_path):
    path = tmp_path / "wrong.xlsx"
    rows = [
        ("三、本年度办理结果", "（四）无法提供", "1.属于国家秘密", (0, 7, 0, 7)),
    ]
    table_b(path, merged=False, rows=rows)
    r = read(path)
    assert not any(k.startswith("b_deny_secret") for k in r.figures)
    assert not any(k.startswith("b_none_held") for k in r.figures)
    assert ("E5", 7) in {(u.cell, u.value) for u in r.unmatched}


def test_a_bare_number_is_taken_only_under_its_own_group(grid_pack, tmp_path):
    path = tmp_path / "bare.xlsx"
    rows = [
        ("三、本年度办理结果", "（三）不予公开", "1.", (0, 1, 0, 1)),
        (None, "（四）无法提供", "1.", (2, 0, 0, 2)),
    ]
    table_b(path, merged=False, rows=rows)
    r = read(path)
    assert figure(r, "b_deny_secret_biz") == (1, "表二!E5")
    assert figure(r, "b_none_held_nat") == (2, "表二!D6")

    r = read_one_column(tmp_path, [("1.", (0, 1, 0, 1))])       # no group: could be either
    assert not any(k.startswith(("b_deny_secret", "b_none_held")) for k in r.figures)


def test_a_cell_two_indicators_fit_is_not_bound_and_is_reported(grid_pack, tmp_path):
    # only the lowest header row: 结果维持 three times, under no 行政复议 or 行政诉讼
    wb = Workbook()
    ws = wb.active
    ws.title = "表三"
    r = table_c(ws, groups=False)
    put(ws, r, 1, (1, 2, 3, 4, 5, 6))
    result = read_book(wb, tmp_path)
    assert not any(k.startswith("c_") for k in result.figures)
    ambiguous = [w for w in result.warnings if w.startswith("表三!A2")]
    assert ambiguous and "未自动采用" in ambiguous[0]
    assert "行政复议结果维持" in ambiguous[0] and "行政诉讼复议后起诉结果维持" in ambiguous[0]
    u = next(u for u in result.unmatched if u.cell == "A2")
    assert set(u.candidates) == {"c_review_kept", "c_direct_kept", "c_after_kept"}


# --- table A: its header repeated between its parts --------------------------------------------

def test_a_table_whose_header_repeats_between_its_parts_is_read_part_by_part(
        grid_pack, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "表一"
    ws.append(("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"))
    ws.append(("规章", 2, 1, 9))
    ws.append(("行政规范性文件", 3, 0, 20))
    for header, label, value in (("本年处理决定数量", "行政许可", 120),
                                 ("本年收费金额（单位：万元）", "行政事业性收费", 12.5)):
        ws.append(("信息内容", header))
        ws.append((label, value))
        for r in (ws.max_row - 1, ws.max_row):        # one figure over the part's width
            ws.merge_cells(f"B{r}:D{r}")
    result = read_book(wb, tmp_path)
    assert figure(result, "a_rules_made") == (2, "表一!B2")
    assert figure(result, "a_rules_repealed") == (1, "表一!C2")
    assert figure(result, "a_licence") == (120, "表一!B5")
    assert figure(result, "a_fees") == (12.5, "表一!B7")
    # the test pack has no indicator for 现行有效件数
    assert result.warnings == ["表一!D1表头“现行有效件数”在模板中没有对应的指标，这一列未读取"]


# --- table C: one row, three header rows --------------------------------------------------------

def test_a_one_row_table_under_three_header_rows_is_read_cell_by_cell(grid_pack, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "表三"
    ws["A1"] = "政府信息公开行政复议、行政诉讼情况"
    r = table_c(ws, top=2)
    put(ws, r, 1, (1, 1, 2, 3, 0, 1))
    result = read_book(wb, tmp_path)
    assert figure(result, "c_review_kept") == (1, "表三!A5")
    assert figure(result, "c_direct_kept") == (2, "表三!C5")
    assert figure(result, "c_direct_total") == (3, "表三!D5")
    assert figure(result, "c_after_total") == (1, "表三!F5")
    assert result.warnings == [
        "表三!D5（行政诉讼·未经复议直接起诉·总计）为3，各列相加为2，请核对",
        "表三!F5（行政诉讼·复议后起诉·总计）为1，各列相加为0，请核对"]


def test_header_groups_written_once_without_merging_spread_over_the_columns_under_them(
        grid_pack, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "表三"
    ws.append(("行政复议", None, "行政诉讼"))
    ws.append((None, None, "未经复议直接起诉", None, "复议后起诉"))
    ws.append(("结果维持", "总计") * 3)
    ws.append((1, 1, 2, 2, 0, 0))
    result = read_book(wb, tmp_path)
    expected = {"c_review_total": (1, "表三!B4"), "c_direct_kept": (2, "表三!C4"),
                "c_after_kept": (0, "表三!E4"), "c_after_total": (0, "表三!F4")}
    assert {fid: figure(result, fid) for fid in expected} == expected
    assert not result.warnings and not result.unmatched


# --- warnings ------------------------------------------------------------------------------------

def test_a_total_that_differs_from_the_sum_of_its_row_is_warned(grid_pack, tmp_path):
    path = tmp_path / "b.xlsx"
    table_b(path, total=12)
    r = read(path)
    assert "表二!G5（一、本年新收政府信息公开申请数量/总计）为12，各列相加为8，请核对" in r.warnings
    assert figure(r, "b_new_total") == (12, "表二!G5")   # read as written, never corrected


def test_a_total_row_that_differs_from_the_rows_of_its_group_is_warned(grid_pack, tmp_path):
    r = read_one_column(tmp_path, [
        *OPENING,
        ("（三）不予公开", (0, 9, 0, 9)),          # a group's own row is no part of the total
        ("1.属于国家秘密", (0, 1, 0, 1)),
        ("（七）总计", (3, 2, 0, 6)),
    ])
    assert r.warnings == ["表二!E9（（七）总计/总计）为6，各列相加为5，请核对",
                          "表二!E9（（七）总计/总计）为6，各行相加为5，请核对"]


def test_a_header_naming_a_column_no_indicator_has_is_warned(grid_pack, tmp_path):
    path = tmp_path / "b.xlsx"
    table_b(path)
    from openpyxl import load_workbook
    wb = load_workbook(path)
    ws = wb[TITLE]
    ws["H3"] = "科研机构"
    ws["H5"] = 4
    wb.save(path)
    r = read(path)
    assert "表二!H3表头“科研机构”在模板中没有对应的指标，这一列未读取" in r.warnings
    assert ("H5", 4) in {(u.cell, u.value) for u in r.unmatched}


def test_a_grid_cell_that_is_not_a_number_is_warned_with_its_cell(grid_pack, tmp_path):
    path = tmp_path / "b.xlsx"
    rows = [("一、本年新收政府信息公开申请数量", None, None, ("见附件", "5000余", 1, 8))]
    table_b(path, rows=rows)
    r = read(path)
    assert figure(r, "b_new_nat") == (None, "表二!D5")
    assert any(w.startswith("表二!D5（本年新收申请（自然人））") and "不是数字" in w
               for w in r.warnings)
    assert figure(r, "b_new_biz") == (5000, "表二!E5")
    assert "5000余" in r.matches["b_new_biz"].note


# --- grid tables beside label/value tables -------------------------------------------------------

def test_a_label_value_table_on_the_sheet_of_a_grid_table_is_still_read(grid_pack, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = TITLE
    ws["A1"] = "指标"
    ws["B1"] = "2024年"
    ws["C1"] = "2023年"
    ws["A2"] = "网上申请件数"
    ws["B2"] = 7
    ws["C2"] = 5
    r = b_header(ws, top=4)
    ws.cell(r, 1, "一、本年新收政府信息公开申请数量")
    put(ws, r, 4, (5, 2, 1, 8))
    ws.cell(r + 1, 1, "三、本年度办理结果")
    ws.cell(r + 2, 1, "（一）予以公开")
    put(ws, r + 2, 4, (3, 1, 0, 4))
    ws.cell(r + 4, 1, "指标")                  # and another label/value table below it
    ws.cell(r + 4, 2, "本年")
    ws.cell(r + 5, 1, "网上申请")
    ws.cell(r + 5, 2, 7)
    result = read_book(wb, tmp_path)
    assert result.figures["online_requests"].value == 7
    assert result.figures["online_requests"].previous == 5
    assert figure(result, "b_new_nat") == (5, "表二!D7")
    assert figure(result, "b_open_total") == (4, "表二!G9")
    assert result.year == 2024
    # the grid's rows are no rows of the label/value table above it
    assert not any(u.label.startswith("一、") and u.cell.startswith("B") for u in result.unmatched)
    assert {t.header_row for t in result.tables} == {1, 4, 11}


def test_a_row_label_that_names_a_column_group_does_not_start_a_grid(grid_pack, tmp_path):
    wb = Workbook()
    ws = wb.active
    for row in (("指标", "本年"), ("行政复议", None), ("网上申请件数", 7), ("其他", None),
                ("总计", None), ("网上申请", 7)):
        ws.append(row)
    result = read_book(wb, tmp_path)
    assert figure(result, "online_requests") == (7, "Sheet!B3")
    assert len(result.tables) == 1


def test_a_workbook_of_grid_tables_only_is_no_empty_workbook(grid_pack, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "表三"
    r = table_c(ws)
    put(ws, r, 1, (1, 1, 0, 0, 0, 0))
    result = read_book(wb, tmp_path)
    assert result.figures["c_review_kept"].value == 1
    assert not result.sheets_without_table


def test_a_clerks_binding_wins_over_the_grid(grid_pack, tmp_path):
    path = tmp_path / "b.xlsx"
    table_b(path)
    r = read(path, bindings={"b_new_nat": "表二!D6"})
    assert figure(r, "b_new_nat") == (1, "表二!D6")
    assert r.matches["b_new_nat"].how == "bound"
    assert r.matches["b_new_nat"].label == "二、上年结转政府信息公开申请数量/自然人"
    assert "D6" not in {u.cell for u in r.unmatched}


def test_a_pack_without_grid_keys_reads_a_grid_like_sheet_as_before(tmp_path):
    from govreport.model.pack import load_pack
    path = tmp_path / "b.xlsx"
    table_b(path)
    with pytest.raises(Exception, match="没有找到统计表格"):
        import_workbook(path, load_pack().indicators)
