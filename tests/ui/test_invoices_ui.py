"""Invoices at the till's screens (pytest-qt, offscreen, a real Till on SQLite): Faktura (F9) in
the payment dialog for the sale's customer with a billing address, a manager's PIN over the
credit limit, the invoice's PDF; an OCR scan opens the invoice, Enter puts its payment on a sale
of its own, paid in cash. Screenshots in Swedish at 1024x768 and 1920x1080 (/tmp/shots12-invoice)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.delivery import DeliveryAddress
from pos.invoices import InvoiceRules
from tests.ui.conftest import demo_articles, log_in, type_keys, wait_idle

SHOTS = Path(os.environ.get("POS_SHOTS", "/tmp/shots12-invoice"))


class Addresses:
    def addresses(self, customer_id):
        return [DeliveryAddress("Anna Svensson", "Storgatan 1", "41101", "Göteborg")]


@pytest.fixture
def invoice_window(qtbot, qapp, make_ui_till, request):
    from dataclasses import replace

    from ui.i18n import install_translators
    from ui.till.main_window import MainWindow
    from ui.widgets.style import apply_style

    language = getattr(request, "param", "en")
    install_translators(qapp, language)
    till = make_ui_till()
    till.ctx.config = replace(till.ctx.config, invoice=InvoiceRules(
        series="1", bankgiro="123-4567", credit_limit=50000))
    till.address_book = Addresses()
    till.central_invoices = None
    apply_style(qapp)
    w = MainWindow(till)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    QTest.qWaitForWindowActive(w)
    log_in(qtbot, w)
    yield w, till
    wait_idle(qtbot, w)
    w.close()
    install_translators(qapp, "en")


def _shoot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for size in ((1024, 768), (1920, 1080)):
        widget.resize(min(size[0], max(widget.minimumWidth(), int(size[0] * 0.7))),
                      min(size[1], max(widget.minimumHeight(), int(size[1] * 0.7))))
        QTest.qWait(50)
        widget.grab().save(str(SHOTS / f"{name}-{size[0]}x{size[1]}.png"))


def _sell(qtbot, window, till, count: int):
    page = window.sale_page
    for article in demo_articles(till)[:count]:
        page.scanned(article.ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == count, timeout=5000)
    from pos.demo.customers import DemoCustomers
    customer = DemoCustomers().customers[0]
    window.lanes.register.run(lambda: till.set_customer(customer), lambda _t: None, None)
    wait_idle(qtbot, window)
    page.pay()
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=5000)
    wait_idle(qtbot, window)
    return page.payment_dialog, customer


@pytest.mark.parametrize("invoice_window", ["sv"], indirect=True)
def test_f9_pays_by_invoice_and_the_pdf_is_offered(qtbot, invoice_window):
    window, till = invoice_window
    dlg, customer = _sell(qtbot, window, till, 1)
    assert dlg.invoice.button.isVisible() and dlg.invoice.button.text() == "Faktura (F9)"
    _shoot(dlg, "payment-dialog-faktura")
    QTest.keyClick(dlg, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: dlg.sale is not None, timeout=8000)
    [tender] = dlg.sale.tenders
    assert tender.method.id == "invoice" and tender.terminal_ref
    assert dlg.invoice.pdf_button.isVisible()
    _shoot(dlg, "payment-dialog-faktura-klar")
    with till.network_uow as uow:
        inv = uow.invoices.by_ocr(tender.terminal_ref)
    assert inv.buyer.address == ("Storgatan 1", "41101 Göteborg")
    assert inv.buyer.customer_id == customer.id
    wait_idle(qtbot, window)  # the receipt printed before the window closes


def test_over_the_credit_limit_the_manager_approves_with_a_pin(qtbot, invoice_window):
    window, till = invoice_window
    dlg, _ = _sell(qtbot, window, till, 3)  # above the 500 kr limit
    assert dlg.view.remaining > 50000
    dlg.invoice.start()
    qtbot.waitUntil(lambda: dlg.property("approvalDialog") is not None, timeout=8000)
    approval = dlg.property("approvalDialog")
    assert "over the credit limit of 500,00 kr" in approval.reason.text().replace("\u00a0", " ")
    type_keys(approval.pad, "9999")
    QTest.keyClick(approval.pad, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.sale is not None, timeout=8000)
    with till.network_uow as uow:
        approved = [e.payload for e in uow.journal.entries(till.register_id)
                    if e.kind == "invoice_approved"]
    assert approved and approved[0]["by"] == "maja"
    wait_idle(qtbot, window)  # the receipt printed before the window closes


@pytest.mark.parametrize("invoice_window", ["sv"], indirect=True)
def test_a_customer_without_a_billing_address_gets_one_typed(qtbot, invoice_window):
    window, till = invoice_window
    till.address_book = None
    dlg, _ = _sell(qtbot, window, till, 1)
    QTest.keyClick(dlg, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: dlg.property("billingAddressDialog") is not None, timeout=8000)
    assert "fakturaadress" in dlg.message.text()
    typed = dlg.property("billingAddressDialog")
    typed.street.setText("Lilla vägen 3")
    typed.postcode.setText("4110")  # four digits: refused
    typed.submit()
    assert typed.isVisible() and dlg.sale is None
    typed.postcode.setText("41103")
    typed.city.setText("Göteborg")
    _shoot(typed, "billing-address-dialog")
    typed.submit()
    qtbot.waitUntil(lambda: dlg.sale is not None, timeout=8000)
    with till.network_uow as uow:
        inv = uow.invoices.by_ocr(dlg.sale.tenders[0].terminal_ref)
    assert inv.buyer.address == ("Lilla vägen 3", "41103 Göteborg")
    wait_idle(qtbot, window)  # the receipt printed before the window closes


@pytest.mark.parametrize("invoice_window", ["sv"], indirect=True)
def test_an_ocr_scan_opens_the_invoice_and_enter_pays_it(qtbot, invoice_window):
    window, till = invoice_window
    dlg, _ = _sell(qtbot, window, till, 1)
    QTest.keyClick(dlg, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: dlg.sale is not None, timeout=8000)
    ocr = dlg.sale.tenders[0].terminal_ref
    total = dlg.sale.total
    dlg.accept()
    wait_idle(qtbot, window)
    page = window.sale_page
    page.scanned(f"OCR:{ocr}")
    from ui.till.invoice_dialog import InvoicePaymentDialog
    qtbot.waitUntil(lambda: page.findChild(InvoicePaymentDialog) is not None, timeout=5000)
    inv_dlg = page.findChild(InvoicePaymentDialog)
    qtbot.waitUntil(lambda: inv_dlg.pay_button.isEnabled(), timeout=8000)
    assert inv_dlg.status.text() == "obetald"
    assert inv_dlg.amount.text().replace("\u00a0", " ").endswith("kr")
    _shoot(inv_dlg, "invoice-payment-dialog")
    QTest.keyClick(inv_dlg, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert till.cart.totals().total == total and till.cart.totals().vat_total == 0
    _shoot(window, "sale-page-betalning-faktura")
