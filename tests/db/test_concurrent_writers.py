"""Two writers on one database, as the till and its outbox worker or catalogue sync are: a
transaction that read before another connection committed can still write. (With SQLite's default
deferred BEGIN the till's write failed at once with "database is locked".)"""
import threading
from datetime import datetime

from pos.db.repositories import SyncStateRepository


def test_a_transaction_that_read_first_still_writes_after_another_commit(session_factory):
    with session_factory() as s, s.begin():
        SyncStateRepository(s).set("till", "0", datetime.now())
    read_done = threading.Event()
    errors: list[BaseException] = []

    def till() -> None:
        try:
            with session_factory() as s, s.begin():
                assert SyncStateRepository(s).get("till") == "0"  # the till reads ...
                read_done.set()
                threading.Event().wait(0.3)  # ... the sync commits meanwhile (or waits) ...
                SyncStateRepository(s).set("till", "1", datetime.now())  # ... and the till writes
        except BaseException as e:  # noqa: BLE001
            errors.append(e)
            read_done.set()

    def sync() -> None:
        read_done.wait(5)
        try:
            with session_factory() as s, s.begin():
                SyncStateRepository(s).set("sync", "page 1", datetime.now())
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=till), threading.Thread(target=sync)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(15)
    assert not errors, errors
    with session_factory() as s:
        assert SyncStateRepository(s).get("till") == "1" and SyncStateRepository(s).get("sync") == "page 1"
