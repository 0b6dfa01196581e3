"""Each payment attempt names the payment method it was taken with, so that after a crash the
till asks that method's provider (a card terminal, later Swish or a gift card) what became of it.
Attempts stored before are card payments.

Revision ID: 0007_attempt_method
Revises: 0006_customer_cards
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_attempt_method"
down_revision = "0006_customer_cards"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("payment_attempts") as batch:
        batch.add_column(sa.Column("method", sa.String(length=40), nullable=False,
                                   server_default="card"))


def downgrade() -> None:
    with op.batch_alter_table("payment_attempts") as batch:
        batch.drop_column("method")
