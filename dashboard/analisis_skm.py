"""What the SKM page shows: IKM per TW over the mutu bands, NRR per unsur, IKM per layanan, respondents
against the required sample, the respondents' profile and their *saran*.

The IKM and NRR figures come from `ringkasan.hitung_skm` / `skm_triwulan` and `dashboard.skm`; the
queries here read what the period summary does not carry (raw responses by layanan, profile, saran),
each in one query for the whole period, for the page to cache.
"""

from __future__ import annotations

import json
import math

import altair as alt
import pandas as pd
from sqlalchemy import func, select

from dashboard import format as fmt
from dashboard import skm as skm_f
from dashboard.grafik import pita_mutu, tema
from models.tables import SkmResponden

BELUM_ADA = "belum ada data"
SUMBER = {"responden": "jawaban responden", "rekap_nrr": "rekap NRR per unsur", "rekap_ikm": "IKM tercetak"}
NAMA_PERIODE = {"tahunan": "survei tahunan", "semester": "survei per semester", "campuran": "survei campuran"}
TANPA_SURVEI = "tidak ada survei"
WARNA_MUTU = {m.kode: m.warna for _, m in skm_f.MUTU}
KINERJA_MUTU = {m.kode: m.kinerja for _, m in skm_f.MUTU}
NAMA_BOBOT = {"1/9": "1/9 (tepat, PermenPANRB 14/2017)", "0.111": "0,111 (seperti laporan lama)"}
PROFIL = {"jenis_kelamin": "Jenis kelamin", "umur": "Umur", "pendidikan": "Pendidikan", "pekerjaan": "Pekerjaan"}
KELOMPOK_UMUR = ((20, "< 20 tahun"), (30, "20–29 tahun"), (40, "30–39 tahun"), (50, "40–49 tahun"),
                 (60, "50–59 tahun"), (math.inf, "≥ 60 tahun"))
JENIS_KELAMIN = {"l": "Laki-laki", "p": "Perempuan", "laki-laki": "Laki-laki", "perempuan": "Perempuan"}
TIDAK_DIISI = "tidak diisi"



def nama_bobot(bobot: str) -> str:
    return NAMA_BOBOT.get(bobot, bobot)


def unsur_tampil(setelan) -> list[tuple[str, str]]:
    """(kode, label) of the 9 unsur in the display order and with the labels of the settings."""
    urutan = [u for u in setelan.unsur_urutan if u in skm_f.UNSUR]
    urutan += [u for u in skm_f.UNSUR if u not in urutan]
    return [(u, setelan.unsur_label.get(u, skm_f.LABEL_UNSUR[u])) for u in urutan]


# ---------------------------------------------------------------- IKM per TW

def periode_survei(d, skm: dict) -> str:
    """`Tahunan`, `Semester I`, `Semester II` for a TW's data of that kind; '' for a quarterly survey."""
    jenis = d.periode if d is not None else skm.get("periode")
    if jenis == "tahunan":
        return "Tahunan"
    if jenis == "semester":
        return f"Semester {'I' if d.triwulan <= 2 else 'II'}" if d is not None else "Semester"
    return ""


def sumber_tw(d) -> str:
    """Where a TW's IKM comes from, in words (`IKM tercetak, 4 layanan`)."""
    teks = SUMBER.get(d.sumber, d.sumber)
    return f"{teks} per layanan ({d.layanan} layanan)" if d.layanan else teks


