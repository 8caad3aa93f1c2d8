"""A second report kind (tests/data/packs/test-pufa): other section ids, its own title and
report name, no 第一责任人 section, and a table in the body. Nothing in the code may assume the
default pack's sections."""
import zipfile

import pytest
from lxml import etree

from govreport.text import blocks
from govreport.app.produce import produce
from govreport.model.draft import new_draft
from govreport.base.errors import InputError
from govreport.model.figures import Figure
from govreport.build.layout import load_layout
from govreport.model.pack import DEFAULT_PACK, INTRO, MEASURES, NEXT_YEAR, DUTY, load_pack

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FIGURES = [("pufa_events", 56, 48), ("pufa_audience", 12000, 9800), ("consultations", 320, 301),
           ("law_advisers", 12, None)]


@pytest.fixture
def pufa(test_packs):
    return load_pack("test-pufa")


@pytest.fixture
def pufa_draft(pufa):
    d = new_draft("清溪镇", 2024, pufa)
    d.figures = {k: Figure(k, v, p) for k, v, p in FIGURES}
    return d


def body_of(path):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml")).find(W + "body")


def test_a_pack_in_a_folder_named_by_GOVREPORT_PACKS_loads_by_its_id(pufa):
    assert pufa.id == "test-pufa"
    assert pufa.section_ids() == ["kaitou", "zuofa", "wenti", "dasuan"]
    assert pufa.report_name == "普法依法治理工作年度总结"


def test_sections_are_found_by_role_not_by_id(pufa):
    assert pufa.role_id(INTRO) == "kaitou"
    assert pufa.role_id(MEASURES) == "zuofa"
    assert pufa.role_id(NEXT_YEAR) == "dasuan"
    assert pufa.by_role(DUTY) is None
    assert load_pack(DEFAULT_PACK).role_id(NEXT_YEAR) != "dasuan"


@pytest.mark.parametrize("bad", ["../fazhi-township", "/etc", "a/b", "", "..", "x" * 100])
def test_a_pack_id_that_is_a_path_is_refused_with_a_chinese_message(test_packs, bad):
    with pytest.raises(InputError, match="找不到模板"):
        load_pack(bad)


def test_a_table_line_in_section_text_is_a_table_block_that_survives_a_draft_round_trip():
    (b,) = blocks.parse_text("【表：key_figures】")
    assert b.kind == blocks.TABLE and b.text == "key_figures"
    assert blocks.Block.from_dict(b.to_dict()) == b
    assert b.to_text() == "【表：key_figures】"
    (p,) = blocks.parse_text("见【表：key_figures】。")
    assert p.kind == blocks.PARAGRAPH


def test_the_report_has_the_packs_title_sections_and_closing(pufa_draft, tmp_path):
    result = produce(pufa_draft, tmp_path / "r.docx")
    doc = result.compiled.document
    assert doc.title == "清溪镇2024年普法依法治理工作年度总结"
    headings = [p.text for p in doc.body if p.style == "h1"]
    assert headings == ["一、2024年主要做法和成效", "二、存在的问题", "三、2025年工作打算"]
    assert doc.body[-1].text == "以上总结，请审阅。"
    assert doc.signature == "清溪镇普法办公室"
    assert not [f for f in result.findings if f.level == "error"]


def test_the_body_table_is_written_with_merged_header_cells_repeated_on_each_page(
        pufa_draft, tmp_path):
    out = tmp_path / "r.docx"
    produce(pufa_draft, out)
    (tbl,) = body_of(out).findall(W + "tbl")
    width = int(tbl.find(f"{W}tblPr/{W}tblW").get(W + "w"))
    assert abs(width - load_layout().text_width_twips) <= 1          # as wide as the text block
    cols = [int(c.get(W + "w")) for c in tbl.iter(W + "gridCol")]
    assert sum(cols) == width and len(cols) == 4
    rows = tbl.findall(W + "tr")
    assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows] == [True, True, False,
                                                                           False, False]
    first = rows[0].findall(W + "tc")
    assert first[2].find(f"{W}tcPr/{W}gridSpan").get(W + "val") == "2"
    assert first[0].find(f"{W}tcPr/{W}vMerge").get(W + "val") == "restart"
    second = rows[1].findall(W + "tc")
    assert len(second) == 4                              # two continuations, two year cells
    assert second[0].find(f"{W}tcPr/{W}vMerge").get(W + "val") is None

    def texts(row):
        return ["".join(t.text for t in tc.iter(W + "t")) for tc in row.findall(W + "tc")]
    assert texts(rows[1]) == ["", "", "2024年", "2023年"]
    assert texts(rows[2]) == ["开展普法活动", "场", "56", "48"]
    for side in ("top", "insideV"):
        rule = tbl.find(f"{W}tblPr/{W}tblBorders/{W}{side}")
        assert (rule.get(W + "val"), rule.get(W + "sz")) == ("single", "4")
    cell = rows[2].findall(W + "tc")[2]
    assert cell.find(f".//{W}jc").get(W + "val") == "center"         # numbers centred
    caption = tbl.getprevious()
    assert "".join(t.text for t in caption.iter(W + "t")) == "2024年普法依法治理主要数据"


