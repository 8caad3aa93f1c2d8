"""Section wording: jinja2 text rendered in a sandbox, with figures and visible gaps.

A figure the report needs but nobody supplied renders as 【缺：指标名称】 and becomes a finding;
it is never an empty string and never an exception.

Plain figure references are rendered here directly; only text that needs more loads jinja2
(govreport.wording.sandbox), whose import costs about as much as building a report.
"""
from __future__ import annotations

import re
import sys
import threading
from dataclasses import dataclass, field

from govreport.text import numfmt, units
from govreport.model.figures import Figure, FigureSet
from govreport.model.findings import ERROR, WARNING, Finding
from govreport.model.indicators import Indicator, IndicatorSet
from govreport.wording.references import find, only_references

GAP_OPEN = "【缺："
GAP_CLOSE = "】"
GAP_RE = re.compile(r"【缺：([^】]*)】")


def gap(name: str) -> str:
    return f"{GAP_OPEN}{name}{GAP_CLOSE}"


@dataclass
class RenderLog:
    """Collects what happened while rendering one piece of text."""
    section: str | None = None
    block: int | None = None
    findings: list[Finding] = field(default_factory=list)
    used: list[str] = field(default_factory=list)   # indicator ids cited, in order

    def missing(self, label: str, indicator_id: str | None) -> str:
        self.findings.append(Finding(
            WARNING, "figure-missing",
            f"缺少数据“{label}”，报告中留有{gap(label)}",
            section=self.section, block=self.block, quote=indicator_id,
            suggestion="在统计表中补充该数据，或在向导中手工录入，或删改这句话",
            indicator=indicator_id))
        return gap(label)


class FigureRef:
    """What a template sees for an indicator: prints as the value, or as a gap when missing."""

    def __init__(self, indicator: Indicator, figure: Figure | None, log: RenderLog,
                 previous: bool = False):
        self._ind = indicator
        self._fig = figure
        self._log = log
        self._prev = previous

    @property
    def value(self) -> float | None:
        if self._fig is None:
            return None
        return self._fig.previous if self._prev else self._fig.value

    @property
    def previous(self) -> "FigureRef":
        return FigureRef(self._ind, self._fig, self._log, previous=True)

    @property
    def label(self) -> str:
        return self._ind.name + ("（上年）" if self._prev else "")

    def gap(self) -> str:
        return self._log.missing(self.label, self._ind.id)

    def __bool__(self) -> bool:
        return self.value is not None

    def __str__(self) -> str:
        self._log.used.append(self._ind.id)
        v = self.value
        return self.gap() if v is None else numfmt.plain(v, self._ind.type)


class _Logs(threading.local):
    """The render logs in progress, per thread: the wizard renders on the UI thread while a
    report is generated in the background."""
    def __init__(self):
        self.stack: list[RenderLog] = []


_LOGS = _Logs()


def _current_log() -> RenderLog | None:
    return _LOGS.stack[-1] if _LOGS.stack else None


def _is_undefined(x) -> bool:
    """An undefined name in sandboxed text (there is none before jinja2 is loaded)."""
    jinja2 = sys.modules.get("jinja2")
    return jinja2 is not None and isinstance(x, jinja2.Undefined)


def _unwrap(x, fn, *args):
    """Apply a number filter to a figure, a plain number, or a gap."""
    if isinstance(x, FigureRef):
        x._log.used.append(x._ind.id)
        if x.value is None:
            return x.gap()
        return fn(x.value, *args)
    if _is_undefined(x):
        return str(x)
    if x is None or x == "":
        log = _current_log()
        return log.missing("数据", None) if log else gap("数据")
    return fn(float(x), *args)


def f_approx(x):
    return _unwrap(x, numfmt.approx)


def f_pct(x, digits: int = 2):
    return _unwrap(x, numfmt.percent, digits)


def f_at_least(x, step: float = 5):
    return _unwrap(x, numfmt.at_least, step)


def f_plain(x, digits: int | None = None):
    if digits is None:
        return _unwrap(x, numfmt.plain)
    return _unwrap(x, numfmt.trim, digits)


def f_yoy(x):
    if isinstance(x, FigureRef):
        x._log.used.append(x._ind.id)
        cur, prev = x.value, x.previous.value
        if cur is None:
            return x.gap()
        if prev is None:
            return x.previous.gap()
        if prev == 0:
            return x._log.missing(x._ind.name + "（上年为0，无法计算同比）", x._ind.id)
        return numfmt.yoy(cur, prev)
    return str(x) if _is_undefined(x) else gap("同比")


def f_cn(x):
    return _unwrap(x, lambda v: numfmt.chinese(int(v)))


def f_ordinal(x):
    return _unwrap(x, lambda v: numfmt.ordinal(int(v)))


