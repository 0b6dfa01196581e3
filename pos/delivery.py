"""Ship-to-home (the endless aisle): what this store lacks is sold here and sent to the customer.

The cashier marks sale lines "deliver", gives the delivery address (from the customer's profile or
typed: a Swedish postcode is five digits, written "123 45", the first 1-9), and the location that
sends it is chosen: the nearest one with the goods, by the store's own order of locations
(``[delivery.nearest]`` in the config), overridable by the cashier. Home delivery is free above
the store's amount (or always); otherwise the shipping price is a line of the sale.

What is delivered becomes, besides the store order of what was taken now, one order in the
central store: reserved at the sending location, with the customer, the address and the shipping
method. Its reference (``order_ref``) is made by the till, so the receipt prints it even offline.
Plain data; no I/O.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from pos.catalog import Variant
from pos.errors import UserError, messages
from pos.vat import VatRate

MESSAGES = messages({
    "delivery.postcode_invalid": "{postcode} is not a Swedish postcode: five digits, written "
                                 "123 45, the first one 1-9",
    "delivery.address_incomplete": "The delivery address lacks {missing}",
    "delivery.no_address": "Lines marked for delivery need a delivery address",
    "delivery.unknown_location": "{location} is not a location this store sends from",
    "delivery.shipping_line": "The shipping line follows the delivery: it cannot be changed",
})

# The sale line that carries the shipping price when home delivery is not free.
SHIPPING_SKU = "POS-FRAKT"
SHIPPING_VARIANT_ID = "pos-shipping"

_POSTCODE = re.compile(r"^(?:SE-?)?\s*([1-9]\d{2})\s?(\d{2})$", re.IGNORECASE)


class DeliveryError(UserError, ValueError):
    """A delivery the till refuses (its address, its location)."""


def parse_postcode(text: str) -> str:
    """A Swedish postcode written the Swedish way ("123 45"); "12345", "123 45" and "SE-123 45"
    are accepted. ``DeliveryError`` otherwise."""
    m = _POSTCODE.match(text.strip())
    if m is None:
        raise DeliveryError("delivery.postcode_invalid", postcode=text.strip() or '""')
    return f"{m.group(1)} {m.group(2)}"


@dataclass(frozen=True)
class DeliveryAddress:
    """Where the goods go (Sweden)."""

    name: str
    street: str
    postcode: str
    city: str
    phone: str = ""
    country_code: str = "se"

    def checked(self) -> "DeliveryAddress":
        """The address with its postcode written "123 45"; ``DeliveryError`` when a part is
        missing or the postcode is not Swedish."""
        missing = [label for label, value in (("a name", self.name), ("a street", self.street),
                                              ("a city", self.city)) if not value.strip()]
        if missing:
            raise DeliveryError("delivery.address_incomplete", missing=", ".join(missing))
        return DeliveryAddress(self.name.strip(), self.street.strip(),
                               parse_postcode(self.postcode), self.city.strip(),
                               self.phone.strip(), self.country_code)

    def lines(self) -> list[str]:
        """As printed on a receipt or a label."""
        return [x for x in (self.name, self.street, f"{self.postcode} {self.city}",
                            self.phone) if x.strip()]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "street": self.street, "postcode": self.postcode,
                "city": self.city, "phone": self.phone, "country_code": self.country_code}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "DeliveryAddress":
        return cls(str(d.get("name") or ""), str(d.get("street") or ""),
                   str(d.get("postcode") or ""), str(d.get("city") or ""),
                   str(d.get("phone") or ""), str(d.get("country_code") or "se"))


@dataclass(frozen=True)
class DeliveryRules:
    """The store's delivery rules (``[delivery]`` in the config).

    ``nearest``: per store location, the locations that may send its deliveries, nearest first
    (the web warehouse among them); ``lead_days``: working days from the sale to the customer's
    door per sending location; ``shipping_price``: öre for home delivery when it is not free;
    ``free_above``: the delivered goods' total (öre) from which delivery is free (0: always free,
    None: never); ``names``: how the screen and the receipt name each location."""

    nearest: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: {
        "store-gbg": ("store-gbg", "store-sthlm", "web-warehouse"),
        "store-sthlm": ("store-sthlm", "store-gbg", "web-warehouse")})
    lead_days: Mapping[str, int] = field(default_factory=lambda: {
        "store-gbg": 2, "store-sthlm": 3, "web-warehouse": 2})
    shipping_price: int = 4900
    free_above: int | None = 50000
    names: Mapping[str, str] = field(default_factory=lambda: {
        "store-gbg": "Butik Göteborg", "store-sthlm": "Butik Stockholm",
        "web-warehouse": "Webblager"})
    default_lead_days: int = 3

    @classmethod
    def from_config(cls, data: Mapping[str, Any] | None) -> "DeliveryRules":
        d = dict(data or {})
        base = cls()
        free = d.get("free_above_ore", base.free_above)
        return cls(
            nearest={str(k): tuple(str(x) for x in v)
                     for k, v in (d.get("nearest") or base.nearest).items()},
            lead_days={str(k): int(v) for k, v in (d.get("lead_days") or base.lead_days).items()},
            shipping_price=int(d.get("shipping_price_ore", base.shipping_price)),
            free_above=None if free is None or free == "never" or int(free) < 0 else int(free),
            names={**base.names, **{str(k): str(v) for k, v in (d.get("names") or {}).items()}},
            default_lead_days=int(d.get("default_lead_days", base.default_lead_days)))

    def order_for(self, here: str) -> tuple[str, ...]:
        """The locations that may send this store's deliveries, nearest first."""
        order = self.nearest.get(here)
        if order:
            return tuple(order)
        return (here, *sorted(k for k in self.names if k != here))

    def name(self, location: str) -> str:
        return self.names.get(location, location)

    def shipping_fee(self, goods_total: int) -> int:
        """Öre the customer pays for home delivery of goods worth ``goods_total`` öre."""
        if self.free_above is not None and goods_total >= self.free_above:
            return 0
        return self.shipping_price

    def expected_date(self, sold_on: date, location: str) -> date:
        return add_working_days(sold_on, self.lead_days.get(location, self.default_lead_days))


