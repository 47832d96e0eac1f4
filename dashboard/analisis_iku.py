"""The IKU page's analysis: per indicator, per TW, against last year, the Renstra and the pace.

Pure builders on a `Periode` and the `IkuBaris` rows of `ringkasan.iku_baris` (which holds every
formula: capaian, s.d. TW roll-up, Renstra, pace); this module only arranges them into tables,
chart data and warnings. `simpan_faktor` is the one write path of the page (through the import
engine, so that every change is logged).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard import format as fmt
from dashboard import iku as iku_f
from dashboard.data import IndikatorData, Periode, RealisasiTw
from dashboard.grafik import LEBAR_PENUH, tema
from dashboard.ringkasan import IkuBaris, iku_baris
from dashboard.skala import Band, urutkan

TW = (1, 2, 3, 4)
PENGGUNA = "operator"  # until user accounts exist (formats.md §1)
NAMA_FILE_ISIAN = "isian-manual-iku.csv"
KOLOM_FAKTOR = {"faktor_pendorong": "Faktor pendorong", "faktor_penghambat": "Faktor penghambat",
                "tindak_lanjut": "Tindak lanjut"}
WARNA_SERI = {"kini": "#1f5fa8", "lalu": "#9aa5b1", "target": "#d9480f"}



def _punya_target_tw(b: IkuBaris) -> bool:
    return any(v is not None for v in b.target_tw.values())


def label_tab(ind: IndikatorData, panjang: int = 32) -> str:
    """An indicator's tab on the page: its code and the start of its name (`IKU-1 · Persentase Desa Mandiri…`)."""
    nama = ind.nama if len(ind.nama) <= panjang else ind.nama[:panjang].rstrip() + "…"
    return f"{ind.kode} · {nama}"


def label_jenis(jenis: str) -> str:
    return "IKU" if jenis == "iku" else "IK"


# ---------------------------------------------------------------- the overview table

def tabel_capaian(baris: list[IkuBaris]) -> pd.DataFrame:
    """One row per indicator, s.d. the TW of the rows: targets, realisasi, capaian, Renstra, pace."""
    rows = []
    for b in baris:
        rows.append({
            "Kode": b.ind.kode, "Indikator": b.ind.nama, "Jenis": label_jenis(b.ind.jenis),
            "Satuan": b.ind.satuan or "", "Polaritas": b.ind.polaritas,
            "Target tahunan": b.target_tahunan, "Target s.d. TW": b.target, "Realisasi s.d. TW": b.realisasi,
            "Capaian (%)": b.capaian, "Kategori": b.kategori or ("belum diukur" if b.capaian is None else ""),
            "Target Renstra": b.target_renstra, "Capaian thd Renstra (%)": b.capaian_renstra,
            "Laju": status_laju(b), "_warna": b.warna,
        })
    return pd.DataFrame(rows, columns=["Kode", "Indikator", "Jenis", "Satuan", "Polaritas", "Target tahunan",
                                       "Target s.d. TW", "Realisasi s.d. TW", "Capaian (%)", "Kategori",
                                       "Target Renstra", "Capaian thd Renstra (%)", "Laju", "_warna"])


def status_laju(b: IkuBaris) -> str:
    if b.realisasi is None:
        return "belum diukur"
    if b.laju is None:
        return "tanpa target"
    return "tertinggal" if b.tertinggal else "sesuai laju"


# ---------------------------------------------------------------- early warning

def acuan_laju(b: IkuBaris, triwulan: int) -> str:
    """What the pace is measured against, in words (the value `ringkasan.iku_baris` put in `laju`)."""
    if _punya_target_tw(b) and b.target_tw.get(triwulan) is not None:
        return f"target {fmt.triwulan(triwulan)}"
    if not _punya_target_tw(b) and b.ind.agregasi == "jumlah":
        return f"{triwulan}/4 dari target tahunan {fmt.nilai(b.target_tahunan, b.ind.satuan)}"
    return "target tahunan"


