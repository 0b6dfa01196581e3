"""Payment attempts: stored before a provider (a card terminal ...) is asked, resolved after."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pos.db.models_till import PaymentAttemptRow


class PaymentAttemptRepository:
    def __init__(self, session: Session):
        self.s = session

    def add(self, attempt_id: str, register_id: str, kind: str, amount: int,
            at: datetime, method: str = "card") -> None:
        """``kind``: "purchase" or "refund"; ``amount`` in öre; ``method``: the payment method's
        id (its provider is asked after a crash). Status "sent"."""
        self.s.add(PaymentAttemptRow(id=attempt_id, register_id=register_id, kind=kind,
                                     method=method, amount=amount, status="sent",
                                     result_json="{}", created_at=at, updated_at=at, used=False))

    def update(self, attempt_id: str, status: str, result: dict[str, Any], at: datetime,
               used: bool | None = None) -> None:
        values: dict[str, Any] = {"status": status, "result_json": json.dumps(result),
                                  "updated_at": at}
        if used is not None:
            values["used"] = used
        self.s.execute(update(PaymentAttemptRow).where(PaymentAttemptRow.id == attempt_id)
                       .values(values))

    def unresolved(self, register_id: str) -> list[PaymentAttemptRow]:
        """Attempts whose outcome is not known yet (sent, or unknown after a lost answer)."""
        return list(self.s.execute(select(PaymentAttemptRow).where(
            PaymentAttemptRow.register_id == register_id,
            PaymentAttemptRow.status.in_(("sent", "unknown")))).scalars())

    def get(self, attempt_id: str) -> PaymentAttemptRow | None:
        return self.s.get(PaymentAttemptRow, attempt_id)
