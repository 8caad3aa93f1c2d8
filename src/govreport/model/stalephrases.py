"""The stale-phrase table (stale_phrases.toml of a template pack): wording that went out of
date on a known day, with what to write instead. Read here once, for the stale-phrase check
and for the import's roll-forward suggestions.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from govreport.base.datafiles import load_toml
from govreport.model.pack import pack_file

PHRASES_FILE = "stale_phrases.toml"


@dataclass(frozen=True)
class Phrase:
    id: str
    pattern: re.Pattern
    current: str = ""         # the wording to write instead
    advice: str = ""          # what to do when no single replacement fits
    note: str = ""
    valid_from: dt.date | None = None
    superseded_on: dt.date | None = None
    basis: str = "date"          # date | year
    always: bool = False
    level: str = "warning"


def parse_date(v) -> dt.date | None:
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


def phrases_path(root: Path) -> Path:
    """The pack's stale_phrases.toml (else the default pack's)."""
    return pack_file(root, PHRASES_FILE)


@cache
def load_phrases(path: Path) -> tuple[Phrase, ...]:
    """The [[phrase]] and [[too_early]] entries of a stale_phrases.toml, patterns compiled."""
    p = load_toml(path)
    return tuple(Phrase(
        id=raw["id"], pattern=re.compile(raw.get("pattern") or raw["expression"]),
        current=raw.get("current", ""), advice=raw.get("advice", ""),
        note=raw.get("note", ""), valid_from=parse_date(raw.get("valid_from")),
        superseded_on=parse_date(raw.get("superseded_on")), basis=raw.get("basis", "date"),
        always=bool(raw.get("always", False)), level=raw.get("level", "warning"),
    ) for raw in [*p.get("phrase", []), *p.get("too_early", [])])
