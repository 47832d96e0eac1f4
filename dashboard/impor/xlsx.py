"""Reading an XLSX workbook for import without trusting it: bounded before parsing, streamed while parsing.

Before any XML is parsed, every ZIP member's declared size and compression ratio are checked (a workbook
bomb of a few MB that inflates to gigabytes is refused at once), and while a member is decompressed its
bytes are counted against what the archive declared (a lying header is refused too). Sheets are read in
one streaming pass that keeps only the current row: only rows present in the sheet's XML are produced
(a lone cell at row 1 048 576 costs one row, not a million), rows past Excel's limit are refused, the
number of rows walked is bounded, and the deadline of the whole check is looked at with every chunk read.

In the same pass, formula cells that carry no cached value (`<f>` without `<v>`, as written by programs
that do not calculate) are recorded, so that the import can name them instead of reading them as empty.
"""

from __future__ import annotations

import io
import math
import posixpath
import re
import zipfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Iterator

from dashboard.impor.galat import ImporError, Tenggat

ZIP_TOTAL_MAKS = 200 * 1024 * 1024  # bytes, all members uncompressed
RASIO_MAKS = 100  # uncompressed : compressed, per member
RASIO_DARI = 1024 * 1024  # members smaller than this are too small to be a bomb
ANGGOTA_MAKS = 5000
BARIS_EXCEL = 1_048_576
KOLOM_EXCEL = 16_384
ELEMEN_SEL_MAKS = 10_000  # XML elements inside one shared string (rich text runs)

_JENIS_REL = re.compile(r"/(worksheet|chartsheet|sharedStrings|styles|dialogsheet|macrosheet)$")
_SEL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?\d*$")


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:,.0f}".replace(",", ".")


def _lokal(tag: str) -> str:
    return tag.rpartition("}")[2]


class _Terhitung(io.RawIOBase):
    """A ZIP member's stream that counts what it yields against what the archive declared, and looks at the
    check's deadline with every chunk. (CPython's zipfile itself stops at the declared size and then fails on
    the CRC, which the sheet reader turns into 'rusak'; the count keeps that guarantee here, whatever reads.)"""

    def __init__(self, f, nama: str, dinyatakan: int, tenggat: Tenggat | None, nama_file: str):
        self.f, self.nama, self.dinyatakan, self.tenggat, self.nama_file = f, nama, dinyatakan, tenggat, nama_file
        self.n = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self.tenggat is not None:
            self.tenggat.cek()
        data = self.f.read(size if size is not None and size >= 0 else 64 * 1024)
        self.n += len(data)
        if self.n > self.dinyatakan:
            raise ImporError(f"Berkas '{self.nama_file}' ditolak: bagian '{self.nama}' ternyata lebih besar daripada "
                             "ukuran yang tertulis di arsipnya (arsip rusak atau sengaja dibuat menipu).")
        return data

    def readinto(self, b) -> int:
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def close(self) -> None:
        self.f.close()
        super().close()


@dataclass
class Lembar:
    nama: str
    path: str | None  # None: a chart sheet (or a sheet the workbook lists without a part)
    tabel: bool = True


