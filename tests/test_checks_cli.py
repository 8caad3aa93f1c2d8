"""`govreport check`: one finding a line, --json, exit 1 on 错误, 2 on bad input, folders."""
import json
import shutil

import pytest
from docx import Document

from checks_helpers import CORPUS, GOOD
from cli_support import run



def _as_docx(txt, out):
    doc = Document()
    for line in txt.read_text(encoding="utf-8").splitlines():
        doc.add_paragraph(line)
    doc.save(out)
    return out


def test_list_shows_every_check_id(capsys):
    code, out, _ = run(capsys, "check", "--list")
    assert code == 0
    ids = [line.split("\t")[0] for line in out.splitlines()]
    assert ids[:3] == ["placeholder", "empty-section", "section-order"]
    assert {"figure-mismatch", "stale-phrase", "punctuation", "length"} <= set(ids)


def test_a_clean_report_exits_0(capsys, demo_docx):
    code, out, _ = run(capsys, "check", str(demo_docx))
    assert code == 0
    assert out.splitlines()[0].startswith("检查：") and "2024年度（取自标题）" in out
    assert "错误\t" not in out


def test_errors_exit_1_one_finding_a_line(capsys):
    code, out, _ = run(capsys, "check", str(CORPUS / "hunan-fanjiang-2024.txt"))
    assert code == 1
    lines = out.splitlines()
    missing = [line for line in lines if "缺少必备部分" in line][0].split("\t")
    assert missing[0] == "错误" and missing[1] == "全文"
    assert missing[3].startswith("建议：")
    quotes = [line.split("\t") for line in lines if "不成对" in line][0]
    assert quotes[0] == "警告" and quotes[1].startswith("一、工作进展与成效第2段“")
    assert lines[-1].startswith("共") and "错误1" in lines[-1]


def test_disable_switches_checks_off(capsys):
    code, out, _ = run(capsys, "check", str(CORPUS / "hunan-fanjiang-2024.txt"),
                       "--disable", "section-order,punctuation")
    assert code == 0
    assert "缺少必备部分" not in out and "不成对" not in out


def test_json_for_machines(capsys):
    code, out, _ = run(capsys, "check", str(CORPUS / "zouqiao-2023.txt"), "--json")
    data = json.loads(out)
    assert code == 0                                   # warnings and hints only
    assert data["has_errors"] is False
    assert data["year"] == 2023 and data["date"] == "2023-11-14" and data["kind"] == "txt"
    f = data["findings"][0]
    assert {"level", "level_name", "code", "message", "section", "block", "quote",
            "suggestion", "location", "fixable"} <= set(f)
    fixable = [x for x in data["findings"] if x["fixable"]]
    assert fixable and all(x["fix"] for x in fixable)
    assert data["counts"]["警告"] >= 10


def test_year_option_overrides_the_guess(capsys):
    code, out, _ = run(capsys, "check", str(CORPUS / "template-xx-town.txt"), "--year", "2024",
                       "--json")
    data = json.loads(out)
    assert data["year"] == 2024 and data["year_source"] == "--year"
    assert any(f["code"] == "stale-phrase" and "十九大" in f["message"] for f in data["findings"])


def test_a_new_draft_without_figures_has_errors(capsys, tmp_path):
    draft = tmp_path / "草稿.json"
    assert run(capsys, "new", "--unit", "翻江镇", "--year", "2024", "-o", str(draft))[0] == 0
    code, out, _ = run(capsys, "check", str(draft))
    assert code == 1
    assert "缺少数据“调处矛盾纠纷件数”" in out
    assert "主要举措和成效第" in out                    # located in the draft's section


def test_a_draft_checked_against_the_workbook(capsys, tmp_path, sample_workbook):
    draft = tmp_path / "草稿.json"
    run(capsys, "new", "--unit", "清溪镇", "--year", "2024", "--data", str(sample_workbook),
        "-o", str(draft))
    code, out, _ = run(capsys, "check", str(draft), "--data", str(sample_workbook))
    assert code == 0
    assert "figure-mismatch" not in out and "统计表是" not in out


