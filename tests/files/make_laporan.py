"""Builds the report fixtures for the check of a finished Laporan Kinerja (`dashboard.periksa_laporan`):
tests/files/laporan/*.docx reproduce the printed tables of the three LKjIP in shared/seeds, as their offices
laid them out (captions, grouped headers, merged cells, column-number rows, totals), with every figure
as printed (shared/reference holds the checked extracts; `Lnnn` below is a line of the seed file), and
tests/files/laporan/pelaihari_2025_tabel.xlsx is a workbook in which Pelaihari's Bab III tables were typed.

Run `python tests/files/make_laporan.py`; the outputs are committed. Files are written with fixed
timestamps so that rebuilding them changes nothing. OCR slips of the seed text ("TARGE T", "Tota") are
written as the office typed them; the errors of the reports themselves are kept.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt
from openpyxl import Workbook

DIR = Path(__file__).resolve().parent / "laporan"
REFERENSI = Path(__file__).resolve().parents[2].parent / "shared" / "reference"
TETAP = (1980, 1, 1, 0, 0, 0)
ATAS = "^"  # a cell merged with the one above


@dataclass
class R:
    """A cell spanning `n` grid columns."""

    teks: str
    n: int


# ------------------------------------------------------------------ building blocks

def dokumen() -> docx.document.Document:
    d = docx.Document()
    s = d.sections[0]
    s.page_height, s.page_width = Cm(29.7), Cm(21.0)
    s.left_margin = s.right_margin = Cm(2.0)
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(10)
    d.core_properties.author = "Kecamatan"
    return d


def lanskap(d) -> None:
    s = d.add_section()
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = Cm(29.7), Cm(21.0)


def potret(d) -> None:
    s = d.add_section()
    s.orientation = WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = Cm(21.0), Cm(29.7)


def teks(d, *paragraf: str, tebal: bool = False) -> None:
    for p in paragraf:
        d.add_paragraph().add_run(p).bold = tebal


def tabel(d, judul: list[str], baris: list[list], kepala: int = 1, sumber: str | None = None,
          ukuran: float = 9) -> None:
    """A caption (one paragraph per line), the table, and the source line under it."""
    for j in judul:
        p = d.add_paragraph()
        p.add_run(j).bold = True
    lebar = sum(c.n if isinstance(c, R) else 1 for c in baris[0])
    t = d.add_table(rows=len(baris), cols=lebar)
    t.style = "Table Grid"
    atas, gabung = [], []
    for r, row in enumerate(baris):
        c = 0
        for sel in row:
            if sel == ATAS:
                atas.append((r, c))
                c += 1
                continue
            isi, n = (sel.teks, sel.n) if isinstance(sel, R) else (str(sel), 1)
            cell = t.cell(r, c)
            cell.text = isi
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(ukuran)
                run.bold = r < kepala
            if n > 1:
                gabung.append((r, c, n))
            c += n
        assert c == lebar, (judul, r, c, lebar)
    lebar_sel = {(r, c): n for r, c, n in gabung}
    for r, c, n in gabung:
        t.cell(r, c).merge(t.cell(r, c + n - 1))
    selesai = set()
    for r, c in atas:
        if (r, c) in selesai:
            continue
        r0 = r - 1
        while (r0, c) in atas:
            r0 -= 1
        n = lebar_sel.get((r0, c), 1)
        t.cell(r0, c).merge(t.cell(r, c + n - 1))
        selesai |= {(r, c + k) for k in range(n)}
    if sumber:
        d.add_paragraph(sumber)
    d.add_paragraph()


def simpan_docx(d, nama: str) -> None:
    buf = io.BytesIO()
    d.save(buf)
    tulis(DIR / nama, tetap(buf.getvalue()))


def tetap(isi: bytes) -> bytes:
    """The same archive with fixed timestamps (and fixed core-property dates)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-02-01T00:00:00Z", data)
            zi = zipfile.ZipInfo(info.filename, TETAP)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)
    return out.getvalue()


