"""Shared fixtures: offscreen Qt, and databases — every test that asks for ``engine`` (or
``session_factory``) runs twice, on SQLite and on PostgreSQL, each time on an empty, migrated
database of its own.

PostgreSQL comes from ``POS_TEST_PG_URL`` or from the private cluster ``scripts/postgres.sh`` starts.
Without PostgreSQL those runs are skipped, except under ``CI=true`` where that is a failure.
"""
from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Simulated card terminals keep their transaction counters on disk (their references go on across
# restarts): in a directory of the test run's own, never in the user's data directory.
os.environ.setdefault("POS_SIMULATOR_STATE", tempfile.mkdtemp(prefix="omnipos-terminals-"))

import subprocess  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _no_postgres(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"PostgreSQL is required in CI (CI=true) but: {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL: {reason}")


@pytest.fixture(scope="session")
def pg_url() -> str:
    """URL of a PostgreSQL database the tests may create databases from (a maintenance URL)."""
    url = os.environ.get("POS_TEST_PG_URL")
    if url:
        return url
    try:
        done = subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh"), "start"],
                              capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        _no_postgres(f"scripts/postgres.sh start failed: {e}")
    if done.returncode != 0 or not done.stdout.strip():
        _no_postgres(f"scripts/postgres.sh start failed: {done.stderr.strip()[-800:]}")
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="session")
def _pg_admin(pg_url: str) -> Iterator[object]:
    """One AUTOCOMMIT engine on the server's maintenance database, for CREATE/DROP DATABASE."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    admin = create_engine(make_url(pg_url).set(database="postgres"), isolation_level="AUTOCOMMIT",
                          poolclass=NullPool)
    try:
        with admin.connect() as c:
            c.exec_driver_sql("SELECT 1")
    except Exception as e:  # noqa: BLE001 - any failure means: no usable server
        admin.dispose()
        _no_postgres(f"cannot connect to {pg_url}: {e}")
    yield admin
    admin.dispose()


@pytest.fixture
def _pg_database(request: pytest.FixtureRequest) -> Iterator[str]:
    """A new, empty database for one test (tests of several developers never share one)."""
    from sqlalchemy.engine import make_url

    admin = request.getfixturevalue("_pg_admin")
    pg_url = request.getfixturevalue("pg_url")
    name = f"pos_t_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    with admin.connect() as c:  # type: ignore[attr-defined]
        c.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0')
    url = make_url(pg_url).set(database=name, drivername="postgresql+psycopg")
    yield url.render_as_string(hide_password=False)
    with admin.connect() as c:  # type: ignore[attr-defined]
        c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a SQLite file in tmp_path, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'pos.sqlite3').as_posix()}"
    return request.getfixturevalue("_pg_database")


@pytest.fixture
def engine(db_url: str) -> Iterator[object]:
    """An engine on ``db_url``, migrated to the newest revision."""
    from pos.db.engine import make_engine
    from pos.db.migrate import upgrade

    eng = make_engine(db_url)
    upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def session_factory(engine: object) -> object:
    from pos.db.session import session_factory as make_factory

    return make_factory(engine)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A test that installs the Swedish translators and fails before it puts English back would
    leave every later window in Swedish (a kiosk test once waited for an English word in vain):
    after each test, the application's language is English again."""
    yield
    import sys
    i18n = sys.modules.get("ui.i18n")
    if i18n is None:
        return
    from PySide6.QtCore import QCoreApplication
    app = QCoreApplication.instance()
    if app is not None:
        i18n.install_translators(app, "en")
