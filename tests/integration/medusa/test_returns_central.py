"""Issue 11, the central store's side, against the real local Medusa: a purchase found in any
channel (a web order by its number, a store sale of another store by its receipt code) with
what each line paid and what was returned anywhere, and a till's return recorded on its order
(received at the store's location, stock up there for what goes back on the shelf, the web
payment refunded), exactly once whatever answer is lost; a store sale returned by post at the
web warehouse is seen by every till. Each side is checked: Medusa's order, returns, payments
and stock per location, and what ``find_purchase`` tells the till."""
from __future__ import annotations

import random
import re
from dataclasses import replace
import time
import uuid
from datetime import datetime, timedelta

import pytest

from integrations.medusa.mapping import ore
from integrations.medusa.purchases import MedusaPurchaseRecords
from integrations.medusa.returns import refund_note
from integrations.medusa.seed_orders import _deliver, _place
from integrations.medusa.store import MedusaStore
from pos.payment_methods import CARD, CASH
from pos.payments import Tender
from pos.ports import CommerceUnavailable
from pos.returns import (CentralReturn, CentralReturnLine, PurchasedLine, PurchaseKind,
                         ReturnError)
from pos.sales import Sale, SaleLine, receipt_code
from pos.sync.sale_events import sale_key, store_order
from pos.vat import VatRate
from tests.integration.lossy_proxy import LossyProxy
from tests.integration.medusa.articles import in_stock

pytestmark = pytest.mark.medusa

HERE = "store-gbg"


@pytest.fixture
def central(medusa_state):
    return MedusaStore.from_state(location_key=HERE)


# --- helpers -------------------------------------------------------------------------------------

def admin_order(central, order_id):
    return central.client.admin("GET", f"/admin/orders/{order_id}", params={"fields": (
        "id,display_id,total,item_total,shipping_total,discount_total,payment_status,metadata,"
        "*items,items.total,items.discount_total,items.detail.*,"
        "*payment_collections,*payment_collections.payments,"
        "*payment_collections.payments.refunds")})["order"]


def returns_of(central, order_id):
    return central.client.admin("GET", "/admin/returns", params={
        "order_id": order_id, "limit": 100,
        "fields": "id,status,location_id,metadata,canceled_at,*items"})["returns"]


def refunds_of(o):
    return [r for pc in o["payment_collections"] for p in pc["payments"]
            for r in p.get("refunds") or []]


def stocked(central, sku):
    item = central.client.admin("GET", "/admin/inventory-items", params={
        "sku": sku, "fields": "id,sku,*location_levels"})["inventory_items"][0]
    by_id = {v: k for k, v in central.ids["stock_locations"].items()}
    return {by_id[lv["location_id"]]: int(lv["stocked_quantity"])
            for lv in item["location_levels"] if lv["location_id"] in by_id}


def articles_at(location, n, minimum=5):
    return in_stock(location, n, minimum=minimum, figure="available")


def a_web_order(central, lines):
    """A web order placed by a shopper with the code HOST10 (10 % off the order, spread over
    its lines) as the seed places one, paid and delivered from the web warehouse."""
    c = central.client
    variants = c.admin("GET", "/admin/product-variants", params={
        "sku[]": [v.sku for v, _ in lines], "fields": "id,sku", "limit": 10})["variants"]
    ids = {v["sku"]: v["id"] for v in variants}
    from integrations.medusa import seed_orders
    key = f"test-return-{uuid.uuid4().hex[:8]}"
    seed_orders.PROMO_CODES[key] = ["HOST10"]
    order_id = _place(c, central.ids, key, "anna.svensson@example.se", "return", "web-warehouse",
                      [{"variant_id": ids[v.sku], "quantity": q} for v, q in lines])
    _deliver(c, central.ids, order_id)
    return order_id


