"""Good files of every dataset and style import, reproduce the reports' figures, and importing twice changes nothing.

Files are in tests/files/good (built by tests/files/make_files.py from shared/reference): CSV with `,` in
UTF-8, CSV with `;` in Windows-1252 with Indonesian numbers, XLSX with title rows, SIPD-style cumulative
budget reports for TW I–IV, a Google Forms export and Bati-Bati's 20-respondent internal survey.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dashboard.impor import ImporError, batalkan, impor
from models.tables import (Anggaran, AnggaranRealisasi, Desa, DesaStatus, ImportLog, Indikator, Kecamatan,
                           Realisasi, Skala, SkmRekap, SkmResponden, Target)
from test_impor_bantu import GOOD, MAKE, bd, impor_berkas_uji, potret, sesi, templat_impor  # noqa: F401

BAJUIN, BATI, PELAIHARI = {"kecamatan": "Bajuin"}, {"kecamatan": "Bati-Bati"}, {"kecamatan": "Pelaihari"}

# file: (dataset, options, files imported before it)
BAIK = {
    "indikator_koma.csv": ("indikator", BAJUIN, []),
    "indikator_titikkoma_1252.csv": ("indikator", BATI, []),
    "indikator_judul.xlsx": ("indikator", PELAIHARI, []),
    "realisasi_koma.csv": ("realisasi", BAJUIN, ["indikator_koma.csv"]),
    "realisasi_titikkoma_1252.csv": ("realisasi", BATI, ["indikator_titikkoma_1252.csv"]),
    "realisasi_judul.xlsx": ("realisasi", PELAIHARI, ["indikator_judul.xlsx"]),
    "anggaran_koma.csv": ("anggaran", {**BAJUIN, "tahun": 2025, "triwulan": 4}, []),
    "anggaran_titikkoma_1252.csv": ("anggaran", {**BATI, "tahun": 2024, "per_triwulan": True}, []),
    "anggaran_judul.xlsx": ("anggaran", {**PELAIHARI, "tahun": 2025, "triwulan": 4}, []),
    "anggaran_sipd_tw1.xlsx": ("anggaran", BATI, []),
    "anggaran_sipd_tw2.xlsx": ("anggaran", BATI, ["anggaran_sipd_tw1.xlsx"]),
    "anggaran_sipd_tw3.xlsx": ("anggaran", BATI, ["anggaran_sipd_tw1.xlsx", "anggaran_sipd_tw2.xlsx"]),
    "anggaran_sipd_tw4.xlsx": ("anggaran", BATI, ["anggaran_sipd_tw1.xlsx", "anggaran_sipd_tw2.xlsx",
                                                  "anggaran_sipd_tw3.xlsx"]),
    "skm_koma.csv": ("skm", BAJUIN, []),
    "skm_titikkoma_1252.csv": ("skm", BAJUIN, []),
    "skm_judul.xlsx": ("skm", {**BAJUIN, "tahun": 2025, "triwulan": 3}, []),
    "skm_google_forms.csv": ("skm", {**BAJUIN, "tahun": 2025, "triwulan": 2}, []),
    "skm_batibati_hsk.csv": ("skm", {**BATI, "tahun": 2024, "triwulan": 4}, []),
    "skm_rekap_koma.csv": ("skm-rekap", {**BAJUIN, "tahun": 2025}, []),
    "skm_rekap_titikkoma_1252.csv": ("skm-rekap", BATI, []),
    "skm_rekap_judul.xlsx": ("skm-rekap", {**BATI, "tahun": 2024}, []),
    "desa_koma.csv": ("desa", {}, []),
    "desa_titikkoma_1252.csv": ("desa", PELAIHARI, []),
    "desa_judul.xlsx": ("desa", BATI, []),
    "skala_koma.csv": ("skala", {}, []),
    "skala_titikkoma_1252.csv": ("skala", {}, []),
    "skala_judul.xlsx": ("skala", {}, []),
    "indikator_utf8_campur.csv": ("indikator", PELAIHARI, []),
    "indikator_ekinerja_pengukuran.xlsx": ("indikator", BAJUIN, []),
    "indikator_satudata.csv": ("indikator", {}, []),
    "skm_portal.xlsx": ("skm", {**BAJUIN, "tahun": 2025, "triwulan": 2}, []),
    # other offices' shapes (issue 8; tests/test_bentuk_kantor.py checks their figures)
    "desa_satudata_status_tahun.csv": ("desa", BAJUIN, []),
    "desa_satudata_kecamatan.xlsx": ("desa", {}, []),
    "desa_idm_skor.csv": ("desa", BAJUIN, []),
    "skm_rekap_portal_layanan.csv": ("skm-rekap", BAJUIN, []),
    "skm_rekap_semester.csv": ("skm-rekap", PELAIHARI, []),
    "skm_tahunan_judul.xlsx": ("skm", BATI, []),
    "realisasi_capaian.csv": ("realisasi", BAJUIN, ["indikator_koma.csv"]),
    "anggaran_program_kode5.csv": ("anggaran", {**BAJUIN, "tahun": 2025, "triwulan": 2}, []),
}


def impor_baik(nama: str):
    dataset, opsi, _ = BAIK[nama]
    h = impor_berkas_uji(nama, dataset, **opsi)
    assert h.status == "berhasil", [g.pesan for g in h.galat]
    return h


def siapkan_untuk(nama: str):
    for dulu in BAIK[nama][2]:
        impor_baik(dulu)
    return impor_baik(nama)


def test_semua_berkas_baik_terdaftar():
    assert sorted(p.name for p in GOOD.iterdir()) == sorted(BAIK)


@pytest.mark.postgres
@pytest.mark.parametrize("nama", sorted(BAIK))
def test_impor_dua_kali_tidak_mengubah_apa_pun(bd, nama):
    """Every good file imports, and importing it again leaves every data table exactly as it was. The first of
    the two cannot be undone before the second (issue 8 A8: it would leave the second "berhasil" with no data)."""
    for dulu in BAIK[nama][2]:
        impor_baik(dulu)
    sebelum = potret(bd)
    pertama = impor_baik(nama)
    assert pertama.baris_dibaca > 0 and pertama.baris_baru + pertama.baris_berubah > 0
    assert pertama.baris_baru + pertama.baris_berubah + pertama.baris_tetap == pertama.baris_dibaca
    sesudah = potret(bd)
    kedua = impor_baik(nama)
    assert potret(bd) == sesudah
    assert (kedua.baris_baru, kedua.baris_berubah, kedua.baris_tetap) == (0, 0, kedua.baris_dibaca)
    assert kedua.import_id == pertama.import_id + 1  # the repeat is logged too
    with pytest.raises(ImporError, match=rf"^Impor #{pertama.import_id} tidak dapat dibatalkan karena data yang "
                                         rf"sama diimpor lagi oleh impor #{kedua.import_id} .*Batalkan impor "
                                         rf"#{kedua.import_id} lebih dulu\.$"):
        batalkan(pertama.import_id, pengguna="uji")
    assert potret(bd) == sesudah
    batalkan(kedua.import_id, pengguna="uji")
    assert potret(bd) == sesudah
    batalkan(pertama.import_id, pengguna="uji")
    assert potret(bd) == sebelum


def _kid(s, nama: str) -> int:
    return s.execute(select(Kecamatan.id).where(Kecamatan.nama == nama)).scalar_one()


# ------------------------------------------------------------------ indikator and realisasi

@pytest.mark.postgres
def test_indikator_versi_dan_hitung(bd):
    h = impor_baik("indikator_koma.csv")
    assert (h.baris_dibaca, h.baris_baru) == (4, 4)
    assert h.persiapan.format["pemisah"] == "," and h.persiapan.format["encoding"] == "utf-8"
    assert {w["jenis"] for w in h.peringatan} == {"target_berganda"}
    with sesi() as s:
        ind = {i.kode: i for i in s.execute(select(Indikator)).scalars()}
        assert ind["IKU-1"].hitung == "rasio_desa_mandiri" and ind["IKU-2"].hitung == "ikm"
        assert ind["IKU-2"].agregasi == "rata_rata" and ind["IKU-1"].urutan == 1 and ind["IKU-2"].urutan == 2
        versi = s.execute(select(Target.versi, Target.target, Target.urutan_versi)
                          .where(Target.indikator_id == ind["IKU-1"].id).order_by(Target.urutan_versi)).all()
    assert [(v.versi, v.target) for v in versi] == [("PK Murni", 65.0), ("PK Perubahan", 55.55)]


@pytest.mark.postgres
def test_versi_target_terakhir_berlaku_dan_riwayat_disimpan(bd):
    impor_baik("indikator_koma.csv")
    ulang = b"kode,indikator,tahun,target,versi\r\nIKU-1,Persentase Desa Mandiri di Kecamatan,2025,70,PK Murni\r\n"
    h = impor("indikator", ulang, "ulang.csv", kecamatan="Bajuin")
    assert (h.baris_baru, h.baris_berubah) == (0, 1)
    with sesi() as s:
        versi = s.execute(select(Target.versi, Target.target).join(Indikator, Indikator.id == Target.indikator_id)
                          .where(Indikator.kode == "IKU-1").order_by(Target.urutan_versi)).all()
        ind = s.execute(select(Indikator).where(Indikator.kode == "IKU-1")).scalar_one()
    assert [tuple(v) for v in versi] == [("PK Perubahan", 55.55), ("PK Murni", 70.0)]
    assert ind.satuan == "%" and ind.sasaran  # columns absent from the file keep their values


@pytest.mark.postgres
def test_indikator_windows_1252_titik_koma(bd):
    h = impor_baik("indikator_titikkoma_1252.csv")
    assert h.persiapan.format["encoding"] == "windows-1252" and h.persiapan.format["pemisah"] == ";"
    with sesi() as s:
        t = {k: v for k, *v in s.execute(select(Indikator.kode, Indikator.sasaran, Target.target, Target.target_tw4,
                                                Target.target_tw1, Target.target_renstra)
                                         .join(Target, Target.indikator_id == Indikator.id)).all()}
    assert t["RDM"] == ["Meningkatnya Tata Kelola Pemerintahan Kecamatan – Bati–Bati", 0.07, 0.07, None, 0.21]
    assert t["IKM"][1:] == [90.2, 90.2, 90.2, 91.0]


@pytest.mark.postgres
def test_indikator_xlsx_judul_dan_tahun_dari_kepala_kolom(bd):
    h = impor_baik("indikator_judul.xlsx")
    p = h.persiapan
    assert p.format["jenis"] == "xlsx" and p.format["baris_header"] == 4 and p.diabaikan == ["No", "Penanggung Jawab"]
    assert p.pemetaan["Target 2025"] == "target (2025)"
    with sesi() as s:
        rows = s.execute(select(Indikator.kode, Target.tahun, Target.target).join(Target)).all()
    assert sorted(tuple(r) for r in rows) == [("IKU-1", 2025, 66.666667), ("IKU-2", 2025, 95.59)]


@pytest.mark.postgres
def test_realisasi_triwulan_dalam_berbagai_tulisan(bd):
    siapkan_untuk("realisasi_koma.csv")
    with sesi() as s:
        rows = s.execute(select(Indikator.kode, Realisasi.triwulan, Realisasi.nilai, Realisasi.faktor_penghambat)
                         .join(Realisasi).order_by(Indikator.kode, Realisasi.triwulan)).all()
    assert [tuple(r[:3]) for r in rows] == [("IKU-1", 4, 77.77), ("IKU-2", 1, 86.86), ("IKU-2", 2, 87.0),
                                            ("IKU-2", 3, 87.51), ("IKU-2", 4, 87.68)]
    assert rows[0].faktor_penghambat == "Sampah belum dikelola"


@pytest.mark.postgres
def test_realisasi_bentuk_lebar_tanda_hubung_berarti_belum_diukur(bd):
    h = siapkan_untuk("realisasi_titikkoma_1252.csv")
    assert h.baris_dibaca == 3
    with sesi() as s:
        rows = s.execute(select(Indikator.kode, Realisasi.triwulan, Realisasi.nilai).join(Realisasi)
                         .order_by(Indikator.kode, Realisasi.triwulan)).all()
    assert [tuple(r) for r in rows] == [("AKIP", 4, 75.6), ("IKM", 1, 94.15), ("IKM", 2, 93.25), ("IKM", 3, 91.0),
                                        ("IKM", 4, 91.19), ("RDM", 4, 0.64)]


@pytest.mark.postgres
def test_realisasi_dicocokkan_dengan_nama_triwulan_dan_tahun_dari_judul(bd):
    siapkan_untuk("realisasi_judul.xlsx")
    with sesi() as s:
        rows = s.execute(select(Indikator.kode, Realisasi.tahun, Realisasi.triwulan, Realisasi.nilai)
                         .join(Realisasi).order_by(Indikator.kode)).all()
    assert [tuple(r) for r in rows] == [("IKU-1", 2025, 4, 80.0), ("IKU-2", 2025, 4, 95.54)]


# ------------------------------------------------------------------ anggaran

def _serapan(nama: str, tahun: int, tw: int) -> dict:
    from dashboard.data import muat_satu
    from dashboard.ringkasan import hitung_anggaran

    with sesi() as s:
        return hitung_anggaran(muat_satu(s, nama, tahun), tw)


def _per_triwulan(kecamatan: str, tahun: int) -> dict[str, dict[int, int]]:
    with sesi() as s:
        rows = s.execute(select(Anggaran.kode, AnggaranRealisasi.triwulan, AnggaranRealisasi.jumlah_sen)
                         .join(AnggaranRealisasi).join(Kecamatan, Kecamatan.id == Anggaran.kecamatan_id)
                         .where(Kecamatan.nama == kecamatan, Anggaran.tahun == tahun)).all()
    out: dict[str, dict[int, int]] = {}
    for kode, tw, jumlah in rows:
        out.setdefault(kode, {})[tw] = jumlah
    return out


@pytest.mark.postgres
def test_lra_bajuin_serapan_dan_tanpa_peringatan(bd):
    h = impor_baik("anggaran_koma.csv")
    assert h.peringatan == []  # parents add up, the JUMLAH row and every % agree
    a = _serapan("Bajuin", 2025, 4)
    assert round(a["pagu"], 2) == 8102188741.16 and round(a["realisasi"], 2) == 7140490984.0
    assert round(a["serapan"], 2) == 88.13


@pytest.mark.postgres
def test_tabel_renja_per_triwulan_bati_bati(bd):
    h = impor_baik("anggaran_titikkoma_1252.csv")
    assert h.persiapan.format["encoding"] == "windows-1252"
    per_tw = _per_triwulan("Bati-Bati", 2024)
    program = [k for k in per_tw if k.count(".") == 2]
    total = [sum(per_tw[k].get(tw, 0) for k in program) for tw in (1, 2, 3, 4)]
    assert total == [x * 100 for x in (920179264, 1182091365, 1346086416, 1060031485)]
    assert [round(_serapan("Bati-Bati", 2024, tw)["serapan"], 2) for tw in (1, 2, 3, 4)] == [18.42, 42.07, 69.01,
                                                                                           90.23]
    with sesi() as s:
        uraian = s.execute(select(Anggaran.uraian).where(Anggaran.kode == "7.01.06.2.01.0003")).scalar_one()
    assert uraian == "Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan Aset Desa"


@pytest.mark.postgres
def test_lra_pelaihari_xlsx_subtotal_surplus_dan_kolom_tahun_lalu(bd):
    h = impor_baik("anggaran_judul.xlsx")
    assert h.peringatan == []  # subtotals and the truncated percentages all agree
    assert h.persiapan.catatan == ["Kolom 'Realisasi 2024' diabaikan: untuk tahun 2024."]
    assert h.baris_dibaca == 24  # JUMLAH rows and SURPLUS/DEFISIT are not data
    assert round(_serapan("Pelaihari", 2025, 4)["serapan"], 2) == 91.09


@pytest.mark.postgres
def test_laporan_sipd_kumulatif_tw1_sampai_tw4(bd):
    for tw in (1, 2, 3, 4):
        h = impor_baik(f"anggaran_sipd_tw{tw}.xlsx")
        assert h.peringatan == [] and h.persiapan.catatan == ["Tahun 2024 diambil dari judul berkas "
                                                              "('TAHUN ANGGARAN 2024')."]
    per_tw = _per_triwulan("Bati-Bati", 2024)
    harapan = {k: {tw: q[tw - 1] * 100 for tw in (1, 2, 3, 4)} for k, _, _, q in MAKE.BATI_BATI_ANGGARAN}
    assert per_tw == harapan
    assert [round(_serapan("Bati-Bati", 2024, tw)["serapan"], 2) for tw in (1, 2, 3, 4)] == [18.42, 42.07, 69.01,
                                                                                           90.23]


@pytest.mark.postgres
def test_sipd_urutan_acak_dan_koreksi_menjaga_kumulatif_berikutnya(bd):
    """TW III before TW II: TW III is adjusted when TW II arrives, so every cumulative figure stays right."""
    for tw in (1, 3, 2, 4):
        impor_baik(f"anggaran_sipd_tw{tw}.xlsx")
    harapan = {k: {tw: q[tw - 1] * 100 for tw in (1, 2, 3, 4)} for k, _, _, q in MAKE.BATI_BATI_ANGGARAN}
    assert _per_triwulan("Bati-Bati", 2024) == harapan
    # A corrected TW I figure for one line: TW I changes, TW II is adjusted so that s.d. TW II is unchanged.
    koreksi = ("kode,uraian,tahun,pagu,triwulan,realisasi\r\n"
               "7.01.01.2.06.0005,Penyediaan Barang Cetakan dan Penggandaan,2024,8152322,1,1600000\r\n")
    h = impor("anggaran", koreksi.encode(), "koreksi.csv", kecamatan="Bati-Bati")
    assert (h.baris_berubah, h.baris_baru) == (1, 0)
    baris = _per_triwulan("Bati-Bati", 2024)["7.01.01.2.06.0005"]
    assert baris == {1: 160000000, 2: (1550000 + 2207600 - 1600000) * 100, 3: 203160000, 4: 179300000}


@pytest.mark.postgres
def test_baris_tanpa_angka_berarti_tidak_ada_belanja_di_triwulan_itu(bd):
    isi = ("kode;uraian;tahun;pagu;triwulan;realisasi\r\n"
           "7.01.01.2.01.0001;Penyusunan Dokumen;2025;1.000.000;I;100.000\r\n"
           "7.01.01.2.01.0007;Evaluasi Kinerja;2025;2.000.000;I;\r\n").encode()
    impor("anggaran", isi, "tw1.csv", kecamatan="Bajuin")
    assert _per_triwulan("Bajuin", 2025) == {"7.01.01.2.01.0001": {1: 10000000}, "7.01.01.2.01.0007": {1: 0}}
    assert round(_serapan("Bajuin", 2025, 1)["serapan"], 4) == 3.3333
    assert _serapan("Bajuin", 2025, 2)["serapan"] is None  # no import gave TW II figures


@pytest.mark.postgres
def test_pagu_murni_lalu_perubahan(bd):
    """A plain `pagu` is the latest pagu: the first one seen is murni, a different later one is perubahan."""
    baris = "kode,uraian,tahun,pagu\r\n7.01.01,Program Penunjang,2025,{}\r\n"
    impor("anggaran", baris.format(100).encode(), "murni.csv", kecamatan="Bajuin")
    impor("anggaran", baris.format(120).encode(), "perubahan.csv", kecamatan="Bajuin")
    with sesi() as s:
        a = s.execute(select(Anggaran)).scalar_one()
    assert (a.pagu_murni_sen, a.pagu_perubahan_sen) == (10000, 12000)
    dua = "kode,uraian,tahun,pagu_murni,pagu_perubahan\r\n7.01.01,Program Penunjang,2025,90,130\r\n"
    impor("anggaran", dua.encode(), "dua.csv", kecamatan="Bajuin")
    with sesi() as s:
        a = s.execute(select(Anggaran)).scalar_one()
    assert (a.pagu_murni_sen, a.pagu_perubahan_sen) == (9000, 13000)


@pytest.mark.postgres
def test_berkas_se_kabupaten_dengan_kolom_kecamatan(bd):
    isi = ("Kecamatan;Kode;Uraian;Tahun;Pagu;Triwulan;Realisasi\r\n"
           "Bajuin;7.01.01;Program Penunjang;2025;1.000;II;500\r\n"
           "KECAMATAN PELAIHARI;7.01.01;Program Penunjang;2025;2.000;II;1.500\r\n").encode()
    h = impor("anggaran", isi, "kabupaten.csv")
    assert h.status == "berhasil" and h.baris_baru == 2
    with sesi() as s:
        rows = s.execute(select(Kecamatan.nama, Anggaran.pagu_murni_sen).join(Anggaran)
                         .order_by(Kecamatan.nama)).all()
        log = s.execute(select(ImportLog)).scalar_one()
    assert [tuple(r) for r in rows] == [("Bajuin", 100000), ("Pelaihari", 200000)]
    assert log.kecamatan_id is None and log.tahun == 2025 and log.triwulan == 2


@pytest.mark.postgres
def test_baris_jumlah_dan_persen_tercetak_diperiksa(bd):
    """Bajuin's program table (Tabel 16/19): its JUMLAH and one percentage disagree with the rows."""
    isi = ("Kode;Program;Pagu;Realisasi;%\r\n"
           "7.01.03;Program Pemberdayaan Masyarakat Desa Dan Kelurahan;22.255.256,00;16.800.000,00;75,84\r\n"
           "7.01.04;Program Koordinasi Ketentraman Dan Ketertiban Umum;2.950.000,00;2.950.000,00;100,00\r\n"
           "7.01.05;Program Penyelenggaraan Urusan Pemerintahan Umum;4.610.221.392,30;4.209.241.325,00;91,30\r\n"
           "7.01.06;Program Pembinaan Dan Pengawasan Pemerintahan Desa;17.916.992,31;11.950.000,00;66,69\r\n"
           "7.01.02;Program Penyelenggaraan Pemerintahan Dan Pelayanan Publik;4.094.226,00;2.241.000,00;54,73\r\n"
           "7.01.01;Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota;3.400.025.941,55;"
           "3.098.627.082,47;91,13\r\n"
           ";JUMLAH;8.102.188.741,16;7.140.490.984,00;88,13\r\n").encode()
    h = impor("anggaran", isi, "tabel19.csv", kecamatan="Bajuin", tahun=2025, triwulan=4)
    assert h.status == "berhasil"
    jenis = [(w["jenis"], w["lokasi"], w["diharapkan"], w["ditemukan"]) for w in h.peringatan]
    assert jenis == [
        ("total_tidak_sesuai", "baris 8", "Rp 8.057.463.808,16", "Rp 8.102.188.741,16"),
        ("total_tidak_sesuai", "baris 8", "Rp 7.341.809.407,47", "Rp 7.140.490.984,00"),
        ("persen_tidak_sesuai", "kode 7.01.03 (baris 2)", "75,49 %", "75,84 %"),
    ]
    assert all(w["tahun"] == 2025 for w in h.peringatan)
    with sesi() as s:
        disimpan = s.execute(select(ImportLog.peringatan)).scalar_one()
    assert "persen_tidak_sesuai" in disimpan and "total_tidak_sesuai" in disimpan


