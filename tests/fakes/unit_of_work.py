"""An in-memory unit of work for fast unit tests of the use cases: the same repositories' methods
over dictionaries, with commit and rollback (what is not committed is dropped when the block
ends, as in the real one)."""
from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from pos.catalog import Variant
from pos.journal import GENESIS, JournalEntry, make_entry
from pos.sales import Sale
from pos.services.unit_of_work import UnitOfWork
from pos.shifts import CashMovement, ShiftCounters, ShiftInfo
from pos.staff import LoginState, StaffMember


@dataclass
class Data:
    registers: dict[str, SimpleNamespace] = field(default_factory=dict)
    staff: dict[str, tuple[StaffMember, str, LoginState]] = field(default_factory=dict)
    inactive_staff: set[str] = field(default_factory=set)
    default_discount_limit: Any = None  # Decimal | None (store_settings)
    shifts: dict[int, dict[str, Any]] = field(default_factory=dict)
    movements: list[tuple[int, CashMovement]] = field(default_factory=list)
    sales: dict[str, Sale] = field(default_factory=dict)
    printed: set[str] = field(default_factory=set)
    copies: set[str] = field(default_factory=set)
    open_carts: dict[str, tuple[dict, dict | None]] = field(default_factory=dict)
    parked: dict[int, SimpleNamespace] = field(default_factory=dict)
    attempts: dict[str, SimpleNamespace] = field(default_factory=dict)
    journal: list[JournalEntry] = field(default_factory=list)
    variants: dict[str, Variant] = field(default_factory=dict)
    outbox: dict[str, tuple[str, dict]] = field(default_factory=dict)
    sync_state: dict[str, tuple[str, datetime]] = field(default_factory=dict)
    cards: dict[str, tuple[dict, datetime]] = field(default_factory=dict)
    deliveries: dict[str, Any] = field(default_factory=dict)
    invoices: dict[str, Any] = field(default_factory=dict)
    invoice_series: dict[str, int] = field(default_factory=dict)
    ids: Any = field(default_factory=lambda: itertools.count(1))


class _Repo:
    def __init__(self, uow: "FakeUnitOfWork"):
        self.uow = uow

    @property
    def d(self) -> Data:
        return self.uow.data


class Registers(_Repo):
    def ensure(self, register_id, name=""):
        return self.d.registers.setdefault(register_id, SimpleNamespace(
            id=register_id, name=name, next_receipt_no=1, z_count=0, grand_total=0,
            journal_head_seq=0, journal_head_hash=GENESIS))

    def lock(self, register_id):
        return self.d.registers[register_id]

    def get(self, register_id):
        return self.d.registers.get(register_id)

    def ids(self):
        return sorted(self.d.registers)


class Staff(_Repo):
    def add(self, member, pin_hash):
        self.d.staff[member.id] = (member, pin_hash, LoginState())

    def active(self):
        return sorted((m for m, _, _ in self.d.staff.values()
                       if m.id not in self.d.inactive_staff), key=lambda m: m.name)

    def with_hash(self, staff_id):
        found = self.d.staff.get(staff_id)
        if staff_id in self.d.inactive_staff:
            return None
        return None if found is None else (found[0], found[1], copy.copy(found[2]))

    def managers_with_hash(self):
        return [(m, h, copy.copy(s)) for m, h, s in self.d.staff.values() if m.is_manager]

    def save_login_state(self, staff_id, state):
        m, h, _ = self.d.staff[staff_id]
        self.d.staff[staff_id] = (m, h, copy.copy(state))

    def records(self):
        from pos.staff import StaffRecord
        return sorted((StaffRecord(m, m.id not in self.d.inactive_staff, s.failed_attempts,
                                   s.locked_until) for m, _, s in self.d.staff.values()),
                      key=lambda r: (r.member.name, r.member.id))

    def record(self, staff_id):
        return next((r for r in self.records() if r.member.id == staff_id), None)

    def set_pin_hash(self, staff_id, pin_hash):
        m, _, s = self.d.staff[staff_id]
        self.d.staff[staff_id] = (m, pin_hash, s)

    def update(self, staff_id, *, name=None, role=None, active=None):
        m, h, s = self.d.staff[staff_id]
        self.d.staff[staff_id] = (replace(m, name=name or m.name, role=role or m.role), h, s)
        if active is not None:
            (self.d.inactive_staff.discard if active else self.d.inactive_staff.add)(staff_id)

    def set_discount_limit(self, staff_id, limit):
        m, h, s = self.d.staff[staff_id]
        self.d.staff[staff_id] = (replace(m, discount_limit=limit), h, s)

    def default_discount_limit(self):
        return self.d.default_discount_limit

    def set_default_discount_limit(self, limit):
        self.d.default_discount_limit = limit


