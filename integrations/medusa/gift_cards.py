"""Gift cards and store credit (``pos.ports.StoredValue``) over Medusa's loyalty plugin
(``@medusajs/loyalty-plugin``, registered in the app's medusa-config.ts).

The plugin makes them one thing: a gift card is a code linked to an anonymous store credit
account (created and credited with the card's value when the card is created); a customer's
store credit is an account with their ``customer_id`` (one per currency). A balance is the
account's credits minus its debits, and spending is a debit of the account:

- ``POST /admin/gift-cards {code, value, currency_code, expires_at, reference, reference_id}``
  creates a card; the code is unique, so creating it again is refused (then it is found by code).
- ``GET /admin/gift-cards?q=<code>&fields=*store_credit_account`` finds a card and its account;
  ``GET /admin/store-credit-accounts/{id}`` has ``balance``, ``credits``, ``debits``.
- ``POST /admin/store-credit-accounts/{id}/debit|credit {amount, note}`` (the plugin refuses a
  debit the balance does not cover: "Insufficient balance"). The note carries the till's
  idempotency key; ``GET .../transactions`` finds it again, so a retry after a lost answer finds
  the first debit instead of making a second one.

Amounts are the central store's major units (kronor); the till's are öre.
"""
from __future__ import annotations

from typing import Any

from integrations.medusa.calls import admin
from integrations.medusa.client import MedusaClient, MedusaError
from pos.ports import CommerceUnavailable
from pos.gift_cards import (CUSTOMER_PREFIX, Balance, GiftCardError, IssuedGiftCard, Movement,
                            from_major, is_customer_account, kronor, to_major)

KEY_NOTE = "omnipos:"  # a transaction's note: "omnipos:<idempotency key>"
CURRENCY = "sek"


