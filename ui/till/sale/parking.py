"""Parking (F7) and resuming (F8) a sale."""
from __future__ import annotations

from typing import Any

from ui.till import operations as op
from ui.till.parked_dialog import ParkedDialog
from ui.till.sale.base import Flow, translate


class Parking(Flow):
    def park(self) -> None:
        op.park(self.lanes, self.till, on_done=self._parked, on_error=self.page.show_error)

    def _parked(self, parked_id: int) -> None:
        self.page.show_message(translate("SalePage", "Sale parked as #%1. Resume it with F8.")
                               .replace("%1", str(parked_id)), "ok")

    def resume(self) -> None:
        op.parked(self.lanes, self.till, on_done=self._choose, on_error=self.page.show_error)

    def _choose(self, parked: list[Any]) -> None:
        d = ParkedDialog(parked, self.page)
        self.open(d, lambda: d.chosen is not None and op.resume(
            self.lanes, self.till, d.chosen.id,
            on_done=lambda _t: self.page.show_message(
                translate("SalePage", "Parked sale resumed."), "ok"),
            on_error=self.page.show_error))
