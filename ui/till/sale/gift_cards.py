"""Gift cards sold at the till (Ctrl+G): the amount typed in a dialog becomes a line of the sale
(no VAT: the card's code is made now and printed as a barcode and a QR code on the receipt)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from ui.till import gift_card_ops as gops
from ui.till.gift_card_dialog import GiftCardSaleDialog
from ui.till.sale.base import Flow, translate
from ui.widgets.style import metrics


class GiftCards(Flow):
    def __init__(self, page, lanes, till) -> None:  # noqa: ANN001 - as Flow
        super().__init__(page, lanes, till)
        self.button = QPushButton(translate("SalePage", "Gift card") + "\nCtrl+G", page)
        self.button.setObjectName("giftCardButton")
        self.button.setMinimumHeight(metrics().touch(72))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
        self.button.clicked.connect(lambda _=False: self.sell())
        self.dialog: GiftCardSaleDialog | None = None

    def sell(self) -> None:
        d = GiftCardSaleDialog(self.till.config.gift_cards, self.page)
        self.dialog = d

        def sold(totals) -> None:  # noqa: ANN001 - CartTotals
            self.page.show_message(translate("SalePage", "Gift card added: the central store "
                                                         "makes it when the sale is paid."), "ok")
            d.accept()

        d.sell_requested.connect(lambda amount: gops.sell_gift_card(
            self.lanes, self.till, amount, on_done=sold, on_error=self.errors_to(d)))
        self.open(d, lambda: None)
