"""Other offices' data shapes (issue 8: A3, A4, C16, C17, C18), imported from real-looking files into the data
layer and `summary --json`, on SQLite and, where TEST_DATABASE_URL is set, on PostgreSQL.

The files are in tests/files/good (built by tests/files/make_files.py, `bentuk()`): a satu-data desa table
(counts per status × year) and its kabupaten-wide form, IDM scores without a status, an SKM portal table with IKM
per layanan, a semester rekap, an annual survey, an e-kinerja table with its printed capaian, and programme codes
that begin with 5.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from dashboard import desa as desa_f
from dashboard import anggaran as ang
from dashboard.data import muat_satu
from dashboard.impor import ImporError, impor
from dashboard.ringkasan import hitung_desa, publik, ringkasan
from models.tables import Desa, DesaRekap, DesaStatus, SkmRekap, SkmResponden
from periode_buatan import desa, periode
from test_cli import cli
from test_impor_bantu import GOOD, MAKE, bd, bd_isi, impor_berkas_uji, sesi, templat_impor  # noqa: F401

TOL = 0.01


def baik(nama: str, dataset: str, **kw):
    h = impor_berkas_uji(nama, dataset, **kw)
    assert h.status == "berhasil", [g.pesan for g in h.galat]
    return h


def ringkas(nama: str, tahun: int, tw: int) -> dict:
    with sesi() as s:
        return publik(ringkasan(muat_satu(s, nama, tahun), tw))


def summary(url: str, nama: str, tahun: int, tw: int, *, lewat_cli: bool = False) -> dict:
    """What `summary --json` prints: through the command line, or (cheaper) the same function in process."""
    if not lewat_cli:
        return json.loads(json.dumps(ringkas(nama, tahun, tw)))
    r = cli("summary", "--kecamatan", nama, "--tahun", str(tahun), "--triwulan", str(tw), "--json", url=url)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def angka(teks: str) -> float:
    return float(teks.replace(",", "."))


# ---------------------------------------------------------------- A3: score without status, the file's scheme

def test_skor_tanpa_status_dihitung_di_pembilang_dan_penyebut():
    """A desa with a score but no status is classified (Indeks Desa 2024 thresholds) and counted both ways."""
    p = periode("Uji", 2025, desa_list=[desa("A", {2025: ("Mandiri", 88.0, None)}),
                                        desa("B", {2025: (None, 85.0, None)}),
                                        desa("C", {2025: (None, 60.0, None)})])
    h = hitung_desa(p)
    assert (h["mandiri"], h["jumlah"], h["dari_skor"]) == (2, 3, 2)
    assert h["rasio"] == pytest.approx(200 / 3)
    assert h["status"]["Berkembang"] == 1


@pytest.mark.postgres
def test_skema_dari_berkas_idm_dan_status_dari_skor(bd_isi):
    h = baik("desa_idm_skor.csv", "desa", kecamatan="Bajuin")
    jenis = {w["jenis"] for w in h.peringatan}
    assert {"skema_desa_berbeda", "status_desa_dari_skor"} <= jenis
    with sesi() as s:
        rows = s.execute(select(DesaStatus.skema, DesaStatus.status, func.count()).where(DesaStatus.tahun == 2023)
                         .group_by(DesaStatus.skema, DesaStatus.status)).all()
    assert rows == [("idm_2016", None, 9)]  # stored as the file gives it: the status is read from the score
    d = summary(bd_isi, "Bajuin", 2023, 4, lewat_cli=True)["desa"]
    assert d["skema"] == "idm_2016" and d["sumber"] == "desa" and d["dari_skor"] == 9
    assert (d["mandiri"], d["jumlah"]) == (1, 9) and d["rasio"] == pytest.approx(100 / 9)
    assert d["status"] == {"Mandiri": 1, "Maju": 4, "Berkembang": 4, "Tertinggal": 0, "Sangat Tertinggal": 0}
    assert d["ambang"][0] == {"status": "Mandiri", "batas": 0.8155, "inklusif": False}
    w = {x["jenis"]: x for x in summary(bd_isi, "Bajuin", 2023, 4)["peringatan"]}
    assert "IDM 2016" in w["skema_desa_berbeda"]["pesan"] and "Indeks Desa 2024" in w["skema_desa_berbeda"]["pesan"]
    # the kecamatan's own 2025 data (no scheme named) follows its setting, without a warning
    d25 = summary(bd_isi, "Bajuin", 2025, 4)
    assert d25["desa"]["skema"] == "indeks_desa_2024"
    assert "skema_desa_berbeda" not in {x["jenis"] for x in d25["peringatan"]}


@pytest.mark.postgres
def test_skema_tanpa_nama_mengikuti_pengaturan(bd_isi):
    """Scores whose file names no scheme are classified by the setting in force, also after it changes."""
    isi = "nama_desa;tahun;skor\r\nBajuin;2024;0,8203\r\nGalam;2024;0,6987\r\n".encode()
    assert impor("desa", isi, "skor.csv", kecamatan="Bajuin").status == "berhasil"
    from dashboard import pengaturan

    with sesi() as s:
        pengaturan.simpan(s, "skema_desa", "idm_2016", kecamatan_id=pengaturan.kecamatan_id(s, "Bajuin"),
                          pengguna="uji")
    d = summary(bd_isi, "Bajuin", 2024, 4)
    assert d["desa"]["skema"] == "idm_2016" and d["desa"]["mandiri"] == 1
    assert "skema_desa_berbeda" not in {x["jenis"] for x in d["peringatan"]}


# ---------------------------------------------------------------- A4: programme codes beginning with 5

def test_kode_program_dan_rekening_menurut_bentuk():
    assert [ang.pohon_dari_kode(k) for k in ("5.02.02", "5.02.02.2.01.0003", "7.01.01", "X.XX.01")] == ["program"] * 4
    assert [ang.pohon_dari_kode(k) for k in ("5", "5.1", "5.1.02.01.01.0024", "5.2.02")] == ["rekening"] * 4


@pytest.mark.postgres
def test_anggaran_kode_program_5(bd):
    baik("anggaran_program_kode5.csv", "anggaran", kecamatan="Bajuin", tahun=2025, triwulan=2)
    a = summary(bd, "Bajuin", 2025, 2)["anggaran"]
    assert a["pohon"] == "program"
    assert [x["kode"] for x in a["program"]] == ["5.02.01", "5.02.02"]
    assert a["pagu"] == 1_315_000_000 and a["realisasi"] == 634_250_000
    assert a["serapan"] == pytest.approx(634.25 / 1315 * 100)


# ---------------------------------------------------------------- C16: IKM per layanan, printed capaian

def _ikm_portal(periode: str) -> float:
    """The kecamatan's IKM of a portal quarter: the layanan's printed IKM weighted by their respondents."""
    rows = MAKE.LAYANAN_PORTAL[periode]
    return sum(angka(MAKE.ikm_portal(nrr)) * n for _, n, nrr in rows) / sum(n for _, n, _ in rows)


@pytest.mark.postgres
def test_rekap_per_layanan(bd):
    h = baik("skm_rekap_portal_layanan.csv", "skm-rekap", kecamatan="Bajuin")
    assert h.baris_dibaca == 8 and "Mutu Pelayanan" in h.persiapan.diabaikan
    with sesi() as s:
        layanan = s.execute(select(SkmRekap.triwulan, SkmRekap.layanan, func.count())
                            .group_by(SkmRekap.triwulan, SkmRekap.layanan)).all()
        responden = dict(s.execute(select(SkmRekap.layanan, SkmRekap.responden)
                                   .where(SkmRekap.triwulan == 1, SkmRekap.unsur == "IKM")).all())
    assert sorted(layanan) == sorted((tw, lay, 10) for tw, p in ((1, "Triwulan I"), (2, "Triwulan II"))
                                     for lay, _, _ in MAKE.LAYANAN_PORTAL[p])
    assert responden == {"KTP-el": 62, "Kartu Keluarga": 48, "Surat Pengantar SKCK": 25,
                         "Rekomendasi Izin Usaha Mikro": 15}
    skm = summary(bd, "Bajuin", 2025, 2, lewat_cli=True)["skm"]
    assert skm["ikm_triwulan"] == pytest.approx({"1": _ikm_portal("Triwulan I"), "2": _ikm_portal("Triwulan II")})
    assert skm["ikm"] == pytest.approx((_ikm_portal("Triwulan I") + _ikm_portal("Triwulan II")) / 2)
    assert skm["responden"] == 150 + 150 and skm["periode"] == "triwulan"
    assert skm["nrr"]["U4"] == pytest.approx(4.0)


def test_gabung_layanan():
    """The kecamatan's figures from layanan: weighted by respondents where every layanan has them."""
    from dashboard.skm import gabung_layanan

    nilai, n, ditimbang = gabung_layanan({"KTP": {"U1": 3.0, "IKM": 80.0}, "KK": {"U1": 4.0, "IKM": 90.0}},
                                         {"KTP": 30, "KK": 10})
    assert ditimbang and n == 40 and nilai == pytest.approx({"U1": 3.25, "IKM": 82.5})
    nilai, n, ditimbang = gabung_layanan({"KTP": {"IKM": 80.0}, "KK": {"IKM": 90.0}}, {"KTP": 30})
    assert not ditimbang and n is None and nilai == {"IKM": 85.0}


