"""Kinds of reporting unit (镇, 乡, 街道, 县直部门 …), owned here once, from templates/units.toml.

The wording says 全镇 or 我街道, the report is signed by 清溪镇人民政府 or 福城街道办事处 or the
department itself; everything that needs to know what kind of unit a name is asks here.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from govreport.base import paths
from govreport.base.datafiles import load_toml

# The organ words a name may already carry: "清溪镇人民政府" is the unit 清溪镇.
_ORGAN_TAILS = ("人民政府", "办事处")
DEFAULT_SHORT = "镇"          # what the text says when a name ends in nothing known


@dataclass(frozen=True)
class UnitKind:
    ending: str
    short: str
    organ: str
    level: str


@cache
def kinds() -> tuple[UnitKind, ...]:
    """All kinds, longest ending first (so 管委会 wins over 会, 街道 over 道)."""
    data = load_toml(paths.templates_dir() / "units.toml")
    found = [UnitKind(k["ending"], k.get("short", k["ending"]), k.get("organ", ""),
                      k.get("level", "township")) for k in data.get("kind", [])]
    return tuple(sorted(found, key=lambda k: len(k.ending), reverse=True))


def bare_name(unit: str) -> str:
    """The unit without the organ words it may carry: 清溪镇人民政府 -> 清溪镇."""
    unit = unit.strip()
    for tail in _ORGAN_TAILS:
        if unit.endswith(tail) and len(unit) > len(tail):
            return unit[:-len(tail)]
    return unit


def kind_of(unit: str) -> UnitKind | None:
    name = bare_name(unit)
    return next((k for k in kinds() if name.endswith(k.ending)), None)


def unit_kind(unit: str) -> str:
    """How the text names the unit's kind (全镇, 我街道, 本局); 镇 when unknown."""
    kind = kind_of(unit)
    return kind.short if kind else DEFAULT_SHORT


def organ_name(unit: str) -> str:
    """The organ that signs for the unit: 清溪镇人民政府, 福城街道办事处, 某某局."""
    name = bare_name(unit)
    kind = kind_of(name)
    if kind is None:
        return unit.strip()
    return name + kind.organ


def endings(level: str | None = None) -> tuple[str, ...]:
    """The name endings of one level (township, department, county) or of all, longest first."""
    return tuple(k.ending for k in kinds() if level is None or k.level == level)
