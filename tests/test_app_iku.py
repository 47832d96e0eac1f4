"""The IKU page (AppTest) on the demo database, against the report figures and the domain functions."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from apputil import buka, grafik_jenis, metrik, semua_teks, tanpa_galat, tampak
from dashboard import format as fmt
from dashboard.data import muat_satu
from dashboard.ringkasan import hitung_iku
from models.db import get_engine, session_scope
from models.tables import ImportLog, Indikator, Kecamatan, Realisasi, Target

DEMO_KECAMATAN = [("Bati-Bati", 2024), ("Bajuin", 2025), ("Pelaihari", 2025), ("Contoh Sintetis", 2025)]
TOL = 0.01


def periode(url: str, nama: str, tahun: int):
    with session_scope(get_engine(url)) as s:
        return muat_satu(s, nama, tahun)


def tabel_capaian(at):
    """The first table of the page: one row per IKU (with its Kode), s.d. the frame's TW."""
    return next(d.value for d in at.dataframe if "Capaian thd Renstra (%)" in d.value.columns).set_index("Kode")


def label_tab(at, kode: str) -> str:
    """The label of an indicator's tab on the page."""
    return next(t.label for t in at.tabs if t.label.startswith(f"{kode} · "))


def angka(v) -> float | None:
    return None if v in (None, fmt.KOSONG) or v != v else float(v)


@pytest.mark.parametrize("nama,tahun", DEMO_KECAMATAN)
def test_setiap_kecamatan_dan_triwulan(app_db, nama, tahun):
    p = periode(app_db, nama, tahun)
    at = buka("iku", nama, tahun, 4)
    for tw in (4, 3, 2, 1):
        if tw != 4:
            at.session_state["triwulan"] = tw
            at.run()
        tanpa_galat(at)
        rata = hitung_iku(p, tw)["rata_rata_capaian"]
        assert metrik(at)[f"Rata-rata capaian IKU s.d. {fmt.triwulan(tw)}"] == fmt.persen(rata)
        # one tab per indicator, drawn when open: the first indicator's chart
        grafik = grafik_jenis(at, "iku_triwulan")
        assert [g["usermeta"]["pantau"]["kode"] for g in grafik] == [b.ind.kode for b in hitung_iku(p, tw)["baris"]][:1]


def test_bajuin_tw4_seperti_laporan(app_db):
    at = buka("iku", "Bajuin", 2025, 4)
    tanpa_galat(at)
    assert metrik(at)["Rata-rata capaian IKU s.d. TW IV"] == "119,86 %"
    df = tabel_capaian(at)
    desa_mandiri = next(k for k in df.index if "Desa Mandiri" in df.loc[k, "Indikator"])
    ikm = next(k for k in df.index if "Kepuasan" in df.loc[k, "Indikator"])
    assert angka(df.loc[desa_mandiri, "Capaian (%)"]) == pytest.approx(140.0, abs=TOL)
    assert angka(df.loc[ikm, "Capaian (%)"]) == pytest.approx(99.72, abs=TOL)  # 99,7257: the report truncates
    # 87,2625 (the mean of the four TW) / 89,5: the report prints 97,49 from the truncated 87,26
    assert angka(df.loc[ikm, "Capaian thd Renstra (%)"]) == pytest.approx(97.50, abs=TOL)
    teks = semua_teks(at)
    assert "PK Perubahan" in teks and "Target berubah dalam tahun ini" in teks  # three target versions
    # the IKM is behind its yearly target (87,26 against 87,50), but at TW IV and already "Sangat Tinggi":
    # the year is over, no early warning
    assert not [w.value for w in at.warning if "Peringatan dini" in w.value]
    assert metrik(at)["Peringatan dini"] == "0 indikator"
    assert [m.value for m in at.metric if m.label == "Capaian"] == ["140,00 %"]  # the open tab: IKU-1
    at.session_state["iku_rincian"] = label_tab(at, ikm)
    at.run()
    assert [m.value for m in at.metric if m.label == "Capaian"] == ["99,73 %"]


def test_bajuin_tw2_desa_mandiri_belum_diukur(app_db):
    at = buka("iku", "Bajuin", 2025, 2)
    tanpa_galat(at)
    df = tabel_capaian(at)
    desa_mandiri = next(k for k in df.index if "Desa Mandiri" in df.loc[k, "Indikator"])
    assert df.loc[desa_mandiri, "Kategori"] == "belum diukur"
    assert angka(df.loc[desa_mandiri, "Capaian (%)"]) is None  # never 0 %
    assert "Belum diukur s.d. TW II" in semua_teks(at)
    # the average is the IKM's alone: 86,93 / 87,50
    assert metrik(at)["Rata-rata capaian IKU s.d. TW II"] == fmt.persen((86.86 + 87.0) / 2 / 87.5 * 100)


def test_pelaihari_dan_bati_bati(app_db):
    at = buka("iku", "Pelaihari", 2025, 4)
    tanpa_galat(at)
    capaian = sorted(angka(v) for v in tabel_capaian(at)["Capaian (%)"])
    assert capaian == pytest.approx([99.95, 120.0], abs=TOL)
    # (119,99999 + 99,9503) / 2 = 109,975: the report prints 109,97 (its IKM realisasi is the rounded 95,54)
    assert metrik(at)["Rata-rata capaian IKU s.d. TW IV"] == "109,98 %"
    at = buka("iku", "Bati-Bati", 2024, 4)
    tanpa_galat(at)
    df = tabel_capaian(at)
    rdm = next(k for k in df.index if df.loc[k, "Satuan"] == "Rasio")
    assert angka(df.loc[rdm, "Capaian (%)"]) == pytest.approx(914.29, abs=TOL)  # the report prints 900
    at.session_state["iku_rincian"] = label_tab(at, rdm)
    at.run()
    assert [m.value for m in at.metric if m.label == "Capaian"] == ["914,29 %"]


