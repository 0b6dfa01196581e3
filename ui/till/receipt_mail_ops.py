"""The named operations of e-mailed receipts: queue the e-mail of a completed sale's receipt,
or of a copy of an earlier one, on the printer's lane (the receipts' own lane, with its own unit
of work: a local write of a few milliseconds; the e-mail itself goes from the outbox worker, so
neither a scan nor the screen ever waits on the mail server)."""
from __future__ import annotations

from pos.services.till import Till
from ui.lanes import Lanes
from ui.ops import Operation
from ui.till.operations import Done, Failed


def email_receipt(lanes: Lanes, till: Till, sale_id: str, to: str, *, on_done: Done = None,
                  on_error: Failed = None) -> Operation:
    """The sale's receipt to ``to`` (once per sale); ``on_done`` gets the ReceiptMailRequest."""
    return lanes.printer.run(lambda: till.email_receipt(sale_id, to), on_done, on_error,
                             label="email_receipt")


def email_receipt_copy(lanes: Lanes, till: Till, receipt_no: int, to: str, *,
                       on_done: Done = None, on_error: Failed = None) -> Operation:
    """A copy (KOPIA) of this register's receipt ``receipt_no`` to ``to``: one e-mail each."""
    return lanes.printer.run(lambda: till.email_receipt_copy(receipt_no, to), on_done, on_error,
                             label="email_receipt_copy")


def last_receipt_no(lanes: Lanes, till: Till, *, on_done: Done = None,
                    on_error: Failed = None) -> Operation:
    return lanes.printer.run(till.last_receipt_no, on_done, on_error, label="last_receipt_no")
