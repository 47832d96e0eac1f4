"""The annual Laporan Kinerja (LKjIP) as plain data: chapters, headings, sentences, numbered tables and figures.

`rencana_lkjip` lays the document out in the chapter order of PermenPANRB 53/2014 (Ikhtisar Eksekutif,
Bab I–IV, Lampiran) before any drawing; `dashboard.ekspor.word` draws it with python-docx, and the tests
read both. Every figure comes from `ringkasan()` (in `Bahan.data`) and the pages' own builders
(`dashboard.analisis_*`, `dashboard.tabel`, `dashboard.ekspor.tabel`); every text goes through
`dashboard.format`. A dataset without data gives a "belum ada data" sentence where its table would be.
Tables and figures are numbered per chapter (Tabel 3.1, Gambar 3.1, …; Tabel L.1 in the Lampiran).
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from dashboard import analisis_anggaran as aa
from dashboard import analisis_desa as ad
from dashboard import analisis_iku as ai
from dashboard import analisis_skm as askm
from dashboard import efisiensi as efisiensi_f
from dashboard import format as fmt
from dashboard import skm as skm_f
from dashboard.ekspor.bahan import Bahan
from dashboard.ekspor.rencana import tindak_lanjut
from dashboard.ekspor.tabel import tabel_sumber
from dashboard.ringkasan import IkuBaris, jenis_belanja, skala_bands, teks_rasio
from dashboard.skala import Band, urutkan
from dashboard.tabel import format_kolom, tabel_peringatan

KOLOM_WARNA = ("Kategori", "Mutu", "Status")  # the cell a row's `_warna` colours: the first one present
HURUF_TABEL = 9.0  # the table font's size (pt)
LEBAR_HURUF_CM = 0.17  # the mean width of a character of that font in text
LEBAR_ANGKA_CM = 0.18  # … and of a digit (Arial's digits are 0,556 em)
LEBAR_TEGAK_CM = 15.5  # text width of an A4 portrait page (margins 3 / 2.5 cm)
LEBAR_MENDATAR_CM = 24.2  # … and of a landscape page
KOLOM_LIPAT = 36  # characters a text column wraps at when the widths are estimated
PADA_SEL_CM = 0.5  # a cell's left and right margins, with room for bold text
LIPAT_SEMPIT = 14  # … and the narrowest it may be made before the table goes on a landscape page
JUDUL_BAB = {
    "ikhtisar": "IKHTISAR EKSEKUTIF",
    "1": "BAB I PENDAHULUAN",
    "2": "BAB II PERENCANAAN KINERJA",
    "3": "BAB III AKUNTABILITAS KINERJA",
    "4": "BAB IV PENUTUP",
    "L": "LAMPIRAN",
}


# ---------------------------------------------------------------- the blocks of the document

@dataclass
class Judul:
    teks: str
    tingkat: int  # 2 (A., B.), 3 (1., 2.) or 4 (a., b.); chapters are `Bab`


@dataclass
class Paragraf:
    teks: str
    jenis: str = "biasa"  # biasa | petunjuk (a hint for the office, to be replaced) | kosong (no data) | poin
    tebal: str = ""  # a bold lead-in before the text ("Faktor pendorong: ")


@dataclass
class TabelDok:
    kunci: str  # what the table is (tests and the page find it by this)
    nomor: str  # "3.2"
    judul: str
    kolom: list[str]
    baris: list[list[str]]
    kanan: set[int] = field(default_factory=set)  # right-aligned (number) columns
    lebar: list[float] = field(default_factory=list)  # column widths in cm
    lebar_min: list[float] = field(default_factory=list)  # … and the narrowest each may be (text wrapped)
    warna: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) -> fill colour
    tebal: set[int] = field(default_factory=set)  # bold rows (totals, averages)
    menjorok: dict[int, int] = field(default_factory=dict)  # row -> indent level of the `Uraian` cell
    gabung: set[int] = field(default_factory=set)  # columns whose repeated values merge downwards
    rentang: dict[int, int] = field(default_factory=dict)  # row -> its first n cells merged (a total's label)
    catatan: str = ""  # a line under the table
    mendatar: bool = False  # on a landscape page
    huruf: float = HURUF_TABEL  # font size (pt)
    df: pd.DataFrame | None = None  # the page's frame the rows were written from (raw, unrounded values)

    @property
    def label(self) -> str:
        return f"Tabel {self.nomor}"


@dataclass
class GambarDok:
    kunci: str
    nomor: str
    judul: str
    grafik: Callable[[], object]  # builds the Altair chart of the page (drawn only when the file is made)
    lebar_cm: float = 14.0

    @property
    def label(self) -> str:
        return f"Gambar {self.nomor}"


Blok = Judul | Paragraf | TabelDok | GambarDok


@dataclass
class Bab:
    kode: str  # ikhtisar | 1 | 2 | 3 | 4 | L
    judul: str
    blok: list[Blok] = field(default_factory=list)


@dataclass
class Dokumen:
    judul: str
    sampul: list[str]  # the cover's lines under the title
    periode: str  # "Tahun 2025" or "s.d. TW III Tahun 2025"
    kepala: str  # the page header
    bab: list[Bab]

    def tabel(self) -> list[TabelDok]:
        return [x for b in self.bab for x in b.blok if isinstance(x, TabelDok)]

    def gambar(self) -> list[GambarDok]:
        return [x for b in self.bab for x in b.blok if isinstance(x, GambarDok)]


# ---------------------------------------------------------------- tables from the pages' frames

def _kosong(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v)


def _teks(v, f=None) -> str:
    """A cell in the page's format `f` (from `dashboard.tabel.format_kolom`), `—` for no value."""
    if _kosong(v):
        return fmt.KOSONG
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if isinstance(v, numbers.Real):
        if f is not None:
            return f(v)
        return str(int(v)) if isinstance(v, numbers.Integral) else fmt.angka(v)
    return str(v).lstrip("\u2003")


def _angka(s: pd.Series) -> bool:
    nilai = [v for v in s if not _kosong(v)]
    return bool(nilai) and all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in nilai)


def _benar(v) -> bool:
    return not _kosong(v) and bool(v)


