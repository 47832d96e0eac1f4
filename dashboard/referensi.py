"""Reference data every database starts with: the preset scales and the SKM answer texts."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from dashboard.skala import PRESETS
from models.tables import Skala, SkmJawaban

_JAWABAN = {
    "U1": ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    "U2": ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
    "U3": ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
    "U4": ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
    "U5": ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    "U6": ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
    "U7": ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"],
    "U8": ["Buruk", "Cukup", "Baik", "Sangat baik"],
    "U9": ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"],
    None: ["Tidak baik", "Kurang baik", "Baik", "Sangat baik", "Tidak puas", "Kurang puas", "Puas", "Sangat puas"],
}


def normal_teks(teks: str) -> str:
    return " ".join(str(teks).lower().split())


def jawaban_bawaan() -> list[tuple[str | None, str, int]]:
    out = []
    for unsur, teks in _JAWABAN.items():
        for i, t in enumerate(teks):
            out.append((unsur, normal_teks(t), i % 4 + 1))
    return out


def isi(session: Session) -> None:
    """Insert what is missing (idempotent); never overwrites a user's own scale or answer."""
    ada = set(session.execute(select(Skala.nama).distinct()).scalars())
    for nama, bands in PRESETS.items():
        if nama in ada:
            continue
        for b in bands:
            session.add(Skala(nama=nama, batas_bawah=b.batas_bawah, inklusif=b.inklusif, label=b.label,
                              warna=b.warna))
    jawaban = {(u, t) for u, t in session.execute(select(SkmJawaban.unsur, SkmJawaban.teks)).all()}
    for unsur, teks, skor in jawaban_bawaan():
        if (unsur, teks) not in jawaban:
            session.add(SkmJawaban(unsur=unsur, teks=teks, skor=skor))
