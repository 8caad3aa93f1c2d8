"""Shared pieces of the wizard tests: a private config/data folder and a recording view."""
from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def gui_home(tmp_path, monkeypatch) -> Path:
    """Settings, autosaves, the log and 'Documents' all live under tmp_path."""
    import platformdirs

    from govreport.gui import settings as settings_mod
    home = tmp_path / "home"
    (home / "docs").mkdir(parents=True)
    monkeypatch.setattr(platformdirs, "user_config_dir", lambda *a, **k: str(home / "config"))
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(home / "data"))
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda *a, **k: str(home / "docs"))
    monkeypatch.setattr(settings_mod, "_current", None)
    return home


class FakeView:
    """Records what the presenter tells the window."""

    def __init__(self):
        self.calls: list[tuple] = []
        self.errors: list[str] = []
        self.unexpected: list[BaseException] = []
        self.generated = []
        self.locked = []
        self.imports = []
        self.notices: list[str] = []
        self.autosave_requests = 0

    def __getattr__(self, name):          # any other notification: just record it
        def record(*args):
            self.calls.append((name, *args))
        return record

    def show_error(self, message):
        self.errors.append(message)

    def unexpected_error(self, exc):
        self.unexpected.append(exc)

    def schedule_autosave(self, seconds):
        self.autosave_requests += 1

    def report_generated(self, result, demo, levels):
        self.generated.append((result, demo, levels))

    def output_locked(self, path, suggestion, message):
        self.locked.append((path, suggestion, message))

    def import_done(self, result):
        self.imports.append(result)

    def notify(self, message):
        self.notices.append(message)

    def called(self, name) -> int:
        return sum(1 for c in self.calls if c[0] == name)


def docx_text(path: Path) -> str:
    import docx
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def workbook_with_renamed_label(src: Path, dst: Path, old_label: str, new_label: str) -> str:
    """A copy of a workbook where one indicator row has a label nothing matches; returns its
    current-year cell as 'sheet!cell'."""
    import openpyxl
    wb = openpyxl.load_workbook(src)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == old_label:
                    cell.value = new_label
                    wb.save(dst)
                    return f"{ws.title}!D{cell.row}"
    raise AssertionError(f"{old_label} not in {src}")
