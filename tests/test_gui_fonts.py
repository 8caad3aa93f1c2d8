"""The font check in the wizard: after the window shows, govreport.build.fontcheck looks for each
profile's fonts off the UI thread; 基本信息 marks the profiles and shows the advice; on the
first run the recommended profile is preselected and remembered.

check_fonts is replaced by fake reports (the real one is tested in test_fontcheck.py), one per
outcome: the official fonts installed, only Windows' own fonts, none of them, the check failing.
"""
from __future__ import annotations

import pytest

from gui_support import FakeView, gui_home  # noqa: F401

from govreport.build import fontcheck
from govreport.build.fontcheck import FontReport, FontStatus, ProfileReport
from govreport.gui.presenter import InlineRunner, WizardPresenter
from govreport.gui.settings import Settings, settings
from govreport.build.layout import load_layout

OFFICIAL = {"方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体", "仿宋", "楷体"}
BUILTIN = {"宋体", "仿宋", "黑体", "楷体"}

# outcome: (fonts installed, recommended profile, its mark in the list, words of the note)
OUTCOMES = {
    "official": (OFFICIAL, "windows-gb2312", "（推荐：本机已安装）", "本机已安装公文字体"),
    "builtin": (BUILTIN, "windows-builtin", "（推荐：本机已安装）",
                "建议选用字体方案“Windows 10/11 自带字体”"),
    "none": (set(), "windows-gb2312", "（推荐；本机缺少：方正小标宋简体、仿宋_GB2312 等5种）",
             "也没有哪个字体方案的字体齐全"),
}


def fake_report(installed: set[str]) -> FontReport:
    """What check_fonts would say on a PC with these fonts (its own recommend/explain)."""
    layout = load_layout()
    profiles = []
    for pid in layout.profile_ids():
        prof = layout.profile(pid)
        names = list(dict.fromkeys(prof.fonts.values()))
        fonts = tuple(FontStatus(n, n in installed, "fake" if n in installed else "") for n in names)
        profiles.append(ProfileReport(pid, prof.label, fonts, prof.title_bold))
    default = layout.data["fonts"]["default"]
    order = fontcheck.load_font_table().order
    report = FontReport(profiles, fontcheck.recommend(profiles, order, default), default, "")
    report.explanation = fontcheck.explain(report)
    return report


@pytest.fixture
def pc_fonts(monkeypatch):
    """pc_fonts(outcome): check_fonts answers as on such a PC; 'broken' makes it fail."""
    def install(outcome: str) -> FontReport | None:
        if outcome == "broken":
            def fail(*args, **kwargs):
                raise OSError("fc-list: 无法运行")
            monkeypatch.setattr(fontcheck, "check_fonts", fail)
            return None
        report = fake_report(OUTCOMES[outcome][0])
        monkeypatch.setattr(fontcheck, "check_fonts", lambda *args, **kwargs: report)
        return report
    return install


@pytest.fixture
def presenter(gui_home):
    view = FakeView()
    p = WizardPresenter(view, InlineRunner(), settings())
    p.fake_view = view
    return p


# --- the presenter ---------------------------------------------------------------------------

@pytest.mark.parametrize("outcome", sorted(OUTCOMES))
def test_first_run_takes_the_recommended_profile_and_remembers_it(presenter, pc_fonts, outcome,
                                                                  gui_home):
    _installed, recommended, _mark, _says = OUTCOMES[outcome]
    pc_fonts(outcome)
    assert presenter.settings["font_profile"] == ""             # first run
    presenter.basic.check_fonts()
    assert presenter.fake_view.called("fonts_checked") == 1
    assert presenter.settings["font_profile"] == recommended
    assert Settings(presenter.settings.path)["font_profile"] == recommended   # on disk
    presenter.new_draft()
    assert presenter.draft.fonts == recommended


def test_a_profile_chosen_before_is_kept(presenter, pc_fonts):
    presenter.settings["font_profile"] = "xinchuang-gbk"
    pc_fonts("official")
    presenter.basic.check_fonts()
    assert presenter.settings["font_profile"] == "xinchuang-gbk"
    presenter.new_draft()
    assert presenter.draft.fonts == "xinchuang-gbk"


