"""The Excel workbook (openpyxl): a pure function from `Bahan` to the bytes of an .xlsx file.

Number formats. Excel stores a format code with `,` for thousands and `.` for decimals and shows it
with the separators of the viewer's locale; a format code cannot force them. Every format here
starts with the locale tag `[$-421]` (Indonesian): an Excel set to Indonesian shows
`Rp 8.102.188.741,16` and `87,26 %`, LibreOffice shows that in any locale (it takes the separators
from the tag), and an Excel set to English shows `Rp 8,102,188,741.16`. The cells hold the
unrounded figures of `summary --json` (percentages as 87.26, not 0.8726), so a check against the
summary is exact and the formats only round the display.

Text that Excel could take for a formula (`=`, `+`, `-`, `@` first) is written as a string cell with
the quote prefix set: Excel shows it as text and keeps it text when the cell is edited.
"""

from __future__ import annotations

import io
import math
import numbers
from copy import copy

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dashboard import format as fmt
from dashboard.ekspor.bahan import Bahan
from dashboard.ekspor.tabel import LEMBAR, TabelEkspor, semua_tabel
from dashboard.tabel import WARNA_TEKS_GELAP

LOKAL = "[$-421]"
FORMAT = {
    "rupiah": LOKAL + '"Rp "#,##0.00',
    "rupiah_bulat": LOKAL + '"Rp "#,##0',
    "persen": LOKAL + '0.00" %"',
    "poin": LOKAL + '+0.00" poin";-0.00" poin";0.00" poin"',
    "nrr": LOKAL + "0.000",
    "bulat": LOKAL + "#,##0",
    "angka": LOKAL + "#,##0.00",
    "kode": "0",  # years and numbers that name something: no thousands separator
}
KOLOM_KODE = {"tahun", "no.", "no. impor", "no"}
AWAL_RUMUS = ("=", "+", "-", "@")
BIRU_TUA = "1F3864"
ABU = "D9DEE7"
TIPIS = Side(style="thin", color="B4BCC8")
GARIS = Border(left=TIPIS, right=TIPIS, top=TIPIS, bottom=TIPIS)
KOLOM_WARNA = ("Kategori", "Mutu", "Status")  # the cell `_warna` colours, the first one present
LEBAR_MAKS = 60  # characters; longer text wraps
LEBAR_SEKUNDER = 30  # the most a table below the sheet's main one widens a column
LEBAR_UTUH = 72  # a column of single words (codes, SHA-256) is made this wide rather than wrapped
TINGGI_BARIS = 15  # points per line of text (Calibri 11)


def buku_kerja(b: Bahan) -> bytes:
    """The workbook of the period: Ringkasan, IKU, Anggaran, SKM, Desa, Peringatan, Sumber Data."""
    wb = Workbook()
    wb.remove(wb.active)
    per_lembar: dict[str, list[TabelEkspor]] = {nama: [] for nama in LEMBAR}
    for t in semua_tabel(b):
        if t.lembar:
            per_lembar[t.lembar].append(t)
    gaya: dict = {}
    for nama, tabel in per_lembar.items():
        _lembar(wb.create_sheet(nama), nama, tabel, b, gaya)
    wb.properties.title = f"Kinerja Kecamatan {b.kecamatan} {fmt.triwulan(b.triwulan)} {b.tahun}"
    wb.properties.creator = "Pantau Triwulan"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def tulis(cell, nilai) -> None:
    """A value into a cell; text that starts like a formula stays text."""
    if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)) or nilai is pd.NA:
        cell.value = None
        return
    if isinstance(nilai, str):
        cell.value = nilai
        if nilai.startswith(AWAL_RUMUS):
            cell.data_type = "s"
            cell.quotePrefix = True
        return
    if isinstance(nilai, bool):
        cell.value = "ya" if nilai else "tidak"
        return
    if isinstance(nilai, numbers.Integral):
        cell.value = int(nilai)
        return
    if isinstance(nilai, numbers.Real):
        cell.value = float(nilai)
        return
    tulis(cell, str(nilai))


