"""Two transactions on one register at once, as two tills (or a till and the back office) sharing
a database are: each reads the register's counters before the other commits.

SQLite serialises writers (BEGIN IMMEDIATE), so these matter on PostgreSQL, where only a row lock
(SELECT ... FOR UPDATE) keeps the second transaction from reading what the first is changing.
A barrier holds the first one, after it read and before it commits, until the second has read
too (or for BARRIER_WAIT seconds, when the second is rightly kept waiting by the lock)."""
import threading
from datetime import datetime

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from pos.db.repositories import CartRepository, JournalRepository, RegisterRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal import verify_chain
from pos.services.till import Devices, Till, TillConfig
from tests.services.conftest import make_till, printer, terminal  # noqa: F401 - fixtures

BARRIER_WAIT = 2.0  # seconds the first waits for the second (which the lock holds back)


def both_at_once(*work):
    """Run each callable in its own thread at the same time; their results, or their errors."""
    results: list[object] = [None] * len(work)
    errors: list[BaseException] = []

    def run(i, fn):
        try:
            results[i] = fn()
        except BaseException as e:  # noqa: BLE001 - reported by the test
            errors.append(e)
    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(work)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not any(t.is_alive() for t in threads), "a transaction never finished (deadlock?)"
    return results, errors


def wait_for_the_other(barrier: threading.Barrier) -> None:
    try:
        barrier.wait(BARRIER_WAIT)
    except threading.BrokenBarrierError:
        pass  # the other is held by the lock (right) or already past it


class ControlUnitAtABarrier(SimulatedControlUnit):
    """Signs a receipt (after the till took its number, before it commits) only once the other
    till has taken its number too."""

    def __init__(self, barrier: threading.Barrier):
        super().__init__()
        self.barrier = barrier

    def sign(self, record):
        wait_for_the_other(self.barrier)
        return super().sign(record)


def test_two_tills_completing_sales_on_one_register_at_once_get_1_and_2(
        make_till, session_factory, printer, terminal):
    make_till()  # the articles and the staff
    barrier = threading.Barrier(2)
    unit = ControlUnitAtABarrier(barrier)
    tills = [Till(session_factory, Devices(printer, terminal, unit),
                  TillConfig(card_status_interval=0)) for _ in range(2)]
    for t in tills:
        t.login("kim", "1234")
    tills[0].open_shift(50000)
    for t in tills:
        t.scan("KAF-1")  # 59,90
    results, errors = both_at_once(*(lambda t=t: t.pay_cash(10000).sale for t in tills))
    assert not errors, errors
    assert sorted(s.receipt_no for s in results) == [1, 2]
    uow = SqlUnitOfWork(session_factory)
    with uow:
        assert uow.registers.get("K1").next_receipt_no == 3
        assert verify_chain(uow.journal.entries("K1"), uow.journal.head("K1")).ok


def test_two_sessions_appending_to_one_journal_at_once_make_one_chain(session_factory):
    with session_factory() as s, s.begin():
        RegisterRepository(s).ensure("K1")
    barrier = threading.Barrier(2)

    def append(n: int):
        with session_factory() as s, s.begin():
            entry = JournalRepository(s).append("K1", datetime(2026, 11, 23, 9, 0, n).isoformat(),
                                                "note", {"n": n})
            wait_for_the_other(barrier)  # read the head, not yet committed
            return entry.seq

    seqs, errors = both_at_once(lambda: append(1), lambda: append(2))
    assert not errors, errors
    assert sorted(seqs) == [1, 2]
    with session_factory() as s:
        repo = JournalRepository(s)
        entries = list(repo.entries("K1"))
        assert [e.seq for e in entries] == [1, 2]
        assert verify_chain(entries, repo.head("K1")).ok


def test_a_parked_sale_taken_from_two_sessions_at_once_goes_to_one(session_factory):
    with session_factory() as s, s.begin():
        RegisterRepository(s).ensure("K1")
        pid = CartRepository(s).park("K1", "kim", datetime(2026, 11, 23, 9, 0), "", 5990, 1,
                                     {"lines": [], "next_line_id": 1})
    barrier = threading.Barrier(2)

    def take():
        with session_factory() as s, s.begin():
            got = CartRepository(s).take_parked(pid)
            wait_for_the_other(barrier)
            return got

    results, errors = both_at_once(take, take)
    assert not errors, errors
    assert sorted(r is None for r in results) == [False, True]  # one has it, the other: gone
