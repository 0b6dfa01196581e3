"""Finding articles in the local catalogue: by barcode or SKU, by name, by id."""
from __future__ import annotations

from pos.catalog import UnknownCode, Variant
from pos.gtin import looks_like_gtin, parse_gtin
from pos.services.unit_of_work import UnitOfWork


def lookup(uow: UnitOfWork, code: str) -> Variant:
    """An article by EAN/GTIN or SKU. ``GtinError`` for a wrong check digit, ``UnknownCode`` when
    the catalogue has no such article."""
    code = code.strip()
    if looks_like_gtin(code):
        parse_gtin(code)
    with uow:
        variant = uow.catalog.by_code(code)
    if variant is None:
        raise UnknownCode(code)
    return variant


def search(uow: UnitOfWork, text: str, limit: int = 20) -> list[Variant]:
    """Articles whose name has every word of ``text`` (as type-ahead: the last word a prefix)."""
    if not text.strip():
        return []
    with uow:
        return uow.catalog.search(text, limit)


def variant(uow: UnitOfWork, variant_id: str) -> Variant:
    with uow:
        found = uow.catalog.by_id(variant_id)
    if found is None:
        raise UnknownCode(variant_id)
    return found
