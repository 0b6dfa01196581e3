"""The Orders page's read side (``pos.queries.orders``) on SQLite and PostgreSQL: ship-to-home
orders placed here with their outbox state and central number, returns per purchase with what
was refunded, the date range and text filters, and a sale's detail with the journal entries
that name it."""
from __future__ import annotations

from datetime import date, datetime

from hardware.control_unit_simulator import SimulatedControlUnit
from pos.db.catalog_repository import CatalogRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.queries.orders import sale_detail, ship_to_home_orders, store_returns
from pos.services.returns import ReturnPick
from pos.services.setup import ensure_demo_staff
from pos.services.ship_to_home import delivery_key
from pos.services.till import Devices, Till, TillConfig
from tests.backoffice.day import Clock
from tests.backoffice.orders_day import ADDRESS
from tests.services.conftest import ARTICLES
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

TSHIRT, KAFFE, BOK = (a.ean for a in ARTICLES)


def test_ship_to_home_and_returns_read_on_both_databases(session_factory):
    sf = session_factory
    with sf() as s, s.begin():
        CatalogRepository(s).bulk_upsert(ARTICLES)
    ensure_demo_staff(SqlUnitOfWork(sf))
    clock = Clock(datetime(2026, 11, 27, 9, 0))
    till = Till(sf, Devices(RecordingPrinter(), ScriptedTerminal(), SimulatedControlUnit()),
                TillConfig(register_id="K1", card_status_interval=0), clock=clock)
    till.login("kim", "1234")
    till.open_shift(100000)
    clock.at(10, 15, date(2026, 11, 27))
    till.scan(TSHIRT)  # taken now
    till.scan(BOK, 2)  # 2 x 129,50 sent home + 49,00 shipping
    line = next(lt.line.line_id for lt in till.totals().lines if lt.line.variant.sku == "BOK-1")
    till.mark_deliver(line, True)
    till.set_delivery(ADDRESS, "web-warehouse")
    sale = till.pay_card().sale
    clock.at(11, 5, date(2026, 11, 28))  # the T-shirt comes back the next day, to its card
    bought = till.find_purchase(f"R-K1-{sale.receipt_no:06d}").purchase
    till.return_lines(bought, [ReturnPick(bought.lines[0].key, 1, "wrong_size")])
    ret = till.refund().sale

    uow = SqlUnitOfWork(sf)
    [row] = ship_to_home_orders(uow, date(2026, 11, 27), date(2026, 11, 27))
    assert (row.order_ref, row.register_id, row.receipt_no) == (
        f"L-K1-{sale.receipt_no:06d}", "K1", sale.receipt_no)
    assert (row.amount, row.shipping_fee, row.cashier, row.customer) == (
        25900 + 4900, 4900, "Kim Kassör", "Anna Svensson")
    assert (row.outbox.status, row.central_order_id, row.display_id) == ("pending", "", None)
    assert row.outbox.local_only
    assert ship_to_home_orders(uow, date(2026, 11, 28), date(2026, 11, 30)) == []
    assert ship_to_home_orders(uow, None, None, text="anna")[0].sale_id == sale.id
    assert ship_to_home_orders(uow, None, None, text="zzz") == []

    with uow:  # the outbox sent it: the central order's id and number
        msg = uow.outbox.by_key(delivery_key(sale.id))
        uow.outbox.mark_sent(msg.id, "order_01ABC #1042", datetime(2026, 11, 27, 10, 16))
        uow.commit()
    [row] = ship_to_home_orders(uow, None, None, text="#1042")
    assert (row.outbox.status, row.central_order_id, row.display_id) == (
        "sent", "order_01ABC", 1042)
    assert not row.outbox.local_only

    [r] = store_returns(uow, date(2026, 11, 28), date(2026, 11, 28))
    assert (r.sale_id, r.purchase, r.kind, r.units, r.amount, r.refunded, r.refund_central) == (
        ret.id, f"R-K1-{sale.receipt_no:06d}", "store_sale", 1, 19900, 19900, 0)
    assert r.outbox.status == "pending" and r.return_id == ""
    assert store_returns(uow, date(2026, 11, 27), date(2026, 11, 27)) == []
    assert store_returns(uow, None, None, text=f"K1 {ret.receipt_no}")[0].sale_id == ret.id

    detail = sale_detail(uow, sale.id)
    assert detail is not None and detail.delivery is not None
    assert [ln.sku for ln in detail.sale.lines] == ["TSH-1", "BOK-1", "POS-FRAKT"]
    # the journal entries that name the sale: the sale itself and the return of its T-shirt
    assert sorted(e.kind for e in detail.journal if e.kind in ("sale", "return")) == [
        "return", "sale"]
