"""The one place that wires concrete adapters (database, devices, central store) to the domain's
ports, for the till, the back office and the operator commands (``main.py``). Nothing is built
at import time.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pos.config import DEFAULTS, Config, load_config

DEFAULT_SWISH = DEFAULTS["swish"]


@dataclass
class AppContext:
    config: Config
    engine: Any
    session_factory: Any


def open_database(config: Config, *, demo: bool | None = None) -> AppContext:
    """Create the data directory, open the database, upgrade its schema, load demo data if empty."""
    from pos.db.engine import make_engine
    from pos.db.migrate import upgrade
    from pos.db.session import session_factory
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.services.setup import load_demo_data

    config.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(config.database_url)
    upgrade(engine)
    sf = session_factory(engine)
    if demo if demo is not None else bool(config.get("demo", "load_when_empty")):
        load_demo_data(SqlUnitOfWork(sf))
    return AppContext(config, engine, sf)


def till_config(config: Config) -> Any:
    from pos.cart import DiscountPolicy
    from pos.delivery import DeliveryRules
    from pos.returns import ReturnRules
    from pos.invoices import InvoiceRules
    from pos.gift_cards import GiftCardRules
    from pos.gtin import layouts_from_config
    from pos.money import parse_kronor
    from pos.payment_methods import PaymentMethods
    from pos.receipt_layout import StoreInfo
    from pos.services.till import TillConfig

    store = config.data["store"]
    gift_cards = GiftCardRules.from_config(config.data.get("gift_cards"))
    return TillConfig(
        register_id=config.register_id,
        store=StoreInfo(company=store["company"], org_no=store["org_no"],
                        store_name=store["store_name"], address=store["address"],
                        phone=store.get("phone", ""), receipt_url=receipt_url(config),
                        gift_card_valid_days=gift_cards.valid_days),
        location_id=str(config.get("register", "location_id")),
        discount_policy=DiscountPolicy(
            Decimal(str(config.get("register", "cashier_max_discount_percent")))),
        payment_methods=PaymentMethods.from_config(config.get("payment", "methods"),
                                                   swish=bool(config.get("swish", "url")),
                                                   stored_value=central_state_file(config).exists()),
        barcodes=layouts_from_config(config.get("barcodes", "variable")),
        cash_variance_limit=parse_kronor(str(config.get("register", "cash_variance_limit"))),
        delivery=DeliveryRules.from_config(config.data.get("delivery")),
        returns=ReturnRules.from_config(config.data.get("returns")),
        invoice=_invoice_rules(config, InvoiceRules.from_config(config.data.get("invoice"))),
        gift_cards=gift_cards,
    )


def _invoice_rules(config: Config, rules: Any) -> Any:
    """Invoices are e-mailed when ``[invoice] email`` allows and ``[mail]`` names a server."""
    from dataclasses import replace

    return replace(rules, email=rules.email and mail_offered(config))


def build_devices(config: Config, display: Any = None) -> Any:
    from hardware.control_unit_simulator import SimulatedControlUnit
    from hardware.printers.factory import make_printer
    from hardware.terminals.factory import make_terminal
    from pos.services.till import Devices

    printer = make_printer(str(config.get("devices", "printer")),
                           profile=str(config.get("devices", "printer_profile")),
                           width_mm=int(config.get("devices", "paper_width_mm")))
    terminal = make_terminal(str(config.get("devices", "terminal")))
    if display is None:  # a serial line display from the config; "window" is the till's own
        from hardware.displays.factory import make_display
        display = make_display(str(config.get("devices", "display")))
    control_unit = SimulatedControlUnit(state_file=config.data_dir / "control_unit.json")
    return Devices(printer=printer, terminal=terminal, control_unit=control_unit,
                   display=display, providers=build_payment_providers(config))


def build_payment_providers(config: Config) -> dict[str, Any]:
    """The register's payment providers other than its card terminal, by the name payment
    methods give them: Swish from ``[swish]`` (none when its url is empty)."""
    from integrations.swish.factory import make_swish

    swish = make_swish({**DEFAULT_SWISH, **config.data.get("swish", {})},
                       message=str(config.get("store", "store_name")))
    providers: dict[str, Any] = {"swish": swish} if swish is not None else {}
    return {**providers, **stored_value_providers(config)}


def stored_value_providers(config: Config) -> dict[str, Any]:
    """Gift cards and store credit, debited at the central store (its own connection), when the
    config names one."""
    store = build_commerce_store(config)
    if store is None or getattr(store, "stored_value", None) is None:
        return {}
    from pos.services.gift_cards import StoredValuePayments
    return {"gift_card": StoredValuePayments(store.stored_value, "gift_card", "Presentkort"),
            "store_credit": StoredValuePayments(store.stored_value, "store_credit", "Tillgodo")}


def central_state_file(config: Config) -> Path:
    """The central store's ``medusa.json`` (URL, publishable key, ids; no secret): ``[medusa]
    state``, default the local development instance's that ``integrations/medusa/medusa.sh``
    writes."""
    from integrations.medusa.store import STATE_FILE

    return Path(str(config.get("medusa", "state") or STATE_FILE))


def build_commerce_store(config: Config) -> Any:
    """The central store the config names (a ``pos.ports.CommerceStore``: ``.catalog``,
    ``.orders``, ``.web_carts``, ``.customers``, ``ping()``), or None. It authenticates as this
    register with the register's own key (``main.py central enroll``, kept in the system keyring
    or a 0600 file), never with an admin login; until the register is enrolled its calls raise
    ``CentralAccessRefused`` (``central.not_enrolled``). Each call is a new connection: a worker
    keeps its own."""
    from integrations.medusa.store import MedusaStore

    state = central_state_file(config)
    if not state.exists():
        return None
    return MedusaStore.for_register(state, config.register_id,
                                    location_key=str(config.get("register", "location_id")))


def backoffice_context(ctx: AppContext, config: Config) -> Any:
    """What the back office works with: the store's database (the tills' own), the store's
    details and the central store (built on the worker that asks it). No register is claimed."""
    from ui.backoffice.context import BackofficeContext

    from hardware.control_unit_simulator import SimulatedControlUnit
    from hardware.printers.factory import make_printer
    from pos.register_devices import KEYS as DEVICE_KEYS

    def printer() -> Any:  # the back office's reprints (built on the printer's worker)
        return make_printer(str(config.get("devices", "printer")),
                            profile=str(config.get("devices", "printer_profile")),
                            width_mm=int(config.get("devices", "paper_width_mm")))
    serial = SimulatedControlUnit(state_file=config.data_dir / "control_unit.json").serial
    return BackofficeContext(ctx.session_factory, store=till_config(config).store,
                             central=lambda: build_commerce_store(config),
                             data_dir=config.data_dir, printer=printer,
                             control_unit_serial=serial, own_register=config.register_id,
                             own_devices={k: config.get("devices", k) for k in DEVICE_KEYS},
                             other_devices=dict(config.data.get("register_devices", {})),
                             location_id=str(config.get("register", "location_id")),
                             location_name=str(config.get("store", "store_name")),
                             notifier=lambda: customer_notifier(config),
                             pickup_overdue_days=int(config.get("orders", "pickup_overdue_days")),
                             labels=label_settings(config),
                             label_layout=str(config.get("labels", "layout") or "3x8"),
                             config_discount_limit=till_config(config).discount_policy
                             .cashier_max_percent)


def scanner_starter(config: Config) -> Any:
    """Starts the configured device scanner (serial/socket) for the till; the wedge needs none."""
    def start(on_scan: Any) -> Any:
        from hardware.scanners.factory import make_scanner
        return make_scanner(str(config.get("devices", "scanner")), on_scan,
                            lambda message: print(f"scanner: {message}", file=sys.stderr),
                            prefix=str(config.get("devices", "scanner_prefix")),
                            suffix=str(config.get("devices", "scanner_suffix")) or "\r")
    return start


def start_outbox(ctx: AppContext, store: Any, config: Config | None = None) -> Any:
    """Deliver queued sales to the central store (its order sink, ``store.orders``) and queued
    e-mailed receipts to the mail server (``[mail]`` of ``config``) in the background while the
    app runs. With no central store only the e-mails go (the sales wait for one); with neither,
    no worker runs (returns None)."""
    import threading

    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.sync.outbox import OutboxWorker
    from pos.sync.pickup_events import pickup_handlers
    from pos.sync.return_events import return_handlers
    from pos.sync.gift_card_events import stored_value_handlers
    from pos.sync.invoice_events import invoice_handlers
    from pos.sync.delivery_events import outbox_handlers
    from pos.sync.stock_events import stock_handlers

    mail = receipt_mail_handlers(ctx, config) if config is not None else {}
    if store is None and not mail:
        return None
    stop = threading.Event()
    if store is None:  # the e-mails alone: the central store's kinds wait, untouched
        OutboxWorker(SqlUnitOfWork(ctx.session_factory), None, handlers=mail,  # type: ignore[arg-type]
                     kinds=tuple(mail)).start_thread(stop, interval=10.0)
        return stop
    OutboxWorker(SqlUnitOfWork(ctx.session_factory), store.orders,
                 handlers={**outbox_handlers(getattr(store, "deliveries", None)),
                           **pickup_handlers(store), **return_handlers(store),
                           **invoice_handlers(store), **stored_value_handlers(store),
                           **stock_handlers(store), **mail}
                 ).start_thread(stop, interval=10.0)
    return stop


def receipt_mail_handlers(ctx: AppContext, config: Config) -> dict[str, Any]:
    """The outbox handlers of e-mailed receipts and invoices over the ``[mail]`` server (none
    without one): the receipt drawn from the stored sale as the printer would print it, the
    invoice's PDF from the stored invoice."""
    from integrations.mail.factory import make_receipt_mailer, make_sender
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.services.receipt_mail import receipt_document
    from pos.sync.receipt_mail_events import receipt_mail_handlers as handlers

    from integrations.mail.factory import make_invoice_mailer
    from pos.sync.invoice_mail_events import invoice_mail_handlers

    sender = make_sender(config)
    mailer = make_receipt_mailer(sender)
    if mailer is None:
        return {}
    store = till_config(config).store
    uow = SqlUnitOfWork(ctx.session_factory)

    def stored_invoice(number: str) -> Any:  # the invoice e-mailed, as stored here
        with uow:
            return uow.invoices.get(number)
    return {**handlers(mailer, lambda sale_id, copy, serial: receipt_document(
        uow, store, sale_id, copy, serial), store.store_name),
        **invoice_mail_handlers(make_invoice_mailer(sender), stored_invoice)}


