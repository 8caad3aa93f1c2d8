"""Figure values: what the workbook, the draft and the clerk say each indicator is."""
from __future__ import annotations

import ast
import math
import operator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from govreport.model.findings import INFO, WARNING, Finding
from govreport.model.indicators import IndicatorSet
from govreport.text.numfmt import trim

SOURCE_TYPED = "手工录入"
SOURCE_FORMULA = "公式计算"


@dataclass
class Figure:
    id: str
    value: float | None
    previous: float | None = None
    source: str = ""            # "普法!D7", SOURCE_TYPED or SOURCE_FORMULA
    typed: bool = False         # the clerk typed it (an override), not from the workbook
    formula: str | None = None  # for derived figures, the formula used

    def to_dict(self) -> dict:
        d = {"value": self.value, "previous": self.previous, "source": self.source}
        if self.typed:
            d["typed"] = True
        if self.formula:
            d["formula"] = self.formula
        return d

    @classmethod
    def from_dict(cls, fid: str, d: dict) -> "Figure":
        return cls(id=fid, value=d.get("value"), previous=d.get("previous"),
                   source=d.get("source", ""), typed=bool(d.get("typed", False)),
                   formula=d.get("formula"))


_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
        ast.Div: operator.truediv}


@lru_cache(maxsize=512)
def _parsed(formula: str) -> ast.expr:
    return ast.parse(formula, mode="eval").body


def _evaluate(formula: str, current: dict[str, float], previous: dict[str, float]) -> float:
    """Arithmetic over indicator ids and prev.<id>; nothing else is evaluated (no eval())."""
    def ev(node: ast.expr) -> float:
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            v = ev(node.operand)
            return -v if isinstance(node.op, ast.USub) else v
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.Name):
            return float(current[node.id])
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id == "prev":
            return float(previous[node.attr])
        raise ValueError(f"unsupported formula element in {formula!r}")
    return ev(_parsed(formula))


@dataclass
class FigureSet:
    """All figures for one report, with derived indicators computed."""
    figures: dict[str, Figure] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def get(self, fid: str) -> Figure | None:
        return self.figures.get(fid)

    def value(self, fid: str) -> float | None:
        f = self.figures.get(fid)
        return None if f is None else f.value


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.05 + 1e-9


def resolve(indicators: IndicatorSet, base: dict[str, Figure],
            overrides: dict[str, Figure] | None = None) -> FigureSet:
    """Combine workbook figures and the clerk's overrides, then compute derived indicators.

    Division by zero and missing inputs become findings, never exceptions.
    """
    figs: dict[str, Figure] = {k: replace(v) for k, v in base.items() if k in indicators}
    for fid, f in (overrides or {}).items():
        if fid in indicators:
            figs[fid] = replace(f, typed=True, source=f.source or SOURCE_TYPED)
    findings: list[Finding] = []
    for ind in indicators.derived_in_order():
        given = figs.get(ind.id)
        if given is not None and given.typed:
            continue   # the clerk's own value wins over any formula
        cur_ids, prev_ids = ind.inputs()

        def value_of(i: str, prev: bool) -> float | None:
            f = figs.get(i)
            return None if f is None else (f.previous if prev else f.value)

        missing = [(i, False) for i in sorted(cur_ids) if value_of(i, False) is None] + \
                  [(i, True) for i in sorted(prev_ids) if value_of(i, True) is None]
        computed = None
        if not missing:
            cur = {i: value_of(i, False) for i in cur_ids}
            prv = {i: value_of(i, True) for i in prev_ids}
            try:
                computed = _evaluate(ind.formula, cur, prv)
                if math.isnan(computed) or math.isinf(computed):
                    raise ZeroDivisionError
            except ValueError as exc:        # a formula in the pack we cannot evaluate
                computed = None
                findings.append(Finding(WARNING, "figure-formula-invalid",
                                        f"“{ind.name}”的公式无法计算：{exc}"))
            except ZeroDivisionError:
                findings.append(Finding(
                    WARNING, "figure-division-by-zero",
                    f"“{ind.name}”无法计算：公式 {ind.formula} 的分母为0",
                    suggestion="检查统计表中作为分母的数据，或直接填写该比率"))
        # last year's value of a derived figure, when last year's inputs are all there
        prev_value = None
        if not prev_ids:
            prv_in = {i: value_of(i, True) for i in cur_ids}
            if cur_ids and all(v is not None for v in prv_in.values()):
                try:
                    prev_value = _evaluate(ind.formula, prv_in, {})
                except (ZeroDivisionError, ValueError):
                    prev_value = None
        if computed is not None:
            if given is not None and given.value is not None and not _close(given.value, computed):
                findings.append(Finding(
                    WARNING, "figure-formula-mismatch",
                    f"“{ind.name}”统计表填的是{trim(given.value)}，按公式计算为{trim(computed)}，"
                    f"报告采用计算值",
                    quote=given.source or None,
                    suggestion="核对统计表中的比率与分子、分母是否一致", indicator=ind.id))
            figs[ind.id] = Figure(ind.id, round(computed, 4),
                                  previous=prev_value if given is None else
                                  (given.previous if given.previous is not None else prev_value),
                                  source=SOURCE_FORMULA, formula=ind.formula)
        elif given is None and missing:
            names = "、".join((indicators[i].name if i in indicators else i)
                             + ("（上年）" if prev else "") for i, prev in missing)
            findings.append(Finding(
                INFO, "figure-derived-inputs-missing",
                f"“{ind.name}”无法计算：缺少{names}", indicator=ind.id))
    return FigureSet(figs, findings)

