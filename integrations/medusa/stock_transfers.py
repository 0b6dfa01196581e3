"""Transfers between stock locations (``pos.ports.StockTransfers``) over the Medusa app's own
routes ``/admin/pos/stock-transfers`` (src/modules/pos-stock: Medusa has no transfer entity).
Locations are the till's keys here and Medusa's ids there (medusa.json's ``stock_locations``)."""
from __future__ import annotations

from typing import Any

from integrations.medusa.calls import admin
from integrations.medusa.client import MedusaClient
from pos.stock_transfers import Transfer, TransferLine


class MedusaStockTransfers:
    def __init__(self, client: MedusaClient, ids: dict[str, Any]):
        self.client = client
        self.ids = ids
        self._to_id = dict(ids.get("stock_locations") or {})
        self._to_key = {v: k for k, v in self._to_id.items()}
        self._names: dict[str, str] | None = None

    def _name(self, location_id: str) -> str:
        """Medusa's name of a stock location (read once)."""
        if self._names is None:
            page = admin(self.client, "GET", "/admin/stock-locations",
                         params={"limit": 200, "fields": "id,name"})
            self._names = {loc["id"]: str(loc.get("name") or "")
                           for loc in page.get("stock_locations") or []}
        return self._names.get(location_id, "")

    def _transfer(self, t: dict[str, Any]) -> Transfer:
        return Transfer(
            id=str(t["id"]), number=str(t["number"]),
            from_location=self._to_key.get(t["from_location_id"], t["from_location_id"]),
            to_location=self._to_key.get(t["to_location_id"], t["to_location_id"]),
            status=str(t["status"]), sent_at=str(t.get("sent_at") or ""),
            received_at=str(t.get("received_at") or ""),
            from_name=self._name(t["from_location_id"]),
            lines=tuple(TransferLine(sku=str(ln["sku"]), quantity=int(ln["quantity"]),
                                     received=(None if ln.get("received_quantity") is None
                                               else int(ln["received_quantity"])))
                        for ln in sorted(t.get("lines") or [], key=lambda ln: str(ln["sku"]))))

    def incoming(self, location_key: str, include_received: bool = False) -> list[Transfer]:
        params: dict[str, Any] = {"to_location_id": self._to_id.get(location_key, location_key)}
        if not include_received:
            params["status"] = "sent"
        page = admin(self.client, "GET", "/admin/pos/stock-transfers", params=params)
        return [self._transfer(t) for t in page.get("stock_transfers") or []]

    def receive(self, transfer_id: str, received: dict[str, int], idempotency_key: str,
                by: str) -> Transfer:
        done = admin(self.client, "POST", f"/admin/pos/stock-transfers/{transfer_id}/receive",
                     json={"key": idempotency_key, "received_by": by,
                           "lines": [{"sku": s, "received_quantity": n}
                                     for s, n in received.items()]})
        return self._transfer(done["stock_transfer"])

    def send(self, number: str, from_key: str, to_key: str, lines: dict[str, int],
             note: str = "") -> Transfer:
        """A transfer sent (the sender's stock goes down now): the seed's and the tests'; the
        sending side's screens are not the till's."""
        made = admin(self.client, "POST", "/admin/pos/stock-transfers", json={
            "number": number, "from_location_id": self._to_id.get(from_key, from_key),
            "to_location_id": self._to_id.get(to_key, to_key), "note": note,
            "lines": [{"sku": s, "quantity": n} for s, n in lines.items()]})
        return self._transfer(made["stock_transfer"])
