"""The LKjIP as a Word document (python-docx): a pure function from `Bahan` to the bytes of a .docx file.

The content is `lkjip.rencana_lkjip`; this module only draws it. Chapters and sections use the built-in
heading styles (Heading 1–4), so Word's table of contents finds them; tables and figures carry captions
with `SEQ` fields (Tabel 3.1, Gambar 3.1: the chapter number written, the sequence restarted at each
chapter's first), so Word's list of tables and list of figures (`TOC \\c`) find them too. The three lists
are written with their entries filled in (without page numbers, which only Word's layout knows) and
the document asks Word to update its fields when it is opened. A4 portrait; a table wider than the
portrait text goes on a landscape page. Charts are the pages' Altair specs rendered by vl-convert.
"""

from __future__ import annotations

import io

import vl_convert as vlc
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from dashboard.ekspor.bahan import Bahan
from dashboard.ekspor.lkjip import (HURUF_TABEL, LEBAR_MENDATAR_CM, LEBAR_TEGAK_CM, Bab, Dokumen, GambarDok, Judul,
                                    Paragraf, TabelDok, rencana_lkjip)
from dashboard.tabel import WARNA_TEKS_GELAP

HURUF = "Arial"
BIRU_TUA = "1F3864"
ABU_PETUNJUK = RGBColor(0x1F, 0x5F, 0xA8)
ABU_CATATAN = RGBColor(0x49, 0x50, 0x57)
LEBAR_GRAFIK_PX = 560  # the chart's width in CSS pixels: its 11–14 px texts print at about 8–10 pt
SKALA_GRAFIK = 1.5  # PNG pixels per CSS pixel: about 150 dpi in print
LEBAR_GRAFIK_MENDATAR_CM = 12.0
MENJOROK_CM = 0.35  # indent per level of a budget line
SEMPIT = 0.6  # a table narrower than this share of the text width is not stretched to it
BARIS_SATU_HALAMAN = 16  # tables up to this many rows are kept on one page
GAYA_ISI = "IsiTabel"
# Word's own names of the styles of its table of contents and list of figures, so that the entries look the
# same before and after Word updates the fields.
GAYA_DAFTAR = {1: "TOC1", 2: "TOC2", 3: "TOC3"}
GAYA_DAFTAR_GAMBAR = "TableofFigures"
TINGKAT_DAFTAR_ISI = 3  # headings down to Heading 3 go into the table of contents


def dokumen_lkjip(b: Bahan) -> bytes:
    """The .docx of the kecamatan's LKjIP draft for the year (s.d. the TW of `b`)."""
    return gambar_dokumen(rencana_lkjip(b))


def gambar_dokumen(d: Dokumen) -> bytes:
    doc = Document()
    _gaya(doc)
    _halaman(doc.sections[0], mendatar=False)
    doc.sections[0].different_first_page_header_footer = True
    _kepala_kaki(doc.sections[0], d.kepala)
    _minta_perbarui(doc)
    png = _render_grafik(d.gambar())
    _sampul(doc, d)
    _daftar_isi(doc, d)
    _daftar_tabel_gambar(doc, "DAFTAR TABEL", "Tabel", d.tabel(), "Tidak ada tabel.")
    _daftar_tabel_gambar(doc, "DAFTAR GAMBAR", "Gambar", d.gambar(), "Tidak ada gambar.")
    mendatar = _blok_mendatar(d)
    sekarang = False
    for bab in d.bab:
        semua = [bab, *bab.blok]
        for i, blok in enumerate(semua):
            perlu = mendatar.get(id(blok), False)
            if perlu != sekarang:
                _bagian_baru(doc, perlu)
                sekarang = perlu
            lebar = LEBAR_MENDATAR_CM if sekarang else LEBAR_TEGAK_CM
            if isinstance(blok, Bab):
                doc.add_paragraph(blok.judul, style="Heading 1")
            elif isinstance(blok, Judul):
                doc.add_paragraph(blok.teks, style=f"Heading {blok.tingkat}")
            elif isinstance(blok, Paragraf):
                p = _paragraf(doc, blok)
                if i + 1 < len(semua) and isinstance(semua[i + 1], (TabelDok, GambarDok)):
                    p.paragraph_format.keep_with_next = True  # the sentence leading into a table stays with it
            elif isinstance(blok, TabelDok):
                _tabel(doc, blok, lebar)
            elif isinstance(blok, GambarDok):
                _gambar(doc, blok, png[blok.nomor], sekarang)
    doc.core_properties.title = f"{d.judul} {d.kepala}"
    doc.core_properties.author = "Pantau Triwulan"
    doc.core_properties.language = "id-ID"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- styles and pages

