"""Stock of a variant at one location (this store, another store, the web warehouse)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StockLevel:
    """Units at ``location_id``: ``stocked`` on hand, ``reserved`` for orders not yet picked."""

    variant_id: str
    location_id: str
    location_name: str
    stocked: int
    reserved: int = 0

    @property
    def available(self) -> int:
        """What can still be sold from here (never negative)."""
        return max(self.stocked - self.reserved, 0)

    @property
    def in_stock(self) -> bool:
        return self.available > 0
