"""The printed figures against the kecamatan's data in the database (the same `Periode` the pages read).

Matching: an indicator by its kode (a kode column), else by its name; a budget line by its kode, else by
its name (numbering in front and a unit in brackets ignored; a name must match exactly one line). What is
compared is what the database stores, never what it computes: targets (any version of the year is
right: a report may print the PK or the PK Perubahan target), realisasi of the year the column names
(the report's year when it names none; `s.d.` the last TW with data, aggregated as the indicator says),
the Renstra end target, pagu and realisasi of budget lines, and the NRR and IKM of each TW. Columns under
a group header naming another kecamatan (a comparison table) are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard import anggaran as ang
from dashboard import format as fmt
from dashboard.data import IndikatorData, Periode
from dashboard.impor.kolom import kunci
from dashboard.periksa_laporan.angka import Angka
from dashboard.periksa_laporan.cek import (EPS, Konteks, _baris_anggaran, _temuan, baris_skm, kolom_label,
                                           kunci_nama, toleransi)
from dashboard.periksa_laporan.kenali import Bingkai, Kolom
from dashboard.periksa_laporan.temuan import Temuan
from dashboard.ringkasan import iku_baris, skm_triwulan

SEN = 100


@dataclass
class Indeks:
    """The period's data, indexed for matching."""

    p: Periode
    indikator_kode: dict[str, IndikatorData] = field(default_factory=dict)
    indikator_nama: dict[str, IndikatorData | None] = field(default_factory=dict)  # None: ambiguous
    anggaran_kode: dict[str, ang.Simpul] = field(default_factory=dict)
    anggaran_nama: dict[str, ang.Simpul | None] = field(default_factory=dict)
    tw_anggaran: int | None = None

    @property
    def kecamatan(self) -> str:
        return self.p.kecamatan

    def konteks(self) -> Konteks:
        pol = {}
        for ind in self.p.indikator:
            pol[kunci(ind.kode)] = ind.polaritas
            pol[kunci_nama(ind.nama)] = ind.polaritas
        return Konteks(polaritas=pol, efisiensi_metode=self.p.setelan.efisiensi_metode,
                       bobot_ikm=self.p.setelan.bobot_ikm)


def indeks(p: Periode) -> Indeks:
    ix = Indeks(p)
    for ind in p.indikator:
        ix.indikator_kode[kunci(ind.kode)] = ind
        k = kunci_nama(ind.nama)
        ix.indikator_nama[k] = None if k in ix.indikator_nama else ind
    tws = set()
    for jenis in ("program", "rekening"):
        baris = [b for b in p.anggaran if ang.pohon_dari_kode(b.kode) == jenis]
        if not baris:
            continue
        tws |= {tw for b in baris for tw in b.realisasi_tw}
        for s in ang.ratakan(ang.bangun_pohon(baris)):
            ix.anggaran_kode[kunci(s.kode)] = s
            if s.anak and s.tercetak is None:
                continue  # an ancestor the app named itself
            k = kunci_nama(s.uraian)
            ix.anggaran_nama[k] = None if k in ix.anggaran_nama else s
    ix.tw_anggaran = max(tws) if tws else None
    return ix


def _lain(k: Kolom, ix: Indeks) -> bool:
    """A column under a group header that names another kecamatan."""
    g = kunci(k.grup)
    return "kecamatan" in g and kunci(ix.kecamatan) not in g


def _beda(b: Bingkai, i: int, k: Kolom, a: Angka, simpan: float, label: str, apa: str, ix: Indeks,
          desimal: int | None = None, tambahan: str = "") -> Temuan:
    return _temuan(b, i, k, a, simpan, f"{apa} yang tersimpan untuk Kecamatan {ix.kecamatan}: "
                   f"{fmt.angka(simpan, max(a.desimal, 2) if desimal is None else desimal)}{tambahan}.",
                   "basis_data", label, desimal)


def bandingkan(b: Bingkai, ix: Indeks) -> list[Temuan]:
    out: list[Temuan] = []
    if "capaian" in b.kolom:
        out += _capaian(b, ix)
    if "anggaran" in b.kolom:
        out += _anggaran(b, ix)
    if "skm" in b.kolom:
        out += _skm(b, ix)
    return out


def _indikator(b: Bingkai, i: int, ix: Indeks, j_kode: int | None, j_label: int | None) -> IndikatorData | None:
    if j_kode is not None and b.teks(i, j_kode):
        ind = ix.indikator_kode.get(kunci(b.teks(i, j_kode)))
        if ind:
            return ind
    if j_label is None:
        # no indicator column recognised: the row's first text cell names it
        j_label = next((j for j in range(b.tabel.lebar) if len(b.teks(i, j)) > 2 and b.angka(i, j) is None), None)
    if j_label is not None and b.teks(i, j_label):
        return ix.indikator_nama.get(kunci_nama(b.teks(i, j_label)))
    return None


