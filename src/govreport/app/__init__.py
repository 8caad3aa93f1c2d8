"""The application layer: what can be done with a draft, for the CLI, the wizard and batch.

    DraftSession   session.py    a draft, its path, unsaved state, figures; every use case
    starts.py      how drafts begin (fresh, from a workbook, the example)
    workbooks.py   a workbook's figures and match details in a draft
    produce.py     build + 数据核对表 + checks -> one Produced result
    autosave.py, recovery.py   autosave files and recovering them after a crash

Qt-free. Names are loaded on first use: the wizard imports autosave.py before its first
paint, and that must not pull in the pack or the compiler.
"""
from __future__ import annotations

_EXPORTS = {"DraftSession": "session", "Produced": "produce", "produce": "produce",
            "Defaults": "starts"}


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib
        return getattr(importlib.import_module(f"govreport.app.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
