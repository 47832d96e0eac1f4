"""The Pengaturan page: settings reach every page, overrides stay local, invalid scales write nothing."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from sqlalchemy import func, select

from apputil import buka, grafik_jenis, metrik, semua_teks, tanpa_galat
from dashboard import format as fmt
from dashboard import kelola
from dashboard import pengaturan as peng
from dashboard.data import muat_satu
from dashboard.pengaturan import PengaturanError
from dashboard.ringkasan import ringkasan
from dashboard.skala import PRESETS, Band
from models.db import get_engine, session_scope
from models.tables import Desa, ImportLog, Kecamatan, Pengaturan, PengaturanLog, Skala

DEMO = {"Bati-Bati": 2024, "Bajuin": 2025, "Pelaihari": 2025, "Contoh Sintetis": 2025}


def _tombol(at, label: str):
    return next(b for b in at.button if b.label == label)


def _hitung(url: str, model) -> int:
    with session_scope(get_engine(url)) as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def _kid(url: str, nama: str) -> int:
    with session_scope(get_engine(url)) as s:
        return s.execute(select(Kecamatan.id).where(Kecamatan.nama == nama)).scalar_one()


def _ringkasan(url: str, nama: str, tahun: int = 2025, tw: int = 4) -> dict:
    with session_scope(get_engine(url)) as s:
        return ringkasan(muat_satu(s, nama, tahun), tw, dengan_peringatan=False)


def _gauge(at, ukuran: str) -> list[str]:
    """The texts a gauge prints (its figure and its caption), not its bands' tooltips."""
    spec = next(s for s in grafik_jenis(at, "gauge") if s["usermeta"]["pantau"]["ukuran"] == ukuran)
    return [r["t"] for rows in spec["datasets"].values() for r in rows if "t" in r]


def _ke_ringkasan(at, nama: str, tahun: int = 2025, tw: int = 4):
    at.session_state["kecamatan"] = nama
    at.session_state["tahun"] = tahun
    at.session_state["triwulan"] = tw
    at.switch_page("pages/ringkasan.py").run()
    tanpa_galat(at)
    return at


# ---------------------------------------------------------------- through the page

def test_metode_efisiensi_khusus_bajuin_lalu_dihapus(app_db):
    tanah_laut_pelaihari = _ringkasan(app_db, "Pelaihari")["efisiensi"]["semua"]["tanah_laut"]
    at = buka("pengaturan", "Bajuin", 2025, 4)
    tanpa_galat(at)
    kid = _kid(app_db, "Bajuin")
    at.radio(key="pengaturan_lingkup").set_value("kecamatan").run()
    at.radio(key=f"pengaturan_efisiensi_metode_{kid}").set_value("rasio")
    _tombol(at, "Simpan cara menghitung").click().run()
    tanpa_galat(at)
    assert "Pengaturan disimpan untuk Kecamatan Bajuin." in semua_teks(at)
    with session_scope(get_engine(app_db)) as s:
        assert peng.baca(s, kid).efisiensi_metode == "rasio"
        assert peng.baca(s, 0).efisiensi_metode == "tanah_laut"
        log = s.execute(select(PengaturanLog).order_by(PengaturanLog.id.desc())).scalars().first()
        assert (log.kunci, log.kecamatan_id, log.nilai_baru, log.pengguna) == ("efisiensi_metode", kid, "rasio",
                                                                             "admin.uji")

    _ke_ringkasan(at, "Bajuin")
    # capaian 119,864 / serapan 88,130 × 100 = 136,008 (formats.md's example prints it rounded, 136.0).
    rasio = _ringkasan(app_db, "Bajuin")["efisiensi"]["nilai"]
    assert rasio == pytest.approx(136.0, abs=0.01)
    assert metrik(at)["Efisiensi"] == fmt.persen(rasio) == "136,01 %"
    assert "Efisien · metode rasio" in " · ".join(_gauge(at, "efisiensi"))

    # The override is Bajuin's only: Pelaihari keeps the common method.
    _ke_ringkasan(at, "Pelaihari")
    assert metrik(at)["Efisiensi"] == fmt.persen(tanah_laut_pelaihari)
    assert any("metode Tanah Laut" in t for t in _gauge(at, "efisiensi"))

    # Removing the override restores the common value.
    at.session_state["kecamatan"] = "Bajuin"
    at.switch_page("pages/pengaturan.py").run()
    tanpa_galat(at)
    assert "Pengaturan khusus Kecamatan Bajuin" in semua_teks(at)
    at.button(key="pengaturan_hapus_efisiensi_metode").click().run()
    tanpa_galat(at)
    assert "dihapus; nilai umum berlaku" in semua_teks(at)
    _ke_ringkasan(at, "Bajuin")
    assert metrik(at)["Efisiensi"] == "26,47 %"
    assert "Efisien · metode Tanah Laut" in " · ".join(_gauge(at, "efisiensi"))  # on two lines


