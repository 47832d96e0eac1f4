"""The deck's plan: what each slide says, as plain data (`Salindia`), before any drawing.

`rencana_dek` decides the slides and their content in the order of a rapat evaluasi (PermenPANRB
53/2014, domain §5); `dashboard.ekspor.powerpoint` draws them and the Laporan page lists them as a
preview, so the preview always matches the file. Every figure comes from `ringkasan()` (in
`Bahan.data`) and the pages' builders; every text goes through `dashboard.format`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard import analisis_anggaran as aa
from dashboard import analisis_desa as ad
from dashboard import analisis_iku as ai
from dashboard import analisis_skm as askm
from dashboard import anggaran as ang
from dashboard import desa as desa_f
from dashboard import skm as skm_f
from dashboard import format as fmt
from dashboard.ekspor.bahan import Bahan
from dashboard.ekspor.tabel import BELUM_ADA, ukuran_utama
from dashboard.ringkasan import teks_rasio
from dashboard.ringkasan import IkuBaris, iku_baris, jenis_belanja, skala_bands
from dashboard.skala import kategori

BIRU = "#1f5fa8"
JINGGA = "#f08c00"
ABU = "#6c757d"
INDIKATOR_PER_SALINDIA = 5  # a sasaran with more indicators continues on the next slide
BATAS_NARASI = 1100  # characters of faktor text per column on one slide; more goes to a continuation slide
BARIS_TABEL_MAKS = 9  # rows of a slide table; the rest is counted in a line below it
PRATINJAU_BARIS = 4  # table rows the Laporan page's preview lists
RUPIAH_MILIAR = ('[$-421]"Rp "#,##0.00,,," M"', '[$-421]"Rp "#,##0.0,,," M"')  # (labels, axis)
RUPIAH_JUTA = ('[$-421]"Rp "#,##0.00,," jt"', '[$-421]"Rp "#,##0,," jt"')


@dataclass
class Kartu:
    judul: str
    nilai: str
    kategori: str
    keterangan: str
    warna: str | None  # the category colour (None: neutral)


@dataclass
class Tabel:
    kolom: list[str]
    baris: list[list[str]]
    lebar: list[float]  # relative column widths
    kanan: set[int] = field(default_factory=set)  # right-aligned columns
    warna: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) -> fill colour
    catatan: str = ""  # a line under the table (e.g. "dan 4 baris lain")


@dataclass
class Grafik:
    jenis: str  # garis | batang (horizontal) | kolom
    judul: str
    kategori: list[str]
    seri: list[tuple[str, list[float | None]]]
    format_angka: str  # Excel number format of the values (data labels, embedded data)
    warna: list[str]  # one per series
    warna_titik: list[str] | None = None  # one per category (single-series bar and column charts)
    sumbu: tuple[float | None, float | None] = (None, None)  # value axis minimum, maximum
    format_sumbu: str | None = None  # the value axis' number format (default: format_angka)


@dataclass
class Salindia:
    jenis: str  # judul | ringkasan | sasaran | anggaran | skm | desa | peringatan | penutup
    judul: str
    subjudul: str = ""
    kartu: list[Kartu] = field(default_factory=list)
    tabel: Tabel | None = None
    grafik: Grafik | None = None
    teks: list[tuple[str, str]] = field(default_factory=list)  # headed text columns
    poin: list[str] = field(default_factory=list)  # bullet lines
    kosong: list[str] = field(default_factory=list)  # what has no data yet
    catatan: str = ""  # speaker notes

    def pratinjau(self) -> list[str]:
        """The slide's content in a few lines, for the Laporan page's list."""
        out = [f"{k.judul}: {k.nilai}" + (f" — {k.kategori}" if k.kategori else "") for k in self.kartu]
        if self.grafik:
            out.append(f"Grafik: {self.grafik.judul}")
        if self.tabel:
            kolom = self.tabel.kolom
            for row in self.tabel.baris[:PRATINJAU_BARIS]:
                out.append(f"{row[0].rstrip('.')}: " + ", ".join(f"{k[:1].lower()}{k[1:]} {v}"
                                                                  for k, v in zip(kolom[1:4], row[1:4])))
            if len(self.tabel.baris) > PRATINJAU_BARIS:
                out.append(f"… dan {len(self.tabel.baris) - PRATINJAU_BARIS} baris lain di tabel")
        out += [f"{judul}: {_ringkas(isi)}" for judul, isi in self.teks]
        out += self.poin
        out += self.kosong
        return out


def _ringkas(teks: str, n: int = 110) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= n else teks[:n].rsplit(" ", 1)[0] + " …"


def rencana_dek(b: Bahan) -> list[Salindia]:
    """The slides of the period's deck, in meeting order."""
    return [_judul(b), _ringkasan(b), *_sasaran(b), _anggaran(b), _skm(b), _desa(b), _peringatan(b), _penutup(b)]


