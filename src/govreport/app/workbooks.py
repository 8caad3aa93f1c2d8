"""A statistics workbook's figures in a draft, kept with how each one was found.

The draft keeps, beside the values, what the import said about them (the cell and the kind of
match of each figure, the rows nothing took, the import's notes) in its `workbook` record, so
a reopened draft shows what the clerk saw without reading the workbook again.
"""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from govreport.model.findings import WARNING, Finding

if TYPE_CHECKING:
    from govreport.model.draft import Draft
    from govreport.statistics.reader import WorkbookImport


@dataclass(frozen=True)
class FigureMatch:
    """How the import found one indicator (cf. statistics.reader.Match)."""
    indicator: str
    how: str              # exact | synonym | normalised | bound
    label: str = ""       # the row label as written
    source: str = ""      # "普法!D7"
    note: str = ""
    problem: str = ""

    @property
    def sheet(self) -> str:
        return self.source.rpartition("!")[0]

    @property
    def cell(self) -> str:
        return self.source.rpartition("!")[2]


@dataclass(frozen=True)
class UnmatchedRow:
    """A workbook row with a value that no indicator took (cf. statistics.reader.Unmatched)."""
    sheet: str
    cell: str
    label: str
    value: object = None


@dataclass
class ImportDetails:
    """What the last workbook import said, as the figures page shows it."""
    matches: dict[str, FigureMatch] = field(default_factory=dict)
    unmatched: list[UnmatchedRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)        # the import's warnings
    workbook_year: int | None = None                       # the year its headers name

    @classmethod
    def of_import(cls, result: "WorkbookImport") -> "ImportDetails":
        return cls(
            matches={fid: FigureMatch(fid, m.how, m.label, m.source, m.note, m.problem)
                     for fid, m in result.matches.items()},
            unmatched=[UnmatchedRow(u.sheet, u.cell, u.label, _plain(u.value))
                       for u in result.unmatched],
            notes=list(result.warnings), workbook_year=result.workbook_year)

    @classmethod
    def of_record(cls, record: dict | None) -> "ImportDetails | None":
        """The details a draft's workbook record keeps; None for a draft saved without them."""
        if not isinstance(record, dict) or not isinstance(record.get("matches"), dict) \
                or not all(isinstance(record.get(k) or [], list) for k in ("unmatched", "notes")):
            return None
        try:
            return cls(
                matches={fid: FigureMatch(fid, **{k: str(v) for k, v in m.items()
                                                  if k in _MATCH_KEYS})
                         for fid, m in record["matches"].items() if isinstance(m, dict)},
                unmatched=[UnmatchedRow(str(u["sheet"]), str(u["cell"]), str(u.get("label", "")),
                                        u.get("value"))
                           for u in record.get("unmatched") or [] if isinstance(u, dict)],
                notes=[str(n) for n in record.get("notes") or []],
                workbook_year=record.get("workbook_year")
                if isinstance(record.get("workbook_year"), int) else None)
        except (KeyError, TypeError):        # hand-edited: read the workbook again instead
            return None

    def to_record(self) -> dict:
        return {
            "matches": {fid: {k: getattr(m, k) for k in _MATCH_KEYS if getattr(m, k)}
                        for fid, m in self.matches.items()},
            "unmatched": [{"sheet": u.sheet, "cell": u.cell, "label": u.label, "value": u.value}
                          for u in self.unmatched],
            "notes": list(self.notes),
            "workbook_year": self.workbook_year,
        }


_MATCH_KEYS = ("how", "label", "source", "note", "problem")


def _plain(value: object) -> object:
    """A cell value as JSON keeps it: numbers and text as they are, anything else as text."""
    if value is None or isinstance(value, (int, float, str)) and not isinstance(value, bool):
        return value
    return str(value)


def file_sha256(path: Path | str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def workbook_record(path: Path | str, year: int | None, sha256: str | None = None,
                    details: ImportDetails | None = None) -> dict:
    """What a draft keeps about the workbook its figures came from."""
    path = Path(path)
    record = {"path": str(path.resolve()), "sha256": sha256 or file_sha256(path), "year": year}
    if details is not None:
        record.update(details.to_record())
    return record


@dataclass
class WorkbookRead:
    """A workbook read off the UI thread, for the draft to take on it."""
    path: Path
    result: "WorkbookImport"
    sha256: str

    @property
    def findings(self) -> list[Finding]:
        return import_findings(self.result.warnings)


def read_workbook(path: Path | str, indicators, year: int | None,
                  bindings: dict[str, str]) -> WorkbookRead:
    """Import a workbook, honouring the clerk's cell bindings (slow: a worker thread's job)."""
    from govreport.statistics import import_workbook
    path = Path(path)
    result = import_workbook(path, indicators, year=year, bindings=bindings)
    return WorkbookRead(path, result, file_sha256(path))


def take_figures(draft: "Draft", read: WorkbookRead) -> None:
    """Put an import's figures and match details into the draft. Last year's values the draft
    already had (e.g. from an imported report) are kept where the workbook has no 上年 column."""
    old = draft.figures
    figures = dict(read.result.figures)
    for fid, fig in figures.items():
        if fig.previous is None and fid in old and old[fid].previous is not None:
            fig.previous = old[fid].previous
    draft.figures = figures
    draft.workbook = workbook_record(read.path, read.result.year, read.sha256,
                                     ImportDetails.of_import(read.result))


def import_findings(notes: list[str]) -> list[Finding]:
    return [Finding(WARNING, "workbook", n) for n in notes]


@functools.cache
def _unit_in_title() -> re.Pattern:
    """A township's name before the year in a title: (临江县)清溪镇2024年…; the endings are the
    township kinds of templates/units.toml."""
    from govreport.text import units
    endings = "|".join(re.escape(e) for e in units.endings("township"))
    return re.compile(rf"^\s*(?:.{{0,12}}?[县市区])?(?P<unit>[^\s\d（(]{{1,10}}?(?:{endings}))\s*"
                      r"(?:20\d{2})")


def guess_unit(workbook_path: Path) -> str | None:
    """The unit named in a workbook's file name or first title, e.g. 清溪镇2024年…统计表."""
    m = _unit_in_title().match(workbook_path.stem)
    if m:
        return m.group("unit")
    try:
        import openpyxl
        wb = openpyxl.load_workbook(workbook_path, read_only=True, data_only=True)
        try:
            for ws in wb.worksheets[:3]:
                for row in ws.iter_rows(min_row=1, max_row=3, values_only=True):
                    for v in row:
                        if isinstance(v, str) and (m := _unit_in_title().match(v)):
                            return m.group("unit")
        finally:
            wb.close()
    except Exception:  # noqa: BLE001 - guessing only; the real import reports errors
        return None
    return None
