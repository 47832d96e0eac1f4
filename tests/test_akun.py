"""Issue 9: accounts, roles, logins, the audit trail, enforced in dashboard/ whoever calls it.

The role matrix runs every write as each role (admin, the kecamatan's operator, another kecamatan's operator, a
camat, a kabupaten viewer) and checks allowed/refused, the database unchanged after a refusal, and one audit row
for every action and every refusal. Lockout and idle expiry use a clock the test controls (no sleeps).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import func, select

from dashboard import akun
from dashboard.akun import AksesDitolak, AkunError, MasukGagal, Pelaku
from models.db import get_engine, session_scope
from models.tables import Audit, Kecamatan, Pengguna, SesiLogin
from test_impor_bantu import GOOD, bd, potret, templat_impor  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
SANDI = "sandi-rahasia-1"


def _kid(nama: str) -> int:
    with session_scope() as s:
        return s.execute(select(Kecamatan.id).where(Kecamatan.nama == nama)).scalar_one()


def _pelaku(nama: str) -> Pelaku:
    """The Pelaku of a stored account, as a login gives it."""
    token, p = akun.masuk(get_engine(), nama, SANDI, alamat="10.1.2.3")
    return p


def _akun_uji() -> dict[str, Pelaku]:
    sistem = akun.pelaku_sistem()
    with session_scope(kunci=akun.KUNCI_TULIS) as s:
        akun.tambah_pengguna(s, "admin.kab", SANDI, "admin", pengguna=sistem)
        akun.tambah_pengguna(s, "op.bajuin", SANDI, "operator", ["Bajuin"], pengguna=sistem)
        akun.tambah_pengguna(s, "op.batibati", SANDI, "operator", ["Bati-Bati"], pengguna=sistem)
        akun.tambah_pengguna(s, "camat.bajuin", SANDI, "pimpinan", ["Bajuin"], pengguna=sistem)
        akun.tambah_pengguna(s, "bupati", SANDI, "pimpinan", [], pengguna=sistem)
    return {n: _pelaku(n) for n in ("admin.kab", "op.bajuin", "op.batibati", "camat.bajuin", "bupati")}


def _audit(**kw) -> list[dict]:
    with session_scope() as s:
        return akun.baca_audit(s, **kw)


# ---------------------------------------------------------------- the writes of the matrix

def _impor(p):
    from dashboard.impor import impor

    h = impor("anggaran", (GOOD / "anggaran_koma.csv").read_bytes(), "anggaran_koma.csv", kecamatan="Bajuin",
              tahun=2025, triwulan=4, pengguna=p)
    assert h.status == "berhasil", h.galat


def _isian(p):
    from dashboard.impor import impor_tabel

    df = pd.DataFrame([{"kode": "IKU-9", "indikator": "Uji isian", "satuan": "%", "jenis": "iku",
                        "tahun": 2025, "target": 80}])
    h = impor_tabel("indikator", df, nama_file="isian-manual-indikator.csv", kecamatan="Bajuin", pengguna=p)
    assert h.status == "berhasil", h.galat


def _batal(p):
    from dashboard.impor import batalkan, impor

    h = impor("anggaran", (GOOD / "anggaran_koma.csv").read_bytes(), "anggaran_koma.csv", kecamatan="Bajuin",
              tahun=2025, triwulan=4, pengguna=akun.pelaku_sistem())
    batalkan(h.import_id, pengguna=p)


def _unduh_asli(p):
    from dashboard.impor import impor, isi_berkas

    h = impor("anggaran", (GOOD / "anggaran_koma.csv").read_bytes(), "anggaran_koma.csv", kecamatan="Bajuin",
              tahun=2025, triwulan=4, pengguna=akun.pelaku_sistem())
    with session_scope() as s:
        isi_berkas(s, h.import_id, pengguna=p)


def _pengaturan(p):
    from dashboard import pengaturan

    with session_scope(kunci=pengaturan.KUNCI_TULIS) as s:
        pengaturan.simpan(s, "efisiensi_metode", "rasio", kecamatan_id=_kid("Bajuin"), pengguna=p)


def _master(p):
    from dashboard import kelola

    with session_scope() as s:
        kelola.ubah_kecamatan(s, _kid("Bajuin"), "Bajuin Baru", "Tanah Laut", pengguna=p)


def _templat(p):
    from dashboard.ekspor import templat
    from test_ekspor_templat import templat_kabupaten

    with session_scope() as s:
        templat.simpan(s, templat_kabupaten(), "kabupaten.pptx", pengguna=p)


def _pengguna(p):
    with session_scope(kunci=akun.KUNCI_TULIS) as s:
        akun.tambah_pengguna(s, "baru", SANDI, "pimpinan", ["Bajuin"], pengguna=p)


def _cadangan(p):
    from dashboard.cadangan import buat_cadangan

    buat_cadangan(pengguna=p)


TULIS = {"impor": _impor, "isian": _isian, "batal": _batal, "unduh_asli": _unduh_asli, "pengaturan": _pengaturan,
         "master": _master, "templat": _templat, "pengguna": _pengguna, "cadangan": _cadangan}
# Who may: the admin everything; the Bajuin operator the data of Bajuin; nobody else anything.
BOLEH = {
    "admin.kab": set(TULIS),
    "op.bajuin": {"impor", "isian", "batal", "unduh_asli"},
    "op.batibati": set(),
    "camat.bajuin": set(),
    "bupati": set(),
}


@pytest.mark.postgres
@pytest.mark.parametrize("tulis", list(TULIS))
def test_matriks_peran(bd, tulis):
    """Each role × each write: allowed, or refused with an Indonesian message, nothing written, one audit row."""
    pelaku = _akun_uji()
    for nama, p in pelaku.items():
        sebelum = potret(bd)
        n_tolak = len(_audit(jenis="akses_ditolak"))
        if tulis in BOLEH[nama]:
            TULIS[tulis](p)
            if tulis == "unduh_asli":  # a read: allowed is all (the page builds the button before any click)
                continue
            jejak = [r for r in _audit(pengguna=nama) if r["jenis"] not in ("masuk",)]
            assert jejak and jejak[0]["hasil"] == "berhasil" and jejak[0]["alamat"] == "10.1.2.3", (nama, tulis)
        else:
            with pytest.raises(AksesDitolak) as exc:
                TULIS[tulis](p)
            assert re.match(r"(Akses ditolak|Anda belum masuk)", str(exc.value)), str(exc.value)
            if tulis not in ("batal", "unduh_asli"):  # those make their own import first, as the system
                assert potret(bd) == sebelum, f"{nama} {tulis}: a refused write changed the data"
            tolak = _audit(jenis="akses_ditolak")
            assert len(tolak) == n_tolak + 1, (nama, tulis)
            assert tolak[0]["pengguna"] == nama and tolak[0]["hasil"] == "ditolak"
        if tulis == "master" and nama == "admin.kab":
            with session_scope() as s:  # put the name back for the next role
                from dashboard import kelola

                kelola.ubah_kecamatan(s, _kid("Bajuin Baru"), "Bajuin", "Tanah Laut", pengguna=p)


@pytest.mark.postgres
def test_operator_tidak_mengimpor_berkas_kabupaten_yang_memuat_kecamatan_lain(bd):
    """A kabupaten-wide file names its kecamatan only once read: refused when one of them is not the operator's."""
    from dashboard.impor import impor

    p = _akun_uji()["op.bajuin"]
    sebelum = potret(bd)
    with pytest.raises(AksesDitolak, match="Bati-Bati|Pelaihari"):
        impor("desa", (GOOD / "desa_satudata_kecamatan.xlsx").read_bytes(), "desa_satudata_kecamatan.xlsx",
              tahun=2025, pengguna=p)
    assert potret(bd) == sebelum


