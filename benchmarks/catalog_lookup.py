"""The catalogue cache under load: N generated variants, then timed lookups and searches.

Every figure is wall-clock through ``CatalogRepository`` (what the till calls), in one session,
warm cache. Names are built from Swedish word lists so prefix searches hit realistic spreads: a
one-letter prefix matches a large share of the catalogue, three words match a handful.
"""
from __future__ import annotations

import os
import platform
import random
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from pos.catalog import Variant
from pos.db.catalog_repository import CatalogRepository
from pos.db.engine import make_engine
from pos.db.migrate import upgrade
from pos.db.session import session_factory
from pos.gtin import with_check_digit
from pos.vat import VatRate

ROOT = Path(__file__).resolve().parent.parent

KINDS = ("Tröja", "Skjorta", "Byxor", "Jeans", "Klänning", "Kjol", "Jacka", "Kappa", "Väst", "Mössa",
         "Vantar", "Halsduk", "Strumpor", "Kängor", "Sneakers", "Stövlar", "Tofflor", "Handduk",
         "Påslakan", "Örngott", "Pläd", "Kudde", "Gardin", "Matta", "Lampa", "Vas", "Kopp", "Skål",
         "Tallrik", "Glas", "Kastrull", "Stekpanna", "Kniv", "Skärbräda", "Ljus", "Pussel", "Gosedjur",
         "Spel", "Docka", "Bil", "Kaffe", "Te", "Choklad", "Knäckebröd", "Sylt", "Saft", "Kakor",
         "Honung", "Senap", "Sill", "Bok", "Tidning", "Kalender", "Anteckningsbok", "Penna", "Väska",
         "Ryggsäck", "Plånbok", "Bälte", "Solglasögon")
MODELS = ("Bas", "Ull", "Linne", "Skärgård", "Fjäll", "Norrland", "Göteborg", "Stockholm", "Malmö",
          "Åre", "Öland", "Gotland", "Dalarna", "Lappland", "Småland", "Värmland", "Halland", "Klassisk",
          "Modern", "Retro", "Ekologisk", "Återvunnen", "Mjuk", "Varm", "Lätt", "Stor", "Liten",
          "Randig", "Rutig", "Prickig", "Blommig", "Sammet", "Läder", "Trä", "Glas", "Stengods",
          "Mörkrost", "Mellanrost", "Lingon", "Hjortron", "Blåbär", "Jordgubb", "Fläder", "Kanel",
          "Vanilj", "Mint", "Salt", "Söt", "Stark", "Mild")
COLOURS = ("svart", "vit", "blå", "grön", "röd", "grå", "beige", "marinblå", "rosa", "gul", "brun",
           "ljusblå", "vinröd", "olivgrön", "natur", "senap")
SIZES = ("XS", "S", "M", "L", "XL", "36", "38", "40", "42", "44", "46", "")
RATES = (VatRate.STANDARD,) * 8 + (VatRate.FOOD, VatRate.REDUCED)
PRICES = (4990, 9900, 12950, 19900, 24900, 29900, 39900, 49900, 69900, 89900, 129900, 249900)


def generate(rows: int, seed: int = 1) -> Iterator[Variant]:
    """``rows`` variants with unique EAN-13s (prefix 73), SKUs and ids, names from the word lists.
    Ids grow like the time-ordered ids (ULIDs) a central store hands out."""
    rng = random.Random(seed)
    choice = rng.choice
    for i in range(rows):
        kind, model, colour, size = choice(KINDS), choice(MODELS), choice(COLOURS), choice(SIZES)
        name = f"{kind} {model}, {colour}" + (f", {size}" if size else "") + f" {i % 997}"
        yield Variant(f"var_{i:08d}", f"BEN-{i:08d}", with_check_digit(f"73{i:010d}"), name,
                      choice(PRICES), choice(RATES), f"prod_{i // 8:07d}", f"{kind} {model}",
                      size, colour)


def _stats(label: str, samples_s: list[float]) -> None:
    ms = sorted(s * 1000 for s in samples_s)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print(f"  {label:<34} median {statistics.median(ms):8.3f} ms   p99 {p99:8.3f} ms   "
          f"max {ms[-1]:8.3f} ms   (n={len(ms)})")