@pytest.mark.postgres
def test_capaian_tercetak_diperiksa(bd_isi):
    h = baik("realisasi_capaian.csv", "realisasi", kecamatan="Bajuin")
    w = [x for x in h.peringatan if x["jenis"] == "capaian_tidak_sesuai"]
    assert len(w) == 1
    assert (w[0]["lokasi"], w[0]["diharapkan"], w[0]["ditemukan"], w[0]["triwulan"]) == \
        ("indikator IKU-2 (baris 5)", "100,01 % (TW III) atau 99,57 % (s.d. TW III)", "100,10 %", 3)
    assert "Capaian (%)" not in h.persiapan.diabaikan and "Target" in h.persiapan.diabaikan
    peringatan = summary(bd_isi, "Bajuin", 2025, 4)["peringatan"]
    assert [x["lokasi"] for x in peringatan if x["jenis"] == "capaian_tidak_sesuai"] == ["indikator IKU-2 (baris 5)"]
    # before TW III the wrong figure is not part of the period
    assert not [x for x in summary(bd_isi, "Bajuin", 2025, 2)["peringatan"] if x["jenis"] == "capaian_tidak_sesuai"]


# ---------------------------------------------------------------- C17: semester and annual surveys

@pytest.mark.postgres
def test_skm_semester(bd):
    baik("skm_rekap_semester.csv", "skm-rekap", kecamatan="Pelaihari")
    with sesi() as s:
        rows = set(s.execute(select(SkmRekap.tahun, SkmRekap.triwulan, SkmRekap.periode, SkmRekap.responden)).all())
    assert rows == {(2025, 2, "semester", 210), (2025, 4, "semester", 224)}
    sem1 = sum([3.58, 3.41, 3.22, 4.00, 3.49, 3.46, 3.51, 3.37, 3.60]) / 9 * 25
    sem2 = sum([3.62, 3.47, 3.30, 4.00, 3.52, 3.55, 3.58, 3.44, 3.63]) / 9 * 25
    tw1 = summary(bd, "Pelaihari", 2025, 1)["skm"]
    assert tw1["ikm"] is None and tw1["periode"] == "semester" and tw1["triwulan_survei"] == [2, 4]
    tw3 = summary(bd, "Pelaihari", 2025, 3)["skm"]
    assert tw3["ikm_triwulan"] == pytest.approx({"2": sem1}) and tw3["ikm"] == pytest.approx(sem1)
    tw4 = summary(bd, "Pelaihari", 2025, 4)["skm"]
    assert tw4["ikm_triwulan"] == pytest.approx({"2": sem1, "4": sem2})
    assert tw4["ikm"] == pytest.approx((sem1 + sem2) / 2) and tw4["responden"] == 434


