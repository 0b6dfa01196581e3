"""Pickups over the in-memory unit of work and central store: finding an order by its QR code or
number, receiving it (once), paying an unpaid one at the till beside store articles (its lines
fixed at the order's prices, left out of the sale's store order, its handover queued once),
handing over a paid one without a sale, and the outbox handler."""
from __future__ import annotations

import pytest

from integrations.notifications import RecordingNotifier
from pos.cart import CartError, Discount
from pos.pickups import PickupError, PickupStage, order_code
from pos.services import payments, pickups, sale_completion, selling
from pos.sync.outbox import STORE_ORDER
from pos.sync.pickup_events import PICKUP_HANDOVER, handover_handler, pickup_key
from pos.sync.sale_events import sale_key
from pos.vat import VatRate
from tests.fakes.pickups import FakePickups, pickup_order
from tests.fakes.register import NOON, open_register, stocked_uow
from tests.services.conftest import ARTICLES

TSHIRT, KAFFE, BOK = ARTICLES


@pytest.fixture
def ctx():
    return open_register(stocked_uow(ARTICLES))


def unpaid():
    # 2 T-shirts (25 %) with 33,33 kr off online and a book (6 %): 2*199 - 33,33 + 129,50
    return pickup_order(1042, [(TSHIRT, 2), (BOK, 1)], off=3333)


def paid():
    return pickup_order(1043, [(KAFFE, 1)], paid=True, source="store-gbg")


def test_an_order_is_found_by_its_qr_code_its_id_or_its_number():
    store = FakePickups(unpaid())
    order = unpaid()
    for code in (f"https://shop.omnihandeln.se/account/orders/{order.id}", order.id, "1042",
                 "#1042", " 1042 "):
        assert pickups.find(store, code, "store-gbg").id == order.id
    assert order_code("7350000000019") == ""  # an article's barcode is no order number
    with pytest.raises(PickupError) as e:
        pickups.find(store, "1042", "store-sthlm")
    assert e.value.code == "pickup.not_this_store"
    with pytest.raises(PickupError) as e:
        pickups.find(store, "9999", "store-gbg")
    assert e.value.code == "pickup.not_found"


def test_a_parcel_is_received_once_and_the_customer_told_once(ctx):
    order = pickup_order(1044, [(BOK, 1)], stage=PickupStage.ON_THE_WAY)
    store, notifier = FakePickups(order), RecordingNotifier()
    args = (store, notifier, ctx.uow, "K1", "store-gbg", "Omnihandeln Göteborg")
    after = pickups.receive(*args, order.id, NOON, "kim")
    assert after.stage is PickupStage.READY
    assert [n.order_id for n in notifier.sent] == [order.id]
    assert "Omnihandeln Göteborg" in notifier.sent[0].text
    pickups.receive(*args, "1044", NOON, "kim")
    assert len(notifier.sent) == 1 and store.calls == [("arrived", order.id),
                                                       ("notified", order.id)]
    entries = [e for e in ctx.uow.data.journal if e.kind == pickups.PICKUP_RECEIVED]
    assert len(entries) == 1 and entries[0].payload["customer_told"] is True


def test_a_notice_that_cannot_be_sent_leaves_the_order_arrived_and_is_tried_again(ctx):
    order = pickup_order(1044, [(BOK, 1)], stage=PickupStage.ON_THE_WAY)
    store = FakePickups(order)

    class Broken:
        def order_ready(self, order, location_name):
            raise OSError("mail server down")
    with pytest.raises(OSError):
        pickups.receive(store, Broken(), ctx.uow, "K1", "store-gbg", "Gbg", order.id, NOON, None)
    assert store.orders[order.id].stage is PickupStage.ARRIVED
    notifier = RecordingNotifier()
    after = pickups.receive(store, notifier, ctx.uow, "K1", "store-gbg", "Gbg", order.id, NOON,
                            None)
    assert after.stage is PickupStage.READY and len(notifier.sent) == 1


