"""Completed sales with their lines and tenders."""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pos.db.models_till import SaleLineRow, SaleRow, SaleTenderRow
from pos.db.repositories._upsert import rowcount
from pos.db.repositories.sale_figures import (SaleAggregates, aggregate, article_sales,
                                               promoted_lines, sent_home)
from pos.measure import from_grams, to_grams
from pos.payments import Tender
from pos.returns import ReturnOf
from pos.sales import Sale, SaleLine, promotions_from_json
from pos.vat import VatRate


def _tender(t: SaleTenderRow) -> Tender:
    d: dict[str, Any] = json.loads(t.details_json or "{}")
    return Tender.from_dict({**d, "kind": t.kind, "amount": t.amount, "received": t.received,
                             "change": t.change})


class SaleRepository:
    def __init__(self, session: Session):
        self.s = session

    def add(self, sale: Sale) -> None:
        self.s.add(SaleRow(id=sale.id, register_id=sale.register_id, receipt_no=sale.receipt_no,
                           shift_id=sale.shift_id, cashier_id=sale.cashier_id,
                           cashier_name=sale.cashier_name, completed_at=sale.completed_at,
                           total=sale.total, discount=sale.discount, rounding=sale.rounding,
                           control_code=sale.control_code, customer_id=sale.customer_id,
                           customer_name=sale.customer_name, printed=False,
                           web_cart_id=sale.web_cart_id))
        self.s.flush()
        for i, line in enumerate(sale.lines, 1):
            self.s.add(SaleLineRow(
                sale_id=sale.id, line_no=i, variant_id=line.variant_id, sku=line.sku,
                ean=line.ean, name=line.name, quantity=line.quantity,
                unit_price=line.unit_price, original_price=line.original_price,
                discount=line.discount, total=line.total, vat_rate=line.vat_rate.value,
                promotions_json=line.promotions_json(),
                weight_g=None if line.weight is None else to_grams(line.weight),
                order_id=line.order_id or None, order_no=line.order_no or None,
                return_json=(json.dumps(line.returned_from.to_dict(), ensure_ascii=False)
                             if line.returned_from else None),
                return_code=line.returned_from.code if line.returned_from else None))
        for i, t in enumerate(sale.tenders, 1):
            details = {k: v for k, v in t.to_dict().items()
                       if k not in ("kind", "amount", "received", "change")}
            self.s.add(SaleTenderRow(sale_id=sale.id, idx=i, kind=t.method.id, amount=t.amount,
                                     received=t.received, change=t.change,
                                     details_json=json.dumps(details, ensure_ascii=False)))

    def _sale(self, row: SaleRow) -> Sale:
        lines = self.s.execute(select(SaleLineRow).where(SaleLineRow.sale_id == row.id)
                               .order_by(SaleLineRow.line_no)).scalars()
        tenders = self.s.execute(select(SaleTenderRow).where(SaleTenderRow.sale_id == row.id)
                                 .order_by(SaleTenderRow.idx)).scalars()
        return self._build(row, lines, tenders)

    @staticmethod
    def _build(row: SaleRow, lines: Iterable[SaleLineRow],
               tenders: Iterable[SaleTenderRow]) -> Sale:
        return Sale(
            id=row.id, register_id=row.register_id, receipt_no=row.receipt_no,
            shift_id=row.shift_id, cashier_id=row.cashier_id, cashier_name=row.cashier_name,
            completed_at=row.completed_at,
            lines=tuple(SaleLine(ln.variant_id, ln.sku, ln.ean, ln.name, ln.quantity,
                                 ln.unit_price, ln.original_price, ln.discount, ln.total,
                                 VatRate(ln.vat_rate), promotions_from_json(ln.promotions_json),
                                 None if ln.weight_g is None else from_grams(ln.weight_g),
                                 ln.order_id or "", ln.order_no or "",
                                 ReturnOf.from_dict(json.loads(ln.return_json))
                                 if ln.return_json else None)
                        for ln in lines),
            tenders=tuple(_tender(t) for t in tenders),
            total=row.total, discount=row.discount, rounding=row.rounding,
            control_code=row.control_code, customer_id=row.customer_id,
            customer_name=row.customer_name, web_cart_id=row.web_cart_id)

    def completed_between(self, start: datetime, end: datetime) -> list[Sale]:
        """Every register's sales completed in ``[start, end)`` (local wall-clock times), by
        time: three queries whatever their number (the back office reads a day or a month)."""
        rows = self.s.execute(select(SaleRow).where(SaleRow.completed_at >= start,
                                                    SaleRow.completed_at < end)
                              .order_by(SaleRow.completed_at, SaleRow.register_id,
                                        SaleRow.receipt_no)).scalars().all()
        if not rows:
            return []
        inside = (select(SaleRow.id).where(SaleRow.completed_at >= start,
                                           SaleRow.completed_at < end).scalar_subquery())
        lines: dict[str, list[SaleLineRow]] = {}
        for ln in self.s.execute(select(SaleLineRow).where(SaleLineRow.sale_id.in_(inside))
                                 .order_by(SaleLineRow.sale_id, SaleLineRow.line_no)).scalars():
            lines.setdefault(ln.sale_id, []).append(ln)
        tenders: dict[str, list[SaleTenderRow]] = {}
        for t in self.s.execute(select(SaleTenderRow).where(SaleTenderRow.sale_id.in_(inside))
                                .order_by(SaleTenderRow.sale_id, SaleTenderRow.idx)).scalars():
            tenders.setdefault(t.sale_id, []).append(t)
        return [self._build(r, lines.get(r.id, []), tenders.get(r.id, [])) for r in rows]

    def aggregates_between(self, start: datetime, end: datetime) -> SaleAggregates:
        """The sales completed in ``[start, end)`` added up in SQL (``sale_figures``)."""
        return aggregate(self.s, start, end)

    def promoted_lines_between(self, start: datetime, end: datetime
                               ) -> list[tuple[str, str, int, int, str]]:
        """The goods lines a promotion gave something off (``sale_figures.promoted_lines``)."""
        return promoted_lines(self.s, start, end)

    def article_sales_between(self, skus: Iterable[str], start: datetime, end: datetime
                              ) -> dict[str, tuple[int, int]]:
        return article_sales(self.s, skus, start, end)

    def sent_home_between(self, start: datetime, end: datetime) -> dict[str, tuple[int, ...]]:
        """The lines sent home (1-based numbers) per sale completed in ``[start, end)``."""
        return sent_home(self.s, start, end)

    def by_web_cart(self, web_cart_id: str) -> Sale | None:
        """The sale that bought the web cart ``web_cart_id`` here, if any."""
        row = self.s.execute(select(SaleRow).where(SaleRow.web_cart_id == web_cart_id)
                             .order_by(SaleRow.completed_at).limit(1)).scalar_one_or_none()
        return self._sale(row) if row else None

    def of_customer(self, customer_id: str, limit: int = 20) -> list[Sale]:
        """The customer's newest sales here (every register), newest first."""
        rows = self.s.execute(select(SaleRow).where(SaleRow.customer_id == customer_id)
                              .order_by(SaleRow.completed_at.desc(), SaleRow.receipt_no.desc())
                              .limit(limit)).scalars().all()
        return [self._sale(r) for r in rows]

    def lock(self, sale_id: str) -> None:
        """Hold the sale's row until the transaction ends (FOR UPDATE on PostgreSQL; SQLite's
        single writer serialises the rest): returns of one purchase from two registers."""
        self.s.execute(select(SaleRow.id).where(SaleRow.id == sale_id).with_for_update())

    def returns_of(self, code: str) -> list[Sale]:
        """The sales (of every register here) that returned something of the purchase ``code``
        (a receipt code or a web order's number), oldest first."""
        ids = select(SaleLineRow.sale_id).where(SaleLineRow.return_code == code).distinct()
        rows = self.s.execute(select(SaleRow).where(SaleRow.id.in_(ids))
                              .order_by(SaleRow.completed_at)).scalars().all()
        return [self._sale(r) for r in rows]

    def returns(self, since: datetime | None = None, limit: int = 200) -> list[Sale]:
        """The newest sales with a return line (of every register here), newest first."""
        ids = select(SaleLineRow.sale_id).where(SaleLineRow.return_code.is_not(None)).distinct()
        q = select(SaleRow).where(SaleRow.id.in_(ids))
        if since is not None:
            q = q.where(SaleRow.completed_at >= since)
        rows = self.s.execute(q.order_by(SaleRow.completed_at.desc(), SaleRow.receipt_no.desc())
                              .limit(limit)).scalars()
        return [self._sale(r) for r in rows]

    def get(self, sale_id: str) -> Sale | None:
        row = self.s.get(SaleRow, sale_id)
        return self._sale(row) if row else None

    def by_receipt(self, register_id: str, receipt_no: int) -> Sale | None:
        row = self.s.execute(select(SaleRow).where(SaleRow.register_id == register_id,
                                                   SaleRow.receipt_no == receipt_no)
                             ).scalar_one_or_none()
        return self._sale(row) if row else None

    def of_shift(self, shift_id: int) -> list[Sale]:
        rows = self.s.execute(select(SaleRow).where(SaleRow.shift_id == shift_id)
                              .order_by(SaleRow.receipt_no)).scalars().all()
        return [self._sale(r) for r in rows]

    def recent(self, register_id: str | None, limit: int = 50) -> list[Sale]:
        """The newest sales (of every register when ``register_id`` is None)."""
        q = select(SaleRow).order_by(SaleRow.completed_at.desc(), SaleRow.receipt_no.desc())
        if register_id:
            q = q.where(SaleRow.register_id == register_id)
        return [self._sale(r) for r in self.s.execute(q.limit(limit)).scalars().all()]

    def take_copy(self, sale_id: str) -> bool:
        """Claim the receipt's one copy (KOPIA): True if none was printed before. Atomic, so two
        tills reprinting the same receipt at once print one copy between them."""
        result = self.s.execute(update(SaleRow).where(SaleRow.id == sale_id, SaleRow.copies == 0)
                                .values(copies=SaleRow.copies + 1))
        return rowcount(result) == 1

    def give_back_copy(self, sale_id: str) -> None:
        """The claimed copy did not print: it may be printed again."""
        self.s.execute(update(SaleRow).where(SaleRow.id == sale_id, SaleRow.copies > 0)
                       .values(copies=SaleRow.copies - 1))

    def mark_printed(self, sale_id: str) -> None:
        self.s.execute(update(SaleRow).where(SaleRow.id == sale_id).values(printed=True))

    def unprinted(self, register_id: str) -> list[str]:
        return list(self.s.execute(select(SaleRow.id).where(SaleRow.register_id == register_id,
                                                            SaleRow.printed.is_(False))
                                   .order_by(SaleRow.receipt_no)).scalars())
