"""Promotions at the till: each variant keeps the central store's ids its promotion rules target
(``variants.refs``), and each sold line keeps the promotions that took something off it
(``sale_lines.promotions_json``), for the receipt, the reports and the central store's order.

Revision ID: 0004_promotions
Revises: 0003_sync
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_promotions"
down_revision = "0003_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("variants") as batch:
        batch.add_column(sa.Column("refs", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("sale_lines") as batch:
        batch.add_column(sa.Column("promotions_json", sa.Text(), nullable=False,
                                   server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sale_lines") as batch:
        batch.drop_column("promotions_json")
    with op.batch_alter_table("variants") as batch:
        batch.drop_column("refs")