class MedusaStoredValue:
    def __init__(self, client: MedusaClient, currency: str = CURRENCY):
        self.client = client
        self.currency = currency

    # --- reading -------------------------------------------------------------------------------

    def _gift_card(self, code: str) -> dict[str, Any] | None:
        page = admin(self.client, "GET", "/admin/gift-cards",
                     params={"q": code, "limit": 5,
                             "fields": "id,code,value,status,currency_code,expires_at,"
                                       "reference_id,*store_credit_account"})
        return next((g for g in page.get("gift_cards") or [] if g.get("code") == code), None)

    def _customer_account(self, customer_id: str) -> dict[str, Any] | None:
        page = admin(self.client, "GET", "/admin/store-credit-accounts",
                     params={"customer_id": customer_id, "currency_code": self.currency,
                             "limit": 1})
        rows = page.get("store_credit_accounts") or []
        return rows[0] if rows else None

    def _account_id(self, account: str, open_for_customer: bool = False) -> str | None:
        if is_customer_account(account):
            customer_id = account[len(CUSTOMER_PREFIX):]
            found = self._customer_account(customer_id)
            if found is None and open_for_customer:
                try:
                    found = admin(self.client, "POST", "/admin/store-credit-accounts",
                                  json={"currency_code": self.currency,
                                        "customer_id": customer_id})["store_credit_account"]
                except MedusaError as e:
                    # opened meanwhile by another call (one account per customer and currency)
                    found = self._customer_account(customer_id)
                    if found is None:
                        raise e
            return str(found["id"]) if found else None
        card = self._gift_card(account)
        acc = _linked_account(card) if card else None
        return str(acc["id"]) if acc else None

    def _stats(self, account_id: str) -> dict[str, Any]:
        return admin(self.client, "GET", f"/admin/store-credit-accounts/{account_id}",
                     params={"fields": "id,balance,credits,debits,customer_id"})[
                         "store_credit_account"]

    def balance(self, account: str) -> Balance | None:
        if is_customer_account(account):
            account_id = self._account_id(account)
            if account_id is None:
                return Balance(account, 0)
            return Balance(account, from_major(self._stats(account_id).get("balance") or 0))
        card = self._gift_card(account)
        if card is None:
            return None
        acc = _linked_account(card)
        if acc is None:  # the plugin makes both in one workflow: a card without is not usable
            return Balance(account, 0, _day(card.get("expires_at")), active=False)
        held = acc.get("balance")  # the linked account comes with its figures (one call)
        if held is None:
            held = self._stats(str(acc["id"])).get("balance")
        return Balance(account, from_major(held or 0), _day(card.get("expires_at")))

    def movement(self, account: str, idempotency_key: str) -> Movement | None:
        account_id = self._account_id(account)
        return None if account_id is None else self._movement(account_id, idempotency_key)

    def _movement(self, account_id: str, key: str) -> Movement | None:
        note = KEY_NOTE + key
        offset = 0
        while True:
            page = admin(self.client, "GET",
                         f"/admin/store-credit-accounts/{account_id}/transactions",
                         params={"limit": 100, "offset": offset, "order": "-created_at"})
            rows = page.get("transactions") or []
            for t in rows:
                if t.get("note") == note:
                    return Movement(str(t.get("type")), from_major(t.get("amount") or 0), key,
                                    str(t.get("id") or ""))
            offset += len(rows)
            if not rows or offset >= int(page.get("count") or 0):
                return None

    # --- changing ------------------------------------------------------------------------------

    def issue_gift_card(self, card: IssuedGiftCard, idempotency_key: str) -> str:
        found = self._gift_card(card.code)
        if found is None:
            try:
                made = admin(self.client, "POST", "/admin/gift-cards", json={
                    "code": card.code, "value": float(to_major(card.amount)),
                    "currency_code": self.currency,
                    "expires_at": f"{card.expires_on}T23:59:59+01:00",
                    "reference": "pos_sale", "reference_id": card.sale_id,
                    "note": f"Sold at register {card.register_id}, receipt {card.receipt_no}",
                    "metadata": {"omnipos_key": idempotency_key,
                                 "register_id": card.register_id,
                                 "receipt_no": card.receipt_no}})["gift_card"]
                return str(made["id"])
            except MedusaError:
                found = self._gift_card(card.code)  # made by the first try, its answer lost
                if found is None:
                    raise
        if str(found.get("reference_id") or "") != card.sale_id:
            # another sale's card with this code (a code is 55 bits of chance: never, but not
            # silently): a person decides
            raise MedusaError(f"gift card {card.code} exists for another sale "
                              f"({found.get('reference_id')})", 409)
        return str(found["id"])

    def debit(self, account: str, amount: int, idempotency_key: str) -> Balance:
        return self._move("debit", account, amount, idempotency_key)

    def credit(self, account: str, amount: int, idempotency_key: str) -> Balance:
        return self._move("credit", account, amount, idempotency_key)

    def _move(self, kind: str, account: str, amount: int, key: str) -> Balance:
        try:  # nothing is changed before the POST: unreachable here, nothing was sent
            account_id = self._account_id(account, open_for_customer=kind == "credit")
            done = None if account_id is None else self._movement(account_id, key)
        except CommerceUnavailable as e:
            e.sent = False  # type: ignore[attr-defined]
            raise
        if account_id is None:
            raise GiftCardError("giftcard.not_found", code=account)
        if done is None:
            try:
                admin(self.client, "POST", f"/admin/store-credit-accounts/{account_id}/{kind}",
                      json={"amount": float(to_major(amount)), "note": KEY_NOTE + key})
            except CommerceUnavailable as e:
                e.sent = not never_connected(e)  # type: ignore[attr-defined]
                raise
            except MedusaError as e:
                if kind == "debit" and e.status == 400 and "nsufficient" in str(e):
                    have = from_major(self._stats(account_id).get("balance") or 0)
                    raise GiftCardError("giftcard.insufficient", balance=kronor(have)) from e
                raise
        return Balance(account, from_major(self._stats(account_id).get("balance") or 0))


def never_connected(e: BaseException) -> bool:
    """The request never left: the connection was refused or not made in time (urllib3's
    NewConnectionError / ConnectTimeoutError somewhere in the causes). A connection closed
    without an answer, or a read timeout, may have been carried out."""
    seen: BaseException | None = e
    while seen is not None:
        text = repr(seen)
        if "NewConnectionError" in text or "ConnectTimeout" in text:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _linked_account(card: dict[str, Any]) -> dict[str, Any] | None:
    acc = card.get("store_credit_account")
    if isinstance(acc, list):  # the link is a list on the gift card's side
        acc = acc[0] if acc else None
    return acc if isinstance(acc, dict) and acc.get("id") else None


def _day(value: Any) -> str:
    return str(value)[:10] if value else ""
