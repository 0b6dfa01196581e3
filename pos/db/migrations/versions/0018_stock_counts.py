"""Stock counts (inventering) of this store, saved as they go so that a count in progress
survives a restart: the count (scope, status, who started and posted it) and its lines (the
expected figure when the article was first counted, the counted units, the unit's value).

Revision ID: 0018_stock_counts
Revises: 0017_kiosk
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_stock_counts"
down_revision = "0017_kiosk"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stock_counts",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("location_id", sa.String(64), nullable=False),
        sa.Column("scope_kind", sa.String(16), nullable=False, server_default="all"),
        sa.Column("scope_value", sa.Text(), nullable=False, server_default=""),
        sa.Column("scope_label", sa.String(200), nullable=False, server_default=""),
        sa.Column("status", sa.String(16), nullable=False, server_default="open"),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("started_by", sa.String(100), nullable=False, server_default=""),
        sa.Column("posted_at", sa.DateTime(), nullable=True),
        sa.Column("posted_by", sa.String(100), nullable=False, server_default=""),
    )
    op.create_index("ix_stock_counts_status", "stock_counts", ["status"])
    op.create_table(
        "stock_count_lines",
        sa.Column("count_id", sa.String(40), sa.ForeignKey("stock_counts.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("variant_id", sa.String(64), primary_key=True),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("ean", sa.String(32), nullable=False, server_default=""),
        sa.Column("name", sa.String(300), nullable=False, server_default=""),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("expected_at", sa.DateTime(), nullable=True),
        sa.Column("expected_fresh", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("counted", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("unit_value", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("value_basis", sa.String(8), nullable=False, server_default="price"),
        sa.Column("seq", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("stock_count_lines")
    op.drop_index("ix_stock_counts_status", "stock_counts")
    op.drop_table("stock_counts")
