"""Category scales: bands with a lower bound, read from the `skala` table; presets seeded by name."""

from __future__ import annotations

import math
from dataclasses import dataclass

from dashboard.format import angka_ringkas


@dataclass(frozen=True)
class Band:
    batas_bawah: float
    label: str
    warna: str
    inklusif: bool = True


@dataclass(frozen=True)
class Kategori:
    label: str
    warna: str


NETRAL = "#9e9e9e"

# Colours run from red (worst) to dark green (best), readable with white text.
_HIJAU_TUA, _HIJAU, _KUNING, _ORANYE, _MERAH, _MERAH_TUA = (
    "#1b7f3b", "#5aa832", "#e0b400", "#f08c00", "#d9480f", "#a61e1e")

PRESETS: dict[str, list[Band]] = {
    "Permendagri 86/2017": [
        Band(90, "Sangat Tinggi", _HIJAU_TUA, False),
        Band(75, "Tinggi", _HIJAU, False),
        Band(65, "Sedang", _KUNING, False),
        Band(50, "Rendah", _ORANYE, False),
        Band(0, "Sangat Rendah", _MERAH_TUA, True),
    ],
    "LKjIP Bati-Bati 2024": [
        Band(90, "Sangat Memuaskan", _HIJAU_TUA, False),
        Band(80, "Memuaskan", _HIJAU, False),
        Band(70, "Sangat Baik", "#9bbf2e", False),
        Band(60, "Baik", _KUNING, False),
        Band(50, "Cukup", _ORANYE, False),
        Band(0, "Kurang", _MERAH_TUA, True),
    ],
    "SAKIP PermenPANRB 88/2021": [
        Band(90, "AA", _HIJAU_TUA, False),
        Band(80, "A", _HIJAU, False),
        Band(70, "BB", "#9bbf2e", False),
        Band(60, "B", _KUNING, False),
        Band(50, "CC", _ORANYE, False),
        Band(30, "C", _MERAH, False),
        Band(0, "D", _MERAH_TUA, True),
    ],
}
DEFAULT_SKALA = "Permendagri 86/2017"


def urutkan(bands: list[Band]) -> list[Band]:
    """Highest band first."""
    return sorted(bands, key=lambda b: (b.batas_bawah, not b.inklusif), reverse=True)


def kategori(value: float | None, bands: list[Band]) -> Kategori | None:
    """The highest band whose bound the value meets; the lowest band takes everything below it."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or not bands:
        return None
    ordered = urutkan(bands)
    for band in ordered:
        if value > band.batas_bawah or (band.inklusif and value == band.batas_bawah):
            return Kategori(band.label, band.warna)
    lowest = ordered[-1]
    return Kategori(lowest.label, lowest.warna)


def validasi(bands: list[Band]) -> list[str]:
    """Problems that make a scale unusable, in Indonesian; empty when the scale is fine."""
    masalah = []
    if not bands:
        masalah.append("Skala harus punya paling sedikit satu rentang.")
    seen = set()
    for b in bands:
        if not (b.label or "").strip():
            masalah.append(f"Rentang dengan batas bawah {angka_ringkas(b.batas_bawah)} belum diberi label.")
        if b.batas_bawah in seen:
            masalah.append(f"Batas bawah {angka_ringkas(b.batas_bawah)} dipakai dua kali.")
        seen.add(b.batas_bawah)
        if b.warna and not _warna_sah(b.warna):
            masalah.append(f"Warna '{b.warna}' bukan kode warna (contoh: #1b7f3b).")
    return masalah


def _warna_sah(warna: str) -> bool:
    w = warna.strip()
    return len(w) in (4, 7) and w.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in w[1:])
