"""Page benchmark: each page's AppTest run on the generated Kabupaten Uji, cold and warm, with its SQL count.

For every page of `streamlit_app.HALAMAN` whose file exists: cold = `st.cache_data` cleared before the
run; warm = the same page run again. Median of a few runs each. The SQL statements of each run are
counted with a `before_cursor_execute` listener on the app's engine, to show that no page issues a
query per row. Targets (2-core machine): warm ≤ 0,5 s, cold ≤ 3 s.

    .venv/bin/python tests/benchmarks/bench_halaman.py                  # builds /tmp/kabupaten_uji.db if missing
    .venv/bin/python tests/benchmarks/bench_halaman.py --db /tmp/uji.db --ulang 5
    .venv/bin/python tests/benchmarks/bench_halaman.py --profil kabupaten  # cProfile of one cold run
    .venv/bin/python tests/benchmarks/bench_halaman.py --profil ringkasan --hangat --halaman ringkasan

Writes the table as Markdown to tests/benchmarks/hasil_halaman.md (unless --tanpa-tulis), keeping the
hand-written `## Catatan` section below it.
"""

from __future__ import annotations

import argparse
import ast
import cProfile
import io
import os
import platform
import pstats
import statistics
import sys
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_HANGAT, TARGET_DINGIN = 0.5, 3.0
HASIL = Path(__file__).resolve().parent / "hasil_halaman.md"


