"""How the client authenticates as a register, against a scripted HTTP server (what each request
got and carried): the key buys a short-lived token once and every call carries the token; the
token is renewed before it runs out and once on a 401; a key the store refuses is
``MedusaAuthRefused`` and, through the adapters, the port's ``CentralAccessRefused``; a store
without the token route gets the key on every call; no log line and no error holds the key."""
from __future__ import annotations

import base64
import json
import logging
import time

import pytest

from integrations.credential_store import CredentialStoreError, Secret
from integrations.medusa.calls import admin
from integrations.medusa.client import MedusaAuthRefused, MedusaClient, NotEnrolled, RegisterKey
from pos.ports import CentralAccessRefused, CommerceUnavailable
from tests.integration.medusa.test_client import Scripted

KEY = "sk_" + "c0ffee" * 10 + "beef"
BASIC = "Basic " + base64.b64encode(f"{KEY}:".encode()).decode()
TOKEN_PATH = "POST /admin/pos/register-token"


@pytest.fixture
def server():
    s = Scripted()
    s.script[TOKEN_PATH] = [(200, {"token": "tok-1", "expires_in": 900}),
                            (200, {"token": "tok-2", "expires_in": 900})]
    s.script["GET /admin/customers"] = [(200, {"customers": []})]
    yield s
    s.close()


def register_client(server, **kw) -> MedusaClient:
    auth = kw.pop("auth", None) or RegisterKey("K1", Secret(KEY), **kw)
    return MedusaClient(server.url, auth=auth, retries=0, backoff=0.01)


def sent(server, method_path: str) -> list[dict]:
    method, path = method_path.split(" ", 1)
    return [h for m, p, _, h in server.seen if m == method and p.split("?", 1)[0] == path]


def test_the_key_buys_one_token_and_every_call_carries_the_token(server):
    client = register_client(server)
    for _ in range(3):
        assert client.admin("GET", "/admin/customers") == {"customers": []}
    exchanges = sent(server, TOKEN_PATH)
    assert [h["Authorization"] for h in exchanges] == [BASIC]  # once, as HTTP Basic
    assert [h["Authorization"] for h in sent(server, "GET /admin/customers")] == ["Bearer tok-1"] * 3
    assert client.auth.mode == "token" and client.auth.exchanges == 1


def test_a_refused_token_is_renewed_once_then_the_call_goes_again(server):
    server.script["GET /admin/customers"] = [(401, {"message": "Unauthorized"}),
                                             (200, {"customers": []})]
    assert register_client(server).admin("GET", "/admin/customers") == {"customers": []}
    assert [h["Authorization"] for h in sent(server, "GET /admin/customers")] == [
        "Bearer tok-1", "Bearer tok-2"]


def test_a_token_is_renewed_before_it_runs_out(server):
    server.script[TOKEN_PATH] = [(200, {"token": "tok-1", "expires_in": 1}),
                                 (200, {"token": "tok-2", "expires_in": 1})]
    client = register_client(server)
    client.admin("GET", "/admin/customers")
    time.sleep(1.0)  # its lifetime, less the margin, is over
    client.admin("GET", "/admin/customers")
    assert [h["Authorization"] for h in sent(server, "GET /admin/customers")] == [
        "Bearer tok-1", "Bearer tok-2"]  # no call was refused on the way


def test_a_refused_key_is_auth_refused_and_to_the_till_the_registers_revoked_code(server):
    server.script[TOKEN_PATH] = [(401, {"message": "Unauthorized"})]
    client = register_client(server)
    with pytest.raises(MedusaAuthRefused) as e:
        client.admin("GET", "/admin/customers")
    assert e.value.register == "K1" and e.value.status == 401
    with pytest.raises(CentralAccessRefused) as refused:
        admin(client, "GET", "/admin/customers")
    assert refused.value.code == "central.register_revoked"
    assert refused.value.params == {"register": "K1"}
    assert isinstance(refused.value, CommerceUnavailable)  # the work is kept, as when it is down
    assert not sent(server, "GET /admin/customers")  # nothing was asked without a credential


