"""Typographic normalisation of Chinese official text, applied when a report is compiled.

Half-width punctuation inside Chinese text becomes full-width, straight quotes become “” ‘’,
and characters that XML cannot hold (pasted from web pages) are removed. Numbers such as
1,234 / 93.84% / 12345热线, dates and Latin words are left alone.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

# Control characters XML 1.0 forbids (tab, LF, CR are allowed), lone surrogates, U+FFFE/FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# Invisible characters web pages carry that have no place in a report.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_NAMES = {",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号", "(": "括号", ")": "括号",
          '"': "双引号", "'": "单引号", ".": "句号"}


def is_cjk(ch: str) -> bool:
    if not ch:
        return False
    o = ord(ch)
    return (0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF or 0x2018 <= o <= 0x201D or o in (0x2014, 0x2026, 0x00B7))


@dataclass
class Normalised:
    text: str
    changes: Counter = field(default_factory=Counter)   # "半角逗号" -> count
    removed: int = 0                                     # illegal/invisible characters removed

    def describe(self) -> str:
        parts = [f"{name}{n}处" for name, n in self.changes.items()]
        return "、".join(parts)


def remove_illegal(text: str) -> tuple[str, int]:
    cleaned, n1 = _ILLEGAL.subn("", text)
    cleaned, n2 = _INVISIBLE.subn("", cleaned)
    return cleaned, n1 + n2


def _neighbours(chars: list[str], i: int) -> tuple[str, str]:
    j = i - 1
    while j >= 0 and chars[j] == " ":
        j -= 1
    k = i + 1
    while k < len(chars) and chars[k] == " ":
        k += 1
    return (chars[j] if j >= 0 else ""), (chars[k] if k < len(chars) else "")


def normalise(text: str) -> Normalised:
    text, removed = remove_illegal(text)
    result = Normalised(text, Counter(), removed)
    if not any(is_cjk(c) for c in text):
        return result
    chars = list(text)
    out: list[str] = []
    dq_open = True
    sq_open = True
    for i, ch in enumerate(chars):
        if ch in _FULL or ch in "\"'.":
            prev, nxt = _neighbours(chars, i)
            chinese_context = is_cjk(prev) or is_cjk(nxt)
            if ch == '"':
                if chinese_context or any(is_cjk(c) for c in chars):
                    out.append("“" if dq_open else "”")
                    dq_open = not dq_open
                    result.changes["半角双引号"] += 1
                    continue
            elif ch == "'":
                if chinese_context:
                    out.append("‘" if sq_open else "’")
                    sq_open = not sq_open
                    result.changes["半角单引号"] += 1
                    continue
            elif ch == ".":
                # a sentence-ending period after Chinese text; never 1.5, www.x.cn or "1."
                if is_cjk(prev) and (nxt == "" or is_cjk(nxt)) and not prev.isdigit():
                    out.append("。")
                    result.changes["半角句号"] += 1
                    continue
            elif ch in ",:" and prev.isdigit() and nxt.isdigit():
                pass            # 1,234 and 9:30 stay
            elif chinese_context:
                out.append(_FULL[ch])
                result.changes["半角" + _NAMES[ch]] += 1
                continue
        out.append(ch)
    # drop the spaces a half-width comma usually drags along: "，  " -> "，"
    text = re.sub(r"(?<=[，；：？！（）。、“”])[ ]+|[ ]+(?=[，；：？！（）。、”])", "",
                  "".join(out)) if result.changes else "".join(out)
    result.text = text
    return result
