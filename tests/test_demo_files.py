"""The demo import files (data/demo) and the synthetic kecamatan, checked without the import engine.

The figures are the reports' own (shared/reference): budget trees that add up, the Bati-Bati quarterly
absorption, the LRA totals, the desa counts and scores, the IKU averages. The last test loads the
demo through the engine, when the engine is there.
"""

from __future__ import annotations

import io
import itertools
import re
from decimal import Decimal
from statistics import fmean

import pandas as pd
import pytest

from dashboard import desa as desa_f
from dashboard import iku as iku_f
from dashboard import pengaturan
from dashboard import skm as skm_f
from dashboard.demo import DEMO, baca_manifest, daftar_berkas
from dashboard.sintetis import KECAMATAN, PENGATURAN_SINTETIS, berkas_sintetis
from dashboard.skala import PRESETS

MANIFEST = baca_manifest()
ENTRI = MANIFEST["impor"]
DATASET = {"indikator", "realisasi", "anggaran", "skm", "skm-rekap", "desa"}
DIMENSI = ["layanan_dasar", "sosial", "ekonomi", "lingkungan", "aksesibilitas", "tata_kelola"]


def normal(header: str) -> str:
    """Headers match ignoring case, spaces and punctuation (formats.md §1)."""
    return re.sub(r"[^0-9a-z]", "", header.lower())


# Canonical names and the aliases these files use, per dataset (formats.md §1).
WAJIB = {
    "indikator": [{"kode"}, {"indikator"}, {"tahun"}, {"target"}],
    "realisasi": [{"kode"}, {"tahun"}, {"triwulan"}, {"realisasi"}],
    "anggaran": [{"kode", "koderekening"}, {"uraian"}, {"tahun"}, {"pagu", "anggaran"}],
    "skm": [{"tahun"}, {"triwulan"}, *[{f"u{i}"} for i in range(1, 10)]],
    "skm-rekap": [{"tahun"}, {"triwulan"}, {"unsur"}, {"nrr", "nrrtwi"}],
    "desa": [{"namadesa"}],
}
DARI_PEMANGGIL = {"tahun", "triwulan"}


def baca(isi: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(isi), dtype=str, keep_default_na=False)


def berkas(e: dict) -> pd.DataFrame:
    return baca((DEMO / e["berkas"]).read_bytes())


def satu(kecamatan: str, dataset: str) -> pd.DataFrame:
    (e,) = [e for e in ENTRI if e["kecamatan"] == kecamatan and e["dataset"] == dataset]
    return berkas(e)


def angka(x: str) -> Decimal | None:
    return Decimal(x) if x.strip() else None


def kolom_hilang(df: pd.DataFrame, entri: dict) -> list[str]:
    ada = {normal(c) for c in df.columns}
    hilang = []
    for pilihan in WAJIB[entri["dataset"]]:
        if pilihan & ada:
            continue
        nama = next(iter(pilihan))
        if nama in DARI_PEMANGGIL and entri.get(nama) is not None:
            continue
        if nama == "triwulan" and entri["dataset"] == "skm-rekap" and "nrrtwi" in ada:
            continue  # report style: one NRR column per TW
        if nama == "realisasi" and {f"realisasitw{i}" for i in range(1, 5)} <= ada:
            continue
        hilang.append(nama)
    return hilang


# ------------------------------------------------------------------------------------ manifest

def test_manifest_menyebut_setiap_berkas_dan_hanya_itu():
    disebut = [e["berkas"] for e in ENTRI]
    assert len(disebut) == len(set(disebut))
    ada = sorted(str(p.relative_to(DEMO)) for p in DEMO.glob("*/*.csv"))
    assert sorted(disebut) == ada
    for e in ENTRI:
        assert e["dataset"] in DATASET
        assert e["kabupaten"] == "Tanah Laut"
        assert e["kecamatan"] in {"Bati-Bati", "Bajuin", "Pelaihari"}
        assert e["triwulan"] in (None, 1, 2, 3, 4)
        assert isinstance(e["per_triwulan"], bool)
        assert e["keterangan"].startswith("source:")
        slug = e["berkas"].split("/")[0]
        assert re.fullmatch(r"\d\d_[a-z_]+\.csv", e["berkas"].split("/")[1])
        assert slug in {"bati-bati-2024", "bajuin-2025", "pelaihari-2025"}


