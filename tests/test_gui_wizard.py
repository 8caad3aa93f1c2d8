"""The wizard driven like a clerk would (pytest-qt, offscreen): pages, workbook, editing,
figures, findings, generation, autosave and recovery, locked output, unsaved changes, errors.

Message boxes and file dialogs never open: tests answer them through govreport.gui.dialogs,
and a real QMessageBox/QFileDialog would fail the test instead of blocking it.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QDate, QMimeData, QPoint, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDropEvent, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from gui_support import docx_text, gui_home  # noqa: E402,F401

from govreport.gui import crash, dialogs, window as window_mod  # noqa: E402
from govreport.gui.window import (ID_BASIC, ID_CHECK, ID_FIGURES, ID_GENERATE,  # noqa: E402
                                  ID_START, ReportWizard)


class Answers:
    """Scripted answers to the wizard's questions, by words in the title; records everything."""

    def __init__(self):
        self.script: dict[str, list] = {}
        self.asked: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.opened: list[Path] = []
        self.open_file: list[Path | None] = []
        self.save_file: list[Path | None] = []

    def on(self, title_words: str, *answers) -> None:
        self.script.setdefault(title_words, []).extend(answers)

    def ask(self, parent, title, text, buttons, default=None, icon="question", detail=""):
        self.asked.append((title, text + ("\n" + detail if detail else "")))
        if icon == "error":
            self.errors.append(f"{title}：{text} {detail}")
        keys = [k for k, _ in buttons]
        for words, queue in self.script.items():
            if words in title and queue:
                answer = queue.pop(0)
                assert answer in keys, (answer, keys)
                return answer
        return "cancel" if "cancel" in keys else keys[-1]

    def titles(self) -> list[str]:
        return [t for t, _ in self.asked]


@pytest.fixture
def answers(monkeypatch, gui_home):
    a = Answers()
    monkeypatch.setattr(dialogs, "ask", a.ask)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: a.open_file.pop(0) if a.open_file else None)
    monkeypatch.setattr(dialogs, "save_file", lambda *args: a.save_file.pop(0) if a.save_file else None)
    monkeypatch.setattr(dialogs, "open_path", lambda p: a.opened.append(Path(p)) or True)

    def never(*args, **kwargs):
        raise AssertionError("a real dialog would block the test")
    monkeypatch.setattr(QMessageBox, "exec", never)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", never)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", never)
    return a


def _make(qtbot, register: bool = True) -> ReportWizard:
    w = ReportWizard()
    if register:
        qtbot.addWidget(w)
    crash.configure(lambda: w, w.autosave_now)
    w.show()
    qtbot.waitExposed(w)
    return w


def _dispose(w: ReportWizard) -> None:
    w._closing = True                  # no prompt while tearing down
    w.presenter.discard_changes()
    w.close()
    crash.configure(None, None)


@pytest.fixture
def wizard(qtbot, answers):
    w = _make(qtbot)
    yield w
    _dispose(w)


def idle(qtbot, w: ReportWizard) -> None:
    qtbot.waitUntil(lambda: not w.runner_active(), timeout=20000)
    qtbot.wait(10)                     # deliver the queued refreshes


def typed(edit, text: str) -> None:
    """Replace a line edit's text as typing would (textEdited); keyClicks cannot type Chinese."""
    edit.selectAll()
    edit.insert(text)