def a_store_sale(location="store-sthlm"):
    """A sale of another store: line 1 a web order's goods paid there (no line of the store
    order), lines 2 and 3 its own: 3 units with 1,01 kr off the line (mixed VAT: a 6 % line),
    paid by card and cash."""
    a, b = articles_at(location, 2)
    web = SaleLine(variant_id=a.id, sku=a.sku, ean=a.ean, name=a.name, quantity=1,
                   unit_price=a.price, original_price=None, discount=0, total=a.price,
                   vat_rate=a.vat_rate, order_id="order_elsewhere", order_no="999")
    three = SaleLine(variant_id=a.id, sku=a.sku, ean=a.ean, name=a.name, quantity=3,
                     unit_price=a.price, original_price=None, discount=101,
                     total=a.price * 3 - 101, vat_rate=a.vat_rate)
    two = SaleLine(variant_id=b.id, sku=b.sku, ean=b.ean, name=b.name, quantity=2,
                   unit_price=b.price, original_price=None, discount=0, total=b.price * 2,
                   vat_rate=VatRate.REDUCED)
    total = web.total + three.total + two.total
    register = "T" + uuid.uuid4().hex[:5].upper()
    return Sale(id=str(uuid.uuid4()), register_id=register, receipt_no=random.randint(1, 999999),
                shift_id=1, cashier_id="u1", cashier_name="Kim",
                completed_at=datetime.now().astimezone().replace(microsecond=0),
                lines=(web, three, two),
                tenders=(Tender(CARD, total - 10000, terminal_ref=f"nexo-{uuid.uuid4().hex[:8]}"),
                         Tender(CASH, 10000)),
                total=total, discount=101, rounding=0)


def central_return(purchase, lines, location=HERE, refund_central=0, at_till=()):
    """A till's return of ``lines`` [(line key, units, restock)] of ``purchase``."""
    return CentralReturn(
        kind=purchase.kind, code=purchase.code, order_id="", sale_id=purchase.sale_id,
        location_id=location,
        lines=tuple(CentralReturnLine(k, purchase.line(k).sku, u, "wrong_size" if r else "defect", r)
                    for k, u, r in lines),
        refund_central=refund_central, return_sale_id=str(uuid.uuid4()), register_id="K1",
        receipt_no=random.randint(1, 999999),
        completed_at=datetime.now().astimezone().isoformat(timespec="seconds"),
        refunded_at_till=tuple(at_till))


def line_of(purchase, sku):
    return next(ln for ln in purchase.lines if ln.sku == sku)


def refund_of(purchase, lines):
    return sum(purchase.line(k).refund_for(u) for k, u, _ in lines)


# --- finding what was bought -----------------------------------------------------------------------

def test_a_seeded_web_order_is_found_by_its_number_with_what_each_line_paid(central):
    order_id = central.ids["web_orders"]["web-return-promo"]
    o = admin_order(central, order_id)
    # by its number through the omnipos route (one order, by the column: Medusa's own search
    # would also match e-mails, phones and postcodes with the digits)
    assert central.client.admin("GET", "/admin/pos/order-by-number", params={
        "display_id": o["display_id"]})["orders"] == [{"id": order_id,
                                                       "display_id": o["display_id"]}]
    for code in (str(o["display_id"]), f"#{o['display_id']}", f" #{o['display_id']} ",
                 f"#000{o['display_id']}", order_id):
        p = central.purchases.find_purchase(code)
        assert p is not None and p.order_id == order_id, code
    assert p.kind == PurchaseKind.WEB_ORDER and p.code == str(o["display_id"])
    assert p.location == "web" and p.customer_name == "Sara Nilsson" and p.customer_id
    assert p.bought_at is not None and p.bought_at.tzinfo is not None
    # two lines, keyed by Medusa's order line ids, each what was paid for it: the promotion's
    # share off (the HOST10 code spread over both lines, VINTER20 on the T-shirts), VAT in
    assert sorted(ln.key for ln in p.lines) == sorted(it["id"] for it in o["items"])
    assert [ln.key[:6] for ln in p.lines] == ["ordli_"] * 2
    items = {it["id"]: it for it in o["items"]}
    for ln in p.lines:
        it = items[ln.key]
        assert ln.total == ore(it["total"])
        assert ln.total == ore(it["unit_price"]) * ln.quantity - ore(it["discount_total"])
        assert ore(it["discount_total"]) > 0 and ln.vat_rate == VatRate.STANDARD
        assert ln.variant_id.startswith("var_") and ln.sku and ln.ean
    assert sum(ln.total for ln in p.lines) + ore(o["shipping_total"]) == ore(o["total"])
    assert sorted(ln.quantity for ln in p.lines) == [1, 3]
    assert sum(ln.total for ln in p.lines) < sum(ore(items[ln.key]["unit_price"]) * ln.quantity
                                                 for ln in p.lines)
    # the web payment, by its id, with what it can still refund
    (tender,) = p.tenders
    payment = o["payment_collections"][0]["payments"][0]
    assert (tender.method_id, tender.label, tender.reference) == ("web", "Webbetalning",
                                                                 payment["id"])
    assert tender.amount == ore(o["total"])
    assert tender.refundable == tender.amount - sum(ore(r["amount"]) for r in refunds_of(o))
    assert tender.refundable > 0