def lebar_kolom(kolom: list[str], baris: list[list[str]], lipat: int = KOLOM_LIPAT,
                angka: set[int] = frozenset(), huruf: float = HURUF_TABEL) -> list[float]:
    """Column widths in cm from the text: a number column as wide as its longest number (its header
    wraps between words), a text column as wide as its longest cell up to `lipat` characters (it
    wraps), never narrower than its longest word."""
    out = []
    for j, k in enumerate(kolom):
        sel = [r[j] for r in baris if j < len(r)]
        kata = max((len(w) for x in [str(k), *sel] for w in x.split()), default=1)
        isi = max((len(x) for x in sel), default=1)
        rata = sum(len(x) for x in sel) / len(sel) if sel else 0
        # at the natural width, a column of long texts (messages) wraps later than one of names
        batas = min(max(rata, lipat), lipat * 1.7) if lipat >= KOLOM_LIPAT else lipat
        teks = isi if j in angka else min(max(isi, len(str(k))), batas)
        # a word that cannot wrap (a number, a code, a hash) is measured with the digits' full width
        cm = max(kata * LEBAR_ANGKA_CM, teks * (LEBAR_ANGKA_CM if j in angka else LEBAR_HURUF_CM))
        out.append(round(cm * huruf / HURUF_TABEL + PADA_SEL_CM, 2))
    return out


def perlu_mendatar(t: TabelDok) -> bool:
    """Whether the table needs a landscape page: its text columns narrowed to LIPAT_SEMPIT characters
    (numbers kept whole) are still wider than a portrait page."""
    return sum(t.lebar_min or lebar_kolom(t.kolom, t.baris, LIPAT_SEMPIT, t.kanan, t.huruf)) > LEBAR_TEGAK_CM


def dari_df(kunci: str, judul: str, df: pd.DataFrame, *, kolom: list[str] | None = None,
            nama: dict[str, str] | None = None, nomor_urut: bool = False, gabung: tuple[str, ...] = (),
            catatan: str = "", huruf: float = HURUF_TABEL) -> TabelDok:
    """A page's frame as a document table, in the page's formats (`dashboard.tabel.format_kolom`):
    the `_warna` colours, `_tebal` bold rows and `_kedalaman` indents of the frame carry over."""
    tampil = kolom or [c for c in df.columns if not str(c).startswith("_")]
    if df.empty:  # nothing to write: the builder says so in a sentence instead
        return TabelDok(kunci, "", judul, list(tampil), [], catatan=catatan, df=df)
    formats = format_kolom(df[tampil])
    pasangan = {c: f"_warna_{c}" for c in tampil if f"_warna_{c}" in df.columns}
    if "_warna" in df.columns:
        kolom_warna = next((c for c in KOLOM_WARNA if c in tampil), None)
        if kolom_warna:
            pasangan.setdefault(kolom_warna, "_warna")
    t = TabelDok(kunci, "", judul, [], [], catatan=catatan, df=df)
    t.kolom = (["No"] if nomor_urut else []) + [(nama or {}).get(c, c) for c in tampil]
    geser = 1 if nomor_urut else 0
    t.kanan = {j + geser for j, c in enumerate(tampil) if _angka(df[c])} | ({0} if nomor_urut else set())
    t.gabung = {tampil.index(c) + geser for c in gabung if c in tampil}
    for i, row in enumerate(df.to_dict("records")):
        t.baris.append(([str(i + 1)] if nomor_urut else []) + [_teks(row[c], formats.get(c)) for c in tampil])
        for c, w in pasangan.items():
            if isinstance(row.get(w), str) and row[w].startswith("#"):
                t.warna[(i, tampil.index(c) + geser)] = row[w]
        if _benar(row.get("_tebal")):
            t.tebal.add(i)
        if _benar(row.get("_kedalaman")):
            t.menjorok[i] = int(row["_kedalaman"])
    t.huruf = huruf
    t.lebar = lebar_kolom(t.kolom, t.baris, angka=t.kanan, huruf=huruf)
    t.lebar_min = lebar_kolom(t.kolom, t.baris, LIPAT_SEMPIT, t.kanan, huruf)
    return t


# ---------------------------------------------------------------- the builder

class _Penyusun:
    """Appends blocks to the chapter being written and numbers its tables and figures."""

    def __init__(self) -> None:
        self.bab: list[Bab] = []
        self._tabel = self._gambar = 0

    def mulai(self, kode: str) -> None:
        self.bab.append(Bab(kode, JUDUL_BAB[kode]))
        self._tabel = self._gambar = 0

    @property
    def _awalan(self) -> str:
        return {"ikhtisar": "0"}.get(self.bab[-1].kode, self.bab[-1].kode)

    def judul(self, teks: str, tingkat: int = 2) -> None:
        self.bab[-1].blok.append(Judul(teks, tingkat))

    def paragraf(self, teks: str, jenis: str = "biasa", tebal: str = "") -> None:
        if teks:
            self.bab[-1].blok.append(Paragraf(teks, jenis, tebal))

    def petunjuk(self, teks: str) -> None:
        self.paragraf(teks, "petunjuk")

    def kosong(self, teks: str) -> None:
        self.paragraf(teks, "kosong")

    def poin(self, daftar: list[str]) -> None:
        for x in daftar:
            self.paragraf(x, "poin")

    def tabel(self, t: TabelDok, kosong: str = "") -> TabelDok | None:
        """Add a numbered table, or the sentence `kosong` when it has no rows."""
        if not t.baris:
            self.kosong(kosong or f"{t.judul}: belum ada data.")
            return None
        self._tabel += 1
        t.nomor = f"{self._awalan}.{self._tabel}"
        t.mendatar = t.mendatar or perlu_mendatar(t)
        self.bab[-1].blok.append(t)
        return t

    def gambar(self, kunci: str, judul: str, grafik: Callable[[], object]) -> None:
        self._gambar += 1
        self.bab[-1].blok.append(GambarDok(kunci, f"{self._awalan}.{self._gambar}", judul, grafik))


def label_periode(tahun: int, triwulan: int) -> str:
    """`Tahun 2025`, or `s.d. TW III Tahun 2025` while the year is not complete."""
    return f"Tahun {tahun}" if triwulan == 4 else f"s.d. {fmt.triwulan(triwulan)} Tahun {tahun}"


def rencana_lkjip(b: Bahan) -> Dokumen:
    """The whole document of the kecamatan's year (s.d. the TW of `b`), chapter by chapter."""
    p, tw = b.periode, b.triwulan
    periode = label_periode(b.tahun, tw)
    sampul = [f"KECAMATAN {p.kecamatan.upper()}", f"KABUPATEN {p.kabupaten.upper()}", periode.upper()]
    if tw < 4:
        sampul.append(f"Tahun {b.tahun} belum lengkap: semua angka kumulatif s.d. {fmt.triwulan(tw)}.")
    if p.sintetis:
        sampul.append("DATA SINTETIS, bukan data sebenarnya")
    sampul.append(f"Draf disusun oleh Pantau Triwulan dari data yang diimpor, {fmt.tanggal(b.waktu)}. "
                  "Periksa, lengkapi bagian bertanda petunjuk, lalu perbarui daftar isi (F9) sebelum ditetapkan.")
    s = _Penyusun()
    _ikhtisar(s, b, periode)
    _bab1(s, b)
    _bab2(s, b)
    _bab3(s, b, periode)
    _bab4(s, b)
    _lampiran(s, b, periode)
    return Dokumen("LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)", sampul, periode,
                   f"LKjIP Kecamatan {p.kecamatan} {periode}", s.bab)


