"""Web carts at the till: a cart a shopper started online (or at a kiosk), continued and paid
here. What the sale keeps of it (``WebCartLink``) and the errors a cashier may see.

The central store's prices and promotions govern: the cart's lines come to the till at the
cart's unit prices (``CartLine.from_web``), its promotion codes with them, and the till's
promotion engine (which computes as the web shop does) gives the same total; when it does not,
the screen says so (``WebCartLink.total`` is the central store's total at loading).

A web cart is bought once: the outbox closes it centrally with the sale's order
(``OrderSink.create_store_order`` with ``StoreOrder.web_cart_id``); a cart bought already
(online, or by another sale at any till) is refused when scanned, and a conflict found only
when the outbox delivers (two tills sold it while offline) is ``WebCartConflict``: the order of
this sale stands (the money is never lost) and the outbox keeps the message for a person to see.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pos.errors import UserError, messages

MESSAGES = messages({
    "web_cart.not_found": "There is no web cart {cart} in the central store",
    "web_cart.already_bought": "Web cart {cart} is already bought: order {order}",
    "web_cart.already_bought_here": "Web cart {cart} is already bought at this store: receipt "
                                    "{receipt} on register {register}",
    "web_cart.empty": "Web cart {cart} is empty: there is nothing to sell",
    "web_cart.unreachable": "Web cart {cart} cannot be loaded: the central store cannot be "
                            "reached now. Scan the articles instead, or try again later",
    "web_cart.unknown_articles": "Web cart {cart} has articles this till does not know: "
                                 "{articles}. Nothing was loaded: sync the catalogue or scan "
                                 "the articles",
    "web_cart.one_per_sale": "This sale already continues web cart {cart}: pay it first",
    "web_cart.other_customer": "Web cart {cart} belongs to {customer}, this sale to another "
                               "customer: take the customer off the sale first",
    "web_cart.no_central_store": "Web cart {cart} cannot be loaded: this till is not connected "
                                 "to the central store",
    "web_cart.currency": "Web cart {cart} is in {currency}: this till sells in SEK only",
    "web_cart.bought_meanwhile": "Web cart {cart} was bought meanwhile (order {order}): take "
                                 "no payment for it here; void the sale or remove its lines, "
                                 "and check with the customer",
    "web_cart.conflict": "Web cart {cart} was already bought ({order}) when this sale's order "
                         "{sale_order} closed it: two sales of one cart, check with the customer",
})


class WebCartError(UserError):
    """A web cart the till cannot load (not found, bought, unknown articles ...)."""


class WebCartConflict(WebCartError):
    """The central store refused to close a web cart for this sale: it was bought already (by
    another sale, or online). This sale's order exists; nothing more can be done automatically,
    so the outbox sets the message aside at once (``permanent``) with this sentence."""

    permanent = True

    def __init__(self, cart: str, order: str, sale_order: str) -> None:
        super().__init__("web_cart.conflict", cart=cart, order=order, sale_order=sale_order)


def order_label(order_id: str | None, display_id: int | None) -> str:
    """How a person names an order: its number (#1042), else its id."""
    if display_id is not None:
        return f"#{display_id}"
    return order_id or "?"


@dataclass(frozen=True)
class WebCartLink:
    """The web cart a sale continues: its id and the central store's total when it was loaded
    (öre), kept with the sale in progress (crash-safe) and on the completed sale."""

    id: str
    total: int  # the central store's total at loading, VAT included

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "total": self.total}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "WebCartLink | None":
        if not d:
            return None
        return cls(id=str(d["id"]), total=int(d.get("total") or 0))
