"""The demo retailer's campaign and promotions, in one place for both sides: the seed creates them
in the central store (Medusa) with its category ids, and the till's demo data stores them locally
with the demo catalogue's own ids, so the till gives the winter sale before it has ever synced.

- VINTER20: automatic, 20 % off every unit in the category ``WINTER_CATEGORY``.
- HOST10: a code, 10 % off the whole order.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pos.demo.catalog import category_ref, demo_catalog
from pos.promotions import Promotion

CAMPAIGN: dict[str, str] = {
    "name": "Vinterrea", "campaign_identifier": "VINTERREA-2026",
    "starts_at": "2026-01-01T00:00:00Z", "ends_at": "2027-12-31T23:59:59Z"}
WINTER_CATEGORY = demo_catalog()[0].category  # "Dam & herr/Överdelar"


def promotion_bodies(category_id: Callable[[str], str]) -> list[dict[str, Any]]:
    """The promotions as Medusa's ``POST /admin/promotions`` takes them (without ``campaign_id``);
    ``category_id(name)`` gives the id of a category by name."""
    return [
        {"code": "HOST10", "type": "standard", "is_automatic": False, "status": "active",
         "application_method": {"type": "percentage", "target_type": "order", "value": 10,
                                "allocation": "across", "currency_code": "sek"}},
        {"code": "VINTER20", "type": "standard", "is_automatic": True, "status": "active",
         "application_method": {"type": "percentage", "target_type": "items", "value": 20,
                                "allocation": "each", "max_quantity": 99, "currency_code": "sek",
                                "target_rules": [{"attribute": "items.product.categories.id",
                                                  "operator": "in",
                                                  "values": [category_id(WINTER_CATEGORY)]}]}},
    ]


def demo_promotions() -> list[Promotion]:
    """The promotions as the till stores them, targeting the demo catalogue's ids."""
    out = []
    for i, body in enumerate(promotion_bodies(category_ref), start=1):
        am = dict(body["application_method"])
        am["target_rules"] = [{**r, "values": [{"value": v} for v in r["values"]]}
                              for r in am.get("target_rules", [])]
        out.append(Promotion.from_medusa({**body, "id": f"promo_demo_{i}", "campaign": CAMPAIGN,
                                          "application_method": am}))
    return out
