"""Breaking a long 公文 title into lines (GB/T 9704-2012 7.3.1).

回行时要做到词意完整，排列对称，长短适宜，间距恰当，标题排列应当使用梯形或菱形.
Breaks only fall between words: never inside the unit's name, a year ("2024年度"),
or a fixed term; the best break is chosen by a small cost model.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Terms of any 公文 title that must not be split; longest first at each position. A report
# kind adds the words of its own name (pack.toml title_words), before which a line may break.
TERMS = (
    "中国共产党", "人民政府", "办事处", "委员会", "年度报告", "建设", "年度", "情况", "报告",
    "工作", "关于", "推进", "中共", "党委", "政府", "街道", "的",
)
_YEAR = re.compile(r"\d{4}(?:年度|年)?")
# Good places to break: after these tokens, or before these.
_BREAK_AFTER = {"人民政府", "委员会", "办事处", "年度", "年"}
_BREAK_BEFORE = {"关于"}


def em_width(text: str) -> float:
    """Width in em of the title font: ASCII (digits) is half-width."""
    return sum(0.5 if ord(c) < 0x2000 else 1.0 for c in text)


def tokens(title: str, protected: tuple[str, ...] = ()) -> list[str]:
    words = sorted(set(TERMS) | {p for p in protected if p}, key=len, reverse=True)
    out, i = [], 0
    while i < len(title):
        m = _YEAR.match(title, i)
        if m:
            out.append(m.group())
            i = m.end()
            continue
        for w in words:
            if title.startswith(w, i):
                out.append(w)
                i += len(w)
                break
        else:
            out.append(title[i])
            i += 1
    return out


def _joint_cost(left: str, right: str, before: frozenset[str] = frozenset()) -> float:
    cost = 2.0
    if left in _BREAK_AFTER or left.endswith("年") or left.endswith("年度"):
        cost = 0.0
    if right in _BREAK_BEFORE or right in before:
        cost = min(cost, 0.0)
    if right == "的" or right in ("报告", "情况"):
        cost += 4.0                   # a line must not start with 的 / a dangling 报告
    if len(left) == 1 and len(right) == 1 and left not in _BREAK_AFTER:
        cost += 3.0                   # between two single characters: inside an unknown word
    return cost


def break_title(title: str, unit: str = "", single_line_max: float = 14,
                line_max: float = 20, words: tuple[str, ...] = ()) -> list[str]:
    """Lines of the title: one when short, else 2 (梯形) or 3 (菱形) lines. words: terms of
    the report kind's name, kept whole; a line may start with one."""
    title = title.strip()
    if em_width(title) <= single_line_max:
        return [title]
    return list(_best(title, unit, line_max, tuple(words)))


@lru_cache(maxsize=256)
def _best(title: str, unit: str, line_max: float, words: tuple[str, ...] = ()
          ) -> tuple[str, ...]:
    toks = tokens(title, (unit, *words))
    before = frozenset(words)
    n = len(toks)
    widths = [em_width(t) for t in toks]
    best: tuple[float, tuple[str, ...]] | None = None

    def line(a: int, b: int) -> str:
        return "".join(toks[a:b])

    def wid(a: int, b: int) -> float:
        return sum(widths[a:b])

    for i in range(1, n):
        w1, w2 = wid(0, i), wid(i, n)
        if max(w1, w2) <= line_max:
            cost = _joint_cost(toks[i - 1], toks[i], before) + abs(w1 - w2) * 0.35
            if abs(w1 - w2) < 0.5:
                cost += 0.5           # equal lines are a rectangle, not a trapezoid
            cand = (cost, (line(0, i), line(i, n)))
            best = cand if best is None or cand[0] < best[0] else best
    if best is not None and best[0] < 6:
        return best[1]
    for i in range(1, n - 1):
        for j in range(i + 1, n):
            w = (wid(0, i), wid(i, j), wid(j, n))
            if max(w) > line_max:
                continue
            # 菱形: the middle line is the longest
            shape = 0.0 if w[1] >= w[0] and w[1] >= w[2] else 3.0
            cost = (_joint_cost(toks[i - 1], toks[i], before)
                    + _joint_cost(toks[j - 1], toks[j], before)
                    + shape + abs(w[0] - w[2]) * 0.3)
            cand = (cost, (line(0, i), line(i, j), line(j, n)))
            if best is None or cand[0] < best[0]:
                best = cand
    if best is None:
        return (title,)
    return best[1]
