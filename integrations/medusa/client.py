"""A small HTTP client for Medusa v2's admin and store APIs, built on requests.

- Timeouts on every call (connect, read).
- Retries with exponential backoff only where a retry cannot do harm: GETs, and calls the caller
  marks ``idempotent=True`` (it carries its own idempotency check). They are urllib3's ``Retry`` on
  a requests ``HTTPAdapter``: on connection errors, timeouts and 502/503/504. requests takes its
  retry policy from the adapter mounted on a session, not per call, so the client has two
  sessions: ``http`` retries, ``http_once`` never does (any other POST: it might have been
  carried out even when its answer was lost, and a second one would do it twice).
- Admin auth with a JWT from ``POST /auth/user/emailpass``, fetched lazily and refreshed once on 401.
- Clear exceptions: ``MedusaUnavailable`` (cannot reach it, no answer in time, or 502/503/504
  after the retries), ``MedusaError`` (an HTTP error with status and the server's message),
  ``MalformedResponse`` (a body that is not the JSON object it should be).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import NewConnectionError
from urllib3.exceptions import TimeoutError as Urllib3Timeout
from urllib3.util.retry import Retry

from pos import json_numbers


class MedusaError(Exception):
    def __init__(self, message: str, status: int | None = None, body: str = ""):
        super().__init__(message)
        self.status = status
        self.body = body


class MedusaUnavailable(MedusaError):
    """The central store cannot be reached (down, timing out or failing with 5xx)."""


class MalformedResponse(MedusaError):
    """The central store answered something that is not what its API promises."""


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
                 publishable_key: str = "", *, timeout: tuple[float, float] = (3.05, 30.0),
                 retries: int = 3, backoff: float = 0.25,
                 session_factory: Callable[[], requests.Session] = requests.Session) -> None:
        self.base_url = base_url.rstrip("/")
        self.email, self.password = email, password
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
        self._token: str | None = None

    # --- auth ------------------------------------------------------------------------------------

    def login(self) -> str:
        data = self._send("POST", "/auth/user/emailpass",
                          json={"email": self.email, "password": self.password},
                          headers={}, retry=True)
        token = data.get("token")
        if not isinstance(token, str) or not token:
            raise MalformedResponse("the login answer has no token")
        self._token = token
        return token

    # --- calls -----------------------------------------------------------------------------------

    def admin(self, method: str, path: str, *, json: Any = None, params: Any = None,
              idempotent: bool = False) -> dict[str, Any]:
        """An admin API call (path starts with /admin). Re-logs in once on 401."""
        if self._token is None:
            self.login()
        retry = method == "GET" or idempotent
        try:
            return self._send(method, path, json=json, params=params,
                              headers={"Authorization": f"Bearer {self._token}"}, retry=retry)
        except MedusaError as e:
            if e.status != 401:
                raise
        self.login()
        return self._send(method, path, json=json, params=params,
                          headers={"Authorization": f"Bearer {self._token}"}, retry=retry)

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
