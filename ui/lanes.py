"""The worker lanes of a face (till, back office, kiosk) and the one signal that tells every
screen what changed.

Three lanes, each a serial worker (``ui.ops.Ops``) with its own unit of work behind it:

* ``register``: everything that reads or changes the register's state and the store's
  database (scans, the sale, payment, shift). One call at a time, in the order asked, so a scan
  is answered from the local database in milliseconds.
* ``network``: calls that wait on the central store (customer search, a loyalty card) and touch
  no register state: a hung central store never holds up a scan.
* ``printer``: receipts, reports and the cash drawer, so a slow printer never does either.

``changed`` carries a ``Change`` (``SaleChanged``, ``PaymentChanged`` ...) on the GUI thread
after the operation that made it: the sale page, the customer display (and later the web-cart
panel, the kiosk, the back office) each redraw what they show of it, once per change, as Anki's
``operation_did_execute`` tells its screens.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from pos.cart import CartTotals
from pos.sales import Sale
from pos.services.payments import PaymentView
from pos.services.receipts import PrintOutcome
from pos.shifts import ShiftInfo
from ui.ops import Ops


@dataclass(frozen=True)
class SaleChanged:
    """The sale in progress as it is now; ``select_line``: the line the change was about."""

    totals: CartTotals
    select_line: int | None = None


@dataclass(frozen=True)
class PaymentChanged:
    view: PaymentView


@dataclass(frozen=True)
class SaleCompleted:
    sale: Sale


@dataclass(frozen=True)
class PaymentPrompted:
    """A payment waits for the customer's phone (Swish): ``qr_data`` to scan (m-commerce), or
    ``phone`` it was sent to; ``active`` False when the wait ended (paid, refused, cancelled)."""

    method: str
    amount: int
    qr_data: str = ""
    phone: str = ""
    active: bool = True


@dataclass(frozen=True)
class ShiftChanged:
    shift: ShiftInfo | None


@dataclass(frozen=True)
class Printed:
    outcome: PrintOutcome


Change = (SaleChanged | PaymentChanged | PaymentPrompted | SaleCompleted | ShiftChanged
          | Printed)


class Lanes(QObject):
    changed = Signal(object)  # a Change, on the GUI thread

    def __init__(self, parent: QObject | None = None, *, register: Ops | None = None,
                 printer: Ops | None = None) -> None:
        super().__init__(parent)
        self.register = register or Ops("register-lane", self)
        self.network = Ops("network-lane", self)
        self.printer = printer or Ops("printer-lane", self)

    @property
    def all(self) -> tuple[Ops, ...]:
        return (self.register, self.network, self.printer)

    def idle(self) -> bool:
        return all(lane.is_idle() for lane in self.all)

    def tell(self, change: Any) -> None:
        """Tell every screen (call on the GUI thread, from an operation's result)."""
        self.changed.emit(change)

    def shutdown(self) -> None:
        for lane in self.all:
            lane.shutdown()