def tabel_ikm_triwulan(skm: dict, triwulan: int) -> pd.DataFrame:
    """One row per TW up to `triwulan` from `hitung_skm(...)`: the IKM of record, its mutu, the source,
    and where a printed IKM stands beside per-unsur NRR, the IKM recomputed from those NRR. A TW in which a
    semester or annual survey gives no result reads "tidak ada survei", not missing data."""
    per_tw = skm["_tw"]
    jadwal = set(skm.get("triwulan_survei") or range(1, 5))
    rows = []
    for tw in range(1, triwulan + 1):
        d = per_tw.get(tw)
        nilai = d.ikm if d else None
        m = skm_f.mutu(nilai)
        kosong = BELUM_ADA if tw in jadwal else TANPA_SURVEI
        rows.append({"Triwulan": fmt.triwulan(tw), "Periode survei": periode_survei(d, skm) if d else "",
                     "IKM": nilai, "Mutu": f"{m.kode} ({m.kinerja})" if m else kosong,
                     "_warna": m.warna if m else None,
                     "_warna_Mutu": m.warna if m else None, "IKM dari NRR": d.ikm_dihitung if d else None,
                     "Sumber": sumber_tw(d) if d and nilai is not None else "",
                     "Responden": d.responden if d else None})
    df = pd.DataFrame(rows, columns=["Triwulan", "Periode survei", "IKM", "Mutu", "_warna", "_warna_Mutu",
                                     "IKM dari NRR", "Sumber", "Responden"]).astype({"Responden": "Int64"})
    if df["IKM dari NRR"].isna().all():
        df = df.drop(columns=["IKM dari NRR"])
    if not df["Periode survei"].astype(bool).any():
        df = df.drop(columns=["Periode survei"])
    return df


def ada_jawaban(skm: dict) -> bool:
    """Whether any TW of the period comes from raw responses (per layanan, profile and saran need them)."""
    return any(d.sumber == "responden" for d in skm["_tw"].values())


def keterangan_sumber(df: pd.DataFrame) -> str:
    """`IKM tercetak (TW I, TW II); jawaban responden (TW III)` from the rows of `tabel_ikm_triwulan`."""
    per: dict[str, list[str]] = {}
    for tw, sumber in zip(df["Triwulan"], df["Sumber"]):
        if sumber:
            per.setdefault(sumber, []).append(tw)
    return "; ".join(f"{s} ({', '.join(t)})" for s, t in per.items()) or "—"


def selisih_tercetak(skm: dict) -> list[dict]:
    """The TWs whose printed IKM (the figure of record) differs from the one recomputed from the NRR."""
    out = []
    for tw, d in sorted(skm["_tw"].items()):
        if d.sumber == "rekap_ikm" and d.ikm is not None and d.ikm_dihitung is not None \
                and abs(d.ikm - d.ikm_dihitung) > skm_f.BATAS_SELISIH_IKM:
            out.append({"triwulan": tw, "tercetak": d.ikm, "dihitung": d.ikm_dihitung})
    return out


def data_ikm(skm: dict, triwulan: int) -> pd.DataFrame:
    """The points of the IKM chart: the quarters that have an IKM."""
    rows = []
    for tw in range(1, triwulan + 1):
        d = skm["_tw"].get(tw)
        if d is None or d.ikm is None:
            continue
        m = skm_f.mutu(d.ikm)
        rows.append({"triwulan": fmt.triwulan(tw), "ikm": d.ikm, "teks": fmt.angka(d.ikm),
                     "mutu": f"{m.kode} ({m.kinerja})", "warna": m.warna,
                     "sumber": " · ".join(x for x in (sumber_tw(d), periode_survei(d, {})) if x)})
    return pd.DataFrame(rows, columns=["triwulan", "ikm", "teks", "mutu", "warna", "sumber"])


def data_pita_mutu() -> pd.DataFrame:
    return pd.DataFrame([{"dari": a, "sampai": b, "warna": w, "mutu": label,
                          "rentang": f"{fmt.angka(a)} – {fmt.angka(b)}"} for a, b, w, label in pita_mutu()])


