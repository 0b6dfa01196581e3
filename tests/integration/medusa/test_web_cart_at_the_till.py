"""A web cart made by a shopper through Medusa's store API (registered and logged in, with a
promotion code) is scanned at the till by its QR code, paid with cash and card, and the outbox
makes it ONE order in this store's channel, paid, fulfilled here, stock down here and not at the
web warehouse, the cart closed centrally; a second register is told it is bought, with the order
number; the central store down mid-flow changes nothing and the sale is completed later, once.

Checked on both sides: Medusa's order, payment, fulfilment, stock per location and the cart's
status; the till's sale, its journal entry and its outbox.
"""
from __future__ import annotations

import json
import uuid

import pytest
import requests

from hardware.control_unit_simulator import SimulatedControlUnit
from integrations.medusa.store import MedusaStore
from pos.db.catalog_repository import CatalogRepository
from pos.db.engine import make_engine
from pos.db.migrate import upgrade
from pos.db.models_sync import OutboxRow
from pos.db.session import session_factory as make_factory
from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.promotions import WINTER_CATEGORY
from pos.journal import Kind
from pos.services.setup import ensure_demo_staff
from pos.services.till import Devices, Till, TillConfig
from pos.sync.catalog_refresh import refresh
from pos.sync.outbox import OutboxWorker
from pos.web_carts import WebCartError
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

pytestmark = [pytest.mark.medusa, pytest.mark.slow, pytest.mark.timeout(900)]

PASSWORD = "hemligt-lösen-1"
DEAD_URL = "http://127.0.0.1:9"  # nothing listens on the discard port


@pytest.fixture(scope="module")
def synced(medusa_state, tmp_path_factory):
    """A till database synced from Medusa (catalogue with stock, promotions), as the till's
    background sync leaves it."""
    store = MedusaStore.from_state(location_key="store-gbg", timeout=(3.05, 120.0))
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('till')}/pos.sqlite3")
    upgrade(engine)
    sf = make_factory(engine)
    refresh(SqlUnitOfWork(sf), store.catalog)
    ensure_demo_staff(SqlUnitOfWork(sf))
    yield store, sf
    engine.dispose()


@pytest.fixture
def synced_either(medusa_state, session_factory):
    """The same on SQLite and on PostgreSQL (``session_factory`` is parametrized over both)."""
    store = MedusaStore.from_state(location_key="store-gbg", timeout=(3.05, 120.0))
    refresh(SqlUnitOfWork(session_factory), store.catalog)
    ensure_demo_staff(SqlUnitOfWork(session_factory))
    return store, session_factory


def make_till(sf, store: MedusaStore | None, register: str | None = None) -> Till:
    till = Till(sf, Devices(RecordingPrinter(), ScriptedTerminal(), SimulatedControlUnit()),
                TillConfig(card_status_interval=0,
                           register_id=register or f"W{uuid.uuid4().hex[:4]}"),
                web_carts=store.web_carts if store is not None else None)
    till.login("kim", "1234")
    till.open_shift(100000)
    return till


class Shopper:
    """A customer on the web shop: registers, logs in and fills a cart through the store API
    with the publishable key, as the shop's pages would."""

    def __init__(self, store: MedusaStore):
        self.url = store.client.base_url
        self.ids = store.ids
        self.email = f"webb-{uuid.uuid4().hex[:8]}@example.se"
        pk = {"x-publishable-api-key": self.ids["publishable_key"]}
        token = self._post("/auth/customer/emailpass/register",
                           {"email": self.email, "password": PASSWORD})["token"]
        self.customer = self._post("/store/customers", {"email": self.email, "first_name": "Wilma",
                                                        "last_name": "Webb"},
                                   {**pk, "Authorization": f"Bearer {token}"})["customer"]
        token = self._post("/auth/customer/emailpass",
                           {"email": self.email, "password": PASSWORD})["token"]
        self.headers = {**pk, "Authorization": f"Bearer {token}"}

    def _post(self, path, body, headers=None):
        r = requests.post(self.url + path, json=body, headers=headers or {}, timeout=60)
        assert r.status_code == 200, (path, r.status_code, r.text[:500])
        return r.json()

    def cart(self, items: list[tuple[str, int]], code: str | None = None) -> dict:
        cart = self._post("/store/carts", {"region_id": self.ids["region_id"],
                                           "sales_channel_id": self.ids["sales_channels"]["web"]},
                          self.headers)["cart"]
        for variant_id, quantity in items:
            self._post(f"/store/carts/{cart['id']}/line-items",
                       {"variant_id": variant_id, "quantity": quantity}, self.headers)
        if code:
            self._post(f"/store/carts/{cart['id']}/promotions", {"promo_codes": [code]},
                       self.headers)
        r = requests.get(f"{self.url}/store/carts/{cart['id']}", headers=self.headers,
                         params={"fields": "id,total,discount_total,customer.id"}, timeout=60)
        return r.json()["cart"]


