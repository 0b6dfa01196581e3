"""The catalogue cache: barcode/SKU lookups, type-ahead name search, bulk import, stock.

Hands out ``pos.catalog.Variant`` and ``pos.stock.StockLevel``, never rows. Never commits: the
caller owns the transaction (``with session.begin():`` or a ``UnitOfWork``).

Search is "every word a prefix" on both databases, over ``search_name``: the name's words lower
case with their diacritics folded (``fold``: "Tröja" is searched as "troja"), and the typed words
are folded the same way, so a cashier who leaves out å, ä, ö or é still finds the article.
SQLite asks its FTS5 table over ``search_name`` (prefix index), and PostgreSQL filters
``search_name LIKE '% word%'`` with a pg_trgm index. Either way only a bounded set of candidates
(``CANDIDATES``) is ranked, so a one-letter prefix matching half the catalogue costs no more than
a precise one.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from decimal import Decimal
from functools import lru_cache
from itertools import islice
from typing import Any, cast

from sqlalchemy import CursorResult, Table, and_, case, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pos.catalog import NET_UNITS, CentralRefs, Variant, normal_plu
from pos.db.models_catalog import StockLevelRow, VariantRow
from pos.gtin import gtin14, gtin14_candidates, looks_like_gtin
from pos.stock import StockLevel
from pos.vat import VatRate

CANDIDATES = 200  # matches ranked per search; more would cost time without helping a type-ahead
CHUNK = 5000
IMPORT_CACHE_KIB = -262144  # 256 MiB of page cache while a bulk import runs (negative: KiB)
MAX_WORDS = 8

V = cast(Table, VariantRow.__table__)
S = cast(Table, StockLevelRow.__table__)
_WORD = re.compile(r"[^\W_]+")  # letters and digits: what FTS5's unicode61 calls a token
_COLUMNS = ("id", "sku", "ean", "gtin14", "name", "search_name", "product_id", "product_name",
            "size", "colour", "price_ore", "vat_rate", "active", "updated_at", "refs", "plu", "unit",
            "net_quantity", "net_unit", "price_changed_at", "previous_price_ore")
# Not simply overwritten by an upsert: a changed price records when and from what (a shelf
# label printed before it is wrong now); an unchanged price keeps its earlier change.
_PRICE_HISTORY = {
    "price_changed_at": "CASE WHEN variants.price_ore <> {x}.price_ore THEN {x}.updated_at"
                        " ELSE variants.price_changed_at END",
    "previous_price_ore": "CASE WHEN variants.price_ore <> {x}.price_ore THEN variants.price_ore"
                          " ELSE variants.previous_price_ore END",
}


def _update_set(excluded: str) -> str:
    """The SET of the upsert's ON CONFLICT: new values, the price history as ``_PRICE_HISTORY``
    (every expression sees the row as it was before the update, on both databases)."""
    return ", ".join(f"{c} = " + (_PRICE_HISTORY[c].format(x=excluded) if c in _PRICE_HISTORY
                                  else f"{excluded}.{c}") for c in _COLUMNS[1:])
PG_TRGM_INDEX = "ix_variants_search_trgm"
_VCOLS = ("id, sku, ean, name, price_ore, vat_rate, product_id, product_name, size, colour, active,"
          " refs, plu, unit, net_quantity, net_unit")
# No ORDER BY/LIMIT: with them PostgreSQL may walk the primary key instead of the barcode index.
# A barcode shared by two variants is rare; the lowest id wins, chosen in Python.
_BY_GTIN = f"SELECT {_VCOLS} FROM variants WHERE gtin14 = :g"
_BY_SKU = f"SELECT {_VCOLS} FROM variants WHERE lower(sku) = :s"
_BY_OTHER_EAN = f"SELECT {_VCOLS} FROM variants WHERE ean = :e AND gtin14 IS NULL AND ean <> ''"
_BY_ID = f"SELECT {_VCOLS} FROM variants WHERE id = :i"
_BY_PLU = f"SELECT {_VCOLS} FROM variants WHERE plu = :p AND plu <> ''"
_SQLITE_SEARCH = (
    "SELECT " + ", ".join("v." + c.strip() for c in _VCOLS.split(",")) +
    " FROM (SELECT rowid AS rid FROM variants_fts WHERE variants_fts MATCH :q LIMIT :cand) c"
    " JOIN variants v ON v.rowid = c.rid WHERE v.active ORDER BY length(v.name), v.name, v.id"
    " LIMIT :lim")
_PG_SEARCH = (
    f"SELECT {_VCOLS} FROM (SELECT {_VCOLS} FROM variants WHERE active AND {{conds}} LIMIT :cand) c"
    " ORDER BY length(name), name, id LIMIT :lim")
_PARAM = re.compile(r":(\w+)")


@lru_cache(maxsize=64)
def _pg_sql(sql: str) -> str:
    return _PARAM.sub(r"%(\1)s", sql.replace("%", "%%"))


# Letters NFKD does not take apart, folded as a Swede reads them without their marks.
_FOLD_MORE = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ð": "d", "þ": "th",
                            "ł": "l", "đ": "d", "ı": "i"})


def fold(text_: str) -> str:
    """``text_`` lower case without diacritics: "Tröja Åsa Café" -> "troja asa cafe". What the
    catalogue searches and what a typed search is turned into, the same way on both databases."""
    decomposed = unicodedata.normalize("NFKD", text_.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_FOLD_MORE)


def words(text_: str) -> list[str]:
    """The folded words of ``text_`` as search sees them (letters and digits, see ``fold``)."""
    return _WORD.findall(fold(text_))


def search_name(name: str) -> str:
    """The text both databases search: every folded word preceded by a space, so
    ``'% word%'`` is a prefix (PostgreSQL) and FTS5 sees the same words (SQLite)."""
    return "".join(" " + w for w in words(name))


def gtin14_of(ean: str) -> str | None:
    """The column ``gtin14`` of a stored barcode: the GTIN-14 of a valid GTIN (a UPC-E as the
    UPC-A it stands for), else of any 8/12/13/14 digits as they are, else None."""
    ean = ean.strip()
    return gtin14(ean) or (ean.zfill(14) if looks_like_gtin(ean) else None)


def _variant(r: tuple[Any, ...]) -> Variant:
    return Variant(id=r[0], sku=r[1], ean=r[2], name=r[3], price=r[4], vat_rate=VatRate(r[5]),
                   product_id=r[6], product_name=r[7], size=r[8], colour=r[9], active=bool(r[10]),
                   refs=CentralRefs.from_json(r[11]), plu=r[12] or "", unit=r[13] or "",
                   net_quantity=Decimal(r[14]) if r[14] else None, net_unit=r[15] or "")


def _net(v: Variant) -> tuple[str, str]:
    if v.net_quantity is None or not v.net_unit:
        return "", ""
    if v.net_unit not in NET_UNITS:
        raise ValueError(f"net unit of {v.sku} must be one of {NET_UNITS}, not {v.net_unit!r}")
    return format(v.net_quantity.normalize(), "f"), v.net_unit


def _check_price(v: Variant) -> None:
    if not isinstance(v.price, int) or isinstance(v.price, bool):
        raise TypeError(f"price of {v.sku} must be int öre, not {type(v.price).__name__}")


def _pg_tuple(v: Variant, now: datetime) -> tuple[Any, ...]:
    """A row in ``_COLUMNS`` order for COPY."""
    _check_price(v)
    ean = v.ean.strip()
    return (v.id, v.sku, ean, gtin14_of(ean), v.name,
            search_name(v.name), v.product_id, v.product_name, v.size, v.colour, v.price,
            v.vat_rate.value, v.active, now, v.refs.to_json(), normal_plu(v.plu), v.unit,
            *_net(v), now, None)


def _sqlite_tuple(v: Variant, stamp: str) -> tuple[Any, ...]:
    """A row in ``_COLUMNS`` order for executemany (FTS5 indexes its search_name)."""
    _check_price(v)
    ean = v.ean.strip()
    return (v.id, v.sku, ean, gtin14_of(ean), v.name,
            search_name(v.name), v.product_id, v.product_name, v.size, v.colour, v.price,
            v.vat_rate.value, 1 if v.active else 0, stamp, v.refs.to_json(), normal_plu(v.plu),
            v.unit, *_net(v), stamp, None)


_SQLITE_UPSERT = (
    f"INSERT INTO variants ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))}) "
    "ON CONFLICT (id) DO UPDATE SET " + _update_set("excluded"))
_CHUNK_ROWS = ("SELECT rowid, search_name FROM variants"
               " WHERE id IN (SELECT value FROM json_each(?))")
_SQLITE_FTS_DELETE = ("INSERT INTO variants_fts (variants_fts, rowid, search_name) "
                      f"SELECT 'delete', rowid, search_name FROM ({_CHUNK_ROWS})")
_SQLITE_FTS_ADD = f"INSERT INTO variants_fts (rowid, search_name) {_CHUNK_ROWS}"


_SECONDARY_INDEXES = {
    "sqlite": "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'variants'"
              " AND sql IS NOT NULL ORDER BY name",
    "postgresql": "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = 'variants'"
                  " AND i.schemaname = current_schema() AND NOT EXISTS (SELECT 1 FROM"
                  " pg_constraint c WHERE c.conname = i.indexname) ORDER BY i.indexname",
}


def _drop_secondary_indexes(conn: Any) -> list[str]:
    """Drop the variants' secondary indexes, returning the DDL that makes them again.

    Used only for a first load into an empty catalogue: building an index once from sorted data
    is several times faster than updating it row by row. The definitions are read from the
    database itself, so they are whatever the migrations made. Inside the import's transaction
    (DDL is transactional on both databases), other sessions see the old table until commit.
    """
    found = conn.exec_driver_sql(_SECONDARY_INDEXES[conn.dialect.name]).all()
    for name, _ddl in found:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [ddl for _name, ddl in found]


def _create_indexes(conn: Any, ddl: list[str]) -> None:
    for statement in ddl:
        conn.exec_driver_sql(statement)


def _first(row: tuple[Any, ...]) -> Any:
    return row[0]


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
        self._pg = self._dialect == "postgresql"

    def _rows(self, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        """Run a hot read on the session's own DB-API connection (same transaction).

        The till answers a scan with this, so it skips SQLAlchemy's statement machinery: a
        lookup is tens of microseconds instead of several hundred. ``sql`` uses ``:name``
        parameters, rewritten once to psycopg's ``%(name)s``.
        """
        if self._pg:
            sql = _pg_sql(sql)
        cursor = self.session.connection().connection.cursor()
        try:
            cursor.execute(sql, params)
            return cast(list[tuple[Any, ...]], cursor.fetchall())
        finally:
            cursor.close()

    # --- lookups ---------------------------------------------------------------------------------

    def by_code(self, code: str) -> Variant | None:
        """A scanned or typed code: a GTIN (8/12/13/14 digits, matched as GTIN-14 so a UPC-A scan
        finds the EAN-13 article and a UPC-E the UPC-A one; an 8-digit code that is both a
        valid EAN-8 and a valid UPC-E is tried as both), else a SKU (any case), else a non-GTIN
        barcode as stored, else (1-7 digits) a PLU. None when unknown."""
        code = code.strip()
        if not code:
            return None
        # a valid GTIN (an 8-digit one may be an EAN-8 or a UPC-E), or 8-14 digits as they are
        wanted = gtin14_candidates(code) or ([code.zfill(14)] if looks_like_gtin(code) else [])
        for g in wanted:
            rows = self._rows(_BY_GTIN, {"g": g})
            if rows:
                return _variant(min(rows))
        rows = self._rows(_BY_SKU, {"s": code.lower()}) or self._rows(_BY_OTHER_EAN, {"e": code})
        if rows:
            return _variant(min(rows))
        if code.isascii() and code.isdigit() and len(code) <= 7:
            return self.by_plu(code)
        return None

    def by_plu(self, plu: str) -> Variant | None:
        """The article whose short number (PLU) is ``plu`` (leading zeros do not count: the
        article part "000101" of a label finds PLU "101"); None when none has it."""
        wanted = normal_plu(plu)
        rows = self._rows(_BY_PLU, {"p": wanted}) if wanted else []
        return _variant(min(rows)) if rows else None

    def by_id(self, variant_id: str) -> Variant | None:
        rows = self._rows(_BY_ID, {"i": variant_id})
        return _variant(rows[0]) if rows else None

    def price_changes_since(self, since: datetime) -> list[tuple[Variant, int | None]]:
        """Active variants whose price changed (or that came) at or after ``since`` (naive UTC),
        by name, each with the price before (None for a new one)."""
        rows = self._rows(f"SELECT {_VCOLS}, previous_price_ore FROM variants WHERE active AND"
                          " price_changed_at >= :since ORDER BY name, id",
                          {"since": since if self._pg else since.strftime("%Y-%m-%d %H:%M:%S.%f")})
        return [(_variant(r), r[-1]) for r in rows]

    def previous_prices(self, variant_ids: list[str]) -> dict[str, int]:
        """The price each variant had before its last change, when known."""
        out: dict[str, int] = {}
        for chunk in _chunks(variant_ids, 500):
            rows = self.session.execute(select(V.c.id, V.c.previous_price_ore)
                                        .where(V.c.id.in_(chunk),
                                               V.c.previous_price_ore.is_not(None))).all()
            out.update({r[0]: int(r[1]) for r in rows})
        return out

    def count(self) -> int:
        return int(self._rows("SELECT count(*) FROM variants", {})[0][0])

    # --- search ----------------------------------------------------------------------------------

    def search(self, text_: str, limit: int = 20) -> list[Variant]:
        """Type-ahead: active variants whose name has a word starting with every typed word
        (case-insensitive, å ä ö as letters of their own). A typed SKU or barcode that matches
        exactly comes first. Name matches: the first ``CANDIDATES`` found, shortest names first."""
        if limit <= 0:
            return []
        typed = text_.strip()
        exact = self.by_code(typed) if typed and " " not in typed else None
        found = [exact] if exact is not None and exact.active else []
        ws = words(text_)[:MAX_WORDS]
        if ws:
            if self._pg:
                conds = " AND ".join(f"search_name LIKE :w{i}" for i in range(len(ws)))
                sql = _PG_SEARCH.format(conds=conds)
                params: dict[str, Any] = {f"w{i}": "% " + _like_escape(w) + "%"
                                          for i, w in enumerate(ws)}
            else:
                sql, params = _SQLITE_SEARCH, {"q": _fts_query(ws)}
            params.update(cand=CANDIDATES, lim=limit + len(found))
            found += [v for v in map(_variant, self._rows(sql, params))
                      if exact is None or v.id != exact.id]
        return found[:limit]

    def search_within(self, text_: str, limit: int = 20) -> list[Variant]:
        """The kiosk's wider search, after ``search`` found too few: active variants whose name,
        its words joined, contains every typed word anywhere, so "kaffe" finds "Bryggkaffe" (a
        Swedish compound) and "tshirt" finds "T-shirt". A scan of the names (no index serves
        an infix), bounded by ``CANDIDATES``: for the kiosk's lane, not the till's type-ahead."""
        ws = words(text_)[:MAX_WORDS]
        if not ws or limit <= 0:
            return []
        joined = "replace(search_name, ' ', '')"
        conds = " AND ".join(f"{joined} LIKE :w{i} ESCAPE '\\'" for i in range(len(ws)))
        params: dict[str, Any] = {f"w{i}": "%" + _like_escape(w) + "%" for i, w in enumerate(ws)}
        sql = (f"SELECT {_VCOLS} FROM (SELECT {_VCOLS} FROM variants WHERE active AND {conds} "
               "LIMIT :cand) c ORDER BY length(name), name, id LIMIT :lim")
        params.update(cand=CANDIDATES, lim=limit)
        return [_variant(r) for r in self._rows(sql, params)]

    # --- writes ----------------------------------------------------------------------------------

    def bulk_upsert(self, variants: Iterable[Variant]) -> int:
        """Insert new variants and update known ones (by id) in one pass; returns how many were
        written (a duplicate id later in the same import wins). Streams in chunks, so a
        million-row import never holds a million rows at once. On an error, roll back."""
        if self._dialect == "postgresql":
            return self._pg_copy_upsert(variants)
        if self._dialect == "sqlite":
            return self._sqlite_upsert(variants)
        raise NotImplementedError(f"bulk_upsert on {self._dialect}")

    def _sqlite_upsert(self, variants: Iterable[Variant]) -> int:
        """Plain DB-API executemany per chunk (no per-row SQLAlchemy processing) with the FTS
        triggers paused for this transaction. Into an empty catalogue, the name index is built
        once at the end; otherwise each chunk's old entries are removed and new ones added with
        two set statements (FTS5 flushes per statement, so per-row triggers are much slower)."""
        stamp = _now().strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's SQLite DateTime format
        conn = self.session.connection()
        first_load = conn.exec_driver_sql("SELECT NOT EXISTS (SELECT 1 FROM variants)").scalar()
        cache = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
        conn.exec_driver_sql(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
        conn.exec_driver_sql("INSERT OR IGNORE INTO variants_fts_paused (id) VALUES (1)")
        indexes = _drop_secondary_indexes(conn) if first_load else []
        n = 0
        try:
            for chunk in _chunks(variants, CHUNK):
                # Stable sort: B-tree inserts in key order, and the last duplicate still wins.
                rows = sorted((_sqlite_tuple(v, stamp) for v in chunk), key=_first)
                ids = (json.dumps([r[0] for r in rows]),)
                if not first_load:
                    conn.exec_driver_sql(_SQLITE_FTS_DELETE, ids)
                conn.exec_driver_sql(_SQLITE_UPSERT, rows)  # type: ignore[arg-type]
                if not first_load:
                    conn.exec_driver_sql(_SQLITE_FTS_ADD, ids)
                n += len(rows)
            if first_load:
                conn.exec_driver_sql("INSERT INTO variants_fts (rowid, search_name)"
                                     " SELECT rowid, search_name FROM variants")
            _create_indexes(conn, indexes)
        finally:
            conn.exec_driver_sql("DELETE FROM variants_fts_paused")
            conn.exec_driver_sql(f"PRAGMA cache_size = {cache}")
        return n

    def _pg_copy_upsert(self, variants: Iterable[Variant]) -> int:
        """COPY into a temporary table, then one INSERT ... ON CONFLICT into ``variants``.
        Into an empty catalogue, secondary indexes are built once afterwards (see
        ``_drop_secondary_indexes``)."""
        now = _now()
        conn = self.session.connection()
        first_load = conn.exec_driver_sql("SELECT NOT EXISTS (SELECT 1 FROM variants)").scalar()
        conn.exec_driver_sql(
            "CREATE TEMP TABLE IF NOT EXISTS variants_import (LIKE variants INCLUDING DEFAULTS,"
            " import_seq bigint GENERATED ALWAYS AS IDENTITY) ON COMMIT DELETE ROWS")
        conn.exec_driver_sql("TRUNCATE variants_import")
        cols = ", ".join(_COLUMNS)
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        n = 0
        with cursor.copy(f"COPY variants_import ({cols}) FROM STDIN") as copy:
            for v in variants:
                copy.write_row(_pg_tuple(v, now))
                n += 1
        indexes: list[str] = []
        if first_load:
            conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
            indexes = _drop_secondary_indexes(conn)
        updates = _update_set("EXCLUDED")
        # DISTINCT ON: the last occurrence of an id in one import wins, as on SQLite.
        conn.exec_driver_sql(
            f"INSERT INTO variants ({cols}) SELECT DISTINCT ON (id) {cols} FROM variants_import "
            f"ORDER BY id, import_seq DESC ON CONFLICT (id) DO UPDATE SET {updates}")
        _create_indexes(conn, indexes)
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

    def adjust_stock(self, variant_id: str, location_id: str, delta: int) -> bool:
        """Units sold here (``delta`` < 0) or returned to stock here (> 0) counted in this
        location's last synced figure until the next sync brings the central store's own;
        its time stays the sync's. False when the figure was never synced (nothing to adjust)."""
        stocked = S.c.stocked + delta
        result = self.session.execute(
            update(S).where(and_(S.c.variant_id == variant_id, S.c.location_id == location_id))
            .values(stocked=stocked,
                    available=case((stocked - S.c.reserved > 0, stocked - S.c.reserved),
                                   else_=0)))
        return bool(cast(CursorResult[Any], result).rowcount)

    def stock_for(self, variant_id: str) -> list[StockLevel]:
        """Stock of one variant at every location known, by location id."""
        rows = self.session.execute(
            select(S.c.variant_id, S.c.location_id, S.c.location_name, S.c.stocked, S.c.reserved)
            .where(S.c.variant_id == variant_id).order_by(S.c.location_id)).all()
        return [StockLevel(r.variant_id, r.location_id, r.location_name, r.stocked, r.reserved)
                for r in rows]

    def stocked_at(self, location_id: str) -> list[tuple[Variant, int]]:
        """Every active article with stock at ``location_id`` by the last synced figures (and
        this till's own movements since), with its stocked units there (not 0: an oversold
        article's negative figure is as wrong as a positive one), by SKU: what a whole-store
        count sets to 0 when it was not counted."""
        cols = ", ".join("v." + c.strip() for c in _VCOLS.split(","))
        rows = self._rows(f"SELECT {cols}, s.stocked FROM variants v JOIN stock_levels s "
                          "ON s.variant_id = v.id WHERE s.location_id = :loc AND s.stocked <> 0 "
                          "AND v.active = :yes ORDER BY v.sku", {"loc": location_id, "yes": True})
        return [(_variant(r[:-1]), int(r[-1])) for r in rows]

    def stock_synced_at(self, variant_id: str) -> datetime | None:
        """When the stock of ``variant_id`` was last synced (naive UTC), None when never."""
        return self.session.execute(select(func.max(S.c.updated_at))
                                    .where(S.c.variant_id == variant_id)).scalar()

    def deactivate_not_updated_since(self, floor: datetime) -> int:
        """After a full sync: every active variant the sync did not write (its row is older than
        ``floor``, naive UTC) is no longer sold. Deactivated, not deleted (old sales name it);
        returns how many."""
        v = cast(Table, VariantRow.__table__)
        result = self.session.execute(update(v).where(and_(v.c.active.is_(True), v.c.updated_at < floor))
                                .values(active=False))
        return int(cast(CursorResult[Any], result).rowcount or 0)
