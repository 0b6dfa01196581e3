"""What each kind of outbox message is called on the Sync page (the kinds ``pos.sync`` and the
flows queue for the central store or the mail server). An unknown kind shows as it is stored."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

LABELS = {
    "store_order": QT_TRANSLATE_NOOP("OutboxKinds", "Sale to the central store"),
    "delivery_order": QT_TRANSLATE_NOOP("OutboxKinds", "Ship-to-home order"),
    "return": QT_TRANSLATE_NOOP("OutboxKinds", "Return"),
    "pickup_handover": QT_TRANSLATE_NOOP("OutboxKinds", "Pickup handed over"),
    "invoice_capture": QT_TRANSLATE_NOOP("OutboxKinds", "Invoice paid"),
    "invoice_email": QT_TRANSLATE_NOOP("OutboxKinds", "Invoice e-mail"),
    "receipt_email": QT_TRANSLATE_NOOP("OutboxKinds", "Receipt e-mail"),
    "gift_card.issue": QT_TRANSLATE_NOOP("OutboxKinds", "Gift card issued"),
    "store_credit.credit": QT_TRANSLATE_NOOP("OutboxKinds", "Store credit"),
    "stock_adjustment": QT_TRANSLATE_NOOP("OutboxKinds", "Stock count difference"),
    "transfer_receipt": QT_TRANSLATE_NOOP("OutboxKinds", "Transfer received"),
}


def outbox_kind_label(kind: str) -> str:
    """``kind`` in the screen's language (itself when it has no name here)."""
    source = LABELS.get(kind)
    return QCoreApplication.translate("OutboxKinds", source) if source else kind
