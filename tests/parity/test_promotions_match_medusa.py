"""Parity: the till's promotion engine gives, to the öre, the totals the central store (the real
local Medusa v2) gives, on random carts (seeded) with random promotion codes.

Starts Medusa with ``integrations/medusa/medusa.sh start`` (skips when it cannot, fails under
``CI=true``). ``PARITY_CARTS`` sets the number of carts (default 200), ``PARITY_SEED`` the seed.

The carts still differ between installs (the parity promotions target categories and products by
the ids a fresh seed makes), so a run can meet the one known gap: a total on exactly half an öre,
which Medusa's doubles round down (see ``test_known_gap_an_exact_half_ore_medusa_rounds_down``).
Such carts are counted and printed, at most 1 in 100 allowed; every other difference fails.
"""
from __future__ import annotations

import os
import random
import subprocess
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from tests.medusa_server import start_local_medusa, unavailable

from pos.money import from_major
from pos.promotions import (SUM_QUANTUM, PromoLine, apply_promotions, promotion_totals,
                            rules_hold)

ROOT = Path(__file__).resolve().parents[2]
CARTS = int(os.environ.get("PARITY_CARTS", "200"))
SEED = int(os.environ.get("PARITY_SEED", "20261123"))
WORKERS = int(os.environ.get("PARITY_WORKERS", "8"))

pytestmark = [pytest.mark.medusa, pytest.mark.slow, pytest.mark.timeout(1800)]


@pytest.fixture(scope="module")
def medusa():
    from integrations.medusa.store import MedusaStore

    start_local_medusa()
    store = MedusaStore.from_state(timeout=(3.05, 120.0))
    if not store.ping():
        unavailable("/health does not answer")
    return store


def _transient(e: Exception) -> bool:
    """A loaded server's hiccup (5xx, a full connection pool, even as a 401 on login), or the race
    of parallel first carts creating the same guest customer ("... already exists")."""
    status = getattr(e, "status", None)
    return (status is None or status >= 500 or "Timeout acquiring a connection" in str(e)
            or (status == 400 and "already exists" in str(e)))


