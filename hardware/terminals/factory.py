"""Make a card terminal from a URL in the device config.

==============================================  ================================================
URL                                             terminal
==============================================  ================================================
``simulator``                                   :class:`~hardware.terminals.simulator.SimulatedTerminal`
                                                (``simulator?delay=2`` takes two seconds)
``nexo://HOST:PORT``                            nexo Sale-to-POI JSON over HTTP
                                                (``?poi=POIID&sale=SALEID&timeout=60``;
                                                ``&tls=1&ca=/path/ca.pem`` for HTTPS)
``concert:///dev/ttyUSB0?baud=9600``            Ingenico Telium Concert over serial
==============================================  ================================================
"""
from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from pos.errors import UserError, messages
from pos.ports import CardTerminal

MESSAGES = messages({
    "terminal.url_not_number": "Terminal URL {url}: {key} must be a number",
    "terminal.not_available": "{kind} terminals are not available in this build: {detail}",
    "terminal.url_no_host": "Terminal URL {url} has no host: use nexo://HOST:PORT",
    "terminal.url_no_port": "Terminal URL {url} has no port: use concert:///dev/ttyUSB0?baud=9600",
    "terminal.url_unknown": "Unknown terminal URL {url}: use simulator, nexo://HOST:PORT or "
                            "concert:///dev/ttyUSB0?baud=9600",
})


class TerminalConfigError(UserError, ValueError):
    """The terminal URL is wrong or names something not available."""


def make_terminal(url: str) -> CardTerminal:
    raw = (url or "").strip()
    parts = urlsplit(raw)
    scheme = parts.scheme.lower() if "://" in raw else raw.split("?", 1)[0].lower()
    q = {k: v[-1] for k, v in parse_qs(parts.query).items()}

    def num(key: str, default: float) -> float:
        try:
            return float(q.get(key, default))
        except ValueError:
            raise TerminalConfigError("terminal.url_not_number", url=repr(url), key=key) from None

    if scheme == "simulator":
        from hardware.terminals.simulator import SimulatedTerminal

        return SimulatedTerminal(q.get("name", "simulator"), delay=num("delay", 0.0))
    if scheme == "nexo":
        try:
            from hardware.terminals.nexo import NexoTerminal
        except ImportError as e:  # pragma: no cover - while the module is missing
            raise TerminalConfigError("terminal.not_available", kind="nexo", detail=str(e)) from e
        if not parts.hostname:
            raise TerminalConfigError("terminal.url_no_host", url=repr(url))
        tls = q.get("tls", "0").strip().lower() in ("1", "true", "yes", "on")
        term = NexoTerminal(
            parts.hostname,
            parts.port or 8443,
            poi_id=q.get("poi", "POI-1"),
            sale_id=q.get("sale", "TILL-1"),
            timeout=num("timeout", 60.0),
            name=q.get("name", ""),
            scheme="https" if tls else "http",
        )
        if tls:
            # The terminal's certificate is checked against ``ca=`` (a PEM file) or the system's CAs.
            term.session.verify = q.get("ca") or True
        return term
    if scheme == "concert":
        try:
            from hardware.terminals.concert import ConcertTerminal
        except ImportError as e:  # pragma: no cover - while the module is missing
            raise TerminalConfigError("terminal.not_available", kind="Concert", detail=str(e)) from e
        port = unquote(parts.path)
        if not port:
            raise TerminalConfigError("terminal.url_no_port", url=repr(url))
        return ConcertTerminal(port, baudrate=int(num("baud", 9600)), name=q.get("name", ""))
    raise TerminalConfigError("terminal.url_unknown", url=repr(url))