def peringatan_dini(baris: list[IkuBaris], triwulan: int, skala: list[Band]) -> list[dict]:
    """Indicators whose s.d.-TW value is behind the pace their TW targets (or the year's target) require.

    At TW IV the year is over and nothing is early any more: an indicator whose capaian is already in the
    top band of the capaian scale in force (`skala`, e.g. "Sangat Tinggi") is not warned about."""
    puncak = urutkan(skala)[0].label if skala else None
    out = []
    for b in baris:
        if not b.tertinggal or (triwulan == 4 and puncak is not None and b.kategori == puncak):
            continue
        satuan = b.ind.satuan
        capaian_laju = iku_f.capaian(b.laju, b.realisasi, b.ind.polaritas)
        kata = "di atas" if b.ind.polaritas == "negatif" else "di bawah"
        pesan = (f"{b.ind.kode} {b.ind.nama}: realisasi s.d. {fmt.triwulan(triwulan)} "
                 f"{fmt.nilai(b.realisasi, satuan)} masih {kata} {acuan_laju(b, triwulan)} "
                 f"{fmt.nilai(b.laju, satuan)} (capaian terhadap laju {fmt.persen(capaian_laju)}).")
        out.append({"kode": b.ind.kode, "nama": b.ind.nama, "jenis": b.ind.jenis, "realisasi": b.realisasi,
                    "laju": b.laju, "capaian_laju": capaian_laju, "pesan": pesan})
    return out


# ---------------------------------------------------------------- per indicator

def _nilai_tampil(nilai_tw: dict[int, float | None], tw: int, agregasi: str) -> float | None:
    """The value plotted for a TW: the TW's own value, or the running sum for a flow (`jumlah`),
    whose targets are cumulative."""
    if nilai_tw.get(tw) is None:
        return None
    if agregasi == "jumlah":
        return iku_f.realisasi_sd(nilai_tw, tw, "jumlah")
    return nilai_tw[tw]


def tabel_triwulan(p: Periode, ind: IndikatorData, triwulan: int) -> pd.DataFrame:
    """TW I–IV of the year (this year's figures only up to the frame's TW) beside last year's.

    "Realisasi s.d. TW" is shown only where it differs from the TW's own value (a sum or a mean),
    "Laju dibutuhkan" only where it differs from the target (a flow without TW targets).
    """
    tahun = p.tahun
    lalu = ind.nilai_tw(tahun - 1)
    kini = ind.nilai_tw(tahun)
    rows = []
    for tw in TW:
        b = iku_baris(p, ind, tw)
        ada = tw <= triwulan
        rows.append({
            "Triwulan": fmt.triwulan(tw), "Target": b.target, "Laju dibutuhkan": b.laju,
            "Realisasi": kini.get(tw) if ada else None,
            "Realisasi s.d. TW": b.realisasi if ada else None,
            "Capaian (%)": b.capaian if ada else None,
            f"Realisasi {tahun - 1}": lalu.get(tw),
        })
    df = pd.DataFrame(rows)
    if all(r["Laju dibutuhkan"] == r["Target"] for r in rows):
        df = df.drop(columns="Laju dibutuhkan")
    if ind.agregasi == "terakhir":
        df = df.drop(columns="Realisasi s.d. TW")
    return df


def tabel_faktor(indikator: list[IndikatorData], tahun: int, triwulan: int) -> pd.DataFrame:
    """The faktor pendorong / penghambat and tindak lanjut written for each TW up to the frame's TW."""
    rows = []
    for ind in indikator:
        for tw in TW:
            r = ind.realisasi.get(tahun, {}).get(tw)
            if tw > triwulan or r is None or not any(_teks(getattr(r, k)) for k in KOLOM_FAKTOR):
                continue
            rows.append({"Kode": ind.kode, "Indikator": ind.nama, "Triwulan": fmt.triwulan(tw),
                         **{label: _teks(getattr(r, k)) or "" for k, label in KOLOM_FAKTOR.items()}})
    return pd.DataFrame(rows, columns=["Kode", "Indikator", "Triwulan", *KOLOM_FAKTOR.values()])


