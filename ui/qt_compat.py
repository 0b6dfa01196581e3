"""Work-arounds for the Qt binding in use.

PySide6 6.12 on Python 3.11 miscounts references to the singletons: every call of a Qt method
that returns nothing (``setText``, ``processEvents`` ...) drops one reference to ``None``
(measured: -1000 after 1000 calls), and every ``Signal.emit()`` called from Python drops one to
``True``. When a count reaches zero the interpreter aborts ("Fatal Python error: none_dealloc" /
"bool_dealloc"): a till would stop after some thousands of scans. Python 3.12+ has immortal
singletons and is unaffected. Here, on import (``ui/__init__.py`` imports this module before
anything of Qt runs), their counts are raised far out of reach (2**40), the way 3.12 makes them
immortal. ``emit(signal, *args)`` stays the one way to emit (a test checks it), so any future
work-around has one place.
"""
from __future__ import annotations

import ctypes
import sys
from typing import Any

PINNED = 1 << 40


def pin_singletons() -> bool:
    """Raise the reference counts of None, True and False out of reach (CPython before 3.12);
    False when nothing needed doing. Idempotent enough: each call adds 2**40 more."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += PINNED  # ob_refcnt is the first field
    return True


PINNED_HERE = pin_singletons()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``; the singletons it miscounts are pinned above."""
    signal.emit(*args)


def emitter(signal: Any) -> Any:
    """A callable that emits ``signal`` (to use as a slot or a listener)."""
    def fire(*args: Any) -> None:
        emit(signal, *args)
    return fire
