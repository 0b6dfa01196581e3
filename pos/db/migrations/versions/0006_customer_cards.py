"""The customers whose loyalty cards this store has read, so a card still finds its customer when
the central store cannot be reached.

Revision ID: 0006_customer_cards
Revises: 0005_sale_customer
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_customer_cards"
down_revision = "0005_sale_customer"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customer_cards",
        sa.Column("card", sa.String(length=20), primary_key=True),
        sa.Column("customer_json", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("customer_cards")
