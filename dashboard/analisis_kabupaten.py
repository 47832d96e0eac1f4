"""The Kabupaten page: every kecamatan of a kabupaten side by side, for one period.

One batched read (`muat_periode` with all the kabupaten's kecamatan ids: a fixed number of queries
whatever their number), then `ringkasan()` per kecamatan: the figures are the ones each kecamatan's
own Ringkasan page shows. Efficiency is compared with one method for all (the chosen kecamatan's),
taken from the summary's `efisiensi.semua`, so that the bars are comparable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from statistics import fmean

import altair as alt
import pandas as pd
from sqlmodel import Session

from dashboard import efisiensi as efisiensi_f
from dashboard import format as fmt
from dashboard import skm as skm_f
from dashboard.data import Periode, muat_periode
from dashboard.grafik import tema
from dashboard.ringkasan import ringkasan, skala_bands
from dashboard.skala import kategori

# key, label, column of the table
UKURAN = {
    "iku": "Rata-rata capaian IKU",
    "serapan": "Serapan anggaran",
    "desa": "Rasio desa mandiri",
    "efisiensi": "Efisiensi",
    "ikm": "IKM",
}
NAMA_METODE = {"tanah_laut": "metode Tanah Laut", "selisih": "metode selisih", "rasio": "metode rasio"}
SINGKAT_METODE = {"tanah_laut": "Tanah Laut", "selisih": "selisih", "rasio": "rasio"}
BELUM_ADA = "belum ada data"
RATA_RATA = "Rata-rata kabupaten"
NETRAL = "#6c757d"


@dataclass
class BarisKabupaten:
    """The five headline figures of one kecamatan (None where its data is missing)."""

    kecamatan: str
    sintetis: bool
    iku: float | None
    kategori_iku: str | None
    warna_iku: str | None
    serapan: float | None
    kategori_serapan: str | None
    warna_serapan: str | None
    desa: float | None
    mandiri: int | None
    jumlah_desa: int | None
    warna_desa: str | None
    efisiensi: float | None
    kategori_efisiensi: str | None
    warna_efisiensi: str | None
    ikm: float | None
    mutu: str | None
    kinerja: str | None
    warna_ikm: str | None
    ikm_jadwal: str | None = None  # an annual/semester survey with no result due yet: not missing data

    @property
    def ada_data(self) -> bool:
        return any(self.nilai(k) is not None for k in UKURAN)

    def nilai(self, ukuran: str) -> float | None:
        return getattr(self, ukuran)


@dataclass
class Perbandingan:
    kabupaten: str
    tahun: int
    triwulan: int
    acuan: str  # the chosen kecamatan, whose settings name the efficiency method and the mean's categories
    metode: str
    skala_capaian: str
    baris: list[BarisKabupaten]
    rata: BarisKabupaten  # the kabupaten's mean (plain mean of the kecamatan that have the figure)
    tanpa_sintetis: bool = False  # the mean leaves the synthetic kecamatan out (the kabupaten has real data)


def anggota(kecamatan: list[dict], nama: str) -> tuple[str, list[dict]]:
    """The kabupaten of `nama` and all its kecamatan (from `data.kecamatan_list`)."""
    kab = next(k["kabupaten"] for k in kecamatan if k["nama"] == nama)
    return kab, [k for k in kecamatan if k["kabupaten"] == kab]


def muat_kabupaten(session: Session, kecamatan_ids: list[int], tahun: int) -> dict[int, Periode]:
    """All kecamatan of the kabupaten in one batched read."""
    return muat_periode(session, kecamatan_ids, tahun)


def bandingkan(periode: dict[int, Periode], triwulan: int, acuan: str) -> Perbandingan:
    """Every kecamatan's headline figures s.d. the triwulan, and the kabupaten's mean."""
    p_acuan = next(p for p in periode.values() if p.kecamatan == acuan)
    metode = p_acuan.setelan.efisiensi_metode
    baris = [_baris(p, triwulan, metode) for p in sorted(periode.values(), key=lambda p: p.kecamatan)]
    # Synthetic figures never move a real kabupaten's mean; a kabupaten of synthetic kecamatan only keeps them.
    nyata = [b for b in baris if not b.sintetis]
    dasar = nyata if any(b.ada_data for b in nyata) else baris
    return Perbandingan(kabupaten=p_acuan.kabupaten, tahun=p_acuan.tahun, triwulan=triwulan, acuan=acuan,
                        metode=metode, skala_capaian=p_acuan.setelan.skala_capaian, baris=baris,
                        rata=_rata(dasar, p_acuan, metode), tanpa_sintetis=len(dasar) < len(baris))


def dasar_rata(hasil: Perbandingan) -> list[BarisKabupaten]:
    """The kecamatan the kabupaten's mean is taken over."""
    return [b for b in hasil.baris if not (hasil.tanpa_sintetis and b.sintetis)]