@pytest.mark.postgres
def test_pemeriksaan_data_berjalan_pada_keadaan_sesudah_impor(bd):
    isi = ("kode,uraian,tahun,pagu,triwulan,realisasi\r\n"
           "7.01.01,Program Penunjang,2025,1000,1,600\r\n"
           "7.01.01.2.01,Perencanaan,2025,1000,1,700\r\n").encode()
    h = impor("anggaran", isi, "tw1.csv", kecamatan="Bajuin")
    assert {w["jenis"] for w in h.peringatan} == {"anggaran_anak_tidak_sama"}
    turun = "kode,uraian,tahun,pagu,triwulan,realisasi\r\n7.01.01.2.01,Perencanaan,2025,1000,2,500\r\n"
    h = impor("anggaran", turun.encode(), "tw2.csv", kecamatan="Bajuin")
    jenis = {(w["jenis"], w.get("triwulan")) for w in h.peringatan}
    assert ("kumulatif_menurun", 2) in jenis


# ------------------------------------------------------------------ skm

def _jawaban(kecamatan: str, tahun: int, tw: int) -> list[tuple]:
    with sesi() as s:
        return [tuple(r) for r in s.execute(
            select(SkmResponden.u1, SkmResponden.u2, SkmResponden.u3, SkmResponden.u4, SkmResponden.u5,
                   SkmResponden.u6, SkmResponden.u7, SkmResponden.u8, SkmResponden.u9)
            .join(Kecamatan, Kecamatan.id == SkmResponden.kecamatan_id)
            .where(Kecamatan.nama == kecamatan, SkmResponden.tahun == tahun, SkmResponden.triwulan == tw)
            .order_by(SkmResponden.id)).all()]


