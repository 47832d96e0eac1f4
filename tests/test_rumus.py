"""Every formula of domain.md §3 against the figures of the three reports (tolerance 0,01).

Where a report's own figure is wrong, the test asserts the correct value and says so.
"""

from __future__ import annotations

import pytest

from dashboard import anggaran as ang
from dashboard import desa as desa_f
from dashboard import efisiensi as ef
from dashboard import iku
from dashboard import skm
from dashboard.skala import PRESETS, Band, kategori

TOL = 0.01


# ------------------------------------------------------------------ capaian (§3.1)

def test_capaian_bajuin():
    assert iku.capaian(55.55, 77.77) == pytest.approx(140.0, abs=TOL)
    # Report prints 99,72 (truncated); the exact value is 99,7257.
    assert iku.capaian(87.50, 87.26) == pytest.approx(99.72, abs=TOL)


def test_rata_rata_bajuin():
    assert iku.rata_rata_capaian([iku.capaian(55.55, 77.77), iku.capaian(87.50, 87.26)]) == pytest.approx(119.86, abs=TOL)


def test_capaian_dan_rata_rata_pelaihari():
    c1 = iku.capaian(66.666667, 80)
    c2 = iku.capaian(95.59, 95.54)
    assert c1 == pytest.approx(120.0, abs=TOL)
    assert c2 == pytest.approx(99.95, abs=TOL)
    # Averaging the unrounded capaian gives 109,97 as printed (the rounded ones would give 109,98).
    assert iku.rata_rata_capaian([c1, c2]) == pytest.approx(109.97, abs=0.005)


def test_capaian_rdm_bati_bati_koreksi_laporan():
    # The report prints 900 %; 0,64 / 0,07 is 914,29 %.
    assert iku.capaian(0.07, 0.64) == pytest.approx(914.29, abs=TOL)


def test_capaian_negatif_permenpanrb_8_2021():
    assert iku.capaian(10, 8, "negatif") == pytest.approx(120.0)
    assert iku.capaian(10, 10, "negatif") == pytest.approx(100.0)
    assert iku.capaian(10, 25, "negatif") == pytest.approx(-50.0)  # not target/realisasi (40)


@pytest.mark.parametrize("target,realisasi", [(0, 5), (None, 5), (10, None), (float("nan"), 3), (0, 0)])
def test_capaian_tidak_terdefinisi(target, realisasi):
    assert iku.capaian(target, realisasi) is None


def test_nol_per_nol_menurut_indikator():
    assert iku.capaian(0, 0, nol_per_nol=100.0) == 100.0
    assert iku.capaian(0, 3, nol_per_nol=100.0) is None


def test_tidak_dibatasi_kecuali_diminta():
    assert iku.rata_rata_capaian([914.2857, 102.76]) == pytest.approx(508.52, abs=TOL)
    assert iku.rata_rata_capaian([914.2857, 102.76], "100") == pytest.approx(100.0)
    assert iku.rata_rata_capaian([140, 99.7257], "120") == pytest.approx(109.86, abs=TOL)


def test_rata_rata_mengabaikan_belum_diukur():
    assert iku.rata_rata_capaian([None, 90.0, float("nan")]) == 90.0
    assert iku.rata_rata_capaian([None]) is None


# ------------------------------------------------------------------ roll-up per TW (§3.2)

def test_agregasi_triwulan():
    nilai = {1: 86.86, 2: 87.00, 3: 87.51, 4: 87.68}
    assert iku.realisasi_sd(nilai, 4, "rata_rata") == pytest.approx(87.26, abs=TOL)  # Bajuin IKM
    assert iku.realisasi_sd(nilai, 2, "rata_rata") == pytest.approx(86.93)
    assert iku.realisasi_sd({1: 1, 2: 3, 3: 1, 4: None}, 4, "jumlah") == 5  # Bati-Bati dokumen 1+3+1
    assert iku.realisasi_sd({1: 20, 2: 20, 3: 19}, 4, "terakhir") == 19
    assert iku.realisasi_sd({4: 77.77}, 3, "terakhir") is None  # no TW up to 3: belum diukur
    assert iku.realisasi_sd({}, 4) is None


