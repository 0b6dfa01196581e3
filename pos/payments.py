"""Paying for a sale: tenders, split tender, change, and cash rounding.

Each tender points at a payment method (``pos.payment_methods``): cash, a card terminal, and
later Swish, gift cards, invoices. Swedish rule (öresavrundning): only the part paid with a
method that counts as cash is rounded to whole kronor; the others pay to the öre. The rounding
difference is its own amount on the sale so that ``total + rounding == sum(tender amounts)``
always holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pos.errors import UserError, messages
from pos.money import format_kronor, round_to_krona
from pos.payment_methods import CASH, MethodKind, PaymentMethod, known_method

MESSAGES = messages({
    "payment.cash_received_positive": "Enter the cash received (more than 0)",
    "payment.card_amount_positive": "A card payment must be above 0",
    "payment.card_at_most": "A card can pay at most {amount} kr (what is left)",
    "payment.amount_positive": "A {method} payment must be above 0",
    "payment.at_most": "{method} can pay at most {amount} kr (what is left)",
    "payment.not_a_provider_tender": "{method} is not taken through a payment provider",
    "payment.not_cash": "{method} does not count as cash",
    "payment.already_paid": "The sale is already paid",
    "payment.no_such_tender": "There is no such payment on this sale",
    "payment.nothing_to_refund": "Nothing is owed back on this sale",
    "payment.refund_negative": "A refund gives money back: its amount is below 0",
    "payment.refund_at_most": "At most {amount} kr is owed back",
    "payment.refund_due": "This sale gives back {amount} kr: refund it (nothing is taken)",
})

# Swedish notes (kronor), the change a customer hands over is counted in
NOTES_KR = (20, 50, 100, 200, 500, 1000)


def cash_suggestions(due: int, count: int = 3) -> list[int]:
    """What a customer is likely to hand over for ``due`` öre in cash (rounded to whole kronor
    first): for each note, the next multiple of it above what is due; the smallest ``count`` of
    them. 143 kr -> 150, 160, 200 kr; 1 000 kr -> 1 020, 1 050, 1 100 kr (the exact amount is
    offered apart)."""
    if due <= 0:
        return []
    kronor = -(-due // 100)
    return [k * 100 for k in sorted({(kronor // n + 1) * n for n in NOTES_KR})[:count]]


class PaymentError(UserError, ValueError):
    """A tender or payment step refused."""


@dataclass(frozen=True)
class Tender:
    """``amount`` öre applied to the sale with ``method``; cash: ``received`` and ``change``;
    a provider's payment: its attempt (the till's key), authorisation, card and reference."""

    method: PaymentMethod
    amount: int
    received: int = 0  # cash handed over
    change: int = 0  # cash given back
    attempt_id: str = ""  # the till's key for the provider's transaction
    auth_code: str = ""
    masked_pan: str = ""
    brand: str = ""
    terminal_ref: str = ""  # the provider's reference (for a refund)
    receipt_lines: tuple[str, ...] = ()
    # A refund (negative ``amount``): the reference of the original payment it gives back to,
    # and the purchase (a receipt code or a web order's number) that payment paid
    refund_of: str = ""
    refund_for: str = ""

    @property
    def is_refund(self) -> bool:
        return self.amount < 0

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method.to_dict(), "kind": self.method.id, "amount": self.amount,
                "received": self.received, "change": self.change,
                "attempt_id": self.attempt_id, "auth_code": self.auth_code,
                "masked_pan": self.masked_pan, "brand": self.brand,
                "terminal_ref": self.terminal_ref, "receipt_lines": list(self.receipt_lines),
                **({"refund_of": self.refund_of, "refund_for": self.refund_for}
                   if self.refund_of or self.refund_for else {})}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Tender":
        """From ``to_dict``; a tender saved before methods were records names only its method's
        id under ``kind`` ("cash" or "card")."""
        method = (PaymentMethod.from_dict(d["method"]) if d.get("method")
                  else known_method(str(d["kind"])))
        return cls(method=method, amount=int(d["amount"]),
                   received=int(d.get("received", 0)), change=int(d.get("change", 0)),
                   attempt_id=d.get("attempt_id", ""), auth_code=d.get("auth_code", ""),
                   masked_pan=d.get("masked_pan", ""), brand=d.get("brand", ""),
                   terminal_ref=d.get("terminal_ref", ""),
                   receipt_lines=tuple(d.get("receipt_lines", ())),
                   refund_of=str(d.get("refund_of") or ""),
                   refund_for=str(d.get("refund_for") or ""))


@dataclass
class Payment:
    """The payment of one sale total, tender by tender."""

    total: int
    tenders: list[Tender] = field(default_factory=list)
    rounding: int = 0

    @property
    def paid(self) -> int:
        return sum(t.amount for t in self.tenders)

    @property
    def remaining(self) -> int:
        """What is still owed, to the öre (before any cash rounding)."""
        return self.total + self.rounding - self.paid

    @property
    def cash_due(self) -> int:
        """What the customer pays if the rest is paid in cash: rounded to whole kronor."""
        return round_to_krona(self.remaining)

    @property
    def complete(self) -> bool:
        return self.remaining == 0 and (bool(self.tenders) or self.total + self.rounding == 0)

    @property
    def change(self) -> int:
        return sum(t.change for t in self.tenders)

    @property
    def provider_tenders(self) -> list[Tender]:
        """Tenders a provider charged (they are refunded through it, never just dropped)."""
        return [t for t in self.tenders if t.method.kind.needs_provider]

    def add_cash(self, received: int, method: PaymentMethod = CASH) -> Tender:
        """Cash handed over. Enough for the rounded rest: completes with change. Less: a part."""
        self._check_open()
        if not method.counts_as_cash:
            raise PaymentError("payment.not_cash", method=method.label)
        if received <= 0:
            raise PaymentError("payment.cash_received_positive")
        self._check_not_refund()
        due = self.cash_due
        if received >= due:
            self.rounding += due - self.remaining
            tender = Tender(method, amount=due, received=received, change=received - due)
        else:
            tender = Tender(method, amount=received, received=received)
        self.tenders.append(tender)
        return tender

    def check_provider_amount(self, amount: int, method: PaymentMethod | None = None) -> None:
        """Raise unless a provider may charge ``amount`` öre now (never more than is owed); the
        message names ``method`` unless it is a card terminal's."""
        self._check_open()
        self._check_not_refund()
        named = method.label if method is not None and method.kind is not MethodKind.TERMINAL \
            else ""
        if amount <= 0:
            if named:
                raise PaymentError("payment.amount_positive", method=named)
            raise PaymentError("payment.card_amount_positive")
        if amount > self.remaining:
            if named:
                raise PaymentError("payment.at_most", method=named,
                                   amount=format_kronor(self.remaining))
            raise PaymentError("payment.card_at_most", amount=format_kronor(self.remaining))

    def add_provider_tender(self, tender: Tender) -> Tender:
        """A payment a provider approved (a card on the terminal ...)."""
        if not tender.method.kind.needs_provider:
            raise PaymentError("payment.not_a_provider_tender", method=tender.method.label)
        self.check_provider_amount(tender.amount, tender.method)
        self.tenders.append(tender)
        return tender

    def remove_tender(self, index: int) -> Tender:
        """Take back tender ``index`` (a cash tender handed back, or a provider's payment once it
        has been refunded). What is left no longer pays the sale, so no rounding applies: it
        is worked out again when the payment completes."""
        if not 0 <= index < len(self.tenders):
            raise PaymentError("payment.no_such_tender")
        tender = self.tenders.pop(index)
        self.rounding = 0
        return tender

    def pay_out_cash(self, method: PaymentMethod = CASH, refund_for: str = "",
                     amount: int | None = None) -> Tender | None:
        """A refund in cash: all that is owed back, rounded to whole kronor (öresavrundning on
        the cash part only), paid out of the drawer; None when it rounds to 0 kr (1-49 öre).
        ``amount`` (öre, whole kronor, at most that): pay out that instead, the rest counted
        as rounding, where a refund plan must stay within what a purchase's payments took
        (``pos.returns.plan_refund``: cash instead of a card's öre, rounded down)."""
        self._check_open()
        if not method.counts_as_cash:
            raise PaymentError("payment.not_cash", method=method.label)
        if self.remaining >= 0:
            raise PaymentError("payment.nothing_to_refund")
        due = self.cash_due
        if amount is not None:
            if amount < 0 or amount % 100 or amount > -self.cash_due:
                raise PaymentError("payment.refund_at_most",
                                   amount=format_kronor(-self.remaining))
            due = -amount
        self.rounding += due - self.remaining
        if due == 0:
            return None
        tender = Tender(method, amount=due, refund_for=refund_for)
        self.tenders.append(tender)
        return tender

    def add_refund_tender(self, tender: Tender) -> Tender:
        """Money given back another way than cash (to a card on the terminal, to the web
        payment): ``tender.amount`` negative, never more than is owed back."""
        self._check_open()
        if tender.amount >= 0:
            raise PaymentError("payment.refund_negative")
        if -tender.amount > -self.remaining:
            raise PaymentError("payment.refund_at_most", amount=format_kronor(-self.remaining))
        self.tenders.append(tender)
        return tender

    def close_with_rounding_only(self) -> bool:
        """When what is left rounds to 0 kr in cash (1-49 öre), settle it as rounding."""
        if self.remaining != 0 and self.cash_due == 0:
            self.rounding -= self.remaining
            return True
        return False

    def _check_not_refund(self) -> None:
        if self.remaining < 0:
            raise PaymentError("payment.refund_due", amount=format_kronor(-self.remaining))

    def _check_open(self) -> None:
        if self.complete:
            raise PaymentError("payment.already_paid")

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "rounding": self.rounding,
                "tenders": [t.to_dict() for t in self.tenders]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Payment":
        return cls(total=int(d["total"]), rounding=int(d.get("rounding", 0)),
                   tenders=[Tender.from_dict(t) for t in d.get("tenders", [])])