# ---------------------------------------------------------------- Ikhtisar Eksekutif

def hitung_kategori(baris: list[IkuBaris], bands: list[Band]) -> list[tuple[str, int]]:
    """How many IKU fall in each category of the scale (highest first), then how many are not measured."""
    iku = [x for x in baris if x.ind.jenis == "iku"]
    out = [(band.label, sum(1 for x in iku if x.kategori == band.label)) for band in urutkan(bands)]
    out = [(k, n) for k, n in out if n]
    belum = sum(1 for x in iku if x.capaian is None)
    return out + ([("belum diukur", belum)] if belum else [])


def _daftar(bagian: list[str]) -> str:
    """`a`, `a dan b`, `a, b dan c`."""
    return bagian[0] if len(bagian) == 1 else ", ".join(bagian[:-1]) + " dan " + bagian[-1]


def _kalimat_efisiensi(data: dict) -> str:
    efi, iku, ang = data["efisiensi"], data["iku"], data["anggaran"]
    metode = efisiensi_f.METODE[efi["metode"]]
    if efi["nilai"] is None:
        kurang = [x for x, v in (("rata-rata capaian IKU", iku["rata_rata_capaian"]),
                                 ("serapan anggaran", ang["serapan"])) if v is None]
        return (f"Efisiensi (metode {metode}) belum dapat dihitung karena {_daftar(kurang) or 'datanya'} "
                "belum ada.")
    arti = {"Efisien": "capaian kinerja lebih tinggi daripada penyerapan anggaran",
            "Sesuai": "capaian kinerja sebanding dengan penyerapan anggaran",
            "Tidak Efisien": "capaian kinerja lebih rendah daripada penyerapan anggaran"}.get(efi["kategori"], "")
    return (f"Efisiensi penggunaan anggaran (metode {metode}) sebesar {teks_efisiensi(efi['nilai'], efi['metode'])}, "
            f"kategori {efi['kategori']}" + (f": {arti}." if arti else "."))


def teks_efisiensi(nilai: float | None, metode: str) -> str:
    """An efficiency figure as the Ringkasan page shows it (points for the `selisih` method)."""
    return fmt.poin(nilai) if metode == "selisih" else fmt.angka(nilai)


def _ikhtisar(s: _Penyusun, b: Bahan, periode: str) -> None:
    p, tw, data = b.periode, b.triwulan, b.data
    s.mulai("ikhtisar")
    baris: list[IkuBaris] = data["_iku"]["baris"]
    iku = [x for x in baris if x.ind.jenis == "iku"]
    ik = [x for x in baris if x.ind.jenis != "iku"]
    sasaran = list(dict.fromkeys((x.ind.sasaran or "").strip() for x in baris if (x.ind.sasaran or "").strip()))
    pembuka = (f"Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan {p.kecamatan} Kabupaten {p.kabupaten} "
               f"{periode} disusun menurut Peraturan Menteri PANRB Nomor 53 Tahun 2014.")
    if baris:
        pembuka += (f" Kinerja diukur dengan {len(iku)} indikator kinerja utama (IKU)"
                    + (f" dari {len(sasaran)} sasaran strategis" if sasaran else "")
                    + (f", ditambah {len(ik)} indikator kinerja (IK) pendukung" if ik else "") + ".")
    if tw < 4:
        pembuka += (f" Tahun {b.tahun} belum lengkap: semua angka dalam laporan ini kumulatif s.d. "
                    f"{fmt.triwulan(tw)}.")
    s.paragraf(pembuka)
    ringkas = data["iku"]
    if not baris:
        s.kosong(f"Belum ada data indikator kinerja tahun {b.tahun}, jadi capaian kinerja belum dapat diukur.")
    elif ringkas["rata_rata_capaian"] is None:
        s.paragraf(f"Rata-rata capaian IKU {periode} belum dapat dihitung: belum ada realisasi IKU s.d. "
                   f"{fmt.triwulan(tw)} (belum diukur).")
    else:
        hitung = hitung_kategori(baris, skala_bands(p, p.setelan.skala_capaian))
        s.paragraf(f"Rata-rata capaian IKU {periode} adalah {fmt.persen(ringkas['rata_rata_capaian'])}, kategori "
                   f"{ringkas['kategori']} menurut skala {ringkas['skala']}. Dari {len(iku)} IKU, "
                   + _daftar([f"{n} berkategori {k}" if k != "belum diukur" else f"{n} belum diukur"
                              for k, n in hitung]) + ": "
                   + "; ".join(f"{x.ind.nama} {fmt.persen(x.capaian)} ({x.kategori})" if x.capaian is not None
                               else f"{x.ind.nama} belum diukur" for x in iku) + ".")
    ang, a = data["anggaran"], data["_anggaran"]
    if ang["pagu"] is None:
        s.kosong(f"Belum ada data anggaran tahun {b.tahun}.")
    elif ang["serapan"] is None:
        s.paragraf(f"Pagu anggaran tahun {b.tahun} sebesar {fmt.rupiah(ang['pagu'])}; realisasi s.d. "
                   f"{fmt.triwulan(tw)} belum ada data (triwulan yang sudah ada: "
                   f"{aa.keterangan_triwulan(a['triwulan_data'])}).")
    else:
        sisa = aa.per_triwulan(p)[tw - 1]["sisa"]
        kalimat = (f"Pagu anggaran tahun {b.tahun} sebesar {fmt.rupiah(ang['pagu'])} terealisasi "
                   f"{fmt.rupiah(ang['realisasi'])} s.d. {fmt.triwulan(tw)}, atau serapan {fmt.persen(ang['serapan'])} "
                   f"(kategori {ang['kategori']}); sisa anggaran {fmt.rupiah(sisa)}.")
        jenis = [x for x in jenis_belanja(p, tw) if x["jenis_belanja"] != "Lainnya"]
        if jenis:
            kalimat += " Menurut jenis belanja: " + _daftar(
                [f"{x['jenis_belanja']} {fmt.rupiah(x['realisasi'])} dari {fmt.rupiah(x['pagu'])} "
                 f"({fmt.persen(x['serapan'])})" for x in jenis]) + "."
        s.paragraf(kalimat)
    s.paragraf(_kalimat_efisiensi(data))
    skm = data["skm"]
    if skm["ikm"] is None:
        s.kosong(f"Belum ada data survei kepuasan masyarakat s.d. {fmt.triwulan(tw)}.")
    else:
        s.paragraf(f"Indeks Kepuasan Masyarakat (IKM) s.d. {fmt.triwulan(tw)} adalah {fmt.angka(skm['ikm'])} "
                   f"(rata-rata IKM triwulan), mutu pelayanan {skm['mutu']} ({skm['kinerja']})"
                   + (f", dari {fmt.angka(skm['responden'], 0)} responden" if skm["responden"] else "") + ".")
    s.paragraf(_kalimat_desa(b))
    n = len(data["peringatan"])
    s.paragraf(f"Masih ada {n} peringatan data yang perlu diperiksa sebelum laporan ini ditetapkan (Lampiran A)."
               if n else f"Tidak ada peringatan data {periode}.")


