"""Import templates: the canonical columns with example rows; the XLSX adds a sheet explaining each column."""

from __future__ import annotations

import csv
import io

from dashboard.impor.galat import ImporError
from dashboard.impor.kolom import KOLOM, NAMA_DATASET

_SASARAN = "Meningkatnya Tata Kelola Pemerintahan Kecamatan dan Pemberdayaan Kecamatan serta Pelayanan Publik"
CONTOH: dict[str, list[dict[str, str]]] = {
    "indikator": [
        dict(kode="IKU-1", indikator="Persentase Desa Mandiri di Kecamatan", sasaran=_SASARAN, satuan="%", jenis="iku",
             polaritas="positif", agregasi="terakhir", hitung="rasio_desa_mandiri", urutan="1", tahun="2025",
             target="55,55", target_renstra="100", versi="PK Perubahan"),
        dict(kode="IKU-2", indikator="Indeks Kepuasan Masyarakat di Kecamatan", sasaran=_SASARAN, satuan="Nilai",
             jenis="iku", polaritas="positif", agregasi="rata_rata", hitung="ikm", urutan="2", tahun="2025",
             target="87,50", target_tw1="87,50", target_tw2="87,50", target_tw3="87,50", target_tw4="87,50",
             target_renstra="89,50", versi="PK Perubahan"),
    ],
    "realisasi": [
        dict(kode="IKU-1", tahun="2025", triwulan="IV", realisasi="77,77",
             keterangan="7 dari 9 desa berstatus Mandiri.", faktor_pendorong="Pendampingan BUMDes.",
             faktor_penghambat="Pengelolaan sampah belum maksimal.", tindak_lanjut="Pembinaan pengelolaan sampah."),
        dict(kode="IKU-2", tahun="2025", triwulan="IV", realisasi="87,68", keterangan="150 responden."),
    ],
    "anggaran": [
        dict(kode="7.01.01.2.01.0001", uraian="Penyusunan Dokumen Perencanaan Perangkat Daerah", tahun="2025",
             pagu="5.405.994,00", triwulan="II", realisasi="2.684.778,00"),
        dict(kode="7.01.01.2.01.0007", uraian="Evaluasi Kinerja Perangkat Daerah", tahun="2025", pagu="6.105.247,00",
             triwulan="II", realisasi="1.625.000,00"),
    ],
    "skm": [
        dict(tahun="2025", triwulan="II", u1="4", u2="3", u3="3", u4="4", u5="3", u6="4", u7="4", u8="3", u9="4",
             id_responden="R-001", tanggal="2025-04-14", layanan="KTP", jenis_kelamin="Perempuan", umur="34",
             pendidikan="SMA", pekerjaan="Wiraswasta", saran="Antrean sudah cepat."),
        dict(tahun="2025", triwulan="II", u1="Sangat sesuai", u2="Mudah", u3="Cepat", u4="Gratis", u5="Sesuai",
             u6="Kompeten", u7="Sangat sopan dan ramah", u8="Baik", u9="Dikelola dengan baik", id_responden="R-002",
             tanggal="2025-04-15", layanan="KK", jenis_kelamin="Laki-laki", umur="51", pendidikan="S1",
             pekerjaan="PNS"),
    ],
    "skm-rekap": [
        dict(tahun="2025", triwulan="I", unsur="U1", nrr="3,69", responden="150"),
        dict(tahun="2025", triwulan="I", unsur="IKM", nrr="86,86", responden="150"),
    ],
    "desa": [
        dict(nama_desa="Bajuin", jenis="desa", definitif="ya", tahun="2025", skema="indeks_desa_2024", skor="88,98",
             status="Mandiri", layanan_dasar="134", sosial="79", ekonomi="149", lingkungan="84", aksesibilitas="48",
             tata_kelola="71"),
        dict(nama_desa="Pemalongan", jenis="desa", definitif="ya", tahun="2025", skema="indeks_desa_2024",
             skor="71,18", status="Maju", layanan_dasar="106", sosial="69", ekonomi="120", lingkungan="50",
             aksesibilitas="39", tata_kelola="68"),
    ],
    "skala": [
        dict(nama="Skala Contoh", batas_bawah="90", inklusif="tidak", label="Sangat Tinggi", warna="#1b7f3b"),
        dict(nama="Skala Contoh", batas_bawah="75", inklusif="tidak", label="Tinggi", warna="#5aa832"),
        dict(nama="Skala Contoh", batas_bawah="0", inklusif="ya", label="Rendah", warna="#a61e1e"),
    ],
}


def kolom_templat(dataset: str) -> list[str]:
    return [k.nama for k in KOLOM[dataset].values() if k.templat]


def templat(dataset: str, jenis: str) -> bytes:
    """A template file (`csv` with `;` as Indonesian Excel expects, or `xlsx` with a 'Penjelasan' sheet)."""
    if dataset not in KOLOM:
        raise ImporError(f"Dataset '{dataset}' tidak dikenal.")
    kolom = kolom_templat(dataset)
    rows = [[c.get(k, "") for k in kolom] for c in CONTOH[dataset]]
    if jenis == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
        w.writerow(kolom)
        w.writerows(rows)
        return ("\ufeff" + buf.getvalue()).encode("utf-8")
    if jenis != "xlsx":
        raise ImporError(f"Jenis templat '{jenis}' tidak dikenal; pilih csv atau xlsx.")
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(kolom)
    for r in rows:
        ws.append(r)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i, k in enumerate(kolom, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = max(12, min(40, len(k) + 4))
        for row in ws.iter_rows(min_row=2, min_col=i, max_col=i):
            row[0].number_format = "@"
    ws.freeze_panes = "A2"
    info = wb.create_sheet("Penjelasan")
    info.append([f"Templat impor {NAMA_DATASET[dataset]} (dataset '{dataset}')"])
    info.append([])
    info.append(["Kolom", "Wajib", "Alias (judul lain yang dikenali)", "Arti", "Contoh"])
    for k in KOLOM[dataset].values():
        info.append([k.nama, "ya" if k.wajib else "tidak", "; ".join(k.alias), k.arti, k.contoh])
    info["A1"].font = Font(bold=True, size=12)
    for cell in info[3]:
        cell.font = Font(bold=True)
    for col, lebar in zip("ABCDE", (18, 8, 45, 70, 25)):
        info.column_dimensions[col].width = lebar
    for row in info.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
