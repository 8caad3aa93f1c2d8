#!/usr/bin/env python3
"""Run every benchmark, print medians and ratios against their baselines, write RESULTS.md.

    python3 dev.py bench                    (sets up .venv with the bench extra, then this)
    .venv/bin/python benchmarks/run.py [--only build,cli] [--reps N] [--no-write] [--profile]

RESULTS.md is written by a full run only (no --only, no --reps).

Each benchmark times our code and a named baseline several times, interleaved (so that other
users of the machine slow both alike), and reports medians. --profile adds where our time
goes (cProfile of the in-process benchmarks, import times of the processes).
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import platform
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import PYTHON, ROOT, Comparison, Section, bench_env  # noqa: E402

RESULTS = HERE / "RESULTS.md"
# name -> (module, repetitions): sized so that the whole run stays within a few minutes on
# two shared cores
BENCHES = {
    "build": ("bench_build", 9),
    "import": ("bench_import", 3),
    "batch": ("bench_batch", 3),
    "wizard": ("bench_wizard", 7),
    "cli": ("bench_cli", 15),
}
LIBS = ("python-docx", "openpyxl", "Jinja2", "lxml", "docxtpl", "PySide6-Essentials", "govreport")


# --- the import benchmark is helper-written with its own command line -----------------------------

IMPORT_OURS, IMPORT_FLOOR = "govreport import_workbook", "floor: openpyxl read-only iteration"


def run_import(reps: int) -> Section:
    """benchmarks/bench_import.py: a 100,000-row workbook, our import against openpyxl."""
    import tempfile

    import bench_import
    from common import measure
    sec = Section("Import", "a 100,000-row statistics workbook (one sheet, made at run time by "
                  "bench_import.make_workbook)", unit="s")
    from govreport.model.pack import load_pack
    load_pack()
    with tempfile.TemporaryDirectory(prefix="govreport-bench-") as tmp:
        path = Path(tmp) / "bench.xlsx"
        t0 = time.perf_counter()
        bench_import.make_workbook(path, 100_000)
        made = time.perf_counter() - t0

        sec.rows = measure({IMPORT_OURS: lambda: bench_import.run_import(path),
                            IMPORT_FLOOR: lambda: bench_import.floor(path)}, reps, warmup=0)
        size = path.stat().st_size / 1e6
    sec.comparisons = [Comparison(IMPORT_OURS, IMPORT_FLOOR, 1.2, "within 1.2x of the floor")]
    sec.notes.append(f"workbook {size:.1f} MB, made in {made:.1f} s (not timed); no warm-up run")
    return sec


def load(name: str):
    module, reps = BENCHES[name]
    if name == "import":
        if not (HERE / "bench_import.py").exists():
            return None, reps
        return run_import, reps
    return importlib.import_module(module).run, reps


# --- the machine ----------------------------------------------------------------------------------

def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> list[tuple[str, str]]:
    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    versions = []
    for lib in LIBS:
        try:
            versions.append(f"{lib} {metadata.version(lib)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{lib} (not installed)")
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "?"
    load1 = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        ("Date", dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
        ("CPU", cpu_model()),
        ("Cores", f"{cores} logical, {usable} usable by this process"),
        ("Load average at start", load1 + " (the machine is shared)"),
        ("OS", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("Libraries", ", ".join(versions)),
        ("Commit", commit or "?"),
    ]


# --- output ----------------------------------------------------------------------------------------

def fmt(seconds: float, unit: str) -> str:
    return f"{seconds:.2f} s" if unit == "s" else f"{seconds * 1000:.1f} ms"


def verdict(sec: Section, c: Comparison) -> str:
    met = sec.met(c)
    return "" if met is None else ("met" if met else "MISSED")


def cpu_text(value: float | None, suffix: str = "x") -> str:
    return "–" if value is None else f"{value:.2f}{suffix}"


def print_section(sec: Section) -> None:
    print(f"\n== {sec.title}: {sec.what}")
    for r in sec.rows:
        cpu = f", CPU {fmt(r.cpu_median, sec.unit)}" if r.cpu_median is not None else ""
        print(f"  {r.label:<60} {fmt(r.median, sec.unit):>10}  (median of {len(r.runs)}{cpu})")
    for c in sec.comparisons:
        print(f"  ratio {c.ours} / {c.baseline}: {sec.ratio(c):.2f}x "
              f"(CPU {cpu_text(sec.cpu_ratio(c))})   goal: {c.goal_text}  -> {verdict(sec, c)}")
    for n in sec.notes:
        print(f"  note: {n}")
    sys.stdout.flush()


def markdown(sections: list[Section], skipped: list[str], elapsed: float,
             profile_text: str) -> str:
    out = ["# Benchmark results", "",
           "Written by `python3 dev.py bench` (benchmarks/run.py). Times are medians of "
           "interleaved runs; ratios are ours / baseline (lower is better).", "",
           "## Machine", ""]
    out += [f"- {k}: {v}" for k, v in machine()]
    out += ["", "## Summary", "",
            "Goals are judged on wall-clock time (what a user waits); CPU time (this process and "
            "its children) is shown too, being steadier on a shared machine.", "",
            "| Benchmark | Ratio (wall) | Ratio (CPU) | Goal | |",
            "| --- | ---: | ---: | --- | --- |"]
    for sec in sections:
        for c in sec.comparisons:
            out.append(f"| {sec.title}: {c.ours} / {c.baseline} | {sec.ratio(c):.2f}x | "
                       f"{cpu_text(sec.cpu_ratio(c))} | {c.goal_text} | {verdict(sec, c)} |")
    for name in skipped:
        out.append(f"| {name} | – | – | – | not run ({name} benchmark missing) |")
    for sec in sections:
        out += ["", f"## {sec.title}", "", sec.what, "", "| Measured | Median (wall) | "
                "Median (CPU) | Runs |", "| --- | ---: | ---: | ---: |"]
        out += [f"| {r.label} | {fmt(r.median, sec.unit)} | "
                f"{'–' if r.cpu_median is None else fmt(r.cpu_median, sec.unit)} | {len(r.runs)} |"
                for r in sec.rows]
        if sec.notes:
            out.append("")
            out += [f"- {n}" for n in sec.notes]
    if profile_text:
        out += ["", "## Where the time goes", "", "```", profile_text.rstrip(), "```"]
    out += ["", f"Whole run: {elapsed:.0f} s.", ""]
    return "\n".join(out)


# --- profiles (--profile) ------------------------------------------------------------------------

def _cprofile(fn, top: int = 18) -> str:
    import cProfile
    import io
    import pstats
    pr = cProfile.Profile()
    pr.enable()
    fn()
    pr.disable()
    buf = io.StringIO()
    pstats.Stats(pr, stream=buf).sort_stats("cumulative").print_stats(top)
    lines = [ln for ln in buf.getvalue().splitlines() if ln.strip()]
    return "\n".join(ln.replace(str(ROOT) + "/", "") for ln in lines[3:])


def _import_times(cmd: list[str], env: dict, top: int = 15) -> str:
    """Self time of imports by package, from python -X importtime."""
    from collections import Counter
    proc = subprocess.run([cmd[0], "-X", "importtime", *cmd[1:]], env=env, capture_output=True,
                          text=True)
    by = Counter()
    total = 0
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _cum, name = line[len("import time:"):].split("|")
        name = name.strip()
        parts = name.split(".")
        key = ".".join(parts[:2]) if parts[0] == "govreport" else parts[0]
        by[key] += int(self_us)
        total += int(self_us)
    rows = [f"  {us / 1000:7.1f} ms  {k}" for k, us in by.most_common(top)]
    return f"imports, self time by package (total {total / 1000:.0f} ms):\n" + "\n".join(rows)


# Phase timings inside one process: the script prints "phase=seconds" lines.
CLI_PHASES = """
import time
t = [time.perf_counter()]
def mark(name):
    t.append(time.perf_counter()); print(f"{name}={t[-1] - t[-2]}")
