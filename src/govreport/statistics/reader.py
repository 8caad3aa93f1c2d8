"""Reading figures out of a statistics workbook (.xlsx).

One pass over every visible sheet (openpyxl read-only, cached values) finds the tables and
keeps, for each row with a label, the cells of its value columns. Then the report year is
settled (given, or the latest year in the headers), each table's 本年/上年 columns are chosen,
and row labels are matched to indicators: exact name, synonym, then loosely. A sheet laid out
like a published two-way table (statistics.grid) is read in the same pass, cell by cell, for
the indicators that name their place in such a table (statistics.gridmatch). Every figure keeps
its source cell ("普法!D7"); whatever is uncertain becomes a warning in Chinese, never a guess.
"""
from __future__ import annotations

import contextlib
import gc
import re
import unicodedata
import warnings as _warnings
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from govreport.base.errors import InputError
from govreport.model.figures import Figure
from govreport.model.indicators import Indicator, IndicatorSet
from govreport.text.numfmt import compact
from govreport.statistics import tables as tb
from govreport.statistics.grid import Grid, GridCollector, GridWords, build as build_grid
from govreport.statistics.gridmatch import GridIndex
from govreport.statistics.labels import (
    BOUND, EXACT, NORMALISED, SYNONYM, LabelIndex, clean_label, normalise_label,
)
from govreport.statistics.values import NO_CACHED_VALUE, Parsed, parse_cell
from govreport.statistics.xlsx import DATE, NO_CACHE, NOTHING_HIDDEN, PERCENT, Book, ReadBook

__all__ = ["Match", "Unmatched", "WorkbookImport", "TableInfo", "import_workbook",
           "normalise_label", "parse_ref"]

_RANK = {EXACT: 0, SYNONYM: 1, NORMALISED: 2}
_NOT_TITLE = ("填报", "日期", "时间", "制表", "打印")   # a 填报日期 line names the next year


@dataclass
class Match:
    indicator: str
    how: str            # exact | synonym | normalised | bound
    label: str          # the row label as written ("" for a bound cell outside any table)
    source: str         # "普法!D7"
    note: str = ""      # e.g. 原表为“5000余”
    problem: str = ""   # why the cell gave no number, if it did not


@dataclass
class Unmatched:
    sheet: str
    cell: str
    label: str
    value: object
    candidates: tuple[str, ...] = ()     # indicator ids the label could mean

    def to_dict(self) -> dict:
        return {"sheet": self.sheet, "cell": self.cell, "label": self.label, "value": self.value}


@dataclass
class TableInfo:
    """Where a table was found and which columns were read (for the clerk to check)."""
    sheet: str
    header_row: int
    label_column: str
    current: str | None          # column letter and header, e.g. "D列（2024年）"
    previous: str | None


@dataclass
class WorkbookImport:
    path: Path
    year: int | None                 # the year read (asked for, else the workbook's own)
    figures: dict[str, Figure] = field(default_factory=dict)
    matches: dict[str, Match] = field(default_factory=dict)
    unmatched: list[Unmatched] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    tables: list[TableInfo] = field(default_factory=list)
    hidden_sheets: list[str] = field(default_factory=list)
    sheets_without_table: list[str] = field(default_factory=list)
    workbook_year: int | None = None  # the latest year its headers (or one title) name

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


# --- explicit bindings ------------------------------------------------------------------------

_REF = re.compile(r"\s*(?:'((?:[^']|'')+)'|(.+))!\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*")


def parse_ref(ref: str) -> tuple[str, int, int] | None:
    """'普法!D7' -> ('普法', 7, 4); quoted sheet names and $ are accepted; None if malformed."""
    m = _REF.fullmatch(str(ref))
    if not m:
        return None
    sheet = m.group(1).replace("''", "'") if m.group(1) is not None else m.group(2).strip()
    from openpyxl.utils import column_index_from_string
    try:
        col = column_index_from_string(m.group(3).upper())
    except ValueError:                  # beyond column XFD
        return None
    row = int(m.group(4))
    if not sheet or row < 1 or col > 16384 or row > 1048576:
        return None
    return sheet, row, col


