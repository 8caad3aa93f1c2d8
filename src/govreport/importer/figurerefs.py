"""Numbers of the old text that are indicator values become live figure references.

"调处各类矛盾纠纷128起" becomes "调处各类矛盾纠纷{{ disputes_handled }}起", so this year's
workbook value replaces last year's number. Patterns come from the indicators' names and
synonyms and from the phrase table in import_rules.toml; see the comments there for the
notation and the guards that keep this conservative.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from govreport.text.blocks import Block
from govreport.model.indicators import Indicator, IndicatorSet
from govreport.importer.model import FigureReplacement
from govreport.importer.rules import ImportRules
from govreport.wording.references import Reference

_GAP_CLASS = r"[^\d，。；！？,;!?：:\n]"
_SENTENCE_ENDS = "。！？!?\n"


@dataclass(frozen=True)
class _Pattern:
    indicator: Indicator
    regex: re.Pattern
    context: re.Pattern | None
    source: str          # the label or phrase it came from (for tests and debugging)


@dataclass
class _Hit:
    indicator: Indicator
    start: int           # the number's span in the text
    end: int
    whole: tuple[int, int]
    value: float
    old: str
    reference: str
    quote: str


def _number_regex(ind: Indicator) -> str:
    if ind.is_percent:
        return r"(?P<num>\d{1,3}(?:\.\d+)?)\s*(?P<pct>[%％])(?P<q>以上)?"
    return r"(?P<num>\d+(?:\.\d+)?)(?P<wan>万)?(?P<q>余|多)?"


def _unit_regex(ind: Indicator, rules: ImportRules) -> str:
    if ind.is_percent:
        return ""
    units = rules.units.get(ind.unit, [ind.unit] if ind.unit else [])
    if not units:
        return ""
    return "(?:" + "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True)) + ")"


def _fillers(rules: ImportRules) -> str:
    words = sorted(rules.figures.get("fillers", []), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in words) + ")*" if words else ""


def _phrase_regex(phrase: str, ind: Indicator, rules: ImportRules) -> str:
    """'调处…矛盾纠纷{n}' -> a regex; … is a short gap, {n} the number, the unit follows."""
    before, marker, after = phrase.partition("{n}")
    if not marker:
        raise ValueError(f"import rule phrase without {{n}}: {phrase}")

    def literal(text: str) -> str:
        out = []
        for piece in re.split(r"(…+)", text):
            if not piece:
                continue
            if piece.startswith("…"):
                out.append(f"{_GAP_CLASS}{{0,{8 * len(piece)}}}?")
            else:
                out.append(re.escape(piece))
        return "".join(out)

    tail = literal(after) if after else _unit_regex(ind, rules)
    return literal(before) + _fillers(rules) + _number_regex(ind) + tail


def _labels(ind: Indicator, rules: ImportRules) -> list[str]:
    suffixes = sorted(rules.figures.get("count_suffixes", []), key=len, reverse=True)
    min_len = int(rules.figures.get("auto_min_len", 4))
    out: list[str] = []
    for label in (ind.name, *ind.synonyms):
        forms = [label]
        if not ind.is_percent:
            for s in suffixes:
                if label.endswith(s) and len(label) > len(s):
                    forms.append(label[: -len(s)])
                    break
        for form in forms:
            if len(form) >= min_len and form not in out:
                out.append(form)
    return out


def build_patterns(indicators: IndicatorSet, rules: ImportRules) -> list[_Pattern]:
    patterns: list[_Pattern] = []
    contexts = {k: re.compile(v) for k, v in rules.figure_context.items()}
    fillers = _fillers(rules)
    for ind in indicators:
        ctx = contexts.get(ind.id)
        for label in _labels(ind, rules):
            rx = re.escape(label) + fillers + _number_regex(ind) + _unit_regex(ind, rules)
            patterns.append(_Pattern(ind, re.compile(rx), ctx, label))
    for phrase in rules.phrases:
        ind = indicators.get(phrase.indicator)
        if ind is None:
            continue
        ctx = re.compile(phrase.context) if phrase.context else contexts.get(ind.id)
        for p in phrase.patterns:
            patterns.append(_Pattern(ind, re.compile(_phrase_regex(p, ind, rules)), ctx, p))
    return patterns


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    a = max(text.rfind(c, 0, start) for c in _SENTENCE_ENDS) + 1
    ends = [text.find(c, end) for c in _SENTENCE_ENDS]
    b = min([e for e in ends if e >= 0] or [len(text)])
    return a, b


def _reference(ind: Indicator, approx: bool, at_least: bool) -> str:
    kind = "at_least" if at_least else "approx" if approx else None
    return Reference(ind.id, filter=kind).source


def find_hits(text: str, patterns: list[_Pattern], rules: ImportRules) -> list[_Hit]:
    not_after = rules.figures.get("not_after_in_sentence", [])
    not_followed = tuple(rules.figures.get("not_followed_by", []))
    not_preceded = tuple(rules.figures.get("not_preceded_by", []))
    hits: list[_Hit] = []
    for p in patterns:
        for m in p.regex.finditer(text):
            ns, ne = m.start("num"), m.end()
            # the number and its qualifiers, without the measure word that follows
            ne = max(m.end(g) for g in ("num", "wan", "pct", "q") if g in m.re.groupindex
                     and m.group(g) is not None)
            if ns > 0 and (text[ns - 1].isdigit() or text[ns - 1] in ".．"):
                continue
            if text[:ns].endswith(not_preceded) or text[ne:].startswith(not_followed):
                continue
            if ne < len(text) and text[ne].isdigit():
                continue
            sa, sb = _sentence(text, ns, ne)
            sentence_before = text[sa:ns]
            if any(w in sentence_before for w in not_after):
                continue
            if p.context is not None and not p.context.search(text[sa:sb]):
                continue
            raw = m.group("num")
            value = float(raw)
            groups = m.groupdict()
            if groups.get("wan"):
                value *= 10000
            if p.indicator.is_percent and value > 100:
                continue
            if not p.indicator.is_percent and not value.is_integer():
                continue
            approx = bool(groups.get("q")) and not p.indicator.is_percent or bool(groups.get("wan"))
            at_least = p.indicator.is_percent and groups.get("q") == "以上"
            hits.append(_Hit(p.indicator, ns, ne, (m.start(), m.end()), value, text[ns:ne],
                             _reference(p.indicator, approx, at_least), text[m.start():m.end()]))
    # overlapping candidates: the longest phrase (the most specific) wins
    hits.sort(key=lambda h: (-(h.whole[1] - h.whole[0]), h.start))
    chosen: list[_Hit] = []
    for h in hits:
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    return sorted(chosen, key=lambda h: h.start)


def convert(sections: dict[str, list[Block]], indicators: IndicatorSet, rules: ImportRules,
            allowed: set[str]) -> tuple[list[FigureReplacement], list[str]]:
    """Replace recognised figures in place, in the sections `allowed`; returns the replacements
    and what was left alone."""
    patterns = build_patterns(indicators, rules)
    found: list[tuple[str, int, str, _Hit]] = []
    for sid, blks in sections.items():
        if sid not in allowed:
            continue
        for bi, b in enumerate(blks):
            for part in ("title", "text"):
                for h in find_hits(getattr(b, part), patterns, rules):
                    found.append((sid, bi, part, h))
    values: dict[str, set[float]] = {}
    for _sid, _bi, _part, h in found:
        values.setdefault(h.indicator.id, set()).add(h.value)
    skipped = []
    for iid, vals in values.items():
        if len(vals) > 1:
            shown = "、".join(_fmt(v) for v in sorted(vals))
            skipped.append(f"“{indicators[iid].name}”在原文中有不同的数（{shown}），未改为数据引用，请自行核对")
    keep = [f for f in found if len(values[f[3].indicator.id]) == 1]
    # replace from the end of each text so earlier offsets stay valid
    for sid, bi, part, h in sorted(keep, key=lambda f: (f[0], f[1], f[2], -f[3].start)):
        b = sections[sid][bi]
        text = getattr(b, part)
        setattr(b, part, text[:h.start] + h.reference + text[h.end:])
    order = {sid: k for k, sid in enumerate(sections)}
    keep.sort(key=lambda f: (order[f[0]], f[1], f[2] != "title", f[3].start))
    out = [FigureReplacement(h.indicator.id, h.indicator.name, sid, bi, part, h.old, h.value,
                             h.reference, h.quote) for sid, bi, part, h in keep]
    return out, skipped


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"
