"""Errors of an import: whole-file refusals (`ImporError`) and row/column errors (`Galat`)."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

GALAT_MAKS = 200
SIMPAN_MAKS = 5000


class ImporError(Exception):
    """The file or the request is refused as a whole (too big, not a table, unknown kecamatan, undo refused…).

    `str()` is the Indonesian message; `salah_pakai` marks a wrong request (the CLI exits with 2).
    """

    def __init__(self, pesan: str, *, salah_pakai: bool = False):
        super().__init__(pesan)
        self.salah_pakai = salah_pakai


class Tenggat:
    """The time a file's whole check may take; `cek()` inside the reading loops raises once it has passed.

    The check runs in the caller's thread (the page's script run or the CLI), so a refusal leaves nothing
    running behind it.
    """

    def __init__(self, detik: float, nama_file: str):
        self.detik = detik
        self.nama_file = nama_file
        self.batas = time.monotonic() + detik

    def cek(self) -> None:
        if time.monotonic() > self.batas:
            raise ImporError(f"Pemeriksaan berkas '{self.nama_file}' dihentikan: melebihi batas waktu "
                             f"{_detik(self.detik)} detik. Berkas ini terlalu besar atau rumit untuk diperiksa; "
                             "bagi menjadi beberapa berkas atau simpan ulang sebagai CSV.")


def _detik(n: float) -> str:
    return f"{n:g}".replace(".", ",")


@dataclass
class Galat:
    """One error in the file; `pesan` is the full line the user reads ("Baris 12, kolom realisasi: …")."""

    baris: int | None
    kolom: str | None
    pesan: str

    def json(self) -> dict:
        return asdict(self)


def pesan_galat(baris: int | None, kolom: str | None, isi: str) -> str:
    if baris is not None and kolom:
        return f"Baris {baris}, kolom {kolom}: {isi}"
    if baris is not None:
        return f"Baris {baris}: {isi}"
    if kolom:
        return f"Kolom {kolom}: {isi}"
    return isi


class Kumpulan:
    """Collects every error of a file, shown in file order and capped for display."""

    def __init__(self):
        self._semua: list[tuple[int, int, Galat]] = []
        self._baris: set[int] = set()
        self._lebih = 0

    def tambah(self, baris: int | None, kolom: str | None, isi: str) -> None:
        if baris is not None:
            self._baris.add(baris)
        if len(self._semua) >= SIMPAN_MAKS:
            self._lebih += 1
            return
        self._semua.append((baris if baris is not None else -1, len(self._semua),
                            Galat(baris, kolom, pesan_galat(baris, kolom, isi))))

    def __len__(self) -> int:
        return len(self._semua) + self._lebih

    def __bool__(self) -> bool:
        return bool(self._semua)

    def daftar(self) -> list[Galat]:
        seen, unik = set(), []
        for _, _, g in sorted(self._semua, key=lambda t: (t[0], t[1])):
            if g.pesan not in seen:
                seen.add(g.pesan)
                unik.append(g)
        lebih = self._lebih + max(0, len(unik) - GALAT_MAKS)
        if lebih:
            unik = unik[:GALAT_MAKS] + [Galat(None, None, f"… dan {lebih:,} galat lainnya.".replace(",", "."))]
        return unik

    def baris_bermasalah(self) -> int:
        return len(self._baris)
