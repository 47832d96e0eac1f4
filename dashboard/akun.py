"""Accounts, roles, logins and the audit trail: who may do what, enforced here for every caller.

Every write of `dashboard` takes the acting user (`pengguna=`): a `Pelaku` (the logged-in user of a page) or a
plain name, which stands for a local process (the command line, the demo loader, a script): whoever can run
it already owns the database file or its credentials, so it acts as the system administrator and the audit
trail names it. `wajib` refuses what a role may not do with `AksesDitolak` (an Indonesian message) and the
refusal is recorded in the audit trail after the refused transaction is rolled back (`models.db.session_scope`).

Roles (issue 9): `admin` everything; `operator` imports, undo, manual entry and faktor texts of the kecamatan
assigned to them, and reads those; `pimpinan` reads the kecamatan assigned (none assigned: every kecamatan, a
kabupaten viewer) and downloads reports.

The audit table is append-only: this module inserts into it and nothing in the application updates or deletes it.
Passwords are hashed with argon2 (argon2-cffi) and never logged, echoed or stored; a login is a random token whose
SHA-256 is stored (`sesi_login`), so that a copy of the database gives no usable session.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.db import TUNGGU_TULIS_DETIK
from models.tables import Audit, Kecamatan, Pengaturan, PengaturanLog, Pengguna, PenggunaKecamatan, SesiLogin

PERAN = {"admin": "Admin", "operator": "Operator", "pimpinan": "Pimpinan"}
URAIAN_PERAN = {
    "admin": "pengguna, pengaturan, data induk, templat, semua kecamatan",
    "operator": "impor, pembatalan impor, isian manual dan faktor untuk kecamatannya",
    "pimpinan": "membaca dan mengunduh laporan kecamatannya (tanpa kecamatan: semua kecamatan)",
}
# What each action is called in messages and in the audit trail.
TINDAKAN = {
    "baca": "melihat data",
    "laporan": "mengunduh laporan",
    "impor": "mengimpor data",
    "batal": "membatalkan impor",
    "isian": "mengisi data manual",
    "faktor": "mengubah faktor pendorong/penghambat",
    "unduh_asli": "mengunduh berkas asli impor",
    "pengaturan": "mengubah pengaturan",
    "master": "mengubah data induk (kecamatan, desa, skala)",
    "templat": "mengganti templat PowerPoint",
    "pengguna": "mengelola pengguna",
    "cadangan": "membuat cadangan",
    "pulih": "memulihkan cadangan",
    "audit": "melihat jejak audit",
}
HANYA_ADMIN = {"pengaturan", "master", "templat", "pengguna", "cadangan", "pulih", "audit"}
OPERATOR = {"impor", "batal", "isian", "faktor", "unduh_asli"}  # an operator, for their own kecamatan
SEMUA_PERAN = {"baca", "laporan"}
# Kinds of audit rows (the Audit tab's filter), in Indonesian.
JENIS_AUDIT = {
    "impor": "Impor", "impor_ditolak": "Impor ditolak", "batal": "Pembatalan impor", "isian": "Isian manual",
    "faktor": "Faktor", "pengaturan": "Pengaturan", "master": "Data induk", "templat": "Templat PowerPoint",
    "pengguna": "Pengguna", "masuk": "Masuk", "masuk_gagal": "Gagal masuk", "terkunci": "Akun terkunci",
    "keluar": "Keluar", "sesi_habis": "Sesi berakhir", "cadangan": "Cadangan", "pulih": "Pemulihan",
    "akses_ditolak": "Akses ditolak",
}

SANDI_MIN = 8
GAGAL_MAKS = 5  # failed logins in a row that lock an account
KUNCI_MENIT = 15
SETELAN = {"akses_baca_tanpa_login": "0", "sesi_menganggur_menit": "60"}
LABEL_SETELAN = {"akses_baca_tanpa_login": "Boleh membaca tanpa masuk",
                 "sesi_menganggur_menit": "Sesi berakhir setelah menganggur (menit)"}
SENTUH_DETIK = 30  # a session's last-seen time is written at most this often
KUNCI_TULIS = [("pengguna", None)]

_hasher = PasswordHasher()
_HASH_PALSU = _hasher.hash("bukan-sandi-siapa-pun")  # verified for an unknown name: the same time as a real one


class AksesDitolak(PermissionError):
    """The acting user may not do this; the message is for the user, in Indonesian. `audit` is the row that
    records the refusal, written after the refused transaction is rolled back."""

    def __init__(self, pesan: str, audit: dict | None = None):
        super().__init__(pesan)
        self.audit = audit


class AkunError(ValueError):
    """An account change that is not allowed (a name taken, a short password…), in Indonesian."""


class MasukGagal(AkunError):
    """A login refused: wrong name or password, a disabled or a locked account."""

    def __init__(self, pesan: str, terkunci_sampai: datetime | None = None):
        super().__init__(pesan)
        self.terkunci_sampai = terkunci_sampai


@dataclass(frozen=True)
class Pelaku:
    """Who acts: a logged-in user, a reader without login, or the local system (command line)."""

    nama: str
    peran: str
    kecamatan: frozenset[int] | None = None  # None: every kecamatan
    alamat: str | None = None
    id: int | None = None
    sistem: bool = False
    tamu: bool = False  # reading without login (setting akses_baca_tanpa_login)
    nama_kecamatan: tuple[str, ...] = field(default=(), compare=False)

    def melihat(self, kecamatan_id: int | None) -> bool:
        if self.kecamatan is None:
            return True
        return kecamatan_id is not None and kecamatan_id in self.kecamatan

    @property
    def label(self) -> str:
        if self.tamu:
            return "Tamu (hanya membaca)"
        return f"{self.nama} ({PERAN.get(self.peran, self.peran)})"


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _utc(d: datetime | None) -> datetime | None:
    if d is None:
        return None
    return d.replace(tzinfo=timezone.utc) if d.tzinfo is None else d.astimezone(timezone.utc)


def nama_sistem() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in this environment (a container without passwd entry)
        user = "tidak diketahui"
    return f"{user} (baris perintah)"


def pelaku_sistem(nama: str | None = None) -> Pelaku:
    """The local system administrator: the command line, named by the operating-system user."""
    return Pelaku(nama=nama or nama_sistem(), peran="admin", kecamatan=None, sistem=True)


def sebagai_pelaku(pengguna: str | Pelaku | None) -> Pelaku:
    if isinstance(pengguna, Pelaku):
        return pengguna
    return pelaku_sistem(str(pengguna) if pengguna else None)


def nama_pelaku(pengguna: str | Pelaku | None) -> str:
    return sebagai_pelaku(pengguna).nama


TAMU = Pelaku(nama="tamu", peran="pimpinan", kecamatan=None, tamu=True)


# ---------------------------------------------------------------- permissions

def boleh(pengguna: str | Pelaku, tindakan: str, kecamatan_id: int | None = None) -> bool:
    """May this user do `tindakan` (for this kecamatan)?"""
    p = sebagai_pelaku(pengguna)
    if tindakan not in TINDAKAN:
        raise ValueError(f"unknown action {tindakan}")
    if p.peran == "admin" and not p.tamu:
        return True
    if tindakan in HANYA_ADMIN:
        return False
    if tindakan in OPERATOR and (p.peran != "operator" or p.tamu):
        return False
    return p.melihat(kecamatan_id)


def _nama_kecamatan(session_or_conn, kecamatan_id: int | None) -> str | None:
    if kecamatan_id is None:
        return None
    return session_or_conn.execute(select(Kecamatan.nama).where(Kecamatan.id == kecamatan_id)).scalar()


def wajib(pengguna: str | Pelaku, tindakan: str, kecamatan_id: int | None = None, *, session=None,
          nama_kecamatan: str | None = None) -> Pelaku:
    """The acting user, when they may do `tindakan`; AksesDitolak (with its audit row) otherwise."""
    p = sebagai_pelaku(pengguna)
    if boleh(p, tindakan, kecamatan_id):
        return p
    if nama_kecamatan is None and session is not None and kecamatan_id is not None:
        nama_kecamatan = _nama_kecamatan(session, kecamatan_id)
    raise penolakan(p, tindakan, kecamatan_id, nama_kecamatan)


def penolakan(p: Pelaku, tindakan: str, kecamatan_id: int | None, nama_kecamatan: str | None = None,
              rincian: str = "") -> AksesDitolak:
    apa = TINDAKAN[tindakan]
    if p.tamu:
        pesan = f"Anda belum masuk: {apa} memerlukan akun. Masuk terlebih dahulu."
    elif tindakan in HANYA_ADMIN:
        pesan = f"Akses ditolak: {apa} hanya untuk admin; Anda masuk sebagai {PERAN.get(p.peran, p.peran).lower()}."
    elif tindakan in OPERATOR and p.peran != "operator":
        pesan = (f"Akses ditolak: {apa} hanya untuk admin dan operator kecamatan; Anda masuk sebagai "
                 f"{PERAN.get(p.peran, p.peran).lower()}.")
    else:
        kec = f"Kecamatan {nama_kecamatan}" if nama_kecamatan else "kecamatan ini"
        pesan = f"Akses ditolak: Anda tidak berhak {apa} untuk {kec}; akun Anda hanya untuk kecamatan yang ditugaskan."
    if rincian:
        pesan += f" {rincian}"
    audit = dict(pengguna=p.nama, peran=p.peran if not p.sistem else "sistem", alamat=p.alamat,
                 jenis="akses_ditolak", hasil="ditolak", kecamatan_id=kecamatan_id,
                 uraian=f"{apa}: {pesan}")
    return AksesDitolak(pesan, audit)


def catat_penolakan(engine: Engine, exc: BaseException) -> None:
    """Record a refusal (AksesDitolak) in its own transaction, after the refused one was rolled back."""
    baris = getattr(exc, "audit", None)
    if not baris or getattr(exc, "_tercatat", False):
        return
    with engine.begin() as conn:
        conn.execute(insert(Audit.__table__).values(waktu=utcnow(), **baris))
    exc._tercatat = True


# ---------------------------------------------------------------- audit trail (insert only)

def _teks(v) -> str | None:
    if v is None or isinstance(v, str):
        return v
    return json.dumps(v, ensure_ascii=False, default=str, sort_keys=True)


def catat(session_or_conn, pengguna: str | Pelaku | None, jenis: str, *, kecamatan_id: int | None = None,
          uraian: str = "", sebelum=None, sesudah=None, hasil: str = "berhasil") -> None:
    """One audit row, in the caller's transaction (it is kept exactly when the change is)."""
    p = sebagai_pelaku(pengguna)
    session_or_conn.execute(insert(Audit.__table__).values(
        waktu=utcnow(), pengguna=p.nama, peran="sistem" if p.sistem else p.peran, alamat=p.alamat, jenis=jenis,
        hasil=hasil, kecamatan_id=kecamatan_id, uraian=uraian, sebelum=_teks(sebelum), sesudah=_teks(sesudah)))