class Shifts(_Repo):
    def _info(self, row):
        return ShiftInfo(row["id"], row["register_id"], row["opened_by"], row["opened_at"],
                         row["opening_float"], row["closed_at"], row["counted_cash"])

    def current(self, register_id):
        rows = [r for r in self.d.shifts.values()
                if r["register_id"] == register_id and r["closed_at"] is None]
        return self._info(rows[-1]) if rows else None

    def get(self, shift_id):
        row = self.d.shifts.get(shift_id)
        return self._info(row) if row else None

    def create(self, register_id, by, at, opening_float):
        sid = len(self.d.shifts) + 1
        self.d.shifts[sid] = {"id": sid, "register_id": register_id, "opened_by": by,
                              "opened_at": at, "opening_float": opening_float,
                              "closed_at": None, "counted_cash": None, "z_number": None,
                              "counters": ShiftCounters()}
        return self._info(self.d.shifts[sid])

    def close(self, shift_id, by, at, counted_cash, z_number):
        self.d.shifts[shift_id].update(closed_at=at, counted_cash=counted_cash, z_number=z_number)

    def bump_counter(self, shift_id, counter):
        row = self.d.shifts[shift_id]
        row["counters"] = replace(row["counters"], **{counter: getattr(row["counters"], counter) + 1})

    def counters(self, shift_id):
        return self.d.shifts[shift_id]["counters"]

    def add_movement(self, shift_id, amount, reason, by, at):
        self.d.movements.append((shift_id, CashMovement(amount, reason, by, at)))

    def movements(self, shift_id):
        return [m for s, m in self.d.movements if s == shift_id]


class Sales(_Repo):
    def add(self, sale):
        self.d.sales[sale.id] = sale

    def get(self, sale_id):
        return self.d.sales.get(sale_id)

    def by_receipt(self, register_id, receipt_no):
        return next((s for s in self.d.sales.values()
                     if s.register_id == register_id and s.receipt_no == receipt_no), None)

    def of_shift(self, shift_id):
        return sorted((s for s in self.d.sales.values() if s.shift_id == shift_id),
                      key=lambda s: s.receipt_no)

    def recent(self, register_id, limit=50):
        found = [s for s in self.d.sales.values() if register_id in (None, s.register_id)]
        return sorted(found, key=lambda s: (s.completed_at, s.receipt_no), reverse=True)[:limit]

    def completed_between(self, start, end):
        return sorted((s for s in self.d.sales.values() if start <= s.completed_at < end),
                      key=lambda s: (s.completed_at, s.register_id, s.receipt_no))

    def lock(self, sale_id):
        pass

    def of_customer(self, customer_id, limit=20):
        found = [s for s in self.d.sales.values() if s.customer_id == customer_id]
        return sorted(found, key=lambda s: (s.completed_at, s.receipt_no), reverse=True)[:limit]

    def returns_of(self, code):
        return sorted((s for s in self.d.sales.values()
                       if any(ln.returned_from and ln.returned_from.code == code
                              for ln in s.lines)), key=lambda s: s.completed_at)

    def returns(self, since=None, limit=200):
        found = [s for s in self.d.sales.values() if s.return_lines
                 and (since is None or s.completed_at >= since)]
        return sorted(found, key=lambda s: s.completed_at, reverse=True)[:limit]

    def by_web_cart(self, web_cart_id):
        return next((s for s in sorted(self.d.sales.values(), key=lambda s: s.completed_at)
                     if s.web_cart_id == web_cart_id), None)

    def take_copy(self, sale_id):
        if sale_id in self.d.copies:
            return False
        self.d.copies.add(sale_id)
        return True

    def give_back_copy(self, sale_id):
        self.d.copies.discard(sale_id)

    def mark_printed(self, sale_id):
        self.d.printed.add(sale_id)

    def unprinted(self, register_id):
        return [s.id for s in sorted(self.d.sales.values(), key=lambda s: s.receipt_no)
                if s.register_id == register_id and s.id not in self.d.printed]


