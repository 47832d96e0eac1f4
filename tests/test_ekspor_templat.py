"""The kabupaten's PowerPoint template: the deck uses its size, theme and layouts; hostile uploads are
refused with a message; storage in the pengaturan table round-trips and never leaks into settings."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from datetime import datetime, timezone

import pytest
from pptx import Presentation
from pptx.util import Inches
from sqlalchemy import select

from dashboard import pengaturan as peng
from dashboard.ekspor import dek, kumpulkan, rencana_dek, templat
from dashboard.ekspor.templat import TemplatError, periksa
from models.db import get_engine, session_scope
from models.tables import Pengaturan, PengaturanLog
from tests.test_ekspor import _judul, _muat

WAKTU = datetime(2026, 2, 6, 10, 15, tzinfo=timezone.utc)


def templat_kabupaten(*, tanpa_judul: bool = False) -> bytes:
    """A 4:3 template with renamed layouts and an example slide (which the deck must not keep)."""
    prs = Presentation()
    for lo in prs.slide_layouts:
        lo.name = f"Kabupaten {lo.name}"
        if tanpa_judul:
            for ph in list(lo.placeholders):
                if ph.placeholder_format.type in (1, 3):  # TITLE, CENTER_TITLE
                    ph._element.getparent().remove(ph._element)
    contoh = prs.slides.add_slide(prs.slide_layouts[1])
    if not tanpa_judul:
        contoh.shapes.title.text = "Salindia contoh dari templat"
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _zip(isi: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in isi.items():
            z.writestr(nama, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def bahan_bajuin(demo_template):
    url = f"sqlite:///{demo_template}"
    with session_scope(get_engine(url)) as s:
        b = kumpulkan(s, "Bajuin", 2025, 4, WAKTU)
    get_engine(url).dispose()
    return b


def test_templat_sah(bahan_bajuin):
    isi = templat_kabupaten()
    info = periksa(isi, "Templat Tanah Laut.pptx")
    assert info.rasio == "4:3" and info.tata_letak_judul == "Kabupaten Title Slide"
    assert info.tata_letak_isi == "Kabupaten Title Only"
    prs = Presentation(io.BytesIO(dek(bahan_bajuin, templat=isi)))
    asli = Presentation(io.BytesIO(isi))
    assert (prs.slide_width, prs.slide_height) == (asli.slide_width, asli.slide_height)
    judul = [_judul(s) for s in prs.slides]
    assert judul == [s.judul for s in rencana_dek(bahan_bajuin)]
    assert "Salindia contoh dari templat" not in judul
    assert {s.slide_layout.name for s in prs.slides} == {"Kabupaten Title Slide", "Kabupaten Title Only"}
    for slide in prs.slides:
        for sh in slide.shapes:
            assert sh.left + sh.width <= prs.slide_width and sh.top + sh.height <= prs.slide_height
            if sh.has_text_frame and sh.text_frame.text.strip():
                assert _muat(sh), sh.text_frame.text[:60]
            if sh.is_placeholder:
                assert sh.placeholder_format.type in (1, 3, 4), "an empty layout placeholder was left on the slide"


def test_templat_tersimpan_dipakai_dan_rusak_tidak_menggagalkan(bahan_bajuin):
    from dataclasses import replace

    dengan = replace(bahan_bajuin, templat=templat_kabupaten())
    assert Presentation(io.BytesIO(dek(dengan))).slide_width == Inches(10)
    rusak = replace(bahan_bajuin, templat=b"PK\x03\x04 rusak")
    prs = Presentation(io.BytesIO(dek(rusak)))
    assert prs.slide_width == 12192000 and len(prs.slides) == len(rencana_dek(bahan_bajuin))


def _pptx_dengan(ubah) -> bytes:
    """The default presentation with one of its parts changed by `ubah(nama, isi) -> isi`."""
    asli = zipfile.ZipFile(io.BytesIO(templat_kabupaten()))
    return _zip({n: ubah(n, asli.read(n)) for n in asli.namelist()})


JENIS_PRES = b"presentationml.presentation.main+xml"


@pytest.mark.parametrize("isi,nama,pesan", [
    (b"bukan berkas", "a.pptx", "bukan berkas .pptx"),
    (templat_kabupaten(), "a.ppt", ".pptx"),
    (templat_kabupaten(), "a.potx", ".pptx"),
    (b"PK" + b"\0" * (templat.UKURAN_MAKS + 1), "a.pptx", "terlalu besar"),
    (b"PK\x03\x04" + b"x" * 100, "a.pptx", "rusak"),
    (_zip({"a.txt": "halo"}), "a.pptx", "[Content_Types].xml"),
    (_zip({"[Content_Types].xml": "<Types/>", "bom.bin": b"\0" * (templat.ISI_MAKS + 1)}), "a.pptx",
     "terlalu besar setelah dibuka"),
    (_zip({f"f{i}.xml": "" for i in range(templat.ENTRI_MAKS + 1)}), "a.pptx", "terlalu banyak"),
    (_zip({"[Content_Types].xml": "<Types><Override ContentType='application/vnd.openxmlformats-officedocument"
           ".wordprocessingml.document.main+xml'/></Types>"}), "a.pptx", "bukan presentasi"),
    (_pptx_dengan(lambda n, b: b.replace(JENIS_PRES, b"presentation.macroEnabled.main+xml")), "a.pptx",
     "bukan presentasi"),
    (_pptx_dengan(lambda n, b: b)[:-30], "a.pptx", "rusak"),
    (_pptx_dengan(lambda n, b: b"<p:presentation" if n == "ppt/presentation.xml" else b), "a.pptx",
     "tidak dapat dibuka"),
    (templat_kabupaten(tanpa_judul=True), "a.pptx", "placeholder judul"),
])
def test_templat_ditolak_dengan_pesan(isi, nama, pesan):
    with pytest.raises(TemplatError) as e:
        periksa(isi, nama)
    assert pesan in str(e.value)


def test_templat_makro_ditolak():
    isi = _pptx_dengan(lambda n, b: b)
    with_vba = io.BytesIO(isi)
    with zipfile.ZipFile(with_vba, "a") as z:
        z.writestr("ppt/vbaProject.bin", b"\0")
    with pytest.raises(TemplatError, match="makro"):
        periksa(with_vba.getvalue(), "a.pptx")


def test_simpan_baca_hapus(db_url):
    isi = templat_kabupaten()
    with session_scope() as s:
        assert templat.baca(s) is None and templat.info(s) is None
        info = templat.simpan(s, isi, "kabupaten.pptx", pengguna="uji")
    with session_scope() as s:
        assert templat.baca(s) == isi
        assert templat.info(s).nama_file == "kabupaten.pptx" and templat.info(s).pengguna == "uji"
        log = s.execute(select(PengaturanLog).where(PengaturanLog.kunci == templat.KUNCI)).scalars().all()
        assert len(log) == 1 and log[0].kecamatan_id == 0
        assert log[0].nilai_baru == f"kabupaten.pptx ({len(isi)} bita, SHA-256 {info.sha256})"
        # the settings of every kecamatan do not carry the file
        assert templat.KUNCI not in peng.baca_mentah(s, [0])[0]
        assert templat.KUNCI not in peng.baca(s, 0).mentah
    with session_scope() as s:
        assert templat.hapus(s, pengguna="uji")
    with session_scope() as s:
        assert templat.baca(s) is None and not templat.hapus(s, pengguna="uji")


def test_nilai_tersimpan_rusak_dibaca_sebagai_tidak_ada(db_url):
    with session_scope() as s:
        s.add(Pengaturan(kecamatan_id=0, kunci=templat.KUNCI, nilai="{bukan json"))
    with session_scope() as s:
        assert templat.baca(s) is None and templat.info(s) is None


RELASI_LUAR = (b'<Relationship Id="rIdLuar" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
               b'relationships/image" Target="http://pelacak.invalid/piksel.png" TargetMode="External"/>')
GAMBAR_TAUTAN = (b'<p:pic><p:nvPicPr><p:cNvPr id="99" name="Logo"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
                 b'<p:blipFill><a:blip r:link="rIdLuar"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
                 b'<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
                 b'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')
TAUTAN_WEB = (b'<Relationship Id="rIdWeb" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              b'relationships/hyperlink" Target="https://tanahlautkab.go.id/" TargetMode="External"/>')


def _dengan_relasi(relasi: bytes, gambar: bytes = b"") -> bytes:
    """The template with a relationship (and a picture using it) added to its slide master."""
    def ubah(nama, isi):
        if nama == "ppt/slideMasters/_rels/slideMaster1.xml.rels":
            return isi.replace(b"</Relationships>", relasi + b"</Relationships>")
        if nama == "ppt/slideMasters/slideMaster1.xml" and gambar:
            return isi.replace(b"</p:spTree>", gambar + b"</p:spTree>")
        return isi
    return _pptx_dengan(ubah)


def test_templat_dengan_gambar_tertaut_ditolak_dan_tidak_terbawa(bahan_bajuin, db_url):
    """A linked (not embedded) image in the master would be fetched from outside every time a deck opens."""
    from dataclasses import replace

    isi = _dengan_relasi(RELASI_LUAR, GAMBAR_TAUTAN)
    Presentation(io.BytesIO(isi))  # a valid presentation, as PowerPoint writes a linked picture
    with pytest.raises(TemplatError, match="Templat berisi 1 gambar yang ditautkan ke berkas atau alamat di luar"):
        periksa(isi, "tanah-laut.pptx")
    # passed straight to the deck builder, or stored before uploads were checked: the built-in design is used
    for b, templat_langsung in ((bahan_bajuin, isi), (replace(bahan_bajuin, templat=isi), None)):
        hasil = dek(b, templat=templat_langsung)
        with zipfile.ZipFile(io.BytesIO(hasil)) as z:
            assert not [n for n in z.namelist() if b'TargetMode="External"' in z.read(n)]
        assert Presentation(io.BytesIO(hasil)).slide_width == 12192000
    with session_scope() as s:
        s.add(Pengaturan(kecamatan_id=0, kunci=templat.KUNCI, nilai=json.dumps(
            {"nama_file": "lama.pptx", "isi": base64.b64encode(isi).decode("ascii")})))
    with session_scope() as s:
        assert templat.baca(s) is None and templat.info(s) is None


def test_templat_dengan_tautan_web_diterima():
    """A hyperlink (a reader clicks it; nothing is fetched) is not a reason to refuse a template."""
    info = periksa(_dengan_relasi(TAUTAN_WEB), "tanah-laut.pptx")
    assert info.tata_letak_isi == "Kabupaten Title Only"