def test_grafik_triwulan_tahun_ini_tahun_lalu_dan_target(app_db):
    at = buka("iku", "Bajuin", 2025, 4)
    at.session_state["iku_rincian"] = label_tab(at, "IKU-2")  # open the IKM's tab
    at.run()
    tanpa_galat(at)
    [spec] = grafik_jenis(at, "iku_triwulan")
    assert spec["usermeta"]["pantau"]["kode"] == "IKU-2"
    baris = [r for rows in spec["datasets"].values() for r in rows]
    per_seri = {}
    for r in baris:
        per_seri.setdefault(r["seri"], []).append((r["label"], r["nilai"]))
    assert per_seri["Realisasi 2025"] == [("TW I", 86.86), ("TW II", 87.0), ("TW III", 87.51), ("TW IV", 87.68)]
    assert per_seri["Realisasi 2024"] == [("TW IV", 87.17)]  # earlier years: the annual figure at TW IV
    assert per_seri["Target 2025"] == [(f"TW {r}", 87.5) for r in ("I", "II", "III", "IV")]
    marks = [lap["mark"] for lap in spec["layer"]]
    garis = [m for m in marks if m["type"] == "line"]
    assert len(garis) == 2 and all(m["point"] for m in garis)  # lines with their TW points
    assert garis[0]["strokeDash"] == [6, 4]  # the target, dashed
    assert [m["type"] for m in marks].count("text") == 1  # this year's values written at the points


def _indikator_tertinggal(url: str) -> None:
    """An IK of Bajuin 2025 with TW targets whose realisasi falls behind from TW II."""
    with session_scope(get_engine(url)) as s:
        kid = s.execute(select(Kecamatan.id).where(Kecamatan.nama == "Bajuin")).scalar_one()
        ind = Indikator(kecamatan_id=kid, kode="IK-9", nama="Jumlah Pembinaan Lembaga Desa", satuan="Kegiatan",
                        jenis="ik", agregasi="jumlah", urutan=9)
        s.add(ind)
        s.flush()
        s.add(Target(indikator_id=ind.id, tahun=2025, versi="PK", target=40, target_tw1=10, target_tw2=20,
                     target_tw3=30, target_tw4=40))
        s.add_all([Realisasi(indikator_id=ind.id, tahun=2025, triwulan=1, nilai=10),
                   Realisasi(indikator_id=ind.id, tahun=2025, triwulan=2, nilai=4)])


def test_peringatan_dini_tertinggal_dari_laju(app_db):
    _indikator_tertinggal(app_db)
    at = buka("iku", "Bajuin", 2025, 2)
    tanpa_galat(at)
    teks = semua_teks(at)
    assert "IK-9 Jumlah Pembinaan Lembaga Desa: realisasi s.d. TW II 14,00 masih di bawah target TW II 20,00" in teks
    assert "Indikator kinerja pendukung (IK)" in teks
    # an IK is shown but not averaged
    assert metrik(at)["Rata-rata capaian IKU s.d. TW II"] == fmt.persen((86.86 + 87.0) / 2 / 87.5 * 100)
    at.session_state["triwulan"] = 1
    at.run()
    dini = next(tampak(w.value) for w in at.warning if "Peringatan dini" in w.value)
    assert "IKU-2" in dini and "IK-9" not in dini  # TW I: 10 of the 10 the TW I target asks


def test_ubah_faktor_tersimpan_dan_tercatat(app_db):
    at = buka("iku", "Bajuin", 2025, 4)
    tanpa_galat(at)
    teks = "Dua desa masih Maju; pengelolaan sampah belum berjalan (uji)."
    at.text_area(key="iku_faktor_penghambat_IKU-1_2025_4").input(teks)
    at.button(key="iku_simpan_IKU-1_2025_4").click()
    at.run()
    tanpa_galat(at)
    assert "Faktor dan tindak lanjut IKU-1 TW IV 2025 tersimpan." in semua_teks(at)
    assert teks in semua_teks(at)  # shown again, read from the database
    with session_scope(get_engine(app_db)) as s:
        r = s.execute(select(Realisasi).join(Indikator, Indikator.id == Realisasi.indikator_id)
                      .join(Kecamatan, Kecamatan.id == Indikator.kecamatan_id)
                      .where(Kecamatan.nama == "Bajuin", Indikator.kode == "IKU-1", Realisasi.tahun == 2025,
                             Realisasi.triwulan == 4)).scalar_one()
        assert r.faktor_penghambat == teks
        assert r.nilai == pytest.approx(77.77)  # only the texts change
        assert r.faktor_pendorong and r.keterangan  # the other texts are kept
        log = s.execute(select(ImportLog).order_by(ImportLog.id.desc()).limit(1)).scalar_one()
        assert (log.dataset, log.nama_file, log.pengguna, log.status) == (
            "realisasi", "isian-manual-iku.csv", "admin.uji", "berhasil")
        assert log.baris_berubah == 1 and log.tahun == 2025 and log.triwulan == 4


def test_kecamatan_tanpa_data(app_db):
    with session_scope(get_engine(app_db)) as s:
        s.add(Kecamatan(nama="Takisung", kabupaten="Tanah Laut"))
    at = buka("iku", "Takisung", None, 4)
    tanpa_galat(at)
    teks = semua_teks(at)
    assert "Belum ada indikator kinerja untuk tahun" in teks and "Unggah Data" in teks
    assert not at.metric and not grafik_jenis(at, "iku_triwulan")
