"""The demo report rendered by LibreOffice and measured on the page (GB/T 9704-2012).

Runs wherever LibreOffice is installed (.ci/run installs it with the fonts); fonts.conf maps
the official font names to free stand-ins with full GB2312 coverage.
"""
import pytest

from render import (BOTTOM, LEFT, ONE_MM, PAGE_H, PITCH, PT_PER_MM, RIGHT, TOP, ink_rows,
                    page_lines, require_renderer, to_pdf)

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def rendered(demo_docx, tmp_path_factory):
    require_renderer()
    import pdfplumber
    out = tmp_path_factory.mktemp("render")
    pdf_path = to_pdf(demo_docx, out)
    pdf = pdfplumber.open(pdf_path)
    pages = []
    for page in pdf.pages:
        lines = page_lines(page)
        body = [ln for ln in lines if ln.top < BOTTOM]
        footer = [ln for ln in lines if ln.top >= BOTTOM]
        pages.append((body, footer))
    yield pdf_path, pages
    pdf.close()


def cells(line) -> float:
    """Width of a line in body characters (the 28 cells of a full line)."""
    return (line.x1 - LEFT) / ((RIGHT - LEFT) / 28)


def test_the_demo_has_several_pages(rendered):
    assert len(rendered[1]) >= 3


def test_full_pages_have_22_lines(rendered):
    _, pages = rendered
    for body, _ in pages[1:-1]:                  # page 1 has the title, the last page ends early
        assert len(body) in (21, 22), [ln.text for ln in body]
    assert sum(1 for body, _ in pages[1:-1] if len(body) == 22) >= len(pages[1:-1]) - 1


def test_lines_sit_on_a_28_95_pt_pitch_filling_the_text_block(rendered):
    _, pages = rendered
    body = pages[1][0]
    gaps = [b.top - a.top for a, b in zip(body, body[1:])]
    assert all(abs(g - PITCH) < 0.6 for g in gaps), gaps
    assert 0 <= body[0].top - TOP < PITCH - 16 + 1        # first line inside the first row
    assert body[-1].bottom <= BOTTOM + ONE_MM               # 22nd line inside the block


def test_no_line_holds_more_than_28_characters_and_full_lines_hold_28(rendered):
    _, pages = rendered
    full = 0
    for body, _ in pages:
        for ln in body:
            if ln.size > 17:                               # title lines
                continue
            assert cells(ln) <= 28.3, ln.text
            cjk_only = all(ord(c) > 0x2000 for c in ln.text)
            if cjk_only and ln.x1 > RIGHT - 8:             # a line that reaches the right edge
                indent = round((ln.x0 - LEFT) / ((RIGHT - LEFT) / 28))
                assert len(ln.text) + indent in (27, 28), ln.text
                full += 1
    assert full >= 20


def test_text_block_edges_within_1mm(rendered):
    _, pages = rendered
    body = [ln for b, _ in pages for ln in b if ln.size < 17]
    assert abs(min(ln.x0 for ln in body) - LEFT) < ONE_MM
    assert abs(max(ln.x1 for ln in body) - RIGHT) < ONE_MM


def test_title_is_centred_at_the_top_of_the_text_block(rendered):
    _, pages = rendered
    title = [ln for ln in pages[0][0] if ln.size > 17]
    assert [t.text for t in title] == ["清溪镇2024年", "法治政府建设年度报告"]
    assert 0 <= title[0].top - TOP < PITCH
    for t in title:
        assert abs((t.x0 + t.x1) / 2 - (LEFT + RIGHT) / 2) < ONE_MM


def test_page_numbers_alternate_sides_one_character_in(rendered):
    _, pages = rendered
    for i, (_, footer) in enumerate(pages, 1):
        [num] = footer
        assert num.text.replace(" ", "") == f"—{i}—"
        assert abs(num.size - 14) < 0.1                      # 4号
        if i % 2:
            assert abs(num.x1 - (RIGHT - 14)) < ONE_MM       # 单页码居右空一字
        else:
            assert abs(num.x0 - (LEFT + 14)) < ONE_MM        # 双页码居左空一字


def test_page_number_dash_is_7mm_under_the_text_block(rendered):
    pdf_path, pages = rendered
    [num] = pages[0][1]
    rows = ink_rows(pdf_path, 1, num.x0 + 1, num.x0 + 12, BOTTOM, PAGE_H - 20)
    assert rows, "no dash found"
    assert abs((rows[0] - BOTTOM) / PT_PER_MM - 7) < 0.5


def test_signature_and_date_end_the_report_with_the_date_two_characters_right(rendered):
    _, pages = rendered
    body = pages[-1][0]
    sig = next(ln for ln in body if ln.text == "清溪镇人民政府")
    date = next(ln for ln in body if ln.text == "2025年1月20日")
    char = (RIGHT - LEFT) / 28
    assert abs((RIGHT - sig.x1) / char - 2) < 0.3            # 右空二字
    # 日期首字右移二字: with half-width digits (仿宋_GB2312) the date is 6.5 characters wide,
    # so it ends half a character from the edge; the Linux stand-in font has wider digits,
    # so only the right edge is measured here (the em arithmetic is tested on the XML)
    assert abs((RIGHT - date.x1) / char - 0.5) < 0.3
    assert date.x0 > sig.x0 and abs(date.top - sig.top - PITCH) < 0.6


def test_libreoffice_round_trip_keeps_the_paragraph_count(demo_docx, tmp_path):
    require_renderer()
    import os
    import subprocess

    from docx import Document

    from render import soffice
    out = tmp_path / "rt"
    out.mkdir()
    subprocess.run([soffice(), f"-env:UserInstallation=file://{tmp_path / 'prof'}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
                    str(demo_docx)], check=True, capture_output=True, timeout=180,
                   env=dict(os.environ))
    again = Document(out / demo_docx.name)
    assert len(again.paragraphs) == len(Document(demo_docx).paragraphs)


