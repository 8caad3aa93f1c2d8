"""Running the checks on a draft, a file or a ReportText, and applying one-click fixes."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from govreport.text import blocks as blk
from govreport.checks.model import CheckResult, ReportText
from govreport.checks.registry import REGISTRY, all_checks, run_checks
from govreport.checks.sources import report_from_draft, report_from_path, workbook_figures
from govreport.model.findings import ERROR, WARNING, Finding, LEVEL_NAMES


@dataclass
class CheckRun:
    """What checking one report gives: findings in document order, some with a fix."""
    report: ReportText
    results: list[CheckResult] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [r.finding for r in self.results]

    @property
    def has_errors(self) -> bool:
        return any(r.finding.level == ERROR for r in self.results)

    def counts(self) -> dict[str, int]:
        out = {name: 0 for name in LEVEL_NAMES.values()}
        for r in self.results:
            out[r.finding.level_name] += 1
        return out

    def location(self, result: CheckResult) -> str:
        """Where a finding is, for people: part, paragraph and a short quote."""
        f = result.finding
        part = self.report.parts[result.part] if result.part is not None else None
        if part is not None:
            where = part.name or part.heading or f.section or ""
        elif f.section:
            spec = self.report.pack.section(f.section)
            where = spec.short if spec else f.section
        elif f.code == "report-date":
            where = "成文日期"
        elif f.quote and self.report.title and f.quote in self.report.title:
            where = "标题"
        else:
            where = "全文"
        if f.block is not None:
            where += f"第{f.block + 1}段"
        elif part is not None and part.heading and f.quote and f.quote in part.heading:
            where += "标题"
        if f.quote:
            where += f"“{f.quote}”"
        return where


def _order(report: ReportText, results: list[CheckResult]) -> list[CheckResult]:
    rank = {cid: i for i, cid in enumerate(REGISTRY)}
    return sorted(results, key=lambda r: (
        -1 if r.part is None else r.part,
        -1 if r.finding.block is None else r.finding.block,
        rank.get(r.finding.code, len(rank))))


def _with_notes(report: ReportText, results: list[CheckResult]) -> list[CheckResult]:
    notes = []
    for f in report.notes:
        part = next((i for i, p in enumerate(report.parts) if p.id == f.section), None)
        notes.append(CheckResult(f, None, part))
    return _order(report, notes + results)


def check_report(report: ReportText, disabled: Iterable[str] = ()) -> CheckRun:
    off = set(disabled)
    results = run_checks(report, off)
    report.notes = [f for f in report.notes if f.code not in off]
    return CheckRun(report, _with_notes(report, results))


def _add_workbook(report: ReportText, workbook: Path | str | None) -> None:
    if workbook is None:
        return
    # no year passed: the workbook's own year is compared with the report's
    figures, wyear, warnings = workbook_figures(workbook, report.pack)
    report.figures = figures
    report.workbook_year = wyear
    report.notes += [Finding(WARNING, "figure-mismatch", f"统计表：{w}") for w in warnings]


def check_draft(draft, pack=None, workbook: Path | str | None = None,
                disabled: Iterable[str] = (), today: dt.date | None = None,
                compiled=None) -> CheckRun:
    """Check a draft as compiled (compiled: its compile_draft result, when a build just made
    one); findings point to draft sections and blocks."""
    report = report_from_draft(draft, pack, today=today, compiled=compiled)
    _add_workbook(report, workbook)
    return check_report(report, disabled)


def check_path(path: Path | str, year: int | None = None, workbook: Path | str | None = None,
               disabled: Iterable[str] = (), pack=None, today: dt.date | None = None) -> CheckRun:
    """Check a draft (.json), a .docx or a .txt. Bad input raises InputError."""
    report = report_from_path(path, pack, year, today)
    _add_workbook(report, workbook)
    return check_report(report, disabled)


def apply_fix(draft, result: CheckResult) -> bool:
    """Apply a finding's one-click fix to the draft block it points to; True if text changed."""
    f = result.finding
    if result.fix is None or f.section is None or f.block is None:
        return False
    sec = draft.section(f.section)
    if sec is None or not 0 <= f.block < len(sec.blocks):
        return False
    old = sec.blocks[f.block]
    before = old.to_text()
    after = result.fix.apply(before)
    if after == before:
        return False
    new = blk.parse_line(after)
    if old.is_heading and new.is_heading and old.title:
        # keep the clerk's split between the heading sentence and the text after it
        rest = new.title + new.text
        cut = len(result.fix.apply(old.title)) if rest.startswith(result.fix.apply(old.title)) \
            else len(new.title)
        new = blk.Block(blk.HEADING, text=rest[cut:], level=new.level, number=new.number,
                        title=rest[:cut])
    sec.blocks[f.block] = new
    return True


def check_ids() -> list[tuple[str, str]]:
    """(id, Chinese name) of every check, in the order they run."""
    return [(c.id, c.name) for c in all_checks()]
