"""Write files so that a crash, a full disk or a locked target never leaves a half-written file."""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from govreport.base.errors import InputError, OutputLockedError


def write_atomic(path: Path, writer: Callable[[Path], None]) -> None:
    """Call writer(tmp) to produce the file beside path, then replace path with it.

    The old file stays untouched if anything fails. A target that cannot be replaced
    (open in Word/WPS on Windows, read-only) raises OutputLockedError in Chinese.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if len(path.name.encode("utf-8")) > 255:
            raise InputError(f"文件名“{path.name[:20]}…”太长，请改用短一些的文件名", path=path)
        if path.is_dir():
            raise InputError(f"“{path}”是一个文件夹，请给出要保存的文件名", path=path)
        if not folder.exists():
            raise InputError(f"保存位置“{folder}”不存在", path=path)
        if path.exists() and not path.stat().st_mode & stat.S_IWRITE:
            # a file made read-only on purpose (a filed final version) is never replaced,
            # though replacing by rename would work (and root could write it anyway)
            raise OutputLockedError(f"“{path.name}”是只读文件，不会被替换；请另存为其他文件名",
                                    path=path)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem[:40]}-", suffix=".tmp", dir=folder)
    except PermissionError as exc:
        raise OutputLockedError(f"没有权限在“{folder}”中保存文件，请换一个保存位置",
                                path=path) from exc
    except OSError as exc:
        raise InputError(f"无法在“{folder}”中保存“{path.name}”：{exc.strerror or exc}",
                         path=path) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        writer(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        _usual_mode(tmp)
        try:
            os.replace(tmp, path)
        except PermissionError as exc:
            raise OutputLockedError(
                f"无法保存“{path.name}”：文件正被其他程序（如 Word、WPS）打开或为只读，"
                f"请关闭后重试，或另存为其他文件名", path=path) from exc
    except PermissionError as exc:
        raise OutputLockedError(f"没有权限写入“{path}”，请换一个保存位置", path=path) from exc
    except OSError as exc:
        raise InputError(f"无法保存“{path}”：{exc.strerror or exc}", path=path) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _read_umask() -> int | None:
    # read once, when this module loads: setting the umask to read it back is process-wide,
    # and later a worker thread may be creating files
    if os.name != "posix":
        return None
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_UMASK = _read_umask()


def _usual_mode(tmp: Path) -> None:
    """mkstemp makes the file private (0600); a report or draft gets the permissions any new
    file in that folder would get (others on a shared Linux desktop may read it)."""
    if _UMASK is not None:
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o666 & ~_UMASK)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    write_atomic(path, lambda tmp: tmp.write_bytes(data))


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))
