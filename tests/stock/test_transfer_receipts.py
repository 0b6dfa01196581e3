"""Receiving a transfer is this store's act first (one transaction on both databases: journal
with who and each line's shortfall, this store's synced stock, one outbox message by the
transfer's key) and reaches the central store through the outbox: a lost answer is retried with
the same key and the central side (idempotent, as the Medusa route) moves the stock once; while
it does not answer the receipt waits, listed as "waiting to be sent", and goes later."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from pos.db.unit_of_work import SqlUnitOfWork
from pos.ports import CommerceUnavailable
from pos.services import stock_receiving as receiving
from pos.stock_transfers import Transfer, TransferError, TransferLine
from pos.sync.outbox import OutboxWorker
from pos.sync.stock_events import TRANSFER_RECEIPT, stock_handlers
from tests.stock.conftest import HERE

T0 = datetime(2026, 11, 30, 9, 0)
TR = Transfer("postr_9", "TR-1009", "store-sthlm", HERE, "sent", "2026-11-29T15:00:00Z",
              (TransferLine("HAN-FRO-VIT-30X50", 5), TransferLine("KAF-MEL-450G", 3)),
              from_name="Butik Stockholm")


class CentralTransfers:
    """The central store's side as the Medusa route is: a transfer received once; a repeat
    answers it as it was. ``lose``: answers lost after the receipt was made; ``down``: no
    answer at all."""

    def __init__(self, lose: int = 0, down: bool = False):
        self.lose, self.down = lose, down
        self.calls: list[tuple[str, dict[str, int], str, str]] = []
        self.done: dict[str, dict[str, int]] = {}
        self.stocked_here = {"HAN-FRO-VIT-30X50": 10, "KAF-MEL-450G": 4}

    def receive(self, transfer_id, received, key, by):
        if self.down:
            raise CommerceUnavailable("connection refused")
        self.calls.append((transfer_id, dict(received), key, by))
        if transfer_id not in self.done:
            self.done[transfer_id] = dict(received)
            for sku, n in received.items():
                self.stocked_here[sku] += n
        if self.lose:
            self.lose -= 1
            raise CommerceUnavailable("read timed out")
        return replace(TR, status="received", lines=tuple(
            replace(ln, received=self.done[transfer_id][ln.sku]) for ln in TR.lines))


class Clock:
    def __init__(self):
        self.t = datetime.utcnow()

    def __call__(self):
        return self.t


def deliver(sf, central, clock) -> list[str]:
    from types import SimpleNamespace
    store = SimpleNamespace(stock_transfers=central, orders=None)
    return OutboxWorker(SqlUnitOfWork(sf), store, clock=clock,
                        handlers=stock_handlers(store)).run_once().sent


def journal(sf) -> list[dict]:
    with sf() as s:
        return [json.loads(p) for p in s.execute(text(
            "SELECT payload_json FROM journal WHERE kind = 'transfer_received'")).scalars()]


def here(sf, variant_id) -> int:
    uow = SqlUnitOfWork(sf)
    with uow:
        return next(lv.stocked for lv in uow.catalog.stock_for(variant_id)
                    if lv.location_id == HERE)


def test_received_here_in_one_transaction_with_who_and_shortfall(stock_db):
    uow = SqlUnitOfWork(stock_db)
    done = receiving.receive_transfer(uow, TR, {"HAN-FRO-VIT-30X50": 5, "KAF-MEL-450G": 1},
                                      T0, "maja", HERE)
    assert done.received and done.shortfall == 2
    (line,) = journal(stock_db)
    assert line["user"] == "maja" and line["transfer"] == "TR-1009" and line["shortfall"] == 2
    assert line["lines"] == [
        {"sku": "HAN-FRO-VIT-30X50", "sent": 5, "received": 5, "shortfall": 0},
        {"sku": "KAF-MEL-450G", "sent": 3, "received": 1, "shortfall": 2}]
    assert (here(stock_db, "var_han-fro-vit-30x50"), here(stock_db, "var_kaf-mel-450g")) == (
        17 + 5, 21 + 1)
    with stock_db() as s:
        (kind, key, payload), = s.execute(text("SELECT kind, key, payload_json FROM outbox")).all()
    assert (kind, key) == (TRANSFER_RECEIPT, "transfer-receipt:postr_9")
    assert json.loads(payload)["lines"] == [
        {"sku": "HAN-FRO-VIT-30X50", "sent": 5, "received": 5},
        {"sku": "KAF-MEL-450G", "sent": 3, "received": 1}]
    assert receiving.receipt_states(uow, ["postr_9", "postr_x"]) == {"postr_9": receiving.WAITING}
    with pytest.raises(TransferError) as e:  # received here once
        receiving.receive_transfer(uow, TR, {"HAN-FRO-VIT-30X50": 5}, T0, "olle", HERE)
    assert e.value.code == "transfer.already_received"
    assert len(journal(stock_db)) == 1 and here(stock_db, "var_han-fro-vit-30x50") == 22


def test_more_than_sent_is_refused_and_nothing_is_written(stock_db):
    uow = SqlUnitOfWork(stock_db)
    with pytest.raises(TransferError) as e:
        receiving.receive_transfer(uow, TR, {"KAF-MEL-450G": 4}, T0, "maja", HERE)
    assert e.value.code == "transfer.too_many"
    assert journal(stock_db) == [] and receiving.receipt_states(uow, ["postr_9"]) == {}


def test_a_lost_answer_is_retried_by_key_and_moves_the_central_stock_once(stock_db):
    central = CentralTransfers(lose=1)
    receiving.receive_transfer(SqlUnitOfWork(stock_db), TR,
                               {"HAN-FRO-VIT-30X50": 5, "KAF-MEL-450G": 3}, T0, "maja", HERE)
    clock = Clock()
    assert deliver(stock_db, central, clock) == []  # made, but the answer was lost
    clock.t += timedelta(hours=1)
    assert deliver(stock_db, central, clock) == ["transfer-receipt:postr_9"]
    assert [c[2] for c in central.calls] == ["transfer-receipt:postr_9"] * 2  # one key
    assert central.stocked_here == {"HAN-FRO-VIT-30X50": 15, "KAF-MEL-450G": 7}
    assert len(journal(stock_db)) == 1
    assert receiving.receipt_states(SqlUnitOfWork(stock_db), ["postr_9"]) == {
        "postr_9": receiving.SENT_STATE}


def test_received_while_the_central_store_is_down_waits_and_is_sent_later(stock_db):
    central = CentralTransfers(down=True)
    uow = SqlUnitOfWork(stock_db)
    receiving.receive_transfer(uow, TR, {"HAN-FRO-VIT-30X50": 4, "KAF-MEL-450G": 3}, T0,
                               "maja", HERE)
    clock = Clock()
    assert deliver(stock_db, central, clock) == []
    (waiting,) = receiving.waiting_receipts(uow)  # listed here after a restart too
    assert (waiting.id, waiting.number, waiting.from_name, waiting.shortfall) == (
        "postr_9", "TR-1009", "Butik Stockholm", 1)
    found, states = receiving.incoming_with_receipts(None, uow, HERE)
    assert [t.id for t in found] == ["postr_9"] and states == {"postr_9": receiving.WAITING}
    central.down = False
    clock.t += timedelta(hours=1)
    assert deliver(stock_db, central, clock) == ["transfer-receipt:postr_9"]
    assert central.stocked_here == {"HAN-FRO-VIT-30X50": 14, "KAF-MEL-450G": 7}
    assert receiving.waiting_receipts(uow) == []
    assert central.calls == [("postr_9", {"HAN-FRO-VIT-30X50": 4, "KAF-MEL-450G": 3},
                              "transfer-receipt:postr_9", "maja")]
