"""Undo, the SKM modes, dry runs, the import log, saved mappings, templates and manual entry."""

from __future__ import annotations

import io
import json
import re

import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from dashboard.impor import (KOLOM, ImporError, batalkan, daftar_pemetaan, impor, impor_tabel, isi_berkas, riwayat,
                             siapkan, simpan_pemetaan, templat)
from models.tables import ImportLog, ImportPerubahan, Indikator, SkmResponden, Target
from test_impor_bantu import GOOD, bd, impor_berkas_uji, jumlah_log, potret, sesi, templat_impor  # noqa: F401

BAJUIN = {"kecamatan": "Bajuin"}
WAKTU = r"\d{1,2} \w+ \d{4} \d{2}\.\d{2}"


def _indikator():
    h = impor_berkas_uji("indikator_koma.csv", "indikator", **BAJUIN)
    assert h.status == "berhasil"
    return h


# ------------------------------------------------------------------ undo

@pytest.mark.postgres
def test_batalkan_mengembalikan_persis_dan_menolak_bila_impor_berikutnya_mengubah(bd):
    kosong = potret(bd)
    a = _indikator()
    sesudah_a = potret(bd)
    ubah = b"kode,indikator,tahun,target,versi\r\nIKU-1,Persentase Desa Mandiri di Kecamatan,2025,60,PK Perubahan\r\n"
    b = impor("indikator", ubah, "ubah.csv", pengguna="uji", **BAJUIN)
    assert (b.baris_berubah, b.baris_baru) == (1, 0)
    with pytest.raises(ImporError) as exc:
        batalkan(a.import_id, pengguna="uji")
    assert re.fullmatch(rf"Impor #{a.import_id} tidak dapat dibatalkan karena data yang sama diubah oleh impor "
                        rf"#{b.import_id} \(indikator dan target, 'ubah\.csv', {WAKTU}\)\. Batalkan impor "
                        rf"#{b.import_id} lebih dulu\.", str(exc.value)), str(exc.value)
    assert "dibatalkan" in batalkan(b.import_id, pengguna="uji")
    assert potret(bd) == sesudah_a
    pesan = batalkan(a.import_id, pengguna="uji")
    assert pesan == (f"Impor #{a.import_id} (indikator dan target, 'indikator_koma.csv') dibatalkan: 6 baris yang "
                     "ditambahkannya dihapus, 0 baris dikembalikan seperti semula.")
    assert potret(bd) == kosong
    with sesi() as s:
        log = {r.id: r for r in s.execute(select(ImportLog)).scalars()}
    assert log[a.import_id].status == log[b.import_id].status == "dibatalkan"
    assert json.loads(log[a.import_id].opsi)["dibatalkan_oleh"] == "uji"
    with pytest.raises(ImporError, match=rf"^Impor #{a.import_id} sudah dibatalkan pada {WAKTU}\.$"):
        batalkan(a.import_id, pengguna="uji")


@pytest.mark.postgres
def test_batalkan_ditolak_bila_data_yang_ditambahkan_dipakai_impor_lain(bd):
    a = _indikator()
    r = impor_berkas_uji("realisasi_koma.csv", "realisasi", **BAJUIN)
    with pytest.raises(ImporError) as exc:
        batalkan(a.import_id, pengguna="uji")
    assert re.fullmatch(rf"Impor #{a.import_id} tidak dapat dibatalkan karena data yang ditambahkannya dipakai oleh "
                        rf"impor #{r.import_id} \(realisasi indikator, 'realisasi_koma\.csv', {WAKTU}\)\. Batalkan "
                        rf"impor #{r.import_id} lebih dulu\.", str(exc.value)), str(exc.value)
    batalkan(r.import_id, pengguna="uji")
    batalkan(a.import_id, pengguna="uji")
    with sesi() as s:
        assert s.execute(select(func.count()).select_from(Indikator)).scalar() == 0


