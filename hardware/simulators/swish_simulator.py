"""A Swish commerce API simulator: the v2 payment requests and refunds, with the customer's side
scripted.

Run it::

    python -m hardware.simulators.swish_simulator --port 8444 [--host 127.0.0.1]
        [--fault declined|timeout|lost|payer_cancelled|not_enrolled] [--pay-delay 3]
        [--timeout-after 180]

and point the till at it (``[swish] url = "http://127.0.0.1:8444"``). Plain HTTP on localhost:
the real Swish is HTTPS with the store's client certificate. Endpoints (as Swish's):

* ``PUT /swish-cpcapi/api/v2/paymentrequests/{id}``: 201 with ``Location`` and, for
  m-commerce (no ``payerAlias``), ``PaymentRequestToken``; 422 with ``[{"errorCode", ...}]``
  for what Swish refuses (a used instruction id: ``RP09``; an open request for the payer:
  ``RP06``; a number without Swish: ``ACMT03``; a bad amount ``PA02``, payer ``BE18``,
  callback ``RP03``). ``GET`` it: the request with its ``status`` (CREATED, PAID, DECLINED,
  ERROR with ``errorCode``, CANCELLED); ``PATCH`` it (``[{"op": "replace", "path": "/status",
  "value": "cancelled"}]``) to cancel it while CREATED.
* ``PUT /swish-cpcapi/api/v2/refunds/{id}`` with ``originalPaymentReference``: refused
  (``RF08``) beyond what the payment has left; CREATED, then PAID after ``refund_delay``.
  ``GET`` it.

The customer (a script per request): pays after ``pay_delay`` seconds, unless a fault says
otherwise. Faults, in this order: the ``next`` fault (one request), the standing ``fault``, then
magic amounts as the card simulators' (``hardware.terminals.simulator.magic_outcome``: öre 13
declined, 14 the payer has an open request, 15 cancelled by the payer, 16 answer lost; plus 17
timeout):

* ``declined``: DECLINED after ``pay_delay``; ``payer_cancelled``: ERROR ``BANKIDCL``;
* ``timeout``: stays CREATED for ``timeout_after`` seconds, then ERROR ``TM01``;
* ``lost``: the request is made (and paid after ``pay_delay``), but the HTTP answer never
  arrives: the connection is closed without a word;
* ``not_enrolled``: 422 ``ACMT03`` (nothing is made). A payer number ending 0000 is one too.

When a request or refund ends, its object is POSTed to its ``callbackUrl`` (``callbacks`` keeps
what was sent). ``POST /control`` ``{"next": "timeout"}`` (one request), ``{"fault": ...}``
(standing; null clears), ``{"pay_delay": 0.5, "timeout_after": 2}``, ``{"act_now": true}`` (every
payer still deciding acts now, whatever their delay); ``GET /requests`` lists
everything (for looking at).

In tests::

    with SwishSimulator(pay_delay=0.2) as sim: provider = SwishProvider(sim.url, "1231181189")
"""
from __future__ import annotations

import argparse
import re
import secrets
import sys
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import requests

from hardware.simulators import serve_until_interrupted
from hardware.terminals.simulator import magic_outcome
from pos import json_numbers
from pos.ports import PaymentOutcome

FAULTS = ("declined", "timeout", "lost", "payer_cancelled", "not_enrolled", "open_request")
API = "/swish-cpcapi/api/v2"
_AMOUNT = re.compile(r"^\d{1,13}\.\d{2}$")
_PAYER = re.compile(r"^\d{8,15}$")
_ID = re.compile(r"^[0-9A-F]{32}$")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _ore(amount: str) -> int:
    kr, _, ore = amount.partition(".")
    return int(kr) * 100 + int(ore)


def _error(code: str, text: str) -> list[dict]:
    return [{"errorCode": code, "errorMessage": text, "additionalInformation": None}]


