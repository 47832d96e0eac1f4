"""The SKM page (AppTest) on the demo database, against the report figures and the synthetic responses."""

from __future__ import annotations

import csv
import io

import pytest

from apputil import buka, grafik_jenis, metrik, semua_teks, tanpa_galat
from dashboard import format as fmt
from dashboard import pengaturan
from dashboard import ringkasan as rk
from dashboard.data import muat_satu
from models.db import get_engine, session_scope

DEMO_KECAMATAN = [("Bati-Bati", 2024), ("Bajuin", 2025), ("Pelaihari", 2025), ("Contoh Sintetis", 2025)]


def tabel_dengan(at, kolom: str):
    return next(d.value for d in at.dataframe if kolom in d.value.columns)


def periode(url: str, nama: str, tahun: int):
    with session_scope(get_engine(url)) as s:
        return muat_satu(s, nama, tahun)


def titik(spec: dict) -> list[dict]:
    return [r for ds in spec["datasets"].values() for r in ds]


@pytest.mark.parametrize("nama,tahun", DEMO_KECAMATAN)
def test_setiap_kecamatan_dan_triwulan(app_db, nama, tahun):
    p = periode(app_db, nama, tahun)
    at = buka("skm", nama, tahun, 4)
    for tw in (4, 3, 2, 1):
        if tw != 4:
            at.session_state["triwulan"] = tw
            at.run()
        tanpa_galat(at)
        skm = rk.hitung_skm(p, tw)
        assert metrik(at)[f"IKM s.d. {fmt.triwulan(tw)}"] == fmt.angka(skm["ikm"])
        [spec] = grafik_jenis(at, "ikm_triwulan")
        assert [r["ikm"] for r in titik(spec) if "triwulan" in r] == pytest.approx(
            list(skm["ikm_triwulan"].values()))


def test_pelaihari_tw_iv(app_db):
    at = buka("skm", "Pelaihari", 2025, 4)
    tanpa_galat(at)
    m = {x.label: x for x in at.metric}
    assert m["IKM TW IV"].value == "90,88" and m["IKM TW IV"].proto.delta == "Mutu A (Sangat Baik)"
    assert m["IKM s.d. TW IV"].value == "95,54" and m["IKM s.d. TW IV"].proto.delta == "Mutu A (Sangat Baik)"
    assert "hanya berisi IKM tercetak" in semua_teks(at)  # no per-unsur NRR in that report


def test_bajuin_per_triwulan_dan_unsur(app_db):
    at = buka("skm", "Bajuin", 2025, 4)
    tanpa_galat(at)
    df = tabel_dengan(at, "IKM dari NRR")
    assert [fmt.angka(v) for v in df["IKM"]] == ["86,86", "87,00", "87,51", "87,68"]
    m = {x.label: x for x in at.metric}
    assert m["IKM s.d. TW IV"].value == "87,26" and m["IKM s.d. TW IV"].proto.delta == "Mutu B (Baik)"
    teks = semua_teks(at)
    assert "terendah**: Waktu Penyelesaian (NRR 3,255)" in teks
    assert "tertinggi**: Biaya/Tarif (NRR 4,000)" in teks
    # The printed IKM of TW IV is the figure of record; the one recomputed from its NRR is shown beside it.
    peringatan = " ".join(str(w.value) for w in at.warning)
    assert "IKM tercetak **87,68**" in peringatan and "88,53" in peringatan
    assert "1/9" in teks  # the weight is named
    [nrr] = grafik_jenis(at, "nrr_unsur")
    bars = {r["kode"]: r for r in titik(nrr) if "nrr" in r}
    assert bars["U3"]["nrr"] == pytest.approx(3.255) and bars["U4"]["teks"] == "4,000"
    assert "berupa rekap" in teks  # no raw responses: per layanan, profile and saran say why


def test_bati_bati_tw_i_ikm_tercetak_berbeda(app_db):
    at = buka("skm", "Bati-Bati", 2024, 1)
    tanpa_galat(at)
    peringatan = " ".join(str(w.value) for w in at.warning)
    assert "IKM tercetak **94,15**" in peringatan and "92,06" in peringatan
    assert metrik(at)["IKM TW I"] == "94,15"


