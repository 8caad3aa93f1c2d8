"""Which indicator each cell of a grid table holds, by the indicators' grid keys.

A cell is an indicator's when both fit:
- the row: its own label (the last of the row's labels) is the key's last row label; each
  group label the sheet shows above it, if the pack knows that label at all, is one of the
  key's outer labels, in order. So "1.属于国家秘密" under （四）无法提供 is not the 1. under
  （三）不予公开; a bare "1." is taken only under its own group. A key without row labels
  (a table of one row) fits the grid's only row.
- the column: likewise, its lowest header label is the key's last, and the header labels the
  sheet shows above it, when known, are among the key's upper labels.
Labels are compared as written (exact), else loosely (statistics.labels.loose_key: width,
blanks, brackets, numbering), else without a trailing note in brackets ("（二）部分公开" for
"（二）部分公开（区分处理的，只计这一情形，不计其他情形）"). A cell two indicators fit is
bound to neither: the reader reports it as it does an ambiguous row label.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from govreport.model.indicators import IndicatorSet
from govreport.statistics import outline
from govreport.statistics.grid import Grid, GridColumn, grid_indicators, grid_key
from govreport.statistics.labels import EXACT, NORMALISED, clean_label
from govreport.statistics.values import parse_cell
from govreport.statistics.words import words
from govreport.statistics.xlsx import PERCENT
from govreport.text.numfmt import compact

_NOTE = re.compile(r"[（(][^（）()]*[）)]\s*$")
_BARE = "bare"     # the row's own label is only a number, fitting by its number


@dataclass(frozen=True)
class _Label:
    text: str
    key: str                          # loose key ("" for a bare number such as "1.")
    short: str                        # loose key without a trailing note in brackets
    mark: tuple[int, str] | None      # its leading number (depth, number)


@cache
def _label(text: str) -> _Label:
    text = clean_label(text)
    key = grid_key(text)
    short = grid_key(_NOTE.sub("", text)) or key
    return _Label(text, key, short, outline.marker(text))


def _same(a: _Label, b: _Label) -> str | None:
    if a.text == b.text:
        return EXACT
    if a.key and (a.key == b.key or a.short == b.short):
        return NORMALISED
    return None


def _fits(key: tuple[_Label, ...], seen: tuple[_Label, ...], known: frozenset[str]) -> str | None:
    """How the labels a sheet shows (seen, outer first) fit an indicator's (key)."""
    if not key or not seen:
        return None
    own, how = seen[-1], _same(key[-1], seen[-1])
    if how is None:
        if own.key or own.mark is None or own.mark != key[-1].mark:
            return None
        how = _BARE
    outer, at = key[:-1], 0
    for label in seen[:-1]:
        if label.key not in known and label.short not in known:
            continue            # a heading the pack does not know (单位：件, a unit's name)
        for j in range(at, len(outer)):
            if (h := _same(outer[j], label)) is not None:
                break
        else:
            return None         # a group of the pack, but not this indicator's
        if h != EXACT and how == EXACT:
            how = NORMALISED
        at = j + 1
    if how == _BARE:
        # a bare number says nothing by itself: its own group must stand right above it
        if len(seen) < 2 or not outer or _same(outer[-1], seen[-2]) is None:
            return None
        how = NORMALISED
    return how


@dataclass
class GridCell:
    source: str                       # "表二!D9"
    row: int
    caption: str                      # "1.属于国家秘密/商业企业", as the clerk is told
    raw: tuple | None                 # the reader's compact cell (value, flag)
    ids: tuple[str, ...]              # indicators that fit (one: bound; several: ambiguous)
    how: str


@dataclass
class GridReading:
    cells: list[GridCell]
    warnings: list[str]


@dataclass
class _Table:
    keys: dict[tuple[tuple[_Label, ...], tuple[_Label, ...]], list[str]]   # (row, column) -> ids
    rows: frozenset[str]              # every row label of the table, loosely
    columns: frozenset[str]


class GridIndex:
    """The grid keys of one indicator set, per table (built once per import)."""

    def __init__(self, indicators: IndicatorSet):
        by_table: dict[str, dict] = {}
        rows: dict[str, set[str]] = {}
        columns: dict[str, set[str]] = {}
        for fid, g in grid_indicators(indicators):
            r = tuple(_label(t) for t in g.row)
            c = tuple(_label(t) for t in g.column)
            by_table.setdefault(g.table, {}).setdefault((r, c), []).append(fid)
            rows.setdefault(g.table, set()).update(k for x in r for k in (x.key, x.short))
            columns.setdefault(g.table, set()).update(k for x in c for k in (x.key, x.short))
        self.tables = {t: _Table(keys, frozenset(rows[t] - {""}), frozenset(columns[t] - {""}))
                       for t, keys in by_table.items()}

    def _tables_of(self, grid: Grid) -> list[_Table]:
        """The pack's tables a grid is laid out like: the ones its headers name most."""
        seen = {k for col in grid.columns for t in col.path
                for k in (_label(t).key, _label(t).short)}
        scores = {t: len(seen & table.columns) for t, table in self.tables.items()}
        best = max(scores.values(), default=0)
        return [self.tables[t] for t, s in scores.items() if s == best and best > 0]

    def read(self, grid: Grid) -> GridReading:
        tables = self._tables_of(grid)
        ids_of: dict[tuple, list[str]] = {}          # (row key, column key) -> ids
        for t in tables:
            for key, ids in t.keys.items():
                ids_of.setdefault(key, []).extend(ids)
        known_rows = frozenset().union(*(t.rows for t in tables))
        known_cols = frozenset().union(*(t.columns for t in tables))
        col_captions = dict(zip((c.col for c in grid.columns),
                                _captions([c.path for c in grid.columns], "·")))
        row_captions = _captions([r.path for r in grid.rows], " ")
        warnings: list[str] = []
        fit_cols: dict[int, dict[tuple, str]] = {}      # column -> {column key: how}
        for col in grid.columns:
            path = tuple(_label(t) for t in col.path)
            fit_cols[col.col] = {c: how for c in {k[1] for k in ids_of}
                                 if (how := _fits(c, path, known_cols)) is not None}
            if not fit_cols[col.col] and not _skipped(col.path[-1]):
                warnings.append(f"{grid.sheet}!{col.header_cell}表头“{col_captions[col.col]}”"
                                f"在模板中没有对应的指标，这一列未读取")
        cells: list[GridCell] = []
        for i, row in enumerate(grid.rows):
            fit_rows = _fit_rows(grid, row.path, {k[0] for k in ids_of}, known_rows)
            for col in grid.columns:
                ids, how = [], EXACT
                for c, chow in fit_cols[col.col].items():
                    for r, rhow in fit_rows.items():
                        found = ids_of.get((r, c), ())
                        ids += found
                        if found and NORMALISED in (rhow, chow):
                            how = NORMALISED
                caption = "/".join(x for x in (row_captions[i], col_captions[col.col]) if x)
                cells.append(GridCell(f"{grid.sheet}!{grid.ref(row.row, col.col)}", row.row,
                                      caption, row.cells.get(col.col), tuple(dict.fromkeys(ids)),
                                      how))
        warnings += _totals(grid, row_captions, col_captions)
        return GridReading(cells, warnings)


