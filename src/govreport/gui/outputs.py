"""Where files go: names from the pack, a free name when the target is locked."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govreport.model.draft import Draft
    from govreport.model.pack import TemplatePack


def report_name(draft: "Draft", pack: "TemplatePack") -> str:
    """'清溪镇2024年法治政府建设年度报告.docx'; just the report's name while the unit is empty."""
    if not draft.unit.strip():
        return f"{pack.report_name}.docx"
    return pack.output_stem(draft.unit.strip(), draft.year) + ".docx"


def draft_name(draft: "Draft", pack: "TemplatePack") -> str:
    unit = draft.unit.strip()
    if not unit:
        return "报告草稿.json"
    return f"{pack.output_stem(unit, draft.year)}（草稿）.json"


def alternative_path(path: Path) -> Path:
    """The first free 'name（2）.docx', 'name（3）.docx' ... beside path."""
    path = Path(path)
    for n in range(2, 1000):
        cand = path.with_name(f"{path.stem}（{n}）{path.suffix}")
        if not cand.exists():
            return cand
    return path.with_name(f"{path.stem}（新）{path.suffix}")


def with_suffix(path: Path | str, suffix: str) -> Path:
    path = Path(path)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
