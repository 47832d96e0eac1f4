"""Fixtures and helpers of the import tests (no tests here).

`bd` is a fresh database per test, copied from a template made once per session (a SQLite file copy,
or PostgreSQL's CREATE DATABASE … TEMPLATE), with the kecamatan Bajuin, Bati-Bati and Pelaihari; `bd_isi`
adds Bajuin's indicators and desa. Tests marked `postgres` get both backends through conftest's
`db_backend`. `potret` snapshots every data table, so a test can assert that nothing changed.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from models.db import get_engine, normal_url

FILES = Path(__file__).resolve().parent / "files"
GOOD, BAD = FILES / "good", FILES / "bad"
TEST_PG = os.environ.get("TEST_DATABASE_URL")
KECAMATAN = (("Bajuin", "Tanah Laut"), ("Bati-Bati", "Tanah Laut"), ("Pelaihari", "Tanah Laut"))
BUKAN_DATA = {"import_log", "import_perubahan", "alembic_version", "pengaturan_log", "audit", "sesi_login"}


def _spec():
    spec = importlib.util.spec_from_file_location("make_files", FILES / "make_files.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


MAKE = _spec()


def _pg_url(nama: str) -> str:
    return make_url(normal_url(TEST_PG)).set(database=nama).render_as_string(hide_password=False)


def _pg_admin():
    return create_engine(_pg_url("postgres"), isolation_level="AUTOCOMMIT")


@contextmanager
def pg_baru(awalan: str):
    """A new, empty PostgreSQL database on TEST_DATABASE_URL's server (the test is skipped without it); its URL.
    Dropped afterwards."""
    if not TEST_PG:
        pytest.skip("PostgreSQL test skipped: TEST_DATABASE_URL is not set")
    nama = f"{awalan}_{uuid.uuid4().hex[:10]}"
    admin = _pg_admin()
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{nama}"'))
    try:
        yield _pg_url(nama)
    finally:
        get_engine(normal_url(_pg_url(nama))).dispose()
        get_engine.cache_clear()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)'))
        admin.dispose()


def _isi_dasar(url: str, isi: bool) -> None:
    from dashboard.basisdata import siapkan_basis_data
    from dashboard.impor import impor
    from models.db import session_scope
    from models.tables import Kecamatan

    siapkan_basis_data(url)
    engine = get_engine(url)
    with session_scope(engine) as s:
        for nama, kab in KECAMATAN:
            s.add(Kecamatan(nama=nama, kabupaten=kab))
    if isi:
        for dataset, nama in (("indikator", "indikator_koma.csv"), ("desa", "desa_koma.csv")):
            h = impor(dataset, (GOOD / nama).read_bytes(), nama, engine=engine, kecamatan="Bajuin",
                      gaya_angka="en", pengguna="uji")
            assert h.status == "berhasil", h.galat
    engine.dispose()
    get_engine.cache_clear()


class _Templat:
    def __init__(self, folder: Path):
        self.folder = folder
        self.dibuat: dict[tuple[str, bool], str] = {}

    def sumber(self, backend: str, isi: bool) -> str:
        key = (backend, isi)
        if key not in self.dibuat:
            if backend == "sqlite":
                path = self.folder / f"templat_{int(isi)}.db"
                _isi_dasar(f"sqlite:///{path}", isi)
                self.dibuat[key] = str(path)
            else:
                nama = f"uji_impor_tpl_{uuid.uuid4().hex[:10]}"
                admin = _pg_admin()
                with admin.connect() as c:
                    c.execute(text(f'CREATE DATABASE "{nama}"'))
                admin.dispose()
                _isi_dasar(_pg_url(nama), isi)
                self.dibuat[key] = nama
        return self.dibuat[key]

    def hapus(self):
        pg = [v for (b, _), v in self.dibuat.items() if b == "postgres"]
        if pg:
            admin = _pg_admin()
            with admin.connect() as c:
                for nama in pg:
                    c.execute(text(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)'))
            admin.dispose()


@pytest.fixture(scope="session")
def templat_impor(tmp_path_factory):
    t = _Templat(tmp_path_factory.mktemp("templat_impor"))
    yield t
    t.hapus()


def _bd(db_backend, tmp_path, monkeypatch, templat_impor, isi: bool):
    if db_backend == "postgres" and not TEST_PG:
        pytest.skip("PostgreSQL test skipped: TEST_DATABASE_URL is not set")
    sumber = templat_impor.sumber(db_backend, isi)
    nama_pg = None
    if db_backend == "sqlite":
        path = tmp_path / "uji.db"
        shutil.copy(sumber, path)
        url = f"sqlite:///{path}"
    else:
        nama_pg = f"uji_impor_{uuid.uuid4().hex[:10]}"
        admin = _pg_admin()
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{nama_pg}" TEMPLATE "{sumber}"'))
        admin.dispose()
        url = _pg_url(nama_pg)
    monkeypatch.setenv("DATABASE_URL", url)
    get_engine.cache_clear()
    yield url
    get_engine(normal_url(url)).dispose()
    get_engine.cache_clear()
    if nama_pg:
        admin = _pg_admin()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{nama_pg}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def bd(db_backend, tmp_path, monkeypatch, templat_impor):
    """A fresh database with the three kecamatan and nothing else."""
    yield from _bd(db_backend, tmp_path, monkeypatch, templat_impor, False)


@pytest.fixture
def bd_isi(db_backend, tmp_path, monkeypatch, templat_impor):
    """A fresh database with the three kecamatan, Bajuin's indicators (IKU-1, IKU-2) and its 9 desa."""
    yield from _bd(db_backend, tmp_path, monkeypatch, templat_impor, True)


def potret(url: str) -> dict[str, list[tuple]]:
    """Every row of every data table (not the import log), in primary-key order."""
    import models.tables  # noqa: F401 - registers the tables
    from sqlmodel import SQLModel

    engine = get_engine(normal_url(url))
    out = {}
    with engine.connect() as c:
        ada = set(inspect(c).get_table_names())
        for nama, t in sorted(SQLModel.metadata.tables.items()):
            if nama in BUKAN_DATA:
                continue
            assert nama in ada
            out[nama] = [tuple(r) for r in c.execute(select(t).order_by(*t.primary_key.columns)).all()]
    return out


def jumlah_log(url: str) -> int:
    with get_engine(normal_url(url)).connect() as c:
        return c.execute(text("SELECT COUNT(*) FROM import_log")).scalar()


def impor_berkas_uji(nama: str, dataset: str, folder: Path = GOOD, **kw):
    from dashboard.impor import impor

    kw.setdefault("pengguna", "uji")
    return impor(dataset, (folder / nama).read_bytes(), nama, **kw)


def sesi():
    from models.db import session_scope

    return session_scope(get_engine())
