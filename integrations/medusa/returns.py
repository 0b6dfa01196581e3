"""Returns recorded on the purchase's order in the central store (``pos.ports.ReturnsDesk``) over
Medusa v2.21's admin API: the goods received at the returning store's stock location (stock up
there for restocked lines, written off for damaged ones) and the web payment's share refunded.

One Medusa return per till return (its key in the return's metadata, ``pos_key``), through
Medusa's steps (``/admin/returns``)::

    POST /admin/returns {order_id, location_id, metadata}     status "open", a return_request change
    POST /admin/returns/{id}/request-items {items}            its RETURN_ITEM actions
    POST /admin/returns/{id}/request                          status "requested"
    POST /admin/returns/{id}/receive                          a return_receive change
    POST /admin/returns/{id}/receive-items {items}            RECEIVE_RETURN_ITEM (back to stock)
    POST /admin/returns/{id}/dismiss-items {items}            RECEIVE_DAMAGED_RETURN_ITEM (written off)
    POST /admin/returns/{id}/receive/confirm                  status "received", stock up here
    POST /admin/payments/{payment}/refund {amount, note}      the web payment's share, note names the key
    POST /admin/orders/{id} {metadata}                        what the till refunded (pos_till_refund:<key>)

Exactly once per key whatever step a lost answer interrupted: each run finds the return by its
key among the order's returns, reads how far it got (its status, its order change's actions,
the payment's refunds by their note, the order's metadata) and does only what is left.

Refusals: Medusa lets received units be returned again (it checks only ``fulfilled -
return_requested``), so the units left are checked here against the order's item detail
(``purchases.returned_units``), once before the return is made and once more while its order
change is the order's only active change (a return another till confirmed meanwhile counts).
A refused return is cancelled in Medusa (its pending change would block the order) and raises
``CentralReturnRefused`` (a ``ReturnError``, ``permanent``: no retry mends it).
"""
from __future__ import annotations

import logging
from typing import Any

from integrations.medusa.calls import admin
from integrations.medusa.client import MedusaClient, MedusaError
from integrations.medusa.mapping import expect_list, expect_object, ore
from integrations.medusa.purchases import (RECEIPT, MedusaPurchaseRecords, captured_payments,
                                           is_store_sale, order_items, payment_amounts,
                                           returned_units, till_refund_key, _units)
from pos.errors import messages
from pos.money import to_major_decimal
from pos.ports import CommerceUnavailable
from pos.returns import CentralReturn, PurchaseKind, ReturnError

log = logging.getLogger(__name__)

MESSAGES = messages({
    "return.central_refused": "The central store refused the return of {code}: {reason}",
})

RETURN_FIELDS = "id,status,order_id,location_id,metadata,canceled_at,*items"
CHANGE_FIELDS = "id,status,change_type,return_id,*actions"
ACTIVE = ("pending", "requested")


class CentralReturnRefused(ReturnError):
    """The order cannot take the return (more units than it has left, no such line, no order):
    nothing was changed in the central store. ``permanent``: the outbox sets it aside at once
    for a person (``pos.sync.outbox``)."""

    permanent = True

    def __init__(self, code: str, reason: str) -> None:
        super().__init__("return.central_refused", code=code, reason=reason)


def refund_note(key: str) -> str:
    """The note of a refund made for the return ``key`` (how a retry finds it)."""
    return f"omnipos return {key}"


class _Want:
    """What the return asks of one order item: units back to stock and units written off."""

    def __init__(self, item: dict[str, Any], line_key: str) -> None:
        self.item = item
        self.line_key = line_key
        self.restock = 0
        self.damaged = 0
        self.reasons: list[str] = []

    @property
    def units(self) -> int:
        return self.restock + self.damaged


