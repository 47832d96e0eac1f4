"""Backups that restore: every table as CSV plus the original import files, with a manifest.

A backup is a ZIP:

- `manifest.json`: the format, the schema revision (Alembic), the source database's dialect, and per
  table its columns with their kinds, its row count and its CSV member; per member its SHA-256;
- `tabel/<tabel>.csv`: every row of every table, in primary-key order (UTF-8, `,`, a header row);
  no value is written `\\N` (as PostgreSQL's COPY does), so that an empty text stays an empty text;
- `berkas/<tabel>/<id>_<nama>`: every binary value (the original file of each import), named in its cell.

The tables are read from the database itself (not from the code's models), so a backup holds whatever
the schema at its revision holds. A restore goes into an empty database at the same revision, in one
transaction, after every checksum has been checked: anything wrong is refused with an Indonesian
message before a single row is written. SQLite and PostgreSQL backups are interchangeable (that is how
an office moves to the kabupaten server).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import IO

from sqlalchemy import MetaData, Table, func, insert, inspect, select, text, types
from sqlalchemy.engine import Connection, Engine

from dashboard import format as fmt
from dashboard.akun import AksesDitolak, catat, catat_penolakan, catat_sendiri, wajib
from models.db import get_engine

FORMAT = "pantau-triwulan-cadangan"
VERSI_FORMAT = 1
NULL = "\\N"
_NULL_LOLOS = re.compile(r"^\\+N$")  # a text that looks like the NULL marker gets one more backslash
TABEL_DILEWATI = {"alembic_version", "sesi_login"}
# Tables a new database already holds rows of (dashboard.referensi): a restore replaces their rows.
TABEL_REFERENSI = {"skala", "skm_jawaban"}
# Bounds on what a restore will open (a backup is a ZIP someone hands the server).
UKURAN_MAKS = 8 * 1024 ** 3
ANGGOTA_MAKS = 1_000_000
POTONG = 2000


class CadanganError(ValueError):
    """A backup that cannot be made or restored; the message is for the user, in Indonesian."""


@dataclass
class HasilPulih:
    revisi: str
    tabel: dict[str, int]
    berkas: int
    dibuat: str | None

    def ringkas(self) -> str:
        baris = sum(self.tabel.values())
        dibuat = ""
        if self.dibuat:
            try:
                dibuat = f" yang dibuat {fmt.waktu(datetime.fromisoformat(self.dibuat).astimezone())}"
            except ValueError:
                dibuat = ""
        return (f"Cadangan{dibuat} dipulihkan: {fmt.angka(baris, 0)} baris dalam {len(self.tabel)} tabel dan "
                f"{fmt.angka(self.berkas, 0)} berkas asli impor (revisi skema {self.revisi}).")


# ---------------------------------------------------------------- column kinds

def _jenis(kolom) -> str:
    """How a column's values are written: int, float, bool, datetime, date, bytes or text."""
    t = kolom.type
    if isinstance(t, types.Boolean):
        return "bool"
    if isinstance(t, types._Binary):
        return "bytes"
    if isinstance(t, types.DateTime):
        return "datetime"
    if isinstance(t, types.Date):
        return "date"
    if isinstance(t, types.Integer):
        return "int"
    if isinstance(t, (types.Float, types.Numeric)):
        return "float"
    return "text"


def _tulis_nilai(v, jenis: str) -> str:
    if v is None:
        return NULL
    if jenis == "bool":
        return "true" if v else "false"
    if jenis == "int":
        return str(int(v))
    if jenis == "float":
        return repr(float(v))
    if jenis == "datetime":
        if isinstance(v, str):  # SQLite may hand back text it could not parse
            v = datetime.fromisoformat(v)
        # The app stores UTC; SQLite keeps it without an offset.
        v = v.replace(tzinfo=timezone.utc) if v.tzinfo is None else v.astimezone(timezone.utc)
        return v.isoformat()
    if jenis == "date":
        return v.isoformat()
    v = str(v)
    return "\\" + v if _NULL_LOLOS.match(v) else v


