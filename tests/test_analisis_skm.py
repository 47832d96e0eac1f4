"""Unit tests of the SKM page builders and queries (dashboard/analisis_skm.py)."""

from __future__ import annotations

import json
import math

import pytest
from sqlalchemy import event

from dashboard import analisis_skm as asm
from dashboard import pengaturan
from dashboard import ringkasan as rk
from dashboard import skm as skm_f
from dashboard.data import Periode, SkmTriwulan
from dashboard.skala import PRESETS
from models.db import get_engine, session_scope
from models.tables import Kecamatan, SkmResponden

# Bajuin 2025, Tabel 14: NRR per TW (U1..U9 in PermenPANRB order) and the printed IKM.
BAJUIN_NRR = {
    1: [3.69, 3.33, 3.11, 4.00, 3.56, 3.49, 3.29, 3.29, 3.55],
    2: [3.63, 3.31, 3.16, 4.00, 3.46, 3.35, 3.33, 3.41, 3.70],
    3: [3.55, 3.30, 3.37, 4.00, 3.47, 3.41, 3.40, 3.46, 3.47],
    4: [3.64, 3.34, 3.38, 4.00, 3.55, 3.55, 3.44, 3.46, 3.51],
}
BAJUIN_IKM = {1: 86.86, 2: 87.00, 3: 87.51, 4: 87.68}


def periode(skm: dict[int, SkmTriwulan], **setelan) -> Periode:
    return Periode(kecamatan_id=1, kecamatan="Uji", kabupaten="Tanah Laut", sintetis=False, tahun=2025,
                   setelan=pengaturan._parse({**pengaturan.DEFAULTS, **setelan}), skala=dict(PRESETS),
                   indikator=[], anggaran=[], skm=skm, desa=[])


def bajuin(**setelan) -> Periode:
    return periode({tw: SkmTriwulan(rekap={**{f"U{i + 1}": v for i, v in enumerate(nrr)}, "IKM": BAJUIN_IKM[tw]},
                                    rekap_responden=150) for tw, nrr in BAJUIN_NRR.items()}, **setelan)


def test_ikm_triwulan_tercetak_dan_dihitung():
    skm = rk.hitung_skm(bajuin(), 4)
    df = asm.tabel_ikm_triwulan(skm, 4)
    assert df["IKM"].tolist() == [86.86, 87.00, 87.51, 87.68]
    assert df["Mutu"].tolist() == ["B (Baik)"] * 4
    assert df["IKM dari NRR"].iloc[3] == pytest.approx(88.53, abs=0.01)
    assert df["Sumber"].tolist() == ["IKM tercetak"] * 4
    assert asm.keterangan_sumber(df) == "IKM tercetak (TW I, TW II, TW III, TW IV)"
    selisih = asm.selisih_tercetak(skm)
    assert [(s["triwulan"], s["tercetak"]) for s in selisih] == [(4, 87.68)]
    assert skm["ikm"] == pytest.approx(87.26, abs=0.01)


def test_ikm_triwulan_kosong_bilang_belum_ada():
    p = bajuin()
    del p.skm[2]
    df = asm.tabel_ikm_triwulan(rk.hitung_skm(p, 3), 3)
    assert df["Mutu"].tolist()[1] == asm.BELUM_ADA
    assert pd_isna(df["IKM"].iloc[1])


