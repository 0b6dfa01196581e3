"""The Journal page's Content column: every kind of entry summarised as a manager reads it, in
Swedish, amounts in kronor; the payload as stored stays in the tooltip and the detail."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

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
    page.table.view.selectRow(0)
    detail = page.entry_text.toPlainText()
    assert content.data() in detail and '"gross_sales": ' in detail
    page.kind_choice.setCurrentIndex(page.kind_choice.findData(Kind.LOGIN))
    idle(qtbot, w)
    logins = [model.index(r, 5).data() for r in range(model.rowCount())]
    assert "Maja Chef logged in" in logins  # the staff's names, not their ids
