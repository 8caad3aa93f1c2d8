"""Stale (or not yet current) political phrasing, judged by the 成文日期 and the report year.

The phrases and their dates are data (stale_phrases.toml); this module only applies them.
"""
from __future__ import annotations

import datetime as dt
import re

from govreport.checks.model import Emitter, Fix, Paragraph, Part, ReportText, quote
from govreport.checks.registry import check
from govreport.checks.structure import cn_to_int
from govreport.text.dates import official
from govreport.model.findings import ERROR, WARNING

_PLENUM_LIST = re.compile(r"二十届((?:[一二三四五六七八九]中[、，和及]?)+)全会(精神)?")
_RANGE_MARK = r"\s*[—–\-~～至到]+\s*"


def date_window(report: ReportText) -> tuple[dt.date, dt.date]:
    """The dates the report may have been written on: its 成文日期, else Jan–Mar of Y+1."""
    if report.date:
        return report.date, report.date
    if report.year:
        return dt.date(report.year + 1, 1, 1), dt.date(report.year + 1, 3, 31)
    return report.today, report.today


def _texts(report: ReportText):
    if report.title:
        yield None, None, report.title
    for part in report.parts:
        if part.heading:
            yield part, None, part.heading
        for para in part.paragraphs:
            yield part, para, para.text


def _when(report: ReportText) -> str:
    if report.date:
        return f"成文日期{official(report.date)}"
    if report.year:
        return f"{report.year}年度报告（{report.year + 1}年初成文）"
    return "按今天的日期"


@check("stale-phrase", "过时提法")
def stale_phrases(report: ReportText, emit: Emitter) -> None:
    lo, hi = date_window(report)
    year = report.year or lo.year - 1
    for part, para, text in _texts(report):
        taken: list[tuple[int, int]] = []
        for ph in report.settings.phrases:
            for m in ph.pattern.finditer(text):
                msg = _judge(ph, lo, hi, year, report)
                if msg is None:
                    continue
                level, message, early = msg
                taken.append((m.start(), m.end()))
                emit.add(level, f"“{m.group(0)}”{message}", part, para,
                         quote(text, m.start(), m.end()),
                         "核对成文日期和年度，或改用当时的提法" if early else _suggest(ph))
                break                     # one finding per phrase and paragraph
        _plenums(report, emit, part, para, text, lo, hi)
        _plan_ranges(report, emit, part, para, text, year, taken)
        _this_year(report, emit, part, para, text, lo)


def _suggest(ph) -> str | None:
    if ph.current:
        return f"改为{ph.current}" if ph.current[:1] in "“《" else f"改为“{ph.current}”"
    return ph.advice or None


def _judge(ph, lo: dt.date, hi: dt.date, year: int, report: ReportText):
    """(level, message, too early?) when the phrase is out of place for this report, else None."""
    if ph.always:
        lead = "宜改" if ph.level == "info" else "有误"
        return ph.level, (f"{lead}：{ph.note}" if ph.note else lead), False
    if ph.basis == "year":
        if ph.superseded_on and dt.date(year, 1, 1) > ph.superseded_on:
            return ph.level, f"已过期：{ph.note}，本报告是{year}年度的", False
        # a report may speak of the coming year in its plans, so Y+1 is still fine
        if ph.valid_from and dt.date(year + 1, 12, 31) < ph.valid_from:
            return WARNING, f"在{year}年度报告中还不应出现：{ph.note}", True
        return None
    if ph.superseded_on and lo > ph.superseded_on:
        return ph.level, f"是{official(ph.superseded_on)}以前的提法（{ph.note}），{_when(report)}", False
    if ph.valid_from and hi < ph.valid_from:
        return (ph.level if ph.level == "info" else WARNING,
                f"是{official(ph.valid_from)}以后才有的提法（{ph.note}），{_when(report)}", True)
    return None


def _plenums(report: ReportText, emit: Emitter, part: Part | None, para: Paragraph | None,
             text: str, lo: dt.date, hi: dt.date) -> None:
    known = {p.number: p for p in report.settings.plenums if p.congress == 20}
    if not known:
        return
    held = [n for n, p in known.items() if p.closed <= lo]
    latest = max(held) if held else None
    for m in _PLENUM_LIST.finditer(text):
        listed = [cn_to_int(x) for x in re.findall(r"([一二三四五六七八九])中", m.group(1))]
        listed = [n for n in listed if n]
        future = [n for n in listed if n in known and known[n].closed > hi]
        if future:
            n = future[0]
            emit.add(ERROR, f"“{m.group(0)}”：{_when(report)}时二十届{_cn(n)}中全会尚未召开"
                            f"（{official(known[n].closed)}闭幕）", part, para,
                     quote(text, m.start(), m.end()), "核对成文日期和全会届次")
        elif m.group(2) and latest and listed and max(listed) < latest:
            names = "、".join(f"{_cn(n)}中" for n in sorted(set(listed) | {latest}) if n > 1)
            emit.add(WARNING, f"“{m.group(0)}”：{_when(report)}时二十届{_cn(latest)}中全会已召开"
                              f"（{official(known[latest].closed)}闭幕），文中没有列入", part, para,
                     quote(text, m.start(), m.end()),
                     f"写成“二十届{names}全会精神”或“二十届历次全会精神”")


def _cn(n: int) -> str:
    from govreport.text.numfmt import chinese
    return chinese(n)


def _plan_ranges(report: ReportText, emit: Emitter, part, para, text: str, year: int,
                 taken: list[tuple[int, int]]) -> None:
    words = "|".join(re.escape(w) for w in report.settings.plan_words)
    if not words:
        return
    pattern = re.compile(rf"(?:{words})[”\"]?[（(]((?:19|20)\d{{2}}){_RANGE_MARK}((?:19|20)\d{{2}})年?[）)]")
    for m in pattern.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        end = int(m.group(2))
        if end < year:
            emit.add(WARNING, f"“{m.group(0)}”的规划期到{end}年，{year}年度报告引用时已经期满",
                     part, para, quote(text, m.start(), m.end()),
                     "核对是否已有新一期规划，引用现行的版本")


def _this_year(report: ReportText, emit: Emitter, part, para, text: str, lo: dt.date) -> None:
    pattern = report.settings.this_year
    y = report.year
    if pattern is None or y is None or lo.year <= y or para is None:
        return
    found = list(pattern.finditer(text))
    if not found:
        return
    m = found[0]
    word = m.group(0)
    times = f"（{len(found)}处）" if len(found) > 1 else ""
    new = word.replace("今年", f"{y}年", 1)
    emit.add(report.settings.this_year_level,
             f"“{word.rstrip('，')}”{times}：报告在{lo.year}年成文，“今年”会被读成{lo.year}年",
             part, para,
             quote(text, m.start(), m.end()), f"改为“{new.rstrip('，')}”",
             Fix(f"改为“{new.rstrip('，')}”", lambda t, w=word, n=new: t.replace(w, n)))