def test_tamu_tidak_menulis_apa_pun(bd):
    for tulis, f in TULIS.items():
        with pytest.raises(AksesDitolak, match="belum masuk"):
            f(akun.TAMU)


# ---------------------------------------------------------------- logins, lockout, idle expiry

@pytest.mark.postgres
def test_kunci_setelah_lima_gagal_dengan_jam_uji(bd):
    _akun_uji()
    engine = get_engine()
    t0 = datetime(2026, 12, 5, 8, 0, tzinfo=timezone.utc)
    for i in range(4):
        with pytest.raises(MasukGagal, match=f"Sisa percobaan sebelum akun terkunci: {4 - i}"):
            akun.masuk(engine, "op.bajuin", "salah", sekarang=t0 + timedelta(seconds=i))
    with pytest.raises(MasukGagal, match="akun terkunci sampai") as exc:
        akun.masuk(engine, "op.bajuin", "salah", sekarang=t0 + timedelta(seconds=5))
    assert exc.value.terkunci_sampai == t0 + timedelta(seconds=5, minutes=15)
    # Locked: even the right password is refused until the time it opens, which the message gives.
    with pytest.raises(MasukGagal, match="Akun terkunci karena 5 kali gagal masuk. Coba lagi setelah"):
        akun.masuk(engine, "op.bajuin", SANDI, sekarang=t0 + timedelta(minutes=15))
    token, p = akun.masuk(engine, "op.bajuin", SANDI, sekarang=t0 + timedelta(minutes=15, seconds=6))
    assert p.nama == "op.bajuin" and p.kecamatan == frozenset({_kid("Bajuin")})
    jenis = [r["jenis"] for r in _audit(pengguna="op.bajuin")]
    assert jenis.count("masuk_gagal") == 6 and jenis.count("terkunci") == 1
    # An unknown name is refused with the same words (no hint which names exist), and recorded.
    with pytest.raises(MasukGagal, match="^Nama pengguna atau kata sandi salah.$"):
        akun.masuk(engine, "tidak.ada", "apa saja")
    assert _audit(pengguna="tidak.ada")[0]["jenis"] == "masuk_gagal"


