"""The Medusa client's retries (urllib3's ``Retry`` on the session's adapter): a GET or a call
marked idempotent goes again after 502/503/504, a timeout or a lost answer; any other POST is sent
exactly once, whatever happens. Against a scripted HTTP server (what each request gets, and how many
arrived), and against the real local Medusa through a proxy that swallows answers."""
from __future__ import annotations

import json
import threading
import time
import uuid
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from integrations.medusa.client import (MalformedResponse, MedusaClient, MedusaError,
                                        MedusaUnavailable)
from tests.integration.lossy_proxy import LossyProxy
from tests.integration.medusa.conftest import closing_session


class Scripted:
    """An HTTP server answering each path from a script: a list of (status, body) taken in turn
    (the last one repeats), or ("sleep", seconds) to answer nothing for a while."""

    def __init__(self) -> None:
        self.script: dict[str, list] = {}
        self.seen: list[tuple[str, str, bytes, dict]] = []  # (method, path, body, headers)
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path.split("?", 1)[0]
                outer.seen.append((self.command, self.path, body, dict(self.headers)))
                steps = outer.script.get(f"{self.command} {path}") or [(404, {"message": "none"})]
                status, answer = steps.pop(0) if len(steps) > 1 else steps[0]
                if status == "sleep":
                    time.sleep(answer)
                    status, answer = 200, {"late": True}
                data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_DELETE = _answer

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def count(self, method: str, path: str) -> int:
        return sum(1 for m, p, _, _ in self.seen if m == method and p.split("?", 1)[0] == path)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server():
    s = Scripted()
    s.script["POST /auth/user/emailpass"] = [(200, {"token": "jwt-1"})]
    yield s
    s.close()


def client_of(server, **kw) -> MedusaClient:
    kw.setdefault("backoff", 0.01)
    return MedusaClient(server.url, "admin@x", "pw", "pk_test", **kw)


def test_a_get_retried_through_503s_succeeds(server):
    server.script["GET /admin/products"] = [(503, {"message": "busy"}), (503, {}),
                                            (200, {"products": [{"id": "prod_1"}]})]
    got = client_of(server, retries=3).admin("GET", "/admin/products", params={"limit": 1})
    assert got == {"products": [{"id": "prod_1"}]}
    assert server.count("GET", "/admin/products") == 3
    assert server.count("POST", "/auth/user/emailpass") == 1  # the login once, not per retry


@pytest.mark.parametrize("status", [502, 503, 504])
def test_a_get_that_stays_unavailable_gives_up_after_its_retries(server, status):
    server.script["GET /store/regions"] = [(status, {"message": "down"})]
    with pytest.raises(MedusaUnavailable, match=f"answered {status}") as caught:
        client_of(server, retries=2).store("GET", "/store/regions")
    assert caught.value.status == status
    assert server.count("GET", "/store/regions") == 3  # once and twice again


def test_a_post_not_marked_idempotent_is_sent_exactly_once(server):
    server.script["POST /admin/draft-orders"] = [(503, {}), (200, {"draft_order": {"id": "x"}})]
    with pytest.raises(MedusaUnavailable, match="answered 503"):
        client_of(server, retries=3).admin("POST", "/admin/draft-orders", json={"a": 1})
    assert server.count("POST", "/admin/draft-orders") == 1


def test_a_post_marked_idempotent_is_retried(server):
    server.script["POST /admin/pos/thing"] = [(502, {}), (200, {"ok": True})]
    assert client_of(server).admin("POST", "/admin/pos/thing", json={"k": 1},
                                   idempotent=True) == {"ok": True}
    assert server.count("POST", "/admin/pos/thing") == 2


def test_a_get_with_no_answer_in_time_is_retried_then_unavailable(server):
    server.script["GET /admin/slow"] = [("sleep", 0.6)]
    t0 = time.monotonic()
    with pytest.raises(MedusaUnavailable, match="no answer in time"):
        client_of(server, retries=1, timeout=(1.0, 0.2)).admin("GET", "/admin/slow")
    assert server.count("GET", "/admin/slow") == 2
    assert time.monotonic() - t0 < 5


def test_a_post_with_no_answer_in_time_is_not_sent_again(server):
    server.script["POST /admin/slow"] = [("sleep", 0.6)]
    with pytest.raises(MedusaUnavailable, match="no answer in time"):
        client_of(server, retries=3, timeout=(1.0, 0.2)).admin("POST", "/admin/slow", json={})
    time.sleep(0.1)
    assert server.count("POST", "/admin/slow") == 1