def _sheet_named(titles: list[str], name: str) -> str | None:
    if name in titles:
        return name
    key = unicodedata.normalize("NFKC", name).strip().casefold()
    for t in titles:
        if unicodedata.normalize("NFKC", t).strip().casefold() == key:
            return t
    return None


# --- the pass over the sheets -----------------------------------------------------------------

def _compact(cell: tuple | None, percent_styles: frozenset[int]):
    """(value, flag) of a parser cell, flag '%' for a percentage format or NO_CACHE; None if empty."""
    if cell is None:
        return None
    dtype = cell[2]
    if dtype == NO_CACHE:
        return (None, NO_CACHE)
    value = cell[1]
    if value is None:
        return None
    return (value, PERCENT if cell[3] in percent_styles else
            DATE if dtype == DATE else "")


@dataclass
class _Bound:
    indicator: str
    ref: str
    sheet: str
    row: int
    col: int
    raw: tuple | None = None
    table: tb.Table | None = None
    row_cells: dict = field(default_factory=dict)


class _SheetScan:
    """The tables of one sheet, read row by row."""

    def __init__(self, book: Book, ws, bound: dict[int, list[_Bound]],
                 grid_words: GridWords | None = None):
        self.book = book
        self.ws = ws
        self.sheet = ws.title
        self.bound = bound
        self.grid_words = grid_words     # None when no indicator sits in a two-way table
        self.tables: list[tb.Table] = []
        self.grids: list[Grid] = []
        self.title_year: int | None = None
        self.has_values = False

    def run(self, tables_wanted: bool = True) -> None:
        pct = self.book.percent_styles
        sheet = self.sheet
        table: tb.Table | None = None        # the (first) table the rows belong to
        header_try = None            # (row, texts, upper) of the last header-like row
        last_row, last_texts = 0, None
        bound = self.bound
        max_bound = max(bound, default=0)
        # per table of the current header row (usually one; several side by side), set when
        # the tables start: the hot loop below reads only locals
        group: list[tuple] = []
        grids = GridCollector(self.grid_words, sheet, self._is_table_header) \
            if self.grid_words is not None and tables_wanted else None
        for idx, cells in self.book.rows(self.ws, None if tables_wanted else max_bound):
            if not cells:
                continue
            if bound and idx in bound:
                row_cells = {c[0]: _compact(c, pct) for c in cells}
                for b in bound[idx]:
                    b.row_cells, b.raw, b.table = row_cells, row_cells.get(b.col), table
            if not tables_wanted:
                continue
            texts = tb.row_texts(cells)
            if grids is not None and grids.feed(idx, cells, texts):
                # a row of a two-way table is no row of the label/value table above it
                self.has_values = self.has_values or texts is None or bool(texts)
                table, group, header_try, last_texts = None, [], None, None
                continue
            if texts:
                self.has_values = True
                new: list[tb.Table] = []
                if header_try is not None and idx == header_try[0] + 1 and \
                        tb.is_lower_header(texts, tb.label_column(header_try[1])):
                    new = tb.build_tables(sheet, header_try[0], header_try[1], header_try[2], texts)
                    if new and table is not None and table.header_row == header_try[0]:
                        del self.tables[-len(group):]   # the same tables, now with sub-headers
                header_try = None
                if not new and tb.has_label_cell(texts):
                    label_col = tb.label_column(texts)
                    if label_col is not None:
                        upper = None
                        if last_texts is not None and last_row == idx - 1 \
                                and tb.is_upper_header(last_texts, label_col):
                            upper = last_texts
                        header_try = (idx, texts, upper)
                        new = tb.build_tables(sheet, idx, texts, upper)
                        if new and table is not None and not new[0].names_its_columns:
                            new = []        # "重点项目 | 完成情况": a row of text in a table
                last_row, last_texts = idx, texts
                if new:
                    table = new[0]
                    self.tables += new
                    group = [(t.label_span, frozenset(t.label_span),
                              {c.col: i for i, c in enumerate(t.columns)}, len(t.columns),
                              t.records, t.carry) for t in new]
                    continue
                if table is None and self.title_year is None:
                    self._title_year(texts)
            elif texts is None:
                self.has_values = True
                last_texts = None
            # a data row: per table, its label (the rightmost text in the label columns) and
            # value cells; cells of a table beside it are in neither
            for span_order, span, pos, width, records, carry in group:
                label = None
                label_at = 0
                vals = [None] * width
                for c in cells:
                    col = c[0]
                    if col in span:
                        v = c[1]
                        if type(v) is str and v.strip():
                            carry[col] = v
                            label, label_at = v, col
                        continue
                    p = pos.get(col)
                    if p is not None:
                        v = c[1]
                        dtype = c[2]
                        if dtype == NO_CACHE:
                            vals[p] = (None, NO_CACHE)
                        elif v is not None:
                            vals[p] = (v, PERCENT if c[3] in pct else
                                       DATE if dtype == DATE else "")
                if label is None:
                    continue
                category = None
                if len(span_order) > 1:
                    for col in span_order:
                        if col >= label_at:
                            break
                        category = carry.get(col, category)
                records.append((idx, label, category, tuple(vals)))
        if grids is not None:
            merges = self.book.merges.get(sheet, [])
            self.grids = [g for raw in grids.grids
                          if (g := build_grid(raw, merges, lambda c: _compact(c, pct)))]

    def _is_table_header(self, texts: dict[int, str]) -> bool:
        """A header row of a label/value table (指标 | 2024年 | 2023年)."""
        return tb.has_label_cell(texts) and any(
            t.names_its_columns for t in tb.build_tables(self.sheet, 0, texts))

    def _title_year(self, texts: dict[int, str]) -> None:
        for t in texts.values():
            if len(t) > 4 and not any(w in t for w in _NOT_TITLE) and (m := tb.YEAR_RE.search(t)):
                self.title_year = int(m.group(1))
                return


