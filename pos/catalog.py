"""What the store sells: variants (the thing with a barcode and a price) of products."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pos.errors import UserError, messages
from pos.vat import VatRate


@dataclass(frozen=True)
class CentralRefs:
    """How the central store names an article and the groups it is in: what its promotion rules
    target (``items.product_id``, ``items.product.categories.id``, ``...collection_id``, ...).

    Kept with each local variant so the till applies the web's promotions offline. Empty for an
    article the central store has never described."""

    variant_id: str = ""
    product_id: str = ""
    category_ids: tuple[str, ...] = ()
    collection_id: str | None = None
    type_id: str | None = None
    tag_ids: tuple[str, ...] = ()

    def to_json(self) -> str:
        """Compact JSON for the catalogue table; ``""`` when there is nothing to keep."""
        if self == CentralRefs():
            return ""
        d = {"v": self.variant_id, "p": self.product_id, "c": list(self.category_ids),
             "col": self.collection_id, "t": self.type_id, "tag": list(self.tag_ids)}
        return json.dumps({k: v for k, v in d.items() if v}, separators=(",", ":"),
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> "CentralRefs":
        if not text:
            return cls()
        d = json.loads(text)
        return cls(variant_id=d.get("v", ""), product_id=d.get("p", ""),
                   category_ids=tuple(d.get("c", ())), collection_id=d.get("col"),
                   type_id=d.get("t"), tag_ids=tuple(d.get("tag", ())))


@dataclass(frozen=True)
class Variant:
    """One sellable article. ``price`` is tax-inclusive öre (per kg when ``unit`` is ``"kg"``:
    sold by weight); ``ean`` may be empty (sold by SKU). ``plu`` is its short number: the
    article part of the store's price and weight labels (variable-measure EAN-13s, see
    ``pos.gtin.VariableLayout``), which can also be typed; digits, leading zeros do not count."""

    id: str  # stable local id, e.g. "var_0001" or Medusa's "variant_..."
    sku: str
    ean: str
    name: str  # full display name, e.g. "T-shirt Bas, blå, M"
    price: int
    vat_rate: VatRate
    product_id: str = ""
    product_name: str = ""
    size: str = ""
    colour: str = ""
    active: bool = True
    refs: CentralRefs = CentralRefs()
    plu: str = ""
    unit: str = ""  # "" sold by the piece, "kg" by weight (price per kg)
    # The package's net content, for the shelf label's comparison price (``pos.shelf_labels``):
    # ``net_quantity`` of ``net_unit`` ("kg", "l" or "st"); None when not given (clothes, ...)
    net_quantity: Decimal | None = None
    net_unit: str = ""

    @property
    def sold_by_weight(self) -> bool:
        return self.unit == "kg"


NET_UNITS = ("kg", "l", "st")
# unit as written -> (unit of the comparison price, factor)
_NET_SCALE = {"kg": ("kg", Decimal(1)), "g": ("kg", Decimal("0.001")),
              "hg": ("kg", Decimal("0.1")), "l": ("l", Decimal(1)), "dl": ("l", Decimal("0.1")),
              "cl": ("l", Decimal("0.01")), "ml": ("l", Decimal("0.001")), "st": ("st", Decimal(1))}
_NET = re.compile(r"(\d+(?:[.,]\d+)?)\s*(kg|hg|g|l|dl|cl|ml|st)\b", re.IGNORECASE)


def parse_net_content(text: str) -> tuple[Decimal, str] | None:
    """A package's net content as written on it ("500 g", "1,5 l", "6 st", "Burk 600 g") as
    (quantity, unit) in the comparison price's units: grams and hectograms as kg, dl/cl/ml as
    litres, pieces as "st". None when ``text`` names no amount or the amount is zero."""
    m = _NET.search(text or "")
    if m is None:
        return None
    try:
        amount = Decimal(m.group(1).replace(",", "."))
    except InvalidOperation:
        return None
    unit, factor = _NET_SCALE[m.group(2).lower()]
    quantity = Decimal(format((amount * factor).normalize(), "f"))  # 10, not 1E+1
    return (quantity, unit) if quantity > 0 else None


def net_content_text(quantity: Decimal | None, unit: str) -> str:
    """How ``parse_net_content`` reads it back ("0.5 kg"); "" when there is none."""
    return f"{format(quantity.normalize(), 'f')} {unit}" if quantity is not None and unit else ""


def normal_plu(plu: str) -> str:
    """A PLU as stored and compared: digits without leading zeros ("000101" -> "101")."""
    plu = plu.strip()
    return (plu.lstrip("0") or "0") if plu else ""


MESSAGES = messages({
    "catalog.unknown_code": "No article with code {code} in the catalogue",
    "catalog.unknown_plu": "No article with code {code}: no article has the short number {plu} "
                           "its label names",
})


class UnknownCode(UserError, LookupError):
    """A scanned or typed code that names no article: not in the catalogue (this class), or no
    code an article could have, or not found for a reason worth saying (``NoArticle``). Every
    such message starts the same way, "No article ...", names the code, and ``scanned`` is the
    code as it was read."""

    def __init__(self, code: str):
        super().__init__("catalog.unknown_code", code=code)
        self.scanned = code


class NoArticle(UnknownCode):
    """An unknown article whose message says what is wrong with the code:
    ``NoArticle("catalog.unknown_plu", code="2300010105121", plu="101")``."""

    def __init__(self, error_code: str, /, code: str, **params: object) -> None:
        UserError.__init__(self, error_code, code=code, **params)
        self.scanned = code
