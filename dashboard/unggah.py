"""The Unggah Data page without Streamlit: the options of an import, the check before saving (a dry run of
the import engine), and the tables the page shows (mapping, preview, errors, warnings, import history,
manual IKU entry).

Everything here goes through `dashboard.impor`; nothing parses a file or writes a table itself.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from decimal import Decimal

import pandas as pd
from sqlalchemy.engine import Engine
from sqlmodel import Session

from dashboard import format as fmt
from dashboard.akun import AksesDitolak
from dashboard.data import IndikatorData, Periode
from dashboard.impor import KOLOM, NAMA_DATASET, HasilImpor, ImporError, impor, impor_tabel
from dashboard.impor.galat import Galat, pesan_galat
from dashboard.tabel import tabel_peringatan

PENGGUNA = "operator"  # a local process (tests, scripts); the pages pass the logged-in user

# The order a new kecamatan loads its data in: indicators before their realisasi.
DATASET_URUT = ("indikator", "realisasi", "anggaran", "skm", "skm-rekap", "desa", "skala")
JUDUL_DATASET = {
    "indikator": "Indikator (IKU) dan target",
    "realisasi": "Realisasi indikator per triwulan",
    "anggaran": "Anggaran: pagu dan realisasi",
    "skm": "SKM: jawaban responden",
    "skm-rekap": "SKM: rekap NRR per unsur / IKM",
    "desa": "Desa dan status desa",
    "skala": "Skala kategori (untuk semua kecamatan)",
}
SUMBER_DATASET = {
    "indikator": "Daftar IKU dari Perjanjian Kinerja (PK) atau e-kinerja: kode, nama indikator, target tahunan dan "
                 "(boleh) target per triwulan. Muat ini **lebih dulu**, sebelum realisasinya.",
    "realisasi": "Realisasi indikator per triwulan dari e-kinerja / e-SAKIP, satu baris per indikator dan triwulan "
                 "(atau kolom TW I … TW IV). Indikatornya harus sudah dimuat.",
    "anggaran": "Laporan realisasi anggaran SIPD / FMIS (Excel atau CSV): kode, uraian, pagu, realisasi. Angka "
                "realisasi SIPD dibaca **kumulatif s.d. triwulan**; pilih 'per triwulan' untuk tabel monev internal.",
    "skm": "Jawaban Survei Kepuasan Masyarakat, satu baris per responden: ekspor Google Forms atau buku tamu "
           "digital. Jawaban boleh angka 1–4 atau teks kuesioner (Sangat sesuai, Mudah, …).",
    "skm-rekap": "Rekap SKM bila hanya ada ringkasannya: NRR per unsur per triwulan dan/atau IKM tercetak.",
    "desa": "Daftar desa dan status Indeks Desa (Kemendesa, sekali setahun): nama desa, tahun, skor, status, "
            "dan (boleh) skor dimensi.",
    "skala": "Skala kategori (batas bawah dan label) yang dapat dipilih di Pengaturan; berlaku untuk semua kecamatan.",
}
LABEL_DATASET = {"indikator": "Indikator", "realisasi": "Realisasi", "anggaran": "Anggaran", "skm": "SKM",
                 "skm-rekap": "Rekap SKM", "desa": "Desa", "skala": "Skala"}
# Where the imported data shows.
HALAMAN_DATASET = {
    "indikator": ("pages/iku.py", "IKU"), "realisasi": ("pages/iku.py", "IKU"),
    "anggaran": ("pages/anggaran.py", "Anggaran"), "skm": ("pages/skm.py", "SKM"),
    "skm-rekap": ("pages/skm.py", "SKM"), "desa": ("pages/desa.py", "Desa"),
    "skala": ("pages/pengaturan.py", "Pengaturan"),
}
PAKAI_TRIWULAN = {"realisasi", "anggaran", "skm", "skm-rekap"}
PEMISAH = {",": "koma (,)", ";": "titik koma (;)", "\t": "tab"}
GAYA_ANGKA = {"id": "Indonesia (1.234.567,89)", "en": "Inggris (1,234,567.89)"}
MODE_SKM = {"ganti": "ganti: berkas menggantikan jawaban triwulan itu",
            "tambah": "tambah: jawaban ditambahkan (responden yang sudah ada dilewati)"}
STATUS = {"berhasil": ("berhasil", "#1b7f3b"), "ditolak": ("ditolak", "#a61e1e"),
          "dibatalkan": ("dibatalkan", "#e9ecef"), "uji": ("uji", "#e9ecef")}
_DIABAIKAN = "diabaikan"
PERIODE_SKM = {None: "Dari berkas (bawaan: per triwulan)", "semester": "per semester (Semester I = TW II, II = TW IV)",
               "tahunan": "tahunan (disimpan pada TW IV)"}


# ---------------------------------------------------------------- options and the check

@dataclass
class Opsi:
    """What the operator chose for one file. `None` for kecamatan: the file's kecamatan column decides;
    `None` for tahun / triwulan: the file decides, else the frame's (see `periksa`). `pemetaan` is a saved
    mapping's name, or header -> column (a saved mapping merged with the headers mapped by hand)."""

    dataset: str
    kecamatan: str | None
    tahun: int | None = None
    triwulan: int | None = None
    lembar: str | None = None
    pemetaan: dict | str | None = None
    per_triwulan: bool = False
    mode: str = "ganti"
    gaya_angka: str = "id"
    periode: str | None = None  # SKM: semester | tahunan when the file does not say (None: from the file)

    def argumen(self) -> dict:
        """The keyword arguments of `impor` (tahun and triwulan are resolved by `periksa`)."""
        kw = dict(kecamatan=None if self.dataset == "skala" else self.kecamatan, lembar=self.lembar or None,
                  pemetaan=self.pemetaan or None, gaya_angka=self.gaya_angka)
        if self.dataset == "anggaran":
            kw["per_triwulan"] = self.per_triwulan
        if self.dataset == "skm":
            kw["mode"] = self.mode
        if self.dataset in ("skm", "skm-rekap") and self.periode:
            kw["periode"] = self.periode
        return kw

    def kunci(self) -> str:
        """A stable text of the options (with the file's SHA-256, the key of a check already done)."""
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True, default=str)