def _time(fn: Callable[[str], object], inputs: list[str]) -> list[float]:
    out = []
    for x in inputs:
        t = time.perf_counter()
        fn(x)
        out.append(time.perf_counter() - t)
    return out


@contextmanager
def _database(db: str, url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    if db == "sqlite":
        with tempfile.TemporaryDirectory(prefix="pos-bench-") as d:
            yield f"sqlite:///{d}/bench.sqlite3"
        return
    server = os.environ.get("POS_TEST_PG_URL") or subprocess.run(
        ["bash", str(ROOT / "scripts" / "postgres.sh"), "start"], check=True, capture_output=True,
        text=True).stdout.strip().splitlines()[-1]
    name = f"pos_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(make_url(server).set(database="postgres"), isolation_level="AUTOCOMMIT",
                          poolclass=NullPool)
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0')
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def _queries(rng: random.Random, words: int, n: int) -> list[str]:
    """Type-ahead as a cashier types it: ``words`` words of a real name, the last one cut short."""
    out = []
    for _ in range(n):
        parts = [rng.choice(KINDS), rng.choice(MODELS), rng.choice(COLOURS)][:words]
        parts = [p.lower() for p in parts]
        parts[-1] = parts[-1][: rng.randint(1, min(3, len(parts[-1])))]
        out.append(" ".join(parts))
    return out


def run(rows: int = 1_000_000, db: str = "sqlite", url: str | None = None, queries: int = 500,
        seed: int = 1) -> None:
    with _database(db, url) as db_url:
        engine = make_engine(db_url)
        upgrade(engine)
        sf = session_factory(engine)
        print(f"catalogue benchmark: {rows:,} variants on {engine.dialect.name} "
              f"({engine.dialect.server_version_info}), Python {platform.python_version()}, "
              f"{os.cpu_count()} CPUs")

        t = time.perf_counter()
        variants = list(generate(rows, seed))
        print(f"  generating the variants in memory {time.perf_counter() - t:8.1f} s (not counted)")
        t = time.perf_counter()
        with sf() as s, s.begin():
            written = CatalogRepository(s).bulk_upsert(variants)
        import_s = time.perf_counter() - t
        print(f"  import (bulk_upsert + commit)     {import_s:8.1f} s   ({written / import_s:,.0f} rows/s)")
        t = time.perf_counter()
        with sf() as s, s.begin():
            CatalogRepository(s).bulk_upsert(variants[: rows // 10])
        print(f"  re-import of {rows // 10:,} (all updates) {time.perf_counter() - t:8.1f} s")
        del variants
        t = time.perf_counter()
        with engine.begin() as c:  # what autovacuum (PostgreSQL) or the app (SQLite) would do
            c.exec_driver_sql("ANALYZE variants" if engine.dialect.name == "postgresql" else "ANALYZE")
        print(f"  ANALYZE                           {time.perf_counter() - t:8.1f} s")

        rng = random.Random(seed + 1)
        picks = [rng.randrange(rows) for _ in range(queries)]
        eans = [with_check_digit(f"73{i:010d}") for i in picks]
        skus = [f"ben-{i:08d}" for i in picks]  # typed in lower case
        with sf() as s:
            repo = CatalogRepository(s)
            repo.by_code(eans[0])  # warm up
            assert all(repo.by_code(e) is not None for e in eans[:20])
            _stats("EAN-13 lookup (by_code)", _time(repo.by_code, eans))
            _stats("SKU lookup, any case (by_code)", _time(repo.by_code, skus))
            _stats("unknown EAN (by_code)",
                   _time(repo.by_code, [with_check_digit(f"74{i:010d}") for i in picks]))
            for words in (1, 2, 3):
                qs = _queries(rng, words, queries)
                hits = [len(repo.search(q)) for q in qs[:20]]
                _stats(f"search {words} word{'s' if words > 1 else ''} (limit 20)",
                       _time(repo.search, qs))
                print(f"      e.g. {qs[0]!r} -> {hits[0]} hits")
            broad = ["s", "b", "k", "t", "m"] * (queries // 5 or 1)
            _stats("search one letter (broadest)", _time(repo.search, broad))
        engine.dispose()
