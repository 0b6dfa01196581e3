"""Start the store manager's back office: ``run_backoffice(ctx)`` creates the application, sizes
its style to the screen and shows the window (login first)."""
from __future__ import annotations

from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication

from ui.backoffice.context import BackofficeContext
from ui.backoffice.window import BackofficeWindow
from ui.widgets.style import apply_style


def make_window(ctx: BackofficeContext) -> BackofficeWindow:
    return BackofficeWindow(ctx)


def size_for_screen(app: QApplication, screen: QScreen | None = None) -> None:
    """Scale the style to ``screen`` (default: the primary one) before the window is built."""
    screen = screen or app.primaryScreen()
    if screen is not None:
        apply_style(app, screen.availableGeometry().size())


def run_backoffice(ctx: BackofficeContext, *, argv: list[str] | None = None,
                   language: str = "sv") -> int:
    from ui.till.app import make_app
    app = make_app(argv, language)
    size_for_screen(app)
    window = make_window(ctx)
    window.show_on()
    return int(app.exec())
