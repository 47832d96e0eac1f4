"""The synthetic example kecamatan "Contoh Sintetis" (Kabupaten Tanah Laut, 2025).

Every figure here is invented, drawn from `random.Random(seed)`: the same seed always gives the same
bytes. The files are what an office would upload (formats.md §1), so the demo loader imports them
through the same engine as the real kecamatan. Every text that names the kecamatan says it is synthetic.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta

from dashboard import desa as desa_f
from dashboard import skm as skm_f

KECAMATAN = "Contoh Sintetis"
KABUPATEN = "Tanah Laut"
TAHUN = 2025
CATATAN = "Data sintetis untuk contoh; bukan data kecamatan nyata."
PENGATURAN_SINTETIS = {"skema_desa": "indeks_desa_2024", "skm_populasi": "2400"}

SASARAN = "Meningkatnya Tata Kelola Pemerintahan Kecamatan dan Pemberdayaan Kecamatan serta Pelayanan Publik"
DIMENSI = ("layanan_dasar", "sosial", "ekonomi", "lingkungan", "aksesibilitas", "tata_kelola")
# Typical raw dimension scores of a desa in Tanah Laut (shares of the 635-point total of Indeks Desa 2024).
DIMENSI_KHAS = (140, 68, 130, 75, 44, 66)
# Invented desa names with their status in 2024 and 2025 (three move up a step in 2025).
DESA = (
    ("Sungai Rintik", "Mandiri", "Mandiri"),
    ("Padang Semilir", "Mandiri", "Mandiri"),
    ("Tambak Ceria", "Mandiri", "Mandiri"),
    ("Karang Bening", "Mandiri", "Mandiri"),
    ("Banua Lestari", "Maju", "Mandiri"),
    ("Tanjung Pelangi", "Maju", "Mandiri"),
    ("Bukit Damai", "Maju", "Maju"),
    ("Telaga Sari Indah", "Maju", "Maju"),
    ("Muara Sejuk", "Berkembang", "Maju"),
    ("Pematang Asri", "Berkembang", "Berkembang"),
)
# Score bands (2 decimals) kept clear of the thresholds, so that every status agrees with its score.
PITA_SKOR = {"Mandiri": (80.5, 89.5), "Maju": (70.5, 78.8), "Berkembang": (60.0, 68.5)}

LAYANAN = (("KTP-el", 24), ("Kartu Keluarga", 21), ("Akta Kelahiran", 12), ("KIA", 9), ("SKTM", 12),
           ("Surat Pindah", 7), ("Rekomendasi", 5), ("Dispensasi Nikah", 4), ("Legalisasi Ahli Waris", 4),
           ("Surat Keterangan Usaha", 2))
PENDIDIKAN = (("SD", 18), ("SMP", 20), ("SMA/SMK", 38), ("D3", 6), ("S1", 16), ("S2", 2))
PEKERJAAN = (("Petani", 24), ("Pedagang", 12), ("Wiraswasta", 14), ("Ibu Rumah Tangga", 18), ("PNS/ASN", 6),
             ("Karyawan Swasta", 10), ("Pelajar/Mahasiswa", 7), ("Buruh", 6), ("Lainnya", 3))
# Mean score per unsur (U1..U9); Waktu Penyelesaian (U3) is visibly the weakest, Biaya (U4) is free.
MU_UNSUR = {"U1": 3.62, "U2": 3.50, "U3": 3.14, "U4": None, "U5": 3.58, "U6": 3.55, "U7": 3.66, "U8": 3.44,
            "U9": 3.52}
GESER_TW = {1: -0.06, 2: 0.0, 3: 0.02, 4: 0.07}
SARAN_WAKTU = (
    "Pelayanan KTP-el mohon dipercepat, kami menunggu cukup lama.",
    "Antrean pagi terlalu panjang, sebaiknya petugas ditambah.",
    "Perekaman KTP-el sering tertunda karena alatnya rusak.",
    "Penyelesaian KK lebih dari seminggu, mohon diperbaiki.",
    "Mohon ada kepastian kapan berkas selesai.",
)
SARAN_SARANA = (
    "Ruang tunggu panas, mohon ditambah kipas angin.",
    "Tempat parkir sempit kalau sedang ramai.",
    "Kursi di ruang tunggu kurang.",
    "Toilet perlu lebih sering dibersihkan.",
)
SARAN_UMUM = (
    "Petugas ramah dan sopan, terima kasih.",
    "Pelayanan sudah baik, pertahankan.",
    "Terima kasih, pelayanannya gratis dan jelas.",
    "Semoga pelayanan makin cepat.",
    "Berkas selesai hari itu juga, mantap.",
    "Informasi persyaratan sebaiknya ditempel di depan loket.",
    "Mohon ada nomor WhatsApp untuk menanyakan berkas.",
)

# The program tree: (kode, uraian, pagu in rupiah or None for a parent, jenis belanja, rencana shares per TW).
SUB_KEGIATAN = (
    ("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", 6_500_000, "Belanja Barang dan Jasa",
     (10, 40, 25, 25)),
    ("7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", 3_150_000_000, "Belanja Pegawai", (25, 25, 25, 25)),
    ("7.01.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", 180_000_000,
     "Belanja Barang dan Jasa", (20, 30, 25, 25)),
    ("7.01.01.2.07.0006", "Pengadaan Peralatan dan Mesin Lainnya", 95_000_000, "Belanja Modal", (0, 60, 40, 0)),
    ("7.01.01.2.08.0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", 90_000_000,
     "Belanja Barang dan Jasa", (25, 25, 25, 25)),
    ("7.01.01.2.08.0004", "Penyediaan Jasa Pelayanan Umum Kantor", 150_000_000, "Belanja Barang dan Jasa",
     (25, 25, 25, 25)),
    ("7.01.02.2.02.0002", "Fasilitasi Percepatan Pencapaian Standar Pelayanan Minimal di Wilayah Kecamatan",
     8_000_000, "Belanja Barang dan Jasa", (20, 30, 30, 20)),
    ("7.01.03.2.01.0003", "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
     42_000_000, "Belanja Barang dan Jasa", (15, 30, 30, 25)),
    ("7.01.04.2.01.0001", "Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia "
     "dan Instansi Vertikal di Wilayah Kecamatan", 20_000_000, "Belanja Barang dan Jasa", (25, 25, 25, 25)),
    ("7.01.05.2.01.0001", "Pembinaan Wawasan Kebangsaan dan Ketahanan Nasional", 85_000_000,
     "Belanja Barang dan Jasa", (0, 15, 70, 15)),
    ("7.01.06.2.01.0002", "Fasilitasi Administrasi Tata Pemerintahan Desa", 12_000_000, "Belanja Barang dan Jasa",
     (25, 25, 25, 25)),
    ("7.01.06.2.01.0003", "Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan Aset Desa", 15_000_000,
     "Belanja Barang dan Jasa", (20, 30, 30, 20)),
)
INDUK = {
    "7.01.01": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
    "7.01.01.2.01": "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    "7.01.01.2.02": "Administrasi Keuangan Perangkat Daerah",
    "7.01.01.2.06": "Administrasi Umum Perangkat Daerah",
    "7.01.01.2.07": "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
    "7.01.01.2.08": "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
    "7.01.02": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
    "7.01.02.2.02": "Penyelenggaraan Urusan Pemerintahan yang tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah "
                    "yang ada di Kecamatan",
    "7.01.03": "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
    "7.01.03.2.01": "Koordinasi Kegiatan Pemberdayaan Desa",
    "7.01.04": "Program Koordinasi Ketentraman dan Ketertiban Umum",
    "7.01.04.2.01": "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum",
    "7.01.05": "Program Penyelenggaraan Urusan Pemerintahan Umum",
    "7.01.05.2.01": "Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah",
    "7.01.06": "Program Pembinaan dan Pengawasan Pemerintahan Desa",
    "7.01.06.2.01": "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa",
}
# Share of the quarter's plan actually spent, per sub kegiatan that does not follow its plan.
TERTINGGAL = {
    "7.01.01.2.07.0006": (0.0, 0.0, 0.25, 0.45),   # procurement slips from TW II to TW III/IV
    "7.01.06.2.01.0003": (0.0, 0.05, 0.10, 0.20),  # keuangan desa: schedules clash with Dinas PMD
}


def _csv(header: list[str], rows: list[list]) -> bytes:
    buf = io.StringIO()
    tulis = csv.writer(buf, lineterminator="\n")
    tulis.writerow(header)
    for r in rows:
        tulis.writerow(["" if v is None else v for v in r])
    return buf.getvalue().encode("utf-8")


def _pilih(rng: random.Random, pilihan: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p for p, _ in pilihan], weights=[b for _, b in pilihan])[0]


def _angka(x: float, digit: int = 2) -> str:
    return f"{x:.{digit}f}"


def _entri(dataset: str, nama_file: str, isi: bytes, *, triwulan: int | None = None,
           per_triwulan: bool = False, keterangan: str) -> dict:
    return {"kecamatan": KECAMATAN, "kabupaten": KABUPATEN, "dataset": dataset, "tahun": TAHUN,
            "triwulan": triwulan, "per_triwulan": per_triwulan, "keterangan": keterangan,
            "nama_file": nama_file, "isi": isi, "sintetis": True}


# ------------------------------------------------------------------------------------------- desa

def _dimensi(rng: random.Random, skor: float) -> list[int]:
    """Six raw dimension scores whose sum gives `skor` (sum / 635 × 100) to within rounding."""
    total = round(skor * 6.35)
    bobot = [k * (1 + rng.gauss(0, 0.07)) for k in DIMENSI_KHAS]
    nilai = [round(total * b / sum(bobot)) for b in bobot]
    nilai[0] += total - sum(nilai)
    return nilai


def _desa(rng: random.Random) -> tuple[bytes, dict[int, list[str]]]:
    rows, status_per_tahun = [], {2024: [], 2025: []}
    for nama, status_2024, status_2025 in DESA:
        skor_2024 = rng.uniform(*PITA_SKOR[status_2024])
        if status_2025 == status_2024:
            lo, hi = PITA_SKOR[status_2025]
            skor_2025 = min(hi, max(lo, skor_2024 + rng.uniform(-0.6, 1.8)))
        else:
            skor_2025 = rng.uniform(PITA_SKOR[status_2025][0], PITA_SKOR[status_2025][0] + 3.0)
        for tahun, skor_kira, status in ((2024, skor_2024, status_2024), (2025, skor_2025, status_2025)):
            dims = _dimensi(rng, skor_kira)
            skor = round(sum(dims) / 635 * 100, 2)
            assert desa_f.klasifikasi(skor, "indeks_desa_2024") == status, (nama, tahun, skor)
            rows.append([nama, "desa", tahun, "indeks_desa_2024", *dims, _angka(skor), status])
            status_per_tahun[tahun].append(status)
    header = ["nama_desa", "jenis", "tahun", "skema", *DIMENSI, "skor", "status"]
    return _csv(header, rows), status_per_tahun


# -------------------------------------------------------------------------------------------- SKM

def _hari_kerja(rng: random.Random, triwulan: int) -> date:
    awal = date(TAHUN, 3 * triwulan - 2, 1)
    akhir = date(TAHUN + (triwulan == 4), (3 * triwulan) % 12 + 1, 1)
    while True:
        hari = awal + timedelta(days=rng.randrange((akhir - awal).days))
        if hari.weekday() < 5:
            return hari


def _skor(rng: random.Random, unsur: str, pribadi: float, triwulan: int) -> int | None:
    if rng.random() < 0.004:
        return None
    if unsur == "U4":  # pelayanan gratis
        return 4 if rng.random() < 0.96 else 3
    mu = MU_UNSUR[unsur] + GESER_TW[triwulan] + (-0.12 if unsur == "U3" and triwulan == 3 else 0.0)
    return min(4, max(1, round(mu + pribadi + rng.gauss(0, 0.5))))


def _pekerjaan(rng: random.Random, jenis_kelamin: str, umur: int) -> str:
    if umur <= 22 and rng.random() < 0.6:
        return "Pelajar/Mahasiswa"
    pilihan = tuple(p for p in PEKERJAAN if not (jenis_kelamin == "Laki-laki" and p[0] == "Ibu Rumah Tangga")
                    and not (umur > 30 and p[0] == "Pelajar/Mahasiswa"))
    return _pilih(rng, pilihan)


def _saran(rng: random.Random, jawaban: dict[str, int | None]) -> str:
    if (jawaban["U3"] or 4) <= 2 and rng.random() < 0.7:
        return rng.choice(SARAN_WAKTU)
    if (jawaban["U8"] or 4) <= 2 and rng.random() < 0.6:
        return rng.choice(SARAN_SARANA)
    return rng.choice(SARAN_UMUM) if rng.random() < 0.3 else ""


def _skm(rng: random.Random, triwulan: int) -> tuple[bytes, float, int]:
    """One quarter's responses; also the IKM (1/9 weight) and the number of respondents."""
    n = rng.randint(150, 200)
    responden = []
    for _ in range(n):
        pribadi = rng.gauss(0, 0.22)
        jawaban = {u: _skor(rng, u, pribadi, triwulan) for u in skm_f.UNSUR}
        jenis_kelamin, umur = rng.choice(("Laki-laki", "Perempuan")), rng.randint(17, 72)
        responden.append((_hari_kerja(rng, triwulan), _pilih(rng, LAYANAN), jenis_kelamin, umur,
                          _pilih(rng, PENDIDIKAN), _pekerjaan(rng, jenis_kelamin, umur), jawaban,
                          _saran(rng, jawaban)))
    responden.sort(key=lambda r: r[0])
    rows = []
    for i, (tanggal, layanan, jk, umur, pendidikan, pekerjaan, jawaban, saran) in enumerate(responden, 1):
        rows.append([f"CS-{TAHUN}-TW{triwulan}-{i:04d}", tanggal.isoformat(), layanan, jk, umur, pendidikan,
                     pekerjaan, *[jawaban[u] for u in skm_f.UNSUR], saran])
    header = ["id_responden", "tanggal", "layanan", "jenis_kelamin", "umur", "pendidikan", "pekerjaan",
              *[u.lower() for u in skm_f.UNSUR], "saran"]
    nilai = skm_f.ikm(skm_f.nrr_per_unsur([r[6] for r in responden]))
    return _csv(header, rows), nilai, n


