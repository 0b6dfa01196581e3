"""A card terminal speaking nexo Sale-to-POI in its JSON form (the shape of Adyen's local Terminal API).

Every request is ``POST http://HOST:PORT/nexo`` with a body ``{"SaleToPOIRequest": {...}}``::

    MessageHeader: ProtocolVersion "3.0", MessageClass "Service",
                   MessageCategory "Payment" | "Reversal" | "TransactionStatus" | "Abort",
                   MessageType "Request", ServiceID, SaleID, POIID
    PaymentRequest: SaleData.SaleTransactionID {TransactionID, TimeStamp},
                    PaymentTransaction.AmountsReq {Currency, RequestedAmount},
                    PaymentData.PaymentType "Normal" | "Refund"

Amounts are major units written as JSON numbers from ``Decimal`` (``125.5`` kr for 12 550 öre);
answers are parsed with ``parse_float=Decimal``: no float arithmetic anywhere.

Idempotency and lost responses: the ``ServiceID`` of a payment is derived from the till's
``attempt_id`` (10 characters of its SHA-256, base 36), and ``TransactionID`` is the attempt id
itself, so after a timeout or a crash ``transaction_status(attempt_id)`` sends a
``TransactionStatusRequest`` whose ``MessageReference`` names the original ServiceID and SaleID and
acts on the answer: the original response (Success with ``RepeatedMessageResponse``), still in
progress (``ErrorCondition`` ``InProgress``: UNKNOWN) or ``NotFound`` (NOT_FOUND). A ``purchase``
is never re-sent for an attempt this object already sent: it asks for the status instead.

A request that never reached the terminal (connection refused, connect timeout) is BUSY: nothing
was charged. A request that may have reached it (read timeout, connection dropped, an answer that
cannot be read) is UNKNOWN.
"""
from __future__ import annotations

import base64
import hashlib
import secrets
import threading
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl

import requests

from hardware.terminals.reasons import TerminalReason
from pos import json_numbers
from pos.money import from_major, to_major_decimal
from pos.ports import PaymentOutcome, PaymentRequest, PaymentResult

PROTOCOL_VERSION = "3.0"

# Amounts as exact JSON numbers from Decimal, answers read as Decimal (floats are refused):
# ``dumps``/``loads`` are ``pos.json_numbers``'s, kept under these names for the simulator.
dumps = json_numbers.dumps
loads = json_numbers.loads


def major(amount: int) -> Decimal:
    """Öre as kronor with two decimals (``12550`` -> ``Decimal("125.50")``)."""
    return to_major_decimal(amount).quantize(Decimal("0.01"))


# --- identifiers ---------------------------------------------------------------------------------


def service_id_for(attempt_id: str, purpose: str = "pay") -> str:
    """A 10-character ServiceID derived from the attempt (the same after a restart)."""
    digest = hashlib.sha256(f"{purpose}:{attempt_id}".encode()).digest()
    return base64.b32encode(digest).decode("ascii")[:10]


def new_service_id() -> str:
    return secrets.token_hex(5)


def now_stamp() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --- messages ------------------------------------------------------------------------------------


def header(category: str, service_id: str, sale_id: str, poi_id: str, message_type: str = "Request") -> dict:
    return {
        "ProtocolVersion": PROTOCOL_VERSION,
        "MessageClass": "Service",
        "MessageCategory": category,
        "MessageType": message_type,
        "ServiceID": service_id,
        "SaleID": sale_id,
        "POIID": poi_id,
    }


