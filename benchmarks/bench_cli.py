"""CLI: `govreport build --demo` as a whole process against a process that only imports
python-docx, openpyxl and jinja2 (the floor: the libraries any such tool must load).
Goal: within 1.3x. The CLI never imports Qt (checked here too).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from common import PYTHON, Comparison, Section, bench_env, measure, process_timer, run_process

OURS = "govreport build --demo (process)"
FIRST = "govreport build --demo, caches off (as on the first run after installing)"
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
        cmd = [PYTHON, "-m", "govreport", "build", "--demo", "-o", out]
        sec.rows = measure({
            OURS: process_timer(cmd, env=env),
            FLOOR: process_timer([PYTHON, "-c", "import docx, openpyxl, jinja2"], env=env),
            FIRST: process_timer(cmd, env=bench_env(GOVREPORT_NO_CACHE="1")),
        }, reps)
        qt = run_process([PYTHON, "-c", NO_QT, out], env=env).stdout.strip().splitlines()[-1]
    sec.comparisons = [Comparison(OURS, FLOOR, 1.3, "within 1.3x of the floor"),
                       Comparison(FIRST, FLOOR, None, "shown, no goal")]
    sec.notes.append("ours writes the report from the document skeleton and parsed data files "
                     "kept in the user's cache folder, so it loads neither python-docx nor "
                     "jinja2; the first run after installing (or after the cache is deleted) "
                     "builds them with python-docx, which the 'caches off' row shows")
    sec.notes.append("the CLI process imports Qt: " + ("YES (it must not)" if qt == "QT" else "no"))
    return sec
