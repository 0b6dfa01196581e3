"""The till's actions that need a manager's approval (a manager's PIN on the spot, or a manager
logged in at the till): the approval points of the code, each raising
``pos.cart.ApprovalRequired`` with one of these actions. Shown read-only on the back office's
Staff page so a manager sees the rules in force; a test reads the approval points back from the
source and fails when one is added or removed without this list following.

Only the discount limit is a setting of the back office (per cashier and the store's default,
``pos.services.backoffice.set_discount_limit``); the other thresholds are the registers'
configuration (``pos.toml``).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ApprovalRule:
    action: str  # ApprovalRequired.action
    where: str  # the approval point: module and function


APPROVAL_RULES: tuple[ApprovalRule, ...] = (
    ApprovalRule("line_discount", "pos.cart.Cart.discount_line"),
    ApprovalRule("cart_discount", "pos.cart.Cart.discount_cart"),
    ApprovalRule("price_override", "pos.services.selling.override_price"),
    ApprovalRule("no_sale", "pos.services.drawer.approve_no_sale"),
    ApprovalRule("return_no_receipt", "pos.services.returns.return_without_receipt"),
    ApprovalRule("invoice_credit", "pos.services.invoices.pay_by_invoice"),
    ApprovalRule("cash_variance", "pos.services.shifts.close_shift"),
)