def f_quarter(x):
    return _unwrap(x, lambda v: numfmt.quarter(int(v)))


FILTERS = {
    "approx": f_approx, "pct": f_pct, "at_least": f_at_least, "plain": f_plain,
    "yoy": f_yoy, "cn": f_cn, "ordinal": f_ordinal, "quarter": f_quarter,
}


def has_markup(text: str) -> bool:
    return "{{" in text or "{%" in text or "{#" in text


@dataclass
class Context:
    """Everything a section's wording may refer to."""
    unit_name: str
    year: int
    indicators: IndicatorSet
    figures: FigureSet

    @property
    def unit_kind(self) -> str:
        return units.unit_kind(self.unit_name)

    def variables(self, log: RenderLog) -> dict:
        vars_ = {
            "unit_name": self.unit_name, "unit_kind": self.unit_kind,
            "unit_organ": units.organ_name(self.unit_name),
            "year": self.year, "next_year": self.year + 1, "last_year": self.year - 1,
        }
        for ind in self.indicators:
            vars_[ind.id] = FigureRef(ind, self.figures.get(ind.id), log)
        return vars_


# References of the plain grammar (govreport.wording.references) are rendered without compiling a
# jinja2 template (compiling costs about a millisecond per block); anything else goes through
# the sandbox.
def _render_simple(source: str, ctx: Context, log: RenderLog) -> str | None:
    if not only_references(source):
        return None
    variables = ctx.variables(log)
    out, pos = [], 0
    _LOGS.stack.append(log)
    try:
        for m, ref in find(source):
            value = variables.get(ref.name)
            if value is None:
                return None       # not an indicator: the sandbox path reports it
            if ref.previous:
                if not isinstance(value, FigureRef):
                    return None
                value = value.previous
            try:
                if ref.filter:
                    args = () if ref.arg is None else (ref.arg,)
                    text = FILTERS[ref.filter](value, *args)
                else:
                    text = str(value)
            except (TypeError, ValueError, ArithmeticError):
                return None       # the sandbox path reports it properly
            out.append(source[pos:m.start()])
            out.append(text)
            pos = m.end()
    finally:
        _LOGS.stack.pop()
    out.append(source[pos:])
    return "".join(out)


def render(source: str, ctx: Context, section: str | None = None,
           block: int | None = None) -> tuple[str, RenderLog]:
    """Render one piece of wording; returns the text and what happened."""
    log = RenderLog(section=section, block=block)
    if not has_markup(source):
        return source, log
    fast = _render_simple(source, ctx, log)
    if fast is not None:
        return fast, log
    from govreport.wording import sandbox
    log = RenderLog(section=section, block=block)
    try:
        template = sandbox.compile_template(source)
    except sandbox.TemplateError as exc:
        log.findings.append(Finding(
            ERROR, "template-syntax", f"文中的数据引用写法有误{_line_of(exc)}",
            section=section, block=block, quote=source[:30],
            suggestion="检查 {{ }} 是否成对；要写大括号本身，请用全角｛｝"))
        return source, log
    _LOGS.stack.append(log)
    try:
        text = template.render(ctx.variables(log))
    except sandbox.TemplateError as exc:
        log.findings.append(Finding(
            ERROR, "template-error", f"文中的数据引用无法生成：{_explain(exc)}",
            section=section, block=block, quote=source[:30]))
        text = source
    except (TypeError, ValueError, ArithmeticError) as exc:
        log.findings.append(Finding(
            ERROR, "template-error", f"文中的数据引用无法生成：{_explain(exc)}",
            section=section, block=block, quote=source[:30]))
        text = source
    finally:
        _LOGS.stack.pop()
    return text, log


def _line_of(exc: Exception) -> str:
    line = getattr(exc, "lineno", None)
    return f"（第{line}行）" if isinstance(line, int) and line > 1 else ""


# What went wrong, for the clerk: jinja2's and Python's own messages are in English.
_EXPLAINED = {"SecurityError": "含有不允许的写法", "ZeroDivisionError": "除以零",
              "UndefinedError": "引用了不存在的内容", "TypeError": "数据的类型不对",
              "ValueError": "数值不对", "OverflowError": "数值太大"}


def _explain(exc: Exception) -> str:
    for cls in type(exc).__mro__:
        if cls.__name__ in _EXPLAINED:
            return _EXPLAINED[cls.__name__]
    return "写法无法处理"


def referenced_names(source: str) -> set[str]:
    """Names a piece of wording reads (for checking templates against the indicator list)."""
    from govreport.wording import sandbox
    return sandbox.undeclared_names(source)


def references(source: str) -> list[str]:
    """Indicator-like names in order of appearance (for the ledger and the wizard)."""
    if not has_markup(source):
        return []
    from govreport.wording import sandbox
    return sandbox.loaded_names(source)