# ----------------------------------------------------------------------------- indikator, realisasi

def _indikator() -> bytes:
    header = ["kode", "indikator", "sasaran", "satuan", "jenis", "polaritas", "agregasi", "hitung", "tahun",
              "target", "target_tw1", "target_tw2", "target_tw3", "target_tw4", "target_renstra", "versi"]
    iku = "iku"
    rows = [
        ["IKU-1", "Persentase Desa Mandiri di Kecamatan", SASARAN, "%", iku, "positif", "terakhir",
         "rasio_desa_mandiri", TAHUN, "70", None, None, None, None, "90", "PK"],
        ["IKU-1", "Persentase Desa Mandiri di Kecamatan", SASARAN, "%", iku, "positif", "terakhir",
         "rasio_desa_mandiri", TAHUN, "60", None, None, None, None, "90", "PK Perubahan"],
        ["IKU-2", "Indeks Kepuasan Masyarakat di Kecamatan", SASARAN, "Nilai", iku, "positif", "rata_rata", "ikm",
         TAHUN, "88.00", None, None, None, None, "90", "PK"],
        ["IKU-3", "Rata-rata Waktu Penyelesaian Layanan Administrasi Kependudukan", SASARAN, "Hari", iku,
         "negatif", "rata_rata", None, TAHUN, "3", None, None, None, None, "2", "PK"],
        ["IK-1", "Jumlah Dokumen Administrasi Kependudukan yang Difasilitasi", "Terfasilitasinya pelayanan "
         "administrasi kependudukan", "Dokumen", "ik", "positif", "jumlah", None, TAHUN, "2000", "450", "950",
         "1480", "2000", None, "PK"],
        ["IK-2", "Jumlah Laporan Monitoring Penyelenggaraan Pemerintahan Desa", "Terbinanya penyelenggaraan "
         "pemerintahan desa", "Laporan", "ik", "positif", "jumlah", None, TAHUN, "40", "10", "20", "30", "40",
         None, "PK"],
    ]
    return _csv(header, rows)


