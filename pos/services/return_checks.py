"""The check that the same units are never returned twice from two registers: made again,
under a lock on the purchase's own sale where this store has it, when a refund starts and when
the return is completed (another register may have returned them since the purchase was read).
"""
from __future__ import annotations

from pos.cart import Cart
from pos.errors import messages
from pos.returns import ReturnError
from pos.services.unit_of_work import UnitOfWork

MESSAGES = messages({
    "return.returned_meanwhile": "{name} of {code} was returned meanwhile at another register: "
                                 "at most {max} can still come back. Remove the line and find "
                                 "the purchase again",
})


def returned_here(uow: UnitOfWork, code: str) -> dict[str, int]:
    """Units of each line of the purchase ``code`` returned by completed sales here."""
    out: dict[str, int] = {}
    for sale in uow.sales.returns_of(code):
        for ln in sale.return_lines:
            of = ln.returned_from
            if of is not None and of.code == code:
                out[of.line_key] = out.get(of.line_key, 0) + of.units
    return out


def check_still_returnable(uow: UnitOfWork, cart: Cart) -> None:
    """Inside an open unit of work: raise ``ReturnError`` when a return line of ``cart`` asks
    for more units than its purchase has left now (what was bought, less what this store's
    registers have returned since, or what the purchase said was returned, whichever is more)."""
    for code, purchase in cart.purchases.items():
        if purchase.sale_id:
            uow.sales.lock(purchase.sale_id)  # two registers returning one sale take turns
        done = returned_here(uow, code)
        asked = cart.returned_units(code)
        for line in purchase.lines:
            want = asked.get(line.key, 0)
            if not want:
                continue
            left = line.quantity - max(line.returned, done.get(line.key, 0))
            if want > left:
                raise ReturnError("return.returned_meanwhile", name=line.name, code=code,
                                  max=max(0, left))
