"""Swish as a ``pos.ports.PaymentProvider``: payment requests and refunds over the Swish
commerce API (messages in ``integrations.swish.messages``).

How a payment goes (``pos.services.payments.pay_with`` drives it):

1. The till stores its attempt, then ``start`` PUTs the payment request under the attempt's own
   instruction id. Created (201): PENDING, with the QR code's data for m-commerce (the answer's
   ``PaymentRequestToken``) or nothing for e-commerce (the request is on the customer's phone).
2. The till asks ``status`` until the request ends: PAID (approved, with Swish's
   ``paymentReference`` as the payment's reference, for refunds), DECLINED, ERROR (``TM01``: the
   customer did not answer in time) or CANCELLED. A callback from Swish (``callbackUrl``, heard
   by this provider's own listener when it has one) answers at once and wakes the waiting till
   (``wait_for_news``); GETs are the fallback.
3. ``abort`` (the cashier's Cancel) PATCHes the request cancelled; the next ``status`` says
   what Swish made of it (cancelled, or paid if the customer was faster).

A lost answer is never a second request: the PUT goes out once (no retry: Swish refuses a
second PUT of an instruction id, ``RP09``), and after an error the request's status is asked.
An m-commerce request whose answer was lost has a QR code nobody can show: once found still
CREATED it is cancelled, so it can never be paid behind the till's back (the cashier tries
again). GETs and the cancel PATCH are retried with urllib3's ``Retry`` (they change nothing
twice), as the central store's client does.

TLS: Swish authenticates the store by a client certificate (``cert`` and ``key``, PEM) and is
checked against ``ca`` (Swish's root, or the system's). The simulator speaks plain HTTP on
localhost.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from integrations.swish import messages as m
from integrations.swish.reasons import SwishReason
from pos import json_numbers
from pos.ports import PaymentOutcome, PaymentRequest, PaymentResult

RETRY_STATUSES = (502, 503, 504)

# Swish's error codes the till has its own words for (the rest: "Swish refused it (CODE)")
_ERROR_REASONS = {"ACMT03": "swish.payer_not_enrolled", "ACMT01": "swish.payer_not_enrolled",
                  "ACMT07": "swish.payer_not_enrolled", "BE18": "swish.phone_invalid",
                  "RP06": "swish.request_open", "RF08": "swish.refund_too_large",
                  "TM01": "swish.timed_out", "BANKIDCL": "swish.cancelled_by_payer",
                  "RF07": "swish.declined"}
_CANCELLING = {"BANKIDCL"}  # an ERROR that is the customer's own cancel


def _never_reached(err: requests.RequestException) -> bool:
    if isinstance(err, requests.ConnectTimeout):
        return True
    if isinstance(err, requests.ConnectionError):
        text = repr(err)
        return "NewConnectionError" in text or "Connection refused" in text or "Errno 111" in text
    return False


def _mounted(session: requests.Session, retry: Retry) -> requests.Session:
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


@dataclass
class _Sent:
    kind: str  # "payment" | "refund"
    amount: int
    token: str = ""  # m-commerce: the QR code's token
    payer: str = ""  # e-commerce: the customer's number


@dataclass
class _Callbacks:
    """What Swish's callbacks said, by instruction id, and a condition the till waits on."""

    seen: dict[str, dict] = field(default_factory=dict)
    received: list[dict] = field(default_factory=list)
    cond: threading.Condition = field(default_factory=threading.Condition)


class _CallbackHandler(BaseHTTPRequestHandler):
    server: "_CallbackServer"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            doc = json_numbers.loads(body)
        except ValueError:
            doc = None
        ok = isinstance(doc, dict) and bool(doc.get("id"))
        if ok:
            self.server.provider._heard(doc)  # type: ignore[arg-type]
        self.send_response(200 if ok else 400)
        self.send_header("Content-Length", "0")
        self.end_headers()


class _CallbackServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr: tuple[str, int], provider: "SwishProvider") -> None:
        self.provider = provider
        super().__init__(addr, _CallbackHandler)


