"""Findings: what the build, the import and the checks tell the user about a report."""
from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"

LEVEL_NAMES = {ERROR: "错误", WARNING: "警告", INFO: "提示"}
_RANK = {INFO: 0, WARNING: 1, ERROR: 2}


@dataclass(frozen=True)
class Finding:
    level: str              # error | warning | info
    code: str               # stable id, e.g. "figure-missing"; users switch checks off by it
    message: str            # Chinese, one line
    section: str | None = None     # section id
    block: int | None = None       # index of the block within the section
    quote: str | None = None       # short quote of the text concerned
    suggestion: str | None = None  # Chinese, what to do
    indicator: str | None = None   # the indicator (figure) it is about, by id
    field: str | None = None       # the draft field it is about: date, recipient, signature …

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.level]

    def to_dict(self) -> dict:
        return asdict(self)


def where(f: Finding, pack_id: str | None = None) -> str:
    """Where a finding is, for people: the section's short name (全文 for none) and paragraph."""
    from govreport.model.pack import DEFAULT_PACK, section_short_name
    place = section_short_name(f.section, pack_id or DEFAULT_PACK)
    if f.block is not None:
        place += f"第{f.block + 1}段"
    return place


def needs_attention(findings: list[Finding]) -> bool:
    """True when the user must see the findings (CLI exit code 1)."""
    return any(_RANK[f.level] >= _RANK[WARNING] for f in findings)


def sort_key(f: Finding) -> tuple:
    return (-_RANK[f.level], f.section or "", f.block if f.block is not None else -1)
