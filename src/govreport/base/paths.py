"""Where the data folders are: in a source checkout, an installed wheel, or a PyInstaller app."""
from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent.parent      # the govreport package


@cache
def data_root() -> Path:
    """The folder holding templates/ and resources/."""
    candidates = []
    if env := os.environ.get("GOVREPORT_DATA"):
        candidates.append(Path(env))
    if frozen := getattr(sys, "_MEIPASS", None):
        candidates.append(Path(frozen))
    candidates.append(_PKG / "_data")          # installed wheel (force-include)
    candidates.append(_PKG.parent.parent)       # source checkout: src/govreport -> repo
    for c in candidates:
        if (c / "templates").is_dir():
            return c
    raise FileNotFoundError("templates/ not found; set GOVREPORT_DATA to the folder holding it")


def templates_dir() -> Path:
    return data_root() / "templates"


def resources_dir() -> Path:
    return data_root() / "resources"


def cache_dir() -> Path | None:
    """The user's cache folder (parsed data files, document skeletons); None when
    GOVREPORT_NO_CACHE is set. Everything in it can be deleted: it is rebuilt."""
    if os.environ.get("GOVREPORT_NO_CACHE"):
        return None
    import platformdirs
    return Path(platformdirs.user_cache_dir("govreport", appauthor=False))