def catat_sendiri(engine: Engine, pengguna: str | Pelaku | None, jenis: str, **kw) -> None:
    """One audit row in its own transaction (a failed login, a refused import: nothing else is kept)."""
    with engine.begin() as conn:
        catat(conn, pengguna, jenis, **kw)


def baca_audit(session, *, sejak: datetime | None = None, sampai: datetime | None = None,
               pengguna: str | None = None, kecamatan_id: int | None = None, jenis: str | None = None,
               batas: int | None = None) -> list[dict]:
    """Audit rows, newest first, with the kecamatan's name."""
    t = Audit.__table__
    q = (select(t, Kecamatan.nama.label("kecamatan")).outerjoin(Kecamatan, Kecamatan.id == t.c.kecamatan_id)
         .order_by(t.c.waktu.desc(), t.c.id.desc()))
    if sejak is not None:
        q = q.where(t.c.waktu >= sejak)
    if sampai is not None:
        q = q.where(t.c.waktu < sampai)
    if pengguna:
        q = q.where(t.c.pengguna == pengguna)
    if kecamatan_id is not None:
        q = q.where(t.c.kecamatan_id == kecamatan_id)
    if jenis:
        q = q.where(t.c.jenis == jenis)
    if batas:
        q = q.limit(batas)
    out = []
    for r in session.execute(q).mappings():
        d = dict(r)
        d["waktu"] = _utc(d["waktu"])
        out.append(d)
    return out