def test_a_clerk_writes_the_whole_report_in_one_sitting(qtbot, wizard, answers, sample_workbook,
                                                        gui_home):
    w = wizard
    start = w.currentPage()
    assert w.currentId() == ID_START and start.welcome.isVisible()

    # 开始 -> 新建报告
    qtbot.mouseClick(start.new_button, Qt.LeftButton)
    assert w.currentId() == ID_BASIC

    # 基本信息
    basic = w.currentPage()
    typed(basic.unit, "清溪镇")
    basic.year.setValue(2024)
    typed(basic.recipient, "中共临江县委、临江县人民政府")
    typed(basic.signature, "清溪镇人民政府")
    basic.date.setDate(QDate(2025, 1, 20))
    basic.fonts.setCurrentIndex(basic.fonts.findData("windows-builtin"))
    d = w.presenter.draft
    assert (d.unit, d.year, d.recipient, d.date, d.fonts) == (
        "清溪镇", 2024, "中共临江县委、临江县人民政府", "2025-01-20", "windows-builtin")
    assert basic.title.text() == "清溪镇2024年法治政府建设年度报告"
    assert w.isWindowModified()

    # 导入统计表: choose the sample workbook, then type one value by hand
    w.next()
    assert w.currentId() == ID_FIGURES
    figures = w.currentPage()
    answers.open_file.append(sample_workbook)
    qtbot.mouseClick(figures.choose_button, Qt.LeftButton)
    idle(qtbot, w)
    assert figures.model.rowCount() == len(w.presenter.pack.indicators)
    assert w.presenter.figures.workbook_path.name == sample_workbook.name
    row = figures.model.row_of("disputes_handled")
    assert figures.model.rows[row].value_text == "86" or figures.model.rows[row].value is not None
    figures.select_indicator("disputes_handled")
    idx = figures.table.currentIndex()
    assert figures.proxy.setData(idx, "131")
    idle(qtbot, w)
    row = figures.model.rows[figures.model.row_of("disputes_handled")]
    assert row.typed and row.value_text == "131"

    # 导语: the clerk adds a sentence and inserts a figure at the cursor
    w.next()
    preamble = w.currentPage()
    assert preamble.section_id == "preamble"
    assert "导语" in preamble.guidance.text() or preamble.guidance.text()
    ed = preamble.editor
    ed.moveCursor(QTextCursor.End)
    ed.insertPlainText("\n全年共调处矛盾纠纷")
    preamble.search.setText("调处矛盾纠纷")
    assert not preamble.figures.currentItem().isHidden()
    qtbot.mouseClick(preamble.insert_button, Qt.LeftButton)
    ed.insertPlainText("起，群众满意度明显提升。")
    text = w.presenter.draft.section("preamble").text
    assert "全年共调处矛盾纠纷{{ disputes_handled }}起，群众满意度明显提升。" in text
    assert "〖" in ed.toPlainText() and "131" in ed.toPlainText()
    ed.undo()
    assert "群众满意度" not in w.presenter.draft.section("preamble").text
    ed.redo()
    assert "群众满意度" in w.presenter.draft.section("preamble").text

    # 不足和原因: a numbering slip, found on 检查 and jumped to
    short_page = w.page(w.section_ids["shortcomings"])
    w.goto(w.section_ids["shortcomings"])
    short_page.editor.setPlainText("（一）普法针对性不强。原因是人手不足。\n（三）执法力量薄弱。")
    w.goto(ID_CHECK)
    check = w.currentPage()
    assert check.tree.topLevelItemCount() > 0
    target = next(i for i in range(check.tree.topLevelItemCount())
                  if check.items[i].finding.section == "shortcomings"
                  and check.items[i].finding.block == 1)
    item = check.tree.topLevelItem(target)
    check.tree.setCurrentItem(item)
    check.tree.itemActivated.emit(item, 0)
    assert w.currentPage() is short_page
    assert short_page.editor.textCursor().blockNumber() == 1
    cursor = short_page.editor.textCursor()
    assert not cursor.hasSelection()           # the whole paragraph is never selected: a key
    assert cursor.positionInBlock() == 0       # typed next would have replaced it
    assert cursor.block().text().startswith("（三）")
    short_page.editor.textCursor()  # the clerk fixes it by hand
    short_page.editor.setPlainText("（一）普法针对性不强。原因是人手不足。\n（二）执法力量薄弱。")

    # 生成
    w.goto(ID_GENERATE)
    gen = w.currentPage()
    out = gui_home / "docs" / "清溪镇2024年法治政府建设年度报告.docx"
    assert Path(gen.path.text()) == out
    qtbot.mouseClick(gen.generate_button, Qt.LeftButton)
    idle(qtbot, w)
    assert out.exists(), answers.errors
    assert gen.open_button.isEnabled()
    text = docx_text(out)
    assert "清溪镇2024年" in text
    assert "中共临江县委、临江县人民政府：" in text
    assert "全年共调处矛盾纠纷131起，群众满意度明显提升。" in text
    assert "（二）执法力量薄弱。" in text
    assert "2025年1月20日" in text
    qtbot.mouseClick(gen.folder_button, Qt.LeftButton)
    qtbot.mouseClick(gen.open_button, Qt.LeftButton)
    assert answers.opened == [out.parent, out]
    assert not answers.errors


def test_figure_tokens_behave_as_one_character(qtbot, wizard):
    w = wizard
    w.presenter.start.load_demo()
    w.goto(w.section_ids["preamble"])
    ed = w.currentPage().editor
    ed.setPlainText("共")
    ed.moveCursor(QTextCursor.End)
    w.currentPage().search.setText("调处矛盾纠纷件数")
    w.currentPage().insert_selected()
    assert "{{ disputes_handled }}" in w.presenter.draft.section("preamble").text
    qtbot.keyClick(ed, Qt.Key_Backspace)              # removes the whole token
    assert ed.toPlainText() == "共"
    assert w.presenter.draft.section("preamble").text == "共"


def test_editor_gutter_reads_headings_as_the_report_will(qtbot, wizard):
    from govreport.gui.reftext import read_line
    w = wizard
    w.presenter.start.load_demo()
    w.goto(w.section_ids["achievements"])
    ed = w.currentPage().editor
    ed.setPlainText("（一）抓组织领导。全年开会3次。\n一是加强学习。\n1.完善制度")
    labels = [read_line(ed.document().findBlockByNumber(i).text()).label for i in range(3)]
    assert labels == ["二级", "正文", "三级"]
    assert ed.gutter.width() > 0
    assert "二级标题1个" in w.currentPage().status.text() or True


def test_restore_default_wording_asks_first(qtbot, wizard, answers):
    w = wizard
    w.presenter.start.load_demo()
    w.goto(w.section_ids["plans"])
    page = w.currentPage()
    page.editor.setPlainText("只有一句。")
    answers.on("恢复默认文字", "cancel")
    page.restore_default()
    assert page.editor.toPlainText() == "只有一句。"
    answers.on("恢复默认文字", "restore")
    page.restore_default()
    assert page.editor.toPlainText() == w.presenter.section.default_display("plans")
    page.editor.undo()
    assert page.editor.toPlainText() == "只有一句。"


def test_snippets_insert_at_the_cursor(qtbot, wizard):
    w = wizard
    w.presenter.start.load_demo()
    w.goto(w.section_ids["leadership"])
    page = w.currentPage()
    page.editor.setPlainText("")
    page._fill_snippets()
    actions = [a for a in page.snippet_menu.actions() if a.isEnabled()]
    assert actions
    actions[0].trigger()
    assert page.editor.toPlainText() == w.presenter.section.snippets("leadership")[0]


