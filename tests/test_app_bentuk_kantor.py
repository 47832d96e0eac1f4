"""Other offices' data shapes on the pages (AppTest) and in the exports (issue 8: A3, A4, C16, C17, C18).

Each test imports a file of tests/files/good into a copy of the demo database, then opens the page and reads
its metrics, tables and texts. Years without demo data (2026) keep the shapes apart from the demo's own data.
"""

from __future__ import annotations

import io

from openpyxl import load_workbook
from pptx import Presentation

from apputil import buka, grafik_jenis, metrik, semua_teks, tanpa_galat
from dashboard.ekspor import buku_kerja, dek, kumpulkan, zip_csv
from dashboard.impor import impor
from models.db import get_engine, session_scope
from test_impor_bantu import GOOD, MAKE


def impor_berkas(url: str, nama: str, dataset: str, **kw) -> None:
    h = impor(dataset, (GOOD / nama).read_bytes(), nama, engine=get_engine(url), **kw)
    assert h.status == "berhasil", [g.pesan for g in h.galat]


def tabel_dengan(at, kolom: str):
    return next(d.value for d in at.dataframe if kolom in d.value.columns)


def pindah_triwulan(at, tw: int):
    at.session_state["triwulan"] = tw
    at.run()
    tanpa_galat(at)
    return at


# ---------------------------------------------------------------- A3

def test_desa_skema_berkas_dan_status_dari_skor(app_db):
    impor_berkas(app_db, "desa_idm_skor.csv", "desa", kecamatan="Bajuin")
    at = buka("desa", "Bajuin", 2023, 4)
    tanpa_galat(at)
    teks = semua_teks(at)
    assert "IDM 2016 (Permendesa 2/2016, 0–1)" in teks and "Mandiri > 0,8155" in teks
    assert any("memakai skema" in str(w.value) and "Indeks Desa 2024" in str(w.value) for w in at.warning)
    m = metrik(at)
    assert m["Rasio desa mandiri 2023"] == "11,11 %" and m["Desa Mandiri"] == "1 dari 9"
    semua = tabel_dengan(at, "Asal status").set_index("Desa/Kelurahan")
    assert set(semua["Asal status"]) == {"dari skor"}
    assert semua.loc["Bajuin", "Status"] == "Mandiri" and semua.loc["Galam", "Status"] == "Berkembang"
    assert "9 desa punya skor tetapi tanpa status" in teks


# ---------------------------------------------------------------- A4

def test_anggaran_kode_program_5_dan_rekening_tanpa_jenis_dikenal(app_db):
    impor_berkas(app_db, "anggaran_program_kode5.csv", "anggaran", kecamatan="Bajuin", tahun=2026, triwulan=2)
    at = buka("anggaran", "Bajuin", 2026, 2)
    tanpa_galat(at)
    teks = semua_teks(at)
    assert "pohon program" in teks and "pohon rekening" not in teks
    assert metrik(at)["Serapan s.d. TW II"] == "48,23 %"
    # an account tree whose jenis the app does not know names them from the file's own rows
    lra = ("kode;uraian;pagu;realisasi\r\n5;BELANJA DAERAH;100.000.000;40.000.000\r\n"
           "5.1;BELANJA OPERASI;100.000.000;40.000.000\r\n5.1.07;Belanja Lain-lain Operasi;100.000.000;40.000.000\r\n"
           "5.1.07.01;Belanja Jasa Kebersihan;100.000.000;40.000.000\r\n").encode()
    h = impor("anggaran", lra, "lra.csv", engine=get_engine(app_db), kecamatan="Pelaihari", tahun=2026, triwulan=2)
    assert h.status == "berhasil", h.galat
    at = buka("anggaran", "Pelaihari", 2026, 2)
    tanpa_galat(at)
    teks = semua_teks(at)
    assert "pohon rekening" in teks and "tidak berkode rekening" not in teks
    assert list(tabel_dengan(at, "Jenis Belanja")["Jenis Belanja"]) == ["Belanja Lain-lain Operasi"]


# ---------------------------------------------------------------- C16

def test_skm_ikm_per_layanan_dari_rekap(app_db):
    impor_berkas(app_db, "skm_rekap_portal_layanan.csv", "skm-rekap", kecamatan="Bajuin", tahun=2026)
    at = buka("skm", "Bajuin", 2026, 2)
    tanpa_galat(at)
    lay = tabel_dengan(at, "Unsur terendah").set_index("Layanan")
    assert sorted(lay.index) == ["KTP-el", "Kartu Keluarga", "Rekomendasi Izin Usaha Mikro", "Surat Pengantar SKCK"]
    assert lay.loc["KTP-el", "Responden"] == 62 + 58
    ktp = [float(MAKE.ikm_portal(nrr).replace(",", ".")) for p in MAKE.LAYANAN_PORTAL.values()
           for nama, _, nrr in p if nama == "KTP-el"]
    assert abs(lay.loc["KTP-el", "IKM"] - sum(ktp) / 2) < 1e-9
    assert "rekap per layanan" in semua_teks(at)
    ikm = tabel_dengan(at, "Mutu")
    assert list(ikm["Triwulan"]) == ["TW I", "TW II"] and ikm["IKM"].notna().all()


# ---------------------------------------------------------------- C17

