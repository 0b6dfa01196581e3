"""The back office's named operations: each runs a query or a use case on a worker lane
(``ui.lanes.Lanes``) and hands its result to ``on_done`` on the GUI thread.

Lanes: ``register`` is the back office's database lane (queries and changes, one at a time);
``network`` waits on the central store (its reachability); ``printer`` does long local work
(exports), so an export never holds up the pages' figures.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from pos.queries import dashboard as dashboard_queries
from pos.queries import outbox as outbox_queries
from pos.queries import report_history
from pos.services import backoffice as bo
from pos.services.staff import active_staff
from pos.staff import Role
from ui.backoffice.context import BackofficeContext
from ui.lanes import Lanes
from ui.ops import Operation

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None] | None


def staff(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done,
          on_error: Failed = None) -> Operation:
    return lanes.register.run(lambda: active_staff(ctx.uow()), on_done, on_error, label="staff")


def login(lanes: Lanes, ctx: BackofficeContext, staff_id: str, pin: str, *, on_done: Done,
          on_error: Failed = None) -> Operation:
    def run() -> Any:
        return bo.manager_login(ctx.uow(), ctx.now(), staff_id, pin)
    return lanes.register.run(run, on_done, on_error, label="login")


def logout(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done | None = None) -> Operation:
    user = ctx.require_user()
    return lanes.register.run(lambda: bo.logout(ctx.uow(), ctx.now(), user), on_done,
                              label="logout")


def dashboard(lanes: Lanes, ctx: BackofficeContext, first: date, last: date, *, on_done: Done,
              on_error: Failed = None) -> Operation:
    return lanes.register.run(lambda: dashboard_queries.dashboard(ctx.uow(), first, last),
                              on_done, on_error, label="dashboard")


def report_history_rows(lanes: Lanes, ctx: BackofficeContext, register_id: str | None, *,
                        on_done: Done, on_error: Failed = None) -> Operation:
    return lanes.register.run(lambda: report_history.report_history(ctx.uow(), register_id),
                              on_done, on_error, label="report history")


def report_text(lanes: Lanes, ctx: BackofficeContext, entry: report_history.ReportEntry, *,
                on_done: Done, on_error: Failed = None) -> Operation:
    def run() -> Any:
        return report_history.report_again(ctx.uow(), entry, ctx.store)
    return lanes.register.run(run, on_done, on_error, label="report")


def export_sales_report(lanes: Lanes, ctx: BackofficeContext, first: date, last: date,
                        path: Path, kind: str, *, on_done: Done,
                        on_error: Failed = None) -> Operation:
    """The sales report of ``first``..``last`` written to ``path`` as "csv" or "pdf", on the
    export lane (its own unit of work); ``on_done(path)``."""
    from ui.backoffice import sales_report_files

    def run() -> Any:
        return sales_report_files.write(ctx.uow(), ctx.store, first, last, path, kind)
    return lanes.printer.run(run, on_done, on_error, label=f"export {kind}")


def vat_report(lanes: Lanes, ctx: BackofficeContext, first: date, last: date, *,
               on_done: Done, on_error: Failed = None) -> Operation:
    """The VAT report of ``first``..``last`` (``pos.queries.vat_report``)."""
    from pos.queries import vat_report as vat_queries
    return lanes.register.run(lambda: vat_queries.vat_report(ctx.uow(), first, last), on_done,
                              on_error, label="VAT report")


def export_vat_report(lanes: Lanes, ctx: BackofficeContext, first: date, last: date,
                      path: Path, kind: str, *, on_done: Done,
                      on_error: Failed = None) -> Operation:
    """The VAT report written to ``path`` as "csv" or "pdf" on the export lane."""
    from ui.backoffice import vat_report_files

    def run() -> Any:
        return vat_report_files.write(ctx.uow(), ctx.store, first, last, path, kind)
    return lanes.printer.run(run, on_done, on_error, label=f"export VAT {kind}")


def reprint_report(lanes: Lanes, ctx: BackofficeContext, entry: report_history.ReportEntry, *,
                   on_done: Done, on_error: Failed = None) -> Operation:
    """The report ``entry`` printed again as a copy (KOPIA), on the printer's lane;
    ``on_done(PrintOutcome)``."""
    from pos.services import backoffice_prints as prints
    user = ctx.require_user()

    def run() -> Any:
        return prints.reprint_report(ctx.uow(), _printer(ctx), ctx.store, ctx.now(), user, entry)
    return lanes.printer.run(run, on_done, on_error, label="reprint report")


def find_receipt(lanes: Lanes, ctx: BackofficeContext, code: str, *, on_done: Done,
                 on_error: Failed = None) -> Operation:
    """``on_done((sale, its receipt as text))`` for a receipt's barcode or "K1 12"."""
    from pos.services import backoffice_prints as prints

    def run() -> Any:
        uow = ctx.uow()
        sale = prints.find_receipt(uow, code)
        return sale, prints.receipt_text(uow, ctx.store, ctx.control_unit_serial, sale)
    return lanes.register.run(run, on_done, on_error, label="find receipt")


