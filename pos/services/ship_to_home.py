"""Ship-to-home (the endless aisle) at the till: lines marked "deliver", the delivery address and
the sending location on the sale in progress (saved with it, so a crash keeps them), the
shipping line per the store's rules, and at completion the delivery part of the sale: stored,
journaled and queued for the central store as an order to deliver, in the sale's transaction.

What is taken now goes to the central store as the store's order (``pos.sync.sale_events``),
fulfilled here; what is delivered as a second order (``DELIVERY_ORDER`` in the outbox),
reserved at the sending location. One payment, one receipt with a delivery section, and an
order confirmation slip for the customer.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from pos.cart import Cart, CartTotals
from pos.delivery import (Delivery, DeliveryAddress, DeliveryChoice, DeliveryError,
                          DeliveryOrder, DeliveryOrderLine, DeliveryRules, choose_location,
                          is_shipping, order_ref, shipping_variant)
from pos.ports import CustomerAddresses
from pos.sales import Sale
from pos.services import selling
from pos.services.context import RegisterContext
from pos.stock import StockReport
from pos.sync.outbox import enqueue
from pos.sync.sale_events import instant

DELIVERY_ORDER = "delivery_order"


def delivery_key(sale_id: str) -> str:
    """The idempotency key of a sale's order to deliver."""
    return f"delivery:{sale_id}"


# --- the sale in progress ---------------------------------------------------------------------


def deliver_lines(cart: Cart) -> list[int]:
    """The ids of the goods lines marked "deliver" (the shipping line is not one)."""
    return [ln.line_id for ln in cart.lines if ln.deliver and not is_shipping(ln.variant.sku)]


def mark_deliver(ctx: RegisterContext, line_id: int, deliver: bool) -> CartTotals:
    """Mark a line to be sent home (``deliver``) or taken now; the shipping line follows."""
    rules = ctx.config.delivery

    def fn(cart: Cart) -> None:
        if is_shipping(cart.line(line_id).variant.sku):
            raise DeliveryError("delivery.shipping_line")
        cart.mark_deliver(line_id, deliver)
        refresh_shipping(cart, rules)
    return selling.change(ctx, fn)


def toggle_deliver(ctx: RegisterContext, line_id: int) -> CartTotals:
    return mark_deliver(ctx, line_id, not ctx.state.cart.line(line_id).deliver)


def set_delivery(ctx: RegisterContext, address: DeliveryAddress, location_id: str,
                 overridden: bool = False, pickup: bool = False) -> CartTotals:
    """The address (checked: a Swedish postcode) and the sending location of the lines marked
    "deliver" (``pickup``: the customer collects them in that store, no shipping price)."""
    rules = ctx.config.delivery
    address = address.checked()
    if location_id not in rules.order_for(ctx.config.location_id) and \
            location_id not in rules.names:
        raise DeliveryError("delivery.unknown_location", location=location_id)

    def fn(cart: Cart) -> None:
        cart.delivery = DeliveryChoice(address, location_id, overridden, pickup)
        refresh_shipping(cart, rules)
    return selling.change(ctx, fn)


def refresh_shipping(cart: Cart, rules: DeliveryRules) -> None:
    """The shipping line as the store's rules make it for the goods marked "deliver": none when
    nothing is delivered or delivery is free, else one line at the shipping price."""
    shipping = [ln for ln in cart.lines if is_shipping(ln.variant.sku)]
    marked = deliver_lines(cart)
    if not marked:
        cart.delivery = None
        fee = 0
    else:
        totals = cart.totals()
        goods = sum(lt.total for lt in totals.lines if lt.line.line_id in marked)
        # collected in another store (a kiosk's order): no shipping price
        fee = 0 if cart.delivery is not None and cart.delivery.pickup else \
            rules.shipping_fee(goods)
    if len(shipping) == 1 and fee and shipping[0].unit_price == fee:
        return
    for ln in shipping:
        cart.remove(ln.line_id)
    if fee:
        line = cart.add_priced(shipping_variant(), fee, label="shipping")
        cart.mark_deliver(line.line_id, True)


def deliver_as_chosen(cart: Cart, choice: DeliveryChoice, skus: set[str],
                      rules: DeliveryRules) -> None:
    """The lines of ``skus`` (all goods when empty) marked "deliver" with a choice made before
    (a kiosk's order sent to the till as a web cart), inside ``selling.change``."""
    marked = False
    for line in cart.lines:
        if not is_shipping(line.variant.sku) and (not skus or line.variant.sku in skus):
            cart.mark_deliver(line.line_id, True)
            marked = True
    if marked:
        cart.delivery = choice
        refresh_shipping(cart, rules)


