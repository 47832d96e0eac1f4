"""The canonical columns of each import dataset, their aliases, and how a file's header finds them.

Headers are compared ignoring case, spaces and punctuation. An exact name or alias wins; otherwise a
known name or alias followed by a period label (`Realisasi s.d. Triwulan IV`, `Target 2025`,
`NRR TW I`) matches by prefix and gives that period. For the survey datasets a header that contains
an unsur's label (Google Forms grids export `Pertanyaan [Label]`) names that unsur.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from dashboard.skm import LABEL_UNSUR, UNSUR

JUDUL_MAKS = 300  # characters of a header cell worth matching
DATASET = ("indikator", "realisasi", "anggaran", "skm", "skm-rekap", "desa", "skala")
ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ROMAWI_TEKS = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Kolom:
    """One canonical column of a dataset (what templates and the help page describe)."""

    nama: str
    wajib: bool
    arti: str
    contoh: str
    alias: tuple[str, ...] = ()
    jenis: str = "teks"  # teks | angka | uang | bulat | tahun | triwulan | skor | pilihan
    pilihan: tuple[str, ...] = ()
    templat: bool = True  # shown in the template's header row


def _tw(prefixes: list[str], n: int) -> tuple[str, ...]:
    r = ROMAWI_TEKS[n]
    out = []
    for p in prefixes:
        sep = f"{p} " if p else ""
        out += [f"{sep}TW {r}", f"{sep}TW {n}", f"{sep}Triwulan {r}", f"{sep}Triwulan {n}", f"{sep}TR {r}"]
    return tuple(out)


_KECAMATAN = Kolom("kecamatan", False, "Nama kecamatan; hanya untuk berkas berisi beberapa kecamatan (se-kabupaten). "
                   "Jika tidak ada, dipakai kecamatan yang dipilih.", "Bajuin",
                   ("Nama Kecamatan", "Kabupaten/Kecamatan"), templat=False)
_TAHUN = Kolom("tahun", True, "Tahun data (boleh diganti pilihan tahun saat impor).", "2025",
               ("Tahun Anggaran", "TA", "Tahun Data"), "tahun")
_TRIWULAN = Kolom("triwulan", True, "Triwulan: 1–4, I–IV, TW II, Triwulan 2 (boleh diganti pilihan triwulan saat impor).",
                  "II", ("TW", "Periode Triwulan", "Tri Wulan"), "triwulan")
_PERIODE_SKM = Kolom("periode", False, "Periode survei bila bukan per triwulan: 'Semester I', 'Semester II' atau "
                     "'Tahunan' (disimpan pada TW II, TW IV, TW IV — atau triwulan yang disebut berkas).", "",
                     ("Periode Survei", "Periode", "Jenis Periode", "Semester"), templat=False)

_INDIKATOR = [
    Kolom("kode", True, "Kode indikator, unik per kecamatan.", "IKU-1", ("Kode Indikator", "Kode IKU")),
    Kolom("indikator", True, "Nama indikator.", "Persentase Desa Mandiri di Kecamatan",
          ("Indikator Kinerja", "Nama Indikator", "Indikator Kinerja Utama", "Indikator Sasaran", "IKU")),
    Kolom("sasaran", False, "Sasaran strategis yang diukur indikator ini.",
          "Meningkatnya Tata Kelola Pemerintahan Kecamatan", ("Sasaran Strategis", "Sasaran Program",
                                                              "Sasaran Kegiatan", "Sasaran Sub Kegiatan",
                                                              "Sasaran Kegiatan/Sub Kegiatan",
                                                              "Sasaran Program/Kegiatan/Sub Kegiatan")),
    Kolom("satuan", False, "Satuan: %, Nilai, rasio, dokumen, …", "%", ("Unit",)),
    Kolom("jenis", False, "iku (dihitung dalam rata-rata capaian; bawaan) atau ik (indikator pendukung).", "iku",
          ("Jenis Indikator",), "pilihan", ("iku", "ik")),
    Kolom("polaritas", False, "positif (makin tinggi makin baik; bawaan) atau negatif (makin rendah makin baik).",
          "positif", ("Arah", "Arah Polaritas"), "pilihan", ("positif", "negatif")),
    Kolom("agregasi", False, "Cara nilai triwulan dijumlahkan s.d. triwulan: terakhir (bawaan), jumlah, rata_rata.",
          "terakhir", ("Cara Agregasi",), "pilihan", ("terakhir", "jumlah", "rata_rata")),
    Kolom("hitung", False, "Angka yang juga dapat dihitung aplikasi: ikm atau rasio_desa_mandiri. Jika kosong, "
          "ditebak dari nama indikator.", "rasio_desa_mandiri", ("Dihitung Dari", "Dihitung"), "pilihan",
          ("ikm", "rasio_desa_mandiri")),
    Kolom("nol_per_nol", False, "Capaian bila target dan realisasi sama-sama 0 (mis. 100).", "",
          ("Capaian Nol per Nol", "Capaian 0/0"), "angka"),
    Kolom("urutan", False, "Urutan tampil (bawaan: urutan baris di berkas).", "1", ("No Urut", "Nomor Urut"), "bulat"),
    _TAHUN,
    Kolom("target", True, "Target tahunan.", "55,55", ("Target Tahunan", "Target Kinerja", "Target PK"), "angka"),
    *[Kolom(f"target_tw{n}", False, f"Target s.d. triwulan {ROMAWI_TEKS[n]} (boleh kosong).", "",
            _tw(["Target"], n), "angka") for n in range(1, 5)],
    Kolom("target_renstra", False, "Target akhir periode Renstra.", "100",
          ("Target Akhir Renstra", "Target Akhir Periode Renstra", "Target Renstra Akhir"), "angka"),
    Kolom("versi", False, "Versi target (mis. PK, PK Perubahan); impor terakhir yang berlaku, riwayat disimpan.",
          "PK Perubahan", ("Versi Target", "Dokumen Target")),
    _KECAMATAN,
]

_REALISASI = [
    Kolom("kode", True, "Kode indikator (atau kolom indikator berisi nama indikator).", "IKU-1",
          ("Kode Indikator", "Kode IKU")),
    Kolom("indikator", False, "Nama indikator, dipakai bila tidak ada kolom kode.", "",
          ("Indikator Kinerja", "Nama Indikator", "Indikator Kinerja Utama"), templat=False),
    _TAHUN,
    _TRIWULAN,
    Kolom("realisasi", True, "Realisasi triwulan ini; '-' atau kosong = belum diukur.", "77,77",
          ("Capaian Realisasi", "Nilai", "Nilai Realisasi", "Realisasi Kinerja"), "angka"),
    *[Kolom(f"tw{n}", False, f"Bentuk lebar: realisasi triwulan {ROMAWI_TEKS[n]}.", "",
            _tw(["", "Realisasi"], n), "angka", templat=False) for n in range(1, 5)],
    Kolom("capaian", False, "Capaian yang tercetak (%): tidak diimpor, hanya diperiksa terhadap realisasi / target "
          "× 100 (bentuk panjang).", "", ("Capaian (%)", "Capaian %", "Persentase Capaian", "% Capaian",
                                          "Capaian Kinerja", "Capaian Kinerja (%)", "Capaian", "Persen Capaian",
                                          # e-kinerja's measurement page heads its capaian so (realisasi / target)
                                          "Target Kinerja (%)"),
          "angka", templat=False),
    Kolom("keterangan", False, "Keterangan.", "", ("Catatan",)),
    Kolom("faktor_pendorong", False, "Faktor pendorong keberhasilan.", "", ("Pendorong", "Faktor Pendukung")),
    Kolom("faktor_penghambat", False, "Faktor penghambat.", "", ("Penghambat", "Kendala", "Hambatan")),
    Kolom("tindak_lanjut", False, "Tindak lanjut / solusi.", "", ("Solusi", "Rencana Tindak Lanjut", "Upaya")),
    _KECAMATAN,
]

_ANGGARAN = [
    Kolom("kode", True, "Kode program/kegiatan/sub kegiatan (7.01.01…) atau kode rekening (5.1.02…).", "7.01.01.2.01.0001",
          ("Kode Rekening", "Kode Program/Kegiatan", "Kode Program/Kegiatan/Sub Kegiatan", "Kode Program",
           "Kode Kegiatan", "Kode Sub Kegiatan", "Kode Akun", "Kode Anggaran")),
    Kolom("uraian", True, "Nama program, kegiatan, sub kegiatan atau rekening.", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
          ("Program/Kegiatan/Sub Kegiatan", "Nama Program/Kegiatan/Sub Kegiatan", "Program/Kegiatan", "Nama Kegiatan",
           "Nama Program/Kegiatan", "Uraian Rekening", "Nama Rekening", "Uraian Kegiatan", "Nama Sub Kegiatan",
           "Program", "Kegiatan", "Sub Kegiatan", "Nama Program", "Rekening", "Akun", "Kegiatan/Sub Kegiatan",
           "Nama Kegiatan/Sub Kegiatan", "Uraian Program/Kegiatan", "Nama Belanja")),
    _TAHUN,
    Kolom("pagu", True, "Pagu yang berlaku (terakhir). Boleh diganti kolom pagu_perubahan dan/atau pagu_murni.",
          "5.405.994,00", ("Anggaran", "Pagu Anggaran", "Jumlah Anggaran", "Nilai Anggaran", "Anggaran Rp",
                           "Alokasi Anggaran", "Alokasi", "Alokasi Dana", "Pagu Dana"), "uang"),
    Kolom("pagu_perubahan", False, "Pagu setelah perubahan (APBD Perubahan).", "",
          ("Anggaran Setelah Perubahan", "Pagu Setelah Perubahan", "Anggaran Perubahan", "APBD Perubahan",
           "Pagu APBD Perubahan"), "uang", templat=False),
    Kolom("pagu_murni", False, "Pagu sebelum perubahan (APBD murni).", "",
          ("Anggaran Sebelum Perubahan", "Pagu Sebelum Perubahan", "Anggaran Murni", "APBD Murni", "Pagu APBD Murni"),
          "uang", templat=False),
    _TRIWULAN,
    Kolom("realisasi", False, "Realisasi s.d. triwulan (kumulatif, seperti cetakan SIPD) — kecuali dipilih 'per "
          "triwulan'.", "2.684.778,00", ("Realisasi Anggaran", "Jumlah Realisasi", "Realisasi Keuangan",
                                        "Realisasi Rp"), "uang"),
    *[Kolom(f"realisasi_tw{n}", False, f"Bentuk lebar: realisasi triwulan {ROMAWI_TEKS[n]}.", "",
            _tw(["Realisasi", "", "Realisasi Anggaran"], n), "uang", templat=False) for n in range(1, 5)],
    *[Kolom(f"rencana_tw{n}", False, f"Anggaran kas (rencana penarikan) triwulan {ROMAWI_TEKS[n]}, per triwulan.", "",
            _tw(["Rencana", "Anggaran Kas", "Rencana Penarikan"], n), "uang", templat=False) for n in range(1, 5)],
    Kolom("rencana", False, "Anggaran kas triwulan (bentuk panjang, bersama kolom triwulan).", "",
          ("Anggaran Kas", "Rencana Penarikan", "Rencana Penarikan Dana"), "uang", templat=False),
    Kolom("jenis_belanja", False, "Jenis belanja (Pegawai, Barang dan Jasa, Modal, Hibah).", "Belanja Barang dan Jasa",
          (), templat=False),
    Kolom("persen", False, "Persentase serapan yang tercetak: tidak diimpor, hanya diperiksa terhadap hitungan ulang.", "",
          ("Persentase", "Persen", "Serapan", "Persentase Serapan", "Realisasi Persen", "Capaian Persen",
           "Capaian Realisasi Keuangan", "Capaian Anggaran", "Capaian Anggaran (%)", "Capaian Keuangan",
           "Persentase Realisasi Anggaran", "Realisasi Keuangan Persen"), "angka", templat=False),
    _KECAMATAN,
]

_SKM = [
    _TAHUN,
    _TRIWULAN,
    *[Kolom(f"u{n}", True, f"Skor unsur U{n} ({LABEL_UNSUR[f'U{n}']}): 1–4 atau jawaban teks kuesioner; kosong "
            f"= tidak dijawab.", "4", tuple(dict.fromkeys((f"U {n}", f"Unsur {n}", f"Unsur {ROMAWI_TEKS.get(n, n)}",
                                                         f"P{n}", f"Q{n}"))), "skor") for n in range(1, 10)],
    Kolom("id_responden", False, "Nomor/ID responden (dipakai mode tambah untuk melewati yang sudah ada).", "R-001",
          ("ID Responden", "No Responden", "Nomor Responden", "Responden", "Resp", "ID")),
    Kolom("tanggal", False, "Tanggal pengisian.", "2025-04-14", ("Timestamp", "Cap Waktu", "Tanggal Survei",
                                                                 "Waktu Pengisian", "Tanggal Pengisian",
                                                                 "Tgl Pengisian", "Tgl Survei")),
    Kolom("layanan", False, "Jenis layanan yang diterima.", "KTP", ("Jenis Layanan", "Jenis Pelayanan", "Pelayanan",
                                                                   "Layanan yang Diterima", "Nama Layanan")),
    Kolom("jenis_kelamin", False, "Jenis kelamin.", "Perempuan", ("JK", "Kelamin", "L/P")),
    Kolom("umur", False, "Umur (tahun).", "34", ("Usia",), "bulat"),
    Kolom("pendidikan", False, "Pendidikan terakhir.", "SMA", ("Pendidikan Terakhir",)),
    Kolom("pekerjaan", False, "Pekerjaan.", "Wiraswasta", ("Pekerjaan Utama",)),
    Kolom("saran", False, "Saran dan masukan.", "", ("Saran dan Masukan", "Kritik dan Saran", "Masukan",
                                                   "Saran Masukan", "Kritik/Saran", "Kritik Saran")),
    _PERIODE_SKM,
    _KECAMATAN,
]

_SKM_REKAP = [
    _TAHUN,
    _TRIWULAN,
    Kolom("unsur", True, "U1..U9 atau label unsur (Persyaratan, Kemudahan Prosedur, …); IKM / Nilai Hasil IKM untuk "
          "IKM tercetak.", "U1", ("Unsur Pelayanan", "Ruang Lingkup SKM", "Ruang Lingkup", "Unsur SKM",
                                  "Ruang Lingkup Pelayanan")),
    Kolom("nrr", True, "NRR unsur (1–4); untuk baris IKM: nilai IKM (25–100). Bentuk laporan: kolom NRR TW I … "
          "NRR TW IV.", "3,61", ("Nilai Rata-Rata", "Nilai Rata Rata", "NRR Per Unsur", "Nilai", "NRR Unsur"),
          "angka"),
    Kolom("responden", False, "Jumlah responden triwulan itu.", "150", ("Jumlah Responden", "Banyak Responden"),
          "bulat"),
    *[Kolom(f"u{n}", False, f"Bentuk lebar: NRR U{n}.", "", (f"Unsur {n}", f"NRR U{n}"), "angka", templat=False)
      for n in range(1, 10)],
    Kolom("ikm", False, "Bentuk lebar: IKM tercetak (25–100).", "", ("Nilai IKM", "Nilai Hasil IKM",
                                                                     "Indeks Kepuasan Masyarakat"), "angka",
          templat=False),
    Kolom("layanan", False, "Jenis layanan, bila rekap per layanan (seperti portal SKM); kosong = seluruh "
          "kecamatan.", "", ("Jenis Layanan", "Jenis Pelayanan", "Pelayanan", "Nama Layanan", "Unit Layanan",
                             "Layanan"), templat=False),
    _PERIODE_SKM,
    _KECAMATAN,
]

_DESA = [
    Kolom("nama_desa", True, "Nama desa/kelurahan.", "Bajuin", ("Desa", "Nama Desa", "Desa/Kelurahan",
                                                                "Nama Desa/Kelurahan", "Kelurahan/Desa")),
    Kolom("kode_desa", False, "Kode desa (Kemendagri).", "63.01.09.2001", ("Kode Desa", "Kode Wilayah",
                                                                          "Kode Kemendagri")),
    Kolom("jenis", False, "desa (bawaan) atau kelurahan.", "desa", ("Jenis Desa",), "pilihan", ("desa", "kelurahan")),
    Kolom("definitif", False, "ya (bawaan) atau tidak (desa persiapan).", "ya", ("Status Definitif",), "pilihan",
          ("ya", "tidak")),
    Kolom("tahun", False, "Tahun status (wajib bila ada status, skor atau dimensi).", "2025", ("Tahun Data", "TA"),
          "tahun"),
    Kolom("skema", False, "indeks_desa_2024 (0–100) atau idm_2016 (0–1); bawaan: pengaturan kecamatan.",
          "indeks_desa_2024", ("Skema Indeks",), "pilihan", ("indeks_desa_2024", "idm_2016")),
    Kolom("skor", False, "Skor indeks desa.", "88,98", ("Nilai", "Skor ID", "Nilai IDM", "Skor IDM", "Nilai Indeks Desa",
                                                      "Indeks Desa", "IDM", "Nilai ID", "Skor Indeks Desa"), "angka"),
    Kolom("status", False, "Status: Mandiri, Maju, Berkembang, Tertinggal, Sangat Tertinggal.", "Mandiri",
          ("Status Desa", "Status IDM", "Status ID", "Status Indeks Desa")),
    Kolom("layanan_dasar", False, "Dimensi Layanan Dasar (Indeks Desa 2024).", "134", ("Dimensi Layanan Dasar",), "angka"),
    Kolom("sosial", False, "Dimensi Sosial.", "79", ("Dimensi Sosial",), "angka"),
    Kolom("ekonomi", False, "Dimensi Ekonomi.", "149", ("Dimensi Ekonomi",), "angka"),
    Kolom("lingkungan", False, "Dimensi Lingkungan.", "84", ("Dimensi Lingkungan",), "angka"),
    Kolom("aksesibilitas", False, "Dimensi Aksesibilitas.", "48", ("Dimensi Aksesibilitas",), "angka"),
    Kolom("tata_kelola", False, "Dimensi Tata Kelola Pemerintahan Desa.", "71",
          ("Tata Kelola Pemerintahan Desa", "Dimensi Tata Kelola"), "angka"),
    Kolom("iks", False, "Indeks Ketahanan Sosial (IDM 2016).", "", ("Indeks Ketahanan Sosial",), "angka", templat=False),
    Kolom("ike", False, "Indeks Ketahanan Ekonomi (IDM 2016).", "", ("Indeks Ketahanan Ekonomi",), "angka",
          templat=False),
    Kolom("ikl", False, "Indeks Ketahanan Lingkungan (IDM 2016).", "", ("Indeks Ketahanan Lingkungan",), "angka",
          templat=False),
    # A table of counts (satu-data): status rows × year columns, year rows × status columns, or status + jumlah.
    Kolom("jumlah", False, "Rekap tanpa nama desa: jumlah desa berstatus itu (kolom tahun seperti '2024' dibaca "
          "sebagai jumlah tahun itu).", "", ("Jumlah Desa", "Banyaknya Desa", "Banyak Desa", "Jumlah"), "bulat",
          templat=False),
    *[Kolom(k, False, f"Rekap tanpa nama desa: jumlah desa {s}.", "", (s, f"Desa {s}", f"Jumlah Desa {s}"), "bulat",
            templat=False) for k, s in (("mandiri", "Mandiri"), ("maju", "Maju"), ("berkembang", "Berkembang"),
                                        ("tertinggal", "Tertinggal"), ("sangat_tertinggal", "Sangat Tertinggal"))],
    _KECAMATAN,
]

_SKALA = [
    Kolom("nama", True, "Nama skala; mengimpor nama yang sama mengganti seluruh rentangnya.", "Skala Kabupaten",
          ("Nama Skala", "Skala")),
    Kolom("batas_bawah", True, "Batas bawah rentang.", "90", ("Batas", "Nilai Minimum", "Minimal", "Dari"), "angka"),
    Kolom("inklusif", False, "ya (bawaan): nilai tepat di batas masuk rentang ini; tidak: harus lebih besar.", "tidak",
          ("Termasuk Batas",), "pilihan", ("ya", "tidak")),
    Kolom("label", True, "Label kategori.", "Sangat Tinggi", ("Kategori", "Predikat", "Nama Kategori")),
    Kolom("warna", False, "Warna (kode hex).", "#1b7f3b", ("Kode Warna",)),
]

KOLOM: dict[str, dict[str, Kolom]] = {
    ds: {k.nama: k for k in kolom} for ds, kolom in {
        "indikator": _INDIKATOR, "realisasi": _REALISASI, "anggaran": _ANGGARAN, "skm": _SKM,
        "skm-rekap": _SKM_REKAP, "desa": _DESA, "skala": _SKALA}.items()
}

def _dari(dataset: str, *nama: str) -> tuple[str, ...]:
    """The names and aliases of import columns, to reuse them for the columns of a printed report."""
    return tuple(dict.fromkeys(a for n in nama for a in (n, *KOLOM[dataset][n].alias)))


# The tables of a printed report (LKjIP) that `dashboard.periksa_laporan` checks: the import columns' names
# and aliases, plus the wording the reports print in their headers. (Survey tables use `skm-rekap`.)
TABEL_LAPORAN: dict[str, dict[str, Kolom]] = {ds: {k.nama: k for k in kolom} for ds, kolom in {
    "laporan-capaian": [
        Kolom("kode", False, "Kode indikator.", "IKU-1", _dari("indikator", "kode")[1:] + ("Kode",)),
        Kolom("indikator", False, "Nama indikator.", "Persentase Desa Mandiri di Kecamatan",
              _dari("indikator", "indikator")[1:] + ("Indikator", "Kinerja Utama", "Indikator Tujuan/Sasaran",
                                                    "Indikator Kinerja Sasaran")),
        Kolom("satuan", False, "Satuan.", "%", _dari("indikator", "satuan")[1:]),
        Kolom("target", False, "Target (tahun di judul kolom, bila ada).", "55,55",
              _dari("indikator", "target")[1:] + ("Target/PK", "Target/PK Camat", "Target/PK Sekcam",
                                                 "Target Capaian Setiap Tahun", "Target Kinerja Tujuan/Sasaran",
                                                 "Target Kinerja Tujuan/Sasaran pada Tahun Ke")),
        Kolom("realisasi", False, "Realisasi (tahun di judul kolom, bila ada).", "77,77",
              ("Realisasi Kinerja", "Nilai Realisasi", "Real", "Realisasi Tahun")),
        Kolom("capaian", False, "Capaian (%) = realisasi / target × 100 (polaritas negatif: (2 − realisasi / "
              "target) × 100).", "140", ("Persentase Capaian", "% Capaian", "Capaian Kinerja", "Tingkat Capaian",
                                          "Capaian Target", "Persen")),
        Kolom("target_renstra", False, "Target akhir periode Renstra.", "100",
              _dari("indikator", "target_renstra")[1:] + ("Akhir Renstra", "Kondisi Kinerja pada Akhir Periode RPD",
                                                         "Akhir Periode RPD", "Target Akhir RPD")),
        Kolom("capaian_renstra", False, "Capaian terhadap target akhir Renstra (%).", "77,77",
              ("Capaian thd Target Akhir Renstra", "Capaian terhadap Target Akhir Renstra",
               "Capaian terhadap Renstra")),
    ],
    "laporan-anggaran": [
        Kolom("kode", False, "Kode program/kegiatan atau kode rekening.", "5.1.02", _dari("anggaran", "kode")[1:]),
        Kolom("uraian", False, "Nama program, kegiatan, sub kegiatan atau rekening.", "Belanja Pegawai",
              _dari("anggaran", "uraian")[1:]),
        Kolom("pagu", False, "Pagu (anggaran).", "8.102.188.741,16",
              _dari("anggaran", "pagu", "pagu_perubahan", "pagu_murni")[1:] + ("Pagu",)),
        Kolom("realisasi", False, "Realisasi anggaran.", "7.140.490.984,00", _dari("anggaran", "realisasi")[1:]),
        Kolom("persen", False, "Persentase = realisasi / pagu × 100.", "88,13",
              _dari("anggaran", "persen")[1:] + ("Persentase Realisasi", "% Realisasi")),
        Kolom("sisa", False, "Sisa = pagu − realisasi.", "961.697.757,16",
              ("Sisa Anggaran", "Sisa Pagu", "Sisa Dana", "SiLPA")),
    ],
    "laporan-efisiensi": [
        Kolom("capaian", False, "Capaian kinerja (%).", "140", ("Capaian Kinerja", "Persentase Capaian Kinerja",
                                                                "Persentase Kinerja", "Realisasi Kinerja")),
        Kolom("serapan", False, "Realisasi keuangan (serapan, %).", "88,13",
              ("Realisasi Keuangan", "Persentase Keuangan", "Persentase Realisasi Keuangan", "Serapan Anggaran",
               "Capaian Keuangan")),
        Kolom("efisiensi", False, "Efisiensi (rumus Tanah Laut, selisih, atau rasio).", "37,05",
              ("Nilai Efisiensi", "Efisiensi Kinerja")),
    ],
}.items()}

NAMA_DATASET = {
    "indikator": "indikator dan target", "realisasi": "realisasi indikator", "anggaran": "anggaran",
    "skm": "jawaban SKM", "skm-rekap": "rekap NRR SKM", "desa": "desa dan status desa", "skala": "skala kategori",
}

# Report wording of the unsur (Bajuin, Bati-Bati, Pelaihari tables and common questionnaires).
VARIAN_UNSUR: dict[str, tuple[str, ...]] = {
    "U1": ("Persyaratan", "Persyaratan Pelayanan", "Kesesuaian Persyaratan"),
    "U2": ("Sistem, Mekanisme dan Prosedur", "Kemudahan Prosedur", "Prosedur Pelayanan", "Prosedur", "Mekanisme"),
    "U3": ("Waktu Penyelesaian", "Kecepatan Waktu", "Kecepatan Pelayanan", "Waktu Pelayanan", "Ketepatan Waktu"),
    "U4": ("Biaya/Tarif", "Biaya", "Tarif", "Kewajaran Biaya"),
    "U5": ("Produk Spesifikasi Jenis Pelayanan", "Kesesuaian Produk", "Produk Pelayanan", "Produk Spesifikasi",
           "Produk"),
    "U6": ("Kompetensi Pelaksana", "Kompetensi Petugas", "Kemampuan Petugas", "Kompetensi", "Kemampuan Pelaksana"),
    "U7": ("Perilaku Pelaksana", "Perilaku Petugas", "Prilaku Petugas", "Perilaku", "Prilaku", "Kesopanan",
           "Keramahan"),
    "U8": ("Sarana dan Prasarana", "Sarana Prasarana", "Sarana", "Prasarana"),
    "U9": ("Penanganan Pengaduan", "Pengaduan", "Penanganan Pengaduan, Saran dan Masukan"),
}
LABEL_IKM = ("IKM", "Nilai IKM", "Nilai Hasil IKM", "Indeks Kepuasan Masyarakat", "Nilai Indeks", "Hasil IKM")
LABEL_KOMPOSIT = ("NRR 9 Ruang Lingkup", "NRR Ruang Lingkup", "NRR Rata-Rata", "Rata-Rata NRR", "Rata-Rata",
                  "Jumlah", "Total", "NRR Tertimbang", "Jumlah NRR", "Nilai Rata-Rata Semua Unsur", "NRR 9 Unsur")
LABEL_RESPONDEN = ("Jumlah Responden", "Responden", "Banyak Responden")


def kunci(teks) -> str:
    """The comparison key of a header or label: lower case, `%` spelled out, only letters and digits."""
    t = unicodedata.normalize("NFKD", str(teks))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower().replace("%", " persen ")
    return re.sub(r"[^a-z0-9]", "", t)


def sisa_setelah(teks: str, panjang_kunci: int) -> str:
    """The part of `teks` after the characters that make up the first `panjang_kunci` key characters."""
    n = 0
    for i, c in enumerate(teks):
        if n >= panjang_kunci:
            return teks[i:]
        n += len(kunci(c))
    return ""


_BULAN = {"januari": 1, "februari": 1, "pebruari": 1, "maret": 1, "april": 2, "mei": 2, "juni": 2, "juli": 3,
          "agustus": 3, "september": 3, "oktober": 4, "november": 4, "nopember": 4, "desember": 4}
_PENANDA_TW = {"tw", "tr", "triwulan", "kuartal", "q", "trw", "twl"}
_PENANDA_SEMESTER = {"semester", "smt", "sem"}
_BOLEH = {"sd", "s", "d", "sampai", "dengan", "tahun", "ta", "rp", "per", "akhir", "bulan", "tri", "wulan",
          "thn", "th"} | _PENANDA_TW | _PENANDA_SEMESTER | set(ROMAWI) | set(_BULAN)


@dataclass(frozen=True)
class Label:
    tahun: int | None = None
    triwulan: int | None = None
    periode: str | None = None  # semester | tahunan: a survey of that kind, shown in `triwulan`


def label_periode(teks: str) -> Label | None:
    """The period a header remainder names (`s.d. Triwulan IV`, `2025`, `TW I`, `(Rp)`), or None if it is not one.

    `Semester I` / `Semester II` name the TW a half year ends in (II, IV), `Tahunan` TW IV, with their kind."""
    if "%" in str(teks):
        return None
    t = str(teks).lower().replace("s.d.", " sd ").replace("s/d", " sd ").replace("s.d", " sd ")
    token = re.findall(r"[a-z]+|\d+", t)
    tahun = tw = jenis = None
    for i, tok in enumerate(token):
        sebelumnya = token[i - 1] if i else ""
        if sebelumnya in _PENANDA_SEMESTER:
            if tok not in ("i", "ii", "1", "2"):
                return None
            tw, jenis = 2 * (ROMAWI.get(tok) or int(tok)), "semester"
        elif tok == "tahunan":
            tw, jenis = 4, "tahunan"
        elif tok.isdigit():
            n = int(tok)
            if len(tok) == 4 and 1900 <= n <= 2100:
                tahun = n
            elif sebelumnya in _PENANDA_TW or (sebelumnya == "wulan" and i > 1 and token[i - 2] == "tri"):
                if not 1 <= n <= 4:
                    return None
                tw = n
            elif 1 <= n <= 31 and i + 1 < len(token) and token[i + 1] in _BULAN:
                continue
            else:
                return None
        elif tok in ROMAWI:
            tw = ROMAWI[tok]
        elif tok in _BULAN:
            tw = _BULAN[tok]
        elif tok not in _BOLEH:
            return None
    return Label(tahun, tw, jenis)


@dataclass
class Cocok:
    """How one header was read: the canonical column, the period its label names, and the way it matched."""

    kanonik: str
    tahun: int | None = None
    triwulan: int | None = None
    cara: str = "tepat"  # tepat | awalan | unsur | manual
    periode: str | None = None  # semester | tahunan (a header such as `NRR Semester I`)


@dataclass
class Pencocok:
    """Header matching for one dataset (with the kecamatan's own unsur labels for the survey datasets)."""

    dataset: str
    label_unsur: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        self.tepat: dict[str, str] = {}
        for k in (KOLOM.get(self.dataset) or TABEL_LAPORAN[self.dataset]).values():
            for nama in (k.nama, *k.alias):
                self.tepat.setdefault(kunci(nama), k.nama)
        self.awalan = sorted(self.tepat.items(), key=lambda kv: -len(kv[0]))
        self.unsur = daftar_label_unsur(self.label_unsur)

    def cocokkan(self, header) -> Cocok | None:
        if header is None:
            return None
        teks = " ".join(str(header).split())
        if len(teks) > JUDUL_MAKS:
            return None  # a paragraph, not a header (and not worth comparing letter by letter)
        k = kunci(teks)
        if not k:
            return None
        if k in self.tepat:
            return Cocok(self.tepat[k])
        if self.dataset == "desa":
            # A count table's year columns (`2024`, `Tahun 2024`): the number of desa of that year.
            tahun = re.fullmatch(r"(?:tahun|th|ta)?((?:19|20)\d\d)", k)
            if tahun:
                return Cocok("jumlah", int(tahun.group(1)), cara="awalan")
        for alias, nama in self.awalan:
            if k.startswith(alias) and len(k) > len(alias):
                label = label_periode(sisa_setelah(teks, len(alias)))
                if label is not None:
                    return Cocok(nama, label.tahun, label.triwulan, "awalan", label.periode)
        if self.dataset in ("skm", "skm-rekap"):
            u = self.cari_unsur(teks)
            if u and f"u{u[1:]}" in KOLOM[self.dataset]:
                return Cocok(u.lower(), cara="unsur")
        return None

    def cari_unsur(self, teks: str) -> str | None:
        """The unsur whose label the text contains (the text in [brackets] first), else None."""
        kurung = re.findall(r"\[([^\]]*)\]", str(teks))
        for bagian in ([kurung[-1]] if kurung else []) + [str(teks)]:
            u = _unsur_dalam(kunci(bagian), self.unsur)
            if u:
                return u
        return None


def daftar_label_unsur(label_unsur: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(label key, unsur) pairs, longest label first: defaults, the kecamatan's own labels and report wording."""
    pasangan: dict[str, str] = {}
    for u in UNSUR:
        pasangan.setdefault(kunci(u), u)
        pasangan.setdefault(kunci(f"Unsur {u[1:]}"), u)
    for sumber in ((label_unsur or {}), LABEL_UNSUR):
        for u, label in sumber.items():
            if u in UNSUR and label:
                pasangan.setdefault(kunci(label), u)
    for u, varian in VARIAN_UNSUR.items():
        for v in varian:
            pasangan.setdefault(kunci(v), u)
    return sorted(pasangan.items(), key=lambda kv: -len(kv[0]))


def _unsur_dalam(k: str, daftar: list[tuple[str, str]]) -> str | None:
    if not k:
        return None
    for label, u in daftar:
        if k == label:
            return u
    for label, u in daftar:
        if len(label) >= 4 and label in k:
            return u
    return None


def baca_unsur(teks, daftar: list[tuple[str, str]]) -> str | None:
    """`U1`, `1`, `I`, or a label → U1..U9; 'IKM' for the printed index; None when unknown."""
    t = " ".join(str(teks).split())
    k = kunci(t)
    if not k:
        return None
    if k.isdigit() and 1 <= int(k) <= 9:
        return f"U{int(k)}"
    if k in {kunci(x) for x in LABEL_IKM} or k.startswith("nilaihasilikm") or k.startswith("nilaiikm"):
        return "IKM"
    return _unsur_dalam(k, daftar)


def adalah_komposit(teks) -> bool:
    k = kunci(teks)
    return any(k == kunci(x) or k.startswith(kunci(x)) for x in LABEL_KOMPOSIT)


def adalah_responden(teks) -> bool:
    k = kunci(teks)
    return any(k == kunci(x) for x in LABEL_RESPONDEN)
