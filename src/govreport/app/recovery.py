"""Recovery after a crash: the autosaves (autosave.py) that a session left behind.

The next start offers the newest back ("恢复未保存的草稿？"); this runs after the first page
is shown.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from govreport.app.autosave import AUTOSAVE_FORMAT, SUFFIX

if TYPE_CHECKING:
    from govreport.model.draft import Draft


@dataclass
class Recovery:
    """An autosave left behind by a session that did not end cleanly."""
    file: Path
    saved_at: dt.datetime
    draft_path: Path | None
    unit: str
    year: int | None

    @property
    def description(self) -> str:
        what = f"{self.unit or '未命名单位'}{self.year or ''}{'年度' if self.year else ''}报告"
        t = self.saved_at
        when = f"{t.year}年{t.month}月{t.day}日 {t:%H:%M}"
        where = f"（草稿文件：{self.draft_path.name}）" if self.draft_path else "（尚未保存过）"
        return f"{what}，自动保存于 {when}{where}"

    def load(self) -> "Draft":
        from govreport.model.draft import from_json_text
        payload = json.loads(self.file.read_text(encoding="utf-8"))
        return from_json_text(json.dumps(payload["draft"], ensure_ascii=False), self.file)

    def discard(self) -> None:
        try:
            self.file.unlink()
        except FileNotFoundError:
            pass


def _read(file: Path) -> Recovery | None:
    try:
        payload = json.loads(file.read_text(encoding="utf-8"))
        if payload.get("format") != AUTOSAVE_FORMAT or not isinstance(payload.get("draft"), dict):
            return None
        draft = payload["draft"]
        year = draft.get("year")
        return Recovery(
            file=file,
            saved_at=dt.datetime.fromisoformat(payload.get("saved_at") or "1970-01-01T00:00:00"),
            draft_path=Path(payload["draft_path"]) if payload.get("draft_path") else None,
            unit=str(draft.get("unit") or ""),
            year=int(year) if isinstance(year, int) else None,
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None


def pending(folder: Path, exclude: Path | None = None) -> list[Recovery]:
    """Autosaves waiting to be recovered, newest first (unreadable ones are skipped)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for file in folder.glob(f"*{SUFFIX}"):
        if exclude is not None and file == exclude:
            continue
        rec = _read(file)
        if rec is not None:
            found.append(rec)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)
