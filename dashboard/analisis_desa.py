"""The Desa page's analysis: every desa's score and status, the distribution, the rasio by year,
status changes, and what holds each desa that is not yet Mandiri back (domain §3.6).

The formulas live in `dashboard.desa` (status, rasio, dimensi_penghambat, selisih_mandiri) and
`dashboard.ringkasan` (desa_data, hitung_desa); this module arranges them into tables and charts.
`desa_mandiri_kabupaten` is the one query of the page: the Mandiri desa of the other kecamatan,
the comparison when the kecamatan has no Mandiri desa with dimension scores.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from dashboard import desa as desa_f
from dashboard import format as fmt
from dashboard.data import Periode
from dashboard.grafik import LEBAR_PENUH, tema
from dashboard.ringkasan import (adalah_rasio, ambang_desa, desa_data, hitung_desa, iku_baris, indikator_hitung,
                                 skema_desa)
from dashboard.ringkasan import teks_rasio  # noqa: F401  (the desa views show the rasio through this module)
from models.tables import Desa, DesaStatus, Kecamatan

ABU = "#9e9e9e"
DARI_SKOR = "dari skor"
SUMBER_DESA = {"desa": "status per desa", "rekap": "rekap jumlah per status"}



def skema(p: Periode, tahun: int | None = None) -> str:
    """The scheme of the year's statuses (a file may name it), else the kecamatan's setting."""
    return skema_desa(p, tahun)


def skema_label(p: Periode, tahun: int | None = None) -> str:
    return desa_f.SKEMA[skema(p, tahun)][0]


def skema_label_setelan(p: Periode) -> str:
    return desa_f.SKEMA[p.setelan.skema_desa][0]


def skema_berbeda(p: Periode, tahun: int | None = None) -> bool:
    """The year's statuses name a scheme other than the kecamatan's setting `skema_desa`."""
    return skema(p, tahun) != p.setelan.skema_desa


def ambang(p: Periode, tahun: int | None = None) -> list[tuple[float, bool, str]]:
    """The thresholds in force for the year's scheme (setting `ambang_<skema>`), highest first."""
    return ambang_desa(p, skema(p, tahun))


def teks_ambang(p: Periode, tahun: int | None = None) -> str:
    """`Mandiri ≥ 79,63 · Maju ≥ 69,35 · … · Sangat Tertinggal di bawahnya`."""
    digit = desa_f.SKEMA[skema(p, tahun)][2]
    bagian = [f"{s} {'≥' if inklusif else '>'} {fmt.angka(b, digit)}" for b, inklusif, s in ambang(p, tahun)]
    return " · ".join(bagian + ["Sangat Tertinggal di bawahnya"])


def batas_mandiri(p: Periode, tahun: int | None = None) -> float | None:
    return next((b for b, _, s in ambang(p, tahun) if s == "Mandiri"), None)


def teks_batas_mandiri(p: Periode, tahun: int | None = None) -> str:
    """The Mandiri threshold as the scheme prints it (`79,63`, `0,8155`)."""
    return fmt.angka(batas_mandiri(p, tahun), desa_f.SKEMA[skema(p, tahun)][2])


def dimensi_skema(p: Periode, tahun: int | None = None) -> tuple[str, ...]:
    return desa_f.SKEMA[skema(p, tahun)][3]


def tahun_status(p: Periode) -> list[int]:
    """The years (up to the period's) for which any desa has a status row or a count per status, oldest first."""
    return sorted({t for d in p.desa for t in d.status if t <= p.tahun} | {t for t in p.desa_rekap if t <= p.tahun})


def dari_rekap(p: Periode, tahun: int | None = None) -> bool:
    """The year's figures come from a table of counts per status, not from the desa's own statuses."""
    return hitung_desa(p, tahun)["sumber"] == "rekap"


def label_jenis(d: desa_f.DesaData) -> str:
    if d.jenis == "kelurahan":
        return "Kelurahan"
    return "Desa" if d.definitif else "Desa persiapan"


# ---------------------------------------------------------------- the desa-mandiri IKU and its unit

def indikator_rasio(p: Periode):
    """The IKU of the rasio desa mandiri (None when the kecamatan has none)."""
    return indikator_hitung(p, "rasio_desa_mandiri")


def pakai_rasio(p: Periode) -> bool:
    """Whether the kecamatan's desa-mandiri IKU states the rasio as a ratio (0,64) rather than a percentage.
    The pages show it as a percentage either way (`persen_iku`)."""
    ind = indikator_rasio(p)
    return ind is not None and adalah_rasio(ind.satuan)


