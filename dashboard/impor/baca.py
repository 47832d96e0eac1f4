"""Reading an uploaded file into rows of cells: CSV (encoding and separator detected) or XLSX.

Hostile input is refused here with an Indonesian `ImporError` before any row is interpreted: binary
data, archives that are not workbooks (or that inflate too far, see `xlsx`), old `.xls`, empty files,
absurdly wide or long tables, absurdly long lines. Rows are streamed, so that only the columns of the
table are kept in memory, and the reading loops look at the check's deadline (`Tenggat`).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Iterator

from dashboard.impor.galat import ImporError, Tenggat
from dashboard.impor.kolom import Pencocok

KOLOM_MAKS = 1000
BARIS_MAKS = 300_000
BARIS_CARI_JUDUL = 30
PANJANG_BARIS_MAKS = 2 * 1024 * 1024  # characters in one line of a CSV file
WAKTU_MAKS = 120.0  # seconds for a file's whole check (reading, mapping, validating)

csv.field_size_limit(PANJANG_BARIS_MAKS)


@dataclass
class Sumber:
    """An opened file: its format and a stream of (row number as the user sees it, cells)."""

    jenis: str  # csv | xlsx
    baris: Iterator[tuple[int, list]]
    encoding: str | None = None
    pemisah: str | None = None
    lembar: str | None = None
    lembar_ada: list[str] = field(default_factory=list)
    tutup: callable = lambda: None
    buku: object | None = None  # the XLSX workbook (`xlsx.Buku`: formulas without a cached value)
    peringatan: list[dict] = field(default_factory=list)  # what reading the file found (mixed encodings)


_MAGIC = [
    (b"%PDF", "dokumen PDF"),
    (b"\x89PNG", "gambar PNG"),
    (b"\xff\xd8\xff", "gambar JPEG"),
    (b"GIF8", "gambar GIF"),
    (b"\x1f\x8b", "arsip GZIP"),
    (b"7z\xbc\xaf", "arsip 7z"),
    (b"Rar!", "arsip RAR"),
    (b"MZ", "program Windows"),
    (b"\x7fELF", "program"),
]


def buka(isi: bytes, nama_file: str, lembar: str | None = None, tenggat: Tenggat | None = None) -> Sumber:
    if not isi or not isi.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise ImporError(f"Berkas '{nama_file}' kosong.")
    if isi.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImporError(f"Berkas '{nama_file}' berformat Excel lama (.xls) yang tidak didukung; "
                         "simpan ulang sebagai .xlsx atau CSV.")
    if isi.startswith(b"PK\x03\x04") or isi.startswith(b"PK\x05\x06"):
        return _buka_xlsx(isi, nama_file, lembar, tenggat)
    if nama_file.lower().endswith((".xlsx", ".xlsm")):
        raise ImporError(f"Berkas '{nama_file}' bukan berkas Excel (.xlsx) yang sah: isinya bukan arsip Excel. "
                         "Simpan ulang dari Excel sebagai .xlsx, atau sebagai CSV.")
    for awal, apa in _MAGIC:
        if isi.startswith(awal):
            raise ImporError(f"Berkas '{nama_file}' berisi {apa}, bukan tabel CSV atau XLSX.")
    if lembar:
        raise ImporError(f"Berkas '{nama_file}' adalah CSV; pilihan lembar '{lembar}' hanya berlaku untuk XLSX.")
    return _buka_csv(isi, nama_file, tenggat)


# ------------------------------------------------------------------ CSV

def _biner(contoh: bytes) -> bool:
    if b"\x00" in contoh:
        return True
    kontrol = sum(1 for b in contoh if b < 32 and b not in (9, 10, 12, 13))
    return kontrol > max(2, len(contoh) // 100)


def _dekode(isi: bytes, nama_file: str) -> tuple[str, str, list[dict]]:
    """The text, its encoding, and a warning per row that had to be read differently from the rest."""
    if isi.startswith(b"\xef\xbb\xbf"):
        try:
            return isi[3:].decode("utf-8"), "utf-8-sig", []
        except UnicodeDecodeError:
            campur = _campur(isi[3:], nama_file, bertanda=True)
            if campur is None:
                raise ImporError(f"Berkas '{nama_file}' bertanda UTF-8 tetapi isinya bukan UTF-8 yang sah.") from None
            return campur
    if isi.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return isi.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError:
            raise ImporError(f"Berkas '{nama_file}' bertanda UTF-16 tetapi isinya rusak.") from None
    if _biner(isi[:8192]):
        raise ImporError(f"Berkas '{nama_file}' berisi data biner, bukan teks CSV. Unggah CSV (teks) atau XLSX.")
    try:
        return isi.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    campur = _campur(isi, nama_file)
    if campur is not None:
        return campur
    try:
        return isi.decode("cp1252"), "windows-1252", []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    tebakan = from_bytes(isi[:200_000]).best()
    if tebakan is None:
        raise ImporError(f"Berkas '{nama_file}' bukan teks yang dapat dibaca (pengodean tidak dikenali); "
                         "simpan sebagai CSV UTF-8.")
    try:
        return isi.decode(tebakan.encoding), tebakan.encoding, []
    except (UnicodeDecodeError, LookupError):
        raise ImporError(f"Berkas '{nama_file}' bukan teks yang dapat dibaca (pengodean tidak dikenali); "
                         "simpan sebagai CSV UTF-8.") from None


_SALAH_UTF8 = re.compile("[\udc80-\udcff]")
_BUKAN_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")
PERINGATAN_PENGODEAN_MAKS = 20


def _campur(isi: bytes, nama_file: str, bertanda: bool = False) -> tuple[str, str, list[dict]] | None:
    """A UTF-8 file with stray Windows-1252 bytes (a line pasted from an old program): the UTF-8 text stays as it
    is, each stray byte is read as Windows-1252, and every row where that happened is named in a warning.

    None when the file is not UTF-8 at all (no valid multi-byte UTF-8 character and no UTF-8 mark): then it is
    plain Windows-1252. A stray byte Windows-1252 does not define either is an error naming its row.
    """
    teks = isi.decode("utf-8", "surrogateescape")
    if not bertanda and not _BUKAN_ASCII.search(teks):
        return None
    bagian, per_baris = [], {}
    awal, baris, pos_baris = 0, 1, 0
    for m in _SALAH_UTF8.finditer(teks):
        baris += teks.count("\n", pos_baris, m.start())
        pos_baris = m.start()
        byte = bytes([ord(m.group()) - 0xDC00])
        try:
            ganti = byte.decode("cp1252")
        except UnicodeDecodeError:
            raise ImporError(f"Berkas '{nama_file}' baris {baris}: ada byte 0x{byte.hex().upper()} yang bukan UTF-8 "
                             "maupun Windows-1252, jadi teksnya tidak dapat dibaca dengan pasti. Simpan ulang berkas "
                             "sebagai CSV UTF-8.") from None
        bagian += [teks[awal:m.start()], ganti]
        awal = m.end()
        per_baris.setdefault(baris, m.start())
    bagian.append(teks[awal:])
    hasil = "".join(bagian)
    peringatan = []
    for no, pos in list(per_baris.items())[:PERINGATAN_PENGODEAN_MAKS]:
        # The text around the first stray byte, as it is now read.
        mulai = max(teks.rfind("\n", 0, pos) + 1, pos - 30)
        akhir = teks.find("\n", pos)
        akhir = min(akhir if akhir >= 0 else len(teks), pos + 30)
        contoh = _SALAH_UTF8.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"),
                                 teks[mulai:akhir]).strip()
        contoh = ("…" if mulai > teks.rfind("\n", 0, pos) + 1 else "") + contoh + (
            "…" if akhir < len(teks) and teks[akhir] not in "\r\n" else "")
        peringatan.append(dict(
            jenis="pengodean_campur", lokasi=f"baris {no}",
            pesan=f"Baris {no} tidak tertulis dalam UTF-8 seperti bagian lain berkas; hurufnya dibaca sebagai "
                  f"Windows-1252: '{contoh}'. Periksa teks baris ini."))
    lebih = len(per_baris) - PERINGATAN_PENGODEAN_MAKS
    if lebih > 0:
        peringatan.append(dict(jenis="pengodean_campur", lokasi="berkas",
                               pesan=f"… dan {lebih:,} baris lain yang juga dibaca sebagai Windows-1252."
                               .replace(",", ".")))
    return hasil, "utf-8 dan windows-1252", peringatan


def _pilih_pemisah(teks: str) -> str:
    contoh = teks[:200_000].splitlines()[:60]
    terbaik, skor_terbaik = ",", (0, 0)
    for sep in (",", ";", "\t"):
        try:
            rows = [r for r in csv.reader(contoh, delimiter=sep) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        lebar = [len(r) for r in rows if len(_pangkas(r)) > 1]
        if not lebar:
            continue
        modus = max(set(lebar), key=lambda n: (lebar.count(n), n))
        skor = (lebar.count(modus), modus)
        if skor > skor_terbaik:
            terbaik, skor_terbaik = sep, skor
    return terbaik


def _pangkas(row: list) -> list:
    """The row without its trailing empty cells (fast for CSV rows with thousands of empty columns)."""
    n = len(row)
    while n > 256:
        awal = n - 256
        try:
            if "".join(row[awal:n]).strip():
                break
        except TypeError:
            break
        n = awal
    while n and (row[n - 1] is None or (isinstance(row[n - 1], str) and not row[n - 1].strip())):
        n -= 1
    return row[:n]


def _buka_csv(isi: bytes, nama_file: str, tenggat: Tenggat | None = None) -> Sumber:
    teks, encoding, peringatan = _dekode(isi, nama_file)
    if "\x00" in teks:
        raise ImporError(f"Berkas '{nama_file}' berisi data biner, bukan teks CSV. Unggah CSV (teks) atau XLSX.")
    sep = _pilih_pemisah(teks)

    def garis() -> Iterator[str]:
        """The physical lines, each bounded in length, the deadline looked at every few thousand lines."""
        for n, g in enumerate(io.StringIO(teks, newline=""), start=1):
            if len(g) > PANJANG_BARIS_MAKS:
                raise ImporError(f"Berkas '{nama_file}' baris {n:,} terlalu panjang ({len(g.rstrip()):,} karakter; "
                                 f"paling panjang {PANJANG_BARIS_MAKS:,}). Berkas ini bukan tabel CSV yang wajar; periksa "
                                 "isinya atau simpan ulang sebagai CSV.".replace(",", "."))
            if tenggat is not None and not n & 4095:
                tenggat.cek()
            yield g

    def baris() -> Iterator[tuple[int, list]]:
        reader = csv.reader(garis(), delimiter=sep, strict=True)
        awal = 1
        try:
            for row in reader:
                yield awal, row
                awal = reader.line_num + 1
        except csv.Error as exc:
            raise ImporError(f"Berkas '{nama_file}' tidak dapat dibaca sebagai CSV di sekitar baris {awal}: "
                             f"{_csv_error(exc)}.") from None

    return Sumber("csv", baris(), encoding=encoding, pemisah=sep, peringatan=peringatan)


def _csv_error(exc: csv.Error) -> str:
    teks = str(exc)
    if "field larger" in teks:
        return "isi sel terlalu panjang"
    if "NUL" in teks:
        return "ada karakter NUL (data biner)"
    if "end of data" in teks or "EOF" in teks:
        return "tanda kutip tidak tertutup"
    if "expected after" in teks:
        return "ada teks tepat setelah tanda kutip penutup"
    return "format tidak sah"


# ------------------------------------------------------------------ XLSX

def _buka_xlsx(isi: bytes, nama_file: str, lembar: str | None, tenggat: Tenggat | None) -> Sumber:
    from dashboard.impor import xlsx

    rusak = f"Berkas '{nama_file}' bukan berkas Excel (.xlsx) yang sah"
    try:
        z = zipfile.ZipFile(io.BytesIO(isi))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ImporError(f"{rusak}: arsipnya rusak.") from None
    try:
        xlsx.periksa_arsip(z, nama_file)
        nama = set(z.namelist())
        if "mimetype" in nama and z.getinfo("mimetype").file_size < 200 and b"opendocument" in z.read("mimetype"):
            raise ImporError(f"Berkas '{nama_file}' berformat OpenDocument (.ods) yang tidak didukung; "
                             "simpan ulang sebagai .xlsx atau CSV.")
        if "xl/workbook.xml" not in nama:
            raise ImporError(f"Berkas '{nama_file}' adalah arsip ZIP, bukan berkas Excel (.xlsx). "
                             "Unggah berkas .xlsx atau CSV.")
        buku = xlsx.buka(z, nama_file, tenggat)
    except ImporError:
        z.close()
        raise
    except Exception as exc:  # noqa: BLE001 - a malformed archive or XML can fail anywhere while opening
        z.close()
        raise ImporError(f"{rusak}: {type(exc).__name__}.") from None
    nama_lembar = [lb.nama for lb in buku.lembar]
    if lembar:
        ws = next((lb for lb in buku.lembar if lb.nama == lembar), None)
        if ws is None:
            buku.tutup()
            raise ImporError(f"Lembar '{lembar}' tidak ada di '{nama_file}'. Lembar yang ada: "
                             f"{', '.join(nama_lembar)}.")
        if not ws.tabel:
            buku.tutup()
            raise ImporError(f"Lembar '{lembar}' berisi grafik, bukan tabel.")
    else:
        ws = next((lb for lb in buku.lembar if lb.tabel), None)
        if ws is None:
            buku.tutup()
            raise ImporError(f"Berkas '{nama_file}' tidak berisi lembar kerja.")

    def baris() -> Iterator[tuple[int, list]]:
        try:
            yield from buku.baris(ws, KOLOM_MAKS + 1, 2 * BARIS_MAKS)
        except ImporError:
            raise
        except Exception as exc:  # noqa: BLE001 - a malformed sheet fails inside the XML parser
            raise ImporError(f"Lembar '{ws.nama}' di '{nama_file}' rusak dan tidak dapat dibaca "
                             f"({type(exc).__name__}).") from None

    return Sumber("xlsx", baris(), lembar=ws.nama, lembar_ada=nama_lembar, tutup=buku.tutup, buku=buku)


# ------------------------------------------------------------------ header

@dataclass
class Judul:
    """The header of the table: its cells (as in the file), where it is, and the rows read with it."""

    sel: list[str]
    nomor: int  # row number of the (last) header row
    lebar: int
    sisa_awal: list[tuple[int, list]]  # rows read past the header while looking for it
    atas: list[str] = field(default_factory=list)  # the title rows above the header, as text


def kosong_sel(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def teks_sel(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return " ".join(str(v).split())


def _skor(sel: list, pencocok: Pencocok) -> int:
    cocok = set()
    for v in sel:
        if kosong_sel(v) or isinstance(v, (int, float)) and not isinstance(v, bool) and not 1900 <= v <= 2100:
            continue
        c = pencocok.cocokkan(teks_sel(v))
        if c:
            cocok.add((c.kanonik, c.tahun, c.triwulan))
    return len(cocok)


def _baris_nomor_kolom(sel: list) -> bool:
    """A row under the header that only numbers the columns: 1 2 3 … or (1) (2) (3) …"""
    isi = [teks_sel(v).strip("()") for v in sel if not kosong_sel(v)]
    if len(isi) < 3 or not all(t.isdigit() for t in isi):
        return False
    angka = [int(t) for t in isi]
    return angka[0] in (0, 1) and all(b == a + 1 for a, b in zip(angka, angka[1:]))


_ANGKA_SEL = re.compile(r"(?i)^[\s(]*[-+]?(rp\.?\s*)?[\d.,]+\s*%?[)\s]*$")


def _bisa_subjudul(row: list) -> bool:
    """A row that can be the lower half of a two-row header: text only (period labels), no figures."""
    for v in row:
        if kosong_sel(v):
            continue
        if isinstance(v, (int, float)):
            return False
        t = str(v).strip()
        if _ANGKA_SEL.match(t) and not re.fullmatch(r"(19|20)\d\d", t):
            return False
    return True


def _gabung(atas: list, bawah: list) -> list[str]:
    """Two header rows (a merged group header above period sub-headers) read as one."""
    out, induk = [], ""
    for j in range(max(len(atas), len(bawah))):
        a = teks_sel(atas[j]) if j < len(atas) else ""
        b = teks_sel(bawah[j]) if j < len(bawah) else ""
        if a:
            induk = a
        elif b:
            a = induk
        out.append(f"{a} {b}".strip() if b else a)
    return out


def cari_judul(sumber: Sumber, pencocok: Pencocok, nama_file: str) -> Judul:
    """Skip title rows and blank rows; the header is the row (or pair of rows) that matches most columns."""
    awal: list[tuple[int, list]] = []
    panjang: list[int] = []
    for nomor, row in sumber.baris:
        row = _pangkas(row)
        if not row:
            continue
        # Wider than any header may be: kept only as far as the width check and the "isian di luar kolom
        # berjudul" check need, so that a few absurdly wide lines cannot fill the memory.
        awal.append((nomor, row[:KOLOM_MAKS + 1]))
        panjang.append(len(row))
        if len(awal) >= BARIS_CARI_JUDUL + 2:
            break
    if not awal:
        raise ImporError(f"Berkas '{nama_file}' tidak berisi tabel: semua sel kosong.")
    calon = []  # (score, single row before a pair, earlier first, index, merged header or None)
    for k, (no, row) in enumerate(awal[:BARIS_CARI_JUDUL]):
        calon.append((_skor(row, pencocok), 1, -k, k, None))
        if k + 1 < len(awal) and awal[k + 1][0] == no + 1 and _bisa_subjudul(awal[k + 1][1]):
            gabungan = _gabung(row, awal[k + 1][1])
            calon.append((_skor(gabungan, pencocok), 0, -k, k, gabungan))
    skor, _, _, i, gabungan = max(calon)
    if skor == 0:
        i, gabungan = 0, None
    nomor, sel = awal[i]
    sel_judul = [teks_sel(v) for v in sel]
    lanjut = i + 1
    if gabungan is not None:
        sel_judul, nomor, lanjut = gabungan, awal[i + 1][0], i + 2
    if lanjut < len(awal) and _baris_nomor_kolom(awal[lanjut][1]):
        lanjut += 1
    lebar = len(_pangkas(sel_judul))
    if lebar > KOLOM_MAKS:
        lebar = max(panjang[i:lanjut])
        raise ImporError(f"Berkas '{nama_file}' memiliki {lebar:,} kolom berjudul; paling banyak {KOLOM_MAKS:,}."
                         .replace(",", "."))
    atas = [" ".join(teks_sel(v) for v in row if not kosong_sel(v)) for _, row in awal[:i]]
    return Judul(sel_judul[:lebar], nomor, lebar, awal[lanjut:], atas)


_TAHUN_JUDUL = re.compile(r"(?i)\b(?:tahun(?:\s+anggaran)?|t\.?\s?a\.?)\s*:?\s*((?:19|20)\d\d)\b")


def tahun_judul(atas: list[str]) -> tuple[int, str] | None:
    """The year a title row above the header names (`TAHUN ANGGARAN 2024`), when it names exactly one."""
    temuan = {}
    for teks in atas:
        for m in _TAHUN_JUDUL.finditer(teks):
            temuan.setdefault(int(m.group(1)), teks)
    if len(temuan) == 1:
        tahun, teks = next(iter(temuan.items()))
        return tahun, teks
    return None


def sisa_baris(sumber: Sumber, judul: Judul, nama_file: str) -> Iterator[tuple[int, list]]:
    """The data rows under the header, trimmed to the header's width (`None` past the last cell)."""
    n = 0
    for nomor, row in _rantai(judul.sisa_awal, sumber.baris):
        n += 1
        if n > BARIS_MAKS:
            raise ImporError(f"Berkas '{nama_file}' berisi lebih dari {BARIS_MAKS:,} baris; bagi menjadi beberapa "
                             "berkas.".replace(",", "."))
        yield nomor, row


def _rantai(awal, sisa):
    yield from awal
    yield from sisa


RUMUS = re.compile(r"^\s*[=+\-@]\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(")
_RUMUS_SAMA_DENGAN = re.compile(r"^\s*=.*[A-Za-z(|]")


def rumus(teks) -> bool:
    """A cell an office program would run as a formula calling something (`=HYPERLINK(…)`, `@SUM(…)`, `=cmd|…`,
    `=A1`); plain arithmetic such as `=1+2` is harmless text."""
    return isinstance(teks, str) and bool(RUMUS.match(teks) or _RUMUS_SAMA_DENGAN.match(teks))


def nama_kolom(header: str) -> str:
    """A header as messages quote it (shortened)."""
    h = " ".join(str(header).split())
    return h if len(h) <= 50 else h[:49] + "…"

