"""Selling: what the scanner read, articles added and changed, discounts, price changes, codes,
voiding. Each change is saved with its journal line and shift counter in one transaction before
the call returns; a refused change leaves the sale exactly as it was.

Every function takes the register's context (``pos.services.context.RegisterContext``) and
returns the sale's totals (``CartTotals``) for the screen.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from pos.cart import ApprovalRequired, Cart, CartError, CartTotals, Discount
from pos.catalog import NoArticle, UnknownCode, Variant, normal_plu
from pos.errors import messages
from pos.journal import Kind
from pos.money import format_kronor
from pos.payments import PaymentError
from pos.scan_router import Scan, ScanKind, classify, unknown_article
from pos.services import staff
from pos.shelf_qr import parse_shelf_qr
from pos.services.context import RegisterContext

Change = Callable[[Cart], object]

MESSAGES = messages({
    "sale.payment_started": "Payment has started: finish or cancel it before changing the sale",
    "sale.card_paid_refund_first": "A card has already paid part of this sale: refund it first",
    "sale.nothing_to_void": "There is no sale to void",
    "scan.not_for_sale.receipt": "Receipt {value} scanned: returns are not taken at this till yet.",
    "scan.not_for_sale.digital_receipt": "Digital receipt {value} scanned: returns are not taken "
                                         "at this till yet.",
    "scan.not_for_sale.web_cart": "Web cart {value} scanned: this till is not connected to the "
                                  "central store, so web carts cannot be loaded here.",
    "scan.not_for_sale.order": "Web order {value} scanned: pickups come in a later release.",
    "scan.not_for_sale.product": "Product link {value} scanned: scan the article's barcode "
                                 "instead.",
    "scan.not_for_sale.invoice_reference": "Invoice reference {value} scanned: paying invoices "
                                           "comes in a later release.",
})


class ScanNotForSale(CartError):
    """A scan that is valid but is not an article (a receipt, a web cart ...); ``kind`` (a
    ``ScanKind`` value) and ``value`` let the screen offer what fits."""

    def __init__(self, kind: str, value: str):
        super().__init__(f"scan.not_for_sale.{kind}", value=value)
        self.kind = kind
        self.value = value


def totals(ctx: RegisterContext) -> CartTotals:
    return ctx.state.cart.totals()


def change(ctx: RegisterContext, fn: Change, journal: tuple[str, dict[str, object]] | None = None,
           counter: str | None = None) -> CartTotals:
    """Apply ``fn`` to the sale in progress and save it, with its journal line and shift counter
    in the same transaction; on any error the sale is as it was and nothing is counted.

    ``fn`` is given the cart to change (never a cart it captured earlier: a retry after a
    manager's approval acts on the sale as it is now)."""
    state = ctx.state
    state.require_cashier()
    if state.payment is not None:
        # the total the payment asks for is fixed: a line scanned behind the payment dialog
        # once joined the sale while the dialog (and a card terminal) asked for the old total
        raise CartError("sale.payment_started")
    before = state.saved()
    try:
        with ctx.uow:
            shift = ctx.require_shift()
            fn(state.cart)
            ctx.save_sale()
            if journal:
                ctx.journal(journal[0], journal[1])
            if counter:
                ctx.uow.shifts.bump_counter(shift.id, counter)
            ctx.uow.commit()
    except BaseException:
        state.restore(before)
        raise
    return ctx.show(state.cart.totals())


def scan(ctx: RegisterContext, payload: str, quantity: int | Decimal = 1) -> CartTotals:
    """Whatever the scanner read (or the cashier typed into the scan field): an article is
    added, ``quantity`` of it (a number typed before the scan; a weight in kg for an article
    sold by weight), a promotion code (a coupon) is taken; anything else raises with a message.

    An in-store price or weight label (an EAN-13 the configured layouts match,
    ``TillConfig.barcodes``) adds the article its short number (PLU) names, at the label's price
    or weight, unless the catalogue has that very EAN-13 as an article's barcode. A shelf label's
    QR (``pos.shelf_qr``) adds the article its SKU names. A code that names no article raises
    ``UnknownCode`` saying what is wrong with it.

    A customer card is not handled here (it needs the central store: see
    ``customers.customer_card``); a receipt, web cart, order or invoice reference raises
    ``ScanNotForSale`` naming its kind and value, so the screen can offer what fits."""
    scanned = classify(payload, ctx.config.barcodes)
    if scanned.kind is ScanKind.GTIN:
        return _add_scanned(ctx, scanned, quantity)
    if scanned.kind is ScanKind.SKU_OR_TEXT:
        try:
            return _add_scanned(ctx, scanned, quantity)
        except UnknownCode:
            # A coupon (a promotion code as a barcode or typed): not an article, but a code
            # the central store gives out.
            if ctx.state.promotions.is_code(scanned.value):
                return add_promo_code(ctx, scanned.value)
            raise
    if scanned.kind is ScanKind.PRODUCT:
        shelf = parse_shelf_qr(payload)
        if shelf is not None:  # a shelf label's QR names the exact article: sold as its SKU
            return _add_scanned(ctx, Scan(ScanKind.SKU_OR_TEXT, shelf.sku, raw=payload), quantity)
    if scanned.error is not None:  # INVALID_GTIN, INVALID_REFERENCE, UNKNOWN: what is wrong
        raise scanned.error
    raise ScanNotForSale(scanned.kind.value, scanned.value)


def _add_scanned(ctx: RegisterContext, scanned: Scan, quantity: int | Decimal) -> CartTotals:
    """The article with barcode, SKU or PLU ``scanned.value`` added (or the one its in-store
    label names): looked up and added in one transaction (a scan takes the database's write
    lock once and commits once)."""
    def add_found(cart: Cart) -> None:
        catalog = ctx.uow.catalog
        variant = catalog.by_code(scanned.value)
        label = scanned.measure
        if variant is None and label is not None:
            variant = catalog.by_plu(label.item)
            if variant is None:
                raise NoArticle("catalog.unknown_plu", code=scanned.value,
                                plu=normal_plu(label.item))
            if label.is_weight:
                if quantity != 1:
                    raise CartError("cart.weighed_line_quantity", name=variant.name)
                cart.add_weighed(variant, label.weight, label=label.code)
            else:
                cart.add_priced(variant, label.price, label.code, _whole(quantity))
            return
        if variant is None:
            raise unknown_article(scanned)
        cart.add(variant, quantity)
    return change(ctx, add_found)


def _whole(quantity: int | Decimal) -> int:
    if isinstance(quantity, Decimal):
        if quantity != quantity.to_integral_value():
            raise CartError("cart.quantity_whole")
        return int(quantity)
    return quantity


def add(ctx: RegisterContext, variant: Variant, quantity: int | Decimal = 1) -> CartTotals:
    return change(ctx, lambda cart: cart.add(variant, quantity))


def set_quantity(ctx: RegisterContext, line_id: int, quantity: int) -> CartTotals:
    return change(ctx, lambda cart: cart.set_quantity(line_id, quantity))


def remove_line(ctx: RegisterContext, line_id: int) -> CartTotals:
    line = ctx.state.cart.line(line_id)
    return change(ctx, lambda cart: cart.remove(line_id),
                  (Kind.VOID_LINE, {"sku": line.variant.sku, "name": line.variant.name,
                                    "quantity": line.quantity, "amount": line.gross}),
                  counter="voids")


def discount_line(ctx: RegisterContext, line_id: int, discount: Discount,
                  approver_pin: str | None = None) -> CartTotals:
    return _discount(ctx, lambda cart, d: cart.discount_line(line_id, d), discount, approver_pin,
                     {"line": line_id})


def discount_cart(ctx: RegisterContext, discount: Discount | None,
                  approver_pin: str | None = None) -> CartTotals:
    """A discount on the whole sale (None takes it off)."""
    if discount is None:
        return change(ctx, lambda cart: cart.discount_cart(None))
    return _discount(ctx, lambda cart, d: cart.discount_cart(d), discount, approver_pin,
                     {"line": None})


def _discount(ctx: RegisterContext, apply: Callable[[Cart, Discount], object], discount: Discount,
              approver_pin: str | None, info: dict[str, object]) -> CartTotals:
    """Within the cashier's limit at once; above it with a manager's approval (journaled)."""
    try:
        return change(ctx, lambda cart: apply(cart, discount))
    except ApprovalRequired:
        approved_by = staff.approver(ctx, approver_pin)
        if approved_by is None:
            raise
        approved = Discount(discount.percent, discount.amount, discount.reason, approved_by)
        payload = {**info, "approved_by": approved_by, "percent": str(discount.percent),
                   "amount": discount.amount, "reason": discount.reason}
        return change(ctx, lambda cart: apply(cart, approved), (Kind.DISCOUNT_APPROVED, payload))


def override_price(ctx: RegisterContext, line_id: int, new_price: int,
                   approver_pin: str | None = None) -> CartTotals:
    """A manager sets another unit price (öre) for a line; always needs a manager."""
    if new_price < 0:  # said before a manager is asked for a price that cannot be
        raise CartError("cart.negative_price")
    approved_by = staff.approver(ctx, approver_pin)
    line = ctx.state.cart.line(line_id)
    if approved_by is None:
        raise ApprovalRequired("approval.price_change_of", "price_override",
                               name=line.variant.name, old=format_kronor(line.unit_price),
                               new=format_kronor(new_price))
    return change(ctx, lambda cart: cart.override_price(line_id, new_price, approved_by),
                  (Kind.PRICE_OVERRIDE, {"sku": line.variant.sku, "from": line.unit_price,
                                         "to": new_price, "approved_by": approved_by}),
                  counter="price_overrides")


def add_promo_code(ctx: RegisterContext, code: str) -> CartTotals:
    """A promotion code the customer gives; ``CartError`` says why one is refused."""
    return change(ctx, lambda cart: cart.add_promo_code(code))


def remove_promo_code(ctx: RegisterContext, code: str) -> CartTotals:
    return change(ctx, lambda cart: cart.remove_promo_code(code))


def void_sale(ctx: RegisterContext) -> CartTotals:
    """Throw away the sale in progress (journaled). Not allowed once a card has paid."""
    state = ctx.state
    if state.payment and state.payment.provider_tenders:
        raise PaymentError("sale.card_paid_refund_first")
    if state.cart.is_empty and state.payment is None:
        raise CartError("sale.nothing_to_void")  # not counted as a void either
    t = state.cart.totals()
    state.payment = None
    return change(ctx, lambda cart: cart.clear(),
                  (Kind.VOID_SALE, {"total": t.total, "items": t.item_count}), counter="voids")
