"""The till, synced from the real local Medusa, gives what the web gives: the same automatic
promotions and codes, to the öre, on the same articles; and the sale it sends back becomes an
order with the total the customer paid (the central store does not discount it a second time).

One SQLite till database, filled by the real sync (catalogue with Medusa's ids, promotions);
the web side is a Medusa store cart with the same articles and codes.
"""
from __future__ import annotations

import random
import uuid
from contextlib import contextmanager

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from integrations.medusa import promotion_api as api
from pos.db.catalog_repository import CatalogRepository
from pos.db.engine import make_engine
from pos.db.migrate import upgrade
from pos.db.repositories import SyncStateRepository
from pos.db.session import session_factory as make_factory
from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.promotions import WINTER_CATEGORY
from pos.money import from_major
from pos.services.setup import ensure_demo_staff
from pos.services.till import Devices, Till, TillConfig
from pos.sync.catalog_refresh import refresh
from pos.sync.outbox import OutboxWorker
from pos.sync.promotion_sync import load_promotion_context
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

pytestmark = [pytest.mark.medusa, pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def synced(medusa_state, tmp_path_factory):
    """A till database synced from Medusa as the till's background sync does it: catalogue
    (with stock) and promotions."""
    from integrations.medusa.store import MedusaStore

    store = MedusaStore.from_state(location_key="store-gbg", timeout=(3.05, 120.0))
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('till')}/pos.sqlite3")
    upgrade(engine)
    sf = make_factory(engine)
    progress = []
    report = refresh(SqlUnitOfWork(sf), store.catalog,
                     on_progress=lambda done, total: progress.append((done, total)))
    assert report.catalog.mode == "full" and report.promotions >= 2
    assert progress[-1][0] == progress[-1][1] == report.catalog.variants
    with sf() as s:
        assert load_promotion_context(SyncStateRepository(s)) == {"sales_channel_id": store.ids["sales_channels"]["store-gbg"]}
    ensure_demo_staff(SqlUnitOfWork(sf))
    yield store, sf
    engine.dispose()


def make_till(sf):
    till = Till(sf, Devices(RecordingPrinter(), ScriptedTerminal(), SimulatedControlUnit()),
                TillConfig(card_status_interval=0, register_id=f"P{uuid.uuid4().hex[:4]}"))
    till.login("kim", "1234")
    till.open_shift(100000)
    return till


def in_stock(sf, n, *, winter: bool, store_ids, exclude=()):
    """``n`` random articles with stock in Göteborg, inside or outside the winter sale."""
    winter_id = store_ids["categories"][WINTER_CATEGORY]
    with sf() as s:
        repo = CatalogRepository(s)
        words = ("t-shirt", "tröja", "huvtröja", "linne") if winter else \
            ("jeans", "kaffe", "bok", "skjorta", "kudde")
        found = [v for w in words for v in repo.search(w, 50)
                 if v.active and v.ean and (winter_id in v.refs.category_ids) == winter
                 and not v.sold_by_weight  # a scan of it asks for a weight: not a unit article
                 and v.id not in exclude
                 and sum(lvl.available for lvl in repo.stock_for(v.id)
                         if lvl.location_id == "store-gbg") >= 3]
    assert len(found) >= n, f"not enough articles in stock (winter={winter})"
    return random.sample(found, n)


def test_the_catalogue_keeps_medusas_ids_for_promotion_rules(synced):
    store, sf = synced
    winter_id = store.ids["categories"][WINTER_CATEGORY]
    with sf() as s:
        shirt = CatalogRepository(s).search("t-shirt bas", 1)[0]
    assert shirt.refs.variant_id.startswith("variant_")
    assert shirt.refs.product_id.startswith("prod_")
    assert shirt.refs.category_ids == (winter_id,)
    assert shirt.refs.type_id and shirt.refs.type_id.startswith("ptyp_")
    assert shirt.id.startswith("var_")  # the till's own id stays (old sales point at it)


@pytest.mark.parametrize("codes", [(), ("HOST10",)])
def test_the_till_gives_what_the_web_cart_gives_to_the_ore(synced, codes):
    store, sf = synced
    till = make_till(sf)
    winter = in_stock(sf, 2, winter=True, store_ids=store.ids)
    other = in_stock(sf, 2, winter=False, store_ids=store.ids)
    quantities = {v.id: random.choice((1, 2, 3)) for v in winter + other}
    for v in winter + other:
        for _ in range(quantities[v.id]):
            till.scan(v.ean)
    for code in codes:
        till.add_promo_code(code.lower())
    mine = till.totals()

    web = api.store_cart(store.client, store.ids,
                         [(v.refs.variant_id, quantities[v.id]) for v in winter + other],
                         list(codes), email="kund@example.se", channel="store-gbg")
    assert mine.total == from_major(web["total"])
    theirs = {}
    for item in web["items"]:
        for adj in item.get("adjustments") or []:
            theirs[adj["code"]] = theirs.get(adj["code"], 0) + 1
    assert {code for code, _ in mine.promotions()} == set(theirs)
    assert "VINTER20" in theirs
    if codes:
        assert "HOST10" in theirs
    # every winter line has its 20 %, no other line has it
    for lt in mine.lines:
        has_winter = any(p.code == "VINTER20" for p in lt.promotions)
        assert has_winter == (lt.line.variant in winter)


