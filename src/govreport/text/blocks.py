"""Section content as structure: an ordered list of headings (levels 1-4) and body paragraphs.

Typed or pasted text is parsed into blocks once, by its numbering (一、 （一） 1. （1）);
the document is compiled from blocks, so rendering never has to guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

HEADING = "heading"
PARAGRAPH = "paragraph"
TABLE = "table"           # a table of the pack (tables/<id>.toml) placed here; text is its id

_CN = "一二三四五六七八九十"
# Numbering at the start of a line, by level. Level 3 must not take "1.8万" or "2024年".
_PATTERNS = [
    (1, re.compile(rf"^(?P<n>[{_CN}]{{1,3}})\s*(?P<p>[、.．])\s*")),
    (2, re.compile(rf"^[（(]\s*(?P<n>[{_CN}]{{1,3}})\s*[）)]\s*[、,，.．]?\s*")),
    (4, re.compile(r"^[（(]\s*(?P<n>\d{1,2})\s*[）)]\s*[、,，.．]?\s*")),
    (3, re.compile(r"^(?P<n>\d{1,2})\s*(?P<p>[.．、])(?!\d)\s*")),
]
# A level-1 marker followed by 是 ("一是") is a sentence device, not a heading.
_NOT_HEADING = re.compile(rf"^[{_CN}]{{1,3}}是")
# How a table stands in section text: a line of its own, 【表：id】, as the clerk sees it.
_TABLE_LINE = re.compile(r"^【\s*表\s*[:：]\s*(?P<id>[A-Za-z0-9_.-]{1,64})\s*】$")
_SENTENCE_END = "。！？"
_BLANKS = " \t\u3000\u00a0\ufeff"


@dataclass
class Block:
    kind: str                 # HEADING or PARAGRAPH
    text: str = ""            # body text; for a run-in heading, the text after its sentence
    level: int = 0            # 1-4 for headings
    number: str = ""          # normalised numbering: 一、 （一） 1. （1）
    title: str = ""           # the heading sentence (takes the heading font)

    @property
    def is_heading(self) -> bool:
        return self.kind == HEADING

    def to_text(self) -> str:
        if self.kind == HEADING:
            return self.number + self.title + self.text
        if self.kind == TABLE:
            return f"【表：{self.text}】"
        return self.text

    def to_dict(self) -> dict:
        if self.kind == HEADING:
            return {"type": HEADING, "level": self.level, "number": self.number,
                    "title": self.title, "text": self.text}
        if self.kind == TABLE:
            return {"type": TABLE, "table": self.text}
        return {"type": PARAGRAPH, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict) -> "Block":
        kind = d.get("type", PARAGRAPH)
        if kind == HEADING:
            return cls(HEADING, text=d.get("text", ""), level=int(d.get("level", 2)),
                       number=d.get("number", ""), title=d.get("title", ""))
        if kind == TABLE:
            return cls(TABLE, text=str(d.get("table", "")))
        return cls(PARAGRAPH, text=d.get("text", ""))


def number_for(level: int, n: int) -> str:
    """The standard numbering of item n at a level: 一、 （一） 1. （1）."""
    from govreport.text.numfmt import chinese
    if level == 1:
        return chinese(n) + "、"
    if level == 2:
        return f"（{chinese(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def detect(line: str) -> tuple[int, str, str, str] | None:
    """(level, number as written, numeral, rest) when the line starts with a numbering."""
    if _NOT_HEADING.match(line):
        return None
    for level, pat in _PATTERNS:
        m = pat.match(line)
        if m:
            rest = line[m.end():]
            if not rest.strip():
                return None
            return level, line[:m.end()].strip(_BLANKS), m.group("n"), rest
    return None


def normalise_number(level: int, numeral: str) -> str:
    if level == 1:
        return f"{numeral}、"
    if level == 2:
        return f"（{numeral}）"
    if level == 3:
        return f"{numeral}."
    return f"（{numeral}）"


def split_run_in(rest: str) -> tuple[str, str]:
    """'强化领导。明确……' -> ('强化领导。', '明确……'); a line with no sentence end is all title."""
    for i, ch in enumerate(rest):
        if ch in _SENTENCE_END:
            return rest[:i + 1], rest[i + 1:]
    return rest, ""


def parse_line(line: str) -> Block:
    line = line.strip(_BLANKS)
    if m := _TABLE_LINE.match(line):
        return Block(TABLE, text=m.group("id"))
    found = detect(line)
    if found is None:
        return Block(PARAGRAPH, text=line)
    level, _written, numeral, rest = found
    title, text = split_run_in(rest.strip(_BLANKS))
    return Block(HEADING, text=text.strip(_BLANKS), level=level,
                 number=normalise_number(level, numeral), title=title)


def parse_text(text: str) -> list[Block]:
    """Parse typed or pasted text into blocks, one per non-empty line."""
    blocks = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if raw.strip(_BLANKS):
            blocks.append(parse_line(raw))
    return blocks


def to_text(blocks: list[Block]) -> str:
    return "\n".join(b.to_text() for b in blocks)
