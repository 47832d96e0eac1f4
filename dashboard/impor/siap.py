"""Reading, mapping and validating a file: everything before the database is written.

`siapkan` opens the file, finds the header, maps its columns, resolves kecamatan / tahun / triwulan,
then hands the table to the dataset's module, which types every cell, validates with its pandera
schema and resolves references (indicator codes, survey answers). The result, a `Persiapan`, is
what the upload page previews and what `impor` writes.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from sqlalchemy import func, select
from sqlmodel import Session

from dashboard import pengaturan
from dashboard.impor import baca
from dashboard.impor.galat import Galat, ImporError, Kumpulan, Tenggat
from dashboard.impor.kolom import DATASET, KOLOM, ROMAWI_TEKS, Cocok, Pencocok, kunci
from dashboard.impor.sel import Hasil, pesan_campur, potong
from dashboard.nilai import kosong as nilai_kosong
from models.tables import Kecamatan, Pemetaan

GAYA = ("id", "en")
MODE = ("ganti", "tambah")
PERIODE = ("triwulan", "semester", "tahunan")


@dataclass
class Persiapan:
    """A file read, mapped and validated, not yet written (see the module docstring)."""

    dataset: str
    nama_file: str
    sha256: str
    format: dict
    header: list[str]
    pemetaan: dict[str, str]
    diabaikan: list[str]
    wajib_hilang: list[str]
    data: pd.DataFrame
    galat: list[Galat]
    peringatan: list[dict]
    catatan: list[str] = field(default_factory=list)
    baris_dibaca: int = 0
    baris_ditolak: int = 0
    opsi: dict = field(default_factory=dict)
    kecamatan_id: int | None = None
    tahun: int | None = None
    triwulan: int | None = None
    lingkup: list = field(default_factory=list)  # (kecamatan_id, tahun[, triwulan]) the import touches
    isi: bytes = field(default=b"", repr=False)
    tambahan: dict = field(default_factory=dict, repr=False)  # what the dataset's writer needs
    mirip: str | None = None  # a dataset the file's headers fit when they miss this one's required columns

    def pratinjau(self, n: int = 20) -> pd.DataFrame:
        """The first rows as they will be stored (money in rupiah), with Indonesian column headers."""
        df = self.data.head(n).copy()
        for c in [c for c in df.columns if c.endswith("_sen")]:
            df[c] = [None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v / 100
                     for v in df[c].tolist()]
            df = df.rename(columns={c: c[:-4]})
        drop = [c for c in df.columns if c.endswith("_id") or c.startswith("_")]
        df = df.drop(columns=drop)
        nama = {"baris": "Baris", "kecamatan": "Kecamatan", "tahun": "Tahun", "triwulan": "Triwulan", "kode": "Kode",
                "nama": "Nama", "uraian": "Uraian", "nilai": "Nilai", "unsur": "Unsur", "status": "Status",
                "skor": "Skor", "label": "Label", "warna": "Warna", "target": "Target"}
        return df.rename(columns={c: nama.get(c, c.replace("_", " ").capitalize()) for c in df.columns})


@dataclass
class Konteks:
    dataset: str
    nama_file: str
    session: Session
    kecamatan_id: int | None
    kecamatan_nama: str | None
    tahun: int | None
    triwulan: int | None
    per_triwulan: bool
    mode: str
    gaya_angka: str
    setelan: pengaturan.Setelan
    kecamatan_semua: dict[str, tuple[int, str]]
    sha256: str = ""
    periode: str | None = None  # SKM: triwulan | semester | tahunan, when the file does not say
    galat: Kumpulan = field(default_factory=Kumpulan)
    peringatan: list[dict] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    diabaikan: list[str] = field(default_factory=list)  # columns left out after mapping (other periods, no header)


@dataclass
class Bingkai:
    """The table after mapping: raw cells per canonical column, and which header each came from."""

    ctx: Konteks
    df: pd.DataFrame  # canonical columns (raw cells), 'baris', '_grup', '_label_tahun', '_label_tw', '_pertama'
    header: dict[tuple[int, str], str]
    kolom: set[str]
    label_tw: set[int] = field(default_factory=set)  # TW named by headers mapped to per-TW columns
    tahun_judul: tuple[int, str] | None = None  # the year a title row above the header names
    judul_atas: list[str] = field(default_factory=list)  # the title rows above the header, as text

    def hdr(self, kanonik: str, pos: int | None = None) -> str:
        g = int(self.df["_grup"].iat[pos]) if pos is not None and len(self.df) else 0
        return baca.nama_kolom(self.header.get((g, kanonik)) or self.header.get((0, kanonik)) or kanonik)

    def baris(self, pos: int) -> int:
        return int(self.df["baris"].iat[pos])

    def galat(self, pos: int | None, kanonik: str | None, pesan: str) -> None:
        self.ctx.galat.tambah(self.baris(pos) if pos is not None else None,
                              self.hdr(kanonik, pos) if kanonik else None, pesan)

    def mentah(self, kanonik: str, pos: int):
        if kanonik not in self.df.columns:
            return None
        return self.df[kanonik].iat[pos]

    def laporkan(self, kanonik: str, h: Hasil, tunjuk: pd.Index | None = None) -> None:
        """Turn a column's bad cells into errors (positions relative to `tunjuk`, default the whole frame)."""
        if h.gaya == "campur" and h.campur:
            i_id, i_en = h.campur
            p_id = tunjuk[i_id] if tunjuk is not None else i_id
            p_en = tunjuk[i_en] if tunjuk is not None else i_en
            self.ctx.galat.tambah(None, self.hdr(kanonik), pesan_campur(
                self.hdr(kanonik), self.baris(p_id), self.mentah(kanonik, p_id), self.baris(p_en),
                self.mentah(kanonik, p_en)))
            return
        for i, pesan in h.salah.items():
            self.galat(tunjuk[i] if tunjuk is not None else i, kanonik, pesan)

    def ada(self, kanonik: str) -> bool:
        return kanonik in self.kolom

    def saring(self, pakai) -> pd.DataFrame:
        """Keep only the rows in `pakai` (the others are summary or heading rows); returns the dropped rows."""
        pakai = np.asarray(pakai, dtype=bool)
        dibuang = self.df[~pakai].reset_index(drop=True)
        self.df = self.df[pakai].reset_index(drop=True)
        return dibuang

    def habis(self, apa: str) -> bool:
        """True (with an error) when no data row is left after the summary and heading rows."""
        if len(self.df):
            return False
        self.ctx.galat.tambah(None, None, f"Berkas tidak berisi baris {apa} (hanya baris judul, jumlah atau rekap).")
        return True

    def kosong(self, kanonik: str) -> np.ndarray:
        if kanonik not in self.df.columns:
            return np.ones(len(self.df), dtype=bool)
        return peta_unik(self.df[kanonik], baca.kosong_sel).astype(bool)

    def jenis_baris(self) -> np.ndarray:
        """Per row: 'total', 'ringkasan' or None, from the row's first filled cell (see `jenis_ringkasan`)."""
        return peta_unik(self.df["_pertama"], jenis_ringkasan)

    def ringkasan(self) -> np.ndarray:
        """Rows whose first filled cell names a total or summary (JUMLAH, TOTAL, Σ, NRR, rata-rata, …)."""
        return np.array([j is not None for j in self.jenis_baris()], dtype=bool)


