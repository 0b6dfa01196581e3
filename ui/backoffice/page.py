"""A page of the back office: its title in the navigation, a message line, and ``activate()``,
which (re)loads what it shows on a worker lane when the page is shown or F5 is pressed."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ui.backoffice.context import BackofficeContext
from ui.lanes import Lanes
from ui.widgets.style import set_level, unbroken


class Page(QWidget):
    def __init__(self, lanes: Lanes, ctx: BackofficeContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lanes, self.ctx = lanes, ctx
        self.message = QLabel(self)
        self.message.setObjectName("pageMessage")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        set_level(self.message, "info")

    def title(self) -> str:
        raise NotImplementedError

    def activate(self) -> None:
        """Load the page's figures (on a lane); called each time the page is shown."""

    def show_message(self, text: str, level: str = "info") -> None:
        self.message.setText(unbroken(text))
        set_level(self.message, level)
