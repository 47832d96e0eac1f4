"""Shapes of data a kecamatan can have, each imported through the real import engine into its own kecamatan.

`BENTUK` is the list the data-shape matrix (`tests/test_bentuk_data.py`) runs every export, the summary
and every page over. To add a shape, append a `Bentuk` with the files it imports (in order) and, where
it needs them, its settings; `bangun(url)` imports them all into one database. Files are written here,
small and readable, in the formats of formats.md §1 (the engine reads them exactly like an upload).
"""

from __future__ import annotations

from dataclasses import dataclass, field

TAHUN = 2025
KABUPATEN = "Bentuk"


@dataclass(frozen=True)
class Berkas:
    dataset: str
    nama_file: str
    isi: str
    opsi: dict = field(default_factory=dict)  # tahun, triwulan, per_triwulan, mode … as `impor()` takes them


@dataclass(frozen=True)
class Bentuk:
    nama: str  # the shape's id in test names
    kecamatan: str
    berkas: tuple[Berkas, ...] = ()
    pengaturan: tuple[tuple[str, str], ...] = ()  # (kunci, nilai) set for the kecamatan before importing
    ada_data: bool = True  # False: no data of the year at all (exports are refused, saying so)


# ---------------------------------------------------------------- the files

DESA = """nama_desa,jenis,tahun,skema,skor,status,layanan_dasar,sosial,ekonomi,lingkungan,aksesibilitas,tata_kelola
Sungai Rangas,desa,2025,indeks_desa_2024,84.12,Mandiri,150,70,140,80,45,70
Tanjung Harapan,desa,2025,indeks_desa_2024,80.05,Mandiri,145,66,138,79,44,69
Padang Luas,desa,2025,indeks_desa_2024,72.30,Maju,120,60,125,60,40,62
Batu Tungku,desa,2025,indeks_desa_2024,61.47,Berkembang,100,55,110,52,35,58
Kuala Tambangan,kelurahan,2025,indeks_desa_2024,,,,,,,,
"""

INDIKATOR = """kode,indikator,sasaran,satuan,jenis,polaritas,agregasi,hitung,tahun,target,target_tw1,target_tw2,target_tw3,target_tw4,target_renstra,versi
IKU-1,Persentase Desa Mandiri di Kecamatan,Meningkatnya tata kelola pemerintahan desa,%,iku,positif,terakhir,rasio_desa_mandiri,2025,50,,,,,75,PK
IKU-2,Indeks Kepuasan Masyarakat di Kecamatan,Meningkatnya kualitas pelayanan publik,Nilai,iku,positif,rata_rata,ikm,2025,85,85,85,85,85,88,PK
IKU-3,Rata-rata Waktu Penyelesaian Layanan,Meningkatnya kualitas pelayanan publik,Hari,iku,negatif,rata_rata,,2025,3,,,,,2,PK
IK-1,Jumlah Laporan Monitoring Desa,Meningkatnya tata kelola pemerintahan desa,Laporan,ik,positif,jumlah,,2025,40,10,20,30,40,,PK
"""

REALISASI = """kode,tahun,triwulan,realisasi,faktor_pendorong,faktor_penghambat,tindak_lanjut
IKU-1,2025,2,25,Pendampingan BUMDes berjalan.,Dua desa belum punya PADes.,Pendampingan PADes bagi dua desa.
IKU-1,2025,4,50,,,
IKU-2,2025,1,82.10,,Antrean panjang pada jam sibuk.,Menambah loket pada jam sibuk.
IKU-2,2025,2,84.00,,,
IKU-2,2025,3,86.20,,,
IKU-2,2025,4,87.10,Loket tambahan mempercepat layanan.,,
IKU-3,2025,1,3.5,,,
IKU-3,2025,2,3.2,,,
IKU-3,2025,3,2.9,,,
IKU-3,2025,4,2.8,,,
IK-1,2025,1,9,,,
IK-1,2025,2,11,,,
IK-1,2025,3,10,,,
IK-1,2025,4,10,,,
"""