@pytest.mark.postgres
def test_skm_tahunan_dari_judul(bd):
    h = baik("skm_tahunan_judul.xlsx", "skm", kecamatan="Bati-Bati")
    assert h.persiapan.tahun == 2024
    with sesi() as s:
        rows = s.execute(select(SkmResponden.triwulan, SkmResponden.periode, func.count())
                         .group_by(SkmResponden.triwulan, SkmResponden.periode)).all()
    assert rows == [(4, "tahunan", 30)]
    for tw in (1, 2, 3):
        skm = summary(bd, "Bati-Bati", 2024, tw)["skm"]
        assert skm["ikm"] is None and skm["periode"] == "tahunan" and skm["triwulan_survei"] == [4]
    skm = summary(bd, "Bati-Bati", 2024, 4, lewat_cli=True)["skm"]
    assert list(skm["ikm_triwulan"]) == ["4"] and skm["responden"] == 30 and skm["ikm"] > 80


@pytest.mark.postgres
def test_skm_tahunan_dari_pilihan_impor_dan_triwulan_yang_disebut(bd):
    """A file that does not say it is annual: the import option says so; the TW the operator names wins."""
    h = baik("skm_google_forms.csv", "skm", kecamatan="Bajuin", tahun=2025, periode="tahunan")
    assert {tuple(x) for x in h.persiapan.lingkup} == {(h.persiapan.kecamatan_id, 2025, 4)}
    r = cli("import", "skm", str(GOOD / "skm_google_forms.csv"), "--kecamatan", "Pelaihari", "--tahun", "2025",
            "--triwulan", "3", "--periode", "tahunan", url=bd)
    assert r.returncode == 0, r.stderr
    with sesi() as s:
        rows = set(s.execute(select(SkmResponden.kecamatan_id, SkmResponden.triwulan, SkmResponden.periode)).all())
    assert {(tw, per) for _, tw, per in rows} == {(4, "tahunan"), (3, "tahunan")}
    skm = summary(bd, "Pelaihari", 2025, 2)["skm"]
    assert skm["triwulan_survei"] == [3] and skm["ikm"] is None
    with pytest.raises(ImporError, match="Periode survei 'bulanan' tidak dikenal"):
        impor("skm", (GOOD / "skm_koma.csv").read_bytes(), "skm_koma.csv", kecamatan="Bajuin", periode="bulanan")
    # a semester file that names no semester, and no TW chosen: a clear error, nothing invented
    h = impor("skm", (GOOD / "skm_google_forms.csv").read_bytes(), "g.csv", kecamatan="Bajuin", tahun=2025,
              periode="semester", dry_run=True)
    assert [g.pesan for g in h.galat] == ["Semester tidak diketahui: tulis 'Semester I' atau 'Semester II' di kolom "
                                         "periode atau triwulan, atau pilih triwulannya saat impor (Semester I = TW "
                                         "II, Semester II = TW IV)."]


