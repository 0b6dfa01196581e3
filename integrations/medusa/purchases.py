"""What customers bought, in any channel (``pos.ports.PurchaseRecords``), over Medusa v2's admin
API: a web order by its number or id, a store sale of any store of the chain by its receipt code
(the order the order sink made of it), a customer's orders of both kinds; each with what every
line paid and what was already returned in any channel, and what each payment can still refund.

- **Store sales.** The order sink made each store sale one order whose metadata names the sale
  (``pos_register_id``, ``pos_receipt_no``, ``pos_sale_id``, ``pos_key``, ``pos_tenders``...).
  Medusa's admin list cannot filter on metadata, so a receipt is looked up with the omnipos route
  ``GET /admin/pos/sale-orders`` (``app/src/api/admin/pos/sale-orders``: one query in the
  database); a central store without it is scanned, newest first (``RECEIPT_SCAN_LIMIT``
  orders at most). A line's key is the sale's line number (item metadata ``pos_line_no``; the
  item's place among the order's items for orders made before it was kept), its amount the
  öre the till charged (``pos_total_ore``; else Medusa's item total).
- **Web orders** are found by their number with the omnipos route ``GET
  /admin/pos/order-by-number`` (Medusa's own search also matches e-mails and phone numbers
  with the digits), by id with Medusa's. A line's key is Medusa's order line id (``ordli_...``), its amount Medusa's
  item ``total``: after every promotion's adjustment, VAT included (prices are tax-inclusive).
  The tenders are the order's captured payments (``PaidTender("web", ...)``) less their refunds.
- **Returned units** (Medusa 2.21's order item detail): ``return_requested_quantity`` (on a
  return announced or on its way by post: the goods are promised back, no till may take them
  again), ``return_received_quantity`` (back in stock somewhere) and ``written_off_quantity``
  (received damaged: Medusa adds a dismissed unit to both ``return_dismissed_quantity`` and
  ``written_off_quantity``, so the latter alone counts it once, together with a claim's
  write-offs, whose units were refunded or replaced). Medusa itself only refuses a return of
  more than ``fulfilled - return_requested`` units, which lets received units be returned
  again: the till's count is the stricter one, and ``MedusaReturnsDesk`` enforces it.
- **What the tills refunded** of a store sale (or in cash for a web order) is kept on the order
  by ``MedusaReturnsDesk`` (metadata ``pos_till_refund:<return key>``: [[method, reference,
  öre], ...]) and subtracted here, in any store, from the sale's tenders (one per payment with
  its reference, ``pos_tender_refs``: a card's refund comes off the card it names, else off its
  method's payments in order) or from a web order's payments (cash paid out instead).
"""
from __future__ import annotations

import logging
import re
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from integrations.medusa.calls import admin
from integrations.medusa.client import MedusaClient, MedusaError
from integrations.medusa.mapping import expect_list, expect_object, ore
from pos.payment_methods import known_method
from pos.returns import PaidTender, Purchase, PurchasedLine, PurchaseKind
from pos.sales import receipt_code
from pos.vat import VatRate

log = logging.getLogger(__name__)

ORDER_FIELDS = ",".join((
    "id", "display_id", "email", "created_at", "status", "payment_status", "total", "metadata",
    "customer_id", "*customer", "*shipping_address",
    "*items", "items.total", "items.return_received_total", "items.return_dismissed_total",
    "*items.tax_lines",
    "items.detail.*", "items.variant.id", "items.variant.metadata",
    "*payment_collections", "*payment_collections.payments",
    "*payment_collections.payments.captures", "*payment_collections.payments.refunds"))

RECEIPT = re.compile(r"^R-([A-Za-z0-9]{1,8})-(\d{1,10})$", re.IGNORECASE)
SALE_ORDERS_PATH = "/admin/pos/sale-orders"
ORDER_BY_NUMBER_PATH = "/admin/pos/order-by-number"
RECEIPT_SCAN_LIMIT = 5000  # orders read, newest first, when the central store lacks the route
TILL_REFUND = "pos_till_refund:"  # + the return's key: what a till refunded (order metadata)
WEB_TENDER_LABEL = "Webbetalning"


def till_refund_key(return_key: str) -> str:
    return f"{TILL_REFUND}{return_key}"


