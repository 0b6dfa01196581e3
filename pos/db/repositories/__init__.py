"""Repositories: one class per kind of record, over one SQLAlchemy session, speaking domain objects.

They never commit: the unit of work (``pos.db.unit_of_work.SqlUnitOfWork``) owns the transaction
and gives them out as its attributes (``uow.sales``, ``uow.journal`` ...).
"""
from pos.db.catalog_repository import CatalogRepository
from pos.db.repositories.carts import CartRepository
from pos.db.repositories.customer_cards import CustomerCardRepository
from pos.db.repositories.deliveries import DeliveryRepository
from pos.db.repositories.invoices import InvoiceRepository
from pos.db.repositories.journal import JournalRepository
from pos.db.repositories.outbox import OutboxRepository
from pos.db.repositories.payment_attempts import PaymentAttemptRepository
from pos.db.repositories.registers import RegisterRepository
from pos.db.repositories.sales import SaleRepository
from pos.db.repositories.shifts import ShiftRepository
from pos.db.repositories.staff import StaffRepository
from pos.db.repositories.sync_state import SyncStateRepository

__all__ = ["CartRepository", "CatalogRepository", "CustomerCardRepository", "DeliveryRepository", "InvoiceRepository",
           "JournalRepository",
           "OutboxRepository", "PaymentAttemptRepository", "RegisterRepository",
           "SaleRepository", "ShiftRepository", "StaffRepository", "SyncStateRepository"]
