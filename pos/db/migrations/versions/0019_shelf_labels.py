"""Shelf labels: each variant's net content (for the comparison price the label must show,
prisinformationslagen 2004:347) and when its price last changed and from what (for "labels of
the prices changed since ..." after a catalogue sync).

``net_quantity`` is kept as text (a Decimal written exactly, "0.5"), the same on both databases.
``price_changed_at`` is set by the catalogue's upsert when a variant is new or its price differs
from the stored one (``pos.db.catalog_repository``); existing rows start with their last update.

Revision ID: 0019_shelf_labels
Revises: 0017_kiosk
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_shelf_labels"
down_revision = "0018_stock_counts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("variants") as b:
        b.add_column(sa.Column("net_quantity", sa.String(24), nullable=False, server_default=""))
        b.add_column(sa.Column("net_unit", sa.String(4), nullable=False, server_default=""))
        b.add_column(sa.Column("price_changed_at", sa.DateTime(), nullable=True))
        b.add_column(sa.Column("previous_price_ore", sa.Integer(), nullable=True))
    op.execute("UPDATE variants SET price_changed_at = updated_at")
    op.create_index("ix_variants_price_changed_at", "variants", ["price_changed_at"])


def downgrade() -> None:
    op.drop_index("ix_variants_price_changed_at", "variants")
    with op.batch_alter_table("variants") as b:
        b.drop_column("previous_price_ore")
        b.drop_column("price_changed_at")
        b.drop_column("net_unit")
        b.drop_column("net_quantity")
