"""User text never renders as Markdown (issue 8, B12).

Every text field of a kecamatan's data carries a Markdown/HTML payload, written through the import
engine (and the kecamatan and its kabupaten are named with it); every page is opened with AppTest and
every string Streamlit renders as Markdown (bodies, captions, alerts, titles, metric labels, values,
deltas and tooltips, expander and tab labels, widget labels and options) must render no image, link,
raw HTML, emphasis, code, math or colour from it.
"""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from apputil import buka, markdown_tak_aman, teks_markdown, tanpa_galat
from dashboard import format as fmt

MUATAN = ("![x](http://evil/t.png) [klik](javascript:alert(1)) <img src=x onerror=alert(1)> **tebal** $x$ "
          "`kode` :red[merah] www.evil.id")
PENDEK = "![x](http://evil/t) **tebal** `kode` :red[m]"  # for fields of at most 50 characters
KEC = f"Jahat {MUATAN}"
KAB = f"Kab {MUATAN}"
HALAMAN = ["ringkasan", "iku", "anggaran", "skm", "desa", "kabupaten", "laporan", "unggah", "pengaturan"]


def _csv(rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _isi(db_url: str) -> None:
    from dashboard.impor import impor
    from dashboard.kelola import tambah_kecamatan
    from models.db import get_engine, session_scope

    engine = get_engine(db_url)
    with session_scope(engine) as s:
        tambah_kecamatan(s, KEC, KAB, pengguna="uji")
    desa = [{"nama_desa": f"Desa{i} {MUATAN}", "tahun": t, "skema": "indeks_desa_2024", "skor": skor,
             "status": status, "layanan_dasar": 100 + i, "sosial": 60, "ekonomi": 120, "lingkungan": 50 + i,
             "aksesibilitas": 40, "tata_kelola": 60}
            for t in (2024, 2025)
            for i, (skor, status) in enumerate([(85, "Mandiri"), (72, "Maju"), (60 + t - 2024, "Berkembang")])]
    indikator = [{"kode": f"IKU-{i}", "indikator": f"Indikator{i} {MUATAN}", "sasaran": f"Sasaran {MUATAN}",
                  "satuan": satuan, "jenis": "iku", "tahun": 2025, "target": target, "target_renstra": target * 1.2,
                  "versi": f"PK {PENDEK}"} for i, satuan, target in ((1, "%", 80), (2, PENDEK, 4))]
    realisasi = [{"kode": f"IKU-{i}", "tahun": 2025, "triwulan": tw, "realisasi": nilai * tw / 4,
                  "keterangan": f"Ket {MUATAN}", "faktor_pendorong": f"Dorong {MUATAN}\n- baris {MUATAN}",
                  "faktor_penghambat": f"Hambat {MUATAN}", "tindak_lanjut": f"Lanjut {MUATAN}"}
                 for i, nilai in ((1, 70), (2, 3)) for tw in (1, 2, 3, 4)]
    anggaran = [{"kode": "7.01.01", "uraian": f"Program {MUATAN}", "tahun": 2025, "pagu": 1_000_000_000,
                 "realisasi_tw1": 200_000_000, "realisasi_tw2": 450_000_000, "realisasi_tw3": 700_000_000,
                 "realisasi_tw4": 950_000_000, "jenis_belanja": f"Belanja {MUATAN}"},
                {"kode": "7.01.01.2.01", "uraian": f"Kegiatan {MUATAN}", "tahun": 2025, "pagu": 1_000_000_000,
                 "realisasi_tw1": 200_000_000, "realisasi_tw2": 450_000_000, "realisasi_tw3": 700_000_000,
                 "realisasi_tw4": 950_000_000, "jenis_belanja": f"Belanja {MUATAN}"}]
    skm = [{"id_responden": f"R{tw}-{j}", "tahun": 2025, "triwulan": tw, "layanan": f"Layanan{j % 2} {PENDEK}",
            "jenis_kelamin": "Perempuan", "umur": 30 + j, "pendidikan": f"Sekolah {PENDEK}",
            "pekerjaan": f"Kerja {PENDEK}", "saran": f"Saran{j} {MUATAN}",
            **{f"u{u}": 3 + (u + j) % 2 for u in range(1, 10)}} for tw in (1, 2, 3, 4) for j in range(6)]
    skala = [{"nama": f"Skala {MUATAN}", "batas_bawah": b, "label": f"{lbl} {MUATAN}", "warna": w}
             for b, lbl, w in ((0, "Kurang", "#a61e1e"), (90, "Baik", "#1b7f3b"))]
    berkas = [("skala", skala, None), ("desa", desa, None), ("indikator", indikator, None),
              ("realisasi", realisasi, None), ("anggaran", anggaran, None), ("skm", skm, None)]
    for dataset, rows, tw in berkas:
        hasil = impor(dataset, _csv(rows), f"{dataset}_{MUATAN}.csv", engine=engine,
                      kecamatan=None if dataset == "skala" else KEC, tahun=2025, triwulan=tw, pengguna="uji")
        assert hasil.status == "berhasil", (dataset, [g.pesan for g in hasil.galat])
    # A rejected file too: its name and its errors are shown in the upload history.
    ditolak = impor("realisasi", _csv([{"kode": f"X {MUATAN}", "tahun": 2025, "triwulan": 1,
                                        "realisasi": f"abc {MUATAN}"}]),
                    f"ditolak_{MUATAN}.csv", engine=engine, kecamatan=KEC, pengguna="uji")
    assert ditolak.status == "ditolak"


@pytest.fixture(scope="module")
def muatan_template(tmp_path_factory):
    """A database whose every user text is a payload, built once for the module (copied per test)."""
    import os

    from dashboard.basisdata import siapkan_basis_data
    from models.db import get_engine

    path = tmp_path_factory.mktemp("muatan") / "muatan.db"
    url = f"sqlite:///{path}"
    lama = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    try:
        siapkan_basis_data(url)
        _isi(url)
    finally:
        get_engine(url).dispose()
        get_engine.cache_clear()
        os.environ.pop("DATABASE_URL", None) if lama is None else os.environ.__setitem__("DATABASE_URL", lama)
    return path


@pytest.fixture
def muatan_db(muatan_template, tmp_path, monkeypatch):
    import streamlit as st

    from models.db import get_engine

    path = tmp_path / "muatan.db"
    shutil.copy(muatan_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()
    yield url
    st.cache_data.clear()
    get_engine(url).dispose()
    get_engine.cache_clear()


def test_md_meloloskan_teks_apa_adanya():
    """The helper itself: the payload renders as its own characters, whatever the context."""
    from markdown_it import MarkdownIt

    aman = fmt.md(MUATAN)
    assert markdown_tak_aman(aman) == []
    assert markdown_tak_aman(MUATAN)  # the check does see the raw payload
    teks = MarkdownIt("commonmark").render(aman)
    assert "![x](http://evil/t.png)" in teks and "**tebal**" in teks and "`kode`" in teks
    assert fmt.md("- butir\n1. satu\n# judul", baris=True) == "\\- butir  \n1\\. satu  \n\\# judul"
    assert fmt.md("baris satu\nbaris dua") == "baris satu baris dua"
    assert fmt.md("Bati-Bati") == "Bati-Bati" and fmt.md(None) == ""


@pytest.mark.parametrize("halaman", HALAMAN)
def test_muatan_tidak_dirender(muatan_db, halaman):
    at = buka(halaman, KEC, 2025, 4)
    tanpa_galat(at)
    teks = teks_markdown(at)
    bocor = [(tempat, masalah, t[:160]) for tempat, t in teks if (masalah := markdown_tak_aman(t))]
    assert not bocor, bocor
    # The payload is on the page (escaped), so the check above is not empty-handed.
    assert any("evil" in t for _, t in teks), halaman
