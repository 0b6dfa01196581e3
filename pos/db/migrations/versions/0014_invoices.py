"""Invoices issued at the till (``pos.invoices``) and the store's invoice number series.

Revision ID: 0014_invoices
Revises: 0013_sale_returns
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_invoices"
down_revision = "0013_sale_returns"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "invoice_series",
        sa.Column("series", sa.String(3), primary_key=True),
        sa.Column("next_no", sa.Integer(), nullable=False))
    op.create_table(
        "invoices",
        sa.Column("number", sa.String(20), primary_key=True),
        sa.Column("ocr", sa.String(25), nullable=False, unique=True),
        sa.Column("customer_id", sa.String(60), nullable=False, index=True),
        sa.Column("sale_id", sa.String(40), nullable=False, server_default="", index=True),
        sa.Column("register_id", sa.String(20), nullable=False, server_default=""),
        sa.Column("receipt_no", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("order_id", sa.String(60), nullable=False, server_default=""),
        sa.Column("buyer_json", sa.Text(), nullable=False),
        sa.Column("seller_json", sa.Text(), nullable=False),
        sa.Column("lines_json", sa.Text(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("amount_paid", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("paid_by_sale", sa.String(40), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False))


def downgrade() -> None:
    op.drop_table("invoices")
    op.drop_table("invoice_series")
