"""The .docx read back as XML: GB/T 9704-2012 numbers, named styles, fonts, fields."""
import io
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from govreport.app.produce import produce
from govreport.app.starts import demo_draft
from govreport.build.docx_writer import _signature_indents, _Ctx
from govreport.build.layout import load_layout, mm_to_twips

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def xml(path, part):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


@pytest.fixture(scope="module")
def doc(demo_docx):
    return Document(demo_docx)


@pytest.fixture(scope="module")
def styles(demo_docx):
    root = xml(demo_docx, "word/styles.xml")
    return {s.get(W + "styleId"): s for s in root.iter(W + "style")}


def val(el, path, attr="val"):
    found = el.find(path, {"w": W[1:-1]})
    return None if found is None else found.get(W + attr)


def test_page_is_a4_with_the_standard_margins(doc):
    s = doc.sections[0]
    assert (s.page_width.twips, s.page_height.twips) == (mm_to_twips(210), mm_to_twips(297))
    assert s.top_margin.twips == mm_to_twips(37)      # 天头
    assert s.left_margin.twips == mm_to_twips(28)     # 订口
    assert s.bottom_margin.twips == mm_to_twips(35)
    assert s.right_margin.twips == mm_to_twips(26)
    text_width = s.page_width.twips - s.left_margin.twips - s.right_margin.twips
    assert abs(text_width - mm_to_twips(156)) <= 1        # 版心 156mm, to a twip


def test_the_grid_gives_22_lines_of_579_twips(doc):
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    assert int(grid.get(qn("w:linePitch"))) == 579
    assert 22 * 579 <= mm_to_twips(225) < 23 * 579


