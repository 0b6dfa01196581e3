"""Taking payment: cash in hand, and every method a payment provider takes (a card terminal
now; Swish and gift cards the same way); the sale is completed (``sale_completion``) when what
is owed is paid.

The provider rules: the attempt is stored before the provider is asked; a lost answer is
resolved by asking the provider for the attempt's status, so a customer is never charged twice;
after a crash ``resolve_card_attempts`` asks each unresolved attempt's provider.
"""
from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pos.cart import CartTotals
from pos.errors import UserError, messages
from pos.journal import Kind
from pos.payment_methods import MethodKind, PaymentMethod
from pos.payments import Payment, PaymentError, Tender
from pos.ports import PaymentOutcome, PaymentProvider, PaymentRequest, PaymentResult
from pos.sales import Sale
from pos.services import sale_completion, ship_to_home
from pos.services.context import RegisterContext


MESSAGES = messages({
    "payment.sale_empty": "The sale is empty",
    "payment.tenders_taken": "Payments are already taken: complete the payment, or take them back first (Del)",
    "payment.no_such_card_tender": "There is no such card payment on this sale",
    "payment.card_refund_refused": "The card payment was not given back ({outcome}{detail}); it "
                                   "still counts for this sale",
    "payment.card_without_sale": "An approved card payment of {amount} öre has no open sale: "
                                 "refund it (ref {ref})",
    "payment.terminal_no_answer": "The terminal did not answer. Nothing is lost: ask it again "
                                  "with 'Check card payment' before taking another payment",
    "payment.card_declined": "Card declined{detail}",
    "payment.card_cancelled": "Cancelled{detail}",
    "payment.detail": ": {text}",  # the provider's words after the till's sentence
    "payment.terminal_busy": "The terminal is busy{detail}",
    "payment.terminal_never_received": "The terminal never received the payment{detail}",
    "payment.no_provider": "Nothing here takes {method} payments",
    "payment.not_paid_in_full": "The sale is not paid in full yet",
    "payment.finish_before_logout": "A payment has started: finish it (or take its payments "
                                    "back) before logging out",
    "payment.mobile_declined": "{method} did not pay{detail}",
    "payment.mobile_busy": "{method} cannot take the payment now{detail}",
    "payment.mobile_never_received": "{method} never received the payment{detail}",
    "payment.mobile_no_answer": "{method} did not answer in time. Nothing is lost: check the "
                                "payment before taking another",
})
REFUSALS = {PaymentOutcome.DECLINED: "payment.card_declined",
            PaymentOutcome.CANCELLED: "payment.card_cancelled",
            PaymentOutcome.BUSY: "payment.terminal_busy",
            PaymentOutcome.NOT_FOUND: "payment.terminal_never_received"}
# a mobile payment (Swish) is not a card on a terminal: its refusals name the method
MOBILE_REFUSALS = {PaymentOutcome.DECLINED: "payment.mobile_declined",
                   PaymentOutcome.CANCELLED: "payment.card_cancelled",
                   PaymentOutcome.BUSY: "payment.mobile_busy",
                   PaymentOutcome.NOT_FOUND: "payment.mobile_never_received"}
STILL_OPEN = (PaymentOutcome.UNKNOWN, PaymentOutcome.PENDING)
# What a screen is told while a provider waits for the customer (a QR code to show): called on
# the worker that runs the payment, with the provider's PENDING result
Prompt = Callable[[PaymentResult], None]


def provider_detail(result: PaymentResult) -> UserError | str:
    """What the provider said (``PaymentResult.detail``: its own words or the till's coded
    reason), appended after a colon; "" when nothing."""
    detail = result.detail
    return UserError("payment.detail", text=detail) if detail else ""


