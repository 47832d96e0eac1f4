"""The Kabupaten page: all kecamatan of Tanah Laut side by side, against the report figures and the domain functions."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import event, select

from apputil import buka, grafik_jenis, metrik, semua_teks, tanpa_galat
from dashboard import analisis_kabupaten as ak
from dashboard.ringkasan import ringkasan
from models.db import get_engine, session_scope
from models.tables import Kecamatan

TOL = 0.01
DEMO = {"Bati-Bati": 2024, "Bajuin": 2025, "Pelaihari": 2025, "Contoh Sintetis": 2025}


def _periode(url: str, tahun: int) -> dict:
    with session_scope(get_engine(url)) as s:
        ids = list(s.execute(select(Kecamatan.id).where(Kecamatan.kabupaten == "Tanah Laut")).scalars())
        return ak.muat_kabupaten(s, ids, tahun)


def _data_grafik(spec: dict) -> list[dict]:
    """The bar rows of a kabupaten chart (the dataset whose rows name a kecamatan)."""
    return next(rows for rows in spec["datasets"].values() if rows and "kecamatan" in rows[0])


def _garis_rata(spec: dict) -> float:
    return next(rows for rows in spec["datasets"].values() if rows and "rata_rata" in rows[0])[0]["rata_rata"]


# ---------------------------------------------------------------- the page on the demo data

def test_tanah_laut_2025_tw4(app_db):
    at = buka("kabupaten", "Bajuin", 2025, 4)
    tanpa_galat(at)
    hasil = ak.bandingkan(_periode(app_db, 2025), 4, "Bajuin")
    per = {b.kecamatan: b for b in hasil.baris}
    # The report figures (domain tests reproduce them; here they must reach the comparison unchanged).
    assert per["Bajuin"].iku == pytest.approx(119.86, abs=TOL)
    assert per["Bajuin"].serapan == pytest.approx(88.13, abs=TOL)
    assert per["Bajuin"].ikm == pytest.approx(87.26, abs=TOL)
    assert per["Pelaihari"].ikm == pytest.approx(95.54, abs=TOL)
    assert per["Pelaihari"].serapan == pytest.approx(91.09, abs=TOL)
    assert not per["Bati-Bati"].ada_data

    df = at.dataframe[0].value
    kolom = list(df.columns)
    assert kolom[:3] == ["Peringkat", "Kecamatan", "Capaian IKU (%)"]
    nama = list(df["Kecamatan"])
    # Ranked by capaian IKU, best first; Bati-Bati (no 2025 data) after them; the mean row last.
    dengan_iku = sorted((b for b in hasil.baris if b.iku is not None), key=lambda b: -b.iku)
    assert nama[:len(dengan_iku)] == [b.kecamatan for b in dengan_iku]
    assert nama[-2:] == ["Bati-Bati", "Rata-rata kabupaten"]
    assert {"Bajuin", "Pelaihari", "Contoh Sintetis"} <= set(nama)
    ket = dict(zip(df["Kecamatan"], df["Keterangan"]))
    assert "belum ada data" in ket["Bati-Bati"]
    assert "data sintetis" in ket["Contoh Sintetis"]
    teks = semua_teks(at)
    assert "Belum ada data TW IV 2025: Bati-Bati" in teks
    assert "data sintetis" in teks and "Contoh Sintetis" in teks  # the banner names the synthetic kecamatan

    # The mean row and the cards: the plain mean of the real kecamatan that have the figure (the synthetic
    # one is left out of a kabupaten with real data).
    assert hasil.tanpa_sintetis
    assert hasil.rata.iku == pytest.approx((per["Bajuin"].iku + per["Pelaihari"].iku) / 2)
    assert hasil.rata.ikm == pytest.approx((87.26 + 95.54) / 2, abs=TOL)
    assert df.iloc[-1]["Keterangan"] == "rata-rata tanpa data sintetis"
    kartu = metrik(at)
    assert kartu["Capaian IKU"] == ak.teks_nilai("iku", hasil.rata.iku, "tanah_laut")
    assert kartu["Serapan"] == ak.teks_nilai("serapan", hasil.rata.serapan, "tanah_laut")


def test_grafik_batang_dan_garis_rata_rata(app_db):
    at = buka("kabupaten", "Bajuin", 2025, 4)
    tanpa_galat(at)
    hasil = ak.bandingkan(_periode(app_db, 2025), 4, "Bajuin")
    specs = grafik_jenis(at, "kabupaten_batang")
    assert [s["usermeta"]["pantau"]["ukuran"] for s in specs] == list(ak.UKURAN)
    for spec in specs:
        ukuran = spec["usermeta"]["pantau"]["ukuran"]
        rows = _data_grafik(spec)
        diharapkan = sorted((b for b in hasil.baris if b.nilai(ukuran) is not None),
                            key=lambda b: (-b.nilai(ukuran), b.kecamatan))
        assert [r["kecamatan"] for r in rows] == [b.kecamatan for b in diharapkan]
        assert [r["peringkat"] for r in rows] == list(range(1, len(rows) + 1))
        assert "Bati-Bati" not in [r["kecamatan"] for r in rows]
        for r, b in zip(rows, diharapkan):
            assert r["nilai"] == pytest.approx(b.nilai(ukuran))
        assert _garis_rata(spec) == pytest.approx(hasil.rata.nilai(ukuran))
        assert spec["usermeta"]["pantau"]["rata_rata"] == pytest.approx(hasil.rata.nilai(ukuran))
        marks = [lyr["mark"]["type"] for lyr in spec["layer"]]
        assert marks[0] == "bar" and "rule" in marks
        assert "belum ada data: Bati-Bati" in str(spec["title"])
        rata = ak.teks_nilai(ukuran, hasil.rata.nilai(ukuran), "tanah_laut")
        assert f"rata-rata kabupaten (tanpa sintetis) {rata}" in str(spec["title"])
    iku = next(s for s in specs if s["usermeta"]["pantau"]["ukuran"] == "iku")
    bajuin = next(r for r in _data_grafik(iku) if r["kecamatan"] == "Bajuin")
    assert bajuin["teks"] == "119,86 %"
    ikm = next(s for s in specs if s["usermeta"]["pantau"]["ukuran"] == "ikm")
    assert next(r for r in _data_grafik(ikm) if r["kecamatan"] == "Pelaihari")["teks"] == "95,54"
    efi = next(s for s in specs if s["usermeta"]["pantau"]["ukuran"] == "efisiensi")
    assert "Tanah Laut" in str(efi["title"])


def test_2024_hanya_bati_bati(app_db):
    """Bati-Bati reports 2024; the 2025 kecamatan are listed without data. Its own method (selisih) is used."""
    at = buka("kabupaten", "Bati-Bati", 2024, 4)
    tanpa_galat(at)
    periode = _periode(app_db, 2024)
    hasil = ak.bandingkan(periode, 4, "Bati-Bati")
    assert hasil.metode == "selisih"
    df = at.dataframe[0].value
    assert list(df["Kecamatan"])[0] == "Bati-Bati"
    ket = dict(zip(df["Kecamatan"], df["Keterangan"]))
    for nama in ("Bajuin", "Pelaihari"):
        assert "belum ada data" in ket[nama]
    assert "Efisiensi selisih (poin)" in df.columns
    # Contoh Sintetis has desa statuses for 2024: shown, but not in the mean.
    sintetis = next(b for b in hasil.baris if b.kecamatan == "Contoh Sintetis")
    assert sintetis.desa is not None and ket["Contoh Sintetis"].startswith("hanya data desa mandiri")
    bati = next(b for b in hasil.baris if b.kecamatan == "Bati-Bati")
    data = ringkasan(next(p for p in periode.values() if p.kecamatan == "Bati-Bati"), 4)
    assert bati.iku == pytest.approx(data["iku"]["rata_rata_capaian"])
    assert bati.efisiensi == pytest.approx(data["efisiensi"]["semua"]["selisih"])
    assert hasil.rata.desa == pytest.approx(bati.desa)


@pytest.mark.parametrize("nama", list(DEMO))
def test_setiap_kecamatan_dan_triwulan(app_db, nama):
    """Every demo kecamatan, every TW of its year: no error, and the chosen kecamatan's figures as on its summary."""
    tahun = DEMO[nama]
    periode = _periode(app_db, tahun)
    kid = next(k for k, p in periode.items() if p.kecamatan == nama)
    at = buka("kabupaten", nama, tahun, 1)
    for tw in (1, 2, 3, 4):
        if tw > 1:
            at.session_state["triwulan"] = tw
            at.run()
        tanpa_galat(at)
        data = ringkasan(periode[kid], tw, dengan_peringatan=False)
        hasil = ak.bandingkan(periode, tw, nama)
        b = next(x for x in hasil.baris if x.kecamatan == nama)
        assert b.iku == data["iku"]["rata_rata_capaian"]
        assert b.serapan == data["anggaran"]["serapan"]
        assert b.ikm == data["skm"]["ikm"]
        if not any(x.ada_data for x in hasil.baris):
            assert "Belum ada data" in semua_teks(at)
            continue
        df = at.dataframe[0].value
        assert nama in set(df["Kecamatan"])
        assert f"TW {['I', 'II', 'III', 'IV'][tw - 1]} {tahun}" in semua_teks(at)


