"""Which devices each register has, as the back office knows them.

A register is a row of ``registers`` (the tills that have used this database); its devices are
configured on the till's own machine, by URL (``[devices]`` of its config). The back office
reads them from its own config:

- ``[devices]`` are those of the config's own register (``[register] id``; on a till's machine
  that is the till itself);
- ``[register_devices.K2]`` (printer, printer_profile, paper_width_mm, terminal, scanner,
  display) are another register's, for a back office that tests every till of the store from
  one machine: the URLs must reach the devices from there (``tcp://10.0.0.21:9100``, a
  terminal's host and port);
- a register with neither is listed as not configured here.

The back office's own journal (``BACKOFFICE``) is no register and has no devices.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

KEYS = ("printer", "printer_profile", "paper_width_mm", "terminal", "scanner", "display")
NOT_REGISTERS = ("BACKOFFICE",)


@dataclass(frozen=True)
class RegisterDevices:
    register_id: str
    devices: Mapping[str, Any]  # the [devices] keys; empty: not configured here
    source: str  # "this machine", "config" ([register_devices.ID]) or "" (not configured)

    @property
    def configured(self) -> bool:
        return bool(self.devices)

    def url(self, name: str) -> str:
        return str(self.devices.get(name, "")) if self.devices else ""


def register_devices(register_ids: Iterable[str], own_register: str,
                     own_devices: Mapping[str, Any],
                     others: Mapping[str, Mapping[str, Any]]) -> list[RegisterDevices]:
    """Every register (of the database and of the config), by id, with its devices."""
    ids = {r for r in register_ids if r not in NOT_REGISTERS} | set(others) | {own_register}
    out = []
    for r in sorted(ids):
        if r in others:
            out.append(RegisterDevices(r, {k: v for k, v in others[r].items() if k in KEYS},
                                       "config"))
        elif r == own_register:
            out.append(RegisterDevices(r, {k: own_devices[k] for k in KEYS if k in own_devices},
                                       "this machine"))
        else:
            out.append(RegisterDevices(r, {}, ""))
    return out
