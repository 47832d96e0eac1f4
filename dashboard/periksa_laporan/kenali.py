"""Recognising a printed table: where its header is, and what each column holds.

The header is the row, or the two or three rows, whose cells match the most columns (the import engine's
`Pencocok`: case, spaces and punctuation ignored, aliases, a known name followed by a period label). A
grouped header is read from the parts of a column's header cells, top to bottom: `REALISASI` above
`TAHUN 2022` is `Realisasi Tahun 2022`; `TAHUN 2025` above `TARGET` is the target of 2025; `Program`
above `Anggaran` above `Rp` is the pagu. A title row spanning the whole table above the header is
skipped, and so is a row that only numbers the columns (`1 2 3 … 5=4/3*100`).

A table is recognised as
- `capaian`: target / realisasi / capaian columns (or a target or realisasi with an indicator column);
- `anggaran`: a pagu column, with realisasi, persentase and sisa where printed;
- `skm`: NRR columns (per TW) and at least five rows naming an unsur;
- `efisiensi`: capaian kinerja, realisasi keuangan and efisiensi columns.
A table can be two of them at once (indicators beside their programs' budget).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dashboard.impor.baca import _bisa_subjudul
from dashboard.impor.kolom import Pencocok, baca_unsur, daftar_label_unsur, kunci, label_periode
from dashboard.periksa_laporan.angka import Angka, baca, gaya_kolom
from dashboard.periksa_laporan.berkas import TabelMentah

DATASET = {"capaian": "laporan-capaian", "anggaran": "laporan-anggaran", "skm": "skm-rekap",
           "efisiensi": "laporan-efisiensi"}
NAMA_JENIS = {"capaian": "capaian kinerja", "anggaran": "anggaran", "skm": "SKM (NRR/IKM)",
              "efisiensi": "efisiensi"}
PERAN_LABEL = {"kode", "indikator", "satuan", "uraian", "unsur"}
_TAHUN_DALAM = re.compile(r"(?i)\b(?:tahun\s+)?((?:19|20)\d\d)\b")
_KURUNG = re.compile(r"\([^)]*\)")
_DAFTAR_UNSUR = daftar_label_unsur()
_SATUAN = {"rp", "persen", "rupiah", "rppersen"}  # a header part that only gives the unit ('Rp' under 'Anggaran')
UANG = ("pagu", "realisasi", "persen", "sisa")


@dataclass(frozen=True)
class Kolom:
    """A recognised column: its grid index, what it holds, the period its header names, the header as
    printed, and the group header it stands under (e.g. 'KECAMATAN BAJUIN')."""

    j: int
    peran: str
    tahun: int | None
    triwulan: int | None
    judul: str
    grup: str = ""


@dataclass
class Bingkai:
    """A table read: its header, its data rows and its recognised columns per kind."""

    tabel: TabelMentah
    awal_kepala: int
    tinggi_kepala: int
    data: list[int]  # indices of the data rows
    judul_kolom: list[str]
    kolom: dict[str, list[Kolom]] = field(default_factory=dict)  # recognised kind -> its columns
    _gaya: dict[int, str] = field(default_factory=dict, repr=False)
    _angka: dict[tuple[int, int], Angka | None] = field(default_factory=dict, repr=False)

    @property
    def jenis(self) -> list[str]:
        return list(self.kolom)

    def teks(self, i: int, j: int) -> str:
        return self.tabel.baris[i][j].teks if j < self.tabel.lebar else ""

    def angka(self, i: int, j: int) -> Angka | None:
        """The figure in a data cell (None for text, blanks and the continuation of a merged cell)."""
        kunci = (i, j)
        if kunci not in self._angka:
            sel = self.tabel.baris[i][j]
            if sel.lanjut:
                self._angka[kunci] = None
            elif sel.angka is not None:
                self._angka[kunci] = sel.angka
            else:
                self._angka[kunci] = baca(sel.teks, self.gaya(j))
        return self._angka[kunci]

    def gaya(self, j: int) -> str:
        if j not in self._gaya:
            self._gaya[j] = gaya_kolom([self.tabel.baris[i][j].teks for i in self.data])
        return self._gaya[j]

    def baris_ke(self, i: int) -> int:
        """The row's number as the user counts it in the table (header rows included)."""
        return i + 1

    def label_baris(self, i: int, kolom_label: int | None = None) -> str:
        """The row's label: its label column, else its first text cell that is not a figure."""
        if kolom_label is not None:
            t = self.teks(i, kolom_label)
            if t and baca(t) is None:
                return _pendek(t)
        for j in range(self.tabel.lebar):
            t = self.teks(i, j)
            if t and baca(t) is None and len(t) > 2:
                return _pendek(t)
        return ""

    def kolom_peran(self, jenis: str, peran: str) -> list[Kolom]:
        return [k for k in self.kolom.get(jenis, []) if k.peran == peran]


