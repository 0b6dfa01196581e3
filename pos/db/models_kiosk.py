"""Tables of the customer kiosk: the web's product information (for the product page, kept
for offline use), staff calls (shared by the kiosks, tills and back office of one store) and
product interest (what customers scanned, searched and looked at, per article and day)."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.base import Base


class KioskProductRow(Base):
    __tablename__ = "kiosk_products"
    product_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    handle: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    thumbnail: Mapped[str] = mapped_column(String(1000), default="")
    categories_json: Mapped[str] = mapped_column(Text, default="[]")  # [[id, name], ...]
    collection_id: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class StaffCallRow(Base):
    __tablename__ = "staff_calls"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    place: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    taken_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    taken_by: Mapped[str] = mapped_column(String(100), default="")


class ProductInterestRow(Base):
    __tablename__ = "product_interest"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    location_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    variant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    source: Mapped[str] = mapped_column(String(16), primary_key=True)  # scan | search | view
    count: Mapped[int] = mapped_column(Integer, default=0)
