"""JSON whose ``Decimal`` values are written as exact JSON numbers, and read back as ``Decimal``.

The central store (Medusa) and the card terminals (nexo) take amounts in major units as JSON
numbers: ``199.50`` for 19 950 öre. Such an amount must never go through a float on its way out: a
float is a binary fraction, so ``0.07`` or ``199.95`` would be sent as the nearest binary value
(and arithmetic on it drifts), while the till's money is exact. The standard library writes a
``Decimal`` only as a string (``"199.50"``), so every ``Decimal`` is written here as the number it
is, digit for digit (``Decimal("199.50")`` -> ``199.50``, ``Decimal("1E+2")`` -> ``100``), and
``loads`` reads numbers with a fraction as ``Decimal``.

Standard library only: used by ``integrations/`` and ``hardware/`` alike.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

# A Decimal is first written as a marked string, then the marks are replaced by the bare digits.
# The mark starts with a NUL character, which json.dumps always escapes as \u0000.
_MARK = "\u0000DEC:"
_MARKED = re.compile(r'"\\u0000DEC:(-?[0-9]+(?:\.[0-9]+)?)"')


def dumps(obj: Any, *, allow_float: bool = False) -> str:
    """JSON text of ``obj`` (dicts, lists, tuples, str, int, bool, None, Decimal) with every
    ``Decimal`` written as an exact JSON number.

    Raises ``TypeError`` for a float unless ``allow_float`` (a value the caller did not compute,
    e.g. an amount the central store sent and gets back as it came), ``ValueError`` for a
    Decimal that is not finite (NaN, Infinity), and ``TypeError`` for anything JSON cannot hold.
    """
    text = json.dumps(_marked(obj, allow_float), ensure_ascii=False)
    return _MARKED.sub(lambda m: m.group(1), text)


def loads(text: str | bytes) -> Any:
    """Parse JSON; numbers with a fraction or an exponent come back as ``Decimal``."""
    return json.loads(text, parse_float=Decimal)


def _marked(obj: Any, allow_float: bool) -> Any:
    if isinstance(obj, Decimal):
        if not obj.is_finite():
            raise ValueError(f"an amount must be a finite number, not {obj}")
        return _MARK + format(obj, "f")
    if isinstance(obj, float) and not allow_float:
        raise TypeError(f"a float ({obj!r}) would not be exact: use Decimal")
    if isinstance(obj, str) and obj.startswith(_MARK):
        raise ValueError("a string cannot start with the Decimal mark")
    if isinstance(obj, Mapping):
        return {k: _marked(v, allow_float) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_marked(v, allow_float) for v in obj]
    return obj