class SwishProvider:
    """See the module docstring. ``base_url``: Swish's API host (``https://cpc.getswish.net``,
    or a simulator's ``http://127.0.0.1:PORT``); ``payee_alias``: the store's Swish number;
    ``callback_url``: where Swish posts its callbacks (HTTPS, reachable from Swish);
    ``listen`` (``"127.0.0.1:0"``): run a callback listener here (then ``callback_url`` defaults
    to it). Thread-safe; ``close`` stops the listener."""

    def __init__(self, base_url: str, payee_alias: str, *, name: str = "swish",
                 cert: str = "", key: str = "", ca: str = "", callback_url: str = "",
                 listen: str = "", message: str = "", timeout: tuple[float, float] = (3.05, 15.0),
                 retries: int = 3, backoff: float = 0.25, refund_wait: float = 10.0,
                 refund_interval: float = 0.25,
                 session_factory: type[requests.Session] = requests.Session) -> None:
        self.name = name
        self.base_url = base_url.rstrip("/")
        self.payee_alias = payee_alias
        self.message = message
        self.timeout = timeout
        self.refund_wait = refund_wait
        self.refund_interval = refund_interval
        self.http = _mounted(session_factory(), Retry(
            total=retries, allowed_methods=None, status_forcelist=RETRY_STATUSES,
            backoff_factor=backoff, raise_on_status=False, respect_retry_after_header=False))
        self.http_once = _mounted(session_factory(), Retry(0, read=False))
        for s in (self.http, self.http_once):
            if cert:
                s.cert = (cert, key) if key else cert
            if ca:
                s.verify = ca
        self._sent: dict[str, _Sent] = {}
        self._lock = threading.Lock()
        self.callbacks = _Callbacks()
        self._listener: _CallbackServer | None = None
        if listen:
            host, _, port = listen.rpartition(":")
            self._listener = _CallbackServer((host or "127.0.0.1", int(port or 0)), self)
            threading.Thread(target=self._listener.serve_forever, kwargs={"poll_interval": 0.1},
                             name="swish-callbacks", daemon=True).start()
            if not callback_url:
                h, p = self._listener.server_address[:2]
                callback_url = f"http://{h}:{p}/swish/callback"
        self.callback_url = callback_url

    def close(self) -> None:
        if self._listener is not None:
            self._listener.shutdown()
            self._listener.server_close()
            self._listener = None

    # --- PaymentProvider -------------------------------------------------------------------------

    def start(self, request: PaymentRequest) -> PaymentResult:
        iid = m.instruction_id(request.attempt_id)
        try:
            payer = m.payer_alias(request.payer_phone) if request.payer_phone else ""
        except ValueError:
            return self._result(PaymentOutcome.DECLINED, request,
                                SwishReason("swish.phone_invalid", phone=request.payer_phone))
        with self._lock:
            sent_before = iid in self._sent
        if sent_before:  # never a second request for one attempt: ask what became of it
            return self.status(request.attempt_id)
        body = m.payment_request_body(
            payee_alias=self.payee_alias, amount=request.amount, reference=request.attempt_id,
            message=self.message or request.sale_ref, callback_url=self.callback_url,
            payer=payer, currency=request.currency)
        with self._lock:
            self._sent[iid] = _Sent("payment", request.amount, payer=payer)
        answer = self._put(f"{m.PAYMENT_REQUESTS}/{iid}", body, request)
        if isinstance(answer, PaymentResult):
            return answer
        if answer.status_code == 201:
            token = answer.headers.get("PaymentRequestToken", "")
            with self._lock:
                self._sent[iid].token = token
            return PaymentResult(PaymentOutcome.PENDING, request.attempt_id, request.amount,
                                 brand="Swish", qr_data=m.qr_data(token))
        return self._refused(answer, request)

    def refund(self, request: PaymentRequest) -> PaymentResult:
        """Give back ``request.amount`` of the Swish payment whose ``paymentReference`` is
        ``request.sale_ref``; waits up to ``refund_wait`` s for Swish to pay it out (UNKNOWN
        after that: ask ``status``)."""
        if not request.sale_ref:
            return self._result(PaymentOutcome.DECLINED, request, SwishReason("swish.no_original"))
        iid = m.instruction_id(request.attempt_id)
        with self._lock:
            sent_before = iid in self._sent
        if not sent_before:
            body = m.refund_body(payee_alias=self.payee_alias, original_reference=request.sale_ref,
                                 amount=request.amount, reference=request.attempt_id,
                                 message=self.message or "Återbetalning",
                                 callback_url=self.callback_url, currency=request.currency)
            with self._lock:
                self._sent[iid] = _Sent("refund", request.amount)
            answer = self._put(f"{m.REFUNDS}/{iid}", body, request)
            if isinstance(answer, PaymentResult):
                if answer.outcome is not PaymentOutcome.UNKNOWN:
                    return answer
            elif answer.status_code != 201:
                return self._refused(answer, request)
        result = self.status(request.attempt_id)
        waited = 0.0
        while result.outcome is PaymentOutcome.UNKNOWN and waited < self.refund_wait:
            self.wait_for_news(request.attempt_id, self.refund_interval)
            waited += self.refund_interval
            result = self.status(request.attempt_id)
        return result

    def status(self, attempt_id: str) -> PaymentResult:
        iid = m.instruction_id(attempt_id)
        with self._lock:
            sent = self._sent.get(iid)
        heard = self.callbacks.seen.get(iid)
        kinds = [sent.kind] if sent else ["payment", "refund"]
        for kind in kinds:
            final = m.FINAL_PAYMENT if kind == "payment" else m.FINAL_REFUND
            if heard is not None and str(heard.get("status")) in final:
                return self._from_status(kind, attempt_id, heard, sent)
            url = f"{m.PAYMENT_REQUESTS if kind == 'payment' else m.REFUNDS}/{iid}"
            try:
                r = self.http.get(self.base_url + url, timeout=self.timeout)
            except requests.RequestException:
                return PaymentResult(PaymentOutcome.UNKNOWN, attempt_id, sent.amount if sent else 0,
                                     reason=SwishReason("swish.no_status_answer"))
            if r.status_code == 404:
                continue
            try:
                doc = json_numbers.loads(r.content) if r.ok else None
            except ValueError:
                doc = None
            if not isinstance(doc, dict):
                return PaymentResult(PaymentOutcome.UNKNOWN, attempt_id, sent.amount if sent else 0,
                                     reason=SwishReason("swish.no_status_answer"))
            if kind == "payment" and doc.get("status") == "CREATED" and not doc.get("payerAlias") \
                    and not (sent and sent.token):
                # an m-commerce request whose QR code the till never had (its answer was lost,
                # or the till restarted): nobody can scan it, so it is cancelled
                self.abort(attempt_id)
                after = self._get(url)
                if isinstance(after, dict) and after.get("status") == "CANCELLED":
                    return PaymentResult(PaymentOutcome.CANCELLED, attempt_id,
                                         sent.amount if sent else 0, brand="Swish",
                                         reason=SwishReason("swish.cancelled_unseen"))
                doc = after if isinstance(after, dict) else doc
            return self._from_status(kind, attempt_id, doc, sent)
        return PaymentResult(PaymentOutcome.NOT_FOUND, attempt_id, sent.amount if sent else 0,
                             reason=SwishReason("swish.unknown_request"))

    def abort(self, attempt_id: str) -> None:
        """Cancel a payment request still waiting for the customer (best effort)."""
        iid = m.instruction_id(attempt_id)
        try:
            self.http.patch(self.base_url + f"{m.PAYMENT_REQUESTS}/{iid}",
                            data=json.dumps(m.CANCEL_PATCH).encode(),
                            headers={"Content-Type": m.PATCH_TYPE}, timeout=self.timeout)
        except requests.RequestException:
            pass
        with self.callbacks.cond:
            self.callbacks.cond.notify_all()

    def wait_for_news(self, attempt_id: str, timeout: float) -> None:
        """Wait up to ``timeout`` s, less when a callback about ``attempt_id`` arrives (or the
        cashier cancels): the till asks ``status`` after it."""
        iid = m.instruction_id(attempt_id)
        with self.callbacks.cond:
            if iid not in self.callbacks.seen:
                self.callbacks.cond.wait(timeout)

    # --- helpers ---------------------------------------------------------------------------------

    def _heard(self, doc: dict) -> None:
        with self.callbacks.cond:
            self.callbacks.seen[str(doc["id"])] = doc
            self.callbacks.received.append(doc)
            self.callbacks.cond.notify_all()

    def _get(self, url: str) -> dict | None:
        try:
            r = self.http.get(self.base_url + url, timeout=self.timeout)
            return json_numbers.loads(r.content) if r.ok else None
        except (requests.RequestException, ValueError):
            return None

    def _put(self, url: str, body: dict, request: PaymentRequest) -> requests.Response | PaymentResult:
        try:
            return self.http_once.put(self.base_url + url, data=json_numbers.dumps(body).encode(),
                                      headers={"Content-Type": "application/json"},
                                      timeout=self.timeout)
        except requests.RequestException as e:
            if _never_reached(e):
                with self._lock:
                    self._sent.pop(m.instruction_id(request.attempt_id), None)
                return self._result(PaymentOutcome.BUSY, request,
                                    SwishReason("swish.unreachable", address=self.base_url))
            return self._result(PaymentOutcome.UNKNOWN, request, SwishReason("swish.no_answer"))

    def _refused(self, r: requests.Response, request: PaymentRequest) -> PaymentResult:
        if r.status_code >= 500:  # it may or may not have been made: ask
            return self.status(request.attempt_id)
        try:
            errors = m.errors_of(json_numbers.loads(r.content)) if r.content else []
        except ValueError:
            errors = []
        codes = [c for c, _ in errors]
        if "RP09" in codes:  # the instruction id was used: by this attempt, before a restart
            return self.status(request.attempt_id)
        with self._lock:
            self._sent.pop(m.instruction_id(request.attempt_id), None)  # nothing was made
        code = codes[0] if codes else f"HTTP {r.status_code}"
        return self._result(PaymentOutcome.DECLINED, request, self._reason(code, request.payer_phone))

    @staticmethod
    def _reason(code: str, phone: str = "") -> SwishReason:
        known = _ERROR_REASONS.get(code)
        if known in ("swish.payer_not_enrolled", "swish.phone_invalid"):
            return SwishReason(known, phone=phone)
        return SwishReason(known) if known else SwishReason("swish.refused", code=code)

    def _result(self, outcome: PaymentOutcome, request: PaymentRequest,
                reason: SwishReason) -> PaymentResult:
        return PaymentResult(outcome, request.attempt_id, request.amount, brand="Swish",
                             reason=reason)

    def _from_status(self, kind: str, attempt_id: str, doc: dict, sent: _Sent | None) -> PaymentResult:
        status = str(doc.get("status") or "")
        try:
            amount = m.ore_of(doc["amount"]) if doc.get("amount") is not None else (
                sent.amount if sent else 0)
        except ValueError:
            amount = sent.amount if sent else 0
        table = m.PAYMENT_STATUS if kind == "payment" else m.REFUND_STATUS
        outcome = table.get(status, PaymentOutcome.UNKNOWN)
        code = str(doc.get("errorCode") or "")
        payer = str(doc.get("payerAlias" if kind == "payment" else "payeeAlias") or "")
        masked = ("*" * (len(payer) - 4) + payer[-4:]) if len(payer) > 4 else payer
        reference = str(doc.get("paymentReference") or "")
        reason: SwishReason | None = None
        if status == "ERROR":
            if code in _CANCELLING:
                outcome = PaymentOutcome.CANCELLED
            reason = self._reason(code or "ERROR", payer)
        elif status == "DECLINED":
            reason = SwishReason("swish.declined")
        elif outcome is PaymentOutcome.UNKNOWN and not status:
            reason = SwishReason("swish.unreadable_answer")
        lines: tuple[str, ...] = ()
        if outcome is PaymentOutcome.APPROVED:
            word = "SWISH" if kind == "payment" else "SWISH ÅTERBETALNING"
            lines = (word, f"Nummer {masked}" if masked else "", f"Ref {reference}")
            lines = tuple(x for x in lines if x)
        token = sent.token if sent else ""
        return PaymentResult(outcome, attempt_id, amount, brand="Swish", masked_pan=masked,
                             terminal_ref=reference, reason=reason, receipt_lines=lines,
                             qr_data=m.qr_data(token) if outcome is PaymentOutcome.PENDING else "")
