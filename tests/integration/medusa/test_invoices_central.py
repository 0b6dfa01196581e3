"""Invoices against the real local Medusa, both sides checked: an invoice sale at one till makes
an order whose payment is open (authorized, not captured) with the till's OCR; it is paid at
ANOTHER till (its own database) and captured once; paying it again is refused; a web checkout
through the store API chooses invoice (pp_invoice_invoice) and gets the web series' OCR, paid at
the till; an invoice paid at two tills while offline is captured once and the second capture
surfaces in the outbox as dead for the back office."""
from __future__ import annotations

import random
import uuid
from datetime import datetime

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from integrations.medusa.store import MedusaStore
from pos.db.engine import make_engine
from pos.db.migrate import upgrade
from pos.db.models_sync import DEAD, SENT, OutboxRow
from pos.db.session import session_factory as make_factory
from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.catalog import demo_variants, load_demo_catalog
from pos.invoices import Buyer, InvoiceError, InvoiceRules, InvoiceStatus, check_ocr
from pos.services import invoices
from pos.services.setup import ensure_demo_staff
from pos.services.till import Devices, Till, TillConfig
from pos.sync.invoice_events import invoice_handlers
from pos.sync.outbox import OutboxWorker
from tests.integration.medusa.articles import one_in_stock
from tests.integration.medusa.shopper import Shopper
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

pytestmark = [pytest.mark.medusa, pytest.mark.timeout(600)]
RULES = InvoiceRules(series="1", days=30, bankgiro="123-4567")


def _till(tmp_path, name: str, series: str = "1"):
    engine = make_engine(f"sqlite:///{tmp_path}/{name}.sqlite3")
    upgrade(engine)
    sf = make_factory(engine)
    with sf() as s, s.begin():
        load_demo_catalog(s)
    ensure_demo_staff(SqlUnitOfWork(sf))
    store = MedusaStore.from_state(location_key="store-gbg")
    # each test run its own series digits: the central store keeps every run's invoices
    t = Till(sf, Devices(RecordingPrinter(), ScriptedTerminal(), SimulatedControlUnit()),
             TillConfig(card_status_interval=0, register_id=f"I{uuid.uuid4().hex[:4]}",
                        invoice=InvoiceRules(series=series, bankgiro="123-4567")),
             customers=store.customers)
    t.login("kim", "1234")
    t.open_shift(100000)
    return t, sf, store, engine


def _deliver(sf, store):
    from pos.sync.outbox import DEFAULT_HANDLERS
    worker = OutboxWorker(SqlUnitOfWork(sf), store.orders,
                          handlers={**DEFAULT_HANDLERS, **invoice_handlers(store)})
    return worker.run_once()


def _payment(store, order_id):
    o = store.client.admin("GET", f"/admin/orders/{order_id}", params={
        "fields": "id,payment_status,*payment_collections,*payment_collections.payments,"
                  "*payment_collections.payments.captures"})["order"]
    pays = [p for pc in o["payment_collections"] for p in pc.get("payments") or []]
    return o, pays


@pytest.fixture
def series():
    return str(random.randint(100, 899))  # three digits: this run's own numbers


def test_invoice_sale_at_one_till_paid_at_another_captured_once(medusa_state, tmp_path, series):
    a, sf_a, store, eng_a = _till(tmp_path, "a", series)
    b, sf_b, _, eng_b = _till(tmp_path, "b", series)
    try:
        anna = a.find_customers("anna.svensson@example.se")[0]
        article = one_in_stock("store-gbg")
        a.scan(article.ean)
        a.set_customer(anna)
        sale = invoices.pay_by_invoice(a.ctx, Buyer(anna.id, anna.name, ("Storgatan 1",
                                                                         "411 01 Göteborg"))).sale
        ocr = sale.tenders[0].terminal_ref
        assert check_ocr(ocr, length_digit=True)
        assert _deliver(sf_a, store).sent == [f"sale:{sale.id}"]
        # central: the order's payment is the invoice, authorized and not captured
        [found] = store.invoices.find(ocr=ocr)
        assert found.amount_due == sale.total and found.status is InvoiceStatus.OPEN
        order, pays = _payment(store, found.order_id)
        assert order["payment_status"] == "authorized"
        assert [p["provider_id"] for p in pays] == ["pp_invoice_invoice"]
        assert not pays[0].get("captures")
        assert anna.id in {i.customer_id for i in store.invoices.find(customer_id=anna.id)}

        # paid at another till (another database): the central store tells it what is due
        due = invoices.lookup(store.invoices, b.ctx.uow, ocr, datetime.now().date())
        assert due.source == "central" and due.amount_due == sale.total
        invoices.start_invoice_payment(b.ctx, due)
        paid = b.pay_cash(sale.total + 10000).sale
        report = _deliver(sf_b, store)
        assert report.sent == [f"invoice_capture:{paid.id}"], report
        order, pays = _payment(store, found.order_id)
        assert order["payment_status"] == "captured"
        assert len(pays[0]["captures"]) == 1
        assert round(float(pays[0]["captures"][0]["amount"]) * 100) == sale.total
        with SqlUnitOfWork(sf_b) as uow:
            journal = [e.payload for e in uow.journal.entries(b.register_id)
                       if e.kind == "invoice_payment"]
        assert journal[0]["ocr"] == ocr and journal[0]["amount"] == sale.total
        # the same capture again (a lost answer): no second capture
        assert store.invoices.capture(ocr, sale.total, f"invoice_capture:{paid.id}", {})
        assert len(_payment(store, found.order_id)[1][0]["captures"]) == 1
        # paying it again: the central store says it is paid, the till refuses
        again = invoices.lookup(store.invoices, b.ctx.uow, ocr, datetime.now().date())
        assert again.status is InvoiceStatus.PAID
        with pytest.raises(InvoiceError) as e:
            invoices.start_invoice_payment(b.ctx, again)
        assert e.value.code == "invoice.already_paid"
    finally:
        eng_a.dispose()
        eng_b.dispose()


