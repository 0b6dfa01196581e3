"""Loyalty cards read at this store, with their customer as the central store last gave them
(so a card read before still finds its customer while the central store cannot be reached)."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from pos.db.models_sync import CustomerCardRow
from pos.db.repositories._upsert import insert


class CustomerCardRepository:
    def __init__(self, session: Session):
        self.s = session

    def remember(self, card: str, customer: dict[str, Any], now: datetime) -> None:
        """Keep (or refresh) whose loyalty card ``card`` is (``CustomerRef.to_dict()``)."""
        value = json.dumps(customer, ensure_ascii=False, sort_keys=True)
        ins = insert(self.s, cast(Table, CustomerCardRow.__table__)).values(
            card=card, customer_json=value, updated_at=now)
        self.s.execute(ins.on_conflict_do_update(index_elements=["card"],
                                                 set_={"customer_json": value,
                                                       "updated_at": now}))

    def customer(self, card: str) -> tuple[dict[str, Any], datetime] | None:
        """Whose card ``card`` was when it was last read here, and when."""
        row = self.s.get(CustomerCardRow, card)
        return (json.loads(row.customer_json), row.updated_at) if row else None
