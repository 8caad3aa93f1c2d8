"""The window's runner, made lazily (see LazyRunner)."""
from __future__ import annotations


class LazyRunner:
    """The window's QtRunner, made when the first job starts: workers.py (QObject subclasses
    with signals, the thread pool) is not needed for the first page."""

    def __init__(self, busy, parent):
        self._busy, self._parent, self._runner = busy, parent, None

    def run(self, job, on_done, on_error, message: str | None = None) -> None:
        if self._runner is None:
            from govreport.gui.workers import QtRunner
            self._runner = QtRunner(self._busy, self._parent)
        self._runner.run(job, on_done, on_error, message)

    def active(self) -> bool:
        return self._runner is not None and self._runner.active()

    def wait(self) -> bool:
        return self._runner is None or self._runner.wait()
