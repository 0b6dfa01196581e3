"""What a journal entry says, in a line a manager reads: one summary per kind of entry
(``pos.journal.Kind`` and the invoices' kinds), in the screen's language, amounts in kronor
("Kvitto 1042: 3 artiklar, 249,50 kr, kort", "Z-rapport 17: 12 480,00 kr").

The payload as stored (öre, English keys) stays the entry's truth: the Journal page shows it in
the entry's detail and as the Content column's tooltip. A payload a summary cannot read (an
older or damaged entry) shows as its plain values rather than failing the page.

    summaries = JournalSummaries({"kim": "Kim Kassör"})   # staff names, where known
    summaries.summary(entry)

A new kind of journal entry needs its summary here (``@summarises(kind)``):
``tests/backoffice/test_journal_summary.py`` fails until it has one.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QObject

from pos.journal import JournalEntry, Kind
from pos.money import format_kronor
from pos.services.invoices import INVOICE_APPROVED, INVOICE_ISSUED, INVOICE_PAYMENT
from ui.backoffice.outbox_kinds import outbox_kind_label

Payload = dict[str, Any]
Summary = Callable[["JournalSummaries", Payload], str]
SUMMARIES: dict[str, Summary] = {}
RAW_CHARS = 160  # a payload no summary reads, shown as its plain values up to this length


def summarises(*kinds: str) -> Callable[[Summary], Summary]:
    def register(f: Summary) -> Summary:
        for k in kinds:
            SUMMARIES[k] = f
        return f
    return register


def kr(ore: Any) -> str:
    return format_kronor(int(ore), symbol=True)


def units(count: Any) -> str:
    """A count of units as Swedish writes it: 16 919 (a thin space between thousands, as
    kronor)."""
    return format_kronor(int(count) * 100, symbol=False).rsplit(",", 1)[0]


def percent(text: Any) -> str:
    """"12.5" as the screen writes it: 12,5 (Decimal's own text, never a float's)."""
    try:
        return format(Decimal(str(text)).normalize(), "f").replace(".", ",")
    except InvalidOperation:
        return str(text)


def local_time(iso: str | None) -> str:
    """An ISO time stored in the journal (local), as 2026-11-30 14:05."""
    return "" if not iso else iso.replace("T", " ")[:16]


def fill(text: str, *values: object) -> str:
    """``%1``.. in a translated text replaced at once (a value holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1])
                  if 0 < int(m.group(1)) <= len(values) else m.group(0), text)


def raw_text(payload: Payload) -> str:
    """The payload's plain values (who left out: the Who column says it)."""
    plain = {k: v for k, v in payload.items() if k not in ("user", "face")}
    return ", ".join(f"{k}={v}" for k, v in plain.items()
                     if not isinstance(v, (list, dict)))[:RAW_CHARS]


def _articles(p: Payload) -> int:
    return sum(abs(int(ln.get("quantity", 1))) for ln in p.get("lines", []))


NO_SALE = re.compile(r"no sale: (?P<reason>.*) \(approved by (?P<by>[^)]*)\)$")


