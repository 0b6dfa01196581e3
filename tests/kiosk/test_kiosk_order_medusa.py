"""Ordering at the kiosk against the real local Medusa, checked on both sides.

1. An article this store lacks, ordered ship-to-home at the kiosk and paid on its own terminal
   (the nexo simulator, the till's driver) whose answer is lost: the kiosk "restarts", asks the
   terminal and completes the sale once, never charging twice; one journaled kiosk receipt and
   one Medusa order (lines, shipping address, payment captured, the sending location's sales
   channel, the kiosk as origin in its metadata) reserved where it is sent from.
2. The same order sent to a till: a web cart with the delivery choice, paid at a till by its QR
   code, becomes the delivery order with the kiosk's address, and the cart is bought."""
from __future__ import annotations

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from hardware.simulators.nexo_terminal import NexoSimulator
from hardware.terminals.factory import make_terminal
from integrations.medusa.calls import sales_channel
from integrations.medusa.client import MedusaClient
from integrations.medusa.kiosk import MedusaKioskCarts
from pos.db.catalog_repository import CatalogRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.delivery import DeliveryRules
from pos.journal import Kind
from pos.kiosk import KioskSettings
from pos.payments import PaymentError
from pos.services import kiosk_orders as orders
from pos.services.context import Devices, TillConfig
from pos.services.ship_to_home import delivery_key
from pos.sync.delivery_events import outbox_handlers
from pos.sync.outbox import OutboxWorker
from tests.integration.medusa.conftest import medusa_state  # noqa: F401 - the fixture
from tests.integration.medusa.test_ship_to_home import levels, set_stock
from tests.integration.medusa.test_web_cart_at_the_till import make_till, synced  # noqa: F401
from tests.services.fakes import RecordingPrinter

pytestmark = [pytest.mark.medusa, pytest.mark.slow, pytest.mark.timeout(900)]

SETTINGS = KioskSettings.from_config({"place": "Kiosk entrén"}, here="store-gbg")
RULES = DeliveryRules()


def lacking_here(store, sf, skip=()):
    """A synced article with no reservation anywhere, made to lack here: 0 here, 3 in
    Stockholm, 7 in the web warehouse."""
    with sf() as s:
        repo = CatalogRepository(s)
        for word in ("tröja", "skjorta", "jeans", "bok"):
            for v in repo.search(word, 80):
                if (v.active and not v.sold_by_weight and v.sku not in skip
                        and v.refs.variant_id.startswith("variant_")
                        and not any(lv.reserved for lv in levels(store, v.sku).values())):
                    set_stock(store, v.sku, store_gbg=0, store_sthlm=3, web_warehouse=7)
                    return v
    raise AssertionError("no article to order")


def kiosk_register(sf, url, polls=0):
    config = orders.kiosk_config(TillConfig(card_status_interval=0, card_status_polls=polls),
                                 "KIOSK1")
    return orders.open_register(SqlUnitOfWork(sf), config,
                                Devices(RecordingPrinter(), make_terminal(url),
                                        SimulatedControlUnit()), name="Kiosk entrén")


def delivery_order_in_medusa(store, key):
    found = store.deliveries.find_delivery_order(key)
    assert found is not None
    return store.client.admin("GET", f"/admin/orders/{found.id}", params={
        "fields": "id,total,email,sales_channel_id,payment_status,fulfillment_status,metadata,"
                  "*items,*shipping_address,*shipping_methods"})["order"]


