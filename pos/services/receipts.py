"""Receipts and the cash drawer, on the printer's own lane: print and reprint (KOPIA) a stored
sale, print a report, open the drawer (journaled). Holds no register state: who asked and for
which register come with each call, and it has its own unit of work, so it runs beside the
register's lane without sharing its transaction or its state.

A failed print never touches the sale: it stays stored, unprinted, and can be printed again.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from pos.errors import UserError, messages
from pos.journal import Kind
from pos.ports import PrinterError, ReceiptPrinter
from pos.receipt import ReceiptDocument
from pos.receipt_delivery import order_confirmation
from pos.receipt_layout import StoreInfo, sale_receipt
from pos.sales import Sale
from pos.services.unit_of_work import UnitOfWork


MESSAGES = messages({
    "receipts.no_such_sale": "No such sale",
    "receipts.not_printed": "Receipt {receipt} not printed: {reason}. The sale is saved; reprint "
                            "it when the printer is back",
    "receipts.document_not_printed": "Not printed: {reason}",
    "receipts.copy_already_printed": "Receipt {receipt} already has its copy: a receipt gets one "
                                     "copy (KOPIA)",
})


class PrintFailed(UserError):
    """A receipt or report that did not print (``reason``: the printer's error)."""


@dataclass(frozen=True)
class PrintOutcome:
    ok: bool
    error: UserError | None = None  # why not, when not ok

    @property
    def message(self) -> str:
        """Why it did not print, in English ("" when it did)."""
        return self.error.message if self.error is not None else ""


class ReceiptDesk:
    """``ReceiptDesk(uow, printer, store, control_unit_serial)``; every method blocks on the
    printer: call it from the printer's lane."""

    def __init__(self, uow: UnitOfWork, printer: ReceiptPrinter, store: StoreInfo,
                 control_unit_serial: str, clock: Callable[[], datetime] = datetime.now) -> None:
        self.uow = uow
        self.printer = printer
        self.store = store
        self.control_unit_serial = control_unit_serial
        self.clock = clock

    def _now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def receipt(self, sale: Sale, copy: bool = False) -> ReceiptDocument:
        """The sale's receipt; a cash sale's original opens the drawer."""
        has_cash = any(t.method.counts_as_cash for t in sale.tenders)
        with self.uow:
            delivery = self.uow.deliveries.for_sale(sale.id)
        return sale_receipt(sale, self.store, self.control_unit_serial, copy=copy,
                            open_drawer=has_cash and not copy, delivery=delivery)

    def print_order_confirmation(self, sale_id: str) -> PrintOutcome:
        """The customer's confirmation of what is sent home (a slip of its own, until it goes
        by e-mail); ok with nothing printed when the sale sends nothing."""
        with self.uow:
            sale = self.uow.sales.get(sale_id)
            delivery = self.uow.deliveries.for_sale(sale_id) if sale is not None else None
        if sale is None or delivery is None:
            return PrintOutcome(True)
        return self.print_document(order_confirmation(sale, delivery, self.store))

    def print_sale(self, sale_id: str, copy: bool = False, by: str | None = None) -> PrintOutcome:
        """Print (or reprint, marked KOPIA) a stored sale; ``by``: who asked (journaled).

        A receipt gets one copy (SKVFS 2014:9: a copy of a receipt is printed at most once): a
        second is refused and the refusal journaled."""
        with self.uow:
            sale = self.uow.sales.get(sale_id)
            if sale is not None and copy:
                claimed = self.uow.sales.take_copy(sale.id)
                if not claimed:
                    self.uow.journal.record(sale.register_id, self._now(), Kind.COPY_REFUSED,
                                            {"receipt_no": sale.receipt_no}, by)
                self.uow.commit()
                if not claimed:
                    return PrintOutcome(False, PrintFailed("receipts.copy_already_printed",
                                                           receipt=sale.receipt_no))
        if sale is None:
            return PrintOutcome(False, PrintFailed("receipts.no_such_sale"))
        doc = self.receipt(sale, copy=copy)
        try:
            self.printer.print_document(doc)
        except PrinterError as e:
            with self.uow:
                if copy:
                    self.uow.sales.give_back_copy(sale.id)
                self.uow.commit()
            if doc.open_drawer:
                self.open_drawer(sale.register_id, "sale (printer failed)", by, sale.receipt_no)
            return PrintOutcome(False, PrintFailed("receipts.not_printed",
                                                   receipt=sale.receipt_no, reason=e))
        now = self._now()
        with self.uow:
            self.uow.sales.mark_printed(sale.id)
            if copy:
                self._count(sale.register_id, "copies")
                self.uow.journal.record(sale.register_id, now, Kind.COPY,
                                        {"receipt_no": sale.receipt_no}, by)
            if doc.open_drawer:
                self._journal_drawer(sale.register_id, "sale", by, sale.receipt_no, now)
            self.uow.commit()
        if not copy:  # what is sent home: the customer's order confirmation too
            return self.print_order_confirmation(sale.id)
        return PrintOutcome(True)

    def reprint_last(self, register_id: str, by: str | None) -> tuple[Sale | None, PrintOutcome]:
        """A copy (KOPIA) of the register's newest receipt; (None, ...) when it has none yet."""
        with self.uow:
            recent = self.uow.sales.recent(register_id, 1)
        if not recent:
            return None, PrintOutcome(False, PrintFailed("receipts.no_such_sale"))
        return recent[0], self.print_sale(recent[0].id, copy=True, by=by)

    def print_document(self, doc: ReceiptDocument) -> PrintOutcome:
        """Print a document that is not a sale (an X or Z report, a test page)."""
        try:
            self.printer.print_document(doc)
        except PrinterError as e:
            return PrintOutcome(False, PrintFailed("receipts.document_not_printed", reason=e))
        return PrintOutcome(True)

    def open_drawer(self, register_id: str, reason: str, by: str | None,
                    receipt_no: int | None = None) -> None:
        """Kick the cash drawer; the opening is journaled and counted even when the kick fails
        (``PrinterError`` is raised after)."""
        try:
            self.printer.open_drawer()
        finally:
            with self.uow:
                self._journal_drawer(register_id, reason, by, receipt_no, self._now())
                self.uow.commit()

    def _journal_drawer(self, register_id: str, reason: str, by: str | None,
                        receipt_no: int | None, now: datetime) -> None:
        self._count(register_id, "drawer_openings")
        self.uow.journal.record(register_id, now, Kind.DRAWER_OPEN,
                                {"reason": reason, "receipt_no": receipt_no}, by)

    def _count(self, register_id: str, counter: str) -> None:
        shift = self.uow.shifts.current(register_id)
        if shift is not None:
            self.uow.shifts.bump_counter(shift.id, counter)
