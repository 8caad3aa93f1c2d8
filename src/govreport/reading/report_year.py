"""Which year a report written elsewhere is about: the title's year, else the 成文日期's, else
the year the preamble opens with, else the year the body names most often."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from govreport.reading.vocabulary import Vocabulary

# A year as a report states it ("2024年"), not one end of a span ("2021—2025年").
YEAR_IN_TEXT = re.compile(r"(?<![\d—\-－~～至])((?:19|20)\d{2})(?=\s*年)(?!\s*年?\s*[—\-－~～至])")

TITLE, DATE, OPENING, BODY = "标题", "成文日期", "导语", "正文"


@dataclass(frozen=True)
class YearGuess:
    year: int | None
    source: str = ""        # where it was read: 标题, 成文日期, 导语, 正文 ("" when unknown)
    how: str = ""           # the same as a phrase for the import report: 由标题判断 ...


def first_year(text: str | None) -> int | None:
    m = YEAR_IN_TEXT.search(text or "")
    return int(m.group(1)) if m else None


def guess(title: str | None, date: dt.date | None, opening: str, body: str,
          vocab: Vocabulary) -> YearGuess:
    if (y := first_year(title)) is not None:
        return YearGuess(y, TITLE, "由标题判断")
    if date is not None:
        # reports are written early in the next year, or late in their own
        y = date.year - 1 if date.month <= vocab.next_year_until_month else date.year
        return YearGuess(y, DATE, f"由成文日期{date.year}年{date.month}月{date.day}日判断")
    if (y := first_year(opening[:vocab.preamble_opening])) is not None:
        return YearGuess(y, OPENING, "由导语开头的年份判断")
    years = Counter(int(y) for y in YEAR_IN_TEXT.findall(body))
    if years:
        return YearGuess(years.most_common(1)[0][0], BODY, "由正文中最常出现的年份判断")
    return YearGuess(None)