@pytest.mark.postgres
def test_batalkan_anggaran_kumulatif_urut_terbaru_dulu(bd):
    kosong = potret(bd)
    tahap = []
    for tw in (1, 2, 3):
        h = impor_berkas_uji(f"anggaran_sipd_tw{tw}.xlsx", "anggaran", kecamatan="Bati-Bati")
        tahap.append((h.import_id, potret(bd)))
    koreksi = (b"kode,uraian,tahun,pagu,triwulan,realisasi\r\n"
               b"7.01.01.2.06.0005,Penyediaan Barang Cetakan dan Penggandaan,2024,8152322,1,1600000\r\n")
    k = impor("anggaran", koreksi, "koreksi.csv", kecamatan="Bati-Bati", pengguna="uji")
    # The correction changed TW I (from import 1) and adjusted TW II (from import 2), not TW III's rows.
    for iid, _ in tahap[:2]:
        with pytest.raises(ImporError, match=f"diubah oleh impor #{k.import_id} "):
            batalkan(iid, pengguna="uji")
    batalkan(k.import_id, pengguna="uji")
    assert potret(bd) == tahap[2][1]
    for (iid, _), sebelumnya in zip(reversed(tahap), [tahap[1][1], tahap[0][1], kosong]):
        batalkan(iid, pengguna="uji")
        assert potret(bd) == sebelumnya


@pytest.mark.postgres
def test_batalkan_impor_yang_ditolak_atau_tidak_ada(bd):
    h = impor("skala", b"nama,batas_bawah,label\r\nSkala,abc,X\r\n", "rusak.csv", pengguna="uji")
    assert h.status == "ditolak" and h.import_id
    with pytest.raises(ImporError, match=rf"^Impor #{h.import_id} ditolak saat itu; tidak ada data yang perlu "
                                         r"dibatalkan\.$"):
        batalkan(h.import_id, pengguna="uji")
    with pytest.raises(ImporError, match=r"^Impor #999 tidak ada\.$"):
        batalkan(999, pengguna="uji")


# ------------------------------------------------------------------ SKM modes

SKM_H = "tahun,triwulan,u1,u2,u3,u4,u5,u6,u7,u8,u9,id_responden\r\n"


def _skm(*rows: str) -> bytes:
    return (SKM_H + "".join(f"2025,1,{r}\r\n" for r in rows)).encode()


def _responden(url) -> list[tuple]:
    with sesi() as s:
        return [tuple(r) for r in s.execute(select(SkmResponden.id, SkmResponden.id_responden, SkmResponden.u1,
                                                   SkmResponden.import_id).order_by(SkmResponden.id)).all()]


@pytest.mark.postgres
def test_skm_ganti_mengganti_triwulan_dan_menjaga_baris_yang_sama(bd):
    a = impor("skm", _skm("4,4,4,4,4,4,4,4,4,R-1", "3,3,3,3,3,3,3,3,3,R-2", "2,2,2,2,2,2,2,2,2,R-3"), "a.csv",
              pengguna="uji", **BAJUIN)
    sesudah_a = potret(bd)
    lama = {r[1]: r for r in _responden(bd)}
    b = impor("skm", _skm("4,4,4,4,4,4,4,4,4,R-1", "1,3,3,3,3,3,3,3,3,R-2", "4,3,4,3,4,3,4,3,4,R-4"), "b.csv",
              pengguna="uji", **BAJUIN)
    assert (b.baris_tetap, b.baris_berubah, b.baris_baru) == (1, 1, 1)
    kini = {r[1]: r for r in _responden(bd)}
    assert set(kini) == {"R-1", "R-2", "R-4"}
    assert kini["R-1"] == lama["R-1"]  # unchanged: same row, same id, same import
    assert kini["R-2"][0] == lama["R-2"][0] and kini["R-2"][2:] == (1, b.import_id)
    batalkan(b.import_id, pengguna="uji")
    assert potret(bd) == sesudah_a
    assert a.status == "berhasil"


