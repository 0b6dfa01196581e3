"""A simulated card terminal's transaction counter, kept on disk like a real terminal's.

A real terminal numbers its transactions on and on: a reference it gave once never comes again,
and a return refunds by it. The simulators counted from 1 in every process, so after a restart
the till met ``SIM00001-000001`` (and its authorisation code) a second time. A
:class:`TransactionCounter` keeps the last number in a small file per terminal, read and written
under an exclusive lock, so numbers go on after a restart and two processes simulating the same
terminal never hand out the same one.

The files live in ``POS_SIMULATOR_STATE`` if set, else in ``simulators/`` of the till's data
directory (``POS_DATA_DIR``, else the platform's: ``~/.local/share/omnipos`` on Linux). Where no
file can be written the counter starts from the clock (tenths of a second), which still moves on
between runs.
"""
from __future__ import annotations

import logging
import os
import re
import threading
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: one process at a time
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)


def state_dir() -> Path:
    """Where simulated terminals keep their counters (see the module docstring)."""
    if os.environ.get("POS_SIMULATOR_STATE"):
        return Path(os.environ["POS_SIMULATOR_STATE"])
    if os.environ.get("POS_DATA_DIR"):
        return Path(os.environ["POS_DATA_DIR"]) / "simulators"
    from platformdirs import user_data_dir

    return Path(user_data_dir("omnipos")) / "simulators"


class TransactionCounter:
    """The numbers of one terminal's transactions, 1, 2, 3 ... across restarts and processes;
    ``modulo`` bounds them to the digits a reference has."""

    def __init__(self, terminal_id: str, directory: Path | str | None = None,
                 modulo: int = 10**8) -> None:
        self.terminal_id = terminal_id
        name = re.sub(r"[^A-Za-z0-9_.-]", "_", terminal_id) or "terminal"
        self.path = Path(directory if directory is not None else state_dir()) / f"{name}.seq"
        self.modulo = modulo
        self._lock = threading.Lock()
        self._fallback: int | None = None

    def next(self) -> int:
        with self._lock:
            try:
                return self._next_on_disk()
            except OSError as e:
                if self._fallback is None:
                    log.warning("terminal %s: cannot keep its counter in %s (%s); counting from "
                                "the clock", self.terminal_id, self.path, e)
                    self._fallback = int(time.time() * 10)
                self._fallback += 1
                return self._fallback % self.modulo or 1

    def _next_on_disk(self) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a+", encoding="ascii") as f:
            if fcntl is not None:
                fcntl.flock(f.fileno(), fcntl.LOCK_EX)  # released when the file closes
            f.seek(0)
            text = f.read().strip()
            last = int(text) if text.isdigit() else 0
            n = last + 1 if last + 1 < self.modulo else 1
            f.seek(0)
            f.truncate()
            f.write(f"{n}\n")
            f.flush()
            os.fsync(f.fileno())  # a number handed out is never handed out again
            return n
