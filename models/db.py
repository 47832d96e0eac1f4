"""The engine, sessions and the schema upgrade (Alembic), for SQLite and PostgreSQL alike."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import warnings
from collections.abc import Iterable
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SAWarning
from sqlmodel import Session, create_engine

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# How long a writer waits for another writer before it gives up with an error (SQLite's busy timeout,
# PostgreSQL's lock_timeout while it waits for a write lock): longer than the largest import the upload
# limit allows takes on a busy server, so that a second import waits for the first instead of failing.
TUNGGU_TULIS_DETIK = 300
# The execution option that makes a session's transaction a writer (see `kunci_tulis`).
_PENULIS = "pantau_penulis"


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
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": TUNGGU_TULIS_DETIK})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            # SQLAlchemy's documented recipe: pysqlite leaves BEGIN to us (below), so that a writer can
            # begin with BEGIN IMMEDIATE.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            # WAL lets the page read while an import writes.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # A writer takes the file's write lock before it reads anything, so that it never works from a
            # snapshot another writer has since changed; readers begin deferred and never wait.
            # Straight to the driver: a BEGIN is not one of the application's statements (they are counted);
            # its failure (a read-only file, a lock wait that ran out) is wrapped like theirs.
            perintah = "BEGIN IMMEDIATE" if conn.get_execution_options().get(_PENULIS) else "BEGIN"
            try:
                conn.connection.driver_connection.execute(perintah)
            except sqlite3.Error as exc:
                raise OperationalError(perintah, (), exc) from exc

        return engine
    return create_engine(url, pool_pre_ping=True)


@contextmanager
def session_scope(engine: Engine | None = None, *, kunci: Iterable[tuple[str, int | None]] | None = None):
    """A session inside one transaction: committed on success, rolled back on any error.

    With `kunci` the transaction is a writer holding those write locks from its start (`kunci_tulis`).
    """
    engine = engine or get_engine()
    try:
        with Session(engine, expire_on_commit=False) as session:
            with session.begin():
                if kunci is not None:
                    kunci_tulis(session, kunci)
                yield session
    except Exception as exc:
        # A refused action (dashboard.akun.AksesDitolak) is recorded in the audit trail once its transaction
        # is rolled back: the refusal is kept, nothing of the refused change is.
        if getattr(exc, "audit", None):
            from dashboard.akun import catat_penolakan

            catat_penolakan(engine, exc)
        raise


def kunci_tulis(session: Session, kunci: Iterable[tuple[str, int | None]]) -> None:
    """Make the session's transaction a writer that holds the write locks `kunci`, before it reads anything.

    A key is (what, kecamatan_id): e.g. ("skm", 3) for Kecamatan 3's survey data, ("skm", None) for every
    kecamatan's. Writers of the same key run one after the other, as if in sequence, so that each reads
    what the one before it wrote; readers never wait for them.

    - SQLite has one writer at a time for the whole file: the transaction begins with BEGIN IMMEDIATE (a
      later writer waits up to the busy timeout). The session must not have run a statement yet.
    - PostgreSQL: transaction-level advisory locks, taken in one fixed order (deadlock-free): per `what`,
      the whole-kabupaten key (shared, or exclusive for a None kecamatan) before each kecamatan's key.
      So give all of a transaction's keys in one call (calling again with the same keys is harmless).
    """
    dialek = session.get_bind().dialect.name
    if dialek == "sqlite":
        with warnings.catch_warnings():
            # Called again in the same transaction: the connection is a writer already and keeps its options.
            warnings.simplefilter("ignore", SAWarning)
            conn = session.connection(execution_options={_PENULIS: True})
        if not conn.get_execution_options().get(_PENULIS):
            raise RuntimeError("kunci_tulis must come before the transaction's first statement on SQLite")
        return
    if dialek != "postgresql":
        return
    conn = session.connection()
    per_apa: dict[str, set[int | None]] = {}
    for apa, kid in kunci:
        per_apa.setdefault(apa, set()).add(kid)
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{TUNGGU_TULIS_DETIK}s'")
    for apa in sorted(per_apa):
        kids = per_apa[apa]
        if None in kids:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _kunci_pg(apa, None)})
            continue
        conn.execute(text("SELECT pg_advisory_xact_lock_shared(:k)"), {"k": _kunci_pg(apa, None)})
        for kid in sorted(kids):
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _kunci_pg(apa, kid)})


def _kunci_pg(apa: str, kid: int | None) -> int:
    """A stable signed 64-bit advisory-lock key for (what, kecamatan)."""
    teks = f"pantau:{apa}:{'*' if kid is None else int(kid)}".encode()
    return int.from_bytes(hashlib.blake2b(teks, digest_size=8).digest(), "big", signed=True)


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
