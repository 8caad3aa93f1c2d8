"""argparse speaking Chinese: its own words translated, usage errors as one line, exit 2.

Imported only when the command line has arguments, so opening the wizard does not pay for it.
"""
from __future__ import annotations

import argparse

EXIT_BAD_INPUT = 2

# argparse looks its words up through gettext at call time.
_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "expected one argument": "需要一个参数值",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
}
argparse._ = lambda s: _ZH.get(s, s)  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line of Chinese, exit 2, no traceback
        self.exit(EXIT_BAD_INPUT, f"{self.prog}：{message}（用 --help 查看用法）\n")


def year_arg(text: str) -> int:
    """--year: a report year within dates.YEAR_MIN..YEAR_MAX (the same for every command)."""
    from govreport.text.dates import YEAR_MAX, YEAR_MIN
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"年度应为四位数字，如 2024（收到“{text}”）") from None
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise argparse.ArgumentTypeError(f"年度应在 {YEAR_MIN} 到 {YEAR_MAX} 之间（收到 {year}）")
    return year
