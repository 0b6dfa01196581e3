"""The retailer's central commerce store (Medusa v2 in ``integrations/medusa``) as ``pos/`` sees
it: its errors (``CommerceUnavailable``), one small Protocol per capability, and
``CommerceStore``, the whole of it."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from pos.catalog import Variant
from pos.commerce import CustomerRef, RemoteOrder, StoreOrder, WebCart
from pos.errors import UserError, messages
from pos.pickups import PickupOrder
from pos.promotions import Promotion
from pos.returns import CentralReturn, Purchase
from pos.stock import StockLevel

# The retailer's central store (Medusa v2 in ``integrations/medusa``), one Protocol per capability:
# a use case takes the one it needs (the outbox an ``OrderSink``, the catalogue sync a
# ``CatalogFeed``, the till a ``CustomerDirectory``), and the next one (pickups, returns, gift
# cards...) is one more small Protocol here, one more small adapter there, and one more attribute
# of ``CommerceStore``, without touching the others.
#
# For all of them: amounts are integer öre; every call may block on the network (call it from a
# worker); every call but ``ping`` raises ``CommerceUnavailable`` when the central store cannot be
# reached (down, no answer in time, 502/503/504 after the adapter's retries), and the adapter's own
# errors for an answer it refuses or cannot read.


CENTRAL_MESSAGES = messages({
    "central.unreachable": "The central store cannot be reached now",
    "central.not_enrolled": "Register {register} is not enrolled with the central store: sales "
                            "are kept here until an administrator enrols it",
    "central.register_revoked": "The central store refuses register {register}'s key (revoked): "
                                "sales are kept here until an administrator enrols it again",
})


class CommerceUnavailable(UserError):
    """The central store cannot be reached now; the caller keeps the work and tries later.
    ``detail``: what the connection said ("GET /admin/orders: connection refused"), for the log
    and the command line (``str()`` ends with it); a screen says only the sentence, in its
    language (the request and address once reached the Swedish screen)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("central.unreachable")
        self.detail = detail

    def __str__(self) -> str:
        base = super().__str__()
        return f"{base}: {self.detail}" if self.detail else base


class CentralAccessRefused(CommerceUnavailable):
    """The central store will not serve this register: it has no key (``central.not_enrolled``)
    or its key was revoked (``central.register_revoked``). Like ``CommerceUnavailable`` the caller
    keeps the work (queued sales wait) until the register is enrolled again."""

    def __init__(self, code: str, register: str) -> None:
        UserError.__init__(self, code, register=register)
        self.detail = UserError.__str__(self)
        self.register = register

    def __str__(self) -> str:
        return UserError.__str__(self)


@runtime_checkable
class CatalogFeed(Protocol):
    """The central store's range, prices and stock, as the till's catalogue sync reads them."""

    def iter_variants(self, updated_since: datetime | None = None,
                      page_size: int = 200) -> Iterator[list[Variant]]:
        """The whole catalogue, or the variants changed at or after ``updated_since`` (naive
        UTC), in pages of at most ``page_size``. Each ``Variant`` has the till's own id, SKU, EAN,
        price in öre including VAT, VAT rate, and the central store's ids in ``refs`` (which
        promotion rules target). A variant no longer for sale comes with ``active=False``."""

    def count_variants(self, updated_since: datetime | None = None) -> int:
        """How many variants ``iter_variants(updated_since)`` will yield (for a progress bar)."""

    def stock_levels(self, skus: Sequence[str]) -> list[StockLevel]:
        """Stock of these articles at every location (stores and the web warehouse): one
        ``StockLevel`` per article and location: ``variant_id`` the SKU (the central store knows
        articles by SKU), ``location_id`` the till's location key (``store-gbg``,
        ``web-warehouse``), ``stocked`` and ``reserved`` in units. Unknown SKUs are left out."""


@runtime_checkable
class PromotionFeed(Protocol):
    """The central store's promotions, for the till's own promotion engine (``pos.promotions``).
    The central store's catalogue feed is one too; a feed that is not offers no promotions."""

    def promotions(self) -> list[Promotion]:
        """Every promotion (automatic ones and codes, active or not), with its rules, application
        method and campaign (dates, budget: amounts in major units as the central store gives
        them, ``Decimal``)."""

    def promotion_context(self) -> dict[str, str]:
        """What order-scope promotion rules may ask of this till's sales besides their lines, as
        the central store names it, e.g. ``{"sales_channel_id": "sc_..."}`` ("store only"
        promotions)."""


@runtime_checkable
class OrderSink(Protocol):
    """Where the till's completed sales go: each becomes one order in the central store, so that
    stock, the customer's history and the campaigns' budgets count it as a web order."""

    def create_store_order(self, order: StoreOrder, idempotency_key: str) -> str:
        """Record a completed store sale as one paid order, fulfilled at the sale's location
        (``order.location_id``); returns the central store's order id. Amounts in ``order`` are
        öre; the order's total is what the customer paid. The promotions used count against their
        campaigns' budgets, once per order.

        Idempotent by ``idempotency_key``: a retry after a lost answer returns the first order's id
        and never creates a second one. Raises CommerceUnavailable when the store is down."""

    def find_order_by_key(self, idempotency_key: str) -> RemoteOrder | None:
        """The order created with ``idempotency_key`` (total in öre), or None if there is none."""


