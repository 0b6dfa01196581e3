"""Articles sold by weight and found by their label's short number; a name search that ignores
diacritics; UPC-E barcodes found as the UPC-A they stand for.

- ``variants.plu`` (the article part of the store's price and weight labels, digits without
  leading zeros, indexed where set) and ``variants.unit`` ("kg": sold by weight, the price is
  per kg).
- ``sale_lines.weight_g``: a weighed line's weight in whole grams (its unit price is per kg).
- ``variants.search_name`` is written again for every row with the name's words folded
  (``pos.db.catalog_repository.search_name``: lower case, diacritics removed, "tröja" ->
  "troja"); typed searches are folded the same way. SQLite's FTS5 table now indexes
  ``search_name`` instead of ``name`` (dropped, made again and rebuilt, with its triggers);
  PostgreSQL's pg_trgm index is on ``search_name`` already.
- ``variants.gtin14`` of an 8-digit barcode that is a UPC-E is its UPC-A's.

Revision ID: 0009_weighed_articles
Revises: 0008_receipt_copies
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_weighed_articles"
down_revision = "0008_receipt_copies"
branch_labels = None
depends_on = None

BATCH = 5000

_FTS_TRIGGERS = ("variants_fts_ai", "variants_fts_ad", "variants_fts_au")


def _fts(column: str) -> list[str]:
    """The FTS5 table over ``column`` of ``variants`` and its triggers (paused during bulk
    imports, see 0001_catalog)."""
    return [
        f"""CREATE VIRTUAL TABLE variants_fts USING fts5(
               {column}, content='variants', content_rowid='rowid',
               tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')""",
        f"""CREATE TRIGGER variants_fts_ai AFTER INSERT ON variants
           WHEN NOT EXISTS (SELECT 1 FROM variants_fts_paused) BEGIN
               INSERT INTO variants_fts(rowid, {column}) VALUES (new.rowid, new.{column});
           END""",
        f"""CREATE TRIGGER variants_fts_ad AFTER DELETE ON variants
           WHEN NOT EXISTS (SELECT 1 FROM variants_fts_paused) BEGIN
               INSERT INTO variants_fts(variants_fts, rowid, {column})
               VALUES ('delete', old.rowid, old.{column});
           END""",
        f"""CREATE TRIGGER variants_fts_au AFTER UPDATE OF {column} ON variants
           WHEN NOT EXISTS (SELECT 1 FROM variants_fts_paused) BEGIN
               INSERT INTO variants_fts(variants_fts, rowid, {column})
               VALUES ('delete', old.rowid, old.{column});
               INSERT INTO variants_fts(rowid, {column}) VALUES (new.rowid, new.{column});
           END""",
    ]


def _drop_fts() -> None:
    for name in _FTS_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS variants_fts")


def _rewrite_rows() -> None:
    """search_name folded, and gtin14 of UPC-E barcodes, for every variant, in batches."""
    from pos.db.catalog_repository import gtin14_of, search_name

    conn = op.get_bind()
    last = ""
    while True:
        rows = conn.execute(sa.text(
            "SELECT id, name, ean, gtin14 FROM variants WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": BATCH}).all()
        if not rows:
            return
        conn.execute(sa.text("UPDATE variants SET search_name = :s, gtin14 = :g WHERE id = :i"),
                     [{"i": r.id, "s": search_name(r.name),
                       "g": gtin14_of(r.ean) if len(r.ean.strip()) == 8 else r.gtin14}
                      for r in rows])
        last = rows[-1].id


def upgrade() -> None:
    op.add_column("variants", sa.Column("plu", sa.String(20), nullable=False, server_default=""))
    op.add_column("variants", sa.Column("unit", sa.String(8), nullable=False, server_default=""))
    where = sa.text("plu <> ''")
    op.create_index("ix_variants_plu", "variants", ["plu"], sqlite_where=where,
                    postgresql_where=where)
    op.add_column("sale_lines", sa.Column("weight_g", sa.Integer(), nullable=True))
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _drop_fts()  # no triggers while every row is written again
    _rewrite_rows()
    if sqlite:
        for statement in _fts("search_name"):
            op.execute(statement)
        op.execute("INSERT INTO variants_fts(variants_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _drop_fts()
        for statement in _fts("name"):
            op.execute(statement)
        op.execute("INSERT INTO variants_fts(variants_fts) VALUES ('rebuild')")
    with op.batch_alter_table("sale_lines") as batch:
        batch.drop_column("weight_g")
    op.drop_index("ix_variants_plu", table_name="variants")
    with op.batch_alter_table("variants") as batch:
        batch.drop_column("unit")
        batch.drop_column("plu")