def test_target_sd_triwulan():
    assert iku.target_sd(12, {1: 3, 2: 6, 3: None, 4: 12}, 2) == 6
    assert iku.target_sd(12, {1: 3, 2: 6, 3: None, 4: 12}, 3) == 12
    assert iku.target_sd(87.5, {}, 1) == 87.5


# ------------------------------------------------------------------ scales (§3.3)

@pytest.mark.parametrize("nilai,label", [
    (140, "Sangat Tinggi"), (119.86, "Sangat Tinggi"), (90.01, "Sangat Tinggi"), (90, "Tinggi"), (75.5, "Tinggi"),
    (75, "Sedang"), (65.01, "Sedang"), (65, "Rendah"), (50.5, "Rendah"), (50, "Sangat Rendah"),
    (-30, "Sangat Rendah"), (88.13, "Tinggi"), (90.23, "Sangat Tinggi")])
def test_skala_permendagri_86(nilai, label):
    assert kategori(nilai, PRESETS["Permendagri 86/2017"]).label == label


@pytest.mark.parametrize("nilai,label", [(100.89, "Sangat Memuaskan"), (85, "Memuaskan"), (80, "Sangat Baik"),
                                         (65, "Baik"), (55, "Cukup"), (50, "Kurang")])
def test_skala_bati_bati(nilai, label):
    assert kategori(nilai, PRESETS["LKjIP Bati-Bati 2024"]).label == label


@pytest.mark.parametrize("nilai,label", [(75.60, "BB"), (78.80, "BB"), (67.3, "B"), (90.5, "AA"), (31, "C"), (30, "D")])
def test_skala_sakip(nilai, label):
    assert kategori(nilai, PRESETS["SAKIP PermenPANRB 88/2021"]).label == label


def test_skala_buatan_pengguna_dan_inklusif():
    bands = [Band(100, "Tuntas", "#000000", True), Band(0, "Belum", "#ffffff", True)]
    assert kategori(100, bands).label == "Tuntas"
    assert kategori(99.99, bands).label == "Belum"
    assert kategori(-5, bands).label == "Belum"
    assert kategori(None, bands) is None


# ------------------------------------------------------------------ serapan (§3.4)

BATI_BATI_TW = [920_179_264, 1_182_091_365, 1_346_086_416, 1_060_031_485]
BATI_BATI_PAGU = 4_996_638_717


def test_serapan_kumulatif_bati_bati():
    kumulatif = 0
    hasil = []
    for v in BATI_BATI_TW:
        kumulatif += v
        hasil.append(ang.serapan(kumulatif, BATI_BATI_PAGU))
    assert hasil == pytest.approx([18.42, 42.07, 69.01, 90.23], abs=TOL)


def test_serapan_bajuin_dan_pelaihari():
    assert ang.serapan(714_049_098_400, 810_218_874_116) == pytest.approx(88.13, abs=TOL)
    assert ang.serapan(1_120_076_835_800, 1_229_634_028_646) == pytest.approx(91.09, abs=TOL)


def test_pohon_dari_anak():
    baris = [
        ang.Baris("7.01.01", "Program", 999, {}),  # a printed parent that does not add up
        ang.Baris("7.01.01.2.01.0001", "A", 100, {1: 10, 2: 20}),
        ang.Baris("7.01.01.2.01.0002", "B", 200, {2: 50}),
        ang.Baris("7.01.02.2.01.0001", "C", 300, {1: 30}),
    ]
    pohon = ang.bangun_pohon(baris)
    assert [s.kode for s in pohon] == ["7.01.01", "7.01.02"]
    p1 = pohon[0]
    assert p1.pagu == 300 and p1.tercetak.pagu == 999
    assert p1.realisasi_sd(1) == 10 and p1.realisasi_sd(2) == 80
    keg = p1.anak[0]
    assert keg.kode == "7.01.01.2.01" and keg.tercetak is None  # added by its code
    assert pohon[1].uraian == ang.PROGRAM_KECAMATAN["7.01.02"]
    assert ang.pilih_pohon(baris + [ang.Baris("5.1.01", "Pegawai", 1)]) == "program"


def test_kumulatif_ke_per_triwulan():
    assert ang.ke_per_triwulan({1: 100, 2: 250, 3: None, 4: 400}) == {1: 100, 2: 150, 4: 150}
    assert ang.ke_per_triwulan({2: 100, 3: 90}) == {2: 100, 3: -10}  # a fall shows as a negative quarter


