"""An invoice e-mailed from the till reaches a real SMTP server (aiosmtpd) through the outbox:
queued with the sale paid by invoice (once per invoice), sent again on request (one e-mail
each), the body naming number, amount, due date, OCR and bankgiro, the PDF read back with pypdf;
the server down then up: sent once; an address the server refuses: set aside at once. On SQLite
and PostgreSQL (``session_factory``)."""
from __future__ import annotations

import io
import json
import random
from datetime import datetime, timedelta

import pypdf
import pytest

from integrations.mail.factory import make_invoice_mailer
from integrations.mail.settings import MailSettings
from integrations.mail.smtp import SmtpSender
from pos.db.repositories import OutboxRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.invoices import Buyer, InvoiceError, InvoiceRules
from pos.queries.outbox import outbox_status
from pos.services import invoices
from pos.sync.invoice_mail_events import INVOICE_EMAIL, invoice_mail_handlers, invoice_mail_key
from pos.sync.outbox import OutboxWorker
from tests.mail.smtp_server import SmtpServer, free_port
from tests.services.conftest import ARTICLES
from tests.services.fakes import ANNA

RULES = InvoiceRules(series="1", days=30, bankgiro="123-4567", email=True)
BUYER = Buyer(ANNA.id, ANNA.name, ("Storgatan 1", "411 01 Göteborg"), ANNA.email)
NOW = datetime(2026, 11, 30, 10, 0)


def settings(port: int) -> MailSettings:
    return MailSettings(host="127.0.0.1", port=port, security="none", username="",
                        from_address="faktura@omnihandeln.se", from_name="Omnihandeln Göteborg",
                        reply_to="kundtjanst@omnihandeln.se", timeout=5)


def mail_worker(session_factory, port: int, clock) -> OutboxWorker:
    uow = SqlUnitOfWork(session_factory)

    def stored(number: str):
        with uow:
            return uow.invoices.get(number)
    handlers = invoice_mail_handlers(make_invoice_mailer(SmtpSender(settings(port))), stored)
    return OutboxWorker(SqlUnitOfWork(session_factory), None, clock, handlers=handlers,
                        kinds=(INVOICE_EMAIL,), rng=random.Random(3))


def make(make_till, rules=RULES):
    t = make_till(invoice=rules)
    t.ctx.clock = lambda: NOW
    t.login("kim", "1234")
    t.open_shift(200000)
    t.receipt_mail = True
    return t


def invoice_sale(till, buyer=BUYER):
    for a in ARTICLES:  # 199,00 (25 %) + 59,90 (12 %) + 129,50 (6 %) = 388,40
        till.scan(a.ean)
    till.set_customer(ANNA)
    sale = invoices.pay_by_invoice(till.ctx, buyer).sale
    assert sale is not None and sale.total == 38840
    return sale


def journal(session_factory, till):
    with SqlUnitOfWork(session_factory) as uow:
        return [e for e in uow.journal.entries(till.register_id) if e.kind == "invoice_email"]


