"""`govreport import`: start this year's draft from last year's report (.docx or .txt)."""
from __future__ import annotations

from pathlib import Path

from govreport.cli.argparse_zh import year_arg
from govreport.base.errors import InputError

HELP = "由去年的报告（.docx 或 .txt）生成今年的草稿"
DESCRIPTION = (
    "读入去年的报告（Word 文档，或从政府网站复制下来的文字），去掉网页杂项，识别标题、主送机关、"
    "署名和成文日期，按含义分入模板的各部分，把与统计指标对应的数字改为数据引用，生成今年的草稿。"
    "年份顺延等修改先列出，加 --roll-forward 才应用。")


def register(sub) -> None:
    from govreport.model.pack import DEFAULT_PACK
    p = sub.add_parser("import", help=HELP, description=DESCRIPTION)
    p.add_argument("source", metavar="去年报告", help="去年报告的 .docx 或 .txt 文件")
    p.add_argument("-o", "--output", required=True, metavar="草稿.json", help="生成的草稿文件")
    p.add_argument("--year", type=year_arg, metavar="年度",
                   help="新报告的年度（默认：去年报告的年度加一）")
    p.add_argument("--unit", metavar="单位", help="单位名称（默认：从去年报告的标题或署名判断）")
    p.add_argument("--template", metavar="模板", help=f"模板编号（默认 {DEFAULT_PACK}）")
    p.add_argument("--roll-forward", action="store_true",
                   help="应用年份顺延（年份、成文日期、模板占位符、原单位名称）；不加时只列出")


def _cmd_import(args) -> int:
    from govreport.app.session import DraftSession
    from govreport.cli import EXIT_FINDINGS, EXIT_OK, print_findings
    from govreport.model.findings import needs_attention
    from govreport.importer import import_file, report_lines
    from govreport.model.pack import load_pack

    out = Path(args.output)
    if out.suffix.lower() != ".json":
        raise InputError(f"草稿文件“{out.name}”应以 .json 结尾", path=out)
    src = Path(args.source)
    if src.resolve() == out.resolve():
        raise InputError(f"输出文件“{out.name}”不能与去年报告是同一个文件", path=out)
    pack = load_pack(args.template) if args.template else load_pack()
    result = import_file(src, year=args.year, unit=args.unit, pack=pack,
                         roll_forward=args.roll_forward)
    DraftSession.adopt(result.draft).save(out)
    for line in report_lines(result.report, pack):
        print(line)
    print_findings(result.report.findings, pack_id=pack.id)
    d = result.draft
    print(f"已生成草稿：{out}（{d.unit}，{d.year}年度）")
    return EXIT_FINDINGS if needs_attention(result.report.findings) else EXIT_OK


HANDLERS = {"import": _cmd_import}
