"""The Protocols the outside world implements. ``pos/`` depends only on these.

Adapters live in ``hardware/`` (printers, terminals, displays, scanners) and ``integrations/``
(the central commerce store); ``main.py`` wires concrete ones in. Every port call may block: the
UI calls them from workers, never from the GUI thread.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any, Protocol, runtime_checkable

from pos.catalog import Variant
from pos.commerce import RemoteOrder, StoreOrder
from pos.errors import UserError, messages
from pos.receipt import ReceiptDocument
from pos.stock import StockLevel
from pos.stock_count import Adjustment as StockAdjustment
from pos.stock_transfers import Transfer


# --- receipt printer and cash drawer -------------------------------------------------------------


PRINTER_MESSAGES = messages({
    "printer.paper_out": "The receipt printer ({name}) is out of paper. Put in a new roll and "
                         "close the cover; then print again.",
    "printer.cover_open": "The receipt printer ({name}) has its cover open. Close the cover; "
                          "then print again.",
    "printer.offline": "The receipt printer ({name}) is offline{detail}. Check the printer's "
                       "lights, paper and cover; then print again.",
    "printer.no_answer": "The receipt printer ({name}) does not answer: {what}. Check that it is "
                         "switched on and connected; the sale is saved and the receipt can be "
                         "printed again. [{error}]",
    "printer.cannot_prepare": "The receipt could not be prepared for printing: {detail}",
})


class PrinterError(UserError):
    """Base of printer failures (raised where the OS or the printer's status says so)."""


class PrinterOffline(PrinterError):
    pass


class PaperOut(PrinterError):
    pass


class CoverOpen(PrinterError):
    pass


@dataclass(frozen=True)
class PrinterStatus:
    online: bool
    paper: str = "ok"  # "ok" | "near_end" | "out" | "unknown"
    cover_open: bool = False
    drawer_open: bool | None = None  # None: the transport cannot tell
    detail: str = ""

    @property
    def ready(self) -> bool:
        return self.online and self.paper != "out" and not self.cover_open


@runtime_checkable
class ReceiptPrinter(Protocol):
    name: str

    def print_document(self, doc: ReceiptDocument) -> None:
        """Print ``doc`` (cut, and kick the drawer if ``doc.open_drawer``); raise PrinterError."""

    def status(self) -> PrinterStatus:
        """Read the printer's real-time status where the transport allows, else a best guess."""

    def open_drawer(self) -> None:
        """Kick the cash drawer connected to this printer; raise PrinterError."""


# --- payment providers (card terminals now; Swish and gift cards the same way) ---------------------
#
# A payment method that needs a provider (``pos.payment_methods``: a card terminal, a mobile
# payment, a gift card) is taken through one protocol: ``start`` a payment, ask its ``status``,
# ``abort`` it, ``refund`` it. The till stores each attempt (its own idempotency key) before the
# provider is asked, asks ``status`` after a lost answer or a crash, and so never charges twice.


class PaymentOutcome(Enum):
    APPROVED = "approved"
    DECLINED = "declined"
    CANCELLED = "cancelled"  # by the customer, or the cashier on the terminal
    BUSY = "busy"  # the provider is doing something else; nothing was charged
    UNKNOWN = "unknown"  # no answer: ask ``status`` before doing anything else
    NOT_FOUND = "not_found"  # ``status``: the provider never saw this attempt
    # the provider took the request and the customer finishes it on their own phone (Swish):
    # show ``PaymentResult.qr_data`` (if any) and ask ``status`` until it ends
    PENDING = "pending"


@dataclass(frozen=True)
class PaymentRequest:
    """``attempt_id`` is the till's own idempotency key (stored before sending); ``amount`` in
    öre; ``sale_ref``: the reference the provider records (for a refund: the original payment's
    ``provider_ref``)."""

    attempt_id: str
    amount: int
    currency: str = "SEK"
    sale_ref: str = ""
    # a mobile payment sent to the customer's own phone (Swish e-commerce): their number as
    # typed or from the sale's customer; "" for a QR code the customer scans (m-commerce)
    payer_phone: str = ""
    # a stored-value payment (a gift card's code, or ``customer:<id>`` for store credit):
    # the account to debit (``pos.gift_cards``); "" for every other method
    account: str = ""


@dataclass(frozen=True)
class PaymentResult:
    outcome: PaymentOutcome
    attempt_id: str
    amount: int = 0  # öre
    auth_code: str = ""
    masked_pan: str = ""
    brand: str = ""
    terminal_ref: str = ""  # the provider's own reference of the payment (for refunds)
    message: str = ""  # the provider's own words (shown after the till's sentence)
    receipt_lines: tuple[str, ...] = ()  # the provider's receipt text, printed on the receipt
    # the till's own words (a coded error, shown in the cashier's language) when the provider
    # said nothing that tells more than the outcome: "declined by the card issuer", "cannot be
    # reached (address); nothing was charged"
    reason: UserError | None = None
    # PENDING: what the customer's phone reads (a QR code on the customer display:
    # ``swish://paymentrequest?token=...``); "" when the request went to their phone
    qr_data: str = ""

    @property
    def approved(self) -> bool:
        return self.outcome is PaymentOutcome.APPROVED

    @property
    def detail(self) -> UserError | str:
        """What to show after the till's sentence: the provider's own words, else the till's
        reason, else ""."""
        if self.message:
            return self.message
        return self.reason if self.reason is not None else ""


@runtime_checkable
class PaymentProvider(Protocol):
    """One way of taking a payment that is not cash in hand. Every call may block (call it from
    a worker); none raises for an outcome the protocol defines (declined, busy, no answer)."""

    name: str

    def start(self, request: PaymentRequest) -> PaymentResult:
        """Take the payment; UNKNOWN when no answer came (then ask ``status``); PENDING when
        the customer finishes it on their phone (then ask ``status`` until it ends)."""

    def status(self, attempt_id: str) -> PaymentResult:
        """What became of ``attempt_id``: its final result, UNKNOWN while it still runs (PENDING:
        with the customer), or NOT_FOUND when the provider never received it (nexo:
        TransactionStatusRequest)."""

    def abort(self, attempt_id: str) -> None:
        """Ask the provider to stop a payment still in progress (best effort, any thread)."""

    def refund(self, request: PaymentRequest) -> PaymentResult:
        """Give back (part of) an approved payment named by ``request.sale_ref``."""


@runtime_checkable
class CardTerminal(PaymentProvider, Protocol):
    """A card terminal (nexo Sale-to-POI, Ingenico Concert, the simulator)."""


# --- customer display ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DisplayLine:
    name: str
    quantity: int
    amount: int  # öre the customer pays for the line
    saving: int = 0  # öre the line's promotions took off it (shown as the campaign's saving)
    # öre everything took off the line: promotions, the cashier's line discount and the line's
    # share of a discount on the whole sale (what "you save" adds up); at least ``saving``
    discount: int = 0

    @property
    def saved(self) -> int:
        return max(self.discount, self.saving)


@runtime_checkable
class CustomerDisplay(Protocol):
    def show_cart(self, lines: Sequence[DisplayLine], total: int, vat: int) -> None: ...

    def show_payment(self, total: int, paid: int, change: int) -> None: ...

    def show_thanks(self, message: str, qr_data: str = "") -> None: ...

    def clear(self) -> None: ...


# --- control unit (kontrollenhet) ----------------------------------------------------------------


@dataclass(frozen=True)
class ControlRecord:
    """What the register reports to its control unit for each receipt (SKVFS 2014:9, simplified)."""

    register_id: str
    receipt_no: int
    timestamp: str  # ISO 8601, local time
    kind: str  # "normal", "copy", "training", "proforma", "return"
    total: int
    vat_by_rate: tuple[tuple[str, int], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ControlRegistration:
    """What a control unit remembers of a register's newest receipt (it keeps its own memory,
    outside the register's database, as a certified unit does)."""

    register_id: str
    count: int  # receipts registered so far
    receipt_no: int  # the newest one's number
    code: str  # and its control code


class ControlUnit(Protocol):
    serial: str

    def sign(self, record: ControlRecord) -> str:
        """Register the receipt and return its control code; raise if the unit does not answer."""

    def last(self, register_id: str) -> ControlRegistration | None:
        """The register's newest registration, or None when the unit never registered one."""


# --- central commerce store ----------------------------------------------------------------------
#
# The retailer's central store (Medusa v2 in ``integrations/medusa``), one Protocol per capability:
# a use case takes the one it needs (the outbox an ``OrderSink``, the catalogue sync a
# ``CatalogFeed``, the till a ``CustomerDirectory``), and the next one (pickups, returns, gift
# cards...) is one more small Protocol here, one more small adapter there, and one more attribute
# of ``CommerceStore``, without touching the others.
#
# For all of them: amounts are integer öre; every call may block on the network (call it from a
# worker); every call but ``ping`` raises ``CommerceUnavailable`` when the central store cannot be
# reached (down, no answer in time, 502/503/504 after the adapter's retries), and the adapter's own
# errors for an answer it refuses or cannot read.

from pos.commerce import CustomerRef, WebCart  # noqa: E402  (the central store's own types)
from pos.pickups import PickupOrder  # noqa: E402
from pos.promotions import Promotion  # noqa: E402
from pos.returns import CentralReturn, Purchase  # noqa: E402


CENTRAL_MESSAGES = messages({
    "central.unreachable": "The central store cannot be reached now",
    "central.not_enrolled": "Register {register} is not enrolled with the central store: sales "
                            "are kept here until an administrator enrols it",
    "central.register_revoked": "The central store refuses register {register}'s key (revoked): "
                                "sales are kept here until an administrator enrols it again",
})


class CommerceUnavailable(UserError):
    """The central store cannot be reached now; the caller keeps the work and tries later.
    ``detail``: what the connection said ("GET /admin/orders: connection refused"), for the log
    and the command line (``str()`` ends with it); a screen says only the sentence, in its
    language (the request and address once reached the Swedish screen)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("central.unreachable")
        self.detail = detail

    def __str__(self) -> str:
        base = super().__str__()
        return f"{base}: {self.detail}" if self.detail else base


class CentralAccessRefused(CommerceUnavailable):
    """The central store will not serve this register: it has no key (``central.not_enrolled``)
    or its key was revoked (``central.register_revoked``). Like ``CommerceUnavailable`` the caller
    keeps the work (queued sales wait) until the register is enrolled again."""

    def __init__(self, code: str, register: str) -> None:
        UserError.__init__(self, code, register=register)
        self.detail = UserError.__str__(self)
        self.register = register

    def __str__(self) -> str:
        return UserError.__str__(self)


@runtime_checkable
class CatalogFeed(Protocol):
    """The central store's range, prices and stock, as the till's catalogue sync reads them."""

    def iter_variants(self, updated_since: datetime | None = None,
                      page_size: int = 200) -> Iterator[list[Variant]]:
        """The whole catalogue, or the variants changed at or after ``updated_since`` (naive
        UTC), in pages of at most ``page_size``. Each ``Variant`` has the till's own id, SKU, EAN,
        price in öre including VAT, VAT rate, and the central store's ids in ``refs`` (which
        promotion rules target). A variant no longer for sale comes with ``active=False``."""

    def count_variants(self, updated_since: datetime | None = None) -> int:
        """How many variants ``iter_variants(updated_since)`` will yield (for a progress bar)."""

    def stock_levels(self, skus: Sequence[str]) -> list[StockLevel]:
        """Stock of these articles at every location (stores and the web warehouse): one
        ``StockLevel`` per article and location: ``variant_id`` the SKU (the central store knows
        articles by SKU), ``location_id`` the till's location key (``store-gbg``,
        ``web-warehouse``), ``stocked`` and ``reserved`` in units. Unknown SKUs are left out."""


@runtime_checkable
class PromotionFeed(Protocol):
    """The central store's promotions, for the till's own promotion engine (``pos.promotions``).
    The central store's catalogue feed is one too; a feed that is not offers no promotions."""

    def promotions(self) -> list[Promotion]:
        """Every promotion (automatic ones and codes, active or not), with its rules, application
        method and campaign (dates, budget: amounts in major units as the central store gives
        them, ``Decimal``)."""

    def promotion_context(self) -> dict[str, str]:
        """What order-scope promotion rules may ask of this till's sales besides their lines, as
        the central store names it, e.g. ``{"sales_channel_id": "sc_..."}`` ("store only"
        promotions)."""


