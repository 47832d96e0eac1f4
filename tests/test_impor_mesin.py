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


# ------------------------------------------------------------------ C15: tables as other offices print them

EKINERJA = "indikator_ekinerja_pengukuran.xlsx"


def _impor(nama: str, dataset: str, **kw):
    h = impor(dataset, (GOOD / nama).read_bytes(), nama, pengguna="uji", **kw)
    assert h.status == "berhasil", [g.pesan for g in h.galat]
    return h


@pytest.mark.postgres
def test_ekinerja_pengukuran_sebagai_daftar_indikator_tanpa_kode(bd):
    from dashboard.impor.siap import kode_dari_nama
    from models.tables import Target
    from test_impor_bantu import MAKE

    h = _impor(EKINERJA, "indikator", kecamatan="Bajuin")
    p = h.persiapan
    assert p.pemetaan == {"Sasaran Kegiatan / Sub-Kegiatan": "sasaran", "Indikator Kinerja": "indikator",
                          "Satuan": "satuan", "Target": "target"}
    # Every column the import does not use is listed, the capaian headed "Target Kinerja(%)" among them.
    assert p.diabaikan == ["No", "Kegiatan / Sub-Kegiatan", "Realisasi", "Target Kinerja(%)", "Alokasi Anggaran (Rp)",
                           "Realisasi Anggaran (Rp)"]
    kode = [kode_dari_nama("IK", e[2]) for e in MAKE.EKINERJA]
    assert (h.baris_dibaca, h.baris_baru) == (6, 6)  # the two kegiatan heading rows and JUMLAH are not indicators
    [w] = [w for w in h.peringatan if w["jenis"] == "kode_dari_nama"]
    assert w["pesan"].startswith(f"Berkas tidak memuat kolom kode: kode indikator dibuat dari namanya ({kode[0]}, "
                                 f"{kode[1]}, {kode[2]}, {kode[3]}, {kode[4]} …), sama setiap kali berkas ini diimpor.")
    with sesi() as s:
        ind = {i.kode: i for i in s.execute(select(Indikator)).scalars()}
        target = {k: t for k, t in s.execute(select(Indikator.kode, Target.target)
                                             .join(Target, Target.indikator_id == Indikator.id)).all()}
    assert sorted(ind) == sorted(kode)
    assert ind[kode[2]].nama == "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN" and ind[kode[2]].satuan == "Orang/bulan"
    assert ind[kode[0]].sasaran == "Tersusunnya dokumen perencanaan perangkat daerah"
    assert [target[k] for k in kode] == [6, 4, 14, 5, 1, 3]
    # Importing it again finds the same codes: nothing changes.
    ulang = _impor(EKINERJA, "indikator", kecamatan="Bajuin")
    assert (ulang.baris_baru, ulang.baris_berubah) == (0, 0)
    # The same page as realisasi of those indicators (matched by name), TW II.
    r = _impor(EKINERJA, "realisasi", kecamatan="Bajuin", triwulan=2)
    assert (r.baris_dibaca, r.baris_baru) == (6, 6)
    # Its "Target Kinerja(%)" is the printed capaian (3 / 6 = 50 %): read as such and checked, and it agrees.
    assert r.persiapan.pemetaan["Target Kinerja(%)"] == "capaian"
    assert not [w for w in r.peringatan if w["jenis"] == "capaian_tidak_sesuai"]
    from models.tables import Realisasi

    with sesi() as s:
        nilai = dict(s.execute(select(Indikator.kode, Realisasi.nilai).join(Realisasi, Realisasi.indikator_id ==
                                                                             Indikator.id)
                               .where(Realisasi.triwulan == 2, Realisasi.tahun == 2025)).all())
    assert [nilai[k] for k in kode] == [3, 2, 14, 2, 0, 1]


