"""Start from last year's report: import a .docx, a .txt or pasted text into a new draft.

Public API (the CLI's `govreport import` and the wizard's 开始 page use the same calls):

    result = import_text(text, year=2025, unit="翻江镇")        # or import_file(path, ...)
    result.draft            # a Draft: sections split by meaning, figures as {{ references }}
    result.report           # ImportReport: where every line went, figures, proposed changes
    apply_replacements(result.draft, result.report.proposals)   # the year roll-forward
    report_lines(result.report, pack)                           # the report as Chinese lines

year is the NEW draft's year (default: the old report's year + 1); unit defaults to the one
named in the old report's title or 署名. Bad input raises InputError (one line of Chinese).
"""
from govreport.importer.core import import_file, import_source, import_text
from govreport.importer.model import (FigureReplacement, HeadingMap, ImportReport, ImportResult,
                                      LineFate, Replacement)
from govreport.importer.report import report_lines
from govreport.importer.rollforward import apply as apply_replacements

__all__ = [
    "import_text", "import_file", "import_source", "apply_replacements", "report_lines",
    "ImportResult", "ImportReport", "Replacement", "FigureReplacement", "HeadingMap", "LineFate",
]
