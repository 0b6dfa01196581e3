"""Decide what a scanned (or typed) code is: one router for every scanner and the kiosk camera.

``classify(payload)`` never raises; it returns a :class:`Scan` whose ``kind`` says what to do and
whose ``error`` (a ``UserError``, its ``message`` the English sentence) says what is wrong when the
code is invalid or unknown.

Cleaning first: control characters anywhere (scanner prefixes and suffixes such as STX, ETX,
CR, LF, TAB, GS), zero-width characters, a byte-order mark and an AIM symbology identifier at the
start (``]E0``, ``]C1``, ``]Q1`` ...) are removed, then surrounding whitespace.

Formats, checked in this order (letters are accepted in either case):

===================  ======================================================  ==================
kind                 format                                                  ``value``
===================  ======================================================  ==================
WEB_CART             URL whose path ends ``/cart/<id>`` or ``/carts/<id>``;  the cart id
                     or a bare ``cart_<letters/digits>`` (Medusa cart id)
ORDER                URL whose path ends ``/orders/<id>`` or ``/order/<id>``; the order id
                     or a bare ``order_<letters/digits>``
PRODUCT              URL whose path ends ``/products/<handle>`` (shelf        the handle
                     labels' QR)
DIGITAL_RECEIPT      URL whose path ends ``/r/<sale id>`` or                  the sale id
                     ``/receipts/<sale id>`` (the QR on a printed or
                     e-mailed receipt: a return from the customer's phone)
UNKNOWN              any other URL (message says so)
INVOICE_REFERENCE    ``OCR:`` + 2-25 digits whose last digit is the Luhn      the digits
                     (mod 10) check digit (Bankgiro/OCR payment reference)
INVALID_REFERENCE    ``OCR:`` + digits with a wrong check digit or length     the digits
RECEIPT              ``R-<register>-<number>``: register 1-8 letters/digits,  ``R-K1-000042``
                     number 1-10 digits, e.g. ``R-K1-000042`` (the till
                     prints it as CODE128). ``+`` is accepted for ``-``
                     (a US-layout scanner on a Swedish keyboard).
GIFT_CARD            ``GC-`` + 12 characters (``pos.gift_cards``: dashes and      the code
                     case do not matter) whose last is its check character  ``GC-XXXX-XXXX-XXXX``
                     (a wrong one: INVALID_REFERENCE)
CUSTOMER_CARD        ``CUST-`` + 4-16 digits, or ``C`` + exactly 9 digits      the digits
                     (``C123456789``). Both contain letters, so they can
                     never be taken for a GTIN.
CUSTOMER_TOKEN       ``CUSTOMER:`` + 26 letters A-Z and digits 2-7 (base32):     the token (upper
                     the code the web shop's "my account" page shows as a     case)
                     QR for the till (``app/src/lib/customer-token.ts``)
GTIN                 8, 12, 13 or 14 digits with a valid GS1 check digit; an  the GTIN's digits
                     8-digit code whose EAN-8 check digit fails but whose    (a UPC-E: its
                     UPC-E check digit holds is a UPC-E (``pos.gtin``).      UPC-A)
                     An EAN-13 that an in-store price or weight layout
                     matches (``layouts``) carries its label in ``measure``
INVALID_GTIN         8, 12, 13 or 14 digits with a wrong check digit          the digits
                     (GtinError's message), or 9-11 or 15-20 digits
SKU_OR_TEXT          1-7 digits (PLU/article number) or an article-number-    as cleaned
                     like token: a letter or digit, then up to 39 of
                     letters, digits and ``. _ / -`` (look up by SKU first)
UNKNOWN              everything else, including empty scans                  as cleaned
===================  ======================================================  ==================

A code that cannot name an article (empty, too long, digits of no barcode's length, characters
no article code has) gets an ``error`` of the same kind as an unknown article
(``pos.catalog.UnknownCode``: "No article with code ...: what is wrong"); so do the lookups that
find nothing (``unknown_article``).
"""
from __future__ import annotations

import re
from decimal import Decimal
import unicodedata
from dataclasses import dataclass
from enum import Enum
from urllib.parse import unquote, urlsplit

from pos.catalog import NoArticle, UnknownCode
from pos.gift_cards import PREFIX as GIFT_CARD_PREFIX, parse_code as parse_gift_card
from pos.errors import UserError, messages
from pos.gtin import (GTIN_LENGTHS, SWEDISH_LAYOUTS, GtinError, VariableLayout, VariableMeasure,
                      parse_gtin, read_variable)

MAX_PAYLOAD = 4096

