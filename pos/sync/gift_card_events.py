"""Gift cards sold and refunds to store credit reach the central store through the outbox, in
the transaction that completes the sale, exactly once each:

- ``gift_card.issue``: the card with the code printed on the receipt and the amount sold (keyed
  by the code; the central store refuses a second card with it, so a retry finds the first);
- ``store_credit.credit``: what a return gave back to the customer's store credit (keyed by the
  sale and the tender; the credit's note carries the key, so a retry finds the first credit).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from pos.gift_cards import GIFT_CARD_SKU, IssuedGiftCard, code_of_variant, is_customer_account
from pos.sales import Sale
from pos.services.unit_of_work import UnitOfWork
from pos.sync.outbox import enqueue

ISSUE_KIND = "gift_card.issue"
CREDIT_KIND = "store_credit.credit"


def issue_key(code: str) -> str:
    return f"gift_card:{code}"


def credit_key(sale_id: str, index: int) -> str:
    return f"store_credit:{sale_id}:{index}"


def issued_cards(sale: Sale, expires_on: date) -> list[IssuedGiftCard]:
    """The gift cards the sale sold (a line each, its code in the line's variant id)."""
    out = []
    for ln in sale.lines:
        code = code_of_variant(ln.variant_id) if ln.sku == GIFT_CARD_SKU else None
        if code and not ln.is_return:
            out.append(IssuedGiftCard(code, ln.total, expires_on.isoformat(), sale.id,
                                      sale.register_id, sale.receipt_no))
    return out


def store_credits(sale: Sale) -> list[tuple[int, str, int]]:
    """(tender index, account, öre) of each refund the sale gave to store credit."""
    return [(i, t.refund_of, -t.amount) for i, t in enumerate(sale.tenders)
            if t.amount < 0 and is_customer_account(t.refund_of)]


def enqueue_stored_value(uow: UnitOfWork, sale: Sale, expires_on: date) -> list[str]:
    """Queue the sale's gift cards and store credit refunds, in the caller's transaction."""
    keys = []
    for card in issued_cards(sale, expires_on):
        key = issue_key(card.code)
        enqueue(uow.outbox, ISSUE_KIND, key, card.to_dict())
        keys.append(key)
    for index, account, amount in store_credits(sale):
        key = credit_key(sale.id, index)
        enqueue(uow.outbox, CREDIT_KIND, key, {
            "account": account, "amount": amount, "sale_id": sale.id,
            "register_id": sale.register_id, "receipt_no": sale.receipt_no})
        keys.append(key)
    return keys


def stored_value_handlers(store: Any) -> dict[str, Callable[[Any, dict[str, Any], str], str]]:
    """The outbox handlers of this flow, for a central store with stored value
    (``store.stored_value``: ``pos.ports.StoredValue``; none: the messages wait)."""
    sv = getattr(store, "stored_value", None)
    if sv is None:
        return {}

    def issue(_sink: Any, payload: dict[str, Any], key: str) -> str:
        return sv.issue_gift_card(IssuedGiftCard.from_dict(payload), key)

    def credit(_sink: Any, payload: dict[str, Any], key: str) -> str:
        after = sv.credit(str(payload["account"]), int(payload["amount"]), key)
        return f"{after.account}:{after.balance}"

    return {ISSUE_KIND: issue, CREDIT_KIND: credit}
