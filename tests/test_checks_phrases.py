"""Stale phrasing by the report's 成文日期 and year, with the date it went stale and what to write."""
import datetime as dt

import pytest

from checks_helpers import GOOD, corpus_run, messages, results, with_line


def _stale(run):
    return [r.finding for r in run.results if r.finding.code == "stale-phrase"]


def test_haicheng_2024_uses_the_old_rule_of_law_wording_and_the_six_term_goal():
    found = _stale(corpus_run("guangdong-haicheng-2024.txt"))
    text = "\n".join(f.message + "｜" + (f.suggestion or "") for f in found)
    assert "全面依法治国的新理念、新思想、新战略" in text
    assert "全面依法治国新理念新思想新战略" in text
    assert "2020年11月17日" in text and "改为“习近平法治思想”" in text
    assert "公开公正和守法诚信" in text and "2021年8月11日" in text and "智能高效、廉洁诚信、人民满意" in text
    # "今年以来" three times in one paragraph of a report written in 2025
    assert any("今年以来”（3处）" in f.message for f in found)


def test_zhongshan_2020_uses_series_speeches_and_an_old_pufa_cycle():
    found = _stale(corpus_run("chongqing-zhongshan-2020.txt"))
    text = "\n".join(f.message for f in found)
    assert "系列重要讲话" in text and "2017年10月24日" in text
    assert "六五普法" in text
    # "2021年,是“十四五”规划的开局之年" in the plans of a 2020 report is fine
    assert "十四五" not in text


def test_the_template_uses_the_19th_congress_after_october_2022():
    found = _stale(corpus_run("template-xx-town.txt", year=2024))
    assert any("党的十九大和十九届历次全会精神" in f.message and "2022年10月22日" in f.message
               and f.suggestion == "改为“党的二十大和二十届历次全会精神”" for f in found)


@pytest.mark.parametrize("line,year,flagged", [
    ("深入贯彻党的十九大和十九届二中、三中、四中、五中全会精神。", 2024, True),
    ("深入贯彻党的十九大和十九届二中、三中、四中、五中全会精神。", 2021, False),
    ("十九届六中全会通过了第三个历史决议。", 2024, False),      # history, not guidance
    ("圆满完成“十三五”规划目标任务。", 2024, True),
    ("“十三五”期间累计调处纠纷3000余起。", 2024, False),
    ("深入开展“七五”普法。", 2023, True),
    ("深入开展“八五”普法。", 2024, False),
    ("深入开展“八五”普法。", 2026, True),
    ("深入推进扫黑除恶专项斗争。", 2024, True),
    ("推进常态化扫黑除恶斗争。", 2024, False),
    ("加快建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府。", 2024, False),
    ("对照《法治政府建设实施纲要（2015—2020年）》查找差距。", 2024, True),
    ("对照《法治政府建设实施纲要（2021—2025年）》查找差距。", 2024, False),
    ("对照《法治政府建设实施纲要（2021—2025年）》查找差距。", 2026, True),
    ("落实《全面深化法治领域改革纲要（2023—2027年）》。", 2025, False),
    ("深入学习贯彻习近平法治思想。", 2019, True),              # not yet in the world
    ("深入学习贯彻习近平法治思想。", 2024, False),
    ("落实智慧高效、廉洁诚信的要求。", 2024, True),             # misquoted formula
    ("坚持和发展新时代“枫桥经验”。", 2024, False),
    ("受理12345热线工单1246件。", 2024, False),
])
def test_phrases_against_the_report_year(line, year, flagged):
    text = with_line(line).replace("2025年1月20日", f"{year + 1}年1月20日")
    found = messages(text, "stale-phrase", year=year)
    assert bool(found) == flagged, found


def test_the_latest_plenum_must_be_in_the_list():
    text = with_line("深入学习贯彻党的二十大和二十届二中全会精神。")      # dated 2025-01-20
    found = results(text, "stale-phrase")
    assert len(found) == 1
    f = found[0].finding
    assert "二十届三中全会已召开（2024年7月18日闭幕）" in f.message
    assert f.suggestion == "写成“二十届二中、三中全会精神”或“二十届历次全会精神”"


def test_a_plenum_not_yet_held_is_an_error():
    text = with_line("深入学习贯彻党的二十大和二十届三中、四中全会精神。")
    found = results(text, "stale-phrase")
    assert [r.finding.level for r in found] == ["error"]


def test_plenum_lists_that_are_current_pass():
    # 海城镇 and 翻江镇 2024 (written Jan–Mar 2025) list up to the third plenum: correct
    for name in ("guangdong-haicheng-2024.txt", "hunan-fanjiang-2024.txt"):
        assert not [f for f in _stale(corpus_run(name)) if "全会" in f.message], name


def test_this_year_in_a_report_written_next_year_has_a_fix():
    found = results(with_line("今年以来，全镇调处矛盾纠纷128起。"), "stale-phrase")
    fix = found[0].fix
    assert fix.label == "改为“2024年以来”"
    assert fix.apply("今年以来，全镇调处矛盾纠纷128起。") == "2024年以来，全镇调处矛盾纠纷128起。"


def test_this_year_in_a_report_written_in_the_same_year_is_fine():
    text = with_line("今年以来，全镇调处矛盾纠纷128起。").replace("2025年1月20日", "2024年12月20日")
    assert messages(text, "stale-phrase") == []


def test_the_good_report_has_no_stale_phrasing():
    assert messages(GOOD, "stale-phrase") == []


def test_the_phrase_table_is_data_with_dates(pack):
    from govreport.checks.config import settings_for
    s = settings_for(pack)
    ids = {p.id for p in s.phrases}
    assert {"nineteenth-congress", "rule-of-law-new-concepts", "six-term-goal",
            "thirteenth-five-year", "rule-of-law-thought-early"} <= ids
    six = next(p for p in s.phrases if p.id == "six-term-goal")
    assert six.superseded_on == dt.date(2021, 8, 11)
    assert [p.number for p in s.plenums if p.congress == 20] == [1, 2, 3, 4]
