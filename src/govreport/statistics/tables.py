"""Finding the tables of a sheet: header rows, the label column and the year columns.

A header row has a short cell naming the label column (指标/项目/名称/事项/内容) and, in that
row or the header row just above or below it, value columns (本年/上年/2024年/本月/累计/数值 ...).
Header cells merged across several columns hold their text in the first one only; openpyxl's
read-only mode does not know the merges before the whole sheet is read, so a group header
such as "2024年" over "本月 | 累计" is carried to the right until the next group header.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from govreport.statistics.words import words

YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_SPACE = re.compile(r"\s+")

LABEL, UNIT, SKIP, IGNORE, VALUE = "label", "unit", "skip", "ignore", "value"
CURRENT, PREVIOUS, PERIOD, PLAIN, YEAR = "current", "previous", "period", "plain", "year"


@dataclass(frozen=True)
class Header:
    """What one header text says about its column."""
    role: str                   # label | unit | skip | ignore | value
    kind: str = ""              # for values: current | previous | period | plain | year
    year: int | None = None
    cumulative: bool = False
    priority: int = 0           # for labels: index in label_words (lower is better)


@dataclass
class Column:
    col: int
    header: str
    kind: str
    year: int | None
    cumulative: bool


@dataclass
class Table:
    sheet: str
    header_row: int
    label_col: int
    label_span: tuple[int, ...]          # label column and the unlabelled columns right of it
    unit_col: int | None
    columns: list[Column]
    title_year: int | None = None
    records: list = field(default_factory=list)
    current: Column | None = None
    previous: Column | None = None
    carry: dict = field(default_factory=dict)   # last category text per label-span column

    @property
    def wanted(self) -> frozenset[int]:
        return frozenset(set(self.label_span) | {c.col for c in self.columns})

    @property
    def names_its_columns(self) -> bool:
        """Its value columns say which year they hold (not just 数值/完成情况)."""
        return any(c.kind != PLAIN or c.year is not None for c in self.columns)

    def years(self) -> set[int]:
        return {c.year for c in self.columns if c.year is not None}


def norm_text(value: str) -> str:
    """A header text as classify() compares it: half-width, without blanks."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", value))


def row_texts(cells: list[tuple]) -> dict[int, str] | None:
    """The texts of a row made only of text (and bare years like 2024), else None.

    Called on every row, so it gives up at the first number: data rows cost almost nothing.
    """
    for c in cells:
        v = c[1]
        if v is not None and type(v) is not str and not (type(v) is int and 1990 <= v <= 2100):
            return None
    out: dict[int, str] = {}
    years = 0
    for c in cells:
        v = c[1]
        if v is None:
            continue
        if type(v) is str:
            t = _SPACE.sub("", unicodedata.normalize("NFKC", v))
            if t:
                out[c[0]] = t
        else:
            out[c[0]] = str(v)
            years += 1
    if years == 1 and not any(not t.isdigit() and _value_like(t) for t in out.values()):
        return None     # "项目支出 | 2024": a data row whose value looks like a year
    return out


def _value_like(t: str) -> bool:
    h = classify(t)
    return h is not None and h.role == VALUE


def has_label_cell(texts: dict[int, str]) -> bool:
    w = words()
    return any(len(t) <= w.max_label_len and any(x in t for x in w.label_words)
               for t in texts.values())


def classify(t: str) -> Header | None:
    """What a (normalised) header text says; None for text that is no known header."""
    w = words()
    if not t or len(t) > w.max_header_len:
        return None
    if any(x in t for x in w.ignore_words):
        return Header(IGNORE)
    m = YEAR_RE.search(t)
    year = int(m.group(1)) if m else None
    prev = any(x in t for x in w.previous_words) or any(x in t for x in w.previous_phrases)
    cur = any(x in t for x in w.current_words)
    period = any(x in t for x in w.period_words)
    plain = any(x in t for x in w.plain_words)
    cumulative = any(x in t for x in w.cumulative_words)
    if year is None and not (prev or cur or period or plain):
        if len(t) <= w.max_label_len:
            for i, x in enumerate(w.label_words):
                if x in t:
                    return Header(LABEL, priority=i)
        if (t in w.unit_words or t.startswith(w.unit_words)) and len(t) <= 8:
            return Header(UNIT)
        if any(x in t for x in w.skip_words):
            return Header(SKIP)
        return None
    if any(x in t for x in w.skip_words) and not (year or prev or cur):
        return Header(SKIP)
    kind = PREVIOUS if prev else CURRENT if cur else PERIOD if period else \
        YEAR if year is not None else PLAIN
    return Header(VALUE, kind, year, cumulative)


