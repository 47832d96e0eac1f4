"""What an export is made of: one period's data, its summary, and the few extra reads the pages make.

`Bahan` is plain data, so that the builders (`buku_kerja`, `dek`, `zip_csv`) are pure functions:
the command line fills it with `kumpulkan()` in one session, the Laporan page from its cached readers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from dashboard.data import Periode


@dataclass
class Bahan:
    periode: Periode
    data: dict  # ringkasan(periode, triwulan), private keys included
    triwulan: int
    waktu: datetime  # when the export was made (local time)
    impor: list[dict] = field(default_factory=list)  # the import log behind the figures
    layanan: list[dict] = field(default_factory=list)  # raw SKM sums per layanan (analisis_skm.query_layanan)
    profil: list[dict] = field(default_factory=list)  # respondent profile counts (analisis_skm.query_profil)
    saran: list[dict] = field(default_factory=list)  # the respondents' saran (analisis_skm.query_saran)
    desa_kabupaten: list | None = None  # the kabupaten's Mandiri desa, where the kecamatan has none to compare with
    templat: bytes | None = None  # the kabupaten's own .pptx template, if one was uploaded
    kabupaten: object | None = None  # analisis_kabupaten.Perbandingan of the kecamatan's kabupaten (Kabupaten page)
    sebelumnya: dict | None = None  # ringkasan() s.d. the previous TW (TW IV of last year before TW I), if any

    @property
    def tahun(self) -> int:
        return self.periode.tahun

    @property
    def kecamatan(self) -> str:
        return self.periode.kecamatan


def baca_tambahan(session: Session, periode: Periode, triwulan: int) -> dict:
    """The reads beyond the period, its summary and the template, as keyword arguments of `Bahan`."""
    from dashboard import analisis_desa, analisis_kabupaten, analisis_skm
    from dashboard.data import kecamatan_list

    kid, tahun = periode.kecamatan_id, periode.tahun
    _, anggota = analisis_kabupaten.anggota(kecamatan_list(session), periode.kecamatan)
    kabupaten = analisis_kabupaten.bandingkan(
        analisis_kabupaten.muat_kabupaten(session, [k["id"] for k in anggota], tahun), triwulan, periode.kecamatan)
    desa_kabupaten = None
    if analisis_desa.perlu_pembanding_kabupaten(periode, tahun):
        desa_kabupaten = analisis_desa.desa_mandiri_kabupaten(session, periode.kabupaten, tahun,
                                                              analisis_desa.dimensi_skema(periode), kid)
    return {
        "kabupaten": kabupaten,
        "desa_kabupaten": desa_kabupaten,
        "sebelumnya": ringkasan_sebelumnya(session, periode, triwulan),
        "impor": riwayat_impor(session, kid, tahun),
        "layanan": analisis_skm.query_layanan(session, kid, tahun, triwulan),
        "profil": analisis_skm.query_profil(session, kid, tahun, triwulan),
        "saran": analisis_skm.query_saran(session, kid, tahun, triwulan),
    }


def ringkasan_sebelumnya(session: Session, periode: Periode, triwulan: int) -> dict | None:
    """The summary s.d. the previous TW, as the Ringkasan page compares with: TW n−1 of the same year, or
    TW IV of the year before for TW I (None when that year has no data)."""
    from dashboard.data import muat_satu, tahun_tersedia
    from dashboard.ringkasan import ringkasan, triwulan_sebelumnya

    tahun, tw = triwulan_sebelumnya(periode.tahun, triwulan)
    if tahun == periode.tahun:
        return ringkasan(periode, tw, dengan_peringatan=False)
    if tahun not in tahun_tersedia(session, periode.kecamatan_id):
        return None
    return ringkasan(muat_satu(session, periode.kecamatan, tahun), tw, dengan_peringatan=False)


def kumpulkan(session: Session, nama: str, tahun: int, triwulan: int, waktu: datetime | None = None) -> Bahan:
    """Everything an export of one kecamatan, year and TW needs, read in one session."""
    from dashboard.data import muat_satu
    from dashboard.ekspor import templat
    from dashboard.ringkasan import ringkasan

    periode = muat_satu(session, nama, tahun)
    return Bahan(periode=periode, data=ringkasan(periode, triwulan), triwulan=triwulan,
                 waktu=waktu or datetime.now().astimezone(), templat=templat.baca(session),
                 **baca_tambahan(session, periode, triwulan))


def riwayat_impor(session: Session, kecamatan_id: int, tahun: int) -> list[dict]:
    """The live imports of the kecamatan for the year (or without a year), oldest first."""
    from dashboard.impor import riwayat

    semua = riwayat(session, kecamatan_id=kecamatan_id, limit=100_000)
    return sorted((r for r in semua if r["status"] == "berhasil" and r["tahun"] in (None, tahun)),
                  key=lambda r: r["id"])
