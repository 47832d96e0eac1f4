"""Running an import: prepare, write inside one transaction, check, log (or roll back for a dry run)."""

from __future__ import annotations

import functools
import json
import math
import os
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from dashboard.impor.galat import Galat, ImporError
from dashboard.impor.kolom import NAMA_DATASET
from dashboard.impor.siap import Persiapan, batas_ukuran, cari_kecamatan, periksa_ukuran, siapkan
from dashboard.impor.tulis import Penulis
from dashboard.akun import (AksesDitolak, Pelaku, boleh, catat, catat_penolakan, penolakan, sebagai_pelaku,
                            wajib)
from models.db import get_engine, kunci_tulis
from models.tables import ImportLog, Kecamatan, utcnow

# The data-quality checks (domain §4) an import of each dataset reports, by the page they belong to.
HALAMAN_DATASET = {
    "indikator": {"IKU"}, "realisasi": {"IKU"}, "anggaran": {"Anggaran"}, "skm": {"SKM"}, "skm-rekap": {"SKM"},
    "desa": {"Desa"}, "skala": set(),
}
# The data that one write lock covers: an indicator import and a realisasi import hang on each other (a
# realisasi names its indicator; undo of an indicator import checks the realisasi on it), as do both SKM forms.
KUNCI_DATASET = {"indikator": "iku", "realisasi": "iku", "anggaran": "anggaran", "skm": "skm", "skm-rekap": "skm",
                 "desa": "desa", "skala": "skala"}
# Imports of the data an IKU can be computed from report the gap to that IKU's imported figure.
IKU_HITUNG = {"skm": "ikm", "skm-rekap": "ikm", "desa": "rasio_desa_mandiri"}


@dataclass
class HasilImpor:
    import_id: int | None
    status: str  # berhasil | ditolak | uji
    dataset: str
    nama_file: str
    sha256: str
    baris_dibaca: int = 0
    baris_baru: int = 0
    baris_berubah: int = 0
    baris_tetap: int = 0
    baris_ditolak: int = 0
    galat: list[Galat] = field(default_factory=list)
    peringatan: list[dict] = field(default_factory=list)
    persiapan: Persiapan | None = None

    def ringkas(self) -> str:
        apa = f"{NAMA_DATASET.get(self.dataset, self.dataset)}, '{self.nama_file}'"
        if self.status == "ditolak":
            nomor = f" #{self.import_id}" if self.import_id else ""
            return (f"Impor{nomor} ditolak ({apa}): {len(self.galat)} galat; tidak ada data yang disimpan.")
        hitung = f"{self.baris_baru} baru, {self.baris_berubah} berubah, {self.baris_tetap} tetap"
        catatan = f"; {len(self.peringatan)} peringatan" if self.peringatan else ""
        if self.status == "uji":
            return (f"Uji impor ({apa}): {self.baris_dibaca} baris terbaca — {hitung}{catatan}. "
                    "Tidak ada yang disimpan.")
        return f"Impor #{self.import_id} berhasil ({apa}): {self.baris_dibaca} baris dibaca — {hitung}{catatan}."


def galat_basis_data(fungsi):
    """A database that cannot take the write (full disk, read-only, another writer too long) refuses with the
    true cause, as an `ImporError`; the transaction is rolled back, so nothing is half-written."""

    @functools.wraps(fungsi)
    def bungkus(*args, **kwargs):
        try:
            return fungsi(*args, **kwargs)
        except DBAPIError as exc:
            from dashboard.basisdata import pesan_galat

            pesan = pesan_galat(exc, kwargs["engine"].url.render_as_string(False) if kwargs.get("engine") else None)
            if pesan is None:
                raise
            raise ImporError(pesan) from exc

    return bungkus