def articles(sf, store, n: int) -> list:
    """``n`` articles outside the winter sale with stock here and in the web warehouse."""
    winter_id = store.ids["categories"][WINTER_CATEGORY]
    found = []
    with sf() as s:
        repo = CatalogRepository(s)
        for word in ("jeans", "skjorta", "kudde", "bok", "kaffe"):
            for v in repo.search(word, 50):
                levels = {lv.location_id: lv.available for lv in repo.stock_for(v.id)}
                if (v.active and v.ean and not v.sold_by_weight
                        and winter_id not in v.refs.category_ids
                        and levels.get("store-gbg", 0) >= 3 and v not in found):
                    found.append(v)
                    break
            if len(found) == n:
                return found
    raise AssertionError("not enough articles in stock")


def stock(store: MedusaStore, sku: str) -> dict[str, int]:
    """Stocked units of ``sku`` per stock location id."""
    page = store.client.admin("GET", "/admin/inventory-items",
                              params={"sku": sku, "fields": "id,sku,*location_levels"})
    (item,) = page["inventory_items"]
    return {lv["location_id"]: int(lv["stocked_quantity"]) for lv in item["location_levels"]}


def order_of(sf, store: MedusaStore, sale_id: str) -> dict:
    with sf() as s:
        row = s.query(OutboxRow).filter_by(key=f"sale:{sale_id}").one()
        assert row.status == "sent", (row.status, row.last_error)
        order_id = row.remote_id
    return store.client.admin("GET", f"/admin/orders/{order_id}", params={
        "fields": "id,display_id,sales_channel_id,total,payment_status,fulfillment_status,"
                  "customer_id,metadata,*fulfillments,*items"})["order"]


def orders_for_cart(store: MedusaStore, cart_id: str) -> list[dict]:
    page = store.client.admin("GET", "/admin/orders", params={
        "fields": "id,display_id,metadata,sales_channel_id", "limit": 200,
        "order": "-created_at"})
    return [o for o in page["orders"] if (o.get("metadata") or {}).get("pos_web_cart_id") == cart_id]


def empty_database(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path}/other.sqlite3")
    upgrade(engine)
    sf = make_factory(engine)
    ensure_demo_staff(SqlUnitOfWork(sf))
    return sf


