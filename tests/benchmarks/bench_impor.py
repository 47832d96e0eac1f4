"""Import benchmark (issue: import): a kabupaten-sized input against a raw baseline, in one run.

Inputs, generated with a fixed seed:
- `skm`: 100 000 raw SKM responses (25 000 per TW) of one kecamatan and year, CSV;
- `anggaran`: 20 000 budget lines × 4 TW (wide form, per-quarter realisasi, program tree codes), CSV.

For each input, in its own fresh database and its own process (so that peak memory is the import's own):
- *impor*: `dashboard.impor.impor(...)` — read, map, validate, write in one transaction, checks, log;
- *baseline*: pandas `read_csv` of the same file plus a bulk insert of the same rows with SQLAlchemy Core
  (`skm_responden`; `anggaran` + `anggaran_realisasi`), nothing else.

Targets on the 2-core machine: each import ≤ 3 × its baseline and ≤ 15 s; peak memory of the process ≤ 600 MB.

    .venv/bin/python tests/benchmarks/bench_impor.py                      # SQLite
    .venv/bin/python tests/benchmarks/bench_impor.py --url postgresql://postgres@127.0.0.1:5432/postgres

Writes the table as Markdown to tests/benchmarks/hasil_impor.md (unless --tanpa-tulis).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

HASIL = Path(__file__).resolve().parent / "hasil_impor.md"
KECAMATAN, KABUPATEN, TAHUN = "Bench", "Kabupaten Uji", 2025
N_SKM, N_ANGGARAN = 100_000, 20_000
LAYANAN = ["KTP-el", "KK", "KIA", "Akta Kelahiran", "SKTM", "Surat Pindah", "Rekomendasi", "SKCK"]


def berkas_skm(path: Path) -> None:
    rng = random.Random(20251)
    baris = ["id_responden,tahun,triwulan,tanggal,layanan,jenis_kelamin,umur,u1,u2,u3,u4,u5,u6,u7,u8,u9"]
    for i in range(N_SKM):
        tw = i * 4 // N_SKM + 1
        skor = ",".join(str(min(4, max(1, round(rng.gauss(3.4, 0.6))))) for _ in range(9))
        baris.append(f"R{i:06d},{TAHUN},{tw},{TAHUN}-{3 * tw - 1:02d}-15,{rng.choice(LAYANAN)},"
                     f"{rng.choice('LP')},{rng.randint(18, 75)},{skor}")
    path.write_text("\n".join(baris) + "\n", encoding="utf-8")


def berkas_anggaran(path: Path) -> None:
    rng = random.Random(20252)
    baris = ["kode,uraian,tahun,pagu,realisasi_tw1,realisasi_tw2,realisasi_tw3,realisasi_tw4,jenis_belanja"]
    for i in range(N_ANGGARAN):
        prog, keg, sub = i // 4000 + 1, (i // 100) % 40 + 1, i % 100 + 1
        kode = f"7.01.{prog:02d}.2.{keg:02d}.{sub:04d}"
        pagu = rng.randint(5_000, 500_000) * 1000
        tw = [round(pagu * rng.uniform(0.1, 0.24), 2) for _ in range(4)]
        baris.append(f"{kode},Sub kegiatan uji {i + 1},{TAHUN},{pagu},{tw[0]},{tw[1]},{tw[2]},{tw[3]},"
                     f"Belanja Barang dan Jasa")
    path.write_text("\n".join(baris) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- database per measurement

def db_baru(basis: str | None, tmp: Path) -> tuple[str, callable]:
    """A fresh upgraded database with the kecamatan; returns (url, drop)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from dashboard.basisdata import siapkan_basis_data
    from models.db import normal_url, session_scope, get_engine
    from models.tables import Kecamatan

    if basis is None:
        path = tmp / f"b_{uuid.uuid4().hex[:8]}.db"
        url = f"sqlite:///{path}"

        def drop():
            for p in tmp.glob(path.name + "*"):
                p.unlink()
    else:
        nama = f"bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(normal_url(basis), isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{nama}"'))
        url = make_url(normal_url(basis)).set(database=nama).render_as_string(hide_password=False)

        def drop():
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)'))
    siapkan_basis_data(url)
    with session_scope(get_engine(url)) as s:
        s.add(Kecamatan(nama=KECAMATAN, kabupaten=KABUPATEN, sintetis=True))
    get_engine(url).dispose()
    return url, drop


# ---------------------------------------------------------------- the two measured operations (child process)

def ukur_impor(url: str, dataset: str, path: str) -> dict:
    from dashboard.impor import impor
    from models.db import get_engine

    isi = Path(path).read_bytes()
    t = time.perf_counter()
    hasil = impor(dataset, isi, Path(path).name, engine=get_engine(url), kecamatan=KECAMATAN, tahun=TAHUN,
                  per_triwulan=True, gaya_angka="en", pengguna="bench")
    detik = time.perf_counter() - t
    assert hasil.status == "berhasil", [g.pesan for g in hasil.galat[:5]]
    return {"detik": detik, "baris": hasil.baris_dibaca, "baru": hasil.baris_baru}


