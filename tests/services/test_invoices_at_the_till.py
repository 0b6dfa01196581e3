"""Invoices at the till on the real databases (SQLite and PostgreSQL): the tender "Faktura" for an
identified customer with a billing address, refused over the credit limit or with an overdue
invoice until a manager approves (journaled); the invoice stored with the sale and queued with
its order; paying an open invoice at another till (a sale of one line without VAT) with its
capture queued once; the number series shared by two registers on one PostgreSQL."""
import json
import threading
from datetime import date, datetime

import pytest
from sqlalchemy import text

from pos.cart import ApprovalRequired
from pos.db.unit_of_work import SqlUnitOfWork
from pos.invoices import (Buyer, InvoiceDue, InvoiceError, InvoiceRules, InvoiceStatus,
                          OpenInvoice, check_ocr)
from pos.services import invoices
from pos.staff import AuthError
from pos.sync.invoice_events import INVOICE_CAPTURE
from tests.services.conftest import ARTICLES
from tests.services.fakes import ANNA

RULES = InvoiceRules(series="1", days=30, bankgiro="123-4567", credit_limit=100000)
BUYER = Buyer(ANNA.id, ANNA.name, ("Storgatan 1", "411 01 Göteborg"), ANNA.email)
NOW = datetime(2026, 11, 30, 10, 0)


@pytest.fixture
def till(make_till):
    t = make_till(invoice=RULES)
    t.ctx.clock = lambda: NOW
    t.login("kim", "1234")
    t.open_shift(200000)
    return t


def _sell_to_anna(till):
    for a in ARTICLES:  # 199,00 (25 %) + 59,90 (12 %) + 129,50 (6 %)
        till.scan(a.ean)
    till.set_customer(ANNA)


def test_an_invoice_sale_is_stored_with_its_invoice_receipt_order_and_journal(till,
                                                                              session_factory):
    _sell_to_anna(till)
    view = invoices.pay_by_invoice(till.ctx, BUYER)
    sale = view.sale
    assert sale is not None and sale.total == 38840
    [tender] = sale.tenders
    assert tender.method.id == "invoice" and tender.method.label == "Faktura"
    assert tender.amount == 38840 and check_ocr(tender.terminal_ref, length_digit=True)
    with SqlUnitOfWork(session_factory) as uow:
        inv = uow.invoices.by_ocr(tender.terminal_ref)
        journal = [(e.kind, e.payload) for e in uow.journal.entries(till.register_id)]
    assert inv.number == "1000001" and inv.sale_id == sale.id
    assert inv.receipt_no == sale.receipt_no and inv.total == 38840
    assert inv.due_on == date(2026, 12, 30) and inv.status(NOW.date()) is InvoiceStatus.OPEN
    assert inv.seller.vat_id == "SE556677889901" and inv.seller.bankgiro == "123-4567"
    assert {v.rate.value: (v.gross, v.vat) for v in inv.vat} == {
        "25": (19900, 3980), "12": (5990, 642), "6": (12950, 733)}
    assert inv.buyer == BUYER
    kinds = [k for k, _ in journal]
    assert "invoice_issued" in kinds and kinds[-1] == "sale"
    # the receipt says Faktura with number, OCR and due date
    text_lines = [getattr(b, "text", "") for b in till.receipt(sale).blocks]
    assert f"OCR {tender.terminal_ref}" in text_lines
    assert "Faktura 1000001" in text_lines and "Förfallodag 2026-12-30" in text_lines
    # the order for the central store carries the invoice tender and its OCR
    with session_factory() as s:
        payload = json.loads(s.execute(text(
            "SELECT payload_json FROM outbox WHERE kind='store_order'")).scalar_one())
    assert payload["tenders"] == [["invoice", 38840]]
    assert payload["tender_refs"] == [tender.terminal_ref]


def test_no_invoice_without_a_customer_or_billing_address(till):
    till.scan(ARTICLES[0].ean)
    with pytest.raises(InvoiceError) as e:
        invoices.pay_by_invoice(till.ctx, BUYER)
    assert e.value.code == "invoice.no_customer"
    till.set_customer(ANNA)
    with pytest.raises(InvoiceError) as e:
        invoices.pay_by_invoice(till.ctx, Buyer(ANNA.id, ANNA.name, ()))
    assert e.value.code == "invoice.no_billing_address"
    assert till.payment is None or not till.payment.tenders


def test_over_the_credit_limit_a_manager_approves_and_it_is_journaled(till, session_factory):
    _sell_to_anna(till)
    central = [OpenInvoice("9000003", 70000, date(2026, 12, 20))]  # a web invoice
    with pytest.raises(ApprovalRequired) as e:
        invoices.pay_by_invoice(till.ctx, BUYER, central_open=central)
    assert e.value.code == "invoice.over_credit_limit"
    assert e.value.params["owed"] == "1 088,40" and e.value.params["limit"] == "1 000,00"
    with pytest.raises(AuthError):
        invoices.pay_by_invoice(till.ctx, BUYER, central_open=central, approver_pin="0000")
    # the customer's own limit in the central store wins over the store's
    sale = invoices.pay_by_invoice(till.ctx, BUYER, central_open=central,
                                   credit_limit=200000).sale
    assert sale is not None
    _sell_to_anna(till)
    sale2 = invoices.pay_by_invoice(till.ctx, BUYER, central_open=central,
                                    approver_pin="9999").sale
    assert sale2 is not None
    with SqlUnitOfWork(session_factory) as uow:
        approved = [e.payload for e in uow.journal.entries(till.register_id)
                    if e.kind == "invoice_approved"]
        assert [i.number for i in uow.invoices.of_customer(ANNA.id)] == ["1000001", "1000002"]
    assert approved == [{"action": "invoice_credit", "by": "maja", "amount": 38840,
                         "customer": ANNA.id, "invoice": "1000002",
                         "reason": "invoice.over_credit_limit", "user": "kim"}]


