"""What the login adds to every page run (issue 9): the gate `ui.gerbang` asks whether accounts exist, whether
reading needs a login, and which user the session token belongs to, before the page runs.

Measures those reads (`akun.ada_pengguna`, `akun.baca_tanpa_login`, `akun.pelaku_sesi`) as one page run does
them, on SQLite and (with --url) PostgreSQL: median wall time and SQL statements per run, and the same with the
session's last-seen time written (once per 30 s of use). Writes hasil_gerbang.md unless --tanpa-tulis.

    .venv/bin/python tests/benchmarks/bench_gerbang.py [--url postgresql://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def ukur(url: str, ulang: int) -> dict:
    from sqlalchemy import event

    from apputil import akun_uji
    from dashboard import akun
    from dashboard.basisdata import siapkan_basis_data
    from models.db import get_engine, normal_url, session_scope

    siapkan_basis_data(url)
    engine = get_engine(normal_url(url))
    with session_scope(engine) as s:
        from models.tables import Kecamatan

        s.add(Kecamatan(nama="Bajuin", kabupaten="Tanah Laut"))
    token = akun_uji("op.bajuin", "operator", ["Bajuin"], url=normal_url(url))
    hitung = [0]
    event.listen(engine, "before_cursor_execute", lambda *a: hitung.__setitem__(0, hitung[0] + 1))

    def satu(sekarang):
        with session_scope(engine) as s:
            akun.ada_pengguna(s)
            akun.baca_tanpa_login(s)
        return akun.pelaku_sesi(engine, token, sekarang=sekarang)

    hasil = {}
    for nama, langkah in (("tanpa_tulis", timedelta(0)), ("dengan_tulis", timedelta(seconds=31))):
        waktu, sql = [], []
        sekarang = akun.utcnow()
        satu(sekarang)  # connections warm
        for _ in range(ulang):
            sekarang += langkah
            hitung[0] = 0
            t = time.perf_counter()
            assert satu(sekarang) is not None
            waktu.append(time.perf_counter() - t)
            sql.append(hitung[0])
        hasil[nama] = (statistics.median(waktu) * 1000, statistics.median(sql))
    engine.dispose()
    return hasil


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--url", help="PostgreSQL server URL (a fresh database is made and dropped)")
    ap.add_argument("--ulang", type=int, default=200)
    ap.add_argument("--tanpa-tulis", action="store_true")
    args = ap.parse_args()
    baris = []
    with tempfile.TemporaryDirectory() as d:
        baris.append(("SQLite", ukur(f"sqlite:///{d}/gerbang.db", args.ulang)))
    if args.url:
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        nama = f"bench_gerbang_{uuid.uuid4().hex[:8]}"
        admin = create_engine(args.url, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{nama}"'))
        try:
            baris.append(("PostgreSQL", ukur(make_url(args.url).set(database=nama).render_as_string(False),
                                             args.ulang)))
        finally:
            from models.db import get_engine

            get_engine.cache_clear()
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)'))
    teks = ["# Benchmark gerbang masuk (setiap jalan halaman)", "",
            f"Median dari {args.ulang} jalan. Yang diukur: pemeriksaan yang dilakukan `ui.gerbang` sebelum setiap "
            "halaman (ada akun?, boleh membaca tanpa masuk?, pemilik token sesi). 'Dengan tulis' = jalan yang juga "
            "mencatat waktu terakhir sesi (paling sering sekali per 30 detik pemakaian).", "",
            "| Basis data | tanpa tulis (ms) | SQL | dengan tulis (ms) | SQL |", "|---|---:|---:|---:|---:|"]
    for nama, h in baris:
        (a, sa), (b, sb) = h["tanpa_tulis"], h["dengan_tulis"]
        teks.append(f"| {nama} | {a:.2f} | {sa:.0f} | {b:.2f} | {sb:.0f} |".replace(".", ","))
    print("\n".join(teks))
    if not args.tanpa_tulis:
        (Path(__file__).parent / "hasil_gerbang.md").write_text("\n".join(teks) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
