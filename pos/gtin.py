"""GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) validation with messages a cashier understands."""
from __future__ import annotations

from dataclasses import dataclass

from pos.errors import UserError, messages

GTIN_LENGTHS = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}

MESSAGES = messages({
    "gtin.not_digits": "'{code}' is not a barcode number (digits only)",
    "gtin.wrong_length": "'{code}' has {digits} digits; a GTIN has 8, 12, 13 or 14",
    "gtin.wrong_check_digit": "{symbology} {code} has a wrong check digit ({digit}, should be "
                              "{expected}): scan again or type it",
})


class GtinError(UserError, ValueError):
    """A code that looks like a GTIN but is not a valid one (GS1 General Specifications: the
    mod-10 check digit, 8/12/13/14 digits)."""


@dataclass(frozen=True)
class Gtin:
    code: str  # as scanned, digits only
    kind: str  # EAN-8, UPC-A, EAN-13, GTIN-14

    @property
    def gtin14(self) -> str:
        """The canonical 14-digit form: the same article scanned as UPC-A or EAN-13 compares equal."""
        return self.code.zfill(14)


def check_digit(body: str) -> int:
    """The GS1 mod-10 check digit for ``body`` (all digits but the last)."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return (10 - total % 10) % 10


def looks_like_gtin(code: str) -> bool:
    return code.isdigit() and len(code) in GTIN_LENGTHS


def parse_gtin(code: str) -> Gtin:
    """Validate ``code``; raise GtinError naming what is wrong (length or check digit)."""
    code = code.strip()
    if not code.isdigit():
        raise GtinError("gtin.not_digits", code=code)
    kind = GTIN_LENGTHS.get(len(code))
    if kind is None:
        raise GtinError("gtin.wrong_length", code=code, digits=len(code))
    expected = check_digit(code[:-1])
    if int(code[-1]) != expected:
        raise GtinError("gtin.wrong_check_digit", symbology=kind, code=code, digit=code[-1],
                        expected=expected)
    return Gtin(code, kind)


def with_check_digit(body: str) -> str:
    """Append the check digit: ``with_check_digit('731234567890')`` gives a valid EAN-13."""
    return body + str(check_digit(body))