def _realisasi(rng: random.Random, ikm_tw: dict[int, float], rasio: float, jumlah_desa: int,
               mandiri: int) -> bytes:
    header = ["kode", "tahun", "triwulan", "realisasi", "keterangan", "faktor_pendorong", "faktor_penghambat",
              "tindak_lanjut"]
    waktu = {1: rng.uniform(3.3, 3.5), 2: rng.uniform(3.0, 3.2), 3: rng.uniform(3.05, 3.25),
             4: rng.uniform(2.6, 2.8)}
    dokumen = {tw: rng.randint(lo, hi) for tw, (lo, hi) in {1: (430, 470), 2: (480, 520), 3: (500, 560),
                                                             4: (520, 570)}.items()}
    laporan = {1: 10, 2: 9, 3: 10, 4: 11}
    teks_desa = {
        1: ("Pendampingan rutin kepala desa dan BUMDes.", "Data Indeks Desa 2025 belum dibahas bersama desa.",
            "Menjadwalkan klinik Indeks Desa per desa pada TW II."),
        2: ("Klinik Indeks Desa untuk desa berstatus Maju dan Berkembang.",
            "Dimensi Lingkungan dan Aksesibilitas masih rendah di desa Berkembang.",
            "Mendorong program pengelolaan sampah desa dalam APBDes Perubahan."),
        3: ("Dua desa berhasil naik ke status Mandiri.", "Satu desa masih Berkembang karena tata kelola lemah.",
            "Pendampingan khusus tata kelola untuk desa Berkembang."),
        4: ("Koordinasi lintas sektor dengan dinas terkait berjalan baik.",
            "Keterbatasan anggaran desa untuk layanan dasar.",
            "Mengusulkan desa prioritas dalam Musrenbang kecamatan."),
    }
    teks_ikm = {
        1: ("Petugas ramah dan layanan tanpa biaya.", "Antrean perekaman KTP-el panjang pada awal tahun.",
            "Menambah jadwal perekaman KTP-el."),
        2: ("Informasi persyaratan ditempel di loket.", "Ruang tunggu sempit saat ramai.",
            "Menata ulang ruang tunggu dan menambah kursi."),
        3: ("Layanan konsultasi lewat WhatsApp mulai berjalan.",
            "Alat perekaman KTP-el rusak sehingga waktu penyelesaian memanjang.",
            "Meminta perbaikan alat ke Disdukcapil dan memberi kepastian jadwal kepada warga."),
        4: ("Alat perekaman kembali berfungsi dan antrean tertata.", "Unsur Waktu Penyelesaian masih terendah.",
            "Menetapkan standar waktu per layanan dan memantaunya tiap bulan."),
    }
    rows = []
    for tw in range(1, 5):
        p, h, t = teks_desa[tw]
        rows.append(["IKU-1", TAHUN, tw, _angka(rasio), f"{mandiri} dari {jumlah_desa} desa berstatus Mandiri "
                     f"(Indeks Desa 2025). {CATATAN}", p, h, t])
    for tw in range(1, 5):
        p, h, t = teks_ikm[tw]
        rows.append(["IKU-2", TAHUN, tw, _angka(ikm_tw[tw]), f"IKM dari jawaban SKM triwulan ini. {CATATAN}",
                     p, h, t])
    for tw in range(1, 5):
        rows.append(["IKU-3", TAHUN, tw, _angka(waktu[tw]), f"Rata-rata hari kerja sejak berkas lengkap. {CATATAN}",
                     "Berkas diperiksa di loket sebelum diterima." if tw != 3 else "",
                     "Alat perekaman KTP-el rusak selama tiga minggu." if tw == 3 else "",
                     "Memantau waktu penyelesaian tiap minggu." if tw >= 3 else ""])
    for tw in range(1, 5):
        rows.append(["IK-1", TAHUN, tw, str(dokumen[tw]), f"Dokumen yang selesai dalam triwulan. {CATATAN}",
                     None, None, None])
    for tw in range(1, 5):
        rows.append(["IK-2", TAHUN, tw, str(laporan[tw]), f"Laporan monitoring desa dalam triwulan. {CATATAN}",
                     None, "Satu laporan terlambat karena kepala desa berhalangan." if tw == 2 else None, None])
    return _csv(header, rows)