@runtime_checkable
class OrderSink(Protocol):
    """Where the till's completed sales go: each becomes one order in the central store, so that
    stock, the customer's history and the campaigns' budgets count it as a web order."""

    def create_store_order(self, order: StoreOrder, idempotency_key: str) -> str:
        """Record a completed store sale as one paid order, fulfilled at the sale's location
        (``order.location_id``); returns the central store's order id. Amounts in ``order`` are
        öre; the order's total is what the customer paid. The promotions used count against their
        campaigns' budgets, once per order.

        Idempotent by ``idempotency_key``: a retry after a lost answer returns the first order's id
        and never creates a second one. Raises CommerceUnavailable when the store is down."""

    def find_order_by_key(self, idempotency_key: str) -> RemoteOrder | None:
        """The order created with ``idempotency_key`` (total in öre), or None if there is none."""


@runtime_checkable
class WebCarts(Protocol):
    """Carts started online or at a kiosk, continued at the till (a QR code carries the id)."""

    def get_web_cart(self, cart_id: str) -> WebCart | None:
        """The cart ``cart_id`` with the central store's prices and promotions applied (unit
        prices, discounts and totals in öre, VAT included); None when there is no such cart.
        A cart bought already (online, or closed by a till's sale) comes with ``completed`` and
        its order (``order_id``, ``order_display_id``, ``bought_at``, ``sale_key``)."""

    def close_web_cart(self, cart_id: str, sale_key: str, order_id: str) -> None:
        """Mark the cart bought by the till's sale ``sale_key`` (its order ``order_id``), once:
        again for the same key changes nothing; raises ``pos.web_carts.WebCartConflict`` when it
        was bought already by another sale or online."""