@pytest.mark.postgres
def test_skm_tambah_melewati_id_yang_ada_dan_menolak_berkas_yang_sama(bd):
    impor("skm", _skm("4,4,4,4,4,4,4,4,4,R-1", "3,3,3,3,3,3,3,3,3,R-2"), "a.csv", pengguna="uji", **BAJUIN)
    tambahan = _skm("1,1,1,1,1,1,1,1,1,R-2", "3,3,3,3,3,3,3,3,3,R-3", "2,2,2,2,2,2,2,2,2,R-4")
    c = impor("skm", tambahan, "tambah.csv", mode="tambah", pengguna="uji", **BAJUIN)
    assert (c.baris_baru, c.baris_tetap) == (2, 1)
    assert sorted(r[1] for r in _responden(bd)) == ["R-1", "R-2", "R-3", "R-4"]
    assert next(r for r in _responden(bd) if r[1] == "R-2")[2] == 3  # the stored R-2 is kept
    sebelum = potret(bd)
    lagi = impor("skm", tambahan, "tambah-lagi.csv", mode="tambah", pengguna="uji", **BAJUIN)
    assert lagi.status == "ditolak"
    assert [g.pesan for g in lagi.galat] and re.fullmatch(
        rf"Berkas yang sama persis sudah diimpor untuk Kecamatan Bajuin TW I 2025 pada impor #{c.import_id} "
        rf"\({WAKTU}\); mode tambah tidak mengimpornya lagi\.", lagi.galat[0].pesan), lagi.galat[0].pesan
    assert potret(bd) == sebelum
    batalkan(c.import_id, pengguna="uji")
    assert sorted(r[1] for r in _responden(bd)) == ["R-1", "R-2"]


# ------------------------------------------------------------------ dry run, log, download

@pytest.mark.postgres
def test_uji_coba_tidak_menyimpan_apa_pun_tetapi_memeriksa_hasilnya(bd):
    sebelum, log = potret(bd), jumlah_log(bd)
    isi = b"kode,uraian,tahun,pagu,triwulan,realisasi\r\n7.01.01.2.01.0001,Penyusunan Dokumen,2025,100,2,150\r\n"
    h = impor("anggaran", isi, "uji.csv", dry_run=True, pengguna="uji", **BAJUIN)
    assert h.status == "uji" and h.import_id is None and h.baris_baru == 1
    assert [w["jenis"] for w in h.peringatan] == ["realisasi_melebihi_pagu"]
    assert h.ringkas() == ("Uji impor (anggaran, 'uji.csv'): 1 baris terbaca — 1 baru, 0 berubah, 0 tetap; "
                           "1 peringatan. Tidak ada yang disimpan.")
    assert potret(bd) == sebelum and jumlah_log(bd) == log


@pytest.mark.postgres
def test_log_impor_menyimpan_berkas_asli_galat_dan_peringatan(bd):
    isi_ok = (GOOD / "anggaran_koma.csv").read_bytes()
    ok = impor("anggaran", isi_ok, "lra.csv", tahun=2025, triwulan=4, pengguna="operator", **BAJUIN)
    isi_salah = b"kode,uraian,tahun,pagu\r\n7.01.01,Program,2025,sejuta\r\n"
    salah = impor("anggaran", isi_salah, "salah.csv", pengguna="cli", **BAJUIN)
    assert ok.ringkas() == (f"Impor #{ok.import_id} berhasil (anggaran, 'lra.csv'): 15 baris dibaca — 15 baru, "
                            "0 berubah, 0 tetap.")
    assert salah.ringkas() == f"Impor #{salah.import_id} ditolak (anggaran, 'salah.csv'): 1 galat; tidak ada data " \
                              "yang disimpan."
    with sesi() as s:
        daftar = riwayat(s)
        assert isi_berkas(s, ok.import_id) == ("lra.csv", isi_ok)
        assert isi_berkas(s, salah.import_id) == ("salah.csv", isi_salah)
        perubahan = s.execute(select(ImportPerubahan.tabel).where(ImportPerubahan.import_id == ok.import_id)).all()
    assert [d["id"] for d in daftar] == [salah.import_id, ok.import_id]
    terbaru, lama = daftar
    assert "isi_file" not in terbaru and terbaru["ukuran"] == len(isi_salah)
    assert (terbaru["status"], terbaru["pengguna"], terbaru["kecamatan"], terbaru["baris_ditolak"]) == (
        "ditolak", "cli", "Bajuin", 1)
    assert terbaru["galat"] == [{"baris": 2, "kolom": "pagu", "pesan": "Baris 2, kolom pagu: 'sejuta' bukan angka"}]
    assert (lama["status"], lama["baris_dibaca"], lama["baris_baru"], lama["tahun"], lama["triwulan"]) == (
        "berhasil", 15, 15, 2025, 4)
    assert lama["sha256"] == ok.sha256 and lama["opsi"]["lingkup"] == [[1, 2025, 4]]
    assert sorted(t for (t,) in perubahan) == ["anggaran", "anggaran_realisasi"]


