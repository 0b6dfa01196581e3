"""Sessions and a small unit of work that rolls back unless told to commit."""
from __future__ import annotations

from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit (the domain objects are built from them)."""
    return sessionmaker(bind=engine, expire_on_commit=False)


class UnitOfWork:
    """``with UnitOfWork(factory) as uow: ...; uow.commit()`` — anything not committed is rolled
    back when the block ends, also when it ends with an exception."""

    def __init__(self, factory: sessionmaker[Session]):
        self._factory = factory
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its 'with' block")
        return self._session

    def __enter__(self) -> "UnitOfWork":
        self._session = self._factory()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        session = self.session
        try:
            session.rollback()
        finally:
            session.close()
            self._session = None

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
