"""The Stock page's two acts that reach the central store through the outbox, against the real
local Medusa and checked on both sides:

- a whole-store count posted through the outbox: an article this store had 7 of (by its
  synced figures) that was not counted shows 0 stocked at this store's location in Medusa, an
  article counted as 3 shows 3, and the other locations' figures are untouched;
- a transfer received here while the answer is lost once (the lossy proxy): one journal line,
  the stock moved once in Medusa; and received while Medusa is unreachable: received here at
  once, sent when it answers again."""
from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from pos.db.models_sync import FAILED, SENT
from pos.db.unit_of_work import SqlUnitOfWork
from pos.services import stock_counts as sc
from pos.services import stock_receiving as receiving
from pos.stock import StockLevel
from pos.stock_count import CountScope, ScopeKind
from pos.sync.outbox import OutboxWorker
from pos.sync.stock_events import TRANSFER_RECEIPT, stock_handlers
from tests.integration.lossy_proxy import LossyProxy
from tests.integration.medusa.test_stock_central import (HERE, NOW, articles_with_stock, local,
                                                        set_level, stocked)

__all__ = ["local"]  # the fixture


class Clock:
    """The outbox worker's clock: moved an hour on between runs, past any backoff."""

    def __init__(self) -> None:
        self.t = datetime.utcnow()

    def __call__(self) -> datetime:
        return self.t

    def later(self) -> None:
        self.t += timedelta(hours=1)


def worker(sf, store, clock: Clock) -> OutboxWorker:
    return OutboxWorker(SqlUnitOfWork(sf), store.orders, clock=clock,
                        handlers=stock_handlers(store))


def test_a_whole_store_count_sets_an_uncounted_article_to_zero_in_medusa(store, local):
    seven, three = articles_with_stock(store, 2, least=4)
    before = {v.sku: stocked(store, v.sku) for v in (seven, three)}
    set_level(store, seven.sku, HERE, 7)
    uow = SqlUnitOfWork(local)
    with uow:  # this store's synced figures: it holds stock of these two
        uow.catalog.set_stock([StockLevel(seven.id, HERE, "Göteborg", 7),
                               StockLevel(three.id, HERE, "Göteborg", before[three.sku][HERE])])
        uow.commit()
    try:
        count = sc.start_count(uow, NOW, "maja", HERE, CountScope(ScopeKind.WHOLE_STORE))
        sc.count_article(uow, store.stock, count.id, three.ean, NOW, HERE, set_to=3)
        shown = sc.uncounted(uow, count.id)
        assert [(ln.sku, ln.expected) for ln in shown] == [(seven.sku, 7)]
        keys = sc.post_count(uow, count.id, NOW, "maja", confirmed=True,
                             zero_uncounted=[ln.sku for ln in shown])
        clock = Clock()
        report = worker(local, store, clock).run_once()
        assert sorted(report.sent) == sorted(keys) and len(keys) == 2
        after = {v.sku: stocked(store, v.sku) for v in (seven, three)}
        assert after[seven.sku][HERE] == 0
        assert after[three.sku][HERE] == 3
        for v in (seven, three):  # the other stores' and the web warehouse's untouched
            assert {k: n for k, n in after[v.sku].items() if k != HERE} == \
                   {k: n for k, n in before[v.sku].items() if k != HERE}
        with local() as s:
            assert s.execute(text("SELECT status FROM outbox")).scalars().all() == [SENT, SENT]
            (payload,) = s.execute(text("SELECT payload_json FROM journal "
                                        "WHERE kind = 'stock_count_posted'")).one()
        posted = json.loads(payload)
        assert posted["user"] == "maja" and posted["scope"] == "store"
        assert posted["uncounted_set_to_zero"] == [{"sku": seven.sku, "expected": 7}]
    finally:
        set_level(store, seven.sku, HERE, before[seven.sku][HERE])  # for the other tests
        set_level(store, three.sku, HERE, before[three.sku][HERE])


def a_transfer(store, local):
    a, b = articles_with_stock(store, 2, at="store-sthlm", least=5)
    number = f"TR-T-{uuid.uuid4().hex[:8]}"
    store.stock_transfers.send(number, "store-sthlm", HERE, {a.sku: 3, b.sku: 2}, "test")
    found = receiving.incoming_transfers(store.stock_transfers, SqlUnitOfWork(local), HERE)
    return a, b, receiving.find_transfer(found, number)


def journal_lines(sf) -> list[dict]:
    with sf() as s:
        return [json.loads(p) for p in s.execute(text(
            "SELECT payload_json FROM journal WHERE kind = 'transfer_received'")).scalars()]


