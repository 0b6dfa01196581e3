"""The print queue: failures keep the job, recovery prints each job once and in order."""
from __future__ import annotations

import threading

import pytest

from hardware.printers.factory import make_printer
from hardware.printers.print_queue import PrintQueue
from hardware.simulators.escpos_decode import barcodes
from hardware.simulators.escpos_printer import PrinterSimulator
from pos.ports import PaperOut, PrinterError, PrinterOffline, PrinterStatus
from pos.receipt import Barcode, ReceiptDocument, Text


def doc(n: int) -> ReceiptDocument:
    return ReceiptDocument(blocks=(Text(f"Kvitto {n}"), Barcode(f"R-K1-{n:06d}")), receipt_no=str(n))


class FlakyPrinter:
    """Fails with the given errors first, then prints (records documents)."""

    name = "flaky"

    def __init__(self, errors: list[Exception]) -> None:
        self.errors = list(errors)
        self.printed: list[ReceiptDocument] = []
        self.calls = 0
        self.lock = threading.Lock()

    def print_document(self, d: ReceiptDocument) -> None:
        with self.lock:
            self.calls += 1
            if self.errors:
                raise self.errors.pop(0)
            self.printed.append(d)

    def status(self) -> PrinterStatus:
        return PrinterStatus(online=True)

    def open_drawer(self) -> None:
        pass


class States:
    def __init__(self) -> None:
        self.items: list[tuple[PrinterStatus, str]] = []
        self.event = threading.Event()

    def __call__(self, st: PrinterStatus, msg: str) -> None:
        self.items.append((st, msg))
        self.event.set()


def test_prints_in_order_exactly_once_after_failures() -> None:
    p = FlakyPrinter([PrinterOffline("printer off"), PaperOut("no paper")])
    states = States()
    q = PrintQueue(p, states, retry_delays=(0.02,))
    ids = [q.submit(doc(i)) for i in range(1, 4)]
    assert len(set(ids)) == 3
    assert q.wait_idle(5)
    q.close()
    assert [d.receipt_no for d in p.printed] == ["1", "2", "3"]
    assert p.calls == 5  # two failures, then three prints
    assert q.pending() == [] and q.printed == ids
    kinds = [(s.online, s.paper) for s, _ in states.items]
    assert kinds[0] == (False, "unknown") and kinds[1] == (False, "out")
    assert "no paper" in states.items[1][1]
    assert states.items[2][0].online and "ready again" in states.items[2][1]


def test_failed_job_is_kept_and_retry_now_prints_at_once() -> None:
    p = FlakyPrinter([PaperOut("no paper")])
    states = States()
    q = PrintQueue(p, states, retry_delays=(60.0,))  # would wait a minute without retry_now
    q.submit(doc(1))
    assert states.event.wait(2)
    (job,) = q.pending()
    assert job.attempts == 1 and "no paper" in job.last_error
    assert p.printed == []
    q.retry_now()
    assert q.wait_idle(2)
    assert [d.receipt_no for d in p.printed] == ["1"]
    q.close()


def test_unexpected_exceptions_do_not_kill_the_worker_or_drop_the_job() -> None:
    p = FlakyPrinter([RuntimeError("bug"), ValueError("odd")])
    q = PrintQueue(p, None, retry_delays=(0.01,))
    q.submit(doc(7))
    assert q.wait_idle(3)
    assert [d.receipt_no for d in p.printed] == ["7"]
    q.close()


def test_close_keeps_unprinted_jobs_and_cancel_removes_waiting_ones() -> None:
    p = FlakyPrinter([PrinterOffline("x")] * 1000)
    q = PrintQueue(p, None, retry_delays=(30.0,))
    a = q.submit(doc(1))
    b = q.submit(doc(2))
    assert q.cancel(b) is True and q.cancel("nope") is False
    q.close(timeout=2)
    assert [j.job_id for j in q.pending()] == [a]
    with pytest.raises(PrinterError, match="closed"):
        q.submit(doc(3))


def test_queue_against_the_simulator_recovers_from_paper_out() -> None:
    with PrinterSimulator(port=0) as sim:
        sim.paper_out = True
        states = States()
        q = PrintQueue(make_printer(sim.url), states, retry_delays=(0.05,))
        for i in (1, 2):
            q.submit(doc(i))
        assert states.event.wait(3)
        assert states.items[0][0].paper == "out"
        assert sim.jobs == [] and len(q.pending()) == 2
        sim.paper_out = False
        q.retry_now()
        assert q.wait_idle(5)
        sim.wait_for_jobs(2)
        q.close()
        assert [barcodes(j) for j in sim.jobs] == [["R-K1-000001"], ["R-K1-000002"]]


class PolledPrinter(FlakyPrinter):
    def __init__(self) -> None:
        super().__init__([])
        self.state = PrinterStatus(online=True, paper="ok")

    def status(self) -> PrinterStatus:
        if isinstance(self.state, Exception):
            raise self.state
        return self.state


def test_idle_status_poll_reports_changes_only() -> None:
    p = PolledPrinter()
    states = States()
    q = PrintQueue(p, states, status_poll=0.02)
    try:
        deadline = threading.Event()
        for _ in range(100):
            if states.items:
                break
            deadline.wait(0.01)
        assert [s.paper for s, _ in states.items] == ["ok"]
        deadline.wait(0.1)
        assert len(states.items) == 1  # unchanged: not reported again
        p.state = PrinterStatus(online=True, paper="near_end")
        for _ in range(100):
            if len(states.items) >= 2:
                break
            deadline.wait(0.01)
        assert states.items[1][0].paper == "near_end" and "nearly finished" in states.items[1][1]
        p.state = PrinterOffline("gone")
        for _ in range(100):
            if len(states.items) >= 3:
                break
            deadline.wait(0.01)
        assert not states.items[2][0].online and "gone" in states.items[2][1]
        # jobs still print while polling
        p.state = PrinterStatus(online=True, paper="ok")
        q.submit(doc(9))
        assert q.wait_idle(2) and [d.receipt_no for d in p.printed] == ["9"]
    finally:
        q.close()