def persen_iku(p: Periode, nilai: float | None) -> float | None:
    """A value of the desa-mandiri IKU (target, realisasi) as a percentage: 0,64 → 64 when its unit is Rasio."""
    if nilai is None:
        return None
    return nilai * 100 if pakai_rasio(p) else nilai


# ---------------------------------------------------------------- the kabupaten comparison

@dataclass(frozen=True)
class Pembanding:
    desa: tuple[desa_f.DesaData, ...]
    lingkup: str  # "kecamatan" | "kabupaten" | ""


def _mandiri_berdimensi(data: list[desa_f.DesaData]) -> list[desa_f.DesaData]:
    return [d for d in data if desa_f.dihitung(d) and d.status == "Mandiri" and d.dimensi]


def perlu_pembanding_kabupaten(p: Periode, tahun: int | None = None) -> bool:
    """True when some non-Mandiri desa has dimension scores but no Mandiri desa of the kecamatan has."""
    data = desa_data(p, tahun)
    belum = [d for d in data if desa_f.dihitung(d) and d.status and d.status != "Mandiri" and d.dimensi]
    return bool(belum) and not _mandiri_berdimensi(data)


def desa_mandiri_kabupaten(session: Session, kabupaten: str, tahun: int, dimensi: tuple[str, ...],
                           kecuali_kecamatan_id: int | None = None) -> list[desa_f.DesaData]:
    """The Mandiri desa (definitive, with dimension scores) of the kabupaten's other kecamatan in a year.

    One query for the whole kabupaten (the comparison of §3.6 when a kecamatan has no Mandiri desa).
    """
    kolom = [getattr(DesaStatus, d) for d in dimensi]
    q = (select(Desa.nama, DesaStatus.skor, *kolom)
         .join(DesaStatus, DesaStatus.desa_id == Desa.id)
         .join(Kecamatan, Kecamatan.id == Desa.kecamatan_id)
         .where(Kecamatan.kabupaten == kabupaten, DesaStatus.tahun == tahun, DesaStatus.status == "Mandiri",
                Desa.jenis == "desa", Desa.definitif.is_(True)))
    if kecuali_kecamatan_id is not None:
        q = q.where(Desa.kecamatan_id != kecuali_kecamatan_id)
    out = []
    for row in session.execute(q).all():
        dims = dict(zip(dimensi, row[2:]))
        if all(v is None for v in dims.values()):
            continue
        out.append(desa_f.DesaData(row[0], "desa", True, "Mandiri", row[1], dims))
    return out


def pembanding(p: Periode, tahun: int | None = None,
               kabupaten: list[desa_f.DesaData] | None = None) -> Pembanding:
    """The Mandiri desa a desa is compared with: the kecamatan's own, else the kabupaten's."""
    sendiri = _mandiri_berdimensi(desa_data(p, tahun))
    if sendiri:
        return Pembanding(tuple(sendiri), "kecamatan")
    if kabupaten:
        return Pembanding(tuple(kabupaten), "kabupaten")
    return Pembanding((), "")


# ---------------------------------------------------------------- tables

def tabel_desa(p: Periode, tahun: int | None = None) -> pd.DataFrame:
    """Every desa and kelurahan with score, status and dimension scores; kelurahan and desa
    persiapan are listed but not counted in the rasio."""
    tahun = tahun or p.tahun
    dims = dimensi_skema(p, tahun)
    rows = []
    data = desa_data(p, tahun)
    for d in data:
        rows.append({
            "Desa/Kelurahan": d.nama, "Jenis": label_jenis(d), "Dihitung": "ya" if desa_f.dihitung(d) else "tidak",
            "Skor": d.skor, "Status": d.status or ("—" if desa_f.dihitung(d) else "tidak dihitung"),
            "Asal status": DARI_SKOR if d.dari_skor else "berkas",
            **{desa_f.LABEL_DIMENSI[k]: (d.dimensi or {}).get(k) for k in dims},
            "_warna_Status": desa_f.WARNA_STATUS.get(d.status),
        })
    kolom = ["Desa/Kelurahan", "Jenis", "Dihitung", "Skor", "Status", "Asal status",
             *[desa_f.LABEL_DIMENSI[k] for k in dims], "_warna_Status"]
    df = pd.DataFrame(rows, columns=kolom)
    if not any(d.dari_skor for d in data):
        df = df.drop(columns=["Asal status"])
    kosong = [desa_f.LABEL_DIMENSI[k] for k in dims if df[desa_f.LABEL_DIMENSI[k]].isna().all()]
    return _desimal_skema(p, tahun, _poin_utuh(df.drop(columns=kosong), [desa_f.LABEL_DIMENSI[k] for k in dims]),
                          ["Skor", *(desa_f.LABEL_DIMENSI[k] for k in dims)])


