"""The sale in progress (one per register, saved after every change) and parked sales."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.models_till import OpenCartRow, ParkedCartRow


class CartRepository:
    def __init__(self, session: Session):
        self.s = session

    def save_open(self, register_id: str, cart: dict[str, Any],
                  payment: dict[str, Any] | None, at: datetime) -> None:
        """Keep the register's sale in progress (``Cart.to_dict()``) and its payment."""
        row = self.s.get(OpenCartRow, register_id)
        cart_json = json.dumps(cart, ensure_ascii=False)
        pay_json = None if payment is None else json.dumps(payment, ensure_ascii=False)
        web_cart_id = (cart.get("web_cart") or {}).get("id")
        if row is None:
            self.s.add(OpenCartRow(register_id=register_id, cart_json=cart_json,
                                   payment_json=pay_json, updated_at=at, web_cart_id=web_cart_id))
        else:
            row.cart_json, row.payment_json, row.updated_at = cart_json, pay_json, at
            row.web_cart_id = web_cart_id

    def holding_web_cart(self, web_cart_id: str) -> list[str]:
        """The registers whose sale in progress continues the web cart ``web_cart_id``."""
        return list(self.s.execute(select(OpenCartRow.register_id)
                                   .where(OpenCartRow.web_cart_id == web_cart_id)).scalars())

    def load_open(self, register_id: str) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
        """(cart, payment or None) as last saved, or None when the register never had one."""
        row = self.s.get(OpenCartRow, register_id)
        if row is None:
            return None
        return (json.loads(row.cart_json),
                json.loads(row.payment_json) if row.payment_json else None)

    def park(self, register_id: str, by: str, at: datetime, note: str, total: int,
             item_count: int, cart: dict[str, Any]) -> int:
        """Set a sale aside; returns its number."""
        row = ParkedCartRow(register_id=register_id, parked_by=by, parked_at=at, note=note,
                            total=total, item_count=item_count,
                            cart_json=json.dumps(cart, ensure_ascii=False))
        self.s.add(row)
        self.s.flush()
        return row.id

    def parked(self, register_id: str) -> list[ParkedCartRow]:
        return list(self.s.execute(select(ParkedCartRow)
                                   .where(ParkedCartRow.register_id == register_id)
                                   .order_by(ParkedCartRow.parked_at)).scalars())

    def take_parked(self, parked_id: int) -> dict[str, Any] | None:
        """The parked cart, removed from the parked list; None when it is gone."""
        # locked: two tills resuming the same parked sale at once must not both get it
        row = self.s.get(ParkedCartRow, parked_id, with_for_update=True)
        if row is None:
            return None
        data: dict[str, Any] = json.loads(row.cart_json)
        self.s.delete(row)
        return data