def test_jenis_belanja():
    assert ang.jenis_belanja_dari_kode("5.1.01.01.01.0001") == "Belanja Pegawai"
    assert ang.jenis_belanja_dari_kode("5.1.02.02") == "Belanja Barang dan Jasa"
    assert ang.jenis_belanja_dari_kode("5.2.02.05") == "Belanja Modal"
    assert ang.jenis_belanja_dari_kode("5.1.05.05.02") == "Belanja Hibah"


def test_ketertinggalan_waktu():
    assert ang.ketertinggalan(42.07, 2) == pytest.approx(-7.93, abs=TOL)


# ------------------------------------------------------------------ IKM (§3.5)

HSK = [  # Bati-Bati internal survey, 20 respondents × U1..U9 (reference §4.5)
    [3, 3, 3, 4, 3, 3, 4, 3, 4], [3, 4, 3, 4, 3, 3, 4, 2, 4], [3, 4, 3, 4, 3, 4, 4, 3, 4], [4, 4, 4, 4, 4, 3, 4, 3, 4],
    [4, 3, 3, 4, 3, 4, 4, 3, 4], [3, 3, 3, 4, 3, 3, 4, 3, 4], [4, 4, 4, 4, 4, 4, 4, 4, 4], [4, 4, 4, 4, 4, 4, 4, 4, 4],
    [3, 4, 3, 4, 3, 3, 4, 2, 4], [3, 3, 4, 4, 3, 3, 4, 3, 4], [4, 4, 4, 4, 4, 3, 4, 4, 4], [3, 4, 4, 4, 4, 4, 4, 4, 4],
    [3, 3, 3, 4, 4, 4, 4, 4, 4], [4, 4, 4, 4, 4, 4, 4, 4, 4], [3, 3, 3, 4, 3, 3, 4, 4, 4], [4, 4, 3, 4, 3, 3, 4, 3, 4],
    [4, 4, 4, 4, 4, 4, 4, 4, 4], [3, 3, 4, 4, 3, 3, 4, 4, 4], [4, 4, 3, 4, 4, 3, 4, 3, 4], [3, 3, 4, 4, 3, 3, 4, 3, 4],
]


def test_survei_internal_bati_bati():
    jawaban = [{f"U{i + 1}": v for i, v in enumerate(r)} for r in HSK]
    nrr = skm.nrr_per_unsur(jawaban)
    assert [round(nrr[u] * 20) for u in skm.UNSUR] == [69, 72, 70, 80, 69, 68, 80, 67, 80]
    assert skm.ikm(nrr, "0.111") == pytest.approx(90.88, abs=TOL)
    assert skm.ikm(nrr, "1/9") == pytest.approx(90.97, abs=TOL)


BATI_BATI_NRR = {
    1: [3.613, 3.547, 3.44, 4, 3.6, 3.607, 3.7, 3.693, 3.94],
    2: [3.667, 3.513, 3.373, 4, 3.72, 3.96, 3.753, 3.693, 3.92],
    3: [3.633, 3.487, 3.373, 4, 3.613, 3.627, 3.627, 3.587, 3.847],
    4: [3.66, 3.587, 3.413, 4, 3.567, 3.667, 3.627, 3.52, 3.82],
}


def test_ikm_triwulan_bati_bati_dari_nrr_tercetak():
    assert skm.ikm(BATI_BATI_NRR[3], "0.111") == pytest.approx(91.00, abs=TOL)
    assert skm.ikm(BATI_BATI_NRR[4], "0.111") == pytest.approx(91.19, abs=TOL)
    # TW I is printed as 94,15, which the printed NRR cannot give: 91,96 with 0,111, 92,06 with 1/9.
    assert skm.ikm(BATI_BATI_NRR[1], "0.111") == pytest.approx(91.96, abs=TOL)
    assert skm.ikm(BATI_BATI_NRR[1], "1/9") == pytest.approx(92.06, abs=TOL)


