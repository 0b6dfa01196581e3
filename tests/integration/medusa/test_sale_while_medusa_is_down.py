"""Issue 4's 'done when': a sale made at the till while Medusa is stopped appears in Medusa as
exactly one paid, fulfilled order once Medusa is back, and the store's stock there went down.

The real server is stopped and started again with the project's script (about 15 s)."""
import subprocess
from datetime import timedelta

import pytest

from integrations.medusa.store import MedusaStore
from main import build_till
from pos.config import load_config
from pos.db.unit_of_work import SqlUnitOfWork
from pos.queries.outbox import outbox_status
from pos.sync.outbox import OutboxWorker, utc_now
from pos.sync.sale_events import sale_key
from tests.integration.medusa.conftest import SCRIPT

pytestmark = pytest.mark.medusa


def medusa(action: str) -> None:
    run = subprocess.run(["bash", str(SCRIPT), action], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]


def test_a_sale_made_while_medusa_is_stopped_arrives_once_when_it_is_back(
        medusa_state, tmp_path, monkeypatch):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    cfg = tmp_path / "pos.toml"
    cfg.write_text('[devices]\nprinter = "dummy"\n[register]\nid = "K9"\n', encoding="utf-8")
    till, ctx = build_till(load_config(cfg))
    central = MedusaStore.from_state(location_key="store-gbg")
    stock = {lvl.variant_id: lvl.stocked for lvl in central.catalog.stock_levels(
        [v.sku for v in till.search("jeans", 50)]) if lvl.location_id == "store-gbg"}
    article = next(v for v in till.search("jeans", 50) if stock.get(v.sku, 0) >= 3)
    before = stock[article.sku]

    medusa("stop")
    try:
        down = MedusaStore.from_state(location_key="store-gbg", retries=0)
        assert not down.ping()
        till.login("kim", "1234")
        till.open_shift(100000)
        till.scan(article.ean)
        till.scan(article.ean)
        sale = till.pay_card().sale  # the till sells on, whatever the central store does
        assert sale is not None and sale.total == 2 * article.price

        clock = [utc_now()]
        worker = OutboxWorker(SqlUnitOfWork(ctx.session_factory), down.orders, clock=lambda: clock[0])
        report = worker.run_once()
        assert report.failed and not report.sent
        assert outbox_status(SqlUnitOfWork(ctx.session_factory)).pending == 1
    finally:
        medusa("start")

    up = MedusaStore.from_state(location_key="store-gbg")
    clock[0] += timedelta(hours=1)  # past the backoff
    worker = OutboxWorker(SqlUnitOfWork(ctx.session_factory), up.orders, clock=lambda: clock[0])
    assert worker.run_once().sent == [sale_key(sale.id)]
    assert worker.run_once().sent == []  # nothing is sent twice

    order = up.orders.find_order_by_key(sale_key(sale.id))
    assert order is not None
    assert (order.payment_status, order.fulfillment_status) == ("captured", "fulfilled")
    assert order.total == sale.total and order.metadata["pos_receipt_no"] == sale.receipt_no
    after = next(lvl.stocked for lvl in up.catalog.stock_levels([article.sku])
                 if lvl.location_id == "store-gbg")
    assert after == before - 2
    assert outbox_status(SqlUnitOfWork(ctx.session_factory)).pending == 0