@runtime_checkable
class CustomerDirectory(Protocol):
    """Where the till finds customers: the central store's, or the demo's list."""

    def find_customers(self, query: str, limit: int = 20) -> list[CustomerRef]:
        """At most ``limit`` customers whose e-mail, name or phone contains ``query`` (a Swedish
        phone written 0701234567 or 070-123 45 67 also finds +46701234567); none for a blank
        query."""

    def customer_by_card(self, number: str) -> CustomerRef | None:
        """The customer whose loyalty card has ``number`` (digits), or None if nobody's has."""


@runtime_checkable
class PickupOrders(Protocol):
    """This store's web orders to be collected here (``pos.pickups``: click & collect,
    ship-to-store, pay in store). Every call but ``pickup_orders`` and ``pickup_order`` changes
    the order centrally and is idempotent: done again, it finds the change made and does not
    repeat it."""

    def pickup_orders(self, location_key: str, include_collected: bool = True,
                      limit: int = 100) -> list[PickupOrder]:
        """The newest ``limit`` orders to be collected at ``location_key``, newest first."""

    def pickup_order(self, code: str) -> PickupOrder | None:
        """The web order with id ``order_...`` or display number ``code`` (pickup or not: the
        caller checks where it is to be collected), or None when there is none."""

    def mark_arrived(self, order_id: str, location_key: str, at: str) -> PickupOrder:
        """The parcel was received at ``location_key`` at ``at`` (ISO 8601); returns the order."""

    def mark_notified(self, order_id: str, at: str) -> PickupOrder:
        """The customer was told the order is ready (at ``at``)."""

    def hand_over(self, order_id: str, location_key: str, at: str, paid_here: int,
                  reference: dict[str, Any]) -> PickupOrder:
        """The customer took the order at ``location_key``: when ``paid_here`` öre were paid at
        the till, its payment is captured (marked paid); its fulfilment is made at this location
        if it has none and marked delivered. ``reference`` (the sale, receipt, register) is kept
        on the order. Once per order, whatever step a lost answer interrupted."""


