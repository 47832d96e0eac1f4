"""The command line speaks Indonesian in its help too (every argument of every command), and `import --peta`
maps a file's header to a column without the web page (issue 8, C19)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.cli import buat_parser, main
from test_impor_bantu import bd, jumlah_log, templat_impor  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
INGGRIS = ("show this help", "usage:", "positional arguments", "options:", "optional arguments", "the following",
           "invalid choice", "expected one")


def _semua_parser(p: argparse.ArgumentParser, jalur: str = "python -m dashboard"):
    yield jalur, p
    for a in p._actions:
        if isinstance(a, argparse._SubParsersAction):
            for nama, anak in a.choices.items():
                yield from _semua_parser(anak, f"{jalur} {nama}")


def test_setiap_argumen_setiap_perintah_punya_bantuan_indonesia():
    dilihat = 0
    for jalur, p in _semua_parser(buat_parser()):
        for a in p._actions:
            if isinstance(a, argparse._SubParsersAction):
                pilihan = {c.dest: c.help for c in a._choices_actions}
                assert set(pilihan) == set(a.choices), jalur
                assert all(pilihan.values()), (jalur, pilihan)
            assert a.help and a.help is not argparse.SUPPRESS, (jalur, a.option_strings or a.dest)
            assert not any(en in a.help.lower() for en in INGGRIS), (jalur, a.help)
            dilihat += 1
        teks = p.format_help()
        assert teks.startswith("Penggunaan: ") and ("argumen:" in teks or "pilihan:" in teks), jalur
        assert not any(en in teks.lower() for en in INGGRIS), (jalur, teks)
    assert dilihat > 50


def test_salah_pakai_dalam_bahasa_indonesia(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["summary", "--kecamatan", "Bajuin", "--tahun", "abad"])
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert err.startswith("Penggunaan: python -m dashboard summary")
    assert "Penggunaan salah: argumen --tahun: 'abad' bukan tahun (1900–2100)" in err
    with pytest.raises(SystemExit):
        main(["import", "anggaran", "x.csv", "--peta", "pagu"])
    assert "argumen --peta: 'pagu' bukan pasangan KOLOM=NAMA" in capsys.readouterr().err


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=os.environ.copy(),
                          capture_output=True, text=True, timeout=120)


@pytest.mark.postgres
def test_peta_memetakan_judul_tanpa_halaman_web(bd, tmp_path):
    berkas = tmp_path / "pagu_kantor.csv"
    berkas.write_text("Nomor Akun,Rincian Belanja,Dana Tersedia,No Urut\r\n"
                      "5.1.02,Belanja Barang dan Jasa,\"1.500.000,00\",1\r\n", encoding="utf-8")
    r = _cli("import", "anggaran", str(berkas), "--kecamatan", "Bajuin", "--tahun", "2025")
    assert r.returncode == 1
    assert "Kolom wajib 'kode' tidak ada di berkas" in r.stderr
    assert ("Kolom diabaikan (4): 'Nomor Akun', 'Rincian Belanja', 'Dana Tersedia', 'No Urut'; petakan dengan --peta "
            "KOLOM=NAMA bila perlu diimpor.") in r.stderr
    r = _cli("import", "anggaran", str(berkas), "--kecamatan", "Bajuin", "--tahun", "2025",
             "--peta", "kode=Nomor Akun", "--peta", "uraian=Rincian Belanja", "--peta", "Dana Tersedia=pagu")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Impor #2 berhasil (anggaran, 'pagu_kantor.csv'): 1 baris dibaca — 1 baru")
    assert "Kolom diabaikan (1): 'No Urut'" in r.stderr
    from dashboard.impor import riwayat
    from test_impor_bantu import sesi

    with sesi() as s:
        log = riwayat(s)[0]
    assert log["opsi"]["pemetaan"] == {"Nomor Akun": "kode", "Rincian Belanja": "uraian", "Dana Tersedia": "pagu"}


@pytest.mark.postgres
def test_peta_kolom_tidak_dikenal_salah_pakai(bd, capsys):
    assert main(["import", "anggaran", "x.csv", "--kecamatan", "Bajuin", "--peta", "anggaran=Dana"]) == 2
    assert capsys.readouterr().err.startswith("--peta 'anggaran=Dana': 'anggaran' bukan kolom dataset anggaran "
                                              "(kolom yang ada: kode, uraian, tahun, pagu,")
    assert jumlah_log(bd) == 0
