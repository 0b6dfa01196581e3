"""Swish in the payment dialog (pytest-qt, offscreen), against the Swish simulator the till starts
itself (``[swish] url = "simulator"``): F5, the QR code in the dialog and on the customer display
while the customer pays, a split card + Swish sale, the cashier's cancel (Esc), and e-commerce to
the customer's phone."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import demo_articles, log_in, wait_idle


def swish_till(tmp_path, monkeypatch, pay_delay: float = 0.5):
    from main import build_till
    from pos.config import load_config

    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    path = tmp_path / "pos.toml"
    path.write_text('[devices]\nprinter = "dummy"\nterminal = "simulator"\n[register]\nid = "K1"\n'
                    f'[swish]\nurl = "simulator"\nsimulator_pay_delay = {pay_delay}\n',
                    encoding="utf-8")
    till, ctx = build_till(load_config(path))
    return till, ctx


def open_window(qtbot, till):
    from ui.till.customer_display import CustomerDisplayWindow
    from ui.till.main_window import MainWindow

    display = CustomerDisplayWindow("Omnihandeln")
    window = MainWindow(till, display=display)
    qtbot.addWidget(window)
    qtbot.addWidget(display)
    window.show()
    log_in(qtbot, window)
    return window, display


def start_paying(qtbot, window, till, count: int = 1):
    page = window.sale_page
    for article in demo_articles(till)[:count]:
        page.scanned(article.ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == count, timeout=5000)
    page.pay()
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
    wait_idle(qtbot, window)
    return page.payment_dialog


def test_split_card_and_swish_with_the_qr_code_shown_while_the_customer_pays(
        qtbot, qapp, tmp_path, monkeypatch, english):
    till, ctx = swish_till(tmp_path, monkeypatch, pay_delay=1.0)
    sim = till.devices.providers["swish"].simulator
    window, display = open_window(qtbot, till)
    dlg = start_paying(qtbot, window, till, count=2)
    total = dlg.view.remaining
    assert dlg.mobile_button.isVisible() and dlg.mobile_button.text() == "Swish (F5)"
    dlg.amount.setText("100,00")
    dlg.pay_card()
    qtbot.waitUntil(lambda: dlg.tender_count == 1, timeout=8000)
    QTest.keyClick(dlg, Qt.Key.Key_F5)
    assert dlg.pages.currentWidget() is dlg.mobile and dlg.mobile.currentIndex() == 0
    assert dlg.mobile.heading.text().startswith("Swish ")
    QTest.keyClick(dlg.mobile.qr_button, Qt.Key.Key_Return)  # Enter: a QR code
    # while the customer has not paid: the QR code in the dialog and on the customer display
    qtbot.waitUntil(lambda: not dlg.mobile.qr.pixmap().isNull(), timeout=5000)
    assert dlg.mobile.qr.isVisibleTo(dlg) and "Scan with the Swish app" in dlg.mobile.wait_label.text()
    qtbot.waitUntil(lambda: display.stack.currentIndex() == 2, timeout=5000)
    assert not display.mobile_qr.pixmap().isNull()
    assert "with Swish" in display.mobile_heading.text()
    assert not window.lanes.register.is_idle()  # Swish holds the register lane, not the GUI
    qtbot.waitUntil(lambda: dlg.sale is not None, timeout=10000)
    sale = dlg.sale
    assert [(t.method.id, t.amount) for t in sale.tenders] == [("card", 10000),
                                                              ("swish", total - 10000)]
    assert [p["status"] for p in sim.payments()] == ["PAID"]
    assert display.stack.currentIndex() == 1  # the thanks, after the QR code
    wait_idle(qtbot, window)
    window.close()
    ctx.engine.dispose()


def test_esc_cancels_the_swish_payment_and_the_sale_waits(qtbot, qapp, tmp_path, monkeypatch,
                                                         english):
    till, ctx = swish_till(tmp_path, monkeypatch, pay_delay=30)
    sim = till.devices.providers["swish"].simulator
    window, display = open_window(qtbot, till)
    dlg = start_paying(qtbot, window, till)
    dlg.choose_mobile()
    dlg.pay_mobile("")
    qtbot.waitUntil(lambda: not dlg.mobile.qr.pixmap().isNull(), timeout=5000)
    QTest.keyClick(dlg, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == 0, timeout=8000)
    assert "Cancelled" in dlg.message.text() and dlg.tender_count == 0
    assert [p["status"] for p in sim.payments()] == ["CANCELLED"]
    qtbot.waitUntil(lambda: display.stack.currentIndex() == 0, timeout=5000)  # back to the sale
    wait_idle(qtbot, window)
    window.close()
    ctx.engine.dispose()


def test_e_commerce_asks_the_phone_and_sends_it_there(qtbot, qapp, tmp_path, monkeypatch,
                                                      english):
    till, ctx = swish_till(tmp_path, monkeypatch, pay_delay=0.5)
    sim = till.devices.providers["swish"].simulator
    window, display = open_window(qtbot, till)
    dlg = start_paying(qtbot, window, till)
    QTest.keyClick(dlg, Qt.Key.Key_F5)
    dlg.mobile.phone.setText("070-123 45 67")
    dlg.mobile.phone.setFocus()
    QTest.keyClick(dlg, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: "Sent to 070-123 45 67" in dlg.mobile.wait_label.text(), timeout=5000)
    assert not dlg.mobile.qr.isVisibleTo(dlg)
    qtbot.waitUntil(lambda: dlg.sale is not None, timeout=10000)
    assert sim.payments()[0]["payerAlias"] == "46701234567"
    wait_idle(qtbot, window)
    window.close()
    ctx.engine.dispose()


def test_a_number_without_swish_is_said_and_the_sale_waits(qtbot, qapp, tmp_path, monkeypatch,
                                                           english):
    till, ctx = swish_till(tmp_path, monkeypatch)
    window, display = open_window(qtbot, till)
    dlg = start_paying(qtbot, window, till)
    dlg.choose_mobile()
    dlg.mobile.phone.setText("070-000 00 00")
    dlg.mobile.send_to_phone()
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == 0, timeout=8000)
    assert "does not have Swish" in dlg.message.text()
    assert dlg.message.property("level") == "error"
    wait_idle(qtbot, window)
    window.close()
    ctx.engine.dispose()


def test_without_swish_configured_there_is_no_swish_button(qtbot, qapp, window, till):
    from pos.payment_methods import MethodKind

    assert not till.config.payment_methods.of_kind(MethodKind.MOBILE)
    assert "swish" not in till.devices.providers
    log_in(qtbot, window)
    dlg = start_paying(qtbot, window, till)
    assert not dlg.mobile_button.isVisible()
    QTest.keyClick(dlg, Qt.Key.Key_F5)
    assert dlg.pages.currentIndex() == 0
