"""Posted stock counts reach the central store through the outbox: one message per count line
that differs (kind ``stock_adjustment``, key ``stock-count:<count>:<sku>``), delivered exactly
once by that key (``pos.ports.StockAdjustments`` is idempotent by it: a retry after a lost
answer or a restart finds the adjustment made and does not make it again).

Transfers received here reach it the same way: one message per transfer (kind
``transfer_receipt``, key ``transfer-receipt:<transfer id>``, queued by
``pos.services.stock_receiving.receive_transfer``). The central store receives a transfer once:
a repeat (a lost answer, a restart) is answered with the transfer as it was received and moves
no stock again."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pos.ports import StockAdjustments, StockTransfers
from pos.services.unit_of_work import UnitOfWork
from pos.stock_count import Adjustment

STOCK_ADJUSTMENT = "stock_adjustment"
TRANSFER_RECEIPT = "transfer_receipt"
STOCK_KINDS = (STOCK_ADJUSTMENT, TRANSFER_RECEIPT)


def stock_adjustment_handler(desk: StockAdjustments) -> Callable[[Any, dict[str, Any], str], str]:
    def send(_sink: Any, payload: dict[str, Any], key: str) -> str:
        return desk.adjust_stock(Adjustment.from_dict(payload, key), key)
    return send


def transfer_receipt_handler(transfers: StockTransfers
                             ) -> Callable[[Any, dict[str, Any], str], str]:
    def send(_sink: Any, payload: dict[str, Any], key: str) -> str:
        done = transfers.receive(str(payload["transfer_id"]),
                                 {str(ln["sku"]): int(ln["received"])
                                  for ln in payload.get("lines") or []},
                                 key, str(payload.get("received_by") or ""))
        return done.id
    return send


def stock_handlers(store: Any) -> dict[str, Callable[[Any, dict[str, Any], str], str]]:
    """The outbox handlers of this flow for a central store with ``stock_adjustments`` and
    ``stock_transfers`` (none else: the messages wait in the outbox)."""
    out = {}
    desk = getattr(store, "stock_adjustments", None)
    if desk is not None:
        out[STOCK_ADJUSTMENT] = stock_adjustment_handler(desk)
    transfers = getattr(store, "stock_transfers", None)
    if transfers is not None:
        out[TRANSFER_RECEIPT] = transfer_receipt_handler(transfers)
    return out


def deliver_now(uow: UnitOfWork, store: Any, keys: Sequence[str],
                on_progress: Callable[[int, int], None] | None = None,
                rounds: int = 3, kinds: tuple[str, ...] = (STOCK_ADJUSTMENT,)
                ) -> tuple[int, list[str]]:
    """Send the stock adjustments (or ``kinds``) queued now (a worker of these kinds alone), reporting
    ``on_progress(sent of keys, len(keys))``; returns (sent, keys not sent yet). What is not
    sent stays queued: the tills' outbox worker goes on with it."""
    from pos.sync.outbox import OutboxWorker

    wanted = set(keys)
    sent: set[str] = set()
    worker = OutboxWorker(uow, getattr(store, "orders", None),  # type: ignore[arg-type]
                          handlers=stock_handlers(store), kinds=kinds, batch=1)
    if on_progress:
        on_progress(0, len(wanted))
    for _ in range(rounds * max(len(wanted), 1)):
        report = worker.run_once()
        sent |= wanted & set(report.sent)
        if on_progress and report.sent:
            on_progress(len(sent), len(wanted))
        if sent >= wanted or not report.sent:
            break
    return len(sent), sorted(wanted - sent)
