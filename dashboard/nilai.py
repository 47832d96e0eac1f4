"""Reading the values users type: Indonesian and plain numbers, `Rp`, `%`, `-`, triwulan names.

Each column's number style is read from its unambiguous values (`1.234,5` is Indonesian, `1,234.5`
English); ambiguous values (`3.907`, `1.234`) follow the column's style, and a column with no
unambiguous value follows the file's setting (Indonesian unless the user says otherwise).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

KOSONG = {"", "-", "–", "—", "--", "n/a", "na", "nan", "none", "null", "belum diukur", "belum ada"}
_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_SAMPAH = re.compile(r"(?i)^\s*(rp\.?|idr)\s*|\s*%\s*$")
_ANGKA = re.compile(r"^[+-]?[\d.,]+$")


class NilaiError(ValueError):
    """A value that cannot be read; `str()` is the Indonesian reason, without row or column."""


def kosong(teks) -> bool:
    if teks is None:
        return True
    if isinstance(teks, float) and math.isnan(teks):
        return True
    return str(teks).strip().lower() in KOSONG


def _bersihkan(teks: str) -> tuple[str, bool]:
    """Strip `Rp`, `%`, spaces and parentheses; return (digits, negative)."""
    t = str(teks).strip().replace("\u00a0", " ").replace("\u202f", " ")
    negatif = False
    if t.startswith("(") and t.endswith(")"):
        negatif, t = True, t[1:-1].strip()
    t = _SAMPAH.sub("", t)
    t = _SAMPAH.sub("", t)  # "Rp 1.000 %" is nonsense but harmless
    t = t.replace(" ", "").replace("'", "")
    if t.startswith("-"):
        negatif, t = not negatif, t[1:]
    elif t.startswith("+"):
        t = t[1:]
    return t, negatif


def gaya_nilai(teks) -> str | None:
    """'id' or 'en' when the value itself says which style it is written in, else None."""
    if kosong(teks) or isinstance(teks, (int, float)):
        return None
    t, _ = _bersihkan(str(teks))
    if not _ANGKA.match(t):
        return None
    titik, koma = t.count("."), t.count(",")
    if titik and koma:
        return "id" if t.rfind(",") > t.rfind(".") else "en"
    if koma > 1:
        return "en"
    if titik > 1:
        return "id"
    if koma == 1:
        depan, belakang = t.split(",")
        # "1,234" could be English thousands; "87,26" or "0,5" is an Indonesian decimal.
        return None if len(belakang) == 3 and depan not in {"", "0", "-0"} else "id"
    if titik == 1:
        depan, belakang = t.split(".")
        return None if len(belakang) == 3 and depan not in {"", "0", "-0"} else "en"
    return None


def _baca_desimal(teks, gaya: str) -> Decimal | None:
    if kosong(teks):
        return None
    if isinstance(teks, bool):
        raise NilaiError(f"'{teks}' bukan angka")
    if isinstance(teks, (int, float)):
        if isinstance(teks, float) and math.isinf(teks):
            raise NilaiError(f"'{teks}' bukan angka")
        return Decimal(str(teks))
    asli = str(teks).strip()
    t, negatif = _bersihkan(asli)
    if not t or not _ANGKA.match(t):
        raise NilaiError(f"'{_potong(asli)}' bukan angka")
    g = gaya_nilai(asli) or gaya
    ribuan, desimal = (".", ",") if g == "id" else (",", ".")
    if t.count(desimal) > 1:
        raise NilaiError(f"'{_potong(asli)}' bukan angka")
    if ribuan in t:
        bagian = t.split(desimal)[0].split(ribuan)
        if any(len(b) != 3 for b in bagian[1:]) or bagian[0] == "":
            raise NilaiError(f"'{_potong(asli)}' bukan angka yang sah")
    try:
        d = Decimal(t.replace(ribuan, "").replace(desimal, "."))
    except InvalidOperation:
        raise NilaiError(f"'{_potong(asli)}' bukan angka") from None
    return -d if negatif else d


def baca_angka(teks, gaya: str = "id") -> float | None:
    """The number in `teks` (None for no value), read in the column's style ('id' or 'en')."""
    d = _baca_desimal(teks, gaya)
    return None if d is None else float(d)


def baca_sen(teks, gaya: str = "id") -> int | None:
    """A rupiah amount as integer sen, exact (read through Decimal, never through float)."""
    d = _baca_desimal(teks, gaya)
    return None if d is None else int((d * 100).to_integral_value())


def baca_triwulan(teks) -> int | None:
    """`1`..`4`, `I`..`IV`, `TW II`, `Triwulan 2`, `TR III`, `Q4` → 1..4; None otherwise."""
    if kosong(teks):
        return None
    if isinstance(teks, (int, float)) and not isinstance(teks, bool):
        return int(teks) if float(teks).is_integer() and 1 <= teks <= 4 else None
    t = str(teks).strip().lower()
    t = re.sub(r"^(triwulan|tri wulan|tw|tr|q|kuartal)[\s.\-_]*", "", t).strip()
    if t.endswith(".0"):
        t = t[:-2]
    if t.isdigit():
        n = int(t)
        return n if 1 <= n <= 4 else None
    return _ROMAWI.get(t)


def baca_tahun(teks) -> int | None:
    """A year 1900–2100, or None when the text is not one."""
    if kosong(teks):
        return None
    t = str(teks).strip()
    if t.endswith(".0"):
        t = t[:-2]
    if not t.isdigit():
        return None
    n = int(t)
    return n if 1900 <= n <= 2100 else None


def _potong(teks: str, n: int = 40) -> str:
    return teks if len(teks) <= n else teks[: n - 1] + "…"
