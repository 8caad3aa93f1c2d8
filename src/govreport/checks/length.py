"""Length of the whole report and of each part against the pack's guidance (warn, never fail)."""
from __future__ import annotations

import re

from govreport.checks.model import Emitter, Part, ReportText, quote
from govreport.checks.registry import check
from govreport.model.findings import WARNING

_SPACE = re.compile(r"\s+")


def char_count(text: str) -> int:
    """Characters as a clerk's word count shows them: everything but whitespace."""
    return len(_SPACE.sub("", text))


def _part_count(part: Part) -> int:
    return char_count(part.text())


@check("length", "篇幅")
def length(report: ReportText, emit: Emitter) -> None:
    pack = report.pack
    total = sum(_part_count(p) + char_count(p.heading) for p in report.parts)
    if pack.length_min and total < pack.length_min:
        emit.add(WARNING, f"全文约{total}字，少于建议的{pack.length_min}字",
                 suggestion="补充主要举措的做法和数据")
    elif pack.length_max and total > pack.length_max:
        emit.add(WARNING, f"全文约{total}字，超过建议的{pack.length_max}字",
                 suggestion="精简重复的表述，保留做法和数据")
    for part in report.parts:
        spec = pack.section(part.id)
        if spec is None or part.covers or not part.paragraphs:
            continue                    # merged parts have no guidance of their own
        n = _part_count(part)
        name = part.heading or spec.short
        if spec.length_min and n < spec.length_min:
            emit.add(WARNING, f"“{name}”约{n}字，少于建议的{spec.length_min}字", part, None,
                     quote(part.heading) if part.heading else None, "补充具体做法、次数和数据")
        elif spec.length_max and n > spec.length_max:
            emit.add(WARNING, f"“{name}”约{n}字，超过建议的{spec.length_max}字", part, None,
                     quote(part.heading) if part.heading else None, "精简表述，突出做法和数据")

