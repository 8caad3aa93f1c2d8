"""A table in the report body, rendered by LibreOffice and measured on the page: as wide as
the text block, its header rows repeated on the next page, no row split across pages."""
import pytest

from govreport.app.produce import produce
from govreport.build.docx_writer import write_docx
from govreport.model.document import Cell, Table
from govreport.model.draft import new_draft
from govreport.model.pack import load_pack
from render import LEFT, PT_PER_MM, RIGHT, page_lines, require_renderer, to_pdf

pytestmark = pytest.mark.render


@pytest.fixture
def rendered(test_packs, tmp_path):
    require_renderer()
    import pdfplumber
    draft = new_draft("清溪镇", 2024, load_pack("test-pufa"))
    doc = produce(draft, None).compiled.document
    long = Table([6, 2, 3, 3], ["left", "center", "center", "center"],
                 [[Cell("项目", rows=2), Cell("单位", rows=2), Cell("数量", span=2)],
                  [Cell("本年"), Cell("上年")]],
                 [[Cell(f"第{n}项工作的统计数据"), Cell("件"), Cell(str(n * 3)), Cell(str(n))]
                  for n in range(1, 61)], caption="长表")
    doc.body.append(long)
    out = tmp_path / "tables.docx"
    write_docx(doc, out)
    pdf = pdfplumber.open(to_pdf(out, tmp_path))
    yield pdf
    pdf.close()


def test_a_body_table_spans_the_text_block_156mm(rendered):
    page = rendered.pages[0]
    verticals = [e for e in page.edges if e["orientation"] == "v"]
    assert verticals
    left = min(e["x0"] for e in verticals)
    right = max(e["x1"] for e in verticals)
    assert abs(left - LEFT) < 1.5 * PT_PER_MM
    assert abs(right - RIGHT) < 1.5 * PT_PER_MM
    assert abs((right - left) / PT_PER_MM - 156) < 1.5


def test_a_long_table_repeats_its_header_rows_on_the_next_page(rendered):
    assert len(rendered.pages) >= 2
    heads = 0
    for page in rendered.pages:
        texts = [ln.text.replace(" ", "") for ln in page_lines(page)]
        if any(t.startswith("第") and "项工作" in t for t in texts):
            assert any("项目" in t for t in texts), texts[:5]
            heads += 1
    assert heads >= 2                    # the table crossed a page and its header came along


def test_no_table_row_is_split_across_pages(rendered):
    seen = []
    for page in rendered.pages:
        for ln in page_lines(page):
            t = ln.text.replace(" ", "")
            if t.startswith("第") and "项工作" in t:
                seen.append(t.split("项工作")[0])
    assert seen == [f"第{n}" for n in range(1, 61)]       # every row whole, once, in order