def _gaya(doc) -> None:
    st = doc.styles
    normal = st["Normal"]
    normal.font.name = HURUF
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), HURUF)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "id-ID")
    normal.element.rPr.append(lang)
    for tingkat, (ukuran, sebelum) in {1: (14, 0), 2: (12, 12), 3: (11, 10), 4: (11, 8)}.items():
        h = st[f"Heading {tingkat}"]
        h.font.name, h.font.size, h.font.bold = HURUF, Pt(ukuran), True
        h.font.italic = False
        h.font.color.rgb = RGBColor(0, 0, 0) if tingkat == 1 else RGBColor.from_string(BIRU_TUA)
        _huruf_tetap(h)
        h.paragraph_format.space_before = Pt(sebelum)
        h.paragraph_format.space_after = Pt(6 if tingkat > 1 else 18)
        h.paragraph_format.keep_with_next = True
    h1 = st["Heading 1"].paragraph_format
    h1.alignment = WD_ALIGN_PARAGRAPH.CENTER
    h1.page_break_before = True
    cap = st["Caption"]
    cap.font.name, cap.font.size, cap.font.bold, cap.font.italic = HURUF, Pt(10), True, False
    cap.font.color.rgb = RGBColor(0, 0, 0)
    _huruf_tetap(cap)
    cap.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cap.paragraph_format.space_before = Pt(6)
    cap.paragraph_format.space_after = Pt(6)
    isi = st.add_style(GAYA_ISI, WD_STYLE_TYPE.PARAGRAPH)
    isi.name = "Isi Tabel"
    isi.base_style = normal
    isi.font.size = Pt(HURUF_TABEL)
    isi.paragraph_format.space_after = Pt(0)
    isi.paragraph_format.space_before = Pt(0)
    isi.paragraph_format.line_spacing = 1.0
    for tingkat, gid in GAYA_DAFTAR.items():
        g = _gaya_bawaan(st, f"toc {tingkat}", gid)
        g.base_style = normal
        g.paragraph_format.left_indent = Cm(0.6 * (tingkat - 1))
        g.paragraph_format.space_after = Pt(2)
        g.font.bold = tingkat == 1
    g = _gaya_bawaan(st, "table of figures", GAYA_DAFTAR_GAMBAR)
    g.base_style = normal
    g.paragraph_format.left_indent = Cm(1.8)
    g.paragraph_format.first_line_indent = Cm(-1.8)
    g.paragraph_format.space_after = Pt(2)
    depan = st.add_style("JudulDepan", WD_STYLE_TYPE.PARAGRAPH)
    depan.name = "Judul Depan"
    depan.base_style = normal
    depan.font.size, depan.font.bold = Pt(14), True
    depan.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    depan.paragraph_format.space_after = Pt(18)


def _gaya_bawaan(styles, nama: str, gaya_id: str):
    """A paragraph style Word knows by this name (not marked custom), so that Word uses it for its lists."""
    g = styles.add_style(nama, WD_STYLE_TYPE.PARAGRAPH)
    g.style_id = gaya_id
    g.element.attrib.pop(qn("w:customStyle"), None)
    return g


def _huruf_tetap(style) -> None:
    """Take the theme font off a style, so that it is drawn in HURUF (Word's headings use the theme's)."""
    rfonts = style.element.rPr.rFonts
    for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if rfonts.get(qn(a)) is not None:
            del rfonts.attrib[qn(a)]
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(a), HURUF)


def _halaman(sec, *, mendatar: bool) -> None:
    """A4, portrait or landscape; margins 3 cm left (binding), 2.5 cm elsewhere."""
    sec.orientation = WD_ORIENT.LANDSCAPE if mendatar else WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = (Cm(29.7), Cm(21.0)) if mendatar else (Cm(21.0), Cm(29.7))
    sec.left_margin, sec.right_margin = Cm(3.0), Cm(2.5)
    sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.5)
    sec.header_distance = sec.footer_distance = Cm(1.2)


def _bagian_baru(doc, mendatar: bool) -> None:
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    _halaman(sec, mendatar=mendatar)
    sec.different_first_page_header_footer = False


def _kepala_kaki(sec, kepala: str) -> None:
    p = sec.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = p.add_run(kepala)
    r.font.size, r.font.italic, r.font.color.rgb = Pt(8), True, ABU_CATATAN
    p = sec.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(p, "PAGE", "1")


