"""The PowerPoint deck (python-pptx): draws the plan of `rencana.rencana_dek` into an editable 16:9 deck.

Charts are native PowerPoint charts (their data sits in the embedded workbook, so the sekcam can edit
them), tables are native tables, and every text box gets a font size at which its text fits
(`dashboard.ekspor.ukur`); what still does not fit at the smallest size is cut with "…" and stands in
full in the slide's notes. Body text (text boxes, tables, cards) is never set below TEKS_MIN points,
titles aside; the plan (`rencana.py`) keeps each slide's content within what fits at that size.
With the kabupaten's own template (`templat.py`), the deck uses its theme, its title layout and a
title-only layout, and places the content below the layout's title.
"""

from __future__ import annotations

import io
import logging
import math
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from dashboard.ekspor import ukur
from dashboard.ekspor.bahan import Bahan
from dashboard.ekspor.rencana import Grafik, Kartu, Salindia, Tabel, rencana_dek
from dashboard.ekspor.templat import relasi_luar
from dashboard.tabel import WARNA_TEKS_GELAP

LEBAR_16_9, TINGGI_16_9 = Emu(12192000), Emu(6858000)  # 13,333 × 7,5 in
BIRU_TUA = "1F3864"
TEKS = "212529"
ABU_TEKS = "495057"
ABU_GARIS = "CED4DA"
ABU_BARIS = "F1F3F5"
KUNING_MUDA = "FFF3CD"
JARAK = Inches(0.15)
TEKS_MIN = 14  # points: the smallest body text of the deck (readable from the back of a meeting room)
RT_TEMA = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
EMU_PT = 12700


class TataLetakError(ValueError):
    """A template without the layouts the deck needs (message in Indonesian)."""


@dataclass
class Kotak:
    x: int
    y: int
    w: int
    h: int

    @property
    def bawah(self) -> int:
        return self.y + self.h


def _pt(emu: int) -> float:
    return emu / EMU_PT


def _rgb(warna: str | None, cadangan: str = "9E9E9E") -> RGBColor:
    w = (warna.lstrip("#") if isinstance(warna, str) else "") or cadangan
    return RGBColor.from_string(w.upper() if len(w) == 6 else cadangan)


def _teks_di_atas(warna: str | None) -> str:
    return TEKS if (warna or "").lower() in WARNA_TEKS_GELAP else "FFFFFF"


# ---------------------------------------------------------------- templates and layouts

def _punya(layout, *jenis) -> bool:
    return any(ph.placeholder_format.type in jenis for ph in layout.placeholders)


def pilih_tata_letak(prs):
    """(title layout, content layout) of a presentation: the title layout has a title and a subtitle,
    the content layout a title and as little else as possible (Title Only)."""
    judul_jenis = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
    berjudul = [lo for lo in prs.slide_layouts if _punya(lo, *judul_jenis)]
    if not berjudul:
        raise TataLetakError("Templat tidak punya tata letak salindia dengan placeholder judul; tambahkan tata "
                             "letak 'Title Only' (Judul Saja) di Slide Master.")
    lain = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.PICTURE, PP_PLACEHOLDER.CHART,
            PP_PLACEHOLDER.TABLE, PP_PLACEHOLDER.SUBTITLE)
    judul = next((lo for lo in berjudul if _punya(lo, PP_PLACEHOLDER.SUBTITLE)), berjudul[0])
    isi = min((lo for lo in berjudul if not _punya(lo, PP_PLACEHOLDER.CENTER_TITLE)) or berjudul,
              key=lambda lo: sum(1 for ph in lo.placeholders if ph.placeholder_format.type in lain))
    return judul, isi


@lru_cache(maxsize=1)
def templat_bawaan() -> bytes:
    """The built-in design: python-pptx's default template widened to 16:9, Arial, dark blue titles."""
    prs = Presentation()
    skala = LEBAR_16_9 / prs.slide_width
    for induk in [prs.slide_master, *prs.slide_layouts]:
        for sp in induk.shapes:
            sp.left, sp.width = int(sp.left * skala), int(sp.width * skala)
    prs.slide_width, prs.slide_height = LEBAR_16_9, TINGGI_16_9
    tema = prs.slide_master.part.part_related_by(RT_TEMA)
    xml = etree.fromstring(tema.blob)
    for latin in xml.iter(qn("a:latin")):
        latin.set("typeface", "Arial")
    tema._blob = etree.tostring(xml, xml_declaration=True, encoding="UTF-8", standalone=True)
    gaya = prs.slide_master.element.find(qn("p:txStyles")).find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    rpr = gaya.find(qn("a:defRPr"))
    rpr.set("b", "1")
    for lama in rpr.findall(qn("a:solidFill")):
        rpr.remove(lama)
    isi = etree.SubElement(rpr, qn("a:solidFill"))
    etree.SubElement(isi, qn("a:srgbClr")).set("val", BIRU_TUA)
    rpr.insert(0, isi)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _huruf_tema(prs) -> str | None:
    """The theme's body font (its minor Latin typeface), which the deck's text inherits."""
    tema = prs.slide_master.part.part_related_by(RT_TEMA)
    minor = etree.fromstring(tema.blob).find(".//" + qn("a:minorFont"))
    latin = minor.find(qn("a:latin")) if minor is not None else None
    return latin.get("typeface") if latin is not None else None