@dataclass(frozen=True)
class PaymentView:
    """The payment as the screen shows it (öre); ``sale`` is set when it completed the sale;
    ``unfinished``: it is paid in full but the sale is not stored yet (completing it failed:
    ``complete_payment`` tries again, or a tender is taken back)."""

    total: int
    paid: int
    remaining: int
    cash_due: int
    rounding: int
    tenders: tuple[Tender, ...]
    change: int
    sale: Sale | None = None
    unfinished: bool = False
    customer_email: str = ""  # the sale's customer's, when known (an e-mailed receipt's address)


def payment_view(ctx: RegisterContext, sale: Sale | None = None) -> PaymentView:
    """The payment in progress, or, given the ``sale`` it completed, that sale's payment."""
    if sale is not None:
        return PaymentView(sale.total, sale.paid, 0, 0, sale.rounding, sale.tenders, sale.change,
                           sale)
    started = ctx.state.payment
    p = started or Payment(ctx.state.cart.totals().total)
    customer = ctx.state.cart.customer
    return PaymentView(p.total, p.paid, p.remaining, p.cash_due, p.rounding, tuple(p.tenders),
                       p.change, unfinished=started is not None and p.complete,
                       customer_email=(getattr(customer, "email", "") or "") if customer else "")


def start_payment(ctx: RegisterContext) -> PaymentView:
    """Fix the sale's total (and the promotions' time) and show what is owed."""
    state = ctx.state
    state.require_cashier()
    with ctx.uow:
        ctx.require_shift()
    if state.cart.is_empty:
        raise PaymentError("payment.sale_empty")
    if state.payment is None:
        ship_to_home.check_ready(state.cart)  # lines sent home need their address first
        before = state.saved()
        ship_to_home.refresh_shipping(state.cart, ctx.config.delivery)
        state.priced_at = ctx.promotion_time()
        state.payment = Payment(state.cart.totals().total)
        save_payment(ctx, before)
        if state.payment.complete:  # a sale of 0,00 kr (a 100 % discount): nothing to pay
            return complete_payment(ctx)
    return payment_view(ctx)


def cancel_payment(ctx: RegisterContext) -> CartTotals:
    """Back to the sale. Only before any tender is taken."""
    state = ctx.state
    if state.tendering:
        raise PaymentError("payment.tenders_taken")
    state.payment = None
    state.priced_at = None
    with ctx.uow:
        ctx.save_sale()
        ctx.uow.commit()
    return state.cart.totals()


def pay_cash(ctx: RegisterContext, received: int) -> PaymentView:
    """Cash handed over (öre): enough for the rest rounded to whole kronor completes the sale
    with change; less pays a part. When what is left rounds to 0 kr in cash (1-49 öre), 0
    settles it (öresavrundning) without a tender."""
    payment = _open_payment(ctx)
    before = ctx.state.saved()
    if not (received == 0 and payment.remaining > 0 and payment.cash_due == 0):
        payment.add_cash(received, ctx.config.payment_methods.cash)
    return after_tender(ctx, before)


def complete_payment(ctx: RegisterContext) -> PaymentView:
    """Complete the sale its payment pays in full: numbered, signed, stored (``sale_completion``).
    When that fails (the control unit does not answer, the database refuses) the payment stays
    as it was, saved with every tender: call this again, or take a tender back. After a
    restart the same."""
    payment = ctx.state.payment
    if payment is None or not payment.complete:
        raise PaymentError("payment.not_paid_in_full")
    return payment_view(ctx, sale_completion.complete(ctx))


def remove_tender(ctx: RegisterContext, index: int) -> PaymentView:
    """Take back tender ``index`` of the sale in progress before the sale completes: cash is
    handed back (journaled); a provider's payment is refunded through it first
    (``refund_card_tender``)."""
    payment = ctx.state.payment
    if payment is None or not 0 <= index < len(payment.tenders):
        raise PaymentError("payment.no_such_tender")
    tender = payment.tenders[index]
    if tender.method.kind.needs_provider:
        return refund_card_tender(ctx, tender.attempt_id)
    before = ctx.state.saved()
    payment.remove_tender(index)
    save_payment(ctx, before, (Kind.TENDER_REMOVED, {"method": tender.method.id, "amount": tender.amount,
                                              "received": tender.received}))
    return payment_view(ctx)