def _desimal_skema(p: Periode, tahun: int, df: pd.DataFrame, kolom: list[str]) -> pd.DataFrame:
    """Scores shown to the decimals their scheme classifies on (IDM 2016: 4, as 0,8155)."""
    digit = desa_f.SKEMA[skema(p, tahun)][2]
    if digit != 2:
        df.attrs["desimal"] = {c: digit for c in kolom if c in df.columns}
    return df


def _poin_utuh(df: pd.DataFrame, kolom: list[str]) -> pd.DataFrame:
    """Dimension scores that are whole points (Indeks Desa 2024) as integers: shown as 126, not 126,00."""
    for c in kolom:
        if c in df.columns and df[c].notna().any() and df[c].dropna().map(lambda v: float(v).is_integer()).all():
            df[c] = df[c].astype("Int64")
    return df


def tabel_belum_mandiri(p: Periode, tahun: int | None = None, pb: Pembanding | None = None) -> pd.DataFrame:
    """Each counted desa not yet Mandiri: its gap to the Mandiri threshold and the dimension that
    holds it back most (lowest relative to the Mandiri desa's mean of that dimension)."""
    tahun = tahun or p.tahun
    pb = pb or pembanding(p, tahun)
    ambang_ = ambang(p, tahun)
    rows = []
    for d in desa_data(p, tahun):
        if not desa_f.dihitung(d) or not d.status or d.status == "Mandiri":
            continue
        hambat = desa_f.dimensi_penghambat(d, list(pb.desa)) if pb.desa else None
        nilai = acuan = rasio = None
        if hambat:
            dim, rasio = hambat
            nilai = d.dimensi[dim]
            acuan = nilai / rasio if rasio else None
        rows.append({
            "Desa": d.nama, "Status": d.status, "Skor": d.skor,
            "Kurang ke Mandiri (poin)": desa_f.selisih_mandiri(d.skor, skema(p, tahun), ambang_),
            "Dimensi penghambat": desa_f.LABEL_DIMENSI[hambat[0]] if hambat else "—",
            "Nilai dimensi": nilai, "Rata-rata desa Mandiri": acuan,
            "Terhadap rata-rata Mandiri (%)": None if rasio is None else rasio * 100,
            "_warna_Status": desa_f.WARNA_STATUS.get(d.status),
        })
    df = pd.DataFrame(rows, columns=["Desa", "Status", "Skor", "Kurang ke Mandiri (poin)", "Dimensi penghambat",
                                     "Nilai dimensi", "Rata-rata desa Mandiri", "Terhadap rata-rata Mandiri (%)",
                                     "_warna_Status"])
    return _desimal_skema(p, tahun, _poin_utuh(df, ["Nilai dimensi"]),
                          ["Skor", "Kurang ke Mandiri (poin)", "Nilai dimensi", "Rata-rata desa Mandiri"])


def tabel_perubahan_status(p: Periode, tahun: int | None = None) -> pd.DataFrame:
    """The desa whose status differs from the year before (both years known)."""
    tahun = tahun or p.tahun
    lalu = {d.nama: d.status for d in desa_data(p, tahun - 1)}
    rows = []
    for d in desa_data(p, tahun):
        sebelum = lalu.get(d.nama)
        if not desa_f.dihitung(d) or not d.status or not sebelum or sebelum == d.status:
            continue
        naik = (desa_f.STATUS.index(d.status) < desa_f.STATUS.index(sebelum)
                if d.status in desa_f.STATUS and sebelum in desa_f.STATUS else None)
        rows.append({"Desa": d.nama, f"Status {tahun - 1}": sebelum, f"Status {tahun}": d.status,
                     "Perubahan": "naik" if naik else ("turun" if naik is False else "berubah"),
                     f"_warna_Status {tahun - 1}": desa_f.WARNA_STATUS.get(sebelum),
                     f"_warna_Status {tahun}": desa_f.WARNA_STATUS.get(d.status)})
    return pd.DataFrame(rows, columns=["Desa", f"Status {tahun - 1}", f"Status {tahun}", "Perubahan",
                                       f"_warna_Status {tahun - 1}", f"_warna_Status {tahun}"])


