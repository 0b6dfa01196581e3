"""Sessions for the unit of work (``pos.db.unit_of_work.SqlUnitOfWork``)."""
from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit (the domain objects are built from them)."""
    return sessionmaker(bind=engine, expire_on_commit=False)