@pytest.mark.postgres
def test_ekinerja_pengukuran_sebagai_anggaran_datar_tanpa_kode(bd):
    from models.tables import Anggaran, AnggaranRealisasi
    from test_impor_bantu import MAKE

    h = _impor(EKINERJA, "anggaran", kecamatan="Bajuin", triwulan=2)
    p = h.persiapan
    assert p.pemetaan == {"Kegiatan / Sub-Kegiatan": "uraian", "Alokasi Anggaran (Rp)": "pagu",
                          "Realisasi Anggaran (Rp)": "realisasi"}
    assert "Kolom 'Realisasi' diabaikan: kolom 'Realisasi Anggaran (Rp)' lebih tepat dibaca sebagai realisasi." in \
        p.catatan
    assert p.diabaikan == ["No", "Sasaran Kegiatan / Sub-Kegiatan", "Indikator Kinerja", "Satuan", "Target",
                           "Target Kinerja(%)", "Realisasi"]
    assert [w["jenis"] for w in h.peringatan] == ["kode_dari_nama"]  # the JUMLAH row matches its lines
    with sesi() as s:
        rows = s.execute(select(Anggaran.kode, Anggaran.uraian, Anggaran.pagu_murni_sen, AnggaranRealisasi.jumlah_sen)
                         .join(AnggaranRealisasi, AnggaranRealisasi.anggaran_id == Anggaran.id)
                         .where(AnggaranRealisasi.triwulan == 2).order_by(Anggaran.id)).all()
    assert [(r.uraian, r.pagu_murni_sen, r.jumlah_sen) for r in rows] == [(e[0], e[6], e[7]) for e in MAKE.EKINERJA]
    assert all(r.kode.startswith("TK-") and "." not in r.kode for r in rows)  # a flat list: no tree
    # A JUMLAH row that does not match its lines is reported, as in a coded table.
    isi = (b"Kegiatan / Sub-Kegiatan;Alokasi Anggaran (Rp);Realisasi Anggaran (Rp)\r\n"
           b"Penyediaan Gaji;1.000.000;500.000\r\nRapat Koordinasi;2.000.000;0\r\nJUMLAH;3.000.001;500.000\r\n")
    h = impor("anggaran", isi, "datar.csv", kecamatan="Pelaihari", tahun=2025, triwulan=2, pengguna="uji")
    assert h.status == "berhasil"
    [w] = [w for w in h.peringatan if w["jenis"] == "total_tidak_sesuai"]
    assert (w["pesan"], w["diharapkan"], w["ditemukan"]) == (
        "Pagu pada baris jumlah 'JUMLAH' tidak sama dengan jumlah rinciannya.", "Rp 3.000.000,00", "Rp 3.000.001,00")


@pytest.mark.postgres
def test_tabel_satu_data_iku_se_kabupaten(bd_isi):
    from dashboard.impor.siap import kode_dari_nama
    from models.tables import Kecamatan, Realisasi

    h = _impor("indikator_satudata.csv", "indikator")
    assert h.persiapan.diabaikan == ["id", "kode_provinsi", "nama_provinsi", "kode_kabupaten_kota",
                                     "nama_kabupaten_kota", "realisasi"]
    r = _impor("indikator_satudata.csv", "realisasi", triwulan=4)
    assert r.persiapan.diabaikan == ["id", "kode_provinsi", "nama_provinsi", "kode_kabupaten_kota",
                                     "nama_kabupaten_kota", "satuan", "target"]
    with sesi() as s:
        rows = s.execute(select(Kecamatan.nama, Indikator.kode, Indikator.nama, Realisasi.nilai)
                         .join(Indikator, Indikator.kecamatan_id == Kecamatan.id)
                         .join(Realisasi, Realisasi.indikator_id == Indikator.id)
                         .order_by(Kecamatan.nama, Indikator.nama)).all()
    mandiri, ikm = "Persentase Desa Mandiri di Kecamatan", "Indeks Kepuasan Masyarakat di Kecamatan"
    # Bajuin's indicators of the same names keep their codes; Pelaihari's get codes made from the names.
    assert [tuple(x) for x in rows] == [
        ("Bajuin", "IKU-2", ikm, 87.26), ("Bajuin", "IKU-1", mandiri, 77.77),
        ("Pelaihari", kode_dari_nama("IK", ikm), ikm, 93.12), ("Pelaihari", kode_dari_nama("IK", mandiri), mandiri,
                                                                66.67)]


@pytest.mark.postgres
def test_portal_skm_responden(bd):
    from models.tables import SkmResponden

    h = _impor("skm_portal.xlsx", "skm", kecamatan="Bajuin", tahun=2025, triwulan=2)
    assert h.persiapan.diabaikan == ["No", "IP Address", "Rata-rata"]
    assert h.baris_baru == 12
    with sesi() as s:
        rows = s.execute(select(SkmResponden).order_by(SkmResponden.id)).scalars().all()
    assert [r.layanan for r in rows[:3]] == ["KTP", "KK", "SKCK"] and rows[3].saran == "Pelayanan cepat"
    assert rows[0].u1 == 4 and rows[5].u9 is None and rows[0].umur == 34


def test_kolom_tanpa_judul_yang_berisi_ikut_didaftar(bd):
    isi = b"nama,,batas_bawah,label,\r\nSkala X,catatan,0,Semua,\r\n"
    h = impor("skala", isi, "x.csv", dry_run=True)
    assert h.persiapan.diabaikan == ["kolom ke-2 (tanpa judul)"]
