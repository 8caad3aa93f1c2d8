"""Importing the five real reports: the split, the frame, figures, debris and character accounting
match the hand-checked expectations in tests/data/import_expectations.toml."""
import re
import tomllib
from functools import cache
from pathlib import Path

import pytest

from govreport.text import blocks as blk
from govreport.build.compose import compile_draft
from govreport.model.draft import from_json_text, to_json_text
from govreport.importer import import_file
from govreport.importer.model import BLANK, DEBRIS
from govreport.reading.reportfile import visible_len

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
EXPECT = tomllib.loads((DATA / "import_expectations.toml").read_text(encoding="utf-8"))["report"]
IDS = [e["file"].removesuffix(".txt") for e in EXPECT]


@cache
def _imported(file: str, roll_forward: bool = False):
    e = next(x for x in EXPECT if x["file"] == file)
    return import_file(CORPUS / file, roll_forward=roll_forward, **e.get("args", {}))


def imported(e, roll_forward=False):
    return _imported(e["file"], roll_forward)


def source_lines(e) -> list[str]:
    return (CORPUS / e["file"]).read_text(encoding="utf-8").split("\n")


def test_every_corpus_report_has_expectations():
    files = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert files == sorted(e["file"] for e in EXPECT)


@pytest.mark.parametrize("e", EXPECT, ids=IDS)
def test_level1_headings_map_to_the_hand_checked_sections(e):
    report = imported(e).report
    assert [[h.text, h.section] for h in report.headings] == e["headings"]


@pytest.mark.parametrize("e", EXPECT, ids=IDS)
def test_each_section_takes_exactly_its_lines_of_the_source(e):
    report = imported(e).report
    lines = source_lines(e)
    for sid, (first, last) in e["sections"].items():
        expected = {n for n in range(first, last + 1) if visible_len(lines[n - 1])}
        got = {f.no for f in report.lines if f.dest == sid}
        assert got == expected, sid
    sections_seen = {f.dest for f in report.lines} - {BLANK, DEBRIS, "title", "recipient",
                                                      "signature", "date", "closing", "note"}
    assert sections_seen == set(e["sections"])


@pytest.mark.parametrize("e", EXPECT, ids=IDS)
def test_title_recipient_signature_date_unit_and_years_are_recognised(e):
    result = imported(e)
    report, draft = result.report, result.draft
    assert (report.title or "") == e["title"]
    assert (report.date or "") == e["date"]
    assert report.recipient == e["recipient"]
    assert report.signature == e["signature"]
    assert report.unit == e["unit"] == draft.unit
    assert report.report_year == e["report_year"]
    assert report.year == e["year"] == draft.year
    # without roll-forward the draft keeps the fields as found
    assert (draft.title or "") == e["title"]
    assert draft.recipient == e["recipient"] and draft.signature == e["signature"]
    if e["date"]:
        assert draft.date == e["date"]


@pytest.mark.parametrize("e", EXPECT, ids=IDS)
def test_web_debris_is_dropped_and_listed(e):
    result = imported(e)
    assert [f.no for f in result.report.debris] == e["debris"]
    body = "\n".join(s.text for s in result.draft.sections)
    lines = source_lines(e)
    for n in e["debris"]:
        assert lines[n - 1].strip() not in body
    for words in ("扫一扫", "发布时间", "发布日期", "索引号", "分享到", "您现在所在的位置", "当前位置",
                  "关联稿件", "相关附件", "政务微信", "版权所有", "字体"):
        assert words not in body


@pytest.mark.parametrize("e", EXPECT, ids=IDS)
def test_figures_become_references_and_keep_last_years_value(e):
    result = imported(e)
    reps = result.report.figures
    assert [[r.indicator, r.old] for r in reps] == e["figures"]
    draft = result.draft
    for r in reps:
        block = draft.section(r.section).blocks[r.block]
        assert r.reference in getattr(block, r.part)
        assert re.fullmatch(r"\{\{ %s( \| (approx|at_least))? \}\}" % r.indicator, r.reference)
        # the new draft is for the next year: the old number is last year's value
        assert draft.figures[r.indicator].previous == r.value
        assert draft.figures[r.indicator].value is None
    text = "\n".join(s.text for s in draft.sections)
    for kept in e["kept"]:
        assert kept in text


