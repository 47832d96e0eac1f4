"""The database tables.

Money is stored as integer *sen* (hundredths of a rupiah) so that sums are exact on every
database; ratios and scores are floats. Every row written by an import carries the id of that
import, so that the import log can say where a figure came from and undo can restore it.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import BigInteger, Column, LargeBinary, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Kecamatan(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    nama: str = Field(unique=True, index=True)
    kabupaten: str = Field(index=True)
    sintetis: bool = False


class Desa(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("kecamatan_id", "nama"),)
    id: int | None = Field(default=None, primary_key=True)
    kecamatan_id: int = Field(foreign_key="kecamatan.id", index=True)
    nama: str
    kode: str | None = None
    jenis: str = "desa"  # desa | kelurahan
    definitif: bool = True  # False = desa persiapan
    import_id: int | None = None


class DesaStatus(SQLModel, table=True):
    __tablename__ = "desa_status"
    __table_args__ = (UniqueConstraint("desa_id", "tahun"),)
    id: int | None = Field(default=None, primary_key=True)
    desa_id: int = Field(foreign_key="desa.id", index=True)
    tahun: int = Field(index=True)
    skema: str | None = None  # indeks_desa_2024 | idm_2016 as the file names it; None: the kecamatan's setting
    skor: float | None = None
    status: str | None = None
    layanan_dasar: float | None = None
    sosial: float | None = None
    ekonomi: float | None = None
    lingkungan: float | None = None
    aksesibilitas: float | None = None
    tata_kelola: float | None = None
    iks: float | None = None
    ike: float | None = None
    ikl: float | None = None
    import_id: int | None = None


class DesaRekap(SQLModel, table=True):
    """How many desa of a kecamatan had each status in a year, from a table of counts (no desa names)."""

    __tablename__ = "desa_rekap"
    __table_args__ = (UniqueConstraint("kecamatan_id", "tahun", "status", name="uq_desa_rekap_kunci"),)
    id: int | None = Field(default=None, primary_key=True)
    kecamatan_id: int = Field(foreign_key="kecamatan.id", index=True)
    tahun: int = Field(index=True)
    status: str  # Mandiri | Maju | Berkembang | Tertinggal | Sangat Tertinggal
    jumlah: int = 0
    import_id: int | None = None


class Indikator(SQLModel, table=True):
    """An indicator of one kecamatan; its targets live in `target` (per year and version)."""

    __table_args__ = (UniqueConstraint("kecamatan_id", "kode"),)
    id: int | None = Field(default=None, primary_key=True)
    kecamatan_id: int = Field(foreign_key="kecamatan.id", index=True)
    kode: str
    nama: str
    sasaran: str | None = None
    satuan: str | None = None
    jenis: str = "iku"  # iku | ik
    polaritas: str = "positif"  # positif | negatif
    agregasi: str = "terakhir"  # terakhir | jumlah | rata_rata
    hitung: str | None = None  # ikm | rasio_desa_mandiri: a figure the app can also compute
    nol_per_nol: float | None = None  # capaian when target and realisasi are both 0 (None: belum diukur)
    urutan: int = 0
    import_id: int | None = None


class Target(SQLModel, table=True):
    """One version of an indicator's targets for a year (PK, PK Perubahan, ...)."""

    __table_args__ = (UniqueConstraint("indikator_id", "tahun", "versi"),)
    id: int | None = Field(default=None, primary_key=True)
    indikator_id: int = Field(foreign_key="indikator.id", index=True)
    tahun: int = Field(index=True)
    versi: str = ""
    urutan_versi: int = 0  # higher = later; the latest version is the one in force
    target: float | None = None
    target_tw1: float | None = None
    target_tw2: float | None = None
    target_tw3: float | None = None
    target_tw4: float | None = None
    target_renstra: float | None = None
    import_id: int | None = None


class Realisasi(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("indikator_id", "tahun", "triwulan"),)
    id: int | None = Field(default=None, primary_key=True)
    indikator_id: int = Field(foreign_key="indikator.id", index=True)
    tahun: int = Field(index=True)
    triwulan: int
    nilai: float | None = None
    keterangan: str | None = Field(default=None, sa_column=Column(Text))
    faktor_pendorong: str | None = Field(default=None, sa_column=Column(Text))
    faktor_penghambat: str | None = Field(default=None, sa_column=Column(Text))
    tindak_lanjut: str | None = Field(default=None, sa_column=Column(Text))
    import_id: int | None = None


