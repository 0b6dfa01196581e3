"""The digital receipt a receipt's QR code opens: GET /receipts/<sale id> on the real local
Medusa (a public page: no key, no login), rendered from the store-sale order the till's outbox
made, shows the receipt's lines, total, tenders, VAT and control code; an unknown id is a plain
404 page. The till's default receipt URL is that page's."""
import random
import uuid
from datetime import datetime

import pytest
import requests

from pos.config import load_config
from pos.money import format_kronor
from pos.payment_methods import CARD, CASH
from pos.payments import Tender
from pos.receipt_layout import StoreInfo, sale_receipt
from pos.receipt import QrCode
from pos.sales import Sale, SaleLine
from pos.sync.sale_events import sale_key, store_order
from tests.integration.medusa.articles import in_stock

pytestmark = pytest.mark.medusa


def a_sale() -> Sale:
    # three of ``a`` are over the 100,01 kr paid in cash, so the card pays the rest
    a, b = in_stock("store-gbg", 2, price_over=3334)
    lines = (SaleLine(variant_id=a.id, sku=a.sku, ean=a.ean, name=a.name, quantity=3,
                      unit_price=a.price, original_price=None, discount=0, total=3 * a.price,
                      vat_rate=a.vat_rate),
             SaleLine(variant_id=b.id, sku=b.sku, ean=b.ean, name=b.name, quantity=1,
                      unit_price=b.price, original_price=None, discount=0, total=b.price,
                      vat_rate=b.vat_rate))
    total = 3 * a.price + b.price
    return Sale(id=str(uuid.uuid4()), register_id="K7", receipt_no=random.randint(1000, 99999),
                shift_id=1, cashier_id="u1", cashier_name="Kim",
                completed_at=datetime.now().replace(microsecond=0), lines=lines,
                tenders=(Tender(CARD, total - 10001), Tender(CASH, 10001, received=20000)),
                total=total, discount=0, rounding=0, control_code="C0FFEE1234ABCDEF")


def test_the_receipt_page_shows_a_store_sale_and_404_for_an_unknown_id(store, medusa_state,
                                                                        tmp_path):
    sale = a_sale()
    store.orders.create_store_order(store_order(sale, "store-gbg"), sale_key(sale.id))
    # the till's QR: its receipt_url defaults to this central store's page
    import wiring
    (tmp_path / "pos.toml").write_text("", encoding="utf-8")
    url = wiring.receipt_url(load_config(tmp_path / "pos.toml"))
    assert url == medusa_state["url"].rstrip("/") + "/receipts/"
    qr = next(b for b in sale_receipt(sale, StoreInfo(receipt_url=url), "CU-1").blocks
              if isinstance(b, QrCode))
    page = requests.get(qr.data, timeout=10)  # a phone: no key, no login
    assert page.status_code == 200, page.text[:500]
    assert page.headers["Content-Type"].startswith("text/html")
    html = page.text
    assert f"Kvitto nr {sale.receipt_no}" in html and "Kassa K7" in html
    for line in sale.lines:
        assert line.name.replace("&", "&amp;") in html
        assert format_kronor(line.total) in html
    assert "3 st" in html
    assert f'Totalt</td><td class="a">{format_kronor(sale.total)}' in html
    assert f'Kort</td><td class="a">{format_kronor(sale.total - 10001)}' in html
    assert f'Kontant</td><td class="a">{format_kronor(10001)}' in html
    for v in sale.vat:
        assert f"Moms {v.rate.value} %" in html and format_kronor(v.vat) in html
    assert "C0FFEE1234ABCDEF" in html
    assert "å" in html or "ä" in html or "ö" in html or "Kvitto" in html  # UTF-8, Swedish
    assert page.headers.get("Cache-Control") == "private, no-store"

    unknown = requests.get(url + str(uuid.uuid4()), timeout=10)
    assert unknown.status_code == 404 and "Kvittot finns inte" in unknown.text
    assert requests.get(url + "..%2Fadmin", timeout=10).status_code == 404
