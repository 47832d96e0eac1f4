"""The Anggaran page (AppTest) on the demo database, against the report figures and the demo files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from apputil import buka, grafik_jenis, metrik, semua_teks, tanpa_galat
from dashboard import format as fmt
from dashboard import ringkasan as rk
from dashboard.data import muat_satu
from models.db import get_engine, session_scope

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"
DEMO_KECAMATAN = [("Bati-Bati", 2024), ("Bajuin", 2025), ("Pelaihari", 2025), ("Contoh Sintetis", 2025)]


def tabel_dengan(at, kolom: str):
    """The first table on the page that has the column."""
    return next(d.value for d in at.dataframe if kolom in d.value.columns)


def kosong(v) -> bool:
    """No value: None/NaN, or the "—" a table shows for it."""
    return v is None or v != v or v == fmt.KOSONG


def periode(url: str, nama: str, tahun: int):
    with session_scope(get_engine(url)) as s:
        return muat_satu(s, nama, tahun)


@pytest.mark.parametrize("nama,tahun", DEMO_KECAMATAN)
def test_setiap_kecamatan_dan_triwulan(app_db, nama, tahun):
    p = periode(app_db, nama, tahun)
    at = buka("anggaran", nama, tahun, 4)
    for tw in (4, 3, 2, 1):
        if tw != 4:
            at.session_state["triwulan"] = tw
            at.run()
        tanpa_galat(at)
        serapan = rk.hitung_anggaran(p, tw)["serapan"]
        assert metrik(at)[f"Serapan s.d. {fmt.triwulan(tw)}"] == (fmt.persen(serapan) if serapan is not None
                                                                    else fmt.KOSONG)
        assert grafik_jenis(at, "anggaran_kumulatif") or "belum ada" in semua_teks(at).lower()


def test_bati_bati_serapan_per_triwulan(app_db):
    at = buka("anggaran", "Bati-Bati", 2024, 4)
    tanpa_galat(at)
    assert "pohon program" in semua_teks(at)
    df = tabel_dengan(at, "Realisasi kumulatif (Rp)")
    assert [fmt.persen(v) for v in df["Serapan (%)"]] == ["18,42 %", "42,07 %", "69,01 %", "90,23 %"]
    for tw, teks in ((1, "18,42 %"), (2, "42,07 %"), (3, "69,01 %")):
        at.session_state["triwulan"] = tw
        at.run()
        assert metrik(at)[f"Serapan s.d. {fmt.triwulan(tw)}"] == teks


def _sub_kegiatan_bati_bati() -> list[dict]:
    with open(DEMO / "bati-bati-2024" / "04_anggaran.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if len(r["kode"].split(".")) == 6]
    return [{"kode": r["kode"], "uraian": r["uraian"], "pagu": float(r["pagu"]),
             "realisasi": sum(float(r[f"realisasi_tw{tw}"]) for tw in range(1, 5))} for r in rows]


def test_bati_bati_sepuluh_terendah_tw_iv(app_db):
    at = buka("anggaran", "Bati-Bati", 2024, 4)
    tanpa_galat(at)
    assert "10 sub kegiatan dengan serapan terendah" in semua_teks(at)
    sub = _sub_kegiatan_bati_bati()
    # Expected from the demo file: serapan − 25 % × 4, larger pagu first on ties, then by code.
    harapan = sorted(sub, key=lambda r: (r["realisasi"] / r["pagu"] * 100 - 100, -r["pagu"], r["kode"]))[:10]
    df = tabel_dengan(at, "Induk")
    assert df["Uraian"].tolist() == [r["uraian"] for r in harapan]
    assert df["Uraian"].iloc[0] == "Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan Aset Desa"
    assert df["Serapan (%)"].iloc[0] == 0
    assert df["Selisih thd waktu (poin)"].iloc[0] == -100


def test_bati_bati_pohon_tingkat(app_db):
    at = buka("anggaran", "Bati-Bati", 2024, 4)
    df = tabel_dengan(at, "Tingkat")
    assert set(df["Tingkat"]) == {"Program", "Kegiatan"}  # the default level: down to kegiatan
    assert len(df) == 6 + 12
    at.segmented_control(key="anggaran_tingkat").set_value("Sub Kegiatan").run()
    at.selectbox(key="anggaran_akar").set_value("7.01.06").run()
    tanpa_galat(at)
    df = tabel_dengan(at, "Tingkat")
    assert df["Kode"].tolist() == ["7.01.06", "7.01.06.2.01", "7.01.06.2.01.0002", "7.01.06.2.01.0003"]
    assert df["Pagu (Rp)"].iloc[0] == pytest.approx(18_006_742)
    assert fmt.persen(df["Serapan (%)"].iloc[0]) == "52,48 %"


def _ringkasan_pagu(at) -> float:
    """The pagu the Pagu card's tooltip states exactly (`Rp 3.762.722.000,00`)."""
    teks = next(m for m in at.metric if m.label == "Pagu").proto.help
    return float(teks.removeprefix("Rp ").replace(".", "").replace(",", "."))