def _fill_right(row: dict[int, str], under: dict[int, str], first_col: int) -> dict[int, str]:
    """Carry group headers (merged across columns) right, over the columns below them."""
    if not row:
        return row
    out = dict(row)
    last = None
    right = max(max(under, default=0), max(row))
    for col in range(first_col, right + 1):
        if col in row:
            h = classify(row[col])
            last = row[col] if h is not None and h.role == VALUE else None
        elif last is not None and col in under:
            out[col] = last
    return out


def label_column(texts: dict[int, str]) -> int | None:
    """The column a header row names as the row labels (指标 before 项目 before 名称 ...)."""
    labels = [(h.priority, col) for col, t in texts.items()
              if (h := classify(t)) is not None and h.role == LABEL]
    return min(labels)[1] if labels else None


def build_table(sheet: str, row: int, texts: dict[int, str],
                upper: dict[int, str] | None = None,
                lower: dict[int, str] | None = None) -> Table | None:
    """The table whose header row is `row` (texts), with the header rows around it if any."""
    label_col = label_column(texts)
    if label_col is None:
        return None
    band = dict(texts)
    if lower:
        band = _fill_right(band, lower, label_col + 1)
    if upper:
        below = {**band, **(lower or {})}
        up = _fill_right({c: t for c, t in upper.items() if c > label_col}, below, label_col + 1)
        for col, t in up.items():
            if col in below:
                band[col] = t + band.get(col, "")
    for col, t in (lower or {}).items():
        band[col] = band.get(col, "") + t
    columns: list[Column] = []
    unit_col = None
    named = set()
    for col in sorted(band):
        if col == label_col:
            continue
        h = classify(band[col])
        if h is None:
            continue
        named.add(col)
        if h.role == UNIT and unit_col is None:
            unit_col = col
        elif h.role == VALUE:
            columns.append(Column(col, band[col], h.kind, h.year, h.cumulative))
    if not columns:
        return None
    span = [label_col]
    right_edge = min([c for c in named if c > label_col], default=label_col + 3)
    for col in range(label_col + 1, min(right_edge, label_col + 3)):
        if col not in band:
            span.append(col)
    return Table(sheet, row, label_col, tuple(span), unit_col, columns)


def build_tables(sheet: str, row: int, texts: dict[int, str],
                 upper: dict[int, str] | None = None,
                 lower: dict[int, str] | None = None) -> list[Table]:
    """The tables a header row starts: one, or several side by side when the label header
    repeats along the row ("指标 | 2024年 | 2023年 | 指标 | 2024年 | 2023年", a 台账 laid out
    in two blocks to fit the page)."""
    label_col = label_column(texts)
    if label_col is None:
        return []
    starts = sorted(c for c, t in texts.items() if t == texts[label_col] and c >= label_col)
    if len(starts) == 1:
        table = build_table(sheet, row, texts, upper, lower)
        return [table] if table is not None else []
    tables = []
    for lo, hi in zip(starts, starts[1:] + [1 << 30]):
        def part(d: dict[int, str] | None) -> dict[int, str] | None:
            return {c: t for c, t in d.items() if lo <= c < hi} or None if d else None
        table = build_table(sheet, row, part(texts) or {}, part(upper), part(lower))
        if table is not None:
            tables.append(table)
    return tables


def is_upper_header(texts: dict[int, str], label_col: int) -> bool:
    """A row of group headers above the header row (e.g. 2024年 | 2023年 over 本月 | 累计)."""
    if not texts or min(texts) <= label_col:
        return False
    return all((h := classify(t)) is not None and h.role in (VALUE, IGNORE, SKIP)
               for t in texts.values())


def is_lower_header(texts: dict[int, str], label_col: int) -> bool:
    """A row of sub-headers below the header row (e.g. 本月 | 累计 under 2024年)."""
    if not texts or label_col in texts:
        return False
    hs = [classify(t) for t in texts.values()]
    return any(h is not None and h.role == VALUE for h in hs) and \
        not any(h is not None and h.role == LABEL for h in hs)


def _best(cols: list[Column]) -> Column | None:
    # cumulative (本年累计, 1-12月) before a single month; then the leftmost column
    return min(cols, key=lambda c: (not c.cumulative, c.col)) if cols else None


def choose_columns(table: Table, year: int | None) -> None:
    """Set table.current and table.previous for the report year (None: no year known)."""
    cols = table.columns
    cur = None
    if year is not None:
        cur = _best([c for c in cols if c.year == year and c.kind != PREVIOUS])
    if cur is None:
        for kind in (CURRENT, PLAIN, PERIOD):
            cur = _best([c for c in cols if c.year is None and c.kind == kind])
            if cur is not None:
                break
    prev = None
    if year is not None:
        prev = _best([c for c in cols if c.year == year - 1 and c is not cur])
    if prev is None:
        prev = _best([c for c in cols if c.year is None and c.kind == PREVIOUS and c is not cur])
    table.current, table.previous = cur, prev
