"""INSERT ... ON CONFLICT for both databases (SQLite and PostgreSQL spell it the same way)."""
from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session


def insert(s: Session, table: Any) -> Any:
    return (pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert)(table)


def rowcount(result: Any) -> int:
    return int(cast(CursorResult[Any], result).rowcount or 0)
