"""Taking payment: cash, card (stored attempts, status after a lost answer, refunds); the sale is
completed (``sale_completion``) when what is owed is paid.

The card rules: the attempt is stored before the terminal is asked; a lost answer is resolved by
asking the terminal for the transaction's status, so a card is never charged twice; after a
crash ``resolve_card_attempts`` asks about every attempt whose outcome is not known.
"""
from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

from pos.cart import CartTotals
from pos.errors import messages
from pos.journal import Kind
from pos.payments import Payment, PaymentError, Tender, TenderKind
from pos.ports import CardOutcome, CardRequest, CardResult
from pos.sales import Sale
from pos.services import sale_completion
from pos.services.context import RegisterContext


MESSAGES = messages({
    "payment.sale_empty": "The sale is empty",
    "payment.tenders_taken": "Tenders are already taken: complete the payment",
    "payment.no_such_card_tender": "There is no such card payment on this sale",
    "payment.card_refund_refused": "The card payment was not given back ({outcome}{detail}); it "
                                   "still counts for this sale",
    "payment.card_without_sale": "An approved card payment of {amount} öre has no open sale: "
                                 "refund it (ref {ref})",
    "payment.terminal_no_answer": "The terminal did not answer. Nothing is lost: ask it again "
                                  "with 'Check card payment' before taking another payment",
    "payment.card_declined": "Card declined{detail}",
    "payment.card_cancelled": "Cancelled{detail}",
    "payment.terminal_busy": "The terminal is busy{detail}",
    "payment.terminal_never_received": "The terminal never received the payment{detail}",
})
REFUSALS = {CardOutcome.DECLINED: "payment.card_declined",
            CardOutcome.CANCELLED: "payment.card_cancelled",
            CardOutcome.BUSY: "payment.terminal_busy",
            CardOutcome.NOT_FOUND: "payment.terminal_never_received"}


def _detail(message: str) -> str:
    """The terminal's own words, appended after a colon (as the terminal gave them)."""
    return f": {message}" if message else ""


@dataclass(frozen=True)
class PaymentView:
    """The payment as the screen shows it (öre); ``sale`` is set when it completed the sale."""

    total: int
    paid: int
    remaining: int
    cash_due: int
    rounding: int
    tenders: tuple[Tender, ...]
    change: int
    sale: Sale | None = None


def payment_view(ctx: RegisterContext, sale: Sale | None = None) -> PaymentView:
    """The payment in progress, or, given the ``sale`` it completed, that sale's payment."""
    if sale is not None:
        return PaymentView(sale.total, sale.paid, 0, 0, sale.rounding, sale.tenders, sale.change,
                           sale)
    p = ctx.state.payment or Payment(ctx.state.cart.totals().total)
    return PaymentView(p.total, p.paid, p.remaining, p.cash_due, p.rounding, tuple(p.tenders),
                       p.change)


