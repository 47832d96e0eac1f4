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


# ------------------------------------------------------------------ B11: rejected files are kept only in part

def _ukuran_bd(url: str) -> int:
    from sqlalchemy import text

    from models.db import get_engine, normal_url

    engine = get_engine(normal_url(url))
    with engine.connect() as c:
        if engine.dialect.name == "sqlite":
            return c.execute(text("PRAGMA page_count")).scalar() * c.execute(text("PRAGMA page_size")).scalar()
        return c.execute(text("SELECT pg_total_relation_size('import_log')")).scalar()


@pytest.mark.postgres
def test_tiga_penolakan_besar_tidak_membesarkan_basis_data(bd):
    import hashlib

    from dashboard.impor import berkas_sebagian, isi_berkas, riwayat
    from dashboard.unggah import tabel_riwayat

    sebelum = _ukuran_bd(bd)
    ids, pertama = [], b""
    for n in range(3):
        # 5 MB of a scale without its required 'label' column: rejected, logged.
        isi = b"nama,batas_bawah\r\n" + b"".join(f"Skala {n}-{i} {'x' * 10_000},{i}\r\n".encode() for i in range(500))
        h = impor("skala", isi, f"besar_{n}.csv", pengguna="uji")
        assert h.status == "ditolak" and len(isi) > 5_000_000
        ids.append(h.import_id)
        pertama = pertama if n else isi
    assert _ukuran_bd(bd) - sebelum < 1024 * 1024  # not 15 MB
    with sesi() as s:
        r = riwayat(s, import_id=ids[0])[0]
        nama, bagian = isi_berkas(s, ids[0])
    assert r["sha256"] == hashlib.sha256(pertama).hexdigest()
    assert nama == "64KB-pertama_besar_0.csv" and len(bagian) == 64 * 1024 and bagian.startswith(b"nama,batas_bawah")
    assert berkas_sebagian(r) == (f"Berkas ditolak hanya disimpan 64 KB pertama (dari 4,8 MB); SHA-256 seluruh "
                                  f"berkas: {r['sha256']}.")
    assert tabel_riwayat([r])["Berkas"].iloc[0] == "besar_0.csv (disimpan sebagian)"


@pytest.mark.postgres
def test_berkas_ditolak_kecil_dan_impor_berhasil_disimpan_utuh(bd):
    from dashboard.impor import berkas_sebagian, isi_berkas, riwayat

    kecil = b"nama,batas_bawah\r\nSkala,1\r\n"
    besar = b"nama,batas_bawah,label\r\n" + b"".join(f"Skala Besar,{i},L{i}\r\n".encode() for i in range(5000))
    assert len(besar) > 64 * 1024
    ditolak = impor("skala", kecil, "kecil.csv", pengguna="uji")
    berhasil = impor("skala", besar, "besar.csv", pengguna="uji")
    assert (ditolak.status, berhasil.status) == ("ditolak", "berhasil")
    with sesi() as s:
        assert isi_berkas(s, ditolak.import_id) == ("kecil.csv", kecil)
        assert isi_berkas(s, berhasil.import_id) == ("besar.csv", besar)
        assert berkas_sebagian(riwayat(s, import_id=berhasil.import_id)[0]) is None