def pay_card(ctx: RegisterContext, amount: int | None = None) -> PaymentView:
    """Charge a card on the register's terminal (the first card-terminal method)."""
    terminals = ctx.config.payment_methods.of_kind(MethodKind.TERMINAL)
    if not terminals:
        raise PaymentError("payment.unknown_method", method="card")
    return pay_with(ctx, terminals[0].id, amount)


def pay_with(ctx: RegisterContext, method_id: str, amount: int | None = None, *,
             payer_phone: str = "", prompt: Prompt | None = None,
             account: str = "") -> PaymentView:
    """Take ``amount`` öre (default: all that is left) with a method its provider takes (a card
    terminal, Swish, later a gift card). Blocks until the provider answers.

    The attempt is stored before the provider is asked; a lost answer is resolved by asking the
    provider for the attempt's status, so the customer is never charged twice. A payment the
    customer finishes on their phone (PENDING: Swish) is waited for (``await_customer``):
    ``prompt`` gets the provider's PENDING result first (its QR code), ``payer_phone`` sends the
    request to that phone instead (Swish e-commerce). ``account``: the gift card (or
    ``customer:<id>``) a stored-value payment debits; the attempt's id names it (after "~")."""
    method = ctx.config.payment_methods.get(method_id)
    provider = _provider(ctx, method)
    payment = _open_payment(ctx)
    amount = payment.remaining if amount is None else amount
    payment.check_provider_amount(amount, method)
    attempt_id = f"{ctx.register_id}-{uuid.uuid4().hex[:16]}" + (f"~{account}" if account else "")
    with ctx.uow:
        ctx.uow.attempts.add(attempt_id, ctx.register_id, "purchase", amount, ctx.now(),
                             method=method.id)
        ctx.uow.commit()
    ctx.state.provider_name = method.provider  # (read by cancel_running from another thread:
    ctx.state.provider_attempt = attempt_id    # the name first, then the attempt that uses it)
    try:
        result = provider.start(PaymentRequest(attempt_id, amount, sale_ref=ctx.register_id,
                                               payer_phone=payer_phone, account=account))
        if result.outcome is PaymentOutcome.UNKNOWN:
            result = poll_status(ctx, provider, attempt_id)
        if result.outcome is PaymentOutcome.PENDING:
            result = await_customer(ctx, provider, result, prompt)
    finally:
        ctx.state.provider_attempt = None
        ctx.state.provider_name = ""
    return _apply_result(ctx, method, attempt_id, amount, result)


def await_customer(ctx: RegisterContext, provider: PaymentProvider, first: PaymentResult,
                   prompt: Prompt | None = None) -> PaymentResult:
    """Wait for the customer to finish a payment on their phone: ``prompt(first)`` (the screen
    shows the QR code), then ``status`` every ``mobile_status_interval`` s (sooner when the
    provider hears a callback) until it ends, for at most ``mobile_wait_seconds``; then it is
    cancelled and asked once more. ``cancel_running`` (the cashier's Cancel) ends it early."""
    attempt_id = first.attempt_id
    if prompt is not None and first.outcome is PaymentOutcome.PENDING:
        try:
            prompt(first)
        except Exception:  # noqa: BLE001 - a screen's trouble never loses the payment
            pass
    deadline = time.monotonic() + ctx.config.mobile_wait_seconds
    result = first
    while result.outcome in STILL_OPEN and time.monotonic() < deadline:
        wait = getattr(provider, "wait_for_news", None)  # a provider told by callbacks
        if wait is not None:
            wait(attempt_id, ctx.config.mobile_status_interval)
        else:
            time.sleep(ctx.config.mobile_status_interval)
        result = provider.status(attempt_id)
    if result.outcome in STILL_OPEN:
        provider.abort(attempt_id)
        result = provider.status(attempt_id)
    return result


