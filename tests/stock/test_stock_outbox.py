"""Posted counts reach the central store exactly once (``pos.sync.stock_events``), on SQLite and
PostgreSQL: a lost answer or a restarted worker sends the same key again and the central store
(idempotent by key) applies the difference once; an unreachable store is retried."""
from __future__ import annotations

import random
from datetime import datetime, timedelta
from types import SimpleNamespace

from pos.db.models_sync import SENT
from pos.db.repositories import OutboxRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.ports import CommerceUnavailable, StockAdjustments
from pos.services import stock_counts as sc
from pos.stock_count import Adjustment
from pos.sync.outbox import OutboxWorker
from pos.sync.stock_events import STOCK_ADJUSTMENT, deliver_now, stock_handlers
from tests.stock.conftest import HERE, Directory

T0 = datetime(2026, 11, 30, 9, 0)


class CentralStock:
    """The central store's side: applies each key once (as the Medusa route does); ``lose``
    answers are lost after the change was made (the till does not hear it)."""

    def __init__(self, stocked: dict[str, int], lose: int = 0):
        self.stocked = dict(stocked)
        self.applied: dict[str, Adjustment] = {}
        self.calls: list[str] = []
        self.lose = lose

    def adjust_stock(self, adjustment: Adjustment, idempotency_key: str) -> str:
        self.calls.append(idempotency_key)
        if idempotency_key not in self.applied:
            self.applied[idempotency_key] = adjustment
            if adjustment.fresh:  # a difference, added to the level now
                self.stocked[adjustment.sku] += adjustment.delta
            else:  # an absolute count: the level is set to the counted figure
                self.stocked[adjustment.sku] = adjustment.counted
        if self.lose:
            self.lose -= 1
            raise CommerceUnavailable("read timed out")
        return f"posadj_{len(self.applied)}"


def posted_count(sf) -> list[str]:
    uow = SqlUnitOfWork(sf)
    central = Directory({"HAN-FRO-VIT-30X50": 17, "KAF-MEL-450G": 21})
    count = sc.start_count(uow, T0, "M1", HERE)
    sc.count_article(uow, central, count.id, "7350120016416", T0, HERE, set_to=14)
    sc.count_article(uow, central, count.id, "KAF-MEL-450G", T0, HERE, set_to=23)
    return sc.post_count(uow, count.id, T0, "M1", queued_at=T0)


def worker(sf, desk, clock):
    return OutboxWorker(SqlUnitOfWork(sf), None, clock,  # type: ignore[arg-type]
                        handlers=stock_handlers(SimpleNamespace(stock_adjustments=desk)),
                        rng=random.Random(3))


def test_a_lost_answer_and_a_restart_apply_each_difference_once(session_factory, stock_db):
    keys = posted_count(stock_db)
    central = CentralStock({"HAN-FRO-VIT-30X50": 15, "KAF-MEL-450G": 21}, lose=1)  # 2 sold since
    now = [T0]
    first = worker(stock_db, central, lambda: now[0]).run_once()
    assert first.failed and first.failed[0][0] == keys[0]  # applied, but the answer was lost
    now[0] = T0 + timedelta(minutes=10)
    restarted = worker(stock_db, central, lambda: now[0])  # a new worker: the till restarted
    assert restarted.run_once().sent == keys
    assert restarted.run_once().sent == []
    assert central.calls == [keys[0], keys[0], keys[1]]  # the same key again, never a new one
    # the differences (-3, +2) on top of the sales made meanwhile: 15 - 3, 21 + 2
    assert central.stocked == {"HAN-FRO-VIT-30X50": 12, "KAF-MEL-450G": 23}
    with stock_db() as s:
        assert [OutboxRepository(s).by_key(k).status for k in keys] == [SENT, SENT]


def test_deliver_now_reports_progress_and_leaves_what_failed_queued(stock_db):
    keys = posted_count(stock_db)
    central = CentralStock({"HAN-FRO-VIT-30X50": 17, "KAF-MEL-450G": 21})
    seen = []
    sent, left = deliver_now(SqlUnitOfWork(stock_db), SimpleNamespace(stock_adjustments=central),
                             keys, on_progress=lambda d, n: seen.append((d, n)))
    assert (sent, left) == (2, []) and seen == [(0, 2), (1, 2), (2, 2)]
    assert central.stocked == {"HAN-FRO-VIT-30X50": 14, "KAF-MEL-450G": 23}


def test_the_tills_outbox_and_the_sync_command_send_stock_adjustments(monkeypatch):
    import main
    from integrations.medusa.client import MedusaClient
    from integrations.medusa.stock_adjustments import MedusaStockAdjustments
    from integrations.medusa.store import MedusaStore

    store = MedusaStore(MedusaClient("http://127.0.0.1:9"), {
        "sales_channels": {"web": "sc_web"}, "stock_locations": {}}, "store-gbg")
    assert isinstance(store.stock_adjustments, MedusaStockAdjustments)
    assert isinstance(store.stock_adjustments, StockAdjustments)
    given = []
    monkeypatch.setattr(OutboxWorker, "start_thread", lambda self, stop, interval: given.append(self))
    main.start_outbox(SimpleNamespace(session_factory=None), store)
    assert STOCK_ADJUSTMENT in given[0].handlers
    assert stock_handlers(object()) == {}
