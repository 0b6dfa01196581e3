"""A customer's open invoices at the till (pytest-qt, offscreen, a real Till on SQLite): Ctrl+F
opens the invoice payment dialog, F8 lists the sale's customer's (or a searched customer's) open
invoices, the overdue one first and marked; Enter on one shows it for payment as its OCR scan
does, and Enter again puts its payment on a sale of its own. The central store unreachable
here: the till's own invoices are listed, and the list says so. Screenshots in Swedish at
1024x768 and 1920x1080 (/tmp/shots12-inv2)."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pos.demo.customers import DemoCustomers
from pos.invoices import InvoiceStatus
from pos.money import format_kronor
from tests.ui.conftest import demo_articles, wait_idle
from tests.ui.test_invoice_document_ui import pay_by_invoice, shoot, window  # noqa: F401


def invoice_sale(qtbot, window, till, count: int, days_ago: int) -> tuple[str, int]:
    real = datetime.now()
    till.ctx.clock = lambda: real - timedelta(days=days_ago)
    try:
        dlg = pay_by_invoice(qtbot, window, till, count)
    finally:
        till.ctx.clock = datetime.now
    sale = dlg.sale
    dlg.accept()
    wait_idle(qtbot, window)
    return sale.tenders[0].terminal_ref, sale.total


def kr(ore: int) -> str:
    return format_kronor(ore, symbol=True).replace("\u00a0", " ")


def open_list(qtbot, window):
    page = window.sale_page
    page.scan_input.setFocus()
    QTest.keyClick(page.scan_input, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    from ui.till.invoice_dialog import InvoicePaymentDialog
    qtbot.waitUntil(lambda: page.findChild(InvoicePaymentDialog) is not None, timeout=5000)
    pay = page.findChild(InvoicePaymentDialog)
    qtbot.waitUntil(pay.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pay, timeout=5000)  # the till activates it
    QTest.keyClick(pay, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: pay.property("openInvoicesDialog") is not None, timeout=5000)
    return pay, pay.property("openInvoicesDialog")


def test_the_customers_open_invoices_overdue_first_and_one_chosen_is_paid(qtbot, window):
    window, till = window
    # today's first: once one is overdue, another needs a manager (the credit check)
    new_ocr, new_total = invoice_sale(qtbot, window, till, 3, days_ago=0)
    old_ocr, old_total = invoice_sale(qtbot, window, till, 1, days_ago=45)  # due 15 days ago
    till.ctx.customers = DemoCustomers()  # searched customers come from here
    customer = DemoCustomers().customers[0]
    window.lanes.register.run(lambda: till.set_customer(customer), lambda _t: None, None)
    wait_idle(qtbot, window)
    pay, listing = open_list(qtbot, window)
    qtbot.waitUntil(lambda: listing.table.rowCount() == 2, timeout=8000)
    assert listing.heading.text() == "Obetalda fakturor: Anna Svensson"
    assert [d.ocr for d in listing.invoices] == [old_ocr, new_ocr]  # the overdue first
    assert [d.status for d in listing.invoices] == [InvoiceStatus.OVERDUE, InvoiceStatus.OPEN]
    cells = [[listing.table.item(r, c).text().replace("\u00a0", " ") for c in range(4)]
             for r in range(2)]
    due_old = (datetime.now() - timedelta(days=45)).date() + timedelta(days=30)
    assert cells[0][0] == "1000002" and cells[0][1] == due_old.isoformat()
    assert cells[1][0] == "1000001"
    assert cells[0][2] == f"{old_total // 100},{old_total % 100:02d} kr"
    assert cells[0][3] == "förfallen" and cells[1][3] == "obetald"
    assert listing.table.item(0, 0).font().bold() and not listing.table.item(1, 0).font().bold()
    owed = old_total + new_total
    assert listing.message.text().replace("\u00a0", " ") == (
        f"2 obetalda fakturor, {kr(owed)} totalt. 1 förfallen. "
        + "Centralsystemet nås inte: bara den här kassans egna fakturor visas.")
    for b in (listing.choose_button, listing.close_button, listing.search_button):
        assert b.height() >= 44
    shoot(listing, "open-invoices")
    listing.table.selectRow(1)
    QTest.keyClick(listing.table, Qt.Key.Key_Return)  # the open one, as its scan would
    qtbot.waitUntil(lambda: pay.due is not None and pay.due.ocr == new_ocr, timeout=5000)
    assert not listing.isVisible() and pay.pay_button.isEnabled()
    shoot(pay, "invoice-payment-fran-listan")
    assert pay.amount.text().replace("\u00a0", " ") == \
        f"{new_total // 100},{new_total % 100:02d} kr"
    # the sale has its customer only (no lines): the payment goes on it, as a scan's would
    QTest.keyClick(pay, Qt.Key.Key_Return)
    page = window.sale_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert till.cart.totals().total == new_total and till.cart.customer.id == customer.id


def test_a_searched_customer_without_invoices_is_told_so(qtbot, window):
    window, till = window
    till.ctx.customers = DemoCustomers()
    pay, listing = open_list(qtbot, window)  # no customer on the sale: search
    assert listing.message.text() == "Försäljningen har ingen kund: sök efter en."
    other = DemoCustomers().customers[1]
    listing.field.setText(other.email)
    QTest.keyClick(listing.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: listing.customer is not None, timeout=8000)
    qtbot.waitUntil(lambda: "inga obetalda" in listing.message.text(), timeout=8000)
    assert listing.message.text() == f"{other.label} har inga obetalda fakturor."
    assert listing.table.rowCount() == 0 and not listing.choose_button.isEnabled()
    shoot(listing, "open-invoices-inga")
    listing.reject()
    pay.reject()
    wait_idle(qtbot, window)
