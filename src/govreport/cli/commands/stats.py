"""`govreport stats show` and `govreport stats-template`: the statistics workbook.

    govreport stats-template -o 统计表.xlsx [--year 2024] [--unit 清溪镇] [--template ID]
    govreport stats show 统计表.xlsx [--year 2024] [--json] [--draft 草稿.json] [--template ID]

Exit codes: 0 read; 1 read, with warnings to look at; 2 bad input (nothing written).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from govreport.cli.argparse_zh import year_arg
from govreport.base.errors import InputError

EXIT_OK, EXIT_FINDINGS = 0, 1


def register(sub) -> None:
    from govreport.model.pack import DEFAULT_PACK
    t = sub.add_parser("stats-template", help="生成空白统计表（.xlsx）",
                       description="按模板的指标生成一份待填写的统计表：按主题分组，"
                                   "列为 指标|单位|本年|上年|口径说明，附填表说明。")
    t.add_argument("-o", "--output", required=True, metavar="统计表.xlsx", help="输出文件")
    t.add_argument("--year", type=year_arg, metavar="年度", help="报告年度（默认：上一年）")
    t.add_argument("--unit", metavar="单位", default="", help="写在表头标题中的单位名称，如 清溪镇")
    t.add_argument("--template", metavar="模板", help=f"模板编号（默认 {DEFAULT_PACK}）")

    s = sub.add_parser("stats", help="查看统计表的读取结果",
                       description="统计表相关操作。")
    ssub = s.add_subparsers(dest="stats_command", metavar="操作", parser_class=type(s))
    show = ssub.add_parser("show", help="显示从统计表读到的每项数据及其来源单元格",
                           description="读取统计表，列出每个指标的本年、上年数值、单位和来源单元格"
                                       "（如 普法!D7），以及未能对应到指标的行。")
    show.add_argument("workbook", metavar="统计表.xlsx", help="要读取的统计表")
    show.add_argument("--year", type=year_arg, metavar="年度",
                      help="哪一年作为“本年”（默认：表头中最新的年份）")
    show.add_argument("--json", action="store_true", help="以 JSON 输出（格式见 docs/statistics.md）")
    show.add_argument("--draft", metavar="草稿.json", help="使用草稿中为指标指定的单元格")
    show.add_argument("--template", metavar="模板", help=f"模板编号（默认 {DEFAULT_PACK}）")
    s.set_defaults(_stats_parser=s)


def _cmd_template(args) -> int:
    from govreport.model.draft import default_year
    from govreport.model.pack import DEFAULT_PACK, load_pack
    from govreport.statistics.template import write_template
    out = Path(args.output)
    if out.suffix.lower() != ".xlsx":
        raise InputError(f"统计表文件“{out.name}”应以 .xlsx 结尾", path=out)
    pack = load_pack(args.template or DEFAULT_PACK)
    year = args.year or default_year()
    write_template(pack, out, year, args.unit or "")
    n = sum(1 for i in pack.indicators if not i.derived)
    print(f"已生成统计表：{out}（{year}年，{n}项指标，填写说明见“填表说明”工作表）")
    return EXIT_OK


def _cmd_stats(args) -> int:
    if args.stats_command != "show":
        args._stats_parser.print_help()
        return 2
    from govreport.model.pack import DEFAULT_PACK, load_pack
    from govreport.statistics import import_workbook
    from govreport.statistics.summary import render_text, summarise
    bindings: dict[str, str] = {}
    template = args.template
    year = args.year
    if args.draft:
        from govreport.app.session import DraftSession
        d = DraftSession.open(args.draft).draft
        bindings = dict(d.bindings)
        template = template or d.template
    pack = load_pack(template or DEFAULT_PACK)
    result = import_workbook(Path(args.workbook), pack.indicators, year=year, bindings=bindings)
    summary = summarise(result, pack.indicators)
    if args.json:
        json.dump(summary.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(render_text(summary))
    return EXIT_FINDINGS if summary.needs_attention() else EXIT_OK


HANDLERS = {"stats-template": _cmd_template, "stats": _cmd_stats}
