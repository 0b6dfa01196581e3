"""Background operations: the GUI thread never waits on the database or a device.

The pattern is Anki's ``CollectionOp``: a screen hands a plain function to ``Ops.run`` and gets its
result back *on the GUI thread* through a signal. One ``Ops`` owns one serial worker thread (one
worker per resource, as in Vorta): the till's calls run one after another in the order they were
asked, so the ``Till`` facade is never entered by two threads at once. A second ``Ops`` drives the
receipt printer, so a slow printer never freezes the till.

Errors are routed in one place:

* errors meant for a person (``pos.errors.UserError``, ``ApprovalRequired`` among them) go to the ``on_error`` callback when one is given, else to ``user_error`` (the screen's message
  area);
* anything else is a bug or a broken device: it goes to ``unexpected_error`` (one
  ``show_exception`` handler), never to ``on_error``.
"""
from __future__ import annotations

import itertools
import logging
import queue
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from pos.errors import UserError

log = logging.getLogger(__name__)


def is_user_error(exc: BaseException) -> bool:
    """An error meant for the person at the screen (its code says which message to show)."""
    return isinstance(exc, UserError)


@dataclass
class Operation:
    """One call waiting for or running on a worker. ``cancel()`` drops its callbacks (the call
    itself still runs: a database change is never half done)."""

    fn: Callable[[], Any]
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    label: str = ""
    id: int = 0
    cancelled: bool = field(default=False)

    def cancel(self) -> None:
        self.cancelled = True


class _Worker(QThread):
    """Runs queued operations one at a time; reports through the owning ``Ops``' signals."""

    def __init__(self, ops: "Ops", name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self._ops = ops
        self.jobs: queue.Queue[Operation | None] = queue.Queue()

    def run(self) -> None:  # the worker thread
        while True:
            op = self.jobs.get()
            if op is None:
                return
            try:
                result = op.fn()
            except BaseException as exc:  # noqa: BLE001 - every error is reported, none lost
                tb = traceback.format_exc()
                self._ops._failed.emit(op, exc, tb)
            else:
                self._ops._done.emit(op, result)


class Ops(QObject):
    """A serial background worker with results delivered on the GUI thread."""

    #: True while operations are queued or running (screens show a busy state).
    busy_changed = Signal(bool)
    #: A domain error with no ``on_error`` of its own: the screen shows ``str(exc)``.
    user_error = Signal(object)
    #: An unexpected error: (exception, formatted traceback).
    unexpected_error = Signal(object, str)
    #: An operation finished (done or failed); tests and screens may listen.
    finished = Signal(object)

    _done = Signal(object, object)
    _failed = Signal(object, object, str)

    def __init__(self, name: str = "till-worker", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._pending = 0
        self._worker = _Worker(self, name)
        self._done.connect(self._on_done)
        self._failed.connect(self._on_failed)
        self._worker.start()

    # --- public API ------------------------------------------------------------------------------

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, *,
            label: str = "") -> Operation:
        """Queue ``fn`` on the worker; ``on_done(result)`` / ``on_error(exc)`` run on this thread."""
        op = Operation(fn, on_done, on_error, label, next(self._ids))
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._worker.jobs.put(op)
        return op

    @property
    def pending(self) -> int:
        """Operations queued or running."""
        return self._pending

    def is_idle(self) -> bool:
        return self._pending == 0

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Let queued work finish, then stop the thread (at application exit)."""
        if self._worker.isRunning():
            self._worker.jobs.put(None)
            self._worker.wait(timeout_ms)

    # --- delivery on the GUI thread --------------------------------------------------------------

    def _settle(self, op: Operation) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        self.finished.emit(op)

    def _on_done(self, op: Operation, result: Any) -> None:
        try:
            if not op.cancelled and op.on_done is not None:
                op.on_done(result)
        except Exception as exc:  # a bug in the screen's callback
            self._unexpected(exc, traceback.format_exc())
        finally:
            self._settle(op)

    def _on_failed(self, op: Operation, exc: BaseException, tb: str) -> None:
        try:
            if op.cancelled:
                return
            if is_user_error(exc):
                if op.on_error is not None:
                    op.on_error(exc)
                else:
                    self.user_error.emit(exc)
            else:
                self._unexpected(exc, tb)
        except Exception as cb_exc:
            self._unexpected(cb_exc, traceback.format_exc())
        finally:
            self._settle(op)

    def _unexpected(self, exc: BaseException, tb: str) -> None:
        log.error("operation failed unexpectedly:\n%s", tb)
        self.unexpected_error.emit(exc, tb)
