"""The yearly statistics workbook: find the tables, match rows to indicators, read values."""
from govreport.statistics.reader import (  # noqa: F401
    Match, Unmatched, WorkbookImport, import_workbook,
)