def check_ready(cart: Cart) -> None:
    """Before payment: lines marked "deliver" need an address and a sending location."""
    if deliver_lines(cart) and (cart.delivery is None or cart.delivery.address is None
                                or not cart.delivery.location_id):
        raise DeliveryError("delivery.no_address")


def propose_location(rules: DeliveryRules, here: str, cart: Cart,
                     reports: dict[str, StockReport]) -> str | None:
    """The nearest location (the store's order) that has every marked article available
    (``reports``: stock by SKU), None when no one location has it all."""
    needs: dict[str, int] = {}
    for ln in cart.lines:
        if ln.line_id in deliver_lines(cart):
            needs[ln.variant.sku] = needs.get(ln.variant.sku, 0) + ln.quantity
    available: dict[str, dict[str, int]] = {}
    for sku, report in reports.items():
        for lv in report.levels:
            available.setdefault(lv.location_id, {})[sku] = lv.available
    return choose_location(rules.order_for(here), needs, available, here)


def customer_addresses(directory: CustomerAddresses | None,
                       customer_id: str | None) -> list[DeliveryAddress]:
    """The addresses in the customer's profile (network lane); [] without a customer."""
    if directory is None or not customer_id:
        return []
    return directory.addresses(customer_id)


# --- completion (inside the sale's transaction) -----------------------------------------------


def delivery_of(ctx: RegisterContext, cart: Cart, sale: Sale) -> Delivery | None:
    """The delivery part of ``sale`` (its lines as the cart marked them), or None."""
    nos = tuple(i for i, ln in enumerate(cart.lines, 1) if ln.deliver)
    if not any(not is_shipping(cart.lines[i - 1].variant.sku) for i in nos):
        return None
    check_ready(cart)
    choice = cart.delivery
    assert choice is not None and choice.address is not None
    rules = ctx.config.delivery
    fee = sum(sale.lines[i - 1].total for i in nos if is_shipping(sale.lines[i - 1].sku))
    customer = cart.customer
    return Delivery(sale_id=sale.id, order_ref=order_ref(sale.register_id, sale.receipt_no),
                    line_nos=nos, address=choice.address, location_id=choice.location_id,
                    location_name=rules.name(choice.location_id), shipping_fee=fee,
                    expected_on=rules.expected_date(sale.completed_at.date(),
                                                    choice.location_id),
                    customer_id=customer.id if customer else None,
                    customer_email=(customer.email or None) if customer else None,
                    pickup=choice.pickup)


def take_now_part(sale: Sale, delivery: Delivery | None) -> Sale | None:
    """The sale as its store order records it: the lines taken now (None when every line is
    delivered)."""
    if delivery is None:
        return sale
    lines = tuple(ln for i, ln in enumerate(sale.lines, 1) if i not in delivery.line_nos)
    if not lines:
        return None
    return replace(sale, lines=lines, total=sum(ln.total for ln in lines),
                   discount=sum(ln.discount for ln in lines), rounding=0)


def delivery_order(sale: Sale, delivery: Delivery, sold_at: str,
                   origin: str = "till") -> DeliveryOrder:
    whole = take_now_part(sale, delivery) is None  # no store order to close its web cart
    lines = tuple(DeliveryOrderLine(ln.sku, ln.name, ln.quantity, ln.total)
                  for i, ln in enumerate(sale.lines, 1)
                  if i in delivery.line_nos and not is_shipping(ln.sku))
    return DeliveryOrder(order_ref=delivery.order_ref, sale_id=sale.id,
                         register_id=sale.register_id, receipt_no=sale.receipt_no,
                         completed_at=instant(sale.completed_at).isoformat(),
                         sold_at_location=sold_at, location_id=delivery.location_id,
                         lines=lines, shipping_fee=delivery.shipping_fee,
                         address=delivery.address, expected_on=delivery.expected_on.isoformat(),
                         customer_id=delivery.customer_id,
                         customer_email=delivery.customer_email, pickup=delivery.pickup,
                         origin=origin, web_cart_id=sale.web_cart_id if whole else None)


def record(ctx: RegisterContext, sale: Sale, delivery: Delivery, now: datetime) -> None:
    """Store the delivery part and queue its order (in the caller's transaction)."""
    ctx.uow.deliveries.add(delivery, now)
    enqueue(ctx.uow.outbox, DELIVERY_ORDER, delivery_key(sale.id),
            delivery_order(sale, delivery, ctx.config.location_id,
                           ctx.config.origin).to_dict())
