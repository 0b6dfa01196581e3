"""Alembic environment: run with the connection ``pos.db.migrate`` passes in (online only)."""
from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from pos.db.base import Base

config = context.config
target_metadata = Base.metadata


def run_migrations(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite",
                      transaction_per_migration=False)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:  # the alembic command line, for developers: -x url=sqlite:///...
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("pass the database as: alembic -x url=sqlite:///path upgrade head")
    from pos.db.engine import make_engine
    with make_engine(url).begin() as conn:
        run_migrations(conn)
