"""The import's parts on small texts: debris, the frame, heading meaning, figures, guesses."""
import datetime as dt

import pytest

from govreport.build.compose import compile_draft
from govreport.base.errors import InputError
from govreport.importer import import_text
from govreport.reading import classify, parse_date, vocabulary_for
from govreport.reading.debris import match_debris


@pytest.fixture(scope="module")
def rules(pack):
    return vocabulary_for(pack)


def body(*parts: str) -> str:
    return "\n".join(parts)


PREAMBLE = "2024年，翻江镇坚持以习近平新时代中国特色社会主义思想为指导，扎实推进法治政府建设。现将有关情况报告如下："


# --- debris ----------------------------------------------------------------------------------

@pytest.mark.parametrize("line,label", [
    ("您现在所在的位置 : 首页 > 专题专栏 > 2024年", "网页导航"),
    ("当前位置: 重庆市江津区中山镇人民政府>政务公开", "网页导航"),
    ("扫一扫在手机打开当前页", "页面底部"),
    ("发布时间:2025-05-07 09:21", "发布信息"),
    ("  • 来源: 海丰县海城镇人民政府", "发布信息"),
    ("发布机构: 海丰县人民政府门户网站", "发布信息"),
    ("索引号:4303000006/2025-1371878 发布机构:翻江镇 发布目录:政务公开", "发布信息"),
    ("湘乡市人民政府门户网站 www.xxs.gov.cn 发布时间:2025-05-07 09:21", "发布信息"),
    ("  • 2025-02-24 15:59", "发布信息"),
    ("分享到:", "网页功能按钮"),
    ("【字体：大 中 小】", "网页功能按钮"),
    ("字体大小", "网页功能按钮"),
    ("【打印本页】", "网页功能按钮"),
    ("关联稿件:", "页面底部"),
    ("相关附件:", "页面底部"),
    ("政务微信", "网页栏目"),
    ("版权所有:重庆市江津区人民政府", "页面底部"),
    ("--", "分隔线"),
    # body text that shares a word with the debris must stay
    ("一、主要做法和成效", None),
    ("通过政务微信、政府网站发布政策解读20条，扫一扫二维码即可查看办事指南，群众反映良好。", None),
    ("来源于群众的意见建议全部办结。", None),
    ("时间紧、任务重，我镇克服困难按期完成。", None),
    ("翻江镇人民政府", None),
    ("2025年3月25日", None),
])
def test_debris_rules(rules, line, label):
    rule = match_debris(line.strip(), rules)
    assert (rule.label if rule else None) == label


def test_the_page_footer_takes_the_short_lines_after_it_with_it():
    text = body("翻江镇2024年法治政府建设年度报告", PREAMBLE, "一、主要举措和成效",
                "全年调处各类矛盾纠纷128起。", "扫一扫在手机打开当前页", "国务院部门网站", "江津发布")
    report = import_text(text).report
    assert [f.text for f in report.debris] == ["扫一扫在手机打开当前页", "国务院部门网站", "江津发布"]


# --- the frame -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,date", [
    ("2023年11月14日", dt.date(2023, 11, 14)),
    ("二〇二三年十一月十四日", dt.date(2023, 11, 14)),
    ("（2025年1月5日）", dt.date(2025, 1, 5)),
    ("2025 年 3 月 25 日", dt.date(2025, 3, 25)),
    ("二〇二五年一月二十日", dt.date(2025, 1, 20)),
    ("2023年13月1日", None),
    ("2023年11月14日召开会议", None),
])
def test_dates_as_reports_write_them(text, date):
    assert parse_date(text) == date


def test_a_title_broken_in_two_lines_a_recipient_a_signature_and_a_date_are_recognised():
    text = body("  ", "清溪镇人民政府关于2024年度法治政府", "建设情况的报告", "中共临江县委、临江县人民政府：",
                PREAMBLE, "一、主要举措和成效", "全年调处各类矛盾纠纷128起。", "特此报告。",
                "清溪镇人民政府", "2025年1月20日", "（此件公开发布）")
    result = import_text(text)
    r, d = result.report, result.draft
    assert r.title == d.title == "清溪镇人民政府关于2024年度法治政府建设情况的报告"
    assert d.recipient == "中共临江县委、临江县人民政府"
    assert d.signature == "清溪镇人民政府" and d.date == "2025-01-20"
    assert d.closing == "特此报告。" and d.note == "（此件公开发布）"
    assert (r.unit, r.report_year, r.year) == ("清溪镇", 2024, 2025)
    assert [b.text for b in d.section("achievements").blocks] == ["全年调处各类矛盾纠纷{{ disputes_handled }}起。"]


