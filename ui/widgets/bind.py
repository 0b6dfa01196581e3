"""Connect a signal to ``fn(*args)``, ignoring the signal's own arguments.

Used instead of ``lambda _=False, k=key: ...``: default values in slot lambdas trip a reference
counting problem in PySide6's signature handling (a crash at exit, "bool_dealloc").
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any


def bind(fn: Callable[..., Any], *args: Any) -> Callable[..., None]:
    def slot(*_signal_args: Any) -> None:
        fn(*args)
    return slot