def peta_unik(s: pd.Series, fungsi) -> np.ndarray:
    """`fungsi` applied once per distinct value (None and NaN included), as an object array aligned with `s`."""
    codes, unik = pd.factorize(np.asarray(s.tolist(), dtype=object), use_na_sentinel=True)
    hasil = np.empty(len(unik) + 1, dtype=object)
    hasil[:-1] = [fungsi(u) for u in unik] if len(unik) else []
    hasil[-1] = fungsi(None)
    return hasil[codes]


# ------------------------------------------------------------------ entry point

def _setelan(session: Session, kecamatan_id: int | None) -> pengaturan.Setelan:
    return pengaturan.baca(session, kecamatan_id)


def batas_ukuran(session: Session, kecamatan_id: int | None) -> float:
    return _setelan(session, kecamatan_id).ukuran_file_maks_mb


def periksa_ukuran(ukuran: int, maks_mb: float, nama_file: str) -> None:
    if ukuran > maks_mb * 1024 * 1024:
        mb = f"{ukuran / 1024 / 1024:.1f}".replace(".", ",")
        maks = f"{maks_mb:g}".replace(".", ",")
        raise ImporError(f"Berkas '{nama_file}' terlalu besar ({mb} MB); batas ukuran berkas {maks} MB "
                         "(pengaturan ukuran_file_maks_mb).")


def cari_kecamatan(session: Session, nama: str | None) -> tuple[int | None, str | None]:
    if nama is None or not str(nama).strip():
        return None, None
    row = session.execute(select(Kecamatan.id, Kecamatan.nama)
                          .where(func.lower(Kecamatan.nama) == str(nama).strip().lower())).first()
    if row is None:
        raise ImporError(f"Kecamatan '{str(nama).strip()}' tidak ada di basis data; tambahkan dulu kecamatan itu.",
                         salah_pakai=True)
    return row.id, row.nama


def periksa_opsi(dataset: str, mode: str, gaya_angka: str, tahun, triwulan) -> None:
    if dataset not in DATASET:
        raise ImporError(f"Dataset '{dataset}' tidak dikenal; pilih salah satu: {', '.join(DATASET)}.",
                         salah_pakai=True)
    if mode not in MODE:
        raise ImporError(f"Mode '{mode}' tidak dikenal; pilih ganti atau tambah.", salah_pakai=True)
    if gaya_angka not in GAYA:
        raise ImporError(f"Gaya angka '{gaya_angka}' tidak dikenal; pilih id (1.234,5) atau en (1,234.5).",
                         salah_pakai=True)
    if tahun is not None and (not isinstance(tahun, int) or not 1900 <= tahun <= 2100):
        raise ImporError(f"Tahun '{tahun}' tidak sah (1900–2100).", salah_pakai=True)
    if triwulan is not None and (not isinstance(triwulan, int) or not 1 <= triwulan <= 4):
        raise ImporError(f"Triwulan '{triwulan}' tidak sah (1–4).", salah_pakai=True)


