"""The word lists of templates/statistics/workbook.toml, loaded once."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from govreport.base.datafiles import load_toml
from govreport.base import paths


@dataclass(frozen=True)
class Words:
    label_words: tuple[str, ...]
    max_label_len: int
    max_header_len: int
    unit_words: tuple[str, ...]
    skip_words: tuple[str, ...]
    ignore_words: tuple[str, ...]
    current_words: tuple[str, ...]
    previous_words: tuple[str, ...]
    previous_phrases: tuple[str, ...]
    cumulative_words: tuple[str, ...]
    period_words: tuple[str, ...]
    plain_words: tuple[str, ...]
    label_prefixes: tuple[str, ...]
    label_suffixes: tuple[str, ...]
    bracket_units: tuple[str, ...]
    approx_suffixes: tuple[str, ...]
    blank_words: frozenset[str]
    total_words: tuple[str, ...]        # a grid table's 总计 column


def _t(values) -> tuple[str, ...]:
    # compared against NFKC text, so the lists are normalised the same way
    return tuple(unicodedata.normalize("NFKC", v) for v in values)


@cache
def words() -> Words:
    data = load_toml(paths.templates_dir() / "statistics" / "workbook.toml")
    h, c, lab, val = data["header"], data["columns"], data["label"], data["values"]
    return Words(
        label_words=_t(h["label_words"]), max_label_len=int(h["max_label_len"]),
        max_header_len=int(h["max_header_len"]), unit_words=_t(h["unit_words"]),
        skip_words=_t(h["skip_words"]), ignore_words=_t(h["ignore_words"]),
        current_words=_t(c["current_words"]), previous_words=_t(c["previous_words"]),
        previous_phrases=_t(c["previous_phrases"]), cumulative_words=_t(c["cumulative_words"]),
        period_words=_t(c["period_words"]), plain_words=_t(c["plain_words"]),
        label_prefixes=_t(lab["prefixes"]),
        label_suffixes=tuple(sorted(_t(lab["suffixes"]), key=len, reverse=True)),
        bracket_units=_t(lab["bracket_units"]),
        approx_suffixes=tuple(sorted(_t(val["approx_suffixes"]), key=len, reverse=True)),
        blank_words=frozenset(_t(val["blank_words"])),
        total_words=_t(data["grid"]["total_words"]),
    )