def _minta_perbarui(doc) -> None:
    """Ask Word to update the fields (table of contents, lists, page numbers) when the file is opened.
    `w:updateFields` goes where the schema puts it, before `w:compat` and what follows it."""
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    settings = doc.settings.element
    sesudah = {qn(f"w:{n}") for n in ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
                                      "attachedSchema", "themeFontLang", "clrSchemeMapping",
                                      "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
                                      "captions", "readModeInkLockDown", "smartTagType", "shapeDefaults",
                                      "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")}
    sesudah.add("{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr")
    berikut = next((c for c in settings if c.tag in sesudah), None)
    if berikut is None:
        settings.append(el)
    else:
        berikut.addprevious(el)


# ---------------------------------------------------------------- fields

def _fld(jenis: str):
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), jenis)
    r = OxmlElement("w:r")
    r.append(el)
    return r


def _instr(teks: str):
    r = OxmlElement("w:r")
    t = OxmlElement("w:instrText")
    t.set(qn("xml:space"), "preserve")
    t.text = f" {teks} "
    r.append(t)
    return r


def _field(p, instr: str, hasil: str) -> None:
    """A simple field in a paragraph with its current result (`PAGE`, `SEQ Tabel …`)."""
    p._p.append(_fld("begin"))
    p._p.append(_instr(instr))
    p._p.append(_fld("separate"))
    p.add_run(hasil)
    p._p.append(_fld("end"))


def _field_panjang(doc, instr: str, entri: list[tuple[str, str]]) -> None:
    """A field whose result is several paragraphs (a TOC): `entri` are (style id, text)."""
    for i, (gaya, teks) in enumerate(entri):
        p = doc.add_paragraph()
        _gaya_paragraf(p, gaya)
        if i == 0:
            p._p.append(_fld("begin"))
            p._p.append(_instr(instr))
            p._p.append(_fld("separate"))
        p.add_run(teks)
        if i == len(entri) - 1:
            p._p.append(_fld("end"))


def _gaya_paragraf(p, gaya_id: str) -> None:
    ppr = p._p.get_or_add_pPr()
    ppr.get_or_add_pStyle().val = gaya_id


# ---------------------------------------------------------------- front matter

def _sampul(doc, d: Dokumen) -> None:
    for _ in range(5):
        doc.add_paragraph()
    judul = doc.add_paragraph(style="Judul Depan")
    r = judul.add_run(d.judul)
    r.font.size = Pt(20)
    for i, baris in enumerate(d.sampul):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(baris)
        if baris.isupper():
            r.bold, r.font.size = True, Pt(16)
            p.paragraph_format.space_after = Pt(10)
        else:
            r.italic, r.font.size, r.font.color.rgb = True, Pt(10), ABU_CATATAN
            if i and d.sampul[i - 1].isupper():
                p.paragraph_format.space_before = Pt(120)


