"""Two-way (grid) tables: a sheet laid out like a published table, read cell by cell.

A grid table has header rows naming its columns (merged cells spread over the columns below
them: 申请人情况 › 法人或其他组织 › 商业企业), row labels in one or more columns at the left
(a group merged down over its sub-rows, written only on its first row, written in a row of its
own, or in the same cell as its first sub-row), and a figure in every other cell.

It is recognised by its header: a row of text naming at least two columns of the pack's grid
indicators (GridWords), or a column group with such a row under it. During the one pass over a
sheet, GridCollector keeps each grid's rows; the sheet's merged cells follow its rows in the
file, so build() runs after the pass and gives every data cell the labels of its row and of
its column.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from govreport.model.indicators import GridKey, IndicatorSet
from govreport.statistics import outline
from govreport.statistics.labels import clean_label, loose_key
from govreport.statistics.words import words


def grid_indicators(indicators: IndicatorSet) -> Iterator[tuple[str, GridKey]]:
    """(id, grid key) of the indicators that sit in a two-way table."""
    for ind in indicators:
        if ind.grid is not None and ind.grid.column:
            yield ind.id, ind.grid


def grid_key(text: str) -> str:
    """A grid label as compared loosely (width, blanks, brackets, numbering ignored)."""
    return loose_key(text)


@dataclass(frozen=True)
class GridWords:
    """The column labels of the pack's grid indicators, per table, as loose keys."""
    columns: dict[str, frozenset[str]]     # table -> every column label, any header row
    groups: dict[str, frozenset[str]]      # table -> labels only ever above another label
    totals: frozenset[str]

    @classmethod
    def of(cls, indicators: IndicatorSet) -> "GridWords | None":
        """None when no indicator has a grid key: then nothing of this module runs."""
        columns: dict[str, set[str]] = {}
        uppers: dict[str, set[str]] = {}
        leaves: dict[str, set[str]] = {}
        for _id, g in grid_indicators(indicators):
            keys = [grid_key(c) for c in g.column]
            columns.setdefault(g.table, set()).update(keys)
            uppers.setdefault(g.table, set()).update(keys[:-1])
            leaves.setdefault(g.table, set()).add(keys[-1])
        if not columns:
            return None
        totals = frozenset(grid_key(t) for t in words().total_words)
        return cls({t: frozenset(k - {""}) for t, k in columns.items()},
                   {t: frozenset(uppers.get(t, set()) - leaves[t] - {""}) for t in columns},
                   totals)

    def hits(self, texts: dict[int, str]) -> dict[str, dict[int, str]]:
        """Per table, the cells of a header row that name one of its column labels."""
        out: dict[str, dict[int, str]] = {}
        for col, text in texts.items():
            key = grid_key(text)
            for table, keys in self.columns.items():
                if key in keys:
                    out.setdefault(table, {})[col] = key
        return out

    def opens(self, texts: dict[int, str]) -> bool:
        """A row that starts a grid table's header: two of its cells name a table's columns
        (one is not enough: 其他 and 合计 are row labels too)."""
        return any(sum(k not in self.totals for k in hit.values()) >= 2
                   for hit in self.hits(texts).values())

    def names_group(self, texts: dict[int, str]) -> bool:
        """A row naming a group of columns (申请人情况): a grid's top header row when the row
        below it names columns, else a row label (行政复议 in a label/value table)."""
        return any(self.groups[table] & set(hit.values())
                   for table, hit in self.hits(texts).items())


@dataclass
class RawGrid:
    """The rows of one grid table as the parser gave them, until the merges are known."""
    sheet: str
    header: list[tuple[int, list[tuple]]] = field(default_factory=list)
    data: list[tuple[int, list[tuple]]] = field(default_factory=list)
    named_cols: set[int] = field(default_factory=set)    # header cells naming a known column