def test_body_text_is_3hao_fangsong_condensed_to_fit_28_characters(styles):
    normal = styles["Normal"]
    assert val(normal, "w:rPr/w:sz") == "32"
    assert val(normal, "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert val(normal, "w:rPr/w:spacing") == "-5"
    assert 28 * (16 - 0.25) <= 156 / 25.4 * 72
    assert val(normal, "w:pPr/w:ind", "firstLineChars") == "200"
    assert val(normal, "w:pPr/w:jc") == "both"
    assert val(normal, "w:pPr/w:spacing", "line") == "579"
    assert val(normal, "w:pPr/w:spacing", "lineRule") == "exact"


@pytest.mark.parametrize("sid,name,font,size,outline", [
    ("GwTitle", "公文标题", "方正小标宋简体", "44", None),
    ("GwRecipient", "主送机关", "仿宋_GB2312", "32", None),
    ("GwHeading1", "一级标题", "黑体", "32", "0"),
    ("GwHeading2", "二级标题", "楷体_GB2312", "32", "1"),
    ("GwHeading3", "三级标题", "仿宋_GB2312", "32", "2"),
    ("GwHeading4", "四级标题", "仿宋_GB2312", "32", "3"),
    ("GwSignature", "发文机关署名", "仿宋_GB2312", "32", None),
    ("GwDate", "成文日期", "仿宋_GB2312", "32", None),
    ("GwNote", "附注", "仿宋_GB2312", "32", None),
    ("GwPageNumber", "页码", "宋体", "28", None),
])
def test_named_styles_carry_the_format(styles, sid, name, font, size, outline):
    s = styles[sid]
    assert val(s, "w:name") == name
    fonts = s.find("w:rPr/w:rFonts", {"w": W[1:-1]})
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert fonts.get(W + slot) == font
    assert fonts.get(W + "hint") == "eastAsia"
    assert val(s, "w:rPr/w:sz") == size
    assert val(s, "w:pPr/w:outlineLvl") == outline
    if sid != "GwPageNumber":
        assert val(s, "w:next") == "Normal"


def test_no_theme_fonts_anywhere_and_chinese_doc_defaults(demo_docx):
    styles = etree.tostring(xml(demo_docx, "word/styles.xml")).decode()
    for attr in ("asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme"):
        assert attr not in styles
    root = xml(demo_docx, "word/styles.xml")
    assert val(root, "w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert val(root, "w:docDefaults/w:rPrDefault/w:rPr/w:lang", "eastAsia") == "zh-CN"


def test_text_is_black(demo_docx):
    for part in ("word/document.xml", "word/styles.xml"):
        colors = {c.get(W + "val") for c in xml(demo_docx, part).iter(W + "color")}
        assert colors <= {"000000", "auto"}


def test_body_paragraphs_use_chinese_line_breaking(styles):
    ppr = styles["Normal"].find("w:pPr", {"w": W[1:-1]})
    assert val(ppr, "w:kinsoku") == "1"
    assert val(ppr, "w:overflowPunct") == "1"


def test_title_lines_opt_out_of_the_grid_and_are_centred(styles, doc):
    assert val(styles["GwTitle"], "w:pPr/w:snapToGrid") == "0"
    assert val(styles["GwTitle"], "w:pPr/w:jc") == "center"
    titles = [p.text for p in doc.paragraphs if p.style.name == "公文标题"]
    assert titles == ["清溪镇2024年", "法治政府建设年度报告"]


def test_recipient_follows_one_blank_line_under_the_title(doc):
    ps = doc.paragraphs
    i = next(i for i, p in enumerate(ps) if p.style.name == "主送机关")
    assert ps[i - 1].text == "" and ps[i - 2].style.name == "公文标题"
    assert ps[i].text.endswith("：")


def test_headings_by_level_and_run_in_heading_sentences(doc):
    h1 = [p for p in doc.paragraphs if p.style.name == "一级标题"]
    assert [p.text[:2] for p in h1] == ["一、", "二、", "三、", "四、"]
    run_in = next(p for p in doc.paragraphs if p.text.startswith("（一）加强组织领导"))
    assert run_in.style.name == "Normal"
    assert run_in.paragraph_format.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "1"
    first, rest = run_in.runs[0], run_in.runs[1]
    assert first.text == "（一）加强组织领导，压实法治建设责任。"
    assert first.style.name == "二级标题字符"
    assert rest.style.name == "Default Paragraph Font" and rest.text.startswith("把法治政府建设")


def test_level_one_numbers_follow_the_sections_present(pack):
    from govreport.build.compose import compile_draft
    d = demo_draft()
    d.sections = [s for s in d.sections if s.id != "shortcomings"]
    h1 = [p.text[:2] for p in compile_draft(d).document.body if p.style == "h1"]
    assert h1 == ["一、", "二、", "三、"]


def test_footers_carry_page_fields_on_odd_and_even_pages(demo_docx, doc):
    settings = xml(demo_docx, "word/settings.xml")
    assert settings.find(W + "evenAndOddHeaders") is not None
    sect = doc.sections[0]
    for footer, jc, side in ((sect.footer, "right", "right"),
                             (sect.even_page_footer, "left", "left")):
        p = footer.paragraphs[0]
        el = p._p
        assert [f.get(qn("w:fldCharType")) for f in el.iter(qn("w:fldChar"))] == \
            ["begin", "separate", "end"]
        assert "PAGE" in "".join(t.text for t in el.iter(qn("w:instrText")))
        assert p.text == "— 1 —"                 # cached result between the 一字线
        assert el.pPr.find(qn("w:jc")).get(qn("w:val")) == jc
        assert el.pPr.find(qn("w:ind")).get(qn(f"w:{side}")) == "280"   # one 4号 character


def test_signature_and_date_without_seal(doc):
    layout = load_layout()
    ctx = _Ctx(layout, layout.profile())
    ps = doc.paragraphs
    sig = next(p for p in ps if p.style.name == "发文机关署名")
    date = next(p for p in ps if p.style.name == "成文日期")
    assert sig.text == "清溪镇人民政府" and date.text == "2025年1月20日"
    sig_right = int(sig._p.pPr.find(qn("w:ind")).get(qn("w:right")))
    date_right = int(date._p.pPr.find(qn("w:ind")).get(qn("w:right")))
    assert sig_right == ctx.chars(2)                 # 右空二字
    assert date_right == ctx.chars(7 - 6.5 - 2 + 2)  # date starts 2 characters right of 署名
    i = ps.index(next(p for p in ps if p.style.name == "发文机关署名"))
    assert ps[i - 1].text == ""                      # 正文下空一行


@pytest.mark.parametrize("sig,date,expected", [
    ("清溪镇人民政府", "2025年1月20日", (2, 0.5)),
    ("清溪镇", "2025年12月20日", (7 + 2 + 2 - 3, 2)),      # date longer than 署名
    ("中共清溪镇委员会", "2025年1月2日", (2, 8 - 6 - 2 + 2)),
])
def test_signature_indents_follow_7_3_5_2(sig, date, expected):
    layout = load_layout()
    assert _signature_indents(_Ctx(layout, layout.profile()), sig, date) == expected


def test_last_body_paragraph_keeps_with_the_signature(doc):
    ps = doc.paragraphs
    i = ps.index(next(p for p in ps if p.text == "特此报告。"))
    assert ps[i]._p.pPr.find(qn("w:keepNext")) is not None


@pytest.mark.parametrize("profile,body,title,h2", [
    ("windows-builtin", "仿宋", "宋体", "楷体"),
    ("xinchuang-gbk", "方正仿宋_GBK", "方正小标宋_GBK", "方正楷体_GBK"),
])
def test_font_profiles(tmp_path, profile, body, title, h2):
    d = demo_draft()
    d.fonts = profile
    out = tmp_path / "r.docx"
    produce(d, out)
    st = {s.get(W + "styleId"): s for s in xml(out, "word/styles.xml").iter(W + "style")}
    assert val(st["Normal"], "w:rPr/w:rFonts", "eastAsia") == body
    assert val(st["GwTitle"], "w:rPr/w:rFonts", "eastAsia") == title
    assert val(st["GwHeading2"], "w:rPr/w:rFonts", "eastAsia") == h2
    if profile == "windows-builtin":
        assert val(st["GwTitle"], "w:rPr/w:b") == "1"


def test_submitted_variant_has_header_and_colophon(tmp_path):
    d = demo_draft()
    d.variant = "submitted"
    d.doc_number, d.issuer, d.cc = "清府〔2025〕3号", "王明", "县委全面依法治县委员会办公室"
    out = tmp_path / "上报件.docx"
    produce(d, out)
    doc = Document(out)
    texts = [p.text for p in doc.paragraphs]
    mark = next(p for p in doc.paragraphs if p.text == "清溪镇人民政府" and p.style.name == "公文标题")
    assert mark.runs[0].font.color.rgb is not None and str(mark.runs[0].font.color.rgb) == "FF0000"
    number = next(p for p in doc.paragraphs if p.text.startswith("清府〔2025〕3号"))
    assert "签发人：王明" in number.text
    bdr = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bdr.get(qn("w:color")) == "FF0000"
    assert "（此件公开发布）" == texts[-1]
    # the 版记: a table in a text box anchored in the last paragraph, standing on the foot
    # of the text block (its last rule on the lower edge of the 版心)
    last = doc.paragraphs[-1]._p
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    [anchor] = last.iter(wp + "anchor")
    pos_v = anchor.find(wp + "positionV")
    assert (pos_v.get("relativeFrom"), pos_v.find(wp + "align").text) == ("margin", "bottom")
    assert anchor.find(wp + "wrapTopAndBottom") is not None
    assert int(anchor.find(wp + "extent").get("cx")) == mm_to_twips(156) * 635
    [table] = last.iter(qn("w:tbl"))
    rows = ["".join(t.text for t in tr.iter(qn("w:t"))) for tr in table.iter(qn("w:tr"))]
    assert rows == ["抄送：县委全面依法治县委员会办公室。", "清溪镇党政综合办公室2025年1月20日印发"]
    assert table.find(qn("w:tblPr")).find(qn("w:tblpPr")) is None
    assert len(doc.tables) == 0            # nothing left in the body's flow


def test_well_formed_parts_and_python_docx_round_trip_keeps_paragraph_count(demo_docx, tmp_path):
    with zipfile.ZipFile(demo_docx) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))
    d1 = Document(demo_docx)
    again = tmp_path / "again.docx"
    d1.save(again)
    assert len(Document(again).paragraphs) == len(d1.paragraphs)


