"""Medusa's orders as the till's purchases (``integrations.medusa.purchases``), from answers
shaped as Medusa 2.21 gives them (the integration tests check them against the real one)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from integrations.medusa.purchases import line_paid, order_items, returned_units, to_purchase
from pos.returns import PurchaseKind
from pos.vat import VatRate


def item(id_, qty, *, meta=None, total=None, received=0, dismissed=0, requested=0, written=0,
         received_total=0, dismissed_total=0, created="2026-11-30T08:00:00.000Z", sku="SKU",
         rate=25):
    return {"id": id_, "quantity": qty, "unit_price": 100, "metadata": meta or {},
            "created_at": created, "variant_sku": sku, "variant_barcode": "735", "title": "T",
            "variant_title": f"T {sku}", "variant_id": "variant_1",
            "variant": {"id": "variant_1", "metadata": {"pos_variant_id": f"var_{sku}"}},
            "total": total, "return_received_total": received_total,
            "return_dismissed_total": dismissed_total, "tax_lines": [{"rate": rate}],
            "detail": {"quantity": qty, "fulfilled_quantity": qty,
                       "return_requested_quantity": requested,
                       "return_received_quantity": received,
                       "return_dismissed_quantity": dismissed, "written_off_quantity": written}}


def store_order(items, **meta):
    return {"id": "order_1", "display_id": 7, "created_at": "2026-11-30T09:00:00.000Z",
            "customer_id": "cus_1", "customer": {"first_name": "Bo", "last_name": "Ek"},
            "items": items, "payment_collections": [],
            "metadata": {"pos_key": "sale:s1", "pos_sale_id": "s1", "pos_register_id": "K2",
                         "pos_receipt_no": 42, "pos_location": "store-sthlm",
                         "pos_completed_at": "2026-11-30T10:00:05+01:00",
                         "pos_tenders": [["card", 30000], ["cash", 5001]], **meta}}


def test_a_store_sale_is_keyed_by_its_line_numbers_with_the_tills_amounts():
    p = to_purchase(store_order([
        item("ordli_b", 1, meta={"pos_line_no": 3, "pos_total_ore": 5001, "pos_vat_rate": "6"},
             total=50.01),
        item("ordli_a", 3, meta={"pos_line_no": 2, "pos_total_ore": 29999}, total=299.99,
             received=1, dismissed=1, written=1, requested=0)]))
    assert p.kind is PurchaseKind.STORE_SALE and p.code == "R-K2-000042" and p.sale_id == "s1"
    assert p.location == "store-sthlm" and p.customer_name == "Bo Ek"
    assert p.bought_at == datetime(2026, 11, 30, 10, 0, 5, tzinfo=timezone(timedelta(hours=1)))
    assert [(ln.key, ln.total, ln.vat_rate, ln.returned) for ln in p.lines] == [
        ("2", 29999, VatRate.STANDARD, 2), ("3", 5001, VatRate.REDUCED, 0)]
    assert p.lines[0].variant_id == "var_SKU"


def test_an_older_store_order_is_numbered_by_its_items_time_and_id_every_time():
    a = item("ordli_B", 1, created="2026-11-30T08:00:00.000Z", sku="A")
    b = item("ordli_A", 1, created="2026-11-30T08:00:00.000Z", sku="B")
    c = item("ordli_0", 1, created="2026-11-30T08:00:00.001Z", sku="C")
    for items in ([a, b, c], [c, b, a], [b, c, a]):  # Medusa lists them in no set order
        keyed = order_items(store_order(items))
        assert [(k, it["variant_sku"]) for k, it in keyed] == [("1", "B"), ("2", "A"), ("3", "C")]


def test_returned_counts_requested_received_and_written_off_once():
    # a dismissed unit is counted by Medusa in both dismissed and written off
    it = item("ordli_1", 5, requested=1, received=1, dismissed=1, written=2)
    assert returned_units(it) == 1 + 1 + 2


def test_a_web_lines_paid_amount_is_its_total_and_what_came_back():
    # 3 units paid 429,84 in all: one kept (143,28), one received, one dismissed
    it = item("ordli_1", 3, total=143.28, received_total=143.28, dismissed_total=143.28)
    assert line_paid(it) == 42984
    assert line_paid(item("ordli_2", 3, total=Decimal("99.99"))) == 9999
    assert line_paid({**item("ordli_3", 2), "total": None}) == 20000


def test_the_tenders_are_what_was_paid_less_the_tills_refunds_of_every_return():
    p = to_purchase(store_order(
        [item("ordli_a", 1, meta={"pos_line_no": 1, "pos_total_ore": 35001})],
        **{"pos_till_refund:return:r1": [["card", "", 10000]],
           "pos_till_refund:return:r2": [["card", "", 2500], ["cash", "", 5001]]}))
    assert [(t.method_id, t.label, t.amount, t.refunded, t.refundable) for t in p.tenders] == [
        ("card", "Kort", 30000, 12500, 17500), ("cash", "Kontant", 5001, 5001, 0)]


def test_a_web_orders_tender_is_each_captured_payment_less_its_refunds():
    o = {"id": "order_9", "display_id": 1042, "created_at": "2026-11-30T09:00:00Z",
         "metadata": {}, "shipping_address": {"first_name": "Sara", "last_name": "N"},
         "items": [item("ordli_x", 1, total=100)],
         "payment_collections": [{"status": "completed", "payments": [
             {"id": "pay_1", "amount": 545.94, "captured_at": "t",
              "captures": [{"amount": 545.94}], "refunds": [{"amount": 100.5}, {"amount": 1}]},
             {"id": "pay_2", "amount": 10, "captured_at": None, "captures": [], "refunds": []}]}]}
    p = to_purchase(o)
    assert p.kind is PurchaseKind.WEB_ORDER and p.code == "1042" and p.location == "web"
    assert p.customer_name == "Sara N" and p.lines[0].key == "ordli_x"
    assert [(t.method_id, t.amount, t.refunded, t.reference) for t in p.tenders] == [
        ("web", 54594, 10150, "pay_1")]  # the payment only authorized is no tender


def test_a_weighed_line_is_one_unit_with_its_weight():
    p = to_purchase(store_order([item("ordli_w", 1, meta={
        "pos_line_no": 1, "pos_total_ore": 4590, "pos_weight_kg": "0.512", "pos_vat_rate": "12"})]))
    (ln,) = p.lines
    assert (ln.quantity, ln.weight, ln.total, ln.vat_rate) == (1, Decimal("0.512"), 4590,
                                                               VatRate.FOOD)


def test_the_order_sink_names_each_item_by_the_sales_line_number():
    from integrations.medusa.order_sink import _item
    from pos.commerce import StoreOrder
    from pos.payment_methods import CARD
    from pos.payments import Tender
    from pos.sales import Sale, SaleLine
    from pos.sync.sale_events import store_order as order_of

    def line(sku, qty, total, order_id=""):
        return SaleLine(variant_id=f"var_{sku}", sku=sku, ean="735", name=sku, quantity=qty,
                        unit_price=total // qty, original_price=None, discount=0, total=total,
                        vat_rate=VatRate.STANDARD, order_id=order_id, order_no="1" if order_id else "")
    sale = Sale(id="s1", register_id="K1", receipt_no=1, shift_id=1, cashier_id="u", cashier_name="U",
                completed_at=datetime(2026, 11, 30, 10, 0), tenders=(Tender(CARD, 40000),),
                lines=(line("WEB", 1, 10000, "order_x"), line("A", 3, 19999), line("B", 1, 10001)),
                total=40000, discount=0, rounding=0)
    order = order_of(sale, "store-gbg")
    assert [(ln.sku, ln.line_no) for ln in order.lines] == [("A", 2), ("B", 3)]
    assert StoreOrder.from_dict(order.to_dict()) == order  # through the outbox
    item = _item("variant_a", order.lines[0])
    assert item["metadata"] == {"pos_line_no": 2, "pos_name": "A", "pos_total_ore": 19999,
                                "pos_vat_rate": "25"}
    # a message queued before line numbers were sent: the line's place in the order
    old = StoreOrder.from_dict({**order.to_dict(), "lines": [
        {k: v for k, v in vars(ln).items() if k != "line_no"} for ln in order.lines]})
    assert _item("variant_b", old.lines[1], 2)["metadata"]["pos_line_no"] == 2


def test_a_card_refunded_in_another_store_comes_off_that_card_by_its_reference():
    p = to_purchase(store_order(
        [item("ordli_a", 1, meta={"pos_line_no": 1, "pos_total_ore": 45001})],
        pos_tenders=[["cash", 5001], ["card", 20000], ["card", 20000]],
        pos_tender_refs=["", "ref-1", "ref-2"],
        **{"pos_till_refund:return:r1:R-K2-000042": [["card", "ref-2", 15000],
                                                      ["cash", "", 1000]],
           "pos_till_refund:return:r2:R-K2-000042": [["card", "ref-9", 6000]]}))
    assert [(t.method_id, t.reference, t.amount, t.refunded) for t in p.tenders] == [
        ("cash", "", 5001, 1000), ("card", "ref-1", 20000, 6000), ("card", "ref-2", 20000, 15000)]