# --- turning cells into figures ----------------------------------------------------------------

def _ref(sheet: str, row: int, col: int) -> str:
    return f"{sheet}!{get_column_letter(col)}{row}"


def _cell_text(raw) -> str:
    v = raw[0]
    if isinstance(v, float) and raw[1] == PERCENT:
        return f"{v * 100:g}%"
    return str(v)


def _convert(ind: Indicator, raw, source: str, result: WorkbookImport,
             which: str = "") -> tuple[float | None, Parsed | None]:
    """The indicator's value from a compact cell; problems become warnings naming the cell."""
    if raw is None:
        return None, None
    value, flag = raw
    name = ind.name + which
    if flag == NO_CACHE:
        result.warn(f"{source}（{name}）{NO_CACHED_VALUE.problem}")
        return None, NO_CACHED_VALUE
    if flag == DATE:
        result.warn(f"{source}（{name}）是日期，不是数字，未采用")
        return None, Parsed(None, problem="是日期，不是数字", kind="date")
    pct_format = flag == PERCENT
    p = parse_cell(value, pct_format and ind.is_percent)
    if p.problem:
        result.warn(f"{source}（{name}）{p.problem}，未采用")
        return None, p
    v = p.value
    if not ind.is_percent and (pct_format or p.percent):
        result.warn(f"{source}（{name}）是百分比，但该指标不是比率，按 {_num(v)} 读取，请核对")
    elif ind.is_percent and not pct_format and not p.percent and v is not None and 0 < v <= 1 \
            and not ind.inputs()[1]:
        # a fraction where a rate belongs (0.9652 typed into a plain cell): read as 96.52%, and
        # say so, since a rate of 0.97% is never what a township reports; a year-on-year change
        # (a formula over prev.*) of 0.5% is plausible and is left alone
        v = round(v * 100, 9)
        result.warn(f"{source}（{name}）填的是 {_cell_text(raw)}，按 {_num(v)}% 读取；"
                    f"比率请填百分数（如 93.84 或 93.84%）")
    if v is not None and (odd := _implausible(ind, v)):
        result.warn(f"{source}（{name}）是 {_num(v)}，{odd}，请核对")
    return v, p


