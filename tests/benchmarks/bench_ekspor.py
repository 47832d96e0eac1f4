"""Export benchmark: the workbook and the deck of one kecamatan and TW, target ≤ 3 s for both.

Measured per period, in one process as the app and the command line make them: read the period
(`ekspor.kumpulkan`: the period, its summary with the checks, the import log, SKM per layanan, the
template), then `buku_kerja`, `dek` and `zip_csv`. "Kedua berkas" = read + workbook + deck, the figure
the target is about. Cold = the first export of the process (imports and the built-in deck design
not yet loaded); then the median of `--ulang` runs. Periods: every demo kecamatan at TW II and TW IV,
and one kecamatan of the generated Kabupaten Uji (10 IKU, 300 budget lines, 600 SKM responses per TW).

    .venv/bin/python tests/benchmarks/bench_ekspor.py                 # builds the demo and /tmp/kabupaten_uji.db if missing
    .venv/bin/python tests/benchmarks/bench_ekspor.py --ulang 5 --tanpa-tulis

Writes the table as Markdown to tests/benchmarks/hasil_ekspor.md (unless --tanpa-tulis).
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
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET = 3.0
HASIL = Path(__file__).resolve().parent / "hasil_ekspor.md"
DEMO = [("Bati-Bati", 2024), ("Bajuin", 2025), ("Pelaihari", 2025), ("Contoh Sintetis", 2025)]


def _angka(x: float, d: int = 2) -> str:
    from dashboard import format as fmt

    return fmt.angka(x, d)


def siapkan_demo(path: Path) -> str:
    from dashboard.basisdata import siapkan_basis_data
    from dashboard.demo import muat_demo

    url = f"sqlite:///{path}"
    if not path.exists():
        siapkan_basis_data(url)
        muat_demo(url=url)
    return url


def siapkan_uji(path: Path) -> str:
    if not path.exists():
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from kabupaten_besar import main as buat

        buat([str(path)])
    return f"sqlite:///{path}"


def satu_kali(url: str, nama: str, tahun: int, tw: int) -> dict[str, float]:
    from dashboard.ekspor import buku_kerja, dek, kumpulkan, zip_csv
    from models.db import get_engine, session_scope

    t = {}
    mulai, cpu = time.perf_counter(), time.process_time()
    with session_scope(get_engine(url)) as s:
        b = kumpulkan(s, nama, tahun, tw)
    t["baca"], t["cpu_baca"] = time.perf_counter() - mulai, time.process_time() - cpu
    for kunci, fungsi in (("xlsx", buku_kerja), ("pptx", dek), ("csv", zip_csv)):
        mulai, cpu = time.perf_counter(), time.process_time()
        isi = fungsi(b)
        t[kunci], t[f"cpu_{kunci}"] = time.perf_counter() - mulai, time.process_time() - cpu
        t[f"ukuran_{kunci}"] = len(isi)
    t["kedua"] = t["baca"] + t["xlsx"] + t["pptx"]
    t["cpu_kedua"] = t["cpu_baca"] + t["cpu_xlsx"] + t["cpu_pptx"]
    return t


def ukur(kasus: list[tuple[str, str, str, int, int]], ulang: int) -> list[dict]:
    hasil = []
    for i, (sumber, url, nama, tahun, tw) in enumerate(kasus):
        dingin = satu_kali(url, nama, tahun, tw) if i == 0 else None
        jalan = [satu_kali(url, nama, tahun, tw) for _ in range(ulang)]
        median = {k: statistics.median(j[k] for j in jalan) for k in jalan[0]}
        hasil.append({"sumber": sumber, "nama": nama, "tahun": tahun, "tw": tw, "median": median,
                      "maks": max(j["kedua"] for j in jalan), "dingin": dingin})
        print(f"{nama} {tahun} TW {tw}: kedua berkas {median['kedua']:.2f} s (baca {median['baca']:.2f}, "
              f"xlsx {median['xlsx']:.2f}, pptx {median['pptx']:.2f}; csv {median['csv']:.2f}; "
              f"CPU {median['cpu_kedua']:.2f})"
              + (f"; dingin {dingin['kedua']:.2f} s" if dingin else ""), flush=True)
    return hasil


def markdown(hasil: list[dict], info: dict) -> str:
    from dashboard import format as fmt

    baris = [
        "# Hasil benchmark ekspor",
        "",
        f"Dijalankan {info['waktu']} pada {info['mesin']}, dengan `tests/benchmarks/bench_ekspor.py`; "
        f"beban mesin (load average 1 menit) di awal {info['beban_awal']}, di akhir {info['beban_akhir']}.",
        f"Median dari {info['ulang']} kali ekspor per periode, dalam satu proses. *Baca* = `ekspor.kumpulkan` "
        "(periode, ringkasan dengan pemeriksaan data, riwayat impor, SKM per layanan, templat); *Kedua berkas* = "
        "baca + buku kerja + dek. *Maks* = ekspor terlama dari kali-kali itu. Baris pertama juga mencatat ekspor "
        "dingin (yang pertama dalam proses: impor modul dan desain dek bawaan belum dimuat). *CPU* = waktu "
        "prosesor proses ini untuk kedua berkas: bila mesin sedang dipakai proses lain (beban di bawah), waktu "
        "jam bisa jauh di atas waktu CPU.",
        "",
        f"Target: kedua berkas ≤ {_angka(TARGET, 0)} s per kecamatan dan triwulan.",
        "",
        "| Data | Periode | Baca (s) | xlsx (s) | pptx (s) | Kedua berkas (s) | Maks (s) | CPU (s) | CSV ZIP (s) | "
        "Ukuran xlsx / pptx | Target |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for h in hasil:
        m = h["median"]
        ukuran = f"{fmt.angka(m['ukuran_xlsx'] / 1024, 0)} KB / {fmt.angka(m['ukuran_pptx'] / 1024, 0)} KB"
        baris.append(f"| {h['sumber']} | {h['nama']} {h['tahun']} {fmt.triwulan(h['tw'])} | {_angka(m['baca'])} | "
                     f"{_angka(m['xlsx'])} | {_angka(m['pptx'])} | **{_angka(m['kedua'])}** | {_angka(h['maks'])} | "
                     f"{_angka(m['cpu_kedua'])} | {_angka(m['csv'])} | {ukuran} | {'tercapai' if h['maks'] <= TARGET else 'TIDAK tercapai'} |")
    dingin = next(h["dingin"] for h in hasil if h["dingin"])
    baris += ["", f"Ekspor dingin (pertama dalam proses, {hasil[0]['nama']}): kedua berkas "
                  f"{_angka(dingin['kedua'])} s (baca {_angka(dingin['baca'])}, xlsx {_angka(dingin['xlsx'])}, "
                  f"pptx {_angka(dingin['pptx'])}).", ""]
    if info.get("catatan"):
        baris += [info["catatan"], ""]
    return "\n".join(baris)


def _beban() -> str:
    try:
        return _angka(os.getloadavg()[0])
    except OSError:
        return "tidak diketahui"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark ekspor xlsx/pptx per kecamatan dan triwulan.")
    ap.add_argument("--demo", default=str(Path(tempfile.gettempdir()) / "pantau_demo_bench.db"),
                    help="berkas SQLite data contoh (dibuat bila belum ada)")
    ap.add_argument("--uji", default="/tmp/kabupaten_uji.db", help="berkas SQLite Kabupaten Uji (dibuat bila belum ada)")
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
    gagal = [h for h in hasil if h["maks"] > TARGET]
    if not args.tanpa_tulis:
        info = {"waktu": datetime.now().strftime("%Y-%m-%d %H.%M"), "ulang": args.ulang, "catatan": args.catatan,
                "beban_awal": beban_awal, "beban_akhir": _beban(),
                "mesin": f"{platform.machine()}, {os.cpu_count()} inti, Python {platform.python_version()}"}
        HASIL.write_text(markdown(hasil, info), encoding="utf-8")
        print(f"Tertulis: {HASIL}")
    return 1 if gagal else 0


if __name__ == "__main__":
    raise SystemExit(main())