def test_jadwal_dari_tahun_lalu():
    """No data yet this year: last year's annual survey says when to expect it (not missing data at TW II)."""
    from dashboard.ringkasan import hitung_skm

    p = periode("Uji", 2025)
    p.skm_lalu = ("tahunan", (4,))
    skm = hitung_skm(p, 2)
    assert skm["periode"] == "tahunan" and skm["triwulan_survei"] == [4] and skm["_menunggu"]
    p.skm_lalu = ("triwulan", (1, 2, 3, 4))
    assert not hitung_skm(p, 2)["_menunggu"]


@pytest.mark.postgres
def test_skm_periode_sel_triwulan(bd):
    """`Semester II` and `Tahunan` in the triwulan column; a periode column naming the TW's kind."""
    isi = ("tahun;triwulan;periode;unsur;nrr\r\n2025;Semester II;;U1;3,5\r\n2025;III;Tahunan;U2;3,4\r\n"
           "2025;Semester 3;;U3;3,1\r\n").encode()
    h = impor("skm-rekap", isi, "p.csv", kecamatan="Bajuin", dry_run=True)
    assert [(g.baris, g.kolom) for g in h.galat] == [(4, "triwulan")]
    isi = b"\r\n".join(isi.split(b"\r\n")[:3]) + b"\r\n"
    baik_ = impor("skm-rekap", isi, "p.csv", kecamatan="Bajuin")
    assert baik_.status == "berhasil"
    with sesi() as s:
        rows = set(s.execute(select(SkmRekap.triwulan, SkmRekap.periode, SkmRekap.unsur)).all())
    assert rows == {(4, "semester", "U1"), (3, "tahunan", "U2")}


