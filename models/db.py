"""The engine, sessions and the schema upgrade (Alembic), for SQLite and PostgreSQL alike."""

from __future__ import annotations

import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def normal_url(url: str) -> str:
    """`postgresql://…` means the psycopg 3 driver here (the one in requirements.txt)."""
    for awal in ("postgresql://", "postgres://"):
        if url.startswith(awal):
            return "postgresql+psycopg://" + url[len(awal):]
    return url


def database_url() -> str:
    """`DATABASE_URL`, else the SQLite file `data/dashboard.db` of this checkout."""
    return normal_url(os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'data' / 'dashboard.db'}")


@lru_cache(maxsize=8)
def get_engine(url: str | None = None) -> Engine:
    url = normal_url(url or database_url())
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            # WAL lets the page read while an import writes.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


@contextmanager
def session_scope(engine: Engine | None = None):
    """A session inside one transaction: committed on success, rolled back on any error."""
    with Session(engine or get_engine(), expire_on_commit=False) as session:
        with session.begin():
            yield session


def alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str | None = None) -> None:
    """Create or upgrade the schema to the newest migration."""
    from alembic import command

    command.upgrade(alembic_config(normal_url(url or database_url())), "head")
