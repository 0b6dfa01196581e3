"""The till's named operations: each runs one use case on the lane it belongs to and reports
back on the GUI thread; those that change what screens show tell them through
``Lanes.changed`` (as Anki's ``CollectionOp`` and ``operation_did_execute``).

    operations.set_quantity(lanes, till, line_id, 3, on_error=page.show_error)

A screen calls these and never the ``Till`` directly; a new flow adds its own operations here
(or in a module beside it) without touching the others. ``on_done`` gets the use case's result;
``on_error`` an error meant for a person (``pos.errors.UserError``); anything else goes to the
lane's ``unexpected_error``.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pos.cart import CartTotals, Discount
from pos.commerce import CustomerRef
from pos.receipt import ReceiptDocument
from pos.scan_router import ScanKind, classify
from pos.services.payments import PaymentView
from pos.services.receipts import PrintOutcome
from pos.services.till import Till
from ui.lanes import Lanes, PaymentChanged, Printed, SaleChanged, SaleCompleted, ShiftChanged
from ui.ops import Operation

Done = Callable[[Any], None] | None


def _refuse(error: BaseException) -> Any:
    raise error
Failed = Callable[[BaseException], None] | None


# --- the sale --------------------------------------------------------------------------------------


def change_sale(lanes: Lanes, call: Callable[[], CartTotals], label: str, *,
                select_line: int | None = None, on_done: Done = None,
                on_error: Failed = None) -> Operation:
    """Run a change of the sale on the register lane; its totals go to every screen."""
    def done(totals: CartTotals) -> None:
        lanes.tell(SaleChanged(totals, select_line))
        if on_done is not None:
            on_done(totals)
    return lanes.register.run(call, done, on_error, label=label)


def scan(lanes: Lanes, till: Till, code: str, quantity: int | Decimal = 1, *,
         on_done: Done = None, on_error: Failed = None) -> Operation:
    """What the scanner read (``quantity`` of it: a number typed before the scan). A loyalty
    card is read on the network lane (the central store), then its customer goes on the sale;
    everything else is answered from the local database."""
    scanned = classify(code)
    if scanned.kind is ScanKind.CUSTOMER_CARD:
        return read_card(lanes, till, scanned.value, on_done=on_done, on_error=on_error)
    if scanned.kind is ScanKind.CUSTOMER_TOKEN:  # "my account" on the customer's phone
        from ui.till.customers.operations import read_token
        return read_token(lanes, till, scanned.value, on_done=on_done, on_error=on_error)
    if scanned.kind is ScanKind.GIFT_CARD:  # spent in the payment (F7), never sold by a scan
        from pos.gift_cards import GiftCardError
        return change_sale(lanes, lambda: _refuse(GiftCardError("giftcard.pay_in_payment",
                                                                code=scanned.value)),
                           "scan", on_done=on_done, on_error=on_error)
    if scanned.kind is ScanKind.WEB_CART:  # fetched on the network lane (web_cart_ops)
        from ui.till.web_cart_ops import load_web_cart
        return load_web_cart(lanes, till, code, on_done=on_done, on_error=on_error)
    return change_sale(lanes, lambda: till.scan(code, quantity), "scan", on_done=on_done,
                       on_error=on_error)


def add_variant(lanes: Lanes, till: Till, variant_id: str, quantity: int | Decimal = 1, *,
                on_done: Done = None, on_error: Failed = None) -> Operation:
    return change_sale(lanes, lambda: till.add_by_id(variant_id, quantity), "add",
                       on_done=on_done, on_error=on_error)


def set_quantity(lanes: Lanes, till: Till, line_id: int, quantity: int, *,
                 on_done: Done = None, on_error: Failed = None) -> Operation:
    return change_sale(lanes, lambda: till.set_quantity(line_id, quantity), "quantity",
                       select_line=line_id, on_done=on_done, on_error=on_error)


def remove_line(lanes: Lanes, till: Till, line_id: int, *, on_done: Done = None,
                on_error: Failed = None) -> Operation:
    return change_sale(lanes, lambda: till.remove_line(line_id), "remove_line",
                       on_done=on_done, on_error=on_error)


def discount_line(lanes: Lanes, till: Till, line_id: int, discount: Discount,
                  approver_pin: str | None, *, on_done: Done = None,
                  on_error: Failed = None) -> Operation:
    return change_sale(lanes, lambda: till.discount_line(line_id, discount, approver_pin),
                       "line_discount", select_line=line_id, on_done=on_done,
                       on_error=on_error)


def discount_cart(lanes: Lanes, till: Till, discount: Discount, approver_pin: str | None, *,
                  on_done: Done = None, on_error: Failed = None) -> Operation:
    return change_sale(lanes, lambda: till.discount_cart(discount, approver_pin),
                       "cart_discount", on_done=on_done, on_error=on_error)


def override_price(lanes: Lanes, till: Till, line_id: int, price: int,
                   approver_pin: str | None, *, on_done: Done = None,
                   on_error: Failed = None) -> Operation:
    return change_sale(lanes, lambda: till.override_price(line_id, price, approver_pin),
                       "price_override", select_line=line_id, on_done=on_done,
                       on_error=on_error)


def add_code(lanes: Lanes, till: Till, code: str, *, on_done: Done = None,
             on_error: Failed = None) -> Operation:
    return change_sale(lanes, lambda: till.add_promo_code(code), "promo_code", on_done=on_done,
                       on_error=on_error)


def remove_code(lanes: Lanes, till: Till, code: str, *, on_done: Done = None,
                on_error: Failed = None) -> Operation:
    return change_sale(lanes, lambda: till.remove_promo_code(code), "promo_code",
                       on_done=on_done, on_error=on_error)


def void_sale(lanes: Lanes, till: Till, *, on_done: Done = None,
              on_error: Failed = None) -> Operation:
    return change_sale(lanes, till.void_sale, "void", on_done=on_done, on_error=on_error)


def park(lanes: Lanes, till: Till, *, on_done: Done = None, on_error: Failed = None) -> Operation:
    """Set the sale aside; ``on_done`` gets the parked sale's number."""
    def done(result: tuple[int, CartTotals]) -> None:
        lanes.tell(SaleChanged(result[1]))
        if on_done is not None:
            on_done(result[0])
    return lanes.register.run(lambda: (till.park(), till.totals()), done, on_error, label="park")


