"""The back office's Orders page against the real local Medusa: what the central store says of
a ship-to-home order placed here (paid, not fulfilled, then shipped with its tracking), of a
pickup order (marked arrived from the back office, journaled with who) and of a return taken
here (received, refunded), read in batches (one request for a page of orders); and what the
page's read says when the central store cannot be reached."""
from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest

from integrations.medusa.client import MedusaClient
from integrations.medusa.store import MedusaStore
from integrations.notifications import RecordingNotifier
from pos.central_orders import FulfilmentStage, ReturnStage
from pos.db.unit_of_work import SqlUnitOfWork
from pos.delivery import DeliveryAddress, DeliveryOrder, DeliveryOrderLine
from pos.pickups import PickupStage
from pos.ports import CommerceUnavailable
from pos.services import order_desk
from pos.services.backoffice import BACKOFFICE
from tests.integration.medusa.shopper import Shopper
from tests.integration.medusa.test_pickups import admin_order, warehouse_sends
from tests.integration.medusa.test_returns_central import (a_web_order, articles_at,
                                                           central_return, line_of, refund_of)

pytestmark = [pytest.mark.medusa, pytest.mark.timeout(600)]

HERE = "store-gbg"
ADDRESS = DeliveryAddress("Anna Svensson", "Storgatan 1", "111 22", "Stockholm", "+46701234567")


@pytest.fixture
def central(medusa_state):
    return MedusaStore.from_state(location_key=HERE)


class Counting:
    """Counts the admin requests a call makes."""

    def __init__(self, client: MedusaClient) -> None:
        self.client, self.calls = client, []
        self._admin = client.admin

    def __enter__(self) -> "Counting":
        def admin(method, path, **kw):  # type: ignore[no-untyped-def]
            self.calls.append((method, path))
            return self._admin(method, path, **kw)
        self.client.admin = admin  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc) -> None:  # type: ignore[no-untyped-def]
        self.client.admin = self._admin  # type: ignore[method-assign]


def a_delivery_order(central: MedusaStore) -> tuple[str, DeliveryOrder]:
    """A ship-to-home order as the outbox sends one: 3 of an article with 1,01 kr off the line
    and 1 of another, from the web warehouse, 49,00 shipping."""
    a, b = articles_at("web-warehouse", 2, minimum=8)
    receipt = int(uuid.uuid4().int % 900000) + 1
    order = DeliveryOrder(
        order_ref=f"L-K1-{receipt:06d}", sale_id=str(uuid.uuid4()), register_id="K1",
        receipt_no=receipt, completed_at=datetime.now().astimezone().isoformat(timespec="seconds"),
        sold_at_location=HERE, location_id="web-warehouse",
        lines=(DeliveryOrderLine(a.sku, a.name, 3, a.price * 3 - 101),
               DeliveryOrderLine(b.sku, b.name, 1, b.price)),
        shipping_fee=4900, address=ADDRESS, expected_on=date.today().isoformat(),
        customer_email="anna.svensson@example.se")
    remote = central.deliveries.create_delivery_order(order, f"delivery:{order.sale_id}")
    return remote.id, order


def test_a_ship_to_home_order_paid_then_shipped_with_its_tracking(central):
    order_id, order = a_delivery_order(central)
    with Counting(central.client) as counted:
        statuses = central.order_status.order_statuses([order_id, "order_01NOSUCHORDER"])
    assert counted.calls == [("GET", "/admin/orders")]  # one request for the page
    s = statuses[order_id]
    assert "order_01NOSUCHORDER" not in statuses
    assert (s.payment_status, s.fulfilment_stage, s.tracking) == (
        "captured", FulfilmentStage.NOT_FULFILLED, ())
    assert s.total == order.total  # öre: 3 x price - 1,01 + price + 49,00
    assert sorted((ln.sku, ln.quantity, ln.total) for ln in s.lines) == sorted(
        (ln.sku, ln.quantity, ln.total) for ln in order.lines)
    assert [(p.amount, p.captured, p.refunded) for p in s.payments] == [(order.total, True, 0)]

    # the warehouse sends it with a tracking number
    o = admin_order(central, order_id)
    items = [{"id": it["id"], "quantity": it["quantity"]} for it in o["items"]]
    central.client.admin("POST", f"/admin/orders/{order_id}/fulfillments", json={
        "location_id": central.ids["stock_locations"]["web-warehouse"], "items": items})
    fulfilment = admin_order(central, order_id)["fulfillments"][-1]
    central.client.admin("POST", f"/admin/orders/{order_id}/fulfillments/{fulfilment['id']}"
                                 "/shipments", json={"items": items, "labels": [{
                                     "tracking_number": "PN123456789SE",
                                     "tracking_url": "https://tracking.example/PN123456789SE",
                                     "label_url": "https://tracking.example/label.pdf"}]})
    s = central.order_status.order_statuses([order_id])[order_id]
    assert (s.fulfillment_status, s.fulfilment_stage, s.tracking) == (
        "shipped", FulfilmentStage.SHIPPED, ("PN123456789SE",))
    assert [f.location_key for f in s.fulfilments] == ["web-warehouse"]
    central.client.admin("POST", f"/admin/orders/{order_id}/fulfillments/{fulfilment['id']}"
                                 "/mark-as-delivered", json={})
    s = central.order_status.order_statuses([order_id])[order_id]
    assert s.fulfilment_stage is FulfilmentStage.DELIVERED


