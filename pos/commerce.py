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
    promotions: tuple[tuple[str, int], ...] = ()  # (code, öre) the central store's promotions gave

    def to_dict(self) -> dict[str, Any]:
        return {"sale_id": self.sale_id, "register_id": self.register_id,
                "receipt_no": self.receipt_no, "completed_at": self.completed_at,
                "location_id": self.location_id, "total": self.total,
                "customer_email": self.customer_email, "tenders": [list(t) for t in self.tenders],
                "lines": [vars(line) for line in self.lines],
                "promotions": dict(self.promotions)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "StoreOrder":
        return cls(sale_id=d["sale_id"], register_id=d["register_id"],
                   receipt_no=int(d["receipt_no"]), completed_at=d["completed_at"],
                   location_id=d["location_id"], total=int(d["total"]),
                   customer_email=d.get("customer_email"),
                   promotions=tuple((str(k), int(a)) for k, a in
                                    (d.get("promotions") or {}).items()),
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


@dataclass(frozen=True)
class WebCartLine:
    """A line of a cart started online or at a kiosk; amounts in öre, tax-inclusive."""

    variant_id: str  # the central store's variant id
    sku: str
    ean: str
    name: str
    quantity: int
    unit_price: int
    discount: int  # promotions on this line, all units
    total: int  # what the line costs after its discounts


@dataclass(frozen=True)
class WebCart:
    """A cart as the central store computed it (prices, promotions, VAT), to continue at the till."""

    id: str
    currency: str
    email: str | None
    customer_id: str | None
    lines: tuple[WebCartLine, ...]
    promo_codes: tuple[str, ...]
    discount_total: int
    tax_total: int
    total: int
    completed: bool  # already ordered online: the till must not sell it again


@dataclass(frozen=True)
class CustomerRef:
    """A customer of the central store (one customer in every channel); phone in E.164."""

    id: str
    email: str
    first_name: str
    last_name: str
    phone: str

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
