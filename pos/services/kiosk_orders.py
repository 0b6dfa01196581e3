"""Ordering at the kiosk what this store cannot hand over now: sent home (ship-to-home) or
collected in another store, paid at the kiosk on its own card terminal or sent to a till.

The kiosk is a register of its own (``KIOSK1`` in ``registers``): an order paid at the kiosk is
the till's ship-to-home sale, made by the same use cases (``selling``, ``ship_to_home``,
``payments``, ``sale_completion``) over a ``RegisterContext`` whose "cashier" is the kiosk
itself. So it gets a receipt number, a journal line, a control-unit signature and its place in
the Z report; its card attempt is stored before the terminal is asked and a restart resolves a
lost answer (``resume``), never charging twice; the central order is made once through the
outbox (``DELIVERY_ORDER``), with the kiosk as its origin (``TillConfig.origin``).

Shifts of an unattended register: nobody counts a kiosk's drawer (it has none, and takes cards
only), so its shift is opened by the kiosk itself with no float, one per business day
(``ensure_shift``): the first order of a day closes the day before with its Z (counted cash 0)
if the store's close did not, and opens the day's. The store's close takes the kiosk's Z like
any register's (``POS_REGISTER_ID=KIOSK1 main.py report z --counted 0``), so the day's card
sales are reported the day they were made.

An order not paid at the kiosk is sent to a till: a web cart (``pos.services.kiosk.save_cart``)
carrying the delivery choice in its metadata (``pos_delivery``); the till that loads it marks the
lines "deliver" with that address and location (``pos.services.web_carts.load``), so the till
places the very same ship-to-home order.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from pos.cart import Cart, CartTotals
from pos.catalog import Variant
from pos.commerce import CustomerRef
from pos.delivery import (DeliveryAddress, DeliveryChoice, DeliveryError, DeliveryRules,
                          web_cart_metadata)
from pos.errors import messages
from pos.journal import Kind
from pos.kiosk import EMAIL, PHONE, KioskCarts, KioskError, KioskSettings, SavedCart, distance_km
from pos.ports import CustomerDirectory
from pos.sales import Sale
from pos.services import kiosk as kiosk_use
from pos.services import payments, selling, ship_to_home
from pos.services.context import Devices, RegisterContext, TillConfig
from pos.services.payments import PaymentView
from pos.services.shifts import close_shift
from pos.services.unit_of_work import UnitOfWork
from pos.shifts import ShiftInfo
from pos.staff import Role, StaffMember
from pos.stock import StockReport

MESSAGES = messages({
    "kiosk_order.name_missing": "Write your name",
    "kiosk_order.street_missing": "Write the street address the parcel goes to",
    "kiosk_order.city_missing": "Write the town or city",
    "kiosk_order.contact_missing": "Give a phone number or an e-mail address, so that we can "
                                   "tell you when the order is on its way",
    "kiosk_order.contact_invalid": "'{text}' is neither a phone number nor an e-mail address",
    "kiosk_order.not_a_pickup_store": "{location} is not a store that can hand over the order",
    "kiosk_order.paying": "The order is being paid: wait for the card terminal",
    "kiosk_order.nothing": "Choose an article to order first",
})

HOME, PICKUP = "home", "pickup"


def kiosk_seller(kiosk_id: str, name: str = "") -> StaffMember:
    """Who "sells" on the kiosk's register: the kiosk itself (its receipts say so)."""
    return StaffMember(f"kiosk:{kiosk_id}", name or f"Kiosk {kiosk_id}", Role.CASHIER)


def kiosk_config(base: TillConfig, kiosk_id: str) -> TillConfig:
    """The store's till configuration as the kiosk's register uses it."""
    return replace(base, register_id=kiosk_id, origin="kiosk")


def open_register(uow: UnitOfWork, config: TillConfig, devices: Devices, *,
                  name: str = "", clock: Any = datetime.now) -> RegisterContext:
    """The kiosk's register, with the order it was paying when it stopped (kept in the database
    after every step, as a till's sale is)."""
    ctx = RegisterContext(uow, config, devices, clock=clock)
    ctx.state.cashier = kiosk_seller(config.register_id, name)
    with uow:
        uow.registers.ensure(config.register_id, name or f"Kiosk {config.register_id}")
        saved = uow.carts.load_open(config.register_id)
        uow.commit()
    ctx.reload_promotions()
    if saved:
        ctx.state.restore(saved)
        ctx.state.cashier = kiosk_seller(config.register_id, name)
        if ctx.state.payment is not None:
            ctx.state.priced_at = ctx.promotion_time()
    return ctx


def resume(ctx: RegisterContext) -> tuple[list[str], Sale | None]:
    """After a restart (or a lost terminal answer): ask the terminal what became of every card
    attempt not yet resolved; an approved one pays the waiting order (once) and completes it.
    Returns the messages for the log and the sale completed now, if any."""
    before = _next_receipt_no(ctx)
    notes = payments.resolve_card_attempts(ctx)
    payment = ctx.state.payment
    if payment is not None and payment.complete:  # paid, completing it failed: again
        payments.complete_payment(ctx)
    after = _next_receipt_no(ctx)
    if after == before:
        return notes, None
    with ctx.uow:
        return notes, ctx.uow.sales.by_receipt(ctx.register_id, after - 1)


