"""Command line: `govreport` opens the wizard; `govreport build|new|...` work without Qt.

Exit codes: 0 done; 1 done, with findings the user must see; 2 bad input or usage.
"""
from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from govreport import __version__
from govreport.base.errors import InputError

if TYPE_CHECKING:
    from govreport.model.findings import Finding

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


def print_findings(findings: list[Finding], stream=None, pack_id: str | None = None) -> None:
    from govreport.model.findings import sort_key, where
    stream = stream or sys.stdout
    for f in sorted(findings, key=sort_key):
        line = f"{f.level_name}\t{where(f, pack_id)}\t{f.message}"
        if f.suggestion:
            line += f"\t建议：{f.suggestion}"
        print(line, file=stream)


def _parser():
    from govreport.cli.argparse_zh import Parser, year_arg
    from govreport.model.pack import DEFAULT_PACK, load_pack
    report = load_pack().report_name
    p = Parser(prog="govreport", description=f"{report}写作工具：不带参数运行时打开向导。")
    p.add_argument("--version", action="version", version=f"govreport {__version__}",
                   help="显示版本号并退出")
    sub = p.add_subparsers(dest="command", metavar="命令", parser_class=Parser)

    b = sub.add_parser("build", help="生成报告 .docx",
                       description="由统计表和草稿生成符合 GB/T 9704-2012 的报告（.docx）。")
    src = b.add_mutually_exclusive_group()
    src.add_argument("--demo", action="store_true", help="用内置示例统计表和默认文字生成示例报告")
    src.add_argument("--draft", metavar="草稿.json", help="草稿文件")
    b.add_argument("--data", metavar="统计表.xlsx", help="年度统计表；与草稿同用时以统计表数据为准")
    b.add_argument("--template", metavar="模板", help=f"模板编号（默认 {DEFAULT_PACK}）")
    b.add_argument("--unit", metavar="单位", help="单位名称（无草稿时使用）")
    b.add_argument("--year", type=year_arg, metavar="年度",
                   help="报告年度（默认：草稿的年度；无草稿时为统计表标明的年度，否则上一年）")
    b.add_argument("--fonts", metavar="字体方案",
                   help="windows-gb2312（默认）、windows-builtin、xinchuang-gbk")
    b.add_argument("--variant", choices=["public", "submitted"],
                   help="public：公开件（默认）；submitted：上报件（带版头、版记）")
    b.add_argument("--ledger", action="store_true", help="同时生成数据核对表（.核对表.xlsx）")
    b.add_argument("--data-table", action="store_true",
                   help="在报告后附“主要数据统计表”（作为附件，数据取自统计表）")
    b.add_argument("-o", "--output", metavar="报告.docx", help=f"输出文件（默认：<单位><年度>年{report}.docx）")

    n = sub.add_parser("new", help="新建草稿（默认文字）",
                       description="新建一份草稿文件，各部分为模板的默认文字。")
    n.add_argument("--unit", required=True, metavar="单位", help="单位名称，如 翻江镇")
    n.add_argument("--year", type=year_arg, metavar="年度",
                   help="报告年度（默认：统计表标明的年度，否则上一年）")
    n.add_argument("--template", metavar="模板", help=f"模板编号（默认 {DEFAULT_PACK}）")
    n.add_argument("--data", metavar="统计表.xlsx", help="同时读入统计表数据")
    n.add_argument("-o", "--output", required=True, metavar="草稿.json", help="草稿文件")

    from govreport.cli import commands
    p.set_defaults(_extra_handlers=commands.register(sub))
    return p


def _session_for_build(args):
    """The draft `build` works on, and what was said while getting it."""
    from govreport.app.session import DraftSession
    if args.demo:
        return DraftSession.demo(args.template), []
    if args.draft:
        session = DraftSession.open(args.draft)
        if args.year:
            session.draft.year = args.year       # the report year asked for, over the draft's
        findings = session.apply_workbook(args.data, args.year) if args.data else []
        return session, findings
    if args.data:
        return DraftSession.start(args.unit, args.year, args.template, args.data)
    raise InputError("请给出 --demo、--draft 草稿.json 或 --data 统计表.xlsx 之一")


def _cmd_build(args) -> int:
    from govreport.model.findings import needs_attention
    session, findings = _session_for_build(args)
    d = session.draft
    if args.template and args.draft:
        d.template = args.template
    if args.fonts:
        from govreport.build.layout import load_layout
        load_layout().profile(args.fonts)      # refuses an unknown profile in Chinese
        d.fonts = args.fonts
    if args.variant:
        d.variant = args.variant
    if args.data_table:
        d.data_appendix = True
    out = Path(args.output) if args.output else Path(session.output_name())
    result = session.produce(out, ledger=args.ledger)
    findings += result.findings
    if result.ledger:
        print(f"已生成数据核对表：{result.ledger}")
    print_findings(findings, pack_id=session.pack.id)
    print(f"已生成：{out}")
    return EXIT_FINDINGS if needs_attention(findings) else EXIT_OK


def _cmd_new(args) -> int:
    from govreport.app.session import DraftSession
    from govreport.model.findings import needs_attention
    out = Path(args.output)
    if out.suffix.lower() != ".json":
        raise InputError(f"草稿文件“{out.name}”应以 .json 结尾", path=out)
    session, findings = DraftSession.start(args.unit, args.year, args.template, args.data)
    session.save(out)
    print_findings(findings, pack_id=session.pack.id)
    d = session.draft
    print(f"已新建草稿：{out}（{d.unit}，{d.year}年度）")
    return EXIT_FINDINGS if needs_attention(findings) else EXIT_OK


def _open_wizard() -> int:
    headless = (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
                and not os.environ.get("WAYLAND_DISPLAY")
                and os.environ.get("QT_QPA_PLATFORM") not in ("offscreen", "xcb", "wayland"))
    hint = ("没有图形界面，无法打开向导。可在命令行生成示例报告：\n"
            "  govreport build --demo -o 示例报告.docx\n"
            "或用自己的统计表：\n"
            "  govreport build --data 统计表.xlsx --unit 翻江镇 -o 报告.docx\n"
            "更多用法：govreport --help")
    if headless:
        print(hint)
        return EXIT_OK
    try:
        from govreport.gui.app import run
    except ImportError:
        print("未安装图形界面组件（PySide6）。" + hint.split("。", 1)[1])
        return EXIT_OK
    return run()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")   # Windows consoles default to GBK/cp936
        except (AttributeError, ValueError):
            pass
    if not argv:
        return _open_wizard()
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_BAD_INPUT
    handlers = {"build": _cmd_build, "new": _cmd_new, **args._extra_handlers}
    try:
        return handlers[args.command](args)
    except InputError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # the output went to a pipe that closed early (`govreport … | head`): nothing to say
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")          # so the exit flush stays quiet
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