def siapkan(dataset: str, isi: bytes, nama_file: str, *, session: Session, kecamatan: str | None = None,
            tahun: int | None = None, triwulan: int | None = None, lembar: str | None = None,
            pemetaan: dict | str | None = None, per_triwulan: bool = False, mode: str = "ganti",
            gaya_angka: str = "id", periode: str | None = None) -> Persiapan:
    """Read, map and validate a file without writing anything (see the module docstring)."""
    from dashboard.impor.dataset import MODUL

    periksa_opsi(dataset, mode, gaya_angka, tahun, triwulan)
    if periode is not None and periode not in PERIODE:
        raise ImporError(f"Periode survei '{periode}' tidak dikenal; pilih triwulan, semester atau tahunan.",
                         salah_pakai=True)
    nama_file = str(nama_file or "berkas")
    # A scale belongs to no kecamatan: a kecamatan given with it is not used.
    kid, knama = cari_kecamatan(session, kecamatan) if dataset != "skala" else (None, None)
    setelan = _setelan(session, kid)
    periksa_ukuran(len(isi), setelan.ukuran_file_maks_mb, nama_file)
    peta_manual = muat_pemetaan(session, dataset, pemetaan)
    semua = {kunci(n): (i, n) for i, n in session.execute(select(Kecamatan.id, Kecamatan.nama)).all()}
    sha256 = hashlib.sha256(isi).hexdigest()
    ctx = Konteks(dataset, nama_file, session, kid, knama, tahun, triwulan, per_triwulan, mode, gaya_angka, setelan,
                  semua, sha256, periode=periode)
    tenggat = Tenggat(baca.WAKTU_MAKS, nama_file)
    sumber = baca.buka(isi, nama_file, lembar, tenggat)
    try:
        ctx.peringatan.extend(sumber.peringatan)
        pencocok = Pencocok(dataset, setelan.unsur_label)
        judul = baca.cari_judul(sumber, pencocok, nama_file)
        peta, diabaikan = _petakan(ctx, judul, pencocok, peta_manual)
        mentah = _baca_data(ctx, sumber, judul, peta)
        _rumus_tanpa_nilai(ctx, sumber, judul, peta, mentah)
    finally:
        sumber.tutup()
    tenggat.cek()
    b = susun(ctx, judul, peta, mentah)
    modul = MODUL[dataset]
    wajib_hilang = modul.wajib_hilang(b)
    for k in wajib_hilang:
        ctx.galat.tambah(None, None, f"Kolom wajib '{k}' tidak ada di berkas ({_saran_alias(dataset, k)}).")
    hasil: dict[str, Any] = {}
    if not wajib_hilang:
        hasil = modul.siapkan(b) or {}
        if not hasil and not ctx.galat:
            ctx.galat.tambah(None, None, "Berkas tidak berisi data yang dapat diimpor.")
    tenggat.cek()
    data = hasil.get("data")
    if data is None:
        data = pd.DataFrame({"baris": b.df["baris"]})
    pemetaan_hasil = {}
    for j, c in enumerate(peta):
        if c is not None:
            pemetaan_hasil[judul.sel[j]] = _teks_cocok(c)
    galat = ctx.galat.daftar()
    lingkup = hasil.get("lingkup", [])
    mirip = dataset_yang_cocok(dataset, judul.sel, setelan.unsur_label) if wajib_hilang else None
    return Persiapan(
        dataset=dataset, nama_file=nama_file, sha256=sha256,
        format=dict(jenis=sumber.jenis, encoding=sumber.encoding, pemisah=sumber.pemisah, lembar=sumber.lembar,
                    lembar_ada=sumber.lembar_ada, baris_header=judul.nomor, gaya_angka=gaya_angka),
        header=list(judul.sel), pemetaan=pemetaan_hasil, diabaikan=list(dict.fromkeys(diabaikan + ctx.diabaikan)),
        wajib_hilang=wajib_hilang, data=data,
        galat=galat, peringatan=ctx.peringatan, catatan=ctx.catatan, baris_dibaca=int(b.df["baris"].nunique()),
        baris_ditolak=ctx.galat.baris_bermasalah(),
        opsi=dict(kecamatan=knama, tahun=tahun, triwulan=triwulan, lembar=lembar,
                  pemetaan=pemetaan if isinstance(pemetaan, str) else (peta_manual or None),
                  per_triwulan=per_triwulan, mode=mode, gaya_angka=gaya_angka,
                  **({"periode": periode} if periode else {})),
        kecamatan_id=_satu({x[0] for x in lingkup}) if lingkup else kid,
        tahun=_satu({x[1] for x in lingkup}) if lingkup else tahun,
        triwulan=_satu({x[2] for x in lingkup if len(x) > 2}) if lingkup else triwulan,
        lingkup=lingkup, isi=isi, tambahan=hasil.get("tambahan", {}), mirip=mirip)


class _Kolom:
    """What a dataset's `wajib_hilang` asks of a frame (`ada`), for headers alone."""

    def __init__(self, kolom: set[str]):
        self.kolom = kolom

    def ada(self, kanonik: str) -> bool:
        return kanonik in self.kolom


def cocok_dataset(header: list[str], label_unsur: dict[str, str] | None = None) -> dict[str, tuple[int, list[str]]]:
    """Per dataset: how many of its own columns the headers name (tahun, triwulan and kecamatan not counted) and
    which required columns they miss."""
    from dashboard.impor.dataset import MODUL

    out = {}
    for ds in DATASET:
        pencocok = Pencocok(ds, label_unsur or {})
        kolom = set()
        for h in header:
            c = pencocok.cocokkan(h)
            if c is not None:
                kolom.add(c.kanonik)
                if c.triwulan:
                    kolom.add(_varian_tw(ds, c.kanonik, c.triwulan) or c.kanonik)
        out[ds] = (len(kolom - {"tahun", "triwulan", "kecamatan"}), MODUL[ds].wajib_hilang(_Kolom(kolom)))
    return out