@pytest.mark.postgres
def test_skm_jawaban_per_responden(bd):
    h = impor_baik("skm_koma.csv")
    assert h.baris_baru == 12
    assert _jawaban("Bajuin", 2025, 1) == [tuple(s) for s in MAKE.SKOR_SKM]
    with sesi() as s:
        r = s.execute(select(SkmResponden).where(SkmResponden.id_responden == "R-001")).scalar_one()
    assert (r.layanan, r.jenis_kelamin, r.umur, r.saran) == ("KTP", "Laki-laki", 34, "Pelayanan cepat, terima kasih")


@pytest.mark.postgres
def test_skm_windows_1252_umur_bertulisan_tahun(bd):
    impor_baik("skm_titikkoma_1252.csv")
    with sesi() as s:
        r = s.execute(select(SkmResponden).where(SkmResponden.id_responden == "B-3")).scalar_one()
    assert (r.triwulan, r.umur, r.saran) == (2, 22, "Ruang tunggu perlu kipas – terima kasih")


@pytest.mark.postgres
def test_skm_xlsx_berjudul(bd):
    impor_baik("skm_judul.xlsx")
    assert _jawaban("Bajuin", 2025, 3) == [tuple(s) for s in MAKE.SKOR_SKM[:10]]


@pytest.mark.postgres
def test_google_forms_jawaban_teks_dan_kepala_kolom_berlabel(bd):
    h = impor_baik("skm_google_forms.csv")
    p = h.persiapan
    tanya = "Bagaimana pendapat Saudara tentang pelayanan di Kantor Kecamatan?"
    assert [p.pemetaan[f"{tanya} [{x}]"] for x in MAKE.PERTANYAAN] == [f"u{i}" for i in range(1, 10)]
    assert p.pemetaan["Saran dan Masukan"] == "saran" and p.pemetaan["Timestamp"] == "tanggal"
    harapan = [tuple(s) for s in MAKE.SKOR_SKM]
    harapan[3] = (4, *harapan[3][1:])  # "SANGAT  SESUAI": case and spaces ignored
    assert _jawaban("Bajuin", 2025, 2) == harapan


