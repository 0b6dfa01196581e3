"""The receipt by e-mail: which addresses are taken, how an address is written in the journal
(masked: it is personal data, and the journal is kept for years), the e-mail's subject, and the
cashier's choice of paper, e-mail or both.

The journal keeps "a***@example.com": enough for the customer and the store to recognise which
address a receipt went to, not enough to read it back; the address itself is in the outbox
message only until the e-mail has gone (``pos/sync/receipt_mail_events.py``).
"""
from __future__ import annotations

import re
from enum import Enum

from pos.errors import UserError, messages

MESSAGES = messages({
    "receipt_mail.bad_address": "\"{address}\" is not an e-mail address",
    "receipt_mail.no_such_sale": "No such receipt: {receipt}",
    "receipt_mail.not_offered": "Receipts are not e-mailed from this till: no mail server is "
                                "configured",
})


class ReceiptMailError(UserError):
    """A receipt that cannot be e-mailed as asked (the address, the receipt)."""


class ReceiptChoice(Enum):
    """What the customer gets: the paper receipt, the e-mailed one, or both."""

    PAPER = "paper"
    EMAIL = "email"
    BOTH = "both"

    @property
    def prints(self) -> bool:
        return self is not ReceiptChoice.EMAIL

    @property
    def mails(self) -> bool:
        return self is not ReceiptChoice.PAPER

    @classmethod
    def parse(cls, text: object) -> "ReceiptChoice":
        """From the config ("paper", "email", "both"; anything else is paper)."""
        try:
            return cls(str(text or "").strip().lower())
        except ValueError:
            return cls.PAPER


# A practical check (RFC 5321 limits, one @, a dot in the domain, no spaces): what a cashier
# types wrong (a missing @, a comma for a dot, a space) is caught; the server says the rest.
_ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")


def normalise_address(text: str) -> str:
    """The address as typed, trimmed, its domain in lower case; ``ReceiptMailError`` when it is
    not an address."""
    address = (text or "").strip()
    if len(address) > 254 or not _ADDRESS.match(address) or ".." in address \
            or len(address.split("@", 1)[0]) > 64:
        raise ReceiptMailError("receipt_mail.bad_address", address=address)
    local, domain = address.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def is_address(text: str) -> bool:
    try:
        normalise_address(text)
    except ReceiptMailError:
        return False
    return True


def masked(address: str) -> str:
    """"anna.svensson@example.com" -> "a***@example.com": the first letter and the domain."""
    local, _, domain = (address or "").partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def subject(receipt_no: int | str, store_name: str) -> str:
    return f"Kvitto {receipt_no} från {store_name}"
