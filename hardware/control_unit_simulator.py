"""A software stand-in for the certified control unit (kontrollenhet) a Swedish register needs.

It signs each receipt record with an HMAC keyed by its serial number, as a real unit returns a
control code, and remembers, per register, how many receipts it registered and the newest one's
number and code, in its own file (``state_file``), outside the register's database, as a real
unit keeps its own memory. The till checks every registration against that memory and
``journal verify`` cross-checks the journal and the sales with it, so rows deleted from the
database (with the journal's head rolled back) do not go unnoticed. Without a file it remembers
in memory (tests). Tests and demos use it; a real unit implements the same ``ControlUnit`` port.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import threading
from pathlib import Path

from pos.ports import ControlRecord, ControlRegistration


class SimulatedControlUnit:
    def __init__(self, serial: str = "SIM-KE-0001", key: bytes = b"demo-control-unit",
                 state_file: Path | None = None):
        self.serial = serial
        self._key = key
        self._file = Path(state_file) if state_file else None
        self._lock = threading.Lock()
        self._memory: dict[str, list] = self._load()

    def sign(self, record: ControlRecord) -> str:
        message = "|".join([record.register_id, str(record.receipt_no), record.timestamp,
                            record.kind, str(record.total),
                            ";".join(f"{r}:{v}" for r, v in record.vat_by_rate)])
        digest = hmac.new(self._key + self.serial.encode(), message.encode(), hashlib.sha256)
        code = digest.hexdigest()[:32].upper()
        with self._lock:
            count = self._memory.get(record.register_id, [0, 0, ""])[0]
            self._memory[record.register_id] = [count + 1, record.receipt_no, code]
            self._save()
        return code

    def last(self, register_id: str) -> ControlRegistration | None:
        with self._lock:
            found = self._memory.get(register_id)
        return None if found is None else ControlRegistration(register_id, found[0], found[1],
                                                              found[2])

    def _load(self) -> dict[str, list]:
        if self._file is None or not self._file.exists():
            return {}
        return dict(json.loads(self._file.read_text(encoding="utf-8")))

    def _save(self) -> None:
        if self._file is None:
            return
        self._file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._file.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(self._memory, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self._file)  # whole or not at all