def _current_url() -> str | None:
    """Where the local Medusa answers now (its lifecycle script may restart it on another port)."""
    try:
        done = subprocess.run(["bash", str(ROOT / "integrations/medusa/medusa.sh"), "url"],
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    url = done.stdout.strip()
    return url.rstrip("/") if done.returncode == 0 and url.startswith("http") else None


def _retry(fn, client, *args, attempts: int = 6, retried: list | None = None):
    """``fn(client, *args)``, again after a transient failure, following the server if it moved."""
    from integrations.medusa.client import MedusaError
    from pos.ports import CommerceUnavailable

    for attempt in range(attempts):
        try:
            return fn(client, *args)
        except (MedusaError, CommerceUnavailable) as e:
            if not _transient(e) or attempt == attempts - 1:
                raise
            if retried is not None:
                retried.append(str(e)[:120])
            time.sleep(2 ** attempt)
            url = _current_url()
            target = getattr(client, "client", client)  # an adapter or the client itself
            if url and hasattr(target, "base_url"):
                target.base_url = url


def _line(fact, line_id, qty):
    return PromoLine(line_id=line_id, quantity=qty, unit_price=fact["price"],
                     vat_rate=fact["vat_rate"], variant_id=fact["id"], sku=fact["sku"],
                     product_id=fact["product_id"], category_ids=fact["category_ids"],
                     collection_id=fact["collection_id"], type_id=fact["type_id"])


def test_random_carts_have_the_same_totals_as_medusa(medusa):
    from integrations.medusa import promotion_api as api
    from integrations.medusa.client import MedusaClient

    t_start = time.monotonic()
    client, ids = medusa.client, medusa.ids
    # by SKU: the central store lists variants by their ids, which a fresh seed makes anew, and
    # the carts must be the same for the same seed on every install
    facts = sorted((f for f in _retry(api.variant_facts, client) if f["published"]),
                   key=lambda f: f["sku"])
    assert facts, "the central store has no catalogue"
    parity_codes = _retry(api.ensure_parity_promotions, client, facts)
    promotions = _retry(api.fetch_promotions, client)
    codes = sorted({p.code for p in promotions if not p.is_automatic and p.code})
    assert set(parity_codes) <= {p.code for p in promotions}

    # only variants with stock for a few units (Medusa refuses a cart line it cannot deliver)
    available = defaultdict(int)
    for lvl in _retry(lambda feed, skus: feed.stock_levels(skus), medusa.catalog,
                      [f["sku"] for f in facts]):
        available[lvl.variant_id] += lvl.available
    pool = [f for f in facts if available[f["sku"]] >= 4]
    assert len(pool) > 50
    # half of the lines from variants some promotion targets, so the rules are exercised
    targeted = [f for f in pool if any(
        p.application_method.target_rules
        and rules_hold(p.application_method.target_rules, _line(f, 0, 1).context(), "items")
        for p in promotions)]

    rng = random.Random(SEED)
    carts = []
    for n in range(CARTS):
        k = rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6))
        chosen: dict[str, dict] = {}
        while len(chosen) < k:
            f = rng.choice(targeted if targeted and rng.random() < 0.5 else pool)
            chosen[f["id"]] = f
        lines = [_line(f, f["id"], rng.choice((1, 1, 1, 2, 2, 3, 4))) for f in chosen.values()]
        cart_codes = rng.sample(codes, rng.choice((0, 1, 1, 2, 2, 3)))
        carts.append((n, lines, cart_codes))

    local = threading.local()
    retried: list[str] = []

    def remote(cart):
        if not hasattr(local, "client"):
            local.client = MedusaClient(client.base_url, publishable_key=client.publishable_key,
                                        timeout=(3.05, 120.0))
        n, lines, cart_codes = cart
        # a new cart each time: retrying after a server error is harmless
        return _retry(api.store_cart, local.client, ids,
                      [(ln.variant_id, ln.quantity) for ln in lines], cart_codes,
                      retried=retried)

    t_remote = time.monotonic()
    with ThreadPoolExecutor(WORKERS) as pool_exec:
        answers = list(pool_exec.map(remote, carts))
    remote_seconds = time.monotonic() - t_remote

    mismatches = []
    line_mismatches = []
    applied = defaultdict(int)
    half_ore_discounts = 0
    known_gap: list[int] = []
    # lines the spend budget kept from PARITY-BUDGET11: the same carts without the budget
    without_budget = [replace(p, budget=None) for p in promotions]
    kept_by_budget = 0
    for (n, lines, cart_codes), cart in zip(carts, answers):
        adjustments = apply_promotions(lines, promotions, cart_codes, email=api.PARITY_EMAIL,
                                       sales_channel_id=ids["sales_channels"]["web"],
                                       region_id=ids["region_id"])
        for a in adjustments:
            applied[a.code] += 1
        if "PARITY-BUDGET11" in cart_codes:
            unbudgeted = apply_promotions(lines, without_budget, cart_codes, email=api.PARITY_EMAIL,
                                          sales_channel_id=ids["sales_channels"]["web"],
                                          region_id=ids["region_id"])
            kept_by_budget += len({a.line_id for a in unbudgeted if a.code == "PARITY-BUDGET11"}
                                  - {a.line_id for a in adjustments if a.code == "PARITY-BUDGET11"})
        mine = promotion_totals(lines, adjustments)
        theirs_total = from_major(cart["total"])
        theirs_discount = from_major(cart["discount_total"])
        theirs_codes = sorted({a["code"] for it in cart["items"] for a in it.get("adjustments") or []})
        mine_codes = sorted({a.code for a in adjustments})
        # Medusa rounds total and discount_total each on its own: when the exact discount ends
        # in half an öre its discount shows one öre more than gross - total. The total is what
        # the customer pays; it must be equal.
        if abs(mine.discount - theirs_discount) == 1 and mine.subtotal - theirs_total == mine.discount:
            half_ore_discounts += 1
            theirs_discount = mine.discount
        # The one known gap (test_known_gap_an_exact_half_ore_medusa_rounds_down): the exact
        # discount ends on exactly half an öre and Medusa's doubles land just below it, so its
        # total is one öre less than the engine's half-up. Counted and bounded, not hidden.
        exact = sum((a.exact for a in adjustments), Decimal(0)).quantize(SUM_QUANTUM)
        if (exact % 1 == Decimal("0.5") and mine_codes == theirs_codes
                and (theirs_total, theirs_discount) == (mine.total - 1, mine.discount + 1)):
            known_gap.append(n)
            continue
        if (mine.total, mine.discount, mine_codes) != (theirs_total, theirs_discount, theirs_codes):
            mismatches.append({
                "cart": n, "codes": cart_codes,
                "lines": [(ln.sku, ln.quantity, ln.unit_price, ln.vat_rate.value) for ln in lines],
                "local": (mine.total, mine.discount, mine_codes),
                "medusa": (theirs_total, theirs_discount, theirs_codes),
                "medusa_adjustments": [(it["variant_id"], a["code"], a["amount"])
                                       for it in cart["items"] for a in it.get("adjustments") or []],
                "local_adjustments": [(a.line_id, a.code, str(a.net)) for a in adjustments]})
            continue
        by_variant = {it["variant_id"]: it for it in cart["items"]}
        for ln in lines:
            theirs_line = from_major(by_variant[ln.variant_id]["total"])
            mine_line = ln.gross - mine.by_line[ln.line_id]
            if theirs_line != mine_line:
                line_mismatches.append((n, ln.sku, mine_line, theirs_line))

    duration = time.monotonic() - t_start
    print(f"\nparity: {len(carts)} carts, {sum(len(c[1]) for c in carts)} lines, "
          f"{len(mismatches)} cart mismatches, {len(known_gap)} on the known half-öre gap "
          f"(carts {known_gap}), {len(line_mismatches)} line öre differences, "
          f"{half_ore_discounts} carts where Medusa's discount_total shows the half öre; "
          f"{kept_by_budget} lines kept from PARITY-BUDGET11 by its campaign's budget; "
          f"promotions applied: {dict(sorted(applied.items()))}; Medusa carts in "
          f"{remote_seconds:.1f} s with {WORKERS} workers ({len(retried)} retried after a server "
          f"error), whole test {duration:.1f} s")
    for m in mismatches[:10]:
        print("MISMATCH", m)
    assert not mismatches, f"{len(mismatches)} of {len(carts)} carts differ, first: {mismatches[0]}"
    # measured: about 1 cart in 400; more would be a new fault, not this gap
    assert len(known_gap) <= max(2, len(carts) // 100), f"half-öre gap in carts {known_gap}"
    assert kept_by_budget > 0, "no cart met the campaign budget: the test does not exercise it"
    # every cart total agrees; a line may differ by one öre where the rounding of the cart's
    # discount put the öre on another line than Medusa's own per-line rounding does
    assert all(abs(m - t) <= 1 for _, _, m, t in line_mismatches), line_mismatches[:10]
    assert len(applied) >= 5, f"too few kinds of promotion exercised: {applied}"
