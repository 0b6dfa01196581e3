"""The back office's dashboard figures (``pos.queries.dashboard``) equal the Z reports of the
same shifts and the journal's sale lines: sales made through the till's own use cases on two
registers of one database (SQLite and PostgreSQL), with mixed VAT, discounts, split tenders and
cash rounding, plus sales outside the day that must not count."""
from datetime import date, datetime
from decimal import Decimal

from hardware.control_unit_simulator import SimulatedControlUnit
from pos.cart import Discount
from pos.db.catalog_repository import CatalogRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.journal import Kind
from pos.queries.dashboard import dashboard, dashboard_from_sales
from pos.queries.sales import recent_sales
from pos.services.returns import ReturnPick
from pos.services.setup import ensure_demo_staff
from pos.services.till import Devices, Till, TillConfig
from pos.vat import VatLine, VatRate
from tests.services.conftest import ARTICLES
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

TSHIRT, KAFFE, BOK = (a.ean for a in ARTICLES)
DAY = date(2026, 11, 27)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 23, 50)

    def __call__(self) -> datetime:
        return self.now

    def at(self, d: date, h: int, m: int) -> None:
        self.now = datetime(d.year, d.month, d.day, h, m)


def _till(session_factory, register_id: str, clock: Clock) -> Till:
    till = Till(session_factory, Devices(RecordingPrinter(), ScriptedTerminal(),
                                         SimulatedControlUnit()),
                TillConfig(register_id=register_id, card_status_interval=0), clock=clock)
    till.login("kim", "1234")
    return till


def _close(till: Till):
    expected = till.x_report()[0].expected_cash
    report, _doc = till.close_shift(counted_cash=expected)
    return report


def the_day(session_factory):
    """The day's sales (see the module's doc) on K1 and K2, both closed with a Z report, a sale
    the evening before and one the day after; returns the two Z reports."""
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert(ARTICLES)
    ensure_demo_staff(SqlUnitOfWork(session_factory))
    clock = Clock()
    k1, k2 = _till(session_factory, "K1", clock), _till(session_factory, "K2", clock)

    # the evening before: a sale on K1 in a shift of its own, closed before the day
    k1.open_shift(100000)
    k1.scan(BOK)
    k1.pay_cash(20000)
    _close(k1)

    clock.at(DAY, 8, 55)
    k1.open_shift(150000)
    k2.open_shift(100000)
    clock.at(DAY, 9, 15)  # T-shirt and coffee, 7 % off the coffee, cash with rounding
    k1.scan(TSHIRT)
    k1.scan(KAFFE)
    k1.discount_line(k1.totals().lines[1].line.line_id, Discount(percent=Decimal(7)))
    k1.pay_cash(30000)
    clock.at(DAY, 10, 5)  # two coffees and a T-shirt on K2, by card
    k2.scan(KAFFE, 2)
    k2.scan(TSHIRT)
    card_sale = k2.pay_card().sale
    clock.at(DAY, 10, 40)  # three books, 5 % off the sale, 100 kr by card and the rest in cash
    k1.scan(BOK, 3)
    k1.discount_cart(Discount(percent=Decimal(5)))
    k1.pay_card(10000)
    k1.pay_cash(40000)
    clock.at(DAY, 13, 10)  # one coffee of the card sale comes back to K2: refunded to the card
    bought = k2.find_purchase(card_sale.receipt_code).purchase
    coffee = next(ln.key for ln in bought.lines if ln.sku == "KAF-1")
    k2.return_lines(bought, [ReturnPick(coffee, 1, "changed_mind")])
    returned = k2.refund().sale
    assert returned.total == -5990 and returned.tenders[0].amount == -5990
    clock.at(DAY, 14, 20)  # a book on K2, exact cash
    k2.scan(BOK)
    k2.pay_cash(12950)
    clock.at(DAY, 16, 0)  # an exchange on K1: the morning's T-shirt back, a book instead
    first_sale = [x for x in recent_sales(SqlUnitOfWork(session_factory), "K1", 10)
                  if x.completed_at.hour == 9][0]
    bought = k1.find_purchase(first_sale.receipt_code).purchase
    shirt = next(ln.key for ln in bought.lines if ln.sku == "TSH-1")
    k1.return_lines(bought, [ReturnPick(shirt, 1, "wrong_size")])
    k1.scan(BOK)
    exchange = k1.refund().sale  # 199,00 back, 129,50 sold: 69,50 in cash, rounded
    assert exchange.total == 12950 - 19900 and [ln.is_return for ln in exchange.lines] == [
        True, False]
    clock.at(DAY, 17, 30)
    z1, z2 = _close(k1), _close(k2)

    clock.at(date(2026, 11, 28), 0, 5)  # the next day: a sale that must not count
    k2.open_shift(100000)
    k2.scan(KAFFE)
    k2.pay_card()
    return z1, z2


