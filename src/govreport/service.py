"""Older name of the application layer (govreport.app), kept for scripts that import it."""
from __future__ import annotations

from govreport.app.produce import Produced as BuildResult, output_name
from govreport.app.produce import produce
from govreport.app.starts import demo_draft, start_draft  # noqa: F401
from govreport.app.workbooks import file_sha256, guess_unit, workbook_record  # noqa: F401


def build(draft, output) -> BuildResult:
    """Compile the draft and, if an output path is given, write the .docx atomically."""
    return produce(draft, output)


def default_output_name(draft) -> str:
    return output_name(draft)


def apply_workbook(draft, workbook, pack=None, year=None):
    """Read the workbook's figures into the draft; the import's notes as findings."""
    from govreport.app.session import DraftSession
    return DraftSession(draft).apply_workbook(workbook, year)
