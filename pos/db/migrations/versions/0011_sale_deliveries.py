"""Ship-to-home: ``sale_deliveries``, the delivery part of a sale (its delivered lines by
position, the address, the sending location, the shipping fee in öre, the expected date and the
till's order reference). The sale in progress keeps its "deliver" marks and address in its
saved cart (JSON), so the open cart needs no new column.

Revision ID: 0011_sale_deliveries
Revises: 0009_weighed_articles
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_sale_deliveries"
down_revision = "0010_web_carts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sale_deliveries",
        sa.Column("sale_id", sa.String(40), sa.ForeignKey("sales.id"), primary_key=True),
        sa.Column("order_ref", sa.String(40), nullable=False, unique=True),
        sa.Column("line_nos_json", sa.Text, nullable=False),
        sa.Column("address_json", sa.Text, nullable=False),
        sa.Column("location_id", sa.String(60), nullable=False),
        sa.Column("location_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("shipping_fee", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("expected_on", sa.Date, nullable=False),
        sa.Column("customer_id", sa.String(60), nullable=True),
        sa.Column("customer_email", sa.String(200), nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sale_deliveries")
