"""Any exception that reaches the top is logged to the data folder and shown in Chinese;
the wizard stays usable. Slots are wrapped with @guarded; sys.excepthook is the backstop."""
from __future__ import annotations

import datetime as dt
import functools
import inspect
import sys
import traceback
from pathlib import Path
from typing import Callable

from govreport.gui import locations

LOG_LIMIT = 1_000_000     # bytes; the old log is kept once as govreport.log.1

_parent: Callable[[], object] | None = None
_before_report: Callable[[], None] | None = None
_showing = False


def configure(parent: Callable[[], object] | None, before_report: Callable[[], None] | None) -> None:
    """parent(): the window for message boxes; before_report(): e.g. autosave the draft."""
    global _parent, _before_report
    _parent, _before_report = parent, before_report


def log_exception(exc: BaseException) -> Path | None:
    path = locations.log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_LIMIT:
            path.replace(path.with_name(path.name + ".1"))
        from govreport import __version__
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')} "
                     f"govreport {__version__} python {sys.version.split()[0]}\n{text}\n")
        return path
    except OSError:
        return None


def report(exc: BaseException) -> None:
    """Tell the clerk; a bad-input error is just its message, anything else is logged first."""
    global _showing
    from govreport.base.errors import InputError
    from govreport.gui import dialogs
    parent = _parent() if _parent else None
    if isinstance(exc, InputError):
        dialogs.error(parent, "无法完成", str(exc))
        return
    log = log_exception(exc)
    saved = ""
    if _before_report is not None:
        try:
            _before_report()
            saved = "您的草稿已自动保存，可以继续操作。"
        except Exception:  # noqa: BLE001 - reporting must not fail on the autosave
            saved = ""
    if _showing:
        return                      # an error while the error box is up: logged, not stacked
    _showing = True
    try:
        where = f"详细信息已记录在日志文件：\n{log}" if log else "日志文件无法写入。"
        dialogs.error(parent, "程序出现意外错误",
                      f"刚才的操作没有完成：{type(exc).__name__}：{exc}",
                      detail=f"{saved}请再试一次；如果问题反复出现，请把日志文件发给技术支持人员。\n{where}")
    finally:
        _showing = False


def guarded(fn: Callable) -> Callable:
    """Wrap a slot: exceptions are reported, never propagated into Qt.

    Signals pass extra arguments (clicked(bool)); the wrapper drops those the slot does not take.
    """
    npos: list[int | None] = []        # read on the first call: most slots never fire at start-up

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if not npos:
            npos.append(_positional_count(fn))
        if npos[0] is not None:
            args = args[:npos[0]]
        try:
            return fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - the top of a slot: report and carry on
            report(exc)
            return None

    return wrapper


def _positional_count(fn: Callable) -> int | None:
    """How many positional arguments fn takes; None when it takes any number."""
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return 0
    if any(p.kind == p.VAR_POSITIONAL for p in params):
        return None
    return sum(1 for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))


def excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    try:
        report(exc)
    except Exception:  # noqa: BLE001 - last resort: the default hook prints it
        sys.__excepthook__(exc_type, exc, tb)


def install() -> Callable:
    """Install the hook; returns the previous one (to restore)."""
    previous = sys.excepthook
    sys.excepthook = excepthook
    return previous
