"""检查 page: the findings on the draft, each with where it sends the clerk and its fix."""
from __future__ import annotations

import dataclasses
import importlib
from typing import TYPE_CHECKING, Callable

from govreport.gui.presenters.base import PagePresenter

if TYPE_CHECKING:
    from govreport.model.draft import Draft
    from govreport.model.findings import Finding
    from govreport.gui.records import FindingItem, Target
    from govreport.model.pack import TemplatePack

# Checks about one draft field that do not name it (the field is on the 基本信息 page).
_FIELD_OF_CODE = {"report-date": "date", "title": "title"}
_SECTION_CODES = ("section-missing", "section-order")


class CheckPresenter(PagePresenter):
    def items(self) -> "list[FindingItem]":
        """What the 检查 page lists: errors first, then in document order."""
        items = [self._item(f, where, result)
                 for f, where, result in self._with_missing_sections(self.review(self.draft))]
        rank = {"error": 0, "warning": 1, "info": 2}
        return sorted(items, key=lambda it: rank.get(it.finding.level, 3))

    def review(self, draft: "Draft", pack: "TemplatePack | None" = None, compiled=None
               ) -> list[tuple["Finding", str | None, object]]:
        """(finding, location, check result) for a draft: govreport.checks' findings (the
        compiler's included) and text the editor could not read as figure references. Also
        run on the snapshot a report is generated from, so both pages count alike."""
        from govreport import checks
        from govreport.model.findings import WARNING, Finding
        from govreport.gui.reftext import TOKEN_RE
        run = checks.check_draft(draft, pack or self.pack, compiled=compiled)
        out: list[tuple[Finding, str | None, object]] = [
            (r.finding, run.location(r), r) for r in run.results]
        for sec in draft.sections:
            for i, b in enumerate(sec.blocks):
                for m in TOKEN_RE.finditer(b.to_text()):
                    out.append((Finding(
                        WARNING, "unknown-token",
                        f"“{m.group(0)}”不是可识别的数据引用，将原样写入报告",
                        section=sec.id, block=i, quote=m.group(0),
                        suggestion="删除它，再用“插入数据”重新插入"), None, None))
        return out

    def _with_missing_sections(self, found):
        """A required section the draft lacks is reported without a section id (there is no
        part to point at); the checks report them in the pack's order, so the n-th such
        finding is about the n-th missing required section."""
        sections = self.wizard.section
        missing = iter([s.id for s in self.pack.sections
                        if s.required and not sections.section_included(s.id)])
        for f, where, result in found:
            if f.code in _SECTION_CODES and f.section is None and f.block is None \
                    and f.quote is None:
                f = dataclasses.replace(f, section=next(missing, None))
            yield f, where, result

    def _item(self, f: "Finding", where: str | None = None, result=None) -> "FindingItem":
        from govreport.model.findings import where as where_of
        from govreport.gui.records import FindingItem
        if where is None:
            where = where_of(f, self.pack.id)
        fix, label = self._fix_for(f, result)
        return FindingItem(f, where, self.target_of(f), fix, label)

    def target_of(self, f: "Finding") -> "Target | None":
        from govreport.gui.presenter import PAGE_BASIC, PAGE_FIGURES, PAGE_SECTION
        from govreport.gui.records import Target
        indicator = f.indicator or (f.quote if f.quote in self.pack.indicators else None)
        section = f.section
        if section and self.pack.section(section) is not None:
            if self.wizard.section.section_included(section) or f.code.startswith("section"):
                return Target(PAGE_SECTION, section, f.block, indicator, quote=f.quote)
        if f.code.startswith(("figure", "workbook")):
            return Target(PAGE_FIGURES, indicator=indicator)
        field = f.field or _FIELD_OF_CODE.get(f.code)
        if field:
            return Target(PAGE_BASIC, field=field)
        if section is None:
            return Target(PAGE_BASIC)
        return None

    def _fix_for(self, f: "Finding", result) -> tuple[Callable[[], None] | None, str]:
        """The one-click fix: govreport.checks' own (punctuation, numbering …), or ours."""
        sections = self.wizard.section
        if f.code in _SECTION_CODES and f.section and f.block is None \
                and self.pack.section(f.section) is not None \
                and not sections.section_included(f.section):
            missing = f.section
            return (lambda: sections.set_section_included(missing, True)), "恢复该部分"
        fix = getattr(result, "fix", None) if result is not None else None
        if fix is None:
            return None, ""

        def apply():
            checks = importlib.import_module("govreport.checks")
            if checks.apply_fix(self.draft, result):
                self.changed()
                self.view.draft_changed_elsewhere()

        return apply, getattr(fix, "label", "") or "一键修正"
