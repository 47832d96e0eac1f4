"""The Desa page's builders (dashboard/analisis_desa.py) on the reports' figures, and its one query."""

from __future__ import annotations

import pytest

from dashboard import analisis_desa as ad
from dashboard.ringkasan import hitung_desa
from periode_buatan import DIMENSI_2024, bajuin_2025, bati_bati_2024, desa, indikator, periode

TOL = 0.01

PELAIHARI = (
    ("Bumi Jaya", (146, 76, 148, 90, 46, 67), 90.24, "Mandiri"),
    ("Sungai Riam", (149, 56, 130, 82, 48, 69), 84.09, "Mandiri"),
    ("Tampang", (154, 71, 133, 82, 49, 58), 86.14, "Mandiri"),
    ("Telaga", (139, 59, 123, 74, 48, 77), 81.89, "Mandiri"),
    ("Atu-Atu", (143, 60, 155, 82, 47, 61), 86.30, "Mandiri"),
    ("Panggung", (129, 67, 132, 80, 47, 60), 81.10, "Mandiri"),
    ("Tungkaran", (135, 75, 109, 86, 44, 80), 83.31, "Mandiri"),
    ("Ambungan", (126, 74, 142, 65, 49, 63), 81.73, "Mandiri"),
    ("Guntung Besar", (135, 66, 131, 84, 43, 74), 83.94, "Mandiri"),
    ("Kampung Baru", (138, 68, 128, 82, 41, 67), 82.52, "Mandiri"),
    ("Sumber Mulia", (153, 77, 145, 78, 47, 70), 89.76, "Mandiri"),
    ("Pemuda", (132, 77, 145, 82, 49, 77), 88.50, "Mandiri"),
    ("Ujung Batu", (145, 60, 101, 66, 36, 64), 74.33, "Maju"),
    ("Panggung Baru", (147, 72, 98, 52, 42, 60), 74.17, "Maju"),
    ("Panjaratan", (119, 48, 108, 57, 46, 56), 68.35, "Berkembang"),
)


def pelaihari_2025():
    desa_list = [desa(n, {2025: (st, sk, dm)}, nomor=i) for i, (n, dm, sk, st) in enumerate(PELAIHARI)]
    desa_list += [desa("Angsau", {}, jenis="kelurahan", nomor=20), desa("Pelaihari", {}, jenis="kelurahan", nomor=21)]
    dm = indikator("IKU-1", "Persentase Desa Mandiri di Kecamatan", hitung="rasio_desa_mandiri",
                   target={2025: [("PK", 66.666667, None, 80)]}, realisasi={2024: {4: 60}, 2025: {4: 80}})
    return periode("Pelaihari", 2025, indikator_list=[dm], desa_list=desa_list)


def test_bajuin_belum_mandiri_dan_penghambat():
    p = bajuin_2025()
    df = ad.tabel_belum_mandiri(p).set_index("Desa")
    assert sorted(df.index) == ["Pemalongan", "Tanjung"]
    assert set(df["Dimensi penghambat"]) == {"Lingkungan"}
    assert df.loc["Pemalongan", "Kurang ke Mandiri (poin)"] == pytest.approx(8.45, abs=TOL)
    assert df.loc["Tanjung", "Kurang ke Mandiri (poin)"] == pytest.approx(7.03, abs=TOL)
    assert df.loc["Pemalongan", "Rata-rata desa Mandiri"] == pytest.approx(554 / 7)  # mean Lingkungan of 7 Mandiri
    assert df.loc["Tanjung", "Terhadap rata-rata Mandiri (%)"] == pytest.approx(46 / (554 / 7) * 100)
    assert ad.pembanding(p).lingkup == "kecamatan"
    h = hitung_desa(p)
    assert h["rasio"] == pytest.approx(77.78, abs=TOL) and (h["mandiri"], h["jumlah"]) == (7, 9)
    assert ad.teks_rasio(p, h["rasio"]) == "77,78 %"


def test_pelaihari_status_selisih_dan_kelurahan():
    p = pelaihari_2025()
    dist = ad.tabel_distribusi(p)
    assert dict(zip(dist["Status"], dist["Jumlah desa"])) == {
        "Mandiri": 12, "Maju": 2, "Berkembang": 1, "Tertinggal": 0, "Sangat Tertinggal": 0}
    belum = ad.tabel_belum_mandiri(p).set_index("Desa")
    assert belum.loc["Panjaratan", "Kurang ke Mandiri (poin)"] == pytest.approx(11.28, abs=TOL)
    assert belum.loc["Ujung Batu", "Kurang ke Mandiri (poin)"] == pytest.approx(5.30, abs=TOL)
    semua = ad.tabel_desa(p).set_index("Desa/Kelurahan")
    assert semua.loc["Angsau", "Jenis"] == "Kelurahan" and semua.loc["Angsau", "Dihitung"] == "tidak"
    assert semua.loc["Pelaihari", "Status"] == "tidak dihitung"
    assert semua.loc["Panjaratan", "Dihitung"] == "ya" and semua.loc["Panjaratan", "Lingkungan"] == 57
    assert hitung_desa(p)["jumlah"] == 15


