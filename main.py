"""omnipos: `python main.py [till|backoffice|kiosk]` and operator commands (`--json` for scripts).

This is the one place that wires concrete adapters (database, devices, central store) to the
domain's ports. Nothing is built at import time.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from pos.config import DEFAULTS, Config, ConfigError, load_config

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
    from pos.gtin import layouts_from_config
    from pos.money import parse_kronor
    from pos.payment_methods import PaymentMethods
    from pos.receipt_layout import StoreInfo
    from pos.services.till import TillConfig

    store = config.data["store"]
    return TillConfig(
        register_id=config.register_id,
        store=StoreInfo(company=store["company"], org_no=store["org_no"],
                        store_name=store["store_name"], address=store["address"],
                        phone=store.get("phone", "")),
        location_id=str(config.get("register", "location_id")),
        discount_policy=DiscountPolicy(
            Decimal(str(config.get("register", "cashier_max_discount_percent")))),
        payment_methods=PaymentMethods.from_config(config.get("payment", "methods"),
                                                   swish=bool(config.get("swish", "url"))),
        barcodes=layouts_from_config(config.get("barcodes", "variable")),
        cash_variance_limit=parse_kronor(str(config.get("register", "cash_variance_limit"))),
        delivery=DeliveryRules.from_config(config.data.get("delivery")),
        returns=ReturnRules.from_config(config.data.get("returns")),
    )


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
    return {"swish": swish} if swish is not None else {}


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

    return BackofficeContext(ctx.session_factory, store=till_config(config).store,
                             central=lambda: build_commerce_store(config),
                             data_dir=config.data_dir)


def scanner_starter(config: Config) -> Any:
    """Starts the configured device scanner (serial/socket) for the till; the wedge needs none."""
    def start(on_scan: Any) -> Any:
        from hardware.scanners.factory import make_scanner
        return make_scanner(str(config.get("devices", "scanner")), on_scan,
                            lambda message: print(f"scanner: {message}", file=sys.stderr),
                            prefix=str(config.get("devices", "scanner_prefix")),
                            suffix=str(config.get("devices", "scanner_suffix")) or "\r")
    return start


def start_outbox(ctx: AppContext, store: Any) -> Any:
    """Deliver queued sales to the central store (its order sink, ``store.orders``) in the
    background while the app runs."""
    import threading

    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.sync.outbox import DEFAULT_HANDLERS, OutboxWorker
    from pos.sync.pickup_events import pickup_handlers

    stop = threading.Event()
    from pos.sync.delivery_events import outbox_handlers

    OutboxWorker(SqlUnitOfWork(ctx.session_factory), store.orders,
                 handlers={**outbox_handlers(getattr(store, "deliveries", None)),
                           **pickup_handlers(store)}
                 ).start_thread(stop, interval=10.0)
    return stop


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
    if with_customers and store is not None:  # stock everywhere and the customers' addresses
        till.stock_directory, till.address_book = store.stock, store.addresses
    if store is not None:  # web orders collected here, and the customer told when one arrived
        from integrations.notifications import RecordingNotifier
        till.pickups = store.pickups
        till.notifier = RecordingNotifier(cfg.data_dir / "notifications.jsonl")
    return till, ctx


# --- output ----------------------------------------------------------------------------------------
#
# Exit codes (README, "Operator commands"): 0 done; 1 the command ran and found a fault or could
# not do it (nothing found, no open shift, a device or the journal fails, sales not delivered);
# 2 wrong arguments or input (usage, a wrong check digit, an amount that is not one, the
# configuration); 3 the central store cannot be reached or none is configured; 4 the database
# cannot be opened. Whatever fails is told on stderr in a sentence; with --json stdout also gets
# {"error": sentence, ...} so a script reads one JSON document whatever happened.

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NO_STORE, EXIT_NO_DATABASE = 0, 1, 2, 3, 4


def _time(t: datetime) -> str:
    """An instant with its UTC offset: the domain's naive times are the till's local wall-clock
    time (sales, shifts, reports)."""
    return (t if t.tzinfo is not None else t.astimezone()).isoformat()


def _plain(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return {k: _plain(v) for k, v in asdict(obj).items()}
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, datetime):
        return _time(obj)
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, Decimal):
        return str(obj)
    return obj


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.json:
        print(json.dumps(_plain(data), ensure_ascii=False, indent=2))
    else:
        print(text)


def fail(args: argparse.Namespace, error: str, code: int = EXIT_FAILED, /, **data: Any) -> int:
    """Tell a failure: the sentence on stderr always, and with --json a JSON object on stdout
    (``{"error": error, **data}``). Returns ``code`` for the caller to exit with."""
    if getattr(args, "json", False):
        print(json.dumps(_plain({"error": error, **data}), ensure_ascii=False, indent=2))
    print(f"pos: {error}", file=sys.stderr)
    return code


# --- commands ----------------------------------------------------------------------------------------


def cmd_app(args: argparse.Namespace, cfg: Config) -> int:
    face = args.command or "till"
    if face == "till":
        from pos.errors import UserError
        from ui.till.app import run_till
        try:
            till, ctx = build_till(cfg, with_customers=True)
        except UserError as e:  # a device the config names cannot work (a printer profile ...)
            return fail(args, f"devices: {e}", EXIT_USAGE)
        store = build_commerce_store(cfg)
        stop = start_outbox(ctx, store) if store is not None else None
        try:
            return int(run_till(till, language=str(cfg.get("register", "language")),
                                start_scanner=scanner_starter(cfg),
                                refresh=catalog_refresher(ctx, cfg),
                                sync_interval_minutes=_sync_interval(cfg),
                                fullscreen=bool(cfg.get("register", "fullscreen"))) or 0)
        finally:
            if stop is not None:
                stop.set()
    ctx = open_database(cfg)
    if face == "backoffice":
        from ui.backoffice.app import run_backoffice
        return int(run_backoffice(backoffice_context(ctx, cfg),
                                  language=str(cfg.get("register", "language"))) or 0)
    from ui.kiosk.app import run_kiosk
    return int(run_kiosk(ctx) or 0)


def cmd_catalog(args: argparse.Namespace, cfg: Config) -> int:
    from pos.db.catalog_repository import CatalogRepository
    from pos.gtin import GtinError, looks_like_gtin, parse_gtin
    from pos.money import format_kronor

    ctx = open_database(cfg)
    with ctx.session_factory() as s:
        repo = CatalogRepository(s)
        if args.action == "find":
            found = repo.search(args.text, args.limit)
            emit(args, found, "\n".join(f"{v.ean:<14} {v.sku:<22} {format_kronor(v.price):>10}  {v.name}"
                                        for v in found) or "nothing found")
            return 0
        code = args.text.strip()
        if looks_like_gtin(code):
            try:
                parse_gtin(code)
            except GtinError as e:
                return fail(args, str(e), EXIT_USAGE)
        v = repo.by_code(code)
        if v is None:
            return fail(args, f"no article with code {code}")
        emit(args, v, f"{v.name}\n  SKU {v.sku}  EAN {v.ean}\n  {format_kronor(v.price)} kr incl. "
                      f"{v.vat_rate.value} % moms")
        return 0


def cmd_sales(args: argparse.Namespace, cfg: Config) -> int:
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.money import format_kronor
    from pos.queries.sales import recent_sales

    ctx = open_database(cfg)
    sales = recent_sales(SqlUnitOfWork(ctx.session_factory),
                         None if args.all_registers else cfg.register_id, args.limit)
    emit(args, sales, "\n".join(
        f"{x.register_id} #{x.receipt_no:<6} {x.completed_at:%Y-%m-%d %H:%M}  "
        f"{format_kronor(x.total):>10}  {x.cashier_name}" for x in sales) or "no sales")
    return 0


# Who the command line's X and Z reports are journaled as.
OPERATOR = "operator"


def cmd_report(args: argparse.Namespace, cfg: Config) -> int:
    """X (a reading) or Z (closes the day) of this register's shift, taken by the operator of
    the command line (journaled as "operator"); no cashier logs in."""
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.money import MoneyError, parse_kronor
    from pos.services.receipts import ReceiptDesk
    from pos.services.shifts import close_shift, take_x_report
    from pos.shifts import ShiftError

    if args.kind == "sales":  # the back office's sales report (ui/backoffice/report_cli.py)
        from ui.backoffice.report_cli import report_sales
        ctx = open_database(cfg)
        return report_sales(args, ctx.session_factory, till_config(cfg).store, emit=emit,
                            fail=fail, language=str(cfg.get("register", "language")))
    counted = None
    if args.kind == "z":
        if args.counted is None:
            return fail(args, "report z needs --counted KRONOR (the cash counted in the drawer)",
                        EXIT_USAGE)
        try:
            counted = parse_kronor(args.counted)
        except MoneyError as e:
            return fail(args, f"--counted: {e}", EXIT_USAGE)
    ctx = open_database(cfg)
    uow = SqlUnitOfWork(ctx.session_factory)
    store = till_config(cfg).store
    now = datetime.now().replace(microsecond=0)
    try:
        if counted is None:
            report, doc = take_x_report(uow, cfg.register_id, store, now, OPERATOR)
        else:
            # the command line's operator accepts a variance over the limit (journaled)
            report, doc = close_shift(uow, cfg.register_id, store, now, OPERATOR, counted,
                                      variance_limit=till_config(cfg).cash_variance_limit,
                                      approved_by=OPERATOR)
    except ShiftError as e:
        return fail(args, str(e))
    if args.print:
        devices = build_devices(cfg)
        desk = ReceiptDesk(uow, devices.printer, store, devices.control_unit.serial)
        outcome = desk.print_document(doc)
        if not outcome.ok:
            print(f"pos: not printed: {outcome.message}", file=sys.stderr)
    emit(args, report, doc.plain_text())
    return 0


def cmd_journal(args: argparse.Namespace, cfg: Config) -> int:
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.queries.journal import verify_journals

    ctx = open_database(cfg, demo=False)
    unit = build_devices(cfg).control_unit  # its own memory, outside this database
    results = [{"register": j.register_id, "ok": j.ok, "entries": j.verification.count,
                "first_bad_seq": j.verification.first_bad_seq,
                "reason": j.verification.reason, "problems": list(j.problems)}
               for j in verify_journals(SqlUnitOfWork(ctx.session_factory), unit)]
    ok = all(r["ok"] for r in results)
    emit(args, {"ok": ok, "registers": results}, "\n".join(
        f"register {r['register']}: {'OK' if r['ok'] else 'BROKEN'}, {r['entries']} entries checked"
        + ("" if r["first_bad_seq"] is None else
           f"; first bad entry {r['first_bad_seq']}: {r['reason']}")
        + "".join(f"\n  {p}" for p in r["problems"])
        for r in results) or "no journal yet")
    if not ok:
        print("pos: the journal is broken: " + "; ".join(
            f"register {r['register']}: "
            + "; ".join(([f"entry {r['first_bad_seq']}: {r['reason']}"]
                         if r["first_bad_seq"] is not None else []) + r["problems"])
            for r in results if not r["ok"]), file=sys.stderr)
    return EXIT_OK if ok else EXIT_FAILED


def cmd_db(args: argparse.Namespace, cfg: Config) -> int:
    from pos.db.migrate import current_revision

    ctx = open_database(cfg, demo=False)
    rev = current_revision(ctx.engine)
    emit(args, {"url": ctx.engine.url.render_as_string(hide_password=True), "revision": rev},
         f"database {ctx.engine.url.render_as_string(hide_password=True)} at revision {rev}")
    return 0


def cmd_demo(args: argparse.Namespace, cfg: Config) -> int:
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.services.setup import load_demo_data

    ctx = open_database(cfg, demo=False)
    counts = load_demo_data(SqlUnitOfWork(ctx.session_factory), force_catalog=True)
    emit(args, counts, f"demo data loaded: {counts['variants']} variants, {counts['staff']} new staff")
    return 0


def cmd_devices(args: argparse.Namespace, cfg: Config) -> int:
    from hardware.diagnostics import check_devices

    if args.action == "print-test":
        from pos.ports import PrinterError
        from pos.receipt_layout import test_receipt

        doc = test_receipt(till_config(cfg).store, cfg.register_id, datetime.now().isoformat(" ", "minutes"))
        try:
            devices = build_devices(cfg)  # refuses a printer profile no receipt prints with
            devices.printer.print_document(doc)
        except PrinterError as e:
            return fail(args, f"not printed: {e}", ok=False, message=str(e))
        emit(args, {"ok": True, "printer": str(cfg.get("devices", "printer"))},
             f"test receipt sent to {cfg.get('devices', 'printer')}\n\n"
             f"{doc.plain_text(getattr(getattr(devices.printer, 'settings', None), 'chars', 42))}")
        return 0

    results = check_devices(cfg.data["devices"])
    emit(args, results, "\n".join(
        f"{r['name']:<10} {r['url']:<32} {'OK ' if r['ok'] else 'FAIL'} {r.get('message', '')}"
        for r in results))
    failed = [r for r in results if not r["ok"]]
    for r in failed:
        print(f"pos: {r['name']} ({r['url']}) failed: {r.get('message', '')}", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def cmd_sync(args: argparse.Namespace, cfg: Config) -> int:
    from pos.sync.cli import cmd_sync as run_sync
    from pos.sync.cli import cmd_sync_status

    ctx = open_database(cfg)
    if args.action == "status":
        return cmd_sync_status(args, ctx)
    store = build_commerce_store(cfg)
    if store is None:
        return fail(args, "no central store configured: start it with integrations/medusa/"
                          "medusa.sh start or set [medusa] state in the config", EXIT_NO_STORE)
    return run_sync(args, ctx, store)


def cmd_cart(args: argparse.Namespace, cfg: Config) -> int:
    """``cart show CODE``: a web cart (QR URL or id) as the central store has it (lines,
    totals, customer, codes, status: open, or bought with its order number) and what this
    store's database knows (the sale that bought it, registers holding it). Exit 0 when found,
    1 when there is no such cart, 3 when the central store cannot be reached (what this store
    knows is still shown)."""
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.services.web_carts import show

    ctx = open_database(cfg)
    store = build_commerce_store(cfg)
    report = show(SqlUnitOfWork(ctx.session_factory), store.web_carts if store else None,
                  args.code)
    data = report.to_dict()
    if report.status == "not_found":
        return fail(args, f"there is no web cart {report.cart_id}", EXIT_FAILED, **data)
    if report.cart is None:  # what this store knows is in the JSON; the text says it too
        if report.local_sale is not None and not args.json:
            print(_cart_text(data))
        return fail(args, f"the central store cannot be reached: {report.central_error}",
                    EXIT_NO_STORE, **data)
    emit(args, data, _cart_text(data))
    return EXIT_OK


def _cart_text(d: dict[str, Any]) -> str:
    from pos.money import format_kronor as kr

    status = {"open": "open", "bought_here": "bought at this store (not yet closed centrally)",
              "unknown": "unknown (the central store cannot be reached)"}.get(d["status"], "")
    if d["status"] == "bought":
        o = d["order"]
        number = f"#{o['display_id']}" if o["display_id"] is not None else (o["id"] or "?")
        status = f"bought, order {number} ({'at a till' if o['bought_at'] == 'till' else 'online'})"
    out = [f"web cart {d['cart_id']}: {status}"]
    if d["customer"]:
        c = d["customer"]
        name = " ".join(x for x in (c.get("first_name"), c.get("last_name")) if x)
        out.append(f"customer: {name + ' ' if name else ''}<{c.get('email') or c.get('id')}>")
    if d["promo_codes"]:
        out.append("codes: " + ", ".join(d["promo_codes"]))
    for ln in d["lines"]:
        off = f"  (-{kr(ln['discount'])})" if ln["discount"] else ""
        out.append(f"  {ln['quantity']:>3} x {ln['sku']:<20} {ln['name'][:30]:<30} "
                   f"{kr(ln['unit_price']):>9} {kr(ln['total']):>10}{off}")
    if d["totals"]:
        t = d["totals"]
        out.append(f"discount {kr(t['discount'])}  VAT {kr(t['tax'])}  total {kr(t['total'])} "
                   f"{t['currency']}")
    if d["local_sale"]:
        s = d["local_sale"]
        out.append(f"sold here: register {s['register']} receipt {s['receipt_no']}, "
                   f"{kr(s['total'])} kr, {s['completed_at']}")
    if d["held_by"]:
        out.append("in the sale in progress of register(s): " + ", ".join(d["held_by"]))
    if d["conflict"]:
        out.append("CONFLICT: sold here too, but bought centrally by another sale or online: "
                   "two sales of one cart, check with the customer")
    return "\n".join(out)


def cmd_orders(args: argparse.Namespace, cfg: Config) -> int:
    """``orders pickups``: this store's web orders to be collected here, with where each is."""
    from pos.money import format_kronor
    from pos.services.pickups import pickup_list

    store = build_commerce_store(cfg)
    if store is None:
        return fail(args, "no central store configured: start it with integrations/medusa/"
                          "medusa.sh start or set [medusa] state in the config", EXIT_NO_STORE)
    location = str(cfg.get("register", "location_id"))
    orders = pickup_list(store.pickups, location, include_collected=not args.open)
    rows = [{"id": o.id, "number": o.display_id, "status": o.stage.value, "paid": o.paid,
             "payment_status": o.payment_status, "customer": o.customer_name, "email": o.email,
             "total_ore": o.total, "items": o.item_count, "from_location": o.source_location,
             "ship_to_store": o.ship_to_store, "created_at": o.created_at,
             "arrived_at": o.arrived_at or None, "customer_told_at": o.notified_at or None,
             "collected_at": o.collected_at or None} for o in orders]
    emit(args, {"location": location, "orders": rows}, "\n".join(
        f"#{o.display_id:<6} {o.stage.value:<11} {'paid' if o.paid else 'UNPAID':<7}"
        f"{format_kronor(o.total):>11}  {o.item_count:>3} pcs  "
        f"{(o.source_location + ' -> ') if o.ship_to_store else ''}{o.customer_name or o.email}"
        for o in orders) or f"no pickup orders for {location}")
    return EXIT_OK