def _kalimat_desa(b: Bahan) -> str:
    p, desa = b.periode, b.data["desa"]
    if desa["rasio"] is None:
        return f"Belum ada data status desa tahun {b.tahun}, jadi rasio desa mandiri belum dapat dihitung."
    g = b.data["_desa"]["gauge"]
    kalimat = (f"Dari {desa['jumlah']} desa yang dihitung, {desa['mandiri']} berstatus Mandiri: rasio desa mandiri "
               f"{teks_rasio(p, desa['rasio'])}")
    if g["target"] is not None:
        kalimat += f" terhadap target IKU {teks_rasio(p, g['target'])}"
    return kalimat + f", menurut {ad.skema_label(p)}."


# ---------------------------------------------------------------- Bab I

def _bab1(s: _Penyusun, b: Bahan) -> None:
    p = b.periode
    s.mulai("1")
    s.judul("A. Latar Belakang")
    s.petunjuk("Tuliskan dasar penyusunan laporan kinerja (Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP, "
               "Peraturan Menteri PANRB Nomor 53 Tahun 2014) serta maksud dan tujuan laporan ini.")
    s.judul("B. Tugas dan Fungsi")
    s.petunjuk(f"Uraikan tugas pokok dan fungsi Kecamatan {p.kecamatan} menurut peraturan bupati tentang kedudukan, "
               "susunan organisasi, tugas dan fungsi kecamatan.")
    s.judul("C. Struktur Organisasi")
    s.petunjuk("Sisipkan bagan struktur organisasi dan uraikan dukungan sumber daya manusia (jumlah pegawai menurut "
               "golongan dan pendidikan), sarana dan prasarana.")
    s.judul("D. Wilayah Kerja")
    tahun = b.tahun
    if not p.desa:
        s.paragraf(f"Kecamatan {p.kecamatan} termasuk wilayah Kabupaten {p.kabupaten}.")
        s.kosong(f"Belum ada data desa dan kelurahan Kecamatan {p.kecamatan}: unggah daftar desa di halaman "
                 "Unggah Data.")
    else:
        df = ad.tabel_desa(p, tahun)
        jumlah = {label: int((df["Jenis"] == label).sum()) for label in ("Desa", "Kelurahan", "Desa persiapan")}
        s.paragraf(f"Kecamatan {p.kecamatan} termasuk wilayah Kabupaten {p.kabupaten} dan terdiri atas "
                   f"{jumlah['Desa']} desa dan {jumlah['Kelurahan']} kelurahan"
                   + (f", ditambah {jumlah['Desa persiapan']} desa persiapan" if jumlah["Desa persiapan"] else "")
                   + f". Status desa tahun {tahun} menurut {ad.skema_label(p)}:")
        kolom = [c for c in ("Desa/Kelurahan", "Jenis", "Skor", "Status") if c in df.columns]
        s.tabel(dari_df("desa_wilayah", f"Desa dan kelurahan Kecamatan {p.kecamatan} beserta statusnya tahun {tahun}",
                        df, kolom=kolom, nama={"Status": f"Status {tahun}"}, nomor_urut=True))
    s.judul("E. Isu Strategis")
    s.petunjuk("Tuliskan isu strategis yang dihadapi kecamatan dan kaitannya dengan sasaran strategis.")
    s.judul("F. Sistematika Penyajian")
    s.paragraf("Laporan ini disusun dengan sistematika Ikhtisar Eksekutif; Bab I Pendahuluan; Bab II Perencanaan "
               "Kinerja; Bab III Akuntabilitas Kinerja (capaian kinerja organisasi dan realisasi anggaran); Bab IV "
               "Penutup; dan Lampiran (peringatan data dan sumber data di balik setiap angka).")


# ---------------------------------------------------------------- Bab II

def _bab2(s: _Penyusun, b: Bahan) -> None:
    tahun = b.tahun
    baris: list[IkuBaris] = b.data["_iku"]["baris"]
    s.mulai("2")
    s.judul("A. Rencana Strategis")
    s.petunjuk("Tuliskan visi, misi dan tujuan Renstra kecamatan, serta strategi dan arah kebijakannya. Tujuan "
               "belum tercatat di aplikasi; tambahkan pada tabel di bawah bila diperlukan.")
    if not baris:
        s.kosong(f"Belum ada data indikator kinerja dan targetnya untuk tahun {tahun}: unggah daftar IKU di "
                 "halaman Unggah Data.")
    else:
        jumlah_sasaran = len({(x.ind.sasaran or "").strip() for x in baris})
        s.paragraf(f"Renstra menetapkan {jumlah_sasaran} sasaran strategis dengan {len(baris)} indikator kinerja "
                   "berikut, beserta target tahun ini dan target akhir periode Renstra.")
        df = pd.DataFrame([{"Sasaran Strategis": (x.ind.sasaran or "").strip() or "—", "Indikator Kinerja": x.ind.nama,
                            "Jenis": ai.label_jenis(x.ind.jenis), "Satuan": x.ind.satuan or "",
                            f"Target {tahun}": x.target_tahunan, "Target akhir Renstra": x.target_renstra}
                           for x in baris])
        s.tabel(dari_df("sasaran_renstra", "Sasaran strategis, indikator kinerja dan target Renstra", df,
                        nomor_urut=True, gabung=("Sasaran Strategis",)))
    s.judul("B. Perjanjian Kinerja")
    versi = list(dict.fromkeys(v.versi or "tanpa versi" for x in baris for v in x.ind.target_versi.get(tahun, [])))
    if not versi:
        s.kosong(f"Belum ada target Perjanjian Kinerja tahun {tahun}.")
        return
    s.paragraf(f"Target tahun {tahun} ditetapkan dalam Perjanjian Kinerja (versi: {_daftar(versi)}). Versi terakhir "
               "setiap indikator yang berlaku dan dipakai untuk pengukuran di Bab III.")
    frames = []
    for x in baris:
        df = ai.tabel_versi_target(x.ind, tahun)
        if len(df):
            frames.append(df.assign(Indikator=f"{x.ind.kode} {x.ind.nama}"))
    df = pd.concat(frames, ignore_index=True)
    kolom = ["Indikator", "Versi", "Target tahunan",
             *[c for c in df.columns if c.startswith("Target TW") and df[c].notna().any()], "Berlaku"]
    s.tabel(dari_df("perjanjian_kinerja", f"Perjanjian Kinerja tahun {tahun} dan perubahannya", df, kolom=kolom,
                    gabung=("Indikator",)))