MESSAGES = messages({
    "scan.broken_url": "'{text}' is a broken web address",
    "scan.url_not_for_till": "The web address '{text}' is not a cart, an order, a product or a "
                             "receipt: nothing to do with it here",
    "scan.unreadable": "The code could not be read: scan again or type it",
    "scan.ocr_length": "OCR reference {digits} has {count} digits; a payment reference has 2 to 25",
    "scan.ocr_check_digit": "OCR reference {digits} has a wrong check digit ({digit}, should be "
                            "{expected}): scan again or type it from the invoice",
    "scan.ocr_not_digits": "'{text}' is no OCR reference: after OCR: come 2 to 25 digits",
    "scan.quantity_too_large": "The quantity {quantity} before '*' is too large: at most 9999 "
                               "(with at most three decimals)",
    # the same kind as an unknown article: "No article with code ...", and what is wrong
    "scan.empty": "No article: the scan was empty (nothing was read): scan again",
    "scan.too_long": "No article with code {code}: {count} characters are more than any code "
                     "has (an article number has at most 40)",
    "scan.wrong_length": "No article with code {code}: it has {count} digits, and a barcode has "
                         "8, 12, 13 or 14 (an article number at most 7)",
    "scan.bad_characters": "No article with code {code}: {chars} cannot be in an article code "
                           "(letters, digits and . _ / - can)",
    "scan.bad_start": "No article with code {code}: an article code starts with a letter or a "
                      "digit, not '{char}'",
    "scan.unknown_short_number": "No article with code {code}: no article has it as its article "
                                 "number or short number, and a barcode has 8, 12, 13 or 14 "
                                 "digits, not {count}",
    "scan.unknown_article_number": "No article with code {code}: no article has it as its "
                                   "article number, and it is no promotion code",
})


class ScanError(UserError):
    """What is wrong with a scan that is a code of another kind (a web address, an OCR
    reference) but not a valid one (see ``Scan.error``)."""


class MalformedCode(NoArticle):
    """A scan that cannot be an article's code (see the module's doc)."""


class ScanKind(Enum):
    GTIN = "gtin"
    SKU_OR_TEXT = "sku_or_text"
    RECEIPT = "receipt"
    WEB_CART = "web_cart"
    ORDER = "order"
    PRODUCT = "product"
    DIGITAL_RECEIPT = "digital_receipt"
    CUSTOMER_CARD = "customer_card"
    CUSTOMER_TOKEN = "customer_token"
    INVOICE_REFERENCE = "invoice_reference"
    GIFT_CARD = "gift_card"
    INVALID_GTIN = "invalid_gtin"
    INVALID_REFERENCE = "invalid_reference"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Scan:
    kind: ScanKind
    value: str
    error: UserError | None = None  # INVALID_* and UNKNOWN: what is wrong
    raw: str = ""  # the payload as received
    register: str = ""  # RECEIPT: the register id
    number: int = 0  # RECEIPT: the receipt number
    measure: VariableMeasure | None = None  # GTIN: an in-store price or weight label

    @property
    def message(self) -> str:
        """What is wrong, in English ("" for a valid code)."""
        return self.error.message if self.error is not None else ""

    @property
    def ok(self) -> bool:
        return self.kind not in (ScanKind.INVALID_GTIN, ScanKind.INVALID_REFERENCE, ScanKind.UNKNOWN)


_AIM = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_ID = r"[A-Za-z0-9][A-Za-z0-9_\-]{0,99}"
_CART_BARE = re.compile(r"^cart_[A-Za-z0-9]{1,100}$", re.IGNORECASE)
_ORDER_BARE = re.compile(r"^order_[A-Za-z0-9]{1,100}$", re.IGNORECASE)
_URL_TAIL = re.compile(rf"/(carts?|orders?|products|r|receipts)/({_ID})/?$", re.IGNORECASE)
_RECEIPT = re.compile(r"^R[-+]([A-Z0-9]{1,8})[-+]([0-9]{1,10})$", re.IGNORECASE)
_CUST = re.compile(r"^(?:CUST[-+]([0-9]{4,16})|C([0-9]{9}))$", re.IGNORECASE)
_CUSTOMER_TOKEN = re.compile(r"^CUSTOMER:\s*([A-Z2-7]{26})$", re.IGNORECASE)
_OCR = re.compile(r"^OCR:\s*([0-9 ]+)$", re.IGNORECASE)
_NUMBER_THEN_CODE = re.compile(r"^([0-9]+(?:[,.][0-9]+)?)\s*\*\s*\S")
_SKU = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/\-]{0,39}$")
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