def _anggaran(triwulan: tuple[int, ...], per_tw: bool = False) -> str:
    """A program tree with cumulative (or per-TW) realisasi columns for the given TW."""
    program = [("7.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 3_150_000_000.50),
               ("7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", 612_500_000),
               ("7.01.03", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", 48_000_000),
               ("7.01.04", "Program Koordinasi Ketentraman dan Ketertiban Umum", 2_750_000)]
    kepala = "kode,uraian,tahun,pagu," + ",".join(f"realisasi_tw{t}" for t in triwulan)
    baris = [kepala]
    for i, (kode, uraian, pagu) in enumerate(program):
        nilai = []
        for t in triwulan:
            bagian = (0.2 + 0.05 * i) if per_tw else min(0.98, (0.2 + 0.05 * i) * t)
            nilai.append(f"{round(pagu * bagian, 2)}")
        baris.append(f'{kode},"{uraian}",2025,{pagu},' + ",".join(nilai))
    return "\n".join(baris) + "\n"


def _rekap(triwulan: int, ikm: float | None = None) -> str:
    nrr = [3.61, 3.42, 3.05, 3.98, 3.33, 3.47, 3.58, 3.21, 3.12]
    baris = ["tahun,triwulan,unsur,nrr,responden"]
    baris += [f"2025,{triwulan},U{i},{v},120" for i, v in enumerate(nrr, start=1)]
    if ikm is not None:
        baris.append(f"2025,{triwulan},IKM,{ikm},120")
    return "\n".join(baris) + "\n"


def _responden(triwulan: int, n: int = 24) -> str:
    """Raw answers (1–4), a layanan, a profile and a saran, deterministic."""
    layanan = ["KTP", "KK", "SKCK", "UMKM"]
    baris = ["tahun,triwulan,id_responden,layanan,jenis_kelamin,umur,pendidikan,u1,u2,u3,u4,u5,u6,u7,u8,u9,saran"]
    for r in range(n):
        skor = [3 + ((r + u) % 3 == 0) - ((r * u) % 11 == 0) for u in range(1, 10)]
        saran = "Antrean perlu dipercepat." if r % 5 == 0 else ""
        baris.append(f"2025,{triwulan},T{triwulan}-{r:03d},{layanan[r % 4]},{'Perempuan' if r % 2 else 'Laki-laki'},"
                     f"{22 + r},SMA," + ",".join(map(str, skor)) + f",{saran}")
    return "\n".join(baris) + "\n"


# Shapes other offices' files give (issue 8, A3/C16/C17/C18).
DESA_SKOR = """nama_desa,tahun,skor
Sungai Rangas,2025,84.12
Tanjung Harapan,2025,80.05
Padang Luas,2025,72.30
Batu Tungku,2025,61.47
"""

DESA_REKAP = """Status Desa,2023,2024,2025
Mandiri,1,2,3
Maju,2,2,1
Berkembang,1,0,0
Tertinggal,0,0,0
Sangat Tertinggal,0,0,0
Jumlah,4,4,4
"""


def _rekap_layanan(triwulan: int) -> str:
    """NRR per unsur of each layanan (an SKM portal's table) with their respondents."""
    baris = ["tahun,triwulan,layanan,responden," + ",".join(f"u{i}" for i in range(1, 10))]
    for j, (lay, n) in enumerate((("KTP-el", 60), ("Kartu Keluarga", 45), ("SKCK", 20))):
        nrr = [round(3.1 + 0.05 * ((i + j) % 7), 2) for i in range(1, 10)]
        baris.append(f"2025,{triwulan},{lay},{n}," + ",".join(map(str, nrr)))
    return "\n".join(baris) + "\n"


SKM_SEMESTER = """unsur,NRR Semester I,NRR Semester II
U1,3.58,3.62
U2,3.41,3.47
U3,3.22,3.30
U4,4.00,4.00
U5,3.49,3.52
U6,3.46,3.55
U7,3.51,3.58
U8,3.37,3.44
U9,3.60,3.63
"""


# ---------------------------------------------------------------- the shapes

BENTUK: list[Bentuk] = [
    Bentuk("kosong", "Bentuk Kosong", ada_data=False),
    Bentuk("desa", "Bentuk Desa", (Berkas("desa", "desa.csv", DESA),)),
    Bentuk("indikator", "Bentuk Indikator", (Berkas("indikator", "indikator.csv", INDIKATOR),)),
    Bentuk("iku", "Bentuk IKU", (Berkas("indikator", "indikator.csv", INDIKATOR),
                                 Berkas("realisasi", "realisasi.csv", REALISASI))),
    Bentuk("anggaran", "Bentuk Anggaran", (Berkas("anggaran", "anggaran.csv", _anggaran((1, 2, 3, 4))),)),
    Bentuk("skm_rekap", "Bentuk Rekap SKM", (Berkas("skm-rekap", "rekap_tw2.csv", _rekap(2)),)),
    Bentuk("skm_responden", "Bentuk Responden SKM", (Berkas("skm", "skm_tw1.csv", _responden(1)),
                                                     Berkas("skm", "skm_tw3.csv", _responden(3)))),
    Bentuk("skm_campur", "Bentuk SKM Campur", (Berkas("skm-rekap", "rekap_tw1.csv", _rekap(1, ikm=84.9)),
                                               Berkas("skm", "skm_tw3.csv", _responden(3)))),
    Bentuk("anggaran_mulai_tw2", "Bentuk Anggaran TW II",
           tuple(Berkas("anggaran", f"lra_tw{t}.csv", _anggaran((t,)), {"triwulan": t}) for t in (2, 3, 4))),
    Bentuk("desa_skor", "Bentuk Desa Skor", (Berkas("desa", "desa_skor.csv", DESA_SKOR),)),
    Bentuk("desa_rekap", "Bentuk Desa Rekap", (Berkas("desa", "desa_rekap.csv", DESA_REKAP),)),
    Bentuk("skm_layanan", "Bentuk SKM Layanan", (Berkas("skm-rekap", "layanan_tw1.csv", _rekap_layanan(1)),
                                                 Berkas("skm-rekap", "layanan_tw3.csv", _rekap_layanan(3)))),
    Bentuk("skm_semester", "Bentuk SKM Semester", (Berkas("skm-rekap", "semester.csv", SKM_SEMESTER),)),
    Bentuk("skm_tahunan", "Bentuk SKM Tahunan", (Berkas("skm", "skm_tahunan.csv", _responden(4),
                                                        {"periode": "tahunan"}),)),
    Bentuk("semua", "Bentuk Lengkap", (Berkas("desa", "desa.csv", DESA),
                                       Berkas("indikator", "indikator.csv", INDIKATOR),
                                       Berkas("realisasi", "realisasi.csv", REALISASI),
                                       Berkas("anggaran", "anggaran.csv", _anggaran((1, 2, 3, 4))),
                                       Berkas("skm-rekap", "rekap_tw1.csv", _rekap(1, ikm=84.9)),
                                       Berkas("skm", "skm_tw2.csv", _responden(2)),
                                       Berkas("skm", "skm_tw3.csv", _responden(3)),
                                       Berkas("skm", "skm_tw4.csv", _responden(4)))),
]


def bangun(url: str) -> dict[str, list]:
    """Import every shape into the (upgraded, empty) database at `url`; returns each shape's import results.

    An import that is refused or warns about more than data quality fails loudly: the matrix must test
    the shapes, not the importer's complaints about them."""
    from dashboard import pengaturan
    from dashboard.impor import impor
    from models.db import get_engine, session_scope
    from models.tables import Kecamatan

    engine = get_engine(url)
    with session_scope(engine) as s:
        for b in BENTUK:
            s.add(Kecamatan(nama=b.kecamatan, kabupaten=KABUPATEN))
    hasil: dict[str, list] = {}
    for b in BENTUK:
        if b.pengaturan:
            with session_scope(engine) as s:
                kid = pengaturan.kecamatan_id(s, b.kecamatan)
                for kunci, nilai in b.pengaturan:
                    pengaturan.simpan(s, kunci, nilai, kecamatan_id=kid, pengguna="uji")
        hasil[b.nama] = []
        for f in b.berkas:
            opsi = {"tahun": TAHUN, **f.opsi}
            h = impor(f.dataset, f.isi.encode("utf-8"), f.nama_file, engine=engine, kecamatan=b.kecamatan,
                      gaya_angka="en", pengguna="uji", **opsi)
            if h.status != "berhasil":
                raise AssertionError(f"{b.nama}/{f.nama_file}: {[g.pesan for g in h.galat]}")
            hasil[b.nama].append(h)
    return hasil