# ---------------------------------------------------------------- Bab III

def rentang_skala(bands: list[Band]) -> list[tuple[str, str, str]]:
    """(rentang, label, colour) of each band, highest first: `> 90`, `> 75 s.d. 90`, …, `≤ 50`."""
    urut = urutkan(bands)
    out = []
    for i, band in enumerate(urut):
        atas = urut[i - 1] if i else None
        bawah = f"{'≥' if band.inklusif else '>'} {fmt.angka_ringkas(band.batas_bawah)}"
        if atas is None:
            teks = "semua nilai" if len(urut) == 1 else bawah
        elif i == len(urut) - 1:  # the lowest band also takes everything below its bound
            teks = f"{'<' if atas.inklusif else '≤'} {fmt.angka_ringkas(atas.batas_bawah)}"
        else:
            teks = f"{bawah} {'dan <' if atas.inklusif else 's.d.'} {fmt.angka_ringkas(atas.batas_bawah)}"
        out.append((teks, band.label, band.warna))
    return out


def _bab3(s: _Penyusun, b: Bahan, periode: str) -> None:
    p, tw, data = b.periode, b.triwulan, b.data
    baris: list[IkuBaris] = data["_iku"]["baris"]
    s.mulai("3")
    s.paragraf(f"Bab ini menyajikan pengukuran kinerja Kecamatan {p.kecamatan} {periode}: target, realisasi dan "
               "capaian setiap indikator, perbandingannya dengan tahun-tahun sebelumnya dan dengan target akhir "
               "Renstra, efisiensi, kepuasan masyarakat, status desa, lalu realisasi anggaran.")
    s.judul("A. Capaian Kinerja Organisasi")
    _skala(s, b)
    _capaian(s, b, periode)
    s.judul("3. Perbandingan dengan Tahun-Tahun Sebelumnya", 3)
    frames = []
    for x in baris:
        df = ai.tabel_riwayat(p, x.ind, tw)
        if (df["Tahun"] != str(b.tahun)).any():
            frames.append(df.assign(Indikator=x.ind.nama))
    if frames:
        s.paragraf("Realisasi dan capaian tahun-tahun sebelumnya (akhir tahun, TW IV) yang tersimpan di basis data, "
                   f"dibanding {periode}:")
        df = pd.concat(frames, ignore_index=True)
        s.tabel(dari_df("riwayat", "Realisasi dan capaian indikator dibanding tahun-tahun sebelumnya", df,
                        kolom=["Indikator", "Tahun", "Periode", "Target", "Realisasi", "Capaian (%)", "Kategori"],
                        gabung=("Indikator",)))
    else:
        s.kosong("Belum ada data realisasi tahun-tahun sebelumnya di basis data untuk dibandingkan.")
    s.judul("4. Perbandingan dengan Target Akhir Renstra", 3)
    df = ai.tabel_capaian(baris)
    df = df[df["Target Renstra"].notna()] if len(df) else df
    s.tabel(dari_df("renstra", f"Realisasi {periode} dibanding target akhir Renstra", df,
                    kolom=["Indikator", "Satuan", "Realisasi s.d. TW", "Target Renstra", "Capaian thd Renstra (%)"],
                    nama={"Realisasi s.d. TW": f"Realisasi s.d. {fmt.triwulan(tw)}",
                          "Target Renstra": "Target akhir Renstra"}),
            kosong="Belum ada target akhir Renstra untuk indikator tahun ini.")
    _per_indikator(s, b, periode)
    _efisiensi(s, b, periode)
    _ikm(s, b)
    _desa(s, b)
    _anggaran(s, b, periode)


def _skala(s: _Penyusun, b: Bahan) -> None:
    p = b.periode
    s.judul("1. Cara Pengukuran dan Skala Kategori", 3)
    s.paragraf("Capaian indikator yang makin tinggi makin baik (polaritas positif) = realisasi / target × 100 %; "
               "indikator yang makin rendah makin baik (polaritas negatif) = (2 − realisasi / target) × 100 % "
               "(Peraturan Menteri PANRB Nomor 8 Tahun 2021). Indikator tanpa target atau tanpa realisasi belum "
               "diukur dan tidak dihitung dalam rata-rata. Rata-rata capaian IKU adalah rata-rata capaian IKU yang "
               "terukur; indikator kinerja (IK) pendukung tidak dihitung.")
    batas = p.setelan.batas_capaian
    if batas and batas != "none":
        s.paragraf(f"Capaian di atas {batas} % dihitung {batas} % dalam rata-rata (pengaturan batas capaian).")
    nama = p.setelan.skala_capaian
    df = pd.DataFrame([{"Rentang capaian (%)": r, "Kategori": label, "_warna": w}
                       for r, label, w in rentang_skala(skala_bands(p, nama))])
    s.paragraf(f"Kategori capaian memakai skala {nama}:")
    s.tabel(dari_df("skala", f"Skala kategori capaian kinerja ({nama})", df, nomor_urut=True))