class MedusaPurchaseRecords:
    def __init__(self, client: MedusaClient, ids: dict[str, Any]):
        self.client = client
        self.ids = ids
        self._locations = {str(v): k for k, v in (ids.get("stock_locations") or {}).items()}

    # --- PurchaseRecords ---------------------------------------------------------------------------

    def find_purchase(self, code: str) -> Purchase | None:
        o = self.find_order(code)
        return to_purchase(o) if o is not None else None

    def purchases_of_customer(self, customer_id: str, limit: int = 20) -> list[Purchase]:
        if not customer_id:
            return []
        page = admin(self.client, "GET", "/admin/orders", params={
            "customer_id": customer_id, "limit": limit, "order": "-created_at",
            "fields": ORDER_FIELDS})
        out = [to_purchase(o) for o in expect_list(page, "orders")
               if o.get("status") != "canceled" and _is_purchase(o)]
        out.sort(key=lambda p: p.bought_at or datetime.min.replace(tzinfo=timezone.utc),
                 reverse=True)
        return out

    # --- finding the order -------------------------------------------------------------------------

    def find_order(self, code: str) -> dict[str, Any] | None:
        """The order (read with ``ORDER_FIELDS``) that ``code`` names, or None."""
        code = (code or "").strip()
        m = RECEIPT.match(code)
        if m:
            order_id = self.sale_order_id(m.group(1).upper(), int(m.group(2)))
            return self.order(order_id) if order_id else None
        code = code.lstrip("#").strip()
        if code.lower().startswith("order_"):
            return self.order(code)
        if not code.isdigit():
            return None
        try:
            rows = expect_list(admin(self.client, "GET", ORDER_BY_NUMBER_PATH,
                                     params={"display_id": int(code)}), "orders")
        except MedusaError as e:
            if e.status != 404:
                raise
            # a central store without the route: its search, which also matches e-mails,
            # phones and postcodes with the digits (the newest 200 matches are read)
            rows = expect_list(admin(self.client, "GET", "/admin/orders", params={
                "q": code, "limit": 200, "order": "-created_at", "fields": "id,display_id"}),
                "orders")
        found = next((o for o in rows if str(o.get("display_id")) == str(int(code))), None)
        return self.order(str(found["id"])) if found is not None else None

    def order(self, order_id: str) -> dict[str, Any] | None:
        try:
            return expect_object(admin(self.client, "GET", f"/admin/orders/{order_id}",
                                       params={"fields": ORDER_FIELDS}), "order")
        except MedusaError as e:
            if e.status in (400, 404):
                return None
            raise

    def sale_order_id(self, register_id: str, receipt_no: int,
                      sale_id: str | None = None) -> str | None:
        """The order id of the store sale ``register_id``/``receipt_no`` (of ``sale_id`` when
        given): its store order (``pos_key`` ``sale:<id>``), not a delivery order made by the
        same sale (which names the same receipt)."""
        try:
            rows = expect_list(admin(self.client, "GET", SALE_ORDERS_PATH, params={
                "register_id": register_id, "receipt_no": receipt_no}), "orders")
        except MedusaError as e:
            if e.status != 404:
                raise
            log.warning("the central store has no %s: scanning its orders for %s",
                        SALE_ORDERS_PATH, receipt_code(register_id, receipt_no))
            rows = self._scan_for_receipt(register_id, receipt_no)
        for o in rows:
            meta = o.get("metadata") or {}
            if not str(meta.get("pos_key") or "").startswith("sale:"):
                continue
            if sale_id and str(meta.get("pos_sale_id")) != sale_id:
                continue
            return str(o["id"])
        return None

    def _scan_for_receipt(self, register_id: str, receipt_no: int) -> list[dict[str, Any]]:
        """The plain way: every order, newest first, 200 a page, until the receipt's."""
        offset, found = 0, []
        while offset < RECEIPT_SCAN_LIMIT:
            page = admin(self.client, "GET", "/admin/orders", params={
                "limit": 200, "offset": offset, "order": "-created_at",
                "fields": "id,display_id,created_at,metadata"})
            rows = expect_list(page, "orders")
            found += [o for o in rows if _names_receipt(o, register_id, receipt_no)]
            if found or not rows:
                return found
            offset += len(rows)
            if offset >= int(page.get("count", 0)):
                return found
        return found


def _names_receipt(o: dict[str, Any], register_id: str, receipt_no: int) -> bool:
    meta = o.get("metadata") or {}
    try:
        return (str(meta.get("pos_register_id")) == register_id
                and int(str(meta.get("pos_receipt_no"))) == receipt_no)
    except (TypeError, ValueError):
        return False


def _is_purchase(o: dict[str, Any]) -> bool:
    """Every order is a purchase but a store sale's delivery order, whose goods and payment are
    its sale's (that sale is the purchase)."""
    key = str((o.get("metadata") or {}).get("pos_key") or "")
    return not key or key.startswith("sale:")