@runtime_checkable
class PurchaseRecords(Protocol):
    """What customers bought in any channel, as the central store knows it (``pos.returns``):
    the one truth about what was paid and what was already returned."""

    def find_purchase(self, code: str) -> Purchase | None:
        """The purchase ``code`` names: a store sale of any store of the chain by its receipt
        code (``R-<register>-<number>``), or a web order by its number (``1042``, ``#1042``) or
        id (``order_...``); None when there is none. Its lines carry what was paid (öre, every
        discount taken off) and the units already returned in any channel; its tenders what
        each payment can still refund. Raises CommerceUnavailable when the store is down."""

    def purchases_of_customer(self, customer_id: str, limit: int = 20) -> list[Purchase]:
        """The customer's orders (web orders and store sales alike), newest first."""


@runtime_checkable
class ReturnsDesk(Protocol):
    """Returns recorded on the purchase's order in the central store."""

    def register_return(self, ret: CentralReturn, idempotency_key: str) -> str:
        """Record ``ret`` on its order: the goods received at ``ret.location_id`` (stock up
        there for restocked lines, written off for the rest) and ``ret.refund_central`` öre
        refunded through the order's payment; returns the central return's id. Idempotent by
        ``idempotency_key``: a retry after a lost answer finds the first return and completes
        whatever step was left. Raises CommerceUnavailable when the store is down, and
        ``pos.returns.ReturnError`` when the order refuses it (more than it has left)."""


