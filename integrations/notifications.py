"""Telling customers about their orders (``pos.ports.CustomerNotifier``) until e-mail comes: the
message is recorded (kept in memory for whoever asks, and appended to a file when one is named)
and written to the log. The e-mail notifier of the customer issue replaces it, port unchanged."""
from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from pos.pickups import PickupOrder

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    kind: str  # "order_ready"
    order_id: str
    order_number: str
    to: str  # the customer's e-mail
    text: str
    at: str  # ISO 8601 instant


class RecordingNotifier:
    """Keeps every notice it would send (``sent``); with ``path`` also one JSON line per notice."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.sent: list[Notice] = []
        self._lock = threading.Lock()

    def order_ready(self, order: PickupOrder, location_name: str) -> None:
        text = (f"Hej{(' ' + order.customer_name) if order.customer_name else ''}! Din order "
                f"#{order.number} finns nu att hämta i {location_name}.")
        notice = Notice("order_ready", order.id, order.number, order.email, text,
                        datetime.now(timezone.utc).isoformat())
        with self._lock:
            self.sent.append(notice)
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as f:
                    f.write(json.dumps(vars(notice), ensure_ascii=False) + "\n")
        log.info("notice to %s: %s", order.email or "(no e-mail)", text)
