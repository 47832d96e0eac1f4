"""The import engine against what other offices' files and hostile uploads hold (issue 8): numbers beyond any
budget, formula cells without values, mixed encodings, the bytes kept of rejected files, tables as other
offices print them. Exact messages; the hostile corpus itself is in test_impor_rusak and test_impor_bermusuhan.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from sqlalchemy import select

from dashboard.impor import baca, impor, sel
from models.tables import Indikator
from test_impor_bantu import GOOD, bd, bd_isi, sesi, templat_impor  # noqa: F401


# ------------------------------------------------------------------ A5: numbers beyond any budget

@pytest.mark.parametrize("v,uang,pesan", [
    ("1000000000000001", True, "'1000000000000001' terlalu besar: melebihi Rp 1.000.000.000.000.000, lebih dari "
                               "anggaran kecamatan mana pun"),
    (1e308, True, "'1e+308' terlalu besar: melebihi Rp 1.000.000.000.000.000, lebih dari anggaran kecamatan mana pun"),
    (1e308, False, "'1e+308' terlalu besar (paling besar 1.000.000.000.000.000)"),
    ("9" * 28, False, f"'{'9' * 28}' terlalu besar (paling besar 1.000.000.000.000.000)"),
    (float("inf"), False, "'inf' bukan angka (hasil hitungan yang gagal); isi angkanya, atau kosongkan sel / tulis "
                          "'-' bila belum ada nilainya"),
    ("#VALUE!", True, "'#VALUE!' adalah galat rumus Excel, bukan angka; perbaiki rumusnya lalu simpan ulang berkas"),
])
def test_angka_di_luar_batas_adalah_galat_sel(v, uang, pesan):
    h = sel.angka(pd.Series([v, "12"], dtype=object), uang=uang)
    assert h.salah == {0: pesan}
    assert h.nilai.iloc[1] == (1200 if uang else 12)


def test_batas_anggaran_masih_diterima_dan_kosong_tetap_kosong():
    h = sel.angka(pd.Series(["1.000.000.000.000.000,00", "-", "n/a", None], dtype=object), uang=True)
    assert not h.salah and h.nilai.iloc[0] == 10 ** 17 and h.nilai.iloc[1:].isna().all()
    h = sel.angka(pd.Series([math.nan, "", "NaN"], dtype=object))
    assert list(h.salah) == [2] and math.isnan(h.nilai.iloc[0])


# ------------------------------------------------------------------ B13: mixed encodings

def test_utf8_dengan_byte_1252_dibaca_per_baris_dan_diperingatkan():
    s = baca.buka((GOOD / "indikator_utf8_campur.csv").read_bytes(), "x.csv")
    rows = list(s.baris)
    assert rows[2][1][1] == "Indeks Kepuasan Masyarakat “IKM”"
    assert rows[1][1][2] == rows[2][1][2] == "Meningkatnya Tata Kelola Pemerintahan – Kecamatan Pelaihari"
    assert s.encoding == "utf-8 dan windows-1252"
    assert s.peringatan == [{
        "jenis": "pengodean_campur", "lokasi": "baris 3",
        "pesan": "Baris 3 tidak tertulis dalam UTF-8 seperti bagian lain berkas; hurufnya dibaca sebagai Windows-1252: "
                 "'…-2,Indeks Kepuasan Masyarakat “IKM”,Meningkatnya Tata Kelola…'. Periksa teks baris ini."}]


def test_berkas_1252_murni_tanpa_peringatan():
    s = baca.buka("kode;uraian\r\n1;Bati–Bati\r\n".encode("cp1252"), "x.csv")
    assert s.encoding == "windows-1252" and not s.peringatan
    assert list(s.baris)[1][1] == ["1", "Bati–Bati"]


@pytest.mark.postgres
def test_pengodean_campur_tersimpan_benar_dengan_peringatan(bd):
    h = impor("indikator", (GOOD / "indikator_utf8_campur.csv").read_bytes(), "campur.csv", kecamatan="Pelaihari",
              pengguna="uji")
    assert h.status == "berhasil"
    assert [w["lokasi"] for w in h.peringatan if w["jenis"] == "pengodean_campur"] == ["baris 3"]
    with sesi() as s:
        assert s.execute(select(Indikator.nama).where(Indikator.kode == "IKU-2")).scalar_one() == \
            "Indeks Kepuasan Masyarakat “IKM”"