def test_a_transfer_receipt_whose_answer_is_lost_moves_stock_once(store, store_through,
                                                                  medusa_state, local):
    a, b, transfer = a_transfer(store, local)
    before = {v.sku: stocked(store, v.sku)[HERE] for v in (a, b)}
    done = receiving.receive_transfer(SqlUnitOfWork(local), transfer, {a.sku: 3, b.sku: 1},
                                      NOW, "maja", HERE)
    assert done.shortfall == 1
    upstream = int(medusa_state["url"].rsplit(":", 1)[1])
    proxy = LossyProxy(upstream, drop=lambda line: not proxy.dropped and "/receive" in line)
    try:
        lossy = store_through(proxy.url, timeout=(3.05, 8.0))
        clock = Clock()
        first = worker(local, lossy, clock).run_once()
        assert proxy.dropped and first.sent == [] and len(first.failed) == 1
        # the central store did receive it: the answer alone was lost
        assert stocked(store, a.sku)[HERE] == before[a.sku] + 3
        assert receiving.receipt_states(SqlUnitOfWork(local), [done.id]) == {
            done.id: receiving.WAITING}
        clock.later()
        again = worker(local, lossy, clock).run_once()  # the outbox's retry, same key
        assert again.sent == [receiving.receive_key(done)]
    finally:
        proxy.close()
    assert {v.sku: stocked(store, v.sku)[HERE] for v in (a, b)} == {
        a.sku: before[a.sku] + 3, b.sku: before[b.sku] + 1}  # moved once
    central = store.stock_transfers.incoming(HERE, include_received=True)
    record = next(t for t in central if t.id == done.id)
    assert record.received and {ln.sku: ln.received for ln in record.lines} == {
        a.sku: 3, b.sku: 1}
    (line,) = journal_lines(local)  # one journal line, written before anything was sent
    assert line["user"] == "maja" and line["shortfall"] == 1
    assert sorted((ln["sku"], ln["sent"], ln["received"], ln["shortfall"])
                  for ln in line["lines"]) == sorted([(a.sku, 3, 3, 0), (b.sku, 2, 1, 1)])
    assert receiving.receipt_states(SqlUnitOfWork(local), [done.id]) == {
        done.id: receiving.SENT_STATE}


def test_a_transfer_received_while_medusa_is_unreachable_is_sent_later(
        store, store_through, medusa_state, local):
    a, b, transfer = a_transfer(store, local)
    before = {v.sku: stocked(store, v.sku)[HERE] for v in (a, b)}
    upstream = int(medusa_state["url"].rsplit(":", 1)[1])
    proxy = LossyProxy(upstream, drop=lambda line: False)
    proxy.down = True
    try:
        cut_off = store_through(proxy.url, timeout=(3.05, 8.0))
        done = receiving.receive_transfer(SqlUnitOfWork(local), transfer, {a.sku: 3, b.sku: 2},
                                          NOW, "maja", HERE)
        assert len(journal_lines(local)) == 1  # received here at once
        clock = Clock()
        report = worker(local, cut_off, clock).run_once()
        assert report.sent == [] and len(report.failed) == 1
        with local() as s:
            assert s.execute(text("SELECT status FROM outbox")).scalars().all() == [FAILED]
        # listed here as received, waiting to be sent (the central store says "sent" still)
        (waiting,) = receiving.waiting_receipts(SqlUnitOfWork(local))
        assert waiting.id == done.id and waiting.number == transfer.number
        assert stocked(store, a.sku)[HERE] == before[a.sku]  # nothing reached Medusa
        with pytest.raises(StopIteration):
            next(t for t in store.stock_transfers.incoming(HERE, include_received=True)
                 if t.id == done.id and t.received)
        proxy.down = False  # Medusa answers again
        clock.later()
        assert worker(local, cut_off, clock).run_once().sent == [receiving.receive_key(done)]
    finally:
        proxy.close()
    assert {v.sku: stocked(store, v.sku)[HERE] for v in (a, b)} == {
        a.sku: before[a.sku] + 3, b.sku: before[b.sku] + 2}
    assert receiving.waiting_receipts(SqlUnitOfWork(local)) == []
    assert len(journal_lines(local)) == 1
    with local() as s:
        (row,) = s.execute(text("SELECT key, status FROM outbox")).all()
    assert tuple(row) == (receiving.receive_key(done), SENT)


def test_the_receive_route_is_safe_to_repeat(store, local):
    """Verified, not assumed: the same receipt twice (same key, then another key and other
    figures) moves the stock once and keeps the first figures."""
    a, b, transfer = a_transfer(store, local)
    before = stocked(store, a.sku)[HERE]
    key = receiving.receive_key(transfer)
    first = store.stock_transfers.receive(transfer.id, {a.sku: 3, b.sku: 2}, key, "maja")
    second = store.stock_transfers.receive(transfer.id, {a.sku: 3, b.sku: 2}, key, "maja")
    third = store.stock_transfers.receive(transfer.id, {a.sku: 1, b.sku: 0}, "other", "olle")
    assert stocked(store, a.sku)[HERE] == before + 3
    assert [{ln.sku: ln.received for ln in t.lines} for t in (first, second, third)] == [
        {a.sku: 3, b.sku: 2}] * 3
