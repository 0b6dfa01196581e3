"""Paper, e-mail or both at the end of a sale (ui/till/receipt_choice.py), on the real till:
the default from the configuration done at once, the rest offered; an address checked before
anything is queued; the e-mail queued in the outbox (never sent from the screen) and journaled
with the address masked. Screenshots in Swedish at 1024x768 and 1920x1080 in /tmp/shots12-mail/."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.db.repositories import OutboxRepository
from pos.journal import Kind
from pos.receipt_mail import ReceiptChoice
from pos.sync.receipt_mail_events import RECEIPT_EMAIL
from tests.ui.conftest import demo_articles, log_in, reactivate, wait_idle

SHOTS = Path(os.environ.get("POS_SHOTS", "/tmp/shots12-mail"))


def pay_cash(qtbot, window, till):
    page = window.sale_page
    article = demo_articles(till)[0]
    till_scan = page.scanned
    till_scan(article.ean)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    QTest.keyClick(page.scan_input, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.payment_dialog is not None, timeout=10000)
    dlg = page.payment_dialog
    dlg.amount.setText("1000")
    qtbot.mouseClick(dlg.cash_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.sale is not None, timeout=10000)
    wait_idle(qtbot, window)
    return dlg


def mail_rows(till):
    with till.session_factory() as s:
        from pos.db.models_sync import OutboxRow
        return [r for r in s.query(OutboxRow).filter(OutboxRow.kind == RECEIPT_EMAIL)]


def test_without_a_mail_server_the_receipt_is_printed_as_before(qtbot, window, till):
    log_in(qtbot, window)
    dlg = pay_cash(qtbot, window, till)
    qtbot.waitUntil(lambda: "printed" in dlg.receipt_label.text(), timeout=10000)
    assert not dlg.receipt_choice.isVisible() and mail_rows(till) == []


def test_paper_by_default_then_the_email_typed_checked_and_queued(qtbot, window, till):
    till.receipt_mail, till.receipt_choice = True, ReceiptChoice.PAPER
    log_in(qtbot, window)
    dlg = pay_cash(qtbot, window, till)
    panel = dlg.receipt_choice
    qtbot.waitUntil(lambda: "printed" in dlg.receipt_label.text(), timeout=10000)
    assert panel.isVisible() and panel.printed and not panel.print_button.isVisible()
    assert not panel.email_button.isEnabled()  # no address yet
    panel.address.setFocus()
    QTest.keyClicks(panel.address, "anna.svensson@example")  # no dot in the domain
    QTest.keyClick(panel.address, Qt.Key.Key_Return)
    assert "not an e-mail address" in panel.status.text() and dlg.isVisible()
    assert mail_rows(till) == []
    assert panel.address.selectedText() == "anna.svensson@example"  # selected to be retyped
    QTest.keyClick(panel.address, Qt.Key.Key_End)
    QTest.keyClicks(panel.address, ".com")
    QTest.keyClick(panel.address, Qt.Key.Key_Return)  # sends; the dialog stays open
    qtbot.waitUntil(lambda: panel.mailed, timeout=10000)
    assert panel.mailed, panel.status.text()
    assert dlg.isVisible()
    assert "a***@example.com" in panel.status.text() and not panel.email_button.isVisible()
    rows = mail_rows(till)
    assert len(rows) == 1 and rows[0].status == "pending"
    assert '"to": "anna.svensson@example.com"' in rows[0].payload_json
    with till.desk.uow as uow:
        entries = [e for e in uow.journal.entries(till.register_id) if e.kind == Kind.RECEIPT_EMAIL]
    assert len(entries) == 1 and "svensson" not in entries[0].payload_json
    QTest.keyClick(panel.address, Qt.Key.Key_F8)  # once only
    wait_idle(qtbot, window)
    assert len(mail_rows(till)) == 1


def test_email_by_default_prints_nothing_until_asked(qtbot, window, till):
    till.receipt_mail, till.receipt_choice = True, ReceiptChoice.EMAIL
    log_in(qtbot, window)
    dlg = pay_cash(qtbot, window, till)
    panel = dlg.receipt_choice
    assert not panel.printed and panel.print_button.isVisible()
    assert panel.address.hasFocus()
    before = len(till.devices.printer.output)
    QTest.keyClick(dlg, Qt.Key.Key_F7)  # the paper too
    qtbot.waitUntil(lambda: "printed" in dlg.receipt_label.text(), timeout=10000)
    assert len(till.devices.printer.output) > before and panel.printed


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_screenshots_in_swedish(qtbot, qapp, window, till, size):
    from ui.i18n import install_translators

    install_translators(qapp, "sv")
    till.receipt_mail, till.receipt_choice = True, ReceiptChoice.BOTH
    window.resize(*size)
    log_in(qtbot, window)
    dlg = pay_cash(qtbot, window, till)
    panel = dlg.receipt_choice
    assert panel.address.hasFocus()  # both: printed, and the address asked for
    SHOTS.mkdir(parents=True, exist_ok=True)
    dlg.resize(min(size[0] - 40, 1100), min(size[1] - 60, 700))
    QTest.keyClicks(panel.address, "anna.svensson@exempel")
    QTest.keyClick(panel.address, Qt.Key.Key_Return)
    qtbot.wait(50)
    dlg.grab().save(str(SHOTS / f"receipt_choice_bad_{size[0]}x{size[1]}.png"))
    QTest.keyClick(panel.address, Qt.Key.Key_End)
    QTest.keyClicks(panel.address, ".se")
    QTest.keyClick(panel.address, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.mailed, timeout=10000)
    qtbot.waitUntil(lambda: "skriv" in dlg.receipt_label.text().lower()
                    or "utskriv" in dlg.receipt_label.text().lower(), timeout=10000)
    dlg.grab().save(str(SHOTS / f"receipt_choice_{size[0]}x{size[1]}.png"))
    for button in (panel.email_button, panel.print_button):
        assert button.minimumHeight() >= 44


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_shift_f12_emails_a_copy_of_a_receipt_each_time_asked(qtbot, qapp, window, till, size):
    from ui.i18n import install_translators

    install_translators(qapp, "sv")
    till.receipt_mail = True
    window.resize(*size)
    log_in(qtbot, window)
    dlg = pay_cash(qtbot, window, till)
    receipt_no = dlg.sale.receipt_no
    QTest.keyClick(dlg, Qt.Key.Key_Return)
    page = window.sale_page
    qtbot.waitUntil(lambda: page.payment_dialog is None, timeout=5000)
    wait_idle(qtbot, window)
    reactivate(qtbot, window)
    QTest.keyClick(page.scan_input, Qt.Key.Key_F12, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: page.dialog is not None
                    and page.dialog.objectName() == "receiptMailDialog", timeout=5000)
    d = page.dialog
    qtbot.waitUntil(lambda: d.receipt.text() == str(receipt_no), timeout=5000)  # the newest
    d.address.setText("kund@exempel.se")
    QTest.keyClick(d.address, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(d.sent) == 1, timeout=5000)
    QTest.keyClick(d.address, Qt.Key.Key_Return)  # again: another e-mail (not limited like KOPIA)
    qtbot.waitUntil(lambda: len(d.sent) == 2, timeout=5000)
    assert "k***@exempel.se" in d.status.text()
    rows = mail_rows(till)
    assert len(rows) == 2 and all('"copy": true' in r.payload_json for r in rows)
    d.receipt.setText("999")
    QTest.keyClick(d.address, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "999" in d.status.text(), timeout=5000)
    assert d.status.property("level") == "error" and len(mail_rows(till)) == 2
    d.resize(min(size[0] - 100, 640), 360)
    SHOTS.mkdir(parents=True, exist_ok=True)
    d.grab().save(str(SHOTS / f"receipt_mail_dialog_{size[0]}x{size[1]}.png"))
    QTest.keyClick(d, Qt.Key.Key_Escape)