def test_a_short_preamble_ending_with_a_colon_is_no_recipient():
    text = body("清溪镇2024年法治政府建设年度报告", "现将2024年法治政府建设情况报告如下：",
                "一、主要举措和成效", "全年调处各类矛盾纠纷128起。")
    result = import_text(text)
    assert result.draft.recipient == ""
    assert [b.text for b in result.draft.section("preamble").blocks] == ["现将2024年法治政府建设情况报告如下："]


def test_a_body_line_ending_in_a_place_name_is_no_signature():
    text = body("清溪镇2024年法治政府建设年度报告", PREAMBLE, "一、主要举措和成效",
                "全年调处各类矛盾纠纷128起。", "二、下一步打算", "深入推进依法治镇")
    result = import_text(text)
    assert result.draft.signature == ""
    assert result.draft.section("plans").blocks[-1].text == "深入推进依法治镇"


@pytest.mark.parametrize("title,unit", [
    ("湘乡市翻江镇2024年法治政府建设工作报告", "翻江镇"),
    ("海丰县海城镇2024年法治政府建设年度报告", "海城镇"),
    ("重庆市江津区中山镇人民政府2020年度法治政府建设情况报告", "中山镇"),
    ("邹桥乡关于2023年法治政府建设工作情况汇报", "邹桥乡"),
    ("中共清溪镇委员会 清溪镇人民政府2024年法治建设工作报告", "清溪镇"),
    ("城关街道2024年法治政府建设年度报告", "城关街道"),
])
def test_the_unit_is_taken_from_the_title(title, unit):
    assert import_text(body(title, PREAMBLE)).report.unit == unit


def test_a_placeholder_name_is_no_unit_and_the_user_is_asked_for_one():
    text = body("202x年，xx镇在区委区政府坚强领导下，法治政府建设工作取得新成效。现报告如下：",
                "一、主要工作和成效", "依法履行行政职能。")
    with pytest.raises(InputError, match="--unit"):
        import_text(text, year=2025)
    with pytest.raises(InputError, match="--year"):
        import_text(text, unit="清溪镇")
    result = import_text(text, year=2025, unit="清溪镇")
    assert (result.draft.unit, result.draft.year, result.report.report_year) == ("清溪镇", 2025, 2024)


@pytest.mark.parametrize("lines,report_year", [
    (["清溪镇法治政府建设工作报告", PREAMBLE, "清溪镇人民政府", "2023年11月14日"], 2023),  # dated late in the year
    (["清溪镇法治政府建设工作报告", PREAMBLE, "清溪镇人民政府", "2025年3月25日"], 2024),    # early next year
    (["清溪镇2022年法治政府建设工作报告", PREAMBLE, "清溪镇人民政府", "2023年2月1日"], 2022),
])
def test_the_report_year_is_the_titles_else_it_follows_the_date(lines, report_year):
    report = import_text(body(*lines)).report
    assert report.report_year == report_year and report.year == report_year + 1


def test_the_new_year_can_be_given_and_the_draft_uses_it():
    result = import_text(body("清溪镇2023年法治政府建设工作报告", PREAMBLE), year=2025)
    assert (result.report.report_year, result.draft.year) == (2023, 2025)


# --- sections by meaning --------------------------------------------------------------------

@pytest.mark.parametrize("title,section", [
    ("存在的问题与不足", "shortcomings"),
    ("存在的主要问题", "shortcomings"),
    ("2024年度推进法治政府建设存在的不足和原因", "shortcomings"),
    ("存在问题及下步打算", "plans"),              # merged: decided in import_rules.toml
    ("存在的问题和下一步工作打算", "plans"),
    ("主要负责人履行职责情况", "leadership"),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", "leadership"),
    ("下一步工作计划", "plans"),
    ("2025年工作安排", "plans"),
    ("下一年度推进法治政府建设的主要安排", "plans"),
    ("有关意见建议", "other"),
    ("其他需要报告的情况", "other"),
    ("2024年度推进法治政府建设的主要举措和成效", "achievements"),
    ("工作进展与成效", "achievements"),
    ("2020年工作总结", "achievements"),
    ("主要做法和成效", "achievements"),
    ("关于经费保障", "other"),                     # fits nothing: other, and reported
])
def test_level1_headings_are_mapped_by_meaning(rules, pack, title, section):
    assert classify(title, rules, pack).section == section


@pytest.mark.parametrize("title,section", [
    ("2024年法治政府建设情况", "achievements"),
    ("2025年法治政府建设", "plans"),
])
def test_a_heading_with_only_a_year_maps_by_the_year(rules, pack, title, section):
    assert classify(title, rules, pack, report_year=2024).section == section


