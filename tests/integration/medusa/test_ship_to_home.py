"""Issue 10's 'done when' for the endless aisle, against the real local Medusa: one checkout
with an article taken now and one this store lacks, sold ship-to-home from the web warehouse.
Medusa shows the store order fulfilled here (stock down here) and an order to deliver with the
address, the warehouse's shipping method, the customer and a reservation at the warehouse
(available down, stocked unchanged until shipped); the till's database, journal and receipt
show both. Also: stock everywhere, fresh from Medusa, and the last synced figures when it
cannot be reached."""
import json
import uuid

import pytest

from integrations.medusa.store import MedusaStore
import main
from main import build_till
from pos.config import load_config
from pos.db.repositories import JournalRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.delivery import DeliveryAddress, DeliveryOrder, DeliveryOrderLine, DeliveryRules
from pos.journal import Kind
from pos.ports import CommerceUnavailable
from pos.services.ship_to_home import delivery_key, propose_location
from pos.stock import StockLevel
from pos.sync.delivery_events import delivery_status, outbox_handlers
from pos.sync.outbox import OutboxWorker
from pos.sync.sale_events import sale_key

pytestmark = pytest.mark.medusa


def levels(central, sku):
    return {lv.location_id: lv for lv in central.stock.stock_of(sku)}


def set_stock(central, sku, **by_location):
    c = central.client
    item = c.admin("GET", "/admin/inventory-items", params={"sku": sku})["inventory_items"][0]
    for key, qty in by_location.items():
        loc = central.ids["stock_locations"][key.replace("_", "-")]
        c.admin("POST", f"/admin/inventory-items/{item['id']}/location-levels/{loc}",
                json={"stocked_quantity": qty})
    return item["id"]


@pytest.fixture
def central(medusa_state):
    return MedusaStore.from_state(location_key="store-gbg")


@pytest.fixture
def till_and_ctx(central, tmp_path, monkeypatch):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    register = f"S{uuid.uuid4().hex[:5].upper()}"
    cfg = tmp_path / "pos.toml"
    cfg.write_text(f'[devices]\nprinter = "dummy"\n[register]\nid = "{register}"\n',
                   encoding="utf-8")
    till, ctx = build_till(load_config(cfg))
    till.stock_directory, till.address_book = central.stock, central.addresses
    return till, ctx


