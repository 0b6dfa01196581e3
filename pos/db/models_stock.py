"""Tables of stock counts (``pos.stock_count``): a count and its lines, saved as they go."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.base import Base


class StockCountRow(Base):
    __tablename__ = "stock_counts"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    location_id: Mapped[str] = mapped_column(String(64))
    scope_kind: Mapped[str] = mapped_column(String(16), default="all")
    scope_value: Mapped[str] = mapped_column(Text, default="")
    scope_label: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    started_by: Mapped[str] = mapped_column(String(100), default="")
    posted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    posted_by: Mapped[str] = mapped_column(String(100), default="")


class StockCountLineRow(Base):
    __tablename__ = "stock_count_lines"
    count_id: Mapped[str] = mapped_column(String(40), ForeignKey("stock_counts.id", ondelete="CASCADE"),
                                          primary_key=True)
    variant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sku: Mapped[str] = mapped_column(String(64))
    ean: Mapped[str] = mapped_column(String(32), default="")
    name: Mapped[str] = mapped_column(String(300), default="")
    expected: Mapped[int] = mapped_column(Integer)
    expected_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    expected_fresh: Mapped[bool] = mapped_column(Boolean, default=False)
    counted: Mapped[int] = mapped_column(Integer, default=0)
    unit_value: Mapped[int] = mapped_column(BigInteger, default=0)
    value_basis: Mapped[str] = mapped_column(String(8), default="price")
    seq: Mapped[int] = mapped_column(Integer, default=0)  # the order first counted in
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