def test_manifest_urutan_muat_sesuai_nomor_berkas():
    per_slug: dict[str, list[str]] = {}
    for e in ENTRI:
        per_slug.setdefault(e["berkas"].split("/")[0], []).append(e["berkas"].split("/")[1])
    for nama in per_slug.values():
        assert nama == sorted(nama)
        assert nama.index(next(n for n in nama if "indikator" in n)) < nama.index(
            next(n for n in nama if "realisasi" in n))


@pytest.mark.parametrize("nilai", [*MANIFEST["pengaturan"].values(), PENGATURAN_SINTETIS])
def test_pengaturan_sah(nilai):
    for kunci, isi in nilai.items():
        assert kunci in pengaturan.DEFAULTS
        if kunci in {"skala_capaian", "skala_serapan"}:
            assert isi in PRESETS
        else:
            assert pengaturan.validasi(None, kunci, isi) == isi


# -------------------------------------------------------------------------------- every file

@pytest.mark.parametrize("entri", ENTRI, ids=lambda e: e["berkas"])
def test_berkas_terbaca_dan_kolom_wajib_ada(entri):
    df = berkas(entri)
    assert len(df) > 0
    assert kolom_hilang(df, entri) == []


AMBIGU = re.compile(r"^-?\d{1,3}\.\d{3}$")  # 3.613 could be Indonesian 3613
JELAS_EN = re.compile(r"^-?\d+\.(\d{1,2}|\d{4,})$")
ANGKA = re.compile(r"^-?\d+(\.\d+)?$")


def _cek_angka_polos(df: pd.DataFrame, nama: str):
    for kolom in df.columns:
        isi = [v for v in df[kolom] if v.strip()]
        if not isi or not all(ANGKA.match(v) for v in isi):
            continue
        if any(AMBIGU.match(v) for v in isi):
            assert any(JELAS_EN.match(v) for v in isi), f"{nama}: kolom {kolom} hanya berisi angka ambigu"


@pytest.mark.parametrize("entri", ENTRI, ids=lambda e: e["berkas"])
def test_angka_polos_terbaca_dalam_gaya_apa_pun(entri):
    """Plain numbers; a column whose values could be read as Indonesian thousands has one that cannot."""
    df = berkas(entri)
    for kolom in df.columns:
        if normal(kolom) in {"kode", "koderekening", "uraian", "indikator", "sasaran", "keterangan", "unsur"}:
            continue
        for v in df[kolom]:
            assert not re.match(r"^-?[\d.]+,\d+$", v), f"{entri['berkas']}: {kolom}={v}"
    _cek_angka_polos(df, entri["berkas"])


# ----------------------------------------------------------------------------------- anggaran

def _induk_terdekat(kode: str, semua: set[str]) -> str | None:
    seg = kode.split(".")
    for n in range(len(seg) - 1, 0, -1):
        if ".".join(seg[:n]) in semua:
            return ".".join(seg[:n])
    return None


def periksa_pohon(df: pd.DataFrame, kolom_kode: str, kolom_angka: list[str]) -> dict[str, list[Decimal]]:
    """Assert every parent equals the sum of its children; returns the leaf totals per column."""
    baris = df[df[kolom_kode].str.strip() != ""]
    nilai = {r[kolom_kode]: [angka(r[k]) or Decimal(0) for k in kolom_angka] for _, r in baris.iterrows()}
    assert len(nilai) == len(baris), "kode ganda"
    anak: dict[str, list[str]] = {}
    for kode in nilai:
        induk = _induk_terdekat(kode, set(nilai))
        if induk:
            anak.setdefault(induk, []).append(kode)
    for induk, kodes in anak.items():
        jumlah = [sum(nilai[k][i] for k in kodes) for i in range(len(kolom_angka))]
        assert jumlah == nilai[induk], f"{induk}: {nilai[induk]} != {jumlah}"
    daun = [k for k in nilai if k not in anak]
    return {kol: sum(nilai[k][i] for k in daun) for i, kol in enumerate(kolom_angka)}


