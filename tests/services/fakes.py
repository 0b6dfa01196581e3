"""Port-level twins for service tests: they record what the till asked and fail on request."""
from __future__ import annotations

from dataclasses import dataclass, field

from pos.commerce import CustomerRef
from pos.ports import PaymentOutcome, PaymentRequest, PaymentResult, CommerceUnavailable, PaperOut, PrinterStatus
from pos.receipt import ReceiptDocument


@dataclass
class RecordingPrinter:
    name: str = "recording"
    printed: list[ReceiptDocument] = field(default_factory=list)
    drawer_kicks: int = 0
    paper_out: bool = False

    def print_document(self, doc: ReceiptDocument) -> None:
        if self.paper_out:
            raise PaperOut("printer.paper_out", name=self.name)
        self.printed.append(doc)
        if doc.open_drawer:
            self.drawer_kicks += 1

    def status(self) -> PrinterStatus:
        return PrinterStatus(online=True, paper="out" if self.paper_out else "ok")

    def open_drawer(self) -> None:
        self.drawer_kicks += 1


@dataclass
class ScriptedTerminal:
    """Approves unless told otherwise; ``next_outcomes`` scripts the next purchases.

    "lost" charges the card but answers UNKNOWN, as a terminal whose response never arrived.
    """

    name: str = "scripted"
    next_outcomes: list[str] = field(default_factory=list)
    charged: dict[str, int] = field(default_factory=dict)
    requests: list[PaymentRequest] = field(default_factory=list)
    refunded: list[int] = field(default_factory=list)  # öre given back, in order

    def start(self, request: PaymentRequest) -> PaymentResult:
        self.requests.append(request)
        outcome = self.next_outcomes.pop(0) if self.next_outcomes else "approved"
        if outcome in ("approved", "lost"):
            self.charged.setdefault(request.attempt_id, request.amount)
        if outcome == "lost":
            return PaymentResult(PaymentOutcome.UNKNOWN, request.attempt_id)
        if outcome == "approved":
            return self._approved(request.attempt_id)
        return PaymentResult(PaymentOutcome(outcome), request.attempt_id, message="Nekad")

    def _approved(self, attempt_id: str) -> PaymentResult:
        return PaymentResult(PaymentOutcome.APPROVED, attempt_id, self.charged[attempt_id],
                          auth_code="654321", masked_pan="************4242", brand="VISA",
                          terminal_ref=f"T{len(self.charged):04d}",
                          receipt_lines=("VISA ************4242", "KÖP GODKÄNT"))

    def refund(self, request: PaymentRequest) -> PaymentResult:
        self.refunded.append(request.amount)
        return PaymentResult(PaymentOutcome.APPROVED, request.attempt_id, request.amount)

    def status(self, attempt_id: str) -> PaymentResult:
        if attempt_id in self.charged:
            return self._approved(attempt_id)
        return PaymentResult(PaymentOutcome.NOT_FOUND, attempt_id)

    def abort(self, attempt_id: str) -> None:
        pass


ANNA = CustomerRef("cus_anna", "anna.svensson@example.se", "Anna", "Svensson", "+46701234567",
                   ("cusgroup_vip",))
ERIK = CustomerRef("cus_erik", "erik.lindqvist@example.se", "Erik", "Lindqvist", "+46702345678")


class Customers:
    """The central store's customers, searchable as Medusa's ``q`` does; can be down."""

    def __init__(self, *customers, cards=None):
        self.customers = customers
        self.cards = dict(cards or {})  # card number -> customer
        self.down = False
        self.queries = []

    def customer_by_card(self, number):
        self.queries.append(f"card:{number}")
        if self.down:
            raise CommerceUnavailable("connection refused")
        return self.cards.get(number)

    def find_customers(self, query, limit=20):
        self.queries.append(query)
        if self.down:
            raise CommerceUnavailable("connection refused")
        digits = query.replace(" ", "").replace("-", "").lstrip("0")
        return [c for c in self.customers
                if query.lower() in (c.email + " " + c.name).lower()
                or (digits and digits in c.phone)][:limit]


@dataclass
class RecordingDisplay:
    """A customer display that keeps what it was last asked to show."""

    lines: list = field(default_factory=list)
    total: int = 0

    def show_cart(self, lines, total, vat):
        self.lines, self.total = list(lines), total

    def show_payment(self, total, paid, change):
        pass

    def show_thanks(self, message, qr_data=""):
        pass

    def clear(self):
        self.lines, self.total = [], 0
