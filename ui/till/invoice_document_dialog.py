"""An invoice's document at the till: print it on the system's printer, save it as a PDF, or
e-mail it (again) to the buyer or a typed address. Opened with F9 from the payment dialog's last
page (the sale just paid by invoice) and from the invoice payment dialog (one of this store's
invoices found by its OCR or in the customer's list).

Printing: ``[invoice] printer`` names the system printer (printed there at once), else the
system's print dialog (QPrintDialog) asks, its default printer chosen; the printer is chosen on
the GUI thread, the pages are painted on the printer's lane (a spooler can keep a print job
waiting). The PDF and the e-mail's queueing go on that lane too."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from pos.invoices import Invoice
from pos.money import format_kronor
from pos.receipt_mail import is_address
from pos.services.invoice_mail import InvoiceMailRequest
from pos.services.till import Till
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.till import invoice_document_ops as ops
from ui.widgets.dialog import Dialog
from ui.widgets.style import set_level, set_role

TOUCH = 48


class InvoiceDocumentDialog(Dialog):
    def __init__(self, lanes: Lanes, till: Till, invoice: Invoice,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invoiceDocumentDialog")
        self.setWindowTitle(self.tr("Invoice %1").replace("%1", invoice.number))
        self.setModal(True)
        self._lanes, self._till, self.invoice = lanes, till, invoice
        self.busy = False
        heading = QLabel(self.tr("Invoice %1").replace("%1", invoice.number), self)
        set_role(heading, "heading")
        form = QFormLayout()
        form.addRow(self.tr("Customer"), QLabel(invoice.buyer.name or invoice.buyer.customer_id,
                                                self))
        amount = QLabel(format_kronor(invoice.amount_due, symbol=True), self)
        amount.setObjectName("invoiceDocumentAmount")
        set_role(amount, "heading")
        form.addRow(self.tr("Amount due"), amount)
        form.addRow(self.tr("Due date"), QLabel(invoice.due_on.isoformat(), self))
        form.addRow(self.tr("OCR reference"), QLabel(invoice.ocr, self))
        form.addRow(self.tr("Bankgiro"), QLabel(invoice.seller.bankgiro, self))
        self.print_button = QPushButton(self.tr("Print the invoice (F9)"), self)
        self.print_button.setObjectName("printInvoiceButton")
        set_role(self.print_button, "primary")
        self.pdf_button = QPushButton(self.tr("Save as PDF (F8)"), self)
        self.pdf_button.setObjectName("saveInvoicePdfButton")
        self.address = QLineEdit(invoice.buyer.email, self)
        self.address.setObjectName("invoiceEmail")
        self.address.setPlaceholderText(self.tr("The customer's e-mail address"))
        self.address.returnPressed.connect(self.send_email)
        self.address.textChanged.connect(self._check)
        self.email_button = QPushButton(self.tr("E-mail the invoice (F7)"), self)
        self.email_button.setObjectName("emailInvoiceButton")
        self.close_button = QPushButton(self.tr("Close (Esc)"), self)
        self.close_button.setObjectName("invoiceDocumentClose")
        for b in (self.print_button, self.pdf_button, self.email_button, self.close_button):
            b.setMinimumHeight(TOUCH)
        self.address.setMinimumHeight(TOUCH)
        self.print_button.clicked.connect(self.print_invoice)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.email_button.clicked.connect(self.send_email)
        self.close_button.clicked.connect(self.reject)
        self.status = QLabel("", self)
        self.status.setObjectName("invoiceDocumentStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "message")
        self.mail_offered = bool(till.receipt_mail)
        mail = QHBoxLayout()
        mail.addWidget(self.address, 1)
        mail.addWidget(self.email_button)
        self.address.setVisible(self.mail_offered)
        self.email_button.setVisible(self.mail_offered)
        paper = QHBoxLayout()
        paper.addWidget(self.print_button, 1)
        paper.addWidget(self.pdf_button, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addLayout(paper)
        layout.addLayout(mail)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        for key, slot in (("F9", self.print_invoice), ("F8", self.save_pdf),
                          ("F7", self.send_email)):
            QShortcut(QKeySequence(key), self, activated=slot)
        self.setMinimumWidth(560)
        self._check()
        self.print_button.setFocus()

    # --- printing -----------------------------------------------------------------------------

    def choose_printer(self) -> QPrinter | None:
        """The printer to print on (GUI thread): ``[invoice] printer``, else the system's print
        dialog with its default printer chosen; None: cancelled, or no such printer."""
        name = self._till.config.invoice.printer
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if name:
            if name not in QPrinterInfo.availablePrinterNames():
                self._say(self.tr("The invoice printer %1 is not installed on this computer: "
                                  "save the invoice as a PDF, or check [invoice] printer.")
                          .replace("%1", name), "error")
                return None
            printer.setPrinterName(name)
            return printer
        default = QPrinterInfo.defaultPrinter()
        if not default.isNull():
            printer.setPrinterName(default.printerName())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print invoice %1").replace("%1", self.invoice.number))
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def print_invoice(self) -> None:
        if self.busy:
            return
        printer = self.choose_printer()
        if printer is None:
            return
        self._start(self.tr("Printing the invoice…"))
        ops.print_invoice(self._lanes, self.invoice, printer, on_done=self._printed,
                          on_error=self._failed)

    def _printed(self, where: str) -> None:
        self._finish(self.tr("Invoice %1 printed on %2.").replace("%1", self.invoice.number)
                     .replace("%2", where), "ok")

    # --- PDF -------------------------------------------------------------------------------------

    def ask_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the invoice"),
                                              f"faktura-{self.invoice.number}.pdf",
                                              "PDF (*.pdf)")
        return Path(name) if name else None

    def save_pdf(self) -> None:
        if self.busy:
            return
        path = self.ask_path()
        if path is None:
            return
        self._start(self.tr("Saving the PDF…"))
        ops.save_invoice_pdf(self._lanes, self.invoice, path, on_done=self._saved,
                             on_error=self._failed)

    def _saved(self, path: Path) -> None:
        self._finish(self.tr("Invoice saved as %1").replace("%1", str(path)), "ok")

    # --- e-mail ----------------------------------------------------------------------------------

    def send_email(self) -> None:
        if self.busy or not self.mail_offered:
            return
        to = self.address.text().strip()
        if not is_address(to):
            self._say(self.tr("That is not an e-mail address: check it and try again."), "error")
            self.address.setFocus()
            return
        self._start(self.tr("Queuing the e-mail…"))
        ops.email_invoice(self._lanes, self._till, self.invoice.number, to,
                          on_done=self._queued, on_error=self._failed)

    def _queued(self, request: InvoiceMailRequest) -> None:
        self._finish(self.tr("Invoice %1 will be e-mailed to %2.").replace("%1", request.number)
                     .replace("%2", request.to_masked), "ok")

    # --- state -----------------------------------------------------------------------------------

    def _start(self, text: str) -> None:
        self.busy = True
        self._say(text, "info")
        self._check()

    def _finish(self, text: str, level: str) -> None:
        self.busy = False
        self._say(text, level)
        self._check()

    def _failed(self, exc: BaseException) -> None:
        self._finish(message_for(exc), "error")

    def _say(self, text: str, level: str) -> None:
        self.status.setText(text)
        set_level(self.status, level)

    def _check(self) -> None:
        for b in (self.print_button, self.pdf_button):
            b.setEnabled(not self.busy)
        self.email_button.setEnabled(not self.busy and is_address(self.address.text()))
