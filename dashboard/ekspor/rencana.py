"""The deck's plan: what each slide says, as plain data (`Salindia`), before any drawing.

`rencana_dek` decides the slides and their content in the order of a rapat evaluasi (PermenPANRB
53/2014, domain §5); `dashboard.ekspor.powerpoint` draws them and the Laporan page lists them as a
preview, so the preview always matches the file. Every figure comes from `ringkasan()` (in
`Bahan.data`) and the pages' builders; every text goes through `dashboard.format`.

The deck is for the meeting, not for checking data: it says what is missing without telling how to
upload it, the follow-up slide holds proposals only, and the data warnings come last, as an appendix.
Its body text is drawn at 14 pt or more, so the plan keeps what one slide holds within what fits at
that size (rows per table, characters of narrative per column, points per slide) and continues on
the next slide rather than shrinking the text.
"""

from __future__ import annotations

import re
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
from dashboard.ringkasan import IkuBaris, iku_baris, jenis_belanja, skala_bands, triwulan_sebelumnya
from dashboard.skala import kategori

BIRU = "#1f5fa8"
JINGGA = "#f08c00"
ABU = "#6c757d"
INDIKATOR_PER_SALINDIA = 4  # a sasaran with more indicators continues on the next slide
BATAS_NARASI = 650  # characters of faktor text per column on one slide; more goes to a continuation slide
BATAS_NARASI_BERSAMA = 350  # … and below the table of at most two indicators, on the table's own slide
BARIS_TABEL_MAKS = 8  # rows of a full-width slide table; the rest is counted in a line below it
BARIS_TABEL_SAMPING = 5  # rows of a table beside a chart
PERINGATAN_PER_SALINDIA = 5  # the appendix's rows (each warning takes two or three lines)
BATAS_POIN = 1000  # characters of follow-up proposals on one slide
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
    perubahan: str = ""  # the change from the previous TW, in words


@dataclass
class Tabel:
    kolom: list[str]
    baris: list[list[str]]
    lebar: list[float]  # relative column widths
    kanan: set[int] = field(default_factory=set)  # right-aligned columns
    warna: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) -> fill colour
    catatan: str = ""  # a line under the table (e.g. "dan 4 baris lain")

    def warnai(self, baris: int, kolom: int, warna) -> None:
        """Fill a body cell with a category colour. The colours come from DataFrame rows, where a missing
        one is None or a pandas NaN: anything but a `#rrggbb` code leaves the cell plain."""
        if warna_sah(warna):
            self.warna[(baris, kolom)] = warna


