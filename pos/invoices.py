"""Invoices (fakturor): the payment reference (OCR), the number series, the due date, the seller
and the buyer, VAT per rate, and an invoice's status. No I/O: ``pos.services.invoices`` stores
and uses them.

The OCR reference is Bankgirot's: the digits of the invoice number, optionally a *length digit*
(the reference's whole length, check digit included, modulo 10), then a Luhn (mod 10) check
digit over everything before it. The till and the central store make references the same way,
and ``pos.scan_router`` recognises them (``OCR:`` + digits): one Luhn function, the router's.

The number series: an invoice number is the series' digits followed by its consecutive number,
six digits wide (``1000042``: series 1, invoice 42). Each store's tills share one series kept in
the store's database (a row locked while a number is taken, as the receipt numbers are); the
central store keeps the web's series (``9`` by default). Numbers never repeat across series, so
one OCR scheme serves both channels and a till numbers invoices offline (docs/invoices.md).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import Enum
from typing import Any

from pos.errors import UserError, messages
from pos.money import format_kronor
from pos.scan_router import luhn_check_digit, luhn_ok
from pos.vat import VatLine, VatRate, vat_breakdown

MESSAGES = messages({
    "invoice.ocr_not_digits": "OCR reference {reference} must be digits only",
    "invoice.ocr_length": "OCR reference {reference} has {count} digits; a payment reference "
                          "has 2 to 25",
    "invoice.ocr_check_digit": "OCR reference {reference} has a wrong check digit",
    "invoice.ocr_length_digit": "OCR reference {reference} has a wrong length digit ({digit}, "
                                "should be {expected})",
    "invoice.series_invalid": "The invoice series {series} must be 1 to 3 digits",
    "invoice.no_customer": "An invoice needs an identified customer: find the customer first",
    "invoice.no_billing_address": "{customer} has no billing address: add one before paying "
                                  "by invoice",
    "invoice.customer_overdue": "{customer} has an overdue invoice ({number}, due {due}): "
                                "a manager must approve a new invoice",
    "invoice.over_credit_limit": "{customer} would owe {owed} kr on invoices, over the credit "
                                 "limit of {limit} kr: a manager must approve",
    "invoice.whole_sale": "An invoice pays the whole sale: take the other payments back first",
    "invoice.not_found": "No invoice has reference {reference}",
    "invoice.already_paid": "Invoice {number} is already paid",
    "invoice.amount_due": "Invoice {number}: {amount} kr is due",
})

# The web's series in the central store (the Medusa invoice provider's default)
WEB_SERIES = "9"
SEQ_DIGITS = 6


class InvoiceError(UserError, ValueError):
    """An invoice refused or a reference that is no invoice's."""


# --- the OCR reference ----------------------------------------------------------------------------

def ocr_reference(number: str | int, length_digit: bool = True) -> str:
    """The OCR reference of invoice ``number``: its digits, the length digit when
    ``length_digit``, then the Luhn check digit over all of them."""
    body = str(number)
    if not body.isascii() or not body.isdigit():
        raise InvoiceError("invoice.ocr_not_digits", reference=body)
    if length_digit:
        body += str((len(body) + 2) % 10)
    ref = body + str(luhn_check_digit(body))
    if not 2 <= len(ref) <= 25:
        raise InvoiceError("invoice.ocr_length", reference=ref, count=len(ref))
    return ref


def check_ocr(reference: str, length_digit: bool | None = None) -> str:
    """``reference`` without spaces when it is a valid OCR reference, else ``InvoiceError``.
    ``length_digit``: True, the second-last digit must be the length digit; False, none is
    checked; None, checked when the reference has the till's own shape (not enforced)."""
    ref = reference.replace(" ", "")
    if not ref.isascii() or not ref.isdigit():
        raise InvoiceError("invoice.ocr_not_digits", reference=reference)
    if not 2 <= len(ref) <= 25:
        raise InvoiceError("invoice.ocr_length", reference=ref, count=len(ref))
    if not luhn_ok(ref):
        raise InvoiceError("invoice.ocr_check_digit", reference=ref)
    if length_digit:
        expected = len(ref) % 10
        if len(ref) < 3 or int(ref[-2]) != expected:
            raise InvoiceError("invoice.ocr_length_digit", reference=ref,
                               digit=ref[-2] if len(ref) >= 2 else "", expected=expected)
    return ref


def number_of_reference(reference: str) -> str:
    """The invoice number inside a reference made by ``ocr_reference`` (with its length digit)."""
    return check_ocr(reference, length_digit=True)[:-2]


# --- numbers and dates ----------------------------------------------------------------------------

def check_series(series: str) -> str:
    s = str(series).strip()
    if not (1 <= len(s) <= 3 and s.isascii() and s.isdigit()):
        raise InvoiceError("invoice.series_invalid", series=s)
    return s


def invoice_number(series: str, seq: int) -> str:
    """``series`` then ``seq`` (the series' consecutive number, from 1), six digits wide."""
    if seq < 1:
        raise ValueError("an invoice's number in its series starts at 1")
    return check_series(series) + str(seq).zfill(SEQ_DIGITS)


