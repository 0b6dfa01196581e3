"""main.py gives each consumer the central store's capability it needs: the outbox its order sink,
the background sync its catalogue feed, the till its customer directory; with no central store,
none (and the demo's customers). Only medusa.json is read here: nothing connects."""
import json

import pytest

import main
from pos.db.unit_of_work import SqlUnitOfWork
from pos.demo.customers import DemoCustomers
from pos.ports import CatalogFeed, CommerceStore, CustomerDirectory, OrderSink, PromotionFeed


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DATABASE_URL", raising=False)
    state = tmp_path / "medusa.json"
    state.write_text(json.dumps({
        "url": "http://127.0.0.1:9", "admin_email": "a@b", "admin_password": "pw",
        "publishable_key": "pk_1", "region_id": "reg_1",
        "sales_channels": {"web": "sc_web", "store-sthlm": "sc_sthlm"},
        "stock_locations": {"store-sthlm": "sloc_sthlm"}}), encoding="utf-8")

    def write(with_store: bool):
        path = tmp_path / "pos.toml"
        path.write_text('[devices]\nprinter = "dummy"\n[register]\nlocation_id = "store-sthlm"\n'
                        f'[medusa]\nstate = "{state if with_store else tmp_path / "none.json"}"\n',
                        encoding="utf-8")
        return main.load_config(path)
    return write


def test_the_central_store_is_built_from_its_state_file_for_the_tills_location(config):
    store = main.build_commerce_store(config(True))
    assert isinstance(store, CommerceStore)
    assert store.catalog.promotion_context() == {"sales_channel_id": "sc_sthlm"}
    assert main.build_commerce_store(config(False)) is None


def test_the_outbox_gets_the_order_sink(config, monkeypatch):
    from pos.sync.outbox import OutboxWorker

    cfg = config(True)
    ctx = main.open_database(cfg)
    store = main.build_commerce_store(cfg)
    given = []
    monkeypatch.setattr(OutboxWorker, "start_thread",
                        lambda self, stop, interval: given.append(self))
    stop = main.start_outbox(ctx, store)
    assert not stop.is_set()
    assert given[0].store is store.orders and isinstance(given[0].store, OrderSink)
    ctx.engine.dispose()


def test_the_background_sync_gets_the_catalogue_feed(config, monkeypatch):
    import pos.sync.catalog_refresh as catalog_refresh

    cfg = config(True)
    ctx = main.open_database(cfg)
    given = []
    monkeypatch.setattr(catalog_refresh, "refresh",
                        lambda uow, feed, on_progress: given.append((uow, feed, on_progress)))
    main.catalog_refresher(ctx, cfg)(print)
    uow, feed, on_progress = given[0]
    assert isinstance(uow, SqlUnitOfWork) and uow.session_factory is ctx.session_factory
    assert on_progress is print
    assert isinstance(feed, CatalogFeed) and isinstance(feed, PromotionFeed)
    assert not isinstance(feed, CommerceStore)  # the feed, not the whole store
    assert main.catalog_refresher(ctx, config(False)) is None
    ctx.engine.dispose()


def test_the_till_finds_customers_in_the_central_store_or_the_demos(config):
    till, ctx = main.build_till(config(True), with_customers=True)
    assert isinstance(till.customers, CustomerDirectory)
    assert not isinstance(till.customers, CommerceStore)
    assert type(till.customers).__module__ == "integrations.medusa.customers"
    ctx.engine.dispose()
    till, ctx = main.build_till(config(False), with_customers=True)
    assert isinstance(till.customers, DemoCustomers)
    ctx.engine.dispose()
