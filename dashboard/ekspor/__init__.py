"""Downloadable summaries of a period: an Excel workbook, an editable PowerPoint deck, a ZIP of CSV files,
and the year's Laporan Kinerja (LKjIP) draft as a Word document.

The builders are pure functions of a `Bahan` (the period's data and summary, read once):
`buku_kerja(b)`, `dek(b)`, `zip_csv(b)` and `dokumen_lkjip(b)` return the file's bytes. The Laporan page calls them on
its cached reads; `ekspor_ke_berkas` is the command line's `export` (formats.md §2).
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import datetime
from pathlib import Path

from dashboard import format as fmt
from dashboard.ekspor.arsip import zip_csv
from dashboard.ekspor.bahan import Bahan, kumpulkan
from dashboard.ekspor.excel import buku_kerja
from dashboard.ekspor.powerpoint import dek
from dashboard.ekspor.rencana import Salindia, rencana_dek
from dashboard.ekspor.word import dokumen_lkjip

__all__ = ["Bahan", "EksporError", "FORMAT", "NAMA_FORMAT", "Salindia", "buat", "buku_kerja", "dek", "dokumen_lkjip",
           "ekspor_ke_berkas", "kumpulkan", "nama_berkas", "rencana_dek", "zip_csv"]

FORMAT = {"xlsx": (buku_kerja, ".xlsx"), "pptx": (dek, ".pptx"), "csv": (zip_csv, ".zip"),
          "docx": (dokumen_lkjip, ".docx")}
NAMA_FORMAT = {"xlsx": "Buku kerja Excel", "pptx": "Dek PowerPoint", "csv": "ZIP berisi CSV",
               "docx": "Draf LKjIP Word"}
MIME = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "csv": "application/zip",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
TIDAK_DIKENAL = "Format '{}' tidak dikenal; pilih xlsx, pptx, csv atau docx."


class EksporError(Exception):
    """An export that cannot be made; the message is for the user, in Indonesian."""


def buat(format: str, b: Bahan) -> bytes:
    """The file of one format (`xlsx`, `pptx`, `csv`: a ZIP of CSV files, `docx`: the LKjIP) for the period.

    Any failure is an `EksporError` whose message a user can read (the command line prints it, the
    Laporan page shows it): a builder's bug must never end in a traceback or in a download that
    silently brings nothing. The original exception stays chained for the log."""
    if format not in FORMAT:
        raise EksporError(TIDAK_DIKENAL.format(format))
    try:
        return FORMAT[format][0](b)
    except EksporError:
        raise
    except Exception as exc:
        raise EksporError(
            f"{NAMA_FORMAT[format]} Kecamatan {b.kecamatan} {fmt.triwulan(b.triwulan)} {b.tahun} tidak dapat "
            f"dibuat karena kesalahan di aplikasi ({type(exc).__name__}). Data Anda tidak berubah; laporkan "
            "kesalahan ini kepada pengelola aplikasi.") from exc


def nama_berkas(format: str, kecamatan: str, tahun: int, triwulan: int) -> str:
    """`kinerja_bati-bati_2024_tw3.xlsx`, `lkjip_bajuin_2025.docx`, `lkjip_bajuin_2025_sd_tw2.docx`: a file
    name without spaces or odd characters."""
    nama = re.sub(r"[^a-z0-9]+", "-", kecamatan.lower()).strip("-") or "kecamatan"
    if format == "docx":
        return f"lkjip_{nama}_{tahun}{'' if triwulan == 4 else f'_sd_tw{triwulan}'}.docx"
    return f"kinerja_{nama}_{tahun}_tw{triwulan}{FORMAT[format][1]}"


def ekspor_ke_berkas(format: str, kecamatan: str, tahun: int, triwulan: int, out: str | os.PathLike,
                     *, waktu: datetime | None = None) -> str:
    """Write the export of a kecamatan's period to `out` (a file, or an existing folder); returns its path."""
    from sqlalchemy.exc import OperationalError, ProgrammingError

    from dashboard.data import TidakDitemukan, cari_kecamatan, tahun_tersedia
    from models.db import session_scope

    if format not in FORMAT:
        raise EksporError(TIDAK_DIKENAL.format(format))
    if triwulan not in (1, 2, 3, 4):
        raise EksporError(f"Triwulan {triwulan} tidak ada; pilih 1 sampai 4.")
    tujuan = Path(out)
    if tujuan.is_dir():
        tujuan = tujuan / nama_berkas(format, kecamatan, tahun, triwulan)
    if not tujuan.parent.is_dir():
        raise EksporError(f"Folder tujuan {tujuan.parent} tidak ada.")
    try:
        with session_scope() as s:
            kec = cari_kecamatan(s, kecamatan)
            ada = tahun_tersedia(s, kec.id)
            if tahun not in ada:
                daftar = ", ".join(map(str, ada)) or "belum ada"
                raise EksporError(f"Kecamatan {kec.nama} belum punya data untuk tahun {tahun} "
                                  f"(tahun yang ada: {daftar}).")
            b = kumpulkan(s, kec.nama, tahun, triwulan, waktu)
    except TidakDitemukan as exc:
        raise EksporError(str(exc)) from None
    except (OperationalError, ProgrammingError) as exc:
        from dashboard.basisdata import pesan_galat

        raise EksporError(pesan_galat(exc) or "Basis data belum siap; jalankan `python -m dashboard db upgrade` "
                          "lebih dulu.") from None
    isi = buat(format, b)
    try:
        with tempfile.NamedTemporaryFile(dir=tujuan.parent, prefix=".ekspor-", delete=False) as tmp:
            tmp.write(isi)
        os.replace(tmp.name, tujuan)
    except OSError as exc:
        Path(tmp.name).unlink(missing_ok=True)
        raise EksporError(f"Berkas {tujuan} tidak dapat ditulis: {exc.strerror or exc}.") from None
    return str(tujuan)
