"""How many copies (KOPIA) of each receipt were printed: Swedish cash-register rules allow one.

Revision ID: 0008_receipt_copies
Revises: 0007_attempt_method
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_receipt_copies"
down_revision = "0007_attempt_method"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sales") as batch:
        batch.add_column(sa.Column("copies", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("sales") as batch:
        batch.drop_column("copies")
