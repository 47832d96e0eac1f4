"""SKM / IKM (domain §3.5, PermenPANRB 14/2017)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import fmean

UNSUR = tuple(f"U{i}" for i in range(1, 10))
LABEL_UNSUR = {
    "U1": "Persyaratan",
    "U2": "Sistem, Mekanisme dan Prosedur",
    "U3": "Waktu Penyelesaian",
    "U4": "Biaya/Tarif",
    "U5": "Produk Spesifikasi Jenis Pelayanan",
    "U6": "Kompetensi Pelaksana",
    "U7": "Perilaku Pelaksana",
    "U8": "Sarana dan Prasarana",
    "U9": "Penanganan Pengaduan, Saran dan Masukan",
}
BOBOT = {"1/9": 1 / 9, "0.111": 0.111}
BATAS_SELISIH_IKM = 0.5  # printed vs recomputed IKM: more than this is a warning


@dataclass(frozen=True)
class Mutu:
    kode: str  # A..D
    kinerja: str  # Sangat Baik ..
    warna: str


MUTU = [
    (88.31, Mutu("A", "Sangat Baik", "#1b7f3b")),
    (76.61, Mutu("B", "Baik", "#5aa832")),
    (65.00, Mutu("C", "Kurang Baik", "#f08c00")),
    (float("-inf"), Mutu("D", "Tidak Baik", "#a61e1e")),
]
MUTU_UNSUR = [(3.5324, "A"), (3.0644, "B"), (2.60, "C"), (float("-inf"), "D")]


def _ada(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x))


def nrr(skor: list[int | float | None]) -> float | None:
    """Σ scores / number of answers (blank answers do not count)."""
    ada = [s for s in skor if _ada(s)]
    return sum(ada) / len(ada) if ada else None


def nrr_per_unsur(jawaban: list[dict[str, int | None]]) -> dict[str, float | None]:
    """NRR of each unsur over a list of responses keyed U1..U9."""
    return {u: nrr([r.get(u) for r in jawaban]) for u in UNSUR}


def ikm(nrr_unsur: dict[str, float | None] | list[float | None], bobot: str = "1/9") -> float | None:
    """(Σ NRR_i × weight) × 25 over the 9 unsur; None unless all 9 have a value."""
    values = list(nrr_unsur.values()) if isinstance(nrr_unsur, dict) else list(nrr_unsur)
    if len(values) != 9 or not all(_ada(v) for v in values):
        return None
    return sum(v * BOBOT[bobot] for v in values) * 25


def mutu(nilai_ikm: float | None) -> Mutu | None:
    """Mutu on the IKM rounded to 2 decimals."""
    if not _ada(nilai_ikm):
        return None
    bulat = round(nilai_ikm + 1e-9, 2)
    for batas, m in MUTU:
        if bulat >= batas:
            return m
    return None


def mutu_unsur(nilai_nrr: float | None) -> str | None:
    if not _ada(nilai_nrr):
        return None
    for batas, kode in MUTU_UNSUR:
        if nilai_nrr >= batas:
            return kode
    return None


def rata_rata_triwulan(nilai_tw: dict[int, float | None], triwulan: int) -> float | None:
    """s.d. TW n: the mean of the quarterly values up to n that exist (as the reports do)."""
    ada = [v for tw, v in nilai_tw.items() if tw <= triwulan and _ada(v)]
    return fmean(ada) if ada else None


def gabung_layanan(per_layanan: dict[str, dict[str, float]],
                   responden: dict[str, int]) -> tuple[dict[str, float], int | None, bool]:
    """The kecamatan's figures from a rekap per layanan: each unsur's NRR (and the printed IKM) as the mean over
    the layanan weighted by their respondents, which is what pooling their answers gives; a plain mean when a
    layanan's respondent count is missing. Returns (values, respondents or None, weighted)."""
    ditimbang = bool(per_layanan) and all(responden.get(l, 0) > 0 for l in per_layanan)
    out: dict[str, float] = {}
    for kunci in sorted({k for v in per_layanan.values() for k in v}):
        ada = [(v[kunci], responden.get(l, 0)) for l, v in per_layanan.items() if kunci in v and _ada(v[kunci])]
        if not ada:
            continue
        if ditimbang:
            out[kunci] = sum(x * n for x, n in ada) / sum(n for _, n in ada)
        else:
            out[kunci] = fmean(x for x, _ in ada)
    return out, (sum(responden[l] for l in per_layanan) if ditimbang else None), ditimbang


def terendah_tertinggi(nrr_unsur: dict[str, float | None]) -> tuple[str | None, str | None]:
    ada = {u: v for u, v in nrr_unsur.items() if _ada(v)}
    if not ada:
        return None, None
    return min(ada, key=ada.get), max(ada, key=ada.get)


def sampel_minimum(populasi: int | None) -> int | None:
    """Required sample (Krejcie-Morgan, 5 % error, as PermenPANRB 14/2017 tabulates it)."""
    if not populasi or populasi <= 0:
        return None
    chi2, p, d = 3.841, 0.5, 0.05
    return math.ceil(chi2 * populasi * p * (1 - p) / (d * d * (populasi - 1) + chi2 * p * (1 - p)))