def _halaman_baru(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _daftar_isi(doc, d: Dokumen) -> None:
    _halaman_baru(doc)
    doc.add_paragraph("DAFTAR ISI", style="Judul Depan")
    entri = []
    for bab in d.bab:
        entri.append((GAYA_DAFTAR[1], bab.judul))
        entri += [(GAYA_DAFTAR[x.tingkat], x.teks) for x in bab.blok
                  if isinstance(x, Judul) and x.tingkat <= TINGKAT_DAFTAR_ISI]
    _field_panjang(doc, f'TOC \\o "1-{TINGKAT_DAFTAR_ISI}" \\h \\z \\u', entri)


def _daftar_tabel_gambar(doc, judul: str, label: str, isi: list, kosong: str) -> None:
    _halaman_baru(doc)
    doc.add_paragraph(judul, style="Judul Depan")
    entri = [(GAYA_DAFTAR_GAMBAR, f"{x.label} {x.judul}") for x in isi] or [(GAYA_DAFTAR_GAMBAR, kosong)]
    _field_panjang(doc, f'TOC \\h \\z \\c "{label}"', entri)


# ---------------------------------------------------------------- body

def _blok_mendatar(d: Dokumen) -> dict[int, bool]:
    """Which blocks go on landscape pages: every (sub)section (the blocks from one heading of level 2 or 3
    to the next) that holds a table too wide for a portrait page, with the section of text only that
    leads into it (and the chapter's title when nothing of the chapter comes before), so that the
    orientation changes seldom and never leaves a heading alone on a page."""
    out: dict[int, bool] = {}
    for bab in d.bab:
        bagian: list[list] = [[]]
        for blok in bab.blok:
            if isinstance(blok, Judul) and blok.tingkat <= 3 and bagian[-1]:
                bagian.append([])
            bagian[-1].append(blok)
        lebar = [any(isinstance(x, TabelDok) and x.mendatar for x in isi) for isi in bagian]
        for k, isi in enumerate(bagian):
            if not lebar[k]:
                continue
            out.update({id(x): True for x in isi})
            j = k - 1
            if j >= 0 and not lebar[j] and all(isinstance(x, (Judul, Paragraf)) for x in bagian[j]):
                out.update({id(x): True for x in bagian[j]})
                j -= 1
            if j < 0:
                out[id(bab)] = True
    return out


def tanpa_putus(teks: str) -> str:
    """Keep `Rp` with its amount and `%` with its number on one line (no-break spaces)."""
    return teks.replace("Rp ", "Rp\u00a0").replace(" %", "\u00a0%")


def _paragraf(doc, blok: Paragraf):
    if blok.jenis == "poin":
        p = doc.add_paragraph(style="List Bullet")
        p.add_run(tanpa_putus(blok.teks))
        return p
    p = doc.add_paragraph()
    # justified text would stretch the spaces around long amounts of money: those paragraphs stay ragged
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT if "Rp " in blok.teks else WD_ALIGN_PARAGRAPH.JUSTIFY
    if blok.tebal:
        p.add_run(blok.tebal).bold = True
    r = p.add_run(tanpa_putus(blok.teks))
    if blok.jenis == "petunjuk":
        r.italic = True
        r.font.color.rgb = ABU_PETUNJUK
        awal = p.runs[0]._r
        tanda = p.add_run("[Diisi kantor] ")
        tanda.bold, tanda.italic, tanda.font.color.rgb = True, True, ABU_PETUNJUK
        awal.addprevious(tanda._r)
    elif blok.jenis == "kosong":
        r.italic = True
        r.font.color.rgb = ABU_CATATAN
    return p


def _keterangan(doc, label: str, nomor: str, judul: str):
    """`Tabel 3.2 Judul`, the chapter's number written and the table's number a SEQ field. The first of
    each chapter restarts the sequence with `\\r 1`, which Word and LibreOffice both honour (LibreOffice
    ignores the chapter switch `\\s`)."""
    awalan, _, urut = nomor.partition(".")
    p = doc.add_paragraph(style="Caption")
    p.add_run(f"{label} {awalan}.")
    _field(p, f"SEQ {label} \\* ARABIC" + (" \\r 1" if urut == "1" else ""), urut)
    p.add_run(f" {judul}")
    return p


def _tabel(doc, t: TabelDok, lebar_halaman: float) -> None:
    cap = _keterangan(doc, "Tabel", t.nomor, t.judul)
    cap.paragraph_format.keep_with_next = True
    n = len(t.kolom)
    lebar = _skala_lebar(t, lebar_halaman)
    tbl = doc.add_table(rows=len(t.baris) + 1, cols=n)
    tbl.style = "Table Grid"
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    _tetap(tbl, lebar)
    lanjut = _sambungan(t)  # cells whose content is the merged cell above or to the left
    uraian = t.kolom.index("Uraian") if "Uraian" in t.kolom else None
    for i, tr in enumerate(tbl._tbl.tr_lst):
        kepala = i == 0
        if kepala:
            trpr = tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:tblHeader"))
        isi = t.kolom if kepala else t.baris[i - 1]
        for j, tc in enumerate(tr.tc_lst):
            tc.width = Cm(lebar[j])
            cell = _Cell(tc, tbl)
            if not kepala and (i - 1, j) in lanjut:
                continue
            p = cell.paragraphs[0]
            _gaya_paragraf(p, GAYA_ISI)
            r = p.add_run(isi[j])
            if t.huruf != HURUF_TABEL:
                r.font.size = Pt(t.huruf)
            warna = None if kepala else t.warna.get((i - 1, j))
            if kepala:
                r.bold = True
                r.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                _isi_warna(tc, BIRU_TUA)
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                continue
            if warna:
                _isi_warna(tc, warna.lstrip("#").upper())
                r.bold = True
                r.font.color.rgb = (RGBColor(0x21, 0x25, 0x29) if warna.lower() in WARNA_TEKS_GELAP
                                    else RGBColor(0xFF, 0xFF, 0xFF))
            if i - 1 in t.tebal:
                r.bold = True
            if j in t.kanan:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if j == uraian and t.menjorok.get(i - 1):
                p.paragraph_format.left_indent = Cm(MENJOROK_CM * t.menjorok[i - 1])
    _gabung(tbl, t)
    # A short table stays on one page (each row kept with the next), and its note stays with it.
    baris = tbl._tbl.tr_lst
    simpan = baris[:-1] if len(baris) <= BARIS_SATU_HALAMAN else []
    for tr in simpan + (baris[-1:] if t.catatan else []):
        for tc in tr.tc_lst:
            for p in tc.iterchildren(qn("w:p")):
                p.get_or_add_pPr().keepNext_val = True
    if t.catatan:
        p = doc.add_paragraph()
        r = p.add_run(t.catatan)
        r.italic, r.font.size, r.font.color.rgb = True, Pt(8), ABU_CATATAN
        p.paragraph_format.space_before = Pt(3)
    else:
        doc.add_paragraph().paragraph_format.space_after = Pt(2)


def _skala_lebar(t: TabelDok, halaman: float) -> list[float]:
    """Column widths that fill the text width (a narrow table keeps about its own). Too wide a table narrows
    its text columns first, the widest first, down to their least width (`lebar_min`), then shrinks every
    column alike."""
    lebar = list(t.lebar)
    minimum = t.lebar_min or lebar
    while sum(lebar) > halaman:
        lebih = [j for j in range(len(lebar)) if lebar[j] - minimum[j] > 0.05]
        if not lebih:
            break
        j = max(lebih, key=lambda k: lebar[k] - minimum[k])
        lebar[j] = max(minimum[j], lebar[j] - 0.1)
    total = sum(lebar) or 1.0
    # a narrow table is widened a little (centred), not stretched across the page
    tujuan = halaman if total > halaman * SEMPIT else total * 1.25
    return [w * tujuan / total for w in lebar]


def _tetap(tbl, lebar: list[float]) -> None:
    """The column widths of a fixed layout (`autofit` off): Word reads the cells', LibreOffice the grid's."""
    for gc, w in zip(tbl._tbl.tblGrid.gridCol_lst, lebar):
        gc.w = Cm(w)


def _isi_warna(tc, warna: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), warna)
    tc.get_or_add_tcPr().append(shd)