def test_bajuin_tw_iv_lra(app_db):
    at = buka("anggaran", "Bajuin", 2025, 4)
    tanpa_galat(at)
    assert metrik(at)["Serapan s.d. TW IV"] == "88,13 %"
    pagu = next(m for m in at.metric if m.label == "Pagu")
    assert pagu.proto.help == "Rp 8.102.188.741,16"
    teks = semua_teks(at)
    assert "pohon rekening belanja" in teks
    assert "10 rincian objek dengan serapan terendah" in teks
    df = tabel_dengan(at, "Jenis Belanja")
    serapan = {j: fmt.persen(v) for j, v in zip(df["Jenis Belanja"], df["Serapan (%)"])}
    assert serapan == {"Belanja Pegawai": "84,15 %", "Belanja Barang dan Jasa": "90,48 %",
                       "Belanja Hibah": "88,02 %", "Belanja Modal": "87,15 %"}


def test_bajuin_tw_ii_belum_ada_data(app_db):
    at = buka("anggaran", "Bajuin", 2025, 2)
    tanpa_galat(at)
    assert metrik(at)["Serapan s.d. TW II"] == fmt.KOSONG
    teks = semua_teks(at)
    assert "belum ada data" in teks and "TW I–III" in teks
    assert "0,00 %" not in teks
    df = tabel_dengan(at, "Tingkat")
    assert all(kosong(v) for v in df["Realisasi (Rp)"]) and set(df["Kategori"]) == {"belum ada data"}


def _sintetis_kumulatif() -> dict[str, list[float]]:
    """Cumulative realisasi and rencana per TW from the synthetic generator's budget file (its leaves)."""
    from dashboard.sintetis import berkas_sintetis

    isi = next(b["isi"] for b in berkas_sintetis() if b["dataset"] == "anggaran")
    daun = [r for r in csv.DictReader(io.StringIO(isi.decode("utf-8"))) if r["jenis_belanja"]]
    out = {}
    for seri, kolom in (("Realisasi kumulatif", "realisasi_tw"), ("Rencana kumulatif (anggaran kas)", "rencana_tw")):
        per_tw = [sum(float(r[f"{kolom}{tw}"]) for r in daun) for tw in range(1, 5)]
        out[seri] = [sum(per_tw[:n]) for n in range(1, 5)]
    return out


