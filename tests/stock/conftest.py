from __future__ import annotations

from datetime import datetime

import pytest

from pos.catalog import Variant
from pos.db.unit_of_work import SqlUnitOfWork
from pos.stock import StockLevel
from pos.vat import VatRate

HERE = "store-gbg"
SYNCED_AT = datetime(2026, 11, 30, 6, 0)

ARTICLES = [  # (sku, ean, name, price öre, stocked here)
    ("HAN-FRO-VIT-30X50", "7350120016416", "Handduk Frotté, vit, 30x50", 4990, 17),
    ("KAF-MEL-450G", "7350120017772", "Kaffe Mellanrost, 450 g", 5990, 21),
    ("KAF-EKO-450G", "7350120017819", "Bryggkaffe Ekologiskt, 450 g", 6990, 10),
]


def variant(sku: str, ean: str, name: str, price: int) -> Variant:
    return Variant(id=f"var_{sku.lower()}", sku=sku, ean=ean, name=name, price=price,
                   vat_rate=VatRate.STANDARD, product_id=f"prod_{sku[:7].lower()}")


@pytest.fixture
def stock_db(session_factory):
    """A store's database with three articles and their synced stock here and in Stockholm."""
    uow = SqlUnitOfWork(session_factory)
    with uow:
        uow.catalog.bulk_upsert([variant(*a[:4]) for a in ARTICLES])
        uow.catalog.set_stock(
            [StockLevel(f"var_{a[0].lower()}", HERE, "Göteborg", a[4]) for a in ARTICLES]
            + [StockLevel(f"var_{a[0].lower()}", "store-sthlm", "Stockholm", 5) for a in ARTICLES])
        uow.commit()
    return session_factory


class Directory:
    """The central store's stock, as told: ``stocked`` per SKU here; counts the questions."""

    def __init__(self, stocked: dict[str, int] | None = None, down: bool = False):
        self.stocked = dict(stocked or {})
        self.down = down
        self.asked: list[str] = []

    def stock_of(self, sku: str) -> list[StockLevel]:
        from pos.ports import CommerceUnavailable
        self.asked.append(sku)
        if self.down:
            raise CommerceUnavailable("GET /admin/inventory-items: connection refused")
        return [StockLevel(sku, HERE, "Butik Göteborg", self.stocked.get(sku, 0), 1),
                StockLevel(sku, "store-sthlm", "Butik Stockholm", 3)]
