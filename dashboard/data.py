"""Reading a period's data: a fixed, small number of queries for any number of kecamatan.

Every page, the command line and the exports read through `muat_periode`, so that they see the
same figures; the formulas then run on these plain objects (see `dashboard.ringkasan`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import json

from sqlalchemy import func, or_, select
from sqlmodel import Session

from dashboard import pengaturan
from dashboard.anggaran import Baris
from dashboard.skala import Band
from dashboard.skm import UNSUR
from models.tables import (Anggaran, AnggaranRealisasi, Desa, DesaRekap, DesaStatus, ImportLog, Indikator, Kecamatan,
                           Realisasi, Skala, SkmRekap, SkmResponden, Target)

DIMENSI = ("layanan_dasar", "sosial", "ekonomi", "lingkungan", "aksesibilitas", "tata_kelola", "iks", "ike", "ikl")


class TidakDitemukan(LookupError):
    """A kecamatan or period that does not exist; the message is for the user."""


@dataclass
class TargetVersi:
    tahun: int
    versi: str
    urutan_versi: int
    target: float | None
    target_tw: dict[int, float | None]
    target_renstra: float | None
    import_id: int | None


@dataclass
class RealisasiTw:
    nilai: float | None
    keterangan: str | None = None
    faktor_pendorong: str | None = None
    faktor_penghambat: str | None = None
    tindak_lanjut: str | None = None


@dataclass
class IndikatorData:
    id: int
    kode: str
    nama: str
    sasaran: str | None
    satuan: str | None
    jenis: str
    polaritas: str
    agregasi: str
    hitung: str | None
    nol_per_nol: float | None
    urutan: int
    target_versi: dict[int, list[TargetVersi]] = field(default_factory=dict)  # tahun -> versions, oldest first
    realisasi: dict[int, dict[int, RealisasiTw]] = field(default_factory=dict)  # tahun -> tw -> value

    def target_berlaku(self, tahun: int) -> TargetVersi | None:
        versi = self.target_versi.get(tahun)
        return versi[-1] if versi else None

    def nilai_tw(self, tahun: int) -> dict[int, float | None]:
        return {tw: r.nilai for tw, r in self.realisasi.get(tahun, {}).items()}


@dataclass
class SkmTriwulan:
    """One quarter's survey data: raw-response sums per unsur, and/or the summary rows.

    `periode` is the kind of survey the figures come from (triwulan, semester or tahunan): a semester or
    annual survey is stored in the TW it is shown in (semester I in TW II, semester II and a year in TW IV).
    """

    responden: int = 0  # raw responses
    jumlah: dict[str, float] = field(default_factory=dict)  # unsur -> Σ scores (raw)
    terisi: dict[str, int] = field(default_factory=dict)  # unsur -> answers (raw)
    rekap: dict[str, float] = field(default_factory=dict)  # U1..U9 -> NRR, IKM -> printed index
    rekap_responden: int | None = None
    layanan: dict[str, dict[str, float]] = field(default_factory=dict)  # rekap per layanan: layanan -> unsur -> value
    layanan_responden: dict[str, int] = field(default_factory=dict)
    periode: str = "triwulan"


@dataclass
class DesaBaris:
    id: int
    nama: str
    kode: str | None
    jenis: str
    definitif: bool
    status: dict[int, dict] = field(default_factory=dict)  # tahun -> status row (dict)


@dataclass
class Periode:
    """Everything one kecamatan has for one year (and the history the pages compare with)."""

    kecamatan_id: int
    kecamatan: str
    kabupaten: str
    sintetis: bool
    tahun: int
    setelan: pengaturan.Setelan
    skala: dict[str, list[Band]]
    indikator: list[IndikatorData]
    anggaran: list[Baris]
    skm: dict[int, SkmTriwulan]
    desa: list[DesaBaris]
    peringatan_impor: list[dict] = field(default_factory=list)  # file-level warnings of live imports
    desa_rekap: dict[int, dict[str, int]] = field(default_factory=dict)  # tahun -> status -> desa (counts only)
    skm_lalu: tuple[str, tuple[int, ...]] | None = None  # (kind, TWs) of the latest earlier year with SKM data


def revisi(session: Session) -> tuple:
    """The data revision: changes with every committed write (import, rejected import, undo, setting, scale,
    master data, template), in any process, on either database; the pages' cache key.

    Counts, not only the newest ids: on PostgreSQL two writers can commit in the other order than they took
    their ids, and the later commit of the smaller id must still change the revision. The logs are only
    ever appended to, so every count only grows.
    """
    from models.tables import Pengaturan, PengaturanLog

    return tuple(session.execute(select(
        select(func.count(ImportLog.id)).scalar_subquery(),
        select(func.max(ImportLog.id)).scalar_subquery(),
        select(func.count(ImportLog.dibatalkan_pada)).scalar_subquery(),
        select(func.count(PengaturanLog.id)).scalar_subquery(),
        select(func.max(PengaturanLog.id)).scalar_subquery(),
        select(func.count(Kecamatan.id)).scalar_subquery(),
        select(func.count(Skala.id)).scalar_subquery(),
        select(func.max(Pengaturan.id)).scalar_subquery(),
    )).one())


def kecamatan_list(session: Session) -> list[dict]:
    rows = session.execute(select(Kecamatan.id, Kecamatan.nama, Kecamatan.kabupaten, Kecamatan.sintetis)
                           .order_by(Kecamatan.kabupaten, Kecamatan.nama)).all()
    return [dict(id=r.id, nama=r.nama, kabupaten=r.kabupaten, sintetis=r.sintetis) for r in rows]


def tahun_tersedia(session: Session, kecamatan_id: int) -> list[int]:
    """Years for which the kecamatan has any data, newest first."""
    queries = [
        select(Target.tahun).join(Indikator, Indikator.id == Target.indikator_id)
        .where(Indikator.kecamatan_id == kecamatan_id),
        select(Realisasi.tahun).join(Indikator, Indikator.id == Realisasi.indikator_id)
        .where(Indikator.kecamatan_id == kecamatan_id),
        select(Anggaran.tahun).where(Anggaran.kecamatan_id == kecamatan_id),
        select(SkmRekap.tahun).where(SkmRekap.kecamatan_id == kecamatan_id),
        select(SkmResponden.tahun).where(SkmResponden.kecamatan_id == kecamatan_id),
        select(DesaStatus.tahun).join(Desa, Desa.id == DesaStatus.desa_id).where(Desa.kecamatan_id == kecamatan_id),
        select(DesaRekap.tahun).where(DesaRekap.kecamatan_id == kecamatan_id),
    ]
    union = queries[0].union(*queries[1:]).subquery()
    return sorted({t for (t,) in session.execute(select(union.c[0]).distinct()).all() if t}, reverse=True)


def cari_kecamatan(session: Session, nama: str) -> Kecamatan:
    row = session.execute(select(Kecamatan).where(func.lower(Kecamatan.nama) == nama.strip().lower())).scalar_one_or_none()
    if row is None:
        raise TidakDitemukan(f"Kecamatan '{nama}' tidak ada di basis data.")
    return row


def muat_skala(session: Session) -> dict[str, list[Band]]:
    out: dict[str, list[Band]] = defaultdict(list)
    for r in session.execute(select(Skala.nama, Skala.batas_bawah, Skala.inklusif, Skala.label, Skala.warna)).all():
        out[r.nama].append(Band(r.batas_bawah, r.label, r.warna or "#9e9e9e", r.inklusif))
    return dict(out)


def muat_periode(session: Session, kecamatan_ids: list[int], tahun: int) -> dict[int, Periode]:
    """The data of `tahun` (and the previous years' IKU and desa history) for each kecamatan."""
    if not kecamatan_ids:
        return {}
    kec = {r.id: r for r in session.execute(select(Kecamatan).where(Kecamatan.id.in_(kecamatan_ids))).scalars()}
    setelan = pengaturan.baca_banyak(session, list(kec))
    skala = muat_skala(session)
    indikator = _muat_indikator(session, list(kec), tahun)
    anggaran = _muat_anggaran(session, list(kec), tahun)
    skm = _muat_skm(session, list(kec), tahun)
    skm_lalu = _muat_skm_lalu(session, list(kec), tahun)
    desa = _muat_desa(session, list(kec), tahun)
    desa_rekap = _muat_desa_rekap(session, list(kec), tahun)
    impor = _muat_peringatan_impor(session, list(kec), tahun)
    return {
        kid: Periode(kecamatan_id=kid, kecamatan=k.nama, kabupaten=k.kabupaten, sintetis=k.sintetis, tahun=tahun,
                     setelan=setelan[kid], skala=skala, indikator=indikator.get(kid, []),
                     anggaran=anggaran.get(kid, []), skm=skm.get(kid, {}), desa=desa.get(kid, []),
                     peringatan_impor=impor.get(kid, []), desa_rekap=desa_rekap.get(kid, {}),
                     skm_lalu=skm_lalu.get(kid))
        for kid, k in kec.items()
    }


def muat_satu(session: Session, nama: str, tahun: int) -> Periode:
    k = cari_kecamatan(session, nama)
    return muat_periode(session, [k.id], tahun)[k.id]


def _muat_indikator(session: Session, kids: list[int], tahun: int) -> dict[int, list[IndikatorData]]:
    rows = session.execute(select(Indikator).where(Indikator.kecamatan_id.in_(kids))).scalars().all()
    per_id = {r.id: (r.kecamatan_id, IndikatorData(
        id=r.id, kode=r.kode, nama=r.nama, sasaran=r.sasaran, satuan=r.satuan, jenis=r.jenis,
        polaritas=r.polaritas, agregasi=r.agregasi, hitung=r.hitung, nol_per_nol=r.nol_per_nol,
        urutan=r.urutan)) for r in rows}
    if not per_id:
        return {}
    ids = list(per_id)
    for t in session.execute(select(Target).where(Target.indikator_id.in_(ids), Target.tahun <= tahun + 5)
                             .order_by(Target.tahun, Target.urutan_versi, Target.id)).scalars():
        per_id[t.indikator_id][1].target_versi.setdefault(t.tahun, []).append(TargetVersi(
            tahun=t.tahun, versi=t.versi, urutan_versi=t.urutan_versi, target=t.target,
            target_tw={1: t.target_tw1, 2: t.target_tw2, 3: t.target_tw3, 4: t.target_tw4},
            target_renstra=t.target_renstra, import_id=t.import_id))
    for r in session.execute(select(Realisasi).where(Realisasi.indikator_id.in_(ids), Realisasi.tahun <= tahun)
                             ).scalars():
        per_id[r.indikator_id][1].realisasi.setdefault(r.tahun, {})[r.triwulan] = RealisasiTw(
            r.nilai, r.keterangan, r.faktor_pendorong, r.faktor_penghambat, r.tindak_lanjut)
    out: dict[int, list[IndikatorData]] = defaultdict(list)
    for kid, ind in per_id.values():
        out[kid].append(ind)
    for lst in out.values():
        lst.sort(key=lambda i: (i.jenis != "iku", i.urutan, i.kode))
    return out


def _muat_anggaran(session: Session, kids: list[int], tahun: int) -> dict[int, list[Baris]]:
    rows = session.execute(select(Anggaran.id, Anggaran.kecamatan_id, Anggaran.kode, Anggaran.uraian,
                                  Anggaran.pagu_murni_sen, Anggaran.pagu_perubahan_sen, Anggaran.jenis_belanja,
                                  Anggaran.rencana_tw1_sen, Anggaran.rencana_tw2_sen, Anggaran.rencana_tw3_sen,
                                  Anggaran.rencana_tw4_sen)
                           .where(Anggaran.kecamatan_id.in_(kids), Anggaran.tahun == tahun)).all()
    per_id: dict[int, tuple[int, Baris]] = {}
    for r in rows:
        pagu = r.pagu_perubahan_sen if r.pagu_perubahan_sen is not None else r.pagu_murni_sen
        rencana = {1: r.rencana_tw1_sen, 2: r.rencana_tw2_sen, 3: r.rencana_tw3_sen, 4: r.rencana_tw4_sen}
        per_id[r.id] = (r.kecamatan_id, Baris(r.kode, r.uraian, pagu, {}, rencana, r.jenis_belanja))
    if per_id:
        q = (select(AnggaranRealisasi.anggaran_id, AnggaranRealisasi.triwulan, AnggaranRealisasi.jumlah_sen)
             .join(Anggaran, Anggaran.id == AnggaranRealisasi.anggaran_id)
             .where(Anggaran.kecamatan_id.in_(kids), Anggaran.tahun == tahun))
        for aid, tw, jumlah in session.execute(q).all():
            per_id[aid][1].realisasi_tw[tw] = jumlah
    out: dict[int, list[Baris]] = defaultdict(list)
    for kid, b in per_id.values():
        out[kid].append(b)
    return out


def _muat_skm(session: Session, kids: list[int], tahun: int) -> dict[int, dict[int, SkmTriwulan]]:
    out: dict[int, dict[int, SkmTriwulan]] = defaultdict(dict)
    cols = [getattr(SkmResponden, u.lower()) for u in UNSUR]
    q = (select(SkmResponden.kecamatan_id, SkmResponden.triwulan, func.count(),
                *[func.sum(c) for c in cols], *[func.count(c) for c in cols], func.max(SkmResponden.periode))
         .where(SkmResponden.kecamatan_id.in_(kids), SkmResponden.tahun == tahun)
         .group_by(SkmResponden.kecamatan_id, SkmResponden.triwulan))
    for row in session.execute(q).all():
        kid, tw, n = row[0], row[1], row[2]
        sums, counts = row[3:12], row[12:21]
        data = out[kid].setdefault(tw, SkmTriwulan())
        data.responden = n
        data.jumlah = {u: float(s) for u, s in zip(UNSUR, sums) if s is not None}
        data.terisi = {u: int(c) for u, c in zip(UNSUR, counts)}
        data.periode = row[21] or "triwulan"
    q = select(SkmRekap.kecamatan_id, SkmRekap.triwulan, SkmRekap.layanan, SkmRekap.unsur, SkmRekap.nilai,
               SkmRekap.responden, SkmRekap.periode).where(SkmRekap.kecamatan_id.in_(kids), SkmRekap.tahun == tahun)
    for kid, tw, layanan, unsur, nilai, responden, periode in session.execute(q).all():
        data = out[kid].setdefault(tw, SkmTriwulan())
        if not data.responden and periode:
            data.periode = periode
        if layanan:
            data.layanan.setdefault(layanan, {})[unsur] = nilai
            if responden is not None:
                data.layanan_responden[layanan] = max(data.layanan_responden.get(layanan, 0), responden)
            continue
        data.rekap[unsur] = nilai
        if responden is not None:
            data.rekap_responden = max(data.rekap_responden or 0, responden)
    return out


def _muat_skm_lalu(session: Session, kids: list[int], tahun: int) -> dict[int, tuple[str, tuple[int, ...]]]:
    """Per kecamatan, the kind of survey and its TWs in the latest of the three years before `tahun` that has
    SKM data: an office that surveyed once a year last year is expected to do so again (two grouped queries)."""
    per: dict[int, dict[int, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))
    for model in (SkmRekap, SkmResponden):
        q = (select(model.kecamatan_id, model.tahun, model.triwulan, func.max(model.periode))
             .where(model.kecamatan_id.in_(kids), model.tahun < tahun, model.tahun >= tahun - 3)
             .group_by(model.kecamatan_id, model.tahun, model.triwulan))
        for kid, th, tw, periode in session.execute(q).all():
            per[kid][th][tw] = periode or "triwulan"
    out = {}
    for kid, tahun_tw in per.items():
        tw = tahun_tw[max(tahun_tw)]
        jenis = {v for v in tw.values()}
        out[kid] = (jenis.pop() if len(jenis) == 1 else "triwulan", tuple(sorted(tw)))
    return out


def _muat_desa(session: Session, kids: list[int], tahun: int) -> dict[int, list[DesaBaris]]:
    desa = {r.id: DesaBaris(r.id, r.nama, r.kode, r.jenis, r.definitif) for r in
            session.execute(select(Desa).where(Desa.kecamatan_id.in_(kids))).scalars()}
    kec_of = dict(session.execute(select(Desa.id, Desa.kecamatan_id).where(Desa.kecamatan_id.in_(kids))).all())
    if desa:
        q = (select(DesaStatus).join(Desa, Desa.id == DesaStatus.desa_id)
             .where(Desa.kecamatan_id.in_(kids), DesaStatus.tahun <= tahun))
        for s in session.execute(q).scalars():
            desa[s.desa_id].status[s.tahun] = dict(
                skema=s.skema, skor=s.skor, status=s.status, **{d: getattr(s, d) for d in DIMENSI})
    out: dict[int, list[DesaBaris]] = defaultdict(list)
    for did, d in desa.items():
        out[kec_of[did]].append(d)
    for lst in out.values():
        lst.sort(key=lambda d: (d.jenis != "desa", d.nama))
    return out


def _muat_desa_rekap(session: Session, kids: list[int], tahun: int) -> dict[int, dict[int, dict[str, int]]]:
    out: dict[int, dict[int, dict[str, int]]] = defaultdict(dict)
    q = select(DesaRekap.kecamatan_id, DesaRekap.tahun, DesaRekap.status, DesaRekap.jumlah).where(
        DesaRekap.kecamatan_id.in_(kids), DesaRekap.tahun <= tahun)
    for kid, th, status, jumlah in session.execute(q).all():
        out[kid].setdefault(th, {})[status] = jumlah
    return out


def _muat_peringatan_impor(session: Session, kids: list[int], tahun: int) -> dict[int, list[dict]]:
    """File-level warnings of the live imports of the year: the kecamatan's own, and those of
    kabupaten-wide files (no single kecamatan) that wrote rows of the kecamatan.

    A file's warnings stand until a later successful import of the same dataset and scope (kecamatan,
    tahun, triwulan, as the import log records them) supersedes them: re-importing a file shows its
    warnings once, a corrected file clears them, and undoing the later import brings the earlier
    one's back. An SKM file imported in `tambah` mode adds to the quarter's responses instead of
    replacing them, so it supersedes nothing."""
    q = (select(ImportLog.id, ImportLog.kecamatan_id, ImportLog.dataset, ImportLog.nama_file, ImportLog.tahun,
                ImportLog.triwulan, ImportLog.peringatan, ImportLog.opsi)
         .where(or_(ImportLog.kecamatan_id.in_(kids), ImportLog.kecamatan_id.is_(None)),
                or_(ImportLog.tahun == tahun, ImportLog.tahun.is_(None)), ImportLog.status == "berhasil")
         .order_by(ImportLog.id))
    nama = dict(session.execute(select(Kecamatan.id, Kecamatan.nama).where(Kecamatan.id.in_(kids))).all())
    berlaku: dict[tuple, list] = {}  # (kecamatan, dataset, tahun, triwulan) -> the imports whose warnings stand
    for r in session.execute(q).all():
        opsi = json.loads(r.opsi or "{}")
        if r.kecamatan_id is not None:
            tujuan = [r.kecamatan_id]
        else:
            tujuan = sorted({item[0] for item in opsi.get("lingkup") or [] if item and item[0] in nama})
        for k in tujuan:
            lingkup = (k, r.dataset, r.tahun, r.triwulan)
            berlaku[lingkup] = (berlaku.get(lingkup, []) if opsi.get("mode") == "tambah" else []) + [r]
    out: dict[int, list[dict]] = defaultdict(list)
    for (k, *_), daftar in sorted(berlaku.items(), key=lambda x: x[1][0].id):
        for r in daftar:
            if r.peringatan in (None, "", "[]"):
                continue
            for w in json.loads(r.peringatan):
                if w.get("tahun", tahun) != tahun or w.get("kecamatan") not in (None, nama.get(k)):
                    continue
                out[k].append({**w, "import_id": r.id, "dataset": r.dataset, "nama_file": r.nama_file,
                               "triwulan": w.get("triwulan", r.triwulan)})
    return out