@pytest.fixture(scope="module")
def submitted_pdf(tmp_path_factory):
    require_renderer()
    import pdfplumber

    from govreport.app.produce import produce
    from govreport.app.starts import demo_draft
    d = demo_draft()
    d.variant = "submitted"
    d.doc_number, d.issuer, d.cc = "清府〔2025〕3号", "王明", "县委全面依法治县委员会办公室"
    out = tmp_path_factory.mktemp("submitted")
    docx = out / "上报件.docx"
    produce(d, docx)
    pdf = pdfplumber.open(to_pdf(docx, out))
    yield pdf
    pdf.close()


def test_submitted_header_mark_is_35mm_into_the_text_block_with_a_red_rule(submitted_pdf):
    page = submitted_pdf.pages[0]
    lines = page_lines(page)
    mark = next(ln for ln in lines if ln.text == "清溪镇人民政府")
    assert abs((mark.top - TOP) / PT_PER_MM - 35) < 1.0          # 7.2.4
    number = next(ln for ln in lines if ln.text.startswith("清府"))
    assert abs(number.x0 - (LEFT + 16)) < ONE_MM                  # 发文字号居左空一字
    issuer = next(ln for ln in lines if "签发人" in ln.text) if "签发人" not in number.text \
        else number
    assert abs(issuer.x1 - (RIGHT - 16)) < 1.5 * ONE_MM           # 签发人居右空一字
    red = [r for r in page.lines + page.rects
           if r.get("stroking_color") in ((1, 0, 0), [1, 0, 0], (1.0, 0.0, 0.0))]
    assert red, "no red rule under the document number"
    rule_y = red[0]["top"]
    assert 2 < (rule_y - number.bottom) / PT_PER_MM < 6           # about 4mm under it
    title = next(ln for ln in lines if ln.text == "清溪镇2024年")
    assert title.top > rule_y + PITCH                              # 空二行 under the rule


def test_submitted_colophon_has_thick_thin_thick_rules_on_the_last_page(submitted_pdf):
    last = submitted_pdf.pages[-1]
    rules = sorted(last.lines + last.rects, key=lambda r: r["top"])
    rules = [r for r in rules if r["top"] < BOTTOM + ONE_MM]
    widths = [round(r.get("linewidth") or 0, 2) for r in rules]
    assert widths[-3:] == [1.0, 0.75, 1.0]
    # 7.4.1: the last rule on the lower edge of the 版心, the text of the page above the first
    assert abs(rules[-1]["top"] - BOTTOM) < 0.5 * ONE_MM
    first_rule = rules[-3]["top"]
    text_above = [ln for ln in page_lines(last) if ln.bottom < first_rule]
    assert any(ln.text == "（此件公开发布）" for ln in text_above)
    words = [ln.text for ln in page_lines(last)]
    assert "抄送：县委全面依法治县委员会办公室。" in words
    printed = next(ln for ln in page_lines(last) if ln.text.endswith("印发"))
    assert abs(printed.x1 - (RIGHT - 14)) < ONE_MM                # 印发日期右空一字 (4号)
    assert abs(printed.x0 - (LEFT + 14)) < ONE_MM                 # 印发机关左空一字


@pytest.mark.parametrize("profile", ["windows-builtin", "xinchuang-gbk"])
def test_every_font_profile_keeps_22_lines_of_at_most_28_characters(profile, tmp_path):
    require_renderer()
    import pdfplumber

    from govreport.app.produce import produce
    from govreport.app.starts import demo_draft
    d = demo_draft()
    d.fonts = profile
    docx = tmp_path / f"{profile}.docx"
    produce(d, docx)
    with pdfplumber.open(to_pdf(docx, tmp_path)) as pdf:
        pages = [[ln for ln in page_lines(p) if ln.top < BOTTOM] for p in pdf.pages]
    assert len(pages) >= 3
    for body in pages[1:-1]:
        assert len(body) in (21, 22), [ln.text for ln in body]
    for body in pages:
        for ln in body:
            if ln.size <= 17:                              # not a title line
                assert cells(ln) <= 28.3, ln.text
                assert ln.x0 >= LEFT - ONE_MM


def test_the_data_table_attachment_starts_a_page_with_its_label_and_title(tmp_path):
    require_renderer()
    import pdfplumber

    from govreport.app.produce import produce
    from govreport.app.starts import demo_draft
    d = demo_draft()
    d.data_appendix = True
    docx = tmp_path / "附表.docx"
    produce(d, docx)
    with pdfplumber.open(to_pdf(docx, tmp_path)) as pdf:
        pages = [page_lines(p) for p in pdf.pages]
        start = next(i for i, lines in enumerate(pages) if lines and lines[0].text == "附件")
        lines = pages[start]
        rules = pdf.pages[start].lines + pdf.pages[start].rects
    label, title = lines[0], next(ln for ln in lines if ln.text.endswith("主要数据统计表"))
    assert abs(label.x0 - LEFT) < ONE_MM and label.top - TOP < PITCH          # 顶格，第一行
    assert 1.5 * PITCH < title.top - TOP < 3 * PITCH                            # 第三行
    assert abs((title.x0 + title.x1) / 2 - (LEFT + RIGHT) / 2) < 2 * ONE_MM   # 居中
    assert any("特此报告" in ln.text for ln in pages[start - 1] + pages[start - 2])
    xs = [r["x0"] for r in rules] + [r["x1"] for r in rules]
    assert min(xs) > LEFT - ONE_MM and max(xs) < RIGHT + ONE_MM               # table in the 版心