@pytest.mark.parametrize("entri", [e for e in ENTRI if e["dataset"] == "anggaran"], ids=lambda e: e["berkas"])
def test_induk_anggaran_sama_dengan_jumlah_anak(entri):
    df = berkas(entri)
    kode = next(c for c in df.columns if normal(c) in {"kode", "koderekening"})
    kolom = [c for c in df.columns if normal(c) in {"pagu", "anggaran", "realisasi"} or normal(c).startswith(
        ("realisasitw", "rencanatw"))]
    total = periksa_pohon(df, kode, kolom)
    baris_jumlah = df[df[kode].str.strip() == ""]
    for _, r in baris_jumlah.iterrows():
        assert r.iloc[1].upper().startswith("JUMLAH")
        assert [angka(r[k]) for k in kolom] == [total[k] for k in kolom]


def test_bati_bati_serapan_kumulatif_per_triwulan():
    df = satu("Bati-Bati", "anggaran")
    daun = df[df.kode.str.count(r"\.") == 5]
    assert len(daun) == 26
    assert df.kode.str.count(r"\.").eq(2).sum() == 6 and df.kode.str.count(r"\.").eq(4).sum() == 12
    pagu = sum(Decimal(x) for x in daun.pagu)
    assert pagu == Decimal("4996638717")
    per_tw = [sum(Decimal(x) for x in daun[f"realisasi_tw{i}"]) for i in range(1, 5)]
    assert per_tw == [Decimal(x) for x in ("920179264", "1182091365", "1346086416", "1060031485")]
    kumulatif = [float(x / pagu * 100) for x in itertools.accumulate(per_tw)]
    assert kumulatif == pytest.approx([18.42, 42.07, 69.01, 90.23], abs=0.01)
    gaji = daun[daun.jenis_belanja == "Belanja Pegawai"]
    assert list(gaji.kode) == ["7.01.01.2.02.0001"]
    assert set(daun.jenis_belanja) == {"Belanja Pegawai", "Belanja Barang dan Jasa"}


@pytest.mark.parametrize("kecamatan, baris, pagu, realisasi, serapan", [
    ("Bajuin", 159, "8102188741.16", "7140490984", 88.13),
    ("Pelaihari", 24, "12296340286.46", "11200768358", 91.09),
])
def test_lra_total(kecamatan, baris, pagu, realisasi, serapan):
    (e,) = [e for e in ENTRI if e["kecamatan"] == kecamatan and e["dataset"] == "anggaran"]
    assert (e["tahun"], e["triwulan"], e["per_triwulan"]) == (2025, 4, False)
    df = berkas(e)
    berkode = df[df["Kode Rekening"] != ""]
    assert len(berkode) == baris
    (akar,) = berkode[berkode["Kode Rekening"] == "5"].itertuples(index=False)
    assert (Decimal(akar[2]), Decimal(akar[3])) == (Decimal(pagu), Decimal(realisasi))
    total = periksa_pohon(df, "Kode Rekening", ["Anggaran", "Realisasi"])
    assert (total["Anggaran"], total["Realisasi"]) == (Decimal(pagu), Decimal(realisasi))
    assert float(Decimal(realisasi) / Decimal(pagu) * 100) == pytest.approx(serapan, abs=0.01)
    assert not df.Uraian.str.contains("luran").any()


# --------------------------------------------------------------------------------------- desa

def _desa(kecamatan: str) -> pd.DataFrame:
    return satu(kecamatan, "desa")


@pytest.mark.parametrize("kecamatan, tahun, jumlah", [
    ("Bajuin", "2025", {"Mandiri": 7, "Maju": 2}),
    ("Pelaihari", "2025", {"Mandiri": 12, "Maju": 2, "Berkembang": 1}),
    ("Bati-Bati", "2024", {"Mandiri": 9, "Maju": 5}),
    ("Bati-Bati", "2023", {"Mandiri": 2, "Maju": 12}),
])
def test_jumlah_status_desa(kecamatan, tahun, jumlah):
    df = _desa(kecamatan)
    desa = df[(df.jenis == "desa") & (df.tahun == tahun)]
    assert desa.status.value_counts().to_dict() == jumlah
    assert desa.nama_desa.is_unique


def test_pelaihari_kelurahan_tanpa_status():
    df = _desa("Pelaihari")
    kel = df[df.jenis == "kelurahan"]
    assert sorted(kel.nama_desa) == ["Angsau", "Pelaihari"]
    assert (kel.status == "").all() and (kel.skor == "").all()


