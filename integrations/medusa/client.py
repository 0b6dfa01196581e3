"""A small HTTP client for Medusa v2's admin and store APIs, built on requests.

- Timeouts on every call (connect, read).
- Retries with exponential backoff only where a retry cannot do harm: GETs, and calls the caller
  marks ``idempotent=True`` (it carries its own idempotency check). They are urllib3's ``Retry`` on
  a requests ``HTTPAdapter``: on connection errors, timeouts and 502/503/504. requests takes its
  retry policy from the adapter mounted on a session, not per call, so the client has two
  sessions: ``http`` retries, ``http_once`` never does (any other POST: it might have been
  carried out even when its answer was lost, and a second one would do it twice).
- Admin auth with a JWT, fetched lazily, renewed before it expires and once on 401, from one of:
  ``RegisterKey`` (a till: its register's secret API key exchanged for a short-lived JWT at
  ``POST /admin/pos/register-token``; against a Medusa without that route, the key itself on every
  call) or ``AdminLogin`` (an admin's e-mail and password at ``POST /auth/user/emailpass``: the
  seed, enrolment and the tests). A credential the store refuses is ``MedusaAuthRefused``.
- Clear exceptions: ``MedusaUnavailable`` (cannot reach it, no answer in time, or 502/503/504
  after the retries), ``MedusaError`` (an HTTP error with status and the server's message),
  ``MalformedResponse`` (a body that is not the JSON object it should be).
"""
from __future__ import annotations

import base64
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import NewConnectionError
from urllib3.exceptions import TimeoutError as Urllib3Timeout
from urllib3.util.retry import Retry

from integrations.credential_store import CredentialStoreError, Secret
from pos import json_numbers

log = logging.getLogger(__name__)


class MedusaError(Exception):
    def __init__(self, message: str, status: int | None = None, body: str = ""):
        super().__init__(message)
        self.status = status
        self.body = body


class MedusaUnavailable(MedusaError):
    """The central store cannot be reached (down, timing out or failing with 5xx)."""


class MalformedResponse(MedusaError):
    """The central store answered something that is not what its API promises."""


class MedusaAuthRefused(MedusaError):
    """The central store refused the credential itself (HTTP 401 to a fresh authentication): a
    register's key revoked, deleted or unknown there, or a wrong admin login. ``register``: whose
    key it was ("" for an admin login)."""

    def __init__(self, message: str, status: int | None = 401, body: str = "",
                 register: str = "") -> None:
        super().__init__(message, status, body)
        self.register = register


class NotEnrolled(MedusaError):
    """This register has no key for the central store (``main.py central enroll``)."""

    def __init__(self, register: str, where: str = "") -> None:
        super().__init__(f"register {register} has no key for the central store"
                         + (f" in {where}" if where else ""))
        self.register = register


# --- authentication --------------------------------------------------------------------------------


class Authorization(Protocol):
    """How the client gets the ``Authorization`` header of its admin calls."""

    def authenticate(self, client: "MedusaClient") -> tuple[str, float | None]:
        """A fresh header value and how many seconds it may be used (None: until a 401)."""
        ...


class AdminLogin:
    """An admin user's e-mail and password, exchanged for a JWT (``/auth/user/emailpass``)."""

    def __init__(self, email: str, password: str | Secret) -> None:
        self.email = email
        self.password = password if isinstance(password, Secret) else Secret(password)

    def authenticate(self, client: "MedusaClient") -> tuple[str, float | None]:
        try:
            data = client._send("POST", "/auth/user/emailpass",
                                json={"email": self.email, "password": self.password.reveal()},
                                headers={}, retry=True)
        except MedusaError as e:
            if e.status == 401:
                raise MedusaAuthRefused(f"the central store refused the admin login of "
                                        f"{self.email}", 401, e.body) from None
            raise
        token = data.get("token")
        if not isinstance(token, str) or not token:
            raise MalformedResponse("the login answer has no token")
        return f"Bearer {token}", None

    def __repr__(self) -> str:
        return f"AdminLogin(email={self.email!r})"