def test_sintetis_grafik_kumulatif_dan_deviasi(app_db):
    at = buka("anggaran", "Contoh Sintetis", 2025, 4)
    tanpa_galat(at)
    [spec] = grafik_jenis(at, "anggaran_kumulatif")
    rows = [r for ds in spec["datasets"].values() for r in ds if "seri" in r]
    harapan = _sintetis_kumulatif()
    for seri, nilai in harapan.items():
        baris = [r for r in rows if r["seri"] == seri]
        assert [r["triwulan"] for r in baris] == ["TW I", "TW II", "TW III", "TW IV"]
        assert [r["nilai"] for r in baris] == pytest.approx(nilai)
    assert "Deviasi thd rencana" in metrik(at)
    deviasi = harapan["Realisasi kumulatif"][3] - harapan["Rencana kumulatif (anggaran kas)"][3]
    # The cards share the pagu's money scale (issue 8, D21): the deviation in miliar too.
    pagu = fmt.skala_rupiah(_ringkasan_pagu(at))
    assert metrik(at)["Deviasi thd rencana"] == fmt.rupiah_ringkas(deviasi, pagu[0])
    assert metrik(at)["Deviasi thd rencana"].endswith(f" {pagu[1]}") and metrik(at)["Pagu"].endswith(f" {pagu[1]}")
    assert any(w.value for w in at.warning if "sintetis" in str(w.value))
    # At TW II only the realisasi of TW I–II is drawn; the plan is drawn for the whole year.
    at.session_state["triwulan"] = 2
    at.run()
    [spec] = grafik_jenis(at, "anggaran_kumulatif")
    rows = [r for ds in spec["datasets"].values() for r in ds if "seri" in r]
    assert [r["triwulan"] for r in rows if r["seri"] == "Realisasi kumulatif"] == ["TW I", "TW II"]
    assert len([r for r in rows if r["seri"] != "Realisasi kumulatif"]) == 4


@pytest.fixture
def db_uji(db_url):
    """A fresh database with a small budget that breaks the rules, Streamlit caches cleared."""
    import streamlit as st

    from models.tables import Anggaran, AnggaranRealisasi, Kecamatan

    with session_scope(get_engine(db_url)) as s:
        k = Kecamatan(nama="Uji Anggaran", kabupaten="Uji")
        s.add_all([k, Kecamatan(nama="Tanpa Anggaran", kabupaten="Uji")])
        s.flush()

        def baris(kode, uraian, pagu, realisasi):
            a = Anggaran(kecamatan_id=k.id, tahun=2025, kode=kode, uraian=uraian, pagu_murni_sen=pagu * 100)
            s.add(a)
            s.flush()
            s.add_all([AnggaranRealisasi(anggaran_id=a.id, triwulan=tw, jumlah_sen=v * 100)
                       for tw, v in realisasi.items()])

        baris("7.01.01", "Program Penunjang", 5_000_000, {})  # printed parent: 5 juta, children add up to 3 juta
        baris("7.01.01.2.01.0001", "Sub kegiatan boros", 1_000_000, {1: 800_000, 2: 700_000})  # 1,5 juta > pagu
        baris("7.01.01.2.01.0002", "Sub kegiatan dikoreksi", 2_000_000, {1: 500_000, 2: -100_000})  # cumulative falls
    st.cache_data.clear()
    st.cache_resource.clear()
    yield db_url
    st.cache_data.clear()


def test_peringatan_realisasi_melebihi_pagu(db_uji):
    at = buka("anggaran", "Uji Anggaran", 2025, 2)
    tanpa_galat(at)
    df = tabel_dengan(at, "Pesan")
    jenis = set(df["Jenis"])
    # Warning kinds in words (issue 8, D21), never as their keys.
    assert {"Realisasi melebihi pagu", "Rincian tidak sama dengan induknya", "Realisasi kumulatif turun"} <= jenis
    assert not any("_" in j for j in jenis)
    baris = df[df["Jenis"] == "Realisasi melebihi pagu"].iloc[0]
    assert "7.01.01.2.01.0001" in baris["Lokasi"] and baris["Tertulis"] == "Rp 1.500.000,00"
    # The program's figures come from its children, not from the printed 5 juta.
    assert metrik(at)["Pagu"] == fmt.rupiah_ringkas(3_000_000)


def test_tanpa_anggaran(db_uji):
    at = buka("anggaran", "Tanpa Anggaran", 2025, 4)
    tanpa_galat(at)
    assert "Belum ada data anggaran" in semua_teks(at)
    assert not at.metric
