"""A day at the store for the back office's tests and screenshots: two registers (K1, K2)
selling through the till's own use cases, an X report and a Z report, a cashier locked out, and
the outbox with sent, waiting and dead messages."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from hardware.control_unit_simulator import SimulatedControlUnit
from pos.cart import Discount
from pos.db.catalog_repository import CatalogRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.services.returns import ReturnPick
from pos.services.setup import ensure_demo_staff
from pos.services.till import Devices, Till, TillConfig
from tests.services.conftest import ARTICLES
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

TSHIRT, KAFFE, BOK = (a.ean for a in ARTICLES)
DAY = date(2026, 11, 30)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def at(self, h: int, m: int, d: date = DAY) -> None:
        self.now = datetime(d.year, d.month, d.day, h, m)


CLOCK = Clock(datetime(2026, 11, 30, 18, 5))  # the back office's: the evening of the day


def _till(sf, register_id: str, clock: Clock) -> Till:  # type: ignore[no-untyped-def]
    till = Till(sf, Devices(RecordingPrinter(), ScriptedTerminal(), SimulatedControlUnit()),
                TillConfig(register_id=register_id, card_status_interval=0), clock=clock)
    till.login("kim", "1234")
    return till


def a_day_of_sales(sf) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Sales on K1 and K2 from 09 to 17 (a T-shirt returned to K2 at 13:25, refunded to its
    card), K1 closed with a Z report, K2 read with an X report at 14:00 and left open. Returns
    the Z and X reports and the tills."""
    with sf() as s, s.begin():
        CatalogRepository(s).bulk_upsert(ARTICLES)
    ensure_demo_staff(SqlUnitOfWork(sf))
    clock = Clock(datetime(2026, 11, 30, 8, 50))
    k1, k2 = _till(sf, "K1", clock), _till(sf, "K2", clock)
    k1.open_shift(150000)
    k2.open_shift(100000)
    baskets = [(9, 12, k1, [(TSHIRT, 1), (KAFFE, 1)], "cash"),
               (9, 40, k2, [(KAFFE, 2)], "card"),
               (10, 5, k1, [(BOK, 3)], "card"),
               (11, 20, k2, [(TSHIRT, 2)], "card"),
               (12, 10, k1, [(KAFFE, 1), (BOK, 1)], "cash"),
               (12, 45, k2, [(TSHIRT, 1)], "split"),
               (13, 30, k1, [(KAFFE, 3)], "card"),
               (15, 15, k2, [(BOK, 2), (KAFFE, 1)], "cash"),
               (16, 50, k1, [(TSHIRT, 1), (BOK, 1)], "card")]
    x_report = None
    sold = []
    for h, m, till, lines, pay in baskets:
        if h == 13 and m == 30:  # a T-shirt of the 11:20 card sale comes back to K2 first
            clock.at(13, 25)
            bought = k2.find_purchase(sold[3].receipt_code).purchase
            k2.return_lines(bought, [ReturnPick(bought.lines[0].key, 1, "wrong_size")])
            k2.refund()
        if h >= 14 and x_report is None:
            clock.at(14, 0)
            x_report, _ = k2.x_report()
        clock.at(h, m)
        for code, qty in lines:
            till.scan(code, qty)
        if h == 10:
            till.discount_cart(Discount(percent=Decimal(5)))
        total = till.totals().total
        if pay == "cash":
            view = till.pay_cash(total + 1000)
        elif pay == "card":
            view = till.pay_card()
        else:
            till.pay_card(10000)
            view = till.pay_cash(total)
        sold.append(view.sale)
    clock.at(17, 30)
    expected = k1.x_report()[0].expected_cash
    z_report, _ = k1.close_shift(counted_cash=expected - 100)
    return {"z": z_report, "x": x_report, "k1": k1, "k2": k2}


def fail_one_message(sf) -> None:  # type: ignore[no-untyped-def]
    """The first sale's order is dead (the central store refused it), the second sent."""
    uow = SqlUnitOfWork(sf)
    with uow:
        rows = uow.outbox.latest(100)
        first, second = rows[-1], rows[-2]
        uow.outbox.mark_failed(first.id, "HTTP 422: variant_id vt_01 does not exist",
                               datetime(2026, 11, 30, 9, 15) - timedelta(hours=1), dead=True)
        uow.outbox.mark_sent(second.id, "order_01JDEMO", datetime(2026, 11, 30, 8, 41))
        for _ in range(3):
            uow.outbox.mark_failed(rows[0].id, "HTTPConnectionPool: Connection refused",
                                   datetime(2026, 11, 30, 17, 10), dead=False)
        uow.commit()
