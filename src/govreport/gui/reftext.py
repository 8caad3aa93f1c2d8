"""Section text as the clerk sees it in the editor, and back.

The draft keeps live figure references (`{{ disputes_handled }}`); the editor shows each one as a
token 〖名称：值〗 with the figure's current value, so the clerk reads a sentence with its numbers.
Saving maps every token back to its reference, so a new workbook still updates the text.
Expressions a token cannot express (filters with arguments, `{% if %}`) stay as written.

Also here: how the core will read each line (heading level, run-in heading sentence), for the
editor's structure gutter.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from govreport.model.indicators import IndicatorSet
from govreport.text import blocks
from govreport.wording.references import FILTER_LABELS, REPORT_VARIABLES, Reference

OPEN, CLOSE, SEP = "〖", "〗", "："
TOKEN_RE = re.compile(r"〖([^〖〗：\n]{1,60})：([^〖〗\n]{0,40})〗")
EXPR_RE = re.compile(r"\{\{(.*?)\}\}")
MARKUP_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
# The report's own variables and the filters, as the clerk reads them (one owner: the grammar).
CONTEXT_LABELS = REPORT_VARIABLES
PREVIOUS_LABEL = "上年"
MISSING_VALUE = "缺"

_LABEL_RE = re.compile(r"^(?P<base>.+?)(?:（(?P<prev>上年)）)?(?:（(?P<filter>[^（）]+)）)?$")
_FILTER_BY_LABEL = {v: k for k, v in FILTER_LABELS.items()}
_CONTEXT_BY_LABEL = {v: k for k, v in CONTEXT_LABELS.items()}


# A token stands for a reference of the plain grammar without a filter argument
# ({{ x | pct(1) }} stays as written in the editor: a token has no place for the 1).
Ref = Reference


def token_ref(expr: str) -> Reference | None:
    ref = Reference.parse(expr)
    return ref if ref is not None and ref.arg is None else None


@dataclass(frozen=True)
class Token:
    """A token in the editor text: [start, end) offsets, its reference (None: not recognised)."""
    start: int
    end: int
    label: str
    value: str
    ref: Ref | None

    @property
    def missing(self) -> bool:
        return self.ref is not None and self.value == MISSING_VALUE


class RefCodec:
    """Turns source text into editor text and back, for one pack's indicators.

    `render(source) -> (text, missing)` gives a reference's current value; the presenter
    supplies it from the draft's figures.
    """

    def __init__(self, indicators: IndicatorSet, render: Callable[[str], tuple[str, bool]]):
        self.indicators = indicators
        self._render = render
        self._by_name = {ind.name: ind.id for ind in indicators}

    # --- labels ---------------------------------------------------------------------------
    def known(self, name: str) -> bool:
        return name in CONTEXT_LABELS or name in self.indicators

    def label(self, ref: Ref) -> str:
        base = CONTEXT_LABELS.get(ref.name) or self.indicators[ref.name].name
        if ref.previous:
            base += f"（{PREVIOUS_LABEL}）"
        if ref.filter:
            base += f"（{FILTER_LABELS[ref.filter]}）"
        return base

    def ref_of_label(self, label: str) -> Ref | None:
        candidates = [(label, None, False)]
        m = _LABEL_RE.match(label)
        if m:
            candidates.append((m.group("base"), m.group("filter"), bool(m.group("prev"))))
        for base, flabel, prev in candidates:
            filt = None
            if flabel is not None:
                filt = _FILTER_BY_LABEL.get(flabel)
                if filt is None:
                    continue
            name = _CONTEXT_BY_LABEL.get(base) or self._by_name.get(base)
            if name is None:
                continue
            if prev and name in CONTEXT_LABELS:
                continue
            return Ref(name, prev, filt)
        return None

    # --- values ---------------------------------------------------------------------------
    def value(self, ref: Ref) -> tuple[str, bool]:
        text, missing = self._render(ref.source)
        return (MISSING_VALUE, True) if missing else (text, False)

    def token_text(self, ref: Ref) -> str:
        return f"{OPEN}{self.label(ref)}{SEP}{self.value(ref)[0]}{CLOSE}"

    # --- conversion -----------------------------------------------------------------------
    def to_display(self, source: str) -> str:
        def repl(m: re.Match) -> str:
            ref = token_ref(m.group(1))
            if ref is None or not self.known(ref.name):
                return m.group(0)
            return self.token_text(ref)
        return EXPR_RE.sub(repl, source)

    def from_display(self, text: str) -> str:
        def repl(m: re.Match) -> str:
            ref = self.ref_of_label(m.group(1))
            return m.group(0) if ref is None else ref.source
        return TOKEN_RE.sub(repl, text)

    def tokens(self, text: str) -> list[Token]:
        out = []
        for m in TOKEN_RE.finditer(text):
            out.append(Token(m.start(), m.end(), m.group(1), m.group(2),
                             self.ref_of_label(m.group(1))))
        return out

    def refresh(self, text: str) -> str:
        """Editor text with every token's value brought up to date."""
        return self.to_display(self.from_display(text))


def raw_markup(text: str) -> list[tuple[int, int]]:
    """Spans of template markup typed as is ({{ }}, {% %}), shown differently in the editor."""
    return [(m.start(), m.end()) for m in MARKUP_RE.finditer(text)]


# --- how the core reads a line -------------------------------------------------------------

EMPTY = "empty"
LEVEL_NAMES = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}


@dataclass(frozen=True)
class LineReading:
    """What blocks.parse_line makes of an editor line, with offsets for highlighting.

    number: [number_start, number_end); heading sentence: [number_end, title_end);
    the rest of a run-in heading line is body text.
    """
    kind: str                      # blocks.HEADING | blocks.PARAGRAPH | blocks.TABLE | EMPTY
    level: int = 0
    number_start: int = 0
    number_end: int = 0
    title_end: int = 0
    run_in: bool = False

    @property
    def label(self) -> str:
        if self.kind == blocks.HEADING:
            return LEVEL_NAMES.get(self.level, "标题")
        if self.kind == blocks.TABLE:
            return "表格"
        return "正文" if self.kind == blocks.PARAGRAPH else ""


def read_line(line: str) -> LineReading:
    stripped = line.strip(blocks._BLANKS)
    if not stripped:
        return LineReading(EMPTY)
    block = blocks.parse_line(line)
    if block.kind == blocks.TABLE:
        return LineReading(blocks.TABLE)
    if block.kind != blocks.HEADING:
        return LineReading(blocks.PARAGRAPH)
    lead = len(line) - len(line.lstrip(blocks._BLANKS))
    _level, _written, _numeral, rest = blocks.detect(stripped)
    number_end = lead + len(stripped) - len(rest)
    rest_lead = len(rest) - len(rest.lstrip(blocks._BLANKS))
    title, body = blocks.split_run_in(rest.strip(blocks._BLANKS))
    title_end = number_end + rest_lead + len(title)
    return LineReading(blocks.HEADING, block.level, lead, number_end, title_end,
                       run_in=bool(body.strip(blocks._BLANKS)))


def nonempty_line_index(text: str, block: int) -> int | None:
    """The editor line (0-based) holding the section's block number `block`."""
    n = -1
    for i, line in enumerate(text.split("\n")):
        if line.strip(blocks._BLANKS):
            n += 1
            if n == block:
                return i
    return None


def count_chars(text: str) -> int:
    """Characters as a report length counts them: everything but whitespace."""
    return sum(1 for ch in text if not ch.isspace())