@pytest.mark.postgres
def test_survei_internal_bati_bati_20_responden(bd):
    """Tabel 3.18: column sums 69 72 70 80 69 68 80 67 80; IKM 90,97 with 1/9 and 90,88 with 0,111."""
    from dashboard import skm as skm_f

    h = impor_baik("skm_batibati_hsk.csv")
    assert h.baris_dibaca == 20 and h.peringatan == []  # the Σ row under the answers agrees
    jawaban = _jawaban("Bati-Bati", 2024, 4)
    assert [sum(r[i] for r in jawaban) for i in range(9)] == [69, 72, 70, 80, 69, 68, 80, 67, 80]
    nrr = skm_f.nrr_per_unsur([dict(zip(skm_f.UNSUR, r)) for r in jawaban])
    assert round(skm_f.ikm(nrr), 2) == 90.97 and round(skm_f.ikm(nrr, "0.111"), 2) == 90.88


# ------------------------------------------------------------------ skm-rekap

def _rekap(kecamatan: str, tahun: int) -> dict[tuple[int, str], tuple]:
    with sesi() as s:
        rows = s.execute(select(SkmRekap.triwulan, SkmRekap.unsur, SkmRekap.nilai, SkmRekap.responden)
                         .join(Kecamatan, Kecamatan.id == SkmRekap.kecamatan_id)
                         .where(Kecamatan.nama == kecamatan, SkmRekap.tahun == tahun)).all()
    return {(tw, u): (v, n) for tw, u, v, n in rows}


