"""LKjIP benchmark: the Word document of one kecamatan and year (`export docx`), target < 3 s.

Measured per period, in one process as the app and the command line make it: read the period
(`ekspor.kumpulkan`), lay the document out (`lkjip.rencana_lkjip`: every table from the pages' builders),
then draw it (`word.gambar_dokumen`: python-docx, and the charts built with Altair and rendered to PNG by
vl-convert, timed on their own). "Dokumen" = read + layout + drawing, the figure the target is about.
Cold = the first document of the process (imports and vl-convert's JavaScript engine not yet started);
then the median of `--ulang` runs. Periods: every demo kecamatan at TW II and TW IV, and one kecamatan of
the generated Kabupaten Uji (10 IKU, 300 budget lines, 600 SKM responses per TW, 15 desa).

    .venv/bin/python tests/benchmarks/bench_docx.py                 # builds the demo and Kabupaten Uji if missing
    .venv/bin/python tests/benchmarks/bench_docx.py --ulang 5 --tanpa-tulis

Writes the table as Markdown to tests/benchmarks/hasil_docx.md (unless --tanpa-tulis).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for p in (ROOT, Path(__file__).resolve().parent):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from bench_ekspor import DEMO, _angka, _beban, siapkan_demo, siapkan_uji  # noqa: E402

TARGET = 3.0
HASIL = Path(__file__).resolve().parent / "hasil_docx.md"


def satu_kali(url: str, nama: str, tahun: int, tw: int) -> dict[str, float]:
    from dashboard.ekspor import kumpulkan, word
    from dashboard.ekspor.lkjip import rencana_lkjip
    from models.db import get_engine, session_scope

    t: dict[str, float] = {}
    mulai, cpu = time.perf_counter(), time.process_time()
    with session_scope(get_engine(url)) as s:
        b = kumpulkan(s, nama, tahun, tw)
    t["baca"] = time.perf_counter() - mulai
    m = time.perf_counter()
    d = rencana_lkjip(b)
    t["rencana"] = time.perf_counter() - m
    asli = word._render_grafik

    def render(gambar):
        m = time.perf_counter()
        try:
            return asli(gambar)
        finally:
            t["grafik"] = time.perf_counter() - m

    word._render_grafik = render
    try:
        m = time.perf_counter()
        isi = word.gambar_dokumen(d)
        t["gambar"] = time.perf_counter() - m
    finally:
        word._render_grafik = asli
    t["dokumen"] = time.perf_counter() - mulai
    t["cpu"] = time.process_time() - cpu
    t["word"] = t["gambar"] - t["grafik"]
    t["ukuran"] = len(isi)
    t["tabel"], t["jumlah_grafik"] = len(d.tabel()), len(d.gambar())
    return t


def ukur(kasus: list[tuple[str, str, str, int, int]], ulang: int) -> list[dict]:
    hasil = []
    for i, (sumber, url, nama, tahun, tw) in enumerate(kasus):
        dingin = satu_kali(url, nama, tahun, tw) if i == 0 else None
        jalan = [satu_kali(url, nama, tahun, tw) for _ in range(ulang)]
        median = {k: statistics.median(j[k] for j in jalan) for k in jalan[0]}
        hasil.append({"sumber": sumber, "nama": nama, "tahun": tahun, "tw": tw, "median": median,
                      "maks": max(j["dokumen"] for j in jalan), "dingin": dingin})
        print(f"{nama} {tahun} TW {tw}: dokumen {median['dokumen']:.2f} s (baca {median['baca']:.2f}, rencana "
              f"{median['rencana']:.2f}, grafik {median['grafik']:.2f}, word {median['word']:.2f}; CPU "
              f"{median['cpu']:.2f})" + (f"; dingin {dingin['dokumen']:.2f} s" if dingin else ""), flush=True)
    return hasil


def markdown(hasil: list[dict], info: dict) -> str:
    from dashboard import format as fmt

    baris = [
        "# Hasil benchmark dokumen LKjIP (docx)",
        "",
        f"Dijalankan {info['waktu']} pada {info['mesin']}, dengan `tests/benchmarks/bench_docx.py`; "
        f"beban mesin (load average 1 menit) di awal {info['beban_awal']}, di akhir {info['beban_akhir']}.",
        f"Median dari {info['ulang']} kali per periode, dalam satu proses. *Baca* = `ekspor.kumpulkan`; "
        "*Rencana* = `lkjip.rencana_lkjip` (susunan bab dan semua tabel dari pembangun halaman); *Grafik* = "
        "grafik Altair halaman dibangun dan dirender ke PNG oleh vl-convert; *Word* = python-docx; *Dokumen* = "
        "semuanya, dari basis data sampai byte .docx. *Maks* = dokumen terlama dari kali-kali itu. *CPU* = waktu "
        "prosesor proses ini: bila mesin sedang dipakai proses lain (beban di bawah), waktu jam bisa jauh di "
        "atas waktu CPU.",
        "",
        f"Target: dokumen < {_angka(TARGET, 0)} s per kecamatan dan tahun.",
        "",
        "| Data | Periode | Baca (s) | Rencana (s) | Grafik (s) | Word (s) | Dokumen (s) | Maks (s) | CPU (s) | "
        "Tabel / grafik | Ukuran | Target |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    for h in hasil:
        m = h["median"]
        baris.append(f"| {h['sumber']} | {h['nama']} {h['tahun']} {fmt.triwulan(h['tw'])} | {_angka(m['baca'])} | "
                     f"{_angka(m['rencana'])} | {_angka(m['grafik'])} | {_angka(m['word'])} | "
                     f"**{_angka(m['dokumen'])}** | {_angka(h['maks'])} | {_angka(m['cpu'])} | "
                     f"{int(m['tabel'])} / {int(m['jumlah_grafik'])} | {fmt.angka(m['ukuran'] / 1024, 0)} KB | "
                     f"{'tercapai' if h['maks'] < TARGET else 'TIDAK tercapai'} |")
    dingin = next(h["dingin"] for h in hasil if h["dingin"])
    baris += ["", f"Dokumen dingin (pertama dalam proses, {hasil[0]['nama']}): {_angka(dingin['dokumen'])} s "
                  f"(baca {_angka(dingin['baca'])}, rencana {_angka(dingin['rencana'])}, grafik "
                  f"{_angka(dingin['grafik'])}, word {_angka(dingin['word'])}).", ""]
    if info.get("catatan"):
        baris += [info["catatan"], ""]
    return "\n".join(baris)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark dokumen LKjIP (docx) per kecamatan dan tahun.")
    ap.add_argument("--demo", default=str(Path(tempfile.gettempdir()) / "pantau_demo_bench.db"),
                    help="berkas SQLite data contoh (dibuat bila belum ada)")
    ap.add_argument("--uji", default="/tmp/kabupaten_uji.db",
                    help="berkas SQLite Kabupaten Uji (dibuat bila belum ada)")
    ap.add_argument("--kecamatan-uji", default="Air Tenang")
    ap.add_argument("--ulang", type=int, default=5)
    ap.add_argument("--catatan", help="teks yang ditambahkan di bawah tabel")
    ap.add_argument("--tanpa-tulis", action="store_true")
    args = ap.parse_args(argv)
    import logging

    logging.disable(logging.WARNING)
    demo = siapkan_demo(Path(args.demo).resolve())
    uji = siapkan_uji(Path(args.uji).resolve())
    kasus = [("data contoh", demo, nama, tahun, tw) for nama, tahun in DEMO for tw in (2, 4)]
    kasus.append(("Kabupaten Uji", uji, args.kecamatan_uji, 2025, 4))
    kasus.append(("Kabupaten Uji", uji, args.kecamatan_uji, 2025, 2))
    beban_awal = _beban()
    hasil = ukur(kasus, args.ulang)
    gagal = [h for h in hasil if h["maks"] >= TARGET]
    if not args.tanpa_tulis:
        info = {"waktu": datetime.now().strftime("%Y-%m-%d %H.%M"), "ulang": args.ulang, "catatan": args.catatan,
                "beban_awal": beban_awal, "beban_akhir": _beban(),
                "mesin": f"{platform.machine()}, {os.cpu_count()} inti, Python {platform.python_version()}"}
        HASIL.write_text(markdown(hasil, info), encoding="utf-8")
        print(f"Tertulis: {HASIL}")
    return 1 if gagal else 0


if __name__ == "__main__":
    raise SystemExit(main())
