"""The customer kiosk's central store (Medusa v2, the store API with the publishable key only:
a kiosk holds no admin credential): its carts, saved as web carts in this store's sales channel
(``pos.kiosk.KioskCarts``), the web's product information (title, description, image,
categories) for the product page, and the product images, fetched and cached on disk."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import requests

from integrations.medusa.calls import reaching_the_store, sales_channel
from integrations.medusa.client import MedusaClient, MedusaError
from integrations.medusa.mapping import ore
from pos.kiosk import KioskError, ProductInfo, SavedCart, category_name
from pos.ports import CommerceUnavailable

PRODUCT_FIELDS = "id,title,handle,description,thumbnail,collection_id,metadata,*categories"


class MedusaKioskCarts:
    """``create_cart``: POST /store/carts in ``location_key``'s sales channel and the region of
    medusa.json; ``cart_url`` (``{id}``) is what the QR code carries (the till's scan router
    reads any URL ending ``/cart/<id>``)."""

    def __init__(self, client: MedusaClient, ids: dict[str, Any], location_key: str,
                 cart_url: str = "https://shop.example.se/cart/{id}") -> None:
        self.client, self.ids, self.location_key, self.cart_url = client, ids, location_key, cart_url

    def create_cart(self, items: list[tuple[str, int]], *, email: str = "",
                    metadata: dict[str, Any] | None = None, location: str = "") -> SavedCart:
        # ``location``: a kiosk's order sent to a till for delivery is made in the sending
        # location's channel (Medusa refuses a cart line this store's channel has no stock of)
        body: dict[str, Any] = {
            "region_id": self.ids["region_id"],
            "sales_channel_id": sales_channel(self.ids, location or self.location_key),
            "items": [{"variant_id": v, "quantity": q} for v, q in items],
            "metadata": {"pos_source": "kiosk", **(metadata or {})}}
        if email:
            body["email"] = email  # Medusa finds (or makes) that customer: the cart is theirs
        try:
            with reaching_the_store():
                made = self.client.store("POST", "/store/carts", json=body)["cart"]
                # the created cart's answer leaves out its customer: read it back
                cart = self.client.store("GET", f"/store/carts/{made['id']}",
                                         params={"fields": "id,total,*customer"})["cart"]
        except MedusaError as e:
            if e.status == 400 and "insufficient_inventory" in (e.body or ""):
                raise KioskError("kiosk.cart_out_of_stock") from e
            raise
        return SavedCart(str(cart["id"]), self.cart_url.format(id=cart["id"]),
                         ore(cart.get("total") or 0),
                         str((cart.get("customer") or {}).get("id") or ""))


class MedusaKioskCatalog:
    """The web's product information, page by page (the store API: what the web shop shows)."""

    def __init__(self, client: MedusaClient, ids: dict[str, Any]) -> None:
        self.client, self.ids = client, ids

    def products(self, page_size: int = 200) -> list[ProductInfo]:
        out: list[ProductInfo] = []
        offset = 0
        while True:
            with reaching_the_store():
                page = self.client.store("GET", "/store/products", params={
                    "fields": PRODUCT_FIELDS, "limit": page_size, "offset": offset})
            for p in page["products"]:
                out.append(to_product_info(p))
            offset += len(page["products"])
            if not page["products"] or offset >= int(page.get("count") or 0):
                return out


def to_product_info(p: dict[str, Any]) -> ProductInfo:
    """Keyed as the till's catalogue keys the product (``mapping.to_variant``): the till's own
    product id from the metadata when it has one, else Medusa's."""
    cats = tuple((str(c["id"]), category_name(str(c.get("name") or "")))
                 for c in p.get("categories") or [] if c.get("id"))
    pid = (p.get("metadata") or {}).get("pos_product_id") or p["id"]
    return ProductInfo(product_id=str(pid), title=str(p.get("title") or ""),
                       handle=str(p.get("handle") or ""),
                       description=str(p.get("description") or ""),
                       thumbnail=str(p.get("thumbnail") or ""), categories=cats,
                       collection_id=str(p.get("collection_id") or ""))


class ImageCache:
    """Product images on disk by their URL's hash: ``get`` returns the cached file (offline too)
    or fetches it (``CommerceUnavailable`` when it cannot); call it on a worker, never the GUI."""

    def __init__(self, directory: Path, timeout: float = 5.0,
                 session: requests.Session | None = None) -> None:
        self.dir = Path(directory)
        self.timeout = timeout
        self.http = session or requests.Session()

    def path_for(self, url: str) -> Path:
        return self.dir / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:32] + ".img")

    def cached(self, url: str) -> Path | None:
        p = self.path_for(url)
        return p if p.exists() else None

    def get(self, url: str) -> Path:
        found = self.cached(url)
        if found is not None:
            return found
        try:
            r = self.http.get(url, timeout=self.timeout)
        except requests.RequestException as e:
            raise CommerceUnavailable(f"GET {url}: {e.__class__.__name__}") from e
        if r.status_code != 200 or not r.content:
            raise CommerceUnavailable(f"GET {url}: {r.status_code}")
        self.dir.mkdir(parents=True, exist_ok=True)
        target = self.path_for(url)
        tmp = target.with_suffix(".part")
        tmp.write_bytes(r.content)
        tmp.replace(target)  # never a half-written image in the cache
        return target
