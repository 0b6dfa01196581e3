"""The customer at the till: found in the central store (by phone, e-mail or name), read from a
loyalty card, and put on the sale so their promotions apply and the order is theirs.

The searches are network calls: the screen runs them on its network lane, never in the lane that
answers scans. A card read is remembered in the store's database, so while the central store
cannot be reached a card read here before still finds its customer (as they were then).
"""
from __future__ import annotations

from datetime import datetime

from pos.cart import CartError, CartTotals
from pos.commerce import CustomerRef
from pos.errors import messages
from pos.ports import CentralAccessRefused, CommerceUnavailable, CustomerDirectory
from pos.services import selling
from pos.services.context import RegisterContext
from pos.services.unit_of_work import UnitOfWork


MESSAGES = messages({
    "customers.no_central_store": "No central store is set up: customers cannot be searched",
    "customers.unreachable": "The central store cannot be reached, so customers cannot be "
                             "searched now. Sell without one",
    "customers.search_failed": "The customer search failed: {detail}",
    "customers.cards_need_central_store": "No central store is set up: customer cards cannot "
                                          "be read",
    "customers.card_unreachable": "The central store cannot be reached, so customer card "
                                  "{card} cannot be read now. Sell without it",
    "customers.no_such_card": "No customer has card {card}",
})


class CustomerSearchError(CartError):
    """Customers cannot be searched now (no central store, or it cannot be reached); the sale
    goes on without one."""


def find_customers(directory: CustomerDirectory | None, query: str,
                   limit: int = 20) -> list[CustomerRef]:
    """Customers of the central store by phone (070... finds +4670...), e-mail or name.
    A network call. ``CustomerSearchError`` when it cannot be done."""
    if not query.strip():
        return []
    if directory is None:
        raise CustomerSearchError("customers.no_central_store")
    try:
        return directory.find_customers(query.strip(), limit)
    except CentralAccessRefused:
        raise  # the register is not enrolled or its key was revoked: that, not "unreachable"
    except CommerceUnavailable as e:
        raise CustomerSearchError("customers.unreachable") from e
    except Exception as e:  # noqa: BLE001 - a refused or unreadable answer: the sale goes on
        raise CustomerSearchError("customers.search_failed", detail=str(e)) from e


def read_card(uow: UnitOfWork, directory: CustomerDirectory | None, number: str,
              now: datetime) -> CustomerRef:
    """Whose loyalty card ``number`` is. A network call; the answer is remembered, and while the
    central store cannot be reached a card read here before gives its customer as they were then.
    ``CustomerSearchError`` says why not (no such card, unreachable and the card new here)."""
    if directory is None:
        raise CustomerSearchError("customers.cards_need_central_store")
    try:
        found = directory.customer_by_card(number)
    except CommerceUnavailable as e:
        with uow:
            known = uow.customer_cards.customer(number)
        if known is None:
            raise CustomerSearchError("customers.card_unreachable", card=number) from e
        return CustomerRef.from_dict(known[0])
    except Exception as e:  # noqa: BLE001 - a refused or unreadable answer: the sale goes on
        raise CustomerSearchError("customers.search_failed", detail=str(e)) from e
    if found is None:
        raise CustomerSearchError("customers.no_such_card", card=number)
    with uow:
        uow.customer_cards.remember(number, found.to_dict(), now)
        uow.commit()
    return found


def set_customer(ctx: RegisterContext, customer: CustomerRef | None) -> CartTotals:
    """Who is buying (None: nobody): the order is theirs, their promotions apply."""
    return selling.change(ctx, lambda cart: cart.set_customer(customer))


def customer_card(ctx: RegisterContext, number: str) -> CartTotals:
    """The customer whose card was scanned goes on the sale (``read_card`` then
    ``set_customer``, in one call for a caller with one lane)."""
    ctx.state.require_cashier()
    return set_customer(ctx, read_card(ctx.uow, ctx.customers, number, ctx.now()))
