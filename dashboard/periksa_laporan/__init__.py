"""The check of a finished Laporan Kinerja (issue 10 §2): every table of an uploaded .docx or .xlsx read,
the capaian, budget, SKM and efficiency tables recognised by their headers, and every printed figure that
does not follow from its own printed inputs (or, with the kecamatan's data, from the database) listed.

    hasil = periksa(isi, "lkjip_2024.docx", periode=p)   # p: dashboard.data.Periode, or None
    hasil.temuan, hasil.tidak_diperiksa, buku_kerja(hasil)

Used by `python -m dashboard periksa-laporan` and the Laporan page; nothing here imports Streamlit.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field

from dashboard.data import Periode
from dashboard.periksa_laporan.basisdata import bandingkan, indeks
from dashboard.periksa_laporan.berkas import BerkasDitolak, baca_berkas
from dashboard.periksa_laporan.cek import CEK, Konteks
from dashboard.periksa_laporan.hasil import buku_kerja, json_hasil, teks_hasil
from dashboard.periksa_laporan.kenali import NAMA_JENIS, kenali
from dashboard.periksa_laporan.temuan import JENIS_TEMUAN, Temuan

__all__ = ["BerkasDitolak", "HasilPeriksa", "InfoTabel", "JENIS_TEMUAN", "NAMA_JENIS", "Temuan", "buku_kerja",
           "json_hasil", "periksa", "teks_hasil"]


@dataclass
class InfoTabel:
    nomor: int
    nama: str
    jenis: list[str]  # recognised kinds; empty: not checked
    baris: int
    temuan: int = 0


@dataclass
class HasilPeriksa:
    nama_file: str
    sha256: str
    format: str  # docx | xlsx
    tabel: list[InfoTabel]
    temuan: list[Temuan]
    kecamatan: str | None = None  # compared with the database of this kecamatan …
    tahun: int | None = None  # … and year
    detik: float = 0.0
    catatan: list[str] = field(default_factory=list)

    @property
    def diperiksa(self) -> list[InfoTabel]:
        return [t for t in self.tabel if t.jenis]

    @property
    def tidak_diperiksa(self) -> list[InfoTabel]:
        return [t for t in self.tabel if not t.jenis]


def periksa(isi: bytes, nama_file: str, *, periode: Periode | None = None) -> HasilPeriksa:
    """Check a report; `BerkasDitolak` (with an Indonesian message) for a file that cannot be read."""
    mulai = time.perf_counter()
    fmt_berkas, tabel = baca_berkas(isi, nama_file)
    ix = indeks(periode) if periode is not None else None
    konteks = ix.konteks() if ix is not None else Konteks()
    info: list[InfoTabel] = []
    temuan: list[Temuan] = []
    for t in tabel:
        b = kenali(t)
        semua: list[Temuan] = []
        for jenis in b.jenis:
            semua += CEK[jenis](b, konteks)
        if ix is not None and b.jenis:
            semua += bandingkan(b, ix)
        sudah = set()
        for x in semua:
            kunci = (x.baris, x.kolom, x.tercetak)
            if kunci not in sudah:
                sudah.add(kunci)
                temuan.append(x)
        info.append(InfoTabel(t.nomor, t.nama, b.jenis, len(b.data), len(sudah)))
    temuan.sort(key=lambda x: (x.tabel, x.baris))
    catatan = []
    if not tabel:
        catatan.append("Berkas ini tidak berisi tabel.")
    return HasilPeriksa(nama_file=nama_file, sha256=hashlib.sha256(isi).hexdigest(), format=fmt_berkas, tabel=info,
                        temuan=temuan, kecamatan=periode.kecamatan if periode else None,
                        tahun=periode.tahun if periode else None, detik=time.perf_counter() - mulai,
                        catatan=catatan)
