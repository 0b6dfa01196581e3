"""What the store sells: variants (the thing with a barcode and a price) of products."""
from __future__ import annotations

from dataclasses import dataclass

from pos.vat import VatRate


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


class UnknownCode(LookupError):
    """A barcode or SKU that is valid but not in the catalogue; ``str()`` is the screen message."""

    def __init__(self, code: str):
        super().__init__(f"No article with code {code} in the catalogue")
        self.code = code
