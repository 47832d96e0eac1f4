"""The Laporan page: the deck's slides listed as the deck builder plans them, and the four downloads.

Download buttons expose no bytes in AppTest; the files themselves are tested in test_ekspor.py.
"""

from __future__ import annotations

import pytest

from dashboard import format as fmt
from dashboard.ekspor import kumpulkan, rencana_dek
from dashboard.ekspor.lkjip import label_periode, rencana_lkjip
from models.db import get_engine, session_scope
from tests.apputil import buka, semua_teks, tampak, tanpa_galat

KASUS = [("Bati-Bati", 2024, 1), ("Bati-Bati", 2024, 4), ("Bajuin", 2025, 2), ("Bajuin", 2025, 4),
         ("Pelaihari", 2025, 3), ("Contoh Sintetis", 2025, 2), ("Contoh Sintetis", 2025, 4)]


def _rencana(url, nama, tahun, tw):
    with session_scope(get_engine(url)) as s:
        return rencana_dek(kumpulkan(s, nama, tahun, tw))


def _tombol(at) -> list[str]:
    return [e.proto.label for e in at.get("download_button")]


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: f"{k[0]}-{k[2]}")
def test_laporan_pratinjau_dan_unduhan(app_db, kasus):
    nama, tahun, tw = kasus
    at = buka("laporan", nama, tahun, tw)
    tanpa_galat(at)
    assert [t.value for t in at.title] == ["Laporan"]
    assert _tombol(at) == ["Buku kerja Excel (.xlsx)", "Dek PowerPoint (.pptx)", "Semua tabel, CSV (.zip)",
                           "Draf LKjIP, Word (.docx)"]
    rencana = _rencana(app_db, *kasus)
    judul = [tampak(m.value) for m in at.markdown if m.value.startswith("**") and ". " in m.value]
    assert judul == [f"**{i}. {s.judul}**" for i, s in enumerate(rencana, start=1)]
    teks = semua_teks(at)
    for s in rencana:
        for baris in s.pratinjau():
            assert baris in teks
    assert f"{len(rencana)} salindia" in teks
    if kasus[0] == "Contoh Sintetis":
        assert "data sintetis" in teks
    with session_scope(get_engine(app_db)) as s:
        lkjip = rencana_lkjip(kumpulkan(s, nama, tahun, tw))
    assert (f"Laporan Kinerja {label_periode(tahun, tw)}: Ikhtisar Eksekutif, Bab I–IV dan Lampiran, "
            f"{len(lkjip.tabel())} tabel dan {len(lkjip.gambar())} gambar bernomor") in teks


def test_laporan_belum_ada_data_anggaran(app_db):
    at = buka("laporan", "Pelaihari", 2025, 2)
    tanpa_galat(at)
    assert f"Belum ada data realisasi {fmt.triwulan(2)}" in semua_teks(at)


def test_pengaturan_menampilkan_bagian_templat(app_db):
    at = buka("pengaturan", "Bajuin", 2025, 4)
    tanpa_galat(at)
    teks = semua_teks(at)
    assert "Templat presentasi rapat evaluasi (PowerPoint)" in teks
    assert "Belum ada templat: dek memakai desain bawaan." in teks


def test_laporan_menyebut_templat_kabupaten(app_db):
    from dashboard.ekspor import templat
    from tests.test_ekspor_templat import templat_kabupaten

    with session_scope(get_engine(app_db)) as s:
        templat.simpan(s, templat_kabupaten(), "tanah-laut.pptx", pengguna="uji")
    at = buka("laporan", "Bajuin", 2025, 4)
    tanpa_galat(at)
    assert "Dek memakai templat presentasi kabupaten" in semua_teks(at)
    at = buka("pengaturan", "Bajuin", 2025, 4)
    assert "Templat yang dipakai: tanah-laut.pptx" in semua_teks(at)


def test_unduhan_yang_gagal_dikatakan_di_halaman(app_db, monkeypatch):
    """A builder that fails must not leave the button silently giving nothing: the page says so in Indonesian."""
    from dashboard import ekspor

    def rusak(b):
        raise AttributeError("'float' object has no attribute 'lstrip'")

    monkeypatch.setitem(ekspor.FORMAT, "pptx", (rusak, ".pptx"))
    at = buka("laporan", "Bajuin", 2025, 4)
    at.download_button(key="laporan_unduh_xlsx").click().run()
    tanpa_galat(at)
    assert not at.error
    at.download_button(key="laporan_unduh_pptx").click().run()
    tanpa_galat(at)
    pesan = [e.value for e in at.error]
    assert len(pesan) == 1 and pesan[0].startswith("Dek PowerPoint Kecamatan Bajuin TW IV 2025 tidak dapat dibuat "
                                                   "karena kesalahan di aplikasi (AttributeError)")
    assert _tombol(at) == ["Buku kerja Excel (.xlsx)", "Dek PowerPoint (.pptx)", "Semua tabel, CSV (.zip)",
                          "Draf LKjIP, Word (.docx)"]