def pd_isna(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def test_grafik_ikm_pita_dan_titik():
    skm = rk.hitung_skm(bajuin(), 4)
    spec = asm.grafik_ikm(asm.data_ikm(skm, 4), skm["ikm"], 4).to_dict()
    assert spec["usermeta"]["pantau"]["jenis"] == "ikm_triwulan"
    rows = [r for ds in spec["datasets"].values() for r in ds]
    pita = sorted((r["dari"], r["sampai"], r["mutu"]) for r in rows if "dari" in r)
    assert pita == [(25, 65, "D Tidak Baik"), (65, 76.61, "C Kurang Baik"), (76.61, 88.31, "B Baik"),
                    (88.31, 100, "A Sangat Baik")]
    titik = [(r["triwulan"], r["ikm"], r["mutu"]) for r in rows if "triwulan" in r]
    assert titik == [("TW I", 86.86, "B (Baik)"), ("TW II", 87.0, "B (Baik)"), ("TW III", 87.51, "B (Baik)"),
                     ("TW IV", 87.68, "B (Baik)")]


def test_nrr_label_urutan_dari_setelan_dan_ekstrem():
    p = bajuin(unsur_label=json.dumps({"U3": "Kecepatan Waktu Pelayanan"}),
               unsur_urutan=json.dumps(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U9", "U8"]))
    skm = rk.hitung_skm(p, 4)
    df = asm.tabel_nrr(skm, p.setelan, 4)
    assert df["Kode"].tolist()[-2:] == ["U9", "U8"]
    assert df["Unsur"].iloc[2] == "Kecepatan Waktu Pelayanan"
    assert df["NRR s.d. TW IV"].iloc[2] == pytest.approx(3.255)
    assert [c for c in df.columns if c.startswith("NRR TW")] == ["NRR TW I", "NRR TW II", "NRR TW III", "NRR TW IV"]
    e = asm.ekstrem(skm, p.setelan)
    assert e["terendah"][:2] == ("U3", "Kecepatan Waktu Pelayanan") and e["terendah"][2] == pytest.approx(3.255)
    assert e["tertinggi"][:2] == ("U4", "Biaya/Tarif") and e["tertinggi"][2] == pytest.approx(4.0)
    mutu = dict(zip(df["Kode"], df["_mutu"]))
    assert mutu["U1"] == "A" and mutu["U3"] == "B" and mutu["U9"] == "A"
    spec = asm.grafik_nrr(df, 4).to_dict()
    bars = [r for ds in spec["datasets"].values() for r in ds if "nrr" in r]
    assert [r["kode"] for r in bars][-2:] == ["U9", "U8"]
    assert {r["kode"]: r["warna"] for r in bars}["U4"] == skm_f.MUTU[0][1].warna


def test_sampel_minimum_per_triwulan():
    assert asm.sampel_triwulan(None) is None
    assert asm.sampel_triwulan(1781) == skm_f.sampel_minimum(446)
    skm = rk.hitung_skm(bajuin(), 4)
    df = asm.tabel_responden(skm, 4, None)
    assert df["Status"].tolist() == ["tidak diketahui"] * 4
    df = asm.tabel_responden(skm, 2, 400)  # a quarter of 100 users: 80 respondents needed
    assert df["Sampel minimum"].tolist() == [80, 80] and df["Status"].tolist() == ["memenuhi", "memenuhi"]
    df = asm.tabel_responden(skm, 1, 100_000)
    assert df["Status"].iloc[0] == f"kurang {asm.sampel_triwulan(100_000) - 150}"
    spec = asm.grafik_responden(df).to_dict()
    assert spec["usermeta"]["pantau"]["jenis"] == "skm_responden"


def test_bobot_ikm_dinamai():
    assert "1/9" in asm.nama_bobot("1/9") and "0,111" in asm.nama_bobot("0.111")


# ---------------------------------------------------------------- raw responses


def _responden(kid: int, tw: int, layanan: str, skor: list[int | None], **kw) -> SkmResponden:
    return SkmResponden(kecamatan_id=kid, tahun=2025, triwulan=tw, layanan=layanan,
                        **{f"u{i + 1}": s for i, s in enumerate(skor)}, **kw)


@pytest.fixture
def db_skm(db_url):
    with session_scope(get_engine(db_url)) as s:
        k = Kecamatan(nama="Uji", kabupaten="Tanah Laut")
        s.add(k)
        s.flush()
        kid = k.id
        s.add_all([
            _responden(kid, 1, "KTP-el", [4] * 9, jenis_kelamin="L", umur=19, pendidikan="SMA", saran="Antrean lama"),
            _responden(kid, 1, "KTP-el", [2] * 9, jenis_kelamin="P", umur=45, pendidikan="S1", saran="  "),
            _responden(kid, 2, "KK", [3] * 8 + [None], jenis_kelamin="Perempuan", umur=61, saran="Petugas ramah"),
            _responden(kid, 2, None, [3] * 9, saran="KTP cepat selesai"),
            _responden(kid, 3, "KK", [1] * 9, saran="tidak dihitung s.d. TW II"),
        ])
    return db_url, kid


def _hitung_query(engine):
    jumlah = []
    event.listen(engine, "before_cursor_execute", lambda *a, **k: jumlah.append(1))
    return jumlah


def test_query_layanan_satu_query(db_skm):
    url, kid = db_skm
    engine = get_engine(url)
    with session_scope(engine) as s:
        jumlah = _hitung_query(engine)
        rows = asm.query_layanan(s, kid, 2025, 2)
        assert len(jumlah) == 1
    per = {r["layanan"]: r for r in rows}
    assert per["KTP-el"]["responden"] == 2 and per["KTP-el"]["jumlah"]["U1"] == 6
    assert per["KK"]["terisi"]["U9"] == 0  # a blank answer does not count
    df = asm.tabel_layanan(rows, pengaturan._parse(dict(pengaturan.DEFAULTS)))
    assert df["Layanan"].tolist() == ["KTP-el", "KK", asm.TIDAK_DIISI]
    ikm = dict(zip(df["Layanan"], df["IKM"]))
    assert ikm["KTP-el"] == pytest.approx(75.0)  # NRR 3 on every unsur
    assert pd_isna(ikm["KK"])  # U9 unanswered: no IKM
    assert df["Mutu"].tolist()[1] == "belum lengkap"
    df111 = asm.tabel_layanan(rows, pengaturan._parse({**pengaturan.DEFAULTS, "bobot_ikm": "0.111"}))
    assert df111["IKM"].iloc[0] == pytest.approx(3 * 9 * 0.111 * 25)


def test_query_profil_dan_tabel(db_skm):
    url, kid = db_skm
    with session_scope(get_engine(url)) as s:
        rows = asm.query_profil(s, kid, 2025, 2)
    jk = asm.tabel_profil(rows, "jenis_kelamin")
    assert dict(zip(jk["Jenis kelamin"], jk["Responden"])) == {"Perempuan": 2, "Laki-laki": 1, asm.TIDAK_DIISI: 1}
    umur = asm.tabel_profil(rows, "umur")
    assert umur["Umur"].tolist() == ["< 20 tahun", "40–49 tahun", "≥ 60 tahun", asm.TIDAK_DIISI]
    assert umur["Persen (%)"].sum() == pytest.approx(100)
    assert asm.tabel_profil(rows, "pekerjaan").empty  # nobody answered it
    spec = asm.grafik_profil(umur, "umur").to_dict()
    assert spec["usermeta"]["pantau"] == {"jenis": "skm_profil", "dimensi": "umur"}


def test_query_saran_dan_cari(db_skm):
    url, kid = db_skm
    with session_scope(get_engine(url)) as s:
        rows = asm.query_saran(s, kid, 2025, 2)
    assert [r["saran"] for r in rows] == ["Antrean lama", "Petugas ramah", "KTP cepat selesai"]
    assert len(asm.tabel_saran(rows)) == 3
    assert asm.tabel_saran(rows, "ktp")["Saran"].tolist() == ["Antrean lama", "KTP cepat selesai"]  # layanan KTP-el
    assert asm.tabel_saran(rows, "KTP  cepat")["Saran"].tolist() == ["KTP cepat selesai"]
    assert asm.tabel_saran(rows, "tidak ada").empty
    assert asm.tabel_saran(rows)["Layanan"].tolist()[2] == asm.TIDAK_DIISI


def test_halaman():
    import pandas as pd

    df = pd.DataFrame({"x": range(60)})
    assert asm.jumlah_halaman(60, 25) == 3 and asm.jumlah_halaman(0, 25) == 1
    assert asm.halaman(df, 3, 25)["x"].tolist() == list(range(50, 60))
    assert asm.halaman(df, 0, 25)["x"].tolist()[0] == 0


def test_kelompok_umur():
    assert [asm.kelompok_umur(u) for u in (None, 17, 20, 39, 59, 60, 90)] == [
        asm.TIDAK_DIISI, "< 20 tahun", "20–29 tahun", "30–39 tahun", "50–59 tahun", "≥ 60 tahun", "≥ 60 tahun"]