# --------------------------------------------------------------------------------------- anggaran

def _ribuan(x: float) -> int:
    return int(round(x / 1000)) * 1000


def _anggaran(rng: random.Random) -> bytes:
    daun = []
    for kode, uraian, pagu_dasar, jenis, bagian in SUB_KEGIATAN:
        pagu = _ribuan(pagu_dasar * rng.uniform(0.95, 1.05))
        rencana = [_ribuan(pagu * b / 100) for b in bagian[:3]]
        rencana.append(pagu - sum(rencana))
        if kode in TERTINGGAL:
            realisasi = [_ribuan(pagu * f) for f in TERTINGGAL[kode]]
        else:
            lo = 0.86 if jenis == "Belanja Pegawai" else 0.82
            realisasi = [_ribuan(r * rng.uniform(lo, 0.99)) for r in rencana]
        daun.append((kode, uraian, pagu, rencana, realisasi, jenis))
    rows = []
    for kode in sorted({d[0][:7] for d in daun} | {d[0][:12] for d in daun},
                       key=lambda k: [int(s) for s in k.split(".")]):
        anak = [d for d in daun if d[0].startswith(kode + ".")]
        rows.append([kode, INDUK[kode], TAHUN, sum(d[2] for d in anak),
                     *[sum(d[3][i] for d in anak) for i in range(4)],
                     *[sum(d[4][i] for d in anak) for i in range(4)], None])
        if len(kode) == 12:
            rows += [[d[0], d[1], TAHUN, d[2], *d[3], *d[4], d[5]] for d in anak]
    header = ["kode", "uraian", "tahun", "pagu", "rencana_tw1", "rencana_tw2", "rencana_tw3", "rencana_tw4",
              "realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4", "jenis_belanja"]
    return _csv(header, rows)


