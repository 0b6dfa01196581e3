"""Seed the local Medusa with the demo retailer, over the admin API, from the till's own demo data.

`python -m integrations.medusa.seed --url URL --email E --password P --out medusa.json`

The catalogue is ``pos.demo.catalog.demo_catalog()``: the same products, SKUs, EANs and prices as
the till's demo store, so a scan at the till and a product on the web are the same article.
Stock comes from ``demo_stock()`` at three locations (Göteborg, Stockholm, the web warehouse).
The ids the till needs (channels, locations, region, publishable key) are written to ``--out``.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from integrations.medusa.client import MedusaClient, MedusaError
from integrations.medusa.seed_orders import seed_web_orders
from pos.catalog import net_content_text
from pos.demo.catalog import DemoProduct, demo_catalog, demo_stock
from pos.demo.customers import CUSTOMERS
from pos.demo.promotions import CAMPAIGN, WINTER_CATEGORY, promotion_bodies
from pos.money import to_major_decimal
from pos.vat import VatRate

T = TypeVar("T")

# the invoice (faktura) payment provider of the Medusa app (app/src/modules/invoice-payment)
INVOICE_PROVIDER = "pp_invoice_invoice"
CHANNELS = {"web": "Webbutik", "store-gbg": "Butik Göteborg", "store-sthlm": "Butik Stockholm"}
LOCATIONS = {
    "store-gbg": ("Butik Göteborg", "Kungsgatan 12", "Göteborg", "41119"),
    "store-sthlm": ("Butik Stockholm", "Drottninggatan 50", "Stockholm", "11121"),
    "web-warehouse": ("Webblager", "Lagervägen 3", "Borås", "50630"),
}
# Which channel sells from which location (web orders ship from the warehouse or any store).
CHANNEL_LOCATIONS = {"web": ["web-warehouse", "store-gbg", "store-sthlm"],
                     "store-gbg": ["store-gbg"], "store-sthlm": ["store-sthlm"]}
PRODUCT_TYPES = {VatRate.STANDARD: "standard", VatRate.FOOD: "livsmedel",
                 VatRate.REDUCED: "böcker", VatRate.ZERO: "momsfri"}
# The category the automatic campaign promotion (VINTER20, 20 % off) targets.
AUTOMATIC_PROMOTION_CATEGORY = WINTER_CATEGORY



def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def major(ore: int) -> Decimal:
    """Medusa wants JSON numbers in major units; the client writes a Decimal as an exact number."""
    return to_major_decimal(ore)


class Seeder:
    def __init__(self, client: MedusaClient, log: Any = print):
        self.c = client
        self.log = log
        self.ids: dict[str, Any] = {}

    def run(self) -> dict[str, Any]:
        t0 = time.monotonic()
        self.store_currency()
        self.sales_channels()
        self.stock_locations()
        self.region_and_taxes()
        self.shipping()
        self.products()
        self.net_contents()
        self.stock()
        self.promotions()
        self.customers()
        self.publishable_key()
        self.web_orders()
        self.transfers()
        self.ids["seed_seconds"] = round(time.monotonic() - t0, 1)
        return self.ids

    # --- store, channels, locations --------------------------------------------------------------

    def store_currency(self) -> None:
        store = self.c.admin("GET", "/admin/stores")["stores"][0]
        self.ids["store_id"] = store["id"]
        self.c.admin("POST", f"/admin/stores/{store['id']}", json={
            "name": "Omnihandeln",
            "supported_currencies": [{"currency_code": "sek", "is_default": True,
                                      "is_tax_inclusive": True}]})

    def sales_channels(self) -> None:
        existing = {sc["name"]: sc["id"] for sc in
                    self.c.admin("GET", "/admin/sales-channels", params={"limit": 100})["sales_channels"]}
        ids = {}
        for key, name in CHANNELS.items():
            ids[key] = existing.get(name) or self.c.admin(
                "POST", "/admin/sales-channels", json={"name": name})["sales_channel"]["id"]
        self.ids["sales_channels"] = ids
        self.log(f"sales channels: {ids}")

    def stock_locations(self) -> None:
        found = self.c.admin("GET", "/admin/stock-locations",
                             params={"limit": 100, "fields": "id,name,metadata"})["stock_locations"]
        existing = {sl["name"]: sl for sl in found}
        ids = {}
        for key, (name, street, city, postal) in LOCATIONS.items():
            # metadata.pos_location_key: the till's key of the location, which a shelf label's
            # QR names (pos/shelf_qr.py) and the central store's shelf route reads
            if name in existing:
                ids[key] = existing[name]["id"]
                meta = existing[name].get("metadata") or {}
                if meta.get("pos_location_key") != key:
                    self.c.admin("POST", f"/admin/stock-locations/{ids[key]}",
                                 json={"metadata": {**meta, "pos_location_key": key}})
            else:
                ids[key] = self.c.admin("POST", "/admin/stock-locations", json={
                    "name": name, "metadata": {"pos_location_key": key},
                    "address": {"address_1": street, "city": city, "postal_code": postal,
                                "country_code": "se"}})["stock_location"]["id"]
            self.c.admin("POST", f"/admin/stock-locations/{ids[key]}/fulfillment-providers",
                         json={"add": ["manual_manual"]})
        for channel, locations in CHANNEL_LOCATIONS.items():
            for loc in locations:
                self.c.admin("POST", f"/admin/stock-locations/{ids[loc]}/sales-channels",
                             json={"add": [self.ids["sales_channels"][channel]]})
        self.ids["stock_locations"] = ids
        self.log(f"stock locations: {ids}")

    # --- region and VAT --------------------------------------------------------------------------

    def region_and_taxes(self) -> None:
        regions = self.c.admin("GET", "/admin/regions", params={"limit": 50})["regions"]
        region = next((r for r in regions if r["currency_code"] == "sek"), None)
        if region is None:
            region = self.c.admin("POST", "/admin/regions", json={
                "name": "Sverige", "currency_code": "sek", "countries": ["se"],
                "payment_providers": ["pp_system_default", INVOICE_PROVIDER],
                "automatic_taxes": True, "is_tax_inclusive": True})["region"]
        self.ids["region_id"] = region["id"]
        # invoice (faktura) on the web as at the till: a region seeded before it gets it now
        have = {p["id"] for p in self.c.admin("GET", f"/admin/regions/{region['id']}", params={
            "fields": "id,*payment_providers"})["region"].get("payment_providers") or []}
        if INVOICE_PROVIDER not in have:
            self.c.admin("POST", f"/admin/regions/{region['id']}", json={
                "payment_providers": sorted(have | {"pp_system_default", INVOICE_PROVIDER})})
        types = {}
        existing = {t["value"]: t["id"] for t in
                    self.c.admin("GET", "/admin/product-types", params={"limit": 50})["product_types"]}
        for rate, value in PRODUCT_TYPES.items():
            types[rate.value] = existing.get(value) or self.c.admin(
                "POST", "/admin/product-types", json={"value": value})["product_type"]["id"]
        self.ids["product_types"] = types
        tax_regions = self.c.admin("GET", "/admin/tax-regions",
                                   params={"country_code": "se"})["tax_regions"]
        if tax_regions:
            tax_region_id = tax_regions[0]["id"]
        else:
            tax_region_id = self.c.admin("POST", "/admin/tax-regions", json={
                "country_code": "se", "provider_id": "tp_system",
                "default_tax_rate": {"rate": 25, "name": "Moms 25 %", "code": "SE25"}})["tax_region"]["id"]
            for rate in (VatRate.FOOD, VatRate.REDUCED, VatRate.ZERO):
                self.c.admin("POST", "/admin/tax-rates", json={
                    "tax_region_id": tax_region_id, "rate": int(rate.value),
                    "name": f"Moms {rate.value} %", "code": f"SE{rate.value}", "is_combinable": False,
                    "rules": [{"reference": "product_type", "reference_id": types[rate.value]}]})
        self.ids["tax_region_id"] = tax_region_id

    # --- shipping: pickup in store and free home delivery ----------------------------------------

    def shipping(self) -> None:
        profiles = self.c.admin("GET", "/admin/shipping-profiles")["shipping_profiles"]
        profile = profiles[0]["id"] if profiles else self.c.admin(
            "POST", "/admin/shipping-profiles", json={"name": "Standard", "type": "default"}
        )["shipping_profile"]["id"]
        self.ids["shipping_profile_id"] = profile
        options: dict[str, str] = {}
        by_name = {o["name"]: o["id"] for o in self.c.admin(
            "GET", "/admin/shipping-options", params={"limit": 200, "fields": "id,name"}
        )["shipping_options"]}
        for key, loc_id in self.ids["stock_locations"].items():
            loc = self.c.admin("GET", f"/admin/stock-locations/{loc_id}",
                               params={"fields": "*fulfillment_sets,*fulfillment_sets.service_zones"}
                               )["stock_location"]
            sets = {fs["type"]: fs for fs in loc.get("fulfillment_sets") or []}
            kinds = ["shipping"] if key == "web-warehouse" else ["pickup", "shipping"]
            for kind in kinds:
                fs = sets.get(kind)
                if fs is None:
                    loc = self.c.admin("POST", f"/admin/stock-locations/{loc_id}/fulfillment-sets",
                                       json={"name": f"{LOCATIONS[key][0]} {kind}", "type": kind},
                                       )["stock_location"]
                    fs = next(f for f in self.c.admin(
                        "GET", f"/admin/stock-locations/{loc_id}",
                        params={"fields": "*fulfillment_sets,*fulfillment_sets.service_zones"}
                    )["stock_location"]["fulfillment_sets"] if f["type"] == kind)
                zones = fs.get("service_zones") or []
                if zones:
                    zone_id = zones[0]["id"]
                else:
                    fset = self.c.admin("POST", f"/admin/fulfillment-sets/{fs['id']}/service-zones",
                                        json={"name": f"{LOCATIONS[key][0]} {kind}: Sverige", "geo_zones": [
                                            {"type": "country", "country_code": "se"}]})
                    zone_id = fset["fulfillment_set"]["service_zones"][0]["id"]
                label = ("Hämta i butik: " + LOCATIONS[key][0]) if kind == "pickup" else \
                        ("Fri hemleverans från " + LOCATIONS[key][0])
                if label in by_name:  # a second run (after a failure) makes no duplicates
                    options[f"{kind}-{key}"] = by_name[label]
                    continue
                option = self.c.admin("POST", "/admin/shipping-options", json={
                    "name": label, "service_zone_id": zone_id, "shipping_profile_id": profile,
                    "provider_id": "manual_manual", "price_type": "flat",
                    "type": {"label": label, "description": label,
                             "code": f"{kind}-{key}"},
                    "prices": [{"currency_code": "sek", "amount": 0}],
                    "rules": [{"attribute": "enabled_in_store", "operator": "eq", "value": "true"},
                              {"attribute": "is_return", "operator": "eq", "value": "false"}]})
                options[f"{kind}-{key}"] = option["shipping_option"]["id"]
        self.ids["shipping_options"] = options

    # --- catalogue -------------------------------------------------------------------------------

    def _product_body(self, p: DemoProduct) -> dict[str, Any]:
        has_size = any(v.size for v in p.variants)
        has_colour = any(v.colour for v in p.variants)
        options: list[dict[str, Any]] = []
        if has_size:
            options.append({"title": "Storlek", "values": sorted({v.size or "-" for v in p.variants})})
        if has_colour:
            options.append({"title": "Färg", "values": sorted({v.colour or "-" for v in p.variants})})
        if not options:
            options.append({"title": "Variant", "values": [v.sku for v in p.variants]})
        variants = []
        for v in p.variants:
            opts = {}
            if has_size:
                opts["Storlek"] = v.size or "-"
            if has_colour:
                opts["Färg"] = v.colour or "-"
            if not opts:
                opts["Variant"] = v.sku
            variants.append({"title": v.name, "sku": v.sku, "ean": v.ean, "barcode": v.ean,
                             "manage_inventory": True, "allow_backorder": False,
                             "prices": [{"currency_code": "sek", "amount": major(v.price)}],
                             "options": opts, "metadata": {
                                 "pos_variant_id": v.id,
                                 **({"pos_plu": v.plu} if v.plu else {}),
                                 **({"pos_unit": v.unit} if v.unit else {}),
                                 **({"net_content": net_content_text(v.net_quantity, v.net_unit)}
                                    if v.net_quantity is not None else {})}})
        sc = self.ids["sales_channels"]
        return {"title": p.title, "handle": p.handle, "status": "published",
                "description": p.description, "type_id": self.ids["product_types"][p.vat_rate.value],
                "shipping_profile_id": self.ids["shipping_profile_id"],
                "sales_channels": [{"id": sc[k]} for k in CHANNELS],
                "categories": [{"id": self._category(p.category)}],
                "metadata": {"pos_product_id": p.id, "vat_rate": p.vat_rate.value},
                "options": options, "variants": variants}

    def _category(self, name: str) -> str:
        cats = self.ids.setdefault("categories", {})
        if name not in cats:
            found = self.c.admin("GET", "/admin/product-categories", params={"q": name, "limit": 50})
            match = next((c for c in found["product_categories"] if c["name"] == name), None)
            cats[name] = match["id"] if match else self.c.admin(
                "POST", "/admin/product-categories",
                json={"name": name, "is_active": True, "is_internal": False})["product_category"]["id"]
        return str(cats[name])

    def products(self) -> None:
        catalog = demo_catalog()
        existing = self.c.admin("GET", "/admin/products", params={"limit": 1, "fields": "id"})["count"]
        if existing >= len(catalog):
            self.log(f"products: {existing} already there")
            return
        t0 = time.monotonic()
        handles = set()
        if existing:
            offset = 0
            while True:
                page = self.c.admin("GET", "/admin/products",
                                    params={"limit": 200, "offset": offset, "fields": "handle"})
                handles |= {p["handle"] for p in page["products"]}
                offset += 200
                if offset >= page["count"]:
                    break
        todo = [p for p in catalog if p.handle not in handles]
        for batch in chunks(todo, 25):
            self.c.admin("POST", "/admin/products/batch",
                         json={"create": [self._product_body(p) for p in batch]})
        self.log(f"products: {len(todo)} created in {time.monotonic() - t0:.1f} s")

    def net_contents(self) -> None:
        """The food packages' net content ("450 g") in their variant's metadata, also on a store
        seeded before shelf labels needed it (only variants that lack it are written)."""
        wanted = {v.sku: net_content_text(v.net_quantity, v.net_unit)
                  for p in demo_catalog() for v in p.variants if v.net_quantity is not None}
        offset, done = 0, 0
        while True:
            page = self.c.admin("GET", "/admin/product-variants", params={
                "limit": 500, "offset": offset, "fields": "id,sku,product_id,metadata"})
            for v in page["variants"]:
                meta = v.get("metadata") or {}
                text = wanted.get(v["sku"])
                if text and meta.get("net_content") != text:
                    self.c.admin("POST", f"/admin/products/{v['product_id']}/variants/{v['id']}",
                                 json={"metadata": {**meta, "net_content": text}})
                    done += 1
            offset += 500
            if offset >= page["count"]:
                break
        if done:
            self.log(f"net content: {done} variants given theirs")

    def _variants_by_sku(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        offset = 0
        while True:
            page = self.c.admin("GET", "/admin/product-variants", params={
                "limit": 500, "offset": offset,
                "fields": "id,sku,ean,product_id,*inventory_items"})
            for v in page["variants"]:
                out[v["sku"]] = v
            offset += 500
            if offset >= page["count"]:
                return out

    def stock(self) -> None:
        t0 = time.monotonic()
        variants = self._variants_by_sku()
        by_pos_id = {v.id: v.sku for p in demo_catalog() for v in p.variants}
        locations = self.ids["stock_locations"]
        create = []
        for level in demo_stock():
            v = variants.get(by_pos_id.get(level.variant_id, ""))
            if not v or not v.get("inventory_items"):
                continue
            create.append({"inventory_item_id": v["inventory_items"][0]["inventory_item_id"],
                           "location_id": locations[level.location_id],
                           "stocked_quantity": level.stocked})
        for batch in chunks(create, 500):
            try:
                self.c.admin("POST", "/admin/inventory-items/location-levels/batch",
                             json={"create": list(batch)})
            except MedusaError as e:
                if "already exists" not in str(e) and e.status != 400:
                    raise
                self.log(f"stock: a batch was partly there already ({e})")
        self.log(f"stock: {len(create)} levels in {time.monotonic() - t0:.1f} s")

    # --- promotions, customers, key --------------------------------------------------------------

    def promotions(self) -> None:
        existing = {p["code"] for p in
                    self.c.admin("GET", "/admin/promotions", params={"limit": 100})["promotions"]}
        campaign = self.c.admin("GET", "/admin/campaigns", params={
            "campaign_identifier": CAMPAIGN["campaign_identifier"]})["campaigns"]
        campaign_id = campaign[0]["id"] if campaign else self.c.admin(
            "POST", "/admin/campaigns", json=CAMPAIGN)["campaign"]["id"]
        promos = promotion_bodies(self._category)
        for body in promos:
            if body["code"] not in existing:
                self.c.admin("POST", "/admin/promotions", json={**body, "campaign_id": campaign_id})
        self.ids["promotion_codes"] = [p["code"] for p in promos]

    def customers(self) -> None:
        ids = {}
        for email, first, last, phone, card in CUSTOMERS:
            found = self.c.admin("GET", "/admin/customers", params={
                "email": email, "fields": "id,email,metadata"})["customers"]
            if not found:
                ids[email] = self.c.admin("POST", "/admin/customers", json={
                    "email": email, "first_name": first, "last_name": last, "phone": phone,
                    "metadata": {"pos_card": card}})["customer"]["id"]
                continue
            ids[email] = found[0]["id"]
            if (found[0].get("metadata") or {}).get("pos_card") != card:  # seeded before cards
                self.c.admin("POST", f"/admin/customers/{ids[email]}",
                             json={"metadata": {**(found[0].get("metadata") or {}), "pos_card": card}})
        self.ids["customers"] = ids

    def publishable_key(self) -> None:
        keys = self.c.admin("GET", "/admin/api-keys", params={"type": "publishable"})["api_keys"]
        key = next((k for k in keys if k["title"] == "omnipos"), None)
        if key is None:
            key = self.c.admin("POST", "/admin/api-keys",
                               json={"title": "omnipos", "type": "publishable"})["api_key"]
            self.c.admin("POST", f"/admin/api-keys/{key['id']}/sales-channels",
                         json={"add": list(self.ids["sales_channels"].values())})
        self.ids["publishable_key"] = key["token"]


    # --- web orders: to return in a store, and to pick up in one ----------------------------------

    def web_orders(self) -> None:
        self.c.publishable_key = self.ids["publishable_key"]
        sku_of = {v.id: v.sku for p in demo_catalog() for v in p.variants}
        stocked: dict[str, list[str]] = {}
        present: set[tuple[str, str]] = set()
        for level in demo_stock():
            if level.available >= 5:
                stocked.setdefault(level.location_id, []).append(sku_of[level.variant_id])
            if level.stocked > 0:
                present.add((level.location_id, sku_of[level.variant_id]))
        # what only the web warehouse has (a ship-to-store order's goods: Medusa reserves a web
        # order at the first of the channel's locations that has it, whatever the pickup store)
        stores = [k for k in self.ids["stock_locations"] if k != "web-warehouse"]
        only_there = [sku for sku in stocked.get("web-warehouse", [])
                      if not any((store, sku) in present for store in stores)]
        for store in stores:
            stocked[f"web-warehouse-only:{store}"] = only_there
        self.ids["web_orders"] = seed_web_orders(self.c, self.ids, stocked, self.log)

    # --- transfers on their way to Göteborg (the back office's receiving) --------------------------

    def transfers(self) -> None:
        """Two transfers sent to Göteborg (from Stockholm and from the web warehouse), so that a
        demo and the tests have something to receive; sent once (idempotent by number)."""
        sku_of = {v.id: v.sku for p in demo_catalog() for v in p.variants}
        plenty: dict[str, list[str]] = {}
        for level in demo_stock():
            if level.stocked >= 10:
                plenty.setdefault(level.location_id, []).append(sku_of[level.variant_id])
        locations = self.ids["stock_locations"]
        made = {}
        for number, sender, skus, units in (
                ("TR-1001", "store-sthlm", plenty.get("store-sthlm", [])[:2], (6, 4)),
                ("TR-1002", "web-warehouse", plenty.get("web-warehouse", [])[2:5], (12, 3, 5))):
            if not skus:
                continue
            found = self.c.admin("GET", "/admin/pos/stock-transfers",
                                 params={"number": number})["stock_transfers"]
            if found:
                made[number] = found[0]["id"]
                continue
            made[number] = self.c.admin("POST", "/admin/pos/stock-transfers", json={
                "number": number, "from_location_id": locations[sender],
                "to_location_id": locations["store-gbg"], "note": "seed",
                "lines": [{"sku": sku, "quantity": n} for sku, n in zip(skus, units)]},
            )["stock_transfer"]["id"]
        self.ids["stock_transfers"] = made
        self.log(f"stock transfers: {made}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--email", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    client = MedusaClient(args.url, args.email, args.password, timeout=(3.05, 120.0))
    ids = Seeder(client).run()
    ids.update({"url": args.url, "admin_email": args.email, "admin_password": args.password})
    Path(args.out).write_text(json.dumps(ids, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"seeded in {ids['seed_seconds']} s; ids in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