def _implausible(ind: Indicator, v: float) -> str | None:
    """Why a figure read from a cell is unlikely to be what the clerk meant (it is still read:
    the clerk decides)."""
    if abs(v) >= 1e9:
        return "数值异常大"
    if ind.type == "int":
        if v < 0:
            return "件数、人数等不应为负数"
        if not float(v).is_integer():
            return "件数、人数等应为整数"
    if ind.is_percent and not ind.inputs()[1] and not 0 <= v <= 100:
        return "比率应在 0 到 100% 之间"        # a rate; a year-on-year change may exceed it
    return None


def _num(v: float | None) -> str:
    return "空" if v is None else compact(v)


def _display_value(raw):
    """What an unmatched row shows: its number (percent for % cells), else its text."""
    if raw is None:
        return None
    value, flag = raw
    if flag == NO_CACHE:
        return None
    if type(value) is int and not flag:
        return value
    p = parse_cell(value, flag == PERCENT)
    if p.value is not None:
        v = p.value
        return int(v) if float(v).is_integer() else v
    return value if isinstance(value, str) else str(value)


def _figure_like(raw) -> bool:
    """A cell that holds a figure (or should: a formula or an error value), not prose."""
    if raw is None:
        return False
    value, flag = raw
    if flag == DATE:
        return False
    if flag == NO_CACHE or type(value) in (int, float):
        return True
    p = parse_cell(value, flag == PERCENT)
    return p.value is not None or p.kind in ("error", "formula")


@dataclass
class _Candidate:
    fid: str
    how: str
    label: str
    source: str
    row: int
    table: tb.Table | None            # None for a cell of a two-way table
    cur: tuple | None
    prev: tuple | None
    hidden: bool = False        # the row is hidden in Excel/WPS


def import_workbook(path: Path | str, indicators: IndicatorSet, year: int | None = None,
                    bindings: dict[str, str] | None = None) -> WorkbookImport:
    """Read a workbook's figures for the report year (None: the latest year in its headers).

    Bad files raise InputError (one line of Chinese naming the file); everything else that
    needs the clerk's eye is in .warnings.
    """
    path = Path(path)
    with _gc_paused(), _warnings.catch_warnings():
        _warnings.simplefilter("ignore")      # openpyxl's own warnings are not for the clerk
        with Book(path) as book:
            return _import(book, path, indicators, year, bindings or {})


def import_rows(book: ReadBook, indicators: IndicatorSet,
                year: int | None = None) -> WorkbookImport:
    """The same import over rows already read from book.path (see ReadBook)."""
    with _gc_paused():
        return _import(book, book.path, indicators, year, {})


@contextlib.contextmanager
def _gc_paused():
    # A big sheet keeps a record per row alive until matching; the cyclic garbage collector
    # would rescan them all again and again while the parser allocates (the records hold no
    # cycles), so it pauses for the import.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc_was_on:
            gc.enable()