@pytest.mark.postgres
def test_sesi_berakhir_setelah_menganggur_dan_keluar_di_mana_mana(bd):
    _akun_uji()
    engine = get_engine()
    t0 = datetime(2026, 12, 5, 8, 0, tzinfo=timezone.utc)
    token, _ = akun.masuk(engine, "camat.bajuin", SANDI, sekarang=t0)
    # Each use within the idle time keeps it alive (a reload, a new tab: the same token).
    assert akun.pelaku_sesi(engine, token, sekarang=t0 + timedelta(minutes=59)).nama == "camat.bajuin"
    assert akun.pelaku_sesi(engine, token, sekarang=t0 + timedelta(minutes=118)).nama == "camat.bajuin"
    assert akun.pelaku_sesi(engine, token, sekarang=t0 + timedelta(minutes=179)) is None  # 61 minutes idle
    assert akun.pelaku_sesi(engine, token, sekarang=t0 + timedelta(minutes=180)) is None  # and it stays ended
    assert _audit(jenis="sesi_habis")[0]["pengguna"] == "camat.bajuin"
    # The idle time is a setting.
    with session_scope() as s:
        akun.simpan_setelan(s, "sesi_menganggur_menit", "5", pengguna=akun.pelaku_sistem())
    token, _ = akun.masuk(engine, "camat.bajuin", SANDI, sekarang=t0)
    assert akun.pelaku_sesi(engine, token, sekarang=t0 + timedelta(minutes=6)) is None
    # Logout ends every login of the user.
    a, p = akun.masuk(engine, "camat.bajuin", SANDI)
    b, _ = akun.masuk(engine, "camat.bajuin", SANDI)
    akun.keluar(engine, a, p)
    assert akun.pelaku_sesi(engine, a) is None and akun.pelaku_sesi(engine, b) is None
    assert _audit(jenis="keluar")[0]["pengguna"] == "camat.bajuin"
    # A disabled account's logins end at once.
    c, _ = akun.masuk(engine, "op.bajuin", SANDI)
    with session_scope() as s:
        akun.nonaktifkan(s, "op.bajuin", pengguna=akun.pelaku_sistem())
    assert akun.pelaku_sesi(engine, c) is None
    with pytest.raises(MasukGagal, match="dinonaktifkan"):
        akun.masuk(engine, "op.bajuin", SANDI)


@pytest.mark.postgres
def test_sandi_tidak_pernah_disimpan_atau_dicatat(bd):
    _akun_uji()
    with pytest.raises(MasukGagal):
        akun.masuk(get_engine(), "op.bajuin", "sandi-yang-salah-99")
    with session_scope() as s:
        akun.ubah_sandi(s, "op.bajuin", "sandi-baru-12345", pengguna=akun.pelaku_sistem())
        hashes = s.execute(select(Pengguna.hash_sandi)).scalars().all()
        sesi_ids = s.execute(select(SesiLogin.id)).scalars().all()
        audit = json.dumps([list(r) for r in s.execute(select(Audit)).all()], default=str)
    assert all(h.startswith("$argon2id$") for h in hashes)
    for rahasia in (SANDI, "sandi-yang-salah-99", "sandi-baru-12345"):
        assert rahasia not in audit and rahasia not in "".join(hashes)
    assert all(re.fullmatch(r"[0-9a-f]{64}", i) for i in sesi_ids)  # only the SHA-256 of each token


