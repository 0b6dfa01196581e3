"""The customer dialog's record: a new customer with the look-alikes offered (Enter uses the
existing one), a new one all the same with a reason, details and consent edited, and the
history of web orders and store sales from which a return starts (pytest-qt, offscreen)."""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pos.customer_history import Channel, HistoryEntry, HistoryLine
from pos.customers import CustomerDetails, EmailOffers, PostalAddress
from pos.journal import Kind
from tests.fakes.customer_records import FakeHistory, FakeRecords
from tests.services.fakes import ANNA, ERIK, Customers
from tests.ui.conftest import demo_articles, log_in, type_keys


def open_customers(qtbot, page):
    QTest.keyClick(page.scan_input, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    return wait_dialog(qtbot, page, "customerDialog")


def wait_dialog(qtbot, page, name):
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == name
                    and page.dialog.isVisible(), timeout=5000)
    d = page.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d, timeout=5000)  # its keys now
    return d


def journal(till, kind):
    uow = till.network_uow
    with uow:
        return [e for e in uow.journal.entries(till.register_id) if e.kind == kind]


def setup(till, records=None, history=None):
    till.customers = Customers(ANNA, ERIK)
    till.customer_records = records or FakeRecords()
    till.order_history = history or FakeHistory()
    return till.customer_records, till.order_history


