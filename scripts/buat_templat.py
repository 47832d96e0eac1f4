"""Stores the import templates under data/templates/: `templat(dataset, 'csv')` and `templat(dataset, 'xlsx')`
of the import engine for every dataset (`templat_anggaran.csv`, `templat_anggaran.xlsx`, …).

    .venv/bin/python scripts/buat_templat.py          # write the files whose content changed
    .venv/bin/python scripts/buat_templat.py --cek    # exit 1 if a stored file is not what the engine makes now

A workbook carries its creation time; it is fixed here (in the archive and in docProps/core.xml) so that
regenerating unchanged templates changes no byte. `tests/test_templat.py` keeps the files from drifting.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.impor import DATASET, templat  # noqa: E402
from dashboard.unggah import nama_templat  # noqa: E402

FOLDER = ROOT / "data" / "templates"
WAKTU_TETAP = (2025, 1, 1, 0, 0, 0)
_CORE = "docProps/core.xml"


def _core_tetap(data: bytes) -> bytes:
    return re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2025-01-01T00:00:00Z", data)


def isi_xlsx(isi: bytes) -> dict[str, bytes]:
    """A workbook's parts without its timestamps: two workbooks with the same content compare equal."""
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        return {n: (_core_tetap(z.read(n)) if n == _CORE else z.read(n)) for n in sorted(z.namelist())}


def xlsx_tetap(isi: bytes) -> bytes:
    """The same workbook with fixed timestamps."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            z.writestr(zipfile.ZipInfo(info.filename, WAKTU_TETAP), _core_tetap(data) if info.filename == _CORE
                       else data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def sama(jenis: str, tersimpan: bytes, baru: bytes) -> bool:
    return isi_xlsx(tersimpan) == isi_xlsx(baru) if jenis == "xlsx" else tersimpan == baru


def berkas() -> list[tuple[Path, str, bytes]]:
    """(path, kind, the engine's bytes now) for every template."""
    return [(FOLDER / nama_templat(ds, jenis), jenis, templat(ds, jenis))
            for ds in DATASET for jenis in ("csv", "xlsx")]


def main(argv: list[str]) -> int:
    cek = "--cek" in argv
    beda = []
    for path, jenis, isi in berkas():
        if path.exists() and sama(jenis, path.read_bytes(), isi):
            continue
        beda.append(path)
        if not cek:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(xlsx_tetap(isi) if jenis == "xlsx" else isi)
    for path in beda:
        print(f"{'berbeda' if cek else 'ditulis'}: {path.relative_to(ROOT)}")
    if not beda:
        print("Semua templat sudah sesuai.")
    return 1 if cek and beda else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
