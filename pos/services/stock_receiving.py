"""Receiving at this store: transfers of goods from another store or the web warehouse (the
manager checks what came, this store's stock goes up centrally, a shortfall is recorded), and
ship-to-store parcels of web orders to be collected here (``pos.services.pickups``: marked
arrived and the customer told, as the till does).

Both wait on the central store: they run on the back office's network lane. A receipt is
idempotent at the central store (a transfer received once answers as it is), so a lost answer
is mended by receiving it again.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from pos.journal import Kind
from pos.pickups import PickupOrder, PickupStage
from pos.ports import PickupOrders, StockTransfers
from pos.services.backoffice import journal
from pos.services.pickups import pickup_list
from pos.services.unit_of_work import UnitOfWork
from pos.stock_transfers import Transfer, TransferError


def named(uow: UnitOfWork, transfers: list[Transfer]) -> list[Transfer]:
    """The transfers with each line's article name and EAN from the local catalogue."""
    out = []
    with uow:
        for t in transfers:
            lines = []
            for ln in t.lines:
                v = uow.catalog.by_code(ln.sku)
                lines.append(replace(ln, name=v.name, ean=v.ean) if v else ln)
            out.append(replace(t, lines=tuple(lines)))
    return out


def incoming_transfers(transfers: StockTransfers, uow: UnitOfWork, here: str,
                       include_received: bool = False) -> list[Transfer]:
    return named(uow, transfers.incoming(here, include_received=include_received))


def find_transfer(found: list[Transfer], code: str) -> Transfer:
    """The transfer a scanned or typed code names: its number (``TR-1001``) or id."""
    code = code.strip()
    for t in found:
        if code.upper() in (t.number.upper(), t.id.upper()):
            return t
    raise TransferError("transfer.not_found", code=code)


def receive_key(transfer: Transfer) -> str:
    return f"transfer-receipt:{transfer.id}"


def receive_transfer(transfers: StockTransfers, uow: UnitOfWork, transfer: Transfer,
                     received: dict[str, int], now: datetime, by: str, here: str) -> Transfer:
    """What came of ``transfer`` (units per SKU; an SKU not named: none came) added to this
    store's stock centrally and to its synced figures here, journaled with who received it and
    each line's shortfall. Receiving it again changes nothing more."""
    if transfer.received:
        raise TransferError("transfer.already_received", number=transfer.number)
    for ln in transfer.lines:
        got = received.get(ln.sku, 0)
        if got < 0 or got > ln.quantity:
            raise TransferError("transfer.too_many", name=ln.name or ln.sku, received=got,
                                sent=ln.quantity)
    done = transfers.receive(transfer.id, {ln.sku: received.get(ln.sku, 0)
                                           for ln in transfer.lines}, receive_key(transfer), by)
    done = named(uow, [done])[0]
    with uow:
        for ln in done.lines:
            v = uow.catalog.by_code(ln.sku)
            if v is not None and ln.received:
                uow.catalog.adjust_stock(v.id, here, ln.received)
        journal(uow, now, Kind.TRANSFER_RECEIVED, {
            "transfer": done.number, "id": done.id, "from": done.from_location,
            "lines": [{"sku": ln.sku, "sent": ln.quantity, "received": ln.received,
                       "shortfall": ln.shortfall} for ln in done.lines],
            "shortfall": done.shortfall}, by)
        uow.commit()
    return done


def parcels_on_their_way(pickups: PickupOrders, here: str) -> list[PickupOrder]:
    """Ship-to-store parcels of web orders on their way to this store (not yet arrived)."""
    return [o for o in pickup_list(pickups, here, include_collected=False)
            if o.ship_to_store and o.stage in (PickupStage.ON_THE_WAY, PickupStage.WAITING)]
