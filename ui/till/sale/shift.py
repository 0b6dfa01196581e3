"""The shift (F10): opened with a float, cash in and out, the drawer opened without a sale, the
X report and the Z report that closes the day."""
from __future__ import annotations

from typing import Any

from pos.money import format_kronor
from pos.shifts import ShiftError, ShiftInfo
from ui.till import operations as op
from ui.till import shift_dialogs
from ui.till.approval_dialog import run_with_approval
from ui.till.cash_count_dialog import CashCountDialog
from ui.till.receipt_preview import ReceiptPreviewDialog, printer_paper
from ui.till.sale.base import Flow, translate


class Shift(Flow):
    def shift_menu(self) -> None:
        def got(shift: ShiftInfo | None) -> None:
            menu = shift_dialogs.ShiftMenu(shift, self.page)
            actions = {shift_dialogs.OPEN: self.open_shift,
                       shift_dialogs.CASH_IN: lambda: self.cash_movement(True),
                       shift_dialogs.CASH_OUT: lambda: self.cash_movement(False),
                       shift_dialogs.X_REPORT: self.x_report,
                       shift_dialogs.CLOSE: self.close_shift,
                       shift_dialogs.NO_SALE: self.no_sale}
            self.open(menu, lambda: menu.action and actions[menu.action]())

        op.current_shift(self.lanes, self.till, on_done=got, on_error=self.page.show_error)

    def open_shift(self) -> None:
        d = shift_dialogs.open_shift_dialog(self.page)

        def opened(shift: ShiftInfo) -> None:
            self.page.show_message(
                translate("SalePage", "Shift %1 opened with a float of %2 kr. Ready to sell.")
                .replace("%1", str(shift.id)).replace("%2", format_kronor(shift.opening_float)),
                "ok")

        self.open(d, lambda: op.open_shift(self.lanes, self.till, d.value, on_done=opened,
                                           on_error=self.page.show_error))

    def cash_movement(self, cash_in: bool) -> None:
        d = shift_dialogs.CashMovementDialog(cash_in, self.page)
        self.open(d, lambda: op.cash_movement(
            self.lanes, self.till, d.value, d.reason_text,
            on_done=lambda _r: self.page.show_message(
                translate("SalePage", "Cash movement of %1 kr recorded.")
                .replace("%1", format_kronor(d.value)), "ok"),
            on_error=self.page.show_error))

    def no_sale(self) -> None:
        if self.page.model.rowCount():  # said before the reason is asked (the domain says it too)
            self.page.show_error(ShiftError("drawer.sale_in_progress"))
            return
        d = shift_dialogs.NoSaleDialog(self.page)
        self.open(d, lambda: run_with_approval(
            self.page, lambda pin, done, failed: op.no_sale(self.lanes, self.till, d.value, pin,
                                                            on_done=done, on_error=failed),
            lambda _r: self.page.show_message(translate("SalePage", "Drawer opened."), "ok"),
            self.page.show_error))

    def x_report(self) -> None:
        op.x_report(self.lanes, self.till, on_done=self.show_report, on_error=self.page.show_error)

    def close_shift(self) -> None:
        """Count the drawer (the sales still parked are named first), then the Z report; a
        variance over the register's limit needs a manager's PIN."""
        op.parked(self.lanes, self.till, on_done=self._count, on_error=self.page.show_error)

    def _count(self, parked: list[Any]) -> None:
        d = CashCountDialog((len(parked), sum(p.total for p in parked)), self.page)
        self.open(d, lambda: d.count is not None and run_with_approval(
            self.page, lambda pin, done, failed: op.close_shift(
                self.lanes, self.till, d.count.total, count=d.count, approver_pin=pin,
                on_done=done, on_error=failed),
            self.show_report, self.page.show_error))

    def show_report(self, result: Any) -> None:
        report, doc = result
        summary, level = shift_dialogs.report_summary(report)
        title = (translate("SalePage", "Z report") if report.kind == "Z"
                 else translate("SalePage", "X report"))
        d = ReceiptPreviewDialog(doc, self.page, title=title, summary=summary,
                                 summary_level=level, can_print=True,
                                 columns=printer_paper(self.till.devices.printer))
        d.print_requested.connect(lambda doc: op.print_document(
            self.lanes, self.till, doc, on_done=self.page.receipts.show_outcome,
            on_error=self.page.show_error))
        self.page.show_message(summary, level if level != "error" else "info")
        self.open(d, lambda: None)

