"""Reading reports for the checks: drafts, .docx and .txt split into parts by their headings."""
import datetime as dt
import zipfile

import pytest
from docx import Document

from checks_helpers import CORPUS, GOOD, TODAY, report
from docx_fixtures import chinese_numbered_headings
from govreport import checks
from govreport.reading import classify, vocabulary_for
from govreport.base.errors import InputError


@pytest.mark.parametrize("name,title,year,date,parts", [
    ("zouqiao-2023.txt", "邹桥乡关于2023年法治政府建设工作情况汇报", 2023, dt.date(2023, 11, 14),
     ["preamble", "achievements", "shortcomings", "leadership", "other", "plans"]),
    ("guangdong-haicheng-2024.txt", "海丰县海城镇2024年法治政府建设年度报告", 2024, None,
     ["preamble", "achievements", "leadership", "shortcomings", "plans"]),
    ("hunan-fanjiang-2024.txt", "翻江镇法治政府建设工作报告", 2024, dt.date(2025, 3, 25),
     ["preamble", "achievements", "shortcomings", "plans"]),
    ("chongqing-zhongshan-2020.txt", "重庆市江津区中山镇人民政府2020年度法治政府建设情况报告", 2020,
     None, ["preamble", "achievements", "plans"]),
    ("template-xx-town.txt", "", None, None, ["preamble", "achievements"]),
])
def test_real_reports_split_into_titled_dated_parts(name, title, year, date, parts):
    r = checks.report_from_path(CORPUS / name, today=TODAY)
    assert r.title == title
    assert r.year == year
    assert r.date == date
    assert [p.id for p in r.parts] == parts


def test_web_debris_is_dropped_but_paragraphs_mentioning_a_website_are_kept():
    r = checks.report_from_path(CORPUS / "guangdong-haicheng-2024.txt", today=TODAY)
    text = r.body_text()
    assert "分享到" not in text and "扫一扫" not in text and "关联稿件" not in text
    z = checks.report_from_path(CORPUS / "zouqiao-2023.txt", today=TODAY)
    assert "通过县政府门户网站公示公开了邹桥乡行政执法主体信息" in z.body_text()


def test_signature_and_recipient_are_not_body_text():
    z = checks.report_from_path(CORPUS / "zouqiao-2023.txt", today=TODAY)
    assert z.recipient == "县委全面依法治县委员会"
    assert z.signature == "邹桥乡人民政府"
    assert "邹桥乡人民政府\n" not in z.body_text() + "\n"


def test_a_merged_heading_is_the_plans_part_covering_the_shortcomings_too():
    # as the import decides it (reader.toml [[merge]]): mostly next year's measures
    r = checks.report_from_path(CORPUS / "chongqing-zhongshan-2020.txt", today=TODAY)
    merged = r.parts[-1]
    assert merged.heading == "二、存在问题及下步打算"
    assert merged.ids == ("plans", "shortcomings")


@pytest.mark.parametrize("heading,ids", [
    ("主要做法和成效", ("achievements",)),
    ("2023年法治政府建设主要工作及成效", ("achievements",)),
    ("存在的问题与不足", ("shortcomings",)),
    ("党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设", ("leadership",)),
    ("主要负责人履行职责情况", ("leadership",)),
    ("下一步工作计划", ("plans",)),
    ("2024年工作安排", ("plans",)),
    ("下一年度推进法治政府建设的主要安排", ("plans",)),
    ("有关意见建议", ("other",)),
    ("其他需要报告的情况", ("other",)),
    ("2020年工作总结", ("achievements",)),
])
def test_level1_headings_map_to_the_pack_sections_by_meaning(pack, heading, ids):
    decided = classify(heading, vocabulary_for(pack), pack)
    assert (decided.section, *decided.covers) == ids


def test_a_title_broken_over_two_lines_is_joined():
    r = report("清溪镇2024年\n法治政府建设年度报告\n" + GOOD.split("\n", 1)[1], year=None)
    assert r.title == "清溪镇2024年法治政府建设年度报告"
    assert r.year == 2024 and r.year_source == "标题"


def test_the_year_falls_back_to_the_date_when_the_title_has_none():
    r = checks.report_from_path(CORPUS / "hunan-fanjiang-2024.txt", today=TODAY)
    assert (r.year, r.year_source) == (2024, "成文日期")


def test_our_own_docx_reads_back_with_its_styles(demo_docx):
    r = checks.report_from_path(demo_docx, today=TODAY)
    assert r.title == "清溪镇2024年法治政府建设年度报告"
    assert r.recipient == "中共临江县委、临江县人民政府"
    assert r.signature == "清溪镇人民政府"
    assert r.date == dt.date(2025, 1, 20)
    assert [p.id for p in r.parts] == ["preamble", "achievements", "shortcomings",
                                       "leadership", "plans"]


def test_a_draft_is_checked_as_compiled_and_points_to_its_blocks():
    from govreport.app.produce import produce
    from govreport.app.starts import demo_draft
    d = demo_draft()
    r = checks.report_from_draft(d, today=TODAY)
    ach = r.part("achievements")
    assert ach.heading == "一、2024年度推进法治政府建设的主要举措和成效"
    assert [p.block for p in ach.paragraphs] == list(range(len(d.section("achievements").blocks)))
    assert "调处矛盾纠纷128起" in ach.text()           # figures rendered, not {{ }}


def _docx(path, lines):
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    doc.save(path)
    return path


# --- reading files: the import's reader, with the text as it stands in the file ---------------

def _encrypted(p):
    # an encrypted .docx is an OLE compound file holding an "EncryptedPackage" stream
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                  + "EncryptedPackage".encode("utf-16-le") + b"\0" * 400)


def _old_doc(p):
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                  + "WordDocument".encode("utf-16-le") + b"\0" * 400)