def _pendek(teks: str, n: int = 70) -> str:
    return teks if len(teks) <= n else teks[: n - 1] + "…"


@lru_cache(maxsize=8)
def _pencocok(jenis: str) -> Pencocok:
    return Pencocok(DATASET[jenis])


@lru_cache(maxsize=20_000)
def _cocok_teks(jenis: str, teks: str):
    """The match of one header text, trying it as printed, without its parentheses ('(Rp)', '(PERSUB
    KEGIATAN)'), and with a year inside it taken out ('CAPAIAN TAHUN 2025 THD TARGET AKHIR RENSTRA')."""
    p = _pencocok(jenis)
    c = p.cocokkan(teks)
    if c:
        return c, None
    tanpa_kurung = " ".join(_KURUNG.sub(" ", teks).split())
    if tanpa_kurung and tanpa_kurung != teks:
        c = p.cocokkan(tanpa_kurung)
        if c:
            return c, None
    m = _TAHUN_DALAM.search(tanpa_kurung)
    if m:
        tanpa_tahun = " ".join((tanpa_kurung[:m.start()] + " " + tanpa_kurung[m.end():]).split())
        if tanpa_tahun:
            c = p.cocokkan(tanpa_tahun)
            if c:
                return c, int(m.group(1))
    return None, None


def cocokkan_kolom(jenis: str, bagian: tuple[str, ...], j: int) -> Kolom | None:
    """The column from the parts of its header (top to bottom): the longest run of parts that matches wins;
    the other parts give the period (`TAHUN 2025`) or the group."""
    if len(bagian) > 1:
        bagian = tuple(b for b in bagian if kunci(b) not in _SATUAN) or bagian
    n = len(bagian)
    for panjang in range(n, 0, -1):
        for a in range(n - panjang, -1, -1):
            teks = " ".join(bagian[a:a + panjang])
            c, tahun_dalam = _cocok_teks(jenis, teks)
            if c is None:
                continue
            tahun, tw = c.tahun or tahun_dalam, c.triwulan
            grup = []
            for s in bagian[:a] + bagian[a + panjang:]:
                lab = label_periode(s)
                if lab is not None and (lab.tahun or lab.triwulan):
                    tahun, tw = tahun or lab.tahun, tw or lab.triwulan
                else:
                    grup.append(s)
            lain = bagian[:a] + bagian[a + panjang:]
            judul = teks + (f" ({' · '.join(lain)})" if lain else "")
            return Kolom(j, c.kanonik, tahun, tw, judul, " ".join(grup))
    return None


# ------------------------------------------------------------------ header

def _baris_nomor_kolom(row) -> bool:
    """A row that only numbers the columns: 1 2 3 …, (1) (2) …, 4,00, 5=4/3*100, 5 = (4 / 3) * 100."""
    isi = [s.teks.strip().strip("()") for s in row if s.teks.strip() and not s.lanjut]
    if len(isi) < 3:
        return False
    bilangan = []
    for t in isi:
        if "=" in t and re.search(r"\d", t):
            continue
        a = baca(t)
        if a is None or not float(a.nilai).is_integer() or not 0 <= a.nilai <= 60:
            return False
        bilangan.append(int(a.nilai))
    if len(bilangan) < 2 or bilangan[0] not in (0, 1):
        return False
    naik = sum(1 for a, b in zip(bilangan, bilangan[1:]) if b == a + 1)
    return naik >= 0.7 * (len(bilangan) - 1)


def _baris_judul(row) -> bool:
    """A title row above the header: one text across the table."""
    isi = {s.teks for s in row if s.teks}
    return len(isi) == 1 and len(row) > 1 and baca(next(iter(isi))) is None


def _bagian_kepala(t: TabelMentah, awal: int, tinggi: int) -> list[tuple[str, ...]]:
    """Per grid column, the distinct texts of its header cells, top to bottom. An empty cell in an upper
    header row under which the lower row has a header takes the text on its left (an Excel group header
    merged across columns)."""
    baris = [[s.teks for s in t.baris[r]] for r in range(awal, awal + tinggi)]
    for r in range(len(baris) - 1):
        kiri = ""
        for j, v in enumerate(baris[r]):
            if v:
                kiri = v
            elif kiri and any(baris[q][j] for q in range(r + 1, len(baris))):
                baris[r][j] = kiri
    out = []
    for j in range(t.lebar):
        bagian: list[str] = []
        for r in range(len(baris)):
            v = baris[r][j]
            if v and (not bagian or bagian[-1] != v):
                bagian.append(v)
        out.append(tuple(bagian))
    return out