def test_skala_capaian_semua_kecamatan(app_db):
    at = _ke_ringkasan(buka(None, "Bajuin", 2025, 4), "Bajuin")
    assert "Sangat Tinggi" in _gauge(at, "iku")
    at.switch_page("pages/pengaturan.py").run()
    tanpa_galat(at)
    at.selectbox(key="pengaturan_skala_capaian_0").set_value("LKjIP Bati-Bati 2024")
    _tombol(at, "Simpan pilihan skala").click().run()
    tanpa_galat(at)
    assert "Pengaturan disimpan untuk semua kecamatan." in semua_teks(at)
    _ke_ringkasan(at, "Bajuin")
    assert "Sangat Memuaskan" in _gauge(at, "iku")
    assert list(at.dataframe[0].value["Kategori"])[0] in {"Sangat Memuaskan"}  # IKU-1, 140 %


def test_skala_tidak_sah_tidak_menulis_apa_pun(app_db):
    sebelum = (_hitung(app_db, Skala), _hitung(app_db, PengaturanLog))
    at = buka("pengaturan", "Bajuin", 2025, 4)
    dasar = at.selectbox(key="pengaturan_skala_dasar").value
    at.text_input(key=f"pengaturan_skala_nama_{dasar}").input("Skala Salah")
    # Duplicate bound (row 2 gets 90 like row 1), a missing label, a colour that is not a colour.
    at.session_state[f"pengaturan_skala_editor_{dasar}"] = {
        "edited_rows": {1: {"batas_bawah": "90"}, 2: {"label": ""}, 3: {"warna": "hijau"}},
        "added_rows": [], "deleted_rows": []}
    _tombol(at, "Simpan skala").click().run()
    tanpa_galat(at)
    galat = " ".join(str(e.value) for e in at.error)
    assert "Skala belum dapat disimpan" in galat
    assert "Batas bawah 90 dipakai dua kali." in galat
    assert "belum diberi label" in galat
    assert "Warna 'hijau' bukan kode warna" in galat
    assert (_hitung(app_db, Skala), _hitung(app_db, PengaturanLog)) == sebelum
    assert "Skala Salah" not in at.selectbox(key="pengaturan_skala_capaian_0").options


def test_skala_sendiri_disimpan_dan_dapat_dipilih(app_db):
    at = buka("pengaturan", "Bajuin", 2025, 4)
    at.selectbox(key="pengaturan_skala_dasar").set_value("Permendagri 86/2017").run()
    at.text_input(key="pengaturan_skala_nama_Permendagri 86/2017").input("Skala Kabupaten Uji")
    at.session_state["pengaturan_skala_editor_Permendagri 86/2017"] = {
        "edited_rows": {0: {"batas_bawah": "110", "label": "Melampaui Target", "warna": "#0b5d1e"}},
        "added_rows": [{"batas_bawah": "100", "inklusif": True, "label": "Sesuai Target", "warna": "#1b7f3b"}],
        "deleted_rows": []}
    _tombol(at, "Simpan skala").click().run()
    tanpa_galat(at)
    assert "Skala 'Skala Kabupaten Uji' disimpan" in semua_teks(at)
    pilihan = at.selectbox(key="pengaturan_skala_capaian_0").options
    assert "Skala Kabupaten Uji" in pilihan
    with session_scope(get_engine(app_db)) as s:
        bands = kelola.daftar_skala(s)["Skala Kabupaten Uji"]
        log = s.execute(select(PengaturanLog).where(PengaturanLog.kunci == "skala:Skala Kabupaten Uji")).scalar_one()
    assert [(b.batas_bawah, b.label) for b in bands][:2] == [(110, "Melampaui Target"), (100, "Sesuai Target")]
    assert log.nilai_lama is None and "Melampaui Target" in log.nilai_baru

    at.selectbox(key="pengaturan_skala_capaian_0").set_value("Skala Kabupaten Uji")
    _tombol(at, "Simpan pilihan skala").click().run()
    _ke_ringkasan(at, "Bajuin")
    assert "Melampaui Target" in _gauge(at, "iku")  # 119,86 % > 110


