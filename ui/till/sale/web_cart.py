"""Web carts on the sale page: a web cart's QR code scanned (or its code typed in the scan field)
is fetched on the network lane and loaded into the sale; a banner of its own says which web cart
the sale continues, and that the web cart's prices apply."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from pos.cart import CartTotals
from pos.money import format_kronor
from pos.services.web_carts import WebCartLoaded, cart_id_of
from ui.lanes import SaleChanged, SaleCompleted
from ui.till import web_cart_ops
from ui.till.sale.base import Flow
from ui.widgets.style import set_level


class WebCartBanner(QLabel):
    """"Continues web cart cart_01…" above the sale's lines while the sale continues one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("webCartBanner")
        self.setProperty("role", "message")
        self.setWordWrap(True)
        set_level(self, "ok")
        self.hide()

    def show_totals(self, totals: CartTotals | None) -> None:
        link = totals.web_cart if totals else None
        if link is None:
            self.hide()
            return
        text = self.tr("Continues web cart %1").replace("%1", link.id)
        differ = [lt for lt in totals.lines if lt.line.from_web
                  and lt.line.unit_price != lt.line.variant.price]
        if differ:
            text += " · " + self.tr("the web cart's prices apply")
        self.setText(text)
        self.show()

    def fetching_text(self, cart_id: str) -> str:
        return self.tr("Fetching web cart %1 from the central store…").replace("%1", cart_id)

    def loaded_text(self, loaded: WebCartLoaded) -> str:
        link = loaded.totals.web_cart
        n = sum(lt.line.quantity for lt in loaded.totals.lines if lt.line.from_web)
        text = self.tr("Web cart %1 loaded: %n article(s), %2 kr.", "", n).replace(
            "%1", link.id if link else "").replace("%2", format_kronor(loaded.web_total))
        for d in loaded.price_differences:
            text += " " + self.tr("%1: the web cart's price %2 kr applies (the till's is %3 kr).") \
                .replace("%1", d.name).replace("%2", format_kronor(d.web_price)) \
                .replace("%3", format_kronor(d.till_price))
        if not loaded.total_matches:
            text += " " + self.tr("The web shop's total was %1 kr: check the sale with the "
                                  "customer.").replace("%1", format_kronor(loaded.central_total))
        return text


class WebCartFlow(Flow):
    """The sale page's web cart helper; ``banner`` is placed by the page."""

    def __init__(self, page, lanes, till) -> None:  # type: ignore[no-untyped-def]
        super().__init__(page, lanes, till)
        self.banner = WebCartBanner(page)
        lanes.changed.connect(self._changed)

    def load(self, code: str) -> None:
        """The web cart ``code`` names (a QR code's URL or ``cart_…``), into the sale."""
        self.page.show_message(self.banner.fetching_text(cart_id_of(code)), "info")
        web_cart_ops.load_web_cart(self.lanes, self.till, code, on_done=self.loaded,
                                   on_error=self.page.show_error)

    def loaded(self, loaded: WebCartLoaded) -> None:
        self.page.show_message(self.banner.loaded_text(loaded),
                               "ok" if loaded.total_matches else "error")

    def _changed(self, change: object) -> None:
        if isinstance(change, SaleChanged):
            self.banner.show_totals(change.totals)
        elif isinstance(change, SaleCompleted):
            self.banner.show_totals(None)
