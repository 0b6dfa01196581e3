"""Invoices issued at the till, and the store's invoice number series."""
from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pos.db.models_invoice import InvoiceRow, InvoiceSeriesRow
from pos.invoices import Buyer, Invoice, InvoiceLine, Seller


def _invoice(row: InvoiceRow) -> Invoice:
    return Invoice(number=row.number, ocr=row.ocr,
                   buyer=Buyer.from_dict(json.loads(row.buyer_json)),
                   seller=Seller.from_dict(json.loads(row.seller_json)),
                   lines=tuple(InvoiceLine.from_dict(d) for d in json.loads(row.lines_json)),
                   issued_on=row.issued_on, due_on=row.due_on, sale_id=row.sale_id,
                   receipt_no=row.receipt_no, register_id=row.register_id,
                   order_id=row.order_id, amount_paid=row.amount_paid, paid_on=row.paid_on)


class InvoiceRepository:
    def __init__(self, session: Session):
        self.s = session

    def take_number(self, series: str) -> int:
        """The series' next consecutive number (from 1), taken in the caller's transaction: the
        series' row stays locked (PostgreSQL: FOR UPDATE; SQLite: the write lock) until it
        commits, so another till waits and takes the next; a rollback gives the number back,
        so none is skipped."""
        row = self._lock(series)
        if row is None:
            try:  # the series' first number: two tills may both try to create the row
                with self.s.begin_nested():
                    self.s.add(InvoiceSeriesRow(series=series, next_no=1))
            except IntegrityError:
                pass
            row = self._lock(series)
        assert row is not None
        no = row.next_no
        row.next_no = no + 1
        self.s.flush()
        return no

    def _lock(self, series: str) -> InvoiceSeriesRow | None:
        return self.s.execute(select(InvoiceSeriesRow).where(InvoiceSeriesRow.series == series)
                              .with_for_update().execution_options(populate_existing=True)
                              ).scalar_one_or_none()

    def add(self, inv: Invoice, at: datetime) -> None:
        self.s.add(InvoiceRow(
            number=inv.number, ocr=inv.ocr, customer_id=inv.buyer.customer_id,
            sale_id=inv.sale_id, register_id=inv.register_id, receipt_no=inv.receipt_no,
            order_id=inv.order_id,
            buyer_json=json.dumps(inv.buyer.to_dict(), ensure_ascii=False),
            seller_json=json.dumps(inv.seller.to_dict(), ensure_ascii=False),
            lines_json=json.dumps([ln.to_dict() for ln in inv.lines], ensure_ascii=False),
            total=inv.total, issued_on=inv.issued_on, due_on=inv.due_on,
            amount_paid=inv.amount_paid, paid_on=inv.paid_on, created_at=at))
        self.s.flush()

    def get(self, number: str) -> Invoice | None:
        row = self.s.get(InvoiceRow, number)
        return _invoice(row) if row else None

    def by_ocr(self, ocr: str) -> Invoice | None:
        row = self.s.execute(select(InvoiceRow).where(InvoiceRow.ocr == ocr)).scalar_one_or_none()
        return _invoice(row) if row else None

    def of_customer(self, customer_id: str) -> list[Invoice]:
        rows = self.s.execute(select(InvoiceRow).where(InvoiceRow.customer_id == customer_id)
                              .order_by(InvoiceRow.number)).scalars().all()
        return [_invoice(r) for r in rows]

    def unpaid(self, limit: int = 200) -> list[Invoice]:
        rows = self.s.execute(select(InvoiceRow).where(InvoiceRow.amount_paid < InvoiceRow.total,
                                                    InvoiceRow.sale_id != "")
                              .order_by(InvoiceRow.due_on).limit(limit)).scalars().all()
        return [_invoice(r) for r in rows]

    def attach_sale(self, number: str, sale_id: str, receipt_no: int,
                    lines: tuple[InvoiceLine, ...]) -> None:
        """The invoice's sale completed: its id, receipt number and lines as sold."""
        row = self.s.get(InvoiceRow, number)
        assert row is not None
        row.sale_id, row.receipt_no = sale_id, receipt_no
        row.lines_json = json.dumps([ln.to_dict() for ln in lines], ensure_ascii=False)
        row.total = sum(ln.total for ln in lines)
        self.s.flush()

    def set_order(self, number: str, order_id: str) -> None:
        row = self.s.get(InvoiceRow, number)
        if row is not None:
            row.order_id = order_id

    def record_payment(self, number: str, amount: int, on: date, sale_id: str) -> Invoice:
        row = self.s.execute(select(InvoiceRow).where(InvoiceRow.number == number)
                             .with_for_update()).scalar_one()
        row.amount_paid += amount
        row.paid_on = on
        row.paid_by_sale = sale_id
        self.s.flush()
        return _invoice(row)
