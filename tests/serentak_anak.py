"""One process of the concurrency tests (tests/test_serentak.py): an import or an undo, as a separate process.

    python tests/serentak_anak.py '{"url": ..., "aksi": "impor", "dataset": "skm", "berkas": ..., "kw": {...},
                                    "pintu": DIR, "nama": "a", "tunggu_lain": 1.5, "tahan_sampai": PATH}'

`pintu` makes the moment of the race certain instead of likely: when the process reaches the point where it
reads the stored rows and writes (the dataset's `tulis`; for an undo, its first check), it leaves
`pintu/<nama>.masuk`, waits until `jumlah` processes have begun (`<nama>.mulai`, written just before the import
or undo is called), then up to `tunggu_lain` seconds for another process to be there too, and until the
file `tahan_sampai` exists; it leaves `<nama>.pergi` when it goes on. Writers that exclude each other never
meet there; writers that do not (different data on PostgreSQL, or the code before the write locks) meet, and
at least one of them reports the other in `bertemu`. Prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _pintu(cfg: dict) -> list[str]:
    """Wait at the meeting point; returns the processes met there (arrived and not yet gone on)."""
    pintu, nama = Path(cfg["pintu"]), cfg["nama"]
    (pintu / f"{nama}.masuk").write_text(str(time.time()))
    bertemu: set[str] = set()
    # First until every process of the race has begun its import or undo, so that the wait below is
    # the time the others need to get here, not their start-up.
    batas = time.monotonic() + 60
    while len(list(pintu.glob("*.mulai"))) < cfg.get("jumlah", 1) and time.monotonic() < batas:
        time.sleep(0.02)
    batas = time.monotonic() + cfg.get("tunggu_lain", 0)
    while True:
        bertemu |= {p.stem for p in pintu.glob("*.masuk")
                    if p.stem != nama and not (pintu / f"{p.stem}.pergi").exists()}
        if bertemu or time.monotonic() >= batas:
            break
        time.sleep(0.02)
    if cfg.get("tahan_sampai"):
        batas = time.monotonic() + 60
        while not Path(cfg["tahan_sampai"]).exists() and time.monotonic() < batas:
            time.sleep(0.02)
    (pintu / f"{nama}.pergi").write_text(str(time.time()))
    return sorted(bertemu)


def main() -> None:
    cfg = json.loads(sys.argv[1])
    import importlib

    from dashboard.impor import ImporError, batalkan, impor
    from models.db import get_engine

    bertemu: list[str] = []
    if cfg.get("pintu"):
        if cfg["aksi"] == "impor":
            modul = importlib.import_module(f"dashboard.impor.dataset.{cfg['dataset'].replace('-', '_')}")
            asli = modul.tulis

            def tulis(p, w):
                bertemu.extend(_pintu(cfg))
                return asli(p, w)

            modul.tulis = tulis
        else:
            riwayat = importlib.import_module("dashboard.impor.riwayat")
            asli_cek = riwayat._tolak_bila_diubah

            def cek(conn, import_id):
                bertemu.extend(_pintu(cfg))
                return asli_cek(conn, import_id)

            riwayat._tolak_bila_diubah = cek
    engine = get_engine(cfg["url"])
    out: dict = {"nama": cfg["nama"]}
    if cfg.get("pintu"):
        (Path(cfg["pintu"]) / f"{cfg['nama']}.mulai").write_text(str(time.time()))
    try:
        if cfg["aksi"] == "impor":
            h = impor(cfg["dataset"], Path(cfg["berkas"]).read_bytes(), Path(cfg["berkas"]).name, engine=engine,
                      pengguna=cfg["nama"], **cfg.get("kw", {}))
            out |= {"status": h.status, "import_id": h.import_id, "baru": h.baris_baru, "berubah": h.baris_berubah,
                    "tetap": h.baris_tetap, "galat": [g.pesan for g in h.galat]}
        else:
            out |= {"status": "dibatalkan", "pesan": batalkan(cfg["import_id"], pengguna=cfg["nama"], engine=engine)}
    except ImporError as exc:
        out |= {"status": "ditolak_utuh", "pesan": str(exc)}
    out["bertemu"] = bertemu
    engine.dispose()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
