"""Receiving at this store: transfers of goods from another store or the web warehouse (the
manager checks what came, this store's stock goes up, a shortfall is recorded), and
ship-to-store parcels of web orders to be collected here (``pos.services.pickups``: marked
arrived and the customer told, as the till does).

Receiving a transfer is a local act first: in one transaction of this store's database the
receipt is journaled (who, when, per line the units sent, received and the shortfall), this
store's synced stock goes up by what came, and one outbox message (kind ``transfer_receipt``,
key ``transfer-receipt:<transfer id>``) is queued for the central store
(``pos.sync.stock_events``). The central store need not answer: receiving works while it is
down, and a lost answer leaves nothing missing here. The outbox sends it exactly once: the
Medusa route receives a transfer once and answers a repeat as it is (whatever the key). Until
it is sent the transfer is "received, waiting to be sent" (``receipt_states``).

Listing what is on its way waits on the central store (the network lane); receiving is the
database's alone (the database lane), then the outbox is asked to send it now.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from pos.db.models_sync import DEAD, SENT
from pos.journal import Kind
from pos.pickups import PickupOrder, PickupStage
from pos.ports import PickupOrders, StockTransfers
from pos.services.backoffice import journal
from pos.services.pickups import pickup_list
from pos.services.unit_of_work import UnitOfWork
from pos.stock_transfers import Transfer, TransferError, TransferLine
from pos.sync.outbox import enqueue
from pos.sync.stock_events import TRANSFER_RECEIPT

#: a transfer received here, as the outbox has it
WAITING = "waiting"  # received here, not yet taken by the central store
SENT_STATE = "sent"  # the central store has it
STUCK = "dead"  # the central store refused it: a person looks at the Sync page


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


def receive_key(transfer: Transfer | str) -> str:
    return f"transfer-receipt:{transfer if isinstance(transfer, str) else transfer.id}"


def receive_transfer(uow: UnitOfWork, transfer: Transfer, received: dict[str, int],
                     now: datetime, by: str, here: str,
                     queued_at: datetime | None = None) -> Transfer:
    """What came of ``transfer`` (units per SKU; an SKU not named: none came), received here
    in one transaction: journaled with who and each line's units and shortfall, added to this
    store's synced figures, and queued for the central store (one message by the transfer's
    key). Refused when it was received here already (the outbox has its message). Returns the
    transfer as received (``status`` "received")."""
    if transfer.received:
        raise TransferError("transfer.already_received", number=transfer.number)
    for ln in transfer.lines:
        got = received.get(ln.sku, 0)
        if got < 0 or got > ln.quantity:
            raise TransferError("transfer.too_many", name=ln.name or ln.sku, received=got,
                                sent=ln.quantity)
    at = now.astimezone(timezone.utc) if now.tzinfo else now.replace(tzinfo=timezone.utc)
    done = replace(transfer, status="received", received_at=at.isoformat(),
                   lines=tuple(replace(ln, received=received.get(ln.sku, 0))
                               for ln in transfer.lines))
    key = receive_key(transfer)
    with uow:
        if uow.outbox.by_key(key) is not None:
            raise TransferError("transfer.already_received", number=transfer.number)
        enqueue(uow.outbox, TRANSFER_RECEIPT, key, receipt_payload(done, by, here), queued_at)
        for ln in done.lines:
            v = uow.catalog.by_code(ln.sku)
            if v is not None and ln.received:
                uow.catalog.adjust_stock(v.id, here, ln.received)
        journal(uow, now, Kind.TRANSFER_RECEIVED, {
            "transfer": done.number, "id": done.id, "from": done.from_location,
            "lines": [{"sku": ln.sku, "sent": ln.quantity, "received": ln.received,
                       "shortfall": ln.shortfall} for ln in done.lines],
            "shortfall": done.shortfall, "central": "queued", "key": key}, by)
        uow.commit()
    return done


def receipt_payload(done: Transfer, by: str, here: str) -> dict[str, Any]:
    """The outbox message of a receipt: what the central store needs (the transfer's id, what
    came per SKU, who) and what this store shows until it is sent (number, sender, lines)."""
    return {"transfer_id": done.id, "number": done.number, "to_location": here,
            "from_location": done.from_location, "from_name": done.from_name,
            "sent_at": done.sent_at, "received_at": done.received_at, "received_by": by,
            "lines": [{"sku": ln.sku, "sent": ln.quantity, "received": ln.received or 0}
                      for ln in done.lines]}


def receipt_from_payload(payload: dict[str, Any]) -> Transfer:
    return Transfer(id=str(payload["transfer_id"]), number=str(payload["number"]),
                    from_location=str(payload.get("from_location") or ""),
                    to_location=str(payload.get("to_location") or ""), status="received",
                    sent_at=str(payload.get("sent_at") or ""),
                    received_at=str(payload.get("received_at") or ""),
                    from_name=str(payload.get("from_name") or ""),
                    lines=tuple(TransferLine(sku=str(ln["sku"]), quantity=int(ln["sent"]),
                                             received=int(ln["received"]))
                                for ln in payload.get("lines") or []))


def receipt_states(uow: UnitOfWork, transfer_ids: list[str]) -> dict[str, str]:
    """Of these transfers, those received here and how far their receipt is: ``WAITING``
    (queued, or failed and retried), ``SENT_STATE`` or ``STUCK`` (dead: see the Sync page)."""
    out: dict[str, str] = {}
    with uow:
        for tid in transfer_ids:
            row = uow.outbox.by_key(receive_key(tid))
            if row is not None:
                out[tid] = (SENT_STATE if row.status == SENT else STUCK if row.status == DEAD
                            else WAITING)
    return out


def waiting_receipts(uow: UnitOfWork) -> list[Transfer]:
    """Transfers received here whose receipt the central store has not taken yet (the
    outbox's), as received: listed while the central store does not answer, after a restart
    too."""
    with uow:
        return [receipt_from_payload(p) for p in uow.outbox.open_of_kind(TRANSFER_RECEIPT)]


def incoming_with_receipts(transfers: StockTransfers | None, uow: UnitOfWork,
                           here: str) -> tuple[list[Transfer], dict[str, str]]:
    """What is on its way here (the central store's list; none when there is no central store)
    with the transfers received here and not yet sent added, and each received one's state."""
    found = incoming_transfers(transfers, uow, here) if transfers is not None else []
    local = {t.id: t for t in named(uow, waiting_receipts(uow))}  # as received here
    listed = found + [t for t in local.values() if t.id not in {f.id for f in found}]
    states = receipt_states(uow, [t.id for t in listed])
    return [local.get(t.id, t) for t in listed], states


def parcels_on_their_way(pickups: PickupOrders, here: str) -> list[PickupOrder]:
    """Ship-to-store parcels of web orders on their way to this store (not yet arrived)."""
    return [o for o in pickup_list(pickups, here, include_collected=False)
            if o.ship_to_store and o.stage in (PickupStage.ON_THE_WAY, PickupStage.WAITING)]
