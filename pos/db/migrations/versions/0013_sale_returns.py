"""Return lines of a sale (``pos.returns``): what each gives back (its purchase, the purchase's
line, units, reason, restocked or written off) as JSON, and the purchase's code, indexed, so
that a return is checked against every earlier return of the same purchase made here.

Revision ID: 0013_sale_returns
Revises: 0012_pickup_order_lines
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_sale_returns"
down_revision = "0012_pickup_order_lines"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sale_lines") as batch:
        batch.add_column(sa.Column("return_json", sa.Text(), nullable=True))
        batch.add_column(sa.Column("return_code", sa.String(40), nullable=True))
        batch.create_index("ix_sale_lines_return_code", ["return_code"])


def downgrade() -> None:
    with op.batch_alter_table("sale_lines") as batch:
        batch.drop_index("ix_sale_lines_return_code")
        batch.drop_column("return_code")
        batch.drop_column("return_json")
