"""What the central store says of orders and returns this store knows locally (the back
office's Orders page): an order's payment and fulfilment status with its lines, payments and
fulfilments (tracking), and a return's status and refund. Read in one batch per page of rows
(``pos.ports.OrderStatuses``); the till's own records (``pos.queries.orders``) are joined with
them by id.

Medusa's words are kept (``captured``, ``shipped`` ...); ``fulfilment_stage`` and
``return_stage`` fold them into what a manager asks: not fulfilled / shipped / delivered,
requested / received / refunded. Amounts are öre, VAT included.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class FulfilmentStage(Enum):
    NOT_FULFILLED = "not_fulfilled"  # nothing sent yet (or picked, not shipped)
    SHIPPED = "shipped"  # on its way to the customer
    DELIVERED = "delivered"
    CANCELED = "canceled"


class ReturnStage(Enum):
    REQUESTED = "requested"  # recorded, goods not received centrally yet
    RECEIVED = "received"  # goods received (restocked or written off), nothing refunded centrally
    REFUNDED = "refunded"  # received and the central payment refunded
    CANCELED = "canceled"


@dataclass(frozen=True)
class CentralLine:
    name: str
    sku: str
    quantity: int
    total: int  # öre


@dataclass(frozen=True)
class CentralPayment:
    provider: str  # pp_system_default, pp_invoice_invoice ...
    amount: int  # öre
    captured: bool
    refunded: int  # öre


@dataclass(frozen=True)
class CentralFulfilment:
    id: str
    location_key: str
    shipped_at: str
    delivered_at: str
    canceled_at: str
    tracking: tuple[str, ...] = ()  # tracking numbers (or URLs when there is no number)


@dataclass(frozen=True)
class CentralOrderStatus:
    order_id: str
    display_id: int
    status: str  # pending, completed, canceled ...
    payment_status: str  # not_paid, authorized, captured, partially_refunded, refunded ...
    fulfillment_status: str  # Medusa's: not_fulfilled, partially_shipped, shipped, delivered ...
    total: int
    lines: tuple[CentralLine, ...] = ()
    payments: tuple[CentralPayment, ...] = ()
    fulfilments: tuple[CentralFulfilment, ...] = ()

    @property
    def fulfilment_stage(self) -> FulfilmentStage:
        return fulfilment_stage(self.status, self.fulfillment_status)

    @property
    def tracking(self) -> tuple[str, ...]:
        return tuple(t for f in self.fulfilments if not f.canceled_at for t in f.tracking)


@dataclass(frozen=True)
class CentralReturnStatus:
    return_id: str
    order_id: str
    display_id: int  # the order's display number
    status: str  # Medusa's: requested, received, partially_received, canceled
    refund_amount: int  # öre the return asked to refund centrally
    refunded: int  # öre refunded on the order's payments
    received_at: str = ""

    @property
    def stage(self) -> ReturnStage:
        return return_stage(self.status, self.refund_amount, self.refunded)


def fulfilment_stage(order_status: str, fulfillment_status: str) -> FulfilmentStage:
    """Medusa's fulfilment status folded: partly delivered is still shipped, partly shipped
    still not fulfilled (the customer has not got everything on its way)."""
    if order_status == "canceled" or fulfillment_status == "canceled":
        return FulfilmentStage.CANCELED
    if fulfillment_status == "delivered":
        return FulfilmentStage.DELIVERED
    if fulfillment_status in ("shipped", "partially_delivered"):
        return FulfilmentStage.SHIPPED
    return FulfilmentStage.NOT_FULFILLED


def return_stage(status: str, refund_amount: int, refunded: int) -> ReturnStage:
    if status == "canceled":
        return ReturnStage.CANCELED
    if status not in ("received", "partially_received"):
        return ReturnStage.REQUESTED
    if refund_amount > 0 and refunded >= refund_amount:
        return ReturnStage.REFUNDED
    return ReturnStage.RECEIVED