@dataclass
class Pemeriksaan:
    """The result of checking one file with the chosen options (a dry run: nothing written)."""

    opsi: Opsi
    argumen: dict  # the exact keyword arguments given to the engine (reused by `simpan`)
    hasil: HasilImpor | None = None
    tolak: str | None = None  # the whole file refused (too big, not a table, wrong sheet, …)
    dari_frame: tuple[str, ...] = ()  # "tahun" / "triwulan" filled from the frame because the file has none

    @property
    def persiapan(self):
        return self.hasil.persiapan if self.hasil else None

    @property
    def galat(self) -> list[Galat]:
        return list(self.hasil.galat) if self.hasil else []

    @property
    def boleh_simpan(self) -> bool:
        return self.hasil is not None and self.hasil.status == "uji"

    @property
    def lembar_ada(self) -> list[str]:
        p = self.persiapan
        return list(p.format.get("lembar_ada") or []) if p else []


def periode_hilang(galat: list[Galat]) -> set[str]:
    """'tahun' / 'triwulan' when the engine could not find them in the file (nor in its headers or title)."""
    out = set()
    for g in galat:
        if g.baris is None and g.kolom is None:
            if g.pesan.startswith("Tahun tidak diketahui"):
                out.add("tahun")
            elif g.pesan.startswith("Triwulan tidak diketahui"):
                out.add("triwulan")
    return out


def periksa(isi: bytes, nama_file: str, opsi: Opsi, *, tahun_frame: int | None, triwulan_frame: int | None,
            engine: Engine | None = None) -> Pemeriksaan:
    """Read, map and validate the file and run the data checks, writing nothing (`impor(dry_run=True)`).

    Tahun and triwulan the operator left on "otomatis" come from the file; only when the file has none
    are the frame's used (a second dry run), and the result says so.
    """
    kw = opsi.argumen()
    tahun = opsi.tahun
    triwulan = opsi.triwulan if opsi.dataset in PAKAI_TRIWULAN else None
    kw.update(tahun=tahun, triwulan=triwulan)
    try:
        hasil = impor(opsi.dataset, isi, nama_file, engine=engine, dry_run=True, **kw)
        isi_frame = {}
        if opsi.dataset != "skala":
            hilang = periode_hilang(hasil.galat)
            if "tahun" in hilang and tahun is None and tahun_frame is not None:
                isi_frame["tahun"] = int(tahun_frame)
            if "triwulan" in hilang and triwulan is None and triwulan_frame is not None \
                    and opsi.dataset in PAKAI_TRIWULAN:
                isi_frame["triwulan"] = int(triwulan_frame)
        if isi_frame:
            kw.update(isi_frame)
            hasil = impor(opsi.dataset, isi, nama_file, engine=engine, dry_run=True, **kw)
    except ImporError as exc:
        return Pemeriksaan(opsi, kw, tolak=str(exc))
    return Pemeriksaan(opsi, kw, hasil=hasil, dari_frame=tuple(sorted(isi_frame)))


