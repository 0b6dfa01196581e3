"""Ship-to-home orders sold at the till (the endless aisle) and the customer's saved addresses,
at the central store (``integrations/medusa/delivery_orders.py``)."""
from __future__ import annotations

from typing import Protocol, runtime_checkable

from pos.commerce import RemoteOrder
from pos.delivery import DeliveryAddress, DeliveryOrder


@runtime_checkable
class DeliveryOrders(Protocol):
    """Orders to deliver to a customer's home, sold at the till (the endless aisle)."""

    def create_delivery_order(self, order: DeliveryOrder, idempotency_key: str) -> RemoteOrder:
        """One paid order with the customer, the shipping address and the sending location's
        shipping method, its goods reserved at ``order.location_id`` until shipped. Idempotent
        by ``idempotency_key``: a retry after a lost answer finishes the same order."""

    def find_delivery_order(self, idempotency_key: str) -> RemoteOrder | None:
        """The order made with ``idempotency_key``, or None."""


@runtime_checkable
class CustomerAddresses(Protocol):
    """The addresses in a customer's profile at the central store."""

    def addresses(self, customer_id: str) -> list[DeliveryAddress]:
        """The customer's saved addresses (shipping default first); [] when none."""