def test_unknown_codes_find_nothing(central):
    assert central.purchases.find_purchase("order_01NOSUCHORDER") is None
    assert central.purchases.find_purchase("98765432") is None
    assert central.purchases.find_purchase("R-NOPE-000001") is None
    assert central.purchases.find_purchase("nonsense") is None


def test_a_store_sale_of_another_store_is_found_by_its_receipt_code(central):
    sale = a_store_sale("store-sthlm")
    order_id = central.orders.create_store_order(store_order(sale, "store-sthlm"),
                                                 sale_key(sale.id))
    o = admin_order(central, order_id)
    # the order sink numbers the items by the sale's lines (line 1 was a web order's)
    assert sorted((it["metadata"]["pos_line_no"], it["metadata"]["pos_total_ore"])
                  for it in o["items"]) == [(2, sale.lines[1].total), (3, sale.lines[2].total)]
    code = receipt_code(sale.register_id, sale.receipt_no)
    p = central.purchases.find_purchase(code)  # asked by store-gbg's till
    assert p is not None and p.order_id == order_id
    assert p.kind == PurchaseKind.STORE_SALE and p.code == code and p.sale_id == sale.id
    assert p.location == "store-sthlm" and p.bought_at == sale.completed_at
    assert [(ln.key, ln.sku, ln.quantity, ln.total, ln.vat_rate, ln.returned) for ln in p.lines] == [
        ("2", sale.lines[1].sku, 3, sale.lines[1].total, sale.lines[1].vat_rate, 0),
        ("3", sale.lines[2].sku, 2, sale.lines[2].total, VatRate.REDUCED, 0)]
    assert sale.lines[1].total % 3 != 0  # what 1,01 kr off three units leaves does not divide
    assert [(t.method_id, t.label, t.amount, t.refunded, t.reference) for t in p.tenders] == [
        ("card", "Kort", sale.total - 10000, 0, sale.tenders[0].terminal_ref),
        ("cash", "Kontant", 10000, 0, "")]
    assert central.purchases.find_purchase(code.lower()).order_id == order_id


def test_a_receipt_is_looked_up_in_one_query_not_by_reading_every_order(central):
    """The omnipos route filters on the order's metadata in the database; the plain admin list
    would be read page by page (here the newest orders, where a fresh sale is: the best case)."""
    sale = a_store_sale("store-gbg")
    order_id = central.orders.create_store_order(store_order(sale, "store-gbg"), sale_key(sale.id))
    records = MedusaPurchaseRecords(central.client, central.ids)
    t0 = time.perf_counter()
    for _ in range(5):
        assert records.sale_order_id(sale.register_id, sale.receipt_no) == order_id
    routed = (time.perf_counter() - t0) / 5
    t0 = time.perf_counter()
    rows = records._scan_for_receipt(sale.register_id, sale.receipt_no)
    scanned = time.perf_counter() - t0
    assert [r["id"] for r in rows] == [order_id]
    count = central.client.admin("GET", "/admin/orders", params={"limit": 1})["count"]
    print(f"\nreceipt lookup: route {routed * 1000:.1f} ms; plain list (newest first, "
          f"{count} orders) {scanned * 1000:.1f} ms")


# --- returns recorded on the order -----------------------------------------------------------------