def _periode(b: Bahan) -> str:
    return f"{fmt.triwulan(b.triwulan)} {b.tahun}"


# ---------------------------------------------------------------- title and headline

def _judul(b: Bahan) -> Salindia:
    p = b.periode
    sub = [f"Kecamatan {p.kecamatan} · Kabupaten {p.kabupaten}",
           f"Kumulatif s.d. {_periode(b)}", fmt.tanggal(b.waktu)]
    if p.sintetis:
        sub.insert(1, "Data sintetis untuk contoh, bukan data sebenarnya")
    return Salindia("judul", f"Evaluasi Kinerja {_periode(b)}", "\n".join(sub),
                    catatan="Disusun otomatis oleh Pantau Triwulan dari data yang diimpor; periksa dan lengkapi "
                            "sebelum rapat.")


def _ringkasan(b: Bahan) -> Salindia:
    kartu = []
    for u in ukuran_utama(b.data, b.periode)[:5]:
        nilai = u["nilai"]
        if nilai is None:
            teks = BELUM_ADA
        elif u["ukuran"] == "Rasio desa mandiri":
            teks = teks_rasio(b.periode, nilai)  # in the unit of the kecamatan's IKU (0,64 or 77,78 %)
        elif u["satuan"] == "%":
            teks = fmt.persen(nilai)
        elif u["satuan"] == "poin":
            teks = fmt.poin(nilai)
        else:
            teks = fmt.angka(nilai)
        kartu.append(Kartu(u["ukuran"], teks, u["kategori"] or "", u["keterangan"], u["warna"]))
    n = len(b.data["peringatan"])
    poin = [f"{n} peringatan data perlu diperiksa (lihat salindia Peringatan data)." if n
            else "Tidak ada peringatan data untuk periode ini."]
    return Salindia("ringkasan", f"Lima ukuran kinerja s.d. {_periode(b)}", kartu=kartu, poin=poin,
                    catatan="\n".join(f"{k.judul}: {k.nilai} {k.kategori} — {k.keterangan}" for k in kartu))


# ---------------------------------------------------------------- one slide per sasaran

def _sasaran(b: Bahan) -> list[Salindia]:
    baris: list[IkuBaris] = b.data["_iku"]["baris"]
    if not baris:
        return [Salindia("sasaran", "Capaian sasaran strategis",
                         kosong=[f"Belum ada data indikator kinerja tahun {b.tahun}: unggah IKU dan targetnya di "
                                 "halaman Unggah Data."])]
    kelompok: dict[str, list[IkuBaris]] = {}
    for x in baris:
        kelompok.setdefault((x.ind.sasaran or "").strip() or "Sasaran tanpa nama", []).append(x)
    faktor = ai.tabel_faktor([x.ind for x in baris], b.tahun, b.triwulan)
    terakhir = {r["Kode"]: r for r in faktor.to_dict("records")}  # the latest TW with texts, per indicator
    out = []
    for nomor, (sasaran, isi) in enumerate(kelompok.items(), start=1):
        for awal in range(0, len(isi), INDIKATOR_PER_SALINDIA):
            out += _salindia_sasaran(b, nomor, sasaran, isi[awal:awal + INDIKATOR_PER_SALINDIA], terakhir,
                                     lanjutan=awal > 0)
    return out


