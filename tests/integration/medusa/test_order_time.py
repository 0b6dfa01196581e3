"""A store sale's order in the real Medusa names the instant the sale was made.

The till runs in Europe/Stockholm (UTC+1 in winter, UTC+2 in summer) and keeps the sale's
local wall-clock time; Medusa keeps UTC. Sent without its offset, the time was an hour or two
off in the central store."""
import random
import time
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from pos.demo.catalog import demo_stock, demo_variants
from pos.payment_methods import CARD
from pos.payments import Tender
from pos.sales import Sale, SaleLine
from pos.sync.sale_events import sale_key, store_order

pytestmark = pytest.mark.medusa


@pytest.fixture
def stockholm(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def a_sale(completed_at: datetime) -> Sale:
    stock = {(s.variant_id, s.location_id): s.stocked for s in demo_stock()}
    v = random.choice([v for v in demo_variants() if stock.get((v.id, "store-gbg"), 0) >= 5])
    line = SaleLine(variant_id=v.id, sku=v.sku, ean=v.ean, name=v.name, quantity=1,
                    unit_price=v.price, original_price=None, discount=0, total=v.price,
                    vat_rate=v.vat_rate)
    return Sale(id=str(uuid.uuid4()), register_id="T1", receipt_no=1, shift_id=1,
                cashier_id="u1", cashier_name="Kim", completed_at=completed_at, lines=(line,),
                tenders=(Tender(CARD, v.price),), total=v.price, discount=0, rounding=0)


def test_the_order_in_medusa_carries_the_instant_of_the_sale(store, stockholm):
    local_now = datetime.now().replace(microsecond=0)  # as the till keeps it: local, naive
    sold = local_now.astimezone(timezone.utc)  # the instant
    assert local_now.astimezone().utcoffset() in (timedelta(hours=1), timedelta(hours=2))
    sale = a_sale(local_now)
    order_id = store.orders.create_store_order(store_order(sale, "store-gbg"), sale_key(sale.id))
    o = store.client.admin("GET", f"/admin/orders/{order_id}",
                           params={"fields": "id,created_at,metadata"})["order"]
    written = datetime.fromisoformat(o["metadata"]["pos_completed_at"].replace("Z", "+00:00"))
    assert written.tzinfo is not None and written == sold
    # Medusa made the order just now, by its own clock in UTC: the same instant, give or take
    # the time the order took (a naive time would be an hour or two off)
    created = datetime.fromisoformat(o["created_at"].replace("Z", "+00:00"))
    assert abs(created - sold) < timedelta(minutes=5), (created, sold)
    # and a retry after a lost answer finds this order by the sale's instant, not another one
    again = store.orders.create_store_order(store_order(sale, "store-gbg"), sale_key(sale.id))
    assert again == order_id
