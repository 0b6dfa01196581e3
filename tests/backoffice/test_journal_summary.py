"""The Journal page's Content column: every kind of entry summarised as a manager reads it, in
Swedish, amounts in kronor; the payload as stored stays in the tooltip and the detail."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal import GENESIS, Kind, make_entry
from pos.services.invoices import INVOICE_APPROVED, INVOICE_ISSUED, INVOICE_PAYMENT
from tests.backoffice.conftest import idle, log_in
from ui.backoffice.journal_summary import SUMMARIES, JournalSummaries, raw_text

NAMES = {"kim": "Kim Kassör", "maja": "Maja Chef"}


@pytest.fixture
def swedish(qapp):
    from ui.i18n import install_translators

    assert install_translators(qapp, "sv")
    yield JournalSummaries(NAMES)
    install_translators(qapp, "en")


def entry(kind: str, payload: dict, user: str | None = "kim"):
    return make_entry((0, GENESIS), "2026-11-30T14:05:09", "K1", kind, {"user": user, **payload})


def test_every_kind_has_a_summary():
    kinds = {v for k, v in vars(Kind).items() if k.isupper()}
    kinds |= {INVOICE_ISSUED, INVOICE_APPROVED, INVOICE_PAYMENT}
    assert kinds - set(SUMMARIES) == set()


SALE = {"sale_id": "s1", "receipt_no": 1042, "shift": 3, "total": 24951, "discount": 0,
        "rounding": 0, "vat": [], "tenders": [["card", 20000], ["cash", 4951]],
        "lines": [{"sku": "KAF", "quantity": 2, "total": 9980},
                  {"sku": "BOK", "quantity": 1, "total": 14971}]}


@pytest.mark.parametrize("kind,payload,user,text", [
    (Kind.SALE, SALE, "kim", "Kvitto 1042: 3 artiklar, 249,51 kr, kort + kontant"),
    (Kind.SALE, {**SALE, "lines": SALE["lines"][1:], "tenders": [["swish", 14971]],
                 "total": 14971}, "kim", "Kvitto 1042: 1 artikel, 149,71 kr, Swish"),
    (Kind.RETURN, {**SALE, "receipt_no": 1043, "total": -17933, "tenders": [["card", -17933]],
                   "lines": [{"quantity": -1}]}, "kim",
     "Retur, kvitto 1043: 1 artikel, -179,33 kr, kort"),
    (Kind.Z_REPORT, {"kind": "Z", "z_number": 17, "gross_sales": 1248003, "variance": 0},
     "maja", "Z-rapport 17: 12 480,03 kr"),
    (Kind.Z_REPORT, {"kind": "Z", "z_number": 18, "gross_sales": 99, "variance": -1050},
     "maja", "Z-rapport 18: 0,99 kr, kassadifferens -10,50 kr"),
    (Kind.DRAWER_OPEN, {"reason": "no sale: växel till kassa 2 (approved by maja)",
                        "receipt_no": None}, "kim",
     "Lådöppning utan köp av Kim Kassör: växel till kassa 2 (godkänd av Maja Chef)"),
    (Kind.DRAWER_OPEN, {"reason": "sale", "receipt_no": 7}, "kim", "Lådöppning för kvitto 7"),
    (Kind.CASH_OUT, {"shift": 3, "amount": -123456, "reason": "bank"}, "kim",
     "1 234,56 kr ut ur lådan: bank"),
    (Kind.DISCOUNT_APPROVED, {"line": 2, "approved_by": "maja", "percent": "12.5",
                              "amount": 0, "reason": "skadad"}, "kim",
     "Rabatt 12,5 % på rad 2, godkänd av Maja Chef (skadad)"),
    (Kind.STAFF_CHANGED, {"staff": "kim", "changes": {"role": ["cashier", "manager"],
                                                      "active": [True, False]}}, "maja",
     "Kim Kassör: inaktiverad, roll kassör → chef"),  # stored in key order
    (Kind.DISCOUNT_LIMIT_CHANGED, {"staff": None, "from": None, "to": "7.50"}, "maja",
     "Butikens rabattgräns: ingen → 7,5 %"),
    (Kind.STOCK_COUNT_POSTED, {"count": "SC-1", "location": "store-gbg", "articles": 4,
                               "counted_units": 68, "expected_units": 71,
                               "difference_value": -20733, "lines": []}, "maja",
     "Inventering SC-1 bokförd: 4 artiklar, 68 räknade av 71 väntade, differens -207,33 kr"),
    (Kind.STOCK_COUNT_POSTED, {"count": "SC-2", "location": "store-gbg", "articles": 1326,
                               "counted_units": 36, "expected_units": 16919,
                               "difference_value": -842706780, "lines": [],
                               "uncounted_set_to_zero": [{"sku": f"S{i}", "expected": 1}
                                                         for i in range(1324)]}, "maja",
     "Inventering SC-2 bokförd: 1326 artiklar, 36 räknade av 16 919 väntade, differens "
     "-8 427 067,80 kr, 1324 artiklar som inte räknats satta till 0"),
    (Kind.STOCK_COUNT_STARTED, {"count": "SC-3", "location": "store-gbg", "scope": "store"},
     "maja", "Inventering SC-3 påbörjad på store-gbg: hela butiken (det som inte räknas sätts "
     "till 0)"),
    (Kind.STOCK_COUNT_STARTED, {"count": "SC-4", "location": "store-gbg", "scope": "all"},
     "maja", "Inventering SC-4 påbörjad på store-gbg: valfria artiklar (bara det som räknas "
     "ändras)"),
    (Kind.LOCKOUT_LIFTED, {"staff": "kim", "failed_attempts": 1, "locked_until": None},
     "maja", "Spärren för Kim Kassör hävd efter 1 misslyckat försök"),
    (INVOICE_ISSUED, {"invoice": "F1001", "ocr": "100106", "amount": 49900, "customer": "c",
                      "due": "2026-12-30"}, "kim",
     "Faktura F1001: 499,00 kr, förfaller 2026-12-30"),
    (Kind.LOGIN, {"staff": "nobody"}, "nobody", "nobody loggade in"),  # a name not known
])
def test_summaries_in_swedish(swedish, kind, payload, user, text):
    assert swedish.summary(entry(kind, payload, user)) == text


def test_a_payload_it_cannot_read_shows_as_its_values(swedish):
    damaged = entry(Kind.SALE, {"receipt_no": 5})  # no total
    assert swedish.summary(damaged) == "receipt_no=5"
    assert swedish.summary(entry("kiosk_something", {"a": 1, "b": [2]})) == "a=1"
    assert raw_text({"user": "kim", "total": 100}) == "total=100"


def test_every_entry_of_a_real_day_is_read(qapp, day_db):
    """The payloads the tills and the back office write, each read by its own summary (the
    fallback would hide a summary that no longer fits its payload)."""
    sf, _ = day_db
    uow = SqlUnitOfWork(sf)
    with uow:
        entries = [e for r in uow.registers.ids() for e in uow.journal.entries(r)]
    s = JournalSummaries()
    kinds = set()
    for e in entries:
        assert SUMMARIES[e.kind](s, e.payload), e  # raises where the payload does not fit
        kinds.add(e.kind)
    assert {Kind.SALE, Kind.RETURN, Kind.Z_REPORT, Kind.X_REPORT, Kind.SHIFT_OPEN} <= kinds


def test_the_journal_page_shows_summaries_and_keeps_the_payload(qtbot, bo_window, day_db):
    w = bo_window
    log_in(qtbot, w)
    w.show_page(4)
    idle(qtbot, w)
    page = w.current_page()
    page.kind_choice.setCurrentIndex(page.kind_choice.findData(Kind.Z_REPORT))
    idle(qtbot, w)
    (z,) = page.table.shown_rows()
    model = page.table.proxy
    content = model.index(0, 5)
    # K1's day (tests.backoffice.day): 1 325,57 kr sold, the drawer counted 1 kr short
    assert (z.payload["gross_sales"], z.payload["variance"]) == (132557, -100)
    assert content.data() == "Z report 1: 1 325,57 kr, cash difference -1,00 kr"
    tip = content.data(Qt.ItemDataRole.ToolTipRole)
    assert json.loads(tip) == z.payload  # the payload as stored, öre and all
    page.table.view.setFocus()
    page.table.view.selectRow(0)
    QTest.keyClick(page.table.view, Qt.Key.Key_Return)  # Enter: the entry as stored
    assert page.entry_text.hasFocus()
    detail = page.entry_text.toPlainText()
    assert content.data() in detail and '"gross_sales": ' in detail
    page.kind_choice.setCurrentIndex(page.kind_choice.findData(Kind.LOGIN))
    idle(qtbot, w)
    logins = [model.index(r, 5).data() for r in range(model.rowCount())]
    assert "Maja Chef logged in" in logins  # the staff's names, not their ids


# each kind's payload as its service writes it (pos/services/*.py), so that every summary is
# run at least once against the keys it reads
WRITTEN = {
    Kind.VOID_LINE: {"sku": "KAF", "name": "Kaffe", "quantity": 2, "amount": 9980},
    Kind.VOID_SALE: {"total": 24951, "items": 3},
    Kind.COPY: {"receipt_no": 12},
    Kind.COPY_REFUSED: {"receipt_no": 12},
    Kind.RECEIPT_EMAIL: {"receipt_no": 12, "to": "a***@example.se", "copy": True},
    Kind.PRICE_OVERRIDE: {"sku": "KAF", "from": 4990, "to": 3995, "approved_by": "maja"},
    Kind.SHIFT_OPEN: {"shift": 4, "float": 150000},
    Kind.SHIFT_CLOSE: {"shift": 4},
    Kind.CASH_IN: {"shift": 4, "amount": 50001, "reason": "växel"},
    Kind.X_REPORT: {"kind": "X", "gross_sales": 71680, "sales_count": 3},
    Kind.REPORT_COPY: {"register": "K1", "report_seq": 9, "kind": "Z", "z_number": 1,
                       "printed": False, "reason": "paper out"},
    Kind.PARK: {"parked": 7, "total": 12345},
    Kind.LOGIN_FAILED: {"staff": "kim", "reason": "not_a_manager"},
    Kind.CARD_REFUND: {"refund": "r1", "amount": 19900, "refund_of": "T1"},
    Kind.TENDER_REMOVED: {"method": "cash", "amount": 5000, "received": 5000},
    Kind.GIFT_CARD_SOLD: {"code": "GC-1234", "amount": 50000},
    Kind.LOGOUT: {"staff": "maja"},
    Kind.STAFF_ADDED: {"staff": "eva", "name": "Eva Ek", "role": "cashier"},
    Kind.PIN_RESET: {"staff": "kim", "lockout_lifted": True},
    Kind.OUTBOX_RETRY: {"key": "k", "kind": "store_order", "attempts": 8},
    Kind.CUSTOMER_CREATED: {"customer_id": "cus_1", "email_offers": True,
                            "override_reason": "another Anna", "like": ["cus_0"]},
    Kind.CUSTOMER_CHANGED: {"customer_id": "cus_1", "fields": ["email", "phone"],
                            "email_offers": False},
    Kind.STOCK_COUNT_STARTED: {"count": "SC-1", "location": "store-gbg", "scope": "category",
                               "scope_value": "pcat_kaffe"},
    Kind.STOCK_COUNT_CANCELLED: {"count": "SC-1", "articles": 3},
    Kind.TRANSFER_RECEIVED: {"transfer": "TR-1002", "id": "t1", "from": "store-sthlm",
                             "lines": [{"sku": "KAF", "sent": 10, "received": 9,
                                        "shortfall": 1}], "shortfall": 1},
    INVOICE_APPROVED: {"action": "invoice_credit", "by": "maja", "reason": "", "customer": "c",
                       "invoice": "F1001", "amount": 49900},
    INVOICE_PAYMENT: {"ocr": "100106", "amount": 49900, "sale_id": "s", "receipt_no": 8,
                      "key": "k"},
    Kind.SHELF_LABELS: {"labels": [["KAF", 2]], "count": 2, "output": "receipt_printer",
                        "printed": 1, "reason": "paper out"},
}


@pytest.mark.parametrize("kind", sorted(WRITTEN))
def test_each_kinds_payload_read_by_its_summary(swedish, kind):
    text = SUMMARIES[kind](swedish, {"user": "kim", **WRITTEN[kind]})  # raises if it misreads
    assert text and "%" not in text.replace(" %", "")


def test_a_few_more_in_swedish(swedish):
    said = {k: SUMMARIES[k](swedish, {"user": "kim", **p}) for k, p in WRITTEN.items()}
    assert said[Kind.TRANSFER_RECEIVED] == \
        "Överföring TR-1002 från store-sthlm: 9 st mottagna, 1 saknas"
    assert said[Kind.SHELF_LABELS] == \
        "1 av 2 hyllkanter utskrivna på kvittoskrivaren: avbrutet (paper out)"
    assert said[Kind.CASH_IN] == "500,01 kr in i lådan: växel"
    assert said[Kind.PIN_RESET] == "Ny PIN-kod för Kim Kassör, spärren hävd"