def test_nobody_listening_is_unavailable_and_health_says_no():
    s = Scripted()
    url = s.url
    s.close()
    client = MedusaClient(url, publishable_key="pk", retries=1, backoff=0.01)
    with pytest.raises(MedusaUnavailable, match="cannot reach the central store"):
        client.store("GET", "/store/regions")
    assert client.health() is False


def test_errors_keep_the_status_and_the_servers_message(server):
    server.script["GET /admin/orders/o1"] = [(404, {"message": "Order o1 was not found"})]
    server.script["GET /admin/boom"] = [(500, {"message": "kaboom"})]
    server.script["GET /admin/text"] = [(200, b"<html>not json</html>")]
    server.script["GET /admin/list"] = [(200, b"[1, 2]")]
    client = client_of(server)
    with pytest.raises(MedusaError, match="HTTP 404: Order o1 was not found") as caught:
        client.admin("GET", "/admin/orders/o1")
    assert caught.value.status == 404 and not isinstance(caught.value, MedusaUnavailable)
    with pytest.raises(MedusaError, match="kaboom") as caught:
        client.admin("GET", "/admin/boom")  # a 500 is the server's error, not retried
    assert caught.value.status == 500 and server.count("GET", "/admin/boom") == 1
    with pytest.raises(MalformedResponse, match="not JSON"):
        client.admin("GET", "/admin/text")
    with pytest.raises(MalformedResponse, match="JSON object"):
        client.admin("GET", "/admin/list")


def test_an_expired_token_logs_in_again_once(server):
    server.script["POST /auth/user/emailpass"] = [(200, {"token": "jwt-1"}),
                                                  (200, {"token": "jwt-2"})]
    server.script["GET /admin/me"] = [(401, {"message": "Unauthorized"}), (200, {"user": {}})]
    assert client_of(server).admin("GET", "/admin/me") == {"user": {}}
    auth = [h.get("Authorization") for m, p, _, h in server.seen if p.startswith("/admin/me")]
    assert auth == ["Bearer jwt-1", "Bearer jwt-2"]


def test_a_decimal_amount_travels_as_an_exact_number(server):
    server.script["POST /admin/draft-orders"] = [(200, {"draft_order": {"id": "d1"}})]
    client_of(server).admin("POST", "/admin/draft-orders", json={
        "items": [{"unit_price": Decimal("198.6666666666666666666666667"), "quantity": 3}]})
    body = next(b for m, p, b, _ in server.seen if p == "/admin/draft-orders")
    assert b'"unit_price": 198.6666666666666666666666667' in body


# --- the real Medusa, through a proxy that swallows answers ---------------------------------------


@pytest.mark.medusa
def test_a_get_whose_answer_is_lost_is_asked_again(medusa_state):
    upstream = int(medusa_state["url"].rsplit(":", 1)[1])
    lines: list[str] = []

    def drop(line: str) -> bool:
        lines.append(line)
        return line.startswith("GET /store/regions") and not proxy.dropped

    proxy = LossyProxy(upstream, drop=drop)
    try:
        client = MedusaClient(proxy.url, publishable_key=medusa_state["publishable_key"],
                              backoff=0.01, timeout=(3.05, 3.0),
                              session_factory=closing_session)
        regions = client.store("GET", "/store/regions")["regions"]
    finally:
        proxy.close()
    assert medusa_state["region_id"] in {r["id"] for r in regions}
    assert len(proxy.dropped) == 1 and sum(ln.startswith("GET /store/regions") for ln in lines) == 2


@pytest.mark.medusa
def test_a_post_whose_answer_is_lost_is_not_sent_again(medusa_state):
    """The cart is made, its answer lost: the client says so and does not make a second one."""
    upstream = int(medusa_state["url"].rsplit(":", 1)[1])
    lines: list[str] = []

    def drop(line: str) -> bool:
        lines.append(line)
        return line.startswith("POST /store/carts")

    proxy = LossyProxy(upstream, drop=drop)
    email = f"lost-{uuid.uuid4().hex[:8]}@example.se"
    try:
        client = MedusaClient(proxy.url, publishable_key=medusa_state["publishable_key"],
                              backoff=0.01, timeout=(3.05, 3.0),
                              session_factory=closing_session)
        with pytest.raises(MedusaUnavailable):
            client.store("POST", "/store/carts", json={
                "region_id": medusa_state["region_id"], "email": email,
                "sales_channel_id": medusa_state["sales_channels"]["web"]})
    finally:
        proxy.close()
    assert [ln for ln in lines if ln.startswith("POST")] == proxy.dropped
    assert len(proxy.dropped) == 1

