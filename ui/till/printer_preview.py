"""Where the preview printer's paper shows, so that it covers nothing the cashier needs.

* **Beside the till** when the screen has room for both: the till's window gets the screen less
  a strip for the paper (``split_screen``), and the preview printer's window stands in that strip
  (``PreviewPrinterWindow``, a tool window that never takes the focus).
* Otherwise **a panel inside the till's window** (``PreviewPanel``), over the cart's lines at the
  right: it is part of the till's window, so a dialog (the payment dialog and its change) is
  always above it; the cashier closes it with its button, and it closes by itself when the next
  sale begins (the first line of the next customer) or the cashier logs out.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos.receipt import ReceiptDocument
from pos.receipt_lines import Paper
from ui.till.receipt_preview import PreviewPrinterWindow, ReceiptView
from ui.widgets.style import metrics, set_role

MIN_TILL_WIDTH = 1024  # the narrowest the till is laid out for


def paper_width(paper: int | Paper) -> int:
    """The width the preview printer's window for ``paper`` (or that many columns) needs on
    screen, in pixels."""
    probe = PreviewPrinterWindow(None, columns=paper)
    probe.ensurePolished()
    width = max(probe.sizeHint().width(), probe.minimumSizeHint().width())
    probe.deleteLater()
    return width


def set_frame_geometry(window: QWidget, rect: QRect) -> None:
    """Put ``window`` with its frame (if a window manager draws one) inside ``rect``."""
    frame, inner = window.frameGeometry(), window.geometry()
    window.setGeometry(rect.adjusted(inner.left() - frame.left(), inner.top() - frame.top(),
                                     inner.right() - frame.right(),
                                     inner.bottom() - frame.bottom()))


def split_screen(area: QRect, paper: int | None, fullscreen: bool = False
                 ) -> tuple[QRect, QRect | None]:
    """The till's rectangle and the preview printer's (None: the preview is a panel inside the
    till) on a screen whose free area is ``area``; ``paper`` is the preview's width (None: no
    preview printer)."""
    if paper is None or fullscreen or area.width() - paper < MIN_TILL_WIDTH:
        return QRect(area), None
    till = QRect(area.x(), area.y(), area.width() - paper, area.height())
    return till, QRect(till.x() + till.width(), area.y(), paper, area.height())


class PreviewPanel(QFrame):
    """The preview printer's paper as a panel in the till's window (see the module's doc)."""

    def __init__(self, parent: QWidget, columns: int | Paper) -> None:
        super().__init__(parent)
        self.setObjectName("previewPanel")
        self.setProperty("role", "panel")
        self.anchor: QWidget | None = None  # the widget whose area the panel covers
        m = metrics()
        title = QLabel(self.tr("Receipt printer (preview)"), self)
        title.setObjectName("previewPanelTitle")
        title.setProperty("role", "caption")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("previewPanelClose")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps it
        set_role(self.close_button, "primary")
        self.close_button.clicked.connect(self.hide)
        self.view = ReceiptView(self, columns)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(m.px(8), m.px(8), m.px(8), m.px(8))
        layout.addLayout(head)
        layout.addWidget(self.view, 1)
        self.hide()

    def printed(self, doc: ReceiptDocument) -> None:
        self.view.show_document(doc)
        self.place()
        self.show()
        self.raise_()

    def place(self) -> None:
        """Over the right of the anchor (the cart's lines), as wide as the paper and as high
        as the anchor."""
        parent = self.parentWidget()
        anchor = self.anchor if self.anchor is not None and self.anchor.isVisible() else parent
        if parent is None or anchor is None:
            return
        top_left = anchor.mapTo(parent, anchor.rect().topLeft()) if anchor is not parent \
            else anchor.rect().topLeft()
        area = QRect(top_left, anchor.size())
        width = min(self.sizeHint().width(), area.width())
        self.setGeometry(area.x() + area.width() - width, area.y(), width, area.height())
