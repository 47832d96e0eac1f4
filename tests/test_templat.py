"""The import templates stored under data/templates/: what the engine makes now, and importable as they are."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dashboard.impor import DATASET, KOLOM, impor, templat
from dashboard.unggah import DATASET_URUT, nama_templat

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "data" / "templates"


def _skrip():
    spec = importlib.util.spec_from_file_location("buat_templat", ROOT / "scripts" / "buat_templat.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SKRIP = _skrip()


@pytest.mark.parametrize("jenis", ["csv", "xlsx"])
@pytest.mark.parametrize("dataset", DATASET)
def test_templat_tersimpan_sama_dengan_mesin(dataset, jenis):
    path = FOLDER / nama_templat(dataset, jenis)
    assert path.exists(), f"{path.name} is missing: run scripts/buat_templat.py"
    assert SKRIP.sama(jenis, path.read_bytes(), templat(dataset, jenis)), \
        f"{path.name} differs from the engine's template: run scripts/buat_templat.py and commit"


def test_tidak_ada_templat_lain():
    assert sorted(p.name for p in FOLDER.iterdir()) == sorted(nama_templat(d, j) for d in DATASET
                                                              for j in ("csv", "xlsx"))
    assert set(DATASET_URUT) == set(DATASET)


def test_skrip_cek_lulus(capsys):
    assert SKRIP.main(["--cek"]) == 0
    assert "Semua templat sudah sesuai." in capsys.readouterr().out


@pytest.mark.parametrize("dataset", DATASET)
def test_xlsx_menjelaskan_setiap_kolom(dataset):
    wb = load_workbook(io.BytesIO((FOLDER / nama_templat(dataset, "xlsx")).read_bytes()), read_only=True)
    assert wb.sheetnames == ["Data", "Penjelasan"]
    kolom = [r[0] for r in wb["Penjelasan"].iter_rows(min_row=4, values_only=True)]
    assert kolom == list(KOLOM[dataset])
    header = next(wb["Data"].iter_rows(max_row=1, values_only=True))
    assert all(h in KOLOM[dataset] for h in header)
    assert {k.nama for k in KOLOM[dataset].values() if k.wajib} <= set(header)


def test_setiap_templat_diterima_basis_data_baru(db_url):
    """Imported as they are, in the documented order (indicators before their realisasi, which name them),
    into a database with one kecamatan and no demo data. The XLSX of a dataset holds the same rows as its CSV,
    so importing it after the CSV changes nothing."""
    from dashboard.data import muat_satu
    from dashboard.ringkasan import ringkasan
    from models.db import session_scope
    from models.tables import Kecamatan

    with session_scope() as s:
        s.add(Kecamatan(nama="Uji Templat", kabupaten="Tanah Laut"))
    for dataset in ("skala", *[d for d in DATASET_URUT if d != "skala"]):
        for jenis in ("csv", "xlsx"):
            nama = nama_templat(dataset, jenis)
            h = impor(dataset, (FOLDER / nama).read_bytes(), nama, kecamatan="Uji Templat", pengguna="uji")
            assert h.status == "berhasil", (nama, [g.pesan for g in h.galat])
            assert h.baris_dibaca >= 2
            if jenis == "xlsx":
                assert (h.baris_baru, h.baris_berubah) == (0, 0), nama
    with session_scope() as s:
        d = ringkasan(muat_satu(s, "Uji Templat", 2025), 4)
    assert [i["kode"] for i in d["iku"]["indikator"]] == ["IKU-1", "IKU-2"]
    assert d["iku"]["indikator"][0]["realisasi"] == pytest.approx(77.77)
    assert d["desa"]["jumlah"] == 2
    assert d["anggaran"]["pagu"] == pytest.approx(5_405_994 + 6_105_247)
