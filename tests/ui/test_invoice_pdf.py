"""The invoice's PDF (QTextDocument on QPdfWriter), read back with pypdf: seller, buyer, lines,
VAT per rate, total, due date, OCR and bankgiro; and the e-mail hook hands it to a sender."""
from __future__ import annotations

import io
from datetime import date

import pytest

from pos.invoices import Buyer, Invoice, InvoiceLine, Seller, ocr_reference
from pos.vat import VatRate

pypdf = pytest.importorskip("pypdf")


def _invoice() -> Invoice:
    return Invoice("1000042", ocr_reference("1000042"),
                   Buyer("cus_01ABC", "Anna Svensson", ("Storgatan 1", "411 01 Göteborg"),
                         "anna@example.se"),
                   Seller("Omnihandeln Sverige AB", "556677-8899", "123-4567",
                          "Kungsgatan 12, 411 19 Göteborg"),
                   (InvoiceLine("T-shirt Bas blå M", 3, 3333, 9999, VatRate.STANDARD),
                    InvoiceLine("Kaffe Mörkrost 450 g", 1, 5990, 5990, VatRate.FOOD),
                    InvoiceLine("Bok: Röda rummet", 1, 12950, 12950, VatRate.REDUCED)),
                   date(2026, 11, 30), date(2026, 12, 30))


def _text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_the_pdf_says_what_the_customer_pays_and_how(qapp):
    from ui.documents.invoice_pdf import invoice_pdf_bytes

    text = _text(invoice_pdf_bytes(_invoice())).replace("\u00a0", " ")
    for expected in ("FAKTURA", "1000042", "100004290", "123-4567", "2026-12-30",
                     "Anna Svensson", "Storgatan 1", "Omnihandeln Sverige AB",
                     "SE556677889901", "289,39",  # the total
                     "20,00", "6,42", "7,33",  # VAT 25 %, 12 %, 6 % of 99,99 / 59,90 / 129,50
                     "33,75"):  # VAT in all
        assert expected in text, expected


def test_the_invoice_email_names_number_amount_due_date_ocr_and_bankgiro(qapp):
    from integrations.mail.invoices import invoice_message
    from integrations.mail.settings import MailSettings
    from pos.ports import InvoiceMail
    from ui.documents.invoice_pdf import invoice_pdf_bytes

    s = MailSettings(host="h", port=25, security="none", username="",
                     from_address="faktura@omnihandeln.se", from_name="", reply_to="", timeout=5)
    msg = invoice_message(InvoiceMail("anna@example.se", _invoice(), "invoice-mail.1"), s,
                          invoice_pdf_bytes)
    body = msg.get_body(("plain",)).get_content()
    assert msg["To"] == "anna@example.se" and "1000042" in msg["Subject"]
    for expected in ("1000042", "289,39 kr", "2026-12-30", "100004290", "123-4567"):
        assert expected in body, expected
    [pdf] = list(msg.iter_attachments())
    assert pdf.get_filename() == "faktura-1000042.pdf"
    assert "100004290" in _text(pdf.get_content())


def test_the_invoice_printed_on_a_qprinter_off_the_gui_thread(qapp, tmp_path):
    """What the print button does, on a printer that writes a PDF (QPrinter's PdfFormat): the
    same pages, painted from a worker thread as the till's printer lane does."""
    import threading

    from PySide6.QtPrintSupport import QPrinter

    from ui.documents.invoice_pdf import print_invoice

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "utskrift.pdf"))
    errors: list[BaseException] = []

    def job() -> None:
        try:
            print_invoice(_invoice(), printer)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)
    worker = threading.Thread(target=job)
    worker.start()
    worker.join(30)
    assert not errors and not worker.is_alive()
    del printer  # the file is finished when the printer goes
    reader = pypdf.PdfReader(str(tmp_path / "utskrift.pdf"))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages).replace("\u00a0", " ")
    assert len(reader.pages) == 1
    assert "OCR 100004290" in text and "Att betala: 289,39 kr" in text
    box = reader.pages[0].mediabox  # A4, as the PDF
    assert round(float(box.width) / 72 * 25.4) == 210 and round(float(box.height) / 72 * 25.4) == 297
