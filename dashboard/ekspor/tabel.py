"""Every table of an export, in order: the pages' own builders, gathered for the workbook and the CSV ZIP.

The figures come from `ringkasan()` (in `Bahan.data`) and the page builders (`dashboard.analisis_*`,
`dashboard.tabel`); this module only chooses, names and orders the tables. `ukuran_utama` is the
one table that exists only in the exports: the five headline measures as rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import analisis_anggaran as aa
from dashboard import analisis_desa as ad
from dashboard import analisis_iku as ai
from dashboard import analisis_skm as askm
from dashboard import efisiensi as efisiensi_f
from dashboard import format as fmt
from dashboard import tabel as tabel_f
from dashboard import unggah
from dashboard.ekspor.bahan import Bahan
from dashboard.ringkasan import indikator_tahun, jenis_belanja, pohon_periode, skala_bands

BELUM_ADA = "belum ada data"
LEMBAR = ("Ringkasan", "IKU", "Anggaran", "SKM", "Desa", "Peringatan", "Sumber Data")


@dataclass
class TabelEkspor:
    berkas: str  # the CSV's name in the ZIP, without `.csv`
    lembar: str | None  # the workbook sheet it goes to (None: CSV only)
    judul: str  # the heading above it in the sheet
    df: pd.DataFrame
    kosong: str  # what the sheet says when the table has no rows


# ---------------------------------------------------------------- the headline measures

def ukuran_utama(data: dict) -> list[dict]:
    """The five measures of the Ringkasan page (and the budget amounts behind serapan), with their
    category, its colour, a unit that tells the workbook how to format the value, and a note. The rasio
    desa mandiri is a percentage here whatever unit the kecamatan's IKU states it in, efisiensi a
    percentage (or points, for the `selisih` method)."""
    iku, ang, skm, desa, efi = data["iku"], data["anggaran"], data["skm"], data["_desa"], data["efisiensi"]
    tw = fmt.triwulan(data["triwulan"])
    kat_efi = efisiensi_f.kategori(efi["nilai"], efi["metode"])
    g = desa["gauge"]
    return [
        {"ukuran": "Rata-rata capaian IKU", "nilai": iku["rata_rata_capaian"], "satuan": "%",
         "kategori": iku["kategori"], "warna": data["_iku"]["warna"],
         "keterangan": f"{data['_iku']['terukur']} dari {data['_iku']['jumlah_iku']} IKU terukur; "
                       f"skala {iku['skala']}"},
        {"ukuran": f"Serapan anggaran s.d. {tw}", "nilai": ang["serapan"], "satuan": "%",
         "kategori": ang["kategori"], "warna": data["_anggaran"]["warna"],
         "keterangan": (f"{fmt.rupiah_ringkas(ang['realisasi'])} dari pagu {fmt.rupiah_ringkas(ang['pagu'])}"
                        if ang["serapan"] is not None else _ket_anggaran(data))},
        {"ukuran": "Rasio desa mandiri", "nilai": desa["rasio"], "satuan": "%",
         "kategori": g["kategori"], "warna": g["warna"],
         "keterangan": (f"{desa['mandiri']} Mandiri dari {desa['jumlah']} desa"
                        + (f"; target {fmt.persen(g['target'])}" if g["target"] is not None else "")
                        if desa["rasio"] is not None else f"belum ada status desa tahun {data['tahun']}")},
        {"ukuran": "Efisiensi", "nilai": efi["nilai"], "satuan": "poin" if efi["metode"] == "selisih" else "%",
         "kategori": kat_efi[0] if kat_efi else None, "warna": kat_efi[1] if kat_efi else None,
         "keterangan": f"metode {efisiensi_f.METODE[efi['metode']]}"},
        {"ukuran": "Indeks Kepuasan Masyarakat (IKM)", "nilai": skm["ikm"], "satuan": "",
         "kategori": f"{skm['mutu']} ({skm['kinerja']})" if skm["mutu"] else None, "warna": data["_skm"]["warna"],
         "keterangan": (f"rata-rata IKM triwulan; {fmt.angka(skm['responden'], 0)} responden"
                        if skm["responden"] else "rata-rata IKM triwulan") if skm["ikm"] is not None
         else f"belum ada data survei s.d. {tw}"},
        {"ukuran": "Pagu anggaran", "nilai": ang["pagu"], "satuan": "Rp", "kategori": None, "warna": None,
         "keterangan": "pagu terakhir (perubahan bila ada)"},
        {"ukuran": f"Realisasi anggaran s.d. {tw}", "nilai": ang["realisasi"], "satuan": "Rp", "kategori": None,
         "warna": None, "keterangan": _ket_anggaran(data) if ang["realisasi"] is None else "kumulatif"},
    ]


def _ket_anggaran(data: dict) -> str:
    ang = data["_anggaran"]
    if ang["pagu"] is None:
        return "belum ada data anggaran tahun ini"
    ada = ", ".join(fmt.triwulan(t) for t in ang["triwulan_data"]) or "tidak ada"
    return f"belum ada data realisasi {fmt.triwulan(data['triwulan'])} (triwulan yang ada: {ada})"


def tabel_ukuran(data: dict) -> pd.DataFrame:
    """The headline measures as a table; `_satuan` tells the workbook each value's format."""
    rows = [{"Ukuran": u["ukuran"], "Nilai": u["nilai"] if u["nilai"] is not None else BELUM_ADA,
             "Kategori": u["kategori"] or "", "Keterangan": u["keterangan"], "_warna": u["warna"],
             "_satuan": u["satuan"]} for u in ukuran_utama(data)]
    return pd.DataFrame(rows, columns=["Ukuran", "Nilai", "Kategori", "Keterangan", "_warna", "_satuan"])