def test_the_sale_becomes_an_order_for_what_the_customer_paid(synced):
    store, sf = synced
    till = make_till(sf)
    [shirt] = in_stock(sf, 1, winter=True, store_ids=store.ids)
    [other] = in_stock(sf, 1, winter=False, store_ids=store.ids)
    till.scan(shirt.ean)
    till.scan(other.ean)
    till.add_promo_code("HOST10")
    totals = till.totals()
    sale = till.pay_cash(totals.total + 10000).sale
    assert sale is not None and sale.total == totals.total < shirt.price + other.price

    worker = OutboxWorker(SqlUnitOfWork(sf), store.orders)
    report = worker.run_once()
    assert report.sent == [f"sale:{sale.id}"], report
    with sf() as s:
        from pos.db.models_sync import OutboxRow
        order_id = s.query(OutboxRow).filter_by(key=f"sale:{sale.id}").one().remote_id
    remote = store.orders.order(order_id)
    assert remote.total == sale.total  # not discounted a second time by Medusa's automatic ones
    assert remote.payment_status == "captured" and remote.fulfillment_status == "fulfilled"
    assert remote.metadata["pos_promotions"] == dict(totals.promotions())


def in_stock_priced(sf, words, *, above=0, below=10 ** 9):
    with sf() as s:
        repo = CatalogRepository(s)
        for w in words:
            for v in repo.search(w, 50):
                if v.active and v.ean and not v.sold_by_weight and above < v.price < below and sum(
                        lvl.available for lvl in repo.stock_for(v.id)
                        if lvl.location_id == "store-gbg") >= 2:
                    return v
    raise AssertionError(f"no article in stock between {above} and {below} öre")


@contextmanager
def budgeted_code(synced, prefix, limit):
    """A code (10 % on one unit per line) in a new campaign with a spend budget of ``limit`` kr,
    synced to the till's database; removed from Medusa and the till afterwards."""
    from pos.sync.promotion_sync import sync_promotions

    store, sf = synced
    code = f"{prefix}-{uuid.uuid4().hex[:6].upper()}"
    campaign = store.client.admin("POST", "/admin/campaigns", json={
        "name": f"Budget {code}", "campaign_identifier": code,
        "budget": {"type": "spend", "limit": limit, "currency_code": "sek"}})["campaign"]
    promotion = store.client.admin("POST", "/admin/promotions", json={
        "code": code, "type": "standard", "status": "active", "is_automatic": False,
        "campaign_id": campaign["id"],
        "application_method": {"type": "percentage", "target_type": "items", "value": 10,
                               "allocation": "each", "max_quantity": 1, "currency_code": "sek"}})
    try:
        sync_promotions(SqlUnitOfWork(sf), store.catalog.promotions, store.catalog.promotion_context())
        yield code, campaign["id"], promotion["promotion"]["id"]
    finally:
        store.client.admin("DELETE", f"/admin/promotions/{promotion['promotion']['id']}")
        store.client.admin("DELETE", f"/admin/campaigns/{campaign['id']}")
        sync_promotions(SqlUnitOfWork(sf), store.catalog.promotions, store.catalog.promotion_context())


def budget_used(store, campaign_id) -> int:
    got = store.client.admin("GET", f"/admin/campaigns/{campaign_id}",
                             params={"fields": "id,*budget"})["campaign"]["budget"]
    return from_major(got["used"])


def sell_with_code(sf, store, article, code):
    """A till sale of ``article`` with ``code``, sent by the outbox: (sale, order id, the öre the
    code took)."""
    from pos.db.models_sync import OutboxRow
    from pos.sync.sale_events import sale_key

    till = make_till(sf)
    till.scan(article.ean)
    till.add_promo_code(code)
    totals = till.totals()
    took = sum(p.amount for lt in totals.lines for p in lt.promotions if p.code == code)
    sale = till.pay_cash(totals.total).sale
    assert sale is not None
    report = OutboxWorker(SqlUnitOfWork(sf), store.orders).run_once()
    assert report.sent == [sale_key(sale.id)], report
    with sf() as s:
        order_id = s.query(OutboxRow).filter_by(key=sale_key(sale.id)).one().remote_id
    return sale, order_id, took