def payment_request(
    request: PaymentRequest, *, sale_id: str, poi_id: str, refund: bool = False, timestamp: str | None = None
) -> dict:
    body: dict[str, Any] = {
        "SaleData": {
            "SaleTransactionID": {"TransactionID": request.attempt_id, "TimeStamp": timestamp or now_stamp()},
        },
        "PaymentTransaction": {
            "AmountsReq": {"Currency": request.currency, "RequestedAmount": major(request.amount)},
        },
        "PaymentData": {"PaymentType": "Refund" if refund else "Normal"},
    }
    if request.sale_ref:
        body["SaleData"]["SaleReferenceID"] = request.sale_ref
        if refund:  # a referenced refund: the original payment's POI transaction (nexo 3.x),
            # as ``terminal_ref`` carries it ("<TransactionID>@<TimeStamp>")
            tx_id, _, stamp = request.sale_ref.partition("@")
            body["PaymentTransaction"]["OriginalPOITransaction"] = {
                "POITransactionID": {"TransactionID": tx_id,
                                     "TimeStamp": stamp or timestamp or now_stamp()}}
    return {
        "SaleToPOIRequest": {
            "MessageHeader": header("Payment", service_id_for(request.attempt_id), sale_id, poi_id),
            "PaymentRequest": body,
        }
    }


def transaction_status_request(attempt_id: str, *, sale_id: str, poi_id: str) -> dict:
    return {
        "SaleToPOIRequest": {
            "MessageHeader": header("TransactionStatus", new_service_id(), sale_id, poi_id),
            "TransactionStatusRequest": {
                "ReceiptReprintFlag": True,
                "DocumentQualifier": ["CustomerReceipt"],
                "MessageReference": {
                    "MessageCategory": "Payment",
                    "ServiceID": service_id_for(attempt_id),
                    "SaleID": sale_id,
                    "POIID": poi_id,
                },
            },
        }
    }


def abort_request(attempt_id: str, *, sale_id: str, poi_id: str) -> dict:
    return {
        "SaleToPOIRequest": {
            "MessageHeader": header("Abort", new_service_id(), sale_id, poi_id),
            "AbortRequest": {
                "AbortReason": "MerchantAbort",
                "MessageReference": {
                    "MessageCategory": "Payment",
                    "ServiceID": service_id_for(attempt_id),
                    "SaleID": sale_id,
                    "POIID": poi_id,
                },
            },
        }
    }


def reversal_request(attempt_id: str, original_ref: str, *, sale_id: str, poi_id: str) -> dict:
    tx_id, _, stamp = original_ref.partition("@")
    return {
        "SaleToPOIRequest": {
            "MessageHeader": header("Reversal", service_id_for(attempt_id, "rev"), sale_id, poi_id),
            "ReversalRequest": {
                "OriginalPOITransaction": {
                    "POITransactionID": {"TransactionID": tx_id, "TimeStamp": stamp or now_stamp()},
                },
                "ReversalReason": "MerchantCancel",
            },
        }
    }


# --- answers -------------------------------------------------------------------------------------

# nexo ErrorCondition -> outcome, and the till's words when the terminal adds none of its own
_FAILURE_OUTCOMES: dict[str, tuple[PaymentOutcome, str]] = {
    "Refusal": (PaymentOutcome.DECLINED, "terminal.declined_by_issuer"),
    "Busy": (PaymentOutcome.BUSY, ""),
    "Cancel": (PaymentOutcome.CANCELLED, ""),
    "Aborted": (PaymentOutcome.CANCELLED, ""),
    "InProgress": (PaymentOutcome.UNKNOWN, "terminal.in_progress"),
    "NotFound": (PaymentOutcome.NOT_FOUND, "terminal.unknown_transaction"),
}


def _receipt_lines(body: dict) -> tuple[str, ...]:
    lines: list[str] = []
    for receipt in body.get("PaymentReceipt") or []:
        if receipt.get("DocumentQualifier", "CustomerReceipt") != "CustomerReceipt":
            continue
        for item in (receipt.get("OutputContent") or {}).get("OutputText") or []:
            text = str(item.get("Text", ""))
            if "name=" in text or "value=" in text:  # Adyen's key=value form
                kv = dict(parse_qsl(text, keep_blank_values=True))
                text = " ".join(p for p in (kv.get("name", ""), kv.get("value", "")) if p)
            lines.append(text)
    return tuple(lines)


