"""What the till exchanges with the central commerce store, in the domain's own terms.

The adapter (``integrations/medusa``) maps these to and from Medusa's objects; nothing here knows
HTTP. Amounts are öre.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class StoreOrderLine:
    sku: str
    ean: str
    name: str
    quantity: int
    unit_price: int  # tax-inclusive öre charged per unit before discounts
    total: int  # what the customer paid for the line
    vat_rate: str


@dataclass(frozen=True)
class StoreOrder:
    """A completed store sale as the central store should record it (one order, paid, fulfilled)."""

    sale_id: str
    register_id: str
    receipt_no: int
    completed_at: str  # ISO 8601
    location_id: str  # the till's location key, e.g. "store-gbg"
    lines: tuple[StoreOrderLine, ...]
    tenders: tuple[tuple[str, int], ...]  # (kind, öre)
    total: int
    customer_email: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"sale_id": self.sale_id, "register_id": self.register_id,
                "receipt_no": self.receipt_no, "completed_at": self.completed_at,
                "location_id": self.location_id, "total": self.total,
                "customer_email": self.customer_email, "tenders": [list(t) for t in self.tenders],
                "lines": [vars(line) for line in self.lines]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "StoreOrder":
        return cls(sale_id=d["sale_id"], register_id=d["register_id"],
                   receipt_no=int(d["receipt_no"]), completed_at=d["completed_at"],
                   location_id=d["location_id"], total=int(d["total"]),
                   customer_email=d.get("customer_email"),
                   tenders=tuple((str(k), int(a)) for k, a in d["tenders"]),
                   lines=tuple(StoreOrderLine(**line) for line in d["lines"]))


@dataclass(frozen=True)
class RemoteOrder:
    """An order as the central store holds it (for tests, history and returns)."""

    id: str
    display_id: int | None
    status: str
    payment_status: str
    fulfillment_status: str
    total: int
    metadata: dict[str, Any] = field(default_factory=dict)