# ---------------------------------------------------------------- C18: counts per status and year

@pytest.mark.postgres
def test_desa_satu_data_status_per_tahun(bd):
    h = baik("desa_satudata_status_tahun.csv", "desa", kecamatan="Bajuin")
    assert not h.peringatan and any("rekap jumlah desa per status" in c for c in h.persiapan.catatan)
    with sesi() as s:
        assert s.execute(select(func.count()).select_from(Desa)).scalar_one() == 0  # no desa names invented
        rows = s.execute(select(DesaRekap.tahun, DesaRekap.status, DesaRekap.jumlah)).all()
    assert len(rows) == 20
    per = {(t, st): n for t, st, n in rows}
    assert [per[(t, "Mandiri")] for t in (2022, 2023, 2024, 2025)] == [0, 1, 5, 7]  # Bajuin report: 0, 1/9, 5/9, 7/9
    for tahun, mandiri in ((2022, 0), (2023, 1), (2024, 5), (2025, 7)):
        d = summary(bd, "Bajuin", tahun, 4)["desa"]
        assert (d["sumber"], d["jumlah"], d["mandiri"]) == ("rekap", 9, mandiri)
        assert d["rasio"] == pytest.approx(mandiri / 9 * 100)
    assert summary(bd, "Bajuin", 2024, 4, lewat_cli=True)["desa"]["status"] == {"Mandiri": 5, "Maju": 3, "Berkembang": 1,
                                                               "Tertinggal": 0, "Sangat Tertinggal": 0}


@pytest.mark.postgres
def test_desa_per_desa_mengalahkan_rekap(bd_isi):
    """Where the desa's own statuses exist for a year, they decide; the rekap fills the other years."""
    isi = (GOOD / "desa_satudata_status_tahun.csv").read_bytes().replace(b"Mandiri;0;1;5;7", b"Mandiri;0;1;5;6")
    assert impor("desa", isi, "rekap.csv", kecamatan="Bajuin").status == "berhasil"
    d = summary(bd_isi, "Bajuin", 2025, 4)["desa"]
    assert (d["sumber"], d["mandiri"], d["jumlah"]) == ("desa", 7, 9)
    d = summary(bd_isi, "Bajuin", 2024, 4)["desa"]
    assert (d["sumber"], d["mandiri"]) == ("rekap", 5)


@pytest.mark.postgres
def test_desa_satu_data_kabupaten(bd):
    h = baik("desa_satudata_kecamatan.xlsx", "desa")
    assert h.persiapan.tahun == 2024 and not [w for w in h.peringatan if w["jenis"] == "total_desa_tidak_sesuai"]
    for nama, mandiri, jumlah in (("Bati-Bati", 9, 14), ("Bajuin", 5, 9), ("Pelaihari", 10, 15)):
        d = summary(bd, nama, 2024, 4)["desa"]
        assert (d["mandiri"], d["jumlah"], d["sumber"]) == (mandiri, jumlah, "rekap")
    # a total row that does not add up is a warning, with the row
    from openpyxl import load_workbook
    import io

    wb = load_workbook(GOOD / "desa_satudata_kecamatan.xlsx")
    wb.active["B7"] = 25
    buf = io.BytesIO()
    wb.save(buf)
    h = impor("desa", buf.getvalue(), "kab.xlsx", dry_run=True)
    w = [x for x in h.peringatan if x["jenis"] == "total_desa_tidak_sesuai"]
    assert [(x["lokasi"], x["diharapkan"], x["ditemukan"]) for x in w] == [("baris 7", "24", "25")]


@pytest.mark.postgres
def test_desa_satu_data_jumlah_tidak_sesuai(bd):
    isi = (GOOD / "desa_satudata_status_tahun.csv").read_bytes().replace(b"Jumlah;9;9;9;9", b"Jumlah;9;9;10;9")
    h = impor("desa", isi, "rekap.csv", kecamatan="Bajuin", dry_run=True)
    assert [(w["jenis"], w["lokasi"], w["tahun"], w["diharapkan"], w["ditemukan"]) for w in h.peringatan] == \
        [("total_desa_tidak_sesuai", "baris 9", 2024, "9", "10")]


