"""The till's customer display follows the screen's changes: the sale as every change leaves it,
the payment as it goes (a Swish QR code while the customer pays), the thanks and the digital receipt's QR code when the sale is done.

One display update per change, on the GUI thread, from ``Lanes.changed`` (the same change the
sale page draws); a device display (a serial pole display) is driven by the till's use cases
instead, from the worker."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from pos.display import display_lines
from pos.ports import CustomerDisplay
from ui.lanes import Lanes, PaymentChanged, PaymentPrompted, SaleChanged, SaleCompleted


class DisplayFeed(QObject):
    def __init__(self, lanes: Lanes, display: CustomerDisplay, thanks_text: str,
                 receipt_url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.display = display
        self.thanks_text, self.receipt_url = thanks_text, receipt_url
        lanes.changed.connect(self.on_change)

    def on_change(self, change: Any) -> None:
        if isinstance(change, SaleChanged):
            t = change.totals
            self.display.show_cart(display_lines(t), t.total, t.vat_total)
        elif isinstance(change, PaymentChanged):
            self.display.show_payment(change.view.total, change.view.paid, 0)
        elif isinstance(change, PaymentPrompted):
            # a window that can show a QR code shows it; a line display has no room for one
            show = getattr(self.display, "show_mobile_payment", None)
            if show is not None:
                show(change.method, change.amount if change.active else 0, change.qr_data,
                     change.phone)
        elif isinstance(change, SaleCompleted):
            self.display.show_thanks(self.thanks_text, self.receipt_url + change.sale.id)
