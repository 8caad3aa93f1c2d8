"""The command line: exit codes 0/1/2, Chinese messages, no tracebacks."""
import pytest
from docx import Document

from cli_support import run



def test_build_demo_writes_a_report_that_opens(capsys, tmp_path):
    out = tmp_path / "示例报告.docx"
    code, stdout, _ = run(capsys, "build", "--demo", "-o", str(out))
    assert code == 0
    assert "已生成" in stdout
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "清溪镇" in text and "调处矛盾纠纷128起" in text


def test_build_from_the_sample_workbook_without_a_draft(capsys, tmp_path, sample_workbook):
    out = tmp_path / "报告.docx"
    code, stdout, _ = run(capsys, "build", "--data", str(sample_workbook), "-o", str(out))
    assert code in (0, 1)
    doc = Document(out)
    assert doc.paragraphs[0].text.startswith("清溪镇")       # unit taken from the workbook name


def test_without_year_the_workbooks_own_year_is_the_report_year(capsys, tmp_path,
                                                                  sample_workbook, monkeypatch):
    from govreport.model import draft as draft_mod
    from govreport.app import starts
    for mod in (draft_mod, starts):                # as if written in 2026
        monkeypatch.setattr(mod, "default_year", lambda today=None: 2025)
    out = tmp_path / "草稿.json"
    code, stdout, _ = run(capsys, "new", "--unit", "清溪镇", "--data", str(sample_workbook),
                          "-o", str(out))
    d = draft_mod.load(out)
    assert d.year == 2024 and d.figures["disputes_handled"].value == 128
    assert "报告年度按统计表定为2024年" in stdout
    # a year given is kept, and the workbook's lack of it is said
    code, stdout, _ = run(capsys, "new", "--unit", "清溪镇", "--year", "2025", "--data",
                          str(sample_workbook), "-o", str(out))
    assert draft_mod.load(out).year == 2025 and "没有2025年的数据列" in stdout


def test_new_then_build_from_the_draft(capsys, tmp_path, sample_workbook):
    draft = tmp_path / "草稿.json"
    code, stdout, _ = run(capsys, "new", "--unit", "翻江镇", "--year", "2024", "-o", str(draft))
    assert code == 0 and draft.exists()
    out = tmp_path / "报告.docx"
    code, stdout, _ = run(capsys, "build", "--draft", str(draft), "-o", str(out))
    # no workbook: every figure is a gap, reported one per line -> exit 1
    assert code == 1
    assert stdout.count("缺少数据") >= 20
    assert "【缺：调处矛盾纠纷件数】" in "\n".join(p.text for p in Document(out).paragraphs)
    code, _, _ = run(capsys, "build", "--draft", str(draft), "--data", str(sample_workbook),
                     "-o", str(out))
    assert code == 0


@pytest.mark.parametrize("args,words", [
    (["build", "--draft", "不存在.json", "-o", "x.docx"], "不存在.json"),
    (["build", "--data", "不存在.xlsx", "--unit", "某镇", "-o", "x.docx"], "不存在.xlsx"),
    (["build", "--demo", "-o", "报告.txt"], ".docx"),
    (["build", "--demo", "--fonts", "no-such", "-o", "x.docx"], "no-such"),
    (["new", "--unit", "翻江镇", "--template", "nope", "-o", "x.json"], "nope"),
    (["new", "--unit", "翻江镇", "-o", "草稿.docx"], ".json"),
    (["build"], "--demo"),
])
def test_bad_input_exits_2_with_one_chinese_line(capsys, tmp_path, monkeypatch, args, words):
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = run(capsys, *args)
    assert code == 2
    assert "Traceback" not in stderr
    assert stderr.startswith("错误：") and len(stderr.strip().splitlines()) == 1
    assert words in stderr
    assert not (tmp_path / "x.docx").exists() and not (tmp_path / "x.json").exists()


def test_an_output_folder_that_does_not_exist_is_refused(capsys, tmp_path):
    code, _, stderr = run(capsys, "build", "--demo", "-o", str(tmp_path / "无此目录" / "a.docx"))
    assert code == 2 and "不存在" in stderr


