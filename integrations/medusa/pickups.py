"""Pickup orders (``pos.ports.PickupOrders``) over Medusa v2's admin API: the web orders whose
shipping method is a store's pickup option (``pickup-<location key>`` in medusa.json's
``shipping_options``), their payment, fulfilments and the till's marks in their metadata
(``pos.pickups`` says what each means).

Medusa cannot filter orders on their shipping option, so the newest ``SCANNED`` orders of the
web channel are read and those for the store's pickup option kept.
"""
from __future__ import annotations

import logging
from typing import Any

from integrations.medusa.calls import admin, fulfil_the_rest
from integrations.medusa.client import MedusaClient, MedusaError
from integrations.medusa.mapping import expect_list, expect_object, ore
from pos.pickups import PickupLine, PickupOrder, PickupStage
from pos.vat import VatRate

log = logging.getLogger(__name__)

SCANNED = 500  # web orders read per listing (newest first)

ORDER_FIELDS = ",".join((
    "id", "display_id", "email", "created_at", "status", "payment_status", "fulfillment_status",
    "total", "metadata", "customer_id", "sales_channel_id",
    "*customer", "*shipping_address", "*shipping_methods", "*items", "*items.tax_lines",
    "items.detail.*", "*fulfillments", "*payment_collections", "*payment_collections.payments"))

ARRIVED_AT = "pos_pickup_arrived_at"
ARRIVED_AT_LOCATION = "pos_pickup_arrived_location"
NOTIFIED_AT = "pos_pickup_notified_at"
COLLECTED_AT = "pos_pickup_collected_at"
HANDOVER = "pos_pickup_handover"  # the till's reference: sale, receipt, register, öre paid here
PAY_IN_STORE = "pay_in_store"  # the web shop's "pay when you collect" (cart metadata)


