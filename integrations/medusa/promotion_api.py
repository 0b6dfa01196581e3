"""Promotions over Medusa v2's APIs, for the till's local promotion engine and its parity test.

- ``fetch_promotions(client)``: every promotion with its application method, rules and campaign,
  as ``pos.promotions.Promotion``.
- ``variant_facts(client)``: what rules need to know of each variant (product, categories,
  collection, type, SKU, SEK price, VAT rate).
- ``ensure_parity_promotions(client, ids)``: a set of promotions covering the kinds the engine
  implements (percentage/fixed, items/order, each/across, max_quantity, target rules, automatic,
  tax-inclusive, buy-get, a campaign's spend budget). Automatic ones carry a rule on the cart's
  e-mail (``PARITY_EMAIL``) so they never touch any other cart.
- ``store_cart(client, ids, items, codes)``: a store cart made with items and codes in one call,
  with the totals the central store computed.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from integrations.medusa.client import MedusaClient, MedusaError
from pos.money import from_major
from pos.promotions import Promotion
from pos.vat import VatRate

PARITY_EMAIL = "parity@omnipos.invalid"
PROMOTION_FIELDS = ("*application_method,*application_method.target_rules,"
                    "*application_method.target_rules.values,*application_method.buy_rules,"
                    "*application_method.buy_rules.values,*rules,*rules.values,*campaign,"
                    "*campaign.budget")
VARIANT_FIELDS = ("id,sku,*prices,product.id,product.type_id,product.collection_id,"
                  "product.metadata,product.status,*product.categories")
CART_FIELDS = ("id,total,subtotal,discount_total,original_total,item_total,*items,items.total,"
               "items.subtotal,items.discount_total,items.original_total,*items.adjustments,"
               "*items.tax_lines,*promotions")


def fetch_promotions(client: MedusaClient) -> list[Promotion]:
    out: list[Promotion] = []
    offset = 0
    while True:
        page = client.admin("GET", "/admin/promotions", params={
            "limit": 100, "offset": offset, "fields": PROMOTION_FIELDS})
        rows = page.get("promotions") or []
        out.extend(Promotion.from_medusa(p) for p in rows)
        offset += len(rows)
        if not rows or offset >= int(page.get("count", 0)):
            return out


def variant_facts(client: MedusaClient, page_size: int = 500) -> list[dict[str, Any]]:
    """Per variant: id, sku, product_id, category_ids, collection_id, type_id, price (öre),
    vat_rate (``VatRate``)."""
    out: list[dict[str, Any]] = []
    offset = 0
    while True:
        page = client.admin("GET", "/admin/product-variants", params={
            "limit": page_size, "offset": offset, "fields": VARIANT_FIELDS})
        rows = page.get("variants") or []
        for v in rows:
            product = v.get("product") or {}
            prices = [p for p in v.get("prices") or [] if p.get("currency_code") == "sek"]
            if not prices:
                continue
            out.append({"id": v["id"], "sku": v["sku"], "product_id": product.get("id", ""),
                        "category_ids": tuple(c["id"] for c in product.get("categories") or ()),
                        "collection_id": product.get("collection_id"),
                        "type_id": product.get("type_id"),
                        "price": from_major(prices[0]["amount"]),
                        "vat_rate": VatRate(str((product.get("metadata") or {}).get("vat_rate", "25"))),
                        "published": product.get("status", "published") == "published"})
        offset += len(rows)
        if not rows or offset >= int(page.get("count", 0)):
            return out


def _rule(attribute: str, operator: str, values: Sequence[str]) -> dict[str, Any]:
    return {"attribute": attribute, "operator": operator, "values": list(values)}


def parity_promotion_bodies(facts: Sequence[dict[str, Any]], campaign_id: str | None
                            ) -> list[dict[str, Any]]:
    """Promotions of every kind the local engine implements, targeted at parts of the catalogue
    (``type`` defaults to standard; the buy-get ones say so)."""
    categories = sorted({c for f in facts for c in f["category_ids"]})
    products = sorted({f["product_id"] for f in facts})
    skus = sorted(f["sku"] for f in facts)
    cats_a = categories[0::3][:4]
    cats_b = categories[1::3][:4]
    some_products = products[0::7][:60]
    some_skus = skus[0::5][:300]
    only_parity = [_rule("email", "eq", [PARITY_EMAIL])]
    base = {"type": "standard", "status": "active", **({"campaign_id": campaign_id} if campaign_id else {})}

    def am(type_: str, target: str, value: object, allocation: str, max_quantity: int | None = None,
           target_rules: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"type": type_, "target_type": target, "value": value,
                                "allocation": allocation, "currency_code": "sek"}
        if max_quantity is not None:
            body["max_quantity"] = max_quantity
        if target_rules:
            body["target_rules"] = target_rules
        return body

    return [
        {**base, "code": "PARITY-AUTO-CAT15", "is_automatic": True, "rules": only_parity,
         "application_method": am("percentage", "items", 15, "each", 2,
                                  [_rule("items.product.categories.id", "in", cats_a)])},
        {**base, "code": "PARITY-FIX40-EACH", "is_automatic": False, "rules": only_parity,
         "application_method": am("fixed", "items", 40, "each", 3,
                                  [_rule("items.product.id", "in", some_products)])},
        {**base, "code": "PARITY-FIX150-ORDER", "is_automatic": False, "rules": only_parity,
         "application_method": am("fixed", "order", 150, "across")},
        {**base, "code": "PARITY-SKU25-ACROSS", "is_automatic": False, "rules": only_parity,
         "application_method": am("percentage", "items", 25, "across", None,
                                  [_rule("items.variant_sku", "in", some_skus)])},
        {**base, "code": "PARITY-INCL30", "is_automatic": False, "is_tax_inclusive": True,
         "rules": only_parity,
         "application_method": am("fixed", "items", 30, "each", 1,
                                  [_rule("items.product.categories.id", "in", cats_b)])},
        {**base, "code": "PARITY-AUTO-ORDER5", "is_automatic": True, "rules": only_parity,
         "application_method": am("percentage", "order", 5, "across")},
        {**base, "code": "PARITY-FIX12-ACROSS", "is_automatic": False, "rules": only_parity,
         "application_method": am("fixed", "items", 12, "across", None,
                                  [_rule("items.product.categories.id", "in", cats_a + cats_b)])},
        # buy-get: an automatic 3 for 2, and a code "buy one of B, get one of A or B at half
        # price" overlapping it (Medusa counts what each used on its buy and get sides apart)
        {**base, "code": "PARITY-AUTO-3FOR2", "type": "buyget", "is_automatic": True,
         "rules": only_parity,
         "application_method": {**am("percentage", "items", 100, "each", 3,
                                     [_rule("items.product.categories.id", "in", cats_a)]),
                                "buy_rules": [_rule("items.product.categories.id", "in", cats_a)],
                                "buy_rules_min_quantity": 2, "apply_to_quantity": 1}},
        {**base, "code": "PARITY-B1G1-HALF", "type": "buyget", "is_automatic": False,
         "rules": only_parity,
         "application_method": {**am("percentage", "items", 50, "each", 2,
                                     [_rule("items.product.categories.id", "in", cats_a + cats_b)]),
                                "buy_rules": [_rule("items.product.categories.id", "in", cats_b)],
                                "buy_rules_min_quantity": 1, "apply_to_quantity": 1}},
        {**base, "code": "PARITY-B2G1-FIX30", "type": "buyget", "is_automatic": False,
         "rules": only_parity,
         "application_method": {**am("fixed", "items", 30, "each", 2,
                                     [_rule("items.product.id", "in", some_products)]),
                                "buy_rules": [_rule("items.product.id", "in", some_products)],
                                "buy_rules_min_quantity": 2, "apply_to_quantity": 1}},
    ]


BUDGET_CAMPAIGN = "PARITY-BUDGET"
BUDGET_LIMIT = 40  # kronor of discount: lines whose 11 % is more than this get nothing


def budget_promotion_body(campaign_id: str) -> dict[str, Any]:
    """A code in a campaign with a spend budget of ``BUDGET_LIMIT`` kr (none of it spent: the
    parity carts are never completed): Medusa judges each line's adjustment alone against it.
    11 %, not 10: Medusa orders promotions of equal value as PostgreSQL happens to return them
    (``ORDER BY application_method.value`` only), so a budgeted code tied with HOST10 would be
    judged before or after it by chance, and no till can follow that."""
    return {"type": "standard", "status": "active", "campaign_id": campaign_id,
            "code": "PARITY-BUDGET11", "is_automatic": False,
            "rules": [_rule("email", "eq", [PARITY_EMAIL])],
            "application_method": {"type": "percentage", "target_type": "items", "value": 11,
                                   "allocation": "each", "max_quantity": 2,
                                   "currency_code": "sek"}}


def _budget_campaign(client: MedusaClient) -> str:
    found = client.admin("GET", "/admin/campaigns", params={
        "campaign_identifier": BUDGET_CAMPAIGN, "fields": "id"}).get("campaigns") or []
    if found:
        return str(found[0]["id"])
    return str(client.admin("POST", "/admin/campaigns", json={
        "name": "Parity budget", "campaign_identifier": BUDGET_CAMPAIGN,
        "budget": {"type": "spend", "limit": BUDGET_LIMIT, "currency_code": "sek"},
    })["campaign"]["id"])


def ensure_parity_promotions(client: MedusaClient, facts: Sequence[dict[str, Any]]) -> list[str]:
    """Create the parity promotions that are missing (by code); returns all their codes."""
    existing = {p.code for p in fetch_promotions(client)}
    campaigns = client.admin("GET", "/admin/campaigns", params={
        "limit": 10, "order": "created_at"}).get("campaigns") or []
    campaigns = [c for c in campaigns if c.get("campaign_identifier") != BUDGET_CAMPAIGN]
    campaign_id = campaigns[0]["id"] if campaigns else None
    codes = []
    for body in [*parity_promotion_bodies(facts, campaign_id),
                 budget_promotion_body(_budget_campaign(client))]:
        codes.append(body["code"])
        if body["code"] not in existing:
            try:
                client.admin("POST", "/admin/promotions", json=body)
            except MedusaError as e:
                if "already exists" not in str(e):
                    raise
    return codes


def store_cart(client: MedusaClient, ids: dict[str, Any], items: Sequence[tuple[str, int]],
               codes: Sequence[str], email: str = PARITY_EMAIL,
               channel: str = "web") -> dict[str, Any]:
    """Create a store cart with ``(variant_id, quantity)`` items and promotion codes; the cart
    as the central store computed it (totals, items with adjustments)."""
    body = {"region_id": ids["region_id"], "sales_channel_id": ids["sales_channels"][channel],
            "email": email, "items": [{"variant_id": v, "quantity": q} for v, q in items],
            "promo_codes": list(codes)}
    return client.store("POST", "/store/carts", json=body, params={"fields": CART_FIELDS})["cart"]
