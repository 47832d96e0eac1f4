"""The import engine's parts without a database: header matching, period labels, cell reading, CSV/XLSX
reading and the cumulative → per-quarter rule."""

from __future__ import annotations

import io
import random

import pandas as pd
import pytest
from openpyxl import Workbook

from dashboard.impor import ImporError
from dashboard.impor import baca, sel
from dashboard.impor.dataset.anggaran import per_triwulan_baru
from dashboard.impor.kolom import Label, Pencocok, baca_unsur, daftar_label_unsur, label_periode
from dashboard.impor.siap import jenis_ringkasan
from dashboard.nilai import baca_angka, baca_sen


@pytest.mark.parametrize("teks,harapan", [
    ("s.d. Triwulan IV", Label(None, 4)), ("2025", Label(2025, None)), ("TW I", Label(None, 1)),
    ("(Rp)", Label(None, None)), ("s.d. 31 Desember 2025", Label(2025, 4)), ("Triwulan 2", Label(None, 2)),
    ("TR III", Label(None, 3)), ("Tahun 2024", Label(2024, None)), ("Perubahan", None), ("TW 5", None),
    ("20255", None), ("(%)", None),
])
def test_label_periode(teks, harapan):
    assert label_periode(teks) == harapan


@pytest.mark.parametrize("dataset,header,kanonik,tahun,tw", [
    ("anggaran", "Kode Rekening", "kode", None, None),
    ("anggaran", "Anggaran", "pagu", None, None),
    ("anggaran", "Anggaran Setelah Perubahan", "pagu_perubahan", None, None),  # exact alias beats "Anggaran"+…
    ("anggaran", "ANGGARAN SEBELUM  PERUBAHAN", "pagu_murni", None, None),
    ("anggaran", "Realisasi s.d. Triwulan IV", "realisasi", None, 4),
    ("anggaran", "Realisasi TW I", "realisasi_tw1", None, None),
    ("anggaran", "Pagu (Rp)", "pagu", None, None),
    ("anggaran", "Anggaran 2025", "pagu", 2025, None),
    ("anggaran", "%", "persen", None, None),
    ("anggaran", "% 2025", "persen", 2025, None),
    ("anggaran", "Subkegiatan", "uraian", None, None),
    ("anggaran", "Sisa Anggaran", None, None, None),
    ("indikator", "Target 2025", "target", 2025, None),
    ("indikator", "Target Renstra", "target_renstra", None, None),
    ("indikator", "Target Triwulan I", "target_tw1", None, None),
    ("indikator", "Target s.d. TW II", "target", None, 2),
    ("realisasi", "Realisasi TW III", "tw3", None, None),
    ("skm-rekap", "NRR TW I", "nrr", None, 1),
    ("skm-rekap", "NRR TR II", "nrr", None, 2),
    ("skm-rekap", "Ruang Lingkup SKM", "unsur", None, None),
    ("desa", "Status 2025", "status", 2025, None),
    ("desa", "Kabupaten/ Kecamatan", "kecamatan", None, None),
    ("desa", "Skor ID", "skor", None, None),
    ("skm", "Bagaimana pendapat Saudara? [Kecepatan Waktu Pelayanan]", "u3", None, None),
    ("skm", "Penanganan Pengaduan, Saran dan Masukan", "u9", None, None),
    ("skm", "Saran dan Masukan", "saran", None, None),
    ("skm", "jenis_kelamin", "jenis_kelamin", None, None),
    ("skm", "Jenis  Kelamin", "jenis_kelamin", None, None),
    ("skm", "Timestamp", "tanggal", None, None),
    ("skm", "U 7", "u7", None, None),
    ("skm", "Pekerjaan Utama Anda", None, None, None),
])
def test_pencocokan_judul_kolom(dataset, header, kanonik, tahun, tw):
    c = Pencocok(dataset).cocokkan(header)
    assert (c.kanonik, c.tahun, c.triwulan) if c else None == (kanonik, tahun, tw) if kanonik else c is None


def test_label_unsur_dari_pengaturan():
    p = Pencocok("skm", {"U8": "Maklumat Pelayanan"})
    assert p.cocokkan("Penilaian [Maklumat Pelayanan]").kanonik == "u8"


