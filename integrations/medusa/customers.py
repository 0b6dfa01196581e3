"""The customer directory (``pos.ports.CustomerDirectory``) over Medusa v2's admin API: one
customer in every channel, found by phone (as the customer says it), e-mail, name or loyalty card.
"""
from __future__ import annotations

from integrations.medusa.calls import admin
from integrations.medusa.client import MedusaClient, MedusaError
from integrations.medusa.mapping import expect_list, expect_object, to_customer
from pos.commerce import CustomerRef, customer_query
from pos.customers import fold_name

FIELDS = "id,email,first_name,last_name,phone,groups.id"


class MedusaCustomers:
    CARD_PATH = "/admin/pos/customer-card"

    def __init__(self, client: MedusaClient):
        self.client = client

    def find_customers(self, query: str, limit: int = 20) -> list[CustomerRef]:
        """Medusa's ``q`` matches one field at a time: a full name ("Anna Svensson") is searched
        by its longest word and the answers kept whose name has every word (accents folded)."""
        if not query.strip():
            return []
        q = customer_query(query)
        words = fold_name(q).split() if "@" not in q and not q.startswith("+") else []
        if len(words) > 1:
            longest = max(q.split(), key=len)
            page = admin(self.client, "GET", "/admin/customers", params={
                "q": longest, "limit": 200, "fields": FIELDS})
            found = [to_customer(c) for c in expect_list(page, "customers")]
            return [c for c in found
                    if all(w in fold_name(f"{c.first_name} {c.last_name}") for w in words)][:limit]
        page = admin(self.client, "GET", "/admin/customers", params={
            "q": q, "limit": limit, "fields": FIELDS})
        return [to_customer(c) for c in expect_list(page, "customers")]

    def customer_by_card(self, number: str) -> CustomerRef | None:
        """By the omnipos route in ``app/src`` (the card is in the customer's metadata)."""
        try:
            body = admin(self.client, "GET", self.CARD_PATH, params={"number": number})
        except MedusaError as e:
            if e.status == 404 and "No customer has card" in str(e):
                return None
            if e.status == 404:
                raise MedusaError("the central store cannot look up customer cards (no omnipos "
                                  "route)", e.status, e.body) from e
            raise
        return to_customer(expect_object(body, "customer"))