def test_nama_desa_huruf_judul():
    for kecamatan in ("Bajuin", "Pelaihari", "Bati-Bati"):
        for nama in _desa(kecamatan).nama_desa:
            assert all(w[:1].isupper() and w[1:].islower() for w in re.split(r"[ -]", nama)), nama


def _cek_skor_desa(df: pd.DataFrame):
    desa = df[df.skor != ""]
    assert len(desa) > 0
    for _, r in desa.iterrows():
        total = sum(int(r[d]) for d in DIMENSI)
        assert Decimal(r.skor) == round(Decimal(total) / 635 * 100, 2), r.nama_desa
        assert desa_f.klasifikasi(float(r.skor), r.skema) == r.status, r.nama_desa


@pytest.mark.parametrize("kecamatan", ["Bajuin", "Pelaihari"])
def test_skor_desa_dari_dimensi_dan_status_sesuai_ambang(kecamatan):
    _cek_skor_desa(_desa(kecamatan))


# ---------------------------------------------------------------------------------------- IKU

def capaian_iku(kecamatan: str, tahun: int, triwulan: int = 4) -> dict[str, float | None]:
    """Capaian s.d. TW n per IKU from the files, against the latest target version."""
    ind = satu(kecamatan, "indikator")
    real = satu(kecamatan, "realisasi")
    out = {}
    for kode, rows in ind[ind.tahun == str(tahun)].groupby("kode", sort=True):
        akhir = rows.iloc[-1]
        r = real[(real.kode == kode) & (real.tahun == str(tahun))]
        nilai = {int(t): float(v) for t, v in zip(r.triwulan, r.realisasi)}
        realisasi = iku_f.realisasi_sd(nilai, triwulan, akhir.agregasi)
        out[kode] = iku_f.capaian(float(akhir.target), realisasi, akhir.polaritas)
    return out


@pytest.mark.parametrize("kecamatan, tahun, capaian, rata_rata", [
    ("Bajuin", 2025, {"IKU-1": 140.0, "IKU-2": 99.73}, 119.86),
    ("Pelaihari", 2025, {"IKU-1": 120.0, "IKU-2": 99.95}, 109.97),
    ("Bati-Bati", 2024, {"IKU-1": 914.29, "IKU-2": 102.76, "IKU-3": 100.80}, 372.62),
])
def test_capaian_dan_rata_rata_iku(kecamatan, tahun, capaian, rata_rata):
    hasil = capaian_iku(kecamatan, tahun)
    assert hasil == pytest.approx(capaian, abs=0.01)
    assert iku_f.rata_rata_capaian(list(hasil.values())) == pytest.approx(rata_rata, abs=0.01)


def test_versi_target_bajuin_dan_bati_bati():
    ind = satu("Bajuin", "indikator")
    assert list(ind[ind.kode == "IKU-1"].target) == ["75", "65", "55.55"]
    assert list(ind[ind.kode == "IKU-2"].target) == ["75", "89", "87.50"]
    assert set(ind.target_renstra) == {"100", "89.5"}
    bb = satu("Bati-Bati", "indikator")
    assert list(bb[bb.kode == "IKU-2"].versi) == ["PK", "Pengukuran LKj (Tabel 3.6)"]
    assert bb[bb.kode == "IKU-1"].satuan.item() == "Rasio"


def test_realisasi_tanpa_rincian_triwulan_hanya_di_tw_iv():
    for kecamatan in ("Bajuin", "Pelaihari", "Bati-Bati"):
        real = satu(kecamatan, "realisasi")
        lain = real[(real.triwulan != "4") & ~((real.kode == "IKU-2") & (kecamatan != "Bati-Bati"))]
        assert lain.empty, kecamatan
        tw4 = real[(real.triwulan == "4") & (real.faktor_pendorong != "")]
        assert set(tw4.tahun) == {"2025" if kecamatan != "Bati-Bati" else "2024"}


# ---------------------------------------------------------------------------------------- SKM