def test_web_checkout_by_invoice_paid_at_the_till_and_twice_offline(medusa_state, tmp_path):
    shopper = Shopper(medusa_state).register()
    address = {"first_name": "Lisa", "last_name": "Ek", "address_1": "Kungsgatan 1",
               "city": "Göteborg", "postal_code": "41119", "country_code": "se"}
    ids = medusa_state
    cart = shopper.call("POST", "/store/carts", json={
        "region_id": ids["region_id"], "sales_channel_id": ids["sales_channels"]["web"],
        "items": [{"variant_id": shopper.variant_id(demo_variants()[0].sku), "quantity": 1}],
        "shipping_address": address, "billing_address": address})["cart"]
    option = ids["shipping_options"]["pickup-store-gbg"]
    shopper.call("POST", f"/store/carts/{cart['id']}/shipping-methods", json={"option_id": option})
    providers = shopper.call("GET", "/store/payment-providers",
                             params={"region_id": ids["region_id"]})["payment_providers"]
    assert "pp_invoice_invoice" in {p["id"] for p in providers}
    pc = shopper.call("POST", "/store/payment-collections", json={"cart_id": cart["id"]})
    shopper.call("POST", f"/store/payment-collections/{pc['payment_collection']['id']}"
                         "/payment-sessions", json={"provider_id": "pp_invoice_invoice"})
    done = shopper.call("POST", f"/store/carts/{cart['id']}/complete")
    assert done.get("type") == "order", done
    order_id = done["order"]["id"]

    a, sf_a, store, eng_a = _till(tmp_path, "a")
    b, sf_b, _, eng_b = _till(tmp_path, "b")
    try:
        order, pays = _payment(store, order_id)
        assert order["payment_status"] == "authorized"
        ocr = pays[0]["data"]["ocr"]
        assert pays[0]["data"]["number"].startswith("9") and check_ocr(ocr, length_digit=True)
        today = datetime.now().date()
        # both tills look it up while the central store answers, then take payment offline
        due_a = invoices.lookup(store.invoices, a.ctx.uow, f"{ocr}", today)
        due_b = invoices.lookup(store.invoices, b.ctx.uow, f"{ocr}", today)
        assert due_a.amount_due == due_b.amount_due > 0 and due_a.order_id == order_id
        invoices.start_invoice_payment(a.ctx, due_a)
        sale_a = a.pay_cash(due_a.amount_due + 10000).sale
        invoices.start_invoice_payment(b.ctx, due_b)
        sale_b = b.pay_cash(due_b.amount_due + 10000).sale
        # back online: the first capture goes through, the second is refused and set aside
        assert _deliver(sf_a, store).sent == [f"invoice_capture:{sale_a.id}"]
        report = _deliver(sf_b, store)
        assert report.sent == [] and report.dead == [f"invoice_capture:{sale_b.id}"], report
        with sf_b() as s:
            row = s.query(OutboxRow).filter_by(key=f"invoice_capture:{sale_b.id}").one()
            assert row.status == DEAD and "already paid" in (row.last_error or "")
        with sf_a() as s:
            assert s.query(OutboxRow).filter_by(
                key=f"invoice_capture:{sale_a.id}").one().status == SENT
        order, pays = _payment(store, order_id)
        assert order["payment_status"] == "captured" and len(pays[0]["captures"]) == 1
    finally:
        eng_a.dispose()
        eng_b.dispose()


def test_a_customers_own_credit_limit_and_open_invoices_come_from_the_central_store(
        medusa_state, tmp_path, series):
    a, sf_a, store, eng_a = _till(tmp_path, "a", series)
    try:
        erik = a.find_customers("erik")[0]
        store.client.admin("POST", f"/admin/customers/{erik.id}",
                           json={"metadata": {"credit_limit": "250.50"}})
        assert store.invoices.credit_limit(erik.id) == 25050
        article = next(v for v in demo_variants() if v.price > 25050 // 2)
        a.scan(article.ean)
        a.scan(article.ean)
        a.set_customer(erik)
        found, limit = invoices.credit_of(store.invoices, erik.id, datetime.now().date())
        assert limit == 25050
        buyer = Buyer(erik.id, erik.name, ("Gatan 2", "411 02 Göteborg"))
        from pos.cart import ApprovalRequired
        with pytest.raises(ApprovalRequired) as e:
            invoices.pay_by_invoice(a.ctx, buyer, central_open=found, credit_limit=limit)
        assert e.value.code == "invoice.over_credit_limit"
        assert e.value.params["limit"] == "250,50"
    finally:
        store.client.admin("POST", f"/admin/customers/{erik.id}",
                           json={"metadata": {"credit_limit": ""}})
        eng_a.dispose()