@dataclass
class Buku:
    """An opened workbook: its sheets, styles and (read on first use) shared strings."""

    z: zipfile.ZipFile
    nama_file: str
    lembar: list[Lembar]
    tenggat: Tenggat | None = None
    epoch_1904: bool = False
    path_teks: str | None = None
    persen: set[int] = field(default_factory=set)
    tanggal: set[int] = field(default_factory=set)
    durasi: set[int] = field(default_factory=set)
    _teks: list[str] | None = None
    rumus_kosong: list[tuple[int, int]] = field(default_factory=list)  # (row, column) of formulas without a value
    rumus_kosong_lain: int = 0

    def tutup(self) -> None:
        self.z.close()

    def _buka(self, path: str):
        info = self.z.getinfo(path)
        return _Terhitung(self.z.open(info), path, info.file_size, self.tenggat, self.nama_file)

    def _xml(self, path: str) -> ET.Element | None:
        """A small part (workbook, relationships, styles) parsed whole; None when the archive has no such part."""
        if path not in self.z.NameToInfo:
            return None
        with self._buka(path) as f:
            return ET.parse(f).getroot()

    # ------------------------------------------------------------ shared strings

    def teks_bersama(self) -> list[str]:
        if self._teks is None:
            self._teks = self._baca_teks() if self.path_teks else []
        return self._teks

    def _baca_teks(self) -> list[str]:
        """The shared-string table, streamed: each `<si>` read and dropped, equal strings stored once."""
        out: list[str] = []
        unik: dict[str, str] = {}
        tumpuk: list[ET.Element] = []
        dalam = 0  # elements inside the current <si>
        with self._buka(self.path_teks) as f:
            for ev, el in ET.iterparse(f, events=("start", "end")):
                if ev == "start":
                    tumpuk.append(el)
                    if len(tumpuk) > 2:
                        dalam += 1
                        if dalam > ELEMEN_SEL_MAKS:
                            raise ImporError(f"Berkas '{self.nama_file}' rusak: tabel teksnya tidak wajar.")
                    else:
                        dalam = 0
                    continue
                tumpuk.pop()
                if len(tumpuk) == 1:  # a child of <sst>: read it, then drop it
                    if _lokal(el.tag) == "si":
                        t = _teks_kaya(el)
                        out.append(unik.setdefault(t, t))
                    tumpuk[0].remove(el)
        return out

    # ------------------------------------------------------------ rows

    def baris(self, lembar: Lembar, kolom_maks: int, baris_maks: int) -> Iterator[tuple[int, list]]:
        """(row number, cell values) of every row of the sheet that has a value, in one streaming pass.

        Only end events are handled (the cheapest way through ElementTree): a row is read when it closes and
        then cleared, and the elements a row may hold are counted as they close, so that neither one absurdly
        wide row nor a flood of elements outside the rows can pile up in memory.
        """
        teks = self.teks_bersama()
        nomor = 0
        dijalani = 0
        sel_baris = 0  # cells of the row being parsed
        lain = 0  # other elements since the last row
        with self._buka(lembar.path) as f:
            for _, el in ET.iterparse(f):
                tag = el.tag
                if tag[-2:] == "}c":
                    sel_baris += 1
                    if sel_baris > KOLOM_EXCEL:
                        raise ImporError(f"Lembar '{lembar.nama}' di '{self.nama_file}' rusak: satu baris berisi "
                                         f"lebih dari {KOLOM_EXCEL:,} sel.".replace(",", "."))
                    continue
                if tag[-4:] != "}row":
                    lain += 1
                    if lain > ELEMEN_SEL_MAKS * 20:
                        if _lokal(tag) == "sheetData":
                            return
                        raise ImporError(f"Lembar '{lembar.nama}' di '{self.nama_file}' rusak: susunan XML-nya tidak "
                                         "wajar.")
                    if tag[-10:] == "}sheetData":
                        return
                    continue
                sel_baris = lain = 0
                r = el.get("r")
                try:
                    nomor = int(r) if r else nomor + 1
                except ValueError:
                    raise ImporError(f"Lembar '{lembar.nama}' di '{self.nama_file}' rusak: nomor baris "
                                     f"'{r[:20]}' tidak sah.") from None
                if not 1 <= nomor <= BARIS_EXCEL:
                    raise ImporError(f"Lembar '{lembar.nama}' di '{self.nama_file}' rusak: nomor baris "
                                     f"{nomor:,} di luar batas Excel (1–{BARIS_EXCEL:,}).".replace(",", "."))
                dijalani += 1
                if dijalani > baris_maks:
                    raise ImporError(f"Berkas '{self.nama_file}' berisi lebih dari {baris_maks:,} baris; bagi "
                                     "menjadi beberapa berkas.".replace(",", "."))
                nilai: list = []
                kolom = 0
                for c in el:
                    kolom = _kolom(c.get("r"), kolom, lembar.nama, self.nama_file, nomor)
                    if kolom > kolom_maks:
                        continue
                    v = self._nilai(c, teks, nomor, kolom)
                    if v is None:
                        continue
                    if kolom > len(nilai):
                        if kolom > len(nilai) + 1:
                            nilai.extend([None] * (kolom - 1 - len(nilai)))
                        nilai.append(v)
                    else:
                        nilai[kolom - 1] = v
                el.clear()
                if nilai:
                    yield nomor, nilai

    def _nilai(self, c: ET.Element, teks: list[str], nomor: int, kolom: int):
        """A cell's value as the user sees it (percentages × 100, dates as ISO text, booleans ya/tidak)."""
        t = c.get("t")
        v = None
        rumus = False
        sebaris = None
        for anak in c:
            akhir = anak.tag[-2:]
            if akhir == "}v":
                v = anak.text or ""
            elif akhir == "}f":
                rumus = True
            elif anak.tag[-3:] == "}is":
                sebaris = anak
        if v is None:
            if t == "inlineStr":
                return (_teks_kaya(sebaris) or None) if sebaris is not None else None
            if rumus:
                if len(self.rumus_kosong) < 5000:
                    self.rumus_kosong.append((nomor, kolom))
                else:
                    self.rumus_kosong_lain += 1
            return None
        if v == "":
            return None
        if t is None or t == "n":
            return self._angka(v, c.get("s"))
        if t == "s":
            try:
                return teks[int(v)]
            except (ValueError, IndexError):
                raise ImporError(f"Berkas '{self.nama_file}' rusak: sel {ref_sel(nomor, kolom)} merujuk teks yang "
                                 "tidak ada.") from None
        if t in ("str", "e", "inlineStr"):
            return v
        if t == "b":
            return "ya" if v.strip() in ("1", "true") else "tidak"
        if t == "d":
            return _teks_waktu(_iso(v)) or v
        return self._angka(v, c.get("s"))

    def _angka(self, v: str, gaya: str | None):
        if len(v) > 18 and v.lstrip("+-").isdigit():
            return v.strip()  # more digits than any figure has: kept as written, the number columns say why
        try:
            x = int(v) if v.isdigit() else float(v)
        except ValueError:
            return v.strip()
        if isinstance(x, float) and not math.isfinite(x):
            return v.strip()  # NaN / inf as written: an error in a number column, never an empty cell
        s = int(gaya) if gaya and gaya.isdigit() else 0
        if s in self.persen:
            y = x * 100
            return round(y, 10) if math.isfinite(y) else v.strip()
        if s in self.tanggal:
            from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

            try:
                d = from_excel(x, MAC_EPOCH if self.epoch_1904 else WINDOWS_EPOCH, timedelta=s in self.durasi)
            except (OverflowError, ValueError, ArithmeticError):
                return x
            return _teks_waktu(d)
        return x


