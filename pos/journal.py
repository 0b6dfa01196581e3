"""The electronic journal: append-only, hash-chained records of everything the register did.

Each entry's hash covers its sequence number, time, register, kind, canonical JSON payload and the
previous entry's hash. Editing, inserting or deleting a row breaks the chain at that row; deleting
the newest rows is caught by the head (last sequence and hash) kept beside the journal.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pos.errors import UserError, messages

GENESIS = "0" * 64


class Kind:
    SALE = "sale"
    VOID_LINE = "void_line"
    VOID_SALE = "void_sale"
    COPY = "receipt_copy"
    COPY_REFUSED = "receipt_copy_refused"  # a second copy asked for and refused
    RECEIPT_EMAIL = "receipt_email"  # a receipt to be e-mailed (the address masked)
    DRAWER_OPEN = "drawer_open"
    PRICE_OVERRIDE = "price_override"
    DISCOUNT_APPROVED = "discount_approved"
    SHIFT_OPEN = "shift_open"
    SHIFT_CLOSE = "shift_close"
    CASH_IN = "cash_in"
    CASH_OUT = "cash_out"
    X_REPORT = "x_report"
    Z_REPORT = "z_report"
    PARK = "park"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    RETURN = "return"
    CARD_REFUND = "card_refund"
    TENDER_REMOVED = "tender_removed"  # cash handed back before the sale completed
    GIFT_CARD_SOLD = "gift_card_sold"  # a gift card's line (its code) put on the sale
    # the back office's (its own journal, ``pos.services.backoffice.BACKOFFICE``)
    LOGOUT = "logout"
    STAFF_ADDED = "staff_added"
    STAFF_CHANGED = "staff_changed"  # name, role or active, each as [from, to]
    PIN_RESET = "pin_reset"  # who reset whose PIN (never the PIN)
    LOCKOUT_LIFTED = "lockout_lifted"
    OUTBOX_RETRY = "outbox_retry"  # a dead message to the central store sent again
    REPORT_COPY = "report_copy"  # an X or Z report printed again, as a copy (KOPIA)
    CUSTOMER_CREATED = "customer_created"  # at the till (and why, when it looked like another)
    CUSTOMER_CHANGED = "customer_changed"  # contact details or consent to e-mail offers
    STOCK_COUNT_STARTED = "stock_count_started"
    STOCK_COUNT_POSTED = "stock_count_posted"  # its differences queued for the central store
    STOCK_COUNT_CANCELLED = "stock_count_cancelled"
    TRANSFER_RECEIVED = "transfer_received"  # goods from another location, with the shortfall
    # a cashier's discount limit or the store's default changed ({"staff": id or None for the
    # default, "from": "10" or None, "to": "15" or None}: percent as text)
    DISCOUNT_LIMIT_CHANGED = "discount_limit_changed"
    SHELF_LABELS = "shelf_labels"  # shelf labels printed or put on an A4 sheet (which, who)


def canonical(payload: dict[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(seq: int, ts: str, register_id: str, kind: str, payload_json: str,
               prev_hash: str) -> str:
    h = hashlib.sha256()
    for part in (str(seq), ts, register_id, kind, payload_json, prev_hash):
        h.update(part.encode())
        h.update(b"\x1f")
    return h.hexdigest()


@dataclass(frozen=True)
class JournalEntry:
    seq: int
    ts: str
    register_id: str
    kind: str
    payload_json: str
    prev_hash: str
    hash: str

    @property
    def payload(self) -> dict[str, Any]:
        return json.loads(self.payload_json)


def make_entry(head: tuple[int, str], ts: str, register_id: str, kind: str,
               payload: dict[str, Any]) -> JournalEntry:
    """The entry that follows ``head`` (sequence and hash of the newest entry; (0, GENESIS) first)."""
    seq, prev_hash = head[0] + 1, head[1]
    pj = canonical(payload)
    return JournalEntry(seq, ts, register_id, kind, pj, prev_hash,
                        entry_hash(seq, ts, register_id, kind, pj, prev_hash))


JOURNAL_MESSAGES = messages({
    "journal.entry_missing": "entry {seq} is missing (found {found} next)",
    "journal.not_linked": "does not link to the entry before it",
    "journal.changed": "its content was changed after it was written",
    "journal.deleted": "entries {first}..{last} were deleted",
    "journal.head_mismatch": "the journal does not end where its head says",
    "journal.receipts_missing": "receipt numbers are broken: {missing} missing",
    "journal.next_receipt": "the register's next receipt is {next}, its sales end at {last}",
    "journal.sale_unjournaled": "sale {receipt_no} ({sale_id}) has no journal entry",
    "journal.sale_differs": "sale {receipt_no} differs from its journal entry",
    "journal.entry_without_sale": "the journal's sale {receipt_no} is not among the sales",
    "journal.control_unit_ahead": "the control unit registered receipt {registered}, the "
                                  "register's records end at {last} (rows deleted, a database "
                                  "restored, or a sale whose completion failed and was not "
                                  "finished)",
    "journal.control_code": "receipt {receipt_no}'s control code is not the control unit's",
})


class JournalProblem(UserError):
    """What is wrong with a register's journal (a broken link, a changed entry, a sale that does
    not match it): a code and its values, so the back office says it in its own language."""


@dataclass(frozen=True)
class Verification:
    ok: bool
    count: int
    first_bad_seq: int | None = None
    problem: JournalProblem | None = None

    @property
    def reason(self) -> str:
        """The problem in English (logs, the command line); "" when the chain is whole."""
        return str(self.problem) if self.problem is not None else ""


def verify_chain(entries: Iterable[JournalEntry], head: tuple[int, str] | None) -> Verification:
    """Check every link in order of ``seq``, then that the chain ends at ``head`` (seq, hash)."""
    prev_hash, expected_seq, count = GENESIS, 1, 0
    for e in entries:
        count += 1
        if e.seq != expected_seq:
            return Verification(False, count, expected_seq,
                                JournalProblem("journal.entry_missing", seq=expected_seq,
                                               found=e.seq))
        if e.prev_hash != prev_hash:
            return Verification(False, count, e.seq, JournalProblem("journal.not_linked"))
        if entry_hash(e.seq, e.ts, e.register_id, e.kind, e.payload_json, e.prev_hash) != e.hash:
            return Verification(False, count, e.seq, JournalProblem("journal.changed"))
        prev_hash, expected_seq = e.hash, e.seq + 1
    last_seq = expected_seq - 1
    if head is not None and (head[0] != last_seq or head[1] != prev_hash):
        if head[0] > last_seq:
            return Verification(False, count, last_seq + 1,
                                JournalProblem("journal.deleted", first=last_seq + 1,
                                               last=head[0]))
        return Verification(False, count, head[0] + 1 if head[0] < last_seq else last_seq,
                            JournalProblem("journal.head_mismatch"))
    return Verification(True, count)
