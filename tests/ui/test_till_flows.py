"""Login, manager approval, park/resume, shift reports and the customer display, as a cashier
meets them."""
import threading

import shiboken6

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pos.ports import DisplayLine
from tests.ui.conftest import demo_articles, log_in, reactivate, type_keys, wait_idle


def test_wrong_pin_is_refused_with_a_message_and_lockout_after_five(qtbot, window):
    page = window.login_page
    qtbot.waitUntil(lambda: bool(page.staff), timeout=10000)
    page.select("kim")
    type_keys(page.pad, "0000")
    QTest.keyClick(page.pad, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.text() == "Wrong PIN", timeout=10000)
    assert page.message.property("level") == "error"
    assert window.pages.currentWidget() is page
    assert page.pad.pin == ""  # cleared for the next try
    for _ in range(4):
        page.submit("0000")
        wait_idle(qtbot, window)
    assert "locked" in page.message.text()
    page.submit("1234")  # even the right PIN waits out the lockout
    wait_idle(qtbot, window)
    assert "locked" in page.message.text()
    assert window.pages.currentWidget() is page


def test_arrow_keys_choose_the_person_and_ctrl_l_logs_out(qtbot, window):
    page = window.login_page
    qtbot.waitUntil(lambda: bool(page.staff), timeout=10000)
    page.select("kim")
    QTest.keyClick(page.pad, Qt.Key.Key_Right)
    assert page.selected().id == "maja"
    log_in(qtbot, window, "maja", "9999")
    assert "Maja" in window.user_label.text()
    QTest.keyClick(window.sale_page.scan_input, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.login_page, timeout=5000)
    assert window.user_label.text() == "Not logged in"