def _sambungan(t: TabelDok) -> set[tuple[int, int]]:
    out = set()
    for i, k in t.rentang.items():
        out |= {(i, j) for j in range(1, k)}
    for j in t.gabung:
        for i in range(1, len(t.baris)):
            if (i, j) not in out and t.baris[i][j] and t.baris[i][j] == t.baris[i - 1][j] \
                    and i not in t.rentang and i - 1 not in t.rentang:
                out.add((i, j))
    return out


def _gabung(tbl, t: TabelDok) -> None:
    """Merge a total row's label cells across, and repeated values of the `gabung` columns down."""
    baris = tbl.rows
    for i, k in t.rentang.items():
        sel = baris[i + 1].cells
        sel[0].merge(sel[k - 1])
    for j in t.gabung:
        awal = 0
        for i in range(1, len(t.baris) + 1):
            sama = (i < len(t.baris) and t.baris[i][j] and t.baris[i][j] == t.baris[i - 1][j]
                    and i not in t.rentang and i - 1 not in t.rentang)
            if not sama:
                if i - 1 > awal:
                    baris[awal + 1].cells[j].merge(baris[i].cells[j])
                awal = i


# ---------------------------------------------------------------- figures

def _spec(g: GambarDok) -> dict:
    spec = g.grafik().to_dict(validate=False)
    spec["width"] = LEBAR_GRAFIK_PX
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}  # labels inside the width, as on the pages
    return spec


def _render_grafik(gambar: list[GambarDok]) -> dict[str, bytes]:
    """Every chart of the document as PNG. vl-convert holds the GIL while it renders, so threads would
    not help; the charts are drawn one after another."""
    return {g.nomor: vlc.vegalite_to_png(_spec(g), scale=SKALA_GRAFIK) for g in gambar}


def _gambar(doc, g: GambarDok, png: bytes, mendatar: bool) -> None:
    """The chart, centred, its caption under it; narrower on a landscape page, whose height is short."""
    lebar = min(g.lebar_cm, LEBAR_GRAFIK_MENDATAR_CM if mendatar else LEBAR_TEGAK_CM)
    doc.add_picture(io.BytesIO(png), width=Cm(lebar))
    p = doc.paragraphs[-1]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    _keterangan(doc, "Gambar", g.nomor, g.judul)