# --- Medusa's order as the till's Purchase ---------------------------------------------------------

def is_store_sale(o: dict[str, Any]) -> bool:
    meta = o.get("metadata") or {}
    return bool(meta.get("pos_sale_id")) and str(meta.get("pos_key") or "").startswith("sale:")


def to_purchase(o: dict[str, Any]) -> Purchase:
    meta = o.get("metadata") or {}
    store_sale = is_store_sale(o)
    customer = o.get("customer") or {}
    address = o.get("shipping_address") or {}
    first = customer.get("first_name") or address.get("first_name") or ""
    last = customer.get("last_name") or address.get("last_name") or ""
    if store_sale:
        code = receipt_code(str(meta.get("pos_register_id")), int(meta.get("pos_receipt_no") or 0))
        bought_at = _instant(meta.get("pos_completed_at")) or _instant(o.get("created_at"))
        tenders = _store_tenders(meta)
    else:
        code = str(o.get("display_id") or o["id"])
        bought_at = _instant(o.get("created_at"))
        tenders = _web_tenders(o, meta)
    return Purchase(
        kind=PurchaseKind.STORE_SALE if store_sale else PurchaseKind.WEB_ORDER, code=code,
        bought_at=bought_at, lines=order_lines(o), tenders=tenders,
        sale_id=str(meta.get("pos_sale_id") or "") if store_sale else "", order_id=str(o["id"]),
        location=str(meta.get("pos_location") or "") if store_sale else "web",
        customer_id=o.get("customer_id") or None, customer_name=f"{first} {last}".strip(),
        verified=True)


def order_items(o: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The order's items with their line keys, in the purchase's order: a store sale's by its
    line numbers (``pos_line_no``), a web order's by Medusa's line ids.

    Medusa lists an order's items in no set order (measured: items made together share their
    ``created_at`` to the millisecond and their ids are random within it), so a store order
    made before the sink kept ``pos_line_no`` is numbered by its items sorted by time and id:
    the same numbers every time it is read, in any store, but not necessarily the till's own.
    A return names the line's SKU too, which ``MedusaReturnsDesk`` checks."""
    items = sorted(o.get("items") or [], key=lambda it: (str(it.get("created_at") or ""),
                                                         str(it.get("id"))))
    if not is_store_sale(o):
        return [(str(it["id"]), it) for it in items]
    keyed = []
    for place, it in enumerate(items, 1):
        no = (it.get("metadata") or {}).get("pos_line_no")
        keyed.append((int(str(no)) if str(no or "").isdigit() else place, it))
    keyed.sort(key=lambda k: k[0])
    return [(str(no), it) for no, it in keyed]


def returned_units(it: dict[str, Any]) -> int:
    """Units of an order item already returned in any channel (see the module's notes)."""
    d = it.get("detail") or {}
    return (_units(d.get("return_requested_quantity")) + _units(d.get("return_received_quantity"))
            + _units(d.get("written_off_quantity")))


def order_lines(o: dict[str, Any]) -> tuple[PurchasedLine, ...]:
    out = []
    for key, it in order_items(o):
        meta = it.get("metadata") or {}
        variant = it.get("variant") or {}
        exact = meta.get("pos_total_ore")
        total = int(str(exact)) if str(exact or "").isdigit() else line_paid(it)
        weight = None
        if meta.get("pos_weight_kg") is not None:
            try:
                weight = Decimal(str(meta["pos_weight_kg"]))
            except InvalidOperation:
                weight = None
        out.append(PurchasedLine(
            key=key,
            variant_id=str((variant.get("metadata") or {}).get("pos_variant_id")
                           or it.get("variant_id") or ""),
            sku=str(it.get("variant_sku") or ""), ean=str(it.get("variant_barcode") or ""),
            name=str(it.get("variant_title") if it.get("variant_title") not in (None, "", "-")
                     else it.get("title") or it.get("product_title") or ""),
            quantity=_units(it.get("quantity")), total=total,
            vat_rate=_vat_rate(it, meta), returned=returned_units(it), weight=weight))
    return tuple(out)


def line_paid(it: dict[str, Any]) -> int:
    """Öre paid for the whole order line, every adjustment off, VAT in. Medusa 2.21's item
    ``total`` counts only the units still kept (``quantity`` less those received back or
    dismissed), and prices the others in ``return_received_total`` and
    ``return_dismissed_total`` (each at the line's paid amount per unit): together they are the
    line as it was paid, before any return."""
    if it.get("total") is None:
        return ore(it["unit_price"]) * _units(it.get("quantity"))
    exact = sum((_major(it.get(f)) for f in ("total", "return_received_total",
                                              "return_dismissed_total")), Decimal(0))
    return ore(exact)


