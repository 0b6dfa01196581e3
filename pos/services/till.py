"""The till's use cases behind one facade: log in, open a shift, sell, pay, print, report.

Every method is synchronous and may touch the database or a device: the UI calls it from its
worker thread, never from the GUI thread. Methods that change the sale in progress save it before
they return, so a crash at any point loses nothing. Errors meant for the cashier are the domain's
own exceptions (see ``USER_ERRORS``); their ``str()`` is the message to show.

``Till`` is put together from one file per concern: ``till_core`` (construction, database and
clock plumbing, promotions in force, staff, the drawer), ``till_shifts`` (float, cash in/out, X
and Z), ``till_payments`` (cash, card, completing the sale), ``till_receipts`` (printing,
reprints, no-sale) and this file (catalogue, the sale in progress, its customer and codes,
parking); ``till_types`` holds what they share.
"""
from __future__ import annotations

from collections.abc import Callable

from pos.cart import ApprovalRequired, CartError, CartTotals, Discount
from pos.catalog import UnknownCode, Variant
from pos.commerce import CustomerRef
from pos.db import sync_repositories as sync_repo
from pos.db import till_repositories as repo
from pos.db.catalog_repository import CatalogRepository
from pos.gtin import GtinError
from pos.journal import Kind
from pos.payments import PaymentError, TenderKind
from pos.ports import CommerceUnavailable
from pos.services.till_payments import PaymentsMixin
from pos.services.till_receipts import ReceiptsMixin
from pos.services.till_shifts import ShiftsMixin
from pos.services.till_types import (USER_ERRORS, CustomerSearchError, Devices, ParkedInfo,
                                     PaymentView, PrintOutcome, ScanNotForSale, TillConfig)

__all__ = ["USER_ERRORS", "CustomerSearchError", "Devices", "ParkedInfo", "PaymentView",
           "PrintOutcome", "ScanNotForSale", "Till", "TillConfig"]


