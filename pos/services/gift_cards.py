"""Gift cards and store credit at the till (``pos.gift_cards``): sell a gift card as a line of the
sale, look up a card's (or a customer's store credit) balance at the central store, pay with
either as a tender, and give a refund to the customer's store credit.

Spending is a payment through a provider like a card terminal's (``StoredValuePayments``, a
``pos.ports.PaymentProvider`` over the central store's ``StoredValue``): the attempt is stored
before the debit is sent (``pos.services.payments.pay_with``), the debit carries the attempt as
its idempotency key, and a lost answer is resolved by asking for the transaction made with that
key; so a card is never debited twice. Taking the tender back before the sale completes credits
the card again (``refund_card_tender``), also with its own key.

The balance is asked on the network lane (it touches no register state); the debit runs on the
register lane as a card payment does (the sale cannot change while it is taken).
"""
from __future__ import annotations

import threading
from datetime import date

from pos.cart import CartTotals
from pos.catalog import Variant
from pos.gift_cards import (Balance, GiftCardError, GIFT_CARD_SKU, customer_account,
                            gift_card_variant_id, is_customer_account, kronor, mask, new_code,
                            require_code)
from pos.journal import Kind
from pos.payment_methods import STORE_CREDIT
from pos.payments import PaymentError, Tender
from pos.ports import (CommerceUnavailable, PaymentOutcome, PaymentRequest, PaymentResult,
                       StoredValue)
from pos.services import payments, selling
from pos.services.context import RegisterContext
from pos.services.payments import PaymentView
from pos.vat import VatRate

ACCOUNT_MARK = "~"  # a stored-value attempt's id ends with "~<account>" (see ``account_of``)


# --- selling a gift card ----------------------------------------------------------------------------

def sell_gift_card(ctx: RegisterContext, amount: int, code: str | None = None) -> CartTotals:
    """A gift card for ``amount`` öre as a line of the sale, its code made here (so the receipt
    carries it offline); no VAT (a multi-purpose voucher: VAT is due when it is spent). The
    central store creates the card when the sale completes (``pos.sync.gift_card_events``)."""
    rules = ctx.config.gift_cards
    rules.check_amount(amount)
    code = code or new_code()
    variant = Variant(gift_card_variant_id(code), GIFT_CARD_SKU, "", f"Presentkort {code}", amount,
                      VatRate.ZERO, product_name="Presentkort")
    return selling.change(ctx, lambda cart: cart.add(variant),
                          journal=(Kind.GIFT_CARD_SOLD, {"code": code, "amount": amount}))


# --- balances (network lane) ----------------------------------------------------------------------

def gift_card_balance(store: StoredValue | None, text: str, today: date) -> Balance:
    """The balance of the gift card ``text`` names (typed or scanned): refused when the code is
    none, the card unknown, expired or empty, or the central store cannot be reached
    ("cannot be redeemed now": nothing was charged)."""
    code = require_code(text)
    if store is None:
        raise GiftCardError("giftcard.offline")
    try:
        found = store.balance(code)
    except CommerceUnavailable as e:
        raise GiftCardError("giftcard.offline") from e
    if found is None:
        raise GiftCardError("giftcard.not_found", code=code)
    if not found.active:
        raise GiftCardError("giftcard.not_issued_yet", code=code)
    found.usable(1, today)  # expired or empty: said now
    return found


def store_credit_balance(store: StoredValue | None, customer_id: str | None) -> Balance:
    """The store credit of the sale's customer (0 when they have no account)."""
    if not customer_id:
        raise GiftCardError("storecredit.no_customer")
    if store is None:
        raise GiftCardError("storecredit.offline")
    try:
        found = store.balance(customer_account(customer_id))
    except CommerceUnavailable as e:
        raise GiftCardError("storecredit.offline") from e
    return found or Balance(customer_account(customer_id), 0)


# --- paying (register lane) -------------------------------------------------------------------------

def pay_with_gift_card(ctx: RegisterContext, code: str, amount: int | None = None) -> PaymentView:
    """Take ``amount`` öre (default: what is left) from the gift card ``code``."""
    return payments.pay_with(ctx, ctx.config.gift_cards.method_id, amount,
                             account=require_code(code))


def pay_with_store_credit(ctx: RegisterContext, amount: int | None = None) -> PaymentView:
    """Take ``amount`` öre (default: what is left) from the sale's customer's store credit."""
    customer = ctx.state.cart.customer_id
    if not customer:
        raise GiftCardError("storecredit.no_customer")
    return payments.pay_with(ctx, ctx.config.gift_cards.store_credit_method_id, amount,
                             account=customer_account(customer))


# --- refunds to store credit --------------------------------------------------------------------------

def refund_to_store_credit(ctx: RegisterContext) -> PaymentView:
    """Give what the return in progress owes back to the customer's store credit (all of it,
    to the öre: no cash rounding). The credit is added centrally through the outbox when the
    sale completes (``pos.sync.gift_card_events``), exactly once."""
    customer = ctx.state.cart.customer_id
    if not customer:
        raise GiftCardError("storecredit.refund_needs_customer")
    payments.start_payment(ctx)
    payment = ctx.state.payment
    assert payment is not None
    owed = -payment.remaining
    if owed <= 0:
        raise PaymentError("payment.nothing_to_refund")
    method = _store_credit_method(ctx)
    codes = list(ctx.state.cart.purchases)
    before = ctx.state.saved()
    payment.add_refund_tender(Tender(method, -owed, refund_of=customer_account(customer),
                                     refund_for=codes[0] if len(codes) == 1 else ""))
    payments.save_payment(ctx, before)
    return payments.after_tender(ctx)


