"""Capaian of indicators (domain §3.1–3.3): one formula each, no rounding."""

from __future__ import annotations

import math
from statistics import fmean

POLARITAS = ("positif", "negatif")
AGREGASI = ("terakhir", "jumlah", "rata_rata")
BATAS_CAPAIAN = ("none", "100", "120")


def _ada(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x))


def capaian(target: float | None, realisasi: float | None, polaritas: str = "positif",
            nol_per_nol: float | None = None) -> float | None:
    """Achievement in percent; None (*belum diukur*) when it is undefined.

    Positive: realisasi / target × 100. Negative (PermenPANRB 8/2021): (2 − realisasi / target) × 100.
    Target 0 or missing, or realisasi missing, is undefined, except that an indicator may say what
    0 of 0 means (`nol_per_nol`, e.g. 100 for "0 complaints, 0 unresolved").
    """
    if not _ada(target) or not _ada(realisasi):
        return None
    if target == 0:
        return nol_per_nol if realisasi == 0 and _ada(nol_per_nol) else None
    rasio = realisasi / target
    if polaritas == "negatif":
        return (2 - rasio) * 100
    return rasio * 100


def realisasi_sd(nilai_tw: dict[int, float | None], triwulan: int, agregasi: str = "terakhir") -> float | None:
    """The value "s.d. TW n" from the TW values (only the TW up to n that have a value)."""
    ada = [(tw, v) for tw, v in sorted(nilai_tw.items()) if tw <= triwulan and _ada(v)]
    if not ada:
        return None
    values = [v for _, v in ada]
    if agregasi == "jumlah":
        return float(sum(values))
    if agregasi == "rata_rata":
        return fmean(values)
    return float(values[-1])


def target_sd(target_tahunan: float | None, target_tw: dict[int, float | None], triwulan: int) -> float | None:
    """The TW n target where one is given, else the yearly target."""
    t = target_tw.get(triwulan)
    return t if _ada(t) else target_tahunan


def batasi(nilai: float | None, batas: str | None) -> float | None:
    """Apply the optional cap for averaging (`none`, `100`, `120`)."""
    if nilai is None or not batas or batas == "none":
        return nilai
    return min(nilai, float(batas))


def rata_rata_capaian(nilai: list[float | None], batas: str | None = "none") -> float | None:
    """Plain mean of the defined capaian (optionally capped); None when there is none."""
    ada = [batasi(v, batas) for v in nilai if _ada(v)]
    return fmean(ada) if ada else None


def capaian_renstra(realisasi: float | None, target_renstra: float | None, polaritas: str = "positif") -> float | None:
    """How far along the way to the Renstra end target (same formula as capaian)."""
    return capaian(target_renstra, realisasi, polaritas)

