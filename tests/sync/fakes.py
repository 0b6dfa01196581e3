"""A fake central store for the sync tests: idempotent by key like the real one, and able to
fail before doing anything, fail after committing (a lost answer), or refuse permanently.

It plays both capabilities the sync needs: order sink and catalogue feed (a promotion feed too
when a test gives it ``promotions``); ``as_commerce_store`` makes it the whole central store."""
from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from datetime import datetime

from pos.catalog import Variant
from pos.commerce import RemoteOrder, StoreOrder
from pos.ports import CommerceUnavailable
from pos.stock import StockLevel


class FakeStore:
    def __init__(self) -> None:
        self.orders: dict[str, tuple[str, StoreOrder]] = {}  # key -> (id, order)
        self.calls: list[str] = []  # keys, one per call
        self.down = 0  # next N calls fail before doing anything
        self.lose_answers = 0  # next N calls commit, then the answer is lost
        self.refuse: set[str] = set()  # keys refused with a permanent error
        self._ids = itertools.count(1)
        self.variants: list[Variant] = []
        self.stock: list[StockLevel] = []

    def ping(self) -> bool:
        return not self.down

    def create_store_order(self, order: StoreOrder, idempotency_key: str) -> str:
        self.calls.append(idempotency_key)
        if self.down:
            self.down -= 1
            raise CommerceUnavailable("connection refused")
        if idempotency_key in self.refuse:
            raise ValueError(f"articles unknown to the central store: {order.lines[0].sku}")
        if idempotency_key not in self.orders:
            self.orders[idempotency_key] = (f"order_{next(self._ids)}", order)
        if self.lose_answers:
            self.lose_answers -= 1
            raise CommerceUnavailable("read timed out")
        return self.orders[idempotency_key][0]

    def find_order_by_key(self, idempotency_key: str) -> RemoteOrder | None:
        if idempotency_key not in self.orders:
            return None
        oid, order = self.orders[idempotency_key]
        return RemoteOrder(oid, None, "completed", "captured", "fulfilled", order.total,
                           {"pos_key": idempotency_key})

    def iter_variants(self, updated_since: datetime | None = None,
                      page_size: int = 200) -> Iterator[list[Variant]]:
        for i in range(0, len(self.variants), page_size):
            yield self.variants[i:i + page_size]

    def count_variants(self, updated_since: datetime | None = None) -> int:
        return len(self.variants)

    def stock_levels(self, skus: Sequence[str]) -> list[StockLevel]:
        wanted = set(skus)
        return [s for s in self.stock if s.variant_id in wanted]

    def promotion_context(self) -> dict[str, str]:
        return {}


class FakeCommerceStore:
    """A ``CommerceStore`` whose catalogue feed and order sink are one ``FakeStore``."""

    def __init__(self, fake: FakeStore) -> None:
        self.catalog = fake
        self.orders = fake
        self.ping = fake.ping


def as_commerce_store(fake: FakeStore) -> FakeCommerceStore:
    return FakeCommerceStore(fake)
