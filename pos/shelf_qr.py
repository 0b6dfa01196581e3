"""The shelf label's QR code: a web address that names the article and the shelf's store.

Format (one place, used by the labels that print it, the central store's route that counts the
scan, and the scan router of the kiosk and the till)::

    {base}/products/{handle}?sku={sku}&store={store}

``base`` is the central store's public address of the shelf route (``[labels] qr_base``, e.g.
``https://shop.example.se/shelf``); ``handle`` the product's web handle (the SKU when the product
has none); ``sku`` the exact article (size and colour); ``store`` the stock location key of the
store whose shelf carries the label (``store-gbg``). The path ends ``/products/<handle>``, so
``pos.scan_router`` already classifies it as ``ScanKind.PRODUCT``; ``parse_shelf_qr`` reads the
article and the store back. A phone that opens the address reaches the central store, which
counts the scan as product interest and shows the product.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit


@dataclass(frozen=True)
class ShelfQr:
    handle: str
    sku: str
    store: str


def shelf_qr_url(base: str, handle: str, sku: str, store: str) -> str:
    """The label's QR text. ``ValueError`` when ``base`` is not an http(s) address or the SKU
    is empty."""
    base = base.strip().rstrip("/")
    if urlsplit(base).scheme not in ("http", "https") or not urlsplit(base).netloc:
        raise ValueError(f"the shelf QR base {base!r} is not an http(s) address")
    if not sku.strip():
        raise ValueError("a shelf label's QR needs the article's SKU")
    path = quote((handle or sku).strip(), safe="")
    return f"{base}/products/{path}?{urlencode({'sku': sku.strip(), 'store': store.strip()})}"


def parse_shelf_qr(text: str) -> ShelfQr | None:
    """The article and store of a shelf QR text, or None when ``text`` is no such address (a
    product address without ``sku`` is no shelf label's)."""
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) < 2 or segments[-2].lower() != "products":
        return None
    query = parse_qs(parts.query)
    sku = (query.get("sku") or [""])[0].strip()
    if not sku:
        return None
    return ShelfQr(unquote(segments[-1]), sku, (query.get("store") or [""])[0].strip())
