"""Reading figures out of a statistics workbook (.xlsx) with openpyxl.

Every figure keeps its source cell ("普法!D7") so the clerk can see where it came from.
"""
from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from govreport.errors import InputError
from govreport.figures import Figure
from govreport.indicators import IndicatorSet

LABEL_WORDS = ("指标", "项目", "名称", "内容", "事项")
CURRENT_WORDS = ("本年", "本期", "今年", "数值", "本年度", "当年")
PREVIOUS_WORDS = ("上年", "去年", "上期", "上年度", "同期")
YEAR_RE = re.compile(r"(20\d{2})\s*年?")


@dataclass
class Match:
    indicator: str
    how: str            # exact | synonym | normalised | bound
    label: str
    source: str         # "普法!D7"


@dataclass
class Unmatched:
    sheet: str
    cell: str
    label: str
    value: object

    def to_dict(self) -> dict:
        return {"sheet": self.sheet, "cell": self.cell, "label": self.label, "value": self.value}


@dataclass
class WorkbookImport:
    path: Path
    year: int | None
    figures: dict[str, Figure] = field(default_factory=dict)
    matches: dict[str, Match] = field(default_factory=dict)
    unmatched: list[Unmatched] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def normalise_label(label: str) -> str:
    s = unicodedata.normalize("NFKC", str(label))
    s = re.sub(r"[\s（）()\[\]【】:：、,，]", "", s)
    s = re.sub(r"^\d+[.．、]?", "", s)
    s = re.sub(r"(件数|人次|次数|人数|份数|条数|场次|个数|数|次|件|人|份|条|场|个|起|名)$", "", s)
    return s


def _index(indicators: IndicatorSet) -> tuple[dict, dict, dict]:
    exact, syn, norm = {}, {}, {}
    for ind in indicators:
        exact[ind.name] = ind.id
        for s in ind.synonyms:
            syn.setdefault(s, set()).add(ind.id)
        for s in (ind.name, *ind.synonyms):
            norm.setdefault(normalise_label(s), set()).add(ind.id)
    return exact, syn, norm


def match_label(label: str, index) -> tuple[str | None, str, set[str]]:
    """(indicator id or None, how, candidates when ambiguous)."""
    exact, syn, norm = index
    text = str(label).strip()
    if text in exact:
        return exact[text], "exact", set()
    if text in syn and len(syn[text]) == 1:
        return next(iter(syn[text])), "synonym", set()
    key = normalise_label(text)
    cands = norm.get(key, set())
    if len(cands) == 1:
        return next(iter(cands)), "normalised", set()
    return None, "", cands


def _to_number(value, number_format: str = "") -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        v = float(value)
        if "%" in (number_format or ""):
            v *= 100
        return v
    s = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "")
    pct = s.endswith("%")
    s = s.rstrip("%").rstrip("余多").strip()
    try:
        return float(s)
    except ValueError:
        return None


def _open(path: Path):
    import openpyxl
    if not path.exists():
        raise InputError(f"找不到统计表“{path}”", path=path)
    if path.is_dir():
        raise InputError(f"“{path}”是一个文件夹，不是统计表", path=path)
    try:
        return openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(f"“{path.name}”不是有效的 .xlsx 统计表，无法打开", path=path) from exc


def _header(ws) -> tuple[int, int, int | None, int | None, int | None] | None:
    """(header row, label col, current col, previous col, year) within the first rows."""
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 15)):
        label_col = cur_col = prev_col = None
        years: dict[int, int] = {}
        for cell in row:
            v = cell.value
            if not isinstance(v, str):
                continue
            t = v.strip()
            if label_col is None and any(w in t for w in LABEL_WORDS) and len(t) <= 8:
                label_col = cell.column
            elif any(t.startswith(w) for w in CURRENT_WORDS):
                cur_col = cell.column
            elif any(t.startswith(w) for w in PREVIOUS_WORDS):
                prev_col = cell.column
            elif m := YEAR_RE.fullmatch(t) or YEAR_RE.match(t):
                years[int(m.group(1))] = cell.column
        if label_col and (cur_col or years):
            year = None
            if years:
                ordered = sorted(years)
                year = ordered[-1]
                cur_col = cur_col or years[ordered[-1]]
                if prev_col is None and year - 1 in years:
                    prev_col = years[year - 1]
            return row[0].row, label_col, cur_col, prev_col, year
    return None


def import_workbook(path: Path | str, indicators: IndicatorSet, year: int | None = None,
                    bindings: dict[str, str] | None = None) -> WorkbookImport:
    path = Path(path)
    wb = _open(path)
    result = WorkbookImport(path=path, year=year)
    index = _index(indicators)
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            result.warnings.append(f"工作表“{ws.title}”已隐藏，未读取")
            continue
        head = _header(ws)
        if head is None:
            continue
        hrow, lcol, ccol, pcol, hyear = head
        if result.year is None and hyear:
            result.year = hyear
        for r in range(hrow + 1, ws.max_row + 1):
            label = ws.cell(r, lcol).value
            if label is None or not str(label).strip():
                continue
            cell = ws.cell(r, ccol)
            value = _to_number(cell.value, cell.number_format)
            prev = None
            if pcol:
                pc = ws.cell(r, pcol)
                prev = _to_number(pc.value, pc.number_format)
            source = f"{ws.title}!{cell.coordinate}"
            fid, how, cands = match_label(str(label), index)
            if fid is None:
                if cands:
                    result.warnings.append(
                        f"{source}“{label}”可能对应多个指标（"
                        + "、".join(indicators[c].name for c in sorted(cands)) + "），未自动采用")
                result.unmatched.append(Unmatched(ws.title, cell.coordinate, str(label).strip(),
                                                  cell.value))
                continue
            if fid in result.figures:
                result.warnings.append(f"{source}“{label}”与{result.figures[fid].source}"
                                       f"重复对应“{indicators[fid].name}”，采用先出现的一处")
                continue
            result.figures[fid] = Figure(fid, value, previous=prev, source=source)
            result.matches[fid] = Match(fid, how, str(label).strip(), source)
    return result
