"""A real SMTP server for the tests (aiosmtpd), on a port of its own on 127.0.0.1: plain, or
STARTTLS with a self-signed certificate (made by openssl for the test) and AUTH LOGIN/PLAIN
with one user; it keeps every message it accepted, and refuses the addresses it is told to."""
from __future__ import annotations

import email
import email.policy
import socket
import ssl
import subprocess
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def self_signed(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


class Inbox:
    """aiosmtpd's handler: accepts, keeps, or refuses (550) an address in ``refuse``."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refuse: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(msg)  # type: ignore[arg-type]
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


class SmtpServer:
    def __init__(self, port: int | None = None, *, tls: tuple[Path, Path] | None = None,
                 user: tuple[str, str] | None = None) -> None:
        self.port = port or free_port()
        self.inbox = Inbox()
        self.tls = tls
        self.user = user
        self.controller: Controller | None = None
        self.logins: list[str] = []

    def _auth(self, server, session, envelope, mechanism, auth_data):  # noqa: ANN001
        ok = (isinstance(auth_data, LoginPassword) and self.user is not None
              and auth_data.login.decode() == self.user[0]
              and auth_data.password.decode() == self.user[1])
        if ok:
            self.logins.append(auth_data.login.decode())
        return AuthResult(success=ok, handled=False)  # handled: it would have answered itself

    def start(self) -> "SmtpServer":
        kw: dict = {}
        if self.tls is not None:
            ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ctx.load_cert_chain(str(self.tls[0]), str(self.tls[1]))
            kw.update(tls_context=ctx, require_starttls=True)
        if self.user is not None:
            kw.update(authenticator=self._auth, auth_required=True,
                      auth_require_tls=self.tls is not None)
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port, **kw)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self.inbox.messages