class MedusaPickups:
    def __init__(self, client: MedusaClient, ids: dict[str, Any]):
        self.client = client
        self.ids = ids
        self._options = {str(v): k[len("pickup-"):]
                         for k, v in (ids.get("shipping_options") or {}).items()
                         if k.startswith("pickup-")}
        self._locations = {str(v): k for k, v in (ids.get("stock_locations") or {}).items()}

    # --- reading -----------------------------------------------------------------------------------

    def pickup_orders(self, location_key: str, include_collected: bool = True,
                      limit: int = 100) -> list[PickupOrder]:
        page = admin(self.client, "GET", "/admin/orders", params={
            "sales_channel_id[]": [self.ids["sales_channels"]["web"]], "limit": SCANNED,
            "order": "-created_at", "fields": ORDER_FIELDS})
        rows = [o for o in expect_list(page, "orders") if self._pickup_location(o) == location_key]
        sources = self._reserved_at([it["id"] for o in rows for it in o.get("items") or []])
        out = [self._to_pickup(o, sources) for o in rows]
        if not include_collected:
            out = [p for p in out if p.stage not in (PickupStage.COLLECTED, PickupStage.CANCELED)]
        return out[:limit]

    def pickup_order(self, code: str) -> PickupOrder | None:
        o = self._find(code)
        if o is None:
            return None
        return self._to_pickup(o, self._reserved_at([it["id"] for it in o.get("items") or []]))

    # --- changes -----------------------------------------------------------------------------------

    def mark_arrived(self, order_id: str, location_key: str, at: str) -> PickupOrder:
        o = self._get(order_id)
        meta = o.get("metadata") or {}
        if not meta.get(ARRIVED_AT):
            self._set_metadata(order_id, {ARRIVED_AT: at, ARRIVED_AT_LOCATION: location_key})
        return self._required(order_id)

    def mark_notified(self, order_id: str, at: str) -> PickupOrder:
        o = self._get(order_id)
        if not (o.get("metadata") or {}).get(NOTIFIED_AT):
            self._set_metadata(order_id, {NOTIFIED_AT: at})
        return self._required(order_id)

    def hand_over(self, order_id: str, location_key: str, at: str, paid_here: int,
                  reference: dict[str, Any]) -> PickupOrder:
        o = self._get(order_id)
        if paid_here:
            self._capture(o)
        self._deliver(order_id, location_key)
        meta = (self._get(order_id).get("metadata") or {})
        if not meta.get(COLLECTED_AT):
            self._set_metadata(order_id, {COLLECTED_AT: at,
                                          HANDOVER: {**reference, "paid_here_ore": paid_here,
                                                     "location": location_key}})
        return self._required(order_id)

    # --- Medusa ------------------------------------------------------------------------------------

    def _get(self, order_id: str) -> dict[str, Any]:
        return expect_object(admin(self.client, "GET", f"/admin/orders/{order_id}",
                                   params={"fields": ORDER_FIELDS}), "order")

    def _required(self, order_id: str) -> PickupOrder:
        found = self.pickup_order(order_id)
        if found is None:
            raise MedusaError(f"order {order_id} is gone")
        return found

    def _find(self, code: str) -> dict[str, Any] | None:
        code = code.strip().lstrip("#").strip()
        if code.lower().startswith("order_"):
            try:
                return self._get(code)
            except MedusaError as e:
                if e.status in (400, 404):
                    return None
                raise
        if not code.isdigit():
            return None
        page = admin(self.client, "GET", "/admin/orders", params={
            "q": code, "limit": 50, "fields": ORDER_FIELDS})
        return next((o for o in expect_list(page, "orders")
                     if str(o.get("display_id")) == code), None)

    def _set_metadata(self, order_id: str, values: dict[str, Any]) -> None:
        admin(self.client, "POST", f"/admin/orders/{order_id}", json={"metadata": values},
              idempotent=True)

    def _pickup_location(self, o: dict[str, Any]) -> str | None:
        for m in o.get("shipping_methods") or []:
            key = self._options.get(str(m.get("shipping_option_id")))
            if key:
                return key
        return None

    def _reserved_at(self, item_ids: list[str]) -> dict[str, str]:
        """Line item id -> location key of its reservation (none once fulfilled)."""
        if not item_ids:
            return {}
        page = admin(self.client, "GET", "/admin/reservations", params={
            "line_item_id[]": item_ids, "limit": len(item_ids) * 2,
            "fields": "id,line_item_id,location_id"})
        return {str(r["line_item_id"]): self._locations.get(str(r["location_id"]), "")
                for r in expect_list(page, "reservations")}

    def _capture(self, o: dict[str, Any]) -> None:
        """The money is taken: every authorized payment captured; an order with none gets a
        payment collection marked paid (as a store sale's)."""
        if o.get("payment_status") == "captured":
            return
        payments = [p for pc in o.get("payment_collections") or []
                    if pc.get("status") != "canceled" for p in pc.get("payments") or []
                    if not p.get("canceled_at")]
        if payments:
            for p in payments:
                if not p.get("captured_at"):
                    admin(self.client, "POST", f"/admin/payments/{p['id']}/capture", json={})
            return
        collections = [pc for pc in o.get("payment_collections") or []
                       if pc.get("status") != "canceled"]
        if collections:
            pc_id = collections[0]["id"]
        else:
            pc_id = expect_object(admin(self.client, "POST", "/admin/payment-collections", json={
                "order_id": o["id"], "amount": o["total"]}), "payment_collection")["id"]
        admin(self.client, "POST", f"/admin/payment-collections/{pc_id}/mark-as-paid",
              json={"order_id": o["id"]})

    def _deliver(self, order_id: str, location_key: str) -> None:
        """The goods left with the customer. A parcel another location sent here was recorded
        by the sender as a fulfilment from its own location (its stock went down there when it
        was sent): it is marked delivered. What nobody sent (no fulfilment) was taken from this
        store's shelf: it is fulfilled at this store's location (its stock goes down here, and
        Medusa lets go of a reservation it made elsewhere: Medusa 2.21 reserves a web order at
        the first of the channel's locations that has the goods, whatever the pickup store),
        then marked delivered."""
        o = self._get(order_id)
        if fulfil_the_rest(self.client, o, self.ids["stock_locations"][location_key]):
            o = self._get(order_id)
        for f in o.get("fulfillments") or []:
            if f.get("canceled_at") or f.get("delivered_at"):
                continue
            admin(self.client, "POST",
                  f"/admin/orders/{order_id}/fulfillments/{f['id']}/mark-as-delivered", json={})

    # --- mapping -----------------------------------------------------------------------------------

    def _to_pickup(self, o: dict[str, Any], reserved: dict[str, str]) -> PickupOrder:
        meta = o.get("metadata") or {}
        location = self._pickup_location(o) or ""
        fulfilments = [f for f in o.get("fulfillments") or [] if not f.get("canceled_at")]
        sent_from = [self._locations.get(str(f.get("location_id")), "") for f in fulfilments]
        source = next((s for s in sent_from if s), "") or next(
            (reserved[it["id"]] for it in o.get("items") or [] if reserved.get(it["id"])), "")
        if o.get("status") == "canceled":
            stage = PickupStage.CANCELED
        elif meta.get(COLLECTED_AT) or (fulfilments and all(f.get("delivered_at")
                                                             for f in fulfilments)):
            stage = PickupStage.COLLECTED
        elif meta.get(NOTIFIED_AT):
            stage = PickupStage.READY
        elif meta.get(ARRIVED_AT):
            stage = PickupStage.ARRIVED
        elif any(s and s != location for s in sent_from):
            stage = PickupStage.ON_THE_WAY
        else:
            stage = PickupStage.WAITING
        status = str(o.get("payment_status") or "")
        paid = status in ("captured", "partially_refunded", "refunded") or (
            status == "authorized" and not meta.get(PAY_IN_STORE))
        customer = o.get("customer") or {}
        address = o.get("shipping_address") or {}
        first = customer.get("first_name") or address.get("first_name") or ""
        last = customer.get("last_name") or address.get("last_name") or ""
        handover = meta.get(HANDOVER) or {}
        return PickupOrder(
            id=str(o["id"]), display_id=int(o.get("display_id") or 0), location_key=location,
            email=str(o.get("email") or ""), customer_name=f"{first} {last}".strip(),
            customer_id=o.get("customer_id"), created_at=str(o.get("created_at") or ""),
            lines=tuple(_line(it) for it in o.get("items") or []), total=ore(o.get("total")),
            paid=paid, payment_status=status, stage=stage, source_location=source,
            arrived_at=str(meta.get(ARRIVED_AT) or ""), notified_at=str(meta.get(NOTIFIED_AT) or ""),
            collected_at=str(meta.get(COLLECTED_AT) or handover.get("at") or ""), metadata=meta)


def _line(it: dict[str, Any]) -> PickupLine:
    rates = [t.get("rate") for t in it.get("tax_lines") or [] if t.get("rate") is not None]
    rate = VatRate.STANDARD
    if rates:
        value = str(rates[0]).rstrip("0").rstrip(".") if "." in str(rates[0]) else str(rates[0])
        try:
            rate = VatRate(value)
        except ValueError:
            log.warning("order line %s has a VAT rate the till does not know: %s", it.get("id"), value)
    quantity = int(it["quantity"])
    total = it.get("total")
    return PickupLine(item_id=str(it["id"]), variant_id=str(it.get("variant_id") or ""),
                      sku=str(it.get("variant_sku") or ""), ean=str(it.get("variant_barcode") or ""),
                      name=str(it.get("variant_title") or it.get("title") or ""), quantity=quantity,
                      unit_price=ore(it["unit_price"]),
                      total=ore(total) if total is not None else ore(it["unit_price"]) * quantity,
                      vat_rate=rate)