@dataclass
class Entry:
    """A payment request or a refund, as Swish keeps it (``doc`` is what GET answers)."""

    kind: str  # "payment" | "refund"
    doc: dict
    script: str = "paid"  # paid | declined | timeout | payer_cancelled
    timers: list[threading.Timer] = field(default_factory=list)

    @property
    def status(self) -> str:
        return str(self.doc["status"])


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _reply(self, status: int, doc: Any = None, headers: dict[str, str] | None = None) -> None:
        payload = b"" if doc is None else json_numbers.dumps(doc).encode("utf-8")
        self.send_response(status)
        if doc is not None:
            self.send_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _body(self) -> Any:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        return json_numbers.loads(raw) if raw else None

    def _route(self) -> tuple[str, str]:
        path = self.path.split("?", 1)[0].rstrip("/")
        for kind, prefix in (("payment", f"{API}/paymentrequests/"), ("refund", f"{API}/refunds/")):
            if path.startswith(prefix):
                return kind, path[len(prefix):]
        return "", path

    def do_GET(self) -> None:  # noqa: N802
        sim = self.server.sim
        kind, rest = self._route()
        if not kind and rest == "/requests":
            with sim.lock:
                self._reply(200, [dict(e.doc, kind=e.kind) for e in sim.entries.values()])
            return
        with sim.lock:
            entry = sim.entries.get((kind, rest))
            doc = dict(entry.doc) if entry else None
        if doc is None:
            self._reply(404, _error("RM04" if kind else "NF", "Not found"))
        else:
            self._reply(200, doc)

    def do_PUT(self) -> None:  # noqa: N802
        sim = self.server.sim
        kind, iid = self._route()
        try:
            body = self._body()
        except ValueError:
            self._reply(400, _error("FF01", "Malformed JSON"))
            return
        if not kind or not isinstance(body, dict):
            self._reply(404 if not kind else 400, _error("FF01", "Bad request"))
            return
        status, doc, headers = (sim.create_payment(iid, body) if kind == "payment"
                                else sim.create_refund(iid, body))
        if status == 0:  # the answer is lost: the request was made, nobody hears of it
            self.close_connection = True
            try:
                self.connection.shutdown(2)
            except OSError:
                pass
            return
        self._reply(status, doc, headers)

    def do_PATCH(self) -> None:  # noqa: N802
        sim = self.server.sim
        kind, iid = self._route()
        try:
            ops = self._body()
        except ValueError:
            ops = None
        if kind != "payment" or ops != [{"op": "replace", "path": "/status", "value": "cancelled"}]:
            self._reply(400, _error("FF01", "Only cancelling a payment request is supported"))
            return
        status, doc = sim.cancel(iid)
        self._reply(status, doc)

    def do_POST(self) -> None:  # noqa: N802
        sim = self.server.sim
        if self.path.rstrip("/") != "/control":
            self._reply(404, _error("NF", "Not found"))
            return
        try:
            sim.control(self._body() or {})
        except (ValueError, TypeError) as e:
            self._reply(400, {"error": str(e)})
            return
        self._reply(200, {"next": sim.next_fault, "fault": sim.fault,  # (seconds as text:
                          "pay_delay": str(sim.pay_delay),  # no float goes out as JSON)
                          "timeout_after": str(sim.timeout_after)})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr: tuple[str, int], sim: "SwishSimulator") -> None:
        self.sim = sim
        super().__init__(addr, _Handler)