def start_payment(ctx: RegisterContext) -> PaymentView:
    """Fix the sale's total (and the promotions' time) and show what is owed."""
    state = ctx.state
    state.require_cashier()
    with ctx.uow:
        ctx.require_shift()
    if state.cart.is_empty:
        raise PaymentError("payment.sale_empty")
    if state.payment is None:
        state.priced_at = ctx.promotion_time()
        state.payment = Payment(state.cart.totals().total)
        with ctx.uow:
            ctx.save_sale()
            ctx.uow.commit()
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
    with change; less pays a part."""
    _open_payment(ctx).add_cash(received)
    return _after_tender(ctx)


def pay_card(ctx: RegisterContext, amount: int | None = None) -> PaymentView:
    """Charge a card for ``amount`` öre (default: all that is left). Blocks on the terminal."""
    payment = _open_payment(ctx)
    amount = payment.remaining if amount is None else amount
    payment.check_card_amount(amount)
    attempt_id = f"{ctx.register_id}-{uuid.uuid4().hex[:16]}"
    with ctx.uow:
        ctx.uow.attempts.add(attempt_id, ctx.register_id, "purchase", amount, ctx.now())
        ctx.uow.commit()
    ctx.state.provider_attempt = attempt_id
    try:
        result = ctx.devices.terminal.purchase(
            CardRequest(attempt_id, amount, sale_ref=f"{ctx.register_id}"))
        if result.outcome is CardOutcome.UNKNOWN:
            result = _poll_status(ctx, attempt_id)
    finally:
        ctx.state.provider_attempt = None
    return _apply_card_result(ctx, attempt_id, amount, result)


def cancel_running(ctx: RegisterContext) -> bool:
    """Ask the terminal to stop the card payment now running (safe from any thread: the lane
    that runs ``pay_card`` is waiting for the terminal). ``pay_card`` then gets the terminal's
    answer (cancelled, or approved if the customer was faster) and records it as usual.
    Returns False when none is running."""
    attempt_id = ctx.state.provider_attempt
    if attempt_id is None:
        return False
    try:
        ctx.devices.terminal.abort(attempt_id)
    except Exception:  # noqa: BLE001 - best effort: the terminal's own answer decides
        return False
    return True


def refund_card_tender(ctx: RegisterContext, attempt_id: str) -> PaymentView:
    """Give back a card payment taken for the sale in progress (the customer changed their
    mind, or wants to pay otherwise): refunded on the terminal first, then taken off the
    payment, so the sale can be paid another way, changed or voided. Journaled."""
    payment = ctx.state.payment
    tender = next((t for t in (payment.tenders if payment else [])
                   if t.kind is TenderKind.CARD and t.attempt_id == attempt_id), None)
    if payment is None or tender is None:
        raise PaymentError("payment.no_such_card_tender")
    refund_id = f"{ctx.register_id}-r{uuid.uuid4().hex[:15]}"
    with ctx.uow:
        ctx.uow.attempts.add(refund_id, ctx.register_id, "refund", tender.amount, ctx.now())
        ctx.uow.commit()
    result = ctx.devices.terminal.refund(
        CardRequest(refund_id, tender.amount, sale_ref=tender.terminal_ref))
    if result.outcome is CardOutcome.UNKNOWN:
        result = _poll_status(ctx, refund_id)
    record = {"outcome": result.outcome.value, "refunds": attempt_id,
              "terminal_ref": result.terminal_ref, "message": result.message}
    with ctx.uow:
        ctx.uow.attempts.update(refund_id, result.outcome.value, record, ctx.now(),
                                used=result.approved)
        if result.approved:
            payment.tenders.remove(tender)
            ctx.save_sale()
            ctx.journal(Kind.CARD_REFUND, {"attempt": attempt_id, "refund": refund_id,
                                           "amount": tender.amount})
        ctx.uow.commit()
    if not result.approved:
        raise PaymentError("payment.card_refund_refused", outcome=result.outcome.value,
                           detail=_detail(result.message))
    return payment_view(ctx)


def resolve_card_attempts(ctx: RegisterContext) -> list[str]:
    """After a crash or a lost answer: ask the terminal about every unresolved attempt.

    An approved one is applied to the open payment (once); messages say what happened."""
    messages: list[str] = []
    with ctx.uow:
        pending = [(a.id, a.amount) for a in ctx.uow.attempts.unresolved(ctx.register_id)]
    for attempt_id, amount in pending:
        result = ctx.devices.terminal.transaction_status(attempt_id)
        try:
            _apply_card_result(ctx, attempt_id, amount, result)
            messages.append(f"Card payment {attempt_id}: {result.outcome.value}")
        except PaymentError as e:
            messages.append(str(e))
    return messages


def _poll_status(ctx: RegisterContext, attempt_id: str) -> CardResult:
    result = CardResult(CardOutcome.UNKNOWN, attempt_id)
    for _ in range(ctx.config.card_status_polls):
        result = ctx.devices.terminal.transaction_status(attempt_id)
        if result.outcome is not CardOutcome.UNKNOWN:
            break
        time.sleep(ctx.config.card_status_interval)
    return result


def _apply_card_result(ctx: RegisterContext, attempt_id: str, amount: int,
                       result: CardResult) -> PaymentView:
    now = ctx.now()
    record = {"outcome": result.outcome.value, "auth_code": result.auth_code,
              "terminal_ref": result.terminal_ref, "message": result.message}
    if result.outcome is CardOutcome.APPROVED:
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
            tender = payment.add_card(Tender(
                TenderKind.CARD, amount, attempt_id=attempt_id, auth_code=result.auth_code,
                masked_pan=result.masked_pan, brand=result.brand,
                terminal_ref=result.terminal_ref, receipt_lines=result.receipt_lines))
            try:
                ctx.uow.attempts.update(attempt_id, "approved", record, now, used=True)
                ctx.save_sale()
                ctx.uow.commit()
            except BaseException:
                payment.tenders.remove(tender)
                raise
        return _after_tender(ctx)
    status = "unknown" if result.outcome is CardOutcome.UNKNOWN else result.outcome.value
    with ctx.uow:
        ctx.uow.attempts.update(attempt_id, status, record, now)
        ctx.uow.commit()
    if result.outcome is CardOutcome.UNKNOWN:
        raise PaymentError("payment.terminal_no_answer")
    raise PaymentError(REFUSALS[result.outcome], detail=_detail(result.message))


def _open_payment(ctx: RegisterContext) -> Payment:
    ctx.state.require_cashier()
    if ctx.state.payment is None:
        start_payment(ctx)
    assert ctx.state.payment is not None
    return ctx.state.payment


def _after_tender(ctx: RegisterContext) -> PaymentView:
    payment = ctx.state.payment
    assert payment is not None
    payment.close_with_rounding_only()
    if payment.complete:
        return payment_view(ctx, sale_completion.complete(ctx))
    with ctx.uow:
        ctx.save_sale()
        ctx.uow.commit()
    ctx.on_display(lambda d: d.show_payment(payment.total, payment.paid, 0))
    return payment_view(ctx)
