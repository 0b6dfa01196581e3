"""Each register's own, revocable key for the central store (Medusa v2 secret API keys).

The store's IT person enrols a till once, on that till, with an admin login that the till does not
keep (``python main.py central enroll --register K1``):

1. a secret API key titled "omnipos register K1" is made in Medusa (its text is shown once, to
   this program, and never printed);
2. it is saved in the till's credential store (``integrations.credential_store``: the system
   keyring, or a 0600 file in the platform config directory), named by the central store and the
   register (``store.key_name``);
3. the key is tried: an admin call with it, as the till makes them, must be answered;
4. with ``replace``, the register's older keys are revoked only then (a till being replaced).

Revoking (``central revoke --register K1``, from any machine with the admin login) revokes every
key of that register: that till's next call to the central store is refused
(``central.register_revoked``), the other registers go on. ``registers`` lists the keys of all.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

from integrations.credential_store import CredentialStore, Secret
from integrations.medusa.client import MedusaClient, MedusaError, RegisterKey
from integrations.medusa.store import key_name

TITLE_PREFIX = "omnipos register "  # the same in app/src/api/admin/pos/register-token/route.ts
KEY_FIELDS = "id,title,type,created_at,revoked_at"  # never the token, not even its hash


class EnrolmentError(Exception):
    """Enrolment or revocation cannot be done (the message says why; it never holds a key)."""


@dataclass(frozen=True)
class RegisterKeyInfo:
    """One register key as the central store lists it (no secret in it)."""

    register: str
    key_id: str
    created_at: str
    revoked_at: str | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class Enrolment:
    """What enrolling did: the new key's id, where its secret is kept, the keys it replaced."""

    register: str
    key_id: str
    kept_in: str
    replaced: tuple[str, ...] = ()


def title_of(register: str) -> str:
    register = register.strip()
    if not register or len(register) > 64 or any(c.isspace() for c in register):
        raise EnrolmentError(f"a register id is 1 to 64 characters without spaces: {register!r}")
    return TITLE_PREFIX + register


def registers(admin: MedusaClient, register: str | None = None) -> list[RegisterKeyInfo]:
    """The register keys in the central store (of one register, or all), oldest first."""
    params: dict[str, Any] = {"type": "secret", "fields": KEY_FIELDS, "limit": 100,
                              "order": "created_at"}
    if register is not None:
        params["title"] = title_of(register)
    found: list[RegisterKeyInfo] = []
    offset = 0
    while True:
        page = admin.admin("GET", "/admin/api-keys", params={**params, "offset": offset})
        keys = page.get("api_keys") or []
        for k in keys:
            title = str(k.get("title") or "")
            if title.startswith(TITLE_PREFIX):
                found.append(RegisterKeyInfo(title[len(TITLE_PREFIX):], str(k["id"]),
                                             str(k.get("created_at") or ""),
                                             k.get("revoked_at") or None))
        offset += len(keys)
        if not keys or offset >= int(page.get("count") or 0):
            return found


def enrol(admin: MedusaClient, ids: dict[str, Any], register: str,
          credentials: CredentialStore, *, replace: bool = False) -> Enrolment:
    """Give ``register`` its own key and keep it in ``credentials`` (see the module's steps).
    A register that has an active key already is refused unless ``replace``."""
    title = title_of(register)
    older = [k for k in registers(admin, register) if k.active]
    if older and not replace:
        raise EnrolmentError(
            f"register {register} already has a key ({', '.join(k.key_id for k in older)}): "
            f"enrol with --replace to give it a new one and revoke the old, or revoke it first")
    created = admin.admin("POST", "/admin/api-keys", json={"title": title, "type": "secret"})
    key = created.get("api_key") or {}
    key_id, token = str(key.get("id") or ""), key.get("token")
    if not key_id or not isinstance(token, str) or not token.startswith("sk_"):
        raise EnrolmentError("the central store's answer to a new secret key has no key")
    secret = Secret(token)
    name = key_name(ids, register)
    kept = credentials.get(name)  # put back if this enrolment fails half-way
    try:
        credentials.put(name, secret)
        probe = MedusaClient(admin.base_url, auth=RegisterKey(register, secret),
                             timeout=admin.timeout, retries=admin.retries)
        probe.admin("GET", "/admin/stores", params={"fields": "id"})  # the key works from here
    except BaseException:
        with contextlib.suppress(Exception):  # the first failure is the one to report
            _revoke(admin, [key_id])  # no key left behind that nobody holds
        with contextlib.suppress(Exception):
            if kept is not None:
                credentials.put(name, kept)
            else:
                credentials.delete(name)
        raise
    _revoke(admin, [k.key_id for k in older])
    return Enrolment(register, key_id, credentials.describe(), tuple(k.key_id for k in older))


def revoke(admin: MedusaClient, register: str) -> list[str]:
    """Revoke every active key of ``register`` (its till is cut off; the others are not);
    returns their ids. None active: ``EnrolmentError``."""
    active = [k.key_id for k in registers(admin, register) if k.active]
    if not active:
        raise EnrolmentError(f"register {register} has no active key in the central store")
    _revoke(admin, active)
    return active


def forget(ids: dict[str, Any], register: str, credentials: CredentialStore) -> bool:
    """Remove this till's copy of ``register``'s key (after revoking it, or to enrol again)."""
    return credentials.delete(key_name(ids, register))


def _revoke(admin: MedusaClient, key_ids: list[str]) -> None:
    for key_id in key_ids:
        try:
            admin.admin("POST", f"/admin/api-keys/{key_id}/revoke", json={})
        except MedusaError as e:
            if "already revoked" not in str(e):
                raise
