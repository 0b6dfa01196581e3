"""Request latencies of the central store as the till sees them (median and 95th percentile).

`python -m integrations.medusa.measure [--state .state/medusa.json] [--n 30]`

Runs against a started, seeded local Medusa. Each call goes through ``MedusaStore``'s adapters and
their client, JWT auth, loopback HTTP: what a till pays for a call the cashier would wait for. Store
orders are created (one per iteration, each with its own key) and so change stock at Göteborg.

Then the same two calls with each way of authenticating: the admin's JWT, a register's token
(bought with its secret key, checked against revocation on each call), and the register's key
itself on every call (Medusa's scrypt check); and what buying a token costs. A register key is
made for it and revoked and deleted afterwards.
"""
from __future__ import annotations

import argparse
import statistics
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from integrations.medusa.catalog_feed import VARIANT_FIELDS
from integrations.medusa.store import STATE_FILE, MedusaStore
from pos.commerce import StoreOrder, StoreOrderLine
from pos.demo.catalog import demo_stock, demo_variants


def timed(fn: Callable[[int], object], n: int) -> tuple[float, float]:
    fn(0)  # warm: connection, token
    samples = []
    for i in range(n):
        t0 = time.perf_counter()
        fn(i + 1)
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--state", type=Path, default=STATE_FILE)
    ap.add_argument("--n", type=int, default=30)
    args = ap.parse_args(argv)
    store = MedusaStore.from_state(args.state, location_key="store-gbg")
    variants = demo_variants()
    here = {lvl.variant_id for lvl in demo_stock()
            if lvl.location_id == "store-gbg" and lvl.available >= 10}
    sellable = [v for v in variants if v.id in here]
    vid = store.catalog.variant_ids_by_sku([variants[0].sku])[variants[0].sku]
    cart_id = store.client.store("POST", "/store/carts", json={
        "region_id": store.ids["region_id"], "sales_channel_id": store.ids["sales_channels"]["web"],
        "items": [{"variant_id": vid, "quantity": 1}]})["cart"]["id"]

    def order(i: int) -> object:
        v = sellable[i % len(sellable)]
        sale = StoreOrder(sale_id=str(uuid.uuid4()), register_id="M1", receipt_no=i,
                          completed_at="2026-11-23T10:00:00+01:00", location_id="store-gbg",
                          lines=(StoreOrderLine(v.sku, v.ean, v.name, 1, v.price, v.price,
                                                v.vat_rate.value),),
                          tenders=(("card", v.price),), total=v.price)
        return store.orders.create_store_order(sale, f"measure-{uuid.uuid4()}")

    calls: dict[str, Callable[[int], object]] = {
        "health (ping)": lambda i: store.ping(),
        "variant by EAN": lambda i: store.client.admin("GET", "/admin/product-variants", params={
            "barcode": variants[i * 37 % len(variants)].ean, "fields": VARIANT_FIELDS}),
        "stock of one SKU": lambda i: store.catalog.stock_levels(
            [variants[i * 53 % len(variants)].sku]),
        "customer search": lambda i: store.customers.find_customers("0701234567"),
        "web cart by id": lambda i: store.web_carts.get_web_cart(cart_id),
        "catalogue page of 500": lambda i: next(iter(store.catalog.iter_variants(page_size=500))),
        "store order (create, pay, fulfil)": order,
    }
    print(f"{'call':36} {'median ms':>10} {'p95 ms':>10}   (n={args.n})")
    for name, fn in calls.items():
        n = max(5, args.n // 3) if "order" in name or "page" in name else args.n
        med, p95 = timed(fn, n)
        print(f"{name:36} {med:10.1f} {p95:10.1f}")
    compare_auth(store, variants, args.n)
    return 0


def compare_auth(store: MedusaStore, variants: list, n: int) -> None:
    """The same calls as the admin, as a register with a token, as a register with its key."""
    from integrations.credential_store import Secret
    from integrations.medusa.client import MedusaClient, RegisterKey
    from integrations.medusa.enrolment import title_of

    key = store.client.admin("POST", "/admin/api-keys", json={
        "title": title_of(f"MEASURE-{uuid.uuid4().hex[:6]}"), "type": "secret"})["api_key"]
    try:
        secret = Secret(key["token"])
        token = MedusaClient(store.client.base_url, auth=RegisterKey("M", secret))
        basic = MedusaClient(store.client.base_url, auth=RegisterKey("M", secret))
        basic.auth.TOKEN_PATH = "/admin/pos/no-such-route"  # as against a Medusa without it
        clients = {"admin JWT": store.client, "register token": token, "register key (Basic)": basic}
        print(f"\n{'auth':22} {'call':20} {'median ms':>10} {'p95 ms':>10}")
        for call, fn in {
            "customer search": lambda c, i: c.admin("GET", "/admin/customers", params={
                "q": "0701234567", "limit": 20}),
            "variant by EAN": lambda c, i: c.admin("GET", "/admin/product-variants", params={
                "barcode": variants[i * 37 % len(variants)].ean, "fields": VARIANT_FIELDS}),
        }.items():
            for name, client in clients.items():
                med, p95 = timed(lambda i, c=client: fn(c, i), n)
                print(f"{name:22} {call:20} {med:10.1f} {p95:10.1f}")
        buy = MedusaClient(store.client.base_url, auth=RegisterKey("M", secret))
        med, p95 = timed(lambda i: buy.login(), max(5, n // 3))
        print(f"{'buying a token':22} {'':20} {med:10.1f} {p95:10.1f}")
        if token.auth.mode != "token":
            print("(this Medusa has no /admin/pos/register-token: the token rows used the key)")
    finally:
        store.client.admin("POST", f"/admin/api-keys/{key['id']}/revoke", json={})
        store.client.admin("DELETE", f"/admin/api-keys/{key['id']}")


if __name__ == "__main__":
    raise SystemExit(main())
