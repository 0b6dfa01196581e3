"""A ``ReceiptDocument`` on screen, as the paper shows it: the same lines, broken in the same
places (``pos.receipt_lines.lay_out``, which the ESC/POS renderer prints too), monospaced, at
the paper's width, double-size lines double, QR codes drawn where the paper has them.

Used by the preview printer (every printed document appears here), for X and Z reports, and
for looking at a receipt again. Give it the printer's ``Paper`` (``printer.settings.paper``) to
show a receipt exactly as that printer prints it (its columns, its code page, its codes); a
number of columns alone lays it out for a printer that has every character and code.
"""
from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QTextBrowser,
                               QVBoxLayout, QWidget)

from pos.receipt import ReceiptDocument
from pos.receipt_lines import Line, Paper, as_text, lay_out
from ui.widgets.dialog import Dialog
from ui.widgets.qr import qr_pixmap
from ui.widgets.style import set_level, set_role, unbroken

PAPER_COLUMNS = 42


FONT_PX = 14
QR_PX = 140


def as_paper(paper: int | Paper) -> Paper:
    return paper if isinstance(paper, Paper) else Paper(max(1, int(paper)))


def printer_paper(printer: object) -> Paper:
    """The paper ``printer`` lays documents out for (its ``paper``), else a plain
    ``PAPER_COLUMNS``-column roll: what a preview of that printer's documents should show."""
    paper = getattr(printer, "paper", None)
    return paper if isinstance(paper, Paper) else Paper(PAPER_COLUMNS)


def receipt_lines(doc: ReceiptDocument, paper: int | Paper) -> list[Line]:
    """The document's lines on ``paper`` (or that many columns), as the printer prints them."""
    return lay_out(doc, as_paper(paper))


def _row(content: str, size: int = 1, bold: bool = False, centre: bool = False) -> str:
    style = (f"font-family:'DejaVu Sans Mono',monospace;font-size:{FONT_PX * size}px;"
             + ("font-weight:bold;" if bold else "") + ("text-align:center;" if centre else ""))
    return f'<div style="white-space:pre;margin:0;{style}">{content}</div>'


def receipt_html(doc: ReceiptDocument, paper: int | Paper) -> str:
    """The document as HTML rows, one per printed line; a QR code is an image named ``qr:N``
    (N counting from 0), which :class:`ReceiptView` supplies."""
    rows, qr = [], 0
    for line in receipt_lines(doc, paper):
        if line.kind == "qr":
            rows.append(_row(f'<img src="qr:{qr}" width="{QR_PX}" height="{QR_PX}">', centre=True))
            qr += 1
        elif line.kind == "barcode":
            rows.append(_row(html.escape(f"||| {line.text} |||".center(line.width).rstrip())))
        else:
            rows.append(_row(html.escape(line.shown) or "&nbsp;", line.size, line.bold))
    return "".join(rows)


class ReceiptView(QWidget):
    """The receipt on a white strip of "paper" (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None, columns: int | Paper = PAPER_COLUMNS) -> None:
        super().__init__(parent)
        self.paper = as_paper(columns)
        self.columns = self.paper.columns
        self.text = QTextBrowser(self)
        self.text.setObjectName("receiptText")
        self.text.setLineWrapMode(QTextBrowser.LineWrapMode.NoWrap)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPixelSize(FONT_PX)
        self.text.document().setDefaultFont(font)
        self.text.setStyleSheet("QTextBrowser { background: white; font-family: 'DejaVu Sans Mono', "
                                f"monospace; font-size: {FONT_PX}px; }}")
        width = QFontMetrics(font).horizontalAdvance("M" * self.columns)
        self.text.setMinimumWidth(width + 48)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        self.document: ReceiptDocument | None = None
        self.lines: list[Line] = []

    def show_document(self, doc: ReceiptDocument) -> None:
        self.document = doc
        self.lines = receipt_lines(doc, self.paper)
        qdoc = self.text.document()
        for n, line in enumerate(ln for ln in self.lines if ln.kind == "qr"):
            qdoc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"qr:{n}"),
                             qr_pixmap(line.text, QR_PX).toImage())
        self.text.setHtml(receipt_html(doc, self.paper))

    def shown_lines(self) -> list[str]:
        """Each line as the widget shows it (a QR code is U+FFFC, its image)."""
        text = self.text.document().toPlainText().replace("\u00a0", " ")
        return [ln.rstrip() for ln in text.split("\u2029" if "\u2029" in text else "\n")]

    def plain_text(self) -> str:
        return as_text(self.lines)


class ReceiptPreviewDialog(Dialog):
    """A receipt or report in a dialog, with an optional summary line and a Print button."""

    print_requested = Signal(object)

    def __init__(self, doc: ReceiptDocument | None = None, parent: QWidget | None = None, *,
                 title: str = "", summary: str = "", summary_level: str = "info",
                 can_print: bool = False, columns: int | Paper = PAPER_COLUMNS) -> None:
        super().__init__(parent)
        self.setObjectName("receiptPreview")
        self.setWindowTitle(title or self.tr("Receipt"))
        self.view = ReceiptView(self, columns)
        self.summary = QLabel(unbroken(summary), self)
        self.summary.setObjectName("receiptSummary")
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "message")
        set_level(self.summary, summary_level)
        self.summary.setVisible(bool(summary))
        self.print_button = QPushButton(self.tr("Print"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setVisible(can_print)
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.view.document))
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

    def __init__(self, parent: QWidget | None = None, columns: int | Paper = PAPER_COLUMNS) -> None:
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