def test_figures_cited_in_a_table_reach_the_ledger_citations(pufa_draft):
    result = produce(pufa_draft, None)
    cited = {c.indicator for c in result.compiled.citations if c.section == "zuofa"}
    assert {"pufa_events", "pufa_audience", "consultations"} <= cited


def test_a_missing_figure_in_a_table_leaves_a_visible_gap_and_a_finding(pufa, tmp_path):
    d = new_draft("清溪镇", 2024, pufa)
    result = produce(d, tmp_path / "r.docx")
    table = next(p for p in result.compiled.document.body if p.style == "table")
    assert table.rows[0][2].text == "【缺：开展普法活动场次】"
    assert any(f.code == "figure-missing" and f.section == "zuofa" for f in result.findings)


def test_an_unknown_table_is_an_error_naming_the_tables_there_are(pufa_draft):
    zuofa = next(s for s in pufa_draft.sections if s.id == "zuofa")
    zuofa.blocks.append(blocks.Block(blocks.TABLE, text="nope"))
    result = produce(pufa_draft, None)
    (f,) = [f for f in result.findings if f.code == "table-unknown"]
    assert f.level == "error" and "key_figures" in f.suggestion


# --- checks and import on the second kind ----------------------------------------------------

def test_a_complete_draft_of_the_second_kind_checks_without_errors(pufa_draft):
    from govreport.checks.run import check_draft
    run = check_draft(pufa_draft, today=__import__("datetime").date(2025, 1, 20))
    assert not run.has_errors, [r.finding.message for r in run.results]
    # its title names its own kind (…年度总结): no advice to call it something else
    assert not [r for r in run.results if r.finding.code == "title"], run.results
    # table cells are no sentences: no "missing full stop" for a cell such as 开展普法活动
    assert not [r for r in run.results if r.finding.code == "punctuation"
                and "普法活动" in (r.finding.quote or "")]


def test_a_gap_in_a_table_cell_is_reported_by_the_check(pufa):
    from govreport.checks.run import check_draft
    run = check_draft(new_draft("清溪镇", 2024, pufa))
    gaps = [r.finding for r in run.results if r.finding.code == "placeholder"]
    assert any("开展普法活动场次（上年）" in (f.message + (f.quote or "")) for f in gaps)


def test_a_missing_required_section_of_the_second_kind_cites_its_own_regulation(pufa_draft):
    from govreport.checks.run import check_draft
    pufa_draft.sections = [s for s in pufa_draft.sections if s.id != "wenti"]
    run = check_draft(pufa_draft)
    (f,) = [r.finding for r in run.results if r.finding.code == "section-order"
            and "存在的问题" in r.finding.message]
    assert "《普法依法治理工作考核办法》" in f.message
    assert "法治政府" not in f.message


def test_the_second_kinds_report_reads_back_through_check_and_import(pufa_draft, tmp_path):
    from govreport.checks.sources import report_from_path
    from govreport.importer import import_file
    out = tmp_path / "r.docx"
    produce(pufa_draft, out)
    report = report_from_path(out, load_pack("test-pufa"))
    assert report.title == "清溪镇2024年普法依法治理工作年度总结"
    assert [p.id for p in report.parts if p.heading] == ["zuofa", "wenti", "dasuan"]
    imported = import_file(out, pack=load_pack("test-pufa"))
    assert [s.id for s in imported.draft.sections][:4] == ["kaitou", "zuofa", "wenti", "dasuan"]


def test_a_figure_cited_in_a_table_is_quoted_in_the_ledger_by_its_row(pufa_draft):
    from govreport.build.compose import compile_draft
    from govreport.build.ledger import ledger_rows
    rows = ledger_rows(compile_draft(pufa_draft), pufa_draft)
    table_rows = [r for r in rows if r[1].startswith("2024年普法依法治理主要数据：")]
    assert any(r[1] == "2024年普法依法治理主要数据：法律咨询 人次 320 301；" and r[2] == "法律咨询人次"
               for r in table_rows), rows
