"""``python main.py central ...``: a register's own key for the central store.

    main.py central enroll [--register K1] [--replace]   # on the till, with an admin login once
    main.py central status [--register K1]               # is a key kept here; does the store take it
    main.py central revoke --register K1 [--forget]      # cut that till off (admin login)
    main.py central registers                            # every register's keys (admin login)
    main.py central forget [--register K1]               # remove this till's copy of its key

The admin login is asked for and never kept: the e-mail from ``--admin-email`` or
``$MEDUSA_ADMIN_EMAIL``, the password from ``$MEDUSA_ADMIN_PASSWORD``, one line on standard input
with ``--password-stdin``, or typed at a prompt. No key is ever printed, with ``--json`` or without.
Exit codes (as main's): 0 done, 1 refused (by the central store, or nothing to do), 2 usage or no
admin login, 3 the central store cannot be reached or is not set up. A failure is a sentence on
stderr; with ``--json`` stdout also holds ``{"error": sentence, ...}`` (``status`` adds ``"code"``:
``central.not_enrolled``, ``central.register_revoked`` or ``central.unreachable``).
"""
from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from integrations.credential_store import CredentialStore, CredentialStoreError, default_store
from integrations.medusa import enrolment
from integrations.medusa.client import (AdminLogin, MedusaAuthRefused, MedusaClient, MedusaError,
                                        MedusaUnavailable, NotEnrolled)
from integrations.medusa.store import MedusaStore, key_name, read_state


def add_central_parser(sub: Any, parents: Sequence[argparse.ArgumentParser] = ()) -> None:
    """Add ``central`` to main's subparsers (``parents``: main's options taken after it too)."""
    c = sub.add_parser("central", help="this register's key for the central store: enrol, "
                                       "status, revoke", parents=list(parents))
    c.add_argument("action", choices=["enroll", "status", "revoke", "registers", "forget"])
    c.add_argument("--register", help="the register's id (default: [register] id of the config)")
    c.add_argument("--replace", action="store_true",
                   help="enroll: give a register that has a key a new one, and revoke the old")
    c.add_argument("--forget", action="store_true",
                   help="revoke: also remove this machine's copy of the key")
    c.add_argument("--admin-email", default=None,
                   help="the central store's admin e-mail (default: $MEDUSA_ADMIN_EMAIL)")
    c.add_argument("--password-stdin", action="store_true",
                   help="read the admin password as one line from standard input")


