"""Sale lines that belong to a web order paid at the till (click & collect, pay in store): the
order's id and number, so the sale's own store order leaves them out (they are the web order's
goods), the receipt names the order, and a crash mid-sale restores them as such.

Revision ID: 0012_pickup_order_lines
Revises: 0009_weighed_articles
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_pickup_order_lines"
down_revision = "0011_sale_deliveries"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sale_lines") as batch:
        batch.add_column(sa.Column("order_id", sa.String(60), nullable=True))
        batch.add_column(sa.Column("order_no", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sale_lines") as batch:
        batch.drop_column("order_no")
        batch.drop_column("order_id")