def clean(payload: str) -> str:
    """Remove scanner prefix/suffix control characters, zero-width marks and an AIM identifier."""
    chars = [
        ch
        for ch in payload[: MAX_PAYLOAD * 2]
        if ch not in _ZERO_WIDTH and unicodedata.category(ch) not in ("Cc", "Cs")
    ]
    text = "".join(chars).strip()
    if _AIM.match(text):
        text = text[3:].strip()
    return text


def luhn_ok(digits: str) -> bool:
    """True when the last digit is the Luhn (mod 10) check digit of the others."""
    if not digits.isdigit() or not digits.isascii() or len(digits) < 2:
        return False
    return luhn_check_digit(digits[:-1]) == int(digits[-1])


def luhn_check_digit(body: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


_ALLOWED_IN_SKU = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-")


def _bad_characters(text: str) -> str:
    """The characters of ``text`` no article code has, each once, quoted: ``'#', ' '``."""
    bad = list(dict.fromkeys(ch for ch in text if ch not in _ALLOWED_IN_SKU))
    return ", ".join(f"'{ch}'" for ch in bad[:8]) + (" ..." if len(bad) > 8 else "")


def unknown_article(scan: "Scan") -> UnknownCode:
    """What to say when the catalogue has no article for a scan the router let through (a
    GTIN, or an article number: digits or text): it is not in the catalogue, and what the code
    would have had to be."""
    value = scan.value
    if scan.kind is ScanKind.SKU_OR_TEXT and value.isdigit():
        return MalformedCode("scan.unknown_short_number", code=value, count=len(value))
    if scan.kind is ScanKind.SKU_OR_TEXT:
        return MalformedCode("scan.unknown_article_number", code=value)
    return UnknownCode(value)


def _classify_url(text: str, raw: str) -> Scan:
    try:
        parts = urlsplit(text)
        path = unquote(parts.path)
    except ValueError:
        return Scan(ScanKind.UNKNOWN, text, ScanError("scan.broken_url", text=_shown(text)), raw)
    m = _URL_TAIL.search(path)
    if m:
        what, ident = m.group(1).lower(), m.group(2)
        if what.startswith("cart"):
            return Scan(ScanKind.WEB_CART, ident, None, raw)
        if what.startswith("order"):
            return Scan(ScanKind.ORDER, ident, None, raw)
        if what in ("r", "receipts"):
            return Scan(ScanKind.DIGITAL_RECEIPT, ident, None, raw)
        return Scan(ScanKind.PRODUCT, ident, None, raw)
    return Scan(ScanKind.UNKNOWN, text, ScanError("scan.url_not_for_till", text=_shown(text)), raw)


def classify(payload: str, layouts: tuple[VariableLayout, ...] = SWEDISH_LAYOUTS) -> Scan:
    """What ``payload`` is (see the module docstring); ``layouts``: the store's in-store price
    and weight labels. Never raises for any ``str``."""
    raw = payload if isinstance(payload, str) else str(payload)
    try:
        return _classify(raw, layouts)
    except Exception:  # belt and braces: a scan must never crash the till
        return Scan(ScanKind.UNKNOWN, "", ScanError("scan.unreadable"), raw)


def _classify(raw: str, layouts: tuple[VariableLayout, ...]) -> Scan:
    text = clean(raw)
    if not text:
        return Scan(ScanKind.UNKNOWN, "", MalformedCode("scan.empty", code=""), raw)
    if len(text) > MAX_PAYLOAD:
        return Scan(ScanKind.UNKNOWN, text[:40],
                    MalformedCode("scan.too_long", code=_shown(text), count=len(text)), raw)

    lower = text.lower()
    if lower.startswith(("http://", "https://")):
        return _classify_url(text, raw)
    if _CART_BARE.match(text):
        return Scan(ScanKind.WEB_CART, text, None, raw)
    if _ORDER_BARE.match(text):
        return Scan(ScanKind.ORDER, text, None, raw)

    m = _OCR.match(text)
    if m:
        digits = m.group(1).replace(" ", "")
        if not (2 <= len(digits) <= 25):
            return Scan(ScanKind.INVALID_REFERENCE, digits,
                        ScanError("scan.ocr_length", digits=digits, count=len(digits)), raw)
        if not luhn_ok(digits):
            expected = luhn_check_digit(digits[:-1])
            return Scan(ScanKind.INVALID_REFERENCE, digits,
                        ScanError("scan.ocr_check_digit", digits=digits, digit=digits[-1],
                                  expected=expected), raw)
        return Scan(ScanKind.INVOICE_REFERENCE, digits, None, raw)
    if lower.startswith("ocr:"):  # an invoice reference, but without its digits
        return Scan(ScanKind.INVALID_REFERENCE, text,
                    ScanError("scan.ocr_not_digits", text=_shown(text)), raw)

    m = _CUSTOMER_TOKEN.match(text)
    if m:
        return Scan(ScanKind.CUSTOMER_TOKEN, m.group(1).upper(), None, raw)
    if text.upper().startswith(GIFT_CARD_PREFIX):
        code = parse_gift_card(text)
        if code is not None:
            return Scan(ScanKind.GIFT_CARD, code, None, raw)
        return Scan(ScanKind.INVALID_REFERENCE, text,
                    ScanError("giftcard.invalid_code", code=_shown(text)), raw)

    m = _RECEIPT.match(text)
    if m:
        register = m.group(1).upper()
        number = m.group(2)
        value = f"R-{register}-{number}"
        return Scan(ScanKind.RECEIPT, value, None, raw, register=register, number=int(number))

    m = _CUST.match(text)
    if m:
        return Scan(ScanKind.CUSTOMER_CARD, m.group(1) or m.group(2), None, raw)

    if text.isascii() and text.isdigit():
        n = len(text)
        if n in GTIN_LENGTHS:
            try:
                gtin = parse_gtin(text)
            except GtinError as e:
                return Scan(ScanKind.INVALID_GTIN, text, e, raw)
            return Scan(ScanKind.GTIN, gtin.code, None, raw,
                        measure=read_variable(gtin.code, layouts))
        if n <= 7:
            return Scan(ScanKind.SKU_OR_TEXT, text, None, raw)
        wrong = MalformedCode("scan.wrong_length", code=_shown(text), count=n)
        return Scan(ScanKind.INVALID_GTIN if n <= 20 else ScanKind.UNKNOWN, text, wrong, raw)

    if _SKU.match(text):
        return Scan(ScanKind.SKU_OR_TEXT, text, None, raw)
    if len(text) > 40 and all(ch in _ALLOWED_IN_SKU for ch in text):
        return Scan(ScanKind.UNKNOWN, text,
                    MalformedCode("scan.too_long", code=_shown(text), count=len(text)), raw)
    m = _NUMBER_THEN_CODE.match(text)
    if m:  # a quantity and a code, but a quantity no till takes ("999999999*7350...")
        return Scan(ScanKind.UNKNOWN, text,
                    MalformedCode("scan.quantity_too_large", code=_shown(text),
                                  quantity=_shown(m.group(1))), raw)
    chars = _bad_characters(text)
    if not chars:  # only characters an article code has, but it cannot start with this one
        return Scan(ScanKind.UNKNOWN, text,
                    MalformedCode("scan.bad_start", code=_shown(text), char=text[0]), raw)
    return Scan(ScanKind.UNKNOWN, text,
                MalformedCode("scan.bad_characters", code=_shown(text), chars=chars), raw)


# --- what a cashier types into the scan field ----------------------------------------------------

_COUNT = re.compile(r"^([0-9]{1,4})(?:[,.]([0-9]{1,3}))?$")
_COUNT_THEN_CODE = re.compile(r"^([0-9]{1,4}(?:[,.][0-9]{1,3})?)\s*\*\s*(\S.*)$")


def typed_quantity(text: str) -> Decimal | None:
    """A quantity typed before a scan (on the numpad or the keyboard): "3" is 3 of the article
    scanned next, "0,512" 0,512 kg of an article sold by weight. None when ``text`` is not a
    number of at most four digits and three decimals (it is then the start of a code)."""
    m = _COUNT.match(text.strip())
    if m is None:
        return None
    return Decimal(m.group(1) + ("." + m.group(2) if m.group(2) else ""))


def split_typed(text: str) -> tuple[Decimal | None, str]:
    """A quantity and a code typed together, the quantity first with ``*`` between them
    ("3*7350120000019", "0,512*101"): ``(quantity, code)``; else ``(None, text)``."""
    m = _COUNT_THEN_CODE.match(text.strip())
    if m is None:
        return None, text.strip()
    return typed_quantity(m.group(1)), m.group(2).strip()


def is_words(text: str) -> bool:
    """Typed text that reads as words rather than a code: it has a letter, and is not a code of
    another kind (a web address, a receipt, a card, a cart ...). The till searches article
    names with it when no article has it as its code."""
    if not any(ch.isalpha() for ch in text):
        return False
    return classify(text).kind in (ScanKind.SKU_OR_TEXT, ScanKind.UNKNOWN) and not text.lower(
    ).startswith(("http://", "https://"))
