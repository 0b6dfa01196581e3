"""Orders to deliver (``pos.ports.DeliveryOrders``) over Medusa v2's admin API: what the till sold
ship-to-home becomes one draft order -> order (the customer, the shipping address, the sending
location's shipping option from the seed) -> paid -> its goods reserved at the sending location,
once per idempotency key whatever step a lost answer interrupted.

Measured on Medusa 2.21: converting the draft reserves the goods at the sales channel's location
(the store that sold them, which lacks them); those reservations are deleted and made again at
the sending location (``POST /admin/reservations``), since moving one leaves the old location's
reserved count raised.
The order is not fulfilled: the sending location picks and ships it (then the reservation turns
into the stock going down there).
"""
from __future__ import annotations

from typing import Any

from integrations.medusa.calls import admin, local_instant, sales_channel
from integrations.medusa.catalog_feed import variant_ids_by_sku
from integrations.medusa.client import MedusaClient, MedusaError
from integrations.medusa.mapping import expect_list, expect_object
from integrations.medusa.order_sink import MedusaOrderSink, _sale_time
from integrations.medusa.web_carts import MedusaWebCarts
from pos.commerce import RemoteOrder
from pos.delivery import DeliveryOrder
from pos.money import to_major_decimal

ORDER_FIELDS = "id,display_id,status,payment_status,fulfillment_status,total,metadata"


class MedusaDeliveryOrders:
    def __init__(self, client: MedusaClient, ids: dict[str, Any], location_key: str = "store-gbg"):
        self.client = client
        self.ids = ids
        self.location_key = location_key

    def create_delivery_order(self, order: DeliveryOrder, idempotency_key: str) -> RemoteOrder:
        # The order is made in the sending location's sales channel (the web's for the web
        # warehouse): Medusa refuses a draft whose channel's locations lack the goods, and this
        # store lacks them.
        orders = MedusaOrderSink(self.client, self.ids, order.location_id)
        since = _sale_time(order.completed_at)
        existing = orders.find_order_by_key(idempotency_key, since)
        if existing is not None:
            order_id = existing.id
        else:
            draft_id = orders._find_draft_by_key(idempotency_key, since)
            order_id = (self._create(order, idempotency_key) if draft_id is None
                        else orders._convert(draft_id))
        orders._ensure_paid(order_id)
        self._ensure_reserved(order_id, order.location_id)
        if order.web_cart_id:  # a kiosk's cart paid at a till, all of it sent: bought now
            MedusaWebCarts(self.client).close_web_cart(order.web_cart_id, idempotency_key,
                                                       order_id)
        return orders.order(order_id)

    def find_delivery_order(self, idempotency_key: str) -> RemoteOrder | None:
        """Among the newest orders of every sales channel."""
        for location in self.ids.get("sales_channels") or {}:
            found = MedusaOrderSink(self.client, self.ids, location).find_order_by_key(
                idempotency_key)
            if found is not None:
                return found
        return None

    def _create(self, order: DeliveryOrder, key: str) -> str:
        variant_ids = variant_ids_by_sku(self.client, [ln.sku for ln in order.lines])
        missing = [ln.sku for ln in order.lines if ln.sku not in variant_ids]
        if missing:
            raise MedusaError(f"articles unknown to the central store: {', '.join(missing)}")
        option = (self.ids.get("shipping_options") or {}).get(f"shipping-{order.location_id}")
        if not option:
            raise MedusaError(f"no shipping option for home delivery from {order.location_id}")
        a = order.address
        first, _, last = a.name.partition(" ")
        address = {"first_name": first, "last_name": last, "address_1": a.street,
                   "postal_code": a.postcode, "city": a.city, "country_code": a.country_code,
                   "phone": a.phone or None}
        draft = admin(self.client, "POST", "/admin/draft-orders", json={
            "region_id": self.ids["region_id"],
            "sales_channel_id": sales_channel(self.ids, order.location_id),
            "email": order.customer_email
            or f"kassa-{order.register_id.lower()}@butik.omnipos.invalid",
            **({"customer_id": order.customer_id}
               if (order.customer_id or "").startswith("cus_") else {}),
            "items": [{"variant_id": variant_ids[ln.sku], "quantity": ln.quantity,
                       "unit_price": to_major_decimal(ln.total) / ln.quantity}
                      for ln in order.lines],
            "shipping_address": address, "billing_address": address,
            # a shipping method made here is not tax-inclusive (the goods are): its amount is
            # the fee without its 25 % VAT, so the order's total is what the customer paid
            "shipping_methods": [{"name": "Hämtas i butik" if order.pickup else "Hemleverans",
                                  "shipping_option_id": option,
                                  "amount": to_major_decimal(order.shipping_fee) * 4 / 5}],
            "metadata": {"pos_key": key, "pos_order_ref": order.order_ref,
                         "pos_sale_id": order.sale_id, "pos_receipt_no": order.receipt_no,
                         "pos_register_id": order.register_id,
                         "pos_location": order.sold_at_location,
                         "pos_delivery_from": order.location_id,
                         "pos_expected_on": order.expected_on,
                         "pos_total_ore": order.total,
                         "pos_origin": order.origin,
                         **({"pos_pickup_at": order.location_id} if order.pickup else {}),
                         "pos_completed_at": local_instant(order.completed_at)}})
        return MedusaOrderSink(self.client, self.ids, order.location_id)._convert(
            expect_object(draft, "draft_order")["id"])

    def _ensure_reserved(self, order_id: str, location_key: str) -> None:
        """Each line's units reserved at the sending location (made where missing, moved there
        where Medusa reserved them elsewhere)."""
        location = self.ids["stock_locations"][location_key]
        o = expect_object(admin(self.client, "GET", f"/admin/orders/{order_id}", params={
            "fields": "id,*items,items.variant.inventory_items.inventory_item_id,"
                      "items.variant.inventory_items.required_quantity"}), "order")
        items = o.get("items") or []
        if not items:
            return
        page = admin(self.client, "GET", "/admin/reservations", params={
            "line_item_id[]": [it["id"] for it in items], "limit": 200})
        reserved: dict[tuple[str, str], dict[str, Any]] = {
            (r["line_item_id"], r["inventory_item_id"]): r
            for r in expect_list(page, "reservations")}
        for it in items:
            links = ((it.get("variant") or {}).get("inventory_items")) or []
            for link in links:
                inv = link["inventory_item_id"]
                qty = int(it["quantity"]) * int(link.get("required_quantity") or 1)
                r = reserved.get((it["id"], inv))
                if r is not None and r.get("location_id") != location:
                    # Medusa reserved it in the sales channel's own location (this store).
                    # Moving a reservation (POST with another location_id) leaves the old
                    # location's reserved_quantity raised in Medusa 2.21: delete, then make anew.
                    admin(self.client, "DELETE", f"/admin/reservations/{r['id']}")
                    r = None
                if r is None:
                    admin(self.client, "POST", "/admin/reservations", json={
                        "line_item_id": it["id"], "inventory_item_id": inv,
                        "location_id": location, "quantity": qty,
                        "description": f"Hemleverans, order {o.get('display_id') or order_id}"})
                elif int(r.get("quantity") or 0) != qty:
                    admin(self.client, "POST", f"/admin/reservations/{r['id']}",
                          json={"quantity": qty})


