#!/usr/bin/env python3
"""Regenerate the realistic, messy statistics workbooks the import tests read.

    .venv/bin/python tests/data/make_messy_workbooks.py

The towns and figures are made up; the shapes are those of workbooks offices keep:

- 司法所月报_2024年12月.xlsx: a 司法所 monthly summary. Merged title and 填报 lines, a
  two-row header (2024年 over 本月 | 累计, 2023年 over 累计, a 同比 column), a 类别 column
  merged down over its items, labels with units in brackets and numbering, numbers typed as
  text ("1,234", full-width digits, "5000余"), a SUM formula, a total row, a label that
  fits two indicators, and a 上月 column that must not be read as last year.
- 综治中心台账_2024.xlsx: a 综治 sheet with 今年/去年 columns (the year only in the title),
  rates typed as "98.5%", as fractions in plain cells and in percentage cells, a formula that
  divides by zero (#DIV/0!), a second table lower on the same sheet with 2024年/2023年
  columns, a hidden sheet, and a notes sheet without a table.

Formulas carry cached results, as in a file Excel or WPS saved (openpyxl cannot compute
them; tests/xlsxfix.py stores the results given here the way Excel does).
"""
from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from xlsxfix import cache_results  # noqa: E402
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _boxed(ws, first_row: int, last_row: int, ncols: int) -> None:
    for r in range(first_row, last_row + 1):
        for c in range(1, ncols + 1):
            ws.cell(r, c).border = BOX


