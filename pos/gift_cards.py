"""Gift cards and store credit: stored value kept by the central store (Medusa's loyalty plugin),
sold, redeemed and refunded to at the till.

A **gift card** is sold as a line of the sale for an amount the cashier types (between the
store's limits, ``[gift_cards]`` in pos.toml). It is a multi-purpose voucher
(flerfunktionsvoucher, ML 2023:200 ch. 1 § 18): no VAT when it is sold, VAT when it is spent on
goods. Its code is made at the till (``new_code``), so the receipt carries it as a barcode and a
QR code even offline; the central store creates the card with that code through the outbox, once
(the code is the idempotency key: the central store refuses a second card with the same code).

A code reads ``GC-XXXX-XXXX-XXXX``: eleven random characters of an alphabet without look-alikes
(no 0/O, 1/I) and a check character (Luhn mod 32), so a mistyped code is refused at the till before the
central store is asked.

**Store credit** (tillgodo) is an account of a named customer at the central store: refunds may go
there instead of cash; it is spent at the till as a tender and on the web.

Both are spent the same way: a debit of the account, with the till's own idempotency key (the
payment attempt), stored before it is sent, so a lost answer never debits twice
(``pos.ports.StoredValue``).
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from pos.errors import UserError, messages

MESSAGES = messages({
    "giftcard.invalid_code": "{code} is not a gift card code",
    "giftcard.amount_out_of_range": "A gift card is sold for {min} to {max} kr",
    "giftcard.not_found": "There is no gift card {code}",
    "giftcard.expired": "The gift card {code} expired on {date}",
    "giftcard.empty": "The gift card {code} has nothing left",
    "giftcard.offline": "The gift card cannot be redeemed now: the central store cannot be "
                        "reached. Nothing was charged; take another payment",
    "giftcard.insufficient": "The gift card has only {balance} kr left",
    "giftcard.not_issued_yet": "The gift card {code} is not active yet: it was sold at a till "
                               "whose sale has not reached the central store",
    "giftcard.pay_in_payment": "Gift card {code}: pay with it in the payment (F9, then F7)",
    "storecredit.no_customer": "Store credit needs a customer on the sale",
    "storecredit.empty": "{customer} has no store credit",
    "storecredit.offline": "Store credit cannot be used now: the central store cannot be "
                           "reached. Nothing was charged; take another payment",
    "storecredit.refund_needs_customer": "A refund to store credit needs a customer on the "
                                         "return",
})

PREFIX = "GC-"
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 characters, no 0/O and 1/I look-alikes
BODY = 11  # random characters; then one check character
GIFT_CARD_SKU = "GIFTCARD"  # the sale line's SKU: not a product of the central store's catalogue
VARIANT_PREFIX = "giftcard:"  # the sale line's variant id: "giftcard:GC-...."
CUSTOMER_PREFIX = "customer:"  # a store credit account, named by its customer


class GiftCardError(UserError):
    """A gift card or store credit refused: nothing was charged."""


def _check_char(body: str) -> str:
    """Luhn mod 32 (the Luhn algorithm over the code's own alphabet): any one wrong character,
    and any swap of two neighbours but the alphabet's first and last, changes it."""
    n = len(ALPHABET)
    total, factor = 0, 2
    for ch in reversed(body):
        addend = factor * ALPHABET.index(ch)
        total += addend // n + addend % n
        factor = 3 - factor
    return ALPHABET[(n - total % n) % n]


def _group(chars: str) -> str:
    return PREFIX + "-".join(chars[i:i + 4] for i in range(0, len(chars), 4))


def new_code(token: str | None = None) -> str:
    """A new gift card code (random, or from ``token``: 11 characters of the alphabet)."""
    body = token or "".join(secrets.choice(ALPHABET) for _ in range(BODY))
    return _group(body + _check_char(body))


def parse_code(text: str) -> str | None:
    """The code ``text`` names (typed in any case, with or without dashes, spaces or its
    prefix; O read as 0 is refused, not guessed), or None when it is none."""
    raw = "".join(ch for ch in text.strip().upper() if ch not in " -")
    if raw.startswith("GC"):
        raw = raw[2:]
    if len(raw) != BODY + 1 or any(ch not in ALPHABET for ch in raw):
        return None
    if _check_char(raw[:BODY]) != raw[BODY]:
        return None
    return _group(raw)


def require_code(text: str) -> str:
    code = parse_code(text)
    if code is None:
        raise GiftCardError("giftcard.invalid_code", code=text.strip())
    return code


def looks_like_code(text: str) -> bool:
    """A scan that is a gift card code (the prefix and a valid check character)."""
    return text.strip().upper().startswith(PREFIX) and parse_code(text) is not None


def customer_account(customer_id: str) -> str:
    """The store credit account of ``customer_id`` as a stored-value account name."""
    return CUSTOMER_PREFIX + customer_id


def is_customer_account(account: str) -> bool:
    return account.startswith(CUSTOMER_PREFIX)


def mask(code: str) -> str:
    """The code as a redemption receipt prints it: the last group only."""
    return f"{PREFIX}****-****-{code[-4:]}" if code.startswith(PREFIX) else code


def kronor(amount: int) -> str:
    """Öre as kronor for a message: ``12345`` -> ``"123,45"``."""
    from pos.money import format_kronor
    return format_kronor(amount)


def to_major(amount: int) -> Decimal:
    """Öre as the central store's major units (exact)."""
    return (Decimal(amount) / 100).quantize(Decimal("0.01"))


def from_major(value: Any) -> int:
    """The central store's major units (a number or a numeric string) as öre, rounded half up
    (the plugin keeps big numbers: 123.45 may come back as "123.45" or 123.45000000001)."""
    from decimal import ROUND_HALF_UP
    return int((Decimal(str(value)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class GiftCardRules:
    """``[gift_cards]`` in pos.toml: amounts (öre) a card is sold for, how long it is valid
    (days; Swedish consumer practice is at least a year), and whether a return without a
    receipt goes to the customer's store credit when a customer is on it."""

    min_amount: int = 5000
    max_amount: int = 500000
    valid_days: int = 730
    no_receipt_to_store_credit: bool = True
    method_id: str = "gift_card"
    store_credit_method_id: str = "store_credit"

    def check_amount(self, amount: int) -> None:
        if not self.min_amount <= amount <= self.max_amount:
            raise GiftCardError("giftcard.amount_out_of_range", min=kronor(self.min_amount),
                                max=kronor(self.max_amount))

    def expires(self, sold: datetime | date) -> date:
        day = sold.date() if isinstance(sold, datetime) else sold
        return day + timedelta(days=self.valid_days)

    @classmethod
    def from_config(cls, data: dict[str, Any] | None) -> "GiftCardRules":
        data = data or {}
        d = cls()
        return cls(int(data.get("min_amount", d.min_amount)),
                   int(data.get("max_amount", d.max_amount)),
                   int(data.get("valid_days", d.valid_days)),
                   bool(data.get("no_receipt_to_store_credit", d.no_receipt_to_store_credit)),
                   str(data.get("method_id", d.method_id)),
                   str(data.get("store_credit_method_id", d.store_credit_method_id)))


@dataclass(frozen=True)
class IssuedGiftCard:
    """A gift card sold at the till, as the central store is to create it (öre)."""

    code: str
    amount: int
    expires_on: str  # ISO date
    sale_id: str
    register_id: str
    receipt_no: int

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "amount": self.amount, "expires_on": self.expires_on,
                "sale_id": self.sale_id, "register_id": self.register_id,
                "receipt_no": self.receipt_no}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "IssuedGiftCard":
        return cls(str(d["code"]), int(d["amount"]), str(d["expires_on"]), str(d["sale_id"]),
                   str(d["register_id"]), int(d["receipt_no"]))


@dataclass(frozen=True)
class Balance:
    """What a stored-value account holds now (öre). ``account``: the gift card's code or
    ``customer:<id>``; ``expires_on``: a gift card's last day (ISO date, "" none);
    ``active``: False for a card the central store holds but that cannot be spent."""

    account: str
    balance: int
    expires_on: str = ""
    active: bool = True

    def expired(self, today: date) -> bool:
        return bool(self.expires_on) and date.fromisoformat(self.expires_on[:10]) < today

    def usable(self, due: int, today: date) -> int:
        """What may be taken from it for ``due`` öre now: the smaller of the two; raises when
        nothing can."""
        if self.expired(today):
            raise GiftCardError("giftcard.expired", code=self.account,
                                date=self.expires_on[:10])
        if self.balance <= 0:
            if is_customer_account(self.account):
                raise GiftCardError("storecredit.empty", customer=self.account[len(CUSTOMER_PREFIX):])
            raise GiftCardError("giftcard.empty", code=self.account)
        return min(self.balance, max(0, due))


@dataclass(frozen=True)
class Movement:
    """One transaction of an account (öre, positive): ``kind`` "credit" or "debit"; ``key``:
    the till's idempotency key it was made with ("" for one the till did not make)."""

    kind: str
    amount: int
    key: str = ""
    id: str = ""


def gift_card_variant_id(code: str) -> str:
    return VARIANT_PREFIX + code


def code_of_variant(variant_id: str) -> str | None:
    """The gift card code of a sale line's variant id, or None for any other line."""
    return variant_id[len(VARIANT_PREFIX):] if variant_id.startswith(VARIANT_PREFIX) else None