def _import(book: Book | ReadBook, path: Path, indicators: IndicatorSet, year: int | None,
            bindings: dict[str, str]) -> WorkbookImport:
    result = WorkbookImport(path=path, year=year)
    sheets = book.sheets
    titles = [ws.title for ws in sheets]
    bound_by_sheet: dict[str, dict[int, list[_Bound]]] = {}
    bound_list: list[_Bound] = []
    for fid, ref in bindings.items():
        if fid not in indicators:
            result.warn(f"指定单元格 {ref} 对应的指标“{fid}”不在模板中，已忽略")
            continue
        parsed = parse_ref(ref)
        if parsed is None:
            result.warn(f"“{indicators[fid].name}”指定的单元格“{ref}”写法不对，"
                        f"应为 工作表名!单元格（如 普法!D7），已忽略")
            continue
        sheet = _sheet_named(titles, parsed[0])
        if sheet is None:
            result.warn(f"“{indicators[fid].name}”指定的单元格 {ref} 所在的工作表“{parsed[0]}”"
                        f"不存在，已忽略")
            continue
        b = _Bound(fid, ref, sheet, parsed[1], parsed[2])
        bound_list.append(b)
        bound_by_sheet.setdefault(sheet, {}).setdefault(b.row, []).append(b)

    grid_words = GridWords.of(indicators)
    scans: list[_SheetScan] = []
    visible = 0
    for ws in sheets:
        hidden = ws.sheet_state != "visible"
        bound = bound_by_sheet.get(ws.title, {})
        if hidden:
            result.hidden_sheets.append(ws.title)
            result.warn(f"工作表“{ws.title}”已隐藏，未读取（如需读取，请在 Excel/WPS 中取消隐藏）")
            if not bound:
                continue
        else:
            visible += 1
        scan = _SheetScan(book, ws, bound, grid_words)
        scan.run(tables_wanted=not hidden)
        if not hidden:
            scans.append(scan)
    name = path.name
    if not sheets:
        raise InputError(f"统计表“{name}”中没有工作表", path=path)
    if visible == 0:
        raise InputError(f"统计表“{name}”的工作表都已隐藏，请在 Excel/WPS 中取消隐藏后再导入",
                         path=path)
    if not any(s.has_values for s in scans) and not any(b.raw for b in bound_list):
        raise InputError(f"统计表“{name}”是空的：各工作表都没有内容", path=path)
    all_tables = [t for s in scans for t in s.tables]
    all_grids = [g for s in scans for g in s.grids]
    if not all_tables and not all_grids and not bound_list:
        raise InputError(
            f"在“{name}”中没有找到统计表格：表头行应有“指标”（或项目、名称）列和“本年”"
            f"（或“2024年”等）列", path=path)

    # the report year: given, else the latest year named in a value column's header
    years = {y for t in all_tables for y in t.years()}
    title_years = {s.title_year for s in scans if s.title_year}
    # the workbook's own year: the latest year column with figures in it (a blank 2025年
    # column prepared in a 2024 workbook is not its year; a hidden one with figures is read,
    # and said so)
    filled = {y for t in all_tables for y in _filled_years(t)}
    result.workbook_year = max(filled or years) if (filled or years) else (
        max(title_years) if len(title_years) == 1 else None)
    if year is None:
        year = result.workbook_year
    result.year = year

    for scan in scans:
        if not scan.tables and not scan.grids and scan.has_values:
            result.sheets_without_table.append(scan.sheet)
        for t in scan.tables:
            t.title_year = scan.title_year
            tb.choose_columns(t, year)
            result.tables.append(_table_info(t))
            if t.current is not None and t.current.col in book.hidden.get(
                    t.sheet, NOTHING_HIDDEN).columns:
                result.warn(f"工作表“{t.sheet}”的“{t.current.header}”列"
                            f"（{get_column_letter(t.current.col)}列）已隐藏，仍按本年数据读取；"
                            f"如这一列已不用，请在统计表中删除它")
            if t.current is None:
                have = "、".join(f"{y}年" for y in sorted(t.years())) or "无"
                what = f"{year}年" if year is not None else "本年"
                result.warn(f"工作表“{t.sheet}”第{t.header_row}行的表格没有{what}的数据列"
                            f"（表头中的年份：{have}），未读取")
            elif year is not None and t.current.year is None and t.title_year \
                    and t.title_year != year:
                result.warn(f"工作表“{t.sheet}”的标题是{t.title_year}年，按“{t.current.header}”列"
                            f"作为{year}年的数据读取，请确认统计表年度")

    index = LabelIndex.build(indicators)
    candidates: dict[str, list[_Candidate]] = {}
    unmatched = result.unmatched
    for t in all_tables:
        if t.current is None:
            continue
        ci = t.columns.index(t.current)
        pi = t.columns.index(t.previous) if t.previous is not None else None
        letter = get_column_letter(t.current.col)
        sheet = t.sheet
        hidden_rows = book.hidden.get(sheet, NOTHING_HIDDEN).rows
        for row, label, category, values in t.records:
            cur = values[ci]
            prev = values[pi] if pi is not None else None
            fid, how, cands = index.match(label)
            shown = clean_label(label)
            if fid is None and category:
                fid2, how2, _ = index.match(category + label)
                if fid2 is not None:
                    fid, how, cands = fid2, how2, ()
                    shown = clean_label(category) + " " + shown
            if fid is not None:
                candidates.setdefault(fid, []).append(
                    _Candidate(fid, how, shown, f"{sheet}!{letter}{row}", row, t, cur, prev,
                               row in hidden_rows))
                continue
            if not (_figure_like(cur) or _figure_like(prev)):
                continue
            if cands:
                _ambiguous(f"{sheet}!{letter}{row}", shown, cands, indicators, result)
            unmatched.append(Unmatched(sheet, f"{letter}{row}", shown, _display_value(cur), cands))
    grid_captions = _read_grids(all_grids, GridIndex(indicators), indicators, book, candidates,
                                result) if all_grids else {}

    for fid, cands in candidates.items():
        chosen = _pick(indicators[fid], cands, result)
        if chosen is None:
            continue
        ind = indicators[fid]
        if chosen.hidden:
            result.warn(f"“{ind.name}”取自已隐藏的第{chosen.row}行（{chosen.source}），"
                        f"如这一行已不用，请在统计表中删除它或填入新的数据")
        value, parsed = _convert(ind, chosen.cur, chosen.source, result)
        prev_source = _ref(chosen.table.sheet, chosen.row, chosen.table.previous.col) \
            if chosen.table is not None and chosen.table.previous is not None else ""
        previous, _ = _convert(ind, chosen.prev, prev_source, result, "（上年）")
        result.figures[fid] = Figure(fid, value, previous=previous, source=chosen.source)
        result.matches[fid] = Match(fid, chosen.how, chosen.label, chosen.source,
                                    note=_note(parsed), problem=_problem(parsed))

    for b in bound_list:
        ind = indicators[b.indicator]
        source = _ref(b.sheet, b.row, b.col)
        if b.raw is None:
            result.warn(f"“{ind.name}”指定的单元格 {source} 是空的")
        value, parsed = _convert(ind, b.raw, source, result)
        previous = None
        t = b.table
        if t is not None and t.current is not None and t.current.col == b.col \
                and t.previous is not None:
            previous, _ = _convert(ind, b.row_cells.get(t.previous.col),
                                   _ref(b.sheet, b.row, t.previous.col), result, "（上年）")
        label = grid_captions.get(source, "")   # a cell of a two-way table: its row/column
        if t is not None:               # the row's label, when the cell is in a table row
            for col in t.label_span:
                raw = b.row_cells.get(col)
                if raw is not None and isinstance(raw[0], str) and raw[0].strip():
                    label = clean_label(raw[0])
        result.figures[b.indicator] = Figure(b.indicator, value, previous=previous, source=source)
        result.matches[b.indicator] = Match(b.indicator, BOUND, label, source, note=_note(parsed),
                                            problem=_problem(parsed))
        # a row the clerk bound is no longer "unmatched"
        result.unmatched = [u for u in result.unmatched
                            if not (u.sheet == b.sheet and u.cell == source.split("!")[-1])]

    if (all_tables or all_grids) and not result.matches:
        result.warn(f"“{name}”中没有一行能对应到报告的指标，请检查“指标”列的名称，"
                    f"或在向导中为指标指定单元格")
    return result