def test_a_web_order_returned_in_the_store_is_received_here_and_refunded(central):
    a, b = articles_at("web-warehouse", 2, minimum=8)
    order_id = a_web_order(central, [(a, 3), (b, 1)])
    p = central.purchases.find_purchase(order_id)
    la, lb = line_of(p, a.sku), line_of(p, b.sku)  # Medusa keeps no order of lines
    before = {a.sku: stocked(central, a.sku), b.sku: stocked(central, b.sku)}
    wanted = [(la.key, 2, True), (lb.key, 1, False)]  # two back on the shelf, one broken
    refund = refund_of(p, wanted)
    assert refund == la.total * 2 // 3 + lb.total
    ret = central_return(p, wanted, refund_central=refund)
    key = f"return:{ret.return_sale_id}"
    rid = central.returns.register_return(ret, key)
    assert central.returns.register_return(ret, key) == rid  # a retry changes nothing

    # Medusa: one return, received at store-gbg, the damaged unit dismissed
    (r,) = [r for r in returns_of(central, order_id) if r["metadata"].get("pos_key") == key]
    assert r["id"] == rid and r["status"] == "received"
    assert r["location_id"] == central.ids["stock_locations"][HERE]
    got = {it["item_id"]: (int(it["quantity"]), int(it["received_quantity"]),
                           int(it["damaged_quantity"])) for it in r["items"]}
    assert got == {la.key: (2, 2, 0), lb.key: (1, 1, 1)}
    # stock: up here for the restocked units only; the warehouse that sent them unchanged
    after = {a.sku: stocked(central, a.sku), b.sku: stocked(central, b.sku)}
    assert after[a.sku][HERE] == before[a.sku][HERE] + 2
    assert after[b.sku].get(HERE, 0) == before[b.sku].get(HERE, 0)
    assert after[a.sku]["web-warehouse"] == before[a.sku]["web-warehouse"]
    # the refund on the web payment, once
    o = admin_order(central, order_id)
    (made,) = refunds_of(o)
    assert ore(made["amount"]) == refund and made["note"] == refund_note(key)
    assert o["payment_status"] == "partially_refunded"
    # the till sees the units returned and the payment's refundable amount down
    again = central.purchases.find_purchase(str(o["display_id"]))
    assert [again.line(k).returned for k in (la.key, lb.key)] == [2, 1]
    assert [again.line(k).returnable for k in (la.key, lb.key)] == [1, 0]
    assert [again.line(k).total for k in (la.key, lb.key)] == [la.total, lb.total]  # as paid
    (tender,) = again.tenders
    assert tender.amount == p.tenders[0].amount  # what was captured
    assert tender.refunded == refund and tender.refundable == tender.amount - refund
    # the last unit refunds exactly what is left of the line: no öre lost or made
    assert again.line(la.key).refund_for(1) == la.total - la.total * 2 // 3