def suggests_store_credit(ctx: RegisterContext) -> bool:
    """A return the store's policy sends to store credit by default: only articles returned
    without a receipt, a customer on it, and ``[gift_cards] no_receipt_to_store_credit``."""
    from pos.returns import PurchaseKind
    cart = ctx.state.cart
    purchases = list(cart.purchases.values())
    return (ctx.config.gift_cards.no_receipt_to_store_credit and bool(cart.customer_id)
            and bool(purchases) and all(p.kind is PurchaseKind.NO_RECEIPT for p in purchases))


def _store_credit_method(ctx: RegisterContext):  # noqa: ANN202 - a PaymentMethod
    methods = ctx.config.payment_methods
    wanted = ctx.config.gift_cards.store_credit_method_id
    return next((m for m in methods.methods if m.id == wanted), STORE_CREDIT)


# --- the provider -------------------------------------------------------------------------------------

def account_of(attempt_id: str) -> str:
    """The account a stored-value attempt's id names ("K1-3fa2...~GC-ABCD-EFGH-JKLM"): the
    attempt is its own record of which card it debits, after a restart too."""
    return attempt_id.split(ACCOUNT_MARK, 1)[1] if ACCOUNT_MARK in attempt_id else ""


class StoredValuePayments:
    """A ``PaymentProvider`` that debits a gift card or a customer's store credit at the
    central store. ``start``: the debit, keyed by the attempt id; ``status``: the transaction
    made with that key (NOT_FOUND when there is none: nothing was debited); ``refund``: a
    credit back to the account named by the original payment's reference."""

    def __init__(self, store: StoredValue, name: str = "gift_card", label: str = "Presentkort"):
        self.store = store
        self.name = name
        self.label = label
        self._accounts: dict[str, str] = {}  # refund ids (which do not name their account)
        self._lock = threading.Lock()

    def _account(self, attempt_id: str) -> str:
        with self._lock:
            return self._accounts.get(attempt_id) or account_of(attempt_id)

    def _approved(self, attempt_id: str, amount: int, account: str,
                  left: int | None) -> PaymentResult:
        shown = "Tillgodo" if is_customer_account(account) else f"{self.label} {mask(account)}"
        lines = (shown,) if left is None else (shown, f"Kvar: {kronor(left)} kr")
        return PaymentResult(PaymentOutcome.APPROVED, attempt_id, amount,
                             terminal_ref=account, brand=self.label, receipt_lines=lines)

    def start(self, request: PaymentRequest) -> PaymentResult:
        account = request.account or account_of(request.attempt_id)
        if not account:
            return PaymentResult(PaymentOutcome.DECLINED, request.attempt_id,
                                 reason=GiftCardError("giftcard.invalid_code", code="-"))
        with self._lock:
            self._accounts[request.attempt_id] = account
        try:
            after = self.store.debit(account, request.amount, request.attempt_id)
        except GiftCardError as e:
            return PaymentResult(PaymentOutcome.DECLINED, request.attempt_id, reason=e)
        except CommerceUnavailable as e:
            if getattr(e, "sent", True) is False:  # refused before the debit was sent
                code = "storecredit.offline" if is_customer_account(account) else "giftcard.offline"
                return PaymentResult(PaymentOutcome.NOT_FOUND, request.attempt_id,
                                     reason=GiftCardError(code))
            return PaymentResult(PaymentOutcome.UNKNOWN, request.attempt_id)
        return self._approved(request.attempt_id, request.amount, account, after.balance)

    def status(self, attempt_id: str) -> PaymentResult:
        account = self._account(attempt_id)
        if not account:
            return PaymentResult(PaymentOutcome.UNKNOWN, attempt_id)
        try:
            found = self.store.movement(account, attempt_id)
            if found is None:
                return PaymentResult(PaymentOutcome.NOT_FOUND, attempt_id)
            left = self.store.balance(account)
        except CommerceUnavailable:
            return PaymentResult(PaymentOutcome.UNKNOWN, attempt_id)
        return self._approved(attempt_id, found.amount, account,
                              left.balance if left is not None else None)

    def abort(self, attempt_id: str) -> None:
        """A debit is one call: nothing runs that could be stopped."""

    def refund(self, request: PaymentRequest) -> PaymentResult:
        account = request.account or request.sale_ref
        with self._lock:
            self._accounts[request.attempt_id] = account
        try:
            after = self.store.credit(account, request.amount, request.attempt_id)
        except GiftCardError as e:
            return PaymentResult(PaymentOutcome.DECLINED, request.attempt_id, reason=e)
        except CommerceUnavailable:
            return PaymentResult(PaymentOutcome.UNKNOWN, request.attempt_id)
        return self._approved(request.attempt_id, request.amount, account, after.balance)