def test_a_kiosk_order_paid_on_its_terminal_after_a_lost_answer_is_one_medusa_order(synced):  # noqa: F811
    store, sf = synced
    article = lacking_here(store, sf)
    options = orders.options_for(SqlUnitOfWork(sf), store.stock, [(article, 2)], SETTINGS, RULES)
    assert options.home_from == "store-sthlm"  # the nearest that has two, fresh from Medusa
    assert [p.location_id for p in options.pickup] == ["store-sthlm"]
    choice, email = orders.checked_choice(orders.HOME, orders.Contact(
        "Anna Svensson", "Storgatan 1", "41301", "Göteborg", "anna.svensson@example.se"),
        options.home_from, SETTINGS, RULES)

    with NexoSimulator() as terminal:
        ctx = kiosk_register(sf, terminal.url)
        totals = orders.place_order(ctx, [(article, 2)], choice, email)
        expected = totals.total
        terminal.next_fault = "lost_response"  # approved, the answer never arrives
        with pytest.raises(PaymentError) as lost:
            orders.pay(ctx)
        assert lost.value.code == "payment.terminal_no_answer"
        # the kiosk restarts: the waiting order is read back, the terminal asked
        ctx = kiosk_register(sf, terminal.url)
        assert not ctx.state.cart.is_empty
        notes, sale = orders.resume(ctx)
        assert sale is not None and sale.total == expected and sale.register_id == "KIOSK1"
        assert terminal.charges == [expected] and terminal.charged_twice == []
        assert orders.resume(ctx) == ([], None)

    uow = SqlUnitOfWork(sf)
    with uow:
        journaled = [e for e in uow.journal.entries("KIOSK1")
                     if e.kind == Kind.SALE and e.payload["sale_id"] == sale.id]
        assert len(journaled) == 1 and journaled[0].payload["receipt_no"] == sale.receipt_no

    worker = OutboxWorker(SqlUnitOfWork(sf), store.orders,
                          handlers=outbox_handlers(store.deliveries))
    assert delivery_key(sale.id) in worker.run_once().sent
    assert worker.run_once().sent == []
    d = delivery_order_in_medusa(store, delivery_key(sale.id))
    assert [(it["variant_sku"], it["quantity"]) for it in d["items"]] == [(article.sku, 2)]
    addr = d["shipping_address"]
    assert (addr["first_name"], addr["address_1"], addr["postal_code"], addr["city"]) == (
        "Anna", "Storgatan 1", "413 01", "Göteborg")
    assert d["payment_status"] == "captured" and d["email"] == "anna.svensson@example.se"
    assert round(float(d["total"]) * 100) == expected
    assert d["sales_channel_id"] == store.ids["sales_channels"]["store-sthlm"]
    meta = d["metadata"]
    assert meta["pos_origin"] == "kiosk" and meta["pos_register_id"] == "KIOSK1"
    assert meta["pos_location"] == "store-gbg" and meta["pos_delivery_from"] == "store-sthlm"
    assert levels(store, article.sku)["store-sthlm"].reserved == 2


def test_an_order_sent_to_a_till_is_paid_there_by_its_qr_and_sent_as_chosen(synced):  # noqa: F811
    store, sf = synced
    article = lacking_here(store, sf)
    choice, email = orders.checked_choice(orders.HOME, orders.Contact(
        "Erik Lind", "Kungsgatan 5", "11143", "Stockholm", "erik.lind@example.se"),
        "web-warehouse", SETTINGS, RULES)
    carts = MedusaKioskCarts(MedusaClient(store.ids["url"],
                                          publishable_key=store.ids["publishable_key"]),
                             store.ids, "store-gbg")
    saved = orders.send_to_till([(article, 1)], choice, email, carts, place="Kiosk entrén")

    till = make_till(sf, store)
    loaded = till.web_cart(saved.url)  # the QR code the kiosk showed
    assert [(lt.line.variant.sku, lt.line.deliver) for lt in loaded.totals.lines][0] == (
        article.sku, True)
    sale = till.pay_card().sale
    assert sale is not None and sale.web_cart_id == saved.id
    worker = OutboxWorker(SqlUnitOfWork(sf), store.orders,
                          handlers=outbox_handlers(store.deliveries))
    assert delivery_key(sale.id) in worker.run_once().sent
    d = delivery_order_in_medusa(store, delivery_key(sale.id))
    assert d["shipping_address"]["address_1"] == "Kungsgatan 5"
    assert d["sales_channel_id"] == sales_channel(store.ids, "web-warehouse")
    assert d["payment_status"] == "captured"
    status = store.web_carts.web_cart_status(saved.id)
    assert status["status"] == "bought" and status["order_id"] == d["id"]
