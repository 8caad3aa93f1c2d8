"""The 政府信息公开工作年度报告 example rendered by LibreOffice and measured: the prose keeps the
22 x 28 grid, the three tables stay inside the text block, and table B, which crosses a page,
repeats its header rows on the page where it continues."""
import pytest

from render import BOTTOM, LEFT, ONE_MM, PITCH, RIGHT, page_lines, require_renderer, to_pdf

pytestmark = pytest.mark.render
HEADING = __import__("re").compile(r"^[一二三四五六]、")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    require_renderer()
    import pdfplumber

    from govreport.app.produce import produce
    from govreport.app.starts import demo_draft
    out = tmp_path_factory.mktemp("xinxi")
    docx = out / "政府信息公开.docx"
    produce(demo_draft("xinxi-gongkai"), docx)
    doc = pdfplumber.open(to_pdf(docx, out))
    yield doc
    doc.close()


def _in_table(page, line) -> bool:
    return any(r["top"] - 1 <= line.top <= r["bottom"] + 1 for r in _table_boxes(page))


def _table_boxes(page):
    verticals = [e for e in page.edges if e["orientation"] == "v"]
    if not verticals:
        return []
    return [{"top": min(e["top"] for e in verticals), "bottom": max(e["bottom"] for e in verticals)}]


def test_the_tables_stay_inside_the_text_block(pdf):
    seen = 0
    for page in pdf.pages:
        verticals = [e for e in page.edges if e["orientation"] == "v"]
        if not verticals:
            continue
        seen += 1
        assert min(e["x0"] for e in verticals) >= LEFT - ONE_MM
        assert max(e["x1"] for e in verticals) <= RIGHT + ONE_MM
        assert max(e["bottom"] for e in verticals) <= BOTTOM + ONE_MM
    assert seen >= 2


def test_table_b_repeats_its_header_on_the_page_where_it_continues(pdf):
    pages_with_b = [i for i, page in enumerate(pdf.pages)
                    if any("申请人情况" in ln.text.replace(" ", "") for ln in page_lines(page))]
    rows_b = [i for i, page in enumerate(pdf.pages)
              if any(t in ln.text.replace(" ", "") for ln in page_lines(page)
                     for t in ("本年新收政府信息公开申请数量", "结转下年度继续办理"))]
    assert len(set(rows_b)) == 2, rows_b           # the table starts on one page, ends on the next
    assert set(rows_b) <= set(pages_with_b)        # and each of those pages shows its header


def test_the_prose_keeps_the_grid_of_28_characters_on_a_28_95pt_pitch(pdf):
    cell = (RIGHT - LEFT) / 28
    checked = 0
    for page in pdf.pages:
        # 3号 lines outside the tables; headings (黑体) are left out: the stand-in fonts put
        # their glyphs a point higher than 仿宋's on the same grid line
        body = [ln for ln in page_lines(page) if ln.top < BOTTOM and 15.5 < ln.size < 16.5
                and not _in_table(page, ln) and not HEADING.match(ln.text)]
        for ln in body:
            assert (ln.x1 - LEFT) / cell <= 28.3, ln.text
        tops = [ln.top for ln in body]
        gaps = [b - a for a, b in zip(tops, tops[1:]) if b - a < 2 * PITCH - 1]
        for g in gaps:
            assert abs(g - PITCH) < 0.6 or abs(g - 2 * PITCH) < 0.6, gaps
        checked += len(gaps)
    assert checked >= 15
