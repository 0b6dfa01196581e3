"""Named operations of the returns flow (issue 11): finding what was bought asks the central
store, so it runs on the network lane (a slow central store never holds up a scan); putting
return lines on the sale is the register's (its totals go to every screen); the refund pays out
on the register lane, which waits for the card terminal as a card payment does (the sale cannot
change meanwhile), and completes the sale as a return receipt.
"""
from __future__ import annotations

from pos.catalog import Variant
from pos.returns import Purchase
from pos.services.returns import ReturnPick
from pos.cart import CartTotals
from pos.services.payments import PaymentView
from pos.services.till import Till
from ui.lanes import Lanes, PaymentChanged, SaleCompleted
from ui.ops import Operation
from ui.till.operations import Done, Failed, change_sale


def find_purchase(lanes: Lanes, till: Till, code: str, *, on_done: Done,
                  on_error: Failed = None) -> Operation:
    """A receipt code, a digital receipt's QR text or a web order's number: its
    ``PurchaseView`` (the central store asked; offline, this store's own record)."""
    return lanes.network.run(lambda: till.find_purchase(code), on_done, on_error,
                             label="find_purchase")


def purchases_of_customer(lanes: Lanes, till: Till, customer_id: str, *, on_done: Done,
                          on_error: Failed = None) -> Operation:
    """The customer's orders and store sales, newest first (the central store)."""
    return lanes.network.run(lambda: till.purchases_of_customer(customer_id), on_done, on_error,
                             label="purchases_of_customer")


def return_reasons(lanes: Lanes, till: Till, *, on_done: Done,
                   on_error: Failed = None) -> Operation:
    """The store's return reasons (its configuration)."""
    return lanes.register.run(till.return_reasons, on_done, on_error, label="return_reasons")


def return_lines(lanes: Lanes, till: Till, purchase: Purchase, picks: list[ReturnPick], *,
                 on_done: Done = None, on_error: Failed = None) -> Operation:
    """The chosen units of ``purchase`` onto the sale as return lines (negative amounts)."""
    return change_sale(lanes, lambda: till.return_lines(purchase, picks), "return_lines",
                       on_done=on_done, on_error=on_error)


def return_without_receipt(lanes: Lanes, till: Till, variant: Variant, units: int, reason: str,
                           restock: bool, approver_pin: str | None, *, on_done: Done = None,
                           on_error: Failed = None) -> Operation:
    """An article brought back without a receipt: ``ApprovalRequired`` until a manager approves
    (``ui.till.approval_dialog.run_with_approval``): the use case checks the manager's PIN
    (wrong PINs are journaled and lock approvals, as for discounts) and the return names the
    manager; a manager at the till approves it themselves."""
    def give_back() -> CartTotals:
        return till.return_without_receipt(variant, units, reason, restock,
                                           approver_pin=approver_pin)
    return change_sale(lanes, give_back, "return_no_receipt", on_done=on_done, on_error=on_error)


def refund_plan(lanes: Lanes, till: Till, to_original: bool = True, *, on_done: Done,
                on_error: Failed = None) -> Operation:
    """How the sale's negative total goes back: to the original payments first, the rest in
    cash rounded (``to_original`` False: all in cash)."""
    return lanes.register.run(lambda: till.refund_plan(to_original), on_done, on_error,
                              label="refund_plan")


def refund(lanes: Lanes, till: Till, to_original: bool, *, on_done: Done = None,
           on_error: Failed = None) -> Operation:
    """Pay the refund out: card parts on the terminal by their original reference (the
    register lane waits for it, as for a card payment), web parts through the central store,
    cash from the drawer; the completed return goes to every screen."""
    def done(view: PaymentView) -> None:
        lanes.tell(SaleCompleted(view.sale) if view.sale is not None else PaymentChanged(view))
        if on_done is not None:
            on_done(view)
    return lanes.register.run(lambda: till.refund(to_original), done, on_error, label="refund")


def lookup_article(lanes: Lanes, till: Till, code: str, *, on_done: Done,
                   on_error: Failed = None) -> Operation:
    """The article a scanned or typed code names (the local catalogue: the register lane)."""
    return lanes.register.run(lambda: till.lookup(code), on_done, on_error,
                              label="lookup_article")