@pytest.mark.parametrize("nama", list(DEMO))
def test_halaman_untuk_setiap_kecamatan(app_db, nama):
    at = buka("pengaturan", nama, DEMO[nama], 4)
    tanpa_galat(at)
    berlaku = at.dataframe[0].value
    kolom = f"Berlaku untuk {nama}"
    nilai = dict(zip(berlaku["Pengaturan"], berlaku[kolom]))
    with session_scope(get_engine(app_db)) as s:
        setelan = peng.baca(s, _kid(app_db, nama))
    assert nilai["Skala kategori capaian IKU"] == setelan.skala_capaian
    assert nilai["Metode efisiensi"] == kelola.tampil_nilai("efisiensi_metode", setelan.efisiensi_metode)
    if nama == "Bati-Bati":  # the demo gives Bati-Bati its own report's settings
        assert "Pengaturan khusus Kecamatan Bati-Bati" in semua_teks(at)
        assert setelan.efisiensi_metode == "selisih"


def test_tambah_kecamatan_tercatat(app_db):
    at = buka("pengaturan", "Bajuin", 2025, 4)
    at.text_input(key="pengaturan_kecamatan_baru").input("Takisung")
    _tombol(at, "Tambah").click().run()
    tanpa_galat(at)
    assert "Kecamatan Takisung ditambahkan" in semua_teks(at)
    with session_scope(get_engine(app_db)) as s:
        k = s.execute(select(Kecamatan).where(Kecamatan.nama == "Takisung")).scalar_one()
        log = s.execute(select(PengaturanLog).where(PengaturanLog.kunci == "kecamatan")).scalar_one()
    assert k.kabupaten == "Tanah Laut" and not k.sintetis
    assert log.nilai_baru == "Takisung (Kabupaten Tanah Laut)" and log.kecamatan_id == k.id
    # The log tab lists the change.
    riwayat = next(d.value for d in at.dataframe if "Yang diubah" in d.value.columns)
    assert list(riwayat["Yang diubah"])[0] == "Data kecamatan"


def test_ganti_nama_kecamatan_dan_frame_mengikuti(app_db):
    kid = _kid(app_db, "Contoh Sintetis")
    at = buka("pengaturan", "Contoh Sintetis", 2025, 4)
    at.text_input(key=f"pengaturan_kecamatan_nama_{kid}").input("Contoh Sintetis Dua")
    _tombol(at, "Simpan perubahan").click().run()
    tanpa_galat(at)
    assert at.session_state["kecamatan"] == "Contoh Sintetis Dua"
    assert "Kecamatan Contoh Sintetis Dua (Kabupaten Tanah Laut) disimpan." in semua_teks(at)
    at.switch_page("pages/kabupaten.py").run()
    tanpa_galat(at)
    assert "Contoh Sintetis Dua" in list(at.dataframe[0].value["Kecamatan"])


def test_ubah_desa_lewat_impor_manual(app_db):
    kid = _kid(app_db, "Bajuin")
    at = buka("pengaturan", "Bajuin", 2025, 4)
    lama = at.data_editor(key=f"pengaturan_editor_desa_{kid}").value
    assert len(lama) > 0
    at.session_state[f"pengaturan_editor_desa_{kid}"] = {"edited_rows": {0: {"definitif": "tidak"}},
                                                          "added_rows": [], "deleted_rows": []}
    _tombol(at, "Simpan daftar desa").click().run()
    tanpa_galat(at)
    assert "Daftar desa Kecamatan Bajuin disimpan" in semua_teks(at), [e.value for e in at.error]
    with session_scope(get_engine(app_db)) as s:
        d = s.execute(select(Desa).where(Desa.kecamatan_id == kid, Desa.nama == lama.iloc[0]["nama_desa"])
                      ).scalar_one()
        imp = s.execute(select(ImportLog).order_by(ImportLog.id.desc())).scalars().first()
    assert d.definitif is False
    assert (imp.dataset, imp.nama_file, imp.pengguna, imp.kecamatan_id) == ("desa", "isian-manual-desa.csv",
                                                                          "admin.uji", kid)