def _buka(templat: bytes | None):
    prs = Presentation(io.BytesIO(templat if templat is not None else templat_bawaan()))
    daftar = prs.slides._sldIdLst  # a template may carry example slides: drop them
    for sld in list(daftar):
        prs.part.drop_rel(sld.get(qn("r:id")))
        daftar.remove(sld)
    return prs


# ---------------------------------------------------------------- the deck

def dek(b: Bahan, templat: bytes | None = None) -> bytes:
    """The deck of the period, with the given template, else the stored one (`b.templat`), else the
    built-in design. A stored template that fails is replaced by the built-in design, never an error."""
    templat = templat if templat is not None else b.templat
    if templat is not None and relasi_luar(templat):  # never carry a link that is fetched on opening
        logging.getLogger("pantau").info("deck template links outside itself; the built-in design is used")
        templat = None
    rencana = rencana_dek(b)
    kaki = f"Kecamatan {b.kecamatan} · Evaluasi {rencana[0].judul.removeprefix('Evaluasi Kinerja ')}"
    if templat is not None:
        try:
            return _gambar(rencana, templat, kaki)
        except Exception:  # a template that passed the upload check should not fail; if it does, the deck still comes
            logging.getLogger("pantau").exception("deck template failed; the built-in design is used")
    return _gambar(rencana, None, kaki)


def dek_contoh(templat: bytes) -> bytes:
    """A short deck of every slide kind and chart type with made-up content: the upload check of a template."""
    tabel = Tabel(["Uraian", "Nilai"], [["Contoh baris", "1,00"]], [3, 1], kanan={1})
    kartu = Kartu("Ukuran", "1,00 %", "Baik", "keterangan", "#1b7f3b")

    def grafik(jenis: str) -> Grafik:
        return Grafik(jenis, "Contoh", ["A", "B"], [("Seri", [1.0, None])], "0", ["1f5fa8"])

    rencana = [Salindia("judul", "Contoh", "Subjudul"), Salindia("ringkasan", "Contoh", kartu=[kartu]),
               Salindia("sasaran", "Contoh", "Sub", tabel=tabel, poin=["Satu"]),
               Salindia("narasi", "Contoh", "Sub", teks=[("A", "teks"), ("B", "teks")]),
               Salindia("anggaran", "Contoh", kartu=[kartu], grafik=grafik("garis"), tabel=tabel),
               Salindia("skm", "Contoh", grafik=grafik("batang"), kosong=["Belum ada data"]),
               Salindia("desa", "Contoh", grafik=grafik("kolom"), poin=["Satu"]),
               Salindia("penutup", "Contoh", poin=["Satu", "Dua"])]
    return _gambar(rencana, templat, "Contoh")


def _gambar(rencana: list[Salindia], templat: bytes | None, kaki: str) -> bytes:
    prs = _buka(templat)
    bawaan = templat is None
    judul_lo, isi_lo = pilih_tata_letak(prs)
    with ukur.dengan_faktor(ukur.faktor_huruf(_huruf_tema(prs))):
        for s in rencana:
            if s.jenis == "judul":
                _salindia_judul(prs, judul_lo, s, bawaan)
                continue
            slide, area = _salindia(prs, isi_lo, s, bawaan, kaki)
            GAMBAR.get(s.jenis, _umum)(slide, s, area)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _buang_placeholder(slide, simpan: tuple) -> None:
    for ph in list(slide.placeholders):
        if ph.placeholder_format.type not in simpan:
            ph._element.getparent().remove(ph._element)


def _catatan(slide, teks: str) -> None:
    if teks:
        slide.notes_slide.notes_text_frame.text = teks