class SwishSimulator:
    """See the module docstring. ``merchant``: the store's Swish number it accepts as payee."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, fault: str | None = None,
                 pay_delay: float = 1.0, timeout_after: float = 180.0, refund_delay: float = 0.2,
                 merchant: str = "1231181189") -> None:
        self._check(fault)
        self.host = host
        self._req_port = port
        self.fault = fault
        self.next_fault: str | None = None
        self.pay_delay = pay_delay
        self.timeout_after = timeout_after
        self.refund_delay = refund_delay
        self.merchant = merchant
        self.lock = threading.RLock()
        self.entries: dict[tuple[str, str], Entry] = {}
        self.repeats: list[str] = []  # instruction ids PUT again (refused with RP09)
        self.callbacks: list[dict] = []  # what was POSTed to callback URLs (and the answer)
        self._server: _Server | None = None
        self._stopping = threading.Event()

    # --- lifecycle -------------------------------------------------------------------------------

    def start(self) -> "SwishSimulator":
        self._server = _Server((self.host, self._req_port), self)
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                         name="swish-sim", daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        with self.lock:
            for e in self.entries.values():
                for t in e.timers:
                    t.cancel()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> "SwishSimulator":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "start() first"
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # --- what happened (for tests and demos) -----------------------------------------------------

    def payments(self, status: str | None = None) -> list[dict]:
        with self.lock:
            return [dict(e.doc) for e in self.entries.values()
                    if e.kind == "payment" and (status is None or e.status == status)]

    def refunds(self, status: str | None = None) -> list[dict]:
        with self.lock:
            return [dict(e.doc) for e in self.entries.values()
                    if e.kind == "refund" and (status is None or e.status == status)]

    @property
    def charged_total(self) -> int:
        """Öre the customers paid minus what was refunded to them."""
        return (sum(_ore(p["amount"]) for p in self.payments("PAID"))
                - sum(_ore(r["amount"]) for r in self.refunds("PAID")))

    def paid_by_reference(self) -> dict[str, int]:
        """How many PAID requests each ``payeePaymentReference`` (the till's attempt) has."""
        out: dict[str, int] = {}
        for p in self.payments("PAID"):
            ref = p["payeePaymentReference"]
            out[ref] = out.get(ref, 0) + 1
        return out

    # --- control ---------------------------------------------------------------------------------

    @staticmethod
    def _check(fault: Any) -> None:
        if fault is not None and fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}: one of {', '.join(FAULTS)}")

    def control(self, doc: dict) -> None:
        if "next" in doc:
            self._check(doc["next"])
            self.next_fault = doc["next"]
        if "fault" in doc:
            self._check(doc["fault"])
            self.fault = doc["fault"]
        for key in ("pay_delay", "timeout_after", "refund_delay"):
            if key in doc:
                setattr(self, key, float(doc[key]))
        if doc.get("act_now"):  # every customer still deciding acts at once (a test's "now")
            with self.lock:
                waiting = [e for e in self.entries.values()
                           if e.kind == "payment" and e.status == "CREATED"]
            for entry in waiting:
                for t in entry.timers:
                    t.cancel()
                self._customer_acts(entry)

    # --- payment requests ------------------------------------------------------------------------

    def create_payment(self, iid: str, body: dict) -> tuple[int, Any, dict[str, str]]:
        """(HTTP status, body, headers); status 0: the answer is lost."""
        problem = self._invalid(iid, body, payment=True)
        if problem:
            return 422, _error(*problem), {}
        payer = str(body.get("payerAlias") or "")
        with self.lock:
            if ("payment", iid) in self.entries:
                self.repeats.append(iid)
                return 422, _error("RP09", "The given instructionUUID is not available"), {}
            fault = self.next_fault or self.fault
            self.next_fault = None
        amount = _ore(str(body["amount"]))
        if fault is None:
            outcome, _msg, lost = magic_outcome(amount)
            fault = {PaymentOutcome.DECLINED: "declined", PaymentOutcome.BUSY: "open_request",
                     PaymentOutcome.CANCELLED: "payer_cancelled"}.get(
                outcome, "lost" if lost else ("timeout" if amount % 100 == 17 else None))
        if fault == "not_enrolled" or (payer and payer.endswith("0000")):
            return 422, _error("ACMT03", "Payer not Enrolled"), {}
        if fault == "open_request":
            return 422, _error("RP06", "A payment request already exists for that payer"), {}
        doc = {"id": iid, "payeePaymentReference": body.get("payeePaymentReference"),
               "paymentReference": None, "callbackUrl": body.get("callbackUrl"),
               "payerAlias": payer or None, "payeeAlias": body.get("payeeAlias"),
               "amount": body["amount"], "currency": body.get("currency", "SEK"),
               "message": body.get("message", ""), "status": "CREATED", "dateCreated": _now(),
               "datePaid": None, "errorCode": None, "errorMessage": None}
        script = fault if fault in ("declined", "timeout", "payer_cancelled") else "paid"
        entry = Entry("payment", doc, script)
        with self.lock:
            self.entries[("payment", iid)] = entry
            delay = self.timeout_after if script == "timeout" else self.pay_delay
            self._after(entry, delay, self._customer_acts)
        headers = {"Location": f"{self.url}{API}/paymentrequests/{iid}"}
        if not payer:
            headers["PaymentRequestToken"] = secrets.token_hex(16)
        if fault == "lost":
            return 0, None, {}
        return 201, None, headers

    def _customer_acts(self, entry: Entry) -> None:
        with self.lock:
            if entry.status != "CREATED":
                return
            doc = entry.doc
            if entry.script == "paid":
                doc.update(status="PAID", paymentReference=secrets.token_hex(16).upper(),
                           datePaid=_now(), payerAlias=doc["payerAlias"] or "46701234567")
            elif entry.script == "declined":
                doc.update(status="DECLINED")
            elif entry.script == "timeout":
                doc.update(status="ERROR", errorCode="TM01",
                           errorMessage="Swish timed out before the payment was started")
            else:  # payer_cancelled
                doc.update(status="ERROR", errorCode="BANKIDCL",
                           errorMessage="Payer cancelled BankID signing")
        self._call_back(entry)

    def cancel(self, iid: str) -> tuple[int, Any]:
        with self.lock:
            entry = self.entries.get(("payment", iid))
            if entry is None:
                return 404, _error("RM04", "Not found")
            if entry.status != "CREATED":
                return 422, _error("RP07", f"The payment request is {entry.status}")
            entry.doc.update(status="CANCELLED", dateCancelled=_now())
            doc = dict(entry.doc)
        self._call_back(entry)
        return 200, doc

    # --- refunds ---------------------------------------------------------------------------------

    def create_refund(self, iid: str, body: dict) -> tuple[int, Any, dict[str, str]]:
        problem = self._invalid(iid, body, payment=False)
        if problem:
            return 422, _error(*problem), {}
        with self.lock:
            if ("refund", iid) in self.entries:
                self.repeats.append(iid)
                return 422, _error("RP09", "The given instructionUUID is not available"), {}
            original = next((e for e in self.entries.values() if e.kind == "payment"
                             and e.doc.get("paymentReference") == body.get("originalPaymentReference")
                             and e.status == "PAID"), None)
            if original is None:
                return 422, _error("RF02", "Original payment not found or not paid"), {}
            taken = sum(_ore(e.doc["amount"]) for e in self.entries.values()
                        if e.kind == "refund" and e.status != "ERROR"
                        and e.doc["originalPaymentReference"] == body["originalPaymentReference"])
            amount = _ore(str(body["amount"]))
            if amount + taken > _ore(str(original.doc["amount"])):
                return 422, _error("RF08", "Amount value is too large, or amount exceeds the "
                                           "amount of the original payment minus any previous "
                                           "refunds"), {}
            doc = {"id": iid, "payerPaymentReference": body.get("payerPaymentReference"),
                   "originalPaymentReference": body["originalPaymentReference"],
                   "paymentReference": None, "callbackUrl": body.get("callbackUrl"),
                   "payerAlias": body.get("payerAlias"),
                   "payeeAlias": original.doc.get("payerAlias"), "amount": body["amount"],
                   "currency": body.get("currency", "SEK"), "message": body.get("message", ""),
                   "status": "CREATED", "dateCreated": _now(), "datePaid": None,
                   "errorCode": None, "errorMessage": None}
            entry = Entry("refund", doc)
            self.entries[("refund", iid)] = entry
            self._after(entry, self.refund_delay, self._refund_paid)
        return 201, None, {"Location": f"{self.url}{API}/refunds/{iid}"}

    def _refund_paid(self, entry: Entry) -> None:
        with self.lock:
            if entry.status != "CREATED":
                return
            entry.doc.update(status="PAID", paymentReference=secrets.token_hex(16).upper(),
                             datePaid=_now())
        self._call_back(entry)

    # --- helpers ---------------------------------------------------------------------------------

    def _invalid(self, iid: str, body: dict, *, payment: bool) -> tuple[str, str] | None:
        if not _ID.match(iid):
            return "RP09", "The instructionUUID must be 32 upper-case hexadecimal characters"
        if not _AMOUNT.match(str(body.get("amount", ""))) or _ore(str(body["amount"])) <= 0:
            return "PA02", "Amount value is missing or not a valid number"
        if body.get("currency") != "SEK":
            return "AM03", "Invalid or missing Currency"
        if not body.get("callbackUrl"):
            return "RP03", "Callback URL is missing"
        if len(str(body.get("message") or "")) > 50:
            return "RP02", "Wrong formatted message"
        if payment:
            if body.get("payeeAlias") != self.merchant:
                return "RP01", "Missing Merchant Swish Number"
            payer = body.get("payerAlias")
            if payer is not None and not _PAYER.match(str(payer)):
                return "BE18", "Payer alias is invalid"
        else:
            if body.get("payerAlias") != self.merchant:
                return "RF03", "Payer alias in the refund does not match the payee alias in " \
                               "the original payment"
            if not body.get("originalPaymentReference"):
                return "FF08", "Original payment reference is missing"
        return None

    def _after(self, entry: Entry, delay: float, action: Any) -> None:
        t = threading.Timer(max(delay, 0.0), action, args=(entry,))
        t.daemon = True
        entry.timers.append(t)
        t.start()

    def _call_back(self, entry: Entry) -> None:
        with self.lock:
            doc = dict(entry.doc)
        url = str(doc.get("callbackUrl") or "")
        if not url or self._stopping.is_set():
            return

        def send() -> None:
            try:
                r = requests.post(url, data=json_numbers.dumps(doc).encode(),
                                  headers={"Content-Type": "application/json"}, timeout=5)
                answer: Any = r.status_code
            except requests.RequestException as e:
                answer = type(e).__name__
            with self.lock:
                self.callbacks.append({"id": doc["id"], "status": doc["status"], "url": url,
                                       "answer": answer})
        threading.Thread(target=send, name="swish-sim-callback", daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Swish commerce API simulator (v2 payment requests "
                                             "and refunds, plain HTTP)")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8444)
    ap.add_argument("--fault", choices=FAULTS, help="a standing fault for every payment request")
    ap.add_argument("--pay-delay", type=float, default=3.0,
                    help="seconds before the simulated customer answers")
    ap.add_argument("--timeout-after", type=float, default=180.0,
                    help="seconds a 'timeout' request stays CREATED before ERROR TM01")
    ap.add_argument("--merchant", default="1231181189", help="the store's Swish number")
    args = ap.parse_args(argv)
    sim = SwishSimulator(args.host, args.port, fault=args.fault, pay_delay=args.pay_delay,
                         timeout_after=args.timeout_after, merchant=args.merchant).start()
    print(f"Swish simulator on {sim.url}{API}/paymentrequests  (till: [swish] url = "
          f"\"{sim.url}\", payee_alias = \"{sim.merchant}\")", flush=True)
    return serve_until_interrupted(sim)


if __name__ == "__main__":
    sys.exit(main())
