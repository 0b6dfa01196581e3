"""The back office's reprints: an X or Z report taken earlier printed again as a copy, and a
receipt looked up in the back office printed as its one copy.

- A **report reprinted** from the history is the report as the journal kept it
  (``pos.queries.report_history.report_again``) marked KOPIA at its top and its foot, as a
  receipt's copy is (``pos.receipt_layout.sale_receipt``): a copy must never pass for the
  original. Each reprint is journaled in the back office's journal (``REPORT_COPY``: which
  register's report, its journal line, its kind and Z number, who, and whether it printed).
- A **receipt's copy** goes through the till's own rule, ``ReceiptDesk.print_sale(copy=True)``:
  one copy per receipt (SKVFS 2014:9), a second refused, both journaled in the sale's register's
  journal with who asked. There is no second copy rule here.

The printer is the back office's own (``[devices] printer`` of its config); every call blocks on
it, so the UI calls these on a worker lane.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from pos.errors import UserError, messages
from pos.journal import Kind
from pos.ports import PrinterStatus, ReceiptPrinter
from pos.queries.report_history import ReportEntry, report_again
from pos.receipt import Align, Feed, ReceiptDocument, Text
from pos.receipt_layout import StoreInfo
from pos.sales import Sale
from pos.services.backoffice import journal
from pos.services.receipts import PrintOutcome, ReceiptDesk
from pos.services.unit_of_work import UnitOfWork
from pos.staff import StaffMember

MESSAGES = messages({
    "backoffice.receipt_code": "{code} is no receipt: scan its barcode or type the register "
                               "and the receipt number (K1 12)",
    "backoffice.no_receipt": "Register {register} has no receipt {receipt}",
    "backoffice.no_printer": "No receipt printer is configured for the back office "
                             "([devices] printer)",
})


class NoPrinterHere(UserError):
    """The back office has no printer to print on."""


class ReceiptNotFound(UserError):
    """The receipt asked for is not in the database."""


def as_copy(doc: ReceiptDocument) -> ReceiptDocument:
    """``doc`` marked KOPIA at its top and its foot, twice the size, as a receipt's copy."""
    mark = Text("KOPIA", Align.CENTER, bold=True, size=2)
    return replace(doc, blocks=(mark, Feed(), *doc.blocks, Feed(), mark),
                   kind=f"{doc.kind}_copy", open_drawer=False)


def reprint_report(uow: UnitOfWork, printer: ReceiptPrinter, store: StoreInfo, now: datetime,
                   by: StaffMember, entry: ReportEntry) -> PrintOutcome:
    """Print the report ``entry`` again as a copy (see the module's doc)."""
    again = report_again(uow, entry, store)
    doc = as_copy(again.document)
    outcome = ReceiptDesk(uow, printer, store, "").print_document(doc)
    with uow:
        journal(uow, now, Kind.REPORT_COPY,
                {"register": entry.register_id, "report_seq": entry.seq, "kind": entry.kind,
                 "z_number": entry.z_number, "printed": outcome.ok,
                 **({"reason": outcome.message} if not outcome.ok else {})}, by.id)
        uow.commit()
    return outcome


def parse_receipt(code: str) -> tuple[str, int]:
    """(register, receipt number) from a receipt's barcode (``R-K1-000012``) or ``K1 12`` /
    ``K1-12``."""
    text = code.strip()
    if text.upper().startswith("R-"):
        text = text[2:]
    register, sep, number = text.replace(" ", "-").rpartition("-")
    if not sep or not register or not number.isdigit():
        raise ReceiptNotFound("backoffice.receipt_code", code=code.strip())
    return register.strip("-"), int(number)


def find_receipt(uow: UnitOfWork, code: str) -> Sale:
    """The sale of the receipt ``code`` (see ``parse_receipt``)."""
    register, number = parse_receipt(code)
    with uow:
        sale = uow.sales.by_receipt(register, number)
        if sale is None and register != register.upper():  # "k1 12" typed for K1
            sale = uow.sales.by_receipt(register.upper(), number)
    if sale is None:
        raise ReceiptNotFound("backoffice.no_receipt", register=register, receipt=number)
    return sale


def receipt_text(uow: UnitOfWork, store: StoreInfo, serial: str, sale: Sale) -> str:
    """The receipt as it was printed, for the screen."""
    return ReceiptDesk(uow, _NoPrinter(), store, serial).receipt(sale).plain_text(42)


def reprint_receipt(uow: UnitOfWork, printer: ReceiptPrinter, store: StoreInfo, serial: str,
                    now: datetime, by: StaffMember, sale_id: str) -> PrintOutcome:
    """The receipt's one copy (KOPIA) by the till's rule (``ReceiptDesk.print_sale``)."""
    return ReceiptDesk(uow, printer, store, serial, clock=lambda: now).print_sale(
        sale_id, copy=True, by=by.id)


def test_print(uow: UnitOfWork, printer: ReceiptPrinter, store: StoreInfo, register_id: str,
               now: datetime) -> PrintOutcome:
    """The till's test receipt (``pos.receipt_layout.test_receipt``, as ``main.py devices
    print-test`` prints it) on ``register_id``'s printer."""
    from pos.receipt_layout import test_receipt
    doc = test_receipt(store, register_id, now.isoformat(" ", "minutes"))
    return ReceiptDesk(uow, printer, store, "").print_document(doc)


def open_drawer(uow: UnitOfWork, printer: ReceiptPrinter, store: StoreInfo, now: datetime,
                by: StaffMember, register_id: str) -> PrintOutcome:
    """Kick ``register_id``'s drawer from the back office: journaled in that register's journal
    as a drawer opening (reason ``backoffice``, who) and counted in its open shift, even when
    the kick fails (the till's own ``ReceiptDesk.open_drawer``)."""
    from pos.ports import PrinterError
    try:
        ReceiptDesk(uow, printer, store, "", clock=lambda: now).open_drawer(
            register_id, "backoffice", by.id)
    except PrinterError as e:
        return PrintOutcome(False, e)
    return PrintOutcome(True)


class _NoPrinter:
    """For laying a receipt out only: nothing is sent anywhere."""

    name = "none"

    def status(self) -> PrinterStatus:
        return PrinterStatus(online=False, detail="laying out only")

    def print_document(self, doc: ReceiptDocument) -> None:
        raise AssertionError("laying out only")

    def open_drawer(self) -> None:
        raise AssertionError("laying out only")

