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


LEBAR_GAUGE = 150  # five gauges beside the sidebar at 1280 px: a column is about 150 px wide
LEBAR_HURUF = 0.6  # a character's width in Source Sans / Arial, as a share of the font size (bold, generous)


def lebar_teks(teks: str, ukuran: float) -> float:
    """An upper estimate of a text's width in pixels (for fitting labels in a chart without a renderer)."""
    return len(teks) * ukuran * LEBAR_HURUF


def lipat(teks: str, ukuran: float, lebar: float) -> list[str]:
    """A text broken into lines that fit `lebar` pixels: at ` · ` first, then at spaces."""
    baris: list[str] = []
    for bagian in teks.split(" · "):
        if baris and lebar_teks(f"{baris[-1]} · {bagian}", ukuran) <= lebar:
            baris[-1] = f"{baris[-1]} · {bagian}"
            continue
        kini = ""
        for kata in bagian.split(" "):
            calon = f"{kini} {kata}".strip()
            if kini and lebar_teks(calon, ukuran) > lebar:
                baris.append(kini)
                calon = kata
            kini = calon
        baris.append(kini)
    return [b for b in baris if b]


def gauge(*, nilai: float | None, minimum: float, maksimum: float, pita: list[tuple[float, float, str, str]],
          teks: str, judul: str, keterangan: str = "", warna: str | None = None, ukuran: str = "",
          penanda: float | None = None, legenda: list[tuple[str, str]] = (), baris_legenda: int = 0,
          baris_ket: int = 0, lebar: int = LEBAR_GAUGE,
          kosong: str = "Belum ada data") -> alt.LayerChart:
    """A half-circle gauge: the scale's bands as an outer ring, the value as a filled arc with a marker
    (both clipped to the range); under the arc the exact figure, unclipped, its caption and a legend of
    the bands (colour, label, bound). Every text is sized or wrapped to fit `lebar`: the chart is drawn
    at that width and nothing of it is cut at 1280 px with five gauges beside the sidebar."""
    r_pita = lebar * 0.46
    r_luar = r_pita * 0.88
    r_dalam = r_pita * 0.62
    pusat = {"x": lebar / 2, "y": r_pita + 4}
    ukuran_angka = min(20.0, (lebar - 4) / (LEBAR_HURUF * max(len(teks), 1)))
    y_angka = pusat["y"] + 4 + ukuran_angka * 0.6
    ket = lipat(keterangan, 11, lebar - 4)
    y_ket = y_angka + ukuran_angka * 0.6 + 4
    y_legenda = y_ket + 13 * max(len(ket), baris_ket) + 6
    tinggi = int(y_legenda + 13 * max(baris_legenda, len(legenda)) + 2)
    # Every layer, arcs included, is placed through the same two scales, so the drawing holds
    # together whatever padding or size the renderer (Streamlit, vl-convert) gives the chart.
    skala_x = alt.Scale(domain=[0, lebar], range=[0, lebar])
    skala_y = alt.Scale(domain=[0, tinggi], range=[0, tinggi])  # pixels from the top
    xy = {"x": alt.X("x:Q", scale=skala_x, axis=None), "y": alt.Y("y:Q", scale=skala_y, axis=None)}

    def sudut(v: float) -> float:
        v = min(max(v, minimum), maksimum)
        return -math.pi / 2 + math.pi * (v - minimum) / (maksimum - minimum)

    def busur(df, r_in, r_out, **kw):
        df = df.assign(cx=pusat["x"], cy=pusat["y"])
        return (alt.Chart(df).mark_arc(innerRadius=r_in, outerRadius=r_out, **kw)
                .encode(x=alt.X("cx:Q", scale=skala_x, axis=None), y=alt.Y("cy:Q", scale=skala_y, axis=None),
                        theta=alt.Theta("t0:Q", scale=None), theta2="t1:Q", color=alt.Color("warna:N", scale=None)))

    def garis_jari(v: float, r0: float, r1: float, **kw):
        s = sudut(v)
        df = pd.DataFrame([{"x": pusat["x"] + math.sin(s) * r, "y": pusat["y"] - math.cos(s) * r, "u": i}
                           for i, r in enumerate((r0, r1))])
        return alt.Chart(df).mark_line(**kw).encode(**xy, order="u:Q")

    lapisan = [busur(pd.DataFrame([{"t0": sudut(minimum), "t1": sudut(maksimum), "warna": ABU}]), r_dalam, r_luar)]
    if pita:
        pita_df = pd.DataFrame([{"t0": sudut(a), "t1": sudut(b), "warna": w, "label": lbl,
                                 "rentang": f"{fmt.angka(a)} – {fmt.angka(b)}"} for a, b, w, lbl in pita])
        lapisan.append(busur(pita_df, r_luar + 2, r_pita).encode(
            tooltip=[alt.Tooltip("label:N", title="Kategori"), alt.Tooltip("rentang:N", title="Rentang")]))
    if nilai is not None:
        isi = pd.DataFrame([{"t0": sudut(minimum), "t1": sudut(nilai), "warna": warna or "#495057", "nilai": teks}])
        lapisan.append(busur(isi, r_dalam, r_luar).encode(tooltip=alt.Tooltip("nilai:N", title=judul)))
        lapisan.append(garis_jari(nilai, r_dalam * 0.92, r_pita, color="#212529", strokeWidth=3))
    if penanda is not None:
        lapisan.append(garis_jari(penanda, r_dalam, r_pita, color="#495057", strokeWidth=2, strokeDash=[3, 2]))
    angka_df = pd.DataFrame([{"x": lebar / 2, "y": y_angka, "t": teks if nilai is not None else kosong}])
    lapisan.append(alt.Chart(angka_df).mark_text(
        fontSize=ukuran_angka if nilai is not None else 13, fontWeight="bold", color="#212529", baseline="middle")
        .encode(**xy, text="t:N"))
    if ket:
        ket_df = pd.DataFrame([{"x": lebar / 2, "y": y_ket + 13 * i, "t": t} for i, t in enumerate(ket)])
        lapisan.append(alt.Chart(ket_df).mark_text(fontSize=11, color="#495057", baseline="top")
                       .encode(**xy, text="t:N"))
    if legenda:
        leg = pd.DataFrame([{"x": 4, "y": y_legenda + 13 * i + 5, "warna": w, "label": t, "xt": 12}
                            for i, (w, t) in enumerate(legenda)])
        lapisan.append(alt.Chart(leg).mark_square(size=50, opacity=1).encode(
            **xy, color=alt.Color("warna:N", scale=None)))
        lapisan.append(alt.Chart(leg).mark_text(fontSize=10, color="#343a40", align="left", baseline="middle")
                       .encode(x=alt.X("xt:Q", scale=skala_x, axis=None), y=alt.Y("y:Q", scale=skala_y, axis=None),
                               text="label:N"))
    chart = alt.layer(*lapisan).properties(width=lebar, height=tinggi, autosize=alt.AutoSizeParams(type="pad"),
                                           title=alt.TitleParams(judul, fontSize=13, anchor="middle"))
    return tema(chart, jenis="gauge", ukuran=ukuran, nilai=nilai, teks=teks, judul=judul, lebar=lebar,
                legenda=[t for _, t in legenda])


