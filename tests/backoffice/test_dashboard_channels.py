"""The dashboard per channel (``pos.queries.dashboard``), on SQLite and PostgreSQL: a shift on
one register that sells in the store, hands over a web order paid here, sells a web cart, sends
two books home and takes back a web order's T-shirt, all through the till's own use cases. The
channels' öre add up to the day's sales and to the shift's Z report; the SQL figures equal the
figures added up from the sales read as objects."""
from datetime import date, datetime

from pos.commerce import WebCart, WebCartLine
from pos.db.unit_of_work import SqlUnitOfWork
from pos.delivery import DeliveryAddress
from pos.queries.dashboard import CHANNELS, dashboard, dashboard_from_sales
from pos.returns import PaidTender, Purchase, PurchasedLine, PurchaseKind
from pos.services.returns import ReturnPick
from tests.backoffice.test_dashboard_figures import Clock, _close, _till
from tests.fakes.pickups import FakePickups, pickup_order
from tests.services.conftest import ARTICLES

TSHIRT, KAFFE, BOK = ARTICLES
DAY = date(2026, 11, 27)
CART = WebCart(id="cart_01CH", currency="SEK", email="wilma@example.se", customer_id=None,
               lines=(WebCartLine("variant_2", KAFFE.sku, KAFFE.ean, KAFFE.name, 3, 5990, 0,
                                  17970),),
               promo_codes=(), discount_total=0, tax_total=0, total=17970, completed=False)
ADDRESS = DeliveryAddress("Anna Svensson", "Storgatan 1", "11122", "Stockholm", "+46701234567")


class WebCarts:
    def get_web_cart(self, cart_id):
        return CART if cart_id == CART.id else None


def web_order_bought() -> Purchase:
    """A web order's T-shirt, 179,33 kr after its discount, paid on the web."""
    line = PurchasedLine("ordli_77", "variant_1", TSHIRT.sku, TSHIRT.ean, TSHIRT.name, 1, 17933,
                         TSHIRT.vat_rate)
    return Purchase(PurchaseKind.WEB_ORDER, "1077", datetime(2026, 11, 20, 12, 0), (line,),
                    (PaidTender("web", "Web", 17933, reference="pay_77"),),
                    order_id="order_77", location="web")


def a_day_of_channels(session_factory):
    clock = Clock()
    from tests.backoffice.test_dashboard_figures import CatalogRepository, ensure_demo_staff
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert(ARTICLES)
    ensure_demo_staff(SqlUnitOfWork(session_factory))
    k1 = _till(session_factory, "K1", clock)
    k1.pickups = FakePickups(pickup_order(1042, [(TSHIRT, 2), (BOK, 1)], off=3333),
                             pickup_order(1043, [(BOK, 1)], paid=True))
    k1.web_carts = WebCarts()
    clock.at(DAY, 8, 55)
    k1.open_shift(100000)
    clock.at(DAY, 9, 5)  # in the store: a T-shirt and a coffee, cash
    k1.scan(TSHIRT.ean)
    k1.scan(KAFFE.ean)
    k1.pay_cash(30000)
    clock.at(DAY, 10, 15)  # web order 1042 paid here (494,17 kr) with a coffee from the shelf
    k1.pay_pickup(k1.find_pickup("1042"))
    k1.scan(KAFFE.ean)
    k1.pay_card()
    clock.at(DAY, 11, 0)  # web order 1043, paid on the web, handed over: no sale here
    k1.hand_over_pickup(k1.find_pickup("1043"))
    clock.at(DAY, 11, 30)  # a web cart paid here
    k1.scan("https://shop.example.se/cart/cart_01CH")
    k1.pay_cash(20000)
    clock.at(DAY, 12, 40)  # a T-shirt taken now, two books sent home with 49,00 shipping
    k1.scan(TSHIRT.ean)
    k1.scan(BOK.ean)
    k1.scan(BOK.ean)
    book = next(lt.line.line_id for lt in k1.totals().lines if lt.line.variant.sku == "BOK-1")
    k1.mark_deliver(book, True)
    k1.set_delivery(ADDRESS, "web-warehouse", overridden=False)
    k1.pay_card()
    clock.at(DAY, 15, 20)  # a web order's T-shirt returned here
    k1.return_lines(web_order_bought(), [ReturnPick("ordli_77", 1, "wrong_size")])
    k1.refund()
    clock.at(DAY, 17, 0)
    return _close(k1)


def test_the_channels_add_up_to_the_sales_and_the_z_report(session_factory):
    z = a_day_of_channels(session_factory)
    d = dashboard(SqlUnitOfWork(session_factory), DAY)
    ch = {c.channel: c for c in d.per_channel}
    assert tuple(ch) == CHANNELS
    assert {c: (f.receipts, f.net_sales, f.items, f.returns_total) for c, f in ch.items()} == {
        # the first sale, the coffee with the web order, the T-shirt taken with the books
        "store": (3, 19900 + 5990 + 5990 + 19900, 4, 0),
        "web_pickup": (1, 49417, 3, 0),
        "web_return": (1, -17933, 0, 17933),
        "ship_to_home": (1, 2 * 12950 + 4900, 3, 0),
        "web_cart": (1, 17970, 3, 0)}
    assert d.pickups_handed_over == 1
    assert sum(c.net_sales for c in d.per_channel) == d.net_sales
    assert d.net_sales == z.gross_sales - z.returns_total
    assert d.receipts == z.sales_count == 4 and d.returns_count == z.returns_count == 1
    assert d.interest is not None and d.interest.total == 0


def test_product_interest_recorded_here_shows_beside_the_sales(session_factory):
    uow = SqlUnitOfWork(session_factory)
    with uow:
        for variant, source in (("v_kaffe", "scan"), ("v_kaffe", "scan"), ("v_bok", "view"),
                                ("v_kaffe", "search")):
            uow.kiosk.count_interest(DAY, "store-gbg", variant, source)
        uow.kiosk.count_interest(date(2026, 11, 28), "store-gbg", "v_bok", "scan")  # not the day
        uow.commit()
    d = dashboard(SqlUnitOfWork(session_factory), DAY)
    assert d.interest is not None
    assert (d.interest.total, d.interest.articles) == (4, 2)
    assert d.interest.per_source == (("scan", 2), ("search", 1), ("view", 1))
    # the same figures as the sales read as objects, channels too
    assert dashboard_from_sales(SqlUnitOfWork(session_factory), DAY) == d