def test_illegal_characters_from_web_pages_are_removed_and_reported(tmp_path):
    d = demo_draft()
    d.section("achievements").blocks[0].text += "网页\x0b复制\x01的文字\u200b。"
    res = produce(d, tmp_path / "r.docx")
    assert any(f.code == "illegal-characters" for f in res.findings)
    text = "\n".join(p.text for p in Document(tmp_path / "r.docx").paragraphs)
    assert "网页复制的文字。" in text


def _build_with_layout(tmp_path, edit):
    import copy

    from govreport.build.compose import compile_draft
    from govreport.build.docx_writer import write_docx
    from govreport.build.layout import Layout
    base = load_layout()
    layout = Layout(copy.deepcopy(base.data), base.path)
    edit(layout.data)
    out = tmp_path / "local.docx"
    write_docx(compile_draft(demo_draft()).document, out, layout)
    return {s.get(W + "styleId"): s for s in xml(out, "word/styles.xml").iter(W + "style")}


def test_a_county_can_make_level_3_bold_and_digits_times_new_roman_by_data(tmp_path):
    def edit(data):
        data["styles"]["h3"]["bold"] = True
        data["fonts"]["profiles"]["windows-gb2312"]["latin"] = "Times New Roman"
    st = _build_with_layout(tmp_path, edit)
    assert val(st["GwHeading3"], "w:rPr/w:b") == "1"
    assert val(st["GwHeading2"], "w:rPr/w:b") == "0"
    fonts = st["Normal"].find("w:rPr/w:rFonts", {"w": W[1:-1]})
    assert fonts.get(W + "ascii") == "Times New Roman"
    assert fonts.get(W + "eastAsia") == "仿宋_GB2312"