def simpan(pem: Pemeriksaan, isi: bytes, nama_file: str, *, engine: Engine | None = None,
           pengguna: str = PENGGUNA) -> tuple[HasilImpor | None, str | None]:
    """The real import with the checked options: (result, None), or (None, message) when refused as a whole.

    A file with errors is written nowhere, but the attempt is logged as "ditolak" (formats.md §1).
    """
    try:
        return impor(pem.opsi.dataset, isi, nama_file, engine=engine, pengguna=pengguna, **pem.argumen), None
    except (ImporError, AksesDitolak) as exc:  # a file for another kecamatan: refused, and recorded
        return None, str(exc)


def peta_tersimpan(session: Session, dataset: str, nama: str) -> dict[str, str | None]:
    """The content of a saved mapping (header -> column), to merge the headers mapped by hand into it."""
    from dashboard.impor.siap import muat_pemetaan

    return muat_pemetaan(session, dataset, nama)


def daftar_lembar(isi: bytes, nama_file: str) -> list[str]:
    """The sheets of an uploaded workbook (empty for a CSV or a file the engine cannot open)."""
    from dashboard.impor.baca import buka

    if not isi.startswith(b"PK"):
        return []
    try:
        sumber = buka(isi, nama_file)
    except ImporError:
        return []
    try:
        return list(sumber.lembar_ada)
    finally:
        sumber.tutup()


# ---------------------------------------------------------------- what the check shows

def uraian_format(p) -> str:
    """'CSV · UTF-8 · pemisah titik koma (;) · judul kolom di baris 1' (the file as the engine read it)."""
    f = p.format
    bagian = [str(f.get("jenis", "")).upper()]
    if f.get("jenis") == "csv":
        bagian.append(str(f.get("encoding") or "").upper().replace("CP1252", "Windows-1252")
                      .replace("WINDOWS-1252", "Windows-1252").replace(" DAN ", " dan "))
        bagian.append(f"pemisah {PEMISAH.get(f.get('pemisah'), repr(f.get('pemisah')))}")
    else:
        ada = f.get("lembar_ada") or []
        bagian.append(f"lembar '{f.get('lembar')}'" + (f" (dari {len(ada)} lembar)" if len(ada) > 1 else ""))
    if f.get("baris_header"):
        bagian.append(f"judul kolom di baris {f['baris_header']}")
    bagian.append(f"{fmt.angka(p.baris_dibaca, 0)} baris data")
    bagian.append(f"angka gaya {GAYA_ANGKA.get(f.get('gaya_angka', 'id'), f.get('gaya_angka'))}")
    return " · ".join(b for b in bagian if b)