class Anggaran(SQLModel, table=True):
    """A budget line: a program/kegiatan/sub kegiatan code or a kode rekening, for a year."""

    __table_args__ = (UniqueConstraint("kecamatan_id", "tahun", "kode"),)
    id: int | None = Field(default=None, primary_key=True)
    kecamatan_id: int = Field(foreign_key="kecamatan.id", index=True)
    tahun: int = Field(index=True)
    kode: str
    uraian: str = Field(sa_column=Column(Text, nullable=False))
    pagu_murni_sen: int | None = Field(default=None, sa_column=Column(BigInteger))
    pagu_perubahan_sen: int | None = Field(default=None, sa_column=Column(BigInteger))
    jenis_belanja: str | None = None
    rencana_tw1_sen: int | None = Field(default=None, sa_column=Column(BigInteger))
    rencana_tw2_sen: int | None = Field(default=None, sa_column=Column(BigInteger))
    rencana_tw3_sen: int | None = Field(default=None, sa_column=Column(BigInteger))
    rencana_tw4_sen: int | None = Field(default=None, sa_column=Column(BigInteger))
    import_id: int | None = None


class AnggaranRealisasi(SQLModel, table=True):
    """Money spent on a budget line *in* a quarter (normalised: never cumulative)."""

    __tablename__ = "anggaran_realisasi"
    __table_args__ = (UniqueConstraint("anggaran_id", "triwulan"),)
    id: int | None = Field(default=None, primary_key=True)
    anggaran_id: int = Field(foreign_key="anggaran.id", index=True)
    triwulan: int
    jumlah_sen: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    import_id: int | None = None


class SkmResponden(SQLModel, table=True):
    __tablename__ = "skm_responden"
    id: int | None = Field(default=None, primary_key=True)
    kecamatan_id: int = Field(foreign_key="kecamatan.id", index=True)
    tahun: int = Field(index=True)
    triwulan: int
    id_responden: str | None = None
    tanggal: str | None = None
    layanan: str | None = None
    jenis_kelamin: str | None = None
    umur: int | None = None
    pendidikan: str | None = None
    pekerjaan: str | None = None
    periode: str = Field(default="triwulan", sa_column=Column(String, nullable=False, server_default="triwulan"))
    saran: str | None = Field(default=None, sa_column=Column(Text))
    u1: int | None = None
    u2: int | None = None
    u3: int | None = None
    u4: int | None = None
    u5: int | None = None
    u6: int | None = None
    u7: int | None = None
    u8: int | None = None
    u9: int | None = None
    import_id: int | None = Field(default=None, index=True)


class SkmRekap(SQLModel, table=True):
    """Per-unsur NRR of a quarter, or (unsur = 'IKM') the quarter's printed index; of the whole kecamatan
    (layanan '') or of one layanan. A semester or annual survey is stored in the TW it is shown in."""

    __tablename__ = "skm_rekap"
    __table_args__ = (UniqueConstraint("kecamatan_id", "tahun", "triwulan", "layanan", "unsur",
                                       name="uq_skm_rekap_kunci"),)
    id: int | None = Field(default=None, primary_key=True)
    kecamatan_id: int = Field(foreign_key="kecamatan.id", index=True)
    tahun: int = Field(index=True)
    triwulan: int
    layanan: str = Field(default="", sa_column=Column(String, nullable=False, server_default=""))
    periode: str = Field(default="triwulan", sa_column=Column(String, nullable=False, server_default="triwulan"))
    unsur: str  # U1..U9 or IKM
    nilai: float
    responden: int | None = None
    import_id: int | None = None


class Skala(SQLModel, table=True):
    """One band of a category scale; a scale is all bands that share a name."""

    __table_args__ = (UniqueConstraint("nama", "batas_bawah"),)
    id: int | None = Field(default=None, primary_key=True)
    nama: str = Field(index=True)
    batas_bawah: float
    inklusif: bool = True
    label: str
    warna: str | None = None
    import_id: int | None = None


class Pengaturan(SQLModel, table=True):
    """A setting; kecamatan_id 0 is the default for every kecamatan."""

    __table_args__ = (UniqueConstraint("kecamatan_id", "kunci"),)
    id: int | None = Field(default=None, primary_key=True)
    kecamatan_id: int = 0
    kunci: str
    nilai: str = Field(sa_column=Column(Text, nullable=False))
    diubah: datetime = Field(default_factory=utcnow)
    pengguna: str | None = None


class PengaturanLog(SQLModel, table=True):
    __tablename__ = "pengaturan_log"
    id: int | None = Field(default=None, primary_key=True)
    waktu: datetime = Field(default_factory=utcnow)
    pengguna: str
    kecamatan_id: int = 0
    kunci: str
    nilai_lama: str | None = Field(default=None, sa_column=Column(Text))
    nilai_baru: str | None = Field(default=None, sa_column=Column(Text))