# ---------------------------------------------------------------------------------------- public

def berkas_sintetis(seed: int = 20251) -> list[dict]:
    """The import files of the synthetic kecamatan, in load order (same shape as the demo manifest,
    with the file's bytes under `isi` and its name under `nama_file`)."""
    rng = random.Random(seed)
    desa_csv, status = _desa(rng)
    skm = {tw: _skm(rng, tw) for tw in range(1, 5)}
    jumlah = len(status[2025])
    mandiri = status[2025].count("Mandiri")
    realisasi_csv = _realisasi(rng, {tw: v[1] for tw, v in skm.items()}, mandiri / jumlah * 100, jumlah, mandiri)
    anggaran_csv = _anggaran(rng)
    out = [
        _entri("desa", "01_desa.csv", desa_csv,
               keterangan=f"{CATATAN} Status Indeks Desa 2024 dan 2025 dari {jumlah} desa rekaan."),
        _entri("indikator", "02_indikator.csv", _indikator(),
               keterangan=f"{CATATAN} Tiga IKU dan dua indikator pendukung dengan target per triwulan."),
        _entri("realisasi", "03_realisasi.csv", realisasi_csv,
               keterangan=f"{CATATAN} Realisasi TW I–IV dengan faktor pendorong, penghambat dan tindak lanjut."),
        _entri("anggaran", "04_anggaran.csv", anggaran_csv, per_triwulan=True,
               keterangan=f"{CATATAN} Pohon program dengan anggaran kas dan realisasi per triwulan."),
    ]
    for tw, (isi, _, n) in skm.items():
        out.append(_entri("skm", f"05_skm_tw{tw}.csv", isi, triwulan=tw,
                          keterangan=f"{CATATAN} {n} jawaban SKM triwulan {tw}."))
    return out
