"""The till's receipts, printer and drawer: print and reprint (KOPIA), unprinted and recent
sales, the drawer opened without a sale."""
from __future__ import annotations

from pos.cart import ApprovalRequired
from pos.db import till_repositories as repo
from pos.journal import Kind
from pos.payments import TenderKind
from pos.ports import PrinterError
from pos.receipt import ReceiptDocument
from pos.receipt_layout import sale_receipt
from pos.sales import Sale
from pos.services.till_core import TillCore
from pos.services.till_types import PrintOutcome
from pos.shifts import ShiftError
from pos.sync.outbox import OutboxStatus
from pos.sync.outbox import status as outbox_status


class ReceiptsMixin(TillCore):
    # --- receipts, printer and drawer ------------------------------------------------------------

    def receipt(self, sale: Sale, copy: bool = False) -> ReceiptDocument:
        has_cash = any(t.kind is TenderKind.CASH for t in sale.tenders)
        return sale_receipt(sale, self.config.store, self.devices.control_unit.serial, copy=copy,
                            open_drawer=has_cash and not copy)

    def print_sale(self, sale_id: str, copy: bool = False) -> PrintOutcome:
        """Print (or reprint, marked KOPIA) a stored sale. A failure never touches the sale."""
        with self._tx() as s:
            sale = repo.get_sale(s, sale_id)
        if sale is None:
            return PrintOutcome(False, "No such sale")
        doc = self.receipt(sale, copy=copy)
        try:
            self.devices.printer.print_document(doc)
        except PrinterError as e:
            if doc.open_drawer:
                self._kick_drawer("sale (printer failed)", sale.receipt_no)
            return PrintOutcome(False, f"Receipt {sale.receipt_no} not printed: {e}. "
                                       "The sale is saved; reprint it when the printer is back")
        with self._tx() as s:
            repo.mark_printed(s, sale.id)
            if copy:
                shift = repo.current_shift(s, self.register_id)
                if shift:
                    repo.bump_counter(s, shift.id, "copies")
                self._journal(s, Kind.COPY, {"receipt_no": sale.receipt_no})
            if doc.open_drawer:
                self._journal_drawer(s, "sale", sale.receipt_no)
        return PrintOutcome(True)

    def print_document(self, doc: ReceiptDocument) -> PrintOutcome:
        try:
            self.devices.printer.print_document(doc)
        except PrinterError as e:
            return PrintOutcome(False, f"Not printed: {e}")
        return PrintOutcome(True)

    def outbox_status(self) -> OutboxStatus:
        """How the delivery of sales to the central store stands (for the status bar)."""
        with self._tx() as s:
            return outbox_status(s)

    def unprinted_sales(self) -> list[str]:
        with self._tx() as s:
            return repo.unprinted_sales(s, self.register_id)

    def recent_sales(self, limit: int = 50) -> list[Sale]:
        with self._tx() as s:
            return repo.recent_sales(s, self.register_id, limit)

    def sale_by_receipt(self, receipt_no: int) -> Sale | None:
        with self._tx() as s:
            return repo.sale_by_receipt(s, self.register_id, receipt_no)

    def open_drawer_no_sale(self, reason: str, approver_pin: str | None = None) -> None:
        """"No sale": opens the drawer with a manager's approval and a reason (journaled)."""
        approver = self._approver(approver_pin)
        if approver is None:
            raise ApprovalRequired("Opening the drawer without a sale needs a manager", "no_sale")
        if not reason.strip():
            raise ShiftError("Give a reason for opening the drawer")
        self._kick_drawer(f"no sale: {reason.strip()} (approved by {approver})")