@runtime_checkable
class WebCarts(Protocol):
    """Carts started online or at a kiosk, continued at the till (a QR code carries the id)."""

    def get_web_cart(self, cart_id: str) -> WebCart | None:
        """The cart ``cart_id`` with the central store's prices and promotions applied (unit
        prices, discounts and totals in öre, VAT included); None when there is no such cart.
        A cart bought already (online, or closed by a till's sale) comes with ``completed`` and
        its order (``order_id``, ``order_display_id``, ``bought_at``, ``sale_key``)."""

    def close_web_cart(self, cart_id: str, sale_key: str, order_id: str) -> None:
        """Mark the cart bought by the till's sale ``sale_key`` (its order ``order_id``), once:
        again for the same key changes nothing; raises ``pos.web_carts.WebCartConflict`` when it
        was bought already by another sale or online."""


@runtime_checkable
class CustomerDirectory(Protocol):
    """Where the till finds customers: the central store's, or the demo's list."""

    def find_customers(self, query: str, limit: int = 20) -> list[CustomerRef]:
        """At most ``limit`` customers whose e-mail, name or phone contains ``query`` (a Swedish
        phone written 0701234567 or 070-123 45 67 also finds +46701234567); none for a blank
        query."""

    def customer_by_card(self, number: str) -> CustomerRef | None:
        """The customer whose loyalty card has ``number`` (digits), or None if nobody's has."""


@runtime_checkable
class PickupOrders(Protocol):
    """This store's web orders to be collected here (``pos.pickups``: click & collect,
    ship-to-store, pay in store). Every call but ``pickup_orders`` and ``pickup_order`` changes
    the order centrally and is idempotent: done again, it finds the change made and does not
    repeat it."""

    def pickup_orders(self, location_key: str, include_collected: bool = True,
                      limit: int = 100) -> list[PickupOrder]:
        """The newest ``limit`` orders to be collected at ``location_key``, newest first."""

    def pickup_order(self, code: str) -> PickupOrder | None:
        """The web order with id ``order_...`` or display number ``code`` (pickup or not: the
        caller checks where it is to be collected), or None when there is none."""

    def mark_arrived(self, order_id: str, location_key: str, at: str) -> PickupOrder:
        """The parcel was received at ``location_key`` at ``at`` (ISO 8601); returns the order."""

    def mark_notified(self, order_id: str, at: str) -> PickupOrder:
        """The customer was told the order is ready (at ``at``)."""

    def hand_over(self, order_id: str, location_key: str, at: str, paid_here: int,
                  reference: dict[str, Any]) -> PickupOrder:
        """The customer took the order at ``location_key``: when ``paid_here`` öre were paid at
        the till, its payment is captured (marked paid); its fulfilment is made at this location
        if it has none and marked delivered. ``reference`` (the sale, receipt, register) is kept
        on the order. Once per order, whatever step a lost answer interrupted."""


@runtime_checkable
class PurchaseRecords(Protocol):
    """What customers bought in any channel, as the central store knows it (``pos.returns``):
    the one truth about what was paid and what was already returned."""

    def find_purchase(self, code: str) -> Purchase | None:
        """The purchase ``code`` names: a store sale of any store of the chain by its receipt
        code (``R-<register>-<number>``), or a web order by its number (``1042``, ``#1042``) or
        id (``order_...``); None when there is none. Its lines carry what was paid (öre, every
        discount taken off) and the units already returned in any channel; its tenders what
        each payment can still refund. Raises CommerceUnavailable when the store is down."""

    def purchases_of_customer(self, customer_id: str, limit: int = 20) -> list[Purchase]:
        """The customer's orders (web orders and store sales alike), newest first."""


@runtime_checkable
class ReturnsDesk(Protocol):
    """Returns recorded on the purchase's order in the central store."""

    def register_return(self, ret: CentralReturn, idempotency_key: str) -> str:
        """Record ``ret`` on its order: the goods received at ``ret.location_id`` (stock up
        there for restocked lines, written off for the rest) and ``ret.refund_central`` öre
        refunded through the order's payment; returns the central return's id. Idempotent by
        ``idempotency_key``: a retry after a lost answer finds the first return and completes
        whatever step was left. Raises CommerceUnavailable when the store is down, and
        ``pos.returns.ReturnError`` when the order refuses it (more than it has left)."""


@runtime_checkable
class CustomerNotifier(Protocol):
    """Tells a customer something about their order (e-mail comes with the customer issue; until
    then a notifier records or prints what it would send)."""

    def order_ready(self, order: PickupOrder, location_name: str) -> None:
        """``order`` can be collected at ``location_name`` now; raise when it could not be sent."""


@runtime_checkable
class CommerceHealth(Protocol):
    def ping(self) -> bool:
        """True when the central store answers its health check now (one try, never raises)."""


@runtime_checkable
class CommerceStore(CommerceHealth, Protocol):
    """The central store as a whole, one attribute per capability, for the place that wires
    them (``main.py``) and the operator's ``sync`` command (catalogue and orders)."""

    @property
    def catalog(self) -> CatalogFeed: ...

    @property
    def orders(self) -> OrderSink: ...

    @property
    def web_carts(self) -> WebCarts: ...

    @property
    def customers(self) -> CustomerDirectory: ...

    @property
    def pickups(self) -> PickupOrders: ...
