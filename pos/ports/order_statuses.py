"""What the central store says of orders and returns, for the back office's Orders page."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from pos.central_orders import CentralOrderStatus, CentralReturnStatus


@runtime_checkable
class OrderStatuses(Protocol):
    """What the central store says of orders and returns the back office lists (its Orders
    page): read in batches, one request per page of rows, never one per row. Raises
    CommerceUnavailable when the store cannot be reached."""

    def order_statuses(self, order_ids: Sequence[str]) -> dict[str, CentralOrderStatus]:
        """Each order's payment and fulfilment status with its lines, payments and fulfilments,
        by id (an id the store does not know is left out)."""

    def return_statuses(self, return_ids: Sequence[str]) -> dict[str, CentralReturnStatus]:
        """Each return's status and what was refunded centrally for it, by return id."""
