"""The invoice's domain: OCR references (Luhn, length digit), numbers, VAT per rate in exact öre,
and the credit check."""
from datetime import date

import pytest

from pos.invoices import (Buyer, Invoice, InvoiceError, InvoiceLine, InvoiceStatus, OpenInvoice,
                          Seller, check_ocr, credit_refusal, due_date, invoice_number,
                          number_of_reference, ocr_reference, vat_number)
from pos.scan_router import ScanKind, classify
from pos.vat import VatRate


def test_known_good_luhn_references_are_accepted():
    # Luhn's own textbook example, and the reference Bankgirot's OCR guide builds from 123456789
    # (check digit 7); both are what every bank's OCR check accepts
    assert check_ocr("79927398713") == "79927398713"
    assert check_ocr("1234567897") == "1234567897"
    assert ocr_reference("123456789", length_digit=False) == "1234567897"
    with pytest.raises(InvoiceError) as e:
        check_ocr("79927398710")
    assert e.value.code == "invoice.ocr_check_digit"


def test_a_reference_with_a_length_digit():
    # 1000042 has 7 digits; with the length digit and the check digit 9: length digit 9
    ref = ocr_reference("1000042")
    assert len(ref) == 9 and ref[:7] == "1000042" and ref[7] == "9"
    # Luhn over 10000429 from the right: 9*2-9=9, 2, 4*2=8, 0, 0, 0, 0*2, 1: 20 -> check 0
    assert ref == "100004290"
    assert check_ocr(ref, length_digit=True) == ref
    assert number_of_reference(ref) == "1000042"
    # a valid Luhn reference whose length digit is wrong is refused when the length is checked
    wrong = "10000428" + str(__import__("pos.scan_router").scan_router.luhn_check_digit("10000428"))
    assert check_ocr(wrong, length_digit=False) == wrong
    with pytest.raises(InvoiceError) as e:
        check_ocr(wrong, length_digit=True)
    assert e.value.code == "invoice.ocr_length_digit"
    # a 10-digit reference has length digit 0
    assert ocr_reference("12345678")[-2] == "0"


def test_the_scan_router_takes_the_tills_references():
    ref = ocr_reference("1000042")
    scan = classify(f"OCR:{ref}")
    assert scan.kind is ScanKind.INVOICE_REFERENCE and scan.value == ref
    assert classify(f"OCR:{ref[:-1]}3").kind is ScanKind.INVALID_REFERENCE


def test_numbers_series_and_due_dates():
    assert invoice_number("1", 42) == "1000042"
    assert invoice_number("12", 1) == "12000001"
    with pytest.raises(InvoiceError):
        invoice_number("A1", 1)
    assert due_date(date(2026, 11, 30), 30) == date(2026, 12, 30)
    assert vat_number("556677-8899") == "SE556677889901"


def _invoice(lines, paid=0):
    return Invoice("1000001", ocr_reference("1000001"), Buyer("cus_1", "Anna", ("Gatan 1",)),
                   Seller("Omnihandeln Sverige AB", "556677-8899", "123-4567"), tuple(lines),
                   date(2026, 11, 1), date(2026, 12, 1), amount_paid=paid)


def test_vat_per_rate_in_exact_ore_that_does_not_divide():
    inv = _invoice([InvoiceLine("Tröja", 3, 3333, 9999, VatRate.STANDARD),
                    InvoiceLine("Kaffe", 1, 5990, 5990, VatRate.FOOD),
                    InvoiceLine("Bok", 1, 12950, 12950, VatRate.REDUCED),
                    InvoiceLine("Strumpor", 1, 4901, 4901, VatRate.STANDARD)])
    assert inv.total == 33840
    by_rate = {v.rate: (v.gross, v.vat) for v in inv.vat}
    # 25 %: 14900 * 25/125 = 2980; 12 %: 5990 * 12/112 = 641.79 -> 642; 6 %: 12950*6/106 = 733.02
    assert by_rate == {VatRate.STANDARD: (14900, 2980), VatRate.FOOD: (5990, 642),
                       VatRate.REDUCED: (12950, 733)}
    assert inv.vat_total == 4355
    assert [v.rate for v in inv.vat] == [VatRate.STANDARD, VatRate.FOOD, VatRate.REDUCED]


def test_status_open_overdue_paid():
    inv = _invoice([InvoiceLine("Tröja", 1, 19900, 19900, VatRate.STANDARD)])
    assert inv.status(date(2026, 12, 1)) is InvoiceStatus.OPEN  # the due date itself: open
    assert inv.status(date(2026, 12, 2)) is InvoiceStatus.OVERDUE
    assert inv.paid(19900, date(2026, 12, 5)).status(date(2026, 12, 9)) is InvoiceStatus.PAID
    assert inv.paid(100, date(2026, 12, 5)).amount_due == 19800


def test_credit_refusals():
    today = date(2026, 11, 30)
    fine = [OpenInvoice("1000001", 40000, date(2026, 12, 10))]
    assert credit_refusal("Anna", fine, 9999, 50000, today) is None
    assert credit_refusal("Anna", fine, 10000, 50000, today) is None  # exactly the limit
    over = credit_refusal("Anna", fine, 10001, 50000, today)
    assert over is not None and over.code == "invoice.over_credit_limit"
    assert over.params == {"customer": "Anna", "owed": "500,01", "limit": "500,00"}
    assert credit_refusal("Anna", fine, 10**9, None, today) is None  # no limit
    late = [*fine, OpenInvoice("1000002", 1, date(2026, 11, 29))]
    refused = credit_refusal("Anna", late, 1, None, today)
    assert refused is not None and refused.code == "invoice.customer_overdue"
    assert refused.params["number"] == "1000002"
    # a paid one (nothing due) is no refusal, even past its date
    assert credit_refusal("Anna", [OpenInvoice("1000003", 0, date(2026, 1, 1))], 1, None,
                          today) is None
