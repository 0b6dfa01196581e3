import argparse
import json

from pos.catalog import Variant
from pos.db.repositories import OutboxRepository
from pos.sync.cli import add_sync_parser, cmd_sync, cmd_sync_status
from pos.sync.sale_events import enqueue_sale
from pos.vat import VatRate
from tests.sync.fakes import FakeStore, as_commerce_store
from tests.sync.test_outbox import make_sale


class Ctx:
    def __init__(self, sf):
        self.session_factory = sf


def parse(*argv):
    p = argparse.ArgumentParser()
    p.add_argument("--json", action="store_true")
    add_sync_parser(p.add_subparsers(dest="command"))
    return p.parse_args(list(argv))


def test_sync_delivers_and_status_reports(session_factory, capsys):
    store = FakeStore()
    store.variants = [Variant(id=f"v{i}", sku=f"S{i}", ean="", name=f"Vara {i}", price=100 + i,
                              vat_rate=VatRate.STANDARD) for i in range(30)]
    with session_factory() as s, s.begin():
        enqueue_sale(OutboxRepository(s), make_sale(1), "store-gbg")
    from decimal import Decimal

    from pos.promotions import ApplicationMethod, Promotion
    store.promotions = lambda: [Promotion("p1", "HOST10", ApplicationMethod(
        "percentage", "order", Decimal(10), "across"))]
    ctx = Ctx(session_factory)
    assert cmd_sync(parse("--json", "sync"), ctx, as_commerce_store(store)) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["promotions"] == 1
    assert out["catalog"]["variants"] == 30 and out["catalog"]["mode"] == "full"
    assert out["outbox"]["sent"] == ["sale:sale-0001"]
    assert cmd_sync_status(parse("--json", "sync", "status"), ctx) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["outbox"]["counts"]["sent"] == 1
    assert "catalog.updated_since" in st["state"]


def test_sync_says_when_the_store_is_down(session_factory, capsys):
    store = FakeStore()
    store.down = 5
    with session_factory() as s, s.begin():
        enqueue_sale(OutboxRepository(s), make_sale(1), "store-gbg")
    assert cmd_sync(parse("sync", "outbox"), Ctx(session_factory), as_commerce_store(store)) == 1
    assert "connection refused" in capsys.readouterr().out
    assert cmd_sync_status(parse("sync", "status"), Ctx(session_factory)) == 0
    assert "1 failed" in capsys.readouterr().out