def uraian_periode(pem: Pemeriksaan) -> list[str]:
    """Where the rows go: kecamatan, tahun and triwulan, each saying where it came from."""
    p = pem.persiapan
    if p is None:
        return []
    ds = pem.opsi.dataset
    out = []
    if ds != "skala":
        if pem.argumen.get("kecamatan"):
            out.append(f"Kecamatan **{fmt.md(pem.argumen['kecamatan'])}**")
        else:
            out.append("Kecamatan **sesuai kolom kecamatan di berkas**")
    lingkup = p.lingkup or []
    tahun = sorted({x[1] for x in lingkup if len(x) > 1 and x[1] is not None})
    tw = sorted({x[2] for x in lingkup if len(x) > 2 and x[2] is not None})
    # A period the engine could not read yet (a file with errors) is left out rather than shown as "—".
    if ds != "skala":
        teks = ", ".join(map(str, tahun)) or (str(pem.argumen["tahun"]) if pem.argumen.get("tahun") else "")
        asal = ("dari pilihan Anda" if pem.opsi.tahun is not None else
                "dari bingkai di samping, karena berkas tidak memuat tahun" if "tahun" in pem.dari_frame
                else "dari berkas")
        if teks:
            out.append(f"tahun **{teks}** ({asal})")
    if ds in PAKAI_TRIWULAN:
        teks = ", ".join(fmt.triwulan(t) for t in tw) or (
            fmt.triwulan(pem.argumen["triwulan"]) if pem.argumen.get("triwulan") else "")
        asal = ("dari pilihan Anda" if pem.opsi.triwulan is not None else
                "dari bingkai di samping, karena berkas tidak memuat triwulan" if "triwulan" in pem.dari_frame
                else "dari berkas")
        if teks:
            out.append(f"triwulan **{teks}** ({asal})")
        jenis = sorted(set(p.data["periode"].dropna())) if "periode" in p.data.columns else []
        if jenis and jenis != ["triwulan"]:
            out.append("survei **" + ", ".join({"semester": "per semester", "tahunan": "tahunan"}.get(j, f"per {j}")
                                               for j in jenis) + "**, ditampilkan pada triwulan itu")
    return out


def _kanonik(teks: str) -> str:
    return teks.split(" (")[0]


def tabel_pemetaan(p, manual: dict[str, str | None] | None = None,
                   tersimpan: dict[str, str | None] | None = None) -> pd.DataFrame:
    """Each header of the file and the column it is read as (or 'diabaikan') and why: recognised, mapped by hand,
    or from the saved mapping; missing required columns last."""
    manual, tersimpan = manual or {}, tersimpan or {}
    kolom = KOLOM[p.dataset]
    rows = []
    for h in p.header:
        if h is None or not str(h).strip():
            continue
        cocok = p.pemetaan.get(h)
        if cocok:
            k = kolom.get(_kanonik(cocok))
            asal = ("dipetakan manual" if h in manual else "dari pemetaan tersimpan" if tersimpan.get(h)
                    else "dikenali otomatis")
            rows.append({"Judul kolom di berkas": h, "Dibaca sebagai": cocok,
                         "Keterangan": f"{asal}" + (f" · {k.arti}" if k else ""), "_warna_Dibaca sebagai": None})
        else:
            rows.append({"Judul kolom di berkas": h, "Dibaca sebagai": _DIABAIKAN,
                         "Keterangan": "tidak dipakai; petakan di bawah bila kolom ini perlu diimpor",
                         "_warna_Dibaca sebagai": "#e9ecef"})
    for k in p.wajib_hilang:
        rows.append({"Judul kolom di berkas": "—", "Dibaca sebagai": k,
                     "Keterangan": f"WAJIB, tidak ada di berkas · {kolom[k].arti}" if k in kolom
                     else "WAJIB, tidak ada di berkas",
                     "_warna_Dibaca sebagai": "#a61e1e"})
    return pd.DataFrame(rows, columns=["Judul kolom di berkas", "Dibaca sebagai", "Keterangan",
                                       "_warna_Dibaca sebagai"])


def header_manual(p, manual: dict[str, str | None]) -> list[str]:
    """The headers the operator may map by hand: those not recognised, and those already mapped by hand."""
    out = [h for h in p.header if h and str(h).strip() and (h not in p.pemetaan or h in manual)]
    return list(dict.fromkeys(out))


def pilihan_kolom(dataset: str) -> list[str]:
    """'' (diabaikan) and the dataset's canonical columns, required first."""
    kolom = KOLOM[dataset].values()
    return [""] + [k.nama for k in kolom if k.wajib] + [k.nama for k in kolom if not k.wajib]


def label_kolom(dataset: str, nama: str) -> str:
    if not nama:
        return "(diabaikan)"
    k = KOLOM[dataset].get(nama)
    return f"{nama} (wajib)" if k and k.wajib else nama


_TW = re.compile(r"\btw([1-4])\b", re.IGNORECASE)