@runtime_checkable
class CustomerNotifier(Protocol):
    """Tells a customer something about their order (e-mail comes with the customer issue; until
    then a notifier records or prints what it would send)."""

    def order_ready(self, order: PickupOrder, location_name: str) -> None:
        """``order`` can be collected at ``location_name`` now; raise when it could not be sent."""


@runtime_checkable
class CommerceHealth(Protocol):
    def ping(self) -> bool:
        """True when the central store answers its health check now (one try, never raises)."""


@runtime_checkable
class CommerceStore(CommerceHealth, Protocol):
    """The central store as a whole, one attribute per capability, for the place that wires
    them (``main.py``) and the operator's ``sync`` command (catalogue and orders)."""

    @property
    def catalog(self) -> CatalogFeed: ...

    @property
    def orders(self) -> OrderSink: ...

    @property
    def web_carts(self) -> WebCarts: ...

    @property
    def customers(self) -> CustomerDirectory: ...

    @property
    def pickups(self) -> PickupOrders: ...

# --- stock everywhere and ship-to-home (the endless aisle) ----------------------------------------

from pos.delivery import DeliveryAddress, DeliveryOrder  # noqa: E402


@runtime_checkable
class StockDirectory(Protocol):
    """Stock of one article at every location, read from the central store now."""

    def stock_of(self, sku: str) -> list[StockLevel]:
        """One ``StockLevel`` per location that keeps the article (``variant_id`` the SKU,
        ``location_id`` the till's location key, ``location_name`` the central store's name);
        [] when the central store does not know the SKU."""


@runtime_checkable
class StockAdjustments(Protocol):
    """Corrections of a store's stocked quantity at the central store (posted stock counts)."""

    def adjust_stock(self, adjustment: StockAdjustment, idempotency_key: str) -> str:
        """Add ``adjustment.delta`` to the stocked quantity of ``adjustment.sku`` at
        ``adjustment.location_id`` (the till's location key), once: done again with the same
        key it changes nothing and answers the same record. Returns the central record's id."""


@runtime_checkable
class StockTransfers(Protocol):
    """Goods sent between stock locations (``pos.stock_transfers``)."""

    def incoming(self, location_key: str, include_received: bool = False) -> list[Transfer]:
        """Transfers on their way to ``location_key`` (and, asked, those received there)."""

    def receive(self, transfer_id: str, received: dict[str, int], idempotency_key: str,
                by: str) -> Transfer:
        """What came of a transfer (units per SKU; a SKU not named: none came): added to the
        receiver's stock, shortfalls recorded. Once: a transfer received answers as it is."""


@runtime_checkable
class DeliveryOrders(Protocol):
    """Orders to deliver to a customer's home, sold at the till (the endless aisle)."""

    def create_delivery_order(self, order: DeliveryOrder, idempotency_key: str) -> RemoteOrder:
        """One paid order with the customer, the shipping address and the sending location's
        shipping method, its goods reserved at ``order.location_id`` until shipped. Idempotent
        by ``idempotency_key``: a retry after a lost answer finishes the same order."""

    def find_delivery_order(self, idempotency_key: str) -> RemoteOrder | None:
        """The order made with ``idempotency_key``, or None."""


@runtime_checkable
class CustomerAddresses(Protocol):
    """The addresses in a customer's profile at the central store."""

    def addresses(self, customer_id: str) -> list[DeliveryAddress]:
        """The customer's saved addresses (shipping default first); [] when none."""


# --- e-mail (digital receipts, notices to customers) ---------------------------------------------
# The adapter is ``integrations/mail/`` (SMTP with the standard library); ``pos/`` never speaks SMTP.


