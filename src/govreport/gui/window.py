"""The main window: a QWizard whose pages follow the report (one per section of the draft's
pack), and the passive view the presenter drives. The side list (sidelist.py) and the actions
on drafts that ask first (draftactions.py: new, open, save, import, recovery) are mixed in."""
from __future__ import annotations

import base64
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QWizard

# Before the first paint this module touches no Qt enum namespace (PySide builds Python enums
# on first use: `Qt` alone costs ~25 ms); Qt, dialogs and the other pages load right after.
from govreport.gui import crash, dialogs, style
from govreport.gui.crash import guarded
from govreport.gui.draftactions import DraftActions
from govreport.gui.lazyrunner import LazyRunner
from govreport.gui.sidelist import ROLE, SideList
from govreport.gui.pages import ID_BASIC, ID_CHECK, ID_FIGURES, ID_GENERATE, ID_SECTION0, ID_START
from govreport.gui.presenter import (PAGE_BASIC, PAGE_CHECK, PAGE_FIGURES, PAGE_GENERATE,
                                     PAGE_SECTION, PAGE_START, WizardPresenter)
from govreport.gui.settings import Settings, settings as app_settings

if TYPE_CHECKING:
    from govreport.gui.records import Target

DEFAULT_SIZE = (1100, 760)