def test_skm_tahunan_di_halaman(app_db):
    impor_berkas(app_db, "skm_tahunan_judul.xlsx", "skm", kecamatan="Bati-Bati", tahun=2025)
    at = buka("skm", "Bati-Bati", 2025, 2)
    tanpa_galat(at)
    teks = semua_teks(at)
    assert "survei tahunan, hasilnya pada TW IV" in teks and "Belum ada data SKM" not in teks
    at = pindah_triwulan(at, 4)
    ikm = tabel_dengan(at, "Mutu").set_index("Triwulan")
    assert list(ikm.loc[["TW I", "TW II", "TW III"], "Mutu"]) == ["tidak ada survei"] * 3
    assert ikm.loc["TW IV", "Periode survei"] == "Tahunan" and ikm.loc["TW IV", "IKM"].startswith("8")
    resp = tabel_dengan(at, "Sampel minimum").set_index("Triwulan")
    assert resp.loc["TW II", "Status"] == "tidak ada survei"
    # Ringkasan and Kabupaten at TW II: not read as missing data
    at = buka(None, "Bati-Bati", 2025, 2)
    tanpa_galat(at)
    teks = semua_teks(at)
    assert "**SKM**: belum ada data" not in teks and "SKM: survei tahunan" in teks
    ikm = next(g for g in grafik_jenis(at, "gauge") if g["usermeta"]["pantau"]["ukuran"] == "ikm")
    tulisan = [r.get("t") for d in ikm["datasets"].values() for r in d]
    assert "Hasil di TW IV" in tulisan and "survei tahunan: TW IV" in tulisan and "Belum ada data" not in tulisan
    at = buka("kabupaten", "Bati-Bati", 2025, 2)
    tanpa_galat(at)
    df = tabel_dengan(at, "Keterangan").set_index("Kecamatan")
    assert "IKM: survei tahunan: TW IV" in df.loc["Bati-Bati", "Keterangan"]


def test_skm_semester_di_halaman(app_db):
    impor_berkas(app_db, "skm_rekap_semester.csv", "skm-rekap", kecamatan="Pelaihari", tahun=2026)
    at = buka("skm", "Pelaihari", 2026, 4)
    tanpa_galat(at)
    ikm = tabel_dengan(at, "Mutu").set_index("Triwulan")
    assert list(ikm["Periode survei"]) == ["", "Semester I", "", "Semester II"]
    assert ikm.loc["TW III", "Mutu"] == "tidak ada survei" and ikm.loc["TW II", "Mutu"] == "B (Baik)"
    pts = [r for s in grafik_jenis(at, "ikm_triwulan") for d in s["datasets"].values() for r in d if "triwulan" in r]
    assert [p["triwulan"] for p in pts] == ["TW II", "TW IV"]
    assert "survei per semester: Semester I pada TW II, Semester II pada TW IV" in semua_teks(at)


def test_ekspor_skm_tahunan(app_db):
    impor_berkas(app_db, "skm_tahunan_judul.xlsx", "skm", kecamatan="Bati-Bati", tahun=2025)
    with session_scope(get_engine(app_db)) as s:
        b2 = kumpulkan(s, "Bati-Bati", 2025, 2)
        b4 = kumpulkan(s, "Bati-Bati", 2025, 4)
    prs = Presentation(io.BytesIO(dek(b2)))
    teks = "\n".join(sh.text_frame.text for sl in prs.slides for sh in sl.shapes if sh.has_text_frame)
    assert "survei tahunan, hasilnya pada TW IV" in teks
    wb = load_workbook(io.BytesIO(buku_kerja(b4)))
    baris = [[c.value for c in row] for row in wb["SKM"].iter_rows()]
    assert any(r[0] == "TW II" and "tidak ada survei" in r for r in baris)
    assert any(r[0] == "TW IV" and "Tahunan" in r for r in baris)
    assert zip_csv(b2) and zip_csv(b4)


# ---------------------------------------------------------------- C18

def test_desa_rekap_satu_data_di_halaman(app_db):
    impor_berkas(app_db, "desa_satudata_status_tahun.csv", "desa", kecamatan="Bajuin")
    at = buka("desa", "Bajuin", 2024, 4)
    tanpa_galat(at)
    m = metrik(at)
    assert m["Rasio desa mandiri 2024"] == "55,56 %" and m["Desa Mandiri"] == "5 dari 9"
    assert "rekap jumlah desa per status" in semua_teks(at)
    sebaran = grafik_jenis(at, "desa_status")[0]
    jumlah = {r["Status"]: r["Jumlah desa"] for d in sebaran["datasets"].values() for r in d}
    assert jumlah == {"Mandiri": 5, "Maju": 3, "Berkembang": 1, "Tertinggal": 0, "Sangat Tertinggal": 0}
    assert not any("Desa/Kelurahan" in d.value.columns for d in at.dataframe)  # no desa listed with made-up status
    # the 2025 page: its own statuses, with the rekap's earlier years beside them
    at = buka("desa", "Bajuin", 2025, 4)
    tanpa_galat(at)
    assert metrik(at)["Rasio desa mandiri 2025"] == "77,78 %"
    rasio = grafik_jenis(at, "desa_rasio_tahunan")[0]
    dari = {r["Tahun"]: r["nilai"] for d in rasio["datasets"].values() for r in d if r["seri"] == "Dari status desa"}
    assert {k: round(v, 2) for k, v in dari.items()} == {"2022": 0.0, "2023": 11.11, "2024": 55.56, "2025": 77.78}
    at = buka(None, "Bajuin", 2024, 4)
    tanpa_galat(at)
    assert metrik(at)["Desa mandiri"] == "55,56 %"