def _salindia_sasaran(b: Bahan, nomor: int, sasaran: str, isi: list[IkuBaris], faktor: dict,
                      lanjutan: bool) -> list[Salindia]:
    tw = fmt.triwulan(b.triwulan)
    lalu = f"s.d. {tw} {b.tahun - 1}"
    tabel = Tabel(["Indikator", f"Target s.d. {tw}", "Realisasi", "Capaian", "Kategori", lalu, "Target Renstra",
                   "Capaian thd Renstra"], [], [3.4, 1.2, 1.2, 1.1, 1.4, 1.2, 1.1, 1.2], kanan={1, 2, 3, 5, 6, 7})
    riwayat = []
    for i, x in enumerate(isi):
        s = x.ind.satuan
        tahun_lalu = iku_baris(b.periode, x.ind, b.triwulan, tahun=b.tahun - 1).realisasi
        tabel.baris.append([f"{x.ind.kode} {x.ind.nama}", fmt.nilai(x.target, s), fmt.nilai(x.realisasi, s),
                            fmt.persen(x.capaian), x.kategori or ("belum diukur" if x.capaian is None else ""),
                            fmt.nilai(tahun_lalu, s), fmt.nilai(x.target_renstra, s), fmt.persen(x.capaian_renstra)])
        if x.warna:
            tabel.warna[(i, 4)] = x.warna
        hist = ai.tabel_riwayat(b.periode, x.ind, b.triwulan)
        hist = hist[hist["Tahun"] != str(b.tahun)]
        if len(hist):
            riwayat.append(f"{x.ind.kode} tahun-tahun sebelumnya (akhir tahun): " + " · ".join(
                f"{r['Tahun']}: {fmt.nilai(r['Realisasi'], s)}" for r in hist.to_dict("records")))
    # the narrative, per indicator, split into slides that each hold at most BATAS_NARASI characters per column
    bagian: list[list[IkuBaris]] = [[]]
    for x in isi:
        uji = bagian[-1] + [x]
        if bagian[-1] and max(len(_narasi(uji, faktor, k, b)) for k in ai.KOLOM_FAKTOR.values()) > BATAS_NARASI:
            bagian.append([x])
        else:
            bagian[-1] = uji
    out = []
    for j, kelompok in enumerate(bagian):
        judul = f"Sasaran {nomor}: {sasaran}" + (" (lanjutan)" if j or lanjutan else "")
        teks = [(k, _narasi(kelompok, faktor, k, b)) for k in ai.KOLOM_FAKTOR.values()]
        s = Salindia("sasaran", judul, f"Target, realisasi dan capaian s.d. {tw} {b.tahun}", teks=teks,
                     catatan="\n\n".join(f"{k}:\n{_narasi(kelompok, faktor, k, b, lengkap=True)}"
                                         for k in ai.KOLOM_FAKTOR.values()))
        if j == 0:
            s.tabel, s.poin = tabel, riwayat
        else:
            s.subjudul = "Faktor pendorong, penghambat dan tindak lanjut (lanjutan)"
        out.append(s)
    return out


def _narasi(isi: list[IkuBaris], faktor: dict, kolom: str, b: Bahan, lengkap: bool = False) -> str:
    """One column's texts: each indicator's latest (an older TW's marked), the indicators without one together."""
    tw = fmt.triwulan(b.triwulan)
    bagian, kosong = [], []
    for x in isi:
        r = faktor.get(x.ind.kode)
        teks = (r or {}).get(kolom) or ""
        if not teks:
            kosong.append(x.ind.kode)
            continue
        if r["Triwulan"] != tw and not lengkap:
            teks = f"({r['Triwulan']}) {teks}"
        bagian.append(f"{x.ind.kode}: {teks}" if len(isi) > 1 or lengkap else teks)
    if kosong:
        siapa = f" untuk {', '.join(kosong)}" if len(isi) > 1 or lengkap else ""
        bagian.append(f"Belum diisi s.d. {tw}{siapa} (isi di halaman IKU).")
    return "\n".join(bagian)


# ---------------------------------------------------------------- budget

def _skala_rupiah(pagu: float | None) -> tuple[str, str]:
    """Chart formats that show rupiah in miliar (M) or juta (jt), as `fmt.rupiah_ringkas` writes them."""
    return RUPIAH_MILIAR if (pagu or 0) >= 1e9 else RUPIAH_JUTA


