"""Years: last year's figures and dates are what embarrasses a report most."""
import datetime as dt

import pytest

from checks_helpers import GOOD, corpus_run, messages, results, with_line


@pytest.mark.parametrize("line,flagged", [
    ("2023年全镇调处矛盾纠纷120起。", True),            # last year's sentence left in
    ("2019年建成的法治广场投入使用。", True),
    ("2027年全面完成法治乡村建设。", True),             # later than the next year
    ("2023年以来，累计调处矛盾纠纷300余起。", False),     # a time span
    ("自2021年起推行镇村法律顾问全覆盖。", False),
    ("较2023年增长12.5%。", False),                    # a comparison
    ("与2023年同期相比减少3起。", False),
    ("认真落实《法治政府建设实施纲要（2021—2025年）》。", False),   # a plan's name
    ("对照2021—2025年规划目标推进。", False),           # a range
    ("到2035年基本建成法治国家、法治政府、法治社会。", False),  # a target
    ("2024年全镇调处矛盾纠纷128起。", False),
    ("2025年将继续推进。", False),
])
def test_years_in_the_text_against_the_report_year(line, flagged):
    found = messages(with_line(line), "year-mismatch")
    assert bool(found) == flagged, found


def test_a_past_year_is_a_warning_naming_both_years():
    found = results(with_line("2023年全镇调处矛盾纠纷120起。"), "year-mismatch")
    f = found[0].finding
    assert f.level == "warning" and "2024年度报告中出现“2023年”" in f.message
    assert f.section == "achievements" and f.quote.startswith("2023年")


def test_a_heading_year_that_is_not_the_report_year_is_an_error():
    text = GOOD.replace("一、2024年度推进", "一、2023年度推进")
    found = results(text, "year-mismatch")
    assert [r.finding.level for r in found] == ["error"]


def test_the_plans_heading_must_name_the_next_year():
    text = GOOD.replace("四、2025年度推进", "四、2024年度推进")
    found = messages(text, "year-mismatch")
    assert any("应为2025年" in m for m in found)


def test_plans_that_speak_of_the_report_year_are_flagged():
    found = messages(with_line("2024年，我镇将继续加强执法队伍建设。", "plans"), "year-mismatch")
    assert any("下一年度安排中写的是“2024年”" in m for m in found)


def test_plans_without_any_year_or_next_year_words():
    text = GOOD.replace("四、2025年度推进法治政府建设的主要安排", "四、工作打算")
    found = messages(text, "year-mismatch")
    assert any("没有写明是2025年的安排" in m for m in found)


def test_real_reports_have_no_stray_years():
    for name in ("guangdong-haicheng-2024.txt", "chongqing-zhongshan-2020.txt",
                 "zouqiao-2023.txt", "hunan-fanjiang-2024.txt"):
        run = corpus_run(name)
        assert not [r for r in run.results if r.finding.code == "year-mismatch"], name


def test_a_report_dated_before_the_year_ends_is_premature():
    found = [r.finding for r in corpus_run("zouqiao-2023.txt").results
             if r.finding.code == "report-date"]
    assert len(found) == 1 and found[0].level == "warning"
    assert "2023年11月14日" in found[0].message


@pytest.mark.parametrize("date,level", [
    ("2025年1月20日", None),
    ("2024年12月28日", None),
    ("2024年6月30日", "warning"),
    ("2025年4月15日", "info"),        # after the 4月1日 publication deadline
    ("2023年12月30日", "error"),
    ("2026年1月10日", "warning"),
])
def test_the_date_against_the_report_year(date, level):
    found = results(GOOD.replace("2025年1月20日", date), "report-date")
    assert [r.finding.level for r in found] == ([level] if level else [])


def test_a_report_without_a_date_gets_a_hint():
    found = results(GOOD.replace("\n2025年1月20日", ""), "report-date")
    assert [r.finding.level for r in found] == ["info"]


def test_a_title_without_the_year():
    found = [r.finding for r in corpus_run("hunan-fanjiang-2024.txt").results
             if r.finding.code == "title"]
    assert len(found) == 1 and "没有年份" in found[0].message


def test_a_title_with_another_year_than_the_one_asked_for():
    found = messages(GOOD, "title", year=2025)
    assert any("与报告年度2025年不符" in m for m in found)


def test_a_good_title_passes():
    assert messages(GOOD, "title") == []


def test_a_title_called_hui_bao_gets_a_hint():
    found = [r.finding for r in corpus_run("zouqiao-2023.txt").results if r.finding.code == "title"]
    assert [f.level for f in found] == ["info"]


def test_without_any_year_the_year_checks_say_so():
    run = corpus_run("template-xx-town.txt")
    assert any(r.finding.code == "year-mismatch" and "无法确定报告年度" in r.finding.message
               for r in run.results)
    assert run.report.year is None
    assert corpus_run("template-xx-town.txt", year=2024).report.year == 2024


def test_the_date_window_is_used_when_the_date_is_missing():
    # 海城镇 2024 has no 成文日期: assume Jan–Mar 2025
    from govreport.checks.phrases import date_window
    r = corpus_run("guangdong-haicheng-2024.txt").report
    assert date_window(r) == (dt.date(2025, 1, 1), dt.date(2025, 3, 31))
