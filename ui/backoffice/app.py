"""The store manager's back office (placeholder until its release)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.widgets.placeholder import ComingSoonWindow



def make_window(context: Any = None) -> ComingSoonWindow:
    return ComingSoonWindow(
        QCoreApplication.translate("Backoffice", "omnipos back office"),
        [QCoreApplication.translate("Backoffice", "Dashboard and reports"),
         QCoreApplication.translate("Backoffice", "Z reports and the electronic journal"),
         QCoreApplication.translate("Backoffice", "Staff, devices and stock"),
         QCoreApplication.translate("Backoffice", "Campaigns, shelf labels and sync status")])


def run_backoffice(context: Any = None, *, argv: list[str] | None = None,
                   language: str = "sv") -> int:
    from ui.till.app import make_app
    app = make_app(argv, language)
    window = make_window(context)
    window.show()
    return int(app.exec())