def test_a_campaign_budget_from_medusa_holds_at_the_till_as_on_the_web(synced):
    """A code in a campaign with a spend budget of 60 kr: a line whose 10 % is more than that
    gets nothing, a cheaper one gets its 10 %, at the till as in a Medusa cart."""
    store, sf = synced
    with budgeted_code(synced, "BUDGET", 60) as (code, _, promotion_id):
        dear = in_stock_priced(sf, ("vinterjacka", "kappa", "kavaj", "dunväst"), above=80000)
        cheap = in_stock_priced(sf, ("kaffe", "bok"), below=40000)
        till = make_till(sf)
        mine = till.cart.book.by_id(promotion_id)
        assert mine is not None and mine.budget is not None
        assert (mine.budget.type, mine.budget.limit) == ("spend", 60)
        till.scan(dear.ean)
        till.scan(cheap.ean)
        till.add_promo_code(code.lower())
        totals = till.totals()
        by_line = {lt.line.variant.id: dict((p.code, p.amount) for p in lt.promotions)
                   for lt in totals.lines}
        assert code not in by_line[dear.id] and by_line[cheap.id][code] > 0

        web = api.store_cart(store.client, store.ids, [(dear.refs.variant_id, 1),
                                                       (cheap.refs.variant_id, 1)],
                             [code], email="kund@example.se", channel="store-gbg")
        assert totals.total == from_major(web["total"])
        web_codes = {it["variant_id"]: {a["code"] for a in it.get("adjustments") or []}
                     for it in web["items"]}
        assert code not in web_codes[dear.refs.variant_id]
        assert code in web_codes[cheap.refs.variant_id]


def test_a_store_sale_counts_against_the_campaign_budget_once(synced):
    """The till's sale with a budgeted code takes from the campaign's budget in Medusa what a web
    order would (the discount net of VAT), once, even when the till sends it again."""
    from pos.sync.sale_events import sale_key, store_order

    store, sf = synced
    with budgeted_code(synced, "SPEND", 5000) as (code, campaign_id, _):
        article = in_stock_priced(sf, ("kaffe", "bok", "kudde"), above=10000, below=60000)
        sale, order_id, took = sell_with_code(sf, store, article, code)
        net = round(took / (1 + article.vat_rate.percent / 100))
        assert took > 0 and abs(budget_used(store, campaign_id) - net) <= 1  # net of VAT
        assert store.orders.order(order_id).metadata["pos_promotion_usage"] == "registered"

        # the till sends again (its answer was lost): the same order, the budget unchanged
        again = store.orders.create_store_order(store_order(sale, "store-gbg"), sale_key(sale.id))
        assert again == order_id
        assert abs(budget_used(store, campaign_id) - net) <= 1


def test_a_sale_the_budget_can_no_longer_hold_is_kept_and_marked(synced):
    """The till sold with the budget it last synced; meanwhile the campaign's budget was cut
    (as if the web had used it up): the order stands, marked over budget, nothing counted."""
    store, sf = synced
    with budgeted_code(synced, "OVER", 5000) as (code, campaign_id, _):
        store.client.admin("POST", f"/admin/campaigns/{campaign_id}", json={"budget": {"limit": 1}})
        article = in_stock_priced(sf, ("kaffe", "bok", "kudde"), above=10000, below=60000)
        sale, order_id, took = sell_with_code(sf, store, article, code)
        assert took > 0  # the till's copy still had room
        remote = store.orders.order(order_id)
        assert remote.metadata["pos_promotion_usage"] == "over_budget"
        assert remote.total == sale.total
        assert budget_used(store, campaign_id) == 0


def test_a_central_store_without_the_usage_route_still_gets_the_order(synced, monkeypatch, caplog):
    """Another retailer's Medusa, without omnipos's route: the sale is sent all the same."""
    store, sf = synced
    monkeypatch.setattr(store.orders, "PROMOTION_USAGE_PATH", "/admin/pos/no-such-route")
    with budgeted_code(synced, "NOROUTE", 5000) as (code, campaign_id, _):
        article = in_stock_priced(sf, ("kaffe", "bok", "kudde"), above=10000, below=60000)
        sale, order_id, took = sell_with_code(sf, store, article, code)
        assert took > 0 and store.orders.order(order_id).total == sale.total
        assert "pos_promotion_usage" not in store.orders.order(order_id).metadata
        assert budget_used(store, campaign_id) == 0
        assert "does not count store sales" in caplog.text
