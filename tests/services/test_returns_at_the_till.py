"""Returns at the till (issue 11) on SQLite and PostgreSQL, with the card terminals' own
protocols (the nexo and Concert simulators): a card sale returned partly twice and refunded on
the terminal by its reference, the third attempt refused; two registers returning the last unit
of one sale at once, one of them refused; the journal and the return receipt."""
import threading
from decimal import Decimal

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from hardware.simulators.concert_terminal import ConcertSimulator
from hardware.simulators.nexo_terminal import NexoSimulator
from hardware.terminals.factory import make_terminal
from pos.cart import Discount
from pos.db.unit_of_work import SqlUnitOfWork
from pos.queries.journal import verify_journals
from pos.queries.returns import recent_returns
from pos.receipt_layout import sale_receipt
from pos.returns import ReturnError
from pos.services.returns import ReturnPick
from pos.services.till import Devices, Till, TillConfig
from tests.services.conftest import ARTICLES
from tests.services.fakes import RecordingPrinter

TSHIRT, COFFEE, BOOK = ARTICLES


def till_on(session_factory, terminal, register="K1"):
    t = Till(session_factory, Devices(RecordingPrinter(), terminal, SimulatedControlUnit()),
             TillConfig(register_id=register, card_status_interval=0))
    t.login("kim", "1234")
    t.open_shift(100000)
    return t


def return_and_refund(till, code, picks):
    view = till.find_purchase(code)
    till.return_lines(view.purchase, [ReturnPick(*p) for p in picks])
    return till.refund().sale


@pytest.fixture
def stocked(make_till):
    make_till()  # the catalogue and the demo staff in the database


@pytest.mark.parametrize("simulator", ["nexo", "concert"])
def test_a_card_sale_is_returned_partly_twice_on_the_terminal_then_refused(
        session_factory, stocked, simulator):
    sim = NexoSimulator(port=0) if simulator == "nexo" else ConcertSimulator(ack_timeout=0.3)
    with sim:
        till = till_on(session_factory, make_terminal(sim.url))
        till.scan(TSHIRT.ean, 3)
        till.scan(COFFEE.ean)
        till.discount_line(1, Discount(percent=Decimal(7)))
        till.start_payment()
        sale = till.pay_card().sale
        # 3 x 199,00 less 7 % = 555,21; coffee 59,90: 615,11 on the card
        assert sale.total == 61511 and sale.tenders[0].amount == 61511
        first = return_and_refund(till, sale.receipt_code, [("1", 1, "wrong_size")])
        second = return_and_refund(till, sale.receipt_code, [("1", 1, "changed_mind"),
                                                             ("2", 1, "defect")])
        # 555,21 over three shirts: 185,07 + 185,07 (+ 185,07 left)
        assert first.total == -18507 and second.total == -(18507 + 5990)
        assert [(t.method.id, t.amount, t.refund_of) for t in first.tenders] == [
            ("card", -18507, sale.tenders[0].terminal_ref)]
        assert sim.charged_total == 61511 - 18507 - 18507 - 5990
        with pytest.raises(ReturnError, match="at most 1 can be returned"):
            till.return_lines(till.find_purchase(sale.receipt_code).purchase,
                              [ReturnPick("1", 2, "wrong_size")])
        assert till.cart.is_empty
    uow = SqlUnitOfWork(session_factory)
    assert all(j.ok for j in verify_journals(uow)), [j.problems for j in verify_journals(uow)]
    rows = recent_returns(uow)
    assert [(r.receipt_no, r.refunded, r.refunds, r.units) for r in rows] == [
        (3, 24497, (("card", 24497),), 2), (2, 18507, (("card", 18507),), 1)]
    # the central store was not asked (none here): returned against this store's record
    assert all(r.central == "pending" and r.review for r in rows)
    doc = sale_receipt(second, till.config.store, "CU1")
    text = doc.plain_text()
    assert doc.kind == "return" and "RETURKVITTO" in text
    assert f"Retur av kvitto {sale.receipt_code}" in text and "Kasseras" in text
    assert "Återbetalt Kort" in text and "-245,00" not in text and "-244,97" in text


def test_two_registers_returning_the_last_unit_at_once_return_it_once(session_factory, stocked):
    with NexoSimulator(port=0) as sim:
        k1 = till_on(session_factory, make_terminal(sim.url), "K1")
        k2 = till_on(session_factory, make_terminal(sim.url), "K2")
        k1.scan(BOOK.ean)
        k1.start_payment()
        sale = k1.pay_cash(20000).sale
        for t in (k1, k2):
            view = t.find_purchase(sale.receipt_code)
            t.return_lines(view.purchase, [ReturnPick("1", 1, "changed_mind")])
        start = threading.Barrier(2)
        outcome = {}

        def refund(t):
            start.wait()
            try:
                outcome[t.register_id] = t.refund().sale
            except ReturnError as e:
                outcome[t.register_id] = e
        threads = [threading.Thread(target=refund, args=(t,)) for t in (k1, k2)]
        for th in threads:
            th.start()
        for th in threads:
            th.join(30)
    done = [v for v in outcome.values() if not isinstance(v, Exception)]
    refused = [v for v in outcome.values() if isinstance(v, ReturnError)]
    assert len(done) == 1 and len(refused) == 1, outcome
    assert "returned meanwhile" in str(refused[0])
    assert done[0].total == -12950
    assert len(recent_returns(SqlUnitOfWork(session_factory))) == 1


def test_this_stores_synced_stock_goes_down_for_a_sale_and_up_for_what_comes_back(
        session_factory, stocked):
    from pos.stock import StockLevel

    with session_factory() as s, s.begin():
        from pos.db.catalog_repository import CatalogRepository
        CatalogRepository(s).set_stock([StockLevel(TSHIRT.id, "store-gbg", "Butik Göteborg", 10, 1),
                                        StockLevel(TSHIRT.id, "store-sthlm", "Butik Sthlm", 4)])
    till = till_on(session_factory, make_terminal("simulator"))
    till.scan(TSHIRT.ean, 3)
    till.start_payment()
    sale = till.pay_cash(60000).sale
    return_and_refund(till, sale.receipt_code, [("1", 1, "wrong_size")])
    return_and_refund(till, sale.receipt_code, [("1", 1, "defect")])  # written off
    with session_factory() as s:
        from pos.db.catalog_repository import CatalogRepository
        levels = {lv.location_id: (lv.stocked, lv.available)
                  for lv in CatalogRepository(s).stock_for(TSHIRT.id)}
    assert levels == {"store-gbg": (8, 7), "store-sthlm": (4, 4)}