@pytest.mark.parametrize("e", EXPECT, ids=IDS)
def test_no_text_is_lost_every_character_is_accounted_for(e):
    result = imported(e)
    report = result.report
    raw = (CORPUS / e["file"]).read_text(encoding="utf-8")
    assert report.total_chars == visible_len(raw)
    assert report.accounted() == report.total_chars
    assert sum(f.chars for f in report.lines) == report.total_chars
    assert len(report.lines) == len(raw.split("\n"))
    assert result.draft.source_text == raw
    # each section holds its source lines: put the old numbers back, ignore numbering style
    restored = _restore(result)
    for sid in e["sections"]:
        heading_nos = {h.no for h in report.headings if h.section == sid}
        src = [f.text for f in report.lines if f.dest == sid and f.no not in heading_nos]
        src_heading_rest = [_heading_rest(h.text) for h in report.headings if h.section == sid]
        assert _norm("".join(src_heading_rest + src)) == _norm(restored[sid]), sid


@pytest.mark.parametrize("e", EXPECT, ids=IDS)
def test_sections_the_report_lacks_get_the_default_wording_and_a_note(e):
    result = imported(e)
    codes = [(f.code, f.section) for f in result.report.findings]
    for sid in e["missing_sections"]:
        assert ("import-section-default", sid) in codes
        assert result.draft.section(sid).blocks        # the pack's default text
    assert [s.id for s in result.draft.sections][:2] == ["preamble", "achievements"]


@pytest.mark.parametrize("e", EXPECT, ids=IDS)
def test_the_imported_draft_saves_and_compiles_without_reference_errors(e):
    draft = imported(e).draft
    again = from_json_text(to_json_text(draft))
    assert again.source_text == draft.source_text
    compiled = compile_draft(again)
    bad = [f for f in compiled.findings if f.code in ("template-syntax", "template-error",
                                                      "unknown-reference", "level1-in-section")]
    assert bad == []


def test_a_merged_problems_and_plans_part_goes_to_plans_and_is_reported():
    e = next(x for x in EXPECT if x["file"].startswith("chongqing"))
    report = imported(e).report
    merged = [f for f in report.findings if f.code == "import-merged-part"]
    assert len(merged) == 1 and merged[0].section == "plans"
    assert "存在问题及下步打算" in merged[0].message


def test_a_part_named_suggestions_goes_to_other_without_a_warning():
    e = next(x for x in EXPECT if x["file"].startswith("zouqiao"))
    result = imported(e)
    assert result.draft.section("other").blocks[0].title == "提高工作人员法治意识"
    assert not [f for f in result.report.findings if f.code == "import-unmapped-part"]


# --- helpers ----------------------------------------------------------------------------------

def _heading_rest(text: str) -> str:
    """What a level-1 heading leaves in its section: the run-in text after its sentence."""
    found = blk.detect(text.strip())
    rest = found[3] if found else text
    return blk.split_run_in(rest.strip())[1]


def _restore(result) -> dict[str, str]:
    """Section texts with each figure reference put back to the number it replaced."""
    draft = result.draft
    texts: dict[str, list[list[str]]] = {
        s.id: [[b.number + b.title, b.text] for b in s.blocks] for s in draft.sections}
    for r in result.report.figures:
        cell = texts[r.section][r.block]
        k = 0 if r.part == "title" else 1
        cell[k] = cell[k].replace(r.reference, r.old, 1)
    return {sid: "".join("".join(c) for c in cells) for sid, cells in texts.items()}


_NUMBERING = re.compile(r"[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.．、](?!\d)")


def _norm(text: str) -> str:
    """Text without blanks and numbering marks (parse_text normalises 1、 to 1. and (一) to （一）)."""
    text = "".join(c for c in text if visible_len(c))
    return _NUMBERING.sub("", text)