def tulis(path: Path, isi: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != isi:
        path.write_bytes(isi)


def nomor_kolom(n: int) -> list[str]:
    return [str(i) for i in range(1, n + 1)]


# ------------------------------------------------------------------ Bajuin 2025 (seed 000)

SASARAN_BAJUIN = "Meningkatnya Tata Kelola Pemerintahan Kecamatan dan Pemberdayaan Kecamatan serta Pelayanan Publik"
DM = "Persentase Desa Mandiri di Kecamatan"
IKM = "Indeks Kepuasan Masyarakat di Kecamatan"


def lra_bajuin() -> list[list[str]]:
    """Tabel 20 (L1208-1399) as the reference's Appendix A gives it: kode, uraian, anggaran, realisasi,
    % 2025, realisasi 2024, with the JUMLAH rows in their places."""
    md = (REFERENSI / "seed_000_bajuin.md").read_text(encoding="utf-8")
    bagian = md.split("## Appendix A", 1)[1]
    rows = []
    for baris in bagian.splitlines():
        if not baris.startswith("| ") or baris.startswith("| Kode") or baris.startswith("|---"):
            continue
        sel = [c.strip() for c in baris.strip().strip("|").split("|")]
        rows.append(sel[:6])
    return rows


def bajuin() -> None:
    d = dokumen()
    teks(d, "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) KECAMATAN BAJUIN KABUPATEN TANAH LAUT TAHUN 2025",
         tebal=True)
    teks(d, "BAB I PENDAHULUAN", tebal=True)
    teks(d, "Jumlah ASN pada Kecamatan Bajuin Kabupaten Tanah Laut pada tahun 2025 adalah sebanyak 27 orang yang "
         "terdiri dari 11 PNS, 3 PPPK penuh waktu dan 13 PPPK paruh waktu dengan latar belakang pendidikan "
         "sebagaimana tercantum pada tabel berikut :")
    tabel(d, ["Tabel 2. Jumlah PNS Pergolongan / Pendidikan Tahun 2025"], [
        [R("PNS Golongan", 4), "PPPK", "Total", R("Pendidikan", 7), "Total"],
        ["IV", "III", "II", "I", ATAS, ATAS, "S2", "S1", "D-III", "D-II", "SLTA", "SLTP", "SD", ATAS],
        ["3", "6", "2", "-", "16", "27", "3", "10", "4", "-", "8", "2", "-", "27"],
    ], kepala=2)
    teks(d, "Program dan Kegiatan Kecamatan Bajuin Kabupaten Tanah Laut Tahun Anggaran 2025", tebal=True)
    program = [
        ("I", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "3,400,025,941.55"),
        ("1", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "4,420,646.00"),
        ("2", "Administrasi Keuangan Perangkat Daerah", "2,583,432,774.00"),
        ("3", "Administrasi Kepegawaian Perangkat Daerah", "0.00"),
        ("4", "Administrasi Umum Perangkat Daerah", "277,383,370.55"),
        ("5", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", "111,163,370.00"),
        ("6", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "298,689,866.00"),
        ("7", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", "124,935,915.00"),
        ("II", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", "4,094,226.00"),
        ("1", "Penyelenggaraan Urusan Pemerintahan yang tidak dilaksanakan oleh Unit Kerja Perangkat Daerah yang Ada "
              "di Kecamatan", "4,094,226.00"),
        ("III", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", "22,255,256.00"),
        ("1", "Koordinasi Kegiatan Pemberdayaan Desa", "22,255,256.00"),
        ("IV", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", "2,950,000.00"),
        ("1", "Koordinasi Upaya Penyelenggaraan Ketentraman dan Ketertiban Umum", "2,950,000.00"),
        ("V", "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM", "4,610,221,932.30"),
        ("1", "Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan Kepala Daerah", "4,610,221,932.30"),
        ("VI", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", "17,916,992.31"),
        ("1", "Fasilitasi, Rekomendasi Dan Koordinasi Pembinaan Dan Pengawasan pemerintahan Desa", "17,916,992.31"),
    ]
    tabel(d, [], [["NO", "PROGRAM/KEGIATAN", "PAGU"]] + [list(p) for p in program]
          + [[R("JUMLAH", 2), "8.057.463.808.16"]])
    teks(d, "BAB II PERENCANAAN KINERJA", tebal=True)
    tabel(d, ["Tabel 2. Matrik Hubungan Antara Tujuan dan Sasaran Kecamatan Bajuin"], [
        ["NO", "TUJUAN/SASARAN", "INDIKATOR TUJUAN/SASARAN", "Realisasi Tahun 2024",
         R("TARGET KINERJA TUJUAN/SASARAN PADA TAHUN KE-", 6)],
        [ATAS, ATAS, ATAS, ATAS, "2025", "2026", "2027", "2028", "2029", "2030"],
        nomor_kolom(10),
        ["1", "Meningkatnya Kualitas Pelayanan Publik", "Indeks Kepuasan Masyarakat (Nilai)", "88,41", "88,6", "89",
         "89,3", "90", "90,3", "91"],
        ["1.", SASARAN_BAJUIN, "Persentase Desa Mandiri di Kecamatan (%)", "55", "55,55", "66,66", "77,77", "88,88",
         "100", "100"],
        ["", ATAS, "Indeks Kepuasan Masyarakat di Kecamatan (Nilai)", "87,17", "87,50", "88,00", "88,50", "89,00",
         "89,50", "90,00"],
    ], kepala=2)
    tabel(d, ["Tabel 3. Indikator Kinerja Utama Kecamatan Bajuin"], [
        ["NO.", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA", "PENJELASAN RUMUS"],
        ["1.", SASARAN_BAJUIN, "Persentase Desa Mandiri di Kecamatan (%)",
         "(Jumlah desa mandiri yang ada di kecamatan/ Jumlah desa yang ada di kecamatan) x 100%"],
        ["", ATAS, "Indeks Kepuasan Masyarakat di Kecamatan (Nilai)", "Hasil Survey"],
    ])
    teks(d, "Adapun Perjanjian Kinerja Kecamatan Bajuin tahun 2025 adalah sebagai berikut :")
    tabel(d, ["Tabel 5. Perjanjian Kinerja Kecamatan Bajuin Kabupaten Tanah Laut Tahun 2025"], [
        ["No.", R("Kinerja Utama (Sasaran Renstra)", 2), "Indikator Kinerja Utama", "Target", "Penanggung Jawab"],
        ["1", SASARAN_BAJUIN, "1", DM, "55,55", "Camat Bajuin"],
        [ATAS, ATAS, "2", IKM, "87,50", "Camat Bajuin"],
    ])
    teks(d, "Untuk mewujudkan kinerja yang telah ditetapkan di dalam Perjanjian Kinerja yang terdiri dari 1 sasaran di "
         "atas, Kecamatan Bajuin didukung dengan dengan APBD sebesar Rp. 8.057.463.808.16,-.")
    tabel(d, ["Tabel 6. Anggaran Penunjang Sasaran Strategis Tahun 2025"], [
        ["No.", "Sasaran Strategis", "Program", "Anggaran (Rp)"],
        ["1", "2", "3", "4"],
        ["1", SASARAN_BAJUIN + " (diluar program penunjang)", "Program Penunjang Urusan Pemerintahan Daerah "
         "Kabupaten/Kota", "3,400,025,941.55"],
        [ATAS, ATAS, "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "4,094,226.00"],
        [ATAS, ATAS, "Program Pemberdayaan Masyarakat Desa dan Kelurahan", "22,255,256.00"],
        [ATAS, ATAS, "Program Koordinasi Ketentraman dan Ketertiban Umum", "2,950,000.00"],
        [ATAS, ATAS, "Program Penyelenggaraan Urusan Pemerintahan Umum", "4,610,221,932.30"],
        [ATAS, ATAS, "Program Pembinaan dan Pengawasan Pemerintahan Desa", "17,916,992.31"],
        ["", "", "JUMLAH", "8.057.463.808.16"],
    ])
    teks(d, "BAB III AKUNTABILITAS KINERJA", tebal=True)
    teks(d, "Pencapaian Indikator Kinerja Utama (IKU) Kecamatan Bajuin Kabupaten Tanah Laut Tahun 2025-2029 dapat "
         "dilihat pada tabel berikut :")
    tabel(d, ["Tabel 7. Indikator Sasaran Strategis"], [
        [R("Meningkatnya kualitas pembangunan desa", 8)],
        ["NO", "SASARAN STRATEGIS", R("INDIKATOR KINERJA", 2), "TARGET", "REALISASI", "CAPAIAN", "KATEGORI"],
        ["1", "2", R("3", 2), "4", "5", "6", "7"],
        ["1", SASARAN_BAJUIN, "1", DM, "55,55%", "77,77%", "140%", "Sangat Tinggi"],
        [ATAS, ATAS, "2", IKM, "87,50", "87,26", "99,72%", "Sangat Tinggi"],
        [R("Rata-Rata Capaian Kinerja Tahun 2025", 6), "119,86%", "Sangat Tinggi"],
    ], kepala=2)
    tabel(d, ["Tabel 8. Pengelompokkan Capaian Kinerja"], [
        ["URUTAN", "RENTANG CAPAIAN", "KATEGORI CAPAIAN"],
        ["I", "91% kurang dari sama dengan 100%", "Sangat Tinggi"],
        ["II", "76% kurang dari sama dengan 90%", "Tinggi"],
        ["III", "66% kurang dari sama dengan 75%", "Sedang"],
        ["IV", "51% kurang dari sama dengan 65%", "Rendah"],
        ["V", "kurang dari sama dengan 50%", "Sangat Rendah"],
    ])
    tabel(d, ["Tabel 11. Capaian Kinerja Terhadap Target 2025"], [
        ["NO", "Sasaran", "INDIKATOR KINERJA", "SATUAN", R("REALISASI", 3), R("TAHUN 2025", 3)],
        [ATAS, ATAS, ATAS, ATAS, "TAHUN 2022", "TAHUN 2023", "TAHUN 2024", "TARGET", "REALISASI", "CAPAIAN"],
        ["1", SASARAN_BAJUIN, DM, "%", "0,0", "11,11", "55,55", "55,55", "77,77", "140%"],
        [ATAS, ATAS, IKM, "Nilai", "88,63", "88,56", "87,17", "87,50", "87,26", "99,72%"],
        [R("RATA-RATA CAPAIAN KINERJA 2025", 9), "119,86%"],
    ], kepala=2)
    tabel(d, ["Tabel 12. Capaian Kinerja Terhadap Target Akhir Renstra"], [
        ["NO", "Sasaran", "INDIKATOR KINERJA", "SATUAN", R("TAHUN 2025", 3), "TARGET AKHIR RENSTRA",
         "CAPAIAN TAHUN 2025 THD TARGET AKHIR RENSTRA"],
        [ATAS, ATAS, ATAS, ATAS, "TARGET", "REALISASI", "CAPAIAN", ATAS, ATAS],
        ["1", SASARAN_BAJUIN, DM, "%", "55,55", "77,77", "140%", "100", "77,77%"],
        [ATAS, ATAS, IKM, "Nilai", "87,50", "87,26", "99,72%", "89,5", "97,49%"],
    ], kepala=2)
    tabel(d, ["Tabel 13. Capaian Kinerja Terhadap Kecamatan Lain, Provinsi dan Nasional"], [
        ["NO", "Sasaran", "INDIKATOR KINERJA", "SATUAN", "Kotabaru (Kecamatan Kelumpang Tengah)",
         "Kotabaru (Kecamatan Pamukan Selatan)", "Kotabaru (Kecamatan Kelumpang Hulu)", "Provinsi", "Nasional"],
        ["1", SASARAN_BAJUIN, DM, "%", "15,38%", "33,33%", "10%", "-", "-"],
        [ATAS, ATAS, IKM, "Nilai", "82,82 (B)", "85,42 (B)", "78,39 (B)", "", ""],
    ])
    desa = [("BAJUIN", 134, 79, 149, 84, 48, 71, "88.98", "MANDIRI"),
            ("SUNGAI BAKAR", 153, 50, 146, 86, 42, 65, "85.35", "MANDIRI"),
            ("KETAPANG", 154, 77, 139, 80, 41, 71, "88.5", "MANDIRI"),
            ("TIRTA JAYA", 155, 53, 131, 72, 47, 67, "82.68", "MANDIRI"),
            ("GALAM", 126, 69, 142, 86, 41, 59, "82.36", "MANDIRI"),
            ("KUNYIT", 134, 78, 140, 76, 42, 64, "84.09", "MANDIRI"),
            ("TEBING SIRING", 153, 79, 122, 70, 43, 63, "83.46", "MANDIRI"),
            ("PEMALONGAN", 106, 69, 120, 50, 39, 68, "71.18", "MAJU"),
            ("TANJUNG", 139, 73, 115, 46, 38, 50, "72.6", "MAJU")]
    tabel(d, ["Tabel 14. Status Desa di Kecamatan Bajuin"], [
        ["No", "Kabupaten/ Kecamatan", "Desa", "Layanan Dasar", "Sosial", "Ekonomi", "Lingkungan", "Aksesibilitas",
         "Tata Kelola", "Skor", "Status 2025"]] + [[str(n), "TANAH LAUT / BAJUIN", *map(str, r)]
                                                  for n, r in enumerate(desa, start=1)])
    teks(d, "Adapun nilai rata-rata (NRR) dan Indeks Kepuasan Masyarakat (IKM) terhadap 9 (sembilan) unsur pelayanan "
         "yakni :")
    nrr = [("Persyaratan", "3.69", "3.63", "3.55", "3.64"), ("Kemudahan Prosedur", "3.33", "3.31", "3.30", "3.34"),
           ("Kecepatan Waktu Pelayanan", "3.11", "3.16", "3.37", "3.38"), ("Biaya/Tarif", "4.00", "4.00", "4.00", "4.00"),
           ("Kesesuaian Produk Pelayanan", "3.56", "3.46", "3.47", "3.55"),
           ("Kompetensi Petugas Pelayanan", "3.49", "3.35", "3.41", "3.55"),
           ("Prilaku Petugas Pelayanan", "3.29", "3.33", "3.40", "3.44"),
           ("Kualitas Sarana dan Prasarana", "3.29", "3.41", "3.46", "3.46"),
           ("Penanganan Pengaduan", "3.55", "3.70", "3.47", "3.51")]
    tabel(d, ["Tabel 14 Nilai Rata-Rata (NRR) dan Indeks Kepuasan Masyarakat (IKM) 9 Unsur Pelayanan Kecamatan "
              "Bajuin Tahun 2025"], [
        ["No", "RUANG LINGKUP SKM", "NRR TR I", "NRR TR II", "NRR TR III", "NRR TR IV"]]
        + [[str(n), *r] for n, r in enumerate(nrr, start=1)]
        + [[R("NRR 9 Ruang Lingkup Pelayanan", 2), "3.47", "3.48", "3.50", "3.51"],
           [R("Nilai Hasil IKM", 2), "86.86", "87.00", "87.51", "87.68"]])
    layanan = [("Pelayanan pembuatan IMB rumah tempat tinggal", "0", "Seksi PMD"),
               ("Pelayanan pembuatan Rekomendasi", "47", "Seksi Pelayanan"),
               ("Pelayanan KTP Elektronik/Manual.", "430", "Seksi tapem"),
               ("Pelayanan KK (Kartu Keluarga)", "400", "Seksi tapem"),
               ("Pelayanan kartu identitas anak (KIA)", "360", "Seksi Tapem"),
               ("Pelayanan legalisasi Surat Keterangan Ahli Waris", "25", "Seksi Tapem"),
               ("Pelayanan legalisasi pembuatan SKCK", "-", "Seksi Trantib"),
               ("Pelayanan legalisasi pembuatan Surat Keterangan Usaha (SKTU)", "-", "Seksi PMD"),
               ("Pelayanan legalisasi pembuatan Surat Keterangan Domisili", "-", "Seksi Tapem"),
               ("Pelayanan Surat Keterangan Pindah", "-", "Seksi Tapem"),
               ("Pelayanan Surat Keterangan Kematian.", "-", "Seksi Tapem"),
               ("Pelayanan legalisasi pembuatan Surat Keterangan Tidak Mampu (SKTM)", "55", "Seksi Kemasyarakatan"),
               ("Pelayanan legalisasi pembuatan Surat Ijin Keramaian", "1", "Seksi Trantib"),
               ("Pelayanan pembuatan Surat Dispensasi Nikah", "50", "Seksi Kemasyarakatan"),
               ("Pelayanan Surat Keterangan lainnya", "3", "Seksi pelayanan"),
               ("Pelayanan Akta Kelahiran", "410", "Seksi Tapem")]
    tabel(d, ["Tabel 15. Realisasi Pelayanan Kantor Kecamatan Pelaihari Tahun 2025"],
          [["No", "Jenis Pelayanan", "Jumlah", "Pelayanan"]] + [[str(n), *r] for n, r in enumerate(layanan, start=1)])
    teks(d, "Dalam mencapai sasaran Meningkatkan Tata Kelola Pemerintahan Kecamatan dan Pemberdayaan Kecamatan serta "
         "Pelayanan Publik di dukung oleh 6 Program dengan Pagu Rp. 8.102.188.741,16 dan terealisasi Rp. "
         "7.140.490.984,00 atau sebesar 88,13%.")
    program_realisasi = [
        ("Program Pemberdayaan Masyarakat Desa Dan Kelurahan", "22.255.256,00", "16.800.000,00", "75,84"),
        ("Program Koordinasi Ketentraman Dan Ketertiban Umum", "2.950.000,00", "2.950.000,00", "100,00"),
        ("Program Penyelenggaraan Urusan Pemerintahan Umum", "4.610.221.392,30", "4.209.241.325,00", "91,30"),
        ("Program Pembinaan Dan Pengawasan Pemerintahan Desa", "17.916.992,31", "11.950.000,00", "66,69"),
        ("Program Penyelenggaraan Pemerintahan Dan Pelayanan Publik", "4.094.226,00", "2.241.000,00", "54,73"),
        ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "3,400,025,941.55", "3.098.627.082,47",
         "91,13"),
    ]
    tabel(d, ["Tabel 16. Realisasi Program Penunjang"],
          [["No", "Program", "Pagu", "Realisasi"]]
          + [[str(n), p, g, r] for n, (p, g, r, _) in enumerate(program_realisasi, start=1)]
          + [[R("JUMLAH", 2), "8.102.188.741,16", "7.140.490.984,00"]])
    teks(d, "Efisiensi kinerja diukur menggunakan rumus berikut : E = Σ((PAKi × CKi) − RAKi) / Σ(PAKi × CKi) × 100%",
         "1. Persentase Desa Mandiri di Kecamatan", "Efisiensi = 37,05 %")
    tabel(d, ["Tabel 17. Efisiensi Indikator Kinerja 1"],
          [["Capaian Kinerja", "Realisasi Keuangan", "Efisiensi"], ["140%", "88,13%", "37,05%"]])
    teks(d, "2. Indeks Kepuasan Masyarakat", "Efisiensi = 11,62 %")
    tabel(d, ["Tabel 18. Efisiensi Indikator Kinerja 2"],
          [["Capaian Kinerja", "Realisasi Keuangan", "Efisiensi"], ["99,72%", "88,13%", "11,62%"]])
    teks(d, "B. Akuntabilitas Keuangan", tebal=True)
    teks(d, "Kecamatan Bajuin Kabupaten Tanah Laut Tahun Anggaran 2025 (setelah Perubahan APBD) memperoleh anggaran "
         "sebesar Rp. 8.102.188.741,16,- dan telah terealisasi sebesar Rp. 7.140.490.984,00,-", "TUJUAN I")
    lanskap(d)
    tujuan = [["No", "Sasaran Strategis", R("Indikator Kinerja", 2), "Target", "Realisasi", R("Program", 5)],
              [ATAS, ATAS, ATAS, ATAS, ATAS, ATAS, R("Uraian", 2), "Anggaran", "Realisasi", "Persentase"],
              [ATAS, ATAS, ATAS, ATAS, ATAS, ATAS, ATAS, ATAS, "Rp", "Rp", "%"]]
    indikator = {0: ("1", DM, "55,5", "77,7"), 1: ("2", IKM, "87,50", "87,26")}
    for n, (p, g, r, pr) in enumerate(program_realisasi):
        no, ind, t, re_ = indikator.get(n, ("", "", "", ""))
        tujuan.append(["1" if n == 0 else ATAS, SASARAN_BAJUIN if n == 0 else ATAS, no, ind, t, re_, str(n + 1), p, g,
                       r, pr])
    tujuan.append(["", "", "", "", "", "", "", "", "7.140.490.984,00", "7.140.490.984,00", "88,13"])
    tabel(d, ["Tabel 19. Meningkatkan Kualitas Pelayanan Publik"], tujuan, kepala=3, ukuran=8)
    potret(d)
    tabel(d, ["Tabel 20. Realisasi Anggaran Pendapatan dan Belanja Daerah untuk Tahun yang berakhir sampai dengan 31 "
              "Desember 2025 dan 2024"],
          [["Kode Rekening", "URAIAN", "ANGGARAN 2025", "REALISASI 2025", "% 2025", "REALISASI 2024"],
           ["1", "2", "3", "4", "5 = (4 / 3) * 100", "6"]] + lra_bajuin(), ukuran=8)
    ringkas = {"5", "5.1", "5.1.01", "5.1.02", "5.1.05", "5.2", ""}
    md = (REFERENSI / "seed_000_bajuin.md").read_text(encoding="utf-8").split("## Appendix A", 1)[1]
    kenaikan = []
    for baris in md.splitlines():
        sel = [c.strip() for c in baris.strip().strip("|").split("|")]
        if baris.startswith("| ") and len(sel) >= 7 and sel[0] in ringkas and sel[1] != "SURPLUS/DEFISIT" \
                and not sel[0].startswith("Kode"):
            if sel[0] or sel[1] == "JUMLAH BELANJA":
                kenaikan.append([sel[0], sel[1], sel[3], sel[5], sel[6]])
    tabel(d, ["Tabel 21. Perbandingan Realisasi Pendapatan dan Belanja Daerah Tahun Anggaran 2025 dan 2024"],
          [["KODE REKENING", "URAIAN", "REALISASI 2025", "REALISASI 2024", "% KENAIKAN/PENURUNAN"]] + kenaikan)
    teks(d, "BAB IV PENUTUP", tebal=True, )
    teks(d, "Bajuin, 6 Februari 2026", "CAMAT BAJUIN")
    simpan_docx(d, "bajuin_2025.docx")


# ------------------------------------------------------------------ Bati-Bati 2024 (seed 001)

SASARAN_BB = "Meningkatnya Tata Kelola Pemerintahan Kecamatan dan pemberdayaan Kecamatan serta pelayanan publik"
RDM = "Rasio Desa Mandiri Terhadap jumlah desa yang ada di kecamatan"
AKIP = "Nilai AKIP Kecamatan Bati-Bati"

# Tabel 3.15 (L1410-1494): (no, name, anggaran, realisasi, %)
ANGGARAN_BB = [
    ("", "PROGRAM PENUNJANG PEMERINTAH DAERAH", "4.031.627.904", "3.575.526.690,00", "88,69"),
    ("", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "11.511.241", "9.422.337,00", "81,85"),
    ("1", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "5.405.994", "4.288.778,00", "79,33"),
    ("2", "Evaluasi Kinerja Perangkat Daerah", "6.105.247", "5.133.559,00", "84,08"),
    ("", "Administrasi Keuangan Perangkat Daerah", "3.204.519.778", "2.807.494.936,00", "87,61"),
    ("3", "Penyediaan Gaji dan Tunjangan ASN", "3.204.519.778", "2.807.494.936,00", "87,61"),
    ("", "Administrasi Kepegawaian Perangkat Daerah", "15.540.000", "13.450.000,00", "86,55"),
    ("4", "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya", "15.540.000", "13.450.000,00", "86,55"),
    ("", "Administrasi Umum Perangkat Daerah", "320.178.851", "305.853.418,00", "95,53"),
    ("5", "Penyediaan komponen instalasi listrik/penerangan bangunan kantor", "3.166.772", "2.835.600,00", "89,54"),
    ("6", "Penyediaan peralatan dan perlengkapan kantor", "20.979.412", "17.152.900,00", "81,76"),
    ("7", "Penyediaan barang cetakan dan penggandaan", "8.152.322", "7.582.200,00", "93,01"),
    ("8", "Penyediaan bahan/material", "30.680.345", "29.935.000,00", "97,57"),
    ("9", "Penyelenggaraan rapat koordinasi dan konsultasi SKPD", "257.200.000", "248.347.718,00", "96,56"),
    ("", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", "117.556.504", "99.250.000,00", "84,43"),
    ("10", "Pengadaan Peralatan dan Mesin Lainnya", "117.556.504", "99.250.000,00", "84,43"),
    ("", "Penyediaan jasa penunjang Pemerintah Daerah", "254.731.530", "232.584.699,00", "91,31"),
    ("11", "Penyediaan jasa komunikasi, sumber daya air dan listrik", "95.245.000", "74.510.018,00", "78,23"),
    ("12", "Penyediaan jasa peralatan dan perlengkapan kantor", "4.220.042", "3.821.500,00", "90,56"),
    ("13", "Penyediaan jasa pelayanan umum kantor", "155.266.488", "154.253.181,00", "99,35"),
    ("", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", "107.590.000", "107.471.300,00",
     "99,89"),
    ("14", "Penyediaan jasa pemeliharaan, biaya pemeliharaan, pajak, dan perizinan kendaraan dinas Jabatan",
     "37.000.000", "36.999.300,00", "100,00"),
    ("15", "Penyediaan jasa pemeliharaan, biaya pemeliharaan, pajak, dan perizinan kendaraan dinas operasional atau "
           "lapangan", "51.000.000", "50.992.000,00", "99,98"),
    ("16", "Pemeliharaan Mebel", "6.440.000", "6.440.000,00", "100,00"),
    ("17", "Pemeliharaan peralatan dan mesin lainnya", "13.150.000", "13.040.000,00", "99,16"),
    ("", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", "4.986.066", "4.646.560,00", "93,19"),
    ("", "Penyelenggaraan Urusan Pemerintahan yang tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah yang ada di "
         "Kecamatan", "4.986.066", "4.646.560,00", "93,19"),
    ("18", "Fasilitasi Percepatan Pencapaian Standar Pelayanan Minimal di Wilayah Kecamatan", "4.986.066",
     "4.646.560,00", "93,19"),
    ("", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", "42.635.563", "39.743.000,00", "93,22"),
    ("", "Koordinasi Kegiatan Pemberdayaan Desa", "42.635.563", "39.743.000,00", "93,22"),
    ("19", "Peningkatan Partisipasi Masyarakat Dalam Forum Musyawarah Perencanaan Pembangunan di Desa", "1.890.000",
     "1.890.000,00", "100,00"),
    ("20", "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan", "40.745.563",
     "37.853.000,00", "92,90"),
    ("", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM DAN MASYARAKAT", "23.008.832", "18.720.000,00", "81,36"),
    ("", "Koordinasi upaya penyelenggaraan ketentraman dan ketertiban umum", "23.008.832", "18.720.000,00", "81,36"),
    ("21", "Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat", "23.008.832", "18.720.000,00", "81,36"),
    ("", "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM", "876.373.610", "860.302.280,00", "98,17"),
    ("", "Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan Kepala Daerah", "876.373.610", "860.302.280,00",
     "98,17"),
    ("22", "Pembinaan Wawasan Kebangsaan dan Ketahanan Nasional dalam Rangka Memantapkan Pengamalan Pancasila, "
           "Pelaksanaan Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, Pelestarian Bhinneka Tunggal Ika "
           "Serta Pemertahanan dan Pemeliharaan Keutuhan Negara Kesatuan Republik Indonesia", "99.960.156",
     "96.440.280,00", "96,48"),
    ("23", "Pembinaan Kerukunan Antarsuku dan Intrasuku, Umat Beragama, Ras, dan Golongan Lainnya Guna Mewujudkan "
           "Stabilitas Kemanan Lokal, Regional, dan Nasional", "730.764.784", "727.775.000,00", "99,59"),
    ("24", "Pelaksanaan Tugas Forum Koordinasi Pimpinan di Kecamatan", "45.648.670", "36.087.000,00", "79,05"),
    ("", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", "18.006.742", "9.450.000,00", "52,48"),
    ("", "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa", "18.006.742",
     "9.450.000,00", "52,48"),
    ("25", "Fasilitasi Administrasi Tata Pemerintahan Desa", "9.450.000", "9.450.000,00", "100,00"),
    ("26", "Fasilitasi Pengelolan Keuangan Desa dan Pendayagunaan Aset Desa", "8.556.742", "0,00", "-"),
]
KEPALA_ANGGARAN_BB = [["NO", "SUB KEGIATAN", "ANGGARAN (PERSUB KEGIATAN) (Rp)", "REALISASI (Rp)", "%"],
                      ["1", "2", "3", "4,00", "5=4/3*100"]]


def seksi(d, judul: list[str], program: str, kelompok: list[tuple[str, list[tuple[str, str, str, str]]]],
          total: tuple[str, str, str], rp: bool = True, kedua: tuple[str, list] | None = None) -> None:
    """A per-seksi budget table (Tabel 3.23 … 3.43): program row, kegiatan/outcome rows, numbered sub
    kegiatan with Rp in a column of its own, and a Total row."""
    rows = [["NO", "PROGRAM/KEGIATAN", R("ANGGARAN", 2), R("REALISASI", 2), "%"]] if rp else \
        [["NO", "PROGRAM/KEGIATAN", "ANGGARAN", "REALISASI", "%"]]
    lebar = 7 if rp else 5
    bagian = [(program, kelompok)] + ([kedua] if kedua else [])
    for n, (prog, kel) in enumerate(bagian):
        rows.append(["I" if n == 0 else "II", R(prog, lebar - 1)])
        for keg, subs in kel:
            if keg:
                rows.append(["", R(keg, lebar - 1)])
            for no, nama, ang, real in subs:
                pct = _pct(ang, real)
                rows.append([no, nama, "Rp", ang, "Rp", real, pct] if rp else [no, nama, ang, real, pct])
    g, r, p = total
    rows.append(["", "Total", "Rp", g, "", r, p] if rp else ["", "Total", g, r, p])
    tabel(d, judul, rows)


def _pct(ang: str, real: str) -> str:
    a = float(ang.replace(".", "").replace(",", "."))
    r = float(real.replace(".", "").replace(",", ".")) if real not in ("-", "") else None
    if r is None:
        return "-"
    return f"{r / a * 100:.2f}".replace(".", ",")


def batibati() -> None:
    d = dokumen()
    teks(d, "LAPORAN KINERJA (LKj) KECAMATAN BATI-BATI TAHUN 2024", tebal=True)
    teks(d, "BAB I PENDAHULUAN", tebal=True)
    desa = [("Benua Raya", "13,00", "5,54", "15", "4"), ("Bati – Bati", "9,00", "3,83", "12", "4"),
            ("Padang", "7,00", "2,98", "14", "3"), ("Ujung", "6,00", "2,56", "8", "2"),
            ("Ujung Baru", "10,00", "4,26", "7", "3"), ("Nusa Indah", "23,00", "9,80", "10", "3"),
            ("Kait – Kait", "15,76", "6,71", "13", "4"), ("Kait – Kait Baru", "9,24", "3,94", "14", "6"),
            ("Bentok Darat", "40,00", "17,04", "16", "5"), ("Banyu Irang", "14,00", "5,96", "16", "3"),
            ("Bentok Kampung", "27,75", "11,82", "8", "2"), ("Sambangan", "8,00", "3,41", "4", "2"),
            ("Liang Anggang", "31,50", "13,42", "12", "4"), ("Pandahan", "20,50", "8,73", "10", "2")]
    tabel(d, ["Tabel 1.2", "Jumlah Desa di Kecamatan Bati-Bati dan Luas Wilayahnya"],
          [["No.", "Desa", "Luas (Km²)", "Persentase"]] + [[f"{n}.", r[0], r[1], r[2]] for n, r in enumerate(desa, 1)]
          + [["", "Jumlah", "234,75", "100,00"]], sumber="Data Kependudukan Seksi Tapem 2024")
    tabel(d, ["Tabel 1.3", "Jumlah RT dan RW di Kecamatan Bati-Bati tahun 2024"],
          [["No.", "Desa", "Rukun Tetangga (RT)", "RW/Dusun"]] + [[f"{n}.", r[0], r[3], r[4]]
                                                                  for n, r in enumerate(desa, 1)]
          + [["", "Jumlah", "155", "49"]], sumber="Data Kependudukan Seksi Tapem 2024")
    teks(d, "BAB II PERENCANAAN KINERJA", tebal=True)
    tabel(d, ["Tabel 2.1", "Tujuan dan Sasaran Kabupaten Tanah Laut yang menjadi", "Sasaran Strategis Kecamatan "
              "Bati-Bati"], [
        ["NO.", "TUJUAN/SASARAN PERANGKAT DAERAH", "INDIKATOR TUJUAN/SASARAN PERANGKAT DAERAH", "SATUAN",
         R("KONDISI KINERJA PADA AWAL PERIODE RPD", 2), R("TARGET CAPAIAN SETIAP TAHUN", 3),
         "KONDISI KINERJA PADA AKHIR PERIODE RPD"],
        [ATAS, ATAS, ATAS, ATAS, "Realisasi 2023", "Proyeksi 2024", "2024", "2025", "2026", ATAS],
        nomor_kolom(10),
        ["1.", "Meningkatnya kualitas pembanguan desa", "Indeks Desa", "Nilai", "", "0,74", "0,74", "0,75", "0,76",
         "0,76"],
        ["", SASARAN_BB, RDM, "Rasio", "0,07", "0.07", "0.07", "0,14", "0,21", "0,21"],
        ["", ATAS, "Indeks Kepuasan Masyarakat", "Nilai", "94,00", "90,2", "90,2", "90,5", "91", "91"],
        ["2", "Meningkatkan Akuntabilitas Kinerja Instansi Pemerintah", "Nilai SAKIP Kabupaten", "Nilai", "B",
         "70,16(BB)", "70,16(BB)", "75,00(BB)", "80,00(A)", "80,00(A)"],
        ["", "Meningkatnya kinerja akuntabilitas kinerja Kecamatan Bati-Bati", AKIP, "Nilai", "67,3", "75", "75",
         "77", "79", "79"],
    ], kepala=2, sumber="Renstra RPD 2024-2026 Kecamatan Bati-Bati")
    tabel(d, ["Tabel 2.3", "Indikator Kinerja Utama Kecamatan Bati-Bati Tahun 2024"], [
        ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target", "Penjelasan Rumus",
         "Penanggungjawab / Sumber Data"],
        ["1", SASARAN_BB, RDM, "Rasio", "0,07", "Jumlah Desa Mandiri/Jumlah Desa yang ada", "Kecamatan"],
        [ATAS, ATAS, "Indeks Kepuasan Masyarakat", "Nilai", "90,2", "Hasil Survey", "Kecamatan"],
        ["2", "Meningkatnya kinerja akuntabilitas kinerja Kecamatan Bati-Bati", AKIP, "Nilai", "75",
         "Hasil Evaluasi atas akuntabilitas kinerja Kecamatan Bati-Bati", "Kecamatan"],
    ], sumber="Renja 2024 Kecamatan Bati-Bati")
    teks(d, "BAB III AKUNTABILITAS KINERJA", tebal=True)
    tabel(d, ["Tabel 3.1 Pengelompokkan Capaian Kinerja"], [
        ["Rentang Capaian", "Kategori Capaian"], ["Lebih dari 90 %", "Sangat Memuaskan"],
        ["Diatas 80 % sampai dengan 90 %", "Memuaskan"], ["Diatas 70 % sampai dengan 80 %", "Sangat Baik"],
        ["Diatas 60 % sampai dengan 70 %", "Baik"], ["Diatas 50 % sampai dengan 60 %", "Cukup"],
        ["Kurang dari 50 %", "Kurang"]])
    kepala_rpd = [["NO.", "INDIKATOR KINERJA SASARAN PERANGKAT DAERAH DAN INDIKATOR KINERJA UTAMA (IKU) PERANGKAT "
                   "DAERAH", "SATUAN", R("KONDISI KINERJA PADA AWAL PERIODE RPD", 2),
                   R("TARGET CAPAIAN SETIAP TAHUN", 3), "KONDISI KINERJA PADA AKHIR PERIODE RPD"]]
    tabel(d, ["Tabel 3.2", "Target Dan Realisasi Sasaran Strategis Dan Indikator Kinerja Utama", "Kecamatan Bati-Bati"],
          kepala_rpd + [
              [ATAS, ATAS, ATAS, "Realisasi 2023", "Proyeksi 2024", "2024", "2025", "2026", ATAS],
              nomor_kolom(9),
              ["1.", R(SASARAN_BB, 8)],
              ["", RDM, "Rasio", "0,07", "0.07", "0.07", "0,14", "0,21", "0,21"],
              ["", "Indeks Kepuasan Masyarakat", "Nilai", "94,00", "90,2", "90,2", "90,5", "91", "91"],
              ["2", R("Meningkatnya kinerja akuntabilitas kinerja Kecamatan Bati-Bati", 8)],
              ["", AKIP, "Nilai", "75.7", "75", "75", "77", "79", "79"],
          ], kepala=2, sumber="Renstra RPD Kecamatan Bati-Bati 2024-2026")
    tabel(d, ["Tabel 3.6", "Realisasi Sasaran Strategis Dan Indikator Kinerja Utama", "Kecamatan Bati-Bati Tahun 2024"], [
        ["No", "Sasaran Strategis", "Kinerja Utama", "Target /PK Camat", "Satuan", "Realisasi", "Persentase Capaian"],
        ["1.", "Meningkatnya Tata Kelola Pemerintahan Kecamatan dan Pemberdayaan Kecamatan serta Pelayanan Publik",
         RDM, "0,07", "Nilai", "0,64", "900,00"],
        [ATAS, ATAS, "Indeks Kepuasan Masyarakat", "90,00", "Nilai", "92,48", "102,76"],
        ["2", "Meningkatnya kinerja akuntabilitas kinerja kecamatan bati-bati", AKIP, "75,00", "Nilai", "75,60",
         "100,80"],
        ["", "", "Rata-Rata Capaian", "", "", "", "367,85"],
    ], sumber="Sumber: Laporan Kinerja TR IV")
    tabel(d, ["Tabel 3.8", "Tabel Mutu pelayanan"], [
        ["Nilai Persepsi", "Nilai Interval", "Nilai Interval Konversi", "Mutu Pelayanan", "Kinerja Unit Pelayanan"],
        ["1", "1,00 – 2,5996", "25,00 – 64,99", "D", "TIDAK BAIK"], ["2", "2,60 – 3,064", "65,00 – 76,60", "C",
                                                                    "KURANG BAIK"],
        ["3", "3,0644-3,532", "76,61 – 88,30", "B", "BAIK"], ["4", "3,5324 – 4,00", "88,31 – 100,00", "A",
                                                             "SANGAT BAIK"],
    ], sumber="PerMenPAN dan RB Nomor 14 Tahun 2017")
    nrr = [("Persyaratan", "3,613", "3,667", "3,633", "3,66"), ("Kemudahan Prosedur", "3,547", "3,513", "3,487", "3,587"),
           ("KecepatanWaktu Pelayanan", "3,44", "3,373", "3,373", "3,413"), ("Biaya / Tarif", "4", "4", "4", "4"),
           ("Kesesuaian Produk Pelayanan", "3,6", "3,72", "3,613", "3,567"),
           ("Kompetensi Petugas Pelayanan", "3,607", "3,96", "3,627", "3,667"),
           ("Prilaku Petugas Pelayanan", "3,7", "3,753", "3,627", "3,627"),
           ("Kualitas Sarana dan Prasarana", "3,693", "3,693", "3,587", "3,52"),
           ("Penanganan Pengaduan", "3,94", "3,92", "3,847", "3,82")]
    tabel(d, ["Tabel 3.9", "Hasil Survey IKM Kecamatan Bati-Bati Tahun 2024"],
          [["No.", "Ruang Lingkup SKM", "NRR TW 1", "NRR TW II", "NRR TW III", "NRR TW IV"]]
          + [[str(n), *r] for n, r in enumerate(nrr, start=1)]
          + [["", "NRR 9 Ruang Lingkup Pelayanan", "94,15", "93,25", "91", "91,19"],
             ["", "Nilai Hasil IKM", "94,15", "93,25", "91", "91,19"]],
          sumber="Seksi Pelayanan Kecamatan Bati-Bati Tahun 2024")
    tabel(d, ["Tabel 3.11 Hasil Evaluasi AKIP Kecamatan Bati-Bati"], [
        ["Komponen yang dinilai", "Bobot", R("Nilai atas Akuntabilitas Kinerja Instansi Pemerintah (AKIP)", 2)],
        [ATAS, ATAS, "2022", "2023"],
        ["a. Perencaanaan Kinerja", "30", "20,10", "22,50"], ["b. Pengukuran Kinerja", "30", "20,70", "23,10"],
        ["c. Pelaporan Kinerja", "15", "9,75", "11,25"], ["d. Evaluasi Internal", "25", "16,75", "18,75"],
        ["Nilai Hasil Evaluasi", "", "67,3", "75,60"], ["Tingkat Akuntabilitas Kinerja", "", "B", "BB"],
    ], kepala=2, sumber="LHE SAKIP Kecamatan Bati-Bati tahun 2024")
    tabel(d, ["Tabel 3.12", "Capaian Sakip Kecamatan Bati-Bati Tahun 2021-2024"], [
        ["NO.", "INDIKATOR KINERJA SASARAN PERANGKAT DAERAH", "SATUAN", R("REALISASI CAPAIAN", 3),
         R("REALISASI CAPAIAN TAHUN 2024", 3)],
        [ATAS, ATAS, ATAS, "2021", "2022", "2023", "TARGET", "CAPAIAN", "%"],
        ["1", "2", "3", "6", "7", "8", "7", "8", "9"],
        ["1", R("Meningkatnya kinerja akuntabilitas kinerja Kecamatan Bati-Bati", 8)],
        ["", AKIP, "Nilai", "60,36", "71,7", "67,3", "75", "75,6", "100,8"],
    ], kepala=2, sumber="Sekretariat Kecamatan Bati-Bati")
    tabel(d, ["Tabel 3.13", "Realisasi Sasaran Strategis Dan Target RPD 2024-2026", "Kecamatan Bati-Bati"],
          kepala_rpd[:1] + [
              [ATAS, ATAS, ATAS, "Realisasi 2023", "Realisasi 2024", "2024", "2025", "2026", ATAS],
              nomor_kolom(9),
              ["1.", R(SASARAN_BB, 8)],
              ["", RDM, "Rasio", "-", "0.64", "0.07", "0,14", "0,21", "0,21"],
              ["", "Indeks Kepuasan Masyarakat", "Nilai", "94,00", "92,48", "90,2", "90,5", "91", "91"],
              ["2", R("Meningkatnya kinerja akuntabilitas kinerja Kecamatan Bati-Bati", 8)],
              ["", AKIP, "Nilai", "75.7", "75,60", "75", "77", "79", "79"],
          ], kepala=2, sumber="Sekretariat Kecamatan Bati-Bati 2024")
    lanskap(d)
    tabel(d, ["Tabel 3.14 Capaian Kinerja Kecamatan Bati-Bati dengan Kecamatan Lain di Kabupaten Tanah Laut Tahun "
              "2024"], [
        ["No", "Sasaran Strategis", "Kinerja Utama", "Satuan", R("KECAMATAN BATI-BATI", 3), R("KECAMATAN BAJUIN", 3),
         R("KECAMATAN BUMI MAKMUR", 3)],
        [ATAS, ATAS, ATAS, ATAS] + ["Target /PK Camat", "Realisasi", "Persentase Capaian"] * 3,
        ["1.", "Meningkatnya Tata Kelola Pemerintahan Kecamatan dan Pemberdayaan", RDM, "Nilai", "0,07", "0,64",
         "900,00", "0,14", "0,55", "392,86", "0,45", "0,36", "80,00"],
        [ATAS, ATAS, "Indeks Kepuasan Masyarakat", "Nilai", "90,00", "92,48", "102,76", "89,00", "87,17", "97,94",
         "90,00", "92,13", "102,37"],
        ["2", "Meningkatnya kinerja akuntabilitas kinerja Kecamatan Bati-Bati", AKIP, "Nilai", "75,00", "75,60",
         "100,80", "83,00", "77,45", "93,31", "75,00", "72,10", "96,13"],
        ["", "", "Rata-Rata Capaian", "", "", "", "367,85", "", "", "194,70", "", "", "92,83"],
    ], kepala=2, sumber="Sekretariat Kecamatan Tahun 2024", ukuran=8)
    potret(d)
    tabel(d, ["Tabel 3.14", "Efisiensi Capaian Kinerja Kecamatan Bati-Bati", "Tahun 2024"], [
        ["No", "Persentase Capaian Kinerja", "Persentase Keuangan", "Efiseinsi"],
        ["1.", "367,85", "90,23", "277,62"]])
    teks(d, "Dalam mencapai sasaran strategis Kecamatan Bati-Bati di dukung oleh Program/kegiatan penunjang dengan "
         "pagu Rp. 4.996.638.717.-. dan realisasi sebesar Rp. 4.508.388.530,- atau 90,23 %.")
    tabel(d, ["Tabel 3.15 Capaian Realisasi Keuangan Kecamatan Bati-Bati Tahun 2024"],
          KEPALA_ANGGARAN_BB + [list(r) for r in ANGGARAN_BB] + [["", "", "4.996.638.717", "4.508.388.530,00",
                                                                 "90,23"]], ukuran=8)
    tabel(d, ["Tabel 3.16", "Realisasi Sasaran Strategis Dan Indikator Kinerja", "Sekretaris Camat Tahun 2024"], [
        ["No", "Sasaran Strategis", "Kinerja Utama", "Target/PK Sekcam", "Satuan", "Realisasi", "Persentase Capaian"],
        ["1.", "Meningkatnya kinerja akuntabilitas kinerja Kecamatan Bati-Bati", "Nilai komponen perencanaan", "22,50",
         "Nilai", "22,50", "100,00"],
        [ATAS, ATAS, "Nilai komponen pengukuran", "23,10", "Nilai", "23,10", "100,00"],
        [ATAS, ATAS, "Nilai komponen pelaporan", "11,25", "Nilai", "11,25", "100,00"],
        [ATAS, ATAS, "Nilai komponen evaluasi internal", "18,75", "Nilai", "18,75", "100,00"],
        [ATAS, ATAS, "Hasil Evaluasi", "75", "Nilai", "75,6", "100,80"],
        ["", "", "Tingkat Akuntabilitas Kinerja", "", "", "", "BB"],
    ], sumber="Sumber : Laporan Kinerja TR IV")
    tabel(d, ["Tabel 3.19 Nilai atas Akuntabilitas Kinerja Instansi Pemerintah Kecamatan Bati-Bati Tahun 2024"], [
        ["Komponen yang dinilai", "Bobot", R("Nilai atas Akuntabilitas Kinerja Instansi Pemerintah (AKIP)", 3)],
        [ATAS, ATAS, "2022", "2023", "2024"],
        ["a. Perencaanaan Kinerja", "30", "21,99", "20,10", "22,50"],
        ["b. Pengukuran Kinerja", "30", "20,01", "20,70", "23,10"],
        ["c. Pelaporan Kinerja", "15", "9,5", "9,75", "11,25"], ["d. Evaluasi Internal", "25", "10", "16,75", "18,75"],
        ["Nilai Hasil Evaluasi", "", "71,7", "67,3", "75,60"],
        ["Tingkat Akuntabilitas Kinerja", "", "B", "B", "BB"],
    ], kepala=2)
    tabel(d, ["Tabel 3.20 Efisiensi Capaian Kinerja Sekretaris Camat Kecamatan Bati-Bati Tahun 2024"], [
        ["No", "Persentase Kinerja", "Persentase Keuangan", "Efisiensi"], ["1.", "100,89", "88,69", "12,20"]])
    tabel(d, ["Tabel 3.21", "Capaian Realisasi Keuangan Program/Kegiatan Penunjang", "Urusan Pemerintan Daerah "
              "Kecamatan Bati-Bati Tahun 2024"], KEPALA_ANGGARAN_BB + [list(r) for r in ANGGARAN_BB[:25]], ukuran=8)
    seksi(d, ["Tabel 3.23 Realisasi Anggaran Kepala Seksi Pelayanan Tahun 2024"],
          "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM",
          [("Fasilitasi Percepatan Pencapaian Standar Pelayanan Minimal di Wilayah Kecamatan",
            [("1", "Fasilitasi Percepatan Pencapaian Standar Pelayanan Minimal di Wilayah Kecamatan", "4.986.066,00",
              "4.646.560,00")])], ("4.986.066", "4.646.560", "93,19"))
    tabel(d, ["Tabel 3.24 Efisiensi Capaian Kinerja Kasi Pelayanan Kecamatan Bati-Bati Tahun 2024"], [
        ["No", "Persentase Kinerja", "Persentase Keuangan", "Efisiensi"], ["1.", "100", "93,19", "6,81"]])
    wasbang = ("Pembinaan Wawasan Kebangsaan dan Ketahanan Nasional dalam rangka Memantapkan Pengamalan Pancasila, "
               "Pelaksanaan Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, Pelestarian Bhinneka Tunggal Ika "
               "serta Pemertahanan dan Pemeliharaan Keutuhan Negara Kesatuan Republik Indonesia")
    seksi(d, ["Tabel 3.26", "Capaian Kinerja Anggaran Seksi Tata Pemerintahan", "Kecamatan Bati-Bati Tahun 2024"],
          "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM",
          [("Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan Kepala Daerah",
            [("1", wasbang, "99.960.158", "96.440.280")])], ("109.410.158", "105.890.280", "98,24"), rp=False,
          kedua=("PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA",
                 [("Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa",
                   [("1", "Fasilitasi Administrasi Tata Pemerintahan Desa", "9.450.000", "9.450.000")])]))
    tabel(d, ["Tabel 3.27 Efisiensi Capaian Kinerja Kasi Pemerintahan Kecamatan Bati-Bati Tahun 2024"], [
        ["No", "Persentase Capaian Kinerja", "Persentase Keuangan", "Efisiensi"], ["1.", "100", "98,24", "1,76"]])
    seksi(d, ["Tabel 3.30 Capaian Kinerja Anggaran Seksi Kemasyarakatan Kecamatan Bati-Bati Tahun 2024"],
          "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM",
          [("Terlaksananya Pembinaan Kerukunan Antarsuku dan Intrasuku, Umat Beragama, Ras, dan Golongan Lainnya Guna "
            "Mewujudkan Stabilitas Keamanan Lokal, Regional, dan Nasional",
            [("1", "Pembinaan Kerukunan Antar Suku dan Intra Suku, Umat Beragama, Ras, dan Golongan Lainnya Guna "
                   "Mewujudkan Stabilitas Keamanan Lokal, Regional, dan Nasional", "730.764.784,00",
              "727.775.000,00")])], ("730.764.784,00", "727.775.000", "99,59"))
    tabel(d, ["Tabel 3.31 Efisiensi Capaian Kinerja Kasi Kemasyarakatan Kecamatan Bati-Bati Tahun 2024"], [
        ["No", "Persentase Kinerja", "Persentase Keuangan", "Efisiensi"], ["1.", "100", "99,59", "0,41"]])
    seksi(d, ["Tabel 3.34 Capaian Kinerja Anggaran Seksi PMD Kecamatan Bati-Bati Tahun 2024"],
          "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM", [
              ("Terlaksananya Fasilitasi Sinkronisasi Perencanaan Pembangunan Daerah dengan Pembangunan Desa",
               [("1", "Peningkatan partisipasi masyarakat dalam forum musyawarah perencanaan pembangunan di desa",
                 "1.890.000,00", "1.890.000,00")]),
              ("Terlaksananya peningktanan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
               [("2", "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
                 "40.745.563,00", "37.853.000,00")]),
              ("Terlaksanaya Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan Aset Desa",
               [("3", "Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan Aset Desa", "8.556.742,00", "-")])],
          ("51.192.305,00", "39.743.000", "64,30"))
    tabel(d, ["Tabel 3.35 Efisiensi Capaian Kinerja Kasi PMD Kecamatan Bati-Bati Tahun 2024"], [
        ["No", "Persentase Kinerja", "Persentase Keuangan", "Efisiensi"], ["1.", "100", "64,30", "35,70"]])
    seksi(d, ["Tabel 3.37 Capaian Kinerja Anggaran Seksi Trantib Kecamatan Bati-Bati Tahun 2024"],
          "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM", [
              ("Terlaksananya Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat",
               [("1", "Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat", "23.008.832,00",
                 "18.720.000,00")]),
              ("Terlaksananya Tugas Forum Koordinasi Pimpinan di Kecamatan",
               [("2", "Pelaksanaan Tugas Forum Koordinas Pimpinan di Kecamatan", "45.648.670,00", "36.087.000,00")])],
          ("68.657.502,00", "54.807.000", "80,21"))
    tabel(d, ["Tabel 3.38 Efisiensi Capaian Kinerja Kasi Trantib Kecamatan Bati-Bati Tahun 2024"], [
        ["No", "Persentase Kinerja", "Persentase Keuangan", "Efisiensi"], ["1.", "100", "80,20", "19,80"]])
    umpeg = [
        ("Tersedianya pakaian dinas beserta atribut kelengkapannya",
         "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya", "15.540.000,00", "13.450.000,00"),
        ("Tersedianya Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
         "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", "3.166.772,00", "2.835.600,00"),
        ("Tersedianya Peralatan dan Perlengkapan Kantor", "Penyediaan Peralatan dan Perlengkapan Kantor",
         "20.978.412,00", "17.152.900,00"),
        ("Tersedianya Barang Cetakan dan Penggandaan", "Penyediaan Barang Cetakan dan Penggandaan", "8.152.322,00",
         "7.582.200,00"),
        ("Tersedianya Bahan/Material", "Penyediaan Bahan/Material", "30.680.345,00", "29.935.000,00"),
        ("Terlaksananya Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
         "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "257.200.000,00", "248.347.718,00"),
        ("Tersedianya Peralatan dan Mesin Lainnya", "Pengadaan Peralatan dan Mesin Lainnya", "117.556.504,00",
         "99.250.000,00"),
        ("Tersedianya Jasa Komunikasi, Sumber Daya Air dan Listrik",
         "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", "95.245.000,00", "74.510.018,00"),
        ("Tersedianya Jasa Pelayanan Umum Kantor", "Penyediaan Jasa Pelayanan Umum Kantor", "155.266.488,00",
         "154.253.181,00"),
        ("Tersedianya Jasa Peralatan dan Perlengkapan Kantor", "Penyediaan Jasa Peralatan dan Perlengkapan Kantor",
         "4.220.042,00", "3.821.500,00"),
        ("Tersedianya Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Kendaraan Perorangan Dinas atau Kendaraan "
         "Dinas Jabatan", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas "
         "atau Kendaraan Dinas Jabatan", "37.000.000,00", "36.999.300,00"),
        ("Tersedianya Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas Operasional atau "
         "Lapangan", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas "
         "Operasional atau Lapangan", "51.000.000,00", "50.992.000,00"),
        ("Terlaksananya Pemeliharaan Peralatan dan Mesin Lainnya", "Pemeliharaan Peralatan dan Mesin Lainnya",
         "13.150.000,00", "13.040.000,00"),
        ("Terlaksananya Pemeliharaan Mebel", "Pemeliharaan Mebel", "6.440.000,00", "6.440.000,00"),
    ]
    seksi(d, ["Tabel 3.40 Capaian Kinerja Anggaran Subbagian Umpeg Kecamatan Bati-Bati Tahun 2024"],
          "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM",
          [(keg, [(str(n), sub, g, r)]) for n, (keg, sub, g, r) in enumerate(umpeg, start=1)],
          ("815.595.885,00", "752.169.417,00", "92,22"))
    tabel(d, ["Tabel 3.41 Efisiensi Capaian Kinerja Kasubbag Umpeg Kecamatan Bati-Bati Tahun 2024"], [
        ["No", "Persentase Kinerja", "Persentase Keuangan", "Efisiensi"], ["1.", "100", "92,22", "7,78"]])
    seksi(d, ["Tabel 3.43", "Capaian Kinerja Anggaran Subbagian Perencaaan dan Keuangan",
              "Kecamatan Bati-Bati Tahun 2024"], "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM", [
        ("Ditetapkannya Dokumen Perencanaan Pembangunan Daerah Kabupaten/Kota",
         [("1", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "5.405.994,00", "4.288.778,00")]),
        ("Terlaksananya Sinkronisasi Dokumen Perencanaan Perangkat Daerah",
         [("2", "Evaluasi Kinerja Perangkat Daerah", "6.105.247,00", "5.133.559,00")]),
        ("Tersedianya gaji dan tunjangan ASN",
         [("3", "Penyediaan Gaji dan Tunjangan ASN", "3.204.519.778,00", "2.807.494.936,00")])],
          ("3.216.031.019,00", "2.816.917.273", "87,59"))
    tabel(d, ["Tabel 3.44", "Efisiensi Capaian Kinerja Kasubbag Renkeu Kecamatan Bati-Bati", "Tahun 2024"], [
        ["No", "Persentase Kinerja", "Persentase Keuangan", "Efisiensi"], ["1.", "100", "84,73", "15,27"]])
    teks(d, "B. AKUNTABILITAS KEUANGAN", tebal=True)
    teks(d, "Realisasi Belanja Pegawai kantor Kecamatan Bati Bati pada Tahun Anggaran 2024 sebesar Rp. "
         "2.807.494.936,-,atau 87,61% dari pagu anggaran tersedia sebesar Rp. 3.204.519.778,- masih terdapat sisa "
         "anggaran sebesar Rp. 397.024.842,- atau 14,37%.")
    tabel(d, ["Tabel 3.45", "Realisasi Belanja Pegawai Kecamatan Bati-bati", "Tahun 2024 dan 2023"], [
        ["No", "Uraian", "2024", "2023", "Kenaikan / Penurunan", "%"],
        ["1", "Belanja Pegawai", "2.807.494.936,00", "2.661.890.522,00", "145.604.414,00", "5,47"],
        ["1", "Gaji dan Tunjangan ASN", "1.536.055.617,00", "1.437.902.751,00", "98.152.866,00", "6,83"],
        ["A", "Gaji Pokok ASN", "1.081.197.292,00", "1.021.016.926,00", "60.180.366,00", "5,89"],
        ["", "Tunjangan Jabatan ASN", "73.750.000,00", "79.525.000,00", "(5.775.000,00)", "(7,26)"],
        ["B", "Tambahan Penghasilan ASN", "1.271.439.319,00", "1.223.987.771,00", "47.451.548,00", "3,88"],
    ], sumber="Laporan Operasional Kec. Bati-Bati Tahun 2024")
    simpan_docx(d, "batibati_2024.docx")


# ------------------------------------------------------------------ Pelaihari 2025 (seed 002)

SASARAN_PLH = SASARAN_BAJUIN
NRR_PLH = [("Persyaratan", "3.907", "3.887", "3.847", "3.771"),
           ("Kemudahan Prosedur", "3.873", "3.880", "3.840", "3.521"),
           ("Kecepatan Waktu Pelayanan", "3.867", "3.833", "3.820", "3.625"),
           ("Biaya/Tarif", "4.980", "4.960", "3.960", "4.688"),
           ("Kesesuaian Produk Pelayanan", "3.893", "3.840", "3.813", "3.667"),
           ("Kompetensi Petugas Pelayanan", "3.880", "3.833", "3.840", "3.354"),
           ("Prilaku Petugas Pelayanan", "3.887", "3.873", "3.887", "3.458"),
           ("Penanganan Pengaduan", "3.880", "3.880", "3.873", "3.896"),
           ("Kualitas Sarana dan Prasarana", "3.960", "4.000", "3.973", "3.771")]
PROGRAM_PLH = [("Program penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "11.106.754.895,77", "10.046.334.055,00"),
               ("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "13.914.093,00", "12.470.000,00"),
               ("Program Pemberdayaan Masyarakat Desa dan Kelurahan", "30.443.720,00", "29.827.000,00"),
               ("Program Koordinasi Ketentraman dan Ketertiban Umum", "9.331.555,88", "8.756.868,00"),
               ("Program Penyelenggaraan Urusan Pemerintahan Umum", "1.088.675.686,81", "1.072.231.800,00"),
               ("Program Pembinaan dan Pengawasan Pemerintahan Desa", "47.240.335,00", "47.048.635,00")]
LRA_PLH = [
    ("5", "BELANJA DAERAH", "12.296.340.286,46", "11.200.768.358,00", "91,09", "11.418.793.994,00"),
    ("5.1", "BELANJA OPERASI", "12.081.908.923,46", "11.006.723.958,00", "91,10", "11.195.090.085,00"),
    ("5.1.01", "Belanja Pegawai", "10.185.776.561,00", "9.206.009.232,00", "90,38", "9.042.280.662,00"),
    ("5.1.01.01", "Belanja Gaji dan Tunjangan ASN", "5.593.032.136,00", "5.064.595.588,00", "90,55",
     "4.964.521.883,00"),
    ("5.1.01.02", "Belanja Tambahan Penghasilan ASN", "4.592.744.425,00", "4.141.413.644,00", "90,17",
     "4.077.758.779,00"),
    ("5.1.02", "Belanja Barang dan Jasa", "1.146.132.362,46", "1.066.614.726,00", "93,06", "1.375.834.203,00"),
    ("5.1.02.01", "Belanja Barang", "455.519.726,96", "427.541.370,00", "93,85", "334.513.977,00"),
    ("5.1.02.02", "Belanja Jasa", "468.187.635,50", "417.888.076,00", "89,25", "400.524.319,00"),
    ("5.1.02.03", "Belanja Pemeliharaan", "83.300.000,00", "82.353.218,00", "98,86", "75.871.018,00"),
    ("5.1.02.04", "Belanja Perjalanan Dinas", "139.125.000,00", "138.832.062,00", "99,78", "564.924.889,00"),
    ("5.1.05", "Belanja Hibah", "750.000.000,00", "734.100.000,00", "97,88", "776.975.220,00"),
    ("5.1.05.05", "Belanja Hibah kepada Badan, Lembaga, Organisasi Kemasyarakatan yang Berbadan Hukum Indonesia",
     "750.000.000,00", "734.100.000,00", "97,88", "776.975.220,00"),
    ("", "JUMLAH BELANJA OPERASI", "12.081.908.923,46", "11.006.723.958,00", "91,10", "11.195.090.085,00"),
    ("5.2", "BELANJA MODAL", "214.431.363,00", "194.044.400,00", "90,49", "223.703.909,00"),
    ("5.2.02", "Belanja Modal Peralatan dan Mesin", "199.431.363,00", "179.886.000,00", "90,19", "133.735.909,00"),
    ("5.2.02.05", "Belanja Modal Alat Kantor dan Rumah Tangga", "148.554.630,00", "133.992.000,00", "90,19",
     "63.085.000,00"),
    ("5.2.02.06", "Belanja Modal Alat Studio, Komunikasi, dan Pemancar", "0,00", "0,00", "0,00", "11.600.000,00"),
    ("5.2.02.07", "Belanja Modal Alat Kedokteran dan Kesehatan", "0,00", "0,00", "0,00", "3.240.909,00"),
    ("5.2.02.08", "Belanja Modal Alat Laboratorium", "4.440.000,00", "4.000.000,00", "90,09", "0,00"),
    ("5.2.02.10", "Belanja Modal Komputer", "41.435.190,00", "37.854.000,00", "91,35", "55.810.000,00"),
    ("5.2.02.19", "Belanja Modal Peralatan Olahraga", "5.001.543,00", "4.040.000,00", "80,77", "0,00"),
    ("5.2.03", "Belanja Modal Gedung dan Bangunan", "15.000.000,00", "14.158.400,00", "94,38", "0,00"),
    ("5.2.03.01", "Belanja Modal Bangunan Gedung", "15.000.000,00", "14.158.400,00", "94,38", "0,00"),
    ("5.2.04", "Belanja Modal Jalan, Jaringan, dan Irigasi", "0,00", "0,00", "0,00", "89.968.000,00"),
    ("5.2.04.01", "Belanja Modal Jalan dan Jembatan", "0,00", "0,00", "0,00", "89.968.000,00"),
    ("", "JUMLAH BELANJA MODAL", "214.431.363,00", "194.044.400,00", "90,49", "223.703.909,00"),
    ("", "JUMLAH BELANJA", "12.296.340.286,46", "11.200.768.358,00", "91,09", "11.418.793.994,00"),
    ("", "SURPLUS/DEFISIT", "(12.296.340.286,46)", "(11.200.768.358,00)", "91,09", "(11.418.793.994,00)"),
]


def pelaihari() -> None:
    d = dokumen()
    teks(d, "LAPORAN KINERJA (LKj) KECAMATAN PELAIHARI TAHUN 2025", tebal=True)
    teks(d, "BAB I PENDAHULUAN", tebal=True)
    tabel(d, ["Tabel 1.2", "Jumlah PNS Pergolongan / Pendidikan Tahun 2025"], [
        [R("PNS Golongan", 4), "PPPK", "Total", R("Pendidikan", 7), "Total"],
        ["IV", "III", "II", "I", ATAS, ATAS, "S2", "S1", "D III", "D II", "SLTA", "SLTP", "SD", ATAS],
        ["3", "13", "2", "-", "21", "39", "2", "22", "6", "-", "9", "-", "-", "39"],
    ], kepala=2)
    teks(d, "H. Program dan Kegiatan Kecamatan Pelaihari Kabupaten Tanah Laut Tahun Anggaran 2025", tebal=True)
    bab1 = [("", "KECAMATAN", "Rp. 12.296.340.286,46"),
            ("I", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Rp.11.106.754.896,00"),
            ("1", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "Rp. 8.007.404,10"),
            ("2", "Administrasi Keuangan Perangkat Daerah", "Rp.10.186.637.991,00"),
            ("3", "Administrasi Kepegawaian Perangkat Daerah", "Rp. 12.734.098,60"),
            ("4", "Administrasi Umum Perangkat Daerah", "Rp. 432.728.709,07"),
            ("5", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", "Rp. 10.051.316,00"),
            ("6", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "Rp. 373.295.378,00"),
            ("7", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", "Rp. 83.300.000,00"),
            ("II", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", "Rp. 13.914.093,00"),
            ("1", "Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah yang "
                  "Ada di Kecamatan", "Rp. 13.914.093,00"),
            ("III", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", "Rp. 30.443.720,00"),
            ("1", "Koordinasi Kegiatan Pemberdayaan Desa", "Rp. 30.443.720,00"),
            ("IV", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", "Rp. 9.311.556,00"),
            ("1", "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum", "Rp. 9.311.556,00"),
            ("V", "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM", "Rp. 1.088.675.687,00"),
            ("1", "Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan Kepala Daerah", "Rp. 1.088.675.687,00"),
            ("VI", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", "Rp. 47.240.335,00"),
            ("1", "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa",
             "Rp. 47.240.335,00")]
    tabel(d, [], [["NO", "PROGRAM/KEGIATAN", "PAGU"]] + [list(r) for r in bab1])
    teks(d, "BAB II PERENCANAAN KINERJA", tebal=True)
    tabel(d, ["Tabel 2.1", "Matrik Hubungan Antara Tujuan dan Sasaran Kecamatan Pelaihari"], [
        ["NO", R("TUJUAN/SASARAN", 2), "INDIKATOR TUJUAN/SASARAN", "Realisasi Tahun 2024",
         R("TARGET KINERJA TUJUAN/SASARAN PADA TAHUN KE-", 6)],
        [ATAS, ATAS, ATAS, ATAS, ATAS, "2025", "2026", "2027", "2028", "2029", "2030"],
        [*nomor_kolom(10), ""],
        ["1", R("Meningkatnya Kualitas Pelayanan Publik", 2), "Indeks Kepuasan Masyarakat (Nilai)", "88,41", "88,6",
         "89", "89,3", "90", "90,3", "91"],
        ["", "1.", SASARAN_PLH, "Persentase Desa Mandiri di Kecamatan (%)", "60", "60,6666667", "60,6666667",
         "73,3333333", "73,3333333", "80", "80"],
        ["", "", ATAS, "Indeks Kepuasan Masyarakat di Kecamatan (Nilai)", "95,59", "95,59", "95,6", "95,7", "95,75",
         "95,8", "95,85"],
    ], kepala=2)
    tabel(d, ["Tabel 2.2", "Indikator Kinerja Utama Kecamatan Pelaihari"], [
        ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Penjelasan Rumus"],
        ["1", SASARAN_PLH, "Persentase Desa Mandiri di Kecamatan (%)",
         "(Jumlah desa mandiri yang ada di kecamatan / Jumlah desa yang ada di kecamatan) × 100%"],
        [ATAS, ATAS, "Indeks Kepuasan Masyarakat di Kecamatan (Nilai)", "Hasil Survey"]])
    tabel(d, ["Tabel 2.5", "Perjanjian Kinerja Kecamatan Pelaihari Kabupaten Tanah Laut Tahun 2025"], [
        ["No.", R("Kinerja Utama (Sasaran Renstra)", 2), "Indikator Kinerja Utama", "Target", "Penanggung Jawab"],
        ["1", SASARAN_PLH, "1", DM, "66,666667", "Camat Pelaihari"],
        [ATAS, ATAS, "2", IKM, "95,59", "Camat Pelaihari"]])
    teks(d, "Untuk mewujudkan kinerja yang telah ditetapkan di dalam Perjanjian Kinerja, Kecamatan Pelaihari didukung "
         "dengan dengan APBD sebesar Rp. 12.296.340.286.")
    tabel(d, ["Tabel 2.6", "Anggaran Penunjang Sasaran Strategis Tahun 2025"], [
        ["No.", "Sasaran Strategis", "Program", "Anggaran (Rp)"], ["1", "2", "3", "4"],
        ["1", SASARAN_PLH, "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "Rp. 11.106.754.896"],
        [ATAS, ATAS, "Program Penyelenggaraan Pemerintahan Dan Pelayanan Publik", "Rp. 13.914.093"],
        [ATAS, ATAS, "Program Pemberdayaan Masyarakat Desa Dan Kelurahan", "Rp. 30.443.720"],
        [ATAS, ATAS, "Program Koordinasi Ketentraman Dan Ketertiban Umum", "Rp. 9.311.556"],
        [ATAS, ATAS, "Program Penyelenggaraan Urusan Pemerintahan Umum", "Rp. 1.088.675.687"],
        [ATAS, ATAS, "Program Pembinaan Dan Pengawasan Pemerintahan Desa", "Rp. 47.240.335"],
        [R("JUMLAH", 3), "Rp. 12.296.340.286"]])
    teks(d, "BAB III AKUNTABILITAS KINERJA", tebal=True)
    for nama, judul, rows, kepala in tabel_capaian_plh():
        tabel(d, judul, rows, kepala=kepala)
    tabel(d, ["Tabel.3.7", "Capaian Kinerja Terhadap Kecamatan Lain, Provinsi Dan Nasional"], [
        ["Indikator", "Satuan", "Kotabaru (Kec. Kelumpang Tengah)", "Kotabaru (Kec. Pamukan Selatan)",
         "Kotabaru (Kec. Kelumpang Hulu)", "Provinsi", "Nasional"],
        [DM, "%", "15,38%", "33,33%", "10%", "-", "-"], [IKM, "Nilai", "82,82 (B)", "85,42 (B)", "78,39 (B)", "-", "-"]])
    desa = [("BUMI JAYA", 146, 76, 148, 90, 46, 67, "90.24", "MANDIRI"),
            ("SUNGAI RIAM", 149, 56, 130, 82, 48, 69, "84.09", "MANDIRI"),
            ("TAMPANG", 154, 71, 133, 82, 49, 58, "86.14", "MANDIRI"),
            ("TELAGA", 139, 59, 123, 74, 48, 77, "81.89", "MANDIRI"),
            ("ATU-ATU", 143, 60, 155, 82, 47, 61, "86.3", "MANDIRI"),
            ("PANGGUNG", 129, 67, 132, 80, 47, 60, "81.1", "MANDIRI"),
            ("TUNGKARAN", 135, 75, 109, 86, 44, 80, "83.31", "MANDIRI"),
            ("AMBUNGAN", 126, 74, 142, 65, 49, 63, "81.73", "MANDIRI"),
            ("GUNTUNG BESAR", 135, 66, 131, 84, 43, 74, "83.94", "MANDIRI"),
            ("KAMPUNG BARU", 138, 68, 128, 82, 41, 67, "82.52", "MANDIRI"),
            ("SUMBER MULIA", 153, 77, 145, 78, 47, 70, "89.76", "MANDIRI"),
            ("PEMUDA", 132, 77, 145, 82, 49, 77, "88.5", "MANDIRI"),
            ("UJUNG BATU", 145, 60, 101, 66, 36, 64, "74.33", "MAJU"),
            ("PANGGUNG BARU", 147, 72, 98, 52, 42, 60, "74.17", "MAJU"),
            ("PANJARATAN", 119, 48, 108, 57, 46, 56, "68.35", "BERKEMBANG")]
    tabel(d, ["Tabel,,3.8", "Status Desa di Kecamatan Pelaihari"], [
        ["No", "Kabupaten/ Kecamatan", "Desa", "Layanan Dasar", "Sosial", "Ekonomi", "Lingkungan", "Aksesibilitas",
         "Tata Kelola", "Skor", "Status 2025"]] + [[str(n), "TANAH LAUT / PELAIHARI", *map(str, r)]
                                                  for n, r in enumerate(desa, start=1)])
    tabel(d, ["Tabel 3.9", "Nilai Rata-Rata (NRR) dan Indeks Kepuasan Masyarakat (IKM) 9 Unsur Pelayanan Kecamatan "
              "Pelaihari Tahun 2025"],
          [["No", "RUANG LINGKUP SKM", "NRR TR I", "NRR TR II", "NRR TR III", "NRR TR IV"]]
          + [[str(n), *r] for n, r in enumerate(NRR_PLH, start=1)]
          + [[R("NRR 9 Ruang Lingkup Pelayanan", 2), "3.899", "3.884", "3.869", "3.635"],
             [R("Nilai Hasil IKM", 2), "97.48", "97.09", "96.72", "90.88"]])
    layanan = [("Pelayanan Rekomendasi Perizinan", "3", "Seksi Pelayanan"),
               ("Pelayanan Rekomendasi Nikah", "104", "Seksi Kemasyarakatan"),
               ("Pelayanan Legalisasi Permohonan Perizinan", "-", "Seksi Pelayanan"),
               ("Pelayanan Legalisasi Surat Keterangan Tidak Mampu (SKTM)", "978", "Seksi Kemasyarakatan"),
               ("Pelayanan Legalisasi Surat Keterangan Ahli Waris", "385", "Seksi Pelayanan"),
               ("Pelayanan Surat Keterangan Ghoib", "-", "Seksi Pelayanan"),
               ("Pelayanan Proposal Bantuan", "109", "Seksi Kemasyarakatan"),
               ("Pelayanan Surat Izin Keramaian", "-", "Seksi Trantib"),
               ("Pelayanan Surat Kehilangan", "-", "Seksi Pelayanan"),
               ("Pelayanan Surat Keterangan Usaha", "-", "Seksi Pelayanan"),
               ("Pelayanan Izin Usaha Mikro dan Kecil", "-", "Seksi Pelayanan")]
    tabel(d, ["Tabel 3.10 Realisasi Pelayanan Kantor Kecamatan Pelaihari Tahun 2024"],
          [["No", "Jenis Pelayanan", "Jumlah", "Keterangan"]] + [[str(n), *r] for n, r in enumerate(layanan, start=1)])
    teks(d, "Serta di dukung oleh 6 (Enam) Program Penunjang dengan Pagu Rp. 12.296.340.286,46 dan terealisasi Rp. "
         "11.200.768.358,- atau sebesar 91,09%.")
    tabel(d, ["Tabel 3.11", "Realisasi Program Penunjang"],
          [["No", "Program", "Pagu", "Realisasi"]] + [[str(n), *r] for n, r in enumerate(PROGRAM_PLH, start=1)]
          + [[R("JUMLAH", 2), "Rp12.296.340.286,46", "Rp 11.200.768.358"]])
    teks(d, "1. Persentase Desa Mandiri di Kecamatan", "Efisiensi = 24,9%")
    tabel(d, ["Efisiensi Indikator 1"], [["Realisasi Kinerja", "Realisasi Keuangan", "Efisiensi"],
                                         ["120%", "91,09%", "24,9%"]])
    teks(d, "2. Indeks Kepuasan Masyarakat", "Efisiensi = 8,86%")
    tabel(d, ["Efisiensi Indikator 2"], [["Realisasi Kinerja", "Realisasi Keuangan", "Efisiensi"],
                                         ["99,95%", "91,09%", "8,86%"]])
    teks(d, "B. AKUNTABILITAS KEUANGAN", tebal=True)
    teks(d, "Realisasi anggaran Kecamatan Takisung pada Tahun Anggaran pelaporan mencapai sebesar Rp 11.200.768.358 "
         "atau 91,09 % dari total anggaran yang telah ditetapkan. Sementara itu, terdapat Sisa Lebih Perhitungan "
         "Anggaran (SiLPA) sebesar Rp 1.761.353.663,57.", "TUJUAN I")
    lanskap(d)
    tujuan = [["No", "Sasaran Strategis", R("Indikator Kinerja", 2), "Target", "Realisasi", R("Program", 4)],
              [ATAS, ATAS, ATAS, ATAS, ATAS, ATAS, "Uraian", "Anggaran", "Realisasi", "Persentase"],
              [ATAS, ATAS, ATAS, ATAS, ATAS, ATAS, ATAS, "Rp", "Rp", "%"]]
    program = [("1 Program penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "3.435.052.607,00",
                "10.046.334.055,00", "79,07%"),
               ("2 Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "13.914.093,00", "12.470.000,00",
                "89,62%"),
               ("3 Program Pemberdayaan Masyarakat Desa dan Kelurahan", "30.443.720,00", "29.827.000,00", "97,97%"),
               ("4 Program Koordinasi Ketentraman dan Ketertiban Umum", "9.331.555,88", "8.756.868,00", "94,04%"),
               ("5 Program Penyelenggaraan Urusan Pemerintahan Umum", "1.088.675.687,00", "1.072.231.800,00",
                "98,49%"),
               ("Program Pembinaan dan Pengawasan Pemerintahan Desa", "47.240.335,00", "47.048.635,00", "99,59%")]
    indikator = {0: ("1", IKM, "95,59", "95,54"), 2: ("2", DM, "66,666667%", "120%")}
    for n, p in enumerate(program):
        no, ind, t, r = indikator.get(n, ("", "", "", ""))
        tujuan.append(["1" if n == 0 else ATAS, SASARAN_PLH if n == 0 else ATAS, no, ind, t, r, *p])
    tabel(d, ["Tabel 3.12", "MENINGKATKAN KUALITAS PELAYANAN PUBLIK"], tujuan, kepala=3, ukuran=8)
    potret(d)
    tabel(d, ["Realisasi Anggaran Belanja Daerah untuk Tahun yang berakhir sampai dengan 31 Desember 2025 dan 2024"],
          [["Kode Rekening", "URAIAN", "ANGGARAN 2025", "REALISASI 2025", "% 2025", "REALISASI 2024"],
           ["1", "2", "3", "4", "5 = (4/3)*100", "6"]] + [list(r) for r in LRA_PLH], ukuran=8)
    teks(d, "BAB IV PENUTUP", tebal=True)
    simpan_docx(d, "pelaihari_2025.docx")


def tabel_capaian_plh():
    return [
        ("3.1", ["Tabel 3.1", "Indikator Sasaran Strategis"], [
            [R("Meningkatnya kualitas pembangunan desa", 8)],
            ["NO", "SASARAN STRATEGIS", R("INDIKATOR KINERJA", 2), "TARGET", "REALISASI", "CAPAIAN", "KATEGORI"],
            ["1", "2", R("3", 2), "4", "5", "6", "7"],
            ["1", SASARAN_PLH, "1", DM, "66,666667%", "80%", "120 %", "Sangat Tinggi"],
            [ATAS, ATAS, "2", IKM, "95,59", "95,54", "99,95 %", "Sangat Tinggi"],
            [R("Rata-Rata Capaian Kinerja Tahun 2025", 6), "109,97%", "Sangat Tinggi"]], 2),
        ("3.2", ["Tabel 3.2", "Pengelompokan Capaian Kinerja"], [
            ["URUTAN", "RENTANG CAPAIAN", "KATEGORI CAPAIAN"],
            ["I", "91% kurang dari sama dengan 100%", "Sangat Tinggi"],
            ["II", "76% kurang dari sama dengan 90%", "Tinggi"], ["III", "66% kurang dari sama dengan 75%", "Sedang"],
            ["IV", "51% kurang dari sama dengan 65%", "Rendah"], ["V", "kurang dari sama dengan 50%", "Sangat Rendah"]],
         1),
        ("3.5", ["Tabel 3.5", "Capaian Kinerja Terhadap Target 2025"], [
            ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", R("REALISASI", 3), R("TAHUN 2025", 3)],
            [ATAS, ATAS, ATAS, ATAS, "TAHUN 2022", "TAHUN 2023", "TAHUN 2024", "TARGET", "REALISASI", "CAPAIAN"],
            ["1", SASARAN_PLH, DM, "%", "6,67", "13,33", "60", "66,666667", "80", "120%"],
            [ATAS, ATAS, IKM, "Nilai", "87,01", "87,59", "95,59", "95,59", "95,54", "99,95"],
            [R("RATA-RATA CAPAIAN KINERJA 2025", 9), "109,97%"]], 2),
        ("3.6", ["Tabel 3.6", "Capaian Kinerja Terhadap Target Akhir Renstra"], [
            ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", R("TAHUN 2025", 3), "TARGET AKHIR RENSTRA",
             "CAPAIAN TAHUN 2025 THD TARGET AKHIR RENSTRA"],
            [ATAS, ATAS, ATAS, ATAS, "TARGET", "REALISASI", "CAPAIAN", ATAS, ATAS],
            ["1", SASARAN_PLH, DM, "%", "66,666667%", "80%", "120%", "80%", "100%"],
            [ATAS, ATAS, IKM, "Nilai", "95,59", "95,54", "99,95%", "95,85", "99,67%"]], 2),
    ]


# ------------------------------------------------------------------ Pelaihari's tables typed in Excel

def pelaihari_xlsx() -> None:
    """The office's working workbook: the same tables as Bab III, figures typed as numbers (capaian as
    percentages formatted %, money with two decimals), one sheet per part of the report."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Capaian IKU"
    ws.append(["Tabel 3.1 Indikator Sasaran Strategis"])
    ws.append([])
    ws.append(["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET", "REALISASI", "CAPAIAN", "KATEGORI"])
    ws.append([1, SASARAN_PLH, DM, 66.666667, 80, 1.2, "Sangat Tinggi"])
    ws.append([None, None, IKM, 95.59, 95.54, 0.9995, "Sangat Tinggi"])
    ws.append(["Rata-Rata Capaian Kinerja Tahun 2025", None, None, None, None, 1.0997, "Sangat Tinggi"])
    for r in (4, 5, 6):
        ws.cell(r, 6).number_format = "0.00%"
    ws.cell(4, 4).number_format = "0.000000"
    for r in (4, 5):
        ws.cell(r, 5).number_format = "0.00"
    ws.cell(5, 4).number_format = "0.00"
    ws.append([])
    ws.append(["Tabel 3.6 Capaian Kinerja Terhadap Target Akhir Renstra"])
    ws.append(["INDIKATOR KINERJA", "TARGET", "REALISASI", "CAPAIAN", "TARGET AKHIR RENSTRA",
               "CAPAIAN THD TARGET AKHIR RENSTRA"])
    ws.append([DM, 66.666667, 80, 120, 80, 100])
    ws.append([IKM, 95.59, 95.54, 99.95, 95.85, 99.67])
    ws2 = wb.create_sheet("SKM")
    ws2.append(["Tabel 3.9 Nilai Rata-Rata (NRR) dan Indeks Kepuasan Masyarakat (IKM) 9 Unsur Pelayanan"])
    ws2.append(["No", "RUANG LINGKUP SKM", "NRR TR I", "NRR TR II", "NRR TR III", "NRR TR IV"])
    for n, (u, *v) in enumerate(NRR_PLH, start=1):
        ws2.append([n, u, *map(float, v)])
    ws2.append([None, "NRR 9 Ruang Lingkup Pelayanan", 3.899, 3.884, 3.869, 3.635])
    ws2.append([None, "Nilai Hasil IKM", 97.48, 97.09, 96.72, 90.88])
    for row in ws2.iter_rows(min_row=3, max_row=ws2.max_row - 1, min_col=3, max_col=6):
        for c in row:
            c.number_format = "0.000"
    for c in ws2[ws2.max_row][2:]:
        c.number_format = "0.00"
    ws3 = wb.create_sheet("Anggaran")
    ws3.append(["Tabel 3.11 Realisasi Program Penunjang"])
    ws3.append(["No", "Program", "Pagu", "Realisasi"])
    for n, (p, g, r) in enumerate(PROGRAM_PLH, start=1):
        ws3.append([n, p, _angka(g), _angka(r)])
    ws3.append(["JUMLAH", None, 12296340286.46, 11200768358])
    for row in ws3.iter_rows(min_row=3, max_row=ws3.max_row, min_col=3, max_col=4):
        for c in row:
            c.number_format = "#,##0.00"
    ws3.append([])
    ws3.append([])
    ws3.append(["Realisasi Anggaran Belanja Daerah s.d. 31 Desember 2025"])
    ws3.append(["Kode Rekening", "Uraian", "Anggaran 2025", "Realisasi 2025", "% 2025"])
    awal = ws3.max_row + 1
    for kode, uraian, g, r, p, _ in LRA_PLH[:-1]:
        ws3.append([kode or None, uraian, _angka(g), _angka(r), _angka(p)])
    for row in ws3.iter_rows(min_row=awal, max_row=ws3.max_row, min_col=3, max_col=5):
        for c in row:
            c.number_format = "#,##0.00"
    wb.properties.creator = "Kecamatan Pelaihari"
    from datetime import datetime
    wb.properties.created = wb.properties.modified = datetime(2026, 2, 1)
    buf = io.BytesIO()
    wb.save(buf)
    tulis(DIR / "pelaihari_2025_tabel.xlsx", tetap(buf.getvalue()))


def _angka(teks: str) -> float:
    t = teks.strip("()")
    x = float(t.replace(".", "").replace(",", "."))
    return -x if teks.startswith("(") else x


if __name__ == "__main__":
    bajuin()
    batibati()
    pelaihari()
    pelaihari_xlsx()
    print(f"Tersimpan di {DIR}")