def _capaian(s: _Penyusun, b: Bahan, periode: str) -> None:
    data, tw = b.data, b.triwulan
    baris: list[IkuBaris] = data["_iku"]["baris"]
    s.judul("2. Capaian Indikator Kinerja", 3)
    if not baris:
        s.kosong(f"Belum ada data indikator kinerja tahun {b.tahun}.")
        return
    iku = data["iku"]
    if iku["rata_rata_capaian"] is not None:
        s.paragraf(f"Rata-rata capaian {data['_iku']['terukur']} dari {data['_iku']['jumlah_iku']} IKU yang terukur "
                   f"{periode} adalah {fmt.persen(iku['rata_rata_capaian'])}, kategori {iku['kategori']}.")
    else:
        s.paragraf(f"Belum ada IKU yang terukur s.d. {fmt.triwulan(tw)}: rata-rata capaian belum dapat dihitung.")
    df = ai.tabel_capaian(baris)
    df.insert(0, "Sasaran", [(x.ind.sasaran or "").strip() or "—" for x in baris])
    df["Indikator"] = [x.ind.nama + (" (IK)" if x.ind.jenis != "iku" else "") for x in baris]
    for kolom in ("Target s.d. TW", "Realisasi s.d. TW"):  # in the indicator's unit (55,55 %), as reports print
        df[kolom] = [fmt.nilai(v, x.ind.satuan) for v, x in zip(df[kolom], baris)]
    rata = pd.DataFrame([{"Sasaran": "Rata-rata capaian IKU", "Capaian (%)": iku["rata_rata_capaian"],
                          "Kategori": iku["kategori"] or "belum diukur", "_warna": data["_iku"]["warna"],
                          "_tebal": True}])
    df = pd.concat([df.assign(_tebal=False), rata], ignore_index=True)
    t = dari_df("capaian", f"Target, realisasi dan capaian indikator kinerja {periode}", df,
                kolom=["Sasaran", "Indikator", "Target s.d. TW", "Realisasi s.d. TW", "Capaian (%)", "Kategori"],
                nama={"Target s.d. TW": "Target", "Realisasi s.d. TW": "Realisasi", "Capaian (%)": "Capaian"},
                gabung=("Sasaran",),
                catatan="IK: indikator kinerja pendukung, tidak dihitung dalam rata-rata." if any(
                    x.ind.jenis != "iku" for x in baris) else "")
    t.rentang[len(t.baris) - 1] = 4
    t.kanan |= {2, 3}
    s.tabel(t)


def _per_indikator(s: _Penyusun, b: Bahan, periode: str) -> None:
    p, tw = b.periode, b.triwulan
    baris: list[IkuBaris] = b.data["_iku"]["baris"]
    s.judul("5. Analisis Capaian per Indikator", 3)
    if not baris:
        s.kosong(f"Belum ada data indikator kinerja tahun {b.tahun}.")
        return
    faktor = ai.tabel_faktor([x.ind for x in baris], b.tahun, tw)
    dini = {d["kode"]: d["pesan"] for d in ai.peringatan_dini(baris, tw, skala_bands(p, p.setelan.skala_capaian))}
    for i, x in enumerate(baris):
        ind, satuan = x.ind, x.ind.satuan
        s.judul(f"{chr(ord('a') + i) if i < 26 else i + 1}. {ind.nama} ({ind.kode})", 4)
        if x.capaian is not None:
            kalimat = (f"Target {periode} {fmt.nilai(x.target, satuan)}, realisasi {fmt.nilai(x.realisasi, satuan)}, "
                       f"capaian {fmt.persen(x.capaian)} (kategori {x.kategori}).")
        elif x.realisasi is None:
            kalimat = (f"Target {periode} {fmt.nilai(x.target, satuan)}; realisasi s.d. {fmt.triwulan(tw)} belum ada "
                       "(belum diukur).")
        else:
            kalimat = f"Realisasi {periode} {fmt.nilai(x.realisasi, satuan)}; target belum ada (belum diukur)."
        if x.capaian_renstra is not None:
            kalimat += (f" Terhadap target akhir Renstra {fmt.nilai(x.target_renstra, satuan)}, capaiannya "
                        f"{fmt.persen(x.capaian_renstra)}.")
        s.paragraf(kalimat)
        if ind.kode in dini and tw < 4:
            s.paragraf(f"Peringatan dini: {dini[ind.kode]}")
        grafik = ai.data_grafik(p, ind, tw)
        if (grafik["peran"] != "target").any():  # a chart of the target line alone says nothing
            s.gambar(f"iku_{ind.kode}", f"{ind.nama} per triwulan: realisasi {b.tahun} dibanding tahun lalu "
                     "dan target",
                     lambda g=grafik, ind=ind: ai.grafik_triwulan(g, ind, b.tahun))
        teks = faktor[faktor["Kode"] == ind.kode].to_dict("records")
        if not teks:
            s.petunjuk(f"Faktor pendorong, faktor penghambat dan tindak lanjut belum diisi s.d. {fmt.triwulan(tw)}: "
                       "isi di halaman IKU atau tulis analisisnya di sini.")
            continue
        for k in ai.KOLOM_FAKTOR.values():
            isi = [(r["Triwulan"], r[k]) for r in teks if r[k]]
            if isi:
                s.paragraf(" ".join(f"({t}) {v}" if len(isi) > 1 else v for t, v in isi), tebal=f"{k}: ")


def _efisiensi(s: _Penyusun, b: Bahan, periode: str) -> None:
    data, tw = b.data, b.triwulan
    efi, metode = data["efisiensi"], data["efisiensi"]["metode"]
    s.judul("6. Efisiensi Penggunaan Sumber Daya", 3)
    s.paragraf(_kalimat_efisiensi(data) + " Metode ini dipakai menurut pengaturan kecamatan; serapan adalah serapan "
               f"seluruh anggaran s.d. {fmt.triwulan(tw)}.")
    serapan = data["anggaran"]["serapan"]
    if serapan is None or not any(x.capaian is not None for x in data["_iku"]["baris"] if x.ind.jenis == "iku"):
        s.kosong(f"Tabel efisiensi belum dapat disusun: belum ada capaian IKU dan serapan anggaran s.d. "
                 f"{fmt.triwulan(tw)}.")
        return
    rows = []
    for x in data["_iku"]["baris"]:
        if x.ind.jenis != "iku":
            continue
        nilai = efisiensi_f.efisiensi(x.capaian, serapan, metode)
        kat = efisiensi_f.kategori(nilai, metode)
        rows.append({"Uraian": x.ind.nama, "Capaian (%)": x.capaian, "Serapan (%)": serapan,
                     "Efisiensi": teks_efisiensi(nilai, metode), "Kategori": kat[0] if kat else "belum dapat dihitung",
                     "_warna": kat[1] if kat else None, "_tebal": False})
    kat = efisiensi_f.kategori(efi["nilai"], metode)
    rows.append({"Uraian": "Kecamatan (rata-rata capaian IKU)", "Capaian (%)": data["iku"]["rata_rata_capaian"],
                 "Serapan (%)": serapan, "Efisiensi": teks_efisiensi(efi["nilai"], metode),
                 "Kategori": kat[0] if kat else "belum dapat dihitung", "_warna": kat[1] if kat else None,
                 "_tebal": True})
    t = dari_df("efisiensi", f"Efisiensi {periode} (metode {efisiensi_f.METODE[metode]})", pd.DataFrame(rows),
                catatan="Setiap IKU dibandingkan dengan serapan seluruh anggaran kecamatan.")
    t.kanan.add(t.kolom.index("Efisiensi"))
    s.tabel(t)


