"""What a register's use cases are given: its configuration, its devices, the clock, a unit of
work and the register's state (``RegisterContext``), and the plumbing every flow shares inside
an open unit of work: the journal line, the saved sale, the open shift, the customer's display.

A use case is a function ``verb(ctx, ...)`` in one module per flow (``selling``, ``payments``,
``shifts`` ...). It opens ``ctx.uow`` once, changes ``ctx.state`` only when its transaction
commits, and returns what the screen shows.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pos.cart import CartTotals, DiscountPolicy
from pos.delivery import DeliveryRules
from pos.gtin import SWEDISH_LAYOUTS, VariableLayout
from pos.invoices import InvoiceRules
from pos.payment_methods import PaymentMethods
from pos.display import display_lines
from pos.ports import (CardTerminal, ControlUnit, CustomerDirectory, CustomerDisplay,
                       PaymentProvider, ReceiptPrinter)
from pos.promotions import PromotionBook
from pos.receipt_layout import StoreInfo
from pos.gift_cards import GiftCardRules
from pos.returns import ReturnRules
from pos.register import RegisterState
from pos.services.unit_of_work import UnitOfWork
from pos.shifts import ShiftError, ShiftInfo
from pos.sync.promotion_sync import load_promotion_context, load_promotions

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class TillConfig:
    register_id: str = "K1"
    store: StoreInfo = field(default_factory=StoreInfo)
    location_id: str = "store-gbg"
    discount_policy: DiscountPolicy = field(default_factory=DiscountPolicy)
    card_status_polls: int = 5
    card_status_interval: float = 0.5  # seconds between status questions after a lost answer
    # a payment the customer finishes on their phone (Swish): how often its status is asked
    # (a callback answers sooner) and how long the till waits before cancelling it (Swish
    # itself gives up after three minutes)
    mobile_status_interval: float = 1.0
    mobile_wait_seconds: float = 200.0
    thanks_text: str = "Tack för ditt köp!"  # the customer display's last words
    payment_methods: PaymentMethods = field(default_factory=PaymentMethods)
    # the store's in-store price and weight labels ([[barcodes.variable]] in pos.toml)
    barcodes: tuple[VariableLayout, ...] = SWEDISH_LAYOUTS
    cash_variance_limit: int | None = None  # öre the drawer may be off at Z without a manager
    delivery: DeliveryRules = field(default_factory=DeliveryRules)  # ship-to-home ([delivery])
    returns: ReturnRules = field(default_factory=ReturnRules)  # the return policy ([returns])
    invoice: InvoiceRules = field(default_factory=InvoiceRules)  # invoices ([invoice])
    gift_cards: GiftCardRules = field(default_factory=GiftCardRules)  # [gift_cards]
    origin: str = "till"  # what sells on this register: "till", or "kiosk" (an order station)


@dataclass(frozen=True)
class Devices:
    """The register's devices. ``terminal`` is its card terminal, the payment provider named
    "terminal"; ``providers`` are any others by name (a mobile payment, gift cards), as the
    payment methods name them. ``display`` is a device display (a serial pole display), driven
    from the worker; the till's own customer window follows the screen's changes instead."""

    printer: ReceiptPrinter
    terminal: CardTerminal
    control_unit: ControlUnit
    display: CustomerDisplay | None = None
    providers: Mapping[str, PaymentProvider] = field(default_factory=dict)

    def provider(self, name: str) -> PaymentProvider | None:
        """The payment provider a method names (None when the register has none by that name)."""
        if name in self.providers:
            return self.providers[name]
        return self.terminal if name == "terminal" else None


class RegisterContext:
    def __init__(self, uow: UnitOfWork, config: TillConfig, devices: Devices,
                 state: RegisterState | None = None, clock: Clock = datetime.now,
                 customers: CustomerDirectory | None = None) -> None:
        self.uow = uow
        self.config = config
        self.devices = devices
        self.clock = clock
        self.customers = customers  # the central store's customers (or the demo's)
        self.state = state or RegisterState(config.register_id, config.discount_policy)
        self.state.use_promotions(PromotionBook(clock=self.promotion_time))

    @property
    def register_id(self) -> str:
        return self.config.register_id

    def now(self) -> datetime:
        """Local wall-clock time to the second, as receipts and the journal show it."""
        return self.clock().replace(microsecond=0)

    def promotion_time(self) -> datetime:
        return self.state.promotion_time(self.clock)

    # --- inside an open unit of work -----------------------------------------------------------

    def journal(self, kind: str, payload: dict[str, Any], user: str | None = None) -> None:
        """A line in the register's journal, with who did it (the cashier unless ``user``)."""
        who = user if user is not None else (self.state.cashier.id if self.state.cashier else None)
        self.uow.journal.record(self.register_id, self.now(), kind, payload, who)

    def save_sale(self) -> None:
        """Keep the sale in progress and its payment as they are now."""
        cart, payment = self.state.saved()
        self.uow.carts.save_open(self.register_id, cart, payment, self.now())

    def require_shift(self) -> ShiftInfo:
        shift = self.uow.shifts.current(self.register_id)
        if shift is None:
            raise ShiftError("shift.open_first")
        return shift

    def count(self, counter: str) -> None:
        """One more on the open shift's counter (copies, drawer_openings ...), if one is open."""
        shift = self.uow.shifts.current(self.register_id)
        if shift is not None:
            self.uow.shifts.bump_counter(shift.id, counter)

    # --- promotions and the device display ---------------------------------------------------

    def reload_promotions(self) -> int:
        """Take the promotions the last sync stored; returns how many."""
        with self.uow:
            promotions = tuple(load_promotions(self.uow.sync_state))
            context = load_promotion_context(self.uow.sync_state)
        self.state.use_promotions(PromotionBook(promotions, context=context,
                                                clock=self.promotion_time))
        return len(promotions)

    def show(self, totals: CartTotals) -> CartTotals:
        """The sale on the device display (if there is one); never stops a sale."""
        display = self.devices.display
        if display is not None:
            try:
                display.show_cart(display_lines(totals), totals.total, totals.vat_total)
            except Exception:  # noqa: BLE001 - a customer display must never stop a sale
                pass
        return totals

    def on_display(self, call: Callable[[CustomerDisplay], Any]) -> None:
        """Anything else for the device display; its failures never reach the cashier."""
        if self.devices.display is not None:
            try:
                call(self.devices.display)
            except Exception:  # noqa: BLE001
                pass