def _capaian(b: Bingkai, ix: Indeks) -> list[Temuan]:
    j_label = kolom_label(b, "capaian", ("indikator",))
    j_kode = kolom_label(b, "capaian", ("kode",))
    kolom = [k for k in b.kolom["capaian"] if k.peran in ("target", "realisasi", "target_renstra") and not _lain(k, ix)]
    out = []
    for i in b.data:
        ind = _indikator(b, i, ix, j_kode, j_label)
        if ind is None:
            continue
        label = b.label_baris(i, j_label)
        for k in kolom:
            a = b.angka(i, k.j)
            if a is None:
                continue
            tahun = k.tahun or ix.p.tahun
            if k.peran == "target":
                versi = [v for v in ind.target_versi.get(tahun, []) if v.target is not None]
                if not versi or any(abs(a.nilai - v.target) <= toleransi(a) for v in versi):
                    continue
                riwayat = "; ".join(f"{v.versi or 'tanpa versi'} {fmt.angka_ringkas(v.target, 6)}" for v in versi)
                out.append(_beda(b, i, k, a, versi[-1].target, label, f"Target {ind.kode} {tahun}", ix,
                                 tambahan=f" (versi tersimpan: {riwayat})"))
            elif k.peran == "realisasi":
                if tahun not in ind.realisasi:
                    continue
                simpan = iku_baris(ix.p, ind, 4, tahun=tahun).realisasi
                if simpan is None or abs(a.nilai - simpan) <= toleransi(a):
                    continue
                out.append(_beda(b, i, k, a, simpan, label, f"Realisasi {ind.kode} {tahun}", ix))
            else:
                simpan = iku_baris(ix.p, ind, 4).target_renstra
                if simpan is None or abs(a.nilai - simpan) <= toleransi(a):
                    continue
                out.append(_beda(b, i, k, a, simpan, label, f"Target akhir Renstra {ind.kode}", ix))
    return out


def _anggaran(b: Bingkai, ix: Indeks) -> list[Temuan]:
    kolom = [k for k in b.kolom["anggaran"] if k.peran in ("pagu", "realisasi")
             and (k.tahun is None or k.tahun == ix.p.tahun) and not _lain(k, ix)]
    if not kolom or not ix.anggaran_kode:
        return []
    uang = sorted(k.j for k in b.kolom["anggaran"] if k.peran in ("pagu", "realisasi", "sisa"))
    out = []
    for r in _baris_anggaran(b, uang):
        if r.total:
            continue
        s = ix.anggaran_kode.get(kunci(r.kode)) if r.kode else None
        if s is None and r.label:
            s = ix.anggaran_nama.get(kunci_nama(r.label))
        if s is None:
            continue
        for k in kolom:
            a = r.nilai.get(k.j)
            if a is None:
                continue
            if k.peran == "pagu":
                simpan, apa = s.pagu / SEN, "Pagu"
            elif ix.tw_anggaran is not None:
                simpan = s.realisasi_sd(ix.tw_anggaran) / SEN
                apa = f"Realisasi s.d. {fmt.triwulan(ix.tw_anggaran)}"
            else:
                continue
            if abs(a.nilai - simpan) <= a.presisi + EPS:
                continue
            out.append(_beda(b, r.i, k, a, simpan, r.label[:70], f"{apa} {s.kode} {ix.p.tahun}", ix, 2))
    return out


def _skm(b: Bingkai, ix: Indeks) -> list[Temuan]:
    j_label, peta = baris_skm(b)
    out = []
    for k in b.kolom_peran("skm", "nrr"):
        if k.triwulan is None or (k.tahun and k.tahun != ix.p.tahun):
            continue
        tw = skm_triwulan(ix.p, k.triwulan)
        if tw is None:
            continue
        for i in b.data:
            jenis, a = peta.get(i), b.angka(i, k.j)
            if a is None or jenis is None:
                continue
            if jenis.startswith("U"):
                simpan, apa = tw.nrr.get(jenis), f"NRR {jenis} {fmt.triwulan(k.triwulan)}"
                if simpan is None or not 1 <= a.nilai <= 4:
                    continue
            elif jenis == "IKM" or a.nilai > 5:
                simpan, apa = tw.ikm, f"IKM {fmt.triwulan(k.triwulan)}"
            else:
                continue
            if simpan is None or abs(a.nilai - simpan) <= a.presisi + EPS:
                continue
            out.append(_beda(b, i, k, a, simpan, b.label_baris(i, j_label), apa, ix))
    return out
