"""Settings and phrase tables of the checks, read from the template pack (checks.toml,
stale_phrases.toml). A pack without its own files uses those of the default pack."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from govreport.base.datafiles import load_toml
from govreport.model.pack import pack_file
from govreport.model.stalephrases import (  # noqa: F401 - Phrase is part of Settings
    Phrase, load_phrases, parse_date, phrases_path,
)

CHECKS_FILE = "checks.toml"


@dataclass(frozen=True)
class Plenum:
    congress: int
    number: int
    closed: dt.date


@dataclass
class Settings:
    disabled: tuple[str, ...] = ()
    placeholders: tuple[re.Pattern, ...] = ()
    year_after: tuple[str, ...] = ()
    year_before: tuple[str, ...] = ()
    next_year_words: tuple[str, ...] = ()
    figure_window: int = 8
    unit_aliases: tuple[frozenset[str], ...] = ()
    min_paragraph_for_full_stop: int = 30
    phrases: tuple[Phrase, ...] = ()
    this_year: re.Pattern | None = None
    this_year_level: str = "warning"
    plenums: tuple[Plenum, ...] = ()
    plan_words: tuple[str, ...] = ()

    def units_like(self, unit: str) -> set[str]:
        """Measure words that count the same as `unit` (itself included)."""
        same = {unit}
        for group in self.unit_aliases:
            if unit in group:
                same |= group
        return same


def _toml(path: Path) -> dict:
    return load_toml(path)


@cache
def load_settings(root: Path) -> Settings:
    """Settings for the pack in folder `root`."""
    c = _toml(pack_file(root, CHECKS_FILE))
    p = _toml(phrases_path(root))
    this_year = p.get("this_year", {})
    return Settings(
        disabled=tuple(c.get("checks", {}).get("disabled", [])),
        placeholders=tuple(re.compile(x) for x in c.get("placeholder", {}).get("patterns", [])),
        year_after=tuple(c.get("years", {}).get("after", [])),
        year_before=tuple(c.get("years", {}).get("before", [])),
        next_year_words=tuple(c.get("years", {}).get("next_year_words", [])),
        figure_window=int(c.get("figures", {}).get("window", 8)),
        unit_aliases=tuple(frozenset(g) for g in c.get("figures", {}).get("unit_aliases", [])),
        min_paragraph_for_full_stop=int(
            c.get("punctuation", {}).get("min_paragraph_for_full_stop", 30)),
        phrases=load_phrases(phrases_path(root)),
        this_year=re.compile(this_year["expression"]) if this_year.get("expression") else None,
        this_year_level=this_year.get("level", "warning"),
        plenums=tuple(Plenum(int(x["congress"]), int(x["number"]), parse_date(x["closed"]))
                      for x in p.get("plenum", [])),
        plan_words=tuple(p.get("plan_range", {}).get("words", [])),
    )


def settings_for(pack) -> Settings:
    return load_settings(Path(pack.root))