# ---------------------------------------------------------------- the pure functions

@pytest.mark.parametrize("ubah,pesan", [
    ({"batas_bawah": "90"}, "Batas bawah 90 dipakai dua kali."),
    ({"label": ""}, "belum diberi label"),
    ({"warna": "#12345G"}, "bukan kode warna"),
    ({"batas_bawah": "sembilan"}, "bukan angka"),
])
def test_bands_dari_editor_masalah(ubah, pesan):
    df = kelola.editor_skala(PRESETS["Permendagri 86/2017"])
    for k, v in ubah.items():
        df.loc[1, k] = v
    _, masalah = kelola.bands_dari_editor(df)
    assert any(pesan in m for m in masalah), masalah


def test_bands_dari_editor_angka_indonesia_dan_baris_kosong():
    df = pd.DataFrame([{"batas_bawah": "79,63", "inklusif": True, "label": "A", "warna": "#1b7f3b"},
                       {"batas_bawah": None, "inklusif": None, "label": None, "warna": None},
                       {"batas_bawah": "0", "inklusif": False, "label": "B", "warna": "#a61e1e"}])
    bands, masalah = kelola.bands_dari_editor(df)
    assert masalah == []
    assert [(b.batas_bawah, b.inklusif, b.label) for b in bands] == [(79.63, True, "A"), (0.0, False, "B")]


def test_simpan_skala_bawaan_ditolak(demo_db):
    with session_scope(get_engine(demo_db)) as s:
        with pytest.raises(PengaturanError, match="skala bawaan"):
            kelola.simpan_skala(s, "Permendagri 86/2017", [Band(0, "X", "#000000")], pengguna="uji")
        with pytest.raises(PengaturanError, match="Nama skala belum diisi"):
            kelola.simpan_skala(s, " ", [Band(0, "X", "#000000")], pengguna="uji")


def test_simpan_skala_mengganti_semua_rentang(demo_db):
    with session_scope(get_engine(demo_db)) as s:
        assert kelola.simpan_skala(s, "Sendiri", [Band(50, "Atas", "#1b7f3b"), Band(0, "Bawah", "#a61e1e")],
                                   pengguna="uji")
    with session_scope(get_engine(demo_db)) as s:
        assert kelola.simpan_skala(s, "Sendiri", [Band(60, "Baru", "#1b7f3b", False), Band(0, "Lain", "#a61e1e")],
                                   pengguna="uji")
        assert not kelola.simpan_skala(s, "Sendiri", [Band(60, "Baru", "#1b7f3b", False),
                                                      Band(0, "Lain", "#a61e1e")], pengguna="uji")
    with session_scope(get_engine(demo_db)) as s:
        bands = kelola.daftar_skala(s)["Sendiri"]
        log = kelola.tabel_log(kelola.log_pengaturan(s))
    assert [(b.batas_bawah, b.label, b.inklusif) for b in bands] == [(60, "Baru", False), (0, "Lain", True)]
    assert list(log["Yang diubah"][:2]) == ["Skala Sendiri", "Skala Sendiri"]
    assert log.iloc[0]["Nilai lama"] == "Atas ≥ 50; Bawah ≥ 0"
    assert log.iloc[0]["Nilai baru"] == "Baru > 60; Lain ≥ 0"