class ReportWizard(DraftActions, SideList, QWizard):
    first_painted = Signal()

    def __init__(self, settings: Settings | None = None, runner=None,
                 autosave_folder: Path | None = None):
        super().__init__()
        self.settings = settings or app_settings()
        self.runner = runner or LazyRunner(self.busy, self)
        self.presenter = WizardPresenter(self, self.runner, self.settings,
                                         autosave_folder=autosave_folder)
        self._painted = False
        self._closing = False
        self.setWizardStyle(QWizard.ModernStyle)
        self.setOptions(QWizard.NoCancelButton | QWizard.HaveCustomButton1
                        | QWizard.NoBackButtonOnStartPage | QWizard.NoDefaultButton)
        self.setButtonText(QWizard.NextButton, "下一步(&N) >")
        self.setButtonText(QWizard.BackButton, "< 上一步(&B)")
        self.setButtonText(QWizard.FinishButton, "完成(&F)")
        self.setButtonText(QWizard.CustomButton1, "保存草稿(&S)")
        self.button(QWizard.CustomButton1).setToolTip("保存草稿（Ctrl+S）")
        self.setButtonLayout([QWizard.CustomButton1, QWizard.Stretch, QWizard.BackButton,
                              QWizard.NextButton, QWizard.FinishButton])
        self.setStyleSheet(style.STYLESHEET)
        self.setSizeGripEnabled(True)
        self.setMinimumSize(760, 560)

        self._section_ids: dict[str, int] = {}
        self._sections_of = ""             # the pack the section pages were made from
        self._complete = False
        from govreport.gui.pages.start import StartPage
        self.setPage(ID_START, StartPage(self))
        self.setStartId(ID_START)
        self._build_side()
        self.build_after_paint = True      # off for the start-up benchmark (app.run)
        self.first_painted.connect(self._schedule_rest)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.timeout.connect(guarded(self.autosave_now))
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(lambda: self.notice.setText(""))
        self.customButtonClicked.connect(guarded(self._custom_button))
        self.currentIdChanged.connect(guarded(self._page_changed))
        self.restore_size()
        self.update_caption()

    # === construction ======================================================================
    def ensure_pages(self) -> None:
        """Every page after 开始 (one per section of the pack), the side list and the shortcuts.
        Done right after the first page is painted, or earlier if something needs them."""
        if self._complete:
            return
        self._complete = True
        from govreport.gui.qtfix import keep_none_alive
        keep_none_alive()          # PySide6 6.12 on Python 3.11; see qtfix.py
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence, QShortcut

        from govreport.gui.pages.basic import BasicPage
        from govreport.gui.pages.check import CheckPage
        from govreport.gui.pages.figures import FiguresPage
        from govreport.gui.pages.generate import GeneratePage
        self.setPage(ID_BASIC, BasicPage(self))
        self.setPage(ID_FIGURES, FiguresPage(self))
        self._make_section_pages()
        self.setPage(ID_CHECK, CheckPage(self))
        self.setPage(ID_GENERATE, GeneratePage(self))
        for keys, slot in ((QKeySequence.Save, self.save_draft),
                           (QKeySequence.SaveAs, lambda: self.save_draft(save_as=True)),
                           (QKeySequence.Open, self.open_draft_dialog),
                           (QKeySequence("Alt+Right"), self.next),
                           (QKeySequence("Alt+Left"), self.back),
                           (QKeySequence("Ctrl+PgDown"), self.next),
                           (QKeySequence("Ctrl+PgUp"), self.back)):
            QShortcut(keys, self, activated=guarded(slot), context=Qt.WindowShortcut)
        self.nav.setFocusPolicy(Qt.NoFocus)
        self._fill_nav()

    def _make_section_pages(self) -> None:
        """One page per section of the draft's pack; made again when a draft of another pack
        is opened."""
        from govreport.gui.pages.section import SectionPage
        pack = self.presenter.pack
        if pack.id == self._sections_of:
            return
        for pid in self._section_ids.values():
            page = self.page(pid)
            self.removePage(pid)
            page.deleteLater()
        self._section_ids = {}
        for i, spec in enumerate(pack.sections):
            self.setPage(ID_SECTION0 + i, SectionPage(self, spec))
            self._section_ids[spec.id] = ID_SECTION0 + i
        self._sections_of = pack.id

    def _schedule_rest(self) -> None:
        if self.build_after_paint:
            QTimer.singleShot(0, guarded(self.ensure_pages))

    @property
    def section_ids(self) -> dict[str, int]:
        self.ensure_pages()
        return self._section_ids

    # === navigation ========================================================================
    def page_for(self, target: Target) -> int:
        if target.page == PAGE_SECTION and target.section in self.section_ids:
            return self.section_ids[target.section]
        return {PAGE_START: ID_START, PAGE_BASIC: ID_BASIC, PAGE_FIGURES: ID_FIGURES,
                PAGE_CHECK: ID_CHECK, PAGE_GENERATE: ID_GENERATE}.get(target.page, ID_BASIC)

    def goto(self, page_id: int) -> bool:
        """Walk to a page with Next/Back, so every page between validates and initialises."""
        self.ensure_pages()
        if page_id != ID_START and not self.presenter.has_draft:
            self.presenter.new_draft()
        for _ in range(len(self.pageIds()) + 1):
            cur = self.currentId()
            if cur == page_id:
                return True
            if cur < page_id:
                self.next()
            else:
                self.back()
            if self.currentId() == cur:
                return False        # a page refused (e.g. 基本信息 without a unit name)
        return self.currentId() == page_id

    def jump(self, target: Target) -> None:
        if not self.goto(self.page_for(target)):
            return
        page = self.currentPage()
        if target.page == PAGE_SECTION and hasattr(page, "jump_to"):
            page.jump_to(target.block, target.quote)
        elif target.page == PAGE_FIGURES and target.indicator:
            page.select_indicator(target.indicator)
        elif target.page == PAGE_BASIC and target.field and hasattr(page, target.field):
            getattr(page, target.field).setFocus()

    def _page_changed(self, page_id: int) -> None:
        page = self.page(page_id)
        if page is not None:
            page.activate()
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            if item.data(ROLE) == page_id:
                self.nav.setCurrentItem(item)
        self._update_nav()

    def nextId(self) -> int:
        if self.currentId() == ID_START:
            return ID_BASIC          # also before the other pages exist (the first paint)
        return super().nextId()

    # === View protocol (the presenter calls these) =========================================
    def follow_pack(self) -> None:
        """Section pages and the side list of the pack in use (the open draft's; before any
        draft, the kind chosen on 开始)."""
        if self._complete and self.presenter.pack.id != self._sections_of:
            self._make_section_pages()
            self._fill_nav()

    def draft_loaded(self) -> None:
        self.ensure_pages()
        self.follow_pack()
        for pid in self.pageIds():
            page = self.page(pid)
            page.stale = True
            if hasattr(page, "reset_pending"):
                page.reset_pending = True
        if self.currentPage() is not None:
            self.currentPage().activate()
        self._update_nav()
        self.update_caption()

    def figures_changed(self) -> None:
        for pid in self.pageIds():
            self.page(pid).stale = True
        # after the current event (a table edit may still be committing)
        QTimer.singleShot(0, guarded(self._refresh_current))

    def _refresh_current(self) -> None:
        page = self.currentPage()
        if page is not None and page.key in ("figures", "basic", "section", "check"):
            page.activate()

    def dirty_changed(self, dirty: bool) -> None:
        self.setWindowModified(dirty)
        self.update_caption()

    def schedule_autosave(self, seconds: float) -> None:
        self._autosave_timer.start(int(seconds * 1000))

    def show_error(self, message: str) -> None:
        self._generation_done()
        dialogs.error(self, "无法完成", message)

    def unexpected_error(self, exc: BaseException) -> None:
        self._generation_done()
        crash.report(exc)

    def busy(self, message: str | None) -> None:
        self.busy_label.setText(message or "")
        self.busy_label.setVisible(bool(message))
        self.busy_bar.setVisible(bool(message))
        if message is None:
            self._generation_done()

    def notify(self, message: str) -> None:
        self.notice.setText(message)
        self._notice_timer.start(15000)

    def workbook_loaded(self, path: Path) -> None:
        # its notes are the figures page's to show (from the draft, like every other figure)
        self.notify(f"已读入统计表“{path.name}”")
        self._update_nav()

    def report_generated(self, result, demo: bool, levels) -> None:
        if demo:
            answer = dialogs.ask(self, "示例报告已生成", f"示例报告已保存到：\n{result.path}",
                                 [("open", "打开示例报告"), ("ok", "关闭")], "open", icon="info")
            if answer == "open":
                dialogs.open_path(result.path)
            return
        page = self.page(ID_GENERATE)
        if page.built:
            page.show_result(result, levels)
        self.notify(f"已生成报告“{Path(result.path).name}”")

    def _generation_done(self) -> None:
        page = self.page(ID_GENERATE)
        if page is not None and page.built and not self.runner_active():
            page.set_running(False)

    def draft_changed_elsewhere(self) -> None:
        """A one-click fix edited the draft: pages show the new text when next visited."""
        for pid in self.pageIds():
            self.page(pid).stale = True

    def fonts_checked(self) -> None:
        """The font check is done: 基本信息 marks the profiles (and shows a preselected one)."""
        page = self.page(ID_BASIC)
        if page is not None and page.built:
            page.show_fonts()

    def runner_active(self) -> bool:
        return bool(getattr(self.runner, "active", lambda: False)())

    def wait_for_jobs(self) -> None:
        """Closing while a report is being written: let it finish, the file is the clerk's."""
        if not self.runner_active() or not hasattr(self.runner, "wait"):
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            self.runner.wait()
        finally:
            QApplication.restoreOverrideCursor()

    def _custom_button(self, which) -> None:
        # PySide6 6.x passes an int, which no longer equals the WizardButton enum member
        if int(getattr(which, "value", which)) == QWizard.CustomButton1.value:
            self.save_draft()

    def update_caption(self) -> None:
        from PySide6.QtWidgets import QApplication
        name = self.presenter.report_name() or "govreport"
        # Qt appends the application's display name to every window title (dialogs too): it
        # names the report kind of the open draft, which may not be the default pack's
        QApplication.setApplicationDisplayName(name)
        if not self.presenter.has_draft:
            self.setWindowTitle(name)
            return
        self.setWindowTitle(f"{self.presenter.caption()}[*] — {name}")

    def pack_ready(self) -> None:
        """The pack is read (after the first paint): texts that name the report can say it."""
        self.update_caption()
        page = self.currentPage()
        if page is not None and page.key == "start":
            page.refresh()

    # === start-up and closing ==============================================================
    def after_show(self) -> None:
        """Once the first page is on screen: check this PC's fonts and warm up the core in the
        background, then offer recovery."""
        self.presenter.basic.check_fonts()
        self.presenter.warm_up()
        self.offer_recovery()

    def restore_size(self) -> None:
        raw = self.settings["window_geometry"]
        if raw:
            try:
                # bytes, not QByteArray: naming that class costs its enums before the first paint
                if self.restoreGeometry(base64.b64decode(raw)):
                    return
            except (ValueError, TypeError):
                pass
        self.resize(*DEFAULT_SIZE)

    def save_size(self) -> None:
        self.settings["window_geometry"] = base64.b64encode(bytes(self.saveGeometry())).decode()

    def keyPressEvent(self, event) -> None:
        from PySide6.QtCore import Qt
        if event.key() == Qt.Key_Escape:
            event.ignore()        # Esc must not close the whole program
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        """Every way out (window close, 完成, Esc) comes here: ask about unsaved changes first."""
        if not self._closing:
            if not guarded(self.confirm_discard)("关闭"):
                return
            self._closing = True
            self._autosave_timer.stop()
            self.wait_for_jobs()
            self.save_size()
            if not self.presenter.dirty:
                self.presenter.autosaver.clear()
        super().done(result)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