class GridCollector:
    """Keeps the rows of a sheet's grid tables during the pass (see _SheetScan.run).

    feed() says whether a row belongs to a grid table: those rows are not read as rows of a
    label/value table. A grid ends at an empty row after its data, at the header of another
    grid, or at the header of a label/value table (is_table_header)."""

    def __init__(self, gwords: GridWords, sheet: str, is_table_header):
        self.words = gwords
        self.sheet = sheet
        self.is_table_header = is_table_header
        self.grids: list[RawGrid] = []
        self.open: RawGrid | None = None
        self.last_row = 0
        self.group_row: tuple[int, list[tuple], dict[int, str]] | None = None

    def feed(self, idx: int, cells: list[tuple], texts: dict[int, str] | None) -> bool:
        g = self.open
        gap = idx > self.last_row + 1
        self.last_row = idx
        if g is None:
            above, self.group_row = self.group_row, None
            if not texts:
                return False
            adjacent = above is not None and above[0] == idx - 1
            if self.words.opens(texts) or adjacent and self._named(texts):
                if adjacent:
                    self._start(*above)         # the group row above is the top header row
                    self.open.header.append((idx, cells))
                    self.open.named_cols.update(self._named(texts))
                else:
                    self._start(idx, cells, texts)
                return True
            if self.words.names_group(texts):
                self.group_row = (idx, cells, texts)    # decided by the row below it
            return False
        if not g.data:
            # a lower header row names columns within the header's width (a row label such as
            # （七）总计 left of it is data)
            named = {c for c in self._named(texts) if c >= min(g.named_cols)} if texts else ()
            if named:
                g.header.append((idx, cells))
                g.named_cols.update(named)
                return True
            if not texts and texts is not None:
                return True                 # an empty row inside the header
        elif gap or (texts is not None and not texts):
            self.open = None                # an empty row after the data ends the table
            return self.feed(idx, cells, texts) if texts else False
        elif texts:
            named = self._named(texts)
            if any(c >= min(g.named_cols) for c in named) and (
                    self.words.opens(texts) or self.words.names_group(texts)) \
                    or named and min(named) >= min(g.named_cols) and self._repeats(texts):
                self._start(idx, cells, texts)     # the next grid (or the next part of one)
                return True
            if self.is_table_header(texts):
                self.open = None
                return False
        g.data.append((idx, cells))
        return True

    def _named(self, texts: dict[int, str]) -> set[int]:
        return {c for hit in self.words.hits(texts).values() for c in hit}

    def _repeats(self, texts: dict[int, str]) -> bool:
        # published table A repeats its header between parts (信息内容 | 本年处理决定数量): a row
        # whose text right of the labels is all header words starts the next part
        g = self.open
        right = {c: t for c, t in texts.items() if c >= min(g.named_cols)}
        return bool(right) and set(right) <= self._named(texts)

    def _start(self, idx: int, cells: list[tuple], texts: dict[int, str]) -> None:
        self.open = RawGrid(self.sheet, [(idx, cells)], [], self._named(texts))
        self.grids.append(self.open)


# --- after the pass: the labels of every cell ---------------------------------------------------

@dataclass
class GridColumn:
    col: int
    path: tuple[str, ...]         # header labels, top down
    header_cell: str              # where its lowest label is written, e.g. "D3"


@dataclass
class GridRow:
    row: int
    path: tuple[str, ...]         # row labels, outer group first
    cells: dict[int, tuple | None]   # data column -> compact cell (value, flag) or None


@dataclass
class Grid:
    sheet: str
    header_row: int               # the first header row
    label_cols: tuple[int, ...]
    columns: list[GridColumn]
    rows: list[GridRow]

    def ref(self, row: int, col: int) -> str:
        return f"{get_column_letter(col)}{row}"


class _Sheet:
    """Cell texts of a grid's rows with merged cells spread over what they cover."""

    def __init__(self, rows: list[tuple[int, list[tuple]]], merges: list[str]):
        self.own: dict[tuple[int, int], str] = {}
        for idx, cells in rows:
            for c in cells:
                v = c[1]
                if type(v) is str and v.strip():
                    self.own[idx, c[0]] = clean_label(v)
        self.covered: dict[tuple[int, int], tuple[int, int]] = {}
        if not rows:
            return
        lo, hi = rows[0][0], rows[-1][0]
        right = max((c[0] for _i, cells in rows for c in cells), default=1)
        for ref in merges:
            try:
                c0, r0, c1, r1 = range_boundaries(ref)
            except (ValueError, TypeError):
                continue
            if r1 < lo or r0 > hi or c0 > right:
                continue
            for r in range(max(r0, lo), min(r1, hi) + 1):
                for c in range(c0, min(c1, right) + 1):
                    if (r, c) != (r0, c0):
                        self.covered[r, c] = (r0, c0)

    def text(self, r: int, c: int) -> tuple[str | None, tuple[int, int]]:
        """(text, the cell it is written in) of a cell, through its merge."""
        t = self.own.get((r, c))
        if t is not None:
            return t, (r, c)
        at = self.covered.get((r, c))
        if at is not None:
            return self.own.get(at), at
        return None, (r, c)

    def is_covered(self, r: int, c: int) -> bool:
        return (r, c) in self.covered