@pytest.mark.parametrize("kecamatan, ikm_tw, tahunan", [
    ("Bajuin", [86.86, 87.00, 87.51, 87.68], 87.26),
    ("Pelaihari", [97.48, 97.09, 96.72, 90.88], 95.54),
    ("Bati-Bati", [94.15, 93.25, 91.00, 91.19], 92.40),
])
def test_skm_rekap(kecamatan, ikm_tw, tahunan):
    df = satu(kecamatan, "skm-rekap")
    tw = [c for c in df.columns if c.startswith("NRR TW")]
    assert len(tw) == 4
    nilai = [float(df.loc[df.Unsur == "Nilai Hasil IKM", c].item()) for c in tw]
    assert nilai == pytest.approx(ikm_tw)
    assert fmean(nilai) == pytest.approx(tahunan, abs=0.01)
    assert set(df.Responden) == {"150"}
    unsur = df[df.Unsur != "Nilai Hasil IKM"]
    assert len(unsur) in (0, 9)
    for c in tw:
        assert all(1 <= float(v) <= 4 for v in unsur[c])


def test_skm_rekap_iku_ikm_sama_dengan_rata_rata_triwulan():
    for kecamatan in ("Bajuin", "Pelaihari"):
        real = satu(kecamatan, "realisasi")
        ikm = real[(real.kode == "IKU-2") & (real.tahun == "2025")].sort_values("triwulan")
        rekap = satu(kecamatan, "skm-rekap")
        cetak = rekap[rekap.Unsur == "Nilai Hasil IKM"][[c for c in rekap.columns if c.startswith("NRR")]]
        assert list(ikm.realisasi.astype(float)) == [float(x) for x in cetak.iloc[0]]


# ---------------------------------------------------------------------------------- synthetic

@pytest.fixture(scope="module")
def sintetis():
    return berkas_sintetis()


def test_sintetis_deterministik(sintetis):
    lagi = berkas_sintetis()
    assert [(e["nama_file"], e["isi"]) for e in sintetis] == [(e["nama_file"], e["isi"]) for e in lagi]
    beda = berkas_sintetis(7)
    assert [e["isi"] for e in beda] != [e["isi"] for e in sintetis]


def test_sintetis_bentuk_entri_dan_kolom(sintetis):
    assert [e["dataset"] for e in sintetis] == ["desa", "indikator", "realisasi", "anggaran", "skm", "skm", "skm",
                                               "skm"]
    for e in sintetis:
        assert e["kecamatan"] == KECAMATAN and e["kabupaten"] == "Tanah Laut" and e["tahun"] == 2025
        assert e["sintetis"] is True and "sintetis" in e["keterangan"].lower()
        df = baca(e["isi"])
        assert kolom_hilang(df, e) == []
        _cek_angka_polos(df, e["nama_file"])
    assert [e["triwulan"] for e in sintetis if e["dataset"] == "skm"] == [1, 2, 3, 4]
    assert next(e for e in sintetis if e["dataset"] == "anggaran")["per_triwulan"] is True


def _per(sintetis, dataset):
    return [baca(e["isi"]) for e in sintetis if e["dataset"] == dataset]


def test_sintetis_skm(sintetis):
    real = _per(sintetis, "realisasi")[0]
    for tw, (e, df) in enumerate(zip([e for e in sintetis if e["dataset"] == "skm"], _per(sintetis, "skm")), 1):
        assert 150 <= len(df) <= 200
        assert df.id_responden.is_unique
        bulan = pd.to_datetime(df.tanggal).dt.month
        assert bulan.between(3 * tw - 2, 3 * tw).all()
        assert (pd.to_datetime(df.tanggal).dt.weekday < 5).all()
        skor = df[[f"u{i}" for i in range(1, 10)]]
        isi = skor.stack()
        assert set(isi) <= {"", "1", "2", "3", "4"}
        assert 0 < (isi == "").sum() < 20
        jawaban = [{u: int(r[u.lower()]) if r[u.lower()] else None for u in skm_f.UNSUR} for _, r in df.iterrows()]
        nrr = skm_f.nrr_per_unsur(jawaban)
        ikm = skm_f.ikm(nrr)
        assert 85 <= ikm <= 90
        assert min(nrr, key=nrr.get) == "U3"  # Waktu Penyelesaian is the weak one
        dicatat = real[(real.kode == "IKU-2") & (real.triwulan == str(tw))].realisasi.item()
        assert dicatat == f"{ikm:.2f}"
        assert 0.3 < (df.saran == "").mean() < 0.8
        assert df.layanan.nunique() >= 7 and set(df.jenis_kelamin) == {"Laki-laki", "Perempuan"}


