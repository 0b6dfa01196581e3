"""Invoices issued at the till (``pos.invoices.Invoice``) and the store's invoice number series."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.base import Base


class InvoiceSeriesRow(Base):
    """One series' next number: locked while a number is taken, so two tills on one
    PostgreSQL never take the same one and none is skipped."""

    __tablename__ = "invoice_series"
    series: Mapped[str] = mapped_column(String(3), primary_key=True)
    next_no: Mapped[int] = mapped_column(Integer)


class InvoiceRow(Base):
    __tablename__ = "invoices"
    number: Mapped[str] = mapped_column(String(20), primary_key=True)
    ocr: Mapped[str] = mapped_column(String(25), unique=True)
    customer_id: Mapped[str] = mapped_column(String(60), index=True)
    sale_id: Mapped[str] = mapped_column(String(40), default="", index=True)
    register_id: Mapped[str] = mapped_column(String(20), default="")
    receipt_no: Mapped[int] = mapped_column(Integer, default=0)
    order_id: Mapped[str] = mapped_column(String(60), default="")
    buyer_json: Mapped[str] = mapped_column(Text)
    seller_json: Mapped[str] = mapped_column(Text)
    lines_json: Mapped[str] = mapped_column(Text)
    total: Mapped[int] = mapped_column(BigInteger)
    issued_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    amount_paid: Mapped[int] = mapped_column(BigInteger, default=0)
    paid_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # the sale that paid it at a till ("" while unpaid or paid elsewhere)
    paid_by_sale: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
