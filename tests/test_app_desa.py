"""The Desa page (AppTest) on the demo database, against the report figures and the domain functions."""

from __future__ import annotations

import pytest

from apputil import buka, grafik_jenis, metrik, semua_teks, tanpa_galat
from dashboard import analisis_desa as ad
from dashboard.data import muat_satu
from dashboard.ringkasan import hitung_desa
from models.db import get_engine, session_scope

DEMO_KECAMATAN = [("Bati-Bati", 2024), ("Bajuin", 2025), ("Pelaihari", 2025), ("Contoh Sintetis", 2025)]
TOL = 0.01


def periode(url: str, nama: str, tahun: int):
    with session_scope(get_engine(url)) as s:
        return muat_satu(s, nama, tahun)


def tabel_dengan(at, kolom: str):
    return next(d.value for d in at.dataframe if kolom in d.value.columns)


@pytest.mark.parametrize("nama,tahun", DEMO_KECAMATAN)
def test_setiap_kecamatan_dan_triwulan(app_db, nama, tahun):
    p = periode(app_db, nama, tahun)
    h = hitung_desa(p)
    at = buka("desa", nama, tahun, 4)
    for tw in (4, 3, 2, 1):
        if tw != 4:
            at.session_state["triwulan"] = tw
            at.run()
        tanpa_galat(at)
        m = metrik(at)
        assert m[f"Rasio desa mandiri {tahun}"] == ad.teks_rasio(p, h["rasio"])
        assert m["Desa Mandiri"] == f"{h['mandiri']} dari {h['jumlah']}"
        assert grafik_jenis(at, "desa_status") and grafik_jenis(at, "desa_rasio_tahunan")


def test_bajuin_belum_mandiri_lingkungan(app_db):
    at = buka("desa", "Bajuin", 2025, 4)
    tanpa_galat(at)
    m = metrik(at)
    assert m["Rasio desa mandiri 2025"] == "77,78 %" and m["Desa Mandiri"] == "7 dari 9"
    belum = tabel_dengan(at, "Dimensi penghambat").set_index("Desa")
    assert sorted(belum.index) == ["Pemalongan", "Tanjung"]
    assert set(belum["Dimensi penghambat"]) == {"Lingkungan"}
    assert belum.loc["Pemalongan", "Kurang ke Mandiri (poin)"] == pytest.approx(8.45, abs=TOL)
    assert "desa Mandiri se-kecamatan" in semua_teks(at)
    assert "Indeks Desa 2024" in semua_teks(at) and "Mandiri ≥ 79,63" in semua_teks(at)


def test_pelaihari_sebaran_selisih_dan_kelurahan(app_db):
    at = buka("desa", "Pelaihari", 2025, 4)
    tanpa_galat(at)
    spec = grafik_jenis(at, "desa_status")[0]
    baris = [r for rows in spec["datasets"].values() for r in rows]
    assert [(r["Status"], r["Jumlah desa"]) for r in baris] == [
        ("Mandiri", 12), ("Maju", 2), ("Berkembang", 1), ("Tertinggal", 0), ("Sangat Tertinggal", 0)]
    assert spec["usermeta"]["pantau"]["tahun"] == 2025
    belum = tabel_dengan(at, "Dimensi penghambat").set_index("Desa")
    assert belum.loc["Panjaratan", "Kurang ke Mandiri (poin)"] == pytest.approx(11.28, abs=TOL)
    assert belum.loc["Panjaratan", "Status"] == "Berkembang"
    semua = tabel_dengan(at, "Dihitung").set_index("Desa/Kelurahan")
    for kelurahan in ("Angsau", "Pelaihari"):
        assert semua.loc[kelurahan, "Jenis"] == "Kelurahan" and semua.loc[kelurahan, "Dihitung"] == "tidak"
    assert (semua["Dihitung"] == "ya").sum() == 15
    assert metrik(at)["Rasio desa mandiri 2025"] == "80,00 %"


def test_bati_bati_rasio_dan_perubahan_status(app_db):
    at = buka("desa", "Bati-Bati", 2024, 2)
    tanpa_galat(at)
    m = metrik(at)
    assert m["Rasio desa mandiri 2024"] == "64,29 %"  # the IKU states it as a ratio (0,64): shown in %
    assert m["Desa Mandiri"] == "9 dari 14" and m["Berubah status sejak 2023"] == "7 desa"
    ubah = tabel_dengan(at, "Perubahan")
    assert sorted(ubah["Desa"]) == sorted(["Benua Raya", "Ujung", "Ujung Baru", "Kait-Kait", "Bentok Darat",
                                           "Bentok Kampung", "Liang Anggang"])
    assert set(zip(ubah["Status 2023"], ubah["Status 2024"], ubah["Perubahan"])) == {("Maju", "Mandiri", "naik")}
    rasio = grafik_jenis(at, "desa_rasio_tahunan")[0]
    baris = [r for rows in rasio["datasets"].values() for r in rows]
    dari_status = {r["Tahun"]: r["nilai"] for r in baris if r["seri"] == "Dari status desa"}
    assert dari_status == pytest.approx({"2023": 200 / 14, "2024": 900 / 14})  # percent, like every rasio
    assert "IDM 2016" in semua_teks(at)
    assert "tidak memuat skor" in semua_teks(at)  # the report gives statuses only


def test_kecamatan_tanpa_data_dan_desa_persiapan(app_db):
    from models.tables import Desa, DesaStatus, Kecamatan

    with session_scope(get_engine(app_db)) as s:
        s.add(Kecamatan(nama="Takisung", kabupaten="Tanah Laut"))
    at = buka("desa", "Takisung", None, 4)
    tanpa_galat(at)
    assert "Belum ada daftar desa" in semua_teks(at) and "Unggah Data" in semua_teks(at)
    # a desa persiapan of Bajuin is listed but not counted: the rasio stays 7 of 9
    with session_scope(get_engine(app_db)) as s:
        kid = s.query(Kecamatan.id).filter(Kecamatan.nama == "Bajuin").scalar()
        d = Desa(kecamatan_id=kid, nama="Bajuin Baru", definitif=False)
        s.add(d)
        s.flush()
        s.add(DesaStatus(desa_id=d.id, tahun=2025, status="Berkembang", skor=60.0))
    at = buka("desa", "Bajuin", 2025, 4)
    tanpa_galat(at)
    assert metrik(at)["Desa Mandiri"] == "7 dari 9" and metrik(at)["Rasio desa mandiri 2025"] == "77,78 %"
    semua = tabel_dengan(at, "Dihitung").set_index("Desa/Kelurahan")
    assert semua.loc["Bajuin Baru", "Jenis"] == "Desa persiapan" and semua.loc["Bajuin Baru", "Dihitung"] == "tidak"
    assert "Bajuin Baru" not in set(tabel_dengan(at, "Dimensi penghambat")["Desa"])
