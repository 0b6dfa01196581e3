"""Returns: what a purchase (a store sale or a web order) still allows back, what each unit
refunds, and to which of the purchase's payments.

A **purchase** is what the customer bought, whichever channel sold it: a store sale of this or
another store (found by its receipt code ``R-<register>-<number>``) or a web order (its number),
with every line's paid amount (all discounts taken off: line, sale and campaign discounts) and
the units already returned **in any channel** (the central store's order is the one truth;
offline, this store's own record of its own sale, then marked for review).

The refund of ``k`` units of a line that sold ``n`` for ``total`` öre, ``r`` already returned, is
``total*(r+k)//n - total*r//n``: discounts are taken back in the proportion they were given, the
steps of any partial returns always add up to exactly ``total`` when every unit is back, and no
step ever refunds more than was paid (a cumulative floor). VAT is worked out per rate from the
refunded amounts as for a sale.

A refund goes back to the purchase's payments (a card by its terminal reference, a web payment
through the central store) up to what each paid minus what it has already refunded, the rest in
cash; cash rounding (öresavrundning) applies only to the cash part.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from pos.errors import UserError, messages
from pos.vat import VatRate

MESSAGES = messages({
    "return.not_found": "No purchase found for {code}",
    "return.too_many": "{name}: at most {max} can be returned (bought {bought}, returned {returned})",
    "return.quantity_positive": "Return at least one unit",
    "return.no_such_line": "The purchase has no line {line}",
    "return.web_order_offline": "A web order cannot be returned while the central store cannot "
                                "be reached: its order is the only record of what was returned",
    "return.unknown_reason": "There is no return reason {reason}",
    "return.needs_receipt_approval": "A return without a receipt needs a manager's approval",
})


class ReturnError(UserError, ValueError):
    """A return refused: nothing was changed."""


class PurchaseKind(Enum):
    STORE_SALE = "store_sale"  # sold at a till of the chain (this store or another)
    WEB_ORDER = "web_order"  # ordered on the web (or a kiosk) and paid there
    NO_RECEIPT = "no_receipt"  # brought back without proof of purchase (a manager approves)


@dataclass(frozen=True)
class ReturnReason:
    """A reason from the store's list (``[returns] reasons`` in pos.toml); ``restock``: whether
    goods returned for it go back to stock by default (a defect does not)."""

    id: str
    label: str
    restock: bool = True


DEFAULT_REASONS = (
    ReturnReason("wrong_size", "Fel storlek"),
    ReturnReason("changed_mind", "Ångrat köp"),
    ReturnReason("not_as_described", "Inte som beskrivet"),
    ReturnReason("defect", "Defekt", restock=False),
    ReturnReason("damaged_in_transit", "Skadad vid leverans", restock=False),
)


def paid_share(total: int, bought: int, units: int) -> int:
    """What ``units`` of ``bought`` units paid for ``total`` öre account for, cumulatively
    (floor): ``paid_share(t, n, n) == t`` and it never decreases as ``units`` grows."""
    if bought <= 0:
        return 0
    return total * units // bought


@dataclass(frozen=True)
class PurchasedLine:
    """One line of a purchase. ``key``: the store sale's line number ("3") or the central
    store's order line id (``ordli_...``); ``total``: öre paid for the whole line after every
    discount (tax-inclusive); ``returned``: units already returned in any channel."""

    key: str
    variant_id: str
    sku: str
    ean: str
    name: str
    quantity: int
    total: int
    vat_rate: VatRate
    returned: int = 0
    weight: Decimal | None = None  # a weighed line (kg): it is returned whole

    @property
    def returnable(self) -> int:
        return max(0, self.quantity - self.returned)

    def refund_for(self, units: int) -> int:
        """Öre refunded for ``units`` more units. Raises ``ReturnError`` for 0, a negative
        count, or more than can still be returned."""
        if units <= 0:
            raise ReturnError("return.quantity_positive")
        if units > self.returnable:
            raise ReturnError("return.too_many", name=self.name, max=self.returnable,
                              bought=self.quantity, returned=self.returned)
        return (paid_share(self.total, self.quantity, self.returned + units)
                - paid_share(self.total, self.quantity, self.returned))

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "variant_id": self.variant_id, "sku": self.sku, "ean": self.ean,
                "name": self.name, "quantity": self.quantity, "total": self.total,
                "vat_rate": self.vat_rate.value, "returned": self.returned,
                "weight": None if self.weight is None else str(self.weight)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PurchasedLine":
        return cls(str(d["key"]), str(d["variant_id"]), str(d["sku"]), str(d.get("ean") or ""),
                   str(d["name"]), int(d["quantity"]), int(d["total"]), VatRate(d["vat_rate"]),
                   int(d.get("returned") or 0),
                   None if d.get("weight") is None else Decimal(str(d["weight"])))


@dataclass(frozen=True)
class PaidTender:
    """A payment of the purchase: ``method_id`` ("cash", "card", "web" for the central store's
    payment of a web order), ``amount`` öre paid, ``refunded`` öre given back already;
    ``reference``: the terminal's reference of a card payment or the central store's payment id
    (a refund names it)."""

    method_id: str
    label: str
    amount: int
    refunded: int = 0
    reference: str = ""

    @property
    def refundable(self) -> int:
        return max(0, self.amount - self.refunded)

    @property
    def is_cash(self) -> bool:
        return self.method_id == "cash"

    def to_dict(self) -> dict[str, Any]:
        return {"method_id": self.method_id, "label": self.label, "amount": self.amount,
                "refunded": self.refunded, "reference": self.reference}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PaidTender":
        return cls(str(d["method_id"]), str(d.get("label") or d["method_id"]), int(d["amount"]),
                   int(d.get("refunded") or 0), str(d.get("reference") or ""))


@dataclass(frozen=True)
class Purchase:
    """What a customer bought, as the till returns against it. ``code``: what identifies it to
    a person (a receipt code or a web order's number); ``sale_id``: the store sale's id;
    ``order_id``: the central store's order (a store sale's once it reached the central store);
    ``verified``: the central store answered (False: only this store's own record, so the
    return is marked for review and reconciled later)."""

    kind: PurchaseKind
    code: str
    bought_at: datetime | None
    lines: tuple[PurchasedLine, ...]
    tenders: tuple[PaidTender, ...] = ()
    sale_id: str = ""
    order_id: str = ""
    location: str = ""  # the store location that sold it, or "web"
    customer_id: str | None = None
    customer_name: str = ""
    verified: bool = True

    def line(self, key: str) -> PurchasedLine:
        for ln in self.lines:
            if ln.key == key:
                return ln
        raise ReturnError("return.no_such_line", line=key)

    @property
    def returnable(self) -> int:
        return sum(ln.returnable for ln in self.lines)

    def with_returned(self, returned: dict[str, int]) -> "Purchase":
        """The purchase with at least ``returned`` units (line key -> units) returned: what
        another channel (or a return in progress) knows of beyond this record."""
        return replace(self, lines=tuple(
            replace(ln, returned=max(ln.returned, returned.get(ln.key, 0))) for ln in self.lines))

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "code": self.code,
                "bought_at": self.bought_at.isoformat() if self.bought_at else None,
                "lines": [ln.to_dict() for ln in self.lines],
                "tenders": [t.to_dict() for t in self.tenders], "sale_id": self.sale_id,
                "order_id": self.order_id, "location": self.location,
                "customer_id": self.customer_id, "customer_name": self.customer_name,
                "verified": self.verified}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Purchase":
        return cls(PurchaseKind(d["kind"]), str(d["code"]),
                   datetime.fromisoformat(d["bought_at"]) if d.get("bought_at") else None,
                   tuple(PurchasedLine.from_dict(x) for x in d.get("lines") or ()),
                   tuple(PaidTender.from_dict(x) for x in d.get("tenders") or ()),
                   str(d.get("sale_id") or ""), str(d.get("order_id") or ""),
                   str(d.get("location") or ""), d.get("customer_id"),
                   str(d.get("customer_name") or ""), bool(d.get("verified", True)))


@dataclass(frozen=True)
class ReturnOf:
    """What a return line of a sale gives back: ``units`` of ``line_key`` of the purchase
    ``code`` (``kind``, ``sale_id``/``order_id``), for ``reason``, back to stock or written off
    (``restock``). ``review``: returned against this store's own record only."""

    kind: PurchaseKind
    code: str
    line_key: str
    units: int
    reason: str
    restock: bool = True
    sale_id: str = ""
    order_id: str = ""
    review: bool = False
    approved_by: str = ""  # the manager who approved a return without a receipt
    reason_label: str = ""  # the reason as the store's list words it (for the receipt)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "code": self.code, "line_key": self.line_key,
                "units": self.units, "reason": self.reason, "restock": self.restock,
                "sale_id": self.sale_id, "order_id": self.order_id, "review": self.review,
                "approved_by": self.approved_by, "reason_label": self.reason_label}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "ReturnOf":
        return cls(PurchaseKind(d["kind"]), str(d["code"]), str(d["line_key"]), int(d["units"]),
                   str(d.get("reason") or ""), bool(d.get("restock", True)),
                   str(d.get("sale_id") or ""), str(d.get("order_id") or ""),
                   bool(d.get("review", False)), str(d.get("approved_by") or ""),
                   str(d.get("reason_label") or ""))


