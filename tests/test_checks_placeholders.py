"""Template leftovers and empty parts: a report must not go out with xx镇 or 202x年 in it."""
import pytest

from checks_helpers import GOOD, corpus_run, messages, results, with_line


def test_the_template_report_is_full_of_placeholders():
    run = corpus_run("template-xx-town.txt")
    found = [r.finding for r in run.results if r.finding.code == "placeholder"]
    assert all(f.level == "error" for f in found)
    quoted = " ".join(f.message for f in found)
    assert "“202x”" in quoted and "“xx”" in quoted
    # "研究制定xx镇“三重一大”决策制度……xx镇在依法行政方面" : two in one paragraph, one finding
    twice = [f for f in found if "（2处）" in f.message]
    assert twice and twice[0].section == "achievements"
    assert run.has_errors


@pytest.mark.parametrize("line,placeholder", [
    ("xx镇全年调处矛盾纠纷128起。", "xx"),
    ("XX村建成法治文化广场。", "XX"),
    ("××镇人民政府认真落实。", "××"),
    ("某某村调解委员会调处纠纷。", "某某"),
    ("202x年全镇开展普法活动。", "202x"),
    ("20XX年全镇开展普法活动。", "20XX"),
    ("全年调处矛盾纠纷【缺：调处矛盾纠纷件数】起。", "调处矛盾纠纷件数"),
    ("全年调处矛盾纠纷{{ disputes_handled }}起。", "{{ disputes_handled }}"),
    ("□是 □否 开展专项整治。", "□"),
    ("聘请（  ）名法律顾问。", "（  ）"),
])
def test_placeholders_are_errors(line, placeholder):
    found = results(with_line(line), "placeholder")
    assert len(found) == 1
    assert placeholder in found[0].finding.message
    assert found[0].finding.level == "error"
    assert found[0].finding.section == "achievements"


def test_a_gap_names_its_indicator_and_a_placeholder_in_a_field_names_the_field():
    [gap] = results(with_line("全年调处矛盾纠纷【缺：调处矛盾纠纷件数（上年）】起。"), "placeholder")
    assert (gap.finding.indicator, gap.finding.field) == ("disputes_handled", None)
    titled = GOOD.replace("清溪镇2024年法治", "xx镇2024年法治", 1)
    [title] = [r.finding for r in results(titled, "placeholder") if r.finding.section is None]
    assert (title.indicator, title.field) == (None, "title")


@pytest.mark.parametrize("line", [
    "受理12345热线工单1246件。",
    "推动“1+6+N”基层社会治理工作体系落地。",
    "开展“12·4”国家宪法日宣传。",
    "办结率93.84%，发放资料1,234份。",
    "访问www.xxs.gov.cn查看。",
    "推进Linux与WPS国产化适配。",
    "全镇划分187个小网格。",
])
def test_ordinary_text_has_no_placeholders(line):
    assert messages(with_line(line), "placeholder") == []


def test_placeholders_in_the_title_are_found():
    text = GOOD.replace("清溪镇2024年法治政府建设年度报告", "xx镇202x年法治政府建设年度报告")
    found = messages(text, "placeholder")
    assert any(m.startswith("标题中") and "xx" in m for m in found)


def test_a_heading_without_text_is_an_empty_section():
    text = GOOD.replace("（一）干部法治素养仍有差距。部分干部运用法治方式解决问题的能力不强。\n", "")
    found = results(text, "empty-section")
    assert [(r.finding.level, r.finding.section) for r in found] == [("error", "shortcomings")]


def test_an_empty_optional_section_is_only_a_warning():
    text = GOOD.replace("特此报告。", "五、其他需要报告的情况\n特此报告。")
    found = results(text, "empty-section")
    assert [(r.finding.level, r.finding.section) for r in found] == [("warning", "other")]


def test_a_complete_report_has_no_empty_sections():
    assert messages(GOOD, "empty-section") == []
