"""Click & collect, ship-to-store and pay in store, end to end on the real local Medusa and the
till's own database (SQLite and PostgreSQL): web orders placed by a shopper through the store API
(publishable key, the customer's own login), received, paid and handed over at the till; checked
in Medusa (payment, fulfilments, stock per location, no second order) and in the till (sale,
receipt, journal, outbox)."""
from __future__ import annotations

import subprocess
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from integrations.medusa.store import MedusaStore, read_state
from integrations.notifications import RecordingNotifier
from pos.demo.catalog import demo_variants, load_demo_catalog
from pos.db.unit_of_work import SqlUnitOfWork
from pos.pickups import PickupError, PickupStage
from pos.receipt_lines import Paper, as_text, lay_out
from pos.receipt_layout import sale_receipt
from pos.services.pickups import PICKUP_HANDED_OVER, PICKUP_IN_SALE, PICKUP_RECEIVED
from pos.services.setup import ensure_demo_staff
from pos.services.till import Devices, Till, TillConfig
from pos.sync.outbox import DEFAULT_HANDLERS, OutboxWorker, utc_now
from pos.sync.pickup_events import pickup_handlers, pickup_key
from pos.sync.sale_events import sale_key
from tests.integration.medusa.conftest import SCRIPT
from tests.integration.medusa.shopper import Shopper
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

pytestmark = [pytest.mark.medusa, pytest.mark.timeout(900)]

HERE = "store-gbg"


@pytest.fixture
def till(medusa_state, session_factory):
    sf = session_factory
    with sf() as s, s.begin():
        load_demo_catalog(s)
    ensure_demo_staff(SqlUnitOfWork(sf))
    store = MedusaStore.from_state(location_key=HERE)
    t = Till(sf, Devices(RecordingPrinter(), ScriptedTerminal(), SimulatedControlUnit()),
             TillConfig(card_status_interval=0, register_id=f"P{uuid.uuid4().hex[:4]}"))
    t.pickups = store.pickups
    t.notifier = RecordingNotifier()
    t.login("kim", "1234")
    t.open_shift(100000)
    return t, sf, store


def stock(store: MedusaStore, sku: str) -> dict[str, tuple[int, int]]:
    return {lv.location_id: (lv.stocked, lv.reserved) for lv in store.catalog.stock_levels([sku])}


def skus_where(store: MedusaStore, till: Till, wanted) -> list[str]:
    """Articles of the till's catalogue whose stock per location satisfies ``wanted``."""
    skus = [v.sku for v in demo_variants() if not v.sold_by_weight][:400]
    levels: dict[str, dict[str, int]] = {}
    for lv in store.catalog.stock_levels(skus):
        levels.setdefault(lv.variant_id, {})[lv.location_id] = lv.stocked - lv.reserved
    found = [sku for sku, at in levels.items() if wanted(at)]
    assert found, "the seeded stock has no article that fits"
    return found


def worker(sf, store: MedusaStore, clock) -> OutboxWorker:
    return OutboxWorker(SqlUnitOfWork(sf), store.orders, clock=clock,
                        handlers={**DEFAULT_HANDLERS, **pickup_handlers(store)})


def admin_order(store: MedusaStore, order_id: str) -> dict:
    return store.client.admin("GET", f"/admin/orders/{order_id}", params={"fields": (
        "id,display_id,total,payment_status,fulfillment_status,metadata,*items,"
        "*fulfillments,*payment_collections,*payment_collections.payments")})["order"]


def orders_since(store: MedusaStore, channel: str, since: datetime) -> list[dict]:
    page = store.client.admin("GET", "/admin/orders", params={
        "sales_channel_id[]": [store.ids["sales_channels"][channel]], "limit": 200,
        "created_at[$gte]": since.isoformat().replace("+00:00", "Z"),
        "fields": "id,metadata,*items"})
    return page["orders"]


def warehouse_sends(store: MedusaStore, order_id: str) -> None:
    """The web warehouse packs the parcel for the store and records it (its own system: the
    admin API): a fulfilment from the warehouse, shipped."""
    o = admin_order(store, order_id)
    items = [{"id": it["id"], "quantity": it["quantity"]} for it in o["items"]]
    store.client.admin("POST", f"/admin/orders/{order_id}/fulfillments", json={
        "location_id": store.ids["stock_locations"]["web-warehouse"], "items": items})
    fulfilment = admin_order(store, order_id)["fulfillments"][-1]
    store.client.admin("POST", f"/admin/orders/{order_id}/fulfillments/{fulfilment['id']}"
                               "/shipments", json={"items": items})


def journal(sf, register_id: str) -> list:
    with SqlUnitOfWork(sf) as uow:
        return list(uow.journal.entries(register_id))


