"""Every time that leaves the till names its instant: ISO 8601 with its UTC offset.

The till keeps a sale's ``completed_at`` as local wall-clock time (what the receipt prints); the
central store is elsewhere (Medusa keeps UTC), so a time without an offset is read in the wrong
zone there. These run in Europe/Stockholm, where local time is UTC+1 in winter and UTC+2 in
summer, so a naive time is an hour or two off."""
import json
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from integrations.medusa.catalog_feed import MedusaCatalogFeed
from integrations.medusa.order_sink import MedusaOrderSink
from pos.commerce import StoreOrder
from pos.db.repositories import OutboxRepository
from pos.sync.sale_events import enqueue_sale, sale_key, sale_order_payload, store_order
from tests.services.conftest import make_till, printer, terminal  # noqa: F401 - fixtures
from tests.sync.test_outbox import make_sale

WINTER = datetime(2026, 1, 15, 12, 0, 0)  # local: 11:00 UTC
SUMMER = datetime(2026, 7, 1, 12, 0, 0)  # local: 10:00 UTC


@pytest.fixture(autouse=True)
def stockholm(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def times_in(node: Any, path: str = "") -> list[tuple[str, str]]:
    """(where, text) of every string in a JSON document that reads as a date and time."""
    if isinstance(node, dict):
        return [t for k, v in node.items() for t in times_in(v, f"{path}.{k}")]
    if isinstance(node, list):
        return [t for i, v in enumerate(node) for t in times_in(v, f"{path}[{i}]")]
    if isinstance(node, str) and len(node) >= 16 and node[4:5] == "-" and node[10:11] == "T":
        try:
            datetime.fromisoformat(node)
        except ValueError:
            return []
        return [(path, node)]
    return []


def test_a_sales_order_carries_its_local_time_with_the_offset_of_that_date():
    summer = store_order(replace(make_sale(1), completed_at=SUMMER), "store-gbg")
    winter = store_order(replace(make_sale(2), completed_at=WINTER), "store-gbg")
    assert summer.completed_at == "2026-07-01T12:00:00+02:00"
    assert winter.completed_at == "2026-01-15T12:00:00+01:00"
    assert datetime.fromisoformat(summer.completed_at) == datetime(2026, 7, 1, 10, tzinfo=timezone.utc)


def test_a_time_that_already_knows_its_zone_is_sent_as_that_instant():
    at = datetime(2026, 7, 1, 10, 0, tzinfo=timezone.utc)
    order = store_order(replace(make_sale(1), completed_at=at), "store-gbg")
    assert datetime.fromisoformat(order.completed_at) == at


def test_every_time_in_a_queued_payload_has_an_offset(session_factory):
    with session_factory() as s, s.begin():
        enqueue_sale(OutboxRepository(s), replace(make_sale(1), completed_at=SUMMER), "store-gbg")
    with session_factory() as s:
        payload = json.loads(OutboxRepository(s).by_key(sale_key("sale-0001")).payload_json)
    found = times_in(payload)
    assert found, "the payload has no time at all"
    for where, text in found:
        assert datetime.fromisoformat(text).tzinfo is not None, f"{where}: {text} has no offset"


def test_a_sale_completed_at_the_till_is_queued_with_its_instant(make_till, session_factory):
    from pos.services.till import Till

    built = make_till()  # the demo catalogue and staff in the database
    t = Till(session_factory, built.ctx.devices, built.ctx.config, clock=lambda: SUMMER)
    t.login("kim", "1234")
    t.open_shift(50000)
    t.scan("KAF-1")
    sale = t.pay_cash(10000).sale
    assert sale.completed_at == SUMMER  # the till keeps local wall-clock time (the receipt's)
    with session_factory() as s:
        payload = json.loads(OutboxRepository(s).by_key(sale_key(sale.id)).payload_json)
    sent = datetime.fromisoformat(payload["completed_at"])
    assert sent == datetime(2026, 7, 1, 10, 0, tzinfo=timezone.utc)
    assert StoreOrder.from_dict(payload).completed_at == payload["completed_at"]


# --- what the Medusa adapters write ----------------------------------------------------------------


class ScriptedMedusa:
    """Answers the admin calls an order's delivery makes; remembers every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, dict[str, Any]]] = []

    def admin(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        self.calls.append((method, path, kw))
        if method == "GET" and path in ("/admin/orders", "/admin/draft-orders"):
            return {path.rsplit("/", 1)[1].replace("-", "_"): [], "count": 0}
        if path == "/admin/product-variants":
            return {"variants": [{"id": "variant_1", "sku": s} for s in kw["params"]["sku[]"]],
                    "count": 1}
        if path == "/admin/inventory-items":
            return {"inventory_items": []}
        if path == "/admin/draft-orders":
            return {"draft_order": {"id": "draft_1"}}
        if path.endswith("/convert-to-order"):
            return {"order": {"id": "order_1"}}
        if path == "/admin/orders/order_1":
            return {"order": {"id": "order_1", "total": 199, "payment_status": "captured",
                              "fulfillment_status": "fulfilled"}}
        if path == "/admin/product-variants":
            return {"variants": [], "count": 0}
        raise AssertionError(f"unexpected call {method} {path}")

    def params(self, name: str) -> list[str]:
        return [kw["params"][name] for _, _, kw in self.calls if name in kw.get("params", {})]


IDS = {"region_id": "reg_1", "sales_channels": {"store-gbg": "sc_gbg", "web": "sc_web"},
       "stock_locations": {"store-gbg": "sloc_gbg"}}


def sent_at_sign(text: str) -> datetime:
    t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    assert t.tzinfo is not None, f"{text} has no offset"
    return t


@pytest.mark.parametrize("queued", ["2026-07-01T12:00:00", "2026-07-01T12:00:00+02:00"],
                         ids=["queued before times had offsets", "queued with its offset"])
def test_the_order_sink_writes_the_sales_instant_and_filters_by_instants(queued):
    medusa = ScriptedMedusa()
    payload = sale_order_payload(replace(make_sale(1), completed_at=SUMMER), "store-gbg")
    order = StoreOrder.from_dict({**payload, "completed_at": queued})
    assert MedusaOrderSink(medusa, IDS).create_store_order(order, "sale:sale-0001") == "order_1"
    (draft,) = [kw["json"] for m, p, kw in medusa.calls if (m, p) == ("POST", "/admin/draft-orders")]
    instant = datetime(2026, 7, 1, 10, 0, tzinfo=timezone.utc)
    assert sent_at_sign(draft["metadata"]["pos_completed_at"]) == instant
    for text in times_in(draft):
        assert sent_at_sign(text[1])
    since = medusa.params("created_at[$gte]")
    assert since and all(sent_at_sign(s) == instant - timedelta(days=1) for s in since)


def test_the_catalogue_cursor_is_sent_as_utc():
    medusa = ScriptedMedusa()
    medusa_answer = medusa.admin
    medusa.admin = lambda m, p, **kw: (medusa.calls.append((m, p, kw)) or
                                       {"variants": [], "count": 0}) \
        if p == "/admin/product-variants" else medusa_answer(m, p, **kw)
    feed = MedusaCatalogFeed(medusa, IDS)
    cursor = datetime(2026, 7, 1, 10, 0)  # the sync keeps its cursor as naive UTC
    list(feed.iter_variants(updated_since=cursor))
    feed.count_variants(updated_since=cursor)
    sent = medusa.params("updated_at[$gte]")
    assert len(sent) == 2
    assert all(sent_at_sign(s) == cursor.replace(tzinfo=timezone.utc) for s in sent)
