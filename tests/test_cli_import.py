"""`python -m dashboard import …` and `undo` as a user runs them: exit codes 0 / 1 / 2, errors on stderr one per
line naming row and column, `--dry-run` writing nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_impor_bantu import BAD, GOOD, bd, jumlah_log, potret, templat_impor  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=os.environ.copy(),
                          capture_output=True, text=True, timeout=120)


@pytest.mark.postgres
def test_impor_berhasil_lalu_dibatalkan(bd):
    r = cli("import", "skm-rekap", str(GOOD / "skm_rekap_koma.csv"), "--kecamatan", "Bajuin", "--tahun", "2025")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ("Impor #1 berhasil (rekap NRR SKM, 'skm_rekap_koma.csv'): 10 baris dibaca — 10 baru, "
                                "0 berubah, 0 tetap; 1 peringatan.")
    assert r.stderr.startswith("Peringatan: IKM TW IV yang tercetak berbeda lebih dari 0,50")
    from dashboard.impor import riwayat
    from test_impor_bantu import sesi

    with sesi() as s:
        # The command line is the local system administrator, named by the operating-system user.
        from dashboard.akun import nama_sistem

        assert riwayat(s)[0]["pengguna"] == nama_sistem() and nama_sistem().endswith("(baris perintah)")
    r = cli("undo", "1")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ("Impor #1 (rekap NRR SKM, 'skm_rekap_koma.csv') dibatalkan: 40 baris yang "
                                "ditambahkannya dihapus, 0 baris dikembalikan seperti semula.")
    r = cli("undo", "1")
    assert r.returncode == 1 and r.stderr.startswith("Impor #1 sudah dibatalkan pada ")


@pytest.mark.postgres
def test_impor_ditolak_galat_per_baris_di_stderr(bd):
    sebelum = potret(bd)
    isi = ("tahun,triwulan,u1,u2,u3,u4,u5,u6,u7,u8,u9\r\n2025,1,4,4,4,0,4,4,4,4,4\r\n"
           "2025,2,4,4,4,4,4,4,4,Lumayan,5\r\n")
    berkas = Path(bd.split("///", 1)[1]).parent / "skm.csv" if bd.startswith("sqlite") else None
    if berkas is None:
        import tempfile

        berkas = Path(tempfile.mkdtemp()) / "skm.csv"
    berkas.write_text(isi, encoding="utf-8")
    r = cli("import", "skm", str(berkas), "--kecamatan", "Bajuin")
    assert r.returncode == 1
    assert r.stdout == ""
    assert r.stderr.splitlines() == [
        "Baris 2, kolom u4: skor '0' di luar rentang 1–4",
        "Baris 3, kolom u8: jawaban 'Lumayan' tidak dikenal untuk U8 (Sarana dan Prasarana)",
        "Baris 3, kolom u9: skor '5' di luar rentang 1–4",
        "Impor ditolak: 3 galat; tidak ada data yang disimpan.",
    ]
    assert potret(bd) == sebelum and jumlah_log(bd) == 1
    r = cli("import", "anggaran", str(BAD / "biner.csv"), "--kecamatan", "Bajuin")
    assert r.returncode == 1
    assert r.stderr.strip() == "Berkas 'biner.csv' berisi data biner, bukan teks CSV. Unggah CSV (teks) atau XLSX."


@pytest.mark.postgres
def test_dry_run_tidak_menulis_apa_pun(bd):
    sebelum = potret(bd)
    r = cli("import", "anggaran", str(GOOD / "anggaran_sipd_tw2.xlsx"), "--kecamatan", "Bati-Bati", "--dry-run")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ("Uji impor (anggaran, 'anggaran_sipd_tw2.xlsx'): 44 baris terbaca — 44 baru, "
                                "0 berubah, 0 tetap. Tidak ada yang disimpan.")
    assert potret(bd) == sebelum and jumlah_log(bd) == 0


@pytest.mark.postgres
def test_salah_pakai_keluar_dengan_kode_2(bd, capsys):
    r = cli("import", "anggaran", str(GOOD / "anggaran_koma.csv"), "--tahun", "2025")
    assert r.returncode == 2
    assert r.stderr.strip() == "Pilih kecamatan (--kecamatan) atau sertakan kolom kecamatan di berkas."
    # The other wrong uses, in-process (the same main() that `python -m dashboard` runs).
    from dashboard.cli import main

    assert main(["import", "anggaran", str(GOOD / "tidak_ada.csv"), "--kecamatan", "Bajuin"]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err
    assert main(["import", "anggaran", str(GOOD / "anggaran_koma.csv"), "--kecamatan", "Takisung"]) == 2
    assert capsys.readouterr().err.strip() == ("Kecamatan 'Takisung' tidak ada di basis data; tambahkan dulu "
                                              "kecamatan itu.")
    for argv, pesan in ((["import", "anggaran", "x.csv", "--triwulan", "5"], "'5' bukan triwulan"),
                        (["import", "buku", "x.csv"], "pilihan tidak sah"),
                        (["import", "skm", "x.csv", "--mode", "timpa"], "pilihan tidak sah"),
                        (["undo", "satu"], "bukan bilangan bulat")):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2 and pesan in capsys.readouterr().err
    assert jumlah_log(bd) == 0
