"""`python -m dashboard export xlsx|pptx|csv …` (formats.md §2): exit codes, the files it writes, and
that the workbook's figures are those `summary --json` prints for the same period."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from openpyxl import load_workbook
from pptx import Presentation

from tests.test_cli import cli


def _export(url, format, out, kec="Bajuin", tahun="2025", tw="4"):
    return cli("export", format, "--kecamatan", kec, "--tahun", tahun, "--triwulan", tw, "--out", str(out), url=url)


def test_export_xlsx_sama_dengan_summary_json(demo_db, tmp_path):
    out = tmp_path / "kinerja.xlsx"
    r = _export(demo_db, "xlsx", out)
    assert r.returncode == 0, r.stderr
    assert str(out) in r.stdout and out.stat().st_size > 0
    s = cli("summary", "--kecamatan", "Bajuin", "--tahun", "2025", "--triwulan", "4", "--json", url=demo_db)
    ref = json.loads(s.stdout)
    ws = load_workbook(out)["Ringkasan"]
    nilai = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)}
    assert nilai["Rata-rata capaian IKU"] == pytest.approx(ref["iku"]["rata_rata_capaian"], rel=1e-12)
    assert nilai["Serapan anggaran s.d. TW IV"] == pytest.approx(ref["anggaran"]["serapan"], rel=1e-12)
    assert nilai["Pagu anggaran"] == pytest.approx(ref["anggaran"]["pagu"], rel=1e-12)
    assert nilai["Indeks Kepuasan Masyarakat (IKM)"] == pytest.approx(ref["skm"]["ikm"], rel=1e-12)
    assert nilai["Rasio desa mandiri"] == pytest.approx(ref["desa"]["rasio"], rel=1e-12)


def test_export_pptx_dan_csv_ke_folder(demo_db, tmp_path):
    r = _export(demo_db, "pptx", tmp_path, kec="bati-bati", tahun="2024", tw="III")
    assert r.returncode == 0, r.stderr
    dek = tmp_path / "kinerja_bati-bati_2024_tw3.pptx"
    assert len(Presentation(dek).slides) >= 8
    r = _export(demo_db, "csv", tmp_path / "semua.zip", kec="Contoh Sintetis", tahun="2025", tw="2")
    assert r.returncode == 0, r.stderr
    with zipfile.ZipFile(tmp_path / "semua.zip") as z:
        nama = z.namelist()
        isi = z.read("daftar_isi.csv").decode("utf-8-sig").splitlines()
    # one CSV per table that has rows, each listed in the table of contents
    berkas = [b.split(";")[0] for b in isi[1:] if b.split(";")[0]]
    assert sorted(berkas) == sorted(n for n in nama if n != "daftar_isi.csv")
    assert len(berkas) == len(set(berkas)) >= 15
    assert all(n.endswith(".csv") for n in nama)


@pytest.mark.parametrize("argumen,pesan", [
    (["--kecamatan", "Tidak Ada"], "tidak ada di basis data"),
    (["--tahun", "2019"], "belum punya data untuk tahun 2019"),
])
def test_export_ditolak_kode_1(demo_db, tmp_path, argumen, pesan):
    base = {"--kecamatan": "Bajuin", "--tahun": "2025", "--triwulan": "4"}
    base.update(dict(zip(argumen[::2], argumen[1::2])))
    r = cli("export", "xlsx", *[x for kv in base.items() for x in kv], "--out", str(tmp_path / "x.xlsx"), url=demo_db)
    assert r.returncode == 1
    assert pesan in r.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_export_folder_tujuan_tidak_ada(demo_db, tmp_path):
    r = _export(demo_db, "xlsx", tmp_path / "tidak" / "ada.xlsx")
    assert r.returncode == 1 and "tidak ada" in r.stderr


@pytest.mark.parametrize("argumen", [
    ["export", "pdf", "--kecamatan", "Bajuin", "--tahun", "2025", "--triwulan", "4", "--out", "x"],
    ["export", "xlsx", "--kecamatan", "Bajuin", "--tahun", "2025", "--triwulan", "4"],
    ["export", "xlsx", "--kecamatan", "Bajuin", "--tahun", "2025", "--triwulan", "5", "--out", "x"],
])
def test_export_salah_pakai_kode_2(demo_db, argumen):
    r = cli(*argumen, url=demo_db)
    assert r.returncode == 2
    assert "Penggunaan salah" in r.stderr


def test_export_xlsx_terbaca_dari_bytes(demo_db, tmp_path):
    out = tmp_path / "a.xlsx"
    assert _export(demo_db, "xlsx", out, kec="Pelaihari", tw="2").returncode == 0
    wb = load_workbook(io.BytesIO(out.read_bytes()))
    assert "belum ada data" in "\n".join(str(c.value) for row in wb["Anggaran"].iter_rows() for c in row if c.value)


def test_export_gagal_di_pembangun_tanpa_traceback(demo_db, tmp_path, monkeypatch, capsys):
    """A builder's bug (as the deck's NaN colour was) ends in an Indonesian message and exit 1, no file."""
    from dashboard import cli, ekspor

    def rusak(b):
        raise AttributeError("'float' object has no attribute 'lstrip'")

    monkeypatch.setitem(ekspor.FORMAT, "pptx", (rusak, ".pptx"))
    out = tmp_path / "keluar"
    out.mkdir()
    kode = cli.main(["export", "pptx", "--kecamatan", "Bajuin", "--tahun", "2025", "--triwulan", "4",
                     "--out", str(out)])
    err = capsys.readouterr().err
    assert kode == 1
    assert "Dek PowerPoint Kecamatan Bajuin TW IV 2025 tidak dapat dibuat karena kesalahan di aplikasi" in err
    assert "Traceback" not in err and not list(out.iterdir())