def _ikm(s: _Penyusun, b: Bahan) -> None:
    p, tw = b.periode, b.triwulan
    skm = b.data["_skm"]
    s.judul("7. Indeks Kepuasan Masyarakat", 3)
    if skm["ikm"] is None and not skm["_tw"]:
        s.kosong(f"Belum ada data survei kepuasan masyarakat s.d. {fmt.triwulan(tw)}: unggah jawaban responden atau "
                 "rekap NRR di halaman Unggah Data.")
        return
    if skm["ikm"] is not None:
        s.paragraf(f"IKM s.d. {fmt.triwulan(tw)} adalah {fmt.angka(skm['ikm'])}, rata-rata IKM triwulan, dengan mutu "
                   f"pelayanan {skm['mutu']} ({skm['kinerja']})"
                   + (f" dari {fmt.angka(skm['responden'], 0)} responden" if skm["responden"] else "")
                   + f". IKM dihitung menurut Peraturan Menteri PANRB Nomor 14 Tahun 2017 dengan bobot "
                   f"{askm.nama_bobot(skm['bobot'])}; mutu A ≥ 88,31, B ≥ 76,61, C ≥ 65,00, selebihnya D."
                   + (f" IKM gabungan semua responden: {fmt.angka(skm['ikm_gabungan'])}."
                      if skm["ikm_gabungan"] is not None else ""))
    df = askm.tabel_ikm_triwulan(skm, tw)
    s.tabel(dari_df("ikm_triwulan", f"IKM per triwulan s.d. {fmt.triwulan(tw)} dan mutu pelayanan", df))
    data_ikm = askm.data_ikm(skm, tw)
    if len(data_ikm):
        s.gambar("ikm_triwulan", "IKM per triwulan dan mutu pelayanan",
                 lambda: askm.grafik_ikm(data_ikm, skm["ikm"], tw))
    if not skm["nrr"]:
        s.kosong("Belum ada data NRR per unsur (hanya IKM tercetak per triwulan).")
        return
    nrr = askm.tabel_nrr(skm, p.setelan, tw)
    s.tabel(dari_df("nrr", f"Nilai rata-rata (NRR) per unsur pelayanan s.d. {fmt.triwulan(tw)}", nrr,
                    kolom=[c for c in nrr.columns if not c.startswith("_") and c != "Kode"]))
    s.gambar("nrr", f"NRR per unsur pelayanan s.d. {fmt.triwulan(tw)}", lambda: askm.grafik_nrr(nrr, tw))
    e = askm.ekstrem(skm, p.setelan)
    if e:
        s.paragraf(f"Unsur terendah: {e['terendah'][1]} ({fmt.angka(e['terendah'][2], 3)}); tertinggi: "
                   f"{e['tertinggi'][1]} ({fmt.angka(e['tertinggi'][2], 3)}).")


def _desa(s: _Penyusun, b: Bahan) -> None:
    p, tahun = b.periode, b.tahun
    s.judul("8. Status Desa dan Rasio Desa Mandiri", 3)
    s.paragraf(_kalimat_desa(b))
    if b.data["desa"]["rasio"] is None:
        return
    s.paragraf(f"Ambang status: {ad.teks_ambang(p)}. Kelurahan dan desa persiapan tidak dihitung.")
    s.tabel(dari_df("desa", f"Skor, status dan dimensi setiap desa tahun {tahun}", ad.tabel_desa(p, tahun),
                    nomor_urut=True))
    distribusi = ad.tabel_distribusi(p, tahun)
    s.gambar("desa_status", f"Sebaran status desa tahun {tahun}", lambda: ad.grafik_distribusi(distribusi, tahun))
    rasio = ad.tabel_rasio_tahunan(p)
    s.tabel(dari_df("desa_rasio", "Rasio desa mandiri per tahun",
                    rasio.astype({"Desa dihitung": "Int64", "Desa Mandiri": "Int64"})))  # counts, not 9,00
    if len(rasio) > 1:
        s.gambar("desa_rasio", "Rasio desa mandiri per tahun", lambda: ad.grafik_rasio_tahunan(rasio, p))
    belum = ad.tabel_belum_mandiri(p, tahun, ad.pembanding(p, tahun, b.desa_kabupaten))
    if belum.empty:
        s.paragraf("Semua desa sudah berstatus Mandiri.")
        return
    kolom = [c for c in belum.columns if not c.startswith("_") and belum[c].map(lambda v: v not in (None, "—")
                                                                                  and not pd.isna(v)).any()]
    s.tabel(dari_df("desa_belum_mandiri", "Desa yang belum Mandiri, jaraknya ke ambang Mandiri dan dimensi "
                    "penghambatnya", belum, kolom=kolom))