def test_ikm_tahunan_rata_rata_triwulan():
    assert skm.rata_rata_triwulan({1: 86.86, 2: 87.00, 3: 87.51, 4: 87.68}, 4) == pytest.approx(87.26, abs=TOL)
    assert skm.rata_rata_triwulan({1: 97.48, 2: 97.09, 3: 96.72, 4: 90.88}, 4) == pytest.approx(95.54, abs=TOL)
    # Bati-Bati prints 92,48 for the year; the mean of its quarters is 92,40.
    assert skm.rata_rata_triwulan({1: 94.15, 2: 93.25, 3: 91.0, 4: 91.19}, 4) == pytest.approx(92.40, abs=TOL)


def test_ikm_sempurna_dengan_dua_bobot():
    assert skm.ikm([4] * 9, "1/9") == pytest.approx(100.0)
    assert skm.ikm([4] * 9, "0.111") == pytest.approx(99.9)
    assert skm.ikm([4] * 8 + [None]) is None


@pytest.mark.parametrize("nilai,kode", [(64.99, "D"), (65.00, "C"), (76.60, "C"), (76.61, "B"), (88.30, "B"),
                                        (88.31, "A"), (100, "A"), (88.305, "A"), (88.3049, "B"), (90.88, "A"),
                                        (87.26, "B")])
def test_batas_mutu(nilai, kode):
    assert skm.mutu(nilai).kode == kode


@pytest.mark.parametrize("nilai,kode", [(3.5324, "A"), (3.5323, "B"), (3.0644, "B"), (3.0643, "C"), (2.60, "C"),
                                        (2.5996, "D")])
def test_batas_mutu_unsur(nilai, kode):
    assert skm.mutu_unsur(nilai) == kode


def test_unsur_terendah_tertinggi():
    nrr = dict(zip(skm.UNSUR, [3.6275, 3.32, 3.255, 4.0, 3.51, 3.45, 3.365, 3.405, 3.5575]))
    assert skm.terendah_tertinggi(nrr) == ("U3", "U4")


# ------------------------------------------------------------------ desa (§3.6)

PELAIHARI_SKOR = [90.24, 84.09, 86.14, 81.89, 86.3, 81.1, 83.31, 81.73, 83.94, 82.52, 89.76, 88.5, 74.33, 74.17, 68.35]
BAJUIN_SKOR = [88.98, 85.35, 88.5, 82.68, 82.36, 84.09, 83.46, 71.18, 72.6]


def _hitung(skor):
    out = {}
    for s in skor:
        st = desa_f.klasifikasi(s)
        out[st] = out.get(st, 0) + 1
    return out


def test_status_pelaihari_dari_skor():
    assert _hitung(PELAIHARI_SKOR) == {"Mandiri": 12, "Maju": 2, "Berkembang": 1}


def test_status_bajuin_dari_skor():
    assert _hitung(BAJUIN_SKOR) == {"Mandiri": 7, "Maju": 2}


@pytest.mark.parametrize("skor,status", [(79.63, "Mandiri"), (79.625, "Mandiri"), (79.62, "Maju"), (69.35, "Maju"),
                                         (69.34, "Berkembang"), (57.39, "Berkembang"), (49.49, "Tertinggal"),
                                         (49.48, "Sangat Tertinggal"), (0, "Sangat Tertinggal")])
def test_batas_indeks_desa_2024(skor, status):
    assert desa_f.klasifikasi(skor, "indeks_desa_2024") == status


@pytest.mark.parametrize("skor,status", [(0.8156, "Mandiri"), (0.8155, "Maju"), (0.7073, "Maju"),
                                         (0.7072, "Berkembang"), (0.5990, "Berkembang"), (0.4908, "Tertinggal"),
                                         (0.4907, "Sangat Tertinggal")])
def test_batas_idm_2016(skor, status):
    assert desa_f.klasifikasi(skor, "idm_2016") == status


def test_rasio_desa_mandiri_tanpa_kelurahan_dan_persiapan():
    D = desa_f.DesaData
    bati_bati = [D(f"Desa {i}", status="Mandiri" if i < 9 else "Maju") for i in range(14)]
    assert desa_f.rasio_desa_mandiri(bati_bati) == pytest.approx(64.29, abs=TOL)  # 9/14, printed 0,64
    pelaihari = [D(f"D{i}", status="Mandiri" if i < 12 else "Maju") for i in range(15)]
    pelaihari += [D("Angsau", jenis="kelurahan"), D("Pelaihari", jenis="kelurahan"),
                  D("Persiapan", definitif=False, status="Mandiri")]
    assert desa_f.rasio_desa_mandiri(pelaihari) == pytest.approx(80.0)
    assert desa_f.rasio_desa_mandiri([D("A"), D("B")]) is None  # no status that year: no rasio, never 0