def result_from_payment_response(body: dict, attempt_id: str, amount: int) -> PaymentResult:
    """A PaymentResult from the body of a PaymentResponse (or ReversalResponse)."""
    resp = body.get("Response") or {}
    result = resp.get("Result")
    additional = str(resp.get("AdditionalResponse", ""))
    poi = ((body.get("POIData") or {}).get("POITransactionID")) or {}
    ref = str(poi.get("TransactionID", ""))
    if ref and poi.get("TimeStamp"):
        ref = f"{ref}@{poi['TimeStamp']}"
    pr = body.get("PaymentResult") or {}
    card = ((pr.get("PaymentInstrumentData") or {}).get("CardData")) or {}
    amounts = pr.get("AmountsResp") or {}
    authorized = amounts.get("AuthorizedAmount")
    try:
        amount_ore = from_major(authorized) if authorized is not None else amount
    except ValueError:
        amount_ore = amount
    common = dict(
        attempt_id=attempt_id,
        amount=amount_ore,
        masked_pan=str(card.get("MaskedPan", "")),
        brand=str(card.get("PaymentBrand", "")),
        terminal_ref=ref,
        receipt_lines=_receipt_lines(body),
    )
    if result in ("Success", "Partial"):
        auth = str(((pr.get("PaymentAcquirerData") or {}).get("ApprovalCode")) or "")
        return PaymentResult(PaymentOutcome.APPROVED, auth_code=auth, **common)  # type: ignore[arg-type]
    cond = str(resp.get("ErrorCondition", ""))
    known = _FAILURE_OUTCOMES.get(cond)
    if known is not None:
        outcome, code = known
        reason = TerminalReason(code) if code else None
    else:
        outcome = PaymentOutcome.DECLINED
        reason = TerminalReason("terminal.failure", condition=cond or "Failure")
    message = ""
    if additional:  # the terminal's own words replace the till's
        kv = dict(parse_qsl(additional, keep_blank_values=True))
        message = kv.get("message") or kv.get("refusalReason") or ""
        if message:
            reason = None
    return PaymentResult(outcome, message=message, reason=reason, **common)  # type: ignore[arg-type]


def _never_reached(err: requests.RequestException) -> bool:
    """True when the request certainly did not reach the terminal."""
    if isinstance(err, requests.ConnectTimeout):
        return True
    if isinstance(err, requests.ConnectionError):
        text = repr(err)
        return "NewConnectionError" in text or "Connection refused" in text or "Errno 111" in text
    return False