def _teks_kaya(el: ET.Element) -> str:
    """The text of a shared or inline string: plain `<t>` or rich-text runs, phonetic runs left out."""
    bagian = []
    for anak in el:
        nama = _lokal(anak.tag)
        if nama == "t":
            bagian.append(anak.text or "")
        elif nama == "r":
            for t in anak:
                if _lokal(t.tag) == "t":
                    bagian.append(t.text or "")
    return "".join(bagian).replace("_x005F_", "_")


def _iso(v: str):
    from openpyxl.utils.datetime import from_ISO8601

    try:
        return from_ISO8601(v)
    except (ValueError, TypeError, OverflowError):
        return None


def _teks_waktu(d):
    if isinstance(d, datetime):
        return d.date().isoformat() if d.time() == time(0) else d.isoformat(sep=" ")
    if isinstance(d, (date, time)):
        return d.isoformat()
    if isinstance(d, timedelta):
        return str(d)
    return d


_KOLOM_HURUF: dict[str, int] = {}


def _kolom(ref: str | None, sebelumnya: int, lembar: str, nama_file: str, nomor: int) -> int:
    """The column of a cell from its address (`AB12` → 28); without an address, the one after the previous."""
    if not ref:
        return sebelumnya + 1
    huruf = ref.rstrip("0123456789")
    n = _KOLOM_HURUF.get(huruf)
    if n is not None:
        return n
    m = _SEL_REF.match(ref)
    if m is None:
        raise ImporError(f"Lembar '{lembar}' di '{nama_file}' rusak: alamat sel '{ref[:20]}' di baris "
                         f"{nomor:,} tidak sah.".replace(",", "."))
    n = 0
    for ch in m.group(1).upper():
        n = n * 26 + ord(ch) - 64
    if n > KOLOM_EXCEL:
        raise ImporError(f"Lembar '{lembar}' di '{nama_file}' rusak: kolom '{m.group(1)}' di luar batas Excel.")
    if len(_KOLOM_HURUF) < 20_000:
        _KOLOM_HURUF[huruf] = n
    return n


