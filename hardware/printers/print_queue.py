"""A print queue per printer: a worker thread prints jobs in order and never drops one.

The sale is in the database before anything is printed, so the queue lives in memory; after a
restart the till reprints from the database. On a failure the job stays at the head of the queue,
``on_state(status, message)`` tells the UI (from the worker thread: wrap it in a Qt signal), and the
job is tried again after a growing delay, or at once when :meth:`PrintQueue.retry_now` is called
(the cashier pressed "Print again" after loading paper). Only :meth:`cancel` removes a job unprinted.

A job is removed only after ``print_document`` returned, so each job is printed once as far as
the printer reports; a connection lost *while* the bytes are sent can still give a second copy
(the printer may have printed before the error reached us).
"""
from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pos.ports import CoverOpen, PaperOut, PrinterError, PrinterOffline, PrinterStatus, ReceiptPrinter
from pos.receipt import ReceiptDocument

log = logging.getLogger(__name__)

DEFAULT_RETRY_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0)

StateCallback = Callable[[PrinterStatus, str], None]


@dataclass
class PrintJob:
    job_id: str
    doc: ReceiptDocument
    submitted_at: float = field(default_factory=time.time)
    attempts: int = 0
    last_error: str = ""


def status_for_error(err: BaseException) -> PrinterStatus:
    """The printer state a failure implies (for the UI's printer indicator)."""
    msg = str(err)
    if isinstance(err, PaperOut):
        return PrinterStatus(online=False, paper="out", detail=msg)
    if isinstance(err, CoverOpen):
        return PrinterStatus(online=False, paper="unknown", cover_open=True, detail=msg)
    if isinstance(err, PrinterOffline):
        return PrinterStatus(online=False, paper="unknown", detail=msg)
    return PrinterStatus(online=False, paper="unknown", detail=msg)


class PrintQueue:
    def __init__(
        self,
        printer: ReceiptPrinter,
        on_state: StateCallback | None = None,
        *,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
        status_poll: float | None = None,
        start: bool = True,
    ) -> None:
        """``status_poll``: when idle, read ``printer.status()`` this often (seconds) and report
        changes (paper near its end, cover opened, printer gone) before a receipt fails."""
        self.printer = printer
        self.on_state = on_state
        self.retry_delays = tuple(retry_delays) or DEFAULT_RETRY_DELAYS
        self.status_poll = status_poll
        self._last_polled: PrinterStatus | None = None
        self._jobs: deque[PrintJob] = deque()
        self._cond = threading.Condition()
        self._retry = False
        self._closed = False
        self._printing: PrintJob | None = None
        self._ids = itertools.count(1)
        self._failures = 0
        self.printed: list[str] = []  # job ids printed, in order (for logs and tests)
        self._thread = threading.Thread(target=self._run, name=f"print-queue-{printer.name}", daemon=True)
        if start:
            self._thread.start()

    # public API ----------------------------------------------------------------------------
    def submit(self, doc: ReceiptDocument) -> str:
        with self._cond:
            if self._closed:
                raise PrinterError("The print queue is closed; the receipt can be reprinted from the sale.")
            job = PrintJob(f"job-{next(self._ids)}", doc)
            self._jobs.append(job)
            self._cond.notify_all()
            return job.job_id

    def pending(self) -> list[PrintJob]:
        """Jobs not yet printed, in order (the one being tried first)."""
        with self._cond:
            return list(self._jobs)

    def retry_now(self) -> None:
        with self._cond:
            self._retry = True
            self._cond.notify_all()

    def cancel(self, job_id: str) -> bool:
        """Remove a job that is waiting (not the one being sent right now); True if removed."""
        with self._cond:
            for job in self._jobs:
                if job.job_id == job_id and job is not self._printing:
                    self._jobs.remove(job)
                    self._cond.notify_all()
                    return True
            return False

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until every job was printed; False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while self._jobs:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._cond.wait(left)
            return True

    def close(self, timeout: float = 5.0) -> None:
        """Stop the worker after the job in hand; unprinted jobs stay in ``pending()``."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout)

    # worker --------------------------------------------------------------------------------
    def _report(self, status: PrinterStatus, message: str) -> None:
        if self.on_state is None:
            return
        try:
            self.on_state(status, message)
        except Exception:
            log.exception("print queue state callback failed")

    def _poll_status(self) -> None:
        try:
            st = self.printer.status()
            msg = st.detail
        except Exception as e:
            st, msg = status_for_error(e), str(e)
        if st != self._last_polled:
            self._last_polled = st
            if st.paper == "near_end" and st.ready:
                msg = msg or "The paper roll is nearly finished"
            self._report(st, msg or ("Printer ready" if st.ready else "Printer not ready"))

    def _run(self) -> None:
        while True:
            with self._cond:
                polled = False
                while not self._jobs and not self._closed:
                    if self.status_poll is None:
                        self._cond.wait()
                    elif not self._cond.wait(self.status_poll) and not self._jobs and not self._closed:
                        polled = True
                        break
                if self._closed:
                    return
            if polled:
                self._poll_status()
                continue
            with self._cond:
                if not self._jobs:
                    continue
                job = self._jobs[0]
                self._printing = job
                self._retry = False
            try:
                job.attempts += 1
                self.printer.print_document(job.doc)
            except Exception as e:  # never lose the job, whatever went wrong
                job.last_error = str(e)
                if not isinstance(e, PrinterError):
                    log.exception("unexpected error printing %s", job.job_id)
                with self._cond:
                    self._printing = None
                    waiting = len(self._jobs)
                delay = self.retry_delays[min(self._failures, len(self.retry_delays) - 1)]
                self._failures += 1
                self._report(status_for_error(e), f"{e} ({waiting} receipt(s) waiting)")
                with self._cond:
                    end = time.monotonic() + delay
                    while not self._retry and not self._closed:
                        left = end - time.monotonic()
                        if left <= 0:
                            break
                        self._cond.wait(left)
                continue
            with self._cond:
                self._printing = None
                if self._jobs and self._jobs[0] is job:
                    self._jobs.popleft()
                self.printed.append(job.job_id)
                waiting = len(self._jobs)
                self._cond.notify_all()
            recovered = self._failures > 0
            self._failures = 0
            msg = "Printer ready again" if recovered else "Printed"
            ok = PrinterStatus(online=True, paper="ok", detail="printed")
            self._last_polled = ok
            self._report(ok, f"{msg} ({waiting} waiting)")