def receipt_url(config: Config) -> str:
    """Where the QR on a receipt leads (the sale's id is added): ``[store] receipt_url``, else
    the configured central store's receipt page (``/receipts/``), else the built-in default."""
    from pos.receipt_layout import StoreInfo

    url = str(config.data.get("store", {}).get("receipt_url") or "")
    if url:
        return url
    try:
        import json

        state = json.loads(central_state_file(config).read_text(encoding="utf-8"))
        base = str(state.get("public_url") or state.get("url") or "").rstrip("/")
    except (OSError, ValueError, AttributeError):
        base = ""
    return f"{base}/receipts/" if base else StoreInfo.receipt_url


def label_settings(config: Config) -> Any:
    """The shelf labels' QR address and store (``pos.shelf_labels.LabelSettings``): ``[labels]
    qr_base``, else the configured central store's public address + "/shelf", else no QR; the
    store is this register's location."""
    from pos.shelf_labels import LabelSettings, default_qr_base

    base = str(config.data.get("labels", {}).get("qr_base") or "")
    if not base:
        try:
            import json

            state = json.loads(central_state_file(config).read_text(encoding="utf-8"))
            base = default_qr_base(str(state.get("public_url") or state.get("url") or ""))
        except (OSError, ValueError, AttributeError):
            base = ""
    return LabelSettings(base, str(config.get("register", "location_id")))


