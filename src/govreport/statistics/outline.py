"""The numbering of row labels in published tables: 一、 above （一） above 1. above （1）.

In a sheet laid out like a published table, the numbering is often all that places a row under
its group: the group may sit in a row of its own above its sub-rows, or share one cell with the
first of them ("（三）不予公开 1.属于国家秘密"). The depth of a label's leading number says
which labels above it are its groups.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

_CN = "一二三四五六七八九十"
# (depth, pattern) in the order of official documents (GB/T 9704: 一、（一）1.（1）)
_MARKERS = (
    (1, rf"[{_CN}]{{1,3}}、"),
    (2, rf"[（(][{_CN}]{{1,3}}[）)]"),
    (3, r"[0-9０-９]{1,2}[.．、](?![0-9０-９])"),
    (4, r"[（(][0-9０-９]{1,2}[）)]"),
    (5, r"[\u2460-\u2473\u2776-\u277f]"),
)
_AT_START = tuple((depth, re.compile(r"\s*(" + p + ")")) for depth, p in _MARKERS)
# a number inside a cell starts a sub-row only after a blank, a Chinese character or a bracket
# ("第1.5" and "2024.1" are no sub-rows)
_INSIDE = re.compile(r"(?<=[\s\u4e00-\u9fff）)”])\s*(?=" + "|".join(p for _, p in _MARKERS) + ")")


@cache
def marker(label: str) -> tuple[int, str] | None:
    """(depth, number) of the label's leading number: "（三）不予公开" -> (2, "三"); None
    when it has none."""
    for depth, rx in _AT_START:
        m = rx.match(label)
        if m:
            number = re.sub(r"[、.．()（）\s]", "", unicodedata.normalize("NFKC", m.group(1)))
            return depth, number
    return None


def depth(label: str) -> int | None:
    m = marker(label)
    return m[0] if m else None


@cache
def split(label: str) -> tuple[str, ...]:
    """A group and its sub-row written in one cell, apart: "（三）不予公开 1.属于国家秘密" ->
    ("（三）不予公开", "1.属于国家秘密"). A number inside the text splits only where the
    numbering goes deeper, so a label that merely mentions a number stays whole."""
    text = " ".join(str(label).split())
    first = depth(text)
    if first is None:
        return (text,) if text else ()
    parts, start, last = [], 0, first
    for m in _INSIDE.finditer(text, 1):
        d = depth(text[m.end():])
        if d is not None and d > last and m.start() > start:
            parts.append(text[start:m.start()].strip())
            start, last = m.end(), d
    parts.append(text[start:].strip())
    return tuple(p for p in parts if p)