def test_big_discount_asks_a_manager_then_applies(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    page.scanned(demo_articles(till)[2].ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    price = page.model.line_at(0).line.unit_price

    page.line_discount()
    d = page.dialog
    assert d.objectName() == "discountDialog"
    d.field.setText("50")
    d.accept()
    qtbot.waitUntil(lambda: page.property("approvalDialog") is not None, timeout=5000)
    approval = page.property("approvalDialog")
    qtbot.waitUntil(lambda: approval.isVisible(), timeout=5000)
    assert "manager" in approval.reason.text()

    approval.pad.submitted.emit("1234")  # the cashier's own PIN is not a manager's
    qtbot.waitUntil(lambda: "not a manager" in approval.message.text(), timeout=5000)
    assert approval.isVisible()

    type_keys(approval.pad, "9999")
    QTest.keyClick(approval.pad, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.line_at(0).discount == price // 2, timeout=5000)
    assert not shiboken6.isValid(approval) or not approval.isVisible()
    assert page.totals.total == price - price // 2
    assert page.message.text() == "Approved by a manager"  # the cashier sees it was approved


def test_price_override_needs_a_manager(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    page.scanned(demo_articles(till)[0].ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.price_override()
    page.dialog.field.setText("10")
    page.dialog.accept()
    qtbot.waitUntil(lambda: page.property("approvalDialog") is not None, timeout=5000)
    page.property("approvalDialog").pad.submitted.emit("9999")
    qtbot.waitUntil(lambda: page.model.line_at(0).line.unit_price == 1000, timeout=5000)


def test_park_and_resume(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    a = demo_articles(till)
    page.scanned(a[0].ean)
    page.scanned(a[1].ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    QTest.keyClick(page.scan_input, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    assert "parked" in page.message.text()

    QTest.keyClick(page.scan_input, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == "parkedDialog",
                    timeout=5000)
    assert page.dialog.list.count() == 1
    QTest.keyClick(page.dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    assert "resumed" in page.message.text()


def test_x_report_then_close_shift_shows_z_with_variance(qtbot, window, till):
    log_in(qtbot, window, float_kr="1000")
    page = window.sale_page
    page.x_report()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.objectName() == "receiptPreview",
                    timeout=5000)
    assert "X report" in page.dialog.summary.text()
    assert "1\u00a0000,00\u00a0kr" in page.dialog.summary.text()  # never broken over two lines
    page.dialog.accept()
    reactivate(qtbot, window)

    page.close_shift()  # the drawer counted note by note: 990 kr
    qtbot.waitUntil(lambda: page.dialog.objectName() == "cashCountDialog", timeout=5000)
    for kronor, pieces in ((500, 1), (200, 2), (50, 1), (20, 2)):
        page.dialog.fields[kronor * 100].setText(str(pieces))
    assert "990,00" in page.dialog.total.text()
    page.dialog.accept()
    qtbot.waitUntil(lambda: page.dialog.objectName() == "receiptPreview", timeout=5000)
    summary = page.dialog.summary.text()
    assert "Z report 1" in summary and "10,00\u00a0kr short" in summary
    assert page.dialog.summary.property("level") == "error"
    assert "Z" in page.dialog.view.plain_text()
    assert window.shift_label.text() == "No shift open"


def test_customer_display_is_safe_to_call_from_a_worker_thread(qtbot, qapp):
    from ui.till.customer_display import CustomerDisplayWindow

    display = CustomerDisplayWindow("Omnihandeln")
    qtbot.addWidget(display)
    t = threading.Thread(target=lambda: display.show_cart(
        [DisplayLine("Kaffe Mörkrost 450 g", 2, 11980)], 11980, 1284))
    t.start()
    t.join()
    qtbot.waitUntil(lambda: "119,80" in display.total.text(), timeout=2000)
    assert "Kaffe" in display.current.text()
    threading.Thread(target=lambda: display.show_thanks("Tack!", "https://kvitto.example/r/1")).start()
    qtbot.waitUntil(lambda: display.stack.currentIndex() == 1, timeout=2000)
    assert not display.qr.pixmap().isNull()


def test_card_payment_waits_on_the_worker_and_can_be_cancelled(qtbot, qapp, make_ui_till, english):
    from ui.till.main_window import MainWindow

    till = make_ui_till(terminal="simulator?delay=10")
    window = MainWindow(till)
    qtbot.addWidget(window)
    window.show()
    log_in(qtbot, window)
    page = window.sale_page
    page.scanned(demo_articles(till)[0].ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.pay()
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
    dlg = page.payment_dialog
    dlg.pay_card()
    assert dlg.pages.currentIndex() == 1  # "Follow the terminal"
    assert dlg.card_label.text().startswith("Follow the terminal")
    qtbot.wait(200)
    assert not window.ops.is_idle()  # the terminal holds the worker, not the GUI thread
    QTest.keyClick(dlg, Qt.Key.Key_Escape)  # Esc while the card runs = cancel on the terminal
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == 0, timeout=8000)
    assert dlg.message.property("level") == "error"
    assert dlg.tender_count == 0
    wait_idle(qtbot, window)
    dlg.reject()  # back to the sale: nothing was taken
    qtbot.waitUntil(lambda: page.payment_dialog is None, timeout=5000)
    window.close()


def test_a_payment_begun_before_a_restart_is_offered_again(qtbot, qapp, make_ui_till, english):
    from ui.till.main_window import MainWindow

    first = make_ui_till()
    first.login("kim", "1234")
    first.open_shift(100000)
    first.scan(demo_articles(first)[0].ean)
    first.pay_card(1000)  # part paid by card, then the till "crashed"

    till = make_ui_till()
    window = MainWindow(till)
    qtbot.addWidget(window)
    window.show()
    log_in(qtbot, window)
    page = window.sale_page
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
    assert page.payment_dialog.tender_count == 1
    assert "payment was started" in page.message.text()
    wait_idle(qtbot, window)
    window.close()


def test_an_unexpected_error_goes_to_the_one_exception_dialog(qtbot, window):
    def broken():
        raise RuntimeError("database on fire")

    window.ops.run(broken)
    wait_idle(qtbot, window)
    assert isinstance(window.last_exception, RuntimeError)
    box = window.findChild(__import__("PySide6.QtWidgets").QtWidgets.QMessageBox, "exceptionDialog")
    assert box is not None and "database on fire" in box.text()


def test_cash_out_needs_a_reason_and_is_recorded(qtbot, window, till):
    log_in(qtbot, window, float_kr="1000")
    page = window.sale_page
    page.cash_movement(False)
    d = page.dialog
    assert d.objectName() == "cashMovementDialog"
    d.field.setText("200")
    d.accept()
    assert d.isVisible() and "reason" in d.error.text()
    d.reason.setEditText("Bank deposit")
    d.accept()
    qtbot.waitUntil(lambda: "-200,00" in page.message.text(), timeout=5000)
    wait_idle(qtbot, window)
    report, _doc = till.x_report()
    assert report.cash_out == 20000 and report.expected_cash == 80000


def test_a_cash_tender_is_taken_back_and_the_quick_cash_buttons_offer_notes(qtbot, window,
                                                                            till):
    log_in(qtbot, window)
    page = window.sale_page
    article = demo_articles(till)[0]
    page.scanned(article.ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.pay()
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
    dlg = page.payment_dialog
    from pos.money import round_to_krona
    from pos.payments import cash_suggestions
    due = round_to_krona(article.price)
    shown = [b.text() for b in dlg.quick_buttons[1:] if not b.isHidden()]
    assert shown == [str(a // 100) for a in cash_suggestions(due)]
    dlg.amount.setText("10")
    dlg.pay_cash()
    qtbot.waitUntil(lambda: dlg.tender_count == 1, timeout=5000)
    QTest.keyClick(dlg, Qt.Key.Key_Delete)  # take the cash back
    qtbot.waitUntil(lambda: dlg.tender_count == 0, timeout=5000)
    assert "Hand back 10,00 kr" in dlg.message.text() or dlg.view.paid == 0
    wait_idle(qtbot, window)
    dlg.reject()  # nothing taken any more: back to the sale
    qtbot.waitUntil(lambda: page.payment_dialog is None, timeout=5000)
    window.close()


def test_a_scan_behind_the_payment_dialog_is_refused_in_the_dialog(qtbot, window, till):
    """The dialog's total is what is asked for: a scan while it is open changes nothing and the
    dialog says why (the cashier looks at the dialog, not at the page behind it)."""
    log_in(qtbot, window)
    page = window.sale_page
    first, second = demo_articles(till)[0], demo_articles(till)[1]
    page.scanned(first.ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.pay()
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
    dlg = page.payment_dialog
    qtbot.waitUntil(dlg.isVisible, timeout=5000)
    total = till.payment_view().total
    page.scanned(second.ean)
    qtbot.waitUntil(lambda: "Payment has started" in dlg.message.text(), timeout=5000)
    assert page.model.rowCount() == 1 and till.totals().total == total
    dlg.reject()
    qtbot.waitUntil(lambda: page.payment_dialog is None, timeout=5000)
    page.scanned(second.ean)  # back at the sale, the scan is taken
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)


def test_del_in_the_amount_field_takes_the_chosen_payment_back(qtbot, window, till):
    """The amount field always has the focus: Up/Down choose a payment, Del with nothing to
    delete in the field takes the chosen one back (Del first deletes what is typed)."""
    log_in(qtbot, window)
    page = window.sale_page
    page.scanned(demo_articles(till)[2].ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.pay()
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
    dlg = page.payment_dialog
    for amount in ("100", "20"):
        dlg.amount.setText(amount)
        dlg.pay_cash()
        wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: dlg.tender_count == 2, timeout=5000)
    assert dlg.tenders.currentRow() == 1  # the last one taken is chosen
    QTest.keyClick(dlg.amount, Qt.Key.Key_Up)
    assert dlg.tenders.currentRow() == 0
    dlg.amount.setText("5")
    dlg.amount.selectAll()
    QTest.keyClick(dlg.amount, Qt.Key.Key_Delete)  # deletes the typed 5, takes nothing back
    assert dlg.amount.text() == "" and dlg.tender_count == 2
    QTest.keyClick(dlg.amount, Qt.Key.Key_Delete)  # now the chosen payment, the 100 kr
    qtbot.waitUntil(lambda: dlg.tender_count == 1, timeout=5000)
    assert [t.amount for t in till.payment_view().tenders] == [2000]


def test_a_tap_on_amount_in_the_discount_dialog_keeps_the_keyboard_in_the_field(qtbot, window,
                                                                                  till):
    log_in(qtbot, window)
    page = window.sale_page
    page.scanned(demo_articles(till)[2].ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    price = page.model.line_at(0).line.unit_price
    page.line_discount()
    d = page.dialog
    qtbot.waitUntil(lambda: d.isVisible() and QApplication.activeWindow() is d, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d.field, timeout=5000)
    amount = d.findChild(QWidget, "discountAmount")
    QTest.mouseClick(amount, Qt.MouseButton.LeftButton)
    assert amount.isChecked()
    assert QApplication.focusWidget() is d.field
    type_keys(QApplication.focusWidget(), "5")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.line_at(0).discount == 500, timeout=5000)
    assert page.totals.total == price - 500


def test_a_sale_parked_at_log_out_says_so_in_the_screens_language(qtbot, qapp):
    from datetime import datetime

    from pos.services.parking import LOGGED_OUT
    from pos.services.till import ParkedInfo
    from ui.i18n import install_translators
    from ui.till.parked_dialog import ParkedDialog

    assert install_translators(qapp, "sv")
    try:
        d = ParkedDialog([ParkedInfo(3, datetime(2026, 11, 30, 9, 41), "Kim Kassör", LOGGED_OUT,
                                     12345, 2)])
        qtbot.addWidget(d)
        text = d.list.item(0).text()
        assert text.endswith("– parkerat vid utloggning") and "logged" not in text
        assert "123,45" in text
    finally:
        install_translators(qapp, "en")


def test_the_drawer_opens_without_a_sale_by_a_tap_on_a_reason(qtbot, window, till):
    from pos.db.repositories import JournalRepository

    log_in(qtbot, window, "maja", "9999")  # a manager approves her own no-sale
    page = window.sale_page
    page.no_sale()
    d = page.dialog
    assert d.objectName() == "noSaleDialog"
    assert all(b.minimumHeight() >= 44 for b in d.choices)
    d.choices[1].click()  # "Checking the drawer"
    qtbot.waitUntil(lambda: page.message.text() == "Drawer opened.", timeout=5000)
    wait_idle(qtbot, window)
    with till.ctx.uow._factory() as s:
        reasons = [e.payload.get("reason", "") for e in JournalRepository(s).entries(
            till.register_id) if e.kind == "drawer_open"]
    assert len(reasons) == 1 and "Checking the drawer" in reasons[0]

    page.scanned(demo_articles(till)[0].ean)  # during a sale: said at once, nothing asked
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.no_sale()
    assert "A sale is in progress" in page.message.text()
    assert page.dialog is d or not page.dialog.isVisible()


def test_a_change_that_went_through_replaces_an_earlier_refusal(qtbot, window, till):
    log_in(qtbot, window)
    page = window.sale_page
    article = demo_articles(till)[0]
    page.scanned(article.ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.scanned("12345")  # no such article: said in red
    qtbot.waitUntil(lambda: page.message.property("level") == "error", timeout=5000)
    page.lines.step_quantity(1)
    qtbot.waitUntil(lambda: page.message.text() == f"{article.name}: quantity 2.", timeout=5000)
    assert page.message.property("level") == "ok"
    page.lines.remove_line()
    qtbot.waitUntil(lambda: page.message.text() == f"{article.name} removed from the sale.",
                    timeout=5000)