def ukur_baseline(url: str, dataset: str, path: str) -> dict:
    import pandas as pd
    from sqlalchemy import insert, select

    from models.db import get_engine
    from models.tables import Anggaran, AnggaranRealisasi, Kecamatan, SkmResponden

    engine = get_engine(url)
    t = time.perf_counter()
    df = pd.read_csv(path)
    with engine.begin() as c:
        kid = c.execute(select(Kecamatan.id).where(Kecamatan.nama == KECAMATAN)).scalar_one()
        if dataset == "skm":
            df["kecamatan_id"] = kid
            df["umur"] = df["umur"].astype(int)
            rows = df.to_dict("records")
            c.execute(insert(SkmResponden), rows)
            n = len(rows)
        else:
            baris = [{"kecamatan_id": kid, "tahun": int(r.tahun), "kode": r.kode, "uraian": r.uraian,
                      "pagu_perubahan_sen": int(round(r.pagu * 100)), "jenis_belanja": r.jenis_belanja}
                     for r in df.itertuples()]
            c.execute(insert(Anggaran), baris)
            ids = dict(c.execute(select(Anggaran.kode, Anggaran.id).where(Anggaran.kecamatan_id == kid)).all())
            real = [{"anggaran_id": ids[r.kode], "triwulan": tw, "jumlah_sen": int(round(getattr(r, f"realisasi_tw{tw}") * 100))}
                    for r in df.itertuples() for tw in (1, 2, 3, 4)]
            c.execute(insert(AnggaranRealisasi), real)
            n = len(baris) + len(real)
    return {"detik": time.perf_counter() - t, "baris": n}


def _anak(args) -> None:
    fungsi = ukur_impor if args.anak == "impor" else ukur_baseline
    hasil = fungsi(args.url_anak, args.dataset, args.berkas)
    hasil["mb_puncak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(hasil))


def _jalankan_anak(jenis: str, url: str, dataset: str, berkas: Path) -> dict:
    r = subprocess.run([sys.executable, __file__, "--anak", jenis, "--url-anak", url, "--dataset", dataset,
                        "--berkas", str(berkas)], capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        raise SystemExit(f"{jenis} {dataset} gagal:\n{r.stderr[-3000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", help="PostgreSQL server URL (a fresh database is created per measurement)")
    ap.add_argument("--ulang", type=int, default=1, help="repeat each measurement and keep the median")
    ap.add_argument("--tanpa-tulis", action="store_true")
    ap.add_argument("--anak", choices=["impor", "baseline"], help=argparse.SUPPRESS)
    ap.add_argument("--url-anak", help=argparse.SUPPRESS)
    ap.add_argument("--dataset", help=argparse.SUPPRESS)
    ap.add_argument("--berkas", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.anak:
        return _anak(args)

    from statistics import median

    tmp = Path(tempfile.mkdtemp(prefix="bench_impor_"))
    berkas = {"skm": tmp / "skm_100000.csv", "anggaran": tmp / "anggaran_20000x4.csv"}
    berkas_skm(berkas["skm"])
    berkas_anggaran(berkas["anggaran"])
    baris_tabel = []
    for dataset, path in berkas.items():
        ukuran = {}
        for jenis in ("baseline", "impor"):
            runs = []
            for _ in range(args.ulang):
                url, drop = db_baru(args.url, tmp)
                try:
                    runs.append(_jalankan_anak(jenis, url, dataset, path))
                finally:
                    drop()
            runs.sort(key=lambda r: r["detik"])
            ukuran[jenis] = runs[len(runs) // 2] | {"mb_puncak": max(r["mb_puncak"] for r in runs)}
        rasio = ukuran["impor"]["detik"] / ukuran["baseline"]["detik"]
        ok = rasio <= 3 and ukuran["impor"]["detik"] <= 15 and ukuran["impor"]["mb_puncak"] <= 600
        baris_tabel.append((dataset, path.stat().st_size / 1e6, ukuran, rasio, ok))
        print(f"{dataset}: impor {ukuran['impor']['detik']:.2f} s, baseline {ukuran['baseline']['detik']:.2f} s, "
              f"{rasio:.2f}×, puncak {ukuran['impor']['mb_puncak']:.0f} MB → {'OK' if ok else 'MELESET'}", flush=True)
    db = "PostgreSQL" if args.url else "SQLite"
    md = [f"# Benchmark impor ({db})", "",
          f"{datetime.now():%Y-%m-%d %H:%M}, {platform.machine()}, {os.cpu_count()} inti, Python {platform.python_version()}, "
          f"median dari {args.ulang} kali per ukuran, tiap ukuran di basis data baru dan proses sendiri.", "",
          "| berkas | ukuran | impor | baseline (read_csv + insert Core) | rasio | puncak memori impor | target ≤ 3× dan ≤ 15 s, ≤ 600 MB |",
          "|---|---|---|---|---|---|---|"]
    for dataset, mb, u, rasio, ok in baris_tabel:
        nama = "100 000 responden SKM" if dataset == "skm" else "20 000 baris anggaran × 4 TW"
        md.append(f"| {nama} | {mb:.1f} MB | {u['impor']['detik']:.2f} s | {u['baseline']['detik']:.2f} s | "
                  f"{rasio:.2f}× | {u['impor']['mb_puncak']:.0f} MB | {'tercapai' if ok else 'meleset'} |")
    teks = "\n".join(md) + "\n"
    print(teks)
    if not args.tanpa_tulis:
        keluar = HASIL if not args.url else HASIL.with_name("hasil_impor_postgresql.md")
        keluar.write_text(teks, encoding="utf-8")


if __name__ == "__main__":
    main()