def grafik_ikm(df: pd.DataFrame, ikm_sd: float | None, triwulan: int) -> alt.LayerChart:
    """IKM per TW (line and points) over the coloured mutu bands, with the s.d. value as a dashed rule."""
    urut = [fmt.triwulan(t) for t in range(1, triwulan + 1)]
    terendah = min([65.0, *(df["ikm"].tolist() if len(df) else [])])
    bawah = 25.0 if terendah < 65 else 60.0
    skala_y = alt.Scale(domain=[bawah, 100], clamp=True)
    x = alt.X("triwulan:N", sort=urut, scale=alt.Scale(domain=urut), title=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y("ikm:Q", title="IKM", scale=skala_y)
    pita_df = data_pita_mutu()
    pita = alt.Chart(pita_df)
    # The band names on a second axis right of the plot: outside it, no name crosses the dashed line.
    tengah = {round((max(a, bawah) + b) / 2, 3): m for a, b, m in zip(pita_df["dari"], pita_df["sampai"],
                                                                      pita_df["mutu"]) if b > bawah}
    ekspresi = " : ".join(f"abs(datum.value - {v}) < 0.01 ? {json.dumps(m)}" for v, m in tengah.items()) + " : ''"
    nama_pita = alt.Chart(pd.DataFrame({"v": list(tengah)})).mark_tick(opacity=0).encode(
        y=alt.Y("v:Q", scale=skala_y, title=None, axis=alt.Axis(
            orient="right", values=list(tengah), labelExpr=ekspresi, ticks=False, domain=False, grid=False,
            labelColor="#495057", labelFontSize=11, labelLimit=120)))
    lapisan = [
        pita.mark_rect(opacity=0.16, clip=True).encode(
            y=alt.Y("dari:Q", scale=skala_y, title="IKM"), y2="sampai:Q", color=alt.Color("warna:N", scale=None),
            tooltip=[alt.Tooltip("mutu:N", title="Mutu"), alt.Tooltip("rentang:N", title="Rentang IKM")]),
    ]
    tooltip = [alt.Tooltip("triwulan:N", title="Triwulan"), alt.Tooltip("teks:N", title="IKM"),
               alt.Tooltip("mutu:N", title="Mutu"), alt.Tooltip("sumber:N", title="Sumber")]
    if len(df):
        titik = alt.Chart(df)
        lapisan += [
            titik.mark_line(color="#343a40", strokeWidth=2).encode(x=x, y=y),
            titik.mark_point(filled=True, size=110, opacity=1, stroke="#212529").encode(
                x=x, y=y, color=alt.Color("warna:N", scale=None), tooltip=tooltip),
            titik.mark_text(dy=-14, fontSize=13, fontWeight="bold", color="#212529").encode(x=x, y=y, text="teks:N"),
        ]
    subjudul = ""
    if ikm_sd is not None:
        subjudul = f"garis putus-putus: IKM s.d. {fmt.triwulan(triwulan)} = {fmt.angka(ikm_sd)} (rata-rata triwulan)"
        sd = pd.DataFrame([{"ikm": ikm_sd, "teks": f"s.d. {fmt.triwulan(triwulan)}: {fmt.angka(ikm_sd)}"}])
        lapisan.append(alt.Chart(sd).mark_rule(color="#212529", strokeDash=[5, 4]).encode(
            y=alt.Y("ikm:Q", scale=skala_y), tooltip=alt.Tooltip("teks:N", title="IKM")))
    chart = alt.layer(alt.layer(*lapisan), nama_pita).resolve_axis(y="independent").properties(
        height=300, width="container",
        title=alt.TitleParams("IKM per triwulan dan mutu pelayanan", subtitle=subjudul, subtitleColor="#495057"))
    return tema(chart, jenis="ikm_triwulan", ikm_sd=ikm_sd)


# ---------------------------------------------------------------- NRR per unsur

def tabel_nrr(skm: dict, setelan, triwulan: int) -> pd.DataFrame:
    """NRR per unsur per TW and s.d. the TW (the mean of the quarters, as `hitung_skm` gives it)."""
    per_tw = skm["_tw"]
    kolom_tw = [tw for tw in range(1, triwulan + 1) if tw in per_tw
                and any(v is not None for v in per_tw[tw].nrr.values())]
    kolom_sd = f"NRR s.d. {fmt.triwulan(triwulan)}"
    rows = []
    for u, label in unsur_tampil(setelan):
        nilai = skm["nrr"].get(u)
        mutu = skm_f.mutu_unsur(nilai)
        row = {"Kode": u, "Unsur": label}
        for tw in kolom_tw:
            row[f"NRR {fmt.triwulan(tw)}"] = per_tw[tw].nrr.get(u)
        row[kolom_sd] = nilai
        row["Mutu"] = f"{mutu} ({KINERJA_MUTU[mutu]})" if mutu else BELUM_ADA
        row["_warna"] = row["_warna_Mutu"] = WARNA_MUTU.get(mutu)
        row["_mutu"] = mutu
        rows.append(row)
    return pd.DataFrame(rows)


def ekstrem(skm: dict, setelan) -> dict | None:
    """The lowest and the highest unsur s.d. the TW (`skm.terendah_tertinggi`), with their labels."""
    rendah, tinggi = skm_f.terendah_tertinggi(skm["nrr"])
    if rendah is None:
        return None
    label = dict(unsur_tampil(setelan))
    return {"terendah": (rendah, label[rendah], skm["nrr"][rendah]),
            "tertinggi": (tinggi, label[tinggi], skm["nrr"][tinggi])}


def grafik_nrr(df: pd.DataFrame, triwulan: int) -> alt.LayerChart:
    """NRR per unsur as horizontal bars on the 1–4 scale, coloured by the unsur's mutu."""
    kolom = f"NRR s.d. {fmt.triwulan(triwulan)}"
    data = pd.DataFrame({"unsur": df["Unsur"], "kode": df["Kode"], "nrr": df[kolom],
                         "teks": df[kolom].map(lambda v: fmt.angka(v, 3)), "mutu": df["Mutu"],
                         "warna": df["_warna"].fillna("#9e9e9e")})
    data = data[data["nrr"].notna()]
    skala_x = alt.Scale(domain=[1, 4.6], nice=False)  # the figures stand in a column right of 4
    x = alt.X("nrr:Q", title="NRR (1–4)", scale=skala_x, axis=alt.Axis(values=[1, 1.5, 2, 2.5, 3, 3.5, 4],
                                                                      format=",.1f"))
    y = alt.Y("unsur:N", sort=None, title=None, axis=alt.Axis(labelLimit=320))
    batas = pd.DataFrame([{"v": b, "t": f"batas mutu {k}: NRR × 25 ≥ {fmt.angka(b * 25)}"}
                          for b, k in skm_f.MUTU_UNSUR if math.isfinite(b)])
    base = alt.Chart(data)
    chart = alt.layer(
        alt.Chart(batas).mark_rule(color="#adb5bd", strokeDash=[3, 3]).encode(
            x=alt.X("v:Q", scale=skala_x), tooltip=alt.Tooltip("t:N", title="Acuan")),
        base.mark_bar(height=alt.RelativeBandSize(0.7)).encode(
            x=x, x2=alt.X2(datum=1), y=y, color=alt.Color("warna:N", scale=None),
            tooltip=[alt.Tooltip("unsur:N", title="Unsur"), alt.Tooltip("kode:N", title="Kode"),
                     alt.Tooltip("teks:N", title="NRR"), alt.Tooltip("mutu:N", title="Mutu")]),
        base.mark_text(align="left", dx=6, fontSize=12).encode(x=alt.datum(4), y=y, text="teks:N"),
    ).properties(height=alt.Step(30), width="container",
                 title=f"Nilai rata-rata (NRR) per unsur, s.d. {fmt.triwulan(triwulan)}")
    return tema(chart, jenis="nrr_unsur", triwulan=triwulan)


# ---------------------------------------------------------------- respondents against the sample

PER_TAHUN = {"triwulan": 4, "semester": 2, "tahunan": 1}


def sampel_triwulan(populasi_tahunan: int | None, periode: str = "triwulan") -> int | None:
    """Required respondents of one survey: `skm.sampel_minimum` of the population of its period (the year's / 4
    for a quarter, / 2 for a semester, the year's for an annual survey; rounded up)."""
    if not populasi_tahunan:
        return None
    return skm_f.sampel_minimum(math.ceil(populasi_tahunan / PER_TAHUN.get(periode, 4)))


def tabel_responden(skm: dict, triwulan: int, populasi_tahunan: int | None) -> pd.DataFrame:
    jadwal = set(skm.get("triwulan_survei") or range(1, 5))
    rows = []
    for tw in range(1, triwulan + 1):
        d = skm["_tw"].get(tw)
        n = d.responden if d else None
        minimum = sampel_triwulan(populasi_tahunan, d.periode if d else skm.get("periode", "triwulan"))
        if d is None and tw not in jadwal:
            status, warna, minimum = TANPA_SURVEI, None, None
        elif n is None:
            status, warna = (BELUM_ADA if d is None else "jumlah responden tidak diketahui"), None
        elif minimum is None:
            status, warna = "tidak diketahui", None
        elif n >= minimum:
            status, warna = "memenuhi", WARNA_MUTU["A"]
        else:
            status, warna = f"kurang {minimum - n}", WARNA_MUTU["C"]
        rows.append({"Triwulan": fmt.triwulan(tw), "Responden": n, "Sampel minimum": minimum,
                     "Status": status, "_warna": warna})
    for r in rows:
        r["_warna_Status"] = r["_warna"]
    return pd.DataFrame(rows, columns=["Triwulan", "Responden", "Sampel minimum", "Status", "_warna",
                                       "_warna_Status"]).astype(
        {"Responden": "Int64", "Sampel minimum": "Int64"})


def grafik_responden(df: pd.DataFrame) -> alt.LayerChart:
    """Respondents per TW (bars) against the required sample (a tick per TW)."""
    data = df.rename(columns={"Triwulan": "triwulan", "Responden": "responden", "Sampel minimum": "minimum",
                              "Status": "status", "_warna": "warna"}).drop(columns=["_warna_Status"])
    data = data.assign(warna=data["warna"].fillna("#3b6ea5"),
                       label_minimum=data["minimum"].map(lambda v: "" if pd.isna(v) else f"min. {v}")).astype(object)
    data = data.where(data.notna(), None)
    urut = data["triwulan"].tolist()
    x = alt.X("triwulan:N", sort=urut, title=None, axis=alt.Axis(labelAngle=0))
    tooltip = [alt.Tooltip("triwulan:N", title="Triwulan"), alt.Tooltip("responden:Q", title="Responden"),
               alt.Tooltip("minimum:Q", title="Sampel minimum"), alt.Tooltip("status:N", title="Status")]
    base = alt.Chart(data)
    lapisan = [
        base.transform_filter(alt.datum.responden != None).mark_bar(size=40).encode(  # noqa: E711 (Vega expression)
            x=x, y=alt.Y("responden:Q", title="Responden"), color=alt.Color("warna:N", scale=None), tooltip=tooltip),
        base.transform_filter(alt.datum.responden != None).mark_text(dy=-8, fontSize=12).encode(  # noqa: E711
            x=x, y="responden:Q", text="responden:Q"),
    ]
    if data["minimum"].notna().any():
        lapisan.append(base.mark_tick(color="#212529", thickness=2, size=60).encode(
            x=x, y="minimum:Q", tooltip=tooltip))
        lapisan.append(base.mark_text(dy=-8, fontSize=11, color="#212529").encode(
            x=x, y="minimum:Q", text=alt.Text("label_minimum:N")))
    chart = alt.layer(*lapisan).properties(height=240, width="container",
                                           title="Responden per triwulan dan sampel minimum")
    return tema(chart, jenis="skm_responden")


# ---------------------------------------------------------------- raw responses: layanan, profile, saran

def _filter(kecamatan_id: int, tahun: int, triwulan: int):
    return (SkmResponden.kecamatan_id == kecamatan_id, SkmResponden.tahun == tahun,
            SkmResponden.triwulan <= triwulan)


def query_layanan(session, kecamatan_id: int, tahun: int, triwulan: int) -> list[dict]:
    """Σ scores and answers per unsur of every layanan, s.d. the TW (one query)."""
    cols = [getattr(SkmResponden, u.lower()) for u in skm_f.UNSUR]
    q = (select(SkmResponden.layanan, func.count(), *[func.sum(c) for c in cols], *[func.count(c) for c in cols])
         .where(*_filter(kecamatan_id, tahun, triwulan)).group_by(SkmResponden.layanan))
    out = []
    for row in session.execute(q).all():
        sums, counts = row[2:11], row[11:20]
        out.append({"layanan": row[0], "responden": row[1],
                    "jumlah": {u: float(s) for u, s in zip(skm_f.UNSUR, sums) if s is not None},
                    "terisi": {u: int(c) for u, c in zip(skm_f.UNSUR, counts)}})
    return out


def tabel_layanan(rows: list[dict], setelan) -> pd.DataFrame:
    """IKM per layanan over all raw responses of the period (pooled), the layanan with most respondents first."""
    label = dict(unsur_tampil(setelan))
    out = []
    for r in rows:
        nrr = {u: r["jumlah"].get(u, 0.0) / r["terisi"][u] if r["terisi"].get(u) else None for u in skm_f.UNSUR}
        nilai = skm_f.ikm(nrr, setelan.bobot_ikm)
        m = skm_f.mutu(nilai)
        rendah, _ = skm_f.terendah_tertinggi(nrr)
        out.append({"Layanan": (r["layanan"] or "").strip() or TIDAK_DIISI, "Responden": r["responden"],
                    "IKM": nilai, "Mutu": f"{m.kode} ({m.kinerja})" if m else "belum lengkap",
                    "_warna": m.warna if m else None, "_warna_Mutu": m.warna if m else None,
                    "Unsur terendah": f"{label[rendah]} ({fmt.angka(nrr[rendah], 3)})" if rendah else ""})
    df = pd.DataFrame(out, columns=["Layanan", "Responden", "IKM", "Mutu", "_warna", "_warna_Mutu", "Unsur terendah"])
    return df.sort_values(["Responden", "Layanan"], ascending=[False, True], kind="stable").reset_index(drop=True)


def ada_rekap_layanan(p, triwulan: int) -> bool:
    return any(d.layanan for tw, d in p.skm.items() if tw <= triwulan and not d.responden)


def tabel_layanan_rekap(p, triwulan: int) -> pd.DataFrame:
    """IKM per layanan from a rekap per layanan (an SKM portal's table), s.d. the TW: each layanan's IKM is the
    mean of its quarterly IKM (the printed one where given, else from its NRR), as for the kecamatan; its
    respondents are summed; the lowest unsur is the one with the lowest mean NRR."""
    label = dict(unsur_tampil(p.setelan))
    per: dict[str, dict] = {}
    for tw, d in sorted(p.skm.items()):
        if tw > triwulan or d.responden:
            continue
        for lay, nilai in d.layanan.items():
            x = per.setdefault(lay, {"ikm": {}, "nrr": {u: {} for u in skm_f.UNSUR}, "responden": []})
            ikm = nilai.get("IKM")
            if ikm is None:
                ikm = skm_f.ikm({u: nilai.get(u) for u in skm_f.UNSUR}, p.setelan.bobot_ikm)
            x["ikm"][tw] = ikm
            for u in skm_f.UNSUR:
                x["nrr"][u][tw] = nilai.get(u)
            if d.layanan_responden.get(lay) is not None:
                x["responden"].append(d.layanan_responden[lay])
    out = []
    for lay, x in per.items():
        nilai = skm_f.rata_rata_triwulan(x["ikm"], triwulan)
        nrr = {u: skm_f.rata_rata_triwulan(v, triwulan) for u, v in x["nrr"].items()}
        m = skm_f.mutu(nilai)
        rendah, _ = skm_f.terendah_tertinggi(nrr)
        out.append({"Layanan": lay, "Responden": sum(x["responden"]) if x["responden"] else None,
                    "IKM": nilai, "Mutu": f"{m.kode} ({m.kinerja})" if m else "belum lengkap",
                    "_warna": m.warna if m else None, "_warna_Mutu": m.warna if m else None,
                    "Unsur terendah": f"{label[rendah]} ({fmt.angka(nrr[rendah], 3)})" if rendah else "",
                    "Triwulan": ", ".join(fmt.triwulan(t) for t in sorted(x["ikm"]))})
    df = pd.DataFrame(out, columns=["Layanan", "Responden", "IKM", "Mutu", "_warna", "_warna_Mutu", "Unsur terendah",
                                    "Triwulan"]).astype({"Responden": "Int64"})
    return df.sort_values(["Responden", "Layanan"], ascending=[False, True], kind="stable",
                          na_position="last").reset_index(drop=True)


def query_profil(session, kecamatan_id: int, tahun: int, triwulan: int) -> list[dict]:
    """Respondent counts by jenis kelamin, umur, pendidikan and pekerjaan together (one grouped query)."""
    kolom = [SkmResponden.jenis_kelamin, SkmResponden.umur, SkmResponden.pendidikan, SkmResponden.pekerjaan]
    q = select(*kolom, func.count()).where(*_filter(kecamatan_id, tahun, triwulan)).group_by(*kolom)
    return [{"jenis_kelamin": jk, "umur": umur, "pendidikan": pend, "pekerjaan": kerja, "jumlah": n}
            for jk, umur, pend, kerja, n in session.execute(q).all()]


def kelompok_umur(umur: int | None) -> str:
    if umur is None:
        return TIDAK_DIISI
    return next(label for batas, label in KELOMPOK_UMUR if umur < batas)


def _kategori_profil(dimensi: str, nilai) -> str:
    if dimensi == "umur":
        return kelompok_umur(nilai)
    teks = (nilai or "").strip()
    if not teks:
        return TIDAK_DIISI
    if dimensi == "jenis_kelamin":
        return JENIS_KELAMIN.get(teks.lower(), teks)
    return teks


def tabel_profil(rows: list[dict], dimensi: str) -> pd.DataFrame:
    """Respondents per category of one profile dimension, with their share; empty when nobody answered it."""
    hitung: dict[str, int] = {}
    for r in rows:
        k = _kategori_profil(dimensi, r[dimensi])
        hitung[k] = hitung.get(k, 0) + r["jumlah"]
    total = sum(hitung.values())
    if not total or set(hitung) == {TIDAK_DIISI}:
        return pd.DataFrame(columns=[PROFIL[dimensi], "Responden", "Persen (%)"])
    if dimensi == "umur":
        urutan = [label for _, label in KELOMPOK_UMUR] + [TIDAK_DIISI]
        kunci = sorted(hitung, key=urutan.index)
    else:
        kunci = sorted(hitung, key=lambda k: (k == TIDAK_DIISI, -hitung[k], k))
    return pd.DataFrame([{PROFIL[dimensi]: k, "Responden": hitung[k], "Persen (%)": hitung[k] / total * 100}
                         for k in kunci])


def grafik_profil(df: pd.DataFrame, dimensi: str) -> alt.Chart:
    judul = PROFIL[dimensi]
    data = pd.DataFrame({"kategori": df[judul], "responden": df["Responden"],
                         "teks": df["Persen (%)"].map(lambda v: fmt.persen(v, 1))})
    y = alt.Y("kategori:N", sort=None, title=None, axis=alt.Axis(labelLimit=180))
    base = alt.Chart(data)
    chart = alt.layer(
        base.mark_bar(color="#3b6ea5").encode(
            x=alt.X("responden:Q", title="Responden"), y=y,
            tooltip=[alt.Tooltip("kategori:N", title=judul), alt.Tooltip("responden:Q", title="Responden"),
                     alt.Tooltip("teks:N", title="Persen")]),
        base.mark_text(align="left", dx=3, fontSize=11).encode(x="responden:Q", y=y, text="teks:N"),
    ).properties(height=alt.Step(24), width="container", title=judul)
    return tema(chart, jenis="skm_profil", dimensi=dimensi)


def query_saran(session, kecamatan_id: int, tahun: int, triwulan: int) -> list[dict]:
    """Every non-empty *saran* of the period s.d. the TW, oldest first (one query)."""
    q = (select(SkmResponden.triwulan, SkmResponden.tanggal, SkmResponden.layanan, SkmResponden.saran)
         .where(*_filter(kecamatan_id, tahun, triwulan), SkmResponden.saran.is_not(None),
                func.trim(SkmResponden.saran) != "")
         .order_by(SkmResponden.triwulan, SkmResponden.id))
    return [{"triwulan": tw, "tanggal": tgl, "layanan": lay, "saran": saran.strip()}
            for tw, tgl, lay, saran in session.execute(q).all()]


def tabel_saran(rows: list[dict], cari: str = "") -> pd.DataFrame:
    """The *saran*, filtered by every word of `cari` (case-insensitive, in the saran or its layanan)."""
    kata = [k for k in (cari or "").lower().split() if k]
    out = []
    for r in rows:
        teks = f"{r['saran']} {r['layanan'] or ''}".lower()
        if all(k in teks for k in kata):
            out.append({"Triwulan": fmt.triwulan(r["triwulan"]), "Tanggal": r["tanggal"] or "",
                        "Layanan": (r["layanan"] or "").strip() or TIDAK_DIISI, "Saran": r["saran"]})
    return pd.DataFrame(out, columns=["Triwulan", "Tanggal", "Layanan", "Saran"])


def halaman(df: pd.DataFrame, nomor: int, per_halaman: int) -> pd.DataFrame:
    """Rows of page `nomor` (1-based) of a table."""
    awal = (max(nomor, 1) - 1) * per_halaman
    return df.iloc[awal:awal + per_halaman]


def jumlah_halaman(baris: int, per_halaman: int) -> int:
    return max(1, math.ceil(baris / per_halaman))