def test_the_days_figures_equal_the_z_reports_and_the_journal(session_factory):
    z1, z2 = the_day(session_factory)
    d = dashboard(SqlUnitOfWork(session_factory), DAY)

    # against the two Z reports
    # four sales and an exchange (a sale too); a return and the exchange took something back
    assert d.receipts == z1.sales_count + z2.sales_count == 5
    assert d.gross_sales == z1.gross_sales + z2.gross_sales
    assert d.net_sales == d.gross_sales - d.returns_total
    assert d.returns_count == z1.returns_count + z2.returns_count == 2
    assert d.returns_total == z1.returns_total + z2.returns_total == 5990 + 19900
    refunds: dict[str, int] = {}
    for z in (z1, z2):
        for method, amount in z.refunds:
            refunds[method] = refunds.get(method, 0) + amount
    assert {m.method_id: m.refunded for m in d.per_method if m.refunded} == refunds == {
        "card": 5990, "cash": 7000}
    returns_vat: dict[VatRate, list[int]] = {}
    for z in (z1, z2):
        for v in z.returns_vat:
            returns_vat.setdefault(v.rate, [0, 0])
            returns_vat[v.rate][0] += v.gross
            returns_vat[v.rate][1] += v.vat
    assert {v.rate: [v.gross, v.vat] for v in d.returns_vat} == returns_vat
    assert d.discounts == z1.discounts_total + z2.discounts_total
    assert d.rounding == z1.rounding_total + z2.rounding_total
    assert d.items == z1.item_count + z2.item_count == 10
    tenders: dict[str, int] = {}
    for z in (z1, z2):
        for method, amount in z.tenders:
            tenders[method] = tenders.get(method, 0) + amount
    assert {m.method_id: m.amount for m in d.per_method} == tenders
    vat: dict[VatRate, list[int]] = {}
    for z in (z1, z2):
        for v in z.vat:
            vat.setdefault(v.rate, [0, 0])
            vat[v.rate][0] += v.gross
            vat[v.rate][1] += v.vat
    assert {v.rate: [v.gross, v.vat] for v in d.per_vat} == vat
    assert d.tendered == d.net_sales + d.rounding

    # the exact figures, worked out by hand (öre that do not divide evenly)
    coffee_off = 419  # 7 % of 59,90 kr = 4,193 kr
    books = 3 * 12950 - 1943  # 5 % of 388,50 kr = 19,425 kr, rounded half up
    assert d.gross_sales == ((19900 + 5990 - coffee_off) + (2 * 5990 + 19900) + books + 12950
                             + 12950)
    assert d.net_sales == d.gross_sales - 5990 - 19900
    assert d.average_basket == round(d.gross_sales / 5)
    assert dict(d.per_hour)[9] == 19900 + 5990 - coffee_off
    assert dict(d.per_hour)[10] == 2 * 5990 + 19900 + books
    assert dict(d.per_hour)[14] == 12950 and dict(d.per_hour)[0] == 0
    assert dict(d.per_hour)[13] == -5990 and dict(d.per_hour)[16] == 12950 - 19900
    assert sum(a for _, a in d.per_hour) == d.net_sales
    assert [(r.register_id, r.receipts) for r in d.per_register] == [("K1", 3), ("K2", 2)]
    top = d.top_articles[0]
    assert (top.sku, top.quantity, top.total) == ("BOK-1", 5, books + 2 * 12950)
    assert [a.sku for a in d.top_articles] == ["BOK-1", "TSH-1", "KAF-1"]
    assert {a.sku: a.quantity for a in d.top_articles} == {"TSH-1": 1, "BOK-1": 5, "KAF-1": 2}
    assert {a.sku: a.total for a in d.top_articles} == {
        "TSH-1": 19900, "BOK-1": books + 2 * 12950, "KAF-1": 5990 - coffee_off + 5990}

    # against the journal: the day's sale and return lines of both registers
    uow = SqlUnitOfWork(session_factory)
    journaled_total, journaled_vat, journaled_tenders = 0, {}, {}
    with uow:
        for register_id in ("K1", "K2"):
            for e in uow.journal.entries(register_id):
                # a receipt that took something back is journaled as a return
                if (e.kind not in (Kind.SALE, Kind.RETURN)
                        or not e.ts.startswith(DAY.isoformat())):
                    continue
                p = e.payload
                journaled_total += p["total"]
                for rate, gross, v in p["vat"]:
                    g = journaled_vat.setdefault(rate, [0, 0])
                    g[0] += gross
                    g[1] += v
                for method, amount in p["tenders"]:
                    journaled_tenders[method] = journaled_tenders.get(method, 0) + amount
    assert journaled_total == d.net_sales
    assert journaled_vat == {v.rate.value: [v.gross, v.vat] for v in d.per_vat}
    assert journaled_tenders == {m.method_id: m.amount for m in d.per_method}
    # the SQL's figures (GROUP BY) are the ones added up from the sales read as objects
    assert dashboard_from_sales(SqlUnitOfWork(session_factory), DAY) == d


def test_a_range_of_days_and_a_day_without_sales(session_factory):
    d = dashboard(SqlUnitOfWork(session_factory), DAY, date(2026, 11, 20))
    assert (d.first, d.last, d.receipts, d.net_sales, d.average_basket) == (
        date(2026, 11, 20), DAY, 0, 0, 0)
    assert len(d.per_hour) == 24 and d.per_method == () and d.top_articles == ()
    assert VatLine  # the per-rate lines are pos.vat's own
