"""The yearly statistics workbook: find the tables, match rows to indicators, read values.

See docs/statistics.md for the conventions a workbook should follow and `stats show --json`.
"""
from govreport.statistics.reader import (  # noqa: F401
    Match, TableInfo, Unmatched, WorkbookImport, import_rows, import_workbook, parse_ref,
)