def _next_receipt_no(ctx: RegisterContext) -> int:
    with ctx.uow:
        reg = ctx.uow.registers.get(ctx.register_id)
        return reg.next_receipt_no if reg is not None else 1


# --- the shift of an unattended register --------------------------------------------------------


def ensure_shift(ctx: RegisterContext) -> ShiftInfo:
    """The kiosk's shift for today: opened by the kiosk with no float; a shift left open from an
    earlier day is closed first with its Z (no cash: counted 0)."""
    now = ctx.now()
    with ctx.uow:
        shift = ctx.uow.shifts.current(ctx.register_id)
    if shift is not None and shift.opened_at.date() < now.date():
        give_up(ctx)  # an order left unpaid yesterday would hold up its Z
        close_shift(ctx.uow, ctx.register_id, ctx.config.store, now,
                    ctx.state.require_cashier().id, 0)
        shift = None
    if shift is None:
        with ctx.uow:
            shift = ctx.uow.shifts.current(ctx.register_id)
            if shift is None:
                shift = ctx.uow.shifts.create(ctx.register_id, ctx.state.require_cashier().id,
                                              now, 0)
                ctx.journal(Kind.SHIFT_OPEN, {"shift": shift.id, "float": 0, "kiosk": True})
                ctx.uow.commit()
    return shift


# --- what the customer chooses -----------------------------------------------------------------


@dataclass(frozen=True)
class PickupStore:
    location_id: str
    name: str
    km: float
    available: int


@dataclass(frozen=True)
class OrderOptions:
    """How an article can reach the customer: sent home from ``home_from`` (the nearest
    location, by the store's delivery order, that has ``quantity``; None: nowhere), or collected
    in one of ``pickup`` (other stores that have it, nearest first)."""

    home_from: str | None
    home_from_name: str
    pickup: tuple[PickupStore, ...]


def order_options(report: StockReport, settings: KioskSettings, rules: DeliveryRules,
                  quantity: int = 1) -> OrderOptions:
    """From the stock lookup's report (fresh from the central store, or the synced figures)."""
    available = {lv.location_id: {report.sku: lv.available} for lv in report.levels}
    from pos.delivery import choose_location
    home = choose_location(rules.order_for(settings.here), {report.sku: quantity}, available,
                           settings.here)
    here = settings.place_of(settings.here)
    stores: list[PickupStore] = []
    for lv in report.levels:
        place = settings.place_of(lv.location_id)
        if (place is None or not place.is_store or lv.location_id == settings.here
                or lv.available < quantity):
            continue
        km = distance_km(here, place) if here is not None else 0.0
        stores.append(PickupStore(lv.location_id, place.name, km, lv.available))
    stores.sort(key=lambda s: s.km)
    return OrderOptions(home, rules.name(home) if home else "", tuple(stores))


@dataclass(frozen=True)
class Contact:
    """What the customer typed: name, address (for home delivery), phone or e-mail."""

    name: str
    street: str = ""
    postcode: str = ""
    city: str = ""
    phone_or_email: str = ""


def checked_choice(kind: str, contact: Contact, location_id: str, settings: KioskSettings,
                   rules: DeliveryRules) -> tuple[DeliveryChoice, str]:
    """The delivery choice and the customer's e-mail ("" when they gave a phone) from what was
    typed; ``KioskError``/``DeliveryError`` with a message that says what to correct."""
    name = contact.name.strip()
    if not name:
        raise KioskError("kiosk_order.name_missing")
    reach = contact.phone_or_email.strip()
    if not reach:
        raise KioskError("kiosk_order.contact_missing")
    email = phone = ""
    if EMAIL.match(reach):
        email = reach.lower()
    elif PHONE.match(reach):
        phone = reach
    else:
        raise KioskError("kiosk_order.contact_invalid", text=reach)
    if kind == PICKUP:
        place = settings.place_of(location_id)
        if place is None or not place.is_store or location_id == settings.here:
            raise KioskError("kiosk_order.not_a_pickup_store", location=location_id)
        # the parcel's label names the customer at the store that hands it over
        address = DeliveryAddress(name, f"Hämtas i butik {place.name}", place_postcode(place),
                                  place.name, phone)
        return DeliveryChoice(address, location_id, False, pickup=True), email
    if not contact.street.strip():
        raise KioskError("kiosk_order.street_missing")
    if not contact.city.strip():
        raise KioskError("kiosk_order.city_missing")
    address = DeliveryAddress(name, contact.street, contact.postcode, contact.city,
                              phone).checked()
    if location_id not in rules.order_for(settings.here):
        raise DeliveryError("delivery.unknown_location", location=location_id)
    return DeliveryChoice(address, location_id, False), email


