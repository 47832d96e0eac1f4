"""The import log: listing, downloading the original file, and undo (newest first)."""

from __future__ import annotations

import json

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from dashboard import format as fmt
from dashboard.akun import AksesDitolak, catat, catat_penolakan, wajib
from dashboard.impor.galat import ImporError
from dashboard.impor.jalankan import KUNCI_DATASET, galat_basis_data
from dashboard.impor.kolom import NAMA_DATASET
from dashboard.impor.tulis import INDUK_ANAK, TABEL, URUTAN, potongan
from models.db import get_engine, kunci_tulis
from models.tables import ImportLog, ImportPerubahan, Kecamatan, utcnow

LOG = ImportLog.__table__
PERUBAHAN = ImportPerubahan.__table__


def riwayat(session: Session, *, kecamatan_id: int | None = None, limit: int = 200, umum: bool = False,
            import_id: int | None = None) -> list[dict]:
    """The newest imports first (without the file bytes), for the import page.

    `umum` adds the imports that belong to no single kecamatan (kabupaten-wide files, scales) to a
    kecamatan's list; `import_id` gives that one import only.
    """
    q = (select(LOG.c.id, LOG.c.waktu, LOG.c.pengguna, LOG.c.dataset, LOG.c.nama_file, LOG.c.sha256,
                LOG.c.kecamatan_id, Kecamatan.nama.label("kecamatan"), LOG.c.tahun, LOG.c.triwulan, LOG.c.opsi,
                LOG.c.status, LOG.c.baris_dibaca, LOG.c.baris_baru, LOG.c.baris_berubah, LOG.c.baris_tetap,
                LOG.c.baris_ditolak, LOG.c.galat, LOG.c.peringatan, LOG.c.dibatalkan_pada,
                func.length(LOG.c.isi_file).label("ukuran"))
         .select_from(LOG.outerjoin(Kecamatan.__table__, Kecamatan.__table__.c.id == LOG.c.kecamatan_id))
         .order_by(LOG.c.id.desc()).limit(limit))
    if import_id is not None:
        q = q.where(LOG.c.id == import_id)
    elif kecamatan_id is not None:
        q = q.where((LOG.c.kecamatan_id == kecamatan_id) | LOG.c.kecamatan_id.is_(None) if umum
                    else LOG.c.kecamatan_id == kecamatan_id)
    out = []
    for r in session.execute(q).all():
        d = dict(r._mapping)
        for k in ("galat", "peringatan", "opsi"):
            d[k] = json.loads(d[k] or ("{}" if k == "opsi" else "[]"))
        out.append(d)
    return out


def isi_berkas(session: Session, import_id: int, *, pengguna=None) -> tuple[str, bytes]:
    """The original file of an import, as uploaded; of a large rejected file only its beginning, under a name that
    says so (see `berkas_sebagian`). Only for admins and the operators of the import's kecamatan (raw SKM answers
    are among these files)."""
    row = session.execute(select(LOG.c.nama_file, LOG.c.isi_file, LOG.c.opsi, LOG.c.kecamatan_id)
                          .where(LOG.c.id == import_id)).first()
    if row is None:
        raise ImporError(f"Impor #{import_id} tidak ada.")
    wajib(pengguna, "unduh_asli", row.kecamatan_id, session=session)
    isi = bytes(row.isi_file or b"")
    if json.loads(row.opsi or "{}").get("ukuran_berkas"):
        return f"{fmt.angka(len(isi) / 1024, 0)}KB-pertama_{row.nama_file}", isi
    return row.nama_file, isi


def berkas_sebagian(r: dict) -> str | None:
    """For a rejected file kept only in part: what was kept, of how much, and the whole file's SHA-256."""
    ukuran = (r.get("opsi") or {}).get("ukuran_berkas")
    if not ukuran:
        return None
    return (f"Berkas ditolak hanya disimpan {fmt.angka((r.get('ukuran') or 0) / 1024, 0)} KB pertama (dari "
            f"{_ukuran(ukuran)}); SHA-256 seluruh berkas: {r['sha256']}.")