def test_a_new_draft_made_before_the_check_finished_takes_the_recommendation(presenter, pc_fonts):
    pc_fonts("builtin")
    presenter.new_draft()
    assert presenter.draft.fonts == ""                          # nothing known yet
    presenter.basic.check_fonts()
    assert presenter.draft.fonts == "windows-builtin" and presenter.dirty


def test_a_draft_opened_from_a_file_keeps_its_fonts(presenter, pc_fonts, gui_home):
    from govreport.app.starts import demo_draft
    from govreport.model.draft import save
    draft = demo_draft()
    draft.fonts = ""
    path = gui_home / "docs" / "旧草稿.json"
    save(draft, path)
    presenter.open_draft(path)
    pc_fonts("builtin")
    presenter.basic.check_fonts()
    assert presenter.draft.fonts == "" and not presenter.dirty
    assert presenter.settings["font_profile"] == "windows-builtin"


def test_a_profile_the_clerk_picks_goes_into_the_draft_and_is_remembered(presenter, pc_fonts):
    pc_fonts("none")
    presenter.basic.check_fonts()
    presenter.new_draft()
    presenter.basic.choose_fonts("windows-builtin")
    assert presenter.draft.fonts == "windows-builtin"
    assert Settings(presenter.settings.path)["font_profile"] == "windows-builtin"


@pytest.mark.parametrize("outcome", sorted(OUTCOMES))
def test_each_profile_is_marked_with_what_this_pc_has(presenter, pc_fonts, outcome):
    report = pc_fonts(outcome)
    _installed, recommended, mark, _says = OUTCOMES[outcome]
    presenter.basic.check_fonts()
    choices = {pid: (text, tip) for pid, text, tip in presenter.basic.font_choices()}
    assert list(choices) == load_layout().profile_ids()
    assert choices[recommended][0].endswith(mark)
    for prof in report.profiles:
        text, tip = choices[prof.id]
        assert text.startswith(prof.label)
        assert ("推荐" in text) == (prof.id == recommended)
        if prof.complete:
            assert text.endswith("本机已安装）")
        else:
            assert "本机缺少：" + prof.missing[0] in text
            assert tip.startswith("本机缺少：" + "、".join(prof.missing))


@pytest.mark.parametrize("outcome", sorted(OUTCOMES))
def test_the_note_gives_the_checks_advice_with_profiles_by_name(presenter, pc_fonts, outcome):
    pc_fonts(outcome)
    assert presenter.basic.font_note() == "正在检查本机安装的字体……"
    presenter.basic.check_fonts()
    note = presenter.basic.font_note()
    assert OUTCOMES[outcome][3] in note
    assert not any(pid in note for pid in load_layout().profile_ids())


def test_a_failed_check_leaves_the_choice_to_the_clerk(presenter, pc_fonts, gui_home):
    pc_fonts("broken")
    presenter.basic.check_fonts()
    assert presenter.fake_view.called("fonts_checked") == 1
    assert presenter.fake_view.unexpected == []                 # no error box for this
    assert "未能检查本机安装的字体" in presenter.basic.font_note()
    assert presenter.settings["font_profile"] == ""
    assert [text for _pid, text, _tip in presenter.basic.font_choices()] == \
        [label for _pid, label in presenter.basic.font_profiles()]
    assert "fc-list" in (gui_home / "data" / "govreport.log").read_text("utf-8")


# --- the wizard ------------------------------------------------------------------------------

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")