def test_a_token_refused_again_after_renewal_is_the_registers_revoked_code(server):
    """The key was revoked while the till held a token: the call is refused, a new token cannot
    be had, the till is told so."""
    server.script[TOKEN_PATH] = [(200, {"token": "tok-1", "expires_in": 900}),
                                 (401, {"message": "Unauthorized"})]
    server.script["GET /admin/customers"] = [(200, {"customers": []}),
                                             (401, {"message": "This register's key was revoked"})]
    client = register_client(server)
    admin(client, "GET", "/admin/customers")
    with pytest.raises(CentralAccessRefused) as refused:
        admin(client, "GET", "/admin/customers")
    assert refused.value.code == "central.register_revoked"
    assert len(sent(server, TOKEN_PATH)) == 2


def test_a_register_without_a_key_is_not_enrolled_and_asks_nothing(server):
    client = register_client(server, auth=RegisterKey("K7", lambda: None, where="the keyring"))
    with pytest.raises(NotEnrolled):
        client.admin("GET", "/admin/customers")
    with pytest.raises(CentralAccessRefused) as refused:
        admin(client, "GET", "/admin/customers")
    assert refused.value.code == "central.not_enrolled" and refused.value.params == {"register": "K7"}
    assert server.seen == []


def test_a_keyring_that_cannot_be_read_is_no_key_and_the_work_is_kept(server):
    def locked():
        raise CredentialStoreError("the keyring (system keyring) cannot be read: LockedError")
    client = register_client(server, auth=RegisterKey("K1", locked))
    with pytest.raises(CentralAccessRefused) as refused:
        admin(client, "GET", "/admin/customers")
    assert refused.value.code == "central.not_enrolled"
    assert isinstance(refused.value, CommerceUnavailable) and server.seen == []


def test_a_key_enrolled_while_the_till_runs_is_found_at_the_next_authentication(server):
    kept: dict[str, Secret] = {}
    client = register_client(server, auth=RegisterKey("K1", lambda: kept.get("K1")))
    with pytest.raises(NotEnrolled):
        client.admin("GET", "/admin/customers")
    kept["K1"] = Secret(KEY)
    assert client.admin("GET", "/admin/customers") == {"customers": []}


def test_a_store_without_the_token_route_gets_the_key_on_every_call(server):
    server.script[TOKEN_PATH] = [(404, {"message": "Cannot POST /admin/pos/register-token"})]
    client = register_client(server)
    client.admin("GET", "/admin/customers")
    client.admin("GET", "/admin/customers")
    assert [h["Authorization"] for h in sent(server, "GET /admin/customers")] == [BASIC] * 2
    assert client.auth.mode == "basic"
    server.script["GET /admin/customers"] = [(401, {"message": "Unauthorized"})]
    with pytest.raises(MedusaAuthRefused):  # revoked: refused again after a fresh try
        client.admin("GET", "/admin/customers")


def test_the_token_lifetime_asked_for_is_sent(server):
    register_client(server, ttl_seconds=5).admin("GET", "/admin/customers")
    body = next(b for m, p, b, _ in server.seen if p.startswith("/admin/pos/register-token"))
    assert json.loads(body) == {"ttl_seconds": 5}


def test_no_log_line_or_error_holds_the_key(server, caplog):
    server.script["GET /admin/customers"] = [(200, {"customers": []}),
                                             (401, {"message": "Unauthorized"})]
    server.script[TOKEN_PATH] = [(200, {"token": "tok-1", "expires_in": 900}),
                                 (401, {"message": "Unauthorized"})]
    errors = []
    with caplog.at_level(logging.DEBUG):  # urllib3 and requests log every request at DEBUG
        client = register_client(server)
        client.admin("GET", "/admin/customers")
        try:
            admin(client, "GET", "/admin/customers")
        except CentralAccessRefused as e:
            errors += [e, e.__cause__]
    assert len(errors) == 2 and caplog.records  # something was logged, and something raised
    shown = caplog.text + " ".join(f"{e!s} {e!r} {getattr(e, 'body', '')}" for e in errors)
    assert KEY not in shown and base64.b64encode(f"{KEY}:".encode()).decode() not in shown
