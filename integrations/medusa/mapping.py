"""Medusa's carts and customers as the till's ``WebCart`` and ``CustomerRef`` (amounts to öre)."""
from __future__ import annotations

from typing import Any

from integrations.medusa.client import MalformedResponse
from pos.commerce import CustomerRef, WebCart, WebCartLine
from pos.money import MoneyError, from_major

CART_FIELDS = ("id,currency_code,email,customer_id,completed_at,total,tax_total,discount_total,"
               "*items,*promotions")


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
                       completed=bool(c.get("completed_at")))
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
