"""CSV for Excel in an Indonesian locale: `;` separated, `,` decimal, UTF-8 with BOM, text never a formula."""

from __future__ import annotations

import pandas as pd

from dashboard.tabel import publik

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def aman(teks):
    """A text cell that Excel would run as a formula is prefixed with an apostrophe."""
    if isinstance(teks, str) and teks.startswith(_FORMULA):
        return "'" + teks
    return teks


def csv_bytes(df: pd.DataFrame) -> bytes:
    keluar = publik(df).copy()
    for c in keluar.columns:
        if not pd.api.types.is_numeric_dtype(keluar[c]):  # object and pandas' string dtype alike
            keluar[c] = keluar[c].map(aman)
    return keluar.to_csv(sep=";", decimal=",", index=False).encode("utf-8-sig")