def ref_sel(baris: int, kolom: int) -> str:
    """The cell's address as Excel shows it: (7, 4) → 'D7'."""
    huruf = ""
    while kolom:
        kolom, sisa = divmod(kolom - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return f"{huruf}{baris}"


# ------------------------------------------------------------------ opening

def periksa_arsip(z: zipfile.ZipFile, nama_file: str) -> None:
    """Refuse an archive whose members would inflate past the limits, before anything is decompressed."""
    info = z.infolist()
    if len(info) > ANGGOTA_MAKS:
        raise ImporError(f"Berkas '{nama_file}' ditolak: arsipnya berisi {len(info):,} bagian; berkas Excel biasa "
                         f"berisi beberapa puluh.".replace(",", "."))
    total = 0
    for i in info:
        total += i.file_size
        if i.file_size > RASIO_DARI and i.file_size > RASIO_MAKS * max(i.compress_size, 1):
            rasio = i.file_size // max(i.compress_size, 1)
            raise ImporError(f"Berkas '{nama_file}' ditolak: bagian '{i.filename[:60]}' mengembang {rasio:,} kali "
                             f"lipat saat dibuka (paling banyak {RASIO_MAKS} kali). Berkas ini tampak seperti bom "
                             "arsip; simpan ulang dari Excel atau sebagai CSV.".replace(",", "."))
    if total > ZIP_TOTAL_MAKS:
        raise ImporError(f"Berkas '{nama_file}' ditolak: isinya {_mb(total)} MB setelah dibuka (paling banyak "
                         f"{_mb(ZIP_TOTAL_MAKS)} MB). Bagi menjadi beberapa berkas atau simpan sebagai CSV.")


def _sasaran(asal: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(asal), target))


def buka(z: zipfile.ZipFile, nama_file: str, tenggat: Tenggat | None) -> Buku:
    """The workbook's sheets and styles (the archive already checked by `periksa_arsip`)."""
    buku = Buku(z, nama_file, [], tenggat)
    akar = buku._xml("xl/workbook.xml")
    rels = buku._xml("xl/_rels/workbook.xml.rels")
    target: dict[str, tuple[str, str]] = {}
    for r in (rels if rels is not None else []):
        m = _JENIS_REL.search(r.get("Type") or "")
        if m and r.get("Target"):
            target[r.get("Id")] = (m.group(1), _sasaran("xl/workbook.xml", r.get("Target")))
    for jenis, path in target.values():
        if jenis == "sharedStrings" and path in z.NameToInfo:
            buku.path_teks = path
        elif jenis == "styles":
            _gaya(buku, path)
    if buku.path_teks is None and "xl/sharedStrings.xml" in z.NameToInfo:
        buku.path_teks = "xl/sharedStrings.xml"
    if not buku.persen and not buku.tanggal and "xl/styles.xml" in z.NameToInfo and \
            not any(j == "styles" for j, _ in target.values()):
        _gaya(buku, "xl/styles.xml")
    for el in akar.iter():
        nama = _lokal(el.tag)
        if nama == "workbookPr":
            buku.epoch_1904 = (el.get("date1904") or "").lower() in ("1", "true")
        elif nama == "sheet":
            rid = next((v for k, v in el.attrib.items() if _lokal(k) == "id"), None)
            jenis, path = target.get(rid, (None, None))
            if jenis == "worksheet" and path in z.NameToInfo:
                buku.lembar.append(Lembar(el.get("name") or "", path))
            else:
                buku.lembar.append(Lembar(el.get("name") or "", None, tabel=False))
    return buku


def _gaya(buku: Buku, path: str) -> None:
    """Which cell styles show a percentage, a date or a duration (the number formats of `styles.xml`)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

    akar = buku._xml(path)
    if akar is None:
        return
    sendiri: dict[int, str] = {}
    xf: list[int] = []
    for el in akar:
        nama = _lokal(el.tag)
        if nama == "numFmts":
            for f in el:
                try:
                    sendiri[int(f.get("numFmtId"))] = f.get("formatCode") or ""
                except (TypeError, ValueError):
                    continue
        elif nama == "cellXfs":
            for f in el:
                try:
                    xf.append(int(f.get("numFmtId") or 0))
                except ValueError:
                    xf.append(0)
    for i, nf in enumerate(xf):
        kode = sendiri.get(nf, BUILTIN_FORMATS.get(nf, "General"))
        if "%" in kode:
            buku.persen.add(i)
        elif is_date_format(kode):
            buku.tanggal.add(i)
            if is_timedelta_format(kode):
                buku.durasi.add(i)
