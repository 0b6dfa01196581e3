"""After a restart (a crash, a power cut): what the till found, said at once.

On start the till's window asks (``check``, on the register lane) for the sale in progress it
restored from the database and the completed sales whose receipt never printed (the crash came
while printing, or the printer failed then). ``RecoveryBar`` says both at the top of the window,
from the login page on; once a cashier is logged in it offers to print the missing receipts
(``print_unprinted``, on the printer lane: the originals, as the customer should have had them).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from pos.cart import CartTotals
from pos.money import format_kronor
from pos.queries import sales as sale_queries
from pos.sales import Sale
from pos.services.receipts import PrintOutcome
from pos.services.till import Till
from ui.i18n.messages import message_for
from ui.lanes import Lanes, Printed
from ui.ops import Operation
from ui.widgets.style import metrics, set_level, set_role


@dataclass(frozen=True)
class Recovered:
    """What a start found: the sale in progress restored (None: none) and the sales whose
    receipt was never printed, oldest first."""

    restored: CartTotals | None
    unprinted: tuple[Sale, ...]

    def __bool__(self) -> bool:
        return self.restored is not None or bool(self.unprinted)


def check(lanes: Lanes, till: Till, *, on_done: Callable[[Recovered], None],
          on_error: Callable[[BaseException], None] | None = None) -> Operation:
    """What the till restored and what it never printed (register lane)."""
    def found() -> Recovered:
        totals = till.totals()
        sales = (sale_queries.sale(till.ctx.uow, sale_id) for sale_id in till.unprinted_sales())
        return Recovered(totals if totals.lines else None, tuple(s for s in sales if s))
    return lanes.register.run(found, on_done, on_error, label="recovery")


def unprinted(lanes: Lanes, till: Till, *, on_done: Callable[[tuple[Sale, ...]], None],
              on_error: Callable[[BaseException], None] | None = None) -> Operation:
    """The sales whose receipt is still not printed (register lane)."""
    def found() -> tuple[Sale, ...]:
        sales = (sale_queries.sale(till.ctx.uow, sale_id) for sale_id in till.unprinted_sales())
        return tuple(s for s in sales if s)
    return lanes.register.run(found, on_done, on_error, label="unprinted")


def print_unprinted(lanes: Lanes, till: Till, sales: tuple[Sale, ...], *,
                    on_done: Callable[[list[tuple[Sale, PrintOutcome]]], None],
                    on_error: Callable[[BaseException], None] | None = None) -> Operation:
    """Print each sale's receipt, the original (printer lane); ``on_done`` gets each outcome."""
    def run() -> list[tuple[Sale, PrintOutcome]]:
        return [(sale, till.print_sale(sale.id)) for sale in sales]

    def done(outcomes: list[tuple[Sale, PrintOutcome]]) -> None:
        for _sale, outcome in outcomes:
            lanes.tell(Printed(outcome))
        on_done(outcomes)
    return lanes.printer.run(run, done, on_error, label="print_unprinted")


def receipt_numbers(sales: tuple[Sale, ...] | list[Sale]) -> str:
    return ", ".join(str(s.receipt_no) for s in sales)


class RecoveryBar(QFrame):
    """The news of a restart at the top of the till's window; ``print_requested`` when the
    cashier asks for the missing receipts, ``dismissed`` when they have read it."""

    print_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryBar")
        self.setProperty("role", "panel")
        self.recovered: Recovered | None = None
        self.logged_in = False
        self.text = QLabel("", self)
        self.text.setObjectName("recoveryText")
        self.text.setWordWrap(True)
        self.text.setProperty("role", "message")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        set_level(self.text, "error")
        self.print_button = QPushButton("", self)
        self.print_button.setObjectName("recoveryPrint")
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps it
        set_role(self.print_button, "primary")
        self.print_button.clicked.connect(lambda: self.print_requested.emit())
        self.ok_button = QPushButton(self.tr("OK, understood"), self)
        self.ok_button.setObjectName("recoveryOk")
        self.ok_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok_button.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        m = metrics()
        layout.setContentsMargins(m.px(8), m.px(6), m.px(8), m.px(6))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.print_button)
        layout.addWidget(self.ok_button)
        self.hide()

    def show_recovered(self, recovered: Recovered) -> None:
        self.recovered = recovered
        self._redraw()

    def set_logged_in(self, logged_in: bool) -> None:
        self.logged_in = logged_in
        self._redraw()

    def _redraw(self) -> None:
        rec = self.recovered
        if not rec:
            self.hide()
            return
        said = []
        if rec.restored is not None:
            said.append(self.tr("The till was restarted with a sale in progress: it is restored "
                                "(%n item(s), %1 kr).", "", rec.restored.item_count)
                        .replace("%1", format_kronor(rec.restored.total)))
        if rec.unprinted:
            said.append(self.tr("Receipt(s) %1 never printed.", "", len(rec.unprinted))
                        .replace("%1", receipt_numbers(rec.unprinted)))
            if not self.logged_in:
                said.append(self.tr("Log in to print them.", "", len(rec.unprinted)))
        self.text.setText(" ".join(said))
        self.print_button.setText(self.tr("Print %n receipt(s)", "", len(rec.unprinted)))
        self.print_button.setVisible(bool(rec.unprinted) and self.logged_in)
        self.show()

    def _dismiss(self) -> None:
        self.recovered = None
        self.hide()
        self.dismissed.emit()

    def after_printing(self, still_unprinted: tuple[Sale, ...]) -> None:
        """The receipts that still did not print (the bar stays while there are some)."""
        if self.recovered is None:
            return
        self.show_recovered(Recovered(None, still_unprinted))

    def printed_text(self, outcomes: list[tuple[Sale, PrintOutcome]]) -> tuple[str, str]:
        """What the cashier is told after printing the missing receipts, and its level (a
        method: lupdate reads a plural only from ``tr``, not from a module's ``translate``)."""
        failed = [outcome for _sale, outcome in outcomes if not outcome.ok]
        if not failed:
            return (self.tr("Printed %n receipt(s): %1.", "", len(outcomes))
                    .replace("%1", receipt_numbers([s for s, _ in outcomes])), "ok")
        first = failed[0].error
        return (message_for(first) if first is not None else "", "error")