def _salindia_judul(prs, layout, s: Salindia, bawaan: bool) -> None:
    slide = prs.slides.add_slide(layout)
    _buang_placeholder(slide, (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE))
    W, H = prs.slide_width, prs.slide_height
    judul = slide.shapes.title
    if bawaan:
        latar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, W, int(H * 0.62))
        latar.fill.solid()
        latar.fill.fore_color.rgb = _rgb(BIRU_TUA)
        latar.line.fill.background()
        pohon = slide.shapes._spTree
        pohon.remove(latar._element)
        pohon.insert(2, latar._element)
        judul.left, judul.top, judul.width, judul.height = Inches(0.8), Inches(1.6), W - Inches(1.6), Inches(2.2)
    _isi(judul.text_frame, [(s.judul, 1.0, True)], Kotak(judul.left, judul.top, judul.width, judul.height),
         maks=44, minimum=24, warna="FFFFFF" if bawaan else None, rata=PP_ALIGN.LEFT if bawaan else None)
    sub = next((ph for ph in slide.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE), None)
    if sub is None:
        sub = slide.shapes.add_textbox(Inches(0.8), int(H * 0.66), W - Inches(1.6), Inches(1.8))
    elif bawaan:
        sub.left, sub.top, sub.width, sub.height = Inches(0.8), int(H * 0.66), W - Inches(1.6), Inches(1.9)
    baris = s.subjudul.split("\n")
    _isi(sub.text_frame, [(x, 1.0 if i == 0 else 0.8, i == 0) for i, x in enumerate(baris)],
         Kotak(sub.left, sub.top, sub.width, sub.height), maks=24, minimum=TEKS_MIN,
         warna=ABU_TEKS if bawaan else None, rata=PP_ALIGN.LEFT if bawaan else None)
    _catatan(slide, s.catatan)


def _salindia(prs, layout, s: Salindia, bawaan: bool, kaki: str):
    """A content slide with its title (and subtitle); returns the slide and the free area below them."""
    slide = prs.slides.add_slide(layout)
    _buang_placeholder(slide, (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE))
    W, H = prs.slide_width, prs.slide_height
    tepi = Inches(0.5)
    judul = slide.shapes.title
    if bawaan:
        judul.left, judul.top, judul.width, judul.height = tepi, Inches(0.3), W - 2 * tepi, Inches(0.9)
        garis = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, tepi, Inches(1.22), Inches(1.2), Inches(0.06))
        garis.fill.solid()
        garis.fill.fore_color.rgb = _rgb("F08C00")
        garis.line.fill.background()
    judul.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    _isi(judul.text_frame, [(s.judul, 1.0, True)], Kotak(judul.left, judul.top, judul.width, judul.height),
         maks=30 if bawaan else 32, minimum=16, rata=PP_ALIGN.LEFT if bawaan else None)
    atas = max(judul.top + judul.height, Inches(1.28) if bawaan else 0) + Inches(0.08)
    bawah = H - Inches(0.55 if bawaan else 0.7)
    if s.subjudul:
        kotak = Kotak(tepi, atas, W - 2 * tepi, Inches(0.4))
        tb = slide.shapes.add_textbox(kotak.x, kotak.y, kotak.w, kotak.h)
        _isi(tb.text_frame, [(s.subjudul, 1.0, False)], kotak, maks=16, minimum=TEKS_MIN, warna=ABU_TEKS)
        atas += kotak.h + Inches(0.05)
    if bawaan:
        _kaki(slide, kaki, W, H)
    # the notes hold the slide's bullets too: on a narrow template they may not all find room on the slide
    poin = [f"- {x}" for x in s.poin if x not in s.catatan]
    _catatan(slide, "\n".join([s.catatan, *poin]).strip())
    return slide, Kotak(tepi, atas, W - 2 * tepi, bawah - atas)


def _kaki(slide, teks: str, W: int, H: int) -> None:
    kiri = slide.shapes.add_textbox(Inches(0.5), H - Inches(0.45), W - Inches(2.0), Inches(0.3))
    kiri.name = "Kaki"  # page furniture, like the slide number: not body text
    _isi(kiri.text_frame, [(teks, 1.0, False)], Kotak(kiri.left, kiri.top, kiri.width, kiri.height),
         maks=10, minimum=8, warna="868E96")
    kanan = slide.shapes.add_textbox(W - Inches(1.3), H - Inches(0.45), Inches(0.8), Inches(0.3))
    kanan.name = "Nomor salindia"
    p = kanan.text_frame.paragraphs[0]
    p.alignment = PP_ALIGN.RIGHT
    fld = etree.SubElement(p._p, qn("a:fld"))
    fld.set("id", "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}")
    fld.set("type", "slidenum")
    rpr = etree.SubElement(fld, qn("a:rPr"))
    rpr.set("lang", "id-ID")
    rpr.set("sz", "1000")
    isi = etree.SubElement(rpr, qn("a:solidFill"))
    etree.SubElement(isi, qn("a:srgbClr")).set("val", "868E96")
    etree.SubElement(fld, qn("a:t")).text = "‹#›"