def sifasuo(path: Path) -> dict:
    wb = Workbook()
    ws = wb.active
    ws.title = "12月汇总"
    ws.merge_cells("A1:I1")
    ws["A1"] = "柳塘镇司法所2024年12月工作情况统计表"
    ws["A1"].font = Font(name="黑体", size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A2:I2")
    ws["A2"] = "填报单位（盖章）：柳塘镇司法所　　　　填报人：周某　　　　填报时间：2025年1月3日"
    # two header rows: years over 本月/累计
    head1 = ["类别", "工作项目", "计量单位", "2024年", None, "2023年", "上月", "同比增减(%)", "备注"]
    head2 = [None, None, None, "本月", "累计", "累计", None, None, None]
    for col, (a, b) in enumerate(zip(head1, head2), 1):
        ws.cell(3, col, a)
        ws.cell(4, col, b)
    for rng in ("A3:A4", "B3:B4", "C3:C4", "D3:E3", "G3:G4", "H3:H4", "I3:I4"):
        ws.merge_cells(rng)
    rows = [
        # 类别, 工作项目, 单位, 本月, 累计(2024), 累计(2023), 上月, 同比, 备注
        ("人民调解", "1.排查矛盾纠纷（次）", "次", 4, 48, 41, 4, None, ""),
        (None, "2.受理调解纠纷件数", "件", 9, 131, "110", 12, None, "含村调委会"),
        (None, "3.调解成功数", "件", 9, "１２７", 106, 11, None, ""),
        (None, "4.人民调解员（名）", "名", None, 63, 58, None, None, "年末数"),
        ("法律服务", "5.法律援助案件", "件", 1, 13, 9, 2, None, ""),
        (None, "6.解答群众法律咨询（人次）", "人次", 27, "1,234", 980, 30, None, ""),
        (None, "7.法治培训（次）", "次", 1, 9, 7, 0, None, "不清楚是场次还是人次"),
        ("社区矫正", "8.在册社区矫正对象", "名", 9, 9, 11, 9, None, "月末在册"),
        ("普法宣传", "9.开展法治宣传活动（场次）", "场次", 3, 31, 25, 2, None, ""),
        (None, "10.发放宣传资料（份）", "份", 400, "5000余", "4,200", 380, None, ""),
        (None, "11.受教育群众（人次）", "人次", 900, None, 9100, 850, None, "=合计见下"),
        ("合计", None, None, None, None, None, None, None, ""),
    ]
    first = 5
    for i, row in enumerate(rows):
        r = first + i
        for col, v in enumerate(row, 1):
            if v is not None and v != "":
                ws.cell(r, col, v)
    results: dict[str, object] = {}
    # 受教育群众 累计 = the sum of the months, kept to the right of the table
    months = [700, 650, 800, 900, 1000, 700, 600, 1100, 1200, 1300, 1150, 900]
    ws.cell(first + 10, 5, "=SUM(K15:V15)")
    results["E15"] = sum(months)
    for k, v in enumerate(months):
        ws.cell(first + 10, 11 + k, v)
    # the total row: a formula over the counts above (SUM skips numbers typed as text)
    ws.cell(first + 11, 5, f"=SUM(E{first}:E{first + 10})")
    results[f"E{first + 11}"] = sum(r[4] for r in rows[:10] if type(r[4]) is int) + sum(months)
    for i, row in enumerate(rows[:11]):
        r = first + i
        cur = sum(months) if i == 10 else row[4]
        if type(cur) is int and type(row[5]) is int:
            ws.cell(r, 8, f'=IF(F{r}=0,"",ROUND((E{r}-F{r})/F{r}*100,1))')
            results[f"H{r}"] = round((cur - row[5]) / row[5] * 100, 1)
    ws.merge_cells(f"A{first}:A{first + 3}")
    ws.merge_cells(f"A{first + 4}:A{first + 6}")
    ws.merge_cells(f"A{first + 8}:A{first + 10}")
    _boxed(ws, 3, first + 11, 9)
    last = first + 13
    ws.cell(last, 1, "注：1.累计数为1-12月合计；2.调解成功数不含未结案件。")
    ws.cell(last + 1, 1, "审核人：李某　　　　　　制表人：周某")
    for letter, w in zip("ABCDEFGHI", (10, 28, 9, 8, 8, 10, 8, 12, 16)):
        ws.column_dimensions[letter].width = w
    wb.save(path)
    return {ws.title: results}


def zongzhi(path: Path) -> dict:
    wb = Workbook()
    ws = wb.active
    ws.title = "综治工作"
    ws.merge_cells("A1:F1")
    ws["A1"] = "石门乡2024年度综治中心工作情况统计"
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["序号", "指标名称", "单位", "今年", "去年", "说明"])
    data = [
        (1, "网格总数", "个", 64, 64, ""),
        (2, "配备网格员人数", "名", 71, 66, "专职40名"),
        (3, "网格事件处置率", "%", 0.962, 0.95, "填成了小数"),
        (4, "矛盾纠纷化解率", "%", "98.5%", "97%", ""),
        (5, "开展矛盾纠纷排查", "次", 52, 48, ""),
        (6, "12345工单数", "件", 880, 812, ""),
        (7, "热线满意率", "%", 0.9731, 0.961, "百分比格式"),
        (8, "应急预案演练次数", "次", 6, 5, ""),
        (9, "平安建设宣传覆盖率", "%", None, None, "公式：分母为0"),
        (10, "覆盖户数", "户", 0, 0, ""),
    ]
    for row in data:
        ws.append(list(row))
    ws["D5"].number_format = ws["E5"].number_format = "General"
    ws["D9"].number_format = ws["E9"].number_format = "0.00%"
    ws["D11"] = "=D12/D12"          # #DIV/0! once computed
    ws["E11"] = "=E12/E12"
    _boxed(ws, 2, 12, 6)
    # a second table lower on the sheet, years in its header
    ws["A15"] = "二、信访工作"
    ws["A15"].font = Font(bold=True)
    ws.append([])
    ws["A16"], ws["B16"], ws["C16"], ws["D16"], ws["E16"] = "序号", "项目", "单位", "2024年", "2023年"
    ws.append([1, "受理群众来信来访件数", "件", "=D18+D19", "=E18+E19"])
    ws.append([None, "其中：来信", "件", 12, 15])
    ws.append([None, "　　　来访", "件", 27, 31])
    ws.append([2, "信访办结数", "件", 38, 45])
    ws.append([3, "信访事项办结率", "%", "=D20/D17", "=E20/E17"])
    ws["D21"].number_format = ws["E21"].number_format = "0.0%"
    _boxed(ws, 16, 21, 5)
    for letter, w in zip("ABCDEF", (6, 26, 6, 10, 10, 16)):
        ws.column_dimensions[letter].width = w

    hidden = wb.create_sheet("原始数据")
    hidden.append(["项目", "本年"])
    hidden.append(["网格数", 999])
    hidden.sheet_state = "hidden"

    notes = wb.create_sheet("说明")
    notes["A1"] = "本台账由综治中心每季度更新，数据截至2024年12月31日。"
    notes["A2"] = "比率类指标以百分数填写。"
    wb.save(path)
    return {ws.title: {"D11": "#DIV/0!", "E11": "#DIV/0!", "D17": 12 + 27, "E17": 15 + 31,
                       "D21": 38 / 39, "E21": 45 / 46}}


def main() -> None:
    for name, make in (("司法所月报_2024年12月.xlsx", sifasuo), ("综治中心台账_2024.xlsx", zongzhi)):
        path = HERE / name
        cache_results(path, make(path))
        print(path)


if __name__ == "__main__":
    main()
