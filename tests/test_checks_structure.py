"""Structure: the regulation's parts present and in order; headings numbered in sequence."""
import pytest

from checks_helpers import GOOD, corpus_run, messages, report, results, with_line
from govreport import checks
from govreport.checks.registry import run_checks
from govreport.checks.structure import cn_to_int


def _codes(run, code):
    return [r.finding for r in run.results if r.finding.code == code]


def test_a_report_without_the_leadership_part_misses_a_required_section():
    found = _codes(corpus_run("hunan-fanjiang-2024.txt"), "section-order")
    assert [f.level for f in found] == ["error"]
    assert "第一责任人职责" in found[0].message


def test_the_template_report_has_only_achievements():
    found = _codes(corpus_run("template-xx-town.txt"), "section-order")
    missing = [f.message for f in found if f.level == "error"]
    assert len(missing) == 3


def test_leadership_before_shortcomings_is_out_of_the_regulations_order():
    found = _codes(corpus_run("guangdong-haicheng-2024.txt"), "section-order")
    assert len(found) == 1 and found[0].level == "warning"
    assert found[0].section == "shortcomings"
    assert "应排在" in found[0].message


def test_merged_shortcomings_and_plans_count_as_both_but_are_noted():
    found = _codes(corpus_run("chongqing-zhongshan-2020.txt"), "section-order")
    levels = sorted(f.level for f in found)
    assert levels == ["error", "info"]      # leadership missing; 不足 and 安排 merged
    assert any("合写" in f.message for f in found)


def test_a_complete_report_in_order_passes():
    assert messages(GOOD, "section-order") == []


def test_a_report_without_preamble_gets_a_warning():
    text = GOOD.replace("2024年，清溪镇坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和"
                        "二十届历次全会精神，现将有关情况报告如下：\n", "")
    found = results(text, "section-order")
    assert [r.finding.level for r in found] == ["warning"]


@pytest.mark.parametrize("numerals,value", [
    ("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("甲", None),
])
def test_chinese_numerals(numerals, value):
    assert cn_to_int(numerals) == value


def _level2(seq: str) -> str:
    body = "\n".join(f"（{c}）小标题。正文。" for c in seq)
    return GOOD.replace("（一）加强组织领导。全年召开党委会专题研究法治建设6次。\n"
                        "（二）深化普法宣传。全年开展法治宣传活动26场次。", body)


@pytest.mark.parametrize("seq,expected", [
    ("一二三", []),
    ("一二四", ["不连续"]),
    ("一二四四五", ["不连续"]),      # a typo: the one after carries on from 三
    ("一二二三", ["重复"]),
    ("二三", ["开始"]),
])
def test_level2_numbering_in_sequence(seq, expected):
    found = messages(_level2(seq), "numbering")
    assert len(found) == len(expected)
    for m, word in zip(found, expected):
        assert word in m


def test_a_typo_in_the_sequence_can_be_fixed_with_one_click():
    found = results(_level2("一二四四五"), "numbering")
    fix = found[0].fix
    assert fix.label == "序号改为“（三）”"
    assert fix.apply("（四）小标题。正文。") == "（三）小标题。正文。"


def test_a_gap_in_the_middle_has_no_mechanical_fix():
    found = results(_level2("一二四五六"), "numbering")
    assert len(found) == 1 and found[0].fix is None


def test_level2_restarts_after_a_new_level1_heading():
    # GOOD already has （一） under both 一、 and 二、 and 四、
    assert messages(GOOD, "numbering") == []


def test_level1_headings_out_of_sequence_are_errors():
    text = GOOD.replace("四、2025年度", "五、2025年度")
    found = messages(text, "numbering")
    assert len(found) == 1 and "不连续" in found[0] and "“五、”" in found[0]


def test_lost_sub_numbering_in_the_template_report():
    # "依法履行行政职能" lost its "1."; the next item starts at "2."
    found = [f for f in _codes(corpus_run("template-xx-town.txt"), "numbering") if f.level == "error"]
    assert len(found) == 5
    assert all("从“2.”开始" in f.message for f in found)


def test_numbering_with_chinese_comma_at_level3_is_flagged_with_a_fix():
    found = [r for r in corpus_run("zouqiao-2023.txt").results
             if r.finding.code == "numbering" and "“1、”应写作“1.”" in r.finding.message]
    assert found
    assert found[0].fix.apply("1、强化领导。明确以乡党委书记……") == "1.强化领导。明确以乡党委书记……"


def test_mixed_numbering_styles_are_named():
    text = _level2("一二").replace("（二）小标题。正文。", "（二）小标题。正文。\n1、第一条。\n2.第二条。")
    found = messages(text, "numbering")
    assert len(found) == 1 and "混用" in found[0]


@pytest.mark.parametrize("text,canonical", [
    (GOOD.replace("（一）加强组织领导", "(一)加强组织领导"), "（一）"),
    (GOOD.replace("（一）加强组织领导", "（一）、加强组织领导"), "（一）"),
    (GOOD.replace("一、2024年度推进", "一.2024年度推进"), "一、"),
    (with_line("1．第一条内容。正文。"), "1."),
    (with_line("1.第一条。\n(1)细目内容。正文。"), "（1）"),
])
def test_non_standard_numbering_styles(text, canonical):
    found = messages(text, "numbering")
    assert len(found) == 1 and f"应写作“{canonical}”" in found[0], found


def test_yi_shi_er_shi_runs_need_every_item():
    zouqiao = [f.message for f in _codes(corpus_run("zouqiao-2023.txt"), "numbering")]
    assert "“三是”之前没有“二是”" in zouqiao
    assert any("句首的“是”" in m for m in zouqiao)      # "2、畅通群众反馈渠道。是利用入户走访"


def test_nested_yi_shi_runs_restart_without_findings():
    # 中山镇 2020: "三是确保三个到位。一是确保人员到位……二是……三是……"
    found = _codes(corpus_run("chongqing-zhongshan-2020.txt"), "numbering")
    assert not [f for f in found if "是”之前没有" in f.message]


def test_yi_shi_inside_words_is_not_a_series():
    assert messages(with_line("坚持统一是原则，唯一是标准。"), "numbering") == []


def test_applying_a_numbering_fix_to_a_draft_renumbers_the_block():
    from govreport.app.starts import demo_draft
    from govreport.text.blocks import parse_line
    d = demo_draft()
    sec = d.section("achievements")
    sec.blocks[2] = parse_line("（四）坚持依法决策，规范行政权力运行。严格执行重大行政决策程序。")
    run = checks.check_draft(d, disabled={"length"})
    fixable = [r for r in run.results if r.finding.code == "numbering" and r.fix]
    assert [(r.finding.section, r.finding.block) for r in fixable] == [("achievements", 2)]
    assert checks.apply_fix(d, fixable[0])
    b = sec.blocks[2]
    assert (b.number, b.title) == ("（三）", "坚持依法决策，规范行政权力运行。")
    assert b.text == "严格执行重大行政决策程序。"
    again = checks.check_draft(d, disabled={"length"})
    assert not [r for r in again.results if r.finding.code == "numbering"]
