"""Medusa's objects as the till's domain objects, here and nowhere else: prices in major units
become öre, the product's VAT class a ``VatRate``, Medusa's variants, orders, carts and customers
the till's ``Variant``, ``RemoteOrder``, ``WebCart`` and ``CustomerRef``. An answer that cannot be
read raises ``MalformedResponse``."""
from __future__ import annotations

from typing import Any

from integrations.medusa.client import MalformedResponse
from pos.catalog import CentralRefs, Variant, parse_net_content
from pos.commerce import CustomerRef, RemoteOrder, WebCart, WebCartLine
from pos.money import MoneyError, from_major
from pos.vat import VatRate

CART_FIELDS = ("id,currency_code,email,customer_id,completed_at,total,tax_total,discount_total,"
               "metadata,"
               "*items,*promotions,customer.id,customer.email,customer.first_name,"
               "customer.last_name,customer.phone")


def ore(value: Any) -> int:
    """A Medusa amount (major units; numbers, strings, or a {value: ...} big number) in öre."""
    if isinstance(value, dict):
        value = value.get("value", value.get("numeric"))
    return from_major(value if value is not None else 0)


def to_web_cart(c: dict[str, Any]) -> WebCart:
    try:
        lines = tuple(
            WebCartLine(variant_id=str(it.get("variant_id") or ""), sku=str(it.get("variant_sku") or ""),
                        ean=str(it.get("variant_barcode") or ""),
                        name=str(it.get("variant_title") or it.get("title") or ""),
                        quantity=int(it["quantity"]), unit_price=ore(it["unit_price"]),
                        discount=ore(it.get("discount_total")),
                        total=ore(it.get("total") if it.get("total") is not None
                                  else it["unit_price"] * int(it["quantity"])))
            for it in c.get("items") or [])
        codes = tuple(sorted(str(p["code"]) for p in c.get("promotions") or [] if p.get("code")))
        return WebCart(id=str(c["id"]), currency=str(c.get("currency_code") or "sek").upper(),
                       email=c.get("email"), customer_id=c.get("customer_id"), lines=lines,
                       promo_codes=codes, discount_total=ore(c.get("discount_total")),
                       tax_total=ore(c.get("tax_total")), total=ore(c.get("total")),
                       completed=bool(c.get("completed_at")),
                       metadata=dict(c.get("metadata") or {}))
    except (KeyError, TypeError, ValueError, MoneyError) as e:
        raise MalformedResponse(f"cart {c.get('id')!r} cannot be read: {e}") from e


def to_customer(c: dict[str, Any]) -> CustomerRef:
    try:
        return CustomerRef(id=str(c["id"]), email=str(c.get("email") or ""),
                           first_name=str(c.get("first_name") or ""),
                           last_name=str(c.get("last_name") or ""), phone=str(c.get("phone") or ""),
                           group_ids=tuple(str(g["id"]) for g in c.get("groups") or ()))
    except (KeyError, TypeError) as e:
        raise MalformedResponse(f"customer cannot be read: {e}") from e


def _net_content(text: Any) -> dict[str, Any]:
    found = parse_net_content(str(text)) if text else None
    return {"net_quantity": found[0], "net_unit": found[1]} if found else {}


def to_variant(v: dict[str, Any]) -> Variant:
    """A Medusa product variant as the till's ``Variant`` (SEK price in öre, VAT from the product)."""
    try:
        product = v.get("product") or {}
        prices = [p for p in v.get("prices") or [] if p.get("currency_code") == "sek"]
        if not prices:
            raise MalformedResponse(f"variant {v.get('id')} has no SEK price")
        rate = (product.get("metadata") or {}).get("vat_rate", "25")
        meta = v.get("metadata") or {}
        options = {o.get("option", {}).get("title", ""): o.get("value", "")
                   for o in v.get("options") or []}
        return Variant(id=str(meta.get("pos_variant_id") or v["id"]), sku=str(v["sku"]),
                       ean=str(v.get("ean") or v.get("barcode") or ""), name=str(v["title"]),
                       price=from_major(prices[0]["amount"]), vat_rate=VatRate(str(rate)),
                       product_id=str((product.get("metadata") or {}).get("pos_product_id")
                                      or product.get("id", "")),
                       product_name=str(product.get("title", "")),
                       size=options.get("Storlek", "") if options.get("Storlek") != "-" else "",
                       colour=options.get("Färg", "") if options.get("Färg") != "-" else "",
                       active=product.get("status", "published") == "published",
                       refs=CentralRefs(
                           variant_id=str(v["id"]), product_id=str(product.get("id", "")),
                           category_ids=tuple(sorted(str(c["id"]) for c in
                                                     product.get("categories") or ())),
                           collection_id=product.get("collection_id"),
                           type_id=product.get("type_id"),
                           tag_ids=tuple(sorted(str(t["id"]) for t in product.get("tags") or ()))),
                       # the short number on the store's price and weight labels, and "kg" for
                       # an article sold by weight (its price is per kg): the variant's metadata
                       plu=str(meta.get("pos_plu") or ""), unit=str(meta.get("pos_unit") or ""),
                       # the package's net content ("500 g", "1,5 l", "6 st"): the shelf label's
                       # comparison price (pos.shelf_labels)
                       **_net_content(meta.get("net_content")))
    except (KeyError, TypeError, ValueError, MoneyError) as e:
        raise MalformedResponse(f"variant {v.get('id')!r} cannot be read: {e}") from e


def to_remote_order(o: dict[str, Any]) -> RemoteOrder:
    return RemoteOrder(id=str(o.get("id")), display_id=o.get("display_id"),
                       status=str(o.get("status")), payment_status=str(o.get("payment_status")),
                       fulfillment_status=str(o.get("fulfillment_status")),
                       total=from_major(o.get("total") or 0), metadata=o.get("metadata") or {})


def expect_list(body: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The list ``key`` of an answer (Medusa lists come as ``{key: [...], count, ...}``)."""
    rows = body.get(key)
    if not isinstance(rows, list):
        raise MalformedResponse(f"expected a list '{key}' in the answer")
    return rows


def expect_object(body: dict[str, Any], key: str) -> dict[str, Any]:
    """The object ``key`` of an answer (Medusa wraps objects: ``{"order": {...}}``)."""
    obj = body.get(key)
    if not isinstance(obj, dict):
        raise MalformedResponse(f"expected an object '{key}' in the answer")
    return obj