def _anggaran(b: Bahan) -> Salindia:
    p, tw = b.periode, b.triwulan
    a, ang_json = b.data["_anggaran"], b.data["anggaran"]
    judul = f"Realisasi anggaran s.d. {_periode(b)}"
    if a["pagu"] is None:
        return Salindia("anggaran", judul, kosong=[f"Belum ada data anggaran tahun {b.tahun}: unggah realisasi "
                                                   "anggaran (SIPD/FMIS) di halaman Unggah Data."])
    per_tw = aa.per_triwulan(p)
    seri = [("Realisasi kumulatif", [x["realisasi"] if x["ada"] and x["triwulan"] <= tw else None for x in per_tw])]
    warna = [BIRU]
    if any(x["rencana"] is not None for x in per_tw):
        seri.append(("Rencana kumulatif (anggaran kas)", [x["rencana"] for x in per_tw]))
        warna.append(JINGGA)
    seri.append(("Pagu", [a["pagu"]] * 4))
    warna.append(ABU)
    label, sumbu = _skala_rupiah(a["pagu"])
    grafik = Grafik("garis", "Realisasi kumulatif terhadap rencana per triwulan",
                    [fmt.triwulan(t) for t in range(1, 5)], seri, label, warna, sumbu=(0, None), format_sumbu=sumbu)
    bands = skala_bands(p, p.setelan.skala_serapan)
    if a["pohon"] == "program":
        baris = [dict(x) for x in ang_json["program"]]
        kepala = "Program"
    else:
        baris = [{**x, "uraian": x["jenis_belanja"]} for x in jenis_belanja(p, tw)]
        kepala = "Jenis belanja"
    tabel = Tabel([kepala, "Pagu", f"Realisasi s.d. {fmt.triwulan(tw)}", "Serapan"], [], [3.0, 1.25, 1.35, 1.05],
                  kanan={1, 2, 3})
    for i, x in enumerate(baris[:BARIS_TABEL_MAKS]):
        tabel.baris.append([x["uraian"], fmt.rupiah_ringkas(x["pagu"]), fmt.rupiah_ringkas(x["realisasi"]),
                            fmt.persen(x["serapan"])])
        k = kategori(x["serapan"], bands)
        if k:
            tabel.warna[(i, 3)] = k.warna
    if len(baris) > BARIS_TABEL_MAKS:
        tabel.catatan = f"dan {len(baris) - BARIS_TABEL_MAKS} baris lain (lihat lembar Anggaran di buku kerja)"
    s = Salindia("anggaran", judul, grafik=grafik, tabel=tabel)
    if a["serapan"] is None:
        s.kosong.append(f"Belum ada data realisasi {fmt.triwulan(tw)}: triwulan yang sudah ada "
                        f"{aa.keterangan_triwulan(a['triwulan_data'])}.")
    else:
        s.kartu = [Kartu(f"Serapan s.d. {fmt.triwulan(tw)}", fmt.persen(a["serapan"]), a["kategori"] or "",
                         f"{fmt.rupiah(a['realisasi'])} dari pagu {fmt.rupiah(a['pagu'])}", a["warna"])]
        lambat = ang.ketertinggalan(a["serapan"], tw)
        arah = "di bawah" if lambat < 0 else "di atas"
        s.poin.append(f"Serapan {fmt.angka(abs(lambat))} poin {arah} waktu berjalan ({fmt.persen(25.0 * tw, 0)}).")
        if a["deviasi"] is not None:
            s.poin.append(f"Deviasi terhadap rencana (anggaran kas): {fmt.rupiah(a['deviasi'])}.")
    s.catatan = (f"Pohon anggaran: {aa.NAMA_POHON.get(a['pohon'], '')}. Triwulan yang ada datanya: "
                 f"{aa.keterangan_triwulan(a['triwulan_data'])}.")
    return s


# ---------------------------------------------------------------- SKM

