"""Cell contents to numbers: 1234, "1,234", "１２８", "5000余", "1.8万", "95%", 0.9384 in a % cell.

A cell that holds something but gives no number says why (a Chinese phrase naming the problem),
so the clerk is told about "见附件" or #DIV/0! instead of getting a silent blank or 0.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from govreport.statistics.words import words

ERROR_VALUES = frozenset({"#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!",
                          "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!"})


@dataclass(frozen=True)
class Parsed:
    value: float | None
    percent: bool = False          # the cell said it is a percentage (format or "%")
    approx: bool = False           # typed as a round figure: "5000余", "约300"
    problem: str | None = None     # why a non-empty cell gave no number, in Chinese
    text: str | None = None        # the cell's text when the number came from text
    kind: str = ""                 # of a problem: text | error | formula | date | bool

    @property
    def empty(self) -> bool:
        return self.value is None and self.problem is None


EMPTY = Parsed(None)
NO_CACHED_VALUE = Parsed(None, problem="是公式，但文件里没有保存计算结果（表格由程序生成、未在 Excel 或 WPS 中"
                                       "打开保存过），请用 Excel 或 WPS 打开该表格、保存后重新导入",
                        kind="formula")


@cache
def _number_re() -> re.Pattern:
    w = words()
    units = sorted(set(w.label_suffixes) | {u for u in w.bracket_units if ":" not in u}
                   - {"%", "‰"}, key=len, reverse=True)
    approx = "|".join(re.escape(a) for a in w.approx_suffixes)
    unit = "|".join(re.escape(u) for u in units)
    return re.compile(
        r"^(?P<pre>约|近|逾|超过|超|共|计)?"
        r"(?P<sign>[+-])?(?P<num>\d+(?:\.\d+)?|\.\d+)"
        r"(?P<wan>万|亿)?(?P<pct>%|‰)?"
        rf"(?P<approx>{approx})?(?P<unit>{unit})?(?P<approx2>{approx})?$")


def is_percent_format(number_format: str | None) -> bool:
    """True when a number format shows the value times 100 ("0.00%"); a quoted "%" does not."""
    if not number_format or "%" not in number_format:
        return False
    fmt = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format)
    return "%" in fmt


def parse_text(text: str) -> Parsed:
    s = unicodedata.normalize("NFKC", text).strip()
    if not s or s in words().blank_words:
        return EMPTY
    if s.upper() in ERROR_VALUES or (s.startswith("#") and s[-1:] in "!?" and len(s) <= 15):
        return Parsed(None, problem=f"显示错误值 {s}", text=text, kind="error")
    compact = re.sub(r"[\s,]", "", s)
    m = _number_re().match(compact)
    if not m:
        return Parsed(None, problem=f"内容“{text.strip()[:20]}”不是数字", text=text, kind="text")
    v = float(m["num"])
    if m["sign"] == "-":
        v = -v
    if m["wan"]:
        v *= 10000 if m["wan"] == "万" else 100000000
    pct = m["pct"]
    if pct == "‰":
        v /= 10
    return Parsed(_tidy(v), percent=bool(pct), approx=bool(m["pre"] or m["approx"] or m["approx2"]),
                  text=text)


def parse_cell(value, percent_format: bool = False) -> Parsed:
    """The number a cell holds; percentages come back in percent (0.9384 in a % cell -> 93.84)."""
    if value is None:
        return EMPTY
    if isinstance(value, bool):
        return Parsed(None, problem="是逻辑值（TRUE/FALSE），不是数字", kind="bool")
    if isinstance(value, (int, float)):
        if percent_format:
            return Parsed(_tidy(float(value) * 100), percent=True)
        return Parsed(_tidy(float(value)))
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        return Parsed(None, problem="是日期或时间，不是数字", kind="date")
    return parse_text(str(value))


def _tidy(v: float) -> float:
    # 0.9652 * 100 is 96.52000000000001; a workbook figure never needs more than 9 decimals
    return round(v, 9) + 0.0
