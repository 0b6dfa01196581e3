"""The unit of work over SQLAlchemy: one session per ``with`` block, repositories over it."""
from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker

from pos.db.repositories import (CartRepository, CatalogRepository, CustomerCardRepository,
                                 DeliveryRepository, InvoiceRepository,
                                 JournalRepository, OutboxRepository, PaymentAttemptRepository,
                                 RegisterRepository, SaleRepository, ShiftRepository,
                                 StaffRepository, SyncStateRepository)
from pos.db.repositories.kiosk import KioskRepository
from pos.services.unit_of_work import UnitOfWork


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
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        session, self._session = self._session, None
        if session is not None:
            session.close()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