def parked(lanes: Lanes, till: Till, *, on_done: Done, on_error: Failed = None) -> Operation:
    return lanes.register.run(till.parked, on_done, on_error, label="parked")


def resume(lanes: Lanes, till: Till, parked_id: int, *, on_done: Done = None,
           on_error: Failed = None) -> Operation:
    return change_sale(lanes, lambda: till.resume(parked_id), "resume", on_done=on_done,
                       on_error=on_error)


def search(lanes: Lanes, till: Till, text: str, limit: int = 20, *, on_done: Done,
           on_error: Failed = None) -> Operation:
    """Type-ahead search in the local catalogue (milliseconds: the register lane)."""
    return lanes.register.run(lambda: till.search(text, limit), on_done, on_error, label="search")


def load_sale(lanes: Lanes, till: Till, *, on_done: Done, on_error: Failed = None) -> Operation:
    """After login: (totals, shift, payment begun or None); the sale goes to every screen."""
    def state() -> tuple[CartTotals, Any, PaymentView | None]:
        pending = till.payment_view() if till.payment and till.payment.tenders else None
        return till.totals(), till.current_shift(), pending

    def done(result: tuple[CartTotals, Any, PaymentView | None]) -> None:
        lanes.tell(SaleChanged(result[0]))
        lanes.tell(ShiftChanged(result[1]))
        if on_done is not None:
            on_done(result)
    return lanes.register.run(state, done, on_error, label="load")


# --- the customer ----------------------------------------------------------------------------------


def find_customers(lanes: Lanes, till: Till, query: str, *, on_done: Done,
                   on_error: Failed = None) -> Operation:
    """Customers of the central store: the network lane (a slow central store never holds up a
    scan)."""
    return lanes.network.run(lambda: till.find_customers(query), on_done, on_error,
                             label="find_customers")


def set_customer(lanes: Lanes, till: Till, customer: CustomerRef | None, *, on_done: Done = None,
                 on_error: Failed = None) -> Operation:
    return change_sale(lanes, lambda: till.set_customer(customer), "customer", on_done=on_done,
                       on_error=on_error)


def read_card(lanes: Lanes, till: Till, number: str, *, on_done: Done = None,
              on_error: Failed = None) -> Operation:
    """A loyalty card: who it is on the network lane, then on the sale on the register lane."""
    def found(customer: CustomerRef) -> None:
        set_customer(lanes, till, customer, on_done=on_done, on_error=on_error)
    return lanes.network.run(lambda: till.read_card(number), found, on_error, label="read_card")


