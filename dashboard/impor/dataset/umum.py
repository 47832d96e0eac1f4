"""Helpers the dataset modules share: typing columns, duplicate keys, row tallies."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from dashboard.impor import sel
from dashboard.impor.siap import Bingkai, asli, kolom_asli

TETAP, BERUBAH, BARU = 0, 1, 2


def kolom_teks(b: Bingkai, kanonik: str, *, maks: int = sel.TEKS_MAKS) -> sel.Hasil | None:
    if not b.ada(kanonik):
        return None
    h = sel.teks(b.df[kanonik], maks=maks)
    b.laporkan(kanonik, h)
    return h


def kolom_angka(b: Bingkai, kanonik: str, *, uang: bool = False, catat: bool = False) -> sel.Hasil | None:
    if not b.ada(kanonik):
        return None
    h = sel.angka(b.df[kanonik], b.ctx.gaya_angka, uang=uang, catat=catat)
    b.laporkan(kanonik, h)
    return h


def kolom_bulat(b: Bingkai, kanonik: str) -> sel.Hasil | None:
    if not b.ada(kanonik):
        return None
    h = sel.bulat(b.df[kanonik], b.ctx.gaya_angka)
    b.laporkan(kanonik, h)
    return h


def kolom_pilihan(b: Bingkai, kanonik: str, kamus: dict[str, str], contoh: str) -> sel.Hasil | None:
    if not b.ada(kanonik):
        return None
    h = sel.pilihan(b.df[kanonik], kamus, contoh)
    b.laporkan(kanonik, h)
    return h


def duplikat(b: Bingkai, kunci: pd.DataFrame, uraian, *, posisi: pd.Index | None = None) -> None:
    """Rows that repeat a natural key: an error on each repeat, naming the first row."""
    if kunci.empty:
        return
    lengkap = kunci.notna().all(axis=1)
    k = kunci[lengkap]
    dup = k.duplicated(keep=False)
    if not dup.any():
        return
    pertama: dict = {}
    for pos, row in zip(k.index[dup.to_numpy()], k[dup].itertuples(index=False, name=None)):
        p = posisi[pos] if posisi is not None else pos
        key = tuple(asli(v) for v in row)
        if key not in pertama:
            pertama[key] = p
            continue
        b.ctx.galat.tambah(b.baris(p), None, f"{uraian(row)} sudah ada di baris {b.baris(pertama[key])}; "
                           "data yang sama hanya boleh muncul sekali dalam berkas")


def tally(pasangan) -> dict[str, int]:
    """Counts per file row from (row number, status) pairs; a row written several times counts its highest."""
    per_baris: dict[int, int] = {}
    for baris, s in pasangan:
        per_baris[baris] = max(per_baris.get(baris, TETAP), s)
    c = Counter(per_baris.values())
    return {"baru": c[BARU], "berubah": c[BERUBAH], "tetap": c[TETAP]}


def rekaman(df: pd.DataFrame, kolom: list[str]) -> list[dict]:
    """Rows as plain Python dicts (None for every kind of missing)."""
    data = {c: kolom_asli(df[c]) for c in kolom}
    return [dict(zip(kolom, vals)) for vals in zip(*(data[c] for c in kolom))] if kolom else [{} for _ in range(len(df))]


def teks_kunci(v) -> str:
    return " ".join(str(v).split()).lower()