from govreport import cli; mark("import govreport.cli")
cli._parser(); mark("argument parser (imports every sub-command module)")
from govreport.app.produce import produce; mark("import govreport.app.produce (compose, docx_writer ...)")
from govreport.app.starts import demo_draft
d = demo_draft(); mark("demo_draft (pack; openpyxl import, sample workbook import)")
import sys; produce(d, sys.argv[1]); mark("produce (first call in the process)")
produce(d, sys.argv[1]); mark("produce (second call)")
"""

WIZARD_PHASES = """
import time
t = [time.perf_counter()]
def mark(name):
    t.append(time.perf_counter()); print(f"{name}={t[-1] - t[-2]}")
import PySide6.QtWidgets; mark("import PySide6.QtWidgets (the floor pays it too)")
import govreport.cli; mark("import govreport.cli")
from govreport.gui import app; a = app.create_app([]); mark("create_app (QApplication, icon, font, translations)")
from govreport.gui.window import ReportWizard; mark("import govreport.gui.window (pages, presenter ...)")
w = ReportWizard(); mark("ReportWizard()")
from PySide6.QtCore import QTimer
w.first_painted.connect(lambda: QTimer.singleShot(0, a.quit)); w.show(); a.exec()
mark("show until the first page is painted")
"""


def _phases(script: str, env: dict, args: list[str], runs: int = 5) -> str:
    import statistics
    got: dict[str, list[float]] = {}
    for _ in range(runs):
        proc = subprocess.run([PYTHON, "-c", script, *args], env=env, capture_output=True,
                              text=True)
        if proc.returncode != 0:
            return "  (phases not available: " + (proc.stderr.strip().splitlines() or ["?"])[-1] + ")"
        for line in proc.stdout.splitlines():
            if "=" in line:
                name, _, value = line.rpartition("=")
                got.setdefault(name, []).append(float(value))
    return "\n".join(f"  {statistics.median(v) * 1000:7.1f} ms  {k}" for k, v in got.items())


def profiles(names: list[str]) -> str:
    import tempfile
    out = []
    with tempfile.TemporaryDirectory(prefix="govreport-prof-") as tmp:
        tmp = Path(tmp)
        if "build" in names:
            from govreport.app.produce import produce
            from govreport.app.starts import demo_draft
            draft = demo_draft()
            produce(draft, tmp / "w.docx")
            out.append("-- build: produce() of the demo, 10 runs, cProfile (cumulative)")
            out.append(_cprofile(lambda: [produce(draft, tmp / "p.docx")
                                          for _ in range(10)]))
        if "cli" in names:
            out.append("-- cli: phases of `govreport build --demo` in one process (median of 5)")
            out.append(_phases(CLI_PHASES, bench_env(), [str(tmp / "d.docx")]))
            out.append("-- cli: `govreport build --demo` process")
            out.append(_import_times([PYTHON, "-m", "govreport", "build", "--demo", "-o",
                                      str(tmp / "d.docx")], bench_env()))
            out.append("-- cli floor: `import docx, openpyxl, jinja2` process")
            out.append(_import_times([PYTHON, "-c", "import docx, openpyxl, jinja2"], bench_env()))
        if "wizard" in names:
            env = bench_env(GOVREPORT_EXIT_AFTER_SHOW="1", XDG_CONFIG_HOME=str(tmp / "cfg"),
                            XDG_DATA_HOME=str(tmp / "data"), XDG_STATE_HOME=str(tmp / "state"),
                            XDG_CACHE_HOME=str(tmp / "cache"))
            out.append("-- wizard: phases up to the first page in one process (median of 5)")
            out.append(_phases(WIZARD_PHASES, env, []))
            out.append("-- wizard: `govreport` (first page, then exit) process")
            out.append(_import_times([PYTHON, "-m", "govreport"], env, top=20))
    return "\n".join(out)


# --- main ------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="govreport benchmarks")
    ap.add_argument("--only", help="comma-separated: " + ",".join(BENCHES))
    ap.add_argument("--reps", type=int, help="repetitions for every benchmark (default: per benchmark)")
    ap.add_argument("--no-write", action="store_true",
                    help="do not write RESULTS.md (never written with --only or --reps)")
    ap.add_argument("--profile", action="store_true", help="also show where our time goes")
    args = ap.parse_args(argv)
    names = list(BENCHES)
    if args.only:
        names = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in names if n not in BENCHES]
        if unknown:
            ap.error(f"unknown benchmark(s): {', '.join(unknown)}")
    start = time.perf_counter()
    print("machine:")
    for k, v in machine():
        print(f"  {k}: {v}")
    sections: list[Section] = []
    skipped: list[str] = []
    for name in names:
        fn, reps = load(name)
        if fn is None:
            print(f"\n== {name}: skipped (benchmarks/bench_{name}.py not found)")
            skipped.append(name)
            continue
        t0 = time.perf_counter()
        sec = fn(args.reps or reps)
        sec.notes.append(f"benchmark took {time.perf_counter() - t0:.0f} s")
        sections.append(sec)
        print_section(sec)
    profile_text = ""
    if args.profile:
        profile_text = profiles(names)
        print("\n== where the time goes\n" + profile_text)
    elapsed = time.perf_counter() - start
    print(f"\nwhole run: {elapsed:.0f} s")
    missed = [c for s in sections for c in s.comparisons if s.met(c) is False]
    if not (args.no_write or args.only or args.reps):
        RESULTS.write_text(markdown(sections, skipped, elapsed, profile_text), encoding="utf-8")
        print(f"written: {RESULTS.relative_to(ROOT)}")
    if missed:
        print(f"{len(missed)} goal(s) missed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
