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
