#!/usr/bin/env python3
"""Regenerate resources/sample/青石镇2025年政府信息公开工作统计表.xlsx, the example of the
政府信息公开工作年度报告 pack: the pack's own blank statistics workbook (stats-template),
filled in for 青石镇 (fictional) with figures whose table sums hold.

    python3 tools/make_xinxi_sample.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

OUT = ROOT / "resources" / "sample" / "青石镇2025年政府信息公开工作统计表.xlsx"

# indicator id -> value for 2025; every other cell of the tables is 0
VALUES = {
    "a_norms_made": 3, "a_norms_repealed": 1, "a_norms_valid": 12, "a_license": 45,
    "a_penalty": 8, "a_fees": 0,
    "b_new_nat": 12, "b_new_biz": 3, "b_new_law": 1, "b_carried_nat": 1,
    "b_open_nat": 6, "b_open_biz": 2, "b_open_law": 1, "b_partial_nat": 2,
    "b_deny_third_nat": 1, "b_none_unheld_nat": 2, "b_none_unheld_biz": 1,
    "b_refuse_repeat_nat": 1, "b_forward_nat": 1,
    "c_review_kept": 1,
}


def main() -> None:
    import openpyxl

    from govreport.model.pack import load_pack
    from govreport.statistics.template import write_template
    pack = load_pack("xinxi-gongkai")
    write_template(pack, OUT, 2025, "青石镇")
    wb = openpyxl.load_workbook(OUT)
    ws = wb.worksheets[0]
    by_name = {i.name: i for i in pack.indicators if not i.derived}
    for row in ws.iter_rows(min_row=1):
        ind = by_name.get(row[0].value)
        if ind is not None:
            row[2].value = VALUES.get(ind.id, 0)
    wb.save(OUT)
    print(f"written: {OUT}")


if __name__ == "__main__":
    main()
