"""Stock counts and transfers against the real local Medusa, checked on both sides: a posted
count changes this store's stocked quantity by exactly its difference, on top of a sale made
between counting and posting, and not at the web warehouse; sent again with the same key it
changes nothing; a transfer received raises this store's stock by what came (the sender's went
down when sent), the shortfall kept on the central record, and a second receipt changes
nothing."""
from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone

import pytest
from sqlalchemy import text

from pos.db.engine import make_engine
from pos.db.migrate import upgrade
from pos.db.session import session_factory
from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.catalog import demo_catalog
from pos.services import stock_counts as sc
from pos.services import stock_receiving
from pos.sync.stock_events import TRANSFER_RECEIPT, deliver_now

HERE = "store-gbg"
NOW = datetime(2026, 11, 30, 10, 0)


@pytest.fixture
def local(tmp_path):
    """The store's own database with the demo catalogue's articles."""
    engine = make_engine(f"sqlite:///{(tmp_path / 'pos.sqlite3').as_posix()}")
    upgrade(engine)
    sf = session_factory(engine)
    uow = SqlUnitOfWork(sf)
    with uow:
        uow.catalog.bulk_upsert([v for p in demo_catalog() for v in p.variants])
        uow.commit()
    yield sf
    engine.dispose()


def stocked(store, sku: str) -> dict[str, int]:
    return {lv.location_id: lv.stocked for lv in store.stock.stock_of(sku)}


def articles_with_stock(store, n: int, at: str = HERE, least: int = 6) -> list:
    found = []
    for p in demo_catalog():
        for v in p.variants:
            if v.ean and not v.unit and v.price % 100 and stocked(store, v.sku).get(at, 0) >= least:
                found.append(v)
                if len(found) == n:
                    return found
    pytest.fail(f"the demo store has no {n} articles with {least} in stock at {at}")


def set_level(store, sku: str, location_key: str, quantity: int) -> None:
    """A sale (or any movement) made at the central store meanwhile."""
    from integrations.medusa.calls import admin
    item = admin(store.client, "GET", "/admin/inventory-items", params={"sku": sku})[
        "inventory_items"][0]
    admin(store.client, "POST", f"/admin/inventory-items/{item['id']}/location-levels/"
                                f"{store.ids['stock_locations'][location_key]}",
          json={"stocked_quantity": quantity})


def test_a_posted_count_changes_this_stores_stock_by_its_difference(store, local):
    towel, coffee = articles_with_stock(store, 2)
    before = {v.sku: stocked(store, v.sku) for v in (towel, coffee)}
    uow = SqlUnitOfWork(local)
    count = sc.start_count(uow, NOW, "maja", HERE)
    # counted: 3 towels missing, 2 coffees more than expected
    sc.count_article(uow, store.stock, count.id, towel.ean, NOW, HERE,
                     set_to=before[towel.sku][HERE] - 3)
    sc.count_article(uow, store.stock, count.id, coffee.sku, NOW, HERE,
                     set_to=before[coffee.sku][HERE] + 2)
    assert all(ln.expected_fresh for ln in sc.get_count(uow, count.id).lines)
    # a towel sold between counting and posting: the central figure is one lower now
    set_level(store, towel.sku, HERE, before[towel.sku][HERE] - 1)
    keys = sc.post_count(uow, count.id, NOW, "maja")
    sent, left = deliver_now(SqlUnitOfWork(local), store, keys)
    assert (sent, left) == (2, [])
    after = {v.sku: stocked(store, v.sku) for v in (towel, coffee)}
    assert after[towel.sku][HERE] == before[towel.sku][HERE] - 1 - 3  # the sale is kept
    assert after[coffee.sku][HERE] == before[coffee.sku][HERE] + 2
    for v in (towel, coffee):  # nowhere else
        assert {k: n for k, n in after[v.sku].items() if k != HERE} == \
               {k: n for k, n in before[v.sku].items() if k != HERE}
    record = store.stock_adjustments.find(keys[0])
    assert record["applied"] and record["delta"] == -3
    assert (record["stocked_before"], record["stocked_after"]) == (
        before[towel.sku][HERE] - 1, before[towel.sku][HERE] - 4)
    # the same key again (a lost answer's retry): the same record, no second change
    from pos.stock_count import adjustments
    first = adjustments(sc.get_count(uow, count.id))[0]
    assert store.stock_adjustments.adjust_stock(first, first.key) == record["id"]
    assert stocked(store, towel.sku)[HERE] == before[towel.sku][HERE] - 4
    with local() as s:  # the till's side: sent, and journaled with who posted it
        rows = s.execute(text("SELECT key, status FROM outbox ORDER BY id")).all()
        assert [(k, st) for k, st in rows] == [(k, "sent") for k in keys]
        (payload,) = s.execute(text("SELECT payload_json FROM journal "
                                    "WHERE kind = 'stock_count_posted'")).one()
        assert json.loads(payload)["user"] == "maja"


