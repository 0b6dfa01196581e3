"""One place to emit Qt signals from Python: ``emit(signal, *args)`` and ``emitter(signal)``.

PySide6 6.12.0 on Python 3.11 miscounted references to ``None`` and ``True`` (every call of a Qt
method returning nothing dropped one to None, every ``Signal.emit()`` one to True) and the
interpreter aborted after some thousands; the project pins 6.11.3, which counts them right, and
``tests/ui/test_binding.py`` fails if a binding that miscounts comes back.
"""
from __future__ import annotations

from typing import Any


def emit(signal: Any, *args: Any) -> None:
    signal.emit(*args)


def emitter(signal: Any) -> Any:
    """A callable that emits ``signal`` (to use as a slot or a listener)."""
    def fire(*args: Any) -> None:
        emit(signal, *args)
    return fire