# ---------------------------------------------------------------- accounts

def ada_pengguna(session) -> bool:
    return session.execute(select(func.count()).select_from(Pengguna)).scalar() > 0


def _cek_sandi(sandi: str, nama: str = "") -> None:
    if not isinstance(sandi, str) or len(sandi) < SANDI_MIN:
        raise AkunError(f"Kata sandi minimal {SANDI_MIN} karakter.")
    if len(sandi) > 256:
        raise AkunError("Kata sandi paling panjang 256 karakter.")
    if nama and sandi.strip().lower() == nama.strip().lower():
        raise AkunError("Kata sandi tidak boleh sama dengan nama pengguna.")


def _cek_nama(nama: str) -> str:
    nama = (nama or "").strip()
    if not nama:
        raise AkunError("Nama pengguna belum diisi.")
    if len(nama) > 64 or any(c.isspace() for c in nama) or not nama.isprintable():
        raise AkunError("Nama pengguna tanpa spasi, paling panjang 64 karakter (mis. operator.bajuin).")
    return nama


def _id_kecamatan(session, nama_list) -> list[int]:
    if not nama_list:
        return []
    ada = {n.lower(): i for i, n in session.execute(select(Kecamatan.id, Kecamatan.nama)).all()}
    hilang = [n for n in nama_list if n.strip().lower() not in ada]
    if hilang:
        raise AkunError(f"Kecamatan tidak ada: {', '.join(hilang)}.")
    return sorted({ada[n.strip().lower()] for n in nama_list})


