"""Tables as pandas DataFrames: the same frames feed the pages, the CSV downloads and the workbook.

Each builder returns raw values (numbers unrounded, None for no value) with Indonesian column
names; `gaya()` turns a frame into a Styler with Indonesian number formats and category colours.
"""

from __future__ import annotations

import pandas as pd

from dashboard import format as fmt

WARNA_TEKS_GELAP = {"#e0b400", "#9bbf2e", "#5aa832", "#f08c00", "#e9ecef"}


def tabel_iku(data: dict) -> pd.DataFrame:
    """The IKU of a summary (`ringkasan()`), with the category colour in a private column."""
    rows = []
    for b in data["_iku"]["baris"]:
        rows.append({
            "Kode": b.ind.kode, "Indikator": b.ind.nama, "Jenis": b.ind.jenis.upper(), "Satuan": b.ind.satuan or "",
            "Polaritas": b.ind.polaritas, "Target": b.target, "Realisasi": b.realisasi, "Capaian (%)": b.capaian,
            "Kategori": b.kategori or ("belum diukur" if b.capaian is None else ""), "_warna": b.warna,
        })
    return pd.DataFrame(rows, columns=["Kode", "Indikator", "Jenis", "Satuan", "Polaritas", "Target", "Realisasi",
                                       "Capaian (%)", "Kategori", "_warna"])


# Warning kinds in words (the keys stay in `summary --json`); a kind not listed reads as its key in words.
JUDUL_PERINGATAN = {
    "anggaran_anak_tidak_sama": "Rincian tidak sama dengan induknya",
    "realisasi_melebihi_pagu": "Realisasi melebihi pagu",
    "kumulatif_menurun": "Realisasi kumulatif turun",
    "persen_tidak_sesuai": "Persentase tercetak tidak sesuai",
    "total_tidak_sesuai": "Baris jumlah tidak sesuai",
    "ikm_tercetak_berbeda": "IKM tercetak berbeda dari hitungan",
    "responden_tidak_sesuai": "Jumlah responden tidak sesuai",
    "status_desa_tidak_sesuai_skor": "Status desa tidak sesuai skor",
    "jumlah_desa_berubah": "Jumlah desa berubah",
    "target_berganda": "Target berubah dalam tahun ini",
    "realisasi_iku_berbeda_hitungan": "Realisasi IKU berbeda dari hitungan",
    "tahunan_tidak_sesuai_triwulan": "Angka tahunan tidak sesuai triwulan",
}


def judul_peringatan(jenis: str) -> str:
    """`target_berganda` → `Target berubah dalam tahun ini`: what a warning is about, in words."""
    return JUDUL_PERINGATAN.get(jenis) or str(jenis).replace("_", " ").capitalize()


def tabel_peringatan(peringatan: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{"Jenis": judul_peringatan(w["jenis"]), "Pesan": w["pesan"], "Lokasi": w.get("lokasi", ""),
                          "Seharusnya": w.get("diharapkan", ""), "Tertulis": w.get("ditemukan", ""),
                          "Sumber": sumber_label(w.get("sumber"))} for w in peringatan],
                        columns=["Jenis", "Pesan", "Lokasi", "Seharusnya", "Tertulis", "Sumber"])


def sumber_label(sumber: str | None) -> str:
    if not sumber:
        return ""
    jenis, _, nilai = sumber.partition(":")
    return f"Impor #{nilai}" if jenis == "impor" else f"Halaman {nilai}"


def publik(df: pd.DataFrame) -> pd.DataFrame:
    """Without the private `_` columns (for CSV and display)."""
    return df[[c for c in df.columns if not str(c).startswith("_")]]


def format_kolom(df: pd.DataFrame, satuan_kolom: str | None = "Satuan") -> dict:
    """Indonesian formatters per column, guessed from the column names; `df.attrs["desimal"]` (column ->
    decimals) sets a column's decimals (IDM scores are printed to 4)."""
    out = {}
    desimal = df.attrs.get("desimal", {})
    for c in df.columns:
        nama = str(c).lower()
        if nama.startswith("_"):
            continue
        if c in desimal:
            out[c] = lambda v, d=desimal[c]: fmt.angka(v, d) if isinstance(v, (int, float)) else ("—" if v is None else v)
            continue
        if "(rp)" in nama or nama in {"pagu", "realisasi (rp)", "sisa", "rencana", "deviasi"}:
            out[c] = fmt.rupiah_tabel  # whole rupiah, one scale per column: the header says (Rp)
        elif "(%)" in nama:
            out[c] = lambda v: fmt.persen(v)
        elif nama.startswith("nrr"):  # NRR on the 1–4 scale: three decimals, as the reports print them
            out[c] = lambda v: fmt.angka(v, 3) if isinstance(v, (int, float)) else ("—" if v is None else v)
        elif pd.api.types.is_float_dtype(df[c]) or df[c].map(lambda v: isinstance(v, float)).any():
            out[c] = lambda v: fmt.angka(v) if isinstance(v, (int, float)) else ("—" if v is None else v)
    return out


def _css_warna(w) -> str:
    if isinstance(w, str) and w:
        teks = "#212529" if w in WARNA_TEKS_GELAP else "#ffffff"
        return f"background-color: {w}; color: {teks}; font-weight: 600"
    return ""


def gaya(df: pd.DataFrame, warna_kolom: str | None = "Kategori", warna_dari: str = "_warna"):
    """A Styler: Indonesian numbers, the category cell coloured with its scale's colour.

    Besides `Kategori` from `_warna`, any column `X` with a private column `_warna_X` is coloured
    from it, and a row whose private `_tebal` is true (a total or mean row) is bold.
    """
    tampil = df.copy()
    formats = format_kolom(tampil)
    # Streamlit draws a null cell as "None" whatever the Styler says: a column with a missing value
    # is written out as text here, "—" for the missing ones.
    for c in tampil.columns:
        if not str(c).startswith("_") and tampil[c].isna().any():
            f = formats.pop(c, None)
            tampil[c] = [fmt.KOSONG if pd.isna(v) else (f(v) if f else str(v)) for v in tampil[c]]
    styler = tampil.style.format(formats, na_rep="—")
    pasangan = {c: f"_warna_{c}" for c in tampil.columns if f"_warna_{c}" in tampil.columns}
    if warna_kolom and warna_kolom in tampil.columns and warna_dari in tampil.columns:
        pasangan.setdefault(warna_kolom, warna_dari)
    tebal = "_tebal" in tampil.columns
    if pasangan or tebal:
        def warnai(row):
            dasar = "font-weight: 700; " if tebal and bool(row["_tebal"]) else ""
            return [(dasar + _css_warna(row[pasangan[c]]) if c in pasangan else dasar).strip() for c in row.index]
        styler = styler.apply(warnai, axis=1)
    hidden = [c for c in tampil.columns if str(c).startswith("_")]
    if hidden:
        styler = styler.hide(hidden, axis="columns")
    return styler.hide(axis="index")
