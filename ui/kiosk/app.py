"""The customer's order station (placeholder until its release)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.widgets.placeholder import ComingSoonWindow


def make_window(context: Any = None) -> ComingSoonWindow:
    return ComingSoonWindow(
        QCoreApplication.translate("Kiosk", "omnipos kiosk"),
        [QCoreApplication.translate("Kiosk", "Browse and scan products"),
         QCoreApplication.translate("Kiosk", "Stock here, in other stores and online"),
         QCoreApplication.translate("Kiosk", "Send your cart to a till or to your phone"),
         QCoreApplication.translate("Kiosk", "Order for delivery to your home")])


def run_kiosk(context: Any = None, *, argv: list[str] | None = None, language: str = "sv") -> int:
    from ui.till.app import make_app
    app = make_app(argv, language)
    window = make_window(context)
    window.show()
    return int(app.exec())