def warna_sah(warna) -> bool:
    return isinstance(warna, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", warna) is not None


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
    jenis: str  # judul | ringkasan | sasaran | narasi | anggaran | program | skm | desa | penutup | peringatan
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
        out = [f"{k.judul}: {k.nilai}" + (f" — {k.kategori}" if k.kategori else "")
               + (f" ({k.perubahan})" if k.perubahan else "") for k in self.kartu]
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
    """The slides of the period's deck, in meeting order; the data warnings last, as an appendix."""
    return [_judul(b), _ringkasan(b), *_sasaran(b), *_anggaran(b), _skm(b), _desa(b), *_penutup(b),
            *_peringatan(b)]


def _periode(b: Bahan) -> str:
    return f"{fmt.triwulan(b.triwulan)} {b.tahun}"


def _bagi_per(isi: list, batas: int, ukuran=len) -> list[list]:
    """Consecutive groups of items whose total `ukuran` stays within `batas` (an item larger alone is its own group)."""
    kelompok: list[list] = [[]]
    for x in isi:
        if kelompok[-1] and sum(map(ukuran, kelompok[-1])) + ukuran(x) > batas:
            kelompok.append([])
        kelompok[-1].append(x)
    return [k for k in kelompok if k]


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


def _label_sebelumnya(tahun: int, tw: int) -> str:
    """What the headline's changes compare with: `s.d. TW III`, or `TW IV 2024` before TW I."""
    tahun_lalu, tw_lalu = triwulan_sebelumnya(tahun, tw)
    return f"s.d. {fmt.triwulan(tw_lalu)}" if tahun_lalu == tahun else f"{fmt.triwulan(tw_lalu)} {tahun_lalu}"


def _teks_nilai(u: dict) -> str:
    """A headline measure in its unit (`ukuran_utama`): `87,26 %`, `+31,73 poin`, `87,26`."""
    if u["nilai"] is None:
        return BELUM_ADA
    if u["satuan"] == "%":
        return fmt.persen(u["nilai"])
    if u["satuan"] == "poin":
        return fmt.poin(u["nilai"])
    return fmt.angka(u["nilai"])


def _teks_perubahan(kini: float | None, dulu: float | None, label: str) -> str:
    """`naik 2,15 poin dari s.d. TW III` / `turun …` / `sama dengan …`; a change that rounds to 0 is no change."""
    if kini is None:
        return ""
    if dulu is None:
        return f"{label}: belum ada data"
    beda = round(kini - dulu, 2)
    if beda == 0:
        return f"sama dengan {label}"
    return f"{'naik' if beda > 0 else 'turun'} {fmt.angka(abs(beda))} poin dari {label}"


def _ringkasan(b: Bahan) -> Salindia:
    kini = ukuran_utama(b.data)[:5]
    dulu = ukuran_utama(b.sebelumnya)[:5] if b.sebelumnya else [{"nilai": None}] * 5
    label = _label_sebelumnya(b.tahun, b.triwulan)
    kartu = [Kartu(u["ukuran"], _teks_nilai(u), u["kategori"] or "", u["keterangan"], u["warna"],
                   _teks_perubahan(u["nilai"], d["nilai"], label)) for u, d in zip(kini, dulu)]
    n = len(b.data["peringatan"])
    poin = [f"{n} catatan mutu data untuk periode ini ada di lampiran." if n
            else "Tidak ada catatan mutu data untuk periode ini."]
    return Salindia("ringkasan", f"Lima ukuran kinerja s.d. {_periode(b)}", kartu=kartu, poin=poin,
                    catatan="\n".join(f"{k.judul}: {k.nilai} {k.kategori} — {k.keterangan}"
                                      + (f"; {k.perubahan}" if k.perubahan else "") for k in kartu))


# ---------------------------------------------------------------- sasaran: a table slide, then the narrative

def _sasaran(b: Bahan) -> list[Salindia]:
    baris: list[IkuBaris] = b.data["_iku"]["baris"]
    if not baris:
        return [Salindia("sasaran", "Capaian sasaran strategis",
                         kosong=[f"Belum ada data indikator kinerja tahun {b.tahun}."])]
    kelompok: dict[str, list[IkuBaris]] = {}
    for x in baris:
        kelompok.setdefault((x.ind.sasaran or "").strip() or "Sasaran tanpa nama", []).append(x)
    faktor = _faktor_terakhir(ai.tabel_faktor([x.ind for x in baris], b.tahun, b.triwulan))
    out = []
    for nomor, (sasaran, isi) in enumerate(kelompok.items(), start=1):
        for awal in range(0, len(isi), INDIKATOR_PER_SALINDIA):
            out += _salindia_sasaran(b, nomor, sasaran, isi[awal:awal + INDIKATOR_PER_SALINDIA], faktor,
                                     lanjutan=awal > 0)
    return out


def _faktor_terakhir(df: pd.DataFrame) -> dict[str, dict[str, tuple[str, str]]]:
    """Per indicator and faktor column, the latest TW's text: {kode: {kolom: (TW label, text)}}."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for r in df.to_dict("records"):  # in TW order
        for kolom in ai.KOLOM_FAKTOR.values():
            if r[kolom]:
                out.setdefault(r["Kode"], {})[kolom] = (r["Triwulan"], r[kolom])
    return out


def _salindia_sasaran(b: Bahan, nomor: int, sasaran: str, isi: list[IkuBaris], faktor: dict,
                      lanjutan: bool) -> list[Salindia]:
    tw = fmt.triwulan(b.triwulan)
    judul = f"Sasaran {nomor}: {sasaran}" + (" (lanjutan)" if lanjutan else "")
    tabel = Tabel(["Indikator", f"Target s.d. {tw}", "Realisasi", "Capaian", "Kategori",
                   f"s.d. {tw} {b.tahun - 1}", "Target Renstra", "Capaian thd Renstra"], [],
                  [3.3, 1.2, 1.25, 1.2, 1.45, 1.2, 1.15, 1.25], kanan={1, 2, 3, 5, 6, 7})
    riwayat = []
    for i, x in enumerate(isi):
        s = x.ind.satuan
        tahun_lalu = iku_baris(b.periode, x.ind, b.triwulan, tahun=b.tahun - 1).realisasi
        tabel.baris.append([f"{x.ind.kode} {x.ind.nama}", fmt.nilai(x.target, s), fmt.nilai(x.realisasi, s),
                            fmt.persen(x.capaian), x.kategori or ("belum diukur" if x.capaian is None else ""),
                            fmt.nilai(tahun_lalu, s), fmt.nilai(x.target_renstra, s), fmt.persen(x.capaian_renstra)])
        tabel.warnai(i, 4, x.warna)
        hist = ai.tabel_riwayat(b.periode, x.ind, b.triwulan)
        hist = hist[hist["Tahun"] != str(b.tahun)]
        if len(hist):
            riwayat.append(f"{x.ind.kode} akhir tahun sebelumnya: " + " · ".join(
                f"{r['Tahun']}: {fmt.nilai(r['Realisasi'], s)}" for r in hist.to_dict("records")))
    utama = Salindia("sasaran", judul, f"Target, realisasi dan capaian s.d. {tw} {b.tahun}", tabel=tabel,
                     poin=riwayat)
    ada_teks = [x for x in isi if faktor.get(x.ind.kode)]
    if not ada_teks:
        utama.poin.append("Faktor pendorong, penghambat dan tindak lanjut belum diisi.")
        return [utama]
    # the narrative, per indicator, on slides that each hold at most BATAS_NARASI characters per column
    bagian: list[list[IkuBaris]] = [[]]
    for x in isi:
        uji = bagian[-1] + [x]
        if bagian[-1] and max(len(_narasi(uji, faktor, k, b)) for k in ai.KOLOM_FAKTOR.values()) > BATAS_NARASI:
            bagian.append([x])
        else:
            bagian[-1] = uji
    if len(isi) <= 2 and len(bagian) == 1 and \
            max(len(_narasi(isi, faktor, k, b)) for k in ai.KOLOM_FAKTOR.values()) <= BATAS_NARASI_BERSAMA:
        utama.teks = [(k, _narasi(isi, faktor, k, b)) for k in ai.KOLOM_FAKTOR.values()]
        utama.catatan = "\n\n".join(f"{k}:\n{_narasi(isi, faktor, k, b, lengkap=True)}"
                                    for k in ai.KOLOM_FAKTOR.values())
        return [utama]
    out = [utama]
    for j, kelompok in enumerate(bagian):
        teks = [(k, _narasi(kelompok, faktor, k, b)) for k in ai.KOLOM_FAKTOR.values()]
        out.append(Salindia("narasi", f"Sasaran {nomor}: faktor pendorong, penghambat dan tindak lanjut"
                            + (" (lanjutan)" if j or lanjutan else ""),
                            f"{', '.join(x.ind.kode for x in kelompok)} s.d. {tw} {b.tahun}", teks=teks,
                            catatan="\n\n".join(f"{k}:\n{_narasi(kelompok, faktor, k, b, lengkap=True)}"
                                                for k in ai.KOLOM_FAKTOR.values())))
    return out


def _narasi(isi: list[IkuBaris], faktor: dict, kolom: str, b: Bahan, lengkap: bool = False) -> str:
    """One column's texts: each indicator's latest (an older TW's marked), the indicators without one together."""
    tw = fmt.triwulan(b.triwulan)
    bagian, kosong = [], []
    for x in isi:
        tw_teks = faktor.get(x.ind.kode, {}).get(kolom)
        if not tw_teks:
            kosong.append(x.ind.kode)
            continue
        teks = tw_teks[1] if tw_teks[0] == tw or lengkap else f"({tw_teks[0]}) {tw_teks[1]}"
        bagian.append(f"{x.ind.kode}: {teks}" if len(isi) > 1 or lengkap else teks)
    if kosong:
        bagian.append(f"Belum diisi untuk {', '.join(kosong)}." if len(isi) > 1 or lengkap else "Belum diisi.")
    return "\n".join(bagian)


# ---------------------------------------------------------------- budget: the year's course, then per program

def _skala_rupiah(pagu: float | None) -> tuple[str, str]:
    """Chart formats that show rupiah in miliar (M) or juta (jt), as `fmt.rupiah_ringkas` writes them."""
    return RUPIAH_MILIAR if (pagu or 0) >= 1e9 else RUPIAH_JUTA


def _kolom_rupiah(judul: str, nilai: list) -> tuple[str, list[str]]:
    """A money column of a slide table in one scale (`fmt.skala_kolom_rupiah`): the header names the unit, the
    cells hold numbers only (`Pagu (Rp miliar)`: `4,50`)."""
    bagi, satuan, desimal = fmt.skala_kolom_rupiah(nilai)
    return f"{judul} ({satuan})", [fmt.angka(v / bagi, desimal) if v is not None else fmt.KOSONG for v in nilai]


def _anggaran(b: Bahan) -> list[Salindia]:
    p, tw = b.periode, b.triwulan
    a, ang_json = b.data["_anggaran"], b.data["anggaran"]
    judul = f"Realisasi anggaran s.d. {_periode(b)}"
    if a["pagu"] is None:
        return [Salindia("anggaran", judul, kosong=[f"Belum ada data anggaran tahun {b.tahun}."])]
    per_tw = aa.per_triwulan(p)
    seri = [("Realisasi kumulatif", [x["realisasi"] if x["ada"] and x["triwulan"] <= tw else None for x in per_tw])]
    warna = [BIRU]
    if any(x["rencana"] is not None for x in per_tw):
        seri.append(("Rencana kumulatif (anggaran kas)", [x["rencana"] for x in per_tw]))
        warna.append(JINGGA)
    seri.append(("Pagu", [a["pagu"]] * 4))
    warna.append(ABU)
    label, sumbu = _skala_rupiah(a["pagu"])
    grafik = Grafik("garis", "Realisasi kumulatif per triwulan", [fmt.triwulan(t) for t in range(1, 5)], seri,
                    label, warna, sumbu=(0, None), format_sumbu=sumbu)
    s = Salindia("anggaran", judul, grafik=grafik)
    if a["serapan"] is None:
        s.kosong.append(f"Belum ada data realisasi {fmt.triwulan(tw)}; triwulan yang sudah ada: "
                        f"{aa.keterangan_triwulan(a['triwulan_data'])}.")
    else:
        s.kartu = [Kartu(f"Serapan s.d. {fmt.triwulan(tw)}", fmt.persen(a["serapan"]), a["kategori"] or "",
                         f"{fmt.rupiah_ringkas(a['realisasi'])} dari pagu {fmt.rupiah_ringkas(a['pagu'])}",
                         a["warna"])]
        lambat = ang.ketertinggalan(a["serapan"], tw)
        arah = "di bawah" if lambat < 0 else "di atas"
        s.poin.append(f"Serapan {fmt.angka(abs(lambat))} poin {arah} waktu berjalan ({fmt.persen(25.0 * tw, 0)}).")
        if a["deviasi"] is not None:
            s.poin.append(f"Deviasi terhadap rencana (anggaran kas): {fmt.rupiah_ringkas(a['deviasi'])}.")
    s.catatan = (f"Pohon anggaran: {aa.NAMA_POHON.get(a['pohon'], '')}. Triwulan yang ada datanya: "
                 f"{aa.keterangan_triwulan(a['triwulan_data'])}.")
    return [s, _program(b)]


def _program(b: Bahan) -> Salindia:
    """Pagu, realisasi and serapan per program (or per jenis belanja, for an account tree), full width."""
    p, tw = b.periode, b.triwulan
    a = b.data["_anggaran"]
    if a["pohon"] == "program":
        baris = [dict(x) for x in b.data["anggaran"]["program"]]
        kepala, judul = "Program", f"Serapan per program s.d. {_periode(b)}"
    else:
        baris = [{**x, "uraian": x["jenis_belanja"]} for x in jenis_belanja(p, tw)]
        kepala, judul = "Jenis belanja", f"Serapan per jenis belanja s.d. {_periode(b)}"
    tampil = baris[:BARIS_TABEL_MAKS]
    kol_pagu, pagu = _kolom_rupiah("Pagu", [x["pagu"] for x in tampil])
    kol_real, real = _kolom_rupiah(f"Realisasi s.d. {fmt.triwulan(tw)}", [x["realisasi"] for x in tampil])
    tabel = Tabel([kepala, kol_pagu, kol_real, "Serapan", "Kategori"], [], [5.2, 1.6, 1.8, 1.3, 1.6],
                  kanan={1, 2, 3})
    bands = skala_bands(p, p.setelan.skala_serapan)
    for i, x in enumerate(tampil):
        k = kategori(x["serapan"], bands)
        tabel.baris.append([x["uraian"], pagu[i], real[i], fmt.persen(x["serapan"]),
                            k.label if k else BELUM_ADA])
        tabel.warnai(i, 4, k.warna if k else None)
    if len(baris) > BARIS_TABEL_MAKS:
        tabel.catatan = f"dan {len(baris) - BARIS_TABEL_MAKS} baris lain (lihat lembar Anggaran di buku kerja)"
    return Salindia("program", judul, f"Kategori serapan menurut skala {p.setelan.skala_serapan}", tabel=tabel)


# ---------------------------------------------------------------- SKM

def _skm(b: Bahan) -> Salindia:
    p, tw = b.periode, b.triwulan
    skm = b.data["_skm"]
    judul = f"Survei Kepuasan Masyarakat s.d. {_periode(b)}"
    if skm["ikm"] is None and skm["_menunggu"]:
        return Salindia("skm", judul, kosong=[f"Kecamatan ini melakukan {skm['_jadwal']}; belum ada hasil yang "
                                              f"jatuh s.d. {fmt.triwulan(tw)}."])
    if skm["ikm"] is None:
        return Salindia("skm", judul, kosong=[f"Belum ada data survei kepuasan masyarakat s.d. {fmt.triwulan(tw)}."])
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
                          [("IKM", list(ikm_tw.values()))], "[$-421]0.00", [BIRU], format_sumbu="[$-421]0",
                          warna_titik=[m.warna if (m := skm_f.mutu(v)) else ABU for v in ikm_tw.values()],
                          sumbu=(0, 100))
        s.poin.append("Hanya IKM tercetak per triwulan; NRR per unsur belum ada.")
    df = askm.tabel_ikm_triwulan(skm, tw)
    s.tabel = Tabel(["Triwulan", "IKM", "Mutu", "Responden"], [], [1.1, 1.0, 1.7, 1.3], kanan={1, 3})
    for i, r in enumerate(df.to_dict("records")):
        s.tabel.baris.append([r["Triwulan"], fmt.angka(r["IKM"]), r["Mutu"],
                              fmt.KOSONG if pd.isna(r["Responden"]) else fmt.angka(r["Responden"], 0)])
        s.tabel.warnai(i, 2, r["_warna"])
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
        return Salindia("desa", judul, kosong=[f"Belum ada data status desa tahun {b.tahun}."])
    g = b.data["_desa"]["gauge"]
    # the rasio is a percentage everywhere, also where the kecamatan's IKU states it as a ratio (0,64)
    kartu = Kartu("Rasio desa mandiri", fmt.persen(desa["rasio"]), g["kategori"] or "",
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
        desimal = 4 if p.setelan.skema_desa == "idm_2016" else 2
        kolom = ["Desa belum Mandiri", "Status", "Skor", "Kurang ke Mandiri (poin)", "Dimensi penghambat"]
        rows = [[r["Desa"], r["Status"], fmt.angka(r["Skor"], desimal),
                 fmt.angka(r["Kurang ke Mandiri (poin)"], desimal), r["Dimensi penghambat"]]
                for r in belum.to_dict("records")]
        pakai = [j for j in range(len(kolom)) if j < 2 or any(row[j] != fmt.KOSONG for row in rows)]
        tabel = Tabel([kolom[j] for j in pakai], [[row[j] for j in pakai] for row in rows[:BARIS_TABEL_SAMPING]],
                      [[1.5, 1.45, 0.85, 1.6, 1.8][j] for j in pakai],
                      kanan={i for i, j in enumerate(pakai) if j in (2, 3)})
        for i, r in enumerate(belum.to_dict("records")[:BARIS_TABEL_SAMPING]):
            tabel.warnai(i, 1, r["_warna_Status"])
        if len(belum) > BARIS_TABEL_SAMPING:
            tabel.catatan = f"dan {len(belum) - BARIS_TABEL_SAMPING} desa lain (lihat lembar Desa di buku kerja)"
        s.tabel = tabel
    s.catatan = f"Skema: {ad.skema_label(p)}. Kelurahan dan desa persiapan tidak dihitung."
    return s


# ---------------------------------------------------------------- follow-up proposals, then the appendix

def tindak_lanjut(b: Bahan) -> list[str]:
    """The follow-up the meeting is asked to agree on: the IKU's own tindak lanjut, then proposals drawn from
    the figures. Proposals only: no data checks, no instructions for the app (the deck's closing slides, the
    LKjIP's Bab IV)."""
    p, tw = b.periode, b.triwulan
    baris: list[IkuBaris] = b.data["_iku"]["baris"]
    poin = []
    faktor = _faktor_terakhir(ai.tabel_faktor([x.ind for x in baris], b.tahun, tw))
    for x in baris:
        tl = faktor.get(x.ind.kode, {}).get(ai.KOLOM_FAKTOR["tindak_lanjut"])
        if tl:
            poin.append(f"{x.ind.kode} {x.ind.nama}: {tl[1]}")
    for d in ai.peringatan_dini(baris, tw, skala_bands(p, p.setelan.skala_capaian)):
        x = next(y for y in baris if y.ind.kode == d["kode"])
        kata = "di atas" if x.ind.polaritas == "negatif" else "di bawah"
        poin.append(f"Percepat capaian {x.ind.kode} {x.ind.nama}: realisasi s.d. {fmt.triwulan(tw)} "
                    f"{fmt.nilai(x.realisasi, x.ind.satuan)} masih {kata} {ai.acuan_laju(x, tw)} "
                    f"{fmt.nilai(x.laju, x.ind.satuan)}.")
    a = b.data["_anggaran"]
    lambat = ang.ketertinggalan(a["serapan"], tw)
    if lambat is not None and lambat < 0:
        if tw < 4:
            poin.append(f"Percepat penyerapan anggaran: serapan s.d. {fmt.triwulan(tw)} {fmt.persen(a['serapan'])}, "
                        f"{fmt.angka(-lambat)} poin di bawah waktu berjalan ({fmt.persen(25.0 * tw, 0)}).")
        else:
            poin.append(f"Evaluasi penyebab sisa anggaran (serapan akhir tahun {fmt.persen(a['serapan'])}) untuk "
                        f"perencanaan anggaran {b.tahun + 1}.")
    e = askm.ekstrem(b.data["_skm"], p.setelan)
    if e:
        poin.append(f"Perbaiki pelayanan pada unsur SKM terendah: {e['terendah'][1]} "
                    f"(NRR {fmt.angka(e['terendah'][2], 3)}).")
    desa = b.data["desa"]
    if desa["rasio"] is not None and desa["jumlah"] and desa["mandiri"] < desa["jumlah"]:
        belum = ad.tabel_belum_mandiri(p, b.tahun, ad.pembanding(p, b.tahun, b.desa_kabupaten))
        nama = [f"{r['Desa']} ({r['Dimensi penghambat']})" if r["Dimensi penghambat"] != fmt.KOSONG else r["Desa"]
                for r in belum.to_dict("records")]
        siapa = ", ".join(nama[:4]) + (f" dan {len(nama) - 4} desa lain" if len(nama) > 4 else "")
        poin.append(f"Dampingi {desa['jumlah'] - desa['mandiri']} desa yang belum Mandiri pada dimensi "
                    f"penghambatnya: {siapa}.")
    return poin


def _penutup(b: Bahan) -> list[Salindia]:
    poin = tindak_lanjut(b)
    sub = f"Untuk dibahas dan disepakati dalam rapat evaluasi {_periode(b)}"
    if not poin:
        return [Salindia("penutup", "Usulan tindak lanjut", sub,
                         poin=["Belum ada usulan tindak lanjut untuk periode ini."])]
    kelompok = _bagi_per(poin, BATAS_POIN)
    return [Salindia("penutup", "Usulan tindak lanjut" + (" (lanjutan)" if j else ""), sub, poin=isi,
                     catatan="\n".join(f"- {x}" for x in isi)) for j, isi in enumerate(kelompok)]


def _peringatan(b: Bahan) -> list[Salindia]:
    """The appendix: the period's data warnings (none: no appendix)."""
    w = b.data["peringatan"]
    if not w:
        return []
    tabel = Tabel(["Catatan", "Lokasi", "Seharusnya", "Tertulis"], [], [4.4, 1.6, 1.7, 2.1])
    for x in w[:PERINGATAN_PER_SALINDIA]:
        tabel.baris.append([x["pesan"], x.get("lokasi", ""), x.get("diharapkan") or "", x.get("ditemukan") or ""])
    if len(w) > PERINGATAN_PER_SALINDIA:
        tabel.catatan = (f"dan {len(w) - PERINGATAN_PER_SALINDIA} catatan lain (lihat lembar Peringatan di buku "
                         "kerja)")
    return [Salindia("peringatan", f"Lampiran: catatan mutu data s.d. {_periode(b)}",
                     "Catatan ini tidak mengubah angka dalam dek; sumbernya perlu diperiksa sebelum laporan final.",
                     tabel=tabel, catatan="\n".join(f"- {x['pesan']} [{x.get('lokasi', '')}]" for x in w))]
