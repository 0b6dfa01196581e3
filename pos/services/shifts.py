"""Shifts: opened with a float, cash moved in and out with a reason, read with an X report,
closed with a Z report and the counted cash (as Odoo's pos.session: opened, closing, closed).

The X and Z reports and cash movements need a staff member (``by``) but not a register's state:
the command line and the back office take them as the till does.
"""
from __future__ import annotations

from datetime import datetime

from dataclasses import replace

from pos.cart import ApprovalRequired
from pos.cash_count import CashCount
from pos.errors import messages
from pos.journal import Kind
from pos.money import format_kronor
from pos.queries.reports import report_payload, shift_report
from pos.receipt import ReceiptDocument
from pos.receipt_layout import StoreInfo, report_document
from pos.services import staff
from pos.services.context import RegisterContext
from pos.services.unit_of_work import UnitOfWork
from pos.shifts import Report, ShiftError, ShiftInfo

MESSAGES = messages({
    "approval.cash_variance": "The drawer is {variance} kr off (more than {limit} kr): a manager "
                              "must accept it",
})


def current_shift(ctx: RegisterContext) -> ShiftInfo | None:
    with ctx.uow:
        return ctx.uow.shifts.current(ctx.register_id)


def open_shift(ctx: RegisterContext, opening_float: int) -> ShiftInfo:
    """A new shift with ``opening_float`` öre in the drawer (journaled)."""
    user = ctx.state.require_cashier()
    if opening_float < 0:
        raise ShiftError("shift.negative_float")
    with ctx.uow:
        if ctx.uow.shifts.current(ctx.register_id):
            raise ShiftError("shift.already_open")
        shift = ctx.uow.shifts.create(ctx.register_id, user.id, ctx.now(), opening_float)
        ctx.journal(Kind.SHIFT_OPEN, {"shift": shift.id, "float": opening_float})
        ctx.uow.commit()
    return shift


def record_cash_movement(ctx: RegisterContext, amount: int, reason: str) -> None:
    """Cash in (positive öre) or out (negative) of the drawer, with a reason (journaled). The
    drawer is opened by the caller through ``pos.services.drawer``, on the printer's lane."""
    user = ctx.state.require_cashier()
    if amount == 0:
        raise ShiftError("shift.enter_amount")
    if not reason.strip():
        raise ShiftError("shift.movement_reason")
    with ctx.uow:
        shift = ctx.require_shift()
        if amount < 0:  # no more out than the drawer holds
            in_drawer = shift_report(ctx.uow, "X", shift, ctx.now()).expected_cash
            if -amount > in_drawer:
                raise ShiftError("shift.cash_out_exceeds", amount=format_kronor(-amount),
                                 available=format_kronor(in_drawer))
        ctx.uow.shifts.add_movement(shift.id, amount, reason.strip(), user.id, ctx.now())
        ctx.journal(Kind.CASH_IN if amount > 0 else Kind.CASH_OUT,
                    {"shift": shift.id, "amount": amount, "reason": reason.strip()})
        ctx.uow.commit()


def take_x_report(uow: UnitOfWork, register_id: str, store: StoreInfo, now: datetime,
                  by: str) -> tuple[Report, ReceiptDocument]:
    """The X report of the register's open shift (a reading that closes nothing), journaled as
    taken by ``by``. ``ShiftError`` when no shift is open."""
    with uow:
        shift = uow.shifts.current(register_id)
        if shift is None:
            raise ShiftError("shift.open_first")
        report = shift_report(uow, "X", shift, now)
        uow.journal.record(register_id, now, Kind.X_REPORT, report_payload(report), by)
        uow.commit()
    return report, report_document(report, store)


def close_shift(uow: UnitOfWork, register_id: str, store: StoreInfo, now: datetime, by: str,
                counted_cash: int, *, count: CashCount | None = None,
                variance_limit: int | None = None,
                approved_by: str | None = None) -> tuple[Report, ReceiptDocument]:
    """Z report: closes the shift and the day with the counted cash (öre; or ``count``, the
    drawer counted note by note) and its variance, under the next Z number (journaled).

    Refused while the register has a sale in progress (as saved in the database: the till, the
    command line and the back office see the same). A variance above ``variance_limit`` öre
    either way needs a manager (``approved_by``): ``ApprovalRequired`` until one accepts it.
    Sales parked on the register stay parked; the report says how many."""
    if count is not None:
        counted_cash = count.total
    if counted_cash < 0:
        raise ShiftError("shift.negative_count")
    with uow:
        saved = uow.carts.load_open(register_id)
        if saved is not None and saved[0].get("lines"):
            raise ShiftError("shift.sale_in_progress")
        shift = uow.shifts.current(register_id)
        if shift is None:
            raise ShiftError("shift.open_first")
        reg = uow.registers.lock(register_id)
        reg.z_count += 1
        report = shift_report(uow, "Z", shift, now, z_number=reg.z_count, counted=counted_cash)
        variance = report.variance or 0
        if variance_limit is not None and abs(variance) > variance_limit and not approved_by:
            raise ApprovalRequired("approval.cash_variance", "cash_variance",
                                   variance=format_kronor(variance),
                                   limit=format_kronor(variance_limit))
        report = replace(report, cash_count=count.pieces if count else (),
                         variance_approved_by=approved_by if approved_by and abs(variance) >
                         (variance_limit or 0) else None)
        uow.shifts.close(shift.id, by, now, counted_cash, reg.z_count)
        uow.journal.record(register_id, now, Kind.Z_REPORT, report_payload(report), by)
        uow.commit()
    return report, report_document(report, store)


def x_report(ctx: RegisterContext) -> tuple[Report, ReceiptDocument]:
    """The register's X report, taken by the cashier."""
    user = ctx.state.require_cashier()
    return take_x_report(ctx.uow, ctx.register_id, ctx.config.store, ctx.now(), user.id)


def close(ctx: RegisterContext, counted_cash: int, count: CashCount | None = None,
          approver_pin: str | None = None) -> tuple[Report, ReceiptDocument]:
    """The register's Z report, closed by the cashier; a variance above the register's limit is
    accepted by a manager (the cashier if they are one, else ``approver_pin``)."""
    user = ctx.state.require_cashier()
    approved_by = staff.approver(ctx, approver_pin)
    return close_shift(ctx.uow, ctx.register_id, ctx.config.store, ctx.now(), user.id,
                       counted_cash, count=count, variance_limit=ctx.config.cash_variance_limit,
                       approved_by=approved_by)