@galat_basis_data
def impor(dataset: str, isi: bytes, nama_file: str, *, engine: Engine | None = None, kecamatan: str | None = None,
          tahun: int | None = None, triwulan: int | None = None, lembar: str | None = None,
          pemetaan: dict | str | None = None, per_triwulan: bool = False, mode: str = "ganti",
          gaya_angka: str = "id", dry_run: bool = False, pengguna: "str | Pelaku" = "operator",
          periode: str | None = None) -> HasilImpor:
    """Import one file, all or nothing (see formats.md §1). Bad input never raises except `ImporError`; a user
    who may not import this data gets `AksesDitolak` (recorded in the audit trail), before the file is read
    when the kecamatan is chosen, else once the file names its kecamatan."""
    from dashboard.impor.dataset import MODUL

    engine = engine or get_engine()
    if isinstance(isi, str):
        isi = isi.encode("utf-8")
    pelaku = sebagai_pelaku(pengguna)
    tindakan = tindakan_impor(dataset, nama_file)
    kunci = kunci_impor(engine, dataset, kecamatan)
    try:
        if pelaku.peran != "admin" or pelaku.tamu:
            if dataset == "skala":  # a category scale is master data
                wajib(pelaku, "master")
            elif pelaku.peran != "operator" or pelaku.tamu:
                wajib(pelaku, tindakan)
            elif kunci[0][1] is not None:  # the kecamatan chosen: refused before the file is read
                wajib(pelaku, tindakan, kunci[0][1], nama_kecamatan=kecamatan)
        return _impor(dataset, isi, nama_file, engine=engine, kecamatan=kecamatan, tahun=tahun, triwulan=triwulan,
                      lembar=lembar, pemetaan=pemetaan, per_triwulan=per_triwulan, mode=mode, gaya_angka=gaya_angka,
                      dry_run=dry_run, pelaku=pelaku, tindakan=tindakan, periode=periode, kunci=kunci, MODUL=MODUL)
    except AksesDitolak as exc:
        catat_penolakan(engine, exc)
        raise


# The name under which the IKU page stores faktor texts (analisis_iku.NAMA_FILE_ISIAN; kept here so that an import
# does not load the page's analysis module).
NAMA_FILE_FAKTOR = "isian-manual-iku.csv"


def tindakan_impor(dataset: str, nama_file: str) -> str:
    """The kind of write an import is, for permissions and the audit trail: a faktor text, a manual entry, a file."""
    if nama_file == NAMA_FILE_FAKTOR:
        return "faktor"
    if str(nama_file).startswith("isian-manual"):
        return "isian"
    return "impor"


def _impor(dataset, isi, nama_file, *, engine, kecamatan, tahun, triwulan, lembar, pemetaan, per_triwulan, mode,
           gaya_angka, dry_run, pelaku, tindakan, periode, kunci, MODUL) -> HasilImpor:
    pengguna = pelaku.nama
    with Session(engine, expire_on_commit=False) as session:
        trans = session.begin()
        try:
            # Before anything is read: the import then sees what every earlier writer of the same data wrote.
            kunci_tulis(session, kunci)
            p = siapkan(dataset, bytes(isi), nama_file, session=session, kecamatan=kecamatan, tahun=tahun,
                        triwulan=triwulan, lembar=lembar, pemetaan=pemetaan, per_triwulan=per_triwulan, mode=mode,
                        gaya_angka=gaya_angka, periode=periode)
            _cek_lingkup(session, pelaku, tindakan, p)
            if p.galat:
                import_id = None
                if not dry_run:
                    import_id = _log(session, p, pengguna, "ditolak", {}, [])
                    catat(session, pelaku, "impor_ditolak", hasil="ditolak", kecamatan_id=p.kecamatan_id,
                          uraian=f"{NAMA_DATASET.get(dataset, dataset)}, '{p.nama_file}': impor #{import_id} ditolak, "
                                 f"{len(p.galat)} galat")
                    trans.commit()
                else:
                    trans.rollback()
                return HasilImpor(import_id, "ditolak", dataset, p.nama_file, p.sha256, p.baris_dibaca, 0, 0, 0,
                                  p.baris_ditolak, p.galat, p.peringatan, p)
            import_id = _log(session, p, pengguna, "berhasil", {}, [])
            penulis = Penulis(session.connection(), import_id)
            hitung = MODUL[dataset].tulis(p, penulis)
            # Rows that wrote nothing of their own (e.g. a "Jumlah Responden" row) are unchanged rows.
            hitung["tetap"] += max(0, p.baris_dibaca - sum(hitung.values()))
            penulis.catat(p.lingkup)
            peringatan = p.peringatan + _periksa(session, p)
            hasil = HasilImpor(None if dry_run else import_id, "uji" if dry_run else "berhasil", dataset,
                               p.nama_file, p.sha256, p.baris_dibaca, hitung["baru"], hitung["berubah"],
                               hitung["tetap"], 0, [], peringatan, p)
            if dry_run:
                trans.rollback()
                return hasil
            session.execute(update(ImportLog.__table__).where(ImportLog.__table__.c.id == import_id).values(
                baris_baru=hitung["baru"], baris_berubah=hitung["berubah"], baris_tetap=hitung["tetap"],
                peringatan=json.dumps(_bersih(peringatan), ensure_ascii=False)))
            catat(session, pelaku, tindakan, kecamatan_id=p.kecamatan_id,
                  uraian=f"{NAMA_DATASET.get(dataset, dataset)}, '{p.nama_file}': impor #{import_id}",
                  sesudah={"impor": import_id, "sha256": p.sha256, "baru": hitung["baru"],
                           "berubah": hitung["berubah"], "tetap": hitung["tetap"]})
            trans.commit()
            return hasil
        except BaseException:
            if trans.is_active:
                trans.rollback()
            raise


