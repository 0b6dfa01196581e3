"""This store's returns (sales with return lines), newest first, with what the central store
has been told: for ``main.py returns list`` and the back office."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pos.services.unit_of_work import UnitOfWork
from pos.sync.return_events import return_key


@dataclass(frozen=True)
class ReturnRow:
    """One return receipt (or exchange): ``refunded`` öre given back for the returned
    articles, ``refunds`` (method id, öre) paid out, ``purchases`` the codes returned from,
    ``review`` returned against this store's own record only, ``central``: the outbox status
    of telling the central store (pending, sent, failed, dead; "" for none to tell)."""

    sale_id: str
    register_id: str
    receipt_no: int
    completed_at: datetime
    purchases: tuple[str, ...]
    units: int
    refunded: int
    total: int
    refunds: tuple[tuple[str, int], ...]
    review: bool
    central: str

    def to_dict(self) -> dict[str, object]:
        """JSON-ready but for ``completed_at`` (a datetime: the CLI prints it with its offset)."""
        return {"sale_id": self.sale_id, "register": self.register_id,
                "receipt_no": self.receipt_no, "completed_at": self.completed_at,
                "purchases": list(self.purchases), "units": self.units,
                "refunded_ore": self.refunded, "total_ore": self.total,
                "refunds": [{"method": m, "ore": a} for m, a in self.refunds],
                "review": self.review, "central": self.central}


def recent_returns(uow: UnitOfWork, limit: int = 50,
                   since: datetime | None = None) -> list[ReturnRow]:
    with uow:
        rows = []
        for sale in uow.sales.returns(since, limit):
            codes = tuple(dict.fromkeys(ln.returned_from.code for ln in sale.return_lines
                                        if ln.returned_from))
            statuses = []
            for code in codes:
                row = uow.outbox.by_key(return_key(sale.id, code))
                if row is not None:
                    statuses.append(str(row.status))
            refunds: dict[str, int] = {}
            for t in sale.tenders:
                if t.amount < 0:
                    refunds[t.method.id] = refunds.get(t.method.id, 0) - t.amount
            worst = next((s for s in ("dead", "failed", "pending") if s in statuses),
                         statuses[0] if statuses else "")
            rows.append(ReturnRow(
                sale.id, sale.register_id, sale.receipt_no, sale.completed_at, codes,
                sum(ln.returned_from.units for ln in sale.return_lines if ln.returned_from),
                sale.refunded, sale.total, tuple(sorted(refunds.items())),
                any(ln.returned_from.review for ln in sale.return_lines if ln.returned_from),
                worst))
        return rows
