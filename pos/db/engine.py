"""Engines for the two databases the till runs on: embedded SQLite (default) and PostgreSQL.

SQLite is set up for a till that must not lose a sale: WAL, ``synchronous=FULL`` (a commit is on
disk when it returns), foreign keys on, transactions that take the write lock when they begin
(``BEGIN IMMEDIATE``) and a busy timeout, so a second writer (the outbox worker, the catalogue
sync, the back office) is waited for instead of failing the till's transaction. PostgreSQL is the same code with another URL.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

SQLITE_FILE = "pos.sqlite3"
BUSY_TIMEOUT_MS = 5000


def default_sqlite_url(data_dir: Path) -> str:
    """The embedded database in ``data_dir`` (the platform data directory)."""
    return f"sqlite:///{(Path(data_dir) / SQLITE_FILE).as_posix()}"


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Take transaction control away from pysqlite (which BEGINs only before DML, so DDL and
    # SAVEPOINTs would escape the transaction); _sqlite_on_begin emits BEGIN instead. This is
    # SQLAlchemy's documented recipe: migrations become atomic and begin_nested() works.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA cache_size = -65536")  # 64 MiB: a million-variant catalogue's indexes
        cur.execute("PRAGMA mmap_size = 268435456")  # reads straight from the page cache
    finally:
        cur.close()


def _sqlite_on_begin(conn: Any) -> None:
    # IMMEDIATE: the write lock is taken when the transaction starts, not at its first write. A
    # deferred transaction that has read and then writes fails at once ("database is locked",
    # SQLITE_BUSY_SNAPSHOT, no busy wait) when another connection committed in between, which
    # the outbox worker and the catalogue sync beside the till do all day. Taken at BEGIN, the
    # lock is waited for (busy timeout); every transaction here is short.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``: ``sqlite:///path`` (parent directory created) or
    ``postgresql+psycopg://...`` (a bare ``postgresql://`` is given the psycopg 3 driver)."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:" and not u.database.startswith("file:"):
            Path(u.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(u, **kwargs)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if u.get_backend_name() == "postgresql":
        if u.drivername == "postgresql":
            u = u.set(drivername="postgresql+psycopg")
        kwargs.setdefault("pool_pre_ping", True)
        return create_engine(u, **kwargs)
    return create_engine(u, **kwargs)


def is_sqlite(engine_or_conn: Any) -> bool:
    return engine_or_conn.dialect.name == "sqlite"