def test_a_store_sale_returned_twice_then_refused_and_returned_by_post(central):
    sale = a_store_sale("store-sthlm")
    order_id = central.orders.create_store_order(store_order(sale, "store-sthlm"),
                                                 sale_key(sale.id))
    code = receipt_code(sale.register_id, sale.receipt_no)
    p = central.purchases.find_purchase(code)
    sku3, sku2 = p.line("2").sku, p.line("3").sku
    before = {s: stocked(central, s) for s in (sku3, sku2)}

    card = p.tenders[0].reference  # the card's terminal reference, as the till refunds it
    assert card.startswith("nexo-")
    first = central_return(p, [("2", 1, True)], at_till=[("card", card, 5000)])
    central.returns.register_return(first, f"return:{first.return_sale_id}")
    p = central.purchases.find_purchase(code)
    assert [ln.returned for ln in p.lines] == [1, 0]
    second = central_return(p, [("2", 1, True), ("3", 1, True)], location="store-sthlm",
                            at_till=[("card", card, 4000), ("cash", "", 1500)])
    central.returns.register_return(second, f"return:{second.return_sale_id}")
    # a retry of the first, after the second, neither counts nor refunds it again
    central.returns.register_return(first, f"return:{first.return_sale_id}")
    p = central.purchases.find_purchase(code)
    assert [ln.returned for ln in p.lines] == [2, 1]
    assert [(t.method_id, t.refunded) for t in p.tenders] == [("card", 9000), ("cash", 1500)]
    after = {s: stocked(central, s) for s in (sku3, sku2)}
    assert after[sku3][HERE] == before[sku3].get(HERE, 0) + 1
    assert after[sku3]["store-sthlm"] == before[sku3]["store-sthlm"] + 1
    assert after[sku2]["store-sthlm"] == before[sku2]["store-sthlm"] + 1

    # the third asks for two of the line's last unit: refused, nothing changed in Medusa
    third = central_return(p.with_returned({}), [("2", 2, True)])
    with pytest.raises(ReturnError) as e:
        central.returns.register_return(third, f"return:{third.return_sale_id}")
    assert e.value.code == "return.central_refused" and getattr(e.value, "permanent", False)
    assert not isinstance(e.value, CommerceUnavailable)
    live = [r for r in returns_of(central, order_id) if r["status"] != "canceled"]
    assert len(live) == 2 and all(r["status"] == "received" for r in live)
    assert {s: stocked(central, s) for s in (sku3, sku2)} == after

    # the customer posts the other unit of line 3 to the web warehouse (its own system: the
    # admin API): announced, then received there; every till sees it returned at once
    c = central.client
    o = admin_order(central, order_id)
    item3 = next(it for it in o["items"] if it["metadata"]["pos_line_no"] == 3)
    r = c.admin("POST", "/admin/returns", json={
        "order_id": order_id, "location_id": central.ids["stock_locations"]["web-warehouse"]})
    rid = r["return"]["id"]
    c.admin("POST", f"/admin/returns/{rid}/request-items",
            json={"items": [{"id": item3["id"], "quantity": 1}]})
    c.admin("POST", f"/admin/returns/{rid}/request")
    assert central.purchases.find_purchase(code).line("3").returnable == 0  # on its way
    fourth = central_return(p, [("3", 1, True)])
    with pytest.raises(ReturnError):
        central.returns.register_return(fourth, f"return:{fourth.return_sale_id}")
    c.admin("POST", f"/admin/returns/{rid}/receive", json={})
    c.admin("POST", f"/admin/returns/{rid}/receive-items",
            json={"items": [{"id": item3["id"], "quantity": 1}]})
    c.admin("POST", f"/admin/returns/{rid}/receive/confirm", json={})
    seen = central.purchases.find_purchase(code)
    assert [(ln.returned, ln.returnable) for ln in seen.lines] == [(2, 1), (2, 0)]
    assert stocked(central, sku2)["web-warehouse"] == before[sku2]["web-warehouse"] + 1
    # the line's last unit can still come back, and then nothing is left of the receipt
    last = central_return(seen, [("2", 1, False)])
    central.returns.register_return(last, f"return:{last.return_sale_id}")
    assert central.purchases.find_purchase(code).returnable == 0


def test_a_customers_web_orders_and_store_sales_newest_first(central):
    cus = central.ids["customers"]["anna.svensson@example.se"]
    a, = articles_at("web-warehouse", 1)
    web_id = a_web_order(central, [(a, 1)])
    time.sleep(1.1)  # a sale's time is kept to the second
    sale = a_store_sale("store-gbg")
    sale = replace(sale, customer_id=cus)
    sale_order = central.orders.create_store_order(
        store_order(sale, "store-gbg", "anna.svensson@example.se"), sale_key(sale.id))
    found = central.purchases.purchases_of_customer(cus, limit=10)
    assert [p.order_id for p in found[:2]] == [sale_order, web_id]
    assert [p.kind for p in found[:2]] == [PurchaseKind.STORE_SALE, PurchaseKind.WEB_ORDER]
    assert all(p.customer_id == cus for p in found)
    times = [p.bought_at for p in found]
    assert times == sorted(times, reverse=True)


# --- lost answers ------------------------------------------------------------------------------------

STEPS = [r"^POST /admin/returns[ ?]", r"/request-items[ ?]", r"/request[ ?]", r"/receive[ ?]",
         r"/receive-items[ ?]", r"/dismiss-items[ ?]", r"/receive/confirm[ ?]",
         r"^POST /admin/payments/\w+/refund[ ?]", r"^POST /admin/orders/order_\w+[ ?]"]


