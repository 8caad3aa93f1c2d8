"""The figure ledger (数据核对表): every figure the report cites, where it came from.

`govreport build --ledger` writes <report>.核对表.xlsx beside the report. One row per figure
cited in the text: the section, the sentence holding it, the indicator, the figure as printed,
the raw value, its source cell (or 手工录入 / 公式计算) and, for a derived figure, the formula
with the numbers filled in, so a reviewer can check each number against the workbook.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

from govreport.text import numfmt
from govreport.base.atomic import write_atomic
from govreport.model.document import Table
from govreport.model.figures import SOURCE_FORMULA, SOURCE_TYPED, Figure
from govreport.model.indicators import Indicator, IndicatorSet
from govreport.model.pack import load_pack, section_short_name
from govreport.wording import GAP_RE

SUFFIX = ".核对表.xlsx"
HEADERS = ("序号", "部分", "所在句子", "指标", "报告中写作", "原始数值", "上年数值", "来源", "计算公式", "核对")
_SENTENCE_END = re.compile(r"(?<=[。！？；])")
_OPS = {ast.Add: "+", ast.Sub: "−", ast.Mult: "×", ast.Div: "÷"}


def ledger_path(report: Path | str) -> Path:
    """报告.docx -> 报告.核对表.xlsx, in the same folder."""
    report = Path(report)
    return report.with_name(report.stem + SUFFIX)


def formula_in_words(formula: str, indicators: IndicatorSet,
                     values: dict[str, float | None] | None = None) -> str:
    """'exam_taken / exam_expected * 100' -> '学法考试实际参考人数 ÷ 学法考试应参考人数 × 100';
    with values, the numbers instead of the names."""
    try:
        tree = ast.parse(formula, mode="eval").body
    except SyntaxError:
        return formula

    def name(fid: str, prev: bool) -> str:
        if values is not None:
            v = values.get(("prev." if prev else "") + fid)
            return "?" if v is None else numfmt.trim(v, 4)
        ind = indicators.get(fid)
        label = ind.name if ind else fid
        return f"上年{label}" if prev else label

    def walk(node, parent_prec: int = 0) -> str:
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            prec = 1 if isinstance(node.op, (ast.Add, ast.Sub)) else 2
            text = f"{walk(node.left, prec)} {_OPS[type(node.op)]} {walk(node.right, prec + 1)}"
            return f"（{text}）" if prec < parent_prec else text
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id == "prev":
            return name(node.attr, True)
        if isinstance(node, ast.Name):
            return name(node.id, False)
        if isinstance(node, ast.Constant):
            return numfmt.trim(float(node.value), 4)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return "−" + walk(node.operand, 3)
        return ast.unparse(node)

    return walk(tree)


def printed_forms(ind: Indicator, fig: Figure | None) -> list[list[str]]:
    """The ways the wording may have printed a figure, in tiers tried in turn.

    A number with its measure word ("128起") comes before the bare number, and the bare number
    before Chinese numerals and last year's value, so that a figure is found where the text
    cites it rather than in another number that happens to be equal.
    """
    if fig is None or fig.value is None:
        return [[f"【缺：{ind.name}】", f"【缺：{ind.name}（上年）】"]]
    v = fig.value
    unit = "" if ind.is_percent else ind.unit
    numbers = [numfmt.plain(v, ind.type), numfmt.approx(v)]
    first = []
    if fig.previous not in (None, 0):
        first.append(numfmt.yoy(v, fig.previous))
    if unit:
        first += [n + unit for n in numbers]
        bare = numbers
    else:
        first += numbers + [numfmt.percent(v), numfmt.at_least(v)]
        bare = []
    last = []
    if float(v).is_integer() and 0 < v < 100 and unit:
        last.append(numfmt.chinese(int(v)) + unit)
    if fig.previous is not None:
        last.append(numfmt.plain(fig.previous, ind.type) + unit)
    return [list(dict.fromkeys(t)) for t in (first, bare, last) if t]


def _find(text: str, form: str) -> tuple[int, int] | None:
    """Where `form` stands as a whole figure in text (not inside a longer number)."""
    pattern = re.escape(form)
    if form[:1].isdigit():
        pattern = r"(?<![\d.])" + pattern
    if form[-1:].isdigit():
        pattern += r"(?![\d.]|%)"
    m = re.search(pattern, text)
    return m.span() if m else None


def find_printed(text: str, ind: Indicator, fig: Figure | None) -> tuple[list[str], int]:
    """The forms of a figure found in a paragraph (no two overlapping) and where the first is."""
    for forms in printed_forms(ind, fig):
        found: list[tuple[int, int, str]] = []
        for form in forms:
            span = _find(text, form)
            if span and not any(a < span[1] and span[0] < b for a, b, _ in found):
                found.append((*span, form))
        if found:
            found.sort()
            return [f for _, _, f in found], found[0][0]
    return [], -1


def sentence_at(text: str, pos: int) -> str:
    start = 0
    for part in _SENTENCE_END.split(text):
        if start <= pos < start + len(part):
            return part.strip()
        start += len(part)
    return text.strip()


def _table_rows(table: Table) -> str:
    """A body table as the ledger quotes it: one "sentence" per row, named by the caption."""
    name = table.caption or "表格"
    return "".join(f"{name}：{' '.join(c.text for c in row)}；" for row in table.rows)


def ledger_rows(compiled, draft) -> list[tuple]:
    """One row per citation: (部分, 句子, 指标, 写作, 数值, 上年, 来源, 公式)."""
    pack = load_pack(draft.template)
    indicators = pack.indicators
    figures = compiled.figures
    paras: dict[tuple[str, int], list[str]] = {}
    for p in compiled.document.body:
        if p.section is not None and p.block is not None:
            text = _table_rows(p) if isinstance(p, Table) else p.text
            paras.setdefault((p.section, p.block), []).append(text)
    rows = []
    for c in compiled.citations:
        ind = indicators.get(c.indicator)
        if ind is None:
            continue
        fig = figures.get(c.indicator) if figures is not None else None
        text = "".join(paras.get((c.section, c.block), []))
        forms, pos = find_printed(text, ind, fig)
        printed = "；".join(forms)
        sentence = sentence_at(text, pos) if pos >= 0 else ""
        if not sentence:
            gap = next((m for m in GAP_RE.finditer(text) if m.group(1).startswith(ind.name)), None)
            if gap:
                printed, sentence = gap.group(0), sentence_at(text, gap.start())
            else:
                sentence = text[:120]
        if fig is None or fig.value is None:
            source = "缺数据"
        elif fig.typed:
            source = SOURCE_TYPED
        else:
            source = fig.source or SOURCE_TYPED
        formula = ""
        if fig is not None and fig.formula and source == SOURCE_FORMULA:
            cur, prev = ind.inputs()
            values: dict[str, float | None] = {}
            for i in cur:
                f = figures.get(i)
                values[i] = None if f is None else f.value
            for i in prev:
                f = figures.get(i)
                values["prev." + i] = None if f is None else f.previous
            formula = (f"{formula_in_words(fig.formula, indicators)}"
                       f" = {formula_in_words(fig.formula, indicators, values)}")
        rows.append((section_short_name(c.section, draft.template), sentence, ind.name, printed,
                     _raw(fig.value if fig else None), _raw(fig.previous if fig else None),
                     source, formula))
    return rows


def _raw(v: float | None):
    if v is None:
        return None
    v = round(float(v), 4)
    return int(v) if v.is_integer() else v


def write_ledger(compiled, draft, path: Path | str) -> Path:
    """Write the ledger workbook atomically; a locked target raises OutputLockedError."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    from govreport.build.xlsx_style import header_row, text_only, title_row

    path = Path(path)
    rows = ledger_rows(compiled, draft)
    wb = Workbook()
    ws = wb.active
    ws.title = "数据核对表"
    stem = load_pack(draft.template).output_stem(draft.unit, draft.year)
    title_row(ws, f"{stem} 数据核对表", len(HEADERS))
    source = (draft.workbook or {}).get("path")
    ws.append([f"数据来源：{Path(source).name if source else '未导入统计表'}　"
               f"共引用数据{len(rows)}处；请逐项与统计表核对，在“核对”列打“√”"])
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADERS))
    box = header_row(ws, list(HEADERS), border_color="999999")
    for n, row in enumerate(rows, 1):
        ws.append([n, *row, ""])
        for cell in ws[ws.max_row]:
            cell.border = box
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    for letter, w in zip("ABCDEFGHIJ", (6, 14, 60, 26, 14, 11, 11, 18, 40, 8)):
        ws.column_dimensions[letter].width = w
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{chr(ord('A') + len(HEADERS) - 1)}{max(3, ws.max_row)}"
    text_only(wb)
    write_atomic(path, lambda tmp: wb.save(tmp))
    return path