def test_dimensi_penghambat_bajuin():
    dims = ("layanan_dasar", "sosial", "ekonomi", "lingkungan", "aksesibilitas", "tata_kelola")
    rows = {
        "Bajuin": [134, 79, 149, 84, 48, 71], "Sungai Bakar": [153, 50, 146, 86, 42, 65],
        "Ketapang": [154, 77, 139, 80, 41, 71], "Tirta Jaya": [155, 53, 131, 72, 47, 67],
        "Galam": [126, 69, 142, 86, 41, 59], "Kunyit": [134, 78, 140, 76, 42, 64],
        "Tebing Siring": [153, 79, 122, 70, 43, 63], "Pemalongan": [106, 69, 120, 50, 39, 68],
        "Tanjung": [139, 73, 115, 46, 38, 50],
    }
    desa = [desa_f.DesaData(n, status="Maju" if n in {"Pemalongan", "Tanjung"} else "Mandiri",
                            dimensi=dict(zip(dims, v))) for n, v in rows.items()]
    mandiri = [d for d in desa if d.status == "Mandiri"]
    for nama in ("Pemalongan", "Tanjung"):
        d = next(x for x in desa if x.nama == nama)
        assert desa_f.dimensi_penghambat(d, mandiri)[0] == "lingkungan"
    assert desa_f.selisih_mandiri(71.18) == pytest.approx(8.45, abs=TOL)


def test_normalisasi_status():
    assert desa_f.normalisasi_status("MANDIRI") == "Mandiri"
    assert desa_f.normalisasi_status("Desa Sangat  Tertinggal") == "Sangat Tertinggal"
    assert desa_f.normalisasi_status("Swasembada") is None


# ------------------------------------------------------------------ efisiensi (§3.7)

BAJUIN_PAGU, BAJUIN_REAL = 8_102_188_741.16, 7_140_490_984.0


def test_efisiensi_tanah_laut_bajuin():
    assert ef.efisiensi_tanah_laut([(BAJUIN_PAGU, 1.40)], [BAJUIN_REAL]) == pytest.approx(37.05, abs=TOL)
    assert ef.efisiensi_tanah_laut([(BAJUIN_PAGU, 0.9972)], [BAJUIN_REAL]) == pytest.approx(11.62, abs=TOL)
    serapan = BAJUIN_REAL / BAJUIN_PAGU * 100
    assert ef.efisiensi(140, serapan) == pytest.approx(37.05, abs=TOL)


def test_efisiensi_tanah_laut_pelaihari():
    pagu, real = 12_296_340_286.46, 11_200_768_358.0
    # The report prints 24,9 % for the first indicator: a typo for 24,09 %.
    assert ef.efisiensi_tanah_laut([(pagu, 1.20)], [real]) == pytest.approx(24.09, abs=TOL)
    assert ef.efisiensi_tanah_laut([(pagu, 0.9995)], [real]) == pytest.approx(8.86, abs=TOL)


def test_efisiensi_selisih_dan_rasio():
    assert ef.efisiensi(367.85, 90.23, "selisih") == pytest.approx(277.62, abs=TOL)  # Bati-Bati as printed
    assert ef.efisiensi(119.86, 88.13, "rasio") == pytest.approx(136.0, abs=TOL)
    assert ef.efisiensi(119.86, 88.13, "tanah_laut") == pytest.approx(26.47, abs=TOL)
    assert ef.efisiensi(119.86, 88.13, "selisih") == pytest.approx(31.73, abs=TOL)
    assert ef.efisiensi(None, 88.13) is None
    assert ef.kategori(26.47, "tanah_laut")[0] == "Efisien"
    assert ef.kategori(-3, "selisih")[0] == "Tidak Efisien"
    assert ef.kategori(100.0, "rasio")[0] == "Sesuai"