def legenda_skala(bands: list[Band]) -> list[tuple[str, str]]:
    """A scale's bands for a gauge legend, best first: (colour, `Sangat Tinggi ≥ 91`)."""
    return [(b.warna, f"{b.label} {'≥' if b.inklusif else '>'} {fmt.angka_ringkas(b.batas_bawah, 2)}")
            for b in urutkan(bands)]


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
    tw = data["triwulan"]
    bands_capaian = skala_bands(p, p.setelan.skala_capaian)
    bands_serapan = skala_bands(p, p.setelan.skala_serapan)
    g = desa["gauge"]
    rasio = desa["rasio"]
    if g["target"] is not None:
        ket_desa = f"target {teks_rasio(p, g['target'])}"
        pita_desa = [(0, g["target"], "#f08c00", "di bawah target"), (g["target"], 100, "#1b7f3b", "mencapai target")]
        leg_desa = [("#1b7f3b", f"mencapai ≥ {fmt.persen(g['target'])}"), ("#f08c00", "di bawah target")]
    else:
        ket_desa, pita_desa, leg_desa = "tanpa target IKU", [], []
    mn, mx, pita_efi = pita_efisiensi(efi["metode"])
    kat = ef.kategori(efi["nilai"], efi["metode"])
    nama_metode = {"tanah_laut": "metode Tanah Laut", "selisih": "metode selisih", "rasio": "metode rasio"}[efi["metode"]]
    seimbang = "100 %" if efi["metode"] == "rasio" else ("0 poin" if efi["metode"] == "selisih" else "0 %")
    leg_efi = [(w, f"{lbl} {tanda} {seimbang}") for (_, _, w, lbl), tanda in zip(reversed(pita_efi), (">", "=", "<"))]
    leg_ikm = [(w, f"{lbl} ≥ {fmt.angka(a)}" if a > 25 else f"{lbl} < {fmt.angka(b)}")
               for a, b, w, lbl in reversed(pita_mutu())]
    spek = [
        dict(nilai=iku["rata_rata_capaian"], minimum=0, maksimum=150, pita=pita_skala(bands_capaian, 0, 150),
             teks=fmt.persen(iku["rata_rata_capaian"]), judul="Capaian IKU", keterangan=iku["kategori"] or "",
             warna=data["_iku"]["warna"], ukuran="iku", legenda=legenda_skala(bands_capaian)),
        dict(nilai=ang["serapan"], minimum=0, maksimum=100, pita=pita_skala(bands_serapan, 0, 100),
             teks=fmt.persen(ang["serapan"]), judul=f"Serapan s.d. {fmt.triwulan(tw)}",
             keterangan=" · ".join(x for x in (ang["kategori"], f"waktu {25 * tw} %") if x),
             warna=data["_anggaran"]["warna"], ukuran="serapan", penanda=25 * tw, legenda=legenda_skala(bands_serapan)),
        dict(nilai=rasio, minimum=0, maksimum=100, pita=pita_desa, teks=teks_rasio(p, rasio), judul="Desa mandiri",
             keterangan=ket_desa, warna=g["warna"] or "#6c757d", ukuran="desa_mandiri", legenda=leg_desa),
        dict(nilai=efi["nilai"], minimum=mn, maksimum=mx, pita=pita_efi, teks=fmt.efisiensi(efi["nilai"], efi["metode"]),
             judul="Efisiensi", keterangan=f"{kat[0] if kat else ''} · {nama_metode}".strip(" ·"),
             warna=kat[1] if kat else None, ukuran="efisiensi", legenda=leg_efi),
        dict(nilai=skm["ikm"], minimum=25, maksimum=100, pita=pita_mutu(), teks=fmt.angka(skm["ikm"]),
             judul="IKM", keterangan=f"Mutu {skm['mutu']} ({skm['kinerja']})" if skm["mutu"] else
             data["_skm"]["_jadwal_pendek"] if data["_skm"].get("_menunggu") else "",
             kosong=(f"Hasil di {fmt.triwulan(min(t for t in skm['triwulan_survei'] if t > data['triwulan']))}"
                     if data["_skm"].get("_menunggu") else "Belum ada data"),
             warna=data["_skm"]["warna"], ukuran="ikm", legenda=leg_ikm),
    ]
    # One height for the five: the same number of caption lines and legend rows below every arc.
    baris = max(len(s["legenda"]) for s in spek)
    ket = max(len(lipat(s["keterangan"], 11, LEBAR_GAUGE - 4)) for s in spek)
    return [gauge(**s, baris_legenda=baris, baris_ket=ket) for s in spek]
