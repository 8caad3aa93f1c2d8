"""The sums a report's tables must satisfy (pack.toml [[balance]]), on the report's figures.

A table's own totals are formulas of the pack's indicators, so a workbook total that differs
from its parts is already pointed out when the figures are read; a balance relates rows that
are not one another's total, such as 一+二 = 三（七）+四 of the 政府信息公开 table. The rule is
the pack's (model.pack.Balance); a draft's build reports the same finding (build.compose).
"""
from __future__ import annotations

from govreport.checks.model import Emitter, ReportText
from govreport.checks.registry import check
from govreport.model.findings import ERROR

SUGGESTION = "核对统计表中这一列的各项数字"


@check("balance", "表格勾稽关系")
def balances(report: ReportText, emit: Emitter) -> None:
    figs = report.figures
    if figs is None:
        return
    for rule in report.pack.balances:
        for message, indicator in rule.messages(report.pack.indicators, figs):
            emit.add(ERROR, message, suggestion=SUGGESTION, indicator=indicator)