def _baris(p: Periode, triwulan: int, metode: str) -> BarisKabupaten:
    d = ringkasan(p, triwulan, dengan_peringatan=False)
    efi = d["efisiensi"]["semua"][metode]
    kat_efi = efisiensi_f.kategori(efi, metode)
    desa = d["_desa"]
    return BarisKabupaten(
        kecamatan=p.kecamatan, sintetis=p.sintetis,
        iku=d["iku"]["rata_rata_capaian"], kategori_iku=d["iku"]["kategori"], warna_iku=d["_iku"]["warna"],
        serapan=d["anggaran"]["serapan"], kategori_serapan=d["anggaran"]["kategori"],
        warna_serapan=d["_anggaran"]["warna"],
        desa=desa["rasio"], mandiri=desa["mandiri"], jumlah_desa=desa["jumlah"],
        warna_desa=desa["gauge"]["warna"],
        efisiensi=efi, kategori_efisiensi=kat_efi[0] if kat_efi else None,
        warna_efisiensi=kat_efi[1] if kat_efi else None,
        ikm=d["skm"]["ikm"], mutu=d["skm"]["mutu"], kinerja=d["skm"]["kinerja"], warna_ikm=d["_skm"]["warna"],
        ikm_jadwal=d["_skm"]["_jadwal_pendek"] if d["_skm"]["_menunggu"] else None)


def _rata(baris: list[BarisKabupaten], p_acuan: Periode, metode: str) -> BarisKabupaten:
    def rata(ukuran):
        ada = [b.nilai(ukuran) for b in baris if b.nilai(ukuran) is not None]
        return fmean(ada) if ada else None

    iku, serapan, desa, efi, ikm = (rata(k) for k in UKURAN)
    k_iku = kategori(iku, skala_bands(p_acuan, p_acuan.setelan.skala_capaian))
    k_ser = kategori(serapan, skala_bands(p_acuan, p_acuan.setelan.skala_serapan))
    k_efi = efisiensi_f.kategori(efi, metode)
    m = skm_f.mutu(ikm)
    return BarisKabupaten(
        kecamatan=RATA_RATA, sintetis=False,
        iku=iku, kategori_iku=k_iku.label if k_iku else None, warna_iku=k_iku.warna if k_iku else None,
        serapan=serapan, kategori_serapan=k_ser.label if k_ser else None, warna_serapan=k_ser.warna if k_ser else None,
        desa=desa, mandiri=None, jumlah_desa=None, warna_desa=None,
        efisiensi=efi, kategori_efisiensi=k_efi[0] if k_efi else None, warna_efisiensi=k_efi[1] if k_efi else None,
        ikm=ikm, mutu=m.kode if m else None, kinerja=m.kinerja if m else None, warna_ikm=m.warna if m else None)


def peringkat(baris: list[BarisKabupaten], ukuran: str) -> list[tuple[int | None, BarisKabupaten]]:
    """Best first (higher is better for all five measures); without the figure last, by name, unranked."""
    ada = sorted((b for b in baris if b.nilai(ukuran) is not None), key=lambda b: (-b.nilai(ukuran), b.kecamatan))
    tanpa = sorted((b for b in baris if b.nilai(ukuran) is None), key=lambda b: (not b.ada_data, b.kecamatan))
    return [(i, b) for i, b in enumerate(ada, start=1)] + [(None, b) for b in tanpa]


