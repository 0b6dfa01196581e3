"""omnipos: `python main.py [till|backoffice|kiosk]` and operator commands (`--json` for scripts).

The adapters are wired in ``wiring.py`` (the names are imported here for the scripts and tests
that use them as ``main.build_till`` ...); what the commands print and their exit codes are
``cli/output.py``'s; each flow's commands live in ``cli/``.
"""
from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from cli.omnichannel import cmd_cart, cmd_deliveries, cmd_orders, cmd_stock
from cli.output import (EXIT_FAILED, EXIT_NO_DATABASE, EXIT_NO_STORE, EXIT_OK, EXIT_USAGE,
                        emit, fail)
from pos.config import Config, ConfigError, load_config
from wiring import (_sync_interval, backoffice_context, build_commerce_store,  # noqa: F401
                    build_devices, build_till, catalog_refresher, central_state_file,
                    open_database, scanner_starter, start_outbox, till_config)


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
        stop = start_outbox(ctx, store, cfg)  # sales to the central store, e-mailed receipts
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
    return int(run_kiosk(ctx, config=cfg, language=str(cfg.get("register", "language"))) or 0)


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

    if args.kind in ("sales", "vat"):  # the back office's reports (ui/backoffice/report_cli.py)
        from ui.backoffice.report_cli import report_sales, report_vat
        ctx = open_database(cfg)
        run = report_sales if args.kind == "sales" else report_vat
        return run(args, ctx.session_factory, till_config(cfg).store, emit=emit, fail=fail,
                   language=str(cfg.get("register", "language")))
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
    if args.action == "export":  # the documented CSV (cli/journal.py, docs/journal-export.md)
        from cli.journal import export
        return export(args, ctx.session_factory, emit=emit, fail=fail,
                      store=till_config(cfg).store)
    unit = build_devices(cfg).control_unit  # its own memory, outside this database
    results = [{"register": j.register_id, "ok": j.ok, "entries": j.verification.count,
                "first_bad_seq": j.verification.first_bad_seq,
                "reason": j.verification.reason, "problems": [str(p) for p in j.problems]}
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


def cmd_central(args: argparse.Namespace, cfg: Config) -> int:
    """This register's own key for the central store: enroll, status, revoke, registers, forget
    (``integrations/medusa/central_cli.py``)."""
    from integrations.medusa.central_cli import run

    state = central_state_file(cfg)
    return run(args, state if state.exists() else None, cfg.register_id)


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
                               "report or the VAT report of a date range (all registers)")
    r.add_argument("kind", choices=["x", "z", "sales", "vat"])
    r.add_argument("--counted", help="Z: cash counted in the drawer, in kronor")
    r.add_argument("--print", action="store_true", help="also print it on the receipt printer")
    from ui.backoffice.report_cli import add_options as sales_report_options
    sales_report_options(r)
    j = command("journal", help="verify the electronic journal, or export it as CSV")
    js = j.add_subparsers(dest="action", required=True)
    js.add_parser("verify", parents=[common], help="check every register's hash chain")
    from cli.journal import add_options as journal_options
    journal_options(js.add_parser("export", parents=[common],
                                  help="write the journal as CSV (docs/journal-export.md) "
                                       "or --format skv (SKVFS 2021:16)"))
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
    st = command("stock", help="an article's stock at every location (fresh, or last synced); "
                               "'stock count FILE.csv' posts a stock count from a file")
    st.add_argument("code", help="EAN/GTIN, SKU or PLU, as a scan is resolved; or 'count'")
    st.add_argument("file", nargs="?", help="with 'count': the count file (docs/stock-count.md)")
    st.add_argument("--confirm", action="store_true",
                    help="with 'count': post differences beyond the threshold too, and with "
                         "--whole-store the articles not counted set to 0")
    st.add_argument("--whole-store", action="store_true", dest="whole_store",
                    help="with 'count': the file is a count of the whole store: every article "
                         "stocked here that it does not name is counted as 0 (listed first; "
                         "needs --confirm)")
    st.add_argument("--by", default="", help="with 'count': who posts it (journaled)")
    st.add_argument("--cancel", action="store_true",
                    help="with 'count' (no file): cancel the count open here (journaled)")
    o = command("orders", help="web orders: pickups = those to be collected in this store; "
                               "placed = ship-to-home sold here; returns = returns taken here "
                               "(each with its central status)")
    o.add_argument("action", choices=["pickups", "placed", "returns"])
    o.add_argument("--open", action="store_true", help="leave out collected and cancelled ones")
    from cli.orders import add_options as order_options
    order_options(o)
    from pos.sync.cli import add_sync_parser
    add_sync_parser(sub, parents=[common])
    from integrations.medusa.central_cli import add_central_parser
    add_central_parser(sub, parents=[common])
    from cli.returns import add_returns_parser
    add_returns_parser(sub, parents=[common])
    from cli.kiosk import add_interest_parser
    add_interest_parser(sub, parents=[common])
    from integrations.mail.cli import add_mail_parser
    add_mail_parser(sub, parents=[common])
    from cli.labels import add_labels_parser
    add_labels_parser(sub, parents=[common])
    from cli.invoices import add_invoice_parser
    add_invoice_parser(sub, parents=[common])
    return p


COMMANDS = {"catalog": cmd_catalog, "sales": cmd_sales, "report": cmd_report,
            "journal": cmd_journal, "db": cmd_db, "demo-data": cmd_demo, "devices": cmd_devices,
            "sync": cmd_sync, "central": cmd_central, "stock": cmd_stock,
            "deliveries": cmd_deliveries, "cart": cmd_cart, "orders": cmd_orders,
            "returns": lambda args, cfg: returns_cli(args, cfg),
            "interest": lambda args, cfg: interest_cli(args, cfg),
            "mail": lambda args, cfg: mail_cli(args, cfg),
            "invoice": lambda args, cfg: invoice_cli(args, cfg),
            "labels": lambda args, cfg: labels_cli(args, cfg)}


def interest_cli(args: argparse.Namespace, cfg: Config) -> int:
    from cli.kiosk import run
    return run(args, cfg)


def labels_cli(args: argparse.Namespace, cfg: Config) -> int:
    from cli.labels import run
    return run(args, cfg)


def mail_cli(args: argparse.Namespace, cfg: Config) -> int:
    from integrations.mail.cli import run
    return run(args, cfg)


def returns_cli(args: argparse.Namespace, cfg: Config) -> int:
    from cli.returns import run
    return run(args, cfg)


def invoice_cli(args: argparse.Namespace, cfg: Config) -> int:
    from cli.invoices import run
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
    except ConfigError as e:  # a setting read only when its face starts ([kiosk] ...)
        return fail(args, f"configuration: {e}", EXIT_USAGE)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader went away (`... | head`): not an error of ours
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_FAILED)
