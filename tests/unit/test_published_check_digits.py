"""Check digits against codes published by others, not against the project's own generator (a
test that validates ``with_check_digit``'s output with ``parse_gtin`` passes whatever both get
wrong together). Among them codes whose check digit is 0, where a missing ``% 10`` shows."""
import pytest

from pos.gtin import GtinError, check_digit, parse_gtin
from pos.scan_router import ScanKind, classify, luhn_check_digit, luhn_ok

# GS1 mod-10 (EAN-8, UPC-A, EAN-13, GTIN-14), as printed on the goods or in the standards' examples
PUBLISHED_GTINS = [
    ("9783161484100", "EAN-13"),   # ISBN 978-3-16-148410-0, the ISBN standard's example: check 0
    ("4006381333931", "EAN-13"),   # the EAN-13 example of the Wikipedia article (a Stabilo pen)
    ("5901234123457", "EAN-13"),   # GS1's own EAN-13 sample
    ("9780306406157", "EAN-13"),   # ISBN 978-0-306-40615-7, the ISBN check-digit example
    ("3017620422003", "EAN-13"),   # a jar of Nutella
    ("036000291452", "UPC-A"),     # the UPC-A example of the Wikipedia article
    ("012345678905", "UPC-A"),     # GS1 US's sample UPC-A
    ("96385074", "EAN-8"),         # the EAN-8 example of the Wikipedia article
    ("73513537", "EAN-8"),
    ("17350053850252", "GTIN-14"),
]


@pytest.mark.parametrize("code, kind", PUBLISHED_GTINS)
def test_published_gtins_are_accepted_with_their_own_check_digit(code, kind):
    assert parse_gtin(code).kind == kind
    assert check_digit(code[:-1]) == int(code[-1])


@pytest.mark.parametrize("code, kind", PUBLISHED_GTINS)
def test_every_other_last_digit_is_refused_and_the_right_one_named(code, kind):
    for wrong in "0123456789".replace(code[-1], ""):
        with pytest.raises(GtinError, match=rf"should be {code[-1]}\)"):
            parse_gtin(code[:-1] + wrong)


# Luhn (mod 10): card issuers' published test numbers, the algorithm's classic example, and the
# Swedish personal identity number example (YYMMDD-NNNC, 811218-9876)
PUBLISHED_LUHN = ["79927398713", "4111111111111111", "5105105105105100", "378282246310005",
                  "6011111111111117", "4012888888881881", "8112189876"]


@pytest.mark.parametrize("digits", PUBLISHED_LUHN)
def test_published_luhn_numbers_are_accepted_and_any_other_last_digit_refused(digits):
    assert luhn_ok(digits) and luhn_check_digit(digits[:-1]) == int(digits[-1])
    for wrong in "0123456789".replace(digits[-1], ""):
        assert not luhn_ok(digits[:-1] + wrong)


def test_an_ocr_reference_ending_in_a_check_digit_0_is_an_invoice_reference():
    assert classify("OCR:5105105105105100").kind is ScanKind.INVOICE_REFERENCE
    bad = classify("OCR:5105105105105101")
    assert bad.kind is ScanKind.INVALID_REFERENCE and "should be 0" in bad.message