def test_one_checkout_takes_one_article_now_and_sends_one_home_from_the_warehouse(
        central, till_and_ctx, tmp_path, capsys):
    till, ctx = till_and_ctx
    articles = till.search("t-shirt", 50)
    now_article = next(v for v in articles if levels(central, v.sku)["store-gbg"].available >= 2)
    home_article = next(v for v in articles if v.sku != now_article.sku
                        and not any(lv.reserved for lv in levels(central, v.sku).values()))
    set_stock(central, home_article.sku, store_gbg=0, store_sthlm=3, web_warehouse=7)
    here_before = levels(central, now_article.sku)["store-gbg"]
    wh_before = levels(central, home_article.sku)["web-warehouse"]
    assert (wh_before.stocked, wh_before.available) == (7, 7)

    customer_id = central.ids["customers"]["anna.svensson@example.se"]
    central.client.admin("POST", f"/admin/customers/{customer_id}/addresses", json={
        "first_name": "Anna", "last_name": "Svensson", "address_1": "Storgatan 1",
        "postal_code": "11122", "city": "Stockholm", "country_code": "se",
        "phone": "+46701234567", "is_default_shipping": True})
    anna = next(c for c in central.customers.find_customers("anna.svensson@example.se"))

    till.login("kim", "1234")
    till.open_shift(100000)
    till.set_customer(anna)
    till.scan(now_article.ean)
    till.scan(home_article.ean)

    report = till.stock_report(home_article)  # what the cashier sees: none here
    assert report.fresh and report.available_here() == 0
    assert report.at("web-warehouse").available == 7
    assert report.levels[0].location_id == "store-gbg"  # this store first
    addresses = till.customer_addresses(anna.id)
    assert addresses and addresses[0].street == "Storgatan 1"
    home_line = next(lt.line.line_id for lt in till.totals().lines
                     if lt.line.variant.sku == home_article.sku)
    totals = till.mark_deliver(home_line, True)
    proposed = propose_location(DeliveryRules(), "store-gbg", till.ctx.state.cart,
                                {home_article.sku: report})
    assert proposed == "store-sthlm"  # the nearest with stock; the cashier chooses the warehouse
    by_sku = {lt.line.variant.sku: lt.total for lt in totals.lines}  # after any campaign
    now_total, home_total = by_sku[now_article.sku], by_sku[home_article.sku]
    shipping = 0 if home_total >= 50000 else 4900
    assert by_sku.get("POS-FRAKT", 0) == shipping
    assert totals.total == now_total + home_total + shipping
    till.set_delivery(addresses[0], "web-warehouse", overridden=True)
    sale = till.pay_card().sale
    assert sale is not None and sale.total == now_total + home_total + shipping
    assert till.print_sale(sale.id).ok

    worker = OutboxWorker(SqlUnitOfWork(ctx.session_factory), central.orders,
                          handlers=outbox_handlers(central.deliveries))
    report = worker.run_once()
    assert sorted(report.sent) == sorted([sale_key(sale.id), delivery_key(sale.id)])
    assert worker.run_once().sent == []  # nothing sent twice

    # Medusa: the store order, fulfilled here, only the article taken now
    store_order = central.orders.find_order_by_key(sale_key(sale.id))
    assert store_order is not None and store_order.fulfillment_status == "fulfilled"
    assert store_order.total == now_total
    o = central.client.admin("GET", f"/admin/orders/{store_order.id}",
                             params={"fields": "id,*items"})["order"]
    assert [it["variant_sku"] for it in o["items"]] == [now_article.sku]
    assert levels(central, now_article.sku)["store-gbg"].stocked == here_before.stocked - 1

    # Medusa: the order to deliver, paid, with customer, address, the warehouse's shipping
    # method, reserved at the warehouse; not fulfilled (the warehouse ships it)
    found = central.deliveries.find_delivery_order(delivery_key(sale.id))
    assert found is not None
    d = central.client.admin("GET", f"/admin/orders/{found.id}", params={
        "fields": "id,display_id,total,customer_id,email,sales_channel_id,payment_status,"
                  "fulfillment_status,metadata,*items,*shipping_address,*shipping_methods"}
    )["order"]
    assert d["customer_id"] == customer_id and d["email"] == "anna.svensson@example.se"
    assert d["payment_status"] == "captured" and d["fulfillment_status"] == "not_fulfilled"
    assert round(float(d["total"]) * 100) == home_total + shipping
    assert [(it["variant_sku"], it["quantity"]) for it in d["items"]] == [(home_article.sku, 1)]
    addr = d["shipping_address"]
    assert (addr["address_1"], addr["postal_code"], addr["city"]) == (
        "Storgatan 1", "111 22", "Stockholm")
    assert [m["shipping_option_id"] for m in d["shipping_methods"]] == [
        central.ids["shipping_options"]["shipping-web-warehouse"]]
    delivery = till.delivery_of_sale(sale.id)
    assert d["metadata"]["pos_order_ref"] == delivery.order_ref
    reservations = central.client.admin("GET", "/admin/reservations", params={
        "line_item_id[]": [it["id"] for it in d["items"]]})["reservations"]
    assert [(r["location_id"], r["quantity"]) for r in reservations] == [
        (central.ids["stock_locations"]["web-warehouse"], 1)]
    # a retry after a lost answer (the outbox sends again with the same key) finishes the
    # same order: no second order, no second reservation
    uow = SqlUnitOfWork(ctx.session_factory)
    with uow:
        payload = json.loads(uow.outbox.by_key(delivery_key(sale.id)).payload_json)
    again = central.deliveries.create_delivery_order(DeliveryOrder.from_dict(payload),
                                                     delivery_key(sale.id))
    assert again.id == found.id
    assert len(central.client.admin("GET", "/admin/reservations", params={
        "line_item_id[]": [it["id"] for it in d["items"]]})["reservations"]) == 1
    wh_after = levels(central, home_article.sku)
    assert wh_after["web-warehouse"].stocked == 7  # until it is shipped
    assert wh_after["web-warehouse"].available == 6
    assert wh_after["store-gbg"].reserved == 0  # nothing held at the store that lacks it
    assert wh_after["store-sthlm"].reserved == 0  # nor in Stockholm, which does not send it

    # the till: its database, journal, receipt and the display number once known
    status = delivery_status(SqlUnitOfWork(ctx.session_factory), sale.id)
    assert status["status"] == "sent" and status["order_id"] == found.id
    assert status["display_id"] == d["display_id"]
    with ctx.session_factory() as s:
        entry = [e for e in JournalRepository(s).entries(till.register_id)
                 if e.kind == Kind.SALE][-1]
    assert entry.payload["delivery"]["order_ref"] == delivery.order_ref
    assert entry.payload["delivery"]["location_id"] == "web-warehouse"
    receipt = till.receipt(sale).plain_text()
    assert "HEMLEVERANS" in receipt and delivery.order_ref in receipt
    assert "111 22 Stockholm" in receipt and "Skickas från Webblager" in receipt
    capsys.readouterr()
    assert main.main(["--config", str(tmp_path / "pos.toml"), "--json", "deliveries"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["order_ref"], r["status"], r["central_order_id"], r["display_id"])
            for r in rows] == [(delivery.order_ref, "sent", found.id, d["display_id"])]


class Down:
    def stock_of(self, sku):
        raise CommerceUnavailable("connection refused")