def cancel_running(ctx: RegisterContext) -> bool:
    """Ask the provider to stop the payment now running (safe from any thread: the lane that
    runs ``pay_with`` is waiting for the provider). ``pay_with`` then gets the provider's answer
    (cancelled, or approved if the customer was faster) and records it as usual.
    Returns False when none is running."""
    attempt_id, name = ctx.state.provider_attempt, ctx.state.provider_name
    provider = ctx.devices.provider(name) if attempt_id else None
    if attempt_id is None or provider is None:
        return False
    try:
        provider.abort(attempt_id)
    except Exception:  # noqa: BLE001 - best effort: the provider's own answer decides
        return False
    return True


def refund_card_tender(ctx: RegisterContext, attempt_id: str) -> PaymentView:
    """Give back a payment a provider took for the sale in progress (the customer changed their
    mind, or wants to pay otherwise): refunded through the provider first, then taken off the
    payment, so the sale can be paid another way, changed or voided. Journaled."""
    payment = ctx.state.payment
    tender = next((t for t in (payment.provider_tenders if payment else [])
                   if t.attempt_id == attempt_id), None)
    if payment is None or tender is None:
        raise PaymentError("payment.no_such_card_tender")
    provider = _provider(ctx, tender.method)
    refund_id = f"{ctx.register_id}-r{uuid.uuid4().hex[:15]}" + (
        f"~{tender.terminal_ref}" if tender.method.kind is MethodKind.GIFT_CARD else "")
    with ctx.uow:
        ctx.uow.attempts.add(refund_id, ctx.register_id, "refund", tender.amount, ctx.now(),
                             method=tender.method.id)
        ctx.uow.commit()
    result = provider.refund(PaymentRequest(refund_id, tender.amount, sale_ref=tender.terminal_ref))
    if result.outcome is PaymentOutcome.UNKNOWN:
        result = poll_status(ctx, provider, refund_id)
    record = {"outcome": result.outcome.value, "refunds": attempt_id,
              "terminal_ref": result.terminal_ref, "message": str(result.detail)}
    with ctx.uow:
        ctx.uow.attempts.update(refund_id, result.outcome.value, record, ctx.now(),
                                used=result.approved)
        if result.approved:
            payment.remove_tender(payment.tenders.index(tender))
            ctx.save_sale()
            ctx.journal(Kind.CARD_REFUND, {"attempt": attempt_id, "refund": refund_id,
                                           "amount": tender.amount})
        ctx.uow.commit()
    if not result.approved:
        raise PaymentError("payment.card_refund_refused", outcome=result.outcome.value,
                           detail=provider_detail(result))
    return payment_view(ctx)


def resolve_card_attempts(ctx: RegisterContext) -> list[str]:
    """After a crash or a lost answer: ask each unresolved attempt's provider what became of it.

    An approved one is applied to the open payment (once); messages say what happened."""
    messages: list[str] = []
    with ctx.uow:
        pending = [(a.id, a.amount, a.method) for a in ctx.uow.attempts.unresolved(ctx.register_id)
                   if a.kind == "purchase"]  # a return's refunds: ``returns`` resolves them
    methods = ctx.config.payment_methods
    for attempt_id, amount, method_id in pending:
        try:
            method = methods.get(method_id)
            result = _provider(ctx, method).status(attempt_id)
            _apply_result(ctx, method, attempt_id, amount, result)
            messages.append(f"Card payment {attempt_id}: {result.outcome.value}")
        except UserError as e:
            messages.append(str(e))
    return messages


def _provider(ctx: RegisterContext, method: PaymentMethod) -> PaymentProvider:
    provider = ctx.devices.provider(method.provider) if method.kind.needs_provider else None
    if provider is None:
        raise PaymentError("payment.no_provider", method=method.label)
    return provider


def poll_status(ctx: RegisterContext, provider: PaymentProvider, attempt_id: str) -> PaymentResult:
    result = PaymentResult(PaymentOutcome.UNKNOWN, attempt_id)
    for _ in range(ctx.config.card_status_polls):
        result = provider.status(attempt_id)
        if result.outcome is not PaymentOutcome.UNKNOWN:
            break
        time.sleep(ctx.config.card_status_interval)
    return result


