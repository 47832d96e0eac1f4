"""Opening an uploaded report and reading every table in it: Word (.docx) or Excel (.xlsx).

Every upload is hostile until bounded: the size of the file, the number of ZIP members, their unpacked
size and their compression ratio are checked before any XML is parsed, and the number of tables and
cells read is bounded. Files that are not what their name says get a clear Indonesian message
(`BerkasDitolak`): a Word document protected with a password (an OLE/CFB container holding an
`EncryptedPackage`), a legacy `.doc` or `.xls`, PDF, a damaged archive.

Word tables are read from the document XML (python-docx opens and validates the package): merged cells
are expanded onto the grid (a horizontally merged cell's text in every column it spans, a vertically
merged cell's text in every row), marked as continuations so that a figure is counted once; tables nested
in a cell are read as tables of their own. A table's caption is the paragraph before it that starts with
"Tabel" (with the lines after it), else the paragraph just before it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from dashboard.periksa_laporan.angka import Angka, dari_angka

UKURAN_MAKS = 60 * 1024 * 1024  # bytes of the uploaded file
ISI_MAKS = 250 * 1024 * 1024  # bytes of all ZIP members unpacked
ANGGOTA_MAKS = 5_000  # ZIP members
RASIO_MAKS = 120  # unpacked / packed size of one member (ordinary Office XML: 5-30)
TABEL_MAKS = 3_000
SEL_MAKS = 1_000_000
KOLOM_MAKS = 200
BARIS_LEMBAR_MAKS = 100_000

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_JUDUL = re.compile(r"(?i)^\s*(tabel|table)\b")


class BerkasDitolak(ValueError):
    """A file that cannot be checked; `str()` is the Indonesian message for the user."""


@dataclass
class Sel:
    """One grid cell: its text, a figure already read (spreadsheet numbers), and whether it continues a
    merged cell (left of it or above it), whose figure is therefore not counted again."""

    teks: str
    angka: Angka | None = None
    lanjut: bool = False


@dataclass
class TabelMentah:
    nomor: int  # 1, 2, … in the order of the document (sheets in order for a workbook)
    judul: str  # the caption ("" when there is none)
    baris: list[list[Sel]]
    letak: str = ""  # "lembar Anggaran" for a workbook; "di dalam tabel 3" for a nested table
    lebar: int = field(init=False)

    def __post_init__(self):
        self.lebar = max((len(r) for r in self.baris), default=0)
        for r in self.baris:
            r.extend(Sel("") for _ in range(self.lebar - len(r)))

    @property
    def nama(self) -> str:
        """How messages name the table: its caption, else its number."""
        judul = self.judul or f"Tabel tanpa judul (tabel ke-{self.nomor})"
        return judul + (f" ({self.letak})" if self.letak else "")


def baca_berkas(isi: bytes, nama_file: str) -> tuple[str, list[TabelMentah]]:
    """('docx' | 'xlsx', the tables) of an uploaded file; `BerkasDitolak` with the reason otherwise."""
    nama = nama_file or "berkas"
    if not isi or not isi.strip(b" \t\r\n\x00"):
        raise BerkasDitolak(f"Berkas '{nama}' kosong.")
    if len(isi) > UKURAN_MAKS:
        raise BerkasDitolak(f"Berkas '{nama}' terlalu besar ({_mb(len(isi))} MB; paling besar {_mb(UKURAN_MAKS)} MB).")
    if isi.startswith(b"\xd0\xcf\x11\xe0"):
        raise BerkasDitolak(_pesan_cfb(isi, nama))
    if isi.startswith(b"{\\rtf"):
        raise BerkasDitolak(f"Berkas '{nama}' berformat RTF. Buka di Word lalu simpan sebagai .docx.")
    if isi.startswith(b"%PDF"):
        raise BerkasDitolak(f"Berkas '{nama}' adalah PDF. Yang dapat diperiksa: dokumen Word (.docx) atau buku "
                            "kerja Excel (.xlsx) tempat tabel laporan diketik.")
    if not isi.startswith(b"PK"):
        raise BerkasDitolak(f"Berkas '{nama}' bukan dokumen Word (.docx) atau buku kerja Excel (.xlsx).")
    jenis = _periksa_zip(isi, nama)
    if jenis == "docx":
        return jenis, _baca_docx(isi, nama)
    return jenis, _baca_xlsx(isi, nama)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f}".replace(".", ",")


def _pesan_cfb(isi: bytes, nama: str) -> str:
    """An OLE/CFB container: a password-protected Office file, or a legacy .doc / .xls."""
    if "EncryptedPackage".encode("utf-16-le") in isi or "EncryptionInfo".encode("utf-16-le") in isi:
        return (f"Berkas '{nama}' dilindungi kata sandi (terenkripsi), sehingga isinya tidak dapat dibaca. "
                "Buka di Word/Excel, hapus kata sandinya (File › Info › Proteksi), simpan, lalu unggah lagi.")
    if "WordDocument".encode("utf-16-le") in isi:
        return (f"Berkas '{nama}' berformat Word lama (.doc). Buka di Word lalu simpan sebagai .docx "
                "(File › Simpan Sebagai › Dokumen Word).")
    if "Workbook".encode("utf-16-le") in isi or "Book".encode("utf-16-le") in isi:
        return f"Berkas '{nama}' berformat Excel lama (.xls). Buka di Excel lalu simpan sebagai .xlsx."
    return (f"Berkas '{nama}' berformat Office lama (OLE) atau terenkripsi. Simpan ulang sebagai .docx atau .xlsx "
            "tanpa kata sandi.")


def _periksa_zip(isi: bytes, nama: str) -> str:
    """Bound the archive before anything is parsed; 'docx' or 'xlsx'."""
    try:
        with zipfile.ZipFile(io.BytesIO(isi)) as z:
            anggota = z.infolist()
            if len(anggota) > ANGGOTA_MAKS:
                raise BerkasDitolak(f"Berkas '{nama}' berisi terlalu banyak bagian ({len(anggota):,}); berkas ini "
                                    "tidak wajar.".replace(",", "."))
            total = 0
            for a in anggota:
                total += a.file_size
                if a.file_size > 1024 * 1024 and a.file_size > RASIO_MAKS * max(a.compress_size, 1):
                    raise BerkasDitolak(f"Berkas '{nama}' memuat bagian yang mengembang tidak wajar saat dibuka "
                                        f"({a.filename}); berkas ditolak.")
            if total > ISI_MAKS:
                raise BerkasDitolak(f"Isi berkas '{nama}' terlalu besar setelah dibuka ({_mb(total)} MB; paling besar "
                                    f"{_mb(ISI_MAKS)} MB).")
            nama_anggota = {a.filename for a in anggota}
            if "EncryptedPackage" in nama_anggota:
                raise BerkasDitolak(_pesan_cfb("EncryptedPackage".encode("utf-16-le"), nama))
            if "word/document.xml" in nama_anggota:
                return "docx"
            if "xl/workbook.xml" in nama_anggota:
                return "xlsx"
            if "mimetype" in nama_anggota and b"opendocument" in z.read("mimetype")[:200]:
                raise BerkasDitolak(f"Berkas '{nama}' berformat OpenDocument (.odt/.ods). Simpan ulang sebagai "
                                    ".docx atau .xlsx.")
            if "ppt/presentation.xml" in nama_anggota:
                raise BerkasDitolak(f"Berkas '{nama}' adalah presentasi PowerPoint, bukan laporan Word atau Excel.")
    except zipfile.BadZipFile:
        raise BerkasDitolak(f"Berkas '{nama}' rusak: arsipnya tidak dapat dibuka. Simpan ulang dari Word/Excel "
                            "lalu unggah lagi.") from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
        raise BerkasDitolak(f"Berkas '{nama}' rusak atau memakai kompresi yang tidak didukung.") from None
    raise BerkasDitolak(f"Berkas '{nama}' adalah arsip ZIP, bukan dokumen Word (.docx) atau buku kerja Excel "
                        "(.xlsx).")


# ------------------------------------------------------------------ Word

def _baca_docx(isi: bytes, nama: str) -> list[TabelMentah]:
    import docx

    try:
        dokumen = docx.Document(io.BytesIO(isi))
        body = dokumen.element.body
    except Exception:  # noqa: BLE001 - a damaged package can fail anywhere inside python-docx / lxml
        raise BerkasDitolak(f"Berkas '{nama}' rusak: isinya bukan dokumen Word yang sah. Simpan ulang dari Word "
                            "sebagai .docx lalu unggah lagi.") from None
    hasil: list[TabelMentah] = []
    sel = [0]
    try:
        _telusuri(body, hasil, sel, nama)
    except BerkasDitolak:
        raise
    except Exception:  # noqa: BLE001 - malformed table XML
        raise BerkasDitolak(f"Tabel di berkas '{nama}' rusak dan tidak dapat dibaca.") from None
    return hasil


def _blok(induk):
    """The paragraphs and tables of a body or cell, in order (content controls opened)."""
    for el in induk.iterchildren():
        tag = el.tag
        if tag == W + "p" or tag == W + "tbl":
            yield el
        elif tag in (W + "sdt", W + "customXml", W + "sdtContent"):
            isi = el.find(W + "sdtContent") if tag == W + "sdt" else el
            if isi is not None:
                yield from _blok(isi)


def _teks_p(p) -> str:
    bagian = []
    for el in p.iter(W + "t", W + "tab", W + "br", W + "cr"):
        bagian.append(el.text or "" if el.tag == W + "t" else " ")
    return " ".join("".join(bagian).split())


def _telusuri(induk, hasil: list[TabelMentah], sel: list[int], nama: str, letak: str = "") -> None:
    paragraf: list[str] = []
    for el in _blok(induk):
        if el.tag == W + "p":
            t = _teks_p(el)
            if t:
                paragraf.append(t)
            continue
        if len(hasil) >= TABEL_MAKS:
            raise BerkasDitolak(f"Berkas '{nama}' berisi lebih dari {TABEL_MAKS:,} tabel; berkas ini tidak wajar."
                                .replace(",", "."))
        nomor = len(hasil) + 1
        baris, bersarang = _grid(el, sel, nama)
        hasil.append(TabelMentah(nomor, judul_dari(paragraf), baris, letak))
        paragraf = []
        for tc in bersarang:
            _telusuri(tc, hasil, sel, nama, f"di dalam tabel ke-{nomor}")


def judul_dari(paragraf: list[str]) -> str:
    """The caption among the paragraphs before a table: 'Tabel …' with up to two lines after it, else the
    last short paragraph."""
    akhir = paragraf[-5:]
    for i in range(len(akhir) - 1, -1, -1):
        if _JUDUL.match(akhir[i]):
            bagian = [akhir[i]] + [p for p in akhir[i + 1:i + 3] if len(p) <= 120]
            return _potong(" ".join(bagian))
    if akhir and len(akhir[-1]) <= 160:
        return _potong(akhir[-1])
    return ""


def _potong(teks: str, n: int = 160) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= n else teks[: n - 1] + "…"


def _grid(tbl, sel: list[int], nama: str) -> tuple[list[list[Sel]], list]:
    """The table's cells on its grid (merges expanded) and the cells that hold nested tables."""
    baris: list[list[Sel]] = []
    bersarang = []
    atas: dict[int, str] = {}  # grid column -> text of the cell above (for vertical merges)
    for tr in tbl.iterchildren(W + "tr"):
        row: list[Sel] = []
        trpr = tr.find(W + "trPr")
        if trpr is not None:
            gb = trpr.find(W + "gridBefore")
            if gb is not None:
                row.extend(Sel("") for _ in range(_int(gb.get(W + "val"), 0)))
        for tc in tr.iterchildren(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span, lanjut_v = 1, False
            if tcpr is not None:
                gs = tcpr.find(W + "gridSpan")
                if gs is not None:
                    span = max(1, min(_int(gs.get(W + "val"), 1), KOLOM_MAKS))
                vm = tcpr.find(W + "vMerge")
                if vm is not None and vm.get(W + "val") != "restart":
                    lanjut_v = True
            if any(True for _ in tc.iterchildren(W + "tbl")):
                bersarang.append(tc)
            kol = len(row)
            teks = atas.get(kol, "") if lanjut_v else " ".join(
                t for t in (_teks_p(p) for p in tc.iterchildren(W + "p")) if t)
            for k in range(span):
                row.append(Sel(teks, lanjut=lanjut_v or k > 0))
                atas[kol + k] = teks
            if len(row) > KOLOM_MAKS:
                raise BerkasDitolak(f"Sebuah tabel di '{nama}' memiliki lebih dari {KOLOM_MAKS} kolom; berkas ini "
                                    "tidak wajar.")
        sel[0] += len(row)
        if sel[0] > SEL_MAKS:
            raise BerkasDitolak(f"Berkas '{nama}' berisi lebih dari {SEL_MAKS:,} sel tabel; bagi menjadi beberapa "
                                "berkas.".replace(",", "."))
        baris.append(row)
    return baris, bersarang


def _int(teks, bawaan: int) -> int:
    try:
        return int(teks)
    except (TypeError, ValueError):
        return bawaan


# ------------------------------------------------------------------ Excel

def _baca_xlsx(isi: bytes, nama: str) -> list[TabelMentah]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - a malformed workbook can fail anywhere inside openpyxl
        raise BerkasDitolak(f"Berkas '{nama}' rusak: isinya bukan buku kerja Excel yang sah. Simpan ulang dari "
                            "Excel sebagai .xlsx lalu unggah lagi.") from None
    hasil: list[TabelMentah] = []
    jumlah_sel = 0
    try:
        for ws in wb.worksheets:
            baris: list[list[Sel]] = []
            for n, row in enumerate(ws.iter_rows(max_col=KOLOM_MAKS), start=1):
                if n > BARIS_LEMBAR_MAKS:
                    raise BerkasDitolak(f"Lembar '{ws.title}' di '{nama}' berisi lebih dari "
                                        f"{BARIS_LEMBAR_MAKS:,} baris.".replace(",", "."))
                cells = [_sel_xlsx(c) for c in row]
                while cells and not cells[-1].teks:
                    cells.pop()
                jumlah_sel += len(cells)
                if jumlah_sel > SEL_MAKS:
                    raise BerkasDitolak(f"Berkas '{nama}' berisi lebih dari {SEL_MAKS:,} sel; bagi menjadi beberapa "
                                        "berkas.".replace(",", "."))
                baris.append(cells)
            for judul, blok in _pecah_lembar(baris):
                if len(hasil) >= TABEL_MAKS:
                    raise BerkasDitolak(f"Berkas '{nama}' berisi terlalu banyak tabel.")
                hasil.append(TabelMentah(len(hasil) + 1, judul, blok, f"lembar {ws.title}"))
    except BerkasDitolak:
        raise
    except Exception as exc:  # noqa: BLE001 - a malformed sheet fails inside openpyxl's parser
        raise BerkasDitolak(f"Sebuah lembar di '{nama}' rusak dan tidak dapat dibaca ({type(exc).__name__}).") from None
    finally:
        wb.close()
    return hasil


def _sel_xlsx(c) -> Sel:
    from datetime import date, datetime, time

    v = getattr(c, "value", None)
    if v is None:
        return Sel("")
    if isinstance(v, bool):
        return Sel("ya" if v else "tidak")
    if isinstance(v, (int, float)):
        f = getattr(c, "number_format", None) or "General"
        persen = "%" in f
        nilai = v * 100 if persen else v
        desimal = _desimal_format(f)
        if desimal is None:
            desimal = _desimal_nilai(nilai)
        teks = f"{nilai:,.{desimal}f}".replace(",", "_").replace(".", ",").replace("_", ".") + (" %" if persen else "")
        return Sel(teks, dari_angka(nilai, desimal, teks))
    if isinstance(v, (datetime, date, time)):
        return Sel(v.isoformat())
    return Sel(" ".join(str(v).split()))


def _desimal_format(f: str) -> int | None:
    """Decimals a number format shows (`#,##0.00` → 2), or None for General."""
    if not f or f == "General":
        return None
    bagian = f.split(";")[0]
    bagian = re.sub(r'"[^"]*"|\[[^\]]*\]', "", bagian)
    m = re.search(r"\.(0+)", bagian)
    return len(m.group(1)) if m else 0


def _desimal_nilai(x: float) -> int:
    if float(x).is_integer():
        return 0
    teks = f"{x:.6f}".rstrip("0")
    return len(teks.split(".")[1])


def _pecah_lembar(baris: list[list[Sel]]) -> list[tuple[str, list[list[Sel]]]]:
    """The tables of a sheet: runs of non-empty rows; single text cells above a run are its caption."""
    blok: list[list[list[Sel]]] = []
    kini: list[list[Sel]] = []
    for r in baris:
        if any(s.teks for s in r):
            kini.append(r)
        elif kini:
            blok.append(kini)
            kini = []
    if kini:
        blok.append(kini)
    out = []
    judul: list[str] = []
    for b in blok:
        i = 0
        while i < len(b) and _satu_teks(b[i]):
            judul.append(next(s.teks for s in b[i] if s.teks))
            i += 1
        isi = b[i:]
        if len(isi) < 2:
            if isi:
                judul = []
            continue
        # a merged title above a table in Excel leaves the other cells empty: the run's first column holds it
        lebar = max(len(r) for r in isi)
        out.append((judul_dari(judul), [r + [Sel("")] * (lebar - len(r)) for r in isi]))
        judul = []
    return out


def _satu_teks(r: list[Sel]) -> bool:
    isi = [s for s in r if s.teks]
    return len(isi) == 1 and isi[0].angka is None
