"""Indonesian display formats, through Babel: `Rp 8.102.188.741,16`, `87,26 %`, `6 Februari 2026`.

Values are kept unrounded everywhere else; these functions are the only place that rounds.
"""

from __future__ import annotations

import math
import re
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
    """Rounded half up; a value that rounds to zero is zero (never `-0,00`)."""
    b = Decimal(str(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return b if b else abs(b)


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


SKALA_RUPIAH = ((1e12, "T", "triliun"), (1e9, "M", "miliar"), (1e6, "jt", "juta"))


def skala_rupiah(maks) -> tuple[float, str, str]:
    """The one money scale for a set of amounts (a table column, a row of cards, a chart axis), chosen
    from the largest: (divisor, short suffix, word), e.g. `(1e9, "M", "miliar")`; `(1, "", "")` below a
    million."""
    besar = 0 if _kosong(maks) else abs(maks)
    return next(((b, s, k) for b, s, k in SKALA_RUPIAH if besar >= b), (1, "", ""))


def rupiah_ringkas(x, skala=None) -> str:
    """`Rp 8,10 M` (miliar), `Rp 42,64 jt` (juta) for cards. `skala` (a value or the largest amount of the
    set) makes several amounts share one scale: `Rp 0,96 M` beside `Rp 8,10 M`, not `Rp 961,70 jt`."""
    if _kosong(x):
        return KOSONG
    pembagi, akhiran, _ = skala_rupiah(x if skala is None else skala)
    if pembagi == 1:
        return rupiah(x, 0)
    return f"{'-' if x < 0 else ''}Rp {angka(abs(x) / pembagi, 2)} {akhiran}"


def rupiah_tabel(x) -> str:
    """An amount in a table column headed `(Rp)`: whole rupiah, no `Rp` and no `,00`: `8.102.188.741`."""
    return KOSONG if _kosong(x) else angka(x, 0)


def efisiensi(x, metode: str) -> str:
    """Efisiensi in its method's unit: percent (`tanah_laut`, `rasio`: 100 = parity) or signed
    percentage points (`selisih` = capaian − serapan)."""
    return poin(x) if metode == "selisih" else persen(x)


def arah(x, digits: int = 2) -> int:
    """The sign of a change as displayed: 0 when it rounds to zero (no arrow for `0,00 poin`)."""
    if _kosong(x):
        return 0
    b = _bulat(x, digits)
    return (b > 0) - (b < 0)


# Markdown (with Streamlit's directives `:red[…]`, `:material/…:`, emoji shortcodes and `$…$` math) is
# escaped by a backslash before every character that can start markup; CommonMark renders `\X` as X
# for any ASCII punctuation X. `-`, `.` and `)` only start markup at the start of a line.
_MD_KHUSUS = re.compile(r"([\\`*_{}\[\]()<>#+!|$:~&=^\"@])")
_MD_WWW = re.compile(r"(?i)\b(www)\.")  # GFM makes `www.x.id` a link
_MD_AWAL_BARIS = re.compile(r"^(\s*)([-.]|\d+(?=[.)]))", re.MULTILINE)


def md(teks, *, baris: bool = False) -> str:
    """User text (names, file names, saran, faktor texts…) made safe to put in Markdown: it renders as
    the same characters, never as an image, link, HTML, emphasis, code, math or colour. Without
    `baris` line breaks become spaces (labels, captions); with it they stay line breaks."""
    if teks is None:
        return ""
    s = _MD_WWW.sub(r"\1\\.", _MD_KHUSUS.sub(r"\\\1", str(teks)))
    s = _MD_AWAL_BARIS.sub(lambda m: m.group(1) + ("\\" + m.group(2) if not m.group(2)[0].isdigit()
                                                  else m.group(2) + "\\"), s)
    baris_baris = [x.strip() for x in re.split(r"\r\n|\r|\n", s)]
    return "  \n".join(baris_baris) if baris else " ".join(x for x in baris_baris if x)


def skala_kolom_rupiah(nilai) -> tuple[float, str, int]:
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
