"""The register: staff, shifts, sales with lines and tenders, the sale in progress, parked sales,
card payment attempts and the hash-chained journal.

Revision ID: 0002_till
Revises: 0001_catalog
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_till"
down_revision = "0001_catalog"
branch_labels = None
depends_on = None

TABLES = ['sale_tenders', 'sale_lines', 'sales', 'cash_movements', 'shifts', 'payment_attempts',
          'parked_carts', 'open_carts', 'journal', 'staff', 'registers']


def upgrade() -> None:
    op.create_table(
        'registers',
        sa.Column('id', sa.String(length=20), primary_key=True, nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('next_receipt_no', sa.Integer(), nullable=False),
        sa.Column('z_count', sa.Integer(), nullable=False),
        sa.Column('grand_total', sa.BigInteger(), nullable=False),
        sa.Column('journal_head_seq', sa.Integer(), nullable=False),
        sa.Column('journal_head_hash', sa.String(length=64), nullable=False),
    )
    op.create_table(
        'staff',
        sa.Column('id', sa.String(length=40), primary_key=True, nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('pin_hash', sa.String(length=200), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('failed_attempts', sa.Integer(), nullable=False),
        sa.Column('locked_until', sa.DateTime(), nullable=True),
    )
    op.create_table(
        'journal',
        sa.Column('register_id', sa.String(length=20), sa.ForeignKey('registers.id'), primary_key=True, nullable=False),
        sa.Column('seq', sa.Integer(), primary_key=True, nullable=False),
        sa.Column('ts', sa.String(length=40), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False, index=True),
        sa.Column('payload_json', sa.Text(), nullable=False),
        sa.Column('prev_hash', sa.String(length=64), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
    )
    op.create_table(
        'open_carts',
        sa.Column('register_id', sa.String(length=20), sa.ForeignKey('registers.id'), primary_key=True, nullable=False),
        sa.Column('cart_json', sa.Text(), nullable=False),
        sa.Column('payment_json', sa.Text(), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
    )
    op.create_table(
        'parked_carts',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True, nullable=False),
        sa.Column('register_id', sa.String(length=20), sa.ForeignKey('registers.id'), nullable=False, index=True),
        sa.Column('parked_by', sa.String(length=40), nullable=False),
        sa.Column('parked_at', sa.DateTime(), nullable=False),
        sa.Column('note', sa.String(length=200), nullable=False),
        sa.Column('total', sa.BigInteger(), nullable=False),
        sa.Column('item_count', sa.Integer(), nullable=False),
        sa.Column('cart_json', sa.Text(), nullable=False),
    )
    op.create_table(
        'payment_attempts',
        sa.Column('id', sa.String(length=40), primary_key=True, nullable=False),
        sa.Column('register_id', sa.String(length=20), sa.ForeignKey('registers.id'), nullable=False, index=True),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False, index=True),
        sa.Column('result_json', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('used', sa.Boolean(), nullable=False),
    )
    op.create_table(
        'shifts',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True, nullable=False),
        sa.Column('register_id', sa.String(length=20), sa.ForeignKey('registers.id'), nullable=False, index=True),
        sa.Column('opened_by', sa.String(length=40), nullable=False),
        sa.Column('opened_at', sa.DateTime(), nullable=False),
        sa.Column('opening_float', sa.BigInteger(), nullable=False),
        sa.Column('closed_at', sa.DateTime(), nullable=True),
        sa.Column('closed_by', sa.String(length=40), nullable=True),
        sa.Column('counted_cash', sa.BigInteger(), nullable=True),
        sa.Column('z_number', sa.Integer(), nullable=True),
        sa.Column('copies', sa.Integer(), nullable=False),
        sa.Column('drawer_openings', sa.Integer(), nullable=False),
        sa.Column('price_overrides', sa.Integer(), nullable=False),
        sa.Column('voids', sa.Integer(), nullable=False),
    )
    op.create_table(
        'cash_movements',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True, nullable=False),
        sa.Column('shift_id', sa.Integer(), sa.ForeignKey('shifts.id'), nullable=False, index=True),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.Column('reason', sa.String(length=200), nullable=False),
        sa.Column('by', sa.String(length=40), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
    )
    op.create_table(
        'sales',
        sa.Column('id', sa.String(length=40), primary_key=True, nullable=False),
        sa.Column('register_id', sa.String(length=20), sa.ForeignKey('registers.id'), nullable=False),
        sa.Column('receipt_no', sa.Integer(), nullable=False),
        sa.Column('shift_id', sa.Integer(), sa.ForeignKey('shifts.id'), nullable=False, index=True),
        sa.Column('cashier_id', sa.String(length=40), nullable=False),
        sa.Column('cashier_name', sa.String(length=100), nullable=False),
        sa.Column('completed_at', sa.DateTime(), nullable=False, index=True),
        sa.Column('total', sa.BigInteger(), nullable=False),
        sa.Column('discount', sa.BigInteger(), nullable=False),
        sa.Column('rounding', sa.Integer(), nullable=False),
        sa.Column('control_code', sa.String(length=100), nullable=False),
        sa.Column('customer_id', sa.String(length=60), nullable=True),
        sa.Column('printed', sa.Boolean(), nullable=False),
        sa.UniqueConstraint('register_id', 'receipt_no'),
    )
    op.create_table(
        'sale_lines',
        sa.Column('sale_id', sa.String(length=40), sa.ForeignKey('sales.id'), primary_key=True, nullable=False),
        sa.Column('line_no', sa.Integer(), primary_key=True, nullable=False),
        sa.Column('variant_id', sa.String(length=60), nullable=False),
        sa.Column('sku', sa.String(length=60), nullable=False),
        sa.Column('ean', sa.String(length=20), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('quantity', sa.Integer(), nullable=False),
        sa.Column('unit_price', sa.BigInteger(), nullable=False),
        sa.Column('original_price', sa.BigInteger(), nullable=True),
        sa.Column('discount', sa.BigInteger(), nullable=False),
        sa.Column('total', sa.BigInteger(), nullable=False),
        sa.Column('vat_rate', sa.String(length=4), nullable=False),
    )
    op.create_table(
        'sale_tenders',
        sa.Column('sale_id', sa.String(length=40), sa.ForeignKey('sales.id'), primary_key=True, nullable=False),
        sa.Column('idx', sa.Integer(), primary_key=True, nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.Column('received', sa.BigInteger(), nullable=False),
        sa.Column('change', sa.BigInteger(), nullable=False),
        sa.Column('details_json', sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
