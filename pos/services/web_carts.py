"""Web carts at the till: a cart a shopper started online is found by its QR code (or typed
code), loaded into the sale in progress, sold as any sale, and bought centrally through the
outbox (the sale's order closes the cart: see ``pos.web_carts``).

Two steps on two lanes, so that a slow central store never holds up a scan:

- ``fetch`` (network lane: the central store and a read of the till's own database, no register
  state): the cart as the central store computed it; refused when it is bought already (online,
  at another till, or here while the outbox still waits), empty, in another currency, or when
  the central store cannot be reached (nothing changes anywhere).
- ``load`` (register lane): its lines (at the web cart's prices: the central store's price
  governs when the till's synced catalogue differs; the screen says so), its promotion codes and
  its customer join the sale in one transaction, saved with the sale in progress (crash-safe). A
  line whose article the till's catalogue lacks refuses the whole cart (nothing half loaded).

``show`` answers the operator's ``cart show CODE``: the cart, its status and what this store's
database knows of it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from pos.cart import CartTotals
from pos.catalog import Variant
from pos.commerce import WebCart
from pos.delivery import choice_of_web_cart
from pos.ports import CommerceUnavailable, CustomerDirectory, WebCarts
from pos.scan_router import ScanKind, classify
from pos.services import selling, ship_to_home
from pos.services.context import RegisterContext
from pos.services.unit_of_work import UnitOfWork
from pos.sync.sale_events import instant
from pos.web_carts import WebCartError, WebCartLink, order_label

SEK = "SEK"


def cart_id_of(code: str) -> str:
    """The cart id a QR code (``https://.../cart/<id>``) or a typed code (``cart_...``) names;
    anything else is taken as the id as typed (the central store says if there is none)."""
    scanned = classify(code)
    if scanned.kind is ScanKind.WEB_CART:
        return scanned.value
    return code.strip()


@dataclass(frozen=True)
class PriceDifference:
    """A web cart line whose price is not the till's synced catalogue price (the web cart's
    price governs)."""

    name: str
    web_price: int
    till_price: int


@dataclass(frozen=True)
class WebCartLoaded:
    """What loading a web cart gave: the sale's totals, the central store's total for the cart,
    and the lines whose price differs from the till's catalogue."""

    totals: CartTotals
    central_total: int
    price_differences: tuple[PriceDifference, ...] = ()

    @property
    def web_total(self) -> int:
        """What the till charges for the web cart's lines (öre)."""
        return sum(lt.total for lt in self.totals.lines if lt.line.from_web)

    @property
    def total_matches(self) -> bool:
        """True when the till charges for the web cart's lines what the central store's cart
        costs."""
        return self.web_total == self.central_total


def fetch(uow: UnitOfWork, web_carts: WebCarts, code: str,
          customers: CustomerDirectory | None = None) -> WebCart:
    """The web cart ``code`` names, ready to load; ``WebCartError`` says why not (bought,
    unknown, empty, the central store unreachable). Reads only: nothing changes anywhere.
    With ``customers`` its shopper is read as the central store's customer (name, phone and
    groups, which promotions may target: the store API gives only id and e-mail); when that
    fails the cart comes with what it has."""
    cart_id = cart_id_of(code)
    _not_bought_here(uow, cart_id)
    try:
        cart = web_carts.get_web_cart(cart_id)
    except CommerceUnavailable as e:
        raise WebCartError("web_cart.unreachable", cart=cart_id) from e
    if cart is None:
        raise WebCartError("web_cart.not_found", cart=cart_id)
    if cart.completed:
        raise WebCartError("web_cart.already_bought", cart=cart.id,
                           order=order_label(cart.order_id, cart.order_display_id))
    if cart.currency.upper() != SEK:
        raise WebCartError("web_cart.currency", cart=cart.id, currency=cart.currency)
    if not cart.lines:
        raise WebCartError("web_cart.empty", cart=cart.id)
    return _with_customer(cart, customers)


def _with_customer(cart: WebCart, customers: CustomerDirectory | None) -> WebCart:
    if customers is None or not cart.customer_id or not cart.email:
        return cart
    try:
        found = customers.find_customers(cart.email, 5)
    except Exception:  # noqa: BLE001 - the cart is still the cart without the name
        return cart
    match = next((c for c in found if c.id == cart.customer_id), None)
    return replace(cart, customer=match) if match is not None else cart


def check_still_open(web_carts: WebCarts | None, cart_id: str) -> None:
    """Before the payment of a sale that continues web cart ``cart_id``: ``WebCartError``
    ("web_cart.bought_meanwhile") when it was bought since it was loaded (online, or at
    another till), so the customer does not pay twice. A network call. When the central store
    cannot be reached (or there is none) the sale goes on: the outbox's close then finds any
    conflict and flags it."""
    if web_carts is None:
        return
    try:
        cart = web_carts.get_web_cart(cart_id)
    except CommerceUnavailable:
        return
    if cart is not None and cart.completed:
        raise WebCartError("web_cart.bought_meanwhile", cart=cart.id,
                           order=order_label(cart.order_id, cart.order_display_id))


def _not_bought_here(uow: UnitOfWork, cart_id: str) -> None:
    """A sale of this store bought it already (its order may still wait in the outbox)."""
    with uow:
        sold = uow.sales.by_web_cart(cart_id)
    if sold is not None:
        raise WebCartError("web_cart.already_bought_here", cart=cart_id,
                           receipt=sold.receipt_no, register=sold.register_id)


