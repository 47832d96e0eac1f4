"""CSV for Excel in an Indonesian locale (`dashboard.ekspor_csv`): separators, BOM, formula-safe text."""

from __future__ import annotations

import pandas as pd

from dashboard.ekspor_csv import csv_bytes


def test_csv_teks_seperti_rumus_diberi_apostrof():
    df = pd.DataFrame({"Uraian": ["=1+1", "@A1", "Biasa", None], "Nilai": [1.5, None, 2.0, 3.0]})
    baris = csv_bytes(df).decode("utf-8-sig").splitlines()
    assert baris == ["Uraian;Nilai", "'=1+1;1,5", "'@A1;", "Biasa;2,0", ";3,0"]
