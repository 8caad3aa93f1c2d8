"""`govreport check`: 审校 a draft, a .docx, a .txt, or every report in a folder.

Output: one finding a line, 级别<TAB>位置<TAB>说明<TAB>建议；--json for machines.
Exit codes: 0 no 错误; 1 at least one 错误 (or, for a folder, a file that could not be read);
2 bad input (file not found, not a .docx, encrypted, empty, unknown check id ...).
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
    c = sub.add_parser(
        "check", help="审校报告：占位符、结构、序号、年份、数据、过时提法、标点、篇幅",
        description="检查草稿（.json）、Word 报告（.docx）或文本（.txt）；给出文件夹时逐个检查其中的报告"
                    "并在最后汇总。有“错误”时退出码为1。")
    c.add_argument("path", nargs="?", metavar="草稿.json|报告.docx|报告.txt|文件夹",
                   help="要检查的文件或文件夹")
    c.add_argument("--data", metavar="统计表.xlsx", help="统计表：核对文中的数字是否与表中一致")
    c.add_argument("--year", type=year_arg, metavar="年度",
                   help="报告年度（默认取自草稿、标题或成文日期）")
    c.add_argument("--template", metavar="模板", help=f"模板编号（默认 {DEFAULT_PACK}）")
    c.add_argument("--disable", metavar="编号,编号", help="不做的检查项，如 length,punctuation")
    c.add_argument("--json", action="store_true", help="以 JSON 输出结果（供其他程序使用）")
    c.add_argument("--list", action="store_true", help="列出全部检查项及其编号")


def _pack(args):
    if not args.template:
        return None
    from govreport.model.pack import load_pack
    return load_pack(args.template)


def _finding_dict(run, result) -> dict:
    d = result.finding.to_dict()
    d["level_name"] = result.finding.level_name
    d["location"] = run.location(result)
    d["fixable"] = result.fix is not None
    if result.fix is not None:
        d["fix"] = result.fix.label
    return d


def _run_dict(path: Path, run) -> dict:
    r = run.report
    return {
        "file": str(path), "kind": r.kind, "title": r.title, "year": r.year,
        "year_source": r.year_source, "date": r.date.isoformat() if r.date else None,
        "counts": run.counts(), "has_errors": run.has_errors,
        "findings": [_finding_dict(run, x) for x in run.results],
    }


def _line(run, result) -> str:
    f = result.finding
    line = f"{f.level_name}\t{run.location(result)}\t{f.message}"
    if f.suggestion:
        line += f"\t建议：{f.suggestion}"
    return line


def _summary(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    if not total:
        return "未发现问题"
    return f"共{total}处：" + "，".join(f"{k}{v}" for k, v in counts.items() if v)


def _header(path: Path, run) -> str:
    r = run.report
    year = f"{r.year}年度（取自{r.year_source}）" if r.year else "年度不明"
    return f"检查：{path.name}，{year}"


def _check_one(path: Path, args, disabled, pack):
    from govreport import checks
    return checks.check_path(path, year=args.year, workbook=args.data, disabled=disabled,
                             pack=pack)


def _folder_files(folder: Path) -> list[Path]:
    from govreport.checks import SUFFIXES
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in SUFFIXES
                  and not p.name.startswith(("~$", ".")))


def _cmd_check(args) -> int:
    from govreport import checks
    out = sys.stdout
    if args.list:
        for cid, name in checks.check_ids():
            print(f"{cid}\t{name}", file=out)
        return EXIT_OK
    if not args.path:
        raise InputError("请给出要检查的草稿、报告或文件夹（用 --list 查看检查项）")
    disabled = checks.parse_disabled(args.disable)
    pack = _pack(args)
    path = Path(args.path)
    if args.data:
        _validate_workbook(Path(args.data), pack)
    if path.is_dir():
        return _check_folder(path, args, disabled, pack)
    run = _check_one(path, args, disabled, pack)
    if args.json:
        print(json.dumps(_run_dict(path, run), ensure_ascii=False, indent=2), file=out)
    else:
        print(_header(path, run), file=out)
        for result in run.results:
            print(_line(run, result), file=out)
        print(_summary(run.counts()), file=out)
    return EXIT_FINDINGS if run.has_errors else EXIT_OK


def _validate_workbook(path: Path, pack) -> None:
    """Refuse a bad workbook once, up front, rather than once per report."""
    from govreport.model.pack import load_pack
    from govreport.statistics import import_workbook
    import_workbook(path, (pack or load_pack()).indicators)


def _check_folder(folder: Path, args, disabled, pack) -> int:
    files = _folder_files(folder)
    if not files:
        raise InputError(f"文件夹“{folder}”中没有可检查的 .docx、.txt 或 .json 文件", path=folder)
    rows: list[tuple[str, dict[str, int] | None, str]] = []
    dicts: list[dict] = []
    failed = False
    errors = False
    for path in files:
        try:
            run = _check_one(path, args, disabled, pack)
        except InputError as exc:
            failed = True
            rows.append((path.name, None, f"无法检查：{exc}"))
            dicts.append({"file": str(path), "error": str(exc)})
            if not args.json:
                print(f"== {path.name} ==\n错误\t{exc}\n")
            continue
        errors |= run.has_errors
        counts = run.counts()
        rows.append((path.name, counts, "有错误" if run.has_errors else
                     ("需要注意" if counts["警告"] else "通过")))
        if args.json:
            dicts.append(_run_dict(path, run))
        else:
            print(f"== {path.name} ==\n{_header(path, run)}")
            for result in run.results:
                print(_line(run, result))
            print(_summary(counts) + "\n")
    summary = {
        "files": len(files),
        "with_errors": sum(1 for _n, c, s in rows if s == "有错误"),
        "unreadable": sum(1 for _n, c, _s in rows if c is None),
    }
    if args.json:
        print(json.dumps({"folder": str(folder), "files": dicts, "summary": summary},
                         ensure_ascii=False, indent=2))
    else:
        print("汇总")
        print("文件\t错误\t警告\t提示\t结论")
        for name, counts, status in rows:
            if counts is None:
                print(f"{name}\t-\t-\t-\t{status}")
            else:
                print(f"{name}\t{counts['错误']}\t{counts['警告']}\t{counts['提示']}\t{status}")
        print(f"共{summary['files']}个文件：{summary['with_errors']}个有错误，"
              f"{summary['unreadable']}个无法检查")
    return EXIT_FINDINGS if errors or failed else EXIT_OK


HANDLERS = {"check": _cmd_check}