def _fit_rows(grid: Grid, labels: tuple[str, ...], keys: set[tuple],
              known: frozenset[str]) -> dict[tuple, str]:
    """{row key: how} of the keys a row fits."""
    path = tuple(_label(t) for t in labels)
    # a key without row labels is a table of one row: it fits the grid's only row (or its
    # only row without a label, under a heading row of its own)
    one_row = len(grid.rows) == 1 or not path and sum(not r.path for r in grid.rows) == 1
    out = {}
    for key in keys:
        how = (EXACT if one_row else None) if not key else _fits(key, path, known)
        if how is not None:
            out[key] = how
    return out


def _skipped(header: str) -> bool:
    """A column of notes or of changes (备注, 同比增减), read by no table."""
    w = words()
    text = grid_key(header)
    return any(x in text for x in (*w.skip_words, *w.ignore_words))


def _captions(paths: list[tuple[str, ...]], sep: str) -> list[str]:
    """How a row or column is named in messages: its own label, or its labels from below the
    heading over all of them when its own label is not unique (结果维持 under 行政复议 and
    under 行政诉讼)."""
    own = [grid_key(p[-1]) if p else "" for p in paths]
    top = {p[0] for p in paths if p}
    spans_all = len(top) == 1 and all(len(p) > 1 for p in paths)
    out = []
    for p, k in zip(paths, own):
        if not p:
            out.append("")
        elif own.count(k) == 1:
            out.append(p[-1])
        else:
            out.append(sep.join(p[1:] if spans_all else p))
    return out


_NOT_A_NUMBER = object()


def _number(raw):
    """The number of a compact cell; None when blank; _NOT_A_NUMBER when it holds no number."""
    if raw is None:
        return None
    value, flag = raw
    if flag not in ("", PERCENT):
        return _NOT_A_NUMBER
    p = parse_cell(value, flag == PERCENT)
    return _NOT_A_NUMBER if p.problem else p.value


def _parts(key: tuple[str, ...], others: list[tuple[object, tuple[str, ...]]],
           totals: set[str]) -> list:
    """What a 总计 row or column adds up: the rows or columns under the same heading, those
    without rows or columns under them (a group's own row, if it has one, is no part)."""
    if not key or key[-1] not in totals:
        return []
    parent = key[:-1]
    under = [(at, k) for at, k in others if len(k) > len(parent) and k[:len(parent)] == parent]
    return [at for at, k in under if k[-1] not in totals
            and not any(len(k2) > len(k) and k2[:len(k)] == k for _at, k2 in under)]


def _totals(grid: Grid, row_captions: list[str], col_captions: dict[int, str]) -> list[str]:
    """A 总计 cell that is not the sum of the cells it totals: across its row, under the same
    column heading; down its column, under the same row group (（七）总计 of 三、本年度办理结果)."""
    totals = {grid_key(t) for t in words().total_words}
    col_keys = [(c.col, tuple(grid_key(t) for t in c.path)) for c in grid.columns]
    row_keys = [(i, tuple(grid_key(t) for t in r.path)) for i, r in enumerate(grid.rows)]
    out = []

    def check(i: int, col: int, parts: list, what: str) -> None:
        row = grid.rows[i]
        given = _number(row.cells.get(col))
        values = [_number(v) for v in parts]
        if given is None or given is _NOT_A_NUMBER or _NOT_A_NUMBER in values \
                or all(v is None for v in values):
            return
        summed = round(sum(v for v in values if v is not None), 9)
        if abs(summed - given) > 1e-6:
            name = "/".join(x for x in (row_captions[i], col_captions[col]) if x)
            out.append(f"{grid.sheet}!{grid.ref(row.row, col)}（{name}）为{compact(given)}，"
                       f"{what}相加为{compact(summed)}，请核对")

    for col, key in col_keys:
        if parts := _parts(key, col_keys, totals):
            for i, row in enumerate(grid.rows):
                check(i, col, [row.cells.get(c) for c in parts], "各列")
    for i, key in row_keys:
        if parts := _parts(key, row_keys, totals):
            for col, _key in col_keys:
                check(i, col, [grid.rows[j].cells.get(col) for j in parts], "各行")
    return out
