"""The kabupaten's own PowerPoint template: checked on upload, stored in the `pengaturan` table.

One template serves every kecamatan (scope `kecamatan_id` 0). The file is kept base64-encoded in a
JSON value under `templat_pptx`; the settings log records who changed it and the file's name, size
and SHA-256, never its content. An uploaded file is untrusted: it is checked as a ZIP (size, entry
count, expansion) before python-pptx parses it, macro-enabled files are refused, and a trial deck
is built with it, so that an export never fails on a template that was accepted.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select
from sqlmodel import Session

from dashboard import format as fmt
from dashboard.akun import log_ubah, wajib
from models.tables import Pengaturan, utcnow

KUNCI = "templat_pptx"
LINGKUP = 0  # kecamatan_id 0: the kabupaten's setting, for every kecamatan
UKURAN_MAKS = 10 * 1024 * 1024
ISI_MAKS = 80 * 1024 * 1024  # uncompressed
ENTRI_MAKS = 3000
JENIS_PRESENTASI = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
SKEMA_TAUTAN = ("http://", "https://", "mailto:")  # hyperlinks a reader may click; nothing is fetched
JENIS_LUAR = {"image": "gambar", "oleObject": "objek", "video": "video", "audio": "audio", "media": "media"}


class TemplatError(ValueError):
    """A template that cannot be used; the message is for the user, in Indonesian."""


@dataclass(frozen=True)
class InfoTemplat:
    nama_file: str
    ukuran: int
    sha256: str
    tata_letak_judul: str
    tata_letak_isi: str
    rasio: str  # "16:9", "4:3", …
    diubah: datetime | None = None
    pengguna: str | None = None

    def ringkas(self) -> str:
        teks = (f"{self.nama_file} ({fmt.angka(self.ukuran / 1024, 0)} KB, {self.rasio}); tata letak "
                f"'{self.tata_letak_judul}' untuk salindia judul dan '{self.tata_letak_isi}' untuk isi")
        if self.diubah:
            teks += f"; diunggah {fmt.waktu(self.diubah)}" + (f" oleh {self.pengguna}" if self.pengguna else "")
        return teks


def periksa(isi: bytes, nama_file: str) -> InfoTemplat:
    """Check an uploaded template; TemplatError (Indonesian) when it cannot be used."""
    from pptx import Presentation

    from dashboard.ekspor.powerpoint import TataLetakError, dek_contoh, pilih_tata_letak

    if not nama_file.lower().endswith(".pptx"):
        raise TemplatError("Templat harus berkas PowerPoint .pptx (bukan .ppt, .pptm atau .potx).")
    if len(isi) > UKURAN_MAKS:
        raise TemplatError(f"Templat terlalu besar ({fmt.angka(len(isi) / 1024 / 1024, 1)} MB); paling besar "
                           f"{fmt.angka(UKURAN_MAKS / 1024 / 1024, 0)} MB. Hapus gambar besar dari templat.")
    _periksa_zip(isi)
    try:
        prs = Presentation(io.BytesIO(isi))
    except Exception:
        raise TemplatError("Berkas ini tidak dapat dibuka sebagai presentasi PowerPoint.") from None
    try:
        judul, isi_ = pilih_tata_letak(prs)
    except TataLetakError as exc:
        raise TemplatError(str(exc)) from None
    try:
        dek_contoh(isi)
    except Exception:
        raise TemplatError("Salindia contoh tidak dapat dibuat dengan templat ini; coba simpan ulang templat "
                           "dari PowerPoint sebagai .pptx biasa.") from None
    return InfoTemplat(nama_file=nama_file, ukuran=len(isi), sha256=hashlib.sha256(isi).hexdigest(),
                       tata_letak_judul=judul.name, tata_letak_isi=isi_.name,
                       rasio=_rasio(prs.slide_width, prs.slide_height))


def _periksa_zip(isi: bytes) -> None:
    if not isi.startswith(b"PK"):
        raise TemplatError("Berkas ini bukan berkas .pptx (isinya bukan arsip Office Open XML).")
    try:
        with zipfile.ZipFile(io.BytesIO(isi)) as z:
            entri = z.infolist()
            if len(entri) > ENTRI_MAKS:
                raise TemplatError("Templat berisi terlalu banyak bagian; berkas ini tidak wajar.")
            if sum(e.file_size for e in entri) > ISI_MAKS:
                raise TemplatError("Isi templat terlalu besar setelah dibuka; berkas ini tidak wajar.")
            nama = {e.filename for e in entri}
            if "[Content_Types].xml" not in nama:
                raise TemplatError("Berkas ini bukan berkas .pptx (tidak ada [Content_Types].xml).")
            if any(n.lower().endswith("vbaproject.bin") for n in nama):
                raise TemplatError("Templat berisi makro; simpan sebagai .pptx tanpa makro.")
            jenis = z.read("[Content_Types].xml")
    except zipfile.BadZipFile:
        raise TemplatError("Berkas .pptx ini rusak (arsipnya tidak dapat dibaca).") from None
    if JENIS_PRESENTASI.encode() not in jenis:
        raise TemplatError("Berkas ini bukan presentasi PowerPoint .pptx (mungkin templat .potx, berkas makro "
                           "atau dokumen Office lain).")
    luar = relasi_luar(isi)
    if luar:
        apa = ", ".join(f"{n} {j}" for j, n in sorted(Counter(luar).items()))
        raise TemplatError(f"Templat berisi {apa} yang ditautkan ke berkas atau alamat di luar templat (bukan "
                           "disisipkan). PowerPoint mengambilnya setiap kali dek dibuka, jadi templat ini tidak "
                           "dipakai. Sisipkan gambarnya langsung (Sisipkan › Gambar, tanpa 'Tautkan ke Berkas'), "
                           "simpan, lalu unggah lagi.")


def relasi_luar(isi: bytes) -> list[str]:
    """What in a .pptx points outside the file and would be fetched when the deck is opened (linked images,
    media, OLE objects: `TargetMode="External"` relationships), one kind name (`gambar`, …) per link.
    Hyperlinks a reader clicks (http, https, mailto) are not counted. A file whose relationship parts
    cannot be read counts as one link: it is not used."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    out = []
    try:
        with zipfile.ZipFile(io.BytesIO(isi)) as z:
            for e in z.infolist():
                if not e.filename.endswith(".rels"):
                    continue
                for rel in etree.fromstring(z.read(e), parser):
                    if rel.get("TargetMode") != "External":
                        continue
                    jenis = (rel.get("Type") or "").rsplit("/", 1)[-1]
                    if jenis == "hyperlink" and (rel.get("Target") or "").strip().lower().startswith(SKEMA_TAUTAN):
                        continue
                    out.append(JENIS_LUAR.get(jenis, "tautan"))
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, ValueError):
        return ["tautan"]
    return out