def due_date(issued: date, days: int) -> date:
    return issued + timedelta(days=int(days))


# --- seller and buyer -----------------------------------------------------------------------------

def vat_number(org_no: str) -> str:
    """The Swedish VAT number of an organisation number: "SE" + its ten digits + "01"."""
    digits = "".join(ch for ch in org_no if ch.isdigit())
    if len(digits) == 12:  # a sole trader's personal number with the century
        digits = digits[2:]
    return f"SE{digits}01"


@dataclass(frozen=True)
class Seller:
    company: str
    org_no: str
    bankgiro: str
    address: str = ""
    vat_no: str = ""  # "" -> from the organisation number
    email: str = ""
    phone: str = ""

    @property
    def vat_id(self) -> str:
        return self.vat_no or vat_number(self.org_no)

    def to_dict(self) -> dict[str, Any]:
        return {"company": self.company, "org_no": self.org_no, "bankgiro": self.bankgiro,
                "address": self.address, "vat_no": self.vat_id, "email": self.email,
                "phone": self.phone}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Seller":
        return cls(**{k: str(d.get(k) or "") for k in
                      ("company", "org_no", "bankgiro", "address", "vat_no", "email", "phone")})


@dataclass(frozen=True)
class Buyer:
    """The customer invoiced: the central store's id, name, and billing address lines."""

    customer_id: str
    name: str
    address: tuple[str, ...] = ()
    email: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"customer_id": self.customer_id, "name": self.name,
                "address": list(self.address), "email": self.email}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Buyer":
        return cls(str(d.get("customer_id") or ""), str(d.get("name") or ""),
                   tuple(str(x) for x in d.get("address") or ()), str(d.get("email") or ""))


# --- the invoice ----------------------------------------------------------------------------------

class InvoiceStatus(Enum):
    OPEN = "open"
    PAID = "paid"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class InvoiceLine:
    name: str
    quantity: int
    unit_price: int  # öre, VAT included
    total: int  # öre, VAT included, after discounts
    vat_rate: VatRate

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "quantity": self.quantity, "unit_price": self.unit_price,
                "total": self.total, "vat_rate": self.vat_rate.value}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "InvoiceLine":
        return cls(str(d["name"]), int(d["quantity"]), int(d["unit_price"]), int(d["total"]),
                   VatRate(str(d["vat_rate"])))


def vat_per_rate(lines: Iterable[InvoiceLine]) -> tuple[VatLine, ...]:
    """VAT once per rate on each rate's summed gross (as the receipt does): exact öre."""
    return tuple(vat_breakdown((ln.vat_rate, ln.total) for ln in lines))