def data_grafik(p: Periode, ind: IndikatorData, triwulan: int) -> pd.DataFrame:
    """Long rows (triwulan, label, seri, nilai, teks) for the TW chart: this year up to the frame's TW,
    last year, and the target line (what TW n should have reached)."""
    tahun = p.tahun
    satuan = ind.satuan
    rows = []
    kini = ind.nilai_tw(tahun)
    for tw in TW:
        if tw <= triwulan:
            v = _nilai_tampil(kini, tw, ind.agregasi)
            if v is not None:
                rows.append((tw, f"Realisasi {tahun}", v, "kini"))
    lalu = ind.nilai_tw(tahun - 1)
    for tw in TW:
        v = _nilai_tampil(lalu, tw, ind.agregasi)
        if v is not None:
            rows.append((tw, f"Realisasi {tahun - 1}", v, "lalu"))
    for tw in TW:
        t = iku_baris(p, ind, tw).laju
        if t is not None:
            rows.append((tw, f"Target {tahun}", t, "target"))
    return pd.DataFrame([{"triwulan": tw, "label": fmt.triwulan(tw), "seri": seri, "peran": peran, "nilai": v,
                          "teks": fmt.nilai(v, satuan)} for tw, seri, v, peran in rows],
                        columns=["triwulan", "label", "seri", "peran", "nilai", "teks"])


def _domain_nilai(nilai: list[float]) -> list[float]:
    """The value axis: the values with room above for the labels; from 0 when they are all equal (a single
    value would give an axis of one tick, `55,55`…`55,55`)."""
    ada = [v for v in nilai if v is not None] or [0.0]
    bawah, atas = min(ada), max(ada)
    if atas - bawah < 1e-9:
        return [min(0.0, bawah), (atas or 1.0) * 1.25 if atas >= 0 else 0.0]
    ruang = atas - bawah
    return [bawah - 0.1 * ruang, atas + 0.2 * ruang]


def grafik_triwulan(df: pd.DataFrame, ind: IndikatorData, tahun: int) -> alt.LayerChart:
    """TW I–IV: this year's realisasi and last year's as lines with points, the target dashed."""
    seri = list(dict.fromkeys(df["seri"]))
    peran = dict(zip(df["seri"], df["peran"]))
    warna = alt.Scale(domain=seri, range=[WARNA_SERI[peran[s]] for s in seri])
    label_tw = [fmt.triwulan(t) for t in TW]
    satuan = f" ({ind.satuan})" if ind.satuan and ind.satuan.strip().lower() != "nilai" else ""
    dasar = alt.Chart(df).encode(
        x=alt.X("label:N", sort=label_tw, scale=alt.Scale(domain=label_tw), title=None,
                axis=alt.Axis(labelAngle=0)),
        y=alt.Y("nilai:Q", title=f"Nilai{satuan}", scale=alt.Scale(domain=_domain_nilai(df["nilai"].tolist()),
                                                                   nice=True),
                axis=alt.Axis(format=",.2~f", tickCount=5)),
        color=alt.Color("seri:N", scale=warna, title=None, legend=alt.Legend(orient="bottom", columns=2,
                                                                             labelLimit=200)),
        tooltip=[alt.Tooltip("seri:N", title="Seri"), alt.Tooltip("label:N", title="Triwulan"),
                 alt.Tooltip("teks:N", title="Nilai")])
    # Three layers only (a line with its points is one mark): Altair validates every layer of every chart.
    lapisan = [
        dasar.transform_filter(alt.datum.peran == "target").mark_line(
            strokeDash=[6, 4], strokeWidth=2, point=alt.OverlayMarkDef(shape="diamond", size=50, filled=True)),
        dasar.transform_filter(alt.datum.peran != "target").mark_line(
            strokeWidth=3, point=alt.OverlayMarkDef(size=80, filled=True)),
        dasar.transform_filter(alt.datum.peran == "kini").mark_text(dy=-12, fontSize=11, fontWeight="bold")
        .encode(text="teks:N"),
    ]
    chart = alt.layer(*lapisan).properties(height=240, width="container", autosize=LEBAR_PENUH,
                                           title=alt.TitleParams(f"{ind.kode} per triwulan", fontSize=14))
    return tema(chart, jenis="iku_triwulan", kode=ind.kode, tahun=tahun)


