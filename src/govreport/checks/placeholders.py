"""Template leftovers (xx镇, 202x年, 【缺：…】, {{ }}, □) and parts without text."""
from __future__ import annotations

from govreport.checks.model import Emitter, Paragraph, Part, ReportText, quote
from govreport.checks.registry import check
from govreport.model.findings import ERROR, WARNING
from govreport.wording import GAP_RE


def texts(report: ReportText, headings: bool = True):
    """(part, paragraph or None for the heading, text) for every piece of body text."""
    for part in report.parts:
        if headings and part.heading:
            yield part, None, part.heading
        for para in part.paragraphs:
            yield part, para, para.text


def _spans(text: str, patterns) -> list[tuple[int, int]]:
    spans = sorted((m.start(), m.end()) for p in patterns for m in p.finditer(text)
                   if m.end() > m.start())
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _report_spans(emit: Emitter, where: str, text: str, part: Part | None,
                  para: Paragraph | None, field: str | None = None) -> None:
    spans = _spans(text, emit.report.settings.placeholders)
    seen: dict[str, int] = {}
    first: dict[str, int] = {}
    for a, b in spans:
        key = text[a:b]
        seen[key] = seen.get(key, 0) + 1
        first.setdefault(key, a)
    for key, n in seen.items():
        a = first[key]
        times = f"（{n}处）" if n > 1 else ""
        gap = GAP_RE.fullmatch(key)
        if gap:
            emit.add(ERROR, f"{where}缺少数据“{gap.group(1)}”，留有{key}{times}", part, para,
                     quote(text, a, a + len(key)),
                     "在统计表中补充该数据，或在向导中手工录入，或删改这句话",
                     indicator=_indicator_named(emit.report.pack, gap.group(1)), field=field)
        else:
            emit.add(ERROR, f"{where}留有占位符“{key}”{times}", part, para,
                     quote(text, a, a + len(key)), "换成实际的单位名称、年份或内容", field=field)


def _indicator_named(pack, label: str) -> str | None:
    """The indicator a gap 【缺：名称】 or 【缺：名称（上年）】 stands for."""
    name = label.removesuffix("（上年）")
    return next((i.id for i in pack.indicators if i.name == name), None)


@check("placeholder", "模板占位符")
def placeholders(report: ReportText, emit: Emitter) -> None:
    for label, field, text in (("标题中", "title", report.title),
                               ("主送机关中", "recipient", report.recipient),
                               ("署名中", "signature", report.signature)):
        if text:
            _report_spans(emit, label, text, None, None, field)
    for part, para, text in texts(report):
        _report_spans(emit, "" if para else "标题中", text, part, para)


@check("empty-section", "空白部分")
def empty_sections(report: ReportText, emit: Emitter) -> None:
    for part in report.parts:
        if part.paragraphs and any(p.text.strip() for p in part.paragraphs):
            continue
        spec = report.pack.section(part.id)
        required = bool(spec and spec.required)
        emit.add(ERROR if required else WARNING,
                 f"“{part.heading or part.name}”部分没有内容", part, None,
                 quote(part.heading) if part.heading else None,
                 "补写这一部分" + ("" if required else "，或删去这个标题"))
