"""The outbox's returns (``pos.sync.return_events``) on a real database (SQLite and PostgreSQL):
one message per return receipt, delivered to the central store's returns desk by its key; a
return the order refuses is set aside at once for a person, while an unreachable central store
is retried."""
from __future__ import annotations

import random
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

import main
from pos.db.models_sync import DEAD, FAILED, SENT
from pos.db.repositories import OutboxRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.ports import CommerceUnavailable, ReturnsDesk
from pos.returns import CentralReturn, CentralReturnLine, PurchaseKind, ReturnError
from pos.sync.outbox import DEFAULT_HANDLERS, OutboxWorker, enqueue
from pos.sync.return_events import RETURN_KIND, return_handlers, return_key
from tests.sync.fakes import FakeStore

T0 = datetime(2026, 11, 30, 9, 0, 0)


class Desk:
    """A returns desk that records what it was asked, answers as told."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.calls: list[tuple[CentralReturn, str]] = []

    def register_return(self, ret: CentralReturn, idempotency_key: str) -> str:
        self.calls.append((ret, idempotency_key))
        answer = self.answers.pop(0) if self.answers else "return_1"
        if isinstance(answer, Exception):
            raise answer
        return answer


def a_return(n: int = 1) -> CentralReturn:
    return CentralReturn(
        kind=PurchaseKind.STORE_SALE, code=f"R-K2-{n:06d}", order_id="", sale_id=f"sale-{n}",
        location_id="store-gbg",
        lines=(CentralReturnLine("2", "TSH-1", 1, "wrong_size", True),
               CentralReturnLine("3", "MUG-1", 1, "defect", False)),
        refund_central=0, return_sale_id=f"ret-{n}", register_id="K1", receipt_no=40 + n,
        completed_at="2026-11-30T10:00:00+01:00", refunded_at_till=(("card", "ref-9", 13337),))


def key_of(ret: CentralReturn) -> str:
    return return_key(ret.return_sale_id, ret.code)


def queue(sf, *returns: CentralReturn) -> list[str]:
    """As the till queues them (``enqueue_returns``): by the return sale's id and the code."""
    with sf() as s, s.begin():
        for r in returns:
            enqueue(OutboxRepository(s), RETURN_KIND, key_of(r), r.to_dict(), T0)
    return [key_of(r) for r in returns]


def worker(sf, desk, clock=lambda: T0):
    return OutboxWorker(SqlUnitOfWork(sf), FakeStore(), clock, rng=random.Random(7),
                        handlers={**DEFAULT_HANDLERS,
                                  **return_handlers(SimpleNamespace(returns=desk))})


def row(sf, key):
    with sf() as s:
        r = OutboxRepository(s).by_key(key)
        return r.status, r.remote_id, r.last_error


def test_a_return_is_sent_once_by_its_key_with_its_whole_record(session_factory):
    ret = a_return()
    queue(session_factory, ret, ret)  # queued once
    desk = Desk("return_01ABC")
    w = worker(session_factory, desk)
    assert w.run_once().sent == ["return:ret-1:R-K2-000001"]
    assert w.run_once().sent == []  # nothing is sent twice
    ((sent, key),) = desk.calls
    assert sent == ret and key == "return:ret-1:R-K2-000001"  # every field came through
    assert row(session_factory, key)[:2] == (SENT, "return_01ABC")


def test_a_refused_return_is_set_aside_at_once_and_the_next_goes_on(session_factory):
    queue(session_factory, a_return(1), a_return(2))
    refused = ReturnError("return.too_many", name="T-shirt", max=0, bought=1, returned=1)
    desk = Desk(refused, "return_2")
    report = worker(session_factory, desk).run_once()
    assert report.dead == [key_of(a_return(1))] and report.sent == [key_of(a_return(2))]
    status, _, error = row(session_factory, key_of(a_return(1)))
    assert status == DEAD and "at most 0 can be returned" in error
    assert len(desk.calls) == 2  # the refused one was asked once, not ten times


def test_an_unreachable_central_store_is_retried_until_it_answers(session_factory):
    queue(session_factory, a_return())
    desk = Desk(CommerceUnavailable("POST /admin/returns: connection refused"), "return_9")
    now = [T0]
    w = worker(session_factory, desk, clock=lambda: now[0])
    key = key_of(a_return())
    assert w.run_once().failed and row(session_factory, key)[0] == FAILED
    now[0] = T0 + timedelta(minutes=10)
    assert w.run_once().sent == [key]
    assert [k for _, k in desk.calls] == [key] * 2  # the same key both times


def test_no_returns_desk_no_handler():
    assert return_handlers(object()) == {}
    assert set(return_handlers(SimpleNamespace(returns=Desk()))) == {RETURN_KIND}


def test_the_tills_outbox_and_the_sync_command_send_returns(monkeypatch, tmp_path):
    """main.py's outbox (and ``sync outbox``) get the central store's returns desk."""
    from integrations.medusa.client import MedusaClient
    from integrations.medusa.returns import MedusaReturnsDesk
    from integrations.medusa.store import MedusaStore

    store = MedusaStore(MedusaClient("http://127.0.0.1:9"), {
        "sales_channels": {"web": "sc_web"}, "stock_locations": {}}, "store-gbg")
    assert isinstance(store.returns, MedusaReturnsDesk) and isinstance(store.returns, ReturnsDesk)
    given = []
    monkeypatch.setattr(OutboxWorker, "start_thread", lambda self, stop, interval: given.append(self))
    ctx = SimpleNamespace(session_factory=None)
    main.start_outbox(ctx, store)
    assert RETURN_KIND in given[0].handlers


def test_the_till_finds_purchases_in_the_central_store(monkeypatch, tmp_path):
    from integrations.medusa.purchases import MedusaPurchaseRecords
    from pos.ports import PurchaseRecords

    sentinel = SimpleNamespace(purchases=MedusaPurchaseRecords(None, {}), stock=None,
                               addresses=None, pickups=None, customers=None, web_carts=None)
    assert isinstance(sentinel.purchases, PurchaseRecords)
    import wiring
    monkeypatch.setattr(wiring, "build_commerce_store", lambda cfg: sentinel)
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    cfg = tmp_path / "pos.toml"
    cfg.write_text('[devices]\nprinter = "dummy"\n[register]\nid = "K7"\n', encoding="utf-8")
    from pos.config import load_config
    till, ctx = main.build_till(load_config(cfg), with_customers=True)  # as the app builds it
    assert till.purchase_records is sentinel.purchases
    ctx.engine.dispose()
