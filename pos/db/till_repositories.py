"""Repositories for the register's tables. They take a Session and speak domain objects."""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pos.db.models_till import (CashMovementRow, JournalRow, OpenCartRow, ParkedCartRow,
                                PaymentAttemptRow, RegisterRow, SaleLineRow, SaleRow,
                                SaleTenderRow, ShiftRow, StaffRow)
from pos.journal import JournalEntry, make_entry
from pos.payments import Tender, TenderKind
from pos.sales import Sale, SaleLine, promotions_from_json
from pos.shifts import CashMovement, ShiftCounters, ShiftInfo
from pos.staff import LoginState, Role, StaffMember
from pos.vat import VatRate

# --- registers -----------------------------------------------------------------------------------


def ensure_register(s: Session, register_id: str, name: str = "") -> RegisterRow:
    row = s.get(RegisterRow, register_id)
    if row is None:
        row = RegisterRow(id=register_id, name=name or f"Kassa {register_id}", next_receipt_no=1,
                          z_count=0, grand_total=0, journal_head_seq=0,
                          journal_head_hash="0" * 64)
        s.add(row)
        s.flush()
    return row


def lock_register(s: Session, register_id: str) -> RegisterRow:
    """The register row, locked for update (PostgreSQL) so numbering never races between tills."""
    row = s.execute(select(RegisterRow).where(RegisterRow.id == register_id)
                    .with_for_update()).scalar_one()
    return row


# --- staff ---------------------------------------------------------------------------------------


def add_staff(s: Session, member: StaffMember, pin_hash: str) -> None:
    s.add(StaffRow(id=member.id, name=member.name, role=member.role.value, pin_hash=pin_hash,
                   active=True, failed_attempts=0))


def _staff(row: StaffRow) -> StaffMember:
    return StaffMember(row.id, row.name, Role(row.role))


def list_staff(s: Session) -> list[StaffMember]:
    rows = s.execute(select(StaffRow).where(StaffRow.active.is_(True))
                     .order_by(StaffRow.name)).scalars()
    return [_staff(r) for r in rows]


def staff_with_hash(s: Session, staff_id: str) -> tuple[StaffMember, str, LoginState] | None:
    row = s.get(StaffRow, staff_id)
    if row is None or not row.active:
        return None
    return _staff(row), row.pin_hash, LoginState(row.failed_attempts, row.locked_until)


def managers_with_hash(s: Session) -> list[tuple[StaffMember, str, LoginState]]:
    rows = s.execute(select(StaffRow).where(StaffRow.active.is_(True),
                                            StaffRow.role == Role.MANAGER.value)).scalars()
    return [(_staff(r), r.pin_hash, LoginState(r.failed_attempts, r.locked_until)) for r in rows]


def save_login_state(s: Session, staff_id: str, state: LoginState) -> None:
    s.execute(update(StaffRow).where(StaffRow.id == staff_id).values(
        failed_attempts=state.failed_attempts, locked_until=state.locked_until))


# --- shifts --------------------------------------------------------------------------------------


def _shift(row: ShiftRow) -> ShiftInfo:
    return ShiftInfo(row.id, row.register_id, row.opened_by, row.opened_at, row.opening_float,
                     row.closed_at, row.counted_cash)


def open_shift_row(s: Session, register_id: str) -> ShiftRow | None:
    return s.execute(select(ShiftRow).where(ShiftRow.register_id == register_id,
                                            ShiftRow.closed_at.is_(None))
                     .order_by(ShiftRow.id.desc())).scalars().first()


def current_shift(s: Session, register_id: str) -> ShiftInfo | None:
    row = open_shift_row(s, register_id)
    return _shift(row) if row else None


def create_shift(s: Session, register_id: str, by: str, at: datetime, opening_float: int) -> ShiftInfo:
    row = ShiftRow(register_id=register_id, opened_by=by, opened_at=at,
                   opening_float=opening_float, copies=0, drawer_openings=0,
                   price_overrides=0, voids=0)
    s.add(row)
    s.flush()
    return _shift(row)


def bump_counter(s: Session, shift_id: int, counter: str) -> None:
    col = getattr(ShiftRow, counter)
    s.execute(update(ShiftRow).where(ShiftRow.id == shift_id).values({col: col + 1}))


def shift_counters(s: Session, shift_id: int) -> ShiftCounters:
    row = s.get(ShiftRow, shift_id)
    assert row is not None
    return ShiftCounters(row.copies, row.drawer_openings, row.price_overrides, row.voids)


def add_movement(s: Session, shift_id: int, amount: int, reason: str, by: str, at: datetime) -> None:
    s.add(CashMovementRow(shift_id=shift_id, amount=amount, reason=reason, by=by, at=at))