def judul_efisiensi(metode: str) -> str:
    return f"Efisiensi ({SINGKAT_METODE[metode]})"


def kolom_efisiensi(metode: str) -> str:
    return {"tanah_laut": "Efisiensi Tanah Laut (%)", "selisih": "Efisiensi selisih (poin)",
            "rasio": "Efisiensi rasio (%)"}[metode]


PENDEK = {"iku": "IKU", "serapan": "serapan", "desa": "desa mandiri", "efisiensi": "efisiensi", "ikm": "IKM"}


def keterangan(b: BarisKabupaten, acuan: str | None = None, tandai_sintetis: bool = True) -> str:
    bagian = ["terpilih"] if b.kecamatan == acuan else []
    if not b.ada_data:
        bagian.append(BELUM_ADA)
    elif any(b.nilai(k) is None for k in UKURAN if not (k == "ikm" and b.ikm_jadwal)):
        ada = [PENDEK[k] for k in UKURAN if b.nilai(k) is not None]
        tanpa = [PENDEK[k] for k in UKURAN if b.nilai(k) is None and not (k == "ikm" and b.ikm_jadwal)]
        bagian.append("hanya data " + ", ".join(ada) if len(ada) < len(tanpa) else "belum ada " + ", ".join(tanpa))
    if b.ikm_jadwal and b.ikm is None:
        bagian.append(f"IKM: {b.ikm_jadwal}")
    if b.sintetis and tandai_sintetis:
        bagian.append("data sintetis")
    return "; ".join(bagian)


KOLOM = ["Peringkat", "Kecamatan", "Capaian IKU (%)", "Kategori IKU", "Serapan (%)", "Kategori serapan",
         "Desa mandiri (%)", "Mandiri / desa", "EFISIENSI", "IKM", "Mutu IKM", "Keterangan"]
KOLOM_CSV_SAJA = ("Kategori IKU", "Kategori serapan", "Mandiri / desa")  # CSV only; shown by colour / in charts


def tabel_kabupaten(hasil: Perbandingan, urut: str = "iku") -> pd.DataFrame:
    """One row per kecamatan ranked by `urut`, then the kabupaten's mean.

    Each figure's cell and its category cell carry the category colour (`_warna_<kolom>`; efficiency by
    its sign: efisien / sesuai / tidak efisien), so that a page short of width can show the coloured
    figures and leave the category labels to the CSV.
    """
    kol_efi = kolom_efisiensi(hasil.metode)
    tandai = not all(b.sintetis for b in hasil.baris)  # a kabupaten of synthetic kecamatan only: the banner says it
    rows = []
    for nomor, b in peringkat(hasil.baris, urut) + [(None, hasil.rata)]:
        rata = b is hasil.rata
        rows.append({
            "Peringkat": nomor, "Kecamatan": b.kecamatan,
            "Capaian IKU (%)": b.iku, "Kategori IKU": b.kategori_iku or "",
            "Serapan (%)": b.serapan, "Kategori serapan": b.kategori_serapan or "",
            "Desa mandiri (%)": b.desa,
            "Mandiri / desa": "" if b.mandiri is None else f"{b.mandiri} / {b.jumlah_desa}",
            kol_efi: b.efisiensi,
            "IKM": b.ikm, "Mutu IKM": f"{b.mutu} ({b.kinerja})" if b.mutu else "",
            "Keterangan": (("rata-rata tanpa data sintetis" if hasil.tanpa_sintetis else "rata-rata sederhana")
                           if rata else keterangan(b, hasil.acuan, tandai)),
            "_warna_Capaian IKU (%)": b.warna_iku, "_warna_Kategori IKU": b.warna_iku,
            "_warna_Serapan (%)": b.warna_serapan, "_warna_Kategori serapan": b.warna_serapan,
            f"_warna_{kol_efi}": b.warna_efisiensi, "_warna_IKM": b.warna_ikm, "_warna_Mutu IKM": b.warna_ikm,
            "_tebal": rata,
        })
    kolom = [kol_efi if c == "EFISIENSI" else c for c in KOLOM]
    df = pd.DataFrame(rows, columns=kolom + [c for c in rows[0] if c.startswith("_")])
    df["Peringkat"] = df["Peringkat"].astype("Int64")
    return df