class Carts(_Repo):
    def save_open(self, register_id, cart, payment, at):
        self.d.open_carts[register_id] = (copy.deepcopy(cart), copy.deepcopy(payment))

    def holding_web_cart(self, web_cart_id):
        return [r for r, (cart, _) in self.d.open_carts.items()
                if (cart.get("web_cart") or {}).get("id") == web_cart_id]

    def load_open(self, register_id):
        saved = self.d.open_carts.get(register_id)
        return copy.deepcopy(saved) if saved else None

    def park(self, register_id, by, at, note, total, item_count, cart):
        pid = next(self.d.ids)
        self.d.parked[pid] = SimpleNamespace(id=pid, register_id=register_id, parked_by=by,
                                             parked_at=at, note=note, total=total,
                                             item_count=item_count, cart=copy.deepcopy(cart))
        return pid

    def parked(self, register_id):
        return [p for p in self.d.parked.values() if p.register_id == register_id]

    def take_parked(self, parked_id):
        row = self.d.parked.pop(parked_id, None)
        return None if row is None else row.cart


class Attempts(_Repo):
    def add(self, attempt_id, register_id, kind, amount, at, method="card"):
        self.d.attempts[attempt_id] = SimpleNamespace(id=attempt_id, register_id=register_id,
                                                      kind=kind, method=method, amount=amount,
                                                      status="sent", result={}, used=False)

    def update(self, attempt_id, status, result, at, used=None):
        row = self.d.attempts[attempt_id]
        row.status, row.result = status, result
        if used is not None:
            row.used = used

    def unresolved(self, register_id):
        return [a for a in self.d.attempts.values()
                if a.register_id == register_id and a.status in ("sent", "unknown")]

    def get(self, attempt_id):
        return self.d.attempts.get(attempt_id)


class Journal(_Repo):
    def append(self, register_id, ts, kind, payload):
        reg = self.d.registers[register_id]
        entry = make_entry((reg.journal_head_seq, reg.journal_head_hash), ts, register_id, kind,
                           payload)
        self.d.journal.append(entry)
        reg.journal_head_seq, reg.journal_head_hash = entry.seq, entry.hash
        return entry

    def record(self, register_id, at, kind, payload, user):
        return self.append(register_id, at.isoformat(), kind, {"user": user, **payload})

    def entries(self, register_id):
        return iter([e for e in self.d.journal if e.register_id == register_id])

    def of_kinds(self, kinds, register_id=None, limit=1000):
        found = [e for e in self.d.journal
                 if e.kind in kinds and register_id in (None, e.register_id)]
        return sorted(found, key=lambda e: (e.ts, e.seq), reverse=True)[:limit]

    def head(self, register_id):
        reg = self.d.registers.get(register_id)
        return (reg.journal_head_seq, reg.journal_head_hash) if reg else (0, GENESIS)

    def count(self, register_id, kind=None):
        return sum(1 for e in self.d.journal
                   if e.register_id == register_id and kind in (None, e.kind))


class Catalog(_Repo):
    def by_code(self, code):
        return next((v for v in self.d.variants.values() if code in (v.ean, v.sku)), None)

    def by_id(self, variant_id):
        return self.d.variants.get(variant_id)

    def search(self, text, limit=20):
        words = text.lower().split()
        return [v for v in self.d.variants.values()
                if all(w in v.name.lower() for w in words)][:limit]

    def search_within(self, text, limit=20):
        words = text.lower().replace("-", "").split()
        return [v for v in self.d.variants.values()
                if all(w in v.name.lower().replace("-", "").replace(" ", "") for w in words)
                ][:limit]

    def count(self):
        return len(self.d.variants)

    def bulk_upsert(self, variants):
        n = 0
        for v in variants:
            self.d.variants[v.id] = v
            n += 1
        return n

    def set_stock(self, levels):
        return 0

    def adjust_stock(self, variant_id, location_id, delta):
        return False

    def stocked_at(self, location_id):
        return []