def test_periode_tanpa_data_sama_sekali(app_db):
    """Bajuin's frame offers 2022 (IKU history at TW IV only): TW I has nothing anywhere, said plainly."""
    at = buka("kabupaten", "Bajuin", 2022, 1)
    tanpa_galat(at)
    assert "Belum ada data untuk TW I 2022 di kecamatan mana pun di Kabupaten Tanah Laut." in semua_teks(at)
    assert "Unggah Data" in semua_teks(at)
    assert not at.dataframe and not grafik_jenis(at, "kabupaten_batang")
    assert not at.metric  # no 0 % where there is no data


# ---------------------------------------------------------------- one batched read

def test_satu_pembacaan_untuk_semua_kecamatan(app_db):
    """The number of queries does not grow with the number of kecamatan."""
    engine = get_engine(app_db)
    jumlah = [0]

    def hitung(*_a):
        jumlah[-1] += 1

    event.listen(engine, "before_cursor_execute", hitung)
    try:
        with session_scope(engine) as s:
            ids = list(s.execute(select(Kecamatan.id).where(Kecamatan.kabupaten == "Tanah Laut")).scalars())
            bajuin = s.execute(select(Kecamatan.id).where(Kecamatan.nama == "Bajuin")).scalar_one()
            for sebagian in ([bajuin], ids):
                jumlah.append(0)
                ak.muat_kabupaten(s, sebagian, 2025)
    finally:
        event.remove(engine, "before_cursor_execute", hitung)
    assert len(ids) == 4
    assert jumlah[1] == jumlah[2] > 0


