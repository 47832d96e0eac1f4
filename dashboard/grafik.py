"""Altair chart builders. Pure functions: data in, chart out; the pages only render them.

Every chart carries `usermeta` naming what it shows, so tests (and the PowerPoint export) can
find a chart in a page's Vega-Lite specs without depending on its drawing.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from dashboard import format as fmt
from dashboard.skala import Band, urutkan

FONT = "Source Sans Pro, Arial, sans-serif"
ABU = "#e9ecef"


# Axis numbers in Indonesian format (`1.234,5`); plots that fill the width but keep their height
# (Streamlit's default "fit" would squeeze the plot into the given height).
LOCALE = alt.Locale(number=alt.NumberLocale(decimal=",", thousands=".", grouping=[3], currency=["Rp ", ""]))
LEBAR_PENUH = alt.AutoSizeParams(type="fit-x", contains="padding")


def tema(chart, **meta):
    return chart.properties(usermeta={"pantau": meta}).configure(font=FONT, view=alt.ViewConfig(stroke=None),
                                                                 locale=LOCALE)



# ---------------------------------------------------------------- gauges

def pita_skala(bands: list[Band], minimum: float, maksimum: float) -> list[tuple[float, float, str, str]]:
    """The bands of a scale as (from, to, colour, label) segments within [minimum, maksimum]."""
    segs = []
    atas = maksimum
    for b in urutkan(bands):
        bawah = max(b.batas_bawah, minimum)
        if atas > bawah:
            segs.append((bawah, atas, b.warna, b.label))
        atas = min(atas, b.batas_bawah)
        if atas <= minimum:
            break
    if atas > minimum and segs:
        segs.append((minimum, atas, urutkan(bands)[-1].warna, urutkan(bands)[-1].label))
    return sorted(segs)


def gauge(*, nilai: float | None, minimum: float, maksimum: float, pita: list[tuple[float, float, str, str]],
          teks: str, judul: str, keterangan: str = "", warna: str | None = None, ukuran: str = "",
          penanda: float | None = None, lebar: int = 196, kosong: str = "Belum ada data") -> alt.LayerChart:
    """A half-circle gauge: the scale's bands as an outer ring, the value as a filled arc with a
    marker (both clipped to the range), and the exact figure, unclipped, in the middle."""
    tinggi = int(lebar * 0.70)
    r_pita = lebar * 0.46
    r_luar = r_pita * 0.88
    r_dalam = r_pita * 0.62
    pusat = {"x": lebar / 2, "y": tinggi * 0.86}
    # Every layer, arcs included, is placed through the same two scales, so the drawing holds
    # together whatever padding or size the renderer (Streamlit, vl-convert) gives the chart.
    skala_x = alt.Scale(domain=[0, lebar], range=[0, lebar])
    skala_y = alt.Scale(domain=[0, tinggi], range=[0, tinggi])  # pixels from the top

    def sudut(v: float) -> float:
        v = min(max(v, minimum), maksimum)
        return -math.pi / 2 + math.pi * (v - minimum) / (maksimum - minimum)

    def busur(df, r_in, r_out, **kw):
        df = df.assign(cx=pusat["x"], cy=pusat["y"])
        return (alt.Chart(df).mark_arc(innerRadius=r_in, outerRadius=r_out, **kw)
                .encode(x=alt.X("cx:Q", scale=skala_x, axis=None), y=alt.Y("cy:Q", scale=skala_y, axis=None),
                        theta=alt.Theta("t0:Q", scale=None), theta2="t1:Q", color=alt.Color("warna:N", scale=None)))

    lapisan = [busur(pd.DataFrame([{"t0": sudut(minimum), "t1": sudut(maksimum), "warna": ABU}]), r_dalam, r_luar)]
    if pita:
        pita_df = pd.DataFrame([{"t0": sudut(a), "t1": sudut(b), "warna": w, "label": lbl,
                                 "rentang": f"{fmt.angka(a)} – {fmt.angka(b)}"} for a, b, w, lbl in pita])
        lapisan.append(busur(pita_df, r_luar + 2, r_pita).encode(
            tooltip=[alt.Tooltip("label:N", title="Kategori"), alt.Tooltip("rentang:N", title="Rentang")]))
    if nilai is not None:
        isi = pd.DataFrame([{"t0": sudut(minimum), "t1": sudut(nilai), "warna": warna or "#495057", "nilai": teks}])
        lapisan.append(busur(isi, r_dalam, r_luar).encode(tooltip=alt.Tooltip("nilai:N", title=judul)))
        s = sudut(nilai)
        jarum = pd.DataFrame([
            {"x": pusat["x"] + math.sin(s) * r_dalam * 0.92, "y": pusat["y"] - math.cos(s) * r_dalam * 0.92, "u": 0},
            {"x": pusat["x"] + math.sin(s) * r_pita * 1.04, "y": pusat["y"] - math.cos(s) * r_pita * 1.04, "u": 1}])
        lapisan.append(alt.Chart(jarum).mark_line(color="#212529", strokeWidth=3).encode(
            x=alt.X("x:Q", scale=skala_x, axis=None), y=alt.Y("y:Q", scale=skala_y, axis=None), order="u:Q"))
    if penanda is not None:
        s = sudut(penanda)
        garis = pd.DataFrame([
            {"x": pusat["x"] + math.sin(s) * r_dalam, "y": pusat["y"] - math.cos(s) * r_dalam, "u": 0},
            {"x": pusat["x"] + math.sin(s) * r_pita * 1.06, "y": pusat["y"] - math.cos(s) * r_pita * 1.06, "u": 1}])
        lapisan.append(alt.Chart(garis).mark_line(color="#495057", strokeWidth=2, strokeDash=[3, 2]).encode(
            x=alt.X("x:Q", scale=skala_x, axis=None), y=alt.Y("y:Q", scale=skala_y, axis=None), order="u:Q"))
    teks_df = pd.DataFrame([
        {"x": lebar / 2, "y": tinggi * 0.74, "t": teks if nilai is not None else kosong}])
    ket_df = pd.DataFrame([{"x": lebar / 2, "y": tinggi * 0.995, "t": keterangan}])
    lapisan.append(alt.Chart(teks_df).mark_text(
        fontSize=21 if nilai is not None else 14, fontWeight="bold", color="#212529", baseline="middle")
        .encode(x=alt.X("x:Q", scale=skala_x, axis=None), y=alt.Y("y:Q", scale=skala_y, axis=None), text="t:N"))
    lapisan.append(alt.Chart(ket_df).mark_text(fontSize=12, color="#495057", baseline="bottom")
                   .encode(x=alt.X("x:Q", scale=skala_x, axis=None), y=alt.Y("y:Q", scale=skala_y, axis=None),
                           text="t:N"))
    chart = alt.layer(*lapisan).properties(width=lebar, height=tinggi, autosize=alt.AutoSizeParams(type="pad"),
                                           title=alt.TitleParams(judul, fontSize=14, anchor="middle"))
    return tema(chart, jenis="gauge", ukuran=ukuran, nilai=nilai, teks=teks)


def pita_efisiensi(metode: str) -> tuple[float, float, list[tuple[float, float, str, str]]]:
    """Range and sign-coloured bands of the efficiency gauge (parity 0, or 100 for `rasio`)."""
    if metode == "rasio":
        return 0, 200, [(0, 99.995, "#a61e1e", "Tidak Efisien"), (99.995, 100.005, "#e0b400", "Sesuai"),
                        (100.005, 200, "#1b7f3b", "Efisien")]
    return -100, 100, [(-100, -0.005, "#a61e1e", "Tidak Efisien"), (-0.005, 0.005, "#e0b400", "Sesuai"),
                       (0.005, 100, "#1b7f3b", "Efisien")]


def pita_mutu() -> list[tuple[float, float, str, str]]:
    return [(25, 65, "#a61e1e", "D Tidak Baik"), (65, 76.61, "#f08c00", "C Kurang Baik"),
            (76.61, 88.31, "#5aa832", "B Baik"), (88.31, 100, "#1b7f3b", "A Sangat Baik")]


# ---------------------------------------------------------------- the five headline gauges

def gauges_ringkasan(data: dict, p) -> list:
    """The Ringkasan gauges, in order: IKU, serapan, desa mandiri, efisiensi, IKM (each named in usermeta)."""
    from dashboard import efisiensi as ef
    from dashboard.ringkasan import skala_bands, teks_rasio

    iku, ang, desa, efi, skm = data["iku"], data["anggaran"], data["_desa"], data["efisiensi"], data["skm"]
    bands_capaian = skala_bands(p, p.setelan.skala_capaian)
    bands_serapan = skala_bands(p, p.setelan.skala_serapan)
    out = [gauge(nilai=iku["rata_rata_capaian"], minimum=0, maksimum=150, pita=pita_skala(bands_capaian, 0, 150),
                 teks=fmt.persen(iku["rata_rata_capaian"]), judul="Rata-rata capaian IKU",
                 keterangan=iku["kategori"] or "", warna=data["_iku"]["warna"], ukuran="iku"),
           gauge(nilai=ang["serapan"], minimum=0, maksimum=100, pita=pita_skala(bands_serapan, 0, 100),
                 teks=fmt.persen(ang["serapan"]), judul=f"Serapan anggaran s.d. {fmt.triwulan(data['triwulan'])}",
                 keterangan=" · ".join(x for x in (ang["kategori"], f"waktu {25 * data['triwulan']} %") if x),
                 warna=data["_anggaran"]["warna"], ukuran="serapan", penanda=25 * data["triwulan"])]
    g = desa["gauge"]
    rasio = desa["rasio"]
    if g["target"] is not None:
        ket = f"target {teks_rasio(p, g['target'])}"
        pita = [(0, g["target"], "#f08c00", "di bawah target"), (g["target"], 100, "#1b7f3b", "mencapai target")]
    else:
        ket, pita = "tanpa target IKU", []
    out.append(gauge(nilai=rasio, minimum=0, maksimum=100, pita=pita, teks=teks_rasio(p, rasio), judul="Rasio desa mandiri",
                     keterangan=ket, warna=g["warna"] or "#6c757d", ukuran="desa_mandiri"))
    mn, mx, pita = pita_efisiensi(efi["metode"])
    kat = ef.kategori(efi["nilai"], efi["metode"])
    nama_metode = {"tanah_laut": "metode Tanah Laut", "selisih": "metode selisih", "rasio": "metode rasio"}[efi["metode"]]
    out.append(gauge(nilai=efi["nilai"], minimum=mn, maksimum=mx, pita=pita,
                     teks=(fmt.poin(efi["nilai"]) if efi["metode"] == "selisih" else fmt.angka(efi["nilai"])),
                     judul="Efisiensi", keterangan=f"{kat[0] if kat else ''} · {nama_metode}".strip(" ·"),
                     warna=kat[1] if kat else None, ukuran="efisiensi"))
    out.append(gauge(nilai=skm["ikm"], minimum=25, maksimum=100, pita=pita_mutu(), teks=fmt.angka(skm["ikm"]),
                     judul="Kepuasan masyarakat (IKM)",
                     keterangan=f"Mutu {skm['mutu']} ({skm['kinerja']})" if skm["mutu"] else
                     data["_skm"]["_jadwal_pendek"] if data["_skm"].get("_menunggu") else "",
                     kosong=(f"Hasil di {fmt.triwulan(min(t for t in skm['triwulan_survei'] if t > data['triwulan']))}"
                             if data["_skm"].get("_menunggu") else "Belum ada data"),
                     warna=data["_skm"]["warna"], ukuran="ikm"))
    return out
