"""The demo retailer's customers, for both sides: the seed creates them in the central store, and
a till without a central store (the embedded demo) searches them here, as the central store would
(by e-mail, name or phone; a number typed 070-123 45 67 finds +46701234567)."""
from __future__ import annotations

from pos.commerce import CustomerRef, customer_query

# (e-mail, first name, last name, phone in E.164, loyalty card number: scanned as CUST-<number>)
CUSTOMERS: tuple[tuple[str, str, str, str, str], ...] = (
    ("anna.svensson@example.se", "Anna", "Svensson", "+46701234567", "10000001"),
    ("erik.lindqvist@example.se", "Erik", "Lindqvist", "+46702345678", "10000002"),
    ("sara.nilsson@example.se", "Sara", "Nilsson", "+46703456789", "10000003"),
    ("johan.berg@example.se", "Johan", "Berg", "+46704567890", "10000004"),
)


class DemoCustomers:
    """A customer directory (``CustomerDirectory``) over ``CUSTOMERS``; ids ``demo_cus_1``..."""

    def __init__(self) -> None:
        self.customers = [CustomerRef(f"demo_cus_{i}", email, first, last, phone)
                          for i, (email, first, last, phone, _) in enumerate(CUSTOMERS, start=1)]
        self.cards = {card: c for c, (*_, card) in zip(self.customers, CUSTOMERS)}

    def find_customers(self, query: str, limit: int = 20) -> list[CustomerRef]:
        wanted = customer_query(query).lower()
        if not wanted:
            return []
        return [c for c in self.customers
                if wanted in f"{c.email} {c.first_name} {c.last_name} {c.name} {c.phone}".lower()
                ][:limit]

    def customer_by_card(self, number: str) -> CustomerRef | None:
        return self.cards.get(number.strip())
