"""Hostile uploads against the import engine, in a child process with hard limits (issue 8, B9 and B10).

The child process gets 1 GB of address space and 20 s of CPU (`resource.setrlimit`), then imports each
hostile file in turn and reports what happened, the CPU seconds it took and the threads left running. A
workbook bomb, a lying archive, rows far down the sheet, a 19 MB line or a check past its deadline must
each end in a clean, Indonesian refusal, quickly: a file that exhausted memory or CPU would kill the child
instead. The bombs are built here (a few MB each); the small files are in tests/files/bad.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_impor_bantu import BAD, MAKE, bd, templat_impor  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
AS_MAKS = 1024 * 1024 * 1024
CPU_MAKS = 20
# Files in tests/files/bad that import (hostile in shape, not in content); test_impor_rusak checks the others.
BERKAS_BERHASIL = ["xlsx_baris_1048576.xlsx"]

ANAK = r"""
import json, resource, sys, threading, time
resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]), int(sys.argv[1])))
resource.setrlimit(resource.RLIMIT_CPU, (int(sys.argv[2]), int(sys.argv[2])))
sys.path.insert(0, sys.argv[3])
from dashboard.impor import ImporError, baca, impor
for kasus in json.loads(sys.argv[4]):
    baca.WAKTU_MAKS = kasus.get("waktu", 120.0)
    with open(kasus["path"], "rb") as f:
        isi = f.read()
    mulai = time.process_time()
    try:
        h = impor(kasus["dataset"], isi, kasus["nama"], dry_run=True, **kasus["opsi"])
        hasil = {"status": h.status, "galat": [g.pesan for g in h.galat]}
    except ImporError as exc:
        hasil = {"status": "ImporError", "pesan": str(exc)}
    del isi
    hasil.update(nama=kasus["nama"], cpu=time.process_time() - mulai, utas=threading.active_count(),
                 rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(hasil), flush=True)
