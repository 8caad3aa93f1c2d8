"""Shared helpers of the tests of govreport.checks (test_checks_*.py)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from govreport import checks
from govreport.checks.registry import run_checks

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
TODAY = dt.date(2026, 3, 1)     # fixed, so that undated reports are judged the same every day
ALL = {"placeholder", "empty-section", "section-order", "numbering", "year-mismatch",
       "report-date", "title", "figure-mismatch", "stale-phrase", "punctuation", "length"}

# A short report in our own words that passes the structure checks; tests add lines to it.
GOOD = """清溪镇2024年法治政府建设年度报告
中共临江县委、临江县人民政府：
2024年，清溪镇坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届历次全会精神，现将有关情况报告如下：
一、2024年度推进法治政府建设的主要举措和成效
（一）加强组织领导。全年召开党委会专题研究法治建设6次。
（二）深化普法宣传。全年开展法治宣传活动26场次。
二、2024年度推进法治政府建设存在的不足和原因
（一）干部法治素养仍有差距。部分干部运用法治方式解决问题的能力不强。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法，亲自部署重要工作。
四、2025年度推进法治政府建设的主要安排
（一）提升干部依法行政能力。推行案例式培训。
特此报告。
清溪镇人民政府
2025年1月20日"""


def report(text: str, year: int | None = 2024, today: dt.date = TODAY):
    return checks.report_from_text(text, year=year, today=today)


def results(text: str, code: str, year: int | None = 2024, today: dt.date = TODAY):
    """CheckResults of one check only, on a report given as text."""
    return run_checks(report(text, year, today), ALL - {code})


def messages(text: str, code: str, year: int | None = 2024, today: dt.date = TODAY) -> list[str]:
    return [r.finding.message for r in results(text, code, year, today)]


def with_line(line: str, part: str = "achievements") -> str:
    """GOOD with one more paragraph at the end of a part."""
    anchors = {"preamble": "现将有关情况报告如下：", "achievements": "26场次。",
               "shortcomings": "能力不强。", "leadership": "亲自部署重要工作。",
               "plans": "推行案例式培训。"}
    a = anchors[part]
    return GOOD.replace(a, a + "\n" + line, 1)


def corpus_run(name: str, year: int | None = None, **kw):
    return checks.check_path(CORPUS / name, year=year, today=TODAY, **kw)