# ---------------------------------------------------------------- pure builders

def _b(nama, iku=None, serapan=None, desa=None, efisiensi=None, ikm=None, sintetis=False):
    return ak.BarisKabupaten(nama, sintetis, iku, None, None, serapan, None, None, desa, None, None, None,
                             efisiensi, None, None, ikm, None, None, None)


def _hasil(baris, metode="tanah_laut"):
    rata = _b("Rata-rata Kabupaten X", *(
        (sum(v) / len(v)) if (v := [b.nilai(k) for b in baris if b.nilai(k) is not None]) else None
        for k in ak.UKURAN))
    return ak.Perbandingan("X", 2025, 4, baris[0].kecamatan, metode, "Permendagri 86/2017", baris, rata)


def test_peringkat_tanpa_nilai_di_belakang():
    baris = [_b("A", iku=90), _b("B", iku=110), _b("C"), _b("D", serapan=50), _b("E", iku=110)]
    urut = ak.peringkat(baris, "iku")
    assert [(n, b.kecamatan) for n, b in urut] == [(1, "B"), (2, "E"), (3, "A"), (None, "D"), (None, "C")]


def test_tabel_kabupaten_baris_rata_rata_dan_keterangan():
    baris = [_b("A", iku=90, serapan=80, ikm=85), _b("B", iku=110, serapan=70, ikm=90, sintetis=True), _b("C")]
    df = ak.tabel_kabupaten(_hasil(baris), "serapan")
    assert list(df["Kecamatan"]) == ["A", "B", "C", "Rata-rata Kabupaten X"]
    assert [None if pd.isna(n) else n for n in df["Peringkat"]] == [1, 2, None, None]
    assert df.iloc[-1]["Capaian IKU (%)"] == pytest.approx(100.0)
    assert df.iloc[-1]["_tebal"] and not df.iloc[0]["_tebal"]
    assert df.iloc[2]["Keterangan"] == "belum ada data"
    assert "data sintetis" in df.iloc[1]["Keterangan"]
    assert df.iloc[0]["Keterangan"] == "terpilih; belum ada desa mandiri, efisiensi"


