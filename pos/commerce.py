"""What the till exchanges with the central commerce store, in the domain's own terms.

The adapter (``integrations/medusa``) maps these to and from Medusa's objects; nothing here knows
HTTP. Amounts are öre.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# a Swedish number, or its beginning ("070" finds +4670...): 0, then 2 to 12 digits
_SWEDISH_MOBILE = re.compile(r"^0(\d{2,12})$")


@dataclass(frozen=True)
class StoreOrderLine:
    """A line of a store sale. A weighed line (``weight_kg`` set, "0.512") is one unit whose
    ``unit_price`` is the price per kg: the central store counts whole units, so it records the
    line as quantity 1 at ``total`` with the weight and the price per kg beside it."""

    sku: str
    ean: str
    name: str
    quantity: int
    unit_price: int  # tax-inclusive öre charged per unit (per kg when weighed) before discounts
    total: int  # what the customer paid for the line
    vat_rate: str
    weight_kg: str | None = None  # a weighed line's weight, kg with three decimals
    # the line's number in the sale (1, 2, ...: what a return names it by); None in messages
    # queued before it was sent
    line_no: int | None = None


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
    customer_id: str | None = None  # the central store's customer, when the till knew them
    # per line and promotion: (the central store's promotion id, öre it took, the line's VAT
    # rate), for the promotions' campaign budgets and usage limits
    promotion_lines: tuple[tuple[str, int, str], ...] = ()
    web_cart_id: str | None = None  # the web cart this sale continued: closed with the order
    # each tender's payment reference (a card's terminal reference, "" for cash), in the order
    # of ``tenders``: a return in any store refunds a card by it
    tender_refs: tuple[str, ...] = ()
    # what the digital receipt page (the central store's /receipts/<sale id>) shows as the paper
    # does: the control unit's code, each tender's label (in the order of ``tenders``) and the
    # VAT per rate of these lines (rate, gross öre, VAT öre)
    control_code: str = ""
    tender_labels: tuple[str, ...] = ()
    vat: tuple[tuple[str, int, int], ...] = ()
    # paid by invoice (``pos.invoices``): (number, OCR, due date ISO); the order's payment stays
    # open centrally until the invoice is paid
    invoice: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"sale_id": self.sale_id, "register_id": self.register_id,
                "receipt_no": self.receipt_no, "completed_at": self.completed_at,
                "location_id": self.location_id, "total": self.total,
                "customer_email": self.customer_email, "tenders": [list(t) for t in self.tenders],
                "lines": [vars(line) for line in self.lines],
                "promotions": dict(self.promotions), "customer_id": self.customer_id,
                "promotion_lines": [list(p) for p in self.promotion_lines],
                **({"web_cart_id": self.web_cart_id} if self.web_cart_id else {}),
                **({"tender_refs": list(self.tender_refs)} if any(self.tender_refs) else {}),
                **({"control_code": self.control_code} if self.control_code else {}),
                **({"tender_labels": list(self.tender_labels)} if self.tender_labels else {}),
                **({"vat": [list(v) for v in self.vat]} if self.vat else {}),
                **({"invoice": list(self.invoice)} if self.invoice else {})}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "StoreOrder":
        return cls(sale_id=d["sale_id"], register_id=d["register_id"],
                   receipt_no=int(d["receipt_no"]), completed_at=d["completed_at"],
                   location_id=d["location_id"], total=int(d["total"]),
                   customer_email=d.get("customer_email"), customer_id=d.get("customer_id"),
                   promotions=tuple((str(k), int(a)) for k, a in
                                    (d.get("promotions") or {}).items()),
                   promotion_lines=tuple((str(i), int(a), str(r))
                                         for i, a, r in d.get("promotion_lines") or ()),
                   tenders=tuple((str(k), int(a)) for k, a in d["tenders"]),
                   web_cart_id=d.get("web_cart_id") or None,
                   tender_refs=tuple(str(r or "") for r in d.get("tender_refs") or ()),
                   control_code=str(d.get("control_code") or ""),
                   tender_labels=tuple(str(x) for x in d.get("tender_labels") or ()),
                   vat=tuple((str(r), int(g), int(v)) for r, g, v in d.get("vat") or ()),
                   invoice=tuple(str(x) for x in d.get("invoice") or ()),
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
    completed: bool  # already bought (online or at a till): the till must not sell it again
    customer: CustomerRef | None = None  # the shopper logged in on the web, when there was one
    # once bought: the order it became (its id and number), and where ("online" or "till")
    order_id: str | None = None
    order_display_id: int | None = None
    bought_at: str | None = None
    sale_key: str | None = None  # a till's sale that bought it (its outbox idempotency key)
    # the cart's metadata (a kiosk's order puts its delivery choice there: ``pos_delivery``)
    metadata: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class CustomerRef:
    """A customer of the central store (one customer in every channel); phone in E.164."""

    id: str
    email: str
    first_name: str
    last_name: str
    phone: str
    group_ids: tuple[str, ...] = ()  # customer groups (promotion rules may target them)

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def label(self) -> str:
        """How the screen and the receipt name the customer."""
        return self.name or self.email or self.phone or self.id

    def promotion_context(self) -> dict[str, Any]:
        """What promotion rules see of the customer (Medusa's cart context)."""
        return {"customer_id": self.id, "email": self.email,
                "customer": {"id": self.id, "email": self.email,
                             "groups": [{"id": g} for g in self.group_ids]}}

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "email": self.email, "first_name": self.first_name,
                "last_name": self.last_name, "phone": self.phone,
                "group_ids": list(self.group_ids)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "CustomerRef":
        return cls(id=str(d["id"]), email=str(d.get("email") or ""),
                   first_name=str(d.get("first_name") or ""),
                   last_name=str(d.get("last_name") or ""), phone=str(d.get("phone") or ""),
                   group_ids=tuple(str(g) for g in d.get("group_ids") or ()))


def customer_query(text: str) -> str:
    """What to search for: a phone number in any Swedish form (070-123 45 67, +46 70 123 45 67,
    0046701234567, 46701234567) becomes E.164 (+46701234567), the form phones are stored in
    (``pos.phone``); anything else is searched as typed."""
    from pos.phone import looks_like_phone, phone_or_none
    if looks_like_phone(text):
        e164 = phone_or_none(text)
        if e164 is not None:
            return e164
    compact = re.sub(r"[\s\-()]", "", text.strip())
    if compact.startswith("00") and compact[2:].isdigit():  # international prefix: 0046...
        return "+" + compact[2:]
    m = _SWEDISH_MOBILE.match(compact)
    if m:
        return "+46" + m.group(1)
    return text.strip()