@pytest.fixture
def wizard(qtbot, gui_home, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from govreport.gui import crash, dialogs
    from govreport.gui.qtfix import keep_none_alive
    from govreport.gui.window import ReportWizard
    keep_none_alive()              # PySide6 6.12 on Python 3.11; see qtfix.py

    def never(*args, **kwargs):
        raise AssertionError("no dialog expected")
    for obj, name in ((dialogs, "ask"), (dialogs, "error"), (QMessageBox, "exec"),
                      (QFileDialog, "getOpenFileName"), (QFileDialog, "getSaveFileName")):
        monkeypatch.setattr(obj, name, never)
    def dispose(w):
        w._closing = True              # closed without the unsaved-changes question
        w.presenter.discard_changes()

    w = ReportWizard()
    qtbot.addWidget(w, before_close_func=dispose)
    crash.configure(lambda: w, w.autosave_now)
    w.show()
    qtbot.waitExposed(w)
    yield w
    crash.configure(None, None)


def idle(qtbot, w) -> None:
    qtbot.waitUntil(lambda: not w.runner_active(), timeout=20000)
    qtbot.wait(10)


def basic_page(qtbot, w):
    from PySide6.QtCore import Qt

    from govreport.gui.window import ID_BASIC
    qtbot.mouseClick(w.currentPage().new_button, Qt.LeftButton)
    assert w.currentId() == ID_BASIC
    return w.currentPage()


def items(page) -> list[tuple[str, str]]:
    return [(page.fonts.itemData(i), page.fonts.itemText(i)) for i in range(page.fonts.count())]


@pytest.mark.parametrize("outcome", sorted(OUTCOMES))
def test_basic_page_marks_the_recommended_profile_after_the_window_shows(qtbot, wizard, pc_fonts,
                                                                         outcome):
    _installed, recommended, mark, says = OUTCOMES[outcome]
    report = pc_fonts(outcome)
    wizard.after_show()                # what app.run does after the first paint
    idle(qtbot, wizard)
    page = basic_page(qtbot, wizard)
    shown = dict(items(page))
    assert shown[recommended].endswith(mark)
    assert [pid for pid in shown if "推荐" in shown[pid]] == [recommended]
    for prof in report.profiles:
        if not prof.complete:
            assert "本机缺少：" in shown[prof.id]
    assert page.fonts.currentData() == recommended              # preselected on the first run
    assert page.fonts_note.text() == wizard.presenter.basic.font_note()
    assert says in page.fonts_note.text() and not page.fonts_note.isHidden()
    assert wizard.settings["font_profile"] == recommended
    assert wizard.presenter.draft.fonts == recommended


def test_the_page_shown_before_the_check_ends_is_updated_when_it_does(qtbot, wizard, pc_fonts):
    pc_fonts("builtin")
    page = basic_page(qtbot, wizard)
    assert page.fonts_note.text() == "正在检查本机安装的字体……"
    assert not any("推荐" in text for _pid, text in items(page))
    wizard.presenter.basic.check_fonts()
    idle(qtbot, wizard)
    assert page.fonts.currentData() == "windows-builtin"
    assert page.fonts.currentText().endswith("（推荐：本机已安装）")
    assert "Windows 10/11 自带字体" in page.fonts_note.text()
    assert wizard.presenter.draft.fonts == "windows-builtin"


def test_the_clerks_choice_goes_into_the_draft_and_the_next_start(qtbot, wizard, pc_fonts,
                                                                  gui_home):
    pc_fonts("official")
    wizard.presenter.basic.check_fonts()
    idle(qtbot, wizard)
    page = basic_page(qtbot, wizard)
    page.fonts.setCurrentIndex(page.fonts.findData("xinchuang-gbk"))   # as a click would
    assert wizard.presenter.draft.fonts == "xinchuang-gbk"
    assert page.fonts.currentText().endswith("等5种）")
    assert Settings(wizard.settings.path)["font_profile"] == "xinchuang-gbk"
    wizard.presenter.basic.check_fonts()        # the next start: the clerk's choice stays
    idle(qtbot, wizard)
    assert wizard.settings["font_profile"] == "xinchuang-gbk"
    assert page.fonts.currentData() == "xinchuang-gbk"
    assert wizard.presenter.draft.fonts == "xinchuang-gbk"


def test_a_failed_check_shows_a_plain_list_and_says_so(qtbot, wizard, pc_fonts):
    pc_fonts("broken")
    wizard.presenter.basic.check_fonts()
    idle(qtbot, wizard)
    page = basic_page(qtbot, wizard)
    assert [text for _pid, text in items(page)] == \
        [label for _pid, label in wizard.presenter.basic.font_profiles()]
    assert "未能检查本机安装的字体" in page.fonts_note.text()
    assert wizard.settings["font_profile"] == ""


def test_first_run_welcome_still_shows_after_the_font_check(qtbot, wizard, pc_fonts):
    pc_fonts("builtin")
    wizard.after_show()
    idle(qtbot, wizard)
    assert wizard.settings["font_profile"] == "windows-builtin"
    start = wizard.currentPage()
    start.refresh()
    assert "欢迎" in start.welcome_title.text() and start.welcome.isVisible()
    assert not wizard.settings["first_run_done"]