def format_kolom(nama: str, nilai: pd.Series) -> str | None:
    """The Excel format of a column, from its name (as `dashboard.tabel.format_kolom` reads them)."""
    n = str(nama).lower()
    if "(rp)" in n or n in {"pagu", "rencana", "deviasi", "sisa"}:
        return format_rupiah(nilai)
    if "(%)" in n:
        return FORMAT["persen"]
    if "(poin)" in n:
        return FORMAT["poin"]
    if n.startswith("nrr"):
        return FORMAT["nrr"]
    if n in KOLOM_KODE:
        return FORMAT["kode"]
    angka = [v for v in nilai if isinstance(v, numbers.Real) and not isinstance(v, bool) and not pd.isna(v)]
    if not angka:
        return None
    if all(float(v).is_integer() for v in angka) and not pd.api.types.is_float_dtype(nilai):
        return FORMAT["bulat"]
    return FORMAT["angka"]


def format_rupiah(nilai) -> str:
    """Rupiah with sen only where a column has an amount with sen: `Rp 4.500.000`, never `Rp 4.500.000,00`."""
    ada_sen = any(isinstance(v, numbers.Real) and not isinstance(v, bool) and not pd.isna(v)
                  and round(float(v), 2) != round(float(v)) for v in nilai)
    return FORMAT["rupiah"] if ada_sen else FORMAT["rupiah_bulat"]


# the format of a `Nilai` cell by its row's `_satuan` (the headline table mixes units)
FORMAT_SATUAN = {"%": FORMAT["persen"], "poin": FORMAT["poin"], "": FORMAT["angka"]}


def _judul(ws: Worksheet, nama: str, b: Bahan) -> int:
    p = b.periode
    ws.cell(1, 1, f"{nama} — Kecamatan {p.kecamatan}").font = Font(bold=True, size=14, color=BIRU_TUA)
    tw = fmt.triwulan(b.triwulan)
    keterangan = (f"Kabupaten {p.kabupaten} · {tw} {b.tahun} (kumulatif s.d. {tw}) · "
                  f"diekspor {fmt.waktu(b.waktu)}")
    if p.sintetis:
        keterangan += " · DATA SINTETIS, bukan data sebenarnya"
    ws.cell(2, 1, keterangan).font = Font(italic=True, color="495057")
    return 4


def _lembar(ws: Worksheet, nama: str, tabel: list[TabelEkspor], b: Bahan, gaya: dict) -> None:
    baris = _judul(ws, nama, b)
    lebar = _lebar_kolom([t.df for t in tabel if not t.df.empty])
    kepala_pertama = None
    for t in tabel:
        ws.cell(baris, 1, t.judul).font = Font(bold=True, size=12, color=BIRU_TUA)
        baris += 1
        if t.df.empty:
            tulis(ws.cell(baris, 1), t.kosong)
            ws.cell(baris, 1).font = Font(italic=True, color="6C757D")
            baris += 2
            continue
        if kepala_pertama is None:
            kepala_pertama = baris
        baris = _tabel(ws, baris, t.df, lebar, gaya) + 1
    for kolom, w in lebar.items():
        ws.column_dimensions[get_column_letter(kolom)].width = w
    if kepala_pertama:
        ws.freeze_panes = ws.cell(kepala_pertama + 1, 1)
        ws.print_title_rows = f"{kepala_pertama}:{kepala_pertama}"
    ws.sheet_properties.outlinePr.summaryBelow = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.oddFooter.left.text = f"Kecamatan {b.kecamatan} · {fmt.triwulan(b.triwulan)} {b.tahun}"


def _kolom_tampil(df: pd.DataFrame) -> list:
    return [c for c in df.columns if not str(c).startswith("_")]


def _lebar_kolom(frames: list[pd.DataFrame]) -> dict[int, float]:
    """Column widths (in characters) of a sheet: the main (first) table sets them; the tables below
    it widen a column only up to LEBAR_SEKUNDER and wrap what is longer."""
    lebar: dict[int, float] = {}
    for i, df in enumerate(frames):
        batas = LEBAR_MAKS if i == 0 else LEBAR_SEKUNDER
        for j, c in enumerate(_kolom_tampil(df), start=1):
            f = format_kolom(c, df[c])
            panjang = max([len(str(c)) + 2] + [_panjang_tampil(_bersih(v), f) for v in df[c]])
            if "_kedalaman" in df.columns and c == "Uraian":
                panjang += 2 * int(df["_kedalaman"].max())
            utuh = all(" " not in v for v in df[c] if isinstance(v, str))  # codes and hashes: never wrapped
            lebar[j] = max(lebar.get(j, 8), min(LEBAR_UTUH if utuh else batas, panjang * 1.15))
    return lebar


def _bersih(v):
    return v.lstrip("\u2003") if isinstance(v, str) else v


