"""Completed sales as the screens and the command line list them."""
from __future__ import annotations

from pos.sales import Sale
from pos.services.unit_of_work import UnitOfWork


def recent_sales(uow: UnitOfWork, register_id: str | None, limit: int = 50) -> list[Sale]:
    """The newest sales, newest first (every register's when ``register_id`` is None)."""
    with uow:
        return uow.sales.recent(register_id, limit)


def sale(uow: UnitOfWork, sale_id: str) -> Sale | None:
    with uow:
        return uow.sales.get(sale_id)


def sale_by_receipt(uow: UnitOfWork, register_id: str, receipt_no: int) -> Sale | None:
    with uow:
        return uow.sales.by_receipt(register_id, receipt_no)


def unprinted_sales(uow: UnitOfWork, register_id: str) -> list[str]:
    """Ids of the register's sales whose receipt was never printed, oldest first."""
    with uow:
        return uow.sales.unprinted(register_id)
