"""A sale completed at the till reaches the central store once, through the outbox
(``Till._complete`` queues it with ``enqueue_sale`` in the sale's own transaction)."""
from datetime import timedelta

import pytest

from pos.db.repositories import JournalRepository, OutboxRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.queries.outbox import outbox_status
from pos.services.sale_completion import CompletionFailed
from pos.sync.outbox import OutboxWorker
from pos.sync.sale_events import sale_key
from tests.services.conftest import make_till, printer, terminal, till  # noqa: F401 - fixtures
from tests.sync.fakes import FakeStore


def test_a_till_sale_is_delivered_once_as_an_order(till, session_factory):
    till.scan("TSH-1")
    till.scan("KAF-1")
    sale = till.pay_cash(30000).sale
    assert sale is not None
    with session_factory() as s:
        row = OutboxRepository(s).by_key(sale_key(sale.id))
        assert row is not None and row.status == "pending"
    store = FakeStore()
    store.lose_answers = 1  # the first answer is lost after the order was made
    now = [row.created_at]
    worker = OutboxWorker(SqlUnitOfWork(session_factory), store, clock=lambda: now[0])
    worker.run_once()
    now[0] += timedelta(hours=1)
    worker.run_once()
    assert len(store.orders) == 1
    order_id, order = store.orders[sale_key(sale.id)]
    assert order.total == sale.total == 19900 + 5990
    assert order.receipt_no == sale.receipt_no and order.location_id == "store-gbg"
    assert sorted(ln.sku for ln in order.lines) == ["KAF-1", "TSH-1"]
    assert sum(a for _, a in order.tenders) == sale.total + sale.rounding
    with session_factory() as s:
        assert outbox_status(SqlUnitOfWork(session_factory)).counts["sent"] == 1
        assert OutboxRepository(s).by_key(sale_key(sale.id)).remote_id == order_id


def test_no_sale_no_message(till, session_factory, monkeypatch):
    till.scan("TSH-1")

    def broken_journal(*a, **kw):
        raise RuntimeError("disk full")
    monkeypatch.setattr(JournalRepository, "append", broken_journal)
    with pytest.raises(CompletionFailed) as failed:  # the tender is kept; the sale not done
        till.pay_cash(20000)
    assert isinstance(failed.value.__cause__, RuntimeError)
    assert outbox_status(SqlUnitOfWork(session_factory)).counts == {"pending": 0, "failed": 0, "sent": 0, "dead": 0}
