"""``pos mail``: the mail server's password and a test e-mail.

    pos mail set-password          # asks for it (or reads one line from stdin with --stdin)
    pos mail test ADDRESS          # sends a test receipt (HTML and PDF) to ADDRESS now

Exit codes (``cli/output.py``): 0 done; 1 the server refused it or cannot be reached (the
sentence says why); 2 no server configured, a wrong address or no password given.
"""
from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from cli.output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, emit, fail


def add_mail_parser(sub: Any,
                    parents: Sequence[argparse.ArgumentParser] = ()) -> argparse.ArgumentParser:
    p = sub.add_parser("mail", parents=list(parents),
                       help="e-mail: keep the mail server's password, send a test e-mail")
    p.add_argument("action", choices=["set-password", "test"])
    p.add_argument("address", nargs="?", help="test: the address to send the test receipt to")
    p.add_argument("--stdin", action="store_true", help="set-password: read it from stdin")
    return p


def run(args: argparse.Namespace, cfg: Any) -> int:
    from integrations.mail.factory import make_receipt_mailer, make_sender
    from integrations.mail.settings import MailConfigError
    from pos.errors import UserError

    try:
        sender = make_sender(cfg)
    except MailConfigError as e:
        return fail(args, f"configuration: {e}", EXIT_USAGE)
    if sender is None or not sender.settings.configured:
        return fail(args, "no mail server configured: set [mail] host and from in the "
                          "configuration", EXIT_USAGE)
    s = sender.settings
    if args.action == "set-password":
        if not s.username:
            return fail(args, "[mail] username is empty: the server is used without a login",
                        EXIT_USAGE)
        password = (sys.stdin.readline().rstrip("\r\n") if args.stdin
                    else getpass.getpass(f"Password for {s.username} at {s.host}: "))
        if not password:
            return fail(args, "no password given", EXIT_USAGE)
        try:
            where = sender.password.set(password)
        except UserError as e:
            return fail(args, str(e), EXIT_FAILED)
        emit(args, {"stored": s.password_name, "in": where},
             f"password for {s.username} at {s.host} kept in {where}")
        return EXIT_OK
    from pos.ports import ReceiptMail
    from pos.receipt_layout import test_receipt
    from pos.receipt_mail import ReceiptMailError, normalise_address

    try:
        to = normalise_address(args.address or "")
    except ReceiptMailError as e:
        return fail(args, str(e), EXIT_USAGE)
    import wiring

    store = wiring.till_config(cfg).store
    doc = test_receipt(store, cfg.register_id, datetime.now().strftime("%Y-%m-%d %H:%M"))
    mailer = make_receipt_mailer(sender)
    assert mailer is not None
    token = f"test.{datetime.now():%Y%m%d%H%M%S%f}"
    try:
        message_id = mailer.send_receipt(ReceiptMail(to, f"Testkvitto från {store.store_name}",
                                                     doc, token))
    except UserError as e:
        return fail(args, str(e), EXIT_FAILED)
    emit(args, {"sent": to, "message_id": message_id, "server": f"{s.host}:{s.port}",
                "security": s.security},
         f"test e-mail sent to {to} through {s.host}:{s.port} ({s.security})")
    return EXIT_OK