@pytest.mark.parametrize("make,args,words", [
    (None, ["不存在.docx"], "找不到"),
    ("encrypted", ["加密.docx"], "设置了打开密码"),
    ("fake", ["假的.docx"], "不是有效的 Word 文档"),
    ("empty", ["空白.txt"], "没有可检查的文字"),
    ("folder", ["空文件夹"], "没有可检查的"),
    (None, ["报告.txt", "--disable", "nope"], "nope"),
    ("good", ["报告.txt", "--data", "不存在.xlsx"], "不存在.xlsx"),
    (None, [], "请给出"),
])
def test_bad_input_exits_2(capsys, tmp_path, monkeypatch, make, args, words):
    monkeypatch.chdir(tmp_path)
    if make == "encrypted":
        (tmp_path / "加密.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                                           + "EncryptedPackage".encode("utf-16-le") + b"\0" * 400)
    elif make == "fake":
        (tmp_path / "假的.docx").write_text("不是 Word", encoding="utf-8")
    elif make == "empty":
        (tmp_path / "空白.txt").write_text("\n \n", encoding="utf-8")
    elif make == "folder":
        (tmp_path / "空文件夹").mkdir()
    elif make == "good":
        (tmp_path / "报告.txt").write_text(GOOD, encoding="utf-8")
    if args and args[0] == "报告.txt" and not (tmp_path / "报告.txt").exists():
        (tmp_path / "报告.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, "check", *args)
    assert code == 2
    assert words in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_folder_is_checked_file_by_file_with_a_summary(capsys, tmp_path):
    folder = tmp_path / "各镇报告"
    folder.mkdir()
    shutil.copy(CORPUS / "zouqiao-2023.txt", folder)
    _as_docx(CORPUS / "guangdong-haicheng-2024.txt", folder / "海城镇.docx")
    (folder / "好报告.txt").write_text(GOOD, encoding="utf-8")
    (folder / "坏文件.docx").write_text("不是 Word", encoding="utf-8")
    (folder / "~$海城镇.docx").write_bytes(b"lock")          # Word's lock file is skipped
    (folder / "说明.md").write_text("不检查", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(folder))
    assert code == 1
    assert "== 海城镇.docx ==" in out and "== zouqiao-2023.txt ==" in out
    table = out[out.index("汇总"):].splitlines()
    assert table[1] == "文件\t错误\t警告\t提示\t结论"
    rows = {r.split("\t")[0]: r.split("\t") for r in table[2:-1]}
    assert set(rows) == {"zouqiao-2023.txt", "海城镇.docx", "好报告.txt", "坏文件.docx"}
    assert rows["坏文件.docx"][-1].startswith("无法检查")
    assert rows["好报告.txt"][1] == "0"
    assert table[-1] == "共4个文件：0个有错误，1个无法检查"


def test_a_folder_as_json(capsys, tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    (folder / "好报告.txt").write_text(GOOD, encoding="utf-8")
    shutil.copy(CORPUS / "hunan-fanjiang-2024.txt", folder)
    code, out, _ = run(capsys, "check", str(folder), "--json")
    data = json.loads(out)
    assert code == 1
    assert data["summary"] == {"files": 2, "with_errors": 1, "unreadable": 0}
    assert [f["file"].split("/")[-1] for f in data["files"]] == ["hunan-fanjiang-2024.txt", "好报告.txt"]


# Every real report, as .txt and converted to .docx, is checked without crashing and its
# mistakes found in the wild are reported.
PLANTED = [
    ("template-xx-town.txt", "placeholder", "“202x”"),
    ("template-xx-town.txt", "numbering", "从“2.”开始"),
    ("zouqiao-2023.txt", "report-date", "2023年11月14日"),
    ("zouqiao-2023.txt", "numbering", "“1、”应写作“1.”"),
    ("zouqiao-2023.txt", "numbering", "“三是”之前没有“二是”"),
    ("guangdong-haicheng-2024.txt", "stale-phrase", "新理念"),
    ("guangdong-haicheng-2024.txt", "stale-phrase", "守法诚信"),
    ("guangdong-haicheng-2024.txt", "stale-phrase", "今年以来"),
    ("guangdong-haicheng-2024.txt", "section-order", "应排在"),
    ("chongqing-zhongshan-2020.txt", "stale-phrase", "系列重要讲话"),
    ("chongqing-zhongshan-2020.txt", "stale-phrase", "六五普法"),
    ("chongqing-zhongshan-2020.txt", "section-order", "第一责任人"),
    ("hunan-fanjiang-2024.txt", "section-order", "第一责任人"),
    ("hunan-fanjiang-2024.txt", "title", "没有年份"),
    ("hunan-fanjiang-2024.txt", "punctuation", "不成对"),
]


@pytest.mark.parametrize("kind", ["txt", "docx"])
@pytest.mark.parametrize("name,code_,words", PLANTED)
def test_real_reports_show_their_mistakes(capsys, tmp_path, kind, name, code_, words):
    path = CORPUS / name if kind == "txt" else _as_docx(CORPUS / name, tmp_path / (name[:-4] + ".docx"))
    code, out, err = run(capsys, "check", str(path), "--json")
    assert code in (0, 1) and not err
    data = json.loads(out)
    assert any(f["code"] == code_ and words in f["message"] for f in data["findings"]), \
        [f["message"] for f in data["findings"] if f["code"] == code_]