def _zip_without_word(p):
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "hi")


@pytest.mark.parametrize("name,make,words", [
    ("报告.docx", lambda p: None, "找不到文件"),
    ("报告.docx", _encrypted, "设置了打开密码，请在 Word 或 WPS 中取消密码"),
    ("报告.docx", _old_doc, "实际是旧版 .doc 文件，请在 Word 或 WPS 中另存为 .docx"),
    ("报告.docx", lambda p: p.write_text("这不是 Word 文件", encoding="utf-8"), "不是有效的 Word 文档（.docx）"),
    ("报告.docx", _zip_without_word, "不是有效的 Word 文档（.docx），可能已损坏"),
    ("报告.txt", lambda p: _docx(p, ["一段话"]), "不是纯文本文件（像是 Word 文档）"),
    ("报告.txt", lambda p: p.write_bytes(bytes(range(256)) * 4), "不是可识别的文本文件"),
    ("报告.txt", lambda p: p.write_bytes(b"\x81\x30\x81" * 10), "文字编码无法识别"),
])
def test_a_bad_file_gets_the_same_chinese_line_from_check_and_import(tmp_path, name, make, words):
    from govreport.importer import import_file
    p = tmp_path / name
    make(p)
    with pytest.raises(InputError) as checked:
        checks.report_from_path(p, today=TODAY)
    with pytest.raises(InputError) as imported:
        import_file(p)
    assert words in str(checked.value) and "\n" not in str(checked.value)
    assert str(checked.value) == str(imported.value)


def test_an_empty_docx_has_nothing_to_check(tmp_path):
    with pytest.raises(InputError, match="没有可检查的文字"):
        checks.report_from_path(_docx(tmp_path / "空白.docx", []), today=TODAY)


def test_headings_numbered_by_word_are_seen_with_their_numbers(tmp_path):
    doc = Document()
    doc.add_paragraph("清溪镇2024年法治政府建设年度报告")
    doc.add_paragraph("2024年，清溪镇扎实推进法治政府建设。现将有关情况报告如下：")
    chinese_numbered_headings(doc, ["主要举措和成效", "存在的不足和原因", "2025年工作安排"],
                               ["全年调处矛盾纠纷128起。", "法治意识有待提高。", "加强培训。"])
    path = tmp_path / "自动编号.docx"
    doc.save(path)
    r = checks.report_from_path(path, today=TODAY)
    assert [(p.id, p.heading) for p in r.parts] == [
        ("preamble", ""), ("achievements", "一、主要举措和成效"),
        ("shortcomings", "二、存在的不足和原因"), ("plans", "三、2025年工作安排")]
    missing = [f.message for f in checks.check_report(r).findings if f.code == "empty-section"]
    assert not any("主要举措" in m or "不足" in m for m in missing)


def test_a_docx_is_checked_as_written_not_as_the_import_rewrites_it(tmp_path):
    doc = Document()
    doc.add_paragraph("清溪镇2024年法治政府建设年度报告")
    doc.add_paragraph("一、主要举措和成效")
    doc.add_heading("强化组织领导", level=2)          # the import numbers it （一）
    doc.add_paragraph("全年调处矛盾纠纷128起。")         # the import makes 128 a figure reference
    table = doc.add_table(rows=1, cols=2)               # the import keeps it as a line of text
    table.cell(0, 0).text = "二、调处矛盾纠纷"
    table.cell(0, 1).text = "128起"
    doc.add_paragraph("2023年3月15日召开专题会议。")
    path = _docx_saved(doc, tmp_path / "原样.docx")
    r = checks.report_from_path(path, today=TODAY)
    assert [p.id for p in r.parts] == ["achievements"]
    assert [p.text for p in r.parts[0].paragraphs] == [
        "强化组织领导", "全年调处矛盾纠纷128起。", "2023年3月15日召开专题会议。"]


def test_a_utf16_text_file_is_read(tmp_path):
    p = tmp_path / "报告.txt"
    p.write_bytes(GOOD.encode("utf-16"))
    assert checks.report_from_path(p, today=TODAY).title == "清溪镇2024年法治政府建设年度报告"


def _docx_saved(doc, path):
    doc.save(path)
    return path


@pytest.mark.parametrize("name,content,words", [
    ("空白.txt", "  \n\n", "没有可检查的文字"),
    ("旧版.doc", "x", "是旧版 Word/WPS 格式，请在 Word 或 WPS 中另存为 .docx 后再检查"),
    ("表格.xlsx", "x", "只支持"),
])
def test_bad_files_of_other_kinds_are_refused(tmp_path, name, content, words):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as e:
        checks.report_from_path(p, today=TODAY)
    assert words in str(e.value)


def test_a_gbk_text_file_is_read(tmp_path):
    p = tmp_path / "报告.txt"
    p.write_bytes(GOOD.encode("gb18030"))
    assert checks.report_from_path(p, today=TODAY).title == "清溪镇2024年法治政府建设年度报告"


def test_our_own_submitted_docx_reads_back_with_its_title_below_the_header(tmp_path):
    from govreport.app.produce import produce
    from govreport.app.starts import demo_draft
    d = demo_draft()
    d.variant, d.doc_number, d.issuer = "submitted", "清府发〔2025〕1号", "张三"
    path = tmp_path / "上报件.docx"
    produce(d, path)
    r = checks.report_from_path(path, today=TODAY)
    # the 发文机关标志 above the title is in the title style too; the 版头 is no part of the text
    assert r.title == "清溪镇2024年法治政府建设年度报告"
    assert r.parts[0].id == "preamble"
    assert r.parts[0].paragraphs[0].text.startswith("2024年，清溪镇")
    assert not [f for f in checks.check_report(r).findings if f.code in ("title", "punctuation")]
