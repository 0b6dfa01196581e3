"""Receipts: the copy of the last receipt (F12) and what a print's outcome tells the cashier."""
from __future__ import annotations

from typing import Any

from pos.services.receipts import PrintOutcome
from ui.i18n.messages import message_for
from ui.till import operations as op
from ui.till.sale.base import Flow, translate


class Receipts(Flow):
    def reprint_last(self) -> None:
        self.page.show_message(translate("SalePage", "Reprinting the last receipt (copy)…"), "info")
        op.reprint_last(self.lanes, self.till, on_done=self._reprinted,
                        on_error=self.page.show_error)

    def _reprinted(self, result: tuple[Any, PrintOutcome]) -> None:
        sale, outcome = result
        if sale is None:
            self.page.show_message(translate("SalePage", "No receipt to reprint yet."), "info")
            return
        if outcome.ok:  # which receipt, and that it is its one copy
            self.page.show_message(translate("SalePage", "Copy of receipt %1 printed (KOPIA).")
                                   .replace("%1", str(sale.receipt_no)), "ok")
            return
        self.show_outcome(outcome)

    def show_outcome(self, outcome: PrintOutcome) -> None:
        if outcome.ok:
            self.page.show_message(translate("SalePage", "Printed."), "ok")
        else:
            self.page.show_message(message_for(outcome.error) if outcome.error else "", "error")

    def email_receipt(self) -> None:
        """Shift+F12: e-mail a copy of a receipt (when the till e-mails receipts)."""
        if not self.till.receipt_mail:
            self.page.show_message(translate("SalePage", "Receipts are not e-mailed from this "
                                                         "till: no mail server is configured."),
                                   "info")
            return
        from ui.till.receipt_mail_dialog import ReceiptMailDialog
        if self.page.dialog is not None and self.page.dialog.isVisible():
            return
        d = ReceiptMailDialog(self.lanes, self.till, self.page)
        d.finished.connect(lambda _r: self.page.scan_input.setFocus())
        self.page.dialog = d
        d.open()