def dataset_yang_cocok(dataset: str, header: list[str], label_unsur: dict[str, str] | None = None) -> str | None:
    """The dataset whose required columns the headers all name, when they miss some of `dataset`'s (the one that
    names most of its columns); None when no other dataset fits either."""
    skor = cocok_dataset(header, label_unsur)
    calon = [(n, ds) for ds, (n, hilang) in skor.items() if ds != dataset and not hilang and n >= 2]
    return max(calon)[1] if calon and skor[dataset][1] else None


def _satu(nilai: set):
    nilai = {v for v in nilai if v is not None}
    return next(iter(nilai)) if len(nilai) == 1 else None


def _teks_cocok(c: Cocok) -> str:
    label = []
    if c.triwulan:
        label.append(f"TW {ROMAWI_TEKS[c.triwulan]}")
    if c.tahun:
        label.append(str(c.tahun))
    return f"{c.kanonik} ({', '.join(label)})" if label else c.kanonik


def _saran_alias(dataset: str, kanonik: str) -> str:
    k = KOLOM[dataset].get(kanonik)
    if not k or not k.alias:
        return "tambahkan kolom itu atau atur pemetaan kolom"
    contoh = ", ".join(f"'{a}'" for a in k.alias[:3])
    return f"judul yang dikenali: '{kanonik}', {contoh}; atau atur pemetaan kolom"


# ------------------------------------------------------------------ mapping

def muat_pemetaan(session: Session, dataset: str, pemetaan: dict | str | None) -> dict[str, str | None]:
    if pemetaan is None or pemetaan == {} or pemetaan == "":
        return {}
    if isinstance(pemetaan, str):
        row = session.execute(select(Pemetaan.peta).where(Pemetaan.nama == pemetaan, Pemetaan.dataset == dataset)
                              ).scalar_one_or_none()
        if row is None:
            raise ImporError(f"Pemetaan kolom '{pemetaan}' untuk dataset {dataset} tidak ada.", salah_pakai=True)
        pemetaan = json.loads(row)
    if not isinstance(pemetaan, dict):
        raise ImporError("Pemetaan kolom harus berupa pasangan judul berkas → kolom.", salah_pakai=True)
    sah = set(KOLOM[dataset])
    out = {}
    for h, k in pemetaan.items():
        k = (str(k).strip() if k is not None else "") or None
        if k is not None and k not in sah:
            raise ImporError(f"Pemetaan kolom: '{k}' bukan kolom dataset {dataset} (kolom yang ada: "
                             f"{', '.join(sah)}).", salah_pakai=True)
        out[str(h)] = k
    return out


def _petakan(ctx: Konteks, judul: baca.Judul, pencocok: Pencocok,
             manual: dict[str, str | None]) -> tuple[list[Cocok | None], list[str]]:
    manual_kunci = {kunci(h): k for h, k in manual.items()}
    peta: list[Cocok | None] = []
    diabaikan: list[str] = []
    for j, h in enumerate(judul.sel):
        c: Cocok | None = None
        if h and (h in manual or kunci(h) in manual_kunci):
            k = manual.get(h, manual_kunci.get(kunci(h)))
            if k:
                lbl = _label_dalam(h)
                c = Cocok(k, lbl[0], lbl[1], "manual")
        elif h and baca.rumus(h):
            ctx.galat.tambah(judul.nomor, f"ke-{j + 1}", f"judul kolom berupa rumus ('{potong(h, 30)}'); rumus "
                             "tidak diterima. Tulis judul kolom sebagai teks biasa.")
        elif h:
            c = pencocok.cocokkan(h)
        if c is None and h:
            diabaikan.append(h)
        peta.append(c)
    _yang_lebih_tepat(ctx, judul, peta, diabaikan)
    if judul.lebar == 1 and peta[0] is None:
        raise ImporError(_uraian_tabel(ctx, judul) or
                         f"Kolom-kolom berkas '{ctx.nama_file}' tidak terpisah: judulnya terbaca sebagai satu kolom "
                         f"('{potong(judul.sel[0], 60)}'). Gunakan pemisah koma (,), titik koma (;) atau tab.")
    return peta, diabaikan


def _yang_lebih_tepat(ctx: Konteks, judul: baca.Judul, peta: list[Cocok | None], diabaikan: list[str]) -> None:
    """Two headers read as the same column, one a longer form of the other (`Realisasi` and `Realisasi Anggaran
    (Rp)` in an e-kinerja page that also reports the indicator's realisasi): the longer one is meant, the shorter
    is left out and listed. Headers mapped by hand are never overruled; other clashes stay errors."""
    per_kolom: dict[tuple, list[int]] = {}
    for j, c in enumerate(peta):
        if c is not None:
            per_kolom.setdefault((c.kanonik, c.tahun, c.triwulan), []).append(j)
    for (kanonik, _, _), js in per_kolom.items():
        if len(js) < 2 or any(peta[j].cara == "manual" for j in js):
            continue
        urut = sorted(js, key=lambda j: len(kunci(judul.sel[j])))
        kunci_urut = [kunci(judul.sel[j]) for j in urut]
        if len(set(kunci_urut)) < len(kunci_urut) or not all(kunci_urut[-1].startswith(k) for k in kunci_urut[:-1]):
            continue
        for j in urut[:-1]:
            peta[j] = None
            diabaikan.append(judul.sel[j])
            ctx.catatan.append(f"Kolom '{judul.sel[j]}' diabaikan: kolom '{judul.sel[urut[-1]]}' lebih tepat dibaca "
                               f"sebagai {kanonik}.")


