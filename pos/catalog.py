"""What the store sells: variants (the thing with a barcode and a price) of products."""
from __future__ import annotations

import json
from dataclasses import dataclass

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
    """One sellable article. ``price`` is tax-inclusive öre; ``ean`` may be empty (sold by SKU)."""

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


MESSAGES = messages({
    "catalog.unknown_code": "No article with code {code} in the catalogue",
})


class UnknownCode(UserError, LookupError):
    """A barcode or SKU that is valid but not in the catalogue."""

    def __init__(self, code: str):
        super().__init__("catalog.unknown_code", code=code)
        self.scanned = code  # the barcode or SKU (``code`` is the error's own)
