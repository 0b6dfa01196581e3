"""The invoice's document at the till (pytest-qt, offscreen, a real Till on SQLite): F9 on the
payment dialog's last page opens it for the sale just paid by invoice; F9 prints it (here on
QPrinter's PdfFormat, read back), F8 saves it as a PDF, F7 e-mails it again (queued in the
outbox with the sale's own e-mail, journaled masked). Screenshots in Swedish at 1024x768 and
1920x1080 (/tmp/shots12-inv2)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from sqlalchemy import text

from pos.delivery import DeliveryAddress
from pos.invoices import InvoiceRules
from tests.ui.conftest import demo_articles, log_in, wait_idle

SHOTS = Path(os.environ.get("POS_SHOTS", "/tmp/shots12-inv2"))


class Addresses:
    def addresses(self, customer_id):
        return [DeliveryAddress("Anna Svensson", "Storgatan 1", "41101", "Göteborg")]


@pytest.fixture
def window(qtbot, qapp, make_ui_till):
    from dataclasses import replace

    from ui.i18n import install_translators
    from ui.till.main_window import MainWindow
    from ui.widgets.style import apply_style

    install_translators(qapp, "sv")
    till = make_ui_till()
    till.ctx.config = replace(till.ctx.config, invoice=InvoiceRules(
        series="1", bankgiro="123-4567", email=True))
    till.address_book = Addresses()
    till.central_invoices = None
    till.receipt_mail = True  # a mail server: invoices e-mailed
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


def shoot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for size in ((1024, 768), (1920, 1080)):
        widget.resize(min(size[0], max(widget.minimumWidth(), int(size[0] * 0.6))),
                      min(size[1], max(widget.minimumSizeHint().height(), int(size[1] * 0.6))))
        QTest.qWait(50)
        widget.grab().save(str(SHOTS / f"{name}-{size[0]}x{size[1]}.png"))


def pay_by_invoice(qtbot, window, till, count: int = 2):
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
    dlg = page.payment_dialog
    QTest.keyClick(dlg, Qt.Key.Key_F9)
    try:
        qtbot.waitUntil(lambda: dlg.sale is not None, timeout=8000)
    except Exception:
        from PySide6.QtWidgets import QDialog
        raise AssertionError((dlg.message.text(), [(d.objectName(), d.isVisible())
                                                   for d in dlg.findChildren(QDialog)]))
    wait_idle(qtbot, window)
    return dlg


def test_f9_on_the_done_page_prints_saves_and_emails_the_invoice(qtbot, window, tmp_path):
    window, till = window
    dlg = pay_by_invoice(qtbot, window, till)
    ocr = dlg.sale.tenders[0].terminal_ref
    total = dlg.sale.total
    assert dlg.invoice.pdf_button.isVisible()
    assert dlg.invoice.pdf_button.text() == "Faktura: skriv ut, PDF, e-post (F9)"
    QTest.keyClick(dlg, Qt.Key.Key_F9)  # the done page's F9: the invoice's document
    qtbot.waitUntil(lambda: dlg.property("invoiceDocumentDialog") is not None, timeout=5000)
    doc = dlg.property("invoiceDocumentDialog")
    qtbot.waitUntil(doc.isVisible, timeout=5000)
    assert doc.windowTitle() == "Faktura 1000001"
    assert doc.address.text() == "anna.svensson@example.se" and doc.email_button.isEnabled()
    for b in (doc.print_button, doc.pdf_button, doc.email_button, doc.close_button):
        assert b.height() >= 44, b.objectName()
    shoot(doc, "invoice-document")
    # F9: printed on the printer chosen (here QPrinter writing a PDF), on the printer's lane
    printed = tmp_path / "utskrift.pdf"

    def pdf_printer():
        p = QPrinter(QPrinter.PrinterMode.HighResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(printed))
        return p
    doc.choose_printer = pdf_printer
    QTest.keyClick(doc, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "utskriven" in doc.status.text(), timeout=8000)
    assert doc.status.text() == f"Faktura 1000001 utskriven på {printed}."
    text_ = " ".join(pypdf.PdfReader(str(printed)).pages[0].extract_text().split())
    kronor = f"{total // 100},{total % 100:02d}"
    assert f"OCR {ocr}" in text_ and f"Att betala: {kronor}" in text_.replace("\u00a0", " ")
    # F8: saved as a PDF where the cashier chose
    saved = tmp_path / "faktura-1000001.pdf"
    doc.ask_path = lambda: saved
    QTest.keyClick(doc, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: saved.exists() and not doc.busy, timeout=8000)
    assert doc.status.text() == f"Fakturan sparad som {saved}"
    assert f"OCR {ocr}" in " ".join(pypdf.PdfReader(str(saved)).pages[0].extract_text().split())
    # F7: e-mailed again to a typed address (the sale's own e-mail was queued with the sale)
    doc.address.setText("bokforing@foretaget.se")
    QTest.keyClick(doc, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: "e-postas" in doc.status.text(), timeout=8000)
    assert doc.status.text() == "Faktura 1000001 e-postas till b***@foretaget.se."
    shoot(doc, "invoice-document-e-postad")
    with till.network_uow as uow:
        rows = uow.session.execute(text(
            "SELECT key, payload_json FROM outbox WHERE kind='invoice_email' "
            "ORDER BY id")).all()
    assert [json.loads(p)["to"] for _, p in rows] == ["anna.svensson@example.se",
                                                      "bokforing@foretaget.se"]
    assert rows[0][0] == "invoice-mail:1000001:sale"
    doc.reject()
    wait_idle(qtbot, window)


def test_a_wrong_address_is_said_and_nothing_is_queued(qtbot, window):
    window, till = window
    dlg = pay_by_invoice(qtbot, window, till, 1)
    QTest.keyClick(dlg, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: dlg.property("invoiceDocumentDialog") is not None, timeout=5000)
    doc = dlg.property("invoiceDocumentDialog")
    doc.address.setText("inte-en-adress")
    assert not doc.email_button.isEnabled()
    doc.send_email()
    assert doc.status.text() == "Det är ingen e-postadress: kontrollera den och försök igen."
    doc.reject()
    wait_idle(qtbot, window)