def reprint_receipt(lanes: Lanes, ctx: BackofficeContext, sale_id: str, *, on_done: Done,
                    on_error: Failed = None) -> Operation:
    """The receipt's one copy by the till's rule, on the printer's lane;
    ``on_done(PrintOutcome)``."""
    from pos.services import backoffice_prints as prints
    user = ctx.require_user()

    def run() -> Any:
        return prints.reprint_receipt(ctx.uow(), _printer(ctx), ctx.store,
                                      ctx.control_unit_serial, ctx.now(), user, sale_id)
    return lanes.printer.run(run, on_done, on_error, label="reprint receipt")


def _printer(ctx: BackofficeContext) -> Any:
    from pos.services.backoffice_prints import NoPrinterHere
    if ctx.printer is None:
        raise NoPrinterHere("backoffice.no_printer")
    return ctx.printer()


def journal_choices(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done,
                    on_error: Failed = None) -> Operation:
    from pos.queries import journal_browse
    return lanes.register.run(lambda: journal_browse.choices(ctx.uow()), on_done, on_error,
                              label="journal choices")


def journal_page(lanes: Lanes, ctx: BackofficeContext, f: Any, page: int, *, on_done: Done,
                 on_error: Failed = None) -> Operation:
    """A page of the journal (``pos.queries.journal_browse.journal_page``)."""
    from pos.queries import journal_browse
    return lanes.register.run(lambda: journal_browse.journal_page(ctx.uow(), f, page), on_done,
                              on_error, label="journal page")


def verify_journal(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done,
                   on_error: Failed = None) -> Operation:
    """Every register's journal verified (``pos.queries.journal.verify_journals``, the
    journal's own check; seconds at 100 000 entries), on the export lane."""
    from pos.queries.journal import verify_journals
    return lanes.printer.run(lambda: verify_journals(ctx.uow()), on_done, on_error,
                             label="verify journal")


def export_journal(lanes: Lanes, ctx: BackofficeContext, path: Path, first: date | None,
                   last: date | None, register_id: str | None, *, on_done: Done,
                   on_error: Failed = None) -> Operation:
    """The journal written as CSV (``docs/journal-export.md``); ``on_done((path, entries))``."""
    from pos.queries import journal_browse

    def run() -> Any:
        return path, journal_browse.write_csv(ctx.uow(), path, first, last, register_id)
    return lanes.printer.run(run, on_done, on_error, label="export journal")


def registers_devices(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done,
                      on_error: Failed = None) -> Operation:
    """Every register with its devices (``pos.register_devices``)."""
    from pos.register_devices import register_devices

    def run() -> Any:
        uow = ctx.uow()
        with uow:
            ids = uow.registers.ids()
        return register_devices(ids, ctx.own_register, ctx.own_devices, ctx.other_devices)
    return lanes.register.run(run, on_done, on_error, label="registers' devices")


