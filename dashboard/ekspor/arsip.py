"""Every table of the period as CSV (`;`, decimal comma, UTF-8 with BOM), in one ZIP."""

from __future__ import annotations

import io
import zipfile

import pandas as pd

from dashboard.ekspor.bahan import Bahan
from dashboard.ekspor.tabel import semua_tabel
from dashboard.ekspor_csv import csv_bytes

DAFTAR_ISI = "daftar_isi.csv"


def zip_csv(b: Bahan) -> bytes:
    """One CSV per table that has rows, and `daftar_isi.csv` naming every table and what it holds."""
    isi = []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for t in semua_tabel(b):
            ada = not t.df.empty
            if ada:
                z.writestr(f"{t.berkas}.csv", csv_bytes(t.df))
            isi.append({"Berkas": f"{t.berkas}.csv" if ada else "", "Tabel": t.judul,
                        "Lembar buku kerja": t.lembar or "", "Baris": len(t.df),
                        "Keterangan": "" if ada else t.kosong})
        z.writestr(DAFTAR_ISI, csv_bytes(pd.DataFrame(isi)))
    return out.getvalue()
