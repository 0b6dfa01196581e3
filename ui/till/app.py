"""Start the till: ``run_till(till, language="sv")`` creates the application and runs it."""
from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication

from pos.services.till import Till
from ui.i18n import install_translators
from ui.till.catalog_sync_status import Refresh
from ui.till.customer_display import CustomerDisplayWindow
from ui.till.main_window import MainWindow, preview_paper
from ui.widgets.style import apply_style
from ui.widgets.wedge import WedgeFilter

# main.py passes a function that starts a device scanner (serial, socket) with a callback for each
# scan and returns something with close(), or None when the config names none.
StartScanner = Callable[[Callable[[str], None]], Any]


class ScanBridge(QObject):
    """Scans from a device's reader thread, delivered on the GUI thread as a signal."""

    scanned = Signal(str)


def make_app(argv: list[str] | None = None, language: str = "sv") -> QApplication:
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    assert isinstance(app, QApplication)
    app.setApplicationName("omnipos")
    app.setOrganizationName("omnipos")
    install_translators(app, language)
    apply_style(app)
    return app


def size_for_screen(app: QApplication, till: Till, screen: QScreen | None = None, *,
                    preview_printer: Any = None, fullscreen: bool = False) -> None:
    """Scale the style to the part of ``screen`` (default: the primary one) the till's window
    will have (all of it, or what the preview printer's paper leaves); before the window is
    built, since its widgets read their sizes when they are made."""
    screen = screen or app.primaryScreen()
    if screen is None:
        return
    printer = preview_printer if preview_printer is not None else till.devices.printer
    apply_style(app, MainWindow.till_area(screen, preview_paper(printer), fullscreen).size())


def show_till(window: MainWindow, screen: QScreen | None = None, *,
              fullscreen: bool = False) -> None:
    """Show the till on ``screen`` (default: the primary one) as a till runs: maximised or full
    screen, with the keyboard."""
    window.show_on(screen, fullscreen=fullscreen)


def build_window(till: Till, *, preview_printer: Any = None, customer_display: bool = True,
                 wedge: WedgeFilter | None = None, refresh: Refresh | None = None,
                 sync_interval_minutes: float = 15) -> MainWindow:
    """The till window with its customer display and scanner wired (the app must exist);
    ``refresh``: the catalogue sync with the central store (None: there is none)."""
    display = None
    if customer_display and till.devices.display is None:
        display = CustomerDisplayWindow(till.config.store.store_name)
    window = MainWindow(till, preview_printer=preview_printer, display=display, refresh=refresh,
                        sync_interval_minutes=sync_interval_minutes)
    window.customer_display = display  # type: ignore[attr-defined]
    if wedge is not None:
        wedge.scanned.connect(window.sale_page.scanned)
    return window


def run_till(till: Till, *, preview_printer: Any = None, argv: list[str] | None = None,
             language: str = "sv", customer_display: bool = True,
             start_scanner: StartScanner | None = None, refresh: Refresh | None = None,
             sync_interval_minutes: float = 15, fullscreen: bool = False) -> int:
    """Run the till's GUI until it is closed; returns the exit code.

    ``language`` is "sv" (default, the demo store) or "en". ``preview_printer`` is a printer with
    ``add_listener`` whose documents are shown on screen (default: the till's printer, if it is a
    preview printer). The till fills the primary screen, maximised (``fullscreen``: full screen,
    ``[register] fullscreen`` in the config), its sizes scaled to it.
    """
    app = make_app(argv, language)
    size_for_screen(app, till, preview_printer=preview_printer, fullscreen=fullscreen)
    wedge = WedgeFilter(app).install(app)
    window = build_window(till, preview_printer=preview_printer,
                          customer_display=customer_display, wedge=wedge, refresh=refresh,
                          sync_interval_minutes=sync_interval_minutes)
    display = getattr(window, "customer_display", None)
    if display is not None:
        screens = app.screens()
        if len(screens) > 1:  # the customer's screen, if there is one
            display.move(screens[1].geometry().topLeft())
            display.showFullScreen()
        else:
            display.show()
    bridge = ScanBridge(window)
    bridge.scanned.connect(window.sale_page.scanned)
    scanner = start_scanner(bridge.scanned.emit) if start_scanner is not None else None
    show_till(window, fullscreen=fullscreen)
    try:
        code = app.exec()
    finally:
        if scanner is not None:
            scanner.close()
        wedge.uninstall(app)
    return int(code)