def test_a_new_customer_like_an_existing_one_is_offered_and_enter_uses_the_existing(
        qtbot, window, till):
    records, _ = setup(till)
    records.add(CustomerDetails(ANNA, PostalAddress("Storgatan 1", "412 63", "Göteborg")),
                ("412 63",))
    log_in(qtbot, window)
    page = window.sale_page
    d = open_customers(qtbot, page)
    type_keys(d.field, "070-765 43 21")
    QTest.keyClick(d.field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    f = wait_dialog(qtbot, page, "customerFormDialog")
    assert f.phone.text() == "070-765 43 21"  # what was searched for is where it belongs
    f.first.setText("anna")
    f.last.setText("Svenson")
    f.street.setText("Storgatan 1")
    f.postcode.setText("41263")
    f.city.setText("Göteborg")
    QTest.keyClick(f.first, Qt.Key.Key_Return)  # Enter: create
    qtbot.waitUntil(lambda: f.dup_box.isVisible(), timeout=5000)
    assert "1 customer already looks like this one" in f.message.text()
    assert f.dup_list.count() == 1 and "Anna Svensson" in f.dup_list.item(0).text()
    assert "similar name, same postcode" in f.dup_list.item(0).text()
    assert f.anyway_button.isVisible() and not f.anyway_button.isEnabled()
    assert records.created == []
    QTest.keyClick(f.dup_list, Qt.Key.Key_Return)  # Enter: use this one
    qtbot.waitUntil(lambda: page.customer_label.text() == "Customer: Anna Svensson",
                    timeout=5000)
    assert till.cart.customer == ANNA and records.created == []


def test_a_new_customer_all_the_same_with_a_reason_goes_on_the_sale_and_in_the_journal(
        qtbot, window, till):
    records, _ = setup(till)
    records.add(CustomerDetails(ERIK))  # Erik's phone: +46705551234
    log_in(qtbot, window)
    page = window.sale_page
    d = open_customers(qtbot, page)
    qtbot.mouseClick(d.record_buttons.new_button, Qt.MouseButton.LeftButton)
    f = wait_dialog(qtbot, page, "customerFormDialog")
    for field, text in ((f.first, "Elsa"), (f.last, "Lindqvist"), (f.phone, ERIK.phone)):
        field.setText(text)
    qtbot.mouseClick(f.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: f.dup_box.isVisible(), timeout=5000)
    assert "same phone" in f.dup_list.item(0).text()
    type_keys(f.reason, "Eriks dotter, delar telefon")
    assert f.anyway_button.isEnabled()
    qtbot.mouseClick(f.anyway_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.customer_label.text() == "Customer: Elsa Lindqvist",
                    timeout=5000)
    [(draft, _offers, meta)] = records.created
    assert draft.phone == ERIK.phone and meta["pos_duplicate_override"]["reason"] == \
        "Eriks dotter, delar telefon"
    [entry] = journal(till, Kind.CUSTOMER_CREATED)
    assert "Eriks dotter" in entry.payload_json


def test_a_wrong_phone_is_said_in_the_form(qtbot, window, till):
    setup(till)
    log_in(qtbot, window)
    page = window.sale_page
    open_customers(qtbot, page)
    QTest.keyClick(page.dialog.field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    f = wait_dialog(qtbot, page, "customerFormDialog")
    f.first.setText("Bo")
    f.last.setText("Ek")
    f.phone.setText("070123")
    qtbot.mouseClick(f.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "too short for a phone number" in f.message.text(), timeout=5000)
    assert f.message.property("level") == "error" and f.save_button.isEnabled()


def test_details_and_consent_are_edited(qtbot, window, till):
    records, _ = setup(till)
    records.add(CustomerDetails(ANNA, PostalAddress("Storgatan 1", "412 63", "Göteborg"),
                                email_offers=EmailOffers(False, "2026-11-01T10:00:00+01:00",
                                                         "web")))
    log_in(qtbot, window)
    page = window.sale_page
    d = open_customers(qtbot, page)
    type_keys(d.field, "anna")
    QTest.keyClick(d.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: d.results.count() == 1, timeout=5000)
    assert d.record_buttons.edit_button.isEnabled()
    QTest.keyClick(d.results, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    f = wait_dialog(qtbot, page, "customerFormDialog")
    assert f.email.text() == ANNA.email and f.postcode.text() == "412 63"
    assert not f.offers.isChecked() and "2026-11-01 10:00 (web)" in f.consent_note.text()
    f.offers.setChecked(True)
    QTest.keyClick(f.first, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.message.text() == "Saved: Anna Svensson", timeout=5000)
    [(cid, changes, offers)] = records.updates
    assert cid == ANNA.id and changes.fields() == {} and offers.consent is True
    assert offers.source == f"till {till.register_id}"
    assert len(journal(till, Kind.CUSTOMER_CHANGED)) == 1


def entry(n, channel, code="", open_=False, returned=0):
    return HistoryEntry(
        order_id=f"order_{n}", display_id=1000 + n, channel=channel,
        bought_at=datetime(2026, 11, 30 - n, 12, 0, tzinfo=timezone.utc), total=12345 + n,
        currency="SEK", payment_status="awaiting" if open_ else "captured",
        lines=(HistoryLine("Tröja", 2, 12345 + n, returned),), receipt_code=code,
        location="store-gbg" if channel is Channel.STORE else "web")


def test_the_history_shows_both_channels_pages_and_starts_a_return(qtbot, window, till):
    rows = [entry(1, Channel.STORE, "R-K1-000042"), entry(2, Channel.WEB, open_=True)] + [
        entry(n, Channel.WEB, returned=2) for n in range(3, 13)]
    _, history = setup(till, history=FakeHistory({ANNA.id: rows}))
    log_in(qtbot, window)
    page = window.sale_page
    page.scanned(demo_articles(till)[0].ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    d = open_customers(qtbot, page)
    type_keys(d.field, "anna")
    QTest.keyClick(d.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: d.results.count() == 1, timeout=5000)
    QTest.keyClick(d.results, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    h = wait_dialog(qtbot, page, "customerHistoryDialog")
    qtbot.waitUntil(lambda: h.table.rowCount() == 10, timeout=5000)
    cell = lambda r, c: h.table.item(r, c).text()  # noqa: E731
    assert [cell(0, 1), cell(0, 2), cell(0, 4), cell(0, 5)] == [
        "Store store-gbg", "R-K1-000042", "123,46", "Paid"]
    assert [cell(1, 1), cell(1, 2), cell(1, 5)] == ["Web", "#1002", "Not paid yet"]
    assert cell(2, 5) == "2 units returned"
    assert "1-10 of 12 purchases" == h.message.text()
    assert h.next_button.isEnabled() and not h.prev_button.isEnabled()
    QTest.keyClick(h.table, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: h.table.rowCount() == 2, timeout=5000)
    assert history.asked[-1] == (ANNA.id, 10, 10)
    assert not h.return_button.isEnabled()  # everything of it came back already
    QTest.keyClick(h.table, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: h.table.rowCount() == 10, timeout=5000)
    h.table.selectRow(0)
    QTest.keyClick(h.table, Qt.Key.Key_F9)
    r = wait_dialog(qtbot, page, "returnDialog")
    assert r.field.text() == "R-K1-000042"


def test_the_my_account_code_scanned_at_the_sale_puts_the_customer_on_it(qtbot, window, till):
    records, _ = setup(till)
    records.tokens = {"ABCDEFGHIJKLMNOPQRSTUVWX23": ERIK}
    log_in(qtbot, window)
    page = window.sale_page
    page.scanned("CUSTOMER:ABCDEFGHIJKLMNOPQRSTUVWX77")
    qtbot.waitUntil(lambda: "not valid (any more)" in page.message.text(), timeout=5000)
    assert page.message.property("level") == "error" and till.cart.customer is None
    page.scanned("CUSTOMER:abcdefghijklmnopqrstuvwx23")
    qtbot.waitUntil(lambda: page.customer_label.text() == "Customer: Erik Lindqvist",
                    timeout=5000)
    assert page.message.text() == "Customer: Erik Lindqvist" and till.cart.customer == ERIK
