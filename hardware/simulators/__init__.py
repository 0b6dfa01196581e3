"""Simulators adapters and helpers."""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def serve_until_interrupted(sim: Any, foreground: Callable[[], None] | None = None) -> int:
    """Keep a simulator's process alive (its servers run in threads) until Ctrl-C, then stop it.
    ``foreground`` runs first (e.g. reading commands from stdin); the process serves on after it.
    Returns the process's exit code."""
    try:
        if foreground is not None:
            foreground()
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0