def add_working_days(start: date, days: int) -> date:
    """``days`` working days (Monday to Friday) after ``start``."""
    d = start
    left = days
    while left > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            left -= 1
    return d


def choose_location(order: Sequence[str], needs: Mapping[str, int],
                    available: Mapping[str, Mapping[str, int]], here: str = "") -> str | None:
    """The first location of ``order`` (nearest first, this store ``here`` left out: what is
    delivered is what it lacks) that has every article of ``needs`` (SKU -> units) available
    (``available``: location -> SKU -> units); None when no one location has it all."""
    if not needs:
        return None
    for loc in order:
        if loc == here:
            continue
        stock = available.get(loc, {})
        if all(stock.get(sku, 0) >= qty for sku, qty in needs.items()):
            return loc
    return None


def shipping_variant(name: str = "Hemleverans") -> Variant:
    """The article that carries the shipping price on the sale (25 % VAT, as the goods)."""
    return Variant(id=SHIPPING_VARIANT_ID, sku=SHIPPING_SKU, ean="", name=name, price=0,
                   vat_rate=VatRate.STANDARD)


def is_shipping(sku: str) -> bool:
    return sku == SHIPPING_SKU


def order_ref(register_id: str, receipt_no: int) -> str:
    """The delivery order's reference, made by the till (printed before the central store
    answers; kept in the order's metadata, where it is searched for)."""
    return f"L-{register_id}-{receipt_no:06d}"


@dataclass(frozen=True)
class DeliveryChoice:
    """What the cashier chose for the lines marked "deliver" of the sale in progress."""

    address: DeliveryAddress | None = None
    location_id: str = ""  # the sending location ("" until chosen)
    location_overridden: bool = False  # the cashier chose it instead of the nearest
    # collected by the customer in the store ``location_id`` (no shipping price) instead of
    # sent home; ``address`` then names the customer and the store
    pickup: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"address": self.address.to_dict() if self.address else None,
                "location_id": self.location_id, "location_overridden": self.location_overridden,
                **({"pickup": True} if self.pickup else {})}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> "DeliveryChoice | None":
        if not d:
            return None
        return cls(DeliveryAddress.from_dict(d["address"]) if d.get("address") else None,
                   str(d.get("location_id") or ""), bool(d.get("location_overridden")),
                   bool(d.get("pickup")))


