"""Where files go: the report beside the draft, a free name when the target is locked."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govreport.draft import Draft


def report_name(draft: "Draft") -> str:
    from govreport.service import default_output_name
    if not draft.unit.strip():
        return "法治政府建设年度报告.docx"
    return default_output_name(draft)


def draft_name(draft: "Draft") -> str:
    unit = draft.unit.strip()
    if not unit:
        return "报告草稿.json"
    return f"{unit}{draft.year}年法治政府建设年度报告（草稿）.json"


def default_report_path(draft: "Draft", draft_path: Path | None, fallback_dir: Path) -> Path:
    """<单位><年度>年法治政府建设年度报告.docx beside the draft, else in the fallback folder."""
    folder = Path(draft_path).parent if draft_path else Path(fallback_dir)
    return folder / report_name(draft)


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