def test_an_overdue_invoice_is_refused_until_approved(till):
    _sell_to_anna(till)
    late = [OpenInvoice("9000001", 100, date(2026, 11, 1))]
    with pytest.raises(ApprovalRequired) as e:
        invoices.pay_by_invoice(till.ctx, BUYER, central_open=late)
    assert e.value.code == "invoice.customer_overdue" and e.value.params["number"] == "9000001"


def test_an_invoice_paid_at_another_till_queues_one_capture(till, make_till, session_factory):
    _sell_to_anna(till)
    sale = invoices.pay_by_invoice(till.ctx, BUYER).sale
    ocr = sale.tenders[0].terminal_ref
    other = make_till(invoice=RULES, register_id="K2")
    other.ctx.clock = lambda: NOW
    other.login("kim", "1234")
    other.open_shift(0)
    due = invoices.lookup(None, other.ctx.uow, ocr, NOW.date())  # offline: the till's own
    assert due.amount_due == 38840 and due.source == "local"
    totals = invoices.start_invoice_payment(other.ctx, due)
    assert totals.total == 38840 and totals.vat_total == 0
    paid = other.pay_cash(40000).sale
    assert paid.lines[0].name == "Betalning faktura 1000001"
    assert [(v.rate.value, v.vat) for v in paid.vat] == [("0", 0)]  # no VAT on a payment
    assert paid.change == 1200 and paid.rounding == -40  # cash is rounded to whole kronor
    with session_factory() as s:
        rows = s.execute(text("SELECT kind, key, payload_json FROM outbox ORDER BY id")).all()
    kinds = [r[0] for r in rows]
    assert kinds.count("store_order") == 1  # the invoice sale's; the payment is no order
    [capture] = [r for r in rows if r[0] == INVOICE_CAPTURE]
    assert json.loads(capture[2])["ocr"] == ocr and json.loads(capture[2])["amount"] == 38840
    with SqlUnitOfWork(session_factory) as uow:
        inv = uow.invoices.by_ocr(ocr)
        journal = [e.kind for e in uow.journal.entries("K2")]
    assert inv.amount_due == 0 and inv.status(NOW.date()) is InvoiceStatus.PAID
    assert "invoice_payment" in journal
    receipt = [getattr(b, "text", "") or getattr(b, "left", "") for b in other.receipt(paid).blocks]
    assert "INBETALNING FAKTURA" in receipt and "Betalning faktura 1000001" in receipt
    # paying it again is refused at this store
    with pytest.raises(InvoiceError) as e:
        invoices.start_invoice_payment(other.ctx, invoices.lookup(None, other.ctx.uow, ocr,
                                                                  NOW.date()))
    assert e.value.code == "invoice.already_paid"


def test_a_paid_invoice_the_central_store_reports_is_refused(till):
    due = InvoiceDue("9000001", "9000001" + "82", 10000, 0, date(2026, 12, 1),
                     InvoiceStatus.PAID)
    with pytest.raises(InvoiceError) as e:
        invoices.start_invoice_payment(till.ctx, due)
    assert e.value.code == "invoice.already_paid"


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_registers_take_consecutive_numbers_never_the_same(session_factory):
    """Two registers' threads on one PostgreSQL take numbers at once: all distinct, no gaps."""
    taken: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def register():
        try:
            start.wait()
            for _ in range(25):
                with SqlUnitOfWork(session_factory) as uow:
                    no = uow.invoices.take_number("1")
                    uow.commit()
                taken.append(no)
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=register) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(taken) == list(range(1, 51))
    # a rolled-back number is given back: no gap
    with SqlUnitOfWork(session_factory) as uow:
        assert uow.invoices.take_number("1") == 51
    with SqlUnitOfWork(session_factory) as uow:
        assert uow.invoices.take_number("1") == 51
        assert uow.invoices.take_number("2") == 1  # another store's series


def test_goods_bought_with_an_invoice_payment_are_the_only_order_lines(till, session_factory):
    _sell_to_anna(till)
    ocr = invoices.pay_by_invoice(till.ctx, BUYER).sale.tenders[0].terminal_ref
    due = invoices.lookup(None, till.ctx.uow, ocr, NOW.date())
    invoices.start_invoice_payment(till.ctx, due)
    till.scan(ARTICLES[1].ean)  # and a coffee, in the same sale
    sale = till.pay_cash(100000).sale
    assert sale.total == 38840 + 5990
    with session_factory() as s:
        payloads = [json.loads(p) for (p,) in s.execute(text(
            "SELECT payload_json FROM outbox WHERE kind='store_order' ORDER BY id"))]
    assert [ln["sku"] for ln in payloads[-1]["lines"]] == [ARTICLES[1].sku]
    assert payloads[-1]["total"] == 5990  # the order is the coffee; the invoice is captured
