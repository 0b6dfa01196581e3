"""The catalogue cache: variants with barcode/SKU lookups and name search, stock per location.

Name search is dialect specific. SQLite: an FTS5 table over ``variants.name`` (external content,
kept in sync by triggers) with a prefix index for 1-3 characters, tokenizer unicode61 with
``remove_diacritics 0`` so that å, ä and ö stay letters of their own. PostgreSQL: ``pg_trgm`` GIN
index on ``search_name`` (the lower-cased words of the name, written by the repository), which
serves the word-prefix ``LIKE '% word%'`` filters.

Revision ID: 0001_catalog
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_catalog"
down_revision = None
branch_labels = None
depends_on = None

# Bulk imports pause the triggers (a row in ``variants_fts_paused``, inside the importing
# transaction, so no other connection ever sees it) and index each chunk with one statement:
# FTS5 flushes its pending terms at every statement, so per-row triggers are several times slower.
SQLITE_FTS = [
    "CREATE TABLE variants_fts_paused (id INTEGER PRIMARY KEY)",
    """CREATE VIRTUAL TABLE variants_fts USING fts5(
           name, content='variants', content_rowid='rowid',
           tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')""",
    """CREATE TRIGGER variants_fts_ai AFTER INSERT ON variants
       WHEN NOT EXISTS (SELECT 1 FROM variants_fts_paused) BEGIN
           INSERT INTO variants_fts(rowid, name) VALUES (new.rowid, new.name);
       END""",
    """CREATE TRIGGER variants_fts_ad AFTER DELETE ON variants
       WHEN NOT EXISTS (SELECT 1 FROM variants_fts_paused) BEGIN
           INSERT INTO variants_fts(variants_fts, rowid, name) VALUES ('delete', old.rowid, old.name);
       END""",
    """CREATE TRIGGER variants_fts_au AFTER UPDATE OF name ON variants
       WHEN NOT EXISTS (SELECT 1 FROM variants_fts_paused) BEGIN
           INSERT INTO variants_fts(variants_fts, rowid, name) VALUES ('delete', old.rowid, old.name);
           INSERT INTO variants_fts(rowid, name) VALUES (new.rowid, new.name);
       END""",
]


def upgrade() -> None:
    op.create_table(
        "variants",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("ean", sa.String(14), nullable=False, server_default=""),
        sa.Column("gtin14", sa.String(14), nullable=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("search_name", sa.Text(), nullable=False, server_default=""),
        sa.Column("product_id", sa.String(64), nullable=False, server_default=""),
        sa.Column("product_name", sa.String(300), nullable=False, server_default=""),
        sa.Column("size", sa.String(40), nullable=False, server_default=""),
        sa.Column("colour", sa.String(40), nullable=False, server_default=""),
        sa.Column("price_ore", sa.Integer(), nullable=False),
        sa.Column("vat_rate", sa.String(3), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_variants")),
    )
    # GTINs are found through gtin14; only other codes (in-store short codes) by ean as stored.
    other_codes = sa.text("gtin14 IS NULL AND ean <> ''")
    op.create_index(op.f("ix_variants_ean"), "variants", ["ean"], sqlite_where=other_codes,
                    postgresql_where=other_codes)
    op.create_index(op.f("ix_variants_gtin14"), "variants", ["gtin14"])
    op.create_index(op.f("ix_variants_product_id"), "variants", ["product_id"])
    # One index serves both: SKUs are unique regardless of case, and looked up in any case.
    op.create_index("uq_variants_sku_lower", "variants", [sa.text("lower(sku)")], unique=True)

    op.create_table(
        "stock_levels",
        sa.Column("variant_id", sa.String(64), nullable=False),
        sa.Column("location_id", sa.String(64), nullable=False),
        sa.Column("location_name", sa.String(100), nullable=False, server_default=""),
        sa.Column("stocked", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("reserved", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("available", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("variant_id", "location_id", name=op.f("pk_stock_levels")),
        sa.ForeignKeyConstraint(["variant_id"], ["variants.id"], ondelete="CASCADE",
                                name=op.f("fk_stock_levels_variant_id_variants")),
    )

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_variants_search_trgm ON variants "
                   "USING gin (search_name gin_trgm_ops)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("variants_fts_au", "variants_fts_ad", "variants_fts_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS variants_fts")
        op.execute("DROP TABLE IF EXISTS variants_fts_paused")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_variants_search_trgm")
    op.drop_table("stock_levels")
    op.drop_table("variants")
