"""The register's state between two calls: who is working, the sale in progress, its payment,
and the moment the prices were fixed. One explicit object, owned by the thread that serves the
register (its worker), handed to every use case that acts on the sale.

Kept in the database after every change (``CartRepository.save_open``), so a crash loses
nothing; ``snapshot``/``restore`` put it back as it was when a change is refused.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from pos.cart import Cart, DiscountPolicy
from pos.payments import Payment
from pos.promotions import PromotionBook
from pos.staff import AuthError, StaffMember


@dataclass
class RegisterState:
    register_id: str
    policy: DiscountPolicy = field(default_factory=DiscountPolicy)
    cashier: StaffMember | None = None
    cart: Cart = field(default_factory=Cart)
    payment: Payment | None = None
    priced_at: datetime | None = None  # promotions' time (UTC), frozen while paying
    provider_attempt: str | None = None  # the payment attempt a provider is running now
    provider_name: str = ""  # ... and that provider's name
    promotions: PromotionBook = field(default_factory=PromotionBook)
    # when wrong manager PINs were given at this register (approvals lock after a few, as a
    # login does: the approval dialog must not be a way to guess a manager's PIN)
    approval_failures: list[datetime] = field(default_factory=list)

    # --- who works ---------------------------------------------------------------------------------

    def require_cashier(self) -> StaffMember:
        """The logged-in cashier; ``AuthError`` when nobody is."""
        if self.cashier is None:
            raise AuthError("auth.log_in_first")
        return self.cashier

    # --- the sale and its payment -------------------------------------------------------------

    @property
    def tendering(self) -> bool:
        """True once a tender is taken: the sale's lines can no longer change."""
        return bool(self.payment and self.payment.tenders)

    @property
    def serving(self) -> bool:
        """A customer is being served: the sale has lines or a payment was started."""
        return not self.cart.is_empty or self.payment is not None

    def new_cart(self, data: dict[str, Any] | None = None) -> Cart:
        """An empty cart (or one saved as ``data``) with the register's policy and promotions."""
        if data is None:
            return Cart(policy=self.policy, book=self.promotions)
        return Cart.from_dict(data, self.policy, self.promotions)

    def saved(self) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """(cart, payment) as they are kept in the database and in a snapshot."""
        return self.cart.to_dict(), (self.payment.to_dict() if self.payment else None)

    def restore(self, saved: tuple[dict[str, Any], dict[str, Any] | None]) -> None:
        """Back to ``saved`` (from ``saved()``): a refused change leaves no trace."""
        self.cart = self.new_cart(saved[0])
        self.payment = Payment.from_dict(saved[1]) if saved[1] else None

    def clear_sale(self) -> None:
        """The next customer: an empty cart, no payment, prices not fixed."""
        self.cart = self.new_cart()
        self.payment = None
        self.priced_at = None

    # --- promotions ------------------------------------------------------------------------------

    def promotion_time(self, clock: Callable[[], datetime]) -> datetime:
        """Now in UTC (campaign dates are UTC), or the moment payment started: a campaign that
        ends while the customer pays does not change what they are paying."""
        if self.payment is not None and self.priced_at is not None:
            return self.priced_at
        return clock().astimezone(timezone.utc).replace(tzinfo=None)

    def use_promotions(self, book: PromotionBook) -> None:
        """The promotions in force from now (the sale in progress is priced with them too)."""
        self.promotions = book
        self.cart.book = book
