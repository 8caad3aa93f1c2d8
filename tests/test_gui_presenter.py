"""The wizard's logic without widgets: settings, figure tokens, line reading, the presenter
(draft state, dirty flag, autosave and recovery, figures, sections, findings, output paths)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gui_support import FakeView, docx_text, gui_home, workbook_with_renamed_label  # noqa: F401

from govreport.gui import reftext
from govreport.gui.presenter import (PAGE_BASIC, PAGE_FIGURES, PAGE_SECTION, InlineRunner,
                                     WizardPresenter)
from govreport.gui.settings import OPTIONS, Settings, settings


@pytest.fixture
def view():
    return FakeView()


@pytest.fixture
def presenter(gui_home, view):
    return WizardPresenter(view, InlineRunner(), settings())


@pytest.fixture
def demo(presenter):
    presenter.start.load_demo()
    return presenter


# --- settings --------------------------------------------------------------------------------

def test_every_setting_is_declared_once_with_a_default_of_its_type():
    for opt in OPTIONS.values():
        assert opt.accepts(opt.default), opt.name
        assert opt.doc


def test_settings_persist_as_json_in_the_config_folder(gui_home):
    s = settings()
    s["font_profile"] = "windows-builtin"
    s.add_recent(gui_home / "a.json")
    s.add_recent(gui_home / "b.json")
    s.add_recent(gui_home / "a.json")
    again = Settings(s.path)
    assert again["font_profile"] == "windows-builtin"
    assert again["recent_drafts"] == [str(gui_home / "a.json"), str(gui_home / "b.json")]
    assert s.path.parent == gui_home / "config"


@pytest.mark.parametrize("content", ["not json", '{"autosave_seconds": "soon", "recent_drafts": 3}',
                                     "[1, 2]"])
def test_unreadable_or_mistyped_settings_fall_back_to_defaults(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    s = Settings(path)
    assert s["autosave_seconds"] == 3.0
    assert s["recent_drafts"] == []


def test_a_setting_refuses_a_value_of_the_wrong_type(tmp_path):
    s = Settings(tmp_path / "s.json")
    with pytest.raises(TypeError):
        s["first_run_done"] = "yes"
    with pytest.raises(KeyError):
        s["no_such_setting"] = 1


# --- figure tokens ---------------------------------------------------------------------------

@pytest.fixture
def codec(pack):
    values = {"{{ disputes_handled }}": "128", "{{ year }}": "2024", "{{ unit_name }}": "清溪镇",
              "{{ leaflets | approx }}": "5300余", "{{ disputes_handled.previous }}": "120"}

    def render(source):
        if source in values:
            return values[source], False
        return "【缺：x】", True
    return reftext.RefCodec(pack.indicators, render)


@pytest.mark.parametrize("source", [
    "全年调处矛盾纠纷{{ disputes_handled }}起。",
    "{{ year }}年，{{ unit_name }}发放资料{{ leaflets | approx }}份。",
    "上年为{{ disputes_handled.previous }}起，{{ mediators }}名调解员。",
    "原样保留{{ disputes_handled | pct(1) }}和{% if x %}条件{% endif %}。",
    "发文字号临政发〔2024〕12号不是数据。",
])
def test_tokens_map_back_to_the_same_live_references(codec, source):
    shown = codec.to_display(source)
    assert codec.from_display(shown) == source


def test_a_reference_is_shown_with_its_name_and_current_value(codec):
    shown = codec.to_display("调处{{ disputes_handled }}起，{{ mediators }}名，{{ leaflets|approx }}份")
    assert "〖调处矛盾纠纷件数：128〗" in shown or "：128〗" in shown
    assert "：缺〗" in shown                      # a missing figure says so
    assert "（约数）：5300余〗" in shown
    tokens = codec.tokens(shown)
    assert [t.missing for t in tokens] == [False, True, False]


def test_an_unknown_token_is_kept_as_text(codec):
    text = "这里有〖不存在的数据：5〗和〖报告年度：2023〗。"
    assert codec.from_display(text) == "这里有〖不存在的数据：5〗和{{ year }}。"


def test_refresh_updates_values_only(codec):
    assert codec.refresh("共〖报告年度：1999〗年") == "共〖报告年度：2024〗年"


@pytest.mark.parametrize("line, kind, level, run_in, title", [
    ("（一）加强组织领导，压实责任。全年召开会议12次。", "heading", 2, True, "（一）加强组织领导，压实责任。"),
    ("(二)抓好学法用法", "heading", 2, False, "(二)抓好学法用法"),
    ("1.完善制度。制定办法3项。", "heading", 3, True, "1.完善制度。"),
    ("  （1）细化分工", "heading", 4, False, "（1）细化分工"),
    ("一、总体情况", "heading", 1, False, "一、总体情况"),
    ("一是加强领导。二是健全制度。", "paragraph", 0, False, ""),
    ("2024年，全镇调处纠纷128起。", "paragraph", 0, False, ""),
    ("1.8万人次参加。", "paragraph", 0, False, ""),
    ("   ", "empty", 0, False, ""),
    ("【表：key_figures】", "table", 0, False, ""),
])
def test_each_line_is_read_as_the_core_will_read_it(line, kind, level, run_in, title):
    r = reftext.read_line(line)
    assert (r.kind, r.level, r.run_in) == (kind, level, run_in)
    if kind == "heading":
        assert line[r.number_start:r.title_end] == title


def test_block_index_maps_to_editor_line_skipping_blank_lines():
    text = "第一段\n\n（一）标题\n正文\n"
    assert reftext.nonempty_line_index(text, 0) == 0
    assert reftext.nonempty_line_index(text, 1) == 2
    assert reftext.nonempty_line_index(text, 2) == 3
    assert reftext.nonempty_line_index(text, 3) is None


# --- draft state -----------------------------------------------------------------------------

def test_a_new_draft_starts_from_the_remembered_defaults(presenter, view):
    s = presenter.settings
    s["default_recipient"] = "中共临江县委、临江县人民政府"
    s["font_profile"] = "windows-builtin"
    presenter.new_draft()
    d = presenter.draft
    assert d.recipient == "中共临江县委、临江县人民政府"
    assert d.fonts == "windows-builtin"
    assert d.year == dt.date.today().year - 1
    assert [s.id for s in d.sections] == [s.id for s in presenter.pack.sections if s.in_new_draft]
    assert view.called("draft_loaded") == 1


def test_editing_marks_the_draft_unsaved_and_asks_for_an_autosave(demo, view):
    assert not demo.dirty
    demo.basic.set_field("recipient", "临江县人民政府")
    assert demo.dirty
    assert ("dirty_changed", True) in view.calls
    assert view.autosave_requests >= 1
    before = view.autosave_requests
    demo.basic.set_field("recipient", "临江县人民政府")          # no change, no new autosave
    assert view.autosave_requests == before


def test_the_date_moves_with_the_report_year_unless_the_clerk_set_it_elsewhere(demo):
    assert (demo.draft.year, demo.draft.date) == (2024, "2025-01-20")
    demo.basic.set_field("year", 2023)
    assert demo.draft.date == "2024-01-20"
    demo.basic.set_field("date", dt.date(2023, 12, 28))         # written within the year itself
    demo.basic.set_field("year", 2022)
    assert demo.draft.date == "2023-12-28"


def test_basic_validation_names_empty_unit_and_future_year(presenter):
    presenter.new_draft()
    presenter.basic.set_field("unit", "  ")
    presenter.basic.set_field("year", dt.date.today().year + 1)
    errors = presenter.basic.validate_basic()
    assert "单位名称" in errors["unit"]
    assert "不能晚于今年" in errors["year"]
    presenter.basic.set_field("unit", "翻江镇")
    presenter.basic.set_field("year", dt.date.today().year - 1)
    assert presenter.basic.validate_basic() == {}


def test_title_is_computed_until_the_clerk_edits_it(demo):
    assert demo.basic.title() == "清溪镇2024年法治政府建设年度报告"
    demo.basic.set_field("unit", "翻江镇")
    assert demo.basic.title() == "翻江镇2024年法治政府建设年度报告"
    demo.basic.set_field("title", "翻江镇2024年度法治政府建设情况的报告")
    demo.basic.set_field("unit", "清溪镇")
    assert demo.basic.title() == "翻江镇2024年度法治政府建设情况的报告"
    demo.basic.set_field("title", demo.basic.computed_title())    # typing the computed title = automatic
    assert demo.draft.title is None


def test_title_lines_accept_a_break_but_not_changed_words(demo):
    assert demo.basic.set_title_lines("清溪镇2024年法治 / 政府建设年度报告") is None
    assert demo.basic.title_lines() == ["清溪镇2024年法治", "政府建设年度报告"]
    assert demo.basic.set_title_lines("清溪镇 / 2025年报告") is not None


def test_save_clears_dirty_and_autosave_and_remembers_the_draft(demo, gui_home):
    demo.basic.set_field("note", "此件不公开")
    demo.autosave()
    assert demo.autosaver.exists()
    path = demo.save(gui_home / "docs" / "草稿")
    assert path.suffix == ".json" and path.exists()
    assert not demo.dirty and not demo.autosaver.exists()
    assert demo.settings["recent_drafts"][0] == str(path)
    assert demo.settings["default_unit"] == "清溪镇"
    reopened = WizardPresenter(FakeView(), InlineRunner(), demo.settings)
    reopened.open_draft(path)
    assert reopened.draft.note == "此件不公开" and not reopened.dirty


def _figures_shown(p):
    f = p.figures
    return f.figure_rows(), f.unmatched(), f.notes(), f.workbook_path


@pytest.fixture
def ledger_book(data_dir):
    """A workbook with a hidden sheet, rows nothing matches and notes about its figures."""
    return data_dir / "综治中心台账_2024.xlsx"


def test_a_reopened_draft_shows_the_figures_sources_and_notes_it_showed(presenter, view,
                                                                       gui_home, ledger_book):
    presenter.new_draft()
    presenter.basic.set_field("unit", "清溪镇")
    presenter.basic.set_field("year", 2024)
    presenter.figures.load_workbook(ledger_book)
    presenter.figures.set_override("mediators", "12")
    shown = _figures_shown(presenter)
    rows, unmatched, notes, _ = shown
    assert any("已隐藏" in n for n in notes) and unmatched
    assert {r.how for r in rows} >= {"synonym", "typed", "missing"}
    path = presenter.save(gui_home / "草稿.json")

    again_view = FakeView()
    again = WizardPresenter(again_view, InlineRunner(), settings())
    again.open_draft(path)
    assert _figures_shown(again) == shown
    assert not again.dirty and ("dirty_changed", True) not in again_view.calls
    assert again_view.called("workbook_loaded") == 0          # the draft had it all


def test_a_draft_saved_before_match_details_were_kept_gets_them_without_being_changed(
        presenter, gui_home, ledger_book):
    presenter.new_draft()
    presenter.basic.set_field("unit", "清溪镇")
    presenter.basic.set_field("year", 2024)
    presenter.figures.load_workbook(ledger_book)
    shown = _figures_shown(presenter)
    path = presenter.save(gui_home / "草稿.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["workbook"] = {k: raw["workbook"][k] for k in ("path", "sha256", "year")}
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")

    again = WizardPresenter(FakeView(), InlineRunner(), settings())
    again.open_draft(path)
    assert _figures_shown(again) == shown and not again.dirty


def test_a_workbook_changed_since_the_draft_was_saved_is_read_again_and_said(
        presenter, gui_home, sample_workbook):
    import shutil
    book = gui_home / "统计表.xlsx"
    shutil.copy(sample_workbook, book)
    presenter.new_draft()
    presenter.basic.set_field("unit", "清溪镇")
    presenter.basic.set_field("year", 2024)
    presenter.figures.load_workbook(book)
    path = presenter.save(gui_home / "草稿.json")
    cell = workbook_with_renamed_label(sample_workbook, book, "党委会研究法治建设次数", "别的名称")

    again_view = FakeView()
    again = WizardPresenter(again_view, InlineRunner(), settings())
    again.open_draft(path)
    assert again.dirty and any("有改动" in n for n in again_view.notices)
    assert any(u.label == "别的名称" and f"{u.sheet}!{u.cell}" == cell
               for u in again.figures.unmatched())


def test_an_unsaved_session_leaves_an_autosave_that_the_next_one_recovers(gui_home):
    first = WizardPresenter(FakeView(), InlineRunner(), settings())
    first.new_draft()
    first.basic.set_field("unit", "翻江镇")
    first.section.set_section_display("preamble", "我们的导语。")
    first.autosave()                                   # then the power goes off
    second = WizardPresenter(FakeView(), InlineRunner(), settings())
    recs = second.recoveries()
    assert len(recs) == 1 and recs[0].unit == "翻江镇"
    assert "翻江镇" in recs[0].description and "尚未保存" in recs[0].description
    second.recover(recs[0])
    assert second.draft.unit == "翻江镇"
    assert second.draft.section("preamble").text == "我们的导语。"
    assert second.dirty
    assert not recs[0].file.exists()                   # moved into this session's autosave
    assert second.autosaver.exists()
    third = WizardPresenter(FakeView(), InlineRunner(), settings())
    assert [r.unit for r in third.recoveries()] == ["翻江镇"]


def test_discarding_changes_leaves_nothing_to_recover(gui_home):
    p = WizardPresenter(FakeView(), InlineRunner(), settings())
    p.new_draft()
    p.autosave()
    p.discard_changes()
    assert WizardPresenter(FakeView(), InlineRunner(), settings()).recoveries() == []


def test_a_broken_autosave_is_skipped(gui_home):
    folder = gui_home / "data" / "autosave"
    folder.mkdir(parents=True)
    (folder / "x.autosave.json").write_text("{broken", encoding="utf-8")
    assert WizardPresenter(FakeView(), InlineRunner(), settings()).recoveries() == []


# --- figures ---------------------------------------------------------------------------------

def test_figure_rows_cover_every_indicator_with_value_source_and_match(demo):
    rows = {r.id: r for r in demo.figures.figure_rows()}
    assert len(rows) == len(demo.pack.indicators)
    r = rows["party_meetings_on_law"]
    assert (r.value_text, r.previous_text, r.unit) == ("6", "5", "次")
    assert r.source.startswith("组织与学法!D")
    assert r.how in ("exact", "workbook")
    assert rows["exam_participation_rate"].how == "derived"


def test_without_a_workbook_every_plain_figure_is_missing(presenter):
    presenter.new_draft()
    rows = presenter.figures.figure_rows()
    assert all(r.missing for r in rows)
    assert presenter.figures.workbook_path is None


def test_a_typed_value_is_marked_and_reaches_the_text(presenter, view):
    presenter.new_draft()
    presenter.figures.set_override("disputes_handled", "1,234")
    row = next(r for r in presenter.figures.figure_rows() if r.id == "disputes_handled")
    assert row.typed and row.value == 1234 and row.source == "手工录入"
    assert "1234" in presenter.section.section_display("achievements")
    assert view.called("figures_changed") >= 1
    presenter.figures.set_override("disputes_handled", "")
    assert next(r for r in presenter.figures.figure_rows() if r.id == "disputes_handled").missing


def test_a_typed_value_that_is_no_number_is_refused_in_chinese(presenter):
    from govreport.base.errors import InputError
    presenter.new_draft()
    with pytest.raises(InputError, match="应填写数字"):
        presenter.figures.set_override("disputes_handled", "很多")


def test_an_unmatched_row_can_be_bound_to_an_indicator(presenter, tmp_path, sample_workbook):
    wb = tmp_path / "统计表.xlsx"
    cell = workbook_with_renamed_label(sample_workbook, wb, "党委会研究法治建设次数", "专题会议（党委）")
    presenter.new_draft()
    presenter.basic.set_field("year", 2024)                  # the sample workbook's year
    presenter.figures.load_workbook(wb)
    assert any(u.label == "专题会议（党委）" for u in presenter.figures.unmatched())
    assert next(r for r in presenter.figures.figure_rows() if r.id == "party_meetings_on_law").missing
    presenter.figures.bind("party_meetings_on_law", cell)
    row = next(r for r in presenter.figures.figure_rows() if r.id == "party_meetings_on_law")
    assert row.value == 6 and row.how == "bound" and row.source == cell
    assert presenter.draft.bindings == {"party_meetings_on_law": cell}
    assert not any(u.label == "专题会议（党委）" for u in presenter.figures.unmatched())


def test_a_workbook_of_another_year_is_said_and_its_year_can_be_taken(presenter, view,
                                                                       sample_workbook):
    from govreport.model.draft import default_date
    presenter.new_draft()
    presenter.basic.set_field("year", 2025)
    presenter.basic.set_field("date", default_date(2025))
    presenter.figures.load_workbook(sample_workbook)                 # a 2024 workbook
    asked = [c for c in view.calls if c[0] == "workbook_year_differs"]
    assert asked == [("workbook_year_differs", sample_workbook, 2024)]
    assert presenter.session.figure_set().value("disputes_handled") is None   # no 2025 column
    presenter.figures.keep_year(sample_workbook, 2024)
    presenter.figures.load_workbook(sample_workbook)                 # kept: not asked again
    assert len([c for c in view.calls if c[0] == "workbook_year_differs"]) == 1
    presenter.figures.use_workbook_year(sample_workbook, 2024)
    assert presenter.draft.year == 2024
    assert presenter.draft.date == default_date(2024).isoformat()     # followed the year
    assert presenter.session.figure_set().value("disputes_handled") == 128
    assert len([c for c in view.calls if c[0] == "workbook_year_differs"]) == 1


def test_a_bad_workbook_becomes_a_chinese_message(presenter, view, tmp_path):
    bad = tmp_path / "坏的.xlsx"
    bad.write_bytes(b"not a zip")
    presenter.new_draft()
    presenter.figures.load_workbook(bad)
    assert view.errors and "坏的.xlsx" in view.errors[0]
    assert presenter.figures.workbook_path is None


# --- sections --------------------------------------------------------------------------------

def test_section_text_round_trips_through_the_editor_with_live_references(demo):
    shown = demo.section.section_display("achievements")
    assert "〖" in shown and "{{" not in shown
    assert demo.section.set_section_display("achievements", shown) is False      # nothing changed
    before = demo.draft.section("achievements").text
    assert "{{ disputes_handled }}" in before


def test_edited_text_is_parsed_into_blocks(demo):
    changed = demo.section.set_section_display("shortcomings", "（一）问题一。原因一。\n\n正文段落。\n")
    assert changed and demo.dirty
    blocks = demo.draft.section("shortcomings").blocks
    assert [(b.kind, b.level, b.title) for b in blocks] == [
        ("heading", 2, "问题一。"), ("paragraph", 0, "")]


def test_inserted_token_becomes_a_reference_in_the_draft(demo):
    from govreport.gui.reftext import Ref
    token = demo.section.token_for(Ref("disputes_handled", filter="approx"))
    demo.section.set_section_display("other", "")               # not in the draft: ignored
    demo.section.set_section_display("preamble", "全年化解纠纷" + token + "起。")
    assert demo.draft.section("preamble").text == "全年化解纠纷{{ disputes_handled | approx }}起。"


def test_optional_section_can_be_added_and_removed_keeping_its_text(demo):
    assert not demo.section.section_included("other")
    demo.section.set_section_included("other", True)
    assert demo.draft.section_ids()[-1] == "other"
    demo.section.set_section_display("other", "我们自己的话。")
    demo.section.set_section_included("other", False)
    demo.section.set_section_included("other", True)
    assert demo.draft.section("other").text == "我们自己的话。"


def test_section_heading_is_numbered_as_the_report_will_be(demo):
    assert demo.section.section_heading("achievements").startswith("一、2024年度")
    assert demo.section.section_heading("plans").startswith("四、2025年度")
    assert demo.section.section_heading("preamble").startswith("导语")


def test_stats_count_rendered_characters_and_headings(demo):
    stats = demo.section.section_stats("achievements", demo.section.section_display("achievements"))
    assert stats.levels.get(2, 0) >= 4
    assert stats.chars > 500
    assert "字数" in stats.summary


def test_snippets_come_from_the_pack_with_values(demo):
    snippets = demo.section.snippets("preamble")
    assert snippets and any("〖报告年度：2024〗" in s for s in snippets)


# --- findings --------------------------------------------------------------------------------

def test_findings_point_to_their_page_and_paragraph(presenter):
    presenter.new_draft()
    presenter.basic.set_field("unit", "翻江镇")
    items = presenter.check.items()
    gaps = [i for i in items if "【缺：" in i.finding.message]
    assert gaps
    t = gaps[0].target
    assert t.page == PAGE_SECTION and t.section and t.block is not None
    assert t.indicator in presenter.pack.indicators


def test_finding_targets_by_kind(demo):
    from govreport.model.findings import WARNING, Finding
    assert demo.check.target_of(Finding(WARNING, "workbook", "x")).page == PAGE_FIGURES
    assert demo.check.target_of(Finding(WARNING, "title", "标题缺年份")).page == PAGE_BASIC
    f = Finding(WARNING, "x", "y", section="achievements", block=2)
    assert demo.check.target_of(f) == type(demo.check.target_of(f))(PAGE_SECTION, "achievements", 2, None)


def test_a_finding_sends_the_clerk_by_its_indicator_and_field_not_its_words(demo):
    from govreport.model.findings import WARNING, Finding
    target = demo.check.target_of(Finding(WARNING, "figure-mismatch", "任何文字",
                                          indicator="disputes_handled"))
    assert (target.page, target.indicator) == (PAGE_FIGURES, "disputes_handled")
    target = demo.check.target_of(Finding(WARNING, "illegal-characters", "任何文字", field="cc"))
    assert (target.page, target.field) == (PAGE_BASIC, "cc")
    gap = Finding(WARNING, "placeholder", "缺少数据“调处矛盾纠纷件数”", section="achievements",
                  block=1, indicator="mediators")
    assert demo.check.target_of(gap).indicator == "mediators"     # not the name in the words


def test_compiled_findings_about_a_field_name_it(demo):
    demo.draft.cc = "县司法局\x01"                   # a hand-edited draft file
    demo.draft.title = "清溪镇{{ no_such_figure }}年报告"
    found = demo.session.produce(None).findings
    assert any(f.code == "illegal-characters" and f.field == "cc" for f in found)
    assert any(f.field == "title" for f in found if f.code != "illegal-characters")


def test_a_mechanical_finding_offers_a_one_click_fix(demo):
    pytest.importorskip("govreport.checks")
    demo.section.set_section_display("shortcomings", "（一）问题一。原因一。。\n（三）第二条问题。")
    items = [i for i in demo.check.items() if i.finding.section == "shortcomings" and i.fix]
    assert items, [i.finding for i in demo.check.items()]
    before = demo.draft.section("shortcomings").text
    items[0].fix()
    assert demo.draft.section("shortcomings").text != before
    assert demo.dirty


def test_a_missing_required_section_can_be_restored_in_one_click(demo):
    demo.draft.sections = [s for s in demo.draft.sections if s.id != "plans"]
    item = next(i for i in demo.check.items() if "缺少必备部分" in i.finding.message)
    assert item.target.section == "plans"
    item.fix()
    assert demo.section.section_included("plans")


# --- output ----------------------------------------------------------------------------------

def test_report_goes_beside_the_draft_with_the_standard_name(demo, gui_home):
    assert demo.generate.default_output() == gui_home / "docs" / "清溪镇2024年法治政府建设年度报告.docx"
    demo.save(gui_home / "草稿.json")
    assert demo.generate.default_output() == gui_home / "清溪镇2024年法治政府建设年度报告.docx"


def test_generate_writes_the_report(demo, view, gui_home):
    out = gui_home / "报告.docx"
    demo.generate.generate(out)
    assert view.generated and view.generated[0][1] is False
    assert demo.generate.last_report == out
    text = docx_text(out)
    assert "清溪镇2024年" in text and "特此报告" in text


def test_after_generating_the_findings_are_counted_as_the_check_page_counts_them(demo, view,
                                                                               gui_home):
    from collections import Counter
    demo.draft.figures.pop("mediators", None)       # a gap: a build warning, a check error
    demo.draft.section("shortcomings").blocks[1].number = "（三）"   # a check finding only
    listed = Counter(item.finding.level for item in demo.check.items())
    demo.generate.generate(gui_home / "报告.docx")
    _result, _demo, levels = view.generated[0]
    assert levels == listed and levels["error"] >= 2


def test_a_locked_target_offers_another_name_and_keeps_the_old_file(demo, view, gui_home,
                                                                     monkeypatch):
    from govreport.base import atomic
    from govreport.base.errors import OutputLockedError
    out = gui_home / "报告.docx"
    out.write_bytes(b"old report")

    def locked(path, data):
        raise OutputLockedError(f"无法保存“{Path(path).name}”：文件正被其他程序打开", path=path)
    monkeypatch.setattr(atomic, "write_bytes_atomic", locked)
    import govreport.build.docx_writer as writer
    monkeypatch.setattr(writer, "write_bytes_atomic", locked, raising=False)
    demo.generate.generate(out)
    assert view.locked, view.errors + [repr(e) for e in view.unexpected]
    path, suggestion, message = view.locked[0]
    assert path == out and suggestion == gui_home / "报告（2）.docx"
    assert "无法保存" in message
    assert out.read_bytes() == b"old report"


def test_output_must_be_a_docx_in_an_existing_folder(demo, gui_home):
    from govreport.base.errors import InputError
    with pytest.raises(InputError, match=".docx"):
        demo.generate.generate(gui_home / "报告.pdf")
    with pytest.raises(InputError, match="不存在"):
        demo.generate.generate(gui_home / "没有这个文件夹" / "报告.docx")


def test_the_demo_report_can_be_built_and_the_sample_workbook_saved(presenter, view, gui_home):
    presenter.start.build_demo(gui_home / "示例")
    result, is_demo, _levels = view.generated[0]
    assert is_demo and result.path.suffix == ".docx" and result.path.exists()
    saved = presenter.start.save_sample_workbook(gui_home / "统计表")
    assert saved.name == "统计表.xlsx" and saved.stat().st_size > 1000


def test_last_years_report_can_be_imported_with_the_roll_forward_asked_first(presenter, view,
                                                                             tmp_path):
    pytest.importorskip("govreport.importer")
    old = tmp_path / "去年.txt"
    old.write_text("翻江镇2023年法治政府建设年度报告\n"
                   "2023年，翻江镇深入推进法治政府建设。现将有关情况报告如下：\n"
                   "一、2023年度推进法治政府建设的主要举措和成效\n"
                   "（一）化解矛盾纠纷。全年调处矛盾纠纷128起。\n"
                   "二、存在的不足和原因\n（一）普法针对性不强。\n"
                   "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人亲自部署。\n"
                   "四、2024年度推进法治政府建设的主要安排\n（一）加强普法。\n"
                   "翻江镇人民政府\n2024年1月15日\n", encoding="utf-8")
    presenter.start.import_report(path=old)
    assert view.imports, view.errors
    result = view.imports[0]
    summary = presenter.start.import_summary(result)
    assert any("翻江镇" in line for line in summary)
    # the clerk reads plain Chinese: no template syntax, no command-line options
    assert any("128 → 今年的“调处矛盾纠纷件数”" in line for line in summary), summary
    assert not [line for line in summary if "{{" in line or "--" in line], summary
    presenter.start.accept_import(result, roll_forward=True)
    d = presenter.draft
    assert d.unit == "翻江镇" and d.year == 2024 and presenter.dirty
    assert "{{ disputes_handled }}" in d.section("achievements").text


def test_characters_word_cannot_hold_are_dropped_as_a_field_is_typed(demo):
    demo.basic.set_field("unit", "翻江镇\x0b")
    demo.basic.set_field("cc", "县司法局\x01")
    assert (demo.draft.unit, demo.draft.cc) == ("翻江镇", "县司法局")


def test_a_check_that_breaks_after_generating_does_not_hide_the_written_report(demo, view,
                                                                                gui_home,
                                                                                monkeypatch):
    def broken(draft, pack=None, compiled=None):
        raise RuntimeError("a bug in a check")
    monkeypatch.setattr(demo.check, "review", broken)
    out = gui_home / "报告.docx"
    demo.generate.generate(out)
    assert out.exists() and view.generated and view.generated[0][0].path == out
    assert [str(e) for e in view.unexpected] == ["a bug in a check"]