@pytest.mark.postgres
def test_rekap_bajuin_seperti_laporan_unsur_dipetakan_menurut_nama(bd):
    h = impor_baik("skm_rekap_koma.csv")
    assert h.baris_dibaca == 10
    assert h.persiapan.catatan == ["Baris 11 ('NRR 9 Ruang Lingkup Pelayanan') diabaikan: nilai gabungan, bukan "
                                   "unsur."]
    r = _rekap("Bajuin", 2025)
    assert len(r) == 40
    assert r[(1, "U8")][0] == 3.29 and r[(1, "U9")][0] == 3.55  # Sarana is row 8, Pengaduan row 9 in Bajuin's table
    assert [r[(tw, "IKM")][0] for tw in (1, 2, 3, 4)] == [86.86, 87.0, 87.51, 87.68]
    assert [(w["jenis"], w["triwulan"]) for w in h.peringatan] == [("ikm_tercetak_berbeda", 4)]


@pytest.mark.postgres
def test_rekap_bati_bati_bentuk_panjang_desimal_koma(bd):
    h = impor_baik("skm_rekap_titikkoma_1252.csv")
    assert h.baris_dibaca == 40
    r = _rekap("Bati-Bati", 2024)
    assert r[(1, "U1")] == (3.613, 150) and r[(2, "U6")] == (3.96, 150) and r[(1, "IKM")] == (94.15, 150)
    assert [(w["jenis"], w["triwulan"]) for w in h.peringatan] == [("ikm_tercetak_berbeda", 1)]