def place_postcode(place: Any) -> str:
    return str(getattr(place, "postcode", "") or STORE_POSTCODES.get(place.location_id, "411 01"))


# where the demo chain's stores are (a pickup order's "address")
STORE_POSTCODES = {"store-gbg": "411 01", "store-sthlm": "111 20"}


# --- paid at the kiosk -------------------------------------------------------------------------


def place_order(ctx: RegisterContext, items: Sequence[tuple[Variant, int]],
                choice: DeliveryChoice, email: str = "") -> CartTotals:
    """The kiosk's register's sale becomes this order: every line sent (home or to the pickup
    store), the shipping line as the store's rules make it (none for a pickup), saved (a crash
    keeps it). Replaces an order not yet paid."""
    if not items:
        raise KioskError("kiosk_order.nothing")
    if ctx.state.tendering:
        raise KioskError("kiosk_order.paying")
    rules = ctx.config.delivery
    ensure_shift(ctx)  # a sale in progress belongs to a shift
    ctx.state.payment = None
    address = choice.address
    assert address is not None

    def fn(cart: Cart) -> None:
        cart.clear()
        for variant, quantity in items:
            line = cart.add(variant, quantity)
            cart.mark_deliver(line.line_id, True)
        first, _, last = address.name.partition(" ")
        if email or address.phone:
            cart.customer = CustomerRef("", email, first, last, address.phone)
        cart.delivery = choice
        ship_to_home.refresh_shipping(cart, rules)
    return selling.change(ctx, fn)


def pay(ctx: RegisterContext) -> PaymentView:
    """Charge the order on the kiosk's terminal (blocks until it answers: the kiosk's payment
    lane). Declined, cancelled or no answer: ``PaymentError`` with the terminal's reason, and the
    order waits (saved) to be paid again or given up."""
    ensure_shift(ctx)
    payments.start_payment(ctx)
    return payments.pay_card(ctx)


def give_up(ctx: RegisterContext) -> None:
    """The customer leaves the order unpaid: the kiosk's register is empty again. Refused once
    the card has paid (``resume`` completes such an order)."""
    if ctx.state.tendering:
        raise KioskError("kiosk_order.paying")
    if ctx.state.cart.is_empty and ctx.state.payment is None:
        return
    ctx.state.payment = None
    selling.change(ctx, lambda cart: cart.clear())


def receipt_url(ctx: RegisterContext, sale: Sale) -> str:
    """The digital receipt the kiosk shows as a QR code (when it has no printer)."""
    return ctx.config.store.receipt_url + sale.id


# --- sent to a till ----------------------------------------------------------------------------


def send_to_till(items: Sequence[tuple[Variant, int]], choice: DeliveryChoice, email: str,
                 carts: KioskCarts | None, *, customers: CustomerDirectory | None = None,
                 place: str = "") -> SavedCart:
    """The order as a web cart with its delivery choice, paid at a till by its QR code (the
    till places the ship-to-home or pickup order). ``KioskError`` as ``save_cart``."""
    cart = Cart()
    for variant, quantity in items:
        cart.add(variant, quantity)
    # made in the sending location's channel: this store's refuses what it has not in stock
    return kiosk_use.save_cart(cart, carts, contact=email, customers=customers, place=place,
                               metadata=web_cart_metadata(choice, [v.sku for v, _ in items]),
                               location=choice.location_id)


def options_for(uow: UnitOfWork, directory: Any, items: Sequence[tuple[Variant, int]],
                settings: KioskSettings, rules: DeliveryRules) -> OrderOptions:
    """How the whole order can reach the customer: the nearest location that sends every
    article, the stores that have every article (stock lane: fresh from the central store, or
    the synced figures)."""
    from pos.delivery import choose_location
    from pos.services import stock_lookup
    from pos.ports import CommerceUnavailable

    needs: dict[str, int] = {}
    available: dict[str, dict[str, int]] = {}
    for variant, quantity in items:
        try:
            report = stock_lookup.stock_report(uow, directory, variant, settings.here, rules)
        except CommerceUnavailable:
            report = stock_lookup.stock_report(uow, None, variant, settings.here, rules)
        needs[variant.sku] = needs.get(variant.sku, 0) + quantity
        for lv in report.levels:
            available.setdefault(lv.location_id, {})[variant.sku] = lv.available
    home = choose_location(rules.order_for(settings.here), needs, available, settings.here)
    here = settings.place_of(settings.here)
    stores = []
    for loc, stock in available.items():
        place = settings.place_of(loc)
        if (place is None or not place.is_store or loc == settings.here
                or any(stock.get(sku, 0) < q for sku, q in needs.items())):
            continue
        stores.append(PickupStore(loc, place.name, distance_km(here, place) if here else 0.0,
                                  min(stock.get(sku, 0) for sku in needs)))
    stores.sort(key=lambda s: s.km)
    return OrderOptions(home, rules.name(home) if home else "", tuple(stores))
