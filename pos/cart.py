"""The sale in progress: lines, quantities, discounts, manager price overrides, and its totals.

Discounts are taken in this order, each from what the previous left: first the central store's
promotions (automatic ones and the codes the customer gave; computed as the web shop computes
them, see ``pos.promotions``) on the catalogue price, then the cashier's line discount, then the
cart discount spread over the lines. A line whose price a manager set gets no promotion: the
manager's price is the price.

A weighed line (an article sold by the kg) has its ``weight`` (kg, three decimals) and its price
per kg as ``unit_price``; its amount is the two multiplied, rounded half up to the öre, and it
counts as one item (quantity 1). A line from an in-store label (a price or weight label) keeps
the label's code in ``label``; such lines are never merged with another scan.

A ``Cart`` is plain data that round-trips through ``to_dict``/``from_dict`` so the till can save it
after every change and get it back after a crash. Rules that need a manager raise
``ApprovalRequired``; the service layer asks for a manager's PIN and calls again with ``approved_by``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pos.catalog import Variant
from pos.commerce import CustomerRef
from pos.delivery import DeliveryChoice, is_shipping
from pos.errors import UserError, messages
from pos.measure import check_weight, weighed_amount
from pos.money import allocate, format_kronor, percent_of
from pos.promotions import PromoLine, PromotionBook, PromotionCodeError
from pos.returns import Purchase, ReturnOf
from pos.vat import VatLine, vat_breakdown
from pos.web_carts import WebCartLink, WebCartError

MAX_QUANTITY = 9999


MESSAGES = messages({
    "cart.discount_kind": "A discount is either a percentage or an amount",
    "cart.discount_percent_range": "A percentage discount must be above 0 and at most 100 %",
    "cart.discount_amount_positive": "A discount amount must be above zero",
    "cart.no_longer_sold": "{name} is no longer sold",
    "cart.nothing_left_on_line": "Nothing left to discount on this line",
    "cart.nothing_to_discount": "Nothing to discount: the cart is empty",
    "cart.code_already_on_sale": "The code {code} is already on this sale",
    "cart.code_not_on_sale": "The code {code} is not on this sale",
    "cart.negative_price": "A price cannot be negative",
    "cart.no_such_line": "There is no line {line} in this sale",
    "cart.quantity_whole": "The quantity must be a whole number",
    "cart.quantity_at_least_one": "The quantity must be at least 1: to take the article off the sale, remove its line (Del)",
    "cart.quantity_too_large": "The quantity can be at most {max}",
    "cart.weight_needed": "{name} is sold by weight: type its weight in kg (for example 0,512) "
                          "before scanning it, or scan the label from the scale",
    "cart.not_sold_by_weight": "{name} is sold by the piece, not by weight: type a whole number",
    "cart.weighed_line_quantity": "{name} is weighed: its weight is its quantity (scan each "
                                  "package's own label)",
    "cart.return_line_fixed": "A returned article's line gives back what was paid for it: "
                              "remove it and return it again to change it",
    "approval.price_change": "A price change needs a manager",
    "approval.discount_above": "A discount above {percent} % needs a manager",
    "approval.line_discount_of": "{off} kr off {name} ({share} % of {base} kr) is above {percent} %:"
                                 " a manager must approve it",
    "approval.sale_discount_of": "{off} kr off the whole sale ({share} % of {base} kr) is above "
                                 "{percent} %: a manager must approve it",
    "approval.price_change_of": "Changing the price of {name} from {old} kr to {new} kr needs a "
                                "manager",
})


class CartError(UserError, ValueError):
    """A change the cart refuses."""


class ApprovalRequired(CartError):
    """The change is allowed only with a manager's approval (PIN on the spot); ``action`` names
    it (``line_discount``, ``cart_discount``, ``price_override``, ``no_sale`` ...)."""

    def __init__(self, code: str, action: str, /, **params: Any):
        super().__init__(code, **params)
        self.action = action


@dataclass(frozen=True)
class Discount:
    """A percentage (``percent``) or a fixed amount in öre (``amount``) off a line or the cart."""

    percent: Decimal | None = None
    amount: int | None = None
    reason: str = ""
    approved_by: str | None = None

    def __post_init__(self) -> None:
        if (self.percent is None) == (self.amount is None):
            raise CartError("cart.discount_kind")
        if self.percent is not None and not (Decimal(0) < self.percent <= Decimal(100)):
            raise CartError("cart.discount_percent_range")
        if self.amount is not None and self.amount <= 0:
            raise CartError("cart.discount_amount_positive")

    def off(self, gross: int) -> int:
        """How many öre this discount takes off ``gross`` (never more than ``gross``)."""
        if self.percent is not None:
            return min(gross, percent_of(gross, self.percent))
        assert self.amount is not None
        return min(gross, self.amount)

    def percent_of_gross(self, gross: int) -> Decimal:
        if self.percent is not None:
            return self.percent
        return Decimal(100) if gross <= 0 else Decimal(self.off(gross)) * 100 / Decimal(gross)


@dataclass(frozen=True)
class DiscountPolicy:
    """A cashier may give up to ``cashier_max_percent`` on their own; above it a manager approves."""

    cashier_max_percent: Decimal = Decimal(10)


@dataclass(frozen=True)
class CartLine:
    line_id: int
    variant: Variant
    quantity: int
    unit_price: int  # öre, tax-inclusive, after any manager override
    original_price: int | None = None  # the catalogue price when overridden
    override_by: str | None = None
    discount: Discount | None = None
    weight: Decimal | None = None  # kg (three decimals) of a weighed line; unit_price is per kg
    label: str = ""  # the in-store price or weight label the line was scanned from
    deliver: bool = False  # sent to the customer's home (ship-to-home), not taken now
    from_web: bool = False  # from the web cart the sale continues: at the web cart's price
    # A line of a web order paid here (``pos.pickups``): its goods are that order's, already an
    # order in the central store; its price, discount and quantity are the order's.
    order_id: str = ""
    order_no: str = ""
    # A return line (``pos.returns``): ``quantity`` is minus the units coming back, ``refund``
    # the öre they give back (what was paid for them), ``returned_from`` what they came from.
    returned_from: ReturnOf | None = None
    refund: int = 0

    @property
    def fixed_price(self) -> bool:
        """No promotion or discount on the whole sale touches the line: a web order's line
        (priced as the order is), a delivery's shipping (the store's delivery rules price it;
        the central store's codes do not discount shipping either) or a returned article (it
        gives back what was paid)."""
        return bool(self.order_id) or is_shipping(self.variant.sku) or self.is_return

    @property
    def is_return(self) -> bool:
        return self.returned_from is not None

    @property
    def gross(self) -> int:
        if self.returned_from is not None:
            return -self.refund
        if self.weight is not None:
            return weighed_amount(self.unit_price, self.weight) * self.quantity
        return self.unit_price * self.quantity

    @property
    def is_weighed(self) -> bool:
        return self.weight is not None


@dataclass(frozen=True)
class PromotionShare:
    """What one promotion took off one line (öre, tax-inclusive)."""

    code: str  # the promotion's label: its code, or its campaign's name
    promotion_id: str
    amount: int
    rank: int = field(default=0, compare=False)  # the order it was applied in (0 first)


@dataclass(frozen=True)
class LineTotal:
    line: CartLine
    discount: int  # promotions, line discount and the line's share of the cart discount
    total: int  # what the customer pays for the line
    promotions: tuple[PromotionShare, ...] = ()

    @property
    def promotion_discount(self) -> int:
        return sum(p.amount for p in self.promotions)


@dataclass(frozen=True)
class CartTotals:
    subtotal: int  # before any discount
    discount: int
    total: int
    vat: tuple[VatLine, ...]
    lines: tuple[LineTotal, ...]
    item_count: int
    codes: tuple[str, ...] = ()  # the promotion codes given (also those that give nothing yet)
    applied: tuple[str, ...] = ()  # labels of the promotions that gave something, in order
    customer: CustomerRef | None = None
    web_cart: WebCartLink | None = None  # the web cart this sale continues

    @property
    def vat_total(self) -> int:
        return sum(v.vat for v in self.vat)

    @property
    def promotion_discount(self) -> int:
        return sum(lt.promotion_discount for lt in self.lines)

    def promotions(self) -> list[tuple[str, int]]:
        """(label, öre) per promotion over the whole cart, in the order they were applied."""
        out: dict[str, int] = {label: 0 for label in self.applied}
        for lt in self.lines:
            for p in lt.promotions:
                out[p.code] = out.get(p.code, 0) + p.amount
        return list(out.items())


@dataclass
class Cart:
    lines: list[CartLine] = field(default_factory=list)
    discount: Discount | None = None
    next_line_id: int = 1
    customer: CustomerRef | None = None  # the central store's customer, when identified
    policy: DiscountPolicy = field(default_factory=DiscountPolicy)
    promo_codes: list[str] = field(default_factory=list)  # as the central store spells them
    # the address and sending location of the lines marked "deliver" (``pos.delivery``)
    delivery: DeliveryChoice | None = None
    # The promotions in force: set by the till, not saved with the cart (they come from the
    # catalogue and may change between a crash and the restart).
    book: PromotionBook = field(default_factory=PromotionBook, compare=False)
    web_cart: WebCartLink | None = None  # the web cart this sale continues (pos.web_carts)
    # the purchases the sale's return lines come from, by code (their lines and payments)
    purchases: dict[str, Purchase] = field(default_factory=dict)

    # --- changes ---------------------------------------------------------------------------------

    def add(self, variant: Variant, quantity: int | Decimal = 1) -> CartLine:
        """Add ``quantity`` of ``variant``; a repeated scan of the same plain line raises its
        quantity. An article sold by weight takes its weight (kg, a ``Decimal``) as
        ``quantity``, on a line of its own; without one it is refused."""
        if variant.sold_by_weight:
            if isinstance(quantity, Decimal):
                return self.add_weighed(variant, quantity)
            raise CartError("cart.weight_needed", name=variant.name)
        if isinstance(quantity, Decimal):
            if quantity != quantity.to_integral_value():
                raise CartError("cart.not_sold_by_weight", name=variant.name)
            quantity = int(quantity)
        _check_quantity(quantity)
        if not variant.active:
            raise CartError("cart.no_longer_sold", name=variant.name)
        for i, line in enumerate(self.lines):
            if (line.variant.id == variant.id and line.discount is None
                    and line.original_price is None and not line.label
                    and line.weight is None and not line.deliver and not line.from_web
                    and not line.order_id and not line.is_return):
                new_qty = line.quantity + quantity
                _check_quantity(new_qty)
                self.lines[i] = replace(line, quantity=new_qty)
                return self.lines[i]
        return self._new_line(variant, quantity, variant.price)

    def add_weighed(self, variant: Variant, weight: Decimal, label: str = "") -> CartLine:
        """``weight`` kg of ``variant`` at its price per kg, on a line of its own (from a
        scale's label when ``label`` is its code)."""
        weight = check_weight(weight)
        if not variant.active:
            raise CartError("cart.no_longer_sold", name=variant.name)
        return self._new_line(variant, 1, variant.price, weight=weight, label=label)

    def add_priced(self, variant: Variant, price: int, label: str,
                   quantity: int = 1) -> CartLine:
        """``variant`` at the price its in-store label ``label`` carries (öre; the label is the
        price, whatever the catalogue says), on a line of its own."""
        _check_quantity(quantity)
        if price < 0:
            raise CartError("cart.negative_price")
        if not variant.active:
            raise CartError("cart.no_longer_sold", name=variant.name)
        return self._new_line(variant, quantity, price, label=label)

    def _new_line(self, variant: Variant, quantity: int, unit_price: int, **more: Any) -> CartLine:
        line = CartLine(self.next_line_id, variant, quantity, unit_price, **more)
        self.next_line_id += 1
        self.lines.append(line)
        return line

    def continue_web_cart(self, link: WebCartLink,
                          lines: list[tuple[Variant, int, int]], codes: tuple[str, ...],
                          customer: CustomerRef | None) -> None:
        """Continue the web cart ``link``: its ``lines`` ((article, quantity, the web cart's
        unit price in öre)), at the web cart's prices whatever the catalogue says, its
        promotion codes (the central store took them: not checked again) and its customer.
        All or nothing: a refusal leaves the cart as it was."""
        if self.web_cart is not None:
            raise WebCartError("web_cart.one_per_sale", cart=self.web_cart.id)
        if customer is not None and self.customer is not None and self.customer.id != customer.id:
            raise WebCartError("web_cart.other_customer", cart=link.id, customer=customer.label)
        for _, quantity, price in lines:
            _check_quantity(quantity)
            if price < 0:
                raise CartError("cart.negative_price")
        for variant, quantity, price in lines:
            self._new_line(variant, quantity, price, from_web=True)
        for code in codes:
            if code.upper() not in (c.upper() for c in self.promo_codes):
                self.promo_codes.append(code)
        if customer is not None:
            self.customer = customer
        self.web_cart = link

    def add_order_lines(self, order_id: str, order_no: str,
                        lines: list[tuple[Variant, int, int, int]]) -> list[CartLine]:
        """A web order paid here: each (variant, quantity, unit price, öre the web shop took
        off) on a line of its own, fixed as the order has it."""
        if any(line.order_id == order_id for line in self.lines):
            raise CartError("pickup.already_in_sale", number=order_no)
        added = []
        for variant, quantity, unit_price, off in lines:
            discount = Discount(amount=off, reason="web", approved_by="web") if off > 0 else None
            added.append(self._new_line(variant, quantity, unit_price, discount=discount,
                                        order_id=order_id, order_no=order_no))
        return added

    def add_return_line(self, variant: Variant, units: int, refund: int, of: ReturnOf,
                        purchase: Purchase) -> CartLine:
        """``units`` of ``variant`` coming back, giving back ``refund`` öre (worked out by
        ``pos.returns``: what was paid for them), on a line of its own."""
        _check_quantity(units)
        if refund < 0:
            raise CartError("cart.negative_price")
        self.purchases[purchase.code] = purchase
        return self._new_line(variant, -units, refund // units, returned_from=of, refund=refund)

    def returned_units(self, code: str) -> dict[str, int]:
        """Units of the purchase ``code`` this sale returns, by the purchase's line key."""
        out: dict[str, int] = {}
        for line in self.lines:
            if line.returned_from is not None and line.returned_from.code == code:
                key = line.returned_from.line_key
                out[key] = out.get(key, 0) + line.returned_from.units
        return out

    def order_ids(self) -> list[str]:
        """The web orders paid in this sale, in the order they were added."""
        return list(dict.fromkeys(line.order_id for line in self.lines if line.order_id))

    def set_quantity(self, line_id: int, quantity: int) -> CartLine:
        if any(ln.line_id == line_id and ln.is_return for ln in self.lines):
            raise CartError("cart.return_line_fixed")  # whatever the quantity typed
        _check_quantity(quantity)
        line = self._editable(line_id)
        if line.is_weighed:
            raise CartError("cart.weighed_line_quantity", name=line.variant.name)
        return self._replace(line_id, quantity=quantity)

    def remove(self, line_id: int) -> CartLine:
        """Take the line out (a web order's line takes the whole order out of the sale)."""
        line = self.line(line_id)
        if line.order_id:
            self.lines = [ln for ln in self.lines if ln.order_id != line.order_id]
        else:
            self.lines.remove(line)
        if line.returned_from is not None and not self.returned_units(line.returned_from.code):
            self.purchases.pop(line.returned_from.code, None)
        return line

    def discount_line(self, line_id: int, discount: Discount) -> CartLine:
        line = self._editable(line_id)
        base = line.gross - self._promotion_off().get(line_id, 0)
        if base <= 0:
            raise CartError("cart.nothing_left_on_line")
        self._check_approval(discount, base, "line_discount", line.variant.name)
        return self._replace(line_id, discount=discount)

    def discount_cart(self, discount: Discount | None) -> None:
        if discount is not None:
            promo = self._promotion_off()
            base = sum(line.gross - promo.get(line.line_id, 0) - _line_off(line, promo)
                       for line in self.lines if not line.fixed_price)
            if base <= 0:
                raise CartError("cart.nothing_to_discount")
            self._check_approval(discount, base, "cart_discount")
        self.discount = discount

    def add_promo_code(self, code: str) -> str:
        """Take a promotion code the customer gives (checked against the promotions in force);
        returns it as the central store spells it. A code that gives nothing on this cart yet is
        kept: it applies as soon as something it targets is added."""
        try:
            code = self.book.check_code(code)
        except PromotionCodeError as e:
            raise CartError(e.code, **e.params) from e
        if code.upper() in (c.upper() for c in self.promo_codes):
            raise CartError("cart.code_already_on_sale", code=code)
        self.promo_codes.append(code)
        return code

    def remove_promo_code(self, code: str) -> None:
        wanted = code.strip().upper()
        kept = [c for c in self.promo_codes if c.upper() != wanted]
        if len(kept) == len(self.promo_codes):
            raise CartError("cart.code_not_on_sale", code=code.strip())
        self.promo_codes = kept

    def override_price(self, line_id: int, new_price: int, approved_by: str | None) -> CartLine:
        """A manager sets another unit price. Always needs a manager, whatever the amount."""
        if new_price < 0:
            raise CartError("cart.negative_price")
        if not approved_by:
            raise ApprovalRequired("approval.price_change", "price_override")
        line = self._editable(line_id)
        original = line.original_price if line.original_price is not None else line.unit_price
        return self._replace(line_id, unit_price=new_price, original_price=original,
                             override_by=approved_by)

    def clear(self) -> None:
        self.lines.clear()
        self.discount = None
        self.customer = None
        self.promo_codes = []
        self.web_cart = None
        self.delivery = None
        self.purchases = {}

    def mark_deliver(self, line_id: int, deliver: bool) -> CartLine:
        """Mark a line to be sent home (or taken now again)."""
        self._editable(line_id)
        return self._replace(line_id, deliver=deliver)

    # --- queries ---------------------------------------------------------------------------------

    def _editable(self, line_id: int) -> CartLine:
        line = self.line(line_id)
        if line.order_id:
            raise CartError("pickup.line_fixed", number=line.order_no)
        if line.is_return:
            raise CartError("cart.return_line_fixed")
        return line

    def line(self, line_id: int) -> CartLine:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise CartError("cart.no_such_line", line=line_id)

    @property
    def customer_id(self) -> str | None:
        return self.customer.id if self.customer else None

    def set_customer(self, customer: CustomerRef | None) -> None:
        """Who is buying (or nobody): their promotions apply, the order is theirs."""
        self.customer = customer

    @property
    def is_empty(self) -> bool:
        return not self.lines

    def totals(self) -> CartTotals:
        """Totals: promotions, then line discounts, then the cart discount spread over lines so
        VAT per rate stays right."""
        shares_by_line = self._promotion_shares()
        promo = {k: sum(p.amount for p in v) for k, v in shares_by_line.items()}
        line_off = [_line_off(line, promo) for line in self.lines]
        bases = [line.gross - promo.get(line.line_id, 0) - off
                 for line, off in zip(self.lines, line_off)]
        # a web order's lines are priced as the order is, the shipping as the delivery rules
        # say: the cart discount is not theirs
        bases_here = [0 if line.fixed_price else base for line, base in zip(self.lines, bases)]
        cart_off = self.discount.off(sum(bases_here)) if self.discount else 0
        shares = allocate(cart_off, bases_here)
        line_totals = tuple(
            LineTotal(line, line.gross - base + share, base - share,
                      tuple(shares_by_line.get(line.line_id, ())))
            for line, base, share in zip(self.lines, bases, shares)
        )
        subtotal = sum(line.gross for line in self.lines)
        total = sum(lt.total for lt in line_totals)
        vat = vat_breakdown((lt.line.variant.vat_rate, lt.total) for lt in line_totals)
        applied: dict[str, int] = {}
        for line_shares in shares_by_line.values():
            for p in line_shares:
                applied.setdefault(p.code, p.rank)
        return CartTotals(subtotal, subtotal - total, total, tuple(vat), line_totals,
                          sum(line.quantity for line in self.lines if not line.is_return),
                          tuple(self.promo_codes),
                          tuple(sorted(applied, key=applied.__getitem__)), self.customer,
                          self.web_cart)

    # --- persistence -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        from pos import cart_codec as codec

        return {
            "lines": [codec.line_to_dict(line) for line in self.lines],
            "discount": codec.discount_to_dict(self.discount),
            "next_line_id": self.next_line_id,
            "customer": self.customer.to_dict() if self.customer else None,
            "promo_codes": list(self.promo_codes),
            **({"delivery": self.delivery.to_dict()} if self.delivery else {}),
            **({"web_cart": self.web_cart.to_dict()} if self.web_cart else {}),
            **({"purchases": {c: p.to_dict() for c, p in self.purchases.items()}}
               if self.purchases else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], policy: DiscountPolicy | None = None,
                  book: PromotionBook | None = None) -> "Cart":
        from pos import cart_codec as codec

        return cls(
            lines=[codec.line_from_dict(d) for d in data.get("lines", [])],
            discount=codec.discount_from_dict(data.get("discount")),
            next_line_id=int(data.get("next_line_id", 1)),
            customer=codec.customer_from_dict(data),
            policy=policy or DiscountPolicy(),
            promo_codes=[str(c) for c in data.get("promo_codes", [])],
            delivery=DeliveryChoice.from_dict(data.get("delivery")),
            book=book or PromotionBook(),
            web_cart=WebCartLink.from_dict(data.get("web_cart")),
            purchases={str(c): Purchase.from_dict(p)
                       for c, p in (data.get("purchases") or {}).items()},
        )

    # --- internals -------------------------------------------------------------------------------

    def _promotion_shares(self) -> dict[int, list[PromotionShare]]:
        adjustments = self.book.adjustments(
            [_promo_line(line) for line in self.lines if not line.is_return], self.promo_codes,
            self.customer.promotion_context() if self.customer else None)
        out: dict[int, list[PromotionShare]] = {}
        ranks: dict[str, int] = {}
        for adj in adjustments:
            rank = ranks.setdefault(adj.promotion_id, len(ranks))
            if adj.amount:
                promo = self.book.by_id(adj.promotion_id)
                label = promo.label if promo is not None else adj.code
                out.setdefault(int(adj.line_id), []).append(
                    PromotionShare(label, adj.promotion_id, adj.amount, rank))
        return out

    def _promotion_off(self) -> dict[int, int]:
        return {k: sum(p.amount for p in v) for k, v in self._promotion_shares().items()}

    def _replace(self, line_id: int, **changes: Any) -> CartLine:
        for i, line in enumerate(self.lines):
            if line.line_id == line_id:
                self.lines[i] = replace(line, **changes)
                return self.lines[i]
        raise CartError("cart.no_such_line", line=line_id)

    def _check_approval(self, discount: Discount, gross: int, action: str,
                        name: str | None = None) -> None:
        """``ApprovalRequired`` saying what the manager approves: how much off what (the line's
        article, or the whole sale), its share of the amount and the cashier's limit."""
        if discount.approved_by:
            return
        share = discount.percent_of_gross(gross)
        if share > self.policy.cashier_max_percent:
            shown = dict(off=format_kronor(discount.off(gross)), base=format_kronor(gross),
                         share=_percent_text(share), percent=self.policy.cashier_max_percent)
            if name is None:
                raise ApprovalRequired("approval.sale_discount_of", action, **shown)
            raise ApprovalRequired("approval.line_discount_of", action, name=name, **shown)


def _percent_text(share: Decimal) -> str:
    """A share in percent as the cashier reads it: "12,5", "33,3", "50"."""
    text = f"{share.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _line_off(line: CartLine, promo: dict[int, int]) -> int:
    """The cashier's line discount, taken from what the promotions left."""
    return line.discount.off(line.gross - promo.get(line.line_id, 0)) if line.discount else 0


def _promo_line(line: CartLine) -> PromoLine:
    """The line as the promotions see it: a weighed line is one unit at its amount (as the
    central store records it)."""
    refs = line.variant.refs
    unit_price = line.gross // line.quantity if line.is_weighed else line.unit_price
    return PromoLine(line_id=line.line_id, quantity=line.quantity, unit_price=unit_price,
                     vat_rate=line.variant.vat_rate, variant_id=refs.variant_id or line.variant.id,
                     sku=line.variant.sku, product_id=refs.product_id or line.variant.product_id,
                     category_ids=refs.category_ids, collection_id=refs.collection_id,
                     type_id=refs.type_id, tag_ids=refs.tag_ids,
                     is_discountable=line.original_price is None and not line.fixed_price)


def _check_quantity(quantity: int) -> None:
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise CartError("cart.quantity_whole")
    if quantity < 1:
        raise CartError("cart.quantity_at_least_one")
    if quantity > MAX_QUANTITY:
        raise CartError("cart.quantity_too_large", max=MAX_QUANTITY)
