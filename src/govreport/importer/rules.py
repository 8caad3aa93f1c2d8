"""The import rules of a template pack (templates/<pack>/import_rules.toml), compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from govreport.datafiles import load_toml
from govreport.pack import pack_file

RULES_FILE = "import_rules.toml"


@dataclass(frozen=True)
class DebrisRule:
    label: str
    pattern: re.Pattern
    max_len: int = 80
    footer: bool = False


@dataclass(frozen=True)
class SectionRule:
    id: str
    keywords: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class MergeRule:
    when: frozenset[str]
    into: str
    note: str


@dataclass(frozen=True)
class PhraseRule:
    indicator: str
    patterns: tuple[str, ...]
    context: str | None = None


@dataclass
class ImportRules:
    root: Path
    debris: list[DebrisRule]
    footer_line_max: int
    header_line_max: int
    frame: dict
    guess: dict
    unit_patterns: list[re.Pattern]
    sections: list[SectionRule]
    merges: list[MergeRule]
    figures: dict
    phrases: list[PhraseRule]
    figure_context: dict[str, str]
    units: dict[str, list[str]]
    roll_forward: dict
    raw: dict = field(default_factory=dict, repr=False)


def rules_path(pack_root: Path | None = None) -> Path:
    """The pack's own rules, else those of the default pack."""
    return pack_file(pack_root, RULES_FILE)


@cache
def load_rules(path: Path) -> ImportRules:
    data = load_toml(path)
    debris = [DebrisRule(r["label"], re.compile(r["pattern"]), int(r.get("max_len", 80)),
                         bool(r.get("footer", False))) for r in data.get("debris", [])]
    sections = [SectionRule(s["id"], tuple((k["word"], int(k.get("weight", 1)))
                                           for k in s.get("keywords", [])))
                for s in data.get("section", [])]
    merges = [MergeRule(frozenset(m["when"]), m["into"], m.get("note", ""))
              for m in data.get("merge", [])]
    fig = dict(data.get("figures", {}))
    phrases = [PhraseRule(p["indicator"], tuple(p.get("patterns", ())), p.get("context"))
               for p in fig.pop("phrase", [])]
    guess = data.get("guess", {})
    return ImportRules(
        root=path.parent, debris=debris,
        footer_line_max=int(data.get("footer_line_max", 30)),
        header_line_max=int(data.get("header_line_max", 30)),
        frame=data.get("frame", {}), guess=guess,
        unit_patterns=[re.compile(p) for p in guess.get("unit_patterns", [])],
        sections=sections, merges=merges, figures=fig, phrases=phrases,
        figure_context=dict(fig.pop("context", {})), units=dict(fig.pop("units", {})),
        roll_forward=data.get("roll_forward", {}), raw=data,
    )