# ---------------------------------------------------------------- all tables

def semua_tabel(b: Bahan) -> list[TabelEkspor]:
    """The headline measures, then every table of every page."""
    return [TabelEkspor("ringkasan", "Ringkasan", "Ukuran kinerja utama", tabel_ukuran(b.data), ""), *daftar_tabel(b)]


def daftar_tabel(b: Bahan) -> list[TabelEkspor]:
    """Every table of every page for the period, in sheet order (a sheet's first table is its main one)."""
    return [*_iku(b), *_anggaran(b), *_skm(b), *_desa(b), *_lain(b)]


def _per_indikator(b: Bahan, builder) -> pd.DataFrame:
    """A per-indicator page table for every indicator of the year, one block after another, keyed by Kode."""
    frames = []
    for ind in indikator_tahun(b.periode):
        df = builder(ind)
        if not df.empty:
            frames.append(df.assign(Kode=ind.kode)[["Kode", *[c for c in df.columns if c != "Kode"]]])
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _iku(b: Bahan) -> list[TabelEkspor]:
    p, tw = b.periode, b.triwulan
    baris = b.data["_iku"]["baris"]
    indikator = indikator_tahun(p)
    kosong = f"Belum ada data indikator untuk tahun {b.tahun}."
    return [
        TabelEkspor("iku_capaian", "IKU", f"Capaian indikator s.d. {fmt.triwulan(tw)}", ai.tabel_capaian(baris),
                    kosong),
        TabelEkspor("iku_faktor", "IKU", "Faktor pendorong, penghambat dan tindak lanjut",
                    ai.tabel_faktor(indikator, b.tahun, tw),
                    f"Belum ada data faktor pendorong/penghambat s.d. {fmt.triwulan(tw)}."),
        TabelEkspor("iku_triwulan", "IKU", "Per triwulan, dibanding tahun lalu",
                    _per_indikator(b, lambda ind: ai.tabel_triwulan(p, ind, tw)), kosong),
        TabelEkspor("iku_riwayat", "IKU", "Riwayat tahunan",
                    _per_indikator(b, lambda ind: ai.tabel_riwayat(p, ind, tw)), kosong),
        TabelEkspor("iku_versi_target", "IKU", "Versi target (PK, PK Perubahan, …)",
                    _per_indikator(b, lambda ind: ai.tabel_versi_target(ind, b.tahun)), kosong),
        TabelEkspor("ringkasan_iku", None, "IKU (halaman Ringkasan)", tabel_f.tabel_iku(b.data), kosong),
    ]


def _anggaran(b: Bahan) -> list[TabelEkspor]:
    p, tw = b.periode, b.triwulan
    ang = b.data["_anggaran"]
    bands = skala_bands(p, p.setelan.skala_serapan)
    _, pohon = pohon_periode(p)
    ada = tw in ang["triwulan_data"]
    kosong = f"Belum ada data anggaran tahun {b.tahun}."
    return [
        TabelEkspor("anggaran_pohon", "Anggaran",
                    f"Pagu dan realisasi s.d. {fmt.triwulan(tw)} per {aa.NAMA_POHON.get(ang['pohon'], 'kode')}",
                    aa.tabel_pohon(pohon, tw, ada, bands), kosong),
        TabelEkspor("anggaran_triwulan", "Anggaran", "Kumulatif per triwulan",
                    aa.tabel_triwulan(aa.per_triwulan(p)) if pohon else pd.DataFrame(), kosong),
        TabelEkspor("anggaran_jenis_belanja", "Anggaran", "Per jenis belanja",
                    aa.tabel_jenis_belanja(jenis_belanja(p, tw), bands), kosong),
        TabelEkspor("anggaran_terendah", "Anggaran", "Serapan terendah terhadap waktu berjalan",
                    aa.tabel_terendah(aa.terendah(pohon, tw), tw, bands) if ada else pd.DataFrame(),
                    f"Belum ada data realisasi {fmt.triwulan(tw)}."),
    ]


