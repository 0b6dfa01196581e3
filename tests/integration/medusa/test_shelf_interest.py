"""A shelf label's QR code opened on a phone, against the real local Medusa: GET
/shelf/products/:handle counts the scan as product interest (module product-interest: one row
per sku, store, day and source, incremented atomically) and shows the product; HEAD, prefetches,
link-preview robots and unknown articles are not counted; GET /admin/pos/product-interest gives
the counts to the back office, with an admin login and with a register's own key.

Counts live on in the instance between runs: each test compares the counts before and after."""
from __future__ import annotations

import json
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import requests

from integrations.credential_store import FileStore
from integrations.medusa import enrolment
from integrations.medusa.client import AdminLogin, MedusaClient
from integrations.medusa.store import STATE_FILE, MedusaStore, read_state
from pos.demo.catalog import demo_catalog
from pos.interest import SHELF_QR
from pos.shelf_qr import shelf_qr_url

pytestmark = pytest.mark.medusa


def swedish_today() -> date:
    return datetime.now(ZoneInfo("Europe/Stockholm")).date()


@pytest.fixture
def url(medusa_state) -> str:
    return read_state(STATE_FILE)["url"].rstrip("/")


def article(n: int = 0) -> tuple[str, str]:
    """(handle, sku) of a demo article."""
    p = demo_catalog()[n]
    return p.handle, p.variants[min(2, len(p.variants) - 1)].sku


def counted(store: MedusaStore, sku: str, key: str) -> int:
    today = swedish_today()
    # a day either side: a test run across Swedish midnight still finds its count
    rows = [c for c in store.interest.interest_between(today - timedelta(days=1),
                                                       today + timedelta(days=1))
            if c.sku == sku and c.store == key and c.source == SHELF_QR]
    assert len(rows) <= 3
    return sum(c.count for c in rows)


def test_a_phone_opening_a_shelf_label_is_counted_once_and_sees_the_product(store, url):
    handle, sku = article(0)
    qr = shelf_qr_url(url + "/shelf", handle, sku, "store-gbg")  # what the label prints
    before = counted(store, sku, "store-gbg")
    page = requests.get(qr, timeout=10, headers={"User-Agent": "Mozilla/5.0 (iPhone)"})
    assert page.status_code == 200, page.text[:500]
    assert page.headers["Content-Type"].startswith("text/html")
    assert page.headers["Cache-Control"] == "no-store"
    assert counted(store, sku, "store-gbg") == before + 1
    html = page.text
    product = demo_catalog()[0]
    assert f"<h1>{product.title}</h1>" in html and f"Artikelnr {sku}" in html
    variant = next(v for v in product.variants if v.sku == sku)
    from pos.money import format_kronor
    assert f"{format_kronor(variant.price)} kr" in html
    # the label's store first, named "here"; then the other store; the web shop last
    here, other, web = (html.index("Butik Göteborg (här)"), html.index("Butik Stockholm"),
                        html.index("Webbutiken"))
    assert here < other < web


def test_head_prefetch_and_link_preview_robots_are_not_counted(store, url):
    handle, sku = article(1)
    qr = shelf_qr_url(url + "/shelf", handle, sku, "store-gbg")
    before = counted(store, sku, "store-gbg")
    head = requests.head(qr, timeout=10)
    assert head.status_code == 200
    prefetch = requests.get(qr, timeout=10, headers={"Sec-Purpose": "prefetch"})
    robot = requests.get(qr, timeout=10, headers={"User-Agent": "WhatsApp/2.23.20.0"})
    assert prefetch.status_code == 200 and robot.status_code == 200
    assert counted(store, sku, "store-gbg") == before
    requests.get(qr, timeout=10)  # a person: counted
    assert counted(store, sku, "store-gbg") == before + 1


def test_an_unknown_article_is_a_404_page_and_not_counted(store, url):
    handle, sku = article(0)
    ghost = f"NOPE-{uuid.uuid4().hex[:8]}"
    page = requests.get(shelf_qr_url(url + "/shelf", "ghost", ghost, "store-gbg"), timeout=10)
    assert page.status_code == 404
    assert "Produkten finns inte" in page.text
    # an article paired with another product's handle is no label's address either
    before = counted(store, sku, "store-gbg")
    other_handle = demo_catalog()[1].handle
    wrong = requests.get(shelf_qr_url(url + "/shelf", other_handle, sku, "store-gbg"), timeout=10)
    assert wrong.status_code == 404
    no_sku = requests.get(f"{url}/shelf/products/{handle}", timeout=10)
    assert no_sku.status_code == 404
    today = swedish_today()
    assert not [c for c in store.interest.interest_between(today - timedelta(days=1),
                                                           today + timedelta(days=1))
                if c.sku == ghost]
    assert counted(store, sku, "store-gbg") == before


