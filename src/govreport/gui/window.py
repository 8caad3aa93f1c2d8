"""The main window: a QWizard whose pages follow the report, a side list to jump between them,
and the passive view the presenter drives (saving, autosave, recovery, prompts)."""
from __future__ import annotations

import base64
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QLabel, QListWidget, QListWidgetItem, QProgressBar, QVBoxLayout,
                               QWidget, QWizard)

# Before the first paint this module touches no Qt enum namespace (PySide builds Python enums
# on first use: `Qt` alone costs ~25 ms); Qt, dialogs and the other pages load right after.
from govreport.gui import crash, dialogs, style
from govreport.gui.crash import guarded
from govreport.gui.presenter import (PAGE_BASIC, PAGE_CHECK, PAGE_FIGURES, PAGE_GENERATE,
                                     PAGE_SECTION, PAGE_START, WizardPresenter)
from govreport.gui.settings import Settings, settings as app_settings

if TYPE_CHECKING:
    from govreport.gui.records import Target

ID_START, ID_BASIC, ID_FIGURES = 0, 1, 2
ID_SECTION0 = 10
ID_CHECK, ID_GENERATE = 90, 100
DRAFT_FILTER = "报告草稿 (*.json);;所有文件 (*)"
REPORT_FILTER = "去年的报告 (*.docx *.txt);;所有文件 (*)"
DEFAULT_SIZE = (1100, 760)
ROLE = 256          # Qt.UserRole, spelled as a number so the first page needs no Qt namespace


class _Runner:
    """The window's QtRunner, made when the first job starts: workers.py (QObject subclasses
    with signals, the thread pool) is not needed for the first page."""

    def __init__(self, busy, parent):
        self._busy, self._parent, self._runner = busy, parent, None

    def run(self, job, on_done, on_error, message: str | None = None) -> None:
        if self._runner is None:
            from govreport.gui.workers import QtRunner
            self._runner = QtRunner(self._busy, self._parent)
        self._runner.run(job, on_done, on_error, message)

    def active(self) -> bool:
        return self._runner is not None and self._runner.active()

    def wait(self) -> bool:
        return self._runner is None or self._runner.wait()