@pytest.mark.postgres
def test_peringatan_disimpan_bersama_impornya(bd):
    h = impor("skm-rekap", (GOOD / "skm_rekap_koma.csv").read_bytes(), "rekap.csv", tahun=2025, pengguna="uji",
              **BAJUIN)
    with sesi() as s:
        disimpan = json.loads(s.execute(select(ImportLog.peringatan).where(ImportLog.id == h.import_id))
                              .scalar_one())
    assert disimpan == h.peringatan
    assert disimpan[0]["jenis"] == "ikm_tercetak_berbeda"
    assert {"pesan", "lokasi", "diharapkan", "ditemukan"} <= set(disimpan[0])
    assert (disimpan[0]["tahun"], disimpan[0]["triwulan"]) == (2025, 4)


@pytest.mark.postgres
def test_siapkan_tidak_menulis_dan_pratinjau_berbahasa_indonesia(bd):
    sebelum = potret(bd)
    with sesi() as s:
        p = siapkan("anggaran", (GOOD / "anggaran_titikkoma_1252.csv").read_bytes(), "renja.csv", session=s,
                    kecamatan="Bati-Bati", tahun=2024, per_triwulan=True)
    assert p.galat == [] and len(p.data) == 44 and p.baris_dibaca == 44
    assert p.format == {"jenis": "csv", "encoding": "windows-1252", "pemisah": ";", "lembar": None, "lembar_ada": [],
                        "baris_header": 1, "gaya_angka": "id"}
    assert p.diabaikan == ["Keterangan"] and p.wajib_hilang == []
    assert p.pemetaan["Realisasi TW II"] == "realisasi_tw2" and p.pemetaan["Pagu Anggaran"] == "pagu"
    lihat = p.pratinjau(3)
    assert list(lihat.columns[:5]) == ["Kecamatan", "Tahun", "Kode", "Uraian", "Jenis belanja"]
    assert lihat["Pagu"].iloc[0] == 4031627904.0 and list(lihat["Baris"]) == [2, 3, 4]
    assert potret(bd) == sebelum


@pytest.mark.postgres
def test_kecamatan_wajib_dan_harus_ada(bd):
    isi = b"nama,batas_bawah,label\r\nSkala,0,Semua\r\n"
    assert impor("skala", isi, "s.csv").status == "berhasil"  # skala belongs to no kecamatan
    anggaran = b"kode,uraian,tahun,pagu\r\n7.01.01,Program,2025,1\r\n"
    with pytest.raises(ImporError, match=r"^Pilih kecamatan \(--kecamatan\) atau sertakan kolom kecamatan di "
                                         r"berkas\.$") as exc:
        impor("anggaran", anggaran, "a.csv")
    assert exc.value.salah_pakai
    with pytest.raises(ImporError, match=r"^Kecamatan 'Takisung' tidak ada di basis data; tambahkan dulu kecamatan "
                                         r"itu\.$"):
        impor("anggaran", anggaran, "a.csv", kecamatan="Takisung")


# ------------------------------------------------------------------ mappings

SIPD_LAMA = (b"Nomor Akun;Nama Akun;Nilai Anggaran Tahun Berjalan;Serapan Rupiah\r\n"
             b"5.1.02;Belanja Barang dan Jasa;1.000.000;250.000\r\n")