@dataclass(frozen=True)
class Invoice:
    number: str
    ocr: str
    buyer: Buyer
    seller: Seller
    lines: tuple[InvoiceLine, ...]
    issued_on: date
    due_on: date
    sale_id: str = ""  # the till's sale it was issued for ("" for a web order's)
    receipt_no: int = 0
    register_id: str = ""
    order_id: str = ""  # the central store's order, once known
    amount_paid: int = 0
    paid_on: date | None = None
    vat: tuple[VatLine, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.vat:
            object.__setattr__(self, "vat", vat_per_rate(self.lines))

    @property
    def total(self) -> int:
        return sum(ln.total for ln in self.lines)

    @property
    def vat_total(self) -> int:
        return sum(v.vat for v in self.vat)

    @property
    def amount_due(self) -> int:
        return max(0, self.total - self.amount_paid)

    def status(self, today: date) -> InvoiceStatus:
        if self.amount_due == 0:
            return InvoiceStatus.PAID
        return InvoiceStatus.OVERDUE if today > self.due_on else InvoiceStatus.OPEN

    def paid(self, amount: int, on: date) -> "Invoice":
        return replace(self, amount_paid=self.amount_paid + amount, paid_on=on)


def invoice_lines(sale_lines: Sequence[Any]) -> tuple[InvoiceLine, ...]:
    """A sale's lines as an invoice's (``pos.sales.SaleLine``: name, quantity, price, total)."""
    return tuple(InvoiceLine(ln.name, ln.quantity, ln.unit_price, ln.total, ln.vat_rate)
                 for ln in sale_lines)


# --- may this customer be invoiced? ---------------------------------------------------------------

@dataclass(frozen=True)
class OpenInvoice:
    """What the credit check needs of a customer's unpaid invoice (the till's or the central
    store's)."""

    number: str
    amount_due: int
    due_on: date


def credit_refusal(customer: str, open_invoices: Iterable[OpenInvoice], amount: int,
                   limit: int | None, today: date) -> InvoiceError | None:
    """Why ``customer`` may not be invoiced ``amount`` öre more without a manager (None: they
    may): an overdue invoice first, then open invoices plus this one over ``limit`` öre (None:
    no limit)."""
    unpaid = [i for i in open_invoices if i.amount_due > 0]
    overdue = sorted((i for i in unpaid if today > i.due_on), key=lambda i: i.due_on)
    if overdue:
        return InvoiceError("invoice.customer_overdue", customer=customer,
                            number=overdue[0].number, due=overdue[0].due_on.isoformat())
    owed = sum(i.amount_due for i in unpaid) + amount
    if limit is not None and owed > limit:
        return InvoiceError("invoice.over_credit_limit", customer=customer,
                            owed=format_kronor(owed), limit=format_kronor(limit))
    return None


# --- the store's rules ([invoice] in pos.toml) ----------------------------------------------------

@dataclass(frozen=True)
class InvoiceRules:
    """``series``: this store's number series (its tills share it); ``days``: until the due
    date; ``bankgiro``: where the customer pays (no bankgiro: the till offers no invoice);
    ``credit_limit``: öre a customer may owe on invoices without a manager (None: no limit;
    a customer's own ``credit_limit`` in the central store wins)."""

    series: str = "1"
    days: int = 30
    bankgiro: str = ""
    credit_limit: int | None = None
    length_digit: bool = True
    # e-mail the invoice (its PDF) to the buyer when the sale completes; the till sets it only
    # when ``[mail]`` names a server (wiring.py) and ``[invoice] email`` is not false
    email: bool = False
    printer: str = ""  # the system printer invoices print on ("" the system's default)

    @property
    def enabled(self) -> bool:
        return bool(self.bankgiro)

    @classmethod
    def from_config(cls, d: dict[str, Any] | None) -> "InvoiceRules":
        """From ``[invoice]``: series, days, bankgiro, credit_limit (kronor, "" none),
        length_digit, email (true: e-mailed to the buyer, when the till has a mail server),
        printer (a system printer's name)."""
        from pos.money import parse_kronor
        d = dict(d or {})
        limit = str(d.get("credit_limit") or "").strip()
        return cls(series=check_series(str(d.get("series") or "1")),
                   days=int(d.get("days") or 30), bankgiro=str(d.get("bankgiro") or ""),
                   credit_limit=parse_kronor(limit) if limit else None,
                   length_digit=bool(d.get("length_digit", True)),
                   email=bool(d.get("email", True)), printer=str(d.get("printer") or ""))


# --- an open invoice as the till finds it (the central store's, or its own) ------------------------

@dataclass(frozen=True)
class InvoiceDue:
    """What paying an invoice at the till needs: the central store's answer to a reference or a
    customer (``source`` "central"), or the till's own invoice while offline ("local")."""

    number: str
    ocr: str
    total: int
    amount_due: int
    due_on: date
    status: InvoiceStatus
    customer_id: str = ""
    customer_name: str = ""
    order_id: str = ""
    order_no: str = ""
    source: str = "central"

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "ocr": self.ocr, "total": self.total,
                "amount_due": self.amount_due, "due_on": self.due_on.isoformat(),
                "status": self.status.value, "customer_id": self.customer_id,
                "customer_name": self.customer_name, "order_id": self.order_id,
                "order_no": self.order_no, "source": self.source}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "InvoiceDue":
        return cls(str(d["number"]), str(d["ocr"]), int(d["total"]), int(d["amount_due"]),
                   date.fromisoformat(str(d["due_on"])[:10]), InvoiceStatus(str(d["status"])),
                   str(d.get("customer_id") or ""), str(d.get("customer_name") or ""),
                   str(d.get("order_id") or ""), str(d.get("order_no") or ""),
                   str(d.get("source") or "central"))

    @classmethod
    def of(cls, inv: Invoice, today: date) -> "InvoiceDue":
        return cls(inv.number, inv.ocr, inv.total, inv.amount_due, inv.due_on,
                   inv.status(today), inv.buyer.customer_id, inv.buyer.name, inv.order_id,
                   source="local")


# A payment of an invoice at the till is a sale of one line of this article (no VAT: paying an
# invoice sells no goods); its id carries the invoice's OCR reference
PAYMENT_VARIANT_PREFIX = "invoice:"
PAYMENT_SKU = "FAKTURABETALNING"


def is_invoice_payment(variant_id: str) -> bool:
    return variant_id.startswith(PAYMENT_VARIANT_PREFIX)


# --- the tender "Faktura" on a sale: what its receipt prints, read back for the order ------------

_NUMBER, _OCR, _DUE, _BG = "Faktura ", "OCR ", "Förfallodag ", "Bankgiro "


def tender_lines(number: str, ocr: str, due_on: date, bankgiro: str) -> tuple[str, ...]:
    """What the receipt prints under the tender (the tender keeps them: a restart, a copy)."""
    return (f"{_NUMBER}{number}", f"{_OCR}{ocr}", f"{_DUE}{due_on.isoformat()}",
            f"{_BG}{bankgiro}")


def invoice_of_tender(lines: Sequence[str]) -> tuple[str, str, str] | None:
    """(number, OCR, due date ISO) from ``tender_lines``; None when they are not an invoice's."""
    found = {}
    for ln in lines:
        for prefix in (_NUMBER, _OCR, _DUE):
            if ln.startswith(prefix):
                found[prefix] = ln[len(prefix):].strip()
    if set(found) != {_NUMBER, _OCR, _DUE}:
        return None
    return found[_NUMBER], found[_OCR], found[_DUE]
