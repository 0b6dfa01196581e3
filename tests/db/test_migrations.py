import pytest
from sqlalchemy import inspect

from pos.db.engine import make_engine
from pos.db.migrate import current_revision, head_revision, upgrade


def test_an_empty_database_is_at_no_revision(db_url):
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) is None
    finally:
        engine.dispose()


def test_upgrade_creates_the_catalogue_and_is_idempotent(db_url):
    engine = make_engine(db_url)
    try:
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        tables = set(inspect(engine).get_table_names())
        assert {"variants", "stock_levels", "alembic_version"} <= tables
        upgrade(engine)  # a second start of the program changes nothing and does not fail
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection")
def test_constraints_are_named_by_the_convention(engine):
    insp = inspect(engine)
    assert insp.get_pk_constraint("variants")["name"] in ("pk_variants", None)  # SQLite: unnamed pk
    fks = insp.get_foreign_keys("stock_levels")
    assert [fk["referred_table"] for fk in fks] == ["variants"]
    if engine.dialect.name == "postgresql":
        assert fks[0]["name"] == "fk_stock_levels_variant_id_variants"
    sql = ("SELECT name FROM sqlite_master WHERE type = 'index'" if engine.dialect.name == "sqlite"
           else "SELECT indexname FROM pg_indexes WHERE tablename = 'variants'")
    with engine.connect() as c:
        indexes = set(c.exec_driver_sql(sql).scalars())
    assert {"ix_variants_gtin14", "ix_variants_ean", "uq_variants_sku_lower"} <= indexes


def test_sqlite_is_durable_and_enforces_foreign_keys(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path}/sub/dir/pos.sqlite3")
    try:
        with engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert (tmp_path / "sub" / "dir" / "pos.sqlite3").exists()
    finally:
        engine.dispose()


def test_the_weighed_articles_migration_folds_every_search_name_and_rebuilds_the_index(db_url):
    """Issue 9, items 9 and 10: a catalogue written before 0009 (search names as they were,
    SQLite's index over the names, a UPC-E stored as an 8-digit EAN) is found by a search
    without diacritics and by its UPC-E afterwards."""
    from pos.db.catalog_repository import CatalogRepository
    from pos.db.session import session_factory

    engine = make_engine(db_url)
    try:
        upgrade(engine, "0008_receipt_copies")
        rows = [("v1", "STI-ULL", "7350120000019", "07350120000019", "Stickad tröja Ull",
                 " stickad tröja ull"),
                ("v2", "CANDY", "04252614", "00000004252614", "Godis Import", " godis import")]
        with engine.begin() as c:
            for vid, sku, ean, g, name, search in rows:
                c.exec_driver_sql(
                    "INSERT INTO variants (id, sku, ean, gtin14, name, search_name, product_id,"
                    " product_name, size, colour, price_ore, vat_rate, active, updated_at, refs)"
                    " VALUES (%s)" % ", ".join(["?"] * 15 if engine.dialect.name == "sqlite"
                                               else ["%s"] * 15),
                    (vid, sku, ean, g, name, search, "", "", "", "", 89900, "25", True,
                     "2026-01-01 00:00:00", ""))
        upgrade(engine)
        sf = session_factory(engine)
        assert current_revision(engine) == head_revision()
        with sf() as s:
            repo = CatalogRepository(s)
            assert [v.id for v in repo.search("troja")] == ["v1"]
            assert [v.id for v in repo.search("tröja ull")] == ["v1"]
            assert repo.by_code("04252614").id == "v2"
            assert repo.by_code("042100005264").id == "v2"  # its UPC-A
            assert repo.by_id("v1").plu == "" and repo.by_id("v1").unit == ""
    finally:
        engine.dispose()
