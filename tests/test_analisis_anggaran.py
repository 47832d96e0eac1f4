"""Unit tests of the Anggaran page builders (dashboard/analisis_anggaran.py), on hand-made periods."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from dashboard import analisis_anggaran as aa
from dashboard import pengaturan
from dashboard import ringkasan as rk
from dashboard.anggaran import Baris
from dashboard.data import Periode
from dashboard.skala import PRESETS

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"
BANDS = PRESETS["Permendagri 86/2017"]


def periode(baris: list[Baris], **setelan) -> Periode:
    return Periode(kecamatan_id=1, kecamatan="Uji", kabupaten="Tanah Laut", sintetis=False, tahun=2025,
                   setelan=pengaturan._parse({**pengaturan.DEFAULTS, **setelan}), skala=dict(PRESETS),
                   indikator=[], anggaran=baris, skm={}, desa=[])


def rp(x: float) -> int:
    """Rupiah to sen."""
    return round(x * 100)


def contoh() -> Periode:
    """Two programs; sub kegiatan with realisasi for TW I–II and a plan for the year."""
    r = {1: rp(100), 2: rp(200), 3: rp(300), 4: rp(400)}
    return periode([
        Baris("7.01.01", "Program Penunjang", rp(9999), {1: rp(1)}),  # printed parent row: never used
        Baris("7.01.01.2.01.0001", "Sub A", rp(1000), {1: rp(100), 2: rp(150)}, dict(r), "Belanja Pegawai"),
        Baris("7.01.01.2.01.0002", "Sub B", rp(1000), {1: rp(100), 2: rp(150)}, dict(r), "Belanja Barang dan Jasa"),
        Baris("7.01.03.2.01.0001", "Sub C", rp(2000), {1: rp(0), 2: rp(100)}, {1: rp(200), 2: rp(400)},
              "Belanja Barang dan Jasa"),
        Baris("7.01.03.2.01.0002", "Sub D tanpa pagu", 0, {}, {}, "Belanja Barang dan Jasa"),
    ])


def test_per_triwulan_kumulatif_dan_belum_ada_data():
    tw = aa.per_triwulan(contoh())
    assert [b["ada"] for b in tw] == [True, True, False, False]
    assert tw[0]["realisasi"] == pytest.approx(200) and tw[0]["serapan"] == pytest.approx(5.0)
    assert tw[1]["realisasi"] == pytest.approx(600) and tw[1]["serapan"] == pytest.approx(15.0)
    assert tw[2]["serapan"] is None and tw[2]["realisasi"] is None and tw[2]["deviasi"] is None  # never 0 %
    # The plan is known for every TW, also those without realisasi yet.
    assert [b["rencana"] for b in tw] == pytest.approx([400, 1200, 1800, 2600])
    assert tw[1]["deviasi"] == pytest.approx(600 - 1200)
    assert tw[1]["terhadap_rencana"] == pytest.approx(50.0)
    assert tw[1]["ketertinggalan"] == pytest.approx(15 - 50)


def test_tabel_triwulan_tanpa_data_bilang_belum_ada():
    df = aa.tabel_triwulan(aa.per_triwulan(contoh()))
    assert list(df["Kategori"])[2:] == [aa.BELUM_ADA, aa.BELUM_ADA]
    assert df["Serapan (%)"].isna().tolist() == [False, False, True, True]
    assert "Deviasi (Rp)" in df.columns


def test_data_kumulatif_hanya_sampai_triwulan_terpilih():
    df = aa.data_kumulatif(aa.per_triwulan(contoh()), 1)
    realisasi = df[df["seri"] == aa.SERI_REALISASI]
    assert realisasi["triwulan"].tolist() == ["TW I"]
    assert df[df["seri"] == aa.SERI_RENCANA]["nilai"].tolist() == pytest.approx([400, 1200, 1800, 2600])


def test_grafik_kumulatif_spec():
    df = aa.data_kumulatif(aa.per_triwulan(contoh()), 2)
    spec = aa.grafik_kumulatif(df, 4000.0).to_dict()
    assert spec["usermeta"]["pantau"]["jenis"] == "anggaran_kumulatif"
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    rows = [r for ds in spec["datasets"].values() for r in ds if r.get("seri") == aa.SERI_REALISASI]
    assert [(r["triwulan"], r["nilai"], r["teks_persen"]) for r in rows] == [
        ("TW I", 200.0, "5,00 %"), ("TW II", 600.0, "15,00 %")]
    marks = {layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]}
    assert {"bar", "line", "rule"} <= marks


def test_pohon_tingkat_dan_filter():
    a = rk.hitung_anggaran(contoh(), 2)
    pohon = a["_simpul"]
    assert aa.daftar_tingkat(pohon) == ["Program", "Kegiatan", "Sub Kegiatan"]
    df = aa.tabel_pohon(pohon, 2, True, BANDS, sampai="Program")
    assert df["Kode"].tolist() == ["7.01.01", "7.01.03"]
    # Parents are the sum of their children, never the printed parent row.
    assert df["Pagu (Rp)"].tolist() == pytest.approx([2000, 2000])
    assert df["Realisasi (Rp)"].tolist() == pytest.approx([500, 100])
    assert df["Sisa (Rp)"].tolist() == pytest.approx([1500, 1900])
    semua = aa.tabel_pohon(pohon, 2, True, BANDS, akar="7.01.03")
    assert semua["Kode"].tolist() == ["7.01.03", "7.01.03.2.01", "7.01.03.2.01.0001", "7.01.03.2.01.0002"]
    assert semua["Uraian"].iloc[2].startswith("\u2003\u2003")
    assert semua["Kategori"].iloc[3] == "tanpa pagu"
    assert semua["_tebal"].tolist() == [True, False, False, False]


def test_pohon_tanpa_data_triwulan():
    a = rk.hitung_anggaran(contoh(), 3)
    df = aa.tabel_pohon(a["_simpul"], 3, False, BANDS)
    assert df["Realisasi (Rp)"].isna().all() and df["Serapan (%)"].isna().all()
    assert set(df["Kategori"]) == {aa.BELUM_ADA}


def test_terendah_urutan_dan_seri_pagu():
    pohon = rk.hitung_anggaran(contoh(), 2)["_simpul"]
    rows = aa.terendah(pohon, 2)
    # Sub C 5 %, then A and B both 25 %: same serapan, so the larger pagu first; equal pagu, by code.
    assert [r["simpul"].uraian for r in rows] == ["Sub C", "Sub A", "Sub B"]  # Sub D has no pagu: left out
    assert rows[0]["ketertinggalan"] == pytest.approx(5 - 50)
    df = aa.tabel_terendah(rows, 2, BANDS)
    assert df["No"].tolist() == [1, 2, 3]
    assert df["Induk"].iloc[0] == "Program Pemberdayaan Masyarakat Desa dan Kelurahan"
    assert df["Acuan waktu (%)"].iloc[0] == 50


def test_terendah_pagu_besar_dulu_bila_sama():
    p = periode([Baris("7.01.01.2.01.0001", "Kecil", rp(10), {1: 0}),
                 Baris("7.01.01.2.01.0002", "Besar", rp(500), {1: 0}),
                 Baris("7.01.01.2.01.0003", "Sedang", rp(50), {1: 0})])
    rows = aa.terendah(rk.hitung_anggaran(p, 1)["_simpul"], 1)
    assert [r["simpul"].uraian for r in rows] == ["Besar", "Sedang", "Kecil"]


def test_label_terdalam():
    pohon = rk.hitung_anggaran(contoh(), 2)["_simpul"]
    assert aa.label_terdalam("program", pohon) == "sub kegiatan"
    assert aa.label_terdalam("rekening", []) == "rincian objek"


def test_jenis_belanja_dan_serapan_bagian():
    p = contoh()
    df = aa.tabel_jenis_belanja(rk.jenis_belanja(p, 2), BANDS)
    baris = dict(zip(df["Jenis Belanja"], df["Serapan (%)"]))
    assert baris["Belanja Pegawai"] == pytest.approx(25.0)
    assert baris["Belanja Barang dan Jasa"] == pytest.approx(350 / 3000 * 100)
    assert df["Sisa (Rp)"].sum() == pytest.approx(4000 - 600)
    bagian = aa.data_serapan(rk.hitung_anggaran(p, 2)["program"], BANDS)
    assert bagian["teks"].tolist() == ["25,00 %", "5,00 %"]
    spec = aa.grafik_serapan(bagian, 2, "Serapan per program").to_dict()
    assert spec["usermeta"]["pantau"]["jenis"] == "anggaran_serapan_bagian"


def test_pohon_rekening_hanya_tw_iv():
    p = periode([Baris("5.1.01.01.01.0001", "Gaji", rp(1000), {4: rp(900)}),
                 Baris("5.2.02.05.01.0001", "Alat kantor", rp(500), {4: rp(100)})])
    tw = aa.per_triwulan(p)
    assert [b["serapan"] for b in tw[:3]] == [None, None, None]
    assert tw[3]["serapan"] == pytest.approx(1000 / 1500 * 100)
    pohon = rk.hitung_anggaran(p, 4)["_simpul"]
    assert [r["simpul"].uraian for r in aa.terendah(pohon, 4)] == ["Alat kantor", "Gaji"]


def test_peringatan_anggaran_saring():
    semua = [{"jenis": "realisasi_melebihi_pagu"}, {"jenis": "ikm_tercetak_berbeda"},
             {"jenis": "kumulatif_menurun"}, {"jenis": "anggaran_anak_tidak_sama"}, {"jenis": "target_berganda"}]
    assert [w["jenis"] for w in aa.peringatan_anggaran(semua)] == [
        "realisasi_melebihi_pagu", "kumulatif_menurun", "anggaran_anak_tidak_sama"]


def _bati_bati() -> Periode:
    """The demo file of Bati-Bati 2024 (per-quarter amounts), read without the importer."""
    baris = []
    with open(DEMO / "bati-bati-2024" / "04_anggaran.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            baris.append(Baris(r["kode"], r["uraian"], rp(float(r["pagu"])),
                               {tw: rp(float(r[f"realisasi_tw{tw}"])) for tw in range(1, 5)}, {},
                               r["jenis_belanja"] or None))
    return periode(baris)


def test_bati_bati_serapan_per_triwulan_dari_berkas_demo():
    tw = aa.per_triwulan(_bati_bati())
    assert [round(b["serapan"], 2) for b in tw] == [18.42, 42.07, 69.01, 90.23]
    assert tw[3]["pagu"] == pytest.approx(4_996_638_717)


def test_manifest_bati_bati_per_triwulan():
    manifest = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
    entri = next(e for e in manifest["impor"] if e["berkas"] == "bati-bati-2024/04_anggaran.csv")
    assert entri["per_triwulan"] is True  # the file's realisasi columns are per-quarter amounts
