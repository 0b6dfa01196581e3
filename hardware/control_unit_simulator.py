"""A software stand-in for the certified control unit (kontrollenhet) a Swedish register needs.

It signs each receipt record with an HMAC keyed by its serial number, as a real unit returns a
control code; tests and demos use it, a real unit would implement the same ``ControlUnit`` port.
"""
from __future__ import annotations

import hashlib
import hmac

from pos.ports import ControlRecord


class SimulatedControlUnit:
    def __init__(self, serial: str = "SIM-KE-0001", key: bytes = b"demo-control-unit"):
        self.serial = serial
        self._key = key

    def sign(self, record: ControlRecord) -> str:
        message = "|".join([record.register_id, str(record.receipt_no), record.timestamp,
                            record.kind, str(record.total),
                            ";".join(f"{r}:{v}" for r, v in record.vat_by_rate)])
        digest = hmac.new(self._key + self.serial.encode(), message.encode(), hashlib.sha256)
        return digest.hexdigest()[:32].upper()