def test_an_invoice_sale_emails_the_invoice_pdf_once(make_till, session_factory, smtp, qapp,
                                                     tmp_path):
    till = make(make_till)
    sale = invoice_sale(till)
    ocr = sale.tenders[0].terminal_ref
    key = invoice_mail_key("1000001", "sale")
    with session_factory() as s:
        row = OutboxRepository(s).by_key(key)
        assert row is not None and row.kind == INVOICE_EMAIL and row.status == "pending"
        assert json.loads(row.payload_json)["to"] == "anna.svensson@example.se"
    [entry] = journal(session_factory, till)  # journaled with the address masked
    assert "a***@example.se" in entry.payload_json and "svensson" not in entry.payload_json
    assert json.loads(entry.payload_json)["invoice"] == "1000001"
    now = [NOW]
    worker = mail_worker(session_factory, smtp.port, lambda: now[0])
    assert worker.run_once().sent == [key]
    now[0] += timedelta(hours=1)
    assert worker.run_once().sent == []  # exactly once
    [msg] = smtp.messages
    assert msg["Subject"] == "Faktura 1000001 från Omnihandeln Sverige AB"
    assert msg["To"] == "anna.svensson@example.se"
    assert msg["Message-ID"].strip() == "<invoice-mail.1000001.sale@omnihandeln.se>"
    body = msg.get_body(("plain",)).get_content()
    assert "Fakturanummer:  1000001" in body and "Att betala:     388,40 kr" in body
    assert "Förfallodatum:  2026-12-30" in body and f"OCR-nummer:     {ocr}" in body
    assert "Bankgiro:       123-4567" in body
    [pdf] = [p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf"]
    assert pdf.get_filename() == "faktura-1000001.pdf"
    data = pdf.get_content()
    (tmp_path / "faktura.pdf").write_bytes(data)
    text = " ".join(pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    assert f"OCR {ocr}" in text and "Att betala: 388,40 kr" in text
    assert "Fakturanummer: 1000001" in text and "Förfallodatum: 2026-12-30" in text


def test_sent_again_on_request_one_email_each_to_the_buyer_or_a_typed_address(
        make_till, session_factory, smtp, qapp):
    till = make(make_till)
    invoice_sale(till)
    first = till.email_invoice("1000001")
    second = till.email_invoice("1000001", "  Bokforing@Foretaget.SE ")
    assert first.queued and second.queued and first.key != second.key
    assert first.to_masked == "a***@example.se" and second.to_masked == "B***@foretaget.se"
    worker = mail_worker(session_factory, smtp.port, till.ctx.now)
    assert len(worker.run_once().sent) == 3  # the sale's own and the two asked for
    assert sorted(m["To"] for m in smtp.messages) == [
        "Bokforing@foretaget.se", "anna.svensson@example.se", "anna.svensson@example.se"]
    assert [json.loads(e.payload_json)["again"] for e in journal(session_factory, till)] == [
        False, True, True]
    with pytest.raises(InvoiceError) as unknown:
        till.email_invoice("1000999")
    assert unknown.value.code == "invoice_mail.no_such_invoice"
    till.receipt_mail = False  # no mail server: nothing offered
    with pytest.raises(InvoiceError) as off:
        till.email_invoice("1000001")
    assert off.value.code == "invoice_mail.not_offered"


def test_no_email_when_the_till_does_not_email_invoices_or_the_buyer_has_no_address(
        make_till, session_factory):
    till = make(make_till, InvoiceRules(series="1", days=30, bankgiro="123-4567", email=False))
    invoice_sale(till)
    till.ctx.config = __import__("dataclasses").replace(till.ctx.config, invoice=RULES)
    invoice_sale(till, Buyer(ANNA.id, ANNA.name, ("Storgatan 1", "411 01 Göteborg"), ""))
    with session_factory() as s:
        kinds = [k for (k,) in s.execute(__import__("sqlalchemy").text(
            "SELECT kind FROM outbox"))]
    assert INVOICE_EMAIL not in kinds and journal(session_factory, till) == []


def test_server_down_the_invoice_waits_and_goes_once_when_it_is_up(make_till, session_factory,
                                                                   qapp):
    till = make(make_till)
    invoice_sale(till)
    key = invoice_mail_key("1000001", "sale")
    port = free_port()  # nobody listens there yet
    now = [NOW]
    worker = mail_worker(session_factory, port, lambda: now[0])
    for _ in range(8):  # retried as long as it is down
        assert [k for k, _ in worker.run_once().failed] == [key]
        now[0] += timedelta(hours=1)
    with session_factory() as s:
        row = OutboxRepository(s).by_key(key)
        assert row.status == "failed" and row.attempts == 8 and "MailUnavailable" in row.last_error
    server = SmtpServer(port).start()
    try:
        assert worker.run_once().sent == [key]
        now[0] += timedelta(hours=1)
        assert worker.run_once().sent == []
        assert [m["Subject"] for m in server.messages] == ["Faktura 1000001 från Omnihandeln Sverige AB"]
    finally:
        server.stop()


def test_an_address_the_server_refuses_is_set_aside_at_once(make_till, session_factory, smtp,
                                                            qapp):
    till = make(make_till)
    smtp.inbox.refuse.add("anna.svensson@example.se")
    invoice_sale(till)
    worker = mail_worker(session_factory, smtp.port, till.ctx.now)
    assert worker.run_once().dead == [invoice_mail_key("1000001", "sale")]
    status = outbox_status(SqlUnitOfWork(session_factory), NOW)
    assert status.counts["dead"] == 1 and "550" in status.last_error[1] and smtp.messages == []
