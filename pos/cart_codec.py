"""A cart as plain data (``Cart.to_dict``/``from_dict``): its lines, discounts, customer and
articles as JSON-ready dicts, so the till saves the sale in progress after every change and gets
it back after a crash, and a parked sale is kept as it was."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from pos.cart import CartLine, Discount
from pos.catalog import CentralRefs, Variant
from pos.commerce import CustomerRef
from pos.returns import ReturnOf
from pos.vat import VatRate


def customer_from_dict(data: dict[str, Any]) -> CustomerRef | None:
    if data.get("customer"):
        return CustomerRef.from_dict(data["customer"])
    if data.get("customer_id"):  # saved before customers had more than an id
        return CustomerRef(str(data["customer_id"]), "", "", "", "")
    return None


def discount_to_dict(d: Discount | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"percent": None if d.percent is None else str(d.percent), "amount": d.amount,
            "reason": d.reason, "approved_by": d.approved_by}


def discount_from_dict(d: dict[str, Any] | None) -> Discount | None:
    if not d:
        return None
    return Discount(percent=None if d.get("percent") is None else Decimal(d["percent"]),
                    amount=d.get("amount"), reason=d.get("reason", ""),
                    approved_by=d.get("approved_by"))


def variant_to_dict(v: Variant) -> dict[str, Any]:
    return {"id": v.id, "sku": v.sku, "ean": v.ean, "name": v.name, "price": v.price,
            "vat_rate": v.vat_rate.value, "product_id": v.product_id,
            "product_name": v.product_name, "size": v.size, "colour": v.colour,
            "active": v.active, "refs": v.refs.to_json(), "plu": v.plu, "unit": v.unit}


def variant_from_dict(d: dict[str, Any]) -> Variant:
    return Variant(id=d["id"], sku=d["sku"], ean=d.get("ean", ""), name=d["name"],
                   price=int(d["price"]), vat_rate=VatRate(d["vat_rate"]),
                   product_id=d.get("product_id", ""), product_name=d.get("product_name", ""),
                   size=d.get("size", ""), colour=d.get("colour", ""),
                   active=d.get("active", True), refs=CentralRefs.from_json(d.get("refs")),
                   plu=str(d.get("plu", "")), unit=str(d.get("unit", "")))


def line_to_dict(line: CartLine) -> dict[str, Any]:
    return {"line_id": line.line_id, "variant": variant_to_dict(line.variant),
            "quantity": line.quantity, "unit_price": line.unit_price,
            "original_price": line.original_price, "override_by": line.override_by,
            "discount": discount_to_dict(line.discount),
            "weight": None if line.weight is None else str(line.weight), "label": line.label,
            **({"deliver": True} if line.deliver else {}),
            **({"from_web": True} if line.from_web else {}),
            **({"order_id": line.order_id, "order_no": line.order_no} if line.order_id else {}),
            **({"returned_from": line.returned_from.to_dict(), "refund": line.refund}
               if line.returned_from else {})}


def line_from_dict(d: dict[str, Any]) -> CartLine:
    return CartLine(line_id=int(d["line_id"]), variant=variant_from_dict(d["variant"]),
                    quantity=int(d["quantity"]), unit_price=int(d["unit_price"]),
                    original_price=d.get("original_price"), override_by=d.get("override_by"),
                    discount=discount_from_dict(d.get("discount")),
                    weight=None if d.get("weight") is None else Decimal(str(d["weight"])),
                    label=str(d.get("label") or ""), deliver=bool(d.get("deliver")),
                    from_web=bool(d.get("from_web")), order_id=str(d.get("order_id") or ""),
                    order_no=str(d.get("order_no") or ""),
                    returned_from=(ReturnOf.from_dict(d["returned_from"])
                                   if d.get("returned_from") else None),
                    refund=int(d.get("refund") or 0))
