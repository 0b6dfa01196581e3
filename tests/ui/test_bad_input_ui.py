"""Bad input at the till said as what is wrong (a fresh user's findings): an empty cash amount,
an absurd one, "1e3" for a gift card, a negative gift card payment ("Högst 59,90 kr" before), a
quantity no till takes before '*', and the look-alike customers' count in proper Swedish."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.gift_cards import IssuedGiftCard, new_code
from pos.money import format_kronor
from tests.ui.conftest import demo_articles, log_in, wait_idle
from tests.ui.test_gift_cards_ui import central, gift_till, open_window  # noqa: F401
from tests.ui.test_till_sale import wedge_scan  # noqa: F401


def _pay_dialog(qtbot, window, till):
    page = window.sale_page
    page.scan_input.setFocus()
    page.scan_input.setText(demo_articles(till)[0].ean)
    QTest.keyClick(page.scan_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.pay()
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
    wait_idle(qtbot, window)
    return page.payment_dialog


def test_cash_empty_or_absurd_is_said_and_nothing_is_taken(qtbot, window, till):
    log_in(qtbot, window)
    pay = _pay_dialog(qtbot, window, till)
    pay.amount.setText("")
    pay.pay_cash()
    assert pay.message.text() == "Enter an amount" and pay.tender_count == 0
    pay.amount.setText("1e3")
    pay.pay_cash()
    assert pay.message.text() == "'1e3' is not an amount" and pay.tender_count == 0
    pay.amount.setText("99999999999999")
    pay.pay_cash()
    assert "at most 10 000 000,00 kr" in pay.message.text().replace("\u00a0", " ")
    assert pay.tender_count == 0
    limit = pay.view.cash_due + 100_000 * 100
    pay.amount.setText("200000")
    pay.pay_cash()
    assert pay.message.text().replace("\u00a0", " ") == \
        f"At most {format_kronor(limit)} kr in cash for this sale"
    assert pay.tender_count == 0 and pay.sale is None
    pay.amount.setText("1000")  # a real banknote still pays
    pay.pay_cash()
    qtbot.waitUntil(lambda: pay.sale is not None, timeout=5000)
    assert pay.sale.change == 100000 - pay.sale.total - pay.sale.rounding
    wait_idle(qtbot, window)
    pay.close()


def test_a_gift_card_refuses_1e3_and_a_negative_payment_says_it_must_be_positive(
        qtbot, qapp, gift_till, central, english):  # noqa: F811
    till = gift_till
    window = open_window(qtbot, till)
    page = window.sale_page
    QTest.keyClick(page, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.gift_cards.dialog.isVisible(), timeout=3000)
    d = page.gift_cards.dialog
    d.amount.setText("1e3")
    QTest.keyClick(d.amount, Qt.Key.Key_Return)
    assert d.isVisible() and page.model.rowCount() == 0
    assert d.error.text() == "Type the card's amount in kronor"
    d.amount.setText("250,50")
    QTest.keyClick(d.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)

    code = new_code()
    central.issue_gift_card(IssuedGiftCard(code, 10000, "2030-01-31", "s", "K0", 1), "k")
    page.pay()
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
    wait_idle(qtbot, window)
    pay = page.payment_dialog
    QTest.keyClick(pay, Qt.Key.Key_F7)
    gd = next(w for w in qapp.topLevelWidgets() if w.objectName() == "giftCardPayDialog"
              and w.isVisible())
    gd.code.setText(code)
    QTest.keyClick(gd.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gd.balance is not None, timeout=5000)
    gd.amount.setText("-50")
    QTest.keyClick(gd.amount, Qt.Key.Key_Return)
    assert gd.message.text() == "The amount must be more than 0 kr"
    assert pay.tender_count == 0 and central.held(code) == 10000
    gd.close()
    pay.close()
    wait_idle(qtbot, window)
    window.close()


@pytest.mark.parametrize("typed,says", [
    ("OCR:abc", "'OCR:abc' is no OCR reference: after OCR: come 2 to 25 digits"),
    ("999999999*7350120017796", "The quantity 999999999 before '*' is too large: at most 9999")])
def test_a_typed_reference_or_quantity_says_what_is_wrong(qtbot, window, typed, says):
    log_in(qtbot, window)
    page = window.sale_page
    page.scan_input.setFocus()
    page.scan_input.setText(typed)
    QTest.keyClick(page.scan_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: says in page.message.text(), timeout=5000)
    assert "cannot be in an article code" not in page.message.text()


def test_the_look_alike_count_is_a_proper_swedish_plural(qtbot, qapp):
    from ui.i18n import install_translators
    from ui.till.customers.form_dialog import CustomerFormDialog

    install_translators(qapp, "sv")
    try:
        f = CustomerFormDialog(None, None)
        qtbot.addWidget(f)
        assert f.duplicates_text(1).startswith("1 befintlig kund liknar den här")
        assert f.duplicates_text(2).startswith("2 befintliga kunder liknar den här")
    finally:
        install_translators(qapp, "en")


@pytest.mark.parametrize("text", ["nan", "1e1", "inf", "-5", ""])
def test_a_discount_percentage_is_plain_decimals(qapp, english, text):
    from ui.till.sale.discounts import parse_percent

    with pytest.raises(ValueError, match="Enter a percentage, for example 10"):
        parse_percent(text)


def test_a_plain_discount_percentage_still_parses(qapp):
    from decimal import Decimal

    from ui.till.sale.discounts import parse_percent
    assert parse_percent("12,5 %") == Decimal("12.5") and parse_percent("10") == 10
