"""The compiled report: final text in paragraphs with logical styles, ready to be written."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Run:
    text: str
    style: str | None = None     # logical style of a run-in heading sentence ("h2"), else None


@dataclass
class Para:
    style: str                   # body | h1..h4 | title | recipient | ...
    runs: list[Run] = field(default_factory=list)
    outline: int | None = None   # outline level for run-in headings kept in a body paragraph
    section: str | None = None   # where it came from, for findings and the ledger
    block: int | None = None

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Cell:
    text: str
    span: int = 1                # grid columns it covers
    rows: int = 1                # rows it covers, downwards


@dataclass
class PlacedCell:
    """A cell at its place in the table grid, as Word writes it: a cell covered by one above
    is written as a continuation (merge == "continue") with no text of its own."""
    text: str
    column: int
    span: int
    merge: str | None = None     # None | "restart" | "continue"


@dataclass
class Table:
    """A table in the report body, with header rows that repeat on each page."""
    widths: list[float]          # relative column widths
    aligns: list[str]            # per column: left | center | right
    header: list[list[Cell]]
    rows: list[list[Cell]]
    caption: str = ""
    section: str | None = None
    block: int | None = None
    size_pt: float | None = None # None: the layout's table size
    style = "table"              # not a paragraph style: lets code that walks the body tell

    @property
    def text(self) -> str:
        return "\n".join(" ".join(c.text for c in row) for row in self.header + self.rows)

    def cells(self) -> list[str]:
        """The caption and every cell's text, row by row."""
        return [t for t in [self.caption, *(c.text for row in self.header + self.rows
                                             for c in row)] if t]

    def grid(self) -> list[list[PlacedCell]]:
        """Every row, header rows first, with each cell placed on the column grid."""
        covered: dict[int, tuple[int, int]] = {}     # column -> (rows still covered, span)
        out = []
        for row in self.header + self.rows:
            placed: list[PlacedCell] = []
            col = 0
            cells = iter(row)

            def fill_covered() -> None:
                nonlocal col
                while col in covered:
                    left, span = covered[col]
                    placed.append(PlacedCell("", col, span, "continue"))
                    if left == 1:
                        del covered[col]
                    else:
                        covered[col] = (left - 1, span)
                    col += span

            fill_covered()
            for cell in cells:
                merge = None
                if cell.rows > 1:
                    covered[col] = (cell.rows - 1, cell.span)
                    merge = "restart"
                placed.append(PlacedCell(cell.text, col, cell.span, merge))
                col += cell.span
                fill_covered()
            out.append(placed)
        return out


@dataclass
class Appendix:
    """An attachment the program writes itself: the table of the year's figures."""
    label: str                   # 附件, or 附件2 when there are several
    title: str
    header: list[str]
    rows: list[list[str]]


@dataclass
class ReportDocument:
    title_lines: list[str]
    body: list[Para | Table]
    recipient: str = ""          # with its full-width colon
    attachments: list[str] = field(default_factory=list)
    signature: str = ""
    date_text: str = ""
    note: str = ""               # 附注, with its brackets
    variant: str = "public"
    fonts: str = ""
    doc_number: str = ""
    issuer: str = ""
    issuing_office: str = ""
    cc: str = ""
    printed_by: str = ""
    printed_on_text: str = ""
    appendix: Appendix | None = None   # after the 附注, on pages of its own (GB/T 9704 8.3)

    @property
    def title(self) -> str:
        return "".join(self.title_lines)

    def text_lines(self) -> list[str]:
        """Every paragraph's text in document order (used to compare builds)."""
        lines = list(self.title_lines)
        if self.recipient:
            lines.append(self.recipient)
        lines += [p.text for p in self.body]
        if self.attachments:
            lines.append("附件：" + "；".join(self.attachments))
        lines += [t for t in (self.signature, self.date_text, self.note) if t]
        return lines
