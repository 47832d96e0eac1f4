"""The Cadangan tab of Pengaturan: check a backup, refuse a restore into a database that holds data, and
restore into an empty one from the page a new server shows."""

from __future__ import annotations

import pytest

from apputil import buka, semua_teks, tanpa_galat
from dashboard.cadangan import buat_cadangan
from models.db import get_engine


@pytest.fixture
def zip_demo(app_db):
    return buat_cadangan(engine=get_engine(app_db))


def _unggah(at, isi: bytes):
    at.file_uploader(key="pengaturan_berkas_cadangan").upload("cadangan.zip", isi, "application/zip").run()


def test_check_and_refused_restore(app_db, zip_demo):
    at = buka("pengaturan", "Bajuin", 2025, 4)
    tanpa_galat(at)
    _unggah(at, zip_demo)
    at.button(key="pengaturan_periksa_cadangan").click().run()
    assert any("Cadangan utuh" in s.value for s in at.success), semua_teks(at)
    at.button(key="pengaturan_pulihkan_cadangan").click().run()
    assert any("tidak kosong" in e.value for e in at.error), semua_teks(at)
    _unggah(at, zip_demo[:1000])
    at.button(key="pengaturan_periksa_cadangan").click().run()
    assert any("bukan ZIP yang utuh" in e.value for e in at.error)
    tanpa_galat(at)


def test_restore_into_empty_server(zip_demo, tmp_path, monkeypatch):
    import streamlit as st

    from dashboard.basisdata import siapkan_basis_data

    url = f"sqlite:///{tmp_path / 'kosong.db'}"
    siapkan_basis_data(url)
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()
    at = buka(sebagai=None)  # a new server has no account yet: its first page offers the restore
    tanpa_galat(at)
    assert "penyiapan awal" in semua_teks(at) and "admin pertama" in semua_teks(at)
    _unggah(at, zip_demo)
    at.button(key="pengaturan_pulihkan_cadangan").click().run()
    tanpa_galat(at)
    assert any("dipulihkan" in s.value for s in at.success), semua_teks(at)
    st.cache_data.clear()
    get_engine(url).dispose()