def _rasio(lebar: int, tinggi: int) -> str:
    for nama, r in (("16:9", 16 / 9), ("16:10", 16 / 10), ("4:3", 4 / 3)):
        if abs(lebar / tinggi - r) < 0.02:
            return nama
    return f"{fmt.angka(lebar / tinggi, 2)}:1"


def _baris(session: Session) -> Pengaturan | None:
    return session.execute(select(Pengaturan).where(Pengaturan.kecamatan_id == LINGKUP,
                                                    Pengaturan.kunci == KUNCI)).scalar_one_or_none()


def simpan(session: Session, isi: bytes, nama_file: str, *, pengguna: str) -> InfoTemplat:
    """Check and store the template for every kecamatan (replacing the previous one; admins only)."""
    p = wajib(pengguna, "templat", session=session)
    info = periksa(isi, nama_file)
    nilai = json.dumps({"nama_file": nama_file, "isi": base64.b64encode(isi).decode("ascii")})
    row = _baris(session)
    lama = _keterangan(row)
    if row is None:
        row = Pengaturan(kecamatan_id=LINGKUP, kunci=KUNCI, nilai=nilai, pengguna=p.nama)
    else:
        row.nilai, row.diubah, row.pengguna = nilai, utcnow(), p.nama
    session.add(row)
    log_ubah(session, p, "templat", LINGKUP, KUNCI, lama, f"{nama_file} ({info.ukuran} bita, SHA-256 {info.sha256})")
    return info


def hapus(session: Session, *, pengguna: str) -> bool:
    """Drop the template (the built-in design applies again); False when there was none."""
    p = wajib(pengguna, "templat", session=session)
    row = _baris(session)
    if row is None:
        return False
    log_ubah(session, p, "templat", LINGKUP, KUNCI, _keterangan(row), None)
    session.delete(row)
    return True


def _keterangan(row: Pengaturan | None) -> str | None:
    if row is None:
        return None
    try:
        return json.loads(row.nilai).get("nama_file")
    except (ValueError, AttributeError):
        return "templat tidak terbaca"


def _urai(row: Pengaturan | None) -> tuple[str, bytes] | None:
    if row is None:
        return None
    try:
        nilai = json.loads(row.nilai)
        return nilai["nama_file"], base64.b64decode(nilai["isi"], validate=True)
    except (ValueError, KeyError, TypeError, binascii.Error):
        return None


def baca(session: Session) -> bytes | None:
    """The stored template's bytes; None when there is none, or what is stored cannot be read or links to
    files outside it (a template stored before that was checked on upload)."""
    isi = _urai(_baris(session))
    return isi[1] if isi and not relasi_luar(isi[1]) else None


def info(session: Session) -> InfoTemplat | None:
    """What the settings page shows about the stored template."""
    row = _baris(session)
    isi = _urai(row)
    if isi is None:
        return None
    try:
        i = periksa(isi[1], isi[0])
    except TemplatError:
        return None
    diubah = row.diubah.replace(tzinfo=row.diubah.tzinfo or timezone.utc).astimezone()  # stored in UTC
    return InfoTemplat(**{**i.__dict__, "diubah": diubah, "pengguna": row.pengguna})