@pytest.mark.postgres
def test_rekap_xlsx_dengan_baris_jumlah_responden(bd):
    impor_baik("skm_rekap_judul.xlsx")
    r = _rekap("Bati-Bati", 2024)
    assert len(r) == 40 and {n for _, n in r.values()} == {150}


@pytest.mark.postgres
def test_responden_yang_tidak_cocok_dengan_nrr(bd):
    """Pelaihari TW IV: every NRR is k/48, so 150 respondents cannot have produced 3,771."""
    isi = ("tahun;triwulan;unsur;nrr;responden\r\n2025;4;Persyaratan;3,771;150\r\n"
           "2025;4;Kemudahan Prosedur;3,540;150\r\n").encode()
    h = impor("skm-rekap", isi, "tw4.csv", kecamatan="Pelaihari")
    assert [(w["jenis"], w["lokasi"], w["ditemukan"]) for w in h.peringatan] == [
        ("responden_tidak_sesuai", "baris 2", "3,771")]


# ------------------------------------------------------------------ desa and skala

@pytest.mark.postgres
def test_desa_bajuin_kecamatan_dari_kolom_kabupaten_kecamatan(bd):
    h = impor_baik("desa_koma.csv")
    assert h.baris_baru == 9
    with sesi() as s:
        rows = s.execute(select(Desa.nama, DesaStatus.tahun, DesaStatus.skor, DesaStatus.status,
                                DesaStatus.lingkungan, Kecamatan.nama)
                         .join(DesaStatus).join(Kecamatan, Kecamatan.id == Desa.kecamatan_id)).all()
    assert len(rows) == 9 and {r[5] for r in rows} == {"Bajuin"} and {r[1] for r in rows} == {2025}
    assert sum(r.status == "Mandiri" for r in rows) == 7
    tanjung = next(r for r in rows if r.nama == "TANJUNG")
    assert (tanjung.skor, tanjung.status, tanjung.lingkungan) == (72.6, "Maju", 46.0)


