"""The till's use cases behind one facade: log in, open a shift, sell, pay, print, report.

Every method is synchronous and may touch the database or a device: the UI calls it from its
worker thread, never from the GUI thread. Methods that change the sale in progress save it before
they return, so a crash at any point loses nothing. Errors meant for the cashier are the domain's
own exceptions (see ``USER_ERRORS``); their ``str()`` is the message to show.
"""
from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from pos.cart import (ApprovalRequired, Cart, CartError, CartTotals, Discount, DiscountPolicy,
                      LineTotal)
from pos.catalog import UnknownCode, Variant
from pos.db import till_repositories as repo
from pos.db.catalog_repository import CatalogRepository
from pos.gtin import GtinError
from pos.journal import Kind
from pos.money import format_kronor
from pos.payments import Payment, PaymentError, Tender, TenderKind
from pos.commerce import CustomerRef
from pos.ports import (CardOutcome, CardRequest, CardResult, CardTerminal, CommerceUnavailable,
                       ControlRecord, ControlUnit, CustomerDirectory, CustomerDisplay, DisplayLine,
                       PrinterError, ReceiptPrinter)
from pos.promotions import PromotionBook
from pos.receipt import ReceiptDocument
from pos.receipt_layout import StoreInfo, report_document, sale_receipt
from pos.sales import Sale, check_balanced, sale_lines_from_cart
from pos.shifts import Report, ShiftError, ShiftInfo, build_report
from pos.staff import AuthError, StaffMember, verify_pin
from pos.sync.outbox import OutboxStatus
from pos.sync.outbox import status as outbox_status
from pos.sync.promotion_sync import load_promotion_context, load_promotions
from pos.sync.sale_events import enqueue_sale

USER_ERRORS: tuple[type[Exception], ...] = (CartError, PaymentError, AuthError, GtinError,
                                            UnknownCode, ShiftError, PrinterError)


class ScanNotForSale(CartError):
    """A scan that is valid but is not an article (a receipt, a web cart ...): the message says what."""

    def __init__(self, message: str, kind: str, value: str):
        super().__init__(message)
        self.kind = kind
        self.value = value


class CustomerSearchError(CartError):
    """Customers cannot be searched now (no central store, or it cannot be reached)."""


@dataclass(frozen=True)
class TillConfig:
    register_id: str = "K1"
    store: StoreInfo = field(default_factory=StoreInfo)
    location_id: str = "store-gbg"
    discount_policy: DiscountPolicy = field(default_factory=DiscountPolicy)
    card_status_polls: int = 5
    card_status_interval: float = 0.5
    thanks_text: str = "Tack för ditt köp!"  # the customer display's last words


@dataclass(frozen=True)
class Devices:
    printer: ReceiptPrinter
    terminal: CardTerminal
    control_unit: ControlUnit
    display: CustomerDisplay | None = None


@dataclass(frozen=True)
class PaymentView:
    total: int
    paid: int
    remaining: int
    cash_due: int
    rounding: int
    tenders: tuple[Tender, ...]
    change: int
    sale: Sale | None = None  # set when this payment completed the sale


@dataclass(frozen=True)
class PrintOutcome:
    ok: bool
    message: str = ""


@dataclass(frozen=True)
class ParkedInfo:
    id: int
    parked_at: datetime
    parked_by: str
    note: str
    total: int
    item_count: int