# --- payment ---------------------------------------------------------------------------------------


def _paid(lanes: Lanes, on_done: Done) -> Callable[[PaymentView], None]:
    def done(view: PaymentView) -> None:
        lanes.tell(SaleCompleted(view.sale) if view.sale is not None else PaymentChanged(view))
        if on_done is not None:
            on_done(view)
    return done


def start_payment(lanes: Lanes, till: Till, *, on_done: Done = None,
                  on_error: Failed = None) -> Operation:
    return lanes.register.run(till.start_payment, _paid(lanes, on_done), on_error,
                              label="start_payment")


def cancel_payment(lanes: Lanes, till: Till, *, on_done: Done = None,
                   on_error: Failed = None) -> Operation:
    return change_sale(lanes, till.cancel_payment, "cancel_payment", on_done=on_done,
                       on_error=on_error)


def pay_cash(lanes: Lanes, till: Till, received: int, *, on_done: Done = None,
             on_error: Failed = None) -> Operation:
    return lanes.register.run(lambda: till.pay_cash(received), _paid(lanes, on_done), on_error,
                              label="pay_cash")


def pay_card(lanes: Lanes, till: Till, amount: int | None, *, on_done: Done = None,
             on_error: Failed = None) -> Operation:
    """On the register lane, which waits for the terminal (the sale cannot change meanwhile)."""
    return lanes.register.run(lambda: till.pay_card(amount), _paid(lanes, on_done), on_error,
                              label="pay_card")


def payment_view(lanes: Lanes, till: Till, *, on_done: Done) -> Operation:
    """The payment in progress as it is now."""
    return lanes.register.run(till.payment_view, on_done, lambda _e: None, label="payment_view")


def complete_payment(lanes: Lanes, till: Till, *, on_done: Done = None,
                     on_error: Failed = None) -> Operation:
    """Complete a sale paid in full whose completion failed (the control unit, the database)."""
    return lanes.register.run(till.complete_payment, _paid(lanes, on_done), on_error,
                              label="complete_payment")


def remove_tender(lanes: Lanes, till: Till, index: int, *, on_done: Done = None,
                  on_error: Failed = None) -> Operation:
    """Take a tender back before the sale completes: cash handed back, or a card refunded on
    the terminal first (the register lane waits for it)."""
    return lanes.register.run(lambda: till.remove_tender(index), _paid(lanes, on_done), on_error,
                              label="remove_tender")


def cancel_card(till: Till) -> None:
    """Ask the terminal to stop the payment the register lane is waiting for (from a thread of
    its own: that lane is busy)."""
    threading.Thread(target=till.cancel_card, name="card-abort", daemon=True).start()


# --- receipts, printer and drawer (the printer lane) ---------------------------------------------


def _printed(lanes: Lanes, on_done: Done) -> Callable[[PrintOutcome], None]:
    def done(outcome: PrintOutcome) -> None:
        lanes.tell(Printed(outcome))
        if on_done is not None:
            on_done(outcome)
    return done


def print_sale(lanes: Lanes, till: Till, sale_id: str, *, on_done: Done = None,
               on_error: Failed = None) -> Operation:
    return lanes.printer.run(lambda: till.print_sale(sale_id), _printed(lanes, on_done), on_error,
                             label="print_sale")


def reprint_last(lanes: Lanes, till: Till, *, on_done: Done = None,
                 on_error: Failed = None) -> Operation:
    """A copy of the newest receipt; ``on_done`` gets (sale or None, outcome)."""
    def done(result: tuple[Any, PrintOutcome]) -> None:
        if result[0] is not None:
            lanes.tell(Printed(result[1]))
        if on_done is not None:
            on_done(result)
    return lanes.printer.run(till.reprint_last, done, on_error, label="reprint")


def print_document(lanes: Lanes, till: Till, doc: ReceiptDocument, *, on_done: Done = None,
                   on_error: Failed = None) -> Operation:
    return lanes.printer.run(lambda: till.print_document(doc), _printed(lanes, on_done), on_error,
                             label="print_document")


def open_drawer(lanes: Lanes, till: Till, reason: str, *, on_done: Done = None,
                on_error: Failed = None) -> Operation:
    return lanes.printer.run(lambda: till.open_drawer(reason), on_done, on_error,
                             label="open_drawer")


