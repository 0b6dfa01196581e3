"""The kiosk's records: the web's product information, staff calls and product interest."""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pos.db.models_catalog import VariantRow
from pos.db.models_kiosk import KioskProductRow, ProductInterestRow, StaffCallRow
from pos.kiosk import Category, ProductInfo, StaffCall


def _info(r: KioskProductRow) -> ProductInfo:
    return ProductInfo(product_id=r.product_id, title=r.title, handle=r.handle,
                       description=r.description, thumbnail=r.thumbnail,
                       categories=tuple((str(c[0]), str(c[1])) for c in json.loads(r.categories_json)),
                       collection_id=r.collection_id)


def _call(r: StaffCallRow) -> StaffCall:
    return StaffCall(r.id, r.place, r.created_at, r.taken_at, r.taken_by)


class KioskRepository:
    def __init__(self, session: Session):
        self.s = session

    # --- product information ---------------------------------------------------------------------

    def save_products(self, infos: Iterable[ProductInfo], at: datetime) -> int:
        n = 0
        for p in infos:
            row = self.s.get(KioskProductRow, p.product_id) or KioskProductRow(product_id=p.product_id)
            row.title, row.handle, row.description = p.title, p.handle, p.description
            row.thumbnail, row.collection_id = p.thumbnail, p.collection_id
            row.categories_json = json.dumps([list(c) for c in p.categories], ensure_ascii=False)
            row.updated_at = at
            self.s.add(row)
            n += 1
        self.s.flush()
        return n

    def product(self, product_id: str) -> ProductInfo | None:
        row = self.s.get(KioskProductRow, product_id)
        return _info(row) if row else None

    def products(self) -> list[ProductInfo]:
        return [_info(r) for r in self.s.scalars(select(KioskProductRow))]

    def by_handle(self, handle: str) -> ProductInfo | None:
        row = self.s.scalars(select(KioskProductRow).where(KioskProductRow.handle == handle)).first()
        return _info(row) if row else None

    def categories(self) -> list[Category]:
        """Every category the kiosk's products are in, by name, with how many products."""
        counts: dict[tuple[str, str], int] = {}
        for text in self.s.scalars(select(KioskProductRow.categories_json)):
            for cid, name in json.loads(text):
                counts[(cid, name)] = counts.get((cid, name), 0) + 1
        return sorted((Category(cid, name, n) for (cid, name), n in counts.items()),
                      key=lambda c: c.name.casefold())

    def product_ids_in(self, category_id: str) -> list[str]:
        needle = json.dumps(category_id)
        rows = self.s.execute(select(KioskProductRow.product_id, KioskProductRow.categories_json,
                                     KioskProductRow.title)
                              .where(KioskProductRow.categories_json.contains(needle))
                              .order_by(KioskProductRow.title))
        return [pid for pid, cats, _ in rows if any(c[0] == category_id for c in json.loads(cats))]

    def product_ids_in_collection(self, collection_id: str) -> list[str]:
        return list(self.s.scalars(select(KioskProductRow.product_id)
                                   .where(KioskProductRow.collection_id == collection_id)
                                   .order_by(KioskProductRow.title)))

    def first_variant_ids(self, product_ids: list[str]) -> dict[str, str]:
        """One active variant id per product (the lowest id), for lists of products."""
        if not product_ids:
            return {}
        rows = self.s.execute(select(VariantRow.product_id, func.min(VariantRow.id))
                              .where(VariantRow.product_id.in_(product_ids),
                                     VariantRow.active.is_(True))
                              .group_by(VariantRow.product_id))
        return {str(p): str(v) for p, v in rows}

    def variant_ids_of(self, product_id: str) -> list[str]:
        return list(self.s.scalars(select(VariantRow.id).where(VariantRow.product_id == product_id,
                                                              VariantRow.active.is_(True))
                                   .order_by(VariantRow.id)))

    # --- staff calls ---------------------------------------------------------------------------

    def add_call(self, place: str, at: datetime) -> StaffCall:
        row = StaffCallRow(place=place, created_at=at, taken_by="")
        self.s.add(row)
        self.s.flush()
        return _call(row)

    def open_calls(self) -> list[StaffCall]:
        return [_call(r) for r in self.s.scalars(select(StaffCallRow)
                                                 .where(StaffCallRow.taken_at.is_(None))
                                                 .order_by(StaffCallRow.created_at, StaffCallRow.id))]

    def call(self, call_id: int) -> StaffCall | None:
        row = self.s.get(StaffCallRow, call_id)
        return _call(row) if row else None

    def take_call(self, call_id: int, by: str, at: datetime) -> bool:
        """True when this took it; False when someone else already had (one UPDATE: two tills
        taking the same call at once cannot both win)."""
        done = self.s.execute(update(StaffCallRow)
                              .where(StaffCallRow.id == call_id, StaffCallRow.taken_at.is_(None))
                              .values(taken_at=at, taken_by=by))
        return bool(getattr(done, "rowcount", 0) == 1)

    # --- product interest ------------------------------------------------------------------------

    def count_interest(self, day: date, location_id: str, variant_id: str, source: str) -> None:
        key = {"day": day, "location_id": location_id, "variant_id": variant_id, "source": source}
        done = self.s.execute(update(ProductInterestRow).filter_by(**key)
                              .values(count=ProductInterestRow.count + 1))
        if getattr(done, "rowcount", 0) == 0:
            self.s.add(ProductInterestRow(**key, count=1))
            self.s.flush()

    def interest(self, start: date, end: date) -> list[tuple[date, str, str, str, int]]:
        rows = self.s.execute(select(ProductInterestRow.day, ProductInterestRow.location_id,
                                     ProductInterestRow.variant_id, ProductInterestRow.source,
                                     ProductInterestRow.count)
                              .where(ProductInterestRow.day >= start, ProductInterestRow.day <= end)
                              .order_by(ProductInterestRow.day, ProductInterestRow.variant_id,
                                        ProductInterestRow.source))
        return [(d, loc, v, src, int(n)) for d, loc, v, src, n in rows]
