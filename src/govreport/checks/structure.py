"""The report's structure: required parts present and in order, headings numbered properly."""
from __future__ import annotations

import re

from govreport.text import blocks as blk
from govreport.checks.model import Emitter, Fix, Part, ReportText, quote
from govreport.checks.registry import check
from govreport.model.findings import ERROR, INFO, WARNING
from govreport.text.numfmt import chinese
from govreport.model.pack import INTRO, OTHER
from govreport.reading.written_dates import cn_number

_CN = "零一二三四五六七八九"
_BLANKS = " \t\u3000\u00a0"


def cn_to_int(s: str) -> int | None:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23; None for anything else (a heading's numeral
    is written with 十, never digit by digit as a year is)."""
    if not s or any(c not in _CN + "十" for c in s) or ("十" not in s and len(s) > 1):
        return None
    try:
        return cn_number(s)
    except KeyError:
        return None


def heading_text(spec, year: int | None) -> str:
    """A section's heading with the report year filled in (or 本/下一 when unknown)."""
    y = str(year) if year else "本"
    ny = str(year + 1) if year else "下一"
    text = re.sub(r"\{\{\s*next_year\s*\}\}", ny, spec.heading)
    text = re.sub(r"\{\{\s*year\s*\}\}", y, text)
    return text or spec.short


# --- parts present and in order -----------------------------------------------------------

@check("section-order", "必备部分及顺序")
def section_order(report: ReportText, emit: Emitter) -> None:
    pack = report.pack
    present = {sid for part in report.parts for sid in part.ids}
    basis = f"（{pack.regulation}）" if pack.regulation else ""
    for spec in pack.sections:
        if not spec.required or spec.id in present:
            continue
        if spec.role == INTRO:
            emit.add(WARNING, "报告没有导语（第一个标题之前的概述）", None, None, None,
                     "在“一、”之前用一段话概述全年情况，以“现将有关情况报告如下：”结尾")
        else:
            emit.add(ERROR, f"缺少必备部分“{heading_text(spec, report.year)}”{basis}",
                     None, None, None, f"增加这一部分：{_first_line(spec.guidance)}")
    order = {sid: i for i, sid in enumerate(pack.section_ids())}
    in_order = "、".join(s.short for s in pack.sections
                        if s.required and s.role not in (INTRO, OTHER))
    seen: list[Part] = []
    counted: dict[str, Part] = {}
    for part in report.parts:
        if pack.role_of(part.id) in (INTRO, OTHER) or part.id not in order:
            continue
        later = [p for p in seen if order[p.id] > order[part.id]]
        if later:
            spec, before = pack.section(part.id), pack.section(later[0].id)
            emit.add(WARNING, f"“{part.heading or spec.short}”按《规定》应排在"
                              f"“{later[0].heading or before.short}”之前", part, None,
                     quote(part.heading) if part.heading else None,
                     f"按{in_order}的顺序排列")
        if part.id in counted:
            emit.add(WARNING, f"“{part.heading}”与“{counted[part.id].heading}”是同一部分的内容",
                     part, None, quote(part.heading), "合并为一个部分")
        counted.setdefault(part.id, part)
        seen.append(part)
        merged = [pack.section(sid) for sid in sorted(part.ids, key=lambda s: order.get(s, 99))
                  if pack.section(sid)]
        if len(merged) > 1:
            n = "两" if len(merged) == 2 else chinese(len(merged))
            emit.add(INFO, f"“{part.heading}”把" + "和".join(f"“{s.short}”" for s in merged)
                     + f"合写在一起，《规定》列为{n}项", part, None, quote(part.heading),
                     "分成" + "".join(f"“{s.short}”" for s in merged) + f"{n}部分")


def _first_line(text: str) -> str:
    """The first sentence of a section's guidance, without its "第二十五条…：" lead."""
    line = text.strip().split("\n")[0]
    line = line.split("：", 1)[-1] if "：" in line[:30] else line
    return line.split("。")[0] + "。" if "。" in line else line


# --- numbering ------------------------------------------------------------------------------

CANONICAL = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}
_STYLE_NAMES = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}
_SERIES = re.compile(r"(?:^|(?<=[。；：！？，、\s（(]))([一二三四五六七八九十]{1,3})是")
_LOST_SERIES = re.compile(r"(?<=[。；])是(?!否|由|指|在|为|对|因|以|从)(?=[\u4e00-\u9fff]{2})")


def _value(level: int, numeral: str) -> int | None:
    if level in (1, 2):
        return cn_to_int(numeral)
    return int(numeral) if numeral.isdigit() else None


def _number_text(level: int, n: int) -> str:
    return blk.number_for(level, n)