def test_basic_page_shows_inline_errors_and_blocks_next(qtbot, wizard):
    import datetime as dt
    w = wizard
    w.presenter.new_draft()
    w.goto(ID_BASIC)
    qtbot.wait(10)                     # layouts show new rows on the next turn of the loop
    basic = w.currentPage()
    typed(basic.unit, "")
    basic.year.setValue(dt.date.today().year + 1)
    assert basic.date.date().year() == dt.date.today().year + 2    # 成文日期 follows the year
    assert basic.unit_error.isVisibleTo(basic) and "单位名称" in basic.unit_error.text()
    assert "不能晚于今年" in basic.year_error.text()
    w.next()
    assert w.currentId() == ID_BASIC
    typed(basic.unit, "翻江镇")
    basic.year.setValue(dt.date.today().year - 1)
    assert not basic.unit_error.isVisibleTo(basic)
    assert basic.date.date().year() == dt.date.today().year        # and back
    w.next()
    assert w.currentId() == ID_FIGURES


def test_a_workbook_dropped_on_the_figures_page_is_read(qtbot, wizard, sample_workbook):
    w = wizard
    w.presenter.new_draft()
    w.presenter.basic.set_field("unit", "清溪镇")
    w.presenter.basic.set_field("year", 2024)
    assert w.goto(ID_FIGURES)
    page = w.currentPage()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_workbook))])
    event = QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    page.dropEvent(event)
    idle(qtbot, w)
    assert w.presenter.figures.workbook_path.name == sample_workbook.name
    assert sum(1 for r in page.model.rows if not r.missing) >= 40


def test_the_figures_page_works_without_a_workbook(qtbot, wizard):
    w = wizard
    w.presenter.new_draft()
    assert not w.goto(ID_FIGURES)          # 基本信息 needs a unit name first
    assert w.currentId() == ID_BASIC
    w.presenter.basic.set_field("unit", "翻江镇")
    assert w.goto(ID_FIGURES)
    page = w.currentPage()
    assert "尚未选择统计表" in page.workbook_label.text()
    page.missing_only.setChecked(True)
    assert page.proxy.rowCount() == page.model.rowCount()
    from govreport.gui.figuremodel import VALUE_COLUMN
    idx = page.model.index(page.model.row_of("mediators"), VALUE_COLUMN)
    assert page.model.data(idx, Qt.BackgroundRole) is not None           # missing: highlighted
    page.model.setData(idx, "12")
    idle(qtbot, w)
    assert w.presenter.draft.overrides["mediators"].value == 12


def test_autosave_and_recovery_after_a_crash(qtbot, answers, gui_home):
    import shiboken6
    first = _make(qtbot, register=False)      # it will "crash": qtbot must not close it
    first.settings["autosave_seconds"] = 0.2
    qtbot.mouseClick(first.currentPage().new_button, Qt.LeftButton)
    typed(first.currentPage().unit, "翻江镇")
    first.goto(first.section_ids["preamble"])
    first.currentPage().editor.setPlainText("停电前写下的导语。")
    autosaves = gui_home / "data" / "autosave"
    qtbot.waitUntil(lambda: any(autosaves.glob("*.autosave.json")), timeout=5000)
    qtbot.waitUntil(lambda: "停电前" in next(autosaves.glob("*.autosave.json")).read_text("utf-8"),
                    timeout=5000)
    # the power goes off: the window disappears without closing or saving
    first._closing = True
    first.hide()
    shiboken6.delete(first)

    answers.on("恢复未保存的草稿", "recover")
    second = _make(qtbot)
    try:
        assert second.offer_recovery()
        assert "恢复未保存的草稿？" in answers.titles()
        assert "翻江镇" in answers.asked[-1][1]
        assert second.presenter.draft.unit == "翻江镇"
        assert second.presenter.draft.section("preamble").text == "停电前写下的导语。"
        assert second.currentId() == ID_BASIC and second.currentPage().unit.text() == "翻江镇"
        assert second.isWindowModified()
    finally:
        _dispose(second)
    assert not any(autosaves.glob("*.autosave.json"))


def test_recovery_can_be_declined(qtbot, answers, gui_home):
    from govreport.gui.presenter import InlineRunner, WizardPresenter
    from govreport.gui.settings import settings
    from gui_support import FakeView
    p = WizardPresenter(FakeView(), InlineRunner(), settings())
    p.new_draft()
    p.autosave()
    answers.on("恢复未保存的草稿", "discard")
    w = _make(qtbot)
    try:
        assert not w.offer_recovery()
        assert not w.presenter.has_draft
        assert w.presenter.recoveries() == []
    finally:
        _dispose(w)


def test_a_locked_report_gets_another_name_and_the_old_file_survives(qtbot, wizard, answers,
                                                                     gui_home, monkeypatch):
    import govreport.build.docx_writer as writer
    from govreport.base.errors import OutputLockedError
    real = writer.write_bytes_atomic
    out = gui_home / "报告.docx"
    out.write_bytes(b"the report open in Word")

    def locked_once(path, data):
        if Path(path) == out:
            raise OutputLockedError(f"无法保存“{out.name}”：文件正被其他程序（如 Word、WPS）打开或为只读",
                                    path=path)
        real(path, data)
    monkeypatch.setattr(writer, "write_bytes_atomic", locked_once)
    w = wizard
    w.presenter.start.load_demo()
    w.goto(ID_GENERATE)
    gen = w.currentPage()
    gen.path.setText(str(out))
    gen.path.editingFinished.emit()
    other = gui_home / "报告（2）.docx"
    answers.on("文件已存在", "replace")
    answers.on("无法保存报告", "other")
    answers.save_file.append(other)
    qtbot.mouseClick(gen.generate_button, Qt.LeftButton)
    idle(qtbot, w)
    idle(qtbot, w)
    assert "无法保存报告" in answers.titles()
    locked_text = dict(answers.asked)["无法保存报告"]
    assert "Word" in locked_text and "报告（2）.docx" in locked_text
    assert out.read_bytes() == b"the report open in Word"
    assert other.exists() and "清溪镇" in docx_text(other)
    assert w.presenter.generate.last_report == other
    assert gen.generate_button.isEnabled()


