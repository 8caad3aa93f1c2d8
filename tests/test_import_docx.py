"""Importing a .docx: heading styles, written and automatic numbering, tables kept as text; bad
files get one line of Chinese."""
import zipfile

import docx
import pytest

from docx_fixtures import chinese_numbered_headings
from govreport.base.errors import InputError
from govreport.importer import import_file, import_text
from govreport.reading.reportfile import TABLE_CELL_SEPARATOR, visible_len


def _report_docx(path, numbered_headings=False):
    d = docx.Document()
    d.add_paragraph("翻江镇2024年法治政府建设年度报告", style="Title")
    d.add_paragraph("中共湘乡市委、湘乡市人民政府：")
    d.add_paragraph("2024年，翻江镇坚持以习近平新时代中国特色社会主义思想为指导，深入推进法治政府建设。"
                    "现将有关情况报告如下：")
    h = ["一、", "二、", "三、"] if numbered_headings else ["", "", ""]
    d.add_heading(h[0] + "主要举措和成效", level=1)
    d.add_heading("强化组织领导", level=2)
    d.add_paragraph("全年调处各类矛盾纠纷128起，调解成功120起。")
    table = d.add_table(rows=2, cols=3)
    for c, t in enumerate(["指标", "2024年", "说明"]):
        table.cell(0, c).text = t
    table.cell(1, 0).text = "调处矛盾纠纷"
    table.cell(1, 1).text = "128起"
    merged = table.cell(1, 1).merge(table.cell(1, 2))   # a merged cell repeats its text
    merged.text = "128起"
    d.add_heading("化解矛盾纠纷", level=2)
    d.add_paragraph("坚持和发展新时代“枫桥经验”。")
    d.add_heading(h[1] + "存在的不足和原因", level=1)
    d.add_paragraph("部分干部法治意识有待提高。")
    d.add_heading(h[2] + "2025年工作安排", level=1)
    d.add_paragraph("加强法治教育培训。")
    d.add_paragraph("特此报告。")
    d.add_paragraph("翻江镇人民政府")
    d.add_paragraph("2025年1月20日")
    d.save(path)
    return path


@pytest.mark.parametrize("numbered", [False, True], ids=["styles-only", "styles-and-numbers"])
def test_heading_styles_split_the_sections_with_or_without_written_numbers(tmp_path, numbered):
    result = import_file(_report_docx(tmp_path / "去年报告.docx", numbered))
    report, draft = result.report, result.draft
    assert report.source_kind == "docx"
    assert [h.section for h in report.headings] == ["achievements", "shortcomings", "plans"]
    assert report.title == "翻江镇2024年法治政府建设年度报告"
    assert report.recipient == "中共湘乡市委、湘乡市人民政府"
    assert report.signature == "翻江镇人民政府" and report.date == "2025-01-20"
    assert report.closing == "特此报告。" and draft.closing == "特此报告。"
    ach = draft.section("achievements").blocks
    # Heading 2 paragraphs without a written number become numbered level-2 headings
    heads = [(b.level, b.number, b.title) for b in ach if b.is_heading]
    assert heads == [(2, "（一）", "强化组织领导"), (2, "（二）", "化解矛盾纠纷")]
    assert "{{ disputes_handled }}" in ach[1].text
    assert report.accounted() == report.total_chars == visible_len(draft.source_text)


def test_tables_are_kept_as_text_one_row_per_paragraph_and_reported(tmp_path):
    result = import_file(_report_docx(tmp_path / "r.docx"))
    texts = [b.text for b in result.draft.section("achievements").blocks]
    sep = TABLE_CELL_SEPARATOR
    assert f"指标{sep}2024年{sep}说明" in texts
    assert f"调处矛盾纠纷{sep}128起" in texts          # the merged cell once
    assert any("1个表格（2行）已按文字保留" in n for n in result.report.notes)
    # a table's numbers are no figure references: the clerk rewrites or deletes the table
    assert [r.block for r in result.report.figures] == [1, 1]