def test_a_run_in_level1_heading_keeps_its_text_in_the_section():
    text = body("清溪镇2024年法治政府建设年度报告", PREAMBLE,
                "一、主要做法和成效。全年调处各类矛盾纠纷128起。", "二、存在的不足。法治意识不强。")
    result = import_text(text)
    assert [h.section for h in result.report.headings] == ["achievements", "shortcomings"]
    assert [b.text for b in result.draft.section("achievements").blocks] == \
        ["全年调处各类矛盾纠纷{{ disputes_handled }}起。"]
    assert [b.text for b in result.draft.section("shortcomings").blocks] == ["法治意识不强。"]


def test_the_report_is_plain_data_for_the_wizard():
    import json
    report = import_text(body("清溪镇2024年法治政府建设年度报告", PREAMBLE)).report
    data = report.to_dict()
    assert data["unit"] == "清溪镇" and data["chars"]["preamble"] == len(PREAMBLE)
    json.dumps(data, ensure_ascii=False)


def test_a_part_that_fits_nothing_goes_to_other_keeps_its_name_and_is_reported():
    text = body("清溪镇2024年法治政府建设年度报告", PREAMBLE, "一、主要举措和成效", "全年调处各类矛盾纠纷128起。",
                "二、关于经费保障", "镇财政安排法治建设经费10万元。")
    result = import_text(text)
    other = result.draft.section("other").blocks
    assert [b.text for b in other] == ["关于经费保障", "镇财政安排法治建设经费10万元。"]
    warn = [f for f in result.report.findings if f.code == "import-unmapped-part"]
    assert len(warn) == 1 and "关于经费保障" in warn[0].message


def test_two_parts_of_the_same_meaning_are_joined_and_reported():
    text = body("清溪镇2024年法治政府建设年度报告", PREAMBLE, "一、主要工作和成效", "全年调处各类矛盾纠纷128起。",
                "二、工作亮点和经验", "创新“枫桥经验”。", "三、下一步打算", "持续推进。")
    result = import_text(text)
    texts = [b.text for b in result.draft.section("achievements").blocks]
    assert texts == ["全年调处各类矛盾纠纷{{ disputes_handled }}起。", "工作亮点和经验", "创新“枫桥经验”。"]
    assert any(f.code == "import-joined-parts" for f in result.report.findings)


def test_a_text_without_level1_headings_keeps_the_first_paragraph_as_preamble():
    text = body(PREAMBLE, "（一）强化组织领导。全年调处各类矛盾纠纷128起。", "（二）推进政务公开。")
    result = import_text(text, unit="清溪镇")
    assert [b.text for b in result.draft.section("preamble").blocks] == [PREAMBLE]
    assert [b.number for b in result.draft.section("achievements").blocks] == ["（一）", "（二）"]
    assert any(f.code == "import-no-headings" for f in result.report.findings)


def test_a_restarted_list_inside_a_part_stays_in_it_one_level_down():
    text = body("清溪镇2024年法治政府建设年度报告", PREAMBLE, "一、主要举措和成效", "全年调处各类矛盾纠纷128起。",
                "二、存在的不足", "法治意识不强。", "三、下一步打算", "一、加强学习。组织干部学法。",
                "二、规范执法。落实三项制度。")
    result = import_text(text)
    assert [h.section for h in result.report.headings] == ["achievements", "shortcomings", "plans"]
    plans = result.draft.section("plans").blocks
    assert [(b.level, b.number, b.title) for b in plans] == [(2, "（一）", "加强学习。"), (2, "（二）", "规范执法。")]
    assert not [f for f in compile_draft(result.draft).findings if f.code == "level1-in-section"]


def test_braces_in_the_old_text_cannot_become_references():
    text = body("清溪镇2024年法治政府建设年度报告", PREAMBLE, "一、主要举措和成效", "网页残留{{ 变量 }}和{% 代码 %}。")
    result = import_text(text)
    assert result.draft.section("achievements").blocks[0].text == "网页残留｛｛ 变量 ｝｝和｛% 代码 %｝。"
    assert not [f for f in compile_draft(result.draft).findings if f.code.startswith("template")]


# --- figures ---------------------------------------------------------------------------------

def _figures(*achievement_lines, plans=()):
    text = body("清溪镇2024年法治政府建设年度报告", PREAMBLE, "一、主要举措和成效", *achievement_lines,
                "二、下一步打算", *(plans or ["持续推进。"]))
    return import_text(text)


