"""Backups that restore (issue 9, item 5): every table and every original file, on SQLite and PostgreSQL
and across the two; and every refusal changes nothing."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import uuid
import zipfile
from datetime import timezone

import pytest
from sqlalchemy import MetaData, create_engine, insert, select, text
from sqlalchemy.engine import make_url

from conftest import ROOT, TEST_PG, _pg_admin_url
from dashboard.cadangan import CadanganError, buat_cadangan, periksa_cadangan, pulihkan, revisi
from models.db import get_engine, normal_url, upgrade

SULIT = ["\\N", "\\\\N", "", " ", "baris\nbaru", 'kutip "ganda", koma', "Ünicode — ✓", "=1+1", "\\"]


def isi_semua(engine, jejak_cadangan: bool = False) -> dict[str, list[tuple]]:
    """Every row of every table (except alembic_version), comparable across SQLite and PostgreSQL.

    The audit rows of a backup and of a restore are written after the snapshot (the source gains one, the
    target another): left out unless `jejak_cadangan`; `test_jejak_cadangan_dan_pemulihan` checks them."""
    meta = MetaData()
    with engine.connect() as c:
        meta.reflect(bind=c)
        out = {}
        for t in meta.sorted_tables:
            if t.name == "alembic_version":
                continue
            kolom = sorted(t.columns.keys())
            q = select(*[t.c[k] for k in kolom]).order_by(*t.primary_key.columns)
            if t.name == "audit" and not jejak_cadangan:
                q = q.where(t.c.jenis.not_in(["cadangan", "pulih"]))
            out[t.name] = [tuple(_normal(v) for v in r) for r in c.execute(q).all()]
    return out


def _normal(v):
    if hasattr(v, "tzinfo") and hasattr(v, "hour"):
        return v.astimezone(timezone.utc).replace(tzinfo=None) if v.tzinfo else v
    if isinstance(v, memoryview):
        return bytes(v)
    return v


def _isi_sulit(url: str) -> None:
    """Rows no demo file has: every awkward text, a NULL beside an empty text, exact floats, binary bytes."""
    from models.tables import ImportLog, Kecamatan, Pemetaan, SkmRekap
    from models.db import session_scope

    with session_scope(get_engine(url)) as s:
        k = Kecamatan(nama="Uji Cadangan \\N", kabupaten="Kab, \"Uji\"\nbaris")
        s.add(k)
        s.flush()
        for i, teks in enumerate(SULIT):
            s.add(Pemetaan(nama=f"peta {i}", dataset="skm", peta=json.dumps({teks: "u1"})))
            s.add(SkmRekap(kecamatan_id=k.id, tahun=2030, triwulan=1, unsur=teks or "kosong",
                           nilai=0.1 + 0.2 * i, responden=None))
        s.add(ImportLog(pengguna="uji", dataset="skm", nama_file="../../etc/passwd", sha256="0" * 64,
                        isi_file=bytes(range(256)) * 3, galat="[]", peringatan="[]", opsi="{}"))
        s.add(ImportLog(pengguna="", dataset="skm", nama_file="kosong.csv", sha256="1" * 64, isi_file=b"",
                        galat="[]", peringatan="[]", opsi="{}"))


@pytest.fixture
def sumber(demo_db):
    """The demo database plus the awkward rows."""
    _isi_sulit(demo_db)
    return demo_db


def _url_baru(db_backend, tmp_path) -> str:
    if db_backend == "sqlite":
        return f"sqlite:///{tmp_path / f'tujuan_{uuid.uuid4().hex[:6]}.db'}"
    if not TEST_PG:
        pytest.skip("PostgreSQL test skipped: TEST_DATABASE_URL is not set")
    nama = f"uji_cad_{uuid.uuid4().hex[:10]}"
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{nama}"'))
    admin.dispose()
    return make_url(normal_url(TEST_PG)).set(database=nama).render_as_string(hide_password=False)


@pytest.fixture
def tujuan(db_backend, tmp_path):
    """A new database with no schema at all, on the backend of the test."""
    url = _url_baru(db_backend, tmp_path)
    yield url
    get_engine(normal_url(url)).dispose()
    get_engine.cache_clear()
    if url.startswith("postgresql"):
        admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.postgres
def test_round_trip_every_row(sumber, tujuan):
    """SQLite → SQLite, and SQLite → PostgreSQL (how an office moves to the kabupaten server)."""
    asal = get_engine(sumber)
    zip_ = buat_cadangan(engine=asal)
    hasil = pulihkan(zip_, engine=get_engine(normal_url(tujuan)))
    a, b = isi_semua(asal), isi_semua(get_engine(normal_url(tujuan)))
    assert a == b
    assert sum(hasil.tabel.values()) == sum(len(v) for v in a.values())
    assert len(a["import_log"]) == 25 and hasil.berkas == 25
    assert any(r for r in a["pemetaan"] if "\\N" in r[-1])  # the NULL marker as text came back as text


@pytest.mark.postgres
def test_round_trip_from_postgresql(db_url, tmp_path):
    """A database on either backend (the `db_url` fixture) → backup → a new SQLite file, every row equal;
    and the restored database takes new imports (PostgreSQL's sequences continue after the restored ids)."""
    from dashboard.demo import muat_demo
    from dashboard.impor import impor

    muat_demo(url=db_url)
    _isi_sulit(db_url)
    asal = get_engine(normal_url(db_url))
    zip_ = buat_cadangan(engine=asal)
    for url in (f"sqlite:///{tmp_path / 'balik.db'}", db_url.replace("/uji_", "/uji_balik_") if "postgresql" in db_url
                else f"sqlite:///{tmp_path / 'balik2.db'}"):
        if url.startswith("postgresql"):
            admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
            with admin.connect() as c:
                c.execute(text(f'CREATE DATABASE "{make_url(normal_url(url)).database}"'))
            admin.dispose()
        try:
            e = get_engine(normal_url(url))
            pulihkan(zip_, engine=e)
            assert isi_semua(asal) == isi_semua(e)
            hasil = impor("indikator", "kode,indikator,tahun,target\nIKU-BARU,Indikator baru,2025,10\n",
                          "baru.csv", engine=e, kecamatan="Bajuin")
            assert hasil.status == "berhasil", hasil.galat
        finally:
            get_engine(normal_url(url)).dispose()
            if url.startswith("postgresql"):
                admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
                with admin.connect() as c:
                    c.execute(text(f'DROP DATABASE IF EXISTS "{make_url(normal_url(url)).database}" WITH (FORCE)'))
                admin.dispose()


def _ubah_anggota(zip_: bytes, nama: str, isi: bytes | None) -> bytes:
    """The same ZIP with one member replaced (None: left out)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(zip_)) as a, zipfile.ZipFile(out, "w") as b:
        for info in a.infolist():
            if info.filename == nama:
                if isi is not None:
                    b.writestr(info, isi)
            else:
                b.writestr(info, a.read(info))
    return out.getvalue()


@pytest.fixture(scope="module")
def cadangan_demo(demo_template, tmp_path_factory):
    """A backup of a copy of the demo (a backup adds its audit row: the shared template stays as it is)."""
    import shutil

    salinan = tmp_path_factory.mktemp("cadangan_demo") / "demo.db"
    shutil.copy(demo_template, salinan)
    return buat_cadangan(engine=create_engine(f"sqlite:///{salinan}"))


@pytest.mark.parametrize("rusak, pesan", [
    (lambda z: z[: len(z) // 2], "bukan ZIP yang utuh"),
    (lambda z: b"PK\x03\x04" + b"\0" * 100, "bukan ZIP yang utuh"),
    (lambda z: _ubah_anggota(z, "tabel/desa.csv", b"id,nama\n1,palsu\n"), "tidak cocok dengan checksum"),
    (lambda z: _ubah_anggota(z, "berkas/import_log/3_03_realisasi.csv", None), "berkas hilang"),
    (lambda z: _ubah_anggota(z, "manifest.json", None), "manifest.json tidak ada"),
    (lambda z: _ubah_anggota(z, "manifest.json", b"{bukan json"), "manifest.json tidak terbaca"),
    (lambda z: _ubah_anggota(z, "manifest.json", json.dumps({"format": "lain"}).encode()), "format manifest"),
])
def test_damaged_backup_refused_and_nothing_written(cadangan_demo, tmp_path, rusak, pesan):
    url = f"sqlite:///{tmp_path / 'tujuan.db'}"
    with pytest.raises(CadanganError, match=pesan):
        pulihkan(rusak(cadangan_demo), engine=get_engine(url))
    assert not (tmp_path / "tujuan.db").exists() or not isi_semua(get_engine(url))


def test_extra_member_refused(cadangan_demo):
    out = io.BytesIO(cadangan_demo)
    with zipfile.ZipFile(out, "a") as z:
        z.writestr("tabel/sisipan.csv", "id\n1\n")
    with pytest.raises(CadanganError, match="tidak tercatat di manifest"):
        periksa_cadangan(out.getvalue())


def test_non_empty_database_refused_unchanged(cadangan_demo, demo_db):
    e = get_engine(demo_db)
    sebelum = isi_semua(e)
    with pytest.raises(CadanganError, match="tidak kosong"):
        pulihkan(cadangan_demo, engine=e)
    assert isi_semua(e) == sebelum


def test_fresh_upgraded_database_accepted(cadangan_demo, tmp_path, demo_template):
    """A database that `db upgrade` made (with only the reference data) counts as empty; its reference rows
    are replaced by the backup's."""
    from dashboard.basisdata import siapkan_basis_data

    url = f"sqlite:///{tmp_path / 'baru.db'}"
    siapkan_basis_data(url)
    pulihkan(cadangan_demo, engine=get_engine(url))
    assert isi_semua(get_engine(url)) == isi_semua(create_engine(f"sqlite:///{demo_template}"))


def test_other_revision_refused_unchanged(cadangan_demo, tmp_path):
    url = f"sqlite:///{tmp_path / 'lama.db'}"
    from alembic import command

    from models.db import alembic_config

    command.upgrade(alembic_config(url), "0001")
    e = get_engine(url)
    sebelum = isi_semua(e)
    with pytest.raises(CadanganError, match="revisi skema"):
        pulihkan(cadangan_demo, engine=e)
    assert isi_semua(e) == sebelum
    with e.connect() as c:
        assert revisi(c) == "0001"


def test_backup_from_newer_app_refused(cadangan_demo, tmp_path):
    with zipfile.ZipFile(io.BytesIO(cadangan_demo)) as z:
        m = json.loads(z.read("manifest.json"))
    m["revisi"] = "9999"
    zip_ = _ubah_anggota(cadangan_demo, "manifest.json", json.dumps(m).encode())
    with pytest.raises(CadanganError, match="versi aplikasi yang lebih baru"):
        pulihkan(zip_, engine=get_engine(f"sqlite:///{tmp_path / 'x.db'}"))


def test_cli_backup_restore(demo_db, tmp_path):
    out = tmp_path / "cadangan.zip"
    env = {"DATABASE_URL": demo_db, "PATH": "/usr/bin:/bin"}
    jalankan = [sys.executable, "-m", "dashboard"]
    r = subprocess.run([*jalankan, "backup", "--out", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "Cadangan tersimpan" in r.stdout
    r = subprocess.run([*jalankan, "restore", str(out), "--periksa"], cwd=ROOT, env=env, capture_output=True,
                       text=True)
    assert r.returncode == 0 and "Cadangan utuh" in r.stdout, r.stderr
    r = subprocess.run([*jalankan, "restore", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert r.returncode == 1 and "tidak kosong" in r.stderr and "Traceback" not in r.stderr
    baru = {**env, "DATABASE_URL": f"sqlite:///{tmp_path / 'baru.db'}"}
    r = subprocess.run([*jalankan, "restore", str(out)], cwd=ROOT, env=baru, capture_output=True, text=True)
    assert r.returncode == 0 and "dipulihkan" in r.stdout, r.stderr
    assert isi_semua(get_engine(baru["DATABASE_URL"])) == isi_semua(get_engine(demo_db))
    r = subprocess.run([*jalankan, "restore", str(tmp_path / "tidak_ada.zip")], cwd=ROOT, env=env,
                       capture_output=True, text=True)
    assert r.returncode == 2


def test_jejak_cadangan_dan_pemulihan(sumber, tmp_path):
    """A backup and a restore are each one audit row (who, and the row counts), beside every restored row."""
    from dashboard.akun import Pelaku, baca_audit
    from models.db import session_scope

    asal = get_engine(sumber)
    admin = Pelaku(nama="admin.kab", peran="admin", alamat="10.0.0.5")
    zip_ = buat_cadangan(engine=asal, pengguna=admin)
    url = f"sqlite:///{tmp_path / 'baru.db'}"
    pulihkan(zip_, engine=get_engine(url), pengguna=admin)
    with session_scope(asal) as s:
        cad = baca_audit(s, jenis="cadangan")
    with session_scope(get_engine(url)) as s:
        pul = baca_audit(s, jenis="pulih")
        assert not baca_audit(s, jenis="cadangan")  # the backup's own row came after its snapshot
    assert [(r["pengguna"], r["alamat"]) for r in cad] == [("admin.kab", "10.0.0.5")]
    assert [(r["pengguna"], r["alamat"]) for r in pul] == [("admin.kab", "10.0.0.5")]
    assert json.loads(pul[0]["sesudah"])["import_log"] == json.loads(cad[0]["sesudah"])["import_log"]
