"""The domain's messages for the cashier, in the screen's language.

``pos/`` raises errors whose ``str()`` is an English sentence for the cashier. Fixed sentences are
listed here (so ``pyside6-lupdate`` extracts them) and translated in the "DomainMessages" context;
the few with values in them are rebuilt from the exception's fields or with a pattern. Anything not
known falls back to the English text, which is still a clear message.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from pos.catalog import UnknownCode

CONTEXT = "DomainMessages"

KNOWN = (
    QT_TRANSLATE_NOOP("DomainMessages", "Log in first"),
    QT_TRANSLATE_NOOP("DomainMessages", "Unknown user"),
    QT_TRANSLATE_NOOP("DomainMessages", "Wrong PIN"),
    QT_TRANSLATE_NOOP("DomainMessages", "Wrong PIN. Too many attempts: locked for 5 minutes"),
    QT_TRANSLATE_NOOP("DomainMessages", "That is not a manager's PIN"),
    QT_TRANSLATE_NOOP("DomainMessages", "Open a shift first (F10)"),
    QT_TRANSLATE_NOOP("DomainMessages", "The float cannot be negative"),
    QT_TRANSLATE_NOOP("DomainMessages", "A shift is already open on this register"),
    QT_TRANSLATE_NOOP("DomainMessages", "Enter an amount"),
    QT_TRANSLATE_NOOP("DomainMessages", "Give a reason for the cash movement"),
    QT_TRANSLATE_NOOP("DomainMessages", "Counted cash cannot be negative"),
    QT_TRANSLATE_NOOP("DomainMessages", "Finish or void the sale in progress before closing"),
    QT_TRANSLATE_NOOP("DomainMessages",
                      "Payment has started: finish or cancel it before changing the sale"),
    QT_TRANSLATE_NOOP("DomainMessages", "Payment has started: finish or cancel it first"),
    QT_TRANSLATE_NOOP("DomainMessages", "Nothing to park"),
    QT_TRANSLATE_NOOP("DomainMessages", "Finish or park the sale in progress first"),
    QT_TRANSLATE_NOOP("DomainMessages", "That parked sale is gone (resumed on another till?)"),
    QT_TRANSLATE_NOOP("DomainMessages", "The sale is empty"),
    QT_TRANSLATE_NOOP("DomainMessages", "Tenders are already taken: complete the payment"),
    QT_TRANSLATE_NOOP("DomainMessages", "A card has already paid part of this sale: refund it first"),
    QT_TRANSLATE_NOOP("DomainMessages", "A price change needs a manager"),
    QT_TRANSLATE_NOOP("DomainMessages", "Opening the drawer without a sale needs a manager"),
    QT_TRANSLATE_NOOP("DomainMessages", "Give a reason for opening the drawer"),
    QT_TRANSLATE_NOOP("DomainMessages", "A discount is either a percentage or an amount"),
    QT_TRANSLATE_NOOP("DomainMessages", "A percentage discount must be above 0 and at most 100 %"),
    QT_TRANSLATE_NOOP("DomainMessages", "A discount amount must be above zero"),
    QT_TRANSLATE_NOOP("DomainMessages", "Nothing to discount: the cart is empty"),
    QT_TRANSLATE_NOOP("DomainMessages", "A price cannot be negative"),
    QT_TRANSLATE_NOOP("DomainMessages", "The quantity must be a whole number"),
    QT_TRANSLATE_NOOP("DomainMessages",
                      "The quantity must be at least 1 (use Return for goods coming back)"),
    QT_TRANSLATE_NOOP("DomainMessages", "Enter the cash received (more than 0)"),
    QT_TRANSLATE_NOOP("DomainMessages", "A card payment must be above 0"),
    QT_TRANSLATE_NOOP("DomainMessages", "The sale is already paid"),
    QT_TRANSLATE_NOOP("DomainMessages", "Card declined"),
    QT_TRANSLATE_NOOP("DomainMessages", "Cancelled"),
    QT_TRANSLATE_NOOP("DomainMessages", "The terminal is busy"),
    QT_TRANSLATE_NOOP("DomainMessages", "The terminal never received the payment"),
    QT_TRANSLATE_NOOP("DomainMessages",
                      "The terminal did not answer. Nothing is lost: ask it again with "
                      "'Check card payment' before taking another payment"),
    QT_TRANSLATE_NOOP("DomainMessages", "A PIN is 4 to 8 digits"),
    QT_TRANSLATE_NOOP("DomainMessages", "The code could not be read: scan again or type it"),
    QT_TRANSLATE_NOOP("DomainMessages", "Empty scan: scan again"),
    QT_TRANSLATE_NOOP("DomainMessages", "The code is too long to be anything this till knows"),
    QT_TRANSLATE_NOOP("DomainMessages", "Type a promotion code"),
    QT_TRANSLATE_NOOP("DomainMessages", "No central store is set up: customers cannot be searched"),
    QT_TRANSLATE_NOOP("DomainMessages",
                      "The central store cannot be reached, so customers cannot be searched now. "
                      "Sell without one"),
    QT_TRANSLATE_NOOP("DomainMessages", "Nothing left to discount on this line"),
    QT_TRANSLATE_NOOP("DomainMessages", "No central store is set up: customer cards cannot be read"),
)

# (pattern, translatable template with %1.. for the groups)
PATTERNS = (
    (re.compile(r"^(EAN-8|UPC-A|EAN-13|GTIN-14) (\d+) has a wrong check digit \((\d), should be "
                r"(\d)\): scan again or type it$"),
     QT_TRANSLATE_NOOP("DomainMessages",
                       "%1 %2 has a wrong check digit (%3, should be %4): scan again or type it")),
    (re.compile(r"^'(.*)' has (\d+) digits; a GTIN has 8, 12, 13 or 14$"),
     QT_TRANSLATE_NOOP("DomainMessages", "'%1' has %2 digits; a GTIN has 8, 12, 13 or 14")),
    (re.compile(r"^Too many wrong PINs: locked for (\d+) more minute\(s\)$"),
     QT_TRANSLATE_NOOP("DomainMessages", "Too many wrong PINs: locked for %1 more minute(s)")),
    (re.compile(r"^A discount above (\S+) % needs a manager$"),
     QT_TRANSLATE_NOOP("DomainMessages", "A discount above %1 % needs a manager")),
    (re.compile(r"^A card can pay at most (.+) kr \(what is left\)$"),
     QT_TRANSLATE_NOOP("DomainMessages", "A card can pay at most %1 kr (what is left)")),
    (re.compile(r"^There is no line (\d+) in this sale$"),
     QT_TRANSLATE_NOOP("DomainMessages", "There is no line %1 in this sale")),
    (re.compile(r"^The quantity can be at most (\d+)$"),
     QT_TRANSLATE_NOOP("DomainMessages", "The quantity can be at most %1")),
    (re.compile(r"^(.+) is no longer sold$"),
     QT_TRANSLATE_NOOP("DomainMessages", "%1 is no longer sold")),
    (re.compile(r"^OCR reference (\d+) has a wrong check digit \((\d), should be (\d)\): "
                r"scan again or type it$"),
     QT_TRANSLATE_NOOP("DomainMessages",
                       "OCR reference %1 has a wrong check digit (%2, should be %3): "
                       "scan again or type it")),
    (re.compile(r"^'(.*)' is not a barcode this till knows$"),
     QT_TRANSLATE_NOOP("DomainMessages", "'%1' is not a barcode this till knows")),
    (re.compile(r"^The customer search failed: (.+)$"),
     QT_TRANSLATE_NOOP("DomainMessages", "The customer search failed: %1")),
    (re.compile(r"^No customer has card (.+)$"),
     QT_TRANSLATE_NOOP("DomainMessages", "No customer has card %1")),
    (re.compile(r"^The central store cannot be reached, so customer card (.+) cannot be read now\. "
                r"Sell without it$"),
     QT_TRANSLATE_NOOP("DomainMessages", "The central store cannot be reached, so customer card "
                                         "%1 cannot be read now. Sell without it")),
    (re.compile(r"^There is no promotion code (.+)$"),
     QT_TRANSLATE_NOOP("DomainMessages", "There is no promotion code %1")),
    (re.compile(r"^The code (.+) is not valid now$"),
     QT_TRANSLATE_NOOP("DomainMessages", "The code %1 is not valid now")),
    (re.compile(r"^The code (.+) has used up its campaign's budget$"),
     QT_TRANSLATE_NOOP("DomainMessages", "The code %1 has used up its campaign's budget")),
    (re.compile(r"^The code (.+) is already on this sale$"),
     QT_TRANSLATE_NOOP("DomainMessages", "The code %1 is already on this sale")),
    (re.compile(r"^The code (.+) is not on this sale$"),
     QT_TRANSLATE_NOOP("DomainMessages", "The code %1 is not on this sale")),
    (re.compile(r"^The code (.+) cannot be used at the till$"),
     QT_TRANSLATE_NOOP("DomainMessages", "The code %1 cannot be used at the till")),
    (re.compile(r"^The code (.+) is for shipping only$"),
     QT_TRANSLATE_NOOP("DomainMessages", "The code %1 is for shipping only")),
    (re.compile(r"^(Card declined|Cancelled|The terminal is busy): (.+)$"),
     QT_TRANSLATE_NOOP("DomainMessages", "%1: %2")),
)


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


NOT_FOR_SALE = {
    "receipt": QT_TRANSLATE_NOOP("DomainMessages",
                                 "Receipt %1 scanned: returns are not taken at this till yet."),
    "digital_receipt": QT_TRANSLATE_NOOP(
        "DomainMessages", "Digital receipt %1 scanned: returns are not taken at this till yet."),
    "web_cart": QT_TRANSLATE_NOOP("DomainMessages",
                                  "Web cart %1 scanned: loading web carts comes in a later release."),
    "order": QT_TRANSLATE_NOOP("DomainMessages",
                               "Web order %1 scanned: pickups come in a later release."),
    "product": QT_TRANSLATE_NOOP("DomainMessages",
                                 "Product link %1 scanned: scan the article's barcode instead."),
    "invoice_reference": QT_TRANSLATE_NOOP(
        "DomainMessages", "Invoice reference %1 scanned: paying invoices comes in a later release."),
}


def message_for(exc: BaseException) -> str:
    """What to show the cashier for a domain error, in the current language."""
    kind = getattr(exc, "kind", None)
    if isinstance(kind, str) and kind in NOT_FOR_SALE:  # ScanNotForSale
        return _translate(NOT_FOR_SALE[kind]).replace("%1", str(getattr(exc, "value", "")))
    if isinstance(exc, UnknownCode):
        return _translate("No article with code %1 in the catalogue").replace("%1", exc.code)
    return translate_message(str(exc))


def translate_message(text: str) -> str:
    translated = _translate(text)
    if translated != text:
        return translated
    for pattern, template in PATTERNS:
        m = pattern.match(text)
        if m:
            out = _translate(template)
            for i, g in enumerate(m.groups(), 1):
                out = out.replace(f"%{i}", _translate(g))
            return out
    return text


_unused = QT_TRANSLATE_NOOP("DomainMessages", "No article with code %1 in the catalogue")
