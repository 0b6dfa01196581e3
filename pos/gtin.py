"""GTIN (EAN-8, UPC-E, UPC-A, EAN-13, GTIN-14) validation with messages a cashier understands.

An 8-digit code is an EAN-8 when its own check digit holds; when it does not, but the code is a
UPC-E (number system 0 or 1) whose check digit holds for the UPC-A it stands for, it is that
UPC-A (scanners send UPC-E as printed, 8 digits, by default). Both are read to the GTIN the
catalogue knows: ``Gtin.code`` is the expanded UPC-A, ``Gtin.scanned`` what was read.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pos.errors import UserError, messages

GTIN_LENGTHS = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}

MESSAGES = messages({
    "gtin.not_digits": "'{code}' is not a barcode number (digits only)",
    "gtin.wrong_length": "'{code}' has {digits} digits; a GTIN has 8, 12, 13 or 14",
    "gtin.wrong_check_digit": "{symbology} {code} has a wrong check digit ({digit}, should be "
                              "{expected}): scan again or type it",
    "gtin.wrong_check_digit_8": "{code} has a wrong check digit: {digit} is right neither for an "
                                "EAN-8 (should be {ean8}) nor for a UPC-E (should be {upce}): "
                                "scan again or type it",
})


class GtinError(UserError, ValueError):
    """A code that looks like a GTIN but is not a valid one (GS1 General Specifications: the
    mod-10 check digit, 8/12/13/14 digits)."""


@dataclass(frozen=True)
class Gtin:
    code: str  # the GTIN's digits: as scanned, but a UPC-E expanded to its UPC-A (12 digits)
    kind: str  # EAN-8, UPC-E, UPC-A, EAN-13, GTIN-14
    scanned: str = ""  # as scanned, when it differs from ``code`` (a UPC-E)

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
    return code.isascii() and code.isdigit() and len(code) in GTIN_LENGTHS


def upce_to_upca(upce: str) -> str:
    """The UPC-A (GTIN-12, 11 digits and its check digit) a UPC-E code stands for.

    ``upce`` is 8 digits: the number system (0 or 1), six digits and the check digit (which is
    the UPC-A's, copied, not checked here). The zero-suppression rule of the GS1 General
    Specifications (the UPC-E symbol, "zero-suppressed GTIN-12"), chosen by the last of the six
    digits d1..d6:

    =========  ==================================================
    d6         UPC-A (number system, 10 digits, check digit)
    =========  ==================================================
    0, 1, 2    NS d1 d2 d6 0 0 0 0 d3 d4 d5 C
    3          NS d1 d2 d3 0 0 0 0 0 d4 d5 C
    4          NS d1 d2 d3 d4 0 0 0 0 0 d5 C
    5 - 9      NS d1 d2 d3 d4 d5 0 0 0 0 d6 C
    =========  ==================================================

    ``04252614`` -> ``042100005264``.
    """
    if len(upce) != 8 or not upce.isascii() or not upce.isdigit() or upce[0] not in "01":
        raise ValueError(f"{upce!r} is not an 8-digit UPC-E with number system 0 or 1")
    ns, d, check = upce[0], upce[1:7], upce[7]
    last = d[5]
    if last in "012":
        body = d[0:2] + last + "0000" + d[2:5]
    elif last == "3":
        body = d[0:3] + "00000" + d[3:5]
    elif last == "4":
        body = d[0:4] + "00000" + d[4]
    else:
        body = d[0:5] + "0000" + last
    return ns + body + check


def _upce_check_digit(code: str) -> int | None:
    """The check digit an 8-digit code would need as a UPC-E (None: it cannot be one)."""
    if code[0] not in "01":
        return None
    return check_digit(upce_to_upca(code)[:-1])


def parse_gtin(code: str) -> Gtin:
    """Validate ``code``; raise GtinError naming what is wrong (length or check digit). An
    8-digit code is an EAN-8, else a UPC-E (expanded to its UPC-A, see ``upce_to_upca``)."""
    code = code.strip()
    if not code.isascii() or not code.isdigit():
        raise GtinError("gtin.not_digits", code=code)
    kind = GTIN_LENGTHS.get(len(code))
    if kind is None:
        raise GtinError("gtin.wrong_length", code=code, digits=len(code))
    expected = check_digit(code[:-1])
    if int(code[-1]) != expected:
        if len(code) == 8:
            upce = _upce_check_digit(code)
            if upce is not None and int(code[-1]) == upce:
                return Gtin(upce_to_upca(code), "UPC-E", code)
            if upce is not None:
                raise GtinError("gtin.wrong_check_digit_8", code=code, digit=code[-1],
                                ean8=expected, upce=upce)
        raise GtinError("gtin.wrong_check_digit", symbology=kind, code=code, digit=code[-1],
                        expected=expected)
    return Gtin(code, kind)


def gtin14(code: str) -> str | None:
    """The canonical GTIN-14 of a valid GTIN (a UPC-E expanded first); None for anything else."""
    try:
        return parse_gtin(code).gtin14
    except GtinError:
        return None


def gtin14_candidates(code: str) -> list[str]:
    """The GTIN-14s a valid code can be, most likely first. Usually one; but an 8-digit code
    with number system 0 or 1 whose check digit holds both as an EAN-8 and as a UPC-E (always
    so when the UPC-E's last middle digit is 5-9: both weigh the same digits alike) may be
    either: the EAN-8 first, then the UPC-A the UPC-E stands for. Empty when not valid."""
    try:
        g = parse_gtin(code)
    except GtinError:
        return []
    found = [g.gtin14]
    if g.kind == "EAN-8" and g.code[0] in "01" and _upce_check_digit(g.code) == int(g.code[-1]):
        found.append(upce_to_upca(g.code).zfill(14))
    return found


def with_check_digit(body: str) -> str:
    """Append the check digit: ``with_check_digit('731234567890')`` gives a valid EAN-13."""
    return body + str(check_digit(body))


# --- in-store variable-measure numbers (a price or a weight inside an EAN-13) ---------------------

PRICE = "price"
WEIGHT = "weight"

MESSAGES_VARIABLE = messages({
    "barcodes.layout_invalid": "The variable-measure barcode layout with prefix {prefix} is not "
                               "valid: {detail}",
})


class LayoutError(UserError, ValueError):
    """A ``[[barcodes.variable]]`` layout in the configuration that cannot be read."""


@dataclass(frozen=True)
class VariableLayout:
    """How an in-store EAN-13 carries a price or a weight: ``prefix`` (its first digits), then
    ``item_digits`` of the article part (which article: its PLU), then ``value_digits`` of the
    value, then the EAN-13 check digit. ``value`` says what the value is, ``decimals`` where its
    decimal point goes: a price in kronor (0-2 decimals) or a weight in kg (0-3 decimals)."""

    prefix: str
    value: str  # PRICE or WEIGHT
    decimals: int
    item_digits: int = 6
    value_digits: int = 4

    def __post_init__(self) -> None:
        def bad(detail: str) -> LayoutError:
            return LayoutError("barcodes.layout_invalid", prefix=self.prefix or "-", detail=detail)
        if not (self.prefix.isascii() and self.prefix.isdigit()) or not self.prefix:
            raise bad("the prefix must be digits")
        if self.value not in (PRICE, WEIGHT):
            raise bad(f"value must be '{PRICE}' or '{WEIGHT}', not '{self.value}'")
        if self.item_digits < 1 or self.value_digits < 1:
            raise bad("item_digits and value_digits must be at least 1")
        if len(self.prefix) + self.item_digits + self.value_digits + 1 != 13:
            raise bad(f"prefix ({len(self.prefix)}) + item_digits ({self.item_digits}) + "
                      f"value_digits ({self.value_digits}) + the check digit must be 13 digits")
        most = 2 if self.value == PRICE else 3
        if not 0 <= self.decimals <= min(most, self.value_digits):
            raise bad(f"a {self.value} has 0 to {most} decimals, not {self.decimals}")

    @classmethod
    def from_config(cls, d: dict[str, object]) -> "VariableLayout":
        """One ``[[barcodes.variable]]`` table: prefix, value, decimals, item_digits,
        value_digits."""
        prefix = str(d.get("prefix", "")).strip()
        try:
            return cls(prefix=prefix, value=str(d.get("value", "")).strip().lower(),
                       decimals=int(d.get("decimals", 0)),  # type: ignore[call-overload]
                       item_digits=int(d.get("item_digits", 6)),  # type: ignore[call-overload]
                       value_digits=int(d.get("value_digits", 4)))  # type: ignore[call-overload]
        except (TypeError, ValueError) as e:
            if isinstance(e, LayoutError):
                raise
            raise LayoutError("barcodes.layout_invalid", prefix=prefix or "-",
                              detail=f"a number is not a whole number ({e})") from None


# GS1 Sweden's weight and price numbers ("viktvarunummer", gs1.se): 2X, then the company's
# prefix digits and a serial number (six digits in all: the article part), then four digits of
# value and the check digit. X says what the value is: 0 a price with two decimals, 1 with one,
# 2 in whole kronor; 3 a weight in kg with three decimals, 4 with two, 5 with one.
SWEDISH_LAYOUTS: tuple[VariableLayout, ...] = (
    VariableLayout("20", PRICE, 2), VariableLayout("21", PRICE, 1), VariableLayout("22", PRICE, 0),
    VariableLayout("23", WEIGHT, 3), VariableLayout("24", WEIGHT, 2),
    VariableLayout("25", WEIGHT, 1),
)


def layouts_from_config(tables: object) -> tuple[VariableLayout, ...]:
    """The ``[[barcodes.variable]]`` tables as layouts (None: the Swedish ones). Two layouts
    whose prefixes could both match one code are refused."""
    if tables is None:
        return SWEDISH_LAYOUTS
    if not isinstance(tables, (list, tuple)):
        raise LayoutError("barcodes.layout_invalid", prefix="-",
                          detail="[[barcodes.variable]] must be a list of tables")
    layouts = tuple(VariableLayout.from_config(dict(t)) for t in tables)
    for i, a in enumerate(layouts):
        for b in layouts[i + 1:]:
            if a.prefix.startswith(b.prefix) or b.prefix.startswith(a.prefix):
                raise LayoutError("barcodes.layout_invalid", prefix=b.prefix,
                                  detail=f"it overlaps the prefix {a.prefix}")
    return layouts


@dataclass(frozen=True)
class VariableMeasure:
    """What an in-store label says: which article (``item``, its PLU) and its price (öre) or
    its weight (kg, three decimals)."""

    code: str  # the EAN-13 as scanned
    layout: VariableLayout
    item: str  # the article part, digits as printed

    @property
    def raw_value(self) -> int:
        start = len(self.layout.prefix) + self.layout.item_digits
        return int(self.code[start:start + self.layout.value_digits])

    @property
    def is_weight(self) -> bool:
        return self.layout.value == WEIGHT

    @property
    def price(self) -> int:
        """A price label's price in öre."""
        assert self.layout.value == PRICE
        return self.raw_value * 10 ** (2 - self.layout.decimals)

    @property
    def weight(self) -> Decimal:
        """A weight label's weight in kg, three decimals."""
        assert self.layout.value == WEIGHT
        return (Decimal(self.raw_value).scaleb(-self.layout.decimals)).quantize(Decimal("0.001"))


def read_variable(code: str, layouts: tuple[VariableLayout, ...]) -> VariableMeasure | None:
    """The price or weight label ``code`` is under ``layouts`` (None: it is not one). ``code``
    must be a valid EAN-13 already (its check digit is not checked again here)."""
    if len(code) != 13:
        return None
    for layout in layouts:
        if code.startswith(layout.prefix):
            start = len(layout.prefix)
            return VariableMeasure(code, layout, code[start:start + layout.item_digits])
    return None
