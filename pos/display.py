"""What the customer sees of the sale on a customer display: each line's name, quantity, amount
and campaign saving (öre), for any ``CustomerDisplay`` (the till's own window, a pole display)."""
from __future__ import annotations

from pos.cart import CartTotals
from pos.ports import DisplayLine


def display_lines(totals: CartTotals) -> list[DisplayLine]:
    return [DisplayLine(lt.line.variant.name, lt.line.quantity, lt.total, lt.promotion_discount)
            for lt in totals.lines]
