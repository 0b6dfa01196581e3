"""The till's returns screens (issue 11), on a real till (the demo store's SQLite, the card
terminal simulator): a store sale's receipt scanned at the sale opens the returns dialog; part
of it comes back with a reason per line and the stock choice the reason suggests, the refund
shown as the units are chosen and then on the sale; F9 refunds it to the card on the terminal,
a refusal shown and tried again; a purchase only this store's record knows (central store
unreachable) says so in a banner and is refunded in cash rounded; a web order is refused while
the central store cannot be reached; a return without a receipt asks a manager; and every
screen photographed in Swedish at 1024x768 and 1920x1080."""
from __future__ import annotations

import os
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.cart import Discount
from pos.commerce import CustomerRef
from pos.ports import CommerceUnavailable, PaymentOutcome, PaymentResult
from pos.returns import DEFAULT_REASONS, Purchase
from pos.services.returns import purchase_of_sale
from tests.ui.conftest import demo_articles, log_in, type_keys, wait_idle

SHOTS = Path(os.environ.get("POS_SHOTS_DIR", "/tmp/shots11-retui"))
NBSP = "\u00a0"


class CentralPurchases:
    """The central store's purchase records (``pos.ports.PurchaseRecords``), in memory."""

    def __init__(self, *purchases: Purchase) -> None:
        self.purchases = {p.code: p for p in purchases}
        self.down = False

    def find_purchase(self, code: str) -> Purchase | None:
        if self.down:
            raise CommerceUnavailable()
        return self.purchases.get(code)

    def purchases_of_customer(self, customer_id: str, limit: int = 20) -> list[Purchase]:
        if self.down:
            raise CommerceUnavailable()
        return [p for p in self.purchases.values() if p.customer_id == customer_id][:limit]


def sell(qtbot, window, till, card: bool = True, discount: bool = True):
    """A sale of this till, paid: two shirts, a book, three coffees, 10 % off the whole sale
    (so that the lines' paid amounts do not divide evenly)."""
    wait_idle(qtbot, window)
    coffee, book, shirt = demo_articles(till)
    till.scan(shirt.ean, 2)
    till.scan(book.ean)
    till.scan(coffee.ean, 3)
    if discount:
        till.discount_cart(Discount(percent=Decimal(10)))
    view = till.start_payment()
    view = till.pay_card() if card else till.pay_cash(view.cash_due)
    assert view.sale is not None
    return view.sale


def paid(sale, sku: str) -> int:
    return next(ln.total for ln in sale.lines if ln.sku == sku)