def teks_nilai(ukuran: str, nilai: float | None, metode: str) -> str:
    if ukuran == "ikm":
        return fmt.angka(nilai)
    if ukuran == "efisiensi":
        return fmt.efisiensi(nilai, metode)
    return fmt.persen(nilai)


def _warna(b: BarisKabupaten, ukuran: str) -> str:
    return {"iku": b.warna_iku, "serapan": b.warna_serapan, "desa": b.warna_desa, "efisiensi": b.warna_efisiensi,
            "ikm": b.warna_ikm}[ukuran] or NETRAL


def data_grafik(hasil: Perbandingan, ukuran: str) -> pd.DataFrame:
    """The bars of one measure, best first (kecamatan without the figure are left out)."""
    rows = []
    for nomor, b in peringkat(hasil.baris, ukuran):
        if nomor is None:
            continue
        teks = teks_nilai(ukuran, b.nilai(ukuran), hasil.metode)
        if ukuran == "desa" and b.mandiri is not None:
            teks += f" · {b.mandiri}/{b.jumlah_desa}"
        rows.append({"kecamatan": b.kecamatan, "label": label_grafik(hasil, b.kecamatan),
                     "peringkat": nomor, "nilai": b.nilai(ukuran), "teks": teks, "warna": _warna(b, ukuran)})
    return pd.DataFrame(rows, columns=["kecamatan", "label", "peringkat", "nilai", "teks", "warna"])


def label_grafik(hasil: Perbandingan, kecamatan: str) -> str:
    """A synthetic kecamatan is marked in the axis label, unless every kecamatan of the kabupaten is."""
    sintetis = {b.kecamatan for b in hasil.baris if b.sintetis}
    if kecamatan in sintetis and len(sintetis) < len(hasil.baris):
        return f"{kecamatan} (sintetis)"
    return kecamatan


def judul_ukuran(ukuran: str, hasil: Perbandingan) -> str:
    if ukuran == "efisiensi":
        return judul_efisiensi(hasil.metode)
    if ukuran == "serapan":
        return f"Serapan anggaran s.d. {fmt.triwulan(hasil.triwulan)}"
    return UKURAN[ukuran]