def _renumber(level: int, new_number: str) -> Fix:
    def apply(text: str) -> str:
        found = blk.detect(text.lstrip(_BLANKS))
        if not found or found[0] != level:
            return text
        return new_number + found[3].lstrip(_BLANKS)
    return Fix(f"序号改为“{new_number}”", apply)


def _numbered_lines(report: ReportText):
    """(part, paragraph or None for the heading, text) in document order."""
    for part in report.parts:
        if part.heading:
            yield part, None, part.heading
        for para in part.prose:
            yield part, para, para.text


@check("numbering", "标题序号")
def numbering(report: ReportText, emit: Emitter) -> None:
    items = []
    for part, para, text in _numbered_lines(report):
        found = blk.detect(text.strip(_BLANKS))
        if found:
            items.append((part, para, text, found))
    styles: dict[int, set[str]] = {}
    for _part, _para, _text, (level, written, _n, _rest) in items:
        styles.setdefault(level, set()).add(_style(level, written))
    counters: dict[int, int | None] = {1: None, 2: None, 3: None, 4: None}
    last_written: dict[int, str] = {}
    for k, (part, para, text, (level, written, numeral, rest)) in enumerate(items):
        n = _value(level, numeral)
        if n is None:
            continue
        canonical = _number_text(level, n)
        expected = (counters[level] or 0) + 1
        nxt = _next_sibling(items, k) if n != expected else None
        if n != expected:
            want = _number_text(level, expected)
            if counters[level] is None:
                msg = f"{_STYLE_NAMES[level]}序号从“{canonical}”开始，缺少“{want}”"
            elif n == counters[level]:
                msg = f"{_STYLE_NAMES[level]}序号“{canonical}”重复"
            else:
                msg = f"{_STYLE_NAMES[level]}序号不连续：“{last_written[level]}”之后是“{canonical}”"
            # A mistyped number (the next one carries on from the expected value) or the last
            # item of a run can be renumbered; a gap in the middle needs the clerk.
            typo = nxt == expected + 1
            fixable = para is not None and (typo or (nxt is None and counters[level] is not None))
            emit.add(ERROR, msg, part, para, quote(text),
                     f"改为“{want}”" if typo else f"改为“{want}”，或补上漏掉的一条",
                     _renumber(level, want) if fixable else None)
        styled = canonical                # the standard way of writing the number as written
        if nxt is not None and n != expected and nxt == expected + 1:
            n, canonical = expected, _number_text(level, expected)
        counters[level] = n
        last_written[level] = canonical
        for deeper in range(level + 1, 5):
            counters[deeper] = None
        compact = written.replace(" ", "").replace("\u3000", "")
        if compact != styled:
            mixed = len(styles.get(level, ())) > 1
            emit.add(WARNING,
                     f"{_STYLE_NAMES[level]}序号“{compact}”应写作“{styled}”（GB/T 9704-2012 7.3.3）"
                     + ("，文中两种写法混用" if mixed else ""),
                     part, para, quote(text), f"改为“{styled}”",
                     _renumber(level, canonical) if para is not None else None)
    _series(report, emit)


def _next_sibling(items, k: int) -> int | None:
    """The number of the next heading at the same level before a higher one, if any."""
    level = items[k][3][0]
    for _part, _para, _text, (lv, _w, numeral, _r) in items[k + 1:]:
        if lv < level:
            return None
        if lv == level:
            return _value(lv, numeral)
    return None


def _style(level: int, written: str) -> str:
    """The numbering style apart from the numeral: '1、' and '2、' share a style."""
    return re.sub(r"[一二三四五六七八九十\d]+", "N", written.replace(" ", ""))


def _series(report: ReportText, emit: Emitter) -> None:
    """一是、二是、三是: each item after the first needs the one before it."""
    for part in report.parts:
        seen: set[int] = set()
        for para in part.prose:
            if blk.detect(para.text.strip(_BLANKS)):
                seen = set()              # a new numbered item starts a new run
            for m in _SERIES.finditer(para.text):
                n = cn_to_int(m.group(1))
                if n is None:
                    continue
                if n == 1:
                    seen = {1}
                    continue
                if n - 1 not in seen:
                    prev = blk.number_for(1, n - 1)[:-1] + "是"
                    emit.add(WARNING, f"“{m.group(0)}”之前没有“{prev}”", part, para,
                             quote(para.text, m.start(), m.end()),
                             "补上漏掉的一条，或调整序数词")
                seen.add(n)
            for m in _LOST_SERIES.finditer(para.text):
                emit.add(INFO, "句首的“是”前面可能漏了“一/二/三”等序数词", part, para,
                         quote(para.text, m.start(), m.end() + 6), "补上序数词（如“二是”）")