def _ukuran(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{fmt.angka(n / 1024 / 1024, 1)} MB"
    return f"{fmt.angka(n / 1024, 0)} KB"


def _uraian(row) -> str:
    return f"{NAMA_DATASET.get(row.dataset, row.dataset)}, '{row.nama_file}', {fmt.waktu(row.waktu)}"


@galat_basis_data
def batalkan(import_id: int, *, pengguna: str, engine: Engine | None = None) -> str:
    """Put every row the import wrote back as it was; refused when a later import changed the same data."""
    engine = engine or get_engine()
    with Session(engine) as session:
        asal = session.execute(select(LOG.c.dataset, LOG.c.kecamatan_id).where(LOG.c.id == import_id)).first()
    kunci = [(KUNCI_DATASET.get(asal.dataset, asal.dataset), asal.kecamatan_id)] if asal else []
    try:
        return _batalkan(import_id, pengguna, engine, kunci)
    except AksesDitolak as exc:
        catat_penolakan(engine, exc)
        raise


def _batalkan(import_id: int, pengguna, engine: Engine, kunci: list) -> str:
    with Session(engine) as session:
        with session.begin():
            # The same write lock as the imports of that data: an undo waits for an import running on it
            # and then sees what it wrote (it may then be refused), and the reverse.
            kunci_tulis(session, kunci)
            conn = session.connection()
            log = conn.execute(select(LOG).where(LOG.c.id == import_id)).first()
            if log is None:
                raise ImporError(f"Impor #{import_id} tidak ada.")
            if log.status == "dibatalkan":
                raise ImporError(f"Impor #{import_id} sudah dibatalkan pada {fmt.waktu(log.dibatalkan_pada)}.")
            if log.status != "berhasil":
                raise ImporError(f"Impor #{import_id} ditolak saat itu; tidak ada data yang perlu dibatalkan.")
            pelaku = wajib(pengguna, "batal", log.kecamatan_id, session=session)
            _tolak_bila_diubah(conn, import_id)
            catatan = conn.execute(select(PERUBAHAN.c.tabel, PERUBAHAN.c.sebelum)
                                   .where(PERUBAHAN.c.import_id == import_id)).all()
            sebelum = {r.tabel: json.loads(r.sebelum) for r in catatan if r.sebelum}
            id_lama = {t: {row[d["kolom"].index("id")] for row in d["baris"]} for t, d in sebelum.items()}
            _tolak_bila_bergantung(conn, import_id, id_lama)
            dihapus = 0
            for tabel in reversed(URUTAN):
                t = TABEL[tabel]
                ids = [i for (i,) in conn.execute(select(t.c.id).where(t.c.import_id == import_id)).all()
                       if i not in id_lama.get(tabel, set())]
                for bagian in potongan(ids):
                    conn.execute(delete(t).where(t.c.id.in_(bagian)))
                dihapus += len(ids)
            dipulihkan = 0
            for tabel in URUTAN:
                if tabel not in sebelum:
                    continue
                dipulihkan += _pulihkan(conn, tabel, sebelum[tabel])
            opsi = json.loads(log.opsi or "{}")
            opsi["dibatalkan_oleh"] = pelaku.nama
            conn.execute(update(LOG).where(LOG.c.id == import_id).values(
                status="dibatalkan", dibatalkan_pada=utcnow(), opsi=json.dumps(opsi, ensure_ascii=False)))
            catat(conn, pelaku, "batal", kecamatan_id=log.kecamatan_id,
                  uraian=f"Impor #{import_id} ({NAMA_DATASET.get(log.dataset, log.dataset)}, '{log.nama_file}') "
                         "dibatalkan", sebelum={"status": "berhasil"},
                  sesudah={"status": "dibatalkan", "dihapus": dihapus, "dipulihkan": dipulihkan})
    return (f"Impor #{import_id} ({NAMA_DATASET.get(log.dataset, log.dataset)}, '{log.nama_file}') dibatalkan: "
            f"{dihapus} baris yang ditambahkannya dihapus, {dipulihkan} baris dikembalikan seperti semula.")


def _tolak_bila_diubah(conn, import_id: int) -> None:
    """Refused while a later import changed this import's rows, or found them unchanged (imported them again)."""
    q = (select(PERUBAHAN.c.import_id, PERUBAHAN.c.dari_impor, PERUBAHAN.c.sesudah)
         .join(LOG, LOG.c.id == PERUBAHAN.c.import_id)
         .where(PERUBAHAN.c.import_id > import_id, LOG.c.status == "berhasil"))
    pengubah, mengubah = set(), False
    for iid, dari, sesudah in conn.execute(q).all():
        if import_id in json.loads(dari or "[]"):
            pengubah.add(iid)
            mengubah = mengubah or import_id not in json.loads(sesudah or "{}").get("tetap_dari", [])
    if pengubah:
        _tolak(conn, import_id, sorted(pengubah, reverse=True),
               "data yang sama diubah oleh" if mengubah else "data yang sama diimpor lagi oleh")


def _tolak(conn, import_id: int, pengubah: list[int], alasan: str = "data yang sama diubah oleh") -> None:
    rows = {r.id: r for r in conn.execute(select(LOG.c.id, LOG.c.dataset, LOG.c.nama_file, LOG.c.waktu)
                                          .where(LOG.c.id.in_(pengubah))).all()}
    nama = " dan ".join(f"impor #{i} ({_uraian(rows[i])})" for i in pengubah if i in rows)
    urut = " dan ".join(f"#{i}" for i in pengubah)
    raise ImporError(f"Impor #{import_id} tidak dapat dibatalkan karena {alasan} {nama}. "
                     f"Batalkan impor {urut} lebih dulu.")


def _tolak_bila_bergantung(conn, import_id: int, id_lama: dict[str, set]) -> None:
    """Rows this import added that later imports hang their own rows on (e.g. realisasi of a new indicator)."""
    pemakai: set[int] = set()
    tanpa_impor = False
    for induk, anak_daftar in INDUK_ANAK.items():
        t = TABEL[induk]
        baru = [i for (i,) in conn.execute(select(t.c.id).where(t.c.import_id == import_id)).all()
                if i not in id_lama.get(induk, set())]
        if not baru:
            continue
        for anak, fk in anak_daftar:
            ta = TABEL[anak]
            for bagian in potongan(baru):
                for (iid,) in conn.execute(select(ta.c.import_id).distinct().where(
                        ta.c[fk].in_(bagian), (ta.c.import_id != import_id) | ta.c.import_id.is_(None))).all():
                    if iid is None:
                        tanpa_impor = True
                    else:
                        pemakai.add(iid)
    aktif = sorted((i for i in pemakai if conn.execute(select(LOG.c.status).where(LOG.c.id == i)).scalar()
                    == "berhasil"), reverse=True)
    if aktif:
        _tolak(conn, import_id, aktif, "data yang ditambahkannya dipakai oleh")
    if tanpa_impor:
        raise ImporError(f"Impor #{import_id} tidak dapat dibatalkan karena data yang ditambahkannya dipakai oleh "
                         "data lain yang tidak berasal dari impor.")


def _pulihkan(conn, tabel: str, sebelum: dict) -> int:
    t = TABEL[tabel]
    kolom = sebelum["kolom"]
    rows = [dict(zip(kolom, r)) for r in sebelum["baris"]]
    tipe = {c.name: c.type.python_type for c in t.columns if c.name in kolom}
    for r in rows:
        for c, v in r.items():
            if v is not None and tipe.get(c) is bool:
                r[c] = bool(v)
    ids = [r["id"] for r in rows]
    ada = set()
    for bagian in potongan(ids):
        ada |= {i for (i,) in conn.execute(select(t.c.id).where(t.c.id.in_(bagian))).all()}
    ubah = [r for r in rows if r["id"] in ada]
    sisip = [r for r in rows if r["id"] not in ada]
    if ubah:
        from sqlalchemy import bindparam

        lain = [c for c in kolom if c != "id"]
        stmt = update(t).where(t.c.id == bindparam("b_id")).values({c: bindparam(f"b_{c}") for c in lain})
        for bagian in potongan(ubah):
            conn.execute(stmt, [{"b_id": r["id"], **{f"b_{c}": r[c] for c in lain}} for r in bagian])
    for bagian in potongan(sisip):
        conn.execute(insert(t), bagian)
    return len(rows)
