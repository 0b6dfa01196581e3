"""The till: one register's use cases behind one thin facade, for the till's screen, the
command line and the tests.

``Till`` holds the register's context (its unit of work, configuration, devices, clock and
state) and delegates each call to the flow that owns it: ``selling``, ``customers``,
``parking``, ``payments`` (and ``sale_completion``), ``shifts``, ``staff``, ``drawer``, and the
printer's ``ReceiptDesk``. It adds no rules of its own.

Every call is synchronous and may touch the database or a device: a screen calls it from a
worker lane, never from the GUI thread. The register's calls run on one lane; printing and the
drawer (``desk``) on the printer's lane; searches in the central store (``network``) on a lane
of their own. Each lane has its own unit of work. Errors meant for a person are
``pos.errors.UserError``; their ``code`` says which message to show.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session, sessionmaker

from pos.cart import Cart, CartTotals, Discount
from pos.cash_count import CashCount
from pos.catalog import Variant
from pos.commerce import CustomerRef
from pos.db.unit_of_work import SqlUnitOfWork
from pos.payments import Payment, PaymentError
from pos.commerce import WebCart
from pos.delivery import Delivery, DeliveryAddress, DeliveryChoice
from pos.pickups import PickupError, PickupOrder
from pos.returns import Purchase, RefundPlan, ReturnReason
from pos.gift_cards import Balance
from pos.ports import (CentralInvoices, CustomerAddresses, CustomerDirectory, CustomerNotifier,
                       PickupOrders, PurchaseRecords, StockDirectory, StoredValue, WebCarts)
from pos.queries import outbox as outbox_queries
from pos.queries import sales as sale_queries
from pos.receipt import ReceiptDocument
from pos.sales import Sale
from pos.services import (catalog, customers, drawer, parking, payments, pickups, returns, selling,
                          ship_to_home, shifts, staff, stock_lookup, web_carts)
from pos.services.context import Devices, RegisterContext, TillConfig
from pos.services.customers import CustomerSearchError
from pos.services import customer_records
from pos.customer_history import HistoryPage
from pos.customers import CustomerChanges, CustomerDetails, CustomerDraft
from pos.ports import CustomerHistory, CustomerRecords
from pos.services.parking import ParkedInfo
from pos.services.payments import PaymentView
from pos.services.receipts import PrintOutcome, ReceiptDesk
from pos.services.receipt_mail import ReceiptMailRequest
from pos.services.invoice_mail import InvoiceMailRequest
from pos.invoices import Invoice
from pos.services.selling import ScanNotForSale
from pos.shifts import Report, ShiftInfo
from pos.staff import StaffMember
from pos.stock import StockReport
from pos.sync.outbox import OutboxStatus

__all__ = ["CustomerSearchError", "Devices", "ParkedInfo", "PaymentView", "PrintOutcome",
           "ScanNotForSale", "Till", "TillConfig"]


class Till:
    """The register's facade (see the module's doc)."""

    def __init__(self, session_factory: sessionmaker[Session], devices: Devices,
                 config: TillConfig | None = None,
                 clock: Callable[[], datetime] = datetime.now,
                 customers: CustomerDirectory | None = None,
                 web_carts: WebCarts | None = None) -> None:
        config = config or TillConfig()
        self.web_carts = web_carts  # the central store's web carts (None: none can be loaded)
        self.ctx = RegisterContext(SqlUnitOfWork(session_factory), config, devices, clock=clock,
                                   customers=customers)
        self.desk = ReceiptDesk(SqlUnitOfWork(session_factory), devices.printer, config.store,
                                devices.control_unit.serial, clock)
        self.network_uow = SqlUnitOfWork(session_factory)  # the network lane's own
        # the central store's stock and customers' addresses (ship-to-home), when there is one
        self.stock_directory: StockDirectory | None = None
        self.address_book: CustomerAddresses | None = None
        self.pickups: PickupOrders | None = None  # web orders collected here (central store)
        self.notifier: CustomerNotifier | None = None  # tells customers their order is ready
        # what customers bought in any channel, and returns recorded on it (central store)
        self.purchase_records: PurchaseRecords | None = None
        self.central_invoices: CentralInvoices | None = None  # invoices (pos.invoices)
        # customers created and edited here, and their history in every channel (central store)
        self.customer_records: CustomerRecords | None = None
        self.order_history: CustomerHistory | None = None
        self.stored_value: StoredValue | None = None  # gift cards, store credit (central store)
        self.session_factory = session_factory
        # receipts by e-mail (``[mail]`` names a server) and what a sale gives by default
        from pos.receipt_mail import ReceiptChoice
        self.receipt_mail = False
        self.receipt_choice = ReceiptChoice.PAPER
        with self.ctx.uow as uow:
            uow.registers.ensure(config.register_id)
            saved = uow.carts.load_open(config.register_id)
            uow.commit()
        self.ctx.reload_promotions()
        if saved:
            self.ctx.state.restore(saved)
            if self.ctx.state.payment is not None:
                self.ctx.state.priced_at = self.ctx.promotion_time()

    # --- what the register is --------------------------------------------------------------------

    @property
    def register_id(self) -> str:
        return self.ctx.register_id

    @property
    def config(self) -> TillConfig:
        return self.ctx.config

    @property
    def devices(self) -> Devices:
        return self.ctx.devices

    @property
    def customers(self) -> CustomerDirectory | None:
        return self.ctx.customers

    @customers.setter
    def customers(self, directory: CustomerDirectory | None) -> None:
        self.ctx.customers = directory

    @property
    def user(self) -> StaffMember | None:
        return self.ctx.state.cashier

    @property
    def cart(self) -> Cart:
        return self.ctx.state.cart

    @property
    def payment(self) -> Payment | None:
        return self.ctx.state.payment

    def reload_promotions(self) -> int:
        return self.ctx.reload_promotions()

    def reload_promotions_between_customers(self) -> bool:
        """After a background sync: take the new promotions now if nobody is being served;
        otherwise the customer at the till keeps what they were told and the new set comes
        after their sale. Returns whether they were taken now."""
        if self.ctx.state.serving:
            return False
        self.ctx.reload_promotions()
        return True

    # --- web orders collected here (``pickups``) ----------------------------------------------
    # The list, finding and receiving ask the central store: call them on the network lane.
    # Paying and handing over are the register's (the central store hears through the outbox).

    def _pickups(self) -> PickupOrders:
        if self.pickups is None:
            raise PickupError("pickup.no_central_store")
        return self.pickups

    def pickup_list(self, include_collected: bool = True) -> list[PickupOrder]:
        return pickups.pickup_list(self._pickups(), self.config.location_id, include_collected)

    def find_pickup(self, code: str) -> PickupOrder:
        return pickups.find(self._pickups(), code, self.config.location_id)

    def receive_pickup(self, code: str) -> PickupOrder:
        user = self.ctx.state.cashier
        return pickups.receive(self._pickups(), self.notifier, self.network_uow,
                               self.register_id, self.config.location_id,
                               self.config.store.store_name, code, self.ctx.now(),
                               user.id if user else None)

    def pay_pickup(self, order: PickupOrder) -> CartTotals:
        return pickups.take_payment(self.ctx, order)

    def hand_over_pickup(self, order: PickupOrder) -> PickupOrder:
        return pickups.hand_over_paid(self.ctx, order)

    # --- staff -----------------------------------------------------------------------------------

    def staff(self) -> list[StaffMember]:
        return staff.active_staff(self.ctx.uow)

    def login(self, staff_id: str, pin: str) -> StaffMember:
        return staff.login(self.ctx, staff_id, pin)

    def logout(self) -> int | None:
        """Log out; a sale in progress is parked under its cashier first (its number, or None
        when there was none). ``PaymentError`` while a payment has tenders."""
        parked = None
        if not self.ctx.state.cart.is_empty:
            if self.ctx.state.tendering:
                raise PaymentError("payment.finish_before_logout")
            self.ctx.state.require_cashier()
            parked = parking.park(self.ctx, parking.LOGGED_OUT)
        staff.logout(self.ctx)
        return parked

    def approve(self, pin: str) -> StaffMember:
        return staff.approve(self.ctx, pin)

    # --- catalogue -------------------------------------------------------------------------------

    def lookup(self, code: str) -> Variant:
        return catalog.lookup(self.ctx.uow, code)

    def search(self, text: str, limit: int = 20) -> list[Variant]:
        return catalog.search(self.ctx.uow, text, limit)

    # --- the sale in progress --------------------------------------------------------------------

    def totals(self) -> CartTotals:
        return selling.totals(self.ctx)

    def scan(self, payload: str, quantity: int | Decimal = 1) -> CartTotals:
        """What the scanner read (see ``selling.scan``); a customer card puts its customer on
        the sale (``customers.customer_card``, a network call)."""
        from pos.scan_router import ScanKind, classify
        scanned = classify(payload)
        if scanned.kind is ScanKind.CUSTOMER_CARD:
            return self.customer_card(scanned.value)
        if scanned.kind is ScanKind.CUSTOMER_TOKEN:
            return self.set_customer(self.customer_by_token(scanned.value))
        if scanned.kind is ScanKind.WEB_CART and self.web_carts is not None:
            return self.web_cart(scanned.value).totals
        return selling.scan(self.ctx, payload, quantity)

    def add(self, variant: Variant, quantity: int | Decimal = 1) -> CartTotals:
        return selling.add(self.ctx, variant, quantity)

    def add_by_id(self, variant_id: str, quantity: int | Decimal = 1) -> CartTotals:
        return selling.add(self.ctx, catalog.variant(self.ctx.uow, variant_id), quantity)

    def set_quantity(self, line_id: int, quantity: int) -> CartTotals:
        return selling.set_quantity(self.ctx, line_id, quantity)

    def remove_line(self, line_id: int) -> CartTotals:
        return selling.remove_line(self.ctx, line_id)

    def discount_line(self, line_id: int, discount: Discount,
                      approver_pin: str | None = None) -> CartTotals:
        return selling.discount_line(self.ctx, line_id, discount, approver_pin)

    def discount_cart(self, discount: Discount | None,
                      approver_pin: str | None = None) -> CartTotals:
        return selling.discount_cart(self.ctx, discount, approver_pin)

    def override_price(self, line_id: int, new_price: int,
                       approver_pin: str | None = None) -> CartTotals:
        return selling.override_price(self.ctx, line_id, new_price, approver_pin)

    def add_promo_code(self, code: str) -> CartTotals:
        return selling.add_promo_code(self.ctx, code)

    def remove_promo_code(self, code: str) -> CartTotals:
        return selling.remove_promo_code(self.ctx, code)

    def void_sale(self) -> CartTotals:
        return selling.void_sale(self.ctx)

    # --- the customer ----------------------------------------------------------------------------

    def find_customers(self, query: str, limit: int = 20) -> list[CustomerRef]:
        """A network call (the network lane): touches no register state. A phone in any form,
        an e-mail, a name; a card number or a scanned "my account" code finds its customer."""
        self.ctx.state.require_cashier()
        from pos.scan_router import ScanKind, classify
        scanned = classify(query)
        if scanned.kind is ScanKind.CUSTOMER_CARD:
            return [self.read_card(scanned.value)]
        if scanned.kind is ScanKind.CUSTOMER_TOKEN:
            return [self.customer_by_token(scanned.value)]
        return customers.find_customers(self.ctx.customers, query, limit)

    # --- customers created, edited and their history (network lane) -----------------------------

    def create_customer(self, draft: CustomerDraft, reason: str | None = None) -> CustomerRef:
        """A new customer in the central store unless they are there already
        (``customer_records.DuplicateCustomers`` offers them): a network call."""
        self.ctx.state.require_cashier()
        return customer_records.create_customer(
            self.network_uow, self.customer_records, draft, register_id=self.register_id,
            now=self.ctx.now().astimezone(), user=self._who(), reason=reason)

    def customer_details(self, customer_id: str) -> CustomerDetails:
        self.ctx.state.require_cashier()
        return customer_records.customer_details(self.customer_records, customer_id)

    def update_customer(self, customer_id: str, changes: CustomerChanges) -> CustomerDetails:
        self.ctx.state.require_cashier()
        return customer_records.update_customer(
            self.network_uow, self.customer_records, customer_id, changes,
            register_id=self.register_id, now=self.ctx.now().astimezone(), user=self._who())

    def customer_history(self, customer_id: str, offset: int = 0,
                         limit: int = 10) -> HistoryPage:
        self.ctx.state.require_cashier()
        return customer_records.history(self.order_history, customer_id, offset, limit)

    def customer_by_token(self, token: str) -> CustomerRef:
        """Whose "my account" code was scanned: a network call."""
        self.ctx.state.require_cashier()
        return customer_records.customer_by_token(self.customer_records, token)

    def read_card(self, number: str) -> CustomerRef:
        """Whose loyalty card this is: a network call, on the network lane with its own unit of
        work (``customers.read_card``); put them on the sale with ``set_customer``."""
        self.ctx.state.require_cashier()
        return customers.read_card(self.network_uow, self.ctx.customers, number, self.ctx.now())

    def customer_card(self, number: str) -> CartTotals:
        """``read_card`` and ``set_customer`` in one call (for a caller with one lane)."""
        return self.set_customer(self.read_card(number))

    def set_customer(self, customer: CustomerRef | None) -> CartTotals:
        return customers.set_customer(self.ctx, customer)

    # --- web carts -------------------------------------------------------------------------------

    def fetch_web_cart(self, code: str) -> WebCart:
        """The web cart a QR code or typed code names (``web_carts.fetch``): a network call, on
        the network lane with its own unit of work; touches no register state."""
        self.ctx.state.require_cashier()
        if self.web_carts is None:
            raise web_carts.WebCartError("web_cart.no_central_store",
                                         cart=web_carts.cart_id_of(code))
        return web_carts.fetch(self.network_uow, self.web_carts, code, self.customers)

    def check_web_cart_still_open(self, cart_id: str) -> None:
        """Before the payment: the web cart the sale continues not bought meanwhile
        (``web_carts.check_still_open``; a network call, touches no register state)."""
        web_carts.check_still_open(self.web_carts, cart_id)

    def load_web_cart(self, cart: WebCart) -> web_carts.WebCartLoaded:
        """The fetched web cart into the sale in progress (the register lane)."""
        return web_carts.load(self.ctx, cart)

    def web_cart(self, code: str) -> web_carts.WebCartLoaded:
        """``fetch_web_cart`` and ``load_web_cart`` in one call (for a caller with one lane)."""
        return self.load_web_cart(self.fetch_web_cart(code))

    # --- parking ---------------------------------------------------------------------------------

    def park(self, note: str = "") -> int:
        return parking.park(self.ctx, note)

    def parked(self) -> list[ParkedInfo]:
        return parking.parked(self.ctx)

    def resume(self, parked_id: int) -> CartTotals:
        return parking.resume(self.ctx, parked_id)

    # --- payment ---------------------------------------------------------------------------------

    def payment_view(self, sale: Sale | None = None) -> PaymentView:
        return payments.payment_view(self.ctx, sale)

    def start_payment(self) -> PaymentView:
        return payments.start_payment(self.ctx)

    def cancel_payment(self) -> CartTotals:
        return payments.cancel_payment(self.ctx)

    def pay_cash(self, received: int) -> PaymentView:
        return payments.pay_cash(self.ctx, received)

    def pay_card(self, amount: int | None = None) -> PaymentView:
        return payments.pay_card(self.ctx, amount)

    def complete_payment(self) -> PaymentView:
        return payments.complete_payment(self.ctx)

    def remove_tender(self, index: int) -> PaymentView:
        return payments.remove_tender(self.ctx, index)

    def pay_with(self, method_id: str, amount: int | None = None, *, payer_phone: str = "",
                 prompt: payments.Prompt | None = None) -> PaymentView:
        """Pay with any method a provider takes (see ``payments.pay_with``)."""
        return payments.pay_with(self.ctx, method_id, amount, payer_phone=payer_phone,
                                 prompt=prompt)

    def refund_card_tender(self, attempt_id: str) -> PaymentView:
        return payments.refund_card_tender(self.ctx, attempt_id)

    def cancel_card(self) -> bool:
        return payments.cancel_running(self.ctx)

    def resolve_card_attempts(self) -> list[str]:
        """Card payments and return refunds whose outcome a lost answer or a crash left open."""
        return (payments.resolve_card_attempts(self.ctx)
                + returns.resolve_refund_attempts(self.ctx))

    # --- returns and exchanges (``returns``) ------------------------------------------------------

    def find_purchase(self, code: str) -> returns.PurchaseView:
        """The network lane: what ``code`` bought and what can still come back."""
        purchase = returns.find_purchase(self.purchase_records, self.network_uow, code,
                                         self.config.location_id)
        return returns.purchase_view(self.ctx, purchase)

    def purchases_of_customer(self, customer_id: str) -> list[Purchase]:
        """The network lane: newest first (the central store's, and this store's own)."""
        return returns.purchases_of_customer(self.purchase_records, self.network_uow,
                                             customer_id, self.config.location_id)

    def return_reasons(self) -> tuple[ReturnReason, ...]:
        return returns.reasons(self.ctx)

    def return_lines(self, purchase: Purchase, picks: list[returns.ReturnPick]) -> CartTotals:
        return returns.return_lines(self.ctx, purchase, picks)

    def return_without_receipt(self, variant: Variant, units: int, reason: str,
                               restock: bool | None = None,
                               approver_pin: str | None = None) -> CartTotals:
        return returns.return_without_receipt(self.ctx, variant, units, reason, restock,
                                              approver_pin)

    def refund_plan(self, to_original: bool = True) -> RefundPlan:
        return returns.refund_plan(self.ctx, to_original)

    def refund(self, to_original: bool = True) -> PaymentView:
        """Blocks while the terminal refunds a card: the payment lane."""
        return returns.refund(self.ctx, to_original)

    # --- gift cards and store credit (pos.services.gift_cards) ---------------------------------

    def sell_gift_card(self, amount: int, code: str | None = None) -> CartTotals:
        from pos.services import gift_cards
        return gift_cards.sell_gift_card(self.ctx, amount, code)

    def gift_card_balance(self, text: str) -> Balance:
        """A network call (the network lane): the card's balance at the central store."""
        from pos.services import gift_cards
        self.ctx.state.require_cashier()
        return gift_cards.gift_card_balance(self.stored_value, text, self.ctx.now().date())

    def store_credit_balance(self, customer_id: str | None = None) -> Balance:
        """A network call (the network lane): the customer's store credit."""
        from pos.services import gift_cards
        self.ctx.state.require_cashier()
        return gift_cards.store_credit_balance(self.stored_value,
                                               customer_id or self.ctx.state.cart.customer_id)

    def pay_with_gift_card(self, code: str, amount: int | None = None) -> PaymentView:
        """Blocks while the central store debits the card: the register lane, as a card."""
        from pos.services import gift_cards
        return gift_cards.pay_with_gift_card(self.ctx, code, amount)

    def pay_with_store_credit(self, amount: int | None = None) -> PaymentView:
        from pos.services import gift_cards
        return gift_cards.pay_with_store_credit(self.ctx, amount)

    def refund_to_store_credit(self) -> PaymentView:
        from pos.services import gift_cards
        return gift_cards.refund_to_store_credit(self.ctx)

    def suggests_store_credit(self) -> bool:
        from pos.services import gift_cards
        return gift_cards.suggests_store_credit(self.ctx)

    # --- shift -----------------------------------------------------------------------------------

    def current_shift(self) -> ShiftInfo | None:
        return shifts.current_shift(self.ctx)

    def open_shift(self, opening_float: int) -> ShiftInfo:
        return shifts.open_shift(self.ctx, opening_float)

    def record_cash_movement(self, amount: int, reason: str) -> None:
        """Cash in (positive öre) or out (negative), with a reason (the register's lane); the
        drawer is opened on the printer's (``open_drawer``)."""
        shifts.record_cash_movement(self.ctx, amount, reason)

    def cash_movement(self, amount: int, reason: str) -> None:
        """``record_cash_movement`` and the drawer opened, in one call."""
        self.record_cash_movement(amount, reason)
        self.open_drawer(f"cash {'in' if amount > 0 else 'out'}")

    def x_report(self) -> tuple[Report, ReceiptDocument]:
        return shifts.x_report(self.ctx)

    def close_shift(self, counted_cash: int, count: CashCount | None = None,
                    approver_pin: str | None = None) -> tuple[Report, ReceiptDocument]:
        return shifts.close(self.ctx, counted_cash, count, approver_pin)

    # --- receipts, printer and drawer (the printer's lane) ---------------------------------------

    def receipt(self, sale: Sale, copy: bool = False) -> ReceiptDocument:
        return self.desk.receipt(sale, copy)

    def print_sale(self, sale_id: str, copy: bool = False) -> PrintOutcome:
        return self.desk.print_sale(sale_id, copy, by=self._who())

    def reprint_last(self) -> tuple[Sale | None, PrintOutcome]:
        return self.desk.reprint_last(self.register_id, self._who())

    def print_document(self, doc: ReceiptDocument) -> PrintOutcome:
        return self.desk.print_document(doc)

    def email_receipt(self, sale_id: str, to: str, copy: bool = False) -> "ReceiptMailRequest":
        """Queue the e-mail of a stored sale's receipt (the outbox sends it); on the printer's
        lane, with its unit of work (``pos/services/receipt_mail.py``)."""
        from pos.receipt_mail import ReceiptMailError
        from pos.services.receipt_mail import email_receipt
        if not self.receipt_mail:
            raise ReceiptMailError("receipt_mail.not_offered")
        return email_receipt(self.desk.uow, sale_id, to,
                             control_unit_serial=self.desk.control_unit_serial,
                             now=self.ctx.now(), by=self._who(), copy=copy)

    def stored_invoice(self, *, number: str = "", ocr: str = "") -> "Invoice | None":
        """This till's stored invoice by its number or OCR (None: not one of the store's own:
        a web invoice or another store's); on the printer's lane, with its unit of work."""
        with self.desk.uow as uow:
            return uow.invoices.get(number) if number else uow.invoices.by_ocr(ocr)

    def email_invoice(self, number: str, to: str | None = None) -> "InvoiceMailRequest":
        """E-mail invoice ``number`` (again) to ``to`` or the buyer's own address: one e-mail
        per request, from the outbox (``pos/services/invoice_mail.py``); on the printer's lane."""
        from pos.invoices import InvoiceError
        from pos.services.invoice_mail import email_invoice
        if not self.receipt_mail:
            raise InvoiceError("invoice_mail.not_offered")
        return email_invoice(self.desk.uow, number, to, register_id=self.register_id,
                             now=self.ctx.now(), by=self._who())

    def email_receipt_copy(self, receipt_no: int, to: str) -> "ReceiptMailRequest":
        """A copy of this register's receipt ``receipt_no`` by e-mail (one e-mail each time)."""
        from pos.receipt_mail import ReceiptMailError
        with self.desk.uow as uow:
            sale = uow.sales.by_receipt(self.register_id, receipt_no)
        if sale is None:
            raise ReceiptMailError("receipt_mail.no_such_sale", receipt=receipt_no)
        return self.email_receipt(sale.id, to, copy=True)

    def last_receipt_no(self) -> int | None:
        """This register's newest receipt number (None before its first sale)."""
        with self.desk.uow as uow:
            recent = uow.sales.recent(self.register_id, 1)
        return recent[0].receipt_no if recent else None

    def open_drawer(self, reason: str) -> None:
        self.desk.open_drawer(self.register_id, reason, self._who())

    def approve_no_sale(self, reason: str, approver_pin: str | None = None) -> str:
        """A manager approves opening the drawer without a sale; the journal's reason."""
        return drawer.approve_no_sale(self.ctx, reason, approver_pin)

    def open_drawer_no_sale(self, reason: str, approver_pin: str | None = None) -> None:
        """"No sale": opens the drawer with a manager's approval and a reason (journaled)."""
        self.open_drawer(self.approve_no_sale(reason, approver_pin))

    def _who(self) -> str | None:
        return self.ctx.state.cashier.id if self.ctx.state.cashier else None

    # --- reading ---------------------------------------------------------------------------------

    def outbox_status(self) -> OutboxStatus:
        """How the delivery of sales to the central store stands (for the status bar)."""
        return outbox_queries.outbox_status(self.ctx.uow)

    def unprinted_sales(self) -> list[str]:
        return sale_queries.unprinted_sales(self.ctx.uow, self.register_id)

    def recent_sales(self, limit: int = 50) -> list[Sale]:
        return sale_queries.recent_sales(self.ctx.uow, self.register_id, limit)

    def sale_by_receipt(self, receipt_no: int) -> Sale | None:
        return sale_queries.sale_by_receipt(self.ctx.uow, self.register_id, receipt_no)

    # --- stock everywhere and ship-to-home (stock and addresses: the network lane) ----------------

    def stock_report(self, variant: Variant) -> StockReport:
        """``variant``'s stock at every location: fresh, or the last synced figures (marked)."""
        return stock_lookup.stock_report(self.network_uow, self.stock_directory, variant,
                                         self.ctx.config.location_id, self.ctx.config.delivery)

    def customer_addresses(self, customer_id: str | None) -> list[DeliveryAddress]:
        return ship_to_home.customer_addresses(self.address_book, customer_id)

    def mark_deliver(self, line_id: int, deliver: bool) -> CartTotals:
        return ship_to_home.mark_deliver(self.ctx, line_id, deliver)

    def toggle_deliver(self, line_id: int) -> CartTotals:
        return ship_to_home.toggle_deliver(self.ctx, line_id)

    def set_delivery(self, address: DeliveryAddress, location_id: str,
                     overridden: bool = False) -> CartTotals:
        return ship_to_home.set_delivery(self.ctx, address, location_id, overridden)

    def delivery_choice(self) -> DeliveryChoice | None:
        """The address and sending location of the sale in progress's lines sent home."""
        return self.ctx.state.cart.delivery

    def delivery_of_sale(self, sale_id: str) -> Delivery | None:
        with self.ctx.uow as uow:
            return uow.deliveries.for_sale(sale_id)

    def print_order_confirmation(self, sale_id: str) -> PrintOutcome:
        return self.desk.print_order_confirmation(sale_id)
