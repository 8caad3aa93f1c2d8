"""Reading a county workbook (全县统计表): the figures of many units in one .xlsx.

Two shapes are read (see templates/batch/county_workbook.toml):
- one column per unit: a header row 指标 | 单位 | 翻江镇 | 邹桥乡 | ..., on one sheet or on several
  (e.g. one sheet per theme); a unit's figures are the union over the sheets;
- one sheet per unit: the sheet name is the unit, the sheet is shaped like a township's own
  workbook.

Either way each unit's cells are handed to the township import (govreport.statistics) as
sheets of their own, in memory: the unit's column under a 本年 header (other units' columns
left out), or the unit's sheet. The cells keep their sheet names and addresses, so every figure's
source ("统计!F7") points into the county file, and label matching, value parsing and warnings
are the township import's, word for word. A unit that cannot be read gets an error of its own;
the other units are unaffected.
"""
from __future__ import annotations

import re
import warnings as _warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from govreport.base.datafiles import load_toml
from govreport.base import paths
from govreport.base.errors import InputError
from govreport.model.figures import Figure
from govreport.model.indicators import IndicatorSet
from govreport.statistics import import_rows
from govreport.statistics import tables as tb
from govreport.statistics.xlsx import NOTHING_HIDDEN, Book, Hidden, ReadBook, ReadSheet

SHAPE_COLUMNS = "columns"
SHAPE_SHEETS = "sheets"

# Characters Windows refuses in a file name; a unit named with them cannot name its report.
_BAD_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
# Names Windows keeps for devices: no file may be called so, whatever its extension.
_RESERVED_NAME = re.compile(r"^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$", re.IGNORECASE)
# Names Excel and WPS give new sheets: such a sheet is no unit's.
_DEFAULT_SHEET_NAME = re.compile(r"^(?:sheet|工作表)\d*$", re.IGNORECASE)
# The header the unit's column gets in its own sheet: this year's figures.
_CURRENT_HEADER = "本年"


@dataclass(frozen=True)
class _Rules:
    totals: tuple[str, ...]
    header_rows: int


@cache
def _rules() -> _Rules:
    raw = load_toml(paths.templates_dir() / "batch" / "county_workbook.toml")
    return _Rules(tuple(raw["totals"]), int(raw.get("header_rows", 15)))


# Cells as Book.rows gives them: (column, value, data_type, style_id).
_COL, _VALUE, _TYPE, _STYLE = range(4)


@dataclass
class _Sheet:
    """A visible sheet of the county workbook, read once: (row number, cells)."""
    title: str
    rows: list[tuple[int, list[dict]]]
    hidden: Hidden = NOTHING_HIDDEN


@dataclass
class _Grid:
    """A one-column-per-unit sheet split once, from the header row down: per row, the cells
    every unit's copy shares (label, 单位, 序号, 备注 ...) and the unit cells by column. A unit's
    copy then costs the same however many units the sheet has."""
    title: str
    header_row: int
    rows: list[tuple[int, list[tuple], dict[int, tuple]]]
    hidden: Hidden = NOTHING_HIDDEN


@dataclass
class _Part:
    """A unit's column on one sheet of the one-column-per-unit shape."""
    grid: _Grid
    column: int


@dataclass
class UnitSource:
    """Where one unit's figures are in the county workbook."""
    unit: str
    where: str                        # 统计!C列, or 工作表“翻江镇”
    parts: list[_Part] = field(default_factory=list)
    sheet: _Sheet | None = None       # the one-sheet-per-unit shape
    error: str | None = None          # known to be unusable before reading


@dataclass
class UnitFigures:
    """One unit's figures as the township import read them."""
    unit: str
    where: str
    figures: dict[str, Figure] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)   # rows no indicator was found for
    error: str | None = None          # the unit cannot be built


@dataclass
class CountyWorkbook:
    path: Path
    shape: str                        # SHAPE_COLUMNS | SHAPE_SHEETS
    year: int | None                  # named by the file (title rows, file name), if at all
    units: list[UnitSource] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # about the workbook as a whole
    percent_styles: frozenset[int] = frozenset()


def _unit_error(name: str) -> str | None:
    if _BAD_FILE_CHARS.search(name):
        return f"单位名称“{name}”含有不能用作文件名的字符（\\ / : * ? \" < > |），请在统计表中改正"
    if _RESERVED_NAME.match(name) or name.endswith((".", " ")) or name.startswith("."):
        return f"单位名称“{name}”不能用作文件名（Windows 的保留名称，或以句点开头、结尾），请在统计表中改正"
    return None


