"""CLI: `govreport build --demo` as a whole process against a process that only imports
python-docx, openpyxl and jinja2 (the floor: the libraries any such tool must load).
Goal: within 1.3x. The CLI never imports Qt (checked here too).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from common import PYTHON, Comparison, Section, bench_env, measure, process_timer, run_process

OURS = "govreport build --demo (process)"
FLOOR = "floor: python -c 'import docx, openpyxl, jinja2'"
NO_QT = ("import sys, runpy; sys.argv = ['govreport', 'build', '--demo', '-o', sys.argv[1]]\n"
         "try:\n    runpy.run_module('govreport', run_name='__main__')\n"
         "except SystemExit:\n    pass\n"
         "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')")


def run(reps: int) -> Section:
    sec = Section("CLI", "whole process, from exec to exit (Python start-up included on both sides)")
    with tempfile.TemporaryDirectory(prefix="govreport-bench-") as tmp:
        out = str(Path(tmp) / "demo.docx")
        env = bench_env()
        sec.rows = measure({
            OURS: process_timer([PYTHON, "-m", "govreport", "build", "--demo", "-o", out], env=env),
            FLOOR: process_timer([PYTHON, "-c", "import docx, openpyxl, jinja2"], env=env),
        }, reps)
        qt = run_process([PYTHON, "-c", NO_QT, out], env=env).stdout.strip().splitlines()[-1]
    sec.comparisons = [Comparison(OURS, FLOOR, 1.3, "within 1.3x of the floor")]
    sec.notes.append("the CLI process imports Qt: " + ("YES (it must not)" if qt == "QT" else "no"))
    return sec
