"""The check registry: every check has a stable id, a Chinese name and one function."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from govreport.checks.model import CheckResult, Emitter, ReportText
from govreport.base.errors import InputError


@dataclass(frozen=True)
class Check:
    id: str
    name: str                                   # Chinese, for the wizard and --list
    run: Callable[[ReportText, Emitter], None]


REGISTRY: dict[str, Check] = {}


def check(check_id: str, name: str):
    """Decorator: register fn(report, emit) under a stable id."""
    def wrap(fn):
        if check_id in REGISTRY:
            raise ValueError(f"duplicate check id {check_id}")
        REGISTRY[check_id] = Check(check_id, name, fn)
        return fn
    return wrap


def all_checks() -> list[Check]:
    from govreport.checks import _load_all  # noqa: F401  (registers the checks)
    return list(REGISTRY.values())


def parse_disabled(value: str | Iterable[str] | None) -> set[str]:
    """'placeholder, length' -> {'placeholder', 'length'}; unknown ids are refused in Chinese."""
    if not value:
        return set()
    items = value.replace("，", ",").split(",") if isinstance(value, str) else list(value)
    ids = {i.strip() for i in items if i and i.strip()}
    known = {c.id for c in all_checks()}
    unknown = sorted(ids - known)
    if unknown:
        raise InputError(f"没有编号为“{'、'.join(unknown)}”的检查项（可用：{'、'.join(sorted(known))}）")
    return ids


def run_checks(report: ReportText, disabled: Iterable[str] = ()) -> list[CheckResult]:
    """Run every enabled check on the report, in registry order."""
    off = set(disabled) | set(getattr(report.settings, "disabled", ()))
    results: list[CheckResult] = []
    for c in all_checks():
        if c.id in off:
            continue
        emit = Emitter(report, c.id)
        c.run(report, emit)
        results += emit.results
    return results