def _baca_nilai(teks: str, jenis: str):
    if teks == NULL:
        return None
    if jenis == "bool":
        if teks not in ("true", "false"):
            raise ValueError("bukan nilai ya/tidak")
        return teks == "true"
    if jenis == "int":
        return int(teks)
    if jenis == "float":
        return float(teks)
    if jenis == "datetime":
        return datetime.fromisoformat(teks)
    if jenis == "date":
        return date.fromisoformat(teks)
    return teks[1:] if _NULL_LOLOS.match(teks) else teks


# ---------------------------------------------------------------- reading the database

def _tabel(conn: Connection) -> list[Table]:
    """The database's own tables, parents before children."""
    meta = MetaData()
    meta.reflect(bind=conn)
    return [t for t in meta.sorted_tables if t.name not in TABEL_DILEWATI]


def revisi(conn: Connection) -> str | None:
    """The Alembic revision of the schema; None for a database without one."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _urutan(t: Table) -> list:
    return list(t.primary_key.columns) or list(t.columns)


def _nama_berkas(tabel: str, baris, kolom: str) -> str:
    """The member that holds a binary value: the row's id and, for an import, its file name."""
    kunci = baris.get("id")
    nama = baris.get("nama_file") if kolom == "isi_file" else kolom
    aman = re.sub(r"[^0-9A-Za-z._-]+", "_", str(nama or kolom)).strip("._")[:80] or kolom
    return f"berkas/{tabel}/{kunci}_{aman}"


