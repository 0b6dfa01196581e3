"""Payment providers: card terminals, Swish, gift cards and store credit are taken through one
protocol (``PaymentProvider``). Adapters: ``hardware/terminals/`` (nexo, Concert),
``integrations/swish/``, ``pos/services/gift_cards.py``."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Protocol, runtime_checkable

from pos.errors import UserError


# A payment method that needs a provider (``pos.payment_methods``: a card terminal, a mobile
# payment, a gift card) is taken through one protocol: ``start`` a payment, ask its ``status``,
# ``abort`` it, ``refund`` it. The till stores each attempt (its own idempotency key) before the
# provider is asked, asks ``status`` after a lost answer or a crash, and so never charges twice.


class PaymentOutcome(Enum):
    APPROVED = "approved"
    DECLINED = "declined"
    CANCELLED = "cancelled"  # by the customer, or the cashier on the terminal
    BUSY = "busy"  # the provider is doing something else; nothing was charged
    UNKNOWN = "unknown"  # no answer: ask ``status`` before doing anything else
    NOT_FOUND = "not_found"  # ``status``: the provider never saw this attempt
    # the provider took the request and the customer finishes it on their own phone (Swish):
    # show ``PaymentResult.qr_data`` (if any) and ask ``status`` until it ends
    PENDING = "pending"


@dataclass(frozen=True)
class PaymentRequest:
    """``attempt_id`` is the till's own idempotency key (stored before sending); ``amount`` in
    öre; ``sale_ref``: the reference the provider records (for a refund: the original payment's
    ``provider_ref``)."""

    attempt_id: str
    amount: int
    currency: str = "SEK"
    sale_ref: str = ""
    # a mobile payment sent to the customer's own phone (Swish e-commerce): their number as
    # typed or from the sale's customer; "" for a QR code the customer scans (m-commerce)
    payer_phone: str = ""
    # a stored-value payment (a gift card's code, or ``customer:<id>`` for store credit):
    # the account to debit (``pos.gift_cards``); "" for every other method
    account: str = ""


@dataclass(frozen=True)
class PaymentResult:
    outcome: PaymentOutcome
    attempt_id: str
    amount: int = 0  # öre
    auth_code: str = ""
    masked_pan: str = ""
    brand: str = ""
    terminal_ref: str = ""  # the provider's own reference of the payment (for refunds)
    message: str = ""  # the provider's own words (shown after the till's sentence)
    receipt_lines: tuple[str, ...] = ()  # the provider's receipt text, printed on the receipt
    # the till's own words (a coded error, shown in the cashier's language) when the provider
    # said nothing that tells more than the outcome: "declined by the card issuer", "cannot be
    # reached (address); nothing was charged"
    reason: UserError | None = None
    # PENDING: what the customer's phone reads (a QR code on the customer display:
    # ``swish://paymentrequest?token=...``); "" when the request went to their phone
    qr_data: str = ""

    @property
    def approved(self) -> bool:
        return self.outcome is PaymentOutcome.APPROVED

    @property
    def detail(self) -> UserError | str:
        """What to show after the till's sentence: the provider's own words, else the till's
        reason, else ""."""
        if self.message:
            return self.message
        return self.reason if self.reason is not None else ""


@runtime_checkable
class PaymentProvider(Protocol):
    """One way of taking a payment that is not cash in hand. Every call may block (call it from
    a worker); none raises for an outcome the protocol defines (declined, busy, no answer)."""

    name: str

    def start(self, request: PaymentRequest) -> PaymentResult:
        """Take the payment; UNKNOWN when no answer came (then ask ``status``); PENDING when
        the customer finishes it on their phone (then ask ``status`` until it ends)."""

    def status(self, attempt_id: str) -> PaymentResult:
        """What became of ``attempt_id``: its final result, UNKNOWN while it still runs (PENDING:
        with the customer), or NOT_FOUND when the provider never received it (nexo:
        TransactionStatusRequest)."""

    def abort(self, attempt_id: str) -> None:
        """Ask the provider to stop a payment still in progress (best effort, any thread)."""

    def refund(self, request: PaymentRequest) -> PaymentResult:
        """Give back (part of) an approved payment named by ``request.sale_ref``."""


@runtime_checkable
class CardTerminal(PaymentProvider, Protocol):
    """A card terminal (nexo Sale-to-POI, Ingenico Concert, the simulator)."""
