"""The catalogue cache: barcode/SKU lookups, type-ahead name search, bulk import, stock.

Hands out ``pos.catalog.Variant`` and ``pos.stock.StockLevel``, never rows. Never commits: the
caller owns the transaction (``with session.begin():`` or a ``UnitOfWork``).

Search is "every word a prefix" on both databases. SQLite asks its FTS5 table (prefix index), and
PostgreSQL filters ``search_name LIKE '% word%'`` with a pg_trgm index. Either way only a bounded
set of candidates (``CANDIDATES``) is ranked, so a one-letter prefix matching half the catalogue
costs no more than a precise one.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from itertools import islice
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pos.catalog import Variant
from pos.db.models_catalog import StockLevelRow, VariantRow
from pos.gtin import looks_like_gtin
from pos.stock import StockLevel
from pos.vat import VatRate

CANDIDATES = 200  # matches ranked per search; more would cost time without helping a type-ahead
CHUNK = 5000
MAX_WORDS = 8

V = VariantRow.__table__
S = StockLevelRow.__table__
_WORD = re.compile(r"\w+")
_COLUMNS = ("id", "sku", "ean", "gtin14", "name", "search_name", "product_id", "product_name",
            "size", "colour", "price_ore", "vat_rate", "active", "updated_at")
_SELECT = [V.c.id, V.c.sku, V.c.ean, V.c.name, V.c.price_ore, V.c.vat_rate, V.c.product_id,
           V.c.product_name, V.c.size, V.c.colour, V.c.active]


def words(text_: str) -> list[str]:
    """The lower-cased words of ``text_`` as search sees them (letters incl. å ä ö, and digits)."""
    return _WORD.findall(text_.lower())


def search_name(name: str) -> str:
    """The text PostgreSQL searches: every word preceded by a space, so ``'% word%'`` is a prefix."""
    return "".join(" " + w for w in words(name))


def gtin14_of(ean: str) -> str | None:
    ean = ean.strip()
    return ean.zfill(14) if looks_like_gtin(ean) else None


def _variant(row: Any) -> Variant:
    return Variant(id=row.id, sku=row.sku, ean=row.ean, name=row.name, price=row.price_ore,
                   vat_rate=VatRate(row.vat_rate), product_id=row.product_id,
                   product_name=row.product_name, size=row.size, colour=row.colour,
                   active=bool(row.active))


def _row(v: Variant, now: datetime) -> dict[str, Any]:
    if not isinstance(v.price, int) or isinstance(v.price, bool):
        raise TypeError(f"price of {v.sku} must be int öre, not {type(v.price).__name__}")
    return {"id": v.id, "sku": v.sku, "ean": v.ean.strip(), "gtin14": gtin14_of(v.ean),
            "name": v.name, "search_name": search_name(v.name), "product_id": v.product_id,
            "product_name": v.product_name, "size": v.size, "colour": v.colour,
            "price_ore": v.price, "vat_rate": v.vat_rate.value, "active": v.active,
            "updated_at": now}


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fts_query(ws: list[str]) -> str:
    return " ".join('"' + w.replace('"', '""') + '"*' for w in ws)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class CatalogRepository:
    def __init__(self, session: Session):
        self.session = session
        self._dialect = session.get_bind().dialect.name

    # --- lookups ---------------------------------------------------------------------------------

    def by_code(self, code: str) -> Variant | None:
        """A scanned or typed code: a GTIN (8/12/13/14 digits, matched as GTIN-14 so a UPC-A scan
        finds the EAN-13 article) or else a SKU, case-insensitive. None when unknown."""
        code = code.strip()
        if not code:
            return None
        if looks_like_gtin(code):
            row = self.session.execute(
                select(*_SELECT).where(V.c.gtin14 == code.zfill(14)).order_by(V.c.id).limit(1)
            ).first()
            if row is not None:
                return _variant(row)
        row = self.session.execute(
            select(*_SELECT).where(func.lower(V.c.sku) == code.lower()).limit(1)).first()
        return _variant(row) if row is not None else None

    def by_id(self, variant_id: str) -> Variant | None:
        row = self.session.execute(select(*_SELECT).where(V.c.id == variant_id)).first()
        return _variant(row) if row is not None else None

    def count(self) -> int:
        return int(self.session.execute(select(func.count()).select_from(V)).scalar_one())

    # --- search ----------------------------------------------------------------------------------

    def search(self, text_: str, limit: int = 20) -> list[Variant]:
        """Type-ahead: active variants whose name has a word starting with every typed word
        (case-insensitive, å ä ö as letters). A typed SKU or barcode that matches exactly comes
        first. Among name matches, shorter names (closer matches) come first."""
        if limit <= 0:
            return []
        found: list[Variant] = []
        exact = self.by_code(text_) if text_.strip() and " " not in text_.strip() else None
        if exact is not None and exact.active:
            found.append(exact)
        ws = words(text_)[:MAX_WORDS]
        if ws:
            ids = self._name_matches(ws, limit + len(found))
            rows = self.session.execute(select(*_SELECT).where(V.c.id.in_(ids))).all() if ids else []
            by_id = {r.id: _variant(r) for r in rows}
            found += [by_id[i] for i in ids if i in by_id and (exact is None or i != exact.id)]
        return found[:limit]

    def _name_matches(self, ws: list[str], limit: int) -> list[str]:
        if self._dialect == "sqlite":
            sql = text(
                "SELECT v.id FROM (SELECT rowid AS rid FROM variants_fts WHERE variants_fts MATCH :q"
                " LIMIT :cand) c JOIN variants v ON v.rowid = c.rid WHERE v.active"
                " ORDER BY length(v.name), v.name, v.id LIMIT :lim")
            params: dict[str, Any] = {"q": _fts_query(ws), "cand": CANDIDATES, "lim": limit}
        else:
            conds = " AND ".join(f"search_name LIKE :w{i}" for i in range(len(ws)))
            sql = text(
                f"SELECT c.id FROM (SELECT id, name FROM variants WHERE active AND {conds}"
                " LIMIT :cand) c ORDER BY length(c.name), c.name, c.id LIMIT :lim")
            params = {f"w{i}": "% " + _like_escape(w) + "%" for i, w in enumerate(ws)}
            params.update(cand=CANDIDATES, lim=limit)
        return [r[0] for r in self.session.execute(sql, params)]

    # --- writes ----------------------------------------------------------------------------------

    def bulk_upsert(self, variants: Iterable[Variant]) -> int:
        """Insert new variants and update known ones (by id) in one pass; returns how many were
        written. Streams in chunks, so a million-row import never holds a million rows twice."""
        now = _now()
        rows = (_row(v, now) for v in variants)
        if self._dialect == "postgresql":
            return self._pg_copy_upsert(rows)
        ins = sqlite_insert(V) if self._dialect == "sqlite" else None
        if ins is None:
            raise NotImplementedError(f"bulk_upsert on {self._dialect}")
        stmt = ins.on_conflict_do_update(
            index_elements=[V.c.id],
            set_={c: ins.excluded[c] for c in _COLUMNS if c != "id"})
        conn = self.session.connection()
        n = 0
        for chunk in _chunks(rows, CHUNK):
            conn.execute(stmt, chunk)
            n += len(chunk)
        return n

    def _pg_copy_upsert(self, rows: Iterable[dict[str, Any]]) -> int:
        """COPY into a temporary table, then one INSERT ... ON CONFLICT into ``variants``."""
        conn = self.session.connection()
        conn.exec_driver_sql(
            "CREATE TEMP TABLE IF NOT EXISTS variants_import (LIKE variants INCLUDING DEFAULTS,"
            " import_seq bigint GENERATED ALWAYS AS IDENTITY) ON COMMIT DELETE ROWS")
        conn.exec_driver_sql("TRUNCATE variants_import")
        cols = ", ".join(_COLUMNS)
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        n = 0
        with cursor.copy(f"COPY variants_import ({cols}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row([r[c] for c in _COLUMNS])
                n += 1
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in _COLUMNS if c != "id")
        # DISTINCT ON: the last occurrence of an id in one import wins, as on SQLite.
        conn.exec_driver_sql(
            f"INSERT INTO variants ({cols}) SELECT DISTINCT ON (id) {cols} FROM variants_import "
            f"ORDER BY id, import_seq DESC ON CONFLICT (id) DO UPDATE SET {updates}")
        conn.exec_driver_sql("TRUNCATE variants_import")
        return n

    def set_stock(self, levels: Iterable[StockLevel]) -> int:
        """Insert or replace stock per (variant, location); returns how many were written."""
        now = _now()
        rows = ({"variant_id": s.variant_id, "location_id": s.location_id,
                 "location_name": s.location_name, "stocked": s.stocked, "reserved": s.reserved,
                 "available": s.available, "updated_at": now} for s in levels)
        ins = pg_insert(S) if self._dialect == "postgresql" else sqlite_insert(S)
        stmt = ins.on_conflict_do_update(
            index_elements=[S.c.variant_id, S.c.location_id],
            set_={c: ins.excluded[c] for c in ("location_name", "stocked", "reserved",
                                               "available", "updated_at")})
        conn = self.session.connection()
        n = 0
        for chunk in _chunks(rows, CHUNK):
            conn.execute(stmt, chunk)
            n += len(chunk)
        return n

    def stock_for(self, variant_id: str) -> list[StockLevel]:
        """Stock of one variant at every location known, by location id."""
        rows = self.session.execute(
            select(S.c.variant_id, S.c.location_id, S.c.location_name, S.c.stocked, S.c.reserved)
            .where(S.c.variant_id == variant_id).order_by(S.c.location_id)).all()
        return [StockLevel(r.variant_id, r.location_id, r.location_name, r.stocked, r.reserved)
                for r in rows]