def _col(col: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(col)


# --- which shape a sheet has --------------------------------------------------------------------

@dataclass
class _Header:
    row: int
    label_col: int
    units: dict[int, str]             # column -> unit name
    totals: list[str]                 # total/average columns left out
    shared: frozenset[int]
    unnamed: list[int]                # columns with numbers under an empty header cell


def _classify(sheet: _Sheet) -> tuple[str, object] | None:
    """("columns", _Header) for a one-column-per-unit sheet, ("township", year or None) for a
    sheet shaped like a township workbook, None for neither (a 说明 sheet, an empty sheet)."""
    rules = _rules()
    for idx, cells in sheet.rows:
        if idx > rules.header_rows:
            break
        texts = tb.row_texts(cells)
        if not texts or not tb.has_label_cell(texts):
            continue
        label_col = tb.label_column(texts)
        if label_col is None:
            continue
        units: dict[int, str] = {}
        totals: dict[int, str] = {}
        years: set[int] = set()
        township = False
        for col, t in texts.items():
            if col <= label_col:
                continue
            if any(w in t for w in rules.totals):
                totals[col] = t
                continue
            h = tb.classify(t)
            if h is None:
                units[col] = t
            elif h.role == tb.VALUE:
                township = True
                if h.year:
                    years.add(h.year)
        if township:
            return "township", max(years) if years else _title_year(sheet, idx)
        if units:
            used = {c[_COL] for _, cs in sheet.rows for c in cs}
            shared = frozenset(used - set(units) - set(totals))
            numeric = {c[_COL] for i, cs in sheet.rows if i > idx for c in cs
                       if isinstance(c[_VALUE], (int, float)) and not isinstance(c[_VALUE], bool)}
            unnamed = sorted(c for c in numeric - set(texts) if c > label_col)
            return "columns", _Header(idx, label_col, units, list(totals.values()), shared,
                                      unnamed)
    return None


def _title_year(sheet: _Sheet, before_row: int) -> int | None:
    for idx, cells in sheet.rows:
        if idx >= before_row:
            break
        for c in cells:
            if isinstance(c[_VALUE], str) and (m := tb.YEAR_RE.search(c[_VALUE])):
                return int(m.group(1))
    return None


# --- the workbook ---------------------------------------------------------------------------------

def read_county_workbook(path: Path | str, year: int | None = None) -> CountyWorkbook:
    """Find the units. Raises InputError when the file cannot be read or holds no units."""
    path = Path(path)
    column_sheets: list[tuple[_Sheet, _Header]] = []
    unit_sheets: list[_Sheet] = []
    sheet_years: Counter[int] = Counter()
    notes: list[str] = []
    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore")      # openpyxl's own warnings are not for the clerk
        with Book(path) as book:
            percent_styles = book.percent_styles
            for ws in book.sheets:
                if ws.sheet_state != "visible":
                    notes.append(f"工作表“{ws.title}”已隐藏，未读取")
                    continue
                sheet = _Sheet(ws.title, [(i, cells) for i, cells in book.rows(ws) if cells])
                sheet.hidden = book.hidden.get(ws.title, NOTHING_HIDDEN)
                kind = _classify(sheet)
                if kind is None:
                    notes.append(f"工作表“{ws.title}”没有找到“指标”表头，未读取")
                elif kind[0] == "columns":
                    column_sheets.append((sheet, kind[1]))
                else:
                    unit_sheets.append(sheet)
                    if kind[1]:
                        sheet_years[kind[1]] += 1
    if not column_sheets and not unit_sheets:
        raise InputError(
            f"“{path.name}”中没有找到各单位的数据：应有一行表头“指标 | 单位 | 翻江镇 | 邹桥乡 …”，"
            f"或每个单位一张工作表（工作表名为单位名称）", path=path)
    # A county file is one shape; a stray sheet of the other shape (a 汇总 sheet among the
    # township sheets, say) is left out and said so.
    shape = SHAPE_COLUMNS if len(column_sheets) >= len(unit_sheets) else SHAPE_SHEETS
    book_ = CountyWorkbook(path=path, shape=shape, year=year, notes=notes,
                           percent_styles=percent_styles)
    if shape == SHAPE_COLUMNS:
        for s in unit_sheets:
            notes.append(f"工作表“{s.title}”是单个单位的格式，与其他工作表（每列一个单位）不同，未读取")
        _column_units(column_sheets, book_)
        if book_.year is None and (m := tb.YEAR_RE.search(path.stem)):
            book_.year = int(m.group(1))
    else:
        for s, _ in column_sheets:
            notes.append(f"工作表“{s.title}”是每列一个单位的格式，与其他工作表（每表一个单位）不同，未读取")
        if book_.year is None and sheet_years:
            book_.year = sheet_years.most_common(1)[0][0]
        for s in unit_sheets:
            name = tb.norm_text(s.title)
            if _DEFAULT_SHEET_NAME.match(name):
                notes.append(f"工作表“{s.title}”的名称是默认名称，不是单位名称，未读取；"
                             f"如是某个单位的数据，请把工作表改名为该单位的名称")
                continue
            book_.units.append(UnitSource(name, f"工作表“{s.title}”", sheet=s,
                                          error=_unit_error(name)))
    return book_


def _column_units(sheets: list[tuple[_Sheet, _Header]], book: CountyWorkbook) -> None:
    by_name: dict[str, UnitSource] = {}
    for sheet, head in sheets:
        if book.year is None:
            book.year = _title_year(sheet, head.row)
        for name in head.totals:
            book.notes.append(f"工作表“{sheet.title}”的“{name}”列是合计或平均，未作为单位读取")
        for col in head.unnamed:
            book.notes.append(f"工作表“{sheet.title}”的{_col(col)}列有数字，但表头没有单位名称，"
                              f"未读取；如是某个单位的数据，请在第{head.row}行填上单位名称")
        grid = _Grid(sheet.title, head.row, [
            (idx, [c for c in cells if c[_COL] in head.shared],
             {c[_COL]: c for c in cells if c[_COL] in head.units})
            for idx, cells in sheet.rows if idx >= head.row], sheet.hidden)
        seen_here: dict[str, int] = {}
        for col, name in head.units.items():
            where = f"{sheet.title}!{_col(col)}列"
            unit = by_name.get(name)
            if unit is None:
                unit = by_name[name] = UnitSource(name, where, error=_unit_error(name))
                book.units.append(unit)
            else:
                unit.where += f"、{where}"
            if name in seen_here:
                unit.error = (f"“{name}”在工作表“{sheet.title}”中有两列（{_col(seen_here[name])}列、"
                              f"{_col(col)}列），无法确定采用哪一列")
            seen_here[name] = col
            unit.parts.append(_Part(grid, col))


# --- one unit ---------------------------------------------------------------------------------------

def _unit_sheets(unit: UnitSource) -> list[ReadSheet]:
    """The unit's cells as sheets of their own: its sheet, or on each sheet the shared
    columns (指标, 单位 ...) and its own column, headed 本年."""
    if unit.sheet is not None:
        return [ReadSheet(unit.sheet.title, unit.sheet.rows, unit.sheet.hidden)]
    sheets = []
    for part in unit.parts:
        col, header_row = part.column, part.grid.header_row
        rows = []
        for idx, shared, by_col in part.grid.rows:
            cell = by_col.get(col)
            if cell is None:
                rows.append((idx, shared))
                continue
            if idx == header_row:
                cell = (col, _CURRENT_HEADER, "s", cell[_STYLE])
            rows.append((idx, sorted(shared + [cell], key=lambda c: c[_COL])))
        sheets.append(ReadSheet(part.grid.title, rows, part.grid.hidden))
    return sheets


def read_unit(book: CountyWorkbook, unit: UnitSource, indicators: IndicatorSet,
              year: int | None) -> UnitFigures:
    """The unit's figures, read by the township import; errors end up in .error."""
    out = UnitFigures(unit.unit, unit.where, error=unit.error)
    if out.error:
        return out
    try:
        result = import_rows(ReadBook(book.path, _unit_sheets(unit), book.percent_styles),
                             indicators, year=year)
    except InputError as exc:
        out.error = f"{unit.where}无法读取：{exc}"
        return out
    out.figures = dict(result.figures)
    out.warnings = list(result.warnings)
    out.unmatched = [f"工作表“{u.sheet}”第{u.cell.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ')}行“{u.label}”"
                     for u in result.unmatched]
    if not any(f.value is not None for f in out.figures.values()):
        out.error = f"“{unit.unit}”（{unit.where}）没有可用的数值"
        problems = [w for w in out.warnings if "未采用" in w] or out.warnings
        if problems:
            out.error += f"，如 {problems[0]}"
    return out
