"""A file's warnings (a JUMLAH row that does not add up, a printed percentage that does not follow) stand once:
re-importing the file does not repeat them, a later import of the same dataset and scope (kecamatan, tahun,
triwulan) replaces them, and undoing that later import brings the earlier ones back. Read where the user sees
them: `summary --json` (both databases) and the Ringkasan page."""

from __future__ import annotations

import json

import pytest

from dashboard import cli
from dashboard.impor import batalkan, impor
from models.db import get_engine, session_scope
from models.tables import Kecamatan

KEC = "Tambang Ulang"
# TW II of a SIPD-style table: its JUMLAH row and one printed percentage are wrong
SALAH = """kode,uraian,pagu,realisasi,persen
7.01.01,Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota,1000000,400000,40.00
7.01.02,Program Penyelenggaraan Pemerintahan dan Pelayanan Publik,500000,100000,25.00
,JUMLAH,1500000,600000,40.00
"""
BENAR = SALAH.replace("100000,25.00", "100000,20.00").replace(",600000,40.00", ",500000,33.33")
TW3 = SALAH.replace("400000,40.00", "700000,70.00").replace("100000,25.00", "300000,60.00").replace(
    ",600000,40.00", ",1000000,66.67")


def _impor(url, isi: str, nama: str, tw: int = 2):
    h = impor("anggaran", isi.encode(), nama, engine=get_engine(url), kecamatan=KEC, tahun=2025, triwulan=tw,
              gaya_angka="en", pengguna="uji")
    assert h.status == "berhasil", [g.pesan for g in h.galat]
    return h


def _peringatan_berkas(capsys, tw: int = 4) -> list[tuple[str, str]]:
    kode = cli.main(["summary", "--kecamatan", KEC, "--tahun", "2025", "--triwulan", str(tw), "--json"])
    assert kode == 0
    d = json.loads(capsys.readouterr().out)
    return sorted((w["jenis"], w["sumber"]) for w in d["peringatan"] if w["jenis"] in
                  {"total_tidak_sesuai", "persen_tidak_sesuai"})


@pytest.mark.postgres
def test_peringatan_berkas_diganti_bukan_diulang(db_url, capsys):
    with session_scope(get_engine(db_url)) as s:
        s.add(Kecamatan(nama=KEC, kabupaten="Uji"))
    pertama = _impor(db_url, SALAH, "lra_tw2.csv")
    jenis = {w["jenis"] for w in pertama.peringatan}
    assert jenis == {"total_tidak_sesuai", "persen_tidak_sesuai"}
    satu_kali = sorted((w["jenis"], f"impor:{pertama.import_id}") for w in pertama.peringatan)
    assert _peringatan_berkas(capsys) == satu_kali

    kedua = _impor(db_url, SALAH, "lra_tw2.csv")  # the same file again: its warnings stand once
    assert kedua.baris_baru == kedua.baris_berubah == 0
    sekali = [(j, f"impor:{kedua.import_id}") for j, _ in satu_kali]
    assert _peringatan_berkas(capsys) == sekali

    tw3 = _impor(db_url, TW3, "lra_tw3.csv", tw=3)  # another scope: its own warnings beside the others
    assert _peringatan_berkas(capsys) == sorted(sekali + [(w["jenis"], f"impor:{tw3.import_id}")
                                                          for w in tw3.peringatan])
    assert _peringatan_berkas(capsys, tw=2) == sekali  # TW III's are not part of s.d. TW II
    batalkan(tw3.import_id, pengguna="uji")

    perbaikan = _impor(db_url, BENAR, "lra_tw2_perbaikan.csv")  # the corrected file replaces them
    assert perbaikan.peringatan == []
    assert _peringatan_berkas(capsys) == []

    batalkan(perbaikan.import_id, pengguna="uji")  # undoing the correction brings the earlier ones back
    assert _peringatan_berkas(capsys) == sekali
    batalkan(kedua.import_id, pengguna="uji")
    assert _peringatan_berkas(capsys) == satu_kali


def test_ringkasan_menampilkan_peringatan_berkas_sekali(db_url):
    import streamlit as st

    from tests.apputil import buka, semua_teks, tanpa_galat

    with session_scope(get_engine(db_url)) as s:
        s.add(Kecamatan(nama=KEC, kabupaten="Uji"))
    h = _impor(db_url, SALAH, "lra_tw2.csv")
    _impor(db_url, SALAH, "lra_tw2.csv")
    st.cache_data.clear()
    at = buka("ringkasan", KEC, 2025, 2)
    tanpa_galat(at)
    assert f"{len(h.peringatan)} peringatan." in semua_teks(at)
    st.cache_data.clear()


def test_target_jauh_dari_tahun_lalu_diperingatkan_saat_impor(db_url):
    """A target typed in the wrong unit (0,8 for 80 %) is flagged when the file is checked, before it is used."""
    with session_scope(get_engine(db_url)) as s:
        s.add(Kecamatan(nama=KEC, kabupaten="Uji"))
    isi = ("kode,indikator,satuan,tahun,target\n"
           "IKU-1,Persentase Desa Mandiri,%,2024,80\n"
           "IKU-1,Persentase Desa Mandiri,%,2025,0.8\n")
    h = impor("indikator", isi.encode(), "indikator.csv", engine=get_engine(db_url), kecamatan=KEC,
              gaya_angka="en", pengguna="uji")
    assert h.status == "berhasil"
    w = [x for x in h.peringatan if x["jenis"] == "target_jauh_dari_tahun_lalu"]
    assert len(w) == 1 and w[0]["lokasi"] == "indikator IKU-1" and w[0]["ditemukan"] == "0,80 %"
    assert "kurang dari 1/3 target 2024 (80,00 %)" in w[0]["pesan"]
