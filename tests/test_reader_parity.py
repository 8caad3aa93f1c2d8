"""Import and check read a report written elsewhere the same way (issue 13, one reader).

For every real report of the corpus, the demo report as built (.docx) and the reports on which
the two once disagreed (tests/data/reader/), `govreport import` and `govreport check` must find
the same title, 主送机关, 成文日期, 署名 and report year, and put every level-1 heading (一、) in
the same section. Each case also states the right answers, so both cannot be wrong together.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from govreport import checks
from govreport.checks.sources import report_from_path
from govreport.importer import import_file

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
READER = DATA / "reader"
TODAY = dt.date(2026, 3, 1)


@dataclass(frozen=True)
class Known:
    """What a careful reader finds in the report (section ids of the default pack)."""
    title: str
    date: str | None
    signature: str
    sections: tuple[str, ...]            # of the level-1 headings, in order
    import_args: tuple = ()              # (year, unit) when the report names neither


KNOWN = {
    "chongqing-zhongshan-2020.txt": Known(
        "重庆市江津区中山镇人民政府2020年度法治政府建设情况报告", None, "",
        ("achievements", "plans")),                       # 二、存在问题及下步打算: merged, to plans
    "guangdong-haicheng-2024.txt": Known(
        "海丰县海城镇2024年法治政府建设年度报告", None, "",
        ("achievements", "leadership", "shortcomings", "plans")),
    "hunan-fanjiang-2024.txt": Known(
        "翻江镇法治政府建设工作报告", "2025-03-25", "", ("achievements", "shortcomings", "plans")),
    "template-xx-town.txt": Known("", None, "", ("achievements",), (2025, "清溪镇")),
    "zouqiao-2023.txt": Known(
        "邹桥乡关于2023年法治政府建设工作情况汇报", "2023-11-14", "邹桥乡人民政府",
        ("achievements", "shortcomings", "leadership", "other", "plans")),
    "demo.docx": Known(
        "清溪镇2024年法治政府建设年度报告", "2025-01-20", "清溪镇人民政府",
        ("achievements", "shortcomings", "leadership", "plans")),
    # 二、工作中存在的困难 and a 成文日期 in Chinese numerals
    "shimen-difficulties-2024.txt": Known(
        "石门镇2024年法治政府建设年度报告", "2025-01-20", "石门镇人民政府",
        ("achievements", "shortcomings", "leadership", "plans")),
    # a county department: 一、2024年工作完成情况; no 乡镇 name to guess the unit from
    "linjiang-justice-bureau-2024.txt": Known(
        "临江县司法局2024年法治政府建设年度报告", "2025-01-15", "临江县司法局",
        ("achievements", "shortcomings", "leadership", "plans"), (None, "临江县司法局")),
}
CORPUS_CASES = sorted(p.name for p in CORPUS.glob("*.txt"))
CASES = CORPUS_CASES + ["demo.docx"] + sorted(p.name for p in READER.glob("*.txt"))


@dataclass(frozen=True)
class Read:
    """What one code path found."""
    title: str
    recipient: str
    date: str | None
    signature: str
    year: int | None
    headings: tuple[tuple[str, str], ...]     # (heading as written, section)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    from govreport.app.produce import produce
    from govreport.app.starts import demo_draft
    path = tmp_path_factory.mktemp("parity") / "demo.docx"
    produce(demo_draft(), path)
    return path


def _path(name: str, demo_path: Path) -> Path:
    if name == "demo.docx":
        return demo_path
    return CORPUS / name if (CORPUS / name).exists() else READER / name


def imported(path: Path, known: Known) -> Read:
    year, unit = known.import_args or (None, None)
    r = import_file(path, year=year, unit=unit).report
    return Read(r.title or "", r.recipient, r.date, r.signature,
                None if year else r.report_year,
                tuple((h.text, h.section) for h in r.headings))


def checked(path: Path) -> Read:
    r = report_from_path(path, today=TODAY)
    return Read(r.title, r.recipient, r.date.isoformat() if r.date else None, r.signature,
                r.year, tuple((p.heading, p.id) for p in r.parts if p.heading))


@pytest.fixture(scope="module")
def both(demo_path):
    cache: dict[str, tuple[Read, Read]] = {}

    def get(name: str) -> tuple[Read, Read]:
        if name not in cache:
            path = _path(name, demo_path)
            cache[name] = imported(path, KNOWN[name]), checked(path)
        return cache[name]
    return get


def test_every_report_of_the_corpus_is_compared():
    assert set(CORPUS_CASES) <= set(KNOWN)
    assert set(CASES) == set(KNOWN)


@pytest.mark.parametrize("name", CASES)
def test_import_and_check_agree_on_title_recipient_date_and_signature(both, name):
    imp, chk = both(name)
    assert (imp.title, imp.recipient, imp.date, imp.signature) == \
        (chk.title, chk.recipient, chk.date, chk.signature)
    known = KNOWN[name]
    assert (chk.title, chk.date, chk.signature) == (known.title, known.date, known.signature)


@pytest.mark.parametrize("name", CASES)
def test_import_and_check_agree_on_the_section_of_every_level1_heading(both, name):
    imp, chk = both(name)
    assert [s for _h, s in imp.headings] == [s for _h, s in chk.headings]
    # the check's heading is the import's without the text of a run-in heading
    assert all(i.startswith(c) for (i, _), (c, _) in zip(imp.headings, chk.headings))
    assert tuple(s for _h, s in chk.headings) == KNOWN[name].sections


@pytest.mark.parametrize("name", [n for n in CASES if not KNOWN[n].import_args
                                  or KNOWN[n].import_args[0] is None])
def test_import_and_check_agree_on_the_report_year(both, name):
    imp, chk = both(name)
    assert imp.year == chk.year is not None


def test_check_does_not_call_missing_what_the_import_finds():
    for name in ("shimen-difficulties-2024.txt", "linjiang-justice-bureau-2024.txt"):
        run = checks.check_path(READER / name, today=TODAY)
        missing = [f.message for f in run.findings
                   if f.code == "section-order" and f.level == "error"]
        assert missing == [], name
        assert not [f for f in run.findings if f.code == "report-date" and "没有找到" in f.message]


def test_the_checks_read_the_text_as_written_without_the_imports_rewriting():
    path = READER / "shimen-difficulties-2024.txt"
    text = checks.report_from_path(path, today=TODAY).body_text()
    assert "调处各类矛盾纠纷96起" in text               # no {{ disputes_handled }}
    assert "2025年工作打算" not in text                   # headings are no paragraphs
    draft = import_file(path).draft
    assert "{{ disputes_handled }}" in "\n".join(s.text for s in draft.sections)