def _skor(bagian: list[tuple[str, ...]]) -> tuple[int, dict[str, list[Kolom]]]:
    per_jenis: dict[str, list[Kolom]] = {}
    terbaik = 0
    for jenis in DATASET:
        kolom = [k for j, b in enumerate(bagian) if b and (k := cocokkan_kolom(jenis, b, j))]
        per_jenis[jenis] = kolom
        terbaik = max(terbaik, len({(k.peran, k.tahun, k.triwulan, k.grup) for k in kolom}))
    return terbaik, per_jenis


def kenali(t: TabelMentah) -> Bingkai:
    """The table's header, data rows and recognised columns (no kind recognised: `kolom` is empty)."""
    n = len(t.baris)
    terbaik = None
    for awal in range(0, min(3, n)):
        if awal and not _baris_judul(t.baris[awal - 1]):
            break
        for tinggi in (1, 2, 3):
            if awal + tinggi > n:
                break
            if tinggi > 1:
                bawah = t.baris[awal + tinggi - 1]
                if _baris_nomor_kolom(bawah) or not _bisa_subjudul([s.teks for s in bawah]):
                    break
            skor, per_jenis = _skor(_bagian_kepala(t, awal, tinggi))
            if terbaik is None or skor > terbaik[0]:
                terbaik = (skor, awal, tinggi, per_jenis)
    if terbaik is None:
        return Bingkai(t, 0, 0, [], [])
    _, awal, tinggi, per_jenis = terbaik
    data = [i for i in range(awal + tinggi, n)
            if any(s.teks for s in t.baris[i]) and not _baris_nomor_kolom(t.baris[i])]
    judul = [" ".join(b) for b in _bagian_kepala(t, awal, tinggi)]
    b = Bingkai(t, awal, tinggi, data, judul)
    per_jenis = {jenis: _satu_per_sel(b, kolom) for jenis, kolom in per_jenis.items()}
    # A table of indicators beside their programs' budget: the budget's columns are those under the group
    # of its pagu column; the indicators' columns are the others.
    grup_pagu = {k.grup for k in per_jenis["anggaran"] if k.peran == "pagu"}
    per_jenis["anggaran"] = [k for k in per_jenis["anggaran"] if k.peran not in UANG[1:] or k.grup in grup_pagu]
    uang = {k.j for k in per_jenis["anggaran"] if k.peran in UANG}
    if _dikenali(b, "anggaran", per_jenis["anggaran"]):
        per_jenis["capaian"] = [k for k in per_jenis["capaian"] if k.j not in uang]
    for jenis, kolom in per_jenis.items():
        if _dikenali(b, jenis, kolom):
            b.kolom[jenis] = kolom
    if "efisiensi" in b.kolom:
        b.kolom.pop("capaian", None)
    return b


def _satu_per_sel(b: Bingkai, kolom: list[Kolom]) -> list[Kolom]:
    """Of neighbouring columns under one merged header ('ANGGARAN' over 'Rp' and the amount), keep the one
    that holds the figures (or, for a label, the text)."""
    out: list[Kolom] = []
    for k in kolom:
        if out and out[-1].j == k.j - 1 and (out[-1].peran, out[-1].tahun, out[-1].triwulan, out[-1].grup) == \
                (k.peran, k.tahun, k.triwulan, k.grup):
            if _isi(b, k) > _isi(b, out[-1]):
                out[-1] = k
            continue
        out.append(k)
    return out


def _isi(b: Bingkai, k: Kolom) -> int:
    if k.peran in PERAN_LABEL:
        return sum(1 for i in b.data if b.teks(i, k.j) and baca(b.teks(i, k.j)) is None)
    return sum(1 for i in b.data if b.angka(i, k.j) is not None)


def _dikenali(b: Bingkai, jenis: str, kolom: list[Kolom]) -> bool:
    peran = {k.peran for k in kolom if k.peran in PERAN_LABEL or _isi(b, k)}
    if jenis == "capaian":
        return bool(peran & {"target", "target_renstra"} and peran & {"realisasi", "capaian", "indikator"})
    if jenis == "anggaran":
        return "pagu" in peran
    if jenis == "efisiensi":
        return {"capaian", "serapan", "efisiensi"} <= peran
    if jenis == "skm":
        if "nrr" not in peran:
            return False
        return max((sum(1 for i in b.data if baca_unsur(b.teks(i, j), _DAFTAR_UNSUR) not in (None, "IKM"))
                    for j in range(b.tabel.lebar)), default=0) >= 5
    return False
