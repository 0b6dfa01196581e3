"""The customer kiosk: the web's product information kept for the product page offline
(kiosk_products), staff calls from kiosks that tills and the back office see until taken
(staff_calls), and product interest per article, store, day and source (product_interest).

Revision ID: 0017_kiosk
Revises: 0016_backoffice
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_kiosk"
down_revision = "0016_backoffice"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kiosk_products",
        sa.Column("product_id", sa.String(64), primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("handle", sa.String(200), nullable=False, server_default=""),
        sa.Column("description", sa.Text(), nullable=False, server_default=""),
        sa.Column("thumbnail", sa.String(1000), nullable=False, server_default=""),
        sa.Column("categories_json", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("collection_id", sa.String(64), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "staff_calls",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("place", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
        sa.Column("taken_by", sa.String(100), nullable=False, server_default=""),
    )
    op.create_index("ix_staff_calls_created_at", "staff_calls", ["created_at"])
    op.create_table(
        "product_interest",
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("location_id", sa.String(64), primary_key=True),
        sa.Column("variant_id", sa.String(64), primary_key=True),
        sa.Column("source", sa.String(16), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_table("product_interest")
    op.drop_index("ix_staff_calls_created_at", "staff_calls")
    op.drop_table("staff_calls")
    op.drop_table("kiosk_products")
