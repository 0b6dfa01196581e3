"""Named operations for customers created, edited and looked at: every one a call to the central
store, so on the network lane (never the register lane that answers scans, never the UI thread);
putting a customer on the sale is the register lane's (``operations.set_customer``)."""
from __future__ import annotations

from pos.commerce import CustomerRef
from pos.customers import CustomerChanges, CustomerDraft
from pos.services.till import Till
from ui.lanes import Lanes
from ui.ops import Operation
from ui.till.operations import Done, Failed, set_customer


def create_customer(lanes: Lanes, till: Till, draft: CustomerDraft, reason: str | None = None, *,
                    on_done: Done, on_error: Failed = None) -> Operation:
    return lanes.network.run(lambda: till.create_customer(draft, reason), on_done, on_error,
                             label="create_customer")


def customer_details(lanes: Lanes, till: Till, customer_id: str, *, on_done: Done,
                     on_error: Failed = None) -> Operation:
    return lanes.network.run(lambda: till.customer_details(customer_id), on_done, on_error,
                             label="customer_details")


def update_customer(lanes: Lanes, till: Till, customer_id: str, changes: CustomerChanges, *,
                    on_done: Done, on_error: Failed = None) -> Operation:
    return lanes.network.run(lambda: till.update_customer(customer_id, changes), on_done,
                             on_error, label="update_customer")


def customer_history(lanes: Lanes, till: Till, customer_id: str, offset: int, limit: int, *,
                     on_done: Done, on_error: Failed = None) -> Operation:
    return lanes.network.run(lambda: till.customer_history(customer_id, offset, limit), on_done,
                             on_error, label="customer_history")


def read_token(lanes: Lanes, till: Till, token: str, *, on_done: Done = None,
               on_error: Failed = None) -> Operation:
    """A customer's "my account" code: who it is on the network lane, then on the sale."""
    def found(customer: CustomerRef) -> None:
        set_customer(lanes, till, customer, on_done=on_done, on_error=on_error)
    return lanes.network.run(lambda: till.customer_by_token(token), found, on_error,
                             label="read_token")
