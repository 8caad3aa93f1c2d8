"""The reader's words of a template pack (templates/<pack>/reader.toml), compiled once.

Debris lines, the 公文 frame's words and patterns, and the keywords that tell which section a
level-1 heading names. A pack without its own reader.toml uses the default pack's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from govreport.base.datafiles import load_toml
from govreport.model.pack import ROLES, pack_file

VOCABULARY_FILE = "reader.toml"
# Frame entries that are regular expressions (matched at the start of a line).
_FRAME_PATTERNS = ("issuing_office", "doc_number", "issuer", "cc", "printed", "attachment_note",
                   "attachment_next", "attachment_label", "data_table_title", "title_bullet")


@dataclass(frozen=True)
class DebrisRule:
    label: str
    pattern: re.Pattern
    max_len: int = 80
    footer: bool = False


@dataclass(frozen=True)
class SectionWords:
    id: str                                  # a section id (a role, in the file as loaded)
    keywords: tuple[tuple[str, int], ...]    # (word, weight)


@dataclass(frozen=True)
class MergeRule:
    when: frozenset[str]
    into: str
    note: str


@dataclass
class Vocabulary:
    path: Path
    debris: list[DebrisRule]
    footer_line_max: int
    header_line_max: int
    frame: dict                                 # word lists and limits of [frame]
    patterns: dict[str, re.Pattern]             # the regular expressions of [frame]
    sections: list[SectionWords]
    merges: list[MergeRule]
    next_year_until_month: int = 6
    preamble_opening: int = 30

    def words(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        return tuple(self.frame.get(key, default))

    def limit(self, key: str, default: int) -> int:
        return int(self.frame.get(key, default))


def vocabulary_path(pack_root: Path | None = None) -> Path:
    return pack_file(pack_root, VOCABULARY_FILE)


def vocabulary_for(pack) -> Vocabulary:
    """The pack's vocabulary with its section keywords and merges keyed by the pack's own
    section ids (the file may name roles); entries for sections the pack lacks are left out."""
    return _for_pack(vocabulary_path(Path(pack.root)), pack.id,
                     tuple((s.id, s.role) for s in pack.sections))


@cache
def _for_pack(path: Path, _pack_id: str, sections: tuple[tuple[str, str], ...]) -> Vocabulary:
    base = load_vocabulary(path)
    by_role = {role: sid for sid, role in reversed(sections) if role}
    ids = {sid for sid, _role in sections}

    def section_id(name: str) -> str | None:
        return by_role.get(name) if name in ROLES else (name if name in ids else None)

    words = [SectionWords(section_id(s.id), s.keywords) for s in base.sections
             if section_id(s.id)]
    merges = [MergeRule(frozenset(section_id(w) for w in m.when), section_id(m.into), m.note)
              for m in base.merges
              if section_id(m.into) and all(section_id(w) for w in m.when)]
    return replace(base, sections=words, merges=merges)


@cache
def load_vocabulary(path: Path) -> Vocabulary:
    data = load_toml(path)
    frame = dict(data.get("frame", {}))
    year = data.get("year", {})
    return Vocabulary(
        path=path,
        debris=[DebrisRule(r["label"], re.compile(r["pattern"]), int(r.get("max_len", 80)),
                           bool(r.get("footer", False))) for r in data.get("debris", [])],
        footer_line_max=int(data.get("footer_line_max", 30)),
        header_line_max=int(data.get("header_line_max", 30)),
        frame=frame,
        patterns={k: re.compile(frame[k]) for k in _FRAME_PATTERNS if frame.get(k)},
        sections=[SectionWords(s.get("role") or s["id"], tuple((k["word"], int(k.get("weight", 1)))
                                              for k in s.get("keywords", [])))
                  for s in data.get("section", [])],
        merges=[MergeRule(frozenset(m["when"]), m["into"], m.get("note", ""))
                for m in data.get("merge", [])],
        next_year_until_month=int(year.get("report_in_next_year_until_month", 6)),
        preamble_opening=int(year.get("preamble_opening", 30)),
    )