@pytest.mark.postgres
def test_desa_pelaihari_windows_1252(bd):
    impor_baik("desa_titikkoma_1252.csv")
    with sesi() as s:
        rows = dict(s.execute(select(Desa.nama, DesaStatus.status).join(DesaStatus)).all())
    assert len(rows) == 15 and rows["Panjaratan"] == "Berkembang" and rows["Bumi Jaya"] == "Mandiri"


@pytest.mark.postgres
def test_desa_dua_tahun_status_dalam_satu_tabel(bd):
    h = impor_baik("desa_judul.xlsx")
    assert h.baris_dibaca == 14
    with sesi() as s:
        rows = s.execute(select(Desa.nama, DesaStatus.tahun, DesaStatus.status).join(DesaStatus)).all()
    mandiri = {th: sum(1 for r in rows if r.tahun == th and r.status == "Mandiri") for th in (2023, 2024)}
    assert mandiri == {2023: 2, 2024: 9} and len(rows) == 28
    assert "Kait – Kait Baru" in {r.nama for r in rows}


@pytest.mark.postgres
def test_desa_dicocokkan_menurut_nama_tanpa_peduli_huruf_dan_tanda(bd):
    impor_baik("desa_koma.csv")
    isi = b"nama_desa,kode_desa,jenis\r\nBajuin,63.01.09.2001,desa\r\nsungai-bakar,63.01.09.2002,desa\r\n"
    h = impor("desa", isi, "kode.csv", kecamatan="Bajuin")
    assert (h.baris_baru, h.baris_berubah) == (0, 2)
    assert [w["jenis"] for w in h.peringatan] == ["jumlah_desa_berubah"]
    assert h.peringatan[0]["diharapkan"] == "9" and h.peringatan[0]["ditemukan"] == "2"
    with sesi() as s:
        assert s.execute(select(func.count()).select_from(Desa)).scalar() == 9
        assert s.execute(select(Desa.kode).where(Desa.nama == "SUNGAI BAKAR")).scalar_one() == "63.01.09.2002"