def test_a_transfer_received_raises_this_stores_stock_by_what_came(store, local):
    a, b = articles_with_stock(store, 2, at="store-sthlm", least=5)
    before = {v.sku: stocked(store, v.sku) for v in (a, b)}
    number = f"TR-T-{uuid.uuid4().hex[:8]}"
    sent = store.stock_transfers.send(number, "store-sthlm", HERE, {a.sku: 4, b.sku: 2}, "test")
    assert sent.status == "sent" and sent.to_location == HERE
    mid = {v.sku: stocked(store, v.sku) for v in (a, b)}
    assert mid[a.sku]["store-sthlm"] == before[a.sku]["store-sthlm"] - 4  # down when sent
    assert mid[a.sku][HERE] == before[a.sku][HERE]
    # on its way here, named from the local catalogue
    incoming = stock_receiving.incoming_transfers(store.stock_transfers, SqlUnitOfWork(local), HERE)
    mine = stock_receiving.find_transfer(incoming, number.lower())
    assert {ln.sku: ln.name for ln in mine.lines} == {a.sku: a.name, b.sku: b.name}
    done = stock_receiving.receive_transfer(SqlUnitOfWork(local), mine,
                                            {a.sku: 4, b.sku: 1}, NOW, "maja", HERE)
    assert done.received and done.shortfall == 1
    assert deliver_now(SqlUnitOfWork(local), store, [stock_receiving.receive_key(done)],
                       kinds=(TRANSFER_RECEIPT,)) == (1, [])
    after = {v.sku: stocked(store, v.sku) for v in (a, b)}
    assert after[a.sku][HERE] == before[a.sku][HERE] + 4
    assert after[b.sku][HERE] == before[b.sku][HERE] + 1
    assert after[b.sku]["store-sthlm"] == before[b.sku]["store-sthlm"] - 2
    # the central record keeps the shortfall; receiving again changes nothing
    again = store.stock_transfers.receive(done.id, {a.sku: 4, b.sku: 2}, "another", "maja")
    assert {ln.sku: (ln.quantity, ln.received) for ln in again.lines} == {
        a.sku: (4, 4), b.sku: (2, 1)}
    assert stocked(store, b.sku)[HERE] == after[b.sku][HERE]
    assert number not in [t.number for t in store.stock_transfers.incoming(HERE)]
    with local() as s:
        (payload,) = s.execute(text("SELECT payload_json FROM journal "
                                    "WHERE kind = 'transfer_received'")).one()
        assert json.loads(payload)["lines"] == sorted([
            {"sku": a.sku, "sent": 4, "received": 4, "shortfall": 0},
            {"sku": b.sku, "sent": 2, "received": 1, "shortfall": 1}], key=lambda x: x["sku"])


def test_the_seed_sends_transfers_to_this_store(store, medusa_state):
    numbers = {t.number for t in store.stock_transfers.incoming(HERE, include_received=True)}
    assert {"TR-1001", "TR-1002"} <= numbers


class Offline:
    """The central store's stock directory while it does not answer (an offline count)."""

    def stock_of(self, sku: str):
        from pos.ports import CommerceUnavailable
        raise CommerceUnavailable("connection refused")


def test_an_offline_count_sets_the_counted_figure_at_the_central_store(store, local):
    """K1 counted 8 offline against a stale expected figure; Medusa had moved on meanwhile: the
    line is sent as an absolute count and Medusa shows 8 (not the stale difference added)."""
    (towel,) = articles_with_stock(store, 1)
    before = stocked(store, towel.sku)
    uow = SqlUnitOfWork(local)
    count = sc.start_count(uow, NOW, "maja", HERE)
    sc.count_article(uow, Offline(), count.id, towel.ean, NOW, HERE, set_to=5)
    (line,) = sc.get_count(uow, count.id).lines
    assert not line.expected_fresh
    set_level(store, towel.sku, HERE, before[HERE] + 7)  # the central figure moved meanwhile
    keys = sc.post_count(uow, count.id, NOW, "maja")
    assert deliver_now(SqlUnitOfWork(local), store, keys) == (1, [])
    after = stocked(store, towel.sku)
    assert after[HERE] == 5
    assert {k: n for k, n in after.items() if k != HERE} == \
           {k: n for k, n in before.items() if k != HERE}
    record = store.stock_adjustments.find(keys[0])
    assert record["applied"] and record["counted"] == 5 and record["metadata"]["mode"] == "absolute"
    assert (record["stocked_before"], record["stocked_after"], record["delta"]) == (
        before[HERE] + 7, 5, 5 - before[HERE] - 7)
    from pos.stock_count import adjustments
    (first,) = adjustments(sc.get_count(uow, count.id))
    set_level(store, towel.sku, HERE, 6)  # a sale... then the same key again: no change
    assert store.stock_adjustments.adjust_stock(first, first.key) == record["id"]
    assert stocked(store, towel.sku)[HERE] == 6
    with local() as s:
        assert s.execute(text("SELECT status FROM outbox")).scalars().all() == ["sent"]
