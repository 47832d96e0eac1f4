"""The hostile corpus: every broken file is refused with its exact Indonesian message and changes no data table.

Files are in tests/files/bad (built by tests/files/make_files.py); the three that are too big to commit
are generated here. Each case names the dataset, the options and the exact message(s).
"""

from __future__ import annotations

import time
import tracemalloc

import pytest

from dashboard.impor import ImporError, impor
from test_impor_bantu import BAD, bd_isi, jumlah_log, potret, templat_impor  # noqa: F401

WAJIB = "Kolom wajib '{k}' tidak ada di berkas (judul yang dikenali: {a}; atau atur pemetaan kolom)."
TW_TAK_TAHU = ("Triwulan tidak diketahui: tambahkan kolom triwulan di berkas, tulis triwulannya di judul kolom "
               "(mis. 'Realisasi s.d. TW II'), atau pilih triwulan saat impor.")
TAHUN_TAK_TAHU = ("Tahun tidak diketahui: tambahkan kolom tahun di berkas, tulis tahunnya di judul kolom "
                  "(mis. 'Target 2025'), atau pilih tahun saat impor.")
GANDA = "data yang sama hanya boleh muncul sekali dalam berkas"
BAJUIN = {"kecamatan": "Bajuin"}
RAKSASA = "terlalu besar: melebihi Rp 1.000.000.000.000.000, lebih dari anggaran kecamatan mana pun"
GAGAL_HITUNG = ("bukan angka (hasil hitungan yang gagal); isi angkanya, atau kosongkan sel / tulis '-' bila belum ada "
                "nilainya")
GALAT_EXCEL = "adalah galat rumus Excel, bukan angka; perbaiki rumusnya lalu simpan ulang berkas"

