"""Timing helpers shared by the benchmarks: medians of interleaved runs, subprocess timing."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


@dataclass
class Row:
    label: str
    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)


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

    def met(self, c: Comparison) -> bool | None:
        return None if c.goal is None else self.ratio(c) <= c.goal


def measure(fns: dict[str, Callable[[], object]], reps: int, warmup: int = 1) -> list[Row]:
    """Time each function reps times, round-robin, so that load from other users of the
    machine falls on all of them alike; warmup runs are not counted."""
    for _ in range(warmup):
        for fn in fns.values():
            fn()
    runs: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(reps):
        for label, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            runs[label].append(time.perf_counter() - t0)
    return [Row(k, v) for k, v in runs.items()]


def bench_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
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