@pytest.mark.parametrize("lost", STEPS)
def test_a_lost_answer_at_any_step_never_makes_a_second_return_or_refund(
        central, store_through, medusa_state, lost):
    a, b = articles_at("web-warehouse", 2, minimum=8)
    order_id = a_web_order(central, [(a, 2), (b, 1)])
    p = central.purchases.find_purchase(order_id)
    la, lb = line_of(p, a.sku), line_of(p, b.sku)  # Medusa keeps no order of lines
    wanted = [(la.key, 1, True), (lb.key, 1, False)]
    refund = refund_of(p, wanted) - 100  # one krona of it paid in cash at the till
    ret = central_return(p, wanted, refund_central=refund, at_till=[("cash", "", 100)])
    key = f"return:{ret.return_sale_id}"
    here = stocked(central, a.sku)[HERE]
    upstream = int(medusa_state["url"].rsplit(":", 1)[1])

    def drop(line: str) -> bool:  # the answer to the first such request is lost
        return not proxy.dropped and not line.startswith("GET") and bool(re.search(lost, line))
    proxy = LossyProxy(upstream, drop=drop)
    try:
        # (the client gives up on a swallowed answer after its read timeout: 8 s, not 30)
        with pytest.raises(CommerceUnavailable):
            store_through(proxy.url, timeout=(3.05, 8.0)).returns.register_return(ret, key)
        assert proxy.dropped, "the answer was swallowed"
        proxy.drop = lambda line: False
        rid = store_through(proxy.url).returns.register_return(ret, key)  # the outbox's retry
    finally:
        proxy.close()
    live = [r for r in returns_of(central, order_id) if r["status"] != "canceled"]
    assert [r["id"] for r in live] == [rid] and live[0]["status"] == "received"
    o = admin_order(central, order_id)
    assert [(ore(r["amount"]), r["note"]) for r in refunds_of(o)] == [(refund, refund_note(key))]
    assert o["metadata"][f"pos_till_refund:{key}"] == [["cash", "", 100]]
    assert stocked(central, a.sku)[HERE] == here + 1
    seen = central.purchases.find_purchase(order_id)
    assert [seen.line(k).returned for k in (la.key, lb.key)] == [1, 1]
    assert seen.tenders[0].refunded == refund + 100  # the krona paid in cash instead, too


# --- through the outbox ------------------------------------------------------------------------------

def test_the_outbox_records_a_return_once_and_sets_a_refused_one_aside(central, session_factory):
    """A store sale and its return queued at once (the return may go first: it waits until the
    sale's order is there), each recorded once; a return of more than is left is dead at once."""
    from pos.db.models_sync import DEAD, SENT
    from pos.db.repositories import OutboxRepository
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.returns import Purchase
    from pos.sync.outbox import DEFAULT_HANDLERS, OutboxWorker
    from pos.sync.outbox import enqueue
    from pos.sync.return_events import RETURN_KIND, return_handlers, return_key
    from pos.sync.sale_events import enqueue_sale

    sale = a_store_sale("store-gbg")
    own = store_order(sale, "store-gbg")
    # the till's own record of its sale: what it returns against while queued
    p = Purchase(kind=PurchaseKind.STORE_SALE, code=receipt_code(sale.register_id, sale.receipt_no),
                 bought_at=sale.completed_at, sale_id=sale.id, lines=tuple(
                     PurchasedLine(str(ln.line_no), "", ln.sku, ln.ean, ln.name, ln.quantity, ln.total,
                         VatRate(ln.vat_rate)) for ln in own.lines))
    ok = central_return(p, [("2", 2, True)], at_till=[("card", "", 3000)])
    too_many = central_return(p, [("3", 3, True)])
    with session_factory() as s, s.begin():
        outbox = OutboxRepository(s)
        for ret in (ok, too_many):  # queued first: sent before the sale's order is there
            enqueue(outbox, RETURN_KIND, return_key(ret.return_sale_id, ret.code), ret.to_dict())
        enqueue_sale(outbox, sale, "store-gbg")
    worker = OutboxWorker(SqlUnitOfWork(session_factory), central.orders,
                          handlers={**DEFAULT_HANDLERS, **return_handlers(central)},
                          clock=lambda: datetime.utcnow() + timedelta(hours=1) * runs[0])
    runs = [0]
    sent, dead = [], []
    for runs[0] in range(6):  # each run an hour later: any backoff has passed
        report = worker.run_once()
        sent += report.sent
        dead += report.dead
    ok_key = return_key(ok.return_sale_id, ok.code)
    refused_key = return_key(too_many.return_sale_id, too_many.code)
    assert sorted(sent) == sorted([sale_key(sale.id), ok_key]) and dead == [refused_key]
    with session_factory() as s:
        repo = OutboxRepository(s)
        row = repo.by_key(ok_key)
        assert row.status == SENT and row.remote_id.startswith("return_")
        refused = repo.by_key(refused_key)
        assert refused.status == DEAD and "refused" in refused.last_error
    order_id = central.purchases.find_purchase(p.code).order_id
    live = [r for r in returns_of(central, order_id) if r["status"] != "canceled"]
    assert [r["id"] for r in live] == [row.remote_id]
    seen = central.purchases.find_purchase(p.code)
    assert [ln.returned for ln in seen.lines] == [2, 0]
    assert [(t.method_id, t.refunded) for t in seen.tenders] == [("card", 3000), ("cash", 0)]


