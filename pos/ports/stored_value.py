"""Gift cards and store credit at the central store (Medusa's loyalty plugin)."""
from __future__ import annotations

from typing import Protocol, runtime_checkable

from pos.gift_cards import Balance, IssuedGiftCard, Movement




@runtime_checkable
class StoredValue(Protocol):
    """Gift cards and customers' store credit accounts at the central store (Medusa's loyalty
    plugin). An account is named by a gift card's code (``GC-...``) or ``customer:<id>``;
    amounts in öre. Every call may block; CommerceUnavailable when the store cannot be reached
    (``sent`` on that error tells whether the request may have reached it)."""

    def balance(self, account: str) -> Balance | None:
        """What the account holds now; None when there is no such gift card (a customer
        without an account has a balance of 0)."""

    def issue_gift_card(self, card: IssuedGiftCard, idempotency_key: str) -> str:
        """Create the gift card ``card.code`` with ``card.amount`` on it; its id. Idempotent by
        the code: again, it finds the card made and creates no second one."""

    def debit(self, account: str, amount: int, idempotency_key: str) -> Balance:
        """Take ``amount`` from the account, once per key (again: the first debit's result);
        ``pos.gift_cards.GiftCardError`` when it holds less (nothing taken)."""

    def credit(self, account: str, amount: int, idempotency_key: str) -> Balance:
        """Add ``amount`` to the account (a customer's is opened when it has none), once per
        key."""

    def movement(self, account: str, idempotency_key: str) -> Movement | None:
        """The transaction made with ``idempotency_key`` on the account, or None."""