def movements(s: Session, shift_id: int) -> list[CashMovement]:
    rows = s.execute(select(CashMovementRow).where(CashMovementRow.shift_id == shift_id)
                     .order_by(CashMovementRow.id)).scalars()
    return [CashMovement(r.amount, r.reason, r.by, r.at) for r in rows]


# --- sales ---------------------------------------------------------------------------------------


def add_sale(s: Session, sale: Sale) -> None:
    s.add(SaleRow(id=sale.id, register_id=sale.register_id, receipt_no=sale.receipt_no,
                  shift_id=sale.shift_id, cashier_id=sale.cashier_id,
                  cashier_name=sale.cashier_name, completed_at=sale.completed_at,
                  total=sale.total, discount=sale.discount, rounding=sale.rounding,
                  control_code=sale.control_code, customer_id=sale.customer_id,
                  customer_name=sale.customer_name, printed=False))
    s.flush()
    for i, line in enumerate(sale.lines, 1):
        s.add(SaleLineRow(sale_id=sale.id, line_no=i, variant_id=line.variant_id, sku=line.sku,
                          ean=line.ean, name=line.name, quantity=line.quantity,
                          unit_price=line.unit_price, original_price=line.original_price,
                          discount=line.discount, total=line.total,
                          vat_rate=line.vat_rate.value, promotions_json=line.promotions_json()))
    for i, t in enumerate(sale.tenders, 1):
        details = {k: v for k, v in t.to_dict().items()
                   if k not in ("kind", "amount", "received", "change")}
        s.add(SaleTenderRow(sale_id=sale.id, idx=i, kind=t.kind.value, amount=t.amount,
                            received=t.received, change=t.change,
                            details_json=json.dumps(details, ensure_ascii=False)))


def _sale(s: Session, row: SaleRow) -> Sale:
    lines = s.execute(select(SaleLineRow).where(SaleLineRow.sale_id == row.id)
                      .order_by(SaleLineRow.line_no)).scalars()
    tenders = s.execute(select(SaleTenderRow).where(SaleTenderRow.sale_id == row.id)
                        .order_by(SaleTenderRow.idx)).scalars()
    return Sale(
        id=row.id, register_id=row.register_id, receipt_no=row.receipt_no, shift_id=row.shift_id,
        cashier_id=row.cashier_id, cashier_name=row.cashier_name, completed_at=row.completed_at,
        lines=tuple(SaleLine(l.variant_id, l.sku, l.ean, l.name, l.quantity, l.unit_price,
                             l.original_price, l.discount, l.total, VatRate(l.vat_rate),
                             promotions_from_json(l.promotions_json))
                    for l in lines),
        tenders=tuple(_tender(t) for t in tenders),
        total=row.total, discount=row.discount, rounding=row.rounding,
        control_code=row.control_code, customer_id=row.customer_id,
        customer_name=row.customer_name)


def _tender(t: SaleTenderRow) -> Tender:
    d: dict[str, Any] = json.loads(t.details_json or "{}")
    return Tender(kind=TenderKind(t.kind), amount=t.amount, received=t.received, change=t.change,
                  attempt_id=d.get("attempt_id", ""), auth_code=d.get("auth_code", ""),
                  masked_pan=d.get("masked_pan", ""), brand=d.get("brand", ""),
                  terminal_ref=d.get("terminal_ref", ""),
                  receipt_lines=tuple(d.get("receipt_lines", ())))


def get_sale(s: Session, sale_id: str) -> Sale | None:
    row = s.get(SaleRow, sale_id)
    return _sale(s, row) if row else None


def sale_by_receipt(s: Session, register_id: str, receipt_no: int) -> Sale | None:
    row = s.execute(select(SaleRow).where(SaleRow.register_id == register_id,
                                          SaleRow.receipt_no == receipt_no)).scalar_one_or_none()
    return _sale(s, row) if row else None


def sales_of_shift(s: Session, shift_id: int) -> list[Sale]:
    rows = s.execute(select(SaleRow).where(SaleRow.shift_id == shift_id)
                     .order_by(SaleRow.receipt_no)).scalars().all()
    return [_sale(s, r) for r in rows]


def recent_sales(s: Session, register_id: str | None, limit: int = 50) -> list[Sale]:
    q = select(SaleRow).order_by(SaleRow.completed_at.desc(), SaleRow.receipt_no.desc())
    if register_id:
        q = q.where(SaleRow.register_id == register_id)
    return [_sale(s, r) for r in s.execute(q.limit(limit)).scalars().all()]


def mark_printed(s: Session, sale_id: str) -> None:
    s.execute(update(SaleRow).where(SaleRow.id == sale_id).values(printed=True))


def unprinted_sales(s: Session, register_id: str) -> list[str]:
    return list(s.execute(select(SaleRow.id).where(SaleRow.register_id == register_id,
                                                   SaleRow.printed.is_(False))
                          .order_by(SaleRow.receipt_no)).scalars())


