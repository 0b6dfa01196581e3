"""A completed sale: what was sold, how it was paid, and its place in the register's numbering."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from pos.cart import CartTotals, PromotionShare
from pos.gift_cards import GIFT_CARD_SKU
from pos.invoices import is_invoice_payment
from pos.measure import weighed_amount
from pos.payments import Payment, Tender
from pos.returns import ReturnOf
from pos.vat import VatLine, VatRate, vat_breakdown


@dataclass(frozen=True)
class SaleLine:
    variant_id: str
    sku: str
    ean: str
    name: str
    quantity: int
    unit_price: int  # after override
    original_price: int | None  # catalogue price when a manager overrode it
    discount: int  # öre off this line (line discount and its share of the cart discount)
    total: int  # what the customer paid for this line
    vat_rate: VatRate
    promotions: tuple[PromotionShare, ...] = ()  # the central store's promotions in ``discount``
    # A weighed line: its weight in kg (three decimals), ``unit_price`` per kg, quantity 1
    weight: Decimal | None = None
    # A line of a web order paid here (``pos.pickups``): the central store has its order already
    order_id: str = ""
    order_no: str = ""
    # A returned article (``pos.returns``): ``quantity`` is minus the units back, ``total`` minus
    # what they give back; ``returned_from`` names the purchase, its line, the reason
    returned_from: ReturnOf | None = None

    @property
    def is_return(self) -> bool:
        return self.returned_from is not None

    @property
    def gross(self) -> int:
        """Before discounts: the unit price times the quantity, or times the weight rounded
        half up to the öre; a return line's is what it gives back (negative)."""
        if self.returned_from is not None:
            return self.total
        if self.weight is not None:
            return weighed_amount(self.unit_price, self.weight) * self.quantity
        return self.unit_price * self.quantity

    @property
    def promotion_discount(self) -> int:
        return sum(p.amount for p in self.promotions)

    @property
    def manual_discount(self) -> int:
        """The cashier's and manager's discounts (line and share of the cart discount)."""
        return self.discount - self.promotion_discount

    def promotions_json(self) -> str:
        return promotions_json(self.promotions)

    def to_dict(self) -> dict[str, Any]:
        return {"variant_id": self.variant_id, "sku": self.sku, "ean": self.ean,
                "name": self.name, "quantity": self.quantity, "unit_price": self.unit_price,
                "original_price": self.original_price, "discount": self.discount,
                "total": self.total, "vat_rate": self.vat_rate.value,
                "promotions": [[p.code, p.promotion_id, p.amount] for p in self.promotions],
                "weight": None if self.weight is None else str(self.weight),
                **({"order_id": self.order_id, "order_no": self.order_no}
                   if self.order_id else {}),
                **({"returned_from": self.returned_from.to_dict()}
                   if self.returned_from else {})}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "SaleLine":
        return cls(variant_id=d["variant_id"], sku=d["sku"], ean=d.get("ean", ""),
                   name=d["name"], quantity=int(d["quantity"]), unit_price=int(d["unit_price"]),
                   original_price=d.get("original_price"), discount=int(d.get("discount", 0)),
                   total=int(d["total"]), vat_rate=VatRate(d["vat_rate"]),
                   promotions=_shares(d.get("promotions")),
                   weight=None if d.get("weight") is None else Decimal(str(d["weight"])),
                   order_id=str(d.get("order_id") or ""), order_no=str(d.get("order_no") or ""),
                   returned_from=(ReturnOf.from_dict(d["returned_from"])
                                  if d.get("returned_from") else None))


def promotions_json(shares: tuple[PromotionShare, ...]) -> str:
    """For the sale line's row: ``""`` when no promotion took anything."""
    if not shares:
        return ""
    return json.dumps([[p.code, p.promotion_id, p.amount] for p in shares], ensure_ascii=False,
                      separators=(",", ":"))


def promotions_from_json(text: str | None) -> tuple[PromotionShare, ...]:
    return _shares(json.loads(text)) if text else ()


def _shares(rows: Any) -> tuple[PromotionShare, ...]:
    return tuple(PromotionShare(str(c), str(i), int(a)) for c, i, a in rows or ())


GOODS, INVOICE_PAYMENT, GIFT_CARD = "goods", "invoice_payment", "gift_card"


def line_kind(line: Any) -> str:
    """What a sale line took money for: goods (turnover), an invoice paid at the till (the
    invoiced goods were sold, and counted, on the invoice's own sale: ``pos.invoices``) or a gift
    card sold (a multi-purpose voucher: no turnover, no VAT, until it pays for goods). Every
    figure of sales (X/Z reports, dashboard, VAT report, top articles) counts goods only."""
    if is_invoice_payment(line.variant_id):
        return INVOICE_PAYMENT
    if line.sku == GIFT_CARD_SKU:
        return GIFT_CARD
    return GOODS


