"""The back office's dashboard over a month of N sales: the figures added up from every sale read
as an object (``dashboard_from_sales``, the way it was) against the SQL GROUP BY queries
(``dashboard``, what the screen, the CSV and the PDF use now). Both must give the same figures;
the benchmark checks that before it prints the times.

The sales are written straight into the tables (100 000 through the till's use cases would take
an hour): three registers, a month of days, baskets of one to five lines at mixed VAT, cash and
card, one sale in 40 a return, web orders paid here, web carts and lines sent home among them.
"""
from __future__ import annotations

import json
import os
import platform
import random
import time
from datetime import date, datetime, timedelta

from sqlalchemy import insert

from benchmarks.catalog_lookup import _database
from pos.db.engine import make_engine
from pos.db.migrate import upgrade
from pos.db.models_delivery import SaleDeliveryRow
from pos.db.models_till import RegisterRow, SaleLineRow, SaleRow, SaleTenderRow, ShiftRow
from pos.db.session import session_factory
from pos.db.unit_of_work import SqlUnitOfWork
from pos.payment_methods import known_method
from pos.queries.dashboard import dashboard, dashboard_from_sales

FIRST = date(2026, 10, 1)
DAYS = 30
ARTICLES = [(f"ART-{i:03d}", f"Artikel {i}", 990 + 137 * i, ("25", "12", "6")[i % 3])
            for i in range(200)]
REGISTERS = ("K1", "K2", "K3")


def _rows(n: int, seed: int) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    rng = random.Random(seed)
    sales, lines, tenders, deliveries = [], [], [], []
    methods = {m: json.dumps({"method": known_method(m).to_dict()}) for m in ("cash", "card")}
    for i in range(n):
        reg = REGISTERS[i % 3]
        at = datetime.combine(FIRST, datetime.min.time()) + timedelta(
            days=i * DAYS // n, hours=9 + rng.randrange(10), minutes=rng.randrange(60))
        sale_id = f"S{i:08d}"
        is_return = i % 40 == 39
        web_cart = f"cart_{i}" if i % 97 == 5 else None
        total = discount = 0
        for no in range(1, (1 if is_return else rng.randint(1, 5)) + 1):
            sku, name, price, rate = rng.choice(ARTICLES)
            qty = rng.randint(1, 3)
            off = price * qty * 7 // 100 if rng.random() < 0.1 else 0
            line_total = price * qty - off
            ret = None
            if is_return:
                qty, line_total, off = -qty, -line_total, 0
                ret = json.dumps({"kind": "web_order" if i % 3 == 0 else "store_sale",
                                  "code": f"R-{i}", "line_key": "1", "units": -qty,
                                  "reason": "changed_mind"})
            order = f"order_{i}" if i % 113 == 7 else None
            lines.append({"sale_id": sale_id, "line_no": no, "variant_id": f"v_{sku}", "sku": sku,
                          "ean": "", "name": name, "quantity": qty, "unit_price": price,
                          "original_price": None, "discount": off, "total": line_total,
                          "vat_rate": rate, "promotions_json": "", "weight_g": None,
                          "order_id": order, "order_no": "1" if order else None,
                          "return_json": ret, "return_code": f"R-{i}" if ret else None})
            total += line_total
            discount += off
        method = "cash" if i % 2 else "card"
        tenders.append({"sale_id": sale_id, "idx": 1, "kind": method, "amount": total,
                        "received": total, "change": 0, "details_json": methods[method]})
        sales.append({"id": sale_id, "register_id": reg, "receipt_no": i + 1,
                      "shift_id": REGISTERS.index(reg) + 1, "cashier_id": "kim",
                      "cashier_name": "Kim", "completed_at": at, "total": total,
                      "discount": discount, "rounding": 0, "control_code": "",
                      "customer_id": None, "customer_name": "", "printed": True, "copies": 0,
                      "web_cart_id": web_cart})
        if i % 131 == 11 and not is_return:
            deliveries.append({"sale_id": sale_id, "order_ref": f"L-{reg}-{i:06d}",
                               "line_nos_json": "[1]", "address_json": "{}",
                               "location_id": "web-warehouse", "location_name": "Lager",
                               "shipping_fee": 0, "expected_on": at.date(), "customer_id": None,
                               "customer_email": None, "created_at": at})
    return sales, lines, tenders, deliveries


def _best(fn, repeat: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def run(sizes: tuple[int, ...] = (10_000, 100_000), db: str = "sqlite", url: str | None = None,
        repeat: int = 3, seed: int = 1) -> None:
    for n in sizes:
        with _database(db, url) as db_url:
            engine = make_engine(db_url)
            upgrade(engine)
            sf = session_factory(engine)
            sales, lines, tenders, deliveries = _rows(n, seed)
            with sf() as s, s.begin():
                for r in REGISTERS:
                    s.execute(insert(RegisterRow), [{"id": r, "name": r}])
                    s.execute(insert(ShiftRow), [{"register_id": r, "opened_by": "kim",
                                                  "opened_at": datetime(2026, 10, 1, 8),
                                                  "opening_float": 0}])
                for table, rows in ((SaleRow, sales), (SaleLineRow, lines),
                                    (SaleTenderRow, tenders), (SaleDeliveryRow, deliveries)):
                    for k in range(0, len(rows), 5000):
                        s.execute(insert(table), rows[k:k + 5000])
            last = FIRST + timedelta(days=DAYS - 1)
            uow = SqlUnitOfWork(sf)
            before, old = _best(lambda: dashboard_from_sales(uow, FIRST, last), repeat)
            after, new = _best(lambda: dashboard(uow, FIRST, last), repeat)
            if old != new:
                diff = [f for f in old.__dataclass_fields__ if getattr(old, f) != getattr(new, f)]
                raise AssertionError(f"the SQL's figures differ from the sales' own: {diff}\n"
                                     + "\n".join(f"{f}: {getattr(old, f)!r}\n  {getattr(new, f)!r}"
                                                  for f in diff))
            print(f"dashboard, a month of {n:,} sales ({len(lines):,} lines) on "
                  f"{engine.dialect.name}, Python {platform.python_version()}, "
                  f"{os.cpu_count()} CPUs, best of {repeat}:")
            print(f"  before (every sale read as an object) {before:8.2f} s")
            print(f"  after  (SQL GROUP BY)                 {after:8.2f} s   "
                  f"({before / after:.0f}x)")
            engine.dispose()