def open_returns(qtbot, window, code: str | None = None):
    page = window.sale_page
    if code is None:
        QTest.keyClick(page.scan_input, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    else:
        page.scanned(code)  # the scanner: the sale page routes a receipt to the dialog
    qtbot.waitUntil(lambda: page.dialog is not None
                    and page.dialog.objectName() == "returnDialog", timeout=5000)
    return page, page.dialog


def cells(table, cols=(1, 2, 3)):
    return [[table.item(r, c).text() for c in cols] for r in range(table.rowCount())]


def test_a_card_sale_is_partly_returned_and_refunded_on_the_terminal(
        qtbot, window, till, monkeypatch):
    log_in(qtbot, window)
    coffee, book, shirt = demo_articles(till)
    sale = sell(qtbot, window, till)
    # the central store knows of one coffee returned since (by post, to the web warehouse)
    bought = purchase_of_sale(sale, till.config.location_id)
    central = replace(bought, verified=True, lines=tuple(
        replace(ln, returned=1) if ln.sku == coffee.sku else ln for ln in bought.lines))
    till.purchase_records = CentralPurchases(central)

    page, d = open_returns(qtbot, window, sale.receipt_code)
    qtbot.waitUntil(lambda: d.table.rowCount() == 3, timeout=5000)
    t = d.table
    assert cells(t) == [["2", "0", "2"], ["1", "0", "1"], ["3", "1", "2"]]
    assert [t.item(r, 0).text() for r in range(3)] == [shirt.name, book.name, coffee.name]
    assert not d.banner.isVisible()  # the central store answered
    assert sale.receipt_code in d.heading.text()
    assert not d.add_button.isEnabled()

    # the keyboard alone: the first line's units have the focus; Up counts one
    spin = t.steppers[0].spin
    qtbot.waitUntil(spin.hasFocus, timeout=3000)
    QTest.keyClick(spin, Qt.Key.Key_Up)
    shirt_paid, coffee_paid = paid(sale, shirt.sku), paid(sale, coffee.sku)
    assert t.item(0, 7).text() == f"{shirt_paid // 2 // 100},{shirt_paid // 2 % 100:02d}"
    # two coffees are left of three (one came back by post): + stops at two
    for _ in range(3):
        t.steppers[2].plus.click()
    assert t.steppers[2].value() == 2
    # the cumulative floor: the 2nd and 3rd of three give back what the 1st did not
    refund = shirt_paid * 1 // 2 + (coffee_paid * 3 // 3 - coffee_paid * 1 // 3)
    assert d.refund_label.text() == f"{refund // 100},{refund % 100:02d}{NBSP}kr"
    # a defect goes to the bin by default; the cashier may still say otherwise
    assert t.restock_boxes[0].isChecked()
    t.reason_boxes[0].setCurrentIndex([r.id for r in DEFAULT_REASONS].index("defect"))
    assert not t.restock_boxes[0].isChecked() and t.restock_boxes[2].isChecked()

    QTest.keyClick(spin, Qt.Key.Key_Return)  # Enter adds the choice to the sale
    qtbot.waitUntil(lambda: not shiboken6.isValid(d) or not d.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: page.totals is not None and len(page.totals.lines) == 2,
                    timeout=5000)
    assert page.totals.total == -refund  # what the dialog showed is what the sale gives back
    returned = [lt.line.returned_from for lt in page.totals.lines]
    assert [(r.line_key, r.units, r.reason, r.restock, r.review) for r in returned] == [
        ("1", 1, "defect", False, False), ("3", 2, "wrong_size", True, False)]
    first = page.model.index(0, 0).data()
    assert f"Return · Defekt · receipt {sale.receipt_code}" in first
    assert page.model.index(0, 1).data() == "-1"
    assert page.pay_button.text() == "Refund (F9)"
    assert sale.receipt_code in page.message.text()

    # F9 refunds: all of it to the card, by its reference on the terminal
    terminal = till.devices.terminal
    real_refund = terminal.refund
    asked = []

    def refuse_once(request):
        asked.append(request)
        if len(asked) == 1:
            return PaymentResult(PaymentOutcome.DECLINED, request.attempt_id, request.amount,
                                 message="Nekad av kortutgivaren")
        return real_refund(request)
    monkeypatch.setattr(terminal, "refund", refuse_once)
    wait_idle(qtbot, window)
    QTest.keyClick(page.scan_input, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.dialog is not None
                    and page.dialog.objectName() == "refundDialog", timeout=5000)
    r = page.dialog
    card = next(t for t in sale.tenders if t.amount > 0)
    assert [r.parts.item(i).text() for i in range(r.parts.count())] == [
        f"To the card {card.brand} ****{card.masked_pan[-4:]} on the terminal: "
        f"{refund // 100},{refund % 100:02d}{NBSP}kr"]
    qtbot.waitUntil(r.refund_button.hasFocus, timeout=3000)
    QTest.keyClick(r.refund_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: r.message.property("level") == "error", timeout=5000)
    assert "to Kort was not made" in r.message.text() and r.refund_button.text() == "Try again (Enter)"
    assert asked[0].sale_ref == card.terminal_ref  # by the original payment's reference
    QTest.keyClick(r.refund_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: r.sale is not None, timeout=5000)
    assert r.sale.total == -refund and r.sale.receipt_no == sale.receipt_no + 1
    assert [t.amount for t in r.sale.tenders] == [-refund]
    wait_idle(qtbot, window)
    QTest.keyClick(r.done_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.payment_dialog is None, timeout=5000)
    assert page.model.rowCount() == 0 and page.pay_button.text() == "Pay (F9)"


def test_the_customer_takes_cash_instead_of_the_card_refund(qtbot, window, till):
    log_in(qtbot, window)
    book = demo_articles(till)[1]
    sale = sell(qtbot, window, till, discount=False)  # by card
    page, d = open_returns(qtbot, window, sale.receipt_code)
    qtbot.waitUntil(lambda: d.table.rowCount() == 3, timeout=5000)
    d.scanned(book.ean)
    d.add()
    qtbot.waitUntil(lambda: page.totals is not None and page.totals.total == -book.price,
                    timeout=5000)
    wait_idle(qtbot, window)
    page.pay()
    qtbot.waitUntil(lambda: page.dialog is not None
                    and page.dialog.objectName() == "refundDialog", timeout=5000)
    r = page.dialog
    assert r.parts.item(0).text().startswith("To the card ") and r.cash_button.isVisible()
    qtbot.waitUntil(r.refund_button.hasFocus, timeout=3000)
    # F8 and at once Enter: the refund is in cash, even before the cash plan is shown
    QTest.keyClick(r.refund_button, Qt.Key.Key_F8)
    QTest.keyClick(r.refund_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: r.sale is not None, timeout=5000)
    cash = (book.price + 50) // 100 * 100
    assert [(t.method.id, t.amount) for t in r.sale.tenders] == [("cash", -cash)]
    assert r.cash_label.text() == f"{cash // 100},00{NBSP}kr"
    assert r.parts.item(0).text() == f"Cash from the drawer: {cash // 100},00{NBSP}kr"
    wait_idle(qtbot, window)
    r.accept()


def test_offline_a_sale_of_this_store_is_marked_for_review_and_refunded_in_cash(
        qtbot, window, till):
    log_in(qtbot, window)
    coffee = demo_articles(till)[0]
    sale = sell(qtbot, window, till, card=False)
    page, d = open_returns(qtbot, window, sale.receipt_code)  # no central store answers
    qtbot.waitUntil(lambda: d.table.rowCount() == 3, timeout=5000)
    assert d.banner.isVisible() and d.banner.property("kind") == "review"
    assert "reviewed" in d.banner.text()
    d.table.steppers[2].plus.click()
    QTest.keyClick(d.table.steppers[2].spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.totals is not None and len(page.totals.lines) == 1,
                    timeout=5000)
    assert page.totals.lines[0].line.returned_from.review  # reconciled when it answers
    one = paid(sale, coffee.sku) // 3
    assert page.totals.total == -one

    wait_idle(qtbot, window)
    page.pay()
    qtbot.waitUntil(lambda: page.dialog is not None
                    and page.dialog.objectName() == "refundDialog", timeout=5000)
    r = page.dialog
    cash = (one + 50) // 100 * 100  # whole kronor, nearest (öresavrundning)
    texts = [r.parts.item(i).text() for i in range(r.parts.count())]
    assert texts[0] == f"Cash from the drawer: {cash // 100},00{NBSP}kr"
    assert not r.cash_button.isVisible()  # it was paid in cash: nothing else to choose
    r.refund()
    qtbot.waitUntil(lambda: r.sale is not None, timeout=5000)
    assert r.cash_label.text() == f"{cash // 100},00{NBSP}kr"
    wait_idle(qtbot, window)
    r.accept()


def test_a_web_order_is_refused_while_the_central_store_cannot_be_reached(qtbot, window, till):
    log_in(qtbot, window)
    till.purchase_records = CentralPurchases()
    till.purchase_records.down = True
    page, d = open_returns(qtbot, window)  # Shift+F9
    qtbot.waitUntil(d.field.hasFocus, timeout=3000)
    type_keys(d.field, "#1042")
    QTest.keyClick(d.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: d.banner.property("kind") == "refused", timeout=5000)
    assert "web order cannot be returned" in d.banner.text()
    assert d.table.rowCount() == 0 and not d.add_button.isEnabled()
    assert d.message.property("level") == "error"
    QTest.keyClick(d.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=5000)
    assert page.model.rowCount() == 0


def test_tab_goes_through_each_lines_choices_and_a_silent_central_store_holds_up_no_scan(
        qtbot, window, till):
    import threading

    from PySide6.QtWidgets import QApplication

    from ui.till import operations as op

    log_in(qtbot, window)
    sale = sell(qtbot, window, till, card=False, discount=False)
    records = CentralPurchases(replace(purchase_of_sale(sale, "store-sthlm"), verified=True))
    gate = threading.Event()
    real = records.find_purchase
    records.find_purchase = lambda code: (gate.wait(10), real(code))[1]  # type: ignore[method-assign]
    till.purchase_records = records
    page, d = open_returns(qtbot, window, sale.receipt_code)
    # the central store is silent: the question waits on the network lane, the register lane
    # (scans, the sale) still answers and the screen still draws
    qtbot.waitUntil(lambda: window.lanes.network.pending, timeout=3000)
    found = []
    op.search(window.lanes, till, "kaffe", on_done=found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=3000)
    assert d.table.rowCount() == 0 and "Looking for" in d.message.text()
    gate.set()
    qtbot.waitUntil(lambda: d.table.rowCount() == 3, timeout=5000)
    t = d.table
    qtbot.waitUntil(t.steppers[0].spin.hasFocus, timeout=3000)
    chain = []
    for _ in range(4):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
    assert chain == [t.reason_boxes[0], t.restock_boxes[0], t.steppers[1].spin,
                     t.reason_boxes[1]]
    QTest.keyClick(t.reason_boxes[1], Qt.Key.Key_Down)  # the next reason, by keyboard
    assert t.reason_boxes[1].currentData() == DEFAULT_REASONS[1].id
    d.reject()


def test_an_article_scanned_in_the_dialog_counts_its_line(qtbot, window, till):
    log_in(qtbot, window)
    sale = sell(qtbot, window, till, card=False, discount=False)
    book = demo_articles(till)[1]
    page, d = open_returns(qtbot, window)
    qtbot.waitUntil(d.field.hasFocus, timeout=3000)
    assert not d.customer_button.isEnabled()  # no customer on the sale
    type_keys(d.field, sale.receipt_code)
    QTest.keyClick(d.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: d.table.rowCount() == 3, timeout=5000)
    page.scanned(book.ean)  # the scanner, whatever has the focus
    assert d.table.steppers[1].value() == 1
    assert d.refund_label.text() == f"{book.price // 100},{book.price % 100:02d}{NBSP}kr"
    page.scanned(book.ean)  # only one was bought
    assert d.table.steppers[1].value() == 1 and d.message.property("level") == "error"
    assert page.model.rowCount() == 0  # nothing went onto the sale behind the dialog
    d.add()
    qtbot.waitUntil(lambda: page.totals is not None and page.totals.total == -book.price,
                    timeout=5000)
    # the same receipt again: the book is in this sale already, nothing is left of it
    wait_idle(qtbot, window)
    page, d = open_returns(qtbot, window, sale.receipt_code)
    qtbot.waitUntil(lambda: d.table.rowCount() == 3, timeout=5000)
    assert cells(d.table)[1] == ["1", "0 + 1 in this sale", "0"]
    assert not d.table.steppers[1].isEnabled()
    d.reject()


def test_a_return_without_receipt_asks_a_manager(qtbot, window, till):
    from PySide6.QtWidgets import QApplication

    log_in(qtbot, window)
    page, d = open_returns(qtbot, window)
    qtbot.waitUntil(d.field.hasFocus, timeout=3000)
    QTest.keyClick(d.field, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: page.returns.no_receipt is not None
                    and page.returns.no_receipt.isVisible(), timeout=5000)
    n = page.returns.no_receipt
    # by its name: Down into the results, Enter chooses
    qtbot.waitUntil(n.field.hasFocus, timeout=3000)
    type_keys(n.field, "kaffe")
    QTest.keyClick(n.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: n.results_list.isVisible(), timeout=5000)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: n.variant is not None, timeout=5000)
    assert n.variant is n.results[0] and "Kaffe" in n.variant.name
    # or by its barcode: the scanner, whatever has the focus
    shirt = demo_articles(till)[2]
    page.scanned(shirt.ean)
    qtbot.waitUntil(lambda: n.variant is not None and n.variant.id == shirt.id, timeout=5000)
    qtbot.waitUntil(n.units.spin.hasFocus, timeout=3000)
    QTest.keyClick(n.units.spin, Qt.Key.Key_Up)
    assert n.refund() == 2 * shirt.price
    QTest.keyClick(n.units.spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: n.property("approvalDialog") is not None, timeout=5000)
    approval = n.property("approvalDialog")
    approval.pad.submitted.emit("1234")  # the cashier's own PIN is not a manager's
    qtbot.waitUntil(lambda: "not a manager" in approval.message.text(), timeout=5000)
    type_keys(approval.pad, "9999")
    QTest.keyClick(approval.pad, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.totals is not None and len(page.totals.lines) == 1,
                    timeout=5000)
    of = page.totals.lines[0].line.returned_from
    assert (of.kind.value, of.units, of.reason, of.approved_by) == ("no_receipt", 2,
                                                                   "wrong_size", "maja")
    assert page.totals.total == -2 * shirt.price
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=5000)
    assert "Return · Fel storlek · without receipt" in page.model.index(0, 0).data()


