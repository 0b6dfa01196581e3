"""Sending one e-mail over SMTP (``smtplib``): STARTTLS, implicit TLS or none, a login when a
username is set (the password from the credential store), a new connection per e-mail (the
outbox worker sends seldom; a kept connection would time out in between).

What the server answers becomes the port's errors: it cannot be reached, hangs up or says "try
later" (4xx) -> ``MailUnavailable`` (the e-mail waits in the outbox); it refuses the address or
the content (5xx) -> ``MailRefused`` (set aside for a person). A refused login, no password or
no server configured are ``MailUnavailable`` too, with their own codes: the e-mails wait until
the till is put right, none is lost.
"""
from __future__ import annotations

import logging
import smtplib
import ssl
from email.message import EmailMessage

from integrations.mail.settings import MailPassword, MailSettings
from pos.ports import MailRefused, MailUnavailable
from pos.receipt_mail import masked

log = logging.getLogger(__name__)


class SmtpSender:
    def __init__(self, settings: MailSettings, password: MailPassword | None = None) -> None:
        self.settings = settings
        self.password = password or MailPassword(settings)

    def _tls(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.settings.ca or None)

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        if s.security == "tls":
            return smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=self._tls())
        smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        try:
            if s.security == "starttls":
                smtp.ehlo()
                smtp.starttls(context=self._tls())
                smtp.ehlo()
        except BaseException:
            smtp.close()
            raise
        return smtp

    def send(self, message: EmailMessage) -> None:
        """Send ``message`` to its To: address (see the module for the errors)."""
        s = self.settings
        if not s.configured:
            raise MailUnavailable("mail.not_configured", why="[mail] host or from is empty")
        secret = self.password.get()  # before connecting: a missing password is told plainly
        to = message["To"]
        try:
            with self._connect() as smtp:
                if secret is not None:
                    login(smtp, s.username, secret.reveal())
                smtp.send_message(message)
        except smtplib.SMTPAuthenticationError as e:
            raise MailUnavailable("mail.login_refused",
                                  why=f"{e.smtp_code} {_text(e.smtp_error)}") from None
        except smtplib.SMTPRecipientsRefused as e:
            codes = [code for code, _ in e.recipients.values()]
            reason = "; ".join(f"{c} {_text(m)}" for c, m in e.recipients.values())
            if codes and all(400 <= c < 500 for c in codes):
                raise MailUnavailable(why=reason) from None
            raise MailRefused("mail.refused", to=to, reason=reason) from None
        except smtplib.SMTPResponseException as e:  # MAIL FROM, DATA ... refused
            reason = f"{e.smtp_code} {_text(e.smtp_error)}"
            if 400 <= e.smtp_code < 500:
                raise MailUnavailable(why=reason) from None
            raise MailRefused("mail.refused", to=to, reason=reason) from None
        except (smtplib.SMTPException, OSError) as e:  # refused, timed out, hung up, TLS
            raise MailUnavailable(why=f"{s.host}:{s.port}: {type(e).__name__}: {e}") from None
        log.info("e-mail %s sent to %s", message["Message-ID"], masked(to or ""))


def login(smtp: smtplib.SMTP, username: str, password: str) -> None:
    """``smtp.login``, and a password (or name) with letters outside ASCII ("lösen") too:
    ``smtplib`` encodes AUTH as ASCII and fails on them, so those go as AUTH PLAIN in UTF-8
    (RFC 4616), which servers take."""
    if (username + password).isascii():
        smtp.login(username, password)
        return
    import base64

    smtp.ehlo_or_helo_if_needed()
    if "plain" not in (smtp.esmtp_features.get("auth") or "").lower().split():
        raise smtplib.SMTPAuthenticationError(
            504, b"the server offers no AUTH PLAIN, needed for a non-ASCII password")
    token = base64.b64encode(f"\0{username}\0{password}".encode("utf-8")).decode("ascii")
    code, reply = smtp.docmd("AUTH", f"PLAIN {token}")
    if code not in (235, 503):
        raise smtplib.SMTPAuthenticationError(code, reply)


def _text(raw: bytes | str) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
