"""The sums a report's tables must satisfy (pack.toml [[balance]]), on the report's figures.

A table's own totals are formulas of the pack's indicators, so a workbook total that differs
from its parts is already pointed out when the figures are read; a balance relates rows that
are not one another's total, such as 一+二 = 三（七）+四 of the 政府信息公开 table.
"""
from __future__ import annotations

from govreport.checks.model import Emitter, ReportText
from govreport.checks.registry import check
from govreport.model.findings import ERROR
from govreport.text.numfmt import trim


@check("balance", "表格勾稽关系")
def balances(report: ReportText, emit: Emitter) -> None:
    figs = report.figures
    if figs is None:
        return
    indicators = report.pack.indicators
    for rule in report.pack.balances:
        for column, left, right in rule.per_column():
            sides = []
            for ids in (left, right):
                values = [figs.get(i).value if figs.get(i) is not None else None for i in ids]
                sides.append(None if any(v is None for v in values) else sum(values))
            if None in sides or abs(sides[0] - sides[1]) < 1e-6:
                continue
            names = ["＋".join(_short(indicators, i) for i in ids) for ids in (left, right)]
            emit.add(ERROR, f"{rule.name}不成立（{column}列）：{names[0]}为{trim(sides[0])}，"
                            f"{names[1]}为{trim(sides[1])}",
                     suggestion="核对统计表中这一列的各项数字", indicator=right[0])


def _short(indicators, fid: str) -> str:
    ind = indicators.get(fid)
    return ind.name.split("（")[0] if ind else fid
