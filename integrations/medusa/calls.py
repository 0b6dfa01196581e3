"""What the capability adapters share besides the client: admin calls whose unavailability is the
port's ``CommerceUnavailable``, and which sales channel a location sells in (ids from medusa.json).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from integrations.medusa.client import (MedusaAuthRefused, MedusaClient, MedusaUnavailable,
                                        NotEnrolled)
from pos.ports import CentralAccessRefused, CommerceUnavailable


@contextmanager
def reaching_the_store() -> Iterator[None]:
    """Medusa being unreachable is the port's ``CommerceUnavailable`` (the caller keeps the work
    and tries later), and so is a register it will not serve (``CentralAccessRefused``: not
    enrolled, or its key revoked); every other error stays Medusa's own."""
    try:
        yield
    except MedusaUnavailable as e:
        raise CommerceUnavailable(str(e)) from e
    except NotEnrolled as e:
        raise CentralAccessRefused("central.not_enrolled", e.register) from e
    except MedusaAuthRefused as e:
        if not e.register:  # an admin login refused: the operator's error, not a register's
            raise
        raise CentralAccessRefused("central.register_revoked", e.register) from e


def admin(client: MedusaClient, method: str, path: str, **kw: Any) -> dict[str, Any]:
    """``client.admin(...)``, raising ``CommerceUnavailable`` when Medusa cannot be reached."""
    with reaching_the_store():
        return client.admin(method, path, **kw)


def sales_channel(ids: dict[str, Any], location_key: str) -> str:
    """The sales channel of a location (``store-gbg``), or the web's for one without its own."""
    return str(ids["sales_channels"].get(location_key) or ids["sales_channels"]["web"])


def utc_param(t: datetime) -> str:
    """A time for a filter (``created_at[$gte]``) as an instant in UTC (``...Z``): a naive one is
    UTC already (the sync's cursors). Without the offset Medusa reads it in its own zone."""
    t = t.replace(tzinfo=timezone.utc) if t.tzinfo is None else t.astimezone(timezone.utc)
    return t.isoformat().replace("+00:00", "Z")


def local_instant(text: str) -> str:
    """A time the till sent, as an instant: one without an offset (queued before times carried
    theirs) is the till's local wall-clock time. Text that is no time is kept as it is."""
    try:
        t = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return text
    return (t if t.tzinfo is not None else t.astimezone()).isoformat()


def fulfil_the_rest(client: MedusaClient, order: dict[str, Any], location_id: str) -> bool:
    """Fulfil at the stock location ``location_id`` what of ``order`` (read with
    ``*items,items.detail.*``) is not fulfilled yet, in one fulfilment; True when one was made.
    Medusa takes the stock at that location (and lets go of a reservation made elsewhere)."""
    items = []
    for it in order.get("items") or []:
        detail = it.get("detail") or {}
        left = int(it["quantity"]) - int(detail.get("fulfilled_quantity") or 0)
        if left > 0:
            items.append({"id": it["id"], "quantity": left})
    if not items:
        return False
    admin(client, "POST", f"/admin/orders/{order['id']}/fulfillments",
          json={"location_id": location_id, "items": items})
    return True