def _same_label(a: str, b: str) -> bool:
    return a == b or grid_key(a) == grid_key(b) != ""


def _dedupe(path: list[tuple[str, tuple[int, int]]]) -> list[tuple[str, tuple[int, int]]]:
    """(label, cell written in) pairs, a label repeated by its merged cells once: a cell
    merged down (自然人 over two header rows) or across (（七）总计 over two label columns)
    is one label, however many cells it covers."""
    out: list[tuple[str, tuple[int, int]]] = []
    for text, at in path:
        if not (out and _same_label(out[-1][0], text)):
            out.append((text, at))
    return out


def build(raw: RawGrid, merges: list[str], compact) -> Grid | None:
    """The grid's columns and rows with their labels; compact(cell) -> (value, flag) | None."""
    sheet = _Sheet(raw.header + raw.data, merges)
    band = [idx for idx, _cells in raw.header]
    first = min(raw.named_cols)
    right = max([c for (r, c) in sheet.own if r in band] +
                [c for (r, c) in sheet.covered if r in band] + [first])
    columns = _columns(sheet, band, first, right)
    if not columns:
        return None
    wanted = {c.col for c in columns}
    label_cols = tuple(sorted({c for (r, c) in [*sheet.own, *sheet.covered]
                               if c < first and r not in band}))
    rows = _rows(sheet, raw.data, label_cols, wanted, compact)
    return Grid(raw.sheet, band[0], label_cols, columns, rows)


def _columns(sheet: _Sheet, band: list[int], first: int, right: int) -> list[GridColumn]:
    below: dict[int, set[int]] = {}          # header row -> columns with a label under it
    for i, r in enumerate(band):
        below[r] = {c for rr in band[i + 1:] for c in range(first, right + 1)
                    if (t := sheet.text(rr, c))[0] is not None and t[1][0] > r}
    paths: dict[int, list[tuple[str, tuple[int, int]]]] = {c: [] for c in range(first, right + 1)}
    for r in band:
        group: tuple[str, tuple[int, int]] | None = None
        for c in range(first, right + 1):
            text, at = sheet.text(r, c)
            if text is not None:
                # a label with labels under it spreads right, over the columns that have
                # labels under them too (the clerk centred it across them without merging)
                group = (text, at) if c in below[r] else None
                paths[c].append((text, at))
            elif group is not None and not sheet.is_covered(r, c) and c in below[r]:
                paths[c].append(group)
            else:
                group = None
    out = []
    for c, path in paths.items():
        path = _dedupe(path)
        # a lowest label merged across columns (本年处理决定数量 over B:D) names one column,
        # the first it covers
        if path and path[-1][1][1] == c:
            at = path[-1][1]
            out.append(GridColumn(c, tuple(t for t, _ in path),
                                  f"{get_column_letter(at[1])}{at[0]}"))
    return out


def _rows(sheet: _Sheet, data: list[tuple[int, list[tuple]]], label_cols: tuple[int, ...],
          wanted: set[int], compact) -> list[GridRow]:
    carry: dict[int, str | None] = {}
    stack: list[str] = []        # the previous row's labels, for a group in a row of its own
    out = []
    for idx, cells in data:
        texts: list[str] = []
        fresh = False            # a label written on this row, in a column left of this one
        for c in label_cols:
            own = sheet.own.get((idx, c))
            if own is not None:
                text, fresh = own, True
            elif sheet.is_covered(idx, c):
                text = sheet.text(idx, c)[0]
            else:
                # the group written only on its first row, unless a label left of it starts
                # a new group on this row
                text = None if fresh else carry.get(c)
            carry[c] = text
            if text:
                texts.extend(outline.split(text))
        path = [t for i, t in enumerate(texts) if not (i and _same_label(texts[i - 1], t))]
        lead = outline.depth(path[0]) if path else None
        if lead is not None:
            # "1.属于国家秘密" under a "（三）不予公开" written in a row of its own above
            path = [t for t in stack if (d := outline.depth(t)) is not None and d < lead] + path
        if path:
            stack = path
        values = {c[0]: compact(c) for c in cells if c[0] in wanted}
        if not path and not any(v is not None for v in values.values()):
            continue
        out.append(GridRow(idx, tuple(path), {c: values.get(c) for c in sorted(wanted)}))
    return out