@pytest.mark.parametrize("teks,unsur", [
    ("Biaya / Tarif", "U4"), ("Nilai Hasil IKM", "IKM"), ("IKM", "IKM"), ("Kualitas Sarana dan Prasarana", "U8"),
    ("Prilaku Petugas Pelayanan", "U7"), ("Kemudahan Prosedur", "U2"), ("U5", "U5"), ("9", "U9"),
    ("Kesesuaian Produk Pelayanan", "U5"), ("Kebersihan Toilet", None),
])
def test_baca_unsur(teks, unsur):
    assert baca_unsur(teks, daftar_label_unsur()) == unsur


@pytest.mark.parametrize("teks,jenis", [
    ("JUMLAH", "total"), ("Jumlah Belanja Operasi", "total"), ("ΣNilai/Unsur", "total"), ("TOTAL", "total"),
    ("NRR/Unsur", "ringkasan"), ("Rata-rata Capaian", "ringkasan"), ("SURPLUS/DEFISIT", "ringkasan"),
    ("Belanja Pegawai", None), ("R-001", None), ("Sangat sesuai", None),
])
def test_baris_ringkasan(teks, jenis):
    assert jenis_ringkasan(teks) == jenis


def _acak_angka(rng: random.Random, gaya: str) -> str:
    bulat = rng.randint(0, 10 ** rng.randint(0, 12))
    ribu = f"{bulat:,}"
    pecah = rng.choice(["", "5", "25", "99"])
    if gaya == "id":
        t = ribu.replace(",", ".") + (f",{pecah}" if pecah else "")
    else:
        t = ribu + (f".{pecah}" if pecah else "")
    return rng.choice(["", "Rp ", "Rp. ", "-", "("]) + t if rng.random() < 0.3 else t


@pytest.mark.parametrize("gaya", ["id", "en"])
def test_jalur_cepat_angka_sama_dengan_nilai(gaya):
    """The vectorised reading gives exactly what dashboard.nilai gives, value by value."""
    rng = random.Random(7)
    vals = [_acak_angka(rng, gaya) for _ in range(3000)] + ["-", "", None, "1.234", "12"]
    vals += ["0,5", "1.234.567"] if gaya == "id" else ["0.5", "1,234,567"]
    vals = [v + ")" if isinstance(v, str) and v.startswith("(") else v for v in vals]
    h_uang = sel.angka(pd.Series(vals, dtype=object), gaya, uang=True)
    h_f = sel.angka(pd.Series(vals, dtype=object), gaya)
    assert h_uang.salah == {} and h_f.salah == {}
    for v, s_, f in zip(vals, h_uang.nilai.tolist(), h_f.nilai.tolist()):
        harap = baca_sen(v, h_uang.gaya)
        assert (None if s_ is pd.NA else s_) == harap, v
        harap_f = baca_angka(v, h_f.gaya)
        assert (f != f and harap_f is None) or f == harap_f, v


def test_angka_dengan_gaya_campur_dan_teks():
    h = sel.angka(pd.Series(["1.234,5", "2,345.5", "3"], dtype=object), "id")
    assert h.gaya == "campur" and h.campur == (0, 1)
    h = sel.angka(pd.Series(["12", "dua", "3.907", 4.5], dtype=object), "id", catat=True)
    assert h.salah == {1: "'dua' bukan angka"} and h.nilai.tolist()[2:] == [3907.0, 4.5] and 2 in h.ambigu
    h = sel.angka(pd.Series(["87,26 %", "Rp 1.000", "(2.500)"], dtype=object), "id", uang=True)
    assert h.nilai.tolist() == [8726, 100000, -250000]


@pytest.mark.parametrize("tersimpan,berkas,tw,kumulatif,harapan", [
    ({}, {1: 100}, [1], True, {1: 100}),
    ({1: 100}, {2: 180}, [2], True, {2: 80}),
    ({1: 100, 2: 50}, {1: 120}, [1], True, {1: 120, 2: 30}),  # TW II keeps s.d. TW II = 150
    ({1: 100, 3: 60}, {2: 130}, [2], True, {2: 30, 3: 30}),  # s.d. TW III stays 160
    ({1: 100}, {1: None}, [1], True, {1: 0}),  # a line without a figure spent nothing
    ({1: 100}, {1: 80, 2: 200}, [1, 2], True, {1: 80, 2: 120}),
    ({1: 100, 2: 50}, {2: 70}, [2], False, {2: 70}),
    ({}, {3: None}, [3], False, {3: 0}),
])
def test_kumulatif_ke_per_triwulan(tersimpan, berkas, tw, kumulatif, harapan):
    assert per_triwulan_baru(tersimpan, berkas, tw, kumulatif) == harapan


def _baris(isi: bytes, nama="x.csv"):
    s = baca.buka(isi, nama)
    return s, [row for _, row in s.baris]


