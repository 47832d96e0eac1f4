"""Bringing a database up to date (the Alembic migrations, then the reference data), and saying in words
why the database refused to work (a full disk, a read-only file, another writer, no schema yet)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from dashboard import referensi
from dashboard.pengaturan import KUNCI_TULIS
from models.db import database_url, get_engine, session_scope, upgrade

PERINTAH_UPGRADE = "python -m dashboard db upgrade"
TIDAK_DISIMPAN = "Tidak ada yang disimpan."


def siapkan_basis_data(url: str | None = None) -> None:
    url = url or database_url()
    upgrade(url)
    with session_scope(get_engine(url), kunci=KUNCI_TULIS) as session:
        referensi.isi(session)


# SQLite's primary result codes (https://sqlite.org/rescode.html) and PostgreSQL's SQLSTATE classes.
_SQLITE = {5: "sibuk", 6: "sibuk", 8: "hanya_baca", 10: "io", 11: "rusak", 13: "penuh", 14: "tak_terbuka",
           23: "hanya_baca", 26: "rusak"}
_SQLITE_TEKS = (("database or disk is full", "penuh"), ("readonly database", "hanya_baca"),
                ("unable to open database file", "tak_terbuka"), ("database is locked", "sibuk"),
                ("disk i/o error", "io"), ("malformed", "rusak"), ("file is not a database", "rusak"),
                ("no such table", "belum_siap"))
_PG = {"53100": "penuh", "25006": "hanya_baca", "42501": "hanya_baca", "55P03": "sibuk", "40P01": "sibuk",
       "42P01": "belum_siap", "3D000": "tak_ada", "58030": "io", "XX001": "rusak", "XX002": "rusak"}
_OS = {errno.ENOSPC: "penuh", errno.EDQUOT: "penuh", errno.EROFS: "hanya_baca", errno.EACCES: "hanya_baca",
       errno.EPERM: "hanya_baca", errno.EIO: "io"}


def jenis_galat(exc: BaseException) -> str | None:
    """What kind of database trouble `exc` is (or wraps), or None for anything else (e.g. a bug)."""
    from sqlalchemy.exc import DBAPIError

    seen = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, DBAPIError) and e.orig is not None:
            e = e.orig
            continue
        kode = getattr(e, "sqlite_errorcode", None)
        if kode is not None and (kode & 0xFF) in _SQLITE:
            return _SQLITE[kode & 0xFF]
        sqlstate = getattr(e, "sqlstate", None)
        if sqlstate:
            if sqlstate in _PG:
                return _PG[sqlstate]
            if sqlstate.startswith("08"):
                return "tak_terhubung"
        teks = str(e).lower()
        if type(e).__module__.startswith("sqlite3") or "sqlite" in type(e).__module__:
            for potongan, jenis in _SQLITE_TEKS:
                if potongan in teks:
                    return jenis
        if isinstance(e, OSError) and e.errno in _OS:
            return _OS[e.errno]
        if type(e).__name__ == "OperationalError" and "connection" in teks and "failed" in teks:
            return "tak_terhubung"
        e = e.__cause__ or e.__context__
    return None


def pesan_galat(exc: BaseException, url: str | None = None) -> str | None:
    """The true cause in Indonesian, for the command line and the app, or None when `exc` is not a database
    trouble a person can fix (then it is a bug, and is reported as one)."""
    jenis = jenis_galat(exc)
    if jenis is None:
        return None
    url = url or database_url()
    berkas = _berkas_sqlite(url)
    tempat = f" ({berkas})" if berkas else ""
    if jenis == "penuh":
        return ("Penyimpanan basis data penuh: disk server tidak punya ruang lagi, sehingga perubahan tidak dapat "
                f"ditulis{tempat}. {TIDAK_DISIMPAN} Kosongkan ruang disk (atau minta pengelola server), lalu ulangi.")
    if jenis in ("hanya_baca", "tak_terbuka") and berkas:
        return _pesan_berkas(Path(berkas), jenis)
    if jenis == "hanya_baca":
        return ("Basis data hanya dapat dibaca: server basis data atau hak akses penggunanya tidak mengizinkan "
                f"perubahan. {TIDAK_DISIMPAN} Minta pengelola basis data membuka izin tulis, lalu ulangi.")
    if jenis == "sibuk":
        return ("Basis data sedang dipakai oleh impor atau perubahan lain yang belum selesai, dan tidak lepas "
                f"dalam waktu tunggu. {TIDAK_DISIMPAN} Ulangi sebentar lagi.")
    if jenis == "belum_siap":
        return f"Basis data belum siap. Jalankan `{PERINTAH_UPGRADE}` (atau `make run`), lalu ulangi."
    if jenis in ("tak_terhubung", "tak_ada", "tak_terbuka"):
        return ("Basis data tidak dapat dihubungi atau dibuka. Periksa DATABASE_URL dan apakah server basis "
                "datanya berjalan.")
    if jenis == "io":
        return (f"Basis data tidak dapat dibaca atau ditulis karena galat perangkat penyimpanan{tempat}. "
                f"{TIDAK_DISIMPAN} Periksa disk server.")
    return (f"Berkas basis data rusak{tempat}. {TIDAK_DISIMPAN} Pulihkan dari cadangan, atau minta pengelola "
            "server memeriksanya.")


def _berkas_sqlite(url: str) -> str | None:
    from sqlalchemy.engine import make_url

    try:
        u = make_url(url)
    except Exception:
        return None
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return str(Path(u.database).resolve())


def _pesan_berkas(berkas: Path, jenis: str) -> str:
    folder = berkas.parent
    if not folder.is_dir():
        return f"Folder basis data {folder} tidak ada. Buat folder itu, lalu jalankan `{PERINTAH_UPGRADE}`."
    if not os.access(folder, os.W_OK):
        return (f"Folder basis data {folder} hanya dapat dibaca: SQLite perlu menulis berkas pendamping (-wal, "
                f"-shm) di sebelah {berkas.name}. {TIDAK_DISIMPAN} Berikan izin tulis pada folder itu (atau "
                "pindahkan basis data ke folder yang dapat ditulis), lalu ulangi.")
    if berkas.exists() and not os.access(berkas, os.W_OK):
        return (f"Berkas basis data {berkas} hanya dapat dibaca. {TIDAK_DISIMPAN} Berikan izin tulis pada berkas "
                "itu, lalu ulangi.")
    if jenis == "tak_terbuka":
        return (f"Berkas basis data {berkas} tidak dapat dibuka. Periksa izin berkas dan foldernya, lalu "
                f"jalankan `{PERINTAH_UPGRADE}`.")
    return (f"Basis data {berkas} hanya dapat dibaca. {TIDAK_DISIMPAN} Periksa izin tulis berkas dan foldernya, "
            "lalu ulangi.")
