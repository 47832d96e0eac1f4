"""A database that cannot take a write gives the true cause in Indonesian (issue 8 B14), in the CLI and the app.

Real failures where the machine allows them: a read-only SQLite file and a read-only folder (chmod, or a
read-only bind mount in a private mount namespace when the tests run as root, who ignores chmod), a full
disk (a tiny tmpfs in such a namespace, and SQLite's own `max_page_count`), a PostgreSQL database set
read-only; PostgreSQL's "disk full" is injected as the driver's own `DiskFull` error.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError

from apputil import buka, semua_teks, tanpa_galat
from dashboard.basisdata import jenis_galat, pesan_galat
from dashboard.cli import main
from models.db import get_engine, normal_url, session_scope
from models.tables import ImportLog
from test_impor_bantu import GOOD, _pg_admin, bd, pg_baru, templat_impor  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
PENUH = "Penyimpanan basis data penuh"
HANYA_BACA = "hanya dapat dibaca"


def _skm(n: int) -> bytes:
    baris = ["id_responden,tahun,triwulan,u1,u2,u3,u4,u5,u6,u7,u8,u9,saran"]
    baris += [f"R{i:05d},2025,1,4,3,4,3,4,3,4,3,4,{'pelayanan baik sekali ' * 4}{i}" for i in range(n)]
    return ("\n".join(baris) + "\n").encode()


def _cli(url: str, *args: str, awal: list[str] | None = None) -> subprocess.CompletedProcess:
    """The CLI as a process; `awal` = ["unshare", …, "sh", "-c", "SCRIPT && exec"] runs it inside that script."""
    perintah = [sys.executable, "-m", "dashboard", *args]
    if awal:
        perintah = [*awal[:-1], f"{awal[-1]} {shlex.join(perintah)}"]
    return subprocess.run(perintah, cwd=ROOT, env={**os.environ, "DATABASE_URL": url}, capture_output=True,
                          text=True, timeout=300)


def _tanpa_traceback(r: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in r.stderr and "sqlalchemy" not in r.stderr.lower(), r.stderr


# ---------------------------------------------------------------- the translation

def _bungkus(orig: BaseException) -> OperationalError:
    return OperationalError("INSERT INTO x VALUES (?)", (1,), orig)


def test_jenis_galat_dari_pesan_sqlite_dan_sqlstate_postgresql():
    import psycopg.errors as pe

    assert jenis_galat(_bungkus(sqlite3.OperationalError("database or disk is full"))) == "penuh"
    assert jenis_galat(_bungkus(sqlite3.OperationalError("attempt to write a readonly database"))) == "hanya_baca"
    assert jenis_galat(_bungkus(sqlite3.OperationalError("database is locked"))) == "sibuk"
    assert jenis_galat(_bungkus(sqlite3.OperationalError("no such table: kecamatan"))) == "belum_siap"
    assert jenis_galat(_bungkus(pe.DiskFull("could not extend file: No space left on device"))) == "penuh"
    assert jenis_galat(_bungkus(pe.ReadOnlySqlTransaction("cannot execute INSERT in a read-only transaction"))) \
        == "hanya_baca"
    assert jenis_galat(_bungkus(pe.LockNotAvailable("canceling statement due to lock timeout"))) == "sibuk"
    assert jenis_galat(OSError(28, "No space left on device")) == "penuh"
    # A bug is not dressed up as a database trouble.
    assert jenis_galat(IntegrityError("INSERT", (), sqlite3.IntegrityError("UNIQUE constraint failed"))) is None
    assert jenis_galat(ValueError("x")) is None
    assert pesan_galat(ValueError("x")) is None
    pesan = pesan_galat(_bungkus(sqlite3.OperationalError("database or disk is full")), "sqlite:////tmp/x/uji.db")
    assert pesan.startswith(f"{PENUH}: disk server tidak punya ruang lagi") and "/tmp/x/uji.db" in pesan
    assert "Tidak ada yang disimpan." in pesan


# ---------------------------------------------------------------- SQLite: a full disk

def _batasi_halaman(engine):
    """From now on, every connection may not grow the file (SQLite's own 'database or disk is full')."""
    def batasi(dbapi_connection, _rec, _proxy):
        cur = dbapi_connection.cursor()
        n = cur.execute("PRAGMA page_count").fetchone()[0]
        cur.execute(f"PRAGMA max_page_count = {n}")
        cur.close()

    event.listen(engine, "checkout", batasi)
    return batasi


def test_disk_penuh_cli_sqlite(bd, capsys):
    engine = get_engine()  # the command line's engine
    berkas = Path(bd.split("///", 1)[1]).parent / "skm_3000.csv"
    berkas.write_bytes(_skm(3000))
    _batasi_halaman(engine)
    assert main(["import", "skm", str(berkas), "--kecamatan", "Bajuin"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(PENUH) and "Tidak ada yang disimpan" in err and "Traceback" not in err, err
    with session_scope(engine) as s:
        assert s.execute(select(ImportLog)).all() == []


def test_disk_penuh_di_halaman_unggah(app_db):
    at = buka("unggah", "Bajuin", 2025, 1)
    at.selectbox(key="unggah_dataset").set_value("skm").run()
    at.file_uploader[0].upload("skm_3000.csv", _skm(3000), "text/csv").run()
    tanpa_galat(at)
    engine = get_engine()  # the import engine's (dashboard.impor uses the default engine)
    with session_scope(engine) as s:
        jumlah = s.execute(select(ImportLog.id)).all()
    batasi = _batasi_halaman(engine)
    try:
        at.button(key="unggah_simpan").click().run()
    finally:
        event.remove(engine, "checkout", batasi)
    tanpa_galat(at)
    galat = [str(e.value) for e in at.error]
    assert any(g.startswith(f"Tidak disimpan: {PENUH}") for g in galat), galat
    assert not any("db upgrade" in g for g in galat)
    with session_scope(engine) as s:
        assert s.execute(select(ImportLog.id)).all() == jumlah


def test_basis_data_hanya_baca_di_halaman_pengaturan(app_db):
    """A settings save on a database that refuses writes: the cause, not "a bug in the app" or "db upgrade"."""
    from apputil import PESAN_GAGAL

    at = buka("pengaturan", "Bajuin", 2025, 4)
    engine = get_engine(normal_url(app_db))  # the pages' engine (dashboard.ui)

    def hanya_baca(dbapi_connection, _rec, _proxy):
        dbapi_connection.execute("PRAGMA query_only = 1")

    event.listen(engine, "checkout", hanya_baca)
    try:
        at.text_input(key="pengaturan_kecamatan_baru").input("Takisung")
        next(b for b in at.button if b.label == "Tambah").click().run()
    finally:
        event.remove(engine, "checkout", hanya_baca)
        engine.dispose()
    assert not at.exception
    galat = [str(e.value) for e in at.error]
    assert galat == [f"Tidak disimpan: Basis data {app_db.split('///', 1)[1]} {HANYA_BACA}. Tidak ada yang disimpan. "
                     "Periksa izin tulis berkas dan foldernya, lalu ulangi."], galat
    assert PESAN_GAGAL not in semua_teks(at)


# ---------------------------------------------------------------- SQLite: a read-only file, a read-only folder

def _boleh_namespace() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


def _folder_uji() -> Path:
    """A folder outside pytest's private tmp (which other users cannot enter)."""
    d = Path("/tmp") / f"pantau_galat_{uuid.uuid4().hex[:8]}"
    d.mkdir(mode=0o755)
    return d


@pytest.fixture
def sqlite_berisi(bd):
    """The test database, closed, in a folder of its own; yields (folder, url)."""
    get_engine(normal_url(bd)).dispose()
    folder = _folder_uji()
    shutil.copy(bd.split("///", 1)[1], folder / "pantau.db")
    yield folder, f"sqlite:///{folder / 'pantau.db'}"
    for p in folder.rglob("*"):
        p.chmod(0o755)
    folder.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


def _hanya_baca(target: Path) -> list[str] | None:
    """How to run a command with `target` read-only: a prefix (mount namespace), or None after chmod."""
    if os.geteuid() != 0:
        target.chmod(0o555 if target.is_dir() else 0o444)
        return None
    if not _boleh_namespace():
        pytest.skip("running as root without mount namespaces: a read-only file cannot be made here")
    return ["unshare", "-m", "sh", "-c", f"mount --bind -o ro '{target}' '{target}' && exec"]


def test_berkas_sqlite_hanya_baca(sqlite_berisi):
    folder, url = sqlite_berisi
    awal = _hanya_baca(folder / "pantau.db")
    r = _cli(url, "import", "skm", str(GOOD / "skm_koma.csv"), "--kecamatan", "Bajuin", awal=awal)
    assert r.returncode == 1, (r.stdout, r.stderr)
    _tanpa_traceback(r)
    assert r.stderr.strip() == (f"Berkas basis data {folder / 'pantau.db'} hanya dapat dibaca. Tidak ada yang "
                                "disimpan. Berikan izin tulis pada berkas itu, lalu ulangi.")
    r = _cli(url, "pengaturan", "set", "bobot_ikm", "0.111", awal=awal)
    assert r.returncode == 1 and HANYA_BACA in r.stderr, r.stderr
    _tanpa_traceback(r)
    r = _cli(url, "kecamatan", "list", awal=awal)  # reading still works
    assert r.returncode == 0 and "Bajuin" in r.stdout, r.stderr


def test_folder_sqlite_hanya_baca(sqlite_berisi):
    folder, url = sqlite_berisi
    awal = _hanya_baca(folder)
    r = _cli(url, "import", "skm", str(GOOD / "skm_koma.csv"), "--kecamatan", "Bajuin", awal=awal)
    assert r.returncode == 1, (r.stdout, r.stderr)
    _tanpa_traceback(r)
    assert r.stderr.startswith(f"Folder basis data {folder} hanya dapat dibaca: SQLite perlu menulis berkas "
                               "pendamping (-wal, -shm)"), r.stderr
    assert "db upgrade" not in r.stderr


def test_disk_penuh_sungguhan_tmpfs(sqlite_berisi):
    """A real full disk: the database on a 1 MB tmpfs (in a private mount namespace), a 20 000-answer import."""
    if not _boleh_namespace():
        pytest.skip("needs root and mount namespaces to mount a tiny tmpfs; max_page_count covers the rest")
    folder, url = sqlite_berisi
    luar = _folder_uji()  # the tmpfs hides the folder's files: the database is copied in from here
    try:
        (folder / "pantau.db").rename(luar / "asli.db")
        (luar / "skm.csv").write_bytes(_skm(20_000))
        awal = ["unshare", "-m", "sh", "-c",
                f"mount -t tmpfs -o size=1m tmpfs '{folder}' || exit 97; cp '{luar}/asli.db' '{folder}/pantau.db' "
                "&& exec"]
        r = _cli(url, "import", "skm", str(luar / "skm.csv"), "--kecamatan", "Bajuin", awal=awal)
    finally:
        shutil.rmtree(luar, ignore_errors=True)
    if r.returncode == 97:
        pytest.skip("tmpfs cannot be mounted here")
    assert r.returncode == 1, (r.stdout, r.stderr)
    _tanpa_traceback(r)
    assert r.stderr.startswith(f"{PENUH}: disk server tidak punya ruang lagi"), r.stderr


# ---------------------------------------------------------------- PostgreSQL

@pytest.fixture
def pg_db():
    """(name, url) of a new PostgreSQL database with the schema and the kecamatan Bajuin."""
    from dashboard.basisdata import siapkan_basis_data
    from models.tables import Kecamatan

    with pg_baru("uji_galat") as url:
        siapkan_basis_data(url)
        with session_scope(get_engine(normal_url(url))) as s:
            s.add(Kecamatan(nama="Bajuin", kabupaten="Tanah Laut"))
        get_engine(normal_url(url)).dispose()
        yield make_url(normal_url(url)).database, url


def test_postgresql_hanya_baca(pg_db):
    nama, url = pg_db
    admin = _pg_admin()
    with admin.connect() as c:
        c.execute(text(f'ALTER DATABASE "{nama}" SET default_transaction_read_only = on'))
    admin.dispose()
    for args in (("import", "skm", str(GOOD / "skm_koma.csv"), "--kecamatan", "Bajuin"),
                 ("pengaturan", "set", "bobot_ikm", "0.111"), ("kecamatan", "add", "Takisung", "--kabupaten", "TL")):
        r = _cli(url, *args)
        assert r.returncode == 1, (args, r.stdout, r.stderr)
        _tanpa_traceback(r)
        assert r.stderr.strip() == ("Basis data hanya dapat dibaca: server basis data atau hak akses penggunanya "
                                    "tidak mengizinkan perubahan. Tidak ada yang disimpan. Minta pengelola basis data "
                                    "membuka izin tulis, lalu ulangi."), (args, r.stderr)
    r = _cli(url, "kecamatan", "list")
    assert r.returncode == 0 and "Bajuin" in r.stdout


def test_postgresql_disk_penuh(pg_db, monkeypatch, capsys):
    import psycopg.errors as pe

    _, url = pg_db
    monkeypatch.setenv("DATABASE_URL", url)
    engine = get_engine()  # the command line's engine

    def penuh(conn, cursor, statement, *_):
        if statement.lstrip().upper().startswith("INSERT INTO SKM_RESPONDEN"):
            raise pe.DiskFull('could not extend file "base/16384/16500": No space left on device')

    event.listen(engine, "before_cursor_execute", penuh)
    assert main(["import", "skm", str(GOOD / "skm_koma.csv"), "--kecamatan", "Bajuin"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{PENUH}: disk server tidak punya ruang lagi"), err
    event.remove(engine, "before_cursor_execute", penuh)
    with session_scope(engine) as s:
        assert s.execute(select(ImportLog)).all() == []


def test_aplikasi_menyebut_db_upgrade_hanya_bila_skema_belum_ada(tmp_path, monkeypatch):
    import streamlit as st

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'kosong.db'}")
    st.cache_data.clear()
    at = buka(sebagai=None)  # no schema: no account can exist yet
    assert [str(e.value) for e in at.error] == [
        "Basis data belum siap. Jalankan `python -m dashboard db upgrade` (atau `make run`), lalu ulangi."]


def test_aplikasi_berkas_basis_data_tak_terbuka(app_db):
    """The database file cannot be opened (e.g. its folder lost its permissions): said so, not "db upgrade"."""
    engine = get_engine(normal_url(app_db))
    engine.dispose()

    def tak_terbuka(*_):
        raise sqlite3.OperationalError("unable to open database file")

    event.listen(engine, "connect", tak_terbuka)
    try:
        at = buka(sebagai=None)
    finally:
        event.remove(engine, "connect", tak_terbuka)
    galat = [str(e.value) for e in at.error]
    assert galat == [f"Berkas basis data {app_db.split('///', 1)[1]} tidak dapat dibuka. Periksa izin berkas dan "
                     "foldernya, lalu jalankan `python -m dashboard db upgrade`."], galat
