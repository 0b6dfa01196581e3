import random
import threading
import time
from datetime import datetime, timedelta

from pos.db.repositories import OutboxRepository
from pos.db.unit_of_work import SqlUnitOfWork
from pos.payment_methods import CARD
from pos.payments import Tender
from pos.queries.outbox import outbox_status
from pos.sales import Sale, SaleLine
from pos.sync.outbox import STORE_ORDER, Backoff, OutboxWorker, enqueue, retry_dead
from pos.sync.sale_events import enqueue_sale, sale_key, sale_order_payload
from pos.vat import VatRate
from tests.sync.fakes import FakeStore

T0 = datetime(2026, 11, 23, 9, 0, 0)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def make_sale(n: int, total: int = 19900) -> Sale:
    line = SaleLine(variant_id="var_1", sku=f"SKU-{n}", ean="7350000000001", name="T-shirt",
                    quantity=1, unit_price=total, original_price=None, discount=0, total=total,
                    vat_rate=VatRate.STANDARD)
    return Sale(id=f"sale-{n:04d}", register_id="K1", receipt_no=n, shift_id=1, cashier_id="u1",
                cashier_name="Kim", completed_at=T0, lines=(line,),
                tenders=(Tender(CARD, total),), total=total, discount=0, rounding=0)


def queue(sf, *sales: Sale, now: datetime = T0) -> None:
    with sf() as s, s.begin():
        for sale in sales:
            enqueue(OutboxRepository(s), STORE_ORDER, sale_key(sale.id), sale_order_payload(sale, "store-gbg"), now)


def worker(sf, store, clock, **kw):
    return OutboxWorker(SqlUnitOfWork(sf), store, clock, rng=random.Random(7), **kw)


def test_a_message_is_part_of_the_callers_transaction(session_factory):
    with session_factory() as s:
        with s.begin():
            assert enqueue_sale(OutboxRepository(s), make_sale(1), "store-gbg") == "sale:sale-0001"
            assert enqueue_sale(OutboxRepository(s), make_sale(1), "store-gbg") == "sale:sale-0001"  # idempotent
        s.begin()
        enqueue_sale(OutboxRepository(s), make_sale(2), "store-gbg")
        s.rollback()  # the sale was not stored: neither is its message
    with session_factory() as s:
        assert outbox_status(SqlUnitOfWork(session_factory), T0).counts["pending"] == 1
        row = OutboxRepository(s).by_key("sale:sale-0001")
        assert row is not None and row.kind == STORE_ORDER


def test_delivers_oldest_first_and_marks_sent(session_factory):
    store, clock = FakeStore(), Clock()
    queue(session_factory, *(make_sale(i) for i in range(1, 6)))
    report = worker(session_factory, store, clock).run_once()
    assert report.sent == [f"sale:sale-{i:04d}" for i in range(1, 6)]
    assert store.calls == report.sent
    with session_factory() as s:
        st = outbox_status(SqlUnitOfWork(session_factory), clock())
        assert st.counts == {"pending": 0, "failed": 0, "sent": 5, "dead": 0}
        assert OutboxRepository(s).by_key("sale:sale-0003").remote_id == store.orders["sale:sale-0003"][0]
    assert worker(session_factory, store, clock).run_once().delivered == 0
    assert len(store.calls) == 5  # nothing is sent twice


def test_a_failing_head_blocks_its_kind_with_capped_backoff_then_recovers(session_factory):
    store, clock = FakeStore(), Clock()
    queue(session_factory, make_sale(1), make_sale(2))
    with session_factory() as s, s.begin():
        enqueue(OutboxRepository(s), "other", "other:1", {"x": 1}, T0)
    seen = []
    w = worker(session_factory, store, clock,
               handlers={STORE_ORDER: lambda st, p, k: st.create_store_order(
                   __import__("pos.commerce").commerce.StoreOrder.from_dict(p), k),
                   "other": lambda st, p, k: seen.append(k) or "ok"},
               backoff=Backoff(base=2, cap=30))
    store.down = 100
    report = w.run_once()
    assert report.failed and report.failed[0][0] == "sale:sale-0001"
    assert seen == ["other:1"]  # another kind is not held up
    assert store.calls == ["sale:sale-0001"]  # the second sale waits behind the first
    delays = []
    for _ in range(8):
        with session_factory() as s:
            row = OutboxRepository(s).by_key("sale:sale-0001")
            delays.append((row.next_attempt_at - clock()).total_seconds())
            assert row.status == "failed" and "connection refused" in row.last_error
        assert w.run_once().blocked_kinds == [STORE_ORDER]  # not due yet: no call
        clock.advance(delays[-1])
        w.run_once()
    assert len(store.calls) == 9
    # exponential (2, 4, 8, ...) with equal jitter: between half and all of it, capped at 30 s
    for n, d in enumerate(delays, start=1):
        raw = min(30, 2 * 2 ** (n - 1))
        assert raw / 2 <= d <= raw
    store.down = 0
    with session_factory() as s:
        clock.now = OutboxRepository(s).by_key("sale:sale-0001").next_attempt_at
    report = w.run_once()
    assert report.sent == ["sale:sale-0001", "sale:sale-0002"]
    assert len(store.orders) == 2