def _apply_result(ctx: RegisterContext, method: PaymentMethod, attempt_id: str, amount: int,
                  result: PaymentResult) -> PaymentView:
    now = ctx.now()
    record = {"outcome": result.outcome.value, "auth_code": result.auth_code,
              "terminal_ref": result.terminal_ref, "message": str(result.detail)}
    if result.outcome is PaymentOutcome.APPROVED:
        payment = ctx.state.payment
        with ctx.uow:
            row = ctx.uow.attempts.get(attempt_id)
            if row is not None and row.used:
                return payment_view(ctx)
            if payment is None or any(t.attempt_id == attempt_id for t in payment.tenders):
                ctx.uow.attempts.update(attempt_id, "approved", record, now,
                                        used=payment is not None)
                ctx.uow.commit()
                if payment is None:
                    raise PaymentError("payment.card_without_sale", amount=amount,
                                       ref=result.terminal_ref)
                return payment_view(ctx)
            before = ctx.state.saved()
            payment.add_provider_tender(Tender(
                method, amount, attempt_id=attempt_id, auth_code=result.auth_code,
                masked_pan=result.masked_pan, brand=result.brand,
                terminal_ref=result.terminal_ref, receipt_lines=result.receipt_lines))
            payment.close_with_rounding_only()
            try:
                ctx.uow.attempts.update(attempt_id, "approved", record, now, used=True)
                ctx.save_sale()
                ctx.uow.commit()
            except BaseException:
                ctx.state.restore(before)
                raise
        return after_tender(ctx)
    status = "unknown" if result.outcome in STILL_OPEN else result.outcome.value
    with ctx.uow:
        ctx.uow.attempts.update(attempt_id, status, record, now)
        ctx.uow.commit()
    mobile = method.kind in (MethodKind.MOBILE, MethodKind.GIFT_CARD)
    if result.outcome in STILL_OPEN:
        if mobile:
            raise PaymentError("payment.mobile_no_answer", method=method.label)
        raise PaymentError("payment.terminal_no_answer")
    if mobile:
        code = MOBILE_REFUSALS[result.outcome]
        params = {} if code == "payment.card_cancelled" else {"method": method.label}
        raise PaymentError(code, detail=provider_detail(result), **params)
    raise PaymentError(REFUSALS[result.outcome], detail=provider_detail(result))


def open_payment(ctx: RegisterContext) -> Payment:
    """The sale's payment, started if it was not (for another flow's tender: an invoice)."""
    return _open_payment(ctx)


def _open_payment(ctx: RegisterContext) -> Payment:
    ctx.state.require_cashier()
    if ctx.state.payment is None:
        start_payment(ctx)
    assert ctx.state.payment is not None
    return ctx.state.payment


def save_payment(ctx: RegisterContext, before: tuple[dict[str, Any], dict[str, Any] | None],
          journal: tuple[str, dict[str, object]] | None = None) -> None:
    """Keep the sale and its payment as they are now (with a journal line); when that fails,
    back to ``before`` (``state.saved()``) and the error goes on."""
    try:
        with ctx.uow:
            ctx.save_sale()
            if journal:
                ctx.journal(journal[0], journal[1])
            ctx.uow.commit()
    except BaseException:
        ctx.state.restore(before)
        raise


def after_tender(ctx: RegisterContext,
                  before: tuple[dict[str, Any], dict[str, Any] | None] | None = None) -> PaymentView:
    """Every tender is durable before the sale is completed: a failure while completing leaves
    a paid sale that can be completed again (or a tender taken back), also after a restart."""
    payment = ctx.state.payment
    assert payment is not None
    payment.close_with_rounding_only()
    if before is not None:
        save_payment(ctx, before)
    if payment.complete:
        return complete_payment(ctx)
    ctx.on_display(lambda d: d.show_payment(payment.total, payment.paid, 0))
    return payment_view(ctx)