class ReportWizard(QWizard):
    first_painted = Signal()

    def __init__(self, settings: Settings | None = None, runner=None,
                 autosave_folder: Path | None = None):
        super().__init__()
        self.settings = settings or app_settings()
        self.runner = runner or _Runner(self.busy, self)
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
        from govreport.gui.pages.section import SectionPage
        self.setPage(ID_BASIC, BasicPage(self))
        self.setPage(ID_FIGURES, FiguresPage(self))
        for i, spec in enumerate(self.presenter.section_specs()):
            self.setPage(ID_SECTION0 + i, SectionPage(self, spec))
            self._section_ids[spec.id] = ID_SECTION0 + i
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

    def _schedule_rest(self) -> None:
        if self.build_after_paint:
            QTimer.singleShot(0, guarded(self.ensure_pages))

    def ensure_section_pages(self) -> None:
        self.ensure_pages()

    @property
    def section_ids(self) -> dict[str, int]:
        self.ensure_pages()
        return self._section_ids

    def _build_side(self) -> None:
        side = QWidget()
        lay = QVBoxLayout(side)
        lay.setContentsMargins(0, 0, 8, 0)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        fm = self.nav.fontMetrics()
        self.nav.setFixedWidth(fm.horizontalAdvance("10. 第一责任人履职") + fm.height() * 2)
        self.nav.itemClicked.connect(guarded(lambda item: self.goto(item.data(ROLE))))
        lay.addWidget(self.nav, 1)
        self.busy_label = QLabel()
        self.busy_label.setWordWrap(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(fm.height() // 2 + 4)
        self.busy_label.hide()
        self.busy_bar.hide()
        self.notice = QLabel()
        self.notice.setObjectName("hint")
        self.notice.setWordWrap(True)
        self.notice.setFixedWidth(self.nav.width())
        self.busy_label.setFixedWidth(self.nav.width())
        lay.addWidget(self.busy_label)
        lay.addWidget(self.busy_bar)
        lay.addWidget(self.notice)
        self._side = side          # PySide does not hand ownership to QWizard here
        self.setSideWidget(side)

    def _fill_nav(self) -> None:
        self.nav.clear()
        for n, pid in enumerate(self.pageIds(), start=1):
            item = QListWidgetItem(f"{n}. {self.page(pid).title()}")
            item.setData(ROLE, pid)
            self.nav.addItem(item)
            if pid == self.currentId():
                self.nav.setCurrentItem(item)
        self._update_nav()

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
            page.jump_to(target.block)
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

    def _update_nav(self) -> None:
        if not self._complete:
            return
        from PySide6.QtCore import Qt
        has = self.presenter.has_draft
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            pid = item.data(ROLE)
            enabled = has or pid == ID_START
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable if enabled else Qt.NoItemFlags)
            page = self.page(pid)
            if hasattr(page, "section_id") and has and not self.presenter.section_included(page.section_id):
                item.setForeground(Qt.gray)
            else:
                item.setData(Qt.ForegroundRole, None)

    def nextId(self) -> int:
        if self.currentId() == ID_START:
            return ID_BASIC          # also before the other pages exist (the first paint)
        return super().nextId()

    # === View protocol (the presenter calls these) =========================================
    def draft_loaded(self) -> None:
        self.ensure_pages()
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

    def workbook_loaded(self, path: Path, warnings: list[str]) -> None:
        page = self.page(ID_FIGURES)
        if page.built:
            page.show_warnings(warnings)
        self.notify(f"已读入统计表“{path.name}”")
        self._update_nav()

    def workbook_year_differs(self, path: Path, workbook_year: int) -> None:
        year = self.presenter.draft.year
        answer = dialogs.ask(
            self, "统计表的年度与报告年度不同",
            f"统计表“{path.name}”是{workbook_year}年的数据，报告年度是{year}年。",
            [("switch", f"报告年度改为{workbook_year}年"), ("keep", f"保持{year}年")], "switch",
            icon="question",
            detail=f"保持{year}年时，统计表中没有{year}年的数据列的表格不会读取。")
        if answer == "switch":
            self.presenter.use_workbook_year(path, workbook_year)
        else:
            self.presenter.keep_year(path, workbook_year)

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

    def output_locked(self, path: Path, suggestion: Path, message: str) -> None:
        self._generation_done()
        answer = dialogs.ask(
            self, "无法保存报告", message,
            [("other", "另存为其他文件名…"), ("retry", "关闭文件后重试"), ("cancel", "取消")],
            "other", icon="warning",
            detail=f"原来的文件没有改动。可以另存为“{suggestion.name}”。")
        if answer == "other":
            target = dialogs.save_file(self, "报告另存为", suggestion, "Word 文档 (*.docx)")
            if target:
                self._start_generation(target)
        elif answer == "retry":
            self._start_generation(path)

    def _start_generation(self, path: Path) -> None:
        page = self.page(ID_GENERATE)
        if page.built:
            page.set_running(True)
            page.path.setText(str(path))
        self.presenter.generate(path)

    def _generation_done(self) -> None:
        page = self.page(ID_GENERATE)
        if page is not None and page.built and not self.runner_active():
            page.set_running(False)

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

    # === drafts ============================================================================
    def start_folder(self) -> Path:
        from govreport.gui import locations
        last = self.settings["last_folder"]
        return Path(last) if last and Path(last).is_dir() else locations.documents_dir()

    def confirm_discard(self, what: str = "继续") -> bool:
        """Unsaved changes: save, don't save, or cancel. True when it is fine to go on."""
        if not (self.presenter.has_draft and self.presenter.dirty):
            return True
        answer = dialogs.ask(self, "草稿尚未保存", "当前草稿有未保存的修改，要先保存吗？",
                             [("save", "保存"), ("discard", "不保存"), ("cancel", "取消")], "save",
                             icon="warning", detail=f"选择“不保存”将丢弃这些修改后{what}。")
        if answer == "save":
            return self.save_draft()
        if answer == "discard":
            self.presenter.discard_changes()
            return True
        return False

    def new_draft(self) -> None:
        if not self.confirm_discard("新建"):
            return
        self.presenter.new_draft()
        self.goto(ID_BASIC)

    def open_draft_dialog(self) -> None:
        if not self.confirm_discard("打开其他草稿"):
            return
        path = dialogs.open_file(self, "打开草稿", self.start_folder(), DRAFT_FILTER)
        if path:
            self._open(path)

    def open_draft(self, path: Path | str) -> None:
        if not self.confirm_discard("打开其他草稿"):
            return
        self._open(Path(path))

    def _open(self, path: Path) -> None:
        self.presenter.autosaver.clear()
        self.presenter.open_draft(path)
        self.goto(ID_BASIC)

    def import_report_dialog(self) -> None:
        if not self.presenter.importer_available():
            return
        if not self.confirm_discard("导入"):
            return
        how = dialogs.ask(self, "从去年的报告开始",
                          "去年的报告在哪里？",
                          [("file", "Word 或文本文件…"), ("paste", "粘贴文字…"), ("cancel", "取消")],
                          "file", detail="可以是本单位去年的报告，也可以是从政府网站复制的其他单位的报告。"
                                         "导入后会显示每部分的去向，再询问是否顺延年份。")
        if how == "file":
            path = dialogs.open_file(self, "选择去年的报告", self.start_folder(), REPORT_FILTER)
            if path:
                self.presenter.import_report(path=path)
        elif how == "paste":
            text = dialogs.multiline_input(self, "粘贴去年的报告",
                                           "把去年报告的全文粘贴在下面（网页上的杂项会自动去掉）：")
            if text and text.strip():
                self.presenter.import_report(text=text)

    def import_done(self, result) -> None:
        """Show what the import did; apply the year roll-forward only if the clerk agrees."""
        lines = self.presenter.import_summary(result)
        n = self.presenter.roll_forward_count(result)
        buttons = [("roll", f"导入并顺延年份（{n}处）"), ("plain", "导入，不顺延"), ("cancel", "取消")] \
            if n else [("plain", "导入"), ("cancel", "取消")]
        answer = dialogs.ask(self, "导入去年的报告",
                             f"已读取“{result.report.source_name}”，"
                             f"新草稿为{result.draft.unit}{result.draft.year}年度。",
                             buttons, buttons[0][0], icon="info", detail="\n".join(lines))
        if answer in ("roll", "plain"):
            self.presenter.accept_import(result, roll_forward=answer == "roll")
            self.goto(ID_BASIC)

    def draft_changed_elsewhere(self) -> None:
        """A one-click fix edited the draft: pages show the new text when next visited."""
        for pid in self.pageIds():
            self.page(pid).stale = True

    def fonts_checked(self) -> None:
        """The font check is done: 基本信息 marks the profiles (and shows a preselected one)."""
        page = self.page(ID_BASIC)
        if page is not None and page.built:
            page.show_fonts()

    def build_demo_dialog(self) -> None:
        target = dialogs.save_file(self, "示例报告保存为", self.presenter.demo_report_path(),
                                   "Word 文档 (*.docx)")
        if target:
            self.presenter.build_demo(target)
        self._first_run_done()

    def save_sample_dialog(self) -> None:
        from govreport import paths
        target = dialogs.save_file(self, "示例统计表保存为",
                                   self.start_folder() / paths.sample_workbook().name,
                                   "Excel 统计表 (*.xlsx)")
        if target:
            saved = self.presenter.save_sample_workbook(target)
            self.notify(f"示例统计表已保存：{saved.name}")
        self._first_run_done()

    def try_demo(self) -> None:
        if not self.confirm_discard("打开示例"):
            return
        self.presenter.load_demo()
        self._first_run_done()
        self.goto(ID_BASIC)

    def _first_run_done(self) -> None:
        if not self.settings["first_run_done"]:
            self.settings["first_run_done"] = True

    def save_draft(self, save_as: bool = False) -> bool:
        p = self.presenter
        if not p.has_draft:
            return False
        path = p.draft_path
        if path is None or save_as:
            path = dialogs.save_file(self, "保存草稿", p.suggested_draft_path(), DRAFT_FILTER)
            if not path:
                return False
        saved = p.save(path)
        self.update_caption()
        self.notify(f"草稿已保存：{saved.name}")
        page = self.page(ID_GENERATE)
        if page.built:
            page.refresh_hint()
        return True

    def autosave_now(self) -> None:
        self.presenter.autosave()

    def _custom_button(self, which: int) -> None:
        if which == QWizard.CustomButton1:
            self.save_draft()

    def update_caption(self) -> None:
        if not self.presenter.has_draft:
            self.setWindowTitle("法治政府建设年度报告")
            return
        self.setWindowTitle(f"{self.presenter.caption()}[*] — 法治政府建设年度报告")

    # === start-up and closing ==============================================================
    def after_show(self) -> None:
        """Once the first page is on screen: check this PC's fonts and warm up the core in the
        background, then offer recovery."""
        import importlib
        self.presenter.check_fonts()
        self.runner.run(lambda: importlib.import_module("govreport.service"),
                        lambda _m: None, lambda _e: None)
        self.offer_recovery()

    def offer_recovery(self) -> bool:
        recs = self.presenter.recoveries()
        if not recs:
            return False
        rec = recs[0]
        more = f"\n另有{len(recs) - 1}份更早的自动保存。" if len(recs) > 1 else ""
        answer = dialogs.ask(
            self, "恢复未保存的草稿？",
            "上次没有正常关闭，发现一份未保存的草稿：\n" + rec.description + more,
            [("recover", "恢复草稿"), ("discard", "不恢复"), ("later", "以后再说")], "recover",
            detail="选择“不恢复”将删除这份自动保存。")
        if answer == "recover":
            self.presenter.recover(rec)
            self.goto(ID_BASIC)
            return True
        if answer == "discard":
            self.presenter.discard_recoveries(recs)
        return False

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
