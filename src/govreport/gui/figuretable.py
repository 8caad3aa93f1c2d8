"""The figures page's data: one row per indicator, and the workbook rows nothing matched.

Plain data for a Qt table model; built from the resolved figures, the match details the draft
keeps from its workbook import (govreport.app.workbooks), the clerk's bindings and typed values.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from govreport.statistics.labels import DERIVED, HOW_NAMES, MISSING, TYPED, WORKBOOK
from govreport.text import numfmt

if TYPE_CHECKING:
    from govreport.model.figures import Figure, FigureSet
    from govreport.model.indicators import IndicatorSet
    from govreport.app.workbooks import FigureMatch, UnmatchedRow

COLUMNS = ("指标", "本年", "上年", "单位", "来源", "匹配方式")
CELL_RE = re.compile(r"^\s*(?P<sheet>[^!]+)!\s*\$?(?P<col>[A-Za-z]{1,3})\$?(?P<row>\d{1,7})\s*$")


@dataclass(frozen=True)
class FigureRow:
    id: str
    name: str
    unit: str
    theme: str
    value: float | None
    value_text: str
    previous_text: str
    source: str
    how: str              # key of statistics.labels.HOW_NAMES
    derived: bool
    note: str = ""

    @property
    def missing(self) -> bool:
        return self.value is None

    @property
    def typed(self) -> bool:
        return self.how == TYPED

    @property
    def how_text(self) -> str:
        return HOW_NAMES[self.how]

    def cells(self) -> tuple[str, ...]:
        return (self.name, self.value_text, self.previous_text, self.unit, self.source,
                self.how_text)


def format_value(value: float | None, kind: str) -> str:
    return "" if value is None else numfmt.plain(value, kind)


def rows(indicators: "IndicatorSet", figures: "FigureSet", matches: "dict[str, FigureMatch] | None",
         overrides: "dict[str, Figure]", bindings: dict[str, str]) -> list[FigureRow]:
    from govreport.model.figures import SOURCE_FORMULA
    out = []
    for ind in indicators:
        fig = figures.get(ind.id)
        value = fig.value if fig else None
        if ind.id in overrides:
            how = TYPED
        elif value is None:
            how = MISSING
        elif fig is not None and fig.source == SOURCE_FORMULA:
            how = DERIVED
        elif ind.id in bindings:
            how = "bound"
        elif matches and ind.id in matches:
            how = matches[ind.id].how if matches[ind.id].how in HOW_NAMES else WORKBOOK
        else:
            how = WORKBOOK
        out.append(FigureRow(
            id=ind.id, name=ind.name, unit=ind.unit, theme=ind.theme, value=value,
            value_text=format_value(value, ind.type),
            previous_text=format_value(fig.previous if fig else None, ind.type),
            source=(fig.source if fig else "") or "",
            how=how, derived=ind.derived, note=ind.note,
        ))
    return out


def unmatched_rows(unmatched: "list[UnmatchedRow]", bindings: dict[str, str]
                   ) -> "list[UnmatchedRow]":
    """Workbook rows no indicator took, without the cells the clerk has since bound."""
    bound = {normalise_cell(b) for b in bindings.values()}
    return [u for u in unmatched if normalise_cell(f"{u.sheet}!{u.cell}") not in bound]


def normalise_cell(ref: str) -> str:
    m = CELL_RE.match(ref)
    if not m:
        return ref.strip()
    return f"{m.group('sheet').strip()}!{m.group('col').upper()}{m.group('row')}"


def parse_cell(ref: str) -> tuple[str, str]:
    """'普法!d7' -> ('普法', 'D7'); a clear Chinese error for anything else."""
    from govreport.base.errors import InputError
    m = CELL_RE.match(ref or "")
    if not m:
        raise InputError(f"“{ref}”不是单元格位置，请写成“工作表名!单元格”，例如 普法!D7")
    return m.group("sheet").strip(), f"{m.group('col').upper()}{m.group('row')}"


def parse_value(text: str, name: str = "数值") -> float | None:
    """What the clerk typed into a value cell: '128', '1,234', '93.84%', '５０００余'; '' clears."""
    from govreport.base.errors import InputError
    text = (text or "").strip()
    if not text:
        return None
    try:
        from govreport.statistics.values import parse_text
        value = parse_text(text).value
    except ImportError:       # an older reader: one private helper for the same job
        from govreport.statistics.reader import _to_number
        value = _to_number(text)
    if value is None:
        raise InputError(f"“{name}”应填写数字，“{text}”不是数字")
    return value
