"""Dates and numerals as reports write them: 2025年1月20日, 二〇二五年一月二十日, 十一."""
from __future__ import annotations

import datetime as dt
import re

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"\d{1,4}|[〇零○Ｏ一二三四五六七八九十]{1,4}"
# A line that is only a date (a 成文日期), possibly in brackets; the year in Arabic or Chinese.
DATE_LINE = re.compile(rf"^[（(]?\s*(?P<y>\d{{4}}|[〇零○Ｏ一二三四五六七八九]{{4}})\s*年\s*"
                       rf"(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*日\s*[）)]?$")


def cn_number(text: str) -> int:
    """'2023' / '二〇二三' / '十一' / '二十五' -> int; KeyError for anything else."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    n = 0
    for ch in text:
        n = n * 10 + _CN_DIGITS[ch]
    return n


def parse_date(text: str) -> dt.date | None:
    """The date a line consists of, or None (not a date line, or no such day)."""
    m = DATE_LINE.match(text.strip())
    if not m:
        return None
    try:
        return dt.date(cn_number(m.group("y")), cn_number(m.group("m")), cn_number(m.group("d")))
    except (ValueError, KeyError):
        return None
