"""One module per import dataset: `wajib_hilang`, `siapkan` (type, validate, resolve) and `tulis` (write)."""

from dashboard.impor.dataset import anggaran, desa, indikator, realisasi, skala, skm, skm_rekap

MODUL = {
    "indikator": indikator, "realisasi": realisasi, "anggaran": anggaran, "skm": skm, "skm-rekap": skm_rekap,
    "desa": desa, "skala": skala,
}