def test_attachment_note_is_one_blank_line_under_the_body_two_characters_in(tmp_path):
    d = demo_draft()
    d.attachments = ["2024年度法治政府建设主要数据统计表", "法治建设工作任务清单"]
    out = tmp_path / "附件.docx"
    produce(d, out)
    ps = Document(out).paragraphs
    i = next(i for i, p in enumerate(ps) if p.text.startswith("附件："))
    assert ps[i].text == "附件：1.2024年度法治政府建设主要数据统计表"
    assert ps[i + 1].text == "2.法治建设工作任务清单"
    assert ps[i - 1].text == "" and ps[i - 2].text == "特此报告。"
    assert ps[i].style.name == "附件说明"
    # the second name lines up with the first one's first character (7.3.4)
    assert int(ps[i + 1]._p.pPr.find(qn("w:ind")).get(qn("w:left"))) == _Ctx(
        load_layout(), load_layout().profile()).chars(5)


def test_the_cached_skeleton_gives_the_same_document(tmp_path, monkeypatch):
    import govreport.build.docx_writer as w
    from govreport.build.compose import compile_draft
    monkeypatch.setattr(w.paths, "cache_dir", lambda: tmp_path / "cache")
    monkeypatch.setattr(w, "_SKELETONS", {})
    doc = compile_draft(demo_draft()).document
    first = w.to_bytes(doc)
    assert len(list((tmp_path / "cache").glob("skeleton-*.docx"))) == 1
    monkeypatch.setattr(w, "_SKELETONS", {})            # a new process: read from the cache
    second = w.to_bytes(doc)
    for part in ("word/document.xml", "word/styles.xml", "word/footer1.xml", "word/settings.xml"):
        with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(second)) as b:
            assert a.read(part) == b.read(part)


def test_the_document_properties_name_the_report_its_author_and_today(demo_docx):
    import datetime as dt
    core = xml(demo_docx, "docProps/core.xml")
    ns = {"dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/"}
    assert core.findtext("dc:title", namespaces=ns) == "清溪镇2024年法治政府建设年度报告"
    assert core.findtext("dc:creator", namespaces=ns) == "清溪镇人民政府"
    created = dt.datetime.fromisoformat(core.findtext("dcterms:created", namespaces=ns)
                                        .replace("Z", "+00:00"))
    # not the date python-docx's template was made (2013)
    assert abs(dt.datetime.now(dt.timezone.utc) - created) < dt.timedelta(hours=1)
    app = xml(demo_docx, "docProps/app.xml")
    assert app.findtext("{*}Application") == "govreport"


def test_the_package_carries_no_parts_of_python_docxs_template_that_are_not_ours(demo_docx):
    with zipfile.ZipFile(demo_docx) as z:
        names = set(z.namelist())
        rels = z.read("_rels/.rels").decode() + z.read("word/_rels/document.xml.rels").decode()
    assert "docProps/thumbnail.jpeg" not in names and "thumbnail" not in rels
    assert "word/stylesWithEffects.xml" not in names and "stylesWithEffects" not in rels
    assert {"word/document.xml", "word/styles.xml", "word/footer1.xml", "word/footer2.xml",
            "word/settings.xml", "docProps/core.xml", "[Content_Types].xml"} <= names
    body = xml(demo_docx, "word/document.xml").find(W + "body")
    assert body[-1].tag == W + "sectPr" and len(body.findall(W + "sectPr")) == 1
    assert len(body.findall(W + "p")) > 30