def _cari(session, nama: str):
    return session.execute(select(Pengguna).where(func.lower(Pengguna.nama) == (nama or "").strip().lower())
                           ).scalar_one_or_none()


def _cek_peran(peran: str, kids: list[int]) -> None:
    if peran not in PERAN:
        raise AkunError(f"Peran '{peran}' tidak dikenal: admin, operator atau pimpinan.")
    if peran == "operator" and not kids:
        raise AkunError("Operator perlu sedikitnya satu kecamatan (--kecamatan NAMA).")


def _gambar(session, u: Pengguna) -> dict:
    kec = session.execute(select(Kecamatan.nama).join(PenggunaKecamatan, PenggunaKecamatan.kecamatan_id ==
                                                      Kecamatan.id).where(PenggunaKecamatan.pengguna_id == u.id)
                          .order_by(Kecamatan.nama)).scalars().all()
    return dict(nama=u.nama, peran=u.peran, kecamatan=list(kec), aktif=u.aktif, email=u.email)


def tambah_pengguna(session: Session, nama: str, sandi: str, peran: str, kecamatan: list[str] | None = None, *,
                    pengguna: str | Pelaku, email: str | None = None) -> int:
    """A new account; AkunError when the name is taken or the password too short."""
    p = wajib(pengguna, "pengguna", session=session)
    nama = _cek_nama(nama)
    _cek_sandi(sandi, nama)
    kids = _id_kecamatan(session, kecamatan or [])
    _cek_peran(peran, kids)
    if _cari(session, nama) is not None:
        raise AkunError(f"Nama pengguna '{nama}' sudah dipakai.")
    u = Pengguna(nama=nama, peran=peran, hash_sandi=_hasher.hash(sandi), email=(email or None))
    session.add(u)
    session.flush()
    for kid in ([] if peran == "admin" else kids):
        session.add(PenggunaKecamatan(pengguna_id=u.id, kecamatan_id=kid))
    session.flush()
    catat(session, p, "pengguna", uraian=f"Pengguna '{nama}' ditambahkan", sesudah=_gambar(session, u))
    return u.id


def buat_admin_pertama(engine: Engine, nama: str, sandi: str, *, alamat: str | None = None) -> None:
    """The first admin, from the page itself on the first start; refused once any account exists."""
    from models.db import session_scope

    with session_scope(engine, kunci=KUNCI_TULIS) as s:
        if ada_pengguna(s):
            raise AkunError("Admin pertama sudah dibuat; masuk dengan akun yang ada.")
        penyiap = Pelaku(nama=(nama or "").strip() or "admin", peran="admin", alamat=alamat)
        tambah_pengguna(s, nama, sandi, "admin", pengguna=penyiap)


