"""The Ringkasan page for every demo kecamatan and every TW of its year, read as a user reads it."""

from __future__ import annotations

import pytest

from apputil import buka, grafik_jenis, metrik, semua_teks, tanpa_galat
from dashboard import format as fmt

PERIODE = [("Bati-Bati", 2024), ("Bajuin", 2025), ("Pelaihari", 2025), ("Contoh Sintetis", 2025)]
GAUGE = ["iku", "serapan", "desa_mandiri", "efisiensi", "ikm"]


def _ringkasan(nama, tahun, tw):
    from dashboard.data import muat_satu
    from dashboard.ringkasan import ringkasan, teks_rasio
    from models.db import session_scope

    with session_scope() as s:
        p = muat_satu(s, nama, tahun)
    d = ringkasan(p, tw)
    d["teks_rasio"] = teks_rasio(p, d["desa"]["rasio"])
    return d


@pytest.mark.parametrize("nama,tahun", PERIODE)
def test_setiap_triwulan_sama_dengan_fungsi_domain(app_db, nama, tahun):
    at = buka(None, nama, tahun, 1)
    for tw in (1, 2, 3, 4):
        if tw > 1:
            at.session_state["triwulan"] = tw
            at.switch_page("pages/ringkasan.py").run()
        tanpa_galat(at)
        d = _ringkasan(nama, tahun, tw)
        m = metrik(at)
        assert m["Capaian IKU"] == fmt.persen(d["iku"]["rata_rata_capaian"])
        assert m["Serapan"] == fmt.persen(d["anggaran"]["serapan"])
        assert m["Desa mandiri"] == d["teks_rasio"]
        assert m["Efisiensi"] == fmt.efisiensi(d["efisiensi"]["nilai"], d["efisiensi"]["metode"])
        assert m["IKM"].startswith(fmt.angka(d["skm"]["ikm"]))
        specs = grafik_jenis(at, "gauge")
        assert [s["usermeta"]["pantau"]["ukuran"] for s in specs] == GAUGE
        for s, nilai in zip(specs, [d["iku"]["rata_rata_capaian"], d["anggaran"]["serapan"], d["desa"]["rasio"],
                                    d["efisiensi"]["nilai"], d["skm"]["ikm"]]):
            assert s["usermeta"]["pantau"]["nilai"] == (pytest.approx(nilai) if nilai is not None else None)


def test_bati_bati_tw_iv_seperti_laporan(app_db):
    at = buka(None, "Bati-Bati", 2024, 4)
    tanpa_galat(at)
    m = metrik(at)
    assert m["Serapan"] == "90,23 %"
    assert m["Desa mandiri"] == "64,29 %"  # 9 of 14 desa; the IKU states it as a ratio 0,64, shown in %
    gauges = grafik_jenis(at, "gauge")
    assert len(gauges) == 5
    teks = {s["usermeta"]["pantau"]["ukuran"]: s["usermeta"]["pantau"]["teks"] for s in gauges}
    assert teks["serapan"] == "90,23 %"
    assert gauges[1]["usermeta"]["pantau"]["nilai"] == pytest.approx(90.2284, abs=1e-4)
    assert teks["desa_mandiri"] == "64,29 %"  # the IKU states it as a ratio (0,64): shown in %


def test_bajuin_tw_iv_dan_tabel_iku(app_db):
    at = buka(None, "Bajuin", 2025, 4)
    tanpa_galat(at)
    m = metrik(at)
    assert m["Capaian IKU"] == "119,86 %"
    assert m["Serapan"] == "88,13 %"
    assert m["IKM"] == "87,26 (B)"
    assert m["Efisiensi"] == "26,47 %"
    tabel = at.dataframe[0].value
    assert list(tabel["Kategori"]) == ["Sangat Tinggi", "Sangat Tinggi"]
    assert sorted(round(v, 2) for v in tabel["Capaian (%)"]) == [99.73, 140.0]


def test_data_yang_belum_ada_dikatakan(app_db):
    at = buka(None, "Bajuin", 2025, 2)
    tanpa_galat(at)
    assert metrik(at)["Serapan"] == "—"
    teks = semua_teks(at)
    assert "belum ada data realisasi TW II" in teks and "TW IV" in teks
    gauge_serapan = grafik_jenis(at, "gauge")[1]
    assert gauge_serapan["usermeta"]["pantau"]["nilai"] is None


def test_frame_dari_alamat(app_db):
    from streamlit.testing.v1 import AppTest

    from apputil import APP, akun_uji

    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["_token_sesi"] = akun_uji()
    at.query_params["kecamatan"] = "Pelaihari"
    at.query_params["tahun"] = "2025"
    at.query_params["triwulan"] = "IV"
    at.run()
    tanpa_galat(at)
    assert at.session_state["kecamatan"] == "Pelaihari" and at.session_state["triwulan"] == 4
    assert metrik(at)["IKM"] == "95,54 (A)"


def test_peringatan_dengan_sumber(app_db):
    at = buka(None, "Bati-Bati", 2024, 4)
    tanpa_galat(at)
    teks = semua_teks(at)
    assert "Peringatan data" in teks
    df = at.dataframe[-1].value
    assert "IKM tercetak berbeda dari hitungan" in set(df["Jenis"])  # in words, not its key
    assert "Halaman SKM" in set(df["Sumber"])


def test_kecamatan_sintetis_ditandai(app_db):
    at = buka(None, "Contoh Sintetis", 2025, 4)
    tanpa_galat(at)
    assert "data sintetis" in semua_teks(at)


def test_basis_data_kosong(db_url):
    import streamlit as st

    st.cache_data.clear()
    at = buka(None)
    tanpa_galat(at)
    assert "Belum ada kecamatan" in semua_teks(at)
