"""The Orders page's rows: the till's own record joined with what the central store said of
it, and the page's status filters as plain keys (no Qt: the page words them).

``central`` is None when the central store has not answered for it; ``known`` says whether it
answered at all (online) so that the page can tell "not found centrally" from "central status
unknown (offline)".
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pos.central_orders import (CentralOrderStatus, CentralReturnStatus, FulfilmentStage,
                                ReturnStage)
from pos.pickups import PickupOrder, PickupStage
from pos.queries.orders import ReturnOrderRow, ShipToHomeRow, matches
from pos.services.order_desk import overdue


@dataclass(frozen=True)
class PickupRow:
    order: PickupOrder
    overdue: bool

    @property
    def created_on(self) -> date | None:
        return _date(self.order.created_at)


@dataclass(frozen=True)
class ShipRow:
    local: ShipToHomeRow
    central: CentralOrderStatus | None
    known: bool  # the central store answered

    @property
    def needs_attention(self) -> bool:
        return self.local.outbox.status in ("failed", "dead")


@dataclass(frozen=True)
class ReturnRow:
    local: ReturnOrderRow
    central: CentralReturnStatus | None
    known: bool

    @property
    def needs_attention(self) -> bool:
        return self.local.outbox.status in ("failed", "dead")


# --- filters: key -> predicate (the page shows a word for each key) ----------------------------

PICKUP_FILTERS = ("all", "open", "on_the_way", "arrived", "overdue", "collected")
SHIP_FILTERS = ("all", "local", "not_fulfilled", "shipped", "delivered")
RETURN_FILTERS = ("all", "local", "requested", "received", "refunded")


def pickup_passes(row: PickupRow, key: str) -> bool:
    stage = row.order.stage
    return {"all": True,
            "open": stage not in (PickupStage.COLLECTED, PickupStage.CANCELED),
            "on_the_way": stage in (PickupStage.WAITING, PickupStage.ON_THE_WAY),
            "arrived": stage in (PickupStage.ARRIVED, PickupStage.READY),
            "overdue": row.overdue,
            "collected": stage is PickupStage.COLLECTED}.get(key, True)


def ship_passes(row: ShipRow, key: str) -> bool:
    if key == "all":
        return True
    if key == "local":
        return row.local.outbox.local_only
    if row.central is None:
        return False
    return row.central.fulfilment_stage.value == key


def return_passes(row: ReturnRow, key: str) -> bool:
    if key == "all":
        return True
    if key == "local":
        return row.local.outbox.local_only
    if row.central is None:
        return False
    return row.central.stage.value == key


def pickup_rows(orders: list[PickupOrder], now: datetime, overdue_days: int,
                first: date | None, last: date | None) -> list[PickupRow]:
    """This store's pickup orders made ``first``..``last`` and every one not yet collected
    that arrived earlier (an overdue parcel is never filtered away by the dates)."""
    out = []
    for o in orders:
        row = PickupRow(o, overdue(o, now, overdue_days))
        made = row.created_on
        in_range = made is None or ((first is None or made >= first)
                                    and (last is None or made <= last))
        if in_range or row.overdue:
            out.append(row)
    return out


def ship_rows(local: list[ShipToHomeRow], statuses: dict[str, CentralOrderStatus],
              known: bool) -> list[ShipRow]:
    return [ShipRow(r, statuses.get(r.central_order_id) if r.central_order_id else None, known)
            for r in local]


def return_rows(local: list[ReturnOrderRow], statuses: dict[str, CentralReturnStatus],
                known: bool) -> list[ReturnRow]:
    return [ReturnRow(r, statuses.get(r.return_id) if r.return_id else None, known)
            for r in local]


def pickup_matches(row: PickupRow, text: str) -> bool:
    o = row.order
    return matches(text, o.number, o.id, o.customer_name, o.email)


def _date(text: str) -> date | None:
    try:
        t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (t.astimezone() if t.tzinfo else t).date()


__all__ = ["FulfilmentStage", "ReturnStage", "PickupRow", "ShipRow", "ReturnRow"]