def test_ambang_dan_unsur_dari_editor():
    df = kelola.editor_ambang(peng.DEFAULTS["ambang_indeks_desa_2024"])
    assert list(df["batas_bawah"]) == ["79,63", "69,35", "57,39", "49,49"]
    df.loc[0, "batas_bawah"] = "80,5"
    assert json.loads(kelola.ambang_dari_editor(df))[0] == [80.5, True, "Mandiri"]
    df.loc[1, "batas_bawah"] = ""
    with pytest.raises(PengaturanError, match="Ambang Maju belum diisi"):
        kelola.ambang_dari_editor(df)
    unsur = kelola.editor_unsur(peng.DEFAULTS["unsur_label"], peng.DEFAULTS["unsur_urutan"])
    unsur.loc[7, "label"] = "Maklumat Pelayanan"
    unsur.loc[7, "urutan"], unsur.loc[8, "urutan"] = 9, 8
    label, urutan = kelola.unsur_dari_editor(unsur)
    assert json.loads(label)["U8"] == "Maklumat Pelayanan"
    assert json.loads(urutan)[-2:] == ["U9", "U8"]
    unsur.loc[0, "urutan"] = 9
    with pytest.raises(PengaturanError, match="masing-masing tepat sekali"):
        kelola.unsur_dari_editor(unsur)


def test_kecamatan_nama_kembar_ditolak(demo_db):
    with session_scope(get_engine(demo_db)) as s:
        with pytest.raises(PengaturanError, match="sudah ada"):
            kelola.tambah_kecamatan(s, "bajuin", "Tanah Laut", pengguna="uji")
        kid = s.execute(select(Kecamatan.id).where(Kecamatan.nama == "Pelaihari")).scalar_one()
        with pytest.raises(PengaturanError, match="Kecamatan Bajuin sudah ada"):
            kelola.ubah_kecamatan(s, kid, "Bajuin", "Tanah Laut", pengguna="uji")
        assert kelola.ubah_kecamatan(s, kid, "Pelaihari", "Tanah Laut", pengguna="uji") is False
        assert kelola.ubah_kecamatan(s, kid, "Pelaihari Kota", "Tanah Laut", pengguna="uji") is True
        log = kelola.log_pengaturan(s, 1)[0]
    assert (log["kunci"], log["nilai_lama"], log["nilai_baru"]) == (
        "kecamatan", "Pelaihari (Kabupaten Tanah Laut)", "Pelaihari Kota (Kabupaten Tanah Laut)")


def test_desa_berubah_hanya_baris_baru_atau_berubah():
    lama = pd.DataFrame([{"nama_desa": "A", "kode_desa": "1", "jenis": "desa", "definitif": "ya"},
                         {"nama_desa": "B", "kode_desa": "", "jenis": "desa", "definitif": "ya"}])
    baru = lama.copy()
    baru.loc[1, "jenis"] = "kelurahan"
    baru.loc[2] = {"nama_desa": "C", "kode_desa": None, "jenis": "desa", "definitif": "tidak"}
    beda, masalah = kelola.desa_berubah(lama, baru)
    assert list(beda["nama_desa"]) == ["B", "C"] and masalah == []
    baru.loc[0, "nama_desa"] = "A Baru"
    _, masalah = kelola.desa_berubah(lama, baru)
    assert masalah and "Baris 1: nama desa 'A' tidak dapat diganti" in masalah[0]


def test_tabel_pengaturan_asal():
    umum = {"efisiensi_metode": "selisih"}
    khusus = {"skala_capaian": "LKjIP Bati-Bati 2024"}
    df = kelola.tabel_pengaturan(umum, khusus, "Bajuin").set_index("_kunci")
    assert df.loc["skala_capaian", "Asal"] == "khusus Bajuin"
    assert df.loc["efisiensi_metode", "Asal"] == "semua kecamatan"
    assert df.loc["bobot_ikm", "Asal"] == "bawaan aplikasi"
    assert df.loc["efisiensi_metode", "Berlaku untuk Bajuin"].startswith("Selisih")
    assert df.loc["skala_capaian", "Nilai semua kecamatan"] == "Permendagri 86/2017"
    assert df.loc["skala_capaian", "_warna_Asal"] == kelola.WARNA_KHUSUS and pd.isna(df.loc["bobot_ikm", "_warna_Asal"])


def test_pengaturan_tidak_ditulis_bila_tidak_sah(demo_db):
    sebelum = _hitung(demo_db, Pengaturan)
    with pytest.raises(PengaturanError):
        with session_scope(get_engine(demo_db)) as s:
            peng.simpan(s, "efisiensi_metode", "rasio", kecamatan_id=0, pengguna="uji")
            peng.simpan(s, "skala_capaian", "Tidak Ada", kecamatan_id=0, pengguna="uji")
    assert _hitung(demo_db, Pengaturan) == sebelum
