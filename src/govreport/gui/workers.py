"""Slow work off the UI thread (as Anki does): a QRunnable in the global pool, with the
result or the exception delivered back on the UI thread through queued signals."""
from __future__ import annotations

import itertools
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[[], Any], signals: _Signals):
        super().__init__()
        self.job_id = job_id
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread
            self.signals.failed.emit(self.job_id, exc)
            return
        self.signals.done.emit(self.job_id, result)


class QtRunner(QObject):
    """runner.run(job, on_done, on_error, message): job runs in a worker thread; the callbacks
    run on the UI thread. `busy(message | None)` is told when work starts and when all is done."""

    def __init__(self, busy: Callable[[str | None], None] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._busy = busy
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Callable, Callable]] = {}
        self._signals = _Signals(self)      # lives on the UI thread: emits arrive queued
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self.pool = QThreadPool.globalInstance()

    def run(self, job, on_done, on_error, message: str | None = None) -> None:
        job_id = next(self._ids)
        self._pending[job_id] = (on_done, on_error)
        if self._busy and message:
            self._busy(message)
        self.pool.start(_Job(job_id, job, self._signals))

    def active(self) -> bool:
        return bool(self._pending)

    def wait(self, timeout_ms: int = 120_000) -> bool:
        """Block until the started jobs have run (the window is closing, and a report being
        written must not be cut off when the process exits). True when none is left running;
        their callbacks are not called."""
        if not self._pending:
            return True
        return self.pool.waitForDone(timeout_ms)

    @Slot(int, object)
    def _on_done(self, job_id: int, result: object) -> None:
        on_done, on_error = self._pending.pop(job_id)
        self._finish()
        try:
            on_done(result)
        except Exception as exc:  # noqa: BLE001 - a failing callback is reported like a slot
            from govreport.gui.crash import report
            report(exc)

    @Slot(int, object)
    def _on_failed(self, job_id: int, exc: object) -> None:
        on_done, on_error = self._pending.pop(job_id)
        self._finish()
        try:
            on_error(exc)
        except Exception as exc2:  # noqa: BLE001
            from govreport.gui.crash import report
            report(exc2)

    def _finish(self) -> None:
        if self._busy and not self._pending:
            self._busy(None)