def _gaya(cell, cache: dict, *, format: str | None = None, lipat: bool = False, indent: int = 0,
          tebal: bool = False, warna: str | None = None) -> None:
    """Style a body cell. openpyxl hashes every style object it is given, which dominates large
    sheets; a combination already built is copied from the cache (the cell's style indices) instead.
    The quote prefix `tulis` sets on formula-like text is part of the style, so it is part of the key."""
    kunci = (format, lipat, indent, tebal, warna, bool(cell.quotePrefix))
    if kunci in cache:
        cell._style = copy(cache[kunci])
        return
    cell.border = GARIS
    if format:
        cell.number_format = format
    cell.alignment = Alignment(wrap_text=lipat, vertical="top", indent=indent)
    if warna:
        cell.fill = PatternFill("solid", fgColor=warna[1:].upper())
        cell.font = Font(bold=True, color="212529" if warna.lower() in WARNA_TEKS_GELAP else "FFFFFF")
    elif tebal:
        cell.font = Font(bold=True)
    cache[kunci] = copy(cell._style)


def _tabel(ws: Worksheet, baris: int, df: pd.DataFrame, lebar: dict[int, float], gaya: dict) -> int:
    """Write one table with its header at `baris`; returns the row after it."""
    kolom = _kolom_tampil(df)
    pasangan = {c: f"_warna_{c}" for c in kolom if f"_warna_{c}" in df.columns}
    if "_warna" in df.columns:
        kolom_warna = next((c for c in KOLOM_WARNA if c in kolom), None)
        if kolom_warna:
            pasangan.setdefault(kolom_warna, "_warna")
    format_per = {c: format_kolom(c, df[c]) for c in kolom}
    kepala = Font(bold=True, color="FFFFFF")
    isi_kepala = PatternFill("solid", fgColor=BIRU_TUA)
    for j, c in enumerate(kolom, start=1):
        cell = ws.cell(baris, j)
        tulis(cell, str(c))
        cell.font, cell.fill, cell.border = kepala, isi_kepala, GARIS
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[baris].height = TINGGI_BARIS * max(_baris_teks(str(c), lebar[j]) for j, c in enumerate(kolom, 1))
    pohon = "_kedalaman" in df.columns
    for row in df.to_dict("records"):
        baris += 1
        tebal = "_tebal" in row and not pd.isna(row["_tebal"]) and bool(row["_tebal"])
        kedalaman = int(row["_kedalaman"]) if pohon else 0
        if kedalaman:
            ws.row_dimensions[baris].outline_level = min(kedalaman, 7)
        garis_teks = 1
        for j, c in enumerate(kolom, start=1):
            v = _bersih(row[c]) if pohon else row[c]
            cell = ws.cell(baris, j)
            tulis(cell, v)
            if "_satuan" in row and c == "Nilai":
                satuan = row["_satuan"]
                f = format_rupiah([v]) if satuan == "Rp" else FORMAT_SATUAN.get(satuan, FORMAT["angka"])
            else:
                f = format_per[c]
            lipat = isinstance(cell.value, str) and len(cell.value) > lebar[j]
            if lipat:
                garis_teks = max(garis_teks, _baris_teks(cell.value, lebar[j]))
            warna = row[pasangan[c]] if c in pasangan else None
            _gaya(cell, gaya, format=f if isinstance(cell.value, (int, float)) else None, lipat=lipat,
                  indent=kedalaman if c == "Uraian" else 0, tebal=tebal,
                  warna=warna if isinstance(warna, str) and warna.startswith("#") else None)
        if garis_teks > 1:
            ws.row_dimensions[baris].height = TINGGI_BARIS * garis_teks
    return baris + 1


def _baris_teks(teks: str, lebar_kolom: float) -> int:
    """Lines a wrapped text takes in a column `lebar_kolom` characters wide (a generous estimate)."""
    muat = max(1.0, lebar_kolom * 0.95)
    return sum(max(1, math.ceil(len(p) / muat)) for p in teks.split("\n"))


def _panjang_tampil(nilai, f: str | None) -> int:
    if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)) or nilai is pd.NA:
        return 2
    if isinstance(nilai, (int, float)):
        teks = fmt.rupiah(nilai) if f in (FORMAT["rupiah"], FORMAT["rupiah_bulat"]) else fmt.angka(nilai)
        return len(teks) + 3
    return len(str(nilai)) + 1