def tabel_pratinjau(p, n: int = 10) -> pd.DataFrame:
    """The first rows as they will be stored: the file's row number first, columns with no value dropped."""
    df = p.pratinjau(n)
    if df.empty:
        return df
    # Money (stored in sen) is shown in rupiah: the '(Rp)' suffix gives it the rupiah format.
    uang = {c[:-4].replace("_", " ").capitalize() for c in p.data.columns if c.endswith("_sen")}
    df = df.rename(columns={c: f"{c} (Rp)" for c in df.columns if c in uang})
    kosong = [c for c in df.columns if df[c].map(_tanpa_nilai).all()]
    df = df.drop(columns=kosong)
    df = df.rename(columns={c: _TW.sub(lambda m: fmt.triwulan(int(m.group(1))), str(c)) for c in df.columns})
    # The row number, then the figures being imported (what the operator checks), then the rest.
    nilai = [c for c in df.columns if c not in ("Baris", "Tahun", "Triwulan", "Urutan") and _angka_semua(df[c])]
    depan = [c for c in ("Baris", *nilai) if c in df.columns]
    df = df[[*depan, *[c for c in df.columns if c not in depan]]]
    for c in df.columns:
        if c in ("Baris", "Tahun", "Triwulan"):
            df[c] = [None if _tanpa_nilai(v) else int(v) for v in df[c]]
        elif df[c].dtype == object or str(df[c].dtype).startswith(("string", "Int", "boolean")):
            df[c] = [None if _tanpa_nilai(v) else _sel(v) for v in df[c]]
    return df.reset_index(drop=True)


def _angka_semua(s: pd.Series) -> bool:
    """A column of figures: every value a number (booleans and text not), at least one present."""
    isi = [v for v in s.tolist() if not _tanpa_nilai(v)]
    return bool(isi) and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                             or (hasattr(v, "dtype") and getattr(v.dtype, "kind", "") in "iuf") for v in isi)


def dataset_mirip(p) -> str | None:
    """'Berkas ini tampak seperti data …' when the file misses this dataset's required columns but has another's."""
    if p is None or not p.mirip:
        return None
    return (f"Berkas ini tampak seperti data {NAMA_DATASET[p.mirip]}: judul kolomnya memuat semua kolom wajib "
            f"jenis data '{JUDUL_DATASET[p.mirip]}', bukan '{JUDUL_DATASET[p.dataset]}'.")


def kolom_diabaikan(p) -> str | None:
    """Every column the import leaves out, by name, in one line."""
    if p is None or not p.diabaikan:
        return None
    return f"Kolom diabaikan ({len(p.diabaikan)}): " + ", ".join(f"'{h}'" for h in p.diabaikan) + "."


def _sel(v):
    """A preview cell as a plain value: numbers stay numbers (shown in Indonesian format), anything else text."""
    if hasattr(v, "item") and not isinstance(v, str):
        v = v.item()
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    return v if isinstance(v, (int, float, str)) else str(v)


def _tanpa_nilai(v) -> bool:
    if v is None or v is pd.NA:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    return isinstance(v, str) and not v.strip()


def isi_galat(g: Galat) -> str:
    """The message without its 'Baris n, kolom k: ' prefix (the table shows those in their own columns)."""
    awal = pesan_galat(g.baris, g.kolom, "")
    return g.pesan[len(awal):] if awal and g.pesan.startswith(awal) else g.pesan


def tabel_galat(galat: list[Galat]) -> pd.DataFrame:
    return pd.DataFrame([{"Baris": g.baris, "Kolom": g.kolom or "", "Pesan": isi_galat(g)} for g in galat],
                        columns=["Baris", "Kolom", "Pesan"])


def tabel_galat_json(galat: list[dict]) -> pd.DataFrame:
    return tabel_galat([Galat(g.get("baris"), g.get("kolom"), g.get("pesan", "")) for g in galat])


def tabel_peringatan_impor(peringatan: list[dict]) -> pd.DataFrame:
    """The data-check warnings of an import (the Ringkasan table without its empty 'Sumber' column)."""
    df = tabel_peringatan(peringatan)
    return df.drop(columns=["Sumber"]) if not df.empty and not df["Sumber"].any() else df


def hitungan(h: HasilImpor | dict) -> dict[str, int]:
    """The row counts of an import, as the page shows them."""
    g = h.get if isinstance(h, dict) else lambda k: getattr(h, k)
    return {"Baris dibaca": g("baris_dibaca"), "Baru": g("baris_baru"), "Berubah": g("baris_berubah"),
            "Tetap": g("baris_tetap"), "Ditolak": g("baris_ditolak")}


