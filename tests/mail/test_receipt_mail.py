"""A receipt e-mailed from the till reaches a real SMTP server (aiosmtpd) through the outbox:
HTML, inline barcode and QR, the PDF read back; STARTTLS with a self-signed certificate and a
login with the password from the credential store; the server down, then up: sent once; an
address the server refuses: set aside at once. On SQLite and PostgreSQL (``session_factory``)."""
from __future__ import annotations

import io
import random
from datetime import timedelta

import pypdf
import pytest

from integrations.credential_store import FileStore, Secret
from integrations.mail.factory import make_receipt_mailer
from integrations.mail.settings import MailPassword, MailSettings
from integrations.mail.smtp import SmtpSender
from pos.db.repositories import OutboxRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal import Kind
from pos.ports import MailUnavailable, ReceiptMail
from pos.queries.outbox import outbox_status
from pos.receipt_layout import StoreInfo
import pos.receipt_layout as layout
from pos.services.receipt_mail import receipt_document
from pos.sync.outbox import OutboxWorker
from pos.sync.receipt_mail_events import RECEIPT_EMAIL, receipt_mail_handlers
from pos.sync.sale_events import sale_key
from tests.mail.smtp_server import SmtpServer, free_port

TO = "anna.svensson@example.com"


def settings(port: int, **kw) -> MailSettings:
    return MailSettings(host=kw.pop("host", "127.0.0.1"), port=port,
                        security=kw.pop("security", "none"), username=kw.pop("username", ""),
                        from_address="kvitto@omnihandeln.se", from_name="Omnihandeln Göteborg",
                        reply_to="kundtjanst@omnihandeln.se", timeout=5, **kw)


def mail_worker(till, session_factory, sender: SmtpSender, clock) -> OutboxWorker:
    mailer = make_receipt_mailer(sender)
    store = till.config.store
    uow = SqlUnitOfWork(session_factory)
    handlers = receipt_mail_handlers(mailer, lambda sale_id, copy, serial: receipt_document(
        uow, store, sale_id, copy, serial), store.store_name)
    return OutboxWorker(SqlUnitOfWork(session_factory), None, clock, handlers=handlers,
                        kinds=(RECEIPT_EMAIL,), rng=random.Random(3))


def sell(till):
    till.scan("TSH-1")
    till.scan("KAF-1")
    till.scan("BOK-1")
    sale = till.pay_cash(40000).sale
    assert sale is not None
    return sale