def ubah_sandi(session: Session, nama: str, sandi: str, *, pengguna: str | Pelaku) -> None:
    """A new password (admin for anyone; every user for themself); ends the account's logins and its lockout."""
    p = sebagai_pelaku(pengguna)
    u = _cari(session, nama)
    if u is None:
        raise AkunError(f"Pengguna '{nama}' tidak ada.")
    if not (p.id is not None and p.id == u.id):
        wajib(p, "pengguna", session=session)
    _cek_sandi(sandi, u.nama)
    session.execute(update(Pengguna.__table__).where(Pengguna.id == u.id).values(
        hash_sandi=_hasher.hash(sandi), gagal=0, terkunci_sampai=None))
    session.execute(delete(SesiLogin.__table__).where(SesiLogin.pengguna_id == u.id))
    catat(session, p, "pengguna", uraian=f"Kata sandi '{u.nama}' diganti")


def ubah_pengguna(session: Session, nama: str, *, peran: str | None = None, kecamatan: list[str] | None = None,
                  aktif: bool | None = None, pengguna: str | Pelaku) -> bool:
    """Change an account's role, kecamatan or whether it is active; True when something changed."""
    p = wajib(pengguna, "pengguna", session=session)
    u = _cari(session, nama)
    if u is None:
        raise AkunError(f"Pengguna '{nama}' tidak ada.")
    lama = _gambar(session, u)
    peran_baru = peran or u.peran
    kids = _id_kecamatan(session, kecamatan) if kecamatan is not None else _id_kecamatan(session, lama["kecamatan"])
    _cek_peran(peran_baru, kids)
    aktif_baru = u.aktif if aktif is None else bool(aktif)
    if u.peran == "admin" and u.aktif and (peran_baru != "admin" or not aktif_baru):
        admin_lain = session.execute(select(func.count()).select_from(Pengguna).where(
            Pengguna.peran == "admin", Pengguna.aktif.is_(True), Pengguna.id != u.id)).scalar()
        if not admin_lain:
            raise AkunError("Admin aktif terakhir tidak boleh dinonaktifkan atau diturunkan perannya.")
    session.execute(update(Pengguna.__table__).where(Pengguna.id == u.id).values(peran=peran_baru, aktif=aktif_baru))
    session.execute(delete(PenggunaKecamatan.__table__).where(PenggunaKecamatan.pengguna_id == u.id))
    for kid in ([] if peran_baru == "admin" else kids):
        session.add(PenggunaKecamatan(pengguna_id=u.id, kecamatan_id=kid))
    session.flush()
    session.expire(u)
    baru = _gambar(session, u)
    if baru == lama:
        return False
    if not aktif_baru or peran_baru != lama["peran"] or baru["kecamatan"] != lama["kecamatan"]:
        session.execute(delete(SesiLogin.__table__).where(SesiLogin.pengguna_id == u.id))
    uraian = (f"Pengguna '{u.nama}' dinonaktifkan" if lama["aktif"] and not aktif_baru
              else f"Pengguna '{u.nama}' diaktifkan" if aktif_baru and not lama["aktif"]
              else f"Pengguna '{u.nama}' diubah")
    catat(session, p, "pengguna", uraian=uraian, sebelum=lama, sesudah=baru)
    return True


def nonaktifkan(session: Session, nama: str, *, pengguna: str | Pelaku) -> bool:
    return ubah_pengguna(session, nama, aktif=False, pengguna=pengguna)


def daftar_pengguna(session) -> list[dict]:
    """Every account with its kecamatan, for `user list` and the Pengguna tab (no hashes)."""
    kec = {}
    for pid, nama in session.execute(select(PenggunaKecamatan.pengguna_id, Kecamatan.nama).join(
            Kecamatan, Kecamatan.id == PenggunaKecamatan.kecamatan_id).order_by(Kecamatan.nama)).all():
        kec.setdefault(pid, []).append(nama)
    out = []
    for u in session.execute(select(Pengguna).order_by(Pengguna.nama)).scalars():
        out.append(dict(nama=u.nama, peran=u.peran, kecamatan=kec.get(u.id, []), aktif=u.aktif, email=u.email,
                        terkunci_sampai=_utc(u.terkunci_sampai), dibuat=_utc(u.dibuat)))
    return out


# ---------------------------------------------------------------- logins and sessions