def test_a_lost_answer_after_the_store_committed_never_makes_a_second_order(session_factory):
    store, clock = FakeStore(), Clock()
    queue(session_factory, make_sale(1))
    store.lose_answers = 2
    w = worker(session_factory, store, clock)
    for _ in range(3):
        w.run_once()
        clock.advance(3600)
    assert store.calls == ["sale:sale-0001"] * 3
    assert len(store.orders) == 1
    with session_factory() as s:
        row = OutboxRepository(s).by_key("sale:sale-0001")
        assert row.status == "sent" and row.attempts == 3
        assert row.remote_id == store.orders["sale:sale-0001"][0]


def test_state_survives_a_restart(session_factory, engine):
    from pos.db.session import session_factory as make_factory

    store, clock = FakeStore(), Clock()
    queue(session_factory, make_sale(1), make_sale(2))
    store.lose_answers = 1  # the first worker dies not knowing whether sale 1 went through
    worker(session_factory, store, clock).run_once()
    # a new process: new engine, new session factory, new worker, same database
    from pos.db.engine import make_engine
    eng2 = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        clock.advance(3600)
        report = worker(make_factory(eng2), store, clock).run_once()
    finally:
        eng2.dispose()
    assert report.sent == ["sale:sale-0001", "sale:sale-0002"]
    assert sorted(store.orders) == ["sale:sale-0001", "sale:sale-0002"]


def test_a_permanent_error_goes_dead_after_max_attempts_and_stops_blocking(session_factory):
    store, clock = FakeStore(), Clock()
    queue(session_factory, make_sale(1), make_sale(2))
    store.refuse = {"sale:sale-0001"}
    w = worker(session_factory, store, clock, max_attempts=3)
    for _ in range(3):
        report = w.run_once()
        clock.advance(3600)
    assert report.dead == ["sale:sale-0001"] and report.sent == ["sale:sale-0002"]
    st = outbox_status(SqlUnitOfWork(session_factory), clock())
    assert st.counts["dead"] == 1 and st.counts["sent"] == 1
    assert st.last_error[0] == "sale:sale-0001" and "unknown" in st.last_error[1]
    store.refuse = set()  # fixed centrally
    assert retry_dead(SqlUnitOfWork(session_factory), now=clock()) == 1
    assert w.run_once().sent == ["sale:sale-0001"]


def test_status_reports_counts_age_and_last_error(session_factory):
    store, clock = FakeStore(), Clock()
    queue(session_factory, make_sale(1), now=T0)
    clock.advance(90)
    store.down = 1
    worker(session_factory, store, clock).run_once()
    st = outbox_status(SqlUnitOfWork(session_factory), clock())
    assert st.counts["failed"] == 1 and st.pending == 1
    assert st.oldest_pending_age == timedelta(seconds=90)
    assert "connection refused" in st.last_error[1]
    assert "1 failed" in st.summary()


def test_run_forever_delivers_in_a_thread_until_stopped(session_factory):
    store = FakeStore()
    from pos.sync.outbox import utc_now
    queue(session_factory, *(make_sale(i) for i in range(1, 4)), now=utc_now())
    stop = threading.Event()
    t = OutboxWorker(SqlUnitOfWork(session_factory), store).start_thread(stop, interval=0.05)
    deadline = time.monotonic() + 10
    while len(store.orders) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    stop.set()
    t.join(5)
    assert not t.is_alive()
    assert sorted(store.orders) == [f"sale:sale-{i:04d}" for i in range(1, 4)]
    assert len(store.calls) == 3


def test_the_payload_is_the_sale_as_a_store_order():
    from pos.commerce import StoreOrder

    sale = make_sale(7, total=12345)
    payload = sale_order_payload(sale, "store-gbg", sales_channel="store-gbg")
    order = StoreOrder.from_dict(payload)
    assert order.sale_id == sale.id and order.receipt_no == 7 and order.total == 12345
    assert order.lines[0].total == 12345 and order.lines[0].vat_rate == "25"
    assert order.tenders == (("card", 12345),)
    assert payload["sales_channel"] == "store-gbg"


def test_two_workers_on_one_outbox_never_send_a_message_twice(session_factory):
    """Tills sharing one database each run a worker: every message goes out exactly once."""
    from pos.sync.outbox import utc_now

    class SlowStore(FakeStore):
        def create_store_order(self, order, key):
            time.sleep(0.01)
            return super().create_store_order(order, key)

    store = SlowStore()
    queue(session_factory, *(make_sale(i) for i in range(1, 21)), now=utc_now())
    workers = [OutboxWorker(SqlUnitOfWork(session_factory), store) for _ in range(3)]
    errors = []

    def run(w):
        try:
            for _ in range(30):
                w.run_once()
        except Exception as e:  # noqa: BLE001
            errors.append(e)
    threads = [threading.Thread(target=run, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    assert sorted(store.calls) == sorted(set(store.calls))  # no key was sent twice
    assert len(store.orders) == 20
    assert outbox_status(SqlUnitOfWork(session_factory)).counts["sent"] == 20
