"""The figure ledger (数据核对表) written by `govreport build --ledger`."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from govreport.build import ledger
from govreport.app.produce import produce
from govreport.app.starts import demo_draft
from cli_support import run
from govreport.model.figures import Figure



def rows_of(path: Path) -> list[dict]:
    ws = openpyxl.load_workbook(path)["数据核对表"]
    header = [c.value for c in ws[3]]
    return [dict(zip(header, (c.value for c in row))) for row in ws.iter_rows(min_row=4)]


def test_the_ledger_sits_beside_the_report():
    assert ledger.ledger_path(Path("/x/清溪镇报告.docx")) == Path("/x/清溪镇报告.核对表.xlsx")


def test_build_ledger_lists_every_cited_figure_with_sentence_and_source(capsys, tmp_path):
    out = tmp_path / "报告.docx"
    code, stdout, _ = run(capsys, "build", "--demo", "-o", str(out), "--ledger")
    assert code == 0
    path = tmp_path / "报告.核对表.xlsx"
    assert f"已生成数据核对表：{path}" in stdout
    rows = rows_of(path)
    compiled = produce(demo_draft(), None).compiled
    assert len(rows) == len(compiled.citations) > 30
    assert list(rows[0]) == list(ledger.HEADERS)
    disputes = next(r for r in rows if r["指标"] == "调处矛盾纠纷件数")
    assert disputes["部分"] == "主要举措和成效"
    assert disputes["报告中写作"] == "128起" and disputes["原始数值"] == 128
    assert disputes["来源"] == "矛盾纠纷与信访!D5"
    assert "调处矛盾纠纷128起" in disputes["所在句子"] and disputes["所在句子"].endswith("。")
    rate = next(r for r in rows if r["指标"] == "调解成功率")
    assert rate["来源"] == "公式计算" and rate["报告中写作"] == "97.66%"
    assert rate["计算公式"] == "调解成功件数 ÷ 调处矛盾纠纷件数 × 100 = 125 ÷ 128 × 100"
    approx = next(r for r in rows if r["指标"] == "发放宣传资料份数")
    assert (approx["报告中写作"], approx["原始数值"]) == ("5300余份", 5320)
    for r in rows:
        assert r["报告中写作"] and r["报告中写作"].split("；")[0] in r["所在句子"]
        assert r["核对"] is None


def test_typed_and_missing_figures_say_so(tmp_path):
    d = demo_draft()
    d.overrides["disputes_handled"] = Figure("disputes_handled", 130, source="手工录入")
    del d.figures["petitions"]
    compiled = produce(d, None).compiled
    path = ledger.write_ledger(compiled, d, tmp_path / "x.核对表.xlsx")
    rows = rows_of(path)
    typed = next(r for r in rows if r["指标"] == "调处矛盾纠纷件数")
    assert (typed["来源"], typed["报告中写作"]) == ("手工录入", "130起")
    missing = next(r for r in rows if r["指标"] == "受理信访件数")
    assert missing["来源"] == "缺数据" and missing["报告中写作"] == "【缺：受理信访件数】"
    assert "【缺：受理信访件数】" in missing["所在句子"]


def test_the_ledger_replaces_an_old_one_atomically(tmp_path):
    d = demo_draft()
    compiled = produce(d, None).compiled
    path = tmp_path / "x.核对表.xlsx"
    path.write_bytes(b"old")
    ledger.write_ledger(compiled, d, path)
    assert rows_of(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.核对表.xlsx"]


@pytest.mark.parametrize("formula,words", [
    ("exam_taken / exam_expected * 100", "学法考试实际参考人数 ÷ 学法考试应参考人数 × 100"),
    ("(disputes_handled - prev.disputes_handled) / prev.disputes_handled * 100",
     "（调处矛盾纠纷件数 − 上年调处矛盾纠纷件数） ÷ 上年调处矛盾纠纷件数 × 100"),
])
def test_formulas_in_words(pack, formula, words):
    assert ledger.formula_in_words(formula, pack.indicators) == words


def test_formulas_with_numbers(pack):
    text = ledger.formula_in_words("(disputes_handled - prev.disputes_handled) / prev.disputes_handled * 100",
                                   pack.indicators, {"disputes_handled": 128, "prev.disputes_handled": 110})
    assert text == "（128 − 110） ÷ 110 × 100"