def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _pelaku(session, u, alamat: str | None) -> Pelaku:
    rows = session.execute(select(PenggunaKecamatan.kecamatan_id, Kecamatan.nama).join(
        Kecamatan, Kecamatan.id == PenggunaKecamatan.kecamatan_id).where(PenggunaKecamatan.pengguna_id == u.id)).all()
    kec = None if u.peran == "admin" or (u.peran == "pimpinan" and not rows) else frozenset(r[0] for r in rows)
    return Pelaku(nama=u.nama, peran=u.peran, kecamatan=kec, alamat=alamat, id=u.id,
                  nama_kecamatan=tuple(sorted(r[1] for r in rows)))


def teks_waktu(d: datetime) -> str:
    from dashboard.unggah import waktu_lokal

    return waktu_lokal(d)


def masuk(engine: Engine, nama: str, sandi: str, *, alamat: str | None = None,
          sekarang: datetime | None = None) -> tuple[str, Pelaku]:
    """Log in: a new session token and the user; MasukGagal (recorded) otherwise. Five failures in a row lock
    the account for 15 minutes."""
    now = sekarang or utcnow()
    tamu = Pelaku(nama=(nama or "").strip()[:64] or "(kosong)", peran="-", alamat=alamat)
    with Session(engine, expire_on_commit=False) as s, s.begin():
        u = _cari(s, nama)
        if u is None or not u.aktif:
            try:
                _hasher.verify(_HASH_PALSU, sandi or "")
            except VerificationError:
                pass
            catat(s, tamu, "masuk_gagal", hasil="ditolak",
                  uraian="Nama pengguna tidak dikenal" if u is None else "Akun nonaktif")
            raise_later = MasukGagal("Nama pengguna atau kata sandi salah." if u is None
                                     else "Akun ini dinonaktifkan. Hubungi admin.")
        else:
            tamu = Pelaku(nama=u.nama, peran=u.peran, alamat=alamat, id=u.id)
            terkunci = _utc(u.terkunci_sampai)
            if terkunci is not None and terkunci > now:
                catat(s, tamu, "masuk_gagal", hasil="ditolak", uraian="Akun sedang terkunci")
                raise_later = MasukGagal(f"Akun terkunci karena {GAGAL_MAKS} kali gagal masuk. Coba lagi setelah "
                                         f"{teks_waktu(terkunci)}.", terkunci)
            else:
                try:
                    _hasher.verify(u.hash_sandi, sandi or "")
                    cocok = True
                except (VerifyMismatchError, VerificationError, InvalidHashError):
                    cocok = False
                if cocok:
                    nilai = dict(gagal=0, terkunci_sampai=None)
                    if _hasher.check_needs_rehash(u.hash_sandi):
                        nilai["hash_sandi"] = _hasher.hash(sandi)
                    s.execute(update(Pengguna.__table__).where(Pengguna.id == u.id).values(**nilai))
                    token = _buat_sesi(s, u, alamat, now)
                    catat(s, tamu, "masuk", uraian="Masuk")
                    return token, _pelaku(s, u, alamat)
                gagal = (u.gagal or 0) + 1
                if gagal >= GAGAL_MAKS:
                    sampai = now + timedelta(minutes=KUNCI_MENIT)
                    s.execute(update(Pengguna.__table__).where(Pengguna.id == u.id).values(gagal=0,
                                                                                          terkunci_sampai=sampai))
                    catat(s, tamu, "masuk_gagal", hasil="ditolak", uraian="Kata sandi salah")
                    catat(s, tamu, "terkunci", hasil="ditolak",
                          uraian=f"Terkunci {KUNCI_MENIT} menit setelah {GAGAL_MAKS} kali gagal masuk",
                          sesudah={"terkunci_sampai": sampai.isoformat()})
                    raise_later = MasukGagal(f"Kata sandi salah {GAGAL_MAKS} kali: akun terkunci sampai "
                                             f"{teks_waktu(sampai)}.", sampai)
                else:
                    s.execute(update(Pengguna.__table__).where(Pengguna.id == u.id).values(
                        gagal=Pengguna.__table__.c.gagal + 1))
                    catat(s, tamu, "masuk_gagal", hasil="ditolak", uraian=f"Kata sandi salah ({gagal}×)")
                    raise_later = MasukGagal(f"Nama pengguna atau kata sandi salah. Sisa percobaan sebelum akun "
                                             f"terkunci: {GAGAL_MAKS - gagal}.")
    raise raise_later  # after the commit: the failure and its count are kept


