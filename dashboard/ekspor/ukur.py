"""How much room a text takes on a slide, so that the deck chooses font sizes that fit its boxes.

Widths are Arial's (Helvetica's metrics, which Liberation Sans shares), in thousandths of the font
size. A template's theme font may be wider (Tahoma, Verdana) or be replaced by a wider one where it is
not installed: `faktor_huruf` gives the factor the deck measures with while it draws (`dengan_faktor`).
Lines wrap greedily at spaces, as PowerPoint does; the estimate errs on the large side.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

# Helvetica / Arial advance widths (1/1000 em) of printable ASCII, from space (32) to tilde (126).
_LEBAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)
_LAIN = 620  # anything else (—, –, ≥, accented letters): a wide guess
TEBAL = 1.08  # bold runs are about this much wider
CADANGAN = 1.04  # safety margin on every width
SPASI_BARIS = 1.2  # line height as a multiple of the font size
HURUF_ARIAL = {"arial", "helvetica", "liberation sans", "arimo", "nimbus sans"}
FAKTOR_LAIN = 1.15  # any other font: as wide as Tahoma/Verdana/DejaVu Sans, the widest common ones
_faktor: ContextVar[float] = ContextVar("faktor_huruf", default=1.0)


def faktor_huruf(nama: str | None) -> float:
    """How much wider than Arial to measure a font: 1 for Arial and its metric twins, else FAKTOR_LAIN."""
    return 1.0 if (nama or "").strip().lower() in HURUF_ARIAL else FAKTOR_LAIN


@contextmanager
def dengan_faktor(faktor: float):
    """Measure with `faktor` inside the block (the deck being drawn uses one theme font)."""
    token = _faktor.set(faktor)
    try:
        yield
    finally:
        _faktor.reset(token)


@lru_cache(maxsize=8192)
def _em(teks: str) -> int:
    """Width of `teks` in thousandths of the font size (words recur: cached)."""
    return sum(_LEBAR[o - 32] if 32 <= (o := ord(c)) <= 126 else _LAIN for c in teks)


def lebar(teks: str, ukuran: float, tebal: bool = False) -> float:
    """Width of a single line of `teks` at `ukuran` points, in points."""
    return _em(teks) / 1000 * ukuran * (TEBAL if tebal else 1.0) * CADANGAN * _faktor.get()


def kata_muat(teks: str, lebar_pt: float, ukuran: float, tebal: bool = False) -> bool:
    """Every word of the text fits on a line of `lebar_pt` (no word is broken)."""
    return all(lebar(k, ukuran, tebal) <= lebar_pt for k in teks.replace("\n", " ").split(" ") if k)


def jumlah_baris(teks: str, lebar_pt: float, ukuran: float, tebal: bool = False) -> int:
    """Lines the text wraps to in a box `lebar_pt` wide (paragraphs split at newlines)."""
    total = 0
    spasi = lebar(" ", ukuran, tebal)
    for paragraf in teks.split("\n"):
        baris, isi = 1, 0.0
        for kata in (k for k in paragraf.split(" ") if k):  # a no-break space (U+00A0) keeps its word whole
            w = lebar(kata, ukuran, tebal)
            if isi and isi + spasi + w <= lebar_pt:
                isi += spasi + w
                continue
            if isi:
                baris += 1
            # a word longer than the line is broken across lines
            potong = max(1, math.ceil(w / lebar_pt)) if lebar_pt > 0 else 1
            baris += potong - 1
            isi = w - (potong - 1) * lebar_pt
        total += baris
    return total


def tinggi(paragraf: list[tuple[str, float, bool]], lebar_pt: float, spasi_paragraf: float = 0.0) -> float:
    """Height in points of paragraphs given as (text, size, bold), each followed by `spasi_paragraf` × size."""
    return sum(jumlah_baris(t, lebar_pt, u, b) * u * SPASI_BARIS + spasi_paragraf * u for t, u, b in paragraf)


def ukuran_pas(paragraf: list[tuple[str, float, bool]], lebar_pt: float, tinggi_pt: float, *, maks: float,
               minimum: float, spasi_paragraf: float = 0.0) -> float | None:
    """The largest size (by half points, from `maks` down to `minimum`) at which the paragraphs fit,
    without breaking a word.

    Paragraph sizes are relative: a paragraph given as size 1.2 is set 1.2 × the chosen size.
    None when they do not fit even at `minimum`.
    """
    u = maks
    while u >= minimum:
        skala = [(t, r * u, b) for t, r, b in paragraf]
        if tinggi(skala, lebar_pt, spasi_paragraf) <= tinggi_pt and all(kata_muat(t, lebar_pt, x, b)
                                                                         for t, x, b in skala):
            return u
        u -= 0.5
    return None


def potong(teks: str, lebar_pt: float, tinggi_pt: float, ukuran: float, tebal: bool = False) -> str:
    """The longest start of `teks` (cut at a word, ending in …) that fits the box at `ukuran`."""
    if tinggi([(teks, ukuran, tebal)], lebar_pt) <= tinggi_pt:
        return teks
    kata = teks.split(" ")
    lo, hi = 0, len(kata)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if tinggi([(" ".join(kata[:mid]) + " …", ukuran, tebal)], lebar_pt) <= tinggi_pt:
            lo = mid
        else:
            hi = mid - 1
    return (" ".join(kata[:lo]).rstrip(" ,;:.") + " …") if lo else "…"