def test_a_soft_line_break_inside_chinese_text_joins_without_a_space(tmp_path):
    from govreport.reading import reportfile
    d = docx.Document()
    p = d.add_paragraph("全年开展法治宣传")
    p.add_run().add_break()
    p.add_run("活动26场次。See")
    p.add_run().add_break()
    p.add_run("the list.")
    d.save(tmp_path / "r.docx")
    [line] = [ln.text for ln in reportfile.read_docx(tmp_path / "r.docx").lines if ln.text]
    assert line == "全年开展法治宣传活动26场次。See the list."


def test_automatic_list_numbering_is_written_out(tmp_path):
    d = docx.Document()
    d.add_paragraph("清溪镇2024年法治政府建设年度报告", style="Title")
    d.add_paragraph("2024年，清溪镇扎实推进法治政府建设，取得积极成效。现将有关情况报告如下：")
    chinese_numbered_headings(d, ("主要举措和成效", "存在的不足和原因", "下一年度的主要安排"),
                              ("全年调处矛盾纠纷128起。", "法治意识有待提高。", "加强培训。"))
    path = tmp_path / "编号.docx"
    d.save(path)
    result = import_file(path)
    assert [h.text for h in result.report.headings] == [
        "一、主要举措和成效", "二、存在的不足和原因", "三、下一年度的主要安排"]
    assert [h.section for h in result.report.headings] == ["achievements", "shortcomings", "plans"]
    assert result.draft.source_text.splitlines()[2] == "一、主要举措和成效"


def test_pasted_text_and_the_same_text_in_a_docx_give_the_same_draft(tmp_path):
    path = _report_docx(tmp_path / "r.docx", numbered_headings=True)
    from_docx = import_file(path)
    from_text = import_text(from_docx.draft.source_text)
    assert [s.id for s in from_text.draft.sections] == [s.id for s in from_docx.draft.sections]
    assert from_text.report.source_kind == "pasted"
    assert [r.indicator for r in from_text.report.figures] == \
        [r.indicator for r in from_docx.report.figures]


# --- bad input -------------------------------------------------------------------------------

def _encrypted(path):
    # an encrypted .docx is an OLE compound file holding an "EncryptedPackage" stream
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                     + "EncryptionInfo".encode("utf-16-le") + b"\0" * 50
                     + "EncryptedPackage".encode("utf-16-le") + b"\0" * 400)
    return path


def _old_doc(path):
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                     + "WordDocument".encode("utf-16-le") + b"\0" * 400)
    return path


def _not_docx(path):
    path.write_text("这不是 Word 文档", encoding="utf-8")
    return path