def catalog_refresher(ctx: AppContext, config: Config) -> Any:
    """The till's background sync of catalogue, stock and promotions (the central store's
    catalogue feed, on its own connection), or None when there is no central store."""
    store = build_commerce_store(config)
    if store is None:
        return None
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.sync.catalog_refresh import refresh

    feed = store.catalog
    return lambda on_progress: refresh(SqlUnitOfWork(ctx.session_factory), feed,
                                       on_progress=on_progress)


def _sync_interval(config: Config) -> float:
    return float(config.get("sync", "interval_minutes") or 0)  # 0: at start and when clicked


def build_till(config: Config | str | Path | None = None, *, display: Any = None,
               with_customers: bool = False) -> tuple[Any, AppContext]:
    """A ready Till on the configured database and devices (used by the app and by UI tests).
    ``with_customers``: customers are searched in the central store the config names (its own
    connection; the outbox worker has another), or, with none and demo data on, the demo's."""
    from pos.services.till import Till

    cfg = config if isinstance(config, Config) else load_config(config)
    ctx = open_database(cfg)
    customers = store = web_carts = None
    if with_customers:
        store = build_commerce_store(cfg)
        customers = store.customers if store is not None else None
        web_carts = store.web_carts if store is not None else None
        if customers is None and bool(cfg.get("demo", "load_when_empty")):
            from pos.demo.customers import DemoCustomers
            customers = DemoCustomers()
    till = Till(ctx.session_factory, build_devices(cfg, display), till_config(cfg),
                customers=customers, web_carts=web_carts)
    from pos.receipt_mail import ReceiptChoice
    # receipts by e-mail: offered when [mail] names a server; what a sale gives by default
    till.receipt_mail = mail_offered(cfg)
    till.receipt_choice = ReceiptChoice.parse(cfg.get("mail", "receipt"))
    if with_customers and store is not None:  # stock everywhere and the customers' addresses
        till.stock_directory, till.address_book = store.stock, store.addresses
        # customers created and edited here, and their history in every channel
        till.customer_records = getattr(store, "customer_records", None)
        till.order_history = getattr(store, "customer_history", None)
    if store is not None:  # web orders collected here, and the customer told when one arrived
        till.pickups = store.pickups
        till.notifier = customer_notifier(cfg)
        # what was bought in any channel, for returns (the returns themselves go by the outbox)
        till.purchase_records = getattr(store, "purchases", None)
        till.central_invoices = getattr(store, "invoices", None)  # invoices (pos.invoices)
        till.stored_value = getattr(store, "stored_value", None)  # gift card balances
    return till, ctx


def mail_offered(config: Config) -> bool:
    """True when ``[mail]`` names a server and a sender (receipts can be e-mailed)."""
    from integrations.mail.factory import mail_settings

    try:
        return mail_settings(config).configured
    except ValueError:
        return False


def customer_notifier(config: Config) -> Any:
    """Telling customers their web order is ready: by e-mail through ``[mail]``'s server, else
    recorded (``notifications.jsonl`` in the data directory) for whoever tells them."""
    if mail_offered(config):
        from integrations.mail.factory import make_sender
        from integrations.mail.notifier import EmailNotifier
        sender = make_sender(config)
        assert sender is not None
        return EmailNotifier(sender)
    from integrations.notifications import RecordingNotifier
    return RecordingNotifier(config.data_dir / "notifications.jsonl")