class Till:
    def __init__(self, session_factory: sessionmaker[Session], devices: Devices,
                 config: TillConfig | None = None,
                 clock: Callable[[], datetime] = datetime.now,
                 customers: CustomerDirectory | None = None) -> None:
        self._sf = session_factory
        self.devices = devices
        self.customers = customers  # the central store's customers (or the demo's)
        self.config = config or TillConfig()
        self._clock = clock
        self.user: StaffMember | None = None
        self._priced_at: datetime | None = None  # promotions' time, frozen while paying
        self._book = PromotionBook(clock=self._promotion_time)
        self.cart = self._new_cart()
        self.payment: Payment | None = None
        self.card_attempt_in_progress: str | None = None
        with self._tx() as s:
            repo.ensure_register(s, self.register_id)
            saved = repo.load_open_cart(s, self.register_id)
        self.reload_promotions()
        if saved:
            self.cart = self._new_cart(saved[0])
            self.payment = Payment.from_dict(saved[1]) if saved[1] else None
            if self.payment is not None:
                self._priced_at = self._promotion_time()

    # --- plumbing --------------------------------------------------------------------------------

    @property
    def register_id(self) -> str:
        return self.config.register_id

    def _tx(self) -> "_Tx":
        return _Tx(self._sf)

    def _now(self) -> datetime:
        return self._clock().replace(microsecond=0)

    def _new_cart(self, data: dict[str, Any] | None = None) -> Cart:
        if data is None:
            return Cart(policy=self.config.discount_policy, book=self._book)
        return Cart.from_dict(data, self.config.discount_policy, self._book)

    def _promotion_time(self) -> datetime:
        """Now in UTC (campaign dates are UTC), or the moment payment started: a campaign that
        ends while the customer pays does not change what they are paying."""
        if self.payment is not None and self._priced_at is not None:
            return self._priced_at
        return self._clock().astimezone(timezone.utc).replace(tzinfo=None)

    def reload_promotions(self) -> int:
        """Take the promotions the last sync stored (called at start and after every sale, so a
        sync running beside the till is picked up at the next customer); returns how many."""
        with self._tx() as s:
            promotions = tuple(load_promotions(s))
            context = load_promotion_context(s)
        self._book = PromotionBook(promotions, context=context, clock=self._promotion_time)
        self.cart.book = self._book
        return len(promotions)

    def reload_promotions_between_customers(self) -> bool:
        """After a background sync: take the new promotions now if nobody is being served (an
        empty sale); otherwise the customer at the till keeps what they were told and the new
        set comes after their sale. Returns whether they were taken now."""
        if not self.cart.is_empty or self.payment is not None:
            return False
        self.reload_promotions()
        return True

    def _journal(self, s: Session, kind: str, payload: dict[str, object]) -> None:
        payload = {"user": self.user.id if self.user else None, **payload}
        repo.journal_append(s, self.register_id, self._now().isoformat(), kind, payload)

    def _save_cart(self, s: Session) -> None:
        repo.save_open_cart(s, self.register_id, self.cart.to_dict(),
                            self.payment.to_dict() if self.payment else None, self._now())

    def _require_user(self) -> StaffMember:
        if self.user is None:
            raise AuthError("Log in first")
        return self.user

    def _require_shift(self, s: Session) -> ShiftInfo:
        shift = repo.current_shift(s, self.register_id)
        if shift is None:
            raise ShiftError("Open a shift first (F10)")
        return shift

    def _show_cart(self) -> None:
        if self.devices.display is None:
            return
        t = self.cart.totals()
        try:
            self.devices.display.show_cart(
                [DisplayLine(_display_name(lt), lt.line.quantity, lt.total) for lt in t.lines],
                t.total, t.vat_total)
        except Exception:  # a customer display must never stop a sale
            pass

    # --- staff -----------------------------------------------------------------------------------

    def staff(self) -> list[StaffMember]:
        with self._tx() as s:
            return repo.list_staff(s)

    def login(self, staff_id: str, pin: str) -> StaffMember:
        now = self._now()
        with self._tx() as s:
            found = repo.staff_with_hash(s, staff_id)
            if found is None:
                raise AuthError("Unknown user")
            member, pin_hash, state = found
            state.check(now)
            if not verify_pin(pin, pin_hash):
                state.failed(now)
                repo.save_login_state(s, staff_id, state)
                self._journal(s, Kind.LOGIN_FAILED, {"staff": staff_id})
                s.commit()
                if state.locked_until:
                    raise AuthError("Wrong PIN. Too many attempts: locked for 5 minutes")
                raise AuthError("Wrong PIN")
            state.succeeded()
            repo.save_login_state(s, staff_id, state)
            self.user = member
            self._journal(s, Kind.LOGIN, {"staff": staff_id})
        return member

    def logout(self) -> None:
        self.user = None

    def approve(self, pin: str) -> StaffMember:
        """A manager approves on the spot with their PIN (the current user if they are one)."""
        now = self._now()
        with self._tx() as s:
            for member, pin_hash, state in repo.managers_with_hash(s):
                if state.locked_until and now < state.locked_until:
                    continue
                if verify_pin(pin, pin_hash):
                    return member
            self._journal(s, Kind.LOGIN_FAILED, {"approval": True})
        raise AuthError("That is not a manager's PIN")

    def _approver(self, pin: str | None) -> str | None:
        user = self._require_user()
        if user.is_manager:
            return user.id
        return self.approve(pin).id if pin else None

    # --- shift -----------------------------------------------------------------------------------

    def current_shift(self) -> ShiftInfo | None:
        with self._tx() as s:
            return repo.current_shift(s, self.register_id)

    def open_shift(self, opening_float: int) -> ShiftInfo:
        user = self._require_user()
        if opening_float < 0:
            raise ShiftError("The float cannot be negative")
        with self._tx() as s:
            if repo.current_shift(s, self.register_id):
                raise ShiftError("A shift is already open on this register")
            shift = repo.create_shift(s, self.register_id, user.id, self._now(), opening_float)
            self._journal(s, Kind.SHIFT_OPEN, {"shift": shift.id, "float": opening_float})
            return shift

    def cash_movement(self, amount: int, reason: str) -> None:
        """Cash in (positive) or out (negative) of the drawer, with a reason; opens the drawer."""
        user = self._require_user()
        if amount == 0:
            raise ShiftError("Enter an amount")
        if not reason.strip():
            raise ShiftError("Give a reason for the cash movement")
        with self._tx() as s:
            shift = self._require_shift(s)
            repo.add_movement(s, shift.id, amount, reason.strip(), user.id, self._now())
            self._journal(s, Kind.CASH_IN if amount > 0 else Kind.CASH_OUT,
                          {"shift": shift.id, "amount": amount, "reason": reason.strip()})
        self._kick_drawer(f"cash {'in' if amount > 0 else 'out'}")

    def x_report(self) -> tuple[Report, ReceiptDocument]:
        self._require_user()
        with self._tx() as s:
            shift = self._require_shift(s)
            report = self._report(s, "X", shift)
            self._journal(s, Kind.X_REPORT, _report_payload(report))
        return report, report_document(report, self.config.store)

    def close_shift(self, counted_cash: int) -> tuple[Report, ReceiptDocument]:
        """Z report: closes the shift and the day, with the counted cash and its variance."""
        user = self._require_user()
        if counted_cash < 0:
            raise ShiftError("Counted cash cannot be negative")
        if not self.cart.is_empty:
            raise ShiftError("Finish or void the sale in progress before closing")
        with self._tx() as s:
            shift = self._require_shift(s)
            reg = repo.lock_register(s, self.register_id)
            reg.z_count += 1
            report = self._report(s, "Z", shift, z_number=reg.z_count, counted=counted_cash)
            row = repo.open_shift_row(s, self.register_id)
            assert row is not None
            row.closed_at, row.closed_by = self._now(), user.id
            row.counted_cash, row.z_number = counted_cash, reg.z_count
            self._journal(s, Kind.Z_REPORT, _report_payload(report))
        return report, report_document(report, self.config.store)

    def _report(self, s: Session, kind: str, shift: ShiftInfo, z_number: int | None = None,
                counted: int | None = None) -> Report:
        sales = repo.sales_of_shift(s, shift.id)
        reg = s.get(repo.RegisterRow, self.register_id)
        assert reg is not None
        before = reg.grand_total - sum(x.total for x in sales)
        return build_report(kind, shift, sales, repo.movements(s, shift.id),
                            repo.shift_counters(s, shift.id), before, self._now(),
                            z_number=z_number, counted_cash=counted)

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
        self._show_cart()
        return self.cart.totals()

    def scan(self, payload: str) -> CartTotals:
        """Whatever the scanner read: an article is added, a promotion code (a coupon) is taken;
        anything else raises with a message.

        A receipt, web cart, order, customer card or invoice reference raises ``ScanNotForSale``
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
        self._show_cart()
        return self.cart.totals()

    # --- payment ---------------------------------------------------------------------------------

    def payment_view(self, sale: Sale | None = None) -> PaymentView:
        """The payment in progress, or, given the ``sale`` it completed, that sale's payment."""
        if sale is not None:
            return PaymentView(sale.total, sale.paid, 0, 0, sale.rounding, sale.tenders,
                               sale.change, sale)
        p = self.payment or Payment(self.cart.totals().total)
        return PaymentView(p.total, p.paid, p.remaining, p.cash_due, p.rounding,
                           tuple(p.tenders), p.change, sale)

    def start_payment(self) -> PaymentView:
        self._require_user()
        with self._tx() as s:
            self._require_shift(s)
        if self.cart.is_empty:
            raise PaymentError("The sale is empty")
        if self.payment is None:
            self._priced_at = self._promotion_time()
            self.payment = Payment(self.cart.totals().total)
            with self._tx() as s:
                self._save_cart(s)
        return self.payment_view()

    def cancel_payment(self) -> CartTotals:
        """Back to the sale. Only before any tender is taken (cash is given back by hand)."""
        if self.payment and self.payment.tenders:
            raise PaymentError("Tenders are already taken: complete the payment")
        self.payment = None
        self._priced_at = None
        with self._tx() as s:
            self._save_cart(s)
        return self.cart.totals()

    def pay_cash(self, received: int) -> PaymentView:
        payment = self._open_payment()
        payment.add_cash(received)
        return self._after_tender()

    def pay_card(self, amount: int | None = None) -> PaymentView:
        """Charge a card for ``amount`` (default: all that is left). Blocks on the terminal.

        The attempt is stored before the terminal is asked; a lost answer is resolved by asking
        the terminal for the transaction's status, so a card is never charged twice.
        """
        payment = self._open_payment()
        amount = payment.remaining if amount is None else amount
        payment.check_card_amount(amount)
        attempt_id = f"{self.register_id}-{uuid.uuid4().hex[:16]}"
        with self._tx() as s:
            repo.add_attempt(s, attempt_id, self.register_id, "purchase", amount, self._now())
        self.card_attempt_in_progress = attempt_id
        try:
            result = self.devices.terminal.purchase(
                CardRequest(attempt_id, amount, sale_ref=f"{self.register_id}"))
            if result.outcome is CardOutcome.UNKNOWN:
                result = self._poll_status(attempt_id)
        finally:
            self.card_attempt_in_progress = None
        return self._apply_card_result(attempt_id, amount, result)

    def refund_card_tender(self, attempt_id: str) -> PaymentView:
        """Give back a card payment taken for the sale in progress (the customer changed their
        mind, or wants to pay otherwise): refunded on the terminal first, then taken off the
        payment, so the sale can be paid another way, changed or voided. Journaled."""
        payment = self.payment
        tender = next((t for t in (payment.tenders if payment else [])
                       if t.kind is TenderKind.CARD and t.attempt_id == attempt_id), None)
        if payment is None or tender is None:
            raise PaymentError("There is no such card payment on this sale")
        refund_id = f"{self.register_id}-r{uuid.uuid4().hex[:15]}"
        with self._tx() as s:
            repo.add_attempt(s, refund_id, self.register_id, "refund", tender.amount, self._now())
        result = self.devices.terminal.refund(
            CardRequest(refund_id, tender.amount, sale_ref=tender.terminal_ref))
        if result.outcome is CardOutcome.UNKNOWN:
            result = self._poll_status(refund_id)
        record = {"outcome": result.outcome.value, "refunds": attempt_id,
                  "terminal_ref": result.terminal_ref, "message": result.message}
        with self._tx() as s:
            repo.update_attempt(s, refund_id, result.outcome.value, record, self._now(),
                                used=result.approved)
            if result.approved:
                payment.tenders.remove(tender)
                self._save_cart(s)
                self._journal(s, Kind.CARD_REFUND, {"attempt": attempt_id, "refund": refund_id,
                                                    "amount": tender.amount})
        if not result.approved:
            raise PaymentError(f"The card payment was not given back ({result.outcome.value}"
                               f"{': ' + result.message if result.message else ''}); it still "
                               "counts for this sale")
        return self.payment_view()

    def cancel_card(self) -> bool:
        """Ask the terminal to stop the card payment now running (safe from any thread).

        The running ``pay_card`` then gets the terminal's answer (cancelled, or approved if the
        customer was faster) and records it as usual. Returns False when none is running."""
        attempt_id = self.card_attempt_in_progress
        if attempt_id is None:
            return False
        self.devices.terminal.abort(attempt_id)
        return True

    def resolve_card_attempts(self) -> list[str]:
        """After a crash or a lost answer: ask the terminal about every unresolved attempt.

        An approved one is applied to the open payment (once); messages say what happened.
        """
        messages: list[str] = []
        with self._tx() as s:
            pending = [(a.id, a.amount) for a in repo.unresolved_attempts(s, self.register_id)]
        for attempt_id, amount in pending:
            result = self.devices.terminal.transaction_status(attempt_id)
            try:
                self._apply_card_result(attempt_id, amount, result)
                messages.append(f"Card payment {attempt_id}: {result.outcome.value}")
            except PaymentError as e:
                messages.append(str(e))
        return messages

    def _poll_status(self, attempt_id: str) -> CardResult:
        result = CardResult(CardOutcome.UNKNOWN, attempt_id)
        for _ in range(self.config.card_status_polls):
            result = self.devices.terminal.transaction_status(attempt_id)
            if result.outcome is not CardOutcome.UNKNOWN:
                break
            time.sleep(self.config.card_status_interval)
        return result

    def _apply_card_result(self, attempt_id: str, amount: int, result: CardResult) -> PaymentView:
        now = self._now()
        record = {"outcome": result.outcome.value, "auth_code": result.auth_code,
                  "terminal_ref": result.terminal_ref, "message": result.message}
        if result.outcome is CardOutcome.APPROVED:
            payment = self.payment
            with self._tx() as s:
                row = repo.attempt(s, attempt_id)
                if row is not None and row.used:
                    return self.payment_view()
                if payment is None or any(t.attempt_id == attempt_id for t in payment.tenders):
                    repo.update_attempt(s, attempt_id, "approved", record, now,
                                        used=payment is not None)
                    if payment is None:
                        raise PaymentError(f"An approved card payment of {amount} öre has no open "
                                           f"sale: refund it (ref {result.terminal_ref})")
                    return self.payment_view()
                payment.add_card(Tender(
                    TenderKind.CARD, amount, attempt_id=attempt_id, auth_code=result.auth_code,
                    masked_pan=result.masked_pan, brand=result.brand,
                    terminal_ref=result.terminal_ref, receipt_lines=result.receipt_lines))
                repo.update_attempt(s, attempt_id, "approved", record, now, used=True)
                self._save_cart(s)
            return self._after_tender()
        status = "unknown" if result.outcome is CardOutcome.UNKNOWN else result.outcome.value
        with self._tx() as s:
            repo.update_attempt(s, attempt_id, status, record, now)
        if result.outcome is CardOutcome.UNKNOWN:
            raise PaymentError("The terminal did not answer. Nothing is lost: ask it again with "
                               "'Check card payment' before taking another payment")
        reason = {CardOutcome.DECLINED: "Card declined", CardOutcome.CANCELLED: "Cancelled",
                  CardOutcome.BUSY: "The terminal is busy",
                  CardOutcome.NOT_FOUND: "The terminal never received the payment"}[result.outcome]
        raise PaymentError(f"{reason}{': ' + result.message if result.message else ''}")

    def _open_payment(self) -> Payment:
        self._require_user()
        if self.payment is None:
            self.start_payment()
        assert self.payment is not None
        return self.payment

    def _after_tender(self) -> PaymentView:
        assert self.payment is not None
        self.payment.close_with_rounding_only()
        if self.payment.complete:
            sale = self._complete()
            return self.payment_view(sale)
        with self._tx() as s:
            self._save_cart(s)
        if self.devices.display is not None:
            try:
                self.devices.display.show_payment(self.payment.total, self.payment.paid, 0)
            except Exception:
                pass
        return self.payment_view()

    def _complete(self) -> Sale:
        """Number, sign, store and journal the sale in one transaction, then clear the cart."""
        user = self._require_user()
        payment = self.payment
        assert payment is not None
        lines = sale_lines_from_cart(self.cart)
        check_balanced(lines, payment)
        totals = self.cart.totals()
        now = self._now()
        with self._tx() as s:
            shift = self._require_shift(s)
            reg = repo.lock_register(s, self.register_id)
            receipt_no = reg.next_receipt_no
            code = self.devices.control_unit.sign(ControlRecord(
                self.register_id, receipt_no, now.isoformat(), "normal", totals.total,
                tuple((v.rate.value, v.vat) for v in totals.vat)))
            sale = Sale(id=str(uuid.uuid4()), register_id=self.register_id, receipt_no=receipt_no,
                        shift_id=shift.id, cashier_id=user.id, cashier_name=user.name,
                        completed_at=now, lines=lines, tenders=tuple(payment.tenders),
                        total=totals.total, discount=totals.discount, rounding=payment.rounding,
                        control_code=code, customer_id=self.cart.customer_id,
                        customer_name=self.cart.customer.label if self.cart.customer else "")
            repo.add_sale(s, sale)
            # The central store learns of the sale through the outbox, in this same transaction:
            # stored sale and queued order exist together or not at all.
            enqueue_sale(s, sale, self.config.location_id,
                         customer_email=(self.cart.customer.email or None) if self.cart.customer else None)
            reg.next_receipt_no = receipt_no + 1
            reg.grand_total += sale.total
            self._journal(s, Kind.SALE, _sale_payload(sale))
            self.cart = self._new_cart()
            self.payment = None
            self._save_cart(s)
        if self.devices.display is not None:
            try:
                self.devices.display.show_thanks(self.config.thanks_text,
                                                 self.config.store.receipt_url + sale.id)
            except Exception:
                pass
        try:
            self.reload_promotions()
        except Exception:  # noqa: BLE001 - the sale is stored; the old promotions stay in force
            pass
        return sale

    # --- receipts, printer and drawer ------------------------------------------------------------

    def receipt(self, sale: Sale, copy: bool = False) -> ReceiptDocument:
        has_cash = any(t.kind is TenderKind.CASH for t in sale.tenders)
        return sale_receipt(sale, self.config.store, self.devices.control_unit.serial, copy=copy,
                            open_drawer=has_cash and not copy)

    def print_sale(self, sale_id: str, copy: bool = False) -> PrintOutcome:
        """Print (or reprint, marked KOPIA) a stored sale. A failure never touches the sale."""
        with self._tx() as s:
            sale = repo.get_sale(s, sale_id)
        if sale is None:
            return PrintOutcome(False, "No such sale")
        doc = self.receipt(sale, copy=copy)
        try:
            self.devices.printer.print_document(doc)
        except PrinterError as e:
            if doc.open_drawer:
                self._kick_drawer("sale (printer failed)", sale.receipt_no)
            return PrintOutcome(False, f"Receipt {sale.receipt_no} not printed: {e}. "
                                       "The sale is saved; reprint it when the printer is back")
        with self._tx() as s:
            repo.mark_printed(s, sale.id)
            if copy:
                shift = repo.current_shift(s, self.register_id)
                if shift:
                    repo.bump_counter(s, shift.id, "copies")
                self._journal(s, Kind.COPY, {"receipt_no": sale.receipt_no})
            if doc.open_drawer:
                self._journal_drawer(s, "sale", sale.receipt_no)
        return PrintOutcome(True)

    def print_document(self, doc: ReceiptDocument) -> PrintOutcome:
        try:
            self.devices.printer.print_document(doc)
        except PrinterError as e:
            return PrintOutcome(False, f"Not printed: {e}")
        return PrintOutcome(True)

    def outbox_status(self) -> OutboxStatus:
        """How the delivery of sales to the central store stands (for the status bar)."""
        with self._tx() as s:
            return outbox_status(s)

    def unprinted_sales(self) -> list[str]:
        with self._tx() as s:
            return repo.unprinted_sales(s, self.register_id)

    def recent_sales(self, limit: int = 50) -> list[Sale]:
        with self._tx() as s:
            return repo.recent_sales(s, self.register_id, limit)

    def sale_by_receipt(self, receipt_no: int) -> Sale | None:
        with self._tx() as s:
            return repo.sale_by_receipt(s, self.register_id, receipt_no)

    def open_drawer_no_sale(self, reason: str, approver_pin: str | None = None) -> None:
        """"No sale": opens the drawer with a manager's approval and a reason (journaled)."""
        approver = self._approver(approver_pin)
        if approver is None:
            raise ApprovalRequired("Opening the drawer without a sale needs a manager", "no_sale")
        if not reason.strip():
            raise ShiftError("Give a reason for opening the drawer")
        self._kick_drawer(f"no sale: {reason.strip()} (approved by {approver})")

    def _kick_drawer(self, reason: str, receipt_no: int | None = None) -> None:
        try:
            self.devices.printer.open_drawer()
        finally:
            with self._tx() as s:
                self._journal_drawer(s, reason, receipt_no)

    def _journal_drawer(self, s: Session, reason: str, receipt_no: int | None) -> None:
        shift = repo.current_shift(s, self.register_id)
        if shift:
            repo.bump_counter(s, shift.id, "drawer_openings")
        self._journal(s, Kind.DRAWER_OPEN, {"reason": reason, "receipt_no": receipt_no})