def _read_grids(grids: list[Grid], index: GridIndex, indicators: IndicatorSet,
                book: Book | ReadBook, candidates: dict[str, list[_Candidate]],
                result: WorkbookImport) -> dict[str, str]:
    """The cells of two-way tables: each cell one indicator's candidate, as a row is in a
    label/value table; a cell several indicators fit is reported, never bound. Returns each
    cell's caption by its source, for a cell the clerk bound."""
    captions: dict[str, str] = {}
    for g in grids:
        result.tables.append(_grid_info(g))
        reading = index.read(g)
        for message in reading.warnings:
            result.warn(message)
        hidden_rows = book.hidden.get(g.sheet, NOTHING_HIDDEN).rows
        for cell in reading.cells:
            captions[cell.source] = cell.caption
            if len(cell.ids) == 1:
                fid = cell.ids[0]
                candidates.setdefault(fid, []).append(
                    _Candidate(fid, cell.how, cell.caption, cell.source, cell.row, None,
                               cell.raw, None, cell.row in hidden_rows))
                continue
            if not _figure_like(cell.raw):
                continue
            if cell.ids:
                _ambiguous(cell.source, cell.caption, cell.ids, indicators, result)
            result.unmatched.append(Unmatched(g.sheet, cell.source.rsplit("!", 1)[1],
                                              cell.caption, _display_value(cell.raw), cell.ids))
    return captions


