"""The till's keyboard shortcuts: one table, used by the screen, the F1 help and the README.

Every action is also a button (touch); every button's action is also a key (keyboard-only use).
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence


@dataclass(frozen=True)
class Shortcut:
    action: str  # the SalePage/MainWindow action name
    keys: str  # QKeySequence text (portable form)
    description: str  # English; translated in the "Shortcuts" context


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("help", "F1", QT_TRANSLATE_NOOP("Shortcuts", "Help: this list of shortcuts")),
    Shortcut("search", "F2", QT_TRANSLATE_NOOP("Shortcuts", "Search articles by name")),
    Shortcut("quantity", "F3", QT_TRANSLATE_NOOP("Shortcuts", "Quantity of the selected line")),
    Shortcut("line_discount", "F4", QT_TRANSLATE_NOOP("Shortcuts", "Discount on the selected line")),
    Shortcut("cart_discount", "F5", QT_TRANSLATE_NOOP("Shortcuts", "Discount on the whole sale")),
    Shortcut("price_override", "F6",
             QT_TRANSLATE_NOOP("Shortcuts", "Change the price of the selected line (manager)")),
    Shortcut("park", "F7", QT_TRANSLATE_NOOP("Shortcuts", "Park the sale")),
    Shortcut("resume", "F8", QT_TRANSLATE_NOOP("Shortcuts", "Resume a parked sale")),
    Shortcut("pickups", "Shift+F8",
             QT_TRANSLATE_NOOP("Shortcuts", "Web orders for pickup: receive, pay, hand over")),
    Shortcut("pay", "F9", QT_TRANSLATE_NOOP("Shortcuts", "Pay")),
    Shortcut("returns", "Shift+F9",
             QT_TRANSLATE_NOOP("Shortcuts", "Return goods: by receipt, web order or the "
                                            "customer's purchases; without receipt (manager)")),
    Shortcut("shift_menu", "F10",
             QT_TRANSLATE_NOOP("Shortcuts", "Shift: open, cash in/out, X report, close (Z)")),
    Shortcut("promo_code", "F11",
             QT_TRANSLATE_NOOP("Shortcuts", "Promotion code: add or remove the customer's codes")),
    Shortcut("customer", "Ctrl+K",
             QT_TRANSLATE_NOOP("Shortcuts", "Customer: find them by phone, e-mail or name")),
    Shortcut("stock", "Ctrl+I",
             QT_TRANSLATE_NOOP("Shortcuts", "Stock everywhere: the selected line or search "
                                            "result, here, in other stores and the warehouse")),
    Shortcut("deliver", "Ctrl+D",
             QT_TRANSLATE_NOOP("Shortcuts", "Home delivery: send the selected line home, or "
                                            "take it now again")),
    Shortcut("delivery", "Ctrl+Shift+D",
             QT_TRANSLATE_NOOP("Shortcuts", "Home delivery: address and sending location")),
    Shortcut("gift_card", "Ctrl+G",
             QT_TRANSLATE_NOOP("Shortcuts", "Gift card: sell one for an amount (pay with one: "
                                            "F7 in the payment)")),
    Shortcut("reprint", "F12", QT_TRANSLATE_NOOP("Shortcuts", "Reprint the last receipt (copy)")),
    Shortcut("email_receipt", "Shift+F12",
             QT_TRANSLATE_NOOP("Shortcuts", "E-mail a receipt (a copy) to the customer")),
    Shortcut("remove_line", "Del", QT_TRANSLATE_NOOP("Shortcuts", "Remove the selected line")),
    Shortcut("void_sale", "Ctrl+Shift+V", QT_TRANSLATE_NOOP("Shortcuts", "Void the whole sale")),
    Shortcut("cancel", "Esc", QT_TRANSLATE_NOOP("Shortcuts", "Cancel a dialog / go back")),
    Shortcut("move", "Up / Down", QT_TRANSLATE_NOOP("Shortcuts", "Move in the sale's lines")),
    Shortcut("plus_minus", "+ / -",
             QT_TRANSLATE_NOOP("Shortcuts", "One more / one less of the selected line")),
    Shortcut("logout", "Ctrl+L", QT_TRANSLATE_NOOP("Shortcuts", "Log out")),
    Shortcut("invoices", "Ctrl+F",
             QT_TRANSLATE_NOOP("Shortcuts", "Pay an invoice (F8: the customer's)")),
)

# Shortcuts installed as QShortcut on the sale page (the others are handled by widgets/keys).
KEYED = {s.action: s.keys for s in SHORTCUTS
         if s.action not in ("cancel", "move", "plus_minus")}


def description(s: Shortcut) -> str:
    return QCoreApplication.translate("Shortcuts", s.description)


# keys that are not one key sequence, named in the "Shortcuts" context
_KEY_NAMES = {"Up / Down": QT_TRANSLATE_NOOP("Shortcuts", "Up / Down")}


def key_label(s: Shortcut) -> str:
    """The keys as the cashier's keyboard names them ("Ctrl+Skift+V" in Swedish, by Qt's own
    qtbase translation; "Upp / Ned")."""
    if s.keys in _KEY_NAMES:
        return QCoreApplication.translate("Shortcuts", _KEY_NAMES[s.keys])
    if " / " in s.keys:
        return s.keys
    return QKeySequence(s.keys).toString(QKeySequence.SequenceFormat.NativeText)


def markdown_table() -> str:
    """The table for the README (English)."""
    rows = ["| Key | Action |", "|---|---|"]
    rows += [f"| {s.keys} | {s.description} |" for s in SHORTCUTS]
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown_table())