def masuk_email(engine: Engine, email: str, *, alamat: str | None = None,
                sekarang: datetime | None = None) -> tuple[str, Pelaku]:
    """Log in a user whom the kabupaten's identity provider vouched for (Streamlit's `st.login`, OIDC): the
    active account with that e-mail address; MasukGagal (recorded) when there is none or it is locked."""
    now = sekarang or utcnow()
    email = (email or "").strip().lower()
    with Session(engine, expire_on_commit=False) as s, s.begin():
        u = s.execute(select(Pengguna).where(func.lower(Pengguna.email) == email, Pengguna.aktif.is_(True))
                      ).scalars().first() if email else None
        terkunci = _utc(u.terkunci_sampai) if u is not None else None
        if u is None or (terkunci is not None and terkunci > now):
            catat(s, Pelaku(nama=email[:64] or "(tanpa e-mail)", peran="-", alamat=alamat), "masuk_gagal",
                  hasil="ditolak", uraian="Penyedia identitas: tidak ada akun aktif dengan e-mail ini"
                  if u is None else "Penyedia identitas: akun sedang terkunci")
            gagal = MasukGagal(f"Tidak ada akun aktif untuk e-mail {email or '(kosong)'}. Minta admin mencatat "
                               "e-mail Anda pada akun Anda." if u is None else
                               f"Akun terkunci sampai {teks_waktu(terkunci)}.", terkunci)
        else:
            token = _buat_sesi(s, u, alamat, now)
            catat(s, Pelaku(nama=u.nama, peran=u.peran, alamat=alamat, id=u.id), "masuk",
                  uraian="Masuk lewat penyedia identitas (OIDC)")
            return token, _pelaku(s, u, alamat)
    raise gagal


def _buat_sesi(s, u, alamat: str | None, now: datetime) -> str:
    token = secrets.token_urlsafe(32)
    s.execute(insert(SesiLogin.__table__).values(id=_hash_token(token), pengguna_id=u.id, dibuat=now, terakhir=now,
                                                 alamat=alamat))
    return token


def menganggur_menit(session) -> int:
    return int(setelan(session)["sesi_menganggur_menit"])


def pelaku_sesi(engine: Engine, token: str | None, *, alamat: str | None = None,
                sekarang: datetime | None = None) -> Pelaku | None:
    """The user of a session token, or None when there is none, it ended, or it was idle too long (then it ends)."""
    if not token:
        return None
    now = sekarang or utcnow()
    kunci = _hash_token(token)
    with Session(engine, expire_on_commit=False) as s, s.begin():
        row = s.execute(select(SesiLogin.terakhir, Pengguna).join(Pengguna, Pengguna.id == SesiLogin.pengguna_id)
                        .where(SesiLogin.id == kunci)).first()
        if row is None:
            return None
        terakhir, u = _utc(row[0]), row[1]
        if not u.aktif:
            s.execute(delete(SesiLogin.__table__).where(SesiLogin.id == kunci))
            return None
        if now - terakhir > timedelta(minutes=menganggur_menit(s)):
            s.execute(delete(SesiLogin.__table__).where(SesiLogin.id == kunci))
            catat(s, Pelaku(nama=u.nama, peran=u.peran, alamat=alamat), "sesi_habis",
                  uraian=f"Sesi berakhir setelah menganggur lebih dari {menganggur_menit(s)} menit")
            return None
        p = _pelaku(s, u, alamat)
    if (now - terakhir).total_seconds() >= SENTUH_DETIK:
        _sentuh(engine, kunci, now)
    return p


def _sentuh(engine: Engine, kunci: str, now: datetime) -> None:
    """The session's last-seen time, in a write of its own that never makes a page wait: while an import holds
    SQLite's write lock it is skipped (the next page run tries again); PostgreSQL writes rows side by side."""
    from sqlalchemy.exc import OperationalError

    try:
        with engine.connect() as conn:
            lite = conn.dialect.name == "sqlite"
            if lite:  # straight to the driver: no transaction begins for a pragma
                conn.connection.driver_connection.execute("PRAGMA busy_timeout = 50")
            try:
                with conn.begin():
                    conn.execute(update(SesiLogin.__table__).where(SesiLogin.id == kunci).values(terakhir=now))
            finally:
                if lite:
                    conn.connection.driver_connection.execute(f"PRAGMA busy_timeout = {TUNGGU_TULIS_DETIK * 1000}")
    except OperationalError:
        pass


