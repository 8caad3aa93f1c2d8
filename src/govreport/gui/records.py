"""Plain records the presenter hands to the pages: where a finding sends the clerk, a finding
with its one-click fix, a figure to insert, a section's statistics.

Kept apart from presenter.py, which loads before the first page is shown: these are needed
only on later pages, and defining dataclasses costs milliseconds at start-up.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from govreport.model.findings import Finding
    from govreport.gui.reftext import Ref


@dataclass(frozen=True)
class Target:
    """Where a finding sends the clerk."""
    page: str
    section: str | None = None
    block: int | None = None
    indicator: str | None = None
    field: str | None = None
    quote: str | None = None      # the words concerned, selected where the editor shows them


@dataclass
class FindingItem:
    finding: "Finding"
    where: str
    target: Target | None
    fix: Callable[[], None] | None = None
    fix_label: str = ""

    @property
    def level_name(self) -> str:
        return self.finding.level_name


@dataclass(frozen=True)
class Choice:
    """A figure the clerk can insert at the cursor."""
    ref: "Ref"
    label: str
    value: str
    missing: bool
    theme: str


@dataclass
class SectionStats:
    chars: int
    length_min: int | None
    length_max: int | None
    levels: dict[int, int] = field(default_factory=dict)
    paragraphs: int = 0

    @property
    def summary(self) -> str:
        text = f"字数：{self.chars}"
        if self.length_min and self.length_max:
            text += f"（建议{self.length_min}–{self.length_max}字）"
        parts = [f"{['', '一', '二', '三', '四'][lv]}级标题{n}个" for lv, n in sorted(self.levels.items())]
        if self.paragraphs:
            parts.append(f"正文段落{self.paragraphs}个")
        return text + "　" + "，".join(parts)

    @property
    def out_of_range(self) -> bool:
        return bool((self.length_min and self.chars < self.length_min) or
                    (self.length_max and self.chars > self.length_max))