def tidak_mengubah(h: HasilImpor) -> bool:
    """A file whose every row is already stored as it is (importing it again changes nothing)."""
    return h.status in ("uji", "berhasil") and h.baris_baru == 0 and h.baris_berubah == 0


def pesan_berhasil(h: HasilImpor) -> str:
    c = hitungan(h)
    return (f"Impor #{h.import_id} tersimpan: {fmt.angka(c['Baris dibaca'], 0)} baris dibaca — "
            f"{fmt.angka(c['Baru'], 0)} baru, {fmt.angka(c['Berubah'], 0)} berubah, {fmt.angka(c['Tetap'], 0)} tetap, "
            f"{fmt.angka(c['Ditolak'], 0)} ditolak" + (f"; {len(h.peringatan)} peringatan data" if h.peringatan else "")
            + ".")


# ---------------------------------------------------------------- the import history

def waktu_lokal(d: datetime | None) -> str:
    """The log's UTC time in the server's time zone, Indonesian: '26 November 2026 18.04'."""
    if d is None:
        return fmt.KOSONG
    if d.tzinfo is None:
        d = d.replace(tzinfo=timezone.utc)
    return fmt.waktu(d.astimezone())


def _periode_log(r: dict) -> str:
    tahun, tw = r.get("tahun"), r.get("triwulan")
    if tahun and tw:
        return f"{tahun} · {fmt.triwulan(tw)}"
    if tahun:
        return str(tahun)
    lingkup = (r.get("opsi") or {}).get("lingkup") or []
    th = sorted({x[1] for x in lingkup if len(x) > 1 and x[1]})
    return ", ".join(map(str, th)) or fmt.KOSONG


def tabel_riwayat(rows: list[dict], sorot: int | None = None) -> pd.DataFrame:
    """The import log, newest first: one row per import, the status coloured, the highlighted import bold."""
    out = []
    for r in rows:
        label, warna = STATUS.get(r["status"], (r["status"], None))
        out.append({
            "No.": f"#{r['id']}", "Waktu": waktu_lokal(r["waktu"]), "Status": label,
            "Data": LABEL_DATASET.get(r["dataset"], r["dataset"]),
            "Berkas": r["nama_file"] + (" (disimpan sebagian)" if (r.get("opsi") or {}).get("ukuran_berkas") else ""),
            "Periode": _periode_log(r),
            "Dibaca": r["baris_dibaca"], "Baru": r["baris_baru"], "Berubah": r["baris_berubah"],
            "Tetap": r["baris_tetap"], "Ditolak": r["baris_ditolak"], "Peringatan": len(r.get("peringatan") or []),
            "Pengguna": r["pengguna"],
            "Kecamatan": r.get("kecamatan") or ("semua" if r["dataset"] == "skala" else "se-kabupaten"),
            "_warna_Status": warna, "_tebal": sorot is not None and r["id"] == sorot,
        })
    return pd.DataFrame(out, columns=["No.", "Waktu", "Status", "Data", "Berkas", "Periode", "Dibaca", "Baru",
                                      "Berubah", "Tetap", "Ditolak", "Peringatan", "Pengguna", "Kecamatan",
                                      "_warna_Status", "_tebal"])


def label_impor(r: dict) -> str:
    """One import in a selectbox: '#23 · 26 November 2026 18.04 · SKM: jawaban responden · x.csv · berhasil'."""
    return " · ".join([f"#{r['id']}", waktu_lokal(r["waktu"]), JUDUL_DATASET.get(r["dataset"], r["dataset"]),
                       r["nama_file"], STATUS.get(r["status"], (r["status"],))[0]])


def versi_label(label) -> str:
    """A short digest of a selector's option labels: a new one whenever any label changes."""
    import hashlib

    return hashlib.sha256("\n".join(label).encode()).hexdigest()[:10]


