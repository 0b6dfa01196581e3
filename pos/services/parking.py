"""Parking: a sale set aside (the customer fetches something) and resumed later, on this
register."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pos.cart import CartError, CartTotals
from pos.errors import messages
from pos.journal import Kind
from pos.services.context import RegisterContext


MESSAGES = messages({
    "parking.nothing_to_park": "Nothing to park",
    "parking.payment_started": "Payment has started: finish or cancel it first",
    "parking.sale_in_progress": "Finish or park the sale in progress first",
    "parking.gone": "That parked sale is gone (resumed on another till?)",
})


@dataclass(frozen=True)
class ParkedInfo:
    id: int
    parked_at: datetime
    parked_by: str  # the cashier's name
    note: str
    total: int  # öre
    item_count: int


# The note of a sale parked because its cashier logged out: a token, not words, so every screen
# says it in its own language (it once read "Kim Kassör logged out" on a Swedish screen).
LOGGED_OUT = "@logged-out"


def park(ctx: RegisterContext, note: str = "") -> int:
    """Set the sale in progress aside (journaled); returns its number. The register is then free
    for the next customer."""
    state = ctx.state
    user = state.require_cashier()
    if state.cart.is_empty:
        raise CartError("parking.nothing_to_park")
    if state.tendering:
        raise CartError("parking.payment_started")
    t = state.cart.totals()
    with ctx.uow:
        pid = ctx.uow.carts.park(ctx.register_id, user.id, ctx.now(), note, t.total,
                                 t.item_count, state.cart.to_dict())
        ctx.journal(Kind.PARK, {"parked": pid, "total": t.total})
        before = state.saved()
        state.clear_sale()
        ctx.save_sale()
        try:
            ctx.uow.commit()
        except BaseException:
            state.restore(before)
            raise
    ctx.show(state.cart.totals())
    return pid


def parked(ctx: RegisterContext) -> list[ParkedInfo]:
    """The register's parked sales, oldest first."""
    with ctx.uow:
        names = {m.id: m.name for m in ctx.uow.staff.active()}
        return [ParkedInfo(r.id, r.parked_at, names.get(r.parked_by, r.parked_by), r.note,
                           r.total, r.item_count)
                for r in ctx.uow.carts.parked(ctx.register_id)]


def resume(ctx: RegisterContext, parked_id: int) -> CartTotals:
    """A parked sale becomes the sale in progress (only when none is)."""
    state = ctx.state
    state.require_cashier()
    if not state.cart.is_empty:
        raise CartError("parking.sale_in_progress")
    before = state.saved()
    with ctx.uow:
        data = ctx.uow.carts.take_parked(parked_id)
        if data is None:
            raise CartError("parking.gone")
        try:
            state.cart = state.new_cart(data)
            state.payment = None
            ctx.save_sale()
            ctx.uow.commit()
        except BaseException:
            state.restore(before)
            raise
    return ctx.show(state.cart.totals())
