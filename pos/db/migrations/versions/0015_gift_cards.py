"""Gift cards and store credit (``pos.gift_cards``): a stored-value payment's attempt id names
the account it debits ("K1-<16 hex>~GC-XXXX-XXXX-XXXX", or "~customer:cus_..." for store
credit), so that a restart can still ask the central store what became of it; the id grows
from 40 to 80 characters.

Revision ID: 0015_gift_cards
Revises: 0014_invoices
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_gift_cards"
down_revision = "0014_invoices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("payment_attempts") as batch:
        batch.alter_column("id", existing_type=sa.String(40), type_=sa.String(80),
                           existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("payment_attempts") as batch:
        batch.alter_column("id", existing_type=sa.String(80), type_=sa.String(40),
                           existing_nullable=False)
