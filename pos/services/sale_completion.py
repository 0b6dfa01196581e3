"""Completing a paid sale: numbered, signed by the control unit, stored, journaled and queued for
the central store in one transaction; then the register is ready for the next customer.

A sale is registered only when the control unit has returned its control code (SKVFS 2014:9);
the stored sale and the outbox message that makes it an order in the central store exist
together or not at all.
"""
from __future__ import annotations

import uuid

from pos.errors import UserError, messages
from pos.journal import Kind
from pos.ports import ControlRecord
from pos.sales import Sale, check_balanced, sale_lines
from pos.services.context import RegisterContext
from pos.sync.sale_events import enqueue_sale


MESSAGES = messages({
    "sale.not_completed": "The sale could not be completed: {detail}. It is paid and saved: "
                          "complete it again, or take a payment back",
})


class CompletionFailed(UserError):
    """Completing a paid sale failed (the control unit, the database): nothing of it is stored;
    the payment stays as it was, saved with every tender, to complete again."""


def complete(ctx: RegisterContext) -> Sale:
    """Number, sign, store and journal the paid sale in one transaction, then clear the cart.
    ``CompletionFailed`` when any of it fails: the register's state is as it was."""
    try:
        return _complete(ctx)
    except UserError:
        raise
    except Exception as e:  # noqa: BLE001 - a device or the database: the cashier can retry
        raise CompletionFailed("sale.not_completed", detail=f"{type(e).__name__}: {e}") from e


def _complete(ctx: RegisterContext) -> Sale:
    state = ctx.state
    user = state.require_cashier()
    payment = state.payment
    assert payment is not None
    totals = state.cart.totals()
    lines = sale_lines(totals)
    check_balanced(lines, payment)
    now = ctx.now()
    customer = state.cart.customer
    before = state.saved()
    uow = ctx.uow
    with uow:
        shift = ctx.require_shift()
        reg = uow.registers.lock(ctx.register_id)
        receipt_no = reg.next_receipt_no
        code = ctx.devices.control_unit.sign(ControlRecord(
            ctx.register_id, receipt_no, now.isoformat(), "normal", totals.total,
            tuple((v.rate.value, v.vat) for v in totals.vat)))
        sale = Sale(id=str(uuid.uuid4()), register_id=ctx.register_id, receipt_no=receipt_no,
                    shift_id=shift.id, cashier_id=user.id, cashier_name=user.name,
                    completed_at=now, lines=lines, tenders=tuple(payment.tenders),
                    total=totals.total, discount=totals.discount, rounding=payment.rounding,
                    control_code=code, customer_id=state.cart.customer_id,
                    customer_name=customer.label if customer else "")
        uow.sales.add(sale)
        # The central store learns of the sale through the outbox, in this same transaction.
        enqueue_sale(uow.outbox, sale, ctx.config.location_id,
                     customer_email=(customer.email or None) if customer else None)
        reg.next_receipt_no = receipt_no + 1
        reg.grand_total += sale.total
        ctx.journal(Kind.SALE, sale_payload(sale))
        try:
            state.clear_sale()
            ctx.save_sale()
            uow.commit()
        except BaseException:
            state.restore(before)
            raise
    ctx.on_display(lambda d: d.show_thanks(ctx.config.thanks_text,
                                           ctx.config.store.receipt_url + sale.id))
    try:
        ctx.reload_promotions()  # a sync beside the till is taken at the next customer
    except Exception:  # noqa: BLE001 - the sale is stored; the old promotions stay in force
        pass
    return sale


def sale_payload(sale: Sale) -> dict[str, object]:
    """What the journal keeps of a sale."""
    return {"sale_id": sale.id, "receipt_no": sale.receipt_no, "shift": sale.shift_id,
            "total": sale.total, "discount": sale.discount, "rounding": sale.rounding,
            "control_code": sale.control_code,
            "vat": [[v.rate.value, v.gross, v.vat] for v in sale.vat],
            "lines": [line.to_dict() for line in sale.lines],
            "tenders": [[t.method.id, t.amount] for t in sale.tenders]}