def keluar(engine: Engine, token: str | None, pelaku: Pelaku | None = None) -> None:
    """Log out: every login of this user ends (every tab and every device)."""
    if not token:
        return
    with Session(engine) as s, s.begin():
        pid = s.execute(select(SesiLogin.pengguna_id).where(SesiLogin.id == _hash_token(token))).scalar()
        if pid is None:
            return
        s.execute(delete(SesiLogin.__table__).where(SesiLogin.pengguna_id == pid))
        if pelaku is not None:
            catat(s, pelaku, "keluar", uraian="Keluar")


# ---------------------------------------------------------------- server-wide access settings

def setelan(session) -> dict[str, str]:
    rows = dict(session.execute(select(Pengaturan.kunci, Pengaturan.nilai).where(
        Pengaturan.kecamatan_id == 0, Pengaturan.kunci.in_(list(SETELAN)))).all())
    return {k: rows.get(k, v) for k, v in SETELAN.items()}


def baca_tanpa_login(session) -> bool:
    return setelan(session)["akses_baca_tanpa_login"] == "1"


def validasi_setelan(kunci: str, nilai: str) -> str:
    from dashboard.pengaturan import PengaturanError

    teks = str(nilai).strip().lower()
    if kunci == "akses_baca_tanpa_login":
        if teks in ("1", "ya", "true", "on"):
            return "1"
        if teks in ("0", "tidak", "false", "off"):
            return "0"
        raise PengaturanError("akses_baca_tanpa_login: isi 1 (ya) atau 0 (tidak).")
    if kunci == "sesi_menganggur_menit":
        if not teks.isdigit() or not 5 <= int(teks) <= 1440:
            raise PengaturanError("sesi_menganggur_menit: bilangan bulat 5 sampai 1440 (menit).")
        return str(int(teks))
    raise PengaturanError(f"Pengaturan '{kunci}' tidak dikenal.")


def simpan_setelan(session: Session, kunci: str, nilai: str, *, pengguna: str | Pelaku) -> str:
    p = wajib(pengguna, "pengaturan", session=session)
    nilai = validasi_setelan(kunci, nilai)
    row = session.execute(select(Pengaturan).where(Pengaturan.kecamatan_id == 0, Pengaturan.kunci == kunci)
                          ).scalar_one_or_none()
    lama = row.nilai if row else SETELAN[kunci]
    if lama == nilai:
        return nilai
    if row is None:
        session.add(Pengaturan(kecamatan_id=0, kunci=kunci, nilai=nilai, pengguna=p.nama))
    else:
        row.nilai, row.diubah, row.pengguna = nilai, utcnow(), p.nama
        session.add(row)
    session.add(PengaturanLog(pengguna=p.nama, kecamatan_id=0, kunci=kunci, nilai_lama=lama, nilai_baru=nilai))
    catat(session, p, "pengaturan", uraian=LABEL_SETELAN[kunci], sebelum=lama, sesudah=nilai)
    return nilai


# ---------------------------------------------------------------- what a user may see

def kecamatan_terlihat(pelaku: Pelaku, kecamatan: list[dict]) -> list[dict]:
    """The kecamatan (dicts with `id`) this user may read."""
    return [k for k in kecamatan if pelaku.melihat(k["id"])]


def log_ubah(session: Session, pelaku: Pelaku, jenis: str, kecamatan_id: int, kunci: str, lama: str | None,
             baru: str | None) -> None:
    """A settings, master-data or template change: the settings log (Pengaturan page) and the audit trail."""
    session.add(PengaturanLog(pengguna=pelaku.nama, kecamatan_id=kecamatan_id, kunci=kunci, nilai_lama=lama,
                              nilai_baru=baru))
    catat(session, pelaku, jenis, kecamatan_id=kecamatan_id or None, uraian=_uraian_kunci(kunci), sebelum=lama,
          sesudah=baru)


def _uraian_kunci(kunci: str) -> str:
    from dashboard.kelola import label

    if kunci == "kecamatan":
        return "Data kecamatan"
    if kunci.startswith("skala:"):
        return f"Skala kategori {kunci[6:]}"
    return label(kunci)