def is_goods_line(line: Any) -> bool:
    return line_kind(line) == GOODS


@dataclass(frozen=True)
class Sale:
    """A completed, numbered sale. ``total`` is the goods total; customers paid ``total + rounding``."""

    id: str
    register_id: str
    receipt_no: int
    shift_id: int
    cashier_id: str
    cashier_name: str
    completed_at: datetime
    lines: tuple[SaleLine, ...]
    tenders: tuple[Tender, ...]
    total: int
    discount: int
    rounding: int
    control_code: str = ""
    customer_id: str | None = None
    customer_name: str = ""
    web_cart_id: str | None = None  # the web cart this sale continued (bought by this sale)

    @property
    def vat(self) -> list[VatLine]:
        return vat_breakdown((line.vat_rate, line.total) for line in self.lines)

    @property
    def goods_lines(self) -> tuple[SaleLine, ...]:
        """The lines that are sales (``line_kind``): not invoices paid, not gift cards sold."""
        return tuple(line for line in self.lines if is_goods_line(line))

    @property
    def goods_vat(self) -> list[VatLine]:
        """The VAT per rate of the goods (what the reports declare)."""
        return vat_breakdown((line.vat_rate, line.total) for line in self.goods_lines)

    @property
    def goods_sold(self) -> int:
        """Öre of goods sold (returns not): the reports' gross sales."""
        return sum(line.total for line in self.goods_lines if not line.is_return)

    @property
    def goods_count(self) -> int:
        """Articles of goods sold (``item_count`` without invoices paid and gift cards)."""
        return sum(line.quantity for line in self.goods_lines if not line.is_return)

    @property
    def sells_goods(self) -> bool:
        """A receipt that sold goods (or an empty one): what the reports count as a sale."""
        return any(not line.is_return for line in self.goods_lines) or not self.lines

    def taken_for(self, kind: str) -> int:
        """Öre the lines of ``kind`` (``line_kind``) took, e.g. invoices paid, gift cards sold."""
        return sum(line.total for line in self.lines if line_kind(line) == kind)

    @property
    def paid(self) -> int:
        return self.total + self.rounding

    @property
    def change(self) -> int:
        return sum(t.change for t in self.tenders)

    @property
    def item_count(self) -> int:
        """Articles sold: a line's quantity (a weighed line is one article); returns not."""
        return sum(line.quantity for line in self.lines if not line.is_return)

    @property
    def return_lines(self) -> tuple[SaleLine, ...]:
        return tuple(line for line in self.lines if line.is_return)

    @property
    def is_return(self) -> bool:
        """A return receipt (returkvitto): it gives back more than it takes."""
        return self.total < 0

    @property
    def refunded(self) -> int:
        """Öre the returned articles gave back (positive)."""
        return -sum(line.total for line in self.lines if line.is_return)

    @property
    def receipt_code(self) -> str:
        """What the receipt's barcode carries (the scan router reads it back for returns)."""
        return receipt_code(self.register_id, self.receipt_no)


def receipt_code(register_id: str, receipt_no: int) -> str:
    return f"R-{register_id}-{receipt_no:06d}"


def sale_lines(totals: CartTotals) -> tuple[SaleLine, ...]:
    """The lines of the sale the cart's ``totals`` describe, as they are stored and printed."""
    return tuple(
        SaleLine(variant_id=lt.line.variant.id, sku=lt.line.variant.sku, ean=lt.line.variant.ean,
                 name=lt.line.variant.name, quantity=lt.line.quantity,
                 unit_price=lt.line.unit_price, original_price=lt.line.original_price,
                 discount=lt.discount, total=lt.total, vat_rate=lt.line.variant.vat_rate,
                 promotions=lt.promotions, weight=lt.line.weight,
                 order_id=lt.line.order_id, order_no=lt.line.order_no,
                 returned_from=lt.line.returned_from)
        for lt in totals.lines
    )


def check_balanced(lines: tuple[SaleLine, ...], payment: Payment) -> None:
    """A sale is stored only when it balances: lines == payment total, tenders == total + rounding."""
    goods = sum(line.total for line in lines)
    if goods != payment.total:
        raise ValueError(f"lines add up to {goods} öre but the payment is for {payment.total}")
    if not payment.complete:
        raise ValueError(f"{payment.remaining} öre are still unpaid")