# --- the till, end to end -------------------------------------------------------------------------

def test_a_web_order_returned_at_the_till_reaches_medusa_through_the_outbox(
        central, tmp_path, monkeypatch):
    """The till finds a web order in the central store, takes two units back (one to the shelf,
    one broken), refunds the web payment; its outbox records the return on the order: received
    at store-gbg, stock up there by one, the refund on the payment; the till then sees the
    units returned."""
    import main
    from pos.config import load_config
    from pos.db.unit_of_work import SqlUnitOfWork
    from pos.services.returns import ReturnPick
    from pos.sync.outbox import DEFAULT_HANDLERS, OutboxWorker
    from pos.sync.return_events import RETURN_KIND, return_handlers, return_key

    a, b = articles_at("web-warehouse", 2, minimum=8)
    order_id = a_web_order(central, [(a, 3), (b, 1)])
    number = str(central.purchases.find_purchase(order_id).code)
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    register = f"S{uuid.uuid4().hex[:5].upper()}"
    cfg = tmp_path / "pos.toml"
    cfg.write_text(f'[devices]\nprinter = "dummy"\n[register]\nid = "{register}"\n',
                   encoding="utf-8")
    till, ctx = main.build_till(load_config(cfg))
    till.purchase_records = central.purchases
    till.login("kim", "1234")
    till.open_shift(100000)
    here = stocked(central, a.sku)[HERE]

    view = till.find_purchase(f"#{number}")
    p = view.purchase
    la, lb = line_of(p, a.sku), line_of(p, b.sku)
    assert p.verified and p.kind == PurchaseKind.WEB_ORDER and p.tenders[0].method_id == "web"
    till.return_lines(p, [ReturnPick(la.key, 1, "wrong_size", True),
                          ReturnPick(lb.key, 1, "defect", False)])
    sale = till.refund().sale
    refund = la.total // 3 + lb.total
    assert sale is not None and sale.total == -refund
    assert [(t.method.id, t.amount) for t in sale.tenders] == [("web", -refund)]

    key = return_key(sale.id, number)
    worker = OutboxWorker(SqlUnitOfWork(ctx.session_factory), central.orders,
                          handlers={**DEFAULT_HANDLERS, **return_handlers(central)})
    report = worker.run_once()
    assert key in report.sent and not report.failed and not report.dead
    assert worker.run_once().sent == []
    with SqlUnitOfWork(ctx.session_factory) as uow:
        row = uow.outbox.by_key(key)
        assert row.kind == RETURN_KIND and row.status == "sent"
    (r,) = [r for r in returns_of(central, order_id) if r["status"] != "canceled"]
    assert r["id"] == row.remote_id and r["status"] == "received"
    assert r["location_id"] == central.ids["stock_locations"][HERE]
    assert r["metadata"]["pos_receipt_no"] == sale.receipt_no
    assert stocked(central, a.sku)[HERE] == here + 1
    o = admin_order(central, order_id)
    assert [(ore(x["amount"]), x["note"]) for x in refunds_of(o)] == [(refund, refund_note(key))]
    again = till.find_purchase(number).purchase
    assert [again.line(k).returned for k in (la.key, lb.key)] == [1, 1]
    assert again.tenders[0].refunded == refund
    ctx.engine.dispose()