def _cek_lingkup(session: Session, pelaku: Pelaku, tindakan: str, p: Persiapan) -> None:
    """Every kecamatan the file writes must be the user's (a kabupaten-wide file names them only once read)."""
    if pelaku.peran == "admin" and not pelaku.tamu:
        return
    kids = {item[0] for item in (p.lingkup or [])} | {p.kecamatan_id}
    kids.discard(None)
    if not kids and p.galat:
        return  # a file rejected before it named a kecamatan writes nothing: its errors are the answer
    for kid in sorted(kids) or [None]:
        if not boleh(pelaku, tindakan, kid):
            raise penolakan(pelaku, tindakan, kid, session.execute(
                select(Kecamatan.nama).where(Kecamatan.id == kid)).scalar() if kid is not None else None)


def kunci_impor(engine: Engine, dataset: str, kecamatan: str | None) -> list[tuple[str, int | None]]:
    """The write locks of an import: its data kind for the chosen kecamatan, or for every kecamatan when none
    is chosen (a kabupaten-wide file, whose kecamatan are only known once it is read; a scale)."""
    kid = None
    if dataset != "skala" and kecamatan is not None and str(kecamatan).strip():
        with Session(engine) as session:
            kid = session.execute(select(Kecamatan.id).where(
                func.lower(Kecamatan.nama) == str(kecamatan).strip().lower())).scalar()
    return [(KUNCI_DATASET.get(dataset, dataset), kid)]


# A rejected file is kept only this far (with the SHA-256 of the whole file): enough to see what was sent,
# never a way to fill the database with rejected uploads.
SIMPAN_DITOLAK_MAKS = 64 * 1024


def _log(session: Session, p: Persiapan, pengguna: str, status: str, hitung: dict, peringatan: list) -> int:
    opsi = {k: v for k, v in p.opsi.items() if v not in (None, False, {})}
    opsi["lingkup"] = p.lingkup
    isi = p.isi
    if status == "ditolak" and len(isi) > SIMPAN_DITOLAK_MAKS:
        opsi["ukuran_berkas"] = len(isi)
        isi = isi[:SIMPAN_DITOLAK_MAKS]
    row = dict(waktu=utcnow(), pengguna=pengguna, dataset=p.dataset, nama_file=p.nama_file, sha256=p.sha256,
               kecamatan_id=p.kecamatan_id, tahun=p.tahun, triwulan=p.triwulan,
               opsi=json.dumps(opsi, ensure_ascii=False, default=str), status=status,
               baris_dibaca=p.baris_dibaca, baris_baru=hitung.get("baru", 0), baris_berubah=hitung.get("berubah", 0),
               baris_tetap=hitung.get("tetap", 0), baris_ditolak=p.baris_ditolak if status == "ditolak" else 0,
               galat=json.dumps([g.json() for g in p.galat], ensure_ascii=False),
               peringatan=json.dumps(_bersih(p.peringatan + peringatan), ensure_ascii=False), isi_file=isi)
    res = session.execute(insert(ImportLog.__table__).values(**row))
    return int(res.inserted_primary_key[0])