def _skm(b: Bahan) -> Salindia:
    p, tw = b.periode, b.triwulan
    skm = b.data["_skm"]
    judul = f"Survei Kepuasan Masyarakat s.d. {_periode(b)}"
    if skm["ikm"] is None:
        return Salindia("skm", judul, kosong=[f"Belum ada data survei kepuasan masyarakat s.d. {fmt.triwulan(tw)}: "
                                              "unggah jawaban responden atau rekap NRR di halaman Unggah Data."])
    kartu = Kartu("Indeks Kepuasan Masyarakat", fmt.angka(skm["ikm"]),
                  f"Mutu {skm['mutu']} ({skm['kinerja']})" if skm["mutu"] else "",
                  f"rata-rata IKM triwulan; {fmt.angka(skm['responden'], 0)} responden" if skm["responden"]
                  else "rata-rata IKM triwulan", skm["warna"])
    s = Salindia("skm", judul, kartu=[kartu])
    if skm["nrr"]:
        unsur = [(u, label) for u, label in askm.unsur_tampil(p.setelan) if u in skm["nrr"]]
        nilai = [skm["nrr"][u] for u, _ in unsur]
        s.grafik = Grafik("batang", f"Nilai rata-rata per unsur (NRR) s.d. {fmt.triwulan(tw)}",
                          [label for _, label in unsur], [("NRR", nilai)], "[$-421]0.000", [BIRU],
                          format_sumbu="[$-421]0.0",
                          warna_titik=[askm.WARNA_MUTU.get(skm_f.mutu_unsur(v)) or ABU for v in nilai],
                          sumbu=(1, 4))
        e = askm.ekstrem(skm, p.setelan)
        if e:
            s.poin.append(f"Unsur terendah: {e['terendah'][1]} ({fmt.angka(e['terendah'][2], 3)}); "
                          f"tertinggi: {e['tertinggi'][1]} ({fmt.angka(e['tertinggi'][2], 3)}).")
    else:
        ikm_tw = skm["ikm_triwulan"]
        s.grafik = Grafik("kolom", "IKM per triwulan", [fmt.triwulan(int(t)) for t in ikm_tw],
                          [("IKM", list(ikm_tw.values()))], "[$-421]0.00", [BIRU],
                          warna_titik=[m.warna if (m := skm_f.mutu(v)) else ABU for v in ikm_tw.values()],
                          sumbu=(0, 100))
        s.kosong.append("Belum ada data NRR per unsur (hanya IKM tercetak per triwulan).")
    df = askm.tabel_ikm_triwulan(skm, tw)
    s.tabel = Tabel(["Triwulan", "IKM", "Mutu", "Responden"], [], [1.1, 1.0, 1.6, 1.2], kanan={1, 3})
    for i, r in enumerate(df.to_dict("records")):
        s.tabel.baris.append([r["Triwulan"], fmt.angka(r["IKM"]), r["Mutu"],
                              fmt.KOSONG if pd.isna(r["Responden"]) else fmt.angka(r["Responden"], 0)])
        if r["_warna"]:
            s.tabel.warna[(i, 2)] = r["_warna"]
    if skm["ikm_gabungan"] is not None:
        s.poin.append(f"IKM gabungan semua responden: {fmt.angka(skm['ikm_gabungan'])}.")
    s.catatan = f"Bobot NRR: {askm.nama_bobot(skm['bobot'])}. IKM s.d. triwulan = rata-rata IKM triwulan."
    return s


# ---------------------------------------------------------------- desa

def _desa(b: Bahan) -> Salindia:
    p = b.periode
    desa = b.data["desa"]
    judul = f"Status desa {b.tahun}"
    if desa["rasio"] is None:
        return Salindia("desa", judul, kosong=[f"Belum ada data status desa tahun {b.tahun}: unggah data Indeks "
                                               "Desa di halaman Unggah Data."])
    g = b.data["_desa"]["gauge"]
    kartu = Kartu("Rasio desa mandiri", ad.teks_rasio(p, desa["rasio"]), g["kategori"] or "",
                  f"{desa['mandiri']} Mandiri dari {desa['jumlah']} desa"
                  + (f"; target {fmt.persen(g['target'])}" if g["target"] is not None else ""), g["warna"])
    status = list(desa_f.STATUS)
    grafik = Grafik("kolom", "Jumlah desa per status", status, [("Jumlah desa", [desa["status"][s] for s in status])],
                    "0", [BIRU], warna_titik=[desa_f.WARNA_STATUS[s] for s in status], sumbu=(0, None))
    belum = ad.tabel_belum_mandiri(p, b.tahun, ad.pembanding(p, b.tahun, b.desa_kabupaten))
    s = Salindia("desa", judul, kartu=[kartu], grafik=grafik)
    if belum.empty:
        s.poin.append("Semua desa sudah berstatus Mandiri.")
    else:
        kolom = ["Desa belum Mandiri", "Status", "Skor", "Kurang ke Mandiri", "Dimensi penghambat"]
        rows = [[r["Desa"], r["Status"], fmt.angka(r["Skor"]), fmt.angka(r["Kurang ke Mandiri (poin)"]),
                 r["Dimensi penghambat"]] for r in belum.to_dict("records")]
        pakai = [j for j in range(len(kolom)) if j < 2 or any(row[j] != fmt.KOSONG for row in rows)]
        tabel = Tabel([kolom[j] for j in pakai], [[row[j] for j in pakai] for row in rows[:BARIS_TABEL_MAKS]],
                      [[1.8, 1.3, 0.9, 1.2, 1.9][j] for j in pakai],
                      kanan={i for i, j in enumerate(pakai) if j in (2, 3)})
        for i, r in enumerate(belum.to_dict("records")[:BARIS_TABEL_MAKS]):
            if r["_warna_Status"]:
                tabel.warna[(i, 1)] = r["_warna_Status"]
        if len(belum) > BARIS_TABEL_MAKS:
            tabel.catatan = f"dan {len(belum) - BARIS_TABEL_MAKS} desa lain (lihat lembar Desa di buku kerja)"
        s.tabel = tabel
    s.catatan = f"Skema: {ad.skema_label(p)}. Kelurahan dan desa persiapan tidak dihitung."
    return s


