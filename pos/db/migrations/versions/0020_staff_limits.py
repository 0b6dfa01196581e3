"""The cashier's discount limit: per staff member (``staff.discount_limit``, a percent as text,
NULL for the store's default) and the store's default (``store_settings`` row
``cashier_discount_limit``; absent: the register's ``[register] cashier_max_discount_percent``).
Edited on the back office's Staff page.

Revision ID: 0020_staff_limits
Revises: 0019_shelf_labels
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_staff_limits"
down_revision = "0019_shelf_labels"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as b:
        b.add_column(sa.Column("discount_limit", sa.String(12), nullable=True))
    op.create_table(
        "store_settings",
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("store_settings")
    with op.batch_alter_table("staff") as b:
        b.drop_column("discount_limit")