class MedusaReturnsDesk:
    def __init__(self, client: MedusaClient, ids: dict[str, Any],
                 purchases: MedusaPurchaseRecords | None = None) -> None:
        self.client = client
        self.ids = ids
        self.purchases = purchases or MedusaPurchaseRecords(client, ids)

    def register_return(self, ret: CentralReturn, idempotency_key: str) -> str:
        key = idempotency_key
        o = self._order_of(ret)
        wants = self._wants(ret, o)
        r = self._find_return(str(o["id"]), key)
        if r is None:
            self._check_left(ret, o, wants)
            self._ensure_levels(ret.location_id, wants)
            r = expect_object(admin(self.client, "POST", "/admin/returns", json={
                "order_id": o["id"], "location_id": self._location(ret.location_id),
                "metadata": {"pos_key": key, "pos_return_sale_id": ret.return_sale_id,
                             "pos_register_id": ret.register_id,
                             "pos_receipt_no": ret.receipt_no,
                             "pos_location": ret.location_id,
                             "pos_completed_at": ret.completed_at,
                             "pos_refund_central_ore": ret.refund_central,
                             "pos_refunded_at_till": [list(t) for t in ret.refunded_at_till]}},
                params={"fields": RETURN_FIELDS}), "return")
        self._finish(ret, o, r, wants)
        self._refund(ret, str(o["id"]), key)
        self._record_till_refunds(ret, str(o["id"]), key)
        return str(r["id"])

    # --- the order and what is asked of it ---------------------------------------------------------

    def _order_of(self, ret: CentralReturn) -> dict[str, Any]:
        if ret.kind == PurchaseKind.NO_RECEIPT:
            raise CentralReturnRefused(ret.code, "a return without a receipt has no order")
        o = None
        if ret.order_id:
            o = self.purchases.order(ret.order_id)
        elif ret.kind == PurchaseKind.STORE_SALE:
            m = RECEIPT.match(ret.code.strip())
            order_id = self.purchases.sale_order_id(m.group(1).upper(), int(m.group(2)),
                                                    ret.sale_id or None) if m else None
            o = self.purchases.order(order_id) if order_id else None
            if o is None:
                # its sale's order is still in a till's outbox: the return waits for it
                raise CommerceUnavailable(f"the order of sale {ret.code} ({ret.sale_id}) is not "
                                          f"in the central store yet")
        else:
            o = self.purchases.find_order(ret.code)
        if o is None:
            raise CentralReturnRefused(ret.code, "the central store has no such order")
        if ret.kind == PurchaseKind.STORE_SALE and ret.sale_id and (
                not is_store_sale(o) or (o.get("metadata") or {}).get("pos_sale_id") != ret.sale_id):
            raise CentralReturnRefused(ret.code, f"order {o['id']} is not sale {ret.sale_id}'s")
        if o.get("status") == "canceled":
            raise CentralReturnRefused(ret.code, "the order is canceled")
        return o

    def _wants(self, ret: CentralReturn, o: dict[str, Any]) -> list[_Want]:
        keyed = order_items(o)
        items = dict(keyed)
        wants: dict[str, _Want] = {}
        for ln in ret.lines:
            item = items.get(ln.line_key)
            if item is not None and ln.sku and item.get("variant_sku") not in (None, ln.sku):
                # a store order numbered without pos_line_no: the line is its article's
                same = [it for _, it in keyed if it.get("variant_sku") == ln.sku]
                item = same[0] if len(same) == 1 else None
            if item is None:
                raise CentralReturnRefused(ret.code, f"the order has no line {ln.line_key} "
                                                     f"of {ln.sku}")
            if ln.units <= 0:
                continue
            w = wants.setdefault(str(item["id"]), _Want(item, ln.line_key))
            if ln.restock:
                w.restock += ln.units
            else:
                w.damaged += ln.units
            if ln.reason:
                w.reasons.append(ln.reason)
        if not wants:
            raise CentralReturnRefused(ret.code, "the return has no units")
        return list(wants.values())

    def _check_left(self, ret: CentralReturn, o: dict[str, Any], wants: list[_Want]) -> None:
        """Refuse more units than the order has left of a line (bought minus returned in any
        channel), or than were handed to the customer (fulfilled)."""
        fresh = {str(it["id"]): it for it in o.get("items") or []}
        for w in wants:
            it = fresh.get(str(w.item["id"]), w.item)
            left = _units(it.get("quantity")) - returned_units(it)
            d = it.get("detail") or {}
            handed = _units(d.get("fulfilled_quantity")) - _units(d.get("return_requested_quantity"))
            if w.units > left:
                raise CentralReturnRefused(ret.code, f"line {w.line_key}: {w.units} asked, "
                                                     f"{max(left, 0)} left")
            if w.units > handed:
                raise CentralReturnRefused(ret.code, f"line {w.line_key}: {w.units} asked, only "
                                                     f"{max(handed, 0)} handed over")

    def _location(self, location_key: str) -> str:
        try:
            return str(self.ids["stock_locations"][location_key])
        except KeyError:
            raise CentralReturnRefused(location_key, f"no stock location {location_key}") from None

    def _ensure_levels(self, location_key: str, wants: list[_Want]) -> None:
        """Every returned article has a stock level at the receiving location: Medusa raises
        stock only where a level exists (and refuses the return when none does)."""
        location = self._location(location_key)
        skus = sorted({str(w.item.get("variant_sku") or "") for w in wants} - {""})
        if not skus:
            return
        page = admin(self.client, "GET", "/admin/inventory-items", params={
            "sku[]": skus, "limit": len(skus), "fields": "id,sku,*location_levels"})
        for inv in expect_list(page, "inventory_items"):
            if not any(lv.get("location_id") == location for lv in inv.get("location_levels") or []):
                admin(self.client, "POST", f"/admin/inventory-items/{inv['id']}/location-levels",
                      json={"location_id": location, "stocked_quantity": 0})

    # --- Medusa's return, step by step -------------------------------------------------------------

    def _find_return(self, order_id: str, key: str) -> dict[str, Any] | None:
        page = admin(self.client, "GET", "/admin/returns", params={
            "order_id": order_id, "limit": 200, "fields": RETURN_FIELDS})
        return next((r for r in expect_list(page, "returns")
                     if (r.get("metadata") or {}).get("pos_key") == key
                     and r.get("status") != "canceled" and not r.get("canceled_at")), None)

    def _return(self, return_id: str) -> dict[str, Any]:
        return expect_object(admin(self.client, "GET", f"/admin/returns/{return_id}",
                                   params={"fields": RETURN_FIELDS}), "return")

    def _active_change(self, order_id: str, return_id: str, change_type: str) -> dict[str, Any] | None:
        page = admin(self.client, "GET", f"/admin/orders/{order_id}/changes", params={
            "fields": CHANGE_FIELDS})
        return next((c for c in expect_list(page, "order_changes")
                     if c.get("return_id") == return_id and c.get("change_type") == change_type
                     and c.get("status") in ACTIVE), None)

    def _finish(self, ret: CentralReturn, o: dict[str, Any], r: dict[str, Any],
                wants: list[_Want]) -> None:
        order_id, rid = str(o["id"]), str(r["id"])
        if r.get("status") == "open":
            change = self._active_change(order_id, rid, "return_request")
            if change is None:
                raise MedusaError(f"return {rid} of {order_id} is open without its request")
            if not _actions(change, "RETURN_ITEM"):
                # the order's one active change is this return's: what is left now is final
                fresh = self.purchases.order(order_id) or o
                try:
                    self._check_left(ret, fresh, wants)
                except CentralReturnRefused:
                    admin(self.client, "DELETE", f"/admin/returns/{rid}/request")
                    raise
                admin(self.client, "POST", f"/admin/returns/{rid}/request-items", json={"items": [
                    {"id": w.item["id"], "quantity": w.units,
                     **({"internal_note": ", ".join(sorted(set(w.reasons)))} if w.reasons else {}),
                     "metadata": {"pos_line_key": w.line_key, "pos_reasons": w.reasons}}
                    for w in wants]})
            admin(self.client, "POST", f"/admin/returns/{rid}/request")
            r = self._return(rid)
        if r.get("status") == "requested":
            change = self._active_change(order_id, rid, "return_receive")
            if change is None:
                admin(self.client, "POST", f"/admin/returns/{rid}/receive", json={})
                change = self._active_change(order_id, rid, "return_receive") or {}
            restock = [{"id": w.item["id"], "quantity": w.restock} for w in wants if w.restock]
            damaged = [{"id": w.item["id"], "quantity": w.damaged} for w in wants if w.damaged]
            if restock and not _actions(change, "RECEIVE_RETURN_ITEM"):
                admin(self.client, "POST", f"/admin/returns/{rid}/receive-items",
                      json={"items": restock})
            if damaged and not _actions(change, "RECEIVE_DAMAGED_RETURN_ITEM"):
                admin(self.client, "POST", f"/admin/returns/{rid}/dismiss-items",
                      json={"items": damaged})
            admin(self.client, "POST", f"/admin/returns/{rid}/receive/confirm", json={})
            r = self._return(rid)
        if r.get("status") not in ("received", "partially_received"):
            raise MedusaError(f"return {rid} of {order_id} is {r.get('status')}, not received")

    # --- money -------------------------------------------------------------------------------------

    def _refund(self, ret: CentralReturn, order_id: str, key: str) -> None:
        """``ret.refund_central`` öre back through the order's captured payments (those a web
        order was paid with), minus what a refund noted with this key gave back already."""
        if ret.refund_central <= 0:
            return
        o = self.purchases.order(order_id) or {}
        payments = captured_payments(o)
        note = refund_note(key)
        done = sum(ore(rf.get("amount")) for p in payments for rf in p.get("refunds") or []
                   if rf.get("note") == note)
        left = ret.refund_central - done
        for p in payments:
            if left <= 0:
                break
            captured, refunded = payment_amounts(p)
            take = min(left, captured - refunded)
            if take <= 0:
                continue
            admin(self.client, "POST", f"/admin/payments/{p['id']}/refund",
                  json={"amount": to_major_decimal(take), "note": note})
            left -= take
        if left > 0:
            raise CentralReturnRefused(ret.code, f"its payments cannot refund "
                                                 f"{to_major_decimal(left)} more")

    def _record_till_refunds(self, ret: CentralReturn, order_id: str, key: str) -> None:
        """What the till paid out, on the order under the return's key (set once: a retry
        writes the same key again), so that every store subtracts it from the sale's tenders."""
        if not ret.refunded_at_till:
            return
        name = till_refund_key(key)
        o = self.purchases.order(order_id) or {}
        if name in (o.get("metadata") or {}):
            return
        admin(self.client, "POST", f"/admin/orders/{order_id}", json={
            "metadata": {name: [list(t) for t in ret.refunded_at_till]}}, idempotent=True)


def _actions(change: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [a for a in change.get("actions") or [] if a.get("action") == kind]
