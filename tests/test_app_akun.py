"""Issue 9 through the pages: the login form, the first admin, what each role's navigation and kecamatan picker
offer, a deep link to a foreign kecamatan refused, reading without login, and the Pengguna and Audit tabs."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from apputil import APP, SANDI_UJI, akun_uji, buka, semua_teks, tanpa_galat
from dashboard import akun
from models.db import get_engine, session_scope
from models.tables import Pengguna


def _halaman(at: AppTest) -> set[str]:
    return {p["page_name"] for p in at._registered_pages.values()}


def _teks(at: AppTest, label: str):
    return next(t for t in at.text_input if t.label == label)


def _audit(**kw) -> list[dict]:
    with session_scope() as s:
        return akun.baca_audit(s, **kw)


SEMUA_HALAMAN = {"Ringkasan", "IKU", "Anggaran", "SKM", "Desa", "Kabupaten", "Laporan", "Unggah Data", "Pengaturan"}


@pytest.mark.parametrize("peran,kecamatan,halaman", [
    ("admin", None, SEMUA_HALAMAN),
    ("operator", ["Bajuin"], SEMUA_HALAMAN - {"Pengaturan", "Kabupaten"}),
    ("operator", ["Bajuin", "Pelaihari"], SEMUA_HALAMAN - {"Pengaturan"}),
    ("pimpinan", ["Pelaihari"], SEMUA_HALAMAN - {"Pengaturan", "Unggah Data", "Kabupaten"}),
    ("pimpinan", None, SEMUA_HALAMAN - {"Pengaturan", "Unggah Data"}),
])
def test_navigasi_dan_pilihan_kecamatan_per_peran(app_db, peran, kecamatan, halaman):
    from models.tables import Kecamatan

    at = buka(sebagai=peran, akun_kecamatan=kecamatan)
    tanpa_galat(at)
    assert _halaman(at) == halaman
    with session_scope() as s:
        semua = set(s.execute(select(Kecamatan.nama)).scalars())
    kec = next(x for x in at.sidebar.selectbox if x.label == "Kecamatan")
    assert {o.removesuffix(" (data sintetis)") for o in kec.options} == (set(kecamatan) if kecamatan else semua)
    masuk = " ".join(c.value for c in at.sidebar.caption)
    assert "Masuk sebagai" in masuk and akun.PERAN[peran] in masuk
    assert at.sidebar.button(key="tombol_keluar")


def test_tautan_ke_kecamatan_lain_ditolak(app_db):
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["_token_sesi"] = akun_uji("camat.bajuin", "pimpinan", ["Bajuin"])
    at.query_params["kecamatan"] = "Pelaihari"
    at.query_params["tahun"] = "2025"
    at.run()
    tanpa_galat(at)
    assert any("Akses ditolak" in e.value and "Pelaihari" in e.value for e in at.error), semua_teks(at)
    assert not at.metric, "the foreign kecamatan's figures must not be shown"
    assert at.session_state["kecamatan"] == "Bajuin"
    r = _audit(jenis="akses_ditolak")[0]
    assert (r["pengguna"], r["kecamatan"]) == ("camat.bajuin", "Pelaihari")


def test_form_masuk_gagal_lalu_berhasil(app_db):
    akun_uji("op.bajuin", "operator", ["Bajuin"])
    at = AppTest.from_file(APP, default_timeout=60).run()
    tanpa_galat(at)
    assert "Masuk" in [s.value for s in at.subheader] and not at.metric
    _teks(at, "Nama pengguna").input("op.bajuin")
    _teks(at, "Kata sandi").input("salah-sekali")
    at.button[0].click().run()
    assert any("Nama pengguna atau kata sandi salah" in e.value for e in at.error)
    _teks(at, "Nama pengguna").input("op.bajuin")
    _teks(at, "Kata sandi").input(SANDI_UJI)
    at.button[0].click().run()
    tanpa_galat(at)
    assert at.session_state["_pelaku"].nama == "op.bajuin"
    state = at._session_state._state  # every value Streamlit keeps for the session, widgets' included
    isi = {**state._old_state, **state._new_session_state, **{k: state._new_widget_state.get(k)
                                                                for k in state._new_widget_state.keys()}}
    assert SANDI_UJI not in repr(isi), "no password in session_state"
    assert [r["jenis"] for r in _audit(pengguna="op.bajuin")][:2] == ["masuk", "masuk_gagal"]


def test_admin_pertama_di_halaman(db_url):
    import streamlit as st

    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60).run()
    tanpa_galat(at)
    assert "penyiapan awal" in semua_teks(at)
    _teks(at, "Nama pengguna admin").input("admin.kab")
    _teks(at, "Kata sandi").input("sandi-admin-1")
    _teks(at, "Ulangi kata sandi").input("sandi-beda-2")
    at.button[0].click().run()
    assert any("tidak sama" in e.value for e in at.error)
    _teks(at, "Nama pengguna admin").input("admin.kab")
    _teks(at, "Kata sandi").input("sandi-admin-1")
    _teks(at, "Ulangi kata sandi").input("sandi-admin-1")
    at.button[0].click().run()
    tanpa_galat(at)
    with session_scope() as s:
        assert s.execute(select(Pengguna.nama, Pengguna.peran)).all() == [("admin.kab", "admin")]
    assert at.session_state["_pelaku"].peran == "admin"
    st.cache_data.clear()


def test_membaca_tanpa_login_bila_diizinkan(app_db):
    with session_scope() as s:
        akun.simpan_setelan(s, "akses_baca_tanpa_login", "1", pengguna=akun.pelaku_sistem())
    akun_uji()  # an account exists: otherwise the first-start page comes first
    at = buka(sebagai=None, kecamatan="Bajuin", tahun=2025, triwulan=4)
    tanpa_galat(at)
    assert at.metric, "a reader without login sees the figures"
    assert _halaman(at) == SEMUA_HALAMAN - {"Pengaturan", "Unggah Data"}
    assert at.sidebar.button(key="tombol_masuk")
    # The login button asks for the form (AppTest reruns only the page after the first run: start there).
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["_mau_masuk"] = True
    at.run()
    assert "Masuk" in [s.value for s in at.subheader] and not at.metric


def test_tab_pengguna_dan_audit(app_db):
    at = buka("pengaturan")
    tanpa_galat(at)
    at.text_input(key="akun_tambah_nama").input("op.pelaihari")
    at.selectbox(key="akun_tambah_peran").select("operator")
    at.multiselect(key="akun_tambah_kec").select("Pelaihari")
    _teks(at, "Kata sandi awal").input("sandi-operator-1")
    _teks(at, "Ulangi kata sandi").input("sandi-operator-1")
    at.button(key="akun_tambah_kirim").click().run()
    tanpa_galat(at)
    assert "Pengguna op.pelaihari ditambahkan" in semua_teks(at)
    with session_scope() as s:
        assert [u["kecamatan"] for u in akun.daftar_pengguna(s) if u["nama"] == "op.pelaihari"] == [["Pelaihari"]]
    # The Audit tab lists it, with the acting admin; the filter by kind keeps only such rows.
    tabel = next(d.value for d in at.dataframe if "Uraian" in d.value.columns and "Hasil" in d.value.columns)
    assert "Pengguna 'op.pelaihari' ditambahkan" in list(tabel["Uraian"])
    assert set(tabel[tabel["Uraian"] == "Pengguna 'op.pelaihari' ditambahkan"]["Pengguna"]) == {"admin.uji"}
    at.selectbox(key="audit_jenis").select("masuk_gagal").run()
    assert not any("Uraian" in d.value.columns and "Hasil" in d.value.columns for d in at.dataframe)
    from dashboard.ui_akun import tabel_audit

    with session_scope() as s:
        df = tabel_audit(akun.baca_audit(s))
    assert list(df.columns) == ["Waktu", "Pengguna", "Peran", "Alamat", "Jenis", "Hasil", "Kecamatan", "Uraian",
                                "Sebelum", "Sesudah"]


def test_operator_tidak_melihat_tombol_kecamatan_lain(app_db):
    """The upload history offers undo and the original file only for the operator's own kecamatan's imports."""
    from dashboard.impor import impor, riwayat
    from test_impor_bantu import GOOD

    impor("anggaran", (GOOD / "anggaran_koma.csv").read_bytes(), "anggaran_koma.csv", kecamatan="Pelaihari",
          tahun=2025, triwulan=4, pengguna=akun.pelaku_sistem())
    with session_scope() as s:
        iid = riwayat(s)[0]["id"]
    at = buka("unggah", sebagai="operator", akun_kecamatan=["Bajuin"])
    tanpa_galat(at)
    assert not [b for b in at.button if b.key == f"unggah_batal_{iid}"]
    assert not [b for b in at.get("download_button") if getattr(b, "key", None) == f"unggah_asli_{iid}"]


def test_nama_pengguna_jahat_tidak_menjadi_markdown(app_db):
    """A user name is user text: escaped wherever Markdown renders it (the sidebar, the Pengguna tab)."""
    from apputil import markdown_tak_aman, teks_markdown

    jahat = "**tebal**[t](http://x.id)![g](x.png)$x$:red[merah]<img>`kode`"
    assert len(jahat) <= 64
    with session_scope() as s:
        akun.tambah_pengguna(s, jahat, "sandi-panjang-1", "pimpinan", ["Bajuin"], pengguna=akun.pelaku_sistem())
    dia = AppTest.from_file(APP, default_timeout=60)
    dia.session_state["_token_sesi"] = akun_uji(jahat)
    dia.run()
    admin = buka("pengaturan")
    for at in (dia, admin):
        tanpa_galat(at)
        masalah = [(tempat, teks) for tempat, teks in teks_markdown(at) if markdown_tak_aman(teks)]
        assert not masalah, masalah
    assert any("tebal" in c.value for c in dia.sidebar.caption)