# ---------------------------------------------------------------- text

def _isi(tf, paragraf: list[tuple[str, float, bool]], kotak: Kotak, *, maks: float, minimum: float,
         warna: str | None = None, rata=None, spasi: float = 0.0, anchor=None) -> float:
    """Fill a text frame with paragraphs (text, relative size, bold) at the largest size that fits the box;
    what does not fit at `minimum` is cut. Returns the size used."""
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tepi_x, tepi_y = Inches(0.08), Inches(0.04)
    tf.margin_left = tf.margin_right = tepi_x
    tf.margin_top = tf.margin_bottom = tepi_y
    if anchor is not None:
        tf.vertical_anchor = anchor
    lebar, tinggi = _pt(kotak.w - 2 * tepi_x), _pt(kotak.h - 2 * tepi_y)
    ukuran = ukur.ukuran_pas(paragraf, lebar, tinggi, maks=maks, minimum=minimum, spasi_paragraf=spasi)
    if ukuran is None:
        ukuran = minimum
        paragraf = _potong_semua(paragraf, lebar, tinggi, ukuran, spasi)
    for i, (teks, rel, tebal) in enumerate(paragraf):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        if rata is not None:
            p.alignment = rata
        if spasi and i:
            p.space_before = Pt(spasi * ukuran * rel)
        r = p.add_run()
        r.text = teks
        r.font.size = Pt(math.floor(ukuran * rel * 2) / 2)  # half points, rounded down: never larger than measured
        r.font.bold = tebal
        r.font.language_id = MSO_LANGUAGE_ID.INDONESIAN
        if warna:
            r.font.color.rgb = _rgb(warna)
    return ukuran


def _potong_semua(paragraf, lebar: float, tinggi: float, ukuran: float, spasi: float):
    """Cut the longest paragraphs until everything fits at `ukuran`."""
    paragraf = list(paragraf)
    while ukur.tinggi([(t, r * ukuran, b) for t, r, b in paragraf], lebar, spasi) > tinggi:
        i = max(range(len(paragraf)), key=lambda k: ukur.jumlah_baris(paragraf[k][0], lebar, paragraf[k][1] * ukuran))
        t, r, b = paragraf[i]
        baris = ukur.jumlah_baris(t, lebar, r * ukuran, b)
        if baris <= 1:
            paragraf.pop()
            if not paragraf:
                break
            continue
        tinggi_baru = (baris - 1) * r * ukuran * ukur.SPASI_BARIS
        paragraf[i] = (ukur.potong(t, lebar, tinggi_baru, r * ukuran, b), r, b)
    return paragraf


def _kotak_teks(slide, kotak: Kotak, paragraf, *, maks: float, minimum: float, warna: str | None = None,
                isi: str | None = None, garis: str | None = None, spasi: float = 0.25, rata=None, anchor=None):
    if isi or garis:
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, kotak.x, kotak.y, kotak.w, kotak.h)
        shape.fill.solid()  # a filled box: some viewers shadow the text of an unfilled one
        shape.fill.fore_color.rgb = _rgb(isi or "FFFFFF")
        if garis:
            shape.line.color.rgb = _rgb(garis)
            shape.line.width = Pt(0.75)
        else:
            shape.line.fill.background()
        shape.shadow.inherit = False
    else:
        shape = slide.shapes.add_textbox(kotak.x, kotak.y, kotak.w, kotak.h)
    _isi(shape.text_frame, paragraf, kotak, maks=maks, minimum=minimum, warna=warna or TEKS, spasi=spasi,
         rata=rata or PP_ALIGN.LEFT, anchor=anchor or MSO_ANCHOR.TOP)
    return shape


def _poin(slide, kotak: Kotak, poin: list[str], *, maks: float = 18, minimum: float = TEKS_MIN) -> None:
    if poin and kotak.h > Inches(0.25):
        _kotak_teks(slide, kotak, [(f"• {x}", 1.0, False) for x in poin], maks=maks, minimum=minimum)


def _kosong(slide, kotak: Kotak, pesan: list[str], *, maks: float = 18) -> None:
    if pesan:
        _kotak_teks(slide, kotak, [(x, 1.0, False) for x in pesan], maks=maks, minimum=TEKS_MIN, isi=KUNING_MUDA,
                    garis="E0B400", anchor=MSO_ANCHOR.MIDDLE)