def _scramble_middle(data: bytes) -> bytes:
    """Bit rot inside the compressed styles part: the zip directory stays readable, and
    inflating the part fails (zlib.error, not BadZipFile)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("word/styles.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 20
    return data[:start] + bytes(b ^ 0x5A for b in data[start:start + 50]) + data[start + 50:]


@pytest.mark.parametrize("damage", [lambda data: b"PK\x03\x04 truncated by a full disk",
                                    lambda data: data[:len(data) // 2], _scramble_middle,
                                    lambda data: bytes(len(data))])
def test_a_damaged_cached_skeleton_is_built_again(tmp_path, monkeypatch, damage):
    import govreport.build.docx_writer as w
    from govreport.build.compose import compile_draft
    monkeypatch.setattr(w.paths, "cache_dir", lambda: tmp_path / "cache")
    monkeypatch.setattr(w, "_SKELETONS", {})
    doc = compile_draft(demo_draft()).document
    w.to_bytes(doc)
    [cached] = (tmp_path / "cache").glob("skeleton-*.docx")
    cached.write_bytes(damage(cached.read_bytes()))
    monkeypatch.setattr(w, "_SKELETONS", {})
    out = tmp_path / "r.docx"
    w.write_docx(doc, out)
    assert Document(out).paragraphs[0].style.name == "公文标题"
    assert zipfile.is_zipfile(cached) and cached.stat().st_size > 10_000


def test_with_a_cached_skeleton_a_build_loads_neither_python_docx_nor_jinja2(tmp_path):
    import os
    import subprocess
    import sys
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"),
               LOCALAPPDATA=str(tmp_path / "cache"))
    env.pop("GOVREPORT_NO_CACHE", None)
    code = ("import sys\nfrom govreport.app.produce import produce\n"
            "from govreport.app.starts import demo_draft\n"
            "produce(demo_draft(), sys.argv[1])\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'docx', 'jinja2'}))")
    runs = [subprocess.run([sys.executable, "-c", code, str(tmp_path / f"{i}.docx")], env=env,
                           capture_output=True, text=True, timeout=120) for i in range(2)]
    assert [r.stdout.strip() for r in runs] == ["['docx']", "[]"], runs[-1].stderr
    assert Document(tmp_path / "1.docx").paragraphs[0].style.name == "公文标题"


def test_characters_word_cannot_hold_are_dropped_from_every_field_and_reported(tmp_path):
    d = demo_draft()
    d.variant = "submitted"
    for name in ("note", "doc_number", "issuer", "cc", "printed_by", "issuing_office"):
        setattr(d, name, (getattr(d, name) or "临江") + "\x01\x0b\ud800")
    out = tmp_path / "r.docx"
    result = produce(d, out)
    assert sum(f.code == "illegal-characters" for f in result.findings) == 6
    with zipfile.ZipFile(out) as z:
        for part in ("word/document.xml", "docProps/core.xml"):
            etree.fromstring(z.read(part))          # Word refuses a part that does not parse
    text = "".join(p.text for p in Document(out).paragraphs)
    assert "\x01" not in text and "\x0b" not in text


def test_the_writer_never_emits_characters_xml_cannot_hold():
    from govreport.build import wordml
    assert wordml.esc("a\x00b\x1fc\ud800d<e>&") == "abcd&lt;e&gt;&amp;"
    assert wordml.esc("tab\tand\nnewline") == "tab\tand\nnewline"


@pytest.mark.parametrize("edit,words", [
    (lambda t: t.replace("width_mm = 210", "width_mm = = 210"), "第6行"),
    (lambda t: t.replace("size_pt = 16", 'size_pt = "三号"', 1), "[styles.body] 的 size_pt 应为数字"),
    (lambda t: t.replace("lines = 22\n", ""), "[grid] 缺少 lines"),
])
def test_a_county_slip_in_the_layout_file_gets_one_chinese_line(tmp_path, monkeypatch, edit,
                                                                 words):
    import shutil
    from govreport.build import layout
    from govreport.base import paths
    from govreport.base.errors import InputError
    root = tmp_path / "data"
    shutil.copytree(paths.templates_dir(), root / "templates")
    f = root / "templates" / "layout" / "gbt9704.toml"
    f.write_text(edit(f.read_text("utf-8")), "utf-8")
    monkeypatch.setenv("GOVREPORT_DATA", str(root))
    monkeypatch.setattr(paths, "data_root", lambda: root)
    layout.load_layout.cache_clear()
    try:
        with pytest.raises(InputError) as e:
            layout.load_layout()
    finally:
        layout.load_layout.cache_clear()
    assert "gbt9704.toml" in str(e.value) and words in str(e.value)


def _table_rows(table) -> list[list[str]]:
    return [["".join(t.text for t in tc.iter(qn("w:t"))) for tc in tr.iter(qn("w:tc"))]
            for tr in table.iter(qn("w:tr"))]


def test_the_data_table_attachment_lists_the_figures_on_a_page_of_its_own(tmp_path):
    d = demo_draft()
    d.data_appendix = True
    out = tmp_path / "附表.docx"
    produce(d, out)
    doc = Document(out)
    texts = [p.text for p in doc.paragraphs]
    # 附件说明 under the body (7.3.4), then the attachment after the 附注 (8.3)
    assert "附件：2024年度法治政府建设主要数据统计表" in texts
    label = next(p for p in doc.paragraphs if p.text == "附件")
    assert label._p.pPr.find(qn("w:pageBreakBefore")) is not None
    assert texts.index("附件") > texts.index("（此件公开发布）")
    i = texts.index("附件")
    assert texts[i + 2] == "2024年度法治政府建设主要数据统计表"       # on the third line
    assert doc.paragraphs[i + 2].style.name == "公文标题"
    [table] = doc.tables
    rows = _table_rows(table._tbl)
    assert rows[0] == ["序号", "指标", "单位", "2024年", "2023年"]
    by_name = {r[1]: r for r in rows[1:]}
    assert by_name["调处矛盾纠纷件数"] == [by_name["调处矛盾纠纷件数"][0], "调处矛盾纠纷件数", "起",
                                       "128", "110"]
    assert by_name["12345热线办结率"][2:] == ["%", "97.35", "96.66"]
    assert not any("同比" in name for name in by_name)              # changes are not figures
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, len(rows))]
    tr_pr = table._tbl.find(qn("w:tr")).find(qn("w:trPr"))
    assert tr_pr.find(qn("w:tblHeader")) is not None                # repeats on each page
    widths = [int(g.get(qn("w:w"))) for g in table._tbl.iter(qn("w:gridCol"))]
    assert sum(widths) == mm_to_twips(156)


def test_with_a_data_table_the_colophon_comes_after_it(tmp_path):
    d = demo_draft()
    d.data_appendix, d.variant = True, "submitted"
    out = tmp_path / "上报件.docx"
    produce(d, out)
    body = Document(out).element.body
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    [anchor] = body.iter(wp + "anchor")
    holder = next(a for a in anchor.iterancestors() if a.tag == qn("w:p"))
    data_table = next(t for t in body.iterchildren(qn("w:tbl")))
    assert data_table.getnext() is holder                          # the 版记 follows the table


def test_a_data_table_without_figures_is_left_out_and_said(tmp_path):
    from govreport.model.draft import new_draft
    from govreport.model.pack import load_pack
    d = new_draft("翻江镇", 2024, load_pack())
    d.data_appendix = True
    result = produce(d, tmp_path / "r.docx")
    assert any(f.code == "appendix-empty" for f in result.findings)
    assert not Document(tmp_path / "r.docx").tables


def test_a_read_only_report_is_refused_in_chinese_and_left_as_it_was(tmp_path):
    import os
    import stat

    from govreport.base.errors import OutputLockedError
    out = tmp_path / "报告.docx"
    out.write_bytes(b"filed")
    os.chmod(out, 0o444)
    with pytest.raises(OutputLockedError, match="只读"):
        produce(demo_draft(), out)
    assert out.read_bytes() == b"filed" and stat.S_IMODE(out.stat().st_mode) == 0o444
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]        # no temp file left
