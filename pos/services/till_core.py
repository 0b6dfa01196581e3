"""The core of the till facade: construction, the database and clock plumbing, the promotions in
force, the customer display, and staff (log in, manager approval). ``Till`` is this plus the
mixins for shifts, payments and receipts (``pos.services.till``)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from pos.cart import Cart, CartTotals
from pos.db import till_repositories as repo
from pos.journal import Kind
from pos.payments import Payment
from pos.ports import CustomerDirectory, DisplayLine
from pos.promotions import PromotionBook
from pos.services.till_types import Devices, TillConfig
from pos.shifts import ShiftError, ShiftInfo
from pos.staff import AuthError, StaffMember, verify_pin
from pos.sync.promotion_sync import load_promotion_context, load_promotions


class TillCore:
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

    def _show_cart(self) -> CartTotals:
        """The sale's totals, also shown on the customer display; returned so a change works them
        out once (promotions make that more than a sum)."""
        t = self.cart.totals()
        if self.devices.display is None:
            return t
        try:
            self.devices.display.show_cart(
                [DisplayLine(lt.line.variant.name, lt.line.quantity, lt.total,
                             lt.promotion_discount) for lt in t.lines],
                t.total, t.vat_total)
        except Exception:  # a customer display must never stop a sale
            pass
        return t

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

    # --- the drawer (opened on cash sales, cash movements and no-sale) ------------------------

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