"""

MB = 1024 * 1024


def _bom_teks() -> bytes:
    """2 MB that inflate to 2 GB of shared strings."""
    si = b"<si><t>" + b"A" * 1000 + b"</t></si>"
    return MAKE.bom_xlsx(teks=[(si * (MB // len(si)), 2000)])


def _bom_lembar() -> bytes:
    """2 MB that inflate to 2 GB of sheet rows."""
    row = b'<row><c t="inlineStr"><is><t>' + b"B" * 200 + b"</t></is></c></row>"
    return MAKE.bom_xlsx(lembar=[(row * (MB // len(row)), 2000)])


def _bom_bohong() -> bytes:
    """A sheet of 2 GB whose archive says it is 900 KB (under every size and ratio limit)."""
    judul = MAKE.baris_xml(1, ["nama", "batas_bawah", "label"]).encode()
    row = (b'<row><c t="inlineStr"><is><t>Skala ' + b"C" * 100 + b'</t></is></c><c><v>1</v></c>'
           b'<c t="inlineStr"><is><t>Label</t></is></c></row>')
    return MAKE.bom_xlsx(lembar=[(judul, 1), (row * (MB // len(row)), 2000)],
                         dinyatakan={"xl/worksheets/sheet1.xml": 900 * 1024})


def _bom_rasio() -> bytes:
    """150 MB in total (under the 200 MB limit), but at a thousand to one."""
    row = b'<row><c t="inlineStr"><is><t>' + b"D" * 200 + b"</t></is></c></row>"
    return MAKE.bom_xlsx(lembar=[(row * (MB // len(row)), 150)])


def _baris_lebar() -> bytes:
    """One row of 16 385 cells: wider than Excel can be."""
    sel = "".join(f'<c r="{_ref(j)}1"><v>1</v></c>' for j in range(1, 16386))
    return MAKE.xlsx_mentah(f'<row r="1">{sel}</row>')


def _banyak_baris_kosong() -> bytes:
    """Seven hundred thousand empty, formatted rows under a real table."""
    kepala = MAKE.baris_xml(1, ["nama", "batas_bawah", "label"]) + MAKE.baris_xml(2, ["Skala", 0, "Semua"])
    return MAKE.xlsx_mentah(kepala + "".join(f'<row r="{n}" s="1"/>' for n in range(3, 700_003)))


def _ref(j: int) -> str:
    huruf = ""
    while j:
        j, sisa = divmod(j - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


def _satu_baris_19mb() -> bytes:
    return b"kode,uraian,tahun,pagu\r\n" + b"7.01,A,2025," + b"9" * (19 * MB) + b"\r\n"


def _skm_besar() -> bytes:
    baris = ["tahun,triwulan,u1,u2,u3,u4,u5,u6,u7,u8,u9"] + ["2025,1,4,3,4,4,3,4,4,3,4"] * 150_000
    return ("\r\n".join(baris) + "\r\n").encode()


BAJUIN = {"kecamatan": "Bajuin"}
# name, dataset, options, how the file is made (None: committed in tests/files/bad), expectation, extra
KASUS = [
    ("bom_teks_bersama.xlsx", "anggaran", BAJUIN, _bom_teks,
     "ImporError: Berkas 'bom_teks_bersama.xlsx' ditolak: bagian 'xl/sharedStrings.xml' mengembang", {}),
    ("bom_lembar.xlsx", "anggaran", BAJUIN, _bom_lembar,
     "ImporError: Berkas 'bom_lembar.xlsx' ditolak: bagian 'xl/worksheets/sheet1.xml' mengembang", {}),
    ("bom_bohong.xlsx", "skala", {}, _bom_bohong,
     "ImporError: Lembar 'Data' di 'bom_bohong.xlsx' rusak dan tidak dapat dibaca", {}),
    ("bom_rasio.xlsx", "skala", {}, _bom_rasio,
     "ImporError: Berkas 'bom_rasio.xlsx' ditolak: bagian 'xl/worksheets/sheet1.xml' mengembang 253 kali lipat saat "
     "dibuka (paling banyak 100 kali). Berkas ini tampak seperti bom arsip; simpan ulang dari Excel atau sebagai CSV.",
     {}),
    ("baris_lebar.xlsx", "skala", {}, _baris_lebar,
     "ImporError: Lembar 'Data' di 'baris_lebar.xlsx' rusak: satu baris berisi lebih dari 16.384 sel.", {}),
    ("baris_kosong.xlsx", "skala", {}, _banyak_baris_kosong,
     "ImporError: Berkas 'baris_kosong.xlsx' berisi lebih dari 600.000 baris; bagi menjadi beberapa berkas.", {}),
    ("xlsx_baris_2milyar.xlsx", "skala", {}, None,
     "ImporError: Lembar 'Data' di 'xlsx_baris_2milyar.xlsx' rusak: nomor baris 2.000.000.000 di luar batas", {}),
    ("xlsx_baris_1048576.xlsx", "skala", {}, None, "uji", {}),
    ("satu_baris_19mb.csv", "anggaran", BAJUIN, _satu_baris_19mb,
     "ImporError: Berkas 'satu_baris_19mb.csv' baris 2 terlalu panjang (19.922.956 karakter; paling panjang "
     "2.097.152).", {}),
    ("skm_tenggat.csv", "skm", BAJUIN, _skm_besar,
     "ImporError: Pemeriksaan berkas 'skm_tenggat.csv' dihentikan: melebihi batas waktu 0,2 detik.", {"waktu": 0.2}),
]


def _jalankan(kasus: list[dict]) -> tuple[subprocess.CompletedProcess, dict[str, dict]]:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    r = subprocess.run([sys.executable, "-c", ANAK, str(AS_MAKS), str(CPU_MAKS), str(ROOT), json.dumps(kasus)],
                       env=env, capture_output=True, text=True, timeout=300)
    hasil = {}
    for baris in r.stdout.splitlines():
        d = json.loads(baris)
        hasil[d["nama"]] = d
    return r, hasil


def test_berkas_jahat_ditolak_dalam_batas_memori_dan_waktu(bd, tmp_path):
    kasus = []
    for nama, dataset, opsi, buat, _, lain in KASUS:
        path = BAD / nama if buat is None else tmp_path / nama
        if buat is not None:
            path.write_bytes(buat())
            assert path.stat().st_size < 20 * MB  # within the upload limit: only the engine's checks stop it
        kasus.append({"nama": nama, "path": str(path), "dataset": dataset, "opsi": opsi, **lain})
    r, hasil = _jalankan(kasus)
    assert r.returncode == 0, (r.returncode, r.stderr[-3000:])
    for nama, _, _, _, harapan, _ in KASUS:
        h = hasil[nama]
        teks = f"ImporError: {h['pesan']}" if h["status"] == "ImporError" else h["status"]
        assert teks.startswith(harapan), (nama, teks)
        assert h["cpu"] < 5, (nama, h["cpu"])  # each refused in seconds, never by the CPU limit
        assert h["utas"] == 1, nama  # nothing left running behind a refusal
    # The child's address space is capped at AS_MAKS (1 GB): that is the bound; its peak resident memory,
    # cumulative over the cases, stays well under it (about 360 MB on a quiet machine).
    assert max(h["rss_mb"] for h in hasil.values()) < 900, {k: round(h["rss_mb"]) for k, h in hasil.items()}


def test_batas_arsip_di_bawah_batas_pengujian():
    """The limits the child process is held to leave room for a legitimate 200 MB workbook check."""
    from dashboard.impor import xlsx

    assert xlsx.ZIP_TOTAL_MAKS == 200 * MB and xlsx.RASIO_MAKS == 100


@pytest.mark.parametrize("nama", BERKAS_BERHASIL)
def test_baris_terakhir_excel_diimpor_seketika(bd, nama):
    from dashboard.impor import impor

    h = impor("skala", (BAD / nama).read_bytes(), nama, pengguna="uji")
    assert h.status == "berhasil" and h.baris_dibaca == 1
