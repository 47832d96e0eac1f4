"""The result of a check as a person reads it: lines for the command line, a table for the page, JSON,
and a workbook to download (openpyxl, the export's cell writer and colours, imported when a workbook is
made: the export package is slow to import)."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

import pandas as pd
from dashboard.periksa_laporan.kenali import NAMA_JENIS
from dashboard.periksa_laporan.temuan import JENIS_TEMUAN

if TYPE_CHECKING:
    from dashboard.periksa_laporan import HasilPeriksa

KOLOM_TEMUAN = ["Tabel", "Baris", "Kolom", "Tercetak", "Seharusnya", "Selisih", "Penjelasan"]


def ringkasan(h: HasilPeriksa) -> str:
    n = len(h.temuan)
    pembanding = (f"; dibandingkan juga dengan data Kecamatan {h.kecamatan} tahun {h.tahun}"
                  if h.kecamatan else "; tanpa pembanding basis data")
    return (f"{len(h.tabel)} tabel dibaca, {len(h.diperiksa)} diperiksa, {len(h.tidak_diperiksa)} tidak diperiksa; "
            f"{n} temuan{pembanding}.")


def tabel_temuan(h: HasilPeriksa) -> pd.DataFrame:
    """The findings as the page and the workbook show them (text as printed, Indonesian numbers)."""
    rows = [{"Tabel": f"{t.nama_tabel}", "Baris": f"{t.baris}. {t.label}".rstrip(". "), "Kolom": t.kolom, "Tercetak": t.tercetak,
             "Seharusnya": t.teks_seharusnya(), "Selisih": t.teks_selisih(),
             "Penjelasan": f"{JENIS_TEMUAN[t.jenis].capitalize()}. {t.penjelasan}"} for t in h.temuan]
    return pd.DataFrame(rows, columns=KOLOM_TEMUAN)


def tabel_tidak_diperiksa(h: HasilPeriksa) -> pd.DataFrame:
    return pd.DataFrame([{"No.": t.nomor, "Judul tabel": t.nama, "Baris": t.baris} for t in h.tidak_diperiksa],
                        columns=["No.", "Judul tabel", "Baris"])


def teks_hasil(h: HasilPeriksa) -> str:
    baris = [f"Pemeriksaan '{h.nama_file}': {ringkasan(h)}"]
    baris += h.catatan
    for t in h.temuan:
        label = f" ({t.label})" if t.label else ""
        baris.append(f"- {t.nama_tabel} | baris {t.baris}{label} | {t.kolom} | tercetak {t.tercetak} | "
                     f"seharusnya {t.teks_seharusnya()} | selisih {t.teks_selisih()} | {t.penjelasan}")
    if h.tidak_diperiksa:
        baris.append("Tidak diperiksa (tabel tidak dikenali sebagai tabel capaian, anggaran, SKM atau efisiensi):")
        baris += [f"- {t.nama}" for t in h.tidak_diperiksa]
    return "\n".join(baris)


def json_hasil(h: HasilPeriksa) -> dict:
    return {
        "berkas": h.nama_file, "sha256": h.sha256, "format": h.format, "kecamatan": h.kecamatan, "tahun": h.tahun,
        "tabel": [{"nomor": t.nomor, "judul": t.nama, "jenis": t.jenis, "baris": t.baris, "temuan": t.temuan}
                  for t in h.tabel],
        "temuan": [t.json() for t in h.temuan],
        "tidak_diperiksa": [{"nomor": t.nomor, "judul": t.nama} for t in h.tidak_diperiksa],
    }


def buku_kerja(h: HasilPeriksa) -> bytes:
    """Sheets Temuan (the findings, figures as numbers), Tabel (every table read and what it was taken for)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from dashboard.ekspor.excel import BIRU_TUA, FORMAT, GARIS, tulis

    wb = Workbook()
    ws = wb.active
    ws.title = "Temuan"
    ws.cell(1, 1, f"Pemeriksaan laporan: {h.nama_file}").font = Font(bold=True, size=14, color=BIRU_TUA)
    ws.cell(2, 1, ringkasan(h)).font = Font(italic=True, color="495057")
    judul = ["Tabel", "Baris", "Label baris", "Kolom", "Tercetak", "Seharusnya", "Selisih", "Jenis", "Penjelasan"]
    _kepala(ws, 4, judul)
    for r, t in enumerate(h.temuan, start=5):
        nilai = [t.nama_tabel, t.baris, t.label, t.kolom, t.tercetak, t.seharusnya, t.selisih,
                 JENIS_TEMUAN[t.jenis], t.penjelasan]
        for c, v in enumerate(nilai, start=1):
            cell = ws.cell(r, c)
            tulis(cell, v)
            cell.border = GARIS
            cell.alignment = Alignment(vertical="top", wrap_text=c in (1, 3, 4, 9))
            if c in (6, 7) and v is not None:
                cell.number_format = FORMAT["angka"] if t.desimal <= 2 else FORMAT["angka"].replace(
                    "0.00", "0." + "0" * min(t.desimal, 6))
    for c, lebar in enumerate([40, 7, 40, 24, 18, 18, 16, 28, 70], start=1):
        ws.column_dimensions[ws.cell(4, c).column_letter].width = lebar
    ws.freeze_panes = "A5"

    wt = wb.create_sheet("Tabel")
    wt.cell(1, 1, "Tabel yang dibaca").font = Font(bold=True, size=14, color=BIRU_TUA)
    _kepala(wt, 3, ["No.", "Judul tabel", "Dikenali sebagai", "Baris data", "Temuan"])
    for r, t in enumerate(h.tabel, start=4):
        jenis = ", ".join(NAMA_JENIS[j] for j in t.jenis) or "tidak diperiksa"
        for c, v in enumerate([t.nomor, t.nama, jenis, t.baris, t.temuan], start=1):
            cell = wt.cell(r, c)
            tulis(cell, v)
            cell.border = GARIS
            cell.alignment = Alignment(vertical="top", wrap_text=c == 2)
    for c, lebar in enumerate([6, 80, 28, 11, 9], start=1):
        wt.column_dimensions[wt.cell(3, c).column_letter].width = lebar
    wb.properties.title = f"Pemeriksaan {h.nama_file}"
    wb.properties.creator = "Pantau Triwulan"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _kepala(ws, baris: int, judul: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    from dashboard.ekspor.excel import ABU, GARIS

    for c, teks in enumerate(judul, start=1):
        cell = ws.cell(baris, c, teks)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=ABU)
        cell.border = GARIS
        cell.alignment = Alignment(vertical="top", wrap_text=True)


_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:])")


def teks_polos(teks: str) -> str:
    """Text shown where Streamlit renders Markdown (a message quoting the uploaded file's name), with every
    Markdown, emoji-shortcode and LaTeX character escaped."""
    return _MARKDOWN.sub(r"\\\1", str(teks))


def nama_unduhan(nama_file: str) -> str:
    """`pemeriksaan_<name of the report>.xlsx`, with only safe characters."""
    dasar = nama_file.rsplit(".", 1)[0] if "." in nama_file else nama_file
    dasar = re.sub(r"[^A-Za-z0-9_.-]+", "_", dasar).strip("_.")[:80]
    return f"pemeriksaan_{dasar or 'laporan'}.xlsx"