def grafik_kabupaten(hasil: Perbandingan, ukuran: str, *, tinggi_baris: int = 24) -> alt.LayerChart | None:
    """Ranked horizontal bars of one measure with the kabupaten's mean as a dashed rule; the figures stand in
    a column right of every bar and of the mean, so no label crosses the rule. None when no kecamatan has
    the figure (the page says so instead of drawing an empty axis)."""
    df = data_grafik(hasil, ukuran)
    if df.empty or df["nilai"].isna().all():
        return None
    rata = hasil.rata.nilai(ukuran)
    judul = judul_ukuran(ukuran, hasil)
    sumbu = {"iku": "Capaian (%)", "serapan": "Serapan (%)", "desa": "Desa mandiri (%)", "ikm": "IKM",
             "efisiensi": {"tanah_laut": "Efisiensi (%)", "selisih": "Selisih (poin)", "rasio": "Rasio (%)"}[hasil.metode]
             }[ukuran]
    urutan = list(df["label"])
    acuan = label_grafik(hasil, hasil.acuan)
    y = alt.Y("label:N", sort=urutan, title=None,
              axis=alt.Axis(labelLimit=200, labelFontSize=12, labelFontWeight=alt.ExprRef(
                  f"datum.value === {json.dumps(acuan)} ? 'bold' : 'normal'")))
    ruang = 0.75 if ukuran == "desa" else 0.5  # the desa labels carry the count too ("80,00 % · 12/15")
    domain = _domain(df["nilai"].tolist() + [rata], ruang)
    kolom_teks = max(v for v in df["nilai"].tolist() + [rata, 0.0] if v is not None)
    x = alt.X("nilai:Q", title=sumbu, scale=alt.Scale(domain=domain, nice=False),
              axis=alt.Axis(format=",.2~f", values=_tik(domain[0], kolom_teks)))
    tooltip = [alt.Tooltip("kecamatan:N", title="Kecamatan"), alt.Tooltip("peringkat:Q", title="Peringkat"),
               alt.Tooltip("teks:N", title=judul)]
    base = alt.Chart(df)
    lapisan = [
        base.mark_bar(cornerRadiusEnd=2).encode(x=x, y=y, color=alt.Color("warna:N", scale=None), tooltip=tooltip),
        base.mark_text(align="left", dx=6, fontSize=11, color="#212529").encode(
            x=alt.datum(kolom_teks), y=y, text="teks:N", tooltip=tooltip),
    ]
    if rata is not None:
        teks_rata = f"Rata-rata kabupaten {teks_nilai(ukuran, rata, hasil.metode)}"
        garis = pd.DataFrame([{"rata_rata": rata, "teks": teks_rata}])
        lapisan.append(alt.Chart(garis).mark_rule(color="#212529", strokeDash=[5, 3], strokeWidth=1.5).encode(
            x="rata_rata:Q", tooltip=alt.Tooltip("teks:N", title="Garis")))
    chart = alt.layer(*lapisan).properties(
        height=alt.Step(tinggi_baris), width="container",
        title=alt.TitleParams(judul, anchor="start", fontSize=14, subtitle=_subjudul(hasil, ukuran), offset=10,
                              subtitleColor="#495057", subtitleFontSize=12))
    return tema(chart, jenis="kabupaten_batang", ukuran=ukuran, rata_rata=rata, metode=hasil.metode
                 if ukuran == "efisiensi" else None)


def _subjudul(hasil: Perbandingan, ukuran: str) -> str:
    """The mean (the dashed rule) and the kecamatan without the figure."""
    rata = hasil.rata.nilai(ukuran)
    tanpa = " (tanpa sintetis)" if hasil.tanpa_sintetis else ""
    bagian = [f"- - - rata-rata kabupaten{tanpa} {teks_nilai(ukuran, rata, hasil.metode)}"] if rata is not None else []
    tanpa = [b.kecamatan for b in hasil.baris if b.nilai(ukuran) is None]
    if len(tanpa) > 2:
        bagian.append(f"belum ada data: {len(tanpa)} kecamatan")
    elif tanpa:
        bagian.append(f"belum ada data: {', '.join(tanpa)}")
    return " · ".join(bagian)


def _tik(bawah: float, atas: float) -> list[float]:
    """Round axis values from the lowest value to the largest bar (none under the label column)."""
    import math

    rentang = (atas - bawah) or 1.0
    langkah = 10 ** math.floor(math.log10(rentang / 4))
    langkah *= next(k for k in (1, 2, 2.5, 5, 10) if rentang / (langkah * k) <= 5)
    mulai = math.ceil(bawah / langkah) * langkah
    return [round(mulai + i * langkah, 10) for i in range(int((atas - mulai) / langkah + 1e-9) + 1)]


def _domain(nilai: list[float | None], ruang: float = 0.22) -> list[float]:
    """The value axis from 0 (or below, for a negative efficiency) with room for the labels at the bar ends."""
    ada = [v for v in nilai if v is not None] or [0.0]
    atas, bawah = max(max(ada), 0.0), min(min(ada), 0.0)
    rentang = (atas - bawah) or 1.0
    return [bawah - (0.1 * rentang if bawah < 0 else 0), atas + ruang * rentang]