@pytest.mark.parametrize("isi,encoding,pemisah", [
    ("kode;uraian\r\n1;Bati–Bati\r\n".encode("cp1252"), "windows-1252", ";"),
    ("kode,uraian\r\n1,Bati–Bati\r\n".encode("utf-8"), "utf-8", ","),
    (b"\xef\xbb\xbf" + "kode\turaian\r\n1\tBati–Bati\r\n".encode("utf-8"), "utf-8-sig", "\t"),
    ("kode;uraian\r\n1;Bati–Bati\r\n".encode("utf-16"), "utf-16", ";"),
])
def test_pengodean_dan_pemisah(isi, encoding, pemisah):
    s, rows = _baris(isi)
    assert (s.encoding, s.pemisah) == (encoding, pemisah)
    assert rows == [["kode", "uraian"], ["1", "Bati–Bati"]]


def test_pemisah_dari_bentuk_tabel_bukan_dari_teks_bebas():
    isi = ("kode,tahun,keterangan\r\n" + "".join(f"K{i},2025,a; b; c\r\n" for i in range(10))).encode()
    assert _baris(isi)[0].pemisah == ","


def test_xlsx_persen_terlihat_dan_nomor_baris():
    wb = Workbook()
    ws = wb.active
    ws.append(["Judul"])
    ws.append([])
    ws.append(["kode", "persen", "tanggal"])
    ws.append(["5.1", 0.8813, pd.Timestamp("2025-03-04").to_pydatetime()])
    ws["B4"].number_format = "0.00%"
    buf = io.BytesIO()
    wb.save(buf)
    s = baca.buka(buf.getvalue(), "x.xlsx")
    rows = [(n, baca._pangkas(r)) for n, r in s.baris]
    # Only the rows the sheet holds are read (the blank row 2 costs nothing); their numbers are the sheet's.
    assert rows == [(1, ["Judul"]), (3, ["kode", "persen", "tanggal"]), (4, ["5.1", 88.13, "2025-03-04"])]
    s.tutup()


def test_judul_ditemukan_di_bawah_baris_judul_dan_tahun_dari_judul():
    isi = ("LAPORAN REALISASI\r\nTAHUN ANGGARAN 2024\r\n\r\nKode,Uraian,Anggaran\r\n5.1,Operasi,30\r\n"
           "5.2,Modal,10\r\n,JUMLAH,40\r\n").encode()
    s = baca.buka(isi, "x.csv")
    j = baca.cari_judul(s, Pencocok("anggaran"), "x.csv")
    assert (j.sel, j.nomor, j.lebar) == (["Kode", "Uraian", "Anggaran"], 4, 3)
    assert baca.tahun_judul(j.atas) == (2024, "TAHUN ANGGARAN 2024")
    assert [n for n, _ in baca.sisa_baris(s, j, "x.csv")] == [5, 6, 7]


def test_judul_dua_baris_dengan_sel_gabungan():
    isi = ("Kode,Uraian,Realisasi,,,\r\n,,TW I,TW II,TW III,TW IV\r\n1,2,3,4,5,6\r\n").encode()
    s = baca.buka(isi, "x.csv")
    j = baca.cari_judul(s, Pencocok("anggaran"), "x.csv")
    assert j.sel == ["Kode", "Uraian", "Realisasi TW I", "Realisasi TW II", "Realisasi TW III", "Realisasi TW IV"]
    assert j.nomor == 2


@pytest.mark.parametrize("teks,rumus", [
    ('=HYPERLINK("http://x","y")', True), ("=1+2", False), ("=A1", True), ("@SUM(A1:A2)", True), ("-5", False),
    ("+62 812 555", False), ("= 3", False), ("Kode", False), ("=cmd|' /C calc'!A0", True),
])
def test_rumus(teks, rumus):
    assert baca.rumus(teks) == rumus


@pytest.mark.parametrize("isi,pesan", [
    (b"", "Berkas 'x.csv' kosong."),
    (b"\x89PNG\r\n\x1a\n", "Berkas 'x.csv' berisi gambar PNG, bukan tabel CSV atau XLSX."),
    (b"a,b\r\n\x00\x00", "Berkas 'x.csv' berisi data biner, bukan teks CSV. Unggah CSV (teks) atau XLSX."),
])
def test_berkas_bukan_tabel(isi, pesan):
    with pytest.raises(ImporError) as exc:
        baca.buka(isi, "x.csv")
    assert str(exc.value) == pesan