def test_a_ship_to_store_order_is_received_paid_with_a_store_article_and_handed_over(till):
    t, sf, store = till
    start = datetime.now(timezone.utc) - timedelta(seconds=2)
    # an article only the web warehouse has (Medusa reserves at the first location with it)
    from_warehouse = skus_where(store, t, lambda at: at.get(HERE, 0) <= 0
                                and at.get("store-sthlm", 0) <= 0
                                and at.get("web-warehouse", 0) >= 5)[0]
    here_sku = skus_where(store, t, lambda at: at.get(HERE, 0) >= 3)[0]
    shopper = Shopper(store.ids).register()
    placed = shopper.order_for_pickup([(from_warehouse, 2)], HERE, pay_in_store=True)
    warehouse_before = stock(store, from_warehouse)["web-warehouse"]

    # In the till's list: unpaid, waiting at the warehouse
    order = next(o for o in t.pickup_list() if o.id == placed["id"])
    assert (order.paid, order.stage, order.source_location) == (False, PickupStage.WAITING,
                                                                "web-warehouse")
    assert order.ship_to_store and order.payment_status == "authorized"

    warehouse_sends(store, order.id)
    assert t.find_pickup(order.number).stage is PickupStage.ON_THE_WAY  # typed number finds it
    assert stock(store, from_warehouse)["web-warehouse"][0] == warehouse_before[0] - 2

    # The parcel arrives: its QR code scanned, the customer told
    received = t.receive_pickup(f"https://shop.omnihandeln.se/account/orders/{order.id}")
    assert received.stage is PickupStage.READY and received.arrived_at and received.notified_at
    (notice,) = t.notifier.sent
    assert (notice.order_id, notice.to) == (order.id, shopper.email)
    assert t.receive_pickup(order.id).stage is PickupStage.READY  # again: nothing more
    assert len(t.notifier.sent) == 1
    meta = admin_order(store, order.id)["metadata"]
    assert meta["pos_pickup_arrived_location"] == HERE and meta["pos_pickup_notified_at"]

    # Paid at the till with a store article in the same checkout
    t.pay_pickup(received)
    with pytest.raises(PickupError) as twice:
        t.pay_pickup(received)
    assert twice.value.code == "pickup.already_in_sale"
    article = t.lookup(here_sku)
    totals = t.scan(article.ean or article.sku)
    assert totals.total == order.total + article.price
    sale = t.pay_card().sale
    assert sale is not None and sale.total == order.total + article.price
    assert [ln.order_id for ln in sale.lines] == [order.id, ""]
    text = as_text(lay_out(sale_receipt(sale, t.config.store, "CU"), Paper()))
    assert f"Webborder #{order.number}" in text

    # The outbox tells the central store: the store order (the article only), the order paid
    # and handed over; again: nothing twice
    clock = [utc_now()]
    report = worker(sf, store, lambda: clock[0]).run_once()
    assert sorted(report.sent) == sorted([sale_key(sale.id), pickup_key(order.id)]), report
    assert worker(sf, store, lambda: clock[0]).run_once().sent == []

    after = admin_order(store, order.id)
    assert after["payment_status"] == "captured"
    assert after["fulfillment_status"] == "delivered"
    (fulfilment,) = after["fulfillments"]
    assert fulfilment["delivered_at"]
    assert fulfilment["location_id"] == store.ids["stock_locations"]["web-warehouse"]
    handover = after["metadata"]["pos_pickup_handover"]
    assert (handover["sale_id"], handover["receipt_no"], handover["paid_here_ore"],
            handover["location"]) == (sale.id, sale.receipt_no, order.total, HERE)
    (payment,) = [p for pc in after["payment_collections"] for p in pc["payments"]]
    assert payment["captured_at"]

    store_order = store.orders.find_order_by_key(sale_key(sale.id))
    assert store_order is not None and store_order.total == article.price
    new_store_orders = {o["id"]: o for o in orders_since(store, HERE, start)}
    assert [it["variant_sku"] for it in new_store_orders[store_order.id]["items"]] == [here_sku]
    assert not [o for o in new_store_orders.values()  # no store order has the web order's goods
                if any(it["variant_sku"] == from_warehouse for it in o["items"])]
    web_orders = [o for o in orders_since(store, "web", start)
                  if any(it["variant_sku"] == from_warehouse for it in o["items"])]
    assert [o["id"] for o in web_orders] == [order.id]  # no second order for its goods
    assert stock(store, from_warehouse)["web-warehouse"][0] == warehouse_before[0] - 2
    assert t.find_pickup(order.id).stage is PickupStage.COLLECTED

    kinds = [e.kind for e in journal(sf, t.register_id)]
    assert kinds.count(PICKUP_RECEIVED) == 1 and kinds.count(PICKUP_IN_SALE) == 1
    assert kinds.count("sale") == 1
    report = t.x_report()[0]  # registered as any sale: in the X figures with its tender
    assert (report.sales_count, report.gross_sales) == (1, sale.total)
    assert dict(report.tenders) == {"card": sale.total}