def _uraian_tabel(ctx: Konteks, judul: baca.Judul) -> str | None:
    """What a file looks like when none of its headers was recognised but rows further down have several
    columns (a title row was taken for the header): its column headers, year columns, and the dataset it fits."""
    from dashboard.desa import normalisasi_status
    from dashboard.impor.kolom import NAMA_DATASET

    for i, (no, row) in enumerate(judul.sisa_awal):
        isi = [baca.teks_sel(v).strip() for v in row if not baca.kosong_sel(v)]
        if len(isi) < 2:
            continue
        tahun = [x for x in isi if re.fullmatch(r"(?:tahun\s*)?(19|20)\d\d", x, re.I)]
        bentuk = f" berkolom tahun ({', '.join(tahun)})" if len(tahun) >= 2 else ""
        kolom = ", ".join(f"'{potong(x, 25)}'" for x in isi[:6]) + (" …" if len(isi) > 6 else "")
        label = [baca.teks_sel(r[0]) for _, r in judul.sisa_awal[i + 1:] if r and not baca.kosong_sel(r[0])]
        desa = sum(1 for x in label if normalisasi_status(x)) >= 2
        saran = (" Barisnya status desa (Mandiri, Maju, …): itu rekap jumlah desa per status; impor sebagai data "
                 "desa." if desa and ctx.dataset != "desa" else " Pilih jenis data yang sesuai atau atur pemetaan "
                 "kolom.")
        return (f"Judul kolom berkas '{ctx.nama_file}' tidak dikenali sebagai data {NAMA_DATASET[ctx.dataset]}. "
                f"Berkas tampak sebagai tabel{bentuk}: judul kolomnya {kolom} (baris {no}).{saran}")
    return None


