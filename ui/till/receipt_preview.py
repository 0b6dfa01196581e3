"""A ``ReceiptDocument`` on screen, as the paper would show it (monospaced, paper width).

Used by the preview printer (every printed document appears here), for X and Z reports, and
for looking at a receipt again. QR codes are drawn as real QR codes under the text.
"""
from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QPushButton, QTextBrowser,
                               QVBoxLayout, QWidget)

from pos.receipt import Align, Barcode, Columns, Feed, QrCode, ReceiptDocument, Rule, Text
from ui.widgets.qr import qr_pixmap
from ui.widgets.style import set_level, set_role
from ui.qt_compat import emit

PAPER_COLUMNS = 42


FONT_PX = 14


def _fit(text: str, align: Align, width: int) -> str:
    if align is Align.CENTER:
        return text.center(width).rstrip()
    if align is Align.RIGHT:
        return text.rjust(width)
    return text


def receipt_lines(doc: ReceiptDocument, columns: int) -> list[tuple[str, int, bool]]:
    """(text, size, bold) per printed line, laid out as ``ReceiptDocument.plain_text`` does but
    keeping double-size lines double (they take half the columns, at twice the height)."""
    out: list[tuple[str, int, bool]] = []
    for b in doc.blocks:
        if isinstance(b, Text):
            out.append((_fit(b.text, b.align, max(1, columns // b.size)), b.size, b.bold))
        elif isinstance(b, Columns):
            w = max(1, columns // b.size)
            gap = max(1, w - len(b.left) - len(b.right))
            out.append((f"{b.left}{' ' * gap}{b.right}", b.size, b.bold))
        elif isinstance(b, Rule):
            out.append((b.char * columns, 1, False))
        elif isinstance(b, Barcode):
            out.append((f"||| {b.data} |||".center(columns).rstrip(), 1, False))
        elif isinstance(b, QrCode):
            if b.caption:
                out.append((b.caption.center(columns).rstrip(), 1, False))
        elif isinstance(b, Feed):
            out.extend([("", 1, False)] * b.lines)
    return out


def receipt_html(doc: ReceiptDocument, columns: int) -> str:
    rows = []
    for text, size, bold in receipt_lines(doc, columns):
        style = (f"font-family:'DejaVu Sans Mono',monospace;font-size:{FONT_PX * size}px;"
                 + ("font-weight:bold;" if bold else ""))
        rows.append(f'<div style="white-space:pre;margin:0;{style}">{html.escape(text) or "&nbsp;"}'
                    "</div>")
    return "".join(rows)


class ReceiptView(QWidget):
    """The receipt on a white strip of "paper", double-size lines double, QR codes drawn."""

    def __init__(self, parent: QWidget | None = None, columns: int = PAPER_COLUMNS) -> None:
        super().__init__(parent)
        self.columns = columns
        self.text = QTextBrowser(self)
        self.text.setObjectName("receiptText")
        self.text.setLineWrapMode(QTextBrowser.LineWrapMode.NoWrap)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPixelSize(FONT_PX)
        self.text.document().setDefaultFont(font)
        self.text.setStyleSheet("QTextBrowser { background: white; font-family: 'DejaVu Sans Mono', "
                                f"monospace; font-size: {FONT_PX}px; }}")
        width = QFontMetrics(font).horizontalAdvance("M" * columns)
        self.text.setMinimumWidth(width + 48)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.qr = QLabel(self)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.qr)
        self.document: ReceiptDocument | None = None

    def show_document(self, doc: ReceiptDocument) -> None:
        self.document = doc
        self.text.setHtml(receipt_html(doc, self.columns))
        qrs = [b for b in doc.blocks if isinstance(b, QrCode)]
        if qrs:
            self.qr.setPixmap(qr_pixmap(qrs[0].data, 140))
            self.qr.show()
        else:
            self.qr.hide()

    def plain_text(self) -> str:
        return self.document.plain_text(self.columns) if self.document else ""


class ReceiptPreviewDialog(QDialog):
    """A receipt or report in a dialog, with an optional summary line and a Print button."""

    print_requested = Signal(object)

    def __init__(self, doc: ReceiptDocument | None = None, parent: QWidget | None = None, *,
                 title: str = "", summary: str = "", summary_level: str = "info",
                 can_print: bool = False, columns: int = PAPER_COLUMNS) -> None:
        super().__init__(parent)
        self.setObjectName("receiptPreview")
        self.setWindowTitle(title or self.tr("Receipt"))
        self.view = ReceiptView(self, columns)
        self.summary = QLabel(summary, self)
        self.summary.setObjectName("receiptSummary")
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "message")
        set_level(self.summary, summary_level)
        self.summary.setVisible(bool(summary))
        self.print_button = QPushButton(self.tr("Print"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setVisible(can_print)
        self.print_button.clicked.connect(lambda: emit(self.print_requested, self.view.document))
        close = QPushButton(self.tr("Close (Esc)"), self)
        close.setObjectName("closeButton")
        set_role(close, "primary")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(self.view.text.minimumWidth() + 40, 720)
        if doc is not None:
            self.view.show_document(doc)
        close.setFocus()

    def show_document(self, doc: ReceiptDocument) -> None:
        self.view.show_document(doc)


class PreviewPrinterWindow(ReceiptPreviewDialog):
    """The preview printer's "paper": a tool window showing the last printed document."""

    def __init__(self, parent: QWidget | None = None, columns: int = PAPER_COLUMNS) -> None:
        super().__init__(None, parent, title="", columns=columns)
        self.setObjectName("previewPrinter")
        self.setWindowTitle(self.tr("Receipt printer (preview)"))
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.Tool, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)

    def printed(self, doc: ReceiptDocument) -> None:
        self.show_document(doc)
        if not self.isVisible():
            self.show()
        self.raise_()


def attach_preview(printer: object, on_print: Callable[[ReceiptDocument], None]) -> bool:
    """Listen to a preview printer (duck-typed ``add_listener``); True if it is one."""
    add = getattr(printer, "add_listener", None)
    if add is None:
        return False
    add(on_print)
    return True
