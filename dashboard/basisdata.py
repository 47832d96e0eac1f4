"""Bringing a database up to date: the Alembic migrations, then the reference data."""

from __future__ import annotations

from dashboard import referensi
from models.db import database_url, get_engine, session_scope, upgrade


def siapkan_basis_data(url: str | None = None) -> None:
    url = url or database_url()
    upgrade(url)
    with session_scope(get_engine(url)) as session:
        referensi.isi(session)