def tulis_cadangan(tujuan: str | Path | IO[bytes], *, engine: Engine | None = None, pengguna=None) -> dict:
    """Write a backup of the whole database to `tujuan` (a path or a binary file); returns the manifest.
    Admins only (the command line is the system administrator); logins (`sesi_login`) are not backed up.

    The rows are read in one transaction (a snapshot: REPEATABLE READ on PostgreSQL, a read transaction
    under WAL on SQLite), so a backup taken while others import is consistent.
    """
    engine = engine or get_engine()
    pelaku = _wajib(engine, pengguna, "cadangan")
    opsi = {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" else {}
    with engine.connect().execution_options(**opsi) as conn, conn.begin():
        rev = revisi(conn)
        if rev is None:
            raise CadanganError("Basis data ini belum berskema; tidak ada yang dapat dicadangkan.")
        manifest = {"format": FORMAT, "versi_format": VERSI_FORMAT, "revisi": rev,
                    "dibuat": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    "sumber": engine.dialect.name, "tabel": {}, "berkas": {}, "sha256": {}}
        with zipfile.ZipFile(tujuan, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for t in _tabel(conn):
                manifest["tabel"][t.name] = _tulis_tabel(conn, t, zf, manifest)
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
            zf.writestr("manifest.json", data)
    catat_sendiri(engine, pelaku, "cadangan", uraian=f"Cadangan dibuat (revisi {rev})",
                  sesudah={t: info["baris"] for t, info in manifest["tabel"].items()})
    return manifest


def _wajib(engine: Engine, pengguna, tindakan: str):
    try:
        return wajib(pengguna, tindakan)
    except AksesDitolak as exc:
        catat_penolakan(engine, exc)
        raise


def buat_cadangan(*, engine: Engine | None = None, pengguna=None) -> bytes:
    """A backup as bytes (for the download button)."""
    buf = io.BytesIO()
    tulis_cadangan(buf, engine=engine, pengguna=pengguna)
    return buf.getvalue()


def _tulis_tabel(conn: Connection, t: Table, zf: zipfile.ZipFile, manifest: dict) -> dict:
    """One table as a CSV member; its binary values as members of their own, named in their cells."""
    kolom = [c.name for c in t.columns]
    jenis = {c.name: _jenis(c) for c in t.columns}
    biner = [c for c in kolom if jenis[c] == "bytes"]
    # The CSV pass reads only whether a binary value is there: the bytes are read by the second pass.
    pilih = [t.c[c] if c not in biner else t.c[c].is_not(None).label(c) for c in kolom]
    anggota = f"tabel/{t.name}.csv"
    h = hashlib.sha256()
    jumlah = 0
    with zf.open(anggota, "w", force_zip64=True) as raw:
        teks = io.TextIOWrapper(_Hash(raw, h), encoding="utf-8", newline="")
        w = csv.writer(teks, lineterminator="\n")
        w.writerow(kolom)
        for row in _alir(conn, select(*pilih).order_by(*_urutan(t))):
            d = row._mapping
            w.writerow([(_nama_berkas(t.name, d, c) if d[c] else NULL) if c in biner else _tulis_nilai(d[c], jenis[c])
                        for c in kolom])
            jumlah += 1
        teks.flush()
        teks.detach()
    manifest["sha256"][anggota] = h.hexdigest()
    for c in biner:
        q = select(*[t.c[k] for k in kolom if k not in biner or k == c]).where(t.c[c].is_not(None))
        for row in _alir(conn, q.order_by(*_urutan(t)), 50):
            d = row._mapping
            nama = _nama_berkas(t.name, d, c)
            isi = bytes(d[c])
            zf.writestr(zipfile.ZipInfo(nama, date_time=(1980, 1, 1, 0, 0, 0)), isi,
                        compress_type=zipfile.ZIP_DEFLATED)
            manifest["sha256"][nama] = hashlib.sha256(isi).hexdigest()
            manifest["berkas"][nama] = {"tabel": t.name, "kolom": c, "id": d.get("id"), "ukuran": len(isi)}
    return {"anggota": anggota, "baris": jumlah, "kolom": kolom, "jenis": [jenis[c] for c in kolom]}


def _alir(conn: Connection, q, potong: int = POTONG):
    """Rows of a query a chunk at a time (server-side cursor where the driver has one)."""
    return conn.execution_options(stream_results=True, yield_per=potong).execute(q)


class _Hash(io.RawIOBase):
    """A writable stream that hashes what passes through it."""

    def __init__(self, raw, h):
        self.raw, self.h = raw, h

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self.h.update(b)
        return self.raw.write(b)


# ---------------------------------------------------------------- checking a backup

def periksa_cadangan(isi: bytes | str | Path | IO[bytes]) -> dict:
    """The manifest of a backup whose every member is present and matches its SHA-256 (else CadanganError).

    Nothing is written anywhere; used before every restore, and on its own to test a backup.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(isi) if isinstance(isi, bytes) else isi)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise CadanganError("Berkas ini bukan cadangan Pantau Triwulan (bukan ZIP yang utuh).") from None
    with zf:
        info = zf.infolist()
        if len(info) > ANGGOTA_MAKS or sum(i.file_size for i in info) > UKURAN_MAKS:
            raise CadanganError("Cadangan ini terlalu besar setelah dibuka; berkas ini tidak wajar.")
        try:
            manifest = json.loads(_baca(zf, "manifest.json"))
        except KeyError:
            raise CadanganError("Cadangan rusak atau bukan cadangan Pantau Triwulan: manifest.json tidak ada.") from None
        except ValueError:
            raise CadanganError("Cadangan rusak: manifest.json tidak terbaca.") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise CadanganError("Berkas ini bukan cadangan Pantau Triwulan (format manifest tidak dikenal).")
        if not re.fullmatch(r"[0-9A-Za-z_]{1,32}", str(manifest.get("revisi"))):
            raise CadanganError("Cadangan rusak: revisi skema di manifest tidak sah.")
        if not isinstance(manifest.get("sha256"), dict) or not isinstance(manifest.get("tabel"), dict):
            raise CadanganError("Cadangan rusak: manifest tidak lengkap.")
        if manifest.get("versi_format") != VERSI_FORMAT:
            raise CadanganError(f"Cadangan berformat versi {_aman(manifest.get('versi_format'))}; aplikasi ini "
                                f"membaca versi {VERSI_FORMAT}.")
        ada = {i.filename for i in info} - {"manifest.json"}
        tercatat = set(manifest.get("sha256", {}))
        if ada - tercatat:
            raise CadanganError(f"Cadangan rusak: berkas yang tidak tercatat di manifest: {_daftar(ada - tercatat)}.")
        if tercatat - ada:
            raise CadanganError(f"Cadangan tidak lengkap: berkas hilang: {_daftar(tercatat - ada)}.")
        for nama, harus in sorted(manifest["sha256"].items()):
            h = hashlib.sha256()
            try:
                with zf.open(nama) as f:
                    for potong in iter(lambda: f.read(1 << 20), b""):
                        h.update(potong)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError):
                raise CadanganError(f"Cadangan rusak: '{_aman(nama)}' tidak dapat dibuka.") from None
            if h.hexdigest() != harus:
                raise CadanganError(f"Cadangan rusak: isi '{_aman(nama)}' tidak cocok dengan checksum SHA-256-nya.")
    return manifest


def _baca(zf: zipfile.ZipFile, nama: str) -> bytes:
    try:
        return zf.read(nama)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise CadanganError(f"Cadangan rusak: '{_aman(nama)}' tidak dapat dibuka.") from exc


def _daftar(nama: set[str], n: int = 3) -> str:
    urut = sorted(nama)
    lagi = f" dan {len(urut) - n} lainnya" if len(urut) > n else ""
    return ", ".join(f"'{_aman(x)}'" for x in urut[:n]) + lagi


def _aman(nama: str) -> str:
    """A member name from the ZIP as messages show it: nothing that Markdown or a terminal would act on."""
    return re.sub(r"[^0-9A-Za-z._/-]", "?", str(nama))[:120]


# ---------------------------------------------------------------- restoring

def pulihkan(isi: bytes | str | Path | IO[bytes], *, engine: Engine | None = None, pengguna=None) -> HasilPulih:
    """Restore a backup into an empty database at the backup's schema revision, all or nothing.

    A database without any schema is first brought to the backup's revision (then `db upgrade` takes it
    to the newest). Refused, with nothing changed: a damaged backup, a database that holds data, a
    database at another revision.
    """
    engine = engine or get_engine()
    pelaku = _wajib(engine, pengguna, "pulih")
    manifest = periksa_cadangan(isi)
    rev = manifest["revisi"]
    with engine.connect() as conn:
        sekarang = revisi(conn)
        kosong_total = not inspect(conn).get_table_names()
    if sekarang is None:
        if not kosong_total:
            raise CadanganError("Basis data tujuan berisi tabel tanpa revisi skema; pulihkan ke basis data baru.")
        _skema_pada(rev, engine)
        sekarang = rev
    if sekarang != rev:
        raise CadanganError(
            f"Cadangan dibuat pada revisi skema {rev}, sedangkan basis data tujuan pada revisi {sekarang}. "
            "Pulihkan ke basis data baru yang kosong (skemanya dibuat pada revisi cadangan), lalu jalankan "
            "`python -m dashboard db upgrade`.")
    zf = zipfile.ZipFile(io.BytesIO(isi) if isinstance(isi, bytes) else isi)
    with zf, engine.connect() as conn:
        with conn.begin():
            tabel = {t.name: t for t in _tabel(conn)}
            _cocokkan(manifest, tabel)
            _wajib_kosong(conn, tabel)
            for nama in TABEL_REFERENSI & set(tabel):
                conn.execute(tabel[nama].delete())
            hitung = {}
            for nama, t in tabel.items():
                hitung[nama] = _muat_tabel(conn, t, manifest["tabel"][nama], zf)
            if conn.dialect.name == "postgresql":
                _setel_urutan(conn, tabel.values())
            if "audit" in tabel:
                catat(conn, pelaku, "pulih", uraian=f"Cadangan {manifest.get('dibuat') or ''} dipulihkan "
                      f"(revisi {rev})", sesudah=hitung)
    return HasilPulih(rev, hitung, len(manifest.get("berkas", {})), manifest.get("dibuat"))


def _skema_pada(rev: str, engine: Engine) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    from models.db import alembic_config

    url = engine.url.render_as_string(hide_password=False)
    cfg = alembic_config(url)
    if rev not in {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}:
        raise CadanganError(f"Cadangan berasal dari versi aplikasi yang lebih baru (revisi skema {rev}); "
                            "perbarui aplikasi ini dulu.")
    command.upgrade(cfg, rev)


def _cocokkan(manifest: dict, tabel: dict[str, Table]) -> None:
    dari = manifest.get("tabel", {})
    if set(dari) != set(tabel):
        beda = set(dari) ^ set(tabel)
        raise CadanganError(f"Tabel cadangan tidak sama dengan tabel basis data tujuan ({_daftar(beda)}).")
    for nama, t in tabel.items():
        if set(dari[nama]["kolom"]) != set(t.columns.keys()):
            raise CadanganError(f"Kolom tabel {nama} di cadangan tidak sama dengan di basis data tujuan.")


def _wajib_kosong(conn: Connection, tabel: dict[str, Table]) -> None:
    from dashboard.referensi import jawaban_bawaan
    from dashboard.skala import PRESETS

    terisi = [n for n, t in tabel.items() if n not in TABEL_REFERENSI
              and conn.execute(select(func.count()).select_from(t)).scalar()]
    if "skala" in tabel:
        nama = {r for (r,) in conn.execute(select(tabel["skala"].c.nama).distinct())}
        if nama - set(PRESETS):
            terisi.append("skala")
    if "skm_jawaban" in tabel:
        t = tabel["skm_jawaban"]
        ada = {(u, x, s) for u, x, s in conn.execute(select(t.c.unsur, t.c.teks, t.c.skor))}
        if ada - set(jawaban_bawaan()):
            terisi.append("skm_jawaban")
    if terisi:
        raise CadanganError(
            f"Basis data tujuan tidak kosong (ada isi di tabel {_daftar(set(terisi))}). Cadangan hanya "
            "dipulihkan ke basis data baru, agar tidak ada data yang tertimpa atau tercampur.")


def _muat_tabel(conn: Connection, t: Table, info: dict, zf: zipfile.ZipFile) -> int:
    jenis_tujuan = {c.name: _jenis(c) for c in t.columns}
    kolom = info["kolom"]
    for c, j in zip(kolom, info["jenis"]):
        if jenis_tujuan[c] != j and not {j, jenis_tujuan[c]} <= {"int", "float"}:
            raise CadanganError(f"Kolom {t.name}.{c} berjenis {j} di cadangan, {jenis_tujuan[c]} di tujuan.")
    csv.field_size_limit(1 << 30)
    jumlah = 0
    with zf.open(info["anggota"]) as raw:
        r = csv.reader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
        if next(r, None) != kolom:
            raise CadanganError(f"Cadangan rusak: judul kolom tabel {t.name} tidak sesuai manifest.")
        kumpulan = []
        for nomor, sel in enumerate(r, start=2):
            if len(sel) != len(kolom):
                raise CadanganError(f"Cadangan rusak: tabel {t.name} baris {nomor} tidak lengkap.")
            baris = {}
            for c, v in zip(kolom, sel):
                try:
                    baris[c] = (None if v == NULL else _baca(zf, v)) if jenis_tujuan[c] == "bytes" \
                        else _baca_nilai(v, jenis_tujuan[c])
                except (ValueError, KeyError):
                    raise CadanganError(f"Cadangan rusak: tabel {t.name} baris {nomor}, kolom {c}: nilai tidak "
                                        f"sesuai jenisnya ({jenis_tujuan[c]}).") from None
            kumpulan.append(baris)
            if len(kumpulan) >= POTONG:
                conn.execute(insert(t), kumpulan)
                jumlah += len(kumpulan)
                kumpulan = []
        if kumpulan:
            conn.execute(insert(t), kumpulan)
            jumlah += len(kumpulan)
    if jumlah != info["baris"]:
        raise CadanganError(f"Cadangan rusak: tabel {t.name} berisi {jumlah} baris, manifest mencatat {info['baris']}.")
    return jumlah


def _setel_urutan(conn: Connection, tabel) -> None:
    """PostgreSQL's id sequences continue after the restored ids (SQLite takes max(id) + 1 by itself)."""
    for t in tabel:
        if "id" not in t.columns or not isinstance(t.c.id.type, types.Integer):
            continue
        urutan = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": t.name}).scalar()
        if urutan:
            conn.execute(text(f"SELECT setval('{urutan}', COALESCE((SELECT MAX(id) FROM \"{t.name}\"), 1), "
                              f"(SELECT MAX(id) FROM \"{t.name}\") IS NOT NULL)"))
