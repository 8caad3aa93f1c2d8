"""The figure-reference grammar, owned here once: how wording names a figure.

Clerks' text cites figures as {{ name }}, {{ name.previous }} (last year's value),
{{ name | filter }} or {{ name | filter(arg) }}. The renderer reads them, the importer writes
them when it turns last year's numbers into references, and the wizard shows them as tokens;
all three use this module, so none of them parses or formats the syntax on its own.
Anything beyond this grammar (conditions, arithmetic) is jinja2 for the sandbox.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# The report's own variables, beside the indicators, with what the clerk reads for each.
REPORT_VARIABLES = {
    "unit_name": "单位名称", "unit_kind": "单位类别", "unit_organ": "署名机关", "year": "报告年度",
    "next_year": "下一年度", "last_year": "上一年度",
}

# Filters a reference may carry (the functions are wording.FILTERS), with their Chinese names.
FILTER_LABELS = {
    "approx": "约数", "pct": "百分比", "at_least": "不少于", "plain": "数值", "yoy": "同比",
    "cn": "汉字", "ordinal": "序数", "quarter": "季度",
}

PREVIOUS = ".previous"
# One reference inside text.
REFERENCE_RE = re.compile(r"\{\{\s*(?P<name>[A-Za-z_]\w*)(?P<prev>\.previous)?\s*"
                          r"(?:\|\s*(?P<filter>[a-z_]+)\s*"
                          r"(?:\(\s*(?P<arg>-?\d+(?:\.\d+)?)?\s*\))?\s*)?\}\}")
# The expression between the braces alone.
_EXPRESSION_RE = re.compile(REFERENCE_RE.pattern[len(r"\{\{"):-len(r"\}\}")])


@dataclass(frozen=True)
class Reference:
    """One figure reference: an indicator (or report variable), last year's value, a filter."""
    name: str
    previous: bool = False
    filter: str | None = None
    arg: int | float | None = None

    @property
    def source(self) -> str:
        """The reference as wording writes it: {{ name.previous | filter(arg) }}."""
        expr = self.name + (PREVIOUS if self.previous else "")
        if self.filter:
            expr += f" | {self.filter}" + ("" if self.arg is None else f"({self.arg})")
        return "{{ " + expr + " }}"

    @classmethod
    def from_match(cls, m: re.Match) -> "Reference":
        arg = m.group("arg")
        value = None if arg is None else (float(arg) if "." in arg else int(arg))
        return cls(m.group("name"), bool(m.group("prev")), m.group("filter"), value)

    @classmethod
    def parse(cls, text: str) -> "Reference | None":
        """A whole reference, with or without its braces; None when it is not one of ours
        (an unknown filter, an expression)."""
        text = text.strip()
        m = (REFERENCE_RE if text.startswith("{{") else _EXPRESSION_RE).fullmatch(text)
        if not m or (m.group("filter") and m.group("filter") not in FILTER_LABELS):
            return None
        return cls.from_match(m)


def find(text: str) -> list[tuple[re.Match, Reference]]:
    """Every reference in text, in order, with its match (for spans)."""
    return [(m, Reference.from_match(m)) for m in REFERENCE_RE.finditer(text)]


def only_references(text: str) -> bool:
    """True when text has no markup besides references of this grammar (no {% %}, {# #},
    expressions or unknown filters): it can be rendered without jinja2."""
    if "{%" in text or "{#" in text:
        return False
    rest = REFERENCE_RE.sub("", text)
    if "{{" in rest or "}}" in rest:
        return False
    return all(not ref.filter or ref.filter in FILTER_LABELS for _m, ref in find(text))