def uraian_opsi(r: dict) -> str:
    """The options an import ran with, in words."""
    o = r.get("opsi") or {}
    bagian = []
    if o.get("lembar"):
        bagian.append(f"lembar '{o['lembar']}'")
    bagian.append(f"angka gaya {GAYA_ANGKA.get(o.get('gaya_angka', 'id'), o.get('gaya_angka'))}")
    if r["dataset"] == "anggaran":
        bagian.append("realisasi per triwulan" if o.get("per_triwulan") else "realisasi kumulatif s.d. triwulan")
    if r["dataset"] == "skm":
        bagian.append(f"mode {o.get('mode', 'ganti')}")
    if o.get("pemetaan"):
        p = o["pemetaan"]
        bagian.append(f"pemetaan '{p}'" if isinstance(p, str) else f"pemetaan manual ({len(p)} kolom)")
    if o.get("dibatalkan_oleh"):
        bagian.append(f"dibatalkan oleh {o['dibatalkan_oleh']} pada {waktu_lokal(r.get('dibatalkan_pada'))}")
    return " · ".join(bagian)


def impor_sama(rows: list[dict], sha256: str) -> dict | None:
    """The newest successful import of the same file (same content), if any."""
    return next((r for r in rows if r["sha256"] == sha256 and r["status"] == "berhasil"), None)


# ---------------------------------------------------------------- templates

def tabel_kolom(dataset: str) -> pd.DataFrame:
    """The columns a file of the dataset may have (the XLSX template's 'Penjelasan' sheet)."""
    return pd.DataFrame([{"Kolom": k.nama, "Wajib": "ya" if k.wajib else "", "Arti": k.arti,
                          "Judul lain yang dikenali": "; ".join(k.alias[:6]) + (" …" if len(k.alias) > 6 else ""),
                          "Contoh": k.contoh} for k in KOLOM[dataset].values()],
                        columns=["Kolom", "Wajib", "Arti", "Judul lain yang dikenali", "Contoh"])


def nama_templat(dataset: str, jenis: str) -> str:
    return f"templat_{dataset.replace('-', '_')}.{jenis}"


# ---------------------------------------------------------------- manual entry of targets and realisasi