class RegisterKey:
    """A register's secret API key (``sk_...``, titled "omnipos register K1" in the central
    store). ``secret``: the key, or a function that finds it (the credential store, asked at each
    authentication, so a register enrolled while the till runs is found); None from it:
    ``NotEnrolled``. The key buys a short-lived JWT at ``POST /admin/pos/register-token`` (one
    scrypt check per token); a Medusa without that route (404) gets the key as HTTP Basic on every
    call (a scrypt check each, about 45 ms)."""

    TOKEN_PATH = "/admin/pos/register-token"

    def __init__(self, register: str, secret: Secret | Callable[[], Secret | None], *,
                 ttl_seconds: int | None = None, where: str = "") -> None:
        self.register = register
        self._secret = secret
        self.ttl_seconds = ttl_seconds  # None: as long as the central store gives
        self.where = where  # where the key is kept, for NotEnrolled's message
        self.exchanges = 0  # tokens bought (a test counts them)
        self.mode = ""  # "token" or "basic" once it has authenticated

    def authenticate(self, client: "MedusaClient") -> tuple[str, float | None]:
        try:
            secret = self._secret() if callable(self._secret) else self._secret
        except CredentialStoreError as e:  # a locked or broken keyring: no usable key here
            raise NotEnrolled(self.register, f"{self.where} ({e})") from None
        if secret is None:
            raise NotEnrolled(self.register, self.where)
        basic = "Basic " + base64.b64encode(f"{secret.reveal()}:".encode()).decode("ascii")
        body = {} if self.ttl_seconds is None else {"ttl_seconds": self.ttl_seconds}
        try:
            data = client._send("POST", self.TOKEN_PATH, json=body,
                                headers={"Authorization": basic}, retry=True)
        except MedusaError as e:
            if e.status == 401:
                raise MedusaAuthRefused(f"the central store refused register {self.register}'s "
                                        f"key (revoked, deleted or unknown there)", 401, e.body,
                                        register=self.register) from None
            if e.status == 404:
                if self.mode != "basic":
                    log.info("the central store has no %s: register %s sends its key on every "
                             "call (slower)", self.TOKEN_PATH, self.register)
                self.mode = "basic"
                return basic, None
            raise
        token, ttl = data.get("token"), data.get("expires_in")
        if not isinstance(token, str) or not token:
            raise MalformedResponse("the register token answer has no token")
        self.exchanges += 1
        self.mode = "token"
        return f"Bearer {token}", float(ttl) if isinstance(ttl, (int, float)) else None

    def __repr__(self) -> str:
        return f"RegisterKey(register={self.register!r})"


RETRY_STATUSES = {502, 503, 504}


def encode_json(body: Any) -> bytes:
    """JSON with ``Decimal`` written as an exact number (199.50), never through a float
    (``pos.json_numbers``). A float is let through as it is: the till's own amounts are Decimal,
    but an amount Medusa sent (its JSON read by requests) goes back to it as it came, e.g. an
    order's total for its payment collection."""
    return json_numbers.dumps(body, allow_float=True).encode("utf-8")


