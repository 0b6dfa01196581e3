"""Configuration: a TOML file, then ``POS_*`` environment overrides, then built-in defaults.

Where the file is: ``--config PATH``, else ``$POS_CONFIG``, else ``pos.toml`` in the platform config
directory (it need not exist). ``POS_DATABASE_URL`` and ``POS_DATA_DIR`` override the database and
the data directory; any ``POS_<SECTION>_<KEY>`` overrides that key (``POS_DEVICES_PRINTER=...``).
Devices are named by URL strings; the defaults are simulators so a bare machine runs.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir, user_data_dir

from pos.gtin import SWEDISH_LAYOUTS

APP = "omnipos"

DEFAULTS: dict[str, dict[str, Any]] = {
    "database": {"url": ""},
    # fullscreen: the till's window covers its whole screen (else it is maximised)
    "register": {"id": "K1", "location_id": "store-gbg", "language": "sv",
                 "cashier_max_discount_percent": "10",
                 # kronor the drawer may be off at the Z report before a manager must accept it
                 "cash_variance_limit": "50", "fullscreen": False},
    "store": {"company": "Omnihandeln Sverige AB", "org_no": "556677-8899",
              "store_name": "Omnihandeln Göteborg", "address": "Kungsgatan 12, 411 19 Göteborg",
              "phone": "031-123 45 67"},
    "devices": {"printer": "preview", "printer_profile": "TM-T20II", "paper_width_mm": 80,
                "scanner": "wedge", "scanner_prefix": "", "scanner_suffix": "\r",
                "terminal": "simulator", "display": "window", "control_unit": "simulator"},
    "demo": {"load_when_empty": True},
    # The central store: the medusa.json that integrations/medusa/medusa.sh writes (URL, admin
    # credentials, publishable key, channel/location/region ids). Empty: the local dev instance's.
    "medusa": {"state": ""},
    # The till's background sync of catalogue, stock and promotions (0: only when clicked).
    "sync": {"interval_minutes": 15},
    # The payment methods the till offers, as [[payment.methods]] tables (id, kind, label,
    # counts_as_cash, provider); none: cash and the card terminal (pos.payment_methods).
    "payment": {"methods": []},
    # Swish (integrations/swish/factory.py): url "" (none), "simulator" (one in this process),
    # a simulator's http://127.0.0.1:PORT, or Swish's https URL with the store's certificate.
    # With a url and no [[payment.methods]], the till offers cash, card and Swish.
    "swish": {"url": "", "payee_alias": "1231181189", "cert": "", "key": "", "ca": "",
              "callback_url": "", "listen": "", "message": ""},
    # E-mail (integrations/mail/): the SMTP server of digital receipts and notices to customers.
    # security "starttls" (port 587), "tls" (465) or "none" (25, a relay on the machine); the
    # password is not here: `pos mail set-password` keeps it in the system keyring or a 0600 file.
    # from: the sender's address (required); ca: a CA file to trust (a server's own certificate);
    # receipt: what a completed sale gives by default: "paper", "email" or "both".
    "mail": {"host": "", "port": 587, "security": "starttls", "username": "", "from": "",
             "from_name": "", "reply_to": "", "ca": "", "timeout": 20, "receipt": "paper"},
    # Invoices (pos.invoices): this store's number series (digits; the web's is 9), days to the
    # due date, the bankgiro paid to (none: no invoice at the till), and what a customer may owe
    # on invoices without a manager ("" none; a customer's own credit_limit in Medusa wins);
    # email: the invoice's PDF e-mailed to a buyer with an address when [mail] names a server;
    # printer: the system printer invoices print on ("" the system's default).
    "invoice": {"series": "1", "days": 30, "bankgiro": "", "credit_limit": "",
                "length_digit": True, "email": True, "printer": ""},
    # Shelf labels (pos.shelf_labels): qr_base, where the label's QR leads ("" the central
    # store's address + "/shelf"; the route counts the scan), and the A4 sheet's layout
    # (ui.documents.label_sheet.LAYOUTS).
    "labels": {"qr_base": "", "layout": "3x8"},
    # The back office's Orders page: a pickup order not collected this many days after it
    # arrived here is overdue (highlighted).
    "orders": {"pickup_overdue_days": 7},
    # In-store price and weight labels (EAN-13 with a price or a weight inside), as
    # [[barcodes.variable]] tables: prefix, value ("price" in kronor or "weight" in kg), decimals,
    # item_digits (the article part: its PLU), value_digits. Given in the file, they replace
    # these defaults, GS1 Sweden's 20-25 (an empty list: none). See pos.gtin.VariableLayout.
    "barcodes": {"variable": [
        {"prefix": v.prefix, "value": v.value, "decimals": v.decimals,
         "item_digits": v.item_digits, "value_digits": v.value_digits} for v in SWEDISH_LAYOUTS]},
}


class ConfigError(ValueError):
    pass


@dataclass
class Config:
    data: dict[str, dict[str, Any]]
    path: Path | None = None
    data_dir: Path = field(default_factory=lambda: Path(user_data_dir(APP)))

    def get(self, section: str, key: str) -> Any:
        return self.data.get(section, {}).get(key, DEFAULTS.get(section, {}).get(key))

    @property
    def database_url(self) -> str:
        url = self.get("database", "url")
        if url:
            return str(url)
        return f"sqlite:///{self.data_dir / 'pos.sqlite3'}"

    @property
    def register_id(self) -> str:
        return str(self.get("register", "id"))


def _coerce(value: str, like: Any) -> Any:
    if isinstance(like, bool):
        return value.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(like, int):
        try:
            return int(value)
        except ValueError:
            raise ConfigError(f"expected a whole number, got {value!r}") from None
    return value


def load_config(path: str | Path | None = None, env: dict[str, str] | None = None) -> Config:
    env = dict(os.environ if env is None else env)
    chosen = path or env.get("POS_CONFIG")
    file = Path(chosen) if chosen else Path(user_config_dir(APP)) / "pos.toml"
    data: dict[str, dict[str, Any]] = {k: dict(v) for k, v in DEFAULTS.items()}
    if file.exists():
        try:
            loaded = tomllib.loads(file.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"{file}: {e}") from None
        for section, values in loaded.items():
            if not isinstance(values, dict):
                raise ConfigError(f"{file}: [{section}] must be a table")
            data.setdefault(section, {}).update(values)
    elif chosen:
        raise ConfigError(f"config file {file} does not exist")
    for name, value in env.items():
        if not name.startswith("POS_") or name in ("POS_CONFIG", "POS_DATA_DIR"):
            continue
        if name == "POS_DATABASE_URL":
            data["database"]["url"] = value
            continue
        rest = name[4:].lower()
        for section in data:
            if rest.startswith(section + "_"):
                key = rest[len(section) + 1:]
                data[section][key] = _coerce(value, DEFAULTS.get(section, {}).get(key, ""))
                break
    data_dir = Path(env["POS_DATA_DIR"]) if env.get("POS_DATA_DIR") else Path(user_data_dir(APP))
    return Config(data, file if file.exists() else None, data_dir)
