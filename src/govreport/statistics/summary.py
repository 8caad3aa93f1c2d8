"""What an import found, for `govreport stats show` and the wizard: one dict, one text table.

The dict is the stable `stats show --json` format documented in docs/statistics.md:
{"indicators": {id: {"name", "value", "previous", "unit", "source", "match"}},
 "unmatched": [{"sheet", "cell", "label", "value"}], "warnings": [...]}.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from govreport.model.figures import FigureSet, resolve
from govreport.model.findings import WARNING, Finding, needs_attention
from govreport.model.indicators import Indicator, IndicatorSet
from govreport.text.numfmt import json_number, plain
from govreport.statistics.labels import DERIVED, HOW_NAMES
from govreport.statistics.reader import WorkbookImport

UNMATCHED_SHOWN = 50        # rows listed in the text table; --json lists them all


@dataclass
class Summary:
    result: WorkbookImport
    indicators: IndicatorSet
    figures: FigureSet

    @property
    def findings(self) -> list[Finding]:
        """Import warnings and derived-figure problems, as findings (for the exit code)."""
        return [Finding(WARNING, "workbook", w) for w in self.result.warnings] + \
            list(self.figures.findings)

    def needs_attention(self) -> bool:
        return needs_attention(self.findings)

    def warnings(self) -> list[str]:
        return list(self.result.warnings) + [f.message for f in self.figures.findings]

    def match_of(self, ind: Indicator) -> str | None:
        f = self.figures.get(ind.id)
        if f is not None and f.formula:
            return DERIVED
        m = self.result.matches.get(ind.id)
        return m.how if m else None

    def to_dict(self) -> dict:
        out = {}
        for ind in self.indicators:
            f = self.figures.get(ind.id)
            out[ind.id] = {
                "name": ind.name,
                "value": json_number(f.value) if f else None,
                "previous": json_number(f.previous) if f else None,
                "unit": "%" if ind.is_percent else ind.unit,
                "source": (f.source or None) if f else None,
                "match": self.match_of(ind),
            }
        return {"indicators": out,
                "unmatched": [u.to_dict() for u in self.result.unmatched],
                "warnings": self.warnings()}


def summarise(result: WorkbookImport, indicators: IndicatorSet) -> Summary:
    """The import with the pack's derived indicators computed (rates, year-on-year change)."""
    return Summary(result, indicators, resolve(indicators, result.figures))



# --- the text table ---------------------------------------------------------------------------

def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, n: int) -> str:
    return text + " " * max(0, n - width(text))


def _value(ind: Indicator, v: float | None) -> str:
    return "—" if v is None else plain(v, ind.type)


def _formula_text(ind: Indicator, indicators: IndicatorSet) -> str:
    from govreport.build.ledger import formula_in_words
    return formula_in_words(ind.formula or "", indicators)


def render_text(summary: Summary) -> str:
    r = summary.result
    lines = [f"统计表：{r.path.name}　本年：{r.year}年" if r.year else f"统计表：{r.path.name}"]
    if r.tables:
        lines.append("读取的表格：")
        for t in r.tables:
            cur = f"本年取{t.current}" if t.current else "没有本年数据列"
            prev = f"，上年取{t.previous}" if t.previous else ""
            lines.append(f"  {t.sheet}：第{t.header_row}行为表头，指标名称在{t.label_column}列，"
                         f"{cur}{prev}")
    if r.sheets_without_table:
        lines.append("没有找到表格的工作表：" + "、".join(r.sheets_without_table))
    rows = [("指标", "本年", "上年", "单位", "来源", "说明")]
    missing = []
    for ind in summary.indicators:
        f = summary.figures.get(ind.id)
        m = r.matches.get(ind.id)
        how = summary.match_of(ind)
        if f is None:
            missing.append(ind.name)
            continue
        notes = []
        if how == DERIVED:
            notes.append(_formula_text(ind, summary.indicators))
        elif how in ("synonym", "normalised") and m is not None:
            notes.append(f"{HOW_NAMES[how]}：表中为“{m.label}”")
        elif how == "bound":
            notes.append(HOW_NAMES[how])
        if m is not None and m.note:
            notes.append(m.note)
        if m is not None and m.problem:
            notes.append("未读到数字")
        unit = "%" if ind.is_percent else ind.unit
        rows.append((ind.name, _value(ind, f.value), _value(ind, f.previous), unit,
                     f.source or "", "；".join(notes)))
    widths = [max(width(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        lines.append(("  ".join(pad(row[i], widths[i]) for i in range(5)) + "  " + row[5]).rstrip())
    if missing:
        lines.append(f"未找到（{len(missing)}项）：" + "、".join(missing))
    if r.unmatched:
        lines.append(f"未能对应到指标的行（{len(r.unmatched)}行；可在向导中把指标指定到这些单元格）：")
        for u in r.unmatched[:UNMATCHED_SHOWN]:
            value = "—" if u.value is None else str(u.value)
            lines.append(f"  {u.sheet}!{u.cell}　“{u.label}”　{value}")
        if len(r.unmatched) > UNMATCHED_SHOWN:
            lines.append(f"  ……另有{len(r.unmatched) - UNMATCHED_SHOWN}行（用 --json 查看全部）")
    warnings = summary.warnings()
    if warnings:
        lines.append(f"请注意（{len(warnings)}条）：")
        lines += [f"  {w}" for w in warnings]
    return "\n".join(lines)
