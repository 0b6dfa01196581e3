"""The delivery parts of sales sold ship-to-home."""
from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.models_delivery import SaleDeliveryRow
from pos.delivery import Delivery, DeliveryAddress


def _delivery(row: SaleDeliveryRow) -> Delivery:
    return Delivery(sale_id=row.sale_id, order_ref=row.order_ref,
                    line_nos=tuple(int(x) for x in json.loads(row.line_nos_json)),
                    address=DeliveryAddress.from_dict(json.loads(row.address_json)),
                    location_id=row.location_id, location_name=row.location_name,
                    shipping_fee=row.shipping_fee, expected_on=row.expected_on,
                    customer_id=row.customer_id, customer_email=row.customer_email)


class DeliveryRepository:
    def __init__(self, session: Session):
        self.s = session

    def add(self, d: Delivery, at: datetime) -> None:
        self.s.add(SaleDeliveryRow(
            sale_id=d.sale_id, order_ref=d.order_ref, line_nos_json=json.dumps(list(d.line_nos)),
            address_json=json.dumps(d.address.to_dict(), ensure_ascii=False),
            location_id=d.location_id, location_name=d.location_name,
            shipping_fee=d.shipping_fee, expected_on=d.expected_on, customer_id=d.customer_id,
            customer_email=d.customer_email, created_at=at))

    def for_sale(self, sale_id: str) -> Delivery | None:
        row = self.s.get(SaleDeliveryRow, sale_id)
        return _delivery(row) if row else None

    def by_ref(self, order_ref: str) -> Delivery | None:
        row = self.s.execute(select(SaleDeliveryRow).where(SaleDeliveryRow.order_ref == order_ref)
                             ).scalar_one_or_none()
        return _delivery(row) if row else None

    def recent(self, limit: int = 50) -> list[Delivery]:
        rows = self.s.execute(select(SaleDeliveryRow).order_by(SaleDeliveryRow.created_at.desc())
                              .limit(limit)).scalars().all()
        return [_delivery(r) for r in rows]

    def between(self, start: datetime, end: datetime, limit: int = 500) -> list[Delivery]:
        """The delivery parts of sales made ``start <= time < end``, newest first."""
        rows = self.s.execute(select(SaleDeliveryRow)
                              .where(SaleDeliveryRow.created_at >= start,
                                     SaleDeliveryRow.created_at < end)
                              .order_by(SaleDeliveryRow.created_at.desc())
                              .limit(limit)).scalars().all()
        return [_delivery(r) for r in rows]
