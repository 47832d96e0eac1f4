"""Reading the figures a report prints, with the precision they are printed with.

A report mixes number styles even inside one column (Bajuin prints `3,400,025,941.55` above
`3.098.627.082,47`), so each cell is read in its own style when its text says which one it is
(`dashboard.nilai.gaya_nilai`), and an ambiguous cell (`3.613`) follows the style of its column.
The value itself is read by the import engine's reader (`dashboard.nilai.baca_angka`). One slip of the
reports is read too: a total printed with a dot for the decimal mark among thousands dots
(`8.057.463.808.16`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from dashboard.nilai import NilaiError, baca_angka, gaya_nilai, kosong

_RP = re.compile(r"(?i)^\s*(rp\.?|idr)\s*")
_TITIK_DESIMAL = re.compile(r"^(-?)(\d{1,3}(?:\.\d{3})+)\.(\d{1,2})$")
_ANGKA_SAJA = re.compile(r"^[(\-+]?\s*(?:rp\.?\s*)?[\d.,]+\s*%?\)?$", re.I)


@dataclass(frozen=True)
class Angka:
    """A printed figure: its value, the number of decimals printed, and the text as printed."""

    nilai: float
    desimal: int
    teks: str

    @property
    def presisi(self) -> float:
        """The unit of the last printed digit: 0,01 for `87,26`, 1 for `140%`."""
        return 10.0 ** -self.desimal


def _bersih(teks: str) -> str:
    t = " ".join(str(teks).replace("\u00a0", " ").replace("\u202f", " ").split())
    return _RP.sub("", t).strip()


def gaya_kolom(teks: list[str]) -> str:
    """'id' or 'en': the style most of the column's unambiguous cells are written in (Indonesian if none)."""
    hitung = Counter(g for g in (gaya_nilai(_bersih(t)) for t in teks if t) if g)
    if not hitung:
        return "id"
    return "en" if hitung["en"] > hitung["id"] else "id"


@lru_cache(maxsize=65_536)
def baca(teks: str, gaya: str = "id") -> Angka | None:
    """The figure in a cell, or None when the cell holds no figure (text, `-`, empty)."""
    if teks is None:
        return None
    asli = " ".join(str(teks).split())
    t = _bersih(asli)
    if kosong(t) or kosong(t.rstrip("%").strip()) or not _ANGKA_SAJA.match(t):
        return None
    m = _TITIK_DESIMAL.match(t.rstrip("%").strip())
    if m:
        nilai = float(m.group(2).replace(".", "") + "." + m.group(3))
        return Angka(-nilai if m.group(1) else nilai, len(m.group(3)), asli)
    g = gaya_nilai(t) or gaya
    try:
        nilai = baca_angka(t, g)
    except (NilaiError, ValueError, ArithmeticError):
        return None
    if nilai is None:
        return None
    return Angka(nilai, _desimal(t, g), asli)


def dari_angka(nilai: float | int, desimal: int, teks: str) -> Angka:
    """A figure that is already a number (a spreadsheet cell), shown with `desimal` decimals."""
    return Angka(float(nilai), desimal, teks)


def _desimal(t: str, gaya: str) -> int:
    inti = re.sub(r"[^\d.,]", "", t)
    pemisah = "," if gaya == "id" else "."
    if pemisah not in inti:
        return 0
    return len(re.sub(r"\D", "", inti.rsplit(pemisah, 1)[1]))
