"""Wizard start: process start to the first page painted (offscreen), against a process that
shows a bare QApplication + empty QWizard the same way (the floor). Goal: within 1.3x.

Both processes quit right after the first paint (ours through GOVREPORT_EXIT_AFTER_SHOW=1,
which govreport.gui.app supports), so each run is exec -> first page painted -> exit.
Settings and autosave go to a scratch folder, not to the user's.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from common import PYTHON, Comparison, Section, bench_env, measure, process_timer, run_process

OURS = "govreport wizard (process)"
FLOOR = "floor: bare QApplication + empty QWizard"

FLOOR_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage

app = QApplication(sys.argv[:1])

class Wizard(QWizard):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, app.quit)

w = Wizard()
w.addPage(QWizardPage())
w.show()
sys.exit(app.exec())
"""

CHECK_SCRIPT = """
import sys, runpy
sys.argv = ['govreport']
try:
    runpy.run_module('govreport', run_name='__main__')
except SystemExit:
    pass
heavy = sorted(m for m in ('docx', 'openpyxl', 'jinja2') if m in sys.modules)
print('HEAVY:' + ','.join(heavy))
"""


def run(reps: int) -> Section:
    sec = Section("Wizard start", "process exec to first page painted and exit, "
                  "QT_QPA_PLATFORM=offscreen")
    with tempfile.TemporaryDirectory(prefix="govreport-bench-") as tmp:
        home = {k: str(Path(tmp) / k.lower()) for k in
                ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")}
        env = bench_env(QT_QPA_PLATFORM="offscreen", GOVREPORT_EXIT_AFTER_SHOW="1", **home)
        sec.rows = measure({
            OURS: process_timer([PYTHON, "-m", "govreport"], env=env),
            FLOOR: process_timer([PYTHON, "-c", FLOOR_SCRIPT], env=env),
        }, reps)
        heavy = run_process([PYTHON, "-c", CHECK_SCRIPT], env=env).stdout.strip().splitlines()
    sec.comparisons = [Comparison(OURS, FLOOR, 1.3, "within 1.3x of the floor")]
    loaded = heavy[-1].removeprefix("HEAVY:") if heavy else "?"
    sec.notes.append("heavy libraries loaded before the first page showed (python-docx, openpyxl, "
                     f"jinja2): {loaded or 'none'}")
    return sec