MAIL_MESSAGES = messages({
    "mail.not_configured": "No mail server is configured: set [mail] host and from in the "
                           "configuration",
    "mail.no_password": "The mail server's password is not set: run `pos mail set-password`",
    "mail.no_credential_store": "No credential store to keep the mail password in: {detail}",
    "mail.unreachable": "The mail server cannot be reached now; the e-mail waits and is sent "
                        "when it answers",
    "mail.refused": "The mail server refused the e-mail to {to}: {reason}",
    "mail.login_refused": "The mail server refused the login: check [mail] username and the "
                          "password (`pos mail set-password`)",
})


class MailUnavailable(UserError):
    """The mail server cannot be reached, or answers "try later" (4xx): the e-mail is kept and
    sent again (an outbox message waits). ``why``: what the connection said, for the log.
    Also what must be mended on the till before anything goes (no server or password configured,
    the login refused): the e-mails wait for it rather than being lost."""

    def __init__(self, code: str = "mail.unreachable", /, *, why: str = "",
                 **params: Any) -> None:
        super().__init__(code, **params)
        self.detail = why

    def __str__(self) -> str:
        base = super().__str__()
        return f"{base}: {self.detail}" if self.detail else base


class MailRefused(UserError):
    """The mail server will not take this e-mail, and trying again will not change that (5xx:
    no such address, a login refused, not configured): set aside for a person to look at."""

    permanent = True  # the outbox declares such a message dead at once


@dataclass(frozen=True)
class ReceiptMail:
    """A receipt to e-mail: to whom, its subject, the receipt itself (the same document the
    printer prints), and the e-mail's Message-ID (made from the outbox message's key: sent again
    after a lost answer, it is the same e-mail to the receiver)."""

    to: str
    subject: str
    document: ReceiptDocument
    message_id: str


@runtime_checkable
class ReceiptMailer(Protocol):
    def send_receipt(self, mail: ReceiptMail) -> str:
        """Send ``mail`` (HTML body and PDF attachment); returns its Message-ID.
        ``MailUnavailable`` when the server cannot take it now, ``MailRefused`` when it never
        will."""


from pos.invoices import Invoice  # noqa: E402  (the invoice e-mailed)


@dataclass(frozen=True)
class InvoiceMail:
    """An invoice to e-mail: to whom, the invoice (its PDF drawn when it is sent) and the
    e-mail's Message-ID (made from the outbox message's key, as ``ReceiptMail``'s)."""

    to: str
    invoice: "Invoice"
    message_id: str


@runtime_checkable
class InvoiceMailer(Protocol):
    def send_invoice(self, mail: InvoiceMail) -> str:
        """Send ``mail`` (text naming number, amount, due date, OCR and bankgiro, and the
        invoice's PDF attached); returns its Message-ID. ``MailUnavailable`` / ``MailRefused``
        as ``ReceiptMailer``."""


class InvoiceAlreadyPaid(UserError):
    """The central store refused to capture an invoice already paid with another key."""


messages({"invoice.paid_elsewhere": "Invoice {ocr} is already paid in the central store "
                                    "({detail}): refund this payment"})


@runtime_checkable
class CentralInvoices(Protocol):
    """Invoices in the central store: the web's and the tills' (``pos.invoices``)."""

    def find(self, ocr: str = "", customer_id: str = "") -> list[Any]:
        """The invoices (``pos.invoices.InvoiceDue``) with reference ``ocr`` or of
        ``customer_id``. Raises CommerceUnavailable when the store is down."""

    def credit_limit(self, customer_id: str) -> int | None:
        """The customer's own credit limit in öre (None: none set)."""

    def capture(self, ocr: str, amount: int, idempotency_key: str,
                reference: dict[str, Any]) -> str:
        """Mark invoice ``ocr`` paid (its payment captured) once per key; returns the payment's
        id. ``InvoiceAlreadyPaid`` when it is paid already under another key."""


from pos.customer_history import HistoryPage  # noqa: E402
from pos.customers import (CustomerChanges, CustomerDetails, CustomerDraft,  # noqa: E402
                           EmailOffers, KnownCustomer)


