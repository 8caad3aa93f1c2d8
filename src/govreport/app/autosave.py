"""Never lose work: autosave files in the user data folder (recovery.py offers them back).

Each wizard session writes its own autosave file (the draft plus where it was saved, if
anywhere). A clean save or an explicit "don't save" removes it; a crash or a power cut leaves
it behind, and the next start offers it back ("恢复未保存的草稿？").
The wizard creates its Autosaver before the first page is shown, so this module imports
nothing that the first page does not need.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govreport.model.draft import Draft

AUTOSAVE_FORMAT = "govreport-autosave"
SUFFIX = ".autosave.json"


def _session_name() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}-{os.urandom(3).hex()}"


class Autosaver:
    """Writes one session's autosave file, atomically, and removes it when no longer needed."""

    def __init__(self, folder: Path, name: str | None = None):
        self.folder = Path(folder)
        self.path = self.folder / f"{name or _session_name()}{SUFFIX}"

    def write(self, draft: "Draft", draft_path: Path | None) -> Path:
        import json

        from govreport.base.atomic import write_text_atomic
        payload = {
            "format": AUTOSAVE_FORMAT,
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
            "draft_path": str(draft_path) if draft_path else None,
            "draft": draft.to_dict(),
        }
        self.folder.mkdir(parents=True, exist_ok=True)
        write_text_atomic(self.path, json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
        return self.path

    def clear(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass

    def exists(self) -> bool:
        return self.path.exists()