class Outbox(_Repo):
    def add(self, kind, key, payload, now):
        if key in self.d.outbox:
            return False
        self.d.outbox[key] = (kind, copy.deepcopy(payload))
        return True

    def by_key(self, key):
        if key not in self.d.outbox:
            return None
        kind, payload = self.d.outbox[key]
        return SimpleNamespace(key=key, kind=kind, payload=payload, status="pending")

    def open_of_kind(self, kind):
        return [copy.deepcopy(p) for k, p in self.d.outbox.values() if k == kind]


class SyncState(_Repo):
    def get(self, name):
        found = self.d.sync_state.get(name)
        return found[0] if found else None

    def set(self, name, value, now):
        self.d.sync_state[name] = (value, now)

    def all(self):
        return dict(self.d.sync_state)


class CustomerCards(_Repo):
    def remember(self, card, customer, now):
        self.d.cards[card] = (copy.deepcopy(customer), now)

    def customer(self, card):
        return self.d.cards.get(card)


class Deliveries(_Repo):
    def add(self, d, at):
        self.d.deliveries[d.sale_id] = d

    def for_sale(self, sale_id):
        return self.d.deliveries.get(sale_id)

    def by_ref(self, order_ref):
        return next((d for d in self.d.deliveries.values() if d.order_ref == order_ref), None)

    def recent(self, limit=50):
        return list(self.d.deliveries.values())[-limit:][::-1]

    def between(self, start, end, limit=500):
        return self.recent(len(self.d.deliveries))[:limit]  # the fake keeps no times


class Invoices(_Repo):
    def take_number(self, series):
        no = self.d.invoice_series.get(series, 1)
        self.d.invoice_series[series] = no + 1
        return no

    def add(self, inv, at):
        self.d.invoices[inv.number] = inv

    def get(self, number):
        return self.d.invoices.get(number)

    def by_ocr(self, ocr):
        return next((i for i in self.d.invoices.values() if i.ocr == ocr), None)

    def of_customer(self, customer_id):
        return sorted((i for i in self.d.invoices.values() if i.buyer.customer_id == customer_id),
                      key=lambda i: i.number)

    def unpaid(self, limit=200):
        return sorted((i for i in self.d.invoices.values() if i.amount_due > 0 and i.sale_id),
                      key=lambda i: i.due_on)[:limit]

    def attach_sale(self, number, sale_id, receipt_no, lines):
        self.d.invoices[number] = replace(self.d.invoices[number], sale_id=sale_id,
                                          receipt_no=receipt_no, lines=tuple(lines), vat=())

    def set_order(self, number, order_id):
        if number in self.d.invoices:
            self.d.invoices[number] = replace(self.d.invoices[number], order_id=order_id)

    def record_payment(self, number, amount, on, sale_id):
        inv = self.d.invoices[number].paid(amount, on)
        self.d.invoices[number] = inv
        return inv


class FakeUnitOfWork(UnitOfWork):
    def __init__(self, data: Data | None = None):
        self.data = data or Data()
        self._committed: Data | None = None
        self.commits = 0
        self.registers = Registers(self)  # type: ignore[assignment]
        self.staff = Staff(self)  # type: ignore[assignment]
        self.shifts = Shifts(self)  # type: ignore[assignment]
        self.sales = Sales(self)  # type: ignore[assignment]
        self.carts = Carts(self)  # type: ignore[assignment]
        self.attempts = Attempts(self)  # type: ignore[assignment]
        self.journal = Journal(self)  # type: ignore[assignment]
        self.catalog = Catalog(self)  # type: ignore[assignment]
        self.outbox = Outbox(self)  # type: ignore[assignment]
        self.sync_state = SyncState(self)  # type: ignore[assignment]
        self.customer_cards = CustomerCards(self)  # type: ignore[assignment]
        self.deliveries = Deliveries(self)  # type: ignore[assignment]
        self.invoices = Invoices(self)  # type: ignore[assignment]

    def __enter__(self) -> "FakeUnitOfWork":
        if self._committed is not None:
            raise RuntimeError("a unit of work is not re-entrant: finish one block before the next")
        self._committed = copy.deepcopy(self.data)
        return self

    def __exit__(self, *exc: object) -> None:
        committed, self._committed = self._committed, None
        if committed is not None:
            self.data = committed  # what was not committed is dropped

    def commit(self) -> None:
        self._committed = copy.deepcopy(self.data)
        self.commits += 1

    def rollback(self) -> None:
        if self._committed is not None:
            self.data = copy.deepcopy(self._committed)