# ---------------------------------------------------------------- warnings and follow-up

def _peringatan(b: Bahan) -> Salindia:
    w = b.data["peringatan"]
    judul = f"Peringatan data s.d. {_periode(b)}"
    if not w:
        return Salindia("peringatan", judul, poin=["Tidak ada peringatan data untuk periode ini."])
    tabel = Tabel(["Peringatan", "Lokasi", "Seharusnya", "Tertulis"], [], [4.6, 1.6, 1.6, 1.6])
    for x in w[:BARIS_TABEL_MAKS]:
        tabel.baris.append([x["pesan"], x.get("lokasi", ""), x.get("diharapkan") or "", x.get("ditemukan") or ""])
    if len(w) > BARIS_TABEL_MAKS:
        tabel.catatan = f"dan {len(w) - BARIS_TABEL_MAKS} peringatan lain (lihat lembar Peringatan di buku kerja)"
    return Salindia("peringatan", judul, tabel=tabel,
                    poin=["Peringatan tidak menghalangi laporan; periksa sumbernya sebelum angka dipakai."],
                    catatan="\n".join(f"- {x['pesan']} [{x.get('lokasi', '')}]" for x in w))


def _penutup(b: Bahan) -> Salindia:
    poin = tindak_lanjut(b)
    return Salindia("penutup", "Tindak lanjut", f"Disepakati dalam rapat evaluasi {_periode(b)}", poin=poin,
                    catatan="\n".join(f"- {x}" for x in poin))


def tindak_lanjut(b: Bahan) -> list[str]:
    """The follow-up the data suggests: each IKU's tindak lanjut, early warnings, missing realisasi, slow
    absorption, the weakest SKM unsur, desa not yet Mandiri, open warnings (the deck's last slide, the
    LKjIP's Bab IV)."""
    p, tw = b.periode, b.triwulan
    poin = []
    baris: list[IkuBaris] = b.data["_iku"]["baris"]
    faktor = {r["Kode"]: r for r in ai.tabel_faktor([x.ind for x in baris], b.tahun, tw).to_dict("records")}
    for x in baris:
        tl = (faktor.get(x.ind.kode) or {}).get("Tindak lanjut")
        if tl:
            poin.append(f"{x.ind.kode} {x.ind.nama}: {tl}")
    poin += [d["pesan"] for d in ai.peringatan_dini(baris, tw)]
    belum = [x.ind.kode for x in baris if x.ind.jenis == "iku" and x.realisasi is None]
    if belum:
        poin.append(f"Lengkapi realisasi {', '.join(belum)} s.d. {fmt.triwulan(tw)} (masih belum diukur).")
    a = b.data["_anggaran"]
    lambat = ang.ketertinggalan(a["serapan"], tw)
    if lambat is not None and lambat < 0:
        poin.append(f"Percepat penyerapan anggaran: serapan s.d. {fmt.triwulan(tw)} {fmt.persen(a['serapan'])}, "
                    f"waktu berjalan {fmt.persen(25.0 * tw, 0)} ({fmt.poin(lambat)}).")
    elif a["pagu"] is not None and a["serapan"] is None:
        poin.append(f"Unggah realisasi anggaran {fmt.triwulan(tw)} (belum ada data).")
    e = askm.ekstrem(b.data["_skm"], p.setelan)
    if e:
        poin.append(f"Perbaiki pelayanan pada unsur SKM terendah: {e['terendah'][1]} "
                    f"(NRR {fmt.angka(e['terendah'][2], 3)}).")
    desa = b.data["desa"]
    if desa["rasio"] is not None and desa["jumlah"] and desa["mandiri"] < desa["jumlah"]:
        poin.append(f"Dampingi {desa['jumlah'] - desa['mandiri']} desa yang belum Mandiri pada dimensi penghambatnya.")
    if b.data["peringatan"]:
        poin.append(f"Periksa dan perbaiki {len(b.data['peringatan'])} peringatan data sebelum laporan final.")
    if not poin:
        poin.append("Tidak ada tindak lanjut yang tercatat; isi tindak lanjut per IKU di halaman IKU.")
    return poin
