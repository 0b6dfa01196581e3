"""Tables of the register: staff, shifts, sales, the sale in progress, card attempts, the journal.

Mapped with typed declarative models; repositories turn rows into domain objects, so nothing above
``pos/db`` ever sees these classes.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (BigInteger, Boolean, DateTime, ForeignKey, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.base import Base


class RegisterRow(Base):
    """One till. Holds the counters that must never skip or repeat."""

    __tablename__ = "registers"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    next_receipt_no: Mapped[int] = mapped_column(Integer, default=1)
    z_count: Mapped[int] = mapped_column(Integer, default=0)
    grand_total: Mapped[int] = mapped_column(BigInteger, default=0)
    journal_head_seq: Mapped[int] = mapped_column(Integer, default=0)
    journal_head_hash: Mapped[str] = mapped_column(String(64), default="0" * 64)


class StaffRow(Base):
    __tablename__ = "staff"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # percent as text ("12.5"), exact on both databases; None: the store's default (0020)
    discount_limit: Mapped[str | None] = mapped_column(String(12), nullable=True)


class StoreSettingRow(Base):
    """The store's settings a manager edits in the back office (migration 0020): one row a
    key, the value as text (``cashier_discount_limit``: a percent, "10")."""
    __tablename__ = "store_settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class ShiftRow(Base):
    __tablename__ = "shifts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"), index=True)
    opened_by: Mapped[str] = mapped_column(String(40))
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    opening_float: Mapped[int] = mapped_column(BigInteger)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    counted_cash: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    z_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    copies: Mapped[int] = mapped_column(Integer, default=0)
    drawer_openings: Mapped[int] = mapped_column(Integer, default=0)
    price_overrides: Mapped[int] = mapped_column(Integer, default=0)
    voids: Mapped[int] = mapped_column(Integer, default=0)


class CashMovementRow(Base):
    __tablename__ = "cash_movements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(200))
    by: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(DateTime)


class SaleRow(Base):
    __tablename__ = "sales"
    __table_args__ = (UniqueConstraint("register_id", "receipt_no"),)
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"))
    receipt_no: Mapped[int] = mapped_column(Integer)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    cashier_id: Mapped[str] = mapped_column(String(40))
    cashier_name: Mapped[str] = mapped_column(String(100))
    completed_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    total: Mapped[int] = mapped_column(BigInteger)
    discount: Mapped[int] = mapped_column(BigInteger, default=0)
    rounding: Mapped[int] = mapped_column(Integer, default=0)
    control_code: Mapped[str] = mapped_column(String(100), default="")
    customer_id: Mapped[str | None] = mapped_column(String(60), nullable=True)
    customer_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    printed: Mapped[bool] = mapped_column(Boolean, default=False)
    copies: Mapped[int] = mapped_column(Integer, default=0)  # KOPIA printed (one allowed)
    web_cart_id: Mapped[str | None] = mapped_column(String(60), nullable=True, index=True)


class SaleLineRow(Base):
    __tablename__ = "sale_lines"
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    variant_id: Mapped[str] = mapped_column(String(60))
    sku: Mapped[str] = mapped_column(String(60))
    ean: Mapped[str] = mapped_column(String(20), default="")
    name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(BigInteger)
    original_price: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    discount: Mapped[int] = mapped_column(BigInteger, default=0)
    total: Mapped[int] = mapped_column(BigInteger)
    vat_rate: Mapped[str] = mapped_column(String(4))
    # [[code, promotion id, öre], ...]: the promotions inside ``discount`` ("" when none)
    promotions_json: Mapped[str] = mapped_column(Text, default="", server_default="")
    # a weighed line: its weight in whole grams (``unit_price`` is per kg); None otherwise
    weight_g: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # a line of a web order paid here (its goods are that order's in the central store)
    order_id: Mapped[str | None] = mapped_column(String(60), nullable=True)
    order_no: Mapped[str | None] = mapped_column(String(20), nullable=True)
    # A return line: what it gives back (pos.returns.ReturnOf as JSON) and the purchase's code
    # (a receipt code or a web order's number), to find earlier returns of a purchase
    return_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    return_code: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)


class SaleTenderRow(Base):
    __tablename__ = "sale_tenders"
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), primary_key=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    change: Mapped[int] = mapped_column(BigInteger, default=0)
    details_json: Mapped[str] = mapped_column(Text, default="{}")


class OpenCartRow(Base):
    """The sale in progress, saved after every change so a crash loses nothing."""

    __tablename__ = "open_carts"
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"), primary_key=True)
    cart_json: Mapped[str] = mapped_column(Text)
    payment_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # the web cart the sale in progress continues (also in cart_json): which register holds it
    web_cart_id: Mapped[str | None] = mapped_column(String(60), nullable=True, index=True)


class ParkedCartRow(Base):
    __tablename__ = "parked_carts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"), index=True)
    parked_by: Mapped[str] = mapped_column(String(40))
    parked_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(String(200), default="")
    total: Mapped[int] = mapped_column(BigInteger)
    item_count: Mapped[int] = mapped_column(Integer)
    cart_json: Mapped[str] = mapped_column(Text)


class PaymentAttemptRow(Base):
    """A payment through a provider (a card terminal ...), written before the provider is asked
    and updated with its result."""

    __tablename__ = "payment_attempts"
    # "K1-<hex>", and "~<account>" for a gift card or store credit (0015)
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # purchase | refund
    method: Mapped[str] = mapped_column(String(40), default="card")  # the payment method's id
    amount: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(20), index=True)  # sent | approved | declined | ...
    result_json: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    used: Mapped[bool] = mapped_column(Boolean, default=False)  # applied to the open payment


class JournalRow(Base):
    """Append-only: the till never updates or deletes a row (see pos.journal for the chain)."""

    __tablename__ = "journal"
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    ts: Mapped[str] = mapped_column(String(40), index=True)  # the back office's ranges
    kind: Mapped[str] = mapped_column(String(40), index=True)
    payload_json: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