class SkmJawaban(SQLModel, table=True):
    """Text answer of a questionnaire mapped to its score; unsur None = valid for every unsur."""

    __tablename__ = "skm_jawaban"
    __table_args__ = (UniqueConstraint("unsur", "teks"),)
    id: int | None = Field(default=None, primary_key=True)
    unsur: str | None = None
    teks: str
    skor: int


class Pemetaan(SQLModel, table=True):
    """A saved column mapping of the upload page: file header -> canonical column."""

    __table_args__ = (UniqueConstraint("nama", "dataset"),)
    id: int | None = Field(default=None, primary_key=True)
    nama: str
    dataset: str
    peta: str = Field(sa_column=Column(Text, nullable=False))  # JSON object
    dibuat: datetime = Field(default_factory=utcnow)


class ImportLog(SQLModel, table=True):
    __tablename__ = "import_log"
    id: int | None = Field(default=None, primary_key=True)
    waktu: datetime = Field(default_factory=utcnow, index=True)
    pengguna: str
    dataset: str
    nama_file: str
    sha256: str = Field(index=True)
    kecamatan_id: int | None = Field(default=None, index=True)
    tahun: int | None = None
    triwulan: int | None = None
    opsi: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # JSON
    status: str = "berhasil"  # berhasil | ditolak | dibatalkan
    baris_dibaca: int = 0
    baris_baru: int = 0
    baris_berubah: int = 0
    baris_tetap: int = 0
    baris_ditolak: int = 0
    galat: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON list
    peringatan: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON list
    isi_file: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    dibatalkan_pada: datetime | None = None


class ImportPerubahan(SQLModel, table=True):
    """What an import changed in one table: the rows as they were before it (None = it only added rows).

    `sebelum` is JSON {"kolom": [...], "baris": [[...], ...]}: every row the import updated or deleted, as it
    was. Rows the import added carry its import_id and are deleted on undo. `dari_impor` (JSON list) names the
    imports that had written the changed rows, so undo can refuse when a later import changed these rows.
    """

    __tablename__ = "import_perubahan"
    id: int | None = Field(default=None, primary_key=True)
    import_id: int = Field(foreign_key="import_log.id", index=True)
    tabel: str
    kunci: str = Field(index=True)  # JSON: the table and the scope (kecamatan, tahun, triwulan) touched
    sebelum: str | None = Field(default=None, sa_column=Column(Text))  # JSON of the old rows
    sesudah: str | None = Field(default=None, sa_column=Column(Text))  # JSON: counts of rows added/changed/deleted
    dari_impor: str | None = Field(default=None, sa_column=Column(Text))  # JSON list of import ids


# ---------------------------------------------------------------- accounts, sessions, audit (migration 0004)

class Pengguna(SQLModel, table=True):
    """An account: admin | operator | pimpinan. `hash_sandi` is an argon2 hash (never the password)."""

    id: int | None = Field(default=None, primary_key=True)
    nama: str = Field(unique=True, index=True)
    peran: str
    hash_sandi: str = Field(sa_column=Column(Text, nullable=False))
    email: str | None = Field(default=None, index=True)
    aktif: bool = True
    gagal: int = 0  # failed logins in a row
    terkunci_sampai: datetime | None = None
    dibuat: datetime = Field(default_factory=utcnow)


class PenggunaKecamatan(SQLModel, table=True):
    """The kecamatan an operator or a pimpinan may use; none for a pimpinan = every kecamatan (kabupaten)."""

    __tablename__ = "pengguna_kecamatan"
    pengguna_id: int = Field(foreign_key="pengguna.id", primary_key=True)
    kecamatan_id: int = Field(foreign_key="kecamatan.id", primary_key=True)


class SesiLogin(SQLModel, table=True):
    """A login: the SHA-256 of its random token (the token itself lives only in the browser's cookie)."""

    __tablename__ = "sesi_login"
    id: str = Field(primary_key=True)
    pengguna_id: int = Field(foreign_key="pengguna.id", index=True)
    dibuat: datetime = Field(default_factory=utcnow)
    terakhir: datetime = Field(default_factory=utcnow)
    alamat: str | None = None


class Audit(SQLModel, table=True):
    """The audit trail: one row per action, never updated or deleted by the application."""

    id: int | None = Field(default=None, primary_key=True)
    waktu: datetime = Field(default_factory=utcnow, index=True)
    pengguna: str = Field(index=True)
    peran: str | None = None
    alamat: str | None = None
    jenis: str = Field(index=True)
    hasil: str = "berhasil"  # berhasil | ditolak
    kecamatan_id: int | None = Field(default=None, index=True)
    uraian: str = Field(default="", sa_column=Column(Text, nullable=False))
    sebelum: str | None = Field(default=None, sa_column=Column(Text))
    sesudah: str | None = Field(default=None, sa_column=Column(Text))
