"""Desa status and *rasio desa mandiri* (domain §3.6)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import fmean

STATUS = ("Mandiri", "Maju", "Berkembang", "Tertinggal", "Sangat Tertinggal")
WARNA_STATUS = {
    "Mandiri": "#1b7f3b", "Maju": "#5aa832", "Berkembang": "#e0b400",
    "Tertinggal": "#f08c00", "Sangat Tertinggal": "#a61e1e",
}
SKEMA = {
    # name: (label, [(lower bound, inclusive, status)], digits the score is rounded to, dimensions)
    "indeks_desa_2024": ("Indeks Desa 2024 (Permendesa 9/2024, 0–100)",
                         [(79.63, True, "Mandiri"), (69.35, True, "Maju"), (57.39, True, "Berkembang"),
                          (49.49, True, "Tertinggal")], 2,
                         ("layanan_dasar", "sosial", "ekonomi", "lingkungan", "aksesibilitas", "tata_kelola")),
    "idm_2016": ("IDM 2016 (Permendesa 2/2016, 0–1)",
                 [(0.8155, False, "Mandiri"), (0.7072, False, "Maju"), (0.5989, False, "Berkembang"),
                  (0.4907, False, "Tertinggal")], 4,
                 ("iks", "ike", "ikl")),
}
LABEL_DIMENSI = {
    "layanan_dasar": "Layanan Dasar", "sosial": "Sosial", "ekonomi": "Ekonomi", "lingkungan": "Lingkungan",
    "aksesibilitas": "Aksesibilitas", "tata_kelola": "Tata Kelola Pemerintahan Desa",
    "iks": "Ketahanan Sosial (IKS)", "ike": "Ketahanan Ekonomi (IKE)", "ikl": "Ketahanan Lingkungan (IKL)",
}


def _ada(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x))


def batas_skema(skema: str, ambang: list[tuple[float, bool, str]] | None = None) -> list[tuple[float, bool, str]]:
    return ambang if ambang is not None else SKEMA[skema][1]


def klasifikasi(skor: float | None, skema: str = "indeks_desa_2024",
                ambang: list[tuple[float, bool, str]] | None = None) -> str | None:
    """The status a score gives under a scheme (score rounded to 2 decimals, 4 for IDM)."""
    if not _ada(skor):
        return None
    digits = SKEMA[skema][2]
    s = round(skor + (1e-9 if skor >= 0 else -1e-9), digits)
    for batas, inklusif, status in sorted(batas_skema(skema, ambang), key=lambda t: t[0], reverse=True):
        if s > batas or (inklusif and s == batas):
            return status
    return "Sangat Tertinggal"


def normalisasi_status(teks: str | None) -> str | None:
    """`MANDIRI`, `Desa Mandiri`, `sangat tertinggal` → the canonical status, else None."""
    if teks is None:
        return None
    t = " ".join(str(teks).replace("_", " ").split()).lower()
    if t.startswith("desa "):
        t = t[5:]
    for s in STATUS:
        if t == s.lower():
            return s
    return None


@dataclass
class DesaData:
    nama: str
    jenis: str = "desa"
    definitif: bool = True
    status: str | None = None
    skor: float | None = None
    dimensi: dict[str, float | None] | None = None
    dari_skor: bool = False  # the file gave a score but no status: the status is classified from the score


def dihitung(d: DesaData) -> bool:
    """Kelurahan and desa persiapan are not counted in the rasio."""
    return d.jenis == "desa" and d.definitif


def rasio_desa_mandiri(desa: list[DesaData]) -> float | None:
    """Mandiri / desa × 100 over definitive desa; None when no desa has a status that year."""
    dihitung_ = [d for d in desa if dihitung(d)]
    if not dihitung_ or not any(d.status for d in dihitung_):
        return None
    return sum(1 for d in dihitung_ if d.status == "Mandiri") / len(dihitung_) * 100


def rasio_rekap(status: dict[str, int]) -> float | None:
    """Mandiri / desa × 100 from counts per status (a table of counts, no desa names); None without desa."""
    jumlah = sum(status.values())
    return status.get("Mandiri", 0) / jumlah * 100 if jumlah else None


def distribusi_status(desa: list[DesaData]) -> dict[str, int]:
    out = {s: 0 for s in STATUS}
    for d in desa:
        if dihitung(d) and d.status in out:
            out[d.status] += 1
    return out


def dimensi_penghambat(target: DesaData, pembanding: list[DesaData]) -> tuple[str, float] | None:
    """The dimension whose score is lowest relative to the Mandiri desa's mean of that dimension.

    Returns (dimension, score / mean of the Mandiri desa); None without dimension scores.
    """
    if not target.dimensi:
        return None
    rasio = {}
    for dim, nilai in target.dimensi.items():
        acuan = [d.dimensi[dim] for d in pembanding if d.dimensi and _ada(d.dimensi.get(dim))]
        if not _ada(nilai) or not acuan or fmean(acuan) == 0:
            continue
        rasio[dim] = nilai / fmean(acuan)
    if not rasio:
        return None
    dim = min(rasio, key=rasio.get)
    return dim, rasio[dim]


def selisih_mandiri(skor: float | None, skema: str = "indeks_desa_2024",
                    ambang: list[tuple[float, bool, str]] | None = None) -> float | None:
    """Points the score lacks to reach Mandiri (0 when already there)."""
    if not _ada(skor):
        return None
    batas = next(b for b, _, s in batas_skema(skema, ambang) if s == "Mandiri")
    return max(0.0, batas - skor)
