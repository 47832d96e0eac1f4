"""Deep links (`?kecamatan=…&tahun=…&triwulan=…`): what cannot be shown is said on the page (issue 8, D22)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from apputil import APP, akun_uji, tampak, tanpa_galat


def _buka(**param) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["_token_sesi"] = akun_uji()
    for k, v in param.items():
        at.query_params[k] = v
    at.run()
    return at


def _peringatan(at) -> list[str]:
    return [tampak(w.value).replace("**", "") for w in at.warning if "Tautan yang dibuka" in w.value]


def test_tautan_ke_kecamatan_dan_periode_yang_tidak_ada(app_db):
    at = _buka(kecamatan="Tidakada", tahun="1999", triwulan="9")
    tanpa_galat(at)
    [pesan] = _peringatan(at)
    assert "kecamatan Tidakada tidak ada di basis data" in pesan
    assert "tahun 1999" in pesan and "triwulan 9 tidak dikenal" in pesan
    assert "pilihan bawaan: Kecamatan Bajuin, TW IV 2025" in pesan
    # The default is shown, and the frame and the URL say which.
    assert at.session_state["kecamatan"] == "Bajuin" and at.session_state["triwulan"] == 4
    assert at.sidebar.selectbox[0].value == "Bajuin"
    assert at.query_params["kecamatan"] == "Bajuin"
    # Once the reader picks another period, the notice has done its job.
    at.sidebar.selectbox[2].set_value(2).run()
    assert not _peringatan(at)


def test_tahun_tanpa_data_menyebut_tahun_yang_ada(app_db):
    at = _buka(kecamatan="Pelaihari", tahun="2019", triwulan="3")
    [pesan] = _peringatan(at)
    assert "tahun 2019 belum punya data untuk Kecamatan Pelaihari (tahun yang ada: 2025, " in pesan
    assert (at.session_state["kecamatan"], at.session_state["tahun"], at.session_state["triwulan"]) == \
        ("Pelaihari", 2025, 3)


def test_tautan_yang_benar_tanpa_peringatan(app_db):
    at = _buka(kecamatan="Pelaihari", tahun="2025", triwulan="II")
    tanpa_galat(at)
    assert not _peringatan(at)
    assert (at.session_state["kecamatan"], at.session_state["tahun"], at.session_state["triwulan"]) == \
        ("Pelaihari", 2025, 2)
