"""The journal indexed by time: the back office browses it newest first, a date range at a time,
and 100 000 entries sorted by ``ts`` without an index took half a second a page.

Revision ID: 0018_backoffice
Revises: 0013_sale_returns
"""
from __future__ import annotations

from alembic import op

revision = "0018_backoffice"
down_revision = "0013_sale_returns"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_journal_ts", "journal", ["ts"])


def downgrade() -> None:
    op.drop_index("ix_journal_ts", table_name="journal")