@runtime_checkable
class CustomerRecords(Protocol):
    """Customers created and edited at the till, in the central store (one customer in every
    channel). Every call is a network call; ``CommerceUnavailable`` when it cannot be made."""

    def candidates(self, draft: CustomerDraft) -> list[KnownCustomer]:
        """Customers who might be ``draft``'s: the same e-mail (any case), the same phone
        (E.164), or a saved address in the same postcode; ``pos.customers.duplicates`` decides."""

    def create_customer(self, draft: CustomerDraft, offers: EmailOffers,
                        metadata: dict[str, Any]) -> CustomerRef:
        """A new (guest) customer with ``draft``'s contact details, its postal address saved
        as the customer's default address, the consent and ``metadata`` kept with it."""

    def customer_details(self, customer_id: str) -> CustomerDetails | None:
        """The customer with address and consent, or None when there is none."""

    def update_customer(self, customer_id: str, changes: CustomerChanges,
                        offers: EmailOffers | None) -> CustomerDetails:
        """Contact details, address (the default one, or a new one) and consent changed."""

    def customer_by_token(self, token: str) -> CustomerRef | None:
        """The customer whose "my account" code (``CUSTOMER:<token>``) was scanned, or None."""


@runtime_checkable
class CustomerHistory(Protocol):
    """A customer's orders in every channel, as the central store has them."""

    def history(self, customer_id: str, offset: int = 0, limit: int = 10) -> HistoryPage:
        """Web orders and store sales of ``customer_id``, newest first, ``limit`` from
        ``offset``, with their lines, returns and payment status."""


# --- gift cards and store credit (stored value at the central store) ------------------------------

from pos.gift_cards import Balance, IssuedGiftCard, Movement  # noqa: E402


@runtime_checkable
class StoredValue(Protocol):
    """Gift cards and customers' store credit accounts at the central store (Medusa's loyalty
    plugin). An account is named by a gift card's code (``GC-...``) or ``customer:<id>``;
    amounts in öre. Every call may block; CommerceUnavailable when the store cannot be reached
    (``sent`` on that error tells whether the request may have reached it)."""

    def balance(self, account: str) -> Balance | None:
        """What the account holds now; None when there is no such gift card (a customer
        without an account has a balance of 0)."""

    def issue_gift_card(self, card: IssuedGiftCard, idempotency_key: str) -> str:
        """Create the gift card ``card.code`` with ``card.amount`` on it; its id. Idempotent by
        the code: again, it finds the card made and creates no second one."""

    def debit(self, account: str, amount: int, idempotency_key: str) -> Balance:
        """Take ``amount`` from the account, once per key (again: the first debit's result);
        ``pos.gift_cards.GiftCardError`` when it holds less (nothing taken)."""

    def credit(self, account: str, amount: int, idempotency_key: str) -> Balance:
        """Add ``amount`` to the account (a customer's is opened when it has none), once per
        key."""

    def movement(self, account: str, idempotency_key: str) -> Movement | None:
        """The transaction made with ``idempotency_key`` on the account, or None."""


# --- product interest counted centrally ----------------------------------------------------------


from datetime import date  # noqa: E402

from pos.interest import CentralInterestCount  # noqa: E402


@runtime_checkable
class CentralInterest(Protocol):
    """Product interest the central store counted (shelf-label QR scans by phones)."""

    def interest_between(self, first: date, last: date,
                         store: str | None = None) -> list[CentralInterestCount]:
        """Counts per SKU, store key, day and source of the days ``first`` to ``last``
        (inclusive), of one store key when ``store`` is given. ``CommerceUnavailable`` when the
        central store cannot be reached."""
from pos.central_orders import CentralOrderStatus, CentralReturnStatus  # noqa: E402


@runtime_checkable
class OrderStatuses(Protocol):
    """What the central store says of orders and returns the back office lists (its Orders
    page): read in batches, one request per page of rows, never one per row. Raises
    CommerceUnavailable when the store cannot be reached."""

    def order_statuses(self, order_ids: Sequence[str]) -> dict[str, CentralOrderStatus]:
        """Each order's payment and fulfilment status with its lines, payments and fulfilments,
        by id (an id the store does not know is left out)."""

    def return_statuses(self, return_ids: Sequence[str]) -> dict[str, CentralReturnStatus]:
        """Each return's status and what was refunded centrally for it, by return id."""
