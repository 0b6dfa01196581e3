"""The till gives the central store's promotions: from the locally synced set, on screen totals,
stored sale lines, receipt, journal and the central store's order; while the customer pays a
campaign's end changes nothing; a sync beside the till is in force from the next customer."""
import json
from datetime import datetime
from decimal import Decimal

import pytest

from hardware.control_unit_simulator import SimulatedControlUnit
from pos.cart import CartError
from pos.catalog import CentralRefs, Variant
from pos.db.catalog_repository import CatalogRepository
from pos.db.repositories import JournalRepository, SaleRepository, SyncStateRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.gtin import with_check_digit
from pos.promotions import ApplicationMethod, Promotion, Rule
from pos.receipt import Columns
from pos.services.setup import ensure_demo_staff
from pos.services.till import Devices, Till, TillConfig
from pos.sync.promotion_sync import store_promotions
from pos.vat import VatRate
from tests.services.fakes import RecordingDisplay, RecordingPrinter, ScriptedTerminal

WINTER = "pcat_winter"
SWEATER = Variant("v-sweater", "STI-1", with_check_digit("735000000101"), "Stickad tröja Ull",
                  89900, VatRate.STANDARD, product_id="p-sti",
                  refs=CentralRefs("variant_sti", "prod_sti", (WINTER,)))
COFFEE = Variant("v-coffee", "KAF-9", with_check_digit("735000000102"), "Kaffe Mellanrost",
                 5990, VatRate.FOOD, refs=CentralRefs("variant_kaf", "prod_kaf", ("pcat_food",)))


def promotion(code, target, value, *, automatic=False, allocation="across", rules=(),
              target_rules=(), ends_at=None):
    return Promotion(id=f"promo_{code}", code=code, is_automatic=automatic, ends_at=ends_at,
                     rules=tuple(rules), application_method=ApplicationMethod(
                         type="percentage", target_type=target, value=Decimal(value),
                         allocation=allocation, max_quantity=99 if target == "items" else None,
                         currency_code="sek", target_rules=tuple(target_rules)))


# the campaign ends at 18:00 UTC on the day of the test
VINTER20 = promotion("VINTER20", "items", 20, automatic=True, allocation="each",
                     target_rules=[Rule("items.product.categories.id", "in", (WINTER,))],
                     ends_at=datetime(2026, 11, 23, 18, 0))
HOST10 = promotion("HOST10", "order", 10)
STORE5 = promotion("BUTIK5", "order", 5, automatic=True,
                   rules=[Rule("sales_channel_id", "eq", ("sc_gbg",))])


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock(datetime(2026, 11, 23, 17, 58))  # naive, taken as local time by the till