def _sintetis_per_layanan() -> dict[str, tuple[int, float]]:
    """Respondents and IKM (1/9) per layanan over the four synthetic response files."""
    from dashboard.sintetis import berkas_sintetis

    jumlah: dict[str, dict] = {}
    for b in berkas_sintetis():
        if b["dataset"] != "skm":
            continue
        for r in csv.DictReader(io.StringIO(b["isi"].decode("utf-8"))):
            d = jumlah.setdefault(r["layanan"], {"n": 0, "s": [0] * 9, "c": [0] * 9})
            d["n"] += 1
            for i in range(9):
                if r[f"u{i + 1}"]:
                    d["s"][i] += int(r[f"u{i + 1}"])
                    d["c"][i] += 1
    return {k: (d["n"], sum(s / c for s, c in zip(d["s"], d["c"])) / 9 * 25) for k, d in jumlah.items()}


def test_sintetis_per_layanan_dan_saran(app_db):
    at = buka("skm", "Contoh Sintetis", 2025, 4)
    tanpa_galat(at)
    df = tabel_dengan(at, "Layanan")
    harapan = _sintetis_per_layanan()
    assert set(df["Layanan"]) == set(harapan)
    for layanan, n, ikm in zip(df["Layanan"], df["Responden"], df["IKM"]):
        assert (n, ikm) == (harapan[layanan][0], pytest.approx(harapan[layanan][1]))
    assert df["Responden"].tolist() == sorted(df["Responden"], reverse=True)
    assert grafik_jenis(at, "skm_profil")
    # Search the saran: fewer rows, each containing the word.
    saran = tabel_dengan(at, "Saran")
    semua = len(saran)
    at.text_input(key="skm_cari").input("antrean").run()
    tanpa_galat(at)
    saran = tabel_dengan(at, "Saran")
    assert 0 < len(saran) < semua
    assert all("antrean" in (s + " " + lay).lower() for s, lay in zip(saran["Saran"], saran["Layanan"]))
    assert any("memuat “antrean”" in str(c.value) for c in at.caption)


def test_sintetis_responden_dan_sampel(app_db):
    p = periode(app_db, "Contoh Sintetis", 2025)
    at = buka("skm", "Contoh Sintetis", 2025, 4)
    [spec] = grafik_jenis(at, "skm_responden")
    rows = [r for r in titik(spec) if "triwulan" in r]
    assert [r["responden"] for r in rows] == [p.skm[tw].responden for tw in range(1, 5)]
    from dashboard.skm import sampel_minimum

    minimum = sampel_minimum(-(-p.setelan.skm_populasi // 4))
    assert {r["minimum"] for r in rows} == {minimum}
    assert metrik(at)["IKM gabungan"] == fmt.angka(rk.ikm_gabungan(p, 4))


def test_bobot_0111_mengubah_ikm(app_db):
    p = periode(app_db, "Contoh Sintetis", 2025)
    sebelum = rk.hitung_skm(p, 4)["ikm"]
    at = buka("skm", "Contoh Sintetis", 2025, 4)
    assert metrik(at)["IKM s.d. TW IV"] == fmt.angka(sebelum)
    with session_scope(get_engine(app_db)) as s:
        pengaturan.simpan(s, "bobot_ikm", "0.111", kecamatan_id=p.kecamatan_id, pengguna="uji")
    sesudah = rk.hitung_skm(periode(app_db, "Contoh Sintetis", 2025), 4)["ikm"]
    assert sesudah == pytest.approx(sebelum * 0.999)
    at = buka("skm", "Contoh Sintetis", 2025, 4)
    tanpa_galat(at)
    assert metrik(at)["IKM s.d. TW IV"] == fmt.angka(sesudah) != fmt.angka(sebelum)
    assert "0,111 (seperti laporan lama)" in semua_teks(at)
    df = tabel_dengan(at, "Layanan")
    harapan = _sintetis_per_layanan()
    assert df["IKM"].iloc[0] == pytest.approx(harapan[df["Layanan"].iloc[0]][1] * 0.999)


def test_tanpa_data_skm(db_url):
    import streamlit as st

    from models.tables import Kecamatan

    with session_scope(get_engine(db_url)) as s:
        s.add(Kecamatan(nama="Tanpa SKM", kabupaten="Uji"))
    st.cache_data.clear()
    at = buka("skm", "Tanpa SKM", 2025, 4)
    tanpa_galat(at)
    assert "Belum ada data SKM" in semua_teks(at)
    st.cache_data.clear()