def test_aturan_akun(bd):
    sistem = akun.pelaku_sistem()
    with session_scope() as s:
        with pytest.raises(AkunError, match="minimal 8"):
            akun.tambah_pengguna(s, "a", "pendek", "admin", pengguna=sistem)
        with pytest.raises(AkunError, match="sedikitnya satu kecamatan"):
            akun.tambah_pengguna(s, "op", SANDI, "operator", pengguna=sistem)
        with pytest.raises(AkunError, match="Kecamatan tidak ada: Atlantis"):
            akun.tambah_pengguna(s, "op", SANDI, "operator", ["Atlantis"], pengguna=sistem)
        with pytest.raises(AkunError, match="tanpa spasi"):
            akun.tambah_pengguna(s, "nama dengan spasi", SANDI, "admin", pengguna=sistem)
        akun.tambah_pengguna(s, "admin.satu", SANDI, "admin", pengguna=sistem)
        with pytest.raises(AkunError, match="sudah dipakai"):
            akun.tambah_pengguna(s, "ADMIN.SATU", SANDI, "admin", pengguna=sistem)
        with pytest.raises(AkunError, match="Admin aktif terakhir"):
            akun.nonaktifkan(s, "admin.satu", pengguna=sistem)
    with pytest.raises(AkunError, match="sudah dibuat"):
        akun.buat_admin_pertama(get_engine(), "admin.dua", SANDI)


@pytest.mark.postgres
def test_audit_mencatat_sebelum_dan_sesudah(bd):
    pelaku = _akun_uji()
    admin = pelaku["admin.kab"]
    with session_scope() as s:
        akun.ubah_pengguna(s, "op.bajuin", kecamatan=["Bajuin", "Pelaihari"], pengguna=admin)
    r = _audit(jenis="pengguna")[0]
    assert r["pengguna"] == "admin.kab" and r["alamat"] == "10.1.2.3"
    assert json.loads(r["sebelum"])["kecamatan"] == ["Bajuin"]
    assert json.loads(r["sesudah"])["kecamatan"] == ["Bajuin", "Pelaihari"]
    _pengaturan(admin)
    r = _audit(jenis="pengaturan")[0]
    assert (r["uraian"], r["sebelum"], r["sesudah"], r["kecamatan"]) == ("Metode efisiensi", None, "rasio", "Bajuin")
    _impor(pelaku["op.bajuin"])
    r = _audit(jenis="impor")[0]
    assert r["kecamatan"] == "Bajuin" and json.loads(r["sesudah"])["baru"] > 0
    # A rejected file is a row of its own.
    from dashboard.impor import impor

    h = impor("anggaran", b"Kode Rekening;Uraian;Anggaran;Realisasi\n5;Belanja;bukan angka;1\n", "salah.csv",
              kecamatan="Bajuin", tahun=2025, triwulan=4, pengguna=pelaku["op.bajuin"])
    assert h.status == "ditolak"
    assert _audit(jenis="impor_ditolak")[0]["pengguna"] == "op.bajuin"


def test_jejak_audit_hanya_ditambah():
    """No code path of the application updates or deletes an audit row."""
    pola = re.compile(r"(update|delete)\(\s*(Audit\b|Audit\.__table__|[\"']audit[\"'])|UPDATE audit|DELETE FROM audit",
                      re.I)
    for berkas in [*ROOT.glob("dashboard/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "streamlit_app.py",
                   *ROOT.glob("models/**/*.py")]:
        teks = berkas.read_text(encoding="utf-8")
        if "migrations" in str(berkas):
            continue
        assert not pola.search(teks), f"{berkas} changes the audit trail"


# ---------------------------------------------------------------- the command line

def _cli(*args, masukan: str | None = None, env=None):
    import os

    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, input=masukan, text=True,
                          capture_output=True, env={**os.environ, **(env or {})}, timeout=120)