def _label_dalam(teks: str) -> tuple[int | None, int | None]:
    tahun = re.search(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", teks)
    tw = re.search(r"(?i)\b(?:tw|tr|triwulan)\s*\.?\s*(iv|iii|ii|i|[1-4])\b", teks)
    n = None
    if tw:
        g = tw.group(1).lower()
        n = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(g) or int(g)
    return (int(tahun.group(1)) if tahun else None), n


def _baca_data(ctx: Konteks, sumber: baca.Sumber, judul: baca.Judul, peta: list[Cocok | None]) -> pd.DataFrame:
    """The data rows: the header's columns (raw cells), the row number, and the row's first filled cell."""
    lebar = judul.lebar
    rows, nomor, pertama = [], [], []
    dipakai = [j for j, c in enumerate(peta) if c is not None]
    tanpa_judul = {j for j in range(lebar) if not judul.sel[j]}  # columns with no header: listed if they hold data
    for no, row in baca.sisa_baris(sumber, judul, ctx.nama_file):
        if tanpa_judul:
            for j in [j for j in tanpa_judul if j < len(row) and not baca.kosong_sel(row[j])]:
                tanpa_judul.discard(j)
                ctx.diabaikan.append(f"kolom ke-{j + 1} (tanpa judul)")
        if len(row) > lebar:
            lebih = row[lebar:]
            if all(type(v) is str for v in lebih):
                ada_lebih = bool("".join(lebih).strip())
            else:
                ada_lebih = any(not baca.kosong_sel(v) for v in lebih)
            if ada_lebih:
                k = next(i for i, v in enumerate(lebih) if not baca.kosong_sel(v))
                ctx.galat.tambah(no, None, f"ada isian di luar kolom berjudul (kolom ke-{lebar + k + 1}: "
                                 f"'{potong(lebih[k], 30)}'); periksa pemisah kolom dan tanda kutip, atau beri judul "
                                 "kolom itu.")
            row = row[:lebar]
        elif len(row) < lebar:
            row = row + [None] * (lebar - len(row))
        p = None
        for v in row:
            if v is not None and (type(v) is not str or v.strip()):
                p = v
                break
        if p is None:
            continue
        rows.append([row[j] for j in dipakai])
        nomor.append(no)
        pertama.append(p if isinstance(p, str) else None)
    if not rows:
        raise ImporError(f"Berkas '{ctx.nama_file}' hanya berisi judul kolom, tanpa baris data.")
    df = pd.DataFrame(rows, columns=dipakai, dtype=object) if dipakai else pd.DataFrame(index=range(len(rows)))
    df = df.astype(object)
    df["baris"] = np.asarray(nomor, dtype=np.int64)
    df["_pertama"] = pd.Series(pertama, dtype=object)
    return df


def _rumus_tanpa_nilai(ctx: Konteks, sumber: baca.Sumber, judul: baca.Judul, peta: list[Cocok | None],
                      mentah: pd.DataFrame) -> None:
    """An error for every formula cell without a cached value in the header or in an imported column: read as
    empty it would overwrite stored data with nothing."""
    buku = sumber.buku
    if buku is None or not buku.rumus_kosong:
        return
    from dashboard.impor.xlsx import ref_sel

    data = set(mentah["baris"].tolist())
    dipakai = {j + 1: judul.sel[j] for j, c in enumerate(peta) if c is not None}
    for no, kol in buku.rumus_kosong:
        if no == judul.nomor and kol <= judul.lebar:
            ctx.galat.tambah(no, f"ke-{kol}", f"judul kolom di sel {ref_sel(no, kol)} berupa rumus tanpa nilai "
                             "tersimpan: buka dan simpan ulang berkas di Excel")
        elif no in data and kol in dipakai:
            ctx.galat.tambah(no, baca.nama_kolom(dipakai[kol]), f"sel {ref_sel(no, kol)} berisi rumus tanpa nilai "
                             "tersimpan: buka dan simpan ulang berkas di Excel")
    if buku.rumus_kosong_lain:
        ctx.galat.tambah(None, None, f"… dan {buku.rumus_kosong_lain:,} sel rumus lain tanpa nilai tersimpan: buka "
                         "dan simpan ulang berkas di Excel.".replace(",", "."))


# ------------------------------------------------------------------ labels, melting, duplicates

def _varian_tw(dataset: str, kanonik: str, tw: int) -> str | None:
    if dataset == "realisasi" and kanonik == "realisasi":
        return f"tw{tw}"
    if dataset == "anggaran" and kanonik in ("realisasi", "rencana"):
        return f"{kanonik}_tw{tw}"
    if dataset == "indikator" and kanonik == "target":
        return f"target_tw{tw}"
    return None


def susun(ctx: Konteks, judul: baca.Judul, peta: list[Cocok | None], mentah: pd.DataFrame) -> Bingkai:
    """Apply the period labels of the headers: per-TW columns, the import's tahun/triwulan, or one row per period."""
    entri = []  # [j, kanonik, tahun, tw]
    label_tw: set[int] = set()
    for j, c in enumerate(peta):
        if c is None:
            continue
        kan, th, tw = c.kanonik, c.tahun, c.triwulan
        if tw is not None:
            v = _varian_tw(ctx.dataset, kan, tw)
            if v:
                kan, tw = v, None
                label_tw.add(int(v[-1]))
        entri.append([j, kan, th, tw, c.periode])
    ada = {e[1] for e in entri}

    def pilih(indeks: int, kolom: str, dipilih: int | None, nama: str):
        berlabel = [e for e in entri if e[indeks] is not None]
        if not berlabel:
            return
        if kolom in ada:
            for e in berlabel:
                e[indeks] = None
            return
        if dipilih is None:
            return
        cocok = [e for e in berlabel if e[indeks] == dipilih]
        if not cocok:
            for e in berlabel:
                teks = judul.sel[e[0]]
                lbl = f"TW {ROMAWI_TEKS[e[indeks]]}" if kolom == "triwulan" else str(e[indeks])
                pil = f"TW {ROMAWI_TEKS[dipilih]}" if kolom == "triwulan" else str(dipilih)
                ctx.galat.tambah(None, baca.nama_kolom(teks), f"judul kolom menyebut {nama} {lbl}, sedangkan {nama} "
                                 f"yang dipilih {pil}.")
                e[indeks] = None
            return
        for e in berlabel:
            if e[indeks] != dipilih:
                lbl = f"TW {ROMAWI_TEKS[e[indeks]]}" if kolom == "triwulan" else str(e[indeks])
                ctx.catatan.append(f"Kolom '{judul.sel[e[0]]}' diabaikan: untuk {nama} {lbl}.")
                ctx.diabaikan.append(judul.sel[e[0]])
        entri[:] = [e for e in entri if e[indeks] is None or e[indeks] == dipilih]
        for e in entri:
            e[indeks] = None

    pilih(2, "tahun", ctx.tahun, "tahun")
    pilih(3, "triwulan", ctx.triwulan, "triwulan")
    if ctx.triwulan is not None and label_tw and "triwulan" not in ada and ctx.dataset in ("anggaran", "realisasi") \
            and ctx.triwulan not in label_tw and not (ctx.dataset == "anggaran" and len(label_tw) > 1):
        tw_teks = ", ".join(f"TW {ROMAWI_TEKS[t]}" for t in sorted(label_tw))
        ctx.galat.tambah(None, None, f"Judul kolom realisasi menyebut {tw_teks}, sedangkan triwulan yang dipilih "
                         f"TW {ROMAWI_TEKS[ctx.triwulan]}.")

    grup_kunci = sorted({(e[2], e[3]) for e in entri if e[2] is not None or e[3] is not None},
                        key=lambda k: (k[0] or 0, k[1] or 0))
    jenis_label = {(e[2], e[3]): e[4] for e in entri if e[4]}  # semester | tahunan
    dasar = [e[:4] for e in entri if e[2] is None and e[3] is None]
    header: dict[tuple[int, str], str] = {}
    bagian = []
    if len(grup_kunci) <= 1:
        label = grup_kunci[0] if grup_kunci else (None, None)
        grup = [(0, dasar + [e[:4] for e in entri if (e[2], e[3]) == label and label != (None, None)], label)]
    else:
        grup = [(g + 1, dasar + [e[:4] for e in entri if (e[2], e[3]) == k], k) for g, k in enumerate(grup_kunci)]
    for g, anggota, (th, tw) in grup:
        kolom_grup: dict[str, int] = {}
        for j, kan, _, _ in anggota:
            if kan in kolom_grup:
                lain = kolom_grup[kan]
                if lain != j:
                    ctx.galat.tambah(None, None, f"Kolom '{judul.sel[lain]}' dan '{judul.sel[j]}' sama-sama dibaca "
                                     f"sebagai '{kan}'; hapus salah satu atau atur pemetaan kolom.")
                continue
            kolom_grup[kan] = j
            header[(g, kan)] = judul.sel[j]
        sub = pd.DataFrame({kan: mentah[j] for kan, j in kolom_grup.items()}, index=mentah.index)
        sub["baris"] = mentah["baris"]
        sub["_pertama"] = mentah["_pertama"]
        sub["_grup"] = g
        sub["_label_tahun"] = th
        sub["_label_tw"] = tw
        sub["_label_periode"] = jenis_label.get((th, tw))
        if len(grup) > 1:
            khusus = [kan for j, kan, _, _ in anggota if (j, kan) not in {(e[0], e[1]) for e in dasar}]
            if khusus:
                isi = np.zeros(len(sub), dtype=bool)
                for kan in khusus:
                    isi |= ~peta_unik(sub[kan], nilai_kosong).astype(bool)
                sub = sub[isi]
        bagian.append(sub)
    df = pd.concat(bagian, ignore_index=True) if len(bagian) > 1 else bagian[0].reset_index(drop=True)
    if len(grup) > 1:
        df = df.sort_values(["baris", "_grup"], kind="stable").reset_index(drop=True)
    kolom = {e[1] for e in entri}
    return Bingkai(ctx, df, header, kolom, label_tw, baca.tahun_judul(judul.atas), list(judul.atas))


# ------------------------------------------------------------------ codes for files that have none

def kode_dari_nama(awalan: str, nama: str) -> str:
    """A stable code for a row that the file names but does not number (`IK-3FA2C1` for an indicator): the same
    name (ignoring case, spaces and punctuation) gives the same code in every import."""
    return f"{awalan}-{hashlib.sha256(kunci(nama).encode()).hexdigest()[:6].upper()}"


def beri_kode(b: Bingkai, kode: list[str | None], apa: str, contoh_sama: str) -> None:
    """Put codes made from names into the frame as its `kode` column, and say so (a warning kept with the import)."""
    b.df["kode"] = pd.Series(kode, dtype=object)
    b.kolom.add("kode")
    b.header[(0, "kode")] = "kode (dibuat dari nama)"
    contoh = ", ".join(dict.fromkeys(k for k in kode if k))
    contoh = contoh if len(contoh) <= 60 else contoh[:contoh.rfind(",", 0, 60)] + " …"
    b.ctx.peringatan.append(dict(
        jenis="kode_dari_nama", lokasi="kolom kode",
        pesan=f"Berkas tidak memuat kolom kode: kode {apa} dibuat dari namanya ({contoh}), sama setiap kali berkas ini "
              f"diimpor. {contoh_sama}"))


# ------------------------------------------------------------------ kecamatan, tahun, triwulan

def kecamatan_kolom(b: Bingkai) -> None:
    """Adds `kecamatan_id` (and `kecamatan`) to the frame: from the file's column, else the chosen kecamatan."""
    ctx = b.ctx
    if ctx.dataset == "skala":
        return
    n = len(b.df)
    if b.ada("kecamatan"):
        def satu(v):
            if baca.kosong_sel(v):
                if ctx.kecamatan_id is None:
                    return None, "wajib diisi (atau pilih kecamatan saat impor)"
                return (ctx.kecamatan_id, ctx.kecamatan_nama), None
            t = str(v).split("/")[-1].strip()
            r = ctx.kecamatan_semua.get(kunci(re.sub(r"(?i)^kec(amatan)?\.?\s+", "", t)))
            if r is None:
                return None, f"kecamatan '{potong(v)}' tidak ada di basis data"
            if ctx.kecamatan_id is not None and r[0] != ctx.kecamatan_id:
                return None, f"kecamatan '{potong(v)}' berbeda dengan kecamatan yang dipilih ({ctx.kecamatan_nama})"
            return r, None

        hasil = peta_unik(b.df["kecamatan"], satu)
        for i in np.flatnonzero([h[1] is not None for h in hasil]):
            b.galat(int(i), "kecamatan", hasil[i][1])
        b.df["kecamatan_id"] = pd.array([h[0][0] if h[0] else None for h in hasil], dtype="Int64")
        b.df["kecamatan"] = pd.Series([h[0][1] if h[0] else None for h in hasil], dtype=object)
        return
    if ctx.kecamatan_id is None:
        raise ImporError("Pilih kecamatan (--kecamatan) atau sertakan kolom kecamatan di berkas.", salah_pakai=True)
    b.df["kecamatan_id"] = pd.array([ctx.kecamatan_id] * n, dtype="Int64")
    b.df["kecamatan"] = pd.Series([ctx.kecamatan_nama] * n, dtype=object)


def periode(b: Bingkai, kolom: str, *, wajib: bool = True) -> pd.Series | None:
    """Per row: tahun or triwulan from the file's column (the chosen one fills its empty cells), else the
    chosen one, else the header's label."""
    from dashboard.impor import sel

    ctx = b.ctx
    dipilih = ctx.tahun if kolom == "tahun" else ctx.triwulan
    label = b.df["_label_tahun" if kolom == "tahun" else "_label_tw"]
    n = len(b.df)
    if b.ada(kolom):
        h = sel.tahun(b.df[kolom]) if kolom == "tahun" else sel.triwulan(b.df[kolom])
        b.laporkan(kolom, h)
        vals = h.nilai.tolist()
        labels = label.tolist()
        out = []
        for i, v in enumerate(vals):
            if v is pd.NA or v is None:
                if i in h.salah:
                    out.append(None)
                elif dipilih is not None:
                    out.append(dipilih)
                elif labels[i] is not None and not _na(labels[i]):
                    out.append(int(labels[i]))
                else:
                    if wajib:
                        b.galat(i, kolom, "wajib diisi")
                    out.append(None)
            else:
                out.append(int(v))
        return pd.Series(pd.array(out, dtype="Int64"))
    if dipilih is not None:
        return pd.Series(pd.array([dipilih] * n, dtype="Int64"))
    lab = [None if _na(x) else int(x) for x in label.tolist()]
    if any(x is not None for x in lab) and all(x is not None for x in lab):
        return pd.Series(pd.array(lab, dtype="Int64"))
    if kolom == "tahun" and b.tahun_judul:
        tahun, teks = b.tahun_judul
        ctx.catatan.append(f"Tahun {tahun} diambil dari judul berkas ('{potong(teks, 60)}').")
        return pd.Series(pd.array([tahun] * n, dtype="Int64"))
    if wajib:
        if kolom == "tahun":
            ctx.galat.tambah(None, None, "Tahun tidak diketahui: tambahkan kolom tahun di berkas, tulis tahunnya di "
                             "judul kolom (mis. 'Target 2025'), atau pilih tahun saat impor.")
        else:
            ctx.galat.tambah(None, None, "Triwulan tidak diketahui: tambahkan kolom triwulan di berkas, tulis "
                             "triwulannya di judul kolom (mis. 'Realisasi s.d. TW II'), atau pilih triwulan saat "
                             "impor.")
    return None


def _na(x) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


# ------------------------------------------------------------------ summary rows

_TOTAL = re.compile(r"(?i)^\s*(σ|∑|jumlah|total|sub\s*total|grand\s*total)\b|^\s*[σ∑]")
_RINGKASAN = ("nrr", "ratarata", "ikm", "nilaihasil", "nilairatarata", "nilaiindeks", "surplus", "defisit",
              "pembiayaan", "sisa", "nilaiunsur", "nilaipersepsi", "indekskepuasan", "mutupelayanan", "kinerjaunit",
              "capaianratarata", "keterangan")


def jenis_ringkasan(teks) -> str | None:
    """'total' for a JUMLAH/TOTAL/Σ row, 'ringkasan' for another summary row (NRR, rata-rata, surplus…), else None."""
    if not isinstance(teks, str):
        return None
    t = teks.lstrip()
    if not t or t[0].isdigit():
        return None
    if _TOTAL.match(teks):
        return "total"
    k = kunci(teks)
    if any(k.startswith(x) for x in _RINGKASAN):
        return "ringkasan"
    return None


# ------------------------------------------------------------------ pandera

PESAN_CEK = {
    "tahun": "'{v}' bukan tahun yang sah (1900–2100)",
    "triwulan": "triwulan '{v}' tidak ada (1–4)",
    "skor": "skor '{v}' di luar rentang 1–4",
    "nrr": "NRR '{v}' di luar rentang 1–4",
    "ikm": "IKM '{v}' di luar rentang 25–100",
    "tidak_negatif": "'{v}' tidak boleh negatif",
    "positif": "'{v}' harus lebih dari 0",
    "umur": "umur '{v}' di luar rentang 0–120",
    "skor_indeks_desa_2024": "skor '{v}' di luar rentang 0–100 (Indeks Desa 2024)",
    "skor_idm_2016": "skor '{v}' di luar rentang 0–1 (IDM 2016)",
    "not_nullable": "wajib diisi",
    "warna": "'{v}' bukan kode warna (contoh: #1b7f3b)",
}


def cek(nama: str, fungsi) -> pa.Check:
    return pa.Check(fungsi, element_wise=False, error=nama, ignore_na=True)


def rentang(nama: str, bawah: float, atas: float) -> pa.Check:
    return pa.Check.in_range(bawah, atas, error=nama)


def validasi(b: Bingkai, t: pd.DataFrame, skema: pa.DataFrameSchema, *, sudah: set[tuple[int, str]] | None = None,
             petunjuk: dict[str, set[int]] | None = None) -> None:
    """Validate the typed frame lazily and turn every failure into a row/column error."""
    try:
        skema.validate(t, lazy=True)
    except pa.errors.SchemaErrors as exc:
        fc = exc.failure_cases
        for kolom, cek_nama, idx, kasus in zip(fc["column"].tolist(), fc["check"].tolist(), fc["index"].tolist(),
                                               fc["failure_case"].tolist()):
            if idx is None or _na(idx):
                b.ctx.galat.tambah(None, b.hdr(kolom) if kolom else None, f"kolom tidak sah ({cek_nama})")
                continue
            pos = int(idx)
            if sudah and (pos, kolom) in sudah:
                continue
            v = b.mentah(kolom, pos) if kolom in b.df.columns else kasus
            if v is None:
                v = kasus
            pesan = PESAN_CEK.get(str(cek_nama), str(cek_nama)).format(v=potong(_tampil(v)))
            if petunjuk and pos in petunjuk.get(kolom, set()):
                pesan += (" — angka ini dibaca dengan gaya Indonesia (titik = pemisah ribuan); jika titik di berkas "
                          "adalah tanda desimal, pilih gaya angka Inggris (en)")
            b.galat(pos, kolom, pesan)


def _tampil(v) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, float):
        return repr(v).replace(".", ",")
    return str(v)


def ditandai(*hasil: tuple[str, Hasil]) -> set[tuple[int, str]]:
    out = set()
    for kan, h in hasil:
        out |= {(i, kan) for i in h.salah}
    return out


def kolom_asli(s: pd.Series) -> list:
    """A column as plain Python values for the database (None for every kind of missing), fast per dtype."""
    if isinstance(s.dtype, pd.Int64Dtype):
        return [None if v is pd.NA else int(v) for v in s.tolist()]
    if s.dtype.kind == "f":
        return [None if v != v else v for v in s.tolist()]
    if s.dtype.kind in "iub":
        return s.tolist()
    return [v if v is None or type(v) is str else asli(v) for v in s.tolist()]


def asli(v):
    """A plain Python value for the database (None for every kind of missing)."""
    if v is None or v is pd.NA:
        return None
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    return v