def _major(value: Any) -> Decimal:
    if isinstance(value, dict):
        value = value.get("value", value.get("numeric"))
    return Decimal(str(value)) if value not in (None, "") else Decimal(0)


def _store_tenders(meta: dict[str, Any]) -> tuple[PaidTender, ...]:
    """The sale's payments (``pos_tenders``: [[method, öre], ...], their references in
    ``pos_tender_refs``), one per tender as the till keeps them, less what the tills refunded
    of each so far (``pos_till_refund:<key>`` entries: a card's refund names its reference; a
    refund whose reference matches no payment comes off its method's payments in order)."""
    refs = list(meta.get("pos_tender_refs") or [])
    paid: list[tuple[str, str, int]] = []
    for i, entry in enumerate(meta.get("pos_tenders") or []):
        method, amount = str(entry[0]), int(entry[1])
        if amount > 0:  # an exchange's refunds (negative) paid back another purchase
            paid.append((method, str((refs[i] if i < len(refs) else "") or ""), amount))
    refunded = [0] * len(paid)
    left = till_refunds(meta)
    for exact in (True, False):
        for i, (method, ref, amount) in enumerate(paid):
            for (m, r), back in left.items():
                if back <= 0 or m != method or (exact and r != ref):
                    continue
                take = min(back, amount - refunded[i])
                refunded[i] += take
                left[(m, r)] = back - take
    return tuple(PaidTender(m, known_method(m).label, amount, refunded[i], ref)
                 for i, (m, ref, amount) in enumerate(paid))


def till_refunds(meta: dict[str, Any]) -> dict[tuple[str, str], int]:
    """(method, reference) -> öre the tills refunded of this order, over every return."""
    out: dict[tuple[str, str], int] = {}
    for k, entries in meta.items():
        if not k.startswith(TILL_REFUND) or not isinstance(entries, list):
            continue
        for method, reference, amount in entries:
            out[(str(method), str(reference))] = out.get((str(method), str(reference)), 0) + int(
                amount)
    return out


def captured_payments(o: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for pc in o.get("payment_collections") or [] if pc.get("status") != "canceled"
            for p in pc.get("payments") or [] if not p.get("canceled_at")
            and (p.get("captures") or p.get("captured_at"))]


def payment_amounts(p: dict[str, Any]) -> tuple[int, int]:
    """(captured, refunded) öre of a payment."""
    captures = p.get("captures") or []
    captured = sum(ore(c.get("amount")) for c in captures) if captures else ore(p.get("amount"))
    refunded = sum(ore(r.get("amount")) for r in p.get("refunds") or [])
    return captured, refunded


def _web_tenders(o: dict[str, Any], meta: dict[str, Any]) -> tuple[PaidTender, ...]:
    """The captured payments less their refunds, and less what tills paid out instead (cash
    for a web order's goods: it used up that much of what the order can give back, taken off
    the payments in order, as the till counts its own refunds)."""
    instead = sum(till_refunds(meta).values())
    out = []
    for p in captured_payments(o):
        captured, refunded = payment_amounts(p)
        if captured > 0:
            refunded = min(refunded, captured)
            take = min(instead, captured - refunded)
            instead -= take
            out.append(PaidTender("web", WEB_TENDER_LABEL, captured, refunded + take,
                                  str(p["id"])))
    return tuple(out)


def _vat_rate(it: dict[str, Any], meta: dict[str, Any]) -> VatRate:
    if meta.get("pos_vat_rate") is not None:
        try:
            return VatRate(str(meta["pos_vat_rate"]))
        except ValueError:
            pass
    for t in it.get("tax_lines") or []:
        if t.get("rate") is not None:
            try:
                return VatRate.from_percent(t["rate"])
            except (ValueError, InvalidOperation):
                log.warning("order line %s has a VAT rate the till does not know: %s",
                            it.get("id"), t["rate"])
    return VatRate.STANDARD


def _units(value: Any) -> int:
    if isinstance(value, dict):
        value = value.get("value", value.get("numeric"))
    if value is None or value == "":
        return 0
    return int(Decimal(str(value)))


def _instant(text: Any) -> datetime | None:
    if not text:
        return None
    try:
        t = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
    return t if t.tzinfo is not None else t.replace(tzinfo=timezone.utc)
