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