@pytest.mark.postgres
@pytest.mark.parametrize("dataset,isi,pesan", [
    ("desa", "Nama Desa;2022;2023\r\nBajuin;0,81;0,83\r\nGalam;0,70;0,72\r\n",
     "Berkas ini tampak sebagai tabel per desa dengan kolom tahun (2022, 2023)"),
    ("desa", "Jumlah Desa dan Penduduk;;\r\n;;\r\nUraian;2022;2023\r\nJumlah Penduduk;8.120;8.245\r\n"
             "Luas Wilayah;190;190\r\n",
     "Berkas ini tampak sebagai tabel dengan kolom tahun (2022, 2023), tetapi barisnya ('Jumlah Penduduk', "
     "'Luas Wilayah') bukan status desa"),
    ("skm-rekap", None, "Berkas tampak sebagai tabel berkolom tahun (2022, 2023, 2024, 2025): judul kolomnya "
                        "'Status Desa', '2022', '2023', '2024', '2025' (baris 3). Barisnya status desa"),
])
def test_tabel_kolom_tahun_yang_tidak_cocok(bd, dataset, isi, pesan):
    data = isi.encode() if isi else (GOOD / "desa_satudata_status_tahun.csv").read_bytes()
    try:
        h = impor(dataset, data, "tahun.csv", kecamatan="Bajuin", dry_run=True)
        teks = " ".join(g.pesan for g in h.galat)
    except ImporError as exc:
        teks = str(exc)
    assert pesan in teks and "tidak terpisah" not in teks and "Kolom wajib" not in teks


# ---------------------------------------------------------------- the migration

@pytest.mark.postgres
def test_migrasi_0003_turun_dan_naik(db_url):
    """Downgrade to 0002 and upgrade again: the kecamatan-wide rekap rows and the desa statuses stay; rows the
    old schema cannot hold (per layanan, counts per status) go, and the scheme a file did not name is filled."""
    from alembic import command
    from sqlalchemy import create_engine, inspect, text

    from models.db import alembic_config, normal_url

    eng = create_engine(normal_url(db_url))
    with eng.begin() as c:
        c.execute(text("INSERT INTO kecamatan (nama, kabupaten, sintetis) VALUES ('A', 'B', false)"))
        kid = c.execute(text("SELECT id FROM kecamatan")).scalar_one()
        c.execute(text("INSERT INTO skm_rekap (kecamatan_id, tahun, triwulan, unsur, nilai, layanan, periode) VALUES "
                       f"({kid}, 2025, 2, 'U1', 3.5, '', 'semester'), ({kid}, 2025, 2, 'U1', 3.4, 'KTP', 'semester')"))
        c.execute(text(f"INSERT INTO desa (kecamatan_id, nama, jenis, definitif) VALUES ({kid}, 'D', 'desa', true)"))
        did = c.execute(text("SELECT id FROM desa")).scalar_one()
        c.execute(text(f"INSERT INTO desa_status (desa_id, tahun, skor) VALUES ({did}, 2025, 80.1)"))
        c.execute(text(f"INSERT INTO desa_rekap (kecamatan_id, tahun, status, jumlah) VALUES ({kid}, 2024, 'Maju', 3)"))
    cfg = alembic_config(normal_url(db_url))
    command.downgrade(cfg, "0002")
    with eng.begin() as c:
        assert "desa_rekap" not in inspect(c).get_table_names()
        assert c.execute(text("SELECT unsur, nilai FROM skm_rekap")).all() == [("U1", 3.5)]
        assert c.execute(text("SELECT skema FROM desa_status")).scalar_one() == "indeks_desa_2024"
    command.upgrade(cfg, "head")
    with eng.begin() as c:
        assert c.execute(text("SELECT layanan, periode, nilai FROM skm_rekap")).all() == [("", "triwulan", 3.5)]
        c.execute(text("INSERT INTO skm_rekap (kecamatan_id, tahun, triwulan, unsur, nilai, layanan) VALUES "
                       f"({kid}, 2025, 2, 'U1', 3.4, 'KTP')"))
        assert c.execute(text("SELECT count(*) FROM skm_rekap")).scalar_one() == 2
    eng.dispose()
