"""Length against the pack's guidance: a warning, never an error."""
from checks_helpers import GOOD, corpus_run, results
from govreport.checks.length import char_count


def test_characters_are_counted_without_whitespace():
    assert char_count("一、 主要举措\n（一）加强领导。") == 14


def test_a_short_report_is_below_the_guidance(pack):
    found = [r.finding for r in results(GOOD, "length")]
    whole = [f for f in found if f.section is None]
    assert len(whole) == 1 and f"少于建议的{pack.length_min}字" in whole[0].message
    assert all(f.level == "warning" for f in found)
    assert {f.section for f in found if f.section} == {"achievements", "shortcomings",
                                                        "leadership", "plans"}


def test_a_long_section_is_above_the_guidance(pack):
    spec = pack.section("achievements")
    long_line = "全年开展法治宣传活动，发放宣传资料，解答法律咨询，群众法治意识明显增强。" * 250
    text = GOOD.replace("26场次。", "26场次。\n" + long_line)
    found = [r.finding for r in results(text, "length")]
    assert any(f.section == "achievements" and f"超过建议的{spec.length_max}字" in f.message
               for f in found)
    assert any(f.section is None and "超过建议" in f.message for f in found)


def test_a_thin_leadership_part_in_a_real_report():
    # 邹桥乡: three one-line items under 主要负责人履行职责情况
    found = [r.finding for r in corpus_run("zouqiao-2023.txt").results
             if r.finding.code == "length"]
    assert [f.section for f in found] == ["leadership"]
    assert found[0].level == "warning" and "少于建议的300字" in found[0].message


def test_merged_parts_have_no_guidance_of_their_own():
    found = [r.finding for r in corpus_run("chongqing-zhongshan-2020.txt").results
             if r.finding.code == "length"]
    assert "shortcomings" not in {f.section for f in found}