@pytest.mark.postgres
def test_skala_diganti_seluruhnya(bd):
    impor_baik("skala_judul.xlsx")
    isi = b"nama,batas_bawah,inklusif,label\r\nSAKIP Kabupaten,50,ya,Baik\r\nSAKIP Kabupaten,0,ya,Kurang\r\n"
    h = impor("skala", isi, "baru.csv")
    assert (h.baris_baru, h.baris_berubah) == (0, 2)
    with sesi() as s:
        bands = s.execute(select(Skala.batas_bawah, Skala.label, Skala.inklusif)
                          .where(Skala.nama == "SAKIP Kabupaten").order_by(Skala.batas_bawah)).all()
    assert [tuple(b) for b in bands] == [(0.0, "Kurang", True), (50.0, "Baik", True)]


@pytest.mark.postgres
def test_skala_windows_1252(bd):
    impor_baik("skala_titikkoma_1252.csv")
    with sesi() as s:
        bands = s.execute(select(Skala.batas_bawah, Skala.label).where(Skala.nama == "Serapan Kabupaten")
                          .order_by(Skala.batas_bawah)).all()
    assert [tuple(b) for b in bands] == [(0.0, "Kurang"), (62.5, "Cukup"), (87.5, "Baik – sesuai rencana")]


def test_peringatan_berkas_se_kabupaten_tampil_di_kecamatannya(bd):
    """A kabupaten-wide file has no single kecamatan; its file warnings still reach the kecamatan it wrote."""
    from dashboard.data import muat_satu
    from dashboard.pemeriksaan import periksa

    isi = ("Kecamatan;Kode;Uraian;Tahun;Pagu;Triwulan;Realisasi;Persentase\r\n"
           "Bajuin;7.01.01;Program Penunjang;2025;1.000;II;500;75,00\r\n"
           "Pelaihari;7.01.01;Program Penunjang;2025;2.000;II;1.500;75,00\r\n").encode()
    h = impor("anggaran", isi, "kabupaten.csv")
    assert h.status == "berhasil", [g.pesan for g in h.galat]
    assert any(w["jenis"] == "persen_tidak_sesuai" for w in h.peringatan)
    with sesi() as s:
        bajuin, pelaihari = muat_satu(s, "Bajuin", 2025), muat_satu(s, "Pelaihari", 2025)
    w_bajuin = [w for w in periksa(bajuin, 2) if w.jenis == "persen_tidak_sesuai"]
    assert w_bajuin and all(w.sumber == f"impor:{h.import_id}" for w in w_bajuin)
    assert not [w for w in periksa(pelaihari, 2) if w.jenis == "persen_tidak_sesuai"]  # 75 % is right there
