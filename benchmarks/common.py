"""Timing helpers shared by the benchmarks: medians of interleaved runs, subprocess timing."""
from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

try:
    import resource
except ImportError:          # Windows: CPU time of child processes is not available
    resource = None

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


@dataclass
class Row:
    label: str
    runs: list[float]                                     # wall-clock seconds
    cpu_runs: list[float] = field(default_factory=list)   # CPU seconds (this process + children)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu_runs) if self.cpu_runs else None


@dataclass
class Comparison:
    ours: str                   # row label
    baseline: str               # row label
    goal: float | None = None   # the ratio ours/baseline must not exceed
    goal_text: str = ""


@dataclass
class Section:
    """One benchmark's results: timed rows and the ratios asked of them."""
    title: str
    what: str
    rows: list[Row] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unit: str = "ms"            # how the rows are shown

    def row(self, label: str) -> Row:
        return next(r for r in self.rows if r.label == label)

    def ratio(self, c: Comparison) -> float:
        return self.row(c.ours).median / self.row(c.baseline).median

    def cpu_ratio(self, c: Comparison) -> float | None:
        ours, base = self.row(c.ours).cpu_median, self.row(c.baseline).cpu_median
        return ours / base if ours and base else None

    def met(self, c: Comparison) -> bool | None:
        return None if c.goal is None else self.ratio(c) <= c.goal


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and its finished children."""
    t = time.process_time()
    if resource is not None:
        ch = resource.getrusage(resource.RUSAGE_CHILDREN)
        t += ch.ru_utime + ch.ru_stime
    return t


def measure(fns: dict[str, Callable[[], object]], reps: int, warmup: int = 1) -> list[Row]:
    """Time each function reps times, round-robin, so that load from other users of the
    machine falls on all of them alike; warmup runs are not counted. Wall-clock time is what
    a user waits; CPU time is also kept, being steadier on a shared machine."""
    for _ in range(warmup):
        for fn in fns.values():
            fn()
    rows = {k: Row(k, []) for k in fns}
    for _ in range(reps):
        for label, fn in fns.items():
            gc.collect()
            c0, t0 = cpu_seconds(), time.perf_counter()
            fn()
            rows[label].runs.append(time.perf_counter() - t0)
            rows[label].cpu_runs.append(cpu_seconds() - c0)
    return list(rows.values())


def bench_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Let our modules' bytecode be cached (the warm-up run writes it), as on a user's PC or in
    # the frozen app: with PYTHONDONTWRITEBYTECODE set, every start would compile our source
    # while the libraries' bytecode, installed with them, is already there.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


def run_process(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None,
                timeout: float = 120) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, env=env or bench_env(), cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n"
                           f"{proc.stdout}\n{proc.stderr}")
    return proc


def process_timer(cmd: list[str], **kw) -> Callable[[], None]:
    return lambda: run_process(cmd, **kw)
