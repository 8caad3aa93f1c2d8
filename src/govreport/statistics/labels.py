"""Matching a workbook row label to an indicator: exact name, then synonyms, then loosely.

"Loosely" (normalised) ignores full/half width, spaces, punctuation, brackets, leading
numbering (1. （一） ①), "其中：" and trailing measure words (数/次/件/人次 ...), so
"（三）调处矛盾纠纷（件）" finds 调处矛盾纠纷件数. A label that fits several indicators is
never bound: the caller gets the candidates and tells the clerk.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from govreport.model.indicators import IndicatorSet
from govreport.statistics.words import words

# Where a figure came from, as `stats show`, the ledger and the wizard's figure table name it:
# the kinds of match of a workbook row, and the figures that no row gave.
EXACT, SYNONYM, NORMALISED, BOUND = "exact", "synonym", "normalised", "bound"
DERIVED, TYPED, WORKBOOK, MISSING = "derived", "typed", "workbook", "missing"
HOW_NAMES = {EXACT: "名称一致", SYNONYM: "同义名称", NORMALISED: "近似匹配", BOUND: "指定单元格",
             DERIVED: "公式计算", TYPED: "手工录入", WORKBOOK: "统计表", MISSING: "缺少"}

_NUMBERING = re.compile(
    r"^(?:\d{1,3}[.、]|\(\d{1,3}\)|[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\))")
# circled and bracketed numbers (① ⑴ ⒈ ㉑) become plain digits under NFKC, so they go first
_CIRCLED = re.compile(r"^\s*[\u2460-\u249b\u24ea-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]")
# punctuation and brackets ignored in labels (a regex: str.translate is slow on CJK text)
_DROP = re.compile("[" + re.escape(" \t\r\n\u3000()[]{}【】〔〕<>《》:;,.、。;!?\"'“”‘’·•/\\|-_~") + "]")


@dataclass(frozen=True)
class _Rules:
    prefixes: tuple[str, ...]
    prefix: re.Pattern
    bracket: re.Pattern
    suffixes: dict[str, tuple[str, ...]]   # by last character, longest first


@cache
def _rules() -> _Rules:
    w = words()
    prefix = re.compile(r"^(?:" + "|".join(re.escape(p) for p in w.label_prefixes) + r")[:,、]?")
    units = "|".join(re.escape(u) for u in sorted(w.bracket_units, key=len, reverse=True))
    bracket = re.compile(r"\((?:单位:?)?(?:" + units + r")\)$")
    by_last: dict[str, list[str]] = {}
    for suf in w.label_suffixes:                      # already longest first
        by_last.setdefault(suf[-1], []).append(suf)
    return _Rules(w.label_prefixes, prefix, bracket, {k: tuple(v) for k, v in by_last.items()})


_NUMBER_START = frozenset("0123456789(一二三四五六七八九十")


def clean_label(label: str) -> str:
    """The label as shown to the clerk: one line, outer blanks removed."""
    return " ".join(str(label).split())


def loose_key(label: str) -> str:
    """The label with width, blanks, punctuation, brackets, numbering and 其中 ignored.

    Every workbook row label goes through here, so each rule is tried only when it can apply.
    """
    r = _rules()
    s = str(label)
    if "\u2460" <= s.lstrip()[:1] <= "\u32bf":
        s = _CIRCLED.sub("", s, count=1)
    s = "".join(unicodedata.normalize("NFKC", s).lower().split())
    if s[:1] in _NUMBER_START:
        s = _NUMBERING.sub("", s, count=1)
    if s.startswith(r.prefixes):
        s = r.prefix.sub("", s, count=1)
    if s.endswith(")"):
        s = r.bracket.sub("", s, count=1)
    return _DROP.sub("", s)


def strip_measure_word(key: str) -> str:
    """A loose key without its trailing measure word (数/次/件/人次 ...), if that leaves anything."""
    for suf in _rules().suffixes.get(key[-1:], ()):
        if key.endswith(suf) and len(key) > len(suf):
            return key[:-len(suf)]
    return key


def normalise_label(label: str, strip_suffix: bool = True) -> str:
    """The loose matching key of a label (see the module docstring)."""
    key = loose_key(label)
    return strip_measure_word(key) if strip_suffix else key


@dataclass
class LabelIndex:
    """Lookup tables of one indicator set (built once per import)."""
    exact: dict[str, str] = field(default_factory=dict)
    synonym: dict[str, set[str]] = field(default_factory=dict)
    loose: dict[str, set[str]] = field(default_factory=dict)      # measure words dropped
    loose_full: dict[str, set[str]] = field(default_factory=dict)  # measure words kept

    @classmethod
    def build(cls, indicators: IndicatorSet) -> "LabelIndex":
        idx = cls()
        for ind in indicators:
            idx.exact[ind.name] = ind.id
            for s in ind.synonyms:
                idx.synonym.setdefault(s.strip(), set()).add(ind.id)
            for s in (ind.name, *ind.synonyms):
                idx.loose.setdefault(normalise_label(s), set()).add(ind.id)
                idx.loose_full.setdefault(normalise_label(s, False), set()).add(ind.id)
        return idx

    def match(self, label: str) -> tuple[str | None, str, tuple[str, ...]]:
        """(indicator id or None, how, candidates when the label fits several indicators)."""
        text = clean_label(label)
        fid = self.exact.get(text)
        if fid is not None:
            return fid, EXACT, ()
        syn = self.synonym.get(text)
        if syn is not None:
            if len(syn) == 1:
                return next(iter(syn)), SYNONYM, ()
            return None, "", tuple(sorted(syn))
        # measure words kept first: 法治培训场次 and 法治培训人次 differ only in them
        key = loose_key(text)
        cands = self.loose_full.get(key)
        if not cands or len(cands) > 1:
            cands = self.loose.get(strip_measure_word(key)) or cands
        if not cands:
            return None, "", ()
        if len(cands) == 1:
            return next(iter(cands)), NORMALISED, ()
        return None, "", tuple(sorted(cands))