def _zip_without_word(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    return path


def _empty_docx(path):
    d = docx.Document()
    d.add_paragraph("")
    d.add_paragraph("   ")
    d.save(path)
    return path


def _empty_txt(path):
    path.write_text(" \n\u3000\n", encoding="utf-8")
    return path


def _binary_txt(path):
    path.write_bytes(bytes(range(256)) * 4)
    return path


@pytest.mark.parametrize("make,name,words", [
    (_encrypted, "加密.docx", "密码"),
    (_old_doc, "旧格式.docx", "另存为 .docx"),
    (_not_docx, "假的.docx", "不是有效的 Word 文档"),
    (_zip_without_word, "压缩包.docx", "不是有效的 Word 文档"),
    (_empty_docx, "空白.docx", "没有文字"),
    (_empty_txt, "空白.txt", "没有文字"),
    (_binary_txt, "乱码.txt", "不是可识别的文本文件"),
    (_old_doc, "旧报告.doc", "另存为 .docx"),
    (_not_docx, "报告.pdf", "只能导入 .docx 或 .txt"),
])
def test_bad_files_raise_one_line_of_chinese_naming_the_file(tmp_path, make, name, words):
    path = make(tmp_path / name)
    with pytest.raises(InputError) as exc:
        import_file(path)
    msg = str(exc.value)
    assert words in msg and name in msg and "\n" not in msg


def test_a_missing_file_and_a_folder_are_refused(tmp_path):
    with pytest.raises(InputError, match="找不到文件"):
        import_file(tmp_path / "没有这个文件.docx")
    with pytest.raises(InputError, match="是一个文件夹"):
        import_file(tmp_path)


def test_empty_pasted_text_is_refused():
    for text in ("", "  \n \u3000 "):
        with pytest.raises(InputError, match="没有可导入的文字"):
            import_text(text, year=2025, unit="翻江镇")


def test_a_gbk_text_file_is_read(tmp_path):
    path = tmp_path / "记事本.txt"
    path.write_bytes("翻江镇2024年法治政府建设年度报告\n2024年，我镇扎实推进法治政府建设。现报告如下：\n"
                     "一、主要举措和成效\n全年调处各类矛盾纠纷128起。".encode("gbk"))
    result = import_file(path)
    assert result.report.unit == "翻江镇" and result.report.headings[0].section == "achievements"


# --- our own reports, read back -----------------------------------------------------------------

@pytest.fixture(scope="module")
def own_reports(tmp_path_factory):
    from govreport.app.produce import produce
    from govreport.app.starts import demo_draft
    out = {}
    for variant in ("public", "submitted", "with-attachments"):
        d = demo_draft()
        d.variant = "public" if variant == "public" else "submitted"
        d.doc_number, d.issuer, d.cc = "清府发〔2025〕1号", "张三", "临江县司法局"
        if variant == "with-attachments":       # 附件说明 of two, the second made by us
            d.attachments, d.data_appendix = ["法治建设工作任务清单"], True
        path = tmp_path_factory.mktemp(variant) / f"{variant}.docx"
        produce(d, path)
        out[variant] = (d, path)
    return out


@pytest.mark.parametrize("variant", ["public", "submitted", "with-attachments"])
def test_last_years_report_made_by_govreport_reads_back_into_the_same_parts(own_reports, variant):
    original, path = own_reports[variant]
    result = import_file(path)
    d, report = result.draft, result.report
    assert d.title == "清溪镇2024年法治政府建设年度报告"          # two Title-styled lines joined
    assert (d.unit, d.year, report.report_year) == ("清溪镇", 2025, 2024)
    assert d.recipient == original.recipient and d.signature == original.signature
    assert d.date == original.date and d.note == "（此件公开发布）" and d.closing == "特此报告。"
    assert [s.id for s in d.sections] == [s.id for s in original.sections]
    assert report.debris == []
    assert len(report.figures) >= 20
    assert report.accounted() == report.total_chars
    if variant == "with-attachments":
        assert d.attachments == ["法治建设工作任务清单"] and d.data_appendix
        assert not any("｜" in b.text or "附件" in b.text for s in d.sections for b in s.blocks)
        assert not any("表格" in n for n in report.notes)
    if variant != "public":
        assert d.variant == "submitted"
        assert (d.issuing_office, d.doc_number, d.issuer) == ("清溪镇人民政府", "清府发〔2025〕1号", "张三")
        assert (d.cc, d.printed_by, d.printed_on) == ("临江县司法局", "清溪镇党政综合办公室", "2025-01-20")
        assert ("printed_on", "2025-01-20", "2026-01-20") in \
            [(p.where, p.old, p.new) for p in report.proposals]
    else:
        assert d.variant == "public" and not report.header


def test_last_years_plans_are_listed_as_this_years_work(own_reports):
    report = import_file(own_reports["public"][1]).report
    assert report.last_plans[0] == "（一）提升干部依法行政能力"
    assert len(report.last_plans) == 4


def test_text_in_a_text_box_is_read_once_though_word_stores_it_twice(tmp_path):
    from docx.oxml import parse_xml
    from govreport.reading import reportfile
    d = docx.Document()
    p = d.add_paragraph("正文段落。")
    box = ('<w:txbxContent><w:p><w:r><w:t>抄送：县司法局。</w:t></w:r></w:p></w:txbxContent>')
    p._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><wps:txbx>{box}</wps:txbx></mc:Choice>'
        f'<mc:Fallback><v:textbox>{box}</v:textbox></mc:Fallback></mc:AlternateContent></w:r>'))
    d.save(tmp_path / "框.docx")
    lines = [ln.text for ln in reportfile.read_docx(tmp_path / "框.docx").lines if ln.text]
    assert lines == ["正文段落。", "抄送：县司法局。"]