class NexoTerminal:
    """A :class:`pos.ports.CardTerminal` over nexo JSON/HTTP (see the module docstring)."""

    def __init__(
        self,
        host: str,
        port: int = 8443,
        *,
        poi_id: str = "POI-1",
        sale_id: str = "TILL-1",
        timeout: float = 60.0,
        connect_timeout: float = 3.0,
        scheme: str = "http",
        path: str = "/nexo",
        name: str = "",
        session: requests.Session | None = None,
    ) -> None:
        self.name = name or f"nexo {host}:{port}"
        self.url = f"{scheme}://{host}:{port}{path}"
        self.poi_id = poi_id
        self.sale_id = sale_id
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.session = session or requests.Session()
        self._sent: dict[str, PaymentRequest] = {}
        self._final: dict[str, PaymentResult] = {}
        self._lock = threading.Lock()

    # transport -----------------------------------------------------------------------------
    def _post(self, message: dict, timeout: float | None = None) -> dict:
        """The SaleToPOIResponse; raises requests.RequestException or ValueError."""
        r = self.session.post(
            self.url,
            data=dumps(message).encode("utf-8"),
            headers={"Content-Type": "application/json"},
            timeout=(self.connect_timeout, timeout or self.timeout),
        )
        r.raise_for_status()
        doc = loads(r.content)
        resp = doc.get("SaleToPOIResponse") if isinstance(doc, dict) else None
        if not isinstance(resp, dict):
            raise ValueError("not a SaleToPOIResponse")
        return resp

    # CardTerminal --------------------------------------------------------------------------
    def start(self, request: PaymentRequest) -> PaymentResult:
        return self._pay(request, refund=False)

    def refund(self, request: PaymentRequest) -> PaymentResult:
        return self._pay(request, refund=True)

    def _pay(self, request: PaymentRequest, *, refund: bool) -> PaymentResult:
        with self._lock:
            final = self._final.get(request.attempt_id)
            sent_before = request.attempt_id in self._sent
        if final is not None:
            return final
        if sent_before:
            # Never send the same attempt twice: ask what became of it.
            st = self.status(request.attempt_id)
            if st.outcome is not PaymentOutcome.NOT_FOUND:
                return st
        with self._lock:
            self._sent[request.attempt_id] = request
        message = payment_request(request, sale_id=self.sale_id, poi_id=self.poi_id, refund=refund)
        try:
            resp = self._post(message)
        except requests.RequestException as e:
            if _never_reached(e):
                with self._lock:
                    self._sent.pop(request.attempt_id, None)
                return PaymentResult(
                    PaymentOutcome.BUSY, request.attempt_id, request.amount,
                    reason=TerminalReason("terminal.unreachable", address=self.url),
                )
            return PaymentResult(
                PaymentOutcome.UNKNOWN, request.attempt_id, request.amount,
                reason=TerminalReason("terminal.no_answer"),
            )
        except ValueError:
            return PaymentResult(
                PaymentOutcome.UNKNOWN, request.attempt_id, request.amount,
                reason=TerminalReason("terminal.unreadable_answer"),
            )
        body = resp.get("PaymentResponse")
        if not isinstance(body, dict):
            return PaymentResult(PaymentOutcome.UNKNOWN, request.attempt_id, request.amount,
                              reason=TerminalReason("terminal.unexpected_answer"))
        result = result_from_payment_response(body, request.attempt_id, request.amount)
        self._remember(result)
        return result

    def _remember(self, result: PaymentResult) -> None:
        if result.outcome in (PaymentOutcome.APPROVED, PaymentOutcome.DECLINED, PaymentOutcome.CANCELLED):
            with self._lock:
                self._final[result.attempt_id] = result

    def status(self, attempt_id: str) -> PaymentResult:
        with self._lock:
            final = self._final.get(attempt_id)
            req = self._sent.get(attempt_id)
        if final is not None:
            return final
        amount = req.amount if req else 0
        message = transaction_status_request(attempt_id, sale_id=self.sale_id, poi_id=self.poi_id)
        try:
            resp = self._post(message, timeout=min(self.timeout, 15.0))
        except (requests.RequestException, ValueError):
            return PaymentResult(PaymentOutcome.UNKNOWN, attempt_id, amount,
                              reason=TerminalReason("terminal.no_status_answer"))
        body = resp.get("TransactionStatusResponse") or {}
        r = body.get("Response") or {}
        if r.get("Result") == "Success":
            repeated = ((body.get("RepeatedMessageResponse") or {}).get("RepeatedResponseMessageBody")) or {}
            pay = repeated.get("PaymentResponse")
            if isinstance(pay, dict):
                result = result_from_payment_response(pay, attempt_id, amount)
                self._remember(result)
                return result
            return PaymentResult(PaymentOutcome.UNKNOWN, attempt_id, amount, reason=TerminalReason("terminal.status_without_result"))
        cond = str(r.get("ErrorCondition", ""))
        if cond == "NotFound":
            return PaymentResult(PaymentOutcome.NOT_FOUND, attempt_id, amount,
                              reason=TerminalReason("terminal.unknown_transaction"))
        return PaymentResult(PaymentOutcome.UNKNOWN, attempt_id, amount, reason=TerminalReason("terminal.in_progress"))

    def abort(self, attempt_id: str) -> None:
        try:
            self._post(abort_request(attempt_id, sale_id=self.sale_id, poi_id=self.poi_id), timeout=5.0)
        except (requests.RequestException, ValueError):
            pass

    def reversal(self, attempt_id: str, original: PaymentResult) -> PaymentResult:
        """Reverse an approved payment (same day, before settlement) by its terminal reference."""
        message = reversal_request(attempt_id, original.terminal_ref, sale_id=self.sale_id, poi_id=self.poi_id)
        try:
            resp = self._post(message)
        except (requests.RequestException, ValueError):
            return PaymentResult(PaymentOutcome.UNKNOWN, attempt_id, original.amount,
                              reason=TerminalReason("terminal.no_reversal_answer"))
        body = resp.get("ReversalResponse") or {}
        return result_from_payment_response(body, attempt_id, original.amount)
