"""Indicators: the figures a report cites, declared as data in a template pack."""
from __future__ import annotations
from govreport.base.datafiles import load_toml

import ast
from dataclasses import dataclass, field
from pathlib import Path

TYPES = ("int", "dec", "pct", "money")


@dataclass(frozen=True)
class GridKey:
    """Where an indicator sits in a published two-way table: the row's labels from the outer
    group to the row itself, the column's header labels from the top header row down.
    A workbook laid out like the published table is read cell by cell through these."""
    table: str                      # the pack's table id (tables/<id>.toml)
    row: tuple[str, ...]            # e.g. ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密")
    column: tuple[str, ...]         # e.g. ("申请人情况", "法人或其他组织", "商业企业")


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    unit: str
    type: str = "int"
    theme: str = ""
    synonyms: tuple[str, ...] = ()
    formula: str | None = None
    note: str = ""
    grid: GridKey | None = None      # its cell in a published two-way table, if it has one

    @property
    def derived(self) -> bool:
        return self.formula is not None

    @property
    def is_percent(self) -> bool:
        return self.type == "pct"

    def inputs(self) -> tuple[set[str], set[str]]:
        """Ids the formula reads: (this year's, last year's via prev.<id>)."""
        if not self.formula:
            return set(), set()
        return formula_inputs(self.formula)


def formula_inputs(formula: str) -> tuple[set[str], set[str]]:
    tree = ast.parse(formula, mode="eval")
    current, previous = set(), set()
    prev_nodes = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id == "prev":
            previous.add(node.attr)
            prev_nodes.add(id(node.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and id(node) not in prev_nodes:
            current.add(node.id)
    return current, previous


@dataclass
class IndicatorSet:
    items: dict[str, Indicator] = field(default_factory=dict)

    def __iter__(self):
        return iter(self.items.values())

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, key: str) -> bool:
        return key in self.items

    def __getitem__(self, key: str) -> Indicator:
        return self.items[key]

    def get(self, key: str) -> Indicator | None:
        return self.items.get(key)

    def themes(self) -> list[str]:
        seen: dict[str, None] = {}
        for ind in self:
            seen.setdefault(ind.theme, None)
        return list(seen)

    def derived_in_order(self) -> list[Indicator]:
        """Derived indicators ordered so that each comes after the derived ones it reads."""
        done: list[Indicator] = []
        placed: set[str] = set()
        pending = [i for i in self if i.derived]
        while pending:
            progress = False
            for ind in list(pending):
                cur, prev = ind.inputs()
                deps = {d for d in cur | prev if d in self.items and self.items[d].derived}
                if deps <= placed:
                    done.append(ind)
                    placed.add(ind.id)
                    pending.remove(ind)
                    progress = True
            if not progress:
                raise ValueError("circular formulas: " + ", ".join(i.id for i in pending))
        return done


def _grid(raw: dict | None) -> GridKey | None:
    if not raw:
        return None
    return GridKey(str(raw.get("table", "")), tuple(raw.get("row", ())),
                   tuple(raw.get("column", ())))


def load_indicators(path: Path) -> IndicatorSet:
    data = load_toml(path)
    items: dict[str, Indicator] = {}
    for raw in data.get("indicator", []):
        ind = Indicator(
            id=raw["id"], name=raw["name"], unit=raw.get("unit", ""),
            type=raw.get("type", "int"), theme=raw.get("theme", ""),
            synonyms=tuple(raw.get("synonyms", ())), formula=raw.get("formula"),
            note=raw.get("note", ""), grid=_grid(raw.get("grid")),
        )
        if ind.type not in TYPES:
            raise ValueError(f"{path}: indicator {ind.id}: unknown type {ind.type!r}")
        if ind.id in items:
            raise ValueError(f"{path}: duplicate indicator id {ind.id}")
        items[ind.id] = ind
    iset = IndicatorSet(items)
    for ind in iset:
        cur, prev = ind.inputs()
        unknown = (cur | prev) - set(items) - {"prev"}
        if unknown:
            raise ValueError(f"{path}: {ind.id} formula uses unknown ids {sorted(unknown)}")
    iset.derived_in_order()
    return iset