# (file, dataset, options, "ImporError: …" or [every galat message, in order])
KASUS = [
    ("kosong.csv", "skm", BAJUIN, "ImporError: Berkas 'kosong.csv' kosong."),
    ("hanya_judul.csv", "skm", BAJUIN,
     "ImporError: Berkas 'hanya_judul.csv' hanya berisi judul kolom, tanpa baris data."),
    ("biner.csv", "anggaran", BAJUIN,
     "ImporError: Berkas 'biner.csv' berisi data biner, bukan teks CSV. Unggah CSV (teks) atau XLSX."),
    ("arsip_zip.xlsx", "anggaran", BAJUIN,
     "ImporError: Berkas 'arsip_zip.xlsx' adalah arsip ZIP, bukan berkas Excel (.xlsx). Unggah berkas .xlsx atau CSV."),
    ("sampah.xlsx", "anggaran", BAJUIN,
     "ImporError: Berkas 'sampah.xlsx' bukan berkas Excel (.xlsx) yang sah: isinya bukan arsip Excel. Simpan ulang "
     "dari Excel sebagai .xlsx, atau sebagai CSV."),
    ("dokumen_pdf.csv", "realisasi", BAJUIN,
     "ImporError: Berkas 'dokumen_pdf.csv' berisi dokumen PDF, bukan tabel CSV atau XLSX."),
    ("excel_lama.xlsx", "anggaran", BAJUIN,
     "ImporError: Berkas 'excel_lama.xlsx' berformat Excel lama (.xls) yang tidak didukung; simpan ulang sebagai "
     ".xlsx atau CSV."),
    ("opendocument.xlsx", "anggaran", BAJUIN,
     "ImporError: Berkas 'opendocument.xlsx' berformat OpenDocument (.ods) yang tidak didukung; simpan ulang "
     "sebagai .xlsx atau CSV."),
    ("lembar_salah.xlsx", "skala", {"lembar": "Skala"},
     "ImporError: Lembar 'Skala' tidak ada di 'lembar_salah.xlsx'. Lembar yang ada: Data."),
    ("pemisah_garis.csv", "anggaran", BAJUIN,
     "ImporError: Kolom-kolom berkas 'pemisah_garis.csv' tidak terpisah: judulnya terbaca sebagai satu kolom "
     "('kode|uraian|tahun|pagu'). Gunakan pemisah koma (,), titik koma (;) atau tab."),
    ("kutip_terbuka.csv", "anggaran", BAJUIN,
     "ImporError: Berkas 'kutip_terbuka.csv' tidak dapat dibaca sebagai CSV di sekitar baris 2: tanda kutip tidak "
     "tertutup."),
    ("anggaran_desimal_tanpa_kutip.csv", "anggaran", BAJUIN,
     ["Baris 2: ada isian di luar kolom berjudul (kolom ke-5: '00'); periksa pemisah kolom dan tanda kutip, atau "
      "beri judul kolom itu."]),
    ("anggaran_gaya_campur.csv", "anggaran", BAJUIN,
     ["Kolom pagu: angka bergaya Indonesia (mis. '1.234.567,89' di baris 2) dan bergaya Inggris (mis. "
      "'4,986,066.00' di baris 3) bercampur dalam satu kolom; samakan gaya penulisannya"]),
    ("anggaran_teks_di_angka.csv", "anggaran", BAJUIN,
     ["Baris 2, kolom realisasi: 'delapan ratus juta' bukan angka"]),
    ("anggaran_pagu_negatif.csv", "anggaran", BAJUIN, ["Baris 2, kolom pagu: '-4031627904' tidak boleh negatif"]),
    ("anggaran_realisasi_negatif.csv", "anggaran", BAJUIN,
     ["Baris 2, kolom realisasi: '(1.000.000)' tidak boleh negatif"]),
    ("anggaran_kode_ganda.csv", "anggaran", BAJUIN,
     [f"Baris 4: kode '7.01.01' tahun 2025 sudah ada di baris 2; {GANDA}"]),
    ("anggaran_tanpa_pagu.csv", "anggaran", BAJUIN,
     [WAJIB.format(k="pagu", a="'pagu', 'Anggaran', 'Pagu Anggaran', 'Jumlah Anggaran'")]),
    ("anggaran_kode_tidak_sah.csv", "anggaran", BAJUIN,
     ["Baris 2, kolom kode: '7/01/01' bukan kode rekening/program (contoh: 7.01.01.2.01.0001 atau 5.1.02)"]),
    ("anggaran_kecamatan_tidak_ada.csv", "anggaran", {},
     ["Baris 3, kolom kecamatan: kecamatan 'Takisung Raya' tidak ada di basis data"]),
    ("anggaran_tahun_judul_bentrok.csv", "anggaran", {**BAJUIN, "tahun": 2025},
     ["Kolom Pagu 2024: judul kolom menyebut tahun 2024, sedangkan tahun yang dipilih 2025."]),
    ("anggaran_triwulan_tidak_diketahui.csv", "anggaran", BAJUIN, [TW_TAK_TAHU]),
    ("skm_skor_0.csv", "skm", BAJUIN, ["Baris 2, kolom u4: skor '0' di luar rentang 1–4"]),
    ("skm_skor_5.csv", "skm", BAJUIN, ["Baris 2, kolom u8: skor '5' di luar rentang 1–4"]),
    ("skm_skor_4_98.csv", "skm", BAJUIN, ["Baris 2, kolom u2: skor '4,98' bukan bilangan bulat 1–4"]),
    ("skm_jawaban_tidak_dikenal.csv", "skm", BAJUIN,
     ["Baris 2, kolom Penilaian [Waktu Penyelesaian]: jawaban 'Lumayan cepat' tidak dikenal untuk U3 "
      "(Waktu Penyelesaian)"]),
    ("skm_tanpa_u9.csv", "skm", BAJUIN, [WAJIB.format(k="u9", a="'u9', 'U 9', 'Unsur 9', 'P9'")]),
    ("skm_umur_bukan_angka.csv", "skm", BAJUIN, ["Baris 2, kolom umur: 'dua puluh' bukan angka"]),
    ("skm_id_ganda.csv", "skm", BAJUIN, [f"Baris 4: responden 'R-1' (TW I 2025) sudah ada di baris 2; {GANDA}"]),
    ("skm_rumus_di_sel.csv", "skm", BAJUIN,
     ["Baris 2, kolom saran: isi berupa rumus ('=HYPERLINK(\"http://contoh.inv…'); rumus tidak diterima"]),
    ("skm_triwulan_5.csv", "skm", BAJUIN, ["Baris 2, kolom triwulan: triwulan '5' tidak ada (1–4)"]),
    ("skm_rekap_nrr_4_98.csv", "skm-rekap", {**BAJUIN, "tahun": 2025},
     ["Baris 3, kolom NRR TW I: NRR '4.980' di luar rentang 1–4"]),
    ("skm_rekap_ikm_101.csv", "skm-rekap", BAJUIN, ["Baris 3, kolom nrr: IKM '101' di luar rentang 25–100"]),
    ("skm_rekap_unsur_tidak_dikenal.csv", "skm-rekap", BAJUIN,
     ["Baris 2, kolom unsur: 'Kebersihan Toilet' bukan unsur SKM yang dikenal (U1..U9, nama unsur, atau IKM)"]),
    ("realisasi_kode_tidak_ada.csv", "realisasi", BAJUIN,
     ["Baris 3, kolom kode: indikator dengan kode 'IKU-9' tidak ada di Kecamatan Bajuin; impor indikatornya "
      "lebih dulu"]),
    ("realisasi_nama_tidak_ada.csv", "realisasi", BAJUIN,
     ["Baris 2, kolom indikator: indikator dengan nama 'Persentase Jalan Mantap' tidak ada di Kecamatan Bajuin; "
      "impor indikatornya lebih dulu"]),
    ("realisasi_triwulan_5.csv", "realisasi", BAJUIN, ["Baris 2, kolom triwulan: triwulan '5' tidak ada (1–4)"]),
    ("realisasi_tanpa_triwulan.csv", "realisasi", BAJUIN, [TW_TAK_TAHU]),
    ("indikator_tahun_20255.csv", "indikator", BAJUIN,
     ["Baris 2, kolom tahun: '20255' bukan tahun yang sah (1900–2100)"]),
    ("indikator_kunci_ganda.csv", "indikator", BAJUIN,
     [f"Baris 3: indikator 'IKU-3' tahun 2025 versi 'PK' sudah ada di baris 2; {GANDA}"]),
    ("indikator_jenis_salah.csv", "indikator", BAJUIN,
     ["Baris 2, kolom jenis: 'utama sekali' tidak dikenal; pilih iku atau ik"]),
    ("indikator_tanpa_target.csv", "indikator", BAJUIN,
     [WAJIB.format(k="target", a="'target', 'Target Tahunan', 'Target Kinerja', 'Target PK'")]),
    ("desa_status_tidak_dikenal.csv", "desa", BAJUIN,
     ["Baris 2, kolom status: status 'Swasembada' tidak dikenal (Mandiri, Maju, Berkembang, Tertinggal, "
      "Sangat Tertinggal)"]),
    ("desa_skor_120.csv", "desa", BAJUIN, ["Baris 2, kolom skor: skor '120' di luar rentang 0–100 (Indeks Desa 2024)"]),
    ("desa_tanpa_nama.csv", "desa", BAJUIN,
     [WAJIB.format(k="nama_desa", a="'nama_desa', 'Desa', 'Nama Desa', 'Desa/Kelurahan'")]),
    ("desa_tahun_tidak_diketahui.csv", "desa", BAJUIN, [TAHUN_TAK_TAHU]),
    ("skala_ganda.csv", "skala", {},
     [f"Baris 3: rentang skala 'Skala Uji' dengan batas bawah 90 sudah ada di baris 2; {GANDA}"]),
    ("skala_warna_salah.csv", "skala", {}, ["Baris 2, kolom warna: 'hijau' bukan kode warna (contoh: #1b7f3b)"]),
    ("anggaran_angka_raksasa.csv", "anggaran", BAJUIN,
     [f"Baris 2, kolom pagu: '12345678901234567890123' {RAKSASA}",
      f"Baris 3, kolom pagu: '92.233.720.368.547.759' {RAKSASA}",
      f"Baris 4, kolom realisasi: '1234567890123456789012345678' {RAKSASA}"]),
    ("xlsx_angka_raksasa.xlsx", "anggaran", BAJUIN,
     [f"Baris 2, kolom pagu: '1e+308' {RAKSASA}",
      f"Baris 3, kolom realisasi: '1234567890123456789012345678' {RAKSASA}",
      f"Baris 4, kolom pagu: 'NaN' {GAGAL_HITUNG}", f"Baris 4, kolom realisasi: 'INF' {GAGAL_HITUNG}",
      f"Baris 5, kolom pagu: '#DIV/0!' {GALAT_EXCEL}"]),
    ("realisasi_nan.csv", "realisasi", BAJUIN,
     [f"Baris 2, kolom realisasi: 'NaN' {GAGAL_HITUNG}", f"Baris 3, kolom realisasi: '#N/A' {GALAT_EXCEL}",
      f"Baris 4, kolom realisasi: '#DIV/0!' {GALAT_EXCEL}", f"Baris 5, kolom realisasi: '#VALUE!' {GALAT_EXCEL}",
      f"Baris 6, kolom realisasi: 'nan' {GAGAL_HITUNG}"]),
    ("xlsx_rumus_tanpa_nilai.xlsx", "anggaran", BAJUIN,
     ["Baris 3, kolom pagu: sel D3 berisi rumus tanpa nilai tersimpan: buka dan simpan ulang berkas di Excel",
      "Baris 4, kolom realisasi: sel E4 berisi rumus tanpa nilai tersimpan: buka dan simpan ulang berkas di Excel"]),
    ("xlsx_baris_2milyar.xlsx", "skala", {},
     "ImporError: Lembar 'Data' di 'xlsx_baris_2milyar.xlsx' rusak: nomor baris 2.000.000.000 di luar batas Excel "
     "(1–1.048.576)."),
    ("desa_byte_asing.csv", "desa", BAJUIN,
     "ImporError: Berkas 'desa_byte_asing.csv' baris 3: ada byte 0x81 yang bukan UTF-8 maupun Windows-1252, jadi "
     "teksnya tidak dapat dibaca dengan pasti. Simpan ulang berkas sebagai CSV UTF-8."),
    ("judul_rumus.csv", "desa", BAJUIN,
     [WAJIB.format(k="nama_desa", a="'nama_desa', 'Desa', 'Nama Desa', 'Desa/Kelurahan'"),
      "Baris 1, kolom ke-1: judul kolom berupa rumus ('=HYPERLINK(\"http://contoh.inv…'); rumus tidak diterima. "
      "Tulis judul kolom sebagai teks biasa."]),
]


