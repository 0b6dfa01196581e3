"""Gift cards and store credit on the till's screens (pytest-qt, offscreen), against an in-memory
central store that keeps accounts as the loyalty plugin does: a card sold with Ctrl+G (its line
without VAT), a card paid with in the payment dialog (F7: code, balance from the network lane,
the amount, the rest in cash), offline refused with nothing taken, a return refunded to store
credit (F6). Screenshots in Swedish at 1024x768 and 1920x1080 go to /tmp/shots12-gift/."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.commerce import CustomerRef
from pos.gift_cards import IssuedGiftCard, new_code
from pos.services.gift_cards import StoredValuePayments
from tests.services.test_gift_cards_at_the_till import MemoryStoredValue
from tests.ui.conftest import demo_articles, log_in, wait_idle

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots12-gift"))
CONFIG = '''[devices]
printer = "dummy"
terminal = "simulator"
[register]
id = "K1"
[[payment.methods]]
id = "cash"
kind = "cash"
label = "Kontant"
counts_as_cash = true
[[payment.methods]]
id = "card"
kind = "terminal"
label = "Kort"
provider = "terminal"
[[payment.methods]]
id = "gift_card"
kind = "gift_card"
label = "Presentkort"
provider = "gift_card"
[[payment.methods]]
id = "store_credit"
kind = "gift_card"
label = "Tillgodo"
provider = "store_credit"
'''


@pytest.fixture
def central():
    return MemoryStoredValue()


@pytest.fixture
def gift_till(tmp_path, monkeypatch, central):
    from main import build_till
    from pos.config import load_config

    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    path = tmp_path / "pos.toml"
    path.write_text(CONFIG, encoding="utf-8")
    till, ctx = build_till(load_config(path))
    till.stored_value = central
    till.devices.providers.update({  # type: ignore[attr-defined]
        "gift_card": StoredValuePayments(central, "gift_card", "Presentkort"),
        "store_credit": StoredValuePayments(central, "store_credit", "Tillgodo")})
    yield till
    ctx.engine.dispose()


def open_window(qtbot, till, size=(1024, 768)):
    from PySide6.QtWidgets import QApplication

    from ui.till.main_window import MainWindow
    from ui.widgets.style import apply_style
    apply_style(QApplication.instance())
    window = MainWindow(till)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    log_in(qtbot, window)
    return window


def shoot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def test_a_gift_card_is_sold_with_ctrl_g_and_paid_with_f7_the_rest_in_cash(
        qtbot, qapp, gift_till, central, english):
    till = gift_till
    window = open_window(qtbot, till)
    page = window.sale_page
    QTest.keyClick(page, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.gift_cards.dialog.isVisible(), timeout=3000)
    d = page.gift_cards.dialog
    d.amount.setText("40")  # below the limit: said in the dialog
    QTest.keyClick(d.amount, Qt.Key.Key_Return)
    assert "50,00 to 5 000,00" in d.error.text() and d.isVisible()
    d.amount.setText("250,50")
    QTest.keyClick(d.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert not d.isVisible()
    line = till.cart.lines[0]
    assert line.variant.name.startswith("Presentkort GC-") and line.variant.vat_rate.value == "0"

    # paying with another card (already at the central store): F9, F7
    code = new_code()
    central.issue_gift_card(IssuedGiftCard(code, 10000, "2030-01-31", "s", "K0", 1), "k")
    page.pay()
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
    wait_idle(qtbot, window)
    pay = page.payment_dialog
    assert pay.gift_buttons[0].text() == "Presentkort (F7)"
    QTest.keyClick(pay, Qt.Key.Key_F7)
    gd = pay.findChild(type(pay), "") or next(
        w for w in qapp.topLevelWidgets() if w.objectName() == "giftCardPayDialog"
        and w.isVisible())
    gd.code.setText(code.lower())
    QTest.keyClick(gd.code, Qt.Key.Key_Return)  # Enter: the balance (network lane)
    qtbot.waitUntil(lambda: gd.balance is not None, timeout=5000)
    assert "100,00" in gd.balance_label.text() and gd.amount.text() == "100,00"
    QTest.keyClick(gd.amount, Qt.Key.Key_Return)  # Enter: pay
    qtbot.waitUntil(lambda: pay.tender_count == 1, timeout=5000)
    assert not gd.isVisible()
    assert central.held(code) == 0
    assert pay.view.remaining == 25050 - 10000
    pay.pay_cash()
    qtbot.waitUntil(lambda: pay.sale is not None, timeout=5000)
    assert [(t.method.id, t.amount) for t in pay.sale.tenders] == [("gift_card", 10000),
                                                                  ("cash", 15100)]
    wait_idle(qtbot, window)
    window.close()


def test_offline_the_dialog_says_the_card_cannot_be_redeemed_now(
        qtbot, qapp, gift_till, central, english):
    till = gift_till
    code = new_code()
    central.issue_gift_card(IssuedGiftCard(code, 10000, "2030-01-31", "s", "K0", 1), "k")
    window = open_window(qtbot, till)
    page = window.sale_page
    page.scanned(demo_articles(till)[0].ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.pay()
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
    wait_idle(qtbot, window)
    central.offline = True
    QTest.keyClick(page.payment_dialog, Qt.Key.Key_F7)
    gd = next(w for w in qapp.topLevelWidgets() if w.objectName() == "giftCardPayDialog"
              and w.isVisible())
    gd.code.setText(code)
    QTest.keyClick(gd.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "cannot be redeemed now" in gd.message.text(), timeout=5000)
    assert not gd.pay_button.isEnabled() and gd.balance is None
    assert central.held(code) == 10000
    gd.reject()
    wait_idle(qtbot, window)
    window.close()


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_screenshots_in_swedish(qtbot, qapp, gift_till, central, size):
    from ui.i18n import install_translators
    from ui.till.gift_card_dialog import GiftCardPayDialog, GiftCardSaleDialog
    from ui.till.refund_dialog import RefundDialog

    install_translators(qapp, "sv")
    try:
        till = gift_till
        window = open_window(qtbot, till, size)
        tag = f"{size[0]}x{size[1]}"
        page = window.sale_page
        page.scanned(demo_articles(till)[0].ean)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
        QTest.keyClick(page, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: page.gift_cards.dialog.isVisible(), timeout=3000)
        page.gift_cards.dialog.amount.setText("500")
        shoot(page.gift_cards.dialog, f"sell_dialog_{tag}")
        QTest.keyClick(page.gift_cards.dialog.amount, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
        wait_idle(qtbot, window)
        shoot(window, f"sale_with_gift_card_{tag}")
        code = new_code()
        central.issue_gift_card(IssuedGiftCard(code, 30000, "2028-11-30", "s", "K0", 1), "k")
        page.pay()
        qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
        wait_idle(qtbot, window)
        pay = page.payment_dialog
        shoot(pay, f"payment_dialog_{tag}")
        QTest.keyClick(pay, Qt.Key.Key_F7)
        gd = next(w for w in qapp.topLevelWidgets()
                  if isinstance(w, GiftCardPayDialog) and w.isVisible())
        gd.code.setText(code)
        QTest.keyClick(gd.code, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: gd.balance is not None, timeout=5000)
        shoot(gd, f"gift_card_pay_{tag}")
        QTest.keyClick(gd.amount, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: pay.tender_count == 1, timeout=5000)
        pay.pay_cash()
        qtbot.waitUntil(lambda: pay.sale is not None, timeout=5000)
        sale = pay.sale
        wait_idle(qtbot, window)
        from pos.receipt_layout import sale_receipt
        doc = sale_receipt(sale, till.config.store, "CU-1")
        (SHOTS / f"receipt_{tag}.txt").write_text(doc.plain_text(), encoding="utf-8")
        from ui.till.receipt_preview import ReceiptPreviewDialog
        preview = ReceiptPreviewDialog(doc, window)
        qtbot.addWidget(preview)
        preview.resize(520, 1000)
        preview.show()
        qtbot.waitExposed(preview)
        shoot(preview, f"receipt_{tag}")
        preview.close()
        # a return to store credit (F6): the refund dialog with a customer on the return
        from pos.services.returns import ReturnPick
        till.set_customer(CustomerRef("cus_01SHOT", "eva@example.se", "Eva", "Ek", "+4670"))
        till.return_lines(till.find_purchase(sale.receipt_code).purchase,
                          [ReturnPick("1", 1, "changed_mind")])
        refund = RefundDialog(window.lanes, till, till.refund_plan(), window)
        qtbot.addWidget(refund)
        refund.resize(*((860, 560) if size[0] < 1900 else (1100, 700)))
        refund.show()
        assert refund.store_credit_button.isVisible()
        refund.store_credit_button.click()
        assert refund.to_store_credit
        shoot(refund, f"refund_store_credit_{tag}")
        refund.reject()
        assert isinstance(GiftCardSaleDialog, type)
        window.close()
    finally:
        install_translators(qapp, "en")
