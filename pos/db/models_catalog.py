"""Tables of the catalogue cache: variants (with a search column) and stock per location.

Only ``pos/db`` sees these; the repository hands out ``pos.catalog.Variant`` and
``pos.stock.StockLevel``. The search indexes (FTS5 on SQLite, pg_trgm on PostgreSQL) live in the
migration, because they are dialect specific.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.base import Base


class VariantRow(Base):
    __tablename__ = "variants"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sku: Mapped[str] = mapped_column(String(64))
    ean: Mapped[str] = mapped_column(String(14), default="")  # as scanned/imported
    gtin14: Mapped[str | None] = mapped_column(String(14), nullable=True, index=True)
    name: Mapped[str] = mapped_column(String(300))
    # " word word": the name's words lower case, diacritics folded (tröja -> troja); what both
    # databases search (``pos.db.catalog_repository.search_name``)
    search_name: Mapped[str] = mapped_column(Text, default="")
    product_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    product_name: Mapped[str] = mapped_column(String(300), default="")
    size: Mapped[str] = mapped_column(String(40), default="")
    colour: Mapped[str] = mapped_column(String(40), default="")
    price_ore: Mapped[int] = mapped_column(Integer)
    vat_rate: Mapped[str] = mapped_column(String(3))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # The central store's ids for promotion rules (``CentralRefs.to_json``; "" when unknown)
    refs: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The short number on in-store price and weight labels (digits, no leading zeros; "" none)
    plu: Mapped[str] = mapped_column(String(20), default="", server_default="")
    unit: Mapped[str] = mapped_column(String(8), default="", server_default="")  # "kg": by weight
    # Net content for the shelf label's comparison price: a Decimal as text ("0.5") of "kg",
    # "l" or "st"; "" none (migration 0019)
    net_quantity: Mapped[str] = mapped_column(String(24), default="", server_default="")
    net_unit: Mapped[str] = mapped_column(String(4), default="", server_default="")
    # When the price last changed (or the variant came), and what it was before (None: new)
    price_changed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    previous_price_ore: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (
        Index("uq_variants_sku_lower", func.lower(sku), unique=True),
        Index("ix_variants_ean", ean, sqlite_where=text("gtin14 IS NULL AND ean <> ''"),
              postgresql_where=text("gtin14 IS NULL AND ean <> ''")),
        Index("ix_variants_plu", plu, sqlite_where=text("plu <> ''"),
              postgresql_where=text("plu <> ''")),
    )


class StockLevelRow(Base):
    __tablename__ = "stock_levels"
    variant_id: Mapped[str] = mapped_column(
        ForeignKey("variants.id", ondelete="CASCADE"), primary_key=True)
    location_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    location_name: Mapped[str] = mapped_column(String(100), default="")
    stocked: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)
    available: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