def _ambiguous(source: str, label: str, ids, indicators: IndicatorSet,
               result: WorkbookImport) -> None:
    names = "、".join(indicators[c].name for c in ids)
    result.warn(f"{source}“{label}”可能是{names}中的任一项，未自动采用；"
                f"请在向导中为它指定对应的指标")


def _grid_info(g: Grid) -> TableInfo:
    def span(cols) -> str:           # "A～C", or "A" for one column
        return "～".join(dict.fromkeys(get_column_letter(c) for c in (min(cols), max(cols))))
    labels = span(g.label_cols) if g.label_cols else "（无）"
    return TableInfo(g.sheet, g.header_row, labels,
                     f"{span([c.col for c in g.columns])}列（按行、列表头逐格读取）", None)


def _filled_years(t: tb.Table) -> set[int]:
    return {c.year for i, c in enumerate(t.columns)
            if c.year is not None
            and any(values[i] is not None for _row, _label, _cat, values in t.records)}


def _pick(ind: Indicator, cands: list[_Candidate], result: WorkbookImport) -> _Candidate | None:
    """The row an indicator is read from when several rows match it; None when they disagree."""
    # a row the clerk hid is one they took out of the table: a shown row wins over it
    shown = [c for c in cands if not c.hidden]
    if shown:
        cands = shown
    if len(cands) == 1:
        return cands[0]
    # a row with a figure beats an empty one; then the closer match (exact, synonym, loose)
    filled = [c for c in cands if c.cur is not None]
    pool = filled or cands
    best_rank = min(_RANK[c.how] for c in pool)
    best = [c for c in pool if _RANK[c.how] == best_rank]
    values = {_display_value(c.cur) for c in best if c.cur is not None}
    if len(values) > 1:
        where = "、".join(f"{c.source}“{c.label}”" for c in best)
        result.warn(f"“{ind.name}”在统计表中出现多次且数值不同（{where}），未采用；"
                    f"请删去多余的行，或在向导中为它指定单元格")
        return None
    chosen = best[0]
    for c in filled:
        if c is not chosen and _display_value(c.cur) != _display_value(chosen.cur):
            result.warn(f"“{ind.name}”另有一处 {c.source}“{c.label}”数值不同，"
                        f"已采用 {chosen.source}“{chosen.label}”")
    return chosen


def _note(p: Parsed | None) -> str:
    if p is None or p.text is None or p.problem:
        return ""
    if p.approx:
        return f"原表为“{p.text.strip()}”，按 {_num(p.value)} 计"
    return f"原表为文字“{p.text.strip()}”"


def _problem(p: Parsed | None) -> str:
    return p.problem if p is not None and p.problem else ""


def _table_info(t: tb.Table) -> TableInfo:
    def col(c: tb.Column | None) -> str | None:
        return None if c is None else f"{get_column_letter(c.col)}列（{c.header}）"
    return TableInfo(t.sheet, t.header_row, get_column_letter(t.label_col), col(t.current),
                     col(t.previous))
