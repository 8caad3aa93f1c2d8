"""A clean statistics workbook to fill in, made from a pack's indicators (stats-template).

One sheet 统计表 with the indicators grouped by theme (指标 | 单位 | 本年 | 上年 | 口径说明), a
frozen header, number validation on the value cells, and an instructions sheet 填表说明.
Derived indicators (rates computed from other figures) are left out: the tool computes them.
"""
from __future__ import annotations

from pathlib import Path

from govreport.base.atomic import write_atomic
from govreport.model.pack import TemplatePack
from govreport.text.numfmt import chinese

DATA_SHEET = "统计表"
HELP_SHEET = "填表说明"
HEADERS = ("指标", "单位", "本年（{year}年）", "上年（{prev}年）", "口径说明")


def instructions(year: int, derived: list[str], report_name: str) -> list[str]:
    lines = [
        f"本表供填写{year}年度{report_name}所需的统计数据，由 govreport 生成。",
        f"1. 在“{DATA_SHEET}”工作表中填写：“本年”列填{year}年全年数据，“上年”列填{year - 1}年数据"
        f"（用于写同比，没有可不填）。",
        "2. 只填数字，不要带单位或文字；确实只有约数时可写“5000余”，导入时按5000读取并提示。",
        "3. 单位为“%”的比率按百分数填写，例如 93.84%；这些单元格已设为百分比格式，在 Excel、WPS 中"
        "直接输入 93.84 即可。",
        "4. 没有的数据请留空，不要填0；确实为0的填0。留空的数据在报告中会标为【缺：指标名称】。",
        "5. 不要修改“指标”列的名称，不要删除或改动表头行；可以在表格下方或右侧加备注。",
        "6. 用公式计算的单元格，请在 Excel 或 WPS 中保存一次再导入，以便文件中保存计算结果。",
        "7. 填好后保存为 Excel 工作簿（.xlsx），不要另存为 .xls 或 WPS 的 .et 格式。",
        "8. 导入前可运行 govreport stats show 统计表.xlsx 查看每项数据的读取结果和来源单元格。",
    ]
    if derived:
        lines.append("9. 以下比率由工具按公式自动计算，无需填写：" + "；".join(derived) + "。")
    return lines


def build_workbook(pack: TemplatePack, year: int, unit: str = ""):
    """The workbook for the pack's indicators, titled with its statistics name."""
    indicators = pack.indicators
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from govreport.build.ledger import formula_in_words
    from govreport.build.xlsx_style import header_row, title_row

    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    ncols = len(HEADERS)
    title_row(ws, f"{unit}{year}年{pack.statistics_name}", ncols, size=16)
    ws.row_dimensions[1].height = 30
    box = header_row(ws, [h.format(year=year, prev=year - 1) for h in HEADERS])

    counts = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                            allow_blank=True, showErrorMessage=True, errorTitle="请填写数字",
                            error="请填写不小于0的数字，不要带单位或文字；没有的数据请留空。",
                            showInputMessage=True, promptTitle="填写数字", prompt="只填数字，没有请留空")
    whole = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                           allow_blank=True, showErrorMessage=True, errorTitle="请填写整数",
                           error="请填写不小于0的整数，不要带单位或文字；没有的数据请留空。",
                           showInputMessage=True, promptTitle="填写整数", prompt="只填整数，没有请留空")
    rates = DataValidation(type="decimal", operator="between", formula1="0", formula2="1",
                           allow_blank=True, showErrorMessage=True, errorTitle="请填写百分数",
                           error="请填写0%～100%之间的百分数，例如 93.84%。",
                           showInputMessage=True, promptTitle="填写百分数", prompt="例如 93.84%")
    for dv in (counts, whole, rates):
        ws.add_data_validation(dv)

    derived = []
    n_theme = 0
    for theme in indicators.themes():
        items = [i for i in indicators if i.theme == theme and not i.derived]
        derived += [f"{i.name}（{formula_in_words(i.formula, indicators)}）"
                    for i in indicators if i.theme == theme and i.derived]
        if not items:
            continue
        n_theme += 1
        ws.append([f"{chinese(n_theme)}、{theme or '其他'}"])
        r = ws.max_row
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        ws.cell(r, 1).font = Font(bold=True)
        ws.cell(r, 1).fill = PatternFill("solid", fgColor="F2F2F2")
        for ind in items:
            ws.append([ind.name, ind.unit, None, None, ind.note])
            r = ws.max_row
            for col in range(1, ncols + 1):
                ws.cell(r, col).border = box
            ws.cell(r, 5).alignment = Alignment(wrap_text=True, vertical="top")
            for col in (3, 4):
                cell = ws.cell(r, col)
                if ind.is_percent:
                    cell.number_format = "0.00%"
                    rates.add(cell)
                elif ind.type == "int":
                    whole.add(cell)
                else:
                    counts.add(cell)
    for letter, w in zip("ABCDE", (34, 8, 14, 14, 48)):
        ws.column_dimensions[letter].width = w
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"

    help_ws = wb.create_sheet(HELP_SHEET)
    help_ws.column_dimensions["A"].width = 110
    help_ws.append(["填表说明"])
    help_ws["A1"].font = Font(name="黑体", size=14, bold=True)
    for line in instructions(year, derived, pack.report_name):
        help_ws.append([line])
        help_ws.cell(help_ws.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    wb.active = 0
    return wb


def write_template(pack: TemplatePack, path: Path | str, year: int, unit: str = "") -> Path:
    """Write the workbook atomically (an open or read-only target raises OutputLockedError)."""
    path = Path(path)
    from govreport.build.xlsx_style import text_only
    wb = build_workbook(pack, year, unit)
    text_only(wb)
    write_atomic(path, lambda tmp: wb.save(tmp))
    return path
