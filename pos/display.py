"""What the customer sees of the sale on a customer display: each line's name, quantity, amount
campaign saving and all it was discounted (öre), for any ``CustomerDisplay`` (the till's own window, a pole display)."""
from __future__ import annotations

from pos.cart import CartLine, CartTotals
from pos.measure import format_kg
from pos.ports import DisplayLine


def display_lines(totals: CartTotals) -> list[DisplayLine]:
    return [DisplayLine(_name(lt.line), lt.line.quantity, lt.total, lt.promotion_discount,
                        lt.discount)
            for lt in totals.lines]


def _name(line: CartLine) -> str:
    """The article's name; a weighed one's with its weight ("Lösgodis, 0,512 kg")."""
    if line.weight is not None:
        return f"{line.variant.name}, {format_kg(line.weight)} kg"
    return line.variant.name