def test_an_unpaid_order_is_paid_with_a_store_article_and_makes_no_second_order(ctx):
    order = unpaid()
    assert order.total == 2 * 19900 - 3333 + 12950 == 49417
    totals = pickups.take_payment(ctx, order)
    assert totals.total == order.total
    selling.scan(ctx, KAFFE.ean)
    selling.discount_cart(ctx, Discount(amount=500))  # the sale's discount: store goods only
    totals = selling.totals(ctx)
    assert totals.total == order.total + KAFFE.price - 500
    by_line = {lt.line.variant.sku: lt for lt in totals.lines}
    assert by_line["TSH-1"].total == 2 * 19900 - 3333 and by_line["BOK-1"].total == 12950
    # 25 %: the T-shirts (36 467), 12 %: the coffee (5 490), 6 %: the book (12 950)
    assert {v.rate: v.gross for v in totals.vat} == {
        VatRate.STANDARD: 36467, VatRate.FOOD: 5490, VatRate.REDUCED: 12950}

    line = next(lt.line for lt in totals.lines if lt.line.order_id)
    for refused in (lambda: selling.set_quantity(ctx, line.line_id, 5),
                    lambda: selling.discount_line(ctx, line.line_id, Discount(amount=100)),
                    lambda: selling.override_price(ctx, line.line_id, 100, "9999")):
        with pytest.raises(CartError) as e:
            refused()
        assert e.value.code == "pickup.line_fixed"
    with pytest.raises(PickupError) as e:
        pickups.take_payment(ctx, order)
    assert e.value.code == "pickup.already_in_sale"

    payments.start_payment(ctx)
    payments.pay_cash(ctx, 60000)
    sale = ctx.uow.data.sales and next(iter(ctx.uow.data.sales.values()))
    assert sale.total == 49417 + 5990 - 500 == 54907 and sale.paid == 54900  # whole kronor
    assert [ln.order_no for ln in sale.lines] == ["1042", "1042", ""]

    outbox = ctx.uow.data.outbox
    kind, store_order = outbox[sale_key(sale.id)]
    assert kind == STORE_ORDER
    assert [ln["sku"] for ln in store_order["lines"]] == ["KAF-1"]  # the coffee only
    assert store_order["total"] == 5990 - 500
    kind, handover = outbox[pickup_key(order.id)]
    assert kind == PICKUP_HANDOVER and handover["paid_here"] == order.total
    assert handover["reference"]["receipt_no"] == sale.receipt_no
    assert ctx.state.cart.is_empty

    with pytest.raises(PickupError) as e:  # the next customer cannot pay it again here
        pickups.take_payment(ctx, order)
    assert e.value.code == "pickup.handed_over_here"


def test_a_sale_of_the_order_alone_queues_no_store_order(ctx):
    order = unpaid()
    pickups.take_payment(ctx, order)
    payments.start_payment(ctx)
    view = payments.pay_card(ctx)
    assert view.sale is not None
    assert set(ctx.uow.data.outbox) == {pickup_key(order.id)}


def test_removing_a_line_of_the_order_takes_the_whole_order_out(ctx):
    pickups.take_payment(ctx, unpaid())
    selling.scan(ctx, KAFFE.ean)
    first = ctx.state.cart.lines[0]
    totals = selling.remove_line(ctx, first.line_id)
    assert [lt.line.variant.sku for lt in totals.lines] == ["KAF-1"]


def test_the_order_in_the_saved_sale_comes_back_as_the_orders(ctx):
    pickups.take_payment(ctx, unpaid())
    saved, _ = ctx.uow.data.open_carts["K1"]
    ctx.state.clear_sale()
    ctx.state.restore((saved, None))
    lines = ctx.state.cart.lines
    assert [(ln.order_id, ln.order_no) for ln in lines] == [(unpaid().id, "1042")] * 2
    assert ctx.state.cart.totals().total == unpaid().total


