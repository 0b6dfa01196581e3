"""The fresh user's day on SQLite and PostgreSQL: goods sold on invoice (Faktura), that invoice
paid at the till (a 0 % line "Betalning faktura N"), a 1 000 kr gift card sold (a multi-purpose
voucher). Sales, VAT per rate, receipts, average basket and items count the goods once; the X/Z
report, the dashboard and the VAT report show the invoice paid and the gift card sold apart
("Inbetalda fakturor", "Sålda presentkort"); the tenders and the drawer's cash still add up."""
from datetime import datetime

import pytest

from pos.db.unit_of_work import SqlUnitOfWork
from pos.invoices import Buyer, InvoiceRules
from pos.queries.dashboard import dashboard
from pos.queries.vat_report import vat_report
from pos.services import invoices
from pos.vat import VatRate
from tests.services.conftest import ARTICLES
from tests.services.fakes import ANNA

RULES = InvoiceRules(series="1", days=30, bankgiro="123-4567", credit_limit=100000)
BUYER = Buyer(ANNA.id, ANNA.name, ("Storgatan 1", "411 01 Göteborg"), ANNA.email)
NOW = datetime(2026, 11, 30, 10, 0)
_, COFFEE, BOOK = ARTICLES  # 59,90 (12 %) + 129,50 (6 %) = 189,40


@pytest.fixture
def day(make_till):
    till = make_till(invoice=RULES)
    till.ctx.clock = lambda: NOW
    till.login("kim", "1234")
    till.open_shift(200000)
    till.scan(COFFEE.ean)
    till.scan(BOOK.ean)
    till.set_customer(ANNA)
    ocr = invoices.pay_by_invoice(till.ctx, BUYER).sale.tenders[0].terminal_ref
    due = invoices.lookup(None, till.ctx.uow, ocr, NOW.date())
    invoices.start_invoice_payment(till.ctx, due)
    paid = till.pay_cash(20000).sale  # 189,40 rounded to 189 kr in cash
    assert paid.rounding == -40 and paid.change == 1100
    till.sell_gift_card(100000)
    till.pay_cash(100000)
    return till


def _lines(doc):
    return [(getattr(b, "left", None), getattr(b, "right", None)) for b in doc.blocks]


def test_the_x_and_z_reports_count_the_goods_once(day):
    for report, doc in (day.x_report(), day.close_shift(200000 + 18900 + 100000)):
        assert report.gross_sales == 18940  # not 18940 * 2 + 100000 = 137780
        assert report.sales_count == 1 and report.item_count == 2
        assert {v.rate: (v.gross, v.vat) for v in report.vat} == {
            VatRate.FOOD: (5990, 642), VatRate.REDUCED: (12950, 733)}
        assert report.invoice_payments == 18940 and report.gift_cards_sold == 100000
        # the tenders still take all of it, the drawer holds the cash of both
        assert dict(report.tenders) == {"invoice": 18940, "cash": 18900 + 100000}
        assert report.expected_cash == 200000 + 18900 + 100000 and report.variance == (
            None if report.kind == "X" else 0)
        lines = _lines(doc)
        assert ("Bruttoförsäljning", "189,40") in lines
        assert ("Inbetalda fakturor", "189,40") in lines
        assert ("Sålda presentkort", "1 000,00") in lines


def test_the_dashboard_counts_the_goods_once(day, session_factory):
    d = dashboard(SqlUnitOfWork(session_factory), NOW.date())
    assert d.gross_sales == d.net_sales == 18940 and d.receipts == 1 and d.items == 2
    assert d.average_basket == 18940 and d.vat_total == 642 + 733
    assert d.invoice_payments == 18940 and d.gift_cards_sold == 100000
    assert [(a.sku, a.total) for a in d.top_articles] == [(BOOK.sku, 12950), (COFFEE.sku, 5990)]
    assert d.per_hour[10] == (10, 18940) and d.per_register[0].net_sales == 18940
    assert d.tendered == 18940 + 18900 + 100000 == (
        d.net_sales + d.rounding + d.invoice_payments + d.gift_cards_sold)


def test_the_vat_report_counts_the_goods_once(day, session_factory):
    r = vat_report(SqlUnitOfWork(session_factory), NOW.date())
    assert [(row.rate, row.balance.gross, row.balance.vat) for row in r.rows] == [
        (VatRate.FOOD, 5990, 642), (VatRate.REDUCED, 12950, 733)]
    assert r.total.balance.gross == 18940 and r.receipts == 1