def test_korpus_lengkap():
    """Every committed bad file has its case, and the corpus (with the generated ones) has at least 40 files."""
    from test_impor_bermusuhan import BERKAS_BERHASIL

    assert sorted(p.name for p in BAD.iterdir()) == sorted([k[0] for k in KASUS] + BERKAS_BERHASIL)
    assert len(KASUS) + 3 >= 40


def _periksa(bd_url: str, nama: str, isi: bytes, dataset: str, opsi: dict, harapan) -> None:
    sebelum = potret(bd_url)
    log_sebelum = jumlah_log(bd_url)
    if isinstance(harapan, str):
        with pytest.raises(ImporError) as exc:
            impor(dataset, isi, nama, pengguna="uji", **opsi)
        assert f"ImporError: {exc.value}" == harapan
        assert jumlah_log(bd_url) == log_sebelum
    else:
        h = impor(dataset, isi, nama, pengguna="uji", **opsi)
        assert h.status == "ditolak"
        assert [g.pesan for g in h.galat] == harapan
        assert jumlah_log(bd_url) == log_sebelum + 1
    assert potret(bd_url) == sebelum


@pytest.mark.postgres
@pytest.mark.parametrize("nama,dataset,opsi,harapan", KASUS, ids=[k[0] for k in KASUS])
def test_berkas_rusak(bd_isi, nama, dataset, opsi, harapan):
    _periksa(bd_isi, nama, (BAD / nama).read_bytes(), dataset, opsi, harapan)