def test_sintetis_desa(sintetis):
    df = _per(sintetis, "desa")[0]
    _cek_skor_desa(df)
    status = {t: g.set_index("nama_desa").status for t, g in df.groupby("tahun")}
    assert set(status) == {"2024", "2025"} and 8 <= len(status["2025"]) <= 12
    berubah = (status["2024"] != status["2025"]).sum()
    assert 2 <= berubah <= 4
    real = _per(sintetis, "realisasi")[0]
    rasio = (status["2025"] == "Mandiri").mean() * 100
    assert set(real[real.kode == "IKU-1"].realisasi) == {f"{rasio:.2f}"}


def test_sintetis_indikator_dan_realisasi(sintetis):
    ind = _per(sintetis, "indikator")[0]
    real = _per(sintetis, "realisasi")[0]
    iku = ind[ind.jenis == "iku"]
    assert set(iku.hitung) >= {"rasio_desa_mandiri", "ikm"} and 2 <= iku.kode.nunique() <= 4
    assert iku[iku.hitung == "ikm"].agregasi.unique().tolist() == ["rata_rata"]
    ik = ind[ind.jenis == "ik"]
    assert 1 <= len(ik) <= 2 and set(ik.agregasi) == {"jumlah"}
    assert all(ik[f"target_tw{i}"].ne("").all() for i in range(1, 5))
    assert (ik.target_tw4 == ik.target).all()
    assert set(real.kode) == set(ind.kode)
    for kode in ind.kode.unique():
        assert sorted(real[real.kode == kode].triwulan) == ["1", "2", "3", "4"]
    teks = real[real.kode.str.startswith("IKU")]
    assert (teks.faktor_pendorong + teks.faktor_penghambat + teks.tindak_lanjut != "").all()
    assert real.keterangan.str.contains("sintetis").all()


def test_sintetis_anggaran(sintetis):
    df = _per(sintetis, "anggaran")[0]
    assert 20 <= len(df) <= 35
    rencana = [f"rencana_tw{i}" for i in range(1, 5)]
    realisasi = [f"realisasi_tw{i}" for i in range(1, 5)]
    periksa_pohon(df, "kode", ["pagu", *rencana, *realisasi])
    daun = df[df.kode.str.count(r"\.") == 5]
    assert {"Belanja Pegawai", "Belanja Barang dan Jasa", "Belanja Modal"} <= set(daun.jenis_belanja)
    serapan_daun = []
    for _, r in daun.iterrows():
        pagu = int(r.pagu)
        assert sum(int(r[c]) for c in rencana) == pagu
        assert sum(int(r[c]) for c in realisasi) <= pagu
        serapan_daun.append(sum(int(r[c]) for c in realisasi) / pagu)
    assert sum(s < 0.75 for s in serapan_daun) in (1, 2)  # one or two lagging sub kegiatan
    pagu = sum(int(x) for x in daun.pagu)
    serapan = sum(int(x) for c in realisasi for x in daun[c]) / pagu * 100
    assert 80 < serapan < 98


# ---------------------------------------------------------------------------- with the engine

@pytest.mark.slow
@pytest.mark.postgres
def test_muat_demo_berhasil_dan_idempoten(db_url):
    from sqlalchemy import func, select

    from dashboard.demo import muat_demo
    from models.db import get_engine, session_scope
    from models import tables as t

    def hitung():
        with session_scope(get_engine(db_url)) as s:
            return {m.__name__: s.execute(select(func.count()).select_from(m)).scalar_one() for m in (
                t.Kecamatan, t.Desa, t.DesaStatus, t.Indikator, t.Target, t.Realisasi, t.Anggaran,
                t.AnggaranRealisasi, t.SkmResponden, t.SkmRekap, t.Pengaturan)}

    pertama = muat_demo(url=db_url)
    assert f"{len(daftar_berkas())} berkas diimpor" in pertama
    jumlah = hitung()
    assert jumlah["Kecamatan"] == 4
    kedua = muat_demo(url=db_url)
    assert "0 berkas diimpor" in kedua
    assert hitung() == jumlah
    assert muat_demo(url=db_url, jika_kosong=True).startswith("Basis data sudah berisi")
    with session_scope(get_engine(db_url)) as s:
        sintetis = s.execute(select(t.Kecamatan.nama).where(t.Kecamatan.sintetis)).scalars().all()
    assert sintetis == [KECAMATAN]