def test_many_orders_are_read_in_one_request(central):
    ids = [a_delivery_order(central)[0] for _ in range(3)]
    with Counting(central.client) as counted:
        statuses = central.order_status.order_statuses(ids)
    assert counted.calls == [("GET", "/admin/orders")]
    assert sorted(statuses) == sorted(ids)


def test_a_web_order_returned_here_is_received_and_refunded_centrally(central):
    a, b = articles_at("web-warehouse", 2, minimum=8)
    order_id = a_web_order(central, [(a, 3), (b, 1)])
    p = central.purchases.find_purchase(order_id)
    la = line_of(p, a.sku)
    wanted = [(la.key, 2, True)]
    refund = refund_of(p, wanted)  # two thirds of a line with 10 % off: not a round sum
    ret = central_return(p, wanted, refund_central=refund)
    key = f"return:{ret.return_sale_id}:{p.code}"
    rid = central.returns.register_return(ret, key)
    with Counting(central.client) as counted:
        statuses = central.order_status.return_statuses([rid])
    assert counted.calls == [("GET", "/admin/returns"), ("GET", "/admin/orders")]
    s = statuses[rid]
    assert (s.order_id, s.status, s.refund_amount, s.refunded, s.stage) == (
        order_id, "received", refund, refund, ReturnStage.REFUNDED)
    assert s.display_id == admin_order(central, order_id)["display_id"]


def test_a_pickup_marked_arrived_from_the_back_office(central, session_factory):
    sku = articles_at("web-warehouse", 1, minimum=5)[0].sku
    shopper = Shopper(central.ids).register("Lisa", "Ek")
    placed = shopper.order_for_pickup([(sku, 1)], HERE, pay_in_store=True)
    order_id = placed["id"]
    warehouse_sends(central, order_id)
    listed = {o.id: o for o in central.pickups.pickup_orders(HERE)}
    assert listed[order_id].stage is PickupStage.ON_THE_WAY
    notifier = RecordingNotifier()
    uow = SqlUnitOfWork(session_factory)
    now = datetime.now().replace(microsecond=0)
    done = order_desk.mark_arrived(central.pickups, notifier, uow, HERE, "Omnihandeln Göteborg",
                                   order_id, now, "maja")
    assert done.stage is PickupStage.READY and done.arrived_at
    meta = admin_order(central, order_id)["metadata"]
    assert meta["pos_pickup_arrived_location"] == HERE and meta["pos_pickup_notified_at"]
    # sent again: the customer told a second time, the first notice's time kept
    again = order_desk.send_notice_again(central.pickups, notifier, uow, HERE,
                                         "Omnihandeln Göteborg", order_id, now, "maja")
    assert again.notified_at == done.notified_at
    assert admin_order(central, order_id)["metadata"]["pos_pickup_notified_at"] == \
        meta["pos_pickup_notified_at"]
    with uow:
        entries = [(e.kind, e.payload["order_id"], e.payload["user"])
                   for e in uow.journal.entries(BACKOFFICE)]
    assert entries == [("pickup_received", order_id, "maja"),
                       ("pickup_notice_sent_again", order_id, "maja")]
    # not overdue today; overdue 7 days on
    from datetime import timedelta
    assert not order_desk.overdue(again, now, 7)
    assert order_desk.overdue(again, now + timedelta(days=7, minutes=1), 7)


def test_the_central_store_unreachable_is_said_as_such(medusa_state):
    ids = dict(medusa_state)
    client = MedusaClient("http://127.0.0.1:9", ids["admin_email"], ids["admin_password"],
                          retries=0, timeout=2)
    down = MedusaStore(client, ids, HERE)
    with pytest.raises(CommerceUnavailable):
        down.order_status.order_statuses(["order_01X"])
    with pytest.raises(CommerceUnavailable):
        down.order_status.return_statuses(["return_01X"])
    assert down.order_status.order_statuses([]) == {}  # nothing to ask: no request
