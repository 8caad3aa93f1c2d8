"""Punctuation and format: half-width or doubled marks, unmatched brackets and quotes,
paragraphs without an ending mark, stray spaces inside Chinese text.

Half-width marks are found (and fixed) with govreport.text.normalize, the same rules the compiler
applies, so 1,234 / 93.84% / 12345热线 / 1+6+N are left alone. The numbering at the start of
a paragraph is the numbering check's business and is skipped here.
"""
from __future__ import annotations

import re

from govreport.text import blocks as blk
from govreport.checks.model import Emitter, Fix, ReportText, quote
from govreport.checks.registry import check
from govreport.model.findings import INFO, WARNING
from govreport.text.normalize import normalise

_MARKS = "。！？；：，、"
_RANK = {c: i for i, c in enumerate(reversed(_MARKS))}     # 。 strongest, 、 weakest
_DOUBLED = re.compile(rf"[{_MARKS}]{{2,}}")
_PAIRS = (("（", "）"), ("“", "”"), ("‘", "’"), ("《", "》"), ("【", "】"))
_ENDS = "。！？；：…”’）)》】"
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
_BLANKS = " \t\u3000\u00a0"


def split_number(text: str) -> tuple[str, str]:
    """('（一）', '加强领导。…') for a numbered paragraph, ('', text) otherwise."""
    found = blk.detect(text.lstrip(_BLANKS))
    if not found:
        return "", text
    return text[:len(text) - len(found[3])], found[3]


def _half_width_fix(text: str) -> str:
    prefix, rest = split_number(text)
    return prefix + normalise(rest).text


def _doubled_fix(text: str) -> str:
    return _DOUBLED.sub(lambda m: max(m.group(0), key=lambda c: _RANK[c]), text)


def _full_stop_fix(text: str) -> str:
    stripped = text.rstrip(_BLANKS)
    if stripped and stripped[-1] in _ENDS + "，、":
        return text if stripped[-1] in _ENDS else stripped[:-1] + "。"
    return stripped + "。"


def _is_heading_line(text: str) -> bool:
    found = blk.detect(text.lstrip(_BLANKS))
    return bool(found) and not any(c in found[3] for c in "。！？")


@check("punctuation", "标点和格式")
def punctuation(report: ReportText, emit: Emitter) -> None:
    min_len = report.settings.min_paragraph_for_full_stop
    for part in report.parts:
        for para in part.prose:
            text = para.text
            _prefix, rest = split_number(text)
            norm = normalise(rest)
            if norm.changes:
                emit.add(WARNING, f"中文里用了半角标点：{norm.describe()}", part, para,
                         quote(text), "改为全角标点",
                         Fix("改为全角标点", _half_width_fix))
            for m in _DOUBLED.finditer(text):
                emit.add(WARNING, f"标点重复“{m.group(0)}”", part, para,
                         quote(text, m.start(), m.end()), "只保留一个标点",
                         Fix("删去重复的标点", _doubled_fix))
                break
            checked = norm.text
            for a, b in _PAIRS:
                na, nb = checked.count(a), checked.count(b)
                if na != nb:
                    where = checked.find(a if na > nb else b)
                    emit.add(WARNING, f"“{a}”与“{b}”不成对（{a}{na}个，{b}{nb}个）", part, para,
                             quote(checked, max(where, 0), max(where, 0) + 1),
                             "补上缺少的一半或删去多余的一半")
            stripped = normalise(text.rstrip(_BLANKS)).text
            if (len(stripped) >= min_len and stripped[-1] not in _ENDS
                    and not _is_heading_line(stripped)):
                emit.add(INFO, "段末没有句号", part, para, quote(stripped, len(stripped)),
                         "在段末加句号", Fix("段末加句号", _full_stop_fix))
            for m in _CJK_SPACE.finditer(text):
                emit.add(INFO, "中文之间有空格（可能丢了引号，或多打了空格）", part, para,
                         quote(text, m.start(), m.end()), "删去空格或补上引号")
                break
