"""What the kiosk's screens work with: the store's database, the kiosk's settings, the central
store's capabilities (built on the network lane, each may be None: offline or not configured),
the image cache, and three worker lanes: ``db`` (the local database: finding, the product page,
staff calls, the staff PIN), ``net`` (the central store: saving the cart, the web's product
texts, images) and ``stock`` (the product page's stock, never queued behind a slow read on
``net``). A hung central store never holds up a search or a scan."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pos.db.unit_of_work import SqlUnitOfWork
from pos.delivery import DeliveryRules
from pos.kiosk import KioskSettings
from ui.ops import Ops


@dataclass
class KioskContext:
    session_factory: Any
    settings: KioskSettings = field(default_factory=KioskSettings)
    kiosk_id: str = "KIOSK1"
    carts: Callable[[], Any] = lambda: None  # -> pos.kiosk.KioskCarts | None
    stock: Callable[[], Any] = lambda: None  # -> pos.ports.StockDirectory | None
    customers: Callable[[], Any] = lambda: None  # -> pos.ports.CustomerDirectory | None
    # the web's product information (title, description, image, categories), read on the
    # network lane at start and every ``PRODUCTS_EVERY_MS``; None: the demo's / the last read
    products: Callable[[], list[Any]] | None = None
    images: Any = None  # integrations.medusa.kiosk.ImageCache | None
    clock: Callable[[], datetime] = datetime.now
    start_scanner: Callable[[Callable[[str], None]], Any] | None = None  # a serial scanner
    # ordering for delivery: the store's delivery rules, and the kiosk's own register (built
    # once, on the ``pay`` lane; None: this kiosk has no card terminal, orders go to a till)
    delivery_rules: DeliveryRules = field(default_factory=DeliveryRules)
    order_register: Callable[[], Any] | None = None  # -> pos.services.context.RegisterContext
    # the kiosk's receipt printer ([kiosk] printer), on the ``printer`` lane; None: QR only
    print_receipt: Callable[[str], Any] | None = None
    _lanes: dict[str, Ops] = field(default_factory=dict)
    _uows: dict[str, SqlUnitOfWork] = field(default_factory=dict)
    _built: dict[str, Any] = field(default_factory=dict)

    def lane(self, name: str) -> Ops:
        if name not in self._lanes:
            self._lanes[name] = Ops(f"kiosk-{name}")
        return self._lanes[name]

    @property
    def db(self) -> Ops:
        return self.lane("db")

    @property
    def net(self) -> Ops:
        return self.lane("net")

    def uow(self, lane: str) -> SqlUnitOfWork:
        """The unit of work of one lane (one per thread)."""
        if lane not in self._uows:
            self._uows[lane] = SqlUnitOfWork(self.session_factory)
        return self._uows[lane]

    def central(self, name: str) -> Any:
        """A central-store capability, built once on the lane that asks for it (the stock
        lookup has a lane of its own, ``stock``; the rest are on ``net``)."""
        if name not in self._built:
            self._built[name] = {"carts": self.carts, "stock": self.stock,
                                 "customers": self.customers}[name]()
        return self._built[name]

    def shutdown(self) -> None:
        for ops in self._lanes.values():
            ops.shutdown()
        self._lanes.clear()