def test_bati_bati_rasio_dan_perubahan_status():
    p = bati_bati_2024()
    h = hitung_desa(p)
    assert (h["mandiri"], h["jumlah"]) == (9, 14)
    # The IKU states it as a ratio (0,64); every display shows the rasio as a percentage (issue 8, D21).
    assert ad.pakai_rasio(p) and ad.teks_rasio(p, h["rasio"]) == "64,29 %"
    ubah = ad.tabel_perubahan_status(p)
    assert sorted(ubah["Desa"]) == sorted(["Benua Raya", "Ujung", "Ujung Baru", "Kait-Kait", "Bentok Darat",
                                           "Bentok Kampung", "Liang Anggang"])
    assert set(ubah["Status 2023"]) == {"Maju"} and set(ubah["Status 2024"]) == {"Mandiri"}
    assert set(ubah["Perubahan"]) == {"naik"}
    tahunan = ad.tabel_rasio_tahunan(p).set_index("Tahun")
    assert "Rasio desa mandiri (%)" in tahunan.columns  # a percentage, also where the IKU is a ratio
    assert tahunan.loc["2023", "Rasio desa mandiri (%)"] == pytest.approx(200 / 14)
    assert tahunan.loc["2024", "Rasio desa mandiri (%)"] == pytest.approx(900 / 14)
    assert tahunan.loc["2024", "Realisasi IKU (%)"] == pytest.approx(64)
    assert tahunan.loc["2024", "Target IKU (%)"] == pytest.approx(7)
    # no dimension scores: the table still lists the five Maju desa, without a penghambat
    belum = ad.tabel_belum_mandiri(p)
    assert len(belum) == 5 and set(belum["Dimensi penghambat"]) == {"—"}
    assert "IDM 2016" in ad.skema_label(p) and "Mandiri > 0,8155" in ad.teks_ambang(p)


def test_turun_status():
    p = periode("Uji", 2025, desa_list=[desa("A", {2024: ("Mandiri", None, None), 2025: ("Maju", None, None)})])
    assert ad.tabel_perubahan_status(p)["Perubahan"].tolist() == ["turun"]


def test_ambang_dari_pengaturan():
    p = periode("Uji", 2025, desa_list=[desa("A", {2025: ("Maju", 75.0, None)})],
                ambang_indeks_desa_2024='[[76.0, true, "Mandiri"], [70.0, true, "Maju"], '
                                        '[60.0, true, "Berkembang"], [50.0, true, "Tertinggal"]]')
    assert ad.batas_mandiri(p) == 76.0
    assert ad.tabel_belum_mandiri(p)["Kurang ke Mandiri (poin)"].tolist() == [pytest.approx(1.0)]
    assert ad.teks_ambang(p).startswith("Mandiri ≥ 76,00")


def test_grafik_distribusi_dan_rasio():
    p = bajuin_2025()
    spec = ad.grafik_distribusi(ad.tabel_distribusi(p), 2025).to_dict()
    assert spec["usermeta"]["pantau"]["jenis"] == "desa_status"
    baris = next(iter(spec["datasets"].values()))
    assert [(r["Status"], r["Jumlah desa"]) for r in baris] == [
        ("Mandiri", 7), ("Maju", 2), ("Berkembang", 0), ("Tertinggal", 0), ("Sangat Tertinggal", 0)]
    spec = ad.grafik_rasio_tahunan(ad.tabel_rasio_tahunan(p), p).to_dict()
    assert spec["usermeta"]["pantau"]["jenis"] == "desa_rasio_tahunan"
    skor = ad.grafik_skor(p).to_dict()
    assert skor["usermeta"]["pantau"]["jenis"] == "desa_skor"
    assert ad.grafik_skor(bati_bati_2024()) is None  # no scores printed


def test_pembanding_kabupaten(db_url):
    """A kecamatan without Mandiri desa compares its desa with the Mandiri desa of the other kecamatan."""
    from models.db import get_engine, session_scope
    from models.tables import Desa, DesaStatus, Kecamatan

    with session_scope(get_engine(db_url)) as s:
        a = Kecamatan(nama="A", kabupaten="Tanah Laut")
        b = Kecamatan(nama="B", kabupaten="Tanah Laut")
        c = Kecamatan(nama="C", kabupaten="Banjar")
        s.add_all([a, b, c])
        s.flush()
        for kec, nama, status, dims in [
            (b, "B1", "Mandiri", (150, 70, 140, 80, 45, 70)), (b, "B2", "Mandiri", (140, 70, 140, 60, 45, 70)),
            (b, "B3", "Maju", (100, 60, 100, 50, 40, 60)), (c, "C1", "Mandiri", (10, 10, 10, 10, 10, 10)),
            (a, "A1", "Berkembang", (120, 70, 130, 40, 44, 65))]:
            d = Desa(kecamatan_id=kec.id, nama=nama)
            s.add(d)
            s.flush()
            s.add(DesaStatus(desa_id=d.id, tahun=2025, status=status, skor=sum(dims) / 6.35,
                             **dict(zip(("layanan_dasar", "sosial", "ekonomi", "lingkungan", "aksesibilitas",
                                         "tata_kelola"), dims))))
        kid_a = a.id
    with session_scope(get_engine(db_url)) as s:
        kab = ad.desa_mandiri_kabupaten(s, "Tanah Laut", 2025, DIMENSI_2024, kid_a)
    assert sorted(d.nama for d in kab) == ["B1", "B2"]  # Mandiri only, this kabupaten only
    p = periode("A", 2025, desa_list=[desa("A1", {2025: ("Berkembang", 72.0, (120, 70, 130, 40, 44, 65))})])
    assert ad.perlu_pembanding_kabupaten(p)
    pb = ad.pembanding(p, 2025, kab)
    assert pb.lingkup == "kabupaten"
    baris = ad.tabel_belum_mandiri(p, 2025, pb).iloc[0]
    assert baris["Dimensi penghambat"] == "Lingkungan" and baris["Rata-rata desa Mandiri"] == pytest.approx(70)