def _tinggi_poin(poin: list[str], lebar: int, ukuran: float = TEKS_MIN) -> int:
    """Height that bullet lines take at `ukuran` (for laying out what comes below them)."""
    if not poin:
        return 0
    t = ukur.tinggi([(f"• {x}", ukuran, False) for x in poin], _pt(lebar) - 12, 0.25)
    return Emu(int((t + 10) * EMU_PT))


# ---------------------------------------------------------------- cards, tables, charts

def _baris_pita(kartu: list[Kartu], lebar: int) -> int:
    """Lines the category bands of a row of cards need at TEKS_MIN (one band height for the whole row)."""
    return max(ukur.jumlah_baris(k.kategori or "—", _pt(lebar - 2 * Inches(0.08)), TEKS_MIN, True) for k in kartu)


def _kartu(slide, k: Kartu, kotak: Kotak, *, besar: float = 30, baris_pita: int = 1) -> None:
    """A measure's card: its category band, then its name, the figure (as large as fits, from `besar` down
    to 20 pt), the change from the previous TW and a note, these at TEKS_MIN."""
    bingkai = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, kotak.x, kotak.y, kotak.w, kotak.h)
    bingkai.fill.solid()
    bingkai.fill.fore_color.rgb = _rgb("FFFFFF")
    bingkai.line.color.rgb = _rgb(ABU_GARIS)
    bingkai.shadow.inherit = False
    pita = Kotak(kotak.x, kotak.y, kotak.w, min(Inches(0.2 + 0.25 * baris_pita), kotak.h // 3))
    _kotak_teks(slide, pita, [(k.kategori or "—", 1.0, True)], maks=16, minimum=TEKS_MIN,
                isi=(k.warna or "#adb5bd")[1:], warna=_teks_di_atas(k.warna), rata=PP_ALIGN.CENTER,
                anchor=MSO_ANCHOR.MIDDLE)
    isi = Kotak(kotak.x, pita.bawah, kotak.w, kotak.h - pita.h)
    tb = slide.shapes.add_textbox(isi.x, isi.y, isi.w, isi.h)
    nilai = k.nilai.replace(" ", "\u00a0")  # `87,26 %` stays on one line
    lebar, tinggi = _pt(isi.w - 2 * Inches(0.08)), _pt(isi.h - 2 * Inches(0.04))
    # sizes in points (the text frame is filled at a scale of 1)
    for u in range(int(besar), 19, -2):
        paragraf = [(k.judul, TEKS_MIN, False), (nilai, u, True)] + \
            [(x, TEKS_MIN, False) for x in (k.perubahan, k.keterangan) if x]
        if ukur.ukuran_pas(paragraf, lebar, tinggi, maks=1, minimum=1, spasi_paragraf=0.1) is not None:
            break
    _isi(tb.text_frame, paragraf, isi, maks=1, minimum=1, warna=TEKS, rata=PP_ALIGN.CENTER, spasi=0.1,
         anchor=MSO_ANCHOR.MIDDLE)


def _ukuran_tabel(t: Tabel, lebar_pt: float, tinggi_pt: float, maks: float, minimum: float):
    """The size at which the table fits the height without breaking a word, with the column widths and
    each row's height in points at that size."""
    u = maks
    baris = [t.kolom, *t.baris]
    while True:
        lebar_kolom = _lebar_kolom(t, lebar_pt, u)
        tinggi = [_tinggi_baris(row, lebar_kolom, u, i == 0) for i, row in enumerate(baris)]
        utuh = all(ukur.kata_muat(x, w - TEPI_SEL_PT, u, i == 0)
                   for i, row in enumerate(baris) for x, w in zip(row, lebar_kolom))
        if (sum(tinggi) <= tinggi_pt and utuh) or u <= minimum:
            return u, lebar_kolom, tinggi
        u -= 0.5


def _lebar_perlu(t: Tabel, u: float) -> list[float]:
    """Per column, the width in points its longest word needs at size `u` (bold where it is bold)."""
    baris = [t.kolom, *t.baris]
    return [max(ukur.lebar(k, u, i == 0 or (i - 1, j) in t.warna) for i, row in enumerate(baris)
                for k in row[j].split() or [""]) + TEPI_SEL_PT + 1 for j in range(len(t.kolom))]


def _lebar_kolom(t: Tabel, lebar_pt: float, u: float) -> list[float]:
    """Column widths in points: the plan's proportions, except that a column whose longest word would
    break at size `u` takes the width of that word, from the columns with room to spare (when the
    words of all columns fit the total width at all)."""
    perlu = _lebar_perlu(t, u)
    lebar = [lebar_pt * w / sum(t.lebar) for w in t.lebar]
    if sum(perlu) > lebar_pt or all(w >= p for w, p in zip(lebar, perlu)):
        return lebar
    lebar = [max(w, p) for w, p in zip(lebar, perlu)]
    lebih, ruang = sum(lebar) - lebar_pt, sum(w - p for w, p in zip(lebar, perlu))
    return [w - lebih * (w - p) / ruang for w, p in zip(lebar, perlu)] if ruang > 0 else lebar


TEPI_SEL_PT = 2 * 3.6  # a table cell's left and right margins, points


def _tinggi_baris(row: list[str], lebar_kolom: list[float], u: float, tebal: bool) -> float:
    baris = max(ukur.jumlah_baris(teks, w - TEPI_SEL_PT, u, tebal) for teks, w in zip(row, lebar_kolom))
    return baris * u * ukur.SPASI_BARIS + 2 * 2.9 + 1


def _tabel(slide, t: Tabel, kotak: Kotak, *, maks: float = 16, minimum: float = TEKS_MIN) -> int:
    """A native table at the top of the box, sized to fit it; returns the height it takes."""
    tinggi_catatan = Inches(0.4) if t.catatan else 0
    u, lebar_pt, tinggi = _ukuran_tabel(t, _pt(kotak.w), _pt(kotak.h - tinggi_catatan), maks, minimum)
    lebar = [int(w * EMU_PT) for w in lebar_pt]
    baris = [t.kolom, *t.baris]
    if sum(tinggi) > _pt(kotak.h - tinggi_catatan):  # even the smallest size is too tall: cut the long cells
        batas = max(1, int(_pt(kotak.h - tinggi_catatan) / len(baris) / (u * ukur.SPASI_BARIS)) - 0)
        baris = [[ukur.potong(x, _pt(w) - TEPI_SEL_PT, batas * u * ukur.SPASI_BARIS, u) for x, w in zip(row, lebar)]
                 for row in baris]
        tinggi = [_tinggi_baris(row, [_pt(w) for w in lebar], u, i == 0) for i, row in enumerate(baris)]
    gf = slide.shapes.add_table(len(baris), len(t.kolom), kotak.x, kotak.y, sum(lebar),
                                Emu(int(sum(tinggi) * EMU_PT)))
    tbl = gf.table
    tbl.first_row = True
    tbl.horz_banding = False
    for j, w in enumerate(lebar):
        tbl.columns[j].width = w
    for i, row in enumerate(baris):
        tbl.rows[i].height = Emu(int(tinggi[i] * EMU_PT))
        for j, teks in enumerate(row):
            cell = tbl.cell(i, j)
            cell.margin_left = cell.margin_right = Pt(3.6)
            cell.margin_top = cell.margin_bottom = Pt(2.9)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            warna = BIRU_TUA if i == 0 else (t.warna.get((i - 1, j), "").lstrip("#") or
                                             ("FFFFFF" if i % 2 else ABU_BARIS))
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(warna)
            tf = cell.text_frame
            tf.word_wrap = True
            p = tf.paragraphs[0]
            p.alignment = PP_ALIGN.RIGHT if (j in t.kanan and i > 0) else PP_ALIGN.LEFT
            r = p.add_run()
            r.text = teks
            r.font.size = Pt(u)
            r.font.language_id = MSO_LANGUAGE_ID.INDONESIAN
            berwarna = i > 0 and (i - 1, j) in t.warna
            r.font.bold = i == 0 or berwarna
            r.font.color.rgb = _rgb("FFFFFF" if i == 0 else (_teks_di_atas("#" + warna) if berwarna else TEKS))
    tinggi_emu = Emu(int(sum(tinggi) * EMU_PT))
    if t.catatan:
        k = Kotak(kotak.x, kotak.y + tinggi_emu + Inches(0.03), kotak.w, Inches(0.34))
        _kotak_teks(slide, k, [(t.catatan, 1.0, False)], maks=TEKS_MIN, minimum=TEKS_MIN, warna=ABU_TEKS)
        tinggi_emu += Inches(0.4)
    return tinggi_emu


JENIS_GRAFIK = {"garis": XL_CHART_TYPE.LINE_MARKERS, "batang": XL_CHART_TYPE.BAR_CLUSTERED,
                "kolom": XL_CHART_TYPE.COLUMN_CLUSTERED}


def _grafik(slide, g: Grafik, kotak: Kotak) -> None:
    data = CategoryChartData(number_format=g.format_angka)
    # a bar chart draws its first category at the bottom: give it the categories last-first, so that
    # they read top-down in the plan's order (reversing the axis instead misplaces it in some viewers)
    balik = (lambda x: list(reversed(x))) if g.jenis == "batang" else list
    data.categories = balik(g.kategori)
    for nama, nilai in g.seri:
        data.add_series(nama, balik(nilai))
    chart = slide.shapes.add_chart(JENIS_GRAFIK[g.jenis], kotak.x, kotak.y, kotak.w, kotak.h, data).chart
    chart.font.size = Pt(TEKS_MIN)
    chart.has_title = True
    chart.chart_title.text_frame.text = g.judul
    judul = chart.chart_title.text_frame.paragraphs[0].runs[0].font
    judul.size, judul.bold = Pt(16), True
    chart.has_legend = len(g.seri) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    if g.jenis == "kolom":  # category labels wrap rather than turn sideways ("Sangat Tertinggal")
        chart.category_axis.tick_labels.font.size = Pt(12)
        body = chart.category_axis._element.find(qn("c:txPr")).find(qn("a:bodyPr"))
        body.set("rot", "0")
        body.set("vert", "horz")
    sumbu = chart.value_axis
    sumbu.tick_labels.number_format = g.format_sumbu or g.format_angka
    sumbu.tick_labels.number_format_is_linked = False
    sumbu.has_major_gridlines = True
    sumbu.major_gridlines.format.line.color.rgb = _rgb("DEE2E6")
    sumbu.format.line.fill.background()
    if g.sumbu[0] is not None:
        sumbu.minimum_scale = g.sumbu[0]
    if g.sumbu[1] is not None:
        sumbu.maximum_scale = g.sumbu[1]
    plot = chart.plots[0]
    if g.jenis in ("batang", "kolom"):
        plot.gap_width = 50
        plot.vary_by_categories = False
    for i, seri in enumerate(plot.series):
        warna = _rgb(g.warna[i] if i < len(g.warna) else None)
        if g.jenis == "garis":
            seri.smooth = False
            seri.format.line.color.rgb = warna
            seri.format.line.width = Pt(2.5 if i == 0 else 2)
            if seri.name == "Pagu":
                seri.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
                seri.marker.style = XL_MARKER_STYLE.NONE
            else:
                seri.marker.style = XL_MARKER_STYLE.CIRCLE
                seri.marker.size = 8
                seri.marker.format.fill.solid()
                seri.marker.format.fill.fore_color.rgb = warna
                seri.marker.format.line.color.rgb = warna
        else:
            seri.format.fill.solid()
            seri.format.fill.fore_color.rgb = warna
            for j, w in enumerate(balik(g.warna_titik or [])):
                titik = seri.points[j]
                titik.format.fill.solid()
                titik.format.fill.fore_color.rgb = _rgb(w)
        if i == 0:  # the data's own figures as labels (the first series: realisasi, NRR, counts)
            label = seri.data_labels
            label.number_format = g.format_angka
            label.number_format_is_linked = False
            label.font.size = Pt(12)
            label.show_value = True
            label.position = XL_LABEL_POSITION.ABOVE if g.jenis == "garis" else XL_LABEL_POSITION.OUTSIDE_END


# ---------------------------------------------------------------- slide kinds

def _bagi(area: Kotak, porsi: float) -> tuple[Kotak, Kotak]:
    """Two columns: the left one `porsi` of the width."""
    kiri = int(area.w * porsi) - JARAK // 2
    return Kotak(area.x, area.y, kiri, area.h), Kotak(area.x + kiri + JARAK, area.y, area.w - kiri - JARAK, area.h)


def _sisa(kotak: Kotak, dipakai: int) -> Kotak:
    return Kotak(kotak.x, kotak.y + dipakai, kotak.w, max(0, kotak.h - dipakai))


def _umum(slide, s: Salindia, area: Kotak) -> None:
    """Content without a chart: cards, what is missing, table, bullets, one below the other."""
    if s.kosong and not (s.kartu or s.tabel or s.grafik or s.poin):
        _kosong(slide, Kotak(area.x, area.y + area.h // 4, area.w, area.h // 3), s.kosong, maks=20)
        return
    if s.kartu:
        n = len(s.kartu)
        w = (area.w - JARAK * (n - 1)) // n
        h = min(Inches(3.4), area.h * 2 // 3)
        pita = _baris_pita(s.kartu, w)
        for i, k in enumerate(s.kartu):
            _kartu(slide, k, Kotak(area.x + i * (w + JARAK), area.y, w, h), besar=32 if n > 3 else 40,
                   baris_pita=pita)
        area = _sisa(area, h + Inches(0.25))
    if s.kosong:
        h = Inches(0.55) * len(s.kosong)
        _kosong(slide, Kotak(area.x, area.y, area.w, h), s.kosong)
        area = _sisa(area, h + JARAK)
    if s.tabel:
        ruang_poin = _tinggi_poin(s.poin, area.w)
        dipakai = _tabel(slide, s.tabel, Kotak(area.x, area.y, area.w, area.h - ruang_poin))
        area = _sisa(area, dipakai + JARAK)
    _poin(slide, area, s.poin, maks=20 if s.jenis == "penutup" else 18)


def _sasaran(slide, s: Salindia, area: Kotak) -> None:
    """The indicators' table and their history; below them, where the plan put it there, the narrative."""
    if not s.teks:
        _umum(slide, s, area)
        return
    dipakai = _tabel(slide, s.tabel, Kotak(area.x, area.y, area.w, area.h // 2))
    area = _sisa(area, dipakai + JARAK)
    if s.poin:
        h = _tinggi_poin(s.poin, area.w)
        _poin(slide, Kotak(area.x, area.y, area.w, h), s.poin, maks=TEKS_MIN)
        area = _sisa(area, h)
    _narasi(slide, s, area)


def _narasi(slide, s: Salindia, area: Kotak) -> None:
    """Faktor pendorong, penghambat and tindak lanjut side by side, at one size for the three columns."""
    n = len(s.teks)
    w = (area.w - JARAK * (n - 1)) // n
    kepala_h = Inches(0.42)
    ukuran = min((ukur.ukuran_pas([(p, 1.0, False) for p in isi.split("\n")], _pt(w - Inches(0.16)),
                                  _pt(area.h - kepala_h - Inches(0.08)), maks=18, minimum=TEKS_MIN,
                                  spasi_paragraf=0.25) or TEKS_MIN) for _, isi in s.teks)
    for i, (judul, isi) in enumerate(s.teks):
        x = area.x + i * (w + JARAK)
        _kotak_teks(slide, Kotak(x, area.y, w, kepala_h), [(judul, 1.0, True)], maks=16, minimum=TEKS_MIN,
                    isi=BIRU_TUA, warna="FFFFFF", anchor=MSO_ANCHOR.MIDDLE)
        _kotak_teks(slide, Kotak(x, area.y + kepala_h, w, area.h - kepala_h),
                    [(p, 1.0, False) for p in isi.split("\n")], maks=ukuran, minimum=TEKS_MIN, garis=ABU_GARIS)


def _dua_kolom(slide, s: Salindia, area: Kotak, porsi: float) -> None:
    """A chart on the left; on the right the card, what is missing, the table and the bullets."""
    if s.grafik is None:
        _umum(slide, s, area)
        return
    if s.tabel:  # a narrow slide (a 4:3 template) gives the table the width its words need, the chart the rest
        perlu = Emu(int((sum(_lebar_perlu(s.tabel, TEKS_MIN)) + 2) * EMU_PT)) + JARAK
        porsi = max(0.35, min(porsi, 1 - perlu / area.w))
    kiri, kanan = _bagi(area, porsi)
    _grafik(slide, s.grafik, kiri)
    if s.kartu:
        h = Inches(2.1)
        _kartu(slide, s.kartu[0], Kotak(kanan.x, kanan.y, kanan.w, h), besar=36,
               baris_pita=_baris_pita(s.kartu[:1], kanan.w))
        kanan = _sisa(kanan, h + JARAK)
    if s.kosong:
        h = Inches(0.8)
        _kosong(slide, Kotak(kanan.x, kanan.y, kanan.w, h), s.kosong, maks=16)
        kanan = _sisa(kanan, h + JARAK)
    ruang_poin = _tinggi_poin(s.poin, kanan.w)
    if s.tabel:  # the table's rows before the bullets, where both do not fit
        _, _, tinggi = _ukuran_tabel(s.tabel, _pt(kanan.w), math.inf, TEKS_MIN, TEKS_MIN)
        butuh = Emu(int(sum(tinggi) * EMU_PT)) + (Inches(0.4) if s.tabel.catatan else 0)
        ruang_poin = max(0, min(ruang_poin, kanan.h - butuh - JARAK))
        dipakai = _tabel(slide, s.tabel, Kotak(kanan.x, kanan.y, kanan.w, kanan.h - ruang_poin))
        kanan = _sisa(kanan, dipakai + JARAK)
    _poin(slide, kanan, s.poin, maks=16)


GAMBAR = {
    "ringkasan": _umum,
    "sasaran": _sasaran,
    "narasi": _narasi,
    "anggaran": lambda slide, s, area: _dua_kolom(slide, s, area, 0.56),
    "program": _umum,
    "skm": lambda slide, s, area: _dua_kolom(slide, s, area, 0.56),
    "desa": lambda slide, s, area: _dua_kolom(slide, s, area, 0.48),
    "penutup": _umum,
    "peringatan": _umum,
}
