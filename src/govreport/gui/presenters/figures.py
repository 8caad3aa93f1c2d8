"""导入统计表 page: the figures with where each came from, cell bindings, typed values."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from govreport.gui import outputs
from govreport.gui.presenters.base import PagePresenter

if TYPE_CHECKING:
    from govreport.app.workbooks import UnmatchedRow, WorkbookRead
    from govreport.gui.figuretable import FigureRow


class FiguresPresenter(PagePresenter):
    def __init__(self, wizard):
        super().__init__(wizard)
        self._years_kept: set[tuple[str, int, int]] = set()   # (workbook, its year, report year)

    def figure_rows(self) -> "list[FigureRow]":
        from govreport.gui.figuretable import rows
        details = self.session.details
        return rows(self.pack.indicators, self.figure_set(), details.matches if details else None,
                    self.draft.overrides, self.draft.bindings)

    def unmatched(self) -> "list[UnmatchedRow]":
        from govreport.gui.figuretable import unmatched_rows
        details = self.session.details
        return unmatched_rows(details.unmatched, self.draft.bindings) if details else []

    def notes(self) -> list[str]:
        """What the last import said about the workbook (hidden sheets, missing years …)."""
        details = self.session.details if self.has_draft else None
        return list(details.notes) if details else []

    @property
    def workbook_path(self) -> Path | None:
        return self.session.workbook_path if self.has_draft else None

    def save_blank_workbook(self, target: Path | str) -> Path:
        """The statistics template for this draft's unit and year (`stats-template`)."""
        from govreport.statistics.template import write_template
        return write_template(self.pack, outputs.with_suffix(target, ".xlsx"),
                              self.draft.year, self.draft.unit)

    def blank_workbook_name(self) -> str:
        return f"{self.draft.unit or '本单位'}{self.draft.year}年{self.pack.statistics_name}.xlsx"

    def load_workbook(self, path: Path | str, quiet: bool = False, announce: bool = True) -> None:
        """Read a workbook's figures off the UI thread; the draft takes them when done.
        quiet: the draft's own workbook, read again on opening (no questions, no busy note);
        announce: say so if that changed the figures."""
        path = Path(path)
        generation = self.wizard.generation

        def done(read: "WorkbookRead"):
            if generation != self.wizard.generation or not self.has_draft:
                return                      # another draft was opened meanwhile
            if self.session.take_workbook(read):
                self.changed()
                if quiet and announce:
                    self.view.notify("统计表在上次保存后有改动，已按最新的统计表更新数据")
            else:
                self.wizard.refigured()
            self.view.figures_changed()
            self.view.workbook_loaded(path)
            own = read.result.workbook_year
            if own and own != self.draft.year and not quiet \
                    and (str(path), own, self.draft.year) not in self._years_kept:
                self.view.workbook_year_differs(path, own)

        def failed(exc):
            from govreport.base.errors import InputError
            if generation != self.wizard.generation:
                return
            if quiet and isinstance(exc, InputError):
                self.view.notify(f"草稿记录的统计表未能重新读取（{exc}），数据仍用草稿中保存的数值")
            else:
                self.wizard.job_failed(exc)

        self.runner.run(self.session.workbook_reader(path), done, failed,
                        None if quiet else f"正在读取统计表“{path.name}”……")

    def keep_year(self, path: Path | str, workbook_year: int) -> None:
        """The clerk keeps the report year for this workbook: not asked again this session."""
        self._years_kept.add((str(path), workbook_year, self.draft.year))

    def use_workbook_year(self, path: Path | str, year: int) -> None:
        """The clerk takes the workbook's year as the report year: the 成文日期 follows if it
        was still the default one, and the workbook is read again for that year."""
        from govreport.model.draft import default_date
        basic = self.wizard.basic
        if self.draft.date == default_date(self.draft.year).isoformat():
            basic.set_field("date", default_date(year))
        basic.set_field("year", year)
        self.load_workbook(path)

    def bind(self, indicator_id: str, cell: str) -> None:
        """The clerk says: this indicator is in that cell (e.g. 普法!D7). Re-reads the workbook."""
        from govreport.base.errors import InputError
        from govreport.gui.figuretable import parse_cell
        sheet, coord = parse_cell(cell)
        if self.workbook_path is None:
            raise InputError("请先选择统计表，再指定单元格")
        self.draft.bindings[indicator_id] = f"{sheet}!{coord}"
        self.draft.overrides.pop(indicator_id, None)
        self.changed()
        self.load_workbook(self.workbook_path)

    def unbind(self, indicator_id: str) -> None:
        if self.draft.bindings.pop(indicator_id, None) is not None:
            self.changed()
            if self.workbook_path and self.workbook_path.is_file():
                self.load_workbook(self.workbook_path)

    def set_override(self, indicator_id: str, text: str) -> None:
        """A value the clerk typed (marked 手工录入); empty text removes it."""
        from govreport.model.figures import SOURCE_TYPED, Figure
        from govreport.gui.figuretable import parse_value
        ind = self.pack.indicators[indicator_id]
        value = parse_value(text, ind.name)
        overrides = self.draft.overrides
        if value is None:
            if overrides.pop(indicator_id, None) is None:
                return
        else:
            old = overrides.get(indicator_id) or self.draft.figures.get(indicator_id)
            if indicator_id in overrides and overrides[indicator_id].value == value:
                return
            overrides[indicator_id] = Figure(indicator_id, value,
                                             previous=old.previous if old else None,
                                             source=SOURCE_TYPED, typed=True)
        self.changed()
        self.view.figures_changed()
