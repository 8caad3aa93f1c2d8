"""`govreport fonts`: which font profile fits this computer.

Exit 0 when some profile has all its fonts here, 1 when none has (the clerk should read why).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:                 # imported when the command runs: keeps every CLI start fast
    from govreport.build.fontcheck import FontReport


def register(sub) -> None:
    sub.add_parser("fonts", help="检查本机字体，推荐字体方案",
                   description="检查本机安装了哪些公文字体，列出各字体方案缺少的字体，并推荐一个方案。"
                               "本软件不附带、也不下载字体。")


def format_report(report: FontReport) -> str:
    lines = ["字体检查：在以下位置查找",
             *(f"  {d}" for d in report.searched if d.is_dir()),
             *(f"  {s}" for s in report.sources),
             ""]
    for p in report.profiles:
        mark = "齐全" if p.complete else f"缺 {len(p.missing)} 种"
        tag = "（默认）" if p.id == report.default else ""
        lines.append(f"{p.id}{tag}：{mark}　{p.label}")
        for f in p.fonts:
            lines.append(f"  {'有' if f.present else '缺'}  {f.name}"
                         + (f"　{f.where}" if f.present else ""))
    lines += ["",
              f"建议字体方案：{report.recommended}",
              report.explanation,
              "",
              f"生成报告时使用：govreport build --fonts {report.recommended} ..."]
    return "\n".join(lines)


def _cmd_fonts(args) -> int:
    from govreport.build.fontcheck import check_fonts
    report = check_fonts()
    print(format_report(report))
    return 0 if report.any_complete else 1


HANDLERS = {"fonts": _cmd_fonts}
