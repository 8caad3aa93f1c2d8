"""Opening a statistics workbook safely and streaming its rows.

Files that are not .xlsx workbooks (old .xls, WPS .et, password-protected, Word documents,
empty or truncated files) are refused with one line of Chinese naming the file.

Rows come from openpyxl's read-only worksheet parser with cached values (data_only), in one
pass. The parser is subclassed for one thing openpyxl's public API cannot tell in that mode: a
formula cell whose file holds no cached result (a workbook written by a program and never
opened in Excel/WPS) reads as None, exactly like an empty cell. Such cells are marked with
data type NO_CACHE so the import can report them, without a second pass over the file. The
subclass also drops work the import does not need, which keeps a 100,000-row import close
to the cost of plain openpyxl iteration. This relies on openpyxl 3.1's worksheet._reader
module (pinned <4 in pyproject.toml); tests cover every cell type.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import ParseError

from openpyxl.cell.text import Text
from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
from openpyxl.utils import column_index_from_string
from openpyxl.worksheet._reader import (
    FORMULA_TAG, INLINE_STRING, VALUE_TAG, WorkSheetParser, _cast_number,
)

from govreport.base.errors import InputError
from govreport.statistics.values import is_percent_format

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
NO_CACHE = "f?"          # data type of a formula cell without a cached value
DATE = "d"               # data type of a date (a number in a date format, or ISO text)
PERCENT = "%"            # flag of a compact cell (value, flag) in a percentage format
RESAVE = "请用 Excel 或 WPS 打开它，选择“文件→另存为”，保存类型选“Excel 工作簿(*.xlsx)”，再导入新文件"

try:                                          # lxml is optional for openpyxl
    from lxml.etree import XMLSyntaxError
except ImportError:                           # pragma: no cover
    class XMLSyntaxError(Exception):          # type: ignore[no-redef]
        pass

try:
    from defusedxml import DefusedXmlException
except ImportError:                           # pragma: no cover - defusedxml is a dependency
    class DefusedXmlException(ValueError):    # type: ignore[no-redef]
        pass

# What openpyxl raises on a damaged package; anything else is a bug of ours and should show.
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ParseError, XMLSyntaxError,
            ValueError, TypeError, IndexError, AttributeError, OSError)


_COLUMNS: dict[str, int] = {}


def _column(coordinate: str) -> int:
    letters = coordinate.rstrip("0123456789")
    try:
        return _COLUMNS[letters]
    except KeyError:
        n = _COLUMNS[letters] = column_index_from_string(letters)
        return n


class _CachedValueParser(WorkSheetParser):
    """openpyxl's sheet parser, reading cached values only and marking what it cannot tell.

    full_calc: the workbook is marked "recalculate all formulas on load" (fullCalcOnLoad), as
    workbooks written by programs are until Excel or WPS saves them; their cached values, if
    any, are placeholders.

    parse_row/parse_cell are leaner versions of openpyxl's (every cell of a 100,000-row sheet
    goes through them): no row-dimension bookkeeping, no date conversion (a date-formatted
    number is marked DATE, which the import reports rather than reads), and formula cells
    without a cached value marked NO_CACHE instead of looking empty.
    """

    full_calc = False
    hidden_rows: set[int]

    def parse_row(self, row):
        r = row.get("r")
        if r is None:
            self.row_counter += 1
        else:
            self.row_counter = int(r) if r.isdigit() else int(float(r))
        if row.get("hidden") in ("1", "true"):
            self.hidden_rows.add(self.row_counter)
        self.col_counter = 0
        return self.row_counter, [self.parse_cell(el) for el in row]

    def hidden_columns(self) -> set[int]:
        """Columns hidden in the sheet (its <cols> come before the rows, so this is known
        once the first row has been read)."""
        out: set[int] = set()
        for attrs in self.column_dimensions.values():
            if attrs.get("hidden") in ("1", "true"):
                lo = int(attrs.get("min", 0) or 0)
                out.update(range(lo, int(attrs.get("max", lo) or lo) + 1))
        return out

    def parse_cell(self, element):
        get = element.get
        data_type = get("t", "n")
        coordinate = get("r")
        if coordinate:
            column = self.col_counter = _column(coordinate)
        else:
            self.col_counter += 1
            column = self.col_counter
        style_id = get("s")
        style_id = int(style_id) if style_id else 0
        if data_type == "inlineStr":
            child = element.find(INLINE_STRING)
            value = Text.from_tree(child).content if child is not None else None
            data_type = "s"
        else:
            value = element.findtext(VALUE_TAG)
            # no result stored: <v> missing, or empty (openpyxl writes <v></v>) unless the
            # formula's text result was ""; and no result to trust when the workbook asks to
            # be recalculated on opening (XlsxWriter stores 0 for every formula and says so)
            if (not value or self.full_calc) and element.find(FORMULA_TAG) is not None \
                    and (self.full_calc or data_type != "str" or element.find(VALUE_TAG) is None):
                return column, None, NO_CACHE, style_id
            if not value:
                value = None
            elif data_type == "n":
                value = _cast_number(value)
                if style_id in self.date_formats:
                    data_type = DATE
            elif data_type == "s":
                value = self.shared_strings[int(value)]
            elif data_type == "b":
                value = value not in ("0", "false")
            elif data_type == "str":
                data_type = "s"
            # "e" (an error value such as #DIV/0!) and "d" (ISO date text) keep their text
        return column, value, data_type, style_id


def _name(path: Path) -> str:
    return path.name or str(path)


def check_file(path: Path) -> bytes:
    """Refuse what cannot be a workbook before openpyxl sees it; returns the first bytes."""
    if not path.exists():
        raise InputError(f"找不到统计表“{path}”", path=path)
    if path.is_dir():
        raise InputError(f"“{path}”是一个文件夹，不是统计表，请选择其中的 .xlsx 文件", path=path)
    name = _name(path)
    if name.startswith("~$"):
        raise InputError(f"“{name}”是 Excel/WPS 打开表格时生成的临时文件，不是统计表；"
                         f"请选择不带“~$”的那个文件", path=path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except PermissionError as exc:
        raise InputError(f"无法读取“{name}”：文件正被其他程序占用或没有读取权限，"
                         f"请关闭 Excel/WPS 后重试", path=path) from exc
    except OSError as exc:
        raise InputError(f"无法读取“{name}”：{exc.strerror or exc}", path=path) from exc
    if size == 0:
        raise InputError(f"“{name}”是空文件（0 字节），可能没有保存完整，请重新保存或重新复制",
                         path=path)
    suffix = path.suffix.lower()
    if head.startswith(OLE_MAGIC):
        if _is_encrypted(path):
            raise InputError(f"“{name}”设有打开密码，无法读取：请在 Excel 或 WPS 中打开，"
                             f"取消密码后另存为 .xlsx，再导入", path=path)
        if suffix in (".et", ".ett"):
            raise InputError(f"“{name}”是 WPS 表格格式（.et），无法直接读取：{RESAVE}", path=path)
        raise InputError(f"“{name}”是旧版 Excel 格式（.xls），无法直接读取：{RESAVE}", path=path)
    if not head.startswith(ZIP_MAGIC):
        if suffix in (".et", ".ett"):
            raise InputError(f"“{name}”是 WPS 表格格式（.et），无法直接读取：{RESAVE}", path=path)
        if suffix in (".csv", ".txt"):
            raise InputError(f"“{name}”是文本表格，不是 Excel 工作簿：{RESAVE}", path=path)
        raise InputError(f"“{name}”不是 Excel 工作簿（.xlsx），无法读取", path=path)
    return head


def _is_encrypted(path: Path) -> bool:
    """An encrypted OOXML file is an OLE container holding an EncryptionInfo stream."""
    marker = "EncryptionInfo".encode("utf-16-le")
    with open(path, "rb") as fh:
        tail = b""
        while chunk := fh.read(1 << 20):
            if marker in tail + chunk:
                return True
            tail = chunk[-len(marker):]
    return False


_FULL_CALC = re.compile(rb"<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad\s*=\s*[\"'](?:1|true)[\"']")


def _check_package(fh, path: Path) -> bool:
    """Refuse a zip that is no workbook; True when it asks for recalculation on load."""
    name = _name(path)
    try:
        with zipfile.ZipFile(fh) as z:
            names = z.namelist()
            # openpyxl reports a missing calcPr attribute as fullCalcOnLoad=True, so look
            head = z.read("xl/workbook.xml")[:1 << 20] if "xl/workbook.xml" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise InputError(f"“{name}”已损坏或不完整（不是有效的 .xlsx 文件），无法读取", path=path) from exc
    finally:
        fh.seek(0)
    if any(n.startswith("xl/") for n in names):
        return bool(_FULL_CALC.search(head))
    if any(n.startswith("word/") for n in names):
        raise InputError(f"“{name}”是 Word 文档，不是统计表（.xlsx）", path=path)
    if any(n.startswith("ppt/") for n in names):
        raise InputError(f"“{name}”是演示文稿，不是统计表（.xlsx）", path=path)
    if "content.xml" in names:
        raise InputError(f"“{name}”是 OpenDocument 表格（.ods 等），无法直接读取：{RESAVE}", path=path)
    raise InputError(f"“{name}”不是 Excel 工作簿（.xlsx），无法读取", path=path)


def damaged(path: Path, exc: BaseException, sheet: str | None = None) -> InputError:
    name = _name(path)
    where = f"工作表“{sheet}”" if sheet else ""
    chain, seen = exc, set()
    while chain is not None and id(chain) not in seen:     # openpyxl wraps parse errors
        if isinstance(chain, DefusedXmlException):
            exc = chain
            break
        seen.add(id(chain))
        chain = chain.__cause__ or chain.__context__
    if isinstance(exc, DefusedXmlException):
        return InputError(f"“{name}”{where}含有不安全的 XML 内容（实体定义），已拒绝读取", path=path,
                          sheet=sheet)
    return InputError(f"“{name}”{where}已损坏或格式异常，无法读取；{RESAVE}", path=path, sheet=sheet)


class Hidden:
    """Rows and columns of a sheet that Excel/WPS do not show (the clerk "removed" them)."""

    def __init__(self, rows: frozenset[int] = frozenset(), columns: frozenset[int] = frozenset()):
        self.rows = rows
        self.columns = columns


NOTHING_HIDDEN = Hidden()


class Book:
    """An open workbook (read-only, cached values). Use as a context manager.

    hidden: per sheet title, its hidden rows and columns, known once rows() has read it.
    merges: per sheet title, its merged ranges ("A1:C3"), known once rows() has read it to the
    end: <mergeCells> follows the rows in the file, and openpyxl's parser keeps it as it goes
    by, so a grid table's merged headers cost no second pass."""

    def __init__(self, path: Path):
        import openpyxl
        self.path = path
        check_file(path)
        try:
            self._fh = open(path, "rb")
        except OSError as exc:
            raise InputError(f"无法读取“{_name(path)}”：文件正被其他程序占用或没有读取权限，"
                             f"请关闭 Excel/WPS 后重试", path=path) from exc
        try:
            self.full_calc = _check_package(self._fh, path)
            self.wb = openpyxl.load_workbook(self._fh, read_only=True, data_only=True)
        except InputError:
            self._fh.close()
            raise
        except _DAMAGED as exc:
            self._fh.close()
            raise damaged(path, exc) from exc
        self.percent_styles = _percent_styles(self.wb)
        self.hidden: dict[str, Hidden] = {}
        self.merges: dict[str, list[str]] = {}

    def __enter__(self) -> "Book":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.wb.close()
        finally:
            self._fh.close()

    @property
    def sheets(self):
        return self.wb.worksheets

    def rows(self, ws, max_row: int | None = None) -> Iterator[tuple[int, list[tuple]]]:
        """(row number, cells) for every stored row; cells are tuples (column, value,
        data_type, style_id), data_type NO_CACHE for a formula without cached value and
        DATE for a date. Tuples, not dicts: a 100,000-row sheet has a million cells."""
        wb = self.wb
        try:
            src = ws._get_source()
            parser = _CachedValueParser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                        date_formats=wb._date_formats,
                                        timedelta_formats=wb._timedelta_formats)
            parser.full_calc = self.full_calc
            parser.hidden_rows = set()
            it = parser.parse()
        except _DAMAGED as exc:
            raise damaged(self.path, exc, ws.title) from exc
        # only the parser runs inside this try: the consumer's code does not (a generator
        # never sees exceptions raised by the loop that iterates it)
        try:
            for idx, cells in it:
                if max_row is not None and idx > max_row:
                    return
                yield idx, cells
        except _DAMAGED as exc:
            raise damaged(self.path, exc, ws.title) from exc
        finally:
            src.close()
            self.hidden[ws.title] = Hidden(frozenset(parser.hidden_rows),
                                           frozenset(parser.hidden_columns()))
            merged = parser.merged_cells
            self.merges[ws.title] = [m.ref for m in merged.mergeCell] if merged else []