def test_a_web_cart_is_scanned_paid_and_becomes_one_order_fulfilled_here(
        synced_either, tmp_path, monkeypatch, capsys):
    store, sf = synced_either
    shirt, other = articles(sf, store, 2)
    ids = store.catalog.variant_ids_by_sku([shirt.sku, other.sku])
    shopper = Shopper(store)
    # 3 + 1 articles, HOST10 (10 % of the order, spread over the lines): not whole kronor
    web = shopper.cart([(ids[shirt.sku], 3), (ids[other.sku], 1)], "HOST10")
    medusa_total = round(float(web["total"]) * 100)
    assert web["customer"]["id"] == shopper.customer["id"]
    assert float(web["discount_total"]) > 0 and medusa_total % 100 != 0, web
    web_location = store.ids["stock_locations"]["web-warehouse"]
    here = store.ids["stock_locations"]["store-gbg"]
    before = {v.sku: stock(store, v.sku) for v in (shirt, other)}

    till = make_till(sf, store)
    loaded = till.web_cart(f"https://shop.example.se/cart/{web['id']}")
    assert loaded.totals.total == loaded.central_total == medusa_total  # to the öre
    assert loaded.totals.web_cart is not None and loaded.totals.web_cart.id == web["id"]
    assert loaded.totals.codes == ("HOST10",)
    assert loaded.totals.customer is not None
    assert loaded.totals.customer.id == shopper.customer["id"]
    assert sorted((lt.line.variant.sku, lt.line.quantity, lt.line.from_web)
                  for lt in loaded.totals.lines) == sorted([(shirt.sku, 3, True),
                                                            (other.sku, 1, True)])

    till.start_payment()
    till.pay_cash(20000)
    sale = till.pay_card().sale
    assert sale is not None and sale.web_cart_id == web["id"] and sale.total == medusa_total
    assert [t.amount for t in sale.tenders] == [20000, medusa_total - 20000]

    report = OutboxWorker(SqlUnitOfWork(sf), store.orders).run_once()
    assert report.sent == [f"sale:{sale.id}"], report
    order = order_of(sf, store, sale.id)
    assert [(o["id"], o["sales_channel_id"]) for o in orders_for_cart(store, web["id"])] == [
        (order["id"], store.ids["sales_channels"]["store-gbg"])]
    assert round(float(order["total"]) * 100) == medusa_total
    assert order["payment_status"] == "captured" and order["fulfillment_status"] == "fulfilled"
    assert order["customer_id"] == shopper.customer["id"]
    assert {f["location_id"] for f in order["fulfillments"]} == {here}
    after = {v.sku: stock(store, v.sku) for v in (shirt, other)}
    for v, n in ((shirt, 3), (other, 1)):
        corrected = order["metadata"]["pos_stock_corrections"].get(v.sku, 0)
        assert after[v.sku][here] == before[v.sku][here] + corrected - n
        assert after[v.sku][web_location] == before[v.sku][web_location]  # the web's untouched

    status = store.web_carts.web_cart_status(web["id"])
    assert status["status"] == "bought" and status["bought_at"] == "till"
    assert (status["order_id"], status["display_id"]) == (order["id"], order["display_id"])
    assert status["sale_key"] == f"sale:{sale.id}"

    with sf() as s:
        from pos.db.models_till import JournalRow
        rows = s.query(JournalRow).filter_by(register_id=till.register_id, kind=Kind.SALE).all()
        (entry,) = [json.loads(r.payload_json) for r in rows]
    assert entry["web_cart_id"] == web["id"] and entry["sale_id"] == sale.id

    # another register with a database of its own: the central store says it is bought
    with pytest.raises(WebCartError) as central:
        make_till(empty_database(tmp_path), store, "K9").fetch_web_cart(
            f"https://shop.example.se/cart/{web['id']}")
    assert central.value.code == "web_cart.already_bought"
    assert central.value.params["order"] == f"#{order['display_id']}"
    # ... and one of this store, sharing this database, knows it from here first
    with pytest.raises(WebCartError) as here:
        make_till(sf, store).fetch_web_cart(web["id"])
    assert here.value.code == "web_cart.already_bought_here"

    # the support person's view: main.py cart show, against this Medusa
    import main
    import wiring
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    monkeypatch.setattr(wiring, "build_commerce_store", lambda cfg: store)
    (tmp_path / "pos.toml").write_text('[devices]\nprinter = "dummy"\n', encoding="utf-8")
    capsys.readouterr()
    assert main.main(["--config", str(tmp_path / "pos.toml"), "cart", "show", "--json",
                      f"https://shop.example.se/cart/{web['id']}"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["status"] == "bought" and shown["order"]["display_id"] == order["display_id"]
    assert shown["totals"]["total"] == medusa_total and shown["promo_codes"] == ["HOST10"]
    assert sorted(ln["quantity"] for ln in shown["lines"]) == [1, 3]

    # the outbox again: nothing more is sent, still one order
    assert OutboxWorker(SqlUnitOfWork(sf), store.orders).run_once().sent == []
    assert len(orders_for_cart(store, web["id"])) == 1


def test_the_central_store_down_at_the_scan_changes_nothing(synced, store_through):
    store, sf = synced
    (article,) = articles(sf, store, 1)
    shopper = Shopper(store)
    web = shopper.cart([(store.catalog.variant_ids_by_sku([article.sku])[article.sku], 2)])
    till = make_till(sf, store_through(DEAD_URL))
    with pytest.raises(WebCartError) as down:
        till.web_cart(web["id"])
    assert down.value.code == "web_cart.unreachable"
    assert till.totals().lines == () and till.cart.web_cart is None
    assert store.web_carts.web_cart_status(web["id"])["status"] == "open"


def test_a_cart_loaded_before_an_outage_is_sold_and_completed_later_once(synced_either,
                                                                         store_through):
    store, sf = synced_either
    (article,) = articles(sf, store, 1)
    shopper = Shopper(store)
    web = shopper.cart([(store.catalog.variant_ids_by_sku([article.sku])[article.sku], 2)],
                       "HOST10")
    till = make_till(sf, store)
    loaded = till.web_cart(web["id"])
    assert loaded.total_matches
    # the central store goes away: the sale is still sold, the outbox waits
    till.start_payment()
    sale = till.pay_card().sale
    assert sale is not None and sale.web_cart_id == web["id"]
    down = OutboxWorker(SqlUnitOfWork(sf), store_through(DEAD_URL).orders).run_once()
    assert [k for k, _ in down.failed] == [f"sale:{sale.id}"] and down.sent == []
    assert store.web_carts.web_cart_status(web["id"])["status"] == "open"
    # a second register of this store sees it bought here while the outbox waits
    with pytest.raises(WebCartError) as here:
        make_till(sf, store).fetch_web_cart(web["id"])
    assert here.value.code == "web_cart.already_bought_here"
    assert here.value.params["receipt"] == sale.receipt_no

    # back: delivered once (the backoff is skipped by a clock in the future)
    from datetime import timedelta

    from pos.sync.outbox import utc_now
    later = OutboxWorker(SqlUnitOfWork(sf), store.orders,
                         clock=lambda: utc_now() + timedelta(hours=1))
    assert later.run_once().sent == [f"sale:{sale.id}"]
    assert later.run_once().sent == []
    (order,) = orders_for_cart(store, web["id"])
    status = store.web_carts.web_cart_status(web["id"])
    assert (status["status"], status["order_id"]) == ("bought", order["id"])


def test_two_tills_selling_one_cart_offline_keep_both_sales_and_flag_the_second(synced_either):
    """Both sold it while they could not reach the central store: the first order closes the
    cart; the second is recorded too (its money is not lost) and its outbox message is set aside
    dead with a sentence a person reads in ``sync status``."""
    store, sf = synced_either
    (article,) = articles(sf, store, 1)
    web = Shopper(store).cart([(store.catalog.variant_ids_by_sku([article.sku])[article.sku], 1)])
    cart = store.web_carts.get_web_cart(web["id"])
    tills = [make_till(sf, store), make_till(sf, store)]
    for till in tills:  # both loaded it before either sold it
        till.load_web_cart(cart)
    sales = []
    for till in tills:
        till.start_payment()
        sales.append(till.pay_card().sale)
    report = OutboxWorker(SqlUnitOfWork(sf), store.orders).run_once()
    assert report.sent == [f"sale:{sales[0].id}"] and report.dead == [f"sale:{sales[1].id}"]
    assert len(orders_for_cart(store, web["id"])) == 2  # both sales are orders
    with sf() as s:
        row = s.query(OutboxRow).filter_by(key=f"sale:{sales[1].id}").one()
    assert row.status == "dead" and "already bought" in row.last_error and web["id"] in row.last_error


def test_a_cart_bought_online_is_refused_at_the_till_with_its_order_number(synced):
    """The shopper paid online after all (Medusa's own cart completion): the till says it is
    bought, with the web order's number, and the close route refuses any till's sale (409)."""
    store, sf = synced
    (article,) = articles(sf, store, 1)
    c = store.client
    address = {"first_name": "Wilma", "last_name": "Webb", "address_1": "Storgatan 1",
               "city": "Göteborg", "postal_code": "41101", "country_code": "se"}
    cart = c.store("POST", "/store/carts", json={
        "region_id": store.ids["region_id"], "sales_channel_id": store.ids["sales_channels"]["web"],
        "email": f"webb-{uuid.uuid4().hex[:8]}@example.se", "shipping_address": address,
        "billing_address": address,
        "items": [{"variant_id": store.catalog.variant_ids_by_sku([article.sku])[article.sku],
                   "quantity": 1}]})["cart"]
    c.store("POST", f"/store/carts/{cart['id']}/shipping-methods",
            json={"option_id": store.ids["shipping_options"]["shipping-web-warehouse"]})
    pc = c.store("POST", "/store/payment-collections", json={"cart_id": cart["id"]})
    c.store("POST", f"/store/payment-collections/{pc['payment_collection']['id']}/payment-sessions",
            json={"provider_id": "pp_system_default"})
    done = c.store("POST", f"/store/carts/{cart['id']}/complete")
    assert done["type"] == "order", done
    web_order = done["order"]

    status = store.web_carts.web_cart_status(cart["id"])
    assert (status["status"], status["bought_at"], status["order_id"], status["display_id"]) == (
        "bought", "online", web_order["id"], web_order["display_id"])
    with pytest.raises(WebCartError) as refused:
        make_till(sf, store).fetch_web_cart(f"https://shop.example.se/cart/{cart['id']}")
    assert refused.value.code == "web_cart.already_bought"
    assert refused.value.params["order"] == f"#{web_order['display_id']}"
    from pos.web_carts import WebCartConflict
    with pytest.raises(WebCartConflict) as conflict:
        store.web_carts.close_web_cart(cart["id"], "sale:late", "order_x")
    assert conflict.value.params["order"] == f"#{web_order['display_id']}"


@pytest.mark.parametrize("lost", ["/admin/draft-orders ", "/close"])
def test_a_lost_answer_mid_completion_still_makes_one_order_and_closes_the_cart_once(
        synced, store_through, medusa_state, lost):
    """The central store does the step but its answer never arrives (the draft order, or the
    cart's closing): the outbox tries again with the same key; one order, the cart closed by
    this sale, the message sent, not set aside as a conflict."""
    from datetime import timedelta

    from pos.sync.outbox import utc_now
    from tests.integration.lossy_proxy import LossyProxy

    store, sf = synced
    (article,) = articles(sf, store, 1)
    web = Shopper(store).cart([(store.catalog.variant_ids_by_sku([article.sku])[article.sku],
                                2)], "HOST10")
    till = make_till(sf, store)
    till.web_cart(web["id"])
    till.start_payment()
    sale = till.pay_card().sale
    key = f"sale:{sale.id}"
    upstream = int(medusa_state["url"].rsplit(":", 1)[1])
    proxy = LossyProxy(upstream, drop=lambda line: line.startswith("POST") and lost in line + " "
                       and not proxy.dropped)
    try:
        first = OutboxWorker(SqlUnitOfWork(sf), store_through(proxy.url).orders).run_once()
        assert proxy.dropped and [k for k, _ in first.failed] == [key], first
        again = OutboxWorker(SqlUnitOfWork(sf), store_through(proxy.url).orders,
                             clock=lambda: utc_now() + timedelta(hours=1)).run_once()
    finally:
        proxy.close()
    assert again.sent == [key] and again.dead == [], again
    (order,) = orders_for_cart(store, web["id"])
    status = store.web_carts.web_cart_status(web["id"])
    assert (status["status"], status["sale_key"], status["order_id"]) == ("bought", key,
                                                                          order["id"])
