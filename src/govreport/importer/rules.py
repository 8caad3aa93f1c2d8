"""The import-only rules of a template pack (templates/<pack>/import_rules.toml), compiled once:
the unit guess, figure references and the year roll-forward. Reading the report is
govreport.reading's, with its own reader.toml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from govreport.base.datafiles import load_toml
from govreport.model.pack import pack_file

RULES_FILE = "import_rules.toml"


@dataclass(frozen=True)
class PhraseRule:
    indicator: str
    patterns: tuple[str, ...]
    context: str | None = None


@dataclass
class ImportRules:
    root: Path
    guess: dict
    unit_patterns: list[re.Pattern]
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
    fig = dict(data.get("figures", {}))
    phrases = [PhraseRule(p["indicator"], tuple(p.get("patterns", ())), p.get("context"))
               for p in fig.pop("phrase", [])]
    guess = data.get("guess", {})
    return ImportRules(
        root=path.parent, guess=guess,
        unit_patterns=[re.compile(p) for p in guess.get("unit_patterns", [])],
        figures=fig, phrases=phrases,
        figure_context=dict(fig.pop("context", {})), units=dict(fig.pop("units", {})),
        roll_forward=data.get("roll_forward", {}), raw=data,
    )
