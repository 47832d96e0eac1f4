"""Benchmark of the check of a finished report: a 60-page LKjIP in under 5 s.

The report is built from the three fixture reports (tests/files/laporan/*.docx: their tables, captions
and text, as the offices laid them out), their bodies appended one after the other until the document has
at least 60 pages; the page count is LibreOffice's (the PDF it prints), skipped with --tanpa-halaman.
Measured in one process, as the page and the command line run it: `periksa_laporan.periksa` on the bytes,
without the database and compared with the demo database's Bajuin 2025. Cold = the first check of the
process (python-docx and the header matcher not yet warmed up); then the median of `--ulang` runs.

    .venv/bin/python tests/benchmarks/bench_periksa.py
    .venv/bin/python tests/benchmarks/bench_periksa.py --ulang 5 --tanpa-tulis

Writes the table as Markdown to tests/benchmarks/hasil_periksa.md (unless --tanpa-tulis).
"""

from __future__ import annotations

import argparse
import copy
import io
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET = 5.0
HALAMAN = 60
HASIL = Path(__file__).resolve().parent / "hasil_periksa.md"
LAPORAN = ROOT / "tests" / "files" / "laporan"
SUMBER = ["bajuin_2025.docx", "batibati_2024.docx", "pelaihari_2025.docx"]


def laporan_besar(ulang: int) -> bytes:
    """The three fixture reports' bodies, appended `ulang` times into one document."""
    import docx

    dok = docx.Document(str(LAPORAN / SUMBER[0]))
    body = dok.element.body
    akhir = body[-1]  # the final sectPr stays last
    for putaran in range(ulang):
        for nama in SUMBER if putaran else SUMBER[1:]:
            lain = docx.Document(str(LAPORAN / nama)).element.body
            for el in list(lain):
                if el.tag.endswith("}sectPr"):
                    continue
                akhir.addprevious(copy.deepcopy(el))
    buf = io.BytesIO()
    dok.save(buf)
    return buf.getvalue()


def halaman(isi: bytes) -> int | None:
    """Pages as LibreOffice prints the document (None when LibreOffice is not installed)."""
    with tempfile.TemporaryDirectory() as d:
        docx_path = Path(d) / "laporan.docx"
        docx_path.write_bytes(isi)
        try:
            subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", d, str(docx_path)],
                           capture_output=True, timeout=300, check=True)
        except (FileNotFoundError, subprocess.SubprocessError):
            return None
        pdf = (Path(d) / "laporan.pdf").read_bytes()
        return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def _periode():
    from dashboard.basisdata import siapkan_basis_data
    from dashboard.data import muat_satu
    from dashboard.demo import muat_demo
    from models.db import get_engine, session_scope

    url = os.environ.get("BENCH_DEMO_URL", "sqlite:////tmp/bench_periksa_demo.db")
    if url.startswith("sqlite:////tmp/") and not Path(url.removeprefix("sqlite:///")).exists():
        siapkan_basis_data(url)
        muat_demo(url=url)
    with session_scope(get_engine(url)) as s:
        return muat_satu(s, "Bajuin", 2025)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ulang", type=int, default=5)
    ap.add_argument("--tanpa-halaman", action="store_true")
    ap.add_argument("--tanpa-tulis", action="store_true")
    args = ap.parse_args()

    mulai = time.perf_counter()
    from dashboard import periksa_laporan

    impor = time.perf_counter() - mulai
    putaran, isi, jumlah = 1, b"", None
    while True:
        isi = laporan_besar(putaran)
        jumlah = None if args.tanpa_halaman else halaman(isi)
        if jumlah is None or jumlah >= HALAMAN or putaran >= 6:
            break
        putaran += 1
    p = _periode()
    baris = []
    for nama, periode in (("tanpa basis data", None), ("dibandingkan dengan Bajuin 2025", p)):
        t0 = time.perf_counter()
        h = periksa_laporan.periksa(isi, "laporan_besar.docx", periode=periode)
        dingin = time.perf_counter() - t0
        kali = []
        for _ in range(args.ulang):
            t0 = time.perf_counter()
            periksa_laporan.periksa(isi, "laporan_besar.docx", periode=periode)
            kali.append(time.perf_counter() - t0)
        baris.append((nama, len(h.tabel), len(h.diperiksa), len(h.temuan), dingin, statistics.median(kali),
                      max(kali)))
        print(f"{nama}: {len(h.tabel)} tabel, {len(h.temuan)} temuan; dingin {dingin:.2f} s, "
              f"median {statistics.median(kali):.2f} s", flush=True)
    ok = all(b[4] <= TARGET for b in baris)
    teks = [
        "# Benchmark: pemeriksaan laporan kinerja yang sudah jadi",
        "",
        f"Diukur {datetime.now():%Y-%m-%d %H:%M} pada {platform.machine()}, {os.cpu_count()} inti, "
        f"Python {platform.python_version()}, dengan `tests/benchmarks/bench_periksa.py`. Mesin dipakai bersama "
        "sesi lain; angka ini bisa lebih lambat daripada mesin yang menganggur.",
        "",
        f"Dokumen: tabel dan teks ketiga laporan contoh (`tests/files/laporan/*.docx`) disambung {putaran} kali: "
        f"{len(isi) / 1024:.0f} KB, " + (f"{jumlah} halaman (PDF LibreOffice)." if jumlah else
                                        "jumlah halaman tidak diukur."),
        f"Impor modul `dashboard.periksa_laporan`: {impor:.2f} s (sekali per proses, tidak termasuk di bawah).",
        "Dibandingkan dengan Bajuin, tabel Bati-Bati dan Pelaihari di dokumen ini tentu berbeda dari data tersimpan: "
        "temuan sebanyak itu disengaja, untuk mengukur pembandingan pada setiap baris.",
        "",
        f"| pembanding | tabel | diperiksa | temuan | dingin (s) | median {args.ulang}× (s) | maks (s) |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *[f"| {n} | {t} | {d} | {tm} | {c:.2f} | {m:.2f} | {x:.2f} |" for n, t, d, tm, c, m, x in baris],
        "",
        f"Target: ≤ {TARGET:.0f} s untuk laporan {HALAMAN} halaman. " + ("Tercapai." if ok else "**Tidak tercapai.**"),
        "",
    ]
    if not args.tanpa_tulis:
        HASIL.write_text("\n".join(teks), encoding="utf-8")
    print("\n".join(teks))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