def test_stock_everywhere_fresh_from_medusa_and_the_synced_figures_when_it_is_down(
        central, till_and_ctx):
    till, ctx = till_and_ctx
    article = till.search("jeans", 5)[0]
    set_stock(central, article.sku, store_gbg=3, store_sthlm=11, web_warehouse=40)
    fresh = till.stock_report(article)
    assert fresh.fresh and fresh.as_of is not None
    assert {lv.location_id: (lv.location_name, lv.available) for lv in fresh.levels} == {
        "store-gbg": ("Butik Göteborg", 3), "store-sthlm": ("Butik Stockholm", 11),
        "web-warehouse": ("Webblager", 40)}

    with ctx.session_factory() as s, s.begin():  # what the last sync left
        from pos.db.catalog_repository import CatalogRepository
        CatalogRepository(s).set_stock([StockLevel(article.id, "store-gbg", "store-gbg", 5, 1),
                                        StockLevel(article.id, "store-sthlm", "store-sthlm",
                                                   2, 2),
                                        StockLevel(article.id, "web-warehouse",
                                                   "web-warehouse", 20, 0)])
    till.stock_directory = Down()
    synced = till.stock_report(article)
    assert not synced.fresh and synced.why_not_fresh.startswith("The central store cannot")
    assert synced.as_of is not None
    assert [(lv.location_name, lv.available) for lv in synced.levels] == [
        ("Butik Göteborg", 4), ("Butik Stockholm", 0), ("Webblager", 20)]


def reserve_elsewhere(central, order_id, location_key):
    """Every reservation of the order made again at another location (as Medusa may choose)."""
    c = central.client
    items = c.admin("GET", f"/admin/orders/{order_id}", params={"fields": "id,*items"}
                    )["order"]["items"]
    page = c.admin("GET", "/admin/reservations",
                   params={"line_item_id[]": [it["id"] for it in items], "limit": 200})
    for r in page["reservations"]:
        c.admin("DELETE", f"/admin/reservations/{r['id']}")
        c.admin("POST", "/admin/reservations", json={
            "line_item_id": r["line_item_id"], "inventory_item_id": r["inventory_item_id"],
            "location_id": central.ids["stock_locations"][location_key],
            "quantity": r["quantity"]})


@pytest.mark.parametrize("lost", ["POST /admin/draft-orders ", "/convert-to-order",
                                  "/mark-as-paid", "DELETE /admin/reservations",
                                  "POST /admin/reservations "])
def test_a_lost_answer_at_any_step_never_makes_a_second_delivery_order(
        central, store_through, medusa_state, lost):
    from tests.integration.lossy_proxy import LossyProxy

    skus = [v.sku for v in next(central.catalog.iter_variants(page_size=60))]
    sku = next(s for s in skus[20:] if not any(lv.reserved for lv in levels(central, s).values()))
    set_stock(central, sku, store_gbg=0, store_sthlm=3, web_warehouse=5)
    sale_id = str(uuid.uuid4())
    key = delivery_key(sale_id)
    order = DeliveryOrder(
        order_ref=f"L-LOST-{sale_id[:6]}", sale_id=sale_id, register_id="LOST", receipt_no=1,
        completed_at="2026-11-30T10:00:00+01:00", sold_at_location="store-gbg",
        location_id="web-warehouse", lines=(DeliveryOrderLine(sku, sku, 1, 19990),),
        shipping_fee=4900, address=DeliveryAddress("Bo Ek", "Ekvägen 2", "123 45", "Ekby"),
        expected_on="2026-12-02")
    upstream = int(medusa_state["url"].rsplit(":", 1)[1])
    if "reservations" in lost:
        # Medusa reserves at the first of the web channel's locations with stock, in no set
        # order (store-sthlm or the warehouse): stage the case where it chose the store, so
        # the move to the sending location (DELETE, then POST) is always what gets lost.
        made = central.deliveries.create_delivery_order(order, key)
        reserve_elsewhere(central, made.id, "store-sthlm")
        assert levels(central, sku)["store-sthlm"].reserved == 1

    def drop(line: str) -> bool:  # the answer to the first such request is lost
        if proxy.dropped or line.startswith("GET"):
            return False
        return ((line + " ").startswith(lost) if lost.startswith(("POST", "DELETE"))
                else lost in line)
    proxy = LossyProxy(upstream, drop=drop)
    try:
        with pytest.raises(CommerceUnavailable):
            store_through(proxy.url).deliveries.create_delivery_order(order, key)
        assert proxy.dropped, "the answer was swallowed"
        proxy.drop = lambda line: False
        made = store_through(proxy.url).deliveries.create_delivery_order(order, key)  # a retry
    finally:
        proxy.close()
    assert made.payment_status == "captured" and made.total == 19990 + 4900
    after = levels(central, sku)
    assert (after["web-warehouse"].stocked, after["web-warehouse"].reserved) == (5, 1)
    assert after["store-sthlm"].reserved == 0 and after["store-gbg"].reserved == 0
    found = central.deliveries.find_delivery_order(key)
    assert found is not None and found.id == made.id