@pytest.mark.parametrize("line,expected", [
    ("全年调处各类矛盾纠纷128起。", [("disputes_handled", "128", "{{ disputes_handled }}")]),
    ("发放宣传资料1.2万余份。", [("leaflets", "1.2万余", "{{ leaflets | approx }}")]),
    ("接受法律咨询100余人次。", [("legal_consultations", "100余", "{{ legal_consultations | approx }}")]),
    ("矛盾纠纷化解率95%以上。", [("mediation_success_rate", "95%以上", "{{ mediation_success_rate | at_least }}")]),
    ("全年受理12345热线工单300件，热线办结率99.5%。",
     [("hotline_orders", "300", "{{ hotline_orders }}"),
      ("hotline_close_rate", "99.5%", "{{ hotline_close_rate }}")]),
    # never the hotline number, a year, a part after 其中, a rate of something else
    ("拨打12345热线反映问题。", []),
    ("调处矛盾纠纷2024年以来持续下降。", []),
    ("共排查纠纷60起，其中调处矛盾纠纷12起。", []),
    ("办结率99%，群众满意率98%。", []),                   # no 12345/热线 in the sentence
    ("参考率100%。", []),                                # no 学法考试 in the sentence
    ("矛盾纠纷调处率95%。", []),
    ("第3次调处矛盾纠纷。", []),
])
def test_figures_matching_an_indicator_become_references_conservatively(line, expected):
    reps = _figures(line).report.figures
    assert [(r.indicator, r.old, r.reference) for r in reps] == expected


def test_an_indicator_with_two_different_numbers_is_left_for_the_clerk():
    result = _figures("一季度调处矛盾纠纷30起。", "全年调处矛盾纠纷128起。")
    assert result.report.figures == []
    assert "调处矛盾纠纷件数" in result.report.figures_skipped[0]
    assert any(f.code == "import-figure-ambiguous" for f in result.report.findings)


def test_the_same_number_twice_is_one_figure_in_two_places():
    result = _figures("全年调处矛盾纠纷128起。", "调处矛盾纠纷128起，调解成功120起。")
    assert [r.indicator for r in result.report.figures] == \
        ["disputes_handled", "disputes_handled", "disputes_resolved"]


def test_targets_in_next_years_plans_are_not_figures():
    result = _figures("全年调处矛盾纠纷128起。", plans=["力争调处矛盾纠纷150起。"])
    assert [r.section for r in result.report.figures] == ["achievements"]
    assert result.draft.section("plans").blocks[0].text == "力争调处矛盾纠纷150起。"


def test_the_draft_renders_the_new_workbook_value_in_place_of_the_old_number():
    from govreport.model.figures import Figure
    result = _figures("全年调处各类矛盾纠纷128起，发放宣传资料5000余份。")
    draft = result.draft
    assert draft.figures["disputes_handled"].previous == 128
    draft.figures["disputes_handled"] = Figure("disputes_handled", 141, previous=128)
    draft.figures["leaflets"] = Figure("leaflets", 6230)
    lines = compile_draft(draft).document.text_lines()
    assert any("全年调处各类矛盾纠纷141起，发放宣传资料6200余份。" in line for line in lines)


def test_importing_a_report_for_its_own_year_keeps_the_numbers_as_this_years_values():
    result = import_text(body("清溪镇2024年法治政府建设年度报告", PREAMBLE, "一、主要举措和成效",
                              "全年调处各类矛盾纠纷128起。"), year=2024)
    fig = result.draft.figures["disputes_handled"]
    assert (fig.value, fig.previous) == (128, None)
    assert result.report.proposals == []


def test_the_attachment_note_and_attached_pages_are_no_body_text():
    text = "\n".join([
        "翻江镇2024年法治政府建设年度报告",
        "2024年，翻江镇深入推进法治政府建设。现将有关情况报告如下：",
        "一、主要举措和成效",
        "全年调处矛盾纠纷128起。",
        "特此报告。",
        "附件：1.2024年度法治政府建设主要数据统计表",
        "2.法治建设工作任务清单",
        "翻江镇人民政府",
        "2025年1月20日",
        "附件1",
        "2024年度法治政府建设主要数据统计表",
        "序号｜指标｜单位｜2024年｜2023年",
        "1｜调处矛盾纠纷件数｜起｜128｜110",
    ])
    result = import_text(text)
    d = result.draft
    assert d.attachments == ["法治建设工作任务清单"] and d.data_appendix
    assert d.signature == "翻江镇人民政府" and d.date == "2025-01-20" and d.closing == "特此报告。"
    body = [b.text for s in d.sections for b in s.blocks]
    assert not any("附件" in t or "｜" in t or "统计表" in t for t in body)
    assert result.report.accounted() == result.report.total_chars
