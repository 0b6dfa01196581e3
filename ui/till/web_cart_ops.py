"""The till's operations for web carts (beside ``operations.py``): the cart is fetched from the
central store on the network lane (a slow central store never holds up a scan), then loaded into
the sale on the register lane; the sale's new totals go to every screen."""
from __future__ import annotations

from pos.commerce import WebCart
from pos.services.till import Till
from pos.services.web_carts import WebCartLoaded
from ui.lanes import Lanes, SaleChanged
from ui.ops import Operation
from ui.till.operations import Done, Failed


def load_web_cart(lanes: Lanes, till: Till, code: str, *, on_fetched: Done = None,
                  on_done: Done = None, on_error: Failed = None) -> Operation:
    """The web cart a QR code or typed code names, into the sale; ``on_done`` gets the
    ``WebCartLoaded`` (``on_fetched`` the ``WebCart`` in between)."""
    def fetched(cart: WebCart) -> None:
        if on_fetched is not None:
            on_fetched(cart)

        def done(loaded: WebCartLoaded) -> None:
            lanes.tell(SaleChanged(loaded.totals))
            if on_done is not None:
                on_done(loaded)
        lanes.register.run(lambda: till.load_web_cart(cart), done, on_error, label="load_web_cart")
    return lanes.network.run(lambda: till.fetch_web_cart(code), fetched, on_error,
                             label="fetch_web_cart")
