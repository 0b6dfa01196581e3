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
from pos.ports import ControlRecord, ControlRegistration
from pos.sales import Sale, check_balanced, sale_lines
from pos.delivery import is_shipping
from pos.invoices import is_invoice_payment
from pos.services import invoices, ship_to_home
from pos.services.unit_of_work import UnitOfWork
from pos.services.return_checks import check_still_returnable
from pos.services.context import RegisterContext
from pos.sync.pickup_events import enqueue_sale_handovers
from pos.sync.gift_card_events import enqueue_stored_value
from pos.sync.return_events import enqueue_returns
from pos.sync.sale_events import enqueue_sale


MESSAGES = messages({
    "sale.not_completed": "The sale could not be completed: {detail}. It is paid and saved: "
                          "complete it again, or take a payment back",
    "sale.control_unit_mismatch": "The control unit's newest receipt for register {register} is "
                                  "number {unit}, the register's own records end at {records}: "
                                  "they were changed. Sales stop here: call support",
})


class RecordsTampered(UserError):
    """The register's records (sales, journal) disagree with its control unit's memory."""


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
    pending = f"{PENDING_REGISTRATION}.{ctx.register_id}"
    with uow:  # the number about to be registered, kept before the control unit is asked; a
        # number left there by an attempt that was signed but never stored is read first
        next_no = uow.registers.lock(ctx.register_id).next_receipt_no
        unstored = uow.sync_state.get(pending)
        uow.sync_state.set(pending, str(next_no), now)
        uow.commit()
    with uow:
        shift = ctx.require_shift()
        if state.cart.purchases:  # returned units: still there (another register may have)
            check_still_returnable(uow, state.cart)
        reg = uow.registers.lock(ctx.register_id)
        receipt_no = reg.next_receipt_no
        check_control_unit(ctx.devices.control_unit.last(ctx.register_id), ctx.register_id,
                           receipt_no - 1, unstored)
        code = ctx.devices.control_unit.sign(ControlRecord(
            ctx.register_id, receipt_no, now.isoformat(),
            "return" if totals.total < 0 else "normal", totals.total,
            tuple((v.rate.value, v.vat) for v in totals.vat)))
        sale = Sale(id=str(uuid.uuid4()), register_id=ctx.register_id, receipt_no=receipt_no,
                    shift_id=shift.id, cashier_id=user.id, cashier_name=user.name,
                    completed_at=now, lines=lines, tenders=tuple(payment.tenders),
                    total=totals.total, discount=totals.discount, rounding=payment.rounding,
                    control_code=code, customer_id=state.cart.customer_id,
                    customer_name=customer.label if customer else "",
                    web_cart_id=state.cart.web_cart.id if state.cart.web_cart else None)
        uow.sales.add(sale)
        # The central store learns of the sale through the outbox, in this same transaction:
        # what is taken now as the store's order, what is sent home as an order to deliver.
        delivery = ship_to_home.delivery_of(ctx, state.cart, sale)
        taken_now = ship_to_home.take_now_part(sale, delivery)
        if taken_now is not None:
            enqueue_sale(uow.outbox, taken_now, ctx.config.location_id,
                         customer_email=(customer.email or None) if customer else None)
        if delivery is not None:
            ship_to_home.record(ctx, sale, delivery, now)
        enqueue_sale_handovers(uow.outbox, sale, ctx.config.location_id)  # web orders paid here
        enqueue_returns(uow, sale, ctx.config.location_id, now)  # returned goods
        invoices.on_sale_completed(ctx, sale)  # an invoice issued or paid in the sale
        enqueue_stored_value(uow, sale, ctx.config.gift_cards.expires(now))  # gift cards, credit
        count_in_local_stock(uow, sale, delivery.line_nos if delivery else (),
                             ctx.config.location_id)
        reg.next_receipt_no = receipt_no + 1
        reg.grand_total += sale.total
        uow.sync_state.set(pending, "", now)  # registered and stored
        ctx.journal(Kind.RETURN if sale.return_lines else Kind.SALE, {**sale_payload(sale),
                                **({"delivery": delivery.to_dict()} if delivery else {})})
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


def count_in_local_stock(uow: UnitOfWork, sale: Sale, delivered: tuple[int, ...] | set[int],
                         location_id: str) -> None:
    """This location's synced stock figures, until the next sync: down for what was taken
    now, up for what came back to stock (a web order's goods paid here and lines sent home
    are not this location's)."""
    for no, ln in enumerate(sale.lines, 1):
        if (ln.order_id or no in delivered or is_shipping(ln.sku)
                or is_invoice_payment(ln.variant_id)):
            continue
        if ln.returned_from is not None:
            if ln.returned_from.restock:
                uow.catalog.adjust_stock(ln.variant_id, location_id, ln.returned_from.units)
        elif ln.weight is None:
            uow.catalog.adjust_stock(ln.variant_id, location_id, -ln.quantity)


# sync_state key (+ ".<register>") of the receipt number being registered
PENDING_REGISTRATION = "control_unit.pending"


def check_control_unit(unit: ControlRegistration | None, register_id: str,
                       last_receipt_no: int, pending: str | None = None) -> None:
    """The register's newest stored receipt must be the control unit's newest registration; or
    the one before it, when the registration of the next was signed but its sale never
    committed (``pending``: the number an earlier attempt kept before signing, still there
    because it never completed): then the same number is registered again. ``RecordsTampered`` otherwise: rows deleted or a database restored from an
    old copy. A unit that never saw the register accepts its first receipt."""
    if unit is None:
        return
    lost_commit = unit.receipt_no == last_receipt_no + 1 and pending == str(unit.receipt_no)
    if unit.receipt_no != last_receipt_no and not lost_commit:
        raise RecordsTampered("sale.control_unit_mismatch", register=register_id,
                              unit=unit.receipt_no, records=last_receipt_no)


def sale_payload(sale: Sale) -> dict[str, object]:
    """What the journal keeps of a sale."""
    return {"sale_id": sale.id, "receipt_no": sale.receipt_no, "shift": sale.shift_id,
            "total": sale.total, "discount": sale.discount, "rounding": sale.rounding,
            "control_code": sale.control_code,
            "vat": [[v.rate.value, v.gross, v.vat] for v in sale.vat],
            "lines": [line.to_dict() for line in sale.lines],
            "tenders": [[t.method.id, t.amount] for t in sale.tenders],
            **({"web_cart_id": sale.web_cart_id} if sale.web_cart_id else {})}