class _Tx:
    """A session that commits on success and rolls back on any error."""

    def __init__(self, factory: sessionmaker[Session]):
        self._factory = factory

    def __enter__(self) -> Session:
        self.session = self._factory()
        return self.session

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            if exc_type is None:
                self.session.commit()
            else:
                self.session.rollback()
        finally:
            self.session.close()


def _sale_payload(sale: Sale) -> dict[str, object]:
    return {"sale_id": sale.id, "receipt_no": sale.receipt_no, "shift": sale.shift_id,
            "total": sale.total, "discount": sale.discount, "rounding": sale.rounding,
            "control_code": sale.control_code,
            "vat": [[v.rate.value, v.gross, v.vat] for v in sale.vat],
            "lines": [line.to_dict() for line in sale.lines],
            "tenders": [[t.kind.value, t.amount] for t in sale.tenders]}


def _display_name(lt: LineTotal) -> str:
    """The line as the customer display shows it: a campaign's saving is named (Swedish: the
    customer's side of the counter, as the receipt)."""
    if not lt.promotions:
        return lt.line.variant.name
    return f"{lt.line.variant.name} (kampanj -{format_kronor(lt.promotion_discount)})"


def _report_payload(r: Report) -> dict[str, object]:
    return {"kind": r.kind, "shift": r.shift_id, "z_number": r.z_number,
            "gross_sales": r.gross_sales, "sales_count": r.sales_count,
            "vat": [[v.rate.value, v.gross, v.vat] for v in r.vat], "tenders": list(r.tenders),
            "expected_cash": r.expected_cash, "counted_cash": r.counted_cash,
            "variance": r.variance, "grand_total": r.grand_total,
            "discounts": r.discounts_total, "promotions": dict(r.promotions)}
