"""Indonesian display formats, through Babel: `Rp 8.102.188.741,16`, `87,26 %`, `6 Februari 2026`.

Values are kept unrounded everywhere else; these functions are the only place that rounds.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

LOCALE = "id_ID"
KOSONG = "—"
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _kosong(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _bulat(x, digits: int) -> Decimal:
    return Decimal(str(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def angka(x, digits: int = 2) -> str:
    """`1.234,57`; `—` for no value."""
    if _kosong(x):
        return KOSONG
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(_bulat(x, digits), format=pattern, locale=LOCALE)


def angka_ringkas(x, maks: int = 4) -> str:
    """As many decimals as the value has, at most `maks`: `90`, `79,63`, `0,8155` (bounds, thresholds)."""
    if _kosong(x):
        return KOSONG
    teks = f"{float(x):.{maks}f}".rstrip("0").rstrip(".")
    return angka(x, len(teks.split(".")[1]) if "." in teks else 0)


def persen(x, digits: int = 2) -> str:
    """`87,26 %`."""
    return KOSONG if _kosong(x) else f"{angka(x, digits)} %"


def poin(x, digits: int = 2) -> str:
    """A signed difference in percentage points: `+1,25 poin`."""
    if _kosong(x):
        return KOSONG
    tanda = "+" if _bulat(x, digits) > 0 else ""
    return f"{tanda}{angka(x, digits)} poin"


def rupiah(x, digits: int = 2) -> str:
    """`Rp 8.102.188.741,16`; negative amounts as `-Rp 1.000,00`."""
    if _kosong(x):
        return KOSONG
    if x < 0:
        return "-" + rupiah(-x, digits)
    return f"Rp {angka(x, digits)}"


def rupiah_ringkas(x) -> str:
    """`Rp 8,10 M` (miliar), `Rp 42,64 jt` (juta) for axis labels and cards."""
    if _kosong(x):
        return KOSONG
    besar = abs(x)
    for batas, akhiran in ((1e12, "T"), (1e9, "M"), (1e6, "jt")):
        if besar >= batas:
            return f"{'-' if x < 0 else ''}Rp {angka(besar / batas, 2)} {akhiran}"
    return rupiah(x, 0)


def skala_rupiah(nilai) -> tuple[float, str, int]:
    """One money scale for a column of amounts: (divisor, unit for the header, decimals), so that every
    row of the column reads in the same unit (`miliar`, `juta` or whole rupiah) and the smallest amount
    still shows: miliar when every non-zero amount is at least Rp 0,1 M, juta when at least Rp 0,1 jt."""
    ada = [abs(x) for x in nilai if not _kosong(x) and x]
    kecil = min(ada, default=0)
    if kecil >= 1e8:
        return 1e9, "Rp miliar", 2
    if kecil >= 1e5:
        return 1e6, "Rp juta", 2
    return 1.0, "Rp", 0


def nilai(x, satuan: str | None = None) -> str:
    """An indicator value in its unit: `77,77 %`, `0,64`, `87,26`."""
    if _kosong(x):
        return KOSONG
    s = (satuan or "").strip().lower()
    if s in {"%", "persen"}:
        return persen(x)
    return angka(x, 2)


def triwulan(n: int) -> str:
    return f"TW {ROMAWI.get(n, n)}"


def tanggal(d: date | datetime) -> str:
    return format_date(d, format="d MMMM y", locale=LOCALE)


def waktu(d: datetime) -> str:
    return format_datetime(d, format="d MMMM y HH.mm", locale=LOCALE)
