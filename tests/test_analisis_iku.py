"""The IKU page's builders (dashboard/analisis_iku.py) on hand-made periods with the reports' figures."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard import analisis_iku as ai
from dashboard import format as fmt
from dashboard.data import RealisasiTw
from dashboard.ringkasan import hitung_iku, iku_baris, skala_bands
from dashboard.skala import Band
from periode_buatan import bajuin_2025, bati_bati_2024, indikator, periode

TOL = 0.01


def _baris(p, tw):
    return hitung_iku(p, tw)["baris"]


def test_tabel_capaian_bajuin_tw4():
    p = bajuin_2025()
    df = ai.tabel_capaian(_baris(p, 4)).set_index("Kode")
    assert df.loc["IKU-1", "Capaian (%)"] == pytest.approx(140.0, abs=TOL)
    assert df.loc["IKU-2", "Capaian (%)"] == pytest.approx(99.73, abs=TOL)  # the report truncates to 99,72
    assert df.loc["IKU-1", "Target tahunan"] == 55.55  # the latest version (PK Perubahan)
    assert df.loc["IKU-2", "Realisasi s.d. TW"] == pytest.approx(87.26, abs=TOL)  # mean of the four TW
    assert df.loc["IKU-2", "Capaian thd Renstra (%)"] == pytest.approx(97.50, abs=TOL)
    assert df.loc["IKU-1", "Target Renstra"] == 100
    assert list(df["Kategori"]) == ["Sangat Tinggi", "Sangat Tinggi"]
    assert df.loc["IKU-1", "Laju"] == "sesuai laju" and df.loc["IKU-2", "Laju"] == "tertinggal"
    assert hitung_iku(p, 4)["rata_rata_capaian"] == pytest.approx(119.86, abs=TOL)


def test_belum_diukur_bukan_nol():
    df = ai.tabel_capaian(_baris(bajuin_2025(), 2)).set_index("Kode")
    assert df.loc["IKU-1", "Capaian (%)"] is None or df["Capaian (%)"].isna()["IKU-1"]
    assert df.loc["IKU-1", "Kategori"] == "belum diukur" and df.loc["IKU-1", "Laju"] == "belum diukur"


def test_rasio_bati_bati_914():
    b = _baris(bati_bati_2024(), 4)[0]
    assert b.capaian == pytest.approx(914.29, abs=TOL)  # the report prints 900


def _dini(p, tw):
    return ai.peringatan_dini(_baris(p, tw), tw, skala_bands(p, p.setelan.skala_capaian))


def test_peringatan_dini_target_tahunan():
    dini = _dini(bajuin_2025(), 3)
    assert [d["kode"] for d in dini] == ["IKU-2"]
    assert "target tahunan" in dini[0]["pesan"] and "87,12" in dini[0]["pesan"] and "87,50" in dini[0]["pesan"]
    assert dini[0]["capaian_laju"] == pytest.approx(99.57, abs=TOL)


def test_peringatan_dini_tidak_di_tw4_untuk_kategori_puncak():
    """TW IV: IKU-2 at 99,73 % is "Sangat Tinggi", the top band: the year is over, nothing early to warn of."""
    p = bajuin_2025()
    assert _baris(p, 4)[1].kategori == "Sangat Tinggi" and _baris(p, 4)[1].tertinggal
    assert _dini(p, 4) == []
    # under a scale whose top band starts higher, 99,73 % is not the top band: still warned
    p.skala["Ketat"] = [Band(100, "Istimewa", "#1b7f3b", True), Band(0, "Belum", "#a61e1e", True)]
    p.setelan = replace(p.setelan, skala_capaian="Ketat")
    assert [d["kode"] for d in _dini(p, 4)] == ["IKU-2"]


def test_peringatan_dini_target_triwulan_dan_laju_aliran():
    tw_target = indikator("IK-1", "Jumlah laporan", satuan="Laporan", jenis="ik", agregasi="jumlah",
                          target={2025: [("PK", 40, {1: 10, 2: 20, 3: 30, 4: 40}, None)]},
                          realisasi={2025: {1: 10, 2: 5}})
    aliran = indikator("IK-2", "Jumlah dokumen", satuan="Dokumen", jenis="ik", agregasi="jumlah",
                       target={2025: [("PK", 100, None, None)]}, realisasi={2025: {1: 30, 2: 10}})
    negatif = indikator("IKU-3", "Rata-rata hari penyelesaian", satuan="Hari", polaritas="negatif",
                        agregasi="rata_rata", target={2025: [("PK", 3, None, 2)]}, realisasi={2025: {1: 3.5, 2: 3.3}})
    p = periode("Uji", 2025, indikator_list=[tw_target, aliran, negatif])
    dini = {d["kode"]: d for d in _dini(p, 2)}
    assert set(dini) == {"IK-1", "IK-2", "IKU-3"}
    assert "target TW II 20,00" in dini["IK-1"]["pesan"] and "15,00" in dini["IK-1"]["pesan"]
    assert "2/4 dari target tahunan 100,00" in dini["IK-2"]["pesan"]  # 40 against a pace of 50
    assert "di atas" in dini["IKU-3"]["pesan"]  # lower is better
    # TW I: 10 of 10 and 30 against a pace of 25 are on pace; 3,5 days against 3 is not
    assert [d["kode"] for d in _dini(p, 1)] == ["IKU-3"]


def test_data_grafik_tahun_ini_tahun_lalu_dan_target():
    p = bajuin_2025()
    ikm = p.indikator[1]
    df = ai.data_grafik(p, ikm, 3)
    kini = df[df["seri"] == "Realisasi 2025"]
    assert list(kini["triwulan"]) == [1, 2, 3]  # only up to the frame's TW
    assert list(kini["nilai"]) == [86.86, 87.0, 87.51]
    lalu = df[df["seri"] == "Realisasi 2024"]
    assert list(lalu["triwulan"]) == [4] and list(lalu["nilai"]) == [87.17]  # history at TW IV only
    target = df[df["seri"] == "Target 2025"]
    assert list(target["nilai"]) == [87.5] * 4
    assert set(df["peran"]) == {"kini", "lalu", "target"}
    assert list(kini["teks"]) == ["86,86", "87,00", "87,51"]


def test_data_grafik_aliran_kumulatif():
    ind = indikator("IK-1", "Jumlah laporan", satuan="Laporan", jenis="ik", agregasi="jumlah",
                    target={2025: [("PK", 40, {1: 10, 2: 20, 3: 30, 4: 40}, None)]},
                    realisasi={2024: {1: 8, 2: 9}, 2025: {1: 10, 2: 9, 3: 11}})
    df = ai.data_grafik(periode("Uji", 2025, indikator_list=[ind]), ind, 4)
    assert list(df[df["peran"] == "kini"]["nilai"]) == [10, 19, 30]
    assert list(df[df["peran"] == "lalu"]["nilai"]) == [8, 17]
    assert list(df[df["peran"] == "target"]["nilai"]) == [10, 20, 30, 40]


def test_grafik_triwulan_spec():
    p = bajuin_2025()
    spec = ai.grafik_triwulan(ai.data_grafik(p, p.indikator[1], 4), p.indikator[1], 2025).to_dict()
    assert spec["usermeta"]["pantau"] == {"jenis": "iku_triwulan", "kode": "IKU-2", "tahun": 2025}
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["line", "line", "text"] and all(layer["mark"].get("point") for layer in spec["layer"][:2])
    assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_tabel_triwulan_kolom():
    p = bajuin_2025()
    df = ai.tabel_triwulan(p, p.indikator[1], 2)
    assert list(df.columns) == ["Triwulan", "Target", "Realisasi", "Realisasi s.d. TW", "Capaian (%)",
                                "Realisasi 2024"]
    assert df["Realisasi"].tolist()[:2] == [86.86, 87.0] and df["Realisasi"].isna().tolist()[2:] == [True, True]
    assert df["Realisasi s.d. TW"][1] == pytest.approx(86.93)
    assert df["Realisasi 2024"].tolist()[3] == 87.17
    # a level (`terakhir`): s.d. TW is the TW value, so that column is left out
    assert "Realisasi s.d. TW" not in ai.tabel_triwulan(p, p.indikator[0], 4).columns


def test_tabel_triwulan_laju_aliran_tanpa_target_tw():
    ind = indikator("IK-2", "Jumlah dokumen", satuan="Dokumen", jenis="ik", agregasi="jumlah",
                    target={2025: [("PK", 100, None, None)]}, realisasi={2025: {1: 30}})
    df = ai.tabel_triwulan(periode("Uji", 2025, indikator_list=[ind]), ind, 1)
    assert df["Laju dibutuhkan"].tolist() == [25, 50, 75, 100] and df["Target"].tolist() == [100] * 4


def test_versi_target_dan_riwayat():
    p = bajuin_2025()
    v = ai.tabel_versi_target(p.indikator[0], 2025)
    assert v["Versi"].tolist() == ["PK Januari 2025", "PK Murni", "PK Perubahan"]
    assert v["Target tahunan"].tolist() == [75, 65, 55.55]
    assert v["Berlaku"].tolist() == ["tidak", "tidak", "ya (terbaru)"]
    r = ai.tabel_riwayat(p, p.indikator[0], 4)
    assert r["Tahun"].tolist() == ["2022", "2023", "2024", "2025"]
    assert r["Realisasi"].tolist() == [0.0, 11.11, 55.55, 77.77]
    assert r["Capaian (%)"].tolist()[-1] == pytest.approx(140.0)


def test_isian_faktor_hanya_teks_yang_berubah():
    p = bajuin_2025()
    ind = p.indikator[0]
    teks = {"faktor_pendorong": " Pembinaan BUMDes ", "faktor_penghambat": "Sampah", "tindak_lanjut": ""}
    df = ai.df_isian_faktor(ind, 2025, 4, teks)
    assert df.to_dict("records") == [{
        "kode": "IKU-1", "tahun": 2025, "triwulan": 4, "realisasi": 77.77, "keterangan": "7 dari 9 desa",
        "faktor_pendorong": "Pembinaan BUMDes", "faktor_penghambat": "Sampah", "tindak_lanjut": None}]
    assert ai.faktor_berubah(ind, 2025, 4, teks)
    assert not ai.faktor_berubah(ind, 2025, 4, {"faktor_pendorong": "Pembinaan BUMDes"})
    tanpa = ai.df_isian_faktor(ind, 2025, 2, {"tindak_lanjut": "x"})
    assert tanpa["realisasi"].isna().all() and tanpa["tindak_lanjut"].tolist() == ["x"]


def test_tabel_faktor_hanya_yang_terisi_sampai_tw():
    p = bajuin_2025()
    df = ai.tabel_faktor(p.indikator, 2025, 4)
    assert df[["Kode", "Triwulan", "Faktor pendorong"]].values.tolist() == [["IKU-1", "TW IV", "Pembinaan BUMDes"]]
    assert ai.tabel_faktor(p.indikator, 2025, 3).empty


def test_iku_dan_ik_terpisah():
    ik = indikator("IK-1", "Dokumen", satuan="Dokumen", jenis="ik", agregasi="jumlah",
                   target={2025: [("PK", 10, None, None)]}, realisasi={2025: {4: 50}})
    p = bajuin_2025()
    p.indikator.append(ik)
    data = hitung_iku(p, 4)
    assert data["rata_rata_capaian"] == pytest.approx(119.86, abs=TOL)  # the IK's 500 % is not averaged
    df = ai.tabel_capaian(data["baris"])
    assert df.set_index("Kode")["Jenis"].to_dict() == {"IKU-1": "IKU", "IKU-2": "IKU", "IK-1": "IK"}
    assert iku_baris(p, ik, 4).capaian == pytest.approx(500.0)


def test_label_tab():
    p = bajuin_2025()
    assert ai.label_tab(p.indikator[1]) == "IKU-2 · Indeks Kepuasan Masyarakat di Ke…"
    assert ai.label_tab(p.indikator[0], panjang=60) == "IKU-1 · Persentase Desa Mandiri di Kecamatan"


def _wajar(p, tw):
    from dashboard.pemeriksaan import periksa

    return [w for w in periksa(p, tw) if w.jenis in ("capaian_tidak_wajar", "target_jauh_dari_tahun_lalu")]


def test_capaian_di_atas_200_persen_diperingatkan():
    """Bati-Bati's rasio 0,64 against a target of 0,07 (914 %): printed, but more likely a unit slip."""
    w = _wajar(bati_bati_2024(), 4)
    assert [(x.jenis, x.lokasi, x.ditemukan) for x in w] == [("capaian_tidak_wajar", "indikator IKU-1", "914,29 %")]
    assert "di atas 200 %" in w[0].pesan
    assert _wajar(bajuin_2025(), 4) == []  # 140 % is high but plausible


@pytest.mark.parametrize("lalu,kini,peringatan", [(80, 8, True), (80, 26, True), (80, 27, False), (80, 240, False),
                                                  (80, 241, True), (0, 50, False), (None, 50, False)])
def test_target_jauh_dari_tahun_lalu(lalu, kini, peringatan):
    target = {2025: [("PK", kini, None, None)]}
    if lalu is not None:
        target[2024] = [("PK", lalu, None, None)]
    ind = indikator("IKU-5", "Persentase Layanan Tepat Waktu", target=target, realisasi={2025: {1: kini / 4}})
    w = _wajar(periode("Uji", 2025, indikator_list=[ind]), 1)
    assert [x.jenis for x in w] == (["target_jauh_dari_tahun_lalu"] if peringatan else [])
    if peringatan:
        assert w[0].ditemukan == fmt.persen(kini) and w[0].diharapkan == f"antara {fmt.persen(lalu / 3)} dan " \
            f"{fmt.persen(lalu * 3)}"
