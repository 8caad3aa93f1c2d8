"""Figures in the text against the statistics workbook: both numbers are shown."""
import pytest

from checks_helpers import GOOD, TODAY, report, with_line
from govreport import checks
from govreport.checks.registry import run_checks
from govreport.checks.run import _add_workbook


def _check(text, workbook, year=2024):
    r = report(text, year)
    _add_workbook(r, workbook)
    return checks.check_report(r, checks.REGISTRY.keys() - {"figure-mismatch"})


def _messages(text, workbook, year=2024):
    return [x.finding.message for x in _check(text, workbook, year).results]


@pytest.mark.parametrize("line,flagged", [
    ("全年调处矛盾纠纷128起，调解成功125起。", False),
    ("全年调处矛盾纠纷130起，调解成功125起。", True),
    ("全年调处矛盾纠纷128件。", False),                  # 件 and 起 count the same
    ("调解成功率97.66%。", False),                      # the workbook gives 97.6562…
    ("调解成功率97.7%。", False),                       # rounded to one decimal
    ("调解成功率98%。", False),                         # 97.66 rounds to 98
    ("调解成功率99%。", True),
    ("发放宣传资料5300余份。", False),                   # the workbook says 5320
    ("发放宣传资料5000余份。", False),                   # 5000余: from 5000 to 5999
    ("发放宣传资料6000余份。", True),
    ("发放宣传资料5400余份。", True),
    ("解答法律咨询310余人次。", False),
    ("受教育群众8600余人次。", False),
    ("受教育群众0.86万余人次。", False),
    ("受教育群众9000余人次。", True),
    ("受理12345热线工单1246件，群众满意率96.52%。", False),
    ("受理12345热线工单1200件。", True),
    ("上年调处矛盾纠纷100起。", False),                  # last year's figure is not this year's
    ("群众满意率95%以上。", False),
    ("群众满意率98%以上。", True),
    ("开展中心组学法12次。", False),
    ("开展中心组学法12期讲座3次。", False),              # no unit right after the number
])
def test_figures_next_to_indicator_words(sample_workbook, line, flagged):
    found = _messages(with_line(line), sample_workbook)
    assert bool(found) == flagged, found


def test_a_wrong_figure_names_both_numbers_and_the_cell(sample_workbook):
    run = _check(with_line("全年调处矛盾纠纷130起。"), sample_workbook)
    f = run.results[0].finding
    assert f.level == "warning" and f.code == "figure-mismatch"
    assert "130起" in f.message and "统计表是128起" in f.message and "!D" in f.message
    assert f.section == "achievements" and f.indicator == "disputes_handled"
    assert "调处矛盾纠纷130起" in f.quote


def test_a_workbook_of_another_year_is_flagged(sample_workbook):
    found = _messages(GOOD.replace("2024", "2023").replace("2025", "2024"), sample_workbook, 2023)
    assert any("统计表是2024年度的，报告是2023年度" in m for m in found)


def test_without_figures_the_check_is_silent():
    r = report(with_line("全年调处矛盾纠纷130起。"))
    assert not [x for x in run_checks(r) if x.finding.code == "figure-mismatch"]


def test_a_figure_typed_into_a_draft_is_checked_against_the_drafts_own_figures():
    from govreport.app.starts import demo_draft
    from govreport.text.blocks import parse_line
    d = demo_draft()
    sec = d.section("achievements")
    sec.blocks.append(parse_line("全年共调处矛盾纠纷130起。"))
    run = checks.check_draft(d, today=TODAY)
    found = [r.finding for r in run.results if r.finding.code == "figure-mismatch"]
    assert [(f.section, f.block) for f in found] == [("achievements", len(sec.blocks) - 1)]


def test_the_demo_report_agrees_with_its_workbook(demo_docx, sample_workbook):
    run = checks.check_path(demo_docx, workbook=sample_workbook, today=TODAY)
    assert not [r for r in run.results if r.finding.code == "figure-mismatch"]
