"""``[mail]`` of the configuration as ``MailSettings``, and where its password is kept: in the
credential store (``integrations/credential_store.py``: the system keyring, else a 0600 file)
under ``mail/<host>/<username>``, never in the TOML file."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from integrations.credential_store import (CredentialStore, CredentialStoreError, Secret,
                                           default_store)
from pos.ports import MailUnavailable

SECURITY = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}


class MailConfigError(ValueError):
    """``[mail]`` says something that cannot be (a security that is none of the three...)."""


@dataclass(frozen=True)
class MailSettings:
    host: str
    port: int
    security: str  # "starttls" | "tls" | "none"
    username: str
    from_address: str
    from_name: str = ""
    reply_to: str = ""
    ca: str = ""  # a CA file to trust besides the system's (a server with its own certificate)
    timeout: float = 20.0

    @property
    def configured(self) -> bool:
        return bool(self.host and self.from_address)

    @property
    def password_name(self) -> str:
        return f"mail/{self.host}/{self.username}"

    @property
    def domain(self) -> str:
        """The sender's domain (the right side of Message-IDs)."""
        return self.from_address.rpartition("@")[2] or "omnipos.invalid"

    @classmethod
    def from_config(cls, section: dict[str, Any] | None) -> "MailSettings":
        s = dict(section or {})
        security = str(s.get("security") or "starttls").strip().lower()
        if security not in SECURITY:
            raise MailConfigError(f"[mail] security must be one of {', '.join(SECURITY)}, "
                                  f"not {security!r}")
        try:
            port = int(s.get("port") or DEFAULT_PORTS[security])
            timeout = float(s.get("timeout") or 20)
        except (TypeError, ValueError):
            raise MailConfigError("[mail] port and timeout are numbers") from None
        return cls(host=str(s.get("host") or "").strip(), port=port, security=security,
                   username=str(s.get("username") or "").strip(),
                   from_address=str(s.get("from") or "").strip(),
                   from_name=str(s.get("from_name") or "").strip(),
                   reply_to=str(s.get("reply_to") or "").strip(), ca=str(s.get("ca") or ""),
                   timeout=timeout)


class MailPassword:
    """The password of ``settings``' login, from ``store`` (default: the system keyring, else
    the 0600 file). Read each time an e-mail goes: a password set while the till runs is used
    at once."""

    def __init__(self, settings: MailSettings, store: CredentialStore | None = None,
                 folder: Path | None = None) -> None:
        self.settings = settings
        self._store = store
        self._folder = folder

    def store(self) -> CredentialStore:
        if self._store is None:
            self._store = default_store(self._folder)
        return self._store

    def get(self) -> Secret | None:
        """The password (None without a username: no login). ``MailUnavailable`` (the e-mails
        wait) when it is not set or the store cannot be read."""
        if not self.settings.username:
            return None
        try:
            secret = self.store().get(self.settings.password_name)
        except CredentialStoreError as e:
            raise MailUnavailable("mail.no_credential_store", detail=str(e)) from None
        if secret is None:
            raise MailUnavailable("mail.no_password",
                                  why=f"no password under {self.settings.password_name!r} in "
                                      f"{self.store().describe()}")
        return secret

    def set(self, password: str) -> str:
        """Keep ``password``; returns where (for the operator)."""
        try:
            self.store().put(self.settings.password_name, Secret(password))
        except CredentialStoreError as e:
            raise MailUnavailable("mail.no_credential_store", detail=str(e)) from None
        return self.store().describe()
