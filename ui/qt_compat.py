"""Work-arounds for the Qt binding in use.

PySide6 6.12 on Python 3.11: every ``Signal.emit()`` called from Python drops one reference to
``True`` (the boolean it returns is not ``INCREF``-ed). After a few hundred emits ``True``'s count
reaches zero and the interpreter aborts ("Fatal Python error: bool_dealloc"). Python 3.12+ has
immortal booleans and is unaffected. ``emit(signal, *args)`` emits and, only when the bug is
present (measured once at import), gives the reference back.
"""
from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _emit_leaks_a_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    return sys.getrefcount(True) < before


_LEAKS = _emit_leaks_a_true()
if _LEAKS:
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))  # the probe's own emit
_incref = ctypes.pythonapi.Py_IncRef
_true = ctypes.py_object(True)


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, safe from the reference leak above."""
    result = signal.emit(*args)
    if _LEAKS and result is True:
        _incref(_true)


def emitter(signal: Any) -> Any:
    """A callable that emits ``signal`` (to use as a slot or a listener)."""
    def fire(*args: Any) -> None:
        emit(signal, *args)
    return fire