# --- the sale in progress and parked sales -------------------------------------------------------


def save_open_cart(s: Session, register_id: str, cart: dict[str, Any],
                   payment: dict[str, Any] | None, at: datetime) -> None:
    row = s.get(OpenCartRow, register_id)
    cart_json = json.dumps(cart, ensure_ascii=False)
    pay_json = None if payment is None else json.dumps(payment, ensure_ascii=False)
    if row is None:
        s.add(OpenCartRow(register_id=register_id, cart_json=cart_json, payment_json=pay_json,
                          updated_at=at))
    else:
        row.cart_json, row.payment_json, row.updated_at = cart_json, pay_json, at


def load_open_cart(s: Session, register_id: str) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
    row = s.get(OpenCartRow, register_id)
    if row is None:
        return None
    return json.loads(row.cart_json), (json.loads(row.payment_json) if row.payment_json else None)


def park(s: Session, register_id: str, by: str, at: datetime, note: str, total: int,
         item_count: int, cart: dict[str, Any]) -> int:
    row = ParkedCartRow(register_id=register_id, parked_by=by, parked_at=at, note=note,
                        total=total, item_count=item_count,
                        cart_json=json.dumps(cart, ensure_ascii=False))
    s.add(row)
    s.flush()
    return row.id


def parked(s: Session, register_id: str) -> list[ParkedCartRow]:
    return list(s.execute(select(ParkedCartRow).where(ParkedCartRow.register_id == register_id)
                          .order_by(ParkedCartRow.parked_at)).scalars())


def take_parked(s: Session, parked_id: int) -> dict[str, Any] | None:
    row = s.get(ParkedCartRow, parked_id)
    if row is None:
        return None
    data: dict[str, Any] = json.loads(row.cart_json)
    s.delete(row)
    return data


# --- card payment attempts -----------------------------------------------------------------------


def add_attempt(s: Session, attempt_id: str, register_id: str, kind: str, amount: int,
                at: datetime) -> None:
    s.add(PaymentAttemptRow(id=attempt_id, register_id=register_id, kind=kind, amount=amount,
                            status="sent", result_json="{}", created_at=at, updated_at=at,
                            used=False))


def update_attempt(s: Session, attempt_id: str, status: str, result: dict[str, Any],
                   at: datetime, used: bool | None = None) -> None:
    values: dict[str, Any] = {"status": status, "result_json": json.dumps(result), "updated_at": at}
    if used is not None:
        values["used"] = used
    s.execute(update(PaymentAttemptRow).where(PaymentAttemptRow.id == attempt_id).values(values))


def unresolved_attempts(s: Session, register_id: str) -> list[PaymentAttemptRow]:
    return list(s.execute(select(PaymentAttemptRow).where(
        PaymentAttemptRow.register_id == register_id,
        PaymentAttemptRow.status.in_(("sent", "unknown")))).scalars())


def attempt(s: Session, attempt_id: str) -> PaymentAttemptRow | None:
    return s.get(PaymentAttemptRow, attempt_id)


# --- journal -------------------------------------------------------------------------------------


def _entry(r: JournalRow) -> JournalEntry:
    return JournalEntry(r.seq, r.ts, r.register_id, r.kind, r.payload_json, r.prev_hash, r.hash)


def journal_append(s: Session, register_id: str, ts: str, kind: str,
                   payload: dict[str, Any]) -> JournalEntry:
    """Append under the register's row lock; moves the head in the same transaction."""
    reg = lock_register(s, register_id)
    entry = make_entry((reg.journal_head_seq, reg.journal_head_hash), ts, register_id, kind, payload)
    s.add(JournalRow(register_id=register_id, seq=entry.seq, ts=entry.ts, kind=entry.kind,
                     payload_json=entry.payload_json, prev_hash=entry.prev_hash, hash=entry.hash))
    reg.journal_head_seq, reg.journal_head_hash = entry.seq, entry.hash
    return entry


def journal_entries(s: Session, register_id: str) -> Iterator[JournalEntry]:
    q = select(JournalRow).where(JournalRow.register_id == register_id).order_by(JournalRow.seq)
    for r in s.execute(q).scalars():
        yield _entry(r)


def journal_head(s: Session, register_id: str) -> tuple[int, str]:
    reg = s.get(RegisterRow, register_id)
    return (reg.journal_head_seq, reg.journal_head_hash) if reg else (0, "0" * 64)


def register_ids(s: Session) -> list[str]:
    return list(s.execute(select(RegisterRow.id).order_by(RegisterRow.id)).scalars())


def journal_count(s: Session, register_id: str, kind: str | None = None) -> int:
    q = select(func.count()).select_from(JournalRow).where(JournalRow.register_id == register_id)
    if kind:
        q = q.where(JournalRow.kind == kind)
    return int(s.execute(q).scalar_one())
