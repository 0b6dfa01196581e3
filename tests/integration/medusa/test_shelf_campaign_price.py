"""The shelf QR's landing page shows the price the customer pays now, against the real local
Medusa: an article of the running campaign (the seed's Vinterrea: VINTER20, automatic, 20 % off
every unit in the winter category) shows the campaign's name, its price now and the regular
price struck through, in Swedish kronor; the same price as the article's shelf label (the till's
promotion engine) and as a web shop cart of one unit in the store's region and sales channel
(Medusa's own cart). An article outside the campaign shows its price alone.

Requests carry a robot's user agent: these visits are not counted as product interest (the
interest counts of tests/integration/medusa/test_shelf_interest.py stay as they are)."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone

import pytest
import requests

from integrations.medusa.store import STATE_FILE, read_state
from pos.demo.catalog import demo_catalog, demo_variants
from pos.demo.promotions import CAMPAIGN, WINTER_CATEGORY
from pos.money import format_kronor
from pos.promotions import PromotionBook
from pos.shelf_labels import LabelSettings, make_label
from pos.shelf_qr import shelf_qr_url
from tests.integration.medusa.shopper import Shopper

pytestmark = pytest.mark.medusa

NOT_COUNTED = {"User-Agent": "omnipos-test-bot/1.0"}  # a robot: no product interest counted
PRICE = re.compile(r'<p class="price[^"]*">.*?</p>', re.S)


@pytest.fixture
def ids(medusa_state) -> dict:
    return {**medusa_state, **read_state(STATE_FILE)}


def landing(ids: dict, product, sku: str, store: str = "store-gbg") -> str:
    page = requests.get(shelf_qr_url(ids["url"].rstrip("/") + "/shelf", product.handle, sku, store),
                        headers=NOT_COUNTED, timeout=15)
    assert page.status_code == 200, page.text[:500]
    return page.text


def web_cart_total(ids: dict, skus: list[str], channel: str) -> int:
    """One unit of the first of ``skus`` (same price each) that ``channel`` has in stock, in a
    web-shop cart of the store's region: what Medusa charges (its automatic promotions applied),
    in öre. The cart is left as an abandoned cart."""
    shopper = Shopper(ids)
    for sku in skus:
        r = shopper.http.post(shopper.url + "/store/carts", timeout=30, json={
            "region_id": ids["region_id"], "sales_channel_id": ids["sales_channels"][channel],
            "items": [{"variant_id": shopper.variant_id(sku), "quantity": 1}]})
        if r.status_code == 400 and "inventory" in r.text:
            continue  # sold out there (other tests sell): the next size
        assert r.status_code == 200, r.text[:500]
        cart = shopper.call("GET", f"/store/carts/{r.json()['cart']['id']}",
                            params={"fields": "id,item_total,*items,*items.adjustments"})["cart"]
        (item,) = cart["items"]
        assert [a["code"] for a in item.get("adjustments") or []] == ["VINTER20"]
        return round(float(cart["item_total"]) * 100)
    pytest.fail(f"none of {skus} in stock for {channel}")


def test_a_campaign_article_shows_its_campaign_price_and_the_regular_one_struck(ids):
    product = next(p for p in demo_catalog() if p.category == WINTER_CATEGORY)
    variant = product.variants[0]
    assert variant.price == 19900  # T-shirt Bas, 199,00 kr: 20 % off is 159,20 kr
    html = landing(ids, product, variant.sku)
    (price,) = PRICE.findall(html)
    assert price == ('<p class="price sale"><span class="now">159,20 kr</span>'
                     '<span class="was">Ord. pris <s>199,00 kr</s></span></p>')
    assert f'<p class="campaign">{CAMPAIGN["name"]}</p>' in html
    # the same price as the article's shelf label (the till's promotions) ...
    by_sku = {v.sku: v for v in demo_variants()}
    from pos.demo.promotions import demo_promotions
    book = PromotionBook(tuple(demo_promotions()),
                         clock=lambda: datetime.now(timezone.utc).replace(tzinfo=None))
    label = make_label(by_sku[variant.sku], book, LabelSettings("", "store-gbg", {}), date.today())
    assert label.campaign is not None and label.campaign.price == 15920
    assert f"{format_kronor(label.campaign.price)} kr" in price
    # ... and as Medusa's own cart in the web shop and in the label's store's channel
    sizes = [v.sku for v in product.variants if v.price == variant.price]
    assert web_cart_total(ids, sizes, "store-gbg") == 15920
    assert web_cart_total(ids, sizes, "web") == 15920


def test_another_campaign_article_and_a_store_the_label_does_not_name(ids):
    winter = [p for p in demo_catalog() if p.category == WINTER_CATEGORY]
    product = winter[1]  # T-shirt Randig, 249,00 kr: 199,20 kr
    variant = product.variants[-1]
    now = variant.price - variant.price // 5
    assert (variant.price, now) == (24900, 19920)
    html = landing(ids, product, variant.sku, store="store-made-up")  # no channel: still the web's
    (price,) = PRICE.findall(html)
    assert f'<span class="now">{format_kronor(now)} kr</span>' in price
    assert f"<s>{format_kronor(variant.price)} kr</s>" in price


def test_an_article_outside_the_campaign_shows_its_price_alone(ids):
    product = next(p for p in demo_catalog() if p.category != WINTER_CATEGORY
                   and p.variants[0].price % 100)  # öre in the price: 19,90 kr and the like
    variant = product.variants[0]
    html = landing(ids, product, variant.sku)
    (price,) = PRICE.findall(html)
    assert price == f'<p class="price">{format_kronor(variant.price)} kr</p>'
    assert "<s>" not in html and 'class="campaign"' not in html
