"""Writing an import: bulk inserts, updates and deletes through SQLAlchemy Core, each remembered for undo.

Every row an import adds carries its `import_id`; every row it updates or deletes is kept as it was
(one `import_perubahan` record per table, a compact JSON before-image), so that `batalkan` can put
the database back exactly. The record also names the imports whose rows this one found already as in
its file (`tetap_dari`): those rows now stand for this import too, so that their import cannot be undone
before this one. Nothing here runs a query per row.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from models.tables import (Anggaran, AnggaranRealisasi, Desa, DesaRekap, DesaStatus, ImportPerubahan, Indikator,
                           Realisasi, Skala, SkmRekap, SkmResponden, Target)

POTONG = 5000

TABEL: dict[str, Table] = {
    m.__tablename__: m.__table__ for m in (Indikator, Target, Realisasi, Anggaran, AnggaranRealisasi, SkmResponden,
                                           SkmRekap, Desa, DesaStatus, DesaRekap, Skala)
}
# Parents before children: undo restores in this order and deletes in the reverse one.
URUTAN = ("skala", "indikator", "target", "realisasi", "anggaran", "anggaran_realisasi", "desa", "desa_status",
          "desa_rekap", "skm_rekap", "skm_responden")
INDUK_ANAK = {"indikator": (("target", "indikator_id"), ("realisasi", "indikator_id")),
              "anggaran": (("anggaran_realisasi", "anggaran_id"),),
              "desa": (("desa_status", "desa_id"),)}


def potongan(xs: list, n: int = POTONG):
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


@dataclass
class Hitung:
    baru: int = 0
    berubah: int = 0
    dihapus: int = 0


class Penulis:
    """One import's writes, on one connection inside the import's transaction."""

    def __init__(self, conn: Connection, import_id: int):
        self.conn = conn
        self.import_id = import_id
        self.sebelum: dict[str, list[dict]] = defaultdict(list)
        self.hitung: dict[str, Hitung] = defaultdict(Hitung)
        self.tetap_dari: dict[str, set[int]] = defaultdict(set)

    def muat(self, tabel: str, *syarat) -> list[dict]:
        t = TABEL[tabel]
        return [dict(r._mapping) for r in self.conn.execute(select(t).where(*syarat))]

    def muat_tupel(self, tabel: str, *syarat) -> tuple[list[str], list[tuple]]:
        """Stored rows as tuples (lighter than dicts for large tables), with their column names."""
        t = TABEL[tabel]
        kolom = [c.name for c in t.columns]
        return kolom, [tuple(r) for r in self.conn.execute(select(t).where(*syarat))]

    def sisipkan_tupel(self, tabel: str, kolom: list[str], rows: list[tuple]) -> None:
        """Insert rows given as tuples of `kolom`, turned into mappings one chunk at a time."""
        if not rows:
            return
        t = TABEL[tabel]
        nama = [*kolom, "import_id"]
        for bagian in potongan(rows):
            self.conn.execute(insert(t), [dict(zip(nama, (*r, self.import_id))) for r in bagian])
        self.hitung[tabel].baru += len(rows)

    def sisipkan(self, tabel: str, rows: list[dict]) -> None:
        if not rows:
            return
        t = TABEL[tabel]
        kunci = set(rows[0])
        if kunci <= set(t.columns.keys()) and all(len(r) == len(kunci) for r in rows):
            data = rows  # already one shape: executemany takes them as they are
            for r in data:
                r["import_id"] = self.import_id
        else:
            kolom = [c.name for c in t.columns if c.name != "id"]
            data = [{**{c: r.get(c) for c in kolom}, "import_id": self.import_id} for r in rows]
        for bagian in potongan(data):
            self.conn.execute(insert(t), bagian)
        self.hitung[tabel].baru += len(rows)

    def ubah(self, tabel: str, pasangan: list[tuple[dict, dict]]) -> None:
        """Update rows: (the row as stored, the new values of some columns)."""
        if not pasangan:
            return
        t = TABEL[tabel]
        kolom = sorted({c for _, baru in pasangan for c in baru} - {"id", "import_id"})
        stmt = (update(t).where(t.c.id == bindparam("b_id"))
                .values({c: bindparam(f"b_{c}") for c in kolom} | {"import_id": bindparam("b_import_id")}))
        data = []
        for lama, baru in pasangan:
            self.sebelum[tabel].append(lama)
            data.append({"b_id": lama["id"], "b_import_id": self.import_id,
                         **{f"b_{c}": baru.get(c, lama[c]) for c in kolom}})
        for bagian in potongan(data):
            self.conn.execute(stmt, bagian)
        self.hitung[tabel].berubah += len(pasangan)

    def tetap(self, tabel: str, import_ids) -> None:
        """Stored rows found already as in the file (unchanged), given by the imports that wrote them."""
        self.tetap_dari[tabel].update(i for i in import_ids if i is not None and i != self.import_id)

    def hapus(self, tabel: str, rows: list[dict]) -> None:
        if not rows:
            return
        t = TABEL[tabel]
        self.sebelum[tabel].extend(rows)
        for bagian in potongan([r["id"] for r in rows]):
            self.conn.execute(delete(t).where(t.c.id.in_(bagian)))
        self.hitung[tabel].dihapus += len(rows)

    def catat(self, lingkup: list) -> None:
        """One change record per table the import touched."""
        rows = []
        for tabel in URUTAN:
            lama = self.sebelum.get(tabel, [])
            h = self.hitung.get(tabel)
            # Imports whose rows were changed here as well are named by the before-image already.
            tetap = sorted(self.tetap_dari.get(tabel, set()) - {r.get("import_id") for r in lama})
            if not lama and (h is None or not h.baru) and not tetap:
                continue
            kolom = [c.name for c in TABEL[tabel].columns]
            sebelum = {"kolom": kolom, "baris": [[r.get(c) for c in kolom] for r in lama]} if lama else None
            sesudah = {"baru": h.baru if h else 0, "berubah": h.berubah if h else 0, "dihapus": h.dihapus if h else 0}
            if tetap:
                sesudah["tetap_dari"] = tetap
            rows.append(dict(
                import_id=self.import_id, tabel=tabel,
                kunci=json.dumps({"tabel": tabel, "lingkup": lingkup}),
                sebelum=json.dumps(sebelum, ensure_ascii=False, default=str) if sebelum else None,
                sesudah=json.dumps(sesudah),
                dari_impor=json.dumps(dari_impor(sebelum, sesudah))))
        if rows:
            self.conn.execute(insert(ImportPerubahan.__table__), rows)


def dari_impor(sebelum: dict | None, sesudah: dict | None) -> list[int]:
    """The imports a change record depends on: those that wrote the rows it changed or deleted, and those
    whose rows it found unchanged. Derived from the record alone (migration 0002 refills it the same way)."""
    dari = set((sesudah or {}).get("tetap_dari", []))
    if sebelum:
        i = sebelum["kolom"].index("import_id")
        dari.update(r[i] for r in sebelum["baris"] if r[i] is not None)
    return sorted(dari)


def sama(a, b) -> bool:
    """Stored and new value are the same (floats compared exactly, but 1 == 1.0)."""
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return bool(a) == bool(b)
    return a == b


def beda(lama: dict, baru: dict) -> dict:
    """The columns of `baru` whose value differs from the stored row."""
    return {c: v for c, v in baru.items() if not sama(lama.get(c), v)}
