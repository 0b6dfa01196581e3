"""The Swish commerce API's messages (v2), as plain functions: what the till sends and how it
reads the answers. No I/O here; ``provider.py`` sends them.

Payment request (``PUT /swish-cpcapi/api/v2/paymentrequests/{instructionUUID}``)::

    {"payeeAlias": "1231181189", "amount": "123.45", "currency": "SEK",
     "payeePaymentReference": "K1-0a1b2c3d4e5f6a7b", "message": "Omnihandeln K1",
     "callbackUrl": "https://.../swish/callback", "payerAlias": "46701234567"}

``payerAlias`` only for e-commerce (the customer's phone, E.164 without "+"); without it the
request is m-commerce and the answer's ``PaymentRequestToken`` header is the token the
customer's app opens (``swish://paymentrequest?token=...``, shown as a QR code). Answer: 201 with
``Location`` (the request's URL). Status (``GET`` on it): ``CREATED``, then ``PAID``,
``DECLINED``, ``ERROR`` (``errorCode``, e.g. ``TM01`` timed out) or ``CANCELLED``. Cancel:
``PATCH`` with ``[{"op": "replace", "path": "/status", "value": "cancelled"}]``
(``application/json-patch+json``). Refund: ``PUT /swish-cpcapi/api/v2/refunds/{instructionUUID}``
with ``originalPaymentReference`` (the paid request's ``paymentReference``), ``payerAlias`` (the
store's Swish number: the store pays), amount, currency, message, callbackUrl; status ``CREATED``,
``DEBITED``, ``PAID`` or ``ERROR``. Errors: 4xx with a list of
``{"errorCode", "errorMessage", "additionalInformation"}``.

The instruction id is the caller's (upper-case 32 hex): the till derives it from its own attempt
id (stored before anything is sent), so a retry or a restart names the same request and never
makes a second one.
"""
from __future__ import annotations

import hashlib
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from pos.money import to_major_decimal
from pos.ports import PaymentOutcome

API = "/swish-cpcapi/api"
PAYMENT_REQUESTS = f"{API}/v2/paymentrequests"
REFUNDS = f"{API}/v2/refunds"
QR_PREFIX = "swish://paymentrequest?token="
CANCEL_PATCH = [{"op": "replace", "path": "/status", "value": "cancelled"}]
PATCH_TYPE = "application/json-patch+json"

# What Swish allows in ``message`` (max 50) and ``payeePaymentReference`` (max 35)
_MESSAGE_CHARS = re.compile(r"[^0-9A-Za-zÅÄÖåäöÉéÜü :;.,?!()\-\"']")
_REFERENCE_CHARS = re.compile(r"[^0-9A-Za-z\-]")
_INSTRUCTION = re.compile(r"^[0-9A-F]{32}$")


def instruction_id(attempt_id: str) -> str:
    """The Swish instruction UUID for the till's attempt: upper-case 32 hex, the same every
    time (after a restart too), different for different attempts."""
    if _INSTRUCTION.match(attempt_id):
        return attempt_id
    return hashlib.sha256(f"swish:{attempt_id}".encode()).hexdigest()[:32].upper()


def swish_amount(ore: int) -> str:
    """Öre as Swish writes an amount: kronor with two decimals (``12345`` -> ``"123.45"``)."""
    if ore <= 0:
        raise ValueError(f"a Swish amount is above 0 (got {ore} öre)")
    return str(to_major_decimal(ore).quantize(Decimal("0.01")))


def ore_of(amount: Any) -> int:
    """A Swish amount (``"123.45"``, ``123.45`` read as Decimal, ``100``) in öre; never through a
    float. ValueError for anything else."""
    try:
        d = Decimal(str(amount)) if not isinstance(amount, Decimal) else amount
    except (InvalidOperation, ValueError):
        raise ValueError(f"not an amount: {amount!r}") from None
    if isinstance(amount, float) or d != d.quantize(Decimal("0.01")):
        raise ValueError(f"not an amount to the öre: {amount!r}")
    return int(d * 100)


def payer_alias(phone: str) -> str:
    """A customer's Swish number as Swish wants it: E.164 without "+" (``46701234567``), from
    any Swedish form (``070-123 45 67``, ``+46 70 123 45 67``, ``0046701234567``). ValueError
    when it cannot be a mobile number."""
    digits = re.sub(r"[\s\-()]", "", phone or "")
    if digits.startswith("+"):
        digits = digits[1:]
    elif digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = "46" + digits[1:]
    if not digits.isdigit() or not 8 <= len(digits) <= 15:
        raise ValueError(f"not a phone number: {phone!r}")
    if digits.startswith("46") and not re.fullmatch(r"467\d{8}", digits):
        raise ValueError(f"not a Swedish mobile number: {phone!r}")
    return digits


def clean_message(text: str) -> str:
    """The payer's message as Swish takes it (50 characters of its set)."""
    return _MESSAGE_CHARS.sub("", text)[:50]


def clean_reference(text: str) -> str:
    return _REFERENCE_CHARS.sub("", text)[:35]


def payment_request_body(*, payee_alias: str, amount: int, reference: str, message: str,
                         callback_url: str, payer: str = "", currency: str = "SEK") -> dict:
    body = {"payeePaymentReference": clean_reference(reference), "callbackUrl": callback_url,
            "payeeAlias": payee_alias, "amount": swish_amount(amount), "currency": currency,
            "message": clean_message(message)}
    if payer:
        body["payerAlias"] = payer
    return body


def refund_body(*, payee_alias: str, original_reference: str, amount: int, reference: str,
                message: str, callback_url: str, currency: str = "SEK") -> dict:
    """The store refunds: the refund's payer is the store's own Swish number."""
    return {"originalPaymentReference": original_reference,
            "payerPaymentReference": clean_reference(reference), "callbackUrl": callback_url,
            "payerAlias": payee_alias, "amount": swish_amount(amount), "currency": currency,
            "message": clean_message(message)}


def qr_data(token: str) -> str:
    """What the QR code holds for an m-commerce request: the customer's app opens it."""
    return QR_PREFIX + token if token else ""


# Status -> outcome. A payment request: CREATED waits for the customer; a refund: CREATED and
# DEBITED are on their way (the money has left the store's account but not reached the payer).
PAYMENT_STATUS = {"PAID": PaymentOutcome.APPROVED, "DECLINED": PaymentOutcome.DECLINED,
                  "ERROR": PaymentOutcome.DECLINED, "CANCELLED": PaymentOutcome.CANCELLED,
                  "CREATED": PaymentOutcome.PENDING}
REFUND_STATUS = {"PAID": PaymentOutcome.APPROVED, "ERROR": PaymentOutcome.DECLINED,
                 "CREATED": PaymentOutcome.UNKNOWN, "DEBITED": PaymentOutcome.UNKNOWN,
                 "VALIDATED": PaymentOutcome.UNKNOWN}
FINAL_PAYMENT = {"PAID", "DECLINED", "ERROR", "CANCELLED"}
FINAL_REFUND = {"PAID", "ERROR"}


def errors_of(doc: Any) -> list[tuple[str, str]]:
    """(errorCode, errorMessage) pairs of a Swish error answer (a list, or one object)."""
    items = doc if isinstance(doc, list) else [doc] if isinstance(doc, dict) else []
    return [(str(i.get("errorCode") or ""), str(i.get("errorMessage") or ""))
            for i in items if isinstance(i, dict)]
