"""The upload page and the import engine's findings (issue 8, D27 and C15): a file that fits another dataset,
the value columns first in the preview, every ignored column named, the history selector after an undo."""

from __future__ import annotations

from pathlib import Path

from apputil import buka, semua_teks, tampak, tanpa_galat

GOOD = Path(__file__).resolve().parent / "files" / "good"


def _unggah(at, dataset: str, nama: str, isi: bytes, **pilihan):
    at.selectbox(key="unggah_dataset").set_value(dataset).run()
    for key, nilai in pilihan.items():
        at.selectbox(key=key).set_value(nilai).run()
    at.file_uploader[0].upload(nama, isi, "text/csv" if nama.endswith(".csv") else "application/octet-stream").run()
    tanpa_galat(at)
    return at


def _pilih(at):
    return next(s for s in at.selectbox if s.label == "Pilih impor")


def test_pilihan_riwayat_diperbarui_setelah_pembatalan(app_db):
    """The browser showed the undone import as 'berhasil' in the selector (its value had not changed, so the old
    label stayed): the selector is a new widget whenever its labels change, on the same import."""
    at = buka("unggah", "Contoh Sintetis", 2025, 2)
    _unggah(at, "skm", "skm_google_forms.csv", (GOOD / "skm_google_forms.csv").read_bytes())
    at.button(key="unggah_simpan").click().run()
    tanpa_galat(at)
    sebelum = _pilih(at)
    nomor = sebelum.value
    assert sebelum.format_func(nomor).endswith("skm_google_forms.csv · berhasil")
    at.button(key=f"unggah_batal_{nomor}").click().run()
    at.button(key="unggah_batal_ya").click().run()
    tanpa_galat(at)
    sesudah = _pilih(at)
    assert sesudah.value == nomor and at.session_state["unggah_pilih"] == nomor
    assert sesudah.key != sebelum.key  # a new widget: the browser cannot keep the old label
    assert [o for o in sesudah.options if o.startswith(f"#{nomor} ")][0].endswith("· dibatalkan")
    assert f"unggah_batal_{nomor}" not in [b.key for b in at.button]
    # Choosing another import still works, and the choice is kept across runs.
    lain = sesudah.options[1]
    sesudah.set_value(int(lain.split(" ")[0].lstrip("#"))).run()
    assert at.session_state["unggah_pilih"] == int(lain.split(" ")[0].lstrip("#"))
    at.run()
    assert _pilih(at).value == at.session_state["unggah_pilih"]


def _tabel(at, *kolom):
    for d in at.dataframe:
        if list(d.value.columns)[:len(kolom)] == list(kolom):
            return d.value
    return None


def test_berkas_jenis_lain_disebut_dan_dapat_diperiksa_ulang(app_db):
    at = buka("unggah", "Bajuin", 2025, 2)
    isi = "kode,tahun,triwulan,realisasi\r\nIKU-1,2025,2,70\r\n".encode()
    _unggah(at, "anggaran", "realisasi_tw2.csv", isi)
    [w] = [w for w in at.warning if "tampak seperti" in w.value]
    assert tampak(w.value) == ("Berkas ini tampak seperti data realisasi indikator: judul kolomnya memuat semua kolom wajib "
                       "jenis data 'Realisasi indikator per triwulan', bukan 'Anggaran: pagu dan realisasi'.")
    at.button(key="unggah_ganti_dataset").click().run()
    tanpa_galat(at)
    assert at.selectbox(key="unggah_dataset").value == "realisasi"
    assert not [w for w in at.warning if "tampak seperti" in w.value]
    assert _tabel(at, "Baris", "Nilai") is not None  # checked as realisasi: no errors, a preview


def test_pratinjau_kolom_nilai_dulu_dan_kolom_diabaikan_disebut(app_db):
    at = buka("unggah", "Bajuin", 2025, 2)
    _unggah(at, "anggaran", "indikator_ekinerja_pengukuran.xlsx",
            (GOOD / "indikator_ekinerja_pengukuran.xlsx").read_bytes())
    pratinjau = _tabel(at, "Baris", "Pagu (Rp)")
    assert list(pratinjau.columns)[:3] == ["Baris", "Pagu (Rp)", "Realisasi TW II (Rp)"]
    assert ("Kolom diabaikan (7): 'No', 'Sasaran Kegiatan / Sub-Kegiatan', 'Indikator Kinerja', 'Satuan', 'Target', "
            "'Target Kinerja(%)', 'Realisasi'. Bila ada yang perlu diimpor, petakan di bagian Pemetaan kolom di "
            "bawah.") in semua_teks(at)
    assert "Berkas tidak memuat kolom kode: kode baris anggaran dibuat dari namanya" in \
        " ".join(str(v) for v in _tabel(at, "Jenis", "Pesan")["Pesan"])