class MedusaClient:
    """``retries``: how many times a retryable call is sent again; ``backoff``: urllib3's
    ``backoff_factor`` (a first retry at once, then ``backoff * 2**(n-1)`` s before the n-th).
    ``session_factory`` makes the two sessions (e.g. with default headers); the client mounts its
    own adapters on them."""

    def __init__(self, base_url: str, email: str = "", password: str = "",
                 publishable_key: str = "", *, auth: Authorization | None = None,
                 timeout: tuple[float, float] = (3.05, 30.0),
                 retries: int = 3, backoff: float = 0.25,
                 session_factory: Callable[[], requests.Session] = requests.Session) -> None:
        self.base_url = base_url.rstrip("/")
        # ``auth``, or the admin login ``email`` and ``password`` (the seed, the tests)
        self.auth = auth if auth is not None else (
            AdminLogin(email, password) if email and password else None)
        self.publishable_key = publishable_key
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.http = _mounted(session_factory(), Retry(
            total=retries, allowed_methods=None,  # any method: only retryable calls come here
            status_forcelist=RETRY_STATUSES, backoff_factor=backoff,
            raise_on_status=False,  # the last 5xx answer is returned, and mapped below
            respect_retry_after_header=False))  # never wait longer than the backoff says
        self.http_once = _mounted(session_factory(), Retry(0, read=False))  # requests' default
        self._authorization: str | None = None  # the header value of admin calls
        self._renew_at: float | None = None  # time.monotonic() after which it is renewed first
        self._auth_lock = threading.Lock()

    # --- auth ------------------------------------------------------------------------------------

    def login(self) -> str:
        """Authenticate now (the header of the next admin calls); returns the header value."""
        if self.auth is None:
            raise MedusaError("no credential for admin calls: give the client a RegisterKey or "
                              "an AdminLogin")
        value, ttl = self.auth.authenticate(self)
        with self._auth_lock:
            self._authorization = value
            # renewed a little before the central store would refuse it (its clock is not ours:
            # the lifetime is counted here, from when it was given)
            self._renew_at = None if ttl is None else time.monotonic() + ttl - min(30.0, ttl / 10)
        return value

    def _current_authorization(self) -> str:
        with self._auth_lock:
            value, renew_at = self._authorization, self._renew_at
        if value is None or (renew_at is not None and time.monotonic() >= renew_at):
            value = self.login()
        return value

    # --- calls -----------------------------------------------------------------------------------

    def admin(self, method: str, path: str, *, json: Any = None, params: Any = None,
              idempotent: bool = False) -> dict[str, Any]:
        """An admin API call (path starts with /admin). Authenticates again once on 401; a 401
        to a fresh credential is ``MedusaAuthRefused``."""
        retry = method == "GET" or idempotent
        try:
            return self._send(method, path, json=json, params=params,
                              headers={"Authorization": self._current_authorization()},
                              retry=retry)
        except MedusaError as e:
            if e.status != 401 or isinstance(e, MedusaAuthRefused):
                raise
        authorization = self.login()
        try:
            return self._send(method, path, json=json, params=params,
                              headers={"Authorization": authorization}, retry=retry)
        except MedusaError as e:
            if e.status != 401:
                raise
            raise MedusaAuthRefused(f"{method} {path}: the central store refused a fresh "
                                    f"credential", 401, e.body,
                                    register=getattr(self.auth, "register", "")) from None

    def store(self, method: str, path: str, *, json: Any = None, params: Any = None,
              idempotent: bool = False) -> dict[str, Any]:
        """A store API call with the publishable key."""
        return self._send(method, path, json=json, params=params,
                          headers={"x-publishable-api-key": self.publishable_key},
                          retry=method == "GET" or idempotent)

    def health(self) -> bool:
        """One try: a health check says how the store is now."""
        try:
            r = self.http_once.get(self.base_url + "/health", timeout=self.timeout)
        except requests.RequestException:
            return False
        return r.status_code == 200

    # --- internals -------------------------------------------------------------------------------

    def _send(self, method: str, path: str, *, json: Any = None, params: Any = None,
              headers: dict[str, str], retry: bool) -> dict[str, Any]:
        data = None if json is None else encode_json(json)
        hdrs = headers if data is None else {**headers, "Content-Type": "application/json"}
        http = self.http if retry else self.http_once
        try:
            r = http.request(method, self.base_url + path, data=data, params=params,
                             headers=hdrs, timeout=self.timeout)
        except requests.ConnectionError as e:  # ConnectTimeout is one too
            timeout = _timeout_name(e)
            if timeout:
                raise MedusaUnavailable(f"{method} {path}: no answer in time ({timeout})") from e
            raise MedusaUnavailable(f"{method} {path}: cannot reach the central store at "
                                    f"{self.base_url}") from e
        except requests.Timeout as e:
            raise MedusaUnavailable(f"{method} {path}: no answer in time "
                                    f"({e.__class__.__name__})") from e
        if r.status_code in RETRY_STATUSES:
            raise MedusaUnavailable(f"{method} {path}: the central store answered "
                                    f"{r.status_code}", r.status_code, r.text[:500])
        return self._decode(method, path, r)
    @staticmethod
    def _decode(method: str, path: str, r: requests.Response) -> dict[str, Any]:
        try:
            body = r.json() if r.content else {}
        except ValueError:
            if r.status_code >= 400:
                raise MedusaError(f"{method} {path}: HTTP {r.status_code}", r.status_code,
                                  r.text[:500]) from None
            raise MalformedResponse(f"{method} {path}: the answer is not JSON", r.status_code,
                                    r.text[:500]) from None
        if r.status_code >= 400:
            message = body.get("message") if isinstance(body, dict) else None
            raise MedusaError(f"{method} {path}: HTTP {r.status_code}: {message or r.text[:200]}",
                              r.status_code, r.text[:500])
        if not isinstance(body, dict):
            raise MalformedResponse(f"{method} {path}: expected a JSON object", r.status_code,
                                    r.text[:500])
        return body


def _mounted(session: requests.Session, retry: Retry) -> requests.Session:
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def _timeout_name(e: requests.ConnectionError) -> str:
    """The kind of timeout behind ``e``, or "" when it is not one. A timeout that used up the
    retries comes out of requests as a ConnectionError around urllib3's MaxRetryError."""
    if isinstance(e, requests.Timeout):
        return e.__class__.__name__
    reason = getattr(e.args[0] if e.args else None, "reason", None)
    if isinstance(reason, Urllib3Timeout) and not isinstance(reason, NewConnectionError):
        return "ConnectTimeout" if "connect" in type(reason).__name__.lower() else "ReadTimeout"
    return ""
