"""Batch: per-report time at 1, 10 and 40 units must not grow with the number of units.

A county workbook (one column per unit, every indicator of the sample workbook) is made for
each size; `run_batch` builds every unit's report and the summary table. Per-report time is
the whole batch (reading the county file, every report, 汇总.xlsx) divided by the units.
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from common import Comparison, Row, Section, cpu_seconds

SIZES = (1, 10, 40)
GROWTH = 1.10          # "must not grow": at most 10% above the 1-unit cost, for noise


def _rows():
    from govreport.model.pack import load_pack
    from govreport.statistics import import_workbook
    pack = load_pack()
    got = import_workbook(pack.demo_workbook(), pack.indicators)
    return [(ind.name, ind.unit, got.figures[ind.id].value, ind.type == "pct")
            for ind in pack.indicators
            if ind.id in got.figures and got.figures[ind.id].value is not None and not ind.formula]


def county_workbook(path: Path, units: int, rows) -> Path:
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "统计"
    ws.append(["临江县2024年各乡镇（街道）法治政府建设统计汇总表"])
    names = [f"第{i}镇" for i in range(1, units + 1)]
    ws.append(["序号", "指标", "单位", *names])
    for i, (name, unit, value, pct) in enumerate(rows, 1):
        ws.append([i, name, unit, *[(value / 100 if pct else value + k) for k in range(units)]])
        if pct:
            for c in ws[ws.max_row][3:]:
                c.number_format = "0.00%"
    wb.save(path)
    return path


def label(n: int) -> str:
    return f"per report, {n} unit{'s' if n > 1 else ''}"


def run(reps: int) -> Section:
    from govreport.app.batch import STATUS_FAILED, run_batch
    rows = _rows()
    sec = Section("Batch", "run_batch over a county workbook with one column per unit "
                  f"({len(rows)} indicator rows); per-report time = whole batch / units")
    per_unit_build: dict[int, list[float]] = {}
    per_unit_cpu: dict[int, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="govreport-bench-") as tmp:
        tmp = Path(tmp)
        books = {n: county_workbook(tmp / f"全县{n}.xlsx", n, rows) for n in SIZES}
        run_batch(books[1], tmp / "warmup")
        runs: dict[int, list[float]] = {n: [] for n in SIZES}
        cpu: dict[int, list[float]] = {n: [] for n in SIZES}
        # the small batch is cheap and noisy: more runs of it; the big one fewer (its units
        # are many samples already)
        wanted = {1: reps * 3, 10: reps, 40: max(2, reps // 2 + 1)}
        for r in range(max(wanted.values())):
            for n in SIZES:
                if len(runs[n]) >= wanted[n]:
                    continue
                out = tmp / f"out{n}-{r}"
                c0, t0 = cpu_seconds(), time.perf_counter()
                result = run_batch(books[n], out)
                runs[n].append((time.perf_counter() - t0) / n)
                cpu[n].append((cpu_seconds() - c0) / n)
                assert not any(u.status == STATUS_FAILED for u in result.units)
                per_unit_build.setdefault(n, []).extend(u.seconds for u in result.units)
                per_unit_cpu.setdefault(n, []).extend(u.cpu_seconds for u in result.units)
    sec.rows = [Row(label(n), runs[n], cpu[n]) for n in SIZES]
    sec.rows += [Row(f"one unit's read + build, {n} units (median of units)", per_unit_build[n],
                     per_unit_cpu[n]) for n in SIZES]
    sec.comparisons = [Comparison(label(10), label(1), GROWTH, "does not grow (<= 1.10x of 1 unit)"),
                       Comparison(label(40), label(1), GROWTH, "does not grow (<= 1.10x of 1 unit)"),
                       Comparison("one unit's read + build, 40 units (median of units)",
                                  "one unit's read + build, 1 units (median of units)", GROWTH,
                                  "a unit's own work does not grow")]
    sec.notes.append("per-report time at 1 unit includes the whole fixed cost (reading the county "
                     "file, writing 汇总.xlsx), so it is the largest by construction; the per-unit "
                     "rows show the unit's own work alone")
    return sec
