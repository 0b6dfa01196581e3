"""The shelf-label use cases (pos.services.shelf_labels) on both databases: the selection (codes,
a category, nothing), a QR address that is no web address, and a printer that stops halfway:
what printed is journaled and the error says how far it got."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from pos.catalog import UnknownCode
from pos.db.catalog_repository import CatalogRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.catalog import demo_variants
from pos.ports import PrinterOffline
from pos.services import shelf_labels as service
from pos.services.backoffice import BACKOFFICE
from pos.services.kiosk import demo_products, store_products
from pos.shelf_labels import LabelSettings

NOW = datetime(2026, 11, 30, 12, 0)
SKUS = ("KAF-MEL-450G", "KAF-MEL-1KG", "CHO-MJO-100G", "TSH-BAS-BLA-M")


@pytest.fixture
def uow(session_factory):
    demo = {v.sku: v for v in demo_variants()}
    with session_factory() as s, s.begin():
        CatalogRepository(s).bulk_upsert(demo[k] for k in SKUS)
    u = SqlUnitOfWork(session_factory)
    pids = {demo[k].product_id for k in SKUS}
    store_products(u, [p for p in demo_products() if p.product_id in pids], NOW)
    return u


def test_choose_by_code_and_category_each_once(uow):
    [coffee_cat] = [c for c in service.categories(uow, NOW) if c.name == "Mat › Kaffe & te"]
    chosen = service.select(uow, service.LabelSelection(
        codes=("TSH-BAS-BLA-M", "KAF-MEL-1KG"), category_id=coffee_cat.id))
    assert [v.sku for v, _ in chosen] == ["TSH-BAS-BLA-M", "KAF-MEL-1KG", "KAF-MEL-450G"]
    with pytest.raises(UnknownCode):
        service.select(uow, service.LabelSelection(codes=("NO-SUCH",)))
    with pytest.raises(service.LabelError) as e:
        service.select(uow, service.LabelSelection())
    assert e.value.code == "labels.nothing_chosen"


def test_the_qr_uses_the_products_web_handle(uow):
    [label] = service.make_labels(uow, service.LabelSelection(codes=("KAF-MEL-450G",)),
                                  LabelSettings("https://shop.example.se/shelf", "store-sthlm"),
                                  NOW, date(2026, 11, 30))
    assert label.qr == ("https://shop.example.se/shelf/products/kaffe-mellanrost"
                        "?sku=KAF-MEL-450G&store=store-sthlm")


def test_a_qr_base_that_is_no_web_address_is_refused(uow):
    with pytest.raises(service.LabelError) as e:
        service.make_labels(uow, service.LabelSelection(codes=("KAF-MEL-450G",)),
                            LabelSettings("shop.example.se/shelf"), NOW, date(2026, 11, 30))
    assert e.value.code == "labels.qr_base"


class StopsAfter:
    def __init__(self, n: int) -> None:
        self.n, self.docs = n, []

    def print_document(self, doc):
        if len(self.docs) == self.n:
            raise PrinterOffline("printer.offline", name="K1", detail=": cover open")
        self.docs.append(doc)


def test_a_printer_that_stops_halfway_is_journaled_with_what_printed(uow):
    labels = service.make_labels(uow, service.LabelSelection(codes=SKUS[:3]), LabelSettings(),
                                 NOW, date(2026, 11, 30))
    labels[0] = labels[0].with_copies(2)
    printer = StopsAfter(3)
    with pytest.raises(service.LabelError) as e:
        service.print_labels(uow, printer, labels, NOW, "maja")
    assert e.value.code == "labels.not_printed"
    assert (e.value.params["printed"], e.value.params["total"]) == (3, 4)
    assert [d.kind for d in printer.docs] == ["shelf_label"] * 3
    with uow:
        [entry] = [x.payload for x in uow.journal.entries(BACKOFFICE) if x.kind == "shelf_labels"]
    assert (entry["user"], entry["printed"], entry["count"]) == ("maja", 3, 4)
    assert "cover open" in entry["reason"]
