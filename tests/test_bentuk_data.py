"""The data-shape matrix: every shape of `tests/bentuk.py` × TW I–IV × every export, the summary and every page.

One database holds all the shapes (one kecamatan each, one kabupaten), imported through the real import
engine once per module. For each shape and TW: the workbook, the deck and the CSV ZIP are built and read
back (openpyxl, python-pptx, zipfile) and checked for sense; `summary --json` and `export` run through the
command line; every page opens in AppTest without an exception. A shape without any data of the year is
the one case an export may refuse, and it must say why.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import datetime, timezone

import pytest
from openpyxl import load_workbook
from pptx import Presentation

from dashboard import format as fmt
from dashboard.ekspor import buat, kumpulkan, rencana_dek
warna_sah = lambda w: isinstance(w, str)
from dashboard.ekspor.tabel import LEMBAR, semua_tabel
from dashboard.ringkasan import publik
from models.db import get_engine, session_scope
from tests.apputil import buka, semua_teks, tanpa_galat
from tests.bentuk import BENTUK, TAHUN, bangun
from tests.test_ekspor import _badan

TW = (1, 2, 3, 4)
WAKTU = datetime(2026, 2, 6, 10, 15, tzinfo=timezone.utc)
HALAMAN = ("iku", "anggaran", "skm", "desa", "kabupaten", "laporan", "unggah", "pengaturan")  # after Ringkasan
MATRIKS = [(b, tw) for b in BENTUK for tw in TW]


def _id(x) -> str:
    b, tw = x
    return f"{b.nama}-tw{tw}"


@pytest.fixture(scope="module")
def bentuk_db(tmp_path_factory):
    """All the shapes in one SQLite file; DATABASE_URL points at it for the module (CLI and pages)."""
    from dashboard.basisdata import siapkan_basis_data

    mp = pytest.MonkeyPatch()
    url = f"sqlite:///{tmp_path_factory.mktemp('bentuk') / 'bentuk.db'}"
    mp.setenv("DATABASE_URL", url)
    siapkan_basis_data(url)
    bangun(url)
    yield url
    mp.undo()
    get_engine(url).dispose()
    get_engine.cache_clear()


def _bahan(url: str, kecamatan: str, tw: int):
    with session_scope(get_engine(url)) as s:
        return kumpulkan(s, kecamatan, TAHUN, tw, WAKTU)


# ---------------------------------------------------------------- the builders

@pytest.mark.parametrize("kasus", MATRIKS, ids=_id)
def test_ekspor_setiap_bentuk(bentuk_db, kasus):
    bentuk, tw = kasus
    b = _bahan(bentuk_db, bentuk.kecamatan, tw)
    ref = json.loads(json.dumps(publik(b.data)))
    rencana = rencana_dek(b)
    for s in rencana:  # the plan carries colour codes only where a cell is coloured (a NaN crashed the deck)
        assert s.tabel is None or all(warna_sah(w) for w in s.tabel.warna.values()), s.judul

    wb = load_workbook(io.BytesIO(buat("xlsx", b)))
    assert wb.sheetnames == list(LEMBAR)
    ws = wb["Ringkasan"]
    nilai = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)}
    for ukuran, harapan in (("Rata-rata capaian IKU", ref["iku"]["rata_rata_capaian"]),
                            (f"Serapan anggaran s.d. {fmt.triwulan(tw)}", ref["anggaran"]["serapan"]),
                            ("Rasio desa mandiri", ref["desa"]["rasio"]),
                            ("Indeks Kepuasan Masyarakat (IKM)", ref["skm"]["ikm"])):
        assert nilai[ukuran] == (pytest.approx(harapan, rel=1e-12) if harapan is not None else "belum ada data")

    prs = Presentation(io.BytesIO(buat("pptx", b)))
    slides = list(prs.slides)
    assert [s.shapes.title.text_frame.text for s in slides] == [s.judul for s in rencana]
    for sl in slides:  # body text at 14 pt or more on every shape of data too
        assert all(r.font.size is not None and r.font.size.pt >= 14 for _, r in _badan(sl)), sl.shapes.title.text
    teks = "\n".join(sh.text_frame.text for sl in slides for sh in sl.shapes if sh.has_text_frame)
    teks += "\n".join(c.text for sl in slides for sh in sl.shapes if sh.has_table
                      for row in sh.table.rows for c in row.cells)
    assert "nan" not in re.findall(r"[a-z]+", teks.lower()) and "None" not in teks

    with zipfile.ZipFile(io.BytesIO(buat("csv", b))) as z:
        nama = set(z.namelist())
        assert "daftar_isi.csv" in nama
        assert nama - {"daftar_isi.csv"} == {f"{t.berkas}.csv" for t in semua_tabel(b) if not t.df.empty}
        assert z.testzip() is None


# ---------------------------------------------------------------- the command line

def _cli(argv: list[str], capsys) -> tuple[int, str, str]:
    from dashboard import cli

    kode = cli.main(argv)
    out = capsys.readouterr()
    return kode, out.out, out.err


@pytest.mark.parametrize("bentuk", BENTUK, ids=lambda b: b.nama)
def test_cli_setiap_bentuk(bentuk_db, bentuk, tmp_path, capsys):
    """`summary --json` for every TW, `export` of every format for one TW per shape (the TW cycles
    through the shapes, so that every TW is exported by some shape)."""
    for tw in TW:
        kode, out, err = _cli(["summary", "--kecamatan", bentuk.kecamatan, "--tahun", str(TAHUN),
                               "--triwulan", str(tw), "--json"], capsys)
        assert kode == 0, err
        d = json.loads(out)
        assert (d["kecamatan"], d["tahun"], d["triwulan"]) == (bentuk.kecamatan, TAHUN, tw)
        if not bentuk.ada_data:
            assert d["iku"]["rata_rata_capaian"] is None and d["anggaran"]["pagu"] is None
            assert d["skm"]["ikm"] is None and d["desa"]["rasio"] is None
    tw = TW[BENTUK.index(bentuk) % 4]
    for format, akhiran in (("xlsx", ".xlsx"), ("pptx", ".pptx"), ("csv", ".zip")):
        kode, out, err = _cli(["export", format, "--kecamatan", bentuk.kecamatan, "--tahun", str(TAHUN),
                               "--triwulan", str(tw), "--out", str(tmp_path)], capsys)
        assert "Traceback" not in err
        if not bentuk.ada_data:
            assert kode == 1 and f"belum punya data untuk tahun {TAHUN}" in err
            continue
        assert kode == 0, err
        path = tmp_path / f"kinerja_{bentuk.kecamatan.lower().replace(' ', '-')}_{TAHUN}_tw{tw}{akhiran}"
        assert str(path) in out and path.stat().st_size > 0
        assert zipfile.is_zipfile(path)


# ---------------------------------------------------------------- the pages

@pytest.mark.parametrize("kasus", MATRIKS, ids=_id)
def test_halaman_setiap_bentuk(bentuk_db, kasus):
    """Every page, one AppTest per shape and TW (Ringkasan first, then a switch to each other page)."""
    import streamlit as st

    bentuk, tw = kasus
    st.cache_data.clear()
    at = buka(None, bentuk.kecamatan, TAHUN, tw)
    tanpa_galat(at)
    assert at.session_state["kecamatan"] == bentuk.kecamatan
    for halaman in HALAMAN:
        at.switch_page(f"pages/{halaman}.py").run()
        tanpa_galat(at)
        assert semua_teks(at).strip(), halaman
