"""Dates as GB/T 9704 writes them: Arabic numerals, full year, no zero padding (7.3.5.4)."""
from __future__ import annotations

import datetime as dt

# The report years the program accepts, everywhere (command line, wizard, draft files).
YEAR_MIN, YEAR_MAX = 2000, 2100


def official(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