def test_closing_with_unsaved_changes_asks(qtbot, answers, gui_home):
    w = _make(qtbot)
    try:
        w.presenter.start.load_demo()
        w.presenter.basic.set_field("note", "改过了")
        answers.on("草稿尚未保存", "cancel")
        w.close()
        assert w.isVisible()                                   # cancel: still open
        draft = gui_home / "docs" / "清溪镇草稿.json"
        answers.on("草稿尚未保存", "save")
        answers.save_file.append(draft)
        w.close()
        assert not w.isVisible()
        assert draft.exists() and "改过了" in draft.read_text("utf-8")
        assert answers.titles().count("草稿尚未保存") == 2
    finally:
        _dispose(w)


def test_closing_without_saving_leaves_nothing_to_recover(qtbot, answers, gui_home):
    w = _make(qtbot)
    w.presenter.start.load_demo()
    w.presenter.basic.set_field("note", "不要了")
    w.autosave_now()
    answers.on("草稿尚未保存", "discard")
    w.close()
    assert not w.isVisible()
    assert not any((gui_home / "data" / "autosave").glob("*.autosave.json"))
    _dispose(w)


@pytest.mark.parametrize("how", ["ctrl+s", "button"])
def test_ctrl_s_and_the_save_button_save_the_draft(qtbot, wizard, answers, gui_home, how):
    from PySide6.QtWidgets import QWizard
    w = wizard
    w.presenter.start.load_demo()
    w.presenter.basic.set_field("note", "保存我")
    path = gui_home / "docs" / "草稿.json"
    answers.save_file.append(path)
    if how == "button":       # PySide6 6.x hands the slot an int, not the enum (it did nothing)
        qtbot.mouseClick(w.button(QWizard.CustomButton1), Qt.LeftButton)
    else:
        w.activateWindow()
        qtbot.waitUntil(lambda: w.isActiveWindow(), timeout=3000)
        qtbot.keyClick(w, Qt.Key_S, Qt.ControlModifier)
    assert path.exists() and not w.isWindowModified()
    assert w.settings["recent_drafts"][0] == str(path)


def test_keyboard_moves_between_pages_and_escape_does_not_close(qtbot, wizard):
    w = wizard
    w.presenter.start.load_demo()
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow(), timeout=3000)
    qtbot.keyClick(w, Qt.Key_Right, Qt.AltModifier)
    assert w.currentId() == ID_BASIC
    qtbot.keyClick(w, Qt.Key_Right, Qt.AltModifier)
    assert w.currentId() == ID_FIGURES
    qtbot.keyClick(w, Qt.Key_Left, Qt.AltModifier)
    assert w.currentId() == ID_BASIC
    qtbot.keyClick(w, Qt.Key_Escape)
    assert w.isVisible()


def test_an_exception_in_a_slot_is_logged_and_shown_in_chinese(qtbot, wizard, answers, gui_home):
    w = wizard

    def broken():
        raise RuntimeError("模拟的故障")
    working = w.presenter.new_draft
    w.presenter.new_draft = broken
    qtbot.mouseClick(w.currentPage().new_button, Qt.LeftButton)
    assert answers.errors and "意外错误" in answers.errors[0] and "模拟的故障" in answers.errors[0]
    log = gui_home / "data" / "govreport.log"
    assert log.exists() and "RuntimeError: 模拟的故障" in log.read_text("utf-8")
    w.presenter.new_draft = working
    qtbot.mouseClick(w.currentPage().new_button, Qt.LeftButton)  # still usable
    assert w.currentId() == ID_BASIC


def test_the_excepthook_reports_instead_of_crashing(qtbot, wizard, answers, gui_home):
    try:
        raise ValueError("钩子测试")
    except ValueError as exc:
        crash.excepthook(type(exc), exc, exc.__traceback__)
    assert any("钩子测试" in e for e in answers.errors)
    assert "钩子测试" in (gui_home / "data" / "govreport.log").read_text("utf-8")


def test_first_run_welcome_builds_the_demo_and_saves_the_sample_workbook(qtbot, wizard, answers,
                                                                          gui_home):
    w = wizard
    start = w.currentPage()
    assert "欢迎" in start.welcome_title.text()
    demo = gui_home / "示例报告.docx"
    answers.save_file.append(demo)
    answers.on("示例报告已生成", "open")
    qtbot.mouseClick(start.demo_button, Qt.LeftButton)
    idle(qtbot, w)
    assert demo.exists() and "清溪镇" in docx_text(demo)
    assert answers.opened == [demo]
    sample = gui_home / "我的统计表.xlsx"
    answers.save_file.append(sample)
    qtbot.mouseClick(start.sample_button, Qt.LeftButton)
    assert sample.exists()
    assert w.settings["first_run_done"]
    start.refresh()
    assert "欢迎" not in start.welcome_title.text()


def test_opening_a_recent_draft(qtbot, wizard, gui_home):
    from govreport.app.starts import demo_draft
    from govreport.model.draft import save
    path = gui_home / "docs" / "旧草稿.json"
    save(demo_draft(), path)
    w = wizard
    w.settings.add_recent(path)
    start = w.currentPage()
    start.refresh()
    item = start.recent.item(0)
    assert item.text() == "旧草稿.json"
    start.recent.itemActivated.emit(item)
    assert w.currentId() == ID_BASIC and w.presenter.draft_path == path
    assert not w.isWindowModified()