def tabel_distribusi(p: Periode, tahun: int | None = None) -> pd.DataFrame:
    """Counted desa per status (all five statuses, zeros included)."""
    data = hitung_desa(p, tahun)
    return pd.DataFrame([{"Status": s, "Jumlah desa": n, "_warna": desa_f.WARNA_STATUS[s]}
                         for s, n in data["status"].items()], columns=["Status", "Jumlah desa", "_warna"])


def tabel_rasio_tahunan(p: Periode) -> pd.DataFrame:
    """The rasio desa mandiri per year: computed from the desa statuses, beside the IKU's official
    realisasi and target, all as percentages (an IKU stated as a ratio is converted)."""
    ind = indikator_rasio(p)
    kolom_rasio = "Rasio desa mandiri (%)"
    tahun_list = set(tahun_status(p))
    if ind is not None:
        tahun_list |= {t for t in (*ind.realisasi, *ind.target_versi) if t <= p.tahun}
    rows = []
    for t in sorted(tahun_list):
        h = hitung_desa(p, t)
        rasio = h["rasio"]
        b = iku_baris(p, ind, 4, tahun=t) if ind is not None else None
        rows.append({"Tahun": str(t), "Desa dihitung": h["jumlah"] if rasio is not None else None,
                     "Desa Mandiri": h["mandiri"], kolom_rasio: rasio,
                     "Realisasi IKU (%)": persen_iku(p, b.realisasi) if b else None,
                     "Target IKU (%)": persen_iku(p, b.target) if b else None,
                     "Sumber": SUMBER_DESA.get(h["sumber"], "")})
    df = pd.DataFrame(rows, columns=["Tahun", "Desa dihitung", "Desa Mandiri", kolom_rasio, "Realisasi IKU (%)",
                                     "Target IKU (%)", "Sumber"])
    return df if (df["Sumber"] == SUMBER_DESA["rekap"]).any() else df.drop(columns=["Sumber"])


def iku_rasio(p: Periode, triwulan: int = 4):
    """The desa-mandiri IKU's row s.d. the TW (its official target, realisasi and capaian), or None."""
    ind = indikator_rasio(p)
    return iku_baris(p, ind, triwulan) if ind is not None else None


# ---------------------------------------------------------------- charts

