"""The Laporan page's check of a finished report: upload through the uploader, read the metrics and the
result table, the tables not checked, the download; a refused file gets its message, not a traceback."""

from __future__ import annotations

from pathlib import Path

from tests.apputil import buka, metrik, semua_teks, tanpa_galat

LAPORAN = Path(__file__).resolve().parent / "files" / "laporan"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_unggah_laporan_dan_baca_hasilnya(app_db):
    at = buka("laporan", "Bati-Bati", 2024, 4)
    tanpa_galat(at)
    at.file_uploader(key="laporan_periksa_berkas").upload(
        "batibati_2024.docx", (LAPORAN / "batibati_2024.docx").read_bytes(), DOCX).run()
    tanpa_galat(at)
    assert metrik(at) == {"Tabel dibaca": "34", "Tabel diperiksa": "26", "Temuan": "14"}
    tabel = {tuple(d.value.columns)[0]: d.value for d in at.dataframe}
    df = tabel["Tabel"]
    assert list(df.columns) == ["Tabel", "Baris", "Kolom", "Tercetak", "Seharusnya", "Selisih", "Penjelasan"]
    baris = df[df["Tercetak"] == "900,00"].iloc[0]
    assert baris["Tabel"].startswith("Tabel 3.6") and (baris["Seharusnya"], baris["Selisih"]) == ("914,29", "-14,29")
    assert baris["Baris"] == "2. Rasio Desa Mandiri Terhadap jumlah desa yang ada di kecamatan"
    assert (df["Penjelasan"].str.startswith("Berbeda dari data tersimpan")).sum() == 4
    lain = tabel["No."]
    assert "Tabel 3.19 Nilai atas Akuntabilitas Kinerja Instansi Pemerintah Kecamatan Bati-Bati Tahun 2024" in \
        list(lain["Judul tabel"])
    assert "Unduh hasil pemeriksaan (.xlsx)" in [b.proto.label for b in at.get("download_button")]
    # without the database: only the arithmetic of the document itself
    at.toggle(key="laporan_periksa_bandingkan").set_value(False).run()
    tanpa_galat(at)
    assert metrik(at)["Temuan"] == "10"
    assert "tanpa pembanding basis data" in semua_teks(at)


def test_dokumen_word_lama_ditolak_dengan_pesan(app_db):
    at = buka("laporan", "Bajuin", 2025, 4)
    cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le")
    # the file name is the user's text: shown literally, never as Markdown
    at.file_uploader(key="laporan_periksa_berkas").upload("**lkjip** :red[2024].doc", cfb, "application/msword").run()
    tanpa_galat(at)
    pesan = [e.value for e in at.error]
    assert len(pesan) == 1 and "\\*\\*lkjip\\*\\* \\:red\\[2024\\]\\.doc" in pesan[0]
    assert "berformat Word lama (.doc)" in pesan[0].replace("\\", "")
    assert not at.dataframe
