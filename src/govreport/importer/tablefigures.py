"""Last year's figures from the tables of last year's report.

A pack's table (tables/<id>.toml) names, in each body row, the indicators its cells show; last
year's report has the same table filled in. Its rows, read back from the .docx (cells joined
by ｜, a cell merged over several rows written once), give last year's value of each of those
indicators: the row is found by its own label (the last label cell, which is unique within a
table), the numbers are taken in order. They become the figures' 上年 values, so that this
year's report can be checked against last year's (e.g. 上年结转 against 结转下年度).
"""
from __future__ import annotations

import re

from govreport.model.pack import TableSpec
from govreport.reading.reportfile import TABLE_CELL_SEPARATOR
from govreport.wording.references import Reference

_NUMBER = re.compile(r"^\d{1,9}(?:\.\d{1,4})?$")
_BLANKS = re.compile(r"[\s\u3000]+")


def _key(label: str) -> str:
    return _BLANKS.sub("", label)


def table_figures(spec: TableSpec, rows: list[str]) -> dict[str, float]:
    """{indicator id: value} read from `rows` (one text line per table row) of last year's
    table `spec`. A row whose label or count of numbers does not fit is left alone."""
    wanted: dict[str, list[str]] = {}
    for row in spec.rows:
        refs = [Reference.parse(c.text) for c in row]
        ids = [r.name for r in refs if r is not None and not r.previous and not r.filter]
        labels = [c.text for c, r in zip(row, refs) if r is None and c.text.strip()]
        if ids:          # a table of one unlabelled row (表三) is found by its count of numbers
            wanted[_key(labels[-1]) if labels else ""] = ids
    out: dict[str, float] = {}
    for line in rows:
        cells = [c.strip() for c in line.split(TABLE_CELL_SEPARATOR)]
        numbers = [c for c in cells if _NUMBER.match(c)]
        labels = [c for c in cells if c and not _NUMBER.match(c)]
        ids = wanted.get(_key(labels[-1]) if labels else "")
        if ids is None or len(numbers) != len(ids):
            continue
        for fid, text in zip(ids, numbers):
            out[fid] = float(text) if "." in text else int(text)
    return out
