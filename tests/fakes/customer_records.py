"""The central store's customer records and order history, in memory (``pos.ports.CustomerRecords``
and ``CustomerHistory``), for unit and UI tests; the real ones are tested against Medusa."""
from __future__ import annotations

from typing import Any

from pos.commerce import CustomerRef
from pos.customer_history import HistoryPage
from pos.customers import CustomerChanges, CustomerDetails, CustomerDraft, EmailOffers, KnownCustomer
from pos.ports import CommerceUnavailable


class FakeRecords:
    def __init__(self, known: list[KnownCustomer] | None = None) -> None:
        self.known = list(known or [])
        self.created: list[tuple[CustomerDraft, EmailOffers, dict[str, Any]]] = []
        self.details: dict[str, CustomerDetails] = {}
        self.updates: list[tuple[str, CustomerChanges, EmailOffers | None]] = []

    down = False

    def candidates(self, d: CustomerDraft) -> list[KnownCustomer]:
        if self.down:
            raise CommerceUnavailable("connection refused")
        return list(self.known)

    def create_customer(self, d: CustomerDraft, offers: EmailOffers,
                        metadata: dict[str, Any]) -> CustomerRef:
        self.created.append((d, offers, metadata))
        c = CustomerRef(f"cus_new{len(self.created)}", d.email, d.first_name, d.last_name, d.phone)
        self.details[c.id] = CustomerDetails(c, d.address, "addr_1", offers)
        return c

    def customer_details(self, customer_id: str) -> CustomerDetails | None:
        return self.details.get(customer_id)

    def update_customer(self, customer_id: str, changes: CustomerChanges,
                        offers: EmailOffers | None) -> CustomerDetails:
        self.updates.append((customer_id, changes, offers))
        return self.details[customer_id]

    def add(self, details: CustomerDetails, postcodes: tuple[str, ...] = ()) -> None:
        self.details[details.customer.id] = details
        self.known.append(KnownCustomer(details.customer, postcodes))

    tokens: dict[str, CustomerRef] = {}

    def customer_by_token(self, token: str) -> CustomerRef | None:
        if self.down:
            raise CommerceUnavailable("connection refused")
        return self.tokens.get(token)




class FakeHistory:
    def __init__(self, entries: dict[str, list] | None = None) -> None:
        self.entries = dict(entries or {})
        self.asked: list[tuple[str, int, int]] = []

    def history(self, customer_id: str, offset: int = 0, limit: int = 10) -> HistoryPage:
        self.asked.append((customer_id, offset, limit))
        rows = self.entries.get(customer_id, [])
        return HistoryPage(tuple(rows[offset:offset + limit]), offset, limit, len(rows))
