"""Efisiensi (domain §3.7): three methods in use; every display names the one it shows."""

from __future__ import annotations

METODE = {
    "tanah_laut": "Tanah Laut: (1 − serapan / capaian) × 100",
    "selisih": "Selisih: capaian − serapan (poin)",
    "rasio": "Rasio: capaian / serapan × 100",
}
DEFAULT_METODE = "tanah_laut"


def efisiensi_tanah_laut(pagu_capaian: list[tuple[float, float]], realisasi: list[float]) -> float | None:
    """E = Σ(pagu × capaian − realisasi) / Σ(pagu × capaian) × 100, capaian as a fraction."""
    penyebut = sum(p * c for p, c in pagu_capaian)
    if not penyebut:
        return None
    return (penyebut - sum(realisasi)) / penyebut * 100


def efisiensi(capaian: float | None, serapan: float | None, metode: str = DEFAULT_METODE) -> float | None:
    """Efficiency of a capaian (%) against a serapan (%) by the chosen method."""
    if capaian is None or serapan is None:
        return None
    if metode == "selisih":
        return capaian - serapan
    if metode == "rasio":
        return capaian / serapan * 100 if serapan else None
    if metode == "tanah_laut":
        return (1 - serapan / capaian) * 100 if capaian else None
    raise ValueError(f"metode efisiensi tidak dikenal: {metode}")


def semua(capaian: float | None, serapan: float | None) -> dict[str, float | None]:
    return {m: efisiensi(capaian, serapan, m) for m in METODE}


def paritas(metode: str) -> float:
    """The value that means performance matches spending."""
    return 100.0 if metode == "rasio" else 0.0


def kategori(nilai: float | None, metode: str) -> tuple[str, str] | None:
    """efisien / sesuai / tidak efisien, by sign against parity (label, colour)."""
    if nilai is None:
        return None
    selisih = round(nilai - paritas(metode), 2)
    if selisih > 0:
        return "Efisien", "#1b7f3b"
    if selisih == 0:
        return "Sesuai", "#e0b400"
    return "Tidak Efisien", "#a61e1e"
