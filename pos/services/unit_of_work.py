"""One unit of work: every use case's transaction, with the repositories as its attributes.

    with uow:
        sale = uow.sales.get(sale_id)
        uow.journal.append(...)
        uow.commit()

Whatever is not committed when the block ends is rolled back, also when it ends with an
exception (as in *Architecture Patterns with Python*, chapter 6). One ``UnitOfWork`` object
serves one thread: a screen's worker lane owns one, the printer's lane another. It is not
re-entrant: a use case opens it once, and calls no other use case inside its block.

``pos.db.unit_of_work.SqlUnitOfWork`` is the real one (SQLite or PostgreSQL);
``tests/fakes/unit_of_work.py`` keeps everything in memory for fast unit tests.
"""
from __future__ import annotations

import abc
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the repositories' interfaces are the SQL ones; a fake mimics them
    from pos.db.repositories import (CartRepository, CatalogRepository, CustomerCardRepository,
                                     DeliveryRepository, InvoiceRepository,
                                     JournalRepository, OutboxRepository,
                                     PaymentAttemptRepository, RegisterRepository,
                                     SaleRepository, ShiftRepository, StaffRepository,
                                     SyncStateRepository)
    from pos.db.repositories.kiosk import KioskRepository
    from pos.db.repositories.stock_counts import StockCountRepository


class UnitOfWork(abc.ABC):
    registers: RegisterRepository
    staff: StaffRepository
    shifts: ShiftRepository
    sales: SaleRepository
    carts: CartRepository
    attempts: PaymentAttemptRepository
    journal: JournalRepository
    catalog: CatalogRepository
    outbox: OutboxRepository
    sync_state: SyncStateRepository
    customer_cards: CustomerCardRepository
    deliveries: DeliveryRepository
    kiosk: KioskRepository
    invoices: InvoiceRepository
    stock_counts: StockCountRepository

    def __enter__(self) -> "UnitOfWork":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.rollback()

    @abc.abstractmethod
    def commit(self) -> None:
        """Keep everything done in this block."""

    @abc.abstractmethod
    def rollback(self) -> None:
        """Drop everything done in this block that was not committed."""