def printer_status(lanes: Lanes, till: Till, *, on_done: Done, on_error: Failed = None) -> Operation:
    return lanes.printer.run(till.devices.printer.status, on_done, on_error,
                             label="printer_status")


# --- shift -----------------------------------------------------------------------------------------


def current_shift(lanes: Lanes, till: Till, *, on_done: Done = None,
                  on_error: Failed = None) -> Operation:
    def done(shift: Any) -> None:
        lanes.tell(ShiftChanged(shift))
        if on_done is not None:
            on_done(shift)
    return lanes.register.run(till.current_shift, done, on_error, label="shift")


def open_shift(lanes: Lanes, till: Till, opening_float: int, *, on_done: Done = None,
               on_error: Failed = None) -> Operation:
    def done(shift: Any) -> None:
        lanes.tell(ShiftChanged(shift))
        if on_done is not None:
            on_done(shift)
    return lanes.register.run(lambda: till.open_shift(opening_float), done, on_error,
                              label="open_shift")


def cash_movement(lanes: Lanes, till: Till, amount: int, reason: str, *, on_done: Done = None,
                  on_error: Failed = None) -> Operation:
    """Recorded on the register lane, then the drawer opens on the printer lane."""
    def recorded(_none: None) -> None:
        open_drawer(lanes, till, f"cash {'in' if amount > 0 else 'out'}", on_error=on_error)
        if on_done is not None:
            on_done(None)
    return lanes.register.run(lambda: till.record_cash_movement(amount, reason), recorded,
                              on_error, label="cash_movement")


def no_sale(lanes: Lanes, till: Till, reason: str, approver_pin: str | None, *,
            on_done: Done = None, on_error: Failed = None) -> Operation:
    """A manager approves (register lane), then the drawer opens (printer lane)."""
    def approved(journal_reason: str) -> None:
        open_drawer(lanes, till, journal_reason, on_done=on_done, on_error=on_error)
    return lanes.register.run(lambda: till.approve_no_sale(reason, approver_pin), approved,
                              on_error, label="no_sale")


def x_report(lanes: Lanes, till: Till, *, on_done: Done, on_error: Failed = None) -> Operation:
    return lanes.register.run(till.x_report, on_done, on_error, label="x_report")


def close_shift(lanes: Lanes, till: Till, counted_cash: int, *, count: Any = None,
                approver_pin: str | None = None, on_done: Done,
                on_error: Failed = None) -> Operation:
    """The Z report (``count``: the drawer note by note; ``approver_pin``: a manager accepts a
    variance over the limit)."""
    def done(result: Any) -> None:
        lanes.tell(ShiftChanged(None))
        on_done(result) if on_done is not None else None
    return lanes.register.run(lambda: till.close_shift(counted_cash, count, approver_pin), done,
                              on_error, label="close_shift")


def outbox_status(lanes: Lanes, till: Till, *, on_done: Done, on_error: Failed = None) -> Operation:
    return lanes.register.run(till.outbox_status, on_done, on_error, label="outbox_status")


def reload_promotions(lanes: Lanes, till: Till) -> Operation:
    """After a background sync: in force now if no customer is served, else after the sale."""
    return lanes.register.run(till.reload_promotions_between_customers, None, lambda _e: None,
                              label="reload_promotions")


# --- staff -----------------------------------------------------------------------------------------


def staff(lanes: Lanes, till: Till, *, on_done: Done, on_error: Failed = None) -> Operation:
    return lanes.register.run(till.staff, on_done, on_error, label="staff")


def login(lanes: Lanes, till: Till, staff_id: str, pin: str, *, on_done: Done,
          on_error: Failed = None) -> Operation:
    return lanes.register.run(lambda: till.login(staff_id, pin), on_done, on_error, label="login")


def logout(lanes: Lanes, till: Till, *, on_done: Done = None,
           on_error: Failed = None) -> Operation:
    """Log out; a sale in progress is parked under its cashier (``on_done`` gets its number or
    None) and every screen shows the empty sale."""
    def done(result: tuple[int | None, CartTotals]) -> None:
        lanes.tell(SaleChanged(result[1]))
        if on_done is not None:
            on_done(result[0])
    return lanes.register.run(lambda: (till.logout(), till.totals()), done, on_error,
                              label="logout")