def grafik_distribusi(df: pd.DataFrame, tahun: int) -> alt.LayerChart:
    """Counted desa per status, one horizontal bar each in the status colour: the five status names stand
    on the side, one per row, so none is dropped however narrow the column."""
    urutan = list(desa_f.STATUS)
    puncak = max(int(df["Jumlah desa"].max()) if len(df) else 0, 1)
    dasar = alt.Chart(df).encode(
        y=alt.Y("Status:N", sort=urutan, scale=alt.Scale(domain=urutan), title=None,
                axis=alt.Axis(labelOverlap=False, labelLimit=160, labelFontSize=12)),
        x=alt.X("Jumlah desa:Q", title="Jumlah desa", scale=alt.Scale(domain=[0, puncak * 1.15], nice=False),
                axis=alt.Axis(tickMinStep=1, format="d", values=list(range(0, puncak + 1, max(1, puncak // 5))))),
        tooltip=[alt.Tooltip("Status:N"), alt.Tooltip("Jumlah desa:Q", format="d")])
    chart = alt.layer(
        dasar.mark_bar(cornerRadiusEnd=3).encode(
            color=alt.Color("Status:N", scale=alt.Scale(domain=urutan, range=[desa_f.WARNA_STATUS[s] for s in urutan]),
                            legend=None)),
        dasar.mark_text(align="left", dx=5, fontSize=13, fontWeight="bold").encode(text="Jumlah desa:Q"),
    ).properties(height=alt.Step(40), width="container", autosize=LEBAR_PENUH,
                 title=alt.TitleParams(f"Sebaran status desa {tahun}", fontSize=14))
    return tema(chart, jenis="desa_status", tahun=tahun)


def grafik_rasio_tahunan(df: pd.DataFrame, p: Periode) -> alt.LayerChart:
    """The rasio by year (from the statuses, and the IKU's realisasi) against the IKU target."""
    kolom = [c for c in df.columns if c.startswith("Rasio desa mandiri")][0]
    seri = {kolom: "Dari status desa", "Realisasi IKU (%)": "Realisasi IKU", "Target IKU (%)": "Target IKU"}
    panjang = []
    for _, r in df.iterrows():
        for k, nama in seri.items():
            v = r[k]
            if v is None or pd.isna(v):
                continue
            teks = fmt.persen(v)
            panjang.append({"Tahun": r["Tahun"], "seri": nama, "nilai": float(v), "teks": teks})
    data = pd.DataFrame(panjang, columns=["Tahun", "seri", "nilai", "teks"])
    domain = list(seri.values())
    warna = alt.Scale(domain=domain, range=["#1f5fa8", "#9aa5b1", "#d9480f"])
    dasar = alt.Chart(data).encode(
        x=alt.X("Tahun:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("nilai:Q", title="Persen desa Mandiri (%)", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("seri:N", scale=warna, title=None, legend=alt.Legend(orient="bottom", columns=2,
                                                                             labelLimit=200)),
        tooltip=[alt.Tooltip("seri:N", title="Seri"), alt.Tooltip("Tahun:O"), alt.Tooltip("teks:N", title="Nilai")])
    batang = dasar.transform_filter(alt.datum.seri == domain[0])
    garis = dasar.transform_filter(alt.datum.seri != domain[0])
    chart = alt.layer(
        batang.mark_bar(size=34, opacity=0.85),
        batang.mark_text(dy=-8, fontSize=12, fontWeight="bold").encode(text="teks:N"),
        garis.mark_line(strokeDash=[5, 3]),
        garis.mark_point(size=70, filled=True),
    ).properties(height=240, width="container", autosize=LEBAR_PENUH,
                 title=alt.TitleParams("Rasio desa mandiri per tahun", fontSize=14))
    return tema(chart, jenis="desa_rasio_tahunan")


def _tik_skor(atas: float) -> list[float]:
    """Axis values up to the largest score: tens on the 0–100 index, tenths on the 0–1 IDM."""
    langkah = 10 if atas > 2 else 0.1
    return [round(i * langkah, 4) for i in range(int(atas / langkah + 1e-9) + 1)]


def grafik_skor(p: Periode, tahun: int | None = None) -> alt.LayerChart | None:
    """Every counted desa's score, coloured by status, with the Mandiri threshold as a line."""
    tahun = tahun or p.tahun
    data = [d for d in desa_data(p, tahun) if desa_f.dihitung(d) and d.skor is not None]
    if not data:
        return None
    df = pd.DataFrame([{"Desa": d.nama, "Skor": d.skor, "Status": d.status or "—",
                        "teks": fmt.angka(d.skor, desa_f.SKEMA[skema(p, tahun)][2])}
                       for d in sorted(data, key=lambda d: d.skor, reverse=True)])
    urutan = [s for s in desa_f.STATUS if s in set(df["Status"])]
    batas = batas_mandiri(p, tahun)
    # The scores stand in a column right of the bars and of the Mandiri line: no figure crosses the line.
    kolom = max([float(df["Skor"].max()), batas or 0.0])
    dasar = alt.Chart(df).encode(
        y=alt.Y("Desa:N", sort=None, title=None),
        x=alt.X("Skor:Q", title=f"Skor ({skema_label(p, tahun)})",
                scale=alt.Scale(domain=[0, kolom * 1.14], nice=False), axis=alt.Axis(values=_tik_skor(kolom))),
        tooltip=[alt.Tooltip("Desa:N"), alt.Tooltip("teks:N", title="Skor"), alt.Tooltip("Status:N")])
    lapisan = [
        dasar.mark_bar().encode(color=alt.Color(
            "Status:N", scale=alt.Scale(domain=urutan, range=[desa_f.WARNA_STATUS.get(s, ABU) for s in urutan]),
            legend=alt.Legend(orient="bottom", title=None))),
        dasar.mark_text(align="left", dx=6, fontSize=11).encode(x=alt.datum(kolom), text="teks:N"),
    ]
    if batas is not None:
        garis = pd.DataFrame({"v": [batas], "teks": [f"batas Mandiri {teks_batas_mandiri(p, tahun)}"]})
        lapisan.append(alt.Chart(garis).mark_rule(color="#212529", strokeDash=[4, 3]).encode(x="v:Q"))
        lapisan.append(alt.Chart(garis).mark_text(align="right", dx=-4, dy=-6, fontSize=11, color="#212529")
                       .encode(x="v:Q", y=alt.value(0), text="teks:N"))
    chart = alt.layer(*lapisan).properties(height=max(160, 24 * len(df)), width="container", autosize=LEBAR_PENUH,
                                           title=alt.TitleParams(f"Skor desa {tahun}", fontSize=14))
    return tema(chart, jenis="desa_skor", tahun=tahun)