def check_register_devices(lanes: Lanes, ctx: BackofficeContext, devices: Any, *,
                           on_done: Done, on_error: Failed = None) -> Operation:
    """``main.py devices test``'s checks (``hardware.diagnostics.check_devices``) of one
    register's devices: printer, terminal status, scanner, display; seconds at most each."""
    from hardware.diagnostics import check_devices
    return lanes.printer.run(lambda: check_devices(dict(devices.devices)), on_done, on_error,
                             label="check devices")


def _register_printer(devices: Any) -> Any:
    from hardware.printers.factory import make_printer
    from pos.register_devices import RegisterDevices
    d: RegisterDevices = devices
    from pos.errors import UserError
    kw = {k: d.devices[k] for k in ("printer_profile", "paper_width_mm") if k in d.devices}
    try:
        width = int(kw.get("paper_width_mm", 80))
    except (TypeError, ValueError):  # said as the check says it, in the manager's language
        raise UserError("diag.bad_width", value=str(kw.get("paper_width_mm"))) from None
    return make_printer(str(d.url("printer") or "preview"),
                        profile=str(kw.get("printer_profile", "TM-T20II")), width_mm=width)


def test_print(lanes: Lanes, ctx: BackofficeContext, devices: Any, *, on_done: Done,
               on_error: Failed = None) -> Operation:
    """The test receipt on the register's printer; ``on_done(PrintOutcome)``."""
    from pos.services import backoffice_prints as prints

    def run() -> Any:
        return prints.test_print(ctx.uow(), _register_printer(devices), ctx.store,
                                 devices.register_id, ctx.now())
    return lanes.printer.run(run, on_done, on_error, label="test print")


def open_drawer(lanes: Lanes, ctx: BackofficeContext, devices: Any, *, on_done: Done,
                on_error: Failed = None) -> Operation:
    """The register's drawer kicked, journaled as a drawer opening by the manager."""
    from pos.services import backoffice_prints as prints
    user = ctx.require_user()

    def run() -> Any:
        return prints.open_drawer(ctx.uow(), _register_printer(devices), ctx.store, ctx.now(),
                                  user, devices.register_id)
    return lanes.printer.run(run, on_done, on_error, label="open drawer")


def campaigns(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done,
              on_error: Failed = None) -> Operation:
    """The synced promotions split by their dates (``pos.queries.campaigns``)."""
    from pos.queries import campaigns as campaign_queries
    return lanes.register.run(lambda: campaign_queries.campaigns(ctx.uow(), _utc_now()),
                              on_done, on_error, label="campaigns")


def till_prices(lanes: Lanes, ctx: BackofficeContext, text: str, *, on_done: Done,
                on_error: Failed = None) -> Operation:
    from pos.queries import campaigns as campaign_queries
    return lanes.register.run(
        lambda: campaign_queries.till_prices(ctx.uow(), text, _utc_now()), on_done, on_error,
        label="till prices")


def _utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def staff_records(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done,
                  on_error: Failed = None) -> Operation:
    return lanes.register.run(lambda: bo.staff_records(ctx.uow()), on_done, on_error,
                              label="staff records")


def add_staff(lanes: Lanes, ctx: BackofficeContext, staff_id: str, name: str, role: Role,
              pin: str, *, on_done: Done, on_error: Failed = None) -> Operation:
    user = ctx.require_user()
    return lanes.register.run(
        lambda: bo.add_staff(ctx.uow(), ctx.now(), user, staff_id, name, role, pin), on_done,
        on_error, label="add staff")


def change_staff(lanes: Lanes, ctx: BackofficeContext, staff_id: str, *, on_done: Done,
                 on_error: Failed = None, **changes: Any) -> Operation:
    user = ctx.require_user()
    return lanes.register.run(
        lambda: bo.change_staff(ctx.uow(), ctx.now(), user, staff_id, **changes), on_done,
        on_error, label="change staff")