class Till(PaymentsMixin, ShiftsMixin, ReceiptsMixin):
    """The till facade: what a cashier does, one synchronous call each (see the module's doc)."""

    # --- catalogue -------------------------------------------------------------------------------

    def lookup(self, code: str) -> Variant:
        """An article by EAN or SKU; raises GtinError for a bad check digit, UnknownCode if absent."""
        from pos.gtin import looks_like_gtin, parse_gtin
        code = code.strip()
        if looks_like_gtin(code):
            parse_gtin(code)
        with self._tx() as s:
            variant = CatalogRepository(s).by_code(code)
        if variant is None:
            raise UnknownCode(code)
        return variant

    def search(self, text: str, limit: int = 20) -> list[Variant]:
        if not text.strip():
            return []
        with self._tx() as s:
            return CatalogRepository(s).search(text, limit)

    # --- the sale in progress --------------------------------------------------------------------

    def totals(self) -> CartTotals:
        return self.cart.totals()

    def _change(self, fn: Callable[[], object], journal: tuple[str, dict[str, object]] | None = None,
                counter: str | None = None) -> CartTotals:
        """Apply one change to the cart and save it, with its journal entry and shift counter in
        the same transaction; on any error the cart is as it was and nothing is counted."""
        self._require_user()
        if self.payment and self.payment.tenders:
            raise CartError("Payment has started: finish or cancel it before changing the sale")
        before = self.cart.to_dict()
        try:
            with self._tx() as s:
                shift = self._require_shift(s)
                fn()
                self.payment = None
                self._save_cart(s)
                if journal:
                    self._journal(s, journal[0], journal[1])
                if counter:
                    repo.bump_counter(s, shift.id, counter)
        except BaseException:
            self.cart = self._new_cart(before)
            raise
        return self._show_cart()

    def scan(self, payload: str) -> CartTotals:
        """Whatever the scanner read: an article is added, a promotion code (a coupon) is taken;
        anything else raises with a message.

        A customer card puts its customer on the sale (``customer_card``). A receipt, web cart,
        order or invoice reference raises ``ScanNotForSale``
        naming its kind and value, so the screen can offer what fits (reprint, load cart ...).
        """
        from pos.scan_router import ScanKind, classify
        scan = classify(payload)
        if scan.kind is ScanKind.GTIN:
            return self.add(self.lookup(scan.value))
        if scan.kind is ScanKind.SKU_OR_TEXT:
            try:
                return self.add(self.lookup(scan.value))
            except UnknownCode:
                # A coupon (a promotion code as a barcode or typed): not an article, but a code
                # the central store gives out.
                if self._book.is_code(scan.value):
                    return self.add_promo_code(scan.value)
                raise
        if scan.kind is ScanKind.CUSTOMER_CARD:
            return self.customer_card(scan.value)
        if scan.kind in (ScanKind.INVALID_GTIN, ScanKind.INVALID_REFERENCE):
            raise GtinError(scan.message)
        if scan.kind is ScanKind.UNKNOWN:
            raise UnknownCode(scan.value or payload.strip()[:40])
        raise ScanNotForSale(scan.message or f"{scan.kind.value}: {scan.value}", scan.kind.value,
                             scan.value)

    def add(self, variant: Variant, quantity: int = 1) -> CartTotals:
        return self._change(lambda: self.cart.add(variant, quantity))

    def add_by_id(self, variant_id: str, quantity: int = 1) -> CartTotals:
        with self._tx() as s:
            variant = CatalogRepository(s).by_id(variant_id)
        if variant is None:
            raise UnknownCode(variant_id)
        return self.add(variant, quantity)

    def set_quantity(self, line_id: int, quantity: int) -> CartTotals:
        return self._change(lambda: self.cart.set_quantity(line_id, quantity))

    def remove_line(self, line_id: int) -> CartTotals:
        line = self.cart.line(line_id)
        return self._change(lambda: self.cart.remove(line_id),
                            (Kind.VOID_LINE, {"sku": line.variant.sku, "name": line.variant.name,
                                              "quantity": line.quantity,
                                              "amount": line.gross}), counter="voids")

    def discount_line(self, line_id: int, discount: Discount,
                      approver_pin: str | None = None) -> CartTotals:
        return self._discount(lambda d: self.cart.discount_line(line_id, d), discount,
                              approver_pin, {"line": line_id})

    def discount_cart(self, discount: Discount | None,
                      approver_pin: str | None = None) -> CartTotals:
        if discount is None:
            return self._change(lambda: self.cart.discount_cart(None))
        return self._discount(self.cart.discount_cart, discount, approver_pin, {"line": None})

    # --- the customer ----------------------------------------------------------------------------

    def find_customers(self, query: str, limit: int = 20) -> list[CustomerRef]:
        """Customers of the central store by phone (070... finds +4670...), e-mail or name.
        A network call: run it off the UI thread. ``CustomerSearchError`` when it cannot be done;
        the sale goes on without a customer."""
        self._require_user()
        if not query.strip():
            return []
        if self.customers is None:
            raise CustomerSearchError("No central store is set up: customers cannot be searched")
        try:
            return self.customers.find_customers(query.strip(), limit)
        except CommerceUnavailable as e:
            raise CustomerSearchError(
                "The central store cannot be reached, so customers cannot be searched now. "
                "Sell without one") from e
        except Exception as e:  # noqa: BLE001 - a refused or unreadable answer: the sale goes on
            raise CustomerSearchError(f"The customer search failed: {e}") from e

    def customer_card(self, number: str) -> CartTotals:
        """The customer whose loyalty card was scanned goes on the sale (their promotions apply).
        A network call: run it off the UI thread. Every card read is remembered in the store's
        database, so while the central store cannot be reached a card read here before still
        finds its customer (as they were then). ``CustomerSearchError`` says why not (no such
        card, the central store unreachable and the card new here); the sale goes on as it was."""
        self._require_user()
        if self.customers is None:
            raise CustomerSearchError("No central store is set up: customer cards cannot be read")
        try:
            found = self.customers.customer_by_card(number)
        except CommerceUnavailable as e:
            with self._tx() as s:
                known = sync_repo.card_customer(s, number)
            if known is None:
                raise CustomerSearchError(
                    f"The central store cannot be reached, so customer card {number} cannot be "
                    "read now. Sell without it") from e
            return self.set_customer(CustomerRef.from_dict(known[0]))
        except Exception as e:  # noqa: BLE001 - a refused or unreadable answer: the sale goes on
            raise CustomerSearchError(f"The customer search failed: {e}") from e
        if found is None:
            raise CustomerSearchError(f"No customer has card {number}")
        with self._tx() as s:
            sync_repo.remember_card(s, number, found.to_dict(), self._now())
        return self.set_customer(found)

    def set_customer(self, customer: CustomerRef | None) -> CartTotals:
        """Who is buying (None: nobody): the order is theirs, their promotions apply."""
        return self._change(lambda: self.cart.set_customer(customer))

    def add_promo_code(self, code: str) -> CartTotals:
        """A promotion code the customer gives; ``CartError`` says why one is refused."""
        return self._change(lambda: self.cart.add_promo_code(code))

    def remove_promo_code(self, code: str) -> CartTotals:
        return self._change(lambda: self.cart.remove_promo_code(code))

    def _discount(self, apply: Callable[[Discount], object], discount: Discount,
                  approver_pin: str | None, info: dict[str, object]) -> CartTotals:
        try:
            return self._change(lambda: apply(discount))
        except ApprovalRequired:
            approver = self._approver(approver_pin)
            if approver is None:
                raise
            approved = Discount(discount.percent, discount.amount, discount.reason, approver)
            payload = {**info, "approved_by": approver, "percent": str(discount.percent),
                       "amount": discount.amount, "reason": discount.reason}
            return self._change(lambda: apply(approved), (Kind.DISCOUNT_APPROVED, payload))

    def override_price(self, line_id: int, new_price: int,
                       approver_pin: str | None = None) -> CartTotals:
        approver = self._approver(approver_pin)
        if approver is None:
            raise ApprovalRequired("A price change needs a manager", "price_override")
        line = self.cart.line(line_id)
        return self._change(
            lambda: self.cart.override_price(line_id, new_price, approver),
            (Kind.PRICE_OVERRIDE, {"sku": line.variant.sku, "from": line.unit_price,
                                   "to": new_price, "approved_by": approver}),
            counter="price_overrides")

    def void_sale(self) -> CartTotals:
        """Throw away the sale in progress (journaled). Not allowed once a card has paid."""
        if self.payment and any(t.kind is TenderKind.CARD for t in self.payment.tenders):
            raise PaymentError("A card has already paid part of this sale: refund it first")
        totals = self.cart.totals()
        self.payment = None
        return self._change(self.cart.clear, (Kind.VOID_SALE, {"total": totals.total,
                                                               "items": totals.item_count}),
                            counter="voids")

    def park(self, note: str = "") -> int:
        user = self._require_user()
        if self.cart.is_empty:
            raise CartError("Nothing to park")
        if self.payment and self.payment.tenders:
            raise CartError("Payment has started: finish or cancel it first")
        t = self.cart.totals()
        with self._tx() as s:
            pid = repo.park(s, self.register_id, user.id, self._now(), note, t.total,
                            t.item_count, self.cart.to_dict())
            self._journal(s, Kind.PARK, {"parked": pid, "total": t.total})
            self.cart.clear()
            self.payment = None
            self._save_cart(s)
        self._show_cart()
        return pid

    def parked(self) -> list[ParkedInfo]:
        with self._tx() as s:
            names = {m.id: m.name for m in repo.list_staff(s)}
            return [ParkedInfo(r.id, r.parked_at, names.get(r.parked_by, r.parked_by), r.note,
                               r.total, r.item_count)
                    for r in repo.parked(s, self.register_id)]

    def resume(self, parked_id: int) -> CartTotals:
        self._require_user()
        if not self.cart.is_empty:
            raise CartError("Finish or park the sale in progress first")
        with self._tx() as s:
            data = repo.take_parked(s, parked_id)
            if data is None:
                raise CartError("That parked sale is gone (resumed on another till?)")
            self.cart = self._new_cart(data)
            self.payment = None
            self._save_cart(s)
        return self._show_cart()

