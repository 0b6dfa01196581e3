"""The Protocols the outside world implements. ``pos/`` depends only on these.

Adapters live in ``hardware/`` (printers, terminals, displays, scanners) and ``integrations/``
(the central commerce store, e-mail, Swish); ``main.py`` wires concrete ones in. Every port call
may block: the UI calls them from workers, never from the GUI thread.

One module per side of the outside world:

- ``devices``: receipt printer and cash drawer, customer display, control unit;
- ``payment_providers``: card terminals, Swish, gift cards: one protocol for taking a payment;
- ``central``: the central store's errors, its capabilities and ``CommerceStore``;
- ``stock``: stock everywhere, stock count corrections, transfers;
- ``delivery``: ship-to-home orders and customers' saved addresses;
- ``customers``: customer records and purchase history;
- ``invoices``: invoices at the central store;
- ``mail``: e-mailed receipts and invoices;
- ``stored_value``: gift cards and store credit;
- ``interest``: product interest counted centrally;
- ``order_statuses``: orders' and returns' central status for the back office.

Importing from ``pos.ports`` itself stays valid for every name."""
from __future__ import annotations

from pos.ports.devices import (PRINTER_MESSAGES, PrinterError, PrinterOffline, PaperOut, CoverOpen,
                               PrinterStatus, ReceiptPrinter, DisplayLine, CustomerDisplay,
                               ControlRecord, ControlRegistration, ControlUnit)
from pos.ports.payment_providers import (PaymentOutcome, PaymentRequest, PaymentResult,
                                         PaymentProvider, CardTerminal)
from pos.ports.central import (CENTRAL_MESSAGES, CommerceUnavailable, CentralAccessRefused,
                               CatalogFeed, PromotionFeed, OrderSink, WebCarts, CustomerDirectory,
                               PickupOrders, PurchaseRecords, ReturnsDesk, CustomerNotifier,
                               CommerceHealth, CommerceStore)
from pos.ports.stock import StockDirectory, StockAdjustments, StockTransfers
from pos.ports.delivery import DeliveryOrders, CustomerAddresses
from pos.ports.customers import CustomerRecords, CustomerHistory
from pos.ports.invoices import InvoiceAlreadyPaid, CentralInvoices
from pos.ports.mail import (MAIL_MESSAGES, MailUnavailable, MailRefused, ReceiptMail, ReceiptMailer,
                            InvoiceMail, InvoiceMailer)
from pos.ports.stored_value import StoredValue
from pos.ports.interest import CentralInterest
from pos.ports.order_statuses import OrderStatuses

__all__ = [
    "PRINTER_MESSAGES", "PrinterError", "PrinterOffline", "PaperOut", "CoverOpen", "PrinterStatus",
    "ReceiptPrinter", "DisplayLine", "CustomerDisplay", "ControlRecord", "ControlRegistration",
    "ControlUnit", "PaymentOutcome", "PaymentRequest", "PaymentResult", "PaymentProvider",
    "CardTerminal", "CENTRAL_MESSAGES", "CommerceUnavailable", "CentralAccessRefused",
    "CatalogFeed", "PromotionFeed", "OrderSink", "WebCarts", "CustomerDirectory", "PickupOrders",
    "PurchaseRecords", "ReturnsDesk", "CustomerNotifier", "CommerceHealth", "CommerceStore",
    "StockDirectory", "StockAdjustments", "StockTransfers", "DeliveryOrders", "CustomerAddresses",
    "CustomerRecords", "CustomerHistory", "InvoiceAlreadyPaid", "CentralInvoices", "MAIL_MESSAGES",
    "MailUnavailable", "MailRefused", "ReceiptMail", "ReceiptMailer", "InvoiceMail",
    "InvoiceMailer", "StoredValue", "CentralInterest", "OrderStatuses",
]