class JournalSummaries(QObject):
    """The summaries in the language installed (see the module's doc). ``names``: staff id to
    name, so that "kim" reads "Kim Kassör"."""

    def __init__(self, names: Mapping[str, str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = dict(names or {})

    def summary(self, e: JournalEntry) -> str:
        f = SUMMARIES.get(e.kind)
        payload = e.payload
        if f is None:
            return raw_text(payload)
        try:
            return f(self, payload)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return raw_text(payload)

    # --- the parts ----------------------------------------------------------------------------

    def who(self, staff_id: Any) -> str:
        if staff_id is None or staff_id == "":
            return self.tr("someone unknown")
        return self.names.get(str(staff_id), str(staff_id))

    def method(self, method_id: str) -> str:
        labels = {"cash": self.tr("cash"), "card": self.tr("card"), "swish": self.tr("Swish"),
                  "gift_card": self.tr("gift card"), "store_credit": self.tr("store credit"),
                  "invoice": self.tr("invoice"), "web": self.tr("web payment")}
        return labels.get(method_id, method_id)

    def methods(self, tenders: list[list[Any]]) -> str:
        seen: list[str] = []
        for method_id, _amount in tenders:
            label = self.method(str(method_id))
            if label not in seen:
                seen.append(label)
        return " + ".join(seen) or self.tr("nothing paid")

    def role(self, role: str) -> str:
        return {"cashier": self.tr("cashier"), "manager": self.tr("manager")}.get(role, role)

    def limit(self, value: Any) -> str:
        return self.tr("none") if value is None else percent(value) + " %"

    # --- sales and receipts -----------------------------------------------------------------

    @summarises(Kind.SALE)
    def _sale(self, p: Payload) -> str:
        text = fill(self.tr("Receipt %1: %n article(s), %2, %3", "", _articles(p)),
                    p["receipt_no"], kr(p["total"]), self.methods(p.get("tenders", [])))
        if p.get("delivery"):
            text += self.tr(", sent home")
        return text

    @summarises(Kind.RETURN)
    def _return(self, p: Payload) -> str:
        return fill(self.tr("Return, receipt %1: %n article(s), %2, %3", "", _articles(p)),
                    p["receipt_no"], kr(p["total"]), self.methods(p.get("tenders", [])))

    @summarises(Kind.VOID_LINE)
    def _void_line(self, p: Payload) -> str:
        return fill(self.tr("%1 × %2 taken off the sale, %3"), p.get("name") or p["sku"],
                    p["quantity"], kr(p["amount"]))

    @summarises(Kind.VOID_SALE)
    def _void_sale(self, p: Payload) -> str:
        return fill(self.tr("Sale of %n article(s) voided, %1", "", int(p["items"])),
                    kr(p["total"]))

    @summarises(Kind.COPY)
    def _copy(self, p: Payload) -> str:
        return fill(self.tr("Copy of receipt %1 printed"), p["receipt_no"])

    @summarises(Kind.COPY_REFUSED)
    def _copy_refused(self, p: Payload) -> str:
        return fill(self.tr("A second copy of receipt %1 refused"), p["receipt_no"])

    @summarises(Kind.RECEIPT_EMAIL)
    def _receipt_email(self, p: Payload) -> str:
        text = self.tr("Copy of receipt %1 e-mailed to %2") if p.get("copy") \
            else self.tr("Receipt %1 e-mailed to %2")
        return fill(text, p["receipt_no"], p["to"])

    @summarises(Kind.DRAWER_OPEN)
    def _drawer(self, p: Payload) -> str:
        reason = str(p.get("reason") or "")
        no_sale = NO_SALE.match(reason)
        if no_sale:
            return fill(self.tr("Drawer opened without a sale by %1: %2 (approved by %3)"),
                        self.who(p.get("user")), no_sale["reason"], self.who(no_sale["by"]))
        if reason == "sale":
            return fill(self.tr("Drawer opened for receipt %1"), p.get("receipt_no"))
        if reason.startswith("sale (printer failed)"):
            return fill(self.tr("Drawer opened for receipt %1 (the printer failed)"),
                        p.get("receipt_no"))
        if reason == "backoffice":
            return fill(self.tr("Drawer opened from the back office by %1"),
                        self.who(p.get("user")))
        if reason == "cash in":
            return self.tr("Drawer opened for cash in")
        if reason == "cash out":
            return self.tr("Drawer opened for cash out")
        return fill(self.tr("Drawer opened: %1"), reason)

    @summarises(Kind.PRICE_OVERRIDE)
    def _price(self, p: Payload) -> str:
        return fill(self.tr("%1: price %2 → %3, approved by %4"), p["sku"], kr(p["from"]),
                    kr(p["to"]), self.who(p.get("approved_by")))

    @summarises(Kind.DISCOUNT_APPROVED)
    def _discount(self, p: Payload) -> str:
        if p.get("action") == "return_no_receipt":
            return fill(self.tr("Return without a receipt: %1 × %2, approved by %3"), p["sku"],
                        p["units"], self.who(p.get("by")))
        amount = p.get("amount")
        size = kr(amount) if amount else percent(p.get("percent")) + " %"
        where = (self.tr("the sale") if p.get("line") is None
                 else fill(self.tr("line %1"), p["line"]))
        text = fill(self.tr("Discount %1 on %2, approved by %3"), size, where,
                    self.who(p.get("approved_by")))
        return text + (f" ({p['reason']})" if p.get("reason") else "")

    @summarises(Kind.PARK)
    def _park(self, p: Payload) -> str:
        return fill(self.tr("Sale parked: %1"), kr(p["total"]))

    @summarises(Kind.TENDER_REMOVED)
    def _tender_removed(self, p: Payload) -> str:
        return fill(self.tr("%1 %2 taken back before the sale completed"), self.method(p["method"]),
                    kr(p["amount"]))

    @summarises(Kind.CARD_REFUND)
    def _card_refund(self, p: Payload) -> str:
        return fill(self.tr("%1 refunded to the card"), kr(p["amount"]))

    @summarises(Kind.GIFT_CARD_SOLD)
    def _gift_card(self, p: Payload) -> str:
        return fill(self.tr("Gift card %1 sold: %2"), p["code"], kr(p["amount"]))

    # --- shifts and reports -----------------------------------------------------------------

    @summarises(Kind.SHIFT_OPEN)
    def _shift_open(self, p: Payload) -> str:
        return fill(self.tr("Shift %1 opened by %2, float %3"), p["shift"], self.who(p.get("user")),
                    kr(p["float"]))

    @summarises(Kind.SHIFT_CLOSE)
    def _shift_close(self, p: Payload) -> str:
        return fill(self.tr("Shift %1 closed by %2"), p.get("shift", "–"),
                    self.who(p.get("user")))

    @summarises(Kind.CASH_IN, Kind.CASH_OUT)
    def _cash(self, p: Payload) -> str:
        text = self.tr("%1 into the drawer: %2") if int(p["amount"]) > 0 \
            else self.tr("%1 out of the drawer: %2")
        return fill(text, kr(abs(int(p["amount"]))), p.get("reason", ""))

    @summarises(Kind.X_REPORT)
    def _x_report(self, p: Payload) -> str:
        return fill(self.tr("X report: %1, %n receipt(s)", "", int(p.get("sales_count", 0))),
                    kr(p["gross_sales"]))

    @summarises(Kind.Z_REPORT)
    def _z_report(self, p: Payload) -> str:
        text = fill(self.tr("Z report %1: %2"), p["z_number"], kr(p["gross_sales"]))
        if p.get("variance"):
            text += fill(self.tr(", cash difference %1"), kr(p["variance"]))
        return text

    @summarises(Kind.REPORT_COPY)
    def _report_copy(self, p: Payload) -> str:
        text = (fill(self.tr("Copy of Z report %1 of %2"), p["z_number"], p["register"])
                if p.get("kind") == "Z" and p.get("z_number") is not None
                else fill(self.tr("Copy of an X report of %1"), p["register"]))
        if not p.get("printed", True):
            text += fill(self.tr(": not printed (%1)"), p.get("reason", ""))
        return text

    # --- logging in and staff ---------------------------------------------------------------

    @summarises(Kind.LOGIN)
    def _login(self, p: Payload) -> str:
        return fill(self.tr("%1 logged in"), self.who(p.get("staff")))

    @summarises(Kind.LOGOUT)
    def _logout(self, p: Payload) -> str:
        return fill(self.tr("%1 logged out"), self.who(p.get("staff")))

    @summarises(Kind.LOGIN_FAILED)
    def _login_failed(self, p: Payload) -> str:
        if p.get("approval"):
            return self.tr("A wrong manager PIN for an approval")
        if p.get("reason") == "not_a_manager":
            return fill(self.tr("%1 is not a manager: the back office refused"),
                        self.who(p.get("staff")))
        return fill(self.tr("A wrong PIN for %1"), self.who(p.get("staff")))

    @summarises(Kind.STAFF_ADDED)
    def _staff_added(self, p: Payload) -> str:
        return fill(self.tr("%1 (%2) added as %3"), p["name"], p["staff"], self.role(p["role"]))

    @summarises(Kind.STAFF_CHANGED)
    def _staff_changed(self, p: Payload) -> str:
        parts = []
        for field, (before, after) in p["changes"].items():
            if field == "name":
                parts.append(fill(self.tr("name %1 → %2"), before, after))
            elif field == "role":
                parts.append(fill(self.tr("role %1 → %2"), self.role(before), self.role(after)))
            elif field == "active":
                parts.append(self.tr("active again") if after else self.tr("deactivated"))
        return fill(self.tr("%1: %2"), self.who(p["staff"]), ", ".join(parts))

    @summarises(Kind.DISCOUNT_LIMIT_CHANGED)
    def _discount_limit(self, p: Payload) -> str:
        text = (self.tr("The store's discount limit: %2 → %3") if p.get("staff") is None
                else self.tr("Discount limit of %1: %2 → %3"))
        return fill(text, self.who(p.get("staff")), self.limit(p.get("from")),
                    self.limit(p.get("to")))

    @summarises(Kind.PIN_RESET)
    def _pin_reset(self, p: Payload) -> str:
        text = fill(self.tr("A new PIN for %1"), self.who(p["staff"]))
        return text + (self.tr(", lockout lifted") if p.get("lockout_lifted") else "")

    @summarises(Kind.LOCKOUT_LIFTED)
    def _lockout(self, p: Payload) -> str:
        return fill(self.tr("Lockout of %1 lifted after %n failed attempt(s)", "",
                         int(p.get("failed_attempts") or 0)), self.who(p["staff"]))

    # --- the central store, customers, stock, invoices, labels ------------------------------

    @summarises(Kind.OUTBOX_RETRY)
    def _outbox_retry(self, p: Payload) -> str:
        return fill(self.tr("%1 sent to the central store again after %n attempt(s)", "",
                         int(p.get("attempts") or 0)), outbox_kind_label(str(p["kind"])))

    @summarises(Kind.CUSTOMER_CREATED)
    def _customer_created(self, p: Payload) -> str:
        text = fill(self.tr("Customer %1 created"), p["customer_id"])
        if p.get("email_offers"):
            text += self.tr(", offers by e-mail")
        if p.get("like"):
            text += fill(self.tr(", although like %1: %2"), ", ".join(p["like"]),
                         p.get("override_reason", ""))
        return text

    @summarises(Kind.CUSTOMER_CHANGED)
    def _customer_changed(self, p: Payload) -> str:
        names = {"first_name": self.tr("first name"), "last_name": self.tr("last name"),
                 "email": self.tr("e-mail"), "phone": self.tr("phone"),
                 "address": self.tr("address"),
                 "email_offers": self.tr("offers by e-mail")}
        fields = ", ".join(names.get(f, f) for f in p.get("fields", []))
        return fill(self.tr("Customer %1: %2 changed"), p["customer_id"], fields)

    @summarises(Kind.STOCK_COUNT_STARTED)
    def _count_started(self, p: Payload) -> str:
        scope = {"store": self.tr("the whole store (what is not counted is set to 0)"),
                 "all": self.tr("any articles (only what is counted changes)"),
                 "category": self.tr("category %1"),
                 "selection": self.tr("chosen articles")}.get(p.get("scope", ""),
                                                                p.get("scope", ""))
        return fill(self.tr("Stock count %1 started at %2: %3"), p["count"], p["location"],
                    fill(scope, p.get("scope_value", "")))

    @summarises(Kind.STOCK_COUNT_POSTED)
    def _count_posted(self, p: Payload) -> str:
        text = fill(self.tr("Stock count %1 posted: %n article(s), %2 counted of %3 expected, "
                            "difference %4", "", int(p["articles"])),
                    p["count"], units(p["counted_units"]), units(p["expected_units"]),
                    kr(p["difference_value"]))
        zeroed = len(p.get("uncounted_set_to_zero") or ())
        if zeroed:
            text += self.tr(", %n article(s) not counted set to 0", "", zeroed)
        return text

    @summarises(Kind.STOCK_COUNT_CANCELLED)
    def _count_cancelled(self, p: Payload) -> str:
        return fill(self.tr("Stock count %1 cancelled with %n article(s) counted", "",
                         int(p.get("articles") or 0)), p["count"])

    @summarises(Kind.TRANSFER_RECEIVED)
    def _transfer(self, p: Payload) -> str:
        received = sum(int(ln.get("received") or 0) for ln in p.get("lines", []))
        text = fill(self.tr("Transfer %1 from %2: %n unit(s) received", "", received),
                    p["transfer"], p["from"])
        if p.get("shortfall"):
            text += fill(self.tr(", %1 short"), p["shortfall"])
        return text

    @summarises(INVOICE_ISSUED)
    def _invoice_issued(self, p: Payload) -> str:
        return fill(self.tr("Invoice %1: %2, due %3"), p["invoice"], kr(p["amount"]), p["due"])

    @summarises(INVOICE_APPROVED)
    def _invoice_approved(self, p: Payload) -> str:
        return fill(self.tr("Invoice %1 of %2 on credit approved by %3"), p["invoice"],
                    kr(p["amount"]), self.who(p.get("by")))

    @summarises(INVOICE_PAYMENT)
    def _invoice_payment(self, p: Payload) -> str:
        return fill(self.tr("Invoice with OCR %1 paid: %2, receipt %3"), p["ocr"], kr(p["amount"]),
                    p["receipt_no"])

    @summarises(Kind.SHELF_LABELS)
    def _labels(self, p: Payload) -> str:
        count = int(p.get("count") or 0)
        if p.get("output") == "a4_sheet":
            return fill(self.tr("%n shelf label(s) on an A4 sheet (%1)", "", count),
                        p.get("layout", ""))
        text = fill(self.tr("%1 of %n shelf label(s) printed on the receipt printer", "",
                            count),
                    p.get("printed", 0))
        return text + (fill(self.tr(": stopped (%1)"), p["reason"]) if p.get("reason") else "")
