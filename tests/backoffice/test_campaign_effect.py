"""The campaigns' effect on the dashboard (``pos.queries.campaign_effect``), on SQLite and
PostgreSQL: sales through the till's own use cases with the synced promotions, before and during
a campaign; per promotion the receipts, units, discount and sales, equal to the journal's
promotion shares, and the same articles' sales in as many days before the campaign started."""
from datetime import date, datetime
from decimal import Decimal

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from pos.catalog import CentralRefs, Variant
from pos.db.catalog_repository import CatalogRepository
from pos.db.repositories import SyncStateRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.gtin import with_check_digit
from pos.promotions import ApplicationMethod, Promotion, Rule
from pos.queries.dashboard import dashboard, dashboard_from_sales
from pos.services.setup import ensure_demo_staff
from pos.services.till import Devices, Till, TillConfig
from pos.sync.promotion_sync import store_promotions
from pos.vat import VatRate
from tests.services.fakes import RecordingPrinter, ScriptedTerminal

WINTER = "pcat_winter"
SWEATER = Variant("v-sweater", "STI-1", with_check_digit("735000000101"), "Stickad tröja Ull",
                  89900, VatRate.STANDARD, product_id="p-sti",
                  refs=CentralRefs("variant_sti", "prod_sti", (WINTER,)))
COFFEE = Variant("v-coffee", "KAF-9", with_check_digit("735000000102"), "Kaffe Mellanrost",
                 5990, VatRate.FOOD, refs=CentralRefs("variant_kaf", "prod_kaf", ("pcat_food",)))
VINTER20 = Promotion(
    id="promo_vinter", code="VINTER20", is_automatic=True, starts_at=datetime(2026, 11, 20),
    ends_at=datetime(2026, 11, 30, 22, 59), campaign_name="Vinterrea",
    application_method=ApplicationMethod(
        type="percentage", target_type="items", value=Decimal(20), allocation="each",
        max_quantity=99, currency_code="sek",
        target_rules=(Rule("items.product.categories.id", "in", (WINTER,)),)))
HOST10 = Promotion(id="promo_host", code="HOST10", application_method=ApplicationMethod(
    type="percentage", target_type="order", value=Decimal(10), allocation="across",
    max_quantity=None, currency_code="sek"))
JUL = Promotion(id="promo_jul", code="JUL30", is_automatic=True, starts_at=datetime(2026, 12, 20),
                application_method=VINTER20.application_method)  # later: not in the range


class Clock:
    now = datetime(2026, 11, 16, 10, 0)

    def __call__(self):
        return self.now


@pytest.fixture
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")  # the till and the query take local time as UTC
    import time
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_each_campaigns_receipts_units_discount_and_the_days_before(session_factory, utc):
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert([SWEATER, COFFEE])
        store_promotions(SyncStateRepository(s), [VINTER20, HOST10, JUL])
    ensure_demo_staff(SqlUnitOfWork(session_factory))
    clock = Clock()
    till = Till(session_factory, Devices(RecordingPrinter(), ScriptedTerminal(),
                                         SimulatedControlUnit()),
                TillConfig(card_status_interval=0), clock=clock)
    till.login("kim", "1234")
    till.open_shift(100000)

    def sell(when, *eans, code=None):
        clock.now = when
        for ean in eans:
            till.scan(ean)
        if code:
            till.add_promo_code(code)
        return till.pay_card().sale

    sell(datetime(2026, 11, 16, 10, 0), SWEATER.ean)  # four days before: not compared
    sell(datetime(2026, 11, 18, 11, 0), SWEATER.ean)  # in the three days before
    sell(datetime(2026, 11, 19, 12, 0), COFFEE.ean)  # in them, but no article of the campaign
    sell(datetime(2026, 11, 20, 9, 30), SWEATER.ean, SWEATER.ean)  # the campaign's first day
    sell(datetime(2026, 11, 21, 14, 0), SWEATER.ean, COFFEE.ean)
    sell(datetime(2026, 11, 22, 16, 0), COFFEE.ean, code="HOST10")
    sell(datetime(2026, 11, 23, 10, 0), SWEATER.ean)  # after the range

    first, last = date(2026, 11, 20), date(2026, 11, 22)
    d = dashboard(SqlUnitOfWork(session_factory), first, last)
    effect = {e.label: e for e in d.campaigns}
    assert list(effect) == ["VINTER20", "HOST10"]  # by discount; JUL30 starts later
    v = effect["VINTER20"]
    off = 89900 // 5  # 179,80 kr off each sweater
    assert (v.receipts, v.units, v.discount, v.sales) == (2, 3, 3 * off, 3 * (89900 - off))
    assert (v.days, v.starts_on, v.before_units, v.before_sales) == (
        3, date(2026, 11, 20), 1, 89900)
    h = effect["HOST10"]
    assert (h.receipts, h.units, h.discount, h.sales) == (1, 1, 599, 5990 - 599)
    assert (h.starts_on, h.before_units, h.before_sales) == (None, None, None)

    # the journal's promotion shares of those days
    shares: dict[str, int] = {}
    with SqlUnitOfWork(session_factory) as uow:
        for e in uow.journal.entries(till.register_id):
            if e.kind == "sale" and "2026-11-20" <= e.ts[:10] <= "2026-11-22":
                for line in e.payload["lines"]:
                    for code, _pid, amount in line.get("promotions", []):
                        shares[code] = shares.get(code, 0) + amount
    assert shares == {"VINTER20": v.discount, "HOST10": h.discount}
    assert dashboard_from_sales(SqlUnitOfWork(session_factory), first, last) == d