def run(args: argparse.Namespace, state: Path | None, register: str,
        credentials: CredentialStore | None = None) -> int:
    """The ``central`` command for the register ``register`` and the central store whose
    ``medusa.json`` is ``state`` (None: none set up)."""
    this_machine, register = register, args.register or register
    if state is None or not Path(state).exists():
        return _out(args, {"error": "no central store is set up"},
                    "no central store is set up: start it with integrations/medusa/medusa.sh "
                    "start or set [medusa] state in the config", 3)
    ids = read_state(Path(state))
    try:
        store = credentials if credentials is not None else default_store()
        if args.action == "status":
            return _status(args, Path(state), ids, register, store)
        if args.action == "forget":
            gone = enrolment.forget(ids, register, store)
            return _out(args, {"register": register, "forgotten": gone, "kept_in": store.describe()},
                        f"register {register}: key {'removed from' if gone else 'not kept in'} "
                        f"{store.describe()}", 0 if gone else 1)
        login = _admin_login(args)
        if login is None:
            return _out(args, {"error": "no admin login"},
                        "the central store's admin login is needed: --admin-email (or "
                        "$MEDUSA_ADMIN_EMAIL) and the password ($MEDUSA_ADMIN_PASSWORD, "
                        "--password-stdin or the prompt)", 2)
        admin = MedusaClient(ids["url"], auth=login)
        if args.action == "enroll":
            done = enrolment.enrol(admin, ids, register, store, replace=args.replace)
            data = {"register": done.register, "key_id": done.key_id, "kept_in": done.kept_in,
                    "replaced": list(done.replaced)}
            other = ""
            if done.register != this_machine:  # a key kept here that this till never uses
                other = (f"\nnote: this machine is register {this_machine}, which stays as it "
                         f"was; the key is for a till configured as {done.register} "
                         f"(POS_REGISTER_ID={done.register} or [register] id)")
                data["warning"] = other.strip()
            return _out(args, data, f"register {done.register} enrolled: key {done.key_id}, kept "
                        f"in {done.kept_in}" + (f"; revoked {', '.join(done.replaced)}"
                                                if done.replaced else "") + other, 0)
        if args.action == "revoke":
            revoked = enrolment.revoke(admin, register)
            gone = enrolment.forget(ids, register, store) if args.forget else False
            return _out(args, {"register": register, "revoked": revoked, "forgotten": gone},
                        f"register {register}: revoked {', '.join(revoked)}"
                        + ("; this machine's copy removed" if gone else ""), 0)
        keys = enrolment.registers(admin)
        return _out(args, [{"register": k.register, "key_id": k.key_id,
                            "created_at": k.created_at, "revoked_at": k.revoked_at,
                            "active": k.active} for k in keys],
                    "\n".join(f"{k.register:<10} {k.key_id:<32} created {k.created_at}  "
                              + ("active" if k.active else f"revoked {k.revoked_at}")
                              for k in keys) or "no register keys", 0)
    except MedusaUnavailable as e:
        return _out(args, {"error": str(e)}, f"the central store cannot be reached: {e}", 3)
    except MedusaAuthRefused as e:
        return _out(args, {"error": str(e)}, str(e), 1)
    except (enrolment.EnrolmentError, CredentialStoreError, MedusaError) as e:
        return _out(args, {"error": str(e)}, str(e), 1)


def _status(args: argparse.Namespace, state: Path, ids: dict[str, Any], register: str,
            store: CredentialStore) -> int:
    data: dict[str, Any] = {"register": register, "central_store": ids["url"],
                            "kept_in": store.describe(),
                            "enrolled": store.get(key_name(ids, register)) is not None}
    client = MedusaStore.for_register(state, register, credentials=store, retries=0).client
    try:
        client.login()
        data.update(accepted=True, mode=getattr(client.auth, "mode", ""))
        text, code = f"register {register}: enrolled, the central store accepts its key", 0
    except NotEnrolled:
        data.update(accepted=False, code="central.not_enrolled")
        text, code = f"register {register}: not enrolled (no key in {store.describe()})", 1
    except MedusaAuthRefused:
        data.update(accepted=False, code="central.register_revoked")
        text, code = (f"register {register}: the central store refuses its key (revoked): "
                      f"enrol it again", 1)
    except MedusaUnavailable as e:
        data.update(accepted=None, code="central.unreachable")
        text, code = f"register {register}: the central store cannot be reached: {e}", 3
    if code != 0:
        data["error"] = text
    return _out(args, data, text, code)


def _admin_login(args: argparse.Namespace) -> AdminLogin | None:
    email = args.admin_email or os.environ.get("MEDUSA_ADMIN_EMAIL", "")
    password = os.environ.get("MEDUSA_ADMIN_PASSWORD", "")
    if not password and args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif not password and sys.stdin.isatty():
        if not email:
            email = input("Central store admin e-mail: ").strip()
        password = getpass.getpass(f"Password for {email}: ")
    if not email or not password:
        return None
    return AdminLogin(email, password)


def _out(args: argparse.Namespace, data: Any, text: str, code: int) -> int:
    """``data`` as JSON with --json, else ``text``; a failure's sentence always on stderr (with
    --json, ``data["error"]`` is that sentence)."""
    if code != 0 and isinstance(data, dict):
        data = {**data, "error": text}
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif code == 0:
        print(text)
    if code != 0:
        print(f"pos: {text}", file=sys.stderr)
    return code
