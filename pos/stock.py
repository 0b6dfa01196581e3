"""Stock of a variant at one location (this store, another store, the web warehouse)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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


@dataclass(frozen=True)
class StockReport:
    """An article's stock at every location, as the till shows it: ``fresh`` when read from
    the central store just now (``as_of`` that moment), else the till's last synced figures
    (``as_of`` when they were synced; None when never)."""

    sku: str
    name: str
    here: str  # this till's location key
    levels: tuple[StockLevel, ...]
    as_of: datetime | None
    fresh: bool
    why_not_fresh: str = ""  # what the central store said, when the figures are not fresh

    def at(self, location_id: str) -> StockLevel | None:
        return next((lv for lv in self.levels if lv.location_id == location_id), None)

    def available_here(self) -> int:
        lv = self.at(self.here)
        return lv.available if lv else 0
