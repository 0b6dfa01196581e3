"""The customer kiosk's use cases, over one unit of work (the store's database, shared with the
tills) and the kiosk's settings: find an article (category, name, EAN, a scan or the camera),
its product page (price as the till charges it, variants, alternatives, stock everywhere and the
nearest store that has it), the cart saved in the central store as a web cart, a staff call,
the staff PIN that leaves the kiosk, and what customers looked at (product interest).

Runs on the kiosk's worker lanes: the local database on one, the central store on another.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from pos.cart import Cart, CartTotals
from pos.catalog import UnknownCode, Variant
from pos.delivery import DeliveryRules
from pos.journal import Kind
from pos.kiosk import (Category, KioskCarts, KioskError, KioskSettings, NearestStore,
                       ProductInfo, SavedCart, StaffCall, category_name, contact_kind,
                       nearest_store)
from pos.ports import CommerceUnavailable, CustomerDirectory, StockDirectory
from pos.promotions import PromotionBook
from pos.scan_router import ScanKind, classify
from pos.services import stock_lookup
from pos.services.unit_of_work import UnitOfWork
from pos.shelf_qr import parse_shelf_qr
from pos.staff import LOCKOUT, MAX_FAILED_ATTEMPTS, StaffMember, verify_pin
from pos.stock import StockReport
from pos.sync.promotion_sync import load_promotion_context, load_promotions

# what product interest counts (scan_qr: a shelf label's QR code read by the kiosk)
SCAN, SEARCH, VIEW, SCAN_QR = "scan", "search", "view", "scan_qr"
MAX_ALTERNATIVES = 8


def promotion_book(uow: UnitOfWork, clock: Callable[[], datetime] | None = None) -> PromotionBook:
    """The promotions the till applies (the last sync's), so the kiosk shows the till's price."""
    with uow:
        promotions = tuple(load_promotions(uow.sync_state))
        context = load_promotion_context(uow.sync_state)
    return PromotionBook(promotions, context=context,
                         clock=clock or (lambda: datetime.now(timezone.utc).replace(tzinfo=None)))


# --- finding -------------------------------------------------------------------------------------


def categories(uow: UnitOfWork) -> list[Category]:
    with uow:
        return uow.kiosk.categories()


def products_in(uow: UnitOfWork, category_id: str, limit: int = 60) -> list[Variant]:
    """One article (the first variant) of each product in the category, by title."""
    with uow:
        pids = uow.kiosk.product_ids_in(category_id)[:limit]
        first = uow.kiosk.first_variant_ids(pids)
        found = [uow.catalog.by_id(first[p]) for p in pids if p in first]
    return [v for v in found if v is not None]


def search(uow: UnitOfWork, text: str, limit: int = 40, *, location: str = "",
           today: date | None = None) -> list[Variant]:
    """By EAN or article number when the text is one, else by the words of the name; one
    article per product (its first match). A search that finds is counted as interest."""
    text = text.strip()
    if not text:
        return []
    with uow:
        exact = uow.catalog.by_code(text) if not any(c.isspace() for c in text) else None
        found = [exact] if exact is not None else uow.catalog.search(text, limit * 4)
        if exact is None and len(found) < limit * 4:  # compounds and hyphens: "kaffe", "tshirt"
            ids = {v.id for v in found}
            found += [v for v in uow.catalog.search_within(text, limit * 4) if v.id not in ids]
        seen: set[str] = set()
        out: list[Variant] = []
        for v in found:
            key = v.product_id or v.id
            if v.active and key not in seen:
                seen.add(key)
                out.append(v)
        if location and out:
            uow.kiosk.count_interest(today or date.today(), location, out[0].id, SEARCH)
            uow.commit()
    return out[:limit]


def find_scanned(uow: UnitOfWork, payload: str, *, location: str = "",
                 today: date | None = None) -> Variant:
    """The article a scan (scanner or camera) names: an EAN/GTIN, an article number, or a shelf
    label's product URL (``pos.shelf_qr``: the article its SKU names, counted as ``scan_qr``; a
    product URL without one: the product's first article). Counted as interest. ``UnknownCode``
    (or its kin) when none."""
    scan = classify(payload)
    source = SCAN
    with uow:
        variant: Variant | None = None
        if scan.kind in (ScanKind.GTIN, ScanKind.SKU_OR_TEXT):
            variant = uow.catalog.by_code(scan.value)
        elif scan.kind is ScanKind.PRODUCT and (shelf := parse_shelf_qr(payload)) is not None:
            variant = uow.catalog.by_code(shelf.sku)  # a shelf label names the exact article
            source = SCAN_QR
        elif scan.kind is ScanKind.PRODUCT:
            info = uow.kiosk.by_handle(scan.value)
            ids = uow.kiosk.variant_ids_of(info.product_id) if info else []
            variant = uow.catalog.by_id(ids[0]) if ids else None
        elif scan.error is not None:
            raise scan.error
        if variant is None:
            raise UnknownCode(scan.value or payload.strip())
        if location:
            uow.kiosk.count_interest(today or date.today(), location, variant.id, source)
            uow.commit()
    return variant


# --- the product page ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProductPage:
    variant: Variant
    info: ProductInfo | None
    price: CartTotals  # one unit as the till would charge it now
    variants: tuple[Variant, ...]  # the product's sizes and colours
    alternatives: tuple[Variant, ...]  # other products of its categories or collection
    stock: StockReport | None = None
    nearest: NearestStore | None = None
    online: int = 0  # available in the web warehouse

    @property
    def campaigns(self) -> list[tuple[str, int]]:
        return self.price.promotions()

    @property
    def sizes(self) -> list[str]:
        return sorted(dict.fromkeys(v.size for v in self.variants if v.size), key=size_order)

    @property
    def colours(self) -> list[str]:
        return list(dict.fromkeys(v.colour for v in self.variants if v.colour))


LETTER_SIZES = ("XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL")


def size_order(size: str) -> tuple[int, float, str]:
    """Letter sizes as worn (XS before S before M), numbers by value, other labels by name."""
    if size.upper() in LETTER_SIZES:
        return (0, LETTER_SIZES.index(size.upper()), "")
    head = size.split()[0].replace(",", ".") if size.split() else ""
    try:
        return (1, float(head), size)
    except ValueError:
        return (2, 0.0, size.casefold())


def price_now(variant: Variant, book: PromotionBook) -> CartTotals:
    cart = Cart(book=book)
    cart.add(variant, 1)
    return cart.totals()


def product_page(uow: UnitOfWork, variant_id: str, book: PromotionBook, *, location: str = "",
                 today: date | None = None) -> ProductPage:
    """What the product page shows from the local database (works offline); stock is added by
    ``with_stock`` on the network lane."""
    with uow:
        variant = uow.catalog.by_id(variant_id)
        if variant is None:
            raise UnknownCode(variant_id)
        info = uow.kiosk.product(variant.product_id) if variant.product_id else None
        siblings = [uow.catalog.by_id(i) for i in uow.kiosk.variant_ids_of(variant.product_id)] \
            if variant.product_id else []
        pids: list[str] = []
        groups = [c[0] for c in info.categories] if info else list(variant.refs.category_ids)
        for cid in groups:
            pids += uow.kiosk.product_ids_in(cid)
        if info and info.collection_id:
            pids += uow.kiosk.product_ids_in_collection(info.collection_id)
        pids = [p for p in dict.fromkeys(pids) if p != variant.product_id][:MAX_ALTERNATIVES]
        first = uow.kiosk.first_variant_ids(pids)
        alternatives = [uow.catalog.by_id(first[p]) for p in pids if p in first]
        if location:
            uow.kiosk.count_interest(today or date.today(), location, variant.id, VIEW)
            uow.commit()
    return ProductPage(variant, info, price_now(variant, book),
                       tuple(v for v in siblings if v is not None) or (variant,),
                       tuple(v for v in alternatives if v is not None))


def with_stock(uow: UnitOfWork, page: ProductPage, directory: StockDirectory | None,
               settings: KioskSettings, rules: DeliveryRules | None = None,
               clock: Callable[[], datetime] = stock_lookup.utc_now) -> ProductPage:
    """The page with stock here, in the other stores and online (fresh from the central store,
    or the last synced figures when it cannot be reached), and the nearest store that has it."""
    names = {p.location_id: p.name for p in settings.places}
    rules = rules or DeliveryRules(names=names)
    try:
        report = stock_lookup.stock_report(uow, directory, page.variant, settings.here, rules, clock)
    except CommerceUnavailable:  # refused (not enrolled ...): what the last sync left
        report = stock_lookup.stock_report(uow, None, page.variant, settings.here, rules, clock)
    online = sum(lv.available for lv in report.levels
                 if (p := settings.place_of(lv.location_id)) is not None and not p.is_store)
    return ProductPage(page.variant, page.info, page.price, page.variants, page.alternatives,
                       report, nearest_store(report.levels, settings), online)


# --- the cart ------------------------------------------------------------------------------------


def save_cart(cart: Cart, carts: KioskCarts | None, *, contact: str = "",
              customers: CustomerDirectory | None = None, place: str = "",
              metadata: dict[str, str] | None = None, location: str = "") -> SavedCart:
    """The kiosk's cart as a web cart in the central store (this store's sales channel), on the
    account of the customer ``contact`` names (an e-mail, or a phone number the central store's
    customers have). ``KioskError`` kiosk.cart_offline when it cannot be reached now: the cart
    stays at the kiosk."""
    if cart.is_empty:
        raise KioskError("kiosk.cart_empty")
    items: list[tuple[str, int]] = []
    for line in cart.lines:
        central = line.variant.refs.variant_id
        if not central.startswith("variant_"):
            raise KioskError("kiosk.not_in_central_store", name=line.variant.name)
        items.append((central, int(line.quantity)))
    email = ""
    try:
        if contact.strip():
            if contact_kind(contact) == "email":
                email = contact.strip().lower()
            else:
                found = customers.find_customers(contact.strip(), 2) if customers else []
                if len(found) != 1 or not found[0].email:
                    raise KioskError("kiosk.customer_not_found", phone=contact.strip())
                email = found[0].email
        if carts is None:  # no central store configured: as good as unreachable
            raise KioskError("kiosk.cart_offline")
        meta = {**({"pos_kiosk": place} if place else {}), **(metadata or {})}
        return carts.create_cart(items, email=email, metadata=meta or None,
                                 **({"location": location} if location else {}))
    except CommerceUnavailable as e:
        raise KioskError("kiosk.cart_offline") from e  # the cause (e) stays in the log


# --- staff ---------------------------------------------------------------------------------------


def staff_by_pin(uow: UnitOfWork, kiosk_id: str, now: datetime, pin: str) -> StaffMember:
    """The staff member (any role) whose PIN this is: the only way out of the kiosk (and to its
    staff functions). A wrong PIN is journaled on the kiosk (its own journal, named after the
    kiosk).

    Wrong PINs typed at the kiosk are counted against the kiosk, never against a staff member:
    a customer playing with the exit must not lock a cashier out of their till. Instead the
    kiosk itself refuses every PIN for ``LOCKOUT`` after ``MAX_FAILED_ATTEMPTS`` wrong ones
    (counted from its journal, so a restart does not reset it): ``KioskError`` kiosk.pin_locked.
    """
    with uow:
        uow.registers.ensure(kiosk_id, f"Kiosk {kiosk_id}")
        recent = kiosk_pin_failures(uow, kiosk_id, now)
        if len(recent) >= MAX_FAILED_ATTEMPTS:
            wait = LOCKOUT - (now - recent[MAX_FAILED_ATTEMPTS - 1])
            raise KioskError("kiosk.pin_locked",
                             minutes=max(1, int(wait.total_seconds() // 60) + 1))
        for member in uow.staff.active():
            found = uow.staff.with_hash(member.id)
            if found is None:
                continue
            _, pin_hash, state = found
            if state.locked_until and now < state.locked_until:
                continue
            if verify_pin(pin, pin_hash):
                uow.journal.record(kiosk_id, now, Kind.LOGIN, {"kiosk_exit": True}, member.id)
                uow.commit()
                return member
        uow.journal.record(kiosk_id, now, Kind.LOGIN_FAILED, {"kiosk_exit": True}, None)
        uow.commit()
    raise KioskError("kiosk.not_staff")


def kiosk_pin_failures(uow: UnitOfWork, kiosk_id: str, now: datetime) -> list[datetime]:
    """When wrong PINs were typed at the kiosk since its last right one, within ``LOCKOUT``
    before ``now``, newest first (inside an open unit of work)."""
    since = now - LOCKOUT
    out: list[datetime] = []
    for entry in uow.journal.of_kinds((Kind.LOGIN, Kind.LOGIN_FAILED), kiosk_id,
                                      limit=MAX_FAILED_ATTEMPTS * 4):
        at = datetime.fromisoformat(entry.ts)
        if at < since or entry.kind == Kind.LOGIN:
            break
        if entry.payload.get("kiosk_exit"):
            out.append(at)
    return out


def call_staff(uow: UnitOfWork, place: str, now: datetime) -> StaffCall:
    """A call for help from ``place``; one open call per place is enough (a second press
    returns the first)."""
    with uow:
        for call in uow.kiosk.open_calls():
            if call.place == place:
                return call
        call = uow.kiosk.add_call(place, now)
        uow.commit()
    return call


def open_calls(uow: UnitOfWork) -> list[StaffCall]:
    with uow:
        return uow.kiosk.open_calls()


def take_call(uow: UnitOfWork, call_id: int, by: str, now: datetime) -> StaffCall:
    """Someone goes to help; ``KioskError`` kiosk.call_taken when another already did."""
    with uow:
        if not uow.kiosk.take_call(call_id, by, now):
            call = uow.kiosk.call(call_id)
            raise KioskError("kiosk.call_taken", place=call.place if call else "?",
                             by=call.taken_by if call else "?")
        uow.commit()
        taken = uow.kiosk.call(call_id)
    assert taken is not None
    return taken


# --- product information and interest ------------------------------------------------------------


def store_products(uow: UnitOfWork, infos: Iterable[ProductInfo], now: datetime) -> int:
    with uow:
        n = uow.kiosk.save_products(infos, now)
        uow.commit()
    return n


def demo_products() -> list[ProductInfo]:
    """The demo store's product information (when no central store has described them)."""
    from pos.demo.catalog import category_ref, demo_catalog
    return [ProductInfo(p.id, p.title, p.handle, p.description, "",
                        ((category_ref(p.category), category_name(p.category)),))
            for p in demo_catalog()]


def ensure_products(uow: UnitOfWork, now: datetime) -> int:
    """The demo's product information when the kiosk has none yet."""
    with uow:
        if uow.kiosk.categories():
            return 0
    return store_products(uow, demo_products(), now)


@dataclass
class InterestRow:
    day: date
    location_id: str
    variant_id: str
    counts: dict[str, int] = field(default_factory=dict)


def interest(uow: UnitOfWork, start: date, end: date) -> list[InterestRow]:
    """Product interest per day, store and article (scan, search and view counts)."""
    rows: dict[tuple[date, str, str], InterestRow] = {}
    with uow:
        for d, loc, vid, src, n in uow.kiosk.interest(start, end):
            row = rows.setdefault((d, loc, vid), InterestRow(d, loc, vid))
            row.counts[src] = row.counts.get(src, 0) + n
    return list(rows.values())
