"""``sync`` for scripts: --json after the subcommand, JSON objects all the way down, failures told
on stderr with their exit code."""
import argparse
import json

import main
from pos.db.repositories import OutboxRepository
from pos.sync.cli import cmd_sync, cmd_sync_status
from pos.sync.sale_events import enqueue_sale
from tests.sync.fakes import FakeStore, as_commerce_store
from tests.sync.test_outbox import make_sale


class Ctx:
    def __init__(self, sf):
        self.session_factory = sf


def parse(*argv: str) -> argparse.Namespace:
    return main.parser().parse_args(list(argv))


class Unreachable(FakeStore):
    def iter_variants(self, *a, **kw):
        from pos.ports import CommerceUnavailable
        raise CommerceUnavailable("connection refused")


def test_json_after_sync_gives_json_and_a_failed_delivery_is_an_object(session_factory, capsys):
    store = FakeStore()
    store.refuse.add("sale:sale-0001")
    with session_factory() as s, s.begin():
        enqueue_sale(OutboxRepository(s), make_sale(1), "store-gbg")
    args = parse("sync", "outbox", "--json")
    assert args.json is True
    assert cmd_sync(args, Ctx(session_factory), as_commerce_store(store)) == 1
    out, err = capsys.readouterr()
    failed = json.loads(out)["outbox"]["failed"]
    assert failed == [{"key": "sale:sale-0001", "error": failed[0]["error"]}]
    assert "unknown to the central store" in failed[0]["error"]
    assert "not delivered" in err and "sale:sale-0001" in err
    assert json.loads(out)["error"]


def test_an_unreachable_store_exits_3_and_says_so_on_stderr(session_factory, capsys):
    ctx = Ctx(session_factory)
    assert cmd_sync(parse("sync", "catalog"), ctx, as_commerce_store(Unreachable())) == 3
    out, err = capsys.readouterr()
    assert "cannot be reached" in err and "cannot be reached" not in out
    assert cmd_sync(parse("sync", "catalog", "--json"), ctx, as_commerce_store(Unreachable())) == 3
    out, err = capsys.readouterr()
    assert "cannot be reached" in json.loads(out)["error"] and "cannot be reached" in err


class Revoked(FakeStore):
    def iter_variants(self, *a, **kw):
        from pos.ports import CentralAccessRefused
        raise CentralAccessRefused("central.register_revoked", "K1")


def test_a_revoked_register_is_told_so_not_that_the_store_cannot_be_reached(session_factory,
                                                                             capsys):
    ctx = Ctx(session_factory)
    assert cmd_sync(parse("sync", "catalog", "--json"), ctx, as_commerce_store(Revoked())) == 3
    out, err = capsys.readouterr()
    said = json.loads(out)
    assert said["code"] == "central.register_revoked"
    assert "K1" in said["error"] and "revoked" in said["error"]
    assert "cannot be reached" not in said["error"] and "cannot be reached" not in err


def test_status_times_are_instants_and_the_last_error_an_object(session_factory, capsys):
    store = FakeStore()
    store.down = 5
    with session_factory() as s, s.begin():
        enqueue_sale(OutboxRepository(s), make_sale(1), "store-gbg")
    cmd_sync(parse("sync", "outbox"), Ctx(session_factory), as_commerce_store(store))
    capsys.readouterr()
    assert cmd_sync_status(parse("sync", "status", "--json"), Ctx(session_factory)) == 0
    outbox = json.loads(capsys.readouterr().out)["outbox"]
    assert outbox["last_error"]["key"] == "sale:sale-0001"
    assert "connection refused" in outbox["last_error"]["message"]
    assert outbox["next_attempt_at"].endswith("+00:00")