def parts(msg):
    html = msg.get_body(("html",)).get_content()
    pdfs = [p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf"]
    images = [p for p in msg.walk() if p.get_content_type() == "image/png"]
    return html, pdfs, images


def test_a_receipt_emailed_at_the_till_arrives_with_html_and_pdf(till, session_factory, smtp,
                                                                  tmp_path, qapp):
    sale = sell(till)  # 199,00 + 59,90 + 129,50 = 388,40; cash: 388 (öresavrundning -0,40)
    assert sale.total == 38840 and sale.paid == 38800
    till.receipt_mail = True
    request = till.email_receipt(sale.id, "  Anna.Svensson@EXAMPLE.com ")
    assert request.to_masked == "A***@example.com" and request.queued
    assert not till.email_receipt(sale.id, TO).queued  # the sale's own e-mail: once
    now = [till.ctx.now()]
    worker = mail_worker(till, session_factory, SmtpSender(settings(smtp.port)), lambda: now[0])
    report = worker.run_once()
    assert report.sent == [request.key]
    now[0] += timedelta(hours=1)
    assert worker.run_once().sent == []  # exactly once
    assert len(smtp.messages) == 1
    msg = smtp.messages[0]
    assert msg["Subject"] == f"Kvitto {sale.receipt_no} från Omnihandeln Göteborg"
    assert msg["To"] == "Anna.Svensson@example.com"
    assert msg["Reply-To"] == "kundtjanst@omnihandeln.se"
    assert msg["Message-ID"].strip() == f"<receipt-mail.{sale.id}.sale@omnihandeln.se>"
    html, pdfs, images = parts(msg)
    assert f"Kvitto nr {sale.receipt_no}" in html and "TOTALT" in html
    assert "388,40" in html and "-0,40" in html and "388,00" in html
    assert "Kaffe Mörkrost 450 g" in html and "Bok: Röda rummet" in html
    assert f"cid:barcode0.receipt-mail.{sale.id}.sale@omnihandeln.se" in html
    assert len(images) == 2  # the receipt's barcode and QR code, inline
    assert {p["Content-ID"].strip() for p in images} == {
        f"<barcode0.receipt-mail.{sale.id}.sale@omnihandeln.se>",
        f"<qr0.receipt-mail.{sale.id}.sale@omnihandeln.se>"}
    assert len(pdfs) == 1 and pdfs[0].get_filename() == f"kvitto-{sale.receipt_no}.pdf"
    pdf = pdfs[0].get_content()
    (tmp_path / "kvitto.pdf").write_bytes(pdf)
    text = " ".join(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert f"Kvitto nr {sale.receipt_no}" in text
    assert "TOTALT 388,40" in text and "Att betala 388,00" in text
    assert "Röda rummet" in text and sale.control_code in text
    # the other messages of the sale (its store order) are the central store's: untouched
    with session_factory() as s:
        assert OutboxRepository(s).by_key(sale_key(sale.id)).status == "pending"
    # journaled with the address masked (personal data), never the address itself
    with SqlUnitOfWork(session_factory) as uow:
        entries = [e for e in uow.journal.entries(till.register_id)
                   if e.kind == Kind.RECEIPT_EMAIL]
    assert len(entries) == 1 and "A***@example.com" in entries[0].payload_json
    assert "Svensson" not in entries[0].payload_json


def test_a_copy_asked_for_later_is_one_email_each_time_marked_kopia(till, session_factory,
                                                                      smtp, qapp):
    sale = sell(till)
    till.receipt_mail = True
    first = till.email_receipt_copy(sale.receipt_no, TO)
    second = till.email_receipt_copy(sale.receipt_no, TO)
    assert first.key != second.key and first.queued and second.queued
    worker = mail_worker(till, session_factory, SmtpSender(settings(smtp.port)), till.ctx.now)
    assert len(worker.run_once().sent) == 2
    assert len(smtp.messages) == 2
    html, pdfs, images = parts(smtp.messages[0])
    assert html.count("KOPIA") == 2 and len(images) == 1  # a copy has no QR code
    text = pypdf.PdfReader(io.BytesIO(pdfs[0].get_content())).pages[0].extract_text()
    assert "KOPIA" in text


def test_server_down_the_email_waits_and_goes_once_when_it_is_up(till, session_factory, qapp):
    sale = sell(till)
    till.receipt_mail = True
    port = free_port()  # nobody listens there yet
    request = till.email_receipt(sale.id, TO)
    now = [till.ctx.now()]
    worker = mail_worker(till, session_factory, SmtpSender(settings(port)), lambda: now[0])
    report = worker.run_once()
    assert [k for k, _ in report.failed] == [request.key] and not report.dead
    for _ in range(12):  # retried as long as it is down (unavailability never kills it)
        now[0] += timedelta(hours=1)
        worker.run_once()
    with session_factory() as s:
        row = OutboxRepository(s).by_key(request.key)
        assert row.status == "failed" and row.attempts == 13
        assert "MailUnavailable" in row.last_error
    server = SmtpServer(port).start()
    try:
        now[0] += timedelta(hours=1)
        assert worker.run_once().sent == [request.key]
        now[0] += timedelta(hours=1)
        assert worker.run_once().sent == []
        assert len(server.messages) == 1
        assert server.messages[0]["Subject"] == f"Kvitto {sale.receipt_no} från Omnihandeln Göteborg"
    finally:
        server.stop()


def test_an_address_the_server_refuses_is_set_aside_for_the_back_office(till, session_factory,
                                                                         smtp, qapp):
    sale = sell(till)
    till.receipt_mail = True
    smtp.inbox.refuse.add("finns.inte@example.com")
    request = till.email_receipt(sale.id, "finns.inte@example.com")
    worker = mail_worker(till, session_factory, SmtpSender(settings(smtp.port)), till.ctx.now)
    report = worker.run_once()
    assert report.dead == [request.key]
    status = outbox_status(SqlUnitOfWork(session_factory), till.ctx.now())
    assert status.counts["dead"] == 1
    assert "550" in status.last_error[1] and smtp.messages == []


def test_starttls_with_a_self_signed_certificate_and_the_password_from_the_store(
        smtp_tls, cert, tmp_path, qapp):
    user, password = smtp_tls.user
    store = FileStore(tmp_path / "cfg" / "credentials.json")
    s = settings(smtp_tls.port, host="localhost", security="starttls", username=user,
                 ca=str(cert[0]))
    sender = SmtpSender(s, MailPassword(s, store))
    mail = ReceiptMail(TO, "Testkvitto", layout.test_receipt(StoreInfo(), "K1", "2026-11-30 11:00"),
                       "test.1")
    mailer = make_receipt_mailer(sender)
    with pytest.raises(MailUnavailable) as no_password:  # not set yet: said plainly, it waits
        mailer.send_receipt(mail)
    assert no_password.value.code == "mail.no_password"
    store.put(s.password_name, Secret("fel-lösen"))
    with pytest.raises(MailUnavailable) as wrong:
        mailer.send_receipt(mail)
    assert wrong.value.code == "mail.login_refused"
    store.put(s.password_name, Secret(password))
    assert mailer.send_receipt(mail) == "<test.1@omnihandeln.se>"
    assert smtp_tls.logins == [user] and len(smtp_tls.messages) == 1
    assert (tmp_path / "cfg" / "credentials.json").stat().st_mode & 0o777 == 0o600
    # a certificate the till does not trust is refused (the e-mail waits; nothing sent)
    untrusted = SmtpSender(settings(smtp_tls.port, host="localhost", security="starttls",
                                    username=user), MailPassword(s, store))
    with pytest.raises(MailUnavailable) as tls:
        make_receipt_mailer(untrusted).send_receipt(mail)
    assert "CERTIFICATE_VERIFY_FAILED" in str(tls.value)
    assert len(smtp_tls.messages) == 1


def test_the_payment_knows_the_customers_address_for_the_receipt(till):
    from pos.commerce import CustomerRef

    till.scan("TSH-1")
    assert till.start_payment().customer_email == ""
    till.cancel_payment()
    till.set_customer(CustomerRef("cus_1", "asa.oberg@example.com", "Åsa", "Öberg", "+46701234567"))
    assert till.start_payment().customer_email == "asa.oberg@example.com"
