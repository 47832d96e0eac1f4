"""Loading the demo data: the three real kecamatan of data/demo/manifest.json and the synthetic one.

Every file goes through the import engine, exactly as an office's upload would. Loading is
idempotent: a file whose SHA-256 already has a successful import for its kecamatan is skipped, and
the engine's natural keys make a repeated import change nothing anyway. A rejected demo file is a bug,
so it raises RuntimeError with the engine's messages.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sqlalchemy import select

from dashboard import pengaturan
from dashboard.sintetis import PENGATURAN_SINTETIS, berkas_sintetis
from models.db import get_engine, session_scope
from models.tables import ImportLog, Kecamatan

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"
MANIFEST = DEMO / "manifest.json"
PENGGUNA = "demo"
# The demo files carry plain numbers (`1234567.89`), never Indonesian separators.
GAYA_ANGKA = "en"


def baca_manifest(path: Path = MANIFEST) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def daftar_berkas(manifest: dict | None = None, *, seed: int | None = None) -> list[dict]:
    """Every demo import in load order, each with its bytes under `isi` and its name under `nama_file`."""
    manifest = manifest if manifest is not None else baca_manifest()
    out = []
    for e in manifest["impor"]:
        path = DEMO / e["berkas"]
        out.append({**e, "nama_file": path.name, "isi": path.read_bytes(), "sintetis": False})
    out += berkas_sintetis() if seed is None else berkas_sintetis(seed)
    return out


def _kecamatan_id(session, nama: str, kabupaten: str, sintetis: bool) -> int:
    row = session.execute(select(Kecamatan).where(Kecamatan.nama == nama)).scalar_one_or_none()
    if row is None:
        row = Kecamatan(nama=nama, kabupaten=kabupaten, sintetis=sintetis)
        session.add(row)
        session.flush()
    elif sintetis and not row.sintetis:
        row.sintetis = True
    return row.id


def _sudah_diimpor(session, *, sha256: str, kecamatan_id: int, dataset: str) -> bool:
    return session.execute(
        select(ImportLog.id).where(ImportLog.sha256 == sha256, ImportLog.kecamatan_id == kecamatan_id,
                                   ImportLog.dataset == dataset, ImportLog.status == "berhasil").limit(1)
    ).first() is not None


def muat_demo(*, url: str | None = None, jika_kosong: bool = False) -> str:
    """Load the demo data into the (already upgraded) database; returns an Indonesian summary line."""
    # Imported here so that the file list (daftar_berkas) stays usable without the import engine.
    from dashboard.impor import impor

    engine = get_engine(url)
    with session_scope(engine) as s:
        if jika_kosong and s.execute(select(Kecamatan.id).limit(1)).first() is not None:
            return "Basis data sudah berisi kecamatan; data contoh tidak dimuat."

    manifest = baca_manifest()
    berkas = daftar_berkas(manifest)
    setelan = {**manifest.get("pengaturan", {})}
    kecamatan_sintetis = {e["kecamatan"] for e in berkas if e.get("sintetis")}
    for nama in kecamatan_sintetis:
        setelan[nama] = {**PENGATURAN_SINTETIS, **setelan.get(nama, {})}

    with session_scope(engine, kunci=pengaturan.KUNCI_TULIS) as s:
        ids = {}
        for e in berkas:
            if e["kecamatan"] not in ids:
                ids[e["kecamatan"]] = _kecamatan_id(s, e["kecamatan"], e["kabupaten"], bool(e.get("sintetis")))
        for nama, nilai in setelan.items():
            for kunci, isi in nilai.items():
                pengaturan.simpan(s, kunci, isi, kecamatan_id=ids[nama], pengguna=PENGGUNA)

    diimpor = dilewati = 0
    for e in berkas:
        sha = hashlib.sha256(e["isi"]).hexdigest()
        with session_scope(engine) as s:
            if _sudah_diimpor(s, sha256=sha, kecamatan_id=ids[e["kecamatan"]], dataset=e["dataset"]):
                dilewati += 1
                continue
        hasil = impor(e["dataset"], e["isi"], e["nama_file"], engine=engine, kecamatan=e["kecamatan"],
                      tahun=e.get("tahun"), triwulan=e.get("triwulan"), per_triwulan=bool(e.get("per_triwulan")),
                      gaya_angka=GAYA_ANGKA, pengguna=PENGGUNA)
        if hasil.status != "berhasil":
            pesan = "\n".join(f"  - {g.pesan}" for g in hasil.galat) or "  (tanpa pesan galat)"
            raise RuntimeError(f"Berkas contoh {e['kecamatan']}/{e['nama_file']} ({e['dataset']}) ditolak:\n{pesan}")
        diimpor += 1
    return (f"Data contoh dimuat: {len(ids)} kecamatan ({len(kecamatan_sintetis)} sintetis), "
            f"{diimpor} berkas diimpor, {dilewati} berkas sudah pernah diimpor dan dilewati.")
