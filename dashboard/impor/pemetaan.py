"""Saved column mappings of the upload page (file header → canonical column), reusable by name."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlmodel import Session

from dashboard.impor.galat import ImporError
from dashboard.impor.kolom import DATASET, KOLOM
from models.tables import Pemetaan, utcnow


def simpan_pemetaan(session: Session, nama: str, dataset: str, peta: dict, *, pengguna=None) -> None:
    """Store (or replace) a named mapping; a header mapped to '' or None is deliberately ignored. For those who
    import (admins, operators)."""
    from dashboard.akun import sebagai_pelaku, wajib

    p = sebagai_pelaku(pengguna)
    if p.peran != "operator":  # an operator's mapping serves the imports of their kecamatan
        wajib(p, "impor", session=session)
    nama = " ".join(str(nama or "").split())
    if not nama:
        raise ImporError("Nama pemetaan tidak boleh kosong.")
    if dataset not in DATASET:
        raise ImporError(f"Dataset '{dataset}' tidak dikenal.")
    bersih = {}
    for h, k in (peta or {}).items():
        k = (str(k).strip() if k is not None else "") or None
        if k is not None and k not in KOLOM[dataset]:
            raise ImporError(f"'{k}' bukan kolom dataset {dataset}.")
        bersih[str(h)] = k
    if not bersih:
        raise ImporError("Pemetaan kosong: petakan paling sedikit satu kolom.")
    row = session.execute(select(Pemetaan).where(Pemetaan.nama == nama, Pemetaan.dataset == dataset)
                          ).scalar_one_or_none()
    teks = json.dumps(bersih, ensure_ascii=False)
    if row is None:
        session.add(Pemetaan(nama=nama, dataset=dataset, peta=teks))
    else:
        row.peta, row.dibuat = teks, utcnow()
        session.add(row)
    session.flush()


def daftar_pemetaan(session: Session, dataset: str) -> list[str]:
    return list(session.execute(select(Pemetaan.nama).where(Pemetaan.dataset == dataset).order_by(Pemetaan.nama))
                .scalars())


def peta_dari_teks(dataset: str, pasangan: list[str]) -> dict[str, str]:
    """`KOLOM=NAMA` pairs of the command line (`pagu=Alokasi Anggaran (Rp)`) → file header → canonical column.

    KOLOM is the dataset's column and NAMA the header as the file prints it; the other order (`NAMA=KOLOM`) is
    understood too when only its right-hand side is a column of the dataset.
    """
    kolom = KOLOM[dataset]
    out: dict[str, str] = {}
    for teks in pasangan:
        kiri, sama, kanan = str(teks).partition("=")
        kiri_b, kanan_b = str(teks).rpartition("=")[0].strip(), str(teks).rpartition("=")[2].strip()
        if not sama or not kiri.strip() or not kanan.strip():
            raise ImporError(f"--peta '{teks}': tulis sebagai KOLOM=NAMA, mis. --peta \"pagu=Alokasi Anggaran (Rp)\".",
                             salah_pakai=True)
        if kiri.strip() in kolom:
            out[kanan.strip()] = kiri.strip()
        elif kanan_b in kolom:
            out[kiri_b] = kanan_b
        else:
            raise ImporError(f"--peta '{teks}': '{kiri.strip()}' bukan kolom dataset {dataset} (kolom yang ada: "
                             f"{', '.join(kolom)}).", salah_pakai=True)
    return out