@pytest.mark.postgres
def test_cli_user_dan_audit(bd):
    r = _cli("user", "add", "op.bajuin", "--peran", "operator", "--kecamatan", "Bajuin", "--sandi-stdin",
             masukan=SANDI + "\n")
    assert r.returncode == 0 and "dibuat" in r.stdout and SANDI not in r.stdout + r.stderr
    r = _cli("user", "add", "op.x", "--peran", "operator", "--sandi-stdin", masukan=SANDI + "\n")
    assert r.returncode == 1 and "sedikitnya satu kecamatan" in r.stderr
    r = _cli("user", "passwd", "op.bajuin", "--sandi-stdin", masukan="sandi-baru-2026\n")
    assert r.returncode == 0
    akun.masuk(get_engine(), "op.bajuin", "sandi-baru-2026")
    assert _cli("user", "disable", "op.bajuin").returncode == 0
    r = _cli("user", "list")
    assert re.search(r"op\.bajuin\toperator\tBajuin\tnonaktif", r.stdout), r.stdout
    r = _cli("audit", "--since", "2020-01-01", "--json")
    rows = json.loads(r.stdout)
    assert [x["jenis"] for x in rows] == ["pengguna", "pengguna", "masuk", "pengguna"]
    assert all(x["peran"] == "sistem" and x["pengguna"].endswith("(baris perintah)")
               for x in rows if x["jenis"] == "pengguna")
    assert json.loads(rows[-1]["sebelum"])["aktif"] is True and json.loads(rows[-1]["sesudah"])["aktif"] is False
    r = _cli("audit", "--since", "kemarin")
    assert r.returncode == 2 and "bukan tanggal" in r.stderr
    r = _cli("pengaturan", "set", "akses_baca_tanpa_login", "ya")
    assert r.returncode == 0 and "akses_baca_tanpa_login = 1" in r.stdout


@pytest.mark.postgres
def test_masuk_lewat_penyedia_identitas_dicocokkan_dengan_email(bd):
    sistem = akun.pelaku_sistem()
    with session_scope() as s:
        akun.tambah_pengguna(s, "camat.bajuin", SANDI, "pimpinan", ["Bajuin"], email="Camat@Tanahlaut.go.id",
                             pengguna=sistem)
    token, p = akun.masuk_email(get_engine(), "camat@tanahlaut.go.id")
    assert p.nama == "camat.bajuin" and akun.pelaku_sesi(get_engine(), token).nama == "camat.bajuin"
    with pytest.raises(MasukGagal, match="Tidak ada akun aktif untuk e-mail orang@lain.id"):
        akun.masuk_email(get_engine(), "orang@lain.id")
    assert _audit(jenis="masuk")[0]["uraian"] == "Masuk lewat penyedia identitas (OIDC)"
    assert _audit(jenis="masuk_gagal")[0]["pengguna"] == "orang@lain.id"


def test_sesi_tidak_menunggu_impor_yang_memegang_kunci_tulis(bd):
    """A page run notes the session's last use, but never waits for an import holding SQLite's write lock."""
    import sqlite3
    import time

    _akun_uji()
    engine = get_engine()
    token, _ = akun.masuk(engine, "camat.bajuin", SANDI)
    penulis = sqlite3.connect(bd.split("///", 1)[1], isolation_level=None)
    penulis.execute("BEGIN IMMEDIATE")  # as an import does for its whole transaction
    try:
        mulai = time.monotonic()
        p = akun.pelaku_sesi(engine, token, sekarang=akun.utcnow() + timedelta(minutes=2))
        assert p is not None and p.nama == "camat.bajuin"
        assert time.monotonic() - mulai < 3
    finally:
        penulis.rollback()
        penulis.close()
    assert akun.pelaku_sesi(engine, token, sekarang=akun.utcnow() + timedelta(minutes=4)) is not None


def test_nama_berkas_faktor_satu():
    from dashboard.analisis_iku import NAMA_FILE_ISIAN
    from dashboard.impor.jalankan import NAMA_FILE_FAKTOR, tindakan_impor

    assert NAMA_FILE_FAKTOR == NAMA_FILE_ISIAN
    assert [tindakan_impor("realisasi", n) for n in (NAMA_FILE_ISIAN, "isian-manual-desa.csv", "lra.xlsx")] == [
        "faktor", "isian", "impor"]
