"""The one import engine (formats.md §1): CSV/XLSX files → validated rows → the database, all or nothing.

    siapkan(...)  read, map and validate a file (no writes)            -> Persiapan
    impor(...)    the same, then write in one transaction and log it   -> HasilImpor
    batalkan(id)  undo an import (newest first)                        -> message

Layout: `baca` (bytes → rows, header), `kolom` (canonical columns, aliases, header matching), `sel`
(typing cells), `siap` (the pipeline before writing), `dataset/*` (one module per dataset: validate
and write), `tulis` (bulk writes with before-images), `jalankan` (transaction, checks, log),
`riwayat` (log, download, undo), `pemetaan` (saved mappings), `templat` (templates).
"""

from dashboard.impor.galat import Galat, ImporError
from dashboard.impor.jalankan import HasilImpor, impor, impor_berkas, impor_tabel
from dashboard.impor.kolom import DATASET, KOLOM, NAMA_DATASET, Kolom
from dashboard.impor.pemetaan import daftar_pemetaan, simpan_pemetaan
from dashboard.impor.riwayat import batalkan, berkas_sebagian, isi_berkas, riwayat
from dashboard.impor.siap import Persiapan, siapkan
from dashboard.impor.templat import templat

__all__ = [
    "DATASET", "KOLOM", "NAMA_DATASET", "Galat", "HasilImpor", "ImporError", "Kolom", "Persiapan", "batalkan",
    "berkas_sebagian",
    "daftar_pemetaan", "impor", "impor_berkas", "impor_tabel", "isi_berkas", "riwayat", "siapkan",
    "simpan_pemetaan", "templat",
]
