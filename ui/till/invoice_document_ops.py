"""The named operations of an invoice's document at the till: the stored invoice looked up,
printed on a system printer, saved as a PDF, e-mailed (queued for the outbox). All on the
printer's lane: a print job can wait on the spooler, a file on the disk, and none of it may
hold up a scan (register lane) or the screen."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from pos.invoices import Invoice
from pos.services.till import Till
from ui.lanes import Lanes
from ui.ops import Operation
from ui.till.operations import Done, Failed


def stored_invoice(lanes: Lanes, till: Till, *, number: str = "", ocr: str = "",
                   on_done: Done = None, on_error: Failed = None) -> Operation:
    """``on_done`` gets the till's own invoice (or None: not one of this store's)."""
    return lanes.printer.run(lambda: till.stored_invoice(number=number, ocr=ocr), on_done,
                             on_error, label="stored_invoice")


def print_invoice(lanes: Lanes, inv: Invoice, printer: QPrinter, *, on_done: Done = None,
                  on_error: Failed = None) -> Operation:
    """``inv`` printed on ``printer`` (chosen on the GUI thread, painted here)."""
    from ui.documents.invoice_pdf import print_invoice as paint

    def job() -> str:
        paint(inv, printer)
        return printer.printerName() or printer.outputFileName()
    return lanes.printer.run(job, on_done, on_error, label="print_invoice")


def save_invoice_pdf(lanes: Lanes, inv: Invoice, path: Path, *, on_done: Done = None,
                     on_error: Failed = None) -> Operation:
    from ui.documents.invoice_pdf import invoice_pdf

    return lanes.printer.run(lambda: invoice_pdf(inv, path), on_done, on_error,
                             label="save_invoice_pdf")


def email_invoice(lanes: Lanes, till: Till, number: str, to: str, *, on_done: Done = None,
                  on_error: Failed = None) -> Operation:
    """Invoice ``number`` e-mailed (again) to ``to``: one e-mail per request, from the outbox;
    ``on_done`` gets the InvoiceMailRequest."""
    return lanes.printer.run(lambda: till.email_invoice(number, to), on_done, on_error,
                             label="email_invoice")