def load(ctx: RegisterContext, cart: WebCart) -> WebCartLoaded:
    """Add the fetched web cart to the sale in progress (lines at the web cart's prices, its
    codes, its customer) and link the sale to it, in one transaction."""
    differences: list[PriceDifference] = []

    def continue_cart(sale_cart: Any) -> None:
        differences.clear()
        sold = ctx.uow.sales.by_web_cart(cart.id)  # sold here since it was fetched
        if sold is not None:
            raise WebCartError("web_cart.already_bought_here", cart=cart.id,
                               receipt=sold.receipt_no, register=sold.register_id)
        found: list[tuple[Variant, int, int]] = []
        missing: list[str] = []
        for line in cart.lines:
            variant = _article(ctx, line.sku, line.ean)
            if variant is None or not variant.active:
                missing.append(line.sku or line.ean or line.name)
                continue
            found.append((variant, line.quantity, line.unit_price))
            if variant.price != line.unit_price:
                differences.append(PriceDifference(variant.name, line.unit_price, variant.price))
        if missing:
            raise WebCartError("web_cart.unknown_articles", cart=cart.id,
                               articles=", ".join(missing))
        sale_cart.continue_web_cart(WebCartLink(cart.id, cart.total), found, cart.promo_codes,
                                    cart.customer or _customer_of(cart))
        ordered = choice_of_web_cart(cart.metadata)  # a kiosk's order: sent, as it chose
        if ordered is not None:
            ship_to_home.deliver_as_chosen(sale_cart, *ordered, ctx.config.delivery)

    totals = selling.change(ctx, continue_cart)
    return WebCartLoaded(totals, cart.total, tuple(differences))


def _article(ctx: RegisterContext, sku: str, ean: str) -> Variant | None:
    catalog = ctx.uow.catalog
    return (catalog.by_code(sku) if sku else None) or (catalog.by_code(ean) if ean else None)


def _customer_of(cart: WebCart) -> Any:
    """A customer known by id and e-mail only (the central store gave no more)."""
    if not cart.customer_id:
        return None
    from pos.commerce import CustomerRef
    return CustomerRef(cart.customer_id, cart.email or "", "", "", "")


# --- the operator's ``cart show`` -------------------------------------------------------------


@dataclass(frozen=True)
class WebCartReport:
    """A web cart as the support person sees it: the central store's cart (None when it could
    not be asked: ``central_error`` says why), and what this store's database knows."""

    cart_id: str
    cart: WebCart | None = None
    central_error: str = ""
    local_sale: dict[str, Any] | None = None  # receipt, register, total of the sale that bought it
    held_by: tuple[str, ...] = field(default_factory=tuple)  # registers with it in their sale

    @property
    def status(self) -> str:
        if self.cart is not None and self.cart.completed:
            return "bought"
        if self.local_sale is not None:
            return "bought_here"  # sold here; the outbox has not closed it centrally yet
        if self.cart is None:
            return "unknown" if self.central_error else "not_found"
        return "open"

    @property
    def conflict(self) -> bool:
        """Sold here, but the central store has it bought by another sale or online: two sales
        of one cart (both orders stand; a person settles it with the customer)."""
        c = self.cart
        return (self.local_sale is not None and c is not None and c.completed
                and c.sale_key != f"sale:{self.local_sale['sale_id']}")

    def to_dict(self) -> dict[str, Any]:
        c = self.cart
        return {
            "cart_id": self.cart_id, "status": self.status, "conflict": self.conflict,
            "central_error": self.central_error or None,
            "order": None if c is None or not c.completed else {
                "id": c.order_id, "display_id": c.order_display_id, "bought_at": c.bought_at,
                "sale_key": c.sale_key},
            "customer": None if c is None else (
                c.customer.to_dict() if c.customer else
                ({"id": c.customer_id, "email": c.email} if c.customer_id or c.email else None)),
            "promo_codes": [] if c is None else list(c.promo_codes),
            "lines": [] if c is None else [
                {"sku": ln.sku, "ean": ln.ean, "name": ln.name, "quantity": ln.quantity,
                 "unit_price": ln.unit_price, "discount": ln.discount, "total": ln.total}
                for ln in c.lines],
            "totals": None if c is None else {"discount": c.discount_total, "tax": c.tax_total,
                                              "total": c.total, "currency": c.currency},
            "local_sale": self.local_sale, "held_by": list(self.held_by)}


def show(uow: UnitOfWork, web_carts: WebCarts | None, code: str) -> WebCartReport:
    """The cart ``code`` names, from the central store (if given and reachable) and from this
    store's database (the sale that bought it, the registers holding it)."""
    cart_id = cart_id_of(code)
    with uow:
        sold = uow.sales.by_web_cart(cart_id)
        held = tuple(uow.carts.holding_web_cart(cart_id))
    local = None if sold is None else {
        "sale_id": sold.id, "register": sold.register_id, "receipt_no": sold.receipt_no,
        "total": sold.total, "completed_at": instant(sold.completed_at).isoformat()}
    cart, error = None, ""
    if web_carts is None:
        error = "no central store configured"
    else:
        try:
            cart = web_carts.get_web_cart(cart_id)
        except CommerceUnavailable as e:
            error = str(e)
    return WebCartReport(cart_id, cart, error, local, held)
