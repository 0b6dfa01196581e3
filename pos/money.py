"""Money: integer minor units (öre) in storage and on the wire, ``Decimal`` in arithmetic.

Every amount in the domain is an ``int`` of öre. Nothing here ever produces a float.
Rounding is always explicit and always ``ROUND_HALF_UP`` (the Swedish commercial convention:
0.50 goes up), so the same input gives the same öre everywhere.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pos.errors import UserError, messages

CURRENCY = "SEK"
ORE_PER_KRONA = 100
# The largest amount a person may type anywhere (10 million kronor): far above any real sale,
# count or gift card, far below what SQLite's 64-bit integers hold.
MAX_TYPED_AMOUNT = 10_000_000 * ORE_PER_KRONA
# Plain decimal notation only: no exponent ("1e3"), no "inf"/"nan", no "0x..".
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")

MESSAGES = messages({
    "money.not_an_amount": "'{text}' is not an amount",
    "money.too_many_decimals": "'{text}' has more than two decimals",
    "money.empty": "Enter an amount",
    "money.too_large": "'{text}' is too large: at most {maximum} kr",
    "money.not_a_value": "{value} is not an amount",  # from another system, not typed
})


class MoneyError(UserError, ValueError):
    """An amount that cannot be money: text that is not a number, or too many decimals."""


def round_ore(value: Decimal) -> int:
    """Round a Decimal amount of öre to a whole öre."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent_of(amount: int, percent: Decimal) -> int:
    """``percent`` % of ``amount`` öre, rounded to whole öre."""
    return round_ore(Decimal(amount) * percent / Decimal(100))


def round_to_krona(amount: int) -> int:
    """Öresavrundning: round an amount of öre to whole kronor (50 öre goes up, away from zero)."""
    sign = -1 if amount < 0 else 1
    return sign * round_ore(Decimal(abs(amount)) / ORE_PER_KRONA) * ORE_PER_KRONA


def parse_kronor(text: str, *, maximum: int = MAX_TYPED_AMOUNT) -> int:
    """Parse what a person types ("12", "12,50", "12.5", "1 299,00") into öre.

    Only plain decimal notation with at most two decimals is money: "1e3", "inf" and "nan" are
    refused, and so is anything above ``maximum`` öre (in either direction). Raises MoneyError
    with a message fit for the screen on anything else.
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if cleaned.lower().endswith("kr"):
        cleaned = cleaned[:-2]
    if not cleaned:
        raise MoneyError("money.empty")
    if not _PLAIN_NUMBER.fullmatch(cleaned):
        raise MoneyError("money.not_an_amount", text=text.strip())
    try:
        value = Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern admits only what Decimal reads
        raise MoneyError("money.not_an_amount", text=text.strip()) from None
    ore = value * ORE_PER_KRONA
    if ore != ore.to_integral_value():
        raise MoneyError("money.too_many_decimals", text=text.strip())
    if abs(ore) > maximum:
        raise MoneyError("money.too_large", text=text.strip(), maximum=format_kronor(maximum))
    return int(ore)


def format_kronor(amount: int, *, symbol: bool = False) -> str:
    """Format öre as Swedish kronor: ``-1 299,50`` (non-breaking thin grouping avoided for printers)."""
    sign = "-" if amount < 0 else ""
    kronor, ore = divmod(abs(amount), ORE_PER_KRONA)
    grouped = f"{kronor:,}".replace(",", " ")
    text = f"{sign}{grouped},{ore:02d}"
    return f"{text} kr" if symbol else text


def to_major_decimal(amount: int) -> Decimal:
    """Öre as a Decimal of kronor (for APIs that speak major units, e.g. Medusa)."""
    return Decimal(amount) / ORE_PER_KRONA


def from_major(value: object) -> int:
    """Kronor from an outside system (int, str or Decimal; never trusts a float's binary noise)."""
    if isinstance(value, bool):
        raise MoneyError("money.not_a_value", value=repr(value))
    if isinstance(value, float):
        value = repr(value)
    try:
        dec = Decimal(str(value))
    except InvalidOperation:
        raise MoneyError("money.not_a_value", value=repr(value)) from None
    if not dec.is_finite():
        raise MoneyError("money.not_a_value", value=repr(value))
    return round_ore(dec * ORE_PER_KRONA)


def allocate(amount: int, weights: list[int]) -> list[int]:
    """Split ``amount`` öre over ``weights`` proportionally, largest remainder first; sums exactly."""
    total = sum(weights)
    if total <= 0 or amount == 0:
        return [0] * len(weights)
    shares = [amount * w // total for w in weights]
    remainders = sorted(
        range(len(weights)), key=lambda i: (-(amount * weights[i] % total), i)
    )
    for i in remainders[: amount - sum(shares)]:
        shares[i] += 1
    return shares
