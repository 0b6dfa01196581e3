"""What each kind of journal entry is called on the back office's screens (``pos.journal.Kind``
and the kinds the flows write: invoices). An unknown kind shows as it is stored."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

LABELS = {
    "sale": QT_TRANSLATE_NOOP("JournalKinds", "Sale"),
    "return": QT_TRANSLATE_NOOP("JournalKinds", "Return"),
    "void_line": QT_TRANSLATE_NOOP("JournalKinds", "Line voided"),
    "void_sale": QT_TRANSLATE_NOOP("JournalKinds", "Sale voided"),
    "receipt_copy": QT_TRANSLATE_NOOP("JournalKinds", "Receipt copy"),
    "receipt_copy_refused": QT_TRANSLATE_NOOP("JournalKinds", "Receipt copy refused"),
    "receipt_email": QT_TRANSLATE_NOOP("JournalKinds", "Receipt e-mailed"),
    "drawer_open": QT_TRANSLATE_NOOP("JournalKinds", "Drawer opened"),
    "price_override": QT_TRANSLATE_NOOP("JournalKinds", "Price changed"),
    "discount_approved": QT_TRANSLATE_NOOP("JournalKinds", "Discount approved"),
    "shift_open": QT_TRANSLATE_NOOP("JournalKinds", "Shift opened"),
    "shift_close": QT_TRANSLATE_NOOP("JournalKinds", "Shift closed"),
    "cash_in": QT_TRANSLATE_NOOP("JournalKinds", "Cash in"),
    "cash_out": QT_TRANSLATE_NOOP("JournalKinds", "Cash out"),
    "x_report": QT_TRANSLATE_NOOP("JournalKinds", "X report"),
    "z_report": QT_TRANSLATE_NOOP("JournalKinds", "Z report"),
    "report_copy": QT_TRANSLATE_NOOP("JournalKinds", "Report copy"),
    "park": QT_TRANSLATE_NOOP("JournalKinds", "Sale parked"),
    "login": QT_TRANSLATE_NOOP("JournalKinds", "Login"),
    "login_failed": QT_TRANSLATE_NOOP("JournalKinds", "Login failed"),
    "logout": QT_TRANSLATE_NOOP("JournalKinds", "Logout"),
    "card_refund": QT_TRANSLATE_NOOP("JournalKinds", "Card refund"),
    "tender_removed": QT_TRANSLATE_NOOP("JournalKinds", "Tender taken back"),
    "gift_card_sold": QT_TRANSLATE_NOOP("JournalKinds", "Gift card sold"),
    "staff_added": QT_TRANSLATE_NOOP("JournalKinds", "Staff added"),
    "staff_changed": QT_TRANSLATE_NOOP("JournalKinds", "Staff changed"),
    "discount_limit_changed": QT_TRANSLATE_NOOP("JournalKinds", "Discount limit changed"),
    "pin_reset": QT_TRANSLATE_NOOP("JournalKinds", "PIN reset"),
    "lockout_lifted": QT_TRANSLATE_NOOP("JournalKinds", "Lockout lifted"),
    "outbox_retry": QT_TRANSLATE_NOOP("JournalKinds", "Message to the central store retried"),
    "customer_created": QT_TRANSLATE_NOOP("JournalKinds", "Customer created"),
    "customer_changed": QT_TRANSLATE_NOOP("JournalKinds", "Customer changed"),
    "stock_count_started": QT_TRANSLATE_NOOP("JournalKinds", "Stock count started"),
    "stock_count_posted": QT_TRANSLATE_NOOP("JournalKinds", "Stock count posted"),
    "stock_count_cancelled": QT_TRANSLATE_NOOP("JournalKinds", "Stock count cancelled"),
    "transfer_received": QT_TRANSLATE_NOOP("JournalKinds", "Transfer received"),
    "invoice_issued": QT_TRANSLATE_NOOP("JournalKinds", "Invoice issued"),
    "invoice_approved": QT_TRANSLATE_NOOP("JournalKinds", "Invoice approved"),
    "invoice_payment": QT_TRANSLATE_NOOP("JournalKinds", "Invoice paid"),
    "shelf_labels": QT_TRANSLATE_NOOP("JournalKinds", "Shelf labels printed"),
}


def kind_label(kind: str) -> str:
    """``kind`` in the screen's language (itself when it has no name here)."""
    source = LABELS.get(kind)
    return QCoreApplication.translate("JournalKinds", source) if source else kind
