"""Test helper: make an openpyxl-written workbook look as Excel/WPS would save it, or break it.

openpyxl writes formulas without results and marks the workbook "recalculate on load"
(fullCalcOnLoad). Excel and WPS compute the results, store them in each formula cell and drop
the mark when they save. `cache_results` does the same with results the test supplies, so
tests can read formulas "through their cached values" without an office suite installed.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p": "http://schemas.openxmlformats.org/package/2006/relationships"}


def read_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def write_parts(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def sheet_part(parts: dict[str, bytes], sheet: str) -> str:
    wb = ET.fromstring(parts["xl/workbook.xml"])
    rels = ET.fromstring(parts["xl/_rels/workbook.xml.rels"])
    for s in wb.iterfind("m:sheets/m:sheet", NS):
        if s.get("name") == sheet:
            rid = s.get(f"{{{NS['r']}}}id")
            for rel in rels.iterfind("p:Relationship", NS):
                if rel.get("Id") == rid:
                    target = rel.get("Target")
                    return target.lstrip("/") if target.startswith("/") else "xl/" + target
    raise KeyError(sheet)


def cache_results(path: Path, results: dict[str, dict[str, object]]) -> None:
    """Store each formula's result, {sheet: {"D5": 42, "E7": "#DIV/0!"}}, as Excel would."""
    parts = read_parts(path)
    for sheet, cells in results.items():
        name = sheet_part(parts, sheet)
        xml = parts[name].decode("utf-8")
        for coord, value in cells.items():
            if isinstance(value, bool):
                t, v = "b", str(int(value))
            elif isinstance(value, (int, float)):
                t, v = "n", repr(value)
            elif isinstance(value, str) and value.startswith("#"):
                t, v = "e", value
            else:
                t, v = "str", str(value)
            pattern = re.compile(rf'<c r="{coord}"([^>]*?)>(<f>.*?</f>)(?:<v>[^<]*</v>|<v\s*/>)?</c>')
            attrs_re = re.compile(r'\s+t="[^"]*"')

            def repl(m, t=t, v=v):
                attrs = attrs_re.sub("", m.group(1))
                return f'<c r="{coord}"{attrs} t="{t}">{m.group(2)}<v>{v}</v></c>'
            xml, n = pattern.subn(repl, xml)
            if n != 1:
                raise ValueError(f"no formula cell {sheet}!{coord}")
        parts[name] = xml.encode("utf-8")
    parts["xl/workbook.xml"] = re.sub(rb'\s*fullCalcOnLoad="1"', b"", parts["xl/workbook.xml"])
    write_parts(path, parts)


def replace_in_part(path: Path, part: str, old: bytes, new: bytes) -> None:
    parts = read_parts(path)
    if old not in parts[part]:
        raise ValueError(f"{old!r} not in {part}")
    parts[part] = parts[part].replace(old, new, 1)
    write_parts(path, parts)
