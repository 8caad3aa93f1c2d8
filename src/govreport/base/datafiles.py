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
import re
import sys
import tomllib
from pathlib import Path

from govreport.base import paths
from govreport.base.errors import InputError

_MEMORY: dict[tuple, dict] = {}


def _cache_file(path: Path, stat: os.stat_result) -> Path | None:
    folder = paths.cache_dir()
    if folder is None:
        return None
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{sys.version_info[:2]}"
    return folder / "data" / hashlib.sha256(key.encode()).hexdigest()[:24]


_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def _parse(path: Path) -> dict:
    """The file parsed; a county may edit these files, so a slip gets one line of Chinese
    naming the file and the place, not a traceback."""
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        m = _AT.search(str(exc))
        where = f"第{m.group(1)}行第{m.group(2)}列" if m else ""
        raise InputError(f"数据文件“{path.name}”{where}格式有误，请改正，或换回软件自带的原文件",
                         path=path) from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"数据文件“{path.name}”不是 UTF-8 编码，请用记事本“另存为”UTF-8 编码",
                         path=path) from exc


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
        data = _parse(path)
        if cached is not None:
            with contextlib.suppress(OSError):
                cached.parent.mkdir(parents=True, exist_ok=True)
                tmp = cached.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
                os.replace(tmp, cached)
    _MEMORY[key] = data
    return data