@pytest.mark.postgres
def test_seratus_ribu_kolom_kosong(bd_isi):
    """A CSV of 100 000 empty columns (no header at all) is refused at once, in bounded memory."""
    isi = (b"," * 100_000 + b"\r\n") * 50
    tracemalloc.start()
    mulai = time.perf_counter()
    _periksa(bd_isi, "kolom_kosong.csv", isi, "anggaran", BAJUIN,
             "ImporError: Berkas 'kolom_kosong.csv' tidak berisi tabel: semua sel kosong.")
    _, puncak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert time.perf_counter() - mulai < 5
    assert puncak < 200 * 1024 * 1024


@pytest.mark.postgres
def test_seratus_ribu_kolom_kosong_di_belakang_tabel(bd_isi):
    """A real table followed by 100 000 empty columns (what some exports do) is read, quickly."""
    ekor = b"," * 100_000
    isi = (b"nama,batas_bawah,label" + ekor + b"\r\n" + b"Skala Lebar,0,Semua" + ekor + b"\r\n") * 1
    mulai = time.perf_counter()
    h = impor("skala", isi, "lebar.csv", pengguna="uji")
    assert h.status == "berhasil" and h.baris_baru == 1
    assert time.perf_counter() - mulai < 5


@pytest.mark.postgres
def test_sel_satu_mb(bd_isi):
    """A 1 MB cell is an error naming its row and column."""
    saran = "x" * (1024 * 1024)
    isi = ("tahun,triwulan,u1,u2,u3,u4,u5,u6,u7,u8,u9,saran\r\n"
           f"2025,1,4,4,4,4,4,4,4,4,4,{saran}\r\n").encode()
    _periksa(bd_isi, "sel_besar.csv", isi, "skm", BAJUIN,
             ["Baris 2, kolom saran: isi terlalu panjang (1.048.576 karakter; paling banyak 10.000)"])