def test_a_paid_click_and_collect_order_is_handed_over_without_a_sale(till):
    t, sf, store = till
    here_sku = skus_where(store, t, lambda at: at.get(HERE, 0) >= 3)[-1]
    everywhere = stock(store, here_sku)
    before = everywhere[HERE]
    shopper = Shopper(store.ids).register()
    placed = shopper.order_for_pickup([(here_sku, 1)], HERE, pay_in_store=False)
    order = t.find_pickup(placed["id"])
    assert order.paid and order.payment_status == "authorized"  # paid online
    # Medusa reserved it at the first of the web channel's locations that has it (maybe
    # another store): the staff take it from this store's shelf all the same
    assert order.source_location in ("store-gbg", "store-sthlm", "web-warehouse")

    with pytest.raises(PickupError) as paid:
        t.pay_pickup(order)
    assert paid.value.code == "pickup.already_paid"
    t.hand_over_pickup(order)
    with pytest.raises(PickupError) as again:
        t.hand_over_pickup(order)
    assert again.value.code == "pickup.handed_over_here"
    assert t.cart.is_empty

    clock = [utc_now()]
    assert worker(sf, store, lambda: clock[0]).run_once().sent == [pickup_key(order.id)]
    after = admin_order(store, order.id)
    assert after["fulfillment_status"] == "delivered"
    (fulfilment,) = after["fulfillments"]
    assert fulfilment["location_id"] == store.ids["stock_locations"][HERE]
    assert fulfilment["delivered_at"]
    # it left this store's stock; its reservation (wherever Medusa made it) is let go
    after_stock = stock(store, here_sku)
    assert after_stock[HERE] == (before[0] - 1, before[1])
    assert {k: r for k, (_, r) in after_stock.items()} == {k: r for k, (_, r) in
                                                           everywhere.items()}
    assert {k: n for k, (n, _) in after_stock.items() if k != HERE} == {
        k: n for k, (n, _) in everywhere.items() if k != HERE}
    with SqlUnitOfWork(sf) as uow:
        assert uow.sales.recent(t.register_id) == []
    (entry,) = [e for e in journal(sf, t.register_id) if e.kind == PICKUP_HANDED_OVER]
    assert entry.payload["order_id"] == order.id and entry.payload["paid_here"] == 0


def test_another_stores_order_is_not_taken_here(till):
    t, sf, store = till
    sku = skus_where(store, t, lambda at: at.get("store-sthlm", 0) >= 2)[0]
    placed = Shopper(store.ids).register().order_for_pickup([(sku, 1)], "store-sthlm", True)
    with pytest.raises(PickupError) as other:
        t.find_pickup(placed["id"])
    assert other.value.code == "pickup.not_this_store"
    with pytest.raises(PickupError) as none:
        t.find_pickup("order_01NOSUCHORDER0000000000000")
    assert none.value.code == "pickup.not_found"


def medusa(action: str) -> None:
    run = subprocess.run(["bash", str(SCRIPT), action], capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]


def test_paying_while_the_central_store_is_down_marks_the_order_paid_once_when_it_is_back(till):
    t, sf, store = till
    sku = skus_where(store, t, lambda at: at.get("web-warehouse", 0) >= 5)[1]
    placed = Shopper(store.ids).register().order_for_pickup([(sku, 1)], HERE, pay_in_store=True)
    order = t.receive_pickup(placed["id"])  # received while the store answers
    t.pay_pickup(order)

    medusa("stop")
    try:
        down = MedusaStore.from_state(location_key=HERE, retries=0)
        sale = t.pay_card().sale  # the till sells on
        assert sale is not None and sale.total == order.total
        clock = [utc_now()]
        report = worker(sf, down, lambda: clock[0]).run_once()
        assert report.failed and not report.sent
    finally:
        medusa("start")

    up = MedusaStore.from_state(location_key=HERE)
    assert up.ids["url"] == read_state()["url"]
    clock[0] += timedelta(hours=1)  # past the backoff
    assert worker(sf, up, lambda: clock[0]).run_once().sent == [pickup_key(order.id)]
    assert worker(sf, up, lambda: clock[0]).run_once().sent == []
    after = admin_order(up, order.id)
    assert after["payment_status"] == "captured" and after["fulfillment_status"] == "delivered"
    payments = [p for pc in after["payment_collections"] for p in pc["payments"]]
    assert len(payments) == 1 and payments[0]["captured_at"]  # captured once, not twice
    assert up.orders.find_order_by_key(sale_key(sale.id)) is None  # no store order at all


def test_the_operator_sees_the_seeded_pickups_with_their_status(medusa_state, tmp_path,
                                                                 monkeypatch, capsys):
    import json

    import main
    import wiring
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(wiring, "build_commerce_store",
                        lambda cfg: MedusaStore.from_state(location_key=HERE))
    assert main.main(["orders", "pickups", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["orders"]}
    seeded = read_state()["web_orders"]
    sent = rows[seeded["web-ship-to-store-gbg-1"]]
    assert (sent["status"], sent["paid"], sent["ship_to_store"], sent["from_location"]) == (
        "on_the_way", False, True, "web-warehouse")
    waiting = rows[seeded["web-ship-to-store-gbg-2"]]
    assert (waiting["status"], waiting["paid"]) == ("waiting", False)
    paid_online = rows[seeded["web-pickup-gbg-1"]]
    assert paid_online["paid"] and paid_online["from_location"] == HERE
    assert seeded["web-pickup-sthlm-1"] not in rows  # Stockholm's
    assert all(r["total_ore"] > 0 for r in rows.values())
