"""Settings: defaults here, overrides in the `pengaturan` table (kecamatan 0 = every kecamatan)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from dashboard import desa as desa_f
from dashboard.akun import log_ubah, wajib
from dashboard import efisiensi as efisiensi_f
from dashboard import skm as skm_f
from dashboard.skala import DEFAULT_SKALA
from models.tables import Kecamatan, Pengaturan, Skala, utcnow

# The write locks (models.db.kunci_tulis) of a transaction that changes settings, scales, master data or the
# deck template: such writes run one after the other, and after any scale import running at the time.
KUNCI_TULIS = [("pengaturan", None), ("skala", None)]

DEFAULTS: dict[str, str] = {
    "skala_capaian": DEFAULT_SKALA,
    "skala_serapan": DEFAULT_SKALA,
    "efisiensi_metode": efisiensi_f.DEFAULT_METODE,
    "bobot_ikm": "1/9",
    "skema_desa": "indeks_desa_2024",
    "batas_capaian": "none",
    "ambang_indeks_desa_2024": json.dumps(desa_f.SKEMA["indeks_desa_2024"][1]),
    "ambang_idm_2016": json.dumps(desa_f.SKEMA["idm_2016"][1]),
    "unsur_label": json.dumps(skm_f.LABEL_UNSUR, ensure_ascii=False),
    "unsur_urutan": json.dumps(list(skm_f.UNSUR)),
    "skm_populasi": "",
    "ukuran_file_maks_mb": "20",
}
PENJELASAN = {
    "skala_capaian": "Skala kategori untuk capaian IKU",
    "skala_serapan": "Skala kategori untuk serapan anggaran",
    "efisiensi_metode": "Metode efisiensi: tanah_laut, selisih atau rasio",
    "bobot_ikm": "Bobot NRR dalam IKM: 1/9 (tepat) atau 0.111 (seperti laporan lama)",
    "skema_desa": "Skema status desa: indeks_desa_2024 atau idm_2016",
    "batas_capaian": "Batas capaian saat dirata-ratakan: none, 100 atau 120",
    "ambang_indeks_desa_2024": "Ambang status Indeks Desa 2024 (JSON)",
    "ambang_idm_2016": "Ambang status IDM 2016 (JSON)",
    "unsur_label": "Label unsur SKM U1..U9 (JSON)",
    "unsur_urutan": "Urutan tampil unsur SKM (JSON)",
    "skm_populasi": "Jumlah pengguna layanan per tahun (untuk sampel minimum SKM)",
    "ukuran_file_maks_mb": "Ukuran berkas unggahan maksimum (MB)",
}


UKURAN_SERVER_MB = 100  # server.maxUploadSize in .streamlit/config.toml: no upload can be larger


class PengaturanError(ValueError):
    """A setting value that is not allowed; the message is for the user, in Indonesian."""


@dataclass(frozen=True)
class Setelan:
    """The settings in force for one kecamatan, parsed."""

    skala_capaian: str
    skala_serapan: str
    efisiensi_metode: str
    bobot_ikm: str
    skema_desa: str
    batas_capaian: str
    ambang_desa: tuple
    unsur_label: dict
    unsur_urutan: tuple
    skm_populasi: int | None
    ukuran_file_maks_mb: float
    mentah: dict

    def ambang_skema(self, skema: str) -> tuple:
        """The status thresholds in force for a scheme (setting `ambang_<skema>`), whichever scheme is chosen."""
        if skema == self.skema_desa:
            return self.ambang_desa
        teks = self.mentah.get(f"ambang_{skema}") or DEFAULTS[f"ambang_{skema}"]
        return tuple(tuple(x) for x in json.loads(teks))


def _parse(raw: dict[str, str]) -> Setelan:
    skema = raw["skema_desa"]
    ambang = tuple(tuple(x) for x in json.loads(raw[f"ambang_{skema}"]))
    label = {**skm_f.LABEL_UNSUR, **json.loads(raw["unsur_label"])}
    populasi = raw.get("skm_populasi") or ""
    return Setelan(
        skala_capaian=raw["skala_capaian"], skala_serapan=raw["skala_serapan"],
        efisiensi_metode=raw["efisiensi_metode"], bobot_ikm=raw["bobot_ikm"], skema_desa=skema,
        batas_capaian=raw["batas_capaian"], ambang_desa=ambang, unsur_label=label,
        unsur_urutan=tuple(json.loads(raw["unsur_urutan"])),
        skm_populasi=int(populasi) if populasi.strip() else None,
        ukuran_file_maks_mb=float(raw["ukuran_file_maks_mb"]), mentah=dict(raw))


def baca_mentah(session: Session, kecamatan_ids: list[int]) -> dict[int, dict[str, str]]:
    """Raw settings per kecamatan (defaults, then global overrides, then the kecamatan's own).

    Only the keys of DEFAULTS: other rows of the table (the deck template, a file) are read by their owners.
    """
    rows = session.execute(select(Pengaturan.kecamatan_id, Pengaturan.kunci, Pengaturan.nilai)
                           .where(Pengaturan.kecamatan_id.in_([0, *kecamatan_ids]),
                                  Pengaturan.kunci.in_(list(DEFAULTS)))).all()
    umum = {k: v for kid, k, v in rows if kid == 0}
    out = {}
    for kid in kecamatan_ids:
        out[kid] = {**DEFAULTS, **umum, **{k: v for rk, k, v in rows if rk == kid}}
    return out


def baca(session: Session, kecamatan_id: int | None) -> Setelan:
    kid = kecamatan_id or 0
    return _parse(baca_mentah(session, [kid])[kid])


def baca_banyak(session: Session, kecamatan_ids: list[int]) -> dict[int, Setelan]:
    return {kid: _parse(raw) for kid, raw in baca_mentah(session, kecamatan_ids).items()}


def validasi(session: Session, kunci: str, nilai: str) -> str:
    """The normalised value, or PengaturanError with an Indonesian message."""
    if kunci not in DEFAULTS:
        raise PengaturanError(f"Pengaturan '{kunci}' tidak dikenal. Yang ada: {', '.join(sorted(DEFAULTS))}.")
    nilai = str(nilai).strip()
    pilihan = {
        "efisiensi_metode": tuple(efisiensi_f.METODE),
        "bobot_ikm": tuple(skm_f.BOBOT),
        "skema_desa": tuple(desa_f.SKEMA),
        "batas_capaian": ("none", "100", "120"),
    }
    if kunci in pilihan:
        if kunci == "bobot_ikm" and nilai in {"0,111", "0.111"}:
            nilai = "0.111"
        if nilai not in pilihan[kunci]:
            raise PengaturanError(f"Nilai '{nilai}' tidak boleh untuk {kunci}; pilih salah satu: "
                                  f"{', '.join(pilihan[kunci])}.")
        return nilai
    if kunci in {"skala_capaian", "skala_serapan"}:
        ada = session.execute(select(Skala.id).where(Skala.nama == nilai).limit(1)).first()
        if not ada:
            raise PengaturanError(f"Skala '{nilai}' belum ada. Buat atau impor skala itu lebih dulu.")
        return nilai
    if kunci.startswith("ambang_"):
        return _validasi_ambang(nilai)
    if kunci == "unsur_label":
        try:
            data = json.loads(nilai)
        except json.JSONDecodeError as exc:
            raise PengaturanError(f"Label unsur harus JSON: {exc.msg}.") from None
        if not isinstance(data, dict) or set(data) - set(skm_f.UNSUR) or not all(
                isinstance(v, str) and v.strip() for v in data.values()):
            raise PengaturanError("Label unsur harus berupa pasangan U1..U9 dengan teks yang tidak kosong.")
        return json.dumps({k: v.strip() for k, v in data.items()}, ensure_ascii=False)
    if kunci == "unsur_urutan":
        try:
            data = json.loads(nilai)
        except json.JSONDecodeError as exc:
            raise PengaturanError(f"Urutan unsur harus JSON: {exc.msg}.") from None
        if not isinstance(data, list) or sorted(data) != sorted(skm_f.UNSUR):
            raise PengaturanError("Urutan unsur harus memuat U1..U9 masing-masing tepat sekali.")
        return json.dumps(data)
    if kunci == "skm_populasi":
        if nilai == "":
            return ""
        if not nilai.isdigit() or int(nilai) <= 0:
            raise PengaturanError("Jumlah pengguna layanan harus bilangan bulat positif.")
        return str(int(nilai))
    if kunci == "ukuran_file_maks_mb":
        try:
            mb = float(nilai.replace(",", "."))
        except ValueError:
            raise PengaturanError("Ukuran berkas maksimum harus angka (MB).") from None
        if not 0 < mb <= UKURAN_SERVER_MB:
            raise PengaturanError(f"Ukuran berkas maksimum harus antara 0 dan {UKURAN_SERVER_MB} MB "
                                  "(batas unggahan server, .streamlit/config.toml).")
        return f"{mb:g}"
    return nilai


def _validasi_ambang(nilai: str) -> str:
    try:
        data = json.loads(nilai)
    except json.JSONDecodeError as exc:
        raise PengaturanError(f"Ambang harus JSON: {exc.msg}.") from None
    statuses = set()
    try:
        rows = [(float(b), bool(i), str(s)) for b, i, s in data]
    except (TypeError, ValueError):
        raise PengaturanError("Ambang harus daftar [batas, inklusif, status].") from None
    for _, _, s in rows:
        if s not in desa_f.STATUS[:-1]:
            raise PengaturanError(f"Status '{s}' tidak dikenal dalam ambang.")
        statuses.add(s)
    if statuses != set(desa_f.STATUS[:-1]):
        raise PengaturanError("Ambang harus memuat Mandiri, Maju, Berkembang dan Tertinggal.")
    urut = sorted(rows, key=lambda r: desa_f.STATUS.index(r[2]))
    if any(a[0] <= b[0] for a, b in zip(urut, urut[1:])):
        raise PengaturanError("Ambang harus menurun dari Mandiri ke Tertinggal.")
    return json.dumps(urut)


def simpan(session: Session, kunci: str, nilai: str, *, kecamatan_id: int = 0, pengguna: str) -> str:
    """Validate, store and log one setting (admins only); returns the stored value."""
    p = wajib(pengguna, "pengaturan", kecamatan_id or None, session=session)
    nilai = validasi(session, kunci, nilai)
    row = session.execute(select(Pengaturan).where(Pengaturan.kecamatan_id == kecamatan_id,
                                                   Pengaturan.kunci == kunci)).scalar_one_or_none()
    lama = row.nilai if row else None
    if lama == nilai:
        return nilai
    if row is None:
        row = Pengaturan(kecamatan_id=kecamatan_id, kunci=kunci, nilai=nilai, pengguna=p.nama)
    else:
        row.nilai, row.diubah, row.pengguna = nilai, utcnow(), p.nama
    session.add(row)
    log_ubah(session, p, "pengaturan", kecamatan_id, kunci, lama, nilai)
    return nilai


def hapus(session: Session, kunci: str, *, kecamatan_id: int, pengguna: str) -> None:
    """Drop a kecamatan's own value, so that the common one applies again (admins only)."""
    p = wajib(pengguna, "pengaturan", kecamatan_id or None, session=session)
    row = session.execute(select(Pengaturan).where(Pengaturan.kecamatan_id == kecamatan_id,
                                                   Pengaturan.kunci == kunci)).scalar_one_or_none()
    if row is not None:
        log_ubah(session, p, "pengaturan", kecamatan_id, kunci, row.nilai, None)
        session.delete(row)


def kecamatan_id(session: Session, nama: str | None) -> int:
    if not nama:
        return 0
    kid = session.execute(select(Kecamatan.id).where(Kecamatan.nama == nama)).scalar_one_or_none()
    if kid is None:
        raise PengaturanError(f"Kecamatan '{nama}' tidak ada.")
    return kid
