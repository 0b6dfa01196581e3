"""The delivery part of a sale sold ship-to-home (``pos.delivery.Delivery``): which of its lines
are sent, where, from which location, by when, and the till's order reference."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.base import Base


class SaleDeliveryRow(Base):
    __tablename__ = "sale_deliveries"
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), primary_key=True)
    order_ref: Mapped[str] = mapped_column(String(40), unique=True)
    line_nos_json: Mapped[str] = mapped_column(Text)  # [1, 3]: the sale's lines delivered
    address_json: Mapped[str] = mapped_column(Text)
    location_id: Mapped[str] = mapped_column(String(60))
    location_name: Mapped[str] = mapped_column(String(200), default="")
    shipping_fee: Mapped[int] = mapped_column(BigInteger, default=0)
    expected_on: Mapped[date] = mapped_column(Date)
    customer_id: Mapped[str | None] = mapped_column(String(60), nullable=True)
    customer_email: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
