"""Reading the TOML data files (template packs, layout, word lists) once.

Parsing them costs more than anything else a command does before its real work, so the parsed
data is kept in memory and, pickled, in the user's cache folder, keyed on the file's path,
size and modification time. The files are read-only data that ship with the program.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tomllib
from pathlib import Path

from govreport import paths

_MEMORY: dict[tuple, dict] = {}


def _cache_file(path: Path, stat: os.stat_result) -> Path | None:
    folder = paths.cache_dir()
    if folder is None:
        return None
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{sys.version_info[:2]}"
    return folder / "data" / hashlib.sha256(key.encode()).hexdigest()[:24]


def load_toml(path: Path | str) -> dict:
    """The parsed file. Callers must not change the returned dict (it is shared)."""
    path = Path(path)
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key in _MEMORY:
        return _MEMORY[key]
    cached = _cache_file(path, stat)
    data = None
    if cached is not None and cached.is_file():
        with contextlib.suppress(Exception):       # a damaged cache is just reparsed
            data = pickle.loads(cached.read_bytes())
    if not isinstance(data, dict):
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        if cached is not None:
            with contextlib.suppress(OSError):
                cached.parent.mkdir(parents=True, exist_ok=True)
                tmp = cached.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
                os.replace(tmp, cached)
    _MEMORY[key] = data
    return data
