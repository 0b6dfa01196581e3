"""A customer's saved addresses (``pos.ports.CustomerAddresses``) over Medusa v2's admin API,
for the delivery address of what the till sells ship-to-home."""
from __future__ import annotations

from integrations.medusa.calls import admin
from integrations.medusa.client import MedusaClient
from integrations.medusa.mapping import expect_list
from pos.delivery import DeliveryAddress


class MedusaCustomerAddresses:
    def __init__(self, client: MedusaClient):
        self.client = client

    def addresses(self, customer_id: str) -> list[DeliveryAddress]:
        if not customer_id.startswith("cus_"):
            return []
        page = admin(self.client, "GET", f"/admin/customers/{customer_id}/addresses",
                     params={"limit": 50})
        rows = expect_list(page, "addresses")
        rows.sort(key=lambda a: not a.get("is_default_shipping"))
        out = []
        for a in rows:
            name = f"{a.get('first_name') or ''} {a.get('last_name') or ''}".strip()
            street = ", ".join(x for x in (a.get("address_1"), a.get("address_2")) if x)
            out.append(DeliveryAddress(name or str(a.get("company") or ""), street,
                                       str(a.get("postal_code") or ""), str(a.get("city") or ""),
                                       str(a.get("phone") or ""),
                                       str(a.get("country_code") or "se")))
        return out
