"""The customer kiosk's domain: its settings (place, idle times, the stores' coordinates), the
product information the web shows (title, description, image, categories), the nearest store
with stock, the idle countdown, staff calls and the kiosk's errors. Plain classes; no I/O.

A kiosk's cart is a ``pos.cart.Cart`` with the till's promotion book: the kiosk shows the price
the till would charge. It is saved in the central store as a web cart (``KioskCarts``), whose
QR code the till's scan router loads (``pos.scan_router`` WEB_CART)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from pos.errors import UserError, messages
from pos.stock import StockLevel

MESSAGES = messages({
    "kiosk.cart_empty": "The cart is empty: add an article first",
    "kiosk.cart_offline": "The cart cannot be saved now: the central store cannot be reached. "
                          "It is kept here: try again in a moment, or ask the staff at a till",
    "kiosk.not_in_central_store": "{name} cannot be saved in a web cart: the central store does "
                                  "not know it yet",
    "kiosk.bad_contact": "'{text}' is neither an e-mail address nor a phone number",
    "kiosk.customer_not_found": "No customer has the phone number {phone}: give your e-mail "
                                "address instead",
    "kiosk.cart_out_of_stock": "The central store did not save the cart: an article in it is "
                               "not in stock for this store. Remove it or ask the staff",
    "kiosk.not_staff": "That PIN is no staff member's",
    "kiosk.pin_locked": "Too many wrong PINs at this kiosk: it takes none for {minutes} min",
    "kiosk.call_taken": "The call from {place} was already taken by {by}",
})

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,18}[0-9]$")


class KioskError(UserError):
    pass


@dataclass(frozen=True)
class StorePlace:
    """A stock location the kiosk names, with where it is (for "the nearest store")."""

    location_id: str
    name: str
    lat: float
    lon: float
    is_store: bool = True  # False: the web warehouse (no shelf to visit)


@dataclass(frozen=True)
class KioskSettings:
    place: str = "Kiosk 1"  # where the kiosk stands: a staff call names it
    here: str = "store-gbg"  # this store's stock location
    idle_seconds: int = 90  # no touch for this long: the countdown starts
    countdown_seconds: int = 15  # then back to the attract screen, the cart cleared
    # the order's done screen (the receipt's or the cart's QR code) counts down on its own, from
    # its showing or the last touch, with no overlay over the code; then the attract screen
    done_seconds: int = 60
    cart_url: str = "https://shop.example.se/cart/{id}"  # what the QR code carries
    places: tuple[StorePlace, ...] = ()

    @classmethod
    def from_config(cls, data: dict[str, Any] | None, here: str = "store-gbg") -> "KioskSettings":
        d = dict(data or {})
        places = tuple(StorePlace(str(p["location_id"]), str(p.get("name", p["location_id"])),
                                  float(p.get("lat", 0)), float(p.get("lon", 0)),
                                  bool(p.get("is_store", True)))
                       for p in d.get("places") or DEFAULT_PLACES)
        return cls(place=str(d.get("place", cls.place)), here=str(d.get("here", here)),
                   idle_seconds=_seconds(d, "idle_seconds", cls.idle_seconds, 1),
                   countdown_seconds=_seconds(d, "countdown_seconds", cls.countdown_seconds, 1),
                   done_seconds=_seconds(d, "done_seconds", cls.done_seconds, 10),
                   cart_url=str(d.get("cart_url", cls.cart_url)), places=places)

    def place_of(self, location_id: str) -> StorePlace | None:
        return next((p for p in self.places if p.location_id == location_id), None)


def _seconds(d: dict[str, Any], key: str, default: int, least: int) -> int:
    """``[kiosk] key``, a whole number of seconds of at least ``least`` (a done screen of 0 s
    would take the receipt's QR code away before the customer saw it). Raises
    ``pos.config.ConfigError`` naming the key and what was given."""
    from pos.config import ConfigError

    value = d.get(key, default)
    try:
        seconds = int(value)
    except (TypeError, ValueError):
        seconds = None
    if seconds is None or isinstance(value, bool) or seconds < least:
        raise ConfigError(f"[kiosk] {key} must be a whole number of seconds, at least {least} "
                          f"(it is {value!r})")
    return seconds


# The demo chain's stores (a config's [[kiosk.places]] replaces them)
DEFAULT_PLACES: tuple[dict[str, Any], ...] = (
    {"location_id": "store-gbg", "name": "Göteborg", "lat": 57.7089, "lon": 11.9746},
    {"location_id": "store-sthlm", "name": "Stockholm", "lat": 59.3293, "lon": 18.0686},
    {"location_id": "web-warehouse", "name": "Webblager", "lat": 59.6099, "lon": 16.5448,
     "is_store": False},
)


def distance_km(a: StorePlace, b: StorePlace) -> float:
    """Great-circle distance (haversine, earth radius 6371 km)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class NearestStore:
    location_id: str
    name: str
    km: float
    available: int


def nearest_store(levels: tuple[StockLevel, ...] | list[StockLevel],
                  settings: KioskSettings) -> NearestStore | None:
    """The nearest other store (not this one, not the web warehouse) that has the article;
    None when none has it or the kiosk knows no coordinates."""
    here = settings.place_of(settings.here)
    if here is None:
        return None
    best: NearestStore | None = None
    for lv in levels:
        place = settings.place_of(lv.location_id)
        if (place is None or not place.is_store or lv.location_id == settings.here
                or lv.available <= 0):
            continue
        km = distance_km(here, place)
        if best is None or km < best.km:
            best = NearestStore(lv.location_id, place.name, km, lv.available)
    return best


@dataclass(frozen=True)
class ProductInfo:
    """What the web shows of a product beyond the till's catalogue."""

    product_id: str
    title: str
    handle: str = ""
    description: str = ""
    thumbnail: str = ""  # the central store's image URL ("" none)
    categories: tuple[tuple[str, str], ...] = ()  # (id, name)
    collection_id: str = ""


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    articles: int  # products in it


@dataclass(frozen=True)
class StaffCall:
    id: int
    place: str
    created_at: datetime
    taken_at: datetime | None = None
    taken_by: str = ""

    @property
    def open(self) -> bool:
        return self.taken_at is None


@dataclass(frozen=True)
class SavedCart:
    """A kiosk cart saved in the central store: its id and what its QR code carries."""

    id: str
    url: str
    total: int  # öre, as the central store computed it
    customer_id: str = ""


class KioskCarts(Protocol):
    """The central store's web carts as a kiosk makes them (its store API and publishable key)."""

    def create_cart(self, items: list[tuple[str, int]], *, email: str = "",
                    metadata: dict[str, Any] | None = None, location: str = "") -> SavedCart:
        """A new cart in this store's sales channel (``location``'s: an order sent from there)
        with ``items`` ((central variant id, quantity)); ``email`` puts it on that customer's
        account. ``CommerceUnavailable`` when the central store cannot be reached."""


def category_name(path: str) -> str:
    """A category as the kiosk shows it: "Dam & herr/Överdelar" -> "Dam & herr › Överdelar"."""
    return " › ".join(part.strip() for part in path.split("/") if part.strip())


def contact_kind(text: str) -> str:
    """"email", "phone" or raises ``KioskError`` (kiosk.bad_contact)."""
    t = text.strip()
    if EMAIL.match(t):
        return "email"
    if PHONE.match(t):
        return "phone"
    raise KioskError("kiosk.bad_contact", text=t)


@dataclass
class IdleCountdown:
    """When a kiosk nobody touches goes back to its attract screen: after ``idle`` seconds a
    countdown of ``countdown`` seconds is shown; at its end, reset. Times are monotonic seconds.

    A wait on something the customer does elsewhere (the card terminal, the receipt printer, the
    central store saving their order) is use however long it lasts: the kiosk calls ``touch``
    while it waits, and the quiet time starts when the wait ends. A done screen has its own
    countdown (``closing_left``)."""

    idle: float
    countdown: float
    last_touch: float = 0.0
    _reset_done: bool = field(default=False)

    def touch(self, now: float) -> None:
        self.last_touch = now
        self._reset_done = False

    def seconds_left(self, now: float) -> float | None:
        """None while the kiosk is in use; else the countdown's seconds left (0: reset now)."""
        quiet = now - self.last_touch
        if quiet < self.idle:
            return None
        return max(self.idle + self.countdown - quiet, 0.0)

    def closing_left(self, now: float, seconds: float) -> float:
        """A done screen's own countdown of ``seconds`` from its showing or the last touch:
        the seconds left (0: reset now)."""
        return max(seconds - (now - self.last_touch), 0.0)
