"""The Unggah Data page (AppTest on the demo database) and its helpers in dashboard/unggah.py.

Files go in through the page's uploader (`FileUploader.upload`), edits through the data editor's session
state; each test checks what the page shows, what the database holds afterwards, and the import log.
"""

from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from apputil import buka, metrik, semua_teks, tanpa_galat, tampak
from dashboard import format as fmt
from dashboard import unggah as u

FILES = Path(__file__).resolve().parent / "files"
DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"
PERIODE = [("Bati-Bati", 2024), ("Bajuin", 2025), ("Pelaihari", 2025), ("Contoh Sintetis", 2025)]


def _make_files():
    spec = importlib.util.spec_from_file_location("make_files", FILES / "make_files.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ---------------------------------------------------------------- helpers

def _ringkasan(nama, tahun, tw):
    from dashboard.data import muat_satu
    from dashboard.ringkasan import ringkasan
    from models.db import session_scope

    with session_scope() as s:
        return ringkasan(muat_satu(s, nama, tahun), tw)


def _periode(nama, tahun):
    from dashboard.data import muat_satu
    from models.db import session_scope

    with session_scope() as s:
        return muat_satu(s, nama, tahun)


def _log(**kw) -> list[dict]:
    from dashboard.impor import riwayat
    from models.db import session_scope

    with session_scope() as s:
        return riwayat(s, **kw)


def _kid(nama: str) -> int:
    from dashboard.pengaturan import kecamatan_id
    from models.db import session_scope

    with session_scope() as s:
        return kecamatan_id(s, nama)


def _tabel(at, *kolom: str) -> pd.DataFrame | None:
    """The first table on the page whose columns start with `kolom`."""
    for d in at.dataframe:
        df = d.value
        if list(df.columns)[:len(kolom)] == list(kolom):
            return df
    return None


def _unggah(at, dataset: str, nama_file: str, isi: bytes, **pilihan):
    """Choose the dataset and options, then upload the file through the page's uploader."""
    at.selectbox(key="unggah_dataset").set_value(dataset).run()
    for key, nilai in pilihan.items():
        widget = at.radio(key=key) if key in ("unggah_gaya", "unggah_per_tw", "unggah_mode") else at.selectbox(key=key)
        widget.set_value(nilai).run()
    mime = "text/csv" if nama_file.endswith(".csv") else "application/octet-stream"
    at.file_uploader[0].upload(nama_file, isi, mime).run()
    tanpa_galat(at)
    return at


def _simpan(at):
    at.button(key="unggah_simpan").click().run()
    tanpa_galat(at)
    return at


def _lra_bajuin_tw2() -> bytes:
    """Bajuin's LRA as a TW II report: the header names the quarter, every figure half of the year's (floored),
    so that the JUMLAH row no longer matches its lines exactly (a file-level warning)."""
    rows = list(csv.reader(open(DEMO / "bajuin-2025" / "04_anggaran.csv", encoding="utf-8")))
    rows[0][3] = "Realisasi s.d. Triwulan II"
    for r in rows[1:]:
        r[3] = str(int(float(r[3]) // 2)) if r[3] else r[3]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def _ikm_google_forms() -> float:
    """The IKM of tests/files/good/skm_google_forms.csv computed by hand (row 4 answers U1 'SANGAT SESUAI')."""
    skor = [list(s) for s in _make_files().SKOR_SKM]
    skor[3][0] = 4
    nrr = []
    for j in range(9):
        isi = [s[j] for s in skor if s[j] is not None]
        nrr.append(sum(isi) / len(isi))
    return sum(nrr) / 9 * 25


# ---------------------------------------------------------------- the page as it opens

@pytest.mark.parametrize("nama,tahun", PERIODE)
def test_halaman_setiap_kecamatan_dan_triwulan(app_db, nama, tahun):
    at = buka("unggah", nama, tahun, 1)
    p = _periode(nama, tahun)
    ids = {r["id"] for r in _log(kecamatan_id=_kid(nama), umum=True)}
    for tw in (1, 2, 3, 4):
        if tw > 1:
            at.session_state["triwulan"] = tw
            at.switch_page("pages/unggah.py").run()
        tanpa_galat(at)
        teks = semua_teks(at)
        assert "Belum ada berkas dipilih." in teks
        assert f"Tahun dan triwulan bawaan: **{tahun}, {fmt.triwulan(tw)}**" in teks
        # The manual entry holds the TW's stored figures, one row per indicator of the year.
        isian = _tabel(at, "Kode", "Indikator", "Satuan")
        assert list(isian["Kode"]) == [i.kode for i in u.indikator_tahun(p, tahun)]
        for _, row in isian.iterrows():
            ind = next(i for i in p.indikator if i.kode == row["Kode"])
            r = ind.realisasi.get(tahun, {}).get(tw)
            t = ind.target_berlaku(tahun)
            assert row[f"Realisasi {fmt.triwulan(tw)}"] == (u.teks_angka(r.nilai) if r else "")
            assert row["Target tahunan"] == (u.teks_angka(t.target) if t else "")
            if r and r.nilai is not None:
                assert float(row[f"Realisasi {fmt.triwulan(tw)}"].replace(",", ".")) == pytest.approx(r.nilai)
        riwayat = _tabel(at, "No.", "Waktu")
        assert {int(x.lstrip("#")) for x in riwayat["No."]} == ids
        assert set(riwayat["Status"]) == {"berhasil"}
    # Templates of every dataset, CSV and XLSX, in the template tab (and the chosen dataset's in the upload tab).
    assert len(at.get("download_button")) >= 2 * len(u.DATASET_URUT) + 2
    if nama == "Contoh Sintetis":
        assert "data sintetis" in teks


# ---------------------------------------------------------------- a bad file

def test_berkas_salah_ditolak_dengan_tabel_galat(app_db):
    sebelum = _ringkasan("Contoh Sintetis", 2025, 1)
    n_log = len(_log())
    at = buka("unggah", "Contoh Sintetis", 2025, 1)
    _unggah(at, "skm", "skm_skor_5.csv", (FILES / "bad" / "skm_skor_5.csv").read_bytes())
    galat = _tabel(at, "Baris", "Kolom", "Pesan")
    assert galat.to_dict("records") == [{"Baris": 2, "Kolom": "u8", "Pesan": "skor '5' di luar rentang 1–4"}]
    teks = " ".join(tampak(e.value) for e in at.error)
    assert "Berkas ditolak: 1 galat. Tidak ada data yang disimpan." in teks
    log = _log()
    assert len(log) == n_log + 1
    assert (log[0]["status"], log[0]["nama_file"], log[0]["baris_ditolak"]) == ("ditolak", "skm_skor_5.csv", 1)
    assert f"impor #{log[0]['id']} (ditolak)" in teks
    assert "unggah_simpan" not in [b.key for b in at.button]
    # Nothing written; reruns do not log the attempt again; the history shows it as "ditolak".
    at.run()
    at.run()
    assert len(_log()) == n_log + 1
    assert _ringkasan("Contoh Sintetis", 2025, 1)["skm"] == sebelum["skm"]
    riwayat = _tabel(at, "No.", "Waktu")
    assert riwayat.iloc[0]["Status"] == "ditolak" and riwayat.iloc[0]["Berkas"] == "skm_skor_5.csv"


def test_berkas_bukan_tabel_dan_terlalu_besar(app_db):
    from dashboard import pengaturan
    from models.db import session_scope

    at = buka("unggah", "Bajuin", 2025, 4)
    _unggah(at, "anggaran", "dokumen_pdf.csv", (FILES / "bad" / "dokumen_pdf.csv").read_bytes())
    assert any("berisi dokumen PDF, bukan tabel CSV atau XLSX" in tampak(e.value) for e in at.error)
    with session_scope() as s:
        pengaturan.simpan(s, "ukuran_file_maks_mb", "0,01", pengguna="uji")
    at = buka("unggah", "Bajuin", 2025, 4)
    assert "paling besar 0,01 MB" in at.file_uploader[0].label
    isi = (DEMO / "bajuin-2025" / "04_anggaran.csv").read_bytes()
    assert len(isi) > 0.01 * 1024 * 1024
    _unggah(at, "anggaran", "04_anggaran.csv", isi)
    pesan = [tampak(e.value) for e in at.error]
    assert any("terlalu besar" in p and "batas ukuran berkas 0,01 MB" in p for p in pesan), pesan


# ---------------------------------------------------------------- good files change the figures

def test_skm_google_forms_mengubah_ikm_lalu_dibatalkan(app_db):
    sebelum = _ringkasan("Contoh Sintetis", 2025, 2)
    at = buka("unggah", "Contoh Sintetis", 2025, 2)
    _unggah(at, "skm", "skm_google_forms.csv", (FILES / "good" / "skm_google_forms.csv").read_bytes())
    assert not at.error
    # The file has no tahun/triwulan: the frame's are used, and the page says so.
    teks = semua_teks(at)
    assert "tahun **2025** (dari bingkai di samping, karena berkas tidak memuat tahun)" in teks
    assert "triwulan **TW II** (dari bingkai di samping, karena berkas tidak memuat triwulan)" in teks
    assert metrik(at) == {"Baris dibaca": "12", "Baru": "12", "Berubah": "0", "Tetap": "0"}
    peta = _tabel(at, "Judul kolom di berkas", "Dibaca sebagai")
    assert peta.set_index("Judul kolom di berkas").loc["Timestamp", "Dibaca sebagai"] == "tanggal"
    pratinjau = _tabel(at, "Baris", "U1")
    assert list(pratinjau["Baris"]) == list(range(2, 12))
    assert list(pratinjau["U1"].iloc[:4]) == [4, 3, 4, 4]
    _simpan(at)
    log = _log()[0]
    assert (log["status"], log["dataset"], log["tahun"], log["triwulan"]) == ("berhasil", "skm", 2025, 2)
    assert any(f"Impor #{log['id']} tersimpan: 12 baris dibaca — 12 baru, 0 berubah, 0 tetap, 0 ditolak" in tampak(s.value)
               for s in at.success)
    sesudah = _ringkasan("Contoh Sintetis", 2025, 2)
    assert sesudah["skm"]["ikm_triwulan"]["2"] == pytest.approx(_ikm_google_forms())
    assert sesudah["skm"]["ikm"] != pytest.approx(sebelum["skm"]["ikm"])
    # The Ringkasan page shows the new figure.
    r = buka(None, "Contoh Sintetis", 2025, 2)
    assert metrik(r)["IKM"].startswith(fmt.angka(sesudah["skm"]["ikm"]))
    # Undo it from the history: confirmation first, then the data is back.
    assert at.session_state["unggah_pilih"] == log["id"]
    at.button(key=f"unggah_batal_{log['id']}").click().run()
    assert any(f"Batalkan impor #{log['id']}?" in tampak(w.value) for w in at.warning)
    assert _ringkasan("Contoh Sintetis", 2025, 2)["skm"] == sesudah["skm"]  # not yet
    at.button(key="unggah_batal_ya").click().run()
    tanpa_galat(at)
    assert any(f"Impor #{log['id']} (jawaban SKM, 'skm_google_forms.csv') dibatalkan" in tampak(s.value) for s in at.success)
    assert _ringkasan("Contoh Sintetis", 2025, 2)["skm"] == sebelum["skm"]
    assert _log(import_id=log["id"])[0]["status"] == "dibatalkan"
    assert _tabel(at, "No.", "Waktu").iloc[0]["Status"] == "dibatalkan"


def test_anggaran_tw2_bajuin_dan_tautan_peringatan(app_db):
    assert _ringkasan("Bajuin", 2025, 2)["anggaran"]["serapan"] is None
    at = buka("unggah", "Bajuin", 2025, 2)
    _unggah(at, "anggaran", "lra_bajuin_tw2.csv", _lra_bajuin_tw2())
    teks = semua_teks(at)
    assert "triwulan **TW II** (dari berkas)" in teks
    assert "tahun **2025** (dari bingkai di samping, karena berkas tidak memuat tahun)" in teks
    peringatan = _tabel(at, "Jenis", "Pesan")
    assert "Baris jumlah tidak sesuai" in set(peringatan["Jenis"])
    _simpan(at)
    iid = _log()[0]["id"]
    d = _ringkasan("Bajuin", 2025, 2)
    # Every figure halved: serapan s.d. TW II is half of the year's 88,13 % (to the flooring of the halves).
    assert d["anggaran"]["serapan"] == pytest.approx(_ringkasan("Bajuin", 2025, 4)["anggaran"]["serapan"] / 2,
                                                     abs=1e-6)
    r = buka(None, "Bajuin", 2025, 2)
    assert metrik(r)["Serapan"] == fmt.persen(d["anggaran"]["serapan"])
    # The file-level warning links to this page with the import's number.
    tautan = [x for x in r.get("page_link") if x.proto.label.startswith(f"Impor #{iid} ")]
    assert tautan and tautan[0].proto.query_string == f"impor={iid}"
    # Following the link highlights the import.
    at = buka(None, "Bajuin", 2025, 2)
    at.query_params["impor"] = str(iid)
    at.switch_page("pages/unggah.py").run()
    tanpa_galat(at)
    assert at.session_state["unggah_pilih"] == iid
    assert f"Impor #{iid} yang dituju tautan." in semua_teks(at)
    assert any(f"**Impor #{iid}** · Anggaran" in tampak(m.value) for m in at.markdown)


def test_unggah_ulang_tidak_mengubah_data(app_db):
    isi = (DEMO / "bajuin-2025" / "03_realisasi.csv").read_bytes()
    demo = next(r for r in _log(kecamatan_id=_kid("Bajuin")) if r["nama_file"] == "03_realisasi.csv")
    sebelum = _periode("Bajuin", 2025)
    at = buka("unggah", "Bajuin", 2025, 4)
    _unggah(at, "realisasi", "03_realisasi.csv", isi, unggah_gaya="en")
    m = metrik(at)
    assert (m["Baru"], m["Berubah"]) == ("0", "0") and int(m["Tetap"]) == int(m["Baris dibaca"]) > 0
    teks = semua_teks(at)
    assert "Semua baris sama dengan data yang sudah tersimpan" in teks
    assert f"sudah diimpor pada {u.waktu_lokal(demo['waktu'])} (impor #{demo['id']})" in teks
    _simpan(at)
    log = _log()[0]
    assert (log["status"], log["baris_baru"], log["baris_berubah"]) == ("berhasil", 0, 0)
    sesudah = _periode("Bajuin", 2025)
    assert [(i.kode, i.realisasi) for i in sesudah.indikator] == [(i.kode, i.realisasi) for i in sebelum.indikator]


def test_batalkan_ditolak_menyebut_impor_berikutnya(app_db):
    log = _log(kecamatan_id=_kid("Bajuin"))
    indikator = next(r for r in log if r["nama_file"] == "02_indikator.csv")
    realisasi = next(r for r in log if r["nama_file"] == "03_realisasi.csv")
    at = buka("unggah", "Bajuin", 2025, 4)
    next(s for s in at.selectbox if s.label == "Pilih impor").set_value(indikator["id"]).run()
    at.button(key=f"unggah_batal_{indikator['id']}").click().run()
    at.button(key="unggah_batal_ya").click().run()
    tanpa_galat(at)
    pesan = " ".join(tampak(e.value) for e in at.error)
    assert f"Impor #{indikator['id']} tidak dapat dibatalkan" in pesan
    assert f"Batalkan impor #{realisasi['id']} lebih dulu." in pesan
    assert _log(import_id=indikator["id"])[0]["status"] == "berhasil"
    assert len(_periode("Bajuin", 2025).indikator) == 2


# ---------------------------------------------------------------- options: mapping, sheet, kecamatan column

def test_pemetaan_manual_dan_disimpan(app_db):
    isi = b"kode,tahun,triwulan,Angka Kinerja\nIKU-3,2025,2,4\n"
    at = buka("unggah", "Contoh Sintetis", 2025, 2)
    _unggah(at, "realisasi", "kinerja.csv", isi)
    peta = _tabel(at, "Judul kolom di berkas", "Dibaca sebagai").set_index("Judul kolom di berkas")
    assert peta.loc["Angka Kinerja", "Dibaca sebagai"] == "diabaikan"
    assert peta.loc["—", "Dibaca sebagai"] == "realisasi"  # the required column that is missing
    assert "Kolom wajib 'realisasi' tidak ada di berkas" in _tabel(at, "Baris", "Kolom", "Pesan")["Pesan"].iat[0]
    kunci = next(s.key for s in at.selectbox if s.label == "'Angka Kinerja' dibaca sebagai")
    at.selectbox(key=kunci).set_value("realisasi").run()
    tanpa_galat(at)
    assert not at.error
    assert _tabel(at, "Judul kolom di berkas", "Dibaca sebagai").set_index(
        "Judul kolom di berkas").loc["Angka Kinerja", "Dibaca sebagai"] == "realisasi"
    at.text_input(key="unggah_peta_simpan_nama").set_value("Ekspor e-kinerja").run()
    at.button(key="unggah_peta_simpan").click().run()
    assert any("Pemetaan 'Ekspor e-kinerja' disimpan" in tampak(s.value) for s in at.success)
    _simpan(at)
    assert _periode("Contoh Sintetis", 2025).indikator[2].realisasi[2025][2].nilai == 4
    # Next time the saved mapping is picked by name.
    at = buka("unggah", "Contoh Sintetis", 2025, 3)
    at.selectbox(key="unggah_dataset").set_value("realisasi").run()
    assert "Ekspor e-kinerja" in at.selectbox(key="unggah_peta_nama_realisasi").options
    _unggah(at, "realisasi", "kinerja_tw3.csv", isi.replace(b",2,4", b",3,5"),
            unggah_peta_nama_realisasi="Ekspor e-kinerja")
    assert not at.error
    peta = _tabel(at, "Judul kolom di berkas", "Dibaca sebagai").set_index("Judul kolom di berkas")
    assert peta.loc["Angka Kinerja", "Dibaca sebagai"] == "realisasi"
    assert peta.loc["Angka Kinerja", "Keterangan"].startswith("dari pemetaan tersimpan")
    _simpan(at)
    assert _periode("Contoh Sintetis", 2025).indikator[2].realisasi[2025][3].nilai == 5
    assert _log()[0]["opsi"]["pemetaan"] == "Ekspor e-kinerja"


def test_pilih_lembar_xlsx(app_db):
    wb = Workbook()
    wb.active.title = "Petunjuk"
    wb.active.append(["Isi lembar Data lalu unggah berkas ini."])
    ws = wb.create_sheet("Data")
    ws.append(["kode", "tahun", "triwulan", "realisasi"])
    ws.append(["IKU-3", 2025, 1, 6])
    buf = io.BytesIO()
    wb.save(buf)
    at = buka("unggah", "Contoh Sintetis", 2025, 1)
    _unggah(at, "realisasi", "realisasi.xlsx", buf.getvalue())
    assert at.error  # the first sheet holds no table
    lembar = next(s for s in at.selectbox if s.label == "Lembar (sheet) yang diimpor")
    assert lembar.options == ["Petunjuk", "Data"]
    lembar.set_value("Data").run()
    tanpa_galat(at)
    assert not at.error
    assert "lembar 'Data' (dari 2 lembar)" in semua_teks(at)
    _simpan(at)
    assert _log()[0]["opsi"]["lembar"] == "Data"
    assert _periode("Contoh Sintetis", 2025).indikator[2].realisasi[2025][1].nilai == 6


def test_berkas_se_kabupaten_butuh_pilihan_kolom_kecamatan(app_db):
    isi = b"kecamatan,kode,tahun,triwulan,realisasi\nBajuin,IKU-1,2025,2,60\nPelaihari,IKU-1,2025,2,70\n"
    at = buka("unggah", "Bajuin", 2025, 2)
    _unggah(at, "realisasi", "se_kabupaten.csv", isi)
    galat = _tabel(at, "Baris", "Kolom", "Pesan")
    assert galat.to_dict("records") == [{"Baris": 3, "Kolom": "kecamatan", "Pesan":
                                         "kecamatan 'Pelaihari' berbeda dengan kecamatan yang dipilih (Bajuin)"}]
    at.selectbox(key="unggah_kecamatan_Bajuin").set_value("").run()
    tanpa_galat(at)
    assert not at.error
    assert "Kecamatan **sesuai kolom kecamatan di berkas**" in semua_teks(at)
    _simpan(at)
    assert _periode("Pelaihari", 2025).indikator[0].realisasi[2025][2].nilai == 70
    # A kabupaten-wide import shows in every kecamatan's history.
    iid = _log()[0]["id"]
    assert _log()[0]["kecamatan_id"] is None
    for nama in ("Bajuin", "Bati-Bati"):
        assert iid in {r["id"] for r in _log(kecamatan_id=_kid(nama), umum=True)}
        assert iid not in {r["id"] for r in _log(kecamatan_id=_kid(nama))}


# ---------------------------------------------------------------- manual entry

def _isian(at, nama, tahun, tw, ubah: dict[int, dict[str, str]]):
    kunci = f"unggah_isian_{nama}_{tahun}_{tw}_0"
    at.session_state[kunci] = {"edited_rows": ubah, "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="unggah_isian_simpan").click().run()
    tanpa_galat(at)
    return at


def test_isian_manual_tersimpan_dan_tercatat(app_db):
    sebelum = _periode("Contoh Sintetis", 2025)
    ind3 = sebelum.indikator[2]
    n_versi = len(ind3.target_versi[2025])
    at = buka("unggah", "Contoh Sintetis", 2025, 2)
    isian = _tabel(at, "Kode", "Indikator", "Satuan")
    pos = list(isian["Kode"]).index(ind3.kode)
    _isian(at, "Contoh Sintetis", 2025, 2, {pos: {"Realisasi TW II": "4,5", "Keterangan": "Diisi manual.",
                                                  "Target s.d. TW II": "5"}})
    assert any(s.value.startswith("Isian manual tersimpan.") for s in at.success), [tampak(s.value) for s in at.success]
    sesudah = _periode("Contoh Sintetis", 2025)
    b = next(i for i in sesudah.indikator if i.kode == ind3.kode)
    r = b.realisasi[2025][2]
    assert (r.nilai, r.keterangan) == (4.5, "Diisi manual.")
    lama = ind3.realisasi[2025].get(2)
    faktor_lama = (lama.faktor_pendorong, lama.tindak_lanjut) if lama else (None, None)
    assert (r.faktor_pendorong, r.tindak_lanjut) == faktor_lama
    # The target version in force is changed in place; nothing else of the indicator moves.
    assert len(b.target_versi[2025]) == n_versi
    t = b.target_berlaku(2025)
    assert t.target_tw[2] == 5 and t.target == ind3.target_berlaku(2025).target
    assert t.versi == ind3.target_berlaku(2025).versi
    for i_lama, i_baru in zip(sebelum.indikator, sesudah.indikator):
        assert (i_lama.kode, i_lama.urutan, i_lama.hitung, i_lama.satuan, i_lama.polaritas) == \
               (i_baru.kode, i_baru.urutan, i_baru.hitung, i_baru.satuan, i_baru.polaritas)
    log = _log()[:2]
    assert {(r["nama_file"], r["status"]) for r in log} == {("isian-manual-indikator.csv", "berhasil"),
                                                            ("isian-manual-realisasi.csv", "berhasil")}
    # The editor now shows the stored values.
    isian = _tabel(at, "Kode", "Indikator", "Satuan")
    assert isian.iloc[pos]["Realisasi TW II"] == "4,5"


def test_isian_manual_salah_ditolak(app_db):
    sebelum = _periode("Contoh Sintetis", 2025)
    n_log = len(_log())
    at = buka("unggah", "Contoh Sintetis", 2025, 2)
    _isian(at, "Contoh Sintetis", 2025, 2, {1: {"Realisasi TW II": "delapan puluh"}, 3: {"Realisasi TW II": "12"}})
    galat = _tabel(at, "Baris", "Kode", "Kolom", "Pesan")
    assert galat.to_dict("records") == [{"Baris": 2, "Kode": "IKU-2", "Kolom": "Realisasi TW II",
                                         "Pesan": "'delapan puluh' bukan angka"}]
    assert any("Isian tidak disimpan: 1 galat." in tampak(e.value) for e in at.error)
    sesudah = _periode("Contoh Sintetis", 2025)
    assert [i.realisasi for i in sesudah.indikator] == [i.realisasi for i in sebelum.indikator]
    log = _log()
    assert len(log) == n_log + 1
    assert (log[0]["nama_file"], log[0]["status"]) == ("isian-manual-realisasi.csv", "ditolak")


# ---------------------------------------------------------------- pure helpers

def test_periode_hilang_dan_isi_galat():
    from dashboard.impor import Galat

    g = [Galat(None, None, "Tahun tidak diketahui: tambahkan kolom tahun di berkas …"),
         Galat(None, None, "Triwulan tidak diketahui: …"), Galat(3, "u1", "Baris 3, kolom u1: skor '5' di luar")]
    assert u.periode_hilang(g) == {"tahun", "triwulan"}
    assert u.isi_galat(g[2]) == "skor '5' di luar"
    assert u.tabel_galat(g).iloc[2].to_dict() == {"Baris": 3, "Kolom": "u1", "Pesan": "skor '5' di luar"}


def test_periksa_mengisi_periode_dari_bingkai_hanya_bila_perlu(demo_db):
    isi = (FILES / "good" / "anggaran_sipd_tw2.xlsx").read_bytes()
    pem = u.periksa(isi, "sipd.xlsx", u.Opsi("anggaran", "Bati-Bati"), tahun_frame=2030, triwulan_frame=4)
    # The title names 2024 and the header TW II: the frame's 2030 / TW IV are not used.
    assert pem.boleh_simpan and pem.dari_frame == ()
    assert pem.persiapan.lingkup == [[_kid("Bati-Bati"), 2024, 2]]
    pem = u.periksa((FILES / "good" / "skm_google_forms.csv").read_bytes(), "gf.csv",
                    u.Opsi("skm", "Bajuin"), tahun_frame=2025, triwulan_frame=3)
    assert pem.dari_frame == ("tahun", "triwulan") and pem.argumen["triwulan"] == 3
    assert pem.boleh_simpan
    pem = u.periksa(b"", "kosong.csv", u.Opsi("skm", "Bajuin"), tahun_frame=2025, triwulan_frame=3)
    assert pem.tolak == "Berkas 'kosong.csv' kosong." and not pem.boleh_simpan


def test_teks_angka_dibaca_ulang_sama():
    assert [u.teks_angka(x) for x in (87.5, 1500.0, 66.666667, 0.07, None)] == \
           ["87,5", "1500", "66,666667", "0,07", ""]


def test_tabel_riwayat_dan_label():
    from datetime import datetime, timezone

    rows = [dict(id=7, waktu=datetime(2025, 4, 2, 1, 30, tzinfo=timezone.utc), pengguna="operator", dataset="skm",
                 nama_file="a.csv", kecamatan="Bajuin", tahun=2025, triwulan=2, opsi={}, status="ditolak",
                 baris_dibaca=3, baris_baru=0, baris_berubah=0, baris_tetap=0, baris_ditolak=1, peringatan=[]),
            dict(id=6, waktu=datetime(2025, 4, 1, tzinfo=timezone.utc), pengguna="cli", dataset="skala",
                 nama_file="s.csv", kecamatan=None, tahun=None, triwulan=None, opsi={}, status="berhasil",
                 baris_dibaca=3, baris_baru=3, baris_berubah=0, baris_tetap=0, baris_ditolak=0,
                 peringatan=[{"jenis": "x", "pesan": "y"}])]
    df = u.tabel_riwayat(rows, sorot=6)
    assert list(df["No."]) == ["#7", "#6"]
    assert list(df["Periode"]) == ["2025 · TW II", "—"]
    assert list(df["Kecamatan"]) == ["Bajuin", "semua"]
    assert list(df["_tebal"]) == [False, True]
    assert list(df["Peringatan"]) == [0, 1]
    assert list(df["_warna_Status"]) == ["#a61e1e", "#1b7f3b"]
    assert u.label_impor(rows[0]).startswith("#7 · ") and u.label_impor(rows[0]).endswith("SKM: jawaban responden · "
                                                                                          "a.csv · ditolak")
