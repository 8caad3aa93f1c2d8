"""Number phrasing of Chinese official reports: 5000余份, 1.8万余条, 93.84%, 95%以上, 同比增长12.5%.

Pure functions on numbers; the wording layer applies them to figures (and to gaps).
"""
from __future__ import annotations

import math

_DIGITS = "零一二三四五六七八九"


def trim(v: float, digits: int = 2) -> str:
    """93.840 -> '93.84', 100.0 -> '100', 2.45 -> '2.45'; never '100.0'."""
    if digits <= 0:
        return str(int(round(v)))
    s = f"{v:.{digits}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def compact(v: float) -> str:
    """A number as a message quotes it: 12, 12.5, 0.0125; very large ones as 1.2e+13 (a
    309-digit cell must not fill a message)."""
    if abs(v) >= 1e12:
        return f"{v:.4g}"
    return trim(v, 4)


def json_number(v: float | None) -> int | float | None:
    """A figure for JSON and spreadsheets: an int when whole, else rounded to 4 places."""
    if v is None:
        return None
    v = round(float(v), 4)
    return int(v) if v.is_integer() else v


def plain(v: float, kind: str = "int") -> str:
    """The default rendering of a value of an indicator type."""
    if kind == "pct":
        return percent(v)
    if kind == "int":
        return trim(v, 0) if float(v).is_integer() else trim(v, 2)
    return trim(v, 2)


def percent(v: float, digits: int = 2) -> str:
    return trim(v, digits) + "%"


def approx(v: float) -> str:
    """A clerk's round figure: 128 -> '120余', 5234 -> '5200余', 18300 -> '1.8万余'.

    Exact round numbers keep no 余 (5000 -> '5000'); small or negative numbers stay exact.
    """
    n = float(v)
    if n < 10 or not math.isfinite(n):
        return plain(n)
    if n >= 10000:
        wan = math.floor(n / 1000) / 10          # one decimal, in 万
        text = trim(wan, 1) + "万"
        return text if wan * 10000 == n else text + "余"
    if n < 100:
        step = 10
    else:
        step = 10 ** (int(math.log10(n)) - 1)    # two significant digits
    floored = math.floor(n / step) * step
    text = str(int(floored))
    return text if floored == n else text + "余"


def at_least(v: float, step: float = 5) -> str:
    """A rate floor: 96.3 -> '95%以上'; an exact step (95, 100) is written plainly."""
    floored = math.floor(float(v) / step) * step
    if abs(floored - float(v)) < 1e-9:
        return percent(float(v))
    return percent(floored) + "以上"


def yoy(current: float, previous: float, digits: int = 1) -> str:
    """'同比增长12.5%' / '同比下降3.2%' / '与上年持平'. previous must not be 0."""
    change = (float(current) - float(previous)) / float(previous) * 100
    rounded = round(change, digits)
    if abs(rounded) < 10 ** -digits / 2 or rounded == 0:
        return "与上年持平"
    word = "增长" if rounded > 0 else "下降"
    return f"同比{word}{trim(abs(rounded), digits)}%"


def chinese(n: int) -> str:
    """Chinese numerals for counts and ordinals: 3 -> 三, 12 -> 十二, 105 -> 一百零五."""
    n = int(n)
    if n < 0:
        return "负" + chinese(-n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    if n >= 100000000:
        return chinese(n // 100000000) + "亿" + _tail(n % 100000000, 10000000)
    if n >= 10000:
        return chinese(n // 10000) + "万" + _tail(n % 10000, 1000)
    out = []
    units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    zero = False
    started = False
    for size, name in units:
        d = n // size % 10
        if d:
            if zero and started:
                out.append("零")
            out.append(_DIGITS[d] + name)
            started = True
            zero = False
        elif started:
            zero = True
    return "".join(out)


def _tail(rest: int, top: int) -> str:
    if rest == 0:
        return ""
    return ("零" if rest < top else "") + chinese(rest)


def ordinal(n: int) -> str:
    """一是, 二是 ... for enumerations inside a paragraph."""
    return chinese(n) + "是"


def quarter(n: int) -> str:
    return "第" + chinese(n) + "季度"
