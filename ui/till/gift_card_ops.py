"""The named operations of gift cards and store credit (``pos.services.gift_cards``): a card's
or a customer's balance on the network lane (the central store: a slow one never holds up a
scan), selling a card and paying with one on the register lane (the sale cannot change while
the central store debits it, as with a card on the terminal)."""
from __future__ import annotations

from pos.services.till import Till
from ui.lanes import Lanes
from ui.ops import Operation
from ui.till.operations import Done, Failed, _paid, change_sale


def gift_card_balance(lanes: Lanes, till: Till, text: str, *, on_done: Done,
                      on_error: Failed = None) -> Operation:
    return lanes.network.run(lambda: till.gift_card_balance(text), on_done, on_error,
                             label="gift_card_balance")


def store_credit_balance(lanes: Lanes, till: Till, customer_id: str | None, *, on_done: Done,
                         on_error: Failed = None) -> Operation:
    return lanes.network.run(lambda: till.store_credit_balance(customer_id), on_done, on_error,
                             label="store_credit_balance")


def sell_gift_card(lanes: Lanes, till: Till, amount: int, *, on_done: Done = None,
                   on_error: Failed = None) -> Operation:
    return change_sale(lanes, lambda: till.sell_gift_card(amount), "gift_card", on_done=on_done,
                       on_error=on_error)


def pay_gift_card(lanes: Lanes, till: Till, code: str, amount: int | None, *,
                  on_done: Done = None, on_error: Failed = None) -> Operation:
    return lanes.register.run(lambda: till.pay_with_gift_card(code, amount),
                              _paid(lanes, on_done), on_error, label="pay_gift_card")


def pay_store_credit(lanes: Lanes, till: Till, amount: int | None, *, on_done: Done = None,
                     on_error: Failed = None) -> Operation:
    return lanes.register.run(lambda: till.pay_with_store_credit(amount),
                              _paid(lanes, on_done), on_error, label="pay_store_credit")


def refund_to_store_credit(lanes: Lanes, till: Till, *, on_done: Done = None,
                           on_error: Failed = None) -> Operation:
    return lanes.register.run(till.refund_to_store_credit, _paid(lanes, on_done), on_error,
                              label="refund_to_store_credit")
