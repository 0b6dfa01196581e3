"""The customer's name on a stored sale, for the receipt and its reprints (the id was there).

Revision ID: 0005_sale_customer
Revises: 0004_promotions
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_sale_customer"
down_revision = "0004_promotions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sales") as batch:
        batch.add_column(sa.Column("customer_name", sa.String(length=200), nullable=False,
                                   server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sales") as batch:
        batch.drop_column("customer_name")