def cmd_central(args: argparse.Namespace, cfg: Config) -> int:
    """This register's own key for the central store: enroll, status, revoke, registers, forget
    (``integrations/medusa/central_cli.py``)."""
    from integrations.medusa.central_cli import run

    state = central_state_file(cfg)
    return run(args, state if state.exists() else None, cfg.register_id)


def cmd_deliveries(args: argparse.Namespace, cfg: Config) -> int:
    """The sales' deliveries (ship-to-home): order reference, where from, when, to whom, and the
    central store's order (its display number) once the outbox has sent it."""
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.queries.deliveries import recent_deliveries

    ctx = open_database(cfg)
    rows = recent_deliveries(SqlUnitOfWork(ctx.session_factory), args.limit)
    emit(args, rows, "\n".join(
        f"{r.order_ref:<16} {r.location_name:<16} {r.expected_on}  "
        f"{('#' + str(r.display_id)) if r.display_id is not None else (r.status or '-'):<8} "
        f"{r.address}" for r in rows) or "no deliveries")
    return 0


def cmd_stock(args: argparse.Namespace, cfg: Config) -> int:
    """An article's stock at every location (here, the other stores, the web warehouse): fresh
    from the central store, or the last synced figures marked not fresh (exit 3) when it cannot
    be reached."""
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.delivery import DeliveryRules
    from pos.errors import UserError
    from pos.services.stock_lookup import find_article, report_dict, stock_report

    ctx = open_database(cfg)
    uow = SqlUnitOfWork(ctx.session_factory)
    try:
        variant = find_article(uow, args.code)
    except UserError as e:
        return fail(args, str(e))
    store = build_commerce_store(cfg)
    here = str(cfg.get("register", "location_id"))
    report = stock_report(uow, store.stock if store is not None else None, variant, here,
                          DeliveryRules.from_config(cfg.data.get("delivery")))
    data = report_dict(report)
    when = _time(report.as_of) if report.as_of else "never synced"
    head = (f"{report.name} (SKU {report.sku}): "
            + (f"fresh from the central store at {when}" if report.fresh
               else f"NOT FRESH: last synced figures ({when}); {report.why_not_fresh}"))
    rows = [f"  {'*' if lv.location_id == here else ' '} {lv.location_name:<24} available "
            f"{lv.available:>5}  stocked {lv.stocked:>5}  reserved {lv.reserved:>5}"
            for lv in report.levels] or ["  no stock at any location"]
    if not report.fresh:
        data["error"] = f"not fresh: {report.why_not_fresh}"
    emit(args, data, "\n".join([head, *rows]))
    if not report.fresh:
        print(f"pos: not fresh: {report.why_not_fresh}; these are the last synced figures",
              file=sys.stderr)
        return EXIT_NO_STORE
    return 0