def _skm(b: Bahan) -> list[TabelEkspor]:
    p, tw = b.periode, b.triwulan
    skm = b.data["_skm"]
    kosong = (f"{skm['_jadwal'].capitalize()}; belum ada hasil yang jatuh s.d. {fmt.triwulan(tw)}."
              if skm["_menunggu"] else f"Belum ada data survei s.d. {fmt.triwulan(tw)}.")
    nrr = askm.tabel_nrr(skm, p.setelan, tw) if skm["nrr"] else pd.DataFrame()
    out = [
        TabelEkspor("skm_unsur", "SKM", f"NRR per unsur s.d. {fmt.triwulan(tw)}", nrr,
                    f"Belum ada data NRR per unsur s.d. {fmt.triwulan(tw)}."),
        TabelEkspor("skm_triwulan", "SKM", "IKM per triwulan",
                    askm.tabel_ikm_triwulan(skm, tw) if skm["_tw"] else pd.DataFrame(), kosong),
        TabelEkspor("skm_layanan", "SKM", "IKM per layanan (semua jawaban responden)",
                    askm.tabel_layanan(b.layanan, p.setelan), "Belum ada data jawaban responden per layanan.")
        if b.layanan or not askm.ada_rekap_layanan(p, tw) else
        TabelEkspor("skm_layanan", "SKM", "IKM per layanan (rekap per layanan)",
                    askm.tabel_layanan_rekap(p, tw), "Belum ada data per layanan."),
        TabelEkspor("skm_responden", "SKM", "Responden dan sampel minimum",
                    askm.tabel_responden(skm, tw, p.setelan.skm_populasi) if skm["_tw"] else pd.DataFrame(), kosong),
    ]
    for dimensi, judul in askm.PROFIL.items():
        out.append(TabelEkspor(f"skm_profil_{dimensi}", None, f"Profil responden: {judul}",
                               askm.tabel_profil(b.profil, dimensi), "Belum ada data profil responden."))
    out.append(TabelEkspor("skm_saran", None, "Saran responden", askm.tabel_saran(b.saran),
                           "Belum ada data saran responden."))
    return out


def _desa(b: Bahan) -> list[TabelEkspor]:
    p, tahun = b.periode, b.tahun
    kosong = f"Belum ada data status desa tahun {tahun}."
    ada = b.data["desa"]["rasio"] is not None
    pb = ad.pembanding(p, tahun, b.desa_kabupaten)
    return [
        TabelEkspor("desa", "Desa", f"Status desa {tahun}", ad.tabel_desa(p, tahun) if ada else pd.DataFrame(), kosong),
        TabelEkspor("desa_distribusi", "Desa", f"Jumlah desa per status {tahun}",
                    ad.tabel_distribusi(p, tahun) if ada else pd.DataFrame(), kosong),
        TabelEkspor("desa_belum_mandiri", "Desa", "Desa yang belum Mandiri dan dimensi penghambatnya",
                    ad.tabel_belum_mandiri(p, tahun, pb), "Semua desa sudah Mandiri." if ada else kosong),
        TabelEkspor("desa_perubahan_status", "Desa", f"Perubahan status dari {tahun - 1}",
                    ad.tabel_perubahan_status(p, tahun), f"Tidak ada perubahan status yang tercatat dari {tahun - 1}."),
        TabelEkspor("desa_rasio_tahunan", "Desa", "Rasio desa mandiri per tahun", ad.tabel_rasio_tahunan(p), kosong),
    ]


def _lain(b: Bahan) -> list[TabelEkspor]:
    from dashboard import analisis_kabupaten as ak

    kabupaten = ([TabelEkspor("kabupaten", None, "Perbandingan kecamatan se-kabupaten", ak.tabel_kabupaten(b.kabupaten),
                              "Belum ada data kecamatan lain.")] if b.kabupaten is not None else [])
    return [*kabupaten,
        TabelEkspor("peringatan", "Peringatan", f"Peringatan data s.d. {fmt.triwulan(b.triwulan)}",
                    tabel_peringatan(b.data["peringatan"]), "Tidak ada peringatan data untuk periode ini."),
        TabelEkspor("sumber_data", "Sumber Data", "Impor data di balik angka-angka ini", tabel_sumber(b.impor),
                    "Belum ada data yang diimpor untuk tahun ini."),
    ]


def tabel_peringatan(peringatan: list[dict]) -> pd.DataFrame:
    """The warnings table of the pages, with each warning's kind in words (never its code)."""
    from dashboard.pemeriksaan import nama_jenis

    df = tabel_f.tabel_peringatan(peringatan)
    return df.assign(Jenis=[nama_jenis(j) for j in df["Jenis"]])


def tabel_sumber(impor: list[dict]) -> pd.DataFrame:
    """The import log behind the figures (the Unggah Data page's table), with each file's SHA-256 for checking."""
    df = unggah.tabel_riwayat(impor)
    return df.assign(**{"SHA-256": [r["sha256"] for r in impor]})