def tabel_versi_target(ind: IndikatorData, tahun: int) -> pd.DataFrame:
    """Every target version of the year, oldest first; the last one is in force."""
    versi = ind.target_versi.get(tahun, [])
    rows = []
    for i, v in enumerate(versi):
        rows.append({"Versi": v.versi or "tanpa versi", "Target tahunan": v.target,
                     **{f"Target {fmt.triwulan(tw)}": v.target_tw.get(tw) for tw in TW},
                     "Target akhir Renstra": v.target_renstra,
                     "Berlaku": "ya (terbaru)" if i == len(versi) - 1 else "tidak"})
    return pd.DataFrame(rows, columns=["Versi", "Target tahunan", *[f"Target {fmt.triwulan(tw)}" for tw in TW],
                                       "Target akhir Renstra", "Berlaku"])


def tabel_riwayat(p: Periode, ind: IndikatorData, triwulan: int) -> pd.DataFrame:
    """The indicator year by year (earlier years at TW IV, this year s.d. the frame's TW)."""
    tahun_ada = sorted({t for t in (*ind.realisasi, *ind.target_versi) if t <= p.tahun})
    rows = []
    for t in tahun_ada:
        b = iku_baris(p, ind, triwulan if t == p.tahun else 4, tahun=t)
        if b.realisasi is None and b.target_tahunan is None:
            continue
        rows.append({"Tahun": str(t), "Periode": f"s.d. {fmt.triwulan(triwulan if t == p.tahun else 4)}",
                     "Target": b.target, "Realisasi": b.realisasi, "Capaian (%)": b.capaian,
                     "Kategori": b.kategori or ("belum diukur" if b.capaian is None else ""), "_warna": b.warna})
    return pd.DataFrame(rows, columns=["Tahun", "Periode", "Target", "Realisasi", "Capaian (%)", "Kategori", "_warna"])


# ---------------------------------------------------------------- faktor pendorong / penghambat / tindak lanjut

def boleh_ubah_faktor(pengguna, kecamatan_id: int) -> bool:
    """Whether the user may edit the faktor texts of this kecamatan (admins and its operators)."""
    from dashboard.akun import boleh

    return boleh(pengguna, "faktor", kecamatan_id)


def isian_faktor(ind: IndikatorData, tahun: int, triwulan: int) -> RealisasiTw | None:
    """The stored realisasi row of the TW (its value and texts), None when the TW has none."""
    return ind.realisasi.get(tahun, {}).get(triwulan)


def _teks(x: str | None) -> str | None:
    x = (x or "").strip()
    return x or None


def df_isian_faktor(ind: IndikatorData, tahun: int, triwulan: int, teks: dict[str, str | None]) -> pd.DataFrame:
    """The one-row `realisasi` frame that changes only the texts: the stored value and keterangan are kept."""
    lama = isian_faktor(ind, tahun, triwulan)
    return pd.DataFrame([{
        "kode": ind.kode, "tahun": tahun, "triwulan": triwulan,
        "realisasi": lama.nilai if lama else None, "keterangan": lama.keterangan if lama else None,
        **{k: _teks(teks.get(k)) for k in KOLOM_FAKTOR},
    }], columns=["kode", "tahun", "triwulan", "realisasi", "keterangan", *KOLOM_FAKTOR])


def faktor_berubah(ind: IndikatorData, tahun: int, triwulan: int, teks: dict[str, str | None]) -> bool:
    lama = isian_faktor(ind, tahun, triwulan)
    return any(_teks(teks.get(k)) != _teks(getattr(lama, k) if lama else None) for k in KOLOM_FAKTOR)


def simpan_faktor(kecamatan: str, ind: IndikatorData, tahun: int, triwulan: int, teks: dict[str, str | None],
                  pengguna=PENGGUNA):
    """Store the texts through the import engine's manual path (logged and undoable like any import)."""
    from dashboard.impor import impor_tabel

    df = df_isian_faktor(ind, tahun, triwulan, teks)
    return impor_tabel("realisasi", df, nama_file=NAMA_FILE_ISIAN, kecamatan=kecamatan, tahun=tahun,
                       triwulan=triwulan, pengguna=pengguna)