def test_usage_errors_are_in_chinese(capsys):
    code, _, stderr = run(capsys, "build", "--bogus")
    assert code == 2
    assert "无法识别的参数" in stderr


def test_help_is_in_chinese(capsys):
    code, stdout, _ = run(capsys, "--help")
    assert code == 0
    assert "用法" in stdout and "生成报告" in stdout
    code, stdout, _ = run(capsys, "build", "--help")
    assert "统计表" in stdout and "草稿" in stdout


def test_version(capsys):
    from govreport import __version__
    code, stdout, _ = run(capsys, "--version")
    assert code == 0 and __version__ in stdout


def test_no_arguments_without_a_display_explains_the_command_line(capsys, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    code, stdout, _ = run(capsys)
    assert code == 0
    assert "govreport build --demo" in stdout


def test_the_cli_never_imports_qt(tmp_path):
    import subprocess
    import sys
    code = ("import sys; from govreport.cli import main; main(['build','--demo','-o',"
            f"r'{tmp_path / 'a.docx'}']); print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.strip().endswith("False")


def test_year_given_with_a_draft_is_the_report_year(capsys, tmp_path, sample_workbook):
    draft = tmp_path / "草稿.json"
    run(capsys, "new", "--unit", "清溪镇", "--year", "2023", "-o", str(draft))
    out = tmp_path / "报告.docx"
    run(capsys, "build", "--draft", str(draft), "--data", str(sample_workbook), "--year", "2024",
        "-o", str(out))
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert text.startswith("清溪镇2024年") and "调处矛盾纠纷128起" in text


def test_build_with_the_data_table_attachment(capsys, tmp_path):
    out = tmp_path / "附表.docx"
    code, _, _ = run(capsys, "build", "--demo", "--data-table", "-o", str(out))
    assert code == 0
    doc = Document(out)
    assert len(doc.tables) == 1 and doc.tables[0].rows[0].cells[1].text == "指标"


def test_changing_the_year_after_the_figures_were_read_is_pointed_out(capsys, tmp_path,
                                                                      sample_workbook):
    draft = tmp_path / "草稿.json"
    run(capsys, "new", "--unit", "清溪镇", "--data", str(sample_workbook), "-o", str(draft))
    code, out, _ = run(capsys, "build", "--draft", str(draft), "--year", "2025",
                       "-o", str(tmp_path / "r.docx"))
    assert code == 1 and "报告年度是2025年，数据却是按2024年从统计表读取的" in out
    code, out, _ = run(capsys, "build", "--draft", str(draft), "--year", "2025", "--data",
                       str(sample_workbook), "-o", str(tmp_path / "r.docx"))
    assert "数据却是按" not in out                      # read again for 2025


def test_an_output_folder_without_write_permission_or_a_too_long_name_gets_one_line(
        capsys, tmp_path, monkeypatch):
    import tempfile
    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(tempfile, "mkstemp", denied)      # as in a folder the user may not write
    code, _, err = run(capsys, "build", "--demo", "-o", str(tmp_path / "报告.docx"))
    assert code == 2 and "没有权限" in err and "Traceback" not in err
    monkeypatch.undo()
    code, _, err = run(capsys, "build", "--demo", "-o", str(tmp_path / ("长" * 100 + ".docx")))
    assert code == 2 and "太长" in err


def test_a_report_gets_the_usual_file_permissions(capsys, tmp_path):
    import os
    import stat
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    out = tmp_path / "报告.docx"
    run(capsys, "build", "--demo", "-o", str(out))
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


@pytest.mark.parametrize("command", [["build", "--demo"], ["new", "--unit", "翻江镇"],
                                     ["check", "x.txt"], ["batch", "--data", "x.xlsx"]])
@pytest.mark.parametrize("year", ["-5", "0", "99999999999999999999", "1999"])
def test_every_command_takes_a_year_between_2000_and_2100(capsys, tmp_path, command, year):
    code, _, err = run(capsys, *command, "--year=" + year, "-o", str(tmp_path / "x"))
    assert code == 2 and "2000 到 2100" in err and err.count("\n") == 1
