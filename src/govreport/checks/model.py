"""The common input of every check: a report as parts of paragraphs, and what a check returns."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from govreport.model.findings import Finding

QUOTE_LEN = 16


@dataclass
class Paragraph:
    text: str
    # Where findings point: the draft block index for a draft; the paragraph's position
    # within its part (0-based) for a .docx/.txt.
    block: int | None
    # A cell of a table in the body: checked for gaps and figures, never as a sentence
    # (no full stop, numbering or year rules apply to "2023年" in a header cell).
    cell: bool = False


@dataclass
class Part:
    """One level-1 part of the report (the preamble is the unnumbered part before 一、)."""
    id: str                        # pack section id: preamble, achievements, shortcomings ...
    heading: str = ""              # the level-1 heading as written; "" for the preamble
    paragraphs: list[Paragraph] = field(default_factory=list)
    covers: tuple[str, ...] = ()   # further section ids a merged heading covers
    name: str = ""                 # how messages name the part

    @property
    def ids(self) -> tuple[str, ...]:
        return (self.id, *self.covers)

    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def prose(self) -> list[Paragraph]:
        """The paragraphs that are sentences (not table cells)."""
        return [p for p in self.paragraphs if not p.cell]


@dataclass
class ReportText:
    """A report from a draft (compiled text), a .docx or a .txt, ready to be checked."""
    kind: str                          # draft | docx | txt
    pack: object                       # TemplatePack
    settings: object                   # checks.config.Settings
    parts: list[Part] = field(default_factory=list)
    title: str = ""
    recipient: str = ""
    signature: str = ""
    date: dt.date | None = None        # 成文日期
    year: int | None = None            # report year
    year_source: str = ""              # where the year came from, for messages
    path: Path | None = None
    figures: object | None = None      # FigureSet to compare figures against, if any
    workbook_year: int | None = None
    draft: object | None = None        # the Draft, when checking one
    today: dt.date = field(default_factory=dt.date.today)
    notes: list[Finding] = field(default_factory=list)   # from reading/compiling the source

    def part(self, sid: str) -> Part | None:
        return next((p for p in self.parts if sid in p.ids), None)

    def body_text(self) -> str:
        return "\n".join(p.text() for p in self.parts)

    def index_of(self, part: Part | None) -> int | None:
        if part is None:
            return None
        for i, p in enumerate(self.parts):
            if p is part:
                return i
        return None


@dataclass(frozen=True)
class Fix:
    """A mechanical one-click fix: a function from the block's text to the fixed text.

    For a draft the text is the block as the clerk wrote it (Block.to_text(), numbering
    included); for a .docx/.txt it is the paragraph text.
    """
    label: str                       # Chinese, e.g. 改为“（三）”
    apply: Callable[[str], str]


@dataclass(frozen=True)
class CheckResult:
    finding: Finding
    fix: Fix | None = None
    part: int | None = None          # index into ReportText.parts (tells apart parts sharing an id)

    @property
    def fixable(self) -> bool:
        return self.fix is not None


def quote(text: str, start: int = 0, end: int | None = None, width: int = QUOTE_LEN) -> str:
    """A short quote around text[start:end], for the finding's location."""
    end = start if end is None else end
    if end - start >= width:
        return text[start:start + width]
    pad = (width - (end - start)) // 2
    a = max(0, start - pad)
    b = min(len(text), a + width)
    a = max(0, b - width)
    return text[a:b]


class Emitter:
    """Builds CheckResults for one check: the finding's code is the check's id."""

    def __init__(self, report: ReportText, code: str):
        self.report = report
        self.code = code
        self.results: list[CheckResult] = []

    def add(self, level: str, message: str, part: Part | None = None,
            para: Paragraph | None = None, quote: str | None = None,
            suggestion: str | None = None, fix: Fix | None = None, *,
            indicator: str | None = None, field: str | None = None) -> None:
        f = Finding(level, self.code, message,
                    section=part.id if part else None,
                    block=para.block if para else None,
                    quote=quote, suggestion=suggestion, indicator=indicator, field=field)
        self.results.append(CheckResult(f, fix, self.report.index_of(part)))