def halaman_app() -> list[tuple[str, str]]:
    """(title, path) of every page in streamlit_app.HALAMAN whose file exists (read without running the app)."""
    tree = ast.parse((ROOT / "streamlit_app.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "HALAMAN" for t in node.targets):
            halaman = ast.literal_eval(node.value)
            return [(judul, path) for daftar in halaman.values() for path, judul, _ in daftar
                    if (ROOT / path).exists()]
    raise SystemExit("HALAMAN tidak ditemukan di streamlit_app.py")


class Penghitung:
    """Counts the SQL statements sent through an engine."""

    def __init__(self, engine):
        from sqlalchemy import event

        self.n = 0
        event.listen(engine, "before_cursor_execute", self._hitung)

    def _hitung(self, *_args):
        self.n += 1


def _angka(x: float, digits: int = 2) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


@contextmanager
def _profil(aktif: bool):
    """cProfile of the enclosed run, printed by cumulative time (when `aktif`).

    AppTest runs the script in a thread of its own, so the profiler wraps the script runner there.
    """
    if not aktif:
        yield
        return
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    prof = cProfile.Profile()
    asli = ScriptRunner._run_script

    def dengan_profil(self, rerun_data):
        prof.enable()
        try:
            return asli(self, rerun_data)
        finally:
            prof.disable()

    ScriptRunner._run_script = dengan_profil
    try:
        yield
    finally:
        ScriptRunner._run_script = asli
        teks = io.StringIO()
        pstats.Stats(prof, stream=teks).sort_stats("cumulative").print_stats(45)
        print(teks.getvalue())


class WaktuCpu:
    """CPU time of each script run, taken in AppTest's script thread: what a page costs by itself,
    whatever else the (shared) machine is doing at the time."""

    def __init__(self):
        from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

        self.terakhir = 0.0
        asli = ScriptRunner._run_script

        def terukur(runner, rerun_data):
            mulai = time.thread_time()
            try:
                return asli(runner, rerun_data)
            finally:
                self.terakhir = time.thread_time() - mulai

        ScriptRunner._run_script = terukur


def ukur(url: str, kecamatan: str, tahun: int, triwulan: int, ulang: int, hanya: list[str] | None,
         profil: str | None, profil_hangat: bool = False) -> list[dict]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from models.db import get_engine, normal_url

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from apputil import akun_uji

    os.environ["DATABASE_URL"] = url
    hitung = Penghitung(get_engine(normal_url(url)))
    cpu = WaktuCpu()
    app = str(ROOT / "streamlit_app.py")
    hasil = []
    for judul, path in halaman_app():
        stem = Path(path).stem
        if hanya and stem not in hanya:
            continue
        dingin, hangat, sql_dingin, sql_hangat, cpu_dingin, cpu_hangat, galat = [], [], [], [], [], [], []
        for _ in range(ulang):
            at = AppTest.from_file(app, default_timeout=180)
            at.session_state["_token_sesi"] = akun_uji(url=normal_url(url))  # logged in as an admin
            at.session_state["kecamatan"] = kecamatan
            at.session_state["tahun"] = tahun
            at.session_state["triwulan"] = triwulan
            at.run()  # the entry point runs the default page first; then the page under test
            at.switch_page(path)
            st.cache_data.clear()
            n0, t0 = hitung.n, time.perf_counter()
            with _profil(profil == stem and not profil_hangat):
                at.run()
            dingin.append(time.perf_counter() - t0)
            sql_dingin.append(hitung.n - n0)
            cpu_dingin.append(cpu.terakhir)
            n0, t0 = hitung.n, time.perf_counter()
            with _profil(profil == stem and profil_hangat):
                at.run()
            hangat.append(time.perf_counter() - t0)
            sql_hangat.append(hitung.n - n0)
            cpu_hangat.append(cpu.terakhir)
            if profil == stem:
                profil = None  # one profile is enough
            galat += [str(e.value)[:200] for e in at.exception]
            galat += [str(e.value)[:200] for e in at.error if "gagal ditampilkan" in str(e.value)]
        baris = {"halaman": judul, "berkas": path, "dingin": statistics.median(dingin),
                 "hangat": statistics.median(hangat), "sql_dingin": int(statistics.median(sql_dingin)),
                 "sql_hangat": int(statistics.median(sql_hangat)), "cpu_dingin": statistics.median(cpu_dingin),
                 "cpu_hangat": statistics.median(cpu_hangat), "galat": sorted(set(galat))}
        baris["lulus"] = baris["dingin"] <= TARGET_DINGIN and baris["hangat"] <= TARGET_HANGAT and not galat
        hasil.append(baris)
        print(f"{judul:<12} dingin {_angka(baris['dingin'])} s (CPU {_angka(baris['cpu_dingin'])} s, "
              f"{baris['sql_dingin']} SQL)  hangat {_angka(baris['hangat'])} s (CPU {_angka(baris['cpu_hangat'])} s, "
              f"{baris['sql_hangat']} SQL)  "
              f"{'OK' if baris['lulus'] else 'MELEWATI TARGET' if not galat else 'GALAT'}", flush=True)
    return hasil


def fmt_triwulan(tw: int) -> str:
    from dashboard.format import triwulan

    return triwulan(tw)


def markdown(hasil: list[dict], info: dict) -> str:
    baris = [
        "# Benchmark halaman (AppTest)",
        "",
        f"Dibuat {info['waktu']} oleh `tests/benchmarks/bench_halaman.py` pada {info['mesin']}.",
        "",
        f"Basis data: Kabupaten Uji dari `tests/benchmarks/kabupaten_besar.py` ({info['data']}). "
        f"Periode: Kecamatan {info['kecamatan']}, {fmt_triwulan(info['triwulan'])} {info['tahun']}. "
        f"Median dari {info['ulang']} kali jalan. Dingin = `st.cache_data` dikosongkan sebelum jalan; "
        f"hangat = halaman yang sama dijalankan lagi. Waktu = jam dinding satu `AppTest.run()`; CPU = waktu CPU "
        f"utas skrip saja (tidak terpengaruh beban lain di mesin). SQL = jumlah pernyataan SQL yang dikirim selama "
        f"satu jalan halaman (`before_cursor_execute`).",
        "",
        f"Target: hangat ≤ {_angka(TARGET_HANGAT, 1)} s, dingin ≤ {_angka(TARGET_DINGIN, 0)} s per halaman.",
        "",
        "| Halaman | Dingin (s) | CPU dingin (s) | SQL dingin | Hangat (s) | CPU hangat (s) | SQL hangat | Target |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for b in hasil:
        status = "tercapai" if b["lulus"] else ("galat: " + "; ".join(b["galat"]) if b["galat"] else "terlewati")
        baris.append(f"| {b['halaman']} | {_angka(b['dingin'])} | {_angka(b['cpu_dingin'])} | {b['sql_dingin']} | "
                     f"{_angka(b['hangat'])} | {_angka(b['cpu_hangat'])} | {b['sql_hangat']} | {status} |")
    if info.get("catatan"):
        baris += ["", info["catatan"].strip()]
    return "\n".join(baris) + "\n"


CATATAN = "\n## Catatan"


def catatan_lama() -> str:
    """The hand-written analysis below the table (from `## Catatan` on), kept when the table is rewritten."""
    if not HASIL.exists():
        return ""
    teks = HASIL.read_text(encoding="utf-8")
    return teks[teks.index(CATATAN):].strip() if CATATAN in teks else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Ukur waktu dan jumlah SQL setiap halaman pada Kabupaten Uji.")
    ap.add_argument("--db", default="/tmp/kabupaten_uji.db", help="berkas SQLite (dibuat bila belum ada)")
    ap.add_argument("--url", help="URL basis data yang sudah berisi Kabupaten Uji (mis. PostgreSQL)")
    ap.add_argument("--kecamatan", default="Air Tenang")
    ap.add_argument("--tahun", type=int, default=2025)
    ap.add_argument("--triwulan", type=int, default=4)
    ap.add_argument("--ulang", type=int, default=3, help="jumlah jalan per halaman (median)")
    ap.add_argument("--halaman", nargs="*", help="hanya halaman ini (nama berkas tanpa .py)")
    ap.add_argument("--profil", help="cProfile satu jalan dingin halaman ini (nama berkas tanpa .py)")
    ap.add_argument("--hangat", action="store_true", help="dengan --profil: profil jalan hangat, bukan dingin")
    ap.add_argument("--catatan", help="berkas teks untuk di bawah tabel (tanpa ini: bagian '## Catatan' yang "
                                      "sudah ada di hasil_halaman.md dipertahankan)")
    ap.add_argument("--tanpa-tulis", action="store_true", help="jangan tulis hasil_halaman.md")
    args = ap.parse_args(argv)

    if args.url:
        url = args.url
    else:
        path = Path(args.db).resolve()
        if not path.exists():
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from kabupaten_besar import main as buat

            buat([str(path)])
        url = f"sqlite:///{path}"
    import logging

    logging.disable(logging.WARNING)  # AppTest outside a server: the bare-mode warnings are expected noise
    hasil = ukur(url, args.kecamatan, args.tahun, args.triwulan, args.ulang, args.halaman, args.profil, args.hangat)
    if not args.tanpa_tulis and not args.halaman:
        info = {"waktu": datetime.now().strftime("%Y-%m-%d %H.%M"),
                "mesin": f"{platform.machine()}, {os.cpu_count()} inti, Python {platform.python_version()}",
                "data": "20 kecamatan × 5 tahun, 10 IKU, 300 baris anggaran per tahun, 600 responden SKM per TW, "
                        "15 desa",
                "kecamatan": args.kecamatan, "tahun": args.tahun, "triwulan": args.triwulan, "ulang": args.ulang,
                "catatan": Path(args.catatan).read_text(encoding="utf-8") if args.catatan else catatan_lama()}
        HASIL.write_text(markdown(hasil, info), encoding="utf-8")
        print(f"Tersimpan: {HASIL}")
    return 0 if all(b["lulus"] for b in hasil) else 1


if __name__ == "__main__":
    raise SystemExit(main())