@pytest.mark.postgres
def test_berkas_melebihi_batas_ukuran(bd_isi):
    """Over the size limit (setting ukuran_file_maks_mb, default 20) the file is refused before it is read."""
    isi = b"kode,uraian,tahun,pagu\r\n" + b"7.01.01,Program,2025,1\r\n" * (20 * 1024 * 1024 // 24 + 1)
    assert len(isi) > 20 * 1024 * 1024
    _periksa(bd_isi, "besar.csv", isi, "anggaran", BAJUIN,
             "ImporError: Berkas 'besar.csv' terlalu besar (20,0 MB); batas ukuran berkas 20 MB (pengaturan "
             "ukuran_file_maks_mb).")


@pytest.mark.postgres
def test_batas_ukuran_mengikuti_pengaturan(bd_isi):
    from dashboard import pengaturan
    from test_impor_bantu import sesi

    with sesi() as s:
        pengaturan.simpan(s, "ukuran_file_maks_mb", "0,5", pengguna="uji")
    isi = b"nama,batas_bawah,label\r\n" + b"Skala Besar,1,Satu\r\n" * 40_000
    _periksa(bd_isi, "sedang.csv", isi, "skala", {},
             "ImporError: Berkas 'sedang.csv' terlalu besar (0,8 MB); batas ukuran berkas 0,5 MB (pengaturan "
             "ukuran_file_maks_mb).")


@pytest.mark.postgres
def test_berkas_rusak_acak_tidak_pernah_menimbulkan_traceback(bd_isi):
    """Randomly damaged good files: each one imports, or is refused with messages; nothing else ever escapes."""
    import random

    from test_impor_bantu import GOOD

    rng = random.Random(20251)
    sisip = [b",", b";", b'"', b"\r\n", b"-", b"1.234,5", b"=A1(", b"TW V", b"\x00", b"%", b"Rp", b"\t", b"\xff"]
    nama = sorted(p.name for p in GOOD.iterdir())
    dataset = {"skm_rekap": "skm-rekap", "indikator": "indikator", "realisasi": "realisasi", "anggaran": "anggaran",
               "skm": "skm", "desa": "desa", "skala": "skala"}
    for _ in range(60):
        n = rng.choice(nama)
        isi = bytearray((GOOD / n).read_bytes())
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(isi))
            aksi = rng.random()
            if aksi < 0.3:
                isi[i] = rng.randrange(256)
            elif aksi < 0.55:
                del isi[i:i + rng.randint(1, 30)]
            elif aksi < 0.85:
                isi[i:i] = rng.choice(sisip)
            else:
                del isi[i:]
            if not isi:
                break
        ds = next(v for k, v in dataset.items() if n.startswith(k))
        opsi = {"kecamatan": rng.choice(["Bajuin", "Bati-Bati", None]), "tahun": rng.choice([None, 2024, 2025]),
                "triwulan": rng.choice([None, 1, 4]), "dry_run": rng.random() < 0.7}
        try:
            h = impor(ds, bytes(isi), n, pengguna="uji", **opsi)
        except ImporError as exc:
            assert str(exc)
        else:
            assert h.status in ("berhasil", "uji", "ditolak")
            assert all(g.pesan for g in h.galat)


@pytest.mark.postgres
def test_terlalu_banyak_kolom_berjudul(bd_isi):
    judul = ",".join(f"k{i}" for i in range(100_000))
    _periksa(bd_isi, "lebar.csv", f"{judul}\r\n{judul}\r\n".encode(), "skala", {},
             "ImporError: Berkas 'lebar.csv' memiliki 100.000 kolom berjudul; paling banyak 1.000.")