@dataclass(frozen=True)
class RefundPart:
    """Öre (positive) to give back with ``method_id``; ``reference``: the original payment's."""

    method_id: str
    label: str
    amount: int
    reference: str = ""
    purchase: str = ""  # the code of the purchase the original payment paid


@dataclass(frozen=True)
class RefundPlan:
    """How a refund of ``amount`` öre goes back: ``parts`` in order (original payments first,
    cash last); ``rounding``: öre the cash part was rounded by (cash is paid in whole kronor)."""

    amount: int
    parts: tuple[RefundPart, ...] = field(default=())
    rounding: int = 0

    @property
    def paid_out(self) -> int:
        return sum(p.amount for p in self.parts)


def plan_refund(amount: int, tenders: tuple[PaidTender, ...] | list[PaidTender],
                to_original: bool = True, purchases: tuple[str, ...] = ()) -> RefundPlan:
    """Split a refund of ``amount`` öre over the purchase's ``tenders``: to each non-cash
    payment up to what it can still refund (in the order they were paid), the rest in cash,
    rounded to whole kronor (Swedish öresavrundning applies to cash only). ``to_original``
    False: all in cash (the customer's choice where the store's policy allows it). Rounding
    never makes the purchase's refunds exceed what its payments took: then the cash is rounded
    down (a purchase without payments, returned without a receipt, has no such bound).
    ``purchases``: the code of the purchase each tender paid (same order), named on each part."""
    from pos.money import round_to_krona

    if amount < 0:
        raise ReturnError("return.quantity_positive")
    parts: list[RefundPart] = []
    left = amount
    if to_original:
        for i, t in enumerate(tenders):
            if left == 0:
                break
            if t.is_cash or t.refundable <= 0:
                continue
            take = min(left, t.refundable)
            parts.append(RefundPart(t.method_id, t.label, take, t.reference,
                                    purchases[i] if i < len(purchases) else ""))
            left -= take
    rounding = 0
    if left:
        cash = round_to_krona(left)
        room = sum(t.refundable for t in tenders) - (amount - left)
        if tenders and cash > room:
            # rounded, the cash would give back more than the purchase's payments took (partial
            # returns of a purchase paid in rounded cash, or cash instead of a card's öre):
            # the whole kronor that stay within what was paid
            cash = max(0, room) // 100 * 100
        rounding = cash - left
        # (0 kr in cash still settles the last öre as rounding)
        parts.append(RefundPart("cash", "Kontant", cash))
    return RefundPlan(amount, tuple(parts), rounding)