@pytest.fixture
def setup(session_factory, clock, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")  # the till turns its local clock into UTC for campaign dates
    import time
    time.tzset()
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert([SWEATER, COFFEE])
        store_promotions(SyncStateRepository(s), [VINTER20, HOST10, STORE5], context={"sales_channel_id": "sc_gbg"})
    ensure_demo_staff(SqlUnitOfWork(session_factory))
    printer = RecordingPrinter()
    display = RecordingDisplay()

    def build():
        t = Till(session_factory, Devices(printer, ScriptedTerminal(), SimulatedControlUnit(),
                                          display),
                 TillConfig(card_status_interval=0), clock=clock)
        t.login("kim", "1234")
        return t
    till = build()
    till.open_shift(100000)
    till.display_for_tests = display
    yield till, build, printer
    monkeypatch.undo()
    time.tzset()


def test_a_sale_with_promotions_is_stored_printed_journaled_and_queued(setup, session_factory):
    till, _, printer = setup
    till.scan(SWEATER.ean)
    till.scan(SWEATER.ean)
    till.scan(COFFEE.ean)
    t = till.add_promo_code("host10")
    # VINTER20 (20) first: 359.60 off the sweaters; then HOST10 (10) on what is left, then the
    # store-only BUTIK5 (5), whose rule asks for this till's sales channel
    sweaters = 2 * 89900
    winter = sweaters // 5
    left = sweaters - winter + 5990
    host = left // 10
    store = (left - host) * 5 // 100
    assert dict(t.promotions()) == {"VINTER20": winter, "HOST10": host, "BUTIK5": pytest.approx(store, abs=1)}
    assert t.total == sweaters + 5990 - t.promotion_discount
    sale = till.pay_cash(200000).sale
    assert sale is not None and sale.total == t.total

    with session_factory() as s:
        stored = SaleRepository(s).get(sale.id)
        entry = [e for e in JournalRepository(s).entries(till.register_id) if e.kind == "sale"][-1]
        outbox_payload = s.execute(
            __import__("sqlalchemy").text("SELECT payload_json FROM outbox")).scalar_one()
    assert stored == sale
    sweater_line = next(ln for ln in stored.lines if ln.sku == SWEATER.sku)
    assert [p.code for p in sweater_line.promotions] == ["VINTER20", "HOST10", "BUTIK5"]
    assert sweater_line.manual_discount == 0
    assert sweater_line.discount == sweater_line.promotion_discount
    journal_line = next(ln for ln in entry.payload["lines"] if ln["sku"] == SWEATER.sku)
    assert [p[0] for p in journal_line["promotions"]] == ["VINTER20", "HOST10", "BUTIK5"]
    order = json.loads(outbox_payload)
    assert sum(ln["total"] for ln in order["lines"]) == sale.total
    assert order["promotions"] == {"VINTER20": winter, "HOST10": host,
                                   "BUTIK5": t.promotions()[2][1]}
    # per line and promotion, by the central store's promotion id, for its campaign budgets
    shares = [[p.promotion_id, p.amount, ln.vat_rate.value] for ln in sale.lines
              for p in ln.promotions]
    assert order["promotion_lines"] == shares and len(shares) == 5  # 3 on sweaters, 2 on coffee
    assert sum(a for _, a, _ in shares) == t.promotion_discount

    doc = till.receipt(sale)
    rows = [b for b in doc.blocks if isinstance(b, Columns)]
    labels = {r.left.strip(): r.right for r in rows}
    assert labels["Kampanj VINTER20"] == "-" + f"{winter // 100},{winter % 100:02d}"
    assert "Kampanj HOST10" in labels and "Rabatt" not in labels


def test_a_campaign_ending_while_the_customer_pays_changes_nothing(setup, clock):
    till, build, _ = setup
    till.scan(SWEATER.ean)
    total = till.start_payment().total
    assert total < SWEATER.price  # the winter sale is on
    till.pay_card(10000)
    clock.now = datetime(2026, 11, 23, 18, 5)  # the campaign is over now
    assert till.totals().total == total
    sale = till.pay_cash(total).sale
    assert sale is not None and sale.total == total
    till.scan(SWEATER.ean)  # the next customer pays the full price (less the store's 5 %)
    assert till.totals().promotions() == [("BUTIK5", SWEATER.price * 5 // 100)]


def test_the_customer_display_counts_the_cashiers_discount_in_the_saving(setup):
    from pos.cart import Discount

    till, _, _ = setup
    till.scan(COFFEE.ean)
    till.discount_cart(Discount(percent=Decimal("7")))
    shown = till.display_for_tests.lines[-1]
    # the store-wide 5 % of 59,90 (2,99), then 7 % of the 56,91 left (3,98)
    assert (shown.saving, shown.discount, shown.amount) == (299, 697, 5293)


def test_a_refused_code_says_why_and_changes_nothing(setup):
    till, _, _ = setup
    till.scan(SWEATER.ean)
    shown = till.display_for_tests.lines[-1]
    off = SWEATER.price * 20 // 100 + (SWEATER.price * 80 // 100) * 5 // 100
    assert (shown.name, shown.saving, shown.amount) == (SWEATER.name, off, SWEATER.price - off)
    till.scan(COFFEE.ean)
    # the store-wide 5 % only
    shown = till.display_for_tests.lines[-1]
    assert (shown.name, shown.saving) == (COFFEE.name, 299)
    before = till.totals()
    with pytest.raises(CartError, match="no promotion code GRATIS"):
        till.add_promo_code("gratis")
    assert till.totals() == before


def test_codes_survive_a_crash_and_a_sync_applies_from_the_next_customer(setup, session_factory):
    till, build, _ = setup
    till.scan(COFFEE.ean)
    till.add_promo_code("HOST10")
    again = build()  # a new till on the same database: the crash case
    assert again.cart.promo_codes == ["HOST10"]
    assert again.totals() == till.totals()

    with session_factory() as s, s.begin():  # a sync replaces the set: HOST10 is 15 % now
        store_promotions(SyncStateRepository(s), [promotion("HOST10", "order", 15)])
    # the customer at the till keeps what they were told
    assert dict(again.totals().promotions()) == {"HOST10": 599, "BUTIK5": 270}
    sale = again.pay_cash(10000).sale
    assert sale is not None
    again.scan(COFFEE.ean)
    again.add_promo_code("HOST10")
    assert dict(again.totals().promotions()) == {"HOST10": 898}  # 15 % of 59.90, half up


def test_the_x_and_z_reports_say_what_the_campaigns_gave(setup, session_factory):
    till, _, _ = setup
    till.scan(SWEATER.ean)
    till.add_promo_code("HOST10")
    first = till.pay_cash(100000).sale
    till.scan(COFFEE.ean)
    second = till.pay_cash(10000).sale
    expected: dict[str, int] = {}
    for sale in (first, second):
        for line in sale.lines:
            for p in line.promotions:
                expected[p.code] = expected.get(p.code, 0) + p.amount
    report, doc = till.x_report()
    assert dict(report.promotions) == expected and set(expected) == {"VINTER20", "HOST10", "BUTIK5"}
    assert report.promotions_total == report.discounts_total == first.discount + second.discount
    rows = {b.left.strip(): b.right for b in doc.blocks if isinstance(b, Columns)}
    total = report.promotions_total
    assert rows["varav kampanjer"] == f"{total // 100},{total % 100:02d}"
    assert "VINTER20" in rows
    with session_factory() as s:
        entry = [e for e in JournalRepository(s).entries(till.register_id) if e.kind == "x_report"][-1]
    assert entry.payload["promotions"] == expected