def test_a_paid_order_is_handed_over_without_a_sale_once(ctx):
    order = paid()
    with pytest.raises(PickupError) as e:
        pickups.take_payment(ctx, order)
    assert e.value.code == "pickup.already_paid"
    pickups.hand_over_paid(ctx, order)
    with pytest.raises(PickupError) as e:
        pickups.hand_over_paid(ctx, order)
    assert e.value.code == "pickup.handed_over_here"
    assert ctx.uow.data.sales == {}
    kind, payload = ctx.uow.data.outbox[pickup_key(order.id)]
    assert kind == PICKUP_HANDOVER and payload["paid_here"] == 0
    (entry,) = [e for e in ctx.uow.data.journal if e.kind == pickups.PICKUP_HANDED_OVER]
    assert entry.payload["order_no"] == "1043"
    with pytest.raises(PickupError) as e:
        pickups.hand_over_paid(ctx, unpaid())
    assert e.value.code == "pickup.not_paid"


def test_a_collected_or_another_stores_order_is_refused(ctx):
    with pytest.raises(PickupError) as e:
        pickups.take_payment(ctx, pickup_order(1, [(BOK, 1)], stage=PickupStage.COLLECTED))
    assert e.value.code == "pickup.collected"
    with pytest.raises(PickupError) as e:
        pickups.take_payment(ctx, pickup_order(2, [(BOK, 1)], location="store-sthlm"))
    assert e.value.code == "pickup.not_this_store"


def test_the_outbox_handler_hands_the_order_over_in_the_central_store(ctx):
    order = unpaid()
    store = FakePickups(order)
    pickups.take_payment(ctx, order)
    payments.start_payment(ctx)
    payments.pay_card(ctx)
    _, payload = ctx.uow.data.outbox[pickup_key(order.id)]
    assert handover_handler(store)(None, payload, pickup_key(order.id)) == order.id
    ((order_id, location, paid_here, reference),) = store.handovers
    assert (order_id, location, paid_here) == (order.id, "store-gbg", order.total)
    assert reference["key"] == pickup_key(order.id)
    assert store.orders[order.id].stage is PickupStage.COLLECTED


def test_the_outbox_worker_delivers_handovers_with_the_central_stores_pickups(ctx):
    from types import SimpleNamespace

    from pos.sync.outbox import DEFAULT_HANDLERS, STORE_ORDER
    from pos.sync.pickup_events import pickup_handlers
    assert pickup_handlers(object()) == {}  # a central store without pickups adds none
    handlers = {**DEFAULT_HANDLERS, **pickup_handlers(SimpleNamespace(pickups=FakePickups()))}
    assert set(handlers) == {STORE_ORDER, PICKUP_HANDOVER}


def test_an_arrival_whose_answer_was_lost_is_journaled_when_received_again(ctx):
    """The central store marked the parcel arrived but its answer was lost: the retry finds it
    marked and still journals the arrival, once."""
    from pos.ports import CommerceUnavailable
    order = pickup_order(1045, [(BOK, 1)], stage=PickupStage.ON_THE_WAY)

    class LosesOnce(FakePickups):
        lost = False

        def mark_arrived(self, order_id, location_key, at):
            done = super().mark_arrived(order_id, location_key, at)
            if not self.lost:
                self.lost = True
                raise CommerceUnavailable("read timed out")
            return done
    store = LosesOnce(order)
    with pytest.raises(CommerceUnavailable):
        pickups.receive(store, None, ctx.uow, "K1", "store-gbg", "Gbg", order.id, NOON, "kim")
    assert store.orders[order.id].stage is PickupStage.ARRIVED  # marked centrally
    for _ in range(2):
        pickups.receive(store, None, ctx.uow, "K1", "store-gbg", "Gbg", order.id, NOON, "kim")
    entries = [e for e in ctx.uow.data.journal if e.kind == pickups.PICKUP_RECEIVED]
    assert [(e.payload["order_id"], e.payload["arrived"]) for e in entries] == [(order.id, True)]
    assert store.calls == [("arrived", order.id)]  # marked once
