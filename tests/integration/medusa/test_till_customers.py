"""One customer in every channel: the till finds a web customer in the real Medusa by the phone
number as the customer says it, sells to them, and the order lands in their order history."""
from __future__ import annotations

import uuid

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from integrations.medusa.store import MedusaStore
from pos.db.engine import make_engine
from pos.db.migrate import upgrade
from pos.db.session import session_factory as make_factory
from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.catalog import load_demo_catalog
from pos.services.setup import ensure_demo_staff
from pos.services.till import Devices, Till, TillConfig
from pos.sync.outbox import OutboxWorker
from tests.integration.medusa.articles import one_in_stock
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

pytestmark = [pytest.mark.medusa, pytest.mark.timeout(600)]


@pytest.fixture
def till(medusa_state, tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path}/pos.sqlite3")
    upgrade(engine)
    sf = make_factory(engine)
    with sf() as s, s.begin():
        load_demo_catalog(s)
    ensure_demo_staff(SqlUnitOfWork(sf))
    store = MedusaStore.from_state(location_key="store-gbg")
    t = Till(sf, Devices(RecordingPrinter(), ScriptedTerminal(), SimulatedControlUnit()),
             TillConfig(card_status_interval=0, register_id=f"C{uuid.uuid4().hex[:4]}"),
             customers=store.customers)
    t.login("kim", "1234")
    t.open_shift(100000)
    yield t, sf, store
    engine.dispose()


def test_a_web_customer_found_at_the_till_gets_the_store_sale_in_their_history(till):
    t, sf, store = till
    found = t.find_customers("070-123 45 67")
    assert [c.email for c in found] == ["anna.svensson@example.se"]
    anna = found[0]
    assert anna.id.startswith("cus_") and anna.name == "Anna Svensson"

    article = one_in_stock("store-gbg")
    t.scan(article.ean)
    t.set_customer(anna)
    sale = t.pay_cash(t.totals().total + 10000).sale
    assert sale is not None and sale.customer_id == anna.id

    report = OutboxWorker(SqlUnitOfWork(sf), store.orders).run_once()
    assert report.sent == [f"sale:{sale.id}"], report
    history = store.client.admin("GET", "/admin/orders", params={
        "customer_id[]": [anna.id], "limit": 50, "order": "-created_at",
        "fields": "id,email,customer_id,total,metadata"})["orders"]
    mine = [o for o in history if (o.get("metadata") or {}).get("pos_sale_id") == sale.id]
    assert len(mine) == 1
    assert mine[0]["customer_id"] == anna.id and mine[0]["email"] == anna.email


def test_a_customer_search_with_no_answer_is_an_empty_list(till):
    t, _, _ = till
    assert t.find_customers(f"nobody-{uuid.uuid4().hex[:8]}@example.se") == []


def test_a_scanned_loyalty_card_finds_the_web_customer(till):
    """The demo customers' cards (``pos/demo/customers.py``) are in Medusa's customer metadata;
    a card scan at the till puts that customer, with their groups, on the sale."""
    from pos.services.till import CustomerSearchError

    t, _, store = till
    johan = store.customers.customer_by_card("10000004")
    assert johan is not None and johan.email == "johan.berg@example.se"
    assert johan.id.startswith("cus_")
    assert store.customers.customer_by_card("99999999") is None

    totals = t.scan("CUST-10000002")
    assert totals.customer is not None and totals.customer.email == "erik.lindqvist@example.se"
    assert totals.customer.id == t.find_customers("erik.lindqvist@example.se")[0].id
    with pytest.raises(CustomerSearchError, match="No customer has card 99999999"):
        t.scan("CUST-99999999")
    assert t.totals().customer == totals.customer  # a wrong card changes nothing