@pytest.mark.parametrize("metode,kolom,teks", [("tanah_laut", "Efisiensi Tanah Laut (%)", "26,47 %"),
                                              ("selisih", "Efisiensi selisih (poin)", "+26,47 poin"),
                                              ("rasio", "Efisiensi rasio (%)", "26,47 %")])
def test_efisiensi_menyebut_metode(metode, kolom, teks):
    hasil = _hasil([_b("A", efisiensi=26.47)], metode)
    assert kolom in ak.tabel_kabupaten(hasil).columns
    assert ak.data_grafik(hasil, "efisiensi").iloc[0]["teks"] == teks
    assert ak.SINGKAT_METODE[metode] in ak.judul_efisiensi(metode)


def _periode_iku(nama: str, realisasi: float, sintetis: bool = False):
    import periode_buatan as pb

    p = pb.periode(nama, 2025, indikator_list=[pb.indikator("IKU-1", "Uji", target={2025: [("PK", 100, None, None)]},
                                                            realisasi={2025: {4: realisasi}})])
    p.sintetis = sintetis
    return p


def test_rata_rata_tanpa_sintetis_kecuali_semua_sintetis():
    campur = ak.bandingkan({1: _periode_iku("A", 100), 2: _periode_iku("S", 50, sintetis=True)}, 4, "A")
    assert campur.tanpa_sintetis and campur.rata.iku == pytest.approx(100)
    assert [b.kecamatan for b in ak.dasar_rata(campur)] == ["A"]
    semua = ak.bandingkan({1: _periode_iku("S1", 100, True), 2: _periode_iku("S2", 50, True)}, 4, "S1")
    assert not semua.tanpa_sintetis and semua.rata.iku == pytest.approx(75)
    # A real kecamatan without any data for the period: the synthetic figures are all there is.
    kosong = _periode_iku("K", 0)
    kosong.indikator = []
    hanya = ak.bandingkan({1: kosong, 2: _periode_iku("S", 50, True)}, 4, "K")
    assert not hanya.tanpa_sintetis and hanya.rata.iku == pytest.approx(50)


def test_keterangan_sintetis_hanya_bila_bercampur():
    semua = _hasil([_b("S1", iku=1, sintetis=True), _b("S2", sintetis=True)])
    assert list(ak.tabel_kabupaten(semua)["Keterangan"])[:2] == ["terpilih; hanya data IKU", "belum ada data"]
    campur = _hasil([_b("A", iku=1), _b("S", iku=2, sintetis=True)])
    assert list(ak.tabel_kabupaten(campur)["Keterangan"])[:2] == ["hanya data IKU; data sintetis",
                                                                  "terpilih; hanya data IKU"]


def test_label_sintetis_hanya_bila_bercampur():
    campur = _hasil([_b("A", iku=1), _b("S", iku=2, sintetis=True)])
    assert list(ak.data_grafik(campur, "iku")["label"]) == ["S (sintetis)", "A"]
    semua = _hasil([_b("A", iku=1, sintetis=True), _b("S", iku=2, sintetis=True)])
    assert list(ak.data_grafik(semua, "iku")["label"]) == ["S", "A"]
