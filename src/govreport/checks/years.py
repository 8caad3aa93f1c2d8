"""Years: the report year against years in the text, headings, plans, title and 成文日期."""
from __future__ import annotations

import datetime as dt
import re

from govreport.checks.model import Emitter, Part, ReportText, quote
from govreport.checks.registry import check
from govreport.model.findings import ERROR, INFO, WARNING
from govreport.model.pack import NEXT_YEAR, OTHER

YEAR = re.compile(r"(?<![\d〔［\[﹝])((?:19|20)\d{2})(?=\s*年)")
_RANGE_MARKS = "—–-~～至到"
_TITLE_SPANS = re.compile(r"《[^》]*》")


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in spans)


def _exempt(text: str, m: re.Match, settings) -> bool:
    """A year in a time span, a comparison, a range or a document title is not a claim."""
    before = text[max(0, m.start() - 4):m.start()]
    after = text[m.end():m.end() + 6].lstrip()
    if after.startswith("年度"):
        after = after[2:]
    elif after.startswith("年"):
        after = after[1:]
    last, first = before[-1:], after[:1]       # "" when the year starts or ends the text
    if (last and last in _RANGE_MARKS) or (first and first in "—–-~～"):
        return True
    if re.match(r"[至到]\s*(?:19|20)\d{2}", after):
        return True
    if any(after.startswith(w) for w in settings.year_after):
        return True
    if any(before.endswith(w) for w in settings.year_before):
        return True
    return False


def years_in(text: str, settings) -> list[tuple[int, re.Match]]:
    """Years stated as facts about a year (not spans, ranges, comparisons or titles)."""
    spans = [(m.start(), m.end()) for m in _TITLE_SPANS.finditer(text)]
    out = []
    for m in YEAR.finditer(text):
        if _inside(spans, m.start()) or _exempt(text, m, settings):
            continue
        out.append((int(m.group(1)), m))
    return out


def _heading_years(part: Part) -> list[int]:
    return [int(y) for y in YEAR.findall(part.heading)]


@check("year-mismatch", "年份")
def year_mismatch(report: ReportText, emit: Emitter) -> None:
    _years_in_text(report, emit)
    _year_statements(report, emit)


def _years_in_text(report: ReportText, emit: Emitter) -> None:
    y = report.year
    if y is None:
        return
    settings = report.settings
    for part in report.parts:
        role = report.pack.role_of(part.id)
        for hy in _heading_years(part):
            want = y + 1 if role == NEXT_YEAR else y
            if hy != want and role != OTHER:
                emit.add(ERROR, f"标题中的年份“{hy}年”与报告年度不符（应为{want}年）", part, None,
                         quote(part.heading), f"改为“{want}年”")
        for para in part.prose:
            flagged: set[int] = set()
            for year, m in years_in(para.text, settings):
                if year in flagged or year in (y, y + 1):
                    continue
                flagged.add(year)
                if year > y + 1:
                    emit.add(WARNING, f"{y}年度报告中出现“{year}年”，晚于下一年度", part, para,
                             quote(para.text, m.start(), m.end() + 1), "核对年份是否写错")
                else:
                    emit.add(WARNING, f"{y}年度报告中出现“{year}年”", part, para,
                             quote(para.text, m.start(), m.end() + 1),
                             f"核对是否沿用了往年的文字；若指时间段，写成“{year}年以来”等")
    _plans_year(report, emit, y)


def _plans_year(report: ReportText, emit: Emitter, y: int) -> None:
    part = next((p for p in report.parts if report.pack.role_of(p.id) == NEXT_YEAR), None)
    if part is None:
        return
    text = part.heading + "\n" + part.text()
    if str(y + 1) not in text and not any(w in text for w in report.settings.next_year_words):
        emit.add(WARNING, f"下一年度安排没有写明是{y + 1}年的安排", part, None,
                 quote(part.heading) if part.heading else None,
                 f"在这一部分写明“{y + 1}年”")
    pattern = re.compile(rf"(?<!\d){y}\s*年[，,、]?[^。；]{{0,20}}?将")
    for para in part.paragraphs:
        m = pattern.search(para.text)
        if m and str(y + 1) not in para.text[:m.start()]:
            emit.add(WARNING, f"下一年度安排中写的是“{y}年”（本年度）", part, para,
                     quote(para.text, m.start(), m.end()), f"安排应写{y + 1}年")


@check("report-date", "成文日期")
def report_date(report: ReportText, emit: Emitter) -> None:
    y, d = report.year, report.date
    if d is None:
        if report.kind != "draft":
            emit.add(INFO, "没有找到成文日期", suggestion=(
                f"在署名下方写明成文日期，如“{y + 1}年1月20日”" if y else "在署名下方写明成文日期"))
        return
    if y is None:
        return
    shown = f"{d.year}年{d.month}月{d.day}日"
    if d.year < y:
        emit.add(ERROR, f"成文日期{shown}早于报告年度{y}年", quote=shown,
                 suggestion=f"核对成文日期，一般为{y + 1}年1月至3月")
    elif d < dt.date(y, 12, 1):
        emit.add(WARNING, f"成文日期{shown}早于{y}年年底，年度情况尚未结束", quote=shown,
                 suggestion=f"年度报告一般在{y + 1}年1月至3月成文，补齐全年数据后再定稿")
    elif d.year > y + 1:
        emit.add(WARNING, f"成文日期{shown}晚于报告年度的下一年", quote=shown,
                 suggestion=f"核对成文日期或报告年度（{y}年度报告一般在{y + 1}年初成文）")
    elif d > dt.date(y + 1, 3, 31):
        emit.add(INFO, f"成文日期{shown}晚于3月31日；《规定》第二十四条要求年度报告在4月1日之前公开",
                 quote=shown, suggestion="尽早报送并公开")


@check("title", "标题")
def title(report: ReportText, emit: Emitter) -> None:
    t = report.title
    y = report.year
    name = report.pack.report_name
    example = f"××镇{y}年{name}" if y else f"××镇××××年{name}"
    if not t:
        if report.kind != "draft":
            emit.add(WARNING, "没有找到报告标题", suggestion=f"在正文前加标题，如“{example}”")
        return
    years = [int(x) for x in YEAR.findall(t)]
    if not years:
        emit.add(WARNING, f"标题“{t}”中没有年份", quote=quote(t),
                 suggestion=f"写明报告年度，如“{example}”")
    elif y is not None and report.year_source != "标题" and y not in years:
        emit.add(ERROR, f"标题中的年份“{years[0]}年”与报告年度{y}年不符", quote=quote(t),
                 suggestion=f"改为“{y}年”")
    if name not in t and re.search(r"(?:汇报|总结)$", t):
        emit.add(INFO, f"标题“{t}”宜称“{name}”", quote=quote(t),
                 suggestion=f"年度报告制度统一使用“{name}”的名称")


def _year_statements(report: ReportText, emit: Emitter) -> None:
    """Sentences the pack says must name the report year (pack.toml [[year_statement]], e.g.
    the 统计期限 of a 政府信息公开 report): a year span there is no comparison, but a claim."""
    y = report.year
    if y is None or not report.pack.year_statements:
        return
    rules = [(name, re.compile(pattern)) for name, pattern in report.pack.year_statements]
    for part in report.parts:
        for para in part.prose:
            for name, rx in rules:
                for m in rx.finditer(para.text):
                    wrong = sorted({int(g) for g in m.groups() if g and int(g) != y})
                    if wrong:
                        emit.add(ERROR, f"{name}写的是{'、'.join(map(str, wrong))}年，报告年度是{y}年",
                                 part, para, quote(m.group(0)), f"改为{y}年")