@pytest.mark.postgres
def test_pemetaan_manual_dan_tersimpan(bd):
    tanpa = impor("anggaran", SIPD_LAMA, "lama.csv", tahun=2025, triwulan=1, pengguna="uji", **BAJUIN)
    assert tanpa.status == "ditolak" and len(tanpa.galat) == 3  # kode, uraian and pagu not found
    peta = {"Nomor Akun": "kode", "Nama Akun": "uraian", "Nilai Anggaran Tahun Berjalan": "pagu",
            "Serapan Rupiah": "realisasi"}
    h = impor("anggaran", SIPD_LAMA, "lama.csv", tahun=2025, triwulan=1, pemetaan=peta, pengguna="uji", **BAJUIN)
    assert h.status == "berhasil" and h.persiapan.pemetaan == peta
    with sesi() as s:
        simpan_pemetaan(s, "SIPD lama", "anggaran", peta)
    with sesi() as s:
        assert daftar_pemetaan(s, "anggaran") == ["SIPD lama"] and daftar_pemetaan(s, "skm") == []
    h = impor("anggaran", SIPD_LAMA, "lama.csv", tahun=2025, triwulan=1, pemetaan="SIPD lama", pengguna="uji",
              **BAJUIN)
    assert h.status == "berhasil" and (h.baris_baru, h.baris_tetap) == (0, 1)
    with pytest.raises(ImporError, match=r"^Pemetaan kolom 'Tidak Ada' untuk dataset anggaran tidak ada\.$"):
        impor("anggaran", SIPD_LAMA, "lama.csv", pemetaan="Tidak Ada", **BAJUIN)
    with pytest.raises(ImporError, match=r"^Pemetaan kolom: 'anggaran' bukan kolom dataset anggaran"):
        impor("anggaran", SIPD_LAMA, "lama.csv", pemetaan={"Nama Akun": "anggaran"}, **BAJUIN)


# ------------------------------------------------------------------ templates and manual entry

@pytest.mark.postgres
@pytest.mark.parametrize("jenis", ["csv", "xlsx"])
def test_templat_terisi_contoh_dan_dapat_diimpor(bd, jenis):
    for dataset in ("indikator", "realisasi", "anggaran", "skm", "skm-rekap", "desa", "skala"):
        isi = templat(dataset, jenis)
        if jenis == "xlsx":
            wb = load_workbook(io.BytesIO(isi))
            assert wb.sheetnames == ["Data", "Penjelasan"]
            info = list(wb["Penjelasan"].iter_rows(min_row=3, values_only=True))
            assert info[0] == ("Kolom", "Wajib", "Alias (judul lain yang dikenali)", "Arti", "Contoh")
            assert [r[0] for r in info[1:]] == list(KOLOM[dataset])
        h = impor(dataset, isi, f"templat.{jenis}", pengguna="uji", **({} if dataset == "skala" else BAJUIN))
        assert h.status == "berhasil", (dataset, [g.pesan for g in h.galat])
        assert h.baris_dibaca >= 2 and h.persiapan.diabaikan == []


@pytest.mark.postgres
def test_isian_manual_melalui_jalur_yang_sama(bd):
    _indikator()
    df = pd.DataFrame({"kode": ["IKU-3", "IKU-4"], "indikator": ["Nilai AKIP Kecamatan", "Jumlah Dokumen"],
                       "tahun": [2025, 2025], "target": [1.234, 1234567.5], "jenis": ["iku", None],
                       "target_tw1": [None, 2.0]})
    h = impor_tabel("indikator", df, kecamatan="Bajuin", pengguna="operator")
    assert h.status == "berhasil" and h.baris_baru == 2 and h.nama_file == "isian-manual.csv"
    with sesi() as s:
        rows = dict(s.execute(select(Indikator.kode, Target.target).join(Target)
                              .where(Indikator.kode.in_(["IKU-3", "IKU-4"]))).all())
        log = s.execute(select(ImportLog).where(ImportLog.id == h.import_id)).scalar_one()
    assert rows == {"IKU-3": 1.234, "IKU-4": 1234567.5}
    assert log.pengguna == "operator" and log.nama_file == "isian-manual.csv" and b"1,234" in log.isi_file