def discount_limits(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done,
                    on_error: Failed = None) -> Operation:
    """(staff records, the store's default discount limit or None) for the Staff page."""
    def run() -> Any:
        uow = ctx.uow()
        return bo.staff_records(uow), bo.default_discount_limit(uow)
    return lanes.register.run(run, on_done, on_error, label="staff records")


def set_discount_limit(lanes: Lanes, ctx: BackofficeContext, staff_id: str,
                       limit: Decimal | None, *, on_done: Done,
                       on_error: Failed = None) -> Operation:
    user = ctx.require_user()
    return lanes.register.run(
        lambda: bo.set_discount_limit(ctx.uow(), ctx.now(), user, staff_id, limit), on_done,
        on_error, label="set discount limit")


def set_default_discount_limit(lanes: Lanes, ctx: BackofficeContext, limit: Decimal | None, *,
                               on_done: Done, on_error: Failed = None) -> Operation:
    user = ctx.require_user()
    return lanes.register.run(
        lambda: bo.set_default_discount_limit(ctx.uow(), ctx.now(), user, limit), on_done,
        on_error, label="set default discount limit")


def reset_pin(lanes: Lanes, ctx: BackofficeContext, staff_id: str, pin: str, *, on_done: Done,
              on_error: Failed = None) -> Operation:
    user = ctx.require_user()
    return lanes.register.run(lambda: bo.reset_pin(ctx.uow(), ctx.now(), user, staff_id, pin),
                              on_done, on_error, label="reset PIN")


def lift_lockout(lanes: Lanes, ctx: BackofficeContext, staff_id: str, *, on_done: Done,
                 on_error: Failed = None) -> Operation:
    user = ctx.require_user()
    return lanes.register.run(lambda: bo.lift_lockout(ctx.uow(), ctx.now(), user, staff_id),
                              on_done, on_error, label="lift lockout")


def outbox(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done,
           on_error: Failed = None) -> Operation:
    def run() -> Any:
        uow = ctx.uow()
        return (outbox_queries.outbox_messages(uow), outbox_queries.outbox_status(uow),
                catalog_sync_state(ctx))
    return lanes.register.run(run, on_done, on_error, label="outbox")


def retry_dead(lanes: Lanes, ctx: BackofficeContext, key: str, *, on_done: Done,
               on_error: Failed = None) -> Operation:
    user = ctx.require_user()

    def run() -> Any:
        return bo.retry_dead_message(ctx.uow(), ctx.now(), user, key,
                                     datetime.now(timezone.utc).replace(tzinfo=None))
    return lanes.register.run(run, on_done, on_error, label="retry")


def catalog_sync_state(ctx: BackofficeContext) -> dict[str, tuple[str, datetime]]:
    """The sync's bookkeeping (``sync_state``: last catalogue, stock and promotion syncs and
    their errors), read on the calling worker."""
    uow = ctx.uow()
    with uow:
        return uow.sync_state.all()


def ping(lanes: Lanes, ctx: BackofficeContext, *, on_done: Done,
         on_error: Failed = None) -> Operation:
    """Is the central store reachable? ``on_done((ok, detail, seconds))``; on the network lane,
    never the database's or the GUI's."""
    import time

    def run() -> Any:
        if ctx.central is None:
            return (None, "", 0.0)
        started = time.monotonic()
        try:
            store = ctx.central()
            if store is None:
                return (None, "", 0.0)
            ok = bool(store.ping())  # one try; never raises
        except Exception as e:  # noqa: BLE001 - building it failed: not reachable, shown as is
            return (False, str(e), time.monotonic() - started)
        return (ok, "", time.monotonic() - started)
    return lanes.network.run(run, on_done, on_error, label="ping")
