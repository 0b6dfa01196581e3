"""The customer's order station: ``python main.py kiosk``.

Its settings are the config's ``[kiosk]`` table (place, idle_seconds, countdown_seconds,
done_seconds, cart_url, ``[[kiosk.places]]`` with the stores' coordinates); it shares the store's database
with the tills (catalogue, stock, promotions, staff and staff calls) and reaches the central
store with the publishable key only (carts, product information, images)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QSize

from pos.kiosk import KioskSettings
from ui.kiosk.context import KioskContext
from ui.kiosk.window import KioskWindow


def kiosk_context(app_ctx: Any, config: Any = None) -> KioskContext:
    """The kiosk's context from the app's database and config (``wiring.AppContext``)."""
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.services import kiosk as use

    data = dict(config.data.get("kiosk", {})) if config is not None else {}
    here = str(config.get("register", "location_id")) if config is not None else "store-gbg"
    settings = KioskSettings.from_config(data, here=here)
    use.ensure_products(SqlUnitOfWork(app_ctx.session_factory), datetime.now())
    ctx = KioskContext(app_ctx.session_factory, settings,
                       kiosk_id=str(data.get("id") or (config.register_id if config else "KIOSK1")))
    if config is None:
        return ctx
    from wiring import build_commerce_store, central_state_file, scanner_starter

    state = central_state_file(config)
    if state.exists():
        from integrations.medusa.client import MedusaClient
        from integrations.medusa.kiosk import ImageCache, MedusaKioskCarts, MedusaKioskCatalog
        from integrations.medusa.store import read_state

        def carts() -> Any:
            ids = read_state(state)
            client = MedusaClient(ids["url"], publishable_key=ids.get("publishable_key", ""))
            return MedusaKioskCarts(client, ids, here, settings.cart_url)

        def central(attr: str) -> Any:
            store = build_commerce_store(config)  # the kiosk's own register key, if enrolled
            return getattr(store, attr, None) if store is not None else None

        def products() -> list[Any]:
            ids = read_state(state)
            client = MedusaClient(ids["url"], publishable_key=ids.get("publishable_key", ""))
            return MedusaKioskCatalog(client, ids).products()

        ctx.carts = carts
        ctx.products = products
        ctx.stock = lambda: central("stock")
        ctx.customers = lambda: central("customers")
        ctx.images = ImageCache(config.data_dir / "kiosk-images")
    ctx.start_scanner = scanner_starter(config)
    ctx.order_register = kiosk_register(app_ctx, config, ctx.kiosk_id, settings.place)
    if ctx.order_register is not None and data.get("printer"):
        register = ctx.order_register

        def print_receipt(sale_id: str) -> Any:  # the printer lane
            from pos.db.unit_of_work import SqlUnitOfWork
            from pos.services.receipts import ReceiptDesk
            reg = register()
            return ReceiptDesk(SqlUnitOfWork(app_ctx.session_factory), reg.devices.printer,
                               reg.config.store, reg.devices.control_unit.serial).print_sale(sale_id)
        ctx.print_receipt = print_receipt
    from wiring import till_config
    ctx.delivery_rules = till_config(config).delivery
    return ctx


def kiosk_register(app_ctx: Any, config: Any, kiosk_id: str, place: str) -> Any:
    """The kiosk's own register (``[kiosk] terminal = URL``: the till's terminal drivers), built
    once on the lane that pays; None when the kiosk has no terminal (orders go to a till)."""
    data = dict(config.data.get("kiosk", {}))
    url = str(data.get("terminal") or "")
    if not url:
        return None
    built: dict[str, Any] = {}

    def register() -> Any:
        if "ctx" not in built:
            from hardware.control_unit_simulator import SimulatedControlUnit
            from hardware.printers.factory import make_printer
            from hardware.terminals.factory import make_terminal
            from pos.db.unit_of_work import SqlUnitOfWork
            from pos.services import kiosk_orders
            from pos.services.context import Devices
            from wiring import till_config

            # the kiosk's own printer ([kiosk] printer = URL) or none: its receipt is a QR code
            devices = Devices(printer=make_printer(str(data.get("printer") or "dummy")),
                              terminal=make_terminal(url),
                              control_unit=SimulatedControlUnit(
                                  state_file=config.data_dir / "control_unit.json"))
            built["ctx"] = kiosk_orders.open_register(
                SqlUnitOfWork(app_ctx.session_factory),
                kiosk_orders.kiosk_config(till_config(config), kiosk_id), devices, name=place)
            kiosk_orders.resume(built["ctx"])  # a lost answer before the restart: resolved
        return built["ctx"]
    return register


def make_window(ctx: KioskContext, *, camera: bool = True, wedge: bool = True) -> KioskWindow:
    from ui.kiosk.camera import CameraScanner
    from ui.widgets.wedge import WedgeFilter

    return KioskWindow(ctx, camera=CameraScanner() if camera else None,
                       wedge=WedgeFilter().install() if wedge else None)


def run_kiosk(context: Any = None, *, config: Any = None, argv: list[str] | None = None,
              language: str = "sv", fullscreen: bool = True) -> int:
    from ui.till.app import make_app
    from ui.widgets.style import apply_style

    app = make_app(argv, language)
    screen = app.primaryScreen()
    apply_style(app, screen.size() if screen is not None else QSize(1920, 1080))
    ctx = kiosk_context(context, config)
    window = make_window(ctx)
    window.closed_by_staff.connect(lambda _m: app.quit())
    window.show_kiosk(fullscreen)
    try:
        return int(app.exec())
    finally:
        ctx.shutdown()