def _anggaran(s: _Penyusun, b: Bahan, periode: str) -> None:
    p, tw, data = b.periode, b.triwulan, b.data
    a, ang = data["_anggaran"], data["anggaran"]
    s.judul("B. Realisasi Anggaran")
    if a["pagu"] is None:
        s.kosong(f"Belum ada data anggaran tahun {b.tahun}: unggah pagu dan realisasi anggaran (SIPD/FMIS atau LRA) "
                 "di halaman Unggah Data.")
        return
    bands = skala_bands(p, p.setelan.skala_serapan)
    ada = tw in a["triwulan_data"]
    jenis, pohon = a["pohon"], a["_simpul"]
    if ada:
        s.paragraf(f"Pagu anggaran tahun {b.tahun} sebesar {fmt.rupiah(ang['pagu'])} terealisasi "
                   f"{fmt.rupiah(ang['realisasi'])} s.d. {fmt.triwulan(tw)}: serapan {fmt.persen(ang['serapan'])}, "
                   f"kategori {ang['kategori']} (skala {p.setelan.skala_serapan}). Angka dihitung dari "
                   f"{aa.NAMA_POHON[jenis]}; induk dihitung dari jumlah rinciannya.")
    else:
        s.paragraf(f"Pagu anggaran tahun {b.tahun} sebesar {fmt.rupiah(ang['pagu'])} ({aa.NAMA_POHON[jenis]}).")
        s.kosong(f"Realisasi s.d. {fmt.triwulan(tw)} belum ada data: triwulan yang sudah diunggah "
                 f"{aa.keterangan_triwulan(a['triwulan_data'])}.")
    per_tw = aa.per_triwulan(p)
    s.judul("1. Realisasi Kumulatif per Triwulan", 3)
    df_tw = aa.tabel_triwulan(per_tw[:tw])
    s.tabel(dari_df("anggaran_triwulan", f"Pagu, realisasi kumulatif dan serapan per triwulan {periode}", df_tw,
                    kolom=[c for c in df_tw.columns if not c.startswith("_") and c != "Acuan waktu (%)"],
                    nama={"Serapan (%)": "Serapan", "Selisih thd waktu (poin)": "Selisih thd waktu"},
                    catatan="Selisih thd waktu: serapan dikurangi waktu berjalan (25 % per triwulan)."))
    kumulatif = aa.data_kumulatif(per_tw, tw)
    if len(kumulatif):
        s.gambar("anggaran_kumulatif", "Realisasi kumulatif per triwulan terhadap pagu",
                 lambda: aa.grafik_kumulatif(kumulatif, a["pagu"]))
    tingkat = aa.daftar_tingkat(pohon)
    sampai = tingkat[min(1 if jenis == "program" else 2, len(tingkat) - 1)]
    judul_pohon = ("2. Realisasi per Program dan Kegiatan" if jenis == "program"
                   else "2. Realisasi per Kelompok Rekening Belanja")
    s.judul(judul_pohon, 3)
    df = aa.tabel_pohon(pohon, tw, ada, bands, sampai=sampai)
    jumlah = pd.DataFrame([{"Kode": "Jumlah", "Uraian": "", "Pagu (Rp)": ang["pagu"],
                            "Realisasi (Rp)": ang["realisasi"], "Sisa (Rp)": per_tw[tw - 1]["sisa"],
                            "Serapan (%)": ang["serapan"], "Kategori": ang["kategori"] or aa.BELUM_ADA,
                            "_warna": a["warna"], "_kedalaman": 0, "_tebal": True}])
    df = pd.concat([df, jumlah], ignore_index=True)
    t = dari_df("anggaran_pohon", f"Pagu, realisasi, sisa dan serapan {periode} per "
                f"{'program dan kegiatan' if jenis == 'program' else 'kelompok rekening'}", df,
                kolom=["Kode", "Uraian", "Pagu (Rp)", "Realisasi (Rp)", "Sisa (Rp)", "Serapan (%)", "Kategori"],
                nama={"Serapan (%)": "Serapan"},
                catatan="Sisa = pagu − realisasi s.d. triwulan.")
    t.rentang[len(t.baris) - 1] = 2
    s.tabel(t)
    if jenis == "program" and ang["program"]:
        judul_bagian, bagian = "Serapan per program", ang["program"]
    else:
        judul_bagian, bagian = "Serapan per jenis belanja", jenis_belanja(p, tw)
    df_bagian = aa.data_serapan(bagian, bands)
    if ada and df_bagian["serapan"].notna().any():
        s.gambar("anggaran_serapan", f"{judul_bagian} s.d. {fmt.triwulan(tw)} dan waktu berjalan",
                 lambda: aa.grafik_serapan(df_bagian, tw, f"{judul_bagian} s.d. {fmt.triwulan(tw)}"))
    s.judul("3. Realisasi menurut Jenis Belanja", 3)
    df_jenis = aa.tabel_jenis_belanja(jenis_belanja(p, tw), bands)
    if df_jenis.empty or set(df_jenis["Jenis Belanja"]) == {"Lainnya"}:
        s.kosong("Jenis belanja belum dapat dirinci: baris anggaran tidak berkode rekening (5…) dan tidak punya kolom "
                 "jenis belanja.")
    else:
        s.tabel(dari_df("anggaran_jenis", f"Realisasi menurut jenis belanja {periode}", df_jenis,
                        nama={"Serapan (%)": "Serapan"}))
    s.judul("4. Anggaran dan Sasaran Strategis", 3)
    s.petunjuk("Data anggaran belum menautkan program dengan sasaran strategis yang didukungnya. Uraikan program "
               "mana yang mendukung sasaran mana, dan kaitkan serapannya dengan capaian sasaran itu.")
    if ada:
        label = aa.label_terdalam(jenis, pohon)
        s.judul(f"5. {label[:1].upper()}{label[1:]} dengan Serapan Terendah", 3)
        df = aa.tabel_terendah(aa.terendah(pohon, tw), tw, bands)
        s.tabel(dari_df("anggaran_terendah", f"Sepuluh {label} dengan serapan terendah terhadap waktu berjalan", df,
                        kolom=["No", "Uraian", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)",
                               "Selisih thd waktu (poin)", "Kategori"],
                        nama={"Serapan (%)": "Serapan",
                              "Selisih thd waktu (poin)": "Selisih thd waktu"}),
                kosong=f"Belum ada {label} berpagu untuk diurutkan.")


# ---------------------------------------------------------------- Bab IV and Lampiran

def _bab4(s: _Penyusun, b: Bahan) -> None:
    s.mulai("4")
    s.judul("A. Kesimpulan")
    s.petunjuk("Simpulkan capaian kinerja tahun ini: sasaran yang tercapai dan yang belum, penyebab utamanya, dan "
               "efisiensi penggunaan anggaran (lihat Ikhtisar Eksekutif dan Bab III).")
    s.judul("B. Langkah ke Depan")
    s.petunjuk("Tuliskan strategi peningkatan kinerja tahun berikutnya. Usulan dari data berikut dapat dipakai "
               "sebagai bahan; periksa dan sesuaikan.")
    s.poin(tindak_lanjut(b) or ["Belum ada usulan dari data untuk periode ini."])


def _lampiran(s: _Penyusun, b: Bahan, periode: str) -> None:
    s.mulai("L")
    s.judul("A. Peringatan Data yang Masih Terbuka")
    w = b.data["peringatan"]
    if w:
        s.paragraf(f"Pemeriksaan data menemukan {len(w)} hal yang perlu diperiksa {periode}. Peringatan tidak "
                   "menghalangi laporan, tetapi angkanya perlu dicocokkan dengan sumbernya sebelum ditetapkan.")
    s.tabel(dari_df("peringatan", f"Peringatan data {periode}", tabel_peringatan(w),
                    kolom=["Pesan", "Lokasi", "Seharusnya", "Tertulis"], nomor_urut=True),
            kosong=f"Tidak ada peringatan data {periode}.")
    s.judul("B. Sumber Data")
    s.paragraf("Setiap angka dalam laporan ini dihitung dari impor data berikut. SHA-256 adalah sidik berkas: "
               "berkas asli yang tersimpan di Riwayat impor (halaman Unggah Data) dapat dicocokkan dengannya.")
    df = tabel_sumber(b.impor)
    t = dari_df("sumber", "Impor data di balik angka-angka laporan ini", df,
                kolom=["No.", "Waktu", "Data", "Berkas", "Periode", "Dibaca", "SHA-256"], huruf=7.5)
    t.mendatar = True
    s.tabel(t, kosong=f"Belum ada data yang diimpor untuk tahun {b.tahun}.")
