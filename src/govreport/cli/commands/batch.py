"""`govreport batch`: one report per unit from a county workbook, plus 汇总.xlsx."""
from __future__ import annotations

import sys
from pathlib import Path

from govreport.cli.argparse_zh import year_arg

EXIT_OK, EXIT_FINDINGS = 0, 1


def register(sub) -> None:
    from govreport.model.pack import DEFAULT_PACK
    p = sub.add_parser(
        "batch", help="按全县统计表为每个单位生成报告",
        description="由全县统计表（每列一个单位，或每个单位一张工作表）为每个单位生成报告，"
                    "并在输出目录写入汇总表（汇总.xlsx）。某个单位的数据有问题时只影响该单位。",
        epilog="退出码：0 全部完成；1 有单位未生成或报告需核对（见汇总表）；2 输入有误。")
    p.add_argument("--data", required=True, metavar="全县统计.xlsx",
                   help="全县统计表：表头为“指标 | 单位 | 翻江镇 | 邹桥乡 …”，或每个单位一张工作表")
    p.add_argument("--year", type=year_arg, metavar="年度", help="报告年度（默认：统计表标明的年度，否则上一年）")
    p.add_argument("--draft", metavar="通用草稿.json",
                   help="通用草稿：各单位沿用其文字，草稿中的单位名称换成各单位的名称"
                        "（文字中可用 {{ unit_name }}、{{ year }}）")
    p.add_argument("--template", metavar="模板", help=f"模板编号（无通用草稿时使用，默认 {DEFAULT_PACK}）")
    p.add_argument("--disable", metavar="检查编号,…",
                   help="不运行的审校检查（编号见 govreport check --list），如 length,stale-phrase")
    p.add_argument("--data-table", action="store_true",
                   help="每份报告后附“主要数据统计表”（作为附件，数据为该单位的数据）")
    p.add_argument("-o", "--output", required=True, metavar="输出目录",
                   help="报告和汇总表的保存目录（不存在时自动创建）")


def _print_progress(i: int, n: int, r) -> None:
    print(f"[{i}/{n}] {r.unit} ... {r.progress_text()}", flush=True)


def handle(args) -> int:
    from govreport.app.batch import STATUS_FAILED, run_batch
    result = run_batch(args.data, Path(args.output), year=args.year, draft=args.draft,
                       pack_id=args.template, disabled_checks=args.disable,
                       progress=_print_progress, data_table=args.data_table)
    failed = sum(1 for u in result.units if u.status == STATUS_FAILED)
    done = len(result.units) - failed
    for note in result.workbook.notes:
        print(f"提示\t{note}")
    line = f"已生成{done}份报告（{result.year}年度）"
    if failed:
        line += f"，{failed}个单位失败"
    print(f"{line}；汇总表：{result.summary}")
    if failed:
        print(f"有{failed}个单位未生成报告，原因见汇总表", file=sys.stderr)
    return EXIT_OK if result.all_good else EXIT_FINDINGS


HANDLERS = {"batch": handle}
