"""A sale completed at the till reaches the central store once, through the outbox.

Till._complete gets one line (``enqueue_sale(s, sale, self.config.location_id)`` right after
``repo.add_sale(s, sale)``); until the lead adds it, this test puts it there by wrapping
``add_sale`` in the till's transaction, which is exactly where the line goes. With the line in
place the wrapper's call is a no-op (queueing is idempotent by key).
"""
from datetime import timedelta

import pytest

from pos.db import sync_repositories as outbox_rows
from pos.db import till_repositories
from pos.sync.outbox import OutboxWorker, status
from pos.sync.sale_events import enqueue_sale, sale_key
from tests.services.conftest import make_till, printer, terminal, till  # noqa: F401 - fixtures
from tests.sync.fakes import FakeStore


@pytest.fixture
def queued_sales(monkeypatch):
    original = till_repositories.add_sale

    def add_sale_and_queue(s, sale):
        original(s, sale)
        enqueue_sale(s, sale, "store-gbg")
    monkeypatch.setattr(till_repositories, "add_sale", add_sale_and_queue)


def test_a_till_sale_is_delivered_once_as_an_order(queued_sales, till, session_factory):
    till.scan("TSH-1")
    till.scan("KAF-1")
    sale = till.pay_cash(30000).sale
    assert sale is not None
    with session_factory() as s:
        row = outbox_rows.by_key(s, sale_key(sale.id))
        assert row is not None and row.status == "pending"
    store = FakeStore()
    store.lose_answers = 1  # the first answer is lost after the order was made
    now = [row.created_at]
    worker = OutboxWorker(session_factory, store, clock=lambda: now[0])
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
        assert status(s).counts["sent"] == 1
        assert outbox_rows.by_key(s, sale_key(sale.id)).remote_id == order_id


def test_no_sale_no_message(queued_sales, till, session_factory, monkeypatch):
    till.scan("TSH-1")

    def broken_journal(*a, **kw):
        raise RuntimeError("disk full")
    monkeypatch.setattr(till_repositories, "journal_append", broken_journal)
    with pytest.raises(RuntimeError):
        till.pay_cash(20000)
    with session_factory() as s:
        assert status(s).counts == {"pending": 0, "failed": 0, "sent": 0, "dead": 0}
