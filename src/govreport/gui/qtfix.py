"""Work around a PySide6 refcount bug that would end a long session with a fatal error.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every call of a method that
returns nothing (label.setText(), fmt.merge() ...). On 3.12+ None is immortal and nothing
happens; on 3.11 None's count runs down and the interpreter aborts with "none_dealloc:
deallocating None" after enough clicks and keystrokes (the wizard's tests hit it in seconds).
Giving None a reference count no session can exhaust is what Python 3.12 does for it anyway.
"""
from __future__ import annotations

import sys

_RESERVE = 1 << 40


def keep_none_alive() -> bool:
    """Top up None's reference count on CPython < 3.12; True if it was changed."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    import ctypes
    refcnt = ctypes.c_ssize_t.from_address(id(None))   # ob_refcnt is PyObject's first field
    if refcnt.value >= _RESERVE:
        return False
    refcnt.value += _RESERVE
    return True
