"""What the Anggaran page shows: cumulative figures per TW, the budget tree as a table, jenis belanja,
the lines that absorb least against the time elapsed, and the budget warnings.

Pure functions on a `Periode` and on `ringkasan.hitung_anggaran` results; the figures themselves come
from `dashboard.anggaran` and `dashboard.ringkasan` (serapan, ketertinggalan, the tree), never
recomputed here. Money is in sen inside the tree and in rupiah in every frame and chart.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard import anggaran as ang
from dashboard import format as fmt
from dashboard import ringkasan as rk
from dashboard.grafik import tema
from dashboard.pemeriksaan import HALAMAN
from dashboard.skala import kategori

SEN = rk.SEN
JENIS_PERINGATAN = frozenset(j for j, h in HALAMAN.items() if h == "Anggaran")
NAMA_POHON = {
    "program": "pohon program (program › kegiatan › sub kegiatan, kode Permendagri 90/2019 seperti 7.01.01)",
    "rekening": "pohon rekening belanja (kode rekening 5.1…, 5.2…, seperti LRA)",
}
# Why jenis belanja cannot be shown, per tree: never "not account codes" for a file read as the account tree.
SEBAB_TANPA_JENIS = {
    "program": "Jenis belanja belum dapat dirinci: baris anggaran berkode program/kegiatan (Permendagri 90/2019), "
               "bukan kode rekening belanja (5.1…, 5.2…), dan tidak punya kolom jenis belanja.",
    "rekening": "Jenis belanja belum dapat dirinci: kode rekening di berkas tidak termasuk jenis belanja yang dikenal "
                "(5.1.01 Pegawai, 5.1.02 Barang dan Jasa, 5.2 Modal, 5.1.05 Hibah …) dan berkas tidak memuat baris "
                "induknya.",
}
BELUM_ADA = "belum ada data"
SERI_REALISASI = "Realisasi kumulatif"
SERI_RENCANA = "Rencana kumulatif (anggaran kas)"
WARNA_REALISASI = "#3b6ea5"
WARNA_RENCANA = "#f08c00"
WARNA_PAGU = "#495057"


def acuan_waktu(triwulan: int) -> float:
    """The time elapsed s.d. the TW in percent (25 % per TW), as `anggaran.ketertinggalan` measures it."""
    return -ang.ketertinggalan(0.0, triwulan)


def rupiah(sen: int | None) -> float | None:
    return None if sen is None else sen / SEN



# ---------------------------------------------------------------- per TW

def per_triwulan(p) -> list[dict]:
    """For TW I..IV: pagu, cumulative realisasi and rencana, serapan, deviasi, ketertinggalan.

    A TW without budget data has realisasi, serapan and deviasi None (*belum ada data*); its
    rencana (anggaran kas) is still known when the plan was uploaded.
    """
    out = []
    for tw in range(1, 5):
        a = rk.hitung_anggaran(p, tw)
        pohon = a["_simpul"]
        rencana = [s.rencana_sd(tw) for s in pohon]
        rencana_sen = sum(r for r in rencana if r is not None) if any(r is not None for r in rencana) else None
        ada = tw in a["triwulan_data"]
        out.append({
            "triwulan": tw, "ada": ada, "pagu": a["pagu"], "realisasi": a["realisasi"], "serapan": a["serapan"],
            "kategori": a["kategori"], "warna": a["warna"], "rencana": rupiah(rencana_sen),
            "persen_rencana": ang.serapan(rencana_sen, pagu_sen(a)),
            "deviasi": a["deviasi"], "ketertinggalan": ang.ketertinggalan(a["serapan"], tw),
            "terhadap_rencana": ang.serapan(a["realisasi"], rupiah(rencana_sen)) if ada else None,
            "sisa": a["pagu"] - a["realisasi"] if ada and a["pagu"] is not None else None,
        })
    return out


def pagu_sen(a: dict) -> int | None:
    return None if a["pagu"] is None else sum(s.pagu for s in a["_simpul"])


def tabel_triwulan(baris: list[dict]) -> pd.DataFrame:
    """The cumulative figures per TW (rows of `per_triwulan`)."""
    ada_rencana = any(b["rencana"] is not None for b in baris)
    rows = []
    for b in baris:
        row = {"Triwulan": f"s.d. {fmt.triwulan(b['triwulan'])}", "Pagu (Rp)": b["pagu"],
               "Realisasi kumulatif (Rp)": b["realisasi"], "Serapan (%)": b["serapan"],
               "Kategori": b["kategori"] if b["ada"] else BELUM_ADA, "_warna": b["warna"],
               "Acuan waktu (%)": acuan_waktu(b["triwulan"]), "Selisih thd waktu (poin)": b["ketertinggalan"]}
        if ada_rencana:
            row["Rencana kumulatif (Rp)"] = b["rencana"]
            row["Deviasi (Rp)"] = b["deviasi"]
        rows.append(row)
    return pd.DataFrame(rows)


def data_kumulatif(baris: list[dict], triwulan: int = 4) -> pd.DataFrame:
    """The rows of the cumulative chart: realisasi for the TWs up to `triwulan` that have data, and the
    plan (anggaran kas) for the whole year where it was uploaded."""
    rows = []
    for b in baris:
        label = fmt.triwulan(b["triwulan"])
        if b["ada"] and b["triwulan"] <= triwulan:
            rows.append({"triwulan": label, "seri": SERI_REALISASI, "nilai": b["realisasi"],
                         "persen": b["serapan"], "teks": fmt.rupiah(b["realisasi"]),
                         "teks_persen": fmt.persen(b["serapan"])})
        if b["rencana"] is not None:
            rows.append({"triwulan": label, "seri": SERI_RENCANA, "nilai": b["rencana"],
                         "persen": b["persen_rencana"], "teks": fmt.rupiah(b["rencana"]),
                         "teks_persen": fmt.persen(b["persen_rencana"])})
    return pd.DataFrame(rows, columns=["triwulan", "seri", "nilai", "persen", "teks", "teks_persen"])


def _sumbu_rupiah(maksimum: float) -> tuple[str, str]:
    """Axis title and Vega label expression for rupiah amounts: one scale (`fmt.skala_rupiah`) named in the
    title, plain Indonesian numbers on the ticks (`Rupiah (miliar)`: 0 · 2 · 4,5), never SI suffixes."""
    pembagi, _, kata = fmt.skala_rupiah(maksimum)
    return (f"Rupiah ({kata})" if kata else "Rupiah"), f"format(datum.value / {pembagi:g}, ',.2~f')"


def grafik_kumulatif(df: pd.DataFrame, pagu: float | None) -> alt.LayerChart:
    """Cumulative realisasi (bars) against the cumulative plan (line) per TW, with the pagu as a rule."""
    urut = [fmt.triwulan(t) for t in range(1, 5)]
    seri = [x for x in (SERI_REALISASI, SERI_RENCANA) if x in set(df["seri"])] or [SERI_REALISASI]
    skala_warna = alt.Scale(domain=seri,
                            range=[WARNA_REALISASI if x == SERI_REALISASI else WARNA_RENCANA for x in seri])
    judul_y, label_y = _sumbu_rupiah(max([pagu or 0, *df["nilai"].tolist()]))
    x = alt.X("triwulan:N", sort=urut, scale=alt.Scale(domain=urut), title=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y("nilai:Q", title=judul_y, axis=alt.Axis(labelExpr=label_y, tickCount=6))
    tooltip = [alt.Tooltip("triwulan:N", title="Triwulan"), alt.Tooltip("seri:N", title="Seri"),
               alt.Tooltip("teks:N", title="Jumlah"), alt.Tooltip("teks_persen:N", title="Persen dari pagu")]
    warna = alt.Color("seri:N", scale=skala_warna, title=None, legend=alt.Legend(orient="top", labelLimit=320))
    base = alt.Chart(df)
    realisasi = base.transform_filter(alt.datum.seri == SERI_REALISASI)
    lapisan = [
        realisasi.mark_bar(size=46).encode(x=x, y=y, color=warna, tooltip=tooltip),
        realisasi.mark_text(baseline="top", dy=5, fontSize=12, fontWeight="bold", color="white").encode(
            x=x, y=y, text="teks_persen:N"),
        base.transform_filter(alt.datum.seri == SERI_RENCANA).mark_line(
            point=alt.OverlayMarkDef(size=70, filled=True), strokeWidth=2.5, strokeDash=[6, 3]).encode(
            x=x, y=y, color=warna, tooltip=tooltip),
    ]
    if pagu:
        pagu_df = pd.DataFrame([{"nilai": pagu, "teks": f"Pagu {fmt.rupiah(pagu, 0)}"}])
        lapisan.append(alt.Chart(pagu_df).mark_rule(color=WARNA_PAGU, strokeDash=[2, 2]).encode(
            y="nilai:Q", tooltip=alt.Tooltip("teks:N", title="Pagu")))
        lapisan.append(alt.Chart(pagu_df).mark_text(align="left", dx=4, dy=-7, color=WARNA_PAGU, fontSize=11).encode(
            y="nilai:Q", x=alt.value(0), text="teks:N"))
    chart = alt.layer(*lapisan).properties(height=320, width="container",
                                           title="Realisasi dan rencana kumulatif per triwulan")
    return tema(chart, jenis="anggaran_kumulatif", pagu=pagu)


# ---------------------------------------------------------------- the tree

def tingkat(s: ang.Simpul) -> str:
    return ang.level_nama(s.kode)


def daftar_tingkat(pohon: list[ang.Simpul]) -> list[str]:
    """The level names present in the tree, from the top (Program, Kegiatan, Sub Kegiatan / Akun …)."""
    seen: dict[str, int] = {}
    for s in ang.ratakan(pohon):
        seen.setdefault(tingkat(s), s.level)
    return sorted(seen, key=seen.get)


def tabel_pohon(pohon: list[ang.Simpul], triwulan: int, ada: bool, bands, *, sampai: str | None = None,
                akar: str | None = None) -> pd.DataFrame:
    """The tree depth-first as an indented table: pagu, realisasi, sisa and serapan s.d. the TW.

    `sampai` keeps the levels down to that level name; `akar` keeps one top node (by code) and its
    descendants. Without data for the TW, realisasi/sisa/serapan are None and the category says so.
    """
    urutan = daftar_tingkat(pohon)
    batas = urutan.index(sampai) if sampai in urutan else len(urutan) - 1
    rows = []

    def jalan(simpul: list[ang.Simpul], kedalaman: int) -> None:
        for s in simpul:
            if urutan.index(tingkat(s)) > batas:
                continue
            r = s.realisasi_sd(triwulan) if ada else None
            serapan = ang.serapan(r, s.pagu) if ada else None
            k = kategori(serapan, bands)
            rows.append({
                "Tingkat": tingkat(s), "Kode": s.kode, "Uraian": "\u2003" * kedalaman + s.uraian,
                "Pagu (Rp)": s.pagu / SEN, "Realisasi (Rp)": rupiah(r),
                "Sisa (Rp)": None if r is None else (s.pagu - r) / SEN,
                "Serapan (%)": serapan,
                "Kategori": k.label if k else (BELUM_ADA if not ada else "tanpa pagu"),
                "_warna": k.warna if k else None, "_kedalaman": kedalaman, "_tebal": kedalaman == 0 and batas > 0,
            })
            jalan(s.anak, kedalaman + 1)

    jalan([s for s in pohon if akar is None or s.kode == akar], 0)
    return pd.DataFrame(rows, columns=["Tingkat", "Kode", "Uraian", "Pagu (Rp)", "Realisasi (Rp)", "Sisa (Rp)",
                                       "Serapan (%)", "Kategori", "_warna", "_kedalaman", "_tebal"])


def data_serapan(baris: list[dict], bands) -> pd.DataFrame:
    """Rows for the serapan bars from `hitung_anggaran(...)["program"]` or `ringkasan.jenis_belanja` rows
    (keys uraian or jenis_belanja, pagu, realisasi, serapan in rupiah and percent)."""
    rows = []
    for b in baris:
        k = kategori(b["serapan"], bands)
        rows.append({"uraian": b.get("uraian") or b.get("jenis_belanja"), "kode": b.get("kode", ""),
                     "serapan": b["serapan"], "teks": fmt.persen(b["serapan"]), "pagu": fmt.rupiah(b["pagu"]),
                     "realisasi": fmt.rupiah(b["realisasi"]), "warna": k.warna if k else "#9e9e9e",
                     "kategori": k.label if k else BELUM_ADA})
    return pd.DataFrame(rows, columns=["uraian", "kode", "serapan", "teks", "pagu", "realisasi", "warna", "kategori"])


LEBAR_NAMA = 330  # the serapan chart's column at 1280 px: a name wraps to lines of this width, at most two


def nama_terlipat(uraian: str, ukuran: float = 11, lebar: float = LEBAR_NAMA, baris: int = 2) -> str:
    """A program name in at most `baris` lines that fit `lebar` pixels (`\n` between), shortened with `…`
    beyond; the whole name stays in the tooltip."""
    from dashboard.grafik import lebar_teks, lipat

    potong = lipat(uraian, ukuran, lebar)
    if len(potong) > baris:
        akhir = potong[baris - 1]
        while akhir and lebar_teks(akhir + " …", ukuran) > lebar:
            akhir = akhir.rsplit(" ", 1)[0] if " " in akhir else akhir[:-1]
        potong = potong[:baris - 1] + [akhir + " …"]
    return "\n".join(potong)


def grafik_serapan(df: pd.DataFrame, triwulan: int, judul: str) -> alt.LayerChart:
    """Serapan of each part (program or jenis belanja) as horizontal bars coloured by category, the name
    above its bar (wrapped to two lines, shortened beyond, whole in the tooltip), the figures in a column
    right of the bars, and the time elapsed as a tick on every bar: no label crosses a line."""
    df = df[df["serapan"].notna()]
    baris = [nama_terlipat(u).split("\n") for u in df["uraian"]]
    # Two text marks, the last line just above the bar and the first above it (Vega stacks the lines of one
    # multi-line text downwards from its anchor, onto the bar).
    df = df.assign(nama1=[b[0] if len(b) > 1 else "" for b in baris], nama2=[b[-1] for b in baris])
    puncak = float(df["serapan"].max()) if len(df) else 0.0
    atas = max(100.0, puncak)
    x = alt.X("serapan:Q", title="Serapan (%)", scale=alt.Scale(domain=[0, atas * 1.28], nice=False),
              axis=alt.Axis(values=list(range(0, int(atas) + 1, 20)), format=",.0f"))
    dua_baris = bool((df["nama1"] != "").any())
    y = alt.Y("uraian:N", sort=None, title=None, axis=None,
              scale=alt.Scale(paddingInner=0.62 if dua_baris else 0.55, paddingOuter=0.5))
    tooltip = [alt.Tooltip("uraian:N", title="Uraian"), alt.Tooltip("kode:N", title="Kode"),
               alt.Tooltip("teks:N", title="Serapan"), alt.Tooltip("kategori:N", title="Kategori"),
               alt.Tooltip("realisasi:N", title="Realisasi"), alt.Tooltip("pagu:N", title="Pagu")]
    base = alt.Chart(df.assign(acuan=acuan_waktu(triwulan),
                               t=f"waktu berjalan {fmt.persen(acuan_waktu(triwulan), 0)}"))
    chart = alt.layer(
        base.mark_bar().encode(x=x, y=y, color=alt.Color("warna:N", scale=None), tooltip=tooltip),
        base.mark_text(align="left", dx=6, fontSize=12, fontWeight="bold").encode(
            x=alt.datum(atas * 1.03), y=y, text="teks:N", tooltip=tooltip),
        base.mark_text(align="left", baseline="bottom", dy=-12, fontSize=11, color="#343a40").encode(
            x=alt.value(0), y=y, text="nama2:N", tooltip=tooltip),
        base.mark_text(align="left", baseline="bottom", dy=-25, fontSize=11, color="#343a40").encode(
            x=alt.value(0), y=y, text="nama1:N", tooltip=tooltip),
        base.mark_tick(color="#212529", thickness=2, size=26).encode(
            x="acuan:Q", y=y, tooltip=alt.Tooltip("t:N", title="Acuan")),
    ).properties(height=alt.Step(58 if dua_baris else 46), width="container", title=judul)
    return tema(chart, jenis="anggaran_serapan_bagian", triwulan=triwulan)


# ---------------------------------------------------------------- jenis belanja

def tabel_jenis_belanja(baris: list[dict], bands) -> pd.DataFrame:
    """Rows of `ringkasan.jenis_belanja` with sisa and the serapan category."""
    rows = []
    for b in baris:
        k = kategori(b["serapan"], bands)
        rows.append({"Jenis Belanja": b["jenis_belanja"], "Pagu (Rp)": b["pagu"], "Realisasi (Rp)": b["realisasi"],
                     "Sisa (Rp)": None if b["realisasi"] is None else b["pagu"] - b["realisasi"],
                     "Serapan (%)": b["serapan"], "Kategori": k.label if k else BELUM_ADA,
                     "_warna": k.warna if k else None})
    return pd.DataFrame(rows, columns=["Jenis Belanja", "Pagu (Rp)", "Realisasi (Rp)", "Sisa (Rp)", "Serapan (%)",
                                       "Kategori", "_warna"])


# ---------------------------------------------------------------- least absorbing

def label_terdalam(jenis: str | None, pohon: list[ang.Simpul]) -> str:
    """What the deepest lines are called: sub kegiatan in the program tree, rincian objek in the account tree."""
    if jenis == "rekening":
        return "rincian objek"
    tingkat_daun = {tingkat(s) for s in ang.daun(pohon)}
    return "sub kegiatan" if tingkat_daun <= {"Sub Kegiatan"} else "baris anggaran terdalam"


def terendah(pohon: list[ang.Simpul], triwulan: int, n: int = 10) -> list[dict]:
    """The `n` deepest lines that absorb least against the time elapsed.

    Ordered by `anggaran.ketertinggalan` (serapan − 25 % per elapsed TW), larger pagu first on ties,
    then by code; lines without a pagu have no serapan and are left out.
    """
    induk = {d.kode: s for s in pohon for d in ang.ratakan([s])}
    rows = []
    for d in ang.daun(pohon):
        if not d.pagu:
            continue
        r = d.realisasi_sd(triwulan)
        serapan = ang.serapan(r, d.pagu)
        rows.append({"simpul": d, "induk": induk[d.kode], "realisasi": r, "serapan": serapan,
                     "ketertinggalan": ang.ketertinggalan(serapan, triwulan)})
    rows.sort(key=lambda x: (x["ketertinggalan"], -x["simpul"].pagu, x["simpul"].kode))
    return rows[:n]


def tabel_terendah(rows: list[dict], triwulan: int, bands) -> pd.DataFrame:
    out = []
    for i, x in enumerate(rows, start=1):
        d = x["simpul"]
        k = kategori(x["serapan"], bands)
        out.append({"No": i, "Kode": d.kode, "Uraian": d.uraian, "Induk": x["induk"].uraian,
                    "Pagu (Rp)": d.pagu / SEN, "Realisasi (Rp)": x["realisasi"] / SEN, "Serapan (%)": x["serapan"],
                    "Acuan waktu (%)": acuan_waktu(triwulan), "Selisih thd waktu (poin)": x["ketertinggalan"],
                    "Kategori": k.label if k else "", "_warna": k.warna if k else None})
    return pd.DataFrame(out, columns=["No", "Kode", "Uraian", "Induk", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)",
                                      "Acuan waktu (%)", "Selisih thd waktu (poin)", "Kategori", "_warna"])


# ---------------------------------------------------------------- warnings

def peringatan_anggaran(peringatan: list[dict]) -> list[dict]:
    """The budget warnings of `pemeriksaan.periksa` (as in the summary's `peringatan`)."""
    return [w for w in peringatan if w.get("jenis") in JENIS_PERINGATAN]


def keterangan_triwulan(tw_data: list[int]) -> str:
    """`TW IV` / `TW I, TW II` / `tidak ada` for the TWs an import gave figures for."""
    return ", ".join(fmt.triwulan(t) for t in tw_data) or "tidak ada"