@dataclass(frozen=True)
class Delivery:
    """The delivery part of a completed sale: ``line_nos`` are its lines' positions in the sale
    (1-based, the shipping line among them when there is one)."""

    sale_id: str
    order_ref: str
    line_nos: tuple[int, ...]
    address: DeliveryAddress
    location_id: str
    location_name: str
    shipping_fee: int  # öre (0: free home delivery)
    expected_on: date
    customer_id: str | None = None
    customer_email: str | None = None
    pickup: bool = False  # collected in the store ``location_id`` (not sent home)

    def to_dict(self) -> dict[str, Any]:
        return {**({"pickup": True} if self.pickup else {}),
                "sale_id": self.sale_id, "order_ref": self.order_ref,
                "line_nos": list(self.line_nos), "address": self.address.to_dict(),
                "location_id": self.location_id, "location_name": self.location_name,
                "shipping_fee": self.shipping_fee, "expected_on": self.expected_on.isoformat(),
                "customer_id": self.customer_id, "customer_email": self.customer_email}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Delivery":
        return cls(str(d["sale_id"]), str(d["order_ref"]),
                   tuple(int(x) for x in d["line_nos"]), DeliveryAddress.from_dict(d["address"]),
                   str(d["location_id"]), str(d.get("location_name") or d["location_id"]),
                   int(d["shipping_fee"]), date.fromisoformat(str(d["expected_on"])),
                   d.get("customer_id"), d.get("customer_email"), bool(d.get("pickup")))


@dataclass(frozen=True)
class DeliveryOrderLine:
    sku: str
    name: str
    quantity: int
    total: int  # öre the customer paid for the line


@dataclass(frozen=True)
class DeliveryOrder:
    """What the central store records for a delivery: an order in the sending location's
    channel, paid, reserved at ``location_id`` until it is shipped."""

    order_ref: str
    sale_id: str
    register_id: str
    receipt_no: int
    completed_at: str  # ISO 8601 with its offset
    sold_at_location: str  # the store that sold it
    location_id: str  # the location that sends it
    lines: tuple[DeliveryOrderLine, ...]
    shipping_fee: int  # öre
    address: DeliveryAddress
    expected_on: str  # ISO date
    customer_id: str | None = None
    customer_email: str | None = None
    pickup: bool = False  # collected by the customer at ``location_id``
    origin: str = "till"  # where it was sold: "till", or "kiosk" (the customer's order station)
    # the web cart the sale continued, when nothing of it was taken now (no store order closes
    # it then: this order does)
    web_cart_id: str | None = None

    @property
    def total(self) -> int:
        return sum(ln.total for ln in self.lines) + self.shipping_fee

    def to_dict(self) -> dict[str, Any]:
        return {"order_ref": self.order_ref, "sale_id": self.sale_id,
                "register_id": self.register_id, "receipt_no": self.receipt_no,
                "completed_at": self.completed_at, "sold_at_location": self.sold_at_location,
                "location_id": self.location_id, "lines": [vars(ln) for ln in self.lines],
                "shipping_fee": self.shipping_fee, "address": self.address.to_dict(),
                "expected_on": self.expected_on, "customer_id": self.customer_id,
                "customer_email": self.customer_email,
                **({"pickup": True} if self.pickup else {}),
                **({"origin": self.origin} if self.origin != "till" else {}),
                **({"web_cart_id": self.web_cart_id} if self.web_cart_id else {})}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "DeliveryOrder":
        return cls(str(d["order_ref"]), str(d["sale_id"]), str(d["register_id"]),
                   int(d["receipt_no"]), str(d["completed_at"]), str(d["sold_at_location"]),
                   str(d["location_id"]),
                   tuple(DeliveryOrderLine(**ln) for ln in d["lines"]), int(d["shipping_fee"]),
                   DeliveryAddress.from_dict(d["address"]), str(d["expected_on"]),
                   d.get("customer_id"), d.get("customer_email"), bool(d.get("pickup")),
                   str(d.get("origin") or "till"), d.get("web_cart_id"))


# A web cart a kiosk saved for a till to pay carries the delivery the customer chose (the
# till marks those lines "deliver" when it loads the cart): its metadata key and value.
WEB_CART_DELIVERY = "pos_delivery"


def web_cart_metadata(choice: DeliveryChoice, skus: Sequence[str]) -> dict[str, str]:
    return {WEB_CART_DELIVERY: json.dumps({**choice.to_dict(), "skus": list(skus)})}


def choice_of_web_cart(metadata: Mapping[str, Any] | None) -> tuple[DeliveryChoice, set[str]] | None:
    """The delivery choice a kiosk put on a web cart, with the SKUs it covers; None when none
    (or unreadable: the cart is then sold as it is, taken now)."""
    raw = (metadata or {}).get(WEB_CART_DELIVERY)
    if not raw:
        return None
    try:
        d = json.loads(raw) if isinstance(raw, str) else dict(raw)
        choice = DeliveryChoice.from_dict(d)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if choice is None or choice.address is None or not choice.location_id:
        return None
    return choice, {str(s) for s in d.get("skus") or []}