def test_concurrent_scans_are_all_counted_in_one_row(store, url):
    handle, sku = article(2)
    qr = shelf_qr_url(url + "/shelf", handle, sku, "store-sthlm")
    before = counted(store, sku, "store-sthlm")

    def scan(_i: int) -> int:
        with requests.Session() as s:
            return s.get(qr, timeout=30).status_code
    with ThreadPoolExecutor(max_workers=12) as pool:
        codes = list(pool.map(scan, range(30)))
    assert codes == [200] * 30
    assert counted(store, sku, "store-sthlm") == before + 30
    today = swedish_today()
    rows = [c for c in store.interest.interest_between(today, today, store="store-sthlm")
            if c.sku == sku and c.source == SHELF_QR]
    assert len(rows) == 1  # one row per sku, store, day and source


def test_a_store_no_location_carries_is_counted_as_unknown_store(store, url):
    handle, sku = article(3)
    before_unknown = counted(store, sku, "")
    page = requests.get(shelf_qr_url(url + "/shelf", handle, sku, "store-made-up"), timeout=10)
    assert page.status_code == 200
    assert counted(store, sku, "") == before_unknown + 1
    assert counted(store, sku, "store-made-up") == 0
    assert "(här)" not in page.text


def test_the_admin_route_needs_a_login_checks_its_days_and_serves_a_registers_key(
        store, url, medusa_state, tmp_path):
    handle, sku = article(4)
    requests.get(shelf_qr_url(url + "/shelf", handle, sku, "store-gbg"), timeout=10)
    requests.get(shelf_qr_url(url + "/shelf", handle, sku, "store-gbg"), timeout=10)
    today = swedish_today().isoformat()
    anonymous = requests.get(f"{url}/admin/pos/product-interest",
                             params={"from": today, "to": today}, timeout=10)
    assert anonymous.status_code == 401
    admin = MedusaClient(url, auth=AdminLogin(medusa_state["admin_email"],
                                              medusa_state["admin_password"]))
    bad = requests.get(f"{url}/admin/pos/product-interest", params={"from": "30.11", "to": today},
                       headers={"Authorization": admin.login()}, timeout=10)
    assert bad.status_code == 400
    # a register's own key, as the back office uses it
    ids = {k: v for k, v in {**medusa_state, "url": url}.items() if not k.startswith("admin_")}
    state = tmp_path / "medusa.json"
    state.write_text(json.dumps(ids), encoding="utf-8")
    keys = FileStore(tmp_path / "credentials.json")
    register = f"T{uuid.uuid4().hex[:8].upper()}"
    enrolment.enrol(admin, ids, register, keys)
    try:
        till = MedusaStore.for_register(state, register, location_key="store-gbg",
                                        credentials=keys, retries=0)
        rows = till.interest.interest_between(swedish_today(), swedish_today(), store="store-gbg")
        mine = [c for c in rows if c.sku == sku]
        assert len(mine) == 1 and mine[0].source == SHELF_QR and mine[0].store == "store-gbg"
        assert mine[0].day == swedish_today()
        assert mine[0].count == counted(store, sku, "store-gbg") >= 2
        assert all(c.store == "store-gbg" for c in rows)
    finally:
        for k in enrolment.registers(admin, register):
            if k.active:
                admin.admin("POST", f"/admin/api-keys/{k.key_id}/revoke", json={})
            admin.admin("DELETE", f"/admin/api-keys/{k.key_id}")


def test_main_py_interest_includes_the_central_counts(store, url, tmp_path, monkeypatch, capsys):
    import main
    import wiring

    handle, sku = article(5)
    requests.get(shelf_qr_url(url + "/shelf", handle, sku, "store-gbg"), timeout=10)
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    monkeypatch.setattr(wiring, "build_commerce_store", lambda cfg: store)  # the admin's login
    config = tmp_path / "pos.toml"
    config.write_text('[devices]\nprinter = "dummy"\n', encoding="utf-8")
    today = swedish_today().isoformat()
    capsys.readouterr()
    code = main.main(["--config", str(config), "interest", "--from", today, "--to", today,
                      "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["central"] == {"asked": True, "reason": ""}
    mine = [r for r in out["rows"] if r["sku"] == sku and r["location_id"] == "store-gbg"]
    assert len(mine) == 1
    assert mine[0]["shelf_qr"] == counted(store, sku, "store-gbg") >= 1
    assert mine[0]["name"] and mine[0]["sold_units"] == 0  # the demo store's article, unsold
