"""Web carts continued at the till.

- ``open_carts.web_cart_id``: the web cart the register's sale in progress continues (the whole
  link is in ``cart_json``; the column says which register holds a cart).
- ``sales.web_cart_id`` (indexed): the web cart a completed sale bought, so a second scan at this
  store finds it before the central store knows (the outbox may still be waiting).

Revision ID: 0010_web_carts
Revises: 0009_weighed_articles
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_web_carts"
down_revision = "0009_weighed_articles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("open_carts") as batch:
        batch.add_column(sa.Column("web_cart_id", sa.String(60), nullable=True))
        batch.create_index("ix_open_carts_web_cart_id", ["web_cart_id"])
    with op.batch_alter_table("sales") as batch:
        batch.add_column(sa.Column("web_cart_id", sa.String(60), nullable=True))
        batch.create_index("ix_sales_web_cart_id", ["web_cart_id"])


def downgrade() -> None:
    with op.batch_alter_table("sales") as batch:
        batch.drop_index("ix_sales_web_cart_id")
        batch.drop_column("web_cart_id")
    with op.batch_alter_table("open_carts") as batch:
        batch.drop_index("ix_open_carts_web_cart_id")
        batch.drop_column("web_cart_id")
