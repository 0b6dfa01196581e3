"""The unit of work over SQLAlchemy: one session per ``with`` block, repositories over it."""
from __future__ import annotations

from types import TracebackType

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from pos.errors import UserError, messages

from pos.db.repositories import (CartRepository, CatalogRepository, CustomerCardRepository,
                                 DeliveryRepository, InvoiceRepository,
                                 JournalRepository, OutboxRepository, PaymentAttemptRepository,
                                 RegisterRepository, SaleRepository, ShiftRepository,
                                 StaffRepository, SyncStateRepository)
from pos.db.repositories.kiosk import KioskRepository
from pos.db.repositories.stock_counts import StockCountRepository
from pos.services.unit_of_work import UnitOfWork


MESSAGES = messages({
    "db.busy": "The store's database is busy (another program is writing to it): nothing was "
               "changed, try again in a moment",
})


class DatabaseBusy(UserError):
    """SQLite's write lock was not free within the busy timeout (a catalogue sync, the back
    office or a kiosk writing to the same file): the block's work was rolled back, nothing is
    half done, and the same call may simply be made again. A person is told so, in their
    language, rather than shown SQL."""


def _is_busy(exc: BaseException | None) -> bool:
    return isinstance(exc, OperationalError) and any(
        text in str(exc.orig).lower() for text in ("database is locked", "database is busy"))


class SqlUnitOfWork(UnitOfWork):
    """``with SqlUnitOfWork(session_factory) as uow: ...; uow.commit()``.

    The block's session is closed when it ends, which rolls back what was not committed. Closing
    (rather than rolling back first) keeps what was read usable after the block: sessions here
    do not expire loaded values (``pos.db.session.session_factory``)."""

    def __init__(self, session_factory: sessionmaker[Session]):
        self._factory = session_factory
        self._session: Session | None = None

    @property
    def session_factory(self) -> sessionmaker[Session]:
        """Where its sessions come from (the database it works on)."""
        return self._factory

    @property
    def session(self) -> Session:
        """The block's session (for code that speaks SQL itself, such as a bulk import)."""
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its 'with' block")
        return self._session

    def __enter__(self) -> "SqlUnitOfWork":
        if self._session is not None:
            raise RuntimeError("a unit of work is not re-entrant: finish one block before the next")
        s = self._session = self._factory()
        self.registers = RegisterRepository(s)
        self.staff = StaffRepository(s)
        self.shifts = ShiftRepository(s)
        self.sales = SaleRepository(s)
        self.carts = CartRepository(s)
        self.attempts = PaymentAttemptRepository(s)
        self.journal = JournalRepository(s)
        self.catalog = CatalogRepository(s)
        self.outbox = OutboxRepository(s)
        self.sync_state = SyncStateRepository(s)
        self.customer_cards = CustomerCardRepository(s)
        self.deliveries = DeliveryRepository(s)
        self.kiosk = KioskRepository(s)
        self.invoices = InvoiceRepository(s)
        self.stock_counts = StockCountRepository(s)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        session, self._session = self._session, None
        if session is not None:
            session.close()
        if _is_busy(exc):
            raise DatabaseBusy("db.busy") from exc

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
