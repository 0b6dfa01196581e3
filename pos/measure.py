"""Weights: articles sold by the kilogram (a price per kg, a weight in kg with three decimals).

A weight is a ``Decimal`` of kilograms with at most three decimals (whole grams), never a float;
stored as whole grams. A weighed line's amount is its price per kg (öre) times its weight,
rounded half up to the öre (``pos.money.round_ore``): 0,512 kg à 89,90 kr/kg is 46,03 kr.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from pos.errors import UserError, messages
from pos.money import round_ore

KG = "kg"  # a variant's unit when it is sold by weight (its price is per kg)
GRAMS = Decimal("0.001")
MAX_WEIGHT = Decimal("999.999")  # kg: more is a typing mistake, not a sale

MESSAGES = messages({
    "weight.not_a_weight": "'{text}' is not a weight in kg (for example 0,512)",
    "weight.too_many_decimals": "'{text}' has more than three decimals: a weight is in whole "
                                "grams (for example 0,512 kg)",
    "weight.out_of_range": "A weight must be above 0 and at most {max} kg",
})


class WeightError(UserError, ValueError):
    """A weight that cannot be one."""


def check_weight(kg: Decimal) -> Decimal:
    """``kg`` as a weight of three decimals; WeightError when it is not a weight."""
    if not isinstance(kg, Decimal) or not kg.is_finite():
        raise WeightError("weight.not_a_weight", text=str(kg))
    if kg != kg.quantize(GRAMS):
        raise WeightError("weight.too_many_decimals", text=format_kg(kg, exact=True))
    if not Decimal(0) < kg <= MAX_WEIGHT:
        raise WeightError("weight.out_of_range", max=format_kg(MAX_WEIGHT))
    return kg.quantize(GRAMS)


def parse_weight(text: str) -> Decimal:
    """What a cashier types ("0,512", "0.512", "1,2 kg") as kg with three decimals."""
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    if cleaned.lower().endswith(KG):
        cleaned = cleaned[:-2]
    try:
        kg = Decimal(cleaned)
    except InvalidOperation:
        raise WeightError("weight.not_a_weight", text=text) from None
    if not kg.is_finite():
        raise WeightError("weight.not_a_weight", text=text)
    return check_weight(kg)


def format_kg(kg: Decimal, *, exact: bool = False) -> str:
    """Swedish notation with three decimals: ``0,512`` (``exact``: as many as it has)."""
    value = kg if exact else kg.quantize(GRAMS)
    return f"{value:f}".replace(".", ",")


def weighed_amount(price_per_kg: int, kg: Decimal) -> int:
    """What ``kg`` costs at ``price_per_kg`` öre: rounded half up to the öre."""
    return round_ore(Decimal(price_per_kg) * kg)


def to_grams(kg: Decimal) -> int:
    return int(check_weight(kg) / GRAMS)


def from_grams(grams: int) -> Decimal:
    return (Decimal(grams) * GRAMS).quantize(GRAMS)
