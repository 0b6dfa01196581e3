"""Customer records and purchase history at the central store: one customer in every channel."""
from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from pos.commerce import CustomerRef
from pos.customer_history import HistoryPage
from pos.customers import (CustomerChanges, CustomerDetails, CustomerDraft, EmailOffers,
                           KnownCustomer)


@runtime_checkable
class CustomerRecords(Protocol):
    """Customers created and edited at the till, in the central store (one customer in every
    channel). Every call is a network call; ``CommerceUnavailable`` when it cannot be made."""

    def candidates(self, draft: CustomerDraft) -> list[KnownCustomer]:
        """Customers who might be ``draft``'s: the same e-mail (any case), the same phone
        (E.164), or a saved address in the same postcode; ``pos.customers.duplicates`` decides."""

    def create_customer(self, draft: CustomerDraft, offers: EmailOffers,
                        metadata: dict[str, Any]) -> CustomerRef:
        """A new (guest) customer with ``draft``'s contact details, its postal address saved
        as the customer's default address, the consent and ``metadata`` kept with it."""

    def customer_details(self, customer_id: str) -> CustomerDetails | None:
        """The customer with address and consent, or None when there is none."""

    def update_customer(self, customer_id: str, changes: CustomerChanges,
                        offers: EmailOffers | None) -> CustomerDetails:
        """Contact details, address (the default one, or a new one) and consent changed."""

    def customer_by_token(self, token: str) -> CustomerRef | None:
        """The customer whose "my account" code (``CUSTOMER:<token>``) was scanned, or None."""


@runtime_checkable
class CustomerHistory(Protocol):
    """A customer's orders in every channel, as the central store has them."""

    def history(self, customer_id: str, offset: int = 0, limit: int = 10) -> HistoryPage:
        """Web orders and store sales of ``customer_id``, newest first, ``limit`` from
        ``offset``, with their lines, returns and payment status."""
