"""Punctuation and format: half-width or doubled marks, unmatched brackets, missing 。."""
import pytest

from checks_helpers import GOOD, corpus_run, messages, results, with_line


@pytest.mark.parametrize("line,words", [
    ("全年调处矛盾纠纷128起,调解成功125起。", "半角逗号"),
    ("主要做法如下:一是加强领导。", "半角冒号"),
    ("健全村(社区)法律顾问制度。", "半角括号"),
    ("开展\"法律进乡村\"活动。", "半角双引号"),
])
def test_half_width_punctuation_in_chinese_text(line, words):
    found = results(with_line(line), "punctuation")
    assert len(found) == 1 and words in found[0].finding.message
    fixed = found[0].fix.apply(line)
    assert "," not in fixed and ":" not in fixed and "(" not in fixed and '"' not in fixed


@pytest.mark.parametrize("line", [
    "受理12345热线工单1246件，办结率93.84%。",
    "推动“1+6+N”基层社会治理工作体系落地。",
    "开展“12·4”国家宪法日宣传活动。",
    "发放宣传资料1,234份，会议于9:30开始。",
    "访问www.example.gov.cn查看。",
    "全镇划分1个大网格、24个中网格、187个小网格。",
])
def test_numbers_and_names_are_not_punctuation_mistakes(line):
    assert messages(with_line(line), "punctuation") == []


def test_numbering_at_the_start_is_left_to_the_numbering_check():
    assert messages(with_line("（三）强化普法。全年开展普法活动。"), "punctuation") == []
    found = messages(with_line("(三)强化普法。全年开展普法活动。"), "punctuation")
    assert found == []


@pytest.mark.parametrize("line,doubled,fixed", [
    ("全年调处矛盾纠纷128起。。", "。。", "全年调处矛盾纠纷128起。"),
    ("加强领导，，明确责任。", "，，", "加强领导，明确责任。"),
    ("加强领导，。", "，。", "加强领导。"),
])
def test_doubled_punctuation_has_a_fix(line, doubled, fixed):
    found = [r for r in results(with_line(line), "punctuation") if "重复" in r.finding.message]
    assert len(found) == 1 and doubled in found[0].finding.message
    assert found[0].fix.apply(line) == fixed


def test_ellipsis_and_dash_are_not_doubled_marks():
    assert messages(with_line("全面推进法律进机关、进乡村……取得成效——群众满意。"), "punctuation") == []


def test_unmatched_quotes_in_the_fanjiang_report():
    run = corpus_run("hunan-fanjiang-2024.txt")
    found = [r.finding for r in run.results
             if r.finding.code == "punctuation" and "不成对" in r.finding.message]
    assert len(found) == 1 and found[0].section == "achievements"
    assert "“3个，”4个" in found[0].message.replace("（", "").replace("）", "")


@pytest.mark.parametrize("line", [
    "健全村（社区法律顾问制度。",
    "学习《中华人民共和国民法典。",
    "开展“法律明白人培养工程。",
])
def test_unmatched_brackets(line):
    assert any("不成对" in m for m in messages(with_line(line), "punctuation"))


def test_a_long_paragraph_without_an_ending_mark_gets_a_fix():
    line = "探索支部建在网格上的制度优势，创新乡村治理模式助力基层治理破局"
    found = [r for r in results(with_line(line), "punctuation") if "段末" in r.finding.message]
    assert len(found) == 1 and found[0].finding.level == "info"
    assert found[0].fix.apply(line) == line + "。"
    assert found[0].fix.apply(line + "，") == line + "。"


def test_short_headings_without_an_ending_mark_are_fine():
    assert messages(with_line("（三）强化矛盾纠纷化解"), "punctuation") == []
    assert messages(with_line("依法履行行政职能"), "punctuation") == []


def test_spaces_inside_chinese_text_suggest_lost_quotes():
    # 邹桥乡: "杜绝 一把手 擅权专断"
    found = [r.finding for r in corpus_run("zouqiao-2023.txt").results
             if r.finding.code == "punctuation" and "空格" in r.finding.message]
    assert len(found) == 2 and all(f.level == "info" for f in found)


def test_the_good_report_is_clean():
    assert messages(GOOD, "punctuation") == []


def test_compiled_drafts_have_no_half_width_marks():
    from govreport import checks
    from govreport.app.starts import demo_draft
    run = checks.check_draft(demo_draft())
    assert not [r for r in run.results if r.finding.code == "punctuation"]
