"""Figures in the text against the statistics workbook (or the draft's own figures)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from govreport.checks.model import Emitter, ReportText, quote
from govreport.checks.registry import check
from govreport.model.findings import WARNING
from govreport.text.numfmt import trim

# Counting words a label ends with that a sentence leaves out: "调处矛盾纠纷件数" -> "调处矛盾纠纷".
_COUNT_SUFFIX = re.compile(r"(?:件数|人次数|人次|次数|人数|份数|条数|场次|个数|起数|数)$")
_BEFORE_PREVIOUS = re.compile(r"(?:上年|去年|上一年|同期|比|较|同比)[^，。；]{0,4}$")
_NUMBER = r"(?P<num>\d+(?:\.\d+)?)\s*(?P<wan>万)?\s*(?P<approx>余|多)?\s*"


@dataclass(frozen=True)
class Mention:
    indicator: object          # Indicator
    start: int
    end: int
    written: float
    text: str                  # the number as written, e.g. 5000余份
    approx: bool
    at_least: bool
    wan: bool
    precision: float           # 0.01 for 93.84
    step: float                # 1000 for 5000余: the figure lies in [5000, 6000)


def _keys(indicators, wanted: set[str]) -> dict[str, object]:
    """Words that name an indicator in a sentence: its name and synonyms, with and without the
    counting word at the end. A word naming several indicators ("办结率") tells nothing."""
    owners: dict[str, set[str]] = {}
    by_id = {}
    for ind in indicators:
        by_id[ind.id] = ind
        for label in (ind.name, *ind.synonyms):
            stripped = _COUNT_SUFFIX.sub("", label)
            for k in {label, stripped if len(stripped) >= 4 else label}:
                if len(k) >= 3:
                    owners.setdefault(k, set()).add(ind.id)
    return {k: by_id[next(iter(ids))] for k, ids in owners.items()
            if len(ids) == 1 and next(iter(ids)) in wanted}


def _steps(num: str, wan: bool) -> tuple[float, float]:
    """(precision, range of a round figure): 93.84 -> 0.01; 5000(余) -> 1, 1000; 1.8万 -> 1000."""
    scale = 10000 if wan else 1
    if "." in num:
        p = 10 ** -len(num.split(".")[1]) * scale
        return p, p
    zeros = len(num) - len(num.rstrip("0"))
    return scale, (10 ** zeros if zeros else 1) * scale


def mentions(text: str, report: ReportText, keys: dict[str, object]) -> list[Mention]:
    """Figures the text states next to an indicator's words, with the unit they need."""
    if not keys:
        return []
    settings = report.settings
    alternation = re.compile("|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)))
    out = []
    for m in alternation.finditer(text):
        ind = keys[m.group(0)]
        if _BEFORE_PREVIOUS.search(text[max(0, m.start() - 8):m.start()]):
            continue
        units = ["%", "％"] if ind.type == "pct" else sorted(settings.units_like(ind.unit),
                                                          key=len, reverse=True)
        unit_re = "|".join(re.escape(u) for u in units if u)
        if not unit_re:
            continue
        after = re.compile(rf"[^，。；：！？、\d]{{0,{settings.figure_window}}}?{_NUMBER}"
                           rf"(?P<unit>{unit_re})(?P<floor>以上)?")
        n = after.match(text, m.end())
        if not n:
            continue
        written = float(n["num"]) * (10000 if n["wan"] else 1)
        precision, step = _steps(n["num"], bool(n["wan"]))
        out.append(Mention(ind, n.start("num"), n.end(), written, text[n.start("num"):n.end()],
                           bool(n["approx"]), bool(n["floor"]), bool(n["wan"]), precision, step))
    return out


def consistent(m: Mention, value: float) -> bool:
    """Does the figure as written agree with the value (allowing for how it was rounded)?"""
    if m.at_least:
        return value + 1e-9 >= m.written
    if m.approx:
        return m.written - 1e-9 <= value < m.written + m.step
    if m.wan or m.indicator.type != "int":
        return abs(value - m.written) <= m.precision / 2 + 1e-9
    return abs(value - m.written) < 1e-6


@check("figure-mismatch", "数据与统计表")
def figure_mismatch(report: ReportText, emit: Emitter) -> None:
    figs = report.figures
    if figs is None:
        return
    if report.workbook_year and report.year and report.workbook_year != report.year:
        emit.add(WARNING, f"统计表是{report.workbook_year}年度的，报告是{report.year}年度",
                 suggestion="换用报告年度的统计表，或用 --year 指定年度")
    values = {fid: f for fid, f in figs.figures.items() if f.value is not None}
    keys = _keys(report.pack.indicators, set(values))
    for part in report.parts:
        for para in part.paragraphs:
            for m in mentions(para.text, report, keys):
                fig = values[m.indicator.id]
                if consistent(m, fig.value):
                    continue
                unit = "%" if m.indicator.type == "pct" else m.indicator.unit
                source = f"（{fig.source}）" if fig.source else ""
                emit.add(WARNING,
                         f"“{m.indicator.name}”文中写的是{m.text}，统计表是"
                         f"{trim(fig.value, 2)}{unit}{source}",
                         part, para, quote(para.text, m.start, m.end),
                         f"核对后改为{trim(fig.value, 2)}{unit}，或更正统计表",
                         indicator=m.indicator.id)