def teks_angka(v) -> str:
    """A stored number as the text the importer reads back to the same value: 87.5 -> '87,5', 1500.0 -> '1500'."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    d = Decimal(repr(float(v))).normalize()
    teks = format(d, "f")
    return teks.replace(".", ",")


def kolom_isian(tw: int) -> dict[str, str]:
    """Editor column -> canonical column of the import datasets."""
    return {"Target tahunan": "target", f"Target s.d. {fmt.triwulan(tw)}": f"target_tw{tw}",
            f"Realisasi {fmt.triwulan(tw)}": "realisasi", "Keterangan": "keterangan"}


def indikator_tahun(p: Periode, tahun: int) -> list[IndikatorData]:
    """The indicators of the year (a target or a realisasi in it), in their display order."""
    ind = [i for i in p.indikator if tahun in i.target_versi or tahun in i.realisasi]
    return sorted(ind, key=lambda i: (i.urutan, i.kode))


def tabel_isian(p: Periode, tahun: int, tw: int) -> pd.DataFrame:
    """One row per indicator of the year: the values of the chosen TW as editable text (Indonesian decimals)."""
    rows = []
    for ind in indikator_tahun(p, tahun):
        t = ind.target_berlaku(tahun)
        r = ind.realisasi.get(tahun, {}).get(tw)
        rows.append({"Kode": ind.kode, "Indikator": ind.nama, "Satuan": ind.satuan or "",
                     "Target tahunan": teks_angka(t.target) if t else "",
                     f"Target s.d. {fmt.triwulan(tw)}": teks_angka(t.target_tw.get(tw)) if t else "",
                     f"Realisasi {fmt.triwulan(tw)}": teks_angka(r.nilai) if r else "",
                     "Keterangan": (r.keterangan or "") if r else ""})
    return pd.DataFrame(rows, columns=["Kode", "Indikator", "Satuan", *kolom_isian(tw)])


def _teks(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return ""
    return str(v).strip()


@dataclass
class Isian:
    """The changed rows of the manual entry, as import frames; `posisi[ds]` maps the frame's rows to the editor's."""

    data: dict[str, pd.DataFrame] = field(default_factory=dict)
    posisi: dict[str, list[int]] = field(default_factory=dict)

    def kosong(self) -> bool:
        return not self.data


def isian_berubah(p: Periode, tahun: int, tw: int, asli: pd.DataFrame, baru: pd.DataFrame) -> Isian:
    """The rows the operator changed, split into an `indikator` frame (targets, the version in force updated in
    place) and a `realisasi` frame (value and keterangan of the TW); other fields of the indicators stay as
    they are."""
    kolom = kolom_isian(tw)
    per_kode = {i.kode: i for i in p.indikator}
    target_kol = [c for c, k in kolom.items() if k.startswith("target")]
    real_kol = [c for c, k in kolom.items() if k in ("realisasi", "keterangan")]
    tgt, real, pos_t, pos_r = [], [], [], []
    for pos in range(len(asli)):
        a, b = asli.iloc[pos], baru.iloc[pos]
        ind = per_kode.get(a["Kode"])
        if ind is None:
            continue
        if any(_teks(a[c]) != _teks(b[c]) for c in target_kol):
            t = ind.target_berlaku(tahun)
            tgt.append({"kode": ind.kode, "indikator": ind.nama, "tahun": tahun,
                        **{kolom[c]: _teks(b[c]) for c in target_kol},
                        "versi": t.versi if t else "", "urutan": ind.urutan, "hitung": ind.hitung or "tidak"})
            pos_t.append(pos)
        if any(_teks(a[c]) != _teks(b[c]) for c in real_kol):
            real.append({"kode": ind.kode, "tahun": tahun, "triwulan": tw,
                         **{kolom[c]: _teks(b[c]) for c in real_kol}})
            pos_r.append(pos)
    out = Isian()
    if tgt:
        out.data["indikator"], out.posisi["indikator"] = pd.DataFrame(tgt), pos_t
    if real:
        out.data["realisasi"], out.posisi["realisasi"] = pd.DataFrame(real), pos_r
    return out


def nama_file_isian(dataset: str) -> str:
    return f"isian-manual-{dataset}.csv"


@dataclass
class HasilIsian:
    hasil: dict[str, HasilImpor] = field(default_factory=dict)
    galat: pd.DataFrame | None = None  # Baris, Kode, Kolom, Pesan (rows as numbered in the editor)
    tolak: str | None = None

    @property
    def berhasil(self) -> bool:
        return self.galat is None and self.tolak is None and bool(self.hasil)


def galat_isian(isian: Isian, dataset: str, galat: list[Galat], asli: pd.DataFrame, tw: int) -> pd.DataFrame:
    """The engine's errors on the typed rows, pointed at the editor's row (1 = first indicator) and column."""
    label = {v: k for k, v in kolom_isian(tw).items()}
    posisi = isian.posisi[dataset]
    rows = []
    for g in galat:
        pos = posisi[g.baris - 2] if g.baris is not None and 0 <= g.baris - 2 < len(posisi) else None
        rows.append({"Baris": pos + 1 if pos is not None else None,
                     "Kode": asli["Kode"].iat[pos] if pos is not None else "",
                     "Kolom": label.get(g.kolom or "", g.kolom or ""), "Pesan": isi_galat(g)})
    return pd.DataFrame(rows, columns=["Baris", "Kode", "Kolom", "Pesan"])


def simpan_isian(isian: Isian, asli: pd.DataFrame, *, kecamatan: str, tahun: int, tw: int,
                 engine: Engine | None = None, pengguna: str = PENGGUNA) -> HasilIsian:
    """Check every changed dataset first (dry runs); write them only when all pass. A refused entry is logged
    as a rejected manual import, like a file with errors."""
    kw = dict(engine=engine, kecamatan=kecamatan, tahun=tahun, triwulan=tw, pengguna=pengguna)
    out = HasilIsian()
    try:
        uji = {ds: impor_tabel(ds, df, nama_file=nama_file_isian(ds), dry_run=True, **kw)
               for ds, df in isian.data.items()}
        salah = {ds: h for ds, h in uji.items() if h.galat}
        if salah:
            bagian = []
            for ds, h in salah.items():
                impor_tabel(ds, isian.data[ds], nama_file=nama_file_isian(ds), **kw)  # logs the attempt
                bagian.append(galat_isian(isian, ds, h.galat, asli, tw))
            out.galat = pd.concat(bagian, ignore_index=True).sort_values("Baris", kind="stable",
                                                                          na_position="first")
            return out
        for ds, df in isian.data.items():
            out.hasil[ds] = impor_tabel(ds, df, nama_file=nama_file_isian(ds), **kw)
    except ImporError as exc:
        out.tolak = str(exc)
    return out