def test_the_screens_in_swedish_at_both_sizes(qtbot, qapp, till):
    from ui.i18n import install_translators
    from ui.till import operations as op
    from ui.till.main_window import MainWindow
    from PySide6.QtCore import QSize

    from ui.widgets.style import apply_style, metrics

    def fit(dialog, w, h, width, height):
        """As the till's window sizes a dialog on a screen of w x h (the offscreen screen of
        the tests is smaller than both)."""
        dialog.resize(min(metrics().px(width), w - 40), min(metrics().px(height), h - 40))
        qapp.processEvents()

    install_translators(qapp, "sv")  # before the window: every word of it in Swedish
    try:
        apply_style(qapp)
        window = MainWindow(till)
        qtbot.addWidget(window)
        window.show()
        QTest.qWaitForWindowActive(window)
        log_in(qtbot, window)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page = window.sale_page
        anna = CustomerRef("cus_anna", "anna@example.se", "Anna", "Svensson", "+46701234567")
        sale = sell(qtbot, window, till)
        older = sell(qtbot, window, till, card=False, discount=False)
        central = [replace(purchase_of_sale(s, "store-sthlm"), verified=True,
                           customer_id=anna.id, customer_name=anna.name) for s in (sale, older)]
        records = CentralPurchases(*central)
        till.purchase_records = records
        op.set_customer(window.lanes, till, anna)
        wait_idle(qtbot, window)
        assert page.buttons["returns"].text() == "Retur\nShift+F9"
        for w, h in ((1024, 768), (1920, 1080)):
            window.resize(w, h)
            apply_style(qapp, QSize(w, h))
            qapp.processEvents()
            assert all(b.height() >= 44 and b.isVisible() for b in page.buttons.values())
            page.returns.open_dialog()  # the customer on the sale: their purchases first
            d = page.dialog
            qtbot.waitUntil(lambda: d.list.rowCount() == 2, timeout=5000)
            fit(d, w, h, 1180, 700)
            assert d.customer_button.text() == "Kundens köp (F5)"
            assert d.grab().save(str(SHOTS / f"returns-customer-{w}x{h}-sv.png"))
            d.list.selectRow(0)
            d.open_chosen()
            qtbot.waitUntil(lambda: d.table.rowCount() == 3, timeout=5000)
            d.table.steppers[0].setValue(1)
            d.table.reason_boxes[0].setCurrentIndex(3)
            d.table.steppers[2].setValue(2)
            qapp.processEvents()
            assert d.table.horizontalScrollBar().maximum() == 0  # every column in sight
            for b in (d.add_button, d.find_button, d.customer_button, d.no_receipt_button):
                assert b.height() >= 44 and b.fontMetrics().horizontalAdvance(
                    b.text()) <= b.width()
            assert all(s.plus.height() >= 44 and s.minus.width() >= 44
                       for s in d.table.steppers), [
                (s.plus.size(), s.minus.size()) for s in d.table.steppers]
            assert d.grab().save(str(SHOTS / f"returns-{w}x{h}-sv.png"))
            records.down = True  # offline: this store's own record, marked for review
            d.field.setText(sale.receipt_code)
            d.find()
            qtbot.waitUntil(lambda: d.banner.isVisible(), timeout=5000)
            d.table.steppers[1].setValue(1)
            assert d.grab().save(str(SHOTS / f"returns-offline-{w}x{h}-sv.png"))
            d.field.setText("1042")
            d.find()
            qtbot.waitUntil(lambda: d.banner.property("kind") == "refused", timeout=5000)
            assert d.grab().save(str(SHOTS / f"returns-web-offline-{w}x{h}-sv.png"))
            records.down = False
            page.returns.open_no_receipt(d.reasons)
            n = page.returns.no_receipt
            n.show_article(demo_articles(till)[2])
            fit(n, w, h, 600, 520)
            assert n.grab().save(str(SHOTS / f"returns-no-receipt-{w}x{h}-sv.png"))
            n.reject()
            d.reject()
            wait_idle(qtbot, window)
        # an exchange: two units back, a new article taken; then the refund of the difference
        page.returns.open_dialog(sale.receipt_code)
        d = page.dialog
        qtbot.waitUntil(lambda: d.table.rowCount() == 3, timeout=5000)
        d.table.steppers[0].setValue(2)
        d.table.steppers[2].setValue(1)
        d.add()
        qtbot.waitUntil(lambda: page.totals is not None and len(page.totals.lines) == 2,
                        timeout=5000)
        wait_idle(qtbot, window)
        page.scanned(demo_articles(till)[1].ean)
        qtbot.waitUntil(lambda: len(page.totals.lines) == 3, timeout=5000)
        wait_idle(qtbot, window)
        assert page.totals.total < 0 and page.pay_button.text() == "Återbetala (F9)"
        assert "Retur · Fel storlek · kvitto " + sale.receipt_code in page.model.index(0, 0).data()
        for w, h in ((1024, 768), (1920, 1080)):
            window.resize(w, h)
            apply_style(qapp, QSize(w, h))
            qapp.processEvents()
            window.grab().save(str(SHOTS / f"till-exchange-{w}x{h}-sv.png"))
        for w, h in ((1024, 768), (1920, 1080)):
            window.resize(w, h)
            apply_style(qapp, QSize(w, h))
            page.pay()
            qtbot.waitUntil(lambda: page.dialog is not None
                            and page.dialog.objectName() == "refundDialog", timeout=5000)
            r = page.dialog
            assert r.parts.item(0).text().startswith("Till kortet ")
            fit(r, w, h, 860, 560)
            assert r.refund_button.height() >= 44
            assert r.grab().save(str(SHOTS / f"refund-{w}x{h}-sv.png"))
            r.reject()
            qtbot.waitUntil(lambda: page.payment_dialog is None, timeout=5000)
            wait_idle(qtbot, window)
        window.close()
    finally:
        install_translators(qapp, "en")
