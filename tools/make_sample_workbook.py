#!/usr/bin/env python3
"""Regenerate resources/sample/清溪镇2024年法治政府建设统计表.xlsx.

清溪镇 is a fictional town. The workbook is shaped like the ones township offices keep:
a merged title row, a 填报 line, 序号/指标/单位/2024年/2023年/备注 columns, one sheet per
theme, percentages as cell formats. Run: python tools/make_sample_workbook.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "sample" / "清溪镇2024年法治政府建设统计表.xlsx"

# (label as the office writes it, unit, 2024, 2023, remark); floats < 1.5 with unit % are
# stored as fractions in percentage-formatted cells, the way Excel users enter them.
SHEETS = {
    "组织与学法": [
        ("党委会研究法治建设次数", "次", 6, 5, "含政府常务会议"),
        ("研究解决法治建设重点问题数", "项", 9, 7, ""),
        ("主要负责人带队调处矛盾纠纷次数", "次", 8, 6, "书记、镇长合计"),
        ("中心组学法次数", "次", 12, 10, ""),
        ("会前学法次数", "次", 18, 15, ""),
        ("法治讲座培训场次", "场", 7, 5, "含旁听庭审2场"),
        ("法治培训参训人次", "人次", 436, 350, ""),
        ("学法考试应参考人数", "人", 128, 121, ""),
        ("学法考试实际参考人数", "人", 128, 120, ""),
        ("学法考试合格率", "%", 1.0, 1.0, ""),
    ],
    "普法与法律服务": [
        ("法治宣传活动场次", "场次", 26, 21, "进村（社区）、进校园、进企业"),
        ("受教育群众人次", "人次", 8650, 7200, ""),
        ("发放宣传资料份数", "份", 5320, 4800, ""),
        ("悬挂横幅张贴标语条数", "条", 64, 58, ""),
        ("解答法律咨询人次", "人次", 312, 280, ""),
        ("微信公众号发布信息条数", "条", 86, 70, "普法类"),
        ("政府法律顾问人数", "名", 2, 1, ""),
        ("村（社区）法律顾问覆盖率", "%", 1.0, 1.0, "14个村（社区）"),
        ("法律顾问服务次数", "次", 57, 44, ""),
        ("法律援助案件数", "件", 11, 9, ""),
    ],
    "执法与决策": [
        ("重大行政决策合法性审查件数", "件", 5, 4, ""),
        ("合同合法性审查份数", "份", 23, 19, ""),
        ("行政规范性文件审核件数", "件", 2, 1, ""),
        ("行政执法人员数", "名", 12, 10, "综合行政执法队"),
        ("持证执法人员数", "名", 12, 9, ""),
        ("联合执法次数", "次", 34, 28, ""),
        ("查处违法案件数", "起", 47, 39, ""),
        ("执法人员培训场次", "场", 6, 4, ""),
        ("应急演练次数", "次", 9, 8, ""),
    ],
    "矛盾纠纷与信访": [
        ("矛盾纠纷排查次数", "次", 48, 40, "每月不少于4次"),
        ("调处矛盾纠纷件数", "起", 128, 110, ""),
        ("调解成功件数", "起", 125, 106, ""),
        ("人民调解委员会个数", "个", 15, 15, "镇1个、村（社区）14个"),
        ("人民调解员人数", "名", 62, 58, ""),
        ("受理信访件数", "件", 41, 47, ""),
        ("信访办结件数", "件", 41, 46, ""),
        ("社区矫正对象人数", "名", 9, 11, "在册"),
        ("网格数", "个", 86, 86, ""),
        ("网格员人数", "名", 92, 88, "专职52名、兼职40名"),
        ("网格事件办结率", "%", 0.987, 0.972, ""),
    ],
    "政务公开与热线": [
        ("主动公开政府信息条数", "条", 153, 131, ""),
        ("便民服务事项办件数", "件", 3860, 3512, ""),
        ("办理人大代表建议件数", "件", 6, 5, ""),
        ("12345热线受理工单数", "件", 1246, 1108, ""),
        ("12345热线办结工单数", "件", 1213, 1071, ""),
        ("12345热线群众满意率", "%", 0.9652, 0.951, ""),
        ("行政复议案件数", "件", 1, 0, ""),
        ("行政诉讼案件数", "件", 2, 1, ""),
        ("行政诉讼败诉案件数", "件", 0, 0, ""),
        ("行政机关负责人出庭应诉率", "%", 1.0, 1.0, ""),
    ],
}

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def build(out: Path = OUT) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in SHEETS.items():
        ws = wb.create_sheet(name)
        ws.merge_cells("A1:F1")
        ws["A1"] = f"清溪镇2024年法治政府建设统计表（{name}）"
        ws["A1"].font = Font(name="黑体", size=14, bold=True)
        ws["A1"].alignment = Alignment(horizontal="center")
        ws.merge_cells("A2:F2")
        ws["A2"] = "填报单位：清溪镇党政综合办公室　　　　填报日期：2025年1月8日"
        for col, text in enumerate(["序号", "指标", "单位", "2024年", "2023年", "备注"], 1):
            c = ws.cell(3, col, text)
            c.font = Font(bold=True)
            c.border = BOX
            c.alignment = Alignment(horizontal="center")
        for i, (label, unit, cur, prev, remark) in enumerate(rows, 1):
            r = 3 + i
            values = [i, label, unit, cur, prev, remark]
            for col, v in enumerate(values, 1):
                c = ws.cell(r, col, v)
                c.border = BOX
                if unit == "%" and col in (4, 5):
                    c.number_format = "0.00%"
        ws.column_dimensions["A"].width = 6
        ws.column_dimensions["B"].width = 34
        ws.column_dimensions["C"].width = 7
        ws.column_dimensions["D"].width = 11
        ws.column_dimensions["E"].width = 11
        ws.column_dimensions["F"].width = 26
        ws.freeze_panes = "A4"
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
