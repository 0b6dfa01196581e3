"""A nexo Sale-to-POI (JSON over HTTP) card terminal simulator.

Run it::

    python -m hardware.simulators.nexo_terminal --port 8443 [--host 127.0.0.1]
        [--fault decline|timeout|busy|cancelled|lost_response] [--timeout-delay 30] [--state DIR]

and point the till at ``nexo://127.0.0.1:8443``. Endpoints:

* ``POST /nexo``: ``SaleToPOIRequest`` with ``PaymentRequest`` (Normal or Refund),
  ``TransactionStatusRequest``, ``AbortRequest`` or ``ReversalRequest``;
* ``POST /control`` ``{"next": "lost_response"}``: the fault for the next payment only
  (``{"fault": ...}`` sets or with ``null`` clears the standing fault);
* ``GET /transactions``: what the terminal has recorded (for looking at).

Faults, in this order of precedence: the ``next`` fault, the standing ``--fault``, then the
magic amounts of :mod:`hardware.terminals.simulator` (öre 13 declined, 14 busy, 15 cancelled,
16 approved with the response lost, over 50 000 kr declined).

* ``decline``: Failure/Refusal; ``busy``: Failure/Busy (not recorded: the terminal never started);
  ``cancelled``: Failure/Cancel;
* ``timeout``: the payment stays in progress for ``timeout_delay`` seconds (TransactionStatus
  says InProgress; AbortRequest cancels it), then is approved and answered (usually too late);
* ``lost_response``: approved and recorded, then the connection is closed without an answer.

A repeated request is answered as a terminal answers it, not with the first answer (which would
hide a till that pays again after a lost answer instead of asking the transaction's status, the
one recovery nexo defines):

* a ``PaymentRequest`` whose SaleID and ServiceID a payment already used (a ServiceID names one
  message pair) is refused and not run: ``Failure``/``Busy`` while that payment is still running
  on the terminal, ``Failure``/``MessageFormat`` ("Duplicate ServiceID") once it is done. Each is
  kept in ``repeats``;
* the same sale transaction sent again under a new ServiceID is a new payment: the card is charged
  again, as a real terminal would, and ``charged_twice`` names the TransactionIDs paid twice.

In tests::

    sim = NexoSimulator(port=0).start(); sim.next_fault = "lost_response"; ...; sim.stop()
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from hardware.simulators import serve_until_interrupted
from hardware.simulators.sequence import TransactionCounter
from hardware.terminals.nexo import dumps, loads, major, now_stamp
from hardware.terminals.simulator import card_for, magic_outcome, mask
from pos.money import MoneyError, format_kronor, from_major
from pos.ports import PaymentOutcome

FAULTS = ("decline", "timeout", "busy", "cancelled", "lost_response")


@dataclass
class Tx:
    sale_id: str
    service_id: str
    transaction_id: str
    amount: int
    currency: str
    refund: bool
    header: dict
    state: str = "in_progress"  # in_progress | done
    response: dict | None = None  # the PaymentResponse body
    poi_ref: str = ""
    approved: bool = False
    reversed: bool = False
    cancel: threading.Event = field(default_factory=threading.Event)
    original: str = ""  # a referenced refund: the original payment's POI transaction id


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _reply(self, status: int, payload: bytes, ctype: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self) -> None:
        sim = self.server.sim
        if self.path.rstrip("/") == "/transactions":
            with sim.lock:
                rows = [
                    {
                        "SaleID": t.sale_id, "ServiceID": t.service_id, "TransactionID": t.transaction_id,
                        "amount": t.amount, "refund": t.refund, "state": t.state, "approved": t.approved,
                        "reversed": t.reversed, "poi_ref": t.poi_ref,
                    }
                    for t in sim.transactions.values()
                ]
            self._reply(200, json.dumps(rows, ensure_ascii=False).encode())
        else:
            self._reply(404, b'{"error": "not found"}')

    def do_POST(self) -> None:
        sim = self.server.sim
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        try:
            doc = loads(body) if body else {}
        except ValueError:
            self._reply(400, b'{"error": "bad json"}')
            return
        path = self.path.rstrip("/")
        if path == "/control":
            try:
                sim.control(doc)
            except ValueError as e:
                self._reply(400, json.dumps({"error": str(e)}).encode())
                return
            self._reply(200, json.dumps({"next": sim.next_fault, "fault": sim.fault}).encode())
            return
        if path != "/nexo":
            self._reply(404, b'{"error": "not found"}')
            return
        answer = sim.handle(doc)
        if answer is None:  # lost response: drop the connection without a word
            self.close_connection = True
            try:
                self.connection.shutdown(2)
            except OSError:
                pass
            return
        self._reply(200, dumps(answer).encode("utf-8"))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr: tuple[str, int], sim: "NexoSimulator") -> None:
        self.sim = sim
        super().__init__(addr, _Handler)


def _response_header(req_header: dict) -> dict:
    h = dict(req_header)
    h["MessageType"] = "Response"
    return h


def _failure(condition: str, additional: str = "") -> dict:
    r: dict[str, Any] = {"Result": "Failure", "ErrorCondition": condition}
    if additional:
        r["AdditionalResponse"] = additional
    return r


class NexoSimulator:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        fault: str | None = None,
        timeout_delay: float = 30.0,
        poi_id: str = "POI-SIM",
        state_dir: Path | str | None = None,
    ) -> None:
        if fault is not None and fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}: one of {', '.join(FAULTS)}")
        self.host = host
        self._req_port = port
        self.fault = fault
        self.next_fault: str | None = None
        self.timeout_delay = timeout_delay
        self.poi_id = poi_id
        self.lock = threading.Lock()
        self.transactions: dict[tuple[str, str], Tx] = {}
        self.refunded_to: dict[str, int] = {}  # öre refunded to an original payment, by its ref
        self.requests: list[dict] = []  # every SaleToPOIRequest received
        self.repeats: list[dict] = []  # MessageHeaders of payments refused for a used ServiceID
        self.charges: list[int] = []  # öre actually charged (+) or refunded/reversed (-)
        # The terminal's transaction numbers go on across restarts (its references are unique).
        self._refs = TransactionCounter(f"nexo-{poi_id}", state_dir)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    # lifecycle -----------------------------------------------------------------------------
    def start(self) -> "NexoSimulator":
        self._server = _Server((self.host, self._req_port), self)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="nexo-sim", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        with self.lock:
            for t in self.transactions.values():
                t.cancel.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> "NexoSimulator":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "start() first"
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        """The till's terminal URL for this simulator."""
        return f"nexo://{self.host}:{self.port}?poi={self.poi_id}"

    @property
    def charged_total(self) -> int:
        with self.lock:
            return sum(self.charges)

    @property
    def charged_twice(self) -> list[str]:
        """TransactionIDs (the till's attempts) with more than one approved payment."""
        with self.lock:
            paid = [t.transaction_id for t in self.transactions.values() if t.approved and not t.refund]
        return sorted({tx for tx in paid if paid.count(tx) > 1})

    def control(self, doc: dict) -> None:
        if "next" in doc:
            nxt = doc["next"]
            if nxt is not None and nxt not in FAULTS:
                raise ValueError(f"unknown fault {nxt!r}: one of {', '.join(FAULTS)}")
            self.next_fault = nxt
        if "fault" in doc:
            f = doc["fault"]
            if f is not None and f not in FAULTS:
                raise ValueError(f"unknown fault {f!r}: one of {', '.join(FAULTS)}")
            self.fault = f

    # protocol ------------------------------------------------------------------------------
    def handle(self, doc: Any) -> dict | None:
        req = doc.get("SaleToPOIRequest") if isinstance(doc, dict) else None
        if not isinstance(req, dict) or not isinstance(req.get("MessageHeader"), dict):
            return {"SaleToPOIResponse": {"MessageHeader": {}, "EventNotification": {"EventToNotify": "Reject"}}}
        with self.lock:
            self.requests.append(req)
        header = req["MessageHeader"]
        if "PaymentRequest" in req:
            return self._payment(header, req["PaymentRequest"])
        if "TransactionStatusRequest" in req:
            return self._status(header, req["TransactionStatusRequest"])
        if "AbortRequest" in req:
            return self._abort(header, req["AbortRequest"])
        if "ReversalRequest" in req:
            return self._reversal(header, req["ReversalRequest"])
        return {"SaleToPOIResponse": {"MessageHeader": _response_header(header),
                                      "EventNotification": {"EventToNotify": "Reject"}}}

    def _payment(self, header: dict, body: dict) -> dict | None:
        key = (str(header.get("SaleID", "")), str(header.get("ServiceID", "")))
        with self.lock:
            seen = self.transactions.get(key)
            if seen is not None:
                self.repeats.append(header)
        if seen is not None:  # a ServiceID names one payment: refused, never run or answered twice
            if seen.state != "done":
                return {"SaleToPOIResponse": {"MessageHeader": _response_header(header),
                                              "PaymentResponse": {"Response": _failure("Busy")}}}
            refused = _failure("MessageFormat", urlencode({"message": "Duplicate ServiceID"}))
            return {"SaleToPOIResponse": {"MessageHeader": _response_header(header),
                                          "PaymentResponse": {"Response": refused}}}
        try:
            sale_tx = body["SaleData"]["SaleTransactionID"]
            amounts = body["PaymentTransaction"]["AmountsReq"]
            amount = from_major(amounts["RequestedAmount"])
            currency = str(amounts["Currency"])
        except (KeyError, TypeError, MoneyError):
            return {"SaleToPOIResponse": {"MessageHeader": _response_header(header),
                                          "PaymentResponse": {"Response": _failure("MessageFormat")}}}
        refund = (body.get("PaymentData") or {}).get("PaymentType") == "Refund"
        original = ((body["PaymentTransaction"].get("OriginalPOITransaction") or {})
                    .get("POITransactionID") or {}).get("TransactionID") if refund else None
        if original is not None:
            # a referenced refund: to an approved payment of this terminal, never more than it
            # took minus what was refunded to it before (an acquirer refuses the rest)
            with self.lock:
                paid = next((t for t in self.transactions.values() if t.poi_ref == original
                             and t.approved and not t.refund and not t.reversed), None)
                left = (paid.amount - self.refunded_to.get(original, 0)) if paid else 0
            if paid is None or amount > left:
                why = ("Originalköpet finns inte" if paid is None
                       else f"Högst {format_kronor(left)} kan återbetalas")
                return {"SaleToPOIResponse": {"MessageHeader": _response_header(header),
                                              "PaymentResponse": {"Response": _failure(
                                                  "Refusal", urlencode({"refusalReason": why}))}}}
        with self.lock:
            fault = self.next_fault or self.fault
            self.next_fault = None
        if fault is None:
            outcome, message, lost = magic_outcome(amount)
            fault = {
                PaymentOutcome.DECLINED: "decline",
                PaymentOutcome.BUSY: "busy",
                PaymentOutcome.CANCELLED: "cancelled",
            }.get(outcome, "lost_response" if lost else None)
        else:
            message = ""
        if fault == "busy":
            return {"SaleToPOIResponse": {"MessageHeader": _response_header(header),
                                          "PaymentResponse": {"Response": _failure("Busy")}}}
        tx = Tx(key[0], key[1], str(sale_tx.get("TransactionID", "")), amount, currency, refund, header,
                original=original or "")
        with self.lock:
            self.transactions[key] = tx
        if fault == "timeout":
            cancelled = tx.cancel.wait(self.timeout_delay)
            self._finish(tx, "cancelled" if cancelled else None, "")
            return self._answer(tx)
        self._finish(tx, fault if fault != "lost_response" else None, message)
        if fault == "lost_response":
            return None
        return self._answer(tx)

    def _finish(self, tx: Tx, fault: str | None, message: str) -> None:
        stamp = now_stamp()
        ref = f"SIMTX{self._refs.next():08d}"
        brand, last4 = card_for(tx.transaction_id or tx.service_id)
        body: dict[str, Any] = {
            "SaleData": {"SaleTransactionID": {"TransactionID": tx.transaction_id, "TimeStamp": stamp}},
            "POIData": {"POITransactionID": {"TransactionID": ref, "TimeStamp": stamp}},
            "PaymentResult": {
                "PaymentType": "Refund" if tx.refund else "Normal",
                "PaymentInstrumentData": {
                    "PaymentInstrumentType": "Card",
                    "CardData": {"MaskedPan": mask(last4), "PaymentBrand": brand},
                },
                "AmountsResp": {"Currency": tx.currency, "AuthorizedAmount": major(tx.amount)},
            },
        }
        if fault is None:
            auth = f"{int(hashlib.sha256(ref.encode()).hexdigest(), 16) % 1_000_000:06d}"
            body["Response"] = {"Result": "Success"}
            body["PaymentResult"]["PaymentAcquirerData"] = {"ApprovalCode": auth}
            verdict = "GODKÄND"
        elif fault == "decline":
            body["Response"] = _failure("Refusal", urlencode({"refusalReason": message or "Nekad av kortutgivaren"}))
            verdict = "NEKAD"
        else:  # cancelled
            body["Response"] = _failure("Cancel")
            verdict = "AVBRUTEN"
        word = "ÅTERKÖP" if tx.refund else "KÖP"
        lines = [
            ("", "KORTTERMINAL (SIMULATOR)"),
            ("Kort", f"{brand} {mask(last4)}"),
            (word, f"{format_kronor(tx.amount)} {tx.currency}"),
            ("Ref", ref),
            ("", verdict),
        ]
        body["PaymentReceipt"] = [
            {
                "DocumentQualifier": "CustomerReceipt",
                "OutputContent": {
                    "OutputFormat": "Text",
                    "OutputText": [{"Text": urlencode({"name": n, "value": v})} for n, v in lines],
                },
            }
        ]
        with self.lock:
            tx.response = body
            tx.poi_ref = ref
            tx.state = "done"
            tx.approved = fault is None
            if tx.approved:
                self.charges.append(-tx.amount if tx.refund else tx.amount)
                if tx.original:
                    self.refunded_to[tx.original] = self.refunded_to.get(tx.original, 0) + tx.amount

    def _answer(self, tx: Tx) -> dict:
        return {"SaleToPOIResponse": {"MessageHeader": _response_header(tx.header), "PaymentResponse": tx.response}}

    def _status(self, header: dict, body: dict) -> dict:
        ref = body.get("MessageReference") or {}
        key = (str(ref.get("SaleID", header.get("SaleID", ""))), str(ref.get("ServiceID", "")))
        with self.lock:
            tx = self.transactions.get(key)
        out: dict[str, Any]
        if tx is None:
            out = {"Response": _failure("NotFound")}
        elif tx.state != "done":
            out = {"Response": _failure("InProgress")}
        else:
            out = {
                "Response": {"Result": "Success"},
                "MessageReference": {"MessageCategory": "Payment", "ServiceID": tx.service_id, "SaleID": tx.sale_id},
                "RepeatedMessageResponse": {
                    "MessageHeader": _response_header(tx.header),
                    "RepeatedResponseMessageBody": {"PaymentResponse": tx.response},
                },
            }
        return {"SaleToPOIResponse": {"MessageHeader": _response_header(header), "TransactionStatusResponse": out}}

    def _abort(self, header: dict, body: dict) -> dict:
        ref = body.get("MessageReference") or {}
        key = (str(ref.get("SaleID", header.get("SaleID", ""))), str(ref.get("ServiceID", "")))
        with self.lock:
            tx = self.transactions.get(key)
        if tx is not None and tx.state != "done":
            tx.cancel.set()
        return {"SaleToPOIResponse": {"MessageHeader": _response_header(header)}}

    def _reversal(self, header: dict, body: dict) -> dict:
        poi = ((body.get("OriginalPOITransaction") or {}).get("POITransactionID")) or {}
        ref = str(poi.get("TransactionID", ""))
        with self.lock:
            tx = next((t for t in self.transactions.values() if t.poi_ref == ref), None)
            ok = tx is not None and tx.approved and not tx.reversed
            if ok:
                assert tx is not None
                tx.reversed = True
                self.charges.append(tx.amount if tx.refund else -tx.amount)
        out: dict[str, Any] = {"Response": {"Result": "Success"} if ok else _failure("NotFound")}
        if ok:
            assert tx is not None
            stamp = now_stamp()
            out["POIData"] = {"POITransactionID": {"TransactionID": f"REV{ref}", "TimeStamp": stamp}}
            out["ReversedAmount"] = major(tx.amount)
        return {"SaleToPOIResponse": {"MessageHeader": _response_header(header), "ReversalResponse": out}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="nexo Sale-to-POI JSON card terminal simulator")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8443)
    ap.add_argument("--fault", choices=FAULTS, help="a standing fault for every payment")
    ap.add_argument("--timeout-delay", type=float, default=30.0, help="seconds a 'timeout' payment takes")
    ap.add_argument("--poi", default="POI-SIM")
    ap.add_argument("--state", help="directory of the terminal's transaction counter (default: "
                                    "POS_SIMULATOR_STATE, else simulators/ in the data directory)")
    args = ap.parse_args(argv)
    sim = NexoSimulator(args.host, args.port, fault=args.fault, timeout_delay=args.timeout_delay,
                        poi_id=args.poi, state_dir=args.state)
    sim.start()
    print(f"nexo terminal simulator on http://{args.host}:{sim.port}/nexo  (till URL: {sim.url})", flush=True)
    return serve_until_interrupted(sim)


if __name__ == "__main__":
    sys.exit(main())
