"""Render .docx files with LibreOffice (headless) and measure the PDF (test helper)."""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
PT_PER_MM = 72 / 25.4
# The GB/T 9704 page in PDF points: A4, the text block 156 x 225 mm, 22 lines.
PAGE_H = 297 * PT_PER_MM
LEFT = 28 * PT_PER_MM
RIGHT = (210 - 26) * PT_PER_MM
TOP = 37 * PT_PER_MM
BOTTOM = (297 - 35) * PT_PER_MM
PITCH = 225 * PT_PER_MM / 22
ONE_MM = PT_PER_MM


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_renderer():
    if soffice() and shutil.which("pdftoppm"):
        return
    if os.environ.get("GOVREPORT_REQUIRE_RENDER"):
        pytest.fail("LibreOffice/pdftoppm not installed but GOVREPORT_REQUIRE_RENDER is set")
    pytest.skip("LibreOffice not installed")


def to_pdf(docx: Path, outdir: Path) -> Path:
    """docx -> pdf with the official font names aliased to installed stand-ins."""
    env = dict(os.environ, FONTCONFIG_FILE=str(DATA / "fonts.conf"))
    profile = outdir / "lo-profile"
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
                   check=True, capture_output=True, env=env, timeout=180)
    return outdir / (docx.stem + ".pdf")


@dataclass
class Line:
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    size: float


def page_lines(page) -> list[Line]:
    rows: dict[int, list] = {}
    for c in page.chars:
        if c["text"].strip():
            rows.setdefault(round(c["top"]), []).append(c)
    out = []
    for key in sorted(rows):
        cs = sorted(rows[key], key=lambda c: c["x0"])
        out.append(Line(min(c["top"] for c in cs), max(c["bottom"] for c in cs), cs[0]["x0"],
                        cs[-1]["x1"], "".join(c["text"] for c in cs), cs[0]["size"]))
    return out


def ink_rows(pdf: Path, page_no: int, x0_pt: float, x1_pt: float, y0_pt: float, y1_pt: float,
             dpi: int = 288) -> list[float]:
    """Rows (in pt) where more than half the pixels between x0 and x1 are dark."""
    stem = pdf.parent / f"ink-{page_no}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page_no), "-l", str(page_no), "-gray",
                    "-singlefile", str(pdf), str(stem)], check=True, timeout=120)
    data = (stem.with_suffix(".pgm")).read_bytes()
    magic, dims, _maxv, px = data.split(b"\n", 3)
    w, _h = map(int, dims.split())
    scale = dpi / 72
    a, b = int(x0_pt * scale), int(x1_pt * scale)
    rows = []
    for y in range(int(y0_pt * scale), int(y1_pt * scale)):
        seg = px[y * w + a: y * w + b]
        if sum(1 for v in seg if v < 128) > (b - a) / 2:
            rows.append(y / scale)
    return rows