class ReadSheet:
    """A sheet whose rows were read already (what Book.rows gave), with the cells a caller
    chose: the county batch hands each unit's part of the county file on as one of these."""

    sheet_state = "visible"

    def __init__(self, title: str, rows: list[tuple[int, list[tuple]]],
                 hidden: Hidden = NOTHING_HIDDEN, merges: list[str] | None = None):
        self.title = title
        self.row_list = rows
        self.hidden = hidden
        self.merges = merges or []


class ReadBook:
    """Book's interface over ReadSheets, for the import: no file is opened or written."""

    def __init__(self, path: Path, sheets: list[ReadSheet], percent_styles: frozenset[int]):
        self.path = path
        self.sheets = sheets
        self.percent_styles = percent_styles
        self.hidden = {s.title: s.hidden for s in sheets}
        self.merges = {s.title: s.merges for s in sheets}

    def rows(self, ws: ReadSheet, max_row: int | None = None) -> Iterator[tuple[int, list[tuple]]]:
        for idx, cells in ws.row_list:
            if max_row is not None and idx > max_row:
                return
            yield idx, cells


def _percent_styles(wb) -> frozenset[int]:
    """Style ids whose number format shows a percentage."""
    out = set()
    for i, style in enumerate(getattr(wb, "_cell_styles", ())):
        fid = style.numFmtId
        if fid < BUILTIN_FORMATS_MAX_SIZE:
            fmt = BUILTIN_FORMATS.get(fid, "General")
        else:
            try:
                fmt = wb._number_formats[fid - BUILTIN_FORMATS_MAX_SIZE]
            except IndexError:
                continue
        if is_percent_format(fmt):
            out.add(i)
    return frozenset(out)