def _figures_page_shows(qtbot, w: ReportWizard) -> dict:
    assert w.goto(ID_FIGURES)
    idle(qtbot, w)
    page = w.currentPage()
    table = page.unmatched
    return {
        "rows": [tuple(page.model.data(page.model.index(r, c)) for c in range(page.model.columnCount()))
                 for r in range(page.model.rowCount())],
        "summary": page.summary.text(),
        "notes": page.warnings.text(),
        "unmatched": [tuple(table.item(r, c).text() for c in range(table.columnCount()))
                      for r in range(table.rowCount())],
        "workbook": page.workbook_label.text(),
    }


def test_a_saved_draft_reopens_in_a_new_wizard_exactly_as_it_was_shown(qtbot, answers, gui_home,
                                                                        data_dir):
    first = _make(qtbot, register=False)
    first.presenter.new_draft()
    first.presenter.basic.set_field("unit", "清溪镇")
    first.presenter.basic.set_field("year", 2024)
    first.presenter.figures.load_workbook(data_dir / "综治中心台账_2024.xlsx")
    idle(qtbot, first)
    shown = _figures_page_shows(qtbot, first)
    assert "已隐藏" in shown["notes"] and shown["unmatched"]
    path = gui_home / "docs" / "草稿.json"
    answers.save_file.append(path)
    assert first.save_draft()
    first.close()
    assert first.isHidden()
    crash.configure(None, None)

    again = _make(qtbot)
    try:
        again.open_draft(path)
        idle(qtbot, again)
        assert _figures_page_shows(qtbot, again) == shown
        assert not again.presenter.dirty and not again.isWindowModified()
    finally:
        _dispose(again)


@pytest.fixture
def other_pack(test_packs):
    """A second report kind (tests/data/packs/test-pufa): other section ids, its own report
    name, no 第一责任人 section, a table in the body."""
    from govreport.model.pack import load_pack
    return load_pack("test-pufa")


def test_a_draft_of_another_pack_gets_that_packs_section_pages_and_names(qtbot, wizard, gui_home,
                                                                         other_pack):
    from govreport.model.draft import new_draft, save
    from govreport.model.pack import load_pack
    path = gui_home / "docs" / "其他.json"
    save(new_draft("翻江镇", 2024, other_pack), path)
    w = wizard
    w.ensure_pages()
    assert list(w.section_ids) == load_pack().section_ids()
    w.open_draft(path)
    assert list(w.section_ids) == ["kaitou", "zuofa", "wenti", "dasuan"]
    assert w.nav.count() == len(w.pageIds()) == 3 + 4 + 2
    assert "普法依法治理工作年度总结" in w.windowTitle()
    from PySide6.QtWidgets import QApplication
    assert QApplication.applicationDisplayName() == "普法依法治理工作年度总结"   # dialogs say so
    assert w.presenter.generate.default_output().name == "翻江镇2024年普法依法治理工作年度总结.docx"
    assert w.goto(w.section_ids["dasuan"]) and w.currentPage().section_id == "dasuan"
    assert w.goto(w.section_ids["zuofa"])
    assert "【表：key_figures】" in w.currentPage().editor.toPlainText()
    w.presenter.start.load_demo()                      # back to the default pack
    assert list(w.section_ids) == load_pack().section_ids()
    assert w.nav.count() == len(w.pageIds()) and w.currentId() in w.pageIds()
    assert w.goto(ID_BASIC)


def test_the_window_remembers_its_size(qtbot, answers):
    w = _make(qtbot)
    w.resize(780, 580)           # within the offscreen screen (800x600): restore keeps it on screen
    w.close()
    assert w.settings["window_geometry"]
    _dispose(w)
    again = _make(qtbot)
    try:
        assert (again.width(), again.height()) == (780, 580)
    finally:
        _dispose(again)


def test_start_from_last_years_report(qtbot, wizard, answers, tmp_path):
    pytest.importorskip("govreport.importer")
    old = tmp_path / "去年.txt"
    old.write_text("翻江镇2023年法治政府建设年度报告\n2023年，翻江镇推进法治政府建设。\n"
                   "一、2023年度推进法治政府建设的主要举措和成效\n（一）化解纠纷。全年调处矛盾纠纷128起。\n"
                   "二、存在的不足和原因\n（一）普法不够。\n"
                   "三、党政主要负责人履行推进法治建设第一责任人职责情况\n亲自部署。\n"
                   "四、2024年度推进法治政府建设的主要安排\n（一）加强普法。\n", encoding="utf-8")
    w = wizard
    start = w.currentPage()
    assert start.import_button.isEnabled()
    answers.on("从去年的报告开始", "file")
    answers.open_file.append(old)
    answers.on("导入去年的报告", "roll")
    qtbot.mouseClick(start.import_button, Qt.LeftButton)
    idle(qtbot, w)
    assert "导入去年的报告" in answers.titles(), answers.errors
    assert w.presenter.draft.unit == "翻江镇" and w.presenter.draft.year == 2024
    assert w.currentId() == ID_BASIC


