"""Year roll-forward: the changes that turn last year's wording into this year's, proposed first.

Each change is a Replacement the clerk sees before anything is applied: "2023年" -> "2024年"
where it means the report year (and the years next to it), the 成文日期, a template's
placeholders, the old unit's name when the report is a neighbour's, and, as suggestions only,
years inside document names, exact dates and the stale phrasing of stale_phrases.toml.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Sequence

from govreport.model.stalephrases import Phrase
from govreport.model.draft import Draft
from govreport.importer.model import Replacement
from govreport.importer.rules import ImportRules

_YEAR = re.compile(r"(?<![\d０-９])((?:19|20)\d{2})(?=\s*年)")
_EXACT_DATE = re.compile(r"\s*年\s*\d{1,2}\s*月")
_RANGE_AFTER = re.compile(r"\s*年?\s*[—\-－~～至–]+\s*(?:19|20)\d{2}")
_RELATION = {-1: "上一年度", 0: "报告年度", 1: "下一年度"}


# --- the stale-phrase table (templates/<pack>/stale_phrases.toml, read by checks.config) ------

def stale_in(phrase: Phrase, year: int) -> bool:
    """Is the phrase out of date in a report on `year`, written early in the year after?

    Entries without a date they went stale on (the table's [[too_early]] ones, current wording
    that must not appear too early) are never suggested for replacement.
    """
    if phrase.always:
        return True
    if phrase.superseded_on is None:
        return False
    if phrase.basis == "year":
        return year > phrase.superseded_on.year
    return dt.date(year + 1, 1, 1) > phrase.superseded_on


def _stale_reason(phrase: Phrase) -> str:
    return "；".join(x for x in (phrase.note, phrase.advice) if x) or "过时的提法"


# --- proposing ----------------------------------------------------------------------------

def _enclosed(text: str, pos: int, pairs) -> bool:
    for opening, closing in pairs:
        i = text.rfind(opening, 0, pos)
        if i >= 0 and text.find(closing, i, pos) == -1:
            return True
    return False


def year_changes(text: str, report_year: int, new_year: int, rules: ImportRules) -> list[tuple]:
    """(start, end, old, new, reason, auto) for the years of one text."""
    delta = new_year - report_year
    if delta == 0:
        return []
    rf = rules.roll_forward
    shift = set(rf.get("shift", [-1, 0, 1]))
    marks = tuple(rf.get("range_marks", ["—", "-", "至"]))
    exceptions = tuple(rf.get("range_exceptions", ["截至"]))
    out = []
    for m in _YEAR.finditer(text):
        y = int(m.group(1))
        rel = y - report_year
        if rel not in shift:
            continue
        before = text[:m.start()].rstrip()
        if (before.endswith(marks) and not before.endswith(exceptions)) \
                or _RANGE_AFTER.match(text, m.end()):
            continue   # a period such as 2021—2025年 stays as written
        if _enclosed(text, m.start(), rf.get("number_brackets", [])):
            continue   # part of a document number
        new = str(y + delta)
        if _enclosed(text, m.start(), rf.get("name_brackets", [["《", "》"]])):
            out.append((m.start(), m.end(), m.group(1), new,
                        "文件名称中的年份，请核对今年是否有同名文件", False))
        elif _EXACT_DATE.match(text, m.end()):
            out.append((m.start(), m.end(), m.group(1), new,
                        "具体日期中的年份，请核对事情发生的实际日期", False))
        else:
            out.append((m.start(), m.end(), m.group(1), new,
                        f"{_RELATION.get(rel, '')}：{y}年→{new}年", True))
    return out


def _kind(unit: str) -> str:
    for suffix in ("街道", "镇", "乡"):
        if unit.endswith(suffix):
            return suffix
    return ""


def _texts(draft: Draft):
    """(where, block, part, text) of every editable text of the draft."""
    if draft.title:
        yield "title", None, "", draft.title
    if draft.signature:
        yield "signature", None, "", draft.signature
    for sec in draft.sections:
        for bi, b in enumerate(sec.blocks):
            if b.title:
                yield sec.id, bi, "title", b.title
            if b.text:
                yield sec.id, bi, "text", b.text


def _quote(text: str, start: int, end: int, width: int = 10) -> str:
    return text[max(0, start - width):min(len(text), end + width)]


def propose(draft: Draft, report_year: int, new_year: int, rules: ImportRules,
            old_unit: str | None = None, stale: Sequence[Phrase] = (),
            standard_title: str | None = None, propose_date: bool = True) -> list[Replacement]:
    rf = rules.roll_forward
    out: list[Replacement] = []
    unit = draft.unit
    for where, bi, part, text in _texts(draft):
        def add(kind, start, end, new, reason, auto=True):
            out.append(Replacement(kind, where, bi, part, start, end, text[start:end], new, reason,
                                   auto, _quote(text, start, end)))

        for start, end, _old, new, reason, auto in year_changes(text, report_year, new_year, rules):
            add("year", start, end, new, reason, auto)
        for ph in rf.get("year_placeholders", []):
            for m in re.finditer(re.escape(ph) + r"(?=\s*年)", text):
                add("placeholder", m.start(), m.end(), str(new_year), f"模板占位符“{ph}”→{new_year}")
        for ph in rf.get("unit_placeholders", []):
            for m in re.finditer(re.escape(ph), text):
                add("placeholder", m.start(), m.end(), unit, f"模板占位符“{ph}”→{unit}")
        if old_unit and old_unit != unit:
            for m in re.finditer(re.escape(old_unit), text):
                add("unit", m.start(), m.end(), unit, f"原报告单位“{old_unit}”→{unit}")
            old_kind, new_kind = _kind(old_unit), _kind(unit)
            if old_kind and new_kind and old_kind != new_kind:
                prefixes = "|".join(re.escape(p) for p in rf.get("unit_kind_prefixes", []))
                not_before = "".join(rf.get("unit_kind_not_before", []))
                if prefixes:
                    rx = re.compile(f"(?<=(?:{prefixes})){re.escape(old_kind)}"
                                    + (f"(?![{re.escape(not_before)}])" if not_before else ""))
                    for m in rx.finditer(text):
                        if any(r.where == where and r.block == bi and r.part == part
                               and r.start <= m.start() < r.end for r in out):
                            continue
                        add("unit", m.start(), m.end(), new_kind,
                            f"单位由{old_kind}改为{new_kind}：“{text[m.start() - 1:m.end()]}”")
                words = "|".join(re.escape(w) for w in
                                 sorted(rf.get("unit_kind_before", []), key=len, reverse=True))
                not_after = "".join(rf.get("unit_kind_not_after", []))
                if words:
                    rx = re.compile((f"(?<![{re.escape(not_after)}])" if not_after else "")
                                    + re.escape(old_kind) + f"(?=(?P<w>{words}))")
                    for m in rx.finditer(text):
                        if any(r.where == where and r.block == bi and r.part == part
                               and r.start <= m.start() < r.end for r in out):
                            continue
                        add("unit", m.start(), m.end(), new_kind,
                            f"单位由{old_kind}改为{new_kind}：“{old_kind}{m.group('w')}”")
            base = old_unit[:-len(old_kind)] if old_kind else ""
            new_base = unit[:-len(new_kind)] if new_kind else unit
            if len(base) >= 2:
                rx = re.compile(re.escape(base) + (f"(?!{re.escape(old_kind)})" if old_kind else ""))
                for m in rx.finditer(text):
                    add("unit", m.start(), m.end(), new_base,
                        f"原报告单位的简称“{base}”，可改为“{new_base}”", auto=False)
        if where not in ("title", "signature"):
            for ph in (ph for ph in stale if stale_in(ph, new_year)):
                for m in ph.pattern.finditer(text):
                    add("stale", m.start(), m.end(), ph.current,
                        _stale_reason(ph) + (f"，可改为“{ph.current}”" if ph.current else ""),
                        auto=False)
    dates = [("date", "成文日期")] if propose_date else []
    dates.append(("printed_on", "印发日期"))
    for attr, name in dates:
        value = getattr(draft, attr)
        if not value or new_year == report_year:
            continue
        old = dt.date.fromisoformat(value)
        try:
            new = old.replace(year=old.year + new_year - report_year)
        except ValueError:                  # 29 February
            new = old.replace(year=old.year + new_year - report_year, day=28)
        out.append(Replacement("date", attr, None, "", 0, len(value), value, new.isoformat(),
                               f"{name}顺延，请改为实际{name}", True, value))
    title_after = draft.title
    if draft.title:
        for r in sorted((r for r in out if r.where == "title" and r.auto), key=lambda r: -r.start):
            title_after = title_after[:r.start] + r.new + title_after[r.end:]
    if standard_title and draft.title and str(new_year) not in title_after:
        out.append(Replacement("title", "title", None, "", 0, len(draft.title), draft.title,
                               standard_title, "标题中没有报告年度，可改用标准标题", False, draft.title))
    return _drop_overlaps(out)


def _drop_overlaps(reps: list[Replacement]) -> list[Replacement]:
    kept: list[Replacement] = []
    for r in reps:
        if any(k.where == r.where and k.block == r.block and k.part == r.part
               and k.kind != "title" and r.kind != "title" and k.kind != "date"
               and r.start < k.end and k.start < r.end for k in kept):
            continue
        kept.append(r)
    return kept


# --- applying -----------------------------------------------------------------------------

def _get(draft: Draft, r: Replacement) -> str | None:
    if r.where == "title":
        return draft.title
    if r.where == "signature":
        return draft.signature
    if r.where in ("date", "printed_on"):
        return getattr(draft, r.where)
    sec = draft.section(r.where)
    if sec is None or r.block is None or r.block >= len(sec.blocks):
        return None
    return getattr(sec.blocks[r.block], r.part)


def _set(draft: Draft, r: Replacement, value: str) -> None:
    if r.where in ("title", "signature", "date", "printed_on"):
        setattr(draft, r.where, value)
    else:
        setattr(draft.section(r.where).blocks[r.block], r.part, value)


def apply(draft: Draft, replacements: list[Replacement], *,
          include_suggestions: bool = False) -> list[Replacement]:
    """Apply the proposed changes (the automatic ones, or all given) to the draft.

    Works from the end of each text so that the offsets of the others stay right; a change
    whose text has moved since it was proposed is looked up again near where it was.
    """
    chosen = [r for r in replacements if not r.applied and (r.auto or include_suggestions)]
    done: list[Replacement] = []
    for r in sorted(chosen, key=lambda r: (r.where, r.block or 0, r.part, -r.start)):
        text = _get(draft, r)
        if text is None:
            continue
        start = r.start
        if text[start:r.end] != r.old:
            spots = [m.start() for m in re.finditer(re.escape(r.old), text)] if r.old else []
            if not spots:
                continue
            start = min(spots, key=lambda s: abs(s - r.start))
        _set(draft, r, text[:start] + r.new + text[start + len(r.old):])
        r.applied = True
        done.append(r)
    return done