def common_options(top: bool = False) -> argparse.ArgumentParser:
    """--config and --json, taken before the subcommand (``top``) and after it: given after, they
    override; not given after, the value before (or the default) stands."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--config", default=None if top else argparse.SUPPRESS,
                   help="TOML config file (default: $POS_CONFIG or the platform dir)")
    p.add_argument("--json", action="store_true", default=False if top else argparse.SUPPRESS,
                   help="print JSON on stdout (errors also on stderr)")
    return p


def parser() -> argparse.ArgumentParser:
    common = common_options()
    p = argparse.ArgumentParser(prog="pos", description="omnipos point of sale",
                                parents=[common_options(top=True)])
    sub = p.add_subparsers(dest="command")

    def command(name: str, **kw: Any) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], **kw)

    for face in ("till", "backoffice", "kiosk"):
        command(face, help=f"open the {face}")
    c = command("catalog", help="find or look up articles")
    c.add_argument("action", choices=["find", "lookup"])
    c.add_argument("text")
    c.add_argument("--limit", type=int, default=20)
    s = command("sales", help="list sales")
    s.add_argument("action", choices=["list"])
    s.add_argument("--limit", type=int, default=50)
    s.add_argument("--all-registers", action="store_true")
    r = command("report", help="X report (reading), Z report (closes the day), or the sales "
                               "report of a date range (all registers)")
    r.add_argument("kind", choices=["x", "z", "sales"])
    r.add_argument("--counted", help="Z: cash counted in the drawer, in kronor")
    r.add_argument("--print", action="store_true", help="also print it on the receipt printer")
    from ui.backoffice.report_cli import add_options as sales_report_options
    sales_report_options(r)
    j = command("journal", help="verify the electronic journal")
    j.add_argument("action", choices=["verify"])
    d = command("db", help="database schema")
    d.add_argument("action", choices=["upgrade"])
    command("demo-data", help="(re)load the demo catalogue and staff")
    wc = command("cart", help="a web cart: lines, totals, customer, codes, open or bought")
    wc.add_argument("action", choices=["show"])
    wc.add_argument("code", help="the cart's id (cart_...) or its QR code's URL")
    dv = command("devices", help="check the configured devices")
    dv.add_argument("action", choices=["test", "print-test"],
                    help="test: check each device; print-test: a test receipt on the printer")
    dl = command("deliveries", help="sales sent home: order reference, status, display number")
    dl.add_argument("--limit", type=int, default=50)
    st = command("stock", help="an article's stock at every location (fresh, or last synced)")
    st.add_argument("code", help="EAN/GTIN, SKU or PLU, as a scan is resolved")
    o = command("orders", help="web orders: pickups = those to be collected in this store")
    o.add_argument("action", choices=["pickups"])
    o.add_argument("--open", action="store_true", help="leave out collected and cancelled ones")
    from pos.sync.cli import add_sync_parser
    add_sync_parser(sub, parents=[common])
    from integrations.medusa.central_cli import add_central_parser
    add_central_parser(sub, parents=[common])
    from cli.returns import add_returns_parser
    add_returns_parser(sub, parents=[common])
    return p


COMMANDS = {"catalog": cmd_catalog, "sales": cmd_sales, "report": cmd_report,
            "journal": cmd_journal, "db": cmd_db, "demo-data": cmd_demo, "devices": cmd_devices,
            "sync": cmd_sync, "central": cmd_central, "stock": cmd_stock,
            "deliveries": cmd_deliveries, "cart": cmd_cart, "orders": cmd_orders,
            "returns": lambda args, cfg: returns_cli(args, cfg)}


def returns_cli(args: argparse.Namespace, cfg: Config) -> int:
    from cli.returns import run
    return run(args, cfg)


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as e:  # argparse has told the usage on stderr (or printed --help)
        return e.code if isinstance(e.code, int) else EXIT_USAGE
    try:
        cfg = load_config(args.config)
    except ConfigError as e:
        return fail(args, f"configuration: {e}", EXIT_USAGE)
    handler = COMMANDS.get(args.command or "", cmd_app)
    from sqlalchemy.exc import OperationalError

    from pos.ports import CommerceUnavailable
    try:
        return handler(args, cfg)
    except OperationalError as e:
        return fail(args, f"the database cannot be opened or used: {e.orig or e}",
                    EXIT_NO_DATABASE)
    except CommerceUnavailable as e:
        return fail(args, f"the central store cannot be reached: {e}", EXIT_NO_STORE)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader went away (`... | head`): not an error of ours
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_FAILED)