def _bersih(peringatan: list[dict]) -> list[dict]:
    out = []
    for w in peringatan:
        d = {}
        for k, v in w.items():
            if isinstance(v, Decimal):
                v = float(v)
            if isinstance(v, float) and math.isnan(v):
                v = None
            d[k] = v
        out.append(d)
    return out


def _periksa(session: Session, p: Persiapan) -> list[dict]:
    """The data-quality checks on the state after the import, for the kecamatan and years it touched."""
    from dashboard.data import muat_periode
    from dashboard.pemeriksaan import HALAMAN, JENIS_BERKAS, periksa

    halaman = HALAMAN_DATASET.get(p.dataset, set())
    if not halaman or not p.lingkup:
        return []
    per_tahun: dict[int, dict[int, int]] = {}
    for item in p.lingkup:
        kid, tahun = item[0], item[1]
        tw = item[2] if len(item) > 2 and item[2] else None
        if kid is None or tahun is None:
            continue
        lama = per_tahun.setdefault(tahun, {}).get(kid)
        per_tahun[tahun][kid] = max(x for x in (lama, tw, 0) if x is not None) or 0
    tw_default = p.tambahan.get("triwulan_periksa") or p.triwulan or 4
    out: list[dict] = []
    banyak = len({kid for d in per_tahun.values() for kid in d}) > 1
    for tahun, kids in sorted(per_tahun.items()):
        periode = muat_periode(session, list(kids), tahun)
        for kid, tw in kids.items():
            per = periode.get(kid)
            if per is None:
                continue
            hitung = {f"indikator {i.kode}": i.hitung for i in per.indikator}
            for w in periksa(per, tw or tw_default):
                if (w.sumber or "").startswith("impor:") or w.jenis in JENIS_BERKAS:
                    continue
                if HALAMAN.get(w.jenis) not in halaman and not (
                        w.jenis == "realisasi_iku_berbeda_hitungan"
                        and hitung.get(w.lokasi) == IKU_HITUNG.get(p.dataset)):
                    continue
                d = w.json()
                d.pop("sumber", None)
                d["tahun"] = tahun
                d.setdefault("triwulan", tw or tw_default)
                if banyak:
                    d["kecamatan"] = per.kecamatan
                out.append(d)
    return out


@galat_basis_data
def impor_berkas(dataset: str, path, **kw) -> HasilImpor:
    """Import a file from disk (the command line); its size is checked before it is read."""
    nama = os.path.basename(str(path))
    if not os.path.isfile(path):
        raise ImporError(f"Berkas '{path}' tidak ditemukan.", salah_pakai=True)
    engine = kw.get("engine") or get_engine()
    with Session(engine) as session:
        kid, _ = cari_kecamatan(session, kw.get("kecamatan")) if dataset != "skala" else (None, None)
        maks = batas_ukuran(session, kid)
    periksa_ukuran(os.path.getsize(path), maks, nama)
    with open(path, "rb") as f:
        isi = f.read()
    return impor(dataset, isi, nama, **kw)


def impor_tabel(dataset: str, df: pd.DataFrame, *, nama_file: str = "isian-manual.csv", **kw) -> HasilImpor:
    """Rows typed in the app (st.data_editor): written as a CSV and imported through the same path."""
    kw.setdefault("gaya_angka", "id")
    data = df.copy()
    for c in data.columns:
        data[c] = [_sel_teks(v) for v in data[c].tolist()]
    isi = data.to_csv(index=False, sep=",", lineterminator="\n").encode("utf-8")
    return impor(dataset, isi, nama_file, **kw)


def _sel_teks(v) -> str:
    """A typed cell as the CSV text the importer reads back to the same value (Indonesian decimal comma)."""
    if v is None or v is pd.NA:
        return ""
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if isinstance(v, float):
        if math.isnan(v):
            return ""
        return format(Decimal(repr(v)), "f").replace(".", ",")
    if isinstance(v, Decimal):
        return format(v, "f").replace(".", ",")
    if hasattr(v, "item") and not isinstance(v, str):
        return _sel_teks(v.item())
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)
