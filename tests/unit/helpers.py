from pos.catalog import Variant
from pos.gtin import with_check_digit
from pos.vat import VatRate


def variant(n: int = 1, price: int = 10000, rate: VatRate = VatRate.STANDARD, name: str = "") -> Variant:
    return Variant(id=f"v{n}", sku=f"SKU-{n}", ean=with_check_digit(f"735000000{n:03d}"),
                   name=name or f"Artikel {n}", price=price, vat_rate=rate)
