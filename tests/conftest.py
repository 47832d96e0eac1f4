"""Fixtures: every test gets its own real database.

`db_url` is a fresh, upgraded SQLite file; tests marked `postgres` run a second time against a
fresh PostgreSQL database created on the server of `TEST_DATABASE_URL` (and dropped afterwards),
and are skipped there, saying so, when that variable is not set.
"""

from __future__ import annotations

import os
import shutil
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.db import get_engine, normal_url  # noqa: E402

TEST_PG = os.environ.get("TEST_DATABASE_URL")
FILES = Path(__file__).resolve().parent / "files"


def pytest_generate_tests(metafunc):
    if "db_url" in metafunc.fixturenames or "db_backend" in metafunc.fixturenames:
        backends = ["sqlite"]
        if metafunc.definition.get_closest_marker("postgres"):
            backends.append("postgres")
        metafunc.parametrize("db_backend", backends, scope="function")


def _pg_admin_url() -> str:
    from sqlalchemy.engine import make_url

    return make_url(normal_url(TEST_PG)).set(database="postgres").render_as_string(hide_password=False)


@pytest.fixture
def db_url(db_backend, tmp_path, monkeypatch):
    """A fresh, upgraded database with the reference data; DATABASE_URL points at it."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from dashboard.basisdata import siapkan_basis_data

    if db_backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'uji.db'}"
        nama_pg = None
    else:
        if not TEST_PG:
            pytest.skip("PostgreSQL test skipped: TEST_DATABASE_URL is not set")
        nama_pg = f"uji_{uuid.uuid4().hex[:12]}"
        admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{nama_pg}"'))
        admin.dispose()
        url = make_url(normal_url(TEST_PG)).set(database=nama_pg).render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    siapkan_basis_data(url)
    yield url
    get_engine(normal_url(url)).dispose()
    get_engine.cache_clear()
    if nama_pg:
        admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{nama_pg}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """A SQLite file with the demo data loaded once per session (copy it before writing to it)."""
    from dashboard.basisdata import siapkan_basis_data
    from dashboard.demo import muat_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    url = f"sqlite:///{path}"
    old = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    try:
        siapkan_basis_data(url)
        muat_demo(url=url)
    finally:
        get_engine(url).dispose()
        get_engine.cache_clear()
        if old is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = old
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path, monkeypatch):
    """A private copy of the demo database; DATABASE_URL points at it."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    yield url
    get_engine(url).dispose()
    get_engine.cache_clear()


@pytest.fixture
def app_db(demo_db):
    """The demo database for page tests, with Streamlit's caches cleared (they are shared between AppTests)."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield demo_db
    st.cache_data.clear()
