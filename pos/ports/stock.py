"""Stock at the central store: every location's figures now, corrections from stock counts, and
transfers between locations. Adapters in ``integrations/medusa/`` (stock_directory.py,
stock adjustments and transfers)."""
from __future__ import annotations

from typing import Protocol, runtime_checkable

from pos.stock import StockLevel
from pos.stock_count import Adjustment as StockAdjustment
from pos.stock_transfers import Transfer




@runtime_checkable
class StockDirectory(Protocol):
    """Stock of one article at every location, read from the central store now."""

    def stock_of(self, sku: str) -> list[StockLevel]:
        """One ``StockLevel`` per location that keeps the article (``variant_id`` the SKU,
        ``location_id`` the till's location key, ``location_name`` the central store's name);
        [] when the central store does not know the SKU."""


@runtime_checkable
class StockAdjustments(Protocol):
    """Corrections of a store's stocked quantity at the central store (posted stock counts)."""

    def adjust_stock(self, adjustment: StockAdjustment, idempotency_key: str) -> str:
        """Add ``adjustment.delta`` to the stocked quantity of ``adjustment.sku`` at
        ``adjustment.location_id`` (the till's location key), once: done again with the same
        key it changes nothing and answers the same record. Returns the central record's id."""


@runtime_checkable
class StockTransfers(Protocol):
    """Goods sent between stock locations (``pos.stock_transfers``)."""

    def incoming(self, location_key: str, include_received: bool = False) -> list[Transfer]:
        """Transfers on their way to ``location_key`` (and, asked, those received there)."""

    def receive(self, transfer_id: str, received: dict[str, int], idempotency_key: str,
                by: str) -> Transfer:
        """What came of a transfer (units per SKU; a SKU not named: none came): added to the
        receiver's stock, shortfalls recorded. Once: a transfer received answers as it is."""
