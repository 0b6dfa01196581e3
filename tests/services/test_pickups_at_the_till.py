"""A web order paid at the till survives a crash in the middle of its payment (SQLite and
PostgreSQL): the restarted till has the order's lines as the order's, takes the rest of the
payment, and the sale's outbox messages leave the order's goods out of the store order."""
from __future__ import annotations

from pos.db.unit_of_work import SqlUnitOfWork
from pos.sync.pickup_events import pickup_key
from pos.sync.sale_events import sale_key
from tests.fakes.pickups import FakePickups, pickup_order
from tests.services.conftest import ARTICLES

TSHIRT, KAFFE, BOK = ARTICLES


def test_a_pickup_paid_half_in_cash_survives_a_crash_and_is_finished_after_it(
        make_till, session_factory):
    order = pickup_order(1042, [(TSHIRT, 2), (BOK, 1)], off=3333)  # 494,17 kr
    till = make_till()
    till.pickups = FakePickups(order)
    till.login("kim", "1234")
    till.open_shift(100000)
    till.pay_pickup(till.find_pickup("1042"))
    till.scan(KAFFE.ean)
    till.start_payment()
    till.pay_cash(20000)  # 200 kr in cash, then the till dies

    again = make_till()  # the restart: the sale and its payment come back from the database
    again.login("kim", "1234")
    lines = again.cart.lines
    assert [ln.order_no for ln in lines] == ["1042", "1042", ""]
    assert again.payment is not None and again.payment.paid == 20000
    view = again.pay_card()
    sale = view.sale
    assert sale is not None and sale.total == 49417 + 5990
    with SqlUnitOfWork(session_factory) as uow:
        stored = uow.sales.get(sale.id)
        assert [(ln.order_id, ln.order_no) for ln in stored.lines] == [
            (order.id, "1042"), (order.id, "1042"), ("", "")]
        store_order = uow.outbox.by_key(sale_key(sale.id))
        handover = uow.outbox.by_key(pickup_key(order.id))
        assert store_order is not None and handover is not None
        assert '"KAF-1"' in store_order.payload_json and '"TSH-1"' not in store_order.payload_json
        assert '"paid_here": 49417' in handover.payload_json