@dataclass(frozen=True)
class CentralReturnLine:
    """``units`` of the purchase's line ``line_key`` (``sku``) came back for ``reason``;
    ``restock``: received into this store's stock (else written off: damaged)."""

    line_key: str
    sku: str
    units: int
    reason: str
    restock: bool = True


@dataclass(frozen=True)
class CentralReturn:
    """A return as the central store records it on the purchase's order: a store sale's order
    (found by its ``sale_id``, the order sink's key) or a web order (``order_id``). The goods
    were received at ``location_id`` (this store's location key); ``refund_central`` öre are
    refunded through the central store's payment of a web order (the rest was refunded at the
    till). ``return_sale_id``, ``register_id``, ``receipt_no``: the till's return receipt."""

    kind: PurchaseKind
    code: str
    order_id: str
    sale_id: str
    location_id: str
    lines: tuple[CentralReturnLine, ...]
    refund_central: int
    return_sale_id: str
    register_id: str
    receipt_no: int
    completed_at: str  # ISO 8601 with its offset
    # what the till paid out, per original payment: (method id, reference, öre); kept on the
    # order so that any store knows what each payment can still refund
    refunded_at_till: tuple[tuple[str, str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "code": self.code, "order_id": self.order_id,
                "sale_id": self.sale_id, "location_id": self.location_id,
                "lines": [{"line_key": ln.line_key, "sku": ln.sku, "units": ln.units,
                           "reason": ln.reason, "restock": ln.restock} for ln in self.lines],
                "refund_central": self.refund_central, "return_sale_id": self.return_sale_id,
                "register_id": self.register_id, "receipt_no": self.receipt_no,
                "completed_at": self.completed_at,
                "refunded_at_till": [list(r) for r in self.refunded_at_till]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "CentralReturn":
        return cls(PurchaseKind(d["kind"]), str(d["code"]), str(d.get("order_id") or ""),
                   str(d.get("sale_id") or ""), str(d["location_id"]),
                   tuple(CentralReturnLine(str(x["line_key"]), str(x["sku"]), int(x["units"]),
                                           str(x.get("reason") or ""), bool(x.get("restock", True)))
                         for x in d.get("lines") or ()),
                   int(d.get("refund_central") or 0), str(d["return_sale_id"]),
                   str(d["register_id"]), int(d["receipt_no"]), str(d["completed_at"]),
                   tuple((str(m), str(r), int(a)) for m, r, a in d.get("refunded_at_till") or ()))


@dataclass(frozen=True)
class ReturnRules:
    """The store's return policy (``[returns]`` in pos.toml): ``reasons`` offered, in order
    (``[[returns.reasons]] id, label, restock``); ``cash_instead``: the customer may take cash
    instead of a refund to their original payment; ``days``: how long after the purchase a
    receipt return is taken (0: no limit; older ones need a manager)."""

    reasons: tuple[ReturnReason, ...] = DEFAULT_REASONS
    cash_instead: bool = True
    days: int = 0

    def reason(self, reason_id: str) -> ReturnReason:
        for r in self.reasons:
            if r.id == reason_id:
                return r
        raise ReturnError("return.unknown_reason", reason=reason_id)

    @classmethod
    def from_config(cls, data: dict[str, Any] | None) -> "ReturnRules":
        data = data or {}
        reasons = tuple(ReturnReason(str(r["id"]), str(r.get("label") or r["id"]),
                                     bool(r.get("restock", True)))
                        for r in data.get("reasons") or ()) or DEFAULT_REASONS
        return cls(reasons, bool(data.get("cash_instead", True)), int(data.get("days") or 0))
