"""Web orders collected in this store: click & collect, ship-to-store and pay in store.

A **pickup order** of this store is a web order whose shipping method is this store's pickup
option (the central store's ``pickup-<location key>`` shipping option, e.g. ``pickup-store-gbg``).
Its goods come either from this store's own stock (click & collect) or from another location,
normally the web warehouse (ship-to-store): ``source_location`` names where they were reserved
or sent from.

Where its state lives (all in the central store, so every till and the back office see the same):

- **paid or not**: the order's payment. A web shop's "pay in store" is an order the shopper
  completed with the manual provider (``pp_system_default``: an *authorized* payment that moved
  no money) and marked ``pay_in_store`` (the cart's metadata, copied to the order). It is paid
  when that payment is *captured*: the till captures it once the customer has paid here. An
  order without ``pay_in_store`` whose payment is authorized was paid online.
- **on its way / arrived / ready / collected**: the order's fulfilments and metadata: a
  fulfilment shipped from another location is on its way; receiving it here sets
  ``pos_pickup_arrived_at`` (and the location), telling the customer sets
  ``pos_pickup_notified_at`` (ready); handing it over marks the fulfilment delivered (made at
  this store's location when there is none) and sets ``pos_pickup_collected_at``.

Amounts are öre, VAT included.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pos.errors import UserError, messages
from pos.vat import VatRate

MESSAGES = messages({
    "pickup.no_central_store": "Web orders cannot be looked up: this till has no central store",
    "pickup.not_found": "No web order {code} for pickup here",
    "pickup.not_this_store": "Web order #{number} is to be collected at {location}, not here",
    "pickup.collected": "Web order #{number} has already been collected",
    "pickup.canceled": "Web order #{number} is cancelled",
    "pickup.already_paid": "Web order #{number} is paid already: hand it over without a sale",
    "pickup.not_paid": "Web order #{number} is not paid: take its payment at the till first",
    "pickup.already_in_sale": "Web order #{number} is already in this sale",
    "pickup.handed_over_here": "Web order #{number} was already handed over at this till",
    "pickup.line_fixed": "This line belongs to web order #{number}: its price and quantity are "
                         "the order's (remove the line to take the whole order out of the sale)",
    "pickup.total_mismatch": "Web order #{number}'s lines add up to {lines} öre but the order "
                             "is for {total} öre: it cannot be paid here",
})


class PickupError(UserError):
    """A pickup the till refuses (unknown, another store's, collected, paid twice ...)."""


class PickupStage(Enum):
    """Where a pickup order is, as the cashier's list shows it."""

    WAITING = "waiting"  # ordered; being picked, or not sent from the warehouse yet
    ON_THE_WAY = "on_the_way"  # sent from another location, not received here yet
    ARRIVED = "arrived"  # received here; the customer has not been told yet
    READY = "ready"  # received here and the customer told: waiting for them
    COLLECTED = "collected"  # handed over
    CANCELED = "canceled"


@dataclass(frozen=True)
class PickupLine:
    item_id: str  # the central store's order line id
    variant_id: str
    sku: str
    ean: str
    name: str
    quantity: int
    unit_price: int  # öre per unit, VAT included
    total: int  # öre for the line after the web shop's discounts
    vat_rate: VatRate = VatRate.STANDARD

    @property
    def discount(self) -> int:
        return self.unit_price * self.quantity - self.total

    def to_dict(self) -> dict[str, Any]:
        return {"item_id": self.item_id, "variant_id": self.variant_id, "sku": self.sku,
                "ean": self.ean, "name": self.name, "quantity": self.quantity,
                "unit_price": self.unit_price, "total": self.total,
                "vat_rate": self.vat_rate.value}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PickupLine":
        return cls(item_id=str(d["item_id"]), variant_id=str(d.get("variant_id") or ""),
                   sku=str(d.get("sku") or ""), ean=str(d.get("ean") or ""), name=str(d["name"]),
                   quantity=int(d["quantity"]), unit_price=int(d["unit_price"]),
                   total=int(d["total"]), vat_rate=VatRate(str(d.get("vat_rate") or "25")))


@dataclass(frozen=True)
class PickupOrder:
    id: str
    display_id: int
    location_key: str  # the store it is to be collected at
    email: str
    customer_name: str
    customer_id: str | None
    created_at: str  # ISO 8601 instant
    lines: tuple[PickupLine, ...]
    total: int
    paid: bool
    payment_status: str  # the central store's word (authorized, captured ...)
    stage: PickupStage
    source_location: str = ""  # location key the goods come from (reserved or sent)
    arrived_at: str = ""
    notified_at: str = ""
    collected_at: str = ""
    metadata: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def number(self) -> str:
        """How people name it: the display number (#1042)."""
        return str(self.display_id)

    @property
    def ship_to_store(self) -> bool:
        return bool(self.source_location) and self.source_location != self.location_key

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)


def order_code(text: str) -> str:
    """What a typed or scanned order reference looks for: the order id of an order QR code (a
    URL ending ``/orders/<id>``, or a bare ``order_...``, as the scan router reads them), or a
    display number typed with or without ``#`` (its digits); "" for anything else."""
    from pos.scan_router import ScanKind, classify

    text = text.strip().lstrip("#").strip()
    if text.isdigit() and len(text) <= 9:  # a display number, not an article's barcode
        return text
    scanned = classify(text)
    return scanned.value if scanned.kind is ScanKind.ORDER else ""
