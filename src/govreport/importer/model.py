"""What an import produces: the draft, and a report of where every line of the source went."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from govreport.model.draft import Draft
from govreport.model.findings import Finding

# Where every line of the source went: the reader's fates (a section id, or blank, debris, a field).
from govreport.reading.fates import (  # noqa: E402,F401
    ATTACHMENT, BLANK, CLOSING, COLOPHON, DATE, DEBRIS, DEST_NAMES, FIELDS, HEADER, NOTE, RECIPIENT,
    SIGNATURE, TITLE, LineFate,
)


@dataclass
class HeadingMap:
    no: int             # line number of the level-1 heading
    text: str           # the heading as written, e.g. 二、存在的问题与不足
    section: str        # the pack section it went to
    how: str            # 关键词“问题”“不足” / 无法归类 / ...


@dataclass
class FigureReplacement:
    """A number of the old text turned into a live figure reference."""
    indicator: str
    name: str           # the indicator's Chinese name
    section: str
    block: int
    part: str           # "title" | "text" of the block
    old: str            # the number as written: 128 / 100余 / 95%以上
    value: float
    reference: str      # {{ disputes_handled }} / {{ leaflets | approx }}
    quote: str          # the phrase it was found in: 调处各类矛盾纠纷128起


@dataclass
class Replacement:
    """A change the year roll-forward proposes; shown to the clerk before it is applied."""
    kind: str           # year | date | placeholder | unit | stale | title
    where: str          # a section id, or the draft field: title | date | signature
    block: int | None   # block index within the section
    part: str           # "title" | "text" of the block, "" for a draft field
    start: int
    end: int
    old: str
    new: str
    reason: str
    auto: bool = True   # applied by --roll-forward; False: a suggestion the clerk decides on
    quote: str = ""
    applied: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ImportReport:
    source_name: str
    source_kind: str                    # pasted | txt | docx
    total_chars: int                    # visible characters in the source
    chars: dict[str, int]               # visible characters per destination
    lines: list[LineFate]
    headings: list[HeadingMap]
    title: str | None = None
    recipient: str = ""
    signature: str = ""
    date: str | None = None             # ISO, as found in the source
    closing: str | None = None
    note: str = ""
    header: dict[str, str] = field(default_factory=dict)   # 上报件 版头/版记 fields found
    unit: str = ""
    unit_how: str = ""                  # 命令行指定 / 由标题判断 ...
    report_year: int | None = None      # the year the old report covers
    report_year_how: str = ""
    year: int = 0                       # the new draft's year
    figures: list[FigureReplacement] = field(default_factory=list)
    figures_skipped: list[str] = field(default_factory=list)
    proposals: list[Replacement] = field(default_factory=list)
    roll_forward_applied: bool = False
    last_plans: list[str] = field(default_factory=list)   # old plans = this year's work
    notes: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def debris(self) -> list[LineFate]:
        return [f for f in self.lines if f.dest == DEBRIS]

    def accounted(self) -> int:
        return sum(self.chars.values())

    def section_chars(self, sid: str) -> int:
        return self.chars.get(sid, 0)

    def lines_to(self, dest: str) -> list[LineFate]:
        return [f for f in self.lines if f.dest == dest]

    def to_dict(self) -> dict:
        """Plain data (for the wizard, or a JSON log of the import)."""
        return asdict(self)


@dataclass
class ImportResult:
    draft: Draft
    report: ImportReport