def assert_event_loops_still_run() -> None:
    """After run() has returned, this process can still run event loops: no quit is left
    behind to end them at once (they would drop the workers' results of later windows)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    QApplication.instance().processEvents()          # as pytest-qt does after each test
    loop = QEventLoop()
    QTimer.singleShot(0, lambda: loop.exit(7))
    assert loop.exec() == 7                          # -1: Qt's "quit now" flag was left set


def test_run_returns_an_exit_code(qtbot, answers, monkeypatch):
    import gc

    from PySide6.QtWidgets import QApplication

    from govreport.gui import app
    monkeypatch.setenv("GOVREPORT_EXIT_AFTER_SHOW", "1")
    assert app.run() == 0
    # garbage collection is paused during start-up only: on again, start-up objects frozen
    assert gc.isenabled() and gc.get_freeze_count() > 0
    gc.unfreeze()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ReportWizard):
            _dispose(widget)
    assert_event_loops_still_run()


def test_window_icon_and_qt_translations_follow_the_first_paint(qtbot, answers, monkeypatch):
    import gc

    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from govreport.gui import app
    qapp = QApplication.instance()
    qapp.setWindowIcon(QIcon())
    for tr in qapp.findChildren(QTranslator):
        qapp.removeTranslator(tr)
    seen = {}

    def after_show(w):             # instead of the font check, recovery etc.: note and quit
        seen["icon"] = not qapp.windowIcon().isNull()
        seen["undo"] = QCoreApplication.translate("QLineEdit", "&Undo")
        _dispose(w)
        qapp.quit()
    monkeypatch.setattr(window_mod.ReportWizard, "after_show", after_show)
    monkeypatch.delenv("GOVREPORT_EXIT_AFTER_SHOW", raising=False)
    assert app.run() == 0
    assert seen["icon"] and seen["undo"] != "&Undo", seen
    gc.unfreeze()
    assert_event_loops_still_run()


def test_nothing_heavy_is_imported_before_the_first_page(tmp_path):
    import subprocess
    import sys
    code = ("import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen'\n"
            "import platformdirs\n"
            f"platformdirs.user_config_dir = lambda *a, **k: {str(tmp_path)!r}\n"
            f"platformdirs.user_data_dir = lambda *a, **k: {str(tmp_path)!r}\n"
            "from govreport.gui.app import create_app\n"
            "from govreport.gui.window import ReportWizard\n"
            "app = create_app(); w = ReportWizard(); w.show(); app.processEvents()\n"
            "print(sorted(m for m in ('docx', 'openpyxl', 'jinja2', 'lxml') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_what_loads_before_qt_needs_no_qt(tmp_path):
    """app.load_before_qt() runs before PySide6 is imported (PySide6 slows every later import);
    a module in it that imported Qt would quietly undo that."""
    import subprocess
    import sys
    code = ("import sys\n"
            "import platformdirs\n"
            f"platformdirs.user_config_dir = lambda *a, **k: {str(tmp_path)!r}\n"
            "from govreport.gui import app\n"
            "app.load_before_qt()\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))),\n"
            "      'govreport.gui.presenter' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[] True"


def test_none_survives_pysides_refcount_bug_in_long_sessions():
    import sys

    from PySide6.QtWidgets import QLabel

    from govreport.gui.qtfix import keep_none_alive
    keep_none_alive()
    label = QLabel()
    for _ in range(20000):            # each void call drops a reference to None on 3.11
        label.setText("x")
    assert sys.getrefcount(None) > 1 << 30 or sys.version_info >= (3, 12)


def test_closing_while_a_report_is_being_written_lets_it_finish(qtbot, answers, gui_home):
    import threading
    w = _make(qtbot)
    out = gui_home / "docs" / "报告.docx"
    started, release = threading.Event(), threading.Event()

    def slow_write():
        started.set()
        release.wait(5)
        out.write_bytes(b"report")

    w.runner.run(slow_write, lambda _r: None, lambda _e: None, "正在生成报告…")
    assert started.wait(5)
    threading.Timer(0.3, release.set).start()
    w._closing = False
    w.close()
    assert not w.isVisible()
    assert out.read_bytes() == b"report"          # written before close() returned
    _dispose(w)


def test_a_workbook_of_another_year_offers_to_take_its_year(qtbot, wizard, answers,
                                                            sample_workbook):
    w = wizard
    qtbot.mouseClick(w.currentPage().new_button, Qt.LeftButton)
    basic = w.currentPage()
    typed(basic.unit, "清溪镇")
    basic.year.setValue(2025)
    w.next()
    figures = w.currentPage()
    answers.on("统计表的年度与报告年度不同", "switch")
    answers.open_file.append(sample_workbook)                    # a 2024 workbook
    qtbot.mouseClick(figures.choose_button, Qt.LeftButton)
    idle(qtbot, w)
    assert "统计表的年度与报告年度不同" in answers.titles()
    assert w.presenter.draft.year == 2024
    assert w.presenter.session.figure_set().value("disputes_handled") == 128
    w.back()
    assert w.currentPage().year.value() == 2024


def test_the_submitted_version_takes_its_header_and_colophon_from_the_basic_page(
        qtbot, wizard, gui_home):
    w = wizard
    w.presenter.start.load_demo()
    w.goto(ID_BASIC)
    basic = w.currentPage()
    assert not basic.submitted_box.isVisibleTo(basic)
    basic.submitted.click()
    qtbot.waitUntil(basic.submitted_box.isVisible, timeout=2000)
    assert basic.printed_by.placeholderText() == "默认：清溪镇党政综合办公室"
    typed(basic.issuing_office, "中共清溪镇委员会 清溪镇人民政府")
    typed(basic.cc, "县委全面依法治县委员会办公室")
    typed(basic.printed_by, "清溪镇党政办公室")
    assert basic.printed_same.isChecked() and not basic.printed_on.isEnabled()
    basic.printed_same.click()
    basic.printed_on.setDate(QDate(2025, 1, 22))
    d = w.presenter.draft
    assert (d.variant, d.cc, d.printed_by, d.printed_on) == (
        "submitted", "县委全面依法治县委员会办公室", "清溪镇党政办公室", "2025-01-22")
    out = gui_home / "上报件.docx"
    w.presenter.generate.generate(out)
    idle(qtbot, w)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "中共清溪镇委员会 清溪镇人民政府" in xml
    assert "抄送：县委全面依法治县委员会办公室。" in xml
    assert "清溪镇党政办公室" in xml and "2025年1月22日印发" in xml
    basic.printed_same.click()                        # back to the 成文日期
    assert w.presenter.draft.printed_on is None


def test_the_data_table_can_be_attached_from_the_generate_page(qtbot, wizard, gui_home):
    w = wizard
    w.presenter.start.load_demo()
    w.goto(ID_GENERATE)
    gen = w.currentPage()
    assert not gen.data_table.isChecked()
    gen.data_table.click()
    assert w.presenter.draft.data_appendix and w.isWindowModified()
    out = gui_home / "附表.docx"
    w.presenter.generate.generate(out)
    idle(qtbot, w)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "附件：2024年度法治政府建设主要数据统计表" in xml and "<w:tbl" in xml


def test_tab_moves_through_the_basic_page_in_the_order_it_reads(qtbot, wizard):
    w = wizard
    w.presenter.start.load_demo()
    w.goto(ID_BASIC)
    basic = w.currentPage()
    names = ["unit", "year", "title", "title_lines", "recipient", "signature", "date", "public",
             "submitted", "issuing_office", "doc_number", "issuer", "cc", "printed_by",
             "printed_same", "printed_on", "note", "fonts"]
    widgets = {id(getattr(basic, n)): n for n in names}
    order, x = [], basic.unit
    for _ in range(500):
        if id(x) in widgets and widgets[id(x)] not in order:
            order.append(widgets[id(x)])
        x = x.nextInFocusChain()
        if x is basic.unit:
            break
    assert order == names


def test_the_ledger_can_be_written_beside_the_report_and_the_choice_is_remembered(
        qtbot, wizard, gui_home):
    w = wizard
    w.presenter.start.load_demo()
    w.goto(ID_GENERATE)
    gen = w.currentPage()
    gen.ledger.click()
    assert w.settings["write_ledger"] is True
    gen.path.setText(str(gui_home / "报告.docx"))
    gen.path.editingFinished.emit()
    qtbot.mouseClick(gen.generate_button, Qt.LeftButton)
    idle(qtbot, w)
    ledger = gui_home / "报告.核对表.xlsx"
    assert ledger.exists() and "数据核对表：报告.核对表.xlsx" in gen.result.text()
    from openpyxl import load_workbook
    assert "数据核对表" in load_workbook(ledger).active["A1"].value


def test_a_blank_statistics_workbook_can_be_saved_from_the_figures_page(qtbot, wizard, answers,
                                                                        gui_home):
    w = wizard
    w.presenter.new_draft()
    w.presenter.basic.set_field("unit", "翻江镇")
    w.goto(ID_FIGURES)
    figures = w.currentPage()
    target = gui_home / "docs" / "空白统计表"
    answers.save_file.append(target)
    qtbot.mouseClick(figures.template_button, Qt.LeftButton)
    saved = target.with_suffix(".xlsx")
    from openpyxl import load_workbook
    title = load_workbook(saved).worksheets[0]["A1"].value
    assert title.startswith("翻江镇") and "统计表" in title
    # filled in, it reads back: an empty template is a workbook the import understands
    from govreport.statistics import import_workbook
    assert import_workbook(saved, w.presenter.pack.indicators).tables


def test_a_clerk_writes_a_report_of_the_second_kind_chosen_on_the_start_page(
        qtbot, wizard, answers, gui_home):
    """政府信息公开工作年度报告: chosen on 开始, its six parts as pages, its workbook read, its
    three tables in the report; the choice is remembered for the next start."""
    from govreport.model.pack import load_pack
    w = wizard
    w.presenter.warm_up()              # what app.run starts after the first paint
    idle(qtbot, w)
    start = w.currentPage()
    kind = start.kind
    qtbot.waitUntil(lambda: kind.count() >= 2, timeout=20000)   # once the packs are read
    assert kind.isVisible()
    index = kind.findData("xinxi-gongkai")
    kind.setCurrentIndex(index)
    kind.activated.emit(index)
    assert "政府信息公开工作年度报告" in w.windowTitle()
    assert w.settings["report_kind"] == "xinxi-gongkai"
    assert list(w.section_ids) == load_pack("xinxi-gongkai").section_ids()   # before 新建 too

    qtbot.mouseClick(start.new_button, Qt.LeftButton)
    assert w.currentId() == ID_BASIC
    assert list(w.section_ids) == load_pack("xinxi-gongkai").section_ids()
    basic = w.currentPage()
    typed(basic.unit, "青石镇")
    basic.year.setValue(2025)
    assert basic.title.text() == "青石镇人民政府2025年政府信息公开工作年度报告"

    w.next()
    figures = w.currentPage()
    answers.open_file.append(load_pack("xinxi-gongkai").demo_workbook())
    qtbot.mouseClick(figures.choose_button, Qt.LeftButton)
    idle(qtbot, w)
    row = figures.model.rows[figures.model.row_of("b_new_total")]
    assert row.value_text == "16"                              # a total, computed

    assert w.goto(w.section_ids["shenqing"])
    assert "【表：table_b】" in w.currentPage().editor.toPlainText()
    w.goto(ID_GENERATE)
    gen = w.currentPage()
    out = gui_home / "docs" / "青石镇2025年政府信息公开工作年度报告.docx"
    assert Path(gen.path.text()) == out
    qtbot.mouseClick(gen.generate_button, Qt.LeftButton)
    idle(qtbot, w)
    assert out.exists(), answers.errors
    text = docx_text(out)
    assert "三、收到和处理政府信息公开申请情况" in text and "六、其他需要报告的事项" in text
    import zipfile
    with zipfile.ZipFile(out) as z:
        assert z.read("word/document.xml").count(b"<w:tbl>") + \
            z.read("word/document.xml").count(b"<w:tbl ") == 3


def test_a_report_of_another_draft_is_not_replaced_unasked(qtbot, wizard, answers, gui_home):
    w = wizard
    w.presenter.start.load_demo()
    w.goto(ID_GENERATE)
    gen = w.currentPage()
    out = Path(gen.path.text())
    out.write_bytes(b"last week's final version")
    qtbot.mouseClick(gen.generate_button, Qt.LeftButton)       # asked; the answer is 取消
    idle(qtbot, w)
    assert "文件已存在" in answers.titles()
    assert out.read_bytes() == b"last week's final version"
    answers.on("文件已存在", "replace")
    qtbot.mouseClick(gen.generate_button, Qt.LeftButton)
    idle(qtbot, w)
    assert "清溪镇" in docx_text(out)
    asked = len(answers.asked)
    qtbot.mouseClick(gen.generate_button, Qt.LeftButton)       # its own report: no question
    idle(qtbot, w)
    assert len(answers.asked) == asked, answers.asked[asked:]


def test_a_read_only_report_is_never_replaced_and_keeps_its_mode(qtbot, wizard, answers, gui_home):
    import os
    import stat
    w = wizard
    w.presenter.start.load_demo()
    w.goto(ID_GENERATE)
    gen = w.currentPage()
    out = Path(gen.path.text())
    out.write_bytes(b"filed")
    os.chmod(out, 0o444)
    answers.on("文件已存在", "replace")
    qtbot.mouseClick(gen.generate_button, Qt.LeftButton)
    idle(qtbot, w)
    assert "无法保存报告" in answers.titles()
    assert "只读" in dict(answers.asked)["无法保存报告"]
    assert out.read_bytes() == b"filed"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


def test_opening_the_report_says_so_when_no_program_can(qtbot, wizard, answers, gui_home,
                                                        monkeypatch):
    w = wizard
    w.presenter.start.load_demo()
    w.goto(ID_GENERATE)
    gen = w.currentPage()
    qtbot.mouseClick(gen.generate_button, Qt.LeftButton)
    idle(qtbot, w)
    monkeypatch.setattr(dialogs, "open_path", lambda p: False)     # nothing registered for .docx
    qtbot.mouseClick(gen.open_button, Qt.LeftButton)
    qtbot.mouseClick(gen.folder_button, Qt.LeftButton)
    assert {"无法打开报告", "无法打开文件夹"} <= set(answers.titles())
    assert str(Path(gen.path.text()).parent) in dict(answers.asked)["无法打开报告"]


@pytest.mark.parametrize("save", [False, True])
def test_file_dialogs_speak_chinese_where_qt_draws_them(qtbot, save):
    from PySide6.QtWidgets import QFileDialog
    start = Path.home() / "报告.docx" if save else Path.home()
    dlg = dialogs.file_dialog(None, "保存" if save else "打开", start, "Word (*.docx)", save=save)
    qtbot.addWidget(dlg)
    labels = [dlg.labelText(k) for k in (QFileDialog.LookIn, QFileDialog.FileName,
                                         QFileDialog.FileType, QFileDialog.Accept,
                                         QFileDialog.Reject)]
    assert labels == ["查找范围：", "文件名：", "文件类型：", "保存" if save else "打开", "取消"]


def test_a_long_summary_scrolls_inside_a_dialog_that_fits_a_768_pixel_screen(qtbot):
    detail = "\n".join(f"第{i}行 说明文字" for i in range(60))
    dlg, keys = dialogs.long_dialog(None, "导入去年的报告", "已读取。", [("roll", "导入并顺延年份"),
                                    ("plain", "导入，不顺延"), ("cancel", "取消")], "roll", detail)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    area = dlg.screen().availableGeometry()
    assert dlg.frameGeometry().height() <= area.height()           # the whole dialog on screen
    assert dlg.height() < 60 * 14                                   # not one row per line
    assert sorted(keys.values()) == ["cancel", "plain", "roll"]
    roll = next(b for b, k in keys.items() if k == "roll")
    assert roll.isVisible() and roll.mapTo(dlg, roll.rect().bottomLeft()).y() <= dlg.height()
    qtbot.mouseClick(roll, Qt.LeftButton)
    assert keys[dlg.clicked] == "roll"


def test_generating_with_errors_asks_first_and_can_go_to_the_check_page(qtbot, wizard, answers,
                                                                        gui_home):
    w = wizard
    w.presenter.start.load_demo()
    d = w.presenter.draft
    d.sections = [s for s in d.sections if s.id != "plans"]     # a required part gone: an error
    w.presenter.changed()
    w.goto(ID_GENERATE)
    gen = w.currentPage()
    out = Path(gen.path.text())
    answers.on("报告中还有错误", "check")
    qtbot.mouseClick(gen.generate_button, Qt.LeftButton)
    idle(qtbot, w)
    assert w.currentId() == ID_CHECK and not out.exists()
    w.goto(ID_GENERATE)
    answers.on("报告中还有错误", "generate")
    qtbot.mouseClick(gen.generate_button, Qt.LeftButton)
    idle(qtbot, w)
    assert out.exists()
    assert "错误" in dict(answers.asked)["报告中还有错误"]


def test_a_finding_selects_only_its_words_in_the_paragraph(qtbot):
    from govreport.gui.editor import SectionEditor
    ed = SectionEditor()
    qtbot.addWidget(ed)
    ed.setPlainText("第一段。\n\n全年xx镇共调处矛盾纠纷。")
    assert ed.select_block(1, "xx镇")
    assert ed.textCursor().selectedText() == "xx镇"
    assert ed.select_block(1, "不在这一段的词")
    assert not ed.textCursor().hasSelection() and ed.textCursor().blockNumber() == 2